"""Streaming helpers of dataset evaluation: child rows, duplicate ids.

* :class:`ChildStream` gives each parent row its child rows (a household its persons). When the
  child table lists each parent's rows together (in any order of parents), it streams: one
  pass over the link column first, then the children are read alongside the parents, holding
  only the groups read ahead of their parent. Otherwise the whole child table is indexed in
  memory (:class:`ChildIndex`).
* :class:`IdHashes` finds duplicate ids in a stream with 8 bytes per row (:class:`HashBuckets`).
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Iterable, Iterator, Mapping

from ..errors import Diagnostic, Severity, diagnostic
from ..format.models import InputSpec
from ..messages import listing, msg
from .records import id_text
from .tables import TableFields, Tables

Record = dict[str, object]


class ChildIndex:
    """Child records grouped by the parent id they link to (held in memory)."""

    def __init__(self, children: Iterable[Mapping[str, object]], link_field: str) -> None:
        self.link_field = link_field
        self.unlinked = 0
        self._groups: dict[str, list[dict[str, object]]] = {}
        self._taken: set[str] = set()
        for child in children:
            key = id_text(child.get(link_field))
            if key is None:
                self.unlinked += 1
            else:
                self._groups.setdefault(key, []).append(dict(child))

    def take(self, parent_id: object) -> list[dict[str, object]]:
        """The children of ``parent_id`` (a copy of the list; [] when it has none)."""
        key = id_text(parent_id)
        if key is None:
            return []
        self._taken.add(key)
        return list(self._groups.get(key, ()))

    def orphans(self) -> dict[str, int]:
        """Link values no parent asked for, with their number of children."""
        return {k: len(v) for k, v in self._groups.items() if k not in self._taken}


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
        tables: Tables,
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
        self.file = tables.file(table)
        self.fields = TableFields(items, id_field, (link,))
        self.notes = tables.notes(table, self.fields)
        self._tables = tables
        self.has_link = tables.provides(table, link, self.fields)
        self._runs = HashBuckets()  # one hash per run of rows with the same link
        contiguous, previous = True, None
        for _line, value in tables.column(table, link, self.fields) if self.has_link else ():
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
        for row in self._tables.rows(self.table, self.fields):
            yield id_text(row.record.get(self.link)), row.record, row.problems

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
            text = msg(
                "dataset-orphan-children.no-link",
                table=self.table,
                link=self.link,
                list=self.list_name,
                parent=parent_table,
            )
            return [*out, diagnostic("dataset-orphan-children", text, self.file, severity=Severity.WARNING)]
        if self._index is not None:
            orphans = self._index.orphans()
            unlinked = self._index.unlinked
        else:
            orphans = {k: len(v[0]) for k, v in self._pending.items()}
            while (group := self._next_group()) is not None:
                orphans[group[0]] = orphans.get(group[0], 0) + len(group[1])
            unlinked = 0  # streaming is chosen only when every child row has a link
        if orphans:
            quoted = tuple(f"'{k}'" for k in list(orphans)[:5])
            shown = msg("more", items=quoted) if len(orphans) > 5 else listing(quoted)
            text = msg(
                "dataset-orphan-children",
                count=sum(orphans.values()),
                table=self.table,
                link=self.link,
                parent=parent_table,
                ids=shown,
            )
            out.append(diagnostic("dataset-orphan-children", text, self.file, severity=Severity.WARNING))
        if unlinked:
            text = msg(
                "dataset-orphan-children.unlinked",
                count=unlinked,
                table=self.table,
                link=self.link,
                parent=parent_table,
            )
            out.append(diagnostic("dataset-orphan-children", text, self.file, severity=Severity.WARNING))
        return out


def rescan_duplicates(
    tables: Tables, table: str, fields: TableFields, suspects: set[int]
) -> dict[str, list[int]]:
    """Ids whose hash is suspect, with the rows where each appears (only true duplicates)."""
    rows: dict[str, list[int]] = {}
    for line, value in tables.column(table, fields.id_field, fields):
        if value is not None and hash(value) in suspects:
            rows.setdefault(value, []).append(line)
    return {k: v for k, v in rows.items() if len(v) > 1}


__all__ = ["ChildIndex", "ChildStream", "HashBuckets", "IdHashes", "rescan_duplicates"]
