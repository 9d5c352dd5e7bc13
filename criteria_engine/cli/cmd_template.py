"""``criteria template SET -o mau.xlsx``: an empty data template a commune fills in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..messages import listing, msg
from ..render.files import atomic_file
from .common import (
    EXIT_OK,
    HelpFormatter,
    Streams,
    UsageError,
    add_output_option,
    add_revision_options,
    helped,
    language,
    registry_for,
    say,
)

HELP = helped("help.template.about")


def register(sub: Any) -> None:
    """Add ``template``."""
    p = sub.add_parser(
        "template",
        help=helped("help.template"),
        description=HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument("set", metavar="SET[@VERSION]", help=helped("help.template.set"))
    add_revision_options(p)
    add_output_option(p)
    p.add_argument("--format", choices=("xlsx", "csv"), help=helped("help.template.format"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the template."""
    from ..io.template import csv_text, tables, write_csv, write_workbook

    registry = registry_for(args.sets)
    revision = registry.get(args.set, args.as_of)
    lang = language(args.lang, revision.model)
    fmt = args.format or ("csv" if args.output and Path(args.output).suffix.lower() == ".csv" else "xlsx")
    if fmt == "xlsx":
        if not args.output:
            raise UsageError(msg("cli.template-needs-file"))
        with atomic_file(args.output, binary=True) as stream:
            made = write_workbook(revision, stream, lang)
        sheets = listing(t.title for t in made)
        streams.err.write(
            say(msg("cli.template-written", ref=revision.ref, sheets=sheets, file=args.output)) + "\n"
        )
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
    files = listing(str(p) for p in written)
    streams.err.write(say(msg("cli.files-written", ref=revision.ref, files=files)) + "\n")
    return EXIT_OK


__all__ = ["register", "run"]
