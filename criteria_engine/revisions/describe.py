"""One sentence per change, in Vietnamese or English, with labels, units and local numbers.

``describe(change, "vi")`` turns ``parameters.income_line.values.rural: 1500000 -> 2200000``
into "Chuẩn nghèo về thu nhập, Nông thôn: 1.500.000 → 2.200.000 đ/tháng". Expressions are
shown between backticks, texts between quotation marks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..explain.i18n import format_number, pick, unit_label

if TYPE_CHECKING:
    from ..format.models import Text
    from .diff import Change, Threshold

_NOUNS = {
    "set": ("bộ tiêu chí", "the set"),
    "input": ("trường dữ liệu", "input"),
    "parameter": ("tham số", "parameter"),
    "derived": ("giá trị dẫn xuất", "derived value"),
    "group": ("nhóm", "group"),
    "criterion": ("tiêu chí", "criterion"),
    "pass": ("quy tắc đạt", "pass rule"),
    "band": ("mức xếp loại", "rating band"),
    "measure": ("chỉ số đo", "measure"),
    "collection": ("tập thành viên", "collection"),
    "check": ("kiểm tra tính nhất quán", "consistency check"),
}

_FIELDS = {
    "when": ("điều kiện đạt", "rule"),
    "rule": ("điều kiện", "rule"),
    "message": ("thông báo", "message"),
    "applies_if": ("điều kiện áp dụng", "applies-if condition"),
    "expr": ("công thức", "formula"),
    "points_by.value": ("giá trị tính điểm", "graded value"),
    "min": ("giá trị nhỏ nhất", "minimum"),
    "max": ("giá trị lớn nhất", "maximum"),
    "unit": ("đơn vị", "unit"),
    "type": ("kiểu", "type"),
    "values": ("các giá trị", "values"),
    "value_labels": ("nhãn các giá trị", "value labels"),
    "aliases": ("tên cột khác", "column aliases"),
    "blank": ("ô trống nghĩa là", "an empty cell means"),
    "private": ("thông tin riêng tư", "private"),
    "by": ("chọn theo", "chosen by"),
    "value": ("giá trị", "value"),
    "min_score": ("điểm tối thiểu", "minimum score"),
    "min_percent": ("tỷ lệ điểm tối thiểu (%)", "minimum percent"),
    "all_mandatory": ("phải đạt mọi tiêu chí bắt buộc", "all mandatory criteria must pass"),
    "requires_pass": ("chỉ dành cho ứng viên đạt", "only for candidates that pass"),
    "digits": ("số chữ số thập phân", "decimal places"),
    "subject": ("đối tượng", "subject"),
    "languages": ("ngôn ngữ", "languages"),
    "label": ("nhãn", "label"),
    "title": ("tên", "title"),
    "description": ("mô tả", "description"),
    "basis": ("căn cứ", "basis"),
    "points_by": ("cách tính điểm", "graded points"),
    "table": ("bảng điểm", "points table"),
    "bands": ("các mức điểm", "points bands"),
    "min_known": ("số thành viên tối thiểu có dữ liệu", "minimum known members"),
    "link": ("trường liên kết", "link field"),
    "criteria_set": ("bộ tiêu chí của thành viên", "the members' criteria set"),
    "fields": ("các trường của thành viên", "the members' fields"),
    "unknown": ("cách tính thành viên chưa rõ", "how unknown members count"),
}

_VERDICTS = {
    "pass": ("đạt", "pass"),
    "fail": ("không đạt", "fail"),
    "unknown": ("chưa xác định", "unknown"),
    "not_applicable": ("không áp dụng", "not applicable"),
}

_OPS = {">=": "≥", "<=": "≤", "==": "=", "!=": "≠", ">": ">", "<": "<"}


def _w(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "vi" else pair[1]


def _is_text(value: object) -> bool:
    return (
        isinstance(value, Mapping)
        and bool(value)
        and all(isinstance(k, str) and len(k) in (2, 3) and isinstance(v, str) for k, v in value.items())
    )


def value_text(value: object, lang: str, unit: str | None = None) -> str:
    """A value as a reader sees it: local numbers with the unit, texts in ``lang``, lists joined."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _w(("có", "yes") if value else ("không", "no"), lang)
    if isinstance(value, int | float):
        label = unit_label(unit, lang)
        if label == "people" and value == 1:
            label = "person"
        text = format_number(value, lang)
        return f"{text}%" if unit == "%" else (f"{text} {label}" if label else text)
    if _is_text(value):
        return f"“{pick(value, lang)}”"  # type: ignore[arg-type]
    if isinstance(value, list):
        if all(isinstance(v, Mapping) and "ref" in v for v in value):
            return "; ".join(pick(v["ref"], lang) for v in value) or "—"
        if all(isinstance(v, Mapping) and "min" in v and "points" in v for v in value):
            return ", ".join(
                f"≥ {value_text(v['min'], lang)}: {value_text(v['points'], lang, 'points')}" for v in value
            )
        return ", ".join(value_text(v, lang, unit) for v in value) or "—"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {value_text(v, lang, unit)}" for k, v in value.items() if v is not None)
    return str(value)


def _named(change: Change, lang: str) -> str:
    """``“Title” (C3)`` for criteria and groups, ``“Label”`` otherwise."""
    label = pick(change.label, lang) if change.label else ""
    if change.entity in ("criterion", "group", "input", "check"):
        target = f"`{change.target}`" if change.entity == "input" else change.target
        return f"{target} “{label}”" if label else target
    if change.entity in ("pass", "set") and not change.target:
        return ""
    return f"“{label}”" if label else f"'{change.target}'"


def _subject(change: Change, lang: str) -> str:
    noun = _w(_NOUNS[change.entity], lang)
    named = _named(change, lang)
    return f"{noun} {named}".strip()


def threshold_text(t: Threshold, lang: str) -> str:
    """``Số thành viên … ≥ 1 → ≥ 2 người``."""

    def num(value: float) -> str:
        if t.percent:
            return f"{format_number(round(value * 100, 6), lang)}%"
        return format_number(value, lang)

    unit = unit_label(t.unit, lang)
    tail = (
        f" {unit}"
        if unit and not t.percent and t.unit != "%"
        else ("%" if t.unit == "%" and not t.percent else "")
    )
    about = pick(t.label, lang) if t.label else (f"`{t.about}`" if t.about else "")
    if t.op:
        op = _OPS[t.op]
        return f"{about} {op} {num(t.old)} → {op} {num(t.new)}{tail}".strip()
    word = _w(("số", "the number"), lang)
    return f"{word} {num(t.old)} → {num(t.new)}{tail}"


def _field(change: Change, lang: str) -> str:
    key = change.key or change.path.rpartition(".")[2]
    return _w(_FIELDS.get(key, (key, key)), lang)


def _expr(value: object, said: Text | None = None, lang: str = "vi") -> str:
    """An expression as people read it: in words (“…”) when the diff could say it so, else
    its source (`…`)."""
    if value is None:
        return "—"
    return f"“{pick(said, lang)}”" if said else f"`{value}`"


_VALUE_FIELDS = frozenset({"min", "max", "value", "min_score"})
"""Fields whose values are read in the unit of the thing changed (not ``digits``, not ``type``)."""

_MESSAGE_WHEN = {
    "pass": ("thông báo khi đạt", "message when it passes"),
    "fail": ("thông báo khi không đạt", "message when it fails"),
    "unknown": ("thông báo khi chưa xác định", "message when it is unknown"),
    "not_applicable": ("thông báo khi không áp dụng", "message when it does not apply"),
}


def _unit(change: Change) -> str | None:
    if (
        change.kind.endswith(("-changed",))
        and change.key not in _VALUE_FIELDS
        and change.kind
        not in (
            "points-changed",
            "parameter-value-changed",
            "max-score-changed",
        )
    ):
        return None
    return change.unit


def _by_id(change: Change, lang: str) -> str:
    """The thing named by its id (for a change of its own title or label)."""
    noun = _w(_NOUNS[change.entity], lang)
    if not change.target:
        return noun
    shown = change.target if change.entity in ("criterion", "group") else f"`{change.target}`"
    return f"{noun} {shown}"


def describe(change: Change, lang: str = "vi") -> str:
    """One sentence saying what ``change`` changes, in ``lang`` (``vi`` or ``en``)."""
    kind = change.kind
    subject = _subject(change, lang)
    unit = _unit(change)
    old, new = _bare(change.old, lang, unit), value_text(change.new, lang, unit)
    if kind.endswith(("-added", "-removed")):
        added = kind.endswith("-added")
        verb = _w(("Thêm", "New") if added else ("Bỏ", "Removed"), lang)
        return f"{verb} {subject}{_details(change.new if added else change.old, change, lang)}."
    if kind == "criterion-moved":
        return _w(
            (
                f"Tiêu chí {_named(change, lang)} chuyển từ nhóm {change.old} sang nhóm {change.new}.",
                f"Criterion {_named(change, lang)} moved from group {change.old} to group {change.new}.",
            ),
            lang,
        )
    if change.thresholds:
        where = pick(change.key_label, lang) if change.key_label else _field(change, lang)
        limits = "; ".join(threshold_text(t, lang) for t in change.thresholds)
        shown = (
            f" ({_expr(change.old, change.old_words, lang)} → {_expr(change.new, change.new_words, lang)})"
            if isinstance(change.old, str)
            else ""
        )
        return _cap(f"{subject}, {where}: {limits}{shown}.")
    if kind == "rule-changed":
        return _cap(f"{subject}: {_rule_change(change, lang)}.")
    if kind == "parameter-value-changed":
        label = pick(change.label, lang) if change.label else change.target
        key = pick(change.key_label, lang) if change.key_label else change.key
        return f"{f'{label}, {key}' if key else label}: {old} → {new}."
    if kind == "points-changed":
        where = _points_where(change, lang)
        return _cap(f"{subject}{', ' + where if where else ''}: {old} → {new}.")
    if kind in ("title-changed", "label-changed"):
        return _cap(f"{_by_id(change, lang)}, {_field(change, lang)}: {old} → {new}.")
    if kind == "basis-changed":
        return _cap(f"{subject}, {_basis(change, lang)}.")
    if kind in ("mandatory-changed", "veto-changed"):
        return _cap(f"{subject} {_flag(kind, bool(change.new), lang)}.")
    if kind == "on-missing-changed":
        word = _w(("khi thiếu dữ liệu thì", "when data is missing it counts as"), lang)
        return _cap(f"{subject}: {word} {_verdict(change.old, lang)} → {_verdict(change.new, lang)}.")
    if kind == "message-changed":
        word = _w(_MESSAGE_WHEN.get(str(change.key), ("thông báo", "message")), lang)
        return _cap(f"{subject}: {word}: {old} → {new}.")
    if kind == "band-order-changed":
        return f"{_w(('Thứ tự các mức xếp loại', 'Order of the rating bands'), lang)}: {old} → {new}."
    if kind == "max-score-changed":
        return f"{_w(('Tổng điểm tối đa', 'Maximum score'), lang)}: {old} → {new}."
    expression = isinstance(change.old, str) or isinstance(change.new, str)
    if kind in ("band-changed", "pass-rule-changed") and expression and change.key in ("min_score", "when"):
        old, new = _expr(change.old, change.old_words, lang), _expr(change.new, change.new_words, lang)
    return _cap(f"{subject}, {_field(change, lang)}: {old} → {new}.")


def _rule_change(change: Change, lang: str) -> str:
    field = _field(change, lang)
    old, new = _expr(change.old, change.old_words, lang), _expr(change.new, change.new_words, lang)
    if change.old is None:
        return f"{_w(('thêm', 'new'), lang)} {field} {new}"
    if change.new is None:
        return f"{_w(('bỏ', 'no more'), lang)} {field} {old}"
    return f"{field} {_w(('thay đổi', 'changed'), lang)}: {old} → {new}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _bare(value: object, lang: str, unit: str | None) -> str:
    """The old side of ``a → b unit``: the unit is written once, after the new value."""
    if isinstance(value, int | float) and not isinstance(value, bool) and unit != "%":
        return format_number(value, lang)
    return value_text(value, lang, unit)


def _verdict(value: object, lang: str) -> str:
    return _w(_VERDICTS.get(str(value), (str(value), str(value))), lang)


def _flag(kind: str, on: bool, lang: str) -> str:
    if kind == "mandatory-changed":
        pair = (
            ("trở thành bắt buộc", "is now mandatory")
            if on
            else ("không còn bắt buộc", "is no longer mandatory")
        )
    else:
        pair = (
            (
                "trở thành điều kiện loại trừ (không đạt thì không được xét)",
                "is now a veto (failing it rules the candidate out)",
            )
            if on
            else ("không còn là điều kiện loại trừ", "is no longer a veto")
        )
    return _w(pair, lang)


def _points_where(change: Change, lang: str) -> str:
    key = change.key or ""
    if key.startswith("bands["):
        return pick(change.key_label, lang) if change.key_label else key
    if change.key_label or (key and key not in ("points", "points_by", "table", "bands")):
        value = pick(change.key_label, lang) if change.key_label else key
        return _w(("điểm khi", "points for"), lang) + f" “{value}”"
    return "" if key == "points" else _field(change, lang)


def _refs(value: object, lang: str) -> list[str]:
    if not isinstance(value, list):
        return []
    return [
        pick(v["ref"], lang) for v in value if isinstance(v, Mapping) and isinstance(v.get("ref"), Mapping)
    ]


def _basis(change: Change, lang: str) -> str:
    """Which references were added and which removed (the lists are long; the change is not)."""
    old, new = _refs(change.old, lang), _refs(change.new, lang)
    gone = [r for r in old if r not in new]
    came = [r for r in new if r not in old]
    parts = [f"{_w(('bỏ', 'removed'), lang)} “{r}”" for r in gone]
    parts += [f"{_w(('thêm', 'added'), lang)} “{r}”" for r in came]
    if not parts:  # only the kinds or the order changed
        parts = [f"{value_text(change.old, lang)} → {value_text(change.new, lang)}"]
    return f"{_w(('căn cứ', 'basis'), lang)}: {'; '.join(parts)}"


def _details(summary: object, change: Change, lang: str) -> str:
    """The key facts of an added or removed criterion or parameter, in parentheses."""
    if not isinstance(summary, Mapping):
        return ""
    parts: list[str] = []
    if change.entity == "criterion":
        if summary.get("points"):
            parts.append(value_text(summary["points"], lang, "points"))
        if summary.get("mandatory"):
            parts.append(_w(("bắt buộc", "mandatory"), lang))
        if summary.get("veto"):
            parts.append(_w(("điều kiện loại trừ", "veto"), lang))
        if summary.get("when"):
            parts.append(_expr(summary["when"]))
    elif change.entity == "parameter":
        if summary.get("value") is not None:
            parts.append(value_text(summary["value"], lang, change.unit))
        elif summary.get("values"):
            parts.append(value_text(summary["values"], lang, change.unit))
    elif change.entity in ("derived", "measure") and summary.get("expr"):
        parts.append(_expr(summary["expr"]))
    elif change.entity == "check" and summary.get("rule"):
        parts.append(_expr(summary["rule"]))
    elif change.entity == "band" and summary.get("min_score") is not None:
        parts.append(f"{_w(_FIELDS['min_score'], lang)} {value_text(summary['min_score'], lang, 'points')}")
    return f" ({'; '.join(parts)})" if parts else ""


__all__ = ["describe", "threshold_text", "value_text"]
