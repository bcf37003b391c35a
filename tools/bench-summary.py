#!/usr/bin/env python3
"""Prints a Markdown table of medians from the JSON files tools/bench-compare.sh leaves.

    tools/bench-summary.py /tmp/parley-bench
"""
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

FIELDS = {
    "fanout": ("deliveries_per_s", "latency_p50_ms", "latency_p99_ms", "server_cpu_us_per_delivery", "loss"),
    "fanout1": ("deliveries_per_s", "latency_p50_ms", "latency_p99_ms", "server_cpu_us_per_delivery", "loss"),
    "fanoutlong": ("deliveries_per_s", "latency_p50_ms", "latency_p99_ms", "server_cpu_us_per_delivery", "loss"),
    "dm": ("deliveries_per_s", "latency_p50_ms", "latency_p99_ms", "server_cpu_us_per_delivery", "loss"),
    "connect": ("registrations_per_s", "registration_p99_ms", "server_rss_per_client_kib"),
    "idle": ("registrations_per_s", "registration_p99_ms", "server_rss_per_client_kib"),
    "steady": ("registrations_per_s", "registration_p50_ms", "registration_p99_ms", "server_rss_per_client_kib"),
}

runs = defaultdict(list)
for path in sorted(Path(sys.argv[1]).glob("*.json")):
    scenario, server, _ = path.stem.rsplit("-", 2)
    runs[(scenario, server)].append(json.loads(path.read_text()))

for scenario, fields in FIELDS.items():
    rows = [(server, reports) for (s, server), reports in sorted(runs.items()) if s == scenario]
    if not rows:
        continue
    print(f"\n{scenario}\n")
    print("| server | runs | " + " | ".join(fields) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in fields) + " |")
    for server, reports in rows:
        cells = []
        for field in fields:
            values = [r[field] for r in reports if r.get(field) is not None]
            cells.append(f"{statistics.median(values):,.2f}" if values else "-")
        print(f"| {server} | {len(reports)} | " + " | ".join(cells) + " |")
        print("|  | each run | " + " | ".join(
            " / ".join(f"{r[field]:,.2f}" for r in reports if r.get(field) is not None) for field in fields) + " |")
