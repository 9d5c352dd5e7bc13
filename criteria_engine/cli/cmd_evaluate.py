"""``criteria evaluate`` and ``criteria report``: evaluate every candidate of a data file."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import DataError, Diagnostic
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
    is_terminal,
    language,
    plan_for,
    positive_int,
    print_diagnostics,
    registry_for,
)
from .workers import Workers, cpu_count

if TYPE_CHECKING:  # the rest is loaded when a command runs
    from ..evaluators.plan import Plan
    from ..render import Context, Summary
    from .pipeline import Evaluation

EVALUATE_HELP = """\
Evaluate every candidate (household, village, school...) of a data file against a criteria
set and show who passes, the score, the rating and the criteria not met.

DATA is a spreadsheet or data file: .csv (comma or semicolon, UTF-8), .xlsx, .json or
.jsonl. The header row is found below any title block (or say which with --header-row).
Columns are matched to the set's inputs by name, alias or their Vietnamese or English
label (accents, case, numbering and common abbreviations such as BHYT or ĐBKK do not
matter); use --map for other headers. Numbers may be written the Vietnamese way
(1.500.000 or 69,5), yes/no as có/không, x, true/false. A totals row ("Tổng cộng") is
reported and skipped. A row whose values cannot be read, or whose id repeats an earlier
row's, is reported as invalid, naming the row and column; the run goes on and every row
appears in the output, in order, or in the closing count of rows skipped.

A household's members (persons) come from a second file linked by household_id or "Mã
hộ" (--persons FILE), from a sheet of the workbook named after the list (as 'criteria
template' makes it), or from a JSON list in the record itself. Without them the run stops:
nobody could pass.

DATA may also be a dataset: a folder of tables named by subject (household.csv,
person.csv, village.csv, commune.csv, respondent.csv...) or one JSON document with a
table per subject. It is then evaluated bottom-up up to SET: households first, their
results rolled up into their villages, the villages into the commune, each level
explained with its numerators, denominators and who was left out.

The output ends with a summary: how many passed, failed, were undetermined or invalid; the
closing notes (on stderr) count the rows read and repeat the warnings, with the empty
cells by column. --format problems writes the data-quality list instead (every bad or
empty cell: row, column, value, problem, fix); the Excel output has it as a sheet.

Exit status: 0 even when candidates fail; 1 when the set or the data file cannot be used
(a --map naming no input, a list with no data), and 1 after writing the output when more
than half of the rows are invalid (a banner says so: the layout is probably wrong).

examples:
  criteria evaluate happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx
  criteria evaluate happy-family@2026.2 examples/data/commune/household.csv --persons examples/data/commune/person.csv -o ket-qua.xlsx
  criteria evaluate happy-family examples/data/commune/household.csv --persons examples/data/commune/person.csv --format jsonl --detail verdicts > out.jsonl
  criteria evaluate happy-school examples/data/commune/school.csv --rank --lang en
  criteria evaluate happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --map examples/data/xa-mau/ten-cot.yaml --as-of 2026-11-25
  criteria evaluate happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --format problems -o van-de.csv
  criteria evaluate happy-commune examples/data/commune --as-of 2026-12-01"""

REPORT_HELP = """\
Write a printable document (one HTML file, A4, no network and no other files needed) for
one of three audiences (--audience):

  commune  the score sheet (default): the national heading, place and date, the set, its
           revision and digest, a summary with charts (pass rate overall and by village
           or another --group-by field, the criteria failed most) and the signature
           blocks on page 1; the table of every candidate; then a page per candidate with
           each criterion's verdict, points and explanation.
  public   the list to post for ten days of comments: the candidates proposed for the
           title, by name (--keep) and outcome only. Inputs a set marks private (income,
           sanctions, violence, health) never appear on it.
  letters  one letter (one page) per household: its own result in plain words, what it
           does not meet yet and what it can do to reach the title next year.

--keep carries columns of the data (such as "Họ tên chủ hộ") into the document; --place
and --authority fill the heading ("Bản Xèo, ngày 01 tháng 12 năm 2026"; "UBND xã Bản Xèo").

examples:
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx -o bang-diem.html
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --audience public --keep "Họ tên chủ hộ" -o niem-yet.html
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --audience letters --keep "Họ tên chủ hộ" -o thu.html
  criteria report happy-family examples/data/commune/household.csv --persons examples/data/commune/person.csv --group-by village_id --lang en -o report.html"""


def add_data_options(p: argparse.ArgumentParser) -> None:
    """The options about reading the data file (shared with ``explain``)."""
    p.add_argument(
        "--map", metavar="FILE", help="column map: a YAML/JSON/CSV file of 'header: input name' pairs"
    )
    p.add_argument(
        "--persons",
        metavar="FILE",
        help="the members' table, linked by <subject>_id (same as --children persons=FILE)",
    )
    p.add_argument(
        "--children",
        action="append",
        default=[],
        metavar="LIST=FILE",
        help="fill the list LIST from FILE, each row linked by <subject>_id (repeatable)",
    )
    p.add_argument("--sheet", metavar="NAME", help="the Excel sheet to read (default: the first)")
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COLUMN",
        help='carry a column of the data into the output as it is, e.g. "Họ tên chủ hộ" (repeatable)',
    )
    p.add_argument(
        "--header-row",
        type=positive_int,
        metavar="N",
        help="the row (line of a CSV) holding the column headers (default: found below any title)",
    )


def register(sub: Any) -> None:
    """Add ``evaluate`` and ``report``."""
    p = sub.add_parser(
        "evaluate",
        help="evaluate the candidates of a data file",
        description=EVALUATE_HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument(
        "set", metavar="SET[@VERSION]", help="the criteria set, e.g. happy-family or happy-family@2026.2"
    )
    p.add_argument(
        "data", metavar="DATA", help="the data file (.csv, .xlsx, .json, .jsonl; - reads JSONL from stdin)"
    )
    add_revision_options(p)
    add_output_option(p)
    p.add_argument(
        "--format", choices=FORMATS, help="output format (default: from -o's extension, else table)"
    )
    p.add_argument(
        "--detail",
        choices=("verdicts", "full"),
        help="verdicts only (fastest), or with values and reasons (default: full for json, jsonl and html)",
    )
    p.add_argument(
        "--rank", action="store_true", help="order by score for a contest; equal scores share a rank"
    )
    p.add_argument(
        "--group-by", metavar="FIELD", help="carry a column (e.g. village_id) into the output and summary"
    )
    p.add_argument(
        "--jobs",
        type=positive_int,
        default=1,
        metavar="N",
        help="spread the work over N processes (same output)",
    )
    add_data_options(p)
    p.set_defaults(run=run_evaluate)

    p = sub.add_parser(
        "report",
        help="write the printable HTML report",
        description=REPORT_HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument("set", metavar="SET[@VERSION]", help="the criteria set, e.g. happy-family")
    p.add_argument("data", metavar="DATA", help="the data file (.csv, .xlsx, .json, .jsonl)")
    add_revision_options(p)
    add_output_option(p)
    p.add_argument(
        "--group-by",
        metavar="FIELD",
        default="",
        help="chart the pass rate by this column (default: village_id when the data has it)",
    )
    p.add_argument("--rank", action="store_true", help="order the cards by score")
    p.add_argument(
        "--audience",
        choices=AUDIENCES,
        default="commune",
        help="commune: the score sheet; public: the list to post; letters: one letter per household",
    )
    p.add_argument("--place", default="", metavar="TEXT", help="where the document is signed, e.g. Bản Xèo")
    p.add_argument(
        "--authority",
        default="",
        metavar="TEXT",
        help="the issuing body printed at the top, e.g. UBND xã Bản Xèo",
    )
    p.add_argument(
        "--jobs", type=positive_int, default=1, metavar="N", help="spread the work over N processes"
    )
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
    from ..io.records import parse_children

    try:
        parse_children(specs, plan.model)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def output_format(args: argparse.Namespace) -> str:
    """``--format``, else from ``-o``'s extension, else ``table``."""
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
        raise UsageError(f"cannot tell the format of '{args.output}' from its extension; add --format")
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
        raise UsageError(f"--format {fmt} writes a file: add -o FILE")
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
        streams.err.write(
            JOBS_LOWERED.get(lang, JOBS_LOWERED["en"]).format(asked=args.jobs, jobs=cpu_count())
        )

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

    progress = Progress(streams.err if is_terminal(streams.err) else None, Path(args.data).name, ROWS[lang])
    run = Evaluation(Job(plan, as_of, detail, sets), source, workers, fmt, context, progress)
    if args.output:
        with atomic_file(args.output, binary=fmt in BINARY_FORMATS) as stream:
            summary = _write(fmt, stream, run, notes, args.data)
        streams.err.write(f"{summary.line(lang)} → {args.output}\n")
    else:
        summary = _write(fmt, streams.out, run, notes, args.data)
    quality.statuses.update(summary.counts)
    rows = (source.rows_read, len(source.skipped))
    closing = quality.closing(lang, plan.model.inputs, source.input_columns, source.empty_cells, rows)
    from ..render.safe import printable

    streams.err.write("".join(f"{printable(line, lines=True)}\n" for line in closing))
    return EXIT_INVALID if quality.too_many_invalid() else EXIT_OK


ROWS = {"vi": "dòng", "en": "rows"}
"""The progress bar's word for rows, by language."""
JOBS_LOWERED = {
    "vi": "criteria: --jobs {asked} giảm còn {jobs}: máy này có {jobs} CPU\n",
    "en": "criteria: --jobs {asked} lowered to {jobs}: this computer has {jobs} CPU(s)\n",
}
"""The note when ``--jobs`` asks for more processes than there are CPUs."""


def _write(fmt: str, stream: IO[Any], run: Evaluation, notes: Any, data: str) -> Summary:
    from ..render.output import write_items

    pieces = run.pieces()
    first = next(pieces, None)
    if first is None:
        message = "the file has no data rows (only a header row, or blank rows)"
        raise DataError([Diagnostic("data-no-rows", message, data)])
    assert run.context is not None
    return write_items(itertools.chain([first], pieces), stream, fmt, run.context, notes)


__all__ = [
    "JOBS_LOWERED",
    "ROWS",
    "add_data_options",
    "check_children",
    "children_of",
    "evaluate_to",
    "register",
]
