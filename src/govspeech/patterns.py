"""Compiling govspeech's patterns fast, and word lists as tries.

Speed matters: ``parse()`` must stay well above raw word-segmentation speed.  Two things make
the difference on Chinese text:

* the standard library's ``re`` is far faster than ``regex`` on large character classes and
  alternations, so :func:`compile` uses ``re`` and falls back to ``regex`` only for what ``re``
  cannot do (variable-width look-behind); ``\\p{Han}`` is rewritten to explicit ranges;
* a lexicon of hundreds of words is compiled as a **trie** (:func:`words`): ``区委(?:会)?``
  instead of ``区委会|区委``, so matching costs one step per character instead of one per
  word, and the greedy optional groups still give the longest match first.

Compiled ``re`` patterns are kept on disk between processes (:mod:`govspeech.regex_cache`).
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

import regex

from govspeech import regex_cache

#: Han characters (CJK unified ideographs, extension A, compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def compile(pattern: str, flags: int = 0):  # noqa: A001 - mirrors re.compile
    """``re.compile`` with ``\\p{Han}`` support; ``regex.compile`` for what ``re`` rejects."""
    try:
        return regex_cache.compile(_wrap_bare_han(pattern), flags)
    except (re.error, ValueError):
        return regex.compile(pattern, flags)


def _wrap_bare_han(pattern: str) -> str:
    """Rewrite ``\\p{Han}``/``\\P{Han}`` inside and outside character classes for ``re``."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            token = pattern[i:i + 7]
            if token in ("\\p{Han}", "\\P{Han}"):
                negated = token[1] == "P"
                if in_class:
                    if negated:  # \P{Han} inside a class has no re spelling: let regex do it
                        raise ValueError(pattern)
                    out.append(HAN)
                else:
                    out.append(f"[^{HAN}]" if negated else f"[{HAN}]")
                i += 7
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def first_chars(*word_lists: Iterable[str]) -> str:
    """A look-ahead on the possible first characters of the words: ``(?=[区市县…])``.

    ``re`` tries a trie's first-character branches one by one at every position of the text;
    a character-class look-ahead rejects the positions where no word can start in one step
    (about 3x faster on lexicon patterns with an optional prefix).
    """
    chars = sorted({w[0] for words_ in word_lists for w in words_ if w})
    if not chars:
        return "(?!)"
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


def words(items: Iterable[str]) -> str:
    """A pattern (non-capturing) matching any of ``items``, longest first, built as a trie."""
    # components ask for the same large lists several times (an alias lexicon for a match,
    # a suffix test and a growth-word test): build each trie once per process
    return _words(tuple(items))


@functools.lru_cache(maxsize=512)
def _words(items: tuple[str, ...]) -> str:
    trie: dict = {}
    for word in items:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"

    def build(node: dict) -> str:
        branches = [(ch if ch.isalnum() else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + first_chars(items) + build(trie) + ")"


class Occupancy:
    """Which characters of a text are already covered by spans: overlap tests in C time.

    Components test each candidate against the spans kept so far; a list scan makes that
    quadratic in the number of spans, a byte mask keeps the cost linear in the text length.
    """

    __slots__ = ("mask",)

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.mask = bytearray(length)
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) != -1

    def covers(self, start: int, end: int) -> bool:
        """Is every character of ``[start, end)`` covered?"""
        return end > start and self.mask.find(0, start, end) == -1

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)


class NearAnchor:
    """A pattern run only near the matches of a cheap *anchor* pattern, with the same matches.

    Patterns such as ``(?:non-punctuation Han){1,10}?(?:专班|领导小组|…)`` may start at any
    Han character, so a scan tries the whole lazy run at every position of the text.  When
    every match contains an anchor (its suffix) and starts at most ``before`` characters before
    that anchor and ends at most ``after`` characters after it, the pattern only needs to run
    in the windows around the anchors: the windows are merged into disjoint segments and each
    segment is scanned with ``pos``/``endpos``.  ``margin`` extra characters at each segment's
    end leave room for a trailing look-ahead (look-behinds see before ``pos`` anyway), so the
    matches are exactly those of ``pattern.finditer(text)`` (tests/test_patterns.py checks it).
    """

    __slots__ = ("pattern", "anchor", "before", "after")

    def __init__(self, pattern, anchor, before: int, after: int = 0, margin: int = 8) -> None:
        self.pattern, self.anchor = pattern, anchor
        self.before, self.after = before, after + margin

    def finditer(self, text: str):
        segment_start = segment_end = -1
        for a in self.anchor.finditer(text):
            lo, hi = max(0, a.start() - self.before), min(len(text), a.end() + self.after)
            if lo <= segment_end:
                segment_end = max(segment_end, hi)
                continue
            if segment_end >= 0:
                yield from self.pattern.finditer(text, segment_start, segment_end)
            segment_start, segment_end = lo, hi
        if segment_end >= 0:
            yield from self.pattern.finditer(text, segment_start, segment_end)
