"""QUANTITY, PERCENT, RANKING and DEADLINE on realistic sentences of government reports and speeches.

The sentences are written for these tests in the style of work reports (no public text is copied).
"""
from __future__ import annotations

import pytest

import govspeech
from tests.conftest import spans_of


def _attrs(doc, label):
    return [(s.text, s.attrs.model_dump()) for s in doc.spans_by_label(label)]


@pytest.mark.parametrize("sentence, expected", [
    # units of power grids, storeys, ages, cases, courses, prices
    ("加快建设500千伏输变电工程，新开工20层以上住宅8栋。", ["500千伏", "20层以上", "8栋"]),
    ("为70周岁以上老年人提供服务5000例，开设课程100门。", ["70周岁以上", "5000例", "100门"]),
    ("全市工商业平均电价下降3分/千瓦时，低保标准提高到800元/月。", ["3分/千瓦时", "800元/月"]),
    # an alternative counter in brackets belongs to the figure
    ("筹集保障性租赁住房2.5万套（间）。", ["2.5万套（间）"]),
    # a multiplier with a threshold word and no unit
    ("全市5万以上人口的乡镇实现全覆盖。", ["5万以上"]),
    # a bare 万/千 counting people, and a doubling
    ("带动万名青年返乡创业，高新技术企业数量实现翻番。", ["万名", "翻番"]),
    ("全县财政收入五年接近翻一番。", ["接近翻一番"]),
    # counts written 两 are counts even with 期
    ("政策性金融工具分两期投放。", ["两期"]),
    ("企业开办时间从一个月以上压缩到3个工作日。", ["一个月以上", "3个工作日"]),
    ("经济增速连续11个季度高于全国平均水平。", ["11个季度"]),
    # a run of years counts in Chinese numerals too (GUIDELINES 21); a period (五年来) does not
    ("五年来，农民收入增速连续十二年快于城镇居民。", ["十二年"]),
    # 万亿 needs no numeral; petaflops of computing power; counters of products and voyages
    ("外贸进出口总额突破万亿元，建成智能算力超2.6万P。", ["万亿元", "超2.6万P"]),
    ("引进创新药械320款，完成科考保障1200航次。", ["320款", "1200航次"]),
])
def test_quantities(sentence, expected):
    assert spans_of(govspeech.parse(sentence), "QUANTITY") == expected


@pytest.mark.parametrize("sentence", [
    "积极扶持三元、伊利等乳业龙头企业发展壮大。",          # a company name, not 3 yuan
    "做好古墓葬二次发掘和考古研究工作。",                  # 二次 is an adjective
    "三次产业结构持续优化。",                              # a fixed term
    "审议通过国民经济和社会发展第十五个五年规划纲要。",    # inside an ordinal numeral
    "建设30万吨级航道和100兆瓦级储能电站。",              # grades
    "人工智能赋能千行百业、走进千家万户。",                # set phrases
    "确保每一笔资金合理规范使用，发放一次性补助。",
    "取得近10年来最好成绩，近5年人均预期寿命显著提高。",  # periods, not durations
    "加快汽车零部件产业发展，迈上千亿台阶。",
    "举办建设法治城市20年主题活动。",                      # an anniversary
    "推出一款新产品，3PB数据上链。",                        # 一款 is vague; PB is not P
    # a term the notes explain, in the text and in the note's head line
    "用好两张“负面”清单［3］，\n［3］两张“负面”清单：\n指……",
])
def test_not_quantities(sentence):
    assert spans_of(govspeech.parse(sentence), "QUANTITY") == []


def test_quantity_attributes():
    doc = govspeech.parse("全市50万以上参保群众受益；财政收入接近翻一番；带动万名青年就业；新建住房3万套（间）。")
    assert _attrs(doc, "QUANTITY") == [
        ("50万以上", {"value": 500000.0, "unit": "人", "masked": False, "approx": True}),
        ("接近翻一番", {"value": 2.0, "unit": "倍", "masked": False, "approx": True}),
        ("万名", {"value": 10000.0, "unit": "名", "masked": False, "approx": False}),
        ("3万套（间）", {"value": 30000.0, "unit": "套", "masked": False, "approx": False}),
    ]


def test_percent_ranges_and_approximations():
    doc = govspeech.parse("主要预期目标是：地区生产总值增长5%—5.5%；重污染天数下降超过五成，覆盖近三分之一的村庄。")
    assert spans_of(doc, "PERCENT") == ["5%—5.5%", "超过五成", "近三分之一"]
    assert [s.attrs.value for s in doc.spans_by_label("PERCENT")][:2] == [None, 50.0]


def test_change_from_one_percent_to_another_is_not_a_range():
    doc = govspeech.parse("常住人口城镇化率从72%提升到76%左右。")
    assert spans_of(doc, "PERCENT") == ["72%", "76%左右"]


@pytest.mark.parametrize("sentence, expected", [
    # a move to a new position: the new ordinal is its own span
    ("规上工业企业营收从全国第12位跃升至第5位。", [("全国第12位", 12, False, "全国"), ("第5位", 5, False, None)]),
    ("综合排名由第8位上升到第3位。", [("第8位", 8, False, None), ("第3位", 3, False, None)]),
    # a ranking without a verb, 第N名
    ("在全省营商环境评价中获得第一名。", [("第一名", 1, False, None)]),
    # N强 and 前N强
    ("经开区跻身全国50强，地区生产总值稳居全国前十强。",
     [("跻身全国50强", 50, True, "全国"), ("稳居全国前十强", 10, True, "全国")]),
    ("经济总量跻身全球城市前五位。", [("跻身全球城市前五位", 5, True, "全球")]),
    ("增速居全省12个旗市区第2位。", [("居全省12个旗市区第2位", 2, False, "全省")]),
    # the 位 of 位居 may end the noun before it (总吨位); a verb before scope + peers + N强
    ("船舶总吨位居全国第三，两家省属企业跻身中国企业500强。",
     [("居全国第三", 3, False, "全国"), ("跻身中国企业500强", 500, True, "中国")]),
    ("六项主要指标全部位列全市第一。", [("位列全市第一", 1, False, "全市")]),  # 全部 + 位列, not 部位
    ("位次前移3位至全国第9位。", [("全国第9位", 9, False, "全国")]),  # a move by a number of places
])
def test_rankings(sentence, expected):
    doc = govspeech.parse(sentence)
    got = [(s.text, s.attrs.position, s.attrs.top, s.attrs.scope) for s in doc.spans_by_label("RANKING")]
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "区域创新能力稳居全国第一方阵，进入全国第二梯队。",   # tiers, not positions
    "陇南入列全国第一批美丽城市先行区，跻身第二轮试点。",  # batches
    "做强全省第三极，各项工作位居全市前列。",             # a name; no position
    "ESI全球排名前1%的学科数量增长两倍。",                # a share, not a position
    "上榜世界500强企业增至18家。",                         # a kind of firm
    "全省前三季度地区生产总值增长5%。",                    # a period
])
def test_not_rankings(sentence):
    assert spans_of(govspeech.parse(sentence), "RANKING") == []
