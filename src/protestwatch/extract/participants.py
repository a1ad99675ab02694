"""Participants of one event: who took part ("relatives of detainees in Xinjiang", "students").

Reads the article text and the sentences attributed to one event; writes ``Finding[Participant]``
with spans into the article text.  Participants come from a lexicon of collective nouns (students,
miners, pensioners, residents, relatives, ethnic groups ...) with their modifiers and "of ..."
complements; sources ("hospital staff said") and adjective uses ("Mapuche flags") are not
participants.  Organizers are in ``actors``.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Sequence

from protestwatch.extract.names import NOT_NAMES
from protestwatch.geo.demonyms import demonym_country
from protestwatch.model import ActorType, Finding, Participant, Span

_PARTICIPANT_HEADS: tuple[tuple[str, ActorType], ...] = (
    (r"(?:university\s+|college\s+|school\s+)?students|schoolchildren|pupils|undergraduates"
     r"|graduates", ActorType.STUDENTS),
    (r"(?:(?!(?:the|a|an|of|and|hundred|thousand|dozen|some|many|several|those|these|their"
     r"|other|more|are|were|is|was|be|been|being|as|all|most|for|by|with|to|from|at|on|in|no"
     r"|two|three|four|five|six|ten|fifty|\d+)\b)[a-z][a-z-]+\s+)?workers|miners|employees|laborers|labourers|teachers|nurses|doctors|medics"
     r"|drivers|truckers|dockers|builders|staff|steelworkers|couriers|civil\s+servants"
     r"|factory\s+hands|railwaymen|oil\s+workers", ActorType.WORKERS),
    (r"farmers|peasants|herders|growers|fishermen|cattle\s+breeders|livestock\s+breeders",
     ActorType.FARMERS),
    (r"residents|villagers|locals|inhabitants|homeowners|tenants|townspeople|neighbou?rs"
     r"|dwellers|shareholders\s+of\s+housing", ActorType.RESIDENTS),
    (r"relatives|families|family\s+members|parents|widows|wives",
     ActorType.RELATIVES),
    (r"ethnic\s+[A-Z]\w+|Uighurs|Uyghurs|Kurds|Rohingya|Tatars|Karakalpaks|Tibetans"
     r"|indigenous\s+(?:people|peoples|communities|groups)|Roma|Amazigh|Hazaras|Tamils"
     r"|Mapuche|Baloch|Pashtuns|Armenians\s+of", ActorType.ETHNIC_GROUP),
    (r"Muslims|Christians|Catholics|believers|worshippers|clergy|monks|priests|Buddhists"
     r"|Hindus|Sikhs|Jews|Orthodox\s+faithful|the\s+faithful", ActorType.RELIGIOUS_GROUP),
    (r"activists|campaigners|rights\s+defenders|environmentalists|opposition\s+supporters"
     r"|supporters\s+of\s+[A-Z]\w+", ActorType.ACTIVISTS),
    (r"journalists|reporters|media\s+workers|bloggers", ActorType.JOURNALISTS),
    (r"women|mothers|girls|feminists", ActorType.WOMEN),
    (r"pensioners|retirees|elderly\s+people|senior\s+citizens|the\s+elderly",
     ActorType.PENSIONERS),
    (r"entrepreneurs|traders|vendors|shopkeepers|business\s+owners|merchants|market\s+traders"
     r"|small\s+business\s+owners|businesspeople|taxi\s+owners|shop\s+owners", ActorType.BUSINESS),
    (r"home\s*owners|flat\s+owners|apartment\s+owners", ActorType.RESIDENTS),
    (r"lawyers|veterans|fans|youths|young\s+people|unemployed|disabled\s+people|refugees"
     r"|migrants|opposition\s+members|citizens|(?:car|vehicle|land|property)\s+owners"
     r"|[A-Z][a-z]+(?:ans|is|ers|s)", ActorType.OTHER),
)
_PARTICIPANT = re.compile(
    r"\b(?P<mods>(?:(?:angry|local|young|ethnic|retired|striking|unpaid|female|male|elderly"
    r"|[A-Z][a-z]+|[a-z]+-[a-z]+|oil|gas|coal|gold|copper|steel|textile|garment|factory|mine"
    r"|metro|bus|taxi|public|state|private|hospital|school|university|health|transport"
    r"|railway|dock|port|sugar|cotton|rice|dairy|tea|fruit|wheat|market|displaced|laid-off"
    r"|dismissed|disgruntled|fellow|former|their)\s+){0,3})"
    r"(?P<head>" + "|".join(f"(?:{h})" for h, _ in _PARTICIPANT_HEADS) + r")\b"
    r"(?P<comp>\s+at\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*"
    r"(?:\s+(?:[a-z]+\s+)?(?:plant|factory|mine|field|company|university))?"
    r"|\s+in\s+the\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:region|district|province"
    r"|valley|county)"
    r"|\s+employed\s+by\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    r"|\s+(?:of|from)\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+(?=[,.;:]|\s+(?:who|which|that"
    r"|and|gathered|held|rallied|protested|marched|staged|took|demanded|were|was|have|had"
    r"|outside|on|at|to|chanting|carrying|blocked|went|came|joined|demanding|calling)\b|$))?"
)
_HEAD_TYPES = [(re.compile(rf"^(?:{h})$", re.I), t) for h, t in _PARTICIPANT_HEADS]
_NOT_PARTICIPANT_BEFORE = re.compile(
    r"(?:\bfor|\bagainst|\bto|\bby|\bwith|\bthat|\bhire|\b(?:release|rights|arrest|detention"
    r"|dismissal|killing|death|deaths|interests|treatment|persecution|eviction)\s+of)\s+"
    r"(?:the\s+|their\s+|local\s+)?$",
    re.I,
)
_KIN_IN_CLAIM = re.compile(
    r"\b(?:release|return|whereabouts|fate)\s+of\s+their\s+(?P<kin>relatives|sons|daughters"
    r"|children|husbands|brothers|family\s+members|loved\s+ones)(?P<rest>(?:\s+(?:in|from|held"
    r"|detained|jailed)\s+[\w\s’'-]{1,40}?)?)(?=[,.;:]|\s+and\b|$)",
    re.I,
)
_MOD_DROP = re.compile(
    r"^(?:(?:their|fellow|angry|the|some|many|hundreds|dozens|thousands)\s+)+", re.I)


def participant_type(head: str) -> ActorType:
    """The codebook's actor type of a collective noun (\"miners\" → workers)."""
    head = " ".join(head.split())
    if head.lower().startswith("ethnic "):
        return ActorType.ETHNIC_GROUP
    for pattern, actor_type in _HEAD_TYPES:
        if pattern.match(head):
            return actor_type
    return ActorType.OTHER


def _valid_modifiers(mods: str) -> str:
    """Keep modifiers that describe the group: lower-case words, demonyms, and the place name
    right before the noun ("Kulanak residents"); drop other capitalised words (names, days)."""
    words = mods.split()
    kept: list[str] = []
    for i, word in enumerate(words):
        tail = all(w[:1].isupper() for w in words[i:])
        if word[:1].isupper() and not demonym_country(word) and word.lower() != word:
            if not tail or word.lower() in NOT_NAMES:
                kept = []  # a name or a sentence-initial word: restart after it
                continue
        kept.append(word)
    return _MOD_DROP.sub("", " ".join(kept))


#: The people are a source, not participants: "hospital staff said", "told reporters".
_SOURCE_AFTER = re.compile(
    r"\s*,?\s+(?:said|say|says|told|reported|estimated|interviewed|quoted|according|confirmed)\b")
_SOURCE_HEADS = re.compile(
    r"(?:staff|reporters|journalists|lawyers|activists|campaigners|defenders|doctors|medics"
    r"|nurses|bloggers)$", re.I)
_SOURCE_BEFORE = re.compile(r"(?:\btold|according\s+to|interviewed\s+by|quoted\s+by)\s+"
                            r"(?:the\s+|local\s+|foreign\s+)?$", re.I)
#: An adjective, not a group: "Mapuche flags", "Kurdish rights".
_ATTRIBUTIVE_USE = re.compile(
    r"\s+(?:flags?|banners?|symbols?|colou?rs|songs?|music|dress|costumes?|lands?|territor(?:y"
    r"|ies)|rights|language|culture|cause|leaders?|authorities|government|police|officials"
    r"|embassy|consulate|media|union|unions)\b")


def _not_participants(text: str, m: re.Match[str], sent: Span) -> bool:
    before = text[max(sent.start, m.start() - 30):m.start()]
    if _NOT_PARTICIPANT_BEFORE.search(before) or _SOURCE_BEFORE.search(before):
        return True
    if _SOURCE_AFTER.match(text, m.end()) and _SOURCE_HEADS.search(m.group("head")):
        return True
    if _ATTRIBUTIVE_USE.match(text, m.end()) or text[m.end():m.end() + 1] == "-":
        return True
    head = m.group("head")
    # A capitalised plural is a group only when it is a nationality or a listed group.
    return head[:1].isupper() and participant_type(head) is ActorType.OTHER and (
        not demonym_country(head))


def _participants_in(text: str, sent: Span) -> Iterator[Finding[Participant]]:
    # Lower-case the sentence's first letter ("Residents of …") without moving any offset.
    if text[sent.start:sent.start + 1].isupper() and text[sent.start + 1:sent.start + 2].islower():
        text = text[:sent.start] + text[sent.start].lower() + text[sent.start + 1:]
    for m in _KIN_IN_CLAIM.finditer(text, sent.start, sent.end):
        desc = f"relatives of people{m.group('rest')}" if m.group("rest") else "relatives"
        yield Finding(Participant(" ".join(desc.split()), ActorType.RELATIVES),
                      Span(m.start("kin"), m.end("rest") or m.end("kin")))
    for m in _PARTICIPANT.finditer(text, sent.start, sent.end):
        if _not_participants(text, m, sent):
            continue
        head, comp = m.group("head"), m.group("comp") or ""
        actor_type = participant_type(head)
        if head.lower() in {"mothers", "women"} and comp.lstrip().startswith("of"):
            actor_type = ActorType.RELATIVES  # "mothers of jailed soldiers"
        mods = _valid_modifiers(m.group("mods") or "")
        desc = " ".join(f"{mods} {head}{comp}".split())
        start = m.start("head") - (len(mods) + 1 if mods else 0)
        yield Finding(Participant(desc, actor_type), Span(max(start, m.start()), m.end()))


def find_participants(
    text: str, sentences: Sequence[Span], doc: Any = None
) -> list[Finding[Participant]]:
    """Who took part: "students", "relatives of detainees in Xinjiang", "ethnic Uighurs" …"""
    found: list[Finding[Participant]] = []
    for sent in sentences:
        for finding in _participants_in(text, sent):
            if any(f.span.overlaps(finding.span) for f in found):
                continue
            if any(f.value.description.casefold() == finding.value.description.casefold()
                   for f in found):
                continue
            found.append(finding)
    return [f for f in found if not any(_restates(f.value, g.value) for g in found)]


def _restates(p: Participant, q: Participant) -> bool:
    """Whether ``p`` only repeats ``q`` less precisely ("the workers" after "oil workers")."""
    if p is q or p.type is not q.type:
        return False
    words = [w for w in p.description.casefold().split() if w != "the"]
    return len(words) < len(q.description.split()) and set(words) <= set(
        q.description.casefold().split())
