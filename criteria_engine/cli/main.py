"""The entry point: ``main(argv) -> exit code``. Each command lives in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import CriteriaError
from . import cmd_sets, cmd_validate
from .common import EXIT_INVALID, EXIT_USAGE, Streams, UsageError, print_diagnostics

COMMANDS = (cmd_validate, cmd_sets)

DESCRIPTION = """\
criteria — evaluate people, villages, communes and schools against declarative criteria sets,
with an explanation for every verdict, in Vietnamese or English.

Exit status: 0 success (also when candidates fail), 1 a criteria file or data file that
cannot be used, 2 a usage error."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns every exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The full parser (also used to generate docs/cli.md)."""
    parser = _Parser(prog="criteria", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, streams: Streams | None = None) -> int:
    """Run the command line; returns the exit status (never raises for a user's mistake)."""
    streams = streams or Streams()
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        if args.command is None:
            parser.print_help(streams.out)
            return EXIT_USAGE
        return int(args.run(args, streams))
    except UsageError as exc:
        streams.err.write(f"criteria: error: {exc}\n")
        streams.err.write("Try 'criteria --help'.\n")
        return EXIT_USAGE
    except CriteriaError as exc:
        print_diagnostics(exc.diagnostics, streams)
        return EXIT_INVALID
    except KeyboardInterrupt:
        streams.err.write("criteria: interrupted\n")
        return 130
    except SystemExit as exc:  # argparse --help
        return int(exc.code or 0)


__all__ = ["build_parser", "main"]
