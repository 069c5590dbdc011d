"""The displaCy view: every span drawn over exactly its characters, relations listed as facts."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import govspeech
from govspeech.cli import main
from govspeech.render import CHUNK, LABEL_COLORS, displacy_data, render_html, render_text

SPEECH = ("上半年，全区生产总值达到**亿元，同比增长6.95%，排名全市第三。\n\n"
          "区交通运输局要在10月底前完成整治任务；各乡镇要在年底前完成排查。")


@pytest.fixture(scope="module")
def doc(nlp):
    return govspeech.parse(SPEECH, doc_id="speech", nlp=nlp)


def test_paragraphs_tokens_and_spans_cover_the_text_exactly(doc):
    paragraphs = displacy_data(doc)
    assert [p["text"] for p in paragraphs] == [line for line in SPEECH.split("\n") if line]
    drawn = []
    offset = {p["text"]: SPEECH.index(p["text"]) for p in paragraphs}
    for paragraph in paragraphs:
        tokens = paragraph["tokens"]
        assert "".join(tokens) == paragraph["text"]
        for span in paragraph["spans"]:
            text = "".join(tokens[span["start_token"]:span["end_token"]])
            start = offset[paragraph["text"]] + sum(map(len, tokens[:span["start_token"]]))
            drawn.append((span["label"], start, start + len(text), text))
    assert sorted(drawn) == sorted((s.label, s.start, s.end, s.text) for s in doc.spans)
    for paragraph in paragraphs:  # inside spans, tokens are short enough to wrap between them
        inside = {i for s in paragraph["spans"] for i in range(s["start_token"], s["end_token"])}
        assert all(len(paragraph["tokens"][i]) <= CHUNK for i in inside)


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = []

    def handle_data(self, data):
        self.text.append(data)


def test_page_shows_labels_text_and_relations(doc):
    page = render_html(doc, title="示例")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    for label, color in LABEL_COLORS.items():
        assert label in page and color in page
    # no whitespace between the tags of a span's characters: it would show between them
    assert not re.search(r"</span>\s+<span", render_text(doc))
    visible = _Visible()
    visible.feed(page)
    text = re.sub("|".join(LABEL_COLORS), "", re.sub(r"\s+", "", "".join(visible.text)))  # labels drawn in the text
    assert "上半年，全区生产总值达到**亿元，同比增长6.95%，排名全市第三。" in text
    assert "Indicators(1)" in text and "Directives(2)" in text
    # the facts: the indicator row lists its figures, the directive rows their departments/deadlines
    assert re.search(r"生产总值\(地区生产总值\)\*\*亿元6\.95%排名全市第三", text)
    assert "区交通运输局要在10月底前完成整治任务区交通运输局10月底前" in text


def test_render_command_from_a_speech_and_from_parse_output(tmp_path, capsys):
    speech = tmp_path / "speech.txt"
    speech.write_bytes(SPEECH.encode("gb18030"))
    assert main(["render", str(speech), "-o", str(tmp_path / "page.html")]) == 0
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "govspeech: speech.txt" in page and "排名全市第三" in page
    assert main(["parse", str(speech), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert main(["render", str(tmp_path / "out.jsonl")]) == 0
    assert capsys.readouterr().out.count("排名全市第三") == page.count("排名全市第三")


def test_render_command_fails_on_unreadable_input(tmp_path, capsys):
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"%PDF-1.7\x00")
    assert main(["render", str(scan), "-o", str(tmp_path / "page.html")]) == 1
    assert "binary" in capsys.readouterr().err and not (tmp_path / "page.html").exists()
