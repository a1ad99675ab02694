"""The gazetteer: place names to candidate places, from a compact SQLite file.

Build it with :func:`build_gazetteer` (``protestwatch gazetteer build``), open it with
:meth:`Gazetteer.open`, which builds it at the default location on first use.  Names are indexed
case-, accent- and punctuation-insensitively (:func:`protestwatch.geo.names.name_key`).

The default location is ``$PROTESTWATCH_GAZETTEER``, else
``$XDG_CACHE_HOME/protestwatch/gazetteer.sqlite`` (``~/.cache/...`` when unset).
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import math
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from ..model import GeoPrecision, Place
from . import curated
from .admin1 import GENERIC_TYPE_WORDS
from .build import SCHEMA_VERSION, build_gazetteer
from .names import name_key

__all__ = ["Candidate", "Gazetteer", "build_gazetteer", "default_gazetteer_path"]

logger = logging.getLogger(__name__)

FIX_COMMAND = "protestwatch gazetteer build"
_CACHE_LIMIT = 50_000
_COLUMNS = "p.id, p.gid, p.name, p.ascii, p.country, p.admin1_code, p.lat, p.lon, p.population, p.fclass, p.fcode"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the gazetteer knows under a looked-up name."""

    name: str
    ascii_name: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    feature_class: str  # "P" populated place, "A" administrative unit, "C" city-level unit, "L" region
    feature_code: str  # "PPL", "PPLC" (capital), "ADM1", "PCLI" (country), "RGN"
    geonames_id: int | None
    id: int = 0  # the gazetteer's row id
    name_kind: int = 0  # how the name matched: 0 the place's name, 1 alternate, 2 curated alias

    @property
    def is_country(self) -> bool:
        return self.feature_code == "PCLI"

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"

    @property
    def is_city_unit(self) -> bool:
        """A first-level unit that is a city ("Yerevan", "Almaty", "Bangkok")."""
        return self.feature_class == "C"

    @property
    def is_locality(self) -> bool:
        return self.feature_class == "P"

    @property
    def feature(self) -> str:
        """The model's feature word: "country", "admin1", "admin2", "region", "locality" or
        (from an imported GeoNames dump) "feature" for an island, a mountain, a lake ..."""
        word = {"PCLI": "country", "ADM1": "admin1", "ADM2": "admin2", "RGN": "region"}.get(
            self.feature_code
        )
        if word:
            return word
        if self.feature_class in ("P", "C"):
            return "locality"
        return "region" if self.feature_class in ("A", "L") else "feature"


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|az|as|ad|an|ar|ash|at|ath|adh|ad-|al-|el-)[ -]", re.IGNORECASE)


def _english_form(name: str, written: str) -> bool:
    """Whether the text's ``written`` form of the place called ``name`` in the data is the form
    to show: the data name has letters beyond Latin-1 (macrons, dots below: "Malaṅgawā"), an
    Arabic article that the written form drops ("Az Zubayr" / "Zubair"), or is another
    transliteration of the same name ("Ulan Bator" / "Ulaanbaatar", "Dalandzadgad" /
    "Dalanzadgad": most letters shared in order).  A different name ("Kiev" / "Kyiv", "Alma-Ata" /
    "Almaty") keeps the data's, or the one of the event's date."""
    if len(written) < 3 or not any(ch.isalpha() for ch in written) or written.isupper():
        return False
    if any(ord(ch) > 0xFF for ch in name) and all(ord(ch) <= 0xFF for ch in written):
        return True
    if _ARABIC_ARTICLE.match(name) and not _ARABIC_ARTICLE.match(written):
        return True
    a, b = name_key(name).replace(" ", ""), name_key(written).replace(" ", "")
    if a == b or min(len(a), len(b)) < 6:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def default_gazetteer_path() -> Path:
    """``$PROTESTWATCH_GAZETTEER``, else the user's cache directory."""
    env = os.environ.get("PROTESTWATCH_GAZETTEER")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "protestwatch" / "gazetteer.sqlite"


def _schema_version(path: Path) -> int | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row else None


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class Gazetteer:
    """Read access to a built gazetteer file.  Open with :meth:`open`; close when done."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self._db = db
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._admin1: dict[tuple[str, str], str] = {}
        self._admin1_rows: dict[tuple[str, str], Candidate] = {}
        self._countries: dict[str, Candidate] = {}
        self._capitals: dict[str, list[tuple[dt.date | None, dt.date | None, int]]] = {}
        self._renames: dict[int, list[tuple[dt.date | None, dt.date | None, str]]] = {}
        self._load_small_tables()

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, build: bool = True) -> "Gazetteer":
        """Open the gazetteer at ``path`` (default: :func:`default_gazetteer_path`).

        A missing or stale file is built first when ``build`` is true; otherwise, or when the
        build fails, :class:`GazetteerError` says which command fixes it.
        """
        target = Path(path).expanduser() if path is not None else default_gazetteer_path()
        version = _schema_version(target) if target.exists() else None
        if version != SCHEMA_VERSION:
            state = "missing" if not target.exists() else f"stale (schema {version})"
            if not build:
                raise GazetteerError(f"the gazetteer {target} is {state}: run `{FIX_COMMAND}`")
            logger.info("the gazetteer %s is %s: building it (about 30 s)", target, state)
            try:
                build_gazetteer(target)
            except (GazetteerError, OSError) as exc:
                raise GazetteerError(
                    f"the gazetteer {target} is {state} and cannot be built ({exc}): "
                    f"run `{FIX_COMMAND}` or set PROTESTWATCH_GAZETTEER"
                ) from exc
        try:
            db = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
            return cls(target, db)
        except sqlite3.Error as exc:
            raise GazetteerError(
                f"cannot read the gazetteer {target} ({exc}): run `{FIX_COMMAND}`"
            ) from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _load_small_tables(self) -> None:
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, 0 FROM places p WHERE p.fcode IN ('ADM1', 'PCLI')"
        ).fetchall()
        for row in rows:
            if row[10] == "ADM1":
                self._admin1[(row[4], row[5])] = row[2]
        for row in rows:
            cand = self._candidate(row)
            if cand.is_country and cand.country:
                self._countries[cand.country] = cand
            else:
                self._admin1_rows[(row[4], row[5])] = cand
        for country, start, end, pid in self._db.execute("SELECT * FROM capitals"):
            self._capitals.setdefault(country, []).append(
                (_parse_date(start), _parse_date(end), pid)
            )
        for pid, name, start, end in self._db.execute("SELECT * FROM renames"):
            self._renames.setdefault(pid, []).append((_parse_date(start), _parse_date(end), name))

    def _candidate(self, row: tuple[Any, ...]) -> Candidate:
        pid, gid, name, ascii_name, cc, code, lat, lon, pop, fclass, fcode, kind = row
        admin1 = self._admin1.get((cc, code)) if fcode != "PCLI" else None
        return Candidate(
            name, ascii_name, cc, admin1, lat, lon, pop or 0, fclass, fcode, gid, pid, kind
        )

    # -- lookups -------------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called ``name`` (any case, accents or punctuation), most populous first."""
        return list(self.lookup_key(name_key(name)))

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        """Like :meth:`lookup`, for a key already made by ``name_key``."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS}, n.kind FROM names n JOIN places p ON p.id = n.place_id "
                "WHERE n.key = ? ORDER BY p.population DESC",
                (key,),
            ).fetchall()
        found = tuple(self._candidate(r) for r in rows)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = found
        return found

    def has_key(self, key: str) -> bool:
        """True when some place has the name key ``key``."""
        return bool(self.lookup_key(key))

    def country(self, code: str) -> Candidate | None:
        """The country with ISO alpha-2 ``code``."""
        return self._countries.get(code.upper())

    def countries(self) -> list[Candidate]:
        return sorted(self._countries.values(), key=lambda c: c.name)

    def country_by_name(self, name: str) -> Candidate | None:
        """The country called ``name`` ("Kazakhstan", "the UK", "Burma"), if any."""
        key = name_key(name)
        if key.startswith("the "):
            key = key[4:]
        return next((c for c in self.lookup_key(key) if c.is_country), None)

    def admin1(self, country: str, name: str) -> Candidate | None:
        """The first-level division of ``country`` called ``name`` ("Mangystau", "Almaty region")."""
        key = name_key(name)
        words = key.split()
        while len(words) > 1 and words[-1] in GENERIC_TYPE_WORDS:
            words.pop()  # "Sverdlovsk Oblast": the unit is named "Sverdlovsk"
        for k in dict.fromkeys((key, key + " region", " ".join(words))):
            for cand in self.lookup_key(k):
                if cand.is_admin1 and cand.country == country.upper():
                    return cand
        return None

    def admin1_by_code(self, country: str, code: str) -> Candidate | None:
        return self._admin1_rows.get((country, code))

    def capital(self, country: str) -> Candidate | None:
        """The country's present capital."""
        return self.capital_candidate(country, None)

    def capital_candidate(self, country: str, when: dt.date | None) -> Candidate | None:
        """The capital of ``country`` at ``when`` (today when None), as a candidate."""
        country = country.upper()
        for start, end, pid in self._capitals.get(country, ()):
            if (
                when is None
                and end is None
                or when is not None
                and ((start is None or start <= when) and (end is None or when < end))
            ):
                return self._by_id(pid)
        row = self._query_one(
            f"SELECT {_COLUMNS}, 0 FROM places p WHERE p.country = ? AND p.fcode = 'PPLC' "
            "ORDER BY p.population DESC LIMIT 1",
            (country,),
        )
        return self._candidate(row) if row else None

    def capital_at(self, country: str, when: dt.date | None = None) -> Place | None:
        """The capital of ``country`` at ``when``, named as it was called then."""
        cand = self.capital_candidate(country, when)
        return self.to_place(cand, when=when) if cand else None

    def legislature_at(self, country: str, when: dt.date | None = None) -> Place | None:
        """Where the national parliament of ``country`` sits at ``when``: the capital, except
        where it sits elsewhere (``curated.LEGISLATURES``: The Hague, Cape Town ...)."""
        city = curated.LEGISLATURES.get(country.upper())
        if city is not None:
            for cand in self.lookup(city):
                if cand.country == country.upper() and cand.is_locality:
                    return self.to_place(cand, when=when)
        return self.capital_at(country, when)

    def name_at(self, cand: Candidate, when: dt.date | None) -> str:
        """The name ``cand`` had at ``when`` (its present name when None or not renamed)."""
        if when is not None:
            for start, end, name in self._renames.get(cand.id, ()):
                if (start is None or start <= when) and (end is None or when < end):
                    return name
        return cand.name

    def to_place(
        self,
        cand: Candidate,
        *,
        when: dt.date | None = None,
        precision: GeoPrecision | None = None,
        written: str | None = None,
    ) -> Place:
        """The model's :class:`Place` for ``cand``, with names as they were at ``when``.

        ``written``: the name as the text wrote it, used for a town when it is the usual English
        form of a data name in a scholarly transliteration ("Malangwa" for "Malaṅgawā") or with
        an Arabic article the English press drops ("Zubair" for "Az Zubayr")."""
        if cand.is_country:
            return Place(cand.country, None, None, cand.latitude, cand.longitude,
                         precision or GeoPrecision.COUNTRY, cand.geonames_id, "country")  # fmt: skip
        if not cand.is_locality:
            admin1 = cand.name if cand.is_admin1 else cand.admin1
            area = None if cand.is_admin1 else cand.name
            return Place(cand.country, admin1, None, cand.latitude, cand.longitude,
                         precision or GeoPrecision.REGION, cand.geonames_id, cand.feature, area)  # fmt: skip
        locality = self.name_at(cand, when)
        if written and locality == cand.name and cand.name_kind != 2 and _english_form(cand.name, written):
            # (a curated alias, "Janaozen" for Zhanaozen, is the project's choice of display name)
            locality = written.title() if written.isupper() else written
        admin1 = cand.admin1
        if admin1 is not None and admin1 == cand.name:
            admin1 = locality  # a city that is its own first-level unit shares its name
        return Place(cand.country, admin1, locality, cand.latitude, cand.longitude,
                     precision or GeoPrecision.LOCALITY, cand.geonames_id, "locality")  # fmt: skip

    def nearest_places(self, lat: float, lon: float, *, limit: int = 1) -> list[Candidate]:
        """The populated places nearest to (``lat``, ``lon``), nearest first (within ~300 km)."""
        for radius in (0.25, 1.0, 3.0):
            with self._lock:
                rows = self._db.execute(
                    f"SELECT {_COLUMNS}, 0 FROM places p WHERE p.lat BETWEEN ? AND ? "
                    "AND p.lon BETWEEN ? AND ? AND p.fclass = 'P'",
                    (lat - radius, lat + radius, lon - radius * 2, lon + radius * 2),
                ).fetchall()
            if rows:
                scale = math.cos(math.radians(lat))
                rows.sort(key=lambda r: (r[6] - lat) ** 2 + ((r[7] - lon) * scale) ** 2)
                return [self._candidate(r) for r in rows[:limit]]
        return []

    def _by_id(self, pid: int) -> Candidate | None:
        row = self._query_one(f"SELECT {_COLUMNS}, 0 FROM places p WHERE p.id = ?", (pid,))
        return self._candidate(row) if row else None

    def _query_one(self, sql: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        with self._lock:
            row: tuple[Any, ...] | None = self._db.execute(sql, args).fetchone()
        return row
