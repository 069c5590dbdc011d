"""Writing records: JSONL (full records or the annotation scheme's), JSON, CSV and Parquet.

The format follows the file name unless given: ``.jsonl`` full records, ``.json`` one JSON
document, ``.csv`` and ``.parquet`` flat tables.  A table format writes three files side by
side (columns in :mod:`govspeech.io.tables` and ``docs/io.md``)::

    out.parquet              one row per span
    out.relations.parquet    one row per relation (fact)
    out.documents.parquet    one row per document, failures included, with the text parsed

Every writer streams: memory stays flat however many documents go through.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Literal

from govspeech.io.tables import TABLES, arrow_schema, table_rows
from govspeech.schema import Document, ErrorRecord

OutputFormat = Literal["jsonl", "spec", "json", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("jsonl", "spec", "json", "csv", "parquet")
FORMAT_OF_SUFFIX: dict[str, OutputFormat] = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
TABLE_FORMATS = ("csv", "parquet")
Record = Document | ErrorRecord


def format_for(path: str | Path | None, format: str | None = None) -> str:
    """``format`` when given, else the one the file name asks for (``jsonl`` by default)."""
    if format:
        if format not in FORMATS:
            raise ValueError(f"unknown output format {format!r}; choose one of {', '.join(FORMATS)}")
        return format
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower(), "jsonl") if path else "jsonl"


def table_paths(path: str | Path) -> dict[str, Path]:
    """Where a table format writes each table: ``out.csv``, ``out.relations.csv``, ``out.documents.csv``."""
    path = Path(path)
    return {table: path if table == "spans" else path.with_name(f"{path.stem}.{table}{path.suffix}")
            for table in TABLES}


class RecordWriter:
    """Write records one by one; use as a context manager (``with open_writer(...) as w:``)."""

    #: the files this writer writes (empty when it writes to a stream)
    paths: list[Path]

    def write(self, record: Record) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class _TextWriter(RecordWriter):
    """A text stream or file, closed at the end only if this writer opened it."""

    def __init__(self, target: str | Path | IO[str] | None) -> None:
        if target is None or hasattr(target, "write"):
            self._out, self._owned, self.paths = target or sys.stdout, False, []
        else:
            self._out, self._owned, self.paths = open(target, "w", encoding="utf-8"), True, [Path(target)]

    def close(self) -> None:
        if self._owned:
            self._out.close()
        else:
            self._out.flush()


class JsonlWriter(_TextWriter):
    """One JSON object per line: full records (``jsonl``) or the annotation scheme's (``spec``)."""

    def __init__(self, target, spec: bool = False) -> None:
        super().__init__(target)
        self._spec = spec

    def write(self, record: Record) -> None:
        if isinstance(record, Document) and self._spec:
            line = record.to_spec_json()
        else:
            line = record.model_dump_json()
        self._out.write(line + "\n")


class JsonWriter(_TextWriter):
    """A JSON list of full records; a single object when ``single`` and exactly one record came."""

    def __init__(self, target, single: bool = False) -> None:
        super().__init__(target)
        self._single = single
        self._records: list[dict] = []

    def write(self, record: Record) -> None:
        self._records.append(record.model_dump(mode="json"))

    def close(self) -> None:
        data = self._records[0] if self._single and len(self._records) == 1 else self._records
        self._out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        super().close()


class CsvWriter(RecordWriter):
    """Three CSV files (spans, relations, documents), UTF-8 with a byte-order mark so that
    spreadsheet programs read the Chinese correctly; empty cells are nulls."""

    def __init__(self, path: str | Path) -> None:
        self.paths = list(table_paths(path).values())
        self._files = {table: open(p, "w", encoding="utf-8-sig", newline="") for table, p in table_paths(path).items()}
        self._writers = {table: csv.DictWriter(f, fieldnames=[c.name for c in TABLES[table]])
                         for table, f in self._files.items()}
        for writer in self._writers.values():
            writer.writeheader()

    def write(self, record: Record) -> None:
        for table, writer in self._writers.items():
            writer.writerows(table_rows(record, table))

    def close(self) -> None:
        for f in self._files.values():
            f.close()


class ParquetWriter(RecordWriter):
    """Three Parquet files (spans, relations, documents), written in row groups of
    ``rows_per_group`` rows.  Needs ``pip install 'govspeech[parquet]'``."""

    def __init__(self, path: str | Path, rows_per_group: int = 50_000) -> None:
        from govspeech.io.optional import require

        self._pa = require("pyarrow", "Parquet output")
        parquet = require("pyarrow.parquet", "Parquet output")
        self.paths = list(table_paths(path).values())
        self._schemas = {table: arrow_schema(columns) for table, columns in TABLES.items()}
        self._writers = {table: parquet.ParquetWriter(p, self._schemas[table])
                         for table, p in table_paths(path).items()}
        self._pending: dict[str, list[dict]] = {table: [] for table in TABLES}
        self._rows_per_group = rows_per_group

    def write(self, record: Record) -> None:
        for table, rows in self._pending.items():
            rows.extend(table_rows(record, table))
            if len(rows) >= self._rows_per_group:
                self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._pending[table]
        if rows:
            self._writers[table].write_table(self._pa.Table.from_pylist(rows, schema=self._schemas[table]))
            rows.clear()

    def close(self) -> None:
        for table, writer in self._writers.items():
            self._flush(table)
            writer.close()


def open_writer(target: str | Path | IO[str] | None = None, format: str | None = None, *,
                single: bool = False) -> RecordWriter:
    """A writer for ``target`` (a path, an open text stream, or ``None`` for standard output).

    ``format`` defaults to the one the file name asks for (see :func:`format_for`); the table
    formats (``csv``, ``parquet``) need a path.  ``single`` makes ``json`` write one object
    instead of a list when there is exactly one record.
    """
    is_path = target is not None and not hasattr(target, "write")
    format = format_for(target if is_path else None, format)
    if format in TABLE_FORMATS:
        if not is_path:
            raise ValueError(f"{format} output writes three files: give an output path (-o out.{format})")
        return CsvWriter(target) if format == "csv" else ParquetWriter(target)
    if format == "json":
        return JsonWriter(target, single=single)
    return JsonlWriter(target, spec=format == "spec")


def read_records(path: str | Path) -> Iterator[Record]:
    """Read back full records written as JSONL (``govspeech parse -o out.jsonl``)."""
    with open(path, encoding="utf-8-sig") as lines:
        for line in lines:
            if line.strip():
                data = json.loads(line)
                yield ErrorRecord.model_validate(data) if "error" in data else Document.model_validate(data)


def write_records(records: Iterable[Record], target: str | Path | IO[str] | None = None,
                  format: str | None = None) -> list[Path]:
    """Write ``records`` (e.g. from :func:`govspeech.parse_many` or :func:`parse_files`) to
    ``target``; returns the files written."""
    with open_writer(target, format) as writer:
        for record in records:
            writer.write(record)
    return writer.paths
