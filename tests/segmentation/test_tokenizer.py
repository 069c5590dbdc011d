"""The tokenizer: normalisation inside, char segmentation by default, pkuseg offline."""
from __future__ import annotations

import spacy

from govspeech.pipeline import default_config
from govspeech.segmentation import GovTokenizer, load_pkuseg


def test_char_segmentation_keeps_numbers_and_latin_whole(nlp):
    doc = nlp.make_doc("GDP增长6.95%，完成**亿元。")
    assert [t.text for t in doc] == ["GDP", "增", "长", "6.95", "%", ",", "完", "成", "**", "亿", "元", "。"]


def test_doc_text_is_the_normalised_text(nlp):
    doc = nlp.make_doc("全區(qū)ＧＤＰ")
    assert doc.text == "全区GDP"
    assert doc._.govspeech["norm"]["original"] == "全區(qū)ＧＤＰ"


def test_shipped_pkuseg_model_loads_offline_and_segments():
    seg = load_pkuseg()
    words = seg.cut("区交通运输局要严格落实安全生产责任")
    assert "".join(words) == "区交通运输局要严格落实安全生产责任"
    assert 3 <= len(words) <= 12
    assert "安全生产" in words  # from the domain user dictionary


def test_pkuseg_segmenter_from_config():
    config = default_config()
    config["nlp"]["tokenizer"]["segmenter"] = "pkuseg"
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert isinstance(nlp.tokenizer, GovTokenizer)
    doc = nlp.make_doc("全区生产总值增长6.5%。")
    assert doc.text == "全区生产总值增长6.5%。"
    assert len(doc) < len(doc.text)  # words, not characters
    assert "6.5" in [t.text for t in doc]
