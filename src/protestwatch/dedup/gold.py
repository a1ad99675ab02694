"""The gold file format for clusters: which reports are one real-world event.

JSON Lines, one object per real-world event::

    {"key": "almaty-2023-10-14-tariffs",
     "reports": [{"article": "demo-01", "event": "E1"}, {"article": "demo-06", "event": "E1"}],
     "values": {"date_start": "2023-10-14", "size_low": 300, "arrests_low": 22, ...}}

``reports`` lists the articles that report the event; ``event`` names the article's event in the
per-article gold file (needed only when the article reports several events).  ``values``
(optional) holds the expected headline values of the reconciled event, scored by
``metrics.evaluate_clusters``.  ``clusters_from_event_gold`` derives this gold from a per-article
gold file whose events carry a shared ``event_key`` (the demo corpus does).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import IO, Any

from protestwatch.errors import EvaluationError
from protestwatch.evaluate.gold import GoldArticle
from protestwatch.model import Source

#: The headline values a cluster gold may state (and that ``clusters_from_event_gold`` derives).
VALUE_FIELDS: tuple[str, ...] = (
    "date_start", "date_end", "date_precision", "country", "locality",
    "size_low", "size_high", "arrests_low", "arrests_high", "status", "form",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class GoldReport:
    article_id: str
    event_id: str | None = None

    @property
    def key(self) -> str:
        """The item key used in scoring: ``article#event``."""
        return f"{self.article_id}#{self.event_id or ''}"


@dataclass(frozen=True, slots=True)
class GoldCluster:
    key: str
    reports: tuple[GoldReport, ...]
    values: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "reports": [{"article": r.article_id, "event": r.event_id} for r in self.reports],
        }
        if self.values:
            out["values"] = dict(self.values)
        return out


def parse_cluster(obj: Any, origin: str = "<gold>") -> GoldCluster:
    if not isinstance(obj, dict) or not obj.get("key") or not isinstance(obj.get("reports"), list):
        raise EvaluationError(f'{origin}: expected {{"key": ..., "reports": [...]}}')
    reports = []
    for r in obj["reports"]:
        if isinstance(r, str):
            reports.append(GoldReport(r))
        elif isinstance(r, dict) and r.get("article"):
            reports.append(GoldReport(str(r["article"]), r.get("event")))
        else:
            raise EvaluationError(f'{origin}: a report is an article id or {{"article", "event"}}')
    values = obj.get("values") or {}
    unknown = set(values) - set(VALUE_FIELDS)
    if unknown:
        raise EvaluationError(f"{origin}: unknown values {sorted(unknown)}; known: {VALUE_FIELDS}")
    return GoldCluster(str(obj["key"]), tuple(reports), MappingProxyType(dict(values)))


def load_cluster_gold(path: str | os.PathLike[str]) -> list[GoldCluster]:
    """Read a cluster gold file; ``EvaluationError`` naming the line when malformed, or when a
    report is listed under two keys."""
    name = os.fspath(path)
    clusters: list[GoldCluster] = []
    owner: dict[str, str] = {}
    try:
        with open(name, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{name}: cannot read the cluster gold: {exc}") from exc
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            cluster = parse_cluster(json.loads(raw), f"{name}:{number}")
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{name}:{number}: not valid JSON: {exc.msg}") from exc
        for r in cluster.reports:
            if r.key in owner:
                raise EvaluationError(f"{name}:{number}: {r.key} is already in {owner[r.key]}")
            owner[r.key] = cluster.key
        clusters.append(cluster)
    return clusters


def dump_cluster_gold(clusters: Iterable[GoldCluster], fh: IO[str]) -> int:
    n = 0
    for cluster in clusters:
        fh.write(json.dumps(cluster.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def clusters_from_event_gold(
    articles: Sequence[GoldArticle], *, values: bool = True
) -> list[GoldCluster]:
    """Gold clusters from per-article gold: events sharing an ``event_key`` are one event (an event
    without a key is its own).  With ``values``, the expected headline values are those the
    reconciliation rules give on the gold events themselves."""
    from protestwatch.dedup.reconcile import reconcile

    groups: dict[str, list[tuple[GoldReport, Any]]] = {}
    for article in articles:
        for event in article.events:
            key = (article.event_extras.get(event.id) or {}).get(
                "event_key"
            ) or f"{article.id}/{event.id}"
            sourced = event.replace(sources=(Source(article.id, published=article.published),))
            groups.setdefault(str(key), []).append((GoldReport(article.id, event.id), sourced))
    out = []
    for key in sorted(groups):
        reports = tuple(r for r, _ in groups[key])
        expected: dict[str, Any] = {}
        if values:
            data = reconcile(key, [e for _, e in groups[key]]).event.to_dict()
            expected = {f: data[f] for f in VALUE_FIELDS}
        out.append(GoldCluster(key, reports, MappingProxyType(expected)))
    return out
