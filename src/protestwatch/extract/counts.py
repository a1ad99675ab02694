"""Counts of people arrested, injured and killed in connection with an event.

Reads: the article text and the sentences attributed to one event.  Writes: ``Finding[Quantity]``
for arrests (codebook §2: "many were arrested" → 2, None; §3.5: "several" 3–9) and
``Finding[int]`` for injuries and fatalities (codebook §3.6: a number only when the text gives
one: "more than 20 injured" → 21; "dozens injured" → nothing).

Each count is found by one engine with four kinds of cue:

* a quantity that is the subject of a passive predicate ("22 people were detained", "dozens were
  detained", "about 500 detained across the country", "two of them were hurt");
* a quantity that is the object of an active verb or noun ("police arrested at least 20",
  "killing three protesters", "the arrest of 15 activists", "made 40 arrests");
* a zero ("no one was detained", "no arrests were reported", "there were no casualties");
* one person ("the organiser was detained", "police detained the organiser", "a protester died")
  and, for arrests only, a bare plural ("protesters were detained", "police made arrests" → 2, None).

Negated and hypothetical predicates are skipped ("were not detained", "threatened to arrest",
"could face arrest").  Conventions where the codebook is silent: an injury or death count takes
the quantity's low, else its high ("up to 20 injured" → 20); counts include police and bystanders
(ACLED counts every fatality of an event); "no casualties" is a zero for both injuries and deaths.
A count "across the country" keeps its number; ``is_multi_site`` tells the pipeline to apply §3.4.
Fails on: counts split over sentences ("Police detained several people. Three were released"),
coordinated names ("Ali and Aigerim were detained" → 2, None, not 2, 2).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Sequence

from protestwatch.extract.quantities import (
    QuantityPhrase,
    is_hypothetical,
    is_list_marker,
    is_negated,
    iter_quantities,
    sentence_bounds,
)
from protestwatch.model import Finding, Quantity, Span

logger = logging.getLogger(__name__)

__all__ = ["find_arrests", "find_injuries", "find_fatalities", "is_multi_site"]

_AUX = (
    r"(?:(?:were|was|have|has|had|been|are|is|being|got|get|reportedly|later|also|all|"
    r"subsequently|briefly|allegedly|since|then|eventually|temporarily|now|still|either|"
    r"seriously|severely|badly|slightly|lightly|critically|fatally|among\s+those)\s+)*"
)
_ARREST_PP = (
    r"detained|arrested|jailed|imprisoned|taken\s+into\s+(?:police\s+)?custody|rounded\s+up|"
    r"apprehended|held\s+(?:in\s+custody|by\s+police|at\s+(?:a\s+)?police\s+stations?|overnight)|"
    r"taken\s+away|bundled\s+into|carted\s+off|hauled\s+(?:away|off)|"
    r"taken\s+to\s+(?:a\s+)?police\s+stations?|placed\s+under\s+(?:administrative\s+)?arrest|"
    r"put\s+behind\s+bars|picked\s+up\s+by\s+police|under\s+arrest|in\s+custody|"
    r"held\s+for\s+(?:\w+\s+){1,2}?(?:hours?|days?|nights?)"
)
_ARREST_ACTIVE = (
    r"detain(?:ed|ing|s)?|arrest(?:ed|ing|s)?|jail(?:ed|ing)|rounded\s+up|round\s+up|"
    r"apprehend(?:ed|ing)?|hauled\s+(?:away|off)|bundled"
)
_ARREST_NOUN = r"arrests|detentions|detainees"
_INJURY_PP = (
    r"injured|wounded|hurt|hospitali[sz]ed|taken\s+to\s+(?:a\s+)?hospitals?|"
    r"(?:needed|sought|received|required|underwent|got)\s+(?:\w+\s+)?(?:medical|hospital|emergency)\s+"
    r"(?:treatment|attention|help|care|aid)|suffered\s+(?:\w+\s+)?injuries|"
    r"received\s+(?:\w+\s+)?injuries|treated\s+(?:in\s+hospital\s+)?for\b"
)
_INJURY_ACTIVE = r"injur(?:ed|ing)|wound(?:ed|ing)|hurt(?:ing)?|leaving|left"
_INJURY_NOUN = r"injuries|injured|wounded"
_DEATH_PP = (
    r"killed|dead|died|shot\s+dead|perished|lost\s+(?:their|his|her)\s+lives?|"
    r"fatally\s+(?:shot|wounded|injured)|beaten\s+to\s+death|crushed\s+to\s+death|"
    r"succumbed\s+to"
)
_DEATH_ACTIVE = r"kill(?:ed|ing|s)?|shot\s+dead|shooting\s+dead|gunned\s+down|leaving|left"
_DEATH_NOUN = r"deaths|dead|fatalities|killed"
_PERSON_SINGULAR = (
    r"organi[sz]er|leader|activist|journalist|blogger|founder|head|chairman|chairwoman|"
    r"coordinator|protester|protestor|demonstrator|student|man|woman|boy|girl|lawyer|reporter|"
    r"photographer|cameraman|politician|priest|imam|pensioner|participant|teenager|person|"
    r"resident|worker|miner|farmer|officer|policeman|policewoman|bystander|passer-by|deputy|"
    r"candidate|poet|artist|writer|mother|father|opposition\s+figure|picketer"
)
_PLURAL_PEOPLE = (
    r"protesters|protestors|demonstrators|participants|activists|people|students|workers|"
    r"journalists|residents|supporters|organi[sz]ers|leaders|picketers|marchers|strikers|"
    r"women|men|miners|farmers|members|pensioners|bloggers|relatives|youths|others|they"
)
_BREAK_WORDS = frozenset(
    """and or but while as after when before which
    said say says told tell claimed where because although though since until outside in at on
    near from to during for with across into inside after before by over under""".split()
)
_ADJ_ED = frozenset("armed unarmed masked detained arrested injured wounded aged named".split())
_IRREGULAR_VERBS = frozenset(
    """went took came held ran stood sat gave made saw left got fled fought threw broke began
    tried led""".split()
)
_MULTI_SITE_RE = re.compile(
    r"\b(?:across|throughout|around|all\s+over)\s+(?:the\s+)?(?:country|nation|region|republic)|"
    r"\bnationwide\b|\bin\s+(?:several|many|various|other|\w+)\s+(?:cities|towns|regions)\b|"
    r"\bin\s+total\b|\bsince\s+the\s+(?:protests|unrest|demonstrations)\s+(?:began|started)",
    re.IGNORECASE,
)


_REL = r"(?:,[^,]{1,60},|\s+(?i:who|whom|that)\s+[^,.;]{1,50}?)?"
_SING_AUX = r"(?i:was|has\s+been|had\s+been|got|is)"
_SING_ADV = (
    r"(?:(?:also|reportedly|later|briefly|allegedly|subsequently|then|seriously|severely|badly|"
    r"slightly|lightly|critically|fatally|been)\s+)*"
)


@dataclass(frozen=True, slots=True)
class _Cues:
    """The compiled cues of one kind of count."""

    passive: re.Pattern[str]  # matched right after a quantity (and its noun phrase)
    active: re.Pattern[str]  # searched in the clause before a quantity
    noun: re.Pattern[str]  # matched right after a quantity ("22 arrests")
    zero: re.Pattern[str]
    single: re.Pattern[str]


def _cues(pp: str, active: str, noun: str, zero_nouns: str) -> _Cues:
    """Compile the cues of a count: ``active`` is the regex of what stands before the quantity."""
    flags = re.IGNORECASE
    return _Cues(
        passive=re.compile(rf"^{_AUX}(?:{pp})\b", flags),
        active=re.compile(
            rf"(?:{active})\s+(?:(?:the|another|a\s+further|an\s+additional|some|at\s+least|"
            rf"all|only)\s+)?$",
            flags,
        ),
        noun=re.compile(rf"\s+(?:more\s+)?(?:{noun})\b", flags),
        zero=re.compile(
            rf"\b(?:no\s*-?\s*one|nobody|none\s+of\s+(?:the|them)(?:\s+\w+)?|no\s+(?:\w+\s+){{0,2}}?"
            rf"(?:{_PLURAL_PEOPLE}|{_PERSON_SINGULAR}))\s+(?:\w+\s+){{0,3}}?{_AUX}(?:{pp})\b"
            rf"|\b(?:there\s+(?:were|was|have\s+been)\s+)?no\s+(?:reports?\s+of\s+)?(?:{zero_nouns})\b"
            rf"|\bwithout\s+(?:any\s+)?(?:{zero_nouns})\b",
            flags,
        ),
        single=re.compile(
            rf"\b(?:(?i:the|a|an|one|another|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?i:{_PERSON_SINGULAR}){_REL}(?:\s+{_SING_AUX})?"
            rf"|(?:(?i:he|she)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?){_REL}\s+{_SING_AUX}"
            rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+\d{{1,3}},(?:\s+{_SING_AUX})?)"
            rf"\s+(?i:{_SING_ADV}(?:{pp}))\b",
            0,
        ),
    )


_ARREST = _cues(
    _ARREST_PP,
    rf"\b(?:{_ARREST_ACTIVE})|\b(?:arrests?|detentions?|detaining|arresting)\s+of",
    _ARREST_NOUN,
    r"arrests|detentions",
)
_INJURY = _cues(
    _INJURY_PP,
    rf"\b(?:{_INJURY_ACTIVE})",
    _INJURY_NOUN,
    r"injuries|casualties",
)
_DEATH = _cues(
    _DEATH_PP,
    rf"\b(?:{_DEATH_ACTIVE})|\b(?:deaths?|killings?|killing)\s+of"
    r"|\bdeath\s+toll\s+(?:\w+\s+){0,2}(?:to|at|of)",
    _DEATH_NOUN,
    r"deaths|fatalities|casualties",
)

_ACTIVE_SINGLE_ARREST_RE = re.compile(
    rf"\b(?:{_ARREST_ACTIVE})\s+(?:the|a|an|its|their|one|another)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_PERSON_SINGULAR})\b(?!\s*(?:'s|’s))",
    re.IGNORECASE,
)
_BARE_PLURAL_ARREST_RE = re.compile(
    rf"\b(?:(?:{_PLURAL_PEOPLE})\s+{_AUX}(?:{_ARREST_PP})\b"
    rf"|(?:detained|arrested|jailed|rounded\s+up|apprehended|hauled\s+(?:away|off)|bundled)\s+"
    rf"(?:{_PLURAL_PEOPLE})\b"
    rf"|(?:made|making|carried\s+out)\s+(?:mass\s+)?(?:{_ARREST_NOUN})\b"
    rf"|(?:arrests|detentions)\s+{_AUX}(?:made|carried\s+out|reported)\b"
    rf"|mass\s+(?:arrests|detentions))",
    re.IGNORECASE,
)


#: "took the two students to a police station", "took her away"
_TOOK_RE = re.compile(
    r"\b(?:took|taking|takes|drove|dragged|carried|led|escorted|bundled)\s+"
    r"(?P<obj>him|her|them|(?:the|a|an|two|three|four|five|several|\d+)\s+(?:[\w-]+\s+){0,2}?[\w-]+)"
    r"(?:,[^,]{1,50},)?\s+(?:away\b|off\s+to\s+(?:a|the)\s+police|into\s+(?:police\s+)?custody|"
    r"to\s+(?:a|the|an)\s+(?:nearby\s+|local\s+|district\s+|city\s+)?(?:police\s+)?(?:station|precinct|"
    r"police|van|bus|department))\b",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"\w+\s+(?:him|her|them)\b", re.I)
_REPORTS_OF_RE = re.compile(r"\breports?\s+of\b", re.I)
_REPORTED_AFTER_RE = re.compile(r"\s+(?:were|was|have\s+been|had\s+been)\s+reported\b", re.I)
_SHARE_RE = re.compile(r",\s+(?P<n>[\w,.-]+(?:\s+[\w-]+)?)\s+of\s+them\s+(?:in|at|from|on)\b", re.I)
_AGE_BEFORE_RE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_GRIEVANCE_BEFORE_RE = re.compile(
    r"\b(?:after|following|over|where|since|because\s+of|for|mourn\w*|commemorat\w*|"
    r"anniversary\s+of|against)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


# ------------------------------------------------------------------------------------------
# Public finders


def find_arrests(text: str, sentences: Sequence[Span]) -> list[Finding[Quantity]]:
    """People detained in connection with the event, as the codebook's quantities."""
    found: list[Finding[Quantity]] = []
    for s0, s1 in sentence_bounds(text, sentences):
        hits = _counted(text, s0, s1, _ARREST, allow_vague=True)
        hits += _singles(text, s0, s1, _ARREST) + _active_singles(text, s0, s1)
        hits += _bare_plurals(text, s0, s1)
        # "took them to a police station" after "detained protesters" is the same people
        hits += [f for f in _taken_away(text, s0, s1) if not (hits and _PRONOUN_RE.match(f.value.text))]
        kept = _without_overlaps(hits)
        found += kept + _local_shares(text, s1, kept)
    local = [f for f in found if f.value.low is not None and not is_multi_site(f.value.text)]
    if local and len(local) < len(found):
        # a local count ("38 of them in Santiago") outranks a national total (codebook §3.4)
        found = [f for f in found if not (f.value.low and is_multi_site(f.value.text))]
    return sorted(found, key=lambda f: f.span)


def find_injuries(text: str, sentences: Sequence[Span]) -> list[Finding[int]]:
    """People injured, when the text gives a number (codebook §3.6)."""
    return _as_integers(text, sentences, _INJURY)


def find_fatalities(text: str, sentences: Sequence[Span]) -> list[Finding[int]]:
    """People killed, when the text gives a number (codebook §3.6)."""
    return _as_integers(text, sentences, _DEATH)


def is_multi_site(phrase: str) -> bool:
    """Whether a count covers several places ("about 500 detained across the country").

    The pipeline then applies codebook §3.4: each event concerned keeps the phrase with
    ``low = 2, high = None``, or the total goes to the country-precision event.
    """
    return bool(_MULTI_SITE_RE.search(phrase))


# ------------------------------------------------------------------------------------------
# The engine


def _as_integers(text: str, sentences: Sequence[Span], cues: _Cues) -> list[Finding[int]]:
    found: list[Finding[int]] = []
    for s0, s1 in sentence_bounds(text, sentences):
        hits = _counted(text, s0, s1, cues, allow_vague=False) + _singles(text, s0, s1, cues)
        for f in _without_overlaps(hits):
            if _GRIEVANCE_BEFORE_RE.search(text, max(s0, f.span.start - 40), f.span.start):
                continue  # "rallied after a local man was killed": the protest's cause
            value = f.value.low if f.value.low is not None else f.value.high
            if value is not None:
                found.append(Finding(value, f.span))
    return sorted(found, key=lambda f: f.span)


def _counted(
    text: str, s0: int, s1: int, cues: _Cues, allow_vague: bool
) -> list[Finding[Quantity]]:
    """Zeros, and quantities that are the subject or the object of a count's cue."""
    hits = [
        _zero(text, m.start(), m.end(), s1)
        for m in cues.zero.finditer(text, s0, s1)
        if not is_hypothetical(text, m.start(), s0, words=3)
    ]
    for q in iter_quantities(text, s0, s1):
        if q.kind != "number" and not allow_vague:
            continue
        span = _count_span(text, q, s0, s1, cues)
        if span is not None:
            hits.append(Finding(Quantity(span.text(text), q.low, q.high), span))
    return hits


def _zero(text: str, start: int, end: int, s1: int) -> Finding[Quantity]:
    """A zero, or, for "no arrests were reported" / "no reports of arrests", no count at all."""
    reported = _REPORTED_AFTER_RE.match(text, end, s1)
    if reported:
        end = reported.end()
    span = Span(start, end)
    if reported or _REPORTS_OF_RE.search(text, start, end):
        return Finding(Quantity(span.text(text), None, None), span)
    return Finding(Quantity(span.text(text), 0, 0), span)


def _count_span(text: str, q: QuantityPhrase, s0: int, s1: int, cues: _Cues) -> Span | None:
    before = text[max(s0, q.span.start - 90) : q.span.start]
    if re.search(r"[$€£¥₸]\s*$|\b(?:aged?|article|no\.)\s*$", before, re.IGNORECASE):
        return None
    if is_list_marker(text, q.span, s0):
        return None  # "2. release the men detained on Monday"
    if _AGE_BEFORE_RE.search(before) and text.startswith(",", q.span.end):
        return None  # "Daler Nazarov, 24, died": an age
    if re.match(r"^(?:-|\s*(?:%|percent|per\s+cent|years?|days?|hours?))", text[q.span.end : s1]):
        return None
    noun = cues.noun.match(text, q.span.end, s1)
    if noun:
        return _checked(text, s0, q.span.start, noun.end(), noun.start())
    window = before[-60:]
    cue_at = cues.active.search(window)
    if cue_at:
        cue = q.span.start - len(window) + cue_at.start()
        return _checked(text, s0, cue, _noun_phrase_end(text, q.span.end, s1), cue)
    gap_end = _noun_phrase_end(text, q.span.end, s1, allow_commas=True)
    pp = cues.passive.match(text[gap_end:s1].lstrip(" ,"))
    if pp:
        pp_start = gap_end + len(text[gap_end:s1]) - len(text[gap_end:s1].lstrip(" ,"))
        return _checked(text, s0, q.span.start, _scope_end(text, pp_start + pp.end(), s1), pp_start)
    return None


def _checked(text: str, s0: int, start: int, end: int, cue: int) -> Span | None:
    """The span ``[start, end)`` unless the cue at ``cue`` is negated or hypothetical."""
    if is_negated(text, cue + 1, s0, words=3) or is_hypothetical(text, cue + 1, s0, words=4):
        return None
    return Span(start, end)


def _noun_phrase_end(text: str, pos: int, s1: int, allow_commas: bool = False) -> int:
    """Where the noun phrase after a quantity ends ("22 [young activists] were ...")."""
    end, prev = pos, ""
    for i, m in enumerate(re.finditer(r"[,]|[\w'’-]+|\([^)]*\)", text[pos:s1])):
        token = m.group().lower()
        if i >= 8 or token in _BREAK_WORDS or token in _IRREGULAR_VERBS:
            break
        if token == ",":
            if not allow_commas:
                break
            continue
        after_det = i > 0 and prev in ("the", "a", "an", "its", "their", "his", "her")
        if (token.endswith("ed") and not after_det and (token not in _ADJ_ED or i > 0)) or re.fullmatch(
            r"were|was|have|has|had|are|is|been|got", token
        ):
            break
        prev = token
        end = pos + m.end()
    return end


def _scope_end(text: str, end: int, s1: int) -> int:
    """Extend a count over a following "across the country" / "nationwide"."""
    m = re.match(r"(?:\s+[\w-]+){0,2}?\s+(?:" + _MULTI_SITE_RE.pattern + ")", text[end:s1], re.I)
    return end + m.end() if m else end


def _singles(text: str, s0: int, s1: int, cues: _Cues) -> list[Finding[Quantity]]:
    out = []
    for m in cues.single.finditer(text, s0, s1):
        if _checked(text, s0, m.start(), m.end(), m.end() - 1) is not None:
            out.append(Finding(Quantity(m.group(), 1, 1), Span(m.start(), m.end())))
    return out


def _active_singles(text: str, s0: int, s1: int) -> list[Finding[Quantity]]:
    out = []
    for m in _ACTIVE_SINGLE_ARREST_RE.finditer(text, s0, s1):
        if _checked(text, s0, m.start(), m.end(), m.start()) is not None:
            out.append(Finding(Quantity(m.group(), 1, 1), Span(m.start(), m.end())))
    return out


def _taken_away(text: str, s0: int, s1: int) -> list[Finding[Quantity]]:
    """ "took the two students to a police station" (2), "took her away" (1), "took them" (2+)."""
    out = []
    for m in _TOOK_RE.finditer(text, s0, s1):
        if _checked(text, s0, m.start(), m.end(), m.start()) is None:
            continue
        obj = m.group("obj")
        q = next((p for p in iter_quantities(obj) if p.kind != "indefinite"), None)
        if q is not None:
            low, high = q.low, q.high
        elif obj.lower() == "them" or obj.lower().endswith("s"):
            low, high = 2, None
        else:
            low, high = 1, 1
        out.append(Finding(Quantity(m.group(), low, high), Span(m.start(), m.end())))
    return out


def _local_shares(text: str, s1: int, kept: list[Finding[Quantity]]) -> list[Finding[Quantity]]:
    """ "45 people had been arrested nationwide, 38 of them in Santiago": the 38 is a count too."""
    out = []
    for f in kept:
        m = _SHARE_RE.match(text, f.span.end, s1)
        q = next(iter_quantities(m.group("n")), None) if m else None
        if m and q is not None and q.kind == "number":
            span = Span(m.start("n"), m.end())
            out.append(Finding(Quantity(span.text(text), q.low, q.high), span))
    return out


def _bare_plurals(text: str, s0: int, s1: int) -> list[Finding[Quantity]]:
    out = []
    for m in _BARE_PLURAL_ARREST_RE.finditer(text, s0, s1):
        if _checked(text, s0, m.start(), m.end(), m.end() - 1) is not None:
            out.append(Finding(Quantity(m.group(), 2, None), Span(m.start(), m.end())))
    return out


def _without_overlaps(findings: list[Finding[Quantity]]) -> list[Finding[Quantity]]:
    """Keep the first-found of overlapping findings (zeros and numbers before singles)."""
    kept: list[Finding[Quantity]] = []
    for f in findings:
        if not any(k.span.overlaps(f.span) for k in kept):
            kept.append(f)
    return kept
