"""docs/training.md is executed: its Python blocks run in order, in one namespace, from the
repository root (the tutorial's `govspeech train` with a tiny config is the in-suite training run)."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

import govspeech

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "docs" / "training.md"


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.DOTALL)


def test_tutorial_blocks_are_there():
    blocks = python_blocks(TUTORIAL.read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    assert any("main([\"train\"" in b for b in blocks)


def test_tutorial_runs(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    started = time.perf_counter()
    for block in python_blocks(TUTORIAL.read_text(encoding="utf-8")):
        exec(compile(block, str(TUTORIAL), "exec"), namespace)  # noqa: S102 - our own documentation
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"the tutorial (tiny training run included) took {elapsed:.0f} s"
    model = namespace["model"]
    assert (model / "govspeech_span_filter" / "model").exists()
    out = capsys.readouterr().out
    assert "DIRECTIVE" in out and "govspeech_span_filter" in out
    # the rules-alone pipeline of the docs really leaves the filter out, and the default one has
    # the shipped filter, loaded through the config's [initialize] block with its thresholds
    assert "govspeech_span_filter" not in namespace["rules"].pipe_names
    shipped = govspeech.load().get_pipe("govspeech_span_filter")
    assert set(shipped.cfg["drop_below"]) == {"DIRECTIVE", "INDICATOR", "DEPARTMENT"}
    assert any(0 < t <= 1 for t in shipped.cfg["drop_below"].values())
    # the trained pipeline loads both ways and keeps its selected thresholds
    nlp = namespace["nlp"]
    assert nlp.get_pipe("govspeech_span_filter").cfg["drop_below"].keys() <= {"DIRECTIVE", "INDICATOR", "DEPARTMENT"}
    assert not os.path.exists(ROOT / "mine_model")  # the tutorial writes to its scratch folder only
