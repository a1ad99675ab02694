"""The generated corpus's re-reports (``make_corpus.py --rereport-share``): another outlet's report
of an event an earlier article reported.  They give the scale runs real-world events with several
sources; the corpus without them is unchanged."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.fixture(scope="module")
def mc(helpers: SimpleNamespace):
    import sys

    sys.path.insert(0, str(helpers.ROOT / "scripts"))
    try:
        import make_corpus
    finally:
        sys.path.pop(0)
    return make_corpus


@pytest.fixture(scope="module")
def cities(mc):
    return mc.load_cities()


def test_without_rereports_the_corpus_is_unchanged(mc, cities) -> None:
    plain = list(mc.generate(120, 0.2, 5, cities))
    assert list(mc.generate(120, 0.2, 5, cities, rereport_share=0.0)) == plain


def test_rereports_tell_the_same_event_from_another_outlet(mc, cities) -> None:
    pairs: dict[str, str] = {}
    corpus = list(mc.generate(600, 0.3, 9, cities, rereport_share=0.4, rereports=pairs))
    by_id = {a["id"]: (a, p) for a, p in corpus}
    protests = [a for a, p in corpus if p]
    assert len(protests) == 180  # the protest share is still exact
    assert len(pairs) == round(180 * 0.4)
    order = [a["id"] for a, _ in corpus]
    for again, source_id in pairs.items():
        a, is_protest = by_id[again]
        s, source_is_protest = by_id[source_id]
        assert is_protest and source_is_protest
        assert order.index(source_id) < order.index(again)
        assert a["outlet"] != s["outlet"] and a["text"] != s["text"]
        delay = (dt.date.fromisoformat(a["published"]) - dt.date.fromisoformat(s["published"])).days
        assert 0 <= delay <= 2
    # leads name the event's day consistently: a weekday named in a re-report's lead is a day
    # within the week before its publication
    for again in list(pairs)[:30]:
        a, _ = by_id[again]
        lead = a["text"].split("\n\n")[0]
        published = dt.date.fromisoformat(a["published"])
        named = [d for d in WEEKDAYS if d in lead]
        if named:
            assert any(WEEKDAYS[(published - dt.timedelta(days=k)).weekday()] == named[0] for k in range(7))


def test_rereports_share_their_event_details(mc, cities) -> None:
    import random

    rng = random.Random(3)
    codes = sorted(cities)
    source, slots = mc._article_and_slots(rng, 1, True, cities, codes)
    for k in range(20):
        again = mc.rereport_article(rng, 2 + k, source, slots, cities, codes)
        told = again["title"] + "\n" + again["text"]
        assert slots["city"] in told or slots["CITY_UP"] in told  # the same place
        assert slots["actors"] in told.lower() or slots["Actors_cap"] in told or slots["kind"] in told.lower()
        assert again["outlet"] != source["outlet"]
        assert again["id"] == f"syn-{2 + k:06d}"
