"""The command line: parse in three formats, encodings, failures with exit status, evaluate."""
from __future__ import annotations

import json

import pytest

from govspeech.cli import main

SPEECH = "上半年，全区生产总值达到14.8亿元，同比增长6.95%，排名全市第三。区交通运输局要在10月底前完成整治任务。"


@pytest.fixture
def speech_files(tmp_path):
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(SPEECH, encoding="utf-8")
    gb = tmp_path / "gb.txt"
    gb.write_bytes(SPEECH.encode("gb18030"))
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("全區生產總值增長6.95%，排名全市第三。".encode("big5"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + SPEECH.encode("utf-8"))
    return utf8, gb, big5, bom


def test_parse_jsonl_reads_every_encoding(speech_files, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["parse", *map(str, speech_files), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["meta"]["encoding"] for r in records] == ["utf-8", "gb18030", "big5", "utf-8-sig"]
    assert records[0]["text"] == records[1]["text"] == SPEECH
    for r in records:
        for s in r["spans"]:
            assert r["text"][s["start"]:s["end"]] == s["text"]
    assert any(s["text"] == "排名全市第三" for s in records[2]["spans"])


def test_parse_spec_format(speech_files, capsys):
    assert main(["parse", str(speech_files[0]), "--format", "spec"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {e["label"] for e in record["entities"]} >= {"INDICATOR", "QUANTITY", "PERCENT", "RANKING", "DEADLINE"}


def test_parse_json_format_single_document(speech_files, capsys):
    assert main(["parse", str(speech_files[0]), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == SPEECH


def test_unreadable_and_binary_files_fail_clearly_but_others_are_kept(speech_files, tmp_path, capsys):
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\x00\x01binary")
    missing = tmp_path / "missing.txt"
    status = main(["parse", str(binary), str(missing), str(speech_files[0])])
    captured = capsys.readouterr()
    assert status == 1
    assert "binary" in captured.err and "cannot read" in captured.err
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line.get("error") for line in lines] == ["BinaryFileError", "DecodeError", None]


def test_example_command(capsys):
    assert main(["example"]) == 0
    out = capsys.readouterr().out
    assert "INDICATOR 地区生产总值" in out and "DIRECTIVE" in out


def test_evaluate_on_a_gold_file(project_root, capsys):
    gold = project_root / "corpus" / "gold" / "seed-003.jsonl"
    assert main(["evaluate", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "QUANTITY" in out and "attribute accuracy" in out
