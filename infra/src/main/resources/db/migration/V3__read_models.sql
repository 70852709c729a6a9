-- Read models: projections of the event store, thrown away and rebuilt by their reset handlers.

create table batch_view (
    batch_id              varchar(64)  primary key,
    issuer_account_number varchar(64)  not null,
    customer_batch_id     varchar(64)  not null,
    source_wallet_id      varchar(64)  not null,
    currency              char(3)      not null,
    received_count        integer      not null,
    accepted_count        integer      not null,
    rejected_count        integer      not null,
    created_at            timestamptz  not null
);
create unique index batch_view_customer_batch on batch_view (issuer_account_number, customer_batch_id);

create table batch_item_view (
    transaction_id          varchar(64) primary key,
    batch_id                varchar(64) not null,
    position                integer     not null,
    customer_transaction_id varchar(64) not null,
    recipient_id            varchar(64) not null,
    send_method_id          varchar(16) not null,
    amount_minor            bigint      not null,
    currency                char(3)     not null,
    status                  varchar(20) not null,
    error_code              varchar(40),
    attempt_no              integer     not null,
    wallet_id               varchar(64),
    updated_at              timestamptz not null,
    -- the Transaction aggregate's sequence number of the last event applied: replays change nothing
    last_sequence           bigint      not null
);
create index batch_item_view_page on batch_item_view (batch_id, position);
create index batch_item_view_status on batch_item_view (batch_id, status, position);
