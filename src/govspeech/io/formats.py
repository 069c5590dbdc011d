"""Text out of document formats, with the standard library only.

* ``.docx``: the paragraphs of ``word/document.xml`` (tables and text boxes included), one line
  per paragraph; tabs and manual line breaks kept.
* ``.html``: the visible text, one line per block element (``<p>``, ``<div>``, ``<br>``,
  headings, list items, table rows); ``<script>``, ``<style>`` and the ``<head>`` dropped;
  table cells of a row separated by a tab.

The extracted text is what govspeech parses and what every offset refers to; it is kept in the
output records, so a span can always be checked against ``document.text``.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from html.parser import HTMLParser
from xml.etree import ElementTree

from govspeech.errors import DecodeError

DOCX_BODY = "word/document.xml"
#: What a damaged or unusual zip archive raises (bad CRC or deflate stream, encryption,
#: unsupported compression, truncation).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, zlib.error, NotImplementedError, RuntimeError,
               EOFError, ValueError)
#: Refuse archives whose main part would unpack to more than this (a zip bomb, not a speech).
MAX_DOCX_XML_BYTES = 512 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def is_docx(data: bytes) -> bool:
    """A zip archive holding ``word/document.xml`` (whatever the file is called)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCX_BODY in archive.namelist()
    except _ZIP_ERRORS:
        return False


def docx_text(data: bytes, source: str = "<docx>") -> str:
    """The text of a Word ``.docx`` file: one line per paragraph."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(DOCX_BODY)
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise DecodeError(f"{source}: {DOCX_BODY} unpacks to {info.file_size:,} bytes; refusing it")
            xml = archive.read(info)
    except _ZIP_ERRORS as exc:
        raise DecodeError(f"{source}: not a readable Word .docx file ({type(exc).__name__}: {exc})") from exc
    try:
        return "".join(_docx_pieces(xml))
    except ElementTree.ParseError as exc:
        raise DecodeError(f"{source}: {DOCX_BODY} is not well-formed XML ({exc})") from exc


def _docx_pieces(xml: bytes):
    # mc:Fallback repeats the content of mc:Choice (a text box drawn twice for old Word
    # versions); skipping it keeps each text once.
    skipping = 0
    for event, element in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = element.tag
        if tag == _MC_FALLBACK:
            skipping += 1 if event == "start" else -1
            continue
        if skipping or event == "start":
            continue
        if tag == f"{_W}t":
            yield element.text or ""
        elif tag == f"{_W}tab":
            yield "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"
        elif tag == f"{_W}p":
            yield "\n"
            element.clear()  # free the paragraph: large reports stay small in memory


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot "
    "tr ul".split())
_CELL_TAGS = frozenset(("td", "th"))
_HIDDEN_TAGS = frozenset(("script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"))
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SPACE = re.compile(r"[ \t\r\n\f\xa0]+")
_WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
#: A line break in the HTML source between two Chinese characters is no space in the page.
_BREAK_BETWEEN_WIDE = re.compile(rf"(?<={_WIDE})[ \t\r\f\xa0]*\n[ \t\r\n\f\xa0]*(?={_WIDE})")
_CELL_SEPARATOR = "\x1f"  # survives whitespace collapsing, becomes a tab at the end
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one line per paragraph or block."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return parser.text()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._pieces: list[str] = []  # raw text of the current line, whitespace as in the source
        self._hidden: list[str] = []  # open hidden elements (script, style …)
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self._hidden.clear()  # <body> ends the <head>, even when </head> was left out
        if self._hidden or tag in _HIDDEN_TAGS:
            if tag in _HIDDEN_TAGS and tag not in _VOID_TAGS:
                self._hidden.append(tag)
        elif tag == "br":
            self._break()
        elif tag in _BLOCK_TAGS:
            self._break()
            if tag == "pre":
                self._pre_depth += 1
        elif tag in _CELL_TAGS and self._pieces:
            self._pieces.append(_CELL_SEPARATOR)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self._hidden and (tag == "br" or tag in _BLOCK_TAGS):
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag == self._hidden[-1]:  # a stray end tag inside hidden content must not end it early
                self._hidden.pop()
            return
        if tag in _BLOCK_TAGS:
            self._break()
            if tag == "pre" and self._pre_depth:
                self._pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if not self._pre_depth:
            self._pieces.append(data)
            return
        first, *rest = data.split("\n")
        self._pieces.append(first)
        for line in rest:  # preformatted text keeps its own line breaks
            self._break(preformatted=True)
            self._pieces.append(line)

    def _break(self, preformatted: bool = False) -> None:
        line = "".join(self._pieces)
        self._pieces = []
        if not (preformatted or self._pre_depth):
            line = _SPACE.sub(" ", _BREAK_BETWEEN_WIDE.sub("", line))
        line = line.strip().replace(_CELL_SEPARATOR, "\t")
        if line:
            self._lines.append(line)

    def text(self) -> str:
        self._break()
        return "\n".join(self._lines)
