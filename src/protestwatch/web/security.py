"""Security primitives of the web app: password hashing, secret tokens, CSRF tokens, login rate
limiting and the HTTP security headers.

- Passwords are hashed with scrypt (memory-hard; ``N=2**17, r=8, p=1`` by default, 128 MiB and
  about half a second per hash), each with its own random salt.  The hash string carries its
  parameters (``scrypt$N$r$p$salt$hash``), so the cost can be raised later without breaking the
  hashes already stored.  At most two hashes are computed at once, which bounds the memory a burst
  of logins can take.
- Session ids and API tokens are random (256 bits); the database keeps only their SHA-256, so a
  copy of the database does not let anyone log in.
- CSRF: a logged-in session has its own random token (stored with the session); a visitor who is
  not logged in (the login form) gets a token derived by HMAC from a random cookie and the app's
  secret key, so a third-party page can neither read nor forge it.
- ``LoginLimiter`` refuses a (user, address) pair after too many failures in a sliding window, and
  an address after too many failures over all user names.

Nothing here touches the database or the request: ``auth.py`` combines these pieces.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from protestwatch.errors import ConfigError

# -- passwords ---------------------------------------------------------------------------------

#: scrypt cost of new hashes (OWASP's minimum recommendation for scrypt).
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_KEY_BYTES = 32
_MAX_N = 2**20  # a stored hash asking for more is refused (it would take gigabytes)
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
_hashing = threading.BoundedSemaphore(2)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    with _hashing:
        return hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
            maxmem=256 * n * r * p + (1 << 20), dklen=_KEY_BYTES,
        )  # fmt: skip


def check_password_strength(password: str) -> None:
    """Raise ``ConfigError`` for a password too short or too long to accept."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ConfigError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ConfigError(f"a password has at most {MAX_PASSWORD_LENGTH} characters")


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A salted scrypt hash of ``password`` as ``scrypt$N$r$p$salt$hash``."""
    if n < 2 or n & (n - 1) or n > _MAX_N:
        raise ConfigError(f"scrypt N must be a power of two up to {_MAX_N}, not {n}")
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _scrypt(password, salt, n, r, p)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches the ``stored`` hash.  A missing or malformed hash still costs
    one hash computation, so timing does not tell whether a user name exists."""
    parsed = _parse_hash(stored) if stored else None
    if parsed is None or len(password) > MAX_PASSWORD_LENGTH:
        _scrypt(password[:MAX_PASSWORD_LENGTH], b"\0" * _SALT_BYTES, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        return False
    n, r, p, salt, key = parsed
    return hmac.compare_digest(_scrypt(password, salt, n, r, p), key)


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        return None
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and key):
        return None
    return n, r, p, salt, key


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was made with a lower cost than new hashes get."""
    parsed = _parse_hash(stored)
    return parsed is None or (parsed[0], parsed[1], parsed[2]) < (SCRYPT_N, SCRYPT_R, SCRYPT_P)


# -- secrets -----------------------------------------------------------------------------------

TOKEN_PREFIX = "pw_"


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    """A new API token (shown to its owner once; only its hash is stored)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """The SHA-256 (hex) under which a session id or API token is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def signed_csrf(secret_key: str, nonce: str) -> str:
    """The CSRF token of a visitor who is not logged in, bound to their random ``nonce`` cookie."""
    mac = hmac.new(secret_key.encode("utf-8"), b"csrf:" + nonce.encode("utf-8"), hashlib.sha256)
    return _b64(mac.digest())


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; False when either is missing."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


# -- login rate limiting -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LimitPolicy:
    """At most ``per_user`` failures for one (user, address) and ``per_address`` failures for one
    address over all user names, within ``window`` seconds."""

    per_user: int = 5
    per_address: int = 20
    window: float = 60.0


class LoginLimiter:
    """Counts failed logins in a sliding window (in this process's memory).

    ``retry_after(user, address)`` is 0 when a login may be tried, else the seconds to wait.
    Memory is bounded: at most ``max_keys`` keys are tracked, the oldest dropped first."""

    def __init__(self, policy: LimitPolicy | None = None, *, max_keys: int = 100_000) -> None:
        self.policy = policy or LimitPolicy()
        self._failures: collections.OrderedDict[tuple[str, str], collections.deque[float]] = (
            collections.OrderedDict()
        )
        self._lock = threading.Lock()
        self._max_keys = max_keys

    def _window(self, key: tuple[str, str], now: float) -> collections.deque[float]:
        times = self._failures.get(key)
        if times is None:
            return collections.deque()
        while times and times[0] <= now - self.policy.window:
            times.popleft()
        return times

    def retry_after(self, user: str, address: str, *, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        with self._lock:
            waits = []
            for key, limit in (((user.casefold(), address), self.policy.per_user),
                               (("", address), self.policy.per_address)):  # fmt: skip
                times = self._window(key, now)
                if len(times) >= limit:
                    waits.append(times[len(times) - limit] + self.policy.window - now)
            return max(waits, default=0.0)

    def failed(self, user: str, address: str, *, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            for key in ((user.casefold(), address), ("", address)):
                times = self._window(key, now)
                times.append(now)
                self._failures[key] = times
                self._failures.move_to_end(key)
            while len(self._failures) > self._max_keys:
                self._failures.popitem(last=False)

    def succeeded(self, user: str, address: str) -> None:
        with self._lock:
            self._failures.pop((user.casefold(), address), None)


# -- HTTP security headers ---------------------------------------------------------------------


def tile_origin(tile_url: str | None) -> str | None:
    """The CSP source of a tile URL template (``https://{s}.tile.example.org/{z}/{x}/{y}.png``
    → ``https://*.tile.example.org``); None when there is none or it is not http(s)."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = tile_url.split("://", 1)[1].split("/", 1)[0].split("@")[-1]
    host = host.replace("{s}", "*")
    if any(c in host for c in "{} ;,'\""):
        return None
    return f"{parts.scheme}://{host}"


def security_headers(*, tile_url: str | None = None, https: bool = False) -> Mapping[str, str]:
    """The headers every response carries.  Scripts come only from this origin (no inline
    script, no eval); the page cannot be framed; content types are not sniffed."""
    images = " ".join(x for x in ("'self'", "data:", tile_origin(tile_url)) if x)
    csp = "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src {images}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])  # fmt: skip
    headers = {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    }
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return headers
