from __future__ import annotations

import pytest

from protestwatch.geo.details import find_location_details
from protestwatch.model import Span


def details(sentence: str) -> list[str]:
    found = find_location_details(sentence, Span(0, len(sentence)))
    for f in found:
        assert sentence[f.span.start : f.span.end] == f.value
    return [f.value for f in found]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In the square in front of the Kazakh National Academy of Sciences in Almaty, some 200 to "
         "300 people held a rally.", "the square in front of the Kazakh National Academy of Sciences"),
        ("Several hundred people rallied outside parliament on Tuesday.", "outside parliament"),
        ("Some protests were held near the Chinese embassy and consulate in Kazakhstan.",
         "near the Chinese embassy and consulate"),
        ("Villagers gathered in front of the regional administration demanding compensation.",
         "in front of the regional administration"),
        ("Drivers blocked traffic on the main highway to the airport for three hours.",
         "on the main highway to the airport"),
        ("About 40 workers staged a sit-in at the Tengiz oil field.", "the Tengiz oil field"),
        ("Mothers held a vigil outside the Ministry of Justice in Tbilisi.",
         "outside the Ministry of Justice"),
        ("Crowds gathered on Independence Square late on Sunday.", "on Independence Square"),
        ("Students picketed the university's main gate for a week.", "the university's main gate"),
        ("Dozens of traders protested at the central bazaar in Osh.", "the central bazaar"),
    ],
)  # fmt: skip
def test_location_details(sentence: str, expected: str) -> None:
    assert expected in details(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The police said the protest was peaceful.",
        "Organisers expect thousands of people to join next week.",
        "The ministry said the rally had not been authorised.",
    ],
)
def test_no_location_detail(sentence: str) -> None:
    assert details(sentence) == []


def test_span_limits_the_search_and_offsets_are_absolute() -> None:
    text = "They met outside the town hall. Later they marched to the regional administration."
    second = Span(32, len(text))
    found = find_location_details(text, second)
    assert [f.value for f in found] == ["the regional administration"]
    assert text[found[0].span.start : found[0].span.end] == "the regional administration"
    assert find_location_details(text, Span(0, 0)) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Supporters will march on Friday from Liberty Square to Republic Square in Yerevan.",
         "from Liberty Square to Republic Square"),
        ("In Paris the march set off from Place d'Italie towards Place de la Bastille at noon.",
         "from Place d'Italie towards Place de la Bastille"),
        ("Mourners gathered at the crossroads on Bulevar kralja Aleksandra, then walked to the "
         "City Assembly.",
         "the crossroads on Bulevar kralja Aleksandra, then walked to the City Assembly"),
        ("Hundreds gathered outside the parliament building on Rustaveli Avenue on Monday.",
         "outside the parliament building on Rustaveli Avenue"),
        ("Mothers of the disappeared filled the Plaza de Mayo on Thursday.", "the Plaza de Mayo"),
        ("Students marched along Jalan Thamrin to the presidential palace.",
         "Jalan Thamrin to the presidential palace"),
        ("Tenants staged sit-ins outside district administrations across the city.",
         "outside district administrations"),
    ],
)  # fmt: skip
def test_routes_head_first_names_and_compound_landmarks(sentence: str, expected: str) -> None:
    found = find_location_details(sentence, Span(0, len(sentence)))
    assert found and found[0].value == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister travelled from Paris to Berlin for talks on Monday.",
        "Prices rose from May to June, the statistics office said.",
    ],
)
def test_routes_need_landmarks(sentence: str) -> None:
    found = find_location_details(sentence, Span(0, len(sentence)))
    assert not any(" to " in f.value for f in found)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("About 60 drivers honked their way in a motorcade through the city centre on Saturday.",
         "through the city centre"),
        ("Students poured onto the central square in the evening.", "onto the central square"),
        ("Riot police surrounded Freedom Square before noon.", "Freedom Square"),
        ("Villagers blocked the Osh–Batken highway for six hours.", "the Osh–Batken highway"),
        ("A few dozen students from several universities held a sit-in outside the House of "
         "Representatives (DPR) complex in Senayan.", "outside the House of Representatives (DPR) complex"),
    ],
)  # fmt: skip
def test_more_location_details(sentence: str, expected: str) -> None:
    assert details(sentence)[:1] == [expected]


@pytest.mark.parametrize(
    "sentence, wrong",
    [
        ("Activists tried to take their protest to the streets, but police surrounded Pushkin "
         "Square.", "the streets"),
        ("Thousands of students of Makerere University marched to parliament.", "Makerere University"),
        ("Nurses from three hospitals rallied outside the health ministry.", "three hospitals"),
        ("Police took the picketer to a police station for a document check.", "a police station"),
        ("The two men were taken to the district court the next day.", "the district court"),
    ],
)  # fmt: skip
def test_not_where_the_crowd_was(sentence: str, wrong: str) -> None:
    assert wrong not in details(sentence)


def test_a_refused_phrase_does_not_leave_its_name_behind() -> None:
    assert "Shirak regional court" not in details(
        "Judge Aram Petrosyan of the Shirak regional court found that the men blocked the road.")
    assert "Bello University" not in details("Police shot at students of Ahmadu Bello University in Zaria.")
