-- An account's balance in minor units. A wallet's balance is bounded by its aggregate (a long), but the
-- External and InTransit accounts of a currency sum every wallet's movements: with top-ups of up to
-- 1,000,000,000.00 a call, a bigint could in principle overflow there and stop the ledger projection.
-- numeric(38, 0) is exact and leaves no such limit; postings stay bigint (one posting is at most one top-up).
alter table ledger_account alter column balance_minor type numeric(38, 0);
