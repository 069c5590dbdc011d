"""The benchmark suite in quick mode, so that its code cannot rot between full runs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govspeech.scoring import LABELS

ROOT = Path(__file__).resolve().parents[1]
METADATA_KEYS = {"benchmark", "quick", "git_commit", "git_dirty", "date", "machine", "versions"}


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("benchmarks")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
                   check=True, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return out


def read(out: Path, name: str) -> dict:
    return json.loads((out / name).read_text(encoding="utf-8"))


@pytest.mark.slow
def test_accuracy_results_have_every_system_split_and_label(quick_results):
    results = read(quick_results, "accuracy.json")
    assert METADATA_KEYS <= results.keys() and results["quick"] is True
    assert set(results["systems"]) == {"regex", "jionlp", "recognizers_text", "govspeech_rules", "govspeech"}
    assert results["systems"]["jionlp"]["skipped"] == "quick mode"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from accuracy import SUBSETS

    assert {"test", "dev"} <= set(results["splits"]) <= {"test", "dev", *SUBSETS}
    for subset in set(SUBSETS) & set(results["splits"]):  # parts of test (absent without ../shared)
        assert set(results["splits"][subset]["documents"]) < set(results["splits"]["test"]["documents"])
    for split in results["splits"].values():
        assert split["documents"] and split["chars"] > 0
        for scores in split["scores"].values():
            assert set(scores["strict"]) == set(scores["overlap"]) == {*LABELS, "ALL"}
            assert {"relations", "attributes", "seconds"} <= scores.keys()


@pytest.mark.slow
def test_regex_baseline_finds_quantities_but_fewer_than_govspeech(quick_results):
    for split in read(quick_results, "accuracy.json")["splits"].values():
        regex, ours = split["scores"]["regex"], split["scores"]["govspeech"]
        for matching in ("strict", "overlap"):
            assert 0 < regex[matching]["QUANTITY"]["f"] < ours[matching]["QUANTITY"]["f"]


@pytest.mark.slow
def test_speed_results_compare_with_pkuseg_and_cover_processes_and_lengths(quick_results):
    results = read(quick_results, "speed.json")
    assert METADATA_KEYS <= results.keys()
    assert results["throughput"]["parse_over_pkuseg"] > 0
    assert [r["n_process"] for r in results["processes"]] == [1, 2]
    assert [r["chars"] for r in results["lengths"]] == [1_000, 10_000]
    assert all(r["seconds"] > 0 and r["peak_rss_mb"] >= r["rss_after_load_mb"] > 0 for r in results["lengths"])
    stages = {"tokenizer (normalise + segment)", "govspeech_numbers", "records"}
    assert set(results["components"]) >= stages
    assert all(set(r["stage_seconds"]) >= stages for r in results["lengths"])


@pytest.mark.slow
def test_summary_shows_both_splits_and_the_speed_ratio(quick_results):
    summary = (quick_results / "summary.md").read_text(encoding="utf-8")
    assert "### test split (held out)" in summary and "### dev split" in summary
    assert "× the speed of raw pkuseg" in summary
