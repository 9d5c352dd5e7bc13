"""Expressions in words: a rule as a person reads it, names replaced by their labels.

``years_held_consecutive >= outstanding_years`` reads "Số năm liên tiếp đạt danh hiệu ≥ Số
năm liên tiếp cần có"; ``not any(persons, p.drug_user)`` reads "không có thành viên nào sử
dụng trái phép chất ma túy" — never the rule's source. Used for rules no sentence pattern
fits, and where a rule must be shown to people (``criteria show``, a band's condition in the
gap); never to evaluate anything.
"""

from __future__ import annotations

from typing import Protocol

from ..rules import ast
from ..rules.types import ListType
from .grammar import lower_first
from .i18n import format_number

_SYMBOLS = {"==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}
WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "and": "và",
        "or": "hoặc",
        "not": "không",
        "if": "nếu",
        "else": "nếu không thì",
        "guard": "chỉ kết luận khi {cond}",
        "true": "có",
        "false": "không",
        "null": "trống",
        "in": "thuộc",
        "not in": "không thuộc",
        "any": "có {member} {cond}",
        "not any": "không có {member} nào {cond}",
        "all": "tất cả {member} đều {cond}",
        "count": "số {member} {cond}",
        "count_all": "số {member}",
        "share": "tỷ lệ {member} {cond}",
        "sum": "tổng {value} của các {member}",
        "mean": "trung bình {value} của các {member}",
        "min": "{value} nhỏ nhất trong các {member}",
        "max": "{value} lớn nhất trong các {member}",
        "min_of": "giá trị nhỏ nhất trong {args}",
        "max_of": "giá trị lớn nhất trong {args}",
        "abs": "giá trị tuyệt đối của {args}",
        "round": "{args} làm tròn",
        "len": "số {args}",
        "present": "có số liệu {args}",
        "member": "thành viên",
        "weighted": " (có trọng số {weight})",
    },
    "en": {
        "and": "and",
        "or": "or",
        "not": "not",
        "if": "if",
        "else": "otherwise",
        "guard": "decided only when {cond}",
        "true": "yes",
        "false": "no",
        "null": "empty",
        "in": "is one of",
        "not in": "is none of",
        "any": "a {member} {cond}",
        "not any": "no {member} {cond}",
        "all": "every {member} {cond}",
        "count": "the number of {member}s {cond}",
        "count_all": "the number of {member}s",
        "share": "the share of {member}s {cond}",
        "sum": "the total {value} of the {member}s",
        "mean": "the average {value} of the {member}s",
        "min": "the smallest {value} among the {member}s",
        "max": "the largest {value} among the {member}s",
        "min_of": "the smallest of {args}",
        "max_of": "the largest of {args}",
        "abs": "the absolute value of {args}",
        "round": "{args} rounded",
        "len": "the number of {args}",
        "present": "{args} is known",
        "member": "member",
        "weighted": " (weighted by {weight})",
    },
}


class Labels(Protocol):
    """Where the words of names come from (:class:`~criteria_engine.explain.names.Names`)."""

    def label(self, name: str) -> str:
        """The label of a scope name."""

    def field(self, dotted: str) -> str:
        """The label of a member's field, ``persons.drug_user``."""

    def enum(self, name: str, code: object) -> str:
        """An enum value's label."""


_RANK = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2}
"""How tightly arithmetic binds: a looser operation inside a tighter one is bracketed."""


def in_words(node: ast.Expr, labels: Labels, lang: str) -> str:
    """The expression as text, each name, member field and enum value by its label."""
    words = WORDS.get(lang, WORDS["en"])
    members: dict[str, str] = {}  # member variable -> the list it runs over

    def go(n: ast.Expr, parent_bool: bool = False, enum_of: str | None = None) -> str:
        match n:
            case ast.Constant(value=value, percent=percent):
                if value is None:
                    return words["null"]
                if isinstance(value, bool):
                    return words["true" if value else "false"]
                if isinstance(value, int | float):
                    return f"{format_number(value * 100, lang)}%" if percent else format_number(value, lang)
                if enum_of is not None:
                    return f"«{labels.enum(enum_of, value)}»"
                return f"«{value}»"
            case ast.Name(id=name):
                return labels.label(name)
            case ast.Attribute(value=ast.Name(id=var), attr=attr) if var in members:
                return lower_first(labels.field(f"{members[var]}.{attr}"))
            case ast.Attribute(value=inner, attr=attr):
                return f"{go(inner)}: {attr}"
            case ast.ListExpr(items=items):
                return ", ".join(go(i, enum_of=enum_of) for i in items)
            case ast.UnaryOp(op="not", operand=ast.Call(func="any") as call):
                return call_words(call, "not any")
            case ast.UnaryOp(op="not", operand=operand):
                return f"{words['not']} ({go(operand)})"
            case ast.UnaryOp(operand=operand):
                return f"-{go(operand)}"
            case ast.BinOp(op=op, left=left, right=right):
                return f"{side(left, op)} {op} {side(right, op, right=True)}"
            case ast.BoolOp(op=op, values=values):
                text = f" {words[op]} ".join(go(v, True) for v in values)
                return f"({text})" if parent_bool else text
            case ast.Compare(left=left, ops=ops, comparators=comparators):
                named = left.id if isinstance(left, ast.Name) else None
                parts = [go(left)]
                for op, right in zip(ops, comparators, strict=True):
                    symbol = words[op] if op in ("in", "not in") else _SYMBOLS.get(op, op)
                    parts.append(f"{symbol} {go(right, enum_of=named)}")
                return " ".join(parts)
            case ast.IfExp(test=test, body=ast.Constant(value=True), orelse=ast.Constant(value=None)):
                return words["guard"].format(cond=go(test))  # a completeness guard
            case ast.IfExp(test=test, body=body, orelse=orelse):
                said = go(body)  # a choice inside the first branch is bracketed: whose "otherwise"
                said = f"({said})" if isinstance(body, ast.IfExp) else said
                return f"{said} {words['if']} {go(test)}, {words['else']} {go(orelse)}"
            case ast.Call() as call:
                return call_words(call, call.func)
        return "…"

    def side(n: ast.Expr, op: str, right: bool = False) -> str:
        """One side of an arithmetic operation, bracketed where the reading would change."""
        said = go(n)
        if isinstance(n, ast.IfExp) or (
            isinstance(n, ast.BinOp)
            and (
                _RANK.get(n.op, 0) < _RANK.get(op, 0)
                or (right and op in ("-", "/") and _RANK.get(n.op) == _RANK.get(op))
            )
        ):
            return f"({said})"
        return said

    def call_words(call: ast.Call, key: str) -> str:
        first = call.args[0] if call.args else None
        if isinstance(first, ast.Name) and isinstance(first.ty, ListType):
            if call.member is not None:
                members[call.member] = first.id
            member = words["member"]
            rest = [go(a) for a in call.args[1:]]
            cond = rest[0] if rest else ""
            if key == "count" and not rest:
                key = "count_all"
            if key in ("min", "max", "sum", "mean"):
                text = words[key].format(value=cond, member=member)
            else:
                text = words[key].format(member=member, cond=cond)
            if call.weight is not None:
                text += words["weighted"].format(weight=go(call.weight))
            return text
        args = ", ".join(go(a) for a in call.args)
        if key in ("min", "max"):
            key += "_of"
        return words.get(key, "{args}").format(args=args)

    return go(node)


__all__ = ["WORDS", "Labels", "in_words"]
