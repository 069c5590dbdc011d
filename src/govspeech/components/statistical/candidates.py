"""Candidate spans for the statistical span filter: what the rules proposed, and what they did not.

For each label the filter handles, a candidate is a span the rule components put into
``doc.spans["govspeech"]`` (*proposed*) or a span they did not produce but could have
(*extra*):

* ``DIRECTIVE``: every sentence or ``；`` item (the unit the scheme annotates) that no rule
  directive overlaps, its list marker left out;
* ``INDICATOR``: the rule indicators the relation linker kept (the filter runs after it);
* ``DEPARTMENT``: the rule departments.  (Extra department candidates — words ending in a
  body suffix, items of lists counted as 乡镇 — were tried: the training documents hold almost
  no positive example of them, so the model could not learn to add any.)

Besides its offsets, every candidate carries a few small integer *context slots* (length,
position in the document, the rule decision of its neighbours, how the linker used it …) that
the featuriser hashes
together with the characters around it (:mod:`.features`).  Everything is numpy arrays so that
scoring a whole document costs a handful of vector operations.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from spacy.tokens import Doc

from govspeech import docstate, patterns

#: Labels the filter can decide on (the open-vocabulary ones and the rule-heavy DIRECTIVE).
FILTER_LABELS = ("DIRECTIVE", "INDICATOR", "DEPARTMENT")
FIGURE_LABELS = ("QUANTITY", "PERCENT", "RANKING")
#: Names of the integer context slots, in column order (features.py hashes them by position).
CONTEXT_SLOTS = ("proposed", "length", "position", "previous_proposed", "next_proposed",
                 "report", "figure_after", "figure_before", "relation", "relation_count", "in_directive")

# A unit ends at sentence or item punctuation or at a line break (a cheaper cut than the
# directive component's: run-on lines split here become two candidates, which is harmless
# for a keep/add decision that the rule spans already cover).
_UNIT = patterns.compile(r"[^。!?！？;；\n]+")
_LEADING_JUNK = " \t\u3000)）”\"】》"
_LENGTH_BUCKETS = np.array([2, 3, 4, 5, 7, 11, 21, 41, 81])
_MIN_UNIT_HAN = 4
_HAN = patterns.compile(r"\p{Han}")


@dataclass
class CandidateSet:
    """Candidates of one document: parallel arrays, one row per candidate."""

    text: str
    starts: np.ndarray  # int64, clean-text offsets
    ends: np.ndarray
    labels: np.ndarray  # int64 index into FILTER_LABELS
    context: np.ndarray  # int64 (n, len(CONTEXT_SLOTS))
    proposed: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.proposed = self.context[:, 0].astype(bool) if len(self.context) else np.zeros(0, dtype=bool)

    def __len__(self) -> int:
        return len(self.starts)

    @classmethod
    def empty(cls, text: str) -> "CandidateSet":
        none = np.zeros(0, dtype=np.int64)
        return cls(text, none, none, none, np.zeros((0, len(CONTEXT_SLOTS)), dtype=np.int64))


class CandidateGenerator:
    """Builds :class:`CandidateSet` s for ``labels`` from a Doc the rule components annotated."""

    def __init__(self, labels: Sequence[str], markers: Sequence[str]) -> None:
        unknown = set(labels) - set(FILTER_LABELS)
        if unknown:
            raise ValueError(f"the span filter handles {FILTER_LABELS}, not {sorted(unknown)}")
        self.labels = tuple(labels)
        self.markers = list(markers)
        self.marker = patterns.compile("(?:" + "|".join(markers) + ")")

    def __call__(self, doc: Doc) -> CandidateSet:
        text = docstate.text(doc)
        if not text:
            return CandidateSet.empty(text)
        by_label: dict[str, list[tuple[int, int]]] = {label: [] for label in (*FILTER_LABELS, *FIGURE_LABELS)}
        # Every span has an entry keyed "LABEL:start:end" in the attribute table; reading the
        # keys is several times cheaper than building spaCy Span objects from the span group.
        for key in docstate.state(doc)["attrs"]:
            label, start, end = key.split(":")
            if label in by_label:
                by_label[label].append((int(start), int(end)))
        rows: list[tuple[int, int, int, int]] = []  # start, end, label index, proposed
        for label in self.labels:
            index = FILTER_LABELS.index(label)
            proposed = sorted(set(by_label[label]))
            rows += [(s, e, index, 1) for s, e in proposed]
            if label == "DIRECTIVE":
                rows += [(s, e, index, 0) for s, e in self._extra_units(text, proposed)]
        if not rows:
            return CandidateSet.empty(text)
        table = np.array(sorted(rows, key=lambda r: (r[2], r[0], r[1])), dtype=np.int64)
        starts, ends, labels, proposed = table.T
        figures = sorted(by_label["QUANTITY"] + by_label["PERCENT"] + by_label["RANKING"])
        context = np.zeros((len(table), len(CONTEXT_SLOTS)), dtype=np.int64)
        context[:, 0] = proposed
        context[:, 1] = np.searchsorted(_LENGTH_BUCKETS, ends - starts, side="right")
        # document-level slots come from docstate.document, so a piece of a long text (parse()
        # cuts texts over chunk_chars) is judged as it would be inside the whole text
        whole = docstate.document(doc)
        context[:, 2] = (whole["offset"] + _original_offsets(doc, starts)) * 10 // max(whole["length"], 1)
        context[:, 3], context[:, 4] = _neighbour_decisions(labels, proposed)
        context[:, 5] = whole["report"]
        context[:, 6], context[:, 7] = _figure_distances(starts, ends, figures)
        context[:, 8], context[:, 9] = _relation_slots(docstate.state(doc)["relations"], starts, ends, labels, proposed)
        context[:, 10] = _covered(len(text), by_label["DIRECTIVE"], starts, ends)
        return CandidateSet(text, starts, ends, labels, context)

    def _extra_units(self, text: str, proposed: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Sentences and items no proposed directive overlaps, without their list marker."""
        bounds = np.array([m.span() for m in _UNIT.finditer(text)], dtype=np.int64).reshape(-1, 2)
        # overlap with a proposed directive, for all units at once: covered-character prefix sums
        inside = _covered_prefix(len(text), proposed)
        free = bounds[inside[bounds[:, 1]] == inside[bounds[:, 0]]]
        free = free[free[:, 1] - free[:, 0] >= _MIN_UNIT_HAN]
        out = []
        for start, end in free.tolist():
            while start < end and text[start] in _LEADING_JUNK:
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            marker = self.marker.match(text, start, end)
            if marker is not None and marker.end() < end:
                start = marker.end()
                while start < end and text[start] in " ,，、:：":
                    start += 1
            if end - start >= _MIN_UNIT_HAN and len(_HAN.findall(text, start, start + 2 * _MIN_UNIT_HAN)) >= _MIN_UNIT_HAN:
                out.append((start, end))
        return out


def _original_offsets(doc: Doc, starts: np.ndarray) -> np.ndarray:
    """Original-text offsets of clean offsets ``starts`` (vectorised ``NormalizedText.orig_index``)."""
    norm = docstate.normalized(doc)
    if norm is None:
        return starts
    segment = np.searchsorted(np.asarray(norm.norm_starts, dtype=np.int64), starts, side="right") - 1
    return np.asarray(norm.orig_starts, dtype=np.int64)[segment] + starts - np.asarray(norm.norm_starts, dtype=np.int64)[segment]


def _relation_slots(relations: list, starts: np.ndarray, ends: np.ndarray, labels: np.ndarray,
                    proposed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How the linker used a proposed span: the first relation type it takes part in (1-based
    index in RELATION_TYPES, 0 = none) and how many relations it has (capped at 3).  A
    department the linker made RESPONSIBLE is an actor; one it left alone may be a place."""
    kind = np.zeros(len(starts), dtype=np.int64)
    many = np.zeros(len(starts), dtype=np.int64)
    if not relations:
        return kind, many
    row_of = {(FILTER_LABELS[label], start, end): row for row, (label, start, end, mine)
              in enumerate(zip(labels.tolist(), starts.tolist(), ends.tolist(), proposed.tolist())) if mine}
    for head, tail, rel_type in relations:
        for key in (head, tail):
            label, start, end = key.split(":")
            row = row_of.get((label, int(start), int(end)))
            if row is not None:
                kind[row] = kind[row] or docstate.RELATION_TYPES.index(rel_type) + 1
                many[row] = min(many[row] + 1, 3)
    return kind, many


def _covered(length: int, spans: list[tuple[int, int]], starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """1 where a candidate lies inside one of ``spans`` (characters covered = its length)."""
    inside = _covered_prefix(length, spans)
    return (inside[ends] - inside[starts] == ends - starts).astype(np.int64)


def _covered_prefix(length: int, spans: list[tuple[int, int]]) -> np.ndarray:
    """``out[i]`` = how many of the first ``i`` characters some span covers."""
    depth = np.zeros(length + 1, dtype=np.int64)
    for start, end in spans:
        depth[start] += 1
        depth[end] -= 1
    return np.concatenate([[0], np.cumsum(np.cumsum(depth)[:-1] > 0)])


def _neighbour_decisions(labels: np.ndarray, proposed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rule decision on the previous and next candidate of the same label (2 = none).

    For directive units this says whether the rules see the surrounding sentences as tasks: a
    sentence amid tasks is likely one too, a sentence amid results likely not.
    """
    previous = np.full(len(labels), 2, dtype=np.int64)
    following = np.full(len(labels), 2, dtype=np.int64)
    same_before = labels[1:] == labels[:-1]
    previous[1:] = np.where(same_before, proposed[:-1], 2)
    following[:-1] = np.where(same_before, proposed[1:], 2)
    return previous, following


def _figure_distances(starts: np.ndarray, ends: np.ndarray, figures: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Bucketed distance from a candidate's end to the next figure, and from the previous
    figure's end to its start (0 = adjacent … 4 = none within 30 characters)."""
    if not figures:
        none = np.full(len(starts), 4, dtype=np.int64)
        return none, none.copy()
    fig_starts = np.array([s for s, _ in figures], dtype=np.int64)
    fig_ends = np.sort(np.array([e for _, e in figures], dtype=np.int64))
    nxt = np.searchsorted(fig_starts, ends, side="left")
    after = np.where(nxt < len(fig_starts), fig_starts[np.minimum(nxt, len(fig_starts) - 1)] - ends, 10**9)
    prv = np.searchsorted(fig_ends, starts, side="right") - 1
    before = np.where(prv >= 0, starts - fig_ends[np.maximum(prv, 0)], 10**9)
    bins = np.array([1, 4, 12, 31])
    return np.searchsorted(bins, after, side="right"), np.searchsorted(bins, before, side="right")
