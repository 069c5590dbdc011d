"""INDICATOR boundaries: verbs, scope words and cue words stay outside the measure's name."""
from __future__ import annotations

import pytest

import govspeech
from tests.conftest import spans_of


@pytest.mark.parametrize("sentence, expected", [
    ("全年新建、续建商贸类项目11个，完成投资10.2亿元。", "商贸类项目"),          # verb 续建 after 、
    ("规模以上工业增加值增速达到16.1%，工业经济稳步增长。", "规模以上工业增加值"),  # growth word after a known name
    ("现有蔬菜大棚生产面积保持6000亩以上。", "蔬菜大棚生产面积"),                  # 保持 is the cue
    ("粮食产量连续多年居全国第一。", "粮食产量"),                                  # a duration before the rank
    # adverbs between the name and its change are the change's, not the name's
    ("地区生产总值首次突破1万亿元。", "地区生产总值"),
    ("社会消费品零售总额稳步增长6.2%。", "社会消费品零售总额"),
    ("一般公共预算收入持续增长4.1%。", "一般公共预算收入"),
    ("规上工业增加值逆势增长5%。", "规上工业增加值"),
    ("外贸进出口小幅下降2%。", "外贸进出口"),
])
def test_indicator_boundaries(sentence, expected):
    assert expected in spans_of(govspeech.parse(sentence), "INDICATOR")


@pytest.mark.parametrize("sentence, expected", [
    # a grade or model code glued to the name: 5A级, 5G
    ("新增5A级旅游景区2个、4A级景区5个。", [("5A级旅游景区", "INCREASE", "2个"), ("4A级景区", "INCREASE", "5个")]),
    ("建成5G基站3.2万个。", [("5G基站", "VALUE", "3.2万个")]),
    # 净增 is the cue, and a 其中 part of the same count is counted by it too
    ("净增市场主体35.6万户，其中企业8.1万户。", [("市场主体", "INCREASE", "35.6万户"), ("企业", "INCREASE", "8.1万户")]),
    # a doubling is a growth; 压缩 a decrease
    ("高新技术企业数量实现翻番，审批时限压缩60%。",
     [("高新技术企业数量", "INCREASE", "翻番"), ("审批时限", "DECREASE", "60%")]),
    # 分别 pairs every conjunct, whole, even one that starts with a lexicon name (进口)
    ("进口货值、入境游客、离岛免税销售额分别增长31.5%、52%、40.2%。",
     [("进口货值", "INCREASE", "31.5%"), ("入境游客", "INCREASE", "52%"), ("离岛免税销售额", "INCREASE", "40.2%")]),
])
def test_indicator_names_and_their_relations(sentence, expected):
    doc = govspeech.parse(sentence)
    by_id = {s.id: s for s in doc.spans}
    got = [(by_id[r.head].text, r.type, by_id[r.tail].text) for r in doc.relations]
    assert got == expected


def test_the_whole_of_a_share_and_the_standard_of_a_comparison_are_no_indicators():
    # hainan-2026, ningxia-2026 (train/dev): 占GDP比重 is the share of the name before it, and
    # 超过GDP增速 compares a growth with GDP's
    rules = govspeech.load(exclude=["govspeech_span_filter"])  # the rules' own proposal, before any filter
    for text in ("四大主导产业占GDP比重较2020年提高约1个百分点。", "农村居民收入年均增长6.5%，超过GDP增速。"):
        doc = rules(text)
        assert "GDP" not in [s.text for s in doc.spans.get("govspeech", []) if s.label_ == "INDICATOR"], text
    # …so the filter does not learn to drop the name where it is what is measured
    assert "GDP" in spans_of(govspeech.parse("上半年，全区GDP增长6.5%。"), "INDICATOR")
