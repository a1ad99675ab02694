"""Who is asking, and may they: sessions, API tokens, roles and CSRF checks.

A request is made by a ``Principal``: an anonymous visitor, a user logged in with a session cookie,
or a script holding an API token (``Authorization: Bearer pw_...``).  Roles are ordered
viewer < coder < admin.

The rules every route follows (the dependencies below enforce them):

- reading needs the viewer role, except in public mode, where anyone reads and credentials are
  ignored;
- writing needs the coder role (admin for accounts), is refused in public mode, and, for a
  request authenticated by the session cookie, needs the session's CSRF token in the
  ``X-CSRF-Token`` header (JSON) or the ``csrf_token`` form field (HTML forms).  A token-holding
  script needs no CSRF token: a browser never sends the ``Authorization`` header by itself.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from protestwatch.errors import ProtestwatchError
from protestwatch.web.context import WebContext
from protestwatch.web.security import (
    digest,
    new_csrf_token,
    new_session_id,
    same_token,
    signed_csrf,
    verify_password,
)  # fmt: skip

logger = logging.getLogger(__name__)

ROLES: tuple[str, ...] = ("viewer", "coder", "admin")
_RANK = {name: k for k, name in enumerate(ROLES, start=1)}
SESSION_COOKIE = "pw_session"
NONCE_COOKIE = "pw_nonce"
CSRF_HEADER = "X-CSRF-Token"


def role_rank(role: str | None) -> int:
    return _RANK.get(role or "", 0)


@dataclass(frozen=True, slots=True)
class Principal:
    """The maker of a request.  ``via`` is "session", "token" or None (anonymous)."""

    name: str | None = None
    role: str | None = None
    via: str | None = None
    csrf_token: str | None = None
    session_hash: str | None = None

    @property
    def authenticated(self) -> bool:
        return self.name is not None

    def can(self, role: str) -> bool:
        return role_rank(self.role) >= role_rank(role)


ANONYMOUS = Principal()


class LoginRefused(ProtestwatchError):
    """Wrong user name or password (deliberately not saying which)."""


class LoginThrottled(ProtestwatchError):
    """Too many failed logins: ``retry_after`` seconds to wait."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, int(retry_after + 0.999))
        super().__init__(f"too many failed logins: try again in {self.retry_after} s")


def ctx_of(request: Request) -> WebContext:
    return request.app.state.ctx  # type: ignore[no-any-return]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _active_user(store: Any, name: str | None) -> dict[str, Any] | None:
    if not name:
        return None
    user = store.get_user(name)
    if not user or user.get("disabled") or user.get("role") not in _RANK:
        return None
    return dict(user)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def identify(request: Request) -> Principal:
    """The principal of ``request`` (computed once per request).  A bad token is a 401 (a
    script must hear that its token is wrong); a stale cookie just means anonymous."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    ctx = ctx_of(request)
    principal = ANONYMOUS
    if not ctx.public:
        store = ctx.store()
        token = _bearer(request)
        if token is not None:
            user = _active_user(store, ctx.token_owner(digest(token), store.user_for_token))
            if user is None:
                raise HTTPException(401, "invalid or revoked API token",
                                    headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})  # fmt: skip
            principal = Principal(user["name"], user["role"], "token")
        elif sid := request.cookies.get(SESSION_COOKIE):
            session = store.get_session(digest(sid))
            user = _active_user(store, session.get("user") if session else None)
            if session and user:
                principal = Principal(user["name"], user["role"], "session",
                                      session.get("csrf_token"), digest(sid))  # fmt: skip
    request.state.principal = principal
    return principal


# -- dependencies ------------------------------------------------------------------------------


async def reader_on_loop(request: Request) -> Principal:
    """``reader`` run on the event loop (its look-ups are single-row reads): for the routes that
    answer most requests from the cache without leaving the loop."""
    return reader(request)


def reader(request: Request) -> Principal:
    """Dependency of every read route: viewer role, or anyone in public mode."""
    principal = identify(request)
    if ctx_of(request).public:
        return principal
    if not principal.authenticated:
        raise HTTPException(401, "log in or send an API token",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    return principal


def requires(role: str, *, write: bool = True) -> Callable[[Request], Principal]:
    """A dependency that admits principals of at least ``role``; for writes, also refuses the
    public mode and cookie-authenticated requests without the session's CSRF token."""

    def check(request: Request) -> Principal:
        ctx = ctx_of(request)
        if write and ctx.public:
            raise HTTPException(403, "this server is read-only (public mode)")
        principal = reader(request)
        if not principal.can(role):
            raise HTTPException(403, f"this needs the {role} role")
        if write:
            check_csrf(request, principal, request.headers.get(CSRF_HEADER))
        return principal

    check.__name__ = f"requires_{role}"
    return check


def check_csrf(request: Request, principal: Principal, given: str | None) -> None:
    """Refuse a cookie-authenticated write whose CSRF token is missing or wrong, or that comes
    from another origin."""
    if principal.via != "session":
        return
    if not same_token(principal.csrf_token, given):
        raise HTTPException(403, "missing or wrong CSRF token")
    if not same_origin(request):
        raise HTTPException(403, "cross-origin request refused")


def same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another origin."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin != "null"
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host


# -- anonymous CSRF (the login form) -----------------------------------------------------------


def anonymous_csrf(request: Request) -> tuple[str, str | None]:
    """The CSRF token for a visitor who is not logged in, and the nonce cookie to set when the
    visitor has none yet."""
    ctx = ctx_of(request)
    nonce = request.cookies.get(NONCE_COOKIE)
    fresh = None
    if not nonce or len(nonce) > 100:
        nonce = fresh = new_csrf_token()
    return signed_csrf(ctx.secret_key(), nonce), fresh


def check_anonymous_csrf(request: Request, given: str | None) -> bool:
    nonce = request.cookies.get(NONCE_COOKIE)
    if not nonce or len(nonce) > 100:
        return False
    return same_token(signed_csrf(ctx_of(request).secret_key(), nonce), given) and same_origin(request)


# -- login and logout --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewSession:
    session_id: str  # the cookie value (never stored)
    csrf_token: str
    expires_at: dt.datetime
    user: str
    role: str


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def login(ctx: WebContext, username: str, password: str, address: str) -> NewSession:
    """Check a user's password and open a session.  ``LoginThrottled`` after too many failures
    for this user and address (before the password is even checked), ``LoginRefused`` for a
    wrong name or password."""
    username = username.strip()[:200]
    wait = ctx.limiter.retry_after(username, address)
    if wait > 0:
        raise LoginThrottled(wait)
    store = ctx.store()
    user = store.get_user(username) if username else None
    ok = verify_password(password, user.get("password_hash") if user else None)
    if not ok or not user or user.get("disabled") or user.get("role") not in _RANK:
        ctx.limiter.failed(username, address)
        logger.warning("failed login for %r from %s", username, address)
        raise LoginRefused("wrong user name or password")
    ctx.limiter.succeeded(username, address)
    session_id, csrf = new_session_id(), new_csrf_token()
    expires = _now() + dt.timedelta(hours=ctx.settings.session_hours)
    store.create_session(digest(session_id), user["name"], csrf,
                         expires.isoformat(timespec="seconds"))  # fmt: skip
    logger.info("%s logged in from %s", user["name"], address)
    return NewSession(session_id, csrf, expires, user["name"], user["role"])


def logout(ctx: WebContext, principal: Principal) -> None:
    if principal.session_hash:
        ctx.store().delete_session(principal.session_hash)


def wants_secure_cookies(ctx: WebContext, request: Request) -> bool:
    if ctx.settings.https is not None:
        return ctx.settings.https
    return request.url.scheme == "https"


def safe_next(target: str | None) -> str:
    """A local path to go to after login (never another site: ``//evil``, ``/\\evil``, URLs)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if any(c in target for c in "\\\r\n\t") or target.startswith("/\\"):
        return "/"
    return target[:2000]
