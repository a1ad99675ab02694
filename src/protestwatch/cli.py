"""The ``protestwatch`` command: a thin shell over the library.

Exit codes (stable, for scripts):

- 0: success
- 1: an error (bad database, missing resource, malformed gold file ...); the message says what to do
- 2: bad usage (unknown option, missing argument)
- 3: finished, but some inputs were rejected (they are listed and recorded in the database)
- 4: ``evaluate`` scored below the ``--min-f1`` floor
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from protestwatch.errors import ProtestwatchError

EXIT_REJECTED = 3
EXIT_BELOW_FLOOR = 4
DEFAULT_DB = "protestwatch.db"

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="PROTESTWATCH_DB",
    help="Database: a SQLite file, or a postgresql:// URL (docs/postgresql.md).",
)  # fmt: skip
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _progress(total: int | None, label: str, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="article", disable=not enabled, file=sys.stderr, leave=False)


def _interactive() -> bool:
    return sys.stderr.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="protestwatch", prog_name="protestwatch")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """protestwatch: news articles in, coded and geolocated protest events out."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _run(fn: Any) -> Any:
    """Turn library errors (and files that cannot be read or written) into a message and exit 1."""
    try:
        return fn()
    except (ProtestwatchError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


# -- ingest and run ----------------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date for inputs that lack one.")
@click.option("--format", "fmt", type=click.Choice(["txt", "html", "jsonl", "json", "csv", "feed"]), help="Force the input format.")
@click.option("--encoding", help="Force the text encoding of the inputs.")
@click.option("--max-file-bytes", type=click.IntRange(1), help="Largest whole-document file read (default 20 MB).")
@click.option("--max-line-bytes", type=click.IntRange(1), help="Largest JSON Lines/CSV record (default 5 MB).")
@click.option("--timeout", type=click.FloatRange(min=0.1), help="Seconds allowed for each URL download (default 30).")
@click.option("--no-run", is_flag=True, help="Only store the articles; code them later with `run`.")
@json_option
def ingest(inputs: tuple[str, ...], db: str, published: Any, fmt: str | None, encoding: str | None,
           max_file_bytes: int | None, max_line_bytes: int | None, timeout: float | None,
           no_run: bool, as_json: bool) -> None:  # fmt: skip
    """Read articles (files, directories, globs, '-' for stdin, feed URLs) and code them.

    Formats: .txt (with front matter or a sidecar .json), .html, .jsonl, .csv, RSS/Atom.
    The same content is stored once; rejected inputs are listed with file, line and reason.
    """
    from protestwatch.api import Workspace
    from protestwatch.ingest import IngestOptions

    limits = {
        k: v for k, v in (("max_file_bytes", max_file_bytes), ("max_line_bytes", max_line_bytes),
                          ("timeout", timeout)) if v is not None
    }  # fmt: skip
    options = IngestOptions(
        default_published=published.date() if published else None, encoding=encoding, format=fmt,
        **limits,
    )  # fmt: skip

    def go() -> Any:
        with Workspace(db) as ws:
            bar = _progress(None, "reading", _interactive() and not as_json)
            report = ws.ingest(
                inputs, options, code=False, progress=bar.update,
                on_reject=lambda r: click.echo(f"rejected: {r}", err=True),
            )  # fmt: skip
            bar.close()
            if not no_run:
                coded = _code(ws, redo=False, show=not as_json)
                report.coded, report.skipped = coded.coded, coded.skipped
                report.gated_out, report.events = coded.gated_out, coded.events
            return report

    report = _run(go)
    if as_json:
        _echo_json(report.to_dict())
    else:
        click.echo(
            f"read {report.read} articles ({report.new} new, {report.duplicates} already stored), "
            f"rejected {report.rejected}; coded {report.coded} "
            f"({report.gated_out} without protest words), skipped {report.skipped}; "
            f"{report.events} events"
        )
    if report.rejected:
        sys.exit(EXIT_REJECTED)


def _code(ws: Any, *, redo: bool, show: bool, **parallel: Any) -> Any:
    total = len(ws.store.pending_ids(redo=redo))
    bar = _progress(total, "coding", show and _interactive())
    report = ws.run(redo=redo, progress=bar.update, **parallel)
    bar.close()
    return report


@main.command()
@db_option
@click.option("--redo", is_flag=True, help="Code every article again (human corrections are kept).")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Local processes that code in parallel.")
@click.option("--dask-scheduler", metavar="tcp://HOST:PORT",
              help="Code on the workers of this Dask cluster instead (see docs/scaling.md).")
@click.option("--writer", type=click.Choice(["auto", "parent", "workers"]), default="auto",
              show_default=True, help="Who saves the codings of a parallel run: the parent "
              "process, or the workers (PostgreSQL only); auto: workers on PostgreSQL.")
@json_option
def run(db: str, redo: bool, workers: int, dask_scheduler: str | None, writer: str, as_json: bool) -> None:
    """Code the stored articles that are not coded yet (resumes an interrupted run)."""
    from protestwatch.api import Workspace

    parallel = {"workers": workers, "scheduler": dask_scheduler, "writer": writer}

    def go() -> Any:
        with Workspace(db, create=False) as ws:
            return _code(ws, redo=redo, show=not as_json, **parallel)

    report = _run(go)
    if as_json:
        _echo_json(report.to_dict())
    else:
        click.echo(f"coded {report.coded} articles, skipped {report.skipped}; {report.events} events")


@main.command()
@click.argument("feeds", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--every", default="15m", show_default=True, help="Time between polls: 90s, 15m, 1h30m ...")
@click.option("--once", is_flag=True, help="Poll once and exit (for cron); exit 3 if a feed failed.")
@click.option("--polls", type=click.IntRange(1), help="Stop after this many polls.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds allowed for each download (feed or page), as a whole.")
@click.option("--max-bytes", type=click.IntRange(1), default=5 * 1024 * 1024, show_default=True,
              help="Largest feed or page downloaded.")
@click.option("--retries", type=click.IntRange(0), default=2, show_default=True,
              help="Extra attempts after a time-out, a network error or an HTTP 5xx.")
@click.option("--no-pages", is_flag=True, help="Never fetch the pages that teaser entries link to.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Local processes that code.")
@click.option("--dask-scheduler", metavar="tcp://HOST:PORT", help="Code on this Dask cluster.")
@json_option
def watch(feeds: str, db: str, every: str, once: bool, polls: int | None, timeout: float, max_bytes: int,
          retries: int, no_pages: bool, workers: int, dask_scheduler: str | None, as_json: bool) -> None:  # fmt: skip
    """Poll the RSS/Atom feeds listed in FEEDS (one URL per line), fetch and code new articles.

    Runs until interrupted (Ctrl-C or SIGTERM finish the current poll first).  A feed that is
    down, slow, malformed or too large is retried with back-off and recorded (`rejects`); the
    others go on.  See docs/scaling.md."""
    import signal
    import threading

    from protestwatch.api import Workspace
    from protestwatch.watch import WatchOptions, Watcher, parse_duration

    stop = threading.Event()
    failed = []

    def on_signal(signum: int, frame: Any) -> None:
        click.echo("stopping after this poll (again to quit at once)", err=True)
        stop.set()
        signal.signal(signum, signal.SIG_DFL)

    def show(report: Any) -> None:
        failed.append(report.failed)
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False) if as_json else report.summary())
        for url, reason in report.failures:
            if not as_json:
                click.echo(f"failed: {url}: {reason}", err=True)

    def go() -> int:
        options = WatchOptions(every=parse_duration(every), timeout=timeout, max_feed_bytes=max_bytes,
                               max_page_bytes=max_bytes, retries=retries, fetch_pages=not no_pages)  # fmt: skip
        previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            with Workspace(db) as ws:
                run_options = {"workers": workers, "scheduler": dask_scheduler}
                watcher = Watcher(ws, options, run_options=run_options)
                return watcher.watch(feeds, polls=1 if once else polls, stop=stop, on_poll=show)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    _run(go)
    if once and failed and failed[-1]:
        sys.exit(EXIT_REJECTED)


# -- reading -----------------------------------------------------------------------------------


def _filter_options(fn: Any) -> Any:
    options = [
        click.option("--country", help="ISO alpha-2 country of the event."),
        click.option("--admin1", help="First-level region."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Events ending on or after."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Events starting on or before."),
        click.option("--form", help="demonstrate, riot, strike, hunger_strike, boycott, obstruct, vandalize."),
        click.option("--issue", help="An issue of the codebook, e.g. land, labor_wages."),
        click.option("--target-country", help="ISO alpha-2 country of a target (anti-China: CN)."),
        click.option("--status", type=click.Choice(["occurred", "planned", "prevented"])),
        click.option("--report", "report_", type=click.Choice(["current", "background"])),
        click.option("--min-confidence", type=float),
        click.option("--search", help="Full-text query over the source articles (FTS5 syntax)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _make_filter(kw: dict[str, Any], limit: int | None = None) -> Any:
    from protestwatch.store import EventFilter

    return EventFilter(
        country=kw.get("country"), admin1=kw.get("admin1"),
        date_from=kw["since"].date() if kw.get("since") else None,
        date_to=kw["until"].date() if kw.get("until") else None,
        form=kw.get("form"), issue=kw.get("issue"), target_country=kw.get("target_country"),
        status=kw.get("status"), report=kw.get("report_"), min_confidence=kw.get("min_confidence"),
        text=kw.get("search"), limit=limit,
    )  # fmt: skip


@main.command()
@db_option
@_filter_options
@click.option("--limit", type=int, default=None, help="At most this many events.")
@json_option
def events(db: str, limit: int | None, as_json: bool, **kw: Any) -> None:
    """List events, filtered by country, dates, form, issue, target country, status ..."""
    from protestwatch.api import Workspace

    def go() -> Any:
        with Workspace(db, create=False) as ws:
            return ws.events(_make_filter(kw, limit))

    found = _run(go)
    if as_json:
        _echo_json([e.to_dict() for e in found])
        return
    from protestwatch.details import printable

    for e in found:
        place = e.locality or e.admin1 or e.country or "?"
        size = f" size {e.size_text}" if e.size_text else ""
        click.echo(printable(
            f"{e.id}  {e.date_start or '?'} ({e.date_precision.value if e.date_precision else '?'})  "
            f"{e.country or '??'} {place:<18} {e.form.value:<12} {e.status.value:<9} "
            f"{e.report.value:<10} conf {e.confidence:.2f}{size}"
        ))  # fmt: skip
    click.echo(f"{len(found)} events", err=True)


@main.command()
@click.argument("event_id")
@db_option
@json_option
def show(event_id: str, db: str, as_json: bool) -> None:
    """Show one event, field by field, with the sentence behind each value."""
    from protestwatch.api import Workspace
    from protestwatch.details import event_details, render_reconciled

    def go() -> Any:
        with Workspace(db, create=False) as ws:
            rec = ws.real_event(event_id)
            shown = event_details(ws.store, event_id)
            if shown is None and rec is not None:  # a real-world event's id: show its headline
                shown = event_details(ws.store, rec.members[0])
            return shown, rec

    details, rec = _run(go)
    if details is None:
        click.echo(f"error: no event {event_id!r} in {db}", err=True)
        sys.exit(1)
    multi = rec is not None and len(rec.members) > 1
    if as_json:
        _echo_json(details.to_dict() | ({"real_world": rec.to_dict()} if multi else {}))
    else:
        click.echo(details.render())
        if multi:
            click.echo(render_reconciled(rec))


_SUFFIX_FORMATS = {".csv": "acled", ".geojson": "geojson", ".json": "geojson", ".parquet": "parquet"}


@main.command()
@db_option
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "acled", "geojson", "parquet"]),
              help="Default: from the suffix of --out (.csv acled, .geojson/.json geojson, "
                   ".parquet parquet), else jsonl.")  # fmt: skip
@click.option("--out", "-o", type=click.Path(dir_okay=False), required=True, help="Output file ('-' for stdout, not for parquet).")
@click.option("--real-world", is_flag=True,
              help="One row per real-world event (the reports of several outlets merged) instead of per article's report.")
def export(db: str, fmt: str | None, out: str, real_world: bool, **kw: Any) -> None:
    """Export events as JSON Lines, ACLED-style CSV, GeoJSON or Parquet.

    By default one row per article's report, in the codebook's fields.  With --real-world, one row
    per real-world event: JSON Lines then carries every source's value and the rule behind each
    headline value, and the ACLED notes and source list the outlets and their disagreements."""
    from protestwatch.api import Workspace

    fmt = fmt or _SUFFIX_FORMATS.get(Path(out).suffix.lower(), "jsonl")

    def go() -> int:
        with Workspace(db, create=False) as ws:
            target: Any = Path(out)
            if out == "-":
                if fmt == "parquet":
                    raise ProtestwatchError("parquet cannot be written to stdout: give --out FILE")
                target = sys.stdout
            return ws.export(target, fmt, _make_filter(kw), real_world=real_world)

    n = _run(go)
    click.echo(f"wrote {n} events to {out} ({fmt})", err=True)


@main.command()
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold JSON Lines (codebook format).")
@click.option("--db", help="Score the events in this database.")
@click.option("--articles", type=click.Path(exists=True), help="Code these articles in memory and score them.")
@click.option("--min-f1", type=float, help="Exit 4 when event F1 is below this floor.")
@json_option
def evaluate(gold: str, db: str | None, articles: str | None, min_f1: float | None, as_json: bool) -> None:
    """Score coded events against gold: detection P/R/F1 and per-field accuracy.

    With --db, and gold events that carry an ``event_key`` naming the real-world event (shared by
    the articles that report it), also the grouping of reports into real-world events: pairwise
    and B-cubed precision/recall/F1, and the accuracy of the reconciled values."""
    from protestwatch.api import evaluate_gold, evaluate_real_world

    if not db and not articles:
        raise click.UsageError("give --db DB or --articles PATH")
    report = _run(lambda: evaluate_gold(gold, db=db, articles=articles))
    grouping = _run(lambda: evaluate_real_world(gold, db)) if db else None
    if as_json:
        _echo_json(report.to_dict() | ({"real_world": grouping} if grouping else {}))
    else:
        click.echo(report.table())
        if grouping:
            c = grouping["clustering"]
            click.echo(
                f"\nreal-world events: {c['gold_clusters']} in gold, {c['predicted_clusters']} coded; "
                f"pairwise P {c['pairwise']['precision']:.3f} R {c['pairwise']['recall']:.3f} "
                f"F1 {c['pairwise']['f1']:.3f}; B-cubed F1 {c['bcubed']['f1']:.3f}"
            )
    if min_f1 is not None and (report.to_dict()["detection"]["f1"] or 0.0) < min_f1:
        sys.exit(EXIT_BELOW_FLOOR)


@main.command()
@click.option("--db", default="demo.db", show_default=True, help="Database to create (replaced if it exists).")
@json_option
def demo(db: str, as_json: bool) -> None:
    """Code the bundled demo corpus into a fresh database and print a summary."""
    from protestwatch.demo import run_demo

    summary = _run(lambda: run_demo(db, progress=not as_json and _interactive()))
    if as_json:
        _echo_json(summary.to_dict())
    else:
        click.echo(summary.render())


# -- human control -----------------------------------------------------------------------------


@main.command()
@click.argument("event_id")
@click.argument("field")
@click.argument("value")
@db_option
@click.option("--author", required=True, help="Who makes the correction.")
@click.option("--note", help="Why.")
def correct(event_id: str, field: str, value: str, db: str, author: str, note: str | None) -> None:
    """Correct one field of an event.  VALUE is JSON (e.g. 300, "KZ", null, ["rally"]) or text."""
    from protestwatch.api import Workspace

    try:
        parsed = json.loads(value)
    except json.JSONDecodeError:
        parsed = value

    def go() -> Any:
        with Workspace(db, create=False) as ws:
            return ws.correct(event_id, field, parsed, author=author, note=note)

    event = _run(go)
    click.echo(f"{event.id}: {field} = {json.dumps(event.to_dict().get(field), ensure_ascii=False)}")


@main.command()
@click.argument("event_id")
@click.argument("decision", type=click.Choice(["accept", "reject"]))
@db_option
@click.option("--author", required=True)
@click.option("--note")
def review(event_id: str, decision: str, db: str, author: str, note: str | None) -> None:
    """Accept an event, or reject it as not a protest (kept by later runs)."""
    from protestwatch.api import Workspace

    def go() -> Any:
        with Workspace(db, create=False) as ws:
            return ws.review(event_id, decision + "ed", author=author, note=note)

    _run(go)
    click.echo(f"{event_id}: {decision}ed")


@main.command()
@db_option
@json_option
def rejects(db: str, as_json: bool) -> None:
    """List the inputs that were rejected, with file, line and reason."""
    from protestwatch.api import Workspace

    def go() -> Any:
        with Workspace(db, create=False) as ws:
            return ws.store.rejections()

    found = _run(go)
    if as_json:
        _echo_json([r.to_dict() for r in found])
    else:
        for r in found:
            click.echo(str(r))
        click.echo(f"{len(found)} rejected inputs", err=True)


@main.command()
@db_option
@json_option
def dedup(db: str, as_json: bool) -> None:
    """Group the stored reports into real-world events (run after every ingest automatically)."""
    from protestwatch.api import Workspace

    def go() -> Any:
        with Workspace(db, create=False) as ws:
            return ws.dedup()

    report = _run(go)
    if as_json:
        _echo_json(report.to_dict())
    else:
        click.echo(" ".join(f"{k}={v}" for k, v in report.to_dict().items() if not isinstance(v, (dict, list))))


@main.command()
@click.argument("event_a")
@click.argument("event_b")
@db_option
@click.option("--author", required=True)
@click.option("--note")
def merge(event_a: str, event_b: str, db: str, author: str, note: str | None) -> None:
    """Merge two real-world events into one (kept by later runs)."""
    from protestwatch.api import Workspace

    def go() -> str:
        with Workspace(db, create=False) as ws:
            return ws.merge(event_a, event_b, author=author, note=note)

    click.echo(f"merged into {_run(go)}")


@main.command()
@click.argument("event_id")
@click.argument("article_ids", nargs=-1, required=True)
@db_option
@click.option("--author", required=True)
@click.option("--note")
def split(event_id: str, article_ids: tuple[str, ...], db: str, author: str, note: str | None) -> None:
    """Split the reports of ARTICLE_IDS out of a real-world event (kept by later runs)."""
    from protestwatch.api import Workspace

    def go() -> str:
        with Workspace(db, create=False) as ws:
            return ws.split(event_id, article_ids, author=author, note=note)

    click.echo(f"split into {_run(go)}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date for inputs that lack one.")
@click.option("--out", "-o", type=click.Path(dir_okay=False), default="-", show_default=True, help="JSON Lines output.")
def geoparse(inputs: tuple[str, ...], published: Any, out: str) -> None:
    """Every place mention of each article, resolved: one JSON line per article with its id and
    its places (start, end, text, name, country, admin1, latitude, longitude, geonames_id,
    feature, precision, score).  Inputs are read as by `ingest` (JSON Lines {id, text} too)."""
    from protestwatch.geo import Gazetteer
    from protestwatch.geo import geoparse as parse_places
    from protestwatch.ingest import IngestOptions, read_inputs
    from protestwatch.model import Article

    options = IngestOptions(default_published=published.date() if published else dt.date.today())

    def go() -> int:
        gaz = Gazetteer.open()
        n = 0
        with click.open_file(out, "w", encoding="utf-8") as fh:
            for item in read_inputs(inputs, options=options):
                if not isinstance(item, Article):
                    click.echo(f"rejected: {item}", err=True)
                    continue
                record = {"id": item.id, "places": parse_places(item.text, gaz)}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        return n

    n = _run(go)
    click.echo(f"geoparsed {n} articles", err=True)


@main.command("evaluate-geo")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold toponyms in GeoVirus's XML format.")
@json_option
def evaluate_geo(gold: str, as_json: bool) -> None:
    """Score the geoparser against gold toponyms: recognition precision/recall, accuracy within
    161 km, mean and median error in km, correct-country rate, right-place rate (a country or
    first-level unit that holds the gold point counts as right, whatever point stands for it)."""
    import dataclasses

    from protestwatch.geo import Gazetteer, score_geovirus

    score = _run(lambda: score_geovirus(gold, Gazetteer.open()))
    d = dataclasses.asdict(score)
    if as_json:
        _echo_json(d)
    else:
        for k, v in d.items():
            click.echo(f"{k:<18} {v:.3f}" if isinstance(v, float) else f"{k:<18} {v}")


@main.group()
def gazetteer() -> None:
    """Build or inspect the place-name gazetteer."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False), help="Where to write it (default: the user cache).")
def gazetteer_build(path: str | None) -> None:
    """Build the gazetteer from the data shipped in the installed packages."""
    from protestwatch.geo.build import build_gazetteer
    from protestwatch.geo.gazetteer import default_gazetteer_path

    target = Path(path) if path else default_gazetteer_path()
    started = dt.datetime.now()
    written = _run(lambda: build_gazetteer(target))
    seconds = (dt.datetime.now() - started).total_seconds()
    click.echo(f"wrote {written} ({Path(written).stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s")


@gazetteer.command("import")
@click.argument("all_countries", type=click.Path(exists=True, dir_okay=False))
@click.argument("alternate_names", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--admin1-codes", type=click.Path(exists=True, dir_okay=False), help="GeoNames' admin1CodesASCII.txt (names of first-level units).")
@click.option("--path", type=click.Path(dir_okay=False), help="Where to write it (default: the user cache).")
def gazetteer_import(all_countries: str, alternate_names: str | None, admin1_codes: str | None, path: str | None) -> None:
    """Import the full GeoNames dump (allCountries.zip [alternateNamesV2.zip]) as the gazetteer,
    streaming it; malformed lines are skipped and listed with their line numbers."""
    from protestwatch.geo.gazetteer import default_gazetteer_path
    from protestwatch.geo.geonames import import_geonames

    target = Path(path) if path else default_gazetteer_path()
    report = _run(lambda: import_geonames(all_countries, target, alternate_names=alternate_names, admin1_codes=admin1_codes))
    for source, line, reason in report.problems[:20]:
        click.echo(f"skipped {source} line {line}: {reason}", err=True)
    if report.malformed > 20:
        click.echo(f"... and {report.malformed - 20} more malformed lines", err=True)
    click.echo(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB): {report.places} places, "
               f"{report.names} names, {report.malformed} malformed lines skipped, {report.seconds:.1f} s")


# -- web app: serve, users, tokens (defined in web/commands.py) --------------------------------

from protestwatch.web.commands import serve, tokens, users  # noqa: E402

for _command in (serve, users, tokens):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main(prog_name="protestwatch")
