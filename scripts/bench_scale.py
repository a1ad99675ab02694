#!/usr/bin/env python3
"""Throughput and memory of `protestwatch run` with 1 and more workers, on SQLite and PostgreSQL.

    python scripts/bench_scale.py --n 10000 --workers 1 2                       # SQLite
    python scripts/bench_scale.py --n 10000 --workers 1 2 \\
        --pg postgresql://postgres@127.0.0.1:5432/test                         # and PostgreSQL
    python scripts/bench_scale.py --n 100000 --workers 2 --backends postgresql \\
        --pg postgresql://postgres@127.0.0.1:5432/test                         # the big run

For each backend and each worker count, the script stores a generated corpus (``make_corpus.py``:
synthetic news, a share of protest reports, 300-900 words each) in a fresh database with
``protestwatch ingest --no-run``, then runs ``protestwatch run --workers N`` as a subprocess and
samples, every ``--interval`` seconds, the resident memory (RSS) of every process of the run (the
parent, each worker) and the number of articles saved.  It reports articles/s and words/s over the
coding (until the last article is saved) and over the whole run (with the grouping into
real-world events at the end), the CPU time of the run's processes (articles per CPU-second does
not depend on what else the machine runs; the database server's CPU is not included), the peak
RSS of each process, and each process's RSS and anonymous RSS (heap, without file pages such as
SQLite's memory-mapped database) at 10%, 50% and 90% of its life during the coding (flat = no
growth with the number of articles; workers are replaced now and then, see ``parallel.py``).  The machine's load average is reported too: other programs on the machine
slow the runs down.

Prints a JSON report (``--out`` also writes it, with the full memory time series).
PostgreSQL databases are schemas of the given server, dropped at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

import kill_test  # noqa: E402 - the database helpers (new databases, counts) live there


def _words(corpus: Path) -> tuple[int, int]:
    n = words = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            n += 1
            words += len(json.loads(line)["text"].split())
    return n, words


def _anon_rss(pid: int) -> int | None:
    """Resident anonymous memory (heap, not file pages such as SQLite's memory-mapped database,
    which the kernel can drop at will), from /proc on Linux."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _tree(pid: int) -> dict[int, tuple[str, int, int]]:
    """pid -> (role, RSS bytes, anonymous RSS bytes) for the run and its children."""
    import psutil

    out: dict[int, tuple[str, int, int]] = {}
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return out
    for p in procs:
        try:
            cmd = " ".join(p.cmdline())
            role = "parent" if p.pid == pid else "worker" if "spawn_main" in cmd else "helper"
            rss = p.memory_info().rss
            out[p.pid] = (role, rss, _anon_rss(p.pid) or rss)
        except psutil.Error:
            continue
    return out


def measure_run(db: str, workers: int, total: int, writer: str, interval: float) -> dict[str, Any]:
    """Run ``protestwatch run`` on ``db`` and sample it until it exits."""
    cmd = kill_test.protestwatch("run", "--db", db, "--workers", str(workers), "--writer", writer, "--json")
    samples: list[dict[str, Any]] = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    coded_at = None
    loads = []
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
        last_count = -1.0
        while proc.poll() is None:
            now = time.perf_counter() - start
            sample: dict[str, Any] = {"t": round(now, 2), "rss": _tree(proc.pid)}
            if now - last_count >= max(interval, 2.0) or coded_at is None:
                saved = kill_test.done(db)
                sample["saved"] = saved
                last_count = now
                if saved >= total and coded_at is None:
                    coded_at = now
            samples.append(sample)
            loads.append(os.getloadavg()[0])
            time.sleep(interval)
        seconds = time.perf_counter() - start
        out, _ = proc.communicate()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the run and its workers, all waited for
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode()[-3000:]}")
    report = json.loads(out)
    return {"seconds": seconds, "coded_seconds": coded_at or seconds, "report": report, "cpu": cpu,
            "samples": samples, "load": round(statistics.mean(loads), 2) if loads else None}  # fmt: skip


def summarise(run: dict[str, Any], articles: int, words: int) -> dict[str, Any]:
    """Throughput, and per process: peak RSS and RSS along the coding."""
    coded = run["coded_seconds"]
    per_pid: dict[int, list[tuple[float, int, int, str]]] = {}
    for s in run["samples"]:
        for pid, (role, rss, anon) in s["rss"].items():
            per_pid.setdefault(int(pid), []).append((s["t"], rss, anon, role))
    processes = []
    for pid, series in sorted(per_pid.items()):
        role = series[-1][3]
        if role == "helper":
            continue
        during = [x for x in series if x[0] <= coded] or series
        first, last = during[0][0], during[-1][0]  # this process's life within the coding
        at = {}
        for share in (0.1, 0.5, 0.9):
            moment = first + (last - first) * share
            near = min(during, key=lambda x: abs(x[0] - moment))
            at[f"rss_mb_at_{int(share * 100)}pct"] = round(near[1] / 2**20)
            at[f"anon_mb_at_{int(share * 100)}pct"] = round(near[2] / 2**20)
        processes.append({
            "pid": pid, "role": role, "peak_rss_mb": round(max(x[1] for x in series) / 2**20),
            "peak_anon_mb": round(max(x[2] for x in series) / 2**20),
            "seconds_alive": round(series[-1][0] - series[0][0], 1), **at,
        })  # fmt: skip
    return {
        "articles": articles, "words": words,
        "coding_seconds": round(coded, 1), "total_seconds": round(run["seconds"], 1),
        "articles_per_s": round(articles / coded, 1), "words_per_s": round(words / coded),
        "articles_per_s_with_grouping": round(articles / run["seconds"], 1),
        "cpu_seconds": round(run["cpu"], 1), "articles_per_cpu_s": round(articles / run["cpu"], 1),
        "events": run["report"].get("events"), "load_average": run["load"], "processes": processes,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000, help="articles in the generated corpus")
    ap.add_argument("--protest-share", type=float, default=0.05)
    ap.add_argument("--rereport-share", type=float, default=0.3,
                    help="share of protest articles that re-report an earlier one's event")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--backends", nargs="+", default=None, choices=("sqlite", "postgresql"),
                    help="default: sqlite, and postgresql when --pg is given")
    ap.add_argument("--writer", default="auto", choices=("auto", "parent", "workers"))
    ap.add_argument("--pg", help="PostgreSQL server URL")
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between memory samples")
    ap.add_argument("--workdir", help="corpus and SQLite files (default: a temporary directory)")
    ap.add_argument("--out", type=Path, help="also write the report, with the time series, here")
    ap.add_argument("--keep", action="store_true", help="keep the databases")
    args = ap.parse_args(argv)
    backends = args.backends or (["sqlite", "postgresql"] if args.pg else ["sqlite"])
    if "postgresql" in backends and not args.pg:
        ap.error("--backends postgresql needs --pg URL")
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="pw-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / f"corpus-{args.n}-{args.seed}-{args.protest_share}-{args.rereport_share}.jsonl"
    if not corpus.exists():
        kill_test.make_corpus(corpus, args.n, args.protest_share, args.seed, args.rereport_share)
    articles, words = _words(corpus)
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "corpus": {"articles": articles, "words": words, "protest_share": args.protest_share,
                   "rereport_share": args.rereport_share, "seed": args.seed},  # fmt: skip
        "runs": [],
    }
    series = []
    for backend in backends:
        dbs = kill_test.Databases(workdir, args.pg if backend == "postgresql" else None)
        try:
            for n in args.workers:
                db = dbs.new(f"bench-w{n}")
                t0 = time.perf_counter()
                kill_test.check(kill_test.protestwatch("ingest", str(corpus), "--db", db, "--no-run"))
                ingest_s = time.perf_counter() - t0
                run = measure_run(db, n, articles, args.writer, args.interval)
                summary = {"backend": backend, "workers": n, "writer": args.writer,
                           "ingest_seconds": round(ingest_s, 1), **summarise(run, articles, words)}  # fmt: skip
                result["runs"].append(summary)
                series.append({"backend": backend, "workers": n, "samples": run["samples"]})
                print(json.dumps(summary), file=sys.stderr, flush=True)
        finally:
            if not args.keep:
                dbs.drop()
    for backend in backends:
        by_n = {r["workers"]: r for r in result["runs"] if r["backend"] == backend}
        if 1 in by_n:
            result.setdefault("speedup", {})[backend] = {
                str(n): round(r["articles_per_s"] / by_n[1]["articles_per_s"], 2) for n, r in by_n.items()
            }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result | {"series": series}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
