"""``govspeech_numbers``: QUANTITY and PERCENT spans with normalised values.

Reads Arabic and Chinese numerals, masked figures (``**亿元``), multipliers (万/亿/千万 …),
approximations glued to the number (近/约/多/余/以上/左右), ranges, percentages, percentage
points, fractions (三分之一) and 成.  Patterns and unit tables are in
``resources/rules/numbers.json``.
"""
from __future__ import annotations

from typing import Any

import re
from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.components.base import RuleComponent
from govspeech.components.numerals import CHINESE_NUMERAL_CHARS, chinese_to_number, read_number
from govspeech import patterns



_NOTE_MARK = patterns.compile(r"[［\[][0-9]{1,3}[］\]]")
_NOTE_HEAD = patterns.compile(r"(?m)^[ \t　]*[［\[][0-9]{1,3}[］\]][^\n：:，。；,;]{1,30}[：:][ \t　]*$")
_TERM_BEFORE_NOTE = patterns.compile(f"[{CHINESE_NUMERAL_CHARS}]+[个张大项条类批][^，。；、：:,;\\n［\\[]{{1,14}}$")


class NumberRecognizer(RuleComponent):
    resource = ("rules", "numbers.json")

    def compile(self) -> None:
        d = self.data
        self.multipliers: dict[str, float] = d["multipliers"]
        self.units: dict[str, str] = d["units"]
        self.arabic_only = set(d["units_needing_arabic"])
        self.vague = tuple(d["chinese_vague"])
        self.fixed = patterns.compile(patterns.words(d["fixed_terms"]))
        self.chinese_not_units = set(d.get("chinese_not_units", []))
        self.chinese_only = set(d.get("units_needing_chinese", []))
        self.unit_not_after: dict[str, str] = d.get("unit_not_followed_by", {})
        # the counted noun names people within a few characters: 1000多万(失业)人员, 近1亿(农村贫困)人口
        self.people_noun = patterns.compile(f"\\p{{Han}}{{0,5}}?{patterns.words(d.get('people_nouns', []))}")
        self.household_noun = patterns.compile(f"\\p{{Han}}{{0,5}}?{patterns.words(d.get('household_nouns', []))}")
        self.duration_unit = d.get("duration_unit", "年")
        self.duration_not_after = set(d.get("duration_not_followed_by", ""))
        self.duration_not_before = tuple(d.get("duration_not_preceded_by", []))
        # 连续三年居全国第一: a run of years counts even in Chinese numerals (GUIDELINES 21)
        self.duration_counted_after = tuple(d.get("duration_counted_after", []))
        self.not_after = patterns.compile(patterns.words(d.get("not_followed_by", [])) or "(?!)")
        # a name in short quotes: “三个代表”, “15分钟”社区生活圈
        self.quoted = patterns.compile(r"“[^”\n]{1,12}”|\"[^\"\n]{1,12}\"")
        # a bare multiplier with 元 as a threshold: 亿元以上项目, 超亿元
        numeral_before = f"(?<![0-9*.{CHINESE_NUMERAL_CHARS}])"
        # a bare 万/千/百 counting: 万家民企, 万名青年, 上千名 (千家万户 is a phrase)
        self.bare_count = patterns.compile(
            f"(?<![0-9*.{CHINESE_NUMERAL_CHARS}{re.escape(d['not_preceded_by'])}万亿上数几家])(?P<mult>万|千|百)(?P<a1>多|余)?"
            f"(?P<unit>{patterns.words(d.get('bare_multiplier_units', []))})"
            f"(?!{patterns.words(d.get('bare_multiplier_not_followed_by', [])) or '(?!)'})")
        approx_before = patterns.words(d["approx_before"])
        # 翻一番, 接近翻一番, 翻两番: a doubling is a QUANTITY in 倍
        self.doubling_values: dict[str, float] = d.get("doubling", {})
        self.doubling = patterns.compile(
            f"(?P<pre>{approx_before})?(?:{patterns.words(self.doubling_values) or '(?!)'})")
        # 15.6万套（间）: an alternative counter in brackets belongs to the figure
        self.unit_at = patterns.compile(patterns.words(self.units))
        self.alt_unit = patterns.compile(f"[（(](?:{patterns.words(self.units)})[）)]")
        self.bare = patterns.compile(
            f"(?P<pre>超过|超|逾|近){numeral_before}(?P<mult>万亿|亿|千万|百万|万)元"
            f"|{numeral_before}(?P<mult2>万亿|亿|千万|百万|万)元(?P<post>以上)"
            # 突破万亿元, 两个万亿元台阶: 万亿 needs no numeral (千亿元 is read as 千 + 亿)
            f"|{numeral_before}(?P<mult3>万亿)元")
        arabic = r"[0-9*]+(?:,[0-9*]{3})*(?:\.[0-9*]+)?"
        chinese = f"[{CHINESE_NUMERAL_CHARS}]+"
        num = f"(?:{arabic}|{chinese}|上(?=[千万亿百]))"  # 上千万, 上亿: "as many as"
        not_before = f"(?<![A-Za-z0-9.*{CHINESE_NUMERAL_CHARS}{re.escape(d['not_preceded_by'])}])"
        # the 'not_preceded_by' words (星期, 周, 唯, 逐 …) only glue to Chinese numerals
        # (星期三, 唯一); an Arabic figure after them is a figure (卫星12颗) unless it is an ordinal
        arabic_not_before = f"(?<![A-Za-z0-9.*{CHINESE_NUMERAL_CHARS}第届每])"
        guarded = f"(?:{arabic_not_before}{arabic}|{not_before}(?:{chinese}|上(?=[千万亿百])))"
        pre = f"(?P<pre>{patterns.words(d['approx_before'])})?"
        rng = f"(?:(?P<joiner>{patterns.words(d['range_joiners'])})(?P<num2>{num}))?"
        mult = f"(?P<mult>{patterns.words(self.multipliers)})?"
        # 1000多万失业人员, 近1亿, 上千万: a multiplier but no unit
        self.multiplied = patterns.compile(
            f"{pre}(?<![0-9*.])(?P<num>{arabic}|上)(?P<a1>多|余)?(?P<mult>万亿|亿|千万|百万|万)(?P<a2>多|余)?(?![0-9元])(?P<post>以上|左右|上下)?")
        blocked = d.get("approx_after_unit_not_followed_by", {})
        post_unit = "|".join(re.escape(w) + (f"(?![{re.escape(blocked[w])}])" if w in blocked else "")
                             for w in sorted(d["approx_after_unit"], key=len, reverse=True))
        self.quantity = patterns.compile(
            f"{pre}(?P<num>{guarded}){rng}(?P<a1>{patterns.words(d['approx_after_number'])})?{mult}"
            f"(?P<a2>多|余)?(?P<unit>{patterns.words(self.units)})(?P<post>{post_unit})?")
        self.range_joiner = patterns.compile(f"(?:{patterns.words(d['range_joiners'])})")
        self.percent_words: dict[str, str] = d["percent_words"]
        # every percentage holds a percent word, 百分之, 分之 or a digit + 成; the scan only runs
        # near those (a figure of up to 64 characters before its first one: far beyond real text)
        self.percent = patterns.NearAnchor(patterns.compile(
            f"{pre}(?P<num>{guarded}){rng}(?P<a1>多|余)?(?P<pu>{patterns.words(self.percent_words)})"
            f"(?P<post>左右|以上|上下)?"
            f"|(?P<ppre>{approx_before})?百分之(?P<pnum>{num})"
            f"|(?P<dpre>{approx_before})?(?<![{CHINESE_NUMERAL_CHARS}])(?P<den>[{CHINESE_NUMERAL_CHARS}]+)分之(?P<numer>[{CHINESE_NUMERAL_CHARS}]+)"
            f"|(?P<cpre>{approx_before})?(?<![{CHINESE_NUMERAL_CHARS}0-9A-Za-z])(?P<cheng>[二三四五六七八九]|[1-9])成(?P<cpost>以上|左右)?(?![为了功立效果绩本员交就长型品都])"),
            patterns.compile(f"{patterns.words(self.percent_words)}|分之|[二三四五六七八九1-9]成"), before=64, after=64)

    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        # names: fixed terms and short quoted slogans hold no figures
        fixed = patterns.Occupancy(len(text), ((m.start(), m.end()) for m in self.fixed.finditer(text)))
        for m in self.quoted.finditer(text):
            fixed.add(m.start(), m.end())
        # terms a report explains in its notes: the note's head line (［4］三张“零关税”清单：) and
        # the term in the text right before its note marker (三张“零关税”清单［4］) are names
        for m in _NOTE_HEAD.finditer(text):
            fixed.add(m.start(), m.end())
        for m in _NOTE_MARK.finditer(text):
            term = _TERM_BEFORE_NOTE.search(text, max(0, m.start() - 20), m.start())
            if term is not None:
                fixed.add(term.start(), m.start())
        # a field size inside a ranking (全省86个县市排第64位) is part of the ranking
        taken = patterns.Occupancy(len(text), ((s.start_char, s.end_char) for s in docstate.refs(doc, "RANKING")))
        percents: list[tuple[int, int, dict]] = []
        for m in self.percent.finditer(text):
            attrs = self._percent_attrs(m)
            if attrs is not None and not fixed.covers(m.start(), m.end()) and not taken.overlaps(m.start(), m.end()):
                start = _after_negated_comparator(text, m, m.group("ppre") or m.group("dpre") or m.group("cpre"))
                percents.append((start, m.end(), attrs))
                taken.add(start, m.end())
        for start, end, attrs in _merge_ranges(text, percents, self.range_joiner):
            docstate.add_span(doc, start, end, "PERCENT", attrs)
        for m in self.doubling.finditer(text):
            if not taken.overlaps(m.start(), m.end()) and not fixed.covers(m.start(), m.end()):
                start = _after_negated_comparator(text, m)
                value = self.doubling_values[m.group(0)[len(m.group("pre") or ""):]]
                docstate.add_span(doc, start, m.end(), "QUANTITY",
                                  {"value": float(value), "unit": "倍", "masked": False, "approx": start == m.start() and bool(m.group("pre"))})
                taken.add(start, m.end())
        found: list[tuple[int, int, dict]] = []
        for m in self.quantity.finditer(text):
            if taken.overlaps(m.start(), m.end()) or fixed.covers(m.start(), m.end()):
                continue
            if self.not_after.match(text, m.end()):
                continue
            unit = m.group("unit")
            if not m.group("post") and m.end() < len(text) and text[m.end()] in self.unit_not_after.get(unit, ""):
                continue  # 14亿多人口, 2900多万家庭: the counter starts a noun
            attrs = self._quantity_attrs(m, text)
            if attrs is not None:
                start = _after_negated_comparator(text, m)
                if start != m.start():
                    attrs["approx"] = bool(m.group("a1") or m.group("a2") or m.group("post"))
                times = _TIMES_BEFORE.search(text, max(0, start - 6), start)
                if times is not None:  # 2×35万千瓦: two units of 350,000 kW
                    start = times.start()
                    if attrs["value"] is not None:
                        attrs["value"] *= int(times.group(1))
                end = m.end()
                alt = self.alt_unit.match(text, end)
                if alt is not None and not m.group("post"):
                    end = alt.end()
                found.append((start, end, attrs))
                taken.add(start, end)
        for m in self.multiplied.finditer(text):
            if taken.overlaps(m.start(), m.end()) or fixed.covers(m.start(), m.end()):
                continue
            u = self.unit_at.match(text, m.end())
            if not m.group("post") and u is not None and text[u.end():u.end() + 1] not in self.unit_not_after.get(u.group(), ""):
                continue  # 30万吨级: a unit follows, the quantity pattern has judged it
            masked = "*" in m.group("num")
            value = None if masked else (1.0 if m.group("num") == "上" else read_number(m.group("num")))
            if value is not None:
                value *= self.multipliers[m.group("mult")]
            unit = ("户" if self.household_noun.match(text, m.end()) else
                    "人" if self.people_noun.match(text, m.end()) else None)
            approx = bool(m.group("pre") or m.group("a1") or m.group("a2") or m.group("post") or m.group("num") == "上")
            found.append((m.start(), m.end(), {"value": value, "unit": unit, "masked": masked, "approx": approx}))
            taken.add(m.start(), m.end())
        for m in self.bare_count.finditer(text):
            if taken.overlaps(m.start(), m.end()) or fixed.covers(m.start(), m.end()) \
                    or text.startswith(self.vague, m.start()) or self.not_after.match(text, m.end()):
                continue
            found.append((m.start(), m.end(), {"value": self.multipliers[m.group("mult")] if m.group("mult") in self.multipliers else 100.0,
                                               "unit": self.units[m.group("unit")], "masked": False, "approx": bool(m.group("a1"))}))
            taken.add(m.start(), m.end())
        for m in self.bare.finditer(text):
            if not taken.overlaps(m.start(), m.end()):
                mult = m.group("mult") or m.group("mult2") or m.group("mult3")
                found.append((m.start(), m.end(), {"value": self.multipliers[mult], "unit": "元", "masked": False,
                                                   "approx": not m.group("mult3")}))
        found = _share_list_units(text, sorted(found, key=lambda f: f[0]))
        for start, end, attrs in _merge_ranges(text, found, self.range_joiner):
            docstate.add_span(doc, start, end, "QUANTITY", attrs)
        return doc

    def _quantity_attrs(self, m: re.Match, text: str) -> dict[str, Any] | None:
        num, unit = m.group("num"), m.group("unit")
        is_chinese = num[0] in CHINESE_NUMERAL_CHARS or num == "上"
        if unit in self.chinese_only and not is_chinese:
            return None
        counted_run = is_chinese and unit == self.duration_unit and not m.group("pre") \
            and text.endswith(self.duration_counted_after, 0, m.start())
        if unit == self.duration_unit:
            # 延长30年, 13.5年: a duration; 2023年, **年 and 三年行动 are dates and names; 近8年 a period
            digits = num.split(".")[0]
            if (is_chinese and not counted_run) or "*" in num or len(digits) > 2 or m.group("mult") \
                    or (m.end() < len(text) and text[m.end()] in self.duration_not_after) \
                    or (m.group("pre") or "") in self.duration_not_before \
                    or text.endswith(self.duration_not_before, 0, m.start()):
                return None
        if is_chinese:
            approximated = bool(m.group("post"))  # 一个月以上 is a figure, 一个月 and 签约一批 are not
            num_start = m.start("num")
            if unit in self.arabic_only or (unit in self.chinese_not_units and num != "两") \
                    or (text.startswith(self.vague, num_start) and not approximated and not counted_run):
                return None
            if num in ("零", "〇"):
                return None  # 零部件, 零的突破
            if num == "二" and not m.group("mult"):
                return None  # 二次开发, 二次发掘: counts are written 两; 二 + counter is an adjective
            if unit == "元" and len(num) == 1 and not m.group("mult") and not approximated:
                return None  # 三元 is a name; sums in Chinese numerals carry a multiplier (三千万元)
            if num != "上" and chinese_to_number(num) is None:
                return None
        masked = "*" in m.group(0)
        value = None
        if not masked and m.group("num2") is None:
            value = 1.0 if num == "上" else read_number(num)
            if value is None:
                return None
            value *= self.multipliers.get(m.group("mult") or "", 1)
        approx = bool(m.group("pre") or m.group("a1") or m.group("a2") or m.group("post") or m.group("num2") or num == "上")
        return {"value": value, "unit": self.units[unit], "masked": masked, "approx": approx}

    def _percent_attrs(self, m: re.Match) -> dict[str, Any] | None:
        masked = "*" in m.group(0)
        if m.group("den"):
            den, numer = chinese_to_number(m.group("den")), chinese_to_number(m.group("numer"))
            if not den or numer is None:
                return None
            return {"value": 100.0 * numer / den, "unit": "%", "masked": False}
        if m.group("cheng"):
            return {"value": 10.0 * read_number(m.group("cheng")), "unit": "%", "masked": False}
        if m.group("pnum"):
            return {"value": read_number(m.group("pnum")), "unit": "%", "masked": masked}
        unit = self.percent_words[m.group("pu")]
        value = None if masked or m.group("num2") else read_number(m.group("num"))
        if unit == "‰":
            unit, value = "%", None if value is None else value / 10
        return {"value": value, "unit": unit, "masked": masked}


_TIMES_BEFORE = re.compile(r"(?<![0-9.])([0-9]{1,3})[×xX]$")


def _share_list_units(text: str, found: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    """10.6万、3.8万、3.3万平方公里: figures listed before one unit share it."""
    for i in range(len(found) - 2, -1, -1):
        start, end, attrs = found[i]
        n_start, _, n_attrs = found[i + 1]
        if attrs["unit"] is None and n_attrs["unit"] and text[end:n_start] in ("、", "和", "及", ","):
            found[i] = (start, end, {**attrs, "unit": n_attrs["unit"]})
    return found


def _after_negated_comparator(text: str, m: re.Match, pre: str | None = None) -> int:
    """不超过120个: the comparator stays out of the span (it bounds, it does not approximate)."""
    pre = pre if pre is not None else m.group("pre")
    if pre and m.start() > 0 and text[m.start() - 1] == "不":
        return m.start() + len(pre)
    return m.start()


def _merge_ranges(text: str, found: list[tuple[int, int, dict]], joiner: re.Pattern) -> list[tuple[int, int, dict]]:
    """``5000万元至1亿元``, ``5%—5.5%``: one range, two figures of one unit joined by 至/-/到."""
    out: list[tuple[int, int, dict]] = []
    for start, end, attrs in found:
        if out:
            p_start, p_end, p_attrs = out[-1]
            gap = joiner.fullmatch(text, p_end, start)
            # 从72%到76%: a change from one figure to another, not a range
            if gap is not None and p_attrs["unit"] == attrs["unit"] and text[p_start - 1:p_start] not in ("从", "由"):
                merged = {**p_attrs, "value": None, "masked": p_attrs["masked"] or attrs["masked"]}
                if "approx" in merged:
                    merged["approx"] = True
                out[-1] = (p_start, end, merged)
                continue
        out.append((start, end, attrs))
    return out


@Language.factory("govspeech_numbers", default_config={"data_path": None},
                  default_score_weights={"gs_strict_QUANTITY_f": 0.1, "gs_strict_PERCENT_f": 0.1})
def make_number_recognizer(nlp: Language, name: str, data_path: str | None) -> NumberRecognizer:
    return NumberRecognizer(nlp, name, data_path)
