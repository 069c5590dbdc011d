"""Third-party extractors that run offline, mapped onto the annotation scheme's labels.

Each ``load_*`` function returns an extractor ``(text, doc_id) -> spec record`` or raises
:class:`Unavailable` with the reason (not installed, cannot import, needs a download): the
benchmark then reports that system as skipped, never as a score.  The mappings are documented
in ``benchmarks/README.md``; they take each tool's spans as they come (its boundaries, its
values) and add no rules of ours.  Neither tool links figures to indicators or tasks to
departments, so they produce no relations.
"""
from __future__ import annotations

import contextlib
import importlib
import io
import math
from typing import Any, Callable, NamedTuple

from spec_record import RecordBuilder

Extractor = Callable[[str, "str | None"], dict[str, Any]]

INSTALL_HINT = "pip install -e '.[bench]'"


class Unavailable(RuntimeError):
    """The extractor cannot run here; the message says why."""


def _import_quietly(import_fn: Callable[[], Any], package: str) -> Any:
    """Import a package without its banner on stdout, turning failure into :class:`Unavailable`."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return import_fn()
    except Exception as exc:  # ImportError when missing; a broken install raises anything
        raise Unavailable(f"{package} is not installed or cannot be imported ({exc}); {INSTALL_HINT}") from exc


def _checked(extract: Extractor, package: str, sample: str) -> Extractor:
    """``extract`` once it has run on ``sample``: a tool that needs data it does not have (or a
    download, which cannot happen here) fails now, as :class:`Unavailable`, not mid-benchmark."""
    try:
        extract(sample, None)
    except Exception as exc:  # whatever the tool raises, the system is skipped with the reason
        raise Unavailable(f"{package} failed on a test sentence: {exc!r}") from exc
    return extract


def _float_or_none(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


# -- JioNLP ---------------------------------------------------------------------------------------
def load_jionlp() -> Extractor:
    """JioNLP's rule extractors: ``extract_money`` → QUANTITY, ``extract_time`` → DEADLINE."""
    jio = _import_quietly(lambda: importlib.import_module("jionlp"), "jionlp")

    def extract(text: str, doc_id: str | None = None) -> dict[str, Any]:
        record = RecordBuilder(text)
        with contextlib.redirect_stdout(io.StringIO()):
            money = jio.ner.extract_money(text, with_parsing=True)
            times = jio.ner.extract_time(text, with_parsing=False)
        for entity in money:
            start, end = entity["offset"]
            detail = entity.get("detail") or {}
            amount = detail.get("num")
            # a range (6000多万元 → [6e7, 7e7]) is reported by its lower bound, as the scheme does
            value = _float_or_none(amount[0] if isinstance(amount, list) else amount)
            record.add_span("QUANTITY", start, end, {"value": value, "unit": "元", "masked": False,
                                                     "approx": detail.get("definition") == "blur"})
        for entity in times:
            start, end = entity["offset"]
            record.add_span("DEADLINE", start, end, {"text": text[start:end]})
        return record.record(doc_id)

    return _checked(extract, "jionlp", "上半年完成投资14.8亿元，10月底前完工。")


# -- Microsoft Recognizers-Text -------------------------------------------------------------------
#: Recognizers-Text dimension units (English names) → the units the gold corpus writes
_DIMENSION_UNITS = {"Mu": "亩", "Hectare": "公顷", "Square meter": "平方米", "Square kilometer": "平方公里",
                    "Kilometer": "公里", "Meter": "米", "Ton": "吨", "Jin": "斤", "Kilogram": "公斤", "Kilowatt": "千瓦"}


def load_recognizers() -> Extractor:
    """Microsoft Recognizers-Text, Chinese models: percentages, currency, dimensions, ordinals, dates."""
    def import_all():
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        return Culture.Chinese, NumberRecognizer, NumberWithUnitRecognizer, DateTimeRecognizer

    culture, numbers, with_unit, datetime = _import_quietly(import_all, "recognizers-text-suite")
    models = {
        "PERCENT": numbers(culture).get_percentage_model(),
        "RANKING": numbers(culture).get_ordinal_model(),
        "QUANTITY": with_unit(culture).get_currency_model(),
        "DIMENSION": with_unit(culture).get_dimension_model(),
        "DEADLINE": datetime(culture).get_datetime_model(),
    }

    def extract(text: str, doc_id: str | None = None) -> dict[str, Any]:
        record = RecordBuilder(text)
        for kind, model in models.items():
            for result in model.parse(text):
                start, end = result.start, result.end + 1  # Recognizers-Text ends are inclusive
                if len(text[start:end]) != len(result.text):
                    # it reports the text of a normalised copy (％ → %, G → g), same length:
                    # the offsets still fit; only a result whose length differs is unplaceable
                    continue
                label = "QUANTITY" if kind == "DIMENSION" else kind
                record.add_span(label, start, end, _recognizers_attrs(kind, result.text, result.resolution or {}))
        return record.record(doc_id)

    return _checked(extract, "recognizers-text-suite", "上半年完成投资14.8亿元，增长6.5%，排名第三。")


def _recognizers_attrs(kind: str, text: str, resolution: dict[str, Any]) -> dict[str, Any]:
    value = resolution.get("value")
    if kind == "PERCENT":
        return {"value": _float_or_none(str(value).rstrip("%")), "unit": "pp" if "百分点" in text else "%",
                "masked": False}
    if kind == "RANKING":
        number = _float_or_none(value)
        return {"position": int(number) if number is not None else None, "scope": None}
    if kind == "DEADLINE":
        return {"text": text}
    unit = resolution.get("unit")
    number = _float_or_none(value)
    if kind == "DIMENSION":
        return {"value": number, "unit": _DIMENSION_UNITS.get(unit, unit), "masked": False}
    return {"value": number, "unit": "元" if resolution.get("isoCurrency") == "CNY" else unit, "masked": False}


class ThirdParty(NamedTuple):
    load: Callable[[], Extractor]
    description: str
    #: the labels its mapping can produce
    labels: tuple[str, ...]


#: the third-party systems, in the order the results list them
THIRD_PARTY = {
    "jionlp": ThirdParty(load_jionlp, "JioNLP extract_money / extract_time", ("QUANTITY", "DEADLINE")),
    "recognizers_text": ThirdParty(load_recognizers,
                                   "Microsoft Recognizers-Text (Chinese number, unit and date models)",
                                   ("QUANTITY", "PERCENT", "RANKING", "DEADLINE")),
}
