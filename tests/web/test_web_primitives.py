"""The security primitives on their own: password hashes, the login limiter, CSP sources, safe
redirects, inert JSON; and the web commands of the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from protestwatch.cli import main
from protestwatch.errors import ConfigError
from protestwatch.store import open_store
from protestwatch.web.api import json_bytes
from protestwatch.web.auth import safe_next
from protestwatch.web.security import (
    SCRYPT_N,
    LimitPolicy,
    LoginLimiter,
    check_password_strength,
    digest,
    hash_password,
    needs_rehash,
    tile_origin,
    verify_password,
)  # fmt: skip


def test_password_hash_is_salted_scrypt_with_its_parameters():
    a, b = hash_password("a long passphrase", n=2**10), hash_password("a long passphrase", n=2**10)
    assert a != b and a.startswith("scrypt$1024$8$1$")
    assert verify_password("a long passphrase", a) and not verify_password("a long passphrasE", a)
    assert needs_rehash(a) and not needs_rehash(f"scrypt${SCRYPT_N}$8$1$c2FsdA$a2V5")


@pytest.mark.parametrize("stored", [None, "", "plain", "scrypt$3$8$1$x$y", "scrypt$1073741824$8$1$x$y",
                                    "md5$1$2$3$4$5", "scrypt$1024$8$1$!!$!!"])  # fmt: skip
def test_malformed_hashes_never_verify(stored):
    assert verify_password("anything at all", stored) is False


def test_password_strength_limits():
    with pytest.raises(ConfigError):
        check_password_strength("short")
    with pytest.raises(ConfigError):
        check_password_strength("x" * 2000)
    check_password_strength("ten chars!")


def test_limiter_window_per_user_and_per_address():
    limiter = LoginLimiter(LimitPolicy(per_user=3, per_address=5, window=60))
    for t in range(3):
        assert limiter.retry_after("Vera", "10.0.0.1", now=100 + t) == 0
        limiter.failed("vera", "10.0.0.1", now=100 + t)
    assert limiter.retry_after("VERA", "10.0.0.1", now=103) == pytest.approx(57)
    assert limiter.retry_after("vera", "10.0.0.2", now=103) == 0  # another address
    assert limiter.retry_after("cody", "10.0.0.1", now=103) == 0
    for t in range(2):
        limiter.failed(f"user{t}", "10.0.0.1", now=104 + t)
    assert limiter.retry_after("cody", "10.0.0.1", now=106) > 0  # five failures from one address
    assert limiter.retry_after("vera", "10.0.0.1", now=166) == 0  # the window has passed


def test_limiter_memory_is_bounded():
    limiter = LoginLimiter(max_keys=100)
    for k in range(1000):
        limiter.failed(f"user{k}", f"addr{k}", now=1.0)
    assert len(limiter._failures) <= 100


@pytest.mark.parametrize("url,origin", [
    ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
    ("http://localhost:8080/{z}/{x}/{y}.png", "http://localhost:8080"),
    ("javascript:alert(1)", None), ("https://a.example/'; script-src *", "https://a.example"),
    ("https://a.example';script-src:*/{z}", None), (None, None),
])  # fmt: skip
def test_tile_origin(url, origin):
    assert tile_origin(url) == origin


@pytest.mark.parametrize("target,expected", [
    ("/events/x?y=1", "/events/x?y=1"), ("//evil.example", "/"), ("https://evil.example", "/"),
    ("/\\evil.example", "/"), ("/ok\r\nSet-Cookie: a=b", "/"), ("", "/"), (None, "/"),
])  # fmt: skip
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_json_is_inert_and_round_trips():
    data = {"t": "</script><script>alert(1)</script> & \u2028"}
    raw = json_bytes(data).decode()
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw
    assert json.loads(raw) == data


def test_users_and_tokens_commands(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    r = runner.invoke(main, ["users", "add", "ada", "--role", "admin", "--password-stdin", "--db", db],
                      input="a long enough password\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["users", "add", "bob", "--password-stdin", "--db", db], input="short\n")
    assert r.exit_code == 1 and "at least" in r.output
    r = runner.invoke(main, ["users", "add", "ada", "--password-stdin", "--db", db], input="another password\n")
    assert r.exit_code == 1
    store = open_store(db)
    user = store.get_user("ada")
    assert user["role"] == "admin" and verify_password("a long enough password", user["password_hash"])
    store.close()
    assert runner.invoke(main, ["users", "role", "ada", "coder", "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(main, ["users", "list", "--json", "--db", db]).output)
    assert listed == [{k: v for k, v in listed[0].items()}] and listed[0]["role"] == "coder"
    assert "password_hash" not in listed[0]
    r = runner.invoke(main, ["tokens", "add", "ada", "--label", "nightly", "--db", db])
    token = r.stdout.strip().splitlines()[-1]
    assert r.exit_code == 0 and token.startswith("pw_")
    store = open_store(db)
    assert store.user_for_token(digest(token))["name"] == "ada"
    token_id = store.list_api_tokens("ada")[0]["id"]
    store.close()
    assert runner.invoke(main, ["tokens", "revoke", str(token_id), "--db", db]).exit_code == 0
    assert runner.invoke(main, ["tokens", "revoke", str(token_id), "--db", db]).exit_code == 1
    assert runner.invoke(main, ["tokens", "add", "nobody", "--db", db]).exit_code == 1
    assert runner.invoke(main, ["serve", "--db", str(tmp_path / "missing.db")]).exit_code == 1
