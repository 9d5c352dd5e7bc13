"""Result writers: one per output format, fed item by item, closed with the summary.

Every writer streams (constant memory): the terminal table keeps a short row of text for the
first :data:`~.table.TABLE_ROWS` candidates only, the HTML report spools its cards to a
temporary file. Ranking (``--rank``) is done before the writer sees the items and holds every
result.

The text formats (JSONL, JSON, CSV) can also be written by other processes: :func:`text_block`
gives the function that writes a list of items as the text the writer would write for them,
and the writer's ``add_block`` puts such a text in place (``criteria evaluate --jobs``).

JSON and JSONL write each result whole (``--detail full``: every criterion with its facts,
reason, values and sentence, and the set that produced it), or compact (``--detail verdicts``,
:func:`~criteria_engine.explain.texts.compact_dict`: verdicts and points by criterion id; the set
is said once, in the summary line of JSONL or at the top of the JSON document).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from ..evaluators.plan import Plan
from ..explain.cache import plan_words
from ..explain.text import headline
from ..explain.texts import compact_dict, criterion_dict, result_dict
from ..results import CriterionResult, Result
from .formats import BINARY_FORMATS, FORMATS
from .summary import Item, Summary


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
    keep: tuple[str, ...] = ()
    """Columns carried from the data into the output (``--keep``), in order."""
    texts: bool = False
    """Whether tables carry each criterion's sentence (results evaluated in full detail)."""
    audience: str = "commune"
    """Who an HTML document is for: ``commune`` (score sheet), ``public`` (list to post),
    ``letters`` (one letter per household)."""
    document: Any = None
    """The heading and signatures of printed documents (:class:`.document.DocumentInfo`)."""
    columns: Mapping[str, str] = field(default_factory=dict)
    """The column of the data file each input was read from (for the data-quality list)."""
    compact: bool = False
    """JSON and JSONL results in the compact shape of ``--detail verdicts``."""


class Writer(Protocol):
    """Receives items in output order, then the summary."""

    def add(self, item: Item) -> None:
        """Write (or keep) one item."""

    def close(self, summary: Summary) -> None:
        """Finish the output, ending with (or carrying) the summary."""


def provenance_dict(context: Context, summary: Summary) -> dict[str, object]:
    """The set that produced the results, with the as-of date they were evaluated on (the
    first result's; the run's when there is none)."""
    if summary.provenance is not None:
        return summary.provenance.to_dict()
    data = context.plan.provenance.to_dict()
    if context.as_of is not None:
        data["as_of"] = context.as_of.isoformat()
    return data


def item_dict(item: Item, context: Context) -> dict[str, object]:
    """A result as JSON data, with its row number (and rank and group when asked for)."""
    out: dict[str, object] = {"row": item.row}
    if context.ranked:
        out["rank"] = item.rank
    if context.group_field is not None:
        out["group"] = item.group
    if context.keep:
        out["kept"] = {name: item.result.kept.get(name, "") for name in context.keep}
    if context.compact:
        out.update(compact_dict(item.result, context.lang, bool(context.plan.model.measures)))
    else:
        out.update(result_dict(item.result, context.lang))  # with the texts in the context's language
    return out


def summary_dict(summary: Summary, lang: str) -> dict[str, object]:
    """The run's summary as JSON data, with its line in ``lang`` (``text``)."""
    return {**summary.to_dict(), "text": summary.line(lang)}


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


_text = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) writes for a str


def _scalar(value: object) -> str:
    """A scalar as ``json.dumps`` writes it, without its overhead."""
    if value is None:
        return "null"
    if type(value) is str:
        return _text(value)
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return repr(value)
    return _dumps(value)


def _typed(values: Mapping[str, object] | None) -> tuple[tuple[str, type, object], ...]:
    """Values as a key that tells apart what JSON writes apart: ``1``, ``1.0``, ``True`` and
    ``-0.0`` are equal in Python, not in the text (a list among them makes it no key: hashing
    it raises ``TypeError``)."""
    if not values:
        return ()
    return tuple([(k, v.__class__, repr(v) if v.__class__ is float else v) for k, v in values.items()])


class FastJson:
    """Writes :func:`item_dict` as JSON text, the same characters as ``json.dumps`` would, but
    reusing the texts that repeat from one candidate to the next (criterion results that carry
    only a verdict, a compact result's summary line and verdicts): writing them is most of
    the cost."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.fragments: dict[tuple[str, str, object, bool], str] = {}
        self.provenance: dict[object, str] = {}
        self.heads: dict[tuple[object, ...], str] = {}
        self.pieces: dict[int, tuple[CriterionResult, str, str]] = {}
        self.detailed: dict[object, str] = {}
        self.measures = bool(context.plan.model.measures)

    def criterion(self, c: CriterionResult, text: str | None = None) -> str:
        """One criterion result as JSON (the set's static facts of a criterion never change
        within one run, so its id, verdict and points decide the text)."""
        if c.reason or c.values or c.missing or c.aggregates:
            return _dumps(criterion_dict(c, text))
        key = (c.id, c.verdict, c.points, type(c.points) is float)
        text = self.fragments.get(key)
        if text is None:
            if len(self.fragments) > 10_000:
                self.fragments.clear()
            text = self.fragments[key] = _dumps(c.to_dict())
        return text

    def item(self, item: Item) -> str:
        """One item as a JSON object (no newline)."""
        r = item.result
        parts = ['{"row": ', _scalar(item.row)]  # the same keys, in the same order, as item_dict
        if self.context.ranked:
            parts += [', "rank": ', _scalar(item.rank)]
        if self.context.group_field is not None:
            parts += [', "group": ', _scalar(item.group)]
        if self.context.keep:
            parts += [', "kept": ', _dumps({name: r.kept.get(name, "") for name in self.context.keep})]
        if self.context.compact:
            pieces = self.pieces
            try:
                found = [pieces[id(c)] for c in r.criteria]
            except KeyError:
                found = [pieces.get(id(c)) or self._piece(c) for c in r.criteria]
            parts += [
                ', "id": ', _scalar(r.id), self._head(r),
                ', "verdicts": {', ", ".join([f[1] for f in found]),
                '}, "points": {', ", ".join([f[2] for f in found]),
                '}, "errors": ', _dumps([e.to_dict() for e in r.errors]) if r.errors else "[]",
            ]  # fmt: skip
            if self.measures:
                parts += [', "measures": ', _dumps(dict(r.measures))]
            parts.append("}")
            return "".join(parts)
        provenance = self.provenance.get(r.provenance)
        if provenance is None:
            provenance = self.provenance[r.provenance] = _dumps(r.provenance.to_dict())
        parts += [
            ', "id": ', _scalar(r.id), ', "status": ', _scalar(r.status),
            ', "text": ', _scalar(headline(r, self.context.lang)), ', "rating": ', _scalar(r.rating),
            ', "score": ', _scalar(r.score), ', "max_score": ', _scalar(r.max_score),
            ', "percent": ', _scalar(r.percent), ', "criteria_set": ', provenance,
            ', "criteria": [', self._criteria(r), "]",
            ', "missing": ', _dumps(list(r.missing)) if r.missing else "[]",
            ', "gap": ', _dumps(r.gap.to_dict()) if r.gap else "null",
            ', "errors": ', _dumps([e.to_dict() for e in r.errors]) if r.errors else "[]",
            ', "measures": ', _dumps(dict(r.measures)) if r.measures else "{}", "}",
        ]  # fmt: skip
        return "".join(parts)

    def _criteria(self, r: Result) -> str:
        """The criteria of a full result as JSON, each with its sentence. A detailed criterion's
        text is decided by its verdict, points, reason, values and missing fields (and the
        result's measures, for a set whose sentences quote them): candidates repeat them, so the
        text written once is looked up after (keyed with each value's type, so that ``1``,
        ``1.0`` and ``true`` stay apart; a value that cannot be a key is written afresh)."""
        plan: Any = r.plan
        if plan is None or not any(c.reason for c in r.criteria):
            return ", ".join([self.criterion(c) for c in r.criteria])
        words = plan_words(plan, self.context.lang)
        measured = r.measures if words.measured and r.measures else None
        shared = _typed(measured)
        detailed = self.detailed
        out = []
        for cw, c in zip(words.criteria, r.criteria, strict=True):
            if not (c.reason or c.values or c.missing or c.aggregates):
                out.append(self.criterion(c))
                continue
            key: object = None
            piece = None
            if not c.aggregates:
                try:
                    points = repr(c.points) if c.points.__class__ is float else c.points
                    key = (c.id, c.verdict, points, c.reason, _typed(c.values), c.missing, shared)
                    piece = detailed.get(key)
                except TypeError:  # a list among the values: not a key
                    key = None
            if piece is None:
                text = cw.sentence(c, {**measured, **c.values} if measured else None) if c.reason else None
                piece = _dumps(criterion_dict(c, text))
                if key is not None:
                    if len(detailed) > 50_000:
                        detailed.clear()
                    detailed[key] = piece
            out.append(piece)
        return ", ".join(out)

    def _head(self, r: Result) -> str:
        """``, "status": …, "percent": …`` of a compact result: the same few texts repeat
        (the summary line depends on the status, score, maximum and rating only)."""
        key = (r.status, r.score, r.score.__class__, r.max_score, r.max_score.__class__, r.rating)
        found = self.heads.get(key)
        if found is None:
            if len(self.heads) > 10_000:
                self.heads.clear()
            found = self.heads[key] = (
                f', "status": {_scalar(r.status)}, "text": {_scalar(headline(r, self.context.lang))}, '
                f'"rating": {_scalar(r.rating)}, "score": {_scalar(r.score)}, '
                f'"max_score": {_scalar(r.max_score)}, "percent": {_scalar(r.percent)}'
            )
        return found

    def _piece(self, c: CriterionResult) -> tuple[CriterionResult, str, str]:
        """A criterion result's ``"K1": "pass"`` and ``"K1": 8`` in a compact result.
        Verdicts-only criterion results are shared between candidates, so their identity says
        which texts to write; the cache keeps each one alive, so its identity is never reused
        by another object while it is there."""
        if len(self.pieces) > 10_000:
            self.pieces.clear()
        found = self.pieces[id(c)] = (
            c,
            f"{_text(c.id)}: {_text(c.verdict)}",
            f"{_text(c.id)}: {_scalar(c.points)}",
        )
        return found


_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def one_line(text: str) -> str:
    """JSON text safe for line-by-line readers: NEL and the Unicode line and paragraph
    separators, which JSON allows raw inside strings but ``str.splitlines`` breaks on, are
    written as escapes (they can only occur inside strings, so the JSON is unchanged)."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_LINE_BREAKS)
    return text


class JsonlWriter:
    """One JSON object per line, one line per candidate; the last line is ``{"summary": ...}``."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        self.json = FastJson(context)

    def add(self, item: Item) -> None:
        """Write one line."""
        self.stream.write(one_line(self.json.item(item)) + "\n")

    def add_block(self, text: bytes) -> None:
        """Write lines made by :func:`text_block`."""
        write_utf8(self.stream, text)

    def close(self, summary: Summary) -> None:
        """Write the summary line (with the set that produced the results)."""
        data = {
            **summary_dict(summary, self.context.lang),
            "criteria_set": provenance_dict(self.context, summary),
        }
        self.stream.write(one_line(_dumps({"summary": data})) + "\n")


class JsonWriter:
    """One JSON document ``{"criteria_set", "results": [...], "summary"}``, written as it goes."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        self.first = True
        self.json = FastJson(context)
        self.stream.write('{"criteria_set": ' + _dumps(context.plan.provenance.to_dict()) + ',\n"results": [')

    def add(self, item: Item) -> None:
        """Write one result."""
        self.stream.write(("\n" if self.first else ",\n") + self.json.item(item))
        self.first = False

    def add_block(self, text: bytes) -> None:
        """Write results made by :func:`text_block` (nothing for an empty block)."""
        if text:
            self.stream.write("\n" if self.first else ",\n")
            write_utf8(self.stream, text)
            self.first = False

    def close(self, summary: Summary) -> None:
        """Close the list and write the summary (with the set and as-of date of the results)."""
        data = {
            **summary_dict(summary, self.context.lang),
            "criteria_set": provenance_dict(self.context, summary),
        }
        self.stream.write('\n],\n"summary": ' + _dumps(data) + "}\n")


def write_utf8(stream: IO[str], data: bytes) -> None:
    """Write UTF-8 ``data`` to a text stream: straight to its bytes when the stream writes UTF-8
    and its line ends as they are (an output file; standard output on Linux), else as text."""
    buffer = getattr(stream, "buffer", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if buffer is not None and encoding == "utf8" and os.linesep == "\n":
        stream.flush()
        buffer.write(data)
    else:
        stream.write(data.decode("utf-8"))


class TextBlock(Protocol):
    """Items written as text by another process, one at a time (see :func:`text_block`)."""

    def add(self, item: Item) -> None:
        """Write one item."""

    def text(self) -> str:
        """What was written since the last call."""


class _Lines:
    """Items as lines (JSONL), or as JSON objects separated as the JSON writer separates them."""

    def __init__(self, context: Context, separator: str, line_end: str) -> None:
        self.json, self.separator, self.end = FastJson(context), separator, line_end
        self.parts: list[str] = []

    def add(self, item: Item) -> None:
        text = self.json.item(item)
        self.parts.append(one_line(text) + self.end if self.end else text)

    def text(self) -> str:
        parts, self.parts = self.parts, []
        return self.separator.join(parts)


def text_block(fmt: str, context: Context) -> TextBlock | None:
    """For the formats another process can write (jsonl, json, csv): what writes items as the
    text the writer would write for them (its ``add_block`` puts that text in place); None
    for the others."""
    if fmt == "jsonl":
        return _Lines(context, "", "\n")
    if fmt == "json":
        return _Lines(context, ",\n", "")
    if fmt == "csv":
        from .tabular import CsvBlock

        return CsvBlock(context)
    return None


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
        from .audiences import html_writer

        return html_writer(stream, context)
    if fmt == "problems":
        from .problems import ProblemsWriter

        return ProblemsWriter(stream, context)
    from .table import TableWriter

    return TableWriter(stream, context)


__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "Context",
    "FastJson",
    "JsonWriter",
    "JsonlWriter",
    "TextBlock",
    "Writer",
    "item_dict",
    "make_writer",
    "provenance_dict",
    "text_block",
    "write_utf8",
]
