"""Generating the fast data-dictionary check of a set, inline in the record functions.

The generated check answers only "is every present field of the right type and in range?",
with class tests and comparisons inline (no function call per field): a record function
returns None at the first field that fails, and the slow
:class:`~criteria_engine.evaluators.records.RecordChecker` then runs to name each problem, or
to normalise values the fast check does not accept as they are (an ISO date string, an
integral float in an integer field). The two must agree on what is valid: a record the fast
check accepts is one the slow checker accepts unchanged, and the other way round (property
tests hold them to it). Collections' member lists are checked too (a list of records whose
declared fields have their types), so a rule never meets a value it cannot compare.

``valid(rec)`` is also generated on its own, for tests and benchmarks.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..format.models import InputSpec
from .records import MemberFields


def _conditions(var: str, spec: InputSpec, constants: dict[str, object], key: str) -> list[str]:
    """Python conditions that are true when the value in ``var`` is NOT acceptable as it is."""
    bad: list[str] = []
    match spec.type:
        case "integer":
            bad.append(f"{var}.__class__ is not _T_int")
        case "number":
            bad.append(f"({var}.__class__ is not _T_int and {var}.__class__ is not _T_float)")
            bad.append(f"not (-_INF < {var} < _INF)")
        case "boolean":
            bad.append(f"{var}.__class__ is not _T_bool")
        case "string":
            bad.append(f"{var}.__class__ is not _T_str")
        case "enum":
            name = f"_E_{key}"
            constants[name] = frozenset(spec.values or ())
            bad.append(f"{var}.__class__ is not _T_str or {var} not in {name}")
        case "date":
            bad.append(f"{var}.__class__ is not _DATE")
    if spec.type in ("integer", "number"):
        if spec.min is not None:
            bad.append(f"{var} < {spec.min!r}")
        if spec.max is not None:
            bad.append(f"{var} > {spec.max!r}")
    return bad


def _members(
    var: str,
    items: Mapping[str, InputSpec | None],
    depth: int,
    lines: list[str],
    constants: dict[str, object],
    key: str,
    fail: str,
    collection: bool,
) -> None:
    """The checks of a list of records in ``var`` (known not to be None)."""
    indent = "    " * (depth + 1)
    member = f"_m{depth}"
    if collection:  # a collection's list may be a Members list (a list subclass) of any mappings
        lines.append(f"{indent}if not _isinstance({var}, _T_list): {fail}")
        lines.append(f"{indent}for {member} in {var}:")
        lines.append(
            f"{indent}    if {member}.__class__ is not _T_dict and not _isinstance({member}, _Mapping): {fail}"
        )
    else:
        lines.append(f"{indent}if {var}.__class__ is not _T_list: {fail}")
        lines.append(f"{indent}for {member} in {var}:")
        lines.append(f"{indent}    if {member}.__class__ is not _T_dict: {fail}")
    _fields(items, f"{member}.get", depth + 1, lines, constants, f"{key}_", fail)


def _fields(
    fields: Mapping[str, InputSpec | None],
    source: str,
    depth: int,
    lines: list[str],
    constants: dict[str, object],
    prefix: str,
    fail: str,
    bound: Mapping[str, str] | None = None,
) -> None:
    indent = "    " * (depth + 1)
    for index, (name, spec) in enumerate(fields.items()):
        key = f"{prefix}{index}"
        var = (bound or {}).get(name)
        if var is None:
            var = f"_x{depth}"
            lines.append(f"{indent}{var} = {source}({name!r})")
        if spec is not None and spec.type == "list":
            lines.append(f"{indent}if {var} is not None:")
            _members(var, spec.items or {}, depth + 1, lines, constants, key, fail, collection=False)
            continue
        if spec is None:  # a member's verdicts: a mapping
            lines.append(f"{indent}if {var} is not None and not _isinstance({var}, _Mapping): {fail}")
            continue
        bad = _conditions(var, spec, constants, key)
        if bad:
            lines.append(f"{indent}if {var} is not None and ({' or '.join(bad)}): {fail}")


def check_statements(
    inputs: Mapping[str, InputSpec],
    collections: Mapping[str, MemberFields],
    bound: Mapping[str, str],
    constants: dict[str, object],
    depth: int = 1,
    fail: str = "return None",
) -> list[str]:
    """Statements (indented ``depth + 1`` levels) that run ``fail`` at the first bad field.

    ``bound`` maps the names already read into locals to those locals; other fields are read
    with ``_get``. ``collections`` maps each collection to its members' field specs.
    """
    lines: list[str] = []
    _fields(inputs, "_get", depth - 1, lines, constants, "i", fail, bound)
    indent = "    " * depth
    for index, (name, items) in enumerate(collections.items()):
        var = bound.get(name)
        if var is None:
            var = "_x0"
            lines.append(f"{indent}{var} = _get({name!r})")
        lines.append(f"{indent}if {var} is not None:")
        _members(var, items, depth, lines, constants, f"c{index}", fail, collection=True)
    return lines


def generate_valid(
    inputs: Mapping[str, InputSpec], collections: Mapping[str, MemberFields] | None = None
) -> tuple[str, dict[str, object]]:
    """The source of ``valid(rec)`` and the constants (enum value sets) it needs."""
    constants: dict[str, object] = {}
    lines = ["def valid(rec):", "    _get = rec.get"]
    lines.extend(check_statements(inputs, collections or {}, {}, constants, 1, "return False"))
    lines.append("    return True")
    return "\n".join(lines) + "\n", constants


__all__ = ["check_statements", "generate_valid"]
