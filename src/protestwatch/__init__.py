"""protestwatch: news articles in, coded protest events out.

The public API::

    process(text, published=..., url=...) -> list[Event]     one article, in memory
    Workspace(db)                                             a database of articles and events
    Pipeline.load(PipelineConfig(...))                        the loaded pipeline, to reuse
    evaluate_gold(gold, db=... | articles=...)                scores against gold coding

and the data model (``Article``, ``Event`` and the codebook vocabularies).
"""

from protestwatch.api import RunReport, Workspace, evaluate_gold, process
from protestwatch.errors import (
    ConfigError, EvaluationError, GazetteerError, InputError, ProtestwatchError, SkippedArticle,
    StoreConflict, StoreError, StoreUnavailable,
)  # fmt: skip
from protestwatch.model import (
    ActorType, Article, DatePrecision, Event, Evidence, Force, Form, GeoPrecision, Issue,
    Organizer, Participant, Permit, Rejection, Report, Source, Status, SubEventType, Tactic,
    Target, TargetType,
)  # fmt: skip
from protestwatch.pipeline import ArticleResult, Pipeline, PipelineConfig
from protestwatch.store import EventFilter

__version__ = "0.1.0"

__all__ = [
    "ActorType", "Article", "ArticleResult", "ConfigError", "DatePrecision", "EvaluationError",
    "Event", "EventFilter", "Evidence", "Force", "Form", "GazetteerError", "GeoPrecision",
    "InputError", "Issue", "Organizer", "Participant", "Permit", "Pipeline", "PipelineConfig",
    "ProtestwatchError", "Rejection", "Report", "RunReport", "SkippedArticle", "Source", "Status",
    "StoreConflict", "StoreError", "StoreUnavailable", "SubEventType", "Tactic", "Target",
    "TargetType", "Workspace", "__version__",
    "evaluate_gold", "process",
]  # fmt: skip
