"""Arrests, injuries and fatalities (codebook §2, §3.4–3.6)."""

from __future__ import annotations

import pytest

from protestwatch.extract.counts import find_arrests, find_fatalities, find_injuries, is_multi_site
from protestwatch.model import Span


def whole(text: str) -> list[Span]:
    return [Span(0, len(text))]


def arrests(text: str) -> list[tuple[int | None, int | None]]:
    return [(f.value.low, f.value.high) for f in find_arrests(text, whole(text))]


ARRESTS = [
    # the founding example
    ("Although Saturday's rally was approved by the authorities, the organizer of the rally, "
     "journalist Mamai, still criticized the authorities for obstructing the rally, and many "
     "participants were arrested.", [(2, None)]),
    ("22 people were detained, police said.", [(22, 22)]),
    ("Police arrested at least 20 demonstrators outside the parliament in Tbilisi.", [(20, None)]),
    ("Several activists were detained on their way to the square.", [(3, 9)]),
    ("Dozens were detained in Minsk on Sunday evening.", [(24, 99)]),
    ("About 500 people were detained across the country.", [(500, 500)]),
    # "no arrests were reported" says nothing was reported, not that nobody was held
    ("No arrests were reported.", [(None, None)]),
    ("There were no reports of arrests.", [(None, None)]),
    ("No detentions were reported in any of the three cities.", [(None, None)]),
    ("No one was detained during the picket in Semey.", [(0, 0)]),
    ("Police detained the organiser shortly before the rally began.", [(1, 1)]),
    ("The two activists were detained and later fined.", [(2, 2)]),
    ("Police made 37 arrests as the march reached the ring road.", [(37, 37)]),
    ("The arrest of 15 activists in Bishkek sparked outrage.", [(15, 15)]),
    ("Mamai was detained on Sunday, his lawyer said.", [(1, 1)]),
    ("Some 300 people rallied and police detained 20 of them.", [(20, 20)]),
    ("Both organisers were taken into custody.", [(2, 2)]),
    ("Police detained protesters and took them to a police station.", [(2, None)]),
    ("In total, 1,200 people have been detained since the protests began.", [(1200, 1200)]),
    ("More than 100 people were arrested in Kampala, a police spokesman said.", [(101, None)]),
    ("Officers rounded up about 40 students outside the university gates.", [(40, 40)]),
    ("Three journalists covering the protest were briefly detained.", [(3, 3)]),
    ("Police in Hong Kong said they had arrested 86 people, including a 12-year-old.",
     [(86, 86)]),
    ("A blogger who filmed the rally was detained by plain-clothes officers.", [(1, 1)]),
    ("Nobody was arrested, and the crowd dispersed peacefully.", [(0, 0)]),
    ("There were no detentions, according to the interior ministry.", [(0, 0)]),
    ("Police said 22 were detained while organisers put the number at 40.", [(22, 22)]),
    ("Up to 30 picketers were bundled into police vans.", [(None, 30)]),
    # taken to a police station
    ("Officers took the two students to a police station in an unmarked car.", [(2, 2)]),
    ("Police took them to the district station for questioning.", [(2, None)]),
    ("Police nevertheless took the pensioner away in a van.", [(1, 1)]),
    # a local share of a national count outranks the total (codebook §3.4)
    ("Officials said 45 people had been arrested nationwide, 38 of them in Valparaiso.",
     [(38, 38)]),
    ("In all 120 protesters were detained across the country, 70 of them in Lagos.", [(70, 70)]),
]


@pytest.mark.parametrize("text, expected", ARRESTS)
def test_finds_arrests(text: str, expected: list[tuple[int | None, int | None]]) -> None:
    assert arrests(text) == expected


NOT_ARRESTS = [
    "Police threatened to arrest anyone who joined the rally.",
    "The protesters were not detained.",
    "Participants could face arrest, officials warned.",
    "Some 200 to 300 people held a rally in Almaty.",
    "The court sentenced him to 15 days in 2019.",
    "Organisers feared that activists would be detained on the way.",
    "Police did not detain anyone.",
    # generic statements
    "Detaining people on their way to a protest is incompatible with the covenant.",
    "Arresting protesters before a rally begins violates the constitution.",
    # "took" alone is not an arrest
    "Police took the protesters' placards and banners.",
    "Medics took the injured woman to hospital.",
]


@pytest.mark.parametrize("text", NOT_ARRESTS)
def test_not_arrests(text: str) -> None:
    found = arrests(text)
    assert found in ([], [(0, 0)]), found
    if "did not detain" not in text:
        assert found == []


def test_arrest_text_keeps_the_words_and_points_into_the_article() -> None:
    text = "The rally was approved. Many participants were arrested."
    (finding,) = find_arrests(text, [Span(24, len(text))])
    assert finding.value.text == "Many participants were arrested"
    assert finding.span.text(text) == finding.value.text


def test_active_arrest_text_includes_the_verb() -> None:
    text = "Police arrested at least 20 demonstrators outside the parliament."
    (finding,) = find_arrests(text, whole(text))
    assert finding.value.text == "arrested at least 20 demonstrators"


@pytest.mark.parametrize(
    "text",
    ["2. disclose the whereabouts of the men detained on Monday;",
     "3) release everyone detained after the rally.",
     "4. Five activists were detained at the march."],
)  # fmt: skip
def test_list_numbers_are_not_counts(text: str) -> None:
    marker = int(text[0])
    assert (marker, marker) not in arrests(text)


PERSON_ARRESTS = [
    "Police nevertheless took her to a station, where she was held for two hours.",
    "Officers took the activist to a police station, where he was held overnight.",
    "She was held for five hours at the district police department before being released.",
]


@pytest.mark.parametrize("text", PERSON_ARRESTS)
def test_one_person_taken_or_held(text: str) -> None:
    found = arrests(text)
    assert found and set(found) == {(1, 1)}


ARREST_WORDS = [
    ("On Thursday, police detained five members of the unregistered movement El Tiregi on their "
     "way to a rally.", "detained five members of the unregistered movement El Tiregi"),
    ("Police arrested 12 members of the banned Hizb party in Osh.",
     "arrested 12 members of the banned Hizb party"),
]


@pytest.mark.parametrize("text, words", ARREST_WORDS)
def test_arrest_noun_phrase_reads_past_adjectives(text: str, words: str) -> None:
    (finding,) = find_arrests(text, whole(text))
    assert finding.value.text == words


def test_multi_site_counts_keep_the_scope() -> None:
    text = "About 500 people were detained across the country."
    (finding,) = find_arrests(text, whole(text))
    assert finding.value.text.endswith("across the country")
    assert is_multi_site(finding.value.text)
    assert not is_multi_site("22 people were detained")


INJURIES = [
    ("More than 20 people were injured and three were killed.", [21]),
    ("Police used tear gas, injuring at least 12 people.", [12]),
    ("A policeman was injured by a stone.", [1]),
    ("There were no casualties.", [0]),
    ("Dozens were injured in clashes with police.", []),
    ("Hundreds were hurt as police charged the crowd.", []),
    ("Fourteen protesters were taken to hospital with breathing problems.", [14]),
    ("The clashes left 35 people injured, the health ministry said.", [35]),
    ("No injuries were reported.", []),
    ("Nobody was hurt, the police said.", [0]),
    # medical treatment
    ("At least eight protesters received medical treatment for the effects of tear gas.", [8]),
    ("Five demonstrators needed hospital treatment after the march in Kampala.", [5]),
    ("Twelve marchers were treated for injuries after the protest.", [12]),
    # the injury that the protest is about
    ("Hundreds rallied in Lima after 30 people were injured in a mine collapse.", []),
    ("About 40 police officers were wounded, the interior ministry said.", [40]),
    ("Protesters feared they could be injured if police charged.", []),
]


@pytest.mark.parametrize("text, expected", INJURIES)
def test_finds_injuries(text: str, expected: list[int]) -> None:
    assert [f.value for f in find_injuries(text, whole(text))] == expected


FATALITIES = [
    ("More than 20 people were injured and three were killed.", [3]),
    ("Security forces killed three protesters in Khartoum.", [3]),
    ("One person died in hospital.", [1]),
    ("The death toll rose to 14 on Monday.", [14]),
    ("There were no casualties.", [0]),
    ("Dozens were killed, according to rights groups.", []),
    ("At least 7 demonstrators were shot dead in Mandalay.", [7]),
    ("Troops opened fire, killing two people.", [2]),
    ("A protester died after being hit by a tear-gas canister.", [1]),
    ("No one was killed, police said.", [0]),
    ("Up to 10 people may have died, activists said.", []),
    ("Police opened fire on the crowd after the rally, killing two.", [2]),
    ("Two students were killed when police opened fire on the march.", [2]),
    # the death that the protest is about (a grievance, not a casualty of the event)
    ("Residents rallied outside the administration after a local man was killed in a police raid.",
     []),
    ("Thousands marched in Quetta over the deaths of three miners in the collapse.", []),
    ("Hundreds gathered at the junction where two cyclists were killed by a truck last week.", []),
    ("Protesters demanded justice for the 14 people killed in the fire.", []),
    ("Relatives protested following the death of a teenager in police custody.", []),
    # an age is not a count
    ("Daler Nazarov, 24, died in a police cell on Friday, and a protest followed.", [1]),
    ("Bakhyt Omarov, 52, was killed when troops fired on the crowd.", [1]),
]


@pytest.mark.parametrize("text, expected", FATALITIES)
def test_finds_fatalities(text: str, expected: list[int]) -> None:
    assert [f.value for f in find_fatalities(text, whole(text))] == expected


def test_counts_only_read_the_event_sentences() -> None:
    text = "In 2016, 40 people were detained. On Saturday 5 people were detained."
    found = find_arrests(text, [Span(34, len(text))])
    assert [(f.value.low, f.value.high) for f in found] == [(5, 5)]
