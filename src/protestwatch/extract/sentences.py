"""Paragraphs, sentences, headings, captions and datelines.

Reads: the article text (and, when there is one, the spaCy ``Doc`` whose sentence boundaries are
used inside paragraphs).  Writes: ``Sentence`` spans with their paragraph numbers, and flags for the
lines that are not body text (headline, subheads, photo captions, "Read more" lines).

Paragraphs are the text's lines (news text puts one paragraph per line, with or without blank
lines between).  A line is a heading when it is short and has no final punctuation; a caption when
it ends with a bracketed date or starts with a photo credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from protestwatch.model import Sentence, Span

_PARAGRAPH = re.compile(r"[^\n]+")
_FINAL = re.compile(r"""[.!?…]["'”’»)\]]*(?:\s*\([A-Z][\w .]{0,20}\))?\s*$""")
# Invisible characters that must not hide a line's final punctuation.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f\x7f]+")
_CAPTION = re.compile(
    r"(?:\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|"
    r"(?:photo|file|image|picture)[^)]*)\)\s*$)|"
    r"^\s*(?:photo|image|picture|pictured|file\s+photo|caption|video)\b|"
    r"\b(?:photo|image)\s*(?::|by|credit)\s|/\s*(?:AFP|Reuters|AP|Getty)",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(?:read\s+more|read\s+also|related|advertisement|subscribe|follow\s+us|share\s+this|"
    r"see\s+also|click\s+here|sign\s+up)\b",
    re.IGNORECASE,
)
# "BISHKEK, May 15 —", "ALMATY (Reuters) -", "Nairobi, Kenya —"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’.\- ]{1,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s"
)

# The colon form of South Asian and other papers: "ISLAMABAD: ...", "NEW DELHI (PTI): ..." (the
# place in capitals, so that "Update: ..." or "Note: ..." are not datelines).
_DATELINE_COLON = re.compile(
    r"^\s*(?!(?:UPDATE|UPDATED|BREAKING|EXCLUSIVE|WATCH|EDITORIAL|OPINION|ANALYSIS|PHOTOS?|VIDEO|"
    r"LIVE|NOTE|CORRECTION|READ\s+MORE|ALSO\s+READ|EDITOR'?S\s+NOTE)\b)"
    r"(?P<place>[A-Z][A-Z'’.\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?\s*(?:\([^)]{1,30}\))?\s*:\s"
)


def paragraphs(text: str) -> list[Span]:
    """The non-empty lines of the text, as spans."""
    return [Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def is_heading(line: str) -> bool:
    """A headline, subhead, photo caption or boilerplate line (not body text)."""
    stripped = _INVISIBLE.sub("", line).strip()
    if _BOILERPLATE.search(stripped) or _CAPTION.search(stripped):
        return True
    words = stripped.split()
    if len(words) <= 25 and not _FINAL.search(stripped):
        return True
    return stripped.isupper() and len(words) <= 15


def split_sentences(text: str, boundaries: Iterable[int] = ()) -> list[Sentence]:
    """Sentences of ``text``, never crossing a paragraph.

    ``boundaries`` are sentence start offsets from a parser (``sent.start_char`` of a spaCy doc);
    without them a punctuation rule is used.
    """
    starts = sorted(set(boundaries))
    out: list[Sentence] = []
    for number, para in enumerate(paragraphs(text)):
        cuts = [s for s in starts if para.start < s < para.end] if starts else _rule_cuts(text, para)
        edges = [para.start, *cuts, para.end]
        for a, b in zip(edges, edges[1:]):
            a, b = _trim(text, a, b)
            if b > a:
                out.append(Sentence(a, b, number))
    return out


_RULE_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])""")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"No|Inc|Ltd|Co|Corp|vs|etc|U\.S|U\.K|[A-Z])\.$"
)


def _rule_cuts(text: str, para: Span) -> list[int]:
    chunk = text[para.start : para.end]
    cuts = []
    for m in _RULE_BOUNDARY.finditer(chunk):
        if _ABBREV.search(chunk[max(0, m.start() - 12) : m.start()]):
            continue
        cuts.append(para.start + m.end())
    return cuts


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@dataclass(frozen=True, slots=True)
class Dateline:
    """"BISHKEK, May 15 (SWS) —": the place's words and span, and where the dateline ends."""

    place: str
    span: Span
    end: int


def dateline(text: str) -> Dateline | None:
    """The dateline at the start of the body ("BISHKEK, May 15 — ..."), if any."""
    for para in paragraphs(text)[:4]:
        line = text[para.start : para.end]
        if is_heading(line):
            continue
        m = _DATELINE.match(line) or _DATELINE_COLON.match(line)
        if not m:
            return None
        place = m.group("place").strip()
        if len(place.split()) > 4:
            return None
        start = para.start + m.start("place")
        return Dateline(place, Span(start, start + len(place)), para.start + m.end())
    return None


# Where a sentence may hold two reports: "..., and unions said they would strike on June 1".
_CLAUSE_BOUNDARY = re.compile(r"(?:[,;]\s+(?:and|but|while|whereas|as)\s+|;\s+)")


def clause_cuts(text: str, sentence: Sentence) -> list[int]:
    """Offsets (into ``text``) where the sentence could be cut into independent clauses."""
    chunk = text[sentence.start : sentence.end]
    return [sentence.start + m.end() for m in _CLAUSE_BOUNDARY.finditer(chunk)]
