"""Form and tactics: what kind of protest an event was.

Reads: the triggers of an event's sentences (and the spaCy doc, when there is one).  Writes: the
PLOVER form, the tactics, and the trigger spans behind them.

A sentence often names several protest words ("supporters of the hunger strikers rallied outside
parliament", "police announced the gathering was blocking traffic"): only its *main* triggers
count, the verbs ("rallied", "marched", "went on strike") and, in a sentence without a trigger
verb, its first trigger noun.  The form is that of the event's first sentence's main trigger;
the tactics are those of every main trigger.  The riot rule (protesters' violence makes a riot)
is applied by the coder, which knows about violence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from protestwatch.extract.triggers import Trigger
from protestwatch.model import Form, Span, Tactic


def main_triggers(triggers: Sequence[Trigger], doc: Any = None) -> list[Trigger]:
    """The triggers that carry a sentence: its trigger verbs, else its first trigger."""
    if not triggers:
        return []
    if doc is not None:
        verbs = [t for t in triggers if _is_verb(doc, t.span)]
        if verbs:
            return verbs
    strong = [t for t in triggers if t.strength >= 2]
    return [(strong or list(triggers))[0]]


def classify_form(
    sentences: Sequence[Sequence[Trigger]], doc: Any = None
) -> tuple[Form, tuple[Tactic, ...], list[Span]]:
    """Form, tactics and their evidence from the triggers of an event's sentences (in order)."""
    mains = [main_triggers(ts, doc) for ts in sentences]
    first = next((m for m in mains if m), [])
    form = first[0].form if first else Form.DEMONSTRATE
    if form == Form.RIOT and len(first) > 1:  # "rallied ... and clashed": the rally is the event
        form = next((t.form for t in first if t.form != Form.RIOT), form)
    tactics = {t.tactic for m in mains for t in m if t.tactic is not None}
    if Tactic.SINGLE_PERSON_PICKET in tactics:
        tactics.discard(Tactic.PICKET)
    spans = [t.span for m in mains for t in m]
    return form, tuple(sorted(tactics, key=lambda x: x.value)), spans


def _is_verb(doc: Any, span: Span) -> bool:
    piece = doc.char_span(span.start, span.end, alignment_mode="expand")
    if piece is None or len(piece) == 0:
        return False
    return any(tok.pos_ in ("VERB", "AUX") for tok in piece)
