"""The cheap gate: does an article possibly report a protest?

Reads: the raw article text.  Writes: a score and a yes/no.  Runs before any parsing, so most
articles (news about markets, sport, elections) never reach the expensive spaCy pipeline.

The gate must keep recall near 1 on protest articles (measured against the gold sets; see
``docs/benchmarks.md``), so it is deliberately loose: an article passes when one protest trigger
word stands near a word about people gathering, the street, the police or a demand.  It fails
closed only on text that has no trigger at all, or whose triggers are all idioms ("strike a deal",
"stock market rally", "protest vote", "air strike").
"""

from __future__ import annotations

import re

# A trigger word: anything that could name a collective protest action.
_TRIGGER = re.compile(
    r"\b(?:protest(?:s|ed|ers?|ing|ors?)?|demonstrat(?:ion|ions|ors?|ed|ing|e)|"
    r"rall(?:y|ies|ied|ying)|march(?:ed|es|ers|ing)?|picket(?:s|ed|ers?|ing)?|"
    r"strik(?:e|es|ers|ing)|walk(?:ed)?[- ]?outs?|sit-?ins?|vigils?|riot(?:s|ed|ers|ing)?|"
    r"unrest|blockad(?:e|es|ed|ing)|blocked|boycott(?:s|ed|ing)?|hunger[- ]strik\w*|"
    r"took to the streets|take to the streets|taking to the streets|occup(?:ied|ation|y)|"
    r"motorcade|flash ?mob|gather(?:ed|ing|ings)|clash(?:es|ed)|encampment|"
    r"(?:un)?sanctioned|dispersed)\b",
    re.IGNORECASE,
)

# Idioms in which a trigger word does not name a protest.
_IDIOM = re.compile(
    r"\b(?:strik(?:e|es|ing)\s+(?:a|the|an)\s+(?:deal|balance|chord|note|bargain|agreement|pose)|"
    r"strike\s+price|(?:air|drone|missile|military|lightning|first|pre-?emptive)\s+strikes?|"
    r"strike\s+rate|struck|protest\s+vote|protest\s+note|note\s+of\s+protest|lodged?\s+a\s+protest|"
    r"(?:stocks?|shares?|markets?|prices?|dollar|euro|rupee|bonds?|oil|gold|index|equities|"
    r"rouble|ruble|tenge|yuan|lira|peso)\s+(?:\w+\s+)?rall(?:y|ies|ied|ying)|relief\s+rally|"
    r"rally\s+(?:driver|car|racing)|march\s+madness|in\s+march|on\s+march|since\s+march|"
    r"(?:early|late|mid)[- ]march|march\s+\d{1,2}|\d{1,2}\s+march|last\s+march|this\s+march)\b",
    re.IGNORECASE,
)

# Context that makes a trigger look like a real gathering.
_CONTEXT = re.compile(
    r"\b(?:people|crowds?|protesters|demonstrators|participants|residents|workers|students|"
    r"activists|supporters|police|riot|detain\w*|arrest\w*|square|streets?|outside|in front of|"
    r"embassy|parliament|city hall|administration|headquarters|slogans?|placards?|banners?|"
    r"chant\w*|demand\w*|against|called for|calling for|authorities|government|rally|march|"
    r"organi[sz]\w*|gathered|thousands|hundreds|dozens|union)\b",
    re.IGNORECASE,
)

_WINDOW = 250


def gate_score(text: str) -> int:
    """The number of trigger words that stand in a protest-like context (0 = surely no protest)."""
    idiom_spans = [m.span() for m in _IDIOM.finditer(text)]
    score = 0
    for m in _TRIGGER.finditer(text):
        start, end = m.span()
        if any(a <= start < b or a < end <= b for a, b in idiom_spans):
            continue
        window = text[max(0, start - _WINDOW) : end + _WINDOW]
        if _CONTEXT.search(window[: start - max(0, start - _WINDOW)]) or _CONTEXT.search(
            window[end - max(0, start - _WINDOW) :]
        ):
            score += 1
    return score


def passes_gate(text: str, *, threshold: int = 1) -> bool:
    """True when the article may report a protest and deserves the full pipeline."""
    return gate_score(text) >= threshold
