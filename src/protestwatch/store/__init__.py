"""Persistence: articles, events, evidence, corrections, real-world events, the audit log and
the web application's accounts.

``open_store(db)`` opens the database ``db`` names: a SQLite file path (the default), or a
PostgreSQL URL (``postgresql://user@host:port/dbname``, optionally ``?schema=NAME``).  Both
backends have the same schema and behaviour (``store/base.py``).
"""

from __future__ import annotations

from pathlib import Path

from protestwatch.errors import ConfigError
from protestwatch.store.base import REVIEW_FIELD, REVIEW_STATES, Correction, SQLStore
from protestwatch.store.query import AGGREGATES, SORTS, EventFilter
from protestwatch.store.sqlite import SQLiteStore

Store = SQLStore

__all__ = [
    "AGGREGATES", "Correction", "EventFilter", "REVIEW_FIELD", "REVIEW_STATES", "SORTS",
    "SQLStore", "SQLiteStore", "Store", "is_url", "open_store",
]  # fmt: skip

_PG_SCHEMES = ("postgresql://", "postgres://")


def is_url(db: str | Path) -> bool:
    """Whether ``db`` names a database server (a URL) rather than a file."""
    text = str(db)
    return "://" in text and not text.startswith("sqlite://")


def open_store(db: str | Path) -> SQLStore:
    """Open (creating and migrating if needed) the database ``db``: a file path, ``:memory:``,
    ``sqlite:///path``, or ``postgresql://...``."""
    text = str(db)
    if text.startswith(_PG_SCHEMES):
        from protestwatch.store.postgres import PostgresStore

        return PostgresStore(text)
    if is_url(text):
        scheme = text.split("://", 1)[0]
        raise ConfigError(
            f"database {scheme}:// is not supported: use a SQLite file path or a postgresql:// URL"
        )
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    return SQLiteStore(text)
