"""Evaluating one part of the input where it is read: a byte range of a CSV or JSONL file, or a
list of rows the main process read, in a worker process (``--jobs``) or in the main one.

A part comes out as its items — or, for the text formats, as one :class:`~criteria_engine.render.Block`
of text written exactly as the main process would write those items — with a :class:`Tally` of
what only the main process can judge, because it needs the rows before: each row's id (was it
used before?), the totals rows, the empty cells, and where the range's reading ended.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import Protocol

from ..evaluators.plan import Plan
from ..evaluators.rows import evaluate_row
from ..io.ranges import Layout, Range, RangeRows
from ..io.records import Unit, prepare
from ..io.row_stage import RowStage, converter_of
from ..messages import msg
from ..render import Block, Context, Item, Summary
from ..render.writers import TextBlock, text_block
from ..results import Result, Status, fill_fields
from .transport import Unpacker, pack


@dataclass(frozen=True)
class Job:
    """How to evaluate: the plan, the as-of date stamped on results, verdicts only or full.

    ``sets`` (the ``--sets`` folders) lets a worker compile the plan itself when the plan
    cannot be pickled.
    """

    plan: Plan
    as_of: dt.date | None = None
    detail: bool = True
    sets: tuple[str, ...] | None = None


def evaluate_unit(job: Job, unit: Unit) -> Item:
    """One unit's item: converted, checked, evaluated (never raises for bad data)."""
    row = prepare(unit, job.plan.model.inputs)
    result = evaluate_row(job.plan, row, as_of=job.as_of, detail=job.detail)
    return Item(row.line, result, row.group)


@dataclass(frozen=True)
class Recipe:
    """What a worker needs to compile the plan itself: the sets' folders and the revision."""

    sets: tuple[str, ...] | None
    ref: str
    digest: str
    as_of: dt.date | None
    detail: bool

    def job(self) -> Job:
        """The job, its plan compiled here (refused if the set changed since the run began)."""
        from .common import plan_for, registry_for

        registry = registry_for(self.sets)
        revision = registry.get(self.ref)
        if revision.digest != self.digest:
            raise RuntimeError(msg("worker-failed.changed", ref=self.ref))
        return Job(plan_for(registry, revision), self.as_of, self.detail, self.sets)


def shippable(job: Job) -> Job | Recipe:
    """The job itself when its plan pickles, else the recipe to compile it in the worker."""
    try:
        ForkingPickler.dumps(job)
    except (pickle.PicklingError, TypeError, AttributeError):
        revision = job.plan.revision
        return Recipe(job.sets, revision.ref, revision.digest, job.as_of, job.detail)
    return job


@dataclass
class Tally:
    """What reading a range found besides its items. ``ids`` and ``rows`` hold each evaluated
    row's id and number (to find repeated ids); ``stopped_at`` the line of the first record
    left to the next range; ``diverged`` the (byte offset, row) of the first JSON record with
    keys the range's stage did not know (the rest of the range is left to the main process)."""

    rows_read: int = 0
    totals: list[tuple[int, str]] = field(default_factory=list)
    empty: Counter[str] = field(default_factory=Counter)
    ids: list[str | None] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    stopped_at: int | None = None
    diverged: tuple[int, int] | None = None


class Ids(Protocol):
    """Which ids were used before (the main process's memory of them)."""

    def first_row(self, candidate_id: str, row: int) -> int | None:
        """The row ``candidate_id`` was first used on, or None (and it is remembered) when new."""


def range_items(
    job: Job,
    layout: Layout,
    part: Range,
    stage: RowStage,
    tally: Tally,
    *,
    grow: Callable[[Sequence[str]], RowStage] | None = None,
    ids: Ids | None = None,
    repeated: dict[int, int] | None = None,
    position: Callable[[int], None] | None = None,
) -> Iterator[Item]:
    """The items of one range, read with ``stage``. ``grow`` gives the stage for a JSON record
    with new keys (without it, the range stops there: :attr:`Tally.diverged`). With ``ids``,
    repeated ids are found as the rows come (the main process reading alone); otherwise they
    are listed in the tally, and ``repeated`` (row -> the row its id was first used on) says
    which rows to make invalid. ``position`` is told the byte offset reached, now and then."""
    rows = RangeRows(layout, part)
    plan, as_of, detail = job.plan, job.as_of, job.detail
    inputs = plan.model.inputs
    known, tabular = set(stage.columns.headers), stage.tabular
    convert = converter_of(stage.columns, inputs, layout.path)[0].convert
    for raw in rows:
        if not tabular and not known.issuperset(raw.values):
            if grow is None:
                tally.diverged = (rows.offset, raw.row_number)
                return
            stage = grow(list(raw.values))
            known = set(stage.columns.headers)
            convert = converter_of(stage.columns, inputs, layout.path)[0].convert
        tally.rows_read += 1
        if position is not None and not tally.rows_read % 1000:
            position(rows.position())
        label = stage.total(raw)
        if label is not None:
            tally.totals.append((raw.row_number, label))
            continue
        if not raw.problems:  # a row that could not be read has no empty cells, it has none
            empty = stage.empties(raw.values)
            if empty:
                tally.empty.update(empty)
        parent = stage.parent(raw)
        if ids is not None:
            first = ids.first_row(parent, raw.row_number) if parent is not None else None
        else:
            tally.ids.append(parent)
            tally.rows.append(raw.row_number)
            first = repeated.get(raw.row_number) if repeated else None
        group, kept = stage.group(raw, inputs), stage.kept(raw.values)
        if first is None and not raw.problems:
            # the usual row, read and evaluated without the detours of evaluate_unit (same result)
            record, found = convert(raw.values, raw.row_number)
            if not found:
                result = _evaluated(plan, record, as_of, detail)
                if result is not None:
                    fill_fields(
                        result, row=raw.row_number, group=group, kept=dict(kept) if kept else _NO_KEPT
                    )
                    yield Item(raw.row_number, result, group)
                    continue
        elif first is not None and parent is not None:
            raw = stage.repeated(raw, parent, first)
        yield evaluate_unit(job, Unit(raw, stage.columns, layout.path, (), group, kept))
    tally.stopped_at = rows.stopped_at


_NO_KEPT: Mapping[str, str] = MappingProxyType({})


def _evaluated(plan: Plan, record: dict[str, object], as_of: dt.date | None, detail: bool) -> Result | None:
    """The result of a record read without a problem, or None when it takes the careful way
    (:func:`~criteria_engine.evaluators.rows.evaluate_row`: a record the data dictionary refuses,
    whose problems are then located in the file, or an engine fault)."""
    try:
        result = plan.evaluate(record, as_of=as_of, detail=detail)
    except Exception:
        return None
    return None if result.status == Status.INVALID else result


@dataclass(frozen=True)
class Part:
    """A part evaluated: its tally (None for rows read by the main process), and its items as
    a block of text or packed items (:func:`~.transport.pack`)."""

    tally: Tally | None
    block: Block | None = None
    items: list[object] | None = None


class Packer:
    """Turns a part's items, as they come, into what travels: a block of text for the text
    formats (``text``), packed items otherwise."""

    def __init__(self, context: Context, text: TextBlock | None) -> None:
        self.context, self.text = context, text

    def __call__(self, items: Iterable[Item], tally: Tally | None) -> Part:
        """The part of ``items``."""
        text = self.text
        if text is None:
            return Part(tally, items=[pack(item) for item in items])
        summary = Summary(group_field=self.context.group_field, subject=self.context.plan.model.subject)
        count = 0
        for item in items:  # written one by one: nothing of an item is kept but its text
            text.add(item)
            summary.add(item)
            count += 1
        return Part(tally, Block(text.text().encode("utf-8"), summary, count))


def packer(context: Context, fmt: str) -> Packer:
    """How parts travel for ``fmt`` (never as text when the items are ranked first)."""
    return Packer(context, None if context.ranked else text_block(fmt, context))


def items_of(part: Part, unpack: Unpacker) -> Iterator[Item | Block]:
    """What a part gives the writer: its block (unless empty), or its items."""
    if part.block is not None:
        if part.block.count:
            yield part.block
    elif part.items is not None:
        yield from map(unpack, part.items)


@dataclass(frozen=True)
class Setup:
    """What a worker is given first: the job (or how to compile it), the output format and the
    writer's context (without its plan, which the worker has), and for byte ranges the layout
    of the file."""

    job: Job | Recipe
    fmt: str
    context: Context
    layout: Layout | None = None

    def start(self) -> Callable[[object], Part]:
        """The function each task is run with, in the worker."""
        job = self.job.job() if isinstance(self.job, Recipe) else self.job
        context = replace(self.context, plan=job.plan)
        pack_part = packer(context, self.fmt)
        layout = self.layout

        stages: list[RowStage] = []

        def run(task: object) -> Part:
            if isinstance(task, RangeTask):
                assert layout is not None
                # each task brings its stage anew: reading with one already seen keeps its
                # compiled converter and what it learnt of the column's texts
                stage = next((s for s in stages if s == task.stage), None)
                if stage is None:
                    stage = task.stage
                    stages[:] = [stage, *stages[:3]]
                tally = Tally()
                return pack_part(range_items(job, layout, task.part, stage, tally), tally)
            units: list[Unit] = task  # type: ignore[assignment]
            return pack_part((evaluate_unit(job, unit) for unit in units), None)

        return run


@dataclass(frozen=True)
class RangeTask:
    """A byte range to read, with the stage to read it with."""

    part: Range
    stage: RowStage


def setup_for(job: Job, fmt: str, context: Context, layout: Layout | None = None) -> Setup:
    """The workers' setup (the context is sent without its plan)."""
    # the plan travels with the job (or is compiled again there), not twice
    return Setup(shippable(job), fmt, replace(context, plan=None), layout)  # type: ignore[arg-type]


__all__ = [
    "Ids",
    "Job",
    "Packer",
    "Part",
    "RangeTask",
    "Recipe",
    "Setup",
    "Tally",
    "evaluate_unit",
    "items_of",
    "packer",
    "range_items",
    "setup_for",
    "shippable",
]
