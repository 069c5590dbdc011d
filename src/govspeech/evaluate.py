"""``govspeech evaluate``: score a pipeline on gold documents (spec JSONL) per split."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from govspeech.corpus import GoldDocument, read_gold
from govspeech.pipeline import load
from govspeech.records import doc_to_record
from govspeech.scoring import relation_errors, score_records


def predict(docs: Iterable[GoldDocument], nlp=None) -> list[tuple[dict, dict]]:
    """(gold, predicted) spec records for each gold document."""
    nlp = nlp or load()
    pairs = []
    for gold in docs:
        pred = doc_to_record(nlp(gold.text), doc_id=gold.id).to_spec(include_text=False)
        pairs.append((gold.record, pred))
    return pairs


def evaluate(gold_path: str | Path, model: str | Path | None = None, splits: tuple[str, ...] | None = None,
             shared: Path | None = None, errors: list[str] | None = None) -> dict[str, Any]:
    """Scores of the pipeline (default or saved at ``model``) on the gold documents.

    With ``errors`` (a list), the lines of :func:`error_report` are appended to it, so an
    error analysis costs no second run of the pipeline.
    """
    nlp = load(model)
    docs = list(read_gold(gold_path, shared=shared, splits=splits))
    pairs = predict(docs, nlp)
    scores = score_records(pairs)
    scores["document_ids"] = [d.id for d in docs]
    if errors is not None:
        for doc, (gold, pred) in zip(docs, pairs):
            errors.extend(error_report(doc.text, gold, pred, doc_id=doc.id))
    return scores


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    left = text[max(0, start - width):start].replace("\n", "⏎")
    right = text[end:end + width].replace("\n", "⏎")
    return f"{left}【{text[start:end]}】{right}".replace("\n", "⏎")


def error_report(text: str, gold: dict, pred: dict, doc_id: str = "") -> list[str]:
    """One line per span or relation that is not strictly right, with its context.

    ``MISS`` is a gold span no prediction overlaps, ``FALSE`` a prediction no gold span
    overlaps, ``BOUNDS`` a prediction that overlaps gold of its label at other offsets;
    relations are listed as ``MISS-REL``/``FALSE-REL`` by the texts of their ends.
    Each line starts with the document id and the label, so ``grep`` slices it.
    """
    lines: list[str] = []
    by_label: dict[str, tuple[list[dict], list[dict]]] = {}
    for e in gold.get("entities", []):
        by_label.setdefault(e["label"], ([], []))[0].append(e)
    for e in pred.get("entities", []):
        by_label.setdefault(e["label"], ([], []))[1].append(e)

    def key(e: dict) -> tuple[int, int]:
        return e["start_offset"], e["end_offset"]

    def overlaps(a: dict, b: dict) -> bool:
        return min(a["end_offset"], b["end_offset"]) > max(a["start_offset"], b["start_offset"])

    for label, (gs, ps) in sorted(by_label.items()):
        g_keys, p_keys = {key(e) for e in gs}, {key(e) for e in ps}
        for g in gs:
            if key(g) not in p_keys and not any(overlaps(g, p) for p in ps):
                lines.append(f"{doc_id}\t{label}\tMISS\t{g['start_offset']}\t{_context(text, *key(g))}")
        for p in ps:
            if key(p) in g_keys:
                continue
            near = [g for g in gs if overlaps(g, p)]
            if near:
                lines.append(f"{doc_id}\t{label}\tBOUNDS\t{p['start_offset']}\t{_context(text, *key(p))}"
                             f"\tgold {'/'.join(text[g['start_offset']:g['end_offset']] for g in near)}")
            else:
                lines.append(f"{doc_id}\t{label}\tFALSE\t{p['start_offset']}\t{_context(text, *key(p))}")

    # relations are listed exactly as the scorer counts them: ends matched under overlap
    for tag, rtype, head, tail in relation_errors(gold, pred):
        lines.append(f"{doc_id}\t{rtype}\t{tag}\t{tail['start_offset']}\t"
                     f"{text[head['start_offset']:head['end_offset']][:30]} → {text[tail['start_offset']:tail['end_offset']][:30]}")
    return lines
