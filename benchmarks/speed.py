"""Speed of govspeech.parse() as a ratio to raw pkuseg segmentation of the same texts.

Both are measured in the same run on the same texts (machines are noisy; the ratio is what we
report).  Texts: the seeds plus the public reports under ../shared (whatever is present), or
the bundled example speech when neither is there.  Also reports per-component time, import +
load time and peak RSS.

    python benchmarks/speed.py [--quick] [--repeat 3] [--out benchmarks/results/speed.json]
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(quick: bool) -> list[str]:
    from govspeech import resources
    from govspeech.corpus import find_shared

    shared = find_shared()
    texts = []
    if shared is not None:
        for pattern in ("seeds/*.txt", "public/*/*.txt", "public/*/*.md"):
            texts += [p.read_text(encoding="utf-8") for p in sorted(shared.glob(pattern))]
    if not texts:
        texts = [resources.read_text("examples", "example_speech.txt")]
    return texts[:3] if quick else texts


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small input, one repeat (for CI)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speed.json")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat

    started = time.perf_counter()
    import govspeech
    from govspeech.segmentation import load_pkuseg

    nlp = govspeech.load()
    import_load_seconds = time.perf_counter() - started

    texts = corpus_texts(args.quick)
    chars = sum(len(t) for t in texts)
    govspeech.parse(texts[0])  # warm caches (lazy regexes)
    segmenter = load_pkuseg()
    seg_seconds = best_of(repeat, lambda: [segmenter.cut(t) for t in texts])
    parse_seconds = best_of(repeat, lambda: [govspeech.parse(t, nlp=nlp) for t in texts])

    component_seconds = {"tokenizer (normalise + segment)": 0.0}
    docs = []
    t0 = time.perf_counter()
    for t in texts:
        docs.append(nlp.make_doc(t))
    component_seconds["tokenizer (normalise + segment)"] = time.perf_counter() - t0
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = [proc(d) for d in docs]
        component_seconds[name] = time.perf_counter() - t0
    from govspeech.records import doc_to_record

    t0 = time.perf_counter()
    for d in docs:
        doc_to_record(d)
    component_seconds["records"] = time.perf_counter() - t0

    result = {
        "benchmark": "speed",
        "quick": args.quick,
        "git_commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "processor": platform.machine()},
        "versions": {"govspeech": govspeech.__version__, "spacy": __import__("spacy").__version__},
        "documents": len(texts),
        "chars": chars,
        "pkuseg_chars_per_s": chars / seg_seconds,
        "parse_chars_per_s": chars / parse_seconds,
        "parse_over_pkuseg": seg_seconds / parse_seconds,
        "import_and_load_s": import_load_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "component_chars_per_s": {k: (chars / v if v else None) for k, v in component_seconds.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(texts)} documents, {chars:,} chars")
    print(f"raw pkuseg segmentation   {result['pkuseg_chars_per_s']:>12,.0f} chars/s")
    print(f"govspeech.parse()         {result['parse_chars_per_s']:>12,.0f} chars/s   "
          f"= {result['parse_over_pkuseg']:.2f} x pkuseg")
    for name, cps in result["component_chars_per_s"].items():
        print(f"  {name:<32} {cps:>12,.0f} chars/s" if cps else f"  {name}")
    print(f"import + load {import_load_seconds:.2f} s, peak RSS {result['peak_rss_mb']:.0f} MB -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
