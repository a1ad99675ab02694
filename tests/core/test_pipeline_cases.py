"""End-to-end cases: short articles in varied news phrasings, with the events the codebook
expects (count, date, place, status).  Each is written to test one mechanism, not one article."""

import datetime as dt

import pytest

from protestwatch.model import Article

from .conftest import code, keys

# (text, published, expected events as (date_start, locality or country, status))
CASES = [
    pytest.param(
        "Hundreds of nurses marched through central Nairobi on Tuesday to demand unpaid allowances. "
        "Police fired tear gas to break up the march near parliament.",
        "2024-06-12", [("2024-06-11", "Nairobi", "occurred")], id="wire-lead",
    ),
    pytest.param(
        "LIMA, March 4 (Andes Wire) — Thousands of farmers blocked highways in Puno and Cusco on "
        "Monday to protest against a new water law.\n\nThe blockades continued into the evening.",
        "2023-03-04", [("2023-02-27", "Puno", "occurred"), ("2023-02-27", "Cusco", "occurred")],
        id="two-cities-listed",
    ),
    pytest.param(
        "Teachers' unions said they will hold a rally outside the education ministry in Bishkek on "
        "Friday to demand higher salaries.",
        "2022-10-05", [("2022-10-07", "Bishkek", "planned")], id="planned-on-friday",
    ),
    pytest.param(
        "Police detained at least 15 activists on their way to Independence Square in Minsk on "
        "Sunday, preventing a planned anti-war protest from taking place. The square was cordoned "
        "off for the whole day.",
        "2022-03-01", [("2022-02-27", "Minsk", "prevented")], id="prevented-detained-on-the-way",
    ),
    pytest.param(
        "The striker protested to the referee after the penalty was awarded in the 88th minute, "
        "but the goal stood and the home side won 2-1 in Belgrade on Saturday.",
        "2023-04-02", [], id="football-protest",
    ),
    pytest.param(
        "The foreign ministry summoned the Chinese ambassador on Monday to protest against the "
        "detention of two citizens in Urumqi.",
        "2021-05-11", [], id="diplomatic-protest",
    ),
    pytest.param(
        "Shares in the copper miner rallied 6 percent in London on Thursday after it struck a deal "
        "to sell its stake in a Chilean mine.",
        "2024-01-19", [], id="market-rally",
    ),
    pytest.param(
        "Protests over fuel prices are frequent in the region, analysts say, and the government "
        "has often backed down in the past.",
        "2024-01-19", [], id="habitual",
    ),
    pytest.param(
        "A lone pensioner held a single-person picket outside the regional administration in "
        "Oral on Wednesday, holding a sign that read 'Give us back our savings'.",
        "2021-11-26", [("2021-11-24", "Oral", "occurred")], id="single-person-picket",
    ),
    pytest.param(
        "About 2,000 people rallied in Tbilisi on Saturday against the bill. Smaller rallies took "
        "place the same day in Batumi and Kutaisi.",
        "2024-05-13", [("2024-05-11", "Tbilisi", "occurred"), ("2024-05-11", "Batumi", "occurred"),
                       ("2024-05-11", "Kutaisi", "occurred")],
        id="same-day-elsewhere",
    ),
    pytest.param(
        "Residents of Zhanaozen gathered in the central square on Monday to demand lower gas "
        "prices. The town was the scene of deadly unrest in December 2011, when police opened fire "
        "on striking oil workers.",
        "2022-01-04", [("2022-01-03", "Zhanaozen", "occurred"), ("2011-12-01", "Zhanaozen", "occurred")],
        id="current-and-background",
    ),
    pytest.param(
        "An online petition demanding the resignation of the mayor of Almaty has gathered more "
        "than 40,000 signatures since it was launched last week.",
        "2022-06-01", [], id="online-petition",
    ),
    pytest.param(
        "Miners at the Kumtor gold mine went on strike on Monday, demanding a 30 percent pay rise. "
        "About 300 of them gathered outside the company's office in the nearby town of Balykchy.",
        "2023-08-09", [("2023-08-07", "Balykchy", "occurred")], id="strike-near-town",
    ),
    pytest.param(
        "Opposition supporters clashed with police in Dhaka on Sunday, throwing stones and setting "
        "fire to two buses. Police responded with rubber bullets and tear gas; 30 people were injured.",
        "2023-10-30", [("2023-10-29", "Dhaka", "occurred")], id="riot",
    ),
    pytest.param(
        "Roundup: protests around the world this week.\n\n"
        "In Colombia, several hundred truck drivers blocked roads near Bucaramanga on Monday over "
        "diesel prices.\n\n"
        "In Kenya, police used tear gas on Wednesday to disperse students marching in Eldoret.\n\n"
        "In Poland, thousands of women marched in Warsaw on Friday to defend abortion rights.",
        "2023-09-09",
        [("2023-09-04", "Bucaramanga", "occurred"), ("2023-09-06", "Eldoret", "occurred"),
         ("2023-09-08", "Warsaw", "occurred")],
        id="roundup-several-countries",
    ),
    pytest.param(
        "10:42 — Crowds are building outside the presidential palace in Colombo.\n\n"
        "11:15 — Police have fired water cannon at protesters trying to push through the barricades "
        "outside the palace.\n\n"
        "12:03 — Organisers say at least 10,000 people have joined the demonstration.",
        "2022-07-09", [("2022-07-09", "Colombo", "occurred")], id="live-blog",
    ),
    pytest.param(
        "In the city of Osh yesterday took place a picket of market traders who are against the new "
        "tax rules. The participants of the action, about 50 persons, demanded a meeting with the "
        "mayor of the city.",
        "2021-02-16", [("2021-02-15", "Osh", "occurred")], id="translated-style",
    ),
    pytest.param(
        "The trial of six activists accused of organising an unauthorised rally in Almaty in "
        "January 2022 opened on Monday. Supporters of the defendants gathered outside the court "
        "building holding placards.",
        "2023-03-14",
        [("2022-01-01", "Almaty", "occurred"), ("2023-03-13", "Almaty", "occurred")],
        id="trial-reveals-background",
    ),
    pytest.param(
        "The nurses' union has threatened to strike unless the government raises salaries, but no "
        "date has been set.",
        "2023-05-02", [], id="threat-without-date",
    ),
    pytest.param(
        "Tens of thousands of people marched through Santiago, Valparaiso and Concepcion on "
        "Saturday in the largest pension protest in years.",
        "2021-08-30",
        [("2021-08-28", "Santiago", "occurred"), ("2021-08-28", "Valparaíso", "occurred"),
         ("2021-08-28", "Concepción", "occurred")],
        id="three-cities-without-accents",
    ),
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_case(pipeline, text, published, expected):
    assert keys(code(pipeline, text, published)) == sorted(expected)


def test_riot_is_coded_as_riot_with_injuries(pipeline):
    (event,) = code(pipeline, CASES[13].values[0], "2023-10-30")
    assert event.form.value == "riot"
    assert event.acled_sub_event_type.value == "Violent demonstration"
    assert event.injuries == 30


def test_background_report_is_background(pipeline):
    events = code(pipeline, CASES[10].values[0], "2022-01-04")
    reports = {str(e.date_start): e.report.value for e in events}
    assert reports == {"2022-01-03": "current", "2011-12-01": "background"}


def test_every_value_has_evidence_inside_the_text(pipeline):
    text = CASES[0].values[0]
    (event,) = code(pipeline, text, "2024-06-12")
    assert {"event", "date_start", "country", "size_text", "force"} <= set(event.evidence)
    for spans in event.evidence.values():
        for ev in spans:
            assert 0 <= ev.start < ev.end <= len(text)
    (size,) = event.evidence["size_text"]
    assert "Hundreds" in text[size.start : size.end]


def test_an_error_inside_a_stage_fails_one_article_not_the_batch(pipeline, monkeypatch):
    coder = pipeline.coders["en"]
    good = Article(text=CASES[0].values[0], id="good", published=dt.date(2024, 6, 12), language="en")
    bad = Article(text=CASES[8].values[0], id="bad", published=dt.date(2021, 11, 26), language="en")
    real_code = coder.code

    def flaky(article, doc=None):
        if article.id == "bad":
            raise RuntimeError("stage exploded")
        return real_code(article, doc)

    monkeypatch.setattr(coder, "code", flaky)
    results = {r.article.id: r for r in pipeline.process_many([bad, good])}
    assert results["bad"].state == "failed" and "stage exploded" in results["bad"].reason
    assert results["good"].state == "done" and results["good"].events


# Announced protests, in varied phrasings: each is one planned event at its future date.
PLANNED = [
    ("Opposition parties in Dhaka have called a nationwide general strike for Sunday to press for "
     "the release of jailed leaders.", "2023-11-01", ("2023-11-05", "Dhaka", "strike")),
    ("Health workers in Lagos will hold a protest march on Monday over unpaid salaries, their union "
     "said on Thursday.", "2024-03-07", ("2024-03-11", "Lagos", "demonstrate")),
    ("The organisers said the rally in Yerevan, planned for 12 June, would go ahead despite the ban.",
     "2024-06-05", ("2024-06-12", "Yerevan", "demonstrate")),
    ("A protest against the dam is scheduled to take place in Sulaymaniyah on Friday afternoon.",
     "2022-09-14", ("2022-09-16", "Sulaymaniyah", "demonstrate")),
    ("Student groups in Santiago announced a march on the presidential palace for Thursday, March 21.",
     "2024-03-18", ("2024-03-21", "Santiago", "demonstrate")),
    ("Taxi drivers in Nairobi have vowed to stage a go-slow on Mombasa Road on Tuesday unless fuel "
     "prices fall.", "2023-07-06", ("2023-07-11", "Nairobi", "strike")),
    ("Activists in Tbilisi are planning a candlelight vigil outside parliament on Saturday evening.",
     "2024-04-17", ("2024-04-20", "Tbilisi", "demonstrate")),
]


@pytest.mark.parametrize("text, published, expected", PLANNED)
def test_planned(pipeline, text, published, expected):
    (event,) = code(pipeline, text, published)
    assert (str(event.date_start), event.locality, event.form.value) == expected
    assert event.status.value == "planned" and event.acled_sub_event_type is None
