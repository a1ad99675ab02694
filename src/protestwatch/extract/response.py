"""The state's response to an event, and what the protesters did: force, dispersal, internet
shutdowns, permits, protester violence and stated outcomes.

Reads: the article text and the sentences attributed to one event.  Writes: one ``Finding`` per
cue, its span on the cue's words; the pipeline picks the event's value from them.

Each detector is a list of rules, most specific first: a regex, the value it codes, and what a
negation in front of it ("did not", "no", "refused to") does: skip the cue, or code another value
("was not approved" → denied; "internet was not cut" → False).  Hypothetical cues ("threatened to
use force", "could be dispersed", "tried to disperse") are skipped, and so are habits ("sometimes
clashed with police") for force and violence.  Of overlapping cues the earlier rule wins.

Codebook mapping (§2, §3.7–3.9): tear gas, water cannon, stun grenades, rubber bullets, batons,
pepper spray, kettling, beatings, warning shots → ``crowd_control``; live fire, "opened fire",
"shot dead" → ``lethal``; "police did not intervene", "passed peacefully" → ``none``.  Dispersal is
True only when the authorities disperse or clear the crowd; a crowd that leaves on its own → False.
Permit: approved/sanctioned/authorised/agreed with the authorities/granted permission →
``authorized``; unsanctioned/unauthorised/illegal/banned/refused permission → ``denied``; "do not
require permission" → ``not_required``.  A concession ("Although the rally was approved ...") does
not negate.  Outcome: a concession by an authority or a company, or a claim's object suspended
("the plan was suspended"); refusals are not outcomes.

Fails on: cues whose agent is elsewhere ("They fired tear gas" is found, but whether "they" were
police is not checked), irony and quotes, and outcomes spread over sentences.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Generic, Sequence, TypeVar

from protestwatch.extract.quantities import (
    is_habitual,
    is_hypothetical,
    is_negated,
    sentence_bounds,
)
from protestwatch.model import Finding, Force, Permit, Span

logger = logging.getLogger(__name__)

__all__ = [
    "detect_force",
    "detect_dispersal",
    "detect_internet_shutdown",
    "detect_permit",
    "detect_protester_violence",
    "find_outcome",
]

V = TypeVar("V")
_SKIP = object()  # the rule's value when negated: drop the cue
_I = re.IGNORECASE
_NEG_INSIDE_RE = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", _I)


@dataclass(frozen=True, slots=True)
class _Rule(Generic[V]):
    pattern: re.Pattern[str]
    value: V
    if_negated: object = _SKIP  # a value, or _SKIP
    negation_inside: bool = False  # the pattern itself states a negation: don't test for one
    skip_habitual: bool = False
    any_modality: bool = False  # a demand or a plan states the fact too ("must restore internet")


def _rule(src: str, value: V, if_negated: object = _SKIP, **kw: bool) -> _Rule[V]:
    return _Rule(re.compile(src, _I), value, if_negated, **kw)


# Stems that every rule of a set needs (matched against the lower-cased sentence, much faster
# than the sets' case-insensitive patterns): a sentence without one cannot match the set.  Kept
# in step with the rules by tests/extract/test_response.py (prefilter equivalence).
_STEMS = {
    "force": r"polic|officer|troop|soldier|secur|guard|gendarm|omon|army|militia|special|peaceful|"
             r"incident|interven|interfer|force|dispers|broken|live|fire|shot|gun|sniper|kill|gas|"
             r"cannon|grenade|flash|bullet|pellet|baton|truncheon|pepper|kettl|lathi|smoke|beat|"
             r"dragg|stood|watch|look|distance|act|refrain|chose|attempt|ended|passed|went|proceed|forcibl|"
             r"took|conclud|violen|clash|interf",
    "dispersal": r"dispers|disband|broke|break|clear|scatter|rout|chase|driven|evict|push|forc|"
                 r"ended|end|home|work|went|left|leave|peaceful|calm|quiet|incident|swept|sweep|"
                 r"operation|away|accord|itself|order|drift|melt|return",
    "internet": r"internet|mobile|communicat|information|digital|blackout|shutdown|outage|signal|"
                r"network|connect|online|messag|telegram|whatsapp|vpn|phone|cellular|data|web|"
                r"social|restor|cut|block|throttl|service|access|3g|4g|5g|sms|app|line",
    "permit": r"sanction|authori|permi|approv|allow|illegal|unlawful|ban|notif|agree|refus|applic|"
              r"legal|licen|prohibit|forbid|regist|requir|consent|coordinat|green|turn|reject|"
              r"denied|deny|need|necessary|exempt|lawful",
    "violence": r"stone|rock|fire|burn|smash|loot|clash|attack|throw|threw|hurl|molotov|petrol|"
                r"vandal|damag|peaceful|torch|violen|injur|fought|fight|beat|brick|bottle|set|"
                r"ablaze|arson|storm|rampag|punch|assault|calm|incident|orderly|non-violent|"
                r"nonviolent|destroy|wreck|overturn|barricade|missile|projectile|object",
}
_PREFILTERS = {name: re.compile(pattern) for name, pattern in _STEMS.items()}


def _scan(
    text: str, sentences: Sequence[Span], rules: Sequence[_Rule[V]], prefilter: str | None = None
) -> list[Finding[V]]:
    """Apply ``rules`` to every sentence; overlapping cues go to the earlier rule.  With
    ``prefilter`` (a key of ``_STEMS``), a sentence without any of its stems is skipped."""
    found: list[Finding[V]] = []
    stems = _PREFILTERS[prefilter] if prefilter else None
    for s0, s1 in sentence_bounds(text, sentences):
        if stems is not None and not stems.search(text[s0:s1].lower()):
            continue
        kept: list[Finding[V]] = []
        for rule in rules:
            for m in rule.pattern.finditer(text, s0, s1):
                span = Span(m.start(), m.end())
                if any(k.span.overlaps(span) for k in kept):
                    continue
                value = _judge(text, s0, s1, m, rule)
                if value is not _SKIP:
                    kept.append(Finding(value, span))  # type: ignore[arg-type]
        found += kept
    return sorted(found, key=lambda f: f.span)


def _judge(text: str, s0: int, s1: int, m: re.Match[str], rule: _Rule[V]) -> object:
    if not rule.any_modality and is_hypothetical(text, m.start(), s0, words=5):
        return _SKIP
    if rule.skip_habitual and is_habitual(text, max(s0, m.start() - 40), m.end()):
        return _SKIP
    if rule.negation_inside:
        return rule.value
    if is_negated(text, m.start(), s0, words=4) or _NEG_INSIDE_RE.search(m.group()):
        return rule.if_negated
    return rule.value


# ------------------------------------------------------------------------------------------
# Force

_SECURITY = (
    r"(?:police|policemen|officers|troops|soldiers|security\s+(?:forces|officers|services)|"
    r"riot\s+police|guards|gendarmes|national\s+guard|special\s+forces|OMON|army|militia)"
)
_CROWD = r"(?:crowds?|protesters|protestors|demonstrators|people|marchers|participants|rally|protest)"
_FORCE_RULES: tuple[_Rule[Force], ...] = (
    _rule(rf"\b{_SECURITY}\s+(?:did\s+not|didn['’]t|chose\s+not\s+to|made\s+no\s+attempt\s+to|"
          r"refrained\s+from)\s+(?:\w+\s+)?(?:interven\w*|interfer\w*|us\w*\s+force|disperse|act)",
          Force.NONE, negation_inside=True),  # fmt: skip
    _rule(r"\b(?:passed|ended|went|proceeded|took\s+place|concluded)\s+(?:off\s+)?(?:\w+\s+)?"
          r"(?:peacefully|without\s+(?:any\s+)?(?:incident|incidents|violence|clashes|interference))",
          Force.NONE, negation_inside=True),  # fmt: skip
    _rule(rf"\b{_SECURITY}\s+(?:\w+\s+)?(?:stood\s+by|watched|looked\s+on|kept\s+(?:their|a)\s+"
          r"distance|did\s+not\s+interfere)|\bwithout\s+(?:police\s+)?(?:intervention|interference)"
          r"|\bno\s+force\s+was\s+used|\b(?:was|were)\s+not\s+(?:dispersed|broken\s+up)",
          Force.NONE, negation_inside=True),  # fmt: skip
    _rule(r"\blive\s+(?:fire|ammunition|rounds|bullets)|\bopened\s+fire(?!\s+(?:with|using)\s+"
          r"(?:rubber|plastic|tear|water|pellet|paintball|blank|stun))|\bfired\s+(?:live\s+\w+\s+)?"
          rf"(?:on|at|into)\s+(?:the\s+)?{_CROWD}|\bshot\s+(?:dead|and\s+killed)|\b(?:fatally|mortally)"
          r"\s+(?:shot|wounded)|\bgunned\s+down|\bsnipers?\b|\bgunfire\b|\bgunshot\s+wounds?|"
          rf"\bkilled\s+by\s+{_SECURITY}", Force.LETHAL, skip_habitual=True),  # fmt: skip
    _rule(r"\btear\s*-?\s*gas(?:sed)?\b|\bwater\s*-?\s*cannons?\b|\bstun\s+grenades?\b|"
          r"\bflash-?\s*bangs?\b|\b(?:rubber|plastic|rubber-coated)\s+bullets\b|\bpellet\s+guns?\b|"
          r"\bbatons?\b|\btruncheons?\b|\bpepper\s*-?\s*(?:spray(?:ed)?|gas)\b|\bkettl(?:ed|ing|e)\b|"
          r"\blathi\s*-?\s*charg\w*|\bsound\s+cannons?\b|\bsmoke\s+grenades?\b|\bwarning\s+shots\b|"
          r"\bfired\s+(?:shots\s+)?into\s+the\s+air\b|\bbeat(?:en|ing)?\s+(?:\w+\s+){0,2}?"
          rf"(?:by\s+{_SECURITY}|{_CROWD})|\bforcibly\s+(?:dispers\w+|remov\w+|dragg\w+)|"
          r"\bdragged\s+(?:\w+\s+){0,2}?(?:into|to|away|off)\b",
          Force.CROWD_CONTROL, skip_habitual=True),  # fmt: skip
)


def detect_force(text: str, sentences: Sequence[Span]) -> list[Finding[Force]]:
    """Force used against the gathering: ``crowd_control``, ``lethal`` or ``none``."""
    return _scan(text, sentences, _FORCE_RULES, "force")


# ------------------------------------------------------------------------------------------
# Dispersal

_CROWD_SUBJECT = (
    r"(?:crowds?|protesters|protestors|demonstrators|participants|people|they|gathering|rally|"
    r"protest|march|marchers|picketers|students|workers|strikers|residents|villagers|miners|"
    r"farmers|pensioners|activists|supporters|women|mothers|drivers|traders)"
)
_PLACE_NOUN = (
    r"(?:square|avenue|street|streets|road|area|park|bridge|camp|encampment|highway|motorway|"
    r"boulevard|prospekt|carriageway|site|plaza|roundabout|junction|sit-?in|tents?)"
)
_DISPERSE_VERB = (
    r"(?:dispersed|broke\s+up|cleared|scattered|routed|chased\s+away|drove\s+away|drove\s+back|"
    r"pushed\s+back|removed|evicted|dismantled|broke\s+up)"
)
_DISPERSAL_RULES: tuple[_Rule[bool], ...] = (
    _rule(rf"\b{_CROWD_SUBJECT}\s+(?:\w+\s+)?(?:dispersed|broke\s+up|left|went\s+home|disbanded|"
          r"disbanded)\s+(?:on\s+(?:its|their)\s+own|peacefully|voluntarily|quietly|calmly|"
          r"of\s+(?:its|their)\s+own\s+accord|without\s+(?:any\s+)?incident|by\s+itself|"
          r"in\s+an\s+orderly)", False, negation_inside=True),  # fmt: skip
    _rule(r"\b(?:rally|protest|demonstration|march|picket|gathering|action)\s+(?:\w+\s+)?ended\s+"
          r"(?:peacefully|without\s+(?:any\s+)?incident|calmly|quietly)|\band\s+ended\s+(?:peacefully|"
          r"calmly|quietly|without\s+(?:any\s+)?incident)|\b(?:rally|protest|demonstration|march|picket|"
          r"gathering|action|strike|sit-?in|blockade)\s+(?:\w+\s+)?ended\s+(?:\w+\s+)?(?:when|after|once)\s+"
          r"(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:promised|agreed|met|pledged|conceded|accepted|"
          r"announced|came\s+out)", False),  # fmt: skip
    _rule(rf"\b{_CROWD_SUBJECT}\s+(?:\w+\s+)?(?:went|returned|headed)\s+(?:back\s+)?(?:home|to\s+work)\b",
          False, negation_inside=True),  # fmt: skip
    _rule(rf"\b{_SECURITY}\s+(?:\w+\s+){{0,3}}?{_DISPERSE_VERB}\b", True, False),
    _rule(rf"\b(?:clear(?:ed|ing)?|swe(?:pt|eping)|empt(?:ied|ying))\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?"
          rf"{_PLACE_NOUN}\b|\b(?:push(?:ed|ing)?|forc(?:ed|ing)|dr(?:ove|iving)|chas(?:ed|ing)|"
          rf"herd(?:ed|ing))\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_CROWD_SUBJECT}|them)\s+(?:off|out\s+of|"
          r"away\s+from|from)\b|\b(?:began|started|launched|carried\s+out)\s+(?:the\s+|a\s+)?"
          r"(?:forcible\s+|violent\s+)?dispersal\b|\bended\s+by\s+(?:a\s+|the\s+)?(?:security|police|"
          rf"military|special)\s+(?:operation|forces)|\bended\s+by\s+{_SECURITY}", True, False),  # fmt: skip
    _rule(r"\b(?:was|were|had\s+been|has\s+been|have\s+been|got|being)\s+(?:not\s+|never\s+)?"
          r"(?:\w+ly\s+)?(?:dispersed|broken\s+up|cleared|scattered|routed|chased\s+away|driven\s+(?:away|back|out)|"
          r"evicted|pushed\s+(?:back|out|away)|forced\s+(?:back|out|off))\b", True, False),  # fmt: skip
    _rule(r"\b(?:dispers(?:e|ed|ing)|broke\s+up|break\s+up|clear(?:ed)?)\s+(?:the\s+)?(?:\w+\s+)?"
          r"(?:crowds?|protesters|protestors|demonstrators|rally|protest|gathering|participants|"
          r"sit-?in|camp|encampment|square|marchers|picket)\b|\bdispersal\s+of\b|\bforcibly\s+dispersed",
          True, False),  # fmt: skip
    _rule(rf"\b{_CROWD_SUBJECT}\s+(?!(?:was|were|had|has|have|been|being)\b)(?:\w+\s+)?"
          r"(?:dispersed|disbanded)\b(?!\s+(?:by|the|them|protesters|demonstrators|crowds?|with))",
          False, negation_inside=True),  # fmt: skip
)


def detect_dispersal(text: str, sentences: Sequence[Span]) -> list[Finding[bool]]:
    """True when the authorities dispersed or cleared the gathering; False when it left by itself."""
    return _scan(text, sentences, _DISPERSAL_RULES, "dispersal")


# ------------------------------------------------------------------------------------------
# Internet shutdowns

_NET = (
    r"(?:(?:the\s+)?internet|mobile\s+(?:internet|data|signals?|service|networks?|connections?|"
    r"phones?|communications?)|cell(?:ular|phone)?\s+(?:service|signals?|networks?|phones?)|"
    r"phone\s+(?:signals?|lines|service|networks?)|3G|4G|LTE|(?:internet\s+)?connectivity|"
    r"access\s+to\s+(?:the\s+)?internet|messaging\s+(?:apps?|services)|messengers?|"
    r"social\s+(?:media|networks?)|WhatsApp|Telegram|Facebook|Instagram|Twitter|TikTok|YouTube|"
    r"VPNs?)"
)
_CUT = (
    r"(?:cut|cut\s+off|shut\s+(?:down|off)|blocked|throttled|down|disrupted|restricted|jammed|"
    r"unavailable|suspended|slowed(?:\s+down)?|inaccessible|interrupted|switched\s+off|"
    r"turned\s+off|went\s+dark|severed|limited|blacked\s+out|stopped\s+working)"
)
_INTERNET_RULES: tuple[_Rule[bool], ...] = (
    _rule(rf"\b{_NET}\s+(?:\w+\s+){{0,2}}?(?:worked|functioned|remained\s+(?:available|accessible|"
          r"on|stable))\b", False, negation_inside=True),  # fmt: skip
    _rule(rf"\b{_NET}\s+(?:\w+\s+){{0,4}}?{_CUT}\b", True, False),
    _rule(rf"\b{_NET}\s+(?:(?!(?:that|which|who|said|says|complained|because|but)\b)(?:[\w'’-]+|"
          r"\([^)]*\))[\s,]+){0,10}?(?:were|was|have\s+been|has\s+been|had\s+been|remained|remain|"
          rf"are|is)\s+(?:\w+\s+)?{_CUT}\b", True, False),  # fmt: skip
    _rule(rf"\brestor(?:e|ed|ing|ation\s+of)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?{_NET}|\b{_NET}\s+"
          r"(?:\w+\s+){0,3}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?restored\b",
          True, any_modality=True),  # fmt: skip
    _rule(r"\b(?:cut(?:ting)?|shut(?:ting)?\s+(?:down|off)|block(?:ed|ing)|throttl(?:ed|ing)|"
          r"disrupt(?:ed|ing)|restrict(?:ed|ing)|jamm(?:ed|ing)|suspend(?:ed|ing)|switch(?:ed|ing)\s+off|"
          rf"sever(?:ed|ing)|limit(?:ed|ing))\s+(?:off\s+)?(?:\w+\s+){{0,2}}?{_NET}", True, False),  # fmt: skip
    _rule(r"\b(?:internet|mobile|communications?|information|digital)\s+(?:blackout|shutdown|"
          r"outage|disruptions?|restrictions?|cuts?|blockade)s?\b|\b(?:blackout|shutdown)\s+of\s+"
          r"(?:the\s+)?(?:internet|mobile)", True, False),  # fmt: skip
)


def detect_internet_shutdown(text: str, sentences: Sequence[Span]) -> list[Finding[bool]]:
    """True when internet or mobile service was cut, blocked or throttled; False when it was not."""
    return _scan(text, sentences, _INTERNET_RULES, "internet")


# ------------------------------------------------------------------------------------------
# Permits

_EVENT = (
    r"(?:rall(?:y|ies)|protests?|demonstrations?|march(?:es)?|pickets?|gatherings?|meetings?|"
    r"actions?|events?|assembl(?:y|ies)|sit-?ins?|vigils?|procession|strikes?|walkouts?|"
    r"blockades?|it)\b"
)
_PERMIT_NOUN = r"(?:permission|permits?|approval|authori[sz]ation|sanction|the\s+go-ahead)\b"
_REQUEST = (
    r"(?:requests?|applications?)(?=\s+(?:to\s+(?:hold|stage)|for\s+(?:a\s+|the\s+)?(?:rally|"
    r"protest|march|demonstration|picket|permit|permission)))"
)
_AUTHORITY = (
    r"(?:(?:the\s+)?(?:city|local|municipal|regional|district)?\s*(?:authorities|city\s+hall|"
    r"akimat|mayor['’]s\s+office|administration|officials|hokimiyat|municipality|government|"
    r"police|governor['’]s\s+office))"
)
_PERMIT_RULES: tuple[_Rule[Permit], ...] = (
    _rule(r"\b(?:do(?:es)?\s+not|don['’]t|doesn['’]t|did\s+not|didn['’]t)\s+(?:need|require)\s+"
          rf"(?:\w+\s+){{0,2}}?(?:{_PERMIT_NOUN}|to\s+be\s+(?:approved|agreed|sanctioned|authori[sz]ed))"
          rf"|\b(?:need|needs|needed|require|requires|required)\s+no\s+(?:\w+\s+)?{_PERMIT_NOUN}"
          rf"|\bno\s+{_PERMIT_NOUN}\s+(?:is|was|are)\s+(?:needed|required|necessary)"
          rf"|\b{_PERMIT_NOUN}\s+(?:is|was|are)\s+not\s+(?:needed|required|necessary)"
          r"|\b(?:only|merely)\s+(?:require|need|requires|needs)\s+(?:\w+\s+)?notification"
          rf"|\bwithout\s+the\s+need\s+(?:for|of)\s+(?:a\s+)?{_PERMIT_NOUN}",
          Permit.NOT_REQUIRED, negation_inside=True),  # fmt: skip
    _rule(r"\b(?:un-?sanctioned|un-?authori[sz]ed|unpermitted|unapproved|illegal|banned|unlawful|"
          rf"prohibited|not\s+(?:sanctioned|authori[sz]ed|approved|agreed|permitted))\s+(?:\w+\s+)?{_EVENT}"
          rf"|\b(?:declared|deemed|ruled|called|branded|pronounced)\s+(?:the\s+|their\s+|a\s+)?(?:\w+\s+)?"
          rf"{_EVENT}\s+(?:to\s+be\s+)?(?:illegal|unlawful|unsanctioned|unauthori[sz]ed)"
          rf"|\b(?:refused|declined|failed)\s+to\s+(?:approve|authori[sz]e|sanction|permit|allow|agree\s+to|"
          rf"agree)\s+(?:the\s+|a\s+|their\s+|its\s+)?(?:\w+\s+)?{_EVENT}"
          rf"|\b(?:applied|asked|appl(?:y|ication))\s+for\s+(?:\w+\s+){{0,2}}?{_PERMIT_NOUN}[^.;]{{0,80}}?"
          r"\b(?:were|was|had\s+been|been)\s+(?:\w+\s+)?(?:refused|denied|rejected|turned\s+down)"
          r"|\b(?:refused|rejected|turned\s+down)\s+(?:\w+\s+){0,2}?(?:application|notification)s?\b"
          rf"|\b{_EVENT}\s+(?:\w+\s+){{0,2}}?(?:was|were|had\s+been|has\s+been|is|are|being)\s+"
          r"(?:\w+\s+)?(?:un-?sanctioned|un-?authori[sz]ed|illegal|banned|prohibited|unlawful|"
          r"not\s+(?:sanctioned|authori[sz]ed|approved|agreed|permitted|allowed))\b",
          Permit.DENIED, negation_inside=True),  # fmt: skip
    _rule(r"\b(?:refused|denied|rejected|declined|turned\s+down|revoked|withdrew)\s+(?:\w+\s+){0,3}?"
          rf"(?:{_PERMIT_NOUN}|{_REQUEST})|\b(?:{_PERMIT_NOUN}|{_REQUEST})"
          r"\s+(?:\w+\s+){0,3}?(?:was|were|had\s+been|has\s+been)\s+(?:refused|denied|rejected|"
          r"turned\s+down|revoked|withdrawn)|\bwithout\s+(?:\w+\s+)?(?:permission|a\s+permit|permits|"
          r"approval|authori[sz]ation|sanction)|\b(?:ban(?:ned)?|prohibit(?:ed)?)\s+(?:the\s+)?"
          r"(?:planned\s+)?(?:rally|protest|march|demonstration|gathering|picket|all\s+(?:rallies|"
          r"protests|gatherings|demonstrations))|\b(?:despite|in\s+defiance\s+of|defying|defied)\s+"
          r"(?:a|an|the)\s+(?:\w+\s+){0,2}?ban\b|\bban\s+on\s+(?:\w+\s+){0,2}?(?:rallies|protests|"
          r"gatherings|demonstrations|public\s+(?:events|assemblies)|mass\s+(?:events|gatherings))",
          Permit.DENIED, negation_inside=True),  # fmt: skip
    _rule(rf"\b{_EVENT}\s+(?:\w+\s+){{0,2}}?(?:was|were|had\s+been|has\s+been|been|is|being)\s+(?:\w+\s+)?"
          r"(?:approved|sanctioned|authori[sz]ed|permitted|allowed|agreed|coordinated|legal|lawful)\b"
          r"|(?<![-\w])(?:sanctioned|authori[sz]ed|approved|permitted|legal|lawful|officially\s+"
          rf"(?:approved|sanctioned))\s+(?:\w+\s+)?{_EVENT}\b"
          rf"|\bagreed\s+(?:upon\s+)?with\s+{_AUTHORITY}"
          rf"|\b(?:granted|received|obtained|got|secured|with)\s+(?:\w+\s+){{0,2}}?{_PERMIT_NOUN}"
          rf"|\bhad\s+(?:a\s+|the\s+|an\s+)?(?:\w+\s+)?{_PERMIT_NOUN}"
          r"|\bnotified\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:authorities|akimat|city\s+hall|municipality|"
          r"mayor['’]s\s+office|administration|police|hokimiyat|khokimiyat|council|prefecture|"
          r"governor['’]s\s+office|city)\b"
          rf"|\b{_AUTHORITY}\s+(?:\w+\s+){{0,2}}?(?:approved|sanctioned|authori[sz]ed|permitted|allowed|"
          rf"agreed\s+to)\s+(?:the\s+)?(?:\w+\s+)?{_EVENT}\b"
          rf"|\b{_PERMIT_NOUN}\s+(?:\w+\s+){{0,2}}?(?:was|had\s+been|were)\s+(?:granted|given|issued|"
          r"obtained|received)", Permit.AUTHORIZED, Permit.DENIED),  # fmt: skip
)


def detect_permit(text: str, sentences: Sequence[Span]) -> list[Finding[Permit]]:
    """Whether the event had the authorities' permission (codebook §3.7).

    A statement about the event (approved, refused, notified) outranks a general rule ("the law
    does not require permission"): the ``not_required`` findings are dropped when there is one.
    """
    found = _scan(text, sentences, _PERMIT_RULES, "permit")
    if any(f.value in (Permit.AUTHORIZED, Permit.DENIED) for f in found):
        found = [f for f in found if f.value != Permit.NOT_REQUIRED]
    return found


# ------------------------------------------------------------------------------------------
# Protester violence

_VIOLENCE_RULES: tuple[_Rule[bool], ...] = (
    _rule(rf"\b{_EVENT}\s+(?:[\w'’-]+\s+){{0,6}}?(?:was|remained|passed|ended|went|proceeded|stayed)\s+"
          r"(?:off\s+)?(?:entirely\s+|largely\s+|completely\s+|mostly\s+)?(?:peaceful(?:ly)?|"
          r"without\s+(?:any\s+)?(?:incident|violence))|\bpeaceful(?:ly)?\s+(?:protest|rally|march|"
          r"demonstration|picket|sit-?in|gathering|protesters|demonstrators)|\bno\s+(?:violence|"
          r"clashes|incidents)\s+(?:were|was)\s+reported|\bwithout\s+(?:any\s+)?violence",
          False, negation_inside=True),  # fmt: skip
    _rule(r"\b(?:threw|throwing|hurled|hurling|pelted|pelting|lobbed|lobbing)\s+(?:\w+\s+){0,3}?"
          r"(?:stones|rocks|bricks|bottles|molotov\s+cocktails|petrol\s+bombs|firebombs|fireworks|"
          r"firecrackers|projectiles|objects|missiles|paving\s+stones|chairs|sticks|eggs)"
          r"|\bset\s+fire\s+to|\bset\s+(?:\w+\s+){1,4}?(?:on\s+fire|ablaze|alight)|\btorch(?:ed|ing)\b"
          r"|(?<!with\s)\b(?:burn(?:ed|t|ing)|set\s+alight)\s+(?:down\s+)?(?:\w+\s+){0,2}?(?:cars|vehicles|"
          r"buildings?|tyres|tires|police\s+\w+|offices?|shops?|barricades)"
          rf"|\bclash(?:ed|es|ing)?\s+with\s+(?:the\s+)?(?:\w+\s+)?{_SECURITY}"
          r"|\bclashes\s+(?:broke\s+out\s+)?between\s+(?:\w+\s+){0,2}?(?:protesters|demonstrators)"
          r"|\bsmash(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:windows?|cars?|shops?|doors?|cameras?|vehicles?)"
          r"|\bloot(?:ed|ing)\b(?!\s+of\s+(?:the\s+)?(?:country|state|nation|treasury|economy|budget|public))|\bvandali[sz](?:ed|ing)\b|\bransack(?:ed|ing)\b"
          r"|\bstorm(?:ed|ing)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:building|offices?|headquarters|"
          r"parliament|police\s+station|akimat|administration|compound|palace)"
          rf"|\battack(?:ed|ing)\s+(?:\w+\s+)?(?:{_SECURITY}|journalists|policem[ae]n)"
          r"|\boverturn(?:ed|ing)\s+(?:\w+\s+)?(?:cars?|vehicles?)|\briot(?:ed|ing)\b",
          True, skip_habitual=True),  # fmt: skip
)


_GENERIC_GERUND_RE = re.compile(
    r"[\s\"“'‘]*[A-Z][a-z]+ing\b(?:\s+(?:and|or)\s+\w+ing)?\s+(?:[\w-]+\s+){0,4}?"
    r"(?:is|are|was|were|would\s+be|will\s+not\s+be|cannot\s+be)\b"
)


def detect_protester_violence(text: str, sentences: Sequence[Span]) -> list[Finding[bool]]:
    """True when protesters used violence against people or property; False when stated peaceful.

    A sentence with a gerund subject ("Burning police stations is a crime") states a norm, not an act.
    """
    found = []
    for s0, s1 in sentence_bounds(text, sentences):
        generic = _GENERIC_GERUND_RE.match(text, s0, s1) is not None
        found += [f for f in _scan(text, [Span(s0, s1)], _VIOLENCE_RULES, "violence") if not (generic and f.value)]
    return found


# ------------------------------------------------------------------------------------------
# Outcome

_SUBJECT_WORD = r"(?!(?:the|a|an|on|to|for|of|in|by|at|with|from|asking|urging|calling|and)\b)[\w'’-]+\s+"
_AUTH_SUBJECT = (
    rf"(?:(?:the\s+|a\s+|an\s+)?(?:{_SUBJECT_WORD}){{0,2}}?(?:authorities|government|cabinet|parliament|"
    r"president|prime\s+minister|governor|mayor|akim|hokim|khokim|minister|ministry|officials|company|"
    r"firm|employer|management|administration|city\s+hall|council|regime|premier|owners?|operator|"
    r"party|university|rector|rectorate|city|akimat|municipality|commission|prosecutor|board))"
)
_CONCEDE = (
    r"(?:froze|freeze|frozen|suspend(?:ed)?|cancel(?:l?ed)?|withdr(?:ew|awn)|scrap(?:ped)?|"
    r"repeal(?:ed)?|postpon(?:ed|e)|halt(?:ed)?|revers(?:ed|e)|backed\s+down|agreed\s+to|"
    r"promised|pledged\s+to|resigned|stepped\s+down|met\s+(?:with\s+)?(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?"
    r"(?:protesters|demonstrators|strikers|workers|residents|delegation|representatives|organi[sz]ers|"
    r"leaders)|conceded|gave\s+in|yielded|dissolved|disbanded|came\s+out\s+to\s+(?:say|speak|meet|address)|"
    r"said\s+(?:it|they|he|she)\s+would\s+(?:meet|review|reconsider|consider|evaluate|investigate|"
    r"look\s+into)|"
    r"call(?:ed)?\s+off|shelv(?:ed|e)|dropp(?:ed)?|abandon(?:ed)?|raised\s+(?:wages|salaries|pay)|"
    r"lifted\s+the\s+ban|(?:introduced|imposed|announced|declared)\s+a\s+moratorium|"
    r"dismissed|sacked|fired\s+the)"
)
_OUTCOME_RULES: tuple[_Rule[str], ...] = (
    _rule(rf"\b{_AUTH_SUBJECT}\s+(?:(?!to\b)\w+\s+){{0,2}}?(?:was\s+|were\s+|has\s+|have\s+|had\s+)?"
          rf"(?:(?:forced|compelled|made|obliged)\s+to\s+)?{_CONCEDE}\b", ""),  # fmt: skip
    _rule(rf"\b(?:the\s+)?(?:{_SUBJECT_WORD}){{0,2}}?(?:law|plan|project|decision|bill|construction|tax|"
          r"increase|hike|reform|deal|lease|order|decree|amendments?|policy|programme|program|sale|"
          r"fees?|contract|mine|plant|factory|draft|proposal|changes|measure|licen[cs]e|ban|rule)"
          r"\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:\w+\s+){0,2}?"
          r"(?:was|were|has\s+been|have\s+been|"
          r"had\s+been)\s+(?:\w+ly\s+)?(?:suspended|frozen|cancel(?:l)?ed|withdrawn|scrapped|"
          r"shelved|postponed|put\s+on\s+hold|reversed|repealed|halted|dropped|abandoned|revoked)"
          r"\b", ""),  # fmt: skip
    _rule(r"\ba\s+moratorium\s+(?:was\s+|has\s+been\s+)?(?:introduced|imposed|announced|declared)"
          r"\s+on\b", ""),  # fmt: skip
    _rule(r"\b(?:(?:gas|water|electricity|power|heating)\s+)?(?:supplies|supply|water|gas|electricity|power|"
          r"heating)\s+(?:\w+\s+)?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?restored"
          r"\b", ""),  # fmt: skip
    _rule(r"\b(?-i:[A-Z][a-z]{3,})\s+(?:\w+ly\s+)?(?:withdrew|scrapped|repealed|dissolved|revoked|vetoed|"
          r"rescinded)\s+(?:the|a|an|his|its|their)\b", ""),  # fmt: skip
    _rule(r"\b(?:some|they|many|most|residents|workers|protesters|families|owners|farmers|strikers)\s+"
          r"(?:\w+\s+)?(?:received|were\s+(?:paid|given|offered)|won|got)\s+(?:\w+\s+)?compensation\b",
          ""),  # fmt: skip
)
_OUTCOME_TAIL_RE = re.compile(
    r"\s*[,(—–]|\s+(?:under\s+pressure|after\b|following\b|in\s+response|amid\b|because\b|"
    r"as\s+a\s+result|in\s+the\s+wake|(?:\w+\s+)?(?:days?|weeks?|hours?|months?)\s+(?:after|later|"
    r"before)|on\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"\d)|(?:last|earlier|later|yesterday|today)\b)",
    _I,
)


_CLAUSE_END_RE = re.compile(r"[.;:!?](?:\s|$)|$")


def find_outcome(text: str, sentences: Sequence[Span]) -> list[Finding[str]]:
    """Stated responses to the claims ("authorities froze the law"); the value is the words.

    A rule matches the concession itself ("the company promised"); the value runs on to the end
    of its clause, cut before a time or cause ("... two days after the protest")."""
    out = []
    for s0, s1 in sentence_bounds(text, sentences):
        for f in _scan(text, [Span(s0, s1)], _OUTCOME_RULES):
            stop = _CLAUSE_END_RE.search(text, f.span.end, s1)
            words = text[f.span.start : stop.start() if stop else s1]
            tail = _OUTCOME_TAIL_RE.search(words, f.span.end - f.span.start)
            span = Span(f.span.start, f.span.start + (tail.start() if tail else len(words.rstrip())))
            out.append(Finding(span.text(text), span))
    return out
