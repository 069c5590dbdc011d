"""``govspeech_indicator``: INDICATOR candidates with canonical names.

Two sources:

* the indicator lexicon (``resources/lexicons/indicators.json``): every alias, longest match
  first, a separable scope prefix (全区, 全市 …) left out; ``canonical`` is the lexicon name;
* the *measured noun before a value*: for each QUANTITY/PERCENT/RANKING, the words of its
  clause to the left, cut at punctuation and function words, with scope, period and verb
  prefixes (开工建设, 引进, 接待 …) stripped — "counted things are indicators" (新开工项目*个).

A candidate only stays if ``govspeech_relations`` links it to a value in its sentence (the
scheme's definition of an indicator); the linker removes the others.  Run this component
after ``govspeech_numbers`` and ``govspeech_ranking``.
"""
from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.components.base import RuleComponent
from govspeech.components.numbers import _alternation

VALUE_LABELS = ("QUANTITY", "PERCENT", "RANKING")


class IndicatorRecognizer(RuleComponent):
    resource = {"lexicon": ("lexicons", "indicators.json"), "rules": ("rules", "relations.json")}

    def compile(self) -> None:
        lex, rules = self.data["lexicon"], self.data["rules"]
        self.canonical = {alias: entry["canonical"] for entry in lex["indicators"] for alias in entry["aliases"]}
        self.aliases = regex.compile(_alternation(self.canonical))
        self.left_strip = regex.compile(
            f"^(?:{_alternation(lex['scope_prefixes'] + lex['period_words'] + rules['verb_prefixes'] + ['同比', '比上年', '其中', '分别'])})+")
        self.cues = regex.compile(
            f"(?:{_alternation(rules['increase'] + rules['decrease'] + rules['share'] + rules['target'] + ['同比', '比上年', '达到', '达', '为', '是', '完成', '实现', '突破', '超过', '共', '累计', '排名', '排', '居', '位居', '分别', '约', '近'])})+$")
        self.stop = set(rules["stop_chars"])
        self.max_chars, self.min_chars = rules["max_chars"], rules["min_chars"]

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        taken: list[tuple[int, int]] = [(s.start_char, s.end_char) for s in docstate.spans(doc)
                                        if s.label_ in VALUE_LABELS]
        for m in self.aliases.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                docstate.add_span(doc, m.start(), m.end(), "INDICATOR", {"canonical": self.canonical[m.group()]})
        known = [(s.start_char, s.end_char) for s in docstate.spans(doc, "INDICATOR")]
        for value in docstate.spans(doc):
            if value.label_ not in VALUE_LABELS:
                continue
            found = self.noun_before(text, value.start_char)
            if found is None:
                continue
            start, end = found
            if any(s < end and start < e for s, e in known + taken):
                continue
            name = text[start:end]
            docstate.add_span(doc, start, end, "INDICATOR", {"canonical": self.canonical.get(name, name)})
            known.append((start, end))
        return doc

    def noun_before(self, text: str, pos: int) -> tuple[int, int] | None:
        """The measured noun that ends right before the value at ``pos`` (after its cue words)."""
        left = pos
        window_start = max(0, pos - 3 * self.max_chars)
        while left > window_start and text[left - 1] not in self.stop and not text[left - 1].isdigit():
            left -= 1
        phrase = text[left:pos]
        cue = self.cues.search(phrase)
        if cue is not None:
            phrase = phrase[:cue.start()]
        strip = self.left_strip.match(phrase)
        offset = strip.end() if strip else 0
        name = phrase[offset:]
        if not (self.min_chars <= len(name) <= self.max_chars) or not all("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in name):
            return None
        return left + offset, left + offset + len(name)


@Language.factory("govspeech_indicator", default_config={"data_path": None},
                  default_score_weights={"gs_overlap_INDICATOR_f": 0.2})
def make_indicator_recognizer(nlp: Language, name: str, data_path: str | None) -> IndicatorRecognizer:
    return IndicatorRecognizer(nlp, name, data_path)
