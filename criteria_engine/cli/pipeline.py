"""Evaluating a data source for ``criteria evaluate`` and ``report``: every row, in input order,
in one process or spread over ``--jobs N`` worker processes, with the same output either way.

A CSV or JSONL file (without members' tables) is read by byte ranges: each worker reads,
converts, evaluates and — for the text formats — writes its own range, and the main process
puts the ranges' texts in order, checks what needs the rows before (repeated ids, a range
that began inside a quoted cell, a JSON record with new keys) and reads again itself the
little that was not right. Other inputs are read by the main process and sent to the
workers in lists of rows (:data:`CHUNK_ROWS`). Alone (``--jobs 1``), the main process reads a
CSV or JSONL file as one range, the same code, so ``--jobs 1``, ``2`` and ``3`` write the same
bytes.

On a terminal a progress bar shows the share of the file read, the rows and the time left.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeAlias

from ..io.ranges import Layout, Range, csv_layout, ranges, split_points
from ..io.records import DataSource, Unit
from ..io.row_stage import RowStage
from ..render import Block, Context, Item
from .chunks import (
    Job,
    Packer,
    Part,
    RangeTask,
    Tally,
    evaluate_unit,
    items_of,
    packer,
    range_items,
    setup_for,
)
from .transport import Unpacker
from .workers import WorkerFailure, Workers

CHUNK_ROWS = 500
"""Rows the main process sends a worker at a time (inputs not read by byte ranges)."""
RANGE_ROWS = 2000
"""About how many rows a byte range holds (its size is estimated from the first lines)."""
MIN_RANGE_BYTES = 64 << 10
MAX_RANGE_BYTES = 4 << 20

Piece: TypeAlias = Item | Block


class Evaluation:
    """The items (or blocks of text) of one data source, in input order.

    ``context`` builds the writer's context once the source's header is read (it names the
    group column); it is then :attr:`context`. ``workers`` (started early by the caller, who
    ends them) spread the work when there are several; ``progress`` is told how far the
    reading got.
    """

    def __init__(
        self,
        job: Job,
        source: DataSource,
        workers: Workers | None,
        fmt: str,
        context: Callable[[], Context],
        progress: Progress | None = None,
    ) -> None:
        self.job, self.source, self.fmt = job, source, fmt
        self.workers = workers if workers is not None and len(workers) > 1 else None
        self.jobs = len(self.workers) if self.workers is not None else 1
        self._make_context = context
        self.context: Context | None = None
        self.progress = progress or Progress(None, "", None)

    def pieces(self) -> Iterator[Piece]:
        """Every row's item, in order (blocks of text from workers for the text formats)."""
        with self.progress:
            stage = self.source.open_ranges()
            if stage is None:
                yield from self._units()
                return
            self.context = self._make_context()
            layout = self._layout(stage)
            if self.workers is not None:
                parts = ranges(self._split(layout))
                if len(parts) > 1:
                    yield from self._ranges(layout, parts)
                    return
            yield from self._alone(layout, stage)

    # --- a CSV/JSONL file read by byte ranges --------------------------------------------------

    def _layout(self, stage: RowStage) -> Layout:
        path, kind = self.source.path, "jsonl" if not stage.tabular else self._kind()
        self.progress.total(os.path.getsize(path))
        if kind == "jsonl":
            return Layout(path, kind)
        return csv_layout(path, kind, self._header_line())

    def _kind(self) -> str:
        return "tsv" if self.source.path.lower().endswith(".tsv") else "csv"

    def _header_line(self) -> int:
        line = self.source.header_line
        assert line is not None
        return line

    def _split(self, layout: Layout) -> list[tuple[int, int]]:
        """Where the ranges start: about :data:`RANGE_ROWS` rows each (after the header)."""
        with open(layout.path, "rb") as handle:
            head = handle.read(MIN_RANGE_BYTES)
        lines = max(1, head.count(b"\n"))
        size = min(MAX_RANGE_BYTES, max(MIN_RANGE_BYTES, len(head) * RANGE_ROWS // lines))
        return split_points(layout.path, size, cr=layout.kind != "jsonl", after_line=layout.header_line)

    def _alone(self, layout: Layout, stage: RowStage) -> Iterator[Piece]:
        source, progress = self.source, self.progress
        tally = Tally()
        items = range_items(
            self.job, layout, Range(0, 1, None, None), stage, tally,
            grow=source.grow, ids=source, position=progress.at,
        )  # fmt: skip
        for item in items:
            progress.rows(1)
            yield item
        source.account(tally.rows_read, tally.totals, tally.empty)
        source.close_ranges()

    def _here(
        self,
        layout: Layout,
        part: Range,
        stage: RowStage,
        pack: Packer,
        repeated: dict[int, int] | None = None,
    ) -> Part:
        """A range read by this process (after a worker's reading could not be used as it was)."""
        tally = Tally()
        items = list(
            range_items(self.job, layout, part, stage, tally, grow=self.source.grow, repeated=repeated)
        )
        return pack(items, tally)

    def _ranges(self, layout: Layout, parts: list[Range]) -> Iterator[Piece]:
        source, progress, workers = self.source, self.progress, self.workers
        assert self.context is not None and workers is not None
        pack = packer(self.context, self.fmt)
        unpack = Unpacker(self.job.plan)
        sent: deque[RowStage] = deque()

        def tasks() -> Iterator[RangeTask]:
            for part in parts:
                stage = source.stage
                assert stage is not None
                sent.append(stage)  # the stage a worker reads with: the main one when it is sent
                yield RangeTask(part, stage)

        workers.start(setup_for(self.job, self.fmt, self.context, layout))
        results = _failures_reported(workers.run(tasks(), len(parts)))
        previous: tuple[Range, int | None] | None = None
        for part, done in zip(parts, results, strict=False):
            stage = sent.popleft()
            actual, got = part, [done]
            if previous is not None and previous[1] != part.line:
                if previous[1] is None:  # the range before read to the end of the file
                    workers.close(graceful=False)  # results left unread: the workers are ended
                    break
                # this range began inside a record: read it from the range before's start
                start = previous[0]
                actual = Range(start.start, start.line, part.stop, part.stop_line, previous[1])
                stage = source.stage or stage
                got = [self._here(layout, actual, stage, pack)]
            elif done.tally is not None and done.tally.diverged is not None:
                offset, row = done.tally.diverged  # a JSON record with new keys: the rest here
                rest = Range(offset, row, part.stop, part.stop_line)
                got.append(self._here(layout, rest, source.stage or stage, pack))
            elif source.stage is not None and not source.stage.agrees(stage):
                stage = source.stage
                got = [self._here(layout, part, stage, pack)]
            tally = _joined([g.tally for g in got])
            repeated = source.repeated_ids(tally.ids, tally.rows)
            if repeated:  # an id used before: those rows are invalid, read the range again
                got = [self._here(layout, actual, stage, pack, repeated)]
            source.account(tally.rows_read, tally.totals, tally.empty)
            for piece in got:
                for item in items_of(piece, unpack):
                    progress.rows(item.count if isinstance(item, Block) else 1)
                    yield item
            progress.at(part.stop if part.stop is not None else progress.size)
            previous = (actual, tally.stopped_at)
        source.close_ranges()

    # --- any other input, read here --------------------------------------------------------------

    def _units(self) -> Iterator[Piece]:
        units = self.source.units()
        first = next(units, None)
        if first is None:
            return
        self.context = self._make_context()
        stream = itertools.chain([first], units)
        job, progress, workers = self.job, self.progress, self.workers
        if workers is None:
            for unit in stream:
                progress.rows(1)
                yield evaluate_unit(job, unit)
            return
        unpack = Unpacker(job.plan)
        workers.start(setup_for(job, self.fmt, self.context))
        for part in _failures_reported(workers.run(_chunks(stream, CHUNK_ROWS))):
            for item in items_of(part, unpack):
                progress.rows(item.count if isinstance(item, Block) else 1)
                yield item


def _joined(tallies: list[Tally | None]) -> Tally:
    out = Tally()
    for tally in tallies:
        assert tally is not None
        out.rows_read += tally.rows_read
        out.totals += tally.totals
        out.empty.update(tally.empty)
        out.ids += tally.ids
        out.rows += tally.rows
        out.stopped_at = tally.stopped_at
    return out


def _chunks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    chunk: list[Unit] = []
    for unit in units:
        chunk.append(unit)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _failures_reported(results: Iterator[Part]) -> Iterator[Part]:
    from ..errors import RevisionError, diagnostic
    from ..messages import msg

    try:
        yield from results
    except WorkerFailure as exc:
        raise RevisionError([diagnostic("worker-failed", msg("worker-failed", detail=str(exc)))]) from None


class Progress:
    """A progress line on a terminal (nothing elsewhere): the share of the file read and the
    time left when its size is known, else the rows read and the time spent."""

    def __init__(
        self, stream: IO[str] | None, label: str, rows_word: str | None = "rows", lang: str = "en"
    ) -> None:
        self.stream, self.label, self.rows_word, self.lang = stream, label, rows_word or "rows", lang
        self.size: int | None = None
        self._bar: Any = None
        self._task: Any = None
        self._rows = 0

    def _count(self) -> str:
        """The rows so far as the language writes a number (1.500 in Vietnamese)."""
        from ..messages import say

        return say(self._rows, self.lang, ",")

    def total(self, size: int) -> None:
        """The size of the file, in bytes (makes the bar show a share and the time left)."""
        self.size = size
        if self._bar is not None:
            self._bar.update(self._task, total=size)

    def __enter__(self) -> Progress:
        if self.stream is None:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as Bar,
        )

        columns = (
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rows]} " + self.rows_word),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        )
        self._bar = Bar(*columns, console=Console(file=self.stream), transient=True)
        self._bar.__enter__()
        self._task = self._bar.add_task(self.label, total=self.size, rows="0")
        return self

    def __exit__(self, *error: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*error)
            self._bar = None

    def rows(self, count: int) -> None:
        """``count`` more rows done."""
        self._rows += count
        if self._bar is not None and (self._rows % 250 < count or count > 1):
            self._bar.update(self._task, rows=self._count())

    def at(self, offset: int | None) -> None:
        """The reading has got to byte ``offset`` of the file."""
        if self._bar is not None and offset is not None:
            self._bar.update(self._task, completed=offset, rows=self._count())


__all__ = ["CHUNK_ROWS", "Evaluation", "Job", "Progress", "WorkerFailure", "evaluate_unit"]
