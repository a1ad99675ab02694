"""The demo: code the bundled demo corpus into a fresh database and summarise it.

The corpus (``protestwatch/data/demo``) was written for this project: fictional events in real
places, in realistic news style, with its gold coding (``gold.jsonl``) by the codebook.
"""

from __future__ import annotations

import importlib.resources
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protestwatch.errors import ConfigError


def demo_corpus() -> Path:
    """The directory holding the demo articles and ``gold.jsonl``."""
    path = Path(str(importlib.resources.files("protestwatch") / "data" / "demo"))
    if not (path / "gold.jsonl").is_file():
        raise ConfigError(f"the demo corpus is missing from {path}: reinstall protestwatch")
    return path


@dataclass
class DemoSummary:
    db: str
    ingest: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)
    real_world: list[dict[str, Any]] = field(default_factory=list)  # merged multi-source events

    def to_dict(self) -> dict[str, Any]:
        return {
            "db": self.db, "ingest": self.ingest, "events": self.events, "evaluation": self.scores,
            "real_world": self.real_world,
        }  # fmt: skip

    def render(self) -> str:
        i = self.ingest
        lines = [
            f"Coded the demo corpus into {self.db}",
            f"  articles: {i['read']} read, {i['coded']} coded, {i['gated_out']} without protest "
            f"words, {i['skipped']} skipped, {i['rejected']} rejected",
            f"  events:   {len(self.events)} reports of protest events",
        ]
        by_country = Counter(e["country"] or "??" for e in self.events)
        lines.append("  by country: " + ", ".join(f"{c} {n}" for c, n in by_country.most_common()))
        by_status = Counter(f"{e['status']}/{e['report']}" for e in self.events)
        lines.append("  by status:  " + ", ".join(f"{s} {n}" for s, n in sorted(by_status.items())))
        lines.append("")
        lines.append(f"  {'event':<18} {'date':<10} {'place':<22} {'form':<13} {'size':<26} arrests")
        for e in self.events[:40]:
            place = f"{e['country'] or '??'} {e['locality'] or e['admin1'] or ''}".strip()
            size = (e["size_text"] or "")[:25]
            arrests = "" if e["arrests_low"] is None else str(e["arrests_text"] or e["arrests_low"])[:30]
            lines.append(
                f"  {e['id']:<18} {e['date_start'] or '?':<10} {place:<22} {e['form']:<13} {size:<26} {arrests}"
            )
        if len(self.events) > 40:
            lines.append(f"  ... and {len(self.events) - 40} more (protestwatch events --db {self.db})")
        multi = [r for r in self.real_world if len(r["members"]) > 1]
        if multi:
            lines.append("")
            lines.append(f"  {len(multi)} events were reported by several outlets; where they disagree:")
            for r in multi:
                e = r["event"]
                lines.append(f"  {r['id']}  {e['date_start']} {e['locality'] or e['country']}: "
                             f"{len(r['members'])} reports, disagree on {', '.join(r['disagreements']) or 'nothing'}")
                for name in ("size", "arrests"):
                    f = r["fields"].get(name)
                    if f and f["disagreement"]:
                        told = "; ".join(str(next(iter(s["value"].values()))) for s in f["sources"])
                        lines.append(f"      {name}: {told}  ->  {f['rule']}")
        det = self.scores.get("detection")
        if det:
            lines.append("")
            lines.append(
                f"  against the corpus gold: precision {det['precision']:.2f}, recall "
                f"{det['recall']:.2f}, F1 {det['f1']:.2f}  (protestwatch evaluate --gold ... --db {self.db})"
            )
        lines.append("")
        lines.append(f"Next: protestwatch show EVENT_ID --db {self.db}   (each value with its sentence)")
        return "\n".join(lines)


def run_demo(db: str | Path, *, progress: bool = False) -> DemoSummary:
    """Code the demo corpus into ``db`` (replacing it) and return a summary."""
    from protestwatch.api import Workspace, evaluate_gold

    corpus = demo_corpus()
    db = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with Workspace(db) as ws:
        report = ws.ingest([str(corpus / "articles")])
        events = [e.to_dict() for e in ws.events()]
        real_world = [r.to_dict() for r in ws.real_events()]
    scores = evaluate_gold(corpus / "gold.jsonl", db=db).to_dict()
    return DemoSummary(str(db), report.to_dict(), events, scores, real_world)
