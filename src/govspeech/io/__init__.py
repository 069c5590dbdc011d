"""Getting speeches in and results out.

* reading: :func:`read_text` (text in UTF-8/BOM, GB18030/GBK, Big5; ``.docx``; ``.html``),
  :func:`iter_sources` and :func:`iter_paths` (files, folders, glob patterns);
* batch parsing: :func:`parse_files`, :func:`parse_texts` (progress bar, per-document errors);
* writing: :func:`open_writer`, :func:`write_records` (JSONL, scheme JSONL, JSON, CSV,
  Parquet), :func:`to_pandas` (spans, relations or documents as a DataFrame);
* annotation tools: :mod:`govspeech.io.annotation` (doccano, Label Studio).

pandas and pyarrow are optional (``pip install 'govspeech[pandas]'`` / ``'govspeech[parquet]'``).
"""
from govspeech.io.batch import parse_files, parse_texts, progress_bar
from govspeech.io.encoding import ENCODINGS, decode_bytes
from govspeech.io.optional import MissingDependencyError
from govspeech.io.sources import SUFFIX_FORMATS, TextFile, iter_paths, iter_sources, read_text
from govspeech.io.tables import TABLES, to_pandas
from govspeech.io.writers import FORMATS, open_writer, read_records, table_paths, write_records

__all__ = ["ENCODINGS", "FORMATS", "SUFFIX_FORMATS", "TABLES", "MissingDependencyError", "TextFile", "decode_bytes",
           "iter_paths", "iter_sources", "open_writer", "parse_files", "parse_texts", "progress_bar", "read_records",
           "read_text", "table_paths", "to_pandas", "write_records"]
