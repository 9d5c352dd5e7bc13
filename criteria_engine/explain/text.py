"""Explanations a village meeting can read, in Vietnamese or English.

A criterion's sentence comes from its message template for the verdict when the set gives
one (``{field}`` placeholders read the values, formatted for the language); otherwise the
library writes one from the rule itself, e.g. "Thu nhập bình quân 1.200.000 đ/tháng, thấp
hơn Chuẩn thu nhập 1.500.000 đ/tháng". Aggregates say their numerator, denominator, who was
left out and the shortfall: "31/50 hộ đạt (62,0%), 2 chưa xác định; cần 70%: thêm 4".
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..results import AggregateDetail, CriterionResult, Reason, Result, Status, Verdict
from ..rules import ast
from .i18n import format_number, format_percent, format_value, pick
from .phrases import MEMBER_NOUNS, PHRASES, RELATIONS
from .words import in_words

if TYPE_CHECKING:
    from ..evaluators.plan import CriterionPlan, Plan

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def phrase(lang: str, key: str) -> str:
    """A fixed phrase of the library in ``lang`` (English when the language is unknown)."""
    return PHRASES.get(lang, PHRASES["en"])[key]


class Labels:
    """Labels and units of every name of a set, for sentences."""

    def __init__(self, plan: Plan) -> None:
        cs = plan.model
        self._label: dict[str, Mapping[str, str]] = {}
        self._unit: dict[str, str | None] = {}
        self._value_labels: dict[str, dict[str, dict[str, str]]] = {}
        for source in (cs.inputs, cs.parameters, cs.derived, cs.collections, cs.measures):
            for name, item in source.items():
                self._label[name] = item.label
                self._unit[name] = getattr(item, "unit", None)
        self._member_labels: dict[str, Mapping[str, str]] = {}
        for name, spec in cs.inputs.items():
            if spec.value_labels:
                self._value_labels[name] = spec.value_labels
            for field, item in (spec.items or {}).items():
                self._member_labels[f"{name}.{field}"] = item.label

    def member_label(self, name: str, lang: str) -> str:
        """The label of a name or of a member field (``persons.drug_user``)."""
        head, _, field = name.partition(".")
        if field:
            return f"{self.label(head, lang)}: {pick(self._member_labels.get(name), lang) or field}"
        return self.label(name, lang)

    def label(self, name: str, lang: str) -> str:
        """The label of a name in ``lang`` (the name itself when it has none)."""
        return pick(self._label.get(name), lang) or name

    def value(self, name: str, value: object, lang: str) -> str:
        """A value of a name, formatted with its unit (an enum value by its label)."""
        labels = self._value_labels.get(name)
        if labels and isinstance(value, str) and value in labels:
            return pick(labels[value], lang)
        return format_value(value, lang, self._unit.get(name))


def _fill(template: str, values: Mapping[str, object], labels: Labels, lang: str) -> str:
    # Placeholders give bare values: the template's author writes the units around them.
    return _PLACEHOLDER.sub(lambda m: format_value(values.get(m.group(1)), lang), template)


def _side(
    node: ast.Expr, env: Mapping[str, object], labels: Labels, lang: str, unit_from: str | None
) -> str | None:
    if isinstance(node, ast.Name):
        return f"{labels.label(node.id, lang)} {labels.value(node.id, env.get(node.id), lang)}"
    if isinstance(node, ast.Constant) and not isinstance(node.value, bool) and node.value is not None:
        if unit_from is not None:
            return labels.value(unit_from, node.value, lang)
        return format_value(node.value, lang)
    return None


def _auto_sentence(
    item: CriterionPlan, result: CriterionResult, env: Mapping[str, object], labels: Labels, lang: str
) -> str | None:
    tree = item.rule.tree if item.rule is not None else None
    if not isinstance(tree, ast.Compare) or len(tree.ops) != 1 or tree.ops[0] not in RELATIONS["en"]:
        return None
    left_name = tree.left.id if isinstance(tree.left, ast.Name) else None
    left = _side(tree.left, env, labels, lang, None)
    right = _side(tree.comparators[0], env, labels, lang, left_name)
    if left is None or right is None:
        return None
    relations = RELATIONS.get(lang, RELATIONS["en"])[tree.ops[0]]
    return f"{left}, {relations[0] if result.verdict == 'pass' else relations[1]} {right}"


def aggregate_sentence(
    detail: AggregateDetail, item: CriterionPlan, env: Mapping[str, object], lang: str
) -> str:
    # A roll-up's member list (in ``env`` under the collection's name) carries its subject,
    # the title of the set its members were evaluated with, and min_known; otherwise the
    # subject is guessed from the collection's name (households -> household).
    members = env.get(detail.collection)
    subject = getattr(members, "subject", None) or detail.collection.removesuffix("s")
    nouns = MEMBER_NOUNS.get(subject, MEMBER_NOUNS[""])
    singular, plural = nouns.get(lang, nouns["en"])
    tree = item.rule.tree if item.rule is not None else None
    op = tree.ops[0] if isinstance(tree, ast.Compare) and len(tree.ops) == 1 else None
    known = detail.total - detail.unknown
    min_known = getattr(members, "min_known", 0)

    def noun(n: float) -> str:
        return singular if n == 1 else plural

    def number(value: float) -> str:
        return format_number(value, lang)

    def need(wanted: float, target_text: str) -> str | None:
        # Members still to pass: the rule's threshold, reached (>=) or exceeded (>).
        needed = (math.floor(wanted + 1e-9) + 1 if op == ">" else math.ceil(wanted - 1e-9)) - detail.numerator
        if needed <= 0:
            return None
        more = math.ceil(needed)
        shown = f"{'> ' if op == '>' else ''}{target_text}"
        return phrase(lang, "aggregate_need_more").format(target=shown, n=number(more), noun=noun(more))

    parts: list[str] = []
    if detail.function == "count" and not detail.denominator and detail.numerator == detail.total:
        return f"{number(detail.total)} {noun(detail.total)}"  # count(list): how many members
    if detail.function in ("any", "all", "count"):
        num, den = number(detail.numerator), number(detail.denominator)
        if getattr(members, "subject", None):  # a roll-up's members: say what they are
            key = "aggregate_match_noun"
            matched = phrase(lang, key).format(num=num, den=den, noun=noun(detail.denominator))
        else:
            matched = phrase(lang, "aggregate_match").format(num=num, den=den)
        if detail.unknown:
            matched += "; " + phrase(lang, "aggregate_unknown").format(n=detail.unknown)
        parts.append(matched)
        target = _share_target(item, env) if detail.function == "count" else None
        if target is not None and detail.value is not None:
            parts.append(need(target, number(target)) or "")
    else:
        weighted = detail.function in ("share", "mean") and detail.denominator != known
        if detail.function == "share":
            pct = format_percent(100.0 * detail.value, lang) if detail.value is not None else "—"
            num, den = number(detail.numerator), number(detail.denominator)
            if weighted:
                key = "aggregate_weighted"
            else:
                key = "aggregate_title" if getattr(members, "title", None) else "aggregate_noun"
            title = pick(getattr(members, "title", None), lang)
            parts.append(
                phrase(lang, key).format(
                    num=num, den=den, noun=noun(known), n=number(known), title=title, pct=pct
                )
            )
        else:
            shown = format_number(detail.value, lang) if detail.value is not None else "—"
            parts.append(
                phrase(lang, "aggregate_value").format(value=shown, n=number(known), noun=noun(known))
            )
        if detail.unknown:
            parts.append(
                phrase(lang, "aggregate_unknown_noun").format(n=detail.unknown, noun=noun(detail.unknown))
            )
        target = _share_target(item, env) if detail.function == "share" and not weighted else None
        if target is not None and detail.denominator > 0:
            fraction = target / 100.0 if target > 1 else target  # 100 * share(...) >= 70 reads 70%
            parts.append(need(fraction * detail.denominator, f"{number(100.0 * fraction)}%") or "")
        if detail.failing and not weighted:
            more_failing = ", …" if detail.denominator - detail.numerator > len(detail.failing) else ""
            parts.append(
                phrase(lang, "aggregate_failing").format(ids=", ".join(detail.failing) + more_failing)
            )
    if isinstance(min_known, int) and detail.total and known < min_known:
        parts.append(
            phrase(lang, "aggregate_too_few").format(n=number(known), noun=noun(known), min=min_known)
        )
    return "; ".join(part for part in parts if part)


def _share_target(item: CriterionPlan, env: Mapping[str, object]) -> float | None:
    tree = item.rule.tree if item.rule is not None else None
    if isinstance(tree, ast.Compare) and len(tree.ops) == 1 and tree.ops[0] in (">=", ">"):
        right = tree.comparators[0]
        if (
            isinstance(right, ast.Constant)
            and isinstance(right.value, int | float)
            and not isinstance(right.value, bool)
        ):
            return float(right.value)
        if isinstance(right, ast.Name):
            value = env.get(right.id)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
    return None


def criterion_sentence(
    plan: Plan, item: CriterionPlan, result: CriterionResult, env: Mapping[str, object], lang: str
) -> str:
    """The sentence that explains one criterion's verdict."""
    if not result.reason:
        return phrase(lang, result.verdict)  # a verdicts-only result keeps no values to show
    labels = Labels(plan)
    fields = ", ".join(labels.member_label(m, lang) for m in result.missing)
    if result.reason == Reason.MISSING_DATA:
        return phrase(lang, "missing_data").format(fields=fields)
    if result.reason in (Reason.MISSING_DATA_AS_FAIL, Reason.MISSING_DATA_AS_PASS):
        return phrase(lang, "as_fail" if result.verdict == Verdict.FAIL else "as_pass").format(fields=fields)
    messages = item.criterion.message
    if messages is not None:
        template = getattr(messages, "pass_" if result.verdict == Verdict.PASS else result.verdict)
        if template:
            return _fill(pick(template, lang), env, labels, lang)
    special = {
        Reason.NOT_APPLICABLE: "not_applicable",
        Reason.DIVISION_BY_ZERO: "division",
        Reason.NO_MEMBERS: "no_members",
        Reason.NO_KNOWN_MEMBERS: "no_known",
        Reason.APPLICABILITY_UNKNOWN: "applicability",
    }
    if result.reason in special:
        return phrase(lang, special[result.reason])
    if result.aggregates:
        return "; ".join(aggregate_sentence(a, item, env, lang) for a in result.aggregates)
    if item.criterion.points_by is not None:
        value_name = item.rule.names[0] if item.rule and item.rule.names else None
        graded = phrase(lang, "graded").format(
            points=format_number(result.points, lang), max=format_number(result.max_points, lang)
        )
        if value_name is not None:
            shown = env.get(value_name)
            cs = plan.model
            spec = cs.inputs.get(value_name)
            if (
                spec is not None
                and spec.value_labels
                and isinstance(shown, str)
                and shown in spec.value_labels
            ):
                return f"{labels.label(value_name, lang)}: {pick(spec.value_labels[shown], lang)} — {graded}"
            return f"{labels.label(value_name, lang)}: {labels.value(value_name, shown, lang)} — {graded}"
        return graded
    auto = _auto_sentence(item, result, env, labels, lang)
    if auto is not None:
        return auto
    shown_values = "; ".join(
        f"{labels.label(k, lang)}: {labels.value(k, v, lang)}" for k, v in result.values.items()
    )
    return shown_values or phrase(lang, result.verdict)


def explain_lines(result: Result, lang: str) -> list[tuple[str, str]]:
    """The explanation as (style, text) lines; the styles are hints for renderers."""
    plan: Any = result.plan
    cs = plan.model if plan is not None else None
    title = pick(cs.title, lang) if cs is not None else ""
    lines: list[tuple[str, str]] = [("title", f"{phrase(lang, 'candidate')} {result.id} — {title}")]
    if result.status == Status.INVALID:
        lines.append(("status-invalid", f"{phrase(lang, 'result')}: {phrase(lang, 'invalid')}"))
        for issue in result.errors:
            lines.append(("error", f"  • {issue.field}: {issue.message}"))
        lines.append(("provenance", _provenance_line(result, lang)))
        return lines
    score = f"{format_number(result.score or 0, lang)}/{format_number(result.max_score or 0, lang)} {phrase(lang, 'points')}"
    if result.percent is not None:
        score += f" ({format_percent(result.percent, lang)})"
    head = f"{phrase(lang, 'result')}: {phrase(lang, result.status)} · {score}"
    if result.rating is not None and cs is not None:
        band = next((r for r in cs.decision.ratings if r.id == result.rating), None)
        head += f" · {phrase(lang, 'rating')}: {pick(band.label, lang) if band else result.rating}"
    lines.append((f"status-{result.status}", head))
    if result.gap is not None and cs is not None:
        lines.append(("gap", _gap_line(result, lang)))
    if result.missing and plan is not None:
        labels = Labels(plan)
        lines.append(
            (
                "missing",
                f"{phrase(lang, 'missing')}: "
                + ", ".join(labels.member_label(m, lang) for m in result.missing),
            )
        )
    for name, value in result.measures.items():
        if plan is not None:
            measure = plan.model.measures[name]
            shown = format_number(value, lang, measure.digits) if isinstance(value, int | float) else "—"
            lines.append(("measure", f"{pick(measure.label, lang)}: {shown}"))
    if plan is not None:
        lines.extend(_criterion_lines(result, plan, lang))
    lines.append(("provenance", _provenance_line(result, lang)))
    return lines


def _gap_line(result: Result, lang: str) -> str:
    gap = result.gap
    assert gap is not None
    cs = result.plan.model
    band = next((r for r in cs.decision.ratings if r.id == gap.to), None)
    name = pick(band.label, lang) if band else gap.to
    if gap.points_needed is None:
        text = phrase(lang, "gap_unknown").format(band=name)
    elif gap.points_needed > 0:
        text = phrase(lang, "gap").format(band=name, points=format_number(gap.points_needed, lang))
    else:
        text = phrase(lang, "gap_gates").format(band=name)
    if gap.condition and band is not None and band.when:
        index = cs.decision.ratings.index(band)
        condition = result.plan.expressions().get(("decision", "ratings", index, "when"))
        if condition is not None:
            labels = Labels(result.plan)
            words = in_words(condition.tree, lambda name: labels.label(name, lang), lang)
            text += "; " + phrase(lang, "gap_condition").format(condition=words)
    if gap.must_pass:
        text += "; " + phrase(lang, "gap_must").format(ids=", ".join(gap.must_pass))
    if gap.suggest:
        text += "; " + phrase(lang, "gap_suggest").format(ids=", ".join(gap.suggest))
    return text


_MARKS = {Verdict.PASS: "✓", Verdict.FAIL: "✗", Verdict.UNKNOWN: "?", Verdict.NOT_APPLICABLE: "–"}


def _criterion_lines(result: Result, plan: Plan, lang: str) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    group = None
    for item, outcome in zip(plan.criteria, result.criteria, strict=True):
        if item.group.id != group:
            group = item.group.id
            lines.append(("group", f"{item.group.id}. {pick(item.group.title, lang)}"))
        # A sentence reads the criterion's own values, then the result's measures.
        sentence = criterion_sentence(plan, item, outcome, {**result.measures, **outcome.values}, lang)
        flags = []
        if outcome.veto:
            flags.append(phrase(lang, "veto"))
        if outcome.mandatory:
            flags.append(phrase(lang, "mandatory"))
        flag_text = f" [{', '.join(flags)}]" if flags else ""
        pts = f"{format_number(outcome.points, lang)}/{format_number(outcome.max_points, lang)}"
        lines.append(
            (
                f"verdict-{outcome.verdict}",
                f"  {_MARKS[outcome.verdict]} {item.id} {pick(item.criterion.title, lang)}{flag_text} — "
                f"{phrase(lang, outcome.verdict)} ({pts}): {sentence}",
            )
        )
    return lines


def _provenance_line(result: Result, lang: str) -> str:
    p = result.provenance
    when = f", {p.as_of}" if p.as_of else ""
    return f"{phrase(lang, 'set')}: {p.set_id}@{p.version} ({p.digest[:19]}…{when})"


def explain_text(result: Result, lang: str = "vi") -> str:
    """The explanation of a result as plain text."""
    return "\n".join(text for _style, text in explain_lines(result, lang))


__all__ = ["PHRASES", "RELATIONS", "criterion_sentence", "explain_lines", "explain_text", "phrase"]
