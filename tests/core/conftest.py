"""The pipeline the end-to-end cases code with, and the one way they code a short text."""

from __future__ import annotations

import datetime as dt

import pytest

from protestwatch.model import Article, Event
from protestwatch.pipeline import Pipeline, PipelineConfig


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load(PipelineConfig())


def code(pipeline: Pipeline, text: str, published: str = "2024-06-12") -> list[Event]:
    """The events ``pipeline`` codes from ``text``, published on ``published`` (ISO date)."""
    article = Article(text=text, id="case", published=dt.date.fromisoformat(published), language="en")
    return list(pipeline.process(article).events)


def keys(events: list[Event]) -> list[tuple[str, str | None, str]]:
    """The events as sorted (date_start, locality or country, status) triples."""
    return sorted((str(e.date_start), e.locality or e.country, e.status.value) for e in events)
