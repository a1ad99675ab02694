"""Demonyms, country names and capital metonyms → ISO alpha-2."""

from __future__ import annotations

import pytest

from protestwatch.geo.demonyms import (
    capital_metonym_country,
    country_from_name,
    country_name,
    country_of_word,
    demonym_country,
)


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Kazakh", "KZ"), ("Kazakhs", "KZ"), ("Kazakhstani", "KZ"), ("Chinese", "CN"),
        ("Uighur", "CN"), ("Uyghurs", "CN"), ("Kyrgyz", "KG"), ("Tajik", "TJ"), ("Tajiks", "TJ"),
        ("Uzbek", "UZ"), ("Uzbeks", "UZ"), ("Turkmen", "TM"), ("Russian", "RU"),
        ("Russians", "RU"), ("Georgian", "GE"), ("Armenian", "AM"), ("Serbian", "RS"),
        ("Serbs", "RS"), ("French", "FR"), ("Frenchmen", "FR"), ("Kenyan", "KE"),
        ("Nigerian", "NG"), ("Nigerien", "NE"), ("Chilean", "CL"), ("Indian", "IN"),
        ("Indonesian", "ID"), ("American", "US"), ("Americans", "US"), ("British", "GB"),
        ("Dutch", "NL"), ("Filipinos", "PH"), ("Argentine", "AR"), ("Swiss", "CH"),
        ("Polish", "PL"), ("Dominican", "DO"), ("Congolese", "CD"), ("Norwegian", "NO"),
        ("South Korean", "KR"), ("Azeri", "AZ"), ("Belarusian", "BY"), ("Ivorian", "CI"),
        ("Kazakh’s", "KZ"), ("uzbek", "UZ"), ("Burkinabe", "BF"), ("Thai", "TH"),
    ],
)
def test_demonym_country(word: str, code: str) -> None:
    assert demonym_country(word) == code


@pytest.mark.parametrize("word", ["Soviet", "European", "Western", "polish", "Communist", "",
                                  "protesters", "Almaty", "turks"])
def test_demonym_country_unknown(word: str) -> None:
    assert demonym_country(word) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("China", "CN"), ("the U.S.", "US"), ("Russia", "RU"), ("Kazakhstan", "KZ"),
     ("Turkey", "TR"), ("Britain", "GB"), ("the Netherlands", "NL"), ("Côte d’Ivoire", "CI"),
     ("Kyrgyz Republic", "KG"), ("Burma", "MM"), ("South Korea", "KR"), ("DRC", "CD")],
)
def test_country_from_name(name: str, code: str) -> None:
    assert country_from_name(name) == code


@pytest.mark.parametrize("name", ["turkey", "Brussels", "IN", "Almaty", "chad"])
def test_country_from_name_unknown(name: str) -> None:
    assert country_from_name(name) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("Beijing", "CN"), ("Moscow", "RU"), ("the Kremlin", "RU"), ("Washington", "US"),
     ("Tashkent", "UZ"), ("Ankara", "TR"), ("Nur-Sultan", "KZ"), ("Astana", "KZ"),
     ("Bishkek", "KG"), ("Downing Street", "GB"), ("the White House", "US"), ("Kiev", "UA")],
)
def test_capital_metonym_country(name: str, code: str) -> None:
    assert capital_metonym_country(name) == code


@pytest.mark.parametrize("name", ["Brussels", "Victoria", "Almaty", "Kingston", "Geneva"])
def test_capital_metonym_not_a_country(name: str) -> None:
    assert capital_metonym_country(name) is None


def test_country_name_and_any_word() -> None:
    assert country_name("RU") == "Russia"
    assert country_name("cn") == "China"
    assert country_of_word("Kremlin") == "RU"
    assert country_of_word("Kazakhs") == "KZ"
    assert country_of_word("Kenya") == "KE"
    assert country_of_word("Almaty") is None
