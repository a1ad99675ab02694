"""Fixtures of the browser tests: a real server over a small coded database, and headless
Chromium driven by Playwright.

The database is coded once per session from a few demo articles (two stories told by several
outlets, so the event page has disagreements to show) plus ``articles/hostile-sentinel-rally.txt``,
an article whose title, outlet, URL and text carry markup and script. The server is
``protestwatch serve`` in a subprocess on a free loopback port.

Chromium is Debian's (``apt-get install chromium``), never a downloaded build. Without it the
tests are skipped, unless ``PROTESTWATCH_REQUIRE_BROWSER=1`` (set in CI) makes that a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DEMO = ROOT / "src" / "protestwatch" / "data" / "demo" / "articles"
VENDOR = ROOT / "src" / "protestwatch" / "web" / "static" / "vendor"
CHROMIUM = os.environ.get("PROTESTWATCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
#: Demo stories used: Almaty tariff rally (3 outlets), Tbilisi (2 stories, 3 outlets),
#: Mangystau strike, Yerevan hunger strike, Santiago clashes.
DEMO_FILES = ("01", "06", "15", "02", "09", "19", "03", "14", "22")
PASSWORD = "correct horse battery"


@dataclass
class Site:
    """The running server and what the tests need to know about it."""

    base: str
    db: Path
    users: dict[str, str] = field(default_factory=dict)  # name -> role

    def url(self, path: str) -> str:
        return self.base + path

    def api(self, path: str) -> Any:
        """GET a JSON API path as a logged-in coder would (a bearer token), for expectations."""
        req = urllib.request.Request(self.base + path, headers={"Authorization": f"Bearer {self.token}"})
        with urllib.request.urlopen(req, timeout=20) as resp:
            return json.loads(resp.read().decode("utf-8"))

    token: str = ""


def _require_browser() -> bool:
    return os.environ.get("PROTESTWATCH_REQUIRE_BROWSER", "") not in ("", "0", "false", "no")


def _skip_or_fail(reason: str) -> None:
    if _require_browser():
        pytest.fail(f"{reason} (PROTESTWATCH_REQUIRE_BROWSER is set)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _build_database(workdir: Path) -> Path:
    from protestwatch.api import Workspace
    from protestwatch.web.security import hash_password

    inbox = workdir / "articles"
    inbox.mkdir()
    for prefix in DEMO_FILES:
        for path in DEMO.glob(f"{prefix}-*.txt"):
            shutil.copy(path, inbox / path.name)
    for path in (HERE / "articles").glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    db = workdir / "e2e.db"
    with Workspace(db) as ws:
        report = ws.ingest([str(inbox)])
        assert report.events > 0, report
        store = ws.store
        # Cheap scrypt parameters: the tests log in many times; the format is the same.
        store.add_user("coder", hash_password(PASSWORD, n=1024), "coder")
        store.add_user("viewer", hash_password(PASSWORD, n=1024), "viewer")
    return db


def _token(db: Path) -> str:
    """An API token for the coder, stored the way the app stores tokens."""
    from protestwatch.store import open_store
    from protestwatch.web import security

    token = security.new_api_token()
    store = open_store(str(db))
    try:
        store.add_api_token("coder", security.digest(token), "e2e")
    finally:
        store.close()
    return token


def _wait_for(url: str, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.15)
    raise RuntimeError(f"the server did not answer {url} in time")


def start_server(db: Path, port: int, *, public: bool = False, tile_url: str | None = None,
                 log: Path | None = None) -> subprocess.Popen[bytes]:  # fmt: skip
    """``protestwatch serve`` in a subprocess (the command a user runs)."""
    cmd = [sys.executable, "-m", "protestwatch.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port)]  # fmt: skip
    if public:
        cmd.append("--public")
    if tile_url:
        cmd += ["--tile-url", tile_url]
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=str(db.parent))


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        _skip_or_fail(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    if not (VENDOR / "leaflet" / "leaflet.js").is_file():
        _skip_or_fail("the dashboard's vendor assets are missing (run `make assets`)")
    return CHROMIUM


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[Site]:
    workdir = tmp_path_factory.mktemp("e2e")
    db = _build_database(workdir)
    token = _token(db)
    port = _free_port()
    log = workdir / "server.log"
    proc = start_server(db, port, log=log)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base + "/api/v1/config", proc, time.monotonic() + 60)
    except RuntimeError:
        _stop(proc)
        raise RuntimeError(log.read_text(errors="replace")[-4000:]) from None
    yield Site(base=base, db=db, users={"coder": "coder", "viewer": "viewer"}, token=token)
    _stop(proc)


#: The tile server of the tile-URL test: a name that never resolves (the test answers for it).
TILE_URL = "http://tiles.invalid/{z}/{x}/{y}.png"


@pytest.fixture(scope="session")
def public_site(tmp_path_factory: pytest.TempPathFactory, site: Site) -> Iterator[Site]:
    """The same database served read-only in public mode, with a tile server configured."""
    port = _free_port()
    proc = start_server(site.db, port, public=True, tile_url=TILE_URL)
    base = f"http://127.0.0.1:{port}"
    _wait_for(base + "/api/v1/config", proc, time.monotonic() + 60)
    yield Site(base=base, db=site.db, token=site.token)
    _stop(proc)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    pw = sync_api.sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # a broken install: say why
        pw.stop()
        _skip_or_fail(f"Chromium did not start: {exc}")
    yield b
    b.close()
    pw.stop()


@dataclass
class Watch:
    """What a page did that it should not: dialogs, uncaught errors, console errors, requests
    that left the server."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


@pytest.fixture
def new_page(browser: Any, site: Site) -> Iterator[Any]:
    """A factory of pages, each in a fresh browser context (own cookies), watched."""
    contexts = []

    def make(base: str | None = None) -> Any:
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        watch = Watch()
        origin = base or site.base

        def on_dialog(dialog: Any) -> None:
            watch.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        def on_request(request: Any) -> None:
            url = request.url
            if not (url.startswith(origin) or url.startswith("data:") or url.startswith("about:")):
                watch.foreign.append(url)

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
        page.on("console", lambda msg: watch.console.append(msg.text) if msg.type == "error" else None)
        page.on("request", on_request)
        page.watch = watch
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def login(page: Any, site: Site, user: str, next_path: str = "/") -> None:
    """Log in through the real form and land on ``next_path``."""
    page.goto(site.url("/login?next=" + next_path))
    page.fill("#username", user)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("#login-button")
    assert page.url.startswith(site.url(next_path.split("?")[0])), page.url


@pytest.fixture
def e2e() -> Any:
    """Helpers for the tests (conftest modules are not importable by name here)."""

    class Helpers:
        login = staticmethod(login)
        password = PASSWORD

    return Helpers
