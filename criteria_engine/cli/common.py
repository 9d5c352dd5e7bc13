"""What every command shares: streams, exit codes, options, diagnostics, choosing a revision,
and writing an output file safely."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from ..errors import Diagnostic, Severity

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


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the descriptions' line breaks (examples) and wraps at :data:`HELP_WIDTH`."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=HELP_WIDTH)


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


def parse_date(text: str) -> dt.date:
    """``--as-of`` values: YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (write YYYY-MM-DD)") from None


def positive_int(text: str) -> int:
    """``--jobs`` values: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be at least 1")
    return value


def print_diagnostics(diagnostics: Sequence[Diagnostic], streams: Streams, fmt: str = "text") -> None:
    """Diagnostics as ``PATH:LINE:COL: error[CODE]: message`` lines (stderr), or as JSON (stdout).
    A message quoting a cell of a data file has its control characters escaped (an escape
    sequence in a cell cannot rewrite the terminal)."""
    if fmt == "json":
        json.dump([d.to_dict() for d in diagnostics], streams.out, ensure_ascii=False, indent=2)
        streams.out.write("\n")
        return
    from ..render.safe import printable

    for diag in diagnostics:
        streams.err.write(printable(str(diag), lines=True) + "\n")


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
        raise argparse.ArgumentTypeError("an empty path names no file or folder")
    return text


def add_sets_option(parser: argparse.ArgumentParser) -> None:
    """``--sets PATH`` (repeatable; an empty path is a usage error, not the current folder)."""
    parser.add_argument(
        "--sets",
        action="append",
        type=_set_path,
        metavar="PATH",
        help="a folder (or file) of criteria sets; repeat for several (default: the shipped sets)",
    )


def add_revision_options(parser: argparse.ArgumentParser) -> None:
    """``--sets``, ``--as-of`` and ``--lang``."""
    add_sets_option(parser)
    parser.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help="the day whose rules apply, YYYY-MM-DD (default: today; ignored when SET names a version)",
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), help="language of the output (default: the set's first language)"
    )


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """``-o FILE``."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of the screen (put in place only when the command succeeds; never the input, a folder, a device or a pipe; a link is written through)",
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
    """``--lang``, else the set's first language."""
    return requested or (model.languages[0] if model.languages else "vi")


__all__ = [
    "DEFAULT_REGISTER",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "HELP_WIDTH",
    "HelpFormatter",
    "Streams",
    "UsageError",
    "add_output_option",
    "add_revision_options",
    "add_sets_option",
    "has_errors",
    "input_paths",
    "is_terminal",
    "language",
    "parse_date",
    "plan_for",
    "positive_int",
    "print_diagnostics",
    "refusals_in_language",
    "registry_for",
    "run_later",
]
