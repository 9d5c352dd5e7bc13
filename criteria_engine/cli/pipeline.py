"""Evaluating the units of a data source, in one process or spread over ``--jobs N``.

Each unit gives exactly one :class:`~criteria_engine.render.Item`, in input order: a row
whose values cannot be converted becomes an ``invalid`` result naming the row and column.
With several jobs, rows go in chunks to worker processes that received the plan once
(pickled); at most a few chunks per worker are in flight, so memory stays constant and the
output order is the input order.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.pool import AsyncResult
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import IO, Any

from ..errors import RevisionError, diagnostic
from ..evaluators.plan import Plan
from ..evaluators.rows import evaluate_row
from ..io.records import Unit, prepare
from ..messages import msg, template
from ..render import Item
from ..results import CriterionResult, Result, Verdict


def _proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


_EMPTY: MappingProxyType[Any, Any] = MappingProxyType({})


def _empty() -> MappingProxyType[Any, Any]:
    return _EMPTY


def _reduce_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[Any, ...]]:
    return (_proxy, (dict(proxy),)) if proxy else (_empty, ())


# Results hold read-only mappings (MappingProxyType), which pickle cannot copy by itself:
# teach multiprocessing's pickler (only it) to send them as the mapping they show.
ForkingPickler.register(MappingProxyType, _reduce_proxy)

CHUNK_ROWS = 500
"""Rows sent to a worker at a time."""
IN_FLIGHT_PER_JOB = 4
"""Chunks queued per worker before the reader waits."""


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


@dataclass(frozen=True)
class _Recipe:
    """What a worker needs to compile the plan itself: the sets' folders and the revision."""

    sets: tuple[str, ...] | None
    ref: str
    digest: str
    as_of: dt.date | None
    detail: bool


def evaluate_unit(job: Job, unit: Unit) -> Item:
    """One unit's item: converted, checked, evaluated (never raises for bad data)."""
    row = prepare(unit, job.plan.model.inputs)
    result = evaluate_row(job.plan, row, as_of=job.as_of, detail=job.detail)
    return Item(row.line, result, row.group)


_JOB: Job | None = None
_FAILURE: str | None = None


class WorkerFailure(Exception):
    """A worker could not start (its plan could not be built); carries the reason as text."""


def _start_worker(job: Job | _Recipe) -> None:
    """Runs in each worker. Never raises: a failing initializer makes the pool restart the
    worker forever, so the reason is kept and reported by the first task instead."""
    global _JOB, _FAILURE
    try:
        if isinstance(job, _Recipe):
            from .common import plan_for, registry_for

            registry = registry_for(job.sets)
            revision = registry.get(job.ref)
            if revision.digest != job.digest:
                raise RuntimeError(str(msg("worker-failed.changed", ref=job.ref)))
            job = Job(plan_for(registry, revision), job.as_of, job.detail, job.sets)
        _JOB = job
    except Exception as exc:
        _FAILURE = str(exc) or type(exc).__name__


def _shippable(job: Job) -> Job | _Recipe:
    """The job itself when its plan pickles, else the recipe to compile it in the worker."""
    try:
        ForkingPickler.dumps(job)
    except (pickle.PicklingError, TypeError, AttributeError):
        revision = job.plan.revision
        return _Recipe(job.sets, revision.ref, revision.digest, job.as_of, job.detail)
    return job


def _work(units: list[Unit]) -> list[object]:
    if _JOB is None:
        raise WorkerFailure(_FAILURE or "the worker did not start")
    job = _JOB
    return [pack(evaluate_unit(job, unit)) for unit in units]


def _detached(item: Item) -> Item:
    """The item without its plan (the plan is not sent back with every result)."""
    return replace(item, result=replace(item.result, plan=None))


def pack(item: Item) -> object:
    """An item as sent back by a worker. A verdicts-only result travels as a tuple of plain
    values (pickling 27 criterion objects per candidate would cost more than evaluating it);
    anything richer travels whole, without its plan."""
    r = item.result
    if r.kept or any(c.reason or c.values or c.missing or c.aggregates for c in r.criteria):
        return _detached(item)
    verdicts = tuple([c.verdict for c in r.criteria])
    points = tuple([c.points for c in r.criteria])
    return (item.row, item.group, r.id, r.status, r.score, r.max_score, r.rating, verdicts, points,
            r.missing, r.gap, r.errors, dict(r.measures), r.provenance)  # fmt: skip


class Unpacker:
    """Rebuilds items sent by workers, attaching the plan; verdicts-only criterion results are
    shared between candidates (they are immutable), so rebuilding costs a lookup each."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.criteria: dict[tuple[int, str, object, bool], CriterionResult] = {}

    def __call__(self, packed: object) -> Item:
        """The item of one packed value."""
        if isinstance(packed, Item):
            return replace(packed, result=replace(packed.result, plan=self.plan))
        fields: Any = packed
        (
            row,
            group,
            rid,
            status,
            score,
            top,
            rating,
            verdicts,
            points,
            missing,
            gap,
            errors,
            measures,
            prov,
        ) = fields
        criteria = tuple(
            [self._criterion(i, v, p) for i, (v, p) in enumerate(zip(verdicts, points, strict=True))]
        )
        result = Result(
            rid, status, score, top, rating, criteria, prov, missing, gap, errors, measures, self.plan,
            row, group,
        )  # fmt: skip
        return Item(row, result, group)

    def _criterion(self, index: int, verdict: Verdict, points: float) -> CriterionResult:
        key = (index, verdict, points, type(points) is float)
        found = self.criteria.get(key)
        if found is None:
            c = self.plan.criteria[index]
            found = CriterionResult(
                c.id,
                c.group.id,
                verdict,
                points,
                c.max_points,
                c.criterion.mandatory,
                c.criterion.veto,
            )
            self.criteria[key] = found
        return found


def _chunks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    chunk: list[Unit] = []
    for unit in units:
        chunk.append(unit)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def evaluate_units(job: Job, units: Iterable[Unit], jobs: int = 1) -> Iterator[Item]:
    """Items for ``units``, in order; ``jobs > 1`` uses that many worker processes."""
    if jobs <= 1:
        for unit in units:
            yield evaluate_unit(job, unit)
        return
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(jobs, initializer=_start_worker, initargs=(_shippable(job),))
    try:
        pending: deque[AsyncResult[list[object]]] = deque()
        unpack = Unpacker(job.plan)
        for chunk in _chunks(units, CHUNK_ROWS):
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from map(unpack, _collect(pending.popleft()))
        while pending:
            yield from map(unpack, _collect(pending.popleft()))
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _collect(result: AsyncResult[list[object]]) -> list[object]:
    try:
        return result.get()
    except WorkerFailure as exc:
        raise RevisionError([diagnostic("worker-failed", msg("worker-failed", detail=str(exc)))]) from None


def with_progress(items: Iterator[Item], stream: IO[str], enabled: bool, label: str) -> Iterator[Item]:
    """``items`` unchanged, with a progress line on ``stream`` when ``enabled`` (a terminal)."""
    if not enabled:
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .common import current_language

    columns = (
        SpinnerColumn(),
        TextColumn(template("cli.progress", current_language())),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        task = progress.add_task(label, total=None)
        count = 0
        for item in items:
            yield item
            count += 1
            if count % 250 == 0:
                progress.update(task, completed=count)
        progress.update(task, completed=count)


__all__ = [
    "CHUNK_ROWS",
    "Job",
    "WorkerFailure",
    "evaluate_unit",
    "evaluate_units",
    "with_progress",
]
