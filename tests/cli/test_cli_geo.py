"""The geoparsing commands: every place of an article, and the score against gold toponyms."""

import json

from click.testing import CliRunner

from protestwatch.cli import main

TEXT = "Traders marched from Osh to Jalal-Abad on Monday, and a smaller group rallied in Bishkek."


def test_geoparse_writes_one_line_per_article(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "k1", "text": TEXT, "published": "2023-05-02"}) + "\n", encoding="utf-8")
    out = tmp_path / "places.jsonl"
    r = CliRunner().invoke(main, ["geoparse", str(src), "--out", str(out)])
    assert r.exit_code == 0, r.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "k1"
    got = {(p["text"], p["country"]) for p in record["places"]}
    assert {("Osh", "KG"), ("Jalal-Abad", "KG"), ("Bishkek", "KG")} <= got
    for p in record["places"]:
        assert TEXT[p["start"] : p["end"]] == p["text"]


def test_evaluate_geo_scores_a_gold_file(tmp_path):
    osh, bishkek = TEXT.index("Osh"), TEXT.index("Bishkek")
    gold = tmp_path / "gold.xml"
    gold.write_text(
        "<articles><article><text>" + TEXT + "</text><locations>"
        f"<location><start>{osh}</start><end>{osh + 3}</end><lat>40.53</lat><lon>72.80</lon></location>"
        f"<location><start>{bishkek}</start><end>{bishkek + 7}</end><lat>42.87</lat><lon>74.59</lon></location>"
        "</locations></article></articles>",
        encoding="utf-8",
    )
    r = CliRunner().invoke(main, ["evaluate-geo", "--gold", str(gold), "--json"])
    assert r.exit_code == 0, r.output
    score = json.loads(r.stdout)
    assert score["gold"] == 2 and score["recall"] == 1.0 and score["accuracy_161km"] == 1.0
