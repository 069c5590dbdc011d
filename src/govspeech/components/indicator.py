"""``govspeech_indicator``: INDICATOR candidates with canonical names.

Sources:

* the indicator lexicon (``resources/lexicons/indicators.json``): every alias, longest match
  first, a separable scope prefix (全区, 全市 …) left out; ``canonical`` is the lexicon name;
* the *measured noun before a value*: for each QUANTITY/PERCENT/RANKING, the words of its
  clause to the left, cut at punctuation and function words, with scope, period and verb
  prefixes (开工建设, 引进, 接待 …) stripped — "counted things are indicators" (新开工项目*个);
* the conjuncts before an indicator that 分别 pairs with as many figures
  (基础设施、制造业投资分别增长9.4%、9.1% → 基础设施 too).

A candidate only stays if ``govspeech_relations`` links it to a value in its sentence (the
scheme's definition of an indicator); the linker removes the others.  Run this component
after ``govspeech_numbers`` and ``govspeech_ranking``.
"""
from __future__ import annotations

from bisect import bisect_right, insort

from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.components.base import RuleComponent
from govspeech.components.numerals import CHINESE_NUMERAL_CHARS
from govspeech import patterns

VALUE_LABELS = ("QUANTITY", "PERCENT", "RANKING")


class IndicatorRecognizer(RuleComponent):
    resource = {"lexicon": ("lexicons", "indicators.json"), "rules": ("rules", "relations.json")}

    def compile(self) -> None:
        lex, rules = self.data["lexicon"], self.data["rules"]
        self.canonical = {alias: entry["canonical"] for entry in lex["indicators"] for alias in entry["aliases"]}
        self.aliases = patterns.compile(patterns.words(self.canonical))
        # a lexicon name that ends the phrase, alone or before a growth word (一般公共预算收入增速)
        self.alias_suffix = patterns.compile(
            f"(?:{patterns.words(self.canonical)})(?:{patterns.words(rules['growth_attribute_words'])})?$")
        self.left_strip = patterns.compile(
            f"^(?:{patterns.words(lex['scope_prefixes'] + lex['period_words'] + rules['verb_prefixes'] + rules['lead_strip'])})+")
        evaluation = rules.get("evaluation_nouns", {"nouns": [], "cues": []})
        after_evaluation = "|".join(f"(?<={noun})" for noun in evaluation["nouns"]) or "(?!)"
        comparison = patterns.words(rules.get("comparison_words", {"words": []})["words"]) or "(?!)"
        self.trailing_cue = patterns.compile(
            f"(?:(?:{after_evaluation})(?:{patterns.words(evaluation['cues']) or '(?!)'}))?"
            f"(?:(?:{comparison})(?:(?:20[0-9]{{2}}|\\*{{2,4}})年|{patterns.words(lex['period_words'])}))?"
            f"(?:{patterns.words(rules['trailing_cues'] + rules['level_after_change'] + rules['increase'] + rules['decrease'] + rules['share'])})*$")
        # 规模以上工业增加值增速达到16.1%: the growth word after a lexicon name is the cue, not the name
        self.attribute_suffix = patterns.compile(
            f"({patterns.words(self.canonical)})(?:{patterns.words(rules['growth_attribute_words'])})")
        # (before-pattern, after-pattern) of the places where a lexicon name is not what is measured
        rank_words = rules.get("rank_words", {"words": [], "min_left": 3})
        self.rank_suffix = patterns.compile(
            f"(.{{{rank_words['min_left']},}}?)(?:{patterns.words(lex['scope_prefixes'])})?(?:{patterns.words(rank_words['words']) or '(?!)'})")
        self.not_measured = [(patterns.compile(f"(?:{patterns.words(c['before'])})$"), patterns.compile(patterns.words(c["after"])))
                             for c in rules.get("not_measured", {"contexts": []})["contexts"]]
        self.inner_cut = patterns.compile(patterns.words(rules["inner_cut"]))
        self.share_cuts = set(rules["inner_cut"]) & set(rules["share"])
        self.verb_only = set(rules["verb_only_names"])
        self.verb_only_after = patterns.compile(f"(?:{patterns.words(rules['verb_only_if_after'])})$")
        self.generic = patterns.compile(patterns.words(rules["generic_nouns"]))
        self.noun_after_stop = patterns.compile(patterns.words(rules["noun_after_stop"]))
        self.task_noun = patterns.compile(patterns.words(rules["task_nouns"]) + "$")
        # a "noun" before a figure that ends in a verb is the verb of a counted object (启动5个停车场)
        self.verb_end = patterns.compile(patterns.words(rules["verb_prefixes"]) + "$")
        self.attribute_words = set(rules["attribute_words"])
        self.stop = set(rules["stop_chars"])
        self.max_chars, self.min_chars = rules["max_chars"], rules["min_chars"]

    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        labels = {(s.start_char, s.end_char): s.label_ for s in docstate.refs(doc) if s.label_ in VALUE_LABELS}
        figures = sorted(labels)
        fig_ends = sorted(e for _, e in figures)
        taken = patterns.Occupancy(len(text), figures)
        # lexicon names are known before the figures are read (for the attribute-word rule)
        # …except the whole a share is taken of (占GDP比重) and the standard of a comparison (超过GDP增速)
        lexicon_names = [m for m in self.aliases.finditer(text)
                         if not any(before.search(text, max(0, m.start() - 4), m.start()) and after.match(text, m.end())
                                    for before, after in self.not_measured)]
        indicator_ends = sorted(m.end() for m in lexicon_names)

        def add(start: int, end: int) -> None:
            if taken.overlaps(start, end):
                return
            name = text[start:end]
            if name in self.attribute_words and self._indicator_earlier_in_sentence(text, start, indicator_ends):
                return  # 生产总值…，增速排名全市第二: the growth of the indicator before
            docstate.add_span(doc, start, end, "INDICATOR", {"canonical": self._canonical(name)})
            taken.add(start, end)
            insort(indicator_ends, end)

        # the measured noun before each figure, and the counted noun after a count (5个停车场):
        # first, because it ends exactly where the sentence says something about it
        for start, end in figures:
            after = self.noun_after(doc, text, start, end) if labels[(start, end)] == "QUANTITY" else None
            found = self._phrase_ending_at(text, start, fig_ends)
            if after is not None and (found is None or text.startswith("的", end)):
                add(*after)  # 5个停车场 / 83亿元的投资任务
            elif found is not None:
                add(*found)
        # 基础设施、制造业投资分别增长9.4%、9.1%: the conjuncts before an indicator shared by 分别,
        # whole (进口货值, not the lexicon's 进口); again after the lexicon names, which may head a list
        self._add_respective_conjuncts(doc, text, figures, add)
        # lexicon names elsewhere (社会消费品零售总额…，增长7.8%), widened to their noun phrase
        for m in lexicon_names:
            found = self._phrase_ending_at(text, m.end(), fig_ends)
            start = found[0] if found and found[0] <= m.start() else m.start()
            add(start, m.end())
        self._add_respective_conjuncts(doc, text, figures, add)
        return doc

    def _add_respective_conjuncts(self, doc: Doc, text: str, figures: list[tuple[int, int]], add) -> None:
        for ind in docstate.refs(doc, "INDICATOR"):
            for start, end in self._respective_conjuncts(text, ind.start_char, ind.end_char, figures):
                add(start, end)

    def _respective_conjuncts(self, text: str, start: int, end: int, figures: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Indicators coordinated before the one at ``start``–``end`` when a 分别 after it pairs
        them with as many figures (A、B和C分别增长x、y、z)."""
        respectively = _RESPECTIVELY.match(text, end)
        if respectively is None:
            return []
        k = bisect_right(figures, (respectively.end(), -1))
        listed = 0
        while k + listed < len(figures) and (listed == 0 or _JOINER.fullmatch(
                text, figures[k + listed - 1][1], figures[k + listed][0])):
            listed += 1
        clause_start = max(text.rfind(ch, 0, start) for ch in _CLAUSE_END) + 1
        pieces = _JOINER.split(text[clause_start:start])
        if listed < 2 or len(pieces) != listed or pieces[-1] != "":
            return []
        out, pos = [], clause_start
        for i, piece in enumerate(pieces[:-1]):
            lead = self.left_strip.match(piece) if i == 0 else None
            name_start = pos + (lead.end() if lead else 0)
            name_end = pos + len(piece)
            name = text[name_start:name_end]
            if not (self.min_chars <= len(name) <= self.max_chars) or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
                return []
            out.append((name_start, name_end))
            pos = name_end + 1
        return out

    @staticmethod
    def _indicator_earlier_in_sentence(text: str, pos: int, indicator_ends: list[int]) -> bool:
        k = bisect_right(indicator_ends, pos) - 1
        if k < 0:
            return False
        between = text[indicator_ends[k]:pos]
        return not any(ch in between for ch in "。；;!?！？\n")

    def _canonical(self, name: str) -> str:
        if name in self.canonical:
            return self.canonical[name]
        m = self.aliases.search(name)  # 地方财政总收入 → the lexicon name it ends with
        if m is not None and m.end() == len(name):
            return self.canonical[m.group()] if m.start() == 0 else name
        return name

    def _phrase_ending_at(self, text: str, pos: int, fig_ends: list[int]) -> tuple[int, int] | None:
        """The measured noun in the clause before ``pos``, without cue words, scope, period or verb."""
        floor = max(0, pos - 3 * self.max_chars, fig_ends[bisect_right(fig_ends, pos) - 1] if fig_ends and fig_ends[0] <= pos else 0)
        # the cue words right before the figure (达到了, 是, 为 …) may contain stop characters:
        # strip them first, then take the noun phrase that ends there
        cue = self.trailing_cue.search(text, floor, pos)
        end = cue.start() if cue is not None else pos
        left = end
        while left > floor and not text[left - 1].isdigit():
            if text[left - 1] == "”":
                # a short quoted name inside the noun: 新增“两院”院士7名, 专精特新“小巨人”企业397家
                quoted = _QUOTED_NAME_BEFORE.search(text, max(floor, left - 14), left)
                if quoted is None:
                    break
                left = quoted.start()
            elif text[left - 1] in self.stop:
                break
            else:
                left -= 1
        code = _CODE_BEFORE.search(text, max(floor, left - 3), left + 1) if left > floor else None
        if code is not None and code.end() == left + 1:
            left = code.start()  # 新增5A级物流企业, 建成5G基站: a digit glued to a Latin letter is part of the name
        if left > floor and text[left - 1].isdigit():
            unit = _DATE_UNIT.match(text, left, end)  # 2025年外国人来琼工作人数: the year is no part of it
            if unit is not None:
                left = unit.end()
        phrase = text[left:end]
        # cut at the last verb inside the phrase (仅实现零售总额), but never inside a lexicon name
        # that ends it (一般公共预算收入 holds 共)
        known = self.alias_suffix.search(phrase)
        protected = known.start() if known is not None else len(phrase)
        inner = None
        for inner in self.inner_cut.finditer(phrase, 0, protected):
            pass
        if inner is not None and inner.group() in self.share_cuts:
            return None  # 占GDP比重较2020年提高: after 占 comes the whole, not what is measured
        offset = inner.end() if inner is not None else 0
        strip = self.left_strip.match(phrase, offset)
        if strip is not None and strip.end() > protected:  # 建成保障性住房: 保障 belongs to the name
            strip = self.left_strip.match(phrase[:protected], offset)
        lead = phrase[:strip.end()] if strip else phrase[:offset]
        if strip:
            offset = strip.end()
        name = phrase[offset:]
        suffix = self.attribute_suffix.fullmatch(name) or self.rank_suffix.fullmatch(name)
        if suffix is not None:
            name = suffix.group(1)
        if name in self.verb_only and self.verb_only_after.search(lead):
            return None  # 计划投资3亿元: 投资 is the verb
        if self.verb_end.search(name):
            return None
        if not (self.min_chars <= len(name) <= self.max_chars) or not all("\u4e00" <= ch <= "\u9fff" or ch.isalpha() or ch in "“”" for ch in name.lstrip("0123456789")) \
                or name.startswith("”") or name.endswith("“"):
            return None
        return left + offset, left + offset + len(name)

    def noun_after(self, doc: Doc, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A counted noun right after a count: 5个【停车场】, 28条【示范街区】; or the measured
        noun of a task: 完成83亿元的【投资】任务."""
        unit = docstate.state(doc)["attrs"].get(docstate.span_key("QUANTITY", start, end), {}).get("unit")
        if unit is None or text[start] in CHINESE_NUMERAL_CHARS:
            return None  # 讲四个方面: small counts in Chinese numerals structure the text
        of_task = text.startswith("的", end)
        noun_start = end + 1 if of_task else end
        right = noun_start
        # a short quoted name may sit inside the noun: 144个“15分钟”社区生活圈建设项目
        code = _CODE.match(text, right)
        if code is not None:
            right = code.end()  # 8家【4S店】
        while right < len(text) and right - noun_start < self.max_chars + 6:
            q = _QUOTED_NAME.match(text, right)
            if q is not None:
                right = q.end()
            elif text[right] not in self.stop and "\u4e00" <= text[right] <= "\u9fff":
                right += 1
            else:
                break
        name = text[noun_start:right]
        for stop in (self.inner_cut, self.noun_after_stop):
            cut = stop.search(name, 1)
            if cut is not None:
                name = name[:cut.start()]
        trailing = self.trailing_cue.search(name)
        if trailing is not None:
            name = name[:trailing.start()]
        if of_task:
            task = self.task_noun.search(name)
            if task is None:
                return None  # 500万元以上的项目: a threshold, not a count of the noun
            name = name[:task.start()]
        if not (self.min_chars <= len(name) <= self.max_chars + 6) or name.startswith("“") or self.generic.search(name):
            return None  # 六项主要经济指标: a count of indicators, not an indicator
        return noun_start, noun_start + len(name)


_QUOTED_NAME = patterns.compile(r"“[^”\n]{1,12}”")
# the unit of a date that a figure before a name leaves behind (2025年…, 3月份…)
_DATE_UNIT = patterns.compile(r"(?:年度|年|月份|月|日|季度)")
# a model or grade code: 5G, 5A级, 4S店, 5G-A (not a figure: a digit glued to a capital letter)
_CODE = patterns.compile(r"[0-9]{1,2}[A-Z](?:-[A-Z])?(?![A-Za-z])")
_CODE_BEFORE = patterns.compile(r"(?<![0-9.,])[0-9]{1,2}[A-Z]")
_QUOTED_NAME_BEFORE = patterns.compile(r"“[^“”，。；,;\n]{1,12}”$")
_RESPECTIVELY = patterns.compile(r"[^，。；,;:：\n]{0,3}?分别")
# what joins the items of a coordination, of indicators or of figures
_JOINER = patterns.compile(r"[、和及与]")
_CLAUSE_END = "，。；,;:：!?！？\n"


@Language.factory("govspeech_indicator", default_config={"data_path": None},
                  default_score_weights={"gs_overlap_INDICATOR_f": 0.2})
def make_indicator_recognizer(nlp: Language, name: str, data_path: str | None) -> IndicatorRecognizer:
    return IndicatorRecognizer(nlp, name, data_path)
