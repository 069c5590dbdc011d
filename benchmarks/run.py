"""Run the govspeech benchmarks: extraction accuracy against baselines, speed against raw segmentation.

    python benchmarks/run.py            # everything (about 5 minutes on 2 cores) -> benchmarks/results/
    python benchmarks/run.py --quick    # small inputs, no third-party extractors (CI, < 1 minute)

Writes ``accuracy.json`` and ``speed.json`` (each with the git commit, date, machine and library
versions), ``summary.md`` and PNG plots into ``--out``; a full run into the default directory
also refreshes the results table in ``benchmarks/README.md``.  See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import accuracy
import plots
import report
import speed
from runinfo import RESULTS_DIR, ROOT, run_metadata, write_json

README = ROOT / "benchmarks" / "README.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="small inputs, one repeat, no third-party extractors, lengths up to 10k (for CI)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help=f"results directory (default {RESULTS_DIR})")
    parser.add_argument("--repeat", type=int, default=3, help="timings are the best of this many runs (full mode)")
    parser.add_argument("--skip", choices=("accuracy", "speed"), action="append", default=[],
                        help="leave out one part (may be given twice)")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    args.out.mkdir(parents=True, exist_ok=True)
    meta = run_metadata(args.quick)
    started = time.perf_counter()

    accuracy_results = speed_results = None
    if "accuracy" not in args.skip:
        print("accuracy")
        accuracy_results = accuracy.run(args.quick)
        write_json(args.out / "accuracy.json", {"benchmark": "accuracy", **meta, **accuracy_results})
    if "speed" not in args.skip:
        print("speed")
        speed_results = speed.run(args.quick, repeat)
        write_json(args.out / "speed.json", {"benchmark": "speed", **meta, **speed_results})

    plots_skipped = plots.matplotlib_missing()
    drawn = [] if plots_skipped else plots.draw_all(accuracy_results, speed_results, args.out)
    if plots_skipped:
        print(f"plots skipped: {plots_skipped}")
    summary = report.render(meta, accuracy_results, speed_results, drawn, plots_skipped)
    (args.out / "summary.md").write_text("# govspeech benchmark results\n\n" + summary, encoding="utf-8")
    if args.out.resolve() == RESULTS_DIR.resolve() and not args.quick and not args.skip:
        report.update_readme(README, report.render(meta, accuracy_results, speed_results, drawn, plots_skipped,
                                                   image_dir="results/", heading="###"))
    print(f"done in {time.perf_counter() - started:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
