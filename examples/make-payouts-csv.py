#!/usr/bin/env python3
"""Writes N wallet payouts to the demo recipients as a CSV batch (README, "Five-minute tour").

    ./examples/make-payouts-csv.py 1000 > payouts.csv              # new CustomerTransactionIds every time
    ./examples/make-payouts-csv.py 1000 --seed nov-2026 > nov.csv  # the same file for the same seed

Every file gets CustomerTransactionIds of its own (P<tag>-00001, ...), so a second file is a new batch and not
409 DUPLICATE_TRANSACTION on every row; the tag is random, or derived from --seed, which makes the output
deterministic. Resubmitting one file under the same CustomerBatchId is a retry that pays nothing twice.
The amounts depend only on N (1,000 rows: 54,605.00 USD in all). One row per item, a header row with the item
field names; the envelope (IssuerAccountNumber, SourceWalletId, CustomerBatchId) is not in the file: the CLI
sends it as query parameters. Wallet methods need no Destination columns: each recipient's default wallet in
the batch currency is used.
"""
import argparse
import csv
import hashlib
import secrets
import sys

# the demo recipients of ./masspay run (DemoData): three individuals and a company
RECIPIENTS = [("PAT-5510", "XTR94502"), ("PAT-5511", "XTR94502"), ("PAT-5512", "XTR94502"), ("ORG-7001", "XTR94504")]


def tag(seed):
    """Eight hex digits: from the seed when given (same seed, same ids), else random."""
    return hashlib.sha256(seed.encode()).hexdigest()[:8] if seed is not None else secrets.token_hex(4)


def write(n, file_tag, out):
    rows = csv.writer(out, lineterminator="\n")
    rows.writerow(["CustomerTransactionId", "RecipientId", "SendMethodId", "Amount", "Description"])
    for i in range(1, n + 1):
        recipient, method = RECIPIENTS[i % len(RECIPIENTS)]
        rows.writerow([f"P{file_tag}-{i:05d}", recipient, method, f"{10 + i % 90}.{(i * 37) % 100:02d}",
                       "November payout"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Write N wallet payouts to the demo recipients as CSV.")
    parser.add_argument("n", nargs="?", type=int, default=1000, help="number of payouts (default 1000)")
    parser.add_argument("--seed", help="derive the ids from this text: the same seed writes the same file")
    args = parser.parse_args()
    if not 1 <= args.n <= 99999:
        parser.error("N must be 1..99999")
    write(args.n, tag(args.seed), sys.stdout)
