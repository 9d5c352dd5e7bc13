"""What every command shares: streams, exit codes, options, diagnostics, choosing a revision,
the language of the run, and writing an output file safely.

The language of the run: ``--lang``; else the environment variable ``CRITERIA_LANG`` (``vi``
or ``en``); else, for a command with a criteria set, the set's first language; else Vietnamese.
Diagnostics, notes, usage errors and ``--help`` are said in it (:func:`current_language`)."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from ..errors import Diagnostic, Severity
from ..messages import LANGUAGES, Msg, msg

if TYPE_CHECKING:  # loaded when a command runs (``criteria --help`` needs none of them)
    from ..evaluators.plan import Plan
    from ..format.models import CriteriaSet
    from ..format.registry import Registry, Revision

EXIT_OK = 0
EXIT_INVALID = 1  # a criteria file or a data file that cannot be used
EXIT_USAGE = 2
DEFAULT_REGISTER = "criteria-register.sqlite"
"""The award register's file name when ``--register`` is not given (the register's own default,
:data:`criteria_engine.register.store.DEFAULT_NAME`, said here so the parser loads nothing)."""

EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)

HELP_WIDTH = 88
"""Help text is wrapped at a fixed width, so docs/cli.md is the same on every machine."""


LANG_ENV = "CRITERIA_LANG"
"""The environment variable that chooses the language when ``--lang`` is not given."""

_LANGUAGE: ContextVar[str] = ContextVar("criteria_language", default="vi")


def preferred_language() -> str | None:
    """The language ``CRITERIA_LANG`` asks for (``vi``, ``en``, or a locale such as
    ``en_US.UTF-8``), or None when it is unset or names another language."""
    value = os.environ.get(LANG_ENV, "").strip().lower()[:2]
    return value if value in LANGUAGES else None


def default_language(requested: str | None = None) -> str:
    """``--lang``, else ``CRITERIA_LANG``, else Vietnamese (a command without a set)."""
    return requested or preferred_language() or "vi"


def current_language() -> str:
    """The language the run speaks in now."""
    return _LANGUAGE.get()


def speak(lang: str) -> None:
    """Say everything from now on (diagnostics, notes, usage errors) in ``lang``."""
    _LANGUAGE.set(lang if lang in LANGUAGES else "vi")


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak ``lang`` for one run of the command line (restored after it, also when the run
    changes it by :func:`speak`)."""
    token = _LANGUAGE.set(lang if lang in LANGUAGES else "vi")
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


class UsageError(Exception):
    """A mistake in how the command was called (exit 2), told by :attr:`text`."""

    def __init__(self, text: Msg) -> None:
        super().__init__(str(text))
        self.text = text


class Said(str):
    """A help text as argparse holds it (a string: its English) that the help formatter says
    in the language of the run (:attr:`message`)."""

    message: Msg


def helped(key: str, **args: str) -> str:
    """The help text ``key`` of the catalogue of messages, for argparse."""
    message = msg(key, **args)
    said = Said(str(message))
    said.message = message
    return said


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the descriptions' line breaks (examples) and wraps at :data:`HELP_WIDTH`; says
    every help text (a :class:`~criteria_engine.messages.Msg`) in the language of the run."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=HELP_WIDTH)
        self.lang = current_language()

    def _say(self, text: object) -> str:
        if isinstance(text, Said):
            return text.message(self.lang)
        return text(self.lang) if isinstance(text, Msg) else str(text)

    def _get_help_string(self, action: argparse.Action) -> str:
        return self._say(action.help)

    def _format_text(self, text: Any) -> str:
        return super()._format_text(self._say(text))

    def start_section(self, heading: Any) -> None:
        super().start_section(self._say(heading))

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
        super().add_usage(
            usage, actions, groups, prefix if prefix is not None else msg("help.usage")(self.lang)
        )


def _stdout() -> TextIO:
    import sys

    return sys.stdout


def _stderr() -> TextIO:
    import sys

    return sys.stderr


@dataclass
class Streams:
    """Where a command writes: passed in so tests can capture them."""

    out: TextIO = field(default_factory=_stdout)
    err: TextIO = field(default_factory=_stderr)


def is_terminal(stream: IO[Any]) -> bool:
    """Whether ``stream`` is an interactive terminal (colour and progress only then)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _type_error(text: Msg) -> argparse.ArgumentTypeError:
    """An option value that cannot be read, said in the language of the run (argparse puts
    ``argument --as-of: `` before it)."""
    return argparse.ArgumentTypeError(text(current_language()))


def parse_date(text: str) -> dt.date:
    """``--as-of`` values: YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _type_error(msg("cli.not-a-date", text=text)) from None


def positive_int(text: str) -> int:
    """``--jobs`` values: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise _type_error(msg("cli.not-a-whole-number", text=text)) from None
    if value < 1:
        raise _type_error(msg("cli.at-least-one", text=text))
    return value


def say(text: Msg) -> str:
    """A message in the language of the run."""
    return text(current_language())


def print_diagnostics(diagnostics: Sequence[Diagnostic], streams: Streams, fmt: str = "text") -> None:
    """Diagnostics as ``PATH:LINE:COL: error[CODE]: message`` lines (stderr), or as JSON
    (stdout: the English ``message`` and, as ``text``, the message in the language of the run).
    A message quoting a cell of a data file has its control characters escaped (an escape
    sequence in a cell cannot rewrite the terminal)."""
    lang = current_language()
    if fmt == "json":
        json.dump([d.to_dict(lang) for d in diagnostics], streams.out, ensure_ascii=False, indent=2)
        streams.out.write("\n")
        return
    from ..render.safe import printable

    for diag in diagnostics:
        streams.err.write(printable(diag.render(lang), lines=True) + "\n")


def has_errors(diagnostics: Sequence[Diagnostic]) -> bool:
    """Whether any diagnostic is an error."""
    return any(d.severity == Severity.ERROR for d in diagnostics)


Runner = Callable[[argparse.Namespace, Streams], int]


def refusals_in_language(run: Runner) -> Runner:
    """Print a refused step's reasons in ``--lang`` and exit 1."""

    @functools.wraps(run)
    def wrapped(args: argparse.Namespace, streams: Streams) -> int:
        from ..award.messages import RoundError

        try:
            return run(args, streams)
        except RoundError as exc:
            where = exc.file or getattr(args, "register", "")
            print_diagnostics([d.located(where, 0, 0) for d in exc.diagnostics_in(args.lang)], streams)
            return EXIT_INVALID

    return wrapped


def run_later(module: str, name: str) -> Runner:
    """A command's run, imported from ``module`` (of this package) when it runs, not before."""

    def run(args: argparse.Namespace, streams: Streams) -> int:
        import importlib

        found: Runner = getattr(importlib.import_module(f".{module}", __package__), name)
        return found(args, streams)

    return run


# --- options shared by several commands -----------------------------------------------------


def _set_path(text: str) -> str:
    if not text.strip():
        raise _type_error(msg("file-unreadable.empty-path"))
    return text


def add_sets_option(parser: argparse.ArgumentParser) -> None:
    """``--sets PATH`` (repeatable; an empty path is a usage error, not the current folder)."""
    parser.add_argument(
        "--sets",
        action="append",
        type=_set_path,
        metavar="PATH",
        help=helped("help.option.sets"),
    )


def add_revision_options(parser: argparse.ArgumentParser) -> None:
    """``--sets``, ``--as-of`` and ``--lang``."""
    add_sets_option(parser)
    parser.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help=helped("help.option.as-of"),
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=helped("help.option.lang-set"))


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang`` for a command without a set: the default is ``CRITERIA_LANG``, else ``vi``."""
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=default_language(), help=helped("help.option.lang")
    )


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """``-o FILE``."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=helped("help.option.output"),
    )


def input_paths(args: argparse.Namespace) -> list[str]:
    """Every file a command reads, by its options (an output may not replace one)."""
    found: list[str] = []
    for name in ("data", "persons", "map", "results", "votes", "register", "source"):
        value = getattr(args, name, None)
        if isinstance(value, str) and value not in ("", "-"):
            found.append(value)
    found += [text.partition("=")[2] for text in getattr(args, "children", None) or [] if "=" in text]
    found += [str(s) for s in getattr(args, "sets", None) or []]
    folders = [Path(f) for f in found if Path(f).is_dir()]
    found += [str(p) for folder in folders for p in folder.rglob("*") if p.is_file()]
    return found


# --- criteria sets ----------------------------------------------------------------------------

_REGISTRIES: dict[tuple[object, ...], Registry] = {}
_PLANS: dict[tuple[str, str], Plan] = {}


def _signature(paths: Sequence[str] | None) -> tuple[object, ...]:
    from ..io.catalog import set_files, shipped_sets_dir

    roots = [str(p) for p in paths] if paths else [str(shipped_sets_dir())]
    files, _ = set_files(roots)
    stamps: list[object] = []
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue
        stamps.append((str(file), stat.st_mtime_ns, stat.st_size))
    return (tuple(roots), tuple(stamps))


def registry_for(paths: Sequence[str] | None) -> Registry:
    """The registry of the sets under ``paths`` (default: shipped); raises if any set is invalid.

    Kept for the life of the process while the files are unchanged (tests call ``main`` often).
    """
    from ..io.catalog import load_registry

    key = _signature(paths)
    registry = _REGISTRIES.get(key)
    if registry is None:
        if len(_REGISTRIES) > 16:
            _REGISTRIES.clear()
        registry = _REGISTRIES[key] = load_registry(list(paths) if paths else None)
    return registry


def plan_for(registry: Registry, revision: Revision) -> Plan:
    """The compiled plan of a revision (compiled once per process)."""
    from ..evaluators.plan import compile_plan

    key = (revision.ref, revision.digest)
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) > 32:
            _PLANS.clear()
        plan = _PLANS[key] = compile_plan(revision, registry.resolver())
    return plan


def language(requested: str | None, model: CriteriaSet) -> str:
    """``--lang``, else ``CRITERIA_LANG``, else the set's first language; the run speaks it
    from now on (:func:`speak`)."""
    chosen = requested or preferred_language() or (model.languages[0] if model.languages else "vi")
    speak(chosen)
    return chosen


__all__ = [
    "DEFAULT_REGISTER",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "HELP_WIDTH",
    "LANG_ENV",
    "HelpFormatter",
    "Said",
    "Streams",
    "UsageError",
    "add_lang_option",
    "add_output_option",
    "add_revision_options",
    "add_sets_option",
    "current_language",
    "default_language",
    "has_errors",
    "helped",
    "input_paths",
    "is_terminal",
    "language",
    "parse_date",
    "plan_for",
    "positive_int",
    "preferred_language",
    "print_diagnostics",
    "refusals_in_language",
    "registry_for",
    "run_later",
    "say",
    "speak",
    "speaking",
]
