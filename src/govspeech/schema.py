"""Typed records that :func:`govspeech.parse` returns (pydantic v2).

Every offset is a character offset into the **original** input (``str`` indices, end
exclusive) and ``document.text[span.start:span.end] == span.text`` always holds.  The labels,
attributes and relation types are those of the annotation scheme (``docs/annotation.md``).
"""
from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["INDICATOR", "QUANTITY", "PERCENT", "RANKING", "DIRECTIVE", "DEPARTMENT", "DEADLINE"]
RelationType = Literal["VALUE", "INCREASE", "DECREASE", "SHARE", "COMPLETION", "TARGET", "RANK", "RESPONSIBLE", "DUE"]
FlagKind = Literal["mask", "censor", "gloss", "separator", "paywall", "truncation", "web", "mojibake"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# -- attributes per label ----------------------------------------------------------------------
class QuantityAttrs(_Record):
    value: Optional[float] = Field(None, description="value in base units (multipliers applied); null when masked")
    unit: Optional[str] = Field(None, description="base unit without multiplier: 元, 亩, 个, 人次 …")
    masked: bool = False
    approx: bool = Field(False, description="近/约/多/余/以上/左右 glued to the number")


class PercentAttrs(_Record):
    value: Optional[float] = Field(None, description="percent or percentage points; null when masked")
    unit: Literal["%", "pp"] = "%"
    masked: bool = False


class RankingAttrs(_Record):
    position: Optional[int] = Field(None, description="rank (for 前三: the bound 3); null when masked")
    top: bool = Field(False, description="True for 前N")
    scope: Optional[str] = Field(None, description="peer scope as written: 全市, 全省 …")
    of: Optional[int] = Field(None, description="field size when given (全省86个县市 → 86)")


class DepartmentAttrs(_Record):
    canonical: str
    collective: bool = False


class DeadlineAttrs(_Record):
    text: str
    month: Optional[int] = None
    day: Optional[int] = None


class IndicatorAttrs(_Record):
    canonical: str


class DirectiveAttrs(_Record):
    pass


# -- spans -----------------------------------------------------------------------------------
class _SpanBase(_Record):
    id: int = Field(description="1-based, unique within the document")
    text: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class QuantitySpan(_SpanBase):
    label: Literal["QUANTITY"] = "QUANTITY"
    attrs: QuantityAttrs


class PercentSpan(_SpanBase):
    label: Literal["PERCENT"] = "PERCENT"
    attrs: PercentAttrs


class RankingSpan(_SpanBase):
    label: Literal["RANKING"] = "RANKING"
    attrs: RankingAttrs


class DepartmentSpan(_SpanBase):
    label: Literal["DEPARTMENT"] = "DEPARTMENT"
    attrs: DepartmentAttrs


class DeadlineSpan(_SpanBase):
    label: Literal["DEADLINE"] = "DEADLINE"
    attrs: DeadlineAttrs


class IndicatorSpan(_SpanBase):
    label: Literal["INDICATOR"] = "INDICATOR"
    attrs: IndicatorAttrs


class DirectiveSpan(_SpanBase):
    label: Literal["DIRECTIVE"] = "DIRECTIVE"
    attrs: DirectiveAttrs = DirectiveAttrs()


SpanRecord = Annotated[
    Union[QuantitySpan, PercentSpan, RankingSpan, DepartmentSpan, DeadlineSpan, IndicatorSpan, DirectiveSpan],
    Field(discriminator="label"),
]
ValueSpan = Union[QuantitySpan, PercentSpan]

ATTRS_BY_LABEL: dict[str, type[_Record]] = {
    "QUANTITY": QuantityAttrs, "PERCENT": PercentAttrs, "RANKING": RankingAttrs,
    "DEPARTMENT": DepartmentAttrs, "DEADLINE": DeadlineAttrs, "INDICATOR": IndicatorAttrs,
    "DIRECTIVE": DirectiveAttrs,
}


class Relation(_Record):
    id: int
    type: RelationType
    head: int = Field(description="id of the head span")
    tail: int = Field(description="id of the tail span")


class Flag(_Record):
    """What the normaliser found in the original text (masks, notices, mojibake …)."""

    kind: FlagKind
    start: int
    end: int
    text: str


# -- convenient views ----------------------------------------------------------------------------
class IndicatorFacts(_Record):
    """An indicator with everything the text reports about it."""

    indicator: IndicatorSpan
    values: list[ValueSpan] = Field(default_factory=list)
    increases: list[ValueSpan] = Field(default_factory=list)
    decreases: list[ValueSpan] = Field(default_factory=list)
    shares: list[PercentSpan] = Field(default_factory=list)
    completions: list[PercentSpan] = Field(default_factory=list)
    targets: list[ValueSpan] = Field(default_factory=list)
    ranks: list[RankingSpan] = Field(default_factory=list)

    @property
    def name(self) -> str:
        return self.indicator.attrs.canonical


class DirectiveFacts(_Record):
    """A directive with its responsible departments and deadlines."""

    directive: DirectiveSpan
    departments: list[DepartmentSpan] = Field(default_factory=list)
    deadlines: list[DeadlineSpan] = Field(default_factory=list)


class Document(_Record):
    """The result of :func:`govspeech.parse` for one text."""

    # ``text`` comes last so that a dump starts with what was found, not with the input
    id: Optional[str] = None
    spans: list[SpanRecord] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    indicators: list[IndicatorFacts] = Field(default_factory=list)
    directives: list[DirectiveFacts] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)
    text: str = Field(description="the original input, unchanged")

    def spans_by_label(self, label: Label) -> list[SpanRecord]:
        return [s for s in self.spans if s.label == label]

    def to_spec(self, include_text: bool = True) -> dict[str, Any]:
        """The annotation scheme's JSONL record (doccano relation-export shape + attrs/meta)."""
        record: dict[str, Any] = {"id": self.id}
        if include_text:
            record["text"] = self.text
        record["meta"] = dict(self.meta)
        record["entities"] = [
            {"id": s.id, "label": s.label, "start_offset": s.start, "end_offset": s.end,
             "attrs": s.attrs.model_dump()} for s in self.spans]
        record["relations"] = [{"id": r.id, "from_id": r.head, "to_id": r.tail, "type": r.type}
                               for r in self.relations]
        return record

    def to_spec_json(self, include_text: bool = True) -> str:
        return json.dumps(self.to_spec(include_text), ensure_ascii=False)


class ErrorRecord(_Record):
    """A document that could not be parsed (batch processing never stops on one bad input)."""

    id: Optional[str] = None
    error: str = Field(description="error class name")
    message: str
