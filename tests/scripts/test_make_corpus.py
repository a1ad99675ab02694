"""Tests for scripts/make_corpus.py, the synthetic benchmark corpus generator."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
import re
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_corpus.py"
FIELDS = {"id", "url", "title", "outlet", "published", "text"}
PROTEST_WORDS = re.compile(
    r"protest|picket|rally|march|strike|vigil|sit-in|blocked|clashed|demonstrat", re.I)


def _load_module():
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


mc = _load_module()


@pytest.fixture(scope="module")
def cities():
    return mc.load_cities()


@pytest.fixture(scope="module")
def sample(cities):
    """400 articles, a third of them protests, so every protest kind shows up."""
    return list(mc.generate(400, 0.33, 11, cities))


def _words(text: str) -> int:
    return len(text.split())


def test_same_seed_same_corpus_other_seed_differs(cities):
    first = list(mc.generate(150, 0.2, 7, cities))
    again = list(mc.generate(150, 0.2, 7, cities))
    other = list(mc.generate(150, 0.2, 8, cities))
    assert first == again
    assert [a["text"] for a, _ in first] != [a["text"] for a, _ in other]


@pytest.mark.parametrize("n, share", [(200, 0.05), (101, 0.5), (50, 0.0), (40, 1.0), (7, 0.3)])
def test_counts_and_share_are_exact(cities, n, share):
    pairs = list(mc.generate(n, share, 3, cities))
    assert len(pairs) == n
    assert sum(protest for _, protest in pairs) == round(n * share)


def test_protest_articles_are_spread_through_the_corpus(cities):
    flags = [p for _, p in mc.generate(1000, 0.1, 5, cities)]
    assert sum(flags[:500]) > 20 and sum(flags[500:]) > 20


def test_lengths_are_news_like(sample):
    lengths = [_words(a["text"]) for a, _ in sample]
    assert min(lengths) >= mc.MIN_WORDS
    assert max(lengths) <= mc.MAX_WORDS
    assert 450 <= sum(lengths) / len(lengths) <= 750


def test_records_are_complete_and_well_formed(sample):
    ids = [a["id"] for a, _ in sample]
    assert len(set(ids)) == len(ids)
    for article, _ in sample:
        assert set(article) == FIELDS
        assert all(isinstance(article[k], str) and article[k] for k in FIELDS)
        published = dt.date.fromisoformat(article["published"])
        assert mc.FIRST_DATE <= published <= mc.LAST_DATE
        assert article["url"].startswith("https://")
        assert " " not in article["url"]
        for field in ("title", "text"):
            assert not re.search(r"[{}\[\]]", article[field]), article[field][:200]
        assert not article["text"][0].islower()


def test_protest_and_other_articles_differ_as_intended(sample):
    protests = [a["text"] for a, p in sample if p]
    others = [a["text"] for a, p in sample if not p]
    assert all(PROTEST_WORDS.search(t) for t in protests)
    # hard negatives: protest-like words in ordinary news
    hard = [t for t in others if re.search(r"strike|protest|rall(y|ied)|march", t, re.I)]
    assert len(hard) > len(others) // 4
    assert any("protest vote" in t for t in others)


def test_texts_are_varied(sample):
    leads = [a["text"].split("\n\n")[0] for a, _ in sample]
    titles = [a["title"] for a, _ in sample]
    assert len(set(leads)) >= 0.97 * len(leads)
    assert len(set(titles)) >= 0.9 * len(titles)
    paragraph_counts = {a["text"].count("\n\n") for a, _ in sample}
    assert len(paragraph_counts) > 5
    vocabulary = {w for a, p in sample if p for w in re.findall(r"[A-Za-z]+", a["text"])}
    assert len(vocabulary) > 1000  # places, names and organisations, not a few fixed texts


def test_no_sentence_repeats_within_a_protest_article(sample):
    for article, protest in sample:
        if not protest:
            continue
        sentences = re.split(r"(?<=[.!?\"])\s+", article["text"])
        assert len(sentences) == len(set(sentences)), article["title"]


def test_invalid_arguments_are_rejected(cities):
    with pytest.raises(ValueError):
        list(mc.generate(10, 1.5, 1, cities))
    with pytest.raises(ValueError):
        list(mc.generate(-1, 0.1, 1, cities))


def test_cli_writes_jsonl_and_gold(tmp_path):
    out, gold = tmp_path / "corpus.jsonl", tmp_path / "gold.txt"
    assert mc.main(["--n", "120", "--protest-share", "0.1", "--seed", "4",
                    "--out", str(out), "--gold", str(gold)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 120 and len({r["id"] for r in records}) == 120
    protest_ids = gold.read_text(encoding="utf-8").split()
    assert len(protest_ids) == 12
    assert set(protest_ids) <= {r["id"] for r in records}
    expected = [a["id"] for a, p in mc.generate(120, 0.1, 4) if p]
    assert protest_ids == expected


def test_cli_rejects_a_bad_share(tmp_path):
    with pytest.raises(SystemExit) as exc:
        mc.main(["--n", "5", "--protest-share", "2", "--out", str(tmp_path / "x.jsonl")])
    assert exc.value.code == 2


@pytest.mark.parametrize("days_back", range(7))
def test_relative_dates_name_the_right_day(days_back):
    published = dt.date(2022, 3, 16)  # a Wednesday
    day = published - dt.timedelta(days=days_back)
    for seed in range(20):
        phrase = mc.when_phrase(random.Random(seed), published, days_back)
        names_day = mc.WEEKDAYS[day.weekday()] in phrase or f"{mc.MONTHS[day.month - 1]} {day.day}" in phrase
        relative = phrase in ("today", "earlier today", "yesterday")
        assert names_day or relative, phrase
        assert not (days_back > 1 and relative)


def test_templates_expand_alternatives():
    variants = mc.expand_template("[A|B] met {person} [here|there|now].")
    assert len(variants) == 6
    assert "B met {person} there." in variants


def test_generation_is_fast(cities):
    start = time.process_time()
    list(mc.generate(1000, 0.05, 2, cities))
    assert time.process_time() - start < 5.0


def test_no_template_tag_leaks_into_the_text(cities):
    """Tags such as ``@hard`` select templates; they must never reach an article's text."""
    for record, _is_protest in mc.generate(600, 0.05, 3, cities):
        assert "@hard" not in record["text"] and "@hard" not in record["title"]
