"""Evaluation: score coded events against hand-coded gold files.

- ``gold``      ``load_gold`` reads gold files into ``GoldArticle`` objects
- ``matching``  which predicted event is which gold event (dates overlap, place agrees, one to one)
- ``fields``    per-field comparators for matched pairs
- ``names``     name normalisation, place aliases, token overlap
- ``scoring``   ``evaluate`` → ``EvaluationReport`` (``report``)
"""

from __future__ import annotations

from .fields import FIELD_ROWS, Comparison, FieldOptions, compare_events
from .gold import GoldArticle, load_gold, parse_gold_article
from .matching import assign, compatible
from .names import DEFAULT_ALIASES, PlaceAlias, default_alias, normalise, place_key
from .report import DetectionScores, EvaluationReport, EventRef, FieldScore, Match
from .scoring import evaluate, group_by_article

__all__ = [
    "DEFAULT_ALIASES",
    "FIELD_ROWS",
    "Comparison",
    "DetectionScores",
    "EvaluationReport",
    "EventRef",
    "FieldOptions",
    "FieldScore",
    "GoldArticle",
    "Match",
    "PlaceAlias",
    "assign",
    "compare_events",
    "compatible",
    "default_alias",
    "evaluate",
    "group_by_article",
    "load_gold",
    "normalise",
    "parse_gold_article",
    "place_key",
]
