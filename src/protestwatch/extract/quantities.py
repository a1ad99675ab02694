"""Quantities in news English, and the clause context the counting stages share.

Reads: plain text.  Writes: ``QuantityPhrase`` (a span with the codebook's ``low``/``high``).
Used by ``crowd_size`` (how many gathered), ``counts`` (arrests, injuries, deaths) and
``response`` (the negation and modality of a cue).

Conventions (codebook §2 size row and §3.5; where the codebook is silent the choice is marked *):

=============================  ==================  =============================================
words                          low, high           note
=============================  ==================  =============================================
"300", "three hundred"         300, 300            digits, number words, "1.5 million", "10k",
                                                   "1,500", "1 500", "1.500" (European)
"200 to 300", "200-300"        200, 300            also "between .. and ..", "from .. to ..",
                                                   "two or three hundred" (scale distributes)
about/some/nearly/almost 300   300, 300            every approximator keeps the number
more than / over 300           301, None
at least / 300 or more         300, None
up to / as many as 300 *       None, 300           an upper bound only: nothing is said of a low
fewer than / under 300 *       None, 299
several hundred                300, 900            "a few hundred" * 200, 400
hundreds                       200, 999            "many hundreds" * the same
thousands                      2000, 9999          "several thousand" 3000-9000, "a few" * 2-4k
tens of thousands              20000, 99999        "hundreds of thousands" 200000-999999
millions *                     2e6, 9_999_999
dozens                         24, 99              "tens" * 20-99, "scores" * 40-99
a few dozen / several dozen    24-48 / 36-108
more than a dozen / a dozen    13, None / 12, 12
several                        3, 9                "a few" * 2-4, "a handful" * 2-9,
                                                   "a couple (of)" * 2, 2, "both" * 2, 2
many / numerous / some *       2, None             "a number of", "a large number of" too
=============================  ==================  =============================================

A lower-bound modifier on a vague word keeps its low and opens the top ("at least several
hundred" → 300, None); an upper-bound one keeps its high ("up to several thousand" → None, 9000).

The second half of the module holds the clause helpers: where a clause starts, and whether the
words before a cue negate it ("did not", "no", "without") or make it hypothetical ("threatened
to", "could", "warned that ... would").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from protestwatch.model import Quantity, Span

__all__ = [
    "QuantityPhrase",
    "parse_number",
    "parse_quantity",
    "iter_quantities",
    "sentence_bounds",
    "clause_start",
    "is_negated",
    "is_hypothetical",
    "is_habitual",
    "is_list_marker",
]

# ------------------------------------------------------------------------------------------
# Numbers

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "mln": 1_000_000,
           "billion": 1_000_000_000, "k": 1000, "dozen": 12}  # fmt: skip

_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_SCALE_ALT = r"hundred|thousand|million|billion|dozen"
_WORD_ATOM = rf"(?:{_UNIT_ALT}|{_SCALE_ALT})"
# "two hundred and fifty", "twenty-five", "a hundred", "half a million", "a dozen"
_WORD_NUM = (
    rf"(?:half\s+a\s+(?:{_SCALE_ALT})|a\s+(?:{_SCALE_ALT})(?:(?:\s+and\s+|[\s-]+){_WORD_ATOM})*"
    rf"|(?<!no\s)(?:{_UNIT_ALT})(?:(?:\s+and\s+|[\s-]+){_WORD_ATOM}(?![-\w]))*)"
)
# "1,500", "1 500" (no-break or thin space), "1.500", "2.5", "2,5 million", "10k"
_DIGIT_NUM = (
    r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?![\d,]\d)|\d{1,3}(?:\.\d{3})+(?![\d.]\d)"
    r"|\d+,\d{1,2}(?=\s*(?:million|mln|thousand))|\d+(?:\.\d+)?)"
    r"(?:\s*(?:million|mln|thousand|hundred|billion)\b|k\b)?"
)
_NUM = rf"(?:(?<![\w$€£¥₸#/.,])(?<![A-Za-z]-){_DIGIT_NUM}(?![\w%]|[.,]\d)|\b{_WORD_NUM}\b)"

_NUM_RE = re.compile(_NUM, re.IGNORECASE)


def parse_number(words: str) -> int | None:
    """The integer that ``words`` name: "1,500", "1.5 million", "two hundred and fifty", "10k"."""
    s = words.strip().lower()
    if not s:
        return None
    if s[0].isdigit():
        return _parse_digits(s)
    return _parse_words(s)


def _parse_digits(s: str) -> int | None:
    m = re.match(r"(\d[\d.,\u00a0\u202f\u2009 ]*?)\s*([a-z]*)$", s)
    if not m:
        return None
    digits, scale_word = m.group(1), m.group(2)
    scale = _SCALES.get(scale_word, 1) if scale_word else 1
    if scale_word and scale_word not in _SCALES:
        return None
    if re.fullmatch(r"\d+,\d{1,2}", digits) and scale > 1:
        digits = digits.replace(",", ".")  # decimal comma: "2,5 million"
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits) and scale == 1:
        digits = digits.replace(".", "")  # dot as thousands separator: "1.500 people"
    digits = re.sub(r"[,\u00a0\u202f\u2009 ]", "", digits)
    try:
        return round(float(digits) * scale)
    except ValueError:
        return None


def _parse_words(s: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", s) if t and t != "and"]
    if tokens[:2] == ["half", "a"] and len(tokens) == 3:
        return _SCALES[tokens[2]] // 2
    total, current, seen = 0, 0, False
    for i, tok in enumerate(tokens):
        if tok == "a" and i + 1 < len(tokens) and tokens[i + 1] in _SCALES:
            current = max(current, 1)
            seen = True
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in ("hundred", "dozen"):
            current = max(current, 1) * _SCALES[tok]
            seen = True
        elif tok in _SCALES:
            total += max(current, 1) * _SCALES[tok]
            current, seen = 0, True
        else:
            return None
    return total + current if seen else None


# ------------------------------------------------------------------------------------------
# Quantity phrases

#: vague quantity words → (low, high); the longest alternatives first in the regex.
_VAGUE: dict[str, tuple[int | None, int | None]] = {
    "hundreds of thousands": (200_000, 999_999),
    "several hundred thousand": (300_000, 900_000),
    "a few hundred thousand": (200_000, 400_000),
    "several tens of thousands": (30_000, 90_000),
    "tens of thousands": (20_000, 99_999),
    "several million": (3_000_000, 9_000_000),
    "millions": (2_000_000, 9_999_999),
    "several thousand": (3000, 9000),
    "a few thousand": (2000, 4000),
    "many thousands": (2000, 9999),
    "thousands": (2000, 9999),
    "several hundred": (300, 900),
    "a few hundred": (200, 400),
    "many hundreds": (200, 999),
    "hundreds": (200, 999),
    "several dozen": (36, 108),
    "a few dozen": (24, 48),
    "a couple of dozen": (24, 24),
    "a couple dozen": (24, 24),
    "dozens": (24, 99),
    "scores": (40, 99),
    "tens": (20, 99),
    "a handful": (2, 9),
    "several": (3, 9),
    "a few": (2, 4),
    "a couple of": (2, 2),
    "a couple": (2, 2),
    "both": (2, 2),
    "a large number of": (2, None),
    "large numbers of": (2, None),
    "a number of": (2, None),
    "numerous": (2, None),
    "many": (2, None),
    "some": (2, None),
}
#: vague words that say nothing of the size beyond "more than one" (2, None)
INDEFINITE = frozenset(k for k, v in _VAGUE.items() if v == (2, None))


def _vague_key(words: str) -> str:
    key = re.sub(r"\s+", " ", words.lower().strip())
    key = re.sub(r"(thousand|hundred|dozen)s$", r"\1", key) if key.startswith("several") else key
    return key


_VAGUE_ALT = "|".join(
    re.escape(k).replace(r"\ ", r"\s+") + ("s?" if k.startswith("several ") else "")
    for k in sorted(_VAGUE, key=len, reverse=True)
)
_VAGUE_RE_SRC = rf"\b(?:{_VAGUE_ALT})\b(?!\s+\d)"

_APPROX = (
    r"about|around|approximately|approx\.|roughly|some|nearly|almost|close\s+to|"
    r"an\s+estimated|estimated|circa|ca\.|perhaps|maybe|an\s+approximate|"
    r"a\s+reported|reportedly"
)
_MORE = r"more\s+than|over|upwards\s+of|in\s+excess\s+of|(?:well|just|slightly|a\s+little)\s+(?:over|more\s+than|above)"
_ATLEAST = r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
_UPTO = r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of"
_FEWER = r"fewer\s+than|less\s+than|under|below|(?:just|slightly)\s+(?:under|below|fewer\s+than|less\s+than)"
_MOD = rf"(?:(?P<approx>{_APPROX})|(?P<more>{_MORE})|(?P<atleast>{_ATLEAST})|(?P<upto>{_UPTO})|(?P<fewer>{_FEWER}))"

_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|or)\s+)"
_CORE = (
    rf"(?P<between>between\s+{_NUM}\s+and\s+{_NUM})"
    rf"|(?P<fromto>from\s+{_NUM}\s+to\s+{_NUM})"
    rf"|(?P<range>{_NUM}{_RANGE_SEP}{_NUM})"
    rf"|(?P<vrange>{_VAGUE_RE_SRC}{_RANGE_SEP}{_VAGUE_RE_SRC})"
    rf"|(?P<num>{_NUM})"
    rf"|(?P<vague>{_VAGUE_RE_SRC})"
)
_PLUS = r"(?P<plus>\s*\+|-plus\b|\s+or\s+more\b|\s+and\s+more\b|\s+or\s+so\b)?"
# a cheap guard: a quantity starts with a digit or one of these words
_FIRST_WORDS = (
    r"about|around|approx|approximately|roughly|some|nearly|almost|close|an|estimated|circa|ca|"
    r"perhaps|maybe|a|reportedly|more|over|upwards|in|well|just|slightly|at|no|not|up|as|fewer|"
    r"less|under|below|between|from|half|hundreds|thousands|tens|several|millions|many|dozens|"
    r"scores|both|numerous|large|" + _UNIT_ALT
)
_QTY_RE = re.compile(
    rf"(?<![\w])(?=\d|(?:{_FIRST_WORDS})\b)(?:{_MOD}\s+)?(?:{_CORE}){_PLUS}", re.IGNORECASE
)
_VAGUE_ONLY_RE = re.compile(_VAGUE_RE_SRC, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuantityPhrase:
    """A quantity expression in a text: where it is and what it counts.

    ``kind`` is ``"number"`` (digits, number words, ranges of them, with or without a modifier),
    ``"vague"`` ("hundreds", "several dozen") or ``"indefinite"`` ("many", "some": 2, None).
    """

    span: Span
    low: int | None
    high: int | None
    kind: str

    def quantity(self, source: str, span: Span | None = None) -> Quantity:
        """The codebook's ``Quantity`` with the words of ``span`` (default: this phrase's)."""
        return Quantity((span or self.span).text(source), self.low, self.high)


_CLOCK_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def iter_quantities(text: str, start: int = 0, end: int | None = None) -> Iterator[QuantityPhrase]:
    """Every quantity expression in ``text[start:end]``, left to right, offsets into ``text``."""
    end = len(text) if end is None else end
    for m in _QTY_RE.finditer(text, start, end):
        if _CLOCK_RE.match(text, max(0, m.start() - 3)) or _CLOCK_RE.match(text, m.start()):
            continue  # a time of day ("14:10 - Hundreds of ...", "at 21:15"), not a number of people
        phrase = _interpret(m)
        if phrase is not None:
            yield phrase


def parse_quantity(phrase: str) -> Quantity | None:
    """The first quantity expressed in ``phrase``; ``text`` keeps the whole phrase, stripped."""
    found = next(iter_quantities(phrase), None)
    if found is None:
        return None
    return Quantity(phrase.strip(), found.low, found.high)


def _interpret(m: re.Match[str]) -> QuantityPhrase | None:
    span = Span(m.start(), m.end())
    if m.group("vague") or m.group("vrange"):
        parts = [_VAGUE[_vague_key(v.group())] for v in _VAGUE_ONLY_RE.finditer(m.group())]
        low, high = parts[0][0], parts[-1][1]
        kind = "indefinite" if (low, high) == (2, None) else "vague"
        if kind == "indefinite" and _modifier(m):
            return None  # "more than some" is not a quantity
        low, high = _apply_vague_modifier(m, low, high)
        return QuantityPhrase(span, low, high, kind)
    core = _core_text(m)
    if re.search(r"\d \d", core) and _MONTH_BEFORE_RE.search(m.string, 0, m.start()):
        return None  # "March 27 300 people" is a date and a number, not 27,300
    texts = [n.group() for n in _NUM_RE.finditer(core)]
    values = [parse_number(t) for t in _distribute_scale(core, texts)]
    if not values or any(v is None for v in values):
        return None
    low, high = values[0], values[-1]
    assert low is not None and high is not None
    if low > high:
        return None  # "30-20" is not a range
    mlow, mhigh = _apply_modifier(m, low, high)
    return QuantityPhrase(span, mlow, mhigh, "number")


def _core_text(m: re.Match[str]) -> str:
    for name in ("between", "fromto", "range", "num"):
        if m.group(name):
            return m.group(name)
    return ""


_MONTH_BEFORE_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
_TRAILING_SCALE_RE = re.compile(r"(hundred|thousand|million|mln|billion)\s*$", re.IGNORECASE)
_SCALE_WORD_RE = re.compile(r"\b(?:hundred|thousand|million|mln|billion|dozen)\b|\dk\b", re.IGNORECASE)


def _distribute_scale(core: str, texts: list[str]) -> list[str]:
    """ "10 to 15 thousand" → "10 thousand", "15 thousand"; "two or three hundred" likewise."""
    if len(texts) != 2 or _SCALE_WORD_RE.search(texts[0]):
        return texts
    scale_m = _TRAILING_SCALE_RE.search(texts[1])
    if not scale_m:
        return texts
    first = f"{texts[0]} {scale_m.group(1)}"
    v_first, v_second = parse_number(first), parse_number(texts[1])
    if v_first is not None and v_second is not None and v_first <= v_second:
        return [first, texts[1]]
    return texts


def _modifier(m: re.Match[str]) -> str | None:
    for name in ("approx", "more", "atleast", "upto", "fewer"):
        if m.group(name):
            return name
    if m.group("plus"):
        return "approx" if "so" in m.group("plus").lower() else "atleast"
    return None


def _apply_modifier(m: re.Match[str], low: int, high: int) -> tuple[int | None, int | None]:
    mod = _modifier(m)
    if mod == "more":
        return high + 1, None
    if mod == "atleast":
        return low, None
    if mod == "upto":
        return None, high
    if mod == "fewer":
        return None, max(low - 1, 0)
    return low, high


def _apply_vague_modifier(
    m: re.Match[str], low: int | None, high: int | None
) -> tuple[int | None, int | None]:
    mod = _modifier(m)
    if mod in ("more", "atleast"):
        return low, None
    if mod in ("upto", "fewer"):
        return None, high
    return low, high


# ------------------------------------------------------------------------------------------
# Sentences and clauses


def sentence_bounds(text: str, sentences: Sequence[Span]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence, clipped to ``text``, in order, without repeats.

    Accepts ``Span`` or anything with ``start`` and ``end`` (``model.Sentence``).
    """
    seen: set[tuple[int, int]] = set()
    for s in sorted(sentences, key=lambda s: (s.start, s.end)):
        bounds = (max(0, s.start), min(len(text), s.end))
        if bounds[0] < bounds[1] and bounds not in seen:
            seen.add(bounds)
            yield bounds


_CLAUSE_BREAK_RE = re.compile(
    r"[;:!?]|[.](?=\s)|,\s+(?:but|while|whereas|although|though|and|as|after|before|when)\b"
    r"|\s(?:but|while|whereas|however)\s|\s[–—]\s",
    re.IGNORECASE,
)


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Where the clause that holds ``pos`` starts (never before ``floor``, the sentence start)."""
    start = floor
    for m in _CLAUSE_BREAK_RE.finditer(text, floor, pos):
        start = m.end()
    return start


_NEGATION_RE = re.compile(
    r"\b(?:not|never|no|nobody|none|neither|nor|without|denied|denies|deny|denying|"
    r"refused\s+to|refuses\s+to|declined\s+to|failed\s+to|instead\s+of|rather\s+than)\b|n[’']t\b",
    re.IGNORECASE,
)
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:threat\w*|warn\w*|could|would|might|(?-i:may)|(?-i:will)|shall|should|if|unless|"
    r"plan\w*|intend\w*|prepar\w*|ready\s+to|vow\w*|risk\w*|fear\w*|"
    r"avoid\w*|escap\w*|evad\w*|tried\s+to|try\s+to|trying\s+to|attempt\w*|"
    r"order\w*|urg\w*|call\w*\s+(?:on|for)|demand\w*|possible|possibly|likely|ask(?:s|ing)?|"
    r"allegedly|rumou?r\w*|unconfirmed)\b",
    re.IGNORECASE,
)
_HABITUAL_RE = re.compile(
    r"\b(?:sometimes|occasionally|often|frequently|regularly|routinely|usually|at\s+times|"
    r"every\s+year|each\s+year|in\s+the\s+past|repeatedly|have\s+long)\b",
    re.IGNORECASE,
)


def _window(text: str, pos: int, floor: int, words: int) -> str:
    """The last ``words`` words of the clause before ``pos``."""
    before = text[clause_start(text, pos, floor) : pos]
    return " ".join(before.split()[-words:])


def is_negated(text: str, pos: int, floor: int = 0, words: int = 6) -> bool:
    """Whether a negation stands among the ``words`` words of the clause before ``pos``."""
    return bool(_NEGATION_RE.search(_window(text, pos, floor, words)))


def is_hypothetical(text: str, pos: int, floor: int = 0, words: int = 8) -> bool:
    """Whether the cue at ``pos`` is threatened, feared, planned or attempted, not reported done."""
    return bool(_HYPOTHETICAL_RE.search(_window(text, pos, floor, words)))


def is_habitual(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` describes a habit ("sometimes clashed") rather than one event."""
    return bool(_HABITUAL_RE.search(text, start, end))


_LIST_LEAD_RE = re.compile(r"[\s\"'“‘(*•-]*")
_LIST_TAIL_RE = re.compile(r"[.)]\s")


def is_list_marker(text: str, span: Span, floor: int = 0) -> bool:
    """Whether the number at ``span`` numbers a list item ("2. release the detainees", "3) ...")."""
    lead = _LIST_LEAD_RE.fullmatch(text, floor, span.start) if span.start >= floor else None
    return lead is not None and _LIST_TAIL_RE.match(text, span.end) is not None
