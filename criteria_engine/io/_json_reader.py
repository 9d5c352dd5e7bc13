"""JSON and JSONL files as rows: a JSON document loaded whole, JSONL (or stdin) one line at a time."""

from __future__ import annotations

import json
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


def _json_row(number: int, item: object, file: str) -> readers.RawRow:
    if isinstance(item, dict):
        return readers.RawRow(number, {str(k): v for k, v in item.items()})
    kind = "null" if item is None else type(item).__name__
    problem = Diagnostic(
        "data-not-object", f"row {number} is a {kind}, not an object: {preview([item], 1)}", file, number, 1
    )
    return readers.RawRow(number, {}, (problem,))


def load_json(path: Path) -> object:
    """The parsed JSON document at ``path`` (UTF-8, BOM allowed); problems raise DataError."""
    with open_binary(path) as raw:
        data = raw.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        check_utf8(path)  # raises, naming the line
        raise
    if not text.strip():
        fail("data-empty", "the file is empty", str(path))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        fail("data-bad-json", f"the file is not valid JSON: {exc.msg}", str(path), exc.lineno, exc.colno)


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
    for number, item in enumerate(json_table(load_json(path), table, str(path)), start=1):
        yield _json_row(number, item, str(path))


def iter_jsonl(path: str | Path) -> Iterator[readers.RawRow]:
    stdin = str(path) == "-"
    if not stdin:
        check_utf8(Path(path))
    file = "<stdin>" if stdin else str(path)
    rows = 0
    source: IO[bytes] = sys.stdin.buffer if stdin else open_binary(Path(path))
    with nullcontext(source) if stdin else source as raw:
        for number, data in enumerate(raw, start=1):
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError:
                fail("data-not-utf8", f"line {number} is not UTF-8 text", file, number)
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            rows += 1
            try:
                item = json.loads(line)
            except ValueError as exc:
                where = (exc.colno,) if isinstance(exc, json.JSONDecodeError) else (1,)
                message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                problem = Diagnostic(
                    "data-bad-json", f"row {number} is not valid JSON: {message}", file, number, *where
                )
                yield readers.RawRow(number, {}, (problem,))
                continue
            yield _json_row(number, item, file)
    if not rows:
        fail("data-empty", "the file is empty (no records)", file)
