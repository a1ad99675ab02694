"""The PostgreSQL backend: the same schema and behaviour as SQLite, for several writers at once.

``PostgresStore("postgresql://user@host:port/dbname?schema=NAME")``: any libpq URL (password,
``sslmode``, ``options`` ... pass through); ``schema`` (ours, not libpq's) puts the tables in that
schema, created if missing, instead of the user's default (``public``).

Concurrency (several worker processes and the web application on one database):

- the connection runs in autocommit mode; each write operation is one ``READ COMMITTED``
  transaction that takes row locks in a fixed order: the article's row first (``SELECT ... FOR
  UPDATE``: coding an article and correcting one of its events wait for each other), then the
  store-wide advisory lock ``"clusters"`` when real-world events change (clustering runs, merges,
  splits, and re-coding or correcting a clustered event apply one after the other);
- inserts that may collide (the same article ingested twice, an event coded twice) are
  ``INSERT ... ON CONFLICT``, so a concurrent duplicate is ignored or merged, never an error;
- a transaction the server aborts for a deadlock or a serialisation failure is run again from
  the start (``SQLStore.atomic``), so callers never see these transient errors;
- migrations hold an advisory lock, so processes opening a new database at once migrate it once.

Full-text search uses a generated ``tsvector`` column (configuration ``simple``: lower-cased
words, no stemming, any language) with a GIN index; queries are written in FTS5 syntax and
translated (``store/fts.py``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from protestwatch.errors import StoreError, StoreUnavailable
from protestwatch.store.base import SQLStore
from protestwatch.store.fts import to_tsquery_text
from protestwatch.store.schema import SCHEMA_VERSION

try:  # psycopg is a dependency, but a missing one should be a clear error, not a traceback
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg.types.string import TextLoader
except ImportError:  # pragma: no cover - depends on the environment
    psycopg = None  # type: ignore[assignment]

_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class Row:
    """A result row, indexable by position and by column name (like ``sqlite3.Row``)."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Any:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values))!r})"


logger = logging.getLogger(__name__)

def _row_factory(cursor: Any) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    index = {}
    for i, column in enumerate(description):
        index.setdefault(column.name, i)
    return lambda values: Row(values, index)


def split_url(url: str) -> tuple[str, str | None]:
    """The libpq URL without our ``schema`` parameter, and that schema (None when absent)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schemas = [v for k, v in query if k == "schema"]
    rest = [(k, v) for k, v in query if k != "schema"]
    scheme = "postgresql" if parts.scheme == "postgres" else parts.scheme
    conninfo = urlunsplit((scheme, parts.netloc, parts.path, urlencode(rest), parts.fragment))
    schema = schemas[-1] if schemas else None
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise StoreError(f"schema name {schema!r}: use letters, digits and _ (at most 63)")
    return conninfo, schema


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit((parts.scheme, f"{user}:***@{netloc[1]}", parts.path, parts.query, parts.fragment))


class PostgresStore(SQLStore):
    """A protestwatch database on a PostgreSQL server (see the module docstring)."""

    dialect = "postgresql"
    for_update = " FOR UPDATE"
    fts_article_ids = "SELECT a.id FROM articles a WHERE a.fts @@ to_tsquery('simple', ?)"

    def __init__(self, url: str) -> None:
        super().__init__()
        if psycopg is None:  # pragma: no cover
            raise StoreError("PostgreSQL needs the psycopg package: pip install 'psycopg[binary]'")
        self.url = url
        self._conninfo, self.schema = split_url(url)
        self._sql_cache: dict[str, str] = {}
        self._conn = self._connect(create_schema=True)
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def _connect(self, create_schema: bool = False) -> Any:
        """A new connection, in autocommit mode, on the store's schema."""
        try:
            conn = psycopg.connect(self._conninfo, autocommit=True, row_factory=_row_factory)
        except psycopg.OperationalError as exc:  # down, unreachable, no connection slot left
            raise StoreUnavailable(f"cannot connect to {self.name}: {str(exc).strip()}") from exc
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.name}: {str(exc).strip()}") from exc
        # JSON columns read as their text, as on SQLite (the store parses it itself)
        conn.adapters.register_loader("jsonb", TextLoader)
        try:
            if self.schema:
                from psycopg import sql

                if create_schema:
                    try:
                        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(self.schema)))
                    except pg_errors.UniqueViolation:  # created by another process at the same time
                        pass
                conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(self.schema)))
        except BaseException:
            conn.close()
            raise
        return conn

    def _live(self) -> None:
        """Between transactions, replace a connection that was lost (the server restarted, or
        cut an idle connection) by a new one."""
        if self._depth == 0 and self._conn.closed:
            logger.warning("%s: the connection was lost; reconnecting", self.name)
            self._conn = self._connect()

    def _lost(self, exc: BaseException) -> BaseException:
        """The error to raise for a statement that failed because the connection went away."""
        return StoreUnavailable(f"{self.name}: the connection to the server was lost ({str(exc).strip()})")

    @property
    def name(self) -> str:
        return redact(self.url)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- the connection -----------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        """``?`` placeholders as psycopg's ``%s`` (and literal ``%`` doubled)."""
        out = self._sql_cache.get(sql)
        if out is None:
            out = sql.replace("%", "%%").replace("?", "%s")
            if len(self._sql_cache) < 2000:
                self._sql_cache[sql] = out
        return out

    def _cursor(self, sql: str, args: Sequence[Any]) -> Any:
        self._live()
        try:
            return self._conn.execute(self._sql(sql), tuple(args))
        except pg_errors.DataError as exc:
            if isinstance(exc, pg_errors.UntranslatableCharacter) or "0x00" in str(exc):
                raise StoreError(f"{self.name}: a value holds a NUL character, which PostgreSQL cannot store") from exc
            raise
        except psycopg.OperationalError as exc:
            if not self._conn.closed:
                raise
            # A read outside a transaction is tried once more on a new connection; a write is
            # not (it may have been done before the connection went): the caller hears of it.
            if self._depth == 0 and sql.lstrip()[:6].upper() in ("SELECT", "WITH"):
                self._live()
                return self._conn.execute(self._sql(sql), tuple(args))
            raise self._lost(exc) from exc

    def _cursor_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._live()
        try:
            with self._conn.cursor() as cur:
                cur.executemany(self._sql(sql), [tuple(r) for r in rows])
        except psycopg.OperationalError as exc:
            if not self._conn.closed:
                raise
            raise self._lost(exc) from exc

    def _begin(self, lock: str | None) -> None:
        self._live()
        try:
            self._conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        except psycopg.OperationalError as exc:
            if not self._conn.closed:
                raise
            try:  # nothing was done yet: begin again on a new connection
                self._live()
                self._conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            except psycopg.OperationalError as again:
                raise self._lost(again) from exc
        if lock:
            try:
                self._take_lock(lock)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def _end(self, commit: bool) -> None:
        if self._conn.closed:
            if commit:  # the server rolled the transaction back when the connection went
                raise StoreUnavailable(f"{self.name}: the connection to the server was lost; nothing was saved")
            return
        try:
            self._conn.execute("COMMIT" if commit else "ROLLBACK")
        except psycopg.OperationalError as exc:
            if not self._conn.closed:
                raise
            if commit:  # whether the server committed is unknown
                raise self._lost(exc) from exc

    def _lock_key(self, lock: str) -> int:
        digest = hashlib.sha1(f"protestwatch:{self.schema or ''}:{lock}".encode()).digest()
        return int.from_bytes(digest[:8], "big", signed=True)

    def _take_lock(self, lock: str) -> None:
        self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock_key(lock),))

    def _retryable(self, exc: BaseException) -> bool:
        return isinstance(exc, (pg_errors.DeadlockDetected, pg_errors.SerializationFailure))

    def analyze(self) -> None:
        """Refresh the planner's statistics and the visibility map (which lets counts read only
        indexes); autovacuum does the same in the background."""
        with self._lock:
            for table in ("articles", "events", "event_issues", "event_targets", "event_organizers"):
                self._conn.execute(f"VACUUM (ANALYZE) {table}")

    def _is_query_error(self, exc: BaseException) -> bool:
        return isinstance(exc, (pg_errors.SyntaxError, pg_errors.DataError))

    # -- migrations ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            while True:
                with self.transaction(lock="migrate"):
                    self.execute(
                        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)"
                    )
                    current = self.schema_version
                    self._check_version(current)
                    if current >= SCHEMA_VERSION:
                        return
                    self._apply_migration(current + 1, lambda script: self._conn.execute(script))
        except psycopg.Error as exc:
            raise StoreError(f"{self.name} is not a usable protestwatch database: {str(exc).strip()}") from exc

    # -- full text ----------------------------------------------------------------------------

    def _fts_arg(self, query: str) -> str:
        return to_tsquery_text(query)

    def search_articles(self, query: str, limit: int = 50) -> list[str]:
        """Ids of the articles matching a query (FTS5 syntax), best first."""
        rows = self.fetchall(
            "SELECT a.id FROM articles a, to_tsquery('simple', ?) q WHERE a.fts @@ q "
            "ORDER BY ts_rank(a.fts, q) DESC, a.rowid LIMIT ?",
            (to_tsquery_text(query), limit),
        )
        return [r[0] for r in rows]
