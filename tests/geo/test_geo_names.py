from __future__ import annotations

import pytest

from protestwatch.geo.names import ascii_fold, is_latin, name_key


@pytest.mark.parametrize(
    "a, b",
    [
        ("Nur-Sultan", "nur sultan"),
        ("NUR‑SULTAN", "Nur Sultan"),
        ("Almatý", "Almaty"),
        ("Aqtöbe", "Aqtobe"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Mt. Kenya", "Mount Kenya"),
        ("Xi’an", "Xian"),
        ("Łódź", "Lodz"),
        ("İstanbul", "Istanbul"),
        ("Ho Chi Minh City", "ho-chi-minh city"),
    ],
)
def test_equivalent_spellings_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("Almaty", "Almati"), ("Osh", "Oshi"), ("Paris", "Parys")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_ascii_fold_keeps_case_and_is_latin_rejects_other_scripts() -> None:
    assert ascii_fold("Öskemen") == "Oskemen"
    assert is_latin("Shymkent") and is_latin("Şymkent")
    assert not is_latin("Шымкент") and not is_latin("阿拉木圖") and not is_latin("---")
    assert name_key("  ") == ""
