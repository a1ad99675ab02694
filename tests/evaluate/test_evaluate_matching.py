"""Matching predicted events to gold events: dates, places, aliases, one-to-one assignment."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from protestwatch.evaluate import assign, compatible, default_alias, normalise, place_key
from protestwatch.evaluate.matching import EXACT_LIMIT, dates_overlap, places_agree
from protestwatch.model import DatePrecision, Event

D = dt.date


def _ev(locality: str | None = "Almaty", start=None, end=None, country="KZ", **kw) -> Event:
    start = start or D(2021, 3, 27)
    return Event(
        id=kw.pop("id", f"{locality}-{start}"), date_start=start, date_end=end or start,
        date_precision=DatePrecision.DAY, country=country, locality=locality, **kw,
    )  # fmt: skip


@pytest.mark.parametrize(
    "a, b",
    [("Nur-Sultan", "Astana"), ("Alma-Ata", "Almaty"), ("ALMATY", "almaty"), ("Öskemen", "Oskemen"),
     ("Ust-Kamenogorsk", "Oskemen"), ("Uralsk", "Oral"), ("Almaty city", "Almaty"),
     ("Aqtobe", "Aktobe"), ("Frunze", "Bishkek"), ("Tselinograd", "Nur-Sultan"), ("Kiev", "Kyiv")],
)  # fmt: skip
def test_place_aliases_and_spelling_variants_agree(a, b):
    assert place_key(a) == place_key(b)
    assert compatible(_ev(a), _ev(b))


@pytest.mark.parametrize("a, b", [("Almaty", "Astana"), ("Oral", "Aral"), ("Taraz", "Semey")])
def test_different_localities_disagree(a, b):
    assert place_key(a) != place_key(b)
    assert not compatible(_ev(a), _ev(b))


def test_custom_alias_function():
    old, new = _ev("Leninabad", country="TJ"), _ev("Khujand", country="TJ")
    assert not compatible(old, new)

    def soviet_names(name: str) -> str:
        return {"leninabad": "Khujand"}.get(normalise(name), name)

    assert compatible(old, new, soviet_names)
    assert place_key("Leninabad", soviet_names) == "khujand"


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("  Nur–Sultan’s  Square ") == "nur sultan s square"
    assert normalise("Şymkent") == "symkent"
    assert normalise(None) == ""


def test_coarse_place_matches_by_country():
    fine = _ev("Almaty")
    assert places_agree(_ev(None), fine)  # country-level prediction, same country
    assert places_agree(fine, _ev(None, admin1="Almaty"))
    assert not places_agree(_ev(None, country="KG"), fine)
    assert not places_agree(_ev("Almaty"), _ev("Shymkent"))  # both fine: localities decide


@pytest.mark.parametrize(
    "a, b, overlap",
    [
        ((D(2021, 3, 27), D(2021, 3, 27)), (D(2021, 3, 27), D(2021, 3, 27)), True),
        ((D(2021, 3, 27), D(2021, 3, 27)), (D(2021, 3, 28), D(2021, 3, 28)), False),
        ((D(2019, 9, 1), D(2019, 11, 30)), (D(2019, 10, 5), D(2019, 10, 5)), True),
        ((D(2016, 1, 1), D(2016, 12, 31)), (D(2017, 1, 1), D(2018, 12, 31)), False),
        ((D(2022, 1, 2), D(2022, 1, 5)), (D(2022, 1, 5), D(2022, 1, 9)), True),
    ],
)
def test_date_ranges(a, b, overlap):
    assert dates_overlap(_ev(start=a[0], end=a[1]), _ev(start=b[0], end=b[1])) is overlap


def test_missing_dates_match_only_missing_dates():
    undated = Event(id="u", country="KZ", locality="Almaty")
    assert dates_overlap(undated, undated)
    assert not dates_overlap(undated, _ev())
    half = Event(id="h", date_start=D(2021, 3, 27), country="KZ", locality="Almaty")
    assert dates_overlap(half, _ev())  # a missing end means a one-day event


def test_default_alias_is_the_identity_for_unknown_names():
    assert default_alias("Karakol") == "karakol"


# -- assignment ---------------------------------------------------------------------------


def test_assign_two_rows_cannot_share_a_column():
    assert assign([[0.9], [0.5]]) == [(0, 0)]


def test_assign_maximises_count_before_score():
    # greedy-by-score would take (0, 0) and leave row 1 without a partner
    scores = [[0.9, 0.2], [0.8, None]]
    assert assign(scores) == [(0, 1), (1, 0)]


def test_assign_skips_incompatible_cells_and_handles_empty():
    assert assign([[None, None], [None, 0.3]]) == [(1, 1)]
    assert assign([]) == [] and assign([[], []]) == []


def test_assign_transposes_wide_and_tall_matrices():
    tall = [[0.1], [0.7], [0.3]]
    assert assign(tall) == [(1, 0)]
    wide = [[0.1, 0.7, 0.3]]
    assert assign(wide) == [(0, 1)]


def _brute_force(scores):
    """The best (count, total) over every way of giving each row a free column or none."""
    cols = len(scores[0])

    def best(row: int, used: frozenset) -> tuple[int, float]:
        if row == len(scores):
            return (0, 0.0)
        options = [best(row + 1, used)]
        for c in range(cols):
            if c not in used and scores[row][c] is not None:
                n, total = best(row + 1, used | {c})
                options.append((n + 1, total + scores[row][c]))
        return max(options)

    n, total = best(0, frozenset())
    return n, round(total, 9)


def test_assign_is_exact_on_random_small_matrices():
    rng = random.Random(7)
    for _ in range(60):
        rows, cols = rng.randint(1, 4), rng.randint(1, 4)
        scores = [[round(rng.random(), 3) if rng.random() < 0.6 else None for _ in range(cols)]
                  for _ in range(rows)]  # fmt: skip
        pairs = assign(scores)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        got = (len(pairs), round(sum(scores[r][c] for r, c in pairs), 9))
        assert got == _brute_force(scores), scores


def test_assign_large_matrix_falls_back_to_a_valid_one_to_one():
    size = EXACT_LIMIT + 5
    scores = [[(1.0 if r == c else 0.2) if abs(r - c) <= 1 else None for c in range(size)]
              for r in range(size)]  # fmt: skip
    pairs = assign(scores)
    assert pairs == [(i, i) for i in range(size)]
