"""``criteria test SET[@VERSION]``: run the examples stored beside a set's revisions."""

from __future__ import annotations

import argparse
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import CriteriaError
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    HelpFormatter,
    Streams,
    add_sets_option,
    plan_for,
    print_diagnostics,
    registry_for,
)

if TYPE_CHECKING:  # loaded when the command runs (``criteria --help`` needs none of them)
    from ..format.registry import Revision
    from ..results import Result

HELP = """\
Run the example candidates stored beside a revision (2026.2.examples.yaml beside
2026.2.yaml) and compare each result with what the example expects: status, rating,
score and each listed verdict, and (under explain:) the Vietnamese sentence of each
listed criterion. Without a version, every revision of the set is tested. A set with a
procedure may also store example rounds (2026.2.round.examples.yaml): the quorum, who is
awarded, the levels and the reasons each must give.
Failures are printed with what was expected and what came out; the exit status is 1
when any example fails.

examples:
  criteria test happy-family
  criteria test happy-family@2026.2
  criteria test happy-school --sets criteria_sets"""


def register(sub: Any) -> None:
    """Add ``test``."""
    p = sub.add_parser(
        "test", help="run the examples stored with a set", description=HELP, formatter_class=HelpFormatter
    )
    p.add_argument(
        "set", metavar="SET[@VERSION]", help="the criteria set, e.g. happy-family or happy-family@2026.2"
    )
    add_sets_option(p)
    p.set_defaults(run=run)


def _same(expected: object, got: object) -> bool:
    if isinstance(expected, int | float) and isinstance(got, int | float) and not isinstance(expected, bool):
        return math.isclose(float(expected), float(got), rel_tol=1e-9, abs_tol=1e-9)
    return expected == got


def compare(expect: Mapping[str, object], result: Result) -> list[str]:
    """The differences between an example's expectations and a result, as sentences."""
    data = result.to_dict()
    problems: list[str] = []
    for key, expected in expect.items():
        if key == "verdicts" and isinstance(expected, Mapping):
            verdicts = result.verdicts
            for criterion_id, verdict in expected.items():
                got = verdicts.get(str(criterion_id), "(no such criterion)")
                if got != verdict:
                    problems.append(f"verdict {criterion_id}: expected {verdict}, got {got}")
        elif key in data:
            if not _same(expected, data[key]):
                problems.append(f"{key}: expected {expected!r}, got {data[key]!r}")
        else:
            problems.append(f"'{key}' is not part of a result (expected {expected!r})")
    if problems and result.errors:
        problems.append(
            "the record is invalid: " + "; ".join(f"{e.field}: {e.message}" for e in result.errors)
        )
    return problems


def compare_explanations(expected: Mapping[str, str], result: Result) -> list[str]:
    """The criteria whose Vietnamese sentence differs from what an example's ``explain:`` says."""
    from ..explain.text import criterion_sentence

    problems: list[str] = []
    for criterion_id, sentence in expected.items():
        try:
            outcome = result.criterion(str(criterion_id))
        except KeyError:
            problems.append(f"explanation {criterion_id}: no such criterion")
            continue
        values = {**result.measures, **outcome.values} if result.measures else None
        got = criterion_sentence(result.plan, outcome, "vi", values)
        if got != sentence:
            problems.append(f"explanation {criterion_id}: expected {sentence!r}, got {got!r}")
    return problems


def _test_revision(revision: Revision, plan: Any, streams: Streams) -> tuple[int, int]:
    from ..io.catalog import examples_file, load_examples

    path = examples_file(revision)
    if path is None:
        streams.out.write(f"{revision.ref}: no examples file\n")
        return 0, 0
    try:
        examples = load_examples(path)
    except CriteriaError as exc:
        print_diagnostics(exc.diagnostics, streams)
        streams.out.write(f"{revision.ref}: the examples file cannot be used ({path})\n")
        return 0, 1
    failed = 0
    for example in examples:
        record = dict(example.record)
        record.setdefault("id", example.id)
        result = plan.evaluate(record)
        problems = compare(example.expect, result) + compare_explanations(example.explain or {}, result)
        if problems:
            failed += 1
            streams.out.write(
                f"  FAIL {example.id}" + (f" — {example.description}" if example.description else "") + "\n"
            )
            for problem in problems:
                streams.out.write(f"       {problem}\n")
    passed = len(examples) - failed
    streams.out.write(f"{revision.ref}: {len(examples)} example(s), {passed} passed, {failed} failed\n")
    return passed, failed


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Test one revision, or every revision of the set."""
    from ..format.registry import parse_ref
    from .round_examples import test_rounds

    registry = registry_for(args.sets)
    set_id, version = parse_ref(args.set)
    revisions = [registry.get(args.set)] if version else registry.revisions(set_id)
    if not revisions:
        registry.get(set_id)  # raises unknown-set with a did-you-mean
    passed = failed = 0
    for revision in revisions:
        p, f = _test_revision(revision, plan_for(registry, revision), streams)
        rounds_passed, rounds_failed = test_rounds(revision, streams)  # the procedure's stored rounds
        passed, failed = passed + p + rounds_passed, failed + f + rounds_failed
    if passed + failed == 0:
        streams.err.write(f"criteria: no examples found for {args.set}\n")
        return EXIT_INVALID
    streams.out.write(f"total: {passed} passed, {failed} failed\n")
    return EXIT_INVALID if failed else EXIT_OK


__all__ = ["compare", "compare_explanations", "register", "run"]
