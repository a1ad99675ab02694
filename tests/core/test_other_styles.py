"""Mechanisms for news styles beyond the demo's: live blogs, police statements, court stories,
roundups, business-desk strike reports.  Each case is a short invented text with varied phrasing."""


import pytest

from .conftest import code, keys


CASES = [
    # a definite mention of the protest whose date belongs to another verb joins the event told before
    pytest.param(
        "Bus drivers in Bucharest stopped work on Thursday and marched to the transport company's "
        "headquarters.\n\nThe walkout was called by the drivers' union after pay talks broke down "
        "two weeks ago.",
        "2024-11-29", [("2024-11-28", "Bucharest", "occurred")], id="definite-mention-other-verb-date",
    ),
    pytest.param(
        "Several hundred vendors rallied in Accra on Monday against new stall fees.\n\nThe rally was "
        "organised by a traders' association which also opposes a levy introduced in last month's budget.",
        "2023-06-07", [("2023-06-05", "Accra", "occurred")], id="possessive-date-of-another-thing",
    ),
    # a definite mention with its own, finer date refines the coarser date told before
    pytest.param(
        "A court in Tunis jailed two students for their part in an unauthorised sit-in outside the "
        "interior ministry in October 2022.\n\nProsecutors said the pair led the sit-in on 12 October "
        "2022 and refused to leave.",
        "2024-02-20", [("2022-10-12", "Tunis", "occurred")], id="finer-date-refines",
    ),
    # live-blog entries: undated reports of the same town are one event
    pytest.param(
        "16:30 - A summary: crowds marched in Lusaka, where police fired tear gas.\n\n"
        "13:05 - Police have fired tear gas at protesters near Cairo Road in Lusaka.\n\n"
        "10:40 - Protesters are gathering in Lusaka after a call by opposition youth groups.",
        "2025-05-20", [("2025-05-20", "Lusaka", "occurred")], id="live-blog-one-town",
    ),
    # an undated rally and the road block that broke away from it in the next paragraph: one event
    pytest.param(
        "About 3,000 people rallied on Rothschild Boulevard in Tel Aviv on Saturday night.\n\n"
        "Later, several hundred demonstrators blocked the coastal highway and lit bonfires.",
        "2024-02-11", [("2024-02-10", "Tel Aviv", "occurred")], id="breakaway-road-block",
    ),
    # a vigil tied to the lead's news by "as the verdict was read" takes the lead's day
    pytest.param(
        "CAIRO - A court in Cairo on Tuesday sentenced four doctors for spreading false news.\n\n"
        "The defence said it would appeal.\n\n"
        "About 40 colleagues stood outside the court in Cairo as the verdict was read, holding photographs of "
        "the four and calling for their release. Police watched the protest but did not intervene.",
        "2024-03-13", [("2024-03-12", "Cairo", "occurred")], id="vigil-on-verdict-day",
    ),
    # vehicles across a road are a blockade
    pytest.param(
        "Hundreds of truckers parked their lorries across the ring road in Sofia on Wednesday to "
        "demand lower fuel taxes.",
        "2023-09-14", [("2023-09-13", "Sofia", "occurred")], id="vehicles-across-road",
    ),
    # property damage without the usual riot words
    pytest.param(
        "Dozens of angry customers smashed the glass doors of a power company office in Karachi on "
        "Friday, demanding the end of daily blackouts. Police said the protesters "
        "dispersed within an hour.",
        "2024-07-06", [("2024-07-05", "Karachi", "occurred")], id="smashed-doors",
    ),
    # a negated protest verb is no protest
    pytest.param(
        "The union said its members held no meeting in Sarajevo on Monday. \"Nobody blocked a road and "
        "nobody marched,\" its lawyer said.",
        "2024-04-10", [], id="negated-verbs",
    ),
    # a threat conditional on the authorities' response is not a planned protest
    pytest.param(
        "The farmers' council said its members would block the border crossings near Arica on June 3 "
        "if the ministry did not answer their letter.",
        "2024-05-20", [], id="conditional-threat",
    ),
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_case(pipeline, text, published, expected):
    assert keys(code(pipeline, text, published)) == expected


def test_vandalism_form_and_violence(pipeline):
    (e,) = code(pipeline, "About 50 depositors smashed the windows of two bank branches in Tripoli on "
                          "Monday, demanding access to their frozen savings. The protesters left before "
                          "police arrived.", "2024-01-16")
    assert e.form.value == "vandalize" and e.protester_violence is True


def test_burning_tyres_as_a_barricade_are_not_violence(pipeline):
    (e,) = code(pipeline, "Hundreds of residents blocked the airport road in Goma with burning tyres "
                          "and stones on Thursday to protest against water cuts.", "2023-11-03")
    assert e.form.value == "obstruct" and e.protester_violence is None


def test_disputed_violence_is_not_established(pipeline):
    (e,) = code(pipeline, "Thousands of nurses marched in Quito on Tuesday to demand back pay. Police "
                          "said 9 people were detained for throwing stones at officers; the nurses' "
                          "union said those held were peaceful marchers.", "2024-08-14")
    assert e.form.value == "demonstrate" and e.protester_violence is None


def test_looting_of_the_country_is_not_a_riot(pipeline):
    (e,) = code(pipeline, "In 2019, tens of thousands of protesters rallied in Beirut for weeks, "
                          "denouncing what they called the looting of the country.", "2024-05-01")
    assert e.form.value != "riot"
