"""Batch parsing: order, meta, errors at their place, recovery from pipeline failures, progress."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language

import govspeech
from govspeech.cli import main
from govspeech.io import parse_files, parse_texts, progress_bar
from govspeech.pipeline import default_config
from govspeech.schema import Document, ErrorRecord

TEXTS = ["上半年，全区生产总值达到14.8亿元，同比增长6.95%，排名全市第三。",
         "区交通运输局要在10月底前完成整治任务。",
         "社会消费品零售总额增长7.8%。"]


@Language.component("test_explode_on_boom")
def explode_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component bug triggered by this document")
    return doc


@pytest.fixture(scope="module")
def fragile_nlp():
    """The shipped pipeline plus a component that fails on documents containing BOOM."""
    nlp = spacy.util.load_model_from_config(default_config(), auto_fill=True)
    nlp.initialize()
    nlp.add_pipe("test_explode_on_boom")
    return nlp


def ids_and_errors(records):
    return [(r.id, r.error if isinstance(r, ErrorRecord) else None) for r in records]


def test_parse_texts_equals_parse_many(nlp):
    assert list(parse_texts(TEXTS, nlp=nlp, progress=False)) == list(govspeech.parse_many(TEXTS, nlp=nlp))


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_document_that_breaks_the_pipeline_costs_only_itself(fragile_nlp, nlp, n_process):
    texts = [TEXTS[0], TEXTS[1], "BOOM 生产总值增长5%。", None, TEXTS[2], "BOOM again", *TEXTS * 4]
    records = list(parse_texts(texts, nlp=fragile_nlp, n_process=n_process, batch_size=2, progress=False))
    assert ids_and_errors(records)[:6] == [("0", None), ("1", None), ("2", "RuntimeError"), ("3", "InputTypeError"),
                                           ("4", None), ("5", "RuntimeError")]
    assert "component bug" in records[2].message
    good = [(r.id, r.spans) for r in records if isinstance(r, Document)]
    expected = [(d.id, d.spans) for d in govspeech.parse_many(
        [(t, str(i)) for i, t in enumerate(texts) if isinstance(t, str) and "BOOM" not in t], as_tuples=True, nlp=nlp)]
    assert good == expected and len(records) == len(texts)


def test_a_failure_to_read_the_inputs_is_not_blamed_on_documents(nlp):
    def texts():
        yield TEXTS[0]
        raise OSError("the network share went away")

    with pytest.raises(OSError, match="network share"):
        list(parse_texts(texts(), nlp=nlp, progress=False))


def test_parse_files_keeps_input_order_meta_and_read_errors(tmp_path, nlp):
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "c.txt").write_bytes(TEXTS[1].encode("gb18030"))
    records = list(parse_files([tmp_path, tmp_path / "missing.txt"], nlp=nlp, progress=False))
    assert ids_and_errors(records) == [(str(tmp_path / "a.txt"), None), (str(tmp_path / "b.txt"), "BinaryFileError"),
                                       (str(tmp_path / "c.txt"), None), (str(tmp_path / "missing.txt"), "DecodeError")]
    assert records[2].meta == {"source": str(tmp_path / "c.txt"), "encoding": "gb18030", "format": "text"}
    assert records[2].text == TEXTS[1]


def test_progress_bar_on_off_and_default(capsys):
    records = list(range(5))
    assert progress_bar(records, progress=False) is records
    assert progress_bar(records) is records  # standard error is not a terminal under pytest
    bar = progress_bar(iter(records), total=5, progress=True)
    bar.delay = 0  # show at once (by default it waits a second, so short runs stay quiet)
    assert list(bar) == records
    assert "5/5" in capsys.readouterr().err


def test_cli_parses_a_folder_with_worker_processes_and_reports_failures(tmp_path, capsys):
    folder = tmp_path / "speeches"
    folder.mkdir()
    for number, text in enumerate(TEXTS * 2):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 BOM, then half a surrogate pair
    out = tmp_path / "out.jsonl"
    status = main(["parse", str(folder), "-o", str(out), "--n-process", "2", "--no-progress"])
    err = capsys.readouterr().err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert status == 1 and "broken.txt" in err and "7 documents, 1 failed" in err
    assert [r["id"].rsplit("/", 1)[1] for r in records] == ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt", "5.txt",
                                                            "broken.txt"]
    assert records[-1]["error"] == "DecodeError" and "byte-order mark" in records[-1]["message"]
