"""The web commands of ``protestwatch``: ``serve``, ``users`` and ``tokens`` (registered by
``cli.py``).  Thin: they call the store's account methods and ``web.security``; nothing heavy
(FastAPI, uvicorn) is imported until a command runs.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click

from protestwatch.errors import ConfigError, ProtestwatchError

ROLE_CHOICE = click.Choice(["viewer", "coder", "admin"])
db_option = click.option("--db", default="protestwatch.db", show_default=True, envvar="PROTESTWATCH_DB",
                         help="Database (SQLite file or postgresql:// URL).")  # fmt: skip


def _fail(fn: Any) -> Any:
    try:
        return fn()
    except (ProtestwatchError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _store(db: str, *, must_exist: bool = True) -> Any:
    from pathlib import Path

    from protestwatch.store import is_url, open_store

    if must_exist and not is_url(db) and not Path(db).is_file():
        raise ConfigError(f"no database {db}: create it with `protestwatch ingest ... --db {db}`")
    return open_store(db)


# -- serve ------------------------------------------------------------------------------------


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--public", is_flag=True, help="Read-only, no accounts: for publishing a dataset.")
@click.option("--tile-url", help="Map tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                                 "(default: offline country outlines only).")  # fmt: skip
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each serves requests on its own connections).")
@click.option("--https/--no-https", "https", default=None,
              help="Secure cookies and HSTS always (--https) or never; default: when the request "
                   "came over HTTPS (as reported by a proxy on --forwarded-allow-ips).")  # fmt: skip
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True,
              help="Proxies trusted to report the client address and scheme.")
def serve(db: str, host: str, port: int, public: bool, tile_url: str | None, workers: int,
          https: bool | None, forwarded_allow_ips: str) -> None:  # fmt: skip
    """Run the web app: dashboard, event pages, review queue and the JSON API (/api/v1)."""
    from protestwatch.web.context import SECRET_SETTING, _load_secret
    from protestwatch.web.security import tile_origin

    if tile_url and tile_origin(tile_url) is None:
        raise click.BadParameter("give an http(s) URL template", param_hint="--tile-url")

    def prepare() -> int:
        store = _store(db)
        try:  # the secret key is made once, before any worker starts
            _load_secret(store)
            assert store.get_setting(SECRET_SETTING)
            return len(store.list_users())
        finally:
            store.close()

    users = _fail(prepare)
    if not public and users == 0:
        click.echo("note: no accounts yet: create one with "
                   f"`protestwatch users add NAME --role admin --db {db}`", err=True)  # fmt: skip
    env = {"DB": db, "PUBLIC": "1" if public else "0", "TILE_URL": tile_url or "",
           "HTTPS": "" if https is None else ("1" if https else "0")}  # fmt: skip
    for key, value in env.items():
        os.environ["PROTESTWATCH_WEB_" + key] = value
    import uvicorn

    click.echo(f"serving {db} on http://{host}:{port}{' (public, read-only)' if public else ''}", err=True)
    uvicorn.run("protestwatch.web.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips,
                server_header=False, log_level="info")  # fmt: skip


# -- users ------------------------------------------------------------------------------------


def _read_password(from_stdin: bool) -> str:
    from protestwatch.web.security import check_password_strength

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    check_password_strength(password)
    return password


@click.group()
def users() -> None:
    """Accounts of the web app (roles: viewer, coder, admin)."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=ROLE_CHOICE, default="viewer", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@db_option
def users_add(name: str, role: str, password_stdin: bool, db: str) -> None:
    """Create an account (the first one: --role admin).  The password is asked twice, or read
    from stdin; it is stored as a scrypt hash only."""
    from protestwatch.web.security import hash_password

    if not name.strip() or len(name) > 64 or any(c.isspace() for c in name):
        raise click.BadParameter("a user name has 1 to 64 characters and no spaces", param_hint="NAME")
    password = _fail(lambda: _read_password(password_stdin))

    def go() -> None:
        store = _store(db, must_exist=False)
        try:
            store.add_user(name, hash_password(password), role)
        finally:
            store.close()

    _fail(go)
    click.echo(f"created {name} ({role})")


@users.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def users_list(db: str, as_json: bool) -> None:
    """List the accounts and their roles."""

    def go() -> list[dict[str, Any]]:
        store = _store(db)
        try:
            return [{k: v for k, v in u.items() if k != "password_hash"} for u in store.list_users()]
        finally:
            store.close()

    found = _fail(go)
    if as_json:
        click.echo(json.dumps(found, indent=2, default=str))
        return
    for u in found:
        click.echo(f"{u['name']:<24} {u['role']:<7} {'disabled' if u.get('disabled') else ''}".rstrip())


@users.command("role")
@click.argument("name")
@click.argument("role", type=ROLE_CHOICE)
@db_option
def users_role(name: str, role: str, db: str) -> None:
    """Give an account another role (takes effect on its next request)."""
    _fail(lambda: _with_store(db, lambda s: s.set_user_role(name, role)))
    click.echo(f"{name} is now {role}")


@users.command("password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@db_option
def users_password(name: str, password_stdin: bool, db: str) -> None:
    """Set an account's password."""
    from protestwatch.web.security import hash_password

    password = _fail(lambda: _read_password(password_stdin))
    _fail(lambda: _with_store(db, lambda s: s.set_user_password(name, hash_password(password))))
    click.echo(f"password of {name} changed")


@users.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Enable the account again.")
@db_option
def users_disable(name: str, enable: bool, db: str) -> None:
    """Disable an account (its sessions and tokens stop working at once)."""
    _fail(lambda: _with_store(db, lambda s: s.set_user_disabled(name, not enable)))
    click.echo(f"{name} {'enabled' if enable else 'disabled'}")


def _with_store(db: str, action: Any) -> Any:
    store = _store(db)
    try:
        return action(store)
    finally:
        store.close()


# -- tokens -----------------------------------------------------------------------------------


@click.group()
def tokens() -> None:
    """API tokens for scripts (sent as `Authorization: Bearer TOKEN`)."""


@tokens.command("add")
@click.argument("user")
@click.option("--label", default="", help="What the token is for.")
@db_option
def tokens_add(user: str, label: str, db: str) -> None:
    """Make a token for USER and print it (once: only its hash is kept)."""
    from protestwatch.web.security import digest, new_api_token

    token = new_api_token()

    def go() -> int:
        store = _store(db)
        try:
            if not store.get_user(user):
                raise ConfigError(f"no user {user!r}: create it with `protestwatch users add {user}`")
            return int(store.add_api_token(user, digest(token), label))
        finally:
            store.close()

    token_id = _fail(go)
    click.echo(f"token {token_id} for {user}:", err=True)
    click.echo(token)


@tokens.command("list")
@click.argument("user", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def tokens_list(user: str | None, db: str, as_json: bool) -> None:
    """List the live tokens (of USER, or of everyone)."""
    found = _fail(lambda: _with_store(db, lambda s: s.list_api_tokens(user)))
    if as_json:
        click.echo(json.dumps(found, indent=2, default=str))
        return
    for t in found:
        click.echo(f"{t['id']:>5}  {t['user']:<20} {t.get('label') or '':<24} "
                   f"created {t.get('created_at')}  last used {t.get('last_used_at') or 'never'}")  # fmt: skip


@tokens.command("revoke")
@click.argument("token_id", type=int)
@db_option
def tokens_revoke(token_id: int, db: str) -> None:
    """Revoke a token by its id."""
    if not _fail(lambda: _with_store(db, lambda s: s.revoke_api_token(token_id))):
        click.echo(f"error: no live token {token_id}", err=True)
        sys.exit(1)
    click.echo(f"token {token_id} revoked")
