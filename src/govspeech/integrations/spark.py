"""govspeech on Apache Spark: parse a DataFrame column of texts into structured columns.

    from govspeech.integrations.spark import parse_dataframe
    result = parse_dataframe(spark.read.parquet("speeches.parquet"), text_col="text")
    result.select("id", F.explode("spans").alias("span")).where("span.label = 'INDICATOR'")

Each text becomes a struct (:func:`result_schema`)::

    spans      array<struct<span_id, label, text, start, end, value, unit, masked, …>>
    relations  array<struct<relation_id, type, head_id, head_label, …, tail_value, tail_unit, …>>
    flags      array<struct<kind, start, end, text>>
    error      string   (null unless the document failed: a null text, a pipeline error …)
    message    string

The fields are the columns of the flat tables (:mod:`govspeech.io.tables`, ``docs/io.md``)
without ``doc_id``: the DataFrame's own columns identify the row.  The work is a vectorised
(Arrow) pandas UDF: every Python worker loads the pipeline once and parses its batches with
:func:`govspeech.io.parse_texts`, so a failing document becomes an error in its own row and
never fails the job.  Needs ``pip install 'govspeech[spark]'`` and a Java runtime; see
``docs/spark.md`` for running it on a cluster.
"""
from __future__ import annotations

from typing import Any

from govspeech.io.optional import require
from govspeech.io.tables import FLAG_COLUMNS, RELATION_COLUMNS, SPAN_COLUMNS, Column, flag_rows, relation_rows, span_rows
from govspeech.schema import Document, ErrorRecord

#: Result fields, in order, added by :func:`parse_dataframe`.
RESULT_FIELDS = ("spans", "relations", "flags", "error", "message")


def _without_doc_id(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    return tuple(c for c in columns if c.name != "doc_id")


def _struct(columns: tuple[Column, ...]):
    types = require("pyspark.sql.types", "the Spark integration")
    spark_types = {"string": types.StringType(), "int": types.LongType(), "float": types.DoubleType(),
                   "bool": types.BooleanType()}
    return types.StructType([types.StructField(c.name, spark_types[c.type], nullable=True,
                                               metadata={"comment": c.description}) for c in columns])


def result_schema():
    """The Spark type of one parsed document (a ``StructType``; fields as in :data:`RESULT_FIELDS`)."""
    types = require("pyspark.sql.types", "the Spark integration")
    return types.StructType([
        types.StructField("spans", types.ArrayType(_struct(_without_doc_id(SPAN_COLUMNS)))),
        types.StructField("relations", types.ArrayType(_struct(_without_doc_id(RELATION_COLUMNS)))),
        types.StructField("flags", types.ArrayType(_struct(FLAG_COLUMNS))),
        types.StructField("error", types.StringType()),
        types.StructField("message", types.StringType()),
    ])


def record_to_struct(record: Document | ErrorRecord) -> dict[str, Any]:
    """One parsed record as a Python value of :func:`result_schema` (what the UDF returns per row)."""
    if isinstance(record, ErrorRecord):
        return {"spans": [], "relations": [], "flags": [], "error": record.error, "message": record.message}
    return {"spans": _drop_doc_id(span_rows(record)), "relations": _drop_doc_id(relation_rows(record)),
            "flags": flag_rows(record), "error": None, "message": None}


def _drop_doc_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: value for key, value in row.items() if key != "doc_id"} for row in rows]


def parse_udf(model: str | None = None, batch_size: int = 32):
    """A pandas UDF: a column of texts → a struct column of :func:`result_schema`.

    ``model`` is a saved pipeline directory that every executor can read (default: the pipeline
    shipped in the package, which needs nothing but govspeech installed on the executors)."""
    functions = require("pyspark.sql.functions", "the Spark integration")
    pd = require("pandas", "the Spark integration")

    def parse_batch(texts):
        import govspeech
        from govspeech.io import parse_texts

        nlp = govspeech.load(model)  # cached: once per Python worker, not per batch
        # a null text arrives as None or NaN: make it None, so its error says "not NoneType"
        texts = [text if isinstance(text, str) else None for text in texts]
        structs = [record_to_struct(r) for r in parse_texts(texts, nlp=nlp, batch_size=batch_size, progress=False)]
        return pd.DataFrame(structs, columns=list(RESULT_FIELDS))

    # Spark picks the UDF kind (Series → DataFrame: a scalar UDF returning a struct) from the
    # type hints; set as objects, since this module's annotations are strings.
    parse_batch.__annotations__ = {"texts": pd.Series, "return": pd.DataFrame}
    return functions.pandas_udf(parse_batch, returnType=result_schema())


def parse_dataframe(df, text_col: str = "text", *, model: str | None = None, result_col: str | None = None):
    """``df`` with the parse of ``text_col`` added: the columns of :data:`RESULT_FIELDS`, or one
    struct column named ``result_col`` when given.  Lazy, like every Spark transformation."""
    parsed = parse_udf(model)(df[text_col])
    if result_col:
        return df.withColumn(result_col, parsed)
    clashes = set(RESULT_FIELDS) & set(df.columns)
    if clashes:
        raise ValueError(f"the DataFrame already has columns {sorted(clashes)}; pass result_col=… to nest the result")
    tmp = "__govspeech_result"
    return df.withColumn(tmp, parsed).select(*df.columns, *(f"{tmp}.{name}" for name in RESULT_FIELDS))
