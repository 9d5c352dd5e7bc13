"""The impact of a revision on data, against hand-checked cases; reading data files for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_engine.evaluators.plan import Plan, compile_plan
from criteria_engine.format.loader import load_text
from criteria_engine.format.models import CriteriaSet
from criteria_engine.io.catalog import load_examples, load_registry
from criteria_engine.revisions.data import DataLog, merged_inputs, read_records
from criteria_engine.revisions.impact import ImpactReport, impact
from criteria_engine.revisions.render import candidate_text, impact_lines, impact_sentences
from criteria_engine.rules.validation import validate_document

CASES = Path(__file__).parent / "cases" / "revisions"
REGISTRY = load_registry()


def load_pair(name: str) -> tuple[CriteriaSet, CriteriaSet]:
    parts = (CASES / f"{name}.yaml").read_text(encoding="utf-8").split("\n---\n")
    models = [validate_document(load_text(part)).model for part in parts]
    assert models[0] is not None and models[1] is not None
    return models[0], models[1]


def plans(name: str) -> tuple[Plan, Plan]:
    a, b = load_pair(name)
    return compile_plan(a), compile_plan(b)


def household(hid: str, **values: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": hid,
        "area": "rural",
        "income": 2_000_000,
        "members": 4,
        "insured": 4,
        "exercising": 1,
        "latrine": True,
        "persons": [],
    }
    base.update(values)
    return base


# The sample set's "parameter-values" pair: the income floor rises (rural 1.5 -> 2.2 million,
# urban 2.0 -> 2.8 million VND a month) and at least 2 people must exercise instead of 1.
# A1 income (40, mandatory), A2 exercise (20), A3 latrine (20), A4 insured share (20 / 10 at 80%).
# Pass at 60; "good" at 80. Scores below are worked out by hand.
HOUSEHOLDS = [
    household("H1"),  # A: 40+20+20+20=100 good. B: A1 fails (2.0 < 2.2), A2 fails (1 < 2): 40, failed
    household("H2", area="urban", income=3_000_000, exercising=2),  # 100 good under both
    household("H3", income=2_500_000, latrine=False, insured=3),  # A: 40+20=60 passed. B: 40 failed
    household("H4", area="urban", income=2_500_000, exercising=3),  # A: 100 good. B: A1 fails: 60 failed
    household("H5", income=None),  # income missing: undetermined under both
    household("H6", members=0),  # members below the minimum: invalid under both
]


def run_sample() -> ImpactReport:
    a, b = plans("parameter-values")
    return impact(a, b, (h for h in HOUSEHOLDS if True))  # a one-shot generator: streaming


def test_hand_checked_counts() -> None:
    report = run_sample()
    assert report.ref_a == "sample@1" and report.ref_b == "sample@2"
    assert report.total == 6
    assert report.moved("passed", "failed") == 3
    assert report.moved("failed", "passed") == 0
    assert report.moved("passed", "passed") == 1
    assert report.moved("undetermined", "undetermined") == 1
    assert report.moved("invalid", "invalid") == 1
    assert report.changed_total == 3 and [c.id for c in report.changed] == ["H1", "H3", "H4"]
    assert report.ratings[("good", "not_passed")] == 2
    assert report.ratings[("passed", "not_passed")] == 1
    assert report.criteria == {
        "A1": {("pass", "fail"): 2},
        "A2": {("pass", "fail"): 3},
    }
    assert report.score_only == 1  # H5: A2 now fails, the status stays undetermined
    assert report.unchanged == 2  # H2 and H6


def test_hand_checked_candidates_and_why() -> None:
    by_id = {c.id: c for c in run_sample().changed}
    h1, h3, h4 = by_id["H1"], by_id["H3"], by_id["H4"]
    assert (h1.score_a, h1.score_b, h1.rating_a, h1.rating_b) == (100, 40, "good", "not_passed")
    assert [(d.id, d.verdict_a, d.verdict_b) for d in h1.criteria] == [
        ("A1", "pass", "fail"),
        ("A2", "pass", "fail"),
    ]
    assert (h3.score_a, h3.score_b, h3.status_a, h3.status_b) == (60, 40, "passed", "failed")
    assert [d.id for d in h3.criteria] == ["A2"]
    assert (h4.score_a, h4.score_b) == (100, 60)
    assert [d.id for d in h4.criteria] == ["A1"]  # 60 points, but A1 is mandatory


def test_the_counts_in_words() -> None:
    report = run_sample()
    en = impact_sentences(report, "en")
    assert en[0] == "3 households pass under 1 and fail under 2."
    assert "2 households: rating “Good” → “Not passed”." in en
    assert "1 household: rating “Passed” → “Not passed”." in en
    assert en[-1] == "2 households: nothing changes."
    vi = impact_sentences(report, "vi")
    assert vi[0] == "3 hộ đạt theo 1 và không đạt theo 2."
    h1 = report.changed[0]
    assert candidate_text(h1, report, "en") == (
        "H1: passed → failed, “Good” → “Not passed” (100 → 40 points); why: A1 pass → fail, A2 pass → fail"
    )
    assert candidate_text(h1, report, "vi") == (
        "H1: đạt → không đạt, “Tốt” → “Chưa đạt” (100 → 40 điểm); vì: A1 đạt → không đạt, A2 đạt → không đạt"
    )


def test_the_other_way_round_mirrors_the_counts() -> None:
    a, b = plans("parameter-values")
    back = impact(b, a, HOUSEHOLDS)
    assert back.moved("failed", "passed") == 3 and back.moved("passed", "failed") == 0
    assert impact_sentences(back, "en")[0] == "3 households fail under 2 and pass under 1."
    mixed = impact(a, b, [*HOUSEHOLDS, household("H7", exercising=5, income=2_300_000, area="rural")])
    assert mixed.moved("passed", "passed") == 2


def test_both_directions_in_one_sentence() -> None:
    a, b = plans("threshold-changed")  # A1 needs 2.2 million instead of 1.5; A2 needs 2 exercising
    records = [
        household("up", income=1_000_000, exercising=3),  # fails A1 (mandatory) under both
        household("down", income=1_800_000, exercising=1, insured=3),  # A passes, B fails
        # A3 (latrine and 80% insured, 20 points) becomes 90%: 17 of 20 insured passes A, fails B;
        # A4 gives 10 points for 85% under both: 90 ("good") -> 70 ("passed")
        household("three", income=2_300_000, exercising=3, members=20, insured=17),
    ]
    report = impact(a, b, records)
    assert report.moved("passed", "failed") == 1 and report.moved("failed", "failed") == 1
    assert [c.id for c in report.changed] == ["down", "three"]
    three = report.changed[1]
    assert (three.score_a, three.score_b, three.rating_a, three.rating_b) == (90, 70, "good", "passed")
    assert [(d.id, d.verdict_a, d.verdict_b) for d in three.criteria] == [("A3", "pass", "fail")]


def test_a_new_veto_explains_why_on_the_shipped_sets() -> None:
    a, b = (
        compile_plan(REGISTRY.get(f"happy-family@{v}"), REGISTRY.resolver()) for v in ("2026.1", "2026.2")
    )
    examples = {
        e.id: e
        for e in load_examples(Path(REGISTRY.get("happy-family@2026.2").file).with_suffix(".examples.yaml"))
    }
    record = dict(examples["veto-K7-drug-user"].record, id="HH-K7")
    report = impact(a, b, [record])
    (change,) = report.changed
    assert (change.status_a, change.status_b) == ("passed", "failed")
    assert change.criteria[0].id == "K7" and change.criteria[0].verdict_a is None
    assert change.criteria[0].verdict_b == "fail"
    assert "K7 (new) fail" in candidate_text(change, report, "en")
    assert report.criteria["K7"] == {(None, "fail"): 1}


def test_a_new_poverty_line_lowers_the_pass_threshold() -> None:
    a, b = (
        compile_plan(REGISTRY.get(f"happy-family@{v}"), REGISTRY.resolver()) for v in ("2026.2", "2027.1")
    )
    file = Path(REGISTRY.get("happy-family@2027.1").file).with_suffix(".examples.yaml")
    example = next(e for e in load_examples(file) if e.id == "new-line-makes-household-near-poor")
    report = impact(a, b, [dict(example.record, id="HH-1")])
    (change,) = report.changed
    # 1.8 million a head in a rural area: middle living standard under 2026.2 (B1 8 points, pass
    # at 85%), near-poor under 2027.1 (B1 5 points, the lower 70% threshold applies); 2027.1 also
    # reweighs B4 (a hygienic latrine earns 2 points, not 5) and adds F1 (5 points)
    assert (change.status_a, change.status_b, change.score_a, change.score_b) == ("failed", "passed", 82, 81)
    assert (change.pass_min_a, change.pass_min_b) == (85, 70)
    assert candidate_text(change, report, "en").endswith(
        "why: F1 (new) pass, B1 8 → 5 points, B4 5 → 2 points, points needed to pass 85 → 70"
    )


def test_keep_caps_the_list_not_the_counts() -> None:
    a, b = plans("parameter-values")
    report = impact(a, b, HOUSEHOLDS * 10, keep=4)
    assert len(report.changed) == 4 and report.changed_total == 30
    assert report.moved("passed", "failed") == 30
    lines = [text for text, _ in impact_lines(report, "en", limit=2)]
    assert any("… and 28 more" in line for line in lines)
    data = report.to_dict()
    assert data["changed"] == 30 and len(data["candidates"]) == 4  # type: ignore[arg-type]
    json.dumps(data)


def test_invalid_records_are_not_explained_by_criteria() -> None:
    a, b = load_pair("inputs")  # exercising gets a maximum of 30 in B
    report = impact(compile_plan(a), compile_plan(b), [household("big", exercising=40, income=3_000_000)])
    (change,) = report.changed
    assert (change.status_a, change.status_b) == ("passed", "invalid")
    assert change.criteria == () and change.errors_b == ("exercising",)
    assert "invalid data under 2: exercising" in candidate_text(change, report, "en")


# --- reading data files -------------------------------------------------------------------------


def test_read_jsonl_and_json_with_lists(tmp_path: Path) -> None:
    a, b = load_pair("inputs")
    inputs = merged_inputs(a, b)
    assert "phone" in inputs and "water" in inputs
    assert set(inputs["persons"].items or {}) == {"convicted", "drug_user"}
    rows = [
        {"id": "H1", "Khu vực": "Nông thôn", "income": "1.500.000", "persons": [{"convicted": "không"}]},
        {"Thu nhập bình quân": 2_000_000, "members": 3},
    ]
    jsonl = tmp_path / "h.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    log = DataLog(str(jsonl))
    records = list(read_records(jsonl, inputs, log=log))
    assert records[0] == {"id": "H1", "area": "rural", "income": 1_500_000, "persons": [{"convicted": False}]}
    assert records[1] == {"income": 2_000_000, "members": 3, "id": "#2"}
    assert log.rows == 2 and log.problems == []  # a JSON record may leave keys out
    as_json = tmp_path / "h.json"
    as_json.write_text(json.dumps({"households": rows}, ensure_ascii=False), encoding="utf-8")
    assert list(read_records(as_json, inputs)) == records


def test_read_csv_with_problems(tmp_path: Path) -> None:
    a, _ = load_pair("parameter-values")
    csv = tmp_path / "h.csv"
    csv.write_text(
        "Mã hộ;Khu vực;Thu nhập bình quân;members\nH1;Nông thôn;1.500.000;4\nH2;núi;abc;2\n", encoding="utf-8"
    )
    log = DataLog(str(csv))
    records = list(read_records(csv, a.inputs, log=log))
    assert records[0] == {"id": "H1", "area": "rural", "income": 1_500_000, "members": 4}
    assert records[1] == {"id": "H2", "members": 2}
    assert log.rows_with_problems == 1
    codes = [d.code for d in log.problems]
    assert codes.count("data-bad-value") == 2 and "data-missing-column" in codes
    assert {d.line for d in log.problems if d.code == "data-bad-value"} == {3}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_lines_render_in_both_languages(lang: str) -> None:
    lines = impact_lines(run_sample(), lang, source="h.jsonl")
    text = "\n".join(t for t, _ in lines)
    assert "h.jsonl" in text and "H1" in text and "H4" in text
