"""JSON and JSONL files as rows: a JSON document loaded whole, JSONL (or stdin) one line at a time.

A record is refused (an invalid row naming its row) when it repeats a key (JSON's own rule
lets the last one win silently; the set files refuse it too), nests deeper than
``MAX_JSON_DEPTH``, or holds a number too long to read. A JSON document larger than
``MAX_JSON_BYTES`` or with more than ``MAX_JSON_ROWS`` records is refused whole: it is parsed
in memory; JSONL streams.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Any

from criteria_engine.errors import Diagnostic, did_you_mean

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._files import check_utf8, fail, open_binary
from criteria_engine.io._rows import preview

_LONG_NUMBER = re.compile(r"-?[0-9]{4000,}")


class _Repeated(dict[str, object]):
    """A JSON object that repeated some of its keys (the repeated ones, in order)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        super().__init__(pairs)
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        self.repeated = [k for k, n in counts.items() if n > 1]


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    return found if len(found) == len(pairs) else _Repeated(pairs)


def parse(text: str) -> object:
    """JSON text parsed, objects that repeat a key marked (see :func:`record_problem`)."""
    return json.loads(text, object_pairs_hook=_pairs)


def record_problem(item: object) -> str | None:
    """Why a parsed record cannot be read (a repeated key, too deep), or None."""
    stack: list[tuple[object, int]] = [(item, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, _Repeated):
            keys = ", ".join(f"'{k}'" for k in node.repeated[:3])
            return f"the key {keys} appears more than once in one record (which one is meant?)"
        if depth > readers.MAX_JSON_DEPTH:
            return f"it is nested more than {readers.MAX_JSON_DEPTH} levels deep"
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    return None


def _unparsable(exc: Exception, text: str) -> tuple[str, int, int]:
    """(message, line, column) for a JSON text that cannot be parsed."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg, exc.lineno, exc.colno
    if isinstance(exc, RecursionError):
        return f"it is nested too deeply (more than {readers.MAX_JSON_DEPTH} levels are not read)", 0, 0
    found = _LONG_NUMBER.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        return f"a number has {len(found.group().lstrip('-')):,} digits, too many to read", line, column
    return str(exc), 0, 0


def _json_row(number: int, item: object, file: str) -> readers.RawRow:
    if isinstance(item, dict):
        why = record_problem(item)
        if why is not None:
            diagnostic = Diagnostic("data-bad-json", f"row {number} cannot be read: {why}", file, number)
            return readers.RawRow(number, {}, (diagnostic,))
        return readers.RawRow(number, {str(k): v for k, v in item.items()})
    kind = "null" if item is None else type(item).__name__
    problem = Diagnostic(
        "data-not-object", f"row {number} is a {kind}, not an object: {preview([item], 1)}", file, number
    )
    return readers.RawRow(number, {}, (problem,))


def load_json(path: Path) -> object:
    """The parsed JSON document at ``path`` (UTF-8, BOM allowed); problems raise DataError."""
    with open_binary(path) as raw:
        data = raw.read(readers.MAX_JSON_BYTES + 1)
    if len(data) > readers.MAX_JSON_BYTES:
        message = (
            f"the JSON document is larger than {readers.MAX_JSON_BYTES:,} bytes, the limit for one document"
        )
        hint = "write the records as JSONL (one record per line), which is read a line at a time"
        fail("data-too-large", message, str(path), hint=hint)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        check_utf8(path)  # raises, naming the line
        raise
    del data
    if not text.strip():
        fail("data-empty", "the file is empty", str(path))
    try:
        return parse(text)
    except (ValueError, RecursionError) as exc:
        message, line, column = _unparsable(exc, text)
        fail("data-bad-json", f"the file is not valid JSON: {message}", str(path), line, column)


def json_table(document: object, table: str | None, file: str) -> list[Any]:
    """The list of records of a JSON document: the document itself, or the list under ``table``.

    Without ``table``, an object with exactly one list value gives that list.
    """
    if isinstance(document, list):
        if table is None:
            return document
        fail("dataset-missing-table", f"the file holds one list, not a table named '{table}'", file)
    if not isinstance(document, dict):
        fail("data-not-list", "the JSON document is not a list of records", file, 1, 1)
    lists = [key for key, value in document.items() if isinstance(value, list)]
    if table is None:
        if len(lists) == 1:
            return list(document[lists[0]])
        which = f": one of {', '.join(lists)}" if lists else " (it holds no list)"
        fail("data-not-list", f"the JSON document is an object; name the table to read{which}", file, 1, 1)
    if table not in document:
        listed = f"; it has: {', '.join(lists)}" if lists else ""
        hint = did_you_mean(table, lists)
        fail("dataset-missing-table", f"no table '{table}' in the document{listed}", file, hint=hint)
    value = document[table]
    if not isinstance(value, list):
        fail("data-not-list", f"'{table}' is a {type(value).__name__}, not a list of records", file)
    return value


def iter_json(path: Path, table: str | None) -> Iterator[readers.RawRow]:
    records = json_table(load_json(path), table, str(path))
    if len(records) > readers.MAX_JSON_ROWS:
        message = f"the JSON document holds {len(records):,} records, more than the limit of {readers.MAX_JSON_ROWS:,}"
        hint = "write the records as JSONL (one record per line), which is read a line at a time"
        fail("data-too-large", message, str(path), hint=hint)
    for number, item in enumerate(records, start=1):
        yield _json_row(number, item, str(path))


def _lines(raw: IO[bytes]) -> Iterator[tuple[bytes | None, int]]:
    """The lines of a byte stream with their length in bytes; None for a line longer than
    ``MAX_JSONL_LINE_BYTES`` (skipped in chunks, never held whole)."""
    limit = readers.MAX_JSONL_LINE_BYTES
    while True:
        data = raw.readline(limit + 1)
        if not data:
            return
        if len(data) <= limit or data.endswith(b"\n"):
            yield data, len(data)
            continue
        size = len(data)
        while data and not data.endswith(b"\n"):
            data = raw.readline(1 << 20)
            size += len(data)
        yield None, size


def jsonl_records(
    raw: IO[bytes], file: str, number: int = 1, offset: int = 0, end: int | None = None
) -> Iterator[tuple[int, readers.RawRow]]:
    """The records of JSONL lines read from ``raw`` (positioned at byte ``offset``, on line
    ``number``), each with the byte offset of its line; blank lines are skipped. With ``end``,
    the lines starting at or after that offset are left (another reader's part)."""
    for data, size in _lines(raw):
        if end is not None and offset >= end:
            return
        at, offset = offset, offset + size
        if data is None:
            message = f"row {number} is longer than {readers.MAX_JSONL_LINE_BYTES:,} bytes; it is not read"
            yield (
                at,
                readers.RawRow(number, {}, (Diagnostic("data-cell-too-large", message, file, number, 1),)),
            )
            number += 1
            continue
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError:
            fail("data-not-utf8", f"line {number} is not UTF-8 text", file, number)
        if number == 1:
            line = line.removeprefix("\ufeff")
        if line.strip():
            yield at, _jsonl_row(number, line, file)
        number += 1


def _jsonl_row(number: int, line: str, file: str) -> readers.RawRow:
    try:
        item = parse(line)
    except (ValueError, RecursionError) as exc:
        message, _line, column = _unparsable(exc, line)
        at = f" (at character {column})" if column else ""
        problem = Diagnostic("data-bad-json", f"row {number} is not valid JSON: {message}{at}", file, number)
        return readers.RawRow(number, {}, (problem,))
    return _json_row(number, item, file)


def iter_jsonl(path: str | Path) -> Iterator[readers.RawRow]:
    stdin = str(path) == "-"
    if not stdin:
        check_utf8(Path(path))
    file = "<stdin>" if stdin else str(path)
    rows = 0
    source: IO[bytes] = sys.stdin.buffer if stdin else open_binary(Path(path))
    with nullcontext(source) if stdin else source as raw:
        for _offset, row in jsonl_records(raw, file):
            rows += 1
            yield row
    if not rows:
        fail("data-empty", "the file is empty (no records)", file)
