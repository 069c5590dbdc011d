"""``govspeech_ranking``: RANKING spans (排名全市第三, 全省86个县市排第64位, 进入前三名 …).

Attributes: ``position`` (the ordinal, or the bound N of 前N), ``top`` (前N), ``scope``
(全市, 全省 … as written) and ``of`` (the field size, 86 in 全省86个县市).  Patterns are in
``resources/rules/ranking.json``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.components.base import RuleComponent
from govspeech.components.numerals import CHINESE_NUMERAL_CHARS, read_int
from govspeech import patterns

_ORDINAL = f"(?:[0-9*]+|[{CHINESE_NUMERAL_CHARS}]+)"


class RankingRecognizer(RuleComponent):
    resource = ("rules", "ranking.json")

    def compile(self) -> None:
        d = self.data
        verbs, scopes, fields = patterns.words(d["verbs"]), patterns.words(d["scopes"]), patterns.words(d["fields"])
        suffix = patterns.words(d["ordinal_suffix"])
        scope = f"(?P<scope>{scopes})(?:(?P<of>[0-9]+|[{CHINESE_NUMERAL_CHARS}]+)个?(?:{fields}))?(?:中|里|内)?"
        rank = (f"(?:第(?P<pos>{_ORDINAL})(?:{suffix})?|前(?P<top>{_ORDINAL})(?:{suffix})?|(?P<bare>[0-9]+)位"
                f"|(?P<first>{patterns.words(d['first_words'])}))")
        # verb + scope + rank | scope + verb + rank | verb + rank
        # verb + scope + rank | scope + verb + rank | verb + rank | scope + 第N (增速全国第一)
        self.ranking = patterns.compile(
            f"(?:(?:{verbs}){scope}(?:{verbs})?|{scope}(?:{verbs})|(?:{verbs})){rank}"
            f"|(?P<scope2>{scopes})第(?P<pos2>{_ORDINAL})(?:{suffix})?(?![次届批个轮期项条家件号0-9零一二三四五六七八九十])")
        self.first_words = d["first_words"]
        # continuation of a ranking list: 分别排名第三和第四 / 第三、第四
        self.continuation = patterns.compile(f"^(?:和|、|,|及|与)(?:分别)?(?:{verbs})?第(?P<pos>{_ORDINAL})(?:{suffix})?")

    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        for m in self.ranking.finditer(text):
            attrs = self._attrs(m)
            if attrs is None:
                continue
            docstate.add_span(doc, m.start(), m.end(), "RANKING", attrs)
            end = m.end()
            while (cont := self.continuation.match(text[end:end + 12])) is not None:
                start = end + cont.start("pos") - 1  # include 第
                end = end + cont.end()
                docstate.add_span(doc, start, end, "RANKING",
                                  {"position": read_int(cont.group("pos")), "top": False,
                                   "scope": attrs["scope"], "of": attrs["of"]})
        return doc

    def _attrs(self, m: re.Match) -> dict | None:
        if m.group("first"):
            position, top = self.first_words[m.group("first")], False
            if position is None:
                return None
        elif m.group("top"):
            position, top = read_int(m.group("top")), True
        else:
            position, top = read_int(m.group("pos") or m.group("bare") or m.group("pos2")), False
        of = read_int(m.group("of")) if m.group("of") else None
        return {"position": position, "top": top, "scope": m.group("scope") or m.group("scope2"), "of": of}


@Language.factory("govspeech_ranking", default_config={"data_path": None},
                  default_score_weights={"gs_strict_RANKING_f": 0.1})
def make_ranking_recognizer(nlp: Language, name: str, data_path: str | None) -> RankingRecognizer:
    return RankingRecognizer(nlp, name, data_path)
