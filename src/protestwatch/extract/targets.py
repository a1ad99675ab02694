"""Targets of one event: whom the claim is addressed to or against.

Reads the article text and the event's sentences; writes ``Finding[Target]`` with the target's
codebook type and ISO country.

Two steps. First, *claim regions*: the words after a cue that addresses or opposes someone
("against", "anti-", "opposed to", "called on", "urged", "demanded that", "criticized",
"resignation of", "a call for X to …"), the subject of a passive appeal ("The authorities were
called upon to …") and the foreign mission a crowd gathered at ("outside the Chinese embassy").
Second, *target mentions* inside those regions: governments and their parts (optionally with a
nationality: "Kazakh authorities"), countries ("China"), the Chinese Communist Party, local
government (mayor, akimat, city hall, governor), police, courts, companies (by legal suffix or
industry head word, or "a Chinese company"), "President X". A mention outside every claim region
is not a target: police that merely detained people are not one.

National targets take the event's ``country``; a nationality or country name that differs from it
makes the target foreign (``foreign_government`` / ``foreign_company``).
"""

from __future__ import annotations

import logging
import re
from typing import Any, Iterator, Sequence

from protestwatch.geo.demonyms import (
    capital_metonym_country,
    country_from_name,
    country_name,
    demonym_country,
)
from protestwatch.extract.claims import find_claims, lead_sentence
from protestwatch.model import Finding, Span, Target, TargetType

logger = logging.getLogger(__name__)

_BOUNDARY = re.compile(
    r"[.;:!?\n]|,\s+(?:who|which|while|but|as|after|when|where|according|said|police|and\s+police"
    r"|saying|prompting|before|although|though|with|many|some|and\s+(?:the\s+)?(?:(?:riot|security"
    r"|traffic|military)\s+police|police|they"
    r"|many|some|several))\b|\s+(?:but|while|after|because|although|when|where|whereas"
    r"|who|which|according)\s+"
    r"|\s+that\s+(?:would|will|could|might|allows?|aims?|seeks?|was|were|is|are|has|have|had)\b"
    r"|\s+and\s+(?:(?:\w+ly|sometimes|then|later|also|were|was)\s+)?[a-z]+ed\s+(?:with|to|at"
    r"|on|in|outside|near|into|through|the|police|them|their|a|up|down|off|by)\b"
)
_CUE = re.compile(
    r"\b(?:against|opposed\s+to|opposing|oppose[sd]?|(?:call(?:ed|ing|s)?|appeal(?:ed|ing|s)?)"
    r"\s+(?:on|upon|to)|urg(?:ed|ing|es?)|demand(?:ed|ing|s)?(?:\s+(?:that|from|of))?|asked"
    r"|petition(?:ed|ing)?|criticiz\w*|criticis\w*|denounc\w*|condemn\w*|accus\w*|blam(?:ed|ing)"
    r"|picket(?:ed|ing|s)?(?:\s+(?:the\s+)?(?:offices?|headquarters|premises|gates?)\s+of)?"
    r"|resignation\s+of|ouster\s+of|dismissal\s+of|(?:protest(?:ed|ing)|to\s+protest)(?:\s+over)?"
    r"(?=\s+(?!(?:that|which|who|in|at|on|outside|near|for|with|by|from|as|and|was|were|is"
    r"|against|over)\b)\w)|over|angry\s+(?:at|with)|anger\s+(?:at|over)|discontent\s+with|dissatisf\w+"
    r"\s+with|unhappy\s+with)\s+",
    re.I,
)
_NOT_TARGET = re.compile(
    r"(?:the\s+)?(?:protesters|demonstrators|crowds?|participants|them|him|her|us|people)\b", re.I
)
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|across|throughout|around|inside)\s+(?:the\s+)?$",
                       re.I)
_NOT_OBJECT = re.compile(r"(?:in|outside|near|at|on|in\s+front\s+of|through|along|across)\b",
                         re.I)
_CALL_FOR_TO = re.compile(r"\b(?:call(?:s|ed|ing)?|demands?|appeals?)\s+for\s+(?P<x>[^,.;]{2,80}?)"
                          r"\s+to\s+(?:not\s+)?[a-z]", re.I)
_PASSIVE = re.compile(r"(?:was|were|are|is|has\s+been|have\s+been)\s+(?:also\s+)?"
                      r"(?:called\s+(?:up)?on"
                      r"|urged|asked|demanded|petitioned|requested)\s+to\b", re.I)
_EMBASSY = re.compile(r"\b(?i:embassy|consulate(?:-general)?|diplomatic\s+mission)\s+of\s+"
                      r"(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}"
                      r"|\b(?P<dem>[A-Z][\w-]+)\s+(?i:embassy|consulate|consulate-general"
                      r"|diplomatic\s+mission|mission)\b")
_ANTI = re.compile(r"\banti-(?P<x>[A-Za-z][\w-]*)", re.I)

# What a target mention looks like; the groups say which kind.
_GOV_HEAD = (
    r"(?i:(?:central\s+|federal\s+|national\s+|interim\s+|military\s+|ruling\s+)?(?:government|authorities"
    r"|regime|administration|cabinet|parliament|(?:(?!(?:the|a|an|its|their|this|that)\b)[a-z]+\s+)?ministry(?:\s+of\s+(?-i:[A-Z]\w+)(?:\s+(?-i:[A-Z]\w+))*)?"
    r"|ministers?|president|prime\s+minister|leadership|junta|state\s+leadership|officials"
    r"|Communist\s+Party|embassy|consulate|lawmakers|legislators|deputies|(?-i:MPs)"
    r"|parliamentarians|legislature|senate|congress|monarchy|king"
    r"|(?-i:State\s+Duma|Duma|Mazhilis|Majilis|Jogorku\s+Kenesh|Verkhovna\s+Rada|Knesset|Bundestag"
    r"|Sejm|House\s+of\s+Representatives|National\s+Assembly|House\s+of\s+Commons)"
    r"|presidential\s+(?:palace|administration|office)|presidency|government\s+house))"
)
_LOCAL_HEAD = (
    r"(?i:(?:local|city|municipal|regional|provincial|district|county|state|town)\s+"
    r"(?:government|authorities|administrations?|council|officials|hall|assembly|akimat|hokimiyat"
    r"|offices|headquarters|(?:[a-z]+\s+)?(?:department|directorate))"
    r"|(?:(?:city|town|district|municipal)\s+)?mayor(?:['’]s\s+office)?|(?:regional\s+|provincial\s+|state\s+|district\s+)?governor"
    r"(?:['’]s\s+office)?|akim|akimat|hokim|hokimiyat|city\s+hall|town\s+hall|municipality"
    r"|prefect(?:ure)?|council)"
)
_POLICE_HEAD = (
    r"(?i:riot\s+police|police(?:\s+(?:officers|force|brutality|violence|chief))?|security\s+forces"
    r"|law\s+enforcement(?:\s+agencies)?|interior\s+ministry|national\s+guard|gendarmerie)"
)
_JUDICIARY_HEAD = (
    r"(?i:(?:supreme|constitutional|high|district|city|appeals?|military)\s+court|courthouse|court"
    r"|judges?"
    r"|judiciary|prosecutors?|prosecutor's\s+office|prosecutor\s+general|verdict|sentence)"
)
_COMPANY_SUFFIX = (
    r"(?:Inc\.?|LLC|Ltd\.?|Limited|Corp\.?|Corporation|Company|Co\.|Group|Mining|Oil|Gold|Gas"
    r"|Energy|Petroleum|Metals|Holdings?|PLC|plc|AG|S\.A\.|SA|GmbH|JSC|Resources|Minerals"
    r"|Motors|Steel|Cement|Industries|Bank|Telecom|Airlines|Services|Logistics|Construction"
    r"|Automotive|Textiles|Chemicals|Pharmaceuticals|Electric|Power|Railways|Technologies|Platinum"
    r"|Coal|Copper|Diamonds|Mines|Foods|Plantations|Shipping|Refinery)"
)
_COMPANY_NOUN = (
    r"(?i:compan(?:y|ies)|firms?|corporations?|investors?|developers?|mining\s+compan(?:y|ies)"
    r"|oil\s+compan(?:y|ies)|factor(?:y|ies)|plants?|contractors?|businesses|enterprises"
    r"|multinationals?|employers?|smelters?|refiner(?:y|ies)|mines?|operators?|banks?|giants?"
    r"|owners?\s+of\s+the\s+\w+|owners?|parent\s+compan(?:y|ies)|investment\s+funds?|funds?"
    r"|combines?|deposits?|concessions?)"
)
_FOREIGN_NOUN = (
    r"(?i:investment|investments|immigration|immigrants|migrants|expansion|influence|loans|credit"
    r"|interference|threats?|aggression|occupation|invasion|annexation|troops|military|army"
    r"|bases?|projects?|encroachment|policies|policy|presence|workers|land\s+grab|debt)"
)
_CAP_WORD = r"[A-Z][\w’'-]*"
_MENTION = re.compile(
    rf"(?P<ccp>\b(?:Chinese\s+Communist\s+Party|Communist\s+Party\s+of\s+China|CCP|CPC)\b)"
    rf"|(?P<company>\b(?:{_CAP_WORD}\s+){{0,4}}{_COMPANY_SUFFIX}\b(?!\s+(?:workers|miners))"
    rf"|\b(?:PT|OAO|OOO|PJSC|JSC|TOO|LLP|AO)\s+{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}})"
    rf"|(?P<dcompany>\b(?P<cdem>{_CAP_WORD})(?:[\s-]+(?:owned|run|backed|based))?\s+(?:[a-z]+\s+)?"
    rf"{_COMPANY_NOUN}\b)"
    rf"|(?P<police>\b(?:{_CAP_WORD}\s+){{1,3}}Police\s+(?:District|Department|Service|Command"
    rf"|Directorate|Station)\b|\b(?:(?P<pdem>{_CAP_WORD})\s+)?{_POLICE_HEAD}\b)"
    rf"|(?P<judiciary>\b(?:(?P<jdem>{_CAP_WORD})\s+)?{_JUDICIARY_HEAD}\b)"
    rf"|(?P<local>\b(?:{_CAP_WORD}\s+){{0,3}}{_LOCAL_HEAD}\b(?:\s+of\s+{_CAP_WORD}(?:\s+{_CAP_WORD})*)?)"
    rf"|(?P<titled>\b(?:President|Prime\s+Minister|Premier|Chancellor|King|Mayor|Governor|Akim"
    rf"|Minister)\s+(?:{_CAP_WORD}\s+){{0,2}}{_CAP_WORD})"
    rf"|(?P<gov>\b(?:(?P<gdem>{_CAP_WORD})\s+)?{_GOV_HEAD}\b)"
    rf"|(?P<agency>\b(?:{_CAP_WORD}\s+){{1,4}}(?:Commission|Agency|Authority|Regulator"
    rf"|Inspectorate|Committee|Bureau|Board)\b)"
    rf"|(?P<foreign>\b(?P<fdem>{_CAP_WORD})\s+{_FOREIGN_NOUN}\b)"
    rf"|(?P<country>\b{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}})",
)


def _phrase_end(text: str, start: int, limit: int, max_len: int = 160) -> int:
    m = _BOUNDARY.search(text, start, min(limit, start + max_len))
    return m.start() if m else min(limit, start + max_len)


def _regions(text: str, sent: Span) -> Iterator[tuple[Span, bool]]:
    """The spans of ``sent`` that hold whom a claim is addressed to or against.

    Each comes with a flag: ``True`` when only foreign targets count there (the content of an
    appeal: "… to ban the sale of land to China").
    """
    for m in _CUE.finditer(text, sent.start, sent.end):
        if _NOT_OBJECT.match(text, m.end()) or _NOT_TARGET.match(text, m.end()):
            continue
        yield Span(m.end(), _phrase_end(text, m.end(), sent.end)), False
    for m in _CALL_FOR_TO.finditer(text, sent.start, sent.end):
        yield Span(m.start("x"), m.end("x")), False
        yield Span(m.end("x"), _phrase_end(text, m.end("x"), sent.end)), True
    for m in _PASSIVE.finditer(text, sent.start, sent.end):
        clause = max(sent.start, text.rfind(",", sent.start, m.start()) + 1)
        yield Span(clause, m.start()), False
        yield Span(m.end(), _phrase_end(text, m.end(), sent.end)), True
    for m in _EMBASSY.finditer(text, sent.start, sent.end):
        yield Span(m.start(), m.end()), False


def _country_of(word: str | None) -> str | None:
    if not word:
        return None
    return demonym_country(word) or country_from_name(word)


def _government(name: str, code: str | None, country: str | None) -> Target:
    if code and country and code != country:
        return Target(name, TargetType.FOREIGN_GOVERNMENT, code)
    if code and not country and country is None and code != "":
        # No event country: a named nationality is all we know; keep it national-by-default.
        return Target(name, TargetType.NATIONAL_GOVERNMENT, code)
    return Target(name, TargetType.NATIONAL_GOVERNMENT, code or country)


def _company(name: str, code: str | None, country: str | None) -> Target:
    if code and country and code != country:
        return Target(name, TargetType.FOREIGN_COMPANY, code)
    return Target(name, TargetType.COMPANY, code or country)


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|a|an|The|A|An)\s+", "", " ".join(name.split()))
    return re.sub(r"(?:’s|'s)$", "", name)


def _titled_person(text: str, name: str) -> TargetType | None:
    """The government level of a person named with a title somewhere in the article."""
    if not re.fullmatch(r"[A-Z][\w’'-]+", name):
        return None
    pattern = (
        r"\b(?P<title>President|Prime\s+Minister|Premier|Chancellor|King|Mayor|Governor|Akim)"
        rf"\s+(?:[A-Z][\w’'-]+\s+)?{re.escape(name)}\b"
    )
    m = re.search(pattern, text)
    if m is None:
        return None
    local = m.group("title") in {"Mayor", "Governor", "Akim"}
    return TargetType.LOCAL_GOVERNMENT if local else TargetType.NATIONAL_GOVERNMENT


def _classify(text: str, m: re.Match[str], country: str | None) -> Target | None:
    """The target a mention names, or ``None`` when it names none."""
    kind = m.lastgroup if m.lastgroup in _KINDS else next(k for k in _KINDS if m.group(k))
    name = _clean(m.group(kind))
    if kind == "ccp":
        return _government("Chinese Communist Party", "CN", country)
    if kind == "company":
        return _company(name, _country_of(name.split()[0]), country)
    if kind == "dcompany":
        code = _country_of(re.split(r"[-\s]", m.group("cdem"))[0])
        return _company(name, code, country) if code else None
    if kind in ("police", "judiciary"):
        dem = m.group("pdem" if kind == "police" else "jdem")
        code = _country_of(dem) or country
        name = re.sub(r"\s+(?:brutality|violence|chief)$", "", name, flags=re.I)
        ttype = TargetType.POLICE if kind == "police" else TargetType.JUDICIARY
        return Target(name, ttype, code)
    if kind == "local":
        return Target(name, TargetType.LOCAL_GOVERNMENT, country)
    if kind == "titled":
        local = re.match(r"(?:Mayor|Governor|Akim)\b", name)
        ttype = TargetType.LOCAL_GOVERNMENT if local else TargetType.NATIONAL_GOVERNMENT
        return Target(name, ttype, country)
    if kind == "gov":
        return _gov_mention(text, m, name, country)
    if kind == "agency":
        return _government(name, _country_of(name.split()[0]), country)
    if kind == "foreign":
        code = _country_of(m.group("fdem"))
        return _government(_country_name(code, m.group("fdem")), code, country) if code else None
    return _named(text, name, country)


_LEGISLATORS = re.compile(r"(?:lawmakers|legislators|deputies|MPs|parliamentarians)$", re.I)


def _gov_mention(text: str, m: re.Match[str], name: str, country: str | None) -> Target | None:
    dem = m.group("gdem")
    if _LEGISLATORS.search(name):
        name = _LEGISLATORS.sub("parliament", name)  # the body the members sit in
    code = _country_of(dem)
    if re.search(r"(?i:embassy|consulate)$", name):
        # A diplomatic mission stands for the state it represents ("the Chinese embassy" → China);
        # a mission of an unnamed country names no one.
        return _government(_country_name(code, dem), code, country) if code else None
    if re.search(r"Communist\s+Party$", name) and not code:
        code = "CN" if re.search(r"Chinese\s+Communist\s+Party|\bCCP\b|\bCPC\b", text) else None
        if code is None:
            return None
        name = "Chinese Communist Party"
    return _government(name, code, country)


def _country_name(code: str | None, word: str) -> str:
    """A display name for a country found through a nationality word ("Chinese" → "China")."""
    return (country_name(code) if code else None) or word


def _named(text: str, name: str, country: str | None) -> Target | None:
    """A capitalised name in a claim region: a country, a capital, or a titled person."""
    code = country_from_name(name) or capital_metonym_country(name)
    if code:
        return _government(name, code, country)
    level = _titled_person(text, name)
    if level is not None:
        return Target(name, level, country)
    return None


_KINDS = ("ccp", "company", "dcompany", "police", "judiciary", "local", "titled", "gov",
          "agency", "foreign", "country")


def _anti_targets(text: str, sent: Span, country: str | None) -> Iterator[Finding[Target]]:
    for m in _ANTI.finditer(text, sent.start, sent.end):
        word = m.group("x").rstrip("-")
        span = Span(m.start(), m.end())
        low = word.lower()
        if low in {"government", "regime", "junta", "monarchy", "president", "establishment"}:
            yield Finding(Target(low, TargetType.NATIONAL_GOVERNMENT, country), span)
        elif low == "police":
            yield Finding(Target("police", TargetType.POLICE, country), span)
        elif low in {"ccp", "cpc"}:
            yield Finding(_government("Chinese Communist Party", "CN", country), span)
        elif code := _country_of(word[:1].upper() + word[1:]):
            yield Finding(_government(_country_name(code, word), code, country), span)
        elif word[:1].isupper() and (level := _titled_person(text, word)) is not None:
            yield Finding(Target(word, level, country), span)


_FOREIGN = (TargetType.FOREIGN_GOVERNMENT, TargetType.FOREIGN_COMPANY)


# A mention that introduces what was said is a source, not an addressee ("officials and union
# leaders said", "police said 14 were held").
_SOURCE = re.compile(r"(?:\s*,)?(?:\s+and\s+(?:[\w-]+\s+){1,3}?)?\s+(?:said|says|say|told|reported"
                     r"|announced|confirmed|added)\b")


_ORIGIN = re.compile(r"\b(?:imported|bought|brought|shipped|coming|arriving|returning|fled"
                     r"|fleeing|exported|sourced)\s+(?:in\s+|to\s+)?from\s+(?:the\s+)?$", re.I)


def _mentions(
    text: str, region: Span, country: str | None, foreign_only: bool
) -> Iterator[Finding[Target]]:
    for m in _MENTION.finditer(text, region.start, region.end):
        if m.group("country") and _LOCATIVE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "in Paris": where, not whom
        if _SOURCE.match(text, m.end()):
            continue
        if m.group("country") and _ORIGIN.search(text, max(0, m.start() - 40), m.start()):
            continue  # "cars imported from Japan": where goods come from, not whom
        target = _classify(text, m, country)
        if target is None or not target.name or (foreign_only and target.type not in _FOREIGN):
            continue
        yield Finding(target, Span(m.start(), m.end()))


# --------------------------------------------------------------------------------------------
# Where the crowd stood, whom the workers work for, and the default addressee

_GATHER = re.compile(
    r"\b(?:gather\w*|rall(?:y|ied|ies|ying)|protest\w*|demonstrat\w*|picket\w*|march\w*|sit-ins?"
    r"|sat|sitting|vigils?|assembl\w*|walk(?:ed|ing)?|head(?:ed|ing)|stood|standing|stag(?:e|ed|ing)|blockad\w*|strik(?:e|es"
    r"|ing)|camp(?:ed|ing)|converg\w*|crowds?|held|hold|chant\w*)\b",
    re.I,
)
_SITE = re.compile(
    r"\b(?:outside|in\s+front\s+of|near|opposite|before|at|(?<=marched\s)to|(?<=march\s)to"
    r"|(?<=walked\s)to|towards|(?<=marched\s)on)\s+(?:the\s+)?(?:(?:main\s+|administrative\s+)?"
    r"(?:building|offices?|headquarters|gates?|premises|steps|compound|walls)\s+of\s+(?:the\s+)?)?",
    re.I,
)
_SITE_KINDS = frozenset({"ccp", "company", "dcompany", "police", "judiciary", "local", "gov",
                         "agency"})
_SITE_POLICE = re.compile(r"\s+(?:station|headquarters|department|building)\b", re.I)
_SITE_OWNER = re.compile(
    r"(?P<n>(?:[a-z]+\s+)?(?:company|combine|factory|plant|mine|firm|employer|smelter|refinery"
    r"|operator))['’]s\s+(?:[\w-]+\s+)?(?:office|offices|headquarters|building|gates?|premises)",
    re.I,
)
_NOT_SITE = re.compile(r"(?:officials|lawmakers|authorities|ministers?|president|leadership)$",
                       re.I)


def _site_targets(text: str, sent: Span, country: str | None) -> Iterator[Finding[Target]]:
    """The body whose building the crowd gathered at ("outside the regional administration")."""
    for m in _SITE.finditer(text, sent.start, sent.end):
        if not _GATHER.search(text, max(sent.start, m.start() - 150), m.start()):
            continue
        owner = _SITE_OWNER.match(text, m.end(), sent.end)
        if owner:
            named = _named_owner(text, owner.group("n"))
            yield Finding(Target(named or owner.group("n"), TargetType.COMPANY, country),
                          Span(owner.start("n"), owner.end("n")))
            continue
        mention = _MENTION.match(text, m.end(), sent.end)
        if mention is None or mention.lastgroup not in _SITE_KINDS:
            continue
        if mention.lastgroup == "police" and not _SITE_POLICE.match(text, mention.end()):
            continue  # "near the police": police present, not addressed
        target = _classify(text, mention, country)
        if target is not None and target.name and not _NOT_SITE.search(target.name):
            yield Finding(target, Span(mention.start(), mention.end()))


def _named_owner(text: str, noun: str) -> str | None:
    """The company the article names as the owner of "the plant" ("Marmara Kablo's main plant",
    "the Marmara Kablo plant"), or None."""
    head = re.escape(noun.split()[-1].lower())
    m = re.search(
        rf"\b(?P<a>[A-Z][\w’'&-]+(?:\s+[A-Z][\w’'&-]+){{0,3}})['’]s\s+(?:[a-z-]+\s+){{0,2}}{head}\b"
        rf"|\bthe\s+(?P<b>[A-Z][\w’'&-]+(?:\s+[A-Z][\w’'&-]+){{0,3}})\s+{head}\b",
        text,
    )
    if m is None:
        return None
    name = m.group("a") or m.group("b")
    return None if country_from_name(name) or demonym_country(name.split()[0]) else name


_EMPLOYER = re.compile(
    r"\b(?:employed\s+by|employees\s+of|(?:\w*workers|miners|staff|strikers)\s+(?:of|at|for)"
    r"|(?:pay|wage|salary|contract)\s+(?:talks|negotiations)\s+with|negotiations\s+with"
    r"|work(?:s|ed|ing)?\s+for|contractors?\s+(?:of|for))\s+",
    re.I,
)


def _employer_targets(text: str, sent: Span, country: str | None) -> Iterator[Finding[Target]]:
    """The company that employs the protesting workers ("strikers employed by X Services")."""
    for m in _EMPLOYER.finditer(text, sent.start, sent.end):
        region = Span(m.end(), _phrase_end(text, m.end(), sent.end, 80))
        for found in _mentions(text, region, country, False):
            if found.value.type in (TargetType.COMPANY, TargetType.FOREIGN_COMPANY):
                yield found
                break


_POLICY = re.compile(
    r"(?<!utility\s)(?<!heating\s)(?<!electricity\s)(?<!energy\s)(?<!water\s)(?<!gas\s)"
    r"(?<!power\s)(?<!phone\s)(?<!medical\s)(?<!hospital\s)"
    r"\b(?P<law>bills?|draft\s+laws?|legislation|amendments?)\b"
    r"|\b(?P<fees>(?:tuition|university|school|student|accommodation)\s+fees|tuition)\b"
    r"|\b(?:laws?|plans?|reforms?|tariffs?|prices?|tax(?:es)?|fares?|fees|pensions?|rules|bills"
    r"|regulations?|ban|constitution(?:al)?|elections?|budget|polic(?:y|ies)|decree|subsid(?:y"
    r"|ies)|benefits?|wages|salaries|mobili[sz]ation|conscription|quotas?|lockdowns?"
    r"|restrictions?)\b",
    re.I,
)
_INSTITUTION = re.compile(
    r"\b(?:[A-Z][\w’'-]+\s+){1,4}(?:University|College|Institute|Polytechnic|Academy)\b"
    r"|\bUniversity\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
)


def _default_target(
    text: str, sentences: Sequence[Span], country: str | None
) -> Finding[Target] | None:
    """The addressee of a policy claim when the text names none: a bill's parliament, the
    university that sets the fees, else the government of the event's country (codebook: "the
    authorities" of the event's country are a national_government target)."""
    for sent in sentences:
        for region, foreign_only in _regions(text, sent):
            m = None if foreign_only else _POLICY.search(text, region.start, region.end)
            if m is None:
                continue
            if m.group("fees") and (school := _institution(text, sentences, country)) is not None:
                return school
            name = "parliament" if m.group("law") else "government"
            return Finding(Target(name, TargetType.NATIONAL_GOVERNMENT, country),
                           Span(m.start(), m.end()))
    return None


def _institution(
    text: str, sentences: Sequence[Span], country: str | None
) -> Finding[Target] | None:
    """The first named university (or college, institute) in the event's sentences."""
    for sent in sentences:
        m = _INSTITUTION.search(text, sent.start, sent.end)
        if m is not None:
            name = m.group().strip()
            span = Span(m.start(), m.start() + len(name))
            return Finding(Target(_clean(name), TargetType.OTHER, country), span)
    return None


_GENERIC_NAMES = frozenset({"government", "authorities", "regime", "administration",
                            "leadership", "officials"})


_LEGISLATURE = re.compile(
    r"(?i:parliament|legislature|congress|senate|lawmakers|legislators|deputies|parliamentarians)\b"
    r"|\b(?:State\s+Duma|Duma|Mazhilis|Majilis|Jogorku\s+Kenesh|Verkhovna\s+Rada|Knesset|Bundestag"
    r"|Sejm|House\s+of\s+Representatives|National\s+Assembly|House\s+of\s+Commons|MPs)\b"
)


def _is_country_name(target: Target) -> bool:
    """The target is named by its country alone ("China", "Kazakhstan", "Beijing")."""
    code = country_from_name(target.name) or capital_metonym_country(target.name)
    return code is not None and code == target.country


def _key(target: Target) -> tuple[str, ...]:
    """Duplicates: one generic government per country, named bodies and companies by name.

    A country named as an addressee is its government: the own country ("Kazakhstan should
    attract ...") is the generic national government, a foreign one its foreign government."""
    if target.type in (TargetType.COMPANY, TargetType.FOREIGN_COMPANY, TargetType.OTHER):
        return (target.type.value, target.name.casefold())
    words = target.name.casefold().split()
    if target.type is TargetType.NATIONAL_GOVERNMENT and _LEGISLATURE.search(target.name):
        return (target.type.value, target.country or "", "parliament")  # one body, many names
    if target.type is TargetType.NATIONAL_GOVERNMENT and words[-1:] and (
        words[-1] not in _GENERIC_NAMES
    ) and not _is_country_name(target):
        return (target.type.value, target.country or "", words[-1])
    return (target.type.value, target.country or "")


def _claim_targets(text: str, sent: Span, country: str | None) -> list[Finding[Target]]:
    candidates = list(_anti_targets(text, sent, country))
    for region, foreign_only in _regions(text, sent):
        candidates.extend(_mentions(text, region, country, foreign_only))
    return candidates


def find_targets(
    text: str, sentences: Sequence[Span], doc: Any = None, *, country: str | None = None
) -> list[Finding[Target]]:
    """Whom the event's claims address or oppose, typed, with the target's ISO country.

    In order: the targets the claims name, plus the body whose building the crowd stood at; if
    none, the company that employs the protesting workers; if none, the default addressee of a
    policy claim (``_default_target``); if none, the targets of the article's lead claim (an event
    told without its own claim shares the lead's, as its claims do); if none and the event has a
    claim, the government of the event's country (codebook: every claim is made on someone, and
    the state is whom a claim that names no addressee is made on).
    """
    found: list[Finding[Target]] = []
    seen: dict[tuple[str, ...], int] = {}

    def add(candidates: list[Finding[Target]]) -> None:
        for finding in sorted(candidates, key=lambda f: f.span.start):
            key = _key(finding.value)
            if key not in seen:
                seen[key] = len(found)
                found.append(finding)
            elif _is_country_name(found[seen[key]].value) and not _is_country_name(finding.value):
                found[seen[key]] = finding  # a named body of the state beats the bare country

    for sent in sentences:
        add(_claim_targets(text, sent, country))
    # A site names the same body as a claim less precisely ("outside the court" / "the Supreme
    # Court"): the claim's mention wins.
    add([f for sent in sentences for f in _site_targets(text, sent, country)])
    if not found:
        add([f for sent in sentences for f in _employer_targets(text, sent, country)])
    if not found:
        default = _default_target(text, sentences, country)
        add([default] if default is not None else [])
    if not found and sentences:
        lead = lead_sentence(text)
        if lead is not None and lead not in sentences:
            add(_claim_targets(text, lead, country))
            if not found:
                default = _default_target(text, [lead], country)
                add([default] if default is not None else [])
    if not found and sentences:
        claims = find_claims(text, sentences)
        if claims:
            add([Finding(Target("government", TargetType.NATIONAL_GOVERNMENT, country),
                         claims[0].span)])
    return _drop_own_country(found)


def _drop_own_country(found: list[Finding[Target]]) -> list[Finding[Target]]:
    """The own country named as an addressee says no more than a national body of it does."""
    national = {f.value.country for f in found if f.value.type is TargetType.NATIONAL_GOVERNMENT
                and not _is_country_name(f.value)}
    return [f for f in found if not (f.value.type is TargetType.NATIONAL_GOVERNMENT
                                     and _is_country_name(f.value) and f.value.country in national)]
