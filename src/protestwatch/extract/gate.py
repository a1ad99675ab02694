"""The cheap gate: does an article possibly report a protest?

Reads: the raw article text.  Writes: a score and a yes/no.  Runs before any parsing, so most
articles (news about markets, sport, courts, diplomacy) never reach the expensive spaCy pipeline.

It uses the trigger lexicon of ``triggers`` (one lexicon, so the gate and the detector agree on
what a protest word is, idioms included), keeps only the unambiguous triggers, and asks for a
protest-like context in the trigger's own sentence: people in numbers, the police, a place of
assembly, a demand or a slogan.  A sentence about sport, markets, a court hearing or diplomacy
does not count.  The gate must keep recall near 1 on protest articles (measured on the gold sets,
see ``docs/benchmarks.md``), so one qualifying sentence is enough.
"""

from __future__ import annotations

import re

from protestwatch.extract.triggers import find_triggers, is_non_event_context

_CONTEXT = re.compile(
    r"\b(?:people|crowds?|protesters|demonstrators|participants|residents|workers|students|"
    r"activists|supporters|farmers|miners|teachers|doctors|nurses|drivers|pensioners|women|"
    r"police|detain\w*|arrest\w*|tear\s+gas|square|streets?|outside|in\s+front\s+of|"
    r"parliament|city\s+hall|embassy|administration|ministry|slogans?|placards?|banners?|"
    r"chant\w*|demand\w*|call(?:ed|ing)\s+(?:for|a|an|on)|against|hundreds|thousands|dozens|union|"
    r"organi[sz]\w*|held|staged|gathered|marched|blocked|student|opposition|nationwide|"
    r"general\s+strike|release|jailed|wages|salaries|pensions)\b",
    re.IGNORECASE,
)
# A sentence about sport, markets, products, courts, diplomacy or food and culture.
_OFF_TOPIC = re.compile(
    r"\b(?:referee|umpire|match\s+point|stadium|fans|goal|penalty|runners|marathon|race|"
    r"shares?|stocks?|investors|index|stock\s+market|markets\s+(?:rose|fell|rallied)|bonds?|"
    r"device|product|"
    r"launch|courtroom|hearing|verdict|innocence|ambassador|airspace|foreign\s+ministry|"
    r"diplomatic|note\s+of\s+protest|protest\s+note|"
    # food and culture columns: "a protest against palates trained to expect sweetness"
    r"menus?|recipes?|flavou?rs?|pastr(?:y|ies)|palates?|tasting|taste\s*buds|cuisine|desserts?|"
    r"chefs?|bakery|bakeries|culinary|gastronom\w*|catwalk|runway\s+show)\b",
    re.IGNORECASE,
)
# Stems of the unambiguous (strength 2) triggers: only sentences holding one are read.
_STRONG_STEMS = re.compile(  # matched against the lower-cased text: much faster than IGNORECASE
    r"protest|demonstrat|rall(?:y|ie)|march|picket|strik|walk-?out|walked[- ]?out|walked\s+off|"
    r"sit-?in|vigil|riot|blockad|block|boycott|street|encampment|tent\s+camp|motorcade|convoy|flash|"
    r"clash|battles?\s+with|go-?slow|downed|stopped\s+work|parked|placed|lined\s+up|positioned|"
    r"night\s+(?:in|at|outside|on)|camp"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_REACH = 200


def gate_score(text: str) -> int:
    """The number of protest-like sentences with an unambiguous trigger (0 = surely no protest)."""
    score, seen = 0, set()
    lowered = text.lower()
    stems = _STRONG_STEMS.finditer(lowered)
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        stems = re.finditer(_STRONG_STEMS.pattern, text, re.IGNORECASE)
    for stem in stems:
        start, end = _sentence_bounds(text, stem.start(), stem.end())
        if start in seen:
            continue
        seen.add(start)
        sentence = text[start:end]
        if not _CONTEXT.search(sentence) or _OFF_TOPIC.search(sentence):
            continue
        if is_non_event_context(sentence):
            continue  # a hashtag, an online campaign, a diplomatic note: no event starts here either
        if any(t.strength >= 2 for t in find_triggers(sentence)):
            score += 1
    return score


def passes_gate(text: str, *, threshold: int = 1) -> bool:
    """True when the article may report a protest and deserves the full pipeline."""
    return gate_score(text) >= threshold


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``[start, end)``, at most ``_REACH`` characters on each side."""
    lo = max(0, start - _REACH)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    a = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, end + _REACH)
    b = after.end() if after else min(len(text), end + _REACH)
    return a, b
