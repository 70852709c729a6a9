-- Read models of item history, the audit index and daily totals (API.md sections 4 and 9). Like V3,
-- projections of the event store: emptied by their reset handlers and rebuilt by replay.

-- Item history: the item, each attempt, each step. Every write is an upsert keyed by what the event
-- names, so the tables come out the same whatever order the events of different aggregates arrive in.
create table item_history_batch (
    batch_id              varchar(64) primary key,
    issuer_account_number varchar(64) not null,
    customer_batch_id     varchar(64) not null
);

create table item_history_item (
    transaction_id          varchar(64) primary key,
    batch_id                varchar(64),               -- null for a cash-out
    issuer_account_number   varchar(64) not null,
    customer_transaction_id varchar(64),
    position                integer     not null,
    recipient_id            varchar(64) not null,
    send_method_id          varchar(16) not null,
    amount_minor            bigint      not null,
    currency                char(3)     not null
);
create unique index item_history_item_customer on item_history_item (batch_id, customer_transaction_id);
create index item_history_item_report on item_history_item (batch_id, position, transaction_id);

create table item_history_attempt (
    transaction_id varchar(64) not null,
    attempt_no     integer     not null,
    status         varchar(20) not null,
    error_code     varchar(40),
    started_at     timestamptz,
    finished_at    timestamptz,
    primary key (transaction_id, attempt_no)
);

-- One row per step event; global_index is the event store's order, so steps list as the audit does.
create table item_history_step (
    global_index   bigint      primary key,
    transaction_id varchar(64) not null,
    attempt_no     integer     not null,
    step           varchar(40) not null,
    occurred_at    timestamptz not null
);
create index item_history_step_attempt on item_history_step (transaction_id, attempt_no, global_index);

-- Audit index: which stored events concern which batch or transaction. The events themselves stay in
-- domain_event_entry and are read from there by global_index.
create table audit_batch (
    batch_id              varchar(64) primary key,
    issuer_account_number varchar(64) not null
);

create table audit_transaction (
    transaction_id        varchar(64) primary key,
    batch_id              varchar(64),               -- null for a cash-out
    issuer_account_number varchar(64) not null
);
create index audit_transaction_batch on audit_transaction (batch_id);

create table audit_event_index (
    global_index   bigint primary key,
    batch_id       varchar(64),
    transaction_id varchar(64)
);
create index audit_event_index_batch on audit_event_index (batch_id, global_index);
create index audit_event_index_transaction on audit_event_index (transaction_id, global_index);

-- Daily totals: one row per batch item with its latest final outcome and the UTC date it reached it.
create table daily_totals_item (
    transaction_id        varchar(64) primary key,
    issuer_account_number varchar(64) not null,
    send_method_id        varchar(16) not null,
    amount_minor          bigint      not null,
    currency              char(3)     not null,
    status                varchar(20) not null,
    attempt_no            integer     not null,
    outcome_date          date,
    -- the Transaction aggregate's sequence number of the last event applied: replays change nothing
    last_sequence         bigint      not null
);
create index daily_totals_item_day on daily_totals_item (issuer_account_number, outcome_date);
