"""``govspeech evaluate``: score a pipeline on gold documents (spec JSONL) per split."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from govspeech.corpus import GoldDocument, read_gold
from govspeech.pipeline import load
from govspeech.records import doc_to_record
from govspeech.scoring import score_records


def predict(docs: Iterable[GoldDocument], nlp=None) -> list[tuple[dict, dict]]:
    """(gold, predicted) spec records for each gold document."""
    nlp = nlp or load()
    pairs = []
    for gold in docs:
        pred = doc_to_record(nlp(gold.text), doc_id=gold.id).to_spec(include_text=False)
        pairs.append((gold.record, pred))
    return pairs


def evaluate(gold_path: str | Path, model: str | Path | None = None, splits: tuple[str, ...] | None = None,
             shared: Path | None = None) -> dict[str, Any]:
    """Scores of the pipeline (default or saved at ``model``) on the gold documents."""
    nlp = load(model)
    docs = list(read_gold(gold_path, shared=shared, splits=splits))
    scores = score_records(predict(docs, nlp))
    scores["document_ids"] = [d.id for d in docs]
    return scores
