#!/usr/bin/env python
"""The geoparser's errors on a GeoVirus-format gold file, grouped by kind.

    python scripts/geo_errors.py [--gold FILE] [--half dev|test] [--limit N] [--misses]

Groups: toponyms resolved more than 161 km away (by the predicted feature: country, admin1,
region, locality; and whether the predicted country is the gold one), gold toponyms not found
(with --misses), and predicted toponyms that overlap no gold one (false positives).  Tune only on
``--half dev``; the test half is for reporting.
"""

from __future__ import annotations

import argparse
import collections
import os
from pathlib import Path

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geoparse import _country_holds, geoparse, haversine_km, read_gold

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PROTESTWATCH_SHARED", ROOT.parent / "shared"))
DEFAULT_GOLD = SHARED / "dev-data/geovirus/GeoVirus.xml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    ap.add_argument("--half", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--limit", type=int, default=40, help="lines per group")
    ap.add_argument("--misses", action="store_true", help="also list gold toponyms not found")
    args = ap.parse_args()
    gaz = Gazetteer.open()
    wrong: dict[str, list[str]] = collections.defaultdict(list)
    misses: collections.Counter[str] = collections.Counter()
    false_pos: collections.Counter[str] = collections.Counter()
    n = ok = 0
    for text, locs in read_gold(args.gold, None if args.half == "all" else args.half):
        preds = geoparse(text, gaz)
        for p in preds:
            if not any(s < p["end"] and p["start"] < e for s, e, _, _ in locs):
                false_pos[f"{p['text']} -> {p['name']} ({p['country']}, {p['feature']})"] += 1
        for start, end, lat, lon in locs:
            name = text[start:end]
            hit = next((p for p in preds if p["start"] < end and start < p["end"]), None)
            if hit is None or hit["latitude"] is None:
                misses[name] += 1
                continue
            n += 1
            km = haversine_km(lat, lon, hit["latitude"], hit["longitude"])
            if km <= 161:
                ok += 1
                continue
            if hit["country"] is None:
                group = f"{hit['feature']} / no country"
            else:
                same = _country_holds(gaz, hit["country"], lat, lon)
                group = f"{hit['feature']} / {'same country' if same else 'OTHER COUNTRY'}"
            wrong[group].append(
                f"{km:7.0f} km  {name!r} -> {hit['name']} ({hit['country']}, {hit['admin1']}) "
                f"pred {hit['latitude']:.2f},{hit['longitude']:.2f} gold {lat:.2f},{lon:.2f}"
            )
    print(f"{args.half} half: {n} matched, {ok} within 161 km ({ok / max(n, 1):.3f})\n")
    for group, lines in sorted(wrong.items(), key=lambda kv: -len(kv[1])):
        print(f"== {group}: {len(lines)}")
        for line in sorted(lines, key=lambda s: -float(s.split()[0]))[: args.limit]:
            print("  " + line)
        print()
    print(f"== false positives: {sum(false_pos.values())}")
    for name, k in false_pos.most_common(args.limit):
        print(f"  {k:3d}  {name}")
    if args.misses:
        print(f"\n== missed gold toponyms: {sum(misses.values())}")
        for name, k in misses.most_common(args.limit):
            print(f"  {k:3d}  {name}")


if __name__ == "__main__":
    main()
