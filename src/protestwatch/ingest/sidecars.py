"""Sidecar metadata: ``story.json`` beside ``story.txt`` (or ``.md``, ``.html``, ``.htm``).

A sidecar is a JSON object with any of the metadata keys (``id``, ``url``, ``title``, ``outlet``,
``published``, ``language`` and their aliases, see ``fields.ALIASES``).  Its values win over the
document's own metadata (front matter, HTML metadata), key by key: a sidecar is usually written
by the scraper that fetched the page, which knows the URL and date better than the page does.
When walking directories and globs, a ``.json`` file that has such a sibling document is a
sidecar and is not read as records.
"""

from __future__ import annotations

import json
import os
from typing import Any

from protestwatch.errors import InputError
from protestwatch.ingest.decoding import read_capped

#: Suffixes of the whole-document formats that may carry a sidecar.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
_MAX_SIDECAR_BYTES = 1024 * 1024


def sidecar_path(path: str) -> str:
    """Where the sidecar of the document at ``path`` would be."""
    return os.path.splitext(path)[0] + ".json"


def is_sidecar(path: str, siblings: frozenset[str] | None = None) -> bool:
    """Whether ``path`` is a ``.json`` sidecar of a document beside it.

    ``siblings`` (names in the same directory) saves the file-system look-ups when known.
    """
    stem, suffix = os.path.splitext(path)
    if suffix.lower() != ".json":
        return False
    if siblings is not None:
        base = os.path.basename(stem)
        return any(base + s in siblings for s in DOCUMENT_SUFFIXES)
    return any(os.path.isfile(stem + s) for s in DOCUMENT_SUFFIXES)


def read_sidecar(document_path: str) -> dict[str, Any]:
    """The sidecar object of ``document_path`` (``{}`` if it has none); ``InputError`` if broken."""
    path = sidecar_path(document_path)
    if not os.path.isfile(path):
        return {}
    name = os.path.basename(path)
    try:
        data = read_capped(path, _MAX_SIDECAR_BYTES)
        value = json.loads(data.decode("utf-8-sig"))
    except InputError as exc:
        raise InputError(f"sidecar {name}: {exc.reason}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"sidecar {name}: not valid UTF-8 (byte offset {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"sidecar {name}: malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    if not isinstance(value, dict):
        raise InputError(f"sidecar {name}: expected a JSON object, got {type(value).__name__}")
    return value
