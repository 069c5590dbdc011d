"""doccano and Label Studio: export, correct in the tool (simulated), import back as scheme records."""
from __future__ import annotations

import copy
import json
from xml.etree import ElementTree

import pytest

import govspeech
from govspeech import docstate
from govspeech.io.annotation import (
    AnnotationFormatError, from_doccano, from_label_studio, label_studio_config, read_doccano, read_label_studio,
    to_doccano, to_label_studio, write_doccano, write_label_studio,
)

SPEECH = ("上半年，全区生产总值达到**亿元，同比增长6.95%，排名全市第三。\n"
          "区交通运输局要在10月底前完成整治任务；各乡镇要在年底前完成排查。")


@pytest.fixture(scope="module")
def doc(nlp):
    return govspeech.parse(SPEECH, doc_id="speech-1", nlp=nlp)


def through_json(value):
    """What a tool sees and gives back: plain JSON, dict order and object identity lost."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def test_doccano_round_trip_is_lossless(doc):
    assert from_doccano(through_json(to_doccano(doc))) == doc.to_spec()


def test_doccano_round_trip_on_a_real_speech(nlp, seed_000):
    doc = govspeech.parse(seed_000, doc_id="seed-000", nlp=nlp)
    assert len(doc.spans) > 100
    assert from_doccano(through_json(to_doccano(doc))) == doc.to_spec()


def test_corrections_made_in_doccano_come_back(doc):
    exported = through_json(to_doccano(doc))
    # doccano re-numbers everything with its database ids, and exports them
    new_id = {e["id"]: 1000 + 7 * e["id"] for e in exported["entities"]}
    for entity in exported["entities"]:
        entity["id"] = new_id[entity["id"]]
    for relation in exported["relations"]:
        relation["from_id"], relation["to_id"] = new_id[relation["from_id"]], new_id[relation["to_id"]]
    ranking = next(e for e in exported["entities"] if e["label"] == "RANKING")
    exported["entities"].remove(ranking)  # the annotator deletes the ranking and its relation
    exported["relations"] = [r for r in exported["relations"] if ranking["id"] not in (r["from_id"], r["to_id"])]
    start = SPEECH.index("上半年")  # and adds a span govspeech missed
    exported["entities"].append({"id": 99999, "label": "DEADLINE", "start_offset": start, "end_offset": start + 3})
    exported["Comments"] = []

    record = from_doccano(exported)
    labels = [(e["label"], SPEECH[e["start_offset"]:e["end_offset"]]) for e in record["entities"]]
    assert labels[0] == ("DEADLINE", "上半年") and ("RANKING", "排名全市第三") not in labels
    assert [e["id"] for e in record["entities"]] == list(range(1, len(labels) + 1))
    assert record["entities"][0]["attrs"] == {}  # new span: no normalised attributes
    kept = {(e["label"], e["start_offset"]): e["attrs"] for e in record["entities"][1:]}
    original = {(e["label"], e["start_offset"]): e["attrs"] for e in doc.to_spec()["entities"]}
    assert all(original[key] == attrs for key, attrs in kept.items())
    types = [r["type"] for r in record["relations"]]
    assert "RANK" not in types and len(types) == len(doc.relations) - 1


def test_doccano_sequence_labelling_export_is_read_too():
    record = from_doccano({"id": 3, "text": "生产总值增长5%", "label": [[4, 6, "PERCENT"], [0, 4, "INDICATOR"]]})
    assert [(e["id"], e["label"]) for e in record["entities"]] == [(1, "INDICATOR"), (2, "PERCENT")]
    assert record["id"] == "3" and record["relations"] == []


@pytest.mark.parametrize(("broken", "message"), [
    ({"entities": [{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 2}]}, "unknown label"),
    ({"entities": [{"id": 1, "label": "INDICATOR", "start_offset": 0, "end_offset": 99}]}, "outside the text"),
    ({"entities": [], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "VALUE"}]}, "do not exist"),
])
def test_imports_that_do_not_fit_the_scheme_are_refused(broken, message):
    with pytest.raises(AnnotationFormatError, match=message):
        from_doccano({"text": "生产总值增长5%", **broken})


def test_doccano_files(doc, tmp_path):
    path = write_doccano([doc, doc.model_copy(update={"id": "speech-2"})], tmp_path / "review.jsonl")
    assert [r["id"] for r in read_doccano(path)] == ["speech-1", "speech-2"]


def test_label_studio_round_trip_through_predictions(doc):
    task = through_json(to_label_studio(doc))
    assert task["predictions"][0]["model_version"].startswith("govspeech ")
    assert from_label_studio(task) == doc.to_spec()


def test_label_studio_annotation_wins_over_prediction(doc):
    task = through_json(to_label_studio(doc))
    corrected = copy.deepcopy(task["predictions"][0]["result"])
    deadline = next(item for item in corrected if item.get("value", {}).get("labels") == ["DEADLINE"])
    corrected.remove(deadline)
    corrected = [item for item in corrected if deadline["id"] not in (item.get("from_id"), item.get("to_id"))]
    for item in corrected:  # an arrow drawn backwards still means head → tail
        if item["type"] == "relation" and item["labels"] == ["VALUE"]:
            item["from_id"], item["to_id"], item["direction"] = item["to_id"], item["from_id"], "left"
    task["annotations"] = [{"result": [], "was_cancelled": True}, {"result": corrected, "was_cancelled": False}]
    record = from_label_studio(task)
    deadlines = [e for e in record["entities"] if e["label"] == "DEADLINE"]
    assert len(deadlines) == len(doc.spans_by_label("DEADLINE")) - 1
    assert len([r for r in record["relations"] if r["type"] == "DUE"]) == len(deadlines)
    value = next(r for r in record["relations"] if r["type"] == "VALUE")
    by_id = {e["id"]: e["label"] for e in record["entities"]}
    assert (by_id[value["from_id"]], by_id[value["to_id"]]) == ("INDICATOR", "QUANTITY")


def test_label_studio_offsets_counted_in_utf16_are_understood():
    text = "𠮷𠮷区发改局要在9月底前完成。"  # two characters outside the BMP: two UTF-16 units each
    start = text.index("9月底前")
    region = {"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
              "value": {"start": start + 2, "end": start + 2 + 4, "text": "9月底前", "labels": ["DEADLINE"]}}
    record = from_label_studio({"data": {"text": text}, "annotations": [{"result": [region]}]})
    assert (record["entities"][0]["start_offset"], record["entities"][0]["end_offset"]) == (start, start + 4)
    region["value"]["text"] = "别的字"
    with pytest.raises(AnnotationFormatError, match="does not match"):
        from_label_studio({"data": {"text": text}, "annotations": [{"result": [region]}]})


def test_label_studio_config_names_every_label_and_relation(doc, tmp_path):
    view = ElementTree.fromstring(label_studio_config())
    assert [label.get("value") for label in view.iter("Label")] == list(docstate.LABELS)
    assert [rel.get("value") for rel in view.iter("Relation")] == list(docstate.RELATION_TYPES)
    labels, text = view.find("Labels"), view.find("Text")
    task = to_label_studio(doc)["predictions"][0]["result"][0]
    assert (labels.get("name"), labels.get("toName"), text.get("name")) == (task["from_name"], task["to_name"], task["to_name"])
    path = write_label_studio([doc], tmp_path / "tasks.json")
    assert read_label_studio(path) == [doc.to_spec()]
