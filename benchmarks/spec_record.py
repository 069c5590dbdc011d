"""Building records in the annotation scheme's JSONL shape from any extractor's output.

The baselines are scored by :func:`govspeech.scoring.score_records`, exactly like govspeech
itself, so each one only has to say which span has which label (and, where it can, which
attributes and relations); this class numbers them the way the scheme's records do.
"""
from __future__ import annotations

from typing import Any


class RecordBuilder:
    """Spans and relations of one document, returned as a spec record by :meth:`record`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._entities: list[dict[str, Any]] = []
        self._relations: list[dict[str, Any]] = []
        self._id_of: dict[tuple[str, int, int], int] = {}

    def add_span(self, label: str, start: int, end: int, attrs: dict[str, Any] | None = None) -> int:
        """Add a span (offsets into the original text); the id of an identical span is reused."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"{label} span {start}:{end} lies outside a text of {len(self.text)} characters")
        key = (label, start, end)
        if key not in self._id_of:
            self._id_of[key] = len(self._entities) + 1
            self._entities.append({"id": self._id_of[key], "label": label, "start_offset": start, "end_offset": end,
                                   "attrs": dict(attrs or {})})
        return self._id_of[key]

    def add_relation(self, head: int, tail: int, relation_type: str) -> None:
        self._relations.append({"id": len(self._relations) + 1, "from_id": head, "to_id": tail, "type": relation_type})

    def spans(self, label: str) -> list[dict[str, Any]]:
        return [e for e in self._entities if e["label"] == label]

    def record(self, doc_id: str | None = None) -> dict[str, Any]:
        return {"id": doc_id, "entities": list(self._entities), "relations": list(self._relations)}
