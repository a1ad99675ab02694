"""The dashboard in headless Chromium: first view, facet filtering, shareable URLs, offline
assets."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

FIRST_VIEW_BUDGET_MS = 2000.0

pytestmark = pytest.mark.timeout(300)


def _ready(page: Any, generation: int | None = None) -> None:
    """Wait until the page has drawn its data (and, after a change, the reload it caused)."""
    page.wait_for_selector("body[data-ready='1']", timeout=15000)
    if generation is not None:
        page.wait_for_function(
            "g => Number(document.body.dataset.generation || 0) > g && !document.body.classList.contains('loading')",
            arg=generation, timeout=15000,
        )  # fmt: skip


def _generation(page: Any) -> int:
    return int(page.evaluate("Number(document.body.dataset.generation || 0)"))


def _map_count(page: Any) -> int:
    """Events drawn on the map: lone markers plus the counts written on the clusters."""
    return int(page.evaluate(
        """() => {
            const lone = document.querySelectorAll('#map .leaflet-marker-pane .pw-dot').length;
            const grouped = Array.from(document.querySelectorAll('#map .pw-cluster-count'))
                .reduce((n, el) => n + Number(el.textContent), 0);
            return lone + grouped;
        }"""
    ))  # fmt: skip


def _map_settles_at(page: Any, expected: int) -> None:
    """The map ends up showing exactly ``expected`` events (cluster animations take a moment)."""
    try:
        page.wait_for_function(
            """n => {
                const lone = document.querySelectorAll('#map .leaflet-marker-pane .pw-dot').length;
                const grouped = Array.from(document.querySelectorAll('#map .pw-cluster-count'))
                    .reduce((k, el) => k + Number(el.textContent), 0);
                return lone + grouped === n && !document.querySelector('#map .leaflet-cluster-anim');
            }""", arg=expected, timeout=5000,
        )  # fmt: skip
    except Exception:
        assert _map_count(page) == expected
        raise


def _timeline_total(page: Any) -> int:
    titles = page.eval_on_selector_all("#timeline g.bar title", "els => els.map(e => e.textContent)")
    total = 0
    for t in titles:
        m = re.search(r": (\d+) events?$", t)
        assert m, t
        total += int(m.group(1))
    return total


def _located(site: Any, query: str) -> int:
    geo = site.api("/api/v1/events.geojson" + query)
    return sum(1 for f in geo["features"] if f.get("geometry"))


def _dated(site: Any, query: str) -> int:
    agg = site.api("/api/v1/aggregates" + (query + "&" if query else "?") + "by=month")
    return sum(b["count"] for b in agg["buckets"])


def test_first_view_is_interactive_within_budget(new_page: Any, site: Any, e2e: Any) -> None:
    """Logging in lands on the dashboard: a fresh navigation with an empty cache. The time from
    the start of that navigation to the page's "interactive" mark (list, map, facets and
    timeline drawn, handlers bound) must be under the budget. A second cold try in a new
    browser context absorbs one hiccup of a busy machine; a slow page fails both."""
    times = []
    for _ in range(2):
        page = new_page()
        e2e.login(page, site, "viewer")
        _ready(page)
        times.append(page.evaluate("performance.getEntriesByName('pw-interactive')[0].startTime"))
        if times[-1] < FIRST_VIEW_BUDGET_MS:
            break
    print("\nfirst view interactive after " + ", then ".join(f"{t:.0f} ms" for t in times))
    assert min(times) < FIRST_VIEW_BUDGET_MS
    # It really is interactive: the list, the map and the facets are there and respond.
    assert page.locator("#event-rows tr[data-id]").count() > 0, (page.watch.console, page.watch.errors)
    assert _map_count(page) > 0
    before = _generation(page)
    page.locator("button.facet-value[data-facet='form']").first.click()
    _ready(page, before)
    assert "form=" in page.url


def test_country_facet_filters_map_timeline_list_and_url(new_page: Any, site: Any, e2e: Any) -> None:
    page = new_page()
    e2e.login(page, site, "viewer")
    _ready(page)
    everything = site.api("/api/v1/events?per_page=1")["total"]
    assert page.locator("#total-count").inner_text() == str(everything)
    _map_settles_at(page, _located(site, ""))
    assert _timeline_total(page) == _dated(site, "")

    kz = page.locator("button.facet-value[data-facet='country'][data-value='KZ']")
    assert "Kazakhstan" in kz.inner_text()
    gen = _generation(page)
    kz.click()
    _ready(page, gen)

    # The URL holds the filter ...
    assert parse_qs(urlparse(page.url).query)["country"] == ["KZ"]
    expected = site.api("/api/v1/events?country=KZ&per_page=100")
    assert 0 < expected["total"] < everything
    # ... and the list, the map and the timeline all show the Kazakh events only.
    assert page.locator("#total-count").inner_text() == str(expected["total"])
    rows = page.locator("#event-rows tr[data-id]")
    assert rows.count() == len(expected["items"])
    ids = set(rows.evaluate_all("rs => rs.map(r => r.dataset.id)"))
    assert ids == {e["id"] for e in expected["items"]}
    for text in page.locator("#event-rows a.event-link").all_inner_texts():
        assert "Kazakhstan" in text
    _map_settles_at(page, _located(site, "?country=KZ"))
    assert _timeline_total(page) == _dated(site, "?country=KZ")
    assert page.locator("#active-filters .chip[data-filter='country']").count() == 1
    assert page.locator("button.facet-value.active[data-value='KZ']").count() == 1
    # The export links carry the same filter.
    assert "country=KZ" in (page.get_attribute("#export-csv", "href") or "")

    # The URL is shareable: another browser (its own login) opens the same filtered view.
    shared = page.url
    other = new_page()
    e2e.login(other, site, "viewer", "/" + shared.split("/", 3)[3])
    _ready(other)
    assert other.locator("#total-count").inner_text() == str(expected["total"])
    assert other.locator("#active-filters .chip[data-filter='country']").count() == 1

    # Removing the filter (its chip) brings everything back; Back in history re-applies it.
    gen = _generation(page)
    page.click("#active-filters .chip[data-filter='country']")
    _ready(page, gen)
    assert page.locator("#total-count").inner_text() == str(everything)
    assert "country" not in parse_qs(urlparse(page.url).query)
    gen = _generation(page)
    page.go_back()
    _ready(page, gen)
    assert page.locator("#total-count").inner_text() == str(expected["total"])
    for page_ in (page, other):
        assert not page_.watch.errors, page_.watch.errors
        assert not page_.watch.dialogs


def test_timeline_bar_sets_a_date_filter(new_page: Any, site: Any, e2e: Any) -> None:
    page = new_page()
    e2e.login(page, site, "viewer")
    _ready(page)
    bar = page.locator("#timeline g.bar:not(.zero)").last
    start, end = bar.get_attribute("data-from"), bar.get_attribute("data-to")
    gen = _generation(page)
    bar.click()
    _ready(page, gen)
    query = parse_qs(urlparse(page.url).query)
    assert query["date_from"] == [start] and query["date_to"] == [end]
    expected = site.api(f"/api/v1/events?date_from={start}&date_to={end}&per_page=1")["total"]
    assert expected > 0
    assert page.locator("#total-count").inner_text() == str(expected)
    assert page.input_value("#f-date_from") == start


def test_text_search_and_colour_setting(new_page: Any, site: Any, e2e: Any) -> None:
    page = new_page()
    e2e.login(page, site, "viewer")
    _ready(page)
    gen = _generation(page)
    page.fill("#f-q", "tariffs")
    page.press("#f-q", "Enter")
    _ready(page, gen)
    assert parse_qs(urlparse(page.url).query)["q"] == ["tariffs"]
    expected = site.api("/api/v1/events?q=tariffs&per_page=1")["total"]
    assert page.locator("#total-count").inner_text() == str(expected)
    page.select_option("#color-by", "sub_event_type")
    assert "colour=sub_event_type" in page.url
    legend = page.locator("#legend").inner_text()
    assert "Protest with intervention" in legend or "Peaceful protest" in legend


def test_assets_come_from_the_app_itself(new_page: Any, site: Any, e2e: Any) -> None:
    page = new_page()
    e2e.login(page, site, "viewer")
    _ready(page)
    scripts = page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
    assert scripts and all(s and s.startswith("/static/") for s in scripts), scripts
    styles = page.eval_on_selector_all("link[rel=stylesheet]", "els => els.map(e => e.getAttribute('href'))")
    assert all(s.startswith("/static/") for s in styles), styles
    assert page.evaluate("typeof L === 'object' && typeof L.markerClusterGroup === 'function'")
    assert not page.watch.foreign, page.watch.foreign
    # The country outlines are drawn (an SVG/canvas layer in the map), with no tile server.
    assert page.locator("#map canvas, #map svg path").count() > 0


def test_without_vendor_assets_the_page_says_so_and_the_list_still_works(new_page: Any, site: Any, e2e: Any) -> None:
    page = new_page()
    e2e.login(page, site, "viewer")
    page.route("**/static/vendor/**", lambda route: route.abort())
    page.goto(site.url("/"))
    _ready(page)
    assert page.locator("#asset-warning").is_visible()
    assert "make assets" in page.locator("#asset-warning").inner_text()
    assert page.locator("#event-rows tr[data-id]").count() > 0
