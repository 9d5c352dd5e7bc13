"""A set described in words, for ``criteria show``: each rule as a requirement ("Không có
thành viên nào đang bị truy cứu trách nhiệm hình sự"), graded points by level, when a
criterion applies, the pass rule and the bands, statuses and kinds of basis — never the
rule's source, never an English word in Vietnamese.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..format.models import CriteriaSet, InputSpec
from ..rules import ast
from .cache import plan_words
from .i18n import format_number, format_period, pick
from .labels import word
from .shapes import shape_of
from .words import in_words

if TYPE_CHECKING:
    from ..evaluators.plan import Plan

_TYPES = {
    "vi": {
        "integer": "số nguyên",
        "number": "số",
        "boolean": "có/không",
        "string": "chữ",
        "enum": "một trong",
        "date": "ngày (dd/mm/yyyy)",
        "list": "danh sách",
    },
    "en": {
        "integer": "whole number",
        "number": "number",
        "boolean": "yes/no",
        "string": "text",
        "enum": "one of",
        "date": "date",
        "list": "list",
    },
}


def status_word(status: str, lang: str) -> str:
    """A revision's status in words: ``active`` -> ``đang áp dụng``."""
    return word(lang, f"status_{status}")


def kind_word(kind: str, lang: str) -> str:
    """A basis' kind in words: ``law`` -> ``văn bản pháp luật``."""
    return word(lang, f"kind_{kind}")


def effective(model: CriteriaSet, lang: str) -> str:
    """The revision's period with inclusive ends: ``01/07/2026 – 31/12/2026``."""
    return format_period(model.effective_from, model.effective_to, lang)


def rule_text(plan: Plan, criterion_id: str, lang: str) -> str:
    """A criterion's rule as a requirement; graded points as their levels."""
    return plan_words(plan, lang).by_id[criterion_id].need()


def applies_text(plan: Plan, criterion_id: str, lang: str) -> str:
    """When a criterion applies, in words ('' when it always does)."""
    words = plan_words(plan, lang).by_id[criterion_id]
    return words.applies.need() if words.applies is not None else ""


def _expression(plan: Plan, path: tuple[object, ...], value: object, lang: str) -> str:
    words = plan_words(plan, lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, lang)
    checked = plan.expressions().get(path)  # type: ignore[arg-type]
    if checked is None:
        return str(value)
    if isinstance(checked.tree, ast.Name):
        return words.names.label(checked.tree.id)
    return in_words(checked.tree, words.names, lang)


def pass_rule_text(plan: Plan, lang: str) -> str:
    """How a candidate passes: minimum score, minimum share of points, mandatory criteria."""
    rule, decision = plan.model.decision.pass_, plan.model.decision
    parts = []
    if rule.min_score is not None:
        shown = _expression(plan, ("decision", "pass", "min_score"), rule.min_score, lang)
        parts.append(f"{word(lang, 'min_score')}: {shown}")
    if rule.min_percent is not None:
        parts.append(f"{word(lang, 'min_percent')} {format_number(rule.min_percent, lang)}%")
    if rule.all_mandatory:
        parts.append(word(lang, "all_mandatory"))
    if decision.max_score is not None:
        parts.append(f"{word(lang, 'max_score').lower()} {format_number(decision.max_score, lang)}")
    return "; ".join(parts)


def band_texts(plan: Plan, lang: str) -> list[tuple[str, str]]:
    """Each rating band: its label and its conditions in words."""
    words = plan_words(plan, lang)
    out = []
    for index, band in enumerate(plan.model.decision.ratings):
        conditions = []
        if band.min_score is not None:
            path = ("decision", "ratings", index, "min_score")
            conditions.append(f"{word(lang, 'min_score')}: {_expression(plan, path, band.min_score, lang)}")
        if band.when:
            checked = plan.expressions().get(("decision", "ratings", index, "when"))
            if checked is not None:
                said = words.condition(f"band:{band.id}", (checked.tree, checked.text))
                conditions.append(said.need())
        out.append((pick(band.label, lang), "; ".join(conditions)))
    return out


def type_text(spec: InputSpec, lang: str) -> str:
    """An input's type in words (an enum's values by their labels)."""
    table = _TYPES.get(lang, _TYPES["en"])
    text = table.get(spec.type, spec.type)
    if spec.values:
        labels = spec.value_labels or {}
        shown = [pick(labels[v], lang) if v in labels else v for v in spec.values]
        text += ": " + ", ".join(shown)
    return text


def condition_text(plan: Plan, text: str, tree: ast.Expr, lang: str) -> str:
    """Any boolean expression of the set as a requirement."""
    words = plan_words(plan, lang)
    from .sentences import ShapeWords

    return ShapeWords(shape_of(tree, plan.model, text), words.names, words.noun, False, text).need()


__all__ = [
    "applies_text",
    "band_texts",
    "condition_text",
    "effective",
    "kind_word",
    "pass_rule_text",
    "rule_text",
    "status_word",
    "type_text",
]
