"""``criteria test SET[@VERSION]``: run the examples stored beside a set's revisions."""

from __future__ import annotations

import argparse
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import CriteriaError
from ..messages import Arg, Msg, msg
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    HelpFormatter,
    Streams,
    add_lang_option,
    add_sets_option,
    helped,
    plan_for,
    print_diagnostics,
    registry_for,
    say,
)

if TYPE_CHECKING:  # loaded when the command runs (``criteria --help`` needs none of them)
    from ..format.registry import Revision
    from ..results import Result

HELP = helped("help.test.about")


def register(sub: Any) -> None:
    """Add ``test``."""
    p = sub.add_parser("test", help=helped("help.test"), description=HELP, formatter_class=HelpFormatter)
    p.add_argument("set", metavar="SET[@VERSION]", help=helped("help.option.set-version"))
    add_sets_option(p)
    add_lang_option(p)
    p.set_defaults(run=run)


def _same(expected: object, got: object) -> bool:
    if isinstance(expected, int | float) and isinstance(got, int | float) and not isinstance(expected, bool):
        return math.isclose(float(expected), float(got), rel_tol=1e-9, abs_tol=1e-9)
    return expected == got


def compare(expect: Mapping[str, object], result: Result) -> list[Msg]:
    """The differences between an example's expectations and a result, as sentences."""
    data = result.to_dict()
    problems: list[Msg] = []
    for key, expected in expect.items():
        if key == "verdicts" and isinstance(expected, Mapping):
            verdicts = result.verdicts
            for criterion_id, verdict in expected.items():
                got: Arg = verdicts.get(str(criterion_id)) or msg("test.no-criterion-said")
                if got != verdict:
                    problems.append(msg("test.verdict", id=str(criterion_id), expected=str(verdict), got=got))
        elif key in data:
            if not _same(expected, data[key]):
                problems.append(msg("test.field", key=key, expected=repr(expected), got=repr(data[key])))
        else:
            problems.append(msg("test.not-a-field", key=key, expected=repr(expected)))
    if problems and result.errors:
        said = tuple(
            msg("at", where=e.field, problem=e.text or msg("raw", text=e.message)) for e in result.errors
        )
        problems.append(msg("test.invalid", problems=said))
    return problems


def compare_explanations(expected: Mapping[str, str], result: Result) -> list[Msg]:
    """The criteria whose Vietnamese sentence differs from what an example's ``explain:`` says."""
    from ..explain.text import criterion_sentence

    problems: list[Msg] = []
    for criterion_id, sentence in expected.items():
        try:
            outcome = result.criterion(str(criterion_id))
        except KeyError:
            problems.append(msg("test.no-criterion", id=str(criterion_id)))
            continue
        values = {**result.measures, **outcome.values} if result.measures else None
        got = criterion_sentence(result.plan, outcome, "vi", values)
        if got != sentence:
            problems.append(
                msg("test.explanation", id=str(criterion_id), expected=repr(sentence), got=repr(got))
            )
    return problems


def _test_revision(revision: Revision, plan: Any, streams: Streams) -> tuple[int, int]:
    from ..io.catalog import examples_file, load_examples
    from .round_examples import write_failure

    path = examples_file(revision)
    if path is None:
        streams.out.write(say(msg("test.no-file", ref=revision.ref)) + "\n")
        return 0, 0
    try:
        examples = load_examples(path)
    except CriteriaError as exc:
        print_diagnostics(exc.diagnostics, streams)
        streams.out.write(say(msg("test.unusable", ref=revision.ref, file=str(path))) + "\n")
        return 0, 1
    failed = 0
    for example in examples:
        record = dict(example.record)
        record.setdefault("id", example.id)
        result = plan.evaluate(record)
        problems = compare(example.expect, result) + compare_explanations(example.explain or {}, result)
        if problems:
            failed += 1
            write_failure(streams, example.id, example.description, problems)
    passed = len(examples) - failed
    said = msg("test.summary", ref=revision.ref, count=len(examples), passed=passed, failed=failed)
    streams.out.write(say(said) + "\n")
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
        streams.err.write(
            say(msg("cli.usage", prog="criteria", problem=msg("test.none", set=args.set))) + "\n"
        )
        return EXIT_INVALID
    streams.out.write(say(msg("test.total", passed=passed, failed=failed)) + "\n")
    return EXIT_INVALID if failed else EXIT_OK


__all__ = ["compare", "compare_explanations", "register", "run"]
