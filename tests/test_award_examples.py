"""The rounds stored beside the shipped sets (``*.round.examples.yaml``) give the decisions they
expect, through the same steps as a real round; a wrong expectation is reported."""

from __future__ import annotations

import pytest

from criteria_engine.award.examples import RoundExample, check_example
from criteria_engine.cli.round_examples import round_examples_file
from criteria_engine.format.registry import Revision
from criteria_engine.io.catalog import load_listed

from .award_support import REGISTRY
from .test_cli_support import run

WITH_PROCEDURE = [r for r in REGISTRY.revisions() if r.model.procedure is not None]
STORED = [r for r in WITH_PROCEDURE if round_examples_file(r) is not None]


def test_each_set_with_a_procedure_stores_example_rounds() -> None:
    assert {r.model.id for r in WITH_PROCEDURE} == {"happy-family", "happy-village", "happy-school"}
    assert {r.model.id for r in STORED} == {"happy-family", "happy-village", "happy-school"}


@pytest.mark.parametrize("revision", STORED, ids=lambda r: r.ref)
def test_every_stored_round_gives_its_decision(revision: Revision) -> None:
    path = round_examples_file(revision)
    assert path is not None
    examples = load_listed(path, RoundExample)
    assert examples
    assert {e.id: check_example(revision.model, e) for e in examples} == {e.id: [] for e in examples}


def test_a_wrong_expectation_is_reported() -> None:
    revision = REGISTRY.get("happy-family@2026.2")
    example = RoundExample.model_validate(
        {
            "id": "wrong",
            "meeting": {"invited": 60, "present": 30},
            "candidates": [{"id": "H01", "score": 90, "max_score": 100, "rating": "passed", "votes_for": 30}],
            "expect": {"quorum": "met", "awarded": ["H01"], "reasons": {"H01": []}},
        }
    )
    problems = check_example(revision.model, example)
    assert [str(p) for p in problems] == [
        "quorum: expected met, got not_met",
        "awarded: expected ['H01'], got []",
        "reasons of H01: expected [], got ['quorum-not-met']",
    ]
    assert problems[0]("vi") == "quorum: mong đợi met, thực tế not_met"


def test_criteria_test_runs_the_stored_rounds() -> None:
    result = run("test", "happy-family@2026.2")
    assert result.code == 0
    assert "happy-family@2026.2: 7 đợt bình xét mẫu, 7 đúng, 0 sai" in result.out
    english = run("test", "happy-family@2026.2", "--lang", "en")
    assert "happy-family@2026.2: 7 round example(s), 7 passed, 0 failed" in english.out
