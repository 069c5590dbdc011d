"""``govspeech_deadline``: DEADLINE spans (10月底前, 8月底, 年底前, 本周内, 国庆节前, 10月10日前 …).

A date-like expression with 前/之前/以前 is always a deadline.  One without (8月底, 年内, 9月中旬)
is one only inside a DIRECTIVE, so this component runs after ``govspeech_directive``; in a
review of past work the same words date a result.  Attributes: ``text`` as written and
``month``/``day`` when they can be read (年底 → month 12).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.components.base import RuleComponent
from govspeech.components.numerals import CHINESE_NUMERAL_CHARS, read_int
from govspeech import patterns

_MONTH = "(?:1[0-2]|0?[1-9]|\\*{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = "(?:3[01]|[12][0-9]|0?[1-9]|\\*{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"


class DeadlineRecognizer(RuleComponent):
    resource = ("rules", "deadline.json")

    def compile(self) -> None:
        d = self.data
        before = patterns.words(d["before_words"])
        parts = patterns.words(d["month_parts"])
        # 明年5月前, 次年3月底前: a year named relative to now belongs to the date
        relative_years = patterns.words(d.get("relative_years", [])) or "(?!)"
        date = (f"(?:(?P<year>20[0-9]{{2}}|\\*{{2,4}})年|{relative_years})?(?P<month>{_MONTH})月(?:份)?"
                f"(?:(?P<day>{_DAY})(?:日|号)|(?P<part>{parts}))?")
        # 2025年底, 2030年前 (but not 2023年前三季度, 2020年前后, 2019年前的水平, **年前: years ago)
        year_end = ("(?:(?P<year2>20[0-9]{2}|\\*{2,4})年(?:(?P<yend>底|末|内)"
                    "|(?<=20[0-9]{2}年)(?=(?:之|以)?前(?![0-9一二三四五六七八九十几半后的]))))")
        events = f"(?:{patterns.words(d['events'])})"
        # 本月25日前, 下周一前: a day of the current or next month or week
        rel_days = d.get("days_of_relative", {"months": [], "weeks": [], "weekdays": []})
        rel_day = (f"(?:{patterns.words(rel_days['months']) or '(?!)'})(?P<rday>{_DAY})(?:日|号)"
                   f"|(?:{patterns.words(rel_days['weeks']) or '(?!)'})(?:{patterns.words(rel_days['weekdays']) or '(?!)'})")
        # 全运会开幕前, 汛期到来前: an event's start or end closes a time limit (with 前 only)
        event_start = (f"(?<=[在于])(?:(?![在于的和与及，。；、])\\p{{Han}}){{2,8}}?"
                       f"(?:{patterns.words(d.get('event_moments', [])) or '(?!)'})(?=(?:之|以)?前)")
        self.pattern = patterns.compile(
            f"(?<![0-9{CHINESE_NUMERAL_CHARS}*\\-~])(?:{date}|{year_end}|(?P<event>{event_start}|{events})|(?P<relday>{rel_day})|(?P<rel>{patterns.words(d['relative_always'] + d['relative_in_directive'])})"
            # 3年内, 两个月内: a span of time from now that bounds a task
            f"|(?P<within>(?:[0-9]+|[{CHINESE_NUMERAL_CHARS}]+)(?:{patterns.words(d.get('within_units', []))})(?=内)))"
            f"(?P<before>{before}|以内|内)?")
        self.not_after_before = tuple(d.get("not_after_before", ()))
        # 较一季度前移3个位次, 比年初: the date is the standard of a comparison, not a time limit
        self.comparison_before = tuple(d.get("comparison_before", ()))
        self.always_rel = set(d["relative_always"])
        self.not_deadline = set(d["not_deadline"])

    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        spans = [(s.start_char, s.end_char) for s in docstate.refs(doc, "DIRECTIVE")]
        directives = patterns.Occupancy(len(text), spans)
        directive_starts = {start for start, _ in spans}
        for m in self.pattern.finditer(text):
            if m.group(0) in self.not_deadline or text.endswith(self.comparison_before, 0, m.start()):
                continue
            if m.group(0).endswith("前") and text.startswith(self.not_after_before, m.end()):
                continue  # 一季度前移, 年前列, 10月前后: the 前 belongs to another word
            in_directive = directives.covers(m.start(), m.end())
            opens_directive = m.start() in directive_starts
            if opens_directive and text[m.end():m.end() + 1] in (",", "，") and not m.group("before"):
                continue  # 8月份，全省现场会在我区召开: the date of an event
            has_before = bool(m.group("before"))
            if m.group("event"):
                if not (has_before and m.group("before") in ("前", "之前", "以前")):
                    continue
            elif m.group("relday"):
                # 每周一召开调度会 is a schedule; 每月5日前报送 a recurring time limit
                if not (has_before or (in_directive and not m.group("relday").startswith("每"))):
                    continue
            elif m.group("rel"):
                if m.group("rel") not in self.always_rel and not (in_directive or has_before):
                    continue
            elif m.group("month"):
                # inside a task any month is its date (确保8月份完成); outside only "…前"
                if not (has_before or in_directive):
                    continue
            elif m.group("within"):
                if not in_directive:
                    continue
            elif m.group("year2"):
                if not (has_before or in_directive):
                    continue
            docstate.add_span(doc, m.start(), m.end(), "DEADLINE", _date_attrs(m))
        return doc


def _date_attrs(m: re.Match) -> dict:
    month = day = None
    if m.group("month"):
        month = read_int(m.group("month"))
        day = read_int(m.group("day")) if m.group("day") else None
    elif m.group("rday"):
        day = read_int(m.group("rday"))
    elif m.group("yend") in ("底", "末") or any(end in (m.group("rel") or "") for end in ("年底", "年末")):
        month = 12
    return {"text": m.group(0), "month": month, "day": day}


@Language.factory("govspeech_deadline", default_config={"data_path": None},
                  default_score_weights={"gs_strict_DEADLINE_f": 0.1})
def make_deadline_recognizer(nlp: Language, name: str, data_path: str | None) -> DeadlineRecognizer:
    return DeadlineRecognizer(nlp, name, data_path)
