"""Real-world events in the store: the clusters of per-article events, their audit trail, and the
human merges and splits that later machine runs keep.

Tables (added by schema migration 2 in ``store/schema.py``):

- ``clusters``: one row per real-world event: its id, size, campaign and a summary (country,
  common dates, locality key) for listing;
- ``cluster_members``: which cluster each per-article event is in;
- ``cluster_links``: why: for every merge, the two events, the score and its components, the rule
  (``score``, ``coarse-joins-finer``, ``person``) and the human decision when there is one;
- ``cluster_decisions``: merges and splits made by a person (the parts as event ids, author,
  note, time); never written by a machine run.

``cluster_store`` recomputes the clustering of all events deterministically (the same events give
the same clusters whatever order they came in), keeps the ids of the clusters that persist (a
cluster keeps its id when reports join it), and writes only what changed: re-running over the same
events changes nothing.  ``merge`` and ``split`` record a decision and apply it at once, with an
audit row.  ``clusters.disagreements`` counts the fields on which a cluster's reports disagree
(kept up to date by clustering, merges, splits, corrections and re-coding).

Everything goes through the store's public helpers (``transaction``, ``execute``, ``fetchall``
...), so it works on every backend; writes hold the store-wide ``"clusters"`` lock, so concurrent
clustering runs, merges and splits apply one after the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from protestwatch.dedup.cluster import (
    RULE_PERSON,
    ClusterOptions,
    ClusterStats,
    Constraints,
    Group,
    Link,
    cluster_records,
    constraints_from,
)  # fmt: skip
from protestwatch.dedup.reconcile import ReconciledEvent, reconcile
from protestwatch.dedup.records import Record, record_of
from protestwatch.errors import StoreConflict, StoreError
from protestwatch.model import Event

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClusterReport:
    """What a clustering run did."""

    events: int
    clusters: int
    multi_source: int
    changed: int  # clusters created, changed or removed
    seconds: float
    stats: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "clusters": self.clusters, "multi_source": self.multi_source,
                "changed": self.changed, "seconds": round(self.seconds, 2), "stats": dict(self.stats)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    kind: str
    part_a: tuple[str, ...]
    part_b: tuple[str, ...]
    author: str
    note: str | None
    created_at: str


CLUSTERS_LOCK = "clusters"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _fingerprint(members: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(members).encode("utf-8")).hexdigest()


def _new_id(members: Sequence[str], taken: set[str]) -> str:
    base = "rwe-" + hashlib.sha1(min(members).encode("utf-8")).hexdigest()[:12]
    cid, n = base, 2
    while cid in taken:
        cid, n = f"{base}-{n}", n + 1
    return cid


# -- reading ----------------------------------------------------------------------------------


def _records(store: Any, with_text: bool) -> list[Record]:
    rows = store.fetchall(
        "SELECT e.id, e.article_id, e.data FROM events e WHERE e.review != 'rejected' ORDER BY e.article_id, e.id"
    )
    cache: dict[tuple[str, str], str] = {}
    records, current, text = [], None, ""
    for event_id, article_id, data in rows:
        event = Event.from_dict(json.loads(data))
        snippet = None
        if with_text:
            if article_id != current:
                row = store.fetchone("SELECT text FROM articles WHERE id = ?", (article_id,))
                current, text = article_id, (row[0] if row else "")
            spans = event.evidence.get("event", ())[:3]
            snippet = " ".join(text[e.start : e.end] for e in spans)[:600] or None
        records.append(record_of(event, article_id, snippet, cache))
    return records


def decisions(store: Any) -> list[Decision]:
    rows = store.fetchall("SELECT * FROM cluster_decisions ORDER BY id")
    return [Decision(int(r["id"]), r["kind"], tuple(json.loads(r["part_a"])), tuple(json.loads(r["part_b"])),
                     r["author"], r["note"], r["created_at"]) for r in rows]  # fmt: skip


def _constraints(store: Any) -> Constraints:
    return constraints_from((d.id, d.kind, d.part_a, d.part_b) for d in decisions(store))


def memberships(store: Any) -> dict[str, str]:
    """Event id → cluster id, for every clustered event."""
    return {r[0]: r[1] for r in store.fetchall("SELECT event_id, cluster_id FROM cluster_members")}


def cluster_of(store: Any, event_or_cluster: str) -> str | None:
    """The cluster id named by a cluster id or by the id of one of its events."""
    if store.fetchone("SELECT 1 FROM clusters WHERE id = ?", (event_or_cluster,)):
        return event_or_cluster
    row = store.fetchone(
        "SELECT cluster_id FROM cluster_members WHERE event_id = ?", (event_or_cluster,)
    )
    return row[0] if row else None


def members(store: Any, cluster_id: str) -> list[str]:
    rows = store.fetchall(
        "SELECT event_id FROM cluster_members WHERE cluster_id = ? ORDER BY event_id", (cluster_id,)
    )
    return [r[0] for r in rows]


def links(store: Any, cluster_id: str) -> list[Link]:
    rows = store.fetchall("SELECT * FROM cluster_links WHERE cluster_id = ? ORDER BY rowid", (cluster_id,))
    return [Link(r["event_a"], r["event_b"], r["score"], r["rule"], json.loads(r["components"] or "{}"),
                 r["decision_id"]) for r in rows]  # fmt: skip


# -- clustering the store ---------------------------------------------------------------------


#: A clustering reads the events without holding the clusters lock (on many events it takes
#: seconds, and merges, splits and corrections of grouped events wait for that lock).  When the
#: events or the human decisions changed between the read and the write, the result is thrown
#: away and computed again; the last try holds the lock from the read on.
OPTIMISTIC_TRIES = 2


class _Stale(Exception):
    """The inputs of a clustering changed before its result could be written."""


def _inputs_marker(store: Any) -> tuple[Any, ...]:
    """What a clustering depends on, in a few index look-ups: the events (their number and
    last change) and the human actions (corrections, reviews, merges, splits)."""
    row = store.fetchone(
        "SELECT (SELECT COUNT(*) FROM events), (SELECT MAX(updated_at) FROM events), "
        "(SELECT MAX(id) FROM audit), (SELECT MAX(id) FROM cluster_decisions)"
    )
    return tuple(row)


def cluster_store(
    store: Any, options: ClusterOptions | None = None, *, with_text: bool = True
) -> ClusterReport:
    """Group every (not rejected) event of the store into real-world events and save the result.

    Deterministic in the set of events, keeps human merges and splits, keeps the id of each
    cluster that persists, and writes only what changed (``ClusterReport.changed``).  Safe beside
    other writers: a result computed from events that changed meanwhile is never written."""
    started = time.perf_counter()
    run_id = store.start_run("dedup")

    def compute() -> tuple[list[Record], ClusterStats, list[Group], list[str], list[str | None]]:
        records = _records(store, with_text)
        stats = ClusterStats()
        groups = cluster_records(records, _constraints(store), options, stats)
        ids = _assign_ids(groups, memberships(store))
        return records, stats, groups, ids, _campaigns(groups, ids, {r.event_id: r for r in records})

    def attempt(locked: bool) -> tuple[Any, ...]:
        read_at = _now()
        marker = _inputs_marker(store)
        records, stats, groups, ids, campaigns = compute()
        by_id = {r.event_id: r for r in records}
        # unchanged, and nothing written in the second of the read (times are to the second)
        settled = marker[1] is None or marker[1] < read_at
        expect = None if locked else (marker if settled else ())
        changed = _write(store, groups, ids, campaigns, by_id, run_id, expect=expect)
        return records, stats, groups, changed

    for _ in range(OPTIMISTIC_TRIES):
        try:
            records, stats, groups, changed = attempt(locked=False)
            break
        except _Stale:
            logger.info("the events changed while they were being grouped: grouping again")
    else:
        records, stats, groups, changed = store.atomic(lambda: attempt(locked=True), lock=CLUSTERS_LOCK)
    report = ClusterReport(
        events=len(records), clusters=len(groups),
        multi_source=sum(1 for g in groups if len(g.members) > 1), changed=changed,
        seconds=time.perf_counter() - started,
        stats={"candidates": stats.candidates, "edges": stats.edges, "merges": stats.merges,
               "ambiguous": stats.ambiguous, "refused": stats.refused,
               "vague_probes": stats.blocking.vague_probes},
    )  # fmt: skip
    store.finish_run(run_id, {k: v for k, v in report.to_dict().items() if isinstance(v, int)})
    logger.info(
        "clustered %d events into %d real-world events (%d changed)",
        len(records),
        len(groups),
        changed,
    )
    return report


def _assign_ids(groups: Sequence[Group], old: Mapping[str, str]) -> list[str]:
    """Cluster ids: a group keeps the old id most of its members had (each old id goes to one
    group, the one holding most of its members); other groups get an id from their first member."""
    claims: list[tuple[int, str, int]] = []
    for k, g in enumerate(groups):
        counts: dict[str, int] = {}
        for m in g.members:
            if m in old:
                counts[old[m]] = counts.get(old[m], 0) + 1
        claims += [(-n, cid, k) for cid, n in counts.items()]
    ids: list[str | None] = [None] * len(groups)
    used: set[str] = set()
    for _, cid, k in sorted(claims, key=lambda c: (c[0], c[1], groups[c[2]].members[0])):
        if ids[k] is None and cid not in used:
            ids[k] = cid
            used.add(cid)
    taken = used | set(old.values())
    for k, g in enumerate(groups):
        if ids[k] is None:
            ids[k] = _new_id(g.members, taken)
            taken.add(ids[k])  # type: ignore[arg-type]
    return ids  # type: ignore[return-value]


def _campaigns(
    groups: Sequence[Group], ids: Sequence[str], by_id: Mapping[str, Record]
) -> list[str | None]:
    """A campaign per cluster: clusters whose reports share a campaign key form one campaign,
    named by its smallest key."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    keys_of = []
    for g in groups:
        keys = sorted({by_id[m].campaign for m in g.members if m in by_id and by_id[m].campaign})  # type: ignore[misc]
        keys_of.append(keys)
        for a, b in itertools.pairwise(keys):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return [find(keys[0]) if keys else None for keys in keys_of]


def _summary(
    g: Group, by_id: Mapping[str, Record]
) -> tuple[str | None, str | None, str | None, str | None]:
    recs = [by_id[m] for m in g.members if m in by_id]
    dated = [r for r in recs if r.start is not None]
    start = max(r.start for r in dated) if dated else None  # type: ignore[type-var]
    end = min(r.end for r in dated) if dated else None  # type: ignore[type-var]
    if start is not None and end is not None and start > end:
        start, end = min(r.start for r in dated), max(r.end for r in dated)  # type: ignore[type-var]
    iso = lambda o: dt.date.fromordinal(o).isoformat() if o is not None else None
    locality = next((r.locality for r in recs if r.locality), None)
    country = next((r.country for r in recs if r.country), None)
    return country, iso(start), iso(end), locality


def _write(store: Any, groups: Sequence[Group], ids: Sequence[str], campaigns: Sequence[str | None],
           by_id: Mapping[str, Record], run_id: int, *, expect: tuple[Any, ...] | None = None) -> int:  # fmt: skip
    """Save a clustering; with ``expect``, only if the inputs still match that marker
    (:func:`_inputs_marker`; raises ``_Stale`` otherwise)."""

    def work() -> int:
        if expect is not None and _inputs_marker(store) != expect:
            raise _Stale
        old = {r[0]: (r[1], r[2]) for r in store.fetchall("SELECT id, fingerprint, campaign FROM clusters")}
        now, changed = _now(), 0
        for g, cid, campaign in zip(groups, ids, campaigns):
            fp = _fingerprint(g.members)
            if old.pop(cid, None) == (fp, campaign):
                continue
            changed += 1
            _write_cluster(store, g, cid, campaign, fp, _summary(g, by_id), now, run_id)
        for cid in sorted(old):  # clusters that no longer exist
            changed += 1
            store.execute("DELETE FROM clusters WHERE id = ?", (cid,))
            store.execute("DELETE FROM cluster_links WHERE cluster_id = ?", (cid,))
            store.execute("DELETE FROM cluster_members WHERE cluster_id = ?", (cid,))
        store.execute(
            "DELETE FROM cluster_members WHERE event_id NOT IN (SELECT id FROM events WHERE review != 'rejected')"
        )
        return changed

    return store.atomic(work, lock=CLUSTERS_LOCK)


def _write_cluster(store: Any, g: Group, cid: str, campaign: str | None, fp: str,
                   summary: tuple[Any, ...], now: str, run_id: int | None) -> None:  # fmt: skip
    disagreements = _disagreements(store, cid, g.members, g.links)
    store.execute(
        "INSERT INTO clusters(id, size, campaign, country, date_start, date_end, locality, fingerprint, "
        "updated_at, run_id, disagreements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "size = excluded.size, campaign = excluded.campaign, country = excluded.country, "
        "date_start = excluded.date_start, date_end = excluded.date_end, locality = excluded.locality, "
        "fingerprint = excluded.fingerprint, updated_at = excluded.updated_at, run_id = excluded.run_id, "
        "disagreements = excluded.disagreements",
        (cid, len(g.members), campaign, *summary, fp, now, run_id, disagreements),
    )
    store.executemany(
        "INSERT INTO cluster_members(event_id, cluster_id) VALUES (?, ?) "
        "ON CONFLICT(event_id) DO UPDATE SET cluster_id = excluded.cluster_id",
        [(m, cid) for m in g.members],
    )
    store.execute("DELETE FROM cluster_links WHERE cluster_id = ?", (cid,))
    store.executemany(
        _UPSERT_LINK + "VALUES (?, ?, ?, ?, ?, ?, ?)" + _ON_LINK_CONFLICT,
        [(cid, k.event_a, k.event_b, k.score, k.rule, json.dumps(dict(k.components), sort_keys=True), k.decision)
         for k in g.links],
    )  # fmt: skip


_UPSERT_LINK = (
    "INSERT INTO cluster_links(cluster_id, event_a, event_b, score, rule, components, decision_id) "
)
_ON_LINK_CONFLICT = (
    " ON CONFLICT(cluster_id, event_a, event_b) DO UPDATE SET score = excluded.score, "
    "rule = excluded.rule, components = excluded.components, decision_id = excluded.decision_id"
)


def _disagreements(store: Any, cid: str, ids: Sequence[str], cluster_links: Sequence[Link]) -> int:
    """On how many fields the reports of cluster ``cid`` (events ``ids``) disagree."""
    if len(ids) < 2:
        return 0
    events = [e for e in (store.get_event(i) for i in ids) if e is not None]
    if len(events) < 2:
        return 0
    return len(reconcile(cid, events, cluster_links).disagreements())


def refresh_disagreements(store: Any, cluster_ids: Iterable[str]) -> None:
    """Recount the disagreements of these clusters (after their reports changed); the caller
    holds the transaction."""
    for cid in sorted(set(cluster_ids)):
        n = _disagreements(store, cid, members(store, cid), links(store, cid))
        store.execute("UPDATE clusters SET disagreements = ? WHERE id = ?", (n, cid))


# -- human control ----------------------------------------------------------------------------


def _record_decision(store: Any, kind: str, part_a: Sequence[str], part_b: Sequence[str],
                     clusters: Sequence[str], author: str, note: str | None) -> int:  # fmt: skip
    """Record a person's merge or split, with its audit row (inside the caller's transaction)."""
    if not author:
        raise StoreError("a merge or split needs an author")
    decision = int(store.scalar(
        "INSERT INTO cluster_decisions(kind, part_a, part_b, clusters, author, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (kind, json.dumps(sorted(part_a)), json.dumps(sorted(part_b)), json.dumps(list(clusters)),
         author, note, _now()),
    ))  # fmt: skip
    store._audit(author, kind, clusters[0] if clusters else None, None,
                 {"part_a": sorted(part_a), "clusters": list(clusters)},
                 {"part_b": sorted(part_b), "decision": decision}, note)  # fmt: skip
    return decision


def _resolve(store: Any, name: str) -> tuple[str, list[str]]:
    cid = cluster_of(store, name)
    if cid is None:
        row = store.fetchone("SELECT review FROM events WHERE id = ?", (name,))
        if row is not None and row[0] == "rejected":
            raise StoreConflict(f"event {name!r} was rejected as not a protest: it belongs to no "
                                "real-world event (accept it first)")  # fmt: skip
        raise StoreError(
            f"no real-world event {name!r}: give a cluster id or an event id (run `dedup` first)"
        )
    return cid, members(store, cid)


def merge(store: Any, a: str, b: str, *, author: str, note: str | None = None) -> str:
    """Merge real-world events ``a`` and ``b`` (cluster ids, or ids of events in them) into ``a``;
    later machine runs keep them together.  Returns the merged cluster's id."""

    def work() -> str:
        cid_a, part_a = _resolve(store, a)
        cid_b, part_b = _resolve(store, b)
        if cid_a == cid_b:
            raise StoreConflict(f"{a} and {b} are already one event ({cid_a})")
        decision = _record_decision(store, "merge", part_a, part_b, [cid_a, cid_b], author, note)
        store.execute("UPDATE cluster_members SET cluster_id = ? WHERE cluster_id = ?", (cid_a, cid_b))
        store.execute("UPDATE cluster_links SET cluster_id = ? WHERE cluster_id = ?", (cid_a, cid_b))
        store.execute(
            _UPSERT_LINK + "VALUES (?, ?, ?, NULL, ?, '{}', ?)" + _ON_LINK_CONFLICT,
            (cid_a, min(part_a), min(part_b), RULE_PERSON, decision),
        )
        store.execute("DELETE FROM clusters WHERE id = ?", (cid_b,))
        everyone = sorted(part_a + part_b)
        store.execute("UPDATE clusters SET size = ?, fingerprint = ?, updated_at = ? WHERE id = ?",
                      (len(everyone), _fingerprint(everyone), _now(), cid_a))  # fmt: skip
        refresh_disagreements(store, [cid_a])
        return cid_a

    return store.atomic(work, lock=CLUSTERS_LOCK)


def split(
    store: Any, event_id: str, article_ids: Iterable[str], *, author: str, note: str | None = None
) -> str:
    """Split the reports of ``article_ids`` out of real-world event ``event_id`` (a cluster id or
    the id of an event in it) into a new event; later machine runs keep the two apart (and each
    part together).  Returns the new cluster's id."""
    wanted = set(article_ids)

    def work() -> tuple[str, str, int, int]:
        cid, everyone = _resolve(store, event_id)
        article_of = {r[0]: r[1] for r in store.fetchall(
            f"SELECT id, article_id FROM events WHERE id IN ({','.join('?' * len(everyone))})", everyone
        )}  # fmt: skip
        part_b = [m for m in everyone if article_of.get(m) in wanted]
        part_a = [m for m in everyone if m not in part_b]
        if not part_b or not part_a:
            raise StoreConflict(f"splitting {cid} by articles {sorted(wanted)} would leave one part empty")
        taken = {r[0] for r in store.fetchall("SELECT id FROM clusters")}
        new = _new_id(part_b, taken)
        decision = _record_decision(store, "split", part_a, part_b, [cid, new], author, note)
        marks = ",".join("?" * len(part_b))
        store.execute(
            f"UPDATE cluster_members SET cluster_id = ? WHERE event_id IN ({marks})", (new, *part_b)
        )
        store.execute(f"DELETE FROM cluster_links WHERE cluster_id = ? AND (event_a IN ({marks}) OR event_b IN ({marks}))",
                      (cid, *part_b, *part_b))  # fmt: skip
        row = store.fetchone("SELECT * FROM clusters WHERE id = ?", (cid,))
        now = _now()
        store.execute("UPDATE clusters SET size = ?, fingerprint = ?, updated_at = ? WHERE id = ?",
                      (len(part_a), _fingerprint(sorted(part_a)), now, cid))  # fmt: skip
        store.execute(
            "INSERT INTO clusters(id, size, campaign, country, date_start, date_end, locality, fingerprint, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new, len(part_b), row["campaign"], row["country"], row["date_start"], row["date_end"],
             row["locality"], _fingerprint(sorted(part_b)), now),
        )  # fmt: skip
        refresh_disagreements(store, [cid, new])
        return cid, new, len(part_b), decision

    cid, new, moved, decision = store.atomic(work, lock=CLUSTERS_LOCK)
    logger.info("split %s: %d reports moved to %s (decision %d)", cid, moved, new, decision)
    return new


# -- reading real-world events ----------------------------------------------------------------


def reconciled_event(store: Any, name: str) -> ReconciledEvent | None:
    """The real-world event named by a cluster id or the id of one of its events."""
    cid = cluster_of(store, name)
    if cid is None:
        return None
    return _reconciled(store, cid, members(store, cid))


def _reconciled(store: Any, cid: str, ids: Sequence[str]) -> ReconciledEvent | None:
    events = [e for e in (store.get_event(i) for i in ids) if e is not None]
    if not events:
        return None
    rec = reconcile(cid, events, links(store, cid))
    row = store.fetchone("SELECT campaign FROM clusters WHERE id = ?", (cid,))
    if row and row[0]:
        rec = _with_campaign(rec, row[0])
    return rec


def _with_campaign(rec: ReconciledEvent, campaign: str) -> ReconciledEvent:
    from dataclasses import replace

    fields = tuple(replace(f, value=campaign, rule="campaign shared by the reports of linked events")
                   if f.name == "campaign" else f for f in rec.fields)  # fmt: skip
    return replace(rec, event=rec.event.replace(campaign=campaign), fields=fields)


def reconciled_events(store: Any, flt: Any = None) -> list[ReconciledEvent]:
    """The real-world events holding at least one event that ``flt`` (an ``EventFilter``)
    selects, ordered by date; events not yet clustered stand alone under their own id."""
    selected = store.events(flt) if flt is not None else store.events()
    membership = memberships(store)
    by_cluster: dict[str, list[str]] = {}
    for e in selected:
        by_cluster.setdefault(membership.get(e.id, e.id), [])
    out = []
    for cid in by_cluster:
        ids = members(store, cid) or [cid]
        rec = _reconciled(store, cid, ids)
        if rec is not None:
            out.append(rec)
    out.sort(key=lambda r: (r.event.date_start or dt.date.max, r.event.country or "", r.id))
    return out


def write_reconciled_jsonl(store: Any, fh: IO[str], flt: Any = None) -> int:
    """One JSON object per real-world event (headline event, fields with every source's value,
    disagreements, links); returns the number written."""
    n = 0
    for rec in reconciled_events(store, flt):
        fh.write(json.dumps(rec.to_dict(), ensure_ascii=False, sort_keys=True, default=str) + "\n")
        n += 1
    return n


def load_for_bench(store: Any, events: Iterable[Mapping[str, Any]], *, derived: bool = False) -> int:
    """Write events (codebook JSON with one source each) and stub articles straight into the
    store, in one transaction: for benchmarks only (it skips the per-event bookkeeping, unless
    ``derived``: then the issue, target and organizer rows filters use are written too)."""
    now = _now()
    articles: dict[str, tuple[Any, ...]] = {}
    rows, issues, targets, organizers = [], [], [], []
    for d in events:
        article = d["sources"][0]["article_id"]
        articles.setdefault(article, (article, article, d["sources"][0].get("published"), article, now))
        data = json.dumps(d, ensure_ascii=False, sort_keys=True)
        rows.append((d["id"], article, data, data, d["status"], d["report"], d["form"],
                     d.get("acled_sub_event_type"), d["date_start"], d["date_end"], d["date_precision"],
                     d["country"], d["admin1"], d["locality"], d.get("confidence"), d.get("campaign"),
                     d.get("size_low"), now))  # fmt: skip
        if derived:
            issues += [(d["id"], i, "machine") for i in sorted(set(d.get("issues") or ()))]
            targets += [(d["id"], c, "machine") for c in sorted({t["country"] for t in d.get("targets") or () if t.get("country")})]
            names = {o["name"]: o["name"].casefold() for o in d.get("organizers") or () if o.get("name")}
            organizers += [(d["id"], n, k) for n, k in sorted(names.items())]

    def work() -> int:
        store.executemany("INSERT INTO articles(id, hash, published, text, state, ingested_at) "
                          "VALUES (?, ?, ?, ?, 'done', ?) ON CONFLICT DO NOTHING", list(articles.values()))  # fmt: skip
        store.executemany(
            "INSERT INTO events(id, article_id, machine, data, status, report, form, sub_event_type, "
            "date_start, date_end, date_precision, country, admin1, locality, confidence, campaign, "
            "size_low, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
        )  # fmt: skip
        store.executemany("INSERT INTO event_issues(event_id, issue, review) VALUES (?, ?, ?)", issues)
        store.executemany("INSERT INTO event_targets(event_id, country, review) VALUES (?, ?, ?)", targets)
        store.executemany(
            "INSERT INTO event_organizers(event_id, name, name_key) VALUES (?, ?, ?)", organizers
        )
        store.executemany("INSERT INTO organizer_names(name_key) VALUES (?) ON CONFLICT DO NOTHING",
                          sorted({(o[2],) for o in organizers}))  # fmt: skip
        return len(rows)

    return store.atomic(work)
