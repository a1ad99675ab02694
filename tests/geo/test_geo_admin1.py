"""The admin1 naming convention (protestwatch.geo.admin1), on raw names and in the gazetteer."""

from __future__ import annotations

import pytest

from protestwatch.geo.admin1 import clean_admin1_name, spelled_as_city
from protestwatch.geo.gazetteer import Gazetteer


@pytest.mark.parametrize(
    "raw, expected",
    [
        # transliteration apostrophes go; a capital after the apostrophe or a possessive keeps it
        ("T'bilisi", "Tbilisi"), ("Vinnyts'ka", "Vinnytska"), ("O'Higgins", "O'Higgins"),
        ("Hawke's Bay", "Hawke's Bay"), ("Provence-Alpes-Cote d'Azur", "Provence-Alpes-Cote d'Azur"),
        # local-language type words, before or after the name
        ("Syunik'i Marz", "Syunik"), ("Vayots' Dzori Marz", "Vayots Dzor"),
        ("Jakarta Raya", "Jakarta"), ("Almaty Oblysy", "Almaty"), ("Changwat Udon Thani", "Udon Thani"),
        ("Muhafazat Kirkuk", "Kirkuk"), ("Gansu Sheng", "Gansu"), ("Valkas Rajons", "Valkas"),
        ("Autonomna Pokrajina Vojvodina", "Vojvodina"), ("Wilaya de Naama", "Naama"),
        ("Shamkir Rayon", "Shamkir"), ("Opstina Plav", "Plav"),
        # translated where the local words are part of the English name
        ("Daerah Istimewa Yogyakarta", "Special Region of Yogyakarta"),
        ("Nenetskiy Avtonomnyy Okrug", "Nenetskiy Autonomous Okrug"),
        # generic English type words go, unless only a compass/status/adjective word would remain
        ("Basra Governorate", "Basra"), ("Saga Prefecture", "Saga"), ("Lublin Voivodeship", "Lublin"),
        ("Altai Krai", "Altai"), ("Marakwet District", "Marakwet"), ("Maekel Region", "Maekel"),
        ("Eastern Province", "Eastern Province"), ("Central Region", "Central Region"),
        ("Lower Silesian Voivodeship", "Lower Silesian Voivodeship"),
        ("Jewish Autonomous Oblast", "Jewish Autonomous Oblast"),
        ("Northern Territory", "Northern Territory"), ("Washington, D.C.", "Washington, D.C."),
    ],
)  # fmt: skip
def test_clean_admin1_name(raw: str, expected: str) -> None:
    assert clean_admin1_name(raw).name == expected


@pytest.mark.parametrize(
    "raw, city",
    [("Toshkent Shahri", True), ("Ganja City", True), ("Misto Sevastopol'", True),
     ("Astana Qalasy", True), ("Grad Zagreb", True), ("Naryn", False), ("Chuy", False)],
)  # fmt: skip
def test_city_markers(raw: str, city: bool) -> None:
    assert clean_admin1_name(raw).city is city


@pytest.mark.parametrize(
    "unit, cities, expected",
    [
        ("Voronezj", ["Voronezh", "Borisoglebsk"], "Voronezh"),
        ("Tjumen", ["Tyumen", "Tobolsk"], "Tyumen"),
        ("Arkhangelskaya", ["Arkhangel’sk", "Severodvinsk"], "Arkhangelsk"),
        ("Liberecky", ["Liberec", "Jablonec nad Nisou"], "Liberec"),
        ("Abia", ["Aba", "Umuahia"], None),  # an ordinary name is never respelled
        ("Loska Dolina", ["Leskova Dolina"], None),
        ("Sverdlovsk", ["Yekaterinburg", "Nizhniy Tagil"], None),
    ],
)  # fmt: skip
def test_units_spelled_as_their_city(unit: str, cities: list[str], expected: str | None) -> None:
    assert spelled_as_city(unit, cities) == expected


# -- in the built gazetteer -------------------------------------------------------------------

CITY_UNITS = {
    # city (country) -> its admin1: ISO 3166-2 lists these cities as first-level units
    ("Almaty", "KZ"): "Almaty", ("Astana", "KZ"): "Astana", ("Shymkent", "KZ"): "Shymkent",
    ("Bishkek", "KG"): "Bishkek", ("Osh", "KG"): "Osh", ("Tashkent", "UZ"): "Tashkent",
    ("Tbilisi", "GE"): "Tbilisi", ("Yerevan", "AM"): "Yerevan", ("Kyiv", "UA"): "Kyiv",
    ("Minsk", "BY"): "Minsk", ("Moscow", "RU"): "Moscow",
    ("Saint Petersburg", "RU"): "Saint Petersburg", ("Baku", "AZ"): "Baku",
    ("Bangkok", "TH"): "Bangkok", ("Buenos Aires", "AR"): "Buenos Aires",
    ("Mexico City", "MX"): "Mexico City", ("Bogota", "CO"): "Bogotá", ("Lima", "PE"): "Lima",
    ("Belgrade", "RS"): "Belgrade", ("Prague", "CZ"): "Prague", ("Bucharest", "RO"): "Bucharest",
    ("Gaborone", "BW"): "Gaborone", ("Seoul", "KR"): "Seoul",
}  # fmt: skip


def _city(gaz: Gazetteer, name: str, country: str):
    cands = [c for c in gaz.lookup(name) if c.is_locality and c.country == country]
    assert cands, name
    return max(cands, key=lambda c: c.population)


@pytest.mark.parametrize("city, country", sorted(CITY_UNITS))
def test_cities_that_are_first_level_units_are_their_own_admin1(
    gaz: Gazetteer, city: str, country: str
) -> None:
    place = gaz.to_place(_city(gaz, city, country))
    assert place.admin1 == CITY_UNITS[(city, country)]


@pytest.mark.parametrize(
    "city, country, admin1",
    [
        ("Yekaterinburg", "RU", "Sverdlovsk"), ("Novosibirsk", "RU", "Novosibirsk"),
        ("Voronezh", "RU", "Voronezh"), ("Kazan", "RU", "Tatarstan"),
        ("Kajaran", "AM", "Syunik"), ("Gyumri", "AM", "Shirak"), ("Naryn", "KG", "Naryn"),
        ("Oral", "KZ", "West Kazakhstan"), ("Aktobe", "KZ", "Aktobe"), ("Atyrau", "KZ", "Atyrau"),
        ("Kostanay", "KZ", "Kostanay"), ("Zhanaozen", "KZ", "Mangystau"),
        ("Jakarta", "ID", "Jakarta"), ("Yogyakarta", "ID", "Special Region of Yogyakarta"),
        ("Abuja", "NG", "Federal Capital Territory"), ("Zaria", "NG", "Kaduna"),
        ("Valparaiso", "CL", "Valparaíso"), ("Concepcion", "CL", "Biobío"),
        ("Basra", "IQ", "Basra"), ("Krakow", "PL", "Lesser Poland"),
        ("Novi Sad", "RS", "Vojvodina"), ("Khorog", "TJ", "Gorno-Badakhshan"),
        ("Udon Thani", "TH", "Udon Thani"), ("Guangzhou", "CN", "Guangdong"),
    ],
)  # fmt: skip
def test_admin1_names_follow_one_convention(
    gaz: Gazetteer, city: str, country: str, admin1: str
) -> None:
    assert gaz.to_place(_city(gaz, city, country)).admin1 == admin1


@pytest.mark.parametrize(
    "text, country, admin1",
    [
        ("Almaty region", "KZ", "Almaty Region"), ("Tashkent region", "UZ", "Tashkent Region"),
        ("Minsk region", "BY", "Minsk Oblast"), ("Kyiv oblast", "UA", "Kyiv Region"),
        ("Moscow region", "RU", "Moscow Region"), ("Osh region", "KG", "Osh Region"),
        ("Buenos Aires province", "AR", "Buenos Aires Province"), ("Lima region", "PE", "Lima Region"),
        ("Sverdlovsk Oblast", "RU", "Sverdlovsk"), ("Aktobe region", "KZ", "Aktobe"),
        ("Syunik", "AM", "Syunik"),
    ],
)  # fmt: skip
def test_a_unit_beside_a_city_unit_of_its_name_keeps_its_type_word(
    gaz: Gazetteer, text: str, country: str, admin1: str
) -> None:
    cand = gaz.admin1(country, text)
    assert cand is not None and cand.name == admin1
