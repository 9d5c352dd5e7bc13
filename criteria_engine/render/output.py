"""Writing results: to a stream or a file, in any output format, with the closing summary.

:func:`write_results` is the public way (the one the ``criteria`` command uses): results in
input order go to a writer of the chosen format, and a :class:`~.summary.Summary` comes back.
A file is written through a temporary file in the same folder and put in place at the end
(:func:`atomic_file`), so an interrupted run never leaves half a file where a good one was.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..award.ranking import contest_order, contest_rule
from ..errors import Diagnostic, OutputError, diagnostic, os_reason
from ..evaluators.plan import Plan
from ..messages import Msg, msg
from ..results import Result
from .summary import Item, Summary, assign_ranks
from .writers import BINARY_FORMATS, FORMATS, Context, make_writer

SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".html": "html"}
"""Output file extension -> format."""


def _refuse(code: str, text: Msg, target: Path) -> OutputError:
    return OutputError([diagnostic(code, text, str(target))])


def output_target(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The file an output named ``path`` may replace, or :class:`OutputError` saying why not.

    An output is a new file or replaces a regular file. It never replaces one of ``inputs``
    (the same file, by device and inode, whatever the name), a folder, a device or a pipe. A
    symbolic link is written through: its target is replaced and the link keeps pointing at it.
    """
    target = Path(path)
    try:
        found = os.stat(target)  # follows links: what would be replaced
    except FileNotFoundError:
        found = None
    except OSError as exc:
        said = msg("output-unwritable", file=str(target), reason=os_reason(exc))
        raise _refuse("output-unwritable", said, target) from None
    if found is not None and not stat.S_ISREG(found.st_mode):
        kind = msg("output-not-a-file.folder" if stat.S_ISDIR(found.st_mode) else "output-not-a-file.device")
        raise _refuse("output-not-a-file", msg("output-not-a-file", file=str(target), kind=kind), target)
    for source in inputs:
        try:
            same = found is not None and os.path.samefile(target, source)
        except OSError:
            same = False
        if same:
            said = msg("output-is-input", file=str(target), input=os.fspath(source))
            raise _refuse("output-is-input", said, target)
    return Path(os.path.realpath(target))


@contextmanager
def atomic_file(path: str | os.PathLike[str], binary: bool = False) -> Iterator[IO[Any]]:
    """Write ``path`` through a temporary file in the same folder, put in place at the end.

    On any exception (Ctrl-C included) the temporary file is deleted and ``path`` is left as
    it was. The target is checked first (:func:`output_target`: a regular file or a new one; a
    link is written through). Raises :class:`~criteria_engine.errors.OutputError` when it may
    not be written, or its folder is missing or not writable.
    """
    target = output_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise _refuse(
            "output-no-folder", msg("output-no-folder", file=str(target), folder=str(folder)), target
        )
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        said = msg("output-unwritable", file=str(target), reason=os_reason(exc))
        raise _refuse("output-unwritable", said, target) from None
    stream: IO[Any] = (
        os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")
    )
    try:
        with stream:
            yield stream
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, target)
    except BaseException:
        if not stream.closed:
            stream.close()
        Path(temp).unlink(missing_ok=True)
        raise


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The output format a file name asks for by its extension (None when unknown)."""
    return SUFFIXES.get(Path(path).suffix.lower())


def write_items(
    items: Iterable[Item],
    stream: IO[Any],
    fmt: str,
    context: Context,
    notes: Callable[[], Sequence[Diagnostic]] | None = None,
) -> Summary:
    """Write items (ranked first when the context asks) in ``fmt``; returns the summary.

    ``notes`` gives, once the items are written, the problems of the data file itself (rows
    skipped...), which the summary carries to the writer's close."""
    summary = Summary(group_field=context.group_field, subject=context.plan.model.subject)
    ordered: Iterable[Item] = items
    if context.ranked:  # the contest's order, and the rule said with the summary
        keys = contest_order(context.plan.model)
        ordered = assign_ranks(list(items), keys)
        summary.rank_keys, summary.rank_rule = keys, contest_rule(keys, context.lang)
    writer = make_writer(fmt, stream, context)
    for item in ordered:
        writer.add(item)
        summary.add(item)
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
