"""Train the pkuseg word-segmentation model that ships in ``resources/segmentation/pkuseg``.

pkuseg's published models cannot be downloaded here, so govspeech trains its own, reproducibly:

* training data: UD Chinese GSDSimp **dev** (the train split is not distributed with
  ``../shared/seg``) plus UD Chinese PUD converted to Simplified character by character with
  the normaliser's table (both CC BY-SA; see docs/segmentation.md for the credit);
* evaluation: UD Chinese GSDSimp **test**, word-level F1 printed and written to
  ``resources/segmentation/pkuseg/metrics.json``.

pkuseg's trainer is deterministic for a given input (no random initialisation), so the same
data gives the same model.  Usage::

    python scripts/train_segmenter.py [--shared ../shared] [--iterations 20]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/govspeech/resources/segmentation/pkuseg"


def conllu_sentences(path: Path, t2s: dict[str, str] | None = None) -> list[list[str]]:
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if words:
                sentences.append(words)
                words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form = cols[1]
        if t2s:
            form = "".join(t2s.get(ch, ch) for ch in form)
        words.append(form)
    if words:
        sentences.append(words)
    return sentences


def write(sentences: list[list[str]], path: Path) -> None:
    path.write_text("\n".join(" ".join(s) for s in sentences) + "\n", encoding="utf-8")


def word_f1(gold: list[list[str]], pred: list[list[str]]) -> dict:
    def spans(words):
        out, pos = set(), 0
        for w in words:
            out.add((pos, pos + len(w)))
            pos += len(w)
        return out
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    precision, recall = tp / n_pred, tp / n_gold
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4), "words": n_gold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    import spacy_pkuseg

    seg = args.shared / "seg"
    t2s = {t: s for t, s in (line.split("\t") for line in
           (ROOT / "src/govspeech/resources/normalize/t2s.tsv").read_text(encoding="utf-8").splitlines()
           if not line.startswith("#"))}
    train = conllu_sentences(seg / "UD_Chinese-GSDSimp/zh_gsdsimp-ud-dev.conllu")
    train += conllu_sentences(seg / "UD_Chinese-PUD/zh_pud-ud-test.conllu", t2s)
    test = conllu_sentences(seg / "UD_Chinese-GSDSimp/zh_gsdsimp-ud-test.conllu")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write(train, tmp / "train.txt")
        write(test, tmp / "test.txt")
        started = time.perf_counter()
        log = io.StringIO()
        with contextlib.redirect_stdout(log):
            spacy_pkuseg.train(str(tmp / "train.txt"), str(tmp / "test.txt"), str(tmp / "model"),
                               train_iter=args.iterations)
        seconds = time.perf_counter() - started
        args.output.mkdir(parents=True, exist_ok=True)
        for name in ("features.msgpack", "weights.npz"):
            shutil.copy(tmp / "model" / name, args.output / name)
    segmenter = spacy_pkuseg.pkuseg(str(args.output))
    pred = [segmenter.cut("".join(s)) for s in test]
    metrics = {"test": "UD_Chinese-GSDSimp test", "train_sentences": len(train),
               "iterations": args.iterations, "train_seconds": round(seconds, 1),
               **word_f1(test, pred)}
    (args.output / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.output.iterdir())
    print(json.dumps(metrics), f"model size {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
