"""Gold records ⇄ spaCy ``Doc`` s and ``DocBin`` files, through the normaliser's offset map.

A gold record (the annotation scheme's JSONL: ``corpus/gold``, ``doc.to_spec()``, an import from
doccano or Label Studio) gives offsets into the *original* text.  The pipeline's Docs hold the
*clean* text, so :func:`doc_from_record` tokenises the original with the pipeline's own
tokenizer and moves every span through ``to_normalized``; the spans go where the pipeline
puts its own (``doc.spans["govspeech"]``, attributes and relations in ``doc._.govspeech``).
The way back is :func:`govspeech.records.doc_to_record`, which maps clean offsets back with
``to_original`` — so a record survives the round trip unchanged.

A DocBin written here carries the original text inside each Doc's offset map: one built from
the standoff records of ``../shared/public`` holds those texts and must not be committed
(build it in a temporary or git-ignored folder).
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from govspeech import docstate
from govspeech.records import doc_to_record

#: ``doc.user_data`` key holding the record's ``id`` and ``meta``
RECORD_KEY = "govspeech_record"


def doc_from_record(nlp: Language, record: dict[str, Any]) -> Doc:
    """The clean-text Doc of a gold record (``text`` resolved), with its spans and relations."""
    doc = nlp.make_doc(record["text"])
    norm = docstate.normalized(doc)
    span_of: dict[Any, Any] = {}
    skipped = []
    for entity in record.get("entities", []):
        start, end = entity["start_offset"], entity["end_offset"]
        clean = norm.to_normalized(start, end) if norm is not None else (start, end)
        span = _aligned_span(doc, clean, entity)
        if span is None:
            skipped.append(entity)
            continue
        docstate.add_span(doc, span.start_char, span.end_char, entity["label"], entity.get("attrs") or {})
        span_of[entity["id"]] = doc.char_span(span.start_char, span.end_char, label=entity["label"])
    for relation in record.get("relations", []):
        head, tail = span_of.get(relation["from_id"]), span_of.get(relation["to_id"])
        if head is not None and tail is not None:
            docstate.add_relation(doc, head, tail, relation["type"])
    if skipped:
        warnings.warn(f"{record.get('id')}: {len(skipped)} gold span(s) vanish in the clean text "
                      f"(e.g. {skipped[0]['label']} at {skipped[0]['start_offset']}) and were left out")
    doc.user_data[RECORD_KEY] = {"id": record.get("id"), "meta": record.get("meta", {})}
    return doc


def _aligned_span(doc: Doc, clean: tuple[int, int] | None, entity: dict):
    """The span at clean offsets, widened to token boundaries when a gold boundary falls inside
    a token (a digit run or a Latin word is one token of the char segmenter)."""
    if clean is None:
        return None
    return doc.char_span(*clean, label=entity["label"]) or doc.char_span(*clean, label=entity["label"],
                                                                         alignment_mode="expand")


def records_to_docbin(nlp: Language, records: Iterable[dict[str, Any]]) -> DocBin:
    """A DocBin (user data kept: offset maps, attributes, relations) of gold records."""
    docbin = DocBin(store_user_data=True)
    for record in records:
        docbin.add(doc_from_record(nlp, record))
    return docbin


def docbin_to_records(docbin: DocBin | str | Path, vocab: Vocab | None = None,
                      include_text: bool = True) -> Iterator[dict[str, Any]]:
    """Spec records (original offsets) of the Docs in a DocBin (or a ``.spacy`` file)."""
    if not isinstance(docbin, DocBin):
        docbin = DocBin().from_disk(docbin)
    for doc in docbin.get_docs(vocab or Vocab()):
        info = doc.user_data.get(RECORD_KEY, {})
        record = doc_to_record(doc, doc_id=info.get("id"), meta=info.get("meta")).to_spec(include_text=include_text)
        yield record


def original_text(doc: Doc) -> str:
    """The text a (gold) Doc was made from: what the pipeline must read to predict on it."""
    norm = docstate.state(doc)["norm"]
    return norm["original"] if norm else docstate.text(doc)
