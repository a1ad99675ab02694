#!/usr/bin/env python3
"""Load-test the web app: N concurrent clients for D seconds against a server with many events.

    python scripts/load_test.py [--db PATH] [--events 100000] [--clients 50] [--duration 60]
                                [--workers 2] [--port 8765] [--public] [--json]

1. The database: ``--db`` if it exists, else one is made there (default: a file in the temporary
   directory, kept for the next run) with ``--events`` synthetic reports from ``make_events.py``,
   loaded through the store's bulk path and grouped into real-world events (``cluster_store``:
   several minutes for 100,000 reports).
2. The server: ``protestwatch serve`` in a child process on 127.0.0.1 (``--workers`` processes),
   stopped at the end.  The clients authenticate with an API token (a viewer account made for
   the test), or read a ``--public`` server.
3. The load: ``--clients`` connections (HTTP/1.1 keep-alive, asyncio streams: a light client, so
   the measurement is not the client's), each sending requests back to back for ``--duration``
   seconds, half of them event-list pages and half aggregates.  The requests are drawn from a
   pool of dashboard views (no filter; the ten busiest countries; each year; forms; issues;
   country and year; a target country; a confidence floor; organizers; a full-text word; pages
   1-3 in two sort orders; aggregates by month, week, country and issue): the more popular a
   view, the more often it is asked (Zipf, s = 1.2 by default, ``--zipf 0`` for all views alike),
   as a crowd of people on one dashboard does.
   Before the clock starts, the script waits until each server process has built its event
   index (requests for views outside the pool, so no answer of the pool is cached beforehand).
4. The report: requests, errors, throughput, and p50/p95/p99/max latency (ms) for the list and
   for the aggregates, as measured by the clients (loopback only).

Traffic goes only to 127.0.0.1; every loop is bounded by ``--duration``.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import datetime as dt
import itertools
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


# -- the database ---------------------------------------------------------------------------------


def build_database(db: Path, n: int, seed: int) -> None:
    from make_events import generate

    from protestwatch.store import open_store
    from protestwatch.store.clusters import cluster_store, load_for_bench

    store = open_store(db)
    try:
        started = time.perf_counter()
        load_for_bench(store, (line["event"] for line in generate(n, seed)), derived=True)
        print(f"loaded {n} reports in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        started = time.perf_counter()
        report = cluster_store(store, with_text=False)
        print(f"grouped them into {report.clusters} real-world events in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)  # fmt: skip
        if hasattr(store, "analyze"):
            store.analyze()
    finally:
        store.close()


def make_token(db: Path) -> str:
    from protestwatch.store import open_store
    from protestwatch.web.security import digest, hash_password, new_api_token

    store = open_store(db)
    try:
        if store.get_user("load-test") is None:
            store.add_user("load-test", hash_password(new_api_token()), "viewer")
        token = new_api_token()
        store.add_api_token("load-test", digest(token), "load test")
        return token
    finally:
        store.close()


def views(db: Path, seed: int) -> tuple[list[str], list[str]]:
    """The pool of list and aggregate URLs, most popular first."""
    from protestwatch.store import open_store

    store = open_store(db)
    try:
        countries = [r[0] for r in store.fetchall(
            "SELECT country, COUNT(*) FROM events WHERE country IS NOT NULL GROUP BY country "
            "ORDER BY COUNT(*) DESC LIMIT 25")]  # fmt: skip
        organizers = [r[0] for r in store.fetchall(
            "SELECT name_key, COUNT(*) FROM event_organizers GROUP BY name_key ORDER BY COUNT(*) DESC LIMIT 5")]  # fmt: skip
    finally:
        store.close()
    rng = random.Random(seed)
    years = [str(y) for y in range(2019, 2025)]
    forms = ["demonstrate", "strike", "riot", "obstruct"]
    issues = ["labor_wages", "prices_economy", "corruption", "environment"]
    filters: list[dict[str, str]] = [{}]
    filters += [{"country": c} for c in countries[:10]]
    filters += [{"date_from": f"{y}-01-01", "date_to": f"{y}-12-31"} for y in years]
    filters += [{"form": f} for f in forms] + [{"issue": i} for i in issues]
    filters += [{"country": c, "date_from": f"{y}-01-01", "date_to": f"{y}-12-31"}
                for c, y in itertools.product(countries[:3], years[-3:])]  # fmt: skip
    filters += [{"target_country": countries[0]}, {"min_confidence": "0.7"}]
    filters += [{"organizer": o.split()[-1]} for o in organizers[:2] if o] + [{"q": "wages"}]
    lists, aggregates = [], []
    for f in filters:
        for page, sort in itertools.product((1, 2, 3), ("date_start", "confidence")):
            query = f | {"page": str(page), "sort": sort, "order": "desc", "per_page": "50"}
            lists.append("/api/v1/events?" + urllib.parse.urlencode(query))
        for by in ("month", "week", "country", "issue"):
            aggregates.append("/api/v1/aggregates?" + urllib.parse.urlencode(f | {"by": by}))
    # popularity follows the pool's order (the unfiltered view first), shuffled within blocks
    for pool in (lists, aggregates):
        blocks = [pool[i : i + 12] for i in range(0, len(pool), 12)]
        for b in blocks[1:]:
            rng.shuffle(b)
        pool[:] = [u for b in blocks for u in b]
    return lists, aggregates


class Zipf:
    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        weights = list(itertools.accumulate(1.0 / (k**s) for k in range(1, n + 1)))
        self._cum, self._rng = weights, rng

    def draw(self) -> int:
        return bisect.bisect_left(self._cum, self._rng.random() * self._cum[-1])


# -- the server -----------------------------------------------------------------------------------


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is free
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_server(db: Path | str, port: int, workers: int, public: bool,
                 log: Path | None = None) -> subprocess.Popen[bytes]:
    """``protestwatch serve`` in a new process group, once it answers (its output to ``log``)."""
    if not port_free(port):
        raise SystemExit(f"port {port} is in use: choose another with --port")
    command = [sys.executable, "-m", "protestwatch.cli", "serve", "--db", str(db), "--port", str(port),
               "--workers", str(workers)] + (["--public"] if public else [])  # fmt: skip
    sink = open(log, "ab") if log is not None else subprocess.DEVNULL
    try:
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    finally:
        if log is not None:
            sink.close()  # type: ignore[union-attr]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped (exit {proc.returncode})")
        try:
            status, _ = asyncio.run(_once("127.0.0.1", port, "/api/v1/config", {}))
            if status == 200 and proc.poll() is None:
                return proc
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(proc)
    raise SystemExit("the server did not start within 120 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # the group this script started: server + workers
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# -- the clients -----------------------------------------------------------------------------------


class Connection:
    """A minimal HTTP/1.1 keep-alive client over asyncio streams."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{self.extra}\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            body = b"".join(p[:-2] for p in parts)
        else:
            body = await self.reader.read()
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


async def _once(host: str, port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    conn = Connection(host, port, headers)
    try:
        return await conn.get(path)
    finally:
        await conn.close()


async def warm_up(port: int, headers: dict[str, str], limit: float = 180.0) -> float:
    """Wait until every worker process has built its event index: rounds of four concurrent
    requests for views outside the pool (never cached) until a round answers within a second.
    Returns the seconds waited (not part of the measurement)."""
    started = time.monotonic()
    k = 0
    while time.monotonic() - started < limit:
        round_started = time.monotonic()
        paths = [f"/api/v1/events?per_page=1&min_confidence=0.{k}{j}1" for j in range(4)]
        k += 1
        await asyncio.gather(*(_once("127.0.0.1", port, p, headers) for p in paths))
        if time.monotonic() - round_started < 1.0:
            break
    return time.monotonic() - started


async def run_load(port: int, headers: dict[str, str], lists: list[str], aggregates: list[str],
                   clients: int, duration: float, seed: int, zipf: float = 1.2,
                   cold: bool = False) -> dict[str, Any]:  # fmt: skip
    latencies: dict[str, list[float]] = {"list": [], "aggregates": []}
    errors: Counter[str] = Counter()
    distinct: set[str] = set()
    deadline = time.monotonic() + duration

    async def client(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        pick = {"list": (lists, Zipf(len(lists), zipf, rng)), "aggregates": (aggregates, Zipf(len(aggregates), zipf, rng))}
        conn = Connection("127.0.0.1", port, headers)
        try:
            while time.monotonic() < deadline:
                kind = "list" if rng.random() < 0.5 else "aggregates"
                pool, popularity = pick[kind]
                path = pool[popularity.draw()]
                if cold:  # a filter no other request has: never answered from the cache
                    path += f"&min_confidence=0.{rng.randrange(10**6):06d}"
                    if "date_to" not in path:
                        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1800))
                        path += f"&date_to={day.isoformat()}"
                started = time.perf_counter()
                try:
                    status, _ = await conn.get(path)
                except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    errors[type(exc).__name__] += 1
                    await conn.close()
                    continue
                latencies[kind].append((time.perf_counter() - started) * 1000)
                distinct.add(path)
                if status != 200:
                    errors[f"HTTP {status}"] += 1
        finally:
            await conn.close()

    started = time.monotonic()
    await asyncio.gather(*(client(k) for k in range(clients)))
    elapsed = time.monotonic() - started
    out: dict[str, Any] = {"clients": clients, "seconds": round(elapsed, 1), "distinct_urls": len(distinct),
                           "errors": dict(errors)}  # fmt: skip
    for kind, xs in latencies.items():
        out[kind] = summarise(xs, elapsed)
    out["all"] = summarise(latencies["list"] + latencies["aggregates"], elapsed)
    return out


def summarise(xs: list[float], seconds: float) -> dict[str, Any]:
    if not xs:
        return {"requests": 0}
    q = statistics.quantiles(xs, n=100, method="inclusive")
    return {"requests": len(xs), "per_second": round(len(xs) / seconds, 1),
            "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
            "max_ms": round(max(xs), 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "protestwatch-load-100k.db")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--public", action="store_true", help="Serve in public mode (no token).")
    parser.add_argument("--cold", action="store_true",
                        help="Make every request unique (a random end date and confidence floor), so "
                             "none is answered from the cache: the cost of computing answers.")
    parser.add_argument("--zipf", type=float, default=1.2,
                        help="Popularity skew of the views (0: every view equally often).")
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
    args = parser.parse_args()
    if args.duration > 600 or args.clients > 1000:
        raise SystemExit("at most 600 s and 1000 clients")
    if not args.db.exists():
        build_database(args.db, args.events, args.seed)
    headers = {} if args.public else {"Authorization": f"Bearer {make_token(args.db)}"}
    lists, aggregates = views(args.db, args.seed)
    proc = start_server(args.db, args.port, args.workers, args.public)
    try:
        waited = asyncio.run(warm_up(args.port, headers))
        report = asyncio.run(run_load(args.port, headers, lists, aggregates, args.clients,
                                      args.duration, args.seed, args.zipf, args.cold))  # fmt: skip
    finally:
        stop_server(proc)
    report["warm_up_seconds"] = round(waited, 1)
    report |= {"db": str(args.db), "workers": args.workers, "public": args.public, "zipf": args.zipf, "cold": args.cold,
               "pool": {"list": len(lists), "aggregates": len(aggregates)}}  # fmt: skip
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.clients} clients for {report['seconds']} s, {args.workers} server workers, "
          f"{report['distinct_urls']} distinct URLs (pool {len(lists)} list + {len(aggregates)} aggregates)")
    for kind in ("list", "aggregates", "all"):
        r = report[kind]
        if r["requests"]:
            print(f"{kind:<11} {r['requests']:>7} requests {r['per_second']:>7}/s  p50 {r['p50_ms']:>7} ms  "
                  f"p95 {r['p95_ms']:>7} ms  p99 {r['p99_ms']:>7} ms  max {r['max_ms']:>7} ms")
    print(f"errors: {report['errors'] or 'none'}; waited {report['warm_up_seconds']} s for the index first")


if __name__ == "__main__":
    main()
