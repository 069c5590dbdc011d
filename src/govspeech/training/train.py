"""``govspeech train``: spaCy's training loop, then the span filter's thresholds chosen on dev.

:func:`train` is a thin layer over ``spacy train``: it fills ``paths.train``/``paths.dev`` of a
config (``configs/*.cfg``), runs spaCy's loop (which keeps the checkpoint that scores best on
dev as ``model-best``), and then, for every ``govspeech_span_filter`` in the result, picks the
``drop_below``/``add_from`` thresholds that maximise each label's overlap F1 on dev
(:func:`select_thresholds`) and saves them with the weights.  The output loads with
``govspeech.load(DIR / "model-best")`` and ``spacy.load(DIR / "model-best")``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import spacy
from spacy.language import Language

from govspeech import docstate
from govspeech.components.statistical.candidates import FILTER_LABELS
from govspeech.components.statistical.span_filter import SpanFilter
from govspeech.scoring import score_records
from govspeech.training.corpus import load_records

#: threshold grids searched on dev; 0 (never drop) and 1.1 (never add) leave the rules alone
DROP_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
ADD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.1)


def train(config_path: str | Path, output_dir: str | Path, *, train_path: str | Path, dev_path: str | Path,
          overrides: Optional[dict[str, Any]] = None, select: bool = True) -> Path:
    """Train with spaCy, select thresholds on ``dev_path``; returns ``output_dir/model-best``."""
    import govspeech.components  # noqa: F401  (registers factories, architectures, readers)
    from spacy.cli.train import train as spacy_train

    settings = {"paths.train": str(train_path), "paths.dev": str(dev_path), **(overrides or {})}
    spacy_train(Path(config_path), Path(output_dir), overrides=settings, use_gpu=-1)
    best = Path(output_dir) / "model-best"
    if select:
        nlp = spacy.load(best)
        dev = nlp.config["corpora"]["dev"]  # the same documents spaCy chose the checkpoint on
        select_thresholds(nlp, load_records(Path(dev_path), dev.get("format", "auto"), splits=tuple(dev.get("splits", ()))))
        nlp.to_disk(best)
    return best


def select_thresholds(nlp: Language, records: Sequence[dict[str, Any]],
                      drop_grid: Iterable[float] = DROP_GRID, add_grid: Iterable[float] = ADD_GRID) -> dict[str, Any]:
    """Set each span filter's thresholds to the ones with the best per-label overlap F1 on
    ``records`` (ties go to the smaller change to the rules); returns what was chosen."""
    chosen = {}
    for name, pipe in nlp.pipeline:
        if not isinstance(pipe, SpanFilter):
            continue
        pairs = []
        with nlp.select_pipes(disable=[name]):
            for record in records:
                doc = nlp(record["text"])
                [(cands, probs)] = pipe.predict([doc])
                pairs.append((record, doc, cands, probs))
        choice = choose_thresholds(pairs, pipe.labels, drop_grid, add_grid)
        for label, best in choice.items():
            pipe.cfg["drop_below"][label] = best["drop_below"]
            pipe.cfg["add_from"][label] = best["add_from"]
        chosen[name] = choice
    return chosen


def choose_thresholds(pairs: list, labels: Iterable[str], drop_grid: Iterable[float] = DROP_GRID,
                      add_grid: Iterable[float] = ADD_GRID) -> dict[str, dict[str, float]]:
    """Per label, the grid thresholds with the best overlap F1 over ``pairs`` — (gold record,
    rule-annotated Doc, candidates, probabilities) — ties going to the smaller change to the
    rules: ``{label: {"f", "drop_below", "add_from"}}``."""
    drop_grid, add_grid = tuple(drop_grid), tuple(add_grid)
    choice = {}
    for label in labels:
        best = None
        for drop in drop_grid:
            for add in add_grid if label == "DIRECTIVE" else (1.1,):
                f = label_f1(pairs, label, drop, add)
                changes = (drop > 0) + (add <= 1)
                if best is None or (f, -changes) > (best[0], -best[3]):
                    best = (f, drop, add, changes)
        choice[label] = {"f": best[0], "drop_below": round(best[1], 3), "add_from": round(best[2], 3)}
    return choice


def label_f1(pairs: list, label: str, drop: float, add: float) -> float:
    """Overlap F1 of ``label`` when the filter drops/adds with these thresholds."""
    index = FILTER_LABELS.index(label)
    scored = []
    for record, doc, cands, probs in pairs:
        norm = docstate.normalized(doc)
        mine = cands.labels == index
        dropped = {(int(s), int(e)) for s, e in zip(cands.starts[mine & cands.proposed & (probs < drop)],
                                                    cands.ends[mine & cands.proposed & (probs < drop)])}
        added = [(int(s), int(e)) for s, e in zip(cands.starts[mine & ~cands.proposed & (probs >= add)],
                                                  cands.ends[mine & ~cands.proposed & (probs >= add)])]
        kept = [(s.start_char, s.end_char) for s in docstate.refs(doc, label) if (s.start_char, s.end_char) not in dropped]
        entities = []
        for number, (s, e) in enumerate(kept + added):
            start, end = norm.to_original(s, e) if norm is not None else (s, e)
            entities.append({"id": number, "label": label, "start_offset": start, "end_offset": end})
        scored.append((record, {"entities": entities, "relations": []}))
    return score_records(scored, labels=(label,))["overlap"][label]["f"]


def rules_only(nlp: Language) -> list[str]:
    """Names of the statistical components (disable them to score the rules alone)."""
    return [name for name, pipe in nlp.pipeline if isinstance(pipe, SpanFilter)]


__all__ = ["train", "select_thresholds", "choose_thresholds", "label_f1", "rules_only"]
