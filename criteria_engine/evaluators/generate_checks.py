"""Generating the fast data-dictionary check of a set: ``valid(rec) -> bool``.

The generated check answers only "is every present field of the right type and in range?",
with class tests and comparisons inline (no function call per field). When it says no, the
slow :class:`~criteria_engine.evaluators.records.RecordChecker` runs to name each problem,
or to normalise values the fast check does not accept as they are (an ISO date string, an
integral float in an integer field). The two must agree on what is valid: a record the fast
check accepts is one the slow checker accepts unchanged (a property test holds them to it).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..format.models import InputSpec


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
            name = f"E_{key}"
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


def _emit_fields(
    fields: Mapping[str, InputSpec],
    source: str,
    depth: int,
    lines: list[str],
    constants: dict[str, object],
    prefix: str,
) -> None:
    indent = "    " * (depth + 1)
    var = f"x{depth}"
    for index, (name, spec) in enumerate(fields.items()):
        key = f"{prefix}{index}"
        lines.append(f"{indent}{var} = {source}.get({name!r})")
        if spec.type == "list":
            member = f"m{depth}"
            lines.append(f"{indent}if {var} is not None:")
            lines.append(f"{indent}    if {var}.__class__ is not _T_list: return False")
            lines.append(f"{indent}    for {member} in {var}:")
            lines.append(f"{indent}        if {member}.__class__ is not _T_dict: return False")
            nested: list[str] = []
            _emit_fields(spec.items or {}, member, depth + 2, nested, constants, f"{key}_")
            lines.extend(nested)
            continue
        bad = _conditions(var, spec, constants, key)
        if bad:
            lines.append(f"{indent}if {var} is not None and ({' or '.join(bad)}): return False")


def generate_valid(inputs: Mapping[str, InputSpec]) -> tuple[str, dict[str, object]]:
    """The source of ``valid(rec)`` and the constants (enum value sets) it needs."""
    constants: dict[str, object] = {}
    lines = ["def valid(rec):"]
    _emit_fields(inputs, "rec", 0, lines, constants, "i")
    lines.append("    return True")
    return "\n".join(lines) + "\n", constants


__all__ = ["generate_valid"]
