"""Explanations a village meeting can read, in Vietnamese or English.

A criterion's sentence comes from its message template for the verdict when the set gives
one (``{field}`` placeholders read the values, formatted for the language); otherwise the
library writes one from the shape of the rule (:mod:`.shapes`, :mod:`.catalogue`), e.g. "Tỷ
lệ hài lòng của người bệnh 88,9%, chưa đạt chỉ tiêu trên 91%" or "Có 1 thành viên bị xử
phạt hành chính về … nên hộ không được xét". The words of a plan are prepared once
(:mod:`.cache`); a sentence is a format of prepared parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..results import CriterionResult, Result, Status
from .aggregates import aggregate_sentence
from .cache import MARKS, PlanWords, plan_words
from .i18n import format_date, format_number, format_percent
from .phrases import PHRASES, phrase

if TYPE_CHECKING:
    from ..evaluators.plan import Plan


def criterion_sentence(
    plan: Plan, result: CriterionResult, lang: str, values: Mapping[str, object] | None = None
) -> str:
    """The sentence that explains one criterion's verdict (``values``: the criterion's own by
    default; give the result's measures too when the rule reads them)."""
    return plan_words(plan, lang).by_id[result.id].sentence(result, values)


def _values(result: Result, outcome: CriterionResult, words: PlanWords) -> Mapping[str, object] | None:
    if words.measured and result.measures:
        return {**result.measures, **outcome.values}
    return None


def criterion_lines(result: Result, lang: str) -> list[tuple[str, str, str]]:
    """(criterion id, line head, sentence) per criterion of a result, in file order."""
    plan: Any = result.plan
    if plan is None:
        return []
    words = plan_words(plan, lang)
    out = []
    for index, (cw, outcome) in enumerate(zip(words.criteria, result.criteria, strict=True)):
        sentence = cw.sentence(outcome, _values(result, outcome, words))
        out.append((outcome.id, words.head(index, outcome), sentence))
    return out


def headline(result: Result, lang: str) -> str:
    """``Kết quả: ĐẠT · 85/100 điểm (85,0%) · Xếp loại: Gia đình hạnh phúc``."""
    if result.status == Status.INVALID:
        return f"{phrase(lang, 'result')}: {phrase(lang, 'invalid')}"
    score = f"{format_number(result.score or 0, lang)}/{format_number(result.max_score or 0, lang)} {phrase(lang, 'points')}"
    if result.percent is not None:
        score += f" ({format_percent(result.percent, lang)})"
    head = f"{phrase(lang, 'result')}: {phrase(lang, result.status)} · {score}"
    if result.rating is not None and result.plan is not None:
        band = plan_words(result.plan, lang).bands.get(result.rating, result.rating)
        head += f" · {phrase(lang, 'rating')}: {band}"
    return head


def title_line(result: Result, lang: str) -> str:
    """``Hộ C001-V01-H001 — Gia đình hạnh phúc`` (the candidate named by its subject)."""
    if result.plan is None:
        return f"{phrase(lang, 'candidate')} {result.id}"
    words = plan_words(result.plan, lang)
    return f"{words.heading} {result.id} — {words.title}"


def explain_lines(result: Result, lang: str) -> list[tuple[str, str]]:
    """The explanation as (style, text) lines; the styles are hints for renderers."""
    plan: Any = result.plan
    lines: list[tuple[str, str]] = [("title", title_line(result, lang))]
    if result.status == Status.INVALID:
        lines.append(("status-invalid", headline(result, lang)))
        names = plan_words(plan, lang).names if plan is not None else None
        for issue in result.errors:  # the input by its label, as the spreadsheet's header says it
            field = names.label(issue.field.split("[")[0]) if names is not None else issue.field
            lines.append(("error", f"  • {field}: {issue.message_in(lang)}"))
        lines.append(("provenance", provenance_line(result, lang)))
        return lines
    lines.append((f"status-{result.status}", headline(result, lang)))
    if plan is None:
        lines.append(("provenance", provenance_line(result, lang)))
        return lines
    words = plan_words(plan, lang)
    if result.gap is not None:
        lines.append(("gap", gap_line(result, lang)))
    if result.missing:
        shown = ", ".join(words.names.field(m) if "." in m else words.names.label(m) for m in result.missing)
        lines.append(("missing", f"{phrase(lang, 'missing')}: {shown}"))
    for name, value in result.measures.items():
        lines.append(("measure", f"{words.names.label(name)}: {words.names.show(name, value)}"))
    group = None
    for index, (cw, outcome) in enumerate(zip(words.criteria, result.criteria, strict=True)):
        if words.groups[index] != group:
            group = words.groups[index]
            lines.append(("group", group))
        sentence = cw.sentence(outcome, _values(result, outcome, words))
        lines.append((f"verdict-{outcome.verdict}", f"{words.head(index, outcome)}: {sentence}"))
    lines.append(("provenance", provenance_line(result, lang)))
    return lines


def gap_line(result: Result, lang: str) -> str:
    """What the candidate lacks for the next band: points, the band's condition, criteria."""
    gap = result.gap
    assert gap is not None
    words = plan_words(result.plan, lang)
    name = words.bands.get(gap.to, gap.to)
    if gap.points_needed is None:
        text = phrase(lang, "gap_unknown").format(band=name)
    elif gap.points_needed > 0:
        text = phrase(lang, "gap").format(band=name, points=format_number(gap.points_needed, lang))
    else:
        text = phrase(lang, "gap_gates").format(band=name)
    cs = result.plan.model
    band = next((r for r in cs.decision.ratings if r.id == gap.to), None)
    if gap.condition and band is not None and band.when:
        index = cs.decision.ratings.index(band)
        condition = result.plan.expressions().get(("decision", "ratings", index, "when"))
        if condition is not None:
            said = words.condition(f"band:{band.id}", (condition.tree, condition.text))
            text += "; " + phrase(lang, "gap_condition").format(condition=said.need())
    if gap.must_pass:
        text += "; " + phrase(lang, "gap_must").format(ids=", ".join(gap.must_pass))
    if gap.suggest:
        text += "; " + phrase(lang, "gap_suggest").format(ids=", ".join(gap.suggest))
    return text


def provenance_line(result: Result, lang: str) -> str:
    """``Bộ tiêu chí: happy-family@2026.2 (sha256:…, ngày áp dụng 01/12/2026)``."""
    p = result.provenance
    when = ""
    if p.as_of:
        import datetime as dt

        date = format_date(dt.date.fromisoformat(p.as_of), lang)
        when = ", " + phrase(lang, "as_of").format(date=date)
    return f"{phrase(lang, 'set')}: {p.set_id}@{p.version} ({p.digest[:19]}…{when})"


def explain_text(result: Result, lang: str = "vi") -> str:
    """The explanation of a result as plain text."""
    return "\n".join(text for _style, text in explain_lines(result, lang))


__all__ = [
    "MARKS",
    "PHRASES",
    "aggregate_sentence",
    "criterion_lines",
    "criterion_sentence",
    "explain_lines",
    "explain_text",
    "gap_line",
    "headline",
    "phrase",
    "provenance_line",
    "title_line",
]
