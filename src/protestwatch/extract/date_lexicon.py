"""Words and regular-expression fragments shared by the date rules.

Month and weekday names are matched case-sensitively (``March`` or ``MARCH``, never ``march``),
which keeps "the mayor may resign" and "they march on" out; the function words around them
("last", "earlier this", "in the") are case-insensitive.  Fragments that capture take the
group name as an argument so that a pattern can use the same fragment twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from protestwatch.extract.date_calendar import DateContext
from protestwatch.model import DateRange

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_ABBREVIATIONS = "jan feb mar apr jun jul aug sept sep oct nov dec".split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

#: month number by lower-case name or three-letter stem ("sept" is looked up as "sep")
MONTH_NUMBERS: dict[str, int] = {name[:3]: i + 1 for i, name in enumerate(_MONTHS)}
WEEKDAY_NUMBERS: dict[str, int] = {name: i for i, name in enumerate(_WEEKDAYS)}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 4,
}  # fmt: skip
#: number words that only say "a few": the result is one unit coarser
VAGUE_NUMBERS = frozenset({"a few", "few", "several"})


def month_number(word: str) -> int:
    return MONTH_NUMBERS[word.lower().rstrip(".")[:3]]


def weekday_number(word: str) -> int:
    return WEEKDAY_NUMBERS[word.lower()]


def number_value(word: str) -> int:
    key = " ".join(word.lower().split())
    return int(key) if key.isdigit() else NUMBER_WORDS[key]


def _title_and_upper(words: list[str]) -> str:
    return "|".join([w.title() for w in words] + [w.upper() for w in words])


MONTH_FULL = rf"\b(?:{_title_and_upper(_MONTHS)})\b"
MONTH_ANY = (
    rf"\b(?:(?:{_title_and_upper(_MONTHS)})\b|(?:{_title_and_upper(_MONTH_ABBREVIATIONS)})\b\.?)"
)
WEEKDAY = rf"\b(?:{_title_and_upper(_WEEKDAYS)})\b(?!s\b)"

#: nouns a count comes before: "2000 people" and "May 10 people" are not dates
_COUNT_NOUNS = (
    "people persons protesters protestors demonstrators participants residents workers students "
    "supporters activists members officers policemen police troops soldiers men women children "
    "families households farmers miners employees cities towns villages factories companies firms "
    "cars vehicles buses signatures votes seats cases deaths arrests detainees prisoners tonnes "
    "tons km kilometres kilometers miles metres meters hectares acres dollars euros yuan rubles "
    "roubles tenge som pounds times units jobs copies flights hours minutes days weeks months "
    "years percent"
).split()
NOT_COUNTED = rf"(?!\s*%|\s+(?:{'|'.join(_COUNT_NOUNS)})\b|\s+per\s+cent\b)"

#: a part of the day after a weekday or a date ("Friday night")
DAYPART = r"(?:\s+(?i:morning|afternoon|evening|night|midday|noon))?"

SEASON_WORD = r"(?i:spring|summer|fall|autumn|winter)"
EDGE = r"(?i:early|late|mid)"  # "late March", "mid-2019", "early spring"

NUMBER = (
    r"(?:(?<![\d,.])\d{1,3}|\b(?i:a\s+couple\s+of|couple\s+of|a\s+few|few|several|an?|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty"
    r"|thirty))"
)


def day(name: str, ordinal: bool = False) -> str:
    """A day of the month, 1-31, with its ordinal suffix (required when ``ordinal``)."""
    suffix = "(?:st|nd|rd|th)" if ordinal else "(?:st|nd|rd|th)?"
    return rf"(?<![\d,.$#])(?P<{name}>3[01]|[12]\d|0?[1-9]){suffix}(?![\d]|[.,]\d){NOT_COUNTED}"


def year(name: str, guard: bool = True) -> str:
    """A four-digit year from 1800 to 2099 (not "20000", not "2021.5"; with ``guard``, also
    not a number's tail as in "2,000" or "$1.2021")."""
    before = r"(?<![\d,.$€£#])" if guard else r"(?<!\d)"
    return rf"{before}(?P<{name}>1[89]\d\d|20\d\d)(?![\d]|[.,]\d)"


def month(name: str, full: bool = False) -> str:
    return rf"(?P<{name}>{MONTH_FULL if full else MONTH_ANY})"


#: names of days that are not the last such weekday ("Black Friday", "Bloody Sunday")
_NAMED_DAYS = "Black Good Super Bloody Cyber Easter Holy Ash Palm Maundy Giving Shrove Fat".split()
_NOT_A_NAMED_DAY = "".join(rf"(?<!{w} )" for w in _NAMED_DAYS)


def weekday(name: str) -> str:
    return rf"{_NOT_A_NAMED_DAY}(?P<{name}>{WEEKDAY})"


def weekday_phrase(prefix: str) -> str:
    """A weekday phrase ("last Saturday", "Friday night", "this past Sunday").

    Its groups are ``<prefix>rel`` and ``<prefix>wd``.

    ``rel`` is one of last/this/next/past/this past/coming/previous/following (or absent).
    """
    rel = r"(?i:this\s+past|the\s+previous|the\s+following|last|this|next|past|coming)"
    edge = r"(?:(?i:early|late)\s+(?:(?i:on)\s+)?)?"
    return rf"(?:(?P<{prefix}rel>{rel})\s+)?{edge}{weekday(prefix + 'wd')}{DAYPART}"


def relative_year_suffix(name: str) -> str:
    """ ", last year" after a year-less date: group ``name`` holds last/this/next."""
    return rf"(?:,?\s+(?:(?i:of)\s+)?(?P<{name}>(?i:last|this|next))\s+(?i:year))?"


# -- rules -------------------------------------------------------------------------------------

Resolver = Callable[["re.Match[str]", DateContext], "DateRange | None"]


@dataclass(frozen=True, slots=True)
class DateRule:
    """A date pattern and its resolver.

    The pattern's group ``m`` is the mention (context words such as "in" lie outside it); the
    resolver returns ``None`` to reject a match.  ``anchored`` rules count from the date
    mentioned before them ("the day before") and are resolved again in text order.  ``needs``
    names the kinds of key words (:func:`scan_keys`) a text must show for the rule to be tried;
    ``first`` holds the characters a match can start with.
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    anchored: bool = False
    needs: tuple[str, ...] = ()
    first: frozenset[str] = frozenset()


def _key_words() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    exact: dict[str, tuple[str, ...]] = {}
    for word in _MONTHS + _MONTH_ABBREVIATIONS:
        exact[word.title()] = exact[word.upper()] = ("month",)
    for word in _WEEKDAYS:
        exact[word.title()] = exact[word.upper()] = ("weekday",)
    lower: dict[str, tuple[str, ...]] = {}
    for word in "spring summer fall autumn winter".split():
        lower[word] = ("season",)
    for word in "day days week weeks weekend weekends month months year years hour hours".split():
        lower[word] = ("unit",)
    for word in "yesterday today tonight tomorrow".split():
        lower[word] = ("today",)
    for word in "morning afternoon evening night".split():
        lower[word] = ("unit", "today")
    return exact, lower


_EXACT_KEYS, _LOWER_KEYS = _key_words()
_TOKEN = re.compile(r"\w+")


def scan_keys(text: str, start: int, end: int) -> tuple[dict[str, list[int]], list[int]]:
    """The positions of the rules' key words by kind, and the start of every word.

    Kinds: ``month`` and ``weekday`` (case-sensitive names), ``season``, ``unit`` (day, week,
    month, year, hour, parts of the day), ``today`` (yesterday, today ...), ``digit``.  A rule
    is tried only on texts that have all the kinds it ``needs``, and only near the first.
    """
    keys: dict[str, list[int]] = {}
    word_starts = []
    for token in _TOKEN.finditer(text, start, end):
        word, pos = token.group(), token.start()
        word_starts.append(pos)
        kinds = _EXACT_KEYS.get(word) or _LOWER_KEYS.get(word.lower())
        if kinds is None and word[0].isdigit():
            kinds = ("digit",)
        for kind in kinds or ():
            keys.setdefault(kind, []).append(pos)
    return keys, word_starts


def rule(
    name: str,
    core: str,
    resolve: Resolver,
    *,
    first: str,
    needs: tuple[str, ...] = (),
    after: str = "",
    anchored: bool = False,
) -> DateRule:
    """Compile ``core`` as group ``m``, then the lookahead ``after``.

    ``first`` is a character class of the characters a mention can start with: testing it
    first makes the scan several times faster.
    """
    pattern = re.compile(rf"(?=[{first}])(?P<m>{core}){after}")
    first_chars = frozenset(c for c in map(chr, range(128)) if re.match(rf"[{first}]", c))
    return DateRule(name, pattern, resolve, anchored, needs, first_chars)


_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t\n]+$")


def word_before(match: re.Match[str]) -> str:
    """The lower-cased word just before the mention (separated by spaces only), or ''."""
    start = match.start("m")
    found = _WORD_BEFORE.search(match.string, max(0, start - 24), start)
    return found.group(1).lower() if found else ""


def word_after_is_capitalised(match: re.Match[str]) -> bool:
    """Whether a capitalised word follows the mention ("the 2030 Agenda")."""
    rest = match.string[match.end("m") : match.end("m") + 3]
    return len(rest) >= 2 and rest[0] == " " and rest[1].isupper()
