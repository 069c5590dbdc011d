"""The registered reader ``govspeech.Corpus.v1``: gold data → spaCy ``Example`` s.

Each Example pairs a Doc the pipeline makes from the **original** text (so the normaliser, the
rules and the scorer see exactly what ``parse()`` sees) with the gold Doc on the same clean
tokens (:func:`govspeech.training.convert.doc_from_record`).  Sources, by ``format``:

``spec``         the annotation scheme's JSONL — a file or a folder of ``*.jsonl`` such as
                 ``corpus/gold``; standoff records read their text from ``../shared``
                 (or ``$GOVSPEECH_SHARED``, or ``shared``) and are skipped when it is absent;
``doccano``      a doccano relation (or sequence-labelling) JSONL export;
``label_studio`` a Label Studio JSON export;
``docbin``       a ``.spacy`` file written by :func:`~govspeech.training.convert.records_to_docbin`;
``auto``         by file name: ``.spacy`` → docbin, ``.json`` → label_studio, else spec.

In a config::

    [corpora.train]
    @readers = "govspeech.Corpus.v1"
    path = ${paths.train}
    splits = ["train"]
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator, Literal, Optional

from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import registry

from govspeech.corpus import read_gold
from govspeech.training.convert import doc_from_record, docbin_to_records, original_text

Format = Literal["auto", "spec", "doccano", "label_studio", "docbin"]


@registry.readers("govspeech.Corpus.v1")
def create_corpus_reader(path: Path, format: Format = "auto", splits: list[str] = [],  # noqa: B006 - config default
                         shared: Optional[Path] = None, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """Config entry point; see the module docstring.  ``splits`` keeps records whose
    ``meta.split`` is listed (all when empty); ``limit`` caps the number of documents (0: all)."""

    def read(nlp: Language) -> Iterator[Example]:
        return read_examples(nlp, path, format=format, splits=tuple(splits), shared=shared, limit=limit)

    return read


def read_examples(nlp: Language, path: str | Path, *, format: Format = "auto", splits: tuple[str, ...] = (),
                  shared: Optional[Path] = None, limit: int = 0) -> Iterator[Example]:
    path = Path(path)
    kind = _format_of(path) if format == "auto" else format
    count = 0
    if kind == "docbin":
        for reference in DocBin().from_disk(path).get_docs(nlp.vocab):
            if splits and reference.user_data.get("govspeech_record", {}).get("meta", {}).get("split") not in splits:
                continue
            yield Example(nlp.make_doc(original_text(reference)), reference)
            count += 1
            if limit and count >= limit:
                return
        return
    for record in load_records(path, kind, splits=splits, shared=shared):
        yield Example(nlp.make_doc(record["text"]), doc_from_record(nlp, record))
        count += 1
        if limit and count >= limit:
            return


def load_records(path: Path, kind: Format = "auto", splits: tuple[str, ...] = (),
                 shared: Optional[Path] = None) -> list[dict[str, Any]]:
    """Gold records with their text, from any supported annotation format."""
    kind = _format_of(path) if kind == "auto" else kind
    if kind == "spec":
        return [gold.record for gold in read_gold(path, shared=shared, splits=splits or None)]
    if kind == "docbin":
        records = list(docbin_to_records(path))
    else:
        # Imports of annotation tools live in govspeech.io.annotation (doccano, Label Studio).
        from govspeech.io import annotation

        readers = {"doccano": annotation.read_doccano, "label_studio": annotation.read_label_studio}
        if kind not in readers:
            raise ValueError(f"unknown annotation format {kind!r}; use spec, doccano, label_studio or docbin")
        records = readers[kind](path)
    return [r for r in records if not splits or r.get("meta", {}).get("split") in splits]


def _format_of(path: Path) -> str:
    if path.suffix == ".spacy":
        return "docbin"
    if path.suffix == ".json":
        return "label_studio"
    return "spec"
