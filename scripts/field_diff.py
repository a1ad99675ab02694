#!/usr/bin/env python
"""Show gold and predicted values side by side for matched events, field by field.

    python scripts/field_diff.py GOLD.jsonl ARTICLES_DIR --fields targets,issues [--only-wrong]

``--only-wrong`` lists the fields the evaluator itself scores wrong (aliases, tolerances and
partial credit as in ``protestwatch evaluate``); "coordinates" and "targets.country" are rows
too.

For error analysis: each matched (gold, predicted) pair, the two values of each chosen field, and
the sentences the pipeline attributed to the event.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from protestwatch.api import _gold_article, default_pipeline
from protestwatch.evaluate import evaluate, load_gold
from protestwatch.evaluate.fields import compare_events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold")
    ap.add_argument("articles")
    ap.add_argument("--fields", required=True, help="comma-separated codebook field names")
    ap.add_argument("--only-wrong", action="store_true")
    ap.add_argument("--sentences", action="store_true", help="print the event's sentences")
    args = ap.parse_args()
    fields = args.fields.split(",")
    pipe = default_pipeline()
    gold = load_gold(args.gold)
    predicted, texts = {}, {}
    for g in gold:
        article = _gold_article(Path(args.articles), g)
        texts[g.id] = article.text if article else ""
        predicted[g.id] = list(pipe.process(article).events) if article else []
    report = evaluate(predicted, gold).to_dict()
    gold_events = {(g.id, e.id): e for g in gold for e in g.events}
    pred_events = {(a, e.id): e for a, evs in predicted.items() for e in evs}
    for m in report["matches"]:
        gold_event = gold_events[(m["article_id"], m["gold_id"])]
        pred_event = pred_events[(m["article_id"], m["predicted_id"])]
        verdicts = compare_events(pred_event, gold_event)  # the evaluator's own comparison
        g, p = gold_event.to_dict(), pred_event.to_dict()
        rows = [
            (f, g.get(f, _pair(g, f)), p.get(f, _pair(p, f)))
            for f in fields
            if not args.only_wrong or not verdicts[f].correct
        ]
        if not rows:
            continue
        print(f"== {m['article_id']} {m['gold_id']} {g['date_start']} {g['locality'] or g['country']}")
        for f, gv, pv in rows:
            print(f"   {f:<14} gold: {json.dumps(gv, ensure_ascii=False)}")
            print(f"   {'':<14} pred: {json.dumps(pv, ensure_ascii=False)}")
        if args.sentences:
            text = texts[m["article_id"]]
            for ev in p["evidence"].get("event", []):
                print("      «", text[ev["start"] : ev["end"]][:300])


def _pair(event: dict, row: str):
    """The values behind a comparison row that is no field of its own ("coordinates")."""
    if row == "coordinates":
        return [event.get("latitude"), event.get("longitude")]
    if row == "targets.country":
        return [t.get("country") for t in event.get("targets") or ()]
    return None


if __name__ == "__main__":
    main()
