"""Candidate pairs: only records that could be one event are ever compared.

Records are blocked by country.  Within a country:

- *fine* records (a locality and a date range of at most ``FINE_SPAN_DAYS``) are grouped by
  locality and sorted by start date; a sliding window pairs each with the later ones that start
  before it ends (their ranges overlap).  Cost: the number of overlapping same-place pairs.
- *probe* records (a region or country only, or a coarse date such as a month or a year, typical
  of background mentions) look up the records whose ranges overlap theirs in the index of the
  places that can contain or be contained by theirs (same locality; localities of the region; the
  whole country).  A probe with more than ``max_probe`` candidates is too vague to place among
  them and gets none (it stays its own event); these are counted.

Nothing here is quadratic in the corpus: cost grows with the records times the (bounded) number
of records overlapping each in one place.
"""

from __future__ import annotations

import bisect
import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from protestwatch.dedup.records import PlaceLevel, Record

logger = logging.getLogger(__name__)

DEFAULT_MAX_PROBE = 250


@dataclass
class BlockingStats:
    """What blocking did (mutable while it runs)."""

    blocks: int = 0
    fine_pairs: int = 0
    probe_pairs: int = 0
    vague_probes: int = 0
    undated: int = 0


@dataclass
class _Index:
    """Records of one place key, sorted by start, with the longest span among them."""

    starts: list[int] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    max_span: int = 0

    def add(self, start: int, idx: int, span: int) -> None:
        self.starts.append(start)
        self.ids.append(idx)
        self.max_span = max(self.max_span, span)

    def sort(self) -> None:
        order = sorted(range(len(self.ids)), key=lambda k: (self.starts[k], self.ids[k]))
        self.starts = [self.starts[k] for k in order]
        self.ids = [self.ids[k] for k in order]

    def overlapping(self, start: int, end: int) -> Iterator[int]:
        """Indices whose range may overlap [start, end] (the caller checks the ends)."""
        lo = bisect.bisect_left(self.starts, start - self.max_span)
        hi = bisect.bisect_right(self.starts, end)
        ids = self.ids
        return (ids[k] for k in range(lo, hi))


def is_probe(r: Record) -> bool:
    return r.level != PlaceLevel.LOCALITY or r.coarse_date


def candidate_pairs(
    records: Sequence[Record],
    *,
    max_probe: int = DEFAULT_MAX_PROBE,
    stats: BlockingStats | None = None,
) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of indices into ``records`` whose dates overlap and whose
    places may agree (``similarity.compatible`` makes the final decision)."""
    stats = stats if stats is not None else BlockingStats()
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        if not r.dated or not r.country:
            stats.undated += 1
            continue
        by_country[r.country].append(i)
    for country in sorted(by_country):
        stats.blocks += 1
        yield from _block_pairs(records, by_country[country], max_probe, stats)


def _block_pairs(
    records: Sequence[Record], members: list[int], max_probe: int, stats: BlockingStats
) -> Iterator[tuple[int, int]]:
    by_locality: dict[str, list[int]] = defaultdict(list)
    indexes: dict[tuple[str, str], _Index] = defaultdict(_Index)
    probes: list[int] = []
    for i in members:
        r = records[i]
        if is_probe(r):
            probes.append(i)
        elif r.level == PlaceLevel.LOCALITY:
            by_locality[r.locality].append(i)
        span, tier = r.span, "coarse" if r.coarse_date else "fine"
        indexes[tier, ""].add(r.start, i, span)  # type: ignore[arg-type]
        if r.level == PlaceLevel.LOCALITY:
            indexes[tier, "loc:" + r.locality].add(r.start, i, span)  # type: ignore[arg-type]
        if r.level != PlaceLevel.COUNTRY:
            indexes[tier, "a1:" + r.admin1].add(r.start, i, span)  # type: ignore[arg-type]
    for locality in sorted(by_locality):
        yield from _window_pairs(records, by_locality[locality], stats)
    for index in indexes.values():
        index.sort()
    seen: set[int] = set()
    n = len(records)
    for p in probes:
        for q in _probe_candidates(records, records[p], indexes, max_probe, stats):
            if q == p:
                continue
            i, j = (p, q) if p < q else (q, p)
            key = i * n + j
            if key not in seen:
                seen.add(key)
                stats.probe_pairs += 1
                yield i, j


def _window_pairs(
    records: Sequence[Record], ids: list[int], stats: BlockingStats
) -> Iterator[tuple[int, int]]:
    """Fine records of one locality: each against the later-starting ones that overlap it."""
    ids = sorted(ids, key=lambda k: (records[k].start, k))
    for a, i in enumerate(ids):
        end = records[i].end
        for j in ids[a + 1 :]:
            if records[j].start > end:  # type: ignore[operator]
                break
            stats.fine_pairs += 1
            yield (i, j) if i < j else (j, i)


def _probe_candidates(
    records: Sequence[Record], p: Record, indexes: dict[tuple[str, str], _Index], max_probe: int,
    stats: BlockingStats,
) -> list[int]:  # fmt: skip
    if p.level == PlaceLevel.COUNTRY:
        places = [""]
    elif p.level == PlaceLevel.ADMIN1:
        places = ["a1:" + p.admin1, "a1:"]
    else:
        places = ["loc:" + p.locality]
    out: list[int] = []
    for place in places:
        for tier in ("fine", "coarse"):
            index = indexes.get((tier, place))
            if index is None:
                continue
            for q in index.overlapping(p.start, p.end):  # type: ignore[arg-type]
                if records[q].end >= p.start:  # type: ignore[operator]
                    out.append(q)
                    if len(out) > max_probe:
                        stats.vague_probes += 1
                        return []
    return out
