"""Writing results: to a stream or a file, in any output format, with the closing summary.

:func:`write_results` is the public way (the one the ``criteria`` command uses): results in
input order go to a writer of the chosen format, and a :class:`~.summary.Summary` comes back.
A file is written through a temporary file in the same folder and put in place at the end
(:func:`~.files.atomic_file`), so an interrupted run never leaves half a file where a good one was.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from ..award.ranking import contest_order, contest_rule
from ..errors import Diagnostic
from ..evaluators.plan import Plan
from ..results import Result
from .files import atomic_file, output_target
from .formats import SUFFIXES
from .summary import Block, Item, Summary, assign_ranks
from .writers import BINARY_FORMATS, FORMATS, Context, make_writer


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The output format a file name asks for by its extension (None when unknown)."""
    return SUFFIXES.get(Path(path).suffix.lower())


def write_items(
    items: Iterable[Item | Block],
    stream: IO[Any],
    fmt: str,
    context: Context,
    notes: Callable[[], Sequence[Diagnostic]] | None = None,
) -> Summary:
    """Write items (ranked first when the context asks) in ``fmt``; returns the summary.

    ``items`` may hold :class:`~.summary.Block` s, items another process wrote as text (only
    for the formats :func:`~.writers.text_block` knows, and never when ranked). ``notes``
    gives, once the items are written, the problems of the data file itself (rows
    skipped...), which the summary carries to the writer's close."""
    summary = Summary(group_field=context.group_field, subject=context.plan.model.subject)
    ordered: Iterable[Item | Block] = items
    if context.ranked:  # the contest's order, and the rule said with the summary
        keys = contest_order(context.plan.model)
        ordered = assign_ranks(list(items), keys)  # type: ignore[arg-type]  # no blocks when ranked
        summary.rank_keys, summary.rank_rule = keys, contest_rule(keys, context.lang)
    writer: Any = make_writer(fmt, stream, context)
    add, count = writer.add, summary.add
    for piece in ordered:
        if piece.__class__ is Block:
            writer.add_block(piece.text)
            summary.merge(piece.summary)
        else:
            add(piece)
            count(piece)  # type: ignore[arg-type]
    if notes is not None:
        summary.notes = list(notes())
    writer.close(summary)
    return summary


def write_results(
    results: Iterable[Result],
    target: str | os.PathLike[str] | IO[Any],
    format: str | None = None,
    *,
    plan: Plan | None = None,
    lang: str | None = None,
    rank: bool = False,
    group_field: str | None = None,
    source: str = "",
    as_of: dt.date | None = None,
    generated: str | None = None,
) -> Summary:
    """Write results as the ``criteria`` command does, to a file path or an open stream.

    ``format`` is one of :data:`~criteria_engine.render.writers.FORMATS`; by default it comes
    from the file's extension (a stream gets ``jsonl``). ``xlsx`` needs a path or a binary
    stream; the others write text. ``plan`` (default: the first result's) and ``lang``
    (default: the set's first language) choose the words; ``rank`` orders by the contest rule;
    ``group_field`` names the column results were grouped by (each result's ``group``);
    ``source``, ``as_of`` and ``generated`` are what the report's header says. Each result is
    written with the row it was read from (else its position, from 1). Returns the summary.
    """
    path = target if isinstance(target, str | os.PathLike) else None
    fmt = format or (format_of(path) if path is not None else None) or "jsonl"
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format '{fmt}' (formats: {', '.join(FORMATS)})")
    items = (Item(r.row if r.row is not None else n, r, r.group) for n, r in enumerate(results, start=1))
    first = next(items, None)
    chosen = plan if plan is not None else (first.result.plan if first is not None else None)
    if not isinstance(chosen, Plan):
        raise ValueError("write_results needs the plan: give plan=, or results that carry theirs")
    context = Context(
        chosen,
        lang or chosen.model.languages[0],
        rank,
        group_field,
        source,
        as_of,
        False,
        path is not None,
        generated if generated is not None else dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )
    every = itertools.chain([] if first is None else [first], items)
    if isinstance(target, str | os.PathLike):
        with atomic_file(target, binary=fmt in BINARY_FORMATS) as stream:
            return write_items(every, stream, fmt, context)
    return write_items(every, target, fmt, context)


__all__ = ["SUFFIXES", "atomic_file", "format_of", "output_target", "write_items", "write_results"]
