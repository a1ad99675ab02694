"""Which date an event gets when a sentence holds several (end to end, invented articles)."""

from .conftest import code


def test_a_since_date_of_another_clause_is_not_the_protest_date(pipeline) -> None:
    text = (
        "MAPUTO, May 10 — Nurses at the central hospital walked out on Thursday.\n\n"
        "Several hundred nurses gathered at the gate in the morning, chanting that they had not "
        "been paid since February."
    )
    events = code(pipeline, text, published="2024-05-10")
    assert [(e.date_start.isoformat(), e.date_end.isoformat()) for e in events] == [
        ("2024-05-09", "2024-05-09")
    ]
    strike = code(pipeline, "Three dockers have been on hunger strike outside the port gate in "
                            "Beira since May 2.", published="2024-05-10")  # fmt: skip
    assert strike[0].date_start.isoformat() == "2024-05-02"


def test_a_paragraph_that_opens_with_the_day_dates_the_next_one(pipeline) -> None:
    text = (
        "Last Saturday afternoon, the centre of Lima was loud.\n\n"
        "Thousands of teachers marched along Avenida Abancay, demanding a pay rise.\n\n"
        "The Wednesday vigil of the miners' widows has been held outside the ministry for more "
        "than ten years."
    )
    events = code(pipeline, text, published="2024-05-16")
    assert [e.date_start.isoformat() for e in events] == ["2024-05-11"]


def test_a_relative_clause_has_its_own_date_and_place(pipeline) -> None:
    text = ("Emotions ran high in Techiman on Saturday when the burial of Kofi Mensah, who his family "
            "says was shot by guards in Konongo last month, turned into a protest as hundreds "
            "of mourners chanted slogans.")  # fmt: skip
    events = code(pipeline, text, published="2023-09-20")
    assert [(e.date_start.isoformat(), e.locality) for e in events] == [("2023-09-16", "Techiman")]


def test_the_same_day_is_the_day_told_last(pipeline) -> None:
    text = (
        "Lusaka, 22 November 2024\n\n"
        "The Zambia Rights Watch condemns the arrest of 30 students in Lusaka on Tuesday, "
        "19 November, as they made their way to parliament.\n\n"
        "The same day, students of Kabwe University walked out of lectures and gathered at the "
        "main gate with placards against the fee rise."
    )
    events = code(pipeline, text, published="2024-11-22")
    kabwe = [e for e in events if e.locality == "Kabwe"]
    assert [e.date_start.isoformat() for e in kabwe] == ["2024-11-19"]


def test_the_protest_named_again_with_its_town_is_the_same_event(pipeline) -> None:
    text = (
        "Production at the cable plant in Gebze has stopped since Monday, when 900 workers went on "
        "strike over wages.\n\n"
        "The company called the strike unlawful and filed a suit at the Gebze labour court."
    )
    events = code(pipeline, text, published="2024-06-14")
    assert len(events) == 1
