"""Verifying stored results against the revision their digest names."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from criteria_engine.evaluators.plan import compile_plan
from criteria_engine.format.registry import Registry, Revision
from criteria_engine.io.catalog import load_examples, load_registry
from criteria_engine.revisions.render import verify_lines, verify_markdown
from criteria_engine.revisions.verify import compare_results, verify_results

REGISTRY = load_registry()
AS_OF = dt.date(2026, 8, 1)


def _records() -> dict[str, dict[str, object]]:
    revision = REGISTRY.get("happy-family@2026.2")
    examples = load_examples(Path(revision.file).with_suffix(".examples.yaml"))
    return {e.id: dict(e.record, id=e.id) for e in examples}


RECORDS = _records()


def _stored(
    version: str = "2026.2", detail: bool = True, as_of: dt.date | None = AS_OF
) -> list[dict[str, Any]]:
    plan = compile_plan(REGISTRY.get(f"happy-family@{version}"), REGISTRY.resolver())
    results = [plan.evaluate(r, as_of=as_of, detail=detail).to_dict() for r in RECORDS.values()]
    return json.loads(json.dumps(results, ensure_ascii=False))  # as read back from a file


@pytest.mark.parametrize("detail", [True, False])
def test_untouched_results_verify(detail: bool) -> None:
    report = verify_results(_stored(detail=detail), RECORDS, REGISTRY)
    assert report.ok, [i.to_dict() for i in report.items if not i.ok]
    assert report.counts()["verified"] == len(RECORDS)
    assert all(i.ref == "happy-family@2026.2" for i in report.items)


def test_records_may_come_as_an_iterable_or_a_function() -> None:
    stored = _stored(detail=False)
    assert verify_results(stored, iter(RECORDS.values()), REGISTRY).ok
    asked: list[str] = []

    def by_revision(revision: Revision) -> dict[str, dict[str, object]]:
        asked.append(revision.ref)
        return RECORDS

    assert verify_results(stored, by_revision, REGISTRY).ok
    assert asked == ["happy-family@2026.2"]  # once per revision


def test_the_digest_chooses_the_revision_not_the_date() -> None:
    stored = _stored(version="2026.1", as_of=AS_OF)  # 2026.1 named explicitly, used after its window
    report = verify_results(stored, RECORDS, REGISTRY)
    assert report.ok
    assert {i.ref for i in report.items} == {"happy-family@2026.1"}
    assert (
        str(report.items[0].note)
        == "happy-family@2026.1 was not in force on 2026-08-01 (it was chosen by version)"
    )


@pytest.mark.parametrize(
    ("field", "change", "reported"),
    [
        ("status", lambda r: r.update(status="failed" if r["status"] != "failed" else "passed"), "status"),
        ("score", lambda r: r.update(score=(r["score"] or 0) + 1), "score"),
        ("rating", lambda r: r.update(rating="outstanding"), "rating"),
        ("verdict", lambda r: r["criteria"][2].update(verdict="fail"), "criteria.K3.verdict"),
        ("points", lambda r: r["criteria"][8].update(points=0.5), "criteria.A2.points"),
        ("version", lambda r: r["criteria_set"].update(version="2026.9"), "criteria_set.version"),
        ("as_of", lambda r: r["criteria_set"].update(as_of="1 August"), "criteria_set.as_of"),
        ("dropped", lambda r: r["criteria"].pop(), "criteria.E4"),
        ("deleted key", lambda r: r.pop("max_score"), "max_score"),
    ],
)
def test_a_tampered_result_is_caught(field: str, change: Any, reported: str) -> None:
    stored = _stored(detail=False)
    target = copy.deepcopy(stored[0])
    change(target)
    stored[0] = target
    report = verify_results(stored, RECORDS, REGISTRY)
    assert not report.ok
    bad = report.items[0]
    assert bad.outcome == "differs" and bad.id == stored[0]["id"]
    fields = [d.field for d in bad.differences]
    assert reported in fields, fields
    assert all(i.ok for i in report.items[1:])


def test_the_difference_names_stored_and_recomputed_values() -> None:
    stored = _stored(detail=False)
    original = stored[0]["score"]
    stored[0]["score"] = original + 3
    (difference,) = verify_results(stored[:1], RECORDS, REGISTRY).items[0].differences
    assert (difference.field, difference.stored, difference.recomputed) == ("score", original + 3, original)


def test_a_result_from_an_unknown_revision() -> None:
    stored = _stored(detail=False)[:2]
    stored[0]["criteria_set"]["digest"] = "sha256:" + "1" * 64
    stored[1]["criteria_set"].update(id="happy-nothing", digest="sha256:" + "2" * 64)
    report = verify_results(stored, RECORDS, REGISTRY)
    first, second = report.items
    assert first.outcome == "unknown-revision" and first.ref == "happy-family@2026.2"
    assert REGISTRY.get("happy-family@2026.2").digest in str(first.note)
    assert second.outcome == "unknown-revision" and str(second.note) == "no known revision has this digest"
    assert report.counts()["unknown-revision"] == 2 and not report.ok


def test_a_result_from_rules_edited_since_is_unknown() -> None:
    stored = _stored(detail=False)[:1]
    edited = REGISTRY.get("happy-family@2026.2").model.model_copy(
        update={"title": {"vi": "Khác", "en": "Other"}}
    )
    registry = Registry(
        [r for r in REGISTRY.revisions() if r.ref != "happy-family@2026.2"] + [Revision.of(edited)]
    )
    (item,) = verify_results(stored, RECORDS, registry).items
    assert item.outcome == "unknown-revision" and "were altered" in str(item.note)


def test_missing_records_and_malformed_results() -> None:
    stored: list[object] = _stored(detail=False)[:1]
    stored[0]["id"] = "nobody"  # type: ignore[index]
    stored += [42, {"id": "x"}, {"id": "y", "criteria_set": {"id": "happy-family"}}]
    report = verify_results(stored, RECORDS, REGISTRY)
    assert [i.outcome for i in report.items] == ["no-record", "malformed", "malformed", "malformed"]
    assert str(report.items[2].note) == "no criteria_set.digest"


def test_an_empty_input_does_not_verify() -> None:
    report = verify_results([], RECORDS, REGISTRY)
    assert not report.ok and report.items == ()


def test_compare_results_matches_criteria_by_id() -> None:
    stored = {"score": 1, "criteria": [{"id": "B", "verdict": "pass"}, {"id": "A", "verdict": "fail"}]}
    again = {"score": 1.0, "criteria": [{"id": "A", "verdict": "fail"}, {"id": "B", "verdict": "pass"}]}
    assert [d.field for d in compare_results(stored, again)] == ["criteria.order"]
    assert compare_results({"score": 1, "extra": 1}, {"score": 1.0}) == []  # stored-only keys are ignored
    assert [d.field for d in compare_results({"rating": True}, {"rating": 1})] == ["rating"]


def test_rendering_a_verification() -> None:
    stored = _stored(detail=False)[:3]
    stored[1]["status"] = "passed" if stored[1]["status"] != "passed" else "failed"
    report = verify_results(stored, RECORDS, REGISTRY)
    lines = [text for text, _ in verify_lines(report, "en")]
    assert lines[0] == "Checked 3 result(s): 2 verified, 1 differ"
    assert lines[1].startswith(f"  #2 {stored[1]['id']} (happy-family@2026.2): differ")
    assert lines[2].strip().startswith("status: stored")
    assert verify_markdown(report, "vi").startswith("# Đã kiểm tra 3 kết quả: 2 khớp, 1 khác")
    json.dumps(report.to_dict())


def test_a_candidate_of_the_data_without_a_stored_result_is_reported() -> None:
    stored = _stored()
    gone = stored.pop(2)["id"]
    report = verify_results(stored, RECORDS, REGISTRY, data_ids=list(RECORDS))
    assert not report.ok
    assert report.counts()["missing-result"] == 1 and report.counts()["verified"] == len(stored)
    (missing,) = [i for i in report.items if i.outcome == "missing-result"]
    assert (missing.index, missing.id) == (-1, gone)
    assert report.items[-1] is missing  # after the stored results
    lines = [text for text, _style in verify_lines(report, "vi")]
    assert f"  {gone}: thiếu kết quả" in lines
    whole = verify_results(_stored(), RECORDS, REGISTRY, data_ids=lambda: list(RECORDS))
    assert whole.ok and whole.counts()["missing-result"] == 0
