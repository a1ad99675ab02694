"""Forms of a place name that recognition used to miss: compound adjectives ("Lyon-based"),
elided particles ("Côte d'Ivoire"), names that are also first names or common words in a list,
beside a qualifier or in a text about their country, the short form of a longer main name
("Acapulco"), and the English compass forms of first-level units ("North Kivu")."""

from __future__ import annotations

import pytest

from protestwatch.geo.admin1 import compass_variants
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geoparse import geoparse


def _found(text: str, gaz: Gazetteer) -> list[tuple[str, str | None, str]]:
    return [(d["text"], d["country"], d["feature"]) for d in geoparse(text, gaz)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Nairobi-based charity handed out water.", ("Nairobi", "KE")),
        ("The Lagos-born singer drew a crowd of fans.", ("Lagos", "NG")),
        ("Guards in Pakistan-administered Kashmir closed the road.", ("Pakistan", "PK")),
        ("Officials imposed a Brazil-wide curfew on gatherings.", ("Brazil", "BR")),
    ],
)
def test_the_name_in_a_compound_adjective(gaz: Gazetteer, text: str, expected: tuple) -> None:
    got = [(d["text"], d["country"]) for d in geoparse(text, gaz)]
    assert expected in got


def test_a_hyphen_to_another_word_makes_no_place(gaz: Gazetteer) -> None:
    assert _found("Five Green-winged Teals and a Well-known Bell-shaped jar were found.", gaz) == []


def test_hyphenated_names_that_end_capitalised_stay_whole(gaz: Gazetteer) -> None:
    got = _found("Buses left Guinea-Bissau for Port-au-Prince and Stoke-on-Trent.", gaz)
    assert [g[:2] for g in got] == [("Guinea-Bissau", "GW"), ("Port-au-Prince", "HT"),
                                   ("Stoke-on-Trent", "GB")]  # fmt: skip


def test_an_elided_particle_inside_a_name(gaz: Gazetteer) -> None:
    got = _found("Teachers struck in Senegal, Côte d'Ivoire and Cote d'Ivoire's neighbours.", gaz)
    assert ("Côte d'Ivoire", "CI", "country") in got
    assert ("Cote d'Ivoire", "CI", "country") in got


def test_a_first_name_place_in_a_list_of_places(gaz: Gazetteer) -> None:
    got = _found("Aid came from Egypt, Jordan, Lebanon and Iraq.", gaz)
    assert ("Jordan", "JO", "country") in got
    got = _found("Storms hit Perth and Victoria overnight, Australian forecasters said.", gaz)
    assert ("Victoria", "AU", "admin1") in got


def test_a_first_name_place_with_a_qualifier(gaz: Gazetteer) -> None:
    got = _found("Austin, Texas, saw the largest march.", gaz)
    assert got[0] == ("Austin", "US", "locality")


def test_a_first_name_place_in_a_text_about_its_country(gaz: Gazetteer) -> None:
    text = "Australia tightened rules after cases at three Sydney stables and Brisbane."
    assert ("Sydney", "AU", "locality") in _found(text, gaz)


@pytest.mark.parametrize(
    "text",
    [
        "Jordan scored 30 points for the Bulls in Chicago.",
        "Victoria said she would go back to Leeds.",
        "Sydney Smith spoke in London about the strike.",
        "Coach Austin told players in Dallas to rest.",
    ],
)
def test_a_first_name_is_still_a_person(gaz: Gazetteer, text: str) -> None:
    words = {d["text"] for d in geoparse(text, gaz)}
    assert not words & {"Jordan", "Victoria", "Sydney", "Austin"}


def test_the_short_form_of_a_longer_main_name(gaz: Gazetteer) -> None:
    got = _found("Acapulco, a resort of the state of Guerrero, closed its beaches.", gaz)
    assert ("Acapulco", "MX", "locality") in got


def test_compass_variants_of_unit_names() -> None:
    assert compass_variants("Nord-Kivu") == ["North Kivu", "Northern Kivu"]
    assert compass_variants("Southern Darfur") == ["South Darfur"]
    assert compass_variants("Kasai-Occidental") == ["West Kasai", "Western Kasai"]
    assert compass_variants("Nord-Ouest") == ["North-West", "Northwest", "North West"]
    assert compass_variants("Extrême-Nord") == ["Far North"]
    assert compass_variants("Haut-Katanga") == ["Upper Katanga"]
    for name in ("Nord", "Centre", "Aktobe", "Rio Grande do Sul", "Santa Cruz del Sur"):
        assert compass_variants(name) == []


def test_units_named_in_english_compass_form(gaz: Gazetteer) -> None:
    got = _found("Clashes spread from North Kivu to South Darfur and the Far North of "
                 "Cameroon.", gaz)  # fmt: skip
    assert [(t, c, f) for t, c, f in got if f == "admin1"] == [
        ("North Kivu", "CD", "admin1"), ("South Darfur", "SD", "admin1"),
        ("Far North", "CM", "admin1"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Her lawyer told the Washington Post that she was innocent.",
        "According to the Los Angeles Times, the march was peaceful.",
        "Shares of Kenya Airways fell on the Nairobi Stock Exchange.",
        "Fees rose to US$10,000 and then to HK$80,000.",
    ],
)
def test_newspapers_companies_and_currencies_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert geoparse(text, gaz) == []


def test_a_government_body_names_its_jurisdiction(gaz: Gazetteer) -> None:
    got = _found("A spokesman for the California Department of Public Health spoke.", gaz)
    assert got == [("California", "US", "admin1")]


def test_a_unit_named_after_its_city(gaz: Gazetteer) -> None:
    def first(text: str) -> tuple[str, str]:
        d = geoparse(text, gaz)[0]
        return d["name"], d["feature"]

    assert first("Thousands marched in New York on Saturday.") == ("New York City", "locality")
    assert first("New York has confirmed 28 cases.") == ("New York", "admin1")
    assert first("Dairy farmers in upstate New York protested.") == ("New York", "admin1")
    assert first("Traders in rural Lagos blocked a road.") == ("Lagos", "admin1")
    assert first("Traders in Lagos blocked a road.") == ("Lagos", "locality")
    got = _found("Snow fell in Buffalo, New York, overnight.", gaz)
    assert got == [("Buffalo", "US", "locality"), ("New York", "US", "admin1")]


def test_congo_alone_is_the_democratic_republic_unless_the_text_says_otherwise(gaz: Gazetteer) -> None:
    assert _found("Clashes were reported in eastern Congo.", gaz)[0][1] == "CD"
    got = _found("About 500 students marched in Kinshasa, Congo, on Monday.", gaz)
    assert [g[1] for g in got] == ["CD", "CD"]
    got = _found("Teachers struck in Brazzaville, Congo, and in Pointe-Noire.", gaz)
    assert {g[1] for g in got} == {"CG"}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Farmers marched in Oromia.", "Oromiya"),
        ("Militias attacked villages in Orientale province.", "Eastern Province"),
        ("Miners struck in Yakutia.", "Sakha"),
        ("Teachers rallied in Transcarpathia.", "Zakarpattia"),
    ],
)
def test_english_names_of_units_the_data_spells_otherwise(gaz: Gazetteer, text: str, unit: str) -> None:
    assert [(d["feature"], d["admin1"]) for d in geoparse(text, gaz)] == [("admin1", unit)]


def test_regions_and_counties_are_named_as_themselves(gaz: Gazetteer) -> None:
    got = geoparse("Rebels clashed with troops in the Swat Valley and in Boone County, Missouri.", gaz)
    assert [(d["name"], d["feature"], d["admin1"]) for d in got][:2] == [
        ("Swat Valley", "region", "Khyber Pakhtunkhwa"), ("Boone County", "admin2", "Missouri"),
    ]  # fmt: skip


def test_a_short_country_name_follows_the_longer_one_of_the_text(gaz: Gazetteer) -> None:
    got = _found("Cholera killed nine in the Republic of Congo. The government of Congo "
                 "asked for help.", gaz)  # fmt: skip
    assert [g[1] for g in got] == ["CG", "CG"]
    got = _found("Fighting in the Democratic Republic of the Congo spread as Congo's army "
                 "retreated.", gaz)  # fmt: skip
    assert [g[1] for g in got] == ["CD", "CD"]


def test_a_town_keeps_the_english_form_the_text_writes(gaz: Gazetteer) -> None:
    from protestwatch.geo.gazetteer import _english_form

    assert _english_form("Malaṅgawā", "Malangwa") and _english_form("Az Zubayr", "Zubair")
    assert not _english_form("Almaty", "Alma-Ata") and not _english_form("Kyiv", "Kiev")
    got = geoparse("Oil workers blocked the road to Umm Qasr in Zubair, near Basra.", gaz)
    assert ("Zubair", "IQ") in [(d["name"], d["country"]) for d in got]


def test_another_transliteration_keeps_the_text_s_spelling(gaz: Gazetteer) -> None:
    from protestwatch.geo.gazetteer import _english_form

    assert _english_form("Ulan Bator", "Ulaanbaatar") and _english_form("Dalandzadgad", "Dalanzadgad")
    assert not _english_form("Tbilisi", "Tiflis") and not _english_form("Yangon", "Rangoon")
