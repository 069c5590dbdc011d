"""``govspeech_directive``: DIRECTIVE spans — instructions, requirements and tasks.

The text is split into units (sentences and ``；`` items, :mod:`.structure`).  A unit is a
directive when it carries a modal cue (要, 必须, 确保 …) that is not part of another word
(主要, 重要 …) or inside quotes, or when it opens with an action verb right after a list
marker or in the plan part of a report (加快…, 推进…); results, problems and conditionals
without a modal cue are not.  Stand-alone headings are structure.  The span runs from the
first character after the list marker to the last character before the closing punctuation.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from govspeech import docstate
from govspeech.components.base import RuleComponent
from govspeech.components.structure import StructureReader, Unit
from govspeech import patterns

_QUOTED = patterns.compile(r"“[^”\n]{0,40}”|\"[^\"\n]{0,40}\"|《[^》\n]{0,60}》")


_HEADING_LINE_MAX = 30  # characters of a line that can be a section heading without a number
# …but not the title of the speech itself (在全区7-8月高质量发展重点工作调度会上的讲话)
_TITLE_LINE = re.compile(r"讲话|报告|会议|会上|致辞")


class DirectiveRecognizer(RuleComponent):
    resource = ("rules", "directive.json")

    def compile(self) -> None:
        d = self.data
        self.structure = StructureReader(d["markers"], d["heading_markers"], d["heading_max_chars"])
        self.modal = patterns.compile(patterns.words(d["modal_not"] + d["modal"]))
        self.modal_not = set(d["modal_not"])
        self.action_start = patterns.compile(f"^(?:{patterns.words(d['action_verbs'])})")
        self.result = patterns.compile(patterns.words(d["result"]))
        self.past_in_plan = patterns.compile(patterns.words(d["past"]))
        self.past = patterns.compile(patterns.words(d["past"] + d.get("past_outside_plan", [])))
        self.result_state = patterns.compile(patterns.words(d["result_state"]) + "$")
        self.problem = patterns.compile(patterns.words(d["problem"]))
        self.conditional = patterns.compile(patterns.words(d["conditional"]))
        self.plan_heading = patterns.compile(patterns.words(d["plan_headings"]))
        self.review_heading = patterns.compile(patterns.words(d["review_headings"]))
        self.not_line = patterns.compile(f"^(?:{patterns.words(d['not_directive_lines'])})")
        self.plan_title = patterns.compile(patterns.words(d.get("plan_document_titles", [])) or "(?!)")
        self.scope_heading = patterns.compile(patterns.words(d.get("scope_headings", [])) or "(?!)")
        self.assignment = patterns.compile("|".join(f"(?:{a})" for a in d.get("assignment", [])) or "(?!)")

    def __call__(self, doc: Doc) -> Doc:
        text = docstate.text(doc)
        plan_document = self.is_plan_document(docstate.document_head(doc))
        plan_mode = False
        previous: tuple[int, bool] = (-1, False)  # (sentence, was a directive) of the last unit
        for unit in self.structure.units(text):
            body = text[unit.body_start:unit.end]
            if unit.heading:
                plan_mode = self._mode_after_heading(body, plan_mode, plan_document)
                previous = (-1, False)
                continue
            # a ；item continuing a sentence whose last item was a directive lists more duties
            continues = len(body) >= 4 and previous == (unit.sentence, True) and not self.past.search(body) \
                and not (self.problem.search(body) and not self.action_start.match(body))
            directive = continues or self.is_directive(body, plan_mode, has_marker=unit.body_start > unit.start)
            if directive:
                docstate.add_span(doc, unit.body_start, unit.end, "DIRECTIVE", {})
            elif (unit.first_in_line and unit.end - unit.start <= 40 and text[unit.end:unit.end + 1] in ":："
                  and self.plan_heading.search(body)):
                # an unnumbered lead line such as "下半年重点抓好以下工作:" opens the plan part
                plan_mode = self._mode_after_heading(body, plan_mode, plan_document)
            elif (unit.first_in_line and unit.end - unit.start <= _HEADING_LINE_MAX and text[unit.end:unit.end + 1] in ("\n", "")
                  and (self.plan_heading.search(body) or self.review_heading.search(body))
                  and not _TITLE_LINE.search(body)):
                # an unnumbered section heading on a line of its own ("2026年重点工作",
                # "“十四五”时期工作回顾"), as web copies of reports print them
                plan_mode = self._mode_after_heading(body, plan_mode, plan_document)
            previous = (unit.sentence, directive)
        return doc

    def is_plan_document(self, head: str) -> bool:
        """Does the document's (normalised) title call it a plan (实施意见, 工作方案 …)?  Only the
        header counts, up to the first full stop: a report's opening sentences may mention a
        工作安排 without being one."""
        return self.plan_title.search(head.partition("。")[0]) is not None

    def _mode_after_heading(self, heading: str, plan_mode: bool, plan_document: bool = False) -> bool:
        """A heading opens the plan part or the review part, whichever its first cue says
        (上半年工作情况和下半年安排 opens a review that the next heading ends).  In a plan
        document every heading opens the plan part except review and scope ones (适用范围)."""
        review, plan = self.review_heading.search(heading), self.plan_heading.search(heading)
        if review and (not plan or review.start() < plan.start()):
            return False
        if plan:
            return True
        if plan_document and not self.plan_title.search(heading):  # the title itself opens nothing
            return not self.scope_heading.search(heading)
        return plan_mode

    def is_directive(self, body: str, plan_mode: bool, has_marker: bool = False) -> bool:
        if len(body) < 4 or self.not_line.match(body):
            return False
        if body[0] in "(（" and body[-1] in ")）":
            return False  # a note such as （牵头单位：区水务局）: it assigns the task before it
        plain = _QUOTED.sub(lambda m: "“" + "　" * (len(m.group()) - 2) + "”", body)
        modal = any(m.group() not in self.modal_not for m in self.modal.finditer(plain))
        if self.conditional.search(plain[:12]):
            return False
        if modal:
            return True
        if self.assignment.match(plain):  # 区经委负责贯彻落实…: a body given its duties
            return not self.past.search(plain)
        opens_with_action = bool(self.action_start.match(plain))
        if plan_mode:
            return not (self.problem.search(plain) and not opens_with_action) and not self.past_in_plan.search(plain)
        return (has_marker and opens_with_action and not self._is_result(plain)
                and not self.result_state.search(plain))

    def _is_result(self, plain: str) -> bool:
        return bool(self.result.search(plain))


@Language.factory("govspeech_directive", default_config={"data_path": None},
                  default_score_weights={"gs_overlap_DIRECTIVE_f": 0.2})
def make_directive_recognizer(nlp: Language, name: str, data_path: str | None) -> DirectiveRecognizer:
    return DirectiveRecognizer(nlp, name, data_path)


__all__ = ["DirectiveRecognizer", "Unit"]
