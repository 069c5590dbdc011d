"""The gold corpus: valid spec JSONL, public texts standoff only, offsets that fit the texts."""
from __future__ import annotations

import json

import pytest

from govspeech.corpus import read_gold, resolve_text
from govspeech.scoring import LABELS
from tests.conftest import SHARED

RELATION_LABELS = {
    "VALUE": ("INDICATOR", {"QUANTITY", "PERCENT"}), "INCREASE": ("INDICATOR", {"QUANTITY", "PERCENT"}),
    "DECREASE": ("INDICATOR", {"QUANTITY", "PERCENT"}), "SHARE": ("INDICATOR", {"PERCENT"}),
    "COMPLETION": ("INDICATOR", {"PERCENT"}), "TARGET": ("INDICATOR", {"QUANTITY", "PERCENT"}),
    "RANK": ("INDICATOR", {"RANKING"}), "RESPONSIBLE": ("DIRECTIVE", {"DEPARTMENT"}), "DUE": ("DIRECTIVE", {"DEADLINE"}),
}


def gold_records(project_root):
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((project_root / "corpus" / "gold").glob("*.jsonl"))]


def test_public_texts_are_standoff_only(project_root):
    for record in gold_records(project_root):
        if record["meta"]["source"].startswith("public/"):
            assert "text" not in record and len(record["meta"]["sha256"]) == 64


def test_splits_keep_whole_documents_apart(project_root):
    splits = {r["id"]: r["meta"]["split"] for r in gold_records(project_root)}
    assert set(splits.values()) == {"train", "dev", "test"}
    assert sum(1 for s in splits.values() if s == "test") >= 4


def test_entities_and_relations_are_valid(project_root):
    for record in gold_records(project_root):
        try:
            record = resolve_text(record, SHARED)
        except FileNotFoundError:
            pytest.skip("../shared/public is not available")
        by_id = {e["id"]: e for e in record["entities"]}
        for e in record["entities"]:
            assert e["label"] in LABELS
            assert 0 <= e["start_offset"] < e["end_offset"] <= len(record["text"])
            span = record["text"][e["start_offset"]:e["end_offset"]]
            assert span == span.strip(), (record["id"], span)
        for r in record["relations"]:
            head, tails = RELATION_LABELS[r["type"]]
            assert by_id[r["from_id"]]["label"] == head and by_id[r["to_id"]]["label"] in tails


def test_read_gold_filters_by_split(project_root):
    docs = list(read_gold(project_root / "corpus" / "gold", shared=SHARED, splits=("dev",)))
    assert docs and all(d.split == "dev" for d in docs)


def test_gold_round_trips_through_anchor_files(project_root, tmp_path):
    # Re-reviews of standoff documents start from anchors rebuilt from the committed gold;
    # the rebuilt anchors must give back exactly the same entities and relations.
    import sys

    sys.path.insert(0, str(project_root / "scripts"))
    from anchors_to_jsonl import convert
    from gold_to_anchors import same_annotations, to_anchors

    record = json.loads((project_root / "corpus" / "gold" / "seed-002.jsonl").read_text(encoding="utf-8"))
    if not (SHARED / record["meta"]["source"]).exists():
        pytest.skip("../shared/seeds is not available")
    anchors = to_anchors(record, SHARED)
    path = tmp_path / "seed-002.json"
    path.write_text(json.dumps(anchors, ensure_ascii=False), encoding="utf-8")
    assert same_annotations(record, convert(path, SHARED))
