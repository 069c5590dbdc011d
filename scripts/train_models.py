"""Rebuild the span filter's shipped weights (``src/govspeech/resources/models/span_filter``).

    python scripts/train_models.py [--folds N] [--report runs/train_models.json] [--test]

1. The rule components annotate every ``train`` and ``dev`` document of the gold corpus once.
2. Leave-one-document-out cross-validation (:mod:`govspeech.training.crossval`): a fresh filter
   per fold (``configs/span_filter.cfg``: optimizer, batch size, epochs, seed), thresholds
   chosen on the out-of-fold probabilities, and a table of rules-only vs rules + filter on
   those out-of-fold predictions for every label, relations and attributes.
3. One filter trained on all those documents gets the thresholds; its weights and thresholds
   (no vocabulary: nothing of the training texts) are copied into the package.
4. ``--test`` also scores the held-out ``test`` split, rules-only vs rules + filter — run it
   once, for the report, never to choose anything.

Needs the public texts under ``../shared`` (or ``$GOVSPEECH_SHARED``): most gold documents are
standoff records.  Deterministic (fixed seeds); about a minute on 2 CPU cores.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold"
CONFIG = ROOT / "configs" / "span_filter.cfg"
SHIPPED = ROOT / "src" / "govspeech" / "resources" / "models" / "span_filter"


def compare(nlp, split: str) -> None:
    """Print rules-only and rules + statistical scores of one split side by side."""
    from govspeech.corpus import read_gold
    from govspeech.evaluate import predict
    from govspeech.scoring import LABELS, score_records
    from govspeech.training.train import rules_only

    docs = list(read_gold(GOLD, splits=(split,)))
    with nlp.select_pipes(disable=rules_only(nlp)):
        rules = score_records(predict(docs, nlp))
    both = score_records(predict(docs, nlp))
    print(f"\n{split}: {len(docs)} documents ({', '.join(d.id for d in docs)}); overlap P/R/F1")
    print(f"{'label':<11} {'rules P':>8} {'R':>6} {'F1':>6}   {'+stat P':>8} {'R':>6} {'F1':>6}   {'ΔF1':>6}")
    for label in (*LABELS, "ALL"):
        r, b = rules["overlap"][label], both["overlap"][label]
        print(f"{label:<11} {r['p']:8.3f} {r['r']:6.3f} {r['f']:6.3f}   {b['p']:8.3f} {b['r']:6.3f} {b['f']:6.3f}   {b['f'] - r['f']:+6.3f}")
    r, b = rules["relations"]["ALL"], both["relations"]["ALL"]
    print(f"{'relations':<11} {r['p']:8.3f} {r['r']:6.3f} {r['f']:6.3f}   {b['p']:8.3f} {b['r']:6.3f} {b['f']:6.3f}   {b['f'] - r['f']:+6.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=None, help="number of folds (default: one per document)")
    parser.add_argument("--report", type=Path, default=None, help="also save the cross-validation scores as JSON here")
    parser.add_argument("--test", action="store_true", help="also score the held-out test split (once, for the report)")
    parser.add_argument("--no-ship", action="store_true", help="do not copy the weights into the package")
    args = parser.parse_args(argv)

    from govspeech.training.crossval import cross_validate, fit

    started = time.perf_counter()
    cv = cross_validate(CONFIG, GOLD, n_folds=args.folds)
    print(cv.table())
    nlp, filter_pipe = fit(CONFIG, GOLD, cv.thresholds)
    print(f"\ncross-validated and trained in {time.perf_counter() - started:.0f} s")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(cv.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.test:
        compare(nlp, "test")
    if not args.no_ship:
        if SHIPPED.exists():
            shutil.rmtree(SHIPPED)
        SHIPPED.parent.mkdir(parents=True, exist_ok=True)
        filter_pipe.to_disk(SHIPPED, exclude=["vocab"])
        size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
        print(f"\nshipped weights: {SHIPPED.relative_to(ROOT)} ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
