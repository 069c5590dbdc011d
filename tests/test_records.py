"""parse() records: offsets into the original text, views, JSON and the spec's JSONL shape."""
from __future__ import annotations

import json

import pytest

import govspeech
from govspeech import resources
from govspeech.errors import DocumentTooLargeError, InputTypeError
from tests.conftest import spans_of


@pytest.fixture(scope="module")
def example():
    return govspeech.parse(resources.read_text("examples", "example_speech.txt"), doc_id="example")


def test_every_span_slices_the_original(example):
    for span in example.spans:
        assert example.text[span.start:span.end] == span.text


def test_traditional_seed_offsets_point_into_original(seed_002):
    doc = govspeech.parse(seed_002)
    assert doc.text == seed_002
    assert doc.spans, "seed 002 has spans"
    for span in doc.spans:
        assert seed_002[span.start:span.end] == span.text
    # spans are reported in the original (Traditional) characters
    assert any("區" in s.text or "發" in s.text for s in doc.spans)


def test_indicator_view_collects_figures(example):
    gdp = next(f for f in example.indicators if f.name == "地区生产总值")
    assert [s.text for s in gdp.values] == ["58.6亿元"]
    assert [s.text for s in gdp.increases] == ["6.2%"]
    assert [s.text for s in gdp.ranks] == ["排名全市第二"]
    assert gdp.ranks[0].attrs.position == 2 and gdp.ranks[0].attrs.scope == "全市"


def test_directive_view_has_departments_and_deadlines(example):
    facts = next(f for f in example.directives if f.directive.text.startswith("县市场监管局要"))
    assert [d.text for d in facts.departments] == ["县市场监管局"]
    assert [d.text for d in facts.deadlines] == ["9月底前"]
    assert facts.deadlines[0].attrs.month == 9


def test_spec_jsonl_shape(example):
    record = json.loads(example.to_spec_json())
    assert set(record) == {"id", "text", "meta", "entities", "relations"}
    ids = {e["id"] for e in record["entities"]}
    for e in record["entities"]:
        assert set(e) == {"id", "label", "start_offset", "end_offset", "attrs"}
        assert record["text"][e["start_offset"]:e["end_offset"]]
    for r in record["relations"]:
        assert set(r) == {"id", "from_id", "to_id", "type"}
        assert r["from_id"] in ids and r["to_id"] in ids


def test_model_dump_json_round_trips(example):
    again = govspeech.Document.model_validate_json(example.model_dump_json())
    assert again == example


def test_masked_figures_are_spans():
    doc = govspeech.parse("固定资产投资完成**亿元，同比下降*%。")
    assert spans_of(doc, "QUANTITY") == ["**亿元"]
    assert spans_of(doc, "PERCENT") == ["*%"]
    quantity = doc.spans_by_label("QUANTITY")[0]
    assert quantity.attrs.masked and quantity.attrs.value is None and quantity.attrs.unit == "元"


def test_parse_many_streams_in_order_and_isolates_bad_input():
    out = list(govspeech.parse_many(["生产总值增长6%。", b"bytes", "", "投资增长3%。"]))
    assert [type(r).__name__ for r in out] == ["Document", "ErrorRecord", "Document", "Document"]
    assert out[1].error == "InputTypeError" and "decode" in out[1].message
    assert [r.id for r in out] == ["0", "1", "2", "3"]


def test_bad_input_types_raise_clear_errors():
    with pytest.raises(InputTypeError, match="decode"):
        govspeech.parse(b"\xe5\x8c\xba")
    with pytest.raises(InputTypeError, match="NoneType"):
        govspeech.parse(None)
    with pytest.raises(DocumentTooLargeError):
        govspeech.parse("增长6%" * 10, max_chars=20)


@pytest.mark.parametrize("text", ["", "   \n\t", "。，、；", "****", "<p>&nbsp;</p>", "😀😀", "\x00\x01"])
def test_degenerate_input_gives_empty_valid_result(text):
    doc = govspeech.parse(text)
    assert doc.text == text
    for span in doc.spans:
        assert text[span.start:span.end] == span.text
