#!/usr/bin/env python3
"""What the order of the event store's keys costs a 5,000-item submission on a grown store (ADR 0032).

Builds its own database with the event table's layout (the three keys Axon's JDBC store needs), fills it
with --rows events whose identifiers are random, as a store written before ADR 0032 holds, then appends
5,000 events at a time in three alternated ways:

  random      event identifiers are random UUIDs and transaction ids random (the way before ADR 0032);
  events      event identifiers start with the millisecond, transaction ids stay random;
  ordered     both start with the millisecond (ADR 0032: ServerIds and TimeOrderedIdentifierFactory).

Each append is one INSERT of 5,000 rows from a staging table made beforehand, timed by psql; the WAL it
wrote is read from pg_current_wal_lsn(). A CHECKPOINT every --checkpoint-every appends stands in for the
server's own (every 5 minutes or 1 GB of WAL by default): the first change to a page after a checkpoint
writes the whole page to the WAL.

    python3 bench/key_order.py --rows 1000000 --trials 15
"""
import argparse
import re
import statistics
import subprocess
import sys

WAYS = ["random", "events", "ordered"]
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

SETUP = f"""
\\set ON_ERROR_STOP 1
create table ev (
    global_index bigserial primary key, aggregate_identifier varchar(255) not null, sequence_number bigint not null,
    type varchar(255), event_identifier varchar(255) not null, meta_data bytea, payload bytea not null,
    payload_revision varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null,
    unique (aggregate_identifier, sequence_number), unique (event_identifier));
-- 16 random bytes as 22 base64url characters, like ServerIds' random part.
create function random_part() returns text language sql as $$
    select translate(rtrim(encode(decode(replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '='), '+/', '-_') $$;
-- The millisecond as ServerIds writes it: 8 digits of base 62 in ASCII order.
create function time_part(ms bigint) returns text language sql as $$
    select string_agg(substr('{BASE62}', ((ms / (62::bigint ^ (7 - i))::bigint) % 62)::int + 1, 1), '' order by i)
    from generate_series(0, 7) i $$;
create function now_ms() returns bigint language sql as $$ select (extract(epoch from clock_timestamp()) * 1000)::bigint $$;
"""

INSERT = """insert into ev (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
    payload_type, time_stamp)
select a, 0, 'Transaction', e, '\\x7b7d', convert_to(repeat('x', 390), 'UTF8'),
    'io.masspay.kernel.transaction.ItemSubmitted', '2026-12-07T06:00:00.000Z' from {source};"""


def ids(way):
    event = "gen_random_uuid()::text" if way == "random" else "time_part(now_ms() + g / 1000) || random_part()"
    aggregate = "'tx_' || random_part()" if way != "ordered" else "'tx_' || time_part(now_ms() + g / 1000) || random_part()"
    return aggregate, event


def script(rows, trials, checkpoint_every):
    out = [SETUP]
    out.append(INSERT.format(source=f"(select 'tx_' || random_part() a, gen_random_uuid()::text e "
                                    f"from generate_series(1, {rows})) s"))
    out.append("vacuum analyze ev;")
    plan = []
    for trial in range(trials):
        for way in WAYS[trial % 3:] + WAYS[:trial % 3]:
            k = len(plan)
            aggregate, event = ids(way)
            out.append(f"create temp table s{k} as select {aggregate} a, {event} e from generate_series(1, 5000) g;")
            plan.append(way)
    out.append("checkpoint;")
    for k, way in enumerate(plan):
        if checkpoint_every and k % checkpoint_every == 0:
            out.append("checkpoint;")
        out.append("select pg_current_wal_lsn() as before \\gset")
        out.append(f"\\echo APPEND {way}")
        out.append("\\timing on")
        out.append(INSERT.format(source=f"s{k}"))
        out.append("\\timing off")
        out.append("select 'WAL ' || pg_wal_lsn_diff(pg_current_wal_lsn(), :'before');")
    return "\n".join(out) + "\n", plan


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000, help="events in the store before the first append")
    ap.add_argument("--trials", type=int, default=15, help="appends of each way")
    ap.add_argument("--checkpoint-every", type=int, default=3, help="appends between checkpoints (0: none)")
    ap.add_argument("--db", default="masspay_key_order")
    ap.add_argument("--pg-port", default="5432")
    args = ap.parse_args()
    psql = ["psql", "-h", "127.0.0.1", "-p", args.pg_port, "-X", "-q", "-v", "VERBOSITY=terse"]
    subprocess.run(psql + ["-d", "postgres", "-c", "set client_min_messages = warning", "-c", f"drop database if exists {args.db}", "-c", f"create database {args.db}"],
                   check=True)
    sql, plan = script(args.rows, args.trials, args.checkpoint_every)
    done = subprocess.run(psql + ["-At", "-d", args.db], input=sql, text=True, capture_output=True)
    subprocess.run(psql + ["-d", "postgres", "-c", f"drop database {args.db}"], check=True)
    if done.returncode != 0:
        sys.exit(done.stderr)
    ms, wal, way = {w: [] for w in WAYS}, {w: [] for w in WAYS}, None
    for line in done.stdout.splitlines():
        if line.startswith("APPEND "):
            way = line.split()[1]
        elif (m := re.match(r"Time: ([\d.]+) ms", line)) and way:
            ms[way].append(float(m.group(1)))
        elif line.startswith("WAL ") and way:
            wal[way].append(int(float(line.split()[1])))
            way = None
    print(f"store of {args.rows:,} events, {args.trials} appends of 5,000 each way, "
          f"checkpoint every {args.checkpoint_every or 'never'}")
    print(f"{'way':10s} {'ms median':>10s} {'min':>8s} {'max':>8s} {'WAL MiB median':>15s}")
    for w in WAYS:
        print(f"{w:10s} {statistics.median(ms[w]):10.1f} {min(ms[w]):8.1f} {max(ms[w]):8.1f} "
              f"{statistics.median(wal[w]) / 1048576:15.1f}")


if __name__ == "__main__":
    main()
