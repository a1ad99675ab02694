"""The SQLite backend: one file holds the whole database (``":memory:"`` for a throwaway one).

Write transactions are ``BEGIN IMMEDIATE``: one writer at a time, across processes (other writers
wait up to 30 s), while readers go on reading the last committed state (WAL mode).  Full-text
search is FTS5 (``unicode61`` tokenizer, FTS5 query syntax).  The behaviour is in
``store/base.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from protestwatch.errors import StoreError
from protestwatch.store.base import REVIEW_FIELD, REVIEW_STATES, Correction, SQLStore
from protestwatch.store.query import EventFilter, by_id_lists, only_review
from protestwatch.store.schema import SCHEMA_VERSION

__all__ = ["Correction", "EventFilter", "REVIEW_FIELD", "REVIEW_STATES", "SQLiteStore"]


class SQLiteStore(SQLStore):
    """A protestwatch database in one SQLite file."""

    dialect = "sqlite"
    fts_article_ids = (
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?"
    )

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            # listings and aggregates read many index pages: keep them in memory
            self._db.execute("PRAGMA cache_size = -65536")
            self._db.execute("PRAGMA mmap_size = 268435456")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self._migrate()

    @property
    def name(self) -> str:
        return self.path

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- the connection -----------------------------------------------------------------------

    def _cursor(self, sql: str, args: Sequence[Any]) -> sqlite3.Cursor:
        return self._db.execute(sql, tuple(args))

    def _cursor_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    def _begin(self, lock: str | None) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def _end(self, commit: bool) -> None:
        self._db.execute("COMMIT" if commit else "ROLLBACK")

    def _scan_source(self, flt: EventFilter) -> str:
        if flt.article_id or only_review(flt):  # an index on the article, or a small (key, review) one
            return "events e"
        if by_id_lists(flt):
            return "events e INDEXED BY events_facts_by_id"
        return "events e INDEXED BY events_facts"

    def _page_source(self, flt: EventFilter) -> str | None:
        # selected by id lists: sort their ids on the covering index, then read one page of rows
        return "events e INDEXED BY events_facts_by_id" if by_id_lists(flt) else None

    def analyze(self) -> None:
        self.execute("ANALYZE")

    def _is_query_error(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.OperationalError)

    # -- migrations ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            while True:
                with self.transaction():
                    self.execute(
                        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)"
                    )
                    current = self.schema_version
                    self._check_version(current)
                    if current >= SCHEMA_VERSION:
                        return
                    self._apply_migration(current + 1, self._run_script)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable protestwatch database: {exc}") from exc

    def _run_script(self, script: str) -> None:
        for statement in _split_sql(script):
            self._db.execute(statement)

    # -- full text ----------------------------------------------------------------------------

    def _fts_arg(self, query: str) -> str:
        """The query, checked first: inside a larger statement SQLite may never parse it (when
        nothing else matches), and a malformed query must be an error whatever the data."""
        try:
            self.fetchall("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (query,))
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad full-text query {query!r}: {exc}") from exc
        return query

    def search_articles(self, query: str, limit: int = 50) -> list[str]:
        """Ids of the articles matching an FTS5 query, best first."""
        try:
            rows = self.fetchall(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            )
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad full-text query {query!r}: {exc}") from exc
        return [r[0] for r in rows]


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (trigger bodies, which contain ';', stay whole)."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if buf.strip() and sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
