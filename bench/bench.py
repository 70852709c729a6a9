#!/usr/bin/env python3
"""MassPay benchmark: starts the real application on PostgreSQL, creates its fixtures through the API,
and measures submission latency, end-to-end throughput, status GET latency and memory, next to a
raw-PostgreSQL baseline measured in the same run. Standard library only.

    python3 bench/bench.py [--runs 3] [--jar infra/target/masspay.jar] [--out bench/results/latest.json]

Needs a built jar (mvn -q -DskipTests package) and the PostgreSQL on 127.0.0.1:5432 (psql on PATH).
"""
import argparse, json, os, statistics, subprocess, sys, time, urllib.request, uuid

BASE = "http://127.0.0.1:18080"
ADMIN = "bench-operator-token"
DB = "masspay_bench"


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
    return subprocess.run(["psql", "-h", "127.0.0.1", "-d", db, "-Atqc", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def start_app(jar):
    psql(f"drop database if exists {DB} with (force)")
    psql(f"create database {DB}")
    proc = subprocess.Popen(["java", "-Xmx512m", "-Daxoniq.update-checker.disabled=true", "-jar", jar,
                             f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/{DB}?reWriteBatchedInserts=true",
                             "--server.port=18080", f"--masspay.admin.token={ADMIN}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
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
    http("POST", f"/API/v4/Admin/Issuers/{ian}/Wallets/{wallet}/Fund", ADMIN, {"Amount": "1000000.00", "Reference": "bench"})
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


def batch(ian, wallet, recipients, n, mixed):
    methods = ["XTR94500", "XTR94502", "XTR94503", "XTR94505", "XTR94507", "XTR94508"] if mixed else ["XTR94502"]
    items = []
    for i in range(n):
        m = methods[i % len(methods)]
        items.append({"CustomerTransactionId": f"B{uuid.uuid4().hex[:12]}", "RecipientId": recipients[i % len(recipients)],
                      "SendMethodId": m, "Amount": f"{1 + i % 20}.{i % 90:02d}",
                      "Destination": {"Email": "r@example.com", "SKU": "SKU-1"} if m == "XTR94505" else {}})
    return json.dumps({"IssuerAccountNumber": ian, "SourceWalletId": wallet, "Items": items}).encode()


def run_batch(ian, wallet, key, recipients, n, mixed):
    body = batch(ian, wallet, recipients, n, mixed)
    t0 = time.perf_counter()
    status, receipt = http("POST", "/API/v4/Fund/BatchTransfer", key, raw=body)
    post_ms = (time.perf_counter() - t0) * 1000
    assert status == 202, receipt
    batch_id = receipt["BatchId"]
    while True:
        _, view = http("GET", f"/API/v4/Fund/BatchTransfer/{batch_id}?PageSize=1", key)
        if view["Status"] != "Processing":
            break
        time.sleep(0.05)
    total_s = time.perf_counter() - t0
    return post_ms, n / total_s, batch_id


def baseline_rows_per_s(rows=5000):
    psql("create table if not exists bench_baseline (id bigserial primary key, payload bytea not null)", DB)
    payload = "x" * 300
    sql = "begin; insert into bench_baseline (payload) select convert_to(repeat('x', 300), 'UTF8') from generate_series(1, %d); commit;" % rows
    t0 = time.perf_counter()
    psql(sql, DB)
    return rows / (time.perf_counter() - t0)


def memory(pid):
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status") if ":" in line)
    return int(fields["VmHWM"].split()[0]) // 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jar", default="infra/target/masspay.jar")
    ap.add_argument("--out", default="bench/results/latest.json")
    args = ap.parse_args()
    proc = start_app(args.jar)
    try:
        ian, wallet, key, recipients = fixtures()
        run_batch(ian, wallet, key, recipients, 200, True)  # warm-up
        results = {}
        for name, n, mixed in [("post_1000", 1000, False), ("wallet_5000", 5000, False), ("mixed_5000", 5000, True)]:
            runs = [run_batch(ian, wallet, key, recipients, n, mixed) for _ in range(args.runs)]
            results[name] = {"post_ms": [round(r[0]) for r in runs], "items_per_s": [round(r[1]) for r in runs]}
        big = runs[-1][2]
        gets = []
        for i in range(100):
            t0 = time.perf_counter()
            http("GET", f"/API/v4/Fund/BatchTransfer/{big}?PageSize=100&Page={i % 50 + 1}", key)
            gets.append((time.perf_counter() - t0) * 1000)
        results["get_status_ms"] = {"p50": round(pct(gets, 50), 1), "p99": round(pct(gets, 99), 1)}
        results["peak_rss_mib"] = memory(proc.pid)
        results["baseline_rows_per_s"] = [round(baseline_rows_per_s()) for _ in range(args.runs)]
        results["load_average"] = os.getloadavg()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    print(f"{'measure':<28}{'median':>12}{'min':>10}{'max':>10}")
    for name in ["post_1000", "wallet_5000", "mixed_5000"]:
        for metric in ["post_ms", "items_per_s"]:
            v = results[name][metric]
            print(f"{name + ' ' + metric:<28}{statistics.median(v):>12}{min(v):>10}{max(v):>10}")
    b = results["baseline_rows_per_s"]
    print(f"{'raw PG insert rows/s':<28}{statistics.median(b):>12}{min(b):>10}{max(b):>10}")
    print(f"GET status page of 100 on 5,000 items: p50 {results['get_status_ms']['p50']} ms, p99 {results['get_status_ms']['p99']} ms")
    print(f"peak RSS {results['peak_rss_mib']} MiB (heap capped at 512 MiB); load average {results['load_average']:.1f}")
    wallet_ratio = statistics.median(results["wallet_5000"]["items_per_s"]) / statistics.median(b)
    print(f"wallet items/s as a share of raw single-table insert rows/s: {wallet_ratio:.3f}")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    json.dump(results, open(args.out, "w"), indent=2)


if __name__ == "__main__":
    main()
