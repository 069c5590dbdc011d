"""The normaliser's offset map, tested on real excerpts of seed 002 (Traditional, glosses, notices)."""
from __future__ import annotations

import pytest

from govspeech.normalize import normalize


def test_traditional_with_glosses_maps_back_exactly(seed_002):
    norm = normalize(seed_002)
    assert norm.text.startswith("在全区7-8月高质量发展重点工作调度会上的讲话")
    # 全區(qū) → 全区: the gloss is gone, the characters map one to one
    start = norm.text.index("全区")
    o_start, o_end = norm.to_original(start, start + 2)
    assert seed_002[o_start:o_end] == "全區"
    # a clean span across a removed gloss maps to the original with the gloss inside
    start = norm.text.index("高质量发展")
    o_start, o_end = norm.to_original(start, start + 5)
    assert seed_002[o_start:o_end] == "高質量發(fā)展"


def test_every_clean_span_round_trips(seed_002):
    norm = normalize(seed_002)
    n = len(norm.text)
    for start in range(0, n, 7):
        for length in (1, 3, 11):
            end = min(n, start + length)
            o_start, o_end = norm.to_original(start, end)
            assert 0 <= o_start < o_end <= len(seed_002)
            assert norm.to_normalized(o_start, o_end) == (start, end)


def test_paywall_and_truncation_notices_are_flagged_and_removed(seed_002):
    norm = normalize(seed_002)
    kinds = {f.kind: f for f in norm.flags}
    assert "省略897字" in kinds["paywall"].text
    assert kinds["truncation"].text.startswith("……(未完,全文共7174字")
    assert "省略" not in norm.text and "未完" not in norm.text
    assert norm.text.rstrip().endswith("及时研究解决项目推进各")


def test_mojibake_is_flagged_not_repaired(seed_002):
    norm = normalize(seed_002)
    moji = [f.text for f in norm.flags if f.kind == "mojibake"]
    assert "?偟膩碚f" in moji
    assert "?偟腻碚f" in norm.text  # only character conversion, no guessing


def test_censor_and_masks_are_flagged(seed_002):
    norm = normalize(seed_002)
    assert any(f.kind == "censor" and f.text == "__" for f in norm.flags)
    assert any(f.kind == "mask" and f.text == "**" for f in norm.flags)


def test_separator_lines_are_removed_not_read_as_masks(seed_000):
    norm = normalize(seed_000)
    separators = [f for f in norm.flags if f.kind == "separator"]
    assert len(separators) == 6
    assert "******" not in norm.text
    assert not any(f.kind == "mask" and len(f.text) > 8 for f in norm.flags)


@pytest.mark.parametrize("raw, clean", [
    ("增长７．８％", "增长7.8%"),
    ("全区ＧＤＰ　增长", "全区GDP 增长"),
    ("完成××亿元", "完成**亿元"),
    ("完成XX%", "完成**%"),
    ("a\x00b\rc", "a b\nc"),
    ("发\u200b展", "发展"),
])
def test_character_conversions(raw, clean):
    assert normalize(raw).text == clean


def test_clean_simplified_text_keeps_its_offsets():
    text = "上半年，全区生产总值达到14.8亿元，同比增长6.95%。"
    norm = normalize(text)
    # full-width punctuation becomes ASCII, one character for one: offsets do not move
    assert norm.text == text.replace("，", ",")
    assert norm.to_original(4, 10) == (4, 10)
    assert len(norm.norm_starts) == 1


def test_span_inside_removed_range_has_no_clean_counterpart(seed_002):
    norm = normalize(seed_002)
    paywall = next(f for f in norm.flags if f.kind == "paywall")
    # the notice collapsed to one line break: only that character maps into it
    mapped = norm.to_normalized(paywall.start + 5, paywall.end - 5)
    assert mapped is None
