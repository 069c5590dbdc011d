"""Document-level cross-validation of the span filter (what scripts/train_models.py runs)."""
from __future__ import annotations

import shutil

import pytest

import govspeech
from govspeech.corpus import read_gold
from govspeech.evaluate import predict
from govspeech.scoring import score_records
from govspeech.training.crossval import cross_validate, fit
from govspeech.training.train import ADD_GRID, DROP_GRID

SEEDS = ("seed-000", "seed-003")  # gold records that carry their text: no ../shared needed


@pytest.fixture(scope="module")
def gold(project_root, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gold")
    for name in SEEDS:
        shutil.copy(project_root / "corpus" / "gold" / f"{name}.jsonl", folder)
    return folder


@pytest.fixture(scope="module")
def cv(project_root, gold):
    return cross_validate(project_root / "configs" / "span_filter.cfg", gold, splits=("dev",),
                          overrides={"training.max_epochs": 2}, progress=False)


def test_every_document_is_held_out_exactly_once(cv):
    assert sorted(d for fold in cv.folds for d in fold) == sorted(SEEDS)
    assert all(len(fold) == 1 for fold in cv.folds)


def test_rules_only_scores_are_those_of_the_rule_pipeline(cv, gold):
    # the out-of-fold "rules" column must be exactly what govspeech evaluate gives the rules alone
    rules = govspeech.load(exclude=("govspeech_span_filter",))
    expected = score_records(predict(list(read_gold(gold, splits=("dev",))), rules))
    assert cv.rules["overlap"] == expected["overlap"]
    assert cv.rules["relations"]["ALL"] == expected["relations"]["ALL"]


def test_thresholds_come_from_the_grids_and_the_table_reports_every_label(cv):
    for label in ("DIRECTIVE", "INDICATOR", "DEPARTMENT"):
        assert cv.thresholds[label]["drop_below"] in DROP_GRID
        assert cv.thresholds[label]["add_from"] in ADD_GRID
        # thresholds are chosen to maximise the label's out-of-fold F1, never to lower it
        assert cv.filtered["overlap"][label]["f"] >= cv.rules["overlap"][label]["f"] - 1e-9
    table = cv.table()
    assert all(label in table for label in ("INDICATOR", "DEADLINE", "relations", "attributes"))


def test_fit_trains_on_all_documents_and_keeps_the_thresholds(project_root, gold, cv):
    nlp, pipe = fit(project_root / "configs" / "span_filter.cfg", gold, cv.thresholds, splits=("dev",),
                    overrides={"training.max_epochs": 1}, progress=False)
    assert {k: pipe.cfg["drop_below"][k] for k in cv.thresholds} == {k: t["drop_below"] for k, t in cv.thresholds.items()}
    assert pipe.model.layers[1].get_param("W").any()  # it learned something
    assert nlp.pipe_names[-1] == "govspeech_span_filter"


def test_too_few_documents_is_a_clear_error(project_root, gold):
    with pytest.raises(ValueError, match="at least two documents"):
        cross_validate(project_root / "configs" / "span_filter.cfg", gold, splits=("test",), progress=False)
