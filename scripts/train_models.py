"""Rebuild the span filter's shipped weights (``src/govspeech/resources/models/span_filter``).

    python scripts/train_models.py [--output runs/span_filter] [--test]

1. ``govspeech train configs/span_filter.cfg`` on the gold corpus: the ``train`` split is
   learned, the ``dev`` split picks spaCy's best checkpoint and the thresholds (fixed seed).
2. Prints rules-only vs rules + span filter on dev (overlap P/R/F1 per label, relations).
3. ``--test`` also scores the held-out ``test`` split — run it once, for the report, never to
   choose anything.
4. Copies the filter's weights and thresholds (no vocabulary: nothing of the training texts)
   into the package and prints their size.

Needs the public texts under ``../shared`` (or ``$GOVSPEECH_SHARED``): most gold documents are
standoff records.  Takes a few minutes on 2 CPU cores.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
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
    parser.add_argument("--output", type=Path, default=None, help="training output (default: a temporary folder)")
    parser.add_argument("--test", action="store_true", help="also score the held-out test split (once, for the report)")
    parser.add_argument("--no-ship", action="store_true", help="do not copy the weights into the package")
    args = parser.parse_args(argv)

    import spacy

    from govspeech.training import train

    output = args.output or Path(tempfile.mkdtemp(prefix="govspeech-train-"))
    started = time.perf_counter()
    best = train(CONFIG, output, train_path=GOLD, dev_path=GOLD)
    print(f"\ntrained in {time.perf_counter() - started:.0f} s -> {best}")
    nlp = spacy.load(best)
    filter_pipe = nlp.get_pipe("govspeech_span_filter")
    print("thresholds selected on dev:", {k: filter_pipe.cfg[k] for k in ("drop_below", "add_from")})
    compare(nlp, "dev")
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
