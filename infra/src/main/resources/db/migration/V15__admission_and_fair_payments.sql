-- Admission control (ADR 0014): per batch, how many of its items are accepted and not yet final. A submission
-- sums its issuer's open rows (under a per-issuer advisory lock) and inserts its own row in its transaction;
-- the "admission" processor lowers a row as the batch's items end (and raises it for a new attempt).
create table admission_batch (
    batch_id              varchar(64) primary key,
    issuer_account_number varchar(64) not null,
    open_items            integer     not null check (open_items >= 0)
);

-- the sum at admission reads only the issuer's batches that still have open items
create index admission_batch_open on admission_batch (issuer_account_number) include (open_items)
    where open_items > 0;
