"""Everything govspeech attaches to a spaCy ``Doc``, in one serialisable place.

* spans of all seven labels live in ``doc.spans["govspeech"]`` (a normal spaCy ``SpanGroup``:
  spans may nest, e.g. a QUANTITY inside a DIRECTIVE);
* ``doc._.govspeech`` is a plain dict (msgpack-safe, so ``DocBin(store_user_data=True)`` and
  ``nlp.pipe(n_process=2)`` carry it) holding the normaliser's offset map, the normalised
  attributes of each span (keyed by label and clean offsets) and the relations;
* ``span._.attrs`` reads a span's attributes back from that dict.

Offsets inside the ``Doc`` are offsets into the *clean* text; :mod:`govspeech.records` maps
them back to the original text.
"""
from __future__ import annotations

import weakref
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from govspeech.normalize import NormalizedText, normalize

SPAN_KEY = "govspeech"
LABELS = ("INDICATOR", "QUANTITY", "PERCENT", "RANKING", "DIRECTIVE", "DEPARTMENT", "DEADLINE")
RELATION_TYPES = ("VALUE", "INCREASE", "DECREASE", "SHARE", "COMPLETION", "TARGET", "RANK", "RESPONSIBLE", "DUE")


def _span_attrs(span: Span) -> dict[str, Any]:
    state = span.doc._.govspeech
    if not state:
        return {}
    return state["attrs"].get(span_key(span.label_, span.start_char, span.end_char), {})


def register_extensions() -> None:
    if not Doc.has_extension("govspeech"):
        Doc.set_extension("govspeech", default=None)
    if not Span.has_extension("attrs"):
        Span.set_extension("attrs", getter=_span_attrs)


register_extensions()


def span_key(label: str, start: int, end: int) -> str:
    return f"{label}:{start}:{end}"


class SpanRef(NamedTuple):
    """A span by label and clean offsets, read from the attribute table: what components need
    to link and prune, without building a spaCy ``Span`` (several times dearer) per span."""

    label_: str
    start_char: int
    end_char: int


def set_state(doc: Doc, norm: NormalizedText | None, text: str | None = None) -> None:
    doc._.govspeech = {"norm": norm.to_dict() if norm is not None else None, "attrs": {}, "relations": []}
    _transient(doc)["state"] = doc._.govspeech
    if text is not None:
        _cache_text(doc, text)


# Per-Doc working memory that must never be serialised (it is rebuilt on demand): the text
# (``Doc.text`` rebuilds the string from every token on each access, and components read it
# often), the state dict (an extension attribute costs microseconds per read, and components
# read it thousands of times; so the dict is only ever mutated, never reassigned, after
# set_state) and the set of relations already added (so adding one is O(1)).  Keyed weakly, so
# it goes away with the Doc and never travels through DocBin or multiprocessing.
_TRANSIENT: "weakref.WeakKeyDictionary[Doc, dict]" = weakref.WeakKeyDictionary()


#: How much of a document's beginning travels with each of its pieces (its title and header).
HEAD_CHARS = 400


def set_document(doc: Doc, offset: int, length: int, report: bool, head: str = "") -> None:
    """Record that ``doc`` is the piece at original ``offset`` of a longer document.

    Components whose decisions depend on the whole document (the span filter's position and
    genre features, the directive recogniser's reading of a plan document's title) read
    :func:`document`, so a text parsed in pieces gets the same spans as the text parsed whole.
    ``report`` is :func:`is_report` of the whole original text, ``head`` its first
    :data:`HEAD_CHARS` characters.
    """
    state(doc)["document"] = {"offset": offset, "length": length, "report": report, "head": head[:HEAD_CHARS]}


def document(doc: Doc) -> dict:
    """``{"offset", "length", "report", "head"}`` of the document ``doc`` belongs to (in
    original characters); for a doc that is a whole document, computed from its own text."""
    st = state(doc)
    if "document" not in st:
        norm = normalized(doc)
        original = norm.original if norm is not None else text(doc)
        st["document"] = {"offset": 0, "length": len(original), "report": is_report(original),
                          "head": original[:HEAD_CHARS]}
    return st["document"]


def document_head(doc: Doc) -> str:
    """The normalised head of the document ``doc`` belongs to (its title and header, Simplified
    characters as the rules read them), normalised once per Doc for every component."""
    cache = _transient(doc)
    if "head" not in cache:
        cache["head"] = normalize(document(doc)["head"]).text
    return cache["head"]


#: Cues that a text is a work report read to a congress rather than a speech at a meeting.
REPORT_CUES = ("各位代表", "政府工作报告", "政府工作報告")


def is_report(original: str) -> bool:
    return any(cue in original for cue in REPORT_CUES)


def _transient(doc: Doc) -> dict:
    cache = _TRANSIENT.get(doc)
    if cache is None:
        cache = _TRANSIENT[doc] = {}
    return cache


def _cache_text(doc: Doc, text: str) -> None:
    _transient(doc)["text"] = text


def text(doc: Doc) -> str:
    """The (clean) text of ``doc``, cached."""
    cache = _transient(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"]


def state(doc: Doc) -> dict:
    """The govspeech dict of ``doc``, created empty for docs made outside the govspeech tokenizer."""
    cache = _transient(doc)
    st = cache.get("state")
    if st is None:
        st = doc._.govspeech
        if st is None:
            set_state(doc, None)
            st = doc._.govspeech
        cache["state"] = st
    return st


def normalized(doc: Doc) -> NormalizedText | None:
    """The offset map of ``doc`` (``None`` when the text was not normalised)."""
    data = state(doc)["norm"]
    return NormalizedText.from_dict(data, text(doc)) if data else None


def spans(doc: Doc, label: str | None = None) -> list[Span]:
    group = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else []
    return [s for s in group if label is None or s.label_ == label]


def refs(doc: Doc, label: str | None = None) -> list[SpanRef]:
    """The govspeech spans of ``doc`` (of ``label``) as :class:`SpanRef` s, in insertion order."""
    prefix = None if label is None else label + ":"
    out = []
    for key in state(doc)["attrs"]:
        if prefix is None or key.startswith(prefix):
            name, start, end = key.split(":")
            out.append(SpanRef(name, int(start), int(end)))
    return out


def add_span(doc: Doc, start: int, end: int, label: str, attrs: dict[str, Any] | None = None) -> Span | None:
    """Add a span at clean character offsets; returns ``None`` if it does not fit tokens.

    Re-adding the same (label, start, end) only updates its attributes.
    """
    span = doc.char_span(start, end, label=label)
    if span is None:
        return None
    key = span_key(label, start, end)
    st = state(doc)
    if key not in st["attrs"]:
        if SPAN_KEY not in doc.spans:
            doc.spans[SPAN_KEY] = []
        doc.spans[SPAN_KEY].append(span)
    st["attrs"][key] = dict(attrs or {})
    return span


def remove_spans(doc: Doc, doomed: list) -> None:
    """Drop spans (``Span`` s or :class:`SpanRef` s) with their attributes and relations."""
    if not doomed or SPAN_KEY not in doc.spans:
        return
    keys = {span_key(s.label_, s.start_char, s.end_char) for s in doomed}
    st = state(doc)
    # (SpanGroup.__delitem__ would spare building a Span per survivor, but it corrupts memory
    # in spaCy 3.8: "free(): invalid pointer" after the second deletion)
    doc.spans[SPAN_KEY] = [s for s in doc.spans[SPAN_KEY] if _key_of(s) not in keys]
    for key in keys:
        st["attrs"].pop(key, None)
    st["relations"] = [r for r in st["relations"] if r[0] not in keys and r[1] not in keys]


def _key_of(span: Span) -> str:
    return span_key(span.label_, span.start_char, span.end_char)


def add_relation(doc: Doc, head: Span, tail: Span, rel_type: str) -> None:
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"unknown relation type {rel_type!r}")
    rel = [span_key(head.label_, head.start_char, head.end_char),
           span_key(tail.label_, tail.start_char, tail.end_char), rel_type]
    rels = state(doc)["relations"]
    cache = _transient(doc)
    seen = cache.get("relation_keys")
    if seen is None or cache.get("relation_count") != len(rels):
        seen = cache["relation_keys"] = {tuple(r) for r in rels}
    key = tuple(rel)
    if key not in seen:
        rels.append(rel)
        seen.add(key)
    cache["relation_count"] = len(rels)


def relations(doc: Doc) -> list[tuple[str, str, str]]:
    """``(head_key, tail_key, type)`` triples; keys are :func:`span_key` strings."""
    return [tuple(r) for r in state(doc)["relations"]]
