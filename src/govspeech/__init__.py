"""govspeech: typed data from Chinese government speeches and work reports.

>>> import govspeech
>>> doc = govspeech.parse("上半年，全区生产总值达到14.8亿元，同比增长6.95%，排名全市第三。")
>>> [(s.label, s.text) for s in doc.spans]  # doctest: +SKIP
"""
from __future__ import annotations

import multiprocessing
from typing import Any, Iterable, Iterator

from govspeech import docstate
from govspeech.chunking import DEFAULT_CHUNK_CHARS, chunk_bounds
from govspeech.errors import DocumentTooLargeError, GovspeechError, InputTypeError
from govspeech.pipeline import load
from govspeech.records import build_document, doc_to_record, record_parts
from govspeech.schema import Document, ErrorRecord

__version__ = "0.1.0"
__all__ = ["parse", "parse_many", "load", "Document", "ErrorRecord", "GovspeechError", "__version__"]

#: Default size limit of one document (characters).  Real speeches and reports are < 200k
#: characters; longer texts are parsed in pieces of ``chunk_chars`` (see govspeech.chunking).
MAX_CHARS = 20_000_000
#: Pieces of one long text handed to ``nlp.pipe`` at a time (spaCy's default, 1000, would hold
#: every piece's Doc in memory until the whole text is done).
PIPE_BATCH = 4


def _check(text: Any, max_chars: int) -> str:
    if not isinstance(text, str):
        raise InputTypeError.for_value(text)
    if len(text) > max_chars:
        raise DocumentTooLargeError(f"document has {len(text):,} characters, more than max_chars={max_chars:,}; "
                                    "raise max_chars or split the text")
    return text


def parse(text: str, *, doc_id: str | None = None, nlp=None, max_chars: int = MAX_CHARS,
          chunk_chars: int = DEFAULT_CHUNK_CHARS) -> Document:
    """Extract indicators, figures, rankings, directives, departments and deadlines from ``text``.

    Every offset in the result points into ``text`` itself, whatever the normaliser cleaned.
    Texts longer than ``chunk_chars`` are parsed in pieces cut at line breaks (time and memory
    grow linearly); raises :class:`~govspeech.errors.GovspeechError` subclasses for bad input.
    """
    _check(text, max_chars)
    nlp = nlp or load()
    if len(text) <= chunk_chars:
        return doc_to_record(nlp(text), doc_id=doc_id)
    bounds = chunk_bounds(text, chunk_chars)
    report = docstate.is_report(text)
    # small batches, records made as each piece is done: only a few pieces' Docs are alive at
    # once, so memory follows the record size, not the length times spaCy's Doc overhead
    docs = nlp.pipe((_piece(nlp, text, s, e, report) for s, e in bounds), batch_size=PIPE_BATCH)
    spans: list = []
    relations: list = []
    flags: list = []
    for (start, _), doc in zip(bounds, docs):
        piece_spans, piece_relations, piece_flags = record_parts(doc, start, len(spans) + 1, len(relations) + 1)
        spans += piece_spans
        relations += piece_relations
        flags += piece_flags
    return build_document(text, spans, relations, flags, doc_id=doc_id)


def _piece(nlp, text: str, start: int, end: int, report: bool):
    """The tokenised piece ``text[start:end]``, told where it sits in the whole ``text``."""
    doc = nlp.make_doc(text[start:end])
    docstate.set_document(doc, start, len(text), report, head=text[:docstate.HEAD_CHARS])
    return doc


def parse_many(texts: Iterable[str] | Iterable[tuple[str, Any]], *, nlp=None, n_process: int = 1,
               batch_size: int = 16, max_chars: int = MAX_CHARS, as_tuples: bool = False,
               ) -> Iterator[Document | ErrorRecord]:
    """Stream records for many documents, in input order.

    With ``as_tuples=True`` the input is ``(text, doc_id)`` pairs.  A document that cannot be
    parsed (not a ``str``, too large) yields an :class:`ErrorRecord` instead of stopping the batch.
    """
    nlp = nlp or load()
    items = ((t, i) for t, i in texts) if as_tuples else ((t, str(n)) for n, t in enumerate(texts))
    pending: list[tuple[str, str]] = []
    for text, doc_id in items:
        try:
            _check(text, max_chars)
        except GovspeechError as exc:
            yield from _flush(nlp, pending, n_process, batch_size)
            pending = []
            yield ErrorRecord(id=doc_id, error=type(exc).__name__, message=str(exc))
            continue
        if len(text) > DEFAULT_CHUNK_CHARS:  # a huge document goes alone, in pieces
            yield from _flush(nlp, pending, n_process, batch_size)
            pending = []
            yield parse(text, doc_id=doc_id, nlp=nlp, max_chars=max_chars)
            continue
        pending.append((text, doc_id))
        if len(pending) >= 64 * batch_size:  # stream: never hold a whole corpus in memory
            yield from _flush(nlp, pending, n_process, batch_size)
            pending = []
    yield from _flush(nlp, pending, n_process, batch_size)


def _flush(nlp, pending: list[tuple[str, str]], n_process: int, batch_size: int) -> Iterator[Document]:
    if not pending:
        return
    if n_process > 1 and len(pending) > batch_size and "fork" in multiprocessing.get_all_start_methods():
        yield from _parse_in_workers(nlp, pending, n_process, batch_size)
        return
    for doc, doc_id in nlp.pipe(pending, as_tuples=True, batch_size=batch_size):
        yield doc_to_record(doc, doc_id=doc_id)


# The pipeline the worker processes use; forked children inherit it (no reloading, no pickling).
_WORKER_NLP = None


def _parse_batch(batch: list[tuple[str, str]]) -> list[Document]:
    return [doc_to_record(doc, doc_id=doc_id) for doc, doc_id in _WORKER_NLP.pipe(batch, as_tuples=True)]


def _parse_in_workers(nlp, pending: list[tuple[str, str]], n_process: int, batch_size: int) -> Iterator[Document]:
    """Parse in ``n_process`` forked workers that send back *records*, not Docs.

    ``nlp.pipe(n_process=…)`` ships every ``Doc`` back to the parent (about 125 bytes per
    character with one token per Han character), which made two processes slower than one;
    records are a small fraction of that.  Order is kept.
    """
    global _WORKER_NLP
    _WORKER_NLP = nlp
    batches = [pending[i:i + batch_size] for i in range(0, len(pending), batch_size)]
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        for records in pool.imap(_parse_batch, batches):
            yield from records
