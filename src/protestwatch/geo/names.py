"""Place-name normalisation: the key under which the gazetteer indexes and looks up names.

``name_key`` folds case, accents, apostrophes and punctuation, so that "Nur-Sultan",
"nur sultan" and "NUR‑SULTAN" share a key, and "Almatý" and "Almaty" do too.  Common
abbreviations ("St.", "Mt.", "Ft.") are expanded so that "St. Petersburg" meets "Saint Petersburg".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key", "is_latin", "ascii_fold"]

#: Letters that Unicode decomposition does not reduce to ASCII.
_SPECIAL = str.maketrans(
    {
        "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae",
        "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H", "ŋ": "ng", "ə": "a", "Ə": "A",
        "ɨ": "i", "ʼ": "", "ʻ": "", "’": "", "‘": "", "`": "", "´": "", "'": "",
        "ʿ": "", "ʾ": "", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
    }
)  # fmt: skip

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
_NON_WORD = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def ascii_fold(text: str) -> str:
    """``text`` with accents removed and special letters spelled in ASCII (case kept)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    if decomposed.isascii():
        return decomposed
    return _COMBINING.sub("", decomposed)


def name_key(text: str) -> str:
    """The lookup key of a place name: lower-case ASCII words separated by single spaces."""
    words = _NON_WORD.sub(" ", ascii_fold(text).lower()).split()
    if not words:
        return ""
    return " ".join([_ABBREVIATIONS.get(w, w) for w in words])


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` folds to an ASCII letter (a Latin-script name)."""
    folded = ascii_fold(text)
    return folded.isascii() and any(ch.isalpha() for ch in folded)
