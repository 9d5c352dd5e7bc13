"""Words prepared once per plan and language: names, each criterion's sentences, line heads.

Labels, units and templates are resolved when a plan is first explained in a language and
kept while the plan lives (a weak reference: a plan that is dropped takes its words with it),
so explaining a million results reads the set's labels once, not once per criterion per
record.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from ..results import CriterionResult, Verdict
from .catalogue import SUBJECTS, subject_words
from .criterion import CriterionWords
from .grammar import lower_first
from .i18n import format_number, pick
from .names import Names
from .phrases import phrase
from .sentences import ShapeWords
from .shapes import Shape, shape_of

if TYPE_CHECKING:
    from ..evaluators.plan import Plan

MARKS = {Verdict.PASS: "✓", Verdict.FAIL: "✗", Verdict.UNKNOWN: "?", Verdict.NOT_APPLICABLE: "–"}


class PlanWords:
    """Everything a plan's explanations need in one language, prepared once."""

    def __init__(self, plan: Plan, lang: str) -> None:
        model = plan.model
        self.plan, self.lang = plan, lang
        self.names = Names(model, lang)
        self.heading, self.noun, self.plural = subject_words(model.subject, lang)
        self.title = pick(model.title, lang)
        self.criteria = tuple(CriterionWords(item, self.names, self.noun) for item in plan.criteria)
        self.by_id = {words.item.id: words for words in self.criteria}
        self.titles = tuple(pick(item.criterion.title, lang) for item in plan.criteria)
        self.groups = tuple(f"{item.group.id}. {pick(item.group.title, lang)}" for item in plan.criteria)
        self.bands = {band.id: pick(band.label, lang) for band in model.decision.ratings}
        self._heads: list[dict[tuple[Verdict, float], str]] = [{} for _ in plan.criteria]
        self._conditions: dict[str, ShapeWords] = {}
        self.measured = bool(model.measures)

    def head(self, index: int, result: CriterionResult) -> str:
        """A criterion line up to its sentence: ``  ✗ A1 Không có bạo lực gia đình [bắt buộc] —
        chưa đạt (0/8 điểm)`` (kept per verdict and points: they repeat from record to record)."""
        key = (result.verdict, result.points)
        heads = self._heads[index]
        found = heads.get(key)
        if found is None:
            lang = self.lang
            flags = [
                phrase(lang, k) for k, on in (("veto", result.veto), ("mandatory", result.mandatory)) if on
            ]
            flag_text = f" [{', '.join(flags)}]" if flags else ""
            points = ""
            if result.max_points:
                got, top = format_number(result.points, lang), format_number(result.max_points, lang)
                points = f" ({got}/{top} {phrase(lang, 'points')})"
            item = self.plan.criteria[index]
            found = (
                f"  {MARKS[result.verdict]} {item.id} {self.titles[index]}{flag_text} — "
                f"{phrase(lang, result.verdict)}{points}"
            )
            if len(heads) < 64:
                heads[key] = found
        return found

    def field_heading(self, field: str) -> str:
        """A column as a heading says it: an input by its label, ``village_id`` as "thôn"
        (the subject it links to), anything else as written."""
        if field in self.plan.model.inputs:
            return lower_first(self.names.label(field))
        head, _, tail = field.lower().partition("_")
        if tail == "id" and head in SUBJECTS:
            return subject_words(head, self.lang)[1]
        return field

    def condition(self, key: str, shape_source: tuple[object, str]) -> ShapeWords:
        """The words of an extra condition (a band's ``when``), prepared once."""
        found = self._conditions.get(key)
        if found is None:
            tree, text = shape_source
            shape: Shape = shape_of(tree, self.plan.model, text)  # type: ignore[arg-type]
            found = self._conditions[key] = ShapeWords(shape, self.names, self.noun, False, text)
        return found


_CACHE: weakref.WeakKeyDictionary[Plan, dict[str, PlanWords]] = weakref.WeakKeyDictionary()


def plan_words(plan: Plan, lang: str) -> PlanWords:
    """The prepared words of ``plan`` in ``lang`` (built on first use, then reused)."""
    try:
        per_plan = _CACHE[plan]
    except KeyError:
        per_plan = _CACHE[plan] = {}
    found = per_plan.get(lang)
    if found is None:
        found = per_plan[lang] = PlanWords(plan, lang)
    return found


__all__ = ["MARKS", "PlanWords", "plan_words"]
