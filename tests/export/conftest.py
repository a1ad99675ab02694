"""Events built by hand for the export tests."""

from __future__ import annotations

import datetime as dt

import pytest

from protestwatch.model import (
    ActorType,
    DatePrecision,
    Event,
    Evidence,
    Force,
    GeoPrecision,
    Issue,
    Organizer,
    Participant,
    Permit,
    Report,
    Source,
    SubEventType,
    Tactic,
    Target,
    TargetType,
)


def almaty_rally() -> Event:
    """A rally shaped like the founding example's current event (Almaty, 27 March 2021)."""
    return Event(
        id="kz-2021-03-27-almaty",
        tactics=(Tactic.RALLY,),
        acled_sub_event_type=SubEventType.INTERVENTION,
        date_start=dt.date(2021, 3, 27),
        date_end=dt.date(2021, 3, 27),
        date_precision=DatePrecision.DAY,
        country="KZ",
        admin1="Almaty",
        locality="Almaty",
        location_detail="the square in front of the Kazakh National Academy of Sciences",
        latitude=43.25,
        longitude=76.92,
        geo_precision=GeoPrecision.LOCALITY,
        size_text="some 200 to 300 people",
        size_low=200,
        size_high=300,
        organizers=(
            Organizer("Kazakh Democratic Party", ActorType.POLITICAL_PARTY),
            Organizer("Mamai", ActorType.PERSON),
        ),
        targets=(Target("Chinese Communist Party", TargetType.FOREIGN_GOVERNMENT, "CN"),),
        claims=("stop borrowing from China",),
        issues=(Issue.FOREIGN_INFLUENCE, Issue.LAND),
        arrests_text="many participants were arrested",
        arrests_low=2,
        internet_shutdown=True,
        permit=Permit.AUTHORIZED,
        sources=(
            Source(
                "art-1", "https://news.example.org/kz/rally", "Steppe Daily", dt.date(2021, 3, 29)
            ),
        ),
        evidence={
            "event": (Evidence("art-1", 120, 260),),
            "size_text": (Evidence("art-1", 200, 222),),
        },
        confidence=0.8,
    )


def country_wave() -> Event:
    """A background, country-precision wave with no coordinates and no size."""
    return Event(
        id="kz-2016-land",
        report=Report.BACKGROUND,
        acled_sub_event_type=SubEventType.PEACEFUL,
        date_start=dt.date(2016, 1, 1),
        date_end=dt.date(2016, 12, 31),
        date_precision=DatePrecision.YEAR,
        country="KZ",
        location_detail="many parts of the country",
        geo_precision=GeoPrecision.COUNTRY,
        participants=(Participant("farmers from the south", ActorType.FARMERS),),
        claims=("keep land out of foreign hands",),
        issues=(Issue.LAND,),
        force=Force.UNKNOWN,
    )


@pytest.fixture
def rally() -> Event:
    return almaty_rally()


@pytest.fixture
def wave() -> Event:
    return country_wave()
