"""`gazetteer import`: GeoNames' dump format, streamed into a gazetteer the package then uses."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from protestwatch.cli import main
from protestwatch.errors import GazetteerError
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geonames import import_geonames
from protestwatch.geo.geoparse import geoparse


def _row(gid: int, name: str, lat: float, lon: float, fclass: str, fcode: str, cc: str,
         admin1: str, population: int, alternates: str = "") -> str:  # fmt: skip
    cols = [str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1,
            "", "", "", str(population), "", "10", "Asia/Almaty", "2024-01-01"]  # fmt: skip
    assert len(cols) == 19
    return "\t".join(cols)


# Made-up rows in GeoNames' layout (ids of real countries so the country rows take their points).
PLACES = [
    _row(1522867, "Kazakhstan", 48.0, 68.0, "A", "PCLI", "KZ", "00", 18000000),
    _row(900001, "Almaty Oblysy", 45.0, 78.0, "A", "ADM1", "KZ", "01", 2000000),
    _row(900002, "Mangghystau Oblysy", 44.0, 53.5, "A", "ADM1", "KZ", "09", 700000),
    _row(900010, "Zhanaozen", 43.34, 52.86, "P", "PPL", "KZ", "09", 150000, "Janaozen,Жанаозен"),
    _row(900011, "Aktau", 43.65, 51.16, "P", "PPLA", "KZ", "09", 180000, "Aqtau"),
    _row(900012, "Talgar", 43.30, 77.24, "P", "PPL", "KZ", "01", 45000),
    _row(900013, "Nur-Sultan", 51.18, 71.45, "P", "PPLC", "KZ", "05", 1100000, "Astana,Akmola"),
    _row(900020, "Kok-Tobe Farm", 43.2, 77.0, "S", "FRM", "KZ", "03", 0),  # a feature not kept
    "900030\tBroken row\tonly three columns",  # line 9: malformed
    _row(900031, "Badlat", 123.0, 50.0, "P", "PPL", "KZ", "09", 10),  # line 10: latitude > 90
    _row(900032, "Nopop", 43.0, 50.0, "P", "PPL", "KZ", "09", 10).replace("\t10\t\t10\t", "\tmany\t\t10\t"),
    _row(900040, "Sary-Bulak", 42.0, 75.0, "P", "PPL", "KG", "77", 3000),  # admin1 without a row
]
ALTERNATES = [
    "1\t900013\ten\tAstana\t1\t\t\t\t\t",
    "2\t900013\ten\tAkmola\t\t\t\t1\t1992\t1998",
    "3\t900010\tkk\tЖаңаөзен\t\t\t\t\t\t",  # not Latin script: not kept
    "4\t900011\tlink\thttps://en.wikipedia.org/wiki/Aktau\t\t\t\t\t\t",
    "not a number\tx",  # malformed
    "5\tabc\ten\tNowhere\t\t\t\t\t\t",  # malformed geonameid
    "6\t999999\ten\tOrphan\t\t\t\t\t\t",  # a place not kept: dropped in the join
]
ADMIN1_CODES = "KZ.01\tAlmaty Oblysy\tAlmaty Region\t900001\nKZ.09\tMangghystau\tMangystau\t900002\nbad line\n"


def _zip(path: Path, member: str, lines: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, "\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("geonames")
    dump = _zip(root / "allCountries.zip", "allCountries.txt", PLACES)
    alts = _zip(root / "alternateNamesV2.zip", "alternateNamesV2.txt", ALTERNATES)
    codes = root / "admin1CodesASCII.txt"
    codes.write_text(ADMIN1_CODES, encoding="utf-8")
    target = root / "gaz.sqlite"
    report = import_geonames(dump, target, alternate_names=alts, admin1_codes=codes)
    return target, report


def test_malformed_lines_are_skipped_with_their_line_numbers(imported) -> None:
    _, report = imported
    lines = {(src.split(":")[-1], line) for src, line, _ in report.problems}
    assert ("allCountries.txt", 9) in lines  # three columns
    assert ("allCountries.txt", 10) in lines  # latitude out of range
    assert ("allCountries.txt", 11) in lines  # population not a number
    assert ("alternateNamesV2.txt", 5) in lines and ("alternateNamesV2.txt", 6) in lines
    assert ("admin1CodesASCII.txt", 3) in lines
    assert report.malformed == 6 and report.skipped_features == 1


def test_the_imported_gazetteer_is_used_like_the_built_one(imported) -> None:
    target, _ = imported
    with Gazetteer.open(target, build=False) as gaz:
        (zh,) = [c for c in gaz.lookup("Janaozen") if c.is_locality]
        assert (zh.name, zh.country, zh.admin1, zh.geonames_id) == ("Zhanaozen", "KZ", "Mangystau", 900010)
        assert gaz.lookup("Kok-Tobe Farm") == [] and gaz.lookup("Badlat") == []
        assert gaz.lookup("Orphan") == [] and gaz.lookup("Жаңаөзен") == []
        kz = gaz.country("KZ")
        assert kz is not None and (kz.latitude, kz.longitude) == (48.0, 68.0)  # GeoNames' point
        assert gaz.admin1("KZ", "Almaty Region") is not None
        unnamed = [c for c in gaz.lookup("Sary-Bulak")][0]
        assert unnamed.admin1 == "77"  # no ADM1 row and no name: left as its code
        assert gaz.capital("KZ").geonames_id == 900013  # the curated capital, found by an alternate name
        # a dated historic name from alternateNamesV2 becomes a rename
        assert gaz.name_at(gaz.capital("KZ"), dt.date(1995, 6, 1)) == "Akmola"
    db = sqlite3.connect(target)
    assert (900013, "Akmola", "1992-01-01", "1998-01-01") in db.execute("SELECT * FROM renames").fetchall()
    db.close()
    with Gazetteer.open(target, build=False) as gaz:
        out = geoparse("Oil workers struck in Zhanaozen and Aktau, in Mangystau, Kazakhstan.", gaz)
        assert [(d["text"], d["country"]) for d in out] == [
            ("Zhanaozen", "KZ"), ("Aktau", "KZ"), ("Mangystau", "KZ"), ("Kazakhstan", "KZ")
        ]


def test_import_refuses_what_is_not_a_dump(tmp_path: Path) -> None:
    bad = tmp_path / "allCountries.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(GazetteerError, match="not a readable zip"):
        import_geonames(bad, tmp_path / "g.sqlite")
    empty = _zip(tmp_path / "empty.zip", "readme.md", ["nothing"])
    with pytest.raises(GazetteerError, match="allCountries.txt"):
        import_geonames(empty, tmp_path / "g.sqlite")
    assert not (tmp_path / "g.sqlite").exists()


def test_cli_import(tmp_path: Path) -> None:
    dump = _zip(tmp_path / "allCountries.zip", "allCountries.txt", PLACES)
    target = tmp_path / "out.sqlite"
    r = CliRunner().invoke(main, ["gazetteer", "import", str(dump), "--path", str(target)])
    assert r.exit_code == 0, r.output
    assert "skipped allCountries.zip:allCountries.txt line 9" in r.output
    assert "3 malformed lines skipped" in r.output and target.exists()
