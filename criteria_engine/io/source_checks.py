"""Checks of a run's reading before any row is evaluated: a ``--map`` that names no input, a
list input with no data at all, map entries that no table uses. A run that would be wrong
stops here (a :class:`~criteria_engine.errors.DataError`), rather than evaluating every
candidate with a wrong or missing meaning."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..errors import DataError, Diagnostic, Severity, diagnostic
from ..format.models import CriteriaSet
from ..messages import msg, words
from .children import ChildSpec
from .columns import ColumnMap, fold, suggest


def check_map(
    extra: Mapping[str, str] | None, cs: CriteriaSet, specs: Sequence[ChildSpec], file: str
) -> None:
    """Every ``--map`` target must be an input (of the set, or of a members' table), the id, or
    a link (a name ending in ``_id``); otherwise ``data-bad-map`` for each wrong entry."""
    if not extra:
        return
    known = {*cs.inputs, "id", f"{cs.subject}_id", *(c.link for c in cs.collections.values())}
    for spec in specs:
        known |= {*spec.items, spec.link}
    for spec_ in cs.inputs.values():
        if spec_.type == "list":
            known |= set(spec_.items or {})
    for collection in cs.collections.values():
        known |= set(collection.fields)
    problems = []
    for header, target in extra.items():
        if target in known or (target.endswith("_id") and target.isidentifier()):
            continue
        text = msg("data-bad-map.set", header=header, target=target, set=cs.id)
        hint = suggest(target, sorted(known)) or msg("data-bad-map.hint", set=cs.id)
        problems.append(diagnostic("data-bad-map", text, file, 0, 0, (), hint))
    if problems:
        raise DataError(problems)


def missing_lists(
    cs: CriteriaSet, columns: ColumnMap, filled: set[str], file: str, line: int
) -> list[Diagnostic]:
    """The list inputs (a household's members) with no data at all: nobody can be judged on
    the criteria that read them, so the run is wrong (``data-missing-list``)."""
    out = []
    for name, spec in cs.inputs.items():
        if spec.type != "list" or name in filled or columns.header_of(name) is not None:
            continue
        label = words(spec.label, name)
        text = msg("data-missing-list", name=name, label=label)
        persons = msg("data-missing-list.persons") if name == "persons" else ""
        hint = msg("data-missing-list.hint", name=name, persons=persons, label=label)
        out.append(diagnostic("data-missing-list", text, file, line, 0, (), hint))
    return out


def unused_map_entries(
    extra: Mapping[str, str] | None, tables: Sequence[Sequence[str]], file: str
) -> list[Diagnostic]:
    """``--map`` entries whose header is in none of the tables read (``data-map-unused``)."""
    present = {fold(h) for headers in tables for h in headers}
    out = []
    for header in extra or {}:
        if fold(header) not in present:
            text = msg("data-map-unused.tables", column=header, subject=f"'{header}'")
            hint = suggest(header, [h for headers in tables for h in headers])
            out.append(diagnostic("data-map-unused", text, file, 0, 0, (), hint, Severity.WARNING))
    return out


__all__ = ["check_map", "missing_lists", "unused_map_entries"]
