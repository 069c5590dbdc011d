"""Dirty-text normaliser with an offset map back to the original input.

Real speeches arrive scraped and mangled (see ``docs/normalisation.md``).  :func:`normalize`
returns a :class:`NormalizedText`: a clean copy for the pipeline to read, the map from every
clean character to the original character it came from, and :class:`Flag` records for what it
found (masked figures, censor marks, pinyin glosses, separator lines, paywall/truncation
notices, mojibake).

Two kinds of edit keep the map simple and exact:

* **one-to-one character conversions** (full-width → ASCII, Traditional → Simplified,
  ``×``/``X`` masks → ``*``, control characters → space): the character stays at its offset;
* **deletions** (glosses, separator-line contents, zero-width characters) and **collapses**
  (a notice becomes one ``\\n``): whole ranges leave the clean text.

So a clean span ``[s, e)`` maps to the original ``[orig(s), orig(e - 1) + 1)``, and the text of
the original range is what users see.  Nothing is guessed: mojibake is flagged, never repaired.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable


from govspeech import resources
from govspeech import patterns

__all__ = ["Flag", "NormalizedText", "normalize", "FLAG_KINDS", "common_han_ratio"]

#: What a :class:`Flag` can report.
FLAG_KINDS = ("mask", "censor", "gloss", "separator", "paywall", "truncation", "web", "mojibake")


@dataclass(frozen=True)
class Flag:
    """Something the normaliser found, at original offsets ``[start, end)``."""

    kind: str
    start: int
    end: int
    text: str


@dataclass
class NormalizedText:
    """A clean copy of ``original`` plus the map from clean offsets to original offsets.

    The map is stored as *segments*: clean offset ``norm_starts[k]`` corresponds to original
    offset ``orig_starts[k]`` and both advance together until the next segment starts.
    """

    original: str
    text: str
    norm_starts: list[int] = field(repr=False)
    orig_starts: list[int] = field(repr=False)
    flags: list[Flag] = field(default_factory=list)

    def orig_index(self, i: int) -> int:
        """Original offset of the clean character at ``i`` (``0 <= i < len(text)``)."""
        k = bisect_right(self.norm_starts, i) - 1
        return self.orig_starts[k] + (i - self.norm_starts[k])

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the clean span ``[start, end)`` (non-empty)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside the normalised text (length {len(self.text)})")
        return self.orig_index(start), self.orig_index(end - 1) + 1

    def to_normalized(self, start: int, end: int) -> tuple[int, int] | None:
        """Clean ``[start, end)`` covering the original span, or ``None`` if it was all removed."""
        first = self._first_at_or_after(start)
        last = self._first_at_or_after(end) - 1
        if first > last:
            return None
        return first, last + 1

    def _first_at_or_after(self, orig: int) -> int:
        """Smallest clean index whose original offset is ``>= orig`` (``len(text)`` if none)."""
        k = bisect_right(self.orig_starts, orig) - 1
        if k < 0:
            return 0
        seg_end = self.norm_starts[k + 1] if k + 1 < len(self.norm_starts) else len(self.text)
        candidate = self.norm_starts[k] + (orig - self.orig_starts[k])
        return candidate if candidate < seg_end else seg_end

    @property
    def is_identity(self) -> bool:
        return self.text == self.original and len(self.norm_starts) == 1

    def to_dict(self) -> dict:
        """Compact, msgpack/JSON-friendly form (used to store the map on a spaCy ``Doc``)."""
        return {"original": self.original, "segments": [self.norm_starts, self.orig_starts],
                "flags": [[f.kind, f.start, f.end] for f in self.flags]}

    @classmethod
    def from_dict(cls, data: dict, text: str) -> "NormalizedText":
        original = data["original"]
        norm_starts, orig_starts = (list(x) for x in data["segments"])
        flags = [Flag(kind, s, e, original[s:e]) for kind, s, e in data["flags"]]
        return cls(original, text, norm_starts, orig_starts, flags)


class _Patterns:
    """Compiled normaliser patterns from ``resources/normalize`` (built once per process)."""

    def __init__(self) -> None:
        spec = resources.load_json("normalize", "patterns.json")
        table: dict[int, str] = {}
        # Full-width ASCII block (！ … ～) to ASCII, ideographic space to space.
        table.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)})
        table[0x3000] = " "
        table[0xFE6A] = "%"  # small percent sign
        table[0xFF0A] = "*"
        # Control characters would split tokens in odd ways; NUL, C0 and DEL become spaces, a lone
        # carriage return a line break (so "\r\n" is an empty line, which costs nothing).
        table.update({cp: " " for cp in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)})
        table[0x0D] = "\n"
        for trad, simp in resources.load_tsv("normalize", "t2s.tsv"):
            table[ord(trad)] = simp
        self.table = table
        self.gloss = patterns.compile(spec["gloss"])
        self.separator = patterns.compile(spec["separator_line"])
        self.mask_letters = patterns.compile(spec["mask_letters"])
        self.mask = patterns.compile(spec["mask"])
        self.censor = patterns.compile(spec["censor"])
        self.zero_width = patterns.compile(spec["zero_width"])
        self.notices = [(n["kind"], patterns.compile(n["pattern"])) for n in spec["notices"]]
        moji = spec["mojibake"]
        self.moji_gap, self.moji_min = moji["max_gap"], moji["min_rare"]
        self.moji_glue = patterns.compile(moji["glue"])
        self.moji_replacement = patterns.compile(moji["replacement_char"])
        common = set("".join(resources.data_lines("normalize", "common_chars.txt")))
        self.rare = patterns.compile(_char_class_excluding("\u3400", "\u9fff", common))
        self.rare_bigrams = frozenset(" ".join(resources.data_lines("normalize", "rare_bigrams.txt")).split())
        extra = resources.data_lines(*moji["extra_words"].split("/"))
        self.rare_ok = frozenset(ch for word in extra for ch in word) | frozenset(
            a + b for word in extra for a, b in zip(word, word[1:]))


def _char_class_excluding(first: str, last: str, keep_out: set[str]) -> str:
    """A regex character class of ``first``..``last`` minus ``keep_out``, written as ranges."""
    ranges, run_start, prev = [], None, None
    for cp in range(ord(first), ord(last) + 1):
        if chr(cp) in keep_out:
            if run_start is not None:
                ranges.append((run_start, prev))
                run_start = None
            continue
        if run_start is None:
            run_start = cp
        prev = cp
    if run_start is not None:
        ranges.append((run_start, prev))
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"


_HAN = patterns.compile(r"\p{Han}")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect_right(spans, (start, float("inf"))) - 1
    if k >= 0 and spans[k][1] > start:
        return True
    return k + 1 < len(spans) and spans[k + 1][0] < end


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` and keep the map back to it (see the module docstring)."""
    pat = _patterns()
    pre = text.translate(pat.table)
    pre = pat.mask_letters.sub(lambda m: "*" * len(m.group()), pre)

    # Removals: (start, end, replacement, flag kind or None), found on the 1:1 copy.
    removals: list[tuple[int, int, str, str | None]] = []
    for kind, pattern in pat.notices:
        removals += [(m.start(), m.end(), "\n", kind) for m in pattern.finditer(pre) if m.end() > m.start()]
    removals += [(m.start(), m.end(), "", "separator") for m in pat.separator.finditer(pre) if m.end() > m.start()]
    removals += [(m.start(), m.end(), "", "gloss") for m in pat.gloss.finditer(pre)]
    removals += [(m.start(), m.end(), "", None) for m in pat.zero_width.finditer(pre)]
    removals.sort(key=lambda r: (r[0], -r[1]))
    kept: list[tuple[int, int, str, str | None]] = []
    for rem in removals:
        if not kept or rem[0] >= kept[-1][1]:
            kept.append(rem)
    removed_spans = [(s, e) for s, e, _, _ in kept]

    flags = [Flag(kind, s, e, text[s:e]) for s, e, _, kind in kept if kind]
    flags += _marks(pat, pre, text, removed_spans)
    flags.sort(key=lambda f: (f.start, f.end))

    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    pos = out = 0
    for start, end, replacement, _ in kept:
        if start > pos:
            norm_starts.append(out)
            orig_starts.append(pos)
            pieces.append(pre[pos:start])
            out += start - pos
        if replacement:
            norm_starts.append(out)
            orig_starts.append(start)
            pieces.append(replacement)
            out += len(replacement)
        pos = end
    if pos < len(pre) or not norm_starts:
        norm_starts.append(out)
        orig_starts.append(pos)
        pieces.append(pre[pos:])
    return NormalizedText(text, "".join(pieces), norm_starts, orig_starts, flags)


def _marks(pat: _Patterns, pre: str, original: str, removed: list[tuple[int, int]]) -> Iterable[Flag]:
    """Masks, censor marks and mojibake outside removed ranges (flags only, text unchanged)."""
    for kind, pattern in (("mask", pat.mask), ("censor", pat.censor)):
        for m in pattern.finditer(pre):
            if not _overlaps(removed, m.start(), m.end()):
                yield Flag(kind, m.start(), m.end(), original[m.start():m.end()])
    yield from _mojibake(pat, pre, original, removed)


def _mojibake(pat: _Patterns, pre: str, original: str, removed: list[tuple[int, int]]) -> Iterable[Flag]:
    """Runs of uncommon Han characters (or U+FFFD) typical of text decoded with the wrong codec.

    An uncommon character is *suspicious* when it forms no dictionary bigram with either
    neighbour (so 磅礴 or 秸秆 pass).  A run needs ``min_rare`` suspicious characters no more
    than ``max_gap`` apart, or one next to a ``?``/``!``/U+FFFD left behind by the bad decoding.
    Runs are only reported, never repaired.
    """
    clusters: list[list[int]] = []
    for m in pat.rare.finditer(pre):
        i = m.start()
        if pre[i] in pat.rare_ok or any(pre[j:j + 2] in pat.rare_bigrams or pre[j:j + 2] in pat.rare_ok
                                        for j in (max(i - 1, 0), i)):
            continue
        # Cluster with the previous suspicious character when only letters lie between them.
        if clusters and i - clusters[-1][-1] <= pat.moji_gap and pre[clusters[-1][-1] + 1:i].isalpha():
            clusters[-1].append(i)
        else:
            clusters.append([i])
    runs = []
    for cluster in clusters:
        start, end = cluster[0], cluster[-1] + 1
        glued = (start > 0 and pat.moji_glue.match(pre, start - 1)) or (end < len(pre) and pat.moji_glue.match(pre, end))
        # Real text repeats a rare character (一茬一茬, 铝和铝); a bad decoding scatters different ones.
        if len({pre[i] for i in cluster}) < pat.moji_min and not glued:
            continue
        while start > 0 and pat.moji_glue.match(pre, start - 1):
            start -= 1
        while end < len(pre) and (pat.moji_glue.match(pre, end) or (pre[end].isascii() and pre[end].isalpha())):
            end += 1
        runs.append((start, end))
    runs += [(m.start(), m.end()) for m in pat.moji_replacement.finditer(pre)]
    runs.sort()
    merged: list[tuple[int, int]] = []
    for s, e in runs:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    for s, e in merged:
        if not _overlaps(removed, s, e):
            yield Flag("mojibake", s, e, original[s:e])


def common_han_ratio(text: str) -> float:
    """Share of Han characters (after Traditional → Simplified) that are common ones.

    Used to choose between legacy encodings: a wrong decoding produces uncommon characters.
    """
    pat = _patterns()
    han = _HAN.findall(text.translate(pat.table))
    if not han:
        return 0.0
    rare = sum(1 for ch in han if pat.rare.match(ch))
    return 1.0 - rare / len(han)
