"""Cutting very long documents into pieces the pipeline handles in linear time and memory.

The char tokenizer makes one token per Han character, so a 10 MB document would be one huge
``Doc``.  Every relation govspeech extracts lives inside a sentence, so a document can be cut
at line breaks (preferably after a sentence end) and parsed piece by piece; each piece is
converted straight into the whole text's record, offsets shifted and ids continued
(:func:`govspeech.records.record_parts`).
"""
from __future__ import annotations

import re

#: Pieces are at most this long (characters); real speeches and reports are far shorter.
DEFAULT_CHUNK_CHARS = 100_000

_SENTENCE_END_BEFORE_NEWLINE = re.compile(r"[。！？!?;；]\s*\n")


def chunk_bounds(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, int]]:
    """``[(start, end), …]`` covering ``text`` exactly, each piece at most ``max_chars`` long.

    A piece ends after the last sentence-final line break in its window, else after the last
    line break, else after the last sentence end, else at the window's edge.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    bounds = []
    start = 0
    n = len(text)
    while n - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for m in _SENTENCE_END_BEFORE_NEWLINE.finditer(text, start + max_chars // 2, window_end):
            cut = m.end()
        if cut < 0:
            cut = text.rfind("\n", start + max_chars // 2, window_end) + 1
        if cut <= 0:
            cut = max((text.rfind(ch, start + max_chars // 2, window_end) + 1 for ch in "。！？!?;；"), default=0)
        if cut <= start:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds
