"""Article text is data, never markup: an article whose title, outlet, URL and text carry
script and event-handler markup shows as text, and nothing of it runs. And the read-only public
mode shows the dataset with no account and no write tools."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest

pytestmark = pytest.mark.timeout(300)

NOTHING_RAN = "() => window.__pwInjected === undefined"


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=15000)


def _hostile_event(site: Any) -> dict[str, Any]:
    items = site.api("/api/v1/events?q=dock&per_page=100")["items"]
    found = [e for e in items if "Dock workers" in (e.get("headline") or "")]
    assert found, items
    return found[0]


def _no_foreign_markup(page: Any) -> None:
    """Only the page's own elements: no script but ours, no image the article asked for, no
    javascript: link, no inline event handler anywhere in the document."""
    report = page.evaluate(
        """() => ({
            scripts: Array.from(document.scripts).map(s => s.getAttribute('src')),
            imgs: Array.from(document.querySelectorAll('img')).map(i => i.getAttribute('src')),
            jsLinks: Array.from(document.querySelectorAll('a[href]'))
                .map(a => a.getAttribute('href')).filter(h => /^\\s*javascript:/i.test(h)),
            handlers: Array.from(document.querySelectorAll('*')).filter(el =>
                Array.from(el.attributes).some(a => /^on/i.test(a.name))).map(el => el.tagName),
            bold: document.querySelectorAll('#main b').length,
        })"""
    )  # fmt: skip
    assert all(s and s.startswith("/static/") for s in report["scripts"]), report
    assert not [i for i in report["imgs"] if i == "x"], report
    assert not report["jsLinks"], report
    assert not report["handlers"], report
    assert report["bold"] == 0, report


def test_hostile_article_shows_as_text_everywhere(new_page: Any, site: Any, e2e: Any) -> None:
    event = _hostile_event(site)
    page = new_page()
    e2e.login(page, site, "coder")
    _ready(page)

    # The list: the headline (the article's title) shows its markup as text.
    row = page.locator(f"#event-rows tr[data-id='{event['id']}']")
    assert "<script>alert('title')</script>" in row.locator(".headline").inner_text()
    # The map popup too.
    row.locator("button.icon-button").click()
    page.wait_for_selector(".leaflet-popup .pw-popup-headline")
    assert "<img src=x onerror=alert('img')>" in page.locator(".leaflet-popup .pw-popup-headline").inner_text()
    _no_foreign_markup(page)

    # The event page: title, outlet, quotes and the full text are all text.
    page.goto(site.url("/events/" + event["id"]))
    _ready(page)
    page.wait_for_selector("#article-text")
    view = page.locator("#article-view")
    assert "<script>alert('title')</script>" in view.locator("h3").inner_text()
    assert "<b onmouseover=alert('outlet')>Gazette</b>" in view.inner_text()
    body = page.locator("#article-text").inner_text()
    assert "<script>window.__pwInjected = 1; alert('text')</script>" in body
    assert "onerror=\"window.__pwInjected=2;alert('onerror')\"" in body
    tabs = page.locator("#article-tabs").inner_text()
    assert "<b onmouseover" in tabs
    # Quoting the evidence sentences does not revive the markup either.
    assert page.locator("#field-rows button.quote").count() > 0
    _no_foreign_markup(page)

    # A correction typed by a user is text as well.
    page.click("#field-rows tr[data-field='location_detail'] button.edit-field")
    payload = '<img src=x onerror="window.__pwInjected=3">"><script>window.__pwInjected=4</script>'
    page.fill("#edit-value-location_detail", payload)
    page.check("form.field-editor input[type=radio][value='none']")
    page.click("form.field-editor button[type=submit]")
    page.wait_for_function(
        "p => document.querySelector(\"#field-rows tr[data-field='location_detail'] .field-value\").textContent === p",
        arg=payload,
    )  # fmt: skip
    assert payload in page.locator("#history").inner_text()
    page.reload()
    _ready(page)
    page.wait_for_timeout(300)
    _no_foreign_markup(page)
    assert page.evaluate(NOTHING_RAN)
    assert not page.watch.dialogs, page.watch.dialogs
    assert not page.watch.errors, page.watch.errors


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def test_public_mode_reads_without_an_account(new_page: Any, public_site: Any) -> None:
    page = new_page(public_site.base)
    tiles: list[str] = []

    def tile(route: Any) -> None:
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route("http://tiles.invalid/**", tile)
    page.goto(public_site.url("/"))
    _ready(page)
    assert page.url == public_site.url("/")  # no redirect to a login page
    assert page.locator("#event-rows tr[data-id]").count() > 0
    assert "public" in page.locator("header .account").inner_text()
    assert page.locator("nav.mainnav a[href='/review']").count() == 0
    assert page.locator("header a[href='/login']").count() == 0

    # --tile-url: the map draws that server's tiles, the outlines stay one click away.
    page.wait_for_selector("#map img.leaflet-tile-loaded")
    assert tiles and all(re.fullmatch(r"http://tiles\.invalid/\d+/-?\d+/-?\d+\.png", t) for t in tiles), tiles
    assert "Country outlines" in (page.locator("#map .leaflet-control-layers").text_content() or "")
    assert "tiles.invalid" in page.locator("#map .leaflet-control-attribution").inner_text()
    assert all(u.startswith("http://tiles.invalid/") for u in page.watch.foreign), page.watch.foreign

    first = page.locator("#event-rows a.event-link").first
    with page.expect_navigation():
        first.click()
    _ready(page)
    assert page.locator("#field-rows tr[data-field]").count() > 5
    assert page.locator("#event-actions").is_hidden()
    assert page.locator("button.edit-field").count() == 0
    assert not page.watch.errors and not page.watch.dialogs
