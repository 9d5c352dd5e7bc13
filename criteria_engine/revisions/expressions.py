"""Comparing two expressions: do they differ only in their numbers, and which ones?

``members_exercising >= 1`` against ``members_exercising >= 2`` is a threshold change (the
number 1 became 2, compared with ``members_exercising`` by ``>=``); ``a >= 1`` against
``b >= 1`` is a change of rule. Both texts are parsed into syntax trees and walked together;
positions and spacing do not matter.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..explain.names import Names
from ..explain.words import in_words
from ..format.models import CriteriaSet
from ..rules import ast as nodes
from ..rules import parse
from ..rules.checker import check
from ..rules.set_checks import check_set
from ..rules.types import Type

NumberChange = tuple[str, str | None, float, float, bool]
"""(what the number is compared with, the comparison with the number on the right, old, new,
written as a percentage)."""

_FLIP = {">=": "<=", "<=": ">=", ">": "<", "<": ">", "==": "==", "!=": "!="}
_SKIP = frozenset({"offset", "end", "ty", "attr_offset"})


def _is_number(node: object) -> bool:
    if not isinstance(node, nodes.Constant):
        return False
    return isinstance(node.value, int | float) and not isinstance(node.value, bool)


def _same_constant(x: nodes.Constant, y: nodes.Constant) -> bool:
    return type(x.value) is type(y.value) and x.value == y.value and x.percent == y.percent


class _Walk:
    """Walks two trees together; collects the numbers that differ; False when more differs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[NumberChange] = []

    def number(self, about: str, op: str | None, x: nodes.Constant, y: nodes.Constant) -> None:
        if not _same_constant(x, y):
            old, new = x.value, y.value
            assert isinstance(old, int | float) and isinstance(new, int | float)
            self.found.append((about, op, old, new, x.percent or y.percent))

    def match(self, x: object, y: object) -> bool:
        if isinstance(x, nodes.Node) or isinstance(y, nodes.Node):
            return type(x) is type(y) and self._node(x, y)
        if isinstance(x, tuple) and isinstance(y, tuple):
            return len(x) == len(y) and all(self.match(p, q) for p, q in zip(x, y, strict=True))
        return type(x) is type(y) and x == y

    def _node(self, x: Any, y: Any) -> bool:
        if isinstance(x, nodes.Constant):
            if _is_number(x) and _is_number(y):
                self.number("", None, x, y)
                return True
            return _same_constant(x, y)
        if isinstance(x, nodes.Compare):
            return self._compare(x, y)
        fields = (f.name for f in dataclasses.fields(x) if f.name not in _SKIP)
        return all(self.match(getattr(x, name), getattr(y, name)) for name in fields)

    def _compare(self, x: nodes.Compare, y: nodes.Compare) -> bool:
        if x.ops != y.ops or len(x.comparators) != len(y.comparators):
            return False
        left, right = (x.left, *x.comparators), (y.left, *y.comparators)
        for i, (p, q) in enumerate(zip(left, right, strict=True)):
            if not (_is_number(p) and _is_number(q)):
                if not self.match(p, q):
                    return False
                continue
            assert isinstance(p, nodes.Constant) and isinstance(q, nodes.Constant)
            partner, op = (left[i - 1], x.ops[i - 1]) if i > 0 else (left[1], _FLIP.get(x.ops[0]))
            if op in _FLIP:
                self.number(self.text[partner.offset : partner.end], op, p, q)
            else:  # 'in', 'not in': no threshold to speak of
                self.number("", None, p, q)
        return True


def number_changes(old: str, new: str) -> list[NumberChange] | None:
    """The numbers that differ between two expressions, or None when more than numbers differ.

    An empty list means the two expressions mean the same (they differ only in spacing or
    parentheses).
    """
    tree_a, tree_b = parse(old), parse(new)
    if isinstance(tree_a, list) or isinstance(tree_b, list):
        return None
    walk = _Walk(old)
    return walk.found if walk.match(tree_a, tree_b) else None


_SCOPES: dict[int, tuple[CriteriaSet, dict[str, Type]]] = {}


def _scope(model: CriteriaSet) -> dict[str, Type]:
    """Every name of a set with its type (derived values included), kept per model."""
    found = _SCOPES.get(id(model))
    if found is None or found[0] is not model:
        if len(_SCOPES) > 16:
            _SCOPES.clear()
        found = _SCOPES[id(model)] = (model, check_set(model).scope)
    return found[1]


def expression_words(text: object, model: CriteriaSet) -> dict[str, str] | None:
    """An expression of ``model`` in words, per language (names by their labels), as
    ``criteria show`` says rules; None for anything that is not a valid expression of it."""
    if not isinstance(text, str):
        return None
    checked = check(text, _scope(model))
    if isinstance(checked, list):
        return None
    return {lang: in_words(checked.tree, Names(model, lang), lang) for lang in ("vi", "en")}


__all__ = ["NumberChange", "expression_words", "number_changes"]
