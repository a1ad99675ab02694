"""Grouping per-article events into real-world events.

``cluster_records`` is deterministic in the *set* of records it is given: records are sorted by
event id, candidate pairs come from ``blocking``, and merges are taken in a global order (best
score first, ties by event ids).  So the result does not depend on the order in which articles
arrived, and running it again over the same records gives the same groups.

The merge rules:

1. Human decisions first (``Constraints``): groups a person merged are joined whatever the
   scores; pairs a person split are never joined.
2. A candidate pair becomes an edge when it is ``compatible`` and scores at least ``threshold``;
   a *vague* pair (month precision or coarser, or a country-level place) must also share some
   content (an issue, an organizer or a claim word) before it is scored at all.
3. A *coarser* record (a coarser date precision or place than its neighbour, e.g. a background
   mention "the 2016 land protests") joins a finer event only when the choice is clear: if its
   best neighbours (within ``ambiguity_margin`` of the best score) include two that cannot be one
   event, it joins none of them and stays its own event.
4. Edges are taken in three phases, each best score first: equally fine records; then records
   placed alike but dated at different precisions; then a region or country against a finer
   place.  So the most specific agreements form the events before coarse mentions attach to
   them.  Two groups merge only when every pair across them stays
   compatible (different articles, one common day, agreeing places), and when the mean score of
   the pairs across them reaches the threshold (average linkage: one sparse report cannot bridge
   two events whose other reports disagree).  For date ranges compatibility is
   checked in constant time (intervals that overlap pairwise share a point), so a coarse mention
   can never chain two distinct fine events together.

Every merge is recorded as a ``Link`` with its score components and the rule that made it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from protestwatch.dedup.blocking import DEFAULT_MAX_PROBE, BlockingStats, candidate_pairs
from protestwatch.dedup.records import PlaceLevel, Record
from protestwatch.dedup.similarity import (
    DEFAULT_WEIGHTS,
    PairScore,
    compatible,
    score_pair,
    shares_content,
    vague,
)

logger = logging.getLogger(__name__)

RULE_SCORE = "score"
RULE_COARSE = "coarse-joins-finer"
RULE_PERSON = "person"
#: How far below the threshold the mean score across two groups may fall.
LINKAGE_SLACK = 0.0


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    threshold: float = 0.62
    ambiguity_margin: float = 0.1
    max_probe: int = DEFAULT_MAX_PROBE
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)


@dataclass(frozen=True, slots=True)
class Link:
    """Why two per-article events are in one real-world event."""

    event_a: str
    event_b: str
    score: float | None
    rule: str
    components: Mapping[str, float] = field(default_factory=dict)
    decision: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "event_a": self.event_a, "event_b": self.event_b,
            "score": None if self.score is None else round(self.score, 4), "rule": self.rule,
            "components": {k: round(v, 4) for k, v in self.components.items()},
            "decision": self.decision,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Constraints:
    """Human decisions as constraints: ``must`` holds (a, b, decision) pairs to keep together,
    ``cannot`` maps a sorted pair of event ids to the decision that separated them."""

    must: tuple[tuple[str, str, int], ...] = ()
    cannot: Mapping[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Group:
    """One real-world event: its per-article event ids (sorted) and the links that joined them."""

    members: tuple[str, ...]
    links: tuple[Link, ...] = ()


@dataclass
class ClusterStats:
    records: int = 0
    candidates: int = 0
    edges: int = 0
    ambiguous: int = 0
    merges: int = 0
    refused: int = 0
    blocking: BlockingStats = field(default_factory=BlockingStats)


@dataclass
class _Summary:
    """What the compatibility of two groups needs, kept per group root."""

    members: list[int]
    articles: set[str]
    max_start: int | None
    min_end: int | None
    localities: set[str]
    regions: set[str]  # admin1 of region-only members
    locality_regions: set[str]  # admin1 of locality members, when known
    links: list[Link] = field(default_factory=list)

    @classmethod
    def of(cls, idx: int, r: Record) -> _Summary:
        return cls(
            [idx], {r.article_id}, r.start, r.end,
            {r.locality} if r.level == PlaceLevel.LOCALITY else set(),
            {r.admin1} if r.level == PlaceLevel.ADMIN1 else set(),
            {r.admin1} if r.level == PlaceLevel.LOCALITY and r.admin1 else set(),
        )  # fmt: skip

    def accepts(self, other: _Summary) -> bool:
        if not self.articles.isdisjoint(other.articles):
            return False
        if self.max_start is None or other.max_start is None:
            return False
        if max(self.max_start, other.max_start) > min(self.min_end, other.min_end):  # type: ignore[type-var]
            return False
        localities = self.localities | other.localities
        regions = self.regions | other.regions
        if len(localities) > 1 or len(regions) > 1:
            return False
        return not regions or (self.locality_regions | other.locality_regions) <= regions

    def absorb(self, other: _Summary) -> None:
        self.members += other.members
        self.articles |= other.articles
        if self.max_start is None or other.max_start is None:
            self.max_start = self.min_end = None
        else:
            self.max_start = max(self.max_start, other.max_start)
            self.min_end = min(self.min_end, other.min_end)  # type: ignore[type-var]
        self.localities |= other.localities
        self.regions |= other.regions
        self.locality_regions |= other.locality_regions
        self.links += other.links


class _Groups:
    """Union-find over record indices, with a summary per root."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.parent = list(range(len(records)))
        self.summary = {i: _Summary.of(i, r) for i, r in enumerate(records)}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int, link: Link, *, check: bool) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        sa, sb = self.summary[a], self.summary[b]
        if check and not sa.accepts(sb):
            return False
        if len(sa.members) < len(sb.members):
            a, b, sa, sb = b, a, sb, sa
        self.parent[b] = a
        sa.absorb(sb)
        sa.links.append(link)
        del self.summary[b]
        return True


def cluster_records(
    records: Iterable[Record], constraints: Constraints | None = None,
    options: ClusterOptions | None = None, stats: ClusterStats | None = None,
) -> list[Group]:  # fmt: skip
    """Group per-article records into real-world events (see the module docstring)."""
    options = options or ClusterOptions()
    constraints = constraints or Constraints()
    stats = stats if stats is not None else ClusterStats()
    recs = sorted(records, key=lambda r: r.event_id)
    stats.records = len(recs)
    position = {r.event_id: i for i, r in enumerate(recs)}
    groups = _Groups(recs)
    for a, b, decision in constraints.must:
        if a in position and b in position:
            link = Link(a, b, None, RULE_PERSON, decision=decision)
            groups.union(position[a], position[b], link, check=False)
    edges = _edges(recs, constraints, options, stats)
    edges = _drop_ambiguous(recs, edges, options, stats)
    edges.sort(
        key=lambda e: (
            _phase(recs[e[1]], recs[e[2]]),
            -round(e[0].total, 6),
            recs[e[1]].event_id,
            recs[e[2]].event_id,
        )
    )
    cannot = _cannot_index(constraints, position)
    known = {(i, j): score.total for score, i, j in edges}
    for score, i, j in edges:
        if cannot and _separated(groups, cannot, i, j):
            stats.refused += 1
            continue
        if not _cohesive(groups, recs, known, i, j, options):
            stats.refused += 1
            continue
        a, b = recs[i], recs[j]
        rule = RULE_COARSE if _phase(a, b) else RULE_SCORE
        link = Link(a.event_id, b.event_id, score.total, rule, score.components)
        if groups.union(i, j, link, check=True):
            stats.merges += 1
        elif groups.find(i) != groups.find(j):
            stats.refused += 1
    out = []
    for summary in groups.summary.values():
        members = tuple(sorted(recs[k].event_id for k in summary.members))
        out.append(Group(members, tuple(summary.links)))
    out.sort(key=lambda g: g.members[0])
    return out


def _cohesive(
    groups: _Groups, recs: Sequence[Record], known: dict[tuple[int, int], float], i: int, j: int,
    options: ClusterOptions,
) -> bool:  # fmt: skip
    """Average linkage: the mean score of all pairs across the two groups reaches the threshold
    (so one sparse report cannot bridge two events whose other reports disagree)."""
    a, b = groups.find(i), groups.find(j)
    if a == b:
        return True
    left, right = groups.summary[a].members, groups.summary[b].members
    if len(left) == 1 and len(right) == 1:
        return True
    total = 0.0
    for x in left:
        for y in right:
            key = (x, y) if x < y else (y, x)
            value = known.get(key)
            if value is None:
                value = (
                    score_pair(recs[x], recs[y], options.weights).total
                    if compatible(recs[x], recs[y])
                    else 0.0
                )
                known[key] = value
            total += value
    return total / (len(left) * len(right)) >= options.threshold - LINKAGE_SLACK


def _edges(
    recs: Sequence[Record], constraints: Constraints, options: ClusterOptions, stats: ClusterStats
) -> list[tuple[PairScore, int, int]]:
    edges = []
    for i, j in candidate_pairs(recs, max_probe=options.max_probe, stats=stats.blocking):
        stats.candidates += 1
        a, b = recs[i], recs[j]
        if not compatible(a, b) or (vague(a, b) and not shares_content(a, b)):
            continue
        if _pair(a.event_id, b.event_id) in constraints.cannot:
            continue
        score = score_pair(a, b, options.weights)
        if score.total >= options.threshold:
            edges.append((score, i, j))
    stats.edges = len(edges)
    return edges


def _coarser(a: Record, b: Record) -> bool:
    """Whether ``a`` is placed or dated more coarsely than ``b`` (and not more finely in either)."""
    return (a.precision >= b.precision and a.level >= b.level) and (
        a.precision > b.precision or a.level > b.level
    )


def _phase(a: Record, b: Record) -> int:
    """0: equally fine records; 1: the same kind of place, dates of different precision;
    2: places of different precision (a region or a country against a locality)."""
    if a.level != b.level:
        return 2
    return 0 if a.precision == b.precision else 1


def _drop_ambiguous(
    recs: Sequence[Record], edges: list[tuple[PairScore, int, int]], options: ClusterOptions,
    stats: ClusterStats,
) -> list[tuple[PairScore, int, int]]:  # fmt: skip
    """Remove the edges by which a coarse record would join one of several distinct finer events."""
    finer: dict[int, list[tuple[float, int]]] = {}
    for score, i, j in edges:
        if _coarser(recs[i], recs[j]):
            finer.setdefault(i, []).append((score.total, j))
        elif _coarser(recs[j], recs[i]):
            finer.setdefault(j, []).append((score.total, i))
    ambiguous = set()
    for x, options_x in finer.items():
        if len(options_x) < 2:
            continue
        best = max(s for s, _ in options_x)
        top = [y for s, y in options_x if s >= best - options.ambiguity_margin]
        if any(
            not compatible(recs[y1], recs[y2]) for k, y1 in enumerate(top) for y2 in top[k + 1 :]
        ):
            ambiguous.add(x)
    stats.ambiguous = len(ambiguous)
    if not ambiguous:
        return edges
    keep = []
    for edge in edges:
        _, i, j = edge
        if (i in ambiguous and _coarser(recs[i], recs[j])) or (
            j in ambiguous and _coarser(recs[j], recs[i])
        ):
            continue
        keep.append(edge)
    return keep


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _cannot_index(constraints: Constraints, position: Mapping[str, int]) -> dict[int, set[int]]:
    index: dict[int, set[int]] = {}
    for a, b in constraints.cannot:
        if a in position and b in position:
            index.setdefault(position[a], set()).add(position[b])
            index.setdefault(position[b], set()).add(position[a])
    return index


def _separated(groups: _Groups, cannot: Mapping[int, set[int]], i: int, j: int) -> bool:
    """Whether a person separated any member of i's group from any member of j's."""
    a, b = groups.find(i), groups.find(j)
    if a == b:
        return False
    small, big = groups.summary[a], groups.summary[b]
    if len(small.members) > len(big.members):
        small, big = big, small
    other = set(big.members)
    return any(not cannot.get(k, set()).isdisjoint(other) for k in small.members if k in cannot)


def constraints_from(
    decisions: Iterable[tuple[int, str, Sequence[str], Sequence[str]]],
) -> Constraints:
    """Constraints from human decisions ``(id, kind, part_a, part_b)`` taken in id order.

    ``merge``: everything in a and b together (undoing earlier splits between them).  ``split``:
    a and b apart (undoing earlier merges between them), and each part kept together as the
    person saw it.
    """
    must: dict[tuple[str, str], int] = {}
    cannot: dict[tuple[str, str], int] = {}
    for decision, kind, part_a, part_b in sorted(decisions, key=lambda d: d[0]):
        across = [_pair(x, y) for x in part_a for y in part_b if x != y]
        if kind == "merge":
            for p in across:
                cannot.pop(p, None)
                must[p] = decision
        elif kind == "split":
            for p in across:
                must.pop(p, None)
                cannot[p] = decision
            for part in (part_a, part_b):
                head = min(part, default=None)
                for x in part:
                    if head is not None and x != head:
                        must[_pair(head, x)] = decision
        else:
            raise ValueError(f"unknown decision kind {kind!r}")
    ordered = tuple(sorted((a, b, d) for (a, b), d in must.items()))
    return Constraints(ordered, MappingProxyType(cannot))
