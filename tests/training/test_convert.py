"""Gold records ⇄ Docs ⇄ DocBin through the normaliser's offset map, and the corpus reader."""
from __future__ import annotations

import json

import pytest

import govspeech
from govspeech import docstate
from govspeech.training import docbin_to_records, doc_from_record, read_examples, records_to_docbin
from govspeech.training.scoring import score_examples

# Traditional characters with a pinyin gloss and a full-width percent sign: the clean text is
# shorter than the original, so clean and original offsets differ after the gloss.
DIRTY = "全區(qū)生產總值增長６．９％。區交通運輸局要在10月底前完成整治任務。"


@pytest.fixture(scope="module")
def nlp():
    return govspeech.load()


@pytest.fixture(scope="module")
def record():
    return govspeech.parse(DIRTY, doc_id="dirty").to_spec()


def test_record_offsets_move_to_clean_text_and_back(nlp, record):
    doc = doc_from_record(nlp, record)
    norm = docstate.normalized(doc)
    assert norm is not None and len(docstate.text(doc)) < len(DIRTY)
    by_label = {e["label"]: e for e in record["entities"]}
    gold = by_label["DEPARTMENT"]
    span = next(s for s in docstate.spans(doc, "DEPARTMENT"))
    assert norm.to_original(span.start_char, span.end_char) == (gold["start_offset"], gold["end_offset"])
    assert span.start_char < gold["start_offset"]  # the gloss is gone from the clean text
    assert len(docstate.relations(doc)) == len(record["relations"])


def test_docbin_round_trip_keeps_the_record(nlp, record, tmp_path):
    path = tmp_path / "gold.spacy"
    records_to_docbin(nlp, [record]).to_disk(path)
    [back] = docbin_to_records(path)
    assert back["id"] == "dirty" and back["text"] == DIRTY
    strip = lambda r: sorted((e["label"], e["start_offset"], e["end_offset"]) for e in r["entities"])  # noqa: E731
    assert strip(back) == strip(record)
    assert len(back["relations"]) == len(record["relations"])


@pytest.mark.parametrize("suffix", ["jsonl", "spacy"])
def test_reader_pairs_original_text_with_gold(nlp, record, tmp_path, suffix):
    path = tmp_path / f"gold.{suffix}"
    if suffix == "jsonl":
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        records_to_docbin(nlp, [record]).to_disk(path)
    [example] = read_examples(nlp, path)
    assert example.predicted.text == example.reference.text
    assert docstate.normalized(example.predicted).original == DIRTY
    # the prediction of the default pipeline is the gold here: perfect scores
    nlp(example.predicted)
    scores = score_examples([example])
    assert scores["gs_overlap_f"] == pytest.approx(1.0)


def test_prediction_from_clean_text_scores_like_from_original(nlp, record):
    """spacy evaluate tokenises reference.text (clean); the score must not change."""
    reference = doc_from_record(nlp, record)
    from spacy.training import Example

    example = Example(nlp(reference.text), reference)
    assert score_examples([example])["gs_overlap_f"] == pytest.approx(1.0)


def test_reader_filters_splits(nlp, record, tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [dict(record, id=f"doc-{i}", meta={"split": split}) for i, split in enumerate(["train", "dev", "test"])]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert len(list(read_examples(nlp, path, splits=("train", "dev")))) == 2
