from __future__ import annotations

import datetime as dt

import pytest

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.places import find_places
from protestwatch.model import GeoPrecision, PlaceMention


def toponyms(ms: list[PlaceMention]) -> list[PlaceMention]:
    return [m for m in ms if m.kind == "toponym"]


def only(ms: list[PlaceMention], text: str) -> PlaceMention:
    found = [m for m in ms if m.text == text]
    assert len(found) == 1, [(m.text, m.kind) for m in ms]
    return found[0]


@pytest.mark.parametrize(
    "sentence, name, country, locality",
    [
        ("Several hundred people rallied in Zhanaozen on Thursday.", "Zhanaozen", "KZ", "Zhanaozen"),
        ("Oil workers in Janaozen walked off the job.", "Janaozen", "KZ", "Zhanaozen"),
        ("Activists were detained in Uralsk after a picket.", "Uralsk", "KZ", "Oral"),
        ("A small rally took place in Aktobe, police said.", "Aktobe", "KZ", "Aktobe"),
        ("Pensioners picketed the akimat in Semipalatinsk.", "Semipalatinsk", "KZ", "Semey"),
        ("Residents of Ust-Kamenogorsk protested against smog.", "Ust-Kamenogorsk", "KZ", "Oskemen"),
        ("Dozens gathered in Khorog to demand an inquiry.", "Khorog", "TJ", "Khorog"),
        ("Students marched through Nukus on Friday.", "Nukus", "UZ", "Nukus"),
        ("Traders blocked a road in Osh over new tax rules.", "Osh", "KG", "Osh"),
        ("The picket in Qaraghandy lasted an hour.", "Qaraghandy", "KZ", "Karaganda"),
        ("Farmers drove tractors into Lyon on Monday.", "Lyon", "FR", "Lyon"),
        ("Thousands marched in São Paulo against the reform.", "São Paulo", "BR", "São Paulo"),
        ("Teachers struck in Nairobi and Mombasa.", "Mombasa", "KE", "Mombasa"),
        ("Police fired tear gas at protesters in Yangon.", "Yangon", "MM", "Yangon"),
        ("Crowds filled the streets of Tbilisi overnight.", "Tbilisi", "GE", "Tbilisi"),
        ("A vigil was held in St. Petersburg for the victims.", "St. Petersburg", "RU", "Saint Petersburg"),
        ("Hundreds rallied in Dhaka demanding higher wages.", "Dhaka", "BD", "Dhaka"),
        ("Protesters gathered in Minsk despite the ban.", "Minsk", "BY", "Minsk"),
    ],
)  # fmt: skip
def test_toponyms_resolve(
    gaz: Gazetteer, sentence: str, name: str, country: str, locality: str
) -> None:
    m = only(find_places(sentence, gaz), name)
    assert m.place.country == country and m.place.locality == locality
    assert m.place.precision == GeoPrecision.LOCALITY and m.place.latitude is not None
    assert m.span.text(sentence) == name


def test_ner_mislabelled_names_are_still_found_without_a_doc(gaz: Gazetteer) -> None:
    text = "Police broke up rallies in Zhanaozen, Aktobe and Nur-Sultan on Saturday."
    found = {m.text: m.place for m in toponyms(find_places(text, gaz, when=dt.date(2020, 1, 4)))}
    assert set(found) == {"Zhanaozen", "Aktobe", "Nur-Sultan"}
    assert found["Nur-Sultan"].locality == "Nur-Sultan"
    assert all(p.country == "KZ" for p in found.values())


def test_renamed_city_is_named_as_it_was_at_the_date(gaz: Gazetteer) -> None:
    text = "A protest was held in Astana."
    assert (
        only(find_places(text, gaz, when=dt.date(2020, 6, 1)), "Astana").place.locality
        == "Nur-Sultan"
    )
    assert (
        only(find_places(text, gaz, when=dt.date(2023, 6, 1)), "Astana").place.locality == "Astana"
    )
    text2 = "A protest was held in Nur-Sultan."
    assert only(find_places(text2, gaz), "Nur-Sultan").place.locality == "Astana"


@pytest.mark.parametrize(
    "text, when, locality",
    [
        ("Protests in Kazakhstan spread to the capital on Monday.", dt.date(2019, 6, 10), "Nur-Sultan"),
        ("Protests in Kazakhstan spread to the capital on Monday.", dt.date(2023, 1, 9), "Astana"),
        ("Kazakh police dispersed a rally in the country's capital.", dt.date(2010, 5, 1), "Astana"),
        ("Kazakh police dispersed a rally in the country's capital.", dt.date(1996, 5, 1), "Almaty"),
        ("Marchers reached the Kyrgyz capital by noon.", dt.date(2020, 10, 6), "Bishkek"),
        ("In Kazakhstan, a rally in the former capital drew 300 people.", dt.date(2021, 3, 27), "Almaty"),
        ("Myanmar's generals ordered troops into the capital.", dt.date(2021, 2, 8), "Naypyidaw"),
    ],
)  # fmt: skip
def test_the_capital_at_the_date(gaz: Gazetteer, text: str, when: dt.date, locality: str) -> None:
    caps = [m for m in find_places(text, gaz, when=when) if m.kind == "capital"]
    assert len(caps) == 1 and caps[0].place.locality == locality
    assert "capital" in caps[0].text


def test_capital_in_apposition_is_not_counted_twice(gaz: Gazetteer) -> None:
    text = "Some 300 people rallied in Almaty, the former capital, on Saturday."
    ms = find_places(text, gaz, when=dt.date(2021, 3, 27))
    assert [m.kind for m in ms] == ["toponym"]


def test_capital_without_any_country_is_left_out(gaz: Gazetteer) -> None:
    assert [
        m for m in find_places("They marched on the capital.", gaz) if m.kind == "capital"
    ] == []


def test_capital_punishment_is_not_a_place(gaz: Gazetteer) -> None:
    ms = find_places("In Kazakhstan, activists opposed the capital punishment bill.", gaz)
    assert all(m.kind != "capital" for m in ms)


def test_near_a_locality_is_precision_two(gaz: Gazetteer) -> None:
    text = "Villagers in a village near Osh blocked the road; others rallied in Osh itself."
    ms = toponyms(find_places(text, gaz))
    assert [m.place.precision for m in ms] == [GeoPrecision.NEAR_LOCALITY, GeoPrecision.LOCALITY]
    assert all(m.place.locality == "Osh" and m.place.country == "KG" for m in ms)


def test_consulate_in_a_city_gives_the_city(gaz: Gazetteer) -> None:
    text = "Relatives of detainees picketed the Chinese consulate in Almaty."
    ms = find_places(text, gaz)
    m = only(ms, "Almaty")
    assert m.place.country == "KZ" and m.place.locality == "Almaty" and m.place.admin1 == "Almaty"
    assert only(ms, "Chinese").kind == "demonym"


def test_region_versus_city_of_the_same_name(gaz: Gazetteer) -> None:
    region = only(
        find_places("Farmers in the Almaty region blocked a highway.", gaz), "Almaty region"
    )
    assert region.place.precision == GeoPrecision.REGION and region.place.locality is None
    assert region.place.admin1 == "Almaty Region"
    city = only(find_places("Farmers rallied in Almaty.", gaz), "Almaty")
    assert city.place.precision == GeoPrecision.LOCALITY


@pytest.mark.parametrize(
    "text, name, country, precision",
    [
        ("Protests erupted across Kazakhstan.", "Kazakhstan", "KZ", GeoPrecision.COUNTRY),
        ("Unrest spread in Karakalpakstan in July.", "Karakalpakstan", "UZ", GeoPrecision.REGION),
        ("Clashes were reported in Gorno-Badakhshan.", "Gorno-Badakhshan", "TJ", GeoPrecision.REGION),
        ("Police were sent to GBAO after the clashes.", "GBAO", "TJ", GeoPrecision.REGION),
        ("Workers struck in Mangystau over pay.", "Mangystau", "KZ", GeoPrecision.REGION),
        ("Relatives of detainees in Xinjiang protested.", "Xinjiang", "CN", GeoPrecision.REGION),
        ("Rallies were banned in Crimea.", "Crimea", "UA", GeoPrecision.REGION),
        ("Shops were shut across Kashmir.", "Kashmir", "IN", GeoPrecision.REGION),
        ("Demonstrators gathered in the United States and in Britain.", "Britain", "GB", GeoPrecision.COUNTRY),
    ],
)  # fmt: skip
def test_regions_and_countries(
    gaz: Gazetteer, text: str, name: str, country: str, precision: GeoPrecision
) -> None:
    m = only(find_places(text, gaz), name)
    assert (
        m.place.country == country and m.place.precision == precision and m.place.locality is None
    )


def test_paris_texas_versus_paris_france(gaz: Gazetteer) -> None:
    tx = only(find_places("About 50 people rallied in Paris, Texas, on Sunday.", gaz), "Paris")
    assert tx.place.country == "US" and tx.place.admin1 == "Texas"
    fr = only(find_places("Farmers rallied in Paris on Sunday.", gaz), "Paris")
    assert fr.place.country == "FR"


def test_document_country_decides_an_ambiguous_name(gaz: Gazetteer) -> None:
    # Several places are called Oral or Taraz; the Kazakh context picks Kazakhstan's.
    text = "Kazakh activists said police detained five people at a rally in Oral."
    assert only(find_places(text, gaz), "Oral").place.country == "KZ"
    text2 = "Russian police detained several people in Kaliningrad and Sovetsk."
    assert only(find_places(text2, gaz), "Sovetsk").place.country == "RU"


def test_dateline_sets_the_country(gaz: Gazetteer) -> None:
    text = "BISHKEK, May 15 — Hundreds of people gathered on the central square of Kara-Suu."
    ms = toponyms(find_places(text, gaz))
    assert ms[0].text == "BISHKEK" and ms[0].place.country == "KG"
    assert only(ms, "Kara-Suu").place.country == "KG"


def test_context_hint_breaks_ties(gaz: Gazetteer) -> None:
    text = "Several dozen people protested outside the town hall in Victoria on Tuesday."
    hinted = {m.text: m.place.country for m in toponyms(find_places(text, gaz, context="CA"))}
    assert hinted.get("Victoria") == "CA"


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, March 27, the Kazakh Democratic Party held a meeting.",
        "Police said the rally in support of Independence was illegal.",
        "Reading the statement, the Central Election Commission chair said nothing new.",
        "Mamai told reporters that Ablyazov and Tokaev had not responded.",
        "The Democratic Alternative called for calm, Grozin said.",
        "President Tokayev met Xi Jinping on Monday.",
        "Victory Day and Christmas were celebrated quietly.",
        "Human Rights Watch and Amnesty International issued a joint appeal.",
        "The Communist Party of China rejected the report.",
    ],
)
def test_non_places_yield_no_locality(gaz: Gazetteer, text: str) -> None:
    ms = find_places(text, gaz)
    assert [m.text for m in ms if m.place.locality] == []


def test_central_asia_is_not_a_town(gaz: Gazetteer) -> None:
    ms = find_places("Kazakhstan is the largest economy in Central Asia.", gaz)
    assert [m.text for m in ms] == ["Kazakhstan"]


def test_spacy_entities_are_evidence(gaz: Gazetteer) -> None:
    class Ent:
        def __init__(self, s: int, e: int, label: str) -> None:
            self.start_char, self.end_char, self.label_ = s, e, label

    class Doc:
        def __init__(self, ents: list[Ent]) -> None:
            self.ents = ents

    text = "Jordan Peterson spoke in Toronto."
    plain = {m.text for m in find_places(text, gaz)}
    with_doc = {
        m.text for m in find_places(text, gaz, doc=Doc([Ent(0, 15, "PERSON"), Ent(25, 32, "GPE")]))
    }
    assert "Toronto" in plain and "Toronto" in with_doc and "Jordan" not in with_doc


def test_spans_point_into_the_text_and_never_raise(gaz: Gazetteer) -> None:
    text = "«Almaty»… (ALMATY) — 12 000 people; Алматы; \u200bOsh\n\nOsh’s mayor; St.; -; ''"
    for m in find_places(text, gaz):
        assert text[m.span.start : m.span.end] == m.text
        assert 0 <= m.score <= 1
    assert find_places("", gaz) == [] and find_places("   \n", gaz) == []


def test_mentions_are_in_text_order_and_do_not_overlap(gaz: Gazetteer) -> None:
    text = "Rallies in Bosnia and Herzegovina, Rio de Janeiro and Kuala Lumpur drew crowds."
    ms = toponyms(find_places(text, gaz))
    assert [m.text for m in ms] == ["Bosnia and Herzegovina", "Rio de Janeiro", "Kuala Lumpur"]
    assert all(a.span.end <= b.span.start for a, b in zip(ms, ms[1:]))


@pytest.mark.parametrize(
    "sentence, namesake",
    [
        ("ALMATY — Residents gathered near the Abai monument on Saturday.", "Abai"),
        ("Police sealed off Pushkin Square before the rally in Moscow.", "Pushkin"),
        ("Marchers walked down Rustaveli Avenue in Tbilisi to parliament.", "Rustaveli"),
        ("Students rallied outside the Kazan Cathedral in St. Petersburg.", "Kazan"),
        ("A crowd filled Washington Square Park in New York on Sunday.", "Washington"),
    ],
)  # fmt: skip
def test_a_landmark_named_after_a_place_is_not_that_place(
    gaz: Gazetteer, sentence: str, namesake: str
) -> None:
    assert not [m for m in find_places(sentence, gaz) if m.text == namesake]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Hundreds rallied in Kyiv's Independence Square on Sunday.", "Kyiv"),
        ("Protesters marched from Almaty to the square outside the akimat.", "Almaty"),
    ],
)  # fmt: skip
def test_a_place_before_a_landmark_of_its_own_is_kept(gaz: Gazetteer, sentence: str, name: str) -> None:
    assert [m for m in find_places(sentence, gaz) if m.text == name]


@pytest.mark.parametrize(
    "sentence, name, locality",
    [
        ("The organisers said they had notified the Yerevan municipality.", "Yerevan", "Yerevan"),
        ("A spokesman for the Tbilisi city government declined to comment.", "Tbilisi", "Tbilisi"),
        ("Minsk city authorities refused to approve the march.", "Minsk", "Minsk"),
        ("Residents complained to the Bangkok metropolitan administration.", "Bangkok", "Bangkok"),
    ],
)  # fmt: skip
def test_a_city_level_unit_named_with_a_type_word_is_the_city(
    gaz: Gazetteer, sentence: str, name: str, locality: str
) -> None:
    m = next(m for m in find_places(sentence, gaz) if m.text.startswith(name))
    assert m.place.locality == locality and m.place.admin1 == locality
    assert m.place.precision == GeoPrecision.LOCALITY


def test_a_region_named_after_its_capital_stays_a_region(gaz: Gazetteer) -> None:
    m = only(find_places("Villagers in the Naryn region blocked a road.", gaz), "Naryn")
    assert m.place.admin1 == "Naryn" and m.place.locality is None
    assert m.place.precision == GeoPrecision.REGION
