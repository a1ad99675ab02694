#!/usr/bin/env python
"""Score the pipeline on every gold set and print the tables of docs/quality.md.

    python scripts/quality_report.py > /tmp/quality.md

Gold sets: the founding example (beside the repository, in ../shared/examples, or
$PROTESTWATCH_SHARED), the demo corpus, dev2, dev3 and dev4 (development sets) and the held-out set (never used to
tune rules).
"""

from __future__ import annotations

import os
from pathlib import Path

from protestwatch.api import default_pipeline, evaluate_gold

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PROTESTWATCH_SHARED", ROOT.parent / "shared"))
SETS = [
    ("founding example", SHARED / "examples/kazakhstan-anti-china-protests.gold.json", SHARED / "examples"),
    ("demo (development)", ROOT / "src/protestwatch/data/demo/gold.jsonl", ROOT / "src/protestwatch/data/demo/articles"),
    ("dev2 (development, other styles)", ROOT / "data/dev2/gold.jsonl", ROOT / "data/dev2/articles"),
    ("dev3 (development, 19 countries)", ROOT / "data/dev3/gold.jsonl", ROOT / "data/dev3/articles"),
    ("dev4 (development, 18 countries)", ROOT / "data/dev4/gold.jsonl", ROOT / "data/dev4/articles"),
    ("held-out (test)", ROOT / "data/heldout/gold.jsonl", ROOT / "data/heldout/articles"),
]


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def main() -> None:
    pipe = default_pipeline()
    reports = [(name, evaluate_gold(gold, articles=arts, pipeline=pipe).to_dict()) for name, gold, arts in SETS]
    print("## Event detection\n")
    print("| gold set | gold events | predicted | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in reports:
        d = r["detection"]
        print(f"| {name} | {d['gold']} | {d['predicted']} | {_fmt(d['precision'])} | {_fmt(d['recall'])} | {_fmt(d['f1'])} |")
    print("\nBy report and status (F1):\n")
    print("| gold set | current | background | occurred | planned | prevented |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in reports:
        cells = [_fmt(r["by_report"].get(k, {}).get("f1")) for k in ("current", "background")]
        cells += [_fmt(r["by_status"].get(k, {}).get("f1")) for k in ("occurred", "planned", "prevented")]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\n## Fields, on matched events\n")
    print("`acc`: share of matched events whose value is right (an empty value counts when the gold "
          "is empty too); `acc_gold`: the same over the events where the gold has a value; n in brackets.\n")
    header = " | ".join(f"{name} acc | acc_gold" for name, _ in reports)
    print(f"| field | {header} |")
    print("|---|" + "---:|---:|" * len(reports))
    names = [row for row in reports[1][1]["fields"]]
    for field in names:
        cells = []
        for _, r in reports:
            f = r["fields"].get(field, {})
            cells.append(f"{_fmt(f.get('accuracy'))} ({f.get('n', 0)})")
            cells.append(f"{_fmt(f.get('accuracy_gold'))} ({f.get('n_gold', 0)})")
        print(f"| {field} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
