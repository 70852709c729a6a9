-- ADR 0018. The issuer event feed (GET /API/v4/Events): which stored events concern which issuer, by global
-- index, so a page is one range of one index joined to domain_event_entry by primary key. A projection of the
-- event store in the transaction-views processor: emptied by its reset handler and rebuilt by replay.

-- Whose wallet, batch and transaction: the issuer of an event that names only one of these.
create table event_feed_wallet (
    wallet_id             varchar(64) primary key,
    issuer_account_number varchar(64) not null
);

create table event_feed_batch (
    batch_id              varchar(64) primary key,
    issuer_account_number varchar(64) not null
);

create table event_feed_transaction (
    transaction_id        varchar(64) primary key,
    issuer_account_number varchar(64) not null
);

-- One row per event and issuer; the primary key is the index a page reads (issuer, then store order).
create table event_feed_index (
    issuer_account_number varchar(64) not null,
    global_index          bigint      not null,
    primary key (issuer_account_number, global_index)
);

-- Where the projection stands (one row): its tracking token's index and gaps, and for each gap the
-- transaction horizon when it was first seen (pg_snapshot_xmax then) and when that was (epoch ms, the
-- database's clock). A reader serves only up to the lowest gap that may still be filled (EventFeedQueries).
create table event_feed_position (
    id          smallint primary key check (id = 1),
    token_index bigint   not null,
    gaps        bigint[] not null,
    horizons    bigint[] not null,
    seen_at     bigint[] not null
);

-- The feed joins a processor that has already seen the store: start it again from the first event, so
-- the feed is complete from the first event too (its three other read models are idempotent, ADR 0011).
delete from token_entry where processor_name = 'transaction-views';

-- Balances as of an instant (ADR 0018): a wallet's is the sum of its credits minus its debits up to then,
-- the ledger's the sum of every posting up to then. The amount in the index makes each an index-only range
-- scan; the (from_id, occurred_at) and (to_id, occurred_at) indexes they replace served the same lookups.
create index ledger_posting_from_at on ledger_posting (from_id, occurred_at) include (amount_minor);
create index ledger_posting_to_at on ledger_posting (to_id, occurred_at) include (amount_minor);
drop index ledger_posting_from;
drop index ledger_posting_to;
create index ledger_posting_at on ledger_posting (occurred_at) include (currency, amount_minor, from_type, to_type);
