"""The spaCy side: config-built pipeline, factories, DocBin and multiprocessing round trips."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import DocBin

import govspeech
from govspeech import docstate
from govspeech.records import doc_to_record

TEXT = "上半年，全區(qū)生产总值达到**亿元，同比增长6.5%，排名全市第三。区交通运输局要在10月底前完成整治任务。"


def test_pipeline_is_built_from_the_shipped_config(nlp):
    assert nlp.pipe_names == ["govspeech_ranking", "govspeech_numbers", "govspeech_directive", "govspeech_deadline",
                              "govspeech_department", "govspeech_indicator", "govspeech_relations",
                              "govspeech_span_filter"]
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "govspeech.Tokenizer.v1"


def test_factories_are_registered_with_spacy():
    for name in ("govspeech_numbers", "govspeech_ranking", "govspeech_directive", "govspeech_deadline",
                 "govspeech_department", "govspeech_indicator", "govspeech_relations", "govspeech_span_filter"):
        assert spacy.registry.has("factories", name) or name in spacy.language.Language.factories


def test_docbin_round_trip_keeps_everything(nlp):
    doc = nlp(TEXT)
    before = doc_to_record(doc)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (restored,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    after = doc_to_record(restored)
    assert after == before
    assert before.relations and any(s.text == "全區(qū)生产总值" or s.text == "生产总值" for s in before.spans)


def test_pipe_with_two_processes_matches_one(nlp):
    texts = [TEXT, "社会消费品零售总额增长7.8%。", TEXT.replace("三", "五")] * 3
    single = [doc_to_record(d) for d in nlp.pipe(texts)]
    double = [doc_to_record(d) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert single == double


def test_to_disk_and_load_with_spacy_and_govspeech(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    for loaded in (spacy.load(tmp_path / "pipeline"), govspeech.load(tmp_path / "pipeline")):
        assert doc_to_record(loaded(TEXT)) == doc_to_record(nlp(TEXT))


def test_component_data_travels_with_the_pipeline(tmp_path):
    nlp = spacy.util.load_model_from_config(govspeech.pipeline.default_config(), auto_fill=True)
    nlp.initialize()
    numbers = nlp.get_pipe("govspeech_numbers")
    numbers.data["units"]["瓶"] = "瓶"
    numbers.compile()
    assert [s.text for s in docstate.spans(nlp("售出300瓶。"), "QUANTITY")] == ["300瓶"]
    nlp.to_disk(tmp_path / "custom")
    reloaded = spacy.load(tmp_path / "custom")
    assert [s.text for s in docstate.spans(reloaded("售出300瓶。"), "QUANTITY")] == ["300瓶"]


def test_an_uninitialised_span_filter_says_how_to_get_weights():
    nlp = spacy.util.load_model_from_config(govspeech.pipeline.default_config(), auto_fill=True)
    with pytest.raises(ValueError, match="initialize"):
        nlp(TEXT)


def test_spans_live_in_a_normal_span_group(nlp):
    doc = nlp(TEXT)
    labels = {s.label_ for s in doc.spans["govspeech"]}
    assert {"INDICATOR", "QUANTITY", "PERCENT", "RANKING", "DIRECTIVE", "DEPARTMENT", "DEADLINE"} <= labels
    quantity = next(s for s in doc.spans["govspeech"] if s.label_ == "QUANTITY")
    assert quantity._.attrs["masked"] is True


def test_a_pipeline_saved_with_older_rule_data_still_loads(nlp, tmp_path):
    nlp.to_disk(tmp_path / "old")
    data_file = tmp_path / "old" / "govspeech_relations" / "data.json"
    import srsly

    data = srsly.read_json(data_file)
    del data["rules"]["generic_nouns"]  # a key that an older version did not have
    srsly.write_json(data_file, data)
    reloaded = spacy.load(tmp_path / "old")
    assert doc_to_record(reloaded(TEXT)) == doc_to_record(nlp(TEXT))


def test_parse_many_in_two_processes_matches_one():
    texts = [TEXT, "社会消费品零售总额增长7.8%。", TEXT.replace("三", "五"), None, "排名全省第一。"] * 3
    one = list(govspeech.parse_many(texts, n_process=1, batch_size=2))
    two = list(govspeech.parse_many(texts, n_process=2, batch_size=2))
    assert one == two
    assert [type(r).__name__ for r in two[:5]] == ["Document", "Document", "Document", "ErrorRecord", "Document"]
