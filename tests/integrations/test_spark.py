"""govspeech on Spark (local mode): the three seeds and a thousand synthetic speeches give
exactly what parse_many gives.  Skipped without PySpark or Java, except in CI, where .ci/run
installs both and a skip would hide a broken set-up."""
from __future__ import annotations

import importlib.util
import os
import random
import shutil

import pytest

import govspeech
from govspeech.io.tables import ATTRIBUTE_COLUMNS
from tests.conftest import SEEDS


def _require(condition: bool, reason: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI installs it: see .ci/run)", pytrace=False)
        pytest.skip(reason, allow_module_level=True)


_require(importlib.util.find_spec("pyspark") is not None, "PySpark is not installed: pip install 'govspeech[spark]'")
_require(bool(shutil.which("java") or os.environ.get("JAVA_HOME")), "no Java runtime for Spark")

from govspeech.integrations.spark import RESULT_FIELDS, parse_dataframe, result_schema  # noqa: E402

INDICATORS = ["地区生产总值", "规上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入", "城镇居民人均可支配收入"]
DEPARTMENTS = ["区发改局", "区交通运输局", "区市场监管局", "各乡镇", "区应急管理局", "区住建局"]
TASKS = ["完成整治任务", "完成项目前期手续", "开展安全生产大检查", "完成台账梳理"]


def synthetic_speech(number: int) -> str:
    """A short report paragraph plus tasks, varied by ``number`` (masks, Traditional characters …)."""
    pick = random.Random(number)
    figure = "**" if pick.random() < 0.2 else f"{pick.randint(1, 900)}.{pick.randint(0, 9)}"
    sentences = [f"上半年，全区{pick.choice(INDICATORS)}完成{figure}亿元，同比增长{pick.randint(1, 15)}.{pick.randint(0, 9)}%，"
                 f"排名全市第{'一二三四五六'[pick.randint(0, 5)]}。"]
    for _ in range(pick.randint(1, 3)):
        sentences.append(f"{pick.choice(DEPARTMENTS)}要在{pick.randint(1, 12)}月底前{pick.choice(TASKS)}。")
    text = "\n".join(sentences)
    return text.replace("区", "區") if number % 10 == 7 else text


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("govspeech-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
               .config("spark.driver.host", "127.0.0.1").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    # Not stopped: docs/spark.md's example (tests/test_docs.py) gets this session from
    # getOrCreate() instead of paying 15-30 s for a new one; the JVM ends with the test run.
    return session


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str | None]]:
    seeds = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))] if SEEDS else []
    _require(len(seeds) == 3, "../shared/seeds is not available")
    return [*seeds, *((f"synthetic-{n:04d}", synthetic_speech(n)) for n in range(1000)), ("null-text", None)]


def _expected_span(span) -> dict:
    attrs = span.attrs.model_dump()
    return {"span_id": span.id, "label": span.label, "text": span.text, "start": span.start, "end": span.end,
            **{c.name: attrs.get(c.name) for c in ATTRIBUTE_COLUMNS}}


def test_spark_results_equal_parse_many(spark, corpus):
    frame = spark.createDataFrame(corpus, "id string, text string").repartition(4)
    rows = {row["id"]: row.asDict(recursive=True) for row in parse_dataframe(frame, "text").collect()}
    assert len(rows) == len(corpus)
    texts = [(text, doc_id) for doc_id, text in corpus if text is not None]
    expected = {record.id: record for record in govspeech.parse_many(texts, as_tuples=True)}
    for doc_id, doc in expected.items():
        row = rows[doc_id]
        assert row["error"] is None, doc_id
        assert row["spans"] == [_expected_span(s) for s in doc.spans], doc_id
        assert [(r["relation_id"], r["type"], r["head_id"], r["tail_id"]) for r in row["relations"]] == \
            [(r.id, r.type, r.head, r.tail) for r in doc.relations], doc_id
        assert row["flags"] == [f.model_dump() for f in doc.flags], doc_id
    assert sum(len(rows[i]["spans"]) for i in expected) > 10_000
    assert (rows["null-text"]["error"], rows["null-text"]["spans"]) == ("InputTypeError", [])


def test_result_columns_and_nested_struct(spark):
    frame = spark.createDataFrame([("a", "全区生产总值增长6.5%。")], "id string, text string")
    parsed = parse_dataframe(frame)
    assert parsed.columns == ["id", "text", *RESULT_FIELDS]
    nested = parse_dataframe(frame, result_col="govspeech")
    assert nested.schema["govspeech"].dataType == result_schema()
    (row,) = nested.selectExpr("id", "filter(govspeech.spans, s -> s.label = 'PERCENT')[0].value AS growth").collect()
    assert row["growth"] == 6.5
    with pytest.raises(ValueError, match="already has columns"):
        parse_dataframe(parsed.drop("spans").withColumnRenamed("id", "spans"))
