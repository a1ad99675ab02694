"""Accounts of the web application: users, API tokens, sessions and settings.

The store keeps only hashes of passwords, tokens and session ids (the caller hashes them); it
never sees a secret in clear.  Roles are ``viewer`` (read), ``coder`` (read, correct, review,
merge, split) and ``admin`` (everything, including accounts).  Times are ISO-8601 UTC strings;
an expired session reads as None and ``purge_sessions`` deletes expired ones.  A disabled user's
tokens and sessions read as None.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from protestwatch.errors import StoreConflict, StoreError

ROLES = ("viewer", "coder", "admin")


def _iso(moment: str | dt.datetime) -> str:
    """A time as the store writes it (UTC, to the second), so that text order is time order."""
    if isinstance(moment, str):
        try:
            moment = dt.datetime.fromisoformat(moment.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise StoreError(f"{moment!r} is not an ISO-8601 time") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _role(role: str) -> str:
    if role not in ROLES:
        raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")
    return role


def _user(row: Any) -> dict[str, Any]:
    return {"name": row["name"], "password_hash": row["password_hash"], "role": row["role"],
            "created_at": row["created_at"], "disabled": bool(row["disabled"])}  # fmt: skip


class AccountsMixin:
    """The account operations of a store (they use its ``execute``/``fetchone``/``fetchall``)."""

    execute: Any
    fetchone: Any
    fetchall: Any

    # -- users --------------------------------------------------------------------------------

    def add_user(self, name: str, password_hash: str, role: str) -> None:
        """A new user; StoreError when the name is taken (or empty)."""
        if not name or not name.strip():
            raise StoreError("a user needs a name")
        if not password_hash:
            raise StoreError("a user needs a password hash")
        cur = self.execute(
            "INSERT INTO users(name, password_hash, role, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (name, password_hash, _role(role), _now()),
        )
        if cur.rowcount != 1:
            raise StoreConflict(f"there is already a user {name!r}")

    def get_user(self, name: str) -> dict[str, Any] | None:
        """{name, password_hash, role, created_at, disabled}, or None."""
        row = self.fetchone("SELECT * FROM users WHERE name = ?", (name,))
        return _user(row) if row else None

    def list_users(self) -> list[dict[str, Any]]:
        return [_user(r) for r in self.fetchall("SELECT * FROM users ORDER BY name")]

    def _update_user(self, name: str, sql: str, value: Any) -> None:
        if self.execute(sql, (value, name)).rowcount != 1:
            raise StoreError(f"no user {name!r}")

    def set_user_role(self, name: str, role: str) -> None:
        self._update_user(name, "UPDATE users SET role = ? WHERE name = ?", _role(role))

    def set_user_password(self, name: str, password_hash: str) -> None:
        if not password_hash:
            raise StoreError("a user needs a password hash")
        self._update_user(name, "UPDATE users SET password_hash = ? WHERE name = ?", password_hash)

    def set_user_disabled(self, name: str, disabled: bool = True) -> None:
        """Disable (or enable again) a user: their tokens and sessions stop working."""
        self._update_user(name, "UPDATE users SET disabled = ? WHERE name = ?", int(bool(disabled)))

    # -- API tokens ---------------------------------------------------------------------------

    def add_api_token(self, user: str, token_hash: str, label: str | None = None) -> int:
        """Record a token (by its hash) for ``user``; returns the token's id."""
        if self.get_user(user) is None:
            raise StoreError(f"no user {user!r}")
        row = self.fetchone(
            "INSERT INTO api_tokens(user_name, token_hash, label, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING id",
            (user, token_hash, label, _now()),
        )
        if row is None:
            raise StoreConflict("this token is already recorded")
        return int(row[0])

    def user_for_token(self, token_hash: str) -> dict[str, Any] | None:
        """The user (as ``get_user``, plus ``token_id``) whose live token has this hash, marking
        the token used now; None for an unknown or revoked token or a disabled user."""
        row = self.fetchone(
            "SELECT t.id AS token_id, u.* FROM api_tokens t JOIN users u ON u.name = t.user_name "
            "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0",
            (token_hash,),
        )
        if row is None:
            return None
        self.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", (_now(), row["token_id"]))
        return _user(row) | {"token_id": int(row["token_id"])}

    def revoke_api_token(self, token_id: int) -> bool:
        """Revoke a token; False when there is no live token with this id."""
        cur = self.execute(
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            (_now(), int(token_id)),
        )
        return cur.rowcount == 1

    def list_api_tokens(self, user: str | None = None) -> list[dict[str, Any]]:
        """The live tokens (of one user, or of all): {id, user, label, created_at, last_used_at};
        never their hashes."""
        sql = "SELECT id, user_name, label, created_at, last_used_at FROM api_tokens WHERE revoked_at IS NULL"
        args: tuple[Any, ...] = ()
        if user is not None:
            sql, args = sql + " AND user_name = ?", (user,)
        return [
            {"id": int(r["id"]), "user": r["user_name"], "label": r["label"],
             "created_at": r["created_at"], "last_used_at": r["last_used_at"]}
            for r in self.fetchall(sql + " ORDER BY id", args)
        ]  # fmt: skip

    # -- sessions -----------------------------------------------------------------------------

    def create_session(self, session_hash: str, user: str, csrf_token: str,
                       expires_at: str | dt.datetime) -> None:  # fmt: skip
        """Record a login session (by the hash of its id) until ``expires_at``."""
        if self.get_user(user) is None:
            raise StoreError(f"no user {user!r}")
        cur = self.execute(
            "INSERT INTO sessions(session_hash, user_name, csrf_token, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (session_hash, user, csrf_token, _now(), _iso(expires_at)),
        )
        if cur.rowcount != 1:
            raise StoreConflict("this session is already recorded")

    def get_session(self, session_hash: str) -> dict[str, Any] | None:
        """{session_hash, user, role, csrf_token, created_at, expires_at} of a live session of an
        enabled user, or None."""
        row = self.fetchone(
            "SELECT s.*, u.role FROM sessions s JOIN users u ON u.name = s.user_name "
            "WHERE s.session_hash = ? AND s.expires_at > ? AND u.disabled = 0",
            (session_hash, _now()),
        )
        if row is None:
            return None
        return {"session_hash": row["session_hash"], "user": row["user_name"], "role": row["role"],
                "csrf_token": row["csrf_token"], "created_at": row["created_at"],
                "expires_at": row["expires_at"]}  # fmt: skip

    def delete_session(self, session_hash: str) -> None:
        self.execute("DELETE FROM sessions WHERE session_hash = ?", (session_hash,))

    def purge_sessions(self) -> int:
        """Delete the expired sessions; returns how many."""
        return int(self.execute("DELETE FROM sessions WHERE expires_at <= ?", (_now(),)).rowcount)

    # -- settings -----------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        row = self.fetchone("SELECT value FROM settings WHERE key = ?", (key,))
        return row[0] if row else None

    def set_setting(self, key: str, value: str | None) -> None:
        self.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def setting_default(self, key: str, value: str) -> str:
        """The setting ``key``, storing ``value`` first if it has none: processes starting at
        the same time all get the one value stored first."""
        self.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT DO NOTHING", (key, value)
        )
        stored = self.get_setting(key)
        return value if stored is None else stored
