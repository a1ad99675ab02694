"""Crowd size: how many people took part in a gathering.

Reads: the article text and the sentences attributed to one event.  Writes: ``Finding[Quantity]``
per size estimate (``text`` = the words used, ``low``/``high`` by the codebook's conventions, which
``quantities`` implements), and ``combine_sizes`` reconciles several estimates (codebook §3.5).

A quantity is a crowd size when

* its head noun names people ("some 200 to 300 people", "thousands of Kazakhs", "40 miners"),
  and it is not the victim of an arrest, an injury or a death ("22 protesters were detained",
  "killed three protesters") nor of another non-gathering verb ("the plant employs 3,000
  workers"); for a generic people noun ("people", "residents", "students") the sentence must also
  speak of a gathering (a protest noun or verb);
* or it is the subject of a gathering verb ("About 2,000 gathered", "Thousands took to the streets");
* or it follows a crowd anchor ("a crowd of 5,000", "attended by about 300", "turnout was 2,000");
* or it is "N-strong" ("a 15,000-strong march");
* or it is a second estimate next to a first ("police said 2,000 while organisers claimed 10,000").

One person: "a lone protester", "a single-person picket", "one man picketed" → 1, 1.

Not sizes: "many"/"some"/"a number of" (they only say "more than one"), police and troops,
ages, years, money, percentages, distances, expected or hoped-for numbers ("organisers expect
10,000"), and negated ones.  Fails on: a plain-space thousands separator right after a month
("March 27 300 people" is read as no number), sizes given only as a comparison ("twice as many as last week"), sizes that
need coreference ("The crowd grew. By noon it numbered 5,000" is found, "they were 5,000" is not).
"""

from __future__ import annotations

import logging
import re
from itertools import islice
from typing import Sequence

from protestwatch.extract.quantities import (
    QuantityPhrase,
    is_hypothetical,
    is_list_marker,
    is_negated,
    iter_quantities,
    parse_quantity,
    sentence_bounds,
)
from protestwatch.model import Finding, Quantity, Span

logger = logging.getLogger(__name__)

__all__ = ["parse_size", "find_crowd_sizes", "combine_sizes", "PEOPLE_NOUNS"]

#: nouns that by themselves say "people taking part in a protest"
PROTEST_NOUNS = frozenset(
    "protesters protestors demonstrators marchers picketers participants strikers rallygoers "
    "rally-goers ralliers counter-protesters counter-demonstrators hunger-strikers".split()
)
#: nouns of people in general: a gathering must be mentioned in the same sentence
PEOPLE_NOUNS = PROTEST_NOUNS | frozenset(
    """people persons individuals residents locals villagers citizens inhabitants townspeople
    townsfolk workers employees miners drivers truckers motorists farmers peasants herders
    students pupils schoolchildren teachers academics scientists doctors nurses medics
    pensioners retirees veterans women men mothers wives widows fathers youths youngsters
    children kids elderly seniors supporters activists opponents members followers fans parents
    relatives families traders vendors merchants shopkeepers entrepreneurs businessmen
    businesswomen businesspeople lawyers journalists reporters believers worshippers worshipers
    faithful pilgrims muslims christians buddhists monks nuns priests clergy dissidents
    environmentalists feminists unionists trade-unionists laborers labourers civil servants
    cyclists bikers depositors investors borrowers debtors shareholders homeowners tenants
    settlers refugees migrants survivors mourners prisoners inmates volunteers artists
    musicians writers intellectuals cossacks nationalists liberals communists leftists
    conservatives voters youth others colleagues comrades dockers fisherfolk fishers fishermen
    mineworkers dockworkers farmworkers""".split()
)
_NOT_PARTICIPANTS = frozenset(
    """police policemen policewomen officers troops soldiers guards gendarmes riot officials
    security forces agents militia servicemen personnel deputies lawmakers ministers""".split()
)
_STOP = frozenset(
    """of in at on from to for with by and or but who which that whom whose as than
    were was are is be been being had have has will would could may might can do did does
    not no the a an this these those their its his her our they them he she it there here
    also reportedly later still again more outside near across around over""".split()
)
_GATHER_VERBS = (
    r"gathered|gather|assembled|rallied|rally|marched|march|protested|protest|demonstrated|"
    r"picketed|took\s+part|take\s+part|taking\s+part|taken\s+part|turned\s+out|turn\s+out|showed\s+up|"
    r"(?:been\s+)?refus(?:ed|ing)\s+food|hunger[-\s]strik(?:ing|ed)|"
    r"came\s+out|came\s+to|joined|join|attended|attend|participated|converged|massed|thronged|"
    r"flocked|poured|streamed|filled|packed|crowded|took\s+to\s+the\s+streets|"
    r"went\s+on\s+(?:a\s+)?(?:hunger\s+)?strike|walked\s+out|(?:held|staged|organi[sz]ed)\s+(?:a|an|their|the)\b|"
    r"blocked|occupied|chanted|shouted|carried|waved|braved|defied|lined|formed|camped|"
    r"marching|rallying|protesting|demonstrating|gathering|picketing|chanting|downed\s+tools|"
    r"stood\s+(?:silently\s+)?(?:outside|in\s+front\s+of)|holding\s+(?:placards|banners|posters|signs|photographs|portraits)"
)
_GATHER_AFTER_RE = re.compile(
    rf"^\s+(?:more\s+|others?\s+|people\s+)?(?:(?:also|reportedly|then|later|eventually|had|have|"
    rf"were|are)\s+)*(?:{_GATHER_VERBS})\b",
    re.IGNORECASE,
)
_GATHER_CUE_RE = re.compile(
    rf"\b(?:{_GATHER_VERBS}|protests?|rall(?:y|ies)|demonstrations?|marches|pickets?|strikes?|"
    r"sit-?ins?|vigils?|crowds?|gatherings?|blockades?|processions?|motorcades?|flash\s+mobs?|"
    r"walkouts?|slogans?|placards?|banners?|candles|to\s+(?:demand|denounce|oppose|call\s+for|voice|"
    r"express\s+(?:their|its|anger|outrage|solidarity))|walked\s+in\s+silence)\b",
    re.IGNORECASE,
)
_CROWD_ANCHOR_RE = re.compile(
    r"(?:\b(?:crowds?|throngs?|gatherings?|rall(?:y|ies)|march(?:es)?|protests?|demonstrations?|"
    r"processions?|turnout|attendance|columns?|participants|protesters|demonstrators|pickets?|"
    r"strikes?|sit-?ins?|vigils?|(?:their|the)\s+numbers?)\s+(?:\w+\s+){0,3}?"
    r"(?:of|estimated\s+at|put\s+at|numbering|numbered|reaching|reached|swelled\s+to|grew\s+to|"
    r"stood\s+at|was|were|at\s+around|at\s+about|at\s+some|totall?ing|totall?ed)"
    r"|\b(?:attended\s+by|joined\s+by|drew|drawing|draws|attracted|attracting|brought\s+out|"
    r"brought\s+together|mobili[sz]ed|mobili[sz]ing|involving|numbering|numbered))\s*$",
    re.IGNORECASE,
)
_ESTIMATE_CUE_RE = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|estimated|estimates|estimate|counted|count|"
    r"reported|put\s+(?:it|the\s+\w+)\s+at|put\s+at|gave|cited|according\s+to|versus|vs\.?|"
    r"compared\s+(?:with|to)|while|whereas|figure\s+of|figure\s+at)\b",
    re.IGNORECASE,
)
_CLEAN_AFTER_RE = re.compile(
    rf"^\s*(?:[,.;:)\]\-–—]|$|(?:and|or|but|while|whereas|according|in|at|on|outside|near|"
    rf"who|as|by|to|for|from|despite|before|after|when|people|more|protesting|{_GATHER_VERBS})\b)",
    re.IGNORECASE,
)
_STRONG_RE = re.compile(r"^\s*-?\s*strong\b(?:\s+(?:[A-Za-z-]+))?", re.IGNORECASE)
_VICTIM_AFTER_RE = re.compile(
    r"^[\s,]*(?:(?:who|that)\s+)?(?:(?:were|was|had|have|has|been|are|is|got|being|remain|"
    r"remained|also|reportedly|later|still|all|allegedly|subsequently|briefly|temporarily|"
    r"since|among\s+those|now)\s+)*(?:detained|arrested|held\s+(?:in|by|for|at|overnight)|jailed|"
    r"imprisoned|injured|wounded|hurt|killed|died|dead|hospitali[sz]ed|missing|fined|sentenced|"
    r"charged|summoned|questioned|interrogated|convicted|released|freed|deported|beaten|"
    r"taken\s+(?:into\s+custody|to\s+(?:hospital|police)|away)|in\s+custody|behind\s+bars|"
    r"rounded\s+up|detentions?|arrests?|paid|employed|laid\s+off|evacuated|displaced|infected)\b",
    re.IGNORECASE,
)
_VICTIM_BEFORE_RE = re.compile(
    r"\b(?:detain\w*|arrest\w*|jail\w*|kill\w*|injur\w*|wound\w*|shot|shoot\w*|beat|beating|"
    r"fined|fining|sentenc\w*|charg\w*|releas\w*|freed|freeing|free|deport\w*|summon\w*|"
    r"question\w*|round\w*\s+up|employ\w*|hir\w*|laid\s+off|lay\s+off|dismiss\w*|fir(?:ed|ing)|"
    r"evacuat\w*|rescu\w*|displac\w*|affect\w*|home\s+to|population\s+of|deaths?\s+of|"
    r"bodies\s+of|detention\s+of|custody\s+of|trial\s+of|names\s+of|including|among\s+them|"
    r"interview\w*|survey\w*|poll\w*|expect\w*|hop(?:e|ed|ing)\s+(?:for|to)|aim\w*|"
    r"predict\w*|anticipat\w*|target\w*|capacity\s+of|seats?|more\s+than\s+the)"
    r"(?:\s+(?:the|some|another|a\s+further|an\s+additional|all|only|just|almost|nearly|"
    r"about|around|at\s+least|more\s+than))*\s*$",
    re.IGNORECASE,
)
_EXPECTED_AFTER_RE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:are|were|is|was)\s+(?:expected|likely|due|set|planning|hoping)",
    re.IGNORECASE,
)
_NONCOUNT_BEFORE_RE = re.compile(
    r"(?:[$€£¥₸]|\b(?:no\.|nos\.|article|section|paragraph|resolution|law|decree|route|highway|"
    r"flight|room|page|number|chapter|item|point|aged?|ages|jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?))\s*$",
    re.IGNORECASE,
)
_YEAR_BEFORE_RE = re.compile(
    r"\b(?:in|since|of|by|from|until|till|before|after|year|the|spring|summer|autumn|fall|winter|"
    r"early|late|mid|on|during|through)\s*$",
    re.IGNORECASE,
)
_SINGLE_RE = re.compile(
    r"\b(?:(?:single|one|1|lone)[- ](?:person|man|woman|member)|solo|solitary|individual)\s+"
    r"(?:picket|protest|demonstration|rally|strike|hunger\s+strike|action)s?\b"
    r"|\b(?:a|the)\s+(?:lone|single|solitary)\s+(?:protester|protestor|picketer|demonstrator|"
    r"activist|man|woman|person|pensioner|student|mother)\b"
    r"|\bone\s+(?:person|man|woman|protester|activist|pensioner|resident|mother)\s+"
    r"(?:\w+\s+){0,2}?(?:picketed|protested|staged|held|stood|demonstrated|went\s+on)\b"
    r"|\bone\s+(?:person|man|woman|protester|protestor|picketer)$",
    re.IGNORECASE,
)
_PERSON_WORDS = (
    r"pensioner|retiree|engineer|student|teacher|lecturer|professor|activist|woman|man|mother|"
    r"father|grandmother|grandfather|widow|veteran|doctor|nurse|journalist|blogger|artist|lawyer|"
    r"resident|worker|farmer|driver|entrepreneur|priest|poet|writer|musician|schoolgirl|schoolboy|"
    r"girl|boy|housewife|mother-of-\w+|father-of-\w+"
)
_SINGLE_SUBJECT_RE = re.compile(
    rf"\b(?i:an?)\s+(?:[\w-]+\s+){{0,2}}?(?i:{_PERSON_WORDS})(?:,\s+[^,.;]{{2,40}}?(?:,\s+\d{{1,3}})?,)?"
    r"(?=\s+(?:(?:also|then|later|alone|briefly)\s+)?(?i:picketed|"
    r"(?:held|staged)\s+an?\s+(?:one|single|solo|lone)[\w-]*\s+(?:picket|protest|demonstration)|"
    r"stood\s+[^.;]{0,100}?\b(?:holding|with)\s+an?\s+(?:placard|sign|poster|banner)))"
)
_PICKETER_RE = re.compile(r"\b(?i:the)\s+(?:lone\s+)?picketer\b(?:,\s+an?\s+[^,.;]{2,40}?,)?")
_SINGLE_KIND_RE = re.compile(r"(?:single|one|1|lone)[- ](?:person|man|woman|member)|solo|solitary", re.I)
_GENERIC_COPULA_RE = re.compile(r"\s+(?:is|are|remains?|can\s+be|may\s+be)\b", re.I)
_SINGLE_EVENT_RE = re.compile(r"(?:picket|protest|demonstration|rally|strike|action)s\b", re.I)
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:s|ese)$")
_GATHER_WORD_RE = re.compile(_GATHER_VERBS, re.IGNORECASE)
#: the predicates that can follow a counted noun phrase, by what they make of the count
_PREDICATE_RE = re.compile(
    r"(?P<victim>\b(?:were|was|had\s+been|have\s+been|has\s+been|got|are|is|being)\s+"
    r"(?:(?:later|also|all|reportedly|subsequently|briefly|allegedly|then|eventually|\w+ly)\s+)*"
    r"(?:detained|arrested|jailed|imprisoned|injured|wounded|hurt|killed|hospitali[sz]ed|fined|"
    r"sentenced|charged|beaten|treated\s+for|taken\s+(?:in|to|away)|held\s+(?:in|by|at|for|overnight)|"
    r"rounded\s+up|evacuated|released|freed|questioned|summoned)\b"
    r"|\b(?:received|needed|required|sought|underwent|got)\s+(?:\w+\s+)?(?:medical|hospital|emergency)"
    r"\s+(?:treatment|attention|care|help|aid)|\btreated\s+for\b|\bdied\b)"
    r"|(?P<speech>\b(?:said|say|says|told|tell|described|recalled|claimed|interviewed|spoke|"
    r"complained|explained|quoted|asked\s+not)\b)"
    r"|(?P<court>\battend\w*\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:hearing|trial|session|sentencing|"
    r"proceedings|court|funeral|burial|verdict|inquiry)s?\b)"
    rf"|(?P<gather>\b(?:{_GATHER_VERBS})\b)",
    re.IGNORECASE,
)
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her|our|any|every)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
_CUE_EXCEPTION_RE = re.compile(
    r"(?:protests?|rall(?:y|ies)|strikes?|march(?:es)?)\s+(?:leaders?|organi[sz]ers?|movements?|"
    r"groups?|songs?|laws?|votes?|notes?|cases?)\b|attend\w*\s+(?:the\s+|a\s+)?(?:\w+\s+)?"
    r"(?:hearing|trial|session|sentencing|proceedings|court|funeral|burial|verdict|inquiry)s?\b",
    re.IGNORECASE,
)
_PAST_VERB_AFTER_RE = re.compile(
    r"^\s+(?:(?:also|then|later|again)\s+)?(?:\w+ed|went|took|came|held|stood|sat|lit|set|ran|"
    r"made|spent|kept|brought|began|stayed|threw|burnt|built|put)\b",
    re.IGNORECASE,
)
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|that|which|whom)\s+(?:(?:had|have|has)\s+)?$", re.I)
#: a verb right before a generic people noun's count: the people are its object ("cut off 200,000
#: people", "serves 40,000 residents"), not a crowd
_OBJECT_VERB_RE = re.compile(
    r"\b(?:\w+ed(?:\s+off)?|cut\s+off|left|leaving|leaves|serves?|serving|affects?|affecting|"
    r"employs?|employing|houses?|housing|hit|hits|strand\w*|puts?|keeps?|forces?|forcing)\s*$",
    re.IGNORECASE,
)
_NON_GATHER_PRED_RE = re.compile(
    r"^\s+(?:\w+\s+){0,3}?(?:live|lived|living|work|worked|reside|resided|own|owned|owe|owed|use|"
    r"used|voted|signed|died|remain|remained|are|is|were|was)\b",
    re.IGNORECASE,
)
_WITH_PERSON_RE = re.compile(
    r"(?:\b(?i:he|she)|\b(?i:the|a|an|his|her|their)\s+(?:[\w-]+\s+)?(?:activist|leader|organi[sz]er|"
    r"pensioner|student|worker|miner|farmer|lawyer|journalist|blogger|teacher|mother|father|woman|"
    r"man|priest|imam|veteran|resident)|\b[A-Z][a-z]+\s+[A-Z][a-z]+)\s+and\s+$"
)
_SCOPE_AFTER_RE = re.compile(
    r"\s+(?:nationwide|countrywide|across\s+the\s+country|throughout\s+the\s+country|"
    r"all\s+over\s+the\s+country|in\s+total)\b",
    re.IGNORECASE,
)
_MULTI_SITE_RE = re.compile(
    r"\b(?:nationwide|countrywide|across\s+the\s+country|throughout\s+the\s+country|"
    r"all\s+over\s+the\s+country|in\s+(?:several|many|dozens\s+of|\w+)\s+(?:other\s+)?cities)\b",
    re.IGNORECASE,
)
_GAPPED_RE = re.compile(
    r"\b(?i:and|while|whereas|but)\s+(?:(?i:the|its|their)\s+(?:(?!\w+ed\b)[\w-]+\s+){0,2}?"
    r"(?!\w+ed\b)[\w-]+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|(?i:organi[sz]ers|police|activists|unions?|"
    r"authorities|officials|residents|witnesses))\s+(?:(?i:at)\s+)?$"
)


# ------------------------------------------------------------------------------------------
# Pure parsing


def parse_size(phrase: str) -> Quantity | None:
    """The crowd size a phrase states, by the codebook's conventions; ``text`` keeps the words.

    "some 200 to 300 people" → 200, 300; "several hundred" → 300, 900; "a 15,000-strong march" →
    15000, 15000; "a lone protester" / "single-person picket" → 1, 1.  ``None`` when the phrase
    states no number ("a large crowd").
    """
    words = phrase.strip()
    if not words:
        return None
    if _SINGLE_RE.search(words):
        return Quantity(words, 1, 1)
    return parse_quantity(words)


def combine_sizes(findings: Sequence[Finding[Quantity]]) -> Quantity:
    """One size covering several estimates (codebook §3.5): all the words, the covering range.

    ``text`` joins the distinct texts with "; " in order; ``low`` is the smallest low, an
    upper-bound-only estimate ("no more than 100") counting with its number when other estimates
    exist (``None`` when no estimate has a low); ``high`` the largest high (``None`` when any is
    open-ended, as "more than 300").  Raises ``ValueError`` on an empty sequence.
    """
    if not findings:
        raise ValueError("combine_sizes needs at least one size finding")
    quantities = [f.value for f in findings]
    texts = list(dict.fromkeys(q.text for q in quantities))
    highs = [q.high for q in quantities]
    high = None if any(v is None for v in highs) else max(v for v in highs if v is not None)
    if all(q.low is None for q in quantities):
        return Quantity("; ".join(texts), None, high)
    # an upper-bound report ("no more than 100") stands for its number among other estimates
    points = [q.low if q.low is not None else q.high for q in quantities]
    low = min(v for v in points if v is not None)
    return Quantity("; ".join(texts), low, high)


# ------------------------------------------------------------------------------------------
# Finding sizes in an event's sentences


def find_crowd_sizes(text: str, sentences: Sequence[Span]) -> list[Finding[Quantity]]:
    """The crowd sizes that ``sentences`` (spans of ``text``) state, in text order.

    Every estimate is returned (police's and organisers'); ``combine_sizes`` reconciles them.
    Estimates from a sentence about the whole country ("104,000 nationwide") are returned only
    when no other sentence gives a figure.
    """
    found: list[Finding[Quantity]] = []
    national: list[Finding[Quantity]] = []
    prev_end, prev_cue = -10, False
    for s0, s1 in sentence_bounds(text, sentences):
        near_cue = prev_cue and s0 - prev_end <= 3  # the sentence just before speaks of a gathering
        in_sentence: list[Finding[Quantity]] = []
        for q in iter_quantities(text, s0, s1):
            span = _size_span(text, q, s0, s1, near_cue)
            if span is not None:
                in_sentence.append(_finding(text, q, span, s0))
        in_sentence += _second_estimates(text, s0, s1, in_sentence)
        in_sentence += _single_person(text, s0, s1)
        kept = _without_overlaps(in_sentence)
        (national if kept and _MULTI_SITE_RE.search(text, s0, s1) else found).extend(kept)
        prev_end, prev_cue = s1, _gathering_cue(text, s0, s1)
    # a local figure outranks a national total given in another sentence
    return sorted(found or national, key=lambda f: f.span)


def _finding(text: str, q: QuantityPhrase, span: Span, s0: int) -> Finding[Quantity]:
    """The finding for a size phrase; "he and some 50 colleagues" counts the person too (51)."""
    before = text[max(s0, span.start - 60) : span.start]
    person = _WITH_PERSON_RE.search(before)
    if person and q.kind == "number" and not set(person.group().lower().split()) & _NOT_PARTICIPANTS:
        span = Span(span.start - (len(before) - person.start()), span.end)
        low = None if q.low is None else q.low + 1
        high = None if q.high is None else q.high + 1
        return Finding(Quantity(span.text(text), low, high), span)
    return Finding(q.quantity(text, span), span)


def _size_span(text: str, q: QuantityPhrase, s0: int, s1: int, near_cue: bool = False) -> Span | None:
    """The span of the size phrase around ``q`` when ``q`` counts a crowd, else ``None``."""
    if not _plausible_count(text, q, s0):
        return None
    after = text[q.span.end : s1]
    strong = _STRONG_RE.match(after)
    if strong:
        return Span(q.span.start, q.span.end + strong.end())
    head = _people_head(after)
    if head is not None:
        noun, end = head
        if not _is_participant_phrase(text, q, s0, s1, noun, end, near_cue):
            return None
        scope = _SCOPE_AFTER_RE.match(text, q.span.end + end, s1)
        return Span(q.span.start, scope.end() if scope else q.span.end + end)
    if _VICTIM_BEFORE_RE.search(_before(text, q, s0)):
        return None
    if _GATHER_AFTER_RE.match(after) and not _VICTIM_AFTER_RE.match(after):
        return q.span
    before = _before(text, q, s0)
    if q.kind == "vague" and re.search(r"\bin\s+(?:their|the)\s*$", before, re.IGNORECASE):
        return q.span  # "turned out in their thousands"
    if _CROWD_ANCHOR_RE.search(before) and _CLEAN_AFTER_RE.match(after):
        recent = {w.lower().strip(",") for w in before.split()[-5:]}
        return None if recent & _NOT_PARTICIPANTS else q.span
    return None


def _before(text: str, q: QuantityPhrase, s0: int) -> str:
    """The words before ``q`` in its sentence (at most 90 characters: the cues are close)."""
    return text[max(s0, q.span.start - 90) : q.span.start]


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b")
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTHS}\.?\s+$")


def _plausible_count(text: str, q: QuantityPhrase, s0: int) -> bool:
    """False for "many"/"some", one person, dates, money, ages, years; and negated or hoped-for."""
    if q.kind == "indefinite" or (q.low, q.high) == (1, 1) or is_list_marker(text, q.span, s0):
        return False
    words = q.span.text(text)
    before = _before(text, q, s0)
    after = text[q.span.end : q.span.end + 12]
    if _NONCOUNT_BEFORE_RE.search(before):
        return False
    if re.match(r"^-(?!\s*strong)|^\s*(?:%|per\s*cent|percent)", after, re.IGNORECASE):
        return False
    if q.kind == "number" and q.high is not None and q.high <= 31 and (
        _MONTH_AFTER_RE.match(after) or _MONTH_BEFORE_RE.search(before)
    ):
        return False  # a day of the month: "Monday, 3 March", "on March 3"
    if re.fullmatch(r"1[89]\d\d|20\d\d", words) and (
        _YEAR_BEFORE_RE.search(before) or re.match(r"^(?:,|['’]s|\s*[-–])", after)
    ):
        return False
    if is_negated(text, q.span.start, s0, words=3):
        return False
    return not _hoped_for(text, q, s0)


def _hoped_for(text: str, q: QuantityPhrase, s0: int) -> bool:
    before = " ".join(_before(text, q, s0).split()[-4:])
    if re.search(r"\b(?:expect\w*|hop(?:e|ed|ing)|aim\w*|predict\w*|anticipat\w*|target\w*|"
                 r"plan\w*|want\w*)\b", before, re.IGNORECASE):  # fmt: skip
        return True
    return bool(_EXPECTED_AFTER_RE.match(text[q.span.end : q.span.end + 60]))


def _people_head(after: str) -> tuple[str, int] | None:
    """The people noun that heads the words after a quantity, and where it ends (relative)."""
    m = re.match(r"\s+(?:of\s+(?:the\s+|these\s+|those\s+)?)?", after)
    pos = m.end() if m else 0
    if pos == 0:
        return None
    words = list(islice(_WORD_RE.finditer(after, pos), 6))[:5]
    for i, w in enumerate(words):
        if i and after[words[i - 1].end() : w.start()].strip() not in ("", "and"):
            return None  # punctuation between the words: the noun phrase ended
        token = w.group().lower()
        if token in _NOT_PARTICIPANTS:
            return None
        nxt = words[i + 1].group() if i + 1 < len(words) else ""
        if token in PEOPLE_NOUNS or _is_demonym(w.group(), nxt):
            if nxt.lower() in PEOPLE_NOUNS and after[w.end() : words[i + 1].start()].strip() == "":
                continue  # "women activists", "Kazakh residents": the head is later
            if nxt.lower() in _NOT_PARTICIPANTS:
                return None
            return token, w.end()
        if token in _STOP or i >= 3:
            return None
    return None


def _is_demonym(word: str, nxt: str) -> bool:
    """ "Kazakhs", "Uighurs", "Chinese" as a head noun (not "Chinese factories")."""
    if not _DEMONYM_RE.match(word):
        return False
    low = nxt.lower()
    return not nxt or low in _STOP or low in PEOPLE_NOUNS or bool(_GATHER_WORD_RE.fullmatch(low))


def _is_participant_phrase(
    text: str, q: QuantityPhrase, s0: int, s1: int, noun: str, end: int, near_cue: bool = False
) -> bool:
    """Whether "<quantity> <people noun>" counts participants, not victims, staff or residents."""
    before = _before(text, q, s0)
    after_noun = text[q.span.end + end : s1]
    partitive = re.match(r"\s+of\s+(?:the|these|those)\b", text[q.span.end : s1], re.IGNORECASE)
    predicate = _first_predicate(after_noun)
    anchored = bool(_CROWD_ANCHOR_RE.search(before))
    if predicate in ("speech", "court") or (predicate == "victim" and not anchored):
        return False  # "three protesters told ...", "eight protesters received medical treatment"
    if _VICTIM_AFTER_RE.match(after_noun) and not anchored:
        return False
    if _VICTIM_BEFORE_RE.search(before):
        return False
    if partitive and q.kind == "number" and not _GATHER_AFTER_RE.match(after_noun):
        return False  # "two of the protesters said ..."
    if noun in PROTEST_NOUNS:
        return True
    if _OBJECT_VERB_RE.search(before) and not anchored:
        return False  # "has cut off roughly 200,000 people"
    if _gathering_cue(text, s0, s1):
        return True
    # "Several hundred people parked cars across the road." after "The blockade was staged ..."
    return near_cue and _sentence_subject(text, q, s0) and bool(_PAST_VERB_AFTER_RE.match(after_noun))


def _first_predicate(after: str) -> str | None:
    """What the first predicate after a counted noun phrase makes of it: victim, speech, court,
    gather, or ``None``.  Relative clauses ("who joined the march") and nouns ("an illegal
    gathering") are skipped, and so is a parenthetical "police said"."""
    clause = re.split(r"[;!?]|\.(?:\s|$)", after, maxsplit=1)[0][:200]
    for m in _PREDICATE_RE.finditer(clause):
        head = clause[: m.start()]
        if _RELATIVE_BEFORE_RE.search(head):
            continue
        if m.lastgroup == "gather" and _DETERMINER_BEFORE_RE.search(head):
            continue
        if m.lastgroup == "speech" and "," in head:
            continue
        return m.lastgroup
    return None


def _gathering_cue(text: str, s0: int, s1: int) -> bool:
    """Whether the sentence speaks of a gathering (not "attended the hearing", "protest leader")."""
    return any(
        not _CUE_EXCEPTION_RE.match(text, m.start()) for m in _GATHER_CUE_RE.finditer(text, s0, s1)
    )


def _sentence_subject(text: str, q: QuantityPhrase, s0: int) -> bool:
    return bool(re.fullmatch(r"[\s\"'“‘(]*", text[s0 : q.span.start]))


def _second_estimates(
    text: str, s0: int, s1: int, sizes: list[Finding[Quantity]]
) -> list[Finding[Quantity]]:
    """Bare numbers given as other estimates in a sentence about the crowd's size."""
    sentence = text[s0:s1]
    if not sizes and not re.search(r"\b(?:crowd|turnout|attendance|took\s+part|attended|"
                                   r"participants|protesters|demonstrators)\b", sentence, re.I):  # fmt: skip
        return []
    out = []
    for q in iter_quantities(text, s0, s1):
        if any(f.span.overlaps(q.span) for f in sizes) or not _plausible_count(text, q, s0):
            continue
        before = " ".join(_before(text, q, s0).split()[-5:])
        after = text[q.span.end : s1]
        earlier = any(f.span.end <= q.span.start for f in [*sizes, *out])
        gapped = earlier and _GAPPED_RE.search(before + " ")
        if (
            (_ESTIMATE_CUE_RE.search(before) or gapped)
            and _CLEAN_AFTER_RE.match(after)
            and not _VICTIM_AFTER_RE.match(after)
            and not _VICTIM_BEFORE_RE.search(_before(text, q, s0))
        ):
            out.append(Finding(q.quantity(text), q.span))
    return out


def _single_person(text: str, s0: int, s1: int) -> list[Finding[Quantity]]:
    out = _single_subjects(text, s0, s1)
    for m in _SINGLE_RE.finditer(text, s0, s1):
        if _SINGLE_EVENT_RE.fullmatch(m.group().split()[-1]):
            continue  # "single-person pickets do not require permission": a kind, not an event
        if out and _SINGLE_KIND_RE.match(m.group()):
            continue  # "a pensioner ... held a one-person picket": the person is the size
        if _GENERIC_COPULA_RE.match(text, m.end(), s1):
            continue  # "a one-person picket is a way to speak out": a kind
        if is_negated(text, m.start(), s0, words=4) or is_hypothetical(text, m.start(), s0, 4):
            continue
        span = Span(m.start(), m.end())
        out.append(Finding(Quantity(span.text(text), 1, 1), span))
    return out


def _single_subjects(text: str, s0: int, s1: int) -> list[Finding[Quantity]]:
    """ "a retired engineer picketed ...", "the picketer, a 19-year-old woman, ..." → 1, 1."""
    out = []
    for rx in (_SINGLE_SUBJECT_RE, _PICKETER_RE):
        for m in rx.finditer(text, s0, s1):
            if is_negated(text, m.start(), s0, words=4) or is_hypothetical(text, m.start(), s0, 4):
                continue
            span = Span(m.start(), m.end() - (1 if m.group().endswith(",") else 0))
            out.append(Finding(Quantity(span.text(text), 1, 1), span))
    return out


def _without_overlaps(findings: list[Finding[Quantity]]) -> list[Finding[Quantity]]:
    kept: list[Finding[Quantity]] = []
    for f in sorted(findings, key=lambda f: (f.span.start, -f.span.end)):
        if not any(k.span.overlaps(f.span) for k in kept):
            kept.append(f)
    return kept
