"""ACLED-style ``notes``: a short factual summary of an event, built only from its coded fields.

    On 27 March 2021, some 200 to 300 people held a rally in Almaty, Kazakhstan (the square in
    front of the Kazakh National Academy of Sciences), organised by the Kazakh Democratic Party
    and Mamai. Claims: stop borrowing from China. Many participants were arrested.
    [size=some 200 to 300 people]

Nothing is invented: a field that is empty adds nothing.  The size tag at the end follows ACLED
("[size=no report]" when there is no size).  When the sources disagreed, the caller passes the
disagreements and they are appended as "Disagreements: ...".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from ..model import DatePrecision, Event, Force, Form, Permit, Status, Tactic

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_SEASONS = ("winter", "spring", "summer", "autumn")  # Dec-Feb, Mar-May, Jun-Aug, Sep-Nov

_TACTIC_NOUNS = {
    Tactic.RALLY: "rally",
    Tactic.MARCH: "march",
    Tactic.PICKET: "picket",
    Tactic.SINGLE_PERSON_PICKET: "single-person picket",
    Tactic.SIT_IN: "sit-in",
    Tactic.VIGIL: "vigil",
    Tactic.OCCUPATION: "occupation",
    Tactic.ROAD_BLOCK: "road blockade",
    Tactic.MOTORCADE: "motorcade",
    Tactic.FLASH_MOB: "flash mob",
}

_FORM_NOUNS = {
    Form.RIOT: "riot",
    Form.STRIKE: "strike",
    Form.HUNGER_STRIKE: "hunger strike",
    Form.BOYCOTT: "boycott",
    Form.OBSTRUCT: "blockade",
    Form.VANDALIZE: "protest involving vandalism",
}

_VERBS = {  # (with a tactic noun, with another form's noun, a demonstration without a tactic)
    Status.OCCURRED: ("held", "staged", "protested"),
    Status.PLANNED: ("planned to hold", "planned to stage", "planned to protest"),
    Status.PREVENTED: (
        "were prevented from holding",
        "were prevented from staging",
        "were prevented from protesting",
    ),
}

#: A detail that starts like this reads as a place phrase on its own ("near the embassy").
_PREPOSITION = re.compile(
    r"^(in|at|on|near|outside|inside|in front of|opposite|by|along|across|around|"
    r"close to|next to|beside|before|behind|from|to|towards?)\b",
    re.IGNORECASE,
)
_ENDS_IN_NUMBER = re.compile(r"\d$")


def _day(d: dt.date, *, year: bool = True, month: bool = True) -> str:
    out = str(d.day)
    if month:
        out += " " + _MONTHS[d.month - 1]
    if year:
        out += f" {d.year}"
    return out


def date_phrase(start: dt.date | None, end: dt.date | None, precision: DatePrecision | None) -> str:
    """The opening of the notes: "On 27 March 2021", "Between 1 and 3 May 2020", "In 2016"..."""
    if start is None:
        return "On an unreported date"
    end = end or start
    if precision is DatePrecision.YEAR:
        return (
            f"In {start.year}" if start.year == end.year else f"Between {start.year} and {end.year}"
        )
    if precision is DatePrecision.SEASON:
        return f"In {_SEASONS[start.month % 12 // 3]} {start.year}"
    if precision is DatePrecision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            return f"In {_MONTHS[start.month - 1]} {start.year}"
        first, last = _MONTHS[start.month - 1], _MONTHS[end.month - 1]
        return f"Between {first} {start.year} and {last} {end.year}"
    if precision is DatePrecision.WEEK:
        return f"In the week of {_day(start)}"
    if start == end:
        return f"On {_day(start)}"
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    return f"Between {_day(start, year=not same_year, month=not same_month)} and {_day(end)}"


def _join(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _subject(event: Event) -> str:
    if event.size_text:
        text = event.size_text.strip()
        return text + " people" if _ENDS_IN_NUMBER.search(text) else text
    if event.participants:
        return _join([p.description for p in event.participants])
    return "people"


def _action(event: Event) -> str:
    verbs = _VERBS[event.status]
    if event.form is Form.DEMONSTRATE:
        nouns = [_TACTIC_NOUNS[t] for t in dict.fromkeys(event.tactics) if t in _TACTIC_NOUNS]
        if not nouns:
            return verbs[2]
        noun, verb = _join(nouns), verbs[0]
    else:
        noun, verb = _FORM_NOUNS[event.form], verbs[1]
    article = "an" if noun[0] in "aeiou" else "a"
    return f"{verb} {article} {noun}"


def _place(event: Event, country: str) -> str:
    where = [event.locality or event.admin1 or country or "an unreported place"]
    if event.locality and event.admin1 and event.admin1 != event.locality:
        where[0] += f" ({event.admin1})"
    if country and where[0] != country:
        where.append(country)
    phrase = "in " + ", ".join(where)
    detail = (event.location_detail or "").strip()
    if detail and _PREPOSITION.match(detail):
        return f"{detail} {phrase}"
    if detail:
        return f"{phrase} ({detail})"
    return phrase


def _first_upper(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] if text else text


def _consequences(event: Event) -> list[str]:
    out: list[str] = []
    if event.arrests_text:
        out.append(_first_upper(event.arrests_text) + ".")
    elif event.arrests_low is not None:
        out.append(f"At least {event.arrests_low} people were arrested.")
    if event.dispersed:
        out.append("The gathering was dispersed.")
    if event.force is Force.CROWD_CONTROL:
        out.append("Crowd-control means were used.")
    elif event.force is Force.LETHAL:
        out.append("Lethal force was used.")
    if event.injuries:
        out.append(f"{event.injuries} people were injured.")
    if event.fatalities:
        out.append(f"{event.fatalities} people were killed.")
    if event.internet_shutdown:
        out.append("Internet access was cut around the event.")
    if event.permit is Permit.AUTHORIZED:
        out.append("The event was authorised.")
    elif event.permit is Permit.DENIED:
        out.append("The event was not authorised.")
    if event.outcome:
        out.append(f"Outcome: {_first_upper(event.outcome)}.")
    return out


def summarise(event: Event, country: str, disagreements: Sequence[str] = ()) -> str:
    """The ``notes`` text for ``event``; ``country`` is the country's display name."""
    sentence = f"{date_phrase(event.date_start, event.date_end, event.date_precision)}, "
    sentence += f"{_subject(event)} {_action(event)} {_place(event, country)}"
    if event.organizers:
        sentence += ", organised by " + _join([o.name for o in event.organizers])
    parts = [sentence + "."]
    if event.claims:
        parts.append("Claims: " + "; ".join(c.strip().rstrip(".") for c in event.claims) + ".")
    parts.extend(_consequences(event))
    parts.append(f"[size={event.size_text.strip() if event.size_text else 'no report'}]")
    if disagreements:
        parts.append("Disagreements: " + "; ".join(disagreements) + ".")
    return " ".join(" ".join(parts).split())
