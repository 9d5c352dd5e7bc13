"""``criteria evaluate`` and ``criteria report``: evaluate every candidate of a data file."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import DataError, Diagnostic, diagnostic
from ..messages import msg
from ..render.files import atomic_file
from ..render.formats import AUDIENCES, BINARY_FORMATS, FORMATS, SUFFIXES
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    HelpFormatter,
    Streams,
    UsageError,
    add_output_option,
    add_revision_options,
    helped,
    is_terminal,
    language,
    plan_for,
    positive_int,
    print_diagnostics,
    registry_for,
    say,
)
from .workers import Workers, cpu_count

if TYPE_CHECKING:  # the rest is loaded when a command runs
    from ..evaluators.plan import Plan
    from ..render import Context, Summary
    from .pipeline import Evaluation

EVALUATE_HELP = helped("help.evaluate.about")

REPORT_HELP = helped("help.report.about")


def add_data_options(p: argparse.ArgumentParser) -> None:
    """The options about reading the data file (shared with ``explain``)."""
    p.add_argument("--map", metavar="FILE", help=helped("help.option.map"))
    p.add_argument(
        "--persons",
        metavar="FILE",
        help=helped("help.option.persons"),
    )
    p.add_argument(
        "--children",
        action="append",
        default=[],
        metavar="LIST=FILE",
        help=helped("help.option.children"),
    )
    p.add_argument("--sheet", metavar="NAME", help=helped("help.option.sheet"))
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COLUMN",
        help=helped("help.option.keep"),
    )
    p.add_argument(
        "--header-row",
        type=positive_int,
        metavar="N",
        help=helped("help.option.header-row"),
    )


def register(sub: Any) -> None:
    """Add ``evaluate`` and ``report``."""
    p = sub.add_parser(
        "evaluate",
        help=helped("help.evaluate"),
        description=EVALUATE_HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument("set", metavar="SET[@VERSION]", help=helped("help.option.set-version"))
    p.add_argument("data", metavar="DATA", help=helped("help.evaluate.data"))
    add_revision_options(p)
    add_output_option(p)
    p.add_argument("--format", choices=FORMATS, help=helped("help.evaluate.format"))
    p.add_argument(
        "--detail",
        choices=("verdicts", "full"),
        help=helped("help.evaluate.detail"),
    )
    p.add_argument("--rank", action="store_true", help=helped("help.evaluate.rank"))
    p.add_argument("--group-by", metavar="FIELD", help=helped("help.evaluate.group-by"))
    p.add_argument(
        "--jobs",
        type=positive_int,
        default=1,
        metavar="N",
        help=helped("help.evaluate.jobs"),
    )
    add_data_options(p)
    p.set_defaults(run=run_evaluate)

    p = sub.add_parser(
        "report",
        help=helped("help.report"),
        description=REPORT_HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument("set", metavar="SET[@VERSION]", help=helped("help.option.set"))
    p.add_argument("data", metavar="DATA", help=helped("help.option.data"))
    add_revision_options(p)
    add_output_option(p)
    p.add_argument(
        "--group-by",
        metavar="FIELD",
        default="",
        help=helped("help.report.group-by"),
    )
    p.add_argument("--rank", action="store_true", help=helped("help.report.rank"))
    p.add_argument(
        "--audience",
        choices=AUDIENCES,
        default="commune",
        help=helped("help.report.audience"),
    )
    p.add_argument("--place", default="", metavar="TEXT", help=helped("help.report.place"))
    p.add_argument(
        "--authority",
        default="",
        metavar="TEXT",
        help=helped("help.report.authority"),
    )
    p.add_argument("--jobs", type=positive_int, default=1, metavar="N", help=helped("help.report.jobs"))
    add_data_options(p)
    p.set_defaults(run=run_report, format="html", detail="full")


def children_of(args: argparse.Namespace) -> list[str]:
    """``--persons`` and ``--children`` as ``LIST=FILE`` texts."""
    specs = list(args.children or [])
    if getattr(args, "persons", None):
        specs.insert(0, f"persons={args.persons}")
    return specs


def check_children(specs: list[str], plan: Plan) -> None:
    """``--children`` texts that name no list of the set are a usage error (exit 2)."""
    from ..io.children import ChildrenError
    from ..io.records import parse_children

    try:
        parse_children(specs, plan.model)
    except ChildrenError as exc:
        raise UsageError(exc.text) from None


def output_format(args: argparse.Namespace) -> str:
    """``--format``, else from ``-o``'s extension, else ``table``."""
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
        raise UsageError(msg("cli.format-unknown", file=args.output))
    return "table"


def run_evaluate(args: argparse.Namespace, streams: Streams) -> int:
    """Evaluate and write the results."""
    from .dataset_mode import is_dataset, run_dataset

    fmt = output_format(args)
    if is_dataset(args.data):
        return run_dataset(args, streams, fmt)
    detail = args.detail or ("full" if fmt in ("json", "jsonl", "html", "problems") else "verdicts")
    group_by = args.group_by if args.group_by else ("" if fmt == "html" else None)
    return evaluate_to(args, streams, fmt, detail == "full", group_by)


def run_report(args: argparse.Namespace, streams: Streams) -> int:
    """The HTML report."""
    return evaluate_to(args, streams, "html", True, args.group_by)


def evaluate_to(
    args: argparse.Namespace, streams: Streams, fmt: str, detail: bool, group_by: str | None
) -> int:
    """Evaluate ``args.data`` and write it as ``fmt`` to ``-o`` or the screen."""
    if fmt in BINARY_FORMATS and not args.output:
        raise UsageError(msg("cli.format-needs-file", format=fmt))
    jobs = min(args.jobs, cpu_count())
    with Workers(jobs if jobs > 1 else 0) as workers:  # they load while the sets are read
        return _evaluate(args, streams, fmt, detail, group_by, workers)


def _evaluate(
    args: argparse.Namespace, streams: Streams, fmt: str, detail: bool, group_by: str | None, workers: Workers
) -> int:
    from ..io.quality import DataQuality
    from ..io.records import DataSource
    from ..render import Context
    from ..render.document import DocumentInfo
    from .pipeline import Evaluation, Job, Progress

    registry = registry_for(args.sets)
    revision = registry.get(args.set, args.as_of)
    plan = plan_for(registry, revision)
    lang = language(args.lang, plan.model)
    as_of = args.as_of or (None if "@" in args.set else dt.date.today())
    if args.jobs > max(1, len(workers)):
        streams.err.write(say(msg("cli.jobs-lowered", asked=args.jobs, jobs=cpu_count())) + "\n")

    quality = DataQuality()

    def warn(diagnostics: Any) -> None:
        print_diagnostics(quality.warn(list(diagnostics)), streams)

    check_children(children_of(args), plan)
    keep = tuple(args.keep or ())
    source = DataSource(
        plan.model, args.data, args.map, children_of(args), args.sheet, group_by, warn,
        header_row=args.header_row, strict=True, keep=keep,
    )  # fmt: skip
    sets = tuple(args.sets) if args.sets else None
    colour = fmt == "table" and not args.output and is_terminal(streams.out)
    generated = dt.datetime.now().strftime("%Y-%m-%d %H:%M")

    def context() -> Context:
        return Context(
            plan,
            lang,
            args.rank,
            source.group_field,
            str(args.data),
            as_of,
            colour,
            bool(args.output),
            generated,
            keep,
            detail,
            getattr(args, "audience", "commune"),
            DocumentInfo(getattr(args, "authority", ""), getattr(args, "place", ""), as_of),
            source.input_columns,
            compact=not detail,
        )

    def notes() -> list[Diagnostic]:
        blanks = quality.blank_cells(plan.model.inputs, source.input_columns, source.empty_cells)
        return quality.warnings + blanks

    terminal = streams.err if is_terminal(streams.err) else None
    progress = Progress(terminal, Path(args.data).name, say(msg("cli.rows-word")), lang)
    run = Evaluation(Job(plan, as_of, detail, sets), source, workers, fmt, context, progress)
    if args.output:
        with atomic_file(args.output, binary=fmt in BINARY_FORMATS) as stream:
            summary = _write(fmt, stream, run, notes, args.data)
        streams.err.write(
            say(msg("cli.written-summary", summary=summary.line(lang), file=args.output)) + "\n"
        )
    else:
        summary = _write(fmt, streams.out, run, notes, args.data)
    quality.statuses.update(summary.counts)
    rows = (source.rows_read, len(source.skipped))
    closing = quality.closing(lang, plan.model.inputs, source.input_columns, source.empty_cells, rows)
    from ..render.safe import printable

    streams.err.write("".join(f"{printable(line, lines=True)}\n" for line in closing))
    return EXIT_INVALID if quality.too_many_invalid() else EXIT_OK


def _write(fmt: str, stream: IO[Any], run: Evaluation, notes: Any, data: str) -> Summary:
    from ..render.output import write_items

    pieces = run.pieces()
    first = next(pieces, None)
    if first is None:
        raise DataError([diagnostic("data-no-rows", msg("data-no-rows"), data)])
    assert run.context is not None
    return write_items(itertools.chain([first], pieces), stream, fmt, run.context, notes)


__all__ = [
    "add_data_options",
    "check_children",
    "children_of",
    "evaluate_to",
    "register",
]
