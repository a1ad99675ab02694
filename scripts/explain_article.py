#!/usr/bin/env python
"""Show how the pipeline reads one article: sentences, triggers, dates, places, frames, events.

    python scripts/explain_article.py ARTICLE.txt [--published YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt

from protestwatch.extract.segment import segment
from protestwatch.ingest import IngestOptions, read_inputs
from protestwatch.model import Article
from protestwatch.pipeline import Pipeline, PipelineConfig


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--published", type=dt.date.fromisoformat)
    args = ap.parse_args()
    items = list(read_inputs([args.path], options=IngestOptions(default_published=args.published)))
    article = next(i for i in items if isinstance(i, Article))
    pipe = Pipeline.load(PipelineConfig())
    coder = pipe.coders["en"]
    doc = pipe.nlps["en"](article.text)
    analysis = coder.analyse(article.replace(language="en"), doc)
    print(f"published {article.published}; document country {analysis.country}; dateline "
          f"{analysis.dateline.place if analysis.dateline else None}")
    for s in analysis.sentences:
        if not s.triggers:
            continue
        flags = "".join(c for c, on in (("H", s.heading), ("N", s.non_event), ("h", s.habitual)) if on)
        print(f"\n[{s.index} p{s.paragraph} {flags}] {s.text[:200]}")
        print("   triggers:", [t.word for t in s.triggers], "status:", s.status and s.status[0].value)
        print("   dates:", [(d.text, str(d.value.start), str(d.value.end), d.value.precision.value) for d in s.dates])
        print("   places:", [(p.text, p.place.locality or p.place.admin1 or p.place.country, p.kind) for p in s.places])
    print("\nFRAMES")
    lead = analysis.dateline if analysis.dateline is not None and analysis.dateline.kind == "dateline" else None
    for f in segment(analysis.sentences, article.published, lead):
        print(" ", f.sentences, f.context, f.date and f.date.text, [p.text for p in f.places])
    print("\nEVENTS")
    for e in coder.code(article.replace(language="en"), doc):
        print(" ", e.date_start, e.date_end, e.country, e.admin1, e.locality, e.form.value, e.status.value,
              e.report.value, e.size_text, e.arrests_text, [o.name for o in e.organizers],
              [(t.name, t.country) for t in e.targets], list(e.issues))


if __name__ == "__main__":
    main()
