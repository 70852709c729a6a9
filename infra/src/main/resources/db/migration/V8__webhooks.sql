-- Webhooks (API.md section 5): each issuer's endpoint, the outbox of events to deliver, and the few item and
-- batch facts the outbox needs that the final domain events do not carry. Not read models: the outbox is fed
-- by the never-replayed processor "webhook-outbox", so these tables are never truncated by a rebuild.

-- The secret signs every delivery, so it is kept as given (not hashed); it never enters the event store.
create table webhook_endpoint (
    issuer_account_number varchar(64)   primary key references issuer,
    url                   varchar(2048) not null,
    secret                varchar(256)  not null,
    updated_at            timestamptz   not null default now()
);

create table webhook_batch (
    batch_id              varchar(64) primary key,
    issuer_account_number varchar(64) not null,
    customer_batch_id     varchar(64) not null
);

create table webhook_item (
    transaction_id          varchar(64) primary key,
    batch_id                varchar(64) not null,
    customer_transaction_id varchar(64) not null,
    recipient_id            varchar(64) not null,
    amount_minor            bigint      not null,
    currency                char(3)     not null
);

-- One row per webhook event: the exact body to send (every retry sends the same bytes under the same
-- EventId) and its delivery state. Status 'Failed' means given up; the API shows it as "Failing".
create table webhook_outbox (
    event_id              varchar(40)  primary key,
    seq                   bigint       generated always as identity unique,
    issuer_account_number varchar(64)  not null,
    event_type            varchar(40)  not null,
    body                  bytea        not null,
    created_at            timestamptz  not null default now(),
    status                varchar(16)  not null default 'Pending'
        check (status in ('Pending', 'Delivered', 'Failing', 'Failed')),
    attempts              integer      not null default 0,
    consecutive_failures  integer      not null default 0,
    last_status_code      integer,
    last_attempt_at       timestamptz,
    -- null once delivered or given up
    next_attempt_at       timestamptz  default now(),
    -- retries go on until a failure happens this long after the window started (creation or Redeliver)
    retry_window_start    timestamptz  not null default now(),
    -- a node that claimed the row delivers it until then; an expired lease makes the row claimable again
    lease_until           timestamptz
);
create index webhook_outbox_due on webhook_outbox (next_attempt_at) where status in ('Pending', 'Failing');
create index webhook_outbox_issuer_due on webhook_outbox (issuer_account_number, seq)
    where status in ('Pending', 'Failing');
create index webhook_outbox_log on webhook_outbox (issuer_account_number, seq);
