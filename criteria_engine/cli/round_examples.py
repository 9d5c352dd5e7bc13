"""``criteria test``: the stored rounds beside a revision (``2026.2.round.examples.yaml``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..award.examples import RoundExample, check_example
from ..errors import CriteriaError
from ..format.registry import Revision
from ..io.catalog import load_listed
from ..messages import Msg, msg
from .common import Streams, print_diagnostics, say


def round_examples_file(revision: Revision) -> Path | None:
    """``2026.2.yaml`` → ``2026.2.round.examples.yaml`` when it exists."""
    if not revision.file:
        return None
    path = Path(revision.file)
    found = path.with_name(f"{path.stem}.round.examples.yaml")
    return found if found.is_file() else None


def write_failure(streams: Streams, example: str, description: str | None, problems: Sequence[Msg]) -> None:
    """One example that failed: ``FAIL id — description``, then each problem."""
    head = (
        msg("test.fail-about", id=example, about=description) if description else msg("test.fail", id=example)
    )
    streams.out.write(f"  {say(head)}\n")
    for problem in problems:
        streams.out.write(f"       {say(problem)}\n")


def test_rounds(revision: Revision, streams: Streams) -> tuple[int, int]:
    """Run a revision's stored rounds; returns (passed, failed)."""
    path = round_examples_file(revision)
    if path is None:
        return 0, 0
    if revision.model.procedure is None:
        streams.out.write(say(msg("test.round-needs-procedure", ref=revision.ref, file=path.name)) + "\n")
        return 0, 1
    try:
        examples = load_listed(path, RoundExample)
    except CriteriaError as exc:
        print_diagnostics(exc.diagnostics, streams)
        streams.out.write(say(msg("test.round-unusable", ref=revision.ref, file=str(path))) + "\n")
        return 0, 1
    failed = 0
    for example in examples:
        problems = check_example(revision.model, example)
        if problems:
            failed += 1
            write_failure(streams, example.id, example.description, problems)
    passed = len(examples) - failed
    said = msg("test.round-summary", ref=revision.ref, count=len(examples), passed=passed, failed=failed)
    streams.out.write(say(said) + "\n")
    return passed, failed


__all__ = ["round_examples_file", "test_rounds"]
