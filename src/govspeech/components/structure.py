"""Reading the structure of a speech: lines, headings, sentences, ``；`` items, list markers.

Shared by the directive recogniser (what is a unit, what is a heading) and the relation linker
(which spans share a sentence).  Works on the normalised text (ASCII punctuation).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from govspeech import patterns

SENTENCE_END = "。!?！？"
ITEM_END = ";；"
# A line break ends a sentence unless the line plainly runs on (scraped text breaks lines
# mid-sentence): it is long and ends without closing punctuation, or ends with a comma.
_RUNS_ON_MIN = 30
_CLOSERS = set(SENTENCE_END + ITEM_END + ":：”\"')）】》")
_BOUNDARY = patterns.compile(f"[{SENTENCE_END}{ITEM_END}\\n]")


@dataclass(frozen=True)
class Unit:
    """A sentence or ``；`` item: ``[start, end)`` without the closing punctuation.

    ``body_start`` is where the content begins after a list marker; ``sentence`` numbers the
    sentence the unit belongs to; ``line`` the line; ``heading`` marks a stand-alone heading.
    """

    start: int
    body_start: int
    end: int
    sentence: int
    line: int
    heading: bool
    first_in_line: bool


def _is_break(text: str, nl: int, line_start: int) -> bool:
    """Does the newline at ``nl`` end the sentence?"""
    line = text[line_start:nl].rstrip()
    if not line:
        return True
    last = line[-1]
    if last in _CLOSERS:
        return True
    if last in ",，、":
        return False
    return len(line) < _RUNS_ON_MIN


class StructureReader:
    """Split text into :class:`Unit` s; marker and heading patterns come from the directive data."""

    def __init__(self, markers: list[str], heading_markers: list[str], heading_max_chars: int) -> None:
        self.marker = patterns.compile("(?:" + "|".join(markers) + ")")
        self.heading_marker = patterns.compile("(?:" + "|".join(heading_markers) + ")")
        self.heading_max = heading_max_chars

    def units(self, text: str) -> Iterator[Unit]:
        sentence = line_no = 0
        start = line_start = 0
        first_in_line = True
        for m in _BOUNDARY.finditer(text + "\n"):
            i, ch = m.start(), m.group()
            is_newline = ch == "\n"
            if is_newline and i < len(text) and not _is_break(text, i, line_start):
                line_no += 1
                line_start = i + 1
                continue
            unit = self._make_unit(text, start, min(i, len(text)), sentence, line_no, first_in_line)
            if unit is not None:
                yield unit
                first_in_line = False
            if ch not in ITEM_END:
                sentence += 1
            start = i + 1
            if is_newline:
                line_no += 1
                line_start = i + 1
                first_in_line = True

    def _make_unit(self, text: str, start: int, end: int, sentence: int, line: int,
                   first_in_line: bool) -> Unit | None:
        # trim whitespace and closing brackets/quotes that belong to the previous unit
        while start < end and (text[start].isspace() or text[start] in ")）”\"】》"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        body = start
        m = self.marker.match(text, start)
        if m is not None and m.end() < end:
            body = m.end()
            while body < end and text[body] in " ,，、:：":
                body += 1
        heading = False
        if first_in_line:
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            rest = text[end:line_end].strip(" " + SENTENCE_END + ITEM_END)
            if not rest and end - start <= self.heading_max and self.heading_marker.match(text, start):
                heading = True
        return Unit(start, body, end, sentence, line, heading, first_in_line)
