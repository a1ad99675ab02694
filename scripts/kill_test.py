#!/usr/bin/env python3
"""Kill a parallel run at random points, finish it, and compare with an uninterrupted run.

    python scripts/kill_test.py --n 400 --kills 10 --workers 2                # SQLite
    python scripts/kill_test.py --n 400 --kills 10 --workers 2 \\
        --pg postgresql://postgres@127.0.0.1:5432/test                      # PostgreSQL

The script generates a corpus (``make_corpus.py``), codes it once without interruption
(``protestwatch run --workers N``: the reference), then stores it again in a second database and
runs ``protestwatch run --workers N`` on it as a subprocess, killing (SIGKILL) at random points:

- ``worker``: one worker process; the run must go on by itself (the pool is started again and the
  lost chunks handed out again);
- ``run``: the whole process group; the next ``protestwatch run`` must go on from where it was;
- ``parent``: the parent process only; its workers must notice and exit (no orphans).

The three kinds come in equal numbers, in a random order.  A point is random in time and in
progress: after a random number of newly saved articles, plus a random delay, so kills land while
the workers load, while they code, while the parent saves, and (for the last) while the reports
are grouped into real-world events at the end.  When the kills are spent the run is let finish.  The two databases must then hold the same articles, events, evidence,
issues, targets and real-world events (``SNAPSHOT_QUERIES``): none lost, none duplicated.  Prints
a JSON report; exit status 0 when the databases are equal.  PostgreSQL databases are schemas of
the given server (created, then dropped unless ``--keep``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent

#: Everything a run decides, less run ids and timestamps.  Real-world events are compared by their
#: members (their ids are hashes of the members).
SNAPSHOT_QUERIES = {
    "articles": "SELECT id, hash, state, state_reason, pipeline_version FROM articles ORDER BY id",
    "events": "SELECT id, article_id, machine, data, machine_present, review FROM events "
              "ORDER BY id",
    "evidence": 'SELECT event_id, field, article_id, start, "end" FROM evidence '
                "ORDER BY 1, 2, 3, 4, 5",
    "issues": "SELECT event_id, issue FROM event_issues ORDER BY 1, 2",
    "targets": "SELECT event_id, country FROM event_targets ORDER BY 1, 2",
    "sources": "SELECT cluster_id, event_id FROM cluster_members ORDER BY 1, 2",
}


# -- databases ---------------------------------------------------------------------------------


def _pg_parts(url: str) -> tuple[str, str]:
    base, _, query = url.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
    return base, params.get("schema", "public")


def _query(db: str, sql: str) -> list[tuple]:
    if "://" in db:
        import psycopg

        base, schema = _pg_parts(db)
        with psycopg.connect(base, options=f"-c search_path={schema}", connect_timeout=5) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def count(db: str, sql: str) -> int:
    """A count read while another process writes (0 while the database is not there yet)."""
    if "://" not in db and not Path(db).exists():
        return 0
    try:
        return int(_query(db, sql)[0][0])
    except Exception:  # tables not created yet, a lock: try again later
        return 0


def done(db: str) -> int:
    return count(db, "SELECT COUNT(*) FROM articles WHERE state != 'pending'")


def snapshot(db: str) -> dict[str, list[tuple]]:
    """The content of a database that a run decides (see ``SNAPSHOT_QUERIES``)."""
    if "://" not in db:
        assert _query(db, "PRAGMA integrity_check")[0][0] == "ok"
    return {name: [tuple(_plain(v) for v in row) for row in _query(db, sql)]
            for name, sql in SNAPSHOT_QUERIES.items()}  # fmt: skip


def _plain(value: Any) -> Any:
    """JSON columns as parsed values (text on SQLite, jsonb on PostgreSQL)."""
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> dict[str, Any]:
    """Per table: the row counts and a few rows found in one snapshot only."""
    out = {}
    for name in a:
        left, right = a[name], b.get(name, [])
        if left != right:
            only_a = [r for r in left if r not in right][:3]
            only_b = [r for r in right if r not in left][:3]
            out[name] = {
                "rows": [len(left), len(right)],
                "only_reference": [str(r)[:300] for r in only_a],
                "only_killed": [str(r)[:300] for r in only_b],
            }
    return out


class Databases:
    """New databases: SQLite files in ``workdir``, or schemas of the PostgreSQL server ``pg``."""

    def __init__(self, workdir: Path, pg: str | None = None) -> None:
        self.workdir, self.pg, self.schemas = workdir, pg, []

    def new(self, name: str) -> str:
        if not self.pg:
            path = self.workdir / f"{name}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return str(path)
        safe = "".join(c if c.isalnum() else "_" for c in name)[:20]
        schema = f"pwkill_{os.getpid()}_{safe}_{uuid.uuid4().hex[:8]}"
        self.schemas.append(schema)
        return f"{self.pg}{'&' if '?' in self.pg else '?'}schema={schema}"

    def drop(self) -> None:
        if not self.schemas:
            return
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.pg, autocommit=True) as conn:
            for schema in self.schemas:
                drop = sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema))
                conn.execute(drop)
        self.schemas.clear()


# -- processes ---------------------------------------------------------------------------------


def protestwatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "protestwatch.cli", *args]


def check(cmd: list[str], timeout: float = 3600) -> str:
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr[-3000:]}")
    return res.stdout


def workers_of(pid: int) -> list[Any]:
    """The worker processes of the run ``pid`` (not its resource tracker)."""
    import psutil

    try:
        children = psutil.Process(pid).children(recursive=False)
    except psutil.NoSuchProcess:
        return []
    found = []
    for child in children:
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def _wait_gone(procs: list[Any], seconds: float) -> list[Any]:
    import psutil

    _, alive = psutil.wait_procs(procs, timeout=seconds)
    return alive


def kill_and_finish(
    db: str, total: int, *, kills: int, workers: int, writer: str, rng: random.Random,
    log: Path, timeout: float = 1800,
) -> list[dict[str, Any]]:  # fmt: skip
    """Run ``protestwatch run --workers N`` on ``db``, killing it ``kills`` times at random points,
    then let it finish.  Returns what was killed when."""
    record: list[dict[str, Any]] = []
    modes = [("worker", "run", "parent")[i % 3] for i in range(kills)]  # each kind, in random order
    rng.shuffle(modes)
    # The first kill, made while most articles are still pending, restarts the run from the
    # database; later ones may find the run already finished when a large chunk lands at once.
    first = next((i for i, m in enumerate(modes) if m != "worker"), 0)
    modes.insert(0, modes.pop(first))
    deadline = time.monotonic() + timeout
    args = protestwatch("run", "--db", db, "--workers", str(workers), "--writer", writer)
    with open(log, "ab") as err:
        while True:
            proc = subprocess.Popen(
                args, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
            )
            started = time.monotonic()
            try:
                while len(record) < kills and proc.poll() is None:
                    to_go = kills - len(record)  # keep articles pending for the kills to come
                    left = max(1, (total - done(db)) // (to_go + 1))
                    target = min(done(db) + rng.randint(0, left), total - to_go + 1)
                    mode = modes[len(record)]
                    while proc.poll() is None and done(db) < target and time.monotonic() < deadline:
                        time.sleep(0.02)
                    time.sleep(rng.uniform(0, 0.4))
                    if proc.poll() is not None:
                        break
                    entry = {"mode": mode, "saved_before": done(db),
                             "seconds": round(time.monotonic() - started, 2)}  # fmt: skip
                    if mode == "worker":
                        victims = workers_of(proc.pid)
                        if not victims:  # not started yet (or between pools): kill the run instead
                            entry["mode"] = mode = "run"
                        else:
                            victim = rng.choice(victims)
                            victim.send_signal(signal.SIGKILL)
                            entry["pid"] = victim.pid
                            record.append(entry)
                            continue
                    children = workers_of(proc.pid)
                    if mode == "run":
                        os.killpg(proc.pid, signal.SIGKILL)
                    else:
                        proc.send_signal(signal.SIGKILL)
                    proc.wait(timeout=30)
                    alive = _wait_gone(children, 10.0)
                    entry["orphans"] = len(alive)
                    for p in alive:  # should not happen; clean up, and report it
                        p.kill()
                    record.append(entry)
                    break
                if proc.poll() is None and len(record) >= kills:
                    proc.wait(timeout=max(1.0, deadline - time.monotonic()))
            finally:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
            if proc.returncode == 0:
                return record
            if time.monotonic() > deadline:
                raise SystemExit(f"the run did not finish within {timeout} s (see {log})")


def exercise(dbs: Databases, corpus: Path, *, kills: int, workers: int, writer: str = "auto",
             seed: int = 1, workdir: Path) -> dict[str, Any]:  # fmt: skip
    """The whole test on one backend: reference run, killed run, comparison."""
    rng = random.Random(seed)
    total = sum(1 for _ in corpus.open(encoding="utf-8"))
    reference, killed = dbs.new("reference"), dbs.new("killed")
    t0 = time.perf_counter()
    check(protestwatch("ingest", str(corpus), "--db", reference, "--no-run"))
    check(protestwatch("run", "--db", reference, "--workers", str(workers), "--writer", writer))
    reference_seconds = time.perf_counter() - t0
    check(protestwatch("ingest", str(corpus), "--db", killed, "--no-run"))
    t0 = time.perf_counter()
    record = kill_and_finish(killed, total, kills=kills, workers=workers, writer=writer, rng=rng,
                             log=workdir / "killed-run.log")  # fmt: skip
    killed_seconds = time.perf_counter() - t0
    expected, got = snapshot(reference), snapshot(killed)
    diff = differences(expected, got)
    return {
        "backend": "postgresql" if dbs.pg else "sqlite", "articles": total, "workers": workers,
        "writer": writer, "seed": seed, "kills": record,
        "orphans": sum(k.get("orphans", 0) for k in record),
        "rows": {name: len(rows) for name, rows in expected.items()},
        "equal": not diff and not sum(k.get("orphans", 0) for k in record), "differences": diff,
        "reference_seconds": round(reference_seconds, 1),
        "killed_seconds": round(killed_seconds, 1),
    }  # fmt: skip


def make_corpus(path: Path, n: int, share: float, seed: int, rereport_share: float = 0.0) -> Path:
    """A generated corpus (``make_corpus.py``) at ``path``."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        import make_corpus as mc
    finally:
        sys.path.remove(str(SCRIPTS))
    mc.write_corpus(path, n, share, seed, rereport_share=rereport_share)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=400, help="articles in the generated corpus")
    ap.add_argument("--protest-share", type=float, default=0.3)
    ap.add_argument("--rereport-share", type=float, default=0.3,
                    help="share of protest articles that re-report an earlier one's event")
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--writer", default="auto", choices=("auto", "parent", "workers"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pg", help="PostgreSQL server URL (default: SQLite files)")
    ap.add_argument("--workdir", help="corpus and SQLite files (default: a temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the PostgreSQL schemas")
    args = ap.parse_args(argv)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="pw-kill-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(workdir / "corpus.jsonl", args.n, args.protest_share, args.seed,
                         args.rereport_share)
    dbs = Databases(workdir, args.pg)
    try:
        result = exercise(dbs, corpus, kills=args.kills, workers=args.workers, writer=args.writer,
                          seed=args.seed, workdir=workdir)  # fmt: skip
    finally:
        if not args.keep:
            dbs.drop()
    print(json.dumps(result, indent=2))
    return 0 if result["equal"] else 1


if __name__ == "__main__":
    sys.exit(main())
