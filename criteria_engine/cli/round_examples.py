"""``criteria test``: the stored rounds beside a revision (``2026.2.round.examples.yaml``)."""

from __future__ import annotations

from pathlib import Path

from ..award.examples import RoundExample, check_example
from ..errors import CriteriaError
from ..format.registry import Revision
from ..io.catalog import load_listed
from .common import Streams, print_diagnostics


def round_examples_file(revision: Revision) -> Path | None:
    """``2026.2.yaml`` → ``2026.2.round.examples.yaml`` when it exists."""
    if not revision.file:
        return None
    path = Path(revision.file)
    found = path.with_name(f"{path.stem}.round.examples.yaml")
    return found if found.is_file() else None


def test_rounds(revision: Revision, streams: Streams) -> tuple[int, int]:
    """Run a revision's stored rounds; returns (passed, failed)."""
    path = round_examples_file(revision)
    if path is None:
        return 0, 0
    if revision.model.procedure is None:
        streams.out.write(f"{revision.ref}: {path.name} needs a procedure section in the set\n")
        return 0, 1
    try:
        examples = load_listed(path, RoundExample)
    except CriteriaError as exc:
        print_diagnostics(exc.diagnostics, streams)
        streams.out.write(f"{revision.ref}: the round examples file cannot be used ({path})\n")
        return 0, 1
    failed = 0
    for example in examples:
        problems = check_example(revision.model, example)
        if problems:
            failed += 1
            streams.out.write(
                f"  FAIL {example.id}" + (f" — {example.description}" if example.description else "") + "\n"
            )
            for problem in problems:
                streams.out.write(f"       {problem}\n")
    passed = len(examples) - failed
    streams.out.write(f"{revision.ref}: {len(examples)} round example(s), {passed} passed, {failed} failed\n")
    return passed, failed


__all__ = ["round_examples_file", "test_rounds"]
