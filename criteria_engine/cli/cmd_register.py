"""``criteria register ...``: check the award register, export it, import into it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..messages import listing, msg
from ..render.files import output_target
from .common import (
    DEFAULT_REGISTER,
    EXIT_INVALID,
    EXIT_OK,
    HelpFormatter,
    Streams,
    UsageError,
    add_lang_option,
    helped,
    refusals_in_language,
)

REGISTER_HELP = helped("help.register.about")


def register(sub: Any) -> None:
    """Add ``register`` and its actions."""
    parser = sub.add_parser(
        "register",
        help=helped("help.register"),
        description=REGISTER_HELP,
        formatter_class=HelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser), required=True)
    for name in ("check", "export", "import"):
        short = helped(f"help.register.{name}")
        p = actions.add_parser(name, help=short, description=short, formatter_class=HelpFormatter)
        if name == "export":
            p.add_argument("target", metavar="TARGET", help=helped("help.register.target"))
        if name == "import":
            p.add_argument(
                "source",
                metavar="SOURCE",
                help=helped("help.register.source"),
            )
        p.add_argument(
            "--register",
            metavar="FILE",
            default=DEFAULT_REGISTER,
            help=helped("help.option.register", default=DEFAULT_REGISTER),
        )
        add_lang_option(p)
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
        error = msg("severity.error")(args.lang)
        streams.err.write(f"{args.register}: {error}[{problem.code}]: {problem.text(args.lang)}\n")
    rows = listing(f"{table} {n}" for table, n in counts.items())
    health = msg("cli.register-sound") if not problems else msg("cli.register-problems", count=len(problems))
    said = msg("cli.register-checked", file=args.register, version=version, health=health, rows=rows)
    streams.out.write(said(args.lang) + "\n")
    return EXIT_INVALID if problems else EXIT_OK


@refusals_in_language
def run_export(args: argparse.Namespace, streams: Streams) -> int:
    """``register export``."""
    from ..register.store import open_register
    from ..register.transfer import export_register

    if Path(args.target).suffix.lower() == ".xlsx":
        output_target(args.target, [args.register])
    elif Path(args.target).is_symlink():
        raise UsageError(msg("cli.register-link", path=args.target))
    with open_register(args.register) as store:
        path = export_register(store, args.target)
    streams.err.write(msg("cli.written", file=str(path))(args.lang) + "\n")
    return EXIT_OK


@refusals_in_language
def run_import(args: argparse.Namespace, streams: Streams) -> int:
    """``register import``."""
    from ..register.store import open_register
    from ..register.transfer import import_file

    with open_register(args.register, create=True) as store:
        added = import_file(store, args.source)
    streams.out.write(added(args.lang) + "\n")
    return EXIT_OK


__all__ = ["register", "run_check", "run_export", "run_import"]
