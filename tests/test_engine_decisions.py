"""The decision rules one at a time, in small sets with stored examples (tests/cases/engine) and
unit tests: on_missing, the pass percentage, all_mandatory, consistency checks, the fast
record check, and the generated code's map back to the YAML file.

Each test here kills a one-line change to the decision logic that the suite once let through
(a mutation spot-check): ``on_missing`` ignored, ``min_percent``'s ``<`` turned into ``<=``,
``all_mandatory: false`` ignored, the fast validity check always saying invalid.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from criteria_engine import compile_plan, load_examples, load_registry, load_revision
from criteria_engine.evaluators.decision import BandRule, CriterionFacts, Tally, status_of, tally
from criteria_engine.evaluators.plan import Plan
from criteria_engine.io.catalog import examples_file
from criteria_engine.results import Reason, Status, Verdict

from .test_cli_support import run

ENGINE = Path(__file__).parent / "cases" / "engine"
SETS = sorted(p.parent.name for p in ENGINE.glob("*/1.yaml"))


def _plan(name: str) -> Plan:
    return compile_plan(load_revision(ENGINE / name / "1.yaml"), load_registry().resolver())


@pytest.mark.parametrize("name", SETS)
def test_stored_examples_give_their_expected_results(name: str) -> None:
    plan = _plan(name)
    found = examples_file(plan.revision)
    assert found is not None and len(load_examples(found)) >= 4
    result = run("test", name, "--sets", ENGINE, "--lang", "en")
    assert result.code == 0, result.out + result.err
    assert "0 failed" in result.out


# --- on_missing -------------------------------------------------------------------------------


def test_on_missing_decides_an_unknown_rule() -> None:
    plan = _plan("on-missing")
    result = plan.evaluate({})
    got = {c.id: (c.verdict, c.points, c.reason) for c in result.criteria}
    assert got == {
        "A1": (Verdict.FAIL, 0, Reason.MISSING_DATA_AS_FAIL),
        "A2": (Verdict.PASS, 20, Reason.MISSING_DATA_AS_PASS),
        "A3": (Verdict.PASS, 30, Reason.MISSING_DATA_AS_PASS),
        "A4": (Verdict.FAIL, 0, Reason.MISSING_DATA_AS_FAIL),
        "A5": (Verdict.PASS, 0, Reason.MISSING_DATA_AS_PASS),
    }
    assert (result.status, result.score) == (Status.PASSED, 50)
    assert result == plan.traced({})
    verdicts_only = plan.evaluate({}, detail=False)
    assert [(c.verdict, c.points) for c in verdicts_only.criteria] == [(v, p) for v, p, _ in got.values()]


def test_on_missing_leaves_a_known_rule_alone() -> None:
    plan = _plan("on-missing")
    result = plan.evaluate({"latrine": False, "waste": False, "water": "other", "clubs": 0, "noise": False})
    assert [c.verdict for c in result.criteria] == [Verdict.FAIL] * 4 + [Verdict.PASS]
    assert result.score == 0 and result.status == Status.FAILED


# --- the pass percentage ------------------------------------------------------------------------


def test_exactly_the_pass_percentage_passes_and_just_below_fails() -> None:
    assert status_of(Tally(80, 100, 0, False, False), 0.0, 80) == Status.PASSED
    assert status_of(Tally(79.99, 100, 0, False, False), 0.0, 80) == Status.FAILED
    assert status_of(Tally(79.99, 100, 0.01, False, False), 0.0, 80) == Status.UNDETERMINED
    plan = _plan("min-percent")
    exactly = {"a": True, "b": True, "c": True, "d": True, "e": False, "children": 1}
    assert plan.evaluate(exactly).status == Status.PASSED  # 80 of 100
    assert plan.evaluate(exactly, detail=False).status == Status.PASSED
    below = {**exactly, "d": False, "children": 0}  # 60 of 80
    assert plan.evaluate(below).status == Status.FAILED
    assert plan.outcome(exactly).status == Status.PASSED and plan.outcome(below).status == Status.FAILED


# --- all_mandatory ------------------------------------------------------------------------------


def test_all_mandatory_false_lets_a_failed_mandatory_criterion_pass() -> None:
    facts = [CriterionFacts("G1", 60, False, False), CriterionFacts("G2", 40, True, False)]
    verdicts, points = [Verdict.PASS, Verdict.FAIL], [60, 0]
    assert tally(facts, verdicts, points, all_mandatory=False).gate_fail is False
    assert tally(facts, verdicts, points, all_mandatory=True).gate_fail is True
    plan = _plan("all-mandatory-off")
    result = plan.evaluate({"a": True, "b": False, "banned": False})
    assert (result.status, result.rating) == (Status.PASSED, "passed")
    assert result.gap is None  # already in the top band
    assert (
        plan.evaluate({"a": True, "b": True, "banned": True}).status == Status.FAILED
    )  # a veto still rules out


def test_all_mandatory_true_gates_and_names_the_criterion_in_the_gap() -> None:
    plan = _plan("all-mandatory-off")
    cs = plan.model.model_copy(
        update={
            "decision": plan.model.decision.model_copy(
                update={"pass_": plan.model.decision.pass_.model_copy(update={"all_mandatory": True})}
            )
        }
    )
    strict = compile_plan(cs)
    result = strict.evaluate({"a": True, "b": False, "banned": False})
    assert result.status == Status.FAILED
    assert result.gap is not None and result.gap.must_pass == ("G2",)
    assert BandRule("passed", True, False, True) in strict.bands


# --- consistency checks -------------------------------------------------------------------------


def test_a_failed_check_makes_the_record_invalid_with_its_message() -> None:
    plan = _plan("with-checks")
    record = {"members": 2, "insured_members": 3, "persons": [{"insured": True}]}
    for result in (plan.evaluate(record), plan.evaluate(record, detail=False), plan.traced(record)):
        assert result.status == Status.INVALID
        assert [(e.field, e.code, e.message) for e in result.errors] == [
            ("insured-le-members", "check-failed", "Số người có thẻ BHYT lớn hơn số nhân khẩu."),
            ("persons-count", "check-failed", "Số dòng thành viên khác số nhân khẩu."),
        ]
        assert result.criteria == () and result.score is None


def test_an_unknown_check_decides_nothing() -> None:
    plan = _plan("with-checks")
    result = plan.evaluate({"members": 2, "insured_members": 2, "income": 2_000_000})
    assert result.status == Status.PASSED and result.errors == ()


def test_a_failed_check_in_a_file_row_names_the_row() -> None:
    from criteria_engine.evaluators.rows import SourceRow, evaluate_row

    plan = _plan("with-checks")
    row = SourceRow(7, {"id": "H7", "members": 1, "insured_members": 2}, file="households.csv")
    result = evaluate_row(plan, row)
    assert result.status == Status.INVALID and result.row == 7
    assert result.errors[0].message == "row 7: Số người có thẻ BHYT lớn hơn số nhân khẩu."


# --- the fast record check ----------------------------------------------------------------------


class _Spy:
    def __init__(self, plan: Plan) -> None:
        self.real = plan._checker
        self.calls = 0

    def check(self, record: object) -> object:
        self.calls += 1
        return self.real.check(record)  # type: ignore[arg-type]


def test_a_valid_record_never_reaches_the_slow_checker() -> None:
    registry = load_registry()
    plan = compile_plan(registry.get("happy-family@2026.2"), registry.resolver())
    spy = _Spy(plan)
    plan._checker = spy  # type: ignore[assignment]
    record = {"id": "H1", "area": "rural", "members": 4, "insured_members": 4, "income_per_capita": 2_500_000}
    assert plan._valid(record) is True
    for detail in (True, False):
        assert plan.evaluate(record, detail=detail).status != Status.INVALID
        (many,) = plan.evaluate_many([record], detail=detail)
        assert many.status != Status.INVALID
    assert spy.calls == 0
    normalised = {**record, "members": 4.0}  # an integral float: checked, then evaluated as 4
    assert plan._valid(normalised) is False
    assert plan.evaluate(normalised) == plan.evaluate(record)
    assert spy.calls == 1


# --- the generated code, read back ----------------------------------------------------------------


@contextlib.contextmanager
def _broken_len(plan: Plan) -> Iterator[None]:
    """Make ``len()`` raise inside the plan's generated code (an engine fault, on purpose)."""
    namespace = plan._fast.full.__globals__

    def broken(*args: object) -> object:
        raise RuntimeError("boom")

    namespace["_rt_len"], saved = broken, namespace["_rt_len"]
    try:
        yield
    finally:
        namespace["_rt_len"] = saved


def test_a_traceback_through_generated_code_shows_the_line_and_the_yaml_line() -> None:
    plan = compile_plan(load_revision(ENGINE / "with-checks" / "1.yaml"))
    with _broken_len(plan), pytest.raises(RuntimeError) as raised:
        plan.evaluate({"members": 1, "insured_members": 1, "persons": [{}]}, detail=False)
    text = "".join(traceback.format_exception(raised.value))
    assert f'File "{plan.filename}"' in text and "in verdicts" in text
    assert "_rt_len(persons)" in text and "# 1.yaml:" in text  # the generated line, with its YAML line
    frame = traceback.extract_tb(raised.value.__traceback__)[-2]
    origin = plan.source_map[frame.lineno]
    assert origin.path == ("checks", 1, "rule") and origin.file.endswith("with-checks/1.yaml")
    assert (
        "len(persons) == members"
        in Path(origin.file).read_text(encoding="utf-8").splitlines()[origin.line - 1]
    )


def test_generated_code_uses_the_sets_names_and_short_lines() -> None:
    registry = load_registry()
    plan = compile_plan(registry.get("happy-family@2026.2"), registry.resolver())
    lines = plan.source.splitlines()
    assert max(len(line) for line in lines) <= 120
    assert any(line.strip().startswith("is_poor_or_near_poor = ") for line in lines)
    assert all(origin.line > 0 for origin in plan.source_map.values())


def test_show_code_prints_the_generated_source() -> None:
    registry = load_registry()
    plan = compile_plan(registry.get("happy-family@2026.2"), registry.resolver())
    shown = run("show", "happy-family@2026.2", "--code")
    assert shown.code == 0 and shown.out == plan.source
    compile(shown.out, "<shown>", "exec")  # it is the whole module, as it runs


def test_an_engine_fault_on_a_row_says_where_in_the_set() -> None:
    from criteria_engine.evaluators.rows import SourceRow, evaluate_row

    plan = compile_plan(load_revision(ENGINE / "with-checks" / "1.yaml"))
    with _broken_len(plan):
        result = evaluate_row(plan, SourceRow(3, {"members": 1, "insured_members": 1, "persons": [{}]}))
    assert result.status == Status.INVALID
    message = result.errors[0].message
    assert message.startswith("row 3 (the rule at 1.yaml:") and "boom" in message


def test_an_explanation_names_the_first_five_failing_members() -> None:
    plan = compile_plan(load_revision(Path(__file__).parent.parent / "benchmarks" / "household20.yaml"))
    persons = [{"id": f"P{i}", "drug_user": i == 3} for i in range(1, 9)]  # the condition is false for 7
    (detail,) = plan.evaluate({"id": "H", "persons": persons}).criterion("K7").aggregates
    assert detail.failing == ("P1", "P2", "P4", "P5", "P6")  # the members whose condition is false
    assert (detail.total, detail.numerator, detail.denominator, detail.unknown) == (8, 1, 8, 0)
    assert plan.traced({"id": "H", "persons": persons}).criterion("K7").aggregates == (detail,)
