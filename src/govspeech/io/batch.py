"""Parsing many documents: files and folders in, records out, in input order, with a progress
bar, and never stopping on a bad document.

:func:`parse_files` reads folders/globs/files (any format :func:`~govspeech.io.read_text`
knows) and parses them with :func:`govspeech.parse_many`; :func:`parse_texts` does the same for
texts already in memory.  A file that cannot be read, a text that is not a string and even a
document on which the pipeline itself fails all become :class:`~govspeech.schema.ErrorRecord`
at their place in the output; the documents after them are still parsed.
"""
from __future__ import annotations

import itertools
import os
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from govspeech.io.sources import PathLike, TextFile, iter_paths, iter_sources
from govspeech.schema import Document, ErrorRecord

Record = Document | ErrorRecord


def progress_bar(records: Iterable[Record], *, total: int | None = None, progress: bool | None = None,
                 desc: str = "govspeech") -> Iterable[Record]:
    """``records`` with a tqdm progress bar on standard error.

    ``progress=None`` (the default) shows it when standard error is a terminal, and only once
    the run has taken more than a second, so short runs and logs stay clean.
    """
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return records
    from tqdm import tqdm

    return tqdm(records, total=total, desc=desc, unit="doc", delay=1.0, file=sys.stderr)


@dataclass
class _Item:
    """One input on its way through the pipeline: its text (or why there is none) and meta."""

    doc_id: str
    text: Any = None
    failure: ErrorRecord | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def parse_texts(texts: Iterable[str] | Iterable[tuple[str, Any]], *, as_tuples: bool = False, nlp=None,
                n_process: int = 1, batch_size: int = 16, progress: bool | None = None,
                total: int | None = None) -> Iterator[Record]:
    """Like :func:`govspeech.parse_many` (same arguments, same records in the same order), plus a
    progress bar and recovery from pipeline failures: if the pipeline raises on a document,
    that document becomes an :class:`ErrorRecord` and the batch goes on."""
    if total is None and hasattr(texts, "__len__"):
        total = len(texts)
    pairs = texts if as_tuples else ((text, str(number)) for number, text in enumerate(texts))
    items = (_Item(doc_id=str(doc_id), text=text) for text, doc_id in pairs)
    return progress_bar(_parse_items(items, nlp, n_process, batch_size), total=total, progress=progress)


def parse_files(inputs: Iterable[PathLike] | PathLike, *, nlp=None, n_process: int = 1, batch_size: int = 16,
                progress: bool | None = None) -> Iterator[Record]:
    """Parse every file of ``inputs`` (files, folders, glob patterns; see
    :func:`~govspeech.io.iter_paths`).

    Each :class:`Document` has ``id`` = the file's path and ``meta`` = ``{"source", "encoding",
    "format"}``; its ``text`` is the text read (extracted, for ``.docx``/``.html``).  Unreadable
    files come out as :class:`ErrorRecord` at their place.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    inputs = list(inputs)
    total = sum(1 for _ in iter_paths(inputs))
    return progress_bar(_parse_items(map(_source_item, iter_sources(inputs)), nlp, n_process, batch_size),
                        total=total, progress=progress)


def _source_item(source: TextFile | ErrorRecord) -> _Item:
    if isinstance(source, ErrorRecord):
        return _Item(doc_id=source.id, failure=source)
    return _Item(doc_id=source.path, text=source.text, meta=source.meta)


def _parse_items(items: Iterable[_Item], nlp, n_process: int, batch_size: int) -> Iterator[Record]:
    import govspeech

    nlp = nlp or govspeech.load()
    items = iter(items)
    # Chunks bound what a pipeline failure sends back to one-by-one parsing.  They match the
    # batches parse_many flushes at (64 * batch_size), so no extra worker pools are started.
    chunk_size = 64 * batch_size
    while chunk := list(itertools.islice(items, chunk_size)):
        yield from _parse_chunk(chunk, nlp, n_process, batch_size)


def _parse_chunk(chunk: list[_Item], nlp, n_process: int, batch_size: int) -> Iterator[Record]:
    import govspeech

    pending = deque(chunk)  # no record yielded for these yet
    texts = [(item.text, item.doc_id) for item in chunk if item.failure is None]
    records = govspeech.parse_many(texts, as_tuples=True, nlp=nlp, n_process=n_process, batch_size=batch_size)
    try:
        for record in records:
            yield from _failures_before(pending)
            yield _with_meta(record, pending.popleft())
        yield from _failures_before(pending)
    except Exception:
        records.close()  # stops the worker processes of n_process > 1
        # The pipeline raised inside a batch: redo the rest of the chunk one document at a
        # time, so that only the culprit is lost.
        while pending:
            yield _parse_alone(pending.popleft(), nlp)


def _failures_before(pending: deque[_Item]) -> Iterator[ErrorRecord]:
    while pending and pending[0].failure is not None:
        yield pending.popleft().failure


def _parse_alone(item: _Item, nlp) -> Record:
    import govspeech

    if item.failure is not None:
        return item.failure
    try:
        return _with_meta(govspeech.parse(item.text, doc_id=item.doc_id, nlp=nlp), item)
    except Exception as exc:  # noqa: BLE001 - reported as this document's error record
        return ErrorRecord(id=item.doc_id, error=type(exc).__name__, message=str(exc) or repr(exc))


def _with_meta(record: Record, item: _Item) -> Record:
    if isinstance(record, Document) and item.meta:
        return record.model_copy(update={"meta": {**record.meta, **item.meta}})
    return record
