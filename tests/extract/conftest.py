"""Helpers of the extraction tests: sentence spans of a short text, and the targets found in it."""

from __future__ import annotations

import re

from protestwatch.extract.targets import find_targets
from protestwatch.model import Span, TargetType


def sentence_spans(text: str) -> list[Span]:
    """The sentences of ``text``: split after . ! ? or a closing quote, before a capital."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?”])\s+(?=[A-Z“\"])", text):
        out.append(Span(start, m.start()))
        start = m.end()
    out.append(Span(start, len(text)))
    return out


def targets_of(text: str, country: str | None, which: slice = slice(None)) -> set[tuple[str, TargetType, str | None]]:
    """(name, type, country) of the targets found in the sentences ``which`` of ``text``, each
    with a non-empty evidence span."""
    found = find_targets(text, sentence_spans(text)[which], country=country)
    for f in found:
        assert f.span.end > f.span.start and text[f.span.start:f.span.end].strip()
    return {(f.value.name, f.value.type, f.value.country) for f in found}
