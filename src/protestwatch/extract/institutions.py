"""Named institutions and workplaces in a sentence: "Gadjah Mada University", "the University
of Lagos", "Kenyatta National Hospital", "the Grasberg Mine".

The event stage uses their proper names to tie an event that names only an institution to a
town: the town the article puts the institution in, or the town it is named after.
"""

from __future__ import annotations

import re

__all__ = ["institution_names"]

# A named institution or workplace: "Gadjah Mada University", "the University of Lagos",
# "Kenyatta National Hospital", "the Grasberg mine".  The group "name" holds its proper name.
_INSTITUTION_NOUNS = (
    r"University|College|Polytechnic|Institute|Academy|School|Hospital|Clinic|Mine|Refinery|"
    r"Factory|Plant|Mill|Port|Airport|Stadium|Cathedral|Mosque|Temple|Prison|Camp"
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|of|de|la|al|el)"
_INSTITUTION = re.compile(
    rf"\b(?P<name>[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}?)\s+(?:{_INSTITUTION_NOUNS})\b"
    rf"|\b(?:{_INSTITUTION_NOUNS})\s+of\s+(?P<name2>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})"
)
_INSTITUTION_GENERIC = frozenset(
    "The A An State National Federal Public Central General Regional District Teaching Main "
    "Our Its Their This That".split()
)


def institution_names(text: str) -> list[tuple[str, int, int]]:
    """(proper name, start, end) of the institutions named in ``text``, without generic words:
    "Gadjah Mada University" -> "Gadjah Mada"; "the University of Lagos" -> "Lagos"."""
    out = []
    for m in _INSTITUTION.finditer(text):
        name = m.group("name") or m.group("name2") or ""
        words = [w for w in name.split() if w not in _INSTITUTION_GENERIC]
        if words and not all(w[:1].islower() for w in words):
            out.append((" ".join(words), m.start(), m.end()))
    return out
