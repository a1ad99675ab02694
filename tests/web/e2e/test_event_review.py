"""The event page and the review tools in headless Chromium: trace a field to its sentence,
accept, correct a field with the evidence span it rests on, see the change and its history."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.timeout(300)

# Selects the characters [start, end) of the article pane's text (offsets in the text shown).
SELECT_JS = """([start, end]) => {
    const body = document.getElementById('article-text');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let seen = 0, range = document.createRange(), node, began = false;
    while ((node = walker.nextNode())) {
        const len = node.textContent.length;
        if (!began && start < seen + len) { range.setStart(node, start - seen); began = true; }
        if (began && end <= seen + len) { range.setEnd(node, end - seen); break; }
        seen += len;
    }
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString();
}"""


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=15000)


def _multi_source_event(site: Any) -> dict[str, Any]:
    """The demo's Almaty tariff rally: three outlets that disagree on the crowd and arrests."""
    items = site.api("/api/v1/events?country=KZ&per_page=100")["items"]
    multi = [e for e in items if e["sources"] > 1 and e["locality"] == "Almaty"]
    assert multi, items
    return multi[0]


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_open_an_event_and_trace_a_field_to_its_sentence(new_page: Any, site: Any, e2e: Any) -> None:
    event = _multi_source_event(site)
    page = new_page()
    e2e.login(page, site, "viewer")
    _ready(page)
    with page.expect_navigation():
        page.click(f"#event-rows tr[data-id='{event['id']}'] a.event-link")
    _ready(page)
    assert page.url.endswith("/events/" + event["id"])
    assert "Almaty" in page.locator("#event-title").inner_text()

    # Every field of the event has a row; the size row quotes each outlet's sentence.
    size = page.locator("#field-rows tr[data-field='size']")
    assert size.count() == 1
    assert size.locator(".badge.warn").count() == 1  # the outlets disagree on the crowd
    assert size.locator(".source-evidence").count() == event["sources"]
    quote = size.locator("button.quote").first
    marked = _norm(quote.locator("mark").inner_text())
    assert re.search(r"\d|hundred|thousand|dozen", marked), marked

    # Clicking the quote opens its article with that very span highlighted in the full text.
    article_id = quote.get_attribute("data-article")
    quote.click()
    page.wait_for_selector(f"#article-text[data-article='{article_id}'] mark.focus")
    focus = _norm(" ".join(page.locator("#article-text mark.focus").all_inner_texts()))
    assert focus == marked
    assert page.locator(f"#article-tabs button.tab.active[data-article='{article_id}']").count() == 1
    article = site.api(f"/api/v1/articles/{article_id}")
    start = int(quote.get_attribute("data-start") or -1)
    end = int(quote.get_attribute("data-end") or -1)
    assert _norm(article["text"][start:end]) == marked

    # Where the sources disagree: their values side by side, the reconciled value and the rule.
    compare = page.locator("#disagreements table.compare tr[data-field='size']")
    assert compare.count() == 1
    cells = compare.locator("td")
    assert cells.count() == event["sources"] + 2
    assert compare.locator("td.reconciled").inner_text().strip() not in ("", "—")
    assert compare.locator("td").last.inner_text().strip() != ""  # the rule
    # The merge history: the reports the event was built from, and why.
    assert page.locator("#history").inner_text().count("ev-") >= event["sources"]
    # A viewer sees no review tools.
    assert page.locator("#event-actions").is_hidden()
    assert page.locator("button.edit-field").count() == 0
    assert not page.watch.errors and not page.watch.dialogs


def test_coder_accepts_and_corrects_a_field_with_its_evidence(new_page: Any, site: Any, e2e: Any) -> None:
    event = _multi_source_event(site)
    page = new_page()
    e2e.login(page, site, "coder", "/events/" + event["id"])
    _ready(page)

    # Accept: the review state changes and the history records who did it.
    page.click("#accept-event")
    page.wait_for_selector("#event-summary .badge.review-accepted")
    page.wait_for_selector("#history li[data-action]")
    assert "coder" in page.locator("#history ol.history").inner_text()

    # Correct the place detail, resting it on words selected in one of the articles.
    page.click("#article-tabs button.tab >> nth=0")
    article_id = page.get_attribute("#article-tabs button.tab.active", "data-article")
    page.wait_for_selector(f"#article-text[data-article='{article_id}']")
    text = site.api(f"/api/v1/articles/{article_id}")["text"]
    phrase = "Palace of the Republic"
    start = text.index(phrase)
    page.click("#field-rows tr[data-field='location_detail'] button.edit-field")
    page.wait_for_selector("form.field-editor[data-field='location_detail']")
    page.fill("#edit-value-location_detail", "outside the Palace of the Republic")
    page.fill("form.field-editor .edit-note", "the square named in all three reports")
    # Select the words last, so that no later typing moves the focus before the page's
    # "selectionchange" handler has recorded them; then wait for the editor to show them
    # (a machine evidence span naming the same words must not pass for the selection).
    page.check("form.field-editor input[type=radio][value='selection']")
    selected = page.evaluate(SELECT_JS, [start, start + len(phrase)])
    assert selected == phrase
    page.wait_for_function(
        "(phrase) => Array.from(document.querySelectorAll('form.field-editor label.evidence-option'))"
        ".some(l => l.querySelector(\"input[value='selection']\") && l.textContent.includes('“' + phrase + '”'))",
        arg=phrase,
    )  # fmt: skip
    page.click("form.field-editor button[type=submit]")
    row = page.locator("#field-rows tr[data-field='location_detail']")
    page.wait_for_function(
        "() => document.querySelector(\"#field-rows tr[data-field='location_detail'] .field-value\").textContent"
        " === 'outside the Palace of the Republic'"
    )  # fmt: skip
    assert row.locator(".badge.corrected").count() == 1
    history = page.locator("#history ol.history").inner_text()
    assert "outside the Palace of the Republic" in history
    assert "the square named in all three reports" in history

    # The server kept the correction with its evidence span, and the dashboard list shows it.
    detail = site.api(f"/api/v1/events/{event['id']}")
    field = next(f for f in detail["fields"] if f["field"] == "location_detail")
    assert field["value"] == "outside the Palace of the Republic"
    audit = site.api(f"/api/v1/audit?event_id={event['id']}")["items"]
    assert any(a.get("field") == "location_detail" and a.get("actor") == "coder" for a in audit), audit
    spans = [s for s in field["sources"] for s in s["evidence"]]
    assert any(s["start"] == start and s["end"] == start + len(phrase) for s in spans), spans
    # A grouped field (size: text, low, high) is edited one codebook field per input; only
    # what changed is sent.
    page.click("#field-rows tr[data-field='size'] button.edit-field")
    page.wait_for_selector("form.field-editor[data-field='size']")
    assert page.locator("form.field-editor[data-field='size'] .edit-value").count() == 3
    page.fill("#edit-value-size_high", "650")
    page.check("form.field-editor[data-field='size'] input[type=radio][value='0']")  # its first quote
    page.click("form.field-editor[data-field='size'] button[type=submit]")
    page.wait_for_function(
        "() => /650/.test(document.querySelector(\"#field-rows tr[data-field='size'] .field-value\").textContent)"
    )  # fmt: skip
    size = next(f for f in site.api(f"/api/v1/events/{event['id']}")["fields"] if f["field"] == "size")
    assert size["value"]["size_high"] == 650
    audit = site.api(f"/api/v1/audit?event_id={event['id']}")["items"]
    assert {a["field"] for a in audit if (a.get("field") or "").startswith("size")} == {"size_high"}
    listed = site.api("/api/v1/events?country=KZ&per_page=100")["items"]
    assert next(e for e in listed if e["id"] == event["id"])["review"] in ("accepted", "corrected")
    assert not page.watch.errors and not page.watch.dialogs


def test_review_queue_accept_and_reject(new_page: Any, site: Any, e2e: Any) -> None:
    page = new_page()
    e2e.login(page, site, "coder", "/review")
    _ready(page)
    queue = site.api("/api/v1/review/queue?per_page=100")
    assert queue["total"] >= 2
    rows = page.locator("#queue-rows tr[data-id]")
    first_id = rows.first.get_attribute("data-id")
    assert first_id == queue["items"][0]["id"]  # the server's order (disagreement, low confidence first)
    rows.first.locator("button", has_text="Accept").click()
    page.wait_for_selector(f"#queue-rows tr[data-id='{first_id}']", state="detached")
    # Reject one of the Chilean reports (the other tests keep their own events).
    second_id = next(e["id"] for e in queue["items"][1:] if e["country"] == "CL")
    second = page.locator(f"#queue-rows tr[data-id='{second_id}']")
    reject = second.locator("button", has_text="Reject")
    reject.click()  # asks again first
    assert page.locator(f"#queue-rows tr[data-id='{second_id}']").count() == 1
    second.locator("button.armed").click()
    page.wait_for_selector(f"#queue-rows tr[data-id='{second_id}']", state="detached")
    after = site.api("/api/v1/review/queue?per_page=100")
    assert after["total"] == queue["total"] - 2
    gone = {e["id"] for e in site.api("/api/v1/events?per_page=100")["items"]}
    assert second_id not in gone  # rejected: not a protest, out of the dataset views
    assert not page.watch.errors and not page.watch.dialogs


def test_viewer_cannot_open_the_review_queue(new_page: Any, site: Any, e2e: Any) -> None:
    page = new_page()
    e2e.login(page, site, "viewer")
    assert page.locator("nav.mainnav a[href='/review']").count() == 0
    response = page.goto(site.url("/review"))
    assert response is not None and response.status == 403


def test_split_an_event_then_merge_it_back(new_page: Any, site: Any, e2e: Any) -> None:
    before = site.api("/api/v1/events?country=GE&per_page=100")["items"]
    event = next(e for e in before if e["sources"] > 1)
    page = new_page()
    e2e.login(page, site, "coder", "/events/" + event["id"])
    _ready(page)

    # Split: tick one article, confirm; the event keeps the others, a new event has that one.
    boxes = page.locator("#event-actions .split-choice input[type=checkbox]")
    assert boxes.count() == event["sources"]
    moved = boxes.last.get_attribute("value")
    boxes.last.check()
    page.click("#event-actions button:has-text('Split off')")
    page.click("#event-actions button.armed")
    page.wait_for_function(
        "n => document.querySelectorAll('#article-tabs button.tab').length === n", arg=event["sources"] - 1
    )  # fmt: skip
    after = site.api("/api/v1/events?country=GE&per_page=100")["items"]
    new_ids = {e["id"] for e in after} - {e["id"] for e in before}
    assert len(new_ids) == 1, (before, after)
    new_id = new_ids.pop()
    assert [a["id"] for a in site.api(f"/api/v1/events/{new_id}")["articles"]] == [moved]
    page.wait_for_selector("#history li[data-action='split']")

    # Merge it back from the review page's form; the event page then lists every article again.
    page.goto(site.url("/review"))
    _ready(page)
    page.fill("#merge-a", event["id"])
    page.fill("#merge-b", new_id)
    page.fill("#merge-note", "one protest after all")
    page.click("#merge-form button[type=submit]")
    page.wait_for_selector("#status.ok")
    assert "Merged" in page.locator("#status").inner_text()
    page.goto(site.url("/events/" + event["id"]))
    _ready(page)
    assert page.locator("#article-tabs button.tab").count() == event["sources"]
    history = page.locator("#history").inner_text()
    assert "one protest after all" in history
    assert page.locator("#history li[data-action='merge']").count() >= 1
    assert not page.watch.errors and not page.watch.dialogs
