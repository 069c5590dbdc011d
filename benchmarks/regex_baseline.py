"""The plain-regex baseline: what a user would hack in an afternoon instead of using govspeech.

It is deliberately ordinary — no normalisation, no lexicons, no segmenter — so that the
benchmark shows what govspeech adds over the obvious approach:

* QUANTITY: Arabic digits or masks (``**``) with an optional 万/亿 multiplier and a unit from a
  short list (元, 亩, 个, 户, 人次 …), with 近/约/多/余/以上/左右 glued on;
* PERCENT: ``N%`` and ``N个百分点`` (checked first, so ``1.5个百分点`` is not a QUANTITY);
* RANKING: ``排名第N`` / ``排名全市第N位`` / ``居全省第N位``;
* DEADLINE: ``N月底前`` / ``N月前`` / ``N月N日前`` / ``年底前``;
* DEPARTMENT: ``各X`` (各部门, 各乡镇, 各级各部门) and ``区X局`` (a 省/市/区/县 prefix, at most six
  characters, then 局/委/办/政府/中心/部门);
* DIRECTIVE: every sentence (or ``；`` item) that contains 要, 必须 or 确保, or that opens with one
  of twenty common imperative verbs (加快, 推进, 加强 …: work reports state tasks as bare
  imperatives, and 要 alone finds few of them), without its list marker (一是, （三）, 2.);
* INDICATOR: the nearest noun before a figure — the Chinese characters between the start of
  the clause and the verb in front of the figure (达到, 增长, 下降 …), scope words such as 全区
  or 上半年 removed, at most eight characters;
* relations, only the trivial ones: indicator → the figure after its verb (VALUE, INCREASE or
  DECREASE by the verb; a figure without its own indicator goes to the sentence's previous
  one), indicator → a ranking later in its sentence (RANK), directive → the departments and
  deadlines inside it (RESPONSIBLE, DUE).
"""
from __future__ import annotations

import re
from typing import Any

from spec_record import RecordBuilder

_NUMBER = r"(?:\d+(?:\.\d+)?|\*+)"
_MULTIPLIERS = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4}
_UNITS = ("元", "亩", "个", "户", "人次", "人", "家", "项", "平方米", "平方公里", "公里", "公顷", "吨", "千瓦", "套",
          "所", "座", "条", "台", "辆", "次", "批", "件", "名", "处", "立方米")
_CN_DIGITS = {digit: value for value, digit in enumerate("一二三四五六七八九", 1)}


def _alternation(words) -> str:
    # longest first, so that 平方公里 wins over 公里
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


PERCENT = re.compile(rf"(?P<num>{_NUMBER})(?P<unit>%|％|个百分点)")
QUANTITY = re.compile(rf"(?P<before>近|约)?(?P<num>{_NUMBER})(?P<more>多|余)?(?P<mult>{_alternation(_MULTIPLIERS)})?"
                      rf"(?P<unit>{_alternation(_UNITS)})(?P<after>以上|左右)?")
RANKING = re.compile(r"(?:排名|排|居|位居|位列)(?P<scope>全[国省市区县])?第(?P<pos>\d+|[一二三四五六七八九十]+)(?:位|名)?")
DEADLINE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末|中旬|下旬|\d{1,2}日)?(?:之前|前)|年底前")
DEPARTMENT = re.compile(r"各(?:级|部门|有关部门|相关部门|单位|乡镇|街道|社区|地区|县区|区县)+"
                        r"|[省市区县][\u4e00-\u9fff]{0,6}?(?:局|委员会|委|办|政府|中心|部门)")
SENTENCE = re.compile(r"[^。！!；;\n]+")
LIST_MARKER = re.compile(r"[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[，,]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]")
DIRECTIVE_WORDS = re.compile(r"要|必须|确保")
IMPERATIVE_OPENING = re.compile(r"加快|推进|加强|推动|深化|坚持|强化|落实|抓好|做好|实施|完善|持续|全力|大力|积极|着力|扎实|"
                                r"深入|健全")
CLAUSE_BREAK = re.compile(r"[，,。！!；;：:、\n]")
VERB_BEFORE_FIGURE = re.compile(r"(?P<name>[\u4e00-\u9fff]*?)(?:同比|比上年)?(?P<verb>达到|达|完成|实现|增长|增加|提高|"
                                r"下降|减少|为)$")
SCOPE_WORDS = re.compile(r"^(?:全[国省市区县]|上半年|下半年|今年|去年|一季度|前三季度|全年|我[省市区县])+")
RELATION_OF_VERB = {"增长": "INCREASE", "增加": "INCREASE", "提高": "INCREASE", "下降": "DECREASE", "减少": "DECREASE"}


def _small_number(numeral: str) -> int | None:
    """``3``, ``三``, ``十二``, ``二十三`` → int (enough for ranks); None for anything else."""
    if numeral.isdigit():
        return int(numeral)
    tens, ten, units = numeral.rpartition("十")
    try:
        if not ten:
            return _CN_DIGITS[numeral]
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    except KeyError:
        return None


def _figure_attrs(match: re.Match, multiplier: float = 1.0) -> dict[str, Any]:
    masked = "*" in match["num"]
    return {"value": None if masked else float(match["num"]) * multiplier, "masked": masked}


def extract(text: str, doc_id: str | None = None) -> dict[str, Any]:
    """Spec record of ``text`` (offsets into ``text`` itself)."""
    record = RecordBuilder(text)
    taken = bytearray(len(text))  # characters already inside a PERCENT
    figures: list[tuple[int, int, int]] = []  # (start, end, id) of QUANTITY and PERCENT spans
    for m in PERCENT.finditer(text):
        attrs = _figure_attrs(m) | {"unit": "pp" if m["unit"] == "个百分点" else "%"}
        figures.append((m.start(), m.end(), record.add_span("PERCENT", m.start(), m.end(), attrs)))
        taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
    for m in QUANTITY.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        attrs = _figure_attrs(m, _MULTIPLIERS.get(m["mult"] or "", 1.0)) | {
            "unit": m["unit"], "approx": bool(m["before"] or m["more"] or m["after"])}
        figures.append((m.start(), m.end(), record.add_span("QUANTITY", m.start(), m.end(), attrs)))
    rankings = [(m.start(), record.add_span("RANKING", m.start(), m.end(),
                                            {"position": _small_number(m["pos"]), "scope": m["scope"]}))
                for m in RANKING.finditer(text)]
    deadlines = [(m.start(), m.end(), record.add_span("DEADLINE", m.start(), m.end(), {"text": m.group()}))
                 for m in DEADLINE.finditer(text)]
    departments = [(m.start(), m.end(), record.add_span("DEPARTMENT", m.start(), m.end(), {"canonical": m.group()}))
                   for m in DEPARTMENT.finditer(text)]

    for sentence in SENTENCE.finditer(text):
        stripped = sentence.group().strip()
        start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
        marker = LIST_MARKER.match(stripped)
        if marker:
            start, stripped = start + marker.end(), stripped[marker.end():]
        if not stripped:
            continue
        end = start + len(stripped)
        if DIRECTIVE_WORDS.search(stripped) or IMPERATIVE_OPENING.match(stripped):
            directive = record.add_span("DIRECTIVE", start, end)
            for tails, relation in ((deadlines, "DUE"), (departments, "RESPONSIBLE")):
                for first, last, tail in tails:
                    if start <= first and last <= end:
                        record.add_relation(directive, tail, relation)
        _link_indicators(text, record, start, end, figures, rankings)
    return record.record(doc_id)


def _link_indicators(text: str, record: RecordBuilder, start: int, end: int,
                     figures: list[tuple[int, int, int]], rankings: list[tuple[int, int]]) -> None:
    """Indicators of one sentence: the nearest noun before each figure's verb."""
    previous: int | None = None
    events = sorted([(s, "figure", i) for s, e, i in figures if start <= s and e <= end]
                    + [(s, "ranking", i) for s, i in rankings if start <= s < end])
    for position, kind, span_id in events:
        if kind == "ranking":
            if previous is not None:
                record.add_relation(previous, span_id, "RANK")
            continue
        clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, start, position)), default=start)
        before = VERB_BEFORE_FIGURE.search(text, clause_start, position)
        if before is None:
            continue
        name = SCOPE_WORDS.sub("", before["name"])[-8:]
        relation = RELATION_OF_VERB.get(before["verb"], "VALUE")
        if len(name) >= 2:
            name_end = before.start("name") + len(before["name"])
            previous = record.add_span("INDICATOR", name_end - len(name), name_end, {"canonical": name})
        if previous is not None:
            record.add_relation(previous, span_id, relation)
