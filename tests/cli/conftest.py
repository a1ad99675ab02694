"""Shared fixtures of the command-line tests: small article sets written into tmp_path, the
command run in this process (``pw.invoke``) or for real in a subprocess (``pw.run``).

The helpers reach the tests through the ``pw`` fixture (tests are imported with
``--import-mode=importlib``, so a conftest cannot be imported by name).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner, Result

from protestwatch.cli import main

#: Articles written for these tests (fictional events in real places), by file name:
#: (front matter, body).  Each one exercises a different filter of ``events``.
ARTICLES: dict[str, tuple[dict[str, str], str]] = {
    "bishkek-teachers.txt": (
        {
            "title": "Teachers rally in Bishkek over unpaid wages",
            "outlet": "Tian Shan Herald",
            "url": "https://herald.example.org/2024/04/30/teachers",
            "published": "2024-04-30",
        },
        "BISHKEK — Several hundred teachers gathered outside the Ministry of Education in Bishkek "
        "on Tuesday to demand the payment of three months of wage arrears, witnesses said.\n\n"
        "The protesters, organised by the Independent Teachers' Union, chanted slogans and held "
        "banners. Police detained 12 people when the crowd tried to block the road.\n",
    ),
    "osh-farmers.txt": (
        {
            "title": "Farmers block highway near Osh",
            "outlet": "Fergana Daily",
            "published": "2024-05-01",
        },
        "About 200 farmers blocked the Osh–Bishkek highway near Osh on Wednesday to protest "
        "against new rules on the lease of state farmland, local media reported.\n\n"
        "Police dispersed the crowd with tear gas after several hours, and the road reopened in "
        "the evening.\n",
    ),
    "almaty-consulate.txt": (
        {
            "title": "Protest outside Chinese consulate in Almaty",
            "outlet": "Steppe Wire",
            "published": "2024-03-16",
        },
        "ALMATY — Dozens of people rallied outside the Chinese consulate in Almaty on Saturday "
        "to demand the release of ethnic Kazakhs held in camps in China's Xinjiang region.\n\n"
        "The demonstrators held photographs of missing relatives and chanted slogans against "
        "Beijing. The consulate did not comment.\n",
    ),
    "zhanaozen-strike.txt": (
        {
            "title": "Oil workers strike in Zhanaozen",
            "outlet": "Caspian Monitor",
            "published": "2024-02-12",
        },
        "Hundreds of oil workers in Zhanaozen went on strike on Monday, demanding higher wages "
        "and the reinstatement of colleagues dismissed last month, a union spokesman said.\n\n"
        "The strikers refused to start their shifts at two oilfields operated by a state-owned "
        "company. Managers said output had not been affected.\n",
    ),
    "tbilisi-planned.txt": (
        {
            "title": "Opposition calls march against media bill",
            "outlet": "Caucasus Today",
            "published": "2024-04-10",
        },
        "TBILISI — Georgian opposition parties plan to hold a march in Tbilisi on Sunday against "
        "a draft law on foreign funding of media and civic groups, their leaders said on "
        "Wednesday.\n\nOrganisers said they expected thousands of people to join the march.\n",
    ),
    "central-bank.txt": (
        {
            "title": "Central bank keeps rates on hold",
            "outlet": "Steppe Wire",
            "published": "2024-03-14",
        },
        "The National Bank of Kazakhstan kept its base rate unchanged on Thursday, citing "
        "slowing inflation and stable oil prices.\n\n"
        "Analysts expect a cut later in the year if the tenge remains steady.\n",
    ),
}


def front_matter(meta: dict[str, str]) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n"


def write_articles(
    folder: Path, articles: dict[str, tuple[dict[str, str], str]] = ARTICLES
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (meta, body) in articles.items():
        (folder / name).write_text(front_matter(meta) + body, encoding="utf-8")
    return folder


def invoke(*args: Any, ok: tuple[int, ...] = (0,)) -> Result:
    """Run the command in this process (the spaCy pipeline is then loaded once per session)."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code in ok, (args, result.exit_code, result.output)
    return result


def invoke_json(*args: Any) -> Any:
    return json.loads(invoke(*args, "--json").stdout)


def run_cli(
    *args: Any, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run the real command, ``python -m protestwatch.cli``, in a subprocess."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PROTESTWATCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "protestwatch.cli", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout, check=False,
    )  # fmt: skip


def copy_db(src: Path, dst: Path) -> Path:
    """A copy of a closed database (with its WAL files, if any)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copy(f"{src}{suffix}", f"{dst}{suffix}")
    return dst


HELPERS = SimpleNamespace(
    ARTICLES=ARTICLES, front_matter=front_matter, write_articles=write_articles, invoke=invoke,
    invoke_json=invoke_json, run=run_cli, copy_db=copy_db,
)  # fmt: skip


@pytest.fixture(scope="session")
def pw() -> SimpleNamespace:
    """The helpers of this module."""
    return HELPERS


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with ``ARTICLES`` ingested and coded (read-only for the tests that use it)."""
    root = tmp_path_factory.mktemp("corpus")
    folder = write_articles(root / "articles")
    db = root / "events.db"
    invoke("ingest", folder, "--db", db)
    return db


@pytest.fixture()
def work_db(corpus_db: Path, tmp_path: Path) -> Path:
    """A private copy of ``corpus_db``, for tests that change it."""
    return copy_db(corpus_db, tmp_path / "work.db")
