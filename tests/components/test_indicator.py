"""INDICATOR boundaries: verbs, scope words and cue words stay outside the measure's name."""
from __future__ import annotations

import pytest

import govspeech
from tests.conftest import spans_of


@pytest.mark.parametrize("sentence, expected", [
    ("全年新建、续建商贸类项目11个，完成投资10.2亿元。", "商贸类项目"),          # verb 续建 after 、
    ("规模以上工业增加值增速达到16.1%，工业经济稳步增长。", "规模以上工业增加值"),  # growth word after a known name
    ("现有蔬菜大棚生产面积保持6000亩以上。", "蔬菜大棚生产面积"),                  # 保持 is the cue
])
def test_indicator_boundaries(sentence, expected):
    assert expected in spans_of(govspeech.parse(sentence), "INDICATOR")
