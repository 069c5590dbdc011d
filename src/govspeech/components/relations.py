"""``govspeech_relations``: links indicators to their figures and directives to who and when.

Per sentence (:mod:`.structure`):

* **INDICATOR → QUANTITY/PERCENT/RANKING.**  A figure belongs to the nearest indicator before
  it in its sentence (so 生产总值达到**亿元，同比增长**%，排名全市第三 gives three relations);
  ``A、B分别增长x、y`` pairs in order, one figure after 分别 goes to each indicator.  The type
  comes from the cue words right before the figure (增长 → INCREASE, 下降 → DECREASE, 占 →
  SHARE, 完成年度任务的 → COMPLETION, ranking → RANK, else VALUE); in a directive or with a
  target cue (目标, 力争, 计划 …) it is TARGET.  A figure that modifies a noun
  (500万元以上的项目) or belongs to another place (全市平均) is not linked.
* **DIRECTIVE → DEPARTMENT (RESPONSIBLE).**  Departments named inside the directive, except
  ones that only receive (向市政府汇报), oversee (在市委的领导下), whose decision is carried
  out (落实区委的各项部署) or that are said to have acted already (市政府已明确), with the
  cue words in ``relations.json`` (``not_responsible``); otherwise the sentence's addressee (区交通运输局要…:
  一是…; 二是…) or a responsibility note after it (（牵头单位：区水务局）).
* **DIRECTIVE → DEADLINE (DUE).**  Deadlines inside the directive.

Indicator candidates that end up without a figure are removed (``prune_unlinked``), because
the scheme marks an indicator only when the sentence reports something about it.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.docstate import SpanRef as Span  # the linker needs labels and offsets only
from govspeech.components.base import RuleComponent
from govspeech.components.structure import StructureReader
from govspeech import patterns

_LIST_SEP = patterns.compile(r"^[、和及与,，]{1,2}$")
# a collective stand-in for the indicators just listed: 主要经济指标, 4项, 全部, 均
_GENERIC_HEAD = patterns.compile(r"指标|[0-9一二三四五六七八九十]+项|全部|均|都")
_GROUP_END = patterns.compile(r"^(?:等|等等)?(?:[0-9一二三四五六七八九十]+(?:项|个))?$")
# a body that leads, oversees or supports the work rather than doing it: 在市委、市政府的坚强领导下,
# 接受人大依法监督、政协民主监督
_OVERSEER_AFTER = patterns.compile(r"^(?:的)?(?:坚强|正确|统一|亲切)?(?:领导|指导|关心|支持|帮助)下|^(?:依法|民主|法律|舆论|社会)?监督")
# conjuncts of one coordination: 区委、区政府; 区政府党组 (adjacent bodies) share a role too
_JOINER = patterns.compile(r"^(?:、|和|及|与|以及|)$")
# a notice's salutation line (各镇人民政府，区政府各委、办、局：) is one clause of addressees
_SENTENCE_INSIDE = patterns.compile(r"[。;；!?！？]")
_ADDRESSEE_AFTER = patterns.compile(r"^(?:、|和|及|,|，|要|必须|务必|负责|牵头|主动|切实|进一步|迅速|尽快|立即|抓紧|全力|认真|严格|:|：)")
_RESPONSIBILITY_NOTE = patterns.compile(r"[。;；]?\s*[(（](?:[^()（）\n]{0,6}(?:单位|部门|责任|牵头|负责)[^()（）\n]*)[)）]")
# a figure followed by 的 or straight by a noun sizes that noun (500万元以上的项目, 700万吨露天煤矿)
_MODIFIER_AFTER = patterns.compile(r"^(?:以上|以下|以内|左右)?+(?:的|\p{Han})")  # ?+: 4%以内。 is no modifier
# …unless what follows is punctuation, or goes on with a change or a level (从A提高到B, 5万家增加到…)
_CONTINUES_WITH_CUE = patterns.compile(
    r"^(?:以上|左右|上下)?(?:提高|增加|增长|上升|提升|扩大|下降|减少|降低|回落|缩小|跃升|跃居|突破|达到|到|至|[增降升减]至|和|及|与|同比|比上年|分别|占|的增速|的目标|的任务|多"
    r"|以上|左右|,|，|;|；|。|、|\)|）)")
# a horizon year makes the rest of its sentence a plan (到2030年，…) unless a change reaches it
# (提高到2025年的14万元) or it is a figure (达到20.25%)
_HORIZON_YEAR = patterns.compile(r"(?<![达高加长升大降少低滑落年])到20[0-9]{2}年")  # 2020年到2025年 is a period
# what separates two items of one list of figures: 新增A 6000家、B 1.76万家; 新增X，其中Y
_NEXT_ITEM = patterns.compile(r"(?:、|[，,]其中)$")
_TASK_NOUN = patterns.compile(r"任务|目标|计划")
# 超额完成国家下达目标任务: a target reported as met is no target cue for the figures after it
_TARGET_MET = patterns.compile(r"(?:完成|实现|达到|下达)[^，。；,;]{0,6}$")
_SMALL_CHINESE_COUNT = patterns.compile(r"^[一二两三四五六七八九十]+[个项条件家大]")


class _Covered(NamedTuple):
    """The characters of a text covered by its directives and by its indicators."""
    directives: patterns.Occupancy
    indicators: patterns.Occupancy


class RelationLinker(RuleComponent):
    resource = {"rules": ("rules", "relations.json"), "structure": ("rules", "directive.json")}

    def __init__(self, nlp: Language, name: str, data_path: str | None = None, prune_unlinked: bool = True) -> None:
        self.prune_unlinked = prune_unlinked
        super().__init__(nlp, name, data_path)

    def compile(self) -> None:
        r, s = self.data["rules"], self.data["structure"]
        self.structure = StructureReader(s["markers"], s["heading_markers"], s["heading_max_chars"])
        self.increase = patterns.compile(patterns.words(r["increase"]))
        self.decrease = patterns.compile(patterns.words(r["decrease"]))
        self.share = patterns.compile(patterns.words(r["share"]))
        self.share_before_whole = patterns.compile(f"(?:{patterns.words(r['share'])})[^，。；,;：:！？!?\n]{{0,4}}$")
        self.completion = patterns.compile(patterns.words(r["completion"]))
        self.completion_name = patterns.compile(patterns.words(r["completion_names"]) + "$")
        self.completion_before = patterns.compile(patterns.words(r.get("completion_before_figure", [])) + "$")
        self.target = patterns.compile(patterns.words(r["target"]))
        self.target_in_sentence = patterns.compile(patterns.words(r["target_in_sentence"]))
        self.increase_before = patterns.compile(patterns.words(r["increase_before_indicator"]) + r"$")
        self.other_place = patterns.compile(patterns.words(r["other_place"]))
        self.class_units = set(r["class_modifier_units"])
        self.class_bound = patterns.compile(f"(?:{patterns.words(r['class_modifier_bounds'])})$|[至到~～—-]")
        # …also through the year reached: 提高到2025年的14万元
        self.level_after_change = patterns.compile(patterns.words(r["level_after_change"]) + r"(?:20[0-9]{2}年[底末]?的?)?\s*$")
        passive = r["not_responsible"]
        self.object_before = patterns.compile(patterns.words(passive["before"]) + "$")
        self.with_before = patterns.compile(patterns.words(passive["with"]) + "$")
        self.not_carried_after = patterns.compile(patterns.words(passive.get("not_carried_after", [])) + "$")
        self.not_actor_after = patterns.compile(
            f"^[)）]?(?:[(（][^)）\\n]{{1,6}}[)）])?(?:的?(?:“[^”\\n]{{1,10}}”)?(?:{patterns.words(passive['after_decision_modifiers'])})?"
            f"(?:{patterns.words(passive['after_decision'])})|{patterns.words(passive['after_done'])})")

    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        sentences = self._sentences(text)
        starts = [s for s, _ in sentences]

        def sentence_of(span: Span) -> int:
            return max(bisect_left(starts, span.start_char + 1) - 1, 0)

        by_sentence: dict[int, list[Span]] = {}
        for span in sorted(docstate.refs(doc), key=lambda s: (s.start_char, -s.end_char)):
            by_sentence.setdefault(sentence_of(span), []).append(span)
        all_spans = [span for group in by_sentence.values() for span in group]
        covered = _Covered(*(patterns.Occupancy(len(text), ((s.start_char, s.end_char) for s in all_spans if s.label_ == label))
                             for label in ("DIRECTIVE", "INDICATOR")))
        departments = sorted((s for s in all_spans if s.label_ == "DEPARTMENT"), key=lambda s: s.start_char)
        for k, spans in by_sentence.items():
            self._link_figures(doc, text, spans, covered, sentences[k][0])
            self._link_directives(doc, text, spans, sentences[k], departments)
        if self.prune_unlinked:
            linked = {h for h, _, _ in docstate.relations(doc)}
            docstate.remove_spans(doc, [s for s in docstate.refs(doc, "INDICATOR")
                                        if docstate.span_key("INDICATOR", s.start_char, s.end_char) not in linked])
        return doc

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        current = -1
        for unit in self.structure.units(text):
            if unit.sentence != current:
                out.append((unit.start, unit.end))
                current = unit.sentence
            else:
                out[-1] = (out[-1][0], unit.end)
        return out or [(0, len(text))]

    # -- indicator → figure -----------------------------------------------------------------
    def _link_figures(self, doc: Doc, text: str, spans: list[Span], covered: _Covered,
                      sentence_start: int) -> None:
        indicators = [s for s in spans if s.label_ == "INDICATOR"]
        figures = [s for s in spans if s.label_ in ("QUANTITY", "PERCENT", "RANKING")]
        if not indicators or not figures:
            return
        used_respectively: set[int] = set()
        previous_end = 0
        last: tuple[Span, Span, str] | None = None  # (indicator, figure, type) of the last plain link
        added_items: set[int] = set()  # starts of indicators whose INCREASE a 新增 before the list gives
        for i, fig in enumerate(figures):
            if i in used_respectively:
                continue
            counted = next((ind for ind in indicators if ind.start_char == fig.end_char
                            or (ind.start_char == fig.end_char + 1 and text[fig.end_char] == "的"
                                and _TASK_NOUN.match(text, ind.end_char))), None)
            if counted is not None and self._names_class(doc, text, fig):
                previous_end = fig.end_char  # 亿元以上【项目】82个: the figure says which projects
                continue
            if counted is not None:  # 5个【停车场】 / 83亿元的【投资】任务: the figure measures the noun after it
                clause_start = max(text.rfind(ch, 0, fig.start_char) for ch in ",，;；。:：\n") + 1
                cue = text[clause_start:fig.start_char] + ("目标" if counted.start_char > fig.end_char else "")
                self._relate(doc, text, counted, fig, cue, covered, sentence_start)
                previous_end = fig.end_char
                continue
            if fig.label_ == "RANKING":
                listed = self._ranked_list(text, indicators, fig)
                if listed:  # 增速4项排第一(农业增加值、三产增加值…) / A、B等主要指标均位列全市第一
                    for ind in listed:
                        self._relate(doc, text, ind, fig, "", covered, sentence_start)
                    previous_end = fig.end_char
                    continue
            before = [ind for ind in indicators if ind.end_char <= fig.start_char]
            if not before:
                previous_end = fig.end_char
                continue
            if self._is_modifier(text, fig):
                previous_end = fig.end_char
                continue
            head = before[-1]
            # "X占Y的Z%": the share belongs to X, Y is the whole
            # (the 占 stands right before Y: in "A占总量的34.7%；B 5144元，增长5.1%" B is no whole)
            if len(before) > 1 and fig.label_ == "PERCENT" and self.share_before_whole.search(
                    text, before[-2].end_char, head.start_char):
                head = before[-2]
            cue = text[max(head.end_char, previous_end):fig.start_char]
            if self.other_place.search(cue):
                previous_end = fig.end_char
                continue
            if "分别" in cue:
                group = self._coordinated(text, before)
                figs = self._figure_list(text, figures, i)
                if len(group) > 1 and len(figs) == len(group):
                    for ind, f in zip(group, figs):
                        self._relate(doc, text, ind, f, text[head.end_char:figs[0].start_char], covered, sentence_start)
                    used_respectively.update(figures.index(f) for f in figs)
                    previous_end = figs[-1].end_char
                    continue
                if len(group) > 1 and len(figs) == 1:
                    for ind in group:
                        self._relate(doc, text, ind, fig, cue, covered, sentence_start)
                    previous_end = fig.end_char
                    continue
            if last is not None and last[0] is head and _LIST_SEP.match(cue) and last[1].label_ == fig.label_:
                # 分别增长9.4%、9.1%: a figure listed right after another one keeps its relation
                docstate.add_relation(doc, head, fig, last[2])
            elif last is not None and last[0] is head and last[2] == "SHARE" and self.level_after_change.search(cue):
                docstate.add_relation(doc, head, fig, "SHARE")  # 比重从15.8%提高到27.2%: still a share
            else:
                rel_type = self._relate(doc, text, head, fig, cue, covered, sentence_start,
                                        listed_after=last if last is not None and last[1].label_ == fig.label_
                                        and _NEXT_ITEM.match(text, last[1].end_char, head.start_char) else None,
                                        added_items=added_items)
                last = (head, fig, rel_type)
            previous_end = fig.end_char

    def _ranked_list(self, text: str, indicators: list[Span], fig: Span) -> list[Span]:
        """Indicators a ranking covers when the text ranks a list: in brackets right after it,
        or listed right before a collective stand-in (主要经济指标全部/4项/均)."""
        if text[fig.end_char:fig.end_char + 1] in "(（":
            close = min((i for i in (text.find(")", fig.end_char), text.find("）", fig.end_char)) if i > 0),
                        default=-1)
            inside = [ind for ind in indicators if fig.end_char < ind.start_char and (close < 0 or ind.end_char <= close)]
            if inside:
                return inside
        before = [ind for ind in indicators if ind.end_char <= fig.start_char]
        if not before:
            return []
        stand_in = text[before[-1].end_char:fig.start_char]
        if not _GENERIC_HEAD.search(stand_in) and not _GENERIC_HEAD.search(text[before[-1].start_char:before[-1].end_char]):
            return []
        group = before[-1:] if not _GENERIC_HEAD.search(text[before[-1].start_char:before[-1].end_char]) else []
        for ind in reversed(before[:-1]):
            anchor = group[0].start_char if group else before[-1].start_char
            gap = text[ind.end_char:anchor]
            if _LIST_SEP.match(gap) or (not group and _GROUP_END.match(gap)):
                group.insert(0, ind)
            else:
                break
        return group if len(group) > 1 else []

    def _names_class(self, doc: Doc, text: str, fig: Span) -> bool:
        """A bound or range of a measure right before a noun (亿元以上项目, 5000万元至1亿元项目)."""
        unit = docstate.state(doc)["attrs"].get(docstate.span_key(fig.label_, fig.start_char, fig.end_char), {}).get("unit")
        return fig.label_ == "QUANTITY" and unit in self.class_units and self.class_bound.search(
            text, fig.start_char, fig.end_char) is not None

    def _is_modifier(self, text: str, fig: Span) -> bool:
        after = text[fig.end_char:fig.end_char + 4]
        if fig.label_ == "RANKING" or _CONTINUES_WITH_CUE.match(after):
            return False
        # 讲四个方面, 推进五个着力: a small count in Chinese numerals structures the text
        return bool(_MODIFIER_AFTER.match(after)) or bool(_SMALL_CHINESE_COUNT.match(text[fig.start_char:fig.end_char]))

    def _coordinated(self, text: str, before: list[Span]) -> list[Span]:
        group = [before[-1]]
        for ind in reversed(before[:-1]):
            if _LIST_SEP.match(text[ind.end_char:group[0].start_char]):
                group.insert(0, ind)
            else:
                break
        return group

    def _figure_list(self, text: str, figures: list[Span], i: int) -> list[Span]:
        out = [figures[i]]
        for f in figures[i + 1:]:
            if _LIST_SEP.match(text[out[-1].end_char:f.start_char]) and f.label_ == out[0].label_:
                out.append(f)
            else:
                break
        return out

    def _relate(self, doc: Doc, text: str, indicator: Span, fig: Span, cue: str, covered: _Covered,
                sentence_start: int, listed_after: tuple[Span, Span, str] | None = None,
                added_items: set[int] | None = None) -> str:
        rel_type = self.relation_type(text, indicator, fig, cue, covered, sentence_start)
        counted_by_added = self._after_increase_word(text, indicator) or (
            listed_after is not None and listed_after[2] == "INCREASE" and not cue.strip("超近约逾")
            and added_items is not None and listed_after[0].start_char in added_items)
        if rel_type == "VALUE" and counted_by_added:
            rel_type = "INCREASE"  # 新增国家级青年人才475名; 新增高新技术企业6000家、科技型中小企业1.76万家、…
        if rel_type == "INCREASE" and counted_by_added and added_items is not None:
            added_items.add(indicator.start_char)  # the next item of the list is counted by the same 新增
        docstate.add_relation(doc, indicator, fig, rel_type)
        return rel_type

    def _after_increase_word(self, text: str, indicator: Span) -> bool:
        """Does 新增 (or another 'increase_before_indicator' word) stand right before ``indicator``?"""
        return self.increase_before.search(text, max(0, indicator.start_char - 3), indicator.start_char) is not None

    def relation_type(self, text: str, indicator: Span, fig: Span, cue: str, covered: _Covered,
                      sentence_start: int) -> str:
        if fig.label_ == "RANKING":
            return "RANK"
        if fig.label_ == "PERCENT" and (self.completion.search(cue) or self.completion_before.search(cue) or self.completion_name.search(
                text, indicator.start_char, indicator.end_char)):
            return "COMPLETION"
        # a plan figure: inside a task, or after a target cue earlier in its sentence (预期目标是：…)
        # that is not part of an indicator's name (人均预期寿命)
        in_plan = (covered.directives.covers(fig.start_char, fig.end_char) or bool(self.target.search(cue))
                   or any(not covered.indicators.overlaps(m.start(), m.end()) and text[m.start() - 1:m.start()] != "为"
                          and not _TARGET_MET.search(text, max(sentence_start, m.start() - 8), m.start())
                          for m in self.target_in_sentence.finditer(text, sentence_start, fig.start_char))
                   or bool(_HORIZON_YEAR.search(text, sentence_start, fig.start_char)))
        if in_plan:
            return "TARGET"
        if fig.label_ == "QUANTITY" and "翻" in text[fig.start_char:fig.end_char]:
            return "INCREASE"  # 数量实现翻番: a doubling is a growth whatever the cue before it
        if fig.label_ == "PERCENT" and self.share.search(cue):
            return "SHARE"
        if self.level_after_change.search(cue):
            return "VALUE"  # 从A提高到B: B is the level reached
        if self.decrease.search(cue):
            return "DECREASE"
        if self.increase.search(cue):
            return "INCREASE"
        return "VALUE"

    # -- directive → department / deadline ----------------------------------------------------
    def _link_directives(self, doc: Doc, text: str, spans: list[Span], sentence: tuple[int, int],
                         all_departments: list[Span]) -> None:
        directives = [s for s in spans if s.label_ == "DIRECTIVE"]
        if not directives:
            return
        departments = [s for s in spans if s.label_ == "DEPARTMENT"]
        deadlines = [s for s in spans if s.label_ == "DEADLINE"]
        # _actors already leaves out receiving bodies (向市政府…)
        addressees = [d for d in self._actors(text, departments) if d.start_char < directives[0].start_char + 40
                      and _ADDRESSEE_AFTER.match(text[d.end_char:d.end_char + 4])]
        addressees = self._subjects(text, departments, addressees)
        for directive in directives:
            inside = [d for d in departments if directive.start_char <= d.start_char and d.end_char <= directive.end_char]
            responsible = self._actors(text, inside)
            if not responsible:
                responsible = [d for d in addressees if d.end_char <= directive.start_char + 40]
            if not responsible:
                responsible = self._saluted(text, sentence[0], all_departments)
            responsible += self._noted_after(text, directive, all_departments)
            for dep in responsible:
                docstate.add_relation(doc, directive, dep, "RESPONSIBLE")
            for deadline in deadlines:
                if directive.start_char <= deadline.start_char and deadline.end_char <= directive.end_char:
                    docstate.add_relation(doc, directive, deadline, "DUE")

    def _actors(self, text: str, inside: list[Span]) -> list[Span]:
        """The departments of a directive that carry it out: not those that only receive it
        (向市政府汇报), lead and oversee it (在市委的坚强领导下), whose decision it carries out
        (落实区委的各项部署) or that are reported as having acted (市政府已明确), nor the bodies
        coordinated with such a one (在市委、市政府和区委的坚强领导下)."""
        passive: list[bool] = []
        for i, dep in enumerate(inside):
            joined = i > 0 and _JOINER.match(text[inside[i - 1].end_char:dep.start_char]) is not None
            before = text[max(0, dep.start_char - 3):dep.start_char]
            after = text[dep.end_char:dep.end_char + 24]
            not_actor = self.object_before.search(before) is not None \
                or (not joined and self.with_before.search(before) is not None) \
                or _OVERSEER_AFTER.match(after) is not None or self.not_actor_after.match(after) is not None
            if joined and not_actor:  # the whole coordination shares the role of its last conjunct
                for j in range(i - 1, -1, -1):
                    passive[j] = True
                    if j == 0 or not _JOINER.match(text[inside[j - 1].end_char:inside[j].start_char]):
                        break
            passive.append(not_actor or (joined and passive[i - 1]))
        return [dep for dep, p in zip(inside, passive) if not p]

    def _subjects(self, text: str, departments: list[Span], addressees: list[Span]) -> list[Span]:
        """The addressees that can carry over to the sentence's later items: not a guided or
        supported object (引导三元、元盛等企业实施…;积极培育…), nor the bodies joined to one."""
        out = []
        for dep in addressees:
            head = dep
            while (i := departments.index(head)) > 0 and _JOINER.match(text[departments[i - 1].end_char:head.start_char]):
                head = departments[i - 1]
            if not self.not_carried_after.search(text, max(0, head.start_char - 4), head.start_char):
                out.append(dep)
        return out

    @staticmethod
    def _saluted(text: str, sentence_start: int, departments: list[Span]) -> list[Span]:
        """The addressees of a notice (各镇人民政府，区政府各委、办、局：) for the first
        sentence after its salutation line."""
        line_end = text.rfind("\n", 0, sentence_start)
        while line_end > 0 and text[line_end - 1] in "\n \t":
            line_end -= 1
        if line_end <= 0 or text[line_end - 1] not in ":：":
            return []
        if text[line_end:sentence_start].strip():
            return []  # something stands between the salutation and this sentence
        line_start = text.rfind("\n", 0, line_end - 1) + 1
        first = bisect_left([d.start_char for d in departments], line_start)
        named = [d for d in departments[first:] if d.end_char <= line_end]
        if not named:
            return []
        line = text[line_start:line_end - 1]
        if len(line) > 150 or _SENTENCE_INSIDE.search(line) or not (len(named) >= 2 or line.startswith("各")):
            return []
        return named

    @staticmethod
    def _noted_after(text: str, directive: Span, departments: list[Span]) -> list[Span]:
        """Departments of a responsibility note right after the directive: （牵头单位：…）."""
        m = _RESPONSIBILITY_NOTE.match(text, directive.end_char)
        if m is None:
            return []
        first = bisect_left([d.start_char for d in departments], m.start())
        out = []
        for dep in departments[first:]:
            if dep.start_char >= m.end():
                break
            if dep.end_char <= m.end():
                out.append(dep)
        return out


@Language.factory("govspeech_relations", default_config={"data_path": None, "prune_unlinked": True},
                  default_score_weights={"gs_relations_f": 0.2})
def make_relation_linker(nlp: Language, name: str, data_path: str | None, prune_unlinked: bool) -> RelationLinker:
    return RelationLinker(nlp, name, data_path, prune_unlinked)
