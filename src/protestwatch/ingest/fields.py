"""Article metadata fields: their accepted names, and building an ``Article`` from them.

Every format ends here.  A record's keys are matched case-insensitively against the canonical
names and a few common aliases (``ALIASES``); the first alias with a non-empty value wins.
An ``outlet`` given as an object (``{"name": "..."}``, as some news APIs write it) uses its name.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

from protestwatch.errors import InputError
from protestwatch.ingest.decoding import normalize_text
from protestwatch.ingest.options import IngestOptions
from protestwatch.ingest.published import parse_published
from protestwatch.model import Article

#: Canonical field name → accepted keys, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "guid"),
    "url": ("url", "link", "href"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "site_name"),
    "published": (
        "published", "date", "published_at", "publication_date", "pubdate", "date_published",
    ),
    "language": ("language", "lang"),
    "text": ("text", "body", "content", "full_text", "article", "maintext"),
}  # fmt: skip
_KEY_TO_FIELD = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_SPACES = re.compile(r"\s+")


def canonical_field(key: str) -> str | None:
    """The canonical field a record key stands for (``"Body"`` → ``"text"``), or ``None``."""
    return _KEY_TO_FIELD.get(_norm_key(key))


def canonical_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with its keys mapped to canonical names; unknown keys and ``None`` dropped.

    A blank value is kept only when no other alias of the field has a value.
    """
    found: dict[str, tuple[int, Any]] = {}
    for key, value in record.items():
        alias = _norm_key(str(key))
        name = _KEY_TO_FIELD.get(alias)
        if name is None or value is None:
            continue
        rank = ALIASES[name].index(alias) + (100 if _is_empty(value) else 0)  # blanks last
        if name not in found or rank < found[name][0]:
            found[name] = (rank, value)
    return {name: value for name, (_, value) in found.items()}


def _norm_key(key: str) -> str:
    return key.strip().lower().replace("-", "_").replace(" ", "_")


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def build_article(fields: Mapping[str, Any], *, origin: str, options: IngestOptions) -> Article:
    """An ``Article`` from canonical ``fields``; ``InputError`` (reason only) if it is unusable."""
    text = _text(fields.get("text"), options.min_text_chars)
    published = _published(fields.get("published"), options.default_published)
    return Article(
        text=text,
        id=_scalar(fields, "id") or "",
        url=_scalar(fields, "url"),
        title=_one_line(_scalar(fields, "title")),
        outlet=_one_line(_outlet(fields.get("outlet"))),
        published=published,
        language=(_scalar(fields, "language") or "").lower() or None,
        origin=origin,
    )


def _text(value: Any, min_chars: int) -> str:
    if value is None:
        raise InputError("missing text: add a `text` (or `body`, `content`) field")
    if not isinstance(value, str):
        raise InputError(f"text is not a string (got {type(value).__name__})")
    text = normalize_text(value).strip()
    if not text:
        raise InputError("empty text")
    length = len(_SPACES.sub(" ", text[: 64 * min_chars]))  # a long enough prefix will do
    if length < min_chars and len(text) > 64 * min_chars:
        length = len(_SPACES.sub(" ", text))
    if length < min_chars:
        raise InputError(f"text too short ({length} characters; at least {min_chars} are needed)")
    return text


def _published(value: Any, default: dt.date | None) -> dt.date:
    if _is_empty(value):
        if default is None:
            raise InputError("no publication date: add `published` or pass --published")
        return default
    return parse_published(value)


def _scalar(fields: Mapping[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"`{name}` must be a string (got {type(value).__name__})")
    return str(value).strip() or None


def _outlet(value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title")
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"`outlet` must be a string (got {type(value).__name__})")
    return value


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return _SPACES.sub(" ", normalize_text(value)).strip() or None
