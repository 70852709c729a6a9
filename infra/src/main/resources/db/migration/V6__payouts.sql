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
