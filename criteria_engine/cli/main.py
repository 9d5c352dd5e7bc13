"""The entry point: ``main(argv, streams) -> exit code``. Each command lives in its own module
(``cmd_*.py``) with ``register(sub)`` adding its parser and a ``run(args, streams)``.

The command modules import what their run needs when it runs, so building the parser loads
nothing heavy: ``criteria --help`` answers in a fraction of a second. A run ended by Ctrl-C
or by a termination signal (SIGTERM) prints one line, leaves no output file half written
and no worker process behind, and exits with 130 (143 for SIGTERM)."""

from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import IO, Any, ClassVar

from ..errors import CriteriaError, OutputError, os_reason
from ..messages import LANGUAGES, Msg, msg
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
    default_language,
    helped,
    input_paths,
    print_diagnostics,
    say,
    speaking,
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

DESCRIPTION = helped("help.criteria")

# argparse's own complaints (its English words, stable across versions) in the catalogue's words.
_ARGPARSE = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.argparse.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.argparse.unrecognized"),
    (re.compile(r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"), "cli.argparse.choice"),
    (re.compile(r"expected one argument"), "cli.argparse.one"),
    (re.compile(r"expected at least one argument"), "cli.argparse.at-least-one"),
    (re.compile(r"expected at most one argument"), "cli.argparse.at-most-one"),
    (re.compile(r"invalid (?P<type>\S+) value: (?P<value>.+)"), "cli.argparse.value"),
    (re.compile(r"not allowed with argument (?P<names>.+)"), "cli.argparse.not-with"),
    (re.compile(r"one of the arguments (?P<names>.+) is required"), "cli.argparse.one-of"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<names>.+)"), "cli.argparse.ambiguous"),
)


def argparse_words(message: str) -> Msg:
    """An argparse error message in the catalogue's words (as argparse says it when the
    catalogue does not know it); ``argument --x: `` before it is kept in front."""
    head = re.match(r"argument (?P<names>[^:]+): (?P<rest>.*)", message, re.S)
    if head is not None:
        return msg("cli.argparse.argument", names=head["names"], problem=argparse_words(head["rest"]))
    for pattern, key in _ARGPARSE:
        found = pattern.fullmatch(message.strip())
        if found is not None:
            return msg(key, **found.groupdict())
    return msg("raw", text=message)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting and prints help to the command's stream."""

    out: ClassVar[IO[str] | None] = None

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(msg("cli.usage", prog=self.prog, problem=argparse_words(message)))

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
    """The full parser (also used to generate docs/cli.md); its help is said in the language
    of the run when it is printed."""
    parser = _Parser(prog="criteria", description=DESCRIPTION, formatter_class=HelpFormatter)
    parser.add_argument("--version", action=_Version, nargs=0, help=helped("help.option.version"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(sub)
    for each in _parsers(parser):
        each._positionals.title = helped("help.positionals")
        each._optionals.title = helped("help.options")
        for action in each._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = helped("help.option.help")
    return parser


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """A parser and every sub-command's parser under it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from _parsers(child)


def argv_language(argv: Sequence[str]) -> str:
    """The language asked for on the command line (``--lang en`` or ``--lang=en``), else
    ``CRITERIA_LANG``, else Vietnamese: what is said before the arguments are parsed (``--help``,
    usage errors) and until a command knows its set."""
    for index, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            return value
    return default_language()


def main(argv: Sequence[str] | None = None, streams: Streams | None = None) -> int:
    """Run the command line; returns the exit status (never raises for a user's mistake)."""
    streams = streams or Streams()
    args = list(sys.argv[1:] if argv is None else argv)
    previous, _Parser.out = _Parser.out, streams.out
    handler = None
    if threading.current_thread() is threading.main_thread():  # SIGTERM ends the run cleanly
        handler = signal.signal(signal.SIGTERM, _terminate)
    try:
        with speaking(argv_language(args)):
            return _main(args, streams)
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
        text = (
            exc.text if exc.text.key == "cli.usage" else msg("cli.usage", prog="criteria", problem=exc.text)
        )
        streams.err.write(say(text) + "\n")
        command = f" {argv[0]}" if argv and not argv[0].startswith("-") else ""
        streams.err.write(say(msg("cli.try-help", command=command)) + "\n")
        return EXIT_USAGE
    except OutputError as exc:  # where to write was the user's choice: a usage error
        print_diagnostics(exc.diagnostics, streams)
        return EXIT_USAGE
    except CriteriaError as exc:
        print_diagnostics(exc.diagnostics, streams)
        return EXIT_INVALID
    except KeyboardInterrupt:
        streams.err.write(say(msg("cli.interrupted")) + "\n")
        return EXIT_INTERRUPTED
    except Terminated:
        streams.err.write(say(msg("cli.terminated")) + "\n")
        return EXIT_TERMINATED
    except BrokenPipeError:
        return EXIT_INVALID
    except OSError as exc:
        reason = os_reason(exc)
        problem = msg("cli.os-error", reason=reason, file=str(exc.filename)) if exc.filename else reason
        streams.err.write(say(msg("cli.usage", prog="criteria", problem=problem)) + "\n")
        return EXIT_INVALID
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)


__all__ = ["COMMANDS", "Terminated", "argparse_words", "argv_language", "build_parser", "main"]
