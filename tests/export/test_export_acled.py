"""The ACLED-style CSV export: columns, conventions, notes and CSV safety."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from protestwatch.export import ACLED_COLUMNS, acled_row, export_events
from protestwatch.export.acled import event_number, neutralise
from protestwatch.export.countries import acled_region, country_centroid, country_name
from protestwatch.export.notes import date_phrase
from protestwatch.model import (
    ActorType,
    Article,
    DatePrecision,
    Event,
    Force,
    Form,
    GeoPrecision,
    Organizer,
    Participant,
    Source,
    Status,
    SubEventType,
    Tactic,
)

STAMP = 1_700_000_000


def _rows(events, **kwargs) -> list[dict[str, str]]:
    buf = io.StringIO(newline="")
    export_events(events, buf, "acled", timestamp=STAMP, **kwargs)
    buf.seek(0)
    reader = csv.reader(buf)
    header = next(reader)
    assert tuple(header) == ACLED_COLUMNS
    return [dict(zip(header, row, strict=True)) for row in reader]


def test_header_has_acleds_31_columns_in_order():
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[:4] == ("event_id_cnty", "event_date", "year", "time_precision")
    assert ACLED_COLUMNS[-4:] == ("notes", "fatalities", "tags", "timestamp")
    buf = io.StringIO()
    assert export_events([], buf, "acled") == 0
    assert buf.getvalue().strip() == ",".join(ACLED_COLUMNS)


def test_values_for_the_almaty_rally(rally):
    (row,) = _rows([rally])
    assert len(row) == 31
    assert row["event_id_cnty"].startswith("KAZ") and row["event_id_cnty"][3:].isdigit()
    expected = {
        "event_date": "2021-03-27", "year": "2021", "time_precision": "1",
        "disorder_type": "Demonstrations", "event_type": "Protests",
        "sub_event_type": "Protest with intervention",
        "actor1": "Protesters (Kazakhstan)", "assoc_actor_1": "Kazakh Democratic Party; Mamai",
        "inter1": "6", "actor2": "Police Forces of Kazakhstan", "inter2": "1", "interaction": "16",
        "civilian_targeting": "", "iso": "398", "region": "Caucasus and Central Asia",
        "country": "Kazakhstan", "admin1": "Almaty", "admin2": "", "admin3": "",
        "location": "Almaty", "latitude": "43.2500", "longitude": "76.9200", "geo_precision": "1",
        "source": "Steppe Daily", "fatalities": "0",
        "tags": "crowd size=some 200 to 300 people", "timestamp": str(STAMP),
    }  # fmt: skip
    assert {k: row[k] for k in expected} == expected
    notes = row["notes"]
    assert notes.startswith("On 27 March 2021, some 200 to 300 people held a rally in Almaty")
    assert "Kazakh Democratic Party and Mamai" in notes
    assert "Many participants were arrested." in notes
    assert notes.endswith("[size=some 200 to 300 people]")


def test_country_precision_event_gets_the_centroid_and_precision_3(wave):
    (row,) = _rows([wave])
    lat, lon = country_centroid("KZ")
    assert (float(row["latitude"]), float(row["longitude"])) == pytest.approx((lat, lon), abs=1e-4)
    assert row["geo_precision"] == "3"
    assert row["location"] == "Kazakhstan"
    assert row["time_precision"] == "3"
    assert row["actor2"] == "" and row["inter2"] == "" and row["interaction"] == "60"
    assert row["assoc_actor_1"] == "farmers from the south"
    assert row["tags"] == "crowd size=no report"
    assert row["notes"].startswith("In 2016, farmers from the south protested in Kazakhstan")
    assert "[size=no report]" in row["notes"]


def test_riot_is_coded_as_riots_with_rioters(rally):
    riot = rally.replace(
        form=Form.RIOT, acled_sub_event_type=SubEventType.VIOLENT, fatalities=2,
        force=Force.CROWD_CONTROL, arrests_text=None, arrests_low=None, country="KG",
        admin1="Bishkek", locality="Bishkek",
    )  # fmt: skip
    (row,) = _rows([riot])
    assert row["event_type"] == "Riots"
    assert row["sub_event_type"] == "Violent demonstration"
    assert row["actor1"] == "Rioters (Kyrgyzstan)"
    assert row["inter1"] == "5" and row["interaction"] == "15"
    assert row["actor2"] == "Police Forces of Kyrgyzstan"
    assert row["fatalities"] == "2"
    assert row["event_id_cnty"].startswith("KGZ")
    assert row["iso"] == "417"


def test_peaceful_rioters_without_police_interact_as_50(rally):
    mob = rally.replace(
        form=Form.RIOT, acled_sub_event_type=SubEventType.MOB_VIOLENCE,
        arrests_text=None, arrests_low=None,
    )  # fmt: skip
    (row,) = _rows([mob])
    assert (row["event_type"], row["interaction"], row["actor2"]) == ("Riots", "50", "")


def test_event_id_is_stable_and_distinct(rally):
    first = _rows([rally])[0]["event_id_cnty"]
    again = _rows([rally])[0]["event_id_cnty"]
    other = _rows([rally.replace(id="kz-other")])[0]["event_id_cnty"]
    assert first == again != other
    assert len(event_number("x")) == 12


@pytest.mark.parametrize(
    "precision, expected",
    [(DatePrecision.DAY, "1"), (DatePrecision.WEEK, "2"), (DatePrecision.MONTH, "3"),
     (DatePrecision.SEASON, "3"), (DatePrecision.YEAR, "3"), (None, "3")],
)  # fmt: skip
def test_time_precision(rally, precision, expected):
    assert _rows([rally.replace(date_precision=precision)])[0]["time_precision"] == expected


@pytest.mark.parametrize(
    "start, end, precision, phrase",
    [
        (dt.date(2021, 3, 27), dt.date(2021, 3, 27), DatePrecision.DAY, "On 27 March 2021"),
        (dt.date(2022, 1, 4), dt.date(2022, 1, 6), DatePrecision.DAY,
         "Between 4 and 6 January 2022"),
        (dt.date(2022, 1, 30), dt.date(2022, 2, 2), DatePrecision.DAY,
         "Between 30 January and 2 February 2022"),
        (dt.date(2020, 6, 8), dt.date(2020, 6, 14), DatePrecision.WEEK,
         "In the week of 8 June 2020"),
        (dt.date(2019, 9, 1), dt.date(2019, 11, 30), DatePrecision.SEASON, "In autumn 2019"),
        (dt.date(2018, 5, 1), dt.date(2018, 5, 31), DatePrecision.MONTH, "In May 2018"),
        (dt.date(2017, 1, 1), dt.date(2018, 12, 31), DatePrecision.YEAR, "Between 2017 and 2018"),
        (None, None, None, "On an unreported date"),
    ],
)  # fmt: skip
def test_date_phrases(start, end, precision, phrase):
    assert date_phrase(start, end, precision) == phrase


def test_notes_for_planned_and_prevented_events(rally):
    planned = rally.replace(
        status=Status.PLANNED, acled_sub_event_type=None, arrests_text=None, arrests_low=None,
        size_text=None, tactics=(Tactic.MARCH,),
    )  # fmt: skip
    row = _rows([planned])[0]
    assert "people planned to hold a march in Almaty" in row["notes"]
    assert row["sub_event_type"] == ""
    assert row["tags"] == "crowd size=no report; status=planned"
    stopped = rally.replace(status=Status.PREVENTED, size_text="more than 40", tactics=())
    assert "more than 40 people were prevented from protesting" in _rows([stopped])[0]["notes"]


def test_notes_disagreements_hook(rally):
    row = _rows([rally], disagreements={rally.id: ["size: 'about 300' vs 'some 200 to 300'"]})[0]
    assert row["notes"].endswith("Disagreements: size: 'about 300' vs 'some 200 to 300'.")
    assert "Disagreements" not in _rows([rally], disagreements={"other": ["x"]})[0]["notes"]


def test_sources_fall_back_to_articles_then_url_host(rally):
    event = rally.replace(
        sources=(
            Source("a1", outlet="Steppe Daily"),
            Source("a2"),
            Source("a3", url="https://www.kz-wire.example/story/9"),
            Source("a4", outlet="Steppe Daily"),
        )
    )
    articles = {"a2": Article(text="...", id="a2", outlet="Radio Azattyq Example")}
    row = _rows([event], articles=articles)[0]
    assert row["source"] == "Steppe Daily; Radio Azattyq Example; www.kz-wire.example"


def test_csv_quotes_commas_quotes_newlines_and_unicode(rally):
    tricky = rally.replace(
        organizers=(
            Organizer('Union "Solidarity", Atyrau branch', ActorType.UNION),
            Organizer("Жаңа Қазақстан\nmovement", ActorType.MOVEMENT),
        ),
        admin1="Shymkent, city",
    )
    buf = io.StringIO(newline="")
    export_events([tricky], buf, "acled", timestamp=STAMP)
    text = buf.getvalue()
    assert '"Union ""Solidarity"", Atyrau branch; Жаңа Қазақстан\nmovement"' in text
    buf.seek(0)
    rows = list(csv.DictReader(buf))
    assert rows[0]["assoc_actor_1"] == 'Union "Solidarity", Atyrau branch; Жаңа Қазақстан\nmovement'
    assert rows[0]["admin1"] == "Shymkent, city"


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_formula_injection_is_neutralised(rally, payload):
    event = rally.replace(organizers=(Organizer(payload, ActorType.OTHER),), participants=(),
                          admin1=payload)  # fmt: skip
    row = _rows([event])[0]
    assert row["admin1"] == "'" + payload
    assert row["assoc_actor_1"] == "'" + payload.strip()  # names are trimmed, then neutralised
    for name, value in row.items():
        assert (
            not value.startswith(("=", "+", "-", "@", "\t", "\r"))
            or value.lstrip("-").replace(".", "").isdigit()
        ), name


def test_negative_coordinates_stay_numbers(rally):
    southern = rally.replace(country="BO", admin1="La Paz", locality="El Alto",
                             latitude=-16.5, longitude=-68.19)  # fmt: skip
    row = _rows([southern])[0]
    assert (row["latitude"], row["longitude"]) == ("-16.5000", "-68.1900")
    assert row["country"] == "Bolivia" and row["region"] == "South America"
    assert neutralise("-3") == "-3" and neutralise("-x") == "'-x"


def test_writes_utf8_bytes_to_binary_stream(rally):
    raw = io.BytesIO()
    export_events([rally.replace(locality="Öskemen")], raw, "acled", timestamp=STAMP)
    text = raw.getvalue().decode("utf-8")
    assert "Öskemen" in text
    assert text.count("\r\n") == 2  # header + one row, RFC 4180 line ends


def test_timestamp_defaults_to_now(rally):
    row = acled_row(rally, timestamp=5)
    assert row["timestamp"] == 5
    buf = io.StringIO()
    export_events([rally], buf, "acled")
    buf.seek(0)
    stamp = int(list(csv.DictReader(buf))[0]["timestamp"])
    assert stamp > 1_700_000_000


def test_unknown_country_does_not_crash(rally):
    event = rally.replace(country=None, latitude=None, longitude=None, geo_precision=None)
    row = acled_row(event, timestamp=STAMP)
    assert row["event_id_cnty"].startswith("XXX")
    assert row["actor1"] == "Protesters"
    assert row["latitude"] == "" and row["iso"] == "" and row["region"] == ""


@pytest.mark.parametrize(
    "code, name, region",
    [("RU", "Russia", "Europe"), ("IR", "Iran", "Middle East"), ("MX", "Mexico", "Central America"),
     ("CD", "Democratic Republic of Congo", "Middle Africa"), ("AF", "Afghanistan", "South Asia"),
     ("GE", "Georgia", "Caucasus and Central Asia"), ("KR", "South Korea", "East Asia")],
)  # fmt: skip
def test_country_names_and_regions(code, name, region):
    assert country_name(code) == name
    assert acled_region(code) == region


def test_near_locality_precision_is_kept(rally):
    event = rally.replace(
        locality=None,
        location_detail="at the Tengiz oil field",
        geo_precision=GeoPrecision.NEAR_LOCALITY,
        admin1="Atyrau Region",
    )
    row = _rows([event])[0]
    assert row["geo_precision"] == "2"
    assert row["location"] == "Atyrau Region"
    assert "at the Tengiz oil field in Atyrau Region, Kazakhstan" in row["notes"]


def test_participants_join_organizers_in_assoc_actor(rally):
    event = rally.replace(participants=(Participant("students", ActorType.STUDENTS),))
    assert _rows([event])[0]["assoc_actor_1"] == "Kazakh Democratic Party; Mamai; students"


def test_event_without_dates_leaves_date_columns_empty():
    row = acled_row(Event(id="bare", country="UZ"), timestamp=STAMP)
    assert (row["event_date"], row["year"]) == ("", "")
    assert row["country"] == "Uzbekistan"
