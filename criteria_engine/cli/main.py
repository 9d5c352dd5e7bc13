"""The entry point: ``main(argv, streams) -> exit code``. Each command lives in its own module
(``cmd_*.py``) with ``register(sub)`` adding its parser and a ``run(args, streams)``.

The command modules import what their run needs when it runs, so building the parser loads
nothing heavy: ``criteria --help`` answers in a fraction of a second. A run ended by Ctrl-C
or by a termination signal (SIGTERM) prints one line, leaves no output file half written
and no worker process behind, and exits with 130 (143 for SIGTERM)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from typing import IO, Any, ClassVar

from ..errors import CriteriaError, OutputError
from ..render.files import output_target
from . import (
    cmd_evaluate,
    cmd_explain,
    cmd_register,
    cmd_revisions,
    cmd_round,
    cmd_sets,
    cmd_show,
    cmd_template,
    cmd_test,
    cmd_validate,
)
from .common import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_TERMINATED,
    EXIT_USAGE,
    HelpFormatter,
    Streams,
    UsageError,
    input_paths,
    print_diagnostics,
)

# `diff` and `verify` (comparing revisions) live in cmd_revisions.py.
COMMANDS = (
    cmd_validate,
    cmd_sets,
    cmd_show,
    cmd_template,
    cmd_evaluate,
    cmd_explain,
    cmd_test,
    cmd_revisions,
    cmd_round,
    cmd_register,
)

DESCRIPTION = """\
criteria — evaluate households, villages, communes and schools against declarative criteria
sets, with an explanation for every verdict, in Vietnamese or English.

Exit status: 0 success (also when candidates fail), 1 a criteria file or data file that
cannot be used, 2 a usage error.

Run 'criteria COMMAND --help' for the options and examples of each command."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting and prints help to the command's stream."""

    out: ClassVar[IO[str] | None] = None

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: error: {message}")

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            target = file if file not in (None, sys.stdout) else (_Parser.out or sys.stdout)
            target.write(message)


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from importlib.metadata import version

        parser._print_message(f"criteria {version('criteria_engine')}\n", sys.stdout)
        parser.exit()


class Terminated(Exception):
    """The command was asked to stop (SIGTERM): it ends as an interrupted run does."""


def _terminate(_signal: int, _frame: object) -> None:
    raise Terminated


def build_parser() -> argparse.ArgumentParser:
    """The full parser (also used to generate docs/cli.md)."""
    parser = _Parser(prog="criteria", description=DESCRIPTION, formatter_class=HelpFormatter)
    parser.add_argument("--version", action=_Version, nargs=0, help="show program's version number and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, streams: Streams | None = None) -> int:
    """Run the command line; returns the exit status (never raises for a user's mistake)."""
    streams = streams or Streams()
    previous, _Parser.out = _Parser.out, streams.out
    handler = None
    if threading.current_thread() is threading.main_thread():  # SIGTERM ends the run cleanly
        handler = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(list(sys.argv[1:] if argv is None else argv), streams)
    finally:
        _Parser.out = previous
        if handler is not None:
            signal.signal(signal.SIGTERM, handler)


def _main(argv: list[str], streams: Streams) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(streams.out)
            return EXIT_USAGE
        if getattr(args, "output", None):  # before any work: never write over what is read
            output_target(args.output, input_paths(args))
        run: Any = args.run
        return int(run(args, streams))
    except UsageError as exc:
        message = str(exc)
        streams.err.write(f"{message if message.startswith('criteria') else 'criteria: error: ' + message}\n")
        command = f" {argv[0]}" if argv and not argv[0].startswith("-") else ""
        streams.err.write(f"Try 'criteria{command} --help'.\n")
        return EXIT_USAGE
    except OutputError as exc:  # where to write was the user's choice: a usage error
        print_diagnostics(exc.diagnostics, streams)
        return EXIT_USAGE
    except CriteriaError as exc:
        print_diagnostics(exc.diagnostics, streams)
        return EXIT_INVALID
    except KeyboardInterrupt:
        streams.err.write("criteria: interrupted; no output file was changed\n")
        return EXIT_INTERRUPTED
    except Terminated:
        streams.err.write("criteria: stopped (terminated); no output file was changed\n")
        return EXIT_TERMINATED
    except BrokenPipeError:
        return EXIT_INVALID
    except OSError as exc:
        streams.err.write(
            f"criteria: error: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}\n"
        )
        return EXIT_INVALID
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)


__all__ = ["COMMANDS", "Terminated", "build_parser", "main"]
