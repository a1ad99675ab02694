"""Comparing names and short texts: normalisation, place aliases, token overlap.

``normalise`` folds case, accents and punctuation ("Nur-Sultan" → "nur sultan", "Öskemen" →
"oskemen").  ``place_key`` also drops apostrophes ("T'bilisi" = "Tbilisi") and the generic type
words of administrative units ("Sverdlovsk Oblast" = "Sverdlovsk", "State of Mexico" = "Mexico
State", "Syunik Marz" = "Syunik"), so two codings of the same unit compare equal whatever naming
convention each follows; everything else stays strict ("North Kazakhstan" ≠ "Kazakhstan").
Place names are compared through an alias function (``PlaceAlias``) that maps a name
to a canonical one; the default knows the former and variant names of Central Asian cities listed
in the project's reference (Nur-Sultan/Akmola/Tselinograd = Astana, Alma-Ata = Almaty, Uralsk =
Oral ...) plus a few widely used exonyms.  Pass the gazetteer's own alias lookup for wider coverage.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Sequence

#: A function from a place name (as coded) to its canonical name.
PlaceAlias = Callable[[str], str]

_NON_WORD = re.compile(r"[^\w]+")
_CITY_SUFFIX = re.compile(r"\s+(city|shahri|qalasy|kalasy|shaary)$")
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼʻ`´]")

#: Generic type words of administrative units, folded out of place keys.
TYPE_WORDS = frozenset(
    "region oblast province state governorate department marz county oblysy viloyati".split()
)

#: Words that carry no content in an overlap score (negations are kept on purpose).
STOPWORDS = frozenset(
    (
        "a an the of and or in on at to for by with from as its their his her this that these those"
    ).split()
)

_ALIAS_GROUPS: dict[str, str] = {
    "astana": "nur sultan; akmola; aqmola; tselinograd; akmolinsk",
    "almaty": "alma ata; almaty qalasy",
    "oral": "uralsk",
    "aktobe": "aqtobe; aktyubinsk",
    "shymkent": "chimkent",
    "atyrau": "guryev; gurev",
    "semey": "semipalatinsk",
    "oskemen": "ust kamenogorsk",
    "zhanaozen": "janaozen; novy uzen; novyi uzen",
    "karaganda": "qaraghandy; karagandy",
    "kostanay": "qostanay; kustanai",
    "petropavl": "petropavlovsk",
    "taraz": "zhambyl; dzhambul",
    "kyzylorda": "qyzylorda",
    "bishkek": "frunze",
    "khorog": "khorugh",
    "kyiv": "kiev",
    "mumbai": "bombay",
    "yangon": "rangoon",
    "beijing": "peking",
    "kolkata": "calcutta",
    "chennai": "madras",
}

#: normalised variant → canonical name.
DEFAULT_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        variant.strip(): canonical
        for canonical, variants in _ALIAS_GROUPS.items()
        for variant in variants.split(";")
    }
)


def normalise(text: str | None) -> str:
    """Case-, accent- and punctuation-folded text with single spaces ("" for None)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).replace("_", " ").split())


def default_alias(name: str) -> str:
    """The canonical form of a place name from ``DEFAULT_ALIASES`` (else the name, normalised)."""
    key = _CITY_SUFFIX.sub("", normalise(name))
    return DEFAULT_ALIASES.get(key, key)


def fold_type_words(key: str) -> str:
    """A normalised place name without its generic type words ("state of mexico" → "mexico");
    a name that is nothing but type words is kept whole."""
    words = key.split()
    kept: list[str] = []
    skip_of = False
    for word in words:
        if word in TYPE_WORDS:
            skip_of = True
            if kept and kept[-1] == "of":
                kept.pop()
            continue
        if word == "of" and skip_of:
            skip_of = False
            continue
        skip_of = False
        kept.append(word)
    return " ".join(kept) if kept else key


def _fold(text: str) -> str:
    return _CITY_SUFFIX.sub("", fold_type_words(normalise(_APOSTROPHES.sub("", text))))


def place_key(name: str | None, alias: PlaceAlias = default_alias) -> str:
    """The comparison key of a place name: apostrophes and type words folded, aliased, then
    normalised ("" for None)."""
    if not name:
        return ""
    return _fold(alias(_fold(name)))


def tokens(text: str | None) -> list[str]:
    """Content tokens of ``text`` (normalised, stopwords dropped unless nothing else is left)."""
    words = normalise(text).split()
    content = [w for w in words if w not in STOPWORDS]
    return content or words


def bag_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """F1 of two token bags (multiset overlap); 1.0 when both are empty, 0.0 when one is."""
    if not predicted and not gold:
        return 1.0
    if not predicted or not gold:
        return 0.0
    overlap = sum((Counter(predicted) & Counter(gold)).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(predicted), overlap / len(gold)
    return 2 * precision * recall / (precision + recall)


def token_f1(predicted: str | None, gold: str | None) -> float:
    """Token-overlap F1 of two short texts."""
    return bag_f1(tokens(predicted), tokens(gold))


def set_f1(predicted: Iterable[object], gold: Iterable[object]) -> float:
    """F1 of two sets; 1.0 when both are empty."""
    p, g = set(predicted), set(gold)
    if not p and not g:
        return 1.0
    if not p or not g:
        return 0.0
    hits = len(p & g)
    return 2 * hits / (len(p) + len(g))


def soft_set_f1(predicted: Sequence[str], gold: Sequence[str], threshold: float = 0.5) -> float:
    """F1 of two lists of names where two names match when their token F1 reaches ``threshold``.

    Names are paired one to one, best pairs first ("Kazakh Democratic Party" matches "Democratic
    Party of Kazakhstan").  1.0 when both lists are empty.
    """
    if not predicted and not gold:
        return 1.0
    if not predicted or not gold:
        return 0.0
    candidates = sorted(
        ((token_f1(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for score, i, j in candidates:
        if score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return 2 * len(used_p) / (len(predicted) + len(gold))
