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

from criteria_engine.errors import diagnostic, did_you_mean

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._files import check_utf8, fail, open_binary
from criteria_engine.io._rows import preview
from criteria_engine.messages import Arg, Msg, listing, msg

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


def record_problem(item: object) -> Msg | None:
    """Why a parsed record cannot be read (a repeated key, too deep), or None."""
    stack: list[tuple[object, int]] = [(item, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, _Repeated):
            keys = listing(f"'{k}'" for k in node.repeated[:3])
            return msg("data-bad-json.repeated", keys=keys)
        if depth > readers.MAX_JSON_DEPTH:
            return msg("data-bad-json.deep", limit=readers.MAX_JSON_DEPTH)
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    return None


_JSON_WORDS = {
    "Expecting value": "json.expecting-value",
    "Expecting ',' delimiter": "json.expecting-comma",
    "Expecting ':' delimiter": "json.expecting-colon",
    "Expecting property name enclosed in double quotes": "json.expecting-name",
    "Unterminated string starting at": "json.unterminated",
    "Invalid control character at": "json.control",
    "Extra data": "json.extra",
}
"""Python's JSON complaints (stable words) in the catalogue's words."""


def _unparsable(exc: Exception, text: str) -> tuple[Msg, int, int]:
    """(message, line, column) for a JSON text that cannot be parsed."""
    if isinstance(exc, json.JSONDecodeError):
        key = _JSON_WORDS.get(exc.msg)
        return (msg(key) if key else msg("json.detail", detail=exc.msg)), exc.lineno, exc.colno
    if isinstance(exc, RecursionError):
        return msg("data-bad-json.too-deep", limit=readers.MAX_JSON_DEPTH), 0, 0
    found = _LONG_NUMBER.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        return msg("data-bad-json.digits", digits=len(found.group().lstrip("-"))), line, column
    return msg("json.detail", detail=str(exc)), 0, 0


def _json_row(number: int, item: object, file: str) -> readers.RawRow:
    if isinstance(item, dict):
        why = record_problem(item)
        if why is not None:
            problem = diagnostic("data-bad-json", msg("data-bad-json", line=number, detail=why), file, number)
            return readers.RawRow(number, {}, (problem,))
        return readers.RawRow(number, {str(k): v for k, v in item.items()})
    kind = "null" if item is None else type(item).__name__
    text = msg("data-not-object", line=number, kind=kind, preview=preview([item], 1))
    problem = diagnostic("data-not-object", text, file, number)
    return readers.RawRow(number, {}, (problem,))


def load_json(path: Path) -> object:
    """The parsed JSON document at ``path`` (UTF-8, BOM allowed); problems raise DataError."""
    with open_binary(path) as raw:
        data = raw.read(readers.MAX_JSON_BYTES + 1)
    if len(data) > readers.MAX_JSON_BYTES:
        too_large = msg("data-too-large.bytes", limit=readers.MAX_JSON_BYTES)
        fail("data-too-large", too_large, str(path), hint=msg("data-too-large.hint"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        check_utf8(path)  # raises, naming the line
        raise
    del data
    if not text.strip():
        fail("data-empty", msg("empty-file"), str(path))
    try:
        return parse(text)
    except (ValueError, RecursionError) as exc:
        detail, line, column = _unparsable(exc, text)
        fail("data-bad-json", msg("data-bad-json.file", detail=detail), str(path), line, column)


def json_table(document: object, table: str | None, file: str) -> list[Any]:
    """The list of records of a JSON document: the document itself, or the list under ``table``.

    Without ``table``, an object with exactly one list value gives that list.
    """
    if isinstance(document, list):
        if table is None:
            return document
        fail("dataset-missing-table", msg("dataset-missing-table.one-list", table=table), file)
    if not isinstance(document, dict):
        fail("data-not-list", msg("data-not-list.document"), file, 1, 1)
    lists = [key for key, value in document.items() if isinstance(value, list)]
    if table is None:
        if len(lists) == 1:
            return list(document[lists[0]])
        which = msg("data-not-list.which", tables=listing(lists)) if lists else msg("data-not-list.none")
        fail("data-not-list", msg("data-not-list.object", which=which), file, 1, 1)
    if table not in document:
        listed: Arg = msg("dataset-missing-table.has", tables=listing(lists)) if lists else ""
        hint = did_you_mean(table, lists)
        fail(
            "dataset-missing-table",
            msg("dataset-missing-table.document", table=table, listed=listed),
            file,
            hint=hint,
        )
    value = document[table]
    if not isinstance(value, list):
        fail("data-not-list", msg("data-not-list", table=table, kind=type(value).__name__), file)
    return value


def iter_json(path: Path, table: str | None) -> Iterator[readers.RawRow]:
    records = json_table(load_json(path), table, str(path))
    if len(records) > readers.MAX_JSON_ROWS:
        text = msg("data-too-large.rows", count=len(records), limit=readers.MAX_JSON_ROWS)
        fail("data-too-large", text, str(path), hint=msg("data-too-large.hint"))
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
            text = msg("data-cell-too-large.line", line=number, limit=readers.MAX_JSONL_LINE_BYTES)
            yield at, readers.RawRow(number, {}, (diagnostic("data-cell-too-large", text, file, number, 1),))
            number += 1
            continue
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError:
            fail("data-not-utf8", msg("data-not-utf8.line", line=number), file, number)
        if number == 1:
            line = line.removeprefix("\ufeff")
        if line.strip():
            yield at, _jsonl_row(number, line, file)
        number += 1


def _jsonl_row(number: int, line: str, file: str) -> readers.RawRow:
    try:
        item = parse(line)
    except (ValueError, RecursionError) as exc:
        detail, _line, column = _unparsable(exc, line)
        if column:
            detail = msg("data-bad-json.character", detail=detail, column=column)
        text = msg("data-bad-json.line", line=number, detail=detail)
        problem = diagnostic("data-bad-json", text, file, number)
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
        fail("data-empty", msg("data-empty.no-records"), file)
