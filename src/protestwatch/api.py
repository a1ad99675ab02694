"""The library API: one article in memory, or a collection in a database.

    >>> import protestwatch
    >>> events = protestwatch.process(text, published="2021-03-30", url="https://...")
    >>> with protestwatch.Workspace("events.db") as ws:
    ...     ws.ingest(["articles/"])          # reads, stores and codes
    ...     ws.events(country="KZ")
    ...     ws.export("events.csv", "acled")

Library functions never print; progress is reported through an optional callback.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protestwatch.errors import InputError, SkippedArticle, StoreError
from protestwatch.ingest import IngestOptions, read_inputs
from protestwatch.model import Article, Event, Rejection
from protestwatch.parallel import Outcome, save_outcome
from protestwatch.pipeline import PIPELINE_VERSION, ArticleResult, Pipeline, PipelineConfig
from protestwatch.store import EventFilter, SQLiteStore, is_url, open_store

logger = logging.getLogger(__name__)

Progress = Callable[[int], None]  # called with the number of items just done


def default_pipeline(config: PipelineConfig | None = None) -> Pipeline:
    """The pipeline ``process`` (and a ``Workspace`` given none) uses: loaded once per
    configuration, then shared."""
    return _shared_pipeline(config or PipelineConfig())


@functools.lru_cache(maxsize=2)
def _shared_pipeline(config: PipelineConfig) -> Pipeline:
    return Pipeline.load(config)


def process(
    text: str,
    published: dt.date | str | None = None,
    url: str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    language: str | None = None,
    pipeline: Pipeline | None = None,
) -> list[Event]:
    """Code one article's text into protest events (an empty list when it reports none).

    Without ``published``, dates such as "on Friday" cannot be resolved, and events dated only
    that way are not coded.  ``InputError`` for an empty text or a bad date; ``SkippedArticle``
    when the pipeline cannot read the article (e.g. a language it does not support).
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError("the article has no text")
    article = Article(
        text=text, id=article_id or "", url=url, title=title, outlet=outlet,
        published=_as_date(published), language=language,
    )  # fmt: skip
    result = (pipeline or default_pipeline()).process(article)
    if result.state == "skipped":
        raise SkippedArticle(result.reason or "the pipeline cannot code this article", article.id)
    return list(result.events)


def _as_date(published: dt.date | str | None) -> dt.date | None:
    """A publication date given as a date, a datetime or an ISO string."""
    if published is None or type(published) is dt.date:
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"published date {published!r} is not a date or an ISO date (YYYY-MM-DD)")


@dataclass
class RunReport:
    """Counts of one ingest or run."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    rejected: int = 0
    coded: int = 0
    skipped: int = 0
    gated_out: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The counts alone (what a run's row records)."""
        return {k: v for k, v in self.__dict__.items() if isinstance(v, int)}

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "rejections"}
        d["rejections"] = [r.to_dict() for r in self.rejections]
        return d


class Workspace:
    """A database of articles and events, and the operations on it."""

    def __init__(
        self,
        db: str | Path,
        config: PipelineConfig | None = None,
        *,
        pipeline: Pipeline | None = None,
        create: bool = True,
    ) -> None:
        """Open the database ``db``, creating it unless ``create`` is false (then a missing file
        is a ``StoreError``)."""
        if not create and str(db) != ":memory:" and not is_url(db) and not Path(db).is_file():
            raise StoreError(f"no database {db}: create it with `protestwatch ingest ... --db {db}`")
        self.store: SQLiteStore = open_store(db)
        # the configuration parallel workers rebuild the pipeline from: a given pipeline's own
        self.config = config or (pipeline.config if pipeline is not None else PipelineConfig())
        self._pipeline = pipeline
        self.db = str(db)  # what parallel workers open when they save their own results

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = default_pipeline(self.config)
        return self._pipeline

    # -- writing -----------------------------------------------------------------------------

    def ingest(
        self,
        inputs: Iterable[str],
        options: IngestOptions | None = None,
        *,
        code: bool = True,
        progress: Progress | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
    ) -> RunReport:
        """Read inputs into the database (each article once), then code what is new."""
        report = RunReport()
        run_id = self.store.start_run("ingest", PIPELINE_VERSION)
        for item in read_inputs(inputs, options=options):
            if isinstance(item, Rejection):
                report.rejected += 1
                report.rejections.append(item)
                self.store.add_rejection(item, run_id)
                if on_reject:
                    on_reject(item)
            else:
                report.read += 1
                if self.store.add_article(item, run_id):
                    report.new += 1
                else:
                    report.duplicates += 1
            if progress:
                progress(1)
        self.store.finish_run(run_id, report.counts())
        if code:
            coded = self.run()
            report.coded, report.skipped = coded.coded, coded.skipped
            report.gated_out, report.events = coded.gated_out, coded.events
        return report

    def run(
        self, *, redo: bool = False, progress: Progress | None = None, workers: int = 1,
        scheduler: str | None = None, writer: str = "auto",
    ) -> RunReport:  # fmt: skip
        """Code every article not yet coded (all of them with ``redo``).  Safe to interrupt and
        start again: each article is saved in one transaction.  ``workers`` > 1 codes with that
        many local processes, ``scheduler`` (``tcp://host:port``) on a Dask cluster; ``writer``
        says who saves (see ``protestwatch.parallel``)."""
        if workers > 1 or scheduler:
            from protestwatch.parallel import run_parallel

            return run_parallel(self, redo=redo, progress=progress, workers=workers,
                                scheduler=scheduler, writer=writer)  # fmt: skip
        report = RunReport()
        ids = self.store.pending_ids(redo=redo)
        if not ids:
            if last_run_unfinished(self.store):  # killed while grouping, perhaps: group now
                run_id = self.store.start_run("run", PIPELINE_VERSION)
                self.dedup()
                self.store.finish_run(run_id, report.counts())
            return report
        run_id = self.store.start_run("run", PIPELINE_VERSION)
        articles = (a for a in map(self.store.get_article, ids) if a is not None)
        for result in self.pipeline.process_many(articles):
            self._save(result, run_id, report)
            if progress:
                progress(1)
        if report.coded:
            self.dedup()  # new reports join the real-world events they report
        self.store.finish_run(run_id, report.counts())  # only now: a run killed while grouping is redone
        return report

    def dedup(self, options: Any = None) -> Any:
        """Group the per-article events into real-world events (incremental: re-running over
        the same events changes nothing; human merges and splits are kept)."""
        from protestwatch.store.clusters import cluster_store

        return cluster_store(self.store, options)

    def merge(self, a: str, b: str, *, author: str, note: str | None = None) -> str:
        """Merge two real-world events (ids of events in them, or their ids) by hand."""
        from protestwatch.store.clusters import merge

        return merge(self.store, a, b, author=author, note=note)

    def split(self, event_id: str, article_ids: Iterable[str], *, author: str, note: str | None = None) -> str:
        """Split the reports of ``article_ids`` out of a real-world event by hand."""
        from protestwatch.store.clusters import split

        return split(self.store, event_id, list(article_ids), author=author, note=note)

    def real_events(self, flt: EventFilter | None = None, **criteria: Any) -> list[Any]:
        """The real-world events (each with every source's values and the reconciled ones)."""
        from protestwatch.store.clusters import reconciled_events

        return reconciled_events(self.store, flt or EventFilter(**criteria))

    def real_event(self, event_id: str) -> Any:
        from protestwatch.store.clusters import reconciled_event

        return reconciled_event(self.store, event_id)

    def _save(self, result: ArticleResult, run_id: int, report: RunReport) -> None:
        """Save one article's coding and count it (as the parallel runs do)."""
        save_outcome(self.store, Outcome.of(result), run_id, report)

    def correct(self, event_id: str, field_name: str, value: Any, *, author: str, note: str | None = None) -> Event:
        """Set one field of an event by hand; later machine runs keep it."""
        return self.store.correct(event_id, field_name, value, author=author, note=note)

    def review(self, event_id: str, decision: str, *, author: str, note: str | None = None) -> Event:
        """Accept or reject (not a protest) an event; later machine runs keep the decision."""
        return self.store.correct(event_id, "_review", decision, author=author, note=note)

    # -- reading -----------------------------------------------------------------------------

    def events(self, flt: EventFilter | None = None, **criteria: Any) -> list[Event]:
        flt = flt or EventFilter(**criteria)
        if flt.text:  # a malformed full-text query is the caller's error, named as such
            self.store.search_articles(flt.text, limit=1)
        return self.store.events(flt)

    def event(self, event_id: str) -> Event | None:
        return self.store.get_event(event_id)

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        yield from self.events(flt)

    def export(self, out: Any, fmt: str, flt: EventFilter | None = None, **options: Any) -> int:
        """Write the (filtered) events to ``out`` (a path, or an open file) in ``fmt`` (jsonl,
        acled, geojson, parquet); a path's missing directories are created."""
        from protestwatch.export import export_events

        real_world = options.pop("real_world", False)
        if isinstance(out, (str, Path)):
            Path(out).parent.mkdir(parents=True, exist_ok=True)
        if not real_world:
            return export_events(self.events(flt), out, fmt, **options)
        reconciled = self.real_events(flt)
        if fmt == "jsonl":  # in full: every source's value, the rules and the disagreements
            from protestwatch.export.sinks import text_sink
            from protestwatch.store.clusters import write_reconciled_jsonl

            with text_sink(out) as stream:
                return write_reconciled_jsonl(self.store, stream, flt)
        notes = {r.event.id: _disagreement_notes(r) for r in reconciled if r.disagreements()}
        return export_events([r.event for r in reconciled], out, fmt, disagreements=notes, **options)

    def predictions_by_article(self) -> dict[str, list[Event]]:
        """Article id → the events coded from it (what ``evaluate`` compares with gold)."""
        return self.store.events_by_article()


def _disagreement_notes(rec: Any) -> list[str]:
    """"size: 'more than 300' (Steppe Wire), 'about 300' (Almaty Daily); reconciled by <rule>"."""
    notes = []
    for f in rec.disagreements():
        told = "; ".join(
            f"{s.value!r} ({s.outlet or s.article_id})" for s in f.sources if s.value not in (None, [], "")
        )
        notes.append(f"{f.name}: {told}; reconciled by {f.rule}")
    return notes


def last_run_unfinished(store: Any) -> bool:
    """Whether the last ``run`` stopped before it finished (killed, perhaps while grouping the
    reports into real-world events, after the last article was saved)."""
    runs = [r for r in store.runs() if r["command"] == "run"]
    return bool(runs) and runs[-1]["state"] != "finished"



def evaluate_gold(gold: str | Path, *, db: str | Path | None = None, articles: str | Path | None = None,
                  pipeline: Pipeline | None = None) -> Any:  # fmt: skip
    """Score events against a gold file: those in a database, or those coded from ``articles``
    (a directory or file holding the gold's articles, matched by id or by the gold's ``file``)."""
    from protestwatch.evaluate import evaluate, load_gold

    gold_articles = load_gold(gold)
    if db is not None:
        with Workspace(db, create=False) as ws:
            predicted = ws.predictions_by_article()
            by_hash = {}
            for a in ws.store.articles():
                if a.origin:
                    by_hash[Path(a.origin.split(":")[0]).name] = a.id
        predicted = {g.id: predicted.get(g.id) or predicted.get(by_hash.get(Path(g.file or "").name, ""), [])
                     for g in gold_articles}  # fmt: skip
        return evaluate(predicted, gold_articles)
    if articles is None:
        raise InputError("give a database or the articles to code")
    pipe = pipeline or default_pipeline()
    predicted = {}
    for g in gold_articles:
        article = _gold_article(Path(articles), g)
        predicted[g.id] = list(pipe.process(article).events) if article is not None else []
    return evaluate(predicted, gold_articles)


def evaluate_real_world(gold: str | Path, db: str | Path) -> dict[str, Any] | None:
    """Score how the reports in ``db`` were grouped into real-world events against the gold's
    ``event_key``s (None when the gold has none): pairwise and B-cubed scores, reconciled values."""
    from protestwatch.dedup.gold import clusters_from_event_gold
    from protestwatch.dedup.metrics import align_to_gold, evaluate_clusters
    from protestwatch.evaluate import load_gold
    from protestwatch.store.clusters import memberships, reconciled_events

    articles = load_gold(gold)
    if not any((a.event_extras.get(e.id) or {}).get("event_key") for a in articles for e in a.events):
        return None
    with Workspace(db, create=False) as ws:
        membership = memberships(ws.store)
        headlines = {r.id: r.event for r in reconciled_events(ws.store)}
        alignment = align_to_gold(ws.store.events_by_article(), articles)
    result = evaluate_clusters(membership, clusters_from_event_gold(articles), alignment=alignment,
                               headlines=headlines)  # fmt: skip
    return result.to_dict()


def _gold_article(root: Path, g: Any) -> Article | None:
    """Read the article a gold record names (its ``file``), with the gold's id and date."""
    path = _find_gold_file(root, g.file)
    if path is None:
        logger.warning("gold article %s: file %s not found under %s", g.id, g.file, root)
        return None
    options = IngestOptions(default_published=g.published)
    for item in read_inputs([str(path)], options=options):
        if isinstance(item, Article):
            return item.replace(id=g.id, published=item.published or g.published)
        logger.warning("gold article %s: %s", g.id, item)
    return None


def _find_gold_file(root: Path, name: str | None) -> Path | None:
    """The file a gold record's ``file`` names: ``root`` itself, or below it or its parent."""
    if root.is_file():
        return root
    if not name:
        return None
    for candidate in (root / name, root.parent / name, root / Path(name).name):
        if candidate.is_file():
            return candidate
    found = sorted(root.rglob(Path(name).name))
    return found[0] if found else None
