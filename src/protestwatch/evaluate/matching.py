"""Pairing predicted events with gold events within one article.

Two events are *compatible* when their date ranges overlap and their place agrees: the same
locality (compared through the place alias and ``names.normalise``), or, when either side has no
locality, the same country.  An event without dates is compatible only with another without dates.

Among compatible pairs, ``assign`` picks a one-to-one assignment that first maximises the number
of pairs and then their total agreement (the mean field score).  It is exact (dynamic programming
over the subsets of the smaller side) up to ``EXACT_LIMIT`` events on the smaller side, and
greedy by score beyond that.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from ..model import Event
from .names import PlaceAlias, default_alias, place_key

#: The largest smaller side solved exactly (2**n subsets are explored).
EXACT_LIMIT = 10

#: A score matrix: ``scores[i][j]`` for predicted i and gold j, None when incompatible.
Scores = Sequence[Sequence[float | None]]


def _dates(event: Event) -> tuple[dt.date, dt.date] | None:
    if event.date_start is None and event.date_end is None:
        return None
    start = event.date_start or event.date_end
    end = event.date_end or event.date_start
    assert start is not None and end is not None
    return (start, end) if start <= end else (end, start)


def dates_overlap(a: Event, b: Event) -> bool:
    """Whether the two events' date ranges share at least one day (both undated counts)."""
    da, db = _dates(a), _dates(b)
    if da is None or db is None:
        return da is None and db is None
    return da[0] <= db[1] and db[0] <= da[1]


def places_agree(a: Event, b: Event, alias: PlaceAlias = default_alias) -> bool:
    """Same locality, or the same country where either side has no locality."""
    if a.locality and b.locality:
        return place_key(a.locality, alias) == place_key(b.locality, alias)
    return (a.country or "").upper() == (b.country or "").upper()


def compatible(a: Event, b: Event, alias: PlaceAlias = default_alias) -> bool:
    """Whether ``a`` and ``b`` may be the same event (dates overlap, places agree)."""
    return dates_overlap(a, b) and places_agree(a, b, alias)


def assign(scores: Scores) -> list[tuple[int, int]]:
    """A one-to-one assignment of rows to columns over the compatible (non-None) cells.

    Maximises the number of pairs, then the summed score.  Returns ``(row, column)`` pairs sorted
    by row.
    """
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    transposed = rows > cols
    matrix = (
        [list(r) for r in zip(*scores, strict=True)] if transposed else [list(r) for r in scores]
    )
    if len(matrix) <= EXACT_LIMIT:
        pairs = _assign_exact(matrix)
    else:
        pairs = _assign_greedy(matrix)
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def _assign_exact(matrix: list[list[float | None]]) -> list[tuple[int, int]]:
    """Exact assignment: columns are taken in turn, the state is the set of rows used so far."""
    best: dict[int, tuple[int, float, tuple[tuple[int, int], ...]]] = {0: (0, 0.0, ())}
    for col in range(len(matrix[0])):
        nxt = dict(best)
        for mask, (count, total, pairs) in best.items():
            for row, line in enumerate(matrix):
                score = line[col]
                if score is None or mask >> row & 1:
                    continue
                key = mask | 1 << row
                cand = (count + 1, total + score, pairs + ((row, col),))
                if key not in nxt or cand[:2] > nxt[key][:2]:
                    nxt[key] = cand
        best = nxt
    return list(max(best.values(), key=lambda v: v[:2])[2])


def _assign_greedy(matrix: list[list[float | None]]) -> list[tuple[int, int]]:
    """Greedy assignment: best-scoring compatible cells first, rows with fewer options first."""
    options = [sum(s is not None for s in line) for line in matrix]
    cells = sorted(
        (
            (s, -options[r], r, c)
            for r, line in enumerate(matrix)
            for c, s in enumerate(line)
            if s is not None
        ),
        reverse=True,
    )
    used_r: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for _, _, r, c in cells:
        if r not in used_r and c not in used_c:
            used_r.add(r)
            used_c.add(c)
            pairs.append((r, c))
    return pairs
