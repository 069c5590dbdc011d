"""Flat tables of results, for CSV, Parquet, pandas and Spark: one row per span, one per
relation (a fact: who/what → which figure, department or deadline), one per document.

The columns are defined once, here, with their types and meanings (``docs/io.md`` lists them);
the span attribute columns are derived from the attribute models of :mod:`govspeech.schema`,
so a new attribute becomes a new column everywhere.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal

from govspeech.schema import ATTRS_BY_LABEL, Document, ErrorRecord

ColumnType = Literal["string", "int", "float", "bool"]
_PYTHON_TYPES: dict[type, ColumnType] = {str: "string", int: "int", float: "float", bool: "bool"}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str


def _column_type(annotation: Any) -> ColumnType:
    """``Optional[float]`` → float, ``Literal["%", "pp"]`` → string …"""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return _PYTHON_TYPES[type(args[0])]
    if origin in (typing.Union, types.UnionType):
        return _column_type(args[0])
    return _PYTHON_TYPES[annotation]


def _attribute_columns() -> tuple[Column, ...]:
    types_of: dict[str, ColumnType] = {}
    meanings: dict[str, list[str]] = {}
    for label, model in ATTRS_BY_LABEL.items():
        for name, info in model.model_fields.items():
            if label == "DEADLINE" and name == "text":
                continue  # the deadline "as written" is the span's own text column
            column_type = _column_type(info.annotation)
            if types_of.setdefault(name, column_type) != column_type:
                raise TypeError(f"attribute {name!r} has two types: {types_of[name]} and {column_type}")
            meanings.setdefault(name, []).append(f"{label}" + (f": {info.description}" if info.description else ""))
    return tuple(Column(name, types_of[name], "; ".join(meanings[name])) for name in types_of)


#: The normalised attributes of every label, one column each (null where a label has none).
ATTRIBUTE_COLUMNS = _attribute_columns()

SPAN_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "document id (the file path for files)"),
    Column("span_id", "int", "span id, 1-based within the document"),
    Column("label", "string", "INDICATOR, QUANTITY, PERCENT, RANKING, DIRECTIVE, DEPARTMENT or DEADLINE"),
    Column("text", "string", "the span's characters: document text[start:end]"),
    Column("start", "int", "character offset into the document text (str index)"),
    Column("end", "int", "end offset, exclusive"),
    *ATTRIBUTE_COLUMNS,
)

_ENDPOINT = ("span_id", "label", "text", "start", "end")  # the span columns repeated for a relation's head


def _endpoint(prefix: str, span_column: str) -> str:
    """Name of a span column in the relations table: ``span_id`` → ``head_id``, ``value`` → ``tail_value``."""
    return f"{prefix}_{span_column.removeprefix('span_')}"


RELATION_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "document id"),
    Column("relation_id", "int", "relation id, 1-based within the document"),
    Column("type", "string", "VALUE, INCREASE, DECREASE, SHARE, COMPLETION, TARGET, RANK, RESPONSIBLE or DUE"),
    *(Column(_endpoint("head", c.name), c.type, f"head span: {c.description}") for c in SPAN_COLUMNS if c.name in _ENDPOINT),
    Column("head_canonical", "string", "the head's canonical name (INDICATOR); null for a DIRECTIVE"),
    *(Column(_endpoint("tail", c.name), c.type, f"tail span: {c.description}") for c in SPAN_COLUMNS[1:]),
)

DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "document id"),
    Column("source", "string", "the file read (null for texts given in memory)"),
    Column("encoding", "string", "detected encoding of the file: utf-8, utf-8-sig, gb18030, big5 …"),
    Column("format", "string", "text, docx or html"),
    Column("chars", "int", "length of the text in characters"),
    Column("spans", "int", "number of spans"),
    Column("relations", "int", "number of relations"),
    Column("flags", "string", "kinds of what the normaliser found (mask, gloss, paywall …), comma-separated"),
    Column("error", "string", "error class name when the document failed, else null"),
    Column("message", "string", "what went wrong, else null"),
    Column("text", "string", "the text parsed (extracted from .docx/.html): what every offset refers to"),
)

FLAG_COLUMNS: tuple[Column, ...] = (
    Column("kind", "string", "mask, censor, gloss, separator, paywall, truncation, web or mojibake"),
    Column("start", "int", "character offset into the document text"),
    Column("end", "int", "end offset, exclusive"),
    Column("text", "string", "the flagged characters"),
)

TABLES: dict[str, tuple[Column, ...]] = {"spans": SPAN_COLUMNS, "relations": RELATION_COLUMNS,
                                         "documents": DOCUMENT_COLUMNS}
Record = Document | ErrorRecord


def span_rows(doc: Document) -> list[dict[str, Any]]:
    return [_span_row(doc.id, span) for span in doc.spans]


def _span_row(doc_id: str | None, span) -> dict[str, Any]:
    attrs = span.attrs.model_dump()
    row = {"doc_id": doc_id, "span_id": span.id, "label": span.label, "text": span.text,
           "start": span.start, "end": span.end}
    row.update((c.name, attrs.get(c.name)) for c in ATTRIBUTE_COLUMNS)
    return row


def relation_rows(doc: Document) -> list[dict[str, Any]]:
    by_id = {span.id: _span_row(doc.id, span) for span in doc.spans}
    rows = []
    for relation in doc.relations:
        head, tail = by_id[relation.head], by_id[relation.tail]
        row = {"doc_id": doc.id, "relation_id": relation.id, "type": relation.type}
        row.update((_endpoint("head", key), head[key]) for key in _ENDPOINT)
        row["head_canonical"] = head["canonical"]
        row.update((_endpoint("tail", key), value) for key, value in tail.items() if key != "doc_id")
        rows.append(row)
    return rows


def flag_rows(doc: Document) -> list[dict[str, Any]]:
    return [flag.model_dump() for flag in doc.flags]


def document_row(record: Record) -> dict[str, Any]:
    if isinstance(record, ErrorRecord):
        row = dict.fromkeys(c.name for c in DOCUMENT_COLUMNS)
        return {**row, "doc_id": record.id, "error": record.error, "message": record.message}
    meta = record.meta
    return {"doc_id": record.id, "source": meta.get("source"), "encoding": meta.get("encoding"),
            "format": meta.get("format"), "chars": len(record.text), "spans": len(record.spans),
            "relations": len(record.relations), "flags": ",".join(sorted({f.kind for f in record.flags})),
            "error": None, "message": None, "text": record.text}


def columns_of(table: str) -> tuple[Column, ...]:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    return TABLES[table]


def table_rows(record: Record, table: str) -> list[dict[str, Any]]:
    """The rows one record contributes to ``table`` (``spans``, ``relations`` or ``documents``)."""
    columns_of(table)
    if table == "documents":
        return [document_row(record)]
    if isinstance(record, ErrorRecord):
        return []
    return span_rows(record) if table == "spans" else relation_rows(record)


def iter_rows(records: Iterable[Record], table: str) -> Iterator[dict[str, Any]]:
    for record in records:
        yield from table_rows(record, table)


_PANDAS_DTYPES = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def to_pandas(records: Iterable[Record] | Record, table: str = "spans"):
    """A pandas ``DataFrame`` of ``table`` (``spans``, ``relations`` or ``documents``) for
    ``records`` (Documents and ErrorRecords, e.g. from ``parse_many``).  Columns have nullable
    pandas dtypes (``string``, ``Int64``, ``Float64``, ``boolean``): a masked figure's
    ``value`` is ``<NA>``.  Needs ``pip install 'govspeech[pandas]'``."""
    from govspeech.io.optional import require

    pd = require("pandas", "to_pandas()")
    if isinstance(records, (Document, ErrorRecord)):
        records = [records]
    columns = columns_of(table)
    frame = pd.DataFrame.from_records(list(iter_rows(records, table)), columns=[c.name for c in columns])
    return frame.astype({c.name: _PANDAS_DTYPES[c.type] for c in columns})


def arrow_schema(columns: tuple[Column, ...]):
    """The pyarrow schema of a table (column descriptions kept as field metadata)."""
    from govspeech.io.optional import require

    pa = require("pyarrow", "Arrow/Parquet output")
    arrow_types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, arrow_types[c.type], metadata={"description": c.description})
                      for c in columns])
