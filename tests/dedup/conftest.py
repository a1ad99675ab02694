"""Helpers for the dedup tests: events built by hand, one source each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from protestwatch.model import ActorType, DatePrecision, Event, Evidence, Issue, Organizer, Source


def make_event(event_id: str, article: str, day: str | tuple[str, str] = "2023-10-14", *,
               precision: str = "day", country: str = "KZ", admin1: str | None = "Almaty",
               locality: str | None = "Almaty", published: str | None = None, **fields: Any) -> Event:  # fmt: skip
    """A per-article event reported by ``article`` on ``day`` (or a (start, end) range)."""
    start, end = (day, day) if isinstance(day, str) else day
    pub = dt.date.fromisoformat(published or end)
    values: dict[str, Any] = {
        "id": event_id, "date_start": dt.date.fromisoformat(start), "date_end": dt.date.fromisoformat(end),
        "date_precision": DatePrecision(precision), "country": country, "admin1": admin1, "locality": locality,
        "sources": (Source(article, f"https://news.example.org/{article}", f"Outlet {article}", pub),),
    }  # fmt: skip
    if "issues" in fields:
        fields["issues"] = tuple(Issue(i) for i in fields["issues"])
    if "organizers" in fields:
        fields["organizers"] = tuple(Organizer(n, ActorType.MOVEMENT) for n in fields["organizers"])
    values.update(fields)
    return Event(**values)


def ev(article: str, start: int, end: int, field: str = "event") -> dict[str, tuple[Evidence, ...]]:
    return {field: (Evidence(article, start, end),)}


@pytest.fixture
def tariff_reports() -> list[Event]:
    """Three outlets on one rally in Almaty, with different numbers."""
    claims = ("reverse the increase in heating tariffs",)
    return [
        make_event("e-wire", "wire", size_text="more than 300", size_low=301, size_high=None,
                   arrests_text="detained 22 people", arrests_low=22, arrests_high=22,
                   claims=claims, issues=["prices_economy"], organizers=["Fair Tariffs"],
                   evidence=ev("wire", 0, 80, "size_text")),
        make_event("e-daily", "daily", published="2023-10-15", size_text="about 300", size_low=300,
                   size_high=300, arrests_text="at least 20 detained", arrests_low=20, arrests_high=None,
                   claims=("heating tariffs must be reversed",), issues=["prices_economy"]),
        make_event("e-ngo", "ngo", published="2023-10-17", size_text="several hundred", size_low=300,
                   size_high=900, arrests_text="seven detained on their way", arrests_low=7, arrests_high=7,
                   organizers=["Fair Tariffs movement"]),
    ]  # fmt: skip
