"""Members' tables (a household's persons): which list they fill, where they are read from,
and their rows converted and grouped by the candidate each links to.

A members' table comes from ``--children LIST=FILE`` (``--persons FILE``), or from the data
workbook itself: a sheet named after a list input (its name or label, as the template writes
it) is read as that list. In a workbook given as the members' file, that sheet is preferred
over the first one. The link column is ``<subject>_id`` or one of the subject's id headers
("Mã hộ"); ``--map`` applies here too (a map entry sending a header to the id sends it to the
link, in a members' table).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..errors import DataError, Diagnostic, Severity, diagnostic
from ..evaluators.records import id_text
from ..format.models import CriteriaSet, InputSpec
from ..messages import Arg, Msg, listing, msg
from .columns import ColumnMap, fold, header_test, suggest
from .header_words import total_label
from .readers import detect_format, find_header, iter_rows, list_sheets
from .row_convert import RowConverter

Warn = Callable[[Sequence[Diagnostic]], None]
Child = tuple[dict[str, object], tuple[Diagnostic, ...]]

SHEET_CHARS = 31
"""Excel's limit on a sheet name."""


@dataclass(frozen=True)
class ChildSpec:
    """``--children LIST=FILE``: which list (or collection) the rows fill, and the link field."""

    name: str
    path: str
    items: Mapping[str, InputSpec]
    link: str
    sheet: str | None = None


def sheet_name(text: str) -> str:
    """``text`` as an Excel sheet name: without the characters Excel refuses, at most 31 long."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in text).strip().strip("'")
    return " ".join(cleaned.split())[:SHEET_CHARS].strip() or "Sheet"


def list_sheet_names(name: str, spec: InputSpec) -> set[str]:
    """Sheet names (folded) that hold list ``name``: its name, aliases and labels."""
    texts = [name, name.removesuffix("s"), *spec.aliases, *spec.label.values()]
    return {fold(sheet_name(t)) for t in texts} | {fold(t) for t in texts}


class ChildrenError(ValueError):
    """A ``--children`` (or ``--persons``) text that names no list of the set: a usage error,
    told by :attr:`text`."""

    def __init__(self, text: Msg) -> None:
        super().__init__(str(text))
        self.text = text


def parse_children(specs: Sequence[str], cs: CriteriaSet) -> list[ChildSpec]:
    """``LIST=FILE`` texts as :class:`ChildSpec` (usage errors raise :class:`ChildrenError`)."""
    lists = [n for n, s in cs.inputs.items() if s.type == "list"] + list(cs.collections)
    out: list[ChildSpec] = []
    for text in specs:
        name, sep, path = text.partition("=")
        name, path = name.strip(), path.strip()
        if not sep or not name or not path:
            raise ChildrenError(msg("data-bad-children", text=text))
        if name in cs.inputs and cs.inputs[name].type == "list":
            spec = cs.inputs[name]
            items = spec.items or {}
            out.append(ChildSpec(name, path, items, f"{cs.subject}_id", _sheet_for(path, name, spec)))
        elif name in cs.collections:
            collection = cs.collections[name]
            out.append(ChildSpec(name, path, collection.fields, collection.link))
        else:
            known: Arg = listing(lists) if lists else msg("list.none")
            hint = suggest(name, lists)
            if hint is None:
                raise ChildrenError(msg("data-bad-children.unknown", name=name, lists=known))
            raise ChildrenError(msg("data-bad-children.unknown-hint", name=name, lists=known, hint=hint))
    return out


def _sheet_for(path: str, name: str, spec: InputSpec) -> str | None:
    """The sheet of a workbook holding list ``name`` (None: the first sheet, or not a workbook)."""
    try:
        if detect_format(path) != "xlsx":
            return None
        sheets = list_sheets(path)
    except DataError:
        return None  # reported when the file is read
    wanted = list_sheet_names(name, spec)
    return next((s for s in sheets if fold(s) in wanted), None)


def sheets_in_workbook(path: str, sheet: str | None, cs: CriteriaSet, given: set[str]) -> list[ChildSpec]:
    """The list inputs not ``given`` that have a sheet of their own in the data workbook."""
    if detect_format(path) != "xlsx":
        return []
    every = list_sheets(path)
    main = sheet if sheet is not None else (every[0] if every else None)
    sheets = [s for s in every if s != main]
    out: list[ChildSpec] = []
    for name, spec in cs.inputs.items():
        if spec.type != "list" or name in given:
            continue
        wanted = list_sheet_names(name, spec)
        found = next((s for s in sheets if fold(s) in wanted), None)
        if found is not None:
            out.append(ChildSpec(name, path, spec.items or {}, f"{cs.subject}_id", found))
    return out


def child_map(
    extra: Mapping[str, str] | None, headers: Sequence[str], link: str, id_field: str
) -> dict[str, str]:
    """The ``--map`` entries that concern a members' table: those naming one of its headers,
    the candidate's id sent to the link."""
    present = {fold(h) for h in headers}
    return {h: (link if t == id_field else t) for h, t in (extra or {}).items() if fold(h) in present}


def child_index(
    spec: ChildSpec, warn: Warn, extra: Mapping[str, str] | None = None, id_field: str = "id"
) -> tuple[dict[str, list[Child]], list[Diagnostic], list[str]]:
    """The rows of one members' table, converted and grouped by the candidate id they link to;
    with its totals rows (skipped) and its headers."""
    tabular = detect_format(spec.path) in ("csv", "tsv", "xlsx")
    file = f"{spec.path} ({spec.sheet})" if spec.sheet else spec.path  # where, in messages
    choice = header_test(spec.items, links=[spec.link], extra=extra) if tabular else None
    header = find_header(spec.path, sheet=spec.sheet, header=choice) if tabular else None
    headers = header.names if header is not None else []
    line = header.line if header is not None else 1
    own_map = child_map(extra, headers, spec.link, id_field)
    columns, notes = ColumnMap.build(
        headers, spec.items, links=[spec.link], extra=own_map, file=file, line=line
    )
    where: Arg = msg("at.sheet", file=spec.path, sheet=spec.sheet) if spec.sheet else spec.path
    if tabular and ("link", spec.link) not in columns.targets.values():
        text = msg("data-missing-link-column", table=spec.name, where=where, link=spec.link)
        hint = suggest(spec.link, headers)
        raise DataError([diagnostic("data-missing-link-column", text, file, line, 0, (), hint)])
    # a members' column missing from a table leaves every member without it: worth a warning
    warn([n for n in notes if n.code != "data-map-unused" and (tabular or n.code != "data-missing-column")])
    groups: dict[str, list[Child]] = {}
    unlinked, skipped = 0, []
    convert = RowConverter(columns, spec.items, file=file)
    link_header = next((h for h, t in columns.targets.items() if t == ("link", spec.link)), "")
    for raw in iter_rows(spec.path, sheet=spec.sheet, header=choice):
        label = total_label(raw.values.values(), raw.values.get(link_header)) if tabular else None
        if label is not None:
            text = msg(
                "data-total-row.table",
                row=raw.row_number,
                label=label,
                table=spec.sheet or spec.name,
                subject=msg("at.row", row=raw.row_number),
            )
            skipped.append(
                diagnostic("data-total-row", text, file, raw.row_number, 1, severity=Severity.WARNING)
            )
            continue
        record, problems = convert(raw)
        key = id_text(record.pop(spec.link, None))
        if key is None:
            unlinked += 1
            continue
        groups.setdefault(key, []).append((record, tuple(problems)))
    if unlinked:
        text = msg("data-missing-link", count=unlinked, where=where, link=spec.link)
        warn([diagnostic("data-missing-link", text, file, severity=Severity.WARNING)])
    return groups, skipped, headers


__all__ = [
    "Child",
    "ChildSpec",
    "ChildrenError",
    "child_index",
    "child_map",
    "list_sheet_names",
    "parse_children",
    "sheet_name",
    "sheets_in_workbook",
]
