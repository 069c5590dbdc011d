"""Round trips through annotation tools: doccano and Label Studio.

Export govspeech's output as pre-annotations, let people correct it in the tool, and import
their work back as records of the annotation scheme (the shape of ``corpus/gold/*.jsonl``,
which ``govspeech evaluate`` scores against)::

    write_doccano(docs, "review.jsonl")          # doccano: "Relation extraction" project, JSONL import
    gold = read_doccano("doccano-export.jsonl")  # → scheme records

    write_label_studio(docs, "tasks.json")       # Label Studio: JSON import, predictions pre-filled
    Path("config.xml").write_text(label_studio_config())
    gold = read_label_studio("label-studio-export.json")

Neither tool edits govspeech's normalised attributes (values, units, canonical names).  They
travel in each task under ``govspeech_attrs``, keyed by label and offsets, and come back on
every span the annotator left unchanged; a span added or moved comes back with empty ``attrs``.
Imported records are renumbered the way :func:`govspeech.parse` numbers spans (by start, end,
label), so an untouched document comes back equal to ``doc.to_spec()``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from govspeech import __version__, docstate
from govspeech.errors import GovspeechError
from govspeech.schema import Document

LABEL_ORDER = {label: number for number, label in enumerate(docstate.LABELS)}
ATTRS_KEY = "govspeech_attrs"
ID_KEY = "govspeech_id"
#: the names the Label Studio labelling config (label_studio_config()) gives its tags
LS_LABELS, LS_TEXT = "label", "text"


class AnnotationFormatError(GovspeechError, ValueError):
    """An imported annotation does not fit the scheme (unknown label, offsets off the text …)."""


def _attrs_by_key(doc: Document) -> dict[str, dict]:
    return {docstate.span_key(s.label, s.start, s.end): s.attrs.model_dump() for s in doc.spans}


# -- doccano -------------------------------------------------------------------------------------
def to_doccano(doc: Document) -> dict[str, Any]:
    """One line of doccano's relation JSONL (import it into a "Relation extraction" project)."""
    spec = doc.to_spec()
    return {ID_KEY: doc.id, "text": doc.text, "meta": spec["meta"],
            "entities": [{key: e[key] for key in ("id", "label", "start_offset", "end_offset")}
                         for e in spec["entities"]],
            "relations": spec["relations"], ATTRS_KEY: _attrs_by_key(doc)}


def from_doccano(record: dict[str, Any]) -> dict[str, Any]:
    """A scheme record from one line of a doccano export: relation JSONL (``entities`` and
    ``relations``) or sequence-labelling JSONL (``label``: ``[[start, end, LABEL], …]``)."""
    text = record["text"]
    if "entities" in record:
        entities = [(e["id"], e["label"], e["start_offset"], e["end_offset"]) for e in record["entities"]]
    else:
        entities = [(number, label, start, end) for number, (start, end, label) in enumerate(record.get("label", []))]
    relations = [(r["from_id"], r["to_id"], r["type"]) for r in record.get("relations", [])]
    doc_id = record.get(ID_KEY, record.get("id"))
    return _scheme_record(doc_id, text, record.get("meta") or {}, entities, relations, record.get(ATTRS_KEY) or {})


def write_doccano(docs: Iterable[Document], path: str | Path) -> Path:
    return _write_jsonl((to_doccano(doc) for doc in docs if isinstance(doc, Document)), path)


def read_doccano(path: str | Path) -> list[dict[str, Any]]:
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [from_doccano(json.loads(line)) for line in lines if line.strip()]


# -- Label Studio --------------------------------------------------------------------------------
def label_studio_config() -> str:
    """The labelling config of a Label Studio project for govspeech tasks (labels + relations)."""
    from govspeech.render import LABEL_COLORS

    labels = "\n".join(f'    <Label value="{label}" background="{LABEL_COLORS[label]}"/>' for label in docstate.LABELS)
    relations = "\n".join(f'    <Relation value="{rel}"/>' for rel in docstate.RELATION_TYPES)
    return (f'<View>\n  <Relations>\n{relations}\n  </Relations>\n'
            f'  <Labels name="{LS_LABELS}" toName="{LS_TEXT}">\n{labels}\n  </Labels>\n'
            f'  <Text name="{LS_TEXT}" value="$text" granularity="symbol"/>\n</View>\n')


def to_label_studio(doc: Document) -> dict[str, Any]:
    """A Label Studio task with govspeech's output as a prediction (pre-annotation)."""
    result: list[dict[str, Any]] = [
        {"id": f"s{s.id}", "from_name": LS_LABELS, "to_name": LS_TEXT, "type": "labels",
         "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}} for s in doc.spans]
    result += [{"type": "relation", "from_id": f"s{r.head}", "to_id": f"s{r.tail}", "direction": "right",
                "labels": [r.type]} for r in doc.relations]
    return {"data": {"text": doc.text, ID_KEY: doc.id, "meta": doc.meta, ATTRS_KEY: _attrs_by_key(doc)},
            "predictions": [{"model_version": f"govspeech {__version__}", "result": result}]}


def from_label_studio(task: dict[str, Any]) -> dict[str, Any]:
    """A scheme record from a task of a Label Studio JSON export: its latest annotation that was
    not skipped, else its first prediction.  A region with several labels keeps the first."""
    data = task["data"]
    text = data["text"]
    annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
    chosen = annotations[-1] if annotations else (task.get("predictions") or [{"result": []}])[0]
    entities, relations = [], []
    for item in chosen["result"]:
        if item.get("type") == "relation":
            head, tail = item["from_id"], item["to_id"]
            if item.get("direction") == "left":
                head, tail = tail, head
            relations += [(head, tail, label) for label in item.get("labels", [])[:1]]
        elif item.get("type") == "labels":
            value = item["value"]
            start, end = _code_point_offsets(text, value)
            entities.append((item["id"], value["labels"][0], start, end))
    doc_id = data.get(ID_KEY, task.get("id"))
    return _scheme_record(doc_id, text, data.get("meta") or {}, entities, relations, data.get(ATTRS_KEY) or {})


def _code_point_offsets(text: str, value: dict[str, Any]) -> tuple[int, int]:
    """Label Studio counts characters as Python does, but some versions counted UTF-16 units
    (a character outside the BMP counting twice): the region's own text tells which."""
    start, end = value["start"], value["end"]
    expected = value.get("text")
    if expected is None or text[start:end] == expected:
        return start, end
    utf16 = text.encode("utf-16-le")
    start16 = len(utf16[:2 * start].decode("utf-16-le", errors="ignore"))
    end16 = len(utf16[:2 * end].decode("utf-16-le", errors="ignore"))
    if text[start16:end16] == expected:
        return start16, end16
    raise AnnotationFormatError(f"region {value!r} does not match the task text at {start}:{end}")


def write_label_studio(docs: Iterable[Document], path: str | Path) -> Path:
    tasks = [to_label_studio(doc) for doc in docs if isinstance(doc, Document)]
    Path(path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return Path(path)


def read_label_studio(path: str | Path) -> list[dict[str, Any]]:
    """Scheme records from a Label Studio export (JSON list of tasks, or JSONL of tasks)."""
    content = Path(path).read_text(encoding="utf-8-sig").strip()
    tasks = json.loads(content) if content.startswith("[") else [json.loads(line) for line in content.splitlines() if line.strip()]
    return [from_label_studio(task) for task in tasks]


# -- shared --------------------------------------------------------------------------------------
def _scheme_record(doc_id: Any, text: str, meta: dict, entities: list[tuple[Any, str, int, int]],
                   relations: list[tuple[Any, Any, str]], attrs_by_key: dict[str, dict]) -> dict[str, Any]:
    """Validate, renumber (by start, end, label order, as parse() does) and attach attributes."""
    spans: dict[tuple[int, int, int, str], list[Any]] = {}  # (start, end, label order, label) → tool ids
    for tool_id, label, start, end in entities:
        if label not in LABEL_ORDER:
            raise AnnotationFormatError(f"{doc_id}: unknown label {label!r} (the scheme has {', '.join(docstate.LABELS)})")
        if not 0 <= start < end <= len(text):
            raise AnnotationFormatError(f"{doc_id}: {label} span {start}:{end} is outside the text ({len(text)} characters)")
        spans.setdefault((start, end, LABEL_ORDER[label], label), []).append(tool_id)
    number_of: dict[Any, int] = {}
    records = []
    for number, ((start, end, _, label), tool_ids) in enumerate(sorted(spans.items()), 1):
        number_of.update((tool_id, number) for tool_id in tool_ids)
        records.append({"id": number, "label": label, "start_offset": start, "end_offset": end,
                        "attrs": attrs_by_key.get(docstate.span_key(label, start, end), {})})
    links: dict[tuple[int, int, str], None] = {}  # ordered, and a relation drawn twice counts once
    for head, tail, rel_type in relations:
        if rel_type not in docstate.RELATION_TYPES:
            raise AnnotationFormatError(f"{doc_id}: unknown relation type {rel_type!r}")
        if head not in number_of or tail not in number_of:
            raise AnnotationFormatError(f"{doc_id}: {rel_type} relation between spans that do not exist ({head} → {tail})")
        links[(number_of[head], number_of[tail], rel_type)] = None
    relation_records = [{"id": number, "from_id": head, "to_id": tail, "type": rel_type}
                        for number, (head, tail, rel_type) in enumerate(links, 1)]
    return {"id": None if doc_id is None else str(doc_id), "text": text, "meta": dict(meta),
            "entities": records, "relations": relation_records}


def _write_jsonl(rows: Iterable[dict], path: str | Path) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return Path(path)
