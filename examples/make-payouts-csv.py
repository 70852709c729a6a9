#!/usr/bin/env python3
"""Writes the five-minute tour's CSV: N wallet payouts to the demo recipients (README, "Five-minute tour").

    ./examples/make-payouts-csv.py 1000 > examples/payouts-1000.csv

Deterministic (the same N gives the same file), so resubmitting it under one CustomerBatchId is a retry
that pays nothing twice. One row per item, a header row with the item field names; the envelope
(IssuerAccountNumber, SourceWalletId, CustomerBatchId) is not in the file: the CLI sends it as query parameters.
Wallet methods need no Destination columns: each recipient's default wallet in the batch currency is used.
"""
import csv
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
# the demo recipients of ./masspay run (DemoData): three individuals and a company
recipients = [("PAT-5510", "XTR94502"), ("PAT-5511", "XTR94502"), ("PAT-5512", "XTR94502"), ("ORG-7001", "XTR94504")]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["CustomerTransactionId", "RecipientId", "SendMethodId", "Amount", "Description"])
for i in range(1, n + 1):
    recipient, method = recipients[i % len(recipients)]
    out.writerow([f"NOV-{i:05d}", recipient, method, f"{10 + i % 90}.{(i * 37) % 100:02d}", "November payout"])
