"""The library API: ``protestwatch.process`` on one article, and the public names."""

from __future__ import annotations

import datetime as dt

import pytest

import protestwatch
from protestwatch import Event, InputError, SkippedArticle

ARTICLE = (
    "KARAGANDA — Around 400 coal miners rallied outside the headquarters of the mining company "
    "in Karaganda on Tuesday, demanding a 30 percent pay rise and better safety equipment after "
    "an accident last month.\n\n"
    "The protest was organised by the independent miners' union, whose leader said the workers "
    "would stop work next week if management refused to negotiate. Police watched from a "
    "distance and no arrests were reported.\n"
)
NO_PROTEST = (
    "The government of Uzbekistan approved a plan on Monday to build three new solar power "
    "plants near Bukhara, the energy ministry said.\n\n"
    "The plants are expected to supply electricity to about 200,000 households by 2027.\n"
)

EXPECTED_PUBLIC_NAMES = [
    "ActorType", "Article", "ArticleResult", "ConfigError", "DatePrecision", "EvaluationError",
    "Event", "EventFilter", "Evidence", "Force", "Form", "GazetteerError", "GeoPrecision",
    "InputError", "Issue", "Organizer", "Participant", "Permit", "Pipeline", "PipelineConfig",
    "ProtestwatchError", "Rejection", "Report", "RunReport", "SkippedArticle", "Source", "Status",
    "StoreConflict", "StoreError", "StoreUnavailable", "SubEventType", "Tactic", "Target",
    "TargetType", "Workspace", "__version__", "evaluate_gold", "process",
]  # fmt: skip


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return protestwatch.process(ARTICLE, published="2024-05-02", url="https://example.org/miners")


def test_process_codes_the_article(events: list[Event]) -> None:
    assert len(events) >= 1
    rally = events[0]
    assert rally.country == "KZ" and rally.locality == "Karaganda"
    assert rally.date_start == dt.date(2024, 4, 30)  # the Tuesday before publication
    assert rally.size_low is not None and rally.size_low <= 400 <= (
        rally.size_high or rally.size_low
    )
    assert rally.sources[0].url == "https://example.org/miners"
    assert rally.sources[0].published == dt.date(2024, 5, 2)


def test_evidence_spans_are_inside_the_article(events: list[Event]) -> None:
    for event in events:
        assert event.evidence, event.id
        for name, spans in event.evidence.items():
            for span in spans:
                assert 0 <= span.start < span.end <= len(ARTICLE), (name, span)
                assert span.article_id == event.sources[0].article_id
                assert ARTICLE[span.start : span.end].strip(), (name, span)
    rally = events[0]
    locality = rally.evidence["locality"][0]
    assert ARTICLE[locality.start : locality.end] == "Karaganda"
    date = rally.evidence["date_start"][0]
    assert ARTICLE[date.start : date.end] == "Tuesday"


def test_process_is_deterministic(events: list[Event]) -> None:
    again = protestwatch.process(
        ARTICLE, published=dt.date(2024, 5, 2), url="https://example.org/miners"
    )
    assert [e.to_dict() for e in again] == [e.to_dict() for e in events]
    as_datetime = protestwatch.process(
        ARTICLE, published=dt.datetime(2024, 5, 2, 9, 30), url="https://example.org/miners"
    )
    assert [e.to_dict() for e in as_datetime] == [e.to_dict() for e in events]


def test_process_without_a_protest_returns_nothing() -> None:
    assert protestwatch.process(NO_PROTEST, published="2024-05-06") == []


def test_process_keeps_the_given_metadata() -> None:
    events = protestwatch.process(
        ARTICLE, published="2024-05-02", article_id="kz-miners-1", outlet="Steppe Wire",
        title="Miners rally in Karaganda",
    )  # fmt: skip
    assert events and all(e.sources[0].article_id == "kz-miners-1" for e in events)
    assert all(
        s.article_id == "kz-miners-1"
        for e in events
        for spans in e.evidence.values()
        for s in spans
    )
    assert events[0].sources[0].outlet == "Steppe Wire"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="no text"):
        protestwatch.process(text, published="2024-05-02")


@pytest.mark.parametrize("published", ["02/05/2024", "yesterday", "2024-13-01", 20240502])
def test_bad_publication_date_is_an_input_error(published: object) -> None:
    with pytest.raises(InputError, match="published"):
        protestwatch.process(ARTICLE, published=published)  # type: ignore[arg-type]


def test_unsupported_language_is_said_not_silent() -> None:
    french = (
        "Plusieurs centaines d'enseignants ont manifesté mardi devant le ministère de l'Éducation "
        "à Paris pour réclamer une hausse des salaires, selon les syndicats.\n"
    )
    with pytest.raises(SkippedArticle, match="'fr'"):
        protestwatch.process(french, published="2024-05-02")


def test_public_names_are_pinned() -> None:
    assert sorted(protestwatch.__all__) == sorted(EXPECTED_PUBLIC_NAMES)
    assert len(set(protestwatch.__all__)) == len(protestwatch.__all__)
    for name in protestwatch.__all__:
        assert getattr(protestwatch, name) is not None, name
    assert issubclass(SkippedArticle, InputError)
    assert issubclass(InputError, protestwatch.ProtestwatchError)
    assert issubclass(protestwatch.StoreConflict, protestwatch.StoreError)
    assert issubclass(protestwatch.StoreUnavailable, protestwatch.StoreError)
