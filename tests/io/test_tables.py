"""Flat tables and writers: columns as documented, CSV/Parquet/JSONL round trips, pandas dtypes."""
from __future__ import annotations

import csv
import json
import re
import sys

import pytest

import govspeech
from govspeech.cli import main
from govspeech.io import MissingDependencyError, TABLES, open_writer, read_records, table_paths, to_pandas, write_records
from govspeech.io.tables import ATTRIBUTE_COLUMNS, iter_rows
from govspeech.schema import ATTRS_BY_LABEL, ErrorRecord

SPEECH = "上半年，全区生产总值达到**亿元，同比增长6.95%，排名全市第三。区交通运输局要在10月底前完成整治任务。"


@pytest.fixture
def pd():
    return pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def records(nlp):
    doc = govspeech.parse(SPEECH, doc_id="speech", nlp=nlp)
    doc = doc.model_copy(update={"meta": {"source": "speech.txt", "encoding": "gb18030", "format": "text"}})
    return [doc, ErrorRecord(id="scan.pdf", error="BinaryFileError", message="scan.pdf: looks like a binary file")]


def test_every_attribute_of_the_schema_has_a_column():
    names = {c.name for c in ATTRIBUTE_COLUMNS}
    for label, model in ATTRS_BY_LABEL.items():
        assert set(model.model_fields) - {"text"} <= names, label


def test_every_column_is_documented(project_root):
    page = (project_root / "docs" / "io.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, flags=re.MULTILINE))
    for table, columns in TABLES.items():
        assert {c.name for c in columns} <= documented, table


def test_spans_table(records, pd):
    spans = to_pandas(records)
    assert list(spans.columns) == [c.name for c in TABLES["spans"]]
    assert len(spans) == len(records[0].spans) and set(spans.doc_id) == {"speech"}
    quantity = spans[spans.label == "QUANTITY"].iloc[0]
    assert quantity.text == "**亿元" and quantity.masked and quantity.unit == "元"
    assert quantity.value is pd.NA  # masked: no value, not NaN or 0
    assert str(spans.dtypes["value"]) == "Float64" and str(spans.dtypes["position"]) == "Int64"
    for row in spans.itertuples():
        assert SPEECH[row.start:row.end] == row.text


def test_relations_table_reads_as_facts(records, pd):
    facts = to_pandas(records, "relations")
    increase = facts[facts.type == "INCREASE"].iloc[0]
    assert (increase.head_canonical, increase.tail_text, increase.tail_value, increase.tail_unit) == ("地区生产总值", "6.95%", 6.95, "%")
    due = facts[facts.type == "DUE"].iloc[0]
    assert (due.head_label, due.tail_text, due.tail_month) == ("DIRECTIVE", "10月底前", 10)


def test_documents_table_keeps_failures_and_the_text(records, pd):
    documents = to_pandas(records, "documents")
    assert list(documents.doc_id) == ["speech", "scan.pdf"]
    assert documents.loc[0, "text"] == SPEECH and documents.loc[0, "encoding"] == "gb18030"
    assert documents.loc[0, "flags"] == "mask" and documents.loc[1, "error"] == "BinaryFileError"
    with pytest.raises(ValueError, match="unknown table"):
        to_pandas(records, "entities")


def test_csv_writes_three_tables_readable_by_spreadsheets(records, tmp_path):
    written = write_records(records, tmp_path / "out.csv")
    assert written == list(table_paths(tmp_path / "out.csv").values())
    assert [p.name for p in written] == ["out.csv", "out.relations.csv", "out.documents.csv"]
    assert written[0].read_bytes().startswith(b"\xef\xbb\xbf")  # so Excel reads the Chinese as UTF-8
    with open(written[0], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["text"] for r in rows] == [s.text for s in records[0].spans]
    assert rows[1]["value"] == "" and rows[1]["masked"] == "True"


def test_parquet_round_trip_keeps_types_and_nulls(records, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    spans_path, relations_path, documents_path = write_records(records, tmp_path / "out.parquet")
    spans = pq.read_table(spans_path)
    assert spans.schema.field("value").type == "double" and spans.schema.field("masked").type == "bool"
    assert spans.to_pylist() == list(iter_rows(records, "spans"))
    assert pq.read_table(relations_path).to_pylist() == list(iter_rows(records, "relations"))
    assert pq.read_table(documents_path).column("error").to_pylist() == [None, "BinaryFileError"]


def test_jsonl_round_trip_and_spec_format(records, tmp_path):
    write_records(records, tmp_path / "out.jsonl")
    assert list(read_records(tmp_path / "out.jsonl")) == records
    write_records(records, tmp_path / "spec.jsonl", format="spec")
    lines = [json.loads(line) for line in (tmp_path / "spec.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines[0] == records[0].to_spec() and lines[1]["error"] == "BinaryFileError"


def test_table_formats_need_a_file():
    with pytest.raises(ValueError, match="give an output path"):
        open_writer(None, "parquet")


def test_missing_optional_packages_say_what_to_install(records, monkeypatch, tmp_path):
    for module in ("pandas", "pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, module, None)  # what an environment without them shows
    with pytest.raises(MissingDependencyError, match=r"pip install 'govspeech\[parquet\]'"):
        write_records(records, tmp_path / "out.parquet")
    with pytest.raises(MissingDependencyError, match=r"pip install 'govspeech\[pandas\]'"):
        to_pandas(records)
    assert main(["parse", "-o", str(tmp_path / "x.parquet"), str(tmp_path)]) == 2
