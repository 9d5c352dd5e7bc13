"""Result writers: one per output format, fed item by item, closed with the summary.

Every writer streams (constant memory) except the terminal table, which keeps one short row
of text per candidate to size its columns. The HTML report spools its cards to a temporary
file, so it too stays small in memory. Ranking (``--rank``) is done before the writer sees the
items and holds every result.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import IO, Any, Protocol

from ..evaluators.plan import Plan
from .summary import Item, Summary

FORMATS = ("table", "json", "jsonl", "csv", "xlsx", "md", "html")
BINARY_FORMATS = ("xlsx",)


@dataclass(frozen=True)
class Context:
    """What a writer needs besides the items: the plan, the language, and how it was run."""

    plan: Plan
    lang: str
    ranked: bool = False
    group_field: str | None = None
    source: str = ""
    as_of: dt.date | None = None
    colour: bool = False
    to_file: bool = False
    generated: str = ""


class Writer(Protocol):
    """Receives items in output order, then the summary."""

    def add(self, item: Item) -> None:
        """Write (or keep) one item."""

    def close(self, summary: Summary) -> None:
        """Finish the output, ending with (or carrying) the summary."""


def item_dict(item: Item, context: Context) -> dict[str, object]:
    """A result as JSON data, with its row number (and rank and group when asked for)."""
    out: dict[str, object] = {"row": item.row}
    if context.ranked:
        out["rank"] = item.rank
    if context.group_field is not None:
        out["group"] = item.group
    out.update(item.result.to_dict())
    return out


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


class JsonlWriter:
    """One JSON object per line, one line per candidate; the last line is ``{"summary": ...}``."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context

    def add(self, item: Item) -> None:
        """Write one line."""
        self.stream.write(_dumps(item_dict(item, self.context)) + "\n")

    def close(self, summary: Summary) -> None:
        """Write the summary line."""
        self.stream.write(_dumps({"summary": summary.to_dict()}) + "\n")


class JsonWriter:
    """One JSON document ``{"criteria_set", "results": [...], "summary"}``, written as it goes."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        self.first = True
        self.stream.write('{"criteria_set": ' + _dumps(context.plan.provenance.to_dict()) + ',\n"results": [')

    def add(self, item: Item) -> None:
        """Write one result."""
        self.stream.write(("\n" if self.first else ",\n") + _dumps(item_dict(item, self.context)))
        self.first = False

    def close(self, summary: Summary) -> None:
        """Close the list and write the summary."""
        self.stream.write('\n],\n"summary": ' + _dumps(summary.to_dict()) + "}\n")


def make_writer(fmt: str, stream: IO[Any], context: Context) -> Writer:
    """The writer of ``fmt`` on ``stream`` (binary for xlsx, text otherwise)."""
    if fmt == "jsonl":
        return JsonlWriter(stream, context)
    if fmt == "json":
        return JsonWriter(stream, context)
    if fmt in ("csv", "xlsx", "md"):
        from .tabular import CsvWriter, MarkdownWriter, XlsxWriter

        kinds: dict[str, Any] = {"csv": CsvWriter, "xlsx": XlsxWriter, "md": MarkdownWriter}
        writer: Writer = kinds[fmt](stream, context)
        return writer
    if fmt == "html":
        from .report import ReportWriter

        return ReportWriter(stream, context)
    from .table import TableWriter

    return TableWriter(stream, context)


__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "Context",
    "JsonWriter",
    "JsonlWriter",
    "Writer",
    "item_dict",
    "make_writer",
]
