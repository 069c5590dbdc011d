"""govspeech.patterns: tries, first-character guards and anchored scans give the plain matches."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import govspeech
from govspeech import patterns

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "gold"


def seed_texts() -> list[str]:
    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(CORPUS.glob("seed-*.jsonl"))]


def test_words_prefers_the_longest_word():
    assert patterns.compile(patterns.words(["区委", "区委会", "区"])).match("区委会议").group() == "区委会"


def test_near_anchor_finds_what_a_full_scan_finds_even_when_windows_join():
    pattern = patterns.compile(r"[\p{Han}]{1,4}?(?:专班|小组)(?!长)")
    near = patterns.NearAnchor(pattern, patterns.compile("专班|小组"), before=4)
    text = "成立招商专班和督导小组，小组长由区长担任；推进组、专班专班。" * 3
    assert [m.span() for m in near.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert list(near.finditer("没有任何锚点的文字")) == []


@pytest.mark.parametrize("component, n_anchored", [("govspeech_department", 10), ("govspeech_numbers", 1)])
def test_anchored_lexicon_scans_match_full_scans_on_real_text(component, n_anchored):
    # every NearAnchor of a component against its plain pattern, on the seeds and on shuffles
    # of their lines (new neighbours for every line)
    texts = seed_texts()
    lines = [line for text in texts for line in text.splitlines()]
    rng = random.Random(7)
    texts += ["".join(rng.sample(lines, len(lines))) for _ in range(3)]
    # constructions the seeds lack: places closed by 等市, lists of named places before a count
    texts.append("营收增长。黄山、池州、安庆等市全域联动，合肥、芜湖等市要加快建设，西洞、西峰等3个乡镇。")
    pipe = govspeech.load().get_pipe(component)
    anchored = {name: value for name, value in vars(pipe).items() if isinstance(value, patterns.NearAnchor)}
    assert len(anchored) == n_anchored
    for name, near in anchored.items():
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in near.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in near.pattern.finditer(text)], name
