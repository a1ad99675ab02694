"""Claims of one event: short verbatim spans of what the protesters demanded or opposed.

Reads the article text and the event's sentences; writes ``Finding[str]`` whose value is the
verbatim claim text and whose span points at it.

A claim starts after a cue and runs to the end of its phrase:

* demands: "demanded (that) X", "demanding the release of X", "(a) call(ed) for X",
  "called on / urged / asked <addressee> (not) to X", "<addressee> were called upon to X";
* opposition: "(to protest) against X" (kept with "against"), "opposed to X", "protested X",
  "protest(s) over X", "unhappy / angry about X", "in support of X";
* slogans: quoted text after "chanting", "slogans", "placards reading" …;
* "the issue of X was raised".

The phrase ends at the sentence end, a semicolon, a new clause (", who", " while ", " after ",
" and clashed with …") or a comma that does not continue the claim (", including …", ", to China"
continue it). Coordinated demands that are each a full verb phrase are split ("not to go to China,
not to receive loans … and that Kazakhstan should attract …" → three claims); a leading "to" and
"that <subject> should" are dropped. With a spaCy ``Doc``, "and" + a coordinated verb also splits.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any, Iterator, Sequence

from protestwatch.extract.sentences import is_heading, split_sentences
from protestwatch.extract.triggers import find_triggers
from protestwatch.model import Finding, Span

logger = logging.getLogger(__name__)

_ADDRESSEE = r"(?:[\w’'.-]+\s+){1,7}?"
_PHRASE_CUES: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(p, re.I), keep)
    for p, keep in (
        # (pattern whose end is the claim's start, whether the cue word stays in the claim)
        (r"\b(?:call(?:s|ed|ing)?|appeal(?:s|ed|ing)?|demands?)\s+for\s+" + _ADDRESSEE
         + r"(?=(?:not\s+)?to\s+[a-z])", False),
        (r"\b(?:call(?:s|ed|ing)?|appeal(?:s|ed|ing)?)\s+(?:on|upon|to)\s+" + _ADDRESSEE
         + r"(?=(?:not\s+)?to\s+[a-z])", False),
        (r"\b(?:urg(?:ed|ing|es?)|ask(?:ed|ing|s)?|press(?:ed|ing)|implor\w+|beg(?:ged|ging))\s+"
         + _ADDRESSEE + r"(?=(?:not\s+)?to\s+[a-z])", False),
        (r"\b(?:was|were|are|is|been)\s+(?:also\s+)?(?:called\s+(?:up)?on|urged|asked|pressed)"
         r"\s+(?=(?:not\s+)?to\s+[a-z])", False),
        (r"\b(?:call(?:s|ed|ing)?|appeal(?:s|ed|ing)?)\s+for\s+(?!(?:the\s+|a\s+)?(?:protests?"
         r"|rall(?:y|ies)|demonstrations?|strikes?)\b)(?!" + _ADDRESSEE
         + r"(?:not\s+)?to\s+[a-z])", False),
        (r"\b(?:demand(?:ed|ing)?|demands\s+for)\s+(?:that\s+|for\s+)?(?!(?:that|from|of)\b)",
         False),
        (r"\bdemands?\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:included?|were|was|are|is)\s+", False),
        (r"\b(?:opposed\s+to|opposing|oppos(?:e|es)|(?:in\s+)?opposition\s+to)\s+", False),
        (r"\b(?:unhappy|angry|anger|discontent(?:ed)?|dissatisf\w+|outraged?|furious|upset"
         r"|frustrat\w+|indignant|fury)\s+(?:about|with|over|at)\s+", False),
        (r"\bprotest(?:s|ed|ing)?\s+(?:at|over)\s+(?!the\s+(?:weekend|past)|\d)", False),
        (r"\b(?:rall\w+|march\w*|strik\w+|demonstrat\w+|picket\w*|gathered|took\s+to\s+the"
         r"\s+streets|sit-ins?|protests?|vigils?|walkouts?|blockades?)\s+(?:[\w-]+\s+){0,3}?"
         r"over\s+(?!the\s+(?:weekend|past|course)|\d|several|two|three)", False),
        (r"\bprotest(?:ed|ing)\s+(?!against|over|at|in|outside|near|on|for|with|by|from|to|as"
         r"|and|the\s+(?:weekend|day))(?=the|a|an|[A-Z])", False),
        (r"\bin\s+(?:support|defen[cs]e)\s+of\s+|\bin\s+solidarity\s+with\s+", True),
        (r"\bcomplain(?:s|ed|ing)?\s+(?:about|of|over)\s+", False),
        (r"\b(?:placards?|banners?|signs?|posters?)\s+(?:asking|demanding|calling\s+for|urging)\s+"
         r"(?![\"“«])", False),
        (r"(?<!charges\s)(?<!case\s)(?<!cases\s)(?<!crackdown\s)(?<!violence\s)(?<!force\s)"
         r"(?<!acted\s)(?<!act\s)(?<!action\s)(?<!operation\s)(?<!sanctions\s)(?<!steps\s)"
         r"(?<!law\"\s)(?<!law”\s)"
         r"(?<!measures\s)(?<!lawsuit\s)(?<!complaint\s)\bagainst\s+(?!(?:them|him|her|us|the"
         r"\s+(?:protesters|demonstrators|crowd|participants)|protesters|demonstrators)\b)",
         True),
    )
)
_SLOGAN_CUE = re.compile(
    r"\b(?:chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|slogans?|placards?|banners?|signs?|posters?"
    r"|read(?:ing)?|sang|singing)\b",
    re.I,
)
_QUOTED = re.compile(r"[“\"«]([^”\"»]{3,120})[”\"»]")
_ISSUE_RAISED = re.compile(
    r"\b(?:the\s+)?(?:issue|question|problem|plight)\s+of\s+[^,.;]{2,60}?\s+(?:was|were)\s+"
    r"(?:also\s+)?(?:raised|highlighted|brought\s+up|mentioned)",
    re.I,
)
_HARD_STOP = re.compile(r"[.;!?](?=\s|$|[”\"’])|\s[–—-]\s|\(|:\s|\n")
_CLAUSE_STOP = re.compile(
    r"\s+(?:while|but|because|although|though|whereas|after|before|when|where|who|which|since"
    r"|according\s+to|as\s+(?:police|officers|riot)|so\s+that)\b"
    r"|\s+and\s+(?:a\s+)?(?:call|calls|called|calling|demand\w*|urg\w+)\b"
    r"|\s+and\s+(?:\w+ly\s+|sometimes\s+|then\s+|later\s+|also\s+|were\s+|was\s+)?(?:\w+ed|went"
    r"|held|took|ran|fought|threw|set|began|left|stood|sang|made|broke|came)\s+(?:with|to|at"
    r"|on|in|outside|near|into|through|the|police|them|their|a|up|down|off|by)\b"
    r"|\s+and\s+(?:police|the\s+police|they|officers|authorities)\b",
    re.I,
)
_CONTINUE_AFTER_COMMA = re.compile(
    r",\s+(?:including|such\s+as|especially|particularly|notably|in\s+particular|as\s+well\s+as"
    r"|to|from|in|into|for|of|with|without|not|and\s+(?:to|not|that|the|a|an|for|of|[a-z]+ing)"
    r"|or|instead|rather|[a-z]+ing\s+[a-z]|\w+,)\b|,(?=\d{3})",
    re.I,
)
_TIME_TRAILER = re.compile(
    r"(?:\s+(?:on|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|week|weekend|month|year)|\s+on\s+\d{1,2}\s+[A-Z][a-z]+|\s+on\s+[A-Z][a-z]+\s+\d{1,2}"
    r"|\s+(?:yesterday|today|earlier\s+this\s+\w+))$"
)
_PLACE_TRAILER = re.compile(
    r"\s+(?:in|at|near|outside|in\s+front\s+of|on(?=\s+(?:[A-Z][\w-]*\s+)+(?:Square|Street"
    r"|Avenue|Boulevard|Prospekt)$))\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?"
    r"[A-Z][\w'’-]*)*$"
)
_MAIN_VERB = re.compile(
    r"\s+(?:\w+ed|blocked|held|took|ran|threw|set|began|broke)\s+(?:a|an|the|their|traffic"
    r"|roads?|streets?|bridges?|to|into|through|towards|outside|along)\b"
)
_PASSIVE_VERB = re.compile(
    r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ed|held|taken|seen|set"
    r"|begun|staged|called)\s+(?:on|in|at|across|throughout|outside|near|by|yesterday|today"
    r"|last|this)\b"
)
#: A locative phrase that says where the crowd stood, not what it wanted.
_SITE_PHRASE = re.compile(
    r"\s+(?:on|in|at|near|outside|in\s+front\s+of|across)\s+(?:the\s+)?(?:main\s+|central\s+"
    r"|city\s+|town\s+)?(?:square|streets?|avenue|steps|building|campus|roundabout)\b",
    re.I,
)
_PEOPLE_BEFORE = re.compile(
    r"\b(?:relatives|people|prisoners|detainees|workers|citizens|children|sons|daughters|men"
    r"|women|families|residents|refugees|migrants|minorit(?:y|ies)|those|others|\w+s\s+held)$",
    re.I,
)
_TRAILERS = re.compile(
    r"(?:,?\s+(?:among\s+other\s+things|among\s+others|etc\.?|and\s+so\s+on|and\s+more"
    r"|as\s+well|too))+$|[\s,”\"’]+$",
    re.I,
)
_TO_VERB = r"(?:not\s+to|to(?=\s+(?!the\b|a\b|an\b|their\b|his\b|her\b|its\b|our\b)[a-z])|that)\s"
_SPLIT = re.compile(rf",?\s+and\s+(?={_TO_VERB})|,\s+(?={_TO_VERB})")
#: "(demanded that) the authorities reverse …": the addressee, before a bare verb.
_ADDRESSEE_SUBJECT = re.compile(
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:authorities|government|officials|mayor|akimat|police|company"
    r"|management|parliament|lawmakers|state|administration)\s+(?!(?:be|should|must|would|will"
    r"|shall|could|resign|step|do|does|not|is|are|was|were|has|have|had)\b)(?=[a-z]+\s)"
    r"(?![a-z]*(?:ity|ion|ment|ness|ism|ance|ence|s|ed|ing)\b)",
    re.I,
)
_LEAD = re.compile(
    r"(?:to\s+(?!the\b|a\b)|that\s+(?:[\w’'-]+\s+){1,4}?(?:should|must|would|will|shall"
    r"|could)\s+(?:be\s+allowed\s+to\s+)?|that\s+)",
    re.I,
)
_MAX_WORDS = 30


def _claim_end(text: str, start: int, limit: int) -> int:
    """Where the claim that starts at ``start`` ends (exclusive), at most at ``limit``."""
    hard = _HARD_STOP.search(text, start, limit)
    end = hard.start() if hard else limit
    clause = _CLAUSE_STOP.search(text, start, end)
    if clause:
        end = clause.start()
    pos = start
    while True:
        comma = text.find(",", pos, end)
        if comma < 0:
            break
        if not _CONTINUE_AFTER_COMMA.match(text, comma):
            end = comma
            break
        pos = comma + 1
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip trailing hedges ("among other things") and spaces; cap the length in words."""
    chunk = _cut_scene(text[start:end])
    m = _TRAILERS.search(chunk)
    while m and m.start() < len(chunk):
        chunk = chunk[: m.start()]
        m = _TRAILERS.search(chunk)
    words = list(re.finditer(r"\S+", chunk))
    if len(words) > _MAX_WORDS:
        chunk = chunk[: words[_MAX_WORDS - 1].end()]
    stripped = chunk.lstrip()
    return start + len(chunk) - len(stripped), start + len(chunk)


def _cut_scene(chunk: str) -> str:
    """Drop what follows the claim: the main verb, where the crowd stood, when it did."""
    cuts = [_SITE_PHRASE.search(chunk), _PASSIVE_VERB.search(chunk)]
    if not re.search(r"\b(?:that|which|who|whose)\b", chunk):
        cuts.append(_MAIN_VERB.search(chunk))  # "opposed to the mine blocked a bridge"
    ends = [m.start() for m in cuts if m is not None and m.start() > 0]
    chunk = chunk[: min(ends)] if ends else chunk
    timed = _TIME_TRAILER.search(chunk)
    if timed:
        chunk = chunk[: timed.start()]
    place = _PLACE_TRAILER.search(chunk)
    if place and place.start() > 0 and not _PEOPLE_BEFORE.search(chunk[: place.start()]):
        chunk = chunk[: place.start()]
    return chunk


def _split(text: str, start: int, end: int, doc: Any) -> Iterator[tuple[int, int]]:
    """Split a claim into coordinated full verb phrases, dropping "to" / "that X should"."""
    cuts = [start]
    for m in _SPLIT.finditer(text, start, end):
        cuts.extend([m.start(), m.end()])
    cuts.extend(_doc_verb_cuts(doc, start, end))
    cuts.append(end)
    for a, b in zip(cuts[::2], cuts[1::2]):
        lead = _LEAD.match(text, a, b)
        a = lead.end() if lead else a
        if text[max(0, a - 5):a].lower() == "that ":
            subject = _ADDRESSEE_SUBJECT.match(text, a, b)
            a = subject.end() if subject else a
        a, b = _trim(text, a, b)
        if b - a >= 3:
            yield a, b


def _doc_verb_cuts(doc: Any, start: int, end: int) -> list[int]:
    """With a parse: cut before "and <verb>" when the verb is a conjunct of an earlier verb."""
    if doc is None:
        return []
    cuts: list[int] = []
    try:
        span = doc.char_span(start, end, alignment_mode="contract")
    except (AttributeError, ValueError):
        return []
    if span is None:
        return []
    for tok in span:
        first = tok.left_edge if tok.pos_ in ("NOUN", "PROPN") else tok
        if tok.dep_ != "conj" or first.i <= span.start or first.nbor(-1).lower_ != "and":
            continue
        verbs = (tok.pos_ == "VERB" and tok.head.pos_ == "VERB" and tok.head.i >= span.start
                 and tok.tag_ == "VB")
        # "higher wages and the return of a bonus": two objects of the demand
        nouns = (tok.pos_ in ("NOUN", "PROPN") and tok.head.i >= span.start
                 and not span.start <= tok.head.head.i < span.end)
        if verbs or nouns:
            cuts.extend([first.nbor(-1).idx - 1, first.idx])
    return cuts


def _cue_claims(text: str, sent: Span, doc: Any) -> Iterator[tuple[int, int, bool]]:
    """(start, end, broad) of every cue-based claim in ``sent``."""
    for pattern, keep in _PHRASE_CUES:
        for m in pattern.finditer(text, sent.start, sent.end):
            start = m.start() if keep else m.end()
            end = _claim_end(text, m.end(), sent.end)
            if end - m.end() < 3:
                continue
            for a, b in _split(text, start, end, doc):
                yield a, b, False


def _slogans(text: str, sent: Span) -> Iterator[tuple[int, int, bool]]:
    for m in _QUOTED.finditer(text, sent.start, sent.end):
        before = text[max(sent.start, m.start() - 60):m.start()]
        if _SLOGAN_CUE.search(before):
            yield m.start(1), m.end(1), False
    for m in _ISSUE_RAISED.finditer(text, sent.start, sent.end):
        yield m.start(), m.end(), False


_MOBILISE = re.compile(
    r"(?:not\s+)?(?:to\s+)?be\s+(?:named|identified|quoted)\b.*|(?:join|attend|participate|take\s+part|come\s+out|turn\s+out|gather|rally|protest|march"
    r"|be\s+named|be\s+identified|remain\s+calm|disperse|go\s+home|leave|stay\s+at\s+home)"
    r"\b(?:\s+(?:the|a|an|them|us|in|on)\b.{0,30})?$",
    re.I,
)
_SPARKED = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:sparked|triggered|prompted|provoked|ignited|fuel(?:l)?ed|set\s+off)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:protests?|demonstrations?|rall(?:y|ies)|strikes?|unrest|riots?"
    r"|marches)\b|\s+brought\s+(?:crowds|people|thousands|hundreds|protesters)\s+(?:onto|into|to)"
    r"\s+the\s+streets?\b",
    re.I,
)
_OPPONENTS = re.compile(r"\b(?:opponents|critics)\s+of\s+", re.I)
_SUBJECT_END = re.compile(
    r"\s+(?:[a-z]+ed|went|took|held|came|began|tried|said|have\s+\w+ed|had\s+\w+ed)\s+(?:on"
    r"|in|at|to|their|a|an|the|through|outside|out|up|down|for|that)\b"
)


def _opposed(text: str, sent: Span) -> Iterator[tuple[int, int, bool]]:
    """ "Opponents of X marched …": X, up to the main verb."""
    for m in _OPPONENTS.finditer(text, sent.start, sent.end):
        end = _claim_end(text, m.end(), sent.end)
        verb = _SUBJECT_END.search(text, m.end(), end)
        a, b = _trim(text, m.end(), verb.start() if verb else end)
        if b - a >= 3:
            yield a, b, False


_CLAUSE_START = re.compile(r"(?:^|,\s+|\bwhen\s+|\bafter\s+|\bas\s+|\bwhere\s+)", re.I)


def _causes(text: str, sent: Span) -> Iterator[tuple[int, int, bool]]:
    """The subject of "X sparked protests" / "X brought crowds onto the streets": the grievance."""
    for m in _SPARKED.finditer(text, sent.start, sent.end):
        starts = [c.end() for c in _CLAUSE_START.finditer(text, sent.start, m.start())]
        a = max(starts) if starts else sent.start
        words = text[a:m.start()].split()
        if 1 <= len(words) <= 25 and not re.match(r"(?:it|this|that|they|which)\b", words[0], re.I):
            yield a, m.start(), False


_AFTER = re.compile(
    r"\b(?:rallied|protested|marched|gathered|picketed|demonstrated|took\s+to\s+the\s+streets"
    r"|held\s+(?:a\s+)?(?:[\w-]+\s+)?(?:sit-in|rally|protest|vigil|march|picket|strike)"
    r"|staged\s+(?:a\s+)?(?:[\w-]+\s+)?\w+|went\s+on\s+strike|blocked\s+[\w\s]{1,30}?)"
    r"[^.;]{0,120}?\s(?P<after>after\s+(?!(?:the|a|an)\s+(?:rally|protest|march|meeting|vigil"
    r"|gathering|speech)\b))",
    re.I,
)
_GRIEVANCE = re.compile(
    r"\b(?:killed|died|death|shot|beaten|tortured|arrest(?:ed)?|detained|jailed|sentenced|lay-offs?"
    r"|layoffs?|dismiss\w+|sacked|closure|closed|evict\w+|demolish\w+|rais(?:ed|ing)|hikes?"
    r"|increases?|banned|cut|decision|ruling|passed|approved|adopted|refus\w+|disappear\w*)\b",
    re.I,
)


def _after_grievance(text: str, sent: Span) -> Iterator[tuple[int, int, bool]]:
    """ "rallied … after a local man was killed in custody": the grievance that set it off."""
    for m in _AFTER.finditer(text, sent.start, sent.end):
        a = m.start("after")
        b = _claim_end(text, m.end(), sent.end)
        if _GRIEVANCE.search(text, a, b):
            a, b = _trim(text, a, b)
            if b - a >= 3:
                yield a, b, False


def _drop_contained(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a claim unless another, longer claim contains it."""
    kept: list[tuple[int, int]] = []
    for a, b in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans):
            continue
        kept.append((a, b))
    return kept


def find_claims(
    text: str, sentences: Sequence[Span], doc: Any = None, *, inherit: bool = True
) -> list[Finding[str]]:
    """Short verbatim spans of what the event's protesters demanded or opposed.

    An event whose sentences state no claim of its own takes the article's lead claim (``inherit``;
    see ``lead_claims``): "Rallies against X were held in three cities ... In Kumasi, 2,000
    marched" codes the Kumasi rally with the claim told once for all.
    """
    found = _own_claims(text, sentences, doc)
    if found or not inherit or not sentences:
        return found
    lead = lead_sentence(text)
    return [] if lead is None else _own_claims(text, [lead], doc)


_LEAD_PARAGRAPHS = 4


@functools.lru_cache(maxsize=16)
def lead_sentence(text: str) -> Span | None:
    """The article's lead claim: the first body sentence (within its first body paragraphs) that
    tells of a protest and states a claim.  Headings are skipped."""
    paragraphs: set[int] = set()
    for sent in split_sentences(text):
        line_start = text.rfind("\n", 0, sent.start) + 1
        line_end = text.find("\n", sent.end)
        if is_heading(text[line_start: len(text) if line_end < 0 else line_end]):
            continue
        paragraphs.add(sent.paragraph)
        if len(paragraphs) > _LEAD_PARAGRAPHS:
            break
        span = sent.span
        if find_triggers(text, span) and _own_claims(text, [span], None):
            return span
    return None


def _own_claims(text: str, sentences: Sequence[Span], doc: Any = None) -> list[Finding[str]]:
    spans: list[tuple[int, int]] = []
    for sent in sentences:
        for a, b, _ in (*_cue_claims(text, sent, doc), *_slogans(text, sent),
                        *_causes(text, sent), *_after_grievance(text, sent),
                        *_opposed(text, sent)):
            if not _MOBILISE.match(text, a, b):
                spans.append((a, b))
    found: list[Finding[str]] = []
    seen: set[str] = set()
    for a, b in _drop_contained(spans):
        value = text[a:b]
        key = value.casefold()
        if key in seen:
            continue
        seen.add(key)
        found.append(Finding(value, Span(a, b)))
    return found
