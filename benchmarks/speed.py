"""Speed of govspeech: against raw pkuseg segmentation, per component, per process, per length.

Machines are noisy, so what we report is measured in the same run on the same texts, and
single-process timings are CPU time of this process (``time.process_time``), which other
programs on a shared machine barely disturb; wall-clock time is recorded beside it.  On an
idle machine the two agree, since parsing uses one thread.


* ``throughput``: ``govspeech.parse()`` and raw pkuseg ``cut()`` over the real texts (the seeds
  and the public reports under ../shared, or the bundled example speech when neither is
  there), best of ``repeat``; the ratio is the headline;
* ``components``: characters per second of the tokenizer, each pipeline component and the
  conversion to records;
* ``processes``: ``govspeech.parse_many`` with ``n_process`` 1 and 2 (wall-clock: the point is
  parallelism, which CPU time of one process cannot show);
* ``lengths``: one document of 1k … 1M characters made of the real texts' lines, interleaved and
  cycled, each parsed in a fresh process so that its peak RSS is
  its own; that process also times ``import govspeech`` + ``govspeech.load()``.

The per-length measurement runs as ``python benchmarks/speed.py --length N --repeat R`` (it
prints one JSON object); :func:`run` starts it for every length.
"""
from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable, NamedTuple

from runinfo import load_average

# govspeech is imported inside the functions, not here: the per-length worker times its import.

LENGTHS = (1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000)
QUICK_LENGTHS = (1_000, 10_000)
N_PROCESSES = (1, 2)
#: lengths below this are dominated by fixed costs; the scaling exponent is fitted above it
FIT_FROM_CHARS = 10_000


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


def text_of_length(length: int) -> str:
    """``length`` characters of real text: the corpus texts' lines interleaved, cycled as needed.

    Interleaving (line 1 of every text, then line 2 …) gives every length the same mix of
    speeches and reports; plain concatenation would time the first text alone at 10k characters.
    """
    lines = [text.splitlines() for text in corpus_texts(quick=False)]
    mixed = "\n".join(line for row in itertools.zip_longest(*lines) for line in row if line is not None)
    return (mixed * (length // len(mixed) + 1))[:length]


class Timing(NamedTuple):
    cpu: float  #: CPU seconds of this process
    wall: float  #: wall-clock seconds


def timed(fn: Callable[[], Any]) -> Timing:
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return Timing(time.process_time() - cpu, time.perf_counter() - wall)


def best_of(repeat: int, fn: Callable[[], Any]) -> Timing:
    """The fastest of ``repeat`` runs, by each clock (noise only ever adds time)."""
    runs = [timed(fn) for _ in range(repeat)]
    return Timing(min(r.cpu for r in runs), min(r.wall for r in runs))


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    Linux's ``VmHWM`` first: ``ru_maxrss`` survives ``exec``, so a child started by a large
    parent would report the parent's peak instead of its own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def throughput(nlp, texts: list[str], repeat: int) -> dict[str, Any]:
    import govspeech
    from govspeech.segmentation import load_pkuseg

    chars = sum(len(t) for t in texts)
    govspeech.parse(texts[0], nlp=nlp)  # warm caches (lazy regexes)
    segmenter = load_pkuseg()
    seg = best_of(repeat, lambda: [segmenter.cut(t) for t in texts])
    parse = best_of(repeat, lambda: [govspeech.parse(t, nlp=nlp) for t in texts])

    def rates(clock: str) -> dict[str, float]:
        seg_s, parse_s = getattr(seg, clock), getattr(parse, clock)
        return {"pkuseg_chars_per_s": chars / seg_s, "parse_chars_per_s": chars / parse_s,
                "parse_over_pkuseg": seg_s / parse_s}

    return rates("cpu") | {"wall": rates("wall")}


def stage_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds of each stage of parse(), run one after the other over all texts."""
    from govspeech.records import doc_to_record

    stages = [("tokenizer (normalise + segment)", nlp.make_doc), *nlp.pipeline, ("records", doc_to_record)]
    seconds: dict[str, float] = {}
    items: list = texts
    for name, stage in stages:
        started = time.process_time()
        items = [stage(item) for item in items]
        seconds[name] = time.process_time() - started
    return seconds


def component_throughput(nlp, texts: list[str]) -> dict[str, float | None]:
    """Characters per CPU second of each stage."""
    chars = sum(len(t) for t in texts)
    return {name: (chars / s if s else None) for name, s in stage_seconds(nlp, texts).items()}


def process_scaling(nlp, texts: list[str], repeat: int) -> list[dict[str, float]]:
    import govspeech

    chars = sum(len(t) for t in texts)
    rows = []
    with warnings.catch_warnings():
        # W109: spaCy cannot serialise Doc.user_hooks, where govspeech caches the Doc text on purpose
        # (docstate rebuilds it after the round trip); forked workers inherit this filter
        warnings.filterwarnings("ignore", message=r"\[W109\]")
        for n_process in N_PROCESSES:
            # batch_size=1: the texts differ in size by 100x, bigger batches leave one process idle
            seconds = best_of(repeat, lambda: list(govspeech.parse_many(texts, nlp=nlp, n_process=n_process,
                                                                         batch_size=1))).wall
            rows.append({"n_process": n_process, "seconds": seconds, "chars_per_s": chars / seconds})
    for row in rows:
        row["speedup"] = row["chars_per_s"] / rows[0]["chars_per_s"]
    return rows


def measure_length(length: int, repeat: int) -> dict[str, float]:
    """Run in a fresh process: import + load time, then parse time, peak RSS and the time of each
    stage (one more pass over the pieces parse() makes: which stage does not grow linearly)."""
    started = time.perf_counter()
    import govspeech

    nlp = govspeech.load()
    import_and_load_s = time.perf_counter() - started
    text = text_of_length(length)
    govspeech.parse(text[:1000], nlp=nlp)  # warm caches, as in throughput()
    rss_before = _rss_mb()
    govspeech.parse(text, nlp=nlp)
    # the peak of one parse: the timing repeats below would add the garbage of earlier runs
    # (records and Docs hold reference cycles that only the cyclic collector frees)
    peak = _rss_mb()
    gc.collect()
    timing = best_of(repeat, lambda: govspeech.parse(text, nlp=nlp))
    return {"chars": length, "seconds": timing.cpu, "wall_seconds": timing.wall, "chars_per_s": length / timing.cpu,
            "import_and_load_s": import_and_load_s, "rss_after_load_mb": rss_before, "peak_rss_mb": peak,
            "parse_rss_mb": peak - rss_before, "stage_seconds": stage_seconds(nlp, parse_pieces(text))}


def parse_pieces(text: str) -> list[str]:
    """The pieces ``govspeech.parse()`` hands the pipeline: long texts are cut at line breaks."""
    from govspeech.chunking import DEFAULT_CHUNK_CHARS, chunk_bounds

    return [text[start:end] for start, end in chunk_bounds(text, DEFAULT_CHUNK_CHARS)]


def _seconds_printed(args: list[str], env: dict[str, str] | None = None) -> float:
    """Run ``python ARGS`` in a fresh process; the seconds it prints on its last line."""
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True, env=env)
    return float(done.stdout.strip().splitlines()[-1])


def import_and_load_cold() -> float:
    """Import + load in a fresh process with the pattern cache switched off."""
    return _seconds_printed([str(Path(__file__).resolve()), "--import-only"], {**os.environ, "GOVSPEECH_CACHE_DIR": "off"})


def spacy_import() -> float:
    """Seconds of a bare ``import spacy`` in a fresh process: the part of import + load that
    govspeech cannot shorten."""
    return _seconds_printed(["-c", "import time; t = time.perf_counter(); import spacy; print(time.perf_counter() - t)"])


def length_scaling(lengths: tuple[int, ...], repeat: int) -> list[dict[str, float]]:
    rows = []
    for length in lengths:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--length", str(length),
                               "--repeat", str(repeat)], capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return rows


def scaling_exponent(chars: list[int], seconds: list[float]) -> float | None:
    """Slope of log(seconds) over log(chars), lengths ≥ FIT_FROM_CHARS: 1.0 means linear cost."""
    points = [(math.log(c), math.log(s)) for c, s in zip(chars, seconds) if c >= FIT_FROM_CHARS and s > 0]
    if len(points) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    return (sum((x - mean_x) * (y - mean_y) for x, y in points)
            / sum((x - mean_x) ** 2 for x, _ in points))


def run(quick: bool, repeat: int, log: Callable[[str], None] = print) -> dict[str, Any]:
    import govspeech

    nlp = govspeech.load()
    texts = corpus_texts(quick)
    result: dict[str, Any] = {"documents": len(texts), "chars": sum(len(t) for t in texts), "repeat": repeat,
                              "load_average": {"start": load_average()}}
    log(f"  {len(texts)} documents, {result['chars']:,} chars, best of {repeat}")
    result["throughput"] = throughput(nlp, texts, repeat)
    log(f"  govspeech.parse() {result['throughput']['parse_chars_per_s']:,.0f} chars/s, raw pkuseg "
        f"{result['throughput']['pkuseg_chars_per_s']:,.0f} chars/s: {result['throughput']['parse_over_pkuseg']:.2f} x")
    result["components"] = component_throughput(nlp, texts)
    result["processes"] = process_scaling(nlp, texts, repeat)
    log("  " + ", ".join(f"n_process={r['n_process']} {r['chars_per_s']:,.0f} chars/s" for r in result["processes"]))
    result["lengths"] = length_scaling(QUICK_LENGTHS if quick else LENGTHS, repeat)
    for row in result["lengths"]:
        log(f"  {row['chars']:>9,} chars {row['seconds']:8.3f} s {row['chars_per_s']:>10,.0f} chars/s "
            f"peak RSS {row['peak_rss_mb']:.0f} MB")
    chars = [r["chars"] for r in result["lengths"]]
    result["scaling_exponent"] = scaling_exponent(chars, [r["seconds"] for r in result["lengths"]])
    result["stage_scaling_exponents"] = {
        stage: scaling_exponent(chars, [r["stage_seconds"][stage] for r in result["lengths"]])
        for stage in result["lengths"][0]["stage_seconds"]}
    result["import_and_load_s"] = statistics.median(r["import_and_load_s"] for r in result["lengths"])
    # …and without the disk cache of compiled patterns (govspeech.regex_cache): a first run
    result["import_and_load_cold_s"] = statistics.median(import_and_load_cold() for _ in range(3))
    # the floor: a bare ``import spacy`` in a fresh process, on the same machine in the same run
    result["spacy_import_s"] = statistics.median(spacy_import() for _ in range(3))
    result["import_and_load_over_spacy_import_s"] = result["import_and_load_s"] - result["spacy_import_s"]
    log(f"  import + load {result['import_and_load_s']:.2f} s, without the pattern cache "
        f"{result['import_and_load_cold_s']:.2f} s; bare import spacy {result['spacy_import_s']:.2f} s "
        f"(govspeech adds {result['import_and_load_over_spacy_import_s']:.2f} s)")
    result["load_average"]["end"] = load_average()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="one length of the length-scaling benchmark (started by run.py)")
    parser.add_argument("--length", type=int)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--import-only", action="store_true", help="print the seconds of import + load only")
    args = parser.parse_args(argv)
    if args.import_only:
        started = time.perf_counter()
        import govspeech

        govspeech.load()
        print(time.perf_counter() - started)
        return 0
    if args.length is None:
        parser.error("--length is required")
    print(json.dumps(measure_length(args.length, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
