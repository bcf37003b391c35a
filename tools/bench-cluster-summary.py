#!/usr/bin/env python3
"""Prints Markdown tables of what tools/bench-cluster.sh measured: per offered rate, the single
node against the cluster, round by round and as medians.

    tools/bench-cluster-summary.py /tmp/parley-bench-cluster

Added p99 is the cluster's cross-node p99 minus the single node's p99 of the same round (the
rounds are interleaved, so both ran under the same machine load). CPU per delivery sums every
node and, for the cluster, Redis. CPU added per cross-node delivery is the cluster's CPU beyond
what the single node spent per delivery in the same round, divided by the cross-node deliveries.
"""
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

runs = defaultdict(dict)
for path in sorted(Path(sys.argv[1]).glob("r*-*-*.json")):
    rate, mode, round_ = path.stem.rsplit("-", 2)
    runs[rate[1:]][(mode, int(round_))] = json.loads(path.read_text())


def fmt(value, digits=2):
    return "-" if value is None else f"{value:,.{digits}f}"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


for rate in sorted(runs, key=lambda r: (r == "max", int(r) if r.isdigit() else 0)):
    rounds = sorted({r for (_, r) in runs[rate]})
    rows = []
    for r in rounds:
        single, cluster = runs[rate].get(("single", r)), runs[rate].get(("cluster", r))
        if not single or not cluster:
            continue
        added = None
        if cluster.get("cross_node_latency_p99_ms") is not None and single.get("latency_p99_ms") is not None:
            added = cluster["cross_node_latency_p99_ms"] - single["latency_p99_ms"]
        cpu_added = None
        if cluster.get("server_cpu_s") is not None and single.get("server_cpu_us_per_delivery") is not None:
            extra = cluster["server_cpu_s"] * 1e6 - single["server_cpu_us_per_delivery"] * cluster["deliveries"]
            cpu_added = extra / max(1, cluster.get("cross_node_deliveries", 0))
        rows.append({
            "round": r,
            "single_dps": single.get("deliveries_per_s"),
            "cluster_dps": cluster.get("deliveries_per_s"),
            "cross_dps": cluster.get("cross_node_deliveries_per_s"),
            "single_p50": single.get("latency_p50_ms"),
            "single_p99": single.get("latency_p99_ms"),
            "single_p999": single.get("latency_p999_ms"),
            "same_p50": cluster.get("same_node_latency_p50_ms"),
            "same_p99": cluster.get("same_node_latency_p99_ms"),
            "cross_p50": cluster.get("cross_node_latency_p50_ms"),
            "cross_p99": cluster.get("cross_node_latency_p99_ms"),
            "cross_p999": cluster.get("cross_node_latency_p999_ms"),
            "added_p99": added,
            "single_cpu": single.get("server_cpu_us_per_delivery"),
            "cluster_cpu": cluster.get("server_cpu_us_per_delivery"),
            "cpu_added": cpu_added,
            "loss": f"{single.get('loss')}/{cluster.get('loss')}",
        })
    if not rows:
        continue
    keys = [k for k in rows[0] if k not in ("round", "loss")]
    print(f"\noffered: {rate} deliveries/s\n")
    print("| round | " + " | ".join(keys) + " | loss single/cluster |")
    print("| --- | " + " | ".join("---" for _ in keys) + " | --- |")
    for row in rows:
        print(f"| {row['round']} | " + " | ".join(fmt(row[k]) for k in keys) + f" | {row['loss']} |")
    print("| median | " + " | ".join(fmt(median([row[k] for row in rows])) for k in keys) + " | |")
