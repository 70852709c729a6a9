-- Rail payouts as work to dispatch (ADR 0013): one row per payout attempt, keyed by its idempotency key
-- TransactionId:AttemptNo. Inserted in the transaction that records PayoutRequested; claimed by any node's
-- dispatcher with "for update skip locked" and a lease, so no connection or transaction is held while a
-- rail answers; a node that dies leaves only leases, which expire, and the key is called again.
create table rail_payout (
    idempotency_key  varchar(100) primary key,
    transaction_id   varchar(64)  not null,
    attempt_no       integer      not null,
    send_method_id   varchar(16)  not null,
    wallet_id        varchar(64)  not null,
    amount_minor     bigint       not null,
    currency         char(3)      not null,
    -- the resolved destination (ids, never account or card numbers), as a JSON object
    destination      text         not null,
    -- Due: to send; Pending: the rail has it, its answer is awaited (callback, polls); Unresolved: the attempt
    -- timed out with its outcome unknown, still polled for a late answer; Paid, Failed, Returned: settled
    state            varchar(16)  not null default 'Due'
        check (state in ('Due', 'Pending', 'Unresolved', 'Paid', 'Failed', 'Returned')),
    -- sends of this key (a throttled call does not count), answers that said "not now", calls left unanswered
    calls            integer      not null default 0,
    failed_calls     integer      not null default 0,
    unanswered_calls integer      not null default 0,
    polls            integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    lease_until      timestamptz,
    -- the claim that holds the lease: a late answer of an older claim is still recorded, its bookkeeping is not
    claim            bigint,
    created_at       timestamptz  not null default now(),
    answered_at      timestamptz
);
create index rail_payout_due on rail_payout (send_method_id, next_attempt_at)
    where state in ('Due', 'Pending', 'Unresolved');
create index rail_payout_transaction on rail_payout (transaction_id, attempt_no);

-- The sandbox rails answer some payouts later, by callback, like a real provider: .95 pending then paid,
-- .96 paid then returned. A scheduled callback is kept here until delivered, so it survives a restart.
alter table sandbox_payout
    add column callback_status   varchar(20),
    add column callback_due_at   timestamptz,
    add column callback_lease    timestamptz,
    add column callback_tries    integer not null default 0;
create index sandbox_payout_callback_due on sandbox_payout (callback_due_at) where callback_due_at is not null;
