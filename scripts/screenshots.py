"""Screenshots of the dashboard and of an event page, for the documentation.

    python scripts/screenshots.py                 # uses demo.db (from `make demo`), else codes the demo
    python scripts/screenshots.py --db my.db --out docs/img

The database is copied to a temporary directory and a throw-away coder account is added to the
copy, so the original is never changed. ``protestwatch serve`` serves it on a free loopback port and
Debian's Chromium (``/usr/bin/chromium``, or ``--chromium``) takes the pictures: the dashboard
(``dashboard.png``) and the event with the most sources, with one piece of evidence opened in
its article (``event.png``).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prepare(db: Path | None, workdir: Path) -> tuple[Path, str]:
    """A copy of the database with a coder account; returns (path, password)."""
    from protestwatch.store import open_store
    from protestwatch.web.security import hash_password

    copy = workdir / "screens.db"
    if db is not None:
        if not db.is_file():
            raise SystemExit(f"screenshots: no database {db}")
        shutil.copyfile(db, copy)
        for suffix in ("-wal", "-shm"):
            side = Path(str(db) + suffix)
            if side.is_file():
                shutil.copyfile(side, Path(str(copy) + suffix))
    else:
        from protestwatch.demo import run_demo

        print("screenshots: coding the demo corpus ...", file=sys.stderr)
        run_demo(copy)
    password = secrets.token_urlsafe(16)
    store = open_store(str(copy))
    try:
        store.add_user("screenshots", hash_password(password, n=1024), "coder")
    finally:
        store.close()
    return copy, password


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"screenshots: the server exited ({proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("screenshots: the server did not start")


def _busiest_event(page: Any, base: str) -> str:
    data = page.evaluate(
        "url => fetch(url, {credentials: 'same-origin'}).then(r => r.json())",
        base + "/api/v1/events?per_page=200",
    )  # fmt: skip
    items = sorted(data["items"], key=lambda e: (-e["sources"], -e["disagreements"], e["id"]))
    if not items:
        raise SystemExit("screenshots: the database has no events")
    return str(items[0]["id"])


def take(base: str, password: str, out: Path, chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
        page = ctx.new_page()
        page.goto(base + "/login")
        page.fill("#username", "screenshots")
        page.fill("#password", password)
        with page.expect_navigation():
            page.click("#login-button")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_timeout(800)  # cluster animation and outlines
        target = out / "dashboard.png"
        page.screenshot(path=str(target))
        saved.append(target)

        event_id = _busiest_event(page, base)
        page.set_viewport_size({"width": 1440, "height": 1200})
        page.goto(f"{base}/events/{event_id}")
        page.wait_for_selector("body[data-ready='1']")
        quote = page.locator("#field-rows tr[data-field='size'] button.quote").first
        if quote.count() == 0:
            quote = page.locator("#field-rows button.quote").first
        if quote.count():
            quote.click()
            page.wait_for_selector("#article-text mark.focus")
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(500)
        target = out / "event.png"
        page.screenshot(path=str(target))
        saved.append(target)

        page.set_viewport_size({"width": 1440, "height": 900})
        page.goto(base + "/review")
        page.wait_for_selector("body[data-ready='1']")
        target = out / "review.png"
        page.screenshot(path=str(target))
        saved.append(target)
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="database (default: demo.db if present)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--chromium", default=os.environ.get("PROTESTWATCH_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        raise SystemExit(f"screenshots: no Chromium at {args.chromium} (apt-get install chromium)")
    db = args.db
    if db is None and (ROOT / "demo.db").is_file():
        db = ROOT / "demo.db"
    with tempfile.TemporaryDirectory(prefix="pw-screens-") as tmp:
        copy, password = _prepare(db, Path(tmp))
        port = _free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "protestwatch.cli", "serve", "--db", str(copy), "--host", "127.0.0.1",
             "--port", str(port)], cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _wait(f"http://127.0.0.1:{port}/api/v1/config", proc)
            saved = take(f"http://127.0.0.1:{port}", password, args.out, args.chromium)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(json.dumps([str(p) for p in saved]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
