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

import logging
import re
from typing import Any, Iterator, Sequence

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
        (r"(?<!charges\s)(?<!case\s)(?<!cases\s)(?<!crackdown\s)(?<!violence\s)(?<!force\s)"
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
    r"\s+(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*$"
)
_MAIN_VERB = re.compile(
    r"\s+(?:\w+ed|blocked|held|took|ran|threw|set|began|broke)\s+(?:a|an|the|their|traffic"
    r"|roads?|streets?|bridges?|to|into|through|towards|outside|along)\b"
)
_TRAILERS = re.compile(
    r"(?:,?\s+(?:among\s+other\s+things|among\s+others|etc\.?|and\s+so\s+on|and\s+more"
    r"|as\s+well|too))+$|[\s,”\"’]+$",
    re.I,
)
_TO_VERB = r"(?:not\s+to|to(?=\s+(?!the\b|a\b|an\b|their\b|his\b|her\b|its\b|our\b)[a-z])|that)\s"
_SPLIT = re.compile(rf",?\s+and\s+(?={_TO_VERB})|,\s+(?={_TO_VERB})")
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
    chunk = text[start:end]
    if not re.search(r"\b(?:that|which|who|whose)\b", chunk):
        verb = _MAIN_VERB.search(chunk)  # "opposed to the mine blocked a bridge"
        chunk = chunk[: verb.start()] if verb and verb.start() > 0 else chunk
    timed = _TIME_TRAILER.search(chunk)
    if timed:
        chunk = _PLACE_TRAILER.sub("", chunk[: timed.start()])
    m = _TRAILERS.search(chunk)
    while m and m.start() < len(chunk):
        chunk = chunk[: m.start()]
        m = _TRAILERS.search(chunk)
    words = list(re.finditer(r"\S+", chunk))
    if len(words) > _MAX_WORDS:
        chunk = chunk[: words[_MAX_WORDS - 1].end()]
    stripped = chunk.lstrip()
    return start + len(chunk) - len(stripped), start + len(chunk)


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
        if (tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB"
                and tok.i > 0 and tok.nbor(-1).lower_ == "and" and tok.head.i >= span.start
                and tok.tag_ == "VB"):
            cuts.extend([tok.nbor(-1).idx - 1, tok.idx])
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


def _drop_contained(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a claim unless another, longer claim contains it."""
    kept: list[tuple[int, int]] = []
    for a, b in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans):
            continue
        kept.append((a, b))
    return kept


def find_claims(text: str, sentences: Sequence[Span], doc: Any = None) -> list[Finding[str]]:
    """Short verbatim spans of what the event's protesters demanded or opposed."""
    spans: list[tuple[int, int]] = []
    for sent in sentences:
        for a, b, _ in (*_cue_claims(text, sent, doc), *_slogans(text, sent)):
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
