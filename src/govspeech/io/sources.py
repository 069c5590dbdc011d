"""Reading speeches from files, folders and glob patterns.

:func:`read_text` reads one file of any supported format and says what it found
(``TextFile.encoding`` and ``TextFile.format``); :func:`iter_sources` walks many inputs and
turns a file that cannot be read into an :class:`~govspeech.schema.ErrorRecord` instead of
stopping.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Literal, Union

from govspeech.errors import DecodeError, GovspeechError
from govspeech.io.encoding import decode_bytes
from govspeech.io.formats import docx_text, html_charset, html_text, is_docx, looks_like_html
from govspeech.schema import ErrorRecord

Format = Literal["text", "docx", "html"]
#: File name endings picked up when a folder is given, and the format each is read as.
SUFFIX_FORMATS: dict[str, Format] = {".txt": "text", ".text": "text", ".docx": "docx",
                                     ".html": "html", ".htm": "html", ".xhtml": "html"}
PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class TextFile:
    """A file's text and how it was read.

    ``encoding`` is the detected one (``utf-8``, ``utf-8-sig``, ``gb18030``, ``big5`` …; the XML
    encoding for ``.docx``); ``format`` is ``text``, ``docx`` or ``html``.  For ``docx`` and
    ``html``, ``text`` is the extracted text, which all offsets refer to.
    """

    path: str
    text: str
    encoding: str
    format: Format = "text"

    @property
    def meta(self) -> dict[str, str]:
        """What a parsed record's ``meta`` says about where its text came from."""
        return {"source": self.path, "encoding": self.encoding, "format": self.format}


def read_text(path: PathLike) -> TextFile:
    """Read a speech: plain text in UTF-8 (BOM or not), GB18030/GBK or Big5, a Word ``.docx``
    or an HTML page.  The format is detected from the content (a ``.docx`` is a zip archive
    with ``word/document.xml``; an HTML page starts with ``<!DOCTYPE html`` or ``<html``) and
    from the name (``.html``/``.htm``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DecodeError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    source = str(path)
    if is_docx(data):
        return TextFile(source, docx_text(data, source), "utf-8", "docx")
    if path.suffix.lower() == ".docx":
        raise DecodeError(f"{source}: not a Word .docx file (no word/document.xml inside)")
    text, encoding = decode_bytes(data, source, declared=html_charset(data))
    if SUFFIX_FORMATS.get(path.suffix.lower()) == "html" or looks_like_html(text):
        return TextFile(source, html_text(text), encoding, "html")
    return TextFile(source, text, encoding, "text")


def iter_paths(inputs: Iterable[PathLike] | PathLike) -> Iterator[str]:
    """Expand files, folders (searched recursively for ``SUFFIX_FORMATS`` files) and glob
    patterns (``reports/**/*.txt``) into file paths, each once, in a stable order.

    A name that is neither an existing file, a folder nor a matching pattern is passed through
    as it is, so reading it reports the problem for that one input.
    """
    return (path for _, path in _walk(inputs) if path is not None)


def iter_sources(inputs: Iterable[PathLike] | PathLike) -> Iterator[TextFile | ErrorRecord]:
    """Read every file of ``inputs`` (files, folders, globs; see :func:`iter_paths`).

    Yields a :class:`TextFile` per readable file and an :class:`ErrorRecord` (``id`` = the
    path) for a file that cannot be read or decoded, and for a folder or pattern in which no
    file was found; one bad input never stops the others.
    """
    for item, path in _walk(inputs):
        try:
            if path is None:
                raise DecodeError(f"{item}: " + ("no file matches this pattern" if glob.has_magic(item) else
                                                 f"no {'/'.join(sorted(SUFFIX_FORMATS))} file in this folder"))
            yield read_text(path)
        except GovspeechError as exc:
            yield ErrorRecord(id=path or item, error=type(exc).__name__, message=str(exc))
        except Exception as exc:  # noqa: BLE001 - a file no reader expected must not stop the others
            yield ErrorRecord(id=path, error=type(exc).__name__, message=f"{path}: cannot read ({exc!r})")


def _walk(inputs: Iterable[PathLike] | PathLike) -> Iterator[tuple[str, str | None]]:
    """``(input, path)`` for every new file path of every input; ``(input, None)`` for an input
    that yields no file at all."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    seen: set[str] = set()
    for item in map(os.fspath, inputs):
        paths = _expand(item)
        if not paths:
            yield item, None
        for path in paths:
            if path not in seen:
                seen.add(path)
                yield item, path


def _expand(item: str) -> list[str]:
    if os.path.isdir(item):
        found = (os.path.join(root, name) for root, _, names in os.walk(item) for name in names)
        return sorted(p for p in found if Path(p).suffix.lower() in SUFFIX_FORMATS)
    if not os.path.exists(item) and glob.has_magic(item):
        return sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
    return [item]
