"""What every command shares: streams, exit codes, printing diagnostics, choosing a revision."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from ..errors import Diagnostic, Severity

EXIT_OK = 0
EXIT_INVALID = 1  # an invalid criteria file, or data that cannot be read at all
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


@dataclass
class Streams:
    """Where a command writes: passed in so tests can capture them."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)


def parse_date(text: str) -> dt.date:
    """``--as-of`` values: YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (write YYYY-MM-DD)") from None


def print_diagnostics(diagnostics: Sequence[Diagnostic], streams: Streams, fmt: str = "text") -> None:
    """Diagnostics as ``PATH:LINE:COL: error[CODE]: message`` lines, or as JSON."""
    if fmt == "json":
        json.dump([d.to_dict() for d in diagnostics], streams.out, ensure_ascii=False, indent=2)
        streams.out.write("\n")
        return
    for diag in diagnostics:
        streams.err.write(str(diag) + "\n")


def has_errors(diagnostics: Sequence[Diagnostic]) -> bool:
    """Whether any diagnostic is an error."""
    return any(d.severity == Severity.ERROR for d in diagnostics)


__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "Streams", "UsageError", "has_errors", "parse_date", "print_diagnostics"]
