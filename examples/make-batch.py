#!/usr/bin/env python3
"""Writes a wallet batch of N items for the demo issuer to stdout: ./examples/make-batch.py 1000 > big.json"""
import json
import sys
import uuid

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
recipients = [("PAT-5510", "XTR94502"), ("PAT-5511", "XTR94502"), ("PAT-5512", "XTR94502"), ("ORG-7001", "XTR94504")]
run = uuid.uuid4().hex[:8]
items = []
for i in range(n):
    recipient, method = recipients[i % len(recipients)]
    items.append({"CustomerTransactionId": f"T-{run}-{i}", "RecipientId": recipient, "SendMethodId": method,
                  "Amount": f"{1 + i % 50}.{i % 100:02d}", "Destination": {}})
json.dump({"IssuerAccountNumber": "SPN100001", "SourceWalletId": "WAL-DEMO-USD", "Items": items}, sys.stdout)
