"""``criteria register ...``: check the award register, export it, import into it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..render.files import output_target
from .common import (
    DEFAULT_REGISTER,
    EXIT_INVALID,
    EXIT_OK,
    HelpFormatter,
    Streams,
    UsageError,
    refusals_in_language,
)

REGISTER_HELP = """\
The award register: one SQLite file (--register, default ./criteria-register.sqlite)
holding every round's evaluations, meetings, postings, objections, decisions and the
award history, append-only.

  check    runs SQLite's integrity_check and foreign_key_check and the register's own
           rules (one result per candidate and year); exit 1 when anything is wrong
  export   writes every table (superseded rows included) to a folder of CSV files or
           to one .xlsx workbook, so a commune can hand its history over
  import   reads such an export (every round added), or a history table from paper
           records (columns set_id, year, candidate, title; optionally unit, level,
           window_from, window_to): all of it in one transaction, or nothing

examples:
  criteria register import examples/data/round-2026/lich-su-2022-2025.csv
  criteria register check
  criteria register export so-binh-xet.xlsx"""


def register(sub: Any) -> None:
    """Add ``register`` and its actions."""
    parser = sub.add_parser(
        "register",
        help="check, export or import the award register",
        description=REGISTER_HELP,
        formatter_class=HelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser), required=True)
    for name, short in (
        ("check", "check the register's integrity"),
        ("export", "export every table as CSV files or one XLSX"),
        ("import", "import an export or a history table"),
    ):
        p = actions.add_parser(name, help=short, description=short, formatter_class=HelpFormatter)
        if name == "export":
            p.add_argument("target", metavar="TARGET", help="a .xlsx file, or a folder for CSV files")
        if name == "import":
            p.add_argument(
                "source",
                metavar="SOURCE",
                help="an export (folder or .xlsx) or a history table (.csv, .xlsx)",
            )
        p.add_argument(
            "--register",
            metavar="FILE",
            default=DEFAULT_REGISTER,
            help=f"the award register (default: {DEFAULT_REGISTER})",
        )
        p.add_argument(
            "--lang", choices=("vi", "en"), default="vi", help="language of the output (default: vi)"
        )
        p.set_defaults(run=globals()[f"run_{name}"])


@refusals_in_language
def run_check(args: argparse.Namespace, streams: Streams) -> int:
    """``register check``."""
    from ..register.store import open_register

    with open_register(args.register) as store:
        problems = store.check()
        counts = store.counts()
        version = store.version
    for problem in problems:
        streams.err.write(f"{args.register}: error[{problem.code}]: {problem.text(args.lang)}\n")
    rows = ", ".join(f"{table} {n}" for table, n in counts.items())
    if args.lang == "en":
        streams.out.write(
            f"{args.register}: schema {version}; {'sound' if not problems else f'{len(problems)} problem(s)'}; rows: {rows}\n"
        )
    else:
        streams.out.write(
            f"{args.register}: lược đồ {version}; {'toàn vẹn' if not problems else f'{len(problems)} lỗi'}; số dòng: {rows}\n"
        )
    return EXIT_INVALID if problems else EXIT_OK


@refusals_in_language
def run_export(args: argparse.Namespace, streams: Streams) -> int:
    """``register export``."""
    from ..register.store import open_register
    from ..register.transfer import export_register

    if Path(args.target).suffix.lower() == ".xlsx":
        output_target(args.target, [args.register])
    elif Path(args.target).is_symlink():
        raise UsageError(f"'{args.target}' is a link; choose another folder")
    with open_register(args.register) as store:
        path = export_register(store, args.target)
    streams.err.write(f"→ {path}\n")
    return EXIT_OK


@refusals_in_language
def run_import(args: argparse.Namespace, streams: Streams) -> int:
    """``register import``."""
    from ..register.store import open_register
    from ..register.transfer import import_file

    with open_register(args.register, create=True) as store:
        added = import_file(store, args.source)
    streams.out.write(f"{added}\n")
    return EXIT_OK


__all__ = ["register", "run_check", "run_export", "run_import"]
