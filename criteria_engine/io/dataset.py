"""Datasets: several entity tables by subject name, and joining child rows to their parents.

A dataset is opened from

* a folder of files named ``<subject>.<ext>`` (``household.csv``, ``person.csv``,
  ``village.xlsx``...; other files are ignored);
* one JSON document ``{"household": [...], "village": [...]}`` (every list value is a
  table; a top-level list is one table named after the file);
* one XLSX workbook: with several sheets, each sheet is a table; with one sheet, the table is
  named after the file;
* any other single data file: one table named after the file.

A subject is found by its exact name, then ignoring case, then with or without a plural
``s`` (``households.csv`` serves ``household``).

Memory: rows stream from the files, re-opened for each :meth:`Dataset.rows` call. A JSON
document is parsed on each call (JSON is never streamed). :func:`attach_children` holds the
child table in memory (a dict keyed by link value) while the parents stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from criteria_engine.errors import DataError, Diagnostic, Severity, diagnostic
from criteria_engine.evaluators.records import id_text
from criteria_engine.evaluators.streams import ChildIndex
from criteria_engine.io.advice import shortened
from criteria_engine.io.columns import suggest
from criteria_engine.io.readers import (
    FORMATS,
    RawRow,
    detect_format,
    iter_rows,
    json_table,
    list_sheets,
    load_json,
    read_headers,
)
from criteria_engine.messages import Arg, Msg, listing, msg


@dataclass(frozen=True, slots=True)
class TableSource:
    """Where one table of a dataset is read from: a file, and a sheet or JSON key in it."""

    path: Path
    sheet: str | None = None
    key: str | None = None


class Dataset:
    """Entity tables by subject name. Open one with :func:`open_dataset`."""

    def __init__(self, source: Path, tables: Mapping[str, TableSource]) -> None:
        self.source = source
        self._tables = dict(tables)

    def tables(self) -> list[str]:
        """The table (subject) names, sorted."""
        return sorted(self._tables)

    def resolve(self, subject: str) -> str | None:
        """The table serving ``subject``: exact, case-insensitive, then singular/plural."""
        if subject in self._tables:
            return subject
        lower = {name.casefold(): name for name in self._tables}
        key = subject.casefold()
        for candidate in (key, f"{key}s", key.removesuffix("s") if key.endswith("s") else None):
            if candidate is not None and candidate in lower:
                return lower[candidate]
        return None

    def has(self, subject: str) -> bool:
        """Whether the dataset has a table for ``subject``."""
        return self.resolve(subject) is not None

    def source_of(self, subject: str) -> TableSource:
        """Where the table for ``subject`` is read from; ``dataset-missing-table`` if absent."""
        name = self.resolve(subject)
        if name is None:
            listed: Arg = listing(self.tables()) if self.tables() else msg("list.none")
            text = msg("dataset-missing-table", table=subject, tables=listed)
            hint = suggest(subject, self._tables)
            raise DataError([diagnostic("dataset-missing-table", text, str(self.source), hint=hint)])
        return self._tables[name]

    def rows(self, subject: str) -> Iterator[RawRow]:
        """Stream the rows of ``subject``'s table (the file is opened anew on each call)."""
        table = self.source_of(subject)
        return iter_rows(table.path, sheet=table.sheet, table=table.key)

    def headers(self, subject: str) -> list[str]:
        """The column headers of ``subject``'s table."""
        table = self.source_of(subject)
        return read_headers(table.path, sheet=table.sheet, table=table.key)

    def __repr__(self) -> str:
        return f"Dataset({str(self.source)!r}, tables={self.tables()!r})"


def _subject_key(stem: str) -> str:
    """The subject a file name serves, as :meth:`Dataset.resolve` finds it: ``Households`` and
    ``household`` are one table."""
    key = stem.casefold()
    return key.removesuffix("s") if key.endswith("s") and len(key) > 1 else key


def _fail(code: str, text: Msg, path: Path) -> DataError:
    return DataError([diagnostic(code, text, str(path))])


def open_dataset(path: str | Path) -> Dataset:
    """Open a dataset from a folder or a single file (see the module documentation).

    Raises ``data-unreadable`` for a missing path, ``data-empty`` for a folder without data
    files, ``dataset-duplicate-table`` for two files of one subject (``household.csv`` and
    ``household.json``, or ``household.csv`` and ``Households.csv``).
    """
    source = Path(path)
    if source.is_dir():
        tables: dict[str, TableSource] = {}
        by_subject: dict[str, str] = {}
        for child in sorted(source.iterdir()):
            if child.name.startswith((".", "~$")) or not child.is_file():
                continue
            if child.suffix.lower() not in FORMATS:
                continue
            subject = _subject_key(child.stem)
            if subject in by_subject:
                first = tables[by_subject[subject]].path.name
                text = msg("dataset-duplicate-table", table=subject, first=first, second=child.name)
                hint = msg("dataset-duplicate-table.hint")
                raise DataError([diagnostic("dataset-duplicate-table", text, str(child), hint=hint)])
            by_subject[subject] = child.stem
            tables[child.stem] = TableSource(child)
        if not tables:
            raise _fail("data-empty", msg("data-empty", kinds=listing(sorted(FORMATS))), source)
        return Dataset(source, tables)
    if not source.is_file():
        raise _fail("data-unreadable", msg("data-unreadable.missing-path", path=str(source)), source)
    kind = detect_format(source)
    if kind == "json":
        document = load_json(source)
        if isinstance(document, dict):
            keys = [str(k) for k, v in document.items() if isinstance(v, list)]
            if not keys:
                raise _fail("data-not-list", msg("data-not-list.no-table"), source)
            return Dataset(source, {k: TableSource(source, key=k) for k in keys})
        json_table(document, None, str(source))  # a list, or the error for anything else
        return Dataset(source, {source.stem: TableSource(source)})
    if kind == "xlsx":
        sheets = list_sheets(source)
        if len(sheets) > 1:
            return Dataset(source, {s: TableSource(source, sheet=s) for s in sheets})
    return Dataset(source, {source.stem: TableSource(source)})


def attach_children(
    records: Iterable[Mapping[str, object]],
    child_rows: Iterable[Mapping[str, object]],
    link_field: str,
    list_name: str,
    *,
    id_field: str = "id",
    problems: list[Diagnostic] | None = None,
) -> Iterator[dict[str, object]]:
    """Give each parent record the list of its children, under ``list_name``.

    ``child_rows`` are child records (already converted); a child belongs to the parent whose
    ``id_field`` equals its ``link_field`` (compared as text: ``12``, ``12.0`` and ``'12'``
    agree). The whole child table is loaded into memory first; parents stream. A parent
    without children gets ``[]``; a parent without an id, or one that already has
    ``list_name`` (e.g. from JSON), is left as it is. When the parents are exhausted,
    warnings are appended to ``problems``: ``data-orphan-rows`` (children whose parent is
    absent) and ``data-missing-link`` (children without a link value).
    """
    index = ChildIndex(child_rows, link_field)
    for record in records:
        out = dict(record)
        if list_name not in out and id_text(out.get(id_field)) is not None:
            out[list_name] = index.take(out[id_field])
        yield out
    if problems is None:
        return
    orphans = index.orphans()
    if orphans:
        shown = shortened(tuple(f"'{k}'" for k in orphans), 5)
        count = sum(orphans.values())
        text = msg("data-orphan-rows.parent", count=count, table=list_name, link=link_field, ids=shown)
        problems.append(diagnostic("data-orphan-rows", text, severity=Severity.WARNING))
    if index.unlinked:
        text = msg("data-missing-link.parent", count=index.unlinked, table=list_name, link=link_field)
        problems.append(diagnostic("data-missing-link", text, severity=Severity.WARNING))


__all__ = ["Dataset", "TableSource", "attach_children", "open_dataset"]
