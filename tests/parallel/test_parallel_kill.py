"""Kill -9 at random points of `protestwatch run --workers 2` (a worker, the parent alone, or the
whole run), then let it finish: the database must equal the one an uninterrupted run makes, with
no article, event, evidence or real-world event lost or duplicated, and no worker left behind.

``scripts/kill_test.py`` does the same at a larger scale (ten kills, hundreds of articles).
"""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any


def test_a_run_killed_at_random_points_ends_as_an_uninterrupted_one(
    dbs: Any, corpus: Path, reference: dict, helpers: SimpleNamespace, tmp_path: Path
) -> None:
    kt = helpers.kill_test
    db = dbs.new("killed")
    helpers.ingest(db, corpus)
    seed = 7 if dbs.backend == "sqlite" else 11
    record = kt.kill_and_finish(db, 60, kills=3, workers=2, writer="auto", rng=random.Random(seed),
                                log=tmp_path / "run.log", timeout=600)  # fmt: skip
    log = (tmp_path / "run.log").read_text(encoding="utf-8", errors="replace")[-3000:]
    # one kill of each kind (a worker, the whole run, the parent alone), the first a restart; the
    # later ones may find the run already finished
    assert len(record) >= 1, (record, log)
    assert {k["mode"] for k in record} & {"run", "parent"}, record  # a restart from the database
    assert all(k.get("orphans", 0) == 0 for k in record), record
    assert any(k["saved_before"] < 60 for k in record), record  # at least one kill mid-run
    diff = kt.differences(reference, helpers.snapshot(db))
    assert not diff, (diff, record, log)
