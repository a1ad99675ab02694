#!/usr/bin/env python
"""Speed and footprint of the geoparser: gazetteer load time and memory, file size, and
articles per second per core of :func:`protestwatch.geo.geoparse` after load.

    python scripts/bench_geo.py [--gold GeoVirus.xml] [--rounds 3] [--json]

Runs in one process (one core).  Load = opening the gazetteer and the first geoparse call (which
loads the demonym tables), timed in a fresh process; RSS is the process's resident memory after
load and after the run (Linux /proc/self/status).  Texts: the GeoVirus articles (shared dev data).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PROTESTWATCH_SHARED", ROOT.parent / "shared"))


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "dev-data/geovirus/GeoVirus.xml"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rss_start = _rss_mb()
    started = time.perf_counter()
    from protestwatch.geo import Gazetteer, geoparse
    from protestwatch.geo.geoparse import read_gold

    gaz = Gazetteer.open()
    geoparse("Protesters gathered in Almaty, Kazakhstan.", gaz)
    load_s = time.perf_counter() - started
    rss_load = _rss_mb()
    texts = [text for text, _ in read_gold(args.gold)]
    chars = sum(len(t) for t in texts)
    best = float("inf")
    toponyms = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        toponyms = sum(len(geoparse(t, gaz)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    result = {
        "gazetteer": str(gaz.path),
        "file_mb": round(gaz.path.stat().st_size / 1e6, 1),
        "load_s": round(load_s, 3),
        "rss_before_mb": round(rss_start, 1),
        "rss_after_load_mb": round(rss_load, 1),
        "rss_after_run_mb": round(_rss_mb(), 1),
        "articles": len(texts),
        "mean_chars": round(chars / max(len(texts), 1)),
        "toponyms": toponyms,
        "articles_per_s": round(len(texts) / best, 1),
        "rounds": args.rounds,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:<20} {v}")


if __name__ == "__main__":
    main()
