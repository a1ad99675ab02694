"""What every request handler shares: the settings of the app, the database (one connection per
worker thread), the login limiter and the answer cache.

The store's connections are not shared between threads (SQLite refuses that, and a PostgreSQL
connection would serialise on one socket): ``WebContext.store()`` returns the calling thread's
own store, opened on first use.  A handler must call it in the thread that uses the store, never
pass a store to another thread.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protestwatch.store import open_store
from protestwatch.web.security import LimitPolicy, LoginLimiter

SECRET_SETTING = "web_secret_key"
TOKEN_SECONDS = 5.0
VERSION_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the app runs.

    ``public``: read-only, no accounts (for publishing a dataset).  ``https``: cookies are sent
    only over HTTPS (``Secure``) and HSTS is on; None decides per request from its scheme (as
    reported by a trusted proxy).  ``session_hours``: how long a login lasts.  ``cache_seconds``:
    how long a list or aggregate answer may be reused when nothing tells whether the data changed
    (``cache_exact_seconds`` when something does: answers are then dropped as soon as the data
    changes; and always at once after a write made through the app)."""

    db: str
    public: bool = False
    tile_url: str | None = None
    https: bool | None = None
    session_hours: float = 12.0
    cache_seconds: float = 2.0
    cache_exact_seconds: float = 60.0
    cache_entries: int = 2048
    export_limit: int = 200_000
    login_policy: LimitPolicy = field(default_factory=LimitPolicy)


class ThreadStores:
    """One store per thread, opened on first use, all on the same database.  A thread that has
    ended gives its connection back: the stores of ended threads are closed whenever a new one
    is opened, so connections never outnumber the live threads that used one."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._all: list[tuple[threading.Thread, Any]] = []
        self._lock = threading.Lock()

    def get(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            self._close_ended()
            store = open_store(self.db)
            self._local.store = store
            with self._lock:
                self._all.append((threading.current_thread(), store))
        return store

    @contextmanager
    def use(self, store: Any) -> Iterator[Any]:
        """Make ``store`` the calling thread's store for the block (a thread with its own
        connection, such as an export's, then opens no other)."""
        previous = getattr(self._local, "store", None)
        self._local.store = store
        try:
            yield store
        finally:
            self._local.store = previous

    def open_count(self) -> int:
        with self._lock:
            return len(self._all)

    def _close_ended(self) -> None:
        with self._lock:
            ended = [s for t, s in self._all if not t.is_alive()]
            self._all = [(t, s) for t, s in self._all if t.is_alive()]
        _close_all(ended)

    def close(self) -> None:
        with self._lock:
            stores, self._all = [s for _, s in self._all], []
        _close_all(stores)


def _close_all(stores: list[Any]) -> None:
    for store in stores:
        try:
            store.close()
        except Exception:  # noqa: BLE001 - a connection of a finished thread may be gone
            pass


class AnswerCache:
    """Serialised answers to read requests (and costly intermediate results), keyed by the
    request and the data version.  Bounded by a number of entries and by the bytes of the
    answers held (least recently used dropped first); thread-safe."""

    def __init__(self, entries: int, seconds: float, max_bytes: int = 128 << 20) -> None:
        self._data: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._entries = entries
        self._seconds = seconds
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()
        self.generation = 0  # bumped by every write made through the app

    def get_or_make(self, key: Any, make: Callable[[], Any], seconds: float | None = None) -> Any:
        hit = self.peek(key)
        if hit is not None:
            return hit
        value = make()
        self.put(key, value, seconds)
        return value

    def peek(self, key: Any) -> Any:
        """The live answer for ``key``, or None."""
        with self._lock:
            full = (self.generation, key)
            hit = self._data.get(full)
            if hit is not None and hit[0] > time.monotonic():
                self._data.move_to_end(full)
                return hit[1]
            return None

    def put(self, key: Any, value: Any, seconds: float | None = None) -> None:
        size = len(value) if isinstance(value, bytes) else 0
        if size > self._max_bytes // 8:
            return  # too big to be worth keeping
        expires = time.monotonic() + (self._seconds if seconds is None else seconds)
        with self._lock:
            full = (self.generation, key)
            old = self._data.pop(full, None)
            if old is not None:
                self._bytes -= len(old[1]) if isinstance(old[1], bytes) else 0
            self._data[full] = (expires, value)
            self._bytes += size
            while len(self._data) > self._entries or self._bytes > self._max_bytes:
                _, (_, dropped) = self._data.popitem(last=False)
                self._bytes -= len(dropped) if isinstance(dropped, bytes) else 0

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0
            self.generation += 1


class WebContext:
    """The shared state of one app: settings, stores, secret key, limiter, cache."""

    def __init__(self, settings: WebSettings) -> None:
        if not settings.db:
            raise ValueError("a database is required")
        self.settings = settings
        self.stores = ThreadStores(settings.db)
        self.limiter = LoginLimiter(settings.login_policy)
        self.cache = AnswerCache(settings.cache_entries, settings.cache_seconds)
        self._secret: str | None = None
        self._tokens: dict[str, tuple[float, str]] = {}
        self._tokens_lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._version: tuple[float, int, Any] | None = None
        self._version_lock = threading.Lock()
        self._secret_lock = threading.Lock()

    def token_owner(self, token_hash: str, look_up: Callable[[str], Any]) -> str | None:
        """The user name a token hash belongs to.  A valid token is remembered for
        ``TOKEN_SECONDS``, so a script's requests do not each look it up (and mark it used) in
        the database; the account itself is still checked on every request, and revoking a
        token through this process forgets it at once (another process: within
        ``TOKEN_SECONDS``)."""
        now = time.monotonic()
        with self._tokens_lock:
            hit = self._tokens.get(token_hash)
            if hit is not None and hit[0] > now:
                return hit[1]
        owner = look_up(token_hash)
        name = owner.get("name") if isinstance(owner, dict) else owner
        if name:
            with self._tokens_lock:
                if len(self._tokens) > 10_000:
                    self._tokens.clear()
                self._tokens[token_hash] = (now + TOKEN_SECONDS, str(name))
        return str(name) if name else None

    def forget_tokens(self) -> None:
        with self._tokens_lock:
            self._tokens.clear()

    @property
    def public(self) -> bool:
        return self.settings.public

    def store(self) -> Any:
        """The calling thread's store."""
        return self.stores.get()

    def secret_key(self) -> str:
        """The app's secret key: kept in the database (so every worker process and every restart
        shares it), made on first use."""
        if self._secret is None:
            with self._secret_lock:
                if self._secret is None:
                    self._secret = _load_secret(self.store())
        return self._secret

    def remember(self, key: Any, make: Callable[[], Any], *, seconds: float | None = None,
                 exclusive: bool = False) -> Any:  # fmt: skip
        """``make()``, or its answer for the same ``key`` and data version (cached).  With
        ``exclusive``, one thread makes it while the others wait for it (for costly answers)."""
        version = self.data_version()
        if seconds is None and version is not None:
            seconds = self.settings.cache_exact_seconds
        if not exclusive:
            return self.cache.get_or_make((key, version), make, seconds)
        hit = self.cache.peek((key, version))
        if hit is not None:
            return hit
        with self._build_lock:
            return self.cache.get_or_make((key, version), make, seconds)

    def data_version(self) -> Any:
        """A value that changes whenever the data shown may have changed: the store's own
        marker when it has one, else ``realworld.data_marker``.  Asked of the database at most
        every ``VERSION_SECONDS`` (a change made by another process shows within that time; one
        made through this app, at once)."""
        now = time.monotonic()
        with self._version_lock:
            if self._version is not None and self._version[0] > now and self._version[1] == self.cache.generation:
                return self._version[2]
        store = self.store()
        probe = getattr(store, "data_version", None)
        if callable(probe):
            version = probe()
        else:
            from protestwatch.web.realworld import data_marker

            version = data_marker(store)
        with self._version_lock:
            self._version = (now + VERSION_SECONDS, self.cache.generation, version)
        return version

    def close(self) -> None:
        self.stores.close()


def _load_secret(store: Any) -> str:
    """The stored key, or a new one stored only if none is there yet (two processes starting at
    once agree on the key that won)."""
    return str(store.setting_default(SECRET_SETTING, secrets.token_urlsafe(48)))


def database_label(db: str) -> str:
    """The database as shown in logs (a URL without its password)."""
    if "://" in db and "@" in db:
        scheme, rest = db.split("://", 1)
        return f"{scheme}://***@{rest.rsplit('@', 1)[1]}"
    return str(Path(db))
