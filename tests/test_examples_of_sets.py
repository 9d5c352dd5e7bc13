"""Every example stored beside a shipped revision gives its expected result."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_engine.evaluators.plan import compile_plan
from criteria_engine.format.models import Example
from criteria_engine.format.registry import Revision
from criteria_engine.io.catalog import examples_file, load_examples, load_registry

REGISTRY = load_registry()
REVISIONS = REGISTRY.revisions()


def _examples(revision: Revision) -> list[Example]:
    path = examples_file(revision)
    assert path is not None, f"{revision.ref} has no examples file"
    return load_examples(path)


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.ref)
def test_every_stored_example_gives_its_expected_result(revision: Revision) -> None:
    plan = compile_plan(revision, REGISTRY.resolver())
    examples = _examples(revision)
    assert len(examples) >= 8
    failures = []
    for example in examples:
        result = plan.evaluate(example.record)
        got: dict[str, object] = {"status": result.status}
        for key in ("rating", "score"):
            if key in example.expect:
                got[key] = getattr(result, key)
        verdicts = example.expect.get("verdicts", {})
        assert isinstance(verdicts, dict)
        if verdicts:
            got["verdicts"] = {k: result.verdicts.get(k) for k in verdicts}
        expected = {k: example.expect[k] for k in got}
        if got != expected:
            failures.append((example.id, got, expected))
    assert failures == []


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.ref)
def test_examples_cover_every_verdict_kind_and_status(revision: Revision) -> None:
    examples = _examples(revision)
    statuses = {str(e.expect.get("status")) for e in examples}
    assert {"passed", "failed", "undetermined"} <= statuses


def test_every_veto_and_mandatory_criterion_fails_in_some_example() -> None:
    for revision in REVISIONS:
        examples = _examples(revision)
        gates = [c.id for c in revision.model.criteria() if c.veto or c.mandatory]
        failed = {
            cid for e in examples for cid, v in dict(e.expect.get("verdicts", {})).items() if v == "fail"
        }  # type: ignore[call-overload]
        assert set(gates) <= failed, (revision.ref, set(gates) - failed)


def test_examples_files_sit_beside_each_revision() -> None:
    for revision in REVISIONS:
        path = examples_file(revision)
        assert path is not None and Path(path).parent == Path(revision.file).parent
