"""``criteria template SET -o mau.xlsx``: an empty data template a commune fills in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..render.files import atomic_file
from .common import (
    EXIT_OK,
    HelpFormatter,
    Streams,
    UsageError,
    add_output_option,
    add_revision_options,
    registry_for,
)

HELP = """\
Write an empty data template for a criteria set: the spreadsheet a commune fills in and
'criteria evaluate' reads back with no --map.

The workbook has a sheet of candidates with the set's inputs as column headers (their
Vietnamese labels, or English with --lang en), the id first; a sheet per member list (a
household's persons) whose first column is the candidate's id; drop-down lists of the
labels for every choice and yes/no column; number checks; the unit and meaning of each
column in its header's comment; and a "Hướng dẫn" sheet explaining every column.

With --format csv, the candidates' header row goes to FILE (or the screen) and each member
list to FILE's name with the list's name added (mau.persons.csv), for --persons.

examples:
  criteria template happy-family -o mau.xlsx
  criteria template happy-family@2027.1 --lang en -o template.xlsx
  criteria template happy-school --format csv -o truong.csv
  criteria template happy-village --format csv"""


def register(sub: Any) -> None:
    """Add ``template``."""
    p = sub.add_parser(
        "template",
        help="write an empty data template (xlsx or csv) for a set",
        description=HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument(
        "set", metavar="SET[@VERSION]", help="the criteria set, e.g. happy-family or happy-family@2027.1"
    )
    add_revision_options(p)
    add_output_option(p)
    p.add_argument("--format", choices=("xlsx", "csv"), help="xlsx (default, or from -o's extension) or csv")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the template."""
    from ..io.template import csv_text, tables, write_csv, write_workbook

    registry = registry_for(args.sets)
    revision = registry.get(args.set, args.as_of)
    lang = args.lang or "vi"
    fmt = args.format or ("csv" if args.output and Path(args.output).suffix.lower() == ".csv" else "xlsx")
    if fmt == "xlsx":
        if not args.output:
            raise UsageError("the xlsx template is a file: add -o FILE (or --format csv)")
        with atomic_file(args.output, binary=True) as stream:
            made = write_workbook(revision, stream, lang)
        sheets = ", ".join(t.title for t in made)
        streams.err.write(f"{revision.ref}: {sheets} → {args.output}\n")
        return EXIT_OK
    made = tables(revision.model, lang)
    if not args.output:
        streams.out.write(csv_text(made[0]))
        return EXIT_OK
    target = Path(args.output)
    written = [target]
    with atomic_file(target) as stream:
        write_csv(made[0], stream)
    for table in made[1:]:
        other = target.with_name(f"{target.stem}.{table.list_name}{target.suffix or '.csv'}")
        with atomic_file(other) as stream:
            write_csv(table, stream)
        written.append(other)
    streams.err.write(f"{revision.ref}: → {', '.join(str(p) for p in written)}\n")
    return EXIT_OK


__all__ = ["register", "run"]
