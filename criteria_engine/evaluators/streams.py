"""Streaming helpers of dataset evaluation: scanning one column, child rows, duplicate ids.

* :func:`scan_column` reads one column of a table, for ids and links needed before a pass.
* :class:`ChildStream` gives each parent row its child rows (a household its persons). When the
  child table lists each parent's rows together (in any order of parents), it streams: one
  pass over the link column first, then the children are read alongside the parents, holding
  only the groups read ahead of their parent. Otherwise the whole child table is indexed in
  memory (:class:`~criteria_engine.io.dataset.ChildIndex`).
* :class:`IdHashes` finds duplicate ids in a stream with 8 bytes per row (:class:`HashBuckets`).
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Iterator, Mapping

from ..errors import Diagnostic, Severity
from ..format.models import InputSpec
from ..io.columns import ColumnMap
from ..io.convert import convert_value, id_text
from ..io.dataset import ChildIndex, Dataset
from ..io.readers import RawRow

Record = dict[str, object]


class RowConverter:
    """:func:`~criteria_engine.io.convert.convert_raw_row` with a memo of converted cells.

    Big tables repeat the same few cells (``0``, ``1``, ``có``, ``rural``...): each distinct
    short text is converted once per input (up to :attr:`LIMIT` texts per input), then looked
    up. The record and the diagnostics are the same as ``convert_raw_row`` gives.
    """

    LIMIT = 2048

    def __init__(self, column_map: ColumnMap, inputs: Mapping[str, InputSpec], file: str = "") -> None:
        self.map = column_map
        self.inputs = inputs
        self.file = file
        # header -> (kind, name, memo of the input's converted texts or None, 1-based column)
        self._targets: dict[str, tuple[str, str, dict[str, tuple[object, str | None]] | None, int]] = {}
        for header, (kind, name) in column_map.targets.items():
            memo: dict[str, tuple[object, str | None]] | None = None
            if kind == "input" and inputs[name].type != "list":
                memo = {}
            self._targets[header] = (kind, name, memo, column_map.column_of(header))

    def __call__(self, row: RawRow) -> tuple[Record, list[Diagnostic]]:
        record: Record = {}
        problems = list(row.problems)
        targets = self._targets
        for header, raw in row.values.items():
            target = targets.get(header)
            if target is None:
                continue
            kind, name, memo, column = target
            if kind == "input":
                found = memo.get(raw) if memo is not None and type(raw) is str else None
                if found is None:
                    found = convert_value(raw, self.inputs[name])
                    if memo is not None and type(raw) is str and len(raw) <= 40 and len(memo) < self.LIMIT:
                        memo[raw] = found
                value, problem = found
                if problem:
                    number = row.row_number
                    where = f"row {number}, column '{header}'" if number else f"column '{header}'"
                    message = f"{where}: {problem}"
                    problems.append(Diagnostic("data-bad-value", message, self.file, number, column, (name,)))
                if value is not None:
                    record[name] = value
            elif kind == "id":
                text = id_text(raw)
                if text:
                    record[name] = text
            else:
                record[name] = raw
        return record, problems


def scan_column(dataset: Dataset, table: str, header: str) -> Iterator[str | None]:
    """The values of one column as id text (None when empty), row by row (blank rows skipped)."""
    return (id_text(row.values.get(header)) for row in dataset.rows(table))


class HashBuckets:
    """64-bit hashes (8 bytes each) in 256 arrays by their low byte, sorted one bucket at a time
    by :meth:`freeze`, so sorting never holds more than a 256th of them as Python ints."""

    def __init__(self) -> None:
        self._buckets = [array("q") for _ in range(256)]
        self._offsets: list[int] = []

    def add(self, value: int) -> None:
        """Remember one hash."""
        self._buckets[value & 255].append(value)

    def __len__(self) -> int:
        return sum(len(b) for b in self._buckets)

    def freeze(self) -> set[int]:
        """Sort every bucket; return the hashes seen more than once."""
        repeated: set[int] = set()
        self._offsets, total = [], 0
        for index, bucket in enumerate(self._buckets):
            ordered = sorted(bucket)
            repeated.update(a for a, b in itertools.pairwise(ordered) if a == b)
            self._buckets[index] = array("q", ordered)
            self._offsets.append(total)
            total += len(ordered)
        return repeated

    def position(self, value: int) -> int | None:
        """Where ``value`` sits among the frozen hashes (None when absent)."""
        bucket = self._buckets[value & 255]
        at = bisect.bisect_left(bucket, value)
        return self._offsets[value & 255] + at if at < len(bucket) and bucket[at] == value else None


class IdHashes:
    """Ids seen in a stream, as 64-bit hashes (8 bytes each); duplicates found at the end."""

    def __init__(self) -> None:
        self._hashes = HashBuckets()

    def add(self, candidate_id: str) -> None:
        """Remember one id."""
        self._hashes.add(hash(candidate_id))

    def suspects(self) -> set[int]:
        """Hashes seen more than once (a duplicate id, or, very rarely, two ids sharing a hash)."""
        return self._hashes.freeze()


class ChildStream:
    """The child rows of each parent (``persons`` of a household), read alongside the parents."""

    def __init__(
        self,
        dataset: Dataset,
        table: str,
        link: str,
        items: Mapping[str, InputSpec],
        *,
        id_field: str = "id",
        list_name: str = "",
    ) -> None:
        self.table = table
        self.link = link
        self.list_name = list_name or table
        self.file = str(dataset.source_of(table).path)
        headers = dataset.headers(table)
        self.map, self.notes = ColumnMap.build(
            headers, items, id_field=id_field, links=[link], file=self.file
        )
        self.items = items
        self._dataset = dataset
        self.has_link = self.map.target(link) is not None or link in headers
        link_header = next((h for h, (k, n) in self.map.targets.items() if k == "link" and n == link), link)
        self._runs = HashBuckets()  # one hash per run of rows with the same link
        contiguous, previous = True, None
        for value in scan_column(dataset, table, link_header) if self.has_link else ():
            if value is None:
                contiguous = False
            elif value != previous:
                self._runs.add(hash(value))
            previous = value
        self.streaming = not self._runs.freeze() and contiguous
        self._taken = bytearray(len(self._runs))
        self._pending: dict[str, tuple[list[Record], list[Diagnostic]]] = {}
        self._rows: Iterator[tuple[str | None, Record, list[Diagnostic]]] = self._read()
        self._ahead: tuple[str | None, Record, list[Diagnostic]] | None = None
        self._index: ChildIndex | None = None
        self._problems: dict[str, list[Diagnostic]] = {}
        if not self.streaming:
            self._index = ChildIndex(self._indexed(), link)

    def _read(self) -> Iterator[tuple[str | None, Record, list[Diagnostic]]]:
        convert = RowConverter(self.map, self.items, self.file)
        for row in self._dataset.rows(self.table):
            record, problems = convert(row)
            yield id_text(record.get(self.link)), record, problems

    def _indexed(self) -> Iterator[Record]:
        for key, record, problems in self._rows:
            if problems and key is not None:
                self._problems.setdefault(key, []).extend(problems)
            yield record

    def _position(self, key: str) -> int | None:
        return self._runs.position(hash(key))

    def _next_group(self) -> tuple[str, list[Record], list[Diagnostic]] | None:
        first = self._ahead if self._ahead is not None else next(self._rows, None)
        self._ahead = None
        if first is None or first[0] is None:
            return None
        key, records, problems = first[0], [first[1]], list(first[2])
        for item in self._rows:
            if item[0] != key:
                self._ahead = item
                break
            records.append(item[1])
            problems.extend(item[2])
        position = self._position(key)
        if position is not None:
            self._taken[position] = 1
        return key, records, problems

    def take(self, parent_id: str) -> tuple[list[Record], list[Diagnostic]]:
        """The children of ``parent_id`` and the problems of their rows ([] when none)."""
        if self._index is not None:
            return self._index.take(parent_id), self._problems.get(parent_id, [])
        if parent_id in self._pending:
            return self._pending.pop(parent_id)
        position = self._position(parent_id)
        if position is None or self._taken[position]:
            return [], []  # no children, or already given (a duplicate parent id)
        while (group := self._next_group()) is not None:
            key, records, problems = group
            if key == parent_id:
                return records, problems
            self._pending[key] = (records, problems)
        return [], []

    def finish(self, parent_table: str) -> list[Diagnostic]:
        """Warnings for children no parent took (``dataset-orphan-children``)."""
        out = list(self.notes)
        if not self.has_link:
            message = f"table '{self.table}' has no '{self.link}' column: no {self.list_name} row can be given to a {parent_table} row"
            return [
                *out,
                Diagnostic("dataset-orphan-children", message, self.file, severity=Severity.WARNING),
            ]
        if self._index is not None:
            orphans = self._index.orphans()
            unlinked = self._index.unlinked
        else:
            orphans = {k: len(v[0]) for k, v in self._pending.items()}
            while (group := self._next_group()) is not None:
                orphans[group[0]] = orphans.get(group[0], 0) + len(group[1])
            unlinked = 0  # streaming is chosen only when every child row has a link
        if orphans:
            shown = ", ".join(f"'{k}'" for k in list(orphans)[:5]) + (", …" if len(orphans) > 5 else "")
            message = (
                f"{sum(orphans.values())} {self.table} row(s) link through '{self.link}' to no {parent_table} row: {shown}; "
                "they are not part of any evaluation"
            )
            out.append(Diagnostic("dataset-orphan-children", message, self.file, severity=Severity.WARNING))
        if unlinked:
            message = (
                f"{unlinked} {self.table} row(s) have no '{self.link}' and belong to no {parent_table} row"
            )
            out.append(Diagnostic("dataset-orphan-children", message, self.file, severity=Severity.WARNING))
        return out


def rescan_duplicates(
    dataset: Dataset, table: str, id_header: str, suspects: set[int]
) -> dict[str, list[int]]:
    """Ids whose hash is suspect, with the rows where each appears (only true duplicates)."""
    rows: dict[str, list[int]] = {}
    for row in dataset.rows(table):
        value = id_text(row.values.get(id_header))
        if value is not None and hash(value) in suspects:
            rows.setdefault(value, []).append(row.row_number)
    return {k: v for k, v in rows.items() if len(v) > 1}


__all__ = ["ChildStream", "HashBuckets", "IdHashes", "RowConverter", "rescan_duplicates", "scan_column"]
