"""Persistence: articles, events, evidence, corrections, rejections and runs.

``open_store(db)`` opens the database named by a path (SQLite, the default).
"""

from __future__ import annotations

from pathlib import Path

from protestwatch.errors import ConfigError
from protestwatch.store.sqlite import REVIEW_FIELD, Correction, EventFilter, SQLiteStore

Store = SQLiteStore

__all__ = ["Correction", "EventFilter", "REVIEW_FIELD", "SQLiteStore", "Store", "open_store"]


def open_store(db: str | Path) -> SQLiteStore:
    """Open (creating and migrating if needed) the database ``db``: a file path or ``:memory:``."""
    text = str(db)
    if "://" in text and not text.startswith("sqlite://"):
        scheme = text.split("://", 1)[0]
        raise ConfigError(f"database {scheme}:// is not supported yet: use a SQLite file path")
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    return SQLiteStore(text)
