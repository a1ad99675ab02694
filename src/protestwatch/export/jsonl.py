"""JSON Lines export: one event per line, exactly ``Event.to_dict()``.

The codebook's field names, plus ``id``, ``sources``, ``evidence`` and ``confidence``.  UTF-8,
non-ASCII characters written as they are, one line per event, streamed (nothing is buffered).
``Event.from_dict`` reads a line back into an equal event.
"""

from __future__ import annotations

import json
from typing import IO, Iterable

from ..model import Event


def event_line(event: Event) -> str:
    """One event as a JSON line (with its trailing newline)."""
    return json.dumps(event.to_dict(), ensure_ascii=False, allow_nan=False) + "\n"


def write_jsonl(events: Iterable[Event], stream: IO[str]) -> int:
    """Write ``events`` to the text ``stream``, one per line; return how many were written."""
    count = 0
    for event in events:
        stream.write(event_line(event))
        count += 1
    return count
