-- ADR 0012: a payments chunk debits an issuer wallet and credits each recipient wallet with one event
-- each, one line per item, instead of one event per item. Read models that follow items key such an
-- event by its global index (or event identifier) and the item it names. Existing rows are events of
-- one item: they keep their keys (line 0).

alter table ledger_posting add column line integer not null default 0;
alter table ledger_posting drop constraint ledger_posting_pkey;
alter table ledger_posting add primary key (event_id, line);

alter table item_history_step drop constraint item_history_step_pkey;
alter table item_history_step add primary key (global_index, transaction_id);

-- transaction_id is null on batch-level events, so a unique index on the pair stands in for a key
alter table audit_event_index drop constraint audit_event_index_pkey;
create unique index audit_event_index_event on audit_event_index (global_index, coalesce(transaction_id, ''));
