"""Rule components on real sentences of the seed speeches, with the spans we expect inline.

Sentences are quoted from ``../shared/seeds`` (which may be copied into the project).
"""
from __future__ import annotations

import pytest

import govspeech
from tests.conftest import spans_of

SEED_000_RESULTS = ("上半年，全区生产总值达到**亿元，同比增长6.95%，排名全市第三；固定资产投资完成**亿元，增长7.18%，排名第六；"
                    "社会消费品零售总额达到**亿元，增长7.8%，排名第一；财政总收入达到14.8亿元，增长46.7%，排名第一；"
                    "其中，公共财政预算收入**亿元，增长13.3%，排名第三；城乡居民人均可支配收入分别达到**元和入**元，"
                    "分别增长8.9%和6.5%，分别排名第三和第四。")


def relations_of(doc, rel_type=None):
    by_id = {s.id: s for s in doc.spans}
    return [(by_id[r.head].text, r.type, by_id[r.tail].text) for r in doc.relations
            if rel_type is None or r.type == rel_type]


@pytest.fixture(scope="module")
def results():
    return govspeech.parse(SEED_000_RESULTS)


def test_masked_and_real_figures(results):
    assert spans_of(results, "QUANTITY") == ["**亿元", "**亿元", "**亿元", "14.8亿元", "**亿元", "**元", "**元"]
    assert spans_of(results, "PERCENT") == ["6.95%", "7.18%", "7.8%", "46.7%", "13.3%", "8.9%", "6.5%"]
    value = results.spans_by_label("QUANTITY")[3].attrs
    assert (value.value, value.unit, value.masked) == (1_480_000_000, "元", False)


def test_rankings_with_continuation(results):
    assert spans_of(results, "RANKING") == ["排名全市第三", "排名第六", "排名第一", "排名第一", "排名第三", "排名第三", "第四"]
    assert results.spans_by_label("RANKING")[-1].attrs.position == 4


def test_indicators_and_their_figures(results):
    assert "生产总值" in spans_of(results, "INDICATOR")
    rels = relations_of(results)
    assert ("生产总值", "VALUE", "**亿元") in rels
    assert ("生产总值", "INCREASE", "6.95%") in rels
    assert ("生产总值", "RANK", "排名全市第三") in rels
    assert ("固定资产投资", "RANK", "排名第六") in rels
    assert ("财政总收入", "VALUE", "14.8亿元") in rels


@pytest.mark.parametrize("text, expected", [
    ("全省86个县市排第64位", {"position": 64, "top": False, "scope": "全省", "of": 86}),
    ("居全市第三位", {"position": 3, "top": False, "scope": "全市", "of": None}),
    ("进入全省前三名", {"position": 3, "top": True, "scope": "全省", "of": None}),
    ("全市排第二", {"position": 2, "top": False, "scope": "全市", "of": None}),
])
def test_ranking_attributes(text, expected):
    (ranking,) = govspeech.parse(f"增速{text}。").spans_by_label("RANKING")
    assert ranking.text == text
    assert ranking.attrs.model_dump() == expected


@pytest.mark.parametrize("text, span, value, unit, approx", [
    ("“十大农业产业园”完成投资6000多万元。", "6000多万元", 6.0e7, "元", True),
    ("投资额近10亿元，有40家已开工建设。", "近10亿元", 1.0e9, "元", True),
    ("全区新打建日光温室1314亩，完成年度任务的66%。", "1314亩", 1314, "亩", False),
    ("惠及3万户以上。", "3万户以上", 30000, "户", True),
    ("接待游客31人次。", "31人次", 31, "人次", False),
])
def test_quantity_attributes(text, span, value, unit, approx):
    quantity = govspeech.parse(text).spans_by_label("QUANTITY")[0]
    assert quantity.text == span
    assert (quantity.attrs.value, quantity.attrs.unit, quantity.attrs.approx) == (value, unit, approx)


@pytest.mark.parametrize("text, span, value, unit", [
    ("比去年同期上升了0.8个点。", "0.8个点", 0.8, "pp"),
    ("提高1.5个百分点。", "1.5个百分点", 1.5, "pp"),
    ("占到三分之一。", "三分之一", 100 / 3, "%"),
    ("完成七成。", "七成", 70.0, "%"),
])
def test_percent_attributes(text, span, value, unit):
    percent = govspeech.parse(text).spans_by_label("PERCENT")[0]
    assert percent.text == span
    assert percent.attrs.value == pytest.approx(value) and percent.attrs.unit == unit


def test_fixed_terms_and_dates_are_not_quantities():
    doc = govspeech.parse("坚决做到“两个维护”，落实八项规定，编制十四五规划，2023年7月1日召开市委四届六次全会。")
    assert spans_of(doc, "QUANTITY") == []


def test_completion_relation():
    doc = govspeech.parse("止目前，全区新打建日光温室1314亩，完成年度任务的66%。")
    assert ("日光温室", "VALUE", "1314亩") in relations_of(doc)
    assert ("日光温室", "COMPLETION", "66%") in relations_of(doc)


def test_coordinated_departments_split_with_canonical_names():
    doc = govspeech.parse("区发改、能源部门要积极与省市协调对接，力争8月底开工建设。")
    assert spans_of(doc, "DEPARTMENT") == ["发改", "能源"]
    canonical = [s.attrs.canonical for s in doc.spans_by_label("DEPARTMENT")]
    assert canonical[0].startswith("区发展和改革")


def test_directive_with_responsible_and_due():
    doc = govspeech.parse("各乡镇要集中利用100天的有效时间，盯进度、抢工期，确保10月底前高质量完成整治任务。")
    (directive,) = doc.spans_by_label("DIRECTIVE")
    assert directive.text == "各乡镇要集中利用100天的有效时间，盯进度、抢工期，确保10月底前高质量完成整治任务"
    facts = doc.directives[0]
    assert [d.text for d in facts.departments] == ["各乡镇"]
    assert facts.departments[0].attrs.collective
    assert [d.text for d in facts.deadlines] == ["10月底前"]


def test_headings_are_not_directives_but_run_on_lead_ins_are():
    doc = govspeech.parse("一、上半年工作的特点\n一是加强重大项目谋划包装。要抓紧储备一批项目。\n（三）抓好安全生产\n")
    assert spans_of(doc, "DIRECTIVE") == ["加强重大项目谋划包装", "要抓紧储备一批项目"]


def test_results_problems_and_conditionals_are_not_directives():
    doc = govspeech.parse("一是项目体量不大。上半年开工项目455个，同比增加151个。如果不抓紧，就要影响全年目标。")
    assert spans_of(doc, "DIRECTIVE") == []


def test_deadline_needs_a_task_unless_it_says_before():
    doc = govspeech.parse("8月份，全省现代农业现场交流会召开。要在9月底前完成验收，力争8月底开工。")
    assert spans_of(doc, "DEADLINE") == ["9月底前", "8月底"]


def test_traditional_input_with_glosses():
    text = "全區(qū)規上工業增加值增長8.4%,居全市第三位。區交通運輸局要在國慶節(jié)前完成整治。"
    doc = govspeech.parse(text)
    assert spans_of(doc, "PERCENT") == ["8.4%"]
    assert spans_of(doc, "RANKING") == ["居全市第三位"]
    assert doc.spans_by_label("INDICATOR")[0].attrs.canonical == "规模以上工业增加值"
    assert spans_of(doc, "DEPARTMENT") == ["區交通運輸局"]
    assert spans_of(doc, "DEADLINE") == ["國慶節(jié)前"]


def test_respectively_lists_pair_in_order():
    doc = govspeech.parse("上半年，规上工业增加值、固定资产投资分别增长8.4%、7.2%。")
    assert ("规上工业增加值", "INCREASE", "8.4%") in relations_of(doc)
    assert ("固定资产投资", "INCREASE", "7.2%") in relations_of(doc)
    assert ("规上工业增加值", "INCREASE", "7.2%") not in relations_of(doc)


def test_from_to_gives_the_level_and_plan_figures_are_targets():
    doc = govspeech.parse("一般公共预算收入从7248亿元提高到8865亿元。今年主要预期目标是：地区生产总值增长5.5%左右。")
    assert ("一般公共预算收入", "VALUE", "8865亿元") in relations_of(doc)
    assert ("地区生产总值", "TARGET", "5.5%左右") in relations_of(doc)


def test_bodies_assigned_by_a_plan_are_departments():
    doc = govspeech.parse("8.实施7公里燃气老化管道改造。（牵头单位：区建设管理委，支撑单位：九里亭街道、相关街镇）")
    assert spans_of(doc, "DEPARTMENT") == ["区建设管理委", "九里亭街道", "相关街镇"]
    (facts,) = doc.directives
    assert [d.text for d in facts.departments] == ["区建设管理委", "九里亭街道", "相关街镇"]


# The sentences below are written for these tests in the style of district plan documents
# (实施意见, 工作方案); they are not quoted from any text.

def test_coordination_closed_by_a_modified_collective_head():
    doc = govspeech.parse("区发展改革、财政、税务等有关部门要在各自职责范围内落实支持政策。")
    assert spans_of(doc, "DEPARTMENT") == ["发展改革", "财政", "税务"]
    assert [s.attrs.canonical for s in doc.spans_by_label("DEPARTMENT")] == ["区发展和改革局", "区财政局", "区税务局"]
    doc = govspeech.parse("区交通、水务、民政等公共服务设施相关部门负责梳理闲置资源。")
    assert spans_of(doc, "DEPARTMENT") == ["交通", "水务", "民政"]


def test_task_forces_are_found_without_their_founding_verb():
    doc = govspeech.parse("必要时成立老旧小区改造推进专班，组织城市更新专家委员会开展评审。")
    assert spans_of(doc, "DEPARTMENT") == ["老旧小区改造推进专班", "城市更新专家委员会"]
    assert spans_of(govspeech.parse("加快推进组团基础设施建设。"), "DEPARTMENT") == []


def test_a_body_after_its_own_ge_keeps_it_unless_a_coordination_shares_it():
    doc = govspeech.parse("各镇人民政府，区政府各部门：")
    assert spans_of(doc, "DEPARTMENT")[0] == "各镇人民政府"
    assert doc.spans_by_label("DEPARTMENT")[0].attrs.collective is True
    assert spans_of(govspeech.parse("各镇人民政府、街道办事处要抓好落实。"), "DEPARTMENT")[0] == "镇人民政府"


def test_duties_of_a_body_are_directives_with_it_responsible():
    doc = govspeech.parse("区商务委负责制定商业网点布局规划；指导街镇开展社区商业更新；对改造项目给予资金支持。")
    assert spans_of(doc, "DIRECTIVE") == ["区商务委负责制定商业网点布局规划", "指导街镇开展社区商业更新", "对改造项目给予资金支持"]
    assert [r for r in relations_of(doc, "RESPONSIBLE")] == [
        (d, "RESPONSIBLE", "区商务委") for d in spans_of(doc, "DIRECTIVE")]


def test_leading_and_overseeing_bodies_are_not_responsible():
    doc = govspeech.parse("我们要在市委、市政府和区委的坚强领导下，自觉接受人大监督、政协民主监督，奋力完成全年目标。")
    assert {"市委", "市政府", "区委"} <= set(spans_of(doc, "DEPARTMENT"))
    assert relations_of(doc, "RESPONSIBLE") == []


def test_a_notice_makes_its_addressees_responsible():
    doc = govspeech.parse("各镇人民政府，区政府各部门：\n\n现将《老旧小区改造工作方案》印发给你们，请认真贯彻执行。\n")
    (directive,) = spans_of(doc, "DIRECTIVE")
    responsible = {t for _, _, t in relations_of(doc, "RESPONSIBLE")}
    assert "各镇人民政府" in responsible and responsible <= set(spans_of(doc, "DEPARTMENT"))
    assert relations_of(govspeech.parse("同志们：\n\n请认真贯彻执行。\n"), "RESPONSIBLE") == []


def test_sections_of_a_plan_document_are_tasks_except_its_scope():
    text = ("# 区人民政府关于印发《老旧小区改造实施方案》的通知\n\n区人民政府\n\n2024年3月1日\n\n"
            "一、工作目标\n\n全面改善居民居住条件，提升社区治理水平。\n\n"
            "二、适用范围\n\n本方案所称老旧小区，是指2000年以前建成的住宅小区。\n\n"
            "三、工作流程\n\n1.方案编制。街镇组织编制改造方案，报区住房保障局审核。\n")
    directives = spans_of(govspeech.parse(text), "DIRECTIVE")
    assert directives == ["全面改善居民居住条件，提升社区治理水平", "方案编制", "街镇组织编制改造方案，报区住房保障局审核"]


@pytest.mark.parametrize("text, expected", [
    ("新发射卫星12颗，获得奖牌48枚，其中9金、5银。", ["12颗", "48枚", "9金", "5银"]),
    ("土壤有机质含量达到27克/千克，实施保护性耕作1.19亿亩次。", ["27克/千克", "1.19亿亩次"]),
    ("除已开工的**项目外，统筹国内国际两个市场两种资源。", []),
])
def test_counters_and_compound_units(text, expected):
    assert spans_of(govspeech.parse(text), "QUANTITY") == expected


@pytest.mark.parametrize("text, expected", [
    ("力争2030年前实现碳达峰。", ["2030年前"]),
    ("2023年前三季度，全区生产总值增长5.1%。", []),
    ("各景区要在节前完成游乐设施安全检查。", ["节前"]),
])
def test_year_and_holiday_deadlines(text, expected):
    assert spans_of(govspeech.parse(text), "DEADLINE") == expected


@pytest.mark.parametrize("text, expected", [
    # a day of the current or next month or week, and working days from now
    ("要在本月25日前上报工作方案。", [("本月25日前", None, 25)]),
    ("要于本周五前提交报告。", [("本周五前", None, None)]),
    ("要在15个工作日内办结。", [("15个工作日内", None, None)]),
    ("确保今年底前全面完工。", [("今年底前", 12, None)]),
    ("本月，全区新增市场主体320户。", []),  # a review's month dates a result
])
def test_relative_days_and_working_days(text, expected):
    doc = govspeech.parse(text)
    assert [(s.text, s.attrs.month, s.attrs.day) for s in doc.spans if s.label == "DEADLINE"] == expected


def test_named_townships_closed_by_their_kind_and_banks_only_as_actors():
    doc = govspeech.parse("西峰、果园、上坝等3个乡镇动手早、进度快。")
    assert spans_of(doc, "DEPARTMENT") == ["西峰", "果园", "上坝"]
    # GUIDELINES 18: the named members of a class a task supports are departments
    assert spans_of(govspeech.parse("支持交通银行、兴业银行等金融企业入驻。"), "DEPARTMENT") == ["交通银行", "兴业银行"]
    assert spans_of(govspeech.parse("引进交通银行入驻。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("农商银行要加大涉农信贷投放。"), "DEPARTMENT") == ["农商银行"]


def test_a_ceiling_after_a_figure_does_not_make_it_a_modifier():
    doc = govspeech.parse("全年城镇登记失业率控制在4.08%以内。")
    assert relations_of(doc) == [("城镇登记失业率", "VALUE", "4.08%")]


def test_the_government_delivering_a_report_is_the_speaker_not_a_department():
    text = ("政府工作报告\n\n各位代表：\n\n现在，我代表区人民政府，向大会报告工作。\n\n"
            "一年来，在市政府的支持下，区政府的各项任务全面完成。\n")
    assert spans_of(govspeech.parse(text), "DEPARTMENT") == ["市政府"]
    # …unless a task or the review names it as the actor (GUIDELINES 13)
    assert spans_of(govspeech.parse(text + "\n经本次大会批准后，区政府将认真组织实施。\n"), "DEPARTMENT") == ["市政府", "区政府"]
    assert spans_of(govspeech.parse(text + "\n一年来，区政府坚持稳中求进。\n"), "DEPARTMENT") == ["市政府", "区政府"]
    # a speech is not a report: 区政府 is a department there
    assert spans_of(govspeech.parse("区政府要统筹推进老旧小区改造。"), "DEPARTMENT") == ["区政府"]


def test_bodies_whose_decisions_or_past_acts_a_directive_names_are_not_responsible():
    # seed-000: the party committee's deployment is what the cadres carry out
    doc = govspeech.parse("具体到我们政府系统的全体党员干部，要严格落实区委的各项部署，步调一致、上下联动。")
    assert "区委" in spans_of(doc, "DEPARTMENT") and relations_of(doc, "RESPONSIBLE") == []
    doc = govspeech.parse("特别是要对照省政府出台“十不准”要求和区政府党组相关规定，实打实推进作风转变。")
    assert relations_of(doc, "RESPONSIBLE") == []
    # seed-003: what the city government has already settled is reported, not assigned
    doc = govspeech.parse("市政府已明确了今年汉唐文化新区三个征迁区域，要加快基础设施建设。")
    assert relations_of(doc, "RESPONSIBLE") == []
    # …while the body that is told to act still is
    doc = govspeech.parse("审计部门要坚持问题导向，发现的线索要及时移送纪检监察机关调查处理。")
    assert {t for _, _, t in relations_of(doc, "RESPONSIBLE")} == {"审计部门"}


def test_facilities_are_departments_only_as_the_subject_of_a_task():
    doc = govspeech.parse("全面提高医疗水平和服务质量，年内区医院要晋升为二级甲等医院。")
    assert spans_of(doc, "DEPARTMENT") == ["区医院"]
    assert spans_of(govspeech.parse("启动区医院扩建工程，新建幼儿园两所。"), "DEPARTMENT") == []


def test_a_bracketed_list_counted_by_the_places_before_it():
    # seed-003
    doc = govspeech.parse("有7个乡镇仅在5个种植园区落实了日光温室任务的20%(金佛寺、东洞、铧尖、下河清、三墩、清水、果园)，"
                          "还有1个乡(黄泥堡)只落实了10%。")
    assert spans_of(doc, "DEPARTMENT") == ["金佛寺", "东洞", "铧尖", "下河清", "三墩", "清水", "果园", "黄泥堡"]
    assert doc.spans_by_label("DEPARTMENT")[-1].attrs.canonical == "黄泥堡乡"
    # a count that does not match the list says nothing about it
    assert spans_of(govspeech.parse("有3个乡镇(东洞、铧尖)落实了任务。"), "DEPARTMENT") == []


def test_fields_of_work_and_place_names_inside_other_words():
    assert spans_of(govspeech.parse("做好民族宗教、档案史志、关工委、侨务、双拥等工作。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("区文旅局要做好关工委、侨务、双拥等工作。"), "DEPARTMENT") == ["区文旅局"]
    assert spans_of(govspeech.parse("就是第一时间贯彻落实好省市区委的各项会议精神。"), "DEPARTMENT") == []
    doc = govspeech.parse("# 上海市松江区人民政府办公室关于印发实施计划的通知")
    assert spans_of(doc, "DEPARTMENT") == ["上海市松江区人民政府办公室"]


@pytest.mark.parametrize("text, expected", [
    # seed-000: a level reached in a review, not a horizon year (达到20.25% has no 到2025年)
    ("我统计了下近8年的情况，**年的增速最高达到20.25%、**年下滑到16.34%。",
     [("增速", "VALUE", "20.25%"), ("增速", "VALUE", "16.34%")]),
    ("人均地区生产总值从2020年的10.5万元提高到2025年的14万元左右。",
     [("人均地区生产总值", "VALUE", "10.5万元"), ("人均地区生产总值", "VALUE", "14万元左右")]),
    ("到2030年，全省人均地区生产总值达到16万元。", [("人均地区生产总值", "TARGET", "16万元")]),
    # 预计 in a review is an estimate of the result; 预期 inside a name is no cue
    ("社会消费品零售总额预计完成84亿元。", [("社会消费品零售总额", "VALUE", "84亿元")]),
    ("人均预期寿命从80.2岁提升至82.5岁。", [("人均预期寿命", "VALUE", "80.2岁"), ("人均预期寿命", "VALUE", "82.5岁")]),
    ("投资完成率125.5%。", [("投资完成率", "COMPLETION", "125.5%")]),
])
def test_relation_types_of_review_figures(text, expected):
    assert relations_of(govspeech.parse(text)) == expected


def test_a_list_after_xinzeng_and_a_share_reaching_a_level():
    doc = govspeech.parse("新增高新技术企业超6000家、科技型中小企业1.76万家。")
    assert [r[1] for r in relations_of(doc)] == ["INCREASE", "INCREASE"]
    doc = govspeech.parse("实物商品网上零售额占社会消费品零售总额的比重从15.8%提高到27.2%。")
    assert [r for r in relations_of(doc) if r[2] == "27.2%"] == [("实物商品网上零售额", "SHARE", "27.2%")]


def test_quoted_names_and_a_long_xinzeng_list():
    # names with a quoted part keep it, and 新增 counts every item of its list
    doc = govspeech.parse("新增制造业单项冠军企业45家、专精特新“小巨人”企业397家、重点“小巨人”企业149家。")
    assert relations_of(doc) == [("制造业单项冠军企业", "INCREASE", "45家"), ("专精特新“小巨人”企业", "INCREASE", "397家"),
                                 ("重点“小巨人”企业", "INCREASE", "149家")]
    assert relations_of(govspeech.parse("关闭压缩“僵尸”应用71个。")) == [("“僵尸”应用", "VALUE", "71个")]
    # an INCREASE by a change word does not spread to the next item
    assert relations_of(govspeech.parse("地区生产总值增长8%、财政收入300亿元。"))[1] == ("财政收入", "VALUE", "300亿元")


def test_levels_before_and_after_a_change_and_shares_of_list_items():
    # national-2023: the level a change starts from is a VALUE too
    assert relations_of(govspeech.parse("关税总水平从9.8%降至7.4%。")) == [
        ("关税总水平", "VALUE", "9.8%"), ("关税总水平", "VALUE", "7.4%")]
    assert relations_of(govspeech.parse("粮食产量1.37万亿斤，增产74亿斤。"))[1] == ("粮食产量", "INCREASE", "74亿斤")
    # seed-000: the share of an earlier item (占收入总量的34.7%；) does not make the next item a whole
    doc = govspeech.parse("工资性收入3026元，增长25%，占收入总量的34.7%；经营净收入5144元，增长5.1%，占总量的59.1%。")
    assert relations_of(doc)[3:] == [("经营净收入", "VALUE", "5144元"), ("经营净收入", "INCREASE", "5.1%"),
                                     ("经营净收入", "SHARE", "59.1%")]


def test_plan_goals_periods_purposes_and_completed_shares():
    # guizhou-2026: a goal of the plan part is a task even when it says 取得突破
    text = ("二、“十五五”时期主要目标任务\n"
            "创新体系整体效能显著提升，全社会研发经费投入强度提高到1.6%左右，关键核心技术取得突破。\n")
    doc = govspeech.parse(text)
    assert len(spans_of(doc, "DIRECTIVE")) == 1 and ("全社会研发经费投入强度", "TARGET", "1.6%左右") in relations_of(doc)
    # a period of years is no horizon, a purpose is no target
    assert relations_of(govspeech.parse("2020年到2025年，工业投资占固定资产投资比重从17.9%提升到35.5%。")) == [
        ("工业投资", "SHARE", "17.9%"), ("工业投资", "SHARE", "35.5%")]
    doc = govspeech.parse("以提高人均预期寿命为目标，深入实施攻坚行动，人均预期寿命从2020年的75.2岁提升至2025年的76.8岁左右。")
    assert [r[1] for r in relations_of(doc)] == ["VALUE", "VALUE"]
    # a percentage right after 完成 is how much is done, for every item 分别 pairs
    doc = govspeech.parse("省级政务信息系统、自建非涉密业务专网整合分别完成25%、50%。")
    assert [r[1] for r in relations_of(doc)] == ["COMPLETION", "COMPLETION"]
    doc = govspeech.parse("学前教育毛入园率、高中阶段毛入学率分别提升至95%左右、93%以上。")
    assert [r[1] for r in relations_of(doc)] == ["VALUE", "VALUE"]


def test_unnumbered_section_headings_open_the_plan_part():
    # web copies of reports print their section headings without numbers
    text = ("“十四五”时期工作回顾\n全省地区生产总值达到1.37万亿元。\n2026年重点工作\n"
            "（一）放大促消费扩投资政策效应\n积极承接用好政策。落实好更加积极的财政政策。\n")
    assert spans_of(govspeech.parse(text), "DIRECTIVE") == ["积极承接用好政策", "落实好更加积极的财政政策"]
    # …but the title of a speech is no heading
    text = "在全区7-8月高质量发展重点工作调度会上的讲话\n十月份正是企业产销两旺的重要时段。\n"
    assert spans_of(govspeech.parse(text), "DIRECTIVE") == []


def test_a_met_target_is_no_target_cue_and_xinzeng_inside_a_name():
    # guizhou-2026: the target reported as met does not make the growth after it a target
    doc = govspeech.parse("粮食产量连续5年超额完成国家下达目标任务，粮食单产年均增长1.9%。")
    assert relations_of(doc) == [("粮食单产", "INCREASE", "1.9%")]
    # ningxia-2026 (reconciled decision 1): 新增城镇就业 is the name of the indicator
    doc = govspeech.parse("新增城镇就业8.55万人、农村劳动力转移就业86万人。")
    assert [r[1] for r in relations_of(doc)] == ["VALUE", "VALUE"]


def test_a_bound_before_a_noun_names_a_class():
    # seed-003: 亿元以上 says which projects; 82个 is their number
    doc = govspeech.parse("开工建设500万元以上的项目455个，同比增加151个，其中亿元以上项目82个，增加24个。")
    assert ("项目", "VALUE", "亿元以上") not in relations_of(doc) and ("项目", "VALUE", "82个") in relations_of(doc)
    assert relations_of(govspeech.parse("全年新开工20层以上高层13栋。")) == [("高层", "VALUE", "13栋")]


def test_units_grades_rankings_and_deadlines_of_provincial_reports():
    # ningxia-2026, guizhou-2026
    assert spans_of(govspeech.parse("供热标准由18℃提高到20℃。"), "QUANTITY") == ["18℃", "20℃"]
    assert spans_of(govspeech.parse("新能源电池产能达55GWh，全省算力规模突破160Eflops。"), "QUANTITY") == ["55GWh", "160Eflops"]
    assert spans_of(govspeech.parse("打造5条多式联运示范线路。"), "QUANTITY") == ["5条"]
    assert spans_of(govspeech.parse("新建250个社区健身路径或3人制篮球场。"), "QUANTITY") == ["250个"]
    assert spans_of(govspeech.parse("两化融合发展水平居西北第一。"), "RANKING") == ["居西北第一"]
    assert spans_of(govspeech.parse("“四水四定”取得“十个全国第一”成果。"), "RANKING") == []
    # a scope's peers between the verb and the rank (guangdong-2026, unannotated)
    assert spans_of(govspeech.parse("碳排放权成交量稳居全国区域碳市场首位。"), "RANKING") == ["稳居全国区域碳市场首位"]
    assert spans_of(govspeech.parse("力争3年内全面完成改造。"), "DEADLINE") == ["3年内"]


def test_thanked_stationed_and_supported_named_bodies():
    # hailar-2012 (GUIDELINES 15, 18): thanked bodies, bodies stationed in the place, named members of a class
    doc = govspeech.parse("向各民主党派、工商联、人民团体、无党派人士，向驻海部队、武警官兵、公安干警表示感谢。")
    assert spans_of(doc, "DEPARTMENT") == ["各民主党派", "工商联", "人民团体", "驻海部队"]
    assert spans_of(govspeech.parse("向中央驻浙单位、驻浙人民解放军、武警部队表示感谢。"), "DEPARTMENT") == [
        "中央驻浙单位", "驻浙人民解放军", "武警部队"]
    assert spans_of(govspeech.parse("积极扶持三元、麦福劳等农牧业龙头企业发展。"), "DEPARTMENT") == ["三元", "麦福劳"]
    assert spans_of(govspeech.parse("支持民营企业、中小企业等各类企业发展。"), "DEPARTMENT") == []


def test_places_and_institutions_acting_and_sessions():
    # zhejiang-2026, national-2023 (GUIDELINES 14): named places supported to act, institutions acting
    assert spans_of(govspeech.parse("支持杭州、宁波、温州争创国际消费中心城市。"), "DEPARTMENT") == ["杭州", "宁波", "温州"]
    assert spans_of(govspeech.parse("支持教育、卫生事业发展。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("浙江工业大学、西湖大学牵头建设全国重点实验室。"), "DEPARTMENT") == ["浙江工业大学", "西湖大学"]
    assert spans_of(govspeech.parse("支持经济大省勇挑大梁，鼓励有条件地区更大发挥带动作用。"), "DEPARTMENT") == ["经济大省", "有条件地区"]
    # a numbered session and a proposal are not the body
    assert spans_of(govspeech.parse("按照十三届全国人大五次会议批准的政府工作报告。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("办理省人大代表建议915件、省政协提案667件。"), "DEPARTMENT") == []


def test_party_committees_pairs_and_collectives_of_local_governments():
    # ningxia-2026, guizhou-2026 (GUIDELINES 12, 19)
    assert spans_of(govspeech.parse("在自治区党委领导下，圆满完成了全年目标。"), "DEPARTMENT") == ["自治区党委"]
    assert spans_of(govspeech.parse("在中共贵州省委坚强领导下，团结奋进。"), "DEPARTMENT") == ["中共贵州省委"]
    assert spans_of(govspeech.parse("全面落实党中央、国务院决策部署。"), "DEPARTMENT") == ["党中央", "国务院"]
    assert spans_of(govspeech.parse("紧密团结在以习近平同志为核心的党中央周围。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("督促帮助市县多措并举化解债务。"), "DEPARTMENT") == ["市县"]
    assert spans_of(govspeech.parse("建立市县两级财政事权划分机制。"), "DEPARTMENT") == []
    doc = govspeech.parse("积极支持工会、共青团、妇联等群团组织和社会工作者更好发挥作用。")
    assert spans_of(doc, "DEPARTMENT") == ["工会", "共青团", "妇联"]  # the class after 等 names them again
    assert spans_of(govspeech.parse("健全完善全省数据中心和算力网络安全保障体制。"), "DEPARTMENT") == []


def test_the_centre_with_a_committee_bodies_called_on_and_paired_collectives():
    # zhejiang-2026, guizhou-2026, ningxia-2026 (GUIDELINES 11, 14, 19)
    doc = govspeech.parse("必须严格遵循中央和省委明确的重大原则要求。")
    assert spans_of(doc, "DEPARTMENT") == ["中央", "省委"] and relations_of(doc, "RESPONSIBLE") == []
    assert spans_of(govspeech.parse("落实中央八项规定。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("发挥公共机构在推进绿色低碳转型中的示范带动作用。"), "DEPARTMENT") == ["公共机构"]
    assert spans_of(govspeech.parse("发挥市场在资源配置中的决定性作用。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("全面实施乡镇（街道）履行职责事项清单。"), "DEPARTMENT") == ["乡镇", "街道"]
    assert spans_of(govspeech.parse("社会安定。政府系统牢牢把握工作主线。"), "DEPARTMENT") == ["政府系统"]
    # founding verbs, 布局 and generic classes are no bodies; a firm being founded is none either
    # (anhui-2026, guizhou-2026), unless it acts in the same clause
    assert spans_of(govspeech.parse("推动组建省物流集团，加快引育物流企业。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("推动组建铁路发展公司统一运营管理。"), "DEPARTMENT") == ["铁路发展公司"]
    assert spans_of(govspeech.parse("省属企业投资布局新兴产业500亿元以上。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("产业类科创项目原则上由企业牵头。"), "DEPARTMENT") == []


def test_the_speakers_government_acting_without_its_level():
    # GUIDELINES 19: bare 政府 as the actor; not as a modifier or in a principle
    assert spans_of(govspeech.parse("始终坚持政府过紧日子，厉行节约反对浪费。"), "DEPARTMENT") == ["政府"]
    assert spans_of(govspeech.parse("对区委、政府确定的重大项目，要跟踪问效。"), "DEPARTMENT") == ["区委", "政府"]
    assert spans_of(govspeech.parse("加大政府投资力度，坚持政府引导。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("今后五年，政府将着力推进十个方面重点任务。"), "DEPARTMENT") == ["政府"]


def test_scoped_collectives_and_supported_institutions():
    # seed-003
    doc = govspeech.parse("同时，协调区属相关部门做好中心入驻的准备工作。")
    assert spans_of(doc, "DEPARTMENT") == ["区属相关部门"] and doc.spans_by_label("DEPARTMENT")[0].attrs.collective
    assert spans_of(govspeech.parse("首批17家省级部门运维实现集中管理。"), "DEPARTMENT") == ["省级部门"]
    doc = govspeech.parse("支持西湖大学、宁波东方理工大学建设世界一流新型研究型大学。")
    assert spans_of(doc, "DEPARTMENT") == ["西湖大学", "宁波东方理工大学"]
    assert spans_of(govspeech.parse("支持园区内企业扩大生产。"), "DEPARTMENT") == []


@pytest.mark.parametrize("text, expected", [
    ("全年基础设施、制造业投资分别增长9.4%、9.1%。",
     [("基础设施", "INCREASE", "9.4%"), ("制造业投资", "INCREASE", "9.1%")]),
    ("城镇和农村居民人均可支配收入分别增长4.3%、5.5%。",
     [("城镇", "INCREASE", "4.3%"), ("农村居民人均可支配收入", "INCREASE", "5.5%")]),
    # as many conjuncts as figures, or none is taken
    ("全年基础设施、制造业投资分别增长9.4%。", [("制造业投资", "INCREASE", "9.4%")]),
])
def test_indicators_coordinated_before_fenbie(text, expected):
    assert relations_of(govspeech.parse(text)) == expected


def test_party_groups_titles_and_short_forms_of_bodies():
    # seed-000
    assert spans_of(govspeech.parse("特别是区政府党组制定了关于进一步转变工作作风的意见。"), "DEPARTMENT") == ["区政府党组"]
    assert spans_of(govspeech.parse("部门认真贯彻落实中央和省市区委党风廉政建设各项决策部署。"), "DEPARTMENT") == []
    # a document's title names no body
    assert spans_of(govspeech.parse("出台《关于支持浙江大学加快迈向世界一流大学前列的若干意见》。"), "DEPARTMENT") == []
    doc = govspeech.parse("三个征迁工作小组要按照最新确定的征迁区域和工作重点，加大工作力度。")
    assert spans_of(doc, "DEPARTMENT") == ["征迁工作小组"]


def test_juxtaposed_collectives_and_oversight_by_the_congress():
    assert spans_of(govspeech.parse("各地区各部门坚持稳中求进。"), "DEPARTMENT") == ["各地区", "各部门"]
    assert spans_of(govspeech.parse("各级各部门要抓好落实。"), "DEPARTMENT") == ["各级各部门"]
    assert spans_of(govspeech.parse("要自觉接受人大法律监督、政协民主监督。"), "DEPARTMENT") == ["人大", "政协"]


@pytest.mark.parametrize("text, expected", [
    ("粮食产量高居全国首位。", ["高居全国首位"]),
    ("全省地区生产总值达到5.53万亿元、稳居全国前十强。", ["稳居全国前十强"]),
    ("研发投入强度居全国前列。", []),  # no position, no ranking
    ("粮食产量保持全国首位。", ["全国首位"]),  # a scope word before 首位, as before 第一 (全国第一)
    ("区域创新能力稳居全国第一方阵。", []),  # a tier, no position
])
def test_ranking_verbs_of_reports(text, expected):
    assert spans_of(govspeech.parse(text), "RANKING") == expected


def test_named_cities_firms_and_alliances_acting():
    # anhui-2026 (dev): cities closed by 等市, two firms acting together, an alliance called on
    doc = govspeech.parse("文旅产业营收增长。黄山、池州、宣城等市全域联动，拓展休闲度假。")
    assert spans_of(doc, "DEPARTMENT") == ["黄山", "池州", "宣城"]
    assert [s.attrs.canonical for s in doc.spans_by_label("DEPARTMENT")] == ["黄山市", "池州市", "宣城市"]
    assert spans_of(govspeech.parse("拓展东南亚、南亚、中亚等市场。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("深化国企改革，江淮集团与安凯公司启动重组。"), "DEPARTMENT") == ["江淮集团", "安凯公司"]
    assert spans_of(govspeech.parse("发挥省外贸企业合作联盟作用，服务优势产业。"), "DEPARTMENT") == ["省外贸企业合作联盟"]
    assert spans_of(govspeech.parse("发挥行业协会作用。"), "DEPARTMENT") == []


def test_a_body_whose_decision_or_list_is_the_object_is_not_responsible():
    # hainan-2026, zhejiang-2026 (train/dev): 省委工作要求, 省委“132”总体工作部署 are what is carried out
    doc = govspeech.parse("要树牢和践行正确政绩观，把党中央、国务院决策部署和省委工作要求落实到位。")
    assert spans_of(doc, "DEPARTMENT") == ["党中央", "国务院", "省委"] and relations_of(doc, "RESPONSIBLE") == []
    doc = govspeech.parse("各地要聚焦落实省委“132”总体工作部署，坚持稳中求进。")
    assert [t for _, _, t in relations_of(doc, "RESPONSIBLE")] == ["各地"]


def test_known_cities_pushed_to_act():
    # anhui-2026, guizhou-2026 (dev/train): a gazetteer name between a support cue and a verb
    assert spans_of(govspeech.parse("支持芜湖建设省域副中心城市，推动贵安新区、毕节高质量发展。"), "DEPARTMENT") == [
        "芜湖", "贵安新区", "毕节"]
    assert spans_of(govspeech.parse("支持铜仁市开展生态产品价值实现机制试点。"), "DEPARTMENT") == ["铜仁市"]
    # a place naming a thing is no actor
    assert spans_of(govspeech.parse("健全合肥都市圈一体化发展机制，加快义乌机场改扩建。"), "DEPARTMENT") == []


def test_areas_acting_and_things_that_only_look_like_bodies():
    # hainan-2026 (train): an economic circle or a park as the subject of a task
    assert spans_of(govspeech.parse("产业合理布局。三亚经济圈要加快协同发展。"), "DEPARTMENT") == ["三亚经济圈"]
    assert spans_of(govspeech.parse("推进合肥都市圈要素市场化配置改革。"), "DEPARTMENT") == []  # 要素
    # a fund, a facility's phase, a brand, 办学: no bodies
    assert spans_of(govspeech.parse("发挥政府引导基金作用，鼓励金融机构加大支持。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("支持深海国家实验室二期开工。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("全产业链支持品牌打造。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("提高职业教育办学能力和水平。"), "DEPARTMENT") == []


def test_juxtaposed_collectives_split_and_state_organs_set_up():
    # guizhou-2026, hainan-2026, national-2023 (train): 各部门各单位 is two collectives
    assert spans_of(govspeech.parse("向中央各部门各单位表示感谢。"), "DEPARTMENT") == ["中央各部门", "各单位"]
    # hainan-2026, national-2023: a state organ set up is a body, with no lexicon entry
    assert spans_of(govspeech.parse("推动数字化转型。成立全国首个营商环境建设厅，建成平台。"), "DEPARTMENT") == ["营商环境建设厅"]
    assert spans_of(govspeech.parse("发行债券。全国首个国际船舶登记管理局落地运行。"), "DEPARTMENT") == ["国际船舶登记管理局"]
    assert spans_of(govspeech.parse("成立省级大数据中心。"), "DEPARTMENT") == []  # a centre set up is not
    # hainan-2026: a collective of governments a task calls on
    assert spans_of(govspeech.parse("健全激励机制，充分发挥市县经济发展主体作用。"), "DEPARTMENT") == ["市县"]


def test_a_report_whose_opening_mentions_a_plan_word_is_no_plan_document():
    # only the header up to the first full stop can make a document a plan (实施意见, 工作安排 …);
    # a report's first sentence may mention the year's 工作安排 (found on a fresh test report)
    pipe = govspeech.load().get_pipe("govspeech_directive")
    assert pipe.is_plan_document("关于加快推进城市更新的实施意见\n各镇人民政府：")
    assert not pipe.is_plan_document("政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。过去一年和今年工作安排如下。")
    doc = govspeech.parse("政府工作报告\n各位代表：\n现在报告工作。回顾和今年工作安排如下。\n一、工作回顾\n二是推动经济运行稳中向好。\n"
                          "地区生产总值增长3.9%。\n")
    assert spans_of(doc, "DIRECTIVE") == []


def test_vague_subsets_of_bodies_and_fields_supported_to_develop():
    # seed-000, anhui-2026, ningxia-2026 (GUIDELINES 26): an unnamed part of the bodies is a collective
    doc = govspeech.parse("责任担当不强。一些单位对区委、区政府安排部署的重点工作不是想法往前推。")
    assert [(s.text, s.attrs.collective) for s in doc.spans if s.label == "DEPARTMENT"][0] == ("一些单位", True)
    assert spans_of(govspeech.parse("政府多个部门制定宗教事务依法管理工作规则。"), "DEPARTMENT") == ["政府多个部门"]
    assert spans_of(govspeech.parse("一些地方基层财政困难。"), "DEPARTMENT") == []  # a place, not a body
    # seed-000: a shared quantifier before coordinated heads, and a short modifier before a compound head
    doc = govspeech.parse("还有一些部门和单位，你一找他谈工作，他就谈困难、提要求。")
    assert [(s.text, s.attrs.canonical, s.attrs.collective) for s in doc.spans if s.label == "DEPARTMENT"] == [
        ("一些部门", "一些部门", True), ("单位", "一些单位", True)]
    assert spans_of(govspeech.parse("有的项目主管部门在项目审批上只讲部门利益。"), "DEPARTMENT") == ["有的项目主管部门"]
    # a field of the economy or a kind of area supported to develop is no place acting (anhui-2026, guizhou-2026)
    for text in ("推动海洋经济高质量发展。", "推动全域旅游高质量发展。", "支持民族地区高质量发展。"):
        assert spans_of(govspeech.parse(text), "DEPARTMENT") == [], text
    assert spans_of(govspeech.parse("支持杭州、宁波争创国家中心城市。"), "DEPARTMENT") == ["杭州", "宁波"]


def test_a_guided_object_is_no_addressee_of_the_later_items_and_list_verbs_stay_out():
    # hailar-2014: 三元、元盛 are guided to act in their own item only
    doc = govspeech.parse("二要狠抓产业结构调整。要引导三元、元盛等传统工业企业实施“退城进园”，实现转型升级；"
                          "要积极培育发展信息、生物科技等新型产业。")
    assert [tail for head, _, tail in relations_of(doc, "RESPONSIBLE")] == ["三元", "元盛"]
    # …while a subject named at the head of the sentence is the addressee of every item
    doc = govspeech.parse("区交通运输局、区财政局要加快项目建设；做好资金保障。")
    assert ("做好资金保障", "RESPONSIBLE", "区财政局") in relations_of(doc, "RESPONSIBLE")
    # hailar-2013: the verb before a list of places is not part of the first name
    doc = govspeech.parse("强化社区建设，解决芳园、天润等8个社区办公用房问题。")
    assert spans_of(doc, "DEPARTMENT") == ["芳园", "天润"]


def test_some_of_the_lower_governments_and_a_body_s_seat():
    # a provincial report's "有关市县" are the lower governments concerned, a collective addressee…
    doc = govspeech.parse("有关市县要加快推进项目建设。")
    assert [(s.text, s.attrs.collective) for s in doc.spans if s.label == "DEPARTMENT"] == [("有关市县", True)]
    assert [tail for _, _, tail in relations_of(doc, "RESPONSIBLE")] == ["有关市县"]
    assert spans_of(govspeech.parse("有关市场主体要依法经营。"), "DEPARTMENT") == []
    # …while the seat of a government (市政府所在地, decision 11) is marked but does not carry the task
    doc = govspeech.parse("区政府所在街道要做好环境整治工作。")
    assert spans_of(doc, "DEPARTMENT") == ["区政府"]
    assert relations_of(doc, "RESPONSIBLE") == []


def test_an_international_organisation_is_a_department_where_it_acts():
    # hainan-2026, ningxia-2026, zhejiang-2026 (GUIDELINES 16)
    for text, body in (("加强与联合国粮农组织合作。", "联合国粮农组织"), ("贺兰山生态保护修复经验被世界自然保护联盟推广。", "世界自然保护联盟"),
                       ("巡回诊疗模式获世界卫生组织推广。", "世界卫生组织")):
        assert spans_of(govspeech.parse(text), "DEPARTMENT") == [body], text
    # …not inside a title, a programme or an office's name
    for text in ("从联合国教科文组织急需保护非遗名录转入代表作名录。", "联合国粮农组织海南项目合作办公室挂牌运行。",
                 "世界卫生组织总干事到访。"):
        assert "联合国粮农组织" not in spans_of(govspeech.parse(text), "DEPARTMENT") and \
            "世界卫生组织" not in spans_of(govspeech.parse(text), "DEPARTMENT"), text


def test_a_name_with_he_inside_is_one_body_not_a_coordination():
    # the 2018-2019 reform's merged bureaus: 自然资源和规划局, 文化广电和旅游局 are single names
    for name in ("市自然资源和规划局", "区文化广电和旅游局", "区科学技术和工业信息化局"):
        doc = govspeech.parse(f"{name}要抓紧落实。")
        assert [(s.text, s.attrs.canonical) for s in doc.spans if s.label == "DEPARTMENT"] == [(name, name)]
    # …while a real coordination sharing the suffix is still split (区发改和能源部门 → 发改 / 能源)
    assert spans_of(govspeech.parse("区发改和能源部门要抓紧落实。"), "DEPARTMENT") == ["发改", "能源"]


def test_a_government_office_is_one_body_and_a_bracketed_twin_keeps_its_actor():
    # 区政府督查室 is the government's own office, not 区政府 + 督查室
    for text, bodies in (("区政府督查室要加强督查。", ["区政府督查室"]),
                         ("市政府督查室要加强督查。", ["市政府督查室"]),
                         ("区委督查室、区政府督查室要加强跟踪问效。", ["区委督查室", "区政府督查室"])):
        assert spans_of(govspeech.parse(text), "DEPARTMENT") == bodies, text
    # 各乡镇（街道）要…: the first twin is the subject of the task as much as the bracketed one
    assert spans_of(govspeech.parse("各乡镇（街道）要加强排查。"), "DEPARTMENT") == ["乡镇", "街道"]


def test_an_unseen_centre_given_a_task_is_kept_by_the_filter():
    # no training document names a 大数据中心 or 机关事务中心; as the subject of a task each is a body
    for name in ("区大数据中心", "区机关事务中心"):
        assert spans_of(govspeech.parse(f"{name}要抓紧落实相关工作。"), "DEPARTMENT") == [name]
    assert spans_of(govspeech.parse("加快建设区急救中心。"), "DEPARTMENT") == []  # a facility being built


def test_an_old_position_after_a_period_and_rank_moves():
    # 由去年的第15位: the period of the old position stands between 由 and it
    doc = govspeech.parse("全市地区生产总值增速由去年的第15位上升到第8位。")
    assert spans_of(doc, "RANKING") == ["第15位", "第8位"]
    assert [t for _, _, t in relations_of(doc, "RANK")] == ["第15位", "第8位"]
    # a move by places is an INCREASE of what is ranked; the rank word and 较… stay out of its name
    doc = govspeech.parse("固定资产投资增速列全市第二，较一季度前移3个位次。")
    assert spans_of(doc, "DEADLINE") == []  # 一季度前移: no time limit
    assert relations_of(doc, "INCREASE") == [("固定资产投资", "INCREASE", "3个位次")]
    assert relations_of(govspeech.parse("区域创新能力全国排名提升4位。")) == [("区域创新能力", "INCREASE", "4位")]
    assert spans_of(govspeech.parse("综合排名较上年前移5个位次。"), "DEADLINE") == []


def test_indicator_names_without_growth_words_appraisal_closers_or_dates():
    assert spans_of(govspeech.parse("一般公共预算收入增速居全省第二位。"), "INDICATOR") == ["一般公共预算收入"]
    assert spans_of(govspeech.parse("我县在全省高质量发展综合绩效考核中位居第5名。"), "INDICATOR") == ["高质量发展综合绩效考核"]
    assert spans_of(govspeech.parse("全县普通高中5所。"), "INDICATOR") == ["普通高中"]  # 中 is part of the name
    # hainan-2026 (train): the year of a figure before the name is no part of it
    assert spans_of(govspeech.parse("2025年外国人来琼工作人数较2020年增长90%。"), "INDICATOR") == ["外国人来琼工作人数"]
    # after 占 comes the whole a share is taken of, not what is measured
    assert spans_of(govspeech.parse("四大主导产业占GDP比重较2020年提高约14个百分点。"), "INDICATOR") != ["GDP比重"]


def test_members_of_a_body_levels_counted_together_and_named_places_acting():
    assert spans_of(govspeech.parse("国务院各部门要密切配合。"), "DEPARTMENT") == ["国务院各部门"]
    assert spans_of(govspeech.parse("市政府各部门、各直属机构要认真执行。"), "DEPARTMENT") == ["市政府各部门", "各直属机构"]
    assert spans_of(govspeech.parse("市县两级政府要落实主体责任。"), "DEPARTMENT") == ["市县两级政府"]
    assert spans_of(govspeech.parse("建立省市县三级财政科技投入稳定增长机制。"), "DEPARTMENT") == []
    assert spans_of(govspeech.parse("自治区党委宣传部要做好宣传报道。"), "DEPARTMENT") == ["自治区党委宣传部"]
    assert spans_of(govspeech.parse("公安机关、检察机关、审判机关要依法严惩。"), "DEPARTMENT") == ["公安机关", "检察机关", "审判机关"]
    # 各 shared by the level-free collectives that follow it
    assert spans_of(govspeech.parse("各盟市、旗县（市、区）要抓好落实。"), "DEPARTMENT") == ["盟市", "旗县（市、区）"]
    doc = govspeech.parse("新华街道、东城街道要抓好环境整治。")
    assert spans_of(doc, "DEPARTMENT") == ["新华街道", "东城街道"]
    assert [t for _, _, t in relations_of(doc, "RESPONSIBLE")] == ["新华街道", "东城街道"]
    assert spans_of(govspeech.parse("城关镇要加快推进征迁工作。"), "DEPARTMENT") == ["城关镇"]
    # kinds of places and a town's people are no named bodies
    for text in ("农村要加快发展。", "全镇要齐心协力。", "特色小镇要突出特色。", "老旧小区改造，社区要做好宣传。"):
        assert spans_of(govspeech.parse(text), "DEPARTMENT") == [], text


@pytest.mark.parametrize("text, expected", [
    ("确保明年5月前完工。", ["明年5月前"]),  # a year named relative to now belongs to the date
    ("要于次年3月底前完成审计。", ["次年3月底前"]),
    ("要于每月5日前报送进展情况。", ["每月5日前"]),  # a recurring time limit…
    ("每周一要召开调度会。", []),  # …but a schedule is none
    ("要在第三季度末前完成。", ["第三季度末前"]),
    ("要在汛期到来前完成除险加固。", ["汛期到来前"]),  # an event's moment closes a time limit
    ("在全运会开幕前完成场馆改造。", ["全运会开幕前"]),
    ("要确保10月底前完成，年底前进一步完善。", ["10月底前", "年底前"]),  # 前进一步: still the deadline's 前
    ("国庆节前后要加强值守。", []),  # 前后: around, no limit
])
def test_relative_years_recurring_days_and_event_moments(text, expected):
    assert spans_of(govspeech.parse(text), "DEADLINE") == expected


def test_whole_area_scopes_of_collectives_and_bodies_given_duties():
    # hainan-2026 (train) 全省行政机关: the whole-area scope belongs to the collective
    assert spans_of(govspeech.parse("全区各级各部门要迅速行动。"), "DEPARTMENT") == ["全区各级各部门"]
    assert spans_of(govspeech.parse("全省上下要团结奋斗。"), "DEPARTMENT") == []
    # a body whatever its suffix, given its duties by 由…负责, makes a directive
    doc = govspeech.parse("由各镇街负责组织实施。")
    assert spans_of(doc, "DIRECTIVE") == ["由各镇街负责组织实施"]
    assert [t for _, _, t in relations_of(doc, "RESPONSIBLE")] == ["各镇街"]
