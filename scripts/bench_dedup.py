#!/usr/bin/env python3
"""Benchmark cross-article clustering on synthetic events with known clusters.

    python scripts/bench_dedup.py --sizes 50000,100000 [--seed 1] [--store] [--json]
    python scripts/bench_dedup.py --demo /tmp/demo.db     # the demo corpus gold, coded events

For each size, in a fresh process: generate the events (``make_events.py``), build the clustering
records, cluster them, and score the result against the known clusters (pairwise and B-cubed F1)
and the hard bars (no merged pair from different localities or without a common day).  Times
exclude generation; peak memory is the process's maximum resident size.  With ``--store`` the
events are written into a SQLite store and clustered with ``cluster_store`` (reading, clustering,
reconciling nothing, writing the memberships), which is what ``protestwatch dedup`` does.

``--demo DB`` codes the demo corpus into DB (``protestwatch demo``), clusters it with
``cluster_store`` and scores the coded events (matched to gold events within each article) against
the demo's cluster gold (articles sharing an ``event_key``), with the accuracy of reconciled values.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_events import generate


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _violations(groups: Any, records: dict[str, Any]) -> int:
    """Merged pairs from different localities or with no common day (checked independently)."""
    bad = 0
    for g in groups:
        members = [records[m] for m in g.members]
        localities = {r.locality for r in members if r.locality}
        if len(localities) > 1:
            bad += 1
        dated = [r for r in members if r.start is not None]
        if dated and max(r.start for r in dated) > min(r.end for r in dated):
            bad += 1
    return bad


def run_memory(n: int, seed: int) -> dict[str, Any]:
    from protestwatch.dedup.cluster import ClusterStats, cluster_records
    from protestwatch.dedup.metrics import score_clustering
    from protestwatch.dedup.records import record_of
    from protestwatch.model import Event

    lines = list(generate(n, seed))
    truth = {line["event"]["id"]: line["cluster"] for line in lines}
    t0, c0 = time.perf_counter(), time.process_time()
    cache: dict[tuple[str, str], str] = {}
    records = [record_of(Event.from_dict(line["event"]), cache=cache) for line in lines]
    del lines
    t1 = time.perf_counter()
    stats = ClusterStats()
    groups = cluster_records(records, stats=stats)
    t2, c2 = time.perf_counter(), time.process_time()
    membership = {m: g.members[0] for g in groups for m in g.members}
    scores = score_clustering(membership, truth)
    by_id = {r.event_id: r for r in records}
    return {
        "n": n, "records_s": round(t1 - t0, 2), "cluster_s": round(t2 - t1, 2),
        "total_s": round(t2 - t0, 2), "cpu_s": round(c2 - c0, 2), "peak_mb": round(_peak_mb()),
        "scores": scores.to_dict(), "violations": _violations(groups, by_id),
        "stats": {k: v for k, v in stats.__dict__.items() if k != "blocking"} | {"blocking": stats.blocking.__dict__},
    }  # fmt: skip


def run_store(n: int, seed: int) -> dict[str, Any]:
    from protestwatch.dedup.metrics import score_clustering
    from protestwatch.store import open_store
    from protestwatch.store.clusters import cluster_store, load_for_bench, memberships

    lines = list(generate(n, seed))
    truth = {line["event"]["id"]: line["cluster"] for line in lines}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        load_for_bench(store, (line["event"] for line in lines))
        del lines
        t1, c1 = time.perf_counter(), time.process_time()
        report = cluster_store(store)
        t2, c2 = time.perf_counter(), time.process_time()
        again = cluster_store(store)
        t3 = time.perf_counter()
        scores = score_clustering(memberships(store), truth)
        store.close()
    return {
        "n": n, "load_s": round(t1 - t0, 2), "cluster_store_s": round(t2 - t1, 2), "cpu_s": round(c2 - c1, 2),
        "rerun_s": round(t3 - t2, 2), "rerun_changes": again.changed, "peak_mb": round(_peak_mb()),
        "scores": scores.to_dict(), "report": report.to_dict(),
    }  # fmt: skip


def run_demo(db: str) -> dict[str, Any]:
    from protestwatch.dedup.gold import clusters_from_event_gold
    from protestwatch.dedup.metrics import align_to_gold, evaluate_clusters
    from protestwatch.demo import demo_corpus
    from protestwatch.demo import run_demo as code_demo
    from protestwatch.evaluate.gold import load_gold
    from protestwatch.store import open_store
    from protestwatch.store.clusters import cluster_store, memberships, reconciled_events

    code_demo(db)
    articles = load_gold(demo_corpus() / "gold.jsonl")
    gold = clusters_from_event_gold(articles)
    with open_store(db) as store:
        report = cluster_store(store)
        membership = memberships(store)
        headlines = {r.id: r.event for r in reconciled_events(store)}
        alignment = align_to_gold(store.events_by_article(), articles)
    result = evaluate_clusters(membership, gold, alignment=alignment, headlines=headlines)
    return {"report": report.to_dict(), "evaluation": result.to_dict()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", action="store_true", help="go through the SQLite store")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--demo", metavar="DB", help="score the coded demo corpus instead")
    args = parser.parse_args(argv)
    if args.demo:
        print(json.dumps(run_demo(args.demo), indent=2))
        return 0
    if args.one:
        result = (run_store if args.store else run_memory)(args.one, args.seed)
        print(json.dumps(result))
        return 0
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)] + (
            ["--store"] if args.store else []
        )
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        key = "cluster_store_s" if args.store else "total_s"
        for r in results:
            s = r["scores"]
            print(
                f"n={r['n']:>7}  time {r[key]:>7.2f}s (cpu {r['cpu_s']:.2f}s)  peak {r['peak_mb']:>5} MB  pairwise F1 "
                f"{s['pairwise']['f1']:.4f} (P {s['pairwise']['precision']:.4f} R {s['pairwise']['recall']:.4f})  "
                f"B-cubed F1 {s['bcubed']['f1']:.4f}  violations {r.get('violations', '-')}"
            )
        if len(results) >= 2:
            print(
                f"time ratio {results[-1]['n']}/{results[0]['n']}: {results[-1][key] / results[0][key]:.2f}x "
                f"(cpu {results[-1]['cpu_s'] / results[0]['cpu_s']:.2f}x)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
