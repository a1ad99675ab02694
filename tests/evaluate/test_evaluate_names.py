"""Place-name comparison in the evaluator: the same unit under two naming conventions."""

from __future__ import annotations

import pytest

from protestwatch.evaluate.fields import COMPARATORS, FieldOptions
from protestwatch.evaluate.names import fold_type_words, place_key
from protestwatch.model import Event


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sverdlovsk Oblast", "Sverdlovsk"),
        ("Novosibirsk oblast", "Novosibirsk"),
        ("Aktobe Region", "Aktobe"),
        ("West Kazakhstan Region", "West Kazakhstan"),
        ("Syunik Marz", "Syunik"),
        ("Lagos State", "Lagos"),
        ("State of Mexico", "Mexico State"),
        ("Region of Murcia", "Murcia"),
        ("Basra Governorate", "Basra"),
        ("Cundinamarca Department", "Cundinamarca"),
        ("Nakuru County", "Nakuru"),
        ("Western Cape Province", "Western Cape"),
        ("T'bilisi", "Tbilisi"),
        ("Hawke’s Bay", "Hawkes Bay"),
        ("Valparaiso", "Valparaíso"),
        ("Bishkek Shaary", "Bishkek"),
        ("Almaty oblysy", "Almaty"),
    ],
)
def test_the_same_unit_under_two_conventions_compares_equal(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("North Kazakhstan", "Kazakhstan"),
        ("East Java", "Central Java"),
        ("Special Region of Yogyakarta", "Jakarta"),
        ("Naryn", "Talas Region"),
        ("Abai", "Almaty"),
        ("Lower Silesian", "Silesian"),
        ("Eastern Province", "Western Province"),
    ],
)
def test_different_units_stay_different(a: str, b: str) -> None:
    assert place_key(a) != place_key(b)


def test_a_name_made_only_of_type_words_is_kept() -> None:
    assert fold_type_words("region") == "region"
    assert place_key("State") == "state"
    assert place_key(None) == "" and place_key("") == ""


def test_the_admin1_comparator_folds_type_words() -> None:
    gold = Event(id="e", admin1="Sverdlovsk Oblast", locality="Yekaterinburg")
    same = Event(id="e", admin1="Sverdlovsk", locality="Yekaterinburg")
    other = Event(id="e", admin1="Chelyabinsk Oblast", locality="Yekaterinburg")
    compare = COMPARATORS["admin1"]
    assert compare(same, gold, FieldOptions()).correct
    assert not compare(other, gold, FieldOptions()).correct
    assert COMPARATORS["locality"](same, gold, FieldOptions()).correct
