"""An event whose own sentences carry no date takes one told just before, in a sentence of the
same paragraph tied to the same scene (same place, a gathering, the police deployed), within the
codebook's current window; a date of a ruling, a statement's release or another event does not."""


import pytest

from .conftest import code

POSITIVE = [
    pytest.param(
        "On Saturday 5 October, officers were deployed to Alsancak Square in Izmir in response to a "
        "gathering of about 3,000 people. The demonstrators chanted slogans against the water tariff "
        "rise and marched towards the governor's office.",
        "2024-10-07", "2024-10-05", "Izmir", id="police-deployed-before",
    ),
    pytest.param(
        "Wednesday's events began at 7 a.m. when buses carrying dock workers arrived at the port gates "
        "in Mombasa. Hundreds of workers then marched to the county offices to demand back pay.",
        "2024-03-08", "2024-03-06", "Mombasa", id="possessive-weekday-events",
    ),
    pytest.param(
        "Riot police sealed off the main square of Cluj-Napoca early on Thursday, 14 November. "
        "Several hundred students protested against the tuition increase outside the university.",
        "2024-11-17", "2024-11-14", "Cluj-Napoca", id="riot-police-sealed-square",
    ),
    pytest.param(
        "A crowd began to form in front of the town hall of Braga on the evening of 2 May. By nine "
        "o'clock, about 800 residents were protesting against the closure of the maternity ward.",
        "2024-05-05", "2024-05-02", "Braga", id="crowd-formed-evening",
    ),
]


@pytest.mark.parametrize(("text", "published", "date", "town"), POSITIVE)
def test_date_from_preceding_scene_sentence(pipeline, text, published, date, town):
    events = code(pipeline, text, published)
    assert [(e.date_start.isoformat(), e.locality) for e in events] == [(date, town)]


NEGATIVE = [
    pytest.param(
        "The constitutional court ruled on 3 September that the mining licence was lawful. Hundreds "
        "of villagers protested outside the regional administration in Cajamarca, chanting slogans "
        "against the mine.",
        "2024-09-20", "2024-09-03", id="court-ruling-date",
    ),
    pytest.param(
        "The interior ministry released a statement on Monday, 9 December, about security in Tbilisi. "
        "Thousands of people rallied outside parliament, demanding new elections.",
        "2024-12-20", "2024-12-09", id="statement-release-date",
    ),
    pytest.param(
        "On 2 February, officers were deployed to the main square of Sofia in response to a gathering "
        "of farmers. Hundreds of farmers protested against cheap grain imports in Sofia.",
        "2024-03-20", "2024-02-02", id="outside-window",
    ),
]


@pytest.mark.parametrize(("text", "published", "wrong"), NEGATIVE)
def test_unrelated_or_old_date_not_taken(pipeline, text, published, wrong):
    events = code(pipeline, text, published)
    assert all(e.date_start is None or e.date_start.isoformat() != wrong for e in events)


def test_date_of_another_coded_event_not_taken(pipeline):
    text = (
        "Police were deployed around Syntagma Square in Athens on Tuesday, 10 September, as taxi "
        "drivers rallied against a new licence fee.\n\n"
        "Officers were also deployed near the port of Piraeus. Dockers protested against "
        "privatisation of the port in Piraeus."
    )
    events = code(pipeline, text, "2024-09-12")
    athens = [e for e in events if e.locality == "Athens"]
    assert [e.date_start.isoformat() for e in athens] == ["2024-09-10"]
    piraeus = [e for e in events if e.locality == "Piraeus"]
    assert all(e.date_start is None or e.date_start.isoformat() != "2024-09-12" for e in piraeus)

