#!/usr/bin/env python3
"""MassPay benchmark: starts the real application on PostgreSQL, creates its fixtures through the API,
and measures submission latency, end-to-end throughput, status GET latency and memory, next to a
raw-PostgreSQL baseline measured in the same run. The rail scenarios start the application again with slow
rails: the sandbox with a latency, and a stub HTTP provider (bench/provider_stub.py) that answers after
the same latency and counts what it receives. Standard library only.

    python3 bench/bench.py [--runs 3] [--jar infra/target/masspay.jar] [--out bench/results/latest.json]

Needs a built jar (mvn -q -DskipTests package) and the PostgreSQL on 127.0.0.1:5432 (psql on PATH).
"""
import argparse, json, os, re, statistics, subprocess, sys, threading, time, urllib.request, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from provider_stub import ProviderStub  # noqa: E402

BASE = "http://127.0.0.1:18080"
ADMIN = "bench-operator-token-at-least-32-characters"
DB = "masspay_bench"
PG_PORT = ["5432"]
HEAP = ["512m"]  # the application's -Xmx
STATEMENTS = [False]  # pg_stat_statements is loaded (shared_preload_libraries) on the server


def http(method, path, token, body=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def psql(sql, db="postgres"):
    for attempt in range(20):  # a shared server can be out of connections for a moment
        done = subprocess.run(["psql", "-h", "127.0.0.1", "-p", PG_PORT[0], "-d", db, "-Atqc", sql],
                              capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.strip()
        time.sleep(0.5)
    sys.exit(f"psql failed: {done.stderr}")


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def start_app(jar, gc_log, jfr, log, extra=()):
    psql(f"drop database if exists {DB} with (force)")
    psql(f"create database {DB}")
    if STATEMENTS[0]:
        psql("create extension if not exists pg_stat_statements", DB)
    jvm = ["java", "-XX:+ExitOnOutOfMemoryError", f"-Xmx{HEAP[0]}", f"-Xlog:gc:file={gc_log}", "-Daxoniq.update-checker.disabled=true"]
    if jfr:
        jvm.append(f"-XX:StartFlightRecording=filename={jfr},settings=profile,dumponexit=true")
    proc = subprocess.Popen(jvm + ["-jar", jar,
                             f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:{PG_PORT[0]}/{DB}?reWriteBatchedInserts=true",
                             f"--server.port={BASE.rsplit(':', 1)[1]}", f"--masspay.admin.token={ADMIN}", *extra],
                            stdout=open(log, "w"), stderr=subprocess.STDOUT)
    for _ in range(600):  # up to 5 minutes: a loaded machine starts it slowly
        try:
            urllib.request.urlopen(BASE + "/actuator/health", timeout=1)
            return proc
        except Exception:
            time.sleep(0.5)
    proc.kill()
    sys.exit("the application did not start")


def fixtures():
    ian = "BENCH" + uuid.uuid4().hex[:6]
    http("POST", "/API/v4/Admin/Issuers", ADMIN, {"IssuerAccountNumber": ian, "Name": "Bench"})
    wallet = http("POST", f"/API/v4/Admin/Issuers/{ian}/Wallets", ADMIN, {"Currency": "USD"})[1]["WalletId"]
    http("POST", f"/API/v4/Admin/Issuers/{ian}/Wallets/{wallet}/Fund", ADMIN, {"Amount": "100000000.00", "Reference": "bench"})
    http("PUT", f"/API/v4/Admin/Issuers/{ian}/Limits", ADMIN, {"MaxItemsPerBatch": 5000})
    key = http("POST", f"/API/v4/Admin/Issuers/{ian}/Credentials", ADMIN, {})[1]["ApiKey"]
    recipients = [f"R{i}" for i in range(20)]
    for r in recipients:
        http("POST", "/API/v4/Recipients", key, {"RecipientId": r, "Type": "Individual", "Name": r, "Email": r + "@example.com",
             "Country": "US", "Address": {"Line1": "1 Main St", "City": "Springfield", "PostalCode": "62701", "Country": "US"}})
        http("POST", f"/API/v4/Recipients/{r}/BankAccounts", key, {"Currency": "USD", "Country": "US",
             "AccountNumber": "12345678", "RoutingNumber": "021000021", "Default": True})
        http("POST", f"/API/v4/Recipients/{r}/Cards", key, {"Last4": "4242", "Network": "Visa", "Default": True})
    return ian, wallet, key, recipients


METHODS = {"wallet": ["XTR94502"], "mixed": ["XTR94500", "XTR94502", "XTR94503", "XTR94505", "XTR94507", "XTR94508"],
           # bank transfer, prepaid card, push to card: the rails a real provider would serve
           "rails": ["XTR94500", "XTR94503", "XTR94508"]}


def batch(ian, wallet, recipients, n, kind):
    methods = METHODS[kind]
    items = []
    for i in range(n):
        m = methods[i % len(methods)]
        items.append({"CustomerTransactionId": f"B{uuid.uuid4().hex[:12]}", "RecipientId": recipients[i % len(recipients)],
                      "SendMethodId": m, "Amount": f"{1 + i % 20}.{i % 90:02d}",
                      "Destination": {"Email": "r@example.com", "SKU": "SKU-1"} if m == "XTR94505" else {}})
    return json.dumps({"IssuerAccountNumber": ian, "SourceWalletId": wallet, "Items": items}).encode()


# Today's names, and those before ADR 0022 moved them, so a jar from before can be measured in the same run.
FINAL_EVENTS = ("io.masspay.kernel.transaction.ItemSucceeded", "io.masspay.kernel.transaction.ItemFailed",
                "io.masspay.kernel.transaction.RetainedInWallet", "io.masspay.kernel.transfer.ItemSucceeded",
                "io.masspay.kernel.transfer.ItemFailed", "io.masspay.kernel.payout.RetainedInWallet")


METRICS = ["post_ms", "server_post_ms", "items_per_s", "lag_ms", "app_cpu_ms_per_item", "xacts_per_item",
           "statements_per_item", "rows_written_per_item"]


def checkpoints():
    """Checkpoints PostgreSQL has started so far, timed or requested (by WAL volume or a command). Pages first
    written after a checkpoint starts go whole into the WAL, so a batch that meets one writes more."""
    timed, requested = psql("select checkpoints_timed, checkpoints_req from pg_stat_bgwriter").split("|")
    return int(timed) + int(requested)


def db_counters():
    """Write transactions and rows of the benchmark database so far (pg_stat_database; the statistics
    collector publishes with a delay of up to a second, so callers let the system settle first)."""
    row = psql(f"select xact_commit, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = '{DB}'")
    counters = [int(v) for v in row.split("|")]
    statements = psql(f"""select coalesce(sum(calls), 0) from pg_stat_statements
        where dbid = (select oid from pg_database where datname = '{DB}')""", DB) if STATEMENTS[0] else "0"
    return counters + [int(statements)]


def cpu_seconds(pid):
    """User + system CPU time of the application process so far: on a shared machine, CPU per item is a
    steadier comparison than wall-clock time."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ConnectionWatch:
    """Samples, every 100 ms while a batch runs, how many of the application's database connections are
    busy (a statement running, or a transaction open) and how many rail calls are in flight: a connection
    held across a rail call would show as busy connections growing with the calls in flight."""

    def __init__(self, in_flight):
        self.in_flight = in_flight
        self.samples = []
        self.running = True
        # One psql session for all samples: a psql started per sample (a Perl wrapper, a new backend) cost
        # about 76 ms of CPU each, some 0.4 of a core of this 2-core machine taken from what it measures.
        self.session = subprocess.Popen(["psql", "-h", "127.0.0.1", "-p", PG_PORT[0], "-d", "postgres", "-Atq"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self):
        while self.running:
            self.session.stdin.write(f"""select count(*) from pg_stat_activity where datname = '{DB}'
                and application_name like 'masspay-node%' and state in ('active', 'idle in transaction');\n""")
            busy = self.session.stdout.readline()
            if not busy:
                return  # the session ended: no more samples
            self.samples.append((int(busy), self.in_flight()))
            # about as often as before the single session (a sample then took ~95 ms plus this sleep): the
            # sandbox's calls in flight are a Prometheus scrape of the application, not free for it
            time.sleep(0.1)

    def stop(self):
        self.running = False
        self.thread.join(5)
        self.session.stdin.close()
        self.session.wait(5)
        loaded = [b for b, f in self.samples if f >= 100]
        return {"samples": len(self.samples), "max_busy_connections": max([b for b, _ in self.samples], default=0),
                "samples_with_100_calls_in_flight": len(loaded),
                "max_busy_connections_with_100_in_flight": max(loaded, default=0),
                "max_calls_in_flight_seen": max([f for _, f in self.samples], default=0),
                # the rails' slots in use as the application counts them (calls started, not yet ended), while any
                # were: set against the stub's own mean in flight, it splits a slot's time between the provider
                # and the application's side of a call
                "mean_calls_in_flight_while_calling": round(statistics.mean([f for _, f in self.samples if f > 0] or [0]), 1)}


def timer_totals(timer, *labels):
    """(seconds, calls) of one of the application's Prometheus timers so far, summed over its series that carry
    every one of `labels` (e.g. 'method="POST"')."""
    req = urllib.request.Request(BASE + "/actuator/prometheus", headers={"Authorization": "Bearer " + ADMIN})
    text = urllib.request.urlopen(req, timeout=5).read().decode()
    total = {"sum": 0.0, "count": 0.0}
    for line in text.splitlines():
        for part in total:
            if line.startswith(f"{timer}_{part}{{") and all(label in line for label in labels):
                total[part] += float(line.rsplit(" ", 1)[1])
    return total["sum"], total["count"]


def answer_latency_totals():
    """(seconds, calls) the application's rail calls took so far, from its answer latency timer."""
    return timer_totals("masspay_rail_answer_latency_seconds")


def submission_time_totals():
    """(seconds, calls) the application spent answering batch submissions so far: its http.server.requests
    timer, from the request's arrival to the answer's last byte written. Unlike the client's post_ms it leaves
    out sending the body, reading and parsing the answer in this script, and the script's own waits for a core
    (it shares the 2 cores with the application, whose processors start on the batch as the answer goes out)."""
    return timer_totals("http_server_requests_seconds", 'method="POST"', 'uri="/API/v4/Fund/BatchTransfer"')


def server_post_ms(before):
    """The server's time for the one submission made since `before` (a submission_time_totals() result); the
    timer is recorded once the answer is written, which can be a moment after the client has read it."""
    for _ in range(50):
        seconds, calls = submission_time_totals()
        if calls == before[1] + 1:
            return (seconds - before[0]) * 1000
        time.sleep(0.02)
    sys.exit(f"the submission timer counted {calls - before[1]:.0f} calls for one submission")


def app_in_flight():
    """Rail calls in flight in the application (sum over rails), from its Prometheus metrics."""
    req = urllib.request.Request(BASE + "/actuator/prometheus", headers={"Authorization": "Bearer " + ADMIN})
    try:
        text = urllib.request.urlopen(req, timeout=5).read().decode()
    except Exception:
        return 0
    return int(sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                   if line.startswith("masspay_rail_in_flight{")))


WARMED_UP = [0]  # items paid by warm_up, for the events-per-item figure


def warm_up(app, ian, wallet, key, recipients, kind, items):
    """Pays `items` items of `kind` in 5,000-item batches before anything is measured, so that the figures are
    those of a running service and not of the JIT compiler: on 2 cores a fresh JVM compiles for its first
    20,000 or so items (C2 still behind after 15,000: 3 s of compiler CPU per 5,000 rail items). Returns the
    first batch's figures, reported as 'cold' (a node just started)."""
    if items <= 0:
        return None
    runs = [run_batch(app, ian, wallet, key, recipients, 5000, kind) for _ in range(max(1, items // 5000))]
    WARMED_UP[0] += 5000 * len(runs)
    print(f"  warm-up {kind}: " + ", ".join(f"{r['items_per_s']:.0f}" for r in runs) + " items/s", flush=True)
    return {m: round(runs[0][m], 2) for m in ("post_ms", "items_per_s", "app_cpu_ms_per_item")}


def run_batch(app, ian, wallet, key, recipients, n, kind, in_flight=None):
    body = batch(ian, wallet, recipients, n, kind)
    time.sleep(1.5)
    before = db_counters()
    checkpoints_before = checkpoints()
    cpu_before = cpu_seconds(app.pid)
    watch = ConnectionWatch(in_flight) if in_flight else None
    while True:
        timer_before = submission_time_totals()
        t0, started_at = time.perf_counter(), time.monotonic()  # monotonic: comparable with the stub's samples
        status, receipt = http("POST", "/API/v4/Fund/BatchTransfer", key, raw=body)
        post_ms = (time.perf_counter() - t0) * 1000
        server_ms = server_post_ms(timer_before)
        if status != 429:
            break
        # admission (ADR 0014, 0020): the previous scenario's work is still open or not yet projected
        print(f"  POST refused for now ({receipt.get('Message')}); again in 1 s")
        time.sleep(1)
    assert status == 202, receipt
    batch_id = receipt["BatchId"]
    polls = 0
    while True:
        _, view = http("GET", f"/API/v4/Fund/BatchTransfer/{batch_id}?PageSize=1", key)
        polls += 1
        if view["Status"] != "Processing":
            break
        time.sleep(0.02)
    seen_final = time.time()
    if view["Status"] != "Completed":
        # a figure of items that failed (an empty wallet fails them fast) is not a figure of payouts
        sys.exit(f"batch {batch_id} ended {view['Status']}, not Completed: the figures would not be payouts")
    total_s = time.perf_counter() - t0
    checkpoints_started = checkpoints() - checkpoints_before
    connections = watch.stop() if watch else None
    cpu_ms_per_item = (cpu_seconds(app.pid) - cpu_before) * 1000 / n
    # projection lag: from the last item outcome stored in the event store to the status read model
    # answering that the whole batch is final (resolution: the 20 ms poll above)
    last_outcome = psql("select max(time_stamp) from domain_event_entry where payload_type in (%s)"
                        % ",".join(f"'{t}'" for t in FINAL_EVENTS), DB)
    lag_ms = (seen_final - iso_epoch(last_outcome)) * 1000
    time.sleep(1.5)
    after = db_counters()
    d = [a - b for a, b in zip(after, before)]
    # the processing's own transactions: less this benchmark's status polls and the idle background
    # (token claim extensions, deadline and webhook pollers), both measured separately
    work_xacts = d[0] - polls * OVERHEAD["xacts_per_get"] - OVERHEAD["idle_xacts_per_s"] * (time.perf_counter() - t0)
    return {"post_ms": post_ms, "server_post_ms": server_ms, "items_per_s": n / total_s, "lag_ms": lag_ms,
            "batch_id": batch_id, "final_s": total_s, "checkpoints_started": checkpoints_started, "started_at": started_at, "final_at": started_at + total_s, "connections": connections,
            "app_cpu_ms_per_item": cpu_ms_per_item, "xacts_per_item": max(0, work_xacts) / n,
            "statements_per_item": max(0, d[4] - polls * OVERHEAD["statements_per_get"]
                                       - OVERHEAD["idle_statements_per_s"] * (time.perf_counter() - t0)) / n, "rows_written_per_item": (d[1] + d[2] + d[3]) / n}


OVERHEAD = {"xacts_per_get": 0.0, "idle_xacts_per_s": 0.0, "statements_per_get": 0.0, "idle_statements_per_s": 0.0}


def measure_overhead(key, batch_id):
    """Transactions that are not processing: per status GET, and per idle second of the application."""
    time.sleep(1.5)
    before = db_counters()
    t0 = time.perf_counter()
    time.sleep(5)
    idle = [(a - b) / (time.perf_counter() - t0) for a, b in zip(db_counters(), before)]
    if batch_id is None:
        OVERHEAD.update(idle_xacts_per_s=idle[0], idle_statements_per_s=idle[4])
        return
    before = db_counters()
    t1 = time.perf_counter()
    for _ in range(50):
        http("GET", f"/API/v4/Fund/BatchTransfer/{batch_id}?PageSize=1", key)
    time.sleep(1.5)
    per_get = [max(0.0, a - b - i * (time.perf_counter() - t1)) / 50 for a, b, i in zip(db_counters(), before, idle)]
    OVERHEAD.update(xacts_per_get=per_get[0], idle_xacts_per_s=idle[0],
                    statements_per_get=per_get[4], idle_statements_per_s=idle[4])


def idle_latency(ian, wallet, key, recipients, times=20):
    """Read-your-writes on an idle system (README "Read your writes"): how long after its 2xx a one-item
    batch is found by CustomerBatchId, and a funded issuer wallet shows its new balance. Each read is made
    once, right after the 2xx; it waits, inside the service, until the read models show the write.
    Also the idle load: write transactions per second with nothing to do (pg_stat_database)."""
    by_customer_id, wallet_ms, wrong = [], [], 0
    for i in range(times):
        time.sleep(0.3)  # idle again: nothing in flight from the previous round
        cbi = f"IDLE-{uuid.uuid4().hex[:10]}"
        body = json.dumps({"IssuerAccountNumber": ian, "SourceWalletId": wallet, "CustomerBatchId": cbi, "Items": [
            {"CustomerTransactionId": f"I{uuid.uuid4().hex[:12]}", "RecipientId": recipients[0],
             "SendMethodId": "XTR94502", "Amount": "1.00", "Destination": {}}]}).encode()
        code, _ = http("POST", "/API/v4/Fund/BatchTransfer", key, raw=body)
        t0 = time.perf_counter()
        got, found = http("GET", f"/API/v4/Fund/BatchTransfer?CustomerBatchId={cbi}&PageSize=1", key)
        by_customer_id.append((time.perf_counter() - t0) * 1000)
        wrong += got != 200 or code != 202
        time.sleep(0.3)
        code, funded = http("POST", f"/API/v4/Admin/Issuers/{ian}/Wallets/{wallet}/Fund", ADMIN,
                            {"Amount": "1.00", "Reference": f"idle {i}"})
        t0 = time.perf_counter()
        got, shown = http("GET", f"/API/v4/Wallets/{wallet}", key)
        wallet_ms.append((time.perf_counter() - t0) * 1000)
        wrong += got != 200 or shown.get("Balance") != funded.get("Balance")
    time.sleep(2)
    before = db_counters()
    t0 = time.perf_counter()
    time.sleep(10)
    idle = (db_counters()[0] - before[0]) / (time.perf_counter() - t0)
    return {"customer_batch_id_read_ms": {"p50": round(pct(by_customer_id, 50), 1), "p95": round(pct(by_customer_id, 95), 1)},
            "funded_wallet_read_ms": {"p50": round(pct(wallet_ms, 50), 1), "p95": round(pct(wallet_ms, 95), 1)},
            "reads_wrong": wrong, "idle_xacts_per_s": round(idle, 1)}


def iso_epoch(text):
    from datetime import datetime
    text = text.replace("Z", "+00:00")
    if "." in text:  # Python < 3.11 takes at most 6 fraction digits
        head, rest = text.split(".", 1)
        digits = re.match(r"\d+", rest).group(0)
        text = head + "." + (digits + "000000")[:6] + rest[len(digits):]
    return datetime.fromisoformat(text).timestamp()


def event_sizes():
    row = psql("select avg(octet_length(payload))::int, avg(octet_length(meta_data))::int from domain_event_entry", DB)
    return [int(v) for v in row.split("|")]


def baseline_ms(jar, rows, runs, out_dir):
    """Plain JDBC batched insert of the same number of event-sized rows (bench/Baseline.java), with the
    driver the application itself ships."""
    lib = os.path.join(out_dir, "lib")
    os.makedirs(lib, exist_ok=True)
    driver = [n for n in subprocess.run(["unzip", "-Z1", jar], capture_output=True, text=True).stdout.split()
              if re.match(r"BOOT-INF/lib/postgresql-[\d.]+\.jar$", n)][0]
    subprocess.run(["unzip", "-qo", "-j", jar, driver, "-d", lib], check=True)
    payload, metadata = event_sizes()
    out = subprocess.run(["java", "-cp", os.path.join(lib, os.path.basename(driver)),
                          os.path.join(os.path.dirname(__file__), "Baseline.java"),
                          f"jdbc:postgresql://127.0.0.1:{PG_PORT[0]}/{DB}?reWriteBatchedInserts=true", str(rows),
                          str(payload), str(metadata), str(runs + 1)], check=True, capture_output=True, text=True)
    return [float(v) for v in out.stdout.split()][1:], payload, metadata  # the first run warms the JVM up


def peak_heap(gc_log):
    """Peak used heap before a collection and peak live heap after one, from the unified GC log
    (lines like 'Pause Young (Normal) (G1 Evacuation Pause) 301M->97M(512M) 12.3ms')."""
    before, after, pauses, pause_ms = 0, 0, 0, 0.0
    for line in open(gc_log):
        m = re.search(r"Pause .* (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms", line)
        if m:
            before, after = max(before, int(m.group(1))), max(after, int(m.group(2)))
            pauses, pause_ms = pauses + 1, pause_ms + float(m.group(4))
    return {"peak_used_mib": before, "peak_live_after_gc_mib": after, "gc_pauses": pauses,
            "gc_pause_ms": round(pause_ms)}


def memory(pid):
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status") if ":" in line)
    return int(fields["VmHWM"].split()[0]) // 1024


def stats(values):
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2), "p99": round(pct(values, 99), 2), "runs": [round(v, 2) for v in values]}


def main():
    global DB, BASE
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jar", default="infra/target/masspay.jar")
    ap.add_argument("--out", default="bench/results/latest.json")
    ap.add_argument("--pg-port", default="5432", help="PostgreSQL on 127.0.0.1 (a private one keeps other users out)")
    ap.add_argument("--heap", default="512m", help="the application's maximum heap (-Xmx)")
    ap.add_argument("--jfr", action="store_true", help="record a JFR profile of the app to bench/results/app.jfr (app-<scenario>.jfr for a rail scenario)")
    ap.add_argument("--only", default="idle,post_1000,wallet_5000,mixed_5000,rebuild,rails_sandbox_5000,rails_http_5000",
                    help="which scenarios to run (idle: read-your-writes latency and idle load; rebuild: every read "
                         "model rebuilt on the store the scenarios before it made)")
    ap.add_argument("--rail-latency-ms", type=int, default=250, help="latency of the sandbox and of the stub provider")
    ap.add_argument("--rail-max-in-flight", type=int, default=None,
                    help="masspay.rails.<SendMethodId>.max-in-flight for the three rail methods (default: the application's, 64)")
    ap.add_argument("--db", default="masspay_bench", help="the database it drops and creates (another name keeps a second run apart)")
    ap.add_argument("--port", type=int, default=18080, help="the application's HTTP port")
    ap.add_argument("--warmup", type=int, default=20000,
                    help="items of each measured kind paid before measuring, in 5,000-item batches: a fresh JVM spends "
                         "most of its first 20,000 items compiling (the first 5,000 are reported as 'cold')")
    args = ap.parse_args()
    DB, BASE = args.db, f"http://127.0.0.1:{args.port}"
    out_dir = os.path.dirname(args.out) or "."
    PG_PORT[0] = args.pg_port
    HEAP[0] = args.heap
    os.makedirs(out_dir, exist_ok=True)
    gc_log = os.path.join(out_dir, "gc.log")
    STATEMENTS[0] = psql("select count(*) from pg_settings where name = 'shared_preload_libraries' "
                         "and setting like '%pg_stat_statements%'") == "1"
    proc = start_app(args.jar, gc_log, os.path.join(out_dir, "app.jfr") if args.jfr else None,
                     os.path.join(out_dir, "app.log"))
    scenarios = [s for s in [("post_1000", 1000, "wallet"), ("wallet_5000", 5000, "wallet"), ("mixed_5000", 5000, "mixed")]
                 if s[0] in args.only.split(",")]
    results = {"scenarios": {}, "statements_counted": STATEMENTS[0], "max_heap": HEAP[0]}
    try:
        ian, wallet, key, recipients = fixtures()
        warm = run_batch(proc, ian, wallet, key, recipients, 200, "mixed")  # warm-up
        measure_overhead(key, warm["batch_id"])
        results["overhead"] = dict(OVERHEAD)
        kinds = [kind for kind in ("wallet", "mixed") if any(k == kind for _, _, k in scenarios)]
        results["cold"] = {kind: warm_up(proc, ian, wallet, key, recipients, kind, args.warmup) for kind in kinds}
        if "idle" in args.only.split(","):
            results["idle"] = idle_latency(ian, wallet, key, recipients)
        big = None
        for name, n, kind in scenarios:
            runs = [run_batch(proc, ian, wallet, key, recipients, n, kind) for _ in range(args.runs)]
            results["scenarios"][name] = {m: stats([r[m] for r in runs]) for m in
                                          METRICS}
            results["scenarios"][name]["runs_meeting_a_checkpoint"] = sum(1 for r in runs if r["checkpoints_started"])
            if n == 5000:
                big = runs[-1]["batch_id"]
        if big:
            gets = []
            for i in range(200):
                t0 = time.perf_counter()
                http("GET", f"/API/v4/Fund/BatchTransfer/{big}?PageSize=100&Page={i % 50 + 1}", key)
                gets.append((time.perf_counter() - t0) * 1000)
            results["get_status_ms"] = {"p50": round(pct(gets, 50), 1), "p99": round(pct(gets, 99), 1)}
        if "rebuild" in args.only.split(","):
            results["rebuild"] = rebuild(ian, wallet, key, big)
        results["peak_rss_mib"] = memory(proc.pid)
        if STATEMENTS[0]:
            with open(os.path.join(out_dir, "statements.txt"), "w") as f:
                f.write(psql(f"""select calls, rows, round(total_exec_time)::bigint, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                    from pg_stat_statements where dbid = (select oid from pg_database where datname = '{DB}')
                    order by calls desc limit 40""", DB) + "\n")
        results["events_per_item"] = round(int(psql("select count(*) from domain_event_entry", DB)) /
                                           (200 + WARMED_UP[0] + sum(n * args.runs for _, n, _ in scenarios)), 2)
        ms, payload, metadata = baseline_ms(args.jar, 5000, args.runs, out_dir)
        results["baseline"] = {"rows": 5000, "payload_bytes": payload, "metadata_bytes": metadata,
                               "ms": stats(ms), "rows_per_s": stats([5000 / (m / 1000) for m in ms])}
        results["load_average_1m"] = os.getloadavg()[0]
        results["checkpoint_settings"] = psql("select string_agg(name || ' ' || setting || coalesce(unit, ''), ', ' order by name) "
                                              "from pg_settings where name in ('max_wal_size', 'checkpoint_timeout')")
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    results["heap"] = peak_heap(gc_log)
    for name in ("rails_sandbox_5000", "rails_http_5000"):
        if name in args.only.split(","):
            results["scenarios"][name] = rail_scenario(args, out_dir, name, args.rail_latency_ms)
    results["heap"] = peak_heap(gc_log)
    report(results)
    json.dump(results, open(args.out, "w"), indent=2)


def rebuild(ian, wallet, key, batch_id):
    """POST .../Projections/Rebuild on the store as the scenarios left it, while one client reads its wallet and
    a batch over and over: how long until every read model is rebuilt and switched, events/s, and whether any
    read failed or changed (nothing is written meanwhile, so every read must answer the same)."""
    events = int(psql("select count(*) from domain_event_entry", DB))
    first = {}
    reads = {"count": 0, "failed": 0, "changed": 0}
    done = threading.Event()

    def reader():
        paths = [f"/API/v4/Wallets/{wallet}"] + ([f"/API/v4/Fund/BatchTransfer/{batch_id}?PageSize=100"] if batch_id else [])
        while not done.is_set():
            for path in paths:
                status, body = http("GET", path, key)
                reads["count"] += 1
                if status != 200:
                    reads["failed"] += 1
                    reads.setdefault("statuses", {}).setdefault(str(status), 0)
                    reads["statuses"][str(status)] += 1
                elif first.setdefault(path, body) != body:
                    reads["changed"] += 1
                time.sleep(0.05)  # 20 reads/s at most: well within the issuer's rate limit (50/s)

    generation = {p["Name"]: p["Generation"] for p in http("GET", "/API/v4/Admin/Projections", ADMIN)[1]}
    t = threading.Thread(target=reader, daemon=True)
    t.start()
    t0 = time.perf_counter()
    status, started = http("POST", "/API/v4/Admin/Projections/Rebuild", ADMIN)
    if status != 202:
        sys.exit(f"rebuild refused: {status} {started}")
    while True:
        now = http("GET", "/API/v4/Admin/Projections", ADMIN)[1]
        if all(p["Status"] == "Live" and p["Generation"] > generation[p["Name"]] for p in now):
            break
        time.sleep(0.25)
    seconds = time.perf_counter() - t0
    done.set()
    t.join()
    groups = {}
    for line in psql("select group_name, replayed_events, replay_millis from read_model_rebuild order by 1", DB).splitlines():
        name, replayed, millis = line.split("|")
        groups[name] = {"events": int(replayed), "s": round(int(millis) / 1000, 1),
                        "events_per_s": round(int(replayed) * 1000 / max(1, int(millis)))}
    return {"store_events": events, "switched_after_s": round(seconds, 1),
            "store_events_per_s": round(events / seconds), "groups": groups, "reads": reads}


RAIL_METRICS = ["post_ms", "items_per_s", "final_s", "app_cpu_ms_per_item", "xacts_per_item"]


def provider_phases(samples, run):
    """Where a measured run's time went, seen from the stub provider: from the POST to the first call it
    received, the time-weighted mean of calls in flight while it had any, from its last answer to the status
    read answering final. Little's law: mean in flight / latency is the rate the provider was kept at."""
    start, end = run["started_at"], run["final_at"]
    window = [(t, n) for t, n in samples if start <= t <= end]
    if not window:
        return {}
    first = next((t for t, n in window if n > 0), start)
    last = max((t for t, n in window if n == 0), default=end)
    area = sum((t2 - t1) * n for (t1, n), (t2, _) in zip(window, window[1:]) if t1 >= first and t2 <= last)
    return {"to_first_call_s": round(first - start, 2), "calls_s": round(last - first, 2),
            "mean_in_flight": round(area / max(1e-9, last - first), 1), "after_last_answer_s": round(end - last, 2)}


def rail_scenario(args, out_dir, name, latency_ms):
    """5,000 rail items (bank, card, push to card) with rails that answer after latency_ms: the sandbox
    with masspay.sandbox.latency, or the stub HTTP provider for those three methods."""
    stub = ProviderStub(latency_ms / 1000) if name == "rails_http_5000" else None
    extra = [f"--masspay.sandbox.latency={latency_ms}ms"] if stub is None else \
        [f"--masspay.rails.http.{m}.base-url=http://127.0.0.1:{stub.port}" for m in METHODS["rails"]]
    if args.rail_max_in_flight:
        extra += [f"--masspay.rails.{m}.max-in-flight={args.rail_max_in_flight}" for m in METHODS["rails"]]
    gc_log = os.path.join(out_dir, f"gc-{name}.log")
    proc = start_app(args.jar, gc_log, os.path.join(out_dir, f"app-{name}.jfr") if args.jfr else None,
                     os.path.join(out_dir, f"app-{name}.log"), extra)
    try:
        ian, wallet, key, recipients = fixtures()
        run_batch(proc, ian, wallet, key, recipients, 200, "rails")
        measure_overhead(key, None)
        cold = warm_up(proc, ian, wallet, key, recipients, "rails", args.warmup)
        in_flight = (lambda: stub.in_flight) if stub else app_in_flight
        seconds_before, calls_before = answer_latency_totals()
        if stub:
            stub.reset_clocks()
        runs = [run_batch(proc, ian, wallet, key, recipients, 5000, "rails", in_flight) for _ in range(args.runs)]
        result = {m: stats([r[m] for r in runs]) for m in RAIL_METRICS}
        if stub:
            result["provider_phases"] = [provider_phases(stub.in_flight_samples, r) for r in runs]
        seconds_after, calls_after = answer_latency_totals()
        # what the provider's latency looked like from the application: the configured one plus the call's cost
        result["answer_ms_mean"] = round((seconds_after - seconds_before) * 1000 / max(1, calls_after - calls_before), 1)
        result["latency_ms"] = latency_ms
        result["max_in_flight_per_rail"] = args.rail_max_in_flight or 64
        result["cold"] = cold
        result["connections"] = [r["connections"] for r in runs]
        paid = psql("""select count(*) from (select transaction_id from rail_payout where state = 'Paid'
                       group by transaction_id having count(*) > 1) twice""", DB)
        result["transactions_paid_twice"] = int(paid)
        if stub:
            result["provider_keys"] = len(stub.calls)
            result["provider_calls"] = sum(stub.calls.values())
            result["provider_peak_in_flight"] = stub.peak_in_flight
            result["provider_answer_ms_mean"] = stub.answer_ms_mean()
            result["provider_loop_lag_ms"] = stub.loop_lag_ms()
            result["provider_cpu_ms_per_answer"] = stub.cpu_ms_per_answer()
            by_tx = {}
            for k in stub.paid:
                by_tx.setdefault(k.rsplit(":", 1)[0], set()).add(k)
            result["provider_transactions_paid_under_two_keys"] = sum(1 for keys in by_tx.values() if len(keys) > 1)
        else:
            result["sandbox_transactions_paid_twice"] = int(psql("""select count(*) from (select transaction_id
                from sandbox_payout where outcome = 'Paid' group by transaction_id having count(*) > 1) t""", DB))
        result["heap"] = peak_heap(gc_log)
        return result
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        if stub:
            stub.stop()


def report(results):
    base = results["baseline"]
    base_ms, base_rate = base["ms"]["median"], base["rows_per_s"]["median"]
    print(f"{'measure':<34}{'median':>10}{'min':>10}{'max':>10}{'p99':>10}   ratio to raw PG")
    for name, s in results["scenarios"].items():
        if name.startswith("rails_"):
            continue
        for metric in METRICS:
            if metric == "statements_per_item" and not results.get("statements_counted"):
                continue  # pg_stat_statements is not loaded on this server
            v = s[metric]
            ratio = {"post_ms": f"{v['median'] / base_ms:.1f}x the insert time of 5,000 rows",
                     "items_per_s": f"{v['median'] / base_rate:.3f} of raw rows/s"}.get(metric, "")
            print(f"{name + ' ' + metric:<34}{v['median']:>10}{v['min']:>10}{v['max']:>10}{v['p99']:>10}   {ratio}")
    print(f"{'raw PG 5,000-row JDBC batch ms':<34}{base_ms:>10}{base['ms']['min']:>10}{base['ms']['max']:>10}")
    print(f"{'raw PG rows/s':<34}{base_rate:>10}{base['rows_per_s']['min']:>10}{base['rows_per_s']['max']:>10}"
          f"   ({base['payload_bytes']} B payload, {base['metadata_bytes']} B metadata a row)")
    if "idle" in results:
        i = results["idle"]
        print(f"idle: read by CustomerBatchId right after its 202 p50 {i['customer_batch_id_read_ms']['p50']} ms, "
              f"p95 {i['customer_batch_id_read_ms']['p95']} ms; funded wallet right after its 200 p50 "
              f"{i['funded_wallet_read_ms']['p50']} ms, p95 {i['funded_wallet_read_ms']['p95']} ms; "
              f"{i['reads_wrong']} wrong; idle load {i['idle_xacts_per_s']} transactions/s")
    if "get_status_ms" in results:
        g = results["get_status_ms"]
        print(f"GET status page of 100 on a 5,000-item batch: p50 {g['p50']} ms, p99 {g['p99']} ms")
    if "rebuild" in results:
        r = results["rebuild"]
        print(f"rebuild of every read model on {r['store_events']:,} events: switched after {r['switched_after_s']} s "
              f"({r['store_events_per_s']:,} store events/s); reads meanwhile: {r['reads']['count']}, "
              f"{r['reads']['failed']} failed {r['reads'].get('statuses', {})}, {r['reads']['changed']} changed")
        for name, g in r["groups"].items():
            print(f"  {name}: {g['events']:,} events replayed in {g['s']} s ({g['events_per_s']:,} events/s)")
    h = results["heap"]
    print(f"heap (max {HEAP[0]}): peak used {h['peak_used_mib']} MiB, peak live after GC {h['peak_live_after_gc_mib']} MiB, "
          f"{h['gc_pauses']} GC pauses, {h['gc_pause_ms']} ms; peak RSS {results['peak_rss_mib']} MiB")
    o = results["overhead"]
    print(f"xacts_per_item excludes the status polls ({o['xacts_per_get']:.2f} a GET) and the idle background "
          f"({o['idle_xacts_per_s']:.1f}/s)")
    print(f"events stored per item {results['events_per_item']}; load average {results['load_average_1m']:.1f}")
    met = ", ".join(f"{name} {v['runs_meeting_a_checkpoint']} of {len(v['post_ms']['runs'])}"
                    for name, v in results["scenarios"].items() if "runs_meeting_a_checkpoint" in v)
    print(f"runs during which PostgreSQL started a checkpoint: {met} ({results['checkpoint_settings']})")
    for kind, c in [(k, c) for k, c in results.get("cold", {}).items() if c]:
        print(f"cold (the first 5,000 {kind} items of a fresh JVM, before the warm-up ends): {c['items_per_s']} items/s, "
              f"POST {c['post_ms']} ms, {c['app_cpu_ms_per_item']} ms app CPU per item")
    for name, s in results["scenarios"].items():
        if not name.startswith("rails_"):
            continue
        print(f"{name} (rails answer after {s['latency_ms']} ms, at most {s.get('max_in_flight_per_rail', 64)} calls "
              f"in flight per rail; seen by the application: "
              f"{s['answer_ms_mean']} ms a call on average):")
        for metric in RAIL_METRICS:
            v = s[metric]
            print(f"  {metric:<32}{v['median']:>10}{v['min']:>10}{v['max']:>10}{v['p99']:>10}")
        c = [r for r in s["connections"] if r]
        print(f"  busy DB connections: max {max(r['max_busy_connections'] for r in c)} over all samples; "
              f"max {max(r['max_busy_connections_with_100_in_flight'] for r in c)} while >= 100 calls were in flight "
              f"({sum(r['samples_with_100_calls_in_flight'] for r in c)} samples); "
              f"calls in flight seen up to {max(r['max_calls_in_flight_seen'] for r in c)}")
        c0 = s["cold"]
        if c0:
            print(f"  cold (the first 5,000 of a fresh JVM): {c0['items_per_s']} items/s, POST {c0['post_ms']} ms, "
                  f"{c0['app_cpu_ms_per_item']} ms app CPU per item")
        extra = {k: v for k, v in s.items() if k.startswith(("provider_", "transactions_", "sandbox_"))}
        print("  " + ", ".join(f"{k} {v}" for k, v in extra.items()))


if __name__ == "__main__":
    main()
