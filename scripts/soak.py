#!/usr/bin/env python3
"""Soak test: several writer processes and the web app on one PostgreSQL database for minutes.

    python scripts/soak.py [--pg postgresql://postgres@127.0.0.1:5432/test] [--minutes 5]
                           [--writers 4] [--readers 6] [--reviewers 2] [--json REPORT.json]

What runs at once, until the clock is out:

- ``--writers`` processes, each a separate ``Workspace`` on the database doing what a coding team's
  machines do: ingest a batch of new generated articles (``make_corpus.py``; every other batch
  also holds a few articles *every* writer ingests, so the same article arrives several times at
  once), code everything pending (so writers race to code the same articles), group the reports
  into real-world events; correct an event by hand now and then; and re-code articles whose
  events people corrected (a machine run over human work).
- the web app (``protestwatch serve``), with ``--readers`` threads reading as dashboard users do
  (event pages of the list, one event, aggregates, facets, the review queue, a CSV export) and
  ``--reviewers`` threads writing through the API with a coder's token (field edits, accept and
  reject, merging two events then splitting them again).

Every write that succeeded is written to a journal first thing after it returns.  At the end the
script checks that nothing was lost or duplicated:

1. no writer raised, no request got a 5xx or a broken connection, the server logged no error;
2. articles: the database holds exactly the seed plus every article a writer stored (the sum of
   the writers' "new" counts), each shared article stored once, none left pending or failed;
3. human work: every journaled correction (CLI-style and through the API) is in the database
   with its audit row (same count of each), and each corrected field still shows the last
   correction made to it, machine re-codings notwithstanding;
4. machine work: the events, evidence, issues and targets equal those of a reference database
   where the same articles were coded by one process with no one else around;
5. real-world events: every report not rejected belongs to one of them, and each of their
   members is a stored report.

Prints (and with ``--json`` writes) a report; exit status 0 when every check holds.  The database
is a fresh schema of the server, dropped at the end unless ``--keep``.  Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from kill_test import _pg_parts, _query, differences  # noqa: E402
from load_test import port_free, start_server, stop_server  # noqa: E402

#: What the machine decides about each report: compared with a reference database at the end.
MACHINE_QUERIES = {
    "events": "SELECT id, article_id, machine, machine_present FROM events ORDER BY id",
    "evidence": 'SELECT event_id, field, article_id, start, "end" FROM evidence ORDER BY 1, 2, 3, 4, 5',
    "issues": "SELECT event_id, issue FROM event_issues ORDER BY 1, 2",
    "targets": "SELECT event_id, country FROM event_targets ORDER BY 1, 2",
}
SHARED_PER_BATCH = 4
_spawn = multiprocessing.get_context("spawn")


def _articles(seed: int, prefix: str, protest_share: float = 0.35) -> Any:
    """An endless stream of generated articles with ids ``prefix-N`` (distinct texts per seed)."""
    from make_corpus import generate, load_cities

    cities = load_cities()
    for article, _ in generate(1_000_000, protest_share, seed, cities=cities, rereport_share=0.2):
        article["id"] = f"{prefix}-{article['id'].split('-')[-1]}"
        yield article


def _write_jsonl(path: Path, articles: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")


# -- the writers ---------------------------------------------------------------------------------


def writer(k: int, db: str, deadline: float, batch: int, journal_path: str, min_batches: int = 0) -> None:
    """One writer process (see the module's docstring); every success goes to its journal."""
    from protestwatch.api import Workspace

    rng = random.Random(1000 + k)
    own, shared = _articles(100 + k, f"w{k}"), _articles(99, "shared")
    tmp = Path(tempfile.mkdtemp(prefix=f"soak-w{k}-"))
    with open(journal_path, "a", encoding="utf-8") as journal, Workspace(db) as ws:

        def note(**entry: Any) -> None:
            journal.write(json.dumps(entry, default=str) + "\n")
            journal.flush()

        n = 0
        while time.time() < deadline or n < min_batches:
            n += 1
            try:
                items = [next(own) for _ in range(batch)]
                if n % 2:
                    items += [next(shared) for _ in range(SHARED_PER_BATCH)]
                path = tmp / f"batch-{n}.jsonl"
                _write_jsonl(path, items)
                started = time.perf_counter()
                report = ws.ingest([str(path)])
                note(op="ingest", ids=[a["id"] for a in items], new=report.new, dup=report.duplicates,
                     coded=report.coded, seconds=round(time.perf_counter() - started, 3))
                path.unlink()
                if n % 3 == 0:
                    _correct_one(ws, rng, k, n, note)
                if n % 4 == 0:
                    _recode_corrected(ws, rng, note)
            except Exception:
                note(op="error", where=f"batch {n}", error=traceback.format_exc())
    tmp.rmdir()


def _correct_one(ws: Any, rng: random.Random, k: int, n: int, note: Any) -> None:
    rows = ws.store.fetchall("SELECT id FROM events ORDER BY random() LIMIT 1")
    if rows:
        value = 1_000_000 * (k + 1) + n  # unique: the check finds exactly this write
        ws.correct(rows[0][0], "size_low", value, author=f"writer-{k}", note="soak")
        note(op="correct", event=rows[0][0], field="size_low", value=value, author=f"writer-{k}")


def _recode_corrected(ws: Any, rng: random.Random, note: Any) -> None:
    """Code again, and save, a few articles whose events carry human corrections."""
    rows = ws.store.fetchall(
        "SELECT DISTINCT e.article_id FROM corrections c JOIN events e ON e.id = c.event_id"
    )
    ids = rng.sample([r[0] for r in rows], min(3, len(rows)))
    articles = [a for a in map(ws.store.get_article, ids) if a is not None]
    run_id = ws.store.start_run("soak-recode")
    for result in ws.pipeline.process_many(articles):
        ws.store.save_coding(result.article.id, result.events, state=result.state, reason=result.reason,
                             run_id=run_id)  # fmt: skip
    ws.store.finish_run(run_id, {"recoded": len(articles)})
    note(op="recode", ids=ids)


# -- the web clients -------------------------------------------------------------------------------


class Web:
    """The HTTP side: counts every response, keeps the latencies and a journal of API writes."""

    def __init__(self, port: int, reader_token: str, coder_token: str, deadline: float) -> None:
        self.port, self.local = port, threading.local()
        self.reader_token, self.coder_token, self.deadline = reader_token, coder_token, deadline
        self.lock = threading.Lock()
        self.status: Counter[str] = Counter()
        self.latency: dict[str, list[float]] = {"read": [], "write": []}
        self.errors: list[str] = []
        self.refused: list[str] = []  # 4xx answers, for the report (an event merged away, a conflict)
        self.journal: list[dict[str, Any]] = []
        self.ids: list[str] = []

    def call(self, method: str, path: str, body: Any = None, *, write: bool = False,
             coder: bool = False) -> tuple[int, Any]:  # fmt: skip
        token = self.coder_token if write or coder else self.reader_token
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        started = time.perf_counter()
        conn = getattr(self.local, "conn", None)
        try:
            if conn is None:  # one keep-alive connection per client thread
                conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            status, raw = resp.status, resp.read()
        except Exception as exc:  # a broken connection, a time-out
            self.local.conn = None
            if conn is not None:
                conn.close()
            with self.lock:
                self.status["exception"] += 1
                self.errors.append(f"{method} {path}: {exc!r}")
            return 0, None
        elapsed = time.perf_counter() - started
        with self.lock:
            self.status[f"{method} {status // 100}xx" if status < 400 else f"{method} {status}"] += 1
            self.latency["write" if write else "read"].append(elapsed)
            if status >= 500:
                self.errors.append(f"{method} {path}: {status} {raw[:300]!r}")
            elif status >= 400 and len(self.refused) < 20:
                self.refused.append(f"{method} {path}: {status} {raw[:300]!r}")
        try:
            return status, json.loads(raw) if raw and raw[:1] in (b"{", b"[") else raw
        except ValueError:
            return status, raw

    def remember(self, items: list[dict[str, Any]]) -> None:
        with self.lock:
            self.ids = ([i["id"] for i in items] + self.ids)[:500]

    def pick(self, rng: random.Random) -> str | None:
        with self.lock:
            return rng.choice(self.ids) if self.ids else None

    def reader(self, seed: int) -> None:
        rng = random.Random(seed)
        while time.time() < self.deadline:
            roll = rng.random()
            if roll < 0.35:
                q = {"page": rng.randint(1, 5), "per_page": 50, "sort": rng.choice(["date_start", "confidence"])}
                status, body = self.call("GET", "/api/v1/events?" + urllib.parse.urlencode(q))
                if status == 200:
                    self.remember(body["items"])
            elif roll < 0.55:
                event_id = self.pick(rng)
                if event_id:
                    self.call("GET", f"/api/v1/events/{urllib.parse.quote(event_id)}")
            elif roll < 0.75:
                by = rng.choice(["month", "week", "country", "issue"])
                self.call("GET", f"/api/v1/aggregates?by={by}")
            elif roll < 0.85:
                self.call("GET", "/api/v1/facets")
            elif roll < 0.95:
                status, body = self.call("GET", f"/api/v1/review/queue?page={rng.randint(1, 3)}", coder=True)
                if status == 200:
                    self.remember(body["items"])
            else:
                self.call("GET", "/api/v1/export?format=csv&unit=real_world&date_from=2023-01-01&date_to=2023-03-31")

    def reviewer(self, seed: int) -> None:
        rng, n = random.Random(seed), 0
        while time.time() < self.deadline:
            n += 1
            time.sleep(rng.uniform(0.05, 0.3))
            event_id = self.pick(rng)
            if event_id is None:
                status, body = self.call("GET", "/api/v1/events?per_page=50")
                if status == 200:
                    self.remember(body["items"])
                continue
            roll, path = rng.random(), f"/api/v1/events/{urllib.parse.quote(event_id)}"
            if roll < 0.55:
                value = 10_000_000 * (seed + 1) + n  # unique per write
                status, body = self.call("PATCH", path, {"field": "size_low", "value": value, "note": "soak"},
                                         write=True)  # fmt: skip
                if status == 200:
                    self._journal(op="edit", event=body["id"], field="size_low", value=value)
            elif roll < 0.85:
                decision = rng.choice(["accept", "reject"])
                status, body = self.call("POST", path + "/review", {"decision": decision}, write=True)
                if status == 200:
                    self._journal(op="review", event=body["id"], decision=decision)
            else:
                self._merge_and_split(rng, event_id)

    def _merge_and_split(self, rng: random.Random, a: str) -> None:
        b = self.pick(rng)
        if b is None or b == a:
            return
        status, _ = self.call("GET", f"/api/v1/events/{urllib.parse.quote(b)}")
        if status != 200:
            return
        status, merged = self.call("POST", "/api/v1/events/merge", {"a": a, "b": b, "note": "soak"}, write=True)
        if status != 200:
            return
        self._journal(op="merge", event=merged["id"], members=merged["event"]["members"])
        articles = sorted({r["article_id"] for r in merged["event"]["reports"] if r["article_id"]})
        if len(articles) > 1:
            out = articles[: max(1, len(articles) // 2)]
            path = f"/api/v1/events/{urllib.parse.quote(merged['id'])}/split"
            status, split = self.call("POST", path, {"article_ids": out, "note": "soak"}, write=True)
            if status == 200:
                self._journal(op="split", event=split["id"], articles=out)

    def _journal(self, **entry: Any) -> None:
        with self.lock:
            self.journal.append(entry)


# -- setting up and checking ---------------------------------------------------------------------------


def make_tokens(db: str) -> tuple[str, str]:
    from protestwatch.store import open_store
    from protestwatch.web.security import digest, hash_password, new_api_token

    tokens = []
    with open_store(db) as store:
        for name, role in (("soak-reader", "viewer"), ("soak-coder", "coder")):
            store.add_user(name, hash_password(new_api_token()), role)
            token = new_api_token()
            store.add_api_token(name, digest(token), "soak test")
            tokens.append(token)
    return tokens[0], tokens[1]


def check_articles(store: Any, journals: list[dict[str, Any]], seed_new: int) -> tuple[dict[str, Any], list[str]]:
    """Every article a writer stored is there once; none is left pending or failed."""
    problems = []
    ingests = [j for j in journals if j["op"] == "ingest"]
    offered = {i for j in ingests for i in j["ids"]}
    stored_new = seed_new + sum(j["new"] for j in ingests)
    ids = {r[0] for r in store.fetchall("SELECT id FROM articles")}
    states = store.article_states()
    if len(ids) != stored_new:
        problems.append(f"articles: {len(ids)} in the database, the writers stored {stored_new} new ones")
    if missing := offered - ids:
        problems.append(f"articles lost: {len(missing)} (e.g. {sorted(missing)[:3]})")
    if states.get("pending") or states.get("failed"):
        problems.append(f"articles left pending or failed: {states}")
    summary = {"in_database": len(ids), "stored_new": stored_new, "states": states,
               "offered_by_writers": sum(len(j["ids"]) for j in ingests), "distinct_offered": len(offered)}  # fmt: skip
    return summary, problems


def _value(raw: Any) -> Any:
    return json.loads(raw) if isinstance(raw, str) else raw


def check_human(store: Any, journals: list[dict[str, Any]], web_journal: list[dict[str, Any]]
                ) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """Every journaled correction is stored once (an API edit: at least once, one per report of
    the event), each with its audit row, and every corrected field still shows its last correction."""
    problems = []
    corrections = store.fetchall("SELECT id, event_id, field, value FROM corrections ORDER BY id")
    audit = int(store.scalar("SELECT COUNT(*) FROM audit WHERE action IN ('correct', 'accept', 'reject')"))
    if audit != len(corrections):
        problems.append(f"corrections: {len(corrections)} rows but {audit} audit rows")
    values = Counter((r[2], _value(r[3])) for r in corrections)
    cli = [j for j in journals if j["op"] == "correct"]
    for j in cli:
        if values[(j["field"], j["value"])] != 1:
            problems.append(f"correction {j['value']} of {j['event']}: {values[(j['field'], j['value'])]} rows")
    edits = [w for w in web_journal if w["op"] == "edit"]
    for w in edits:
        if values[(w["field"], w["value"])] < 1:
            problems.append(f"API edit {w['value']} of {w['event']}: not in the database")
    # per article, corrections are made under its row lock: id order is the order they happened
    last = {(event_id, field): _value(value) for _, event_id, field, value in corrections}
    overwritten = 0
    for (event_id, field), value in last.items():
        if field == "_review":
            row = store.fetchone("SELECT review FROM events WHERE id = ?", (event_id,))
            shown = row[0] if row else value
        else:
            event = store.get_event(event_id)
            shown = getattr(event, field) if event is not None else value
        if shown != value:
            overwritten += 1
            if overwritten <= 5:
                problems.append(f"{event_id}.{field} shows {shown!r}, its last correction says {value!r}")
    summary = {"corrections": len(corrections), "audit_rows": audit, "cli_corrections": len(cli),
               "api_edits": len(edits), "api_reviews": sum(w["op"] == "review" for w in web_journal),
               "api_merges": sum(w["op"] == "merge" for w in web_journal),
               "api_splits": sum(w["op"] == "split" for w in web_journal),
               "recoded_articles": sum(len(j["ids"]) for j in journals if j["op"] == "recode"),
               "fields_checked": len(last), "overwritten": overwritten}  # fmt: skip
    return summary, problems


def check_real_world(store: Any) -> tuple[dict[str, Any], list[str]]:
    """Every report not rejected belongs to a real-world event (to one only: the schema's key),
    every member is a stored report; every run finished."""
    problems = []
    dangling = int(store.scalar("SELECT COUNT(*) FROM cluster_members m WHERE NOT EXISTS "
                                "(SELECT 1 FROM events e WHERE e.id = m.event_id)"))  # fmt: skip
    orphans = int(store.scalar("SELECT COUNT(*) FROM events e WHERE e.review != 'rejected' AND NOT EXISTS "
                               "(SELECT 1 FROM cluster_members m WHERE m.event_id = e.id)"))  # fmt: skip
    if dangling:
        problems.append(f"{dangling} real-world event members name no stored report")
    if orphans:
        problems.append(f"{orphans} reports (not rejected) belong to no real-world event")
    unfinished = [r for r in store.runs() if r["state"] != "finished"]
    if unfinished:
        problems.append(f"{len(unfinished)} runs not finished")
    summary = {"events": int(store.scalar("SELECT COUNT(*) FROM events")),
               "clusters": int(store.scalar("SELECT COUNT(DISTINCT cluster_id) FROM cluster_members")),
               "members_dangling": dangling, "reports_in_none": orphans}  # fmt: skip
    return summary, problems


def check(db: str, journals: list[dict[str, Any]], web: Web, seed_new: int, server_log: str,
          reference_dir: Path) -> dict[str, Any]:  # fmt: skip
    from protestwatch.store import open_store

    problems: list[str] = []
    out: dict[str, Any] = {}
    writer_errors = [j for j in journals if j["op"] == "error"]
    problems += [f"writer error: {e['where']}: {e['error'].strip().splitlines()[-1]}" for e in writer_errors]
    problems += [f"web: {e}" for e in web.errors[:20]]
    log_errors = [line for line in server_log.splitlines() if "Traceback" in line or " 500 " in line
                  or "ERROR" in line]  # fmt: skip
    problems += [f"server log: {line}" for line in log_errors[:20]]
    with open_store(db) as store:
        for name, (summary, found) in (("articles", check_articles(store, journals, seed_new)),
                                       ("human_writes", check_human(store, journals, web.journal)),
                                       ("real_world", check_real_world(store))):  # fmt: skip
            out[name] = summary
            problems += found
        articles = [store.get_article(r[0]) for r in store.fetchall("SELECT id FROM articles ORDER BY id")]

    # machine work: the same as one undisturbed process makes of the same articles
    started = time.perf_counter()
    reference = reference_dir / "reference.sqlite"
    corpus = reference_dir / "articles.jsonl"
    _write_jsonl(corpus, [{"id": a.id, "url": a.url, "title": a.title, "outlet": a.outlet,
                           "published": a.published.isoformat() if a.published else None, "text": a.text}
                          for a in articles if a is not None])  # fmt: skip
    for command in (["ingest", str(corpus), "--no-run"], ["run", "--workers", "2"]):
        subprocess.run([sys.executable, "-m", "protestwatch.cli", *command, "--db", str(reference)],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    a = {name: _query(db, sql) for name, sql in MACHINE_QUERIES.items()}
    b = {name: _query(str(reference), sql) for name, sql in MACHINE_QUERIES.items()}
    diff = differences(_plain_rows(a), _plain_rows(b))
    if "events" in diff:
        diff["events"]["fields"] = _field_differences(_plain_rows(a)["events"], _plain_rows(b)["events"])
    out["machine_vs_reference"] = {"differences": diff, "seconds": round(time.perf_counter() - started, 1),
                                   "events": len(a["events"])}  # fmt: skip
    if diff:
        problems.append(f"machine codings differ from the undisturbed reference: {json.dumps(diff)[:600]}")
    out["problems"] = problems
    return out


def _field_differences(mine: list[tuple], reference: list[tuple], limit: int = 5) -> list[str]:
    """For a few events coded differently: which fields differ ("id.field: ours != reference")."""
    theirs = {row[0]: row for row in reference}
    out: list[str] = []
    for row in mine:
        other = theirs.get(row[0])
        if other is None or other == row or not isinstance(row[2], dict) or not isinstance(other[2], dict):
            continue
        keys = sorted(k for k in set(row[2]) | set(other[2]) if row[2].get(k) != other[2].get(k))
        out.append(f"{row[0]} ({row[1]}): " + "; ".join(
            f"{k}: {str(row[2].get(k))[:80]} != {str(other[2].get(k))[:80]}" for k in keys))  # fmt: skip
        if len(out) >= limit:
            break
    return out


def _plain_rows(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    from kill_test import _plain

    return {k: [tuple(_plain(v) for v in row) for row in rows] for k, rows in tables.items()}


def _pct(xs: list[float], q: float) -> float | None:
    if not xs:
        return None
    xs = sorted(xs)
    return round(1000 * xs[min(len(xs) - 1, int(q * len(xs)))], 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--readers", type=int, default=6)
    ap.add_argument("--reviewers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16, help="new articles per writer batch")
    ap.add_argument("--seed-articles", type=int, default=200)
    ap.add_argument("--min-batches", type=int, default=0,
                    help="each writer goes on past the time until it has done this many batches")
    ap.add_argument("--server-workers", type=int, default=1)
    ap.add_argument("--port", type=int, default=8781)
    ap.add_argument("--keep", action="store_true", help="keep the schema")
    ap.add_argument("--json", type=Path, help="write the report here")
    args = ap.parse_args(argv)
    if not port_free(args.port):
        ap.error(f"port {args.port} is in use")

    base, _ = _pg_parts(args.pg)
    schema = f"soak_{uuid.uuid4().hex[:10]}"
    db = f"{base}?schema={schema}"
    work = Path(tempfile.mkdtemp(prefix="soak-"))
    report: dict[str, Any] = {"db": db, "minutes": args.minutes, "writers": args.writers,
                              "readers": args.readers, "reviewers": args.reviewers}  # fmt: skip
    server = None
    try:
        from protestwatch.api import Workspace

        seed = work / "seed.jsonl"
        stream = _articles(7, "seed")
        _write_jsonl(seed, [next(stream) for _ in range(args.seed_articles)])
        with Workspace(db) as ws:
            seed_new = ws.ingest([str(seed)]).new
        reader_token, coder_token = make_tokens(db)
        log = work / "server.log"
        server = start_server(db, args.port, args.server_workers, False, log=log)

        deadline = time.time() + 60 * args.minutes
        journals = [work / f"writer-{k}.jsonl" for k in range(args.writers)]
        procs = [_spawn.Process(target=writer, args=(k, db, deadline, args.batch, str(journals[k]),
                                                     args.min_batches))
                 for k in range(args.writers)]  # fmt: skip
        web = Web(args.port, reader_token, coder_token, deadline)
        threads = [threading.Thread(target=web.reader, args=(100 + i,), daemon=True) for i in range(args.readers)]
        threads += [threading.Thread(target=web.reviewer, args=(i,), daemon=True) for i in range(args.reviewers)]
        started = time.time()
        for p in procs:
            p.start()
        for t in threads:
            t.start()
        for p in procs:
            p.join()
        for t in threads:
            t.join(timeout=180)
        report["wall_seconds"] = round(time.time() - started, 1)
        report["writer_exit_codes"] = [p.exitcode for p in procs]
        stop_server(server)
        server = None
        entries = [json.loads(line) for path in journals if path.exists()
                   for line in path.read_text(encoding="utf-8").splitlines()]  # fmt: skip
        ingests = [e for e in entries if e["op"] == "ingest"]
        report["writes"] = {"batches": len(ingests), "articles_offered": sum(len(e["ids"]) for e in ingests),
                            "batch_seconds_median": statistics.median([e["seconds"] for e in ingests] or [0])}  # fmt: skip
        report["web"] = {"responses": dict(web.status), "read_p50_ms": _pct(web.latency["read"], 0.5),
                         "read_p95_ms": _pct(web.latency["read"], 0.95),
                         "write_p50_ms": _pct(web.latency["write"], 0.5),
                         "write_p95_ms": _pct(web.latency["write"], 0.95),
                         "refused_examples": web.refused[:8]}  # fmt: skip
        if any(code != 0 for code in report["writer_exit_codes"]):
            entries.append({"op": "error", "where": "exit", "error": f"exit codes {report['writer_exit_codes']}"})
        report["check"] = check(db, entries, web, seed_new, log.read_text(encoding="utf-8", errors="replace"), work)
    finally:
        if server is not None:
            stop_server(server)
        if not args.keep:
            import psycopg

            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    text = json.dumps(report, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0 if not report["check"]["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
