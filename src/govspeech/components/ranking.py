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


_NOT_PEER = "，。；、：,;:！？!?\\n的和与及"  # the peers named between a scope and a rank are one noun phrase
_COUNT_BEFORE = patterns.compile(f"[0-9{CHINESE_NUMERAL_CHARS}多几]+[个项]“?$")


class RankingRecognizer(RuleComponent):
    resource = ("rules", "ranking.json")

    def compile(self) -> None:
        d = self.data
        verbs, scopes, fields = patterns.words(d["verbs"]), patterns.words(d["scopes"]), patterns.words(d["fields"])
        suffix = patterns.words(d["ordinal_suffix"])
        # an ordinal that is a tier, a batch or part of a name: 第一方阵, 第二批, 全省第三极, 前1%
        stop = (f"(?![0-9*.{CHINESE_NUMERAL_CHARS}])"
                f"(?!{patterns.words(d.get('not_after_ordinal', [])) or '(?!)'})")
        scope = (f"(?P<scope>{scopes})(?:(?:(?P<of>[0-9]+|[{CHINESE_NUMERAL_CHARS}]+)个?)?(?:{fields}))?"
                 f"(?:中|里|内)?")
        # 排名倒数第一: counted from the bottom (position as written; the scheme has no attribute for it)
        rank = (f"(?:(?:倒数)?第(?P<pos>{_ORDINAL})(?:{suffix})?|前(?P<top>{_ORDINAL})(?:{suffix})?|(?P<bare>[0-9]+)位"
                f"|(?P<strongn>[0-9]+|[{CHINESE_NUMERAL_CHARS}]+)强(?![\\p{{Han}}”])"
                f"|(?P<first>{patterns.words(d['first_words'])}))")
        moves = patterns.words(d.get("moves", [])) or "(?!)"
        # 上升8位至第12位: a move by a number of places, then to the new one
        counted_moves = patterns.words(d.get("counted_moves", []))
        if counted_moves:
            moves = f"{moves}|(?:{counted_moves})(?:[0-9]+|[{CHINESE_NUMERAL_CHARS}]+)个?位(?:次)?(?:至|到)"
        strong_scopes = patterns.words(d.get("strong_scopes", [])) or "(?!)"
        # 由去年的第15位上升到第8位: the period of the old position may stand between 由/从 and it
        from_periods = f"(?:20[0-9]{{2}}|\\*{{2,4}})年|{patterns.words(d.get('from_periods', [])) or '(?!)'}"
        # verb + scope + rank | scope + verb + rank | verb + rank | scope + 第N / 前N / 首位 (增速全国第一, 保持全国首位)
        # | (verb +) scope + peers + N强 (跻身中国企业500强, 全国文化企业30强; not 世界500强企业, a kind of firm) | 第N名 | a move to a position (跃升至第7位, 从第8位)
        self.ranking = patterns.compile(
            f"(?:(?:(?:{verbs}){scope}(?:{verbs})?|{scope}(?:{verbs})|(?:{verbs})){rank}"
            f"|(?P<scope2>{scopes})(?:(?:第(?P<pos2>{_ORDINAL})|前(?P<top2>{_ORDINAL}))(?:{suffix})?|(?P<first2>{patterns.words(d['first_words'])}))"
            f"|(?:{verbs})?(?P<scope3>{strong_scopes})\\p{{Han}}{{0,8}}?(?P<strong3>[0-9]+|[{CHINESE_NUMERAL_CHARS}]+)强(?![\\p{{Han}}”])"
            # verb + scope + its peers + rank: 稳居全国区域碳市场首位, 居全省同类城市第二位
            f"|(?:{verbs})(?P<scope4>{strong_scopes})(?:(?![{_NOT_PEER}])\\p{{Han}}){{1,8}}?"
            f"(?:第(?P<pos5>{_ORDINAL})(?:{suffix})?|前(?P<top5>{_ORDINAL})(?:{suffix})?|(?P<first5>{patterns.words(d['first_words'])}))"
            f"|(?<!第)第(?P<pos3>{_ORDINAL})名"
            f"|(?:(?:{moves})|(?<=[由从])|[由从](?:{from_periods})的?)(?P<moved>第(?P<pos4>{_ORDINAL})(?:位|名)))"
            f"{stop}")
        self.first_words = d["first_words"]
        self.noun_tails: dict[str, str] = d.get("verb_start_ends_noun_after", {})
        # continuation of a ranking list: 分别排名第三和第四 / 第三、第四 / 从第12位跃升至第5位
        self.continuation = patterns.compile(
            f"^(?:(?:和|、|,|，|及|与)(?:分别)?(?:{verbs})?|(?:双双|均|再)?(?:{moves}))"
            f"第(?P<pos>{_ORDINAL})(?:{suffix})?{stop}")

    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        last_end = 0
        for m in self.ranking.finditer(text):
            attrs = self._attrs(m)
            if attrs is None or m.start() < last_end:
                continue
            if m.group("scope2") and _COUNT_BEFORE.search(text, max(0, m.start() - 5), m.start()):
                continue  # 取得“十个全国第一”: a count of first places, not a rank
            start = m.start("moved") if m.group("moved") else m.start()
            if start and text[start - 1] in self.noun_tails.get(text[start], ""):
                start += 1  # 总吨位居全国第二: the 位 of 位居 ends the noun before it
            docstate.add_span(doc, start, m.end(), "RANKING", attrs)
            end = m.end()
            while (cont := self.continuation.match(text[end:end + 12])) is not None:
                start = end + cont.start("pos") - 1  # include 第
                end = end + cont.end()
                docstate.add_span(doc, start, end, "RANKING",
                                  {"position": read_int(cont.group("pos")), "top": False,
                                   "scope": None if cont.group(0)[0] not in "和、,，及与" else attrs["scope"],
                                   "of": attrs["of"]})
            last_end = end
        return doc

    def _attrs(self, m: re.Match) -> dict | None:
        strong = m.group("strongn") or m.group("strong3")
        first = m.group("first") or m.group("first2") or m.group("first5")
        if first:
            position, top = self.first_words[first], False
            if position is None:
                return None
        elif m.group("top") or m.group("top2") or m.group("top5"):
            position, top = read_int(m.group("top") or m.group("top2") or m.group("top5")), True
        elif strong:
            position, top = read_int(strong), True
        else:
            position, top = read_int(m.group("pos") or m.group("bare") or m.group("pos2") or m.group("pos3")
                                     or m.group("pos4") or m.group("pos5")), False
        if position is None:
            return None
        of = read_int(m.group("of")) if m.group("of") else None
        return {"position": position, "top": top,
                "scope": m.group("scope") or m.group("scope2") or m.group("scope3") or m.group("scope4"),
                "of": of}


@Language.factory("govspeech_ranking", default_config={"data_path": None},
                  default_score_weights={"gs_strict_RANKING_f": 0.1})
def make_ranking_recognizer(nlp: Language, name: str, data_path: str | None) -> RankingRecognizer:
    return RankingRecognizer(nlp, name, data_path)
