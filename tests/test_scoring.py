"""The spec's scoring: strict vs overlap, one-to-one matching, relations, attributes."""
from __future__ import annotations

import pytest

from govspeech.scoring import format_table, score_records


def ent(i, label, s, e, **attrs):
    return {"id": i, "label": label, "start_offset": s, "end_offset": e, "attrs": attrs}


GOLD = {"entities": [ent(1, "INDICATOR", 0, 4), ent(2, "PERCENT", 6, 10, value=6.5, unit="%", masked=False),
                     ent(3, "QUANTITY", 12, 16, value=100.0, unit="元", masked=False)],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "INCREASE"}]}


def test_perfect_prediction_scores_one():
    scores = score_records([(GOLD, GOLD)])
    assert scores["strict"]["ALL"]["f"] == 1.0
    assert scores["relations"]["ALL"]["f"] == 1.0
    assert scores["attributes"]["accuracy"] == 1.0


def test_overlap_counts_where_strict_does_not():
    pred = {"entities": [ent(1, "INDICATOR", 1, 4), ent(2, "PERCENT", 6, 10, value=6.5, unit="%", masked=False)],
            "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "INCREASE"}]}
    scores = score_records([(GOLD, pred)])
    assert scores["strict"]["INDICATOR"]["f"] == 0.0
    assert scores["overlap"]["INDICATOR"]["f"] == 1.0
    assert scores["relations"]["ALL"]["f"] == 1.0  # ends match under overlap
    assert scores["overlap"]["QUANTITY"]["r"] == 0.0


def test_overlap_matching_is_one_to_one():
    gold = {"entities": [ent(1, "DIRECTIVE", 0, 20)], "relations": []}
    pred = {"entities": [ent(1, "DIRECTIVE", 0, 10), ent(2, "DIRECTIVE", 10, 20)], "relations": []}
    o = score_records([(gold, pred)])["overlap"]["DIRECTIVE"]
    assert (o["tp"], o["fp"], o["fn"]) == (1, 1, 0)


def test_wrong_relation_type_and_wrong_attribute():
    pred = {"entities": [ent(1, "INDICATOR", 0, 4), ent(2, "PERCENT", 6, 10, value=6.0, unit="%", masked=False)],
            "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "VALUE"}]}
    scores = score_records([(GOLD, pred)])
    assert scores["relations"]["ALL"]["f"] == 0.0
    assert scores["attributes"]["accuracy"] == 0.0


def test_float_values_compare_with_tolerance():
    pred = {"entities": [ent(3, "QUANTITY", 12, 16, value=100.00000001, unit="元", masked=False)], "relations": []}
    assert score_records([(GOLD, pred)])["attributes"]["accuracy"] == pytest.approx(1.0)


def test_table_prints_every_label():
    table = format_table(score_records([(GOLD, GOLD)]))
    for label in ("INDICATOR", "QUANTITY", "PERCENT", "RANKING", "DIRECTIVE", "DEPARTMENT", "DEADLINE", "ALL"):
        assert label in table


def test_error_report_names_misses_false_alarms_and_boundaries():
    from govspeech.evaluate import error_report

    text = "全区生产总值增长6.5%，区财政局要在10月底前完成。"
    gold = {"entities": [ent(1, "INDICATOR", 2, 6), ent(2, "PERCENT", 8, 12),
                         ent(3, "DEPARTMENT", 13, 17), ent(4, "DEADLINE", 19, 24)],
            "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "INCREASE"}]}
    pred = {"entities": [ent(1, "INDICATOR", 0, 6), ent(2, "PERCENT", 8, 12), ent(5, "DEPARTMENT", 13, 16),
                         ent(6, "QUANTITY", 19, 21)],
            "relations": []}
    lines = error_report(text, gold, pred, doc_id="d")
    kinds = {(line.split("\t")[1], line.split("\t")[2]) for line in lines}
    assert ("INDICATOR", "BOUNDS") in kinds and ("DEPARTMENT", "BOUNDS") in kinds
    assert ("DEADLINE", "MISS") in kinds and ("QUANTITY", "FALSE") in kinds
    assert ("INCREASE", "MISS-REL") in kinds
    assert not any("\tPERCENT\t" in line for line in lines)
    assert "【10月底前】" in next(line for line in lines if "\tDEADLINE\t" in line)


def test_error_report_lists_relations_exactly_as_the_scorer_counts_them():
    from govspeech.evaluate import error_report

    text = "全区生产总值增长6.5%，实现收入100万元。"
    # the predicted indicator is wider than gold: its relation still counts, so it is no error
    pred = {"entities": [ent(1, "INDICATOR", 0, 4), ent(2, "PERCENT", 6, 10), ent(3, "QUANTITY", 12, 16)],
            "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "INCREASE"},
                          {"id": 2, "from_id": 1, "to_id": 3, "type": "VALUE"}]}
    gold = {"entities": [ent(1, "INDICATOR", 2, 4), ent(2, "PERCENT", 6, 10), ent(3, "QUANTITY", 12, 16)],
            "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "INCREASE"}]}
    rel_lines = [line for line in error_report(text, gold, pred) if "-REL\t" in line]
    scores = score_records([(gold, pred)])["relations"]["ALL"]
    assert [line.split("\t")[1:3] for line in rel_lines] == [["VALUE", "FALSE-REL"]]
    assert (scores["fp"], scores["fn"]) == (1, 0)
