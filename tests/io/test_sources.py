"""Reading: encodings, .docx and .html extraction, folders and globs, per-file errors."""
from __future__ import annotations

import pytest

import govspeech
from govspeech.errors import BinaryFileError, DecodeError
from govspeech.io import decode_bytes, iter_paths, iter_sources, read_text
from govspeech.io.formats import html_text
from govspeech.schema import ErrorRecord
from tests.io.docx_fixture import docx_of_lines, make_docx, paragraph

SPEECH = "上半年，全区生产总值达到14.8亿元，同比增长6.95%，排名全市第三。\n区交通运输局要在10月底前完成整治任务。"


@pytest.mark.parametrize(("data", "encoding"), [
    (SPEECH.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + SPEECH.encode("utf-8"), "utf-8-sig"),
    (SPEECH.encode("gb18030"), "gb18030"),
    (SPEECH.encode("gbk"), "gb18030"),
    (SPEECH.encode("utf-16"), "utf-16"),
])
def test_decode_bytes_detects_the_encoding(data, encoding):
    assert decode_bytes(data) == (SPEECH, encoding)


def test_big5_is_told_apart_from_gb18030():
    traditional = "全區生產總值增長6.95%，排名全市第三。區交通運輸局要在10月底前完成整治任務。"
    assert decode_bytes(traditional.encode("big5")) == (traditional, "big5")


def test_a_declared_charset_is_used_only_when_the_bytes_fit_it():
    assert decode_bytes(SPEECH.encode("gbk"), declared="gb2312") == (SPEECH, "gb18030")
    # a page that declares Big5 but is really UTF-8: the declaration is wrong, UTF-8 wins
    assert decode_bytes(SPEECH.encode("utf-8"), declared="big5") == (SPEECH, "utf-8")
    traditional = "全區生產總值增長6.95%"
    assert decode_bytes(traditional.encode("big5"), declared="big5") == (traditional, "big5")
    assert decode_bytes(SPEECH.encode("utf-8"), declared="no-such-codec") == (SPEECH, "utf-8")


def test_binary_data_is_refused():
    with pytest.raises(BinaryFileError, match="binary"):
        decode_bytes(b"%PDF-1.7 ...")


def test_docx_paragraphs_tables_tabs_and_breaks(tmp_path):
    body = (paragraph("区政府工作报告") + "<w:p><w:r><w:t>指标</w:t><w:tab/><w:t>数值</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc>" + paragraph("生产总值") + "</w:tc><w:tc>" + paragraph("14.8亿元") + "</w:tc></w:tr></w:tbl>"
            # a text box: Word stores it twice (mc:Choice and the mc:Fallback for old versions)
            "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent>" + paragraph("文本框")
            + "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>" + paragraph("文本框")
            + "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"
            "<w:p><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del><w:r><w:t>留下</w:t></w:r></w:p>")
    path = tmp_path / "report.docx"
    path.write_bytes(make_docx(body))
    source = read_text(path)
    assert (source.format, source.encoding) == ("docx", "utf-8")
    assert source.text.split("\n") == ["区政府工作报告", "指标\t数值", "第二行", "生产总值", "14.8亿元", "文本框", "", "留下", ""]


def test_a_docx_is_recognised_by_its_content_whatever_its_name(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_bytes(docx_of_lines(SPEECH.split("\n")))
    assert read_text(path).format == "docx"


def test_broken_docx_files_fail_clearly(tmp_path):
    not_zip = tmp_path / "a.docx"
    not_zip.write_text("plain text, wrong name", encoding="utf-8")
    with pytest.raises(DecodeError, match="not a Word .docx"):
        read_text(not_zip)
    other_zip = tmp_path / "b.zip"
    other_zip.write_bytes(make_docx("").replace(b"word/document.xml", b"word/documenX.xml"))
    with pytest.raises(BinaryFileError):
        read_text(other_zip)


def test_a_damaged_docx_is_one_error_among_readable_files(tmp_path):
    data = bytearray(docx_of_lines(["区交通运输局要在10月底前完成整治任务。" * 20]))
    # the first occurrence of the name is the entry's local header; its compressed data follows
    start = data.index(b"word/document.xml") + len(b"word/document.xml")
    data[start + 10:start + 40] = b"\xff" * 30
    (tmp_path / "damaged.docx").write_bytes(bytes(data))
    (tmp_path / "fine.txt").write_text(SPEECH, encoding="utf-8")
    damaged, fine = iter_sources(tmp_path)
    assert isinstance(damaged, ErrorRecord) and damaged.error == "DecodeError" and "not a readable" in damaged.message
    assert fine.text == SPEECH


def test_offsets_of_a_parsed_docx_refer_to_the_extracted_text(tmp_path, seed_003):
    path = tmp_path / "seed.docx"
    path.write_bytes(docx_of_lines(seed_003.split("\n")))
    source = read_text(path)
    assert source.text == seed_003 + "\n"  # one line per paragraph, each ended by a break
    doc = govspeech.parse(source.text)
    assert doc.spans and all(source.text[s.start:s.end] == s.text for s in doc.spans)
    assert doc.spans == govspeech.parse(seed_003).spans


HTML = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>网页标题</title><style>p { color: red }</style>
<script>var s = "<p>不是正文</p>";</script></head>
<body><nav>首页 &gt; 政务公开</nav>
<h1>区政府工作报告</h1>
<p>&nbsp;&nbsp;上半年，全区<b>生产</b>
总值达到14.8亿元，<br>同比增长6.95%。</p>
<div>区交通运输局要在10月底前完成整治任务。<span>Open
data</span></div>
<table><tr><th>指标</th><th>数值</th></tr><tr><td>生产总值</td><td>14.8亿元</td></tr></table>
<pre>一  二
三</pre><noscript>请启用脚本</noscript></body></html>"""


def test_html_visible_text_one_line_per_block():
    assert html_text(HTML).split("\n") == [
        "首页 > 政务公开", "区政府工作报告", "上半年，全区生产总值达到14.8亿元，", "同比增长6.95%。",
        "区交通运输局要在10月底前完成整治任务。Open data", "指标\t数值", "生产总值\t14.8亿元", "一  二", "三"]


def test_html_body_ends_an_unclosed_head():
    assert html_text("<html><head><title>标题</title><body><p>正文一</p><p>正文二") == "正文一\n正文二"


def test_html_file_in_its_declared_legacy_encoding(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(HTML.encode("gb18030"))
    source = read_text(path)
    assert (source.format, source.encoding) == ("html", "gb18030")
    doc = govspeech.parse(source.text)
    assert {"生产总值", "6.95%", "区交通运输局", "10月底前"} <= {s.text for s in doc.spans}


def test_html_is_recognised_by_its_content(tmp_path):
    path = tmp_path / "saved_page"
    path.write_text(HTML, encoding="utf-8")
    assert read_text(path).format == "html"


@pytest.fixture
def corpus_folder(tmp_path):
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "a.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "2023" / "b.TXT").write_bytes(SPEECH.encode("gb18030"))
    (tmp_path / "c.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "d.docx").write_bytes(docx_of_lines([SPEECH]))
    (tmp_path / "notes.md").write_text("not a speech", encoding="utf-8")
    return tmp_path


def test_iter_paths_expands_folders_and_globs_once_each(corpus_folder):
    root = str(corpus_folder)
    in_folder = list(iter_paths(root))
    assert [p[len(root) + 1:] for p in in_folder] == ["2023/a.txt", "2023/b.TXT", "c.html", "d.docx"]
    assert list(iter_paths([f"{root}/**/*.txt", root])) == [f"{root}/2023/a.txt", *in_folder[1:]]
    assert list(iter_paths(f"{root}/missing.txt")) == [f"{root}/missing.txt"]


def test_iter_sources_reports_formats_encodings_and_failures(corpus_folder):
    (corpus_folder / "scan.txt").write_bytes(b"%PDF-1.4\x00")
    root = str(corpus_folder)
    sources = list(iter_sources([root, f"{root}/*.pdf", f"{root}/empty-folder-that-is-missing/"]))
    read = [(s.path[len(root) + 1:], s.format, s.encoding) for s in sources if not isinstance(s, ErrorRecord)]
    assert read == [("2023/a.txt", "text", "utf-8"), ("2023/b.TXT", "text", "gb18030"), ("c.html", "html", "utf-8"),
                    ("d.docx", "docx", "utf-8")]
    failures = [(s.id[len(root) + 1:], s.error) for s in sources if isinstance(s, ErrorRecord)]
    assert failures == [("scan.txt", "BinaryFileError"), ("*.pdf", "DecodeError"),
                        ("empty-folder-that-is-missing/", "DecodeError")]
    assert "no file matches" in sources[-2].message and "cannot read" in sources[-1].message
