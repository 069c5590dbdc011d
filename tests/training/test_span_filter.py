"""The span filter: candidates, features, policy, serialisation, and its place in the pipeline."""
from __future__ import annotations

import numpy as np
import pytest
import spacy

import govspeech
from govspeech import docstate
from govspeech.components.statistical.candidates import FILTER_LABELS, CandidateGenerator
from govspeech.components.statistical.features import featurize
from govspeech import resources

TEXT = ("一、上半年工作回顾\n全区生产总值达到14.8亿元，同比增长6.9%。\n"
        "二、下半年工作安排\n一是区交通运输局要在10月底前完成整治任务。二是抓好秸秆禁烧工作。")


@pytest.fixture(scope="module")
def rules():
    """The rule components alone (the default pipeline without any statistical component)."""
    statistical = tuple(name for name in govspeech.load().pipe_names if name == "govspeech_span_filter")
    return govspeech.load(exclude=statistical)


@pytest.fixture(scope="module")
def ruled_doc(rules):
    return rules(TEXT)


def markers():
    return resources.load_json("rules", "directive.json")["markers"]


def test_candidates_cover_rule_spans_and_unmarked_sentences(ruled_doc):
    cands = CandidateGenerator(FILTER_LABELS, markers())(ruled_doc)
    proposed = {(FILTER_LABELS[l], s, e) for l, s, e, p in zip(cands.labels, cands.starts, cands.ends, cands.proposed) if p}
    assert proposed == {(s.label_, s.start_char, s.end_char) for s in docstate.spans(ruled_doc) if s.label_ in FILTER_LABELS}
    extra = [docstate.text(ruled_doc)[s:e] for s, e, p in zip(cands.starts, cands.ends, cands.proposed) if not p]
    assert all(not x.startswith(("一是", "二是")) for x in extra)  # list markers are left out
    assert len(set(extra)) == len(extra)


def test_features_are_deterministic_and_one_row_per_candidate(ruled_doc):
    cands = CandidateGenerator(FILTER_LABELS, markers())(ruled_doc)
    keys, values, lengths = featurize(cands)
    again = featurize(CandidateGenerator(FILTER_LABELS, markers())(ruled_doc))
    assert len(lengths) == len(cands) and lengths.sum() == len(keys) == len(values)
    assert np.array_equal(keys, again[0])
    assert keys.dtype == np.uint64 and values.dtype == np.float32



def test_thresholds_zero_and_above_one_leave_the_rules_alone(rules, ruled_doc, tmp_path):
    import govspeech.components  # noqa: F401

    nlp = spacy.util.load_model_from_config(rules.config, auto_fill=True)
    pipe = nlp.add_pipe("govspeech_span_filter", config={"drop_below": {}, "add_from": {}})
    nlp.initialize()  # fresh weights: every probability is 0.5
    doc = nlp(TEXT)
    assert sorted((s.label_, s.start_char) for s in docstate.spans(doc)) == \
        sorted((s.label_, s.start_char) for s in docstate.spans(ruled_doc))
    pipe.cfg["add_from"] = {"DIRECTIVE": 0.0}  # add every candidate sentence
    pipe.cfg["drop_below"] = {"DEPARTMENT": 1.1}  # drop every department…
    doc = nlp(TEXT)
    # …except the subject of a task, right before an actor cue (区交通运输局要…), which is never dropped
    assert [s.text for s in docstate.spans(doc, "DEPARTMENT")] == ["区交通运输局"]
    assert not docstate.spans(nlp("二是督促区交通运输局完成整治任务。"), "DEPARTMENT")
    assert "抓好秸秆禁烧工作" in [s.text for s in docstate.spans(doc, "DIRECTIVE")]
    # serialisation keeps weights and thresholds
    other = spacy.util.load_model_from_config(rules.config, auto_fill=True).add_pipe("govspeech_span_filter")
    pipe.model.layers[1].get_param("W")[:5] = 1.0
    pipe.to_disk(tmp_path / "filter", exclude=["vocab"])
    other.initialize(lambda: [], weights=str(tmp_path / "filter"))
    assert other.cfg["drop_below"] == {"DEPARTMENT": 1.1}
    assert np.array_equal(other.model.layers[1].get_param("W"),
                          pipe.model.layers[1].get_param("W"))


def test_shipped_weights_are_small_and_free_of_strings():
    path = resources.resource_path("models", "span_filter")
    files = [p for p in path.rglob("*") if p.is_file()]
    assert files and not (path / "vocab").exists()
    assert sum(p.stat().st_size for p in files) < 2_000_000
