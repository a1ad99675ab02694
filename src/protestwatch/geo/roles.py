"""What role a place name plays in its sentence, for choosing an event's place.

The geoparser says *which* place a name is; these helpers say whether the event happened there:

* :func:`travel_role`: a destination of travel ("buses to Chandigarh were diverted", "they
  returned to Quetta after the rally") or an origin ("fisherfolk from coastal villages around
  Laguna", "teachers who came from Cusco") is not where the protest was, while an arrival for the
  protest is ("travelled to Lima to protest", "came to Quezon City to be heard");
* :func:`feature_after`: the feature word after a name ("Manila Bay", "Lake Geneva" aside): a
  protest on a bay or a river is near the town it is named after, not in it.
"""

from __future__ import annotations

import re

from ..model import Span
from .recognize import FEATURE_WORDS

__all__ = ["travel_role", "feature_after"]

# -- travel -----------------------------------------------------------------------------------

# A vehicle or a departure before "to X": "buses to X", "the last train for X", "flights bound for
# X", "returned to X", "headed home to X", "left for X".
_DESTINATION = re.compile(
    r"\b(?:(?:bus|buses|coach|coaches|trains?|flights?|planes?|ferr(?:y|ies)|trucks?|lorries|"
    r"lorry|vans?|minibuses|cars|taxis|traffic|passengers|tickets?|services?|shuttles?)"
    r"(?:\s+[a-z]+){0,3}\s+(?:to|for|towards?|bound\s+for)|"
    r"(?:return(?:ed|ing|s)?|went\s+(?:back|home)|go(?:ing|es)?\s+(?:back|home)|head(?:ed|ing|s)?\s+"
    r"(?:back|home)|drove\s+(?:back|home)|travel(?:l)?ed\s+(?:back|home)|left|depart(?:ed|ing)?|"
    r"set\s+off|bound|fled|moved|transferred|taken|flown|deported|relocated|evacuated)"
    r"(?:\s+[a-z]+){0,2}\s+(?:to|for|towards?))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An origin: "people from X", "fisherfolk from coastal villages around X", "came from as far as
# X", "bused in from X" (not a route: "marched from X to Y" is the march's own way).
_ORIGIN = re.compile(
    r"\b(?:from|hailing\s+from)\s+(?:as\s+far\s+(?:away\s+)?as\s+)?(?:(?:the\s+)?[a-z][\w-]*\s+){0,4}"
    r"(?:(?:in|around|near|of|across|outside)\s+)?(?:the\s+)?$"
)
_ROUTE_ON = re.compile(r"\s*(?:to|towards?|through|via)\b", re.IGNORECASE)
_MARCH_FROM = re.compile(
    r"\b(?:march(?:ed|ing|es)?|walk(?:ed|ing|s)?|set\s+off|started|began|paraded|moved|processed|"
    r"drove|rode|convoy\w*)\s+(?:\w+\s+){0,2}from\s+", re.IGNORECASE
)
# An arrival for the protest: "travelled to X to protest", "came to X to be heard", "went to X
# for a rally".
_FOR_PROTEST = re.compile(
    r"\s*(?:,\s*)?(?:to\s+(?:protest|rally|demonstrate|march|picket|join|stage|hold|take\s+part|be\s+heard|"
    r"demand|press|voice|block|strike|occupy)|for\s+(?:a|the|their|an)\s+(?:\w+\s+)?(?:protest|rally|"
    r"march|demonstration|picket|sit-in|vigil|strike))\b",
    re.IGNORECASE,
)
# "... to X after the rally": travel once the protest was over.
_AFTER_PROTEST = re.compile(
    r"\s*(?:,\s*)?(?:after|once|when)\s+(?:the|their|a)?\s*(?:\w+\s+)?(?:rally|protest|march|"
    r"demonstration|picket|sit-in|vigil|strike|meeting|event|blockade)\b",
    re.IGNORECASE,
)
_TO_BEFORE = re.compile(r"\b(?:to|for|towards?)\s+(?:the\s+)?$", re.IGNORECASE)


def travel_role(text: str, span: Span, sentence: Span | None = None) -> str | None:
    """"destination", "origin" or None for the place name at ``span`` of ``text``.

    ``sentence`` bounds the context read (default: 80 characters each side)."""
    lo = max(sentence.start if sentence else 0, span.start - 80)
    hi = min(sentence.end if sentence else len(text), span.end + 80)
    left, right = text[lo : span.start], text[span.end : hi]
    # a clause boundary ends the context: "In Lima, buses ..." is not "buses to Lima"
    left = re.split(r"[.;:!?]\s|,\s+(?=(?:and|but|while|as|where)\b)", left)[-1]
    if _FOR_PROTEST.match(right):
        return None  # "travelled to Lima to protest", "came to Quezon City to be heard"
    if _DESTINATION.search(left):
        return "destination"
    if _TO_BEFORE.search(left) and _AFTER_PROTEST.match(right):
        return "destination"  # "they went on to Cusco after the march"
    if _ORIGIN.search(left) and not _ROUTE_ON.match(right) and not _MARCH_FROM.search(left):
        return "origin"
    return None


# -- features ---------------------------------------------------------------------------------

_FEATURE_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")


def feature_after(text: str, span: Span) -> str | None:
    """The capitalised feature word right after the name ("Manila Bay" -> "Bay"), else None."""
    m = _FEATURE_AFTER.match(text, span.end)
    if m and m.group(1).lower() in FEATURE_WORDS:
        return m.group(1)
    return None
