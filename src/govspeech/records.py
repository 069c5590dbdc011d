"""The one place where a processed spaCy ``Doc`` becomes :class:`govspeech.schema.Document`.

It maps every clean-text offset back to the original input through the normaliser's offset
map, validates attributes against the schema, numbers spans and relations, and builds the
indicator and directive views.  The CLI, the Python API, the evaluator and the benchmarks all
call :func:`doc_to_record`; none of them converts on its own.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import TypeAdapter
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.schema import (
    DirectiveFacts, Document, Flag, IndicatorFacts, Relation, SpanRecord,
)

_LABEL_ORDER = {label: i for i, label in enumerate(docstate.LABELS)}
_SPANS_ADAPTER: TypeAdapter = TypeAdapter(list[SpanRecord])
_INDICATOR_VIEW = {"VALUE": "values", "INCREASE": "increases", "DECREASE": "decreases", "SHARE": "shares",
                   "COMPLETION": "completions", "TARGET": "targets", "RANK": "ranks"}
_DIRECTIVE_VIEW = {"RESPONSIBLE": "departments", "DUE": "deadlines"}


def doc_to_record(doc: Doc, doc_id: str | None = None, meta: dict[str, Any] | None = None) -> Document:
    records, relations, flags = record_parts(doc)
    return build_document(_original_text(doc), records, relations, flags, doc_id=doc_id, meta=meta)


def _original_text(doc: Doc) -> str:
    norm = docstate.normalized(doc)
    return norm.original if norm is not None else docstate.text(doc)


def record_parts(doc: Doc, offset: int = 0, first_span_id: int = 1,
                 first_relation_id: int = 1) -> tuple[list[SpanRecord], list[Relation], list[Flag]]:
    """The spans, relations and flags of ``doc`` as records, their offsets shifted by ``offset``
    and their ids numbered from the given ones: a piece of a long text is converted straight
    into its place in the whole (no per-piece record to copy and merge)."""
    norm = docstate.normalized(doc)
    original = _original_text(doc)
    st = docstate.state(doc)

    located = []
    for span in docstate.refs(doc):
        start, end = (norm.to_original(span.start_char, span.end_char) if norm is not None
                      else (span.start_char, span.end_char))
        key = docstate.span_key(span.label_, span.start_char, span.end_char)
        located.append((start, end, _LABEL_ORDER[span.label_], span.label_, key))
    located.sort()

    raw, id_of = [], {}
    for number, (start, end, _, label, key) in enumerate(located, first_span_id):
        attrs = dict(st["attrs"].get(key, {}))
        if label == "DEADLINE":
            attrs["text"] = original[start:end]  # "as written": the original characters
        raw.append({"id": number, "label": label, "text": original[start:end], "start": start + offset,
                    "end": end + offset, "attrs": attrs})
        id_of[key] = number
    # one validation call for all spans: the label picks each span's attribute model
    records = _SPANS_ADAPTER.validate_python(raw)

    relations = []
    for head_key, tail_key, rel_type in docstate.relations(doc):
        if head_key in id_of and tail_key in id_of:
            relations.append(Relation(id=first_relation_id + len(relations), type=rel_type,
                                      head=id_of[head_key], tail=id_of[tail_key]))

    flags = [Flag(kind=f.kind, start=f.start + offset, end=f.end + offset, text=f.text) for f in (norm.flags if norm else [])]
    return records, relations, flags


def build_document(text: str, records: list[SpanRecord], relations: list[Relation], flags: list[Flag],
                   doc_id: str | None = None, meta: dict[str, Any] | None = None) -> Document:
    """The :class:`Document` of ``text`` with its indicator and directive views."""
    return Document(id=doc_id, text=text, spans=records, relations=relations, flags=flags,
                    indicators=_indicator_views(records, relations), directives=_directive_views(records, relations),
                    meta=dict(meta or {}))


def _views(records: list, relations: list[Relation], head_label: str, view_of_type: dict[str, str]) -> list[tuple]:
    by_id = {r.id: r for r in records}
    tails: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for rel in relations:
        if rel.type in view_of_type:
            tails[rel.head][view_of_type[rel.type]].append(by_id[rel.tail])
    return [(r, dict(tails.get(r.id, {}))) for r in records if r.label == head_label]


def _indicator_views(records: list, relations: list[Relation]) -> list[IndicatorFacts]:
    return [IndicatorFacts(indicator=head, **fields) for head, fields in _views(records, relations, "INDICATOR", _INDICATOR_VIEW)]


def _directive_views(records: list, relations: list[Relation]) -> list[DirectiveFacts]:
    return [DirectiveFacts(directive=head, **fields) for head, fields in _views(records, relations, "DIRECTIVE", _DIRECTIVE_VIEW)]
