-- What the sandbox rails received: one row per idempotency key (TransactionId:AttemptNo).
create table sandbox_payout (
    idempotency_key varchar(100) primary key,
    transaction_id  varchar(64)  not null,
    attempt_no      integer      not null,
    send_method_id  varchar(16)  not null,
    amount_minor    bigint       not null,
    currency        char(3)      not null,
    calls           integer      not null,
    outcome         varchar(20)  not null,
    first_called_at timestamptz  not null default now(),
    last_called_at  timestamptz  not null default now()
);
-- A TransactionId is Paid at most once, ever: the database says so too.
create unique index sandbox_payout_paid_once on sandbox_payout (transaction_id) where outcome = 'Paid';

create table sandbox_rail_mode (
    send_method_id varchar(16) primary key,
    down           boolean     not null
);

-- db-scheduler's table: Axon's DbSchedulerDeadlineManager keeps saga deadlines here, so a retry or a
-- timeout fires once across all nodes and survives a restart.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- The double-entry ledger read model: one row per posting, balances per account.
create table ledger_posting (
    event_id       varchar(255) primary key,
    occurred_at    timestamptz  not null,
    transaction_id varchar(64),
    attempt_no     integer      not null,
    currency       char(3)      not null,
    amount_minor   bigint       not null check (amount_minor > 0),
    from_type      varchar(20)  not null,
    from_id        varchar(64)  not null,
    to_type        varchar(20)  not null,
    to_id          varchar(64)  not null,
    kind           varchar(30)  not null
);
create index ledger_posting_from on ledger_posting (from_id, occurred_at);
create index ledger_posting_to on ledger_posting (to_id, occurred_at);
create index ledger_posting_transaction on ledger_posting (transaction_id);

create table ledger_account (
    account_type          varchar(20) not null,
    account_id            varchar(64) not null,
    currency              char(3)     not null,
    balance_minor         bigint      not null,
    issuer_account_number varchar(64),
    owner_id              varchar(64),
    created_at            timestamptz,
    primary key (account_type, account_id, currency)
);
create index ledger_account_owner on ledger_account (issuer_account_number, owner_id);
