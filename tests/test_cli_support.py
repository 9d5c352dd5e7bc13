"""Helpers shared by the command-line tests (and a few tests of the helpers' fixtures)."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from criteria_engine.cli import main
from criteria_engine.cli.common import Streams

HERE = Path(__file__).parent
CASES = HERE / "cases" / "cli"
GOLDEN = HERE / "golden" / "cli"
SET = "happy-family@2026.2"
HOUSEHOLDS = CASES / "households.csv"
PERSONS = CASES / "persons.csv"
NO_PERSONS = CASES / "persons-none.csv"
"""A members' table with a header and no rows: every household has no members listed."""


@dataclass
class Run:
    """What a command did: exit code, stdout, stderr."""

    code: int
    out: str
    err: str


def run(*argv: object) -> Run:
    """``main`` with captured streams."""
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Streams(out=out, err=err))
    return Run(code, out.getvalue(), err.getvalue())


def evaluate(*extra: object, data: Path = HOUSEHOLDS, persons: Path | None = PERSONS) -> Run:
    """``criteria evaluate happy-family@2026.2 DATA [--persons persons.csv] ...``."""
    args: list[object] = ["evaluate", SET, data]
    if persons is not None:
        args += ["--persons", persons]
    return run(*args, *extra)


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with tests/golden/cli/NAME; UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (UPDATE_GOLDEN=1 regenerates)"


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    """A small CSV file."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def household_rows() -> tuple[list[str], list[list[str]]]:
    """The header and rows of the households fixture."""
    with HOUSEHOLDS.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    return rows[0], rows[1:]


def test_fixtures_are_what_the_tests_expect() -> None:
    header, rows = household_rows()
    assert header[0] == "Mã hộ" and len(rows) == 8
    assert PERSONS.exists() and (CASES / "households.xlsx").exists()
