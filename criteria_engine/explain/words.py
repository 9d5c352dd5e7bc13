"""Expressions in words: a rule as a person reads it, names replaced by their labels.

``years_held_consecutive >= outstanding_years`` reads "Số năm liên tiếp đạt danh hiệu ≥ Số
năm liên tiếp cần có" in Vietnamese. Used where a rule must be shown to people (a band's
condition in the gap, ``criteria show``), never to evaluate anything.
"""

from __future__ import annotations

from collections.abc import Callable

from ..rules import ast
from .i18n import format_number

_SYMBOLS = {"==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥", "in": "∈", "not in": "∉"}
_WORDS = {
    "vi": {
        "and": "và",
        "or": "hoặc",
        "not": "không",
        "if": "nếu",
        "else": "nếu không",
        "true": "có",
        "false": "không",
        "null": "trống",
    },
    "en": {
        "and": "and",
        "or": "or",
        "not": "not",
        "if": "if",
        "else": "else",
        "true": "yes",
        "false": "no",
        "null": "empty",
    },
}

Label = Callable[[str], str]


def in_words(node: ast.Expr, label: Label, lang: str) -> str:
    """The expression as text, with each scope name replaced by ``label(name)``."""
    words = _WORDS.get(lang, _WORDS["en"])

    def go(n: ast.Expr, parent_bool: bool = False) -> str:
        match n:
            case ast.Constant(value=value, percent=percent):
                if value is None:
                    return words["null"]
                if isinstance(value, bool):
                    return words["true" if value else "false"]
                if isinstance(value, int | float):
                    return f"{format_number(value * 100, lang)}%" if percent else format_number(value, lang)
                return f"«{value}»"
            case ast.Name(id=name):
                return label(name)
            case ast.Attribute(value=inner, attr=attr):
                return f"{go(inner)}.{attr}"
            case ast.ListExpr(items=items):
                return "{" + ", ".join(go(i) for i in items) + "}"
            case ast.UnaryOp(op="not", operand=operand):
                return f"{words['not']} ({go(operand)})"
            case ast.UnaryOp(operand=operand):
                return f"-{go(operand)}"
            case ast.BinOp(op=op, left=left, right=right):
                return f"{go(left)} {op} {go(right)}"
            case ast.BoolOp(op=op, values=values):
                text = f" {words[op]} ".join(go(v, True) for v in values)
                return f"({text})" if parent_bool else text
            case ast.Compare(left=left, ops=ops, comparators=comparators):
                parts = [go(left)]
                for op, right in zip(ops, comparators, strict=True):
                    parts.append(f"{_SYMBOLS.get(op, op)} {go(right)}")
                return " ".join(parts)
            case ast.IfExp(test=test, body=body, orelse=orelse):
                return f"{go(body)} {words['if']} {go(test)}, {words['else']} {go(orelse)}"
            case ast.Call(func=func, args=args):
                return f"{func}({', '.join(go(a) for a in args)})"
        return "?"

    return go(node)


__all__ = ["in_words"]
