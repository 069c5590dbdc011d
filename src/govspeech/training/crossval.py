"""Document-level cross-validation of the span filter, and the final fit on every document.

With a gold corpus of a dozen documents, a fixed train/dev split wastes most of it: three
documents to learn from and a dev split that decides thresholds on five.  Cross-validation
uses every non-test document for both, without ever scoring a document the model learned from:

1. the rule components annotate each document **once** (they are deterministic; spaCy's loop
   would re-run them on every step);
2. for each fold (by default one document), a fresh span filter is trained on the other
   documents with the optimizer and batch size of the config's ``[training]`` block, and
   scores the candidates of the held-out document (*out-of-fold* probabilities);
3. the thresholds that maximise each label's overlap F1 over all out-of-fold probabilities are
   chosen, and the whole scheme (every label, relations, attributes) is scored for rules-only
   and for rules + filter on the same out-of-fold predictions — an estimate of what the filter
   adds on documents it has not seen (slightly optimistic: two thresholds per label are chosen
   on those predictions; the held-out ``test`` split is the unbiased check);
4. :func:`fit` trains one filter on every document and gives it those thresholds (this is what
   ``scripts/train_models.py`` ships).

The loop is spaCy's own ``TrainablePipe.update`` with a thinc optimizer built from the config,
so a config that trains with ``govspeech train`` cross-validates unchanged.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from spacy.language import Language
from spacy.training import Example
from spacy.util import load_config, load_model_from_config, registry
from tqdm import tqdm

from govspeech.components.statistical.span_filter import SpanFilter
from govspeech.training.convert import doc_from_record
from govspeech.training.corpus import load_records
from govspeech.records import doc_to_record
from govspeech.scoring import score_records
from govspeech.training.train import choose_thresholds


@dataclass
class CrossValidation:
    """Out-of-fold results: the chosen thresholds and the scheme's scores of rules-only and of
    rules + filter (:func:`govspeech.scoring.score_records` dicts) on the same predictions."""

    folds: list[list[str]]
    thresholds: dict[str, dict[str, float]]
    rules: dict[str, Any] = field(default_factory=dict)
    filtered: dict[str, Any] = field(default_factory=dict)

    def table(self) -> str:
        """Overlap F1 per label (strict for the figure labels, as the targets are stated) and
        relation F1, rules-only vs rules + filter."""
        from govspeech.scoring import LABELS

        strict_labels = {"QUANTITY", "PERCENT", "RANKING", "DEADLINE"}
        lines = [f"{len(self.folds)} folds over {sum(len(f) for f in self.folds)} documents; "
                 "scores of out-of-fold predictions",
                 f"{'label':<11} {'match':<8} {'rules':>6} {'+filter':>8} {'ΔF1':>7}   thresholds"]
        for label in LABELS:
            match = "strict" if label in strict_labels else "overlap"
            r, f = self.rules[match][label]["f"], self.filtered[match][label]["f"]
            t = self.thresholds.get(label)
            note = f"drop_below {t['drop_below']}, add_from {t['add_from']}" if t else ""
            lines.append(f"{label:<11} {match:<8} {r:6.3f} {f:8.3f} {f - r:+7.3f}   {note}")
        r, f = self.rules["relations"]["ALL"]["f"], self.filtered["relations"]["ALL"]["f"]
        lines.append(f"{'relations':<11} {'':<8} {r:6.3f} {f:8.3f} {f - r:+7.3f}")
        r, f = self.rules["attributes"]["accuracy"], self.filtered["attributes"]["accuracy"]
        lines.append(f"{'attributes':<11} {'':<8} {r:6.3f} {f:8.3f} {f - r:+7.3f}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"folds": self.folds, "thresholds": self.thresholds, "rules": self.rules, "filtered": self.filtered}


def build(config_path: str | Path, gold_path: str | Path,
          overrides: dict[str, Any] | None = None) -> tuple[Language, SpanFilter, dict]:
    """The pipeline of a training config, its span filter and the settings of its ``[training]``
    block (``paths.train``/``paths.dev`` point at ``gold_path``, as ``govspeech train`` sets them)."""
    import govspeech.components  # noqa: F401  (registers factories, architectures, readers)

    settings = {"paths.train": str(gold_path), "paths.dev": str(gold_path), **(overrides or {})}
    config = load_config(Path(config_path), overrides=settings, interpolate=True)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    filters = [pipe for _, pipe in nlp.pipeline if isinstance(pipe, SpanFilter)]
    if len(filters) != 1:
        raise ValueError(f"{config_path}: cross-validation needs exactly one govspeech_span_filter, found {len(filters)}")
    training = registry.resolve({"optimizer": config["training"]["optimizer"]})
    training["epochs"] = int(config["training"].get("max_epochs") or 30)
    training["batch_size"] = int(config["training"]["batcher"].get("size") or 8)
    training["seed"] = int(config["training"].get("seed") or 0)
    training["optimizer_config"] = config["training"]["optimizer"]
    return nlp, filters[0], training


def annotate(nlp: Language, pipe: SpanFilter, records: Sequence[dict[str, Any]], progress: bool = True) -> list[Example]:
    """Examples whose predicted Docs carry the rule annotations (the filter itself not run)."""
    examples = []
    with nlp.select_pipes(disable=[pipe.name]):
        for record in tqdm(records, desc="rules", disable=not progress, leave=False):
            examples.append(Example(nlp(record["text"]), doc_from_record(nlp, record)))
    return examples


def _train(pipe: SpanFilter, examples: Sequence[Example], training: dict) -> None:
    """A fresh model trained on ``examples`` (fixed seed: shuffling and weights are reproducible)."""
    pipe.model.initialize()  # zero weights: a logistic regression needs no random init
    optimizer = registry.resolve({"o": training["optimizer_config"]})["o"]
    rng = random.Random(training["seed"])
    order = list(examples)
    for _ in range(training["epochs"]):
        rng.shuffle(order)
        for i in range(0, len(order), training["batch_size"]):
            pipe.update(order[i:i + training["batch_size"]], sgd=optimizer)


def _folds(examples: Sequence[Example], n_folds: int | None) -> list[list[int]]:
    n = len(examples)
    k = n if not n_folds or n_folds >= n else n_folds
    return [list(range(i, n, k)) for i in range(k)]


def cross_validate(config_path: str | Path, gold_path: str | Path, splits: Sequence[str] = ("train", "dev"), *,
                   n_folds: int | None = None, overrides: dict[str, Any] | None = None, progress: bool = True,
                   log: Callable[[str], None] | None = None) -> CrossValidation:
    """Leave-one-document-out (or ``n_folds``) cross-validation of the config's span filter on
    the gold documents of ``splits`` (any format :func:`~govspeech.training.corpus.load_records` reads)."""
    records = load_records(Path(gold_path), splits=tuple(splits))
    if len(records) < 2:
        raise ValueError(f"cross-validation needs at least two documents, {gold_path} has {len(records)} in {list(splits)}")
    nlp, pipe, training = build(config_path, gold_path, overrides)
    examples = annotate(nlp, pipe, records, progress)
    folds = _folds(examples, n_folds)
    pairs: list[tuple] = [None] * len(examples)  # type: ignore[list-item]
    for fold in tqdm(folds, desc="folds", disable=not progress):
        held = set(fold)
        _train(pipe, [eg for i, eg in enumerate(examples) if i not in held], training)
        for i in fold:
            [(cands, probs)] = pipe.predict([examples[i].predicted])
            pairs[i] = (records[i], examples[i].predicted, cands, probs)
        if log:
            log(f"fold {[records[i].get('id') for i in fold]} done")
    thresholds = choose_thresholds(pairs, pipe.labels)
    _set_thresholds(pipe, thresholds)
    rules, filtered = [], []
    for record, doc, cands, probs in pairs:
        rules.append((record, _spec(doc, record)))
        doc = doc.copy()
        pipe.set_annotations([doc], [(cands, probs)])
        filtered.append((record, _spec(doc, record)))
    return CrossValidation([[records[i].get("id") for i in f] for f in folds], thresholds,
                           score_records(rules), score_records(filtered))


def _spec(doc, record: dict[str, Any]) -> dict[str, Any]:
    return doc_to_record(doc, doc_id=record.get("id")).to_spec(include_text=False)


def _set_thresholds(pipe: SpanFilter, thresholds: dict[str, dict[str, float]]) -> None:
    for label, t in thresholds.items():
        pipe.cfg["drop_below"][label] = t["drop_below"]
        pipe.cfg["add_from"][label] = t["add_from"]


def fit(config_path: str | Path, gold_path: str | Path, thresholds: dict[str, dict[str, float]],
        splits: Sequence[str] = ("train", "dev"), *, overrides: dict[str, Any] | None = None,
        progress: bool = True) -> tuple[Language, SpanFilter]:
    """One span filter trained on every document of ``splits``, with the given thresholds."""
    nlp, pipe, training = build(config_path, gold_path, overrides)
    _train(pipe, annotate(nlp, pipe, load_records(Path(gold_path), splits=tuple(splits)), progress), training)
    _set_thresholds(pipe, thresholds)
    return nlp, pipe


__all__ = ["CrossValidation", "cross_validate", "fit", "build", "annotate"]
