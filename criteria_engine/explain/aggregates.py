"""The numbers of an aggregate over members, in words: numerator, denominator, who was left
out and the shortfall — "31/50 hộ đạt “Gia đình hạnh phúc” (62,0%); 2 hộ chưa xác định; cần
từ 70% trở lên: thêm 4 hộ; chưa đạt: H-03, …". Used by roll-ups and by rules that count or
take a share of a list's members against a target.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..results import AggregateDetail
from ..rules import ast
from .catalogue import pattern
from .grammar import plural_en
from .i18n import format_number, format_percent, pick
from .phrases import MEMBER_NOUNS, phrase

if TYPE_CHECKING:
    from ..evaluators.plan import CriterionPlan
    from .sentences import ShapeWords


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


def aggregate_sentence(
    detail: AggregateDetail, item: CriterionPlan, env: Mapping[str, object], lang: str
) -> str:
    """The numbers of one aggregate of ``item``'s rule (``env``: the values it read)."""
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
        goal = pattern(lang, "goal.>" if op == ">" else "goal.>=").format(t=target_text)
        return phrase(lang, "aggregate_need_more").format(target=goal, n=number(more), noun=noun(more))

    parts: list[str] = []
    if detail.function == "count" and not detail.denominator and detail.numerator == detail.total:
        return f"{number(detail.total)} {noun(detail.total)}"  # count(list): how many members
    if detail.function in ("any", "all", "count"):
        num, den = number(detail.numerator), number(detail.denominator)
        if getattr(members, "subject", None):  # a roll-up's members: say what they are
            matched = phrase(lang, "aggregate_match_noun").format(
                num=num, den=den, noun=noun(detail.denominator)
            )
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


def members_sentence(words: ShapeWords, holds: bool, detail: AggregateDetail | None) -> str:
    """A count or share of a list's members against a target: "Có 2 thành viên …, đạt chỉ
    tiêu từ 2 trở lên" / "2/5 thành viên … (40,0%), chưa đạt chỉ tiêu từ 50% trở lên"."""
    shape, lang = words.shape, words.lang
    if detail is None or shape.target is None:
        return words.rule_words()
    goal = words._goal({})
    if shape.function == "share" and isinstance(shape.target.value, int | float):
        # ``100 * share(...) >= 50`` and ``share(...) >= 0.5`` both mean 50% of the members
        value = shape.target.value * (100 if shape.target.value <= 1 else 1)
        goal = pattern(lang, f"goal.{shape.op}").format(t=f"{format_number(value, lang)}%")
    met = pattern(lang, f"met.{shape.op}" if holds else f"unmet.{shape.op}").format(goal=goal)
    cond = words._cond()
    if lang == "en":
        cond = plural_en(cond)
    if shape.function == "share" and detail.value is not None:
        pct = format_percent(100.0 * detail.value, lang)
        num, den = format_number(detail.numerator, lang), format_number(detail.denominator, lang)
        return f"{num}/{den} {words._member(detail.denominator)} {cond} ({pct}), {met}"
    n = detail.numerator if detail.function == "count" else detail.value
    if n == 0:
        return (
            pattern(lang, "members.any.fail").format(member=words._member(1), cond=words._cond()) + f", {met}"
        )
    shown = format_number(n, lang) if isinstance(n, int | float) else "—"
    if lang == "vi":
        return f"Có {shown} {words._member(2)} {cond}, {met}"
    return f"{shown} {words._member(n if isinstance(n, int | float) else 2)} {cond}, {met}"


__all__ = ["aggregate_sentence", "members_sentence"]
