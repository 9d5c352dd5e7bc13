"""Golden sentences of every phrase pattern x verdict x language.

tests/cases/explain/patterns.yaml has one criterion per pattern of the catalogue
(docs/explanations.md); four records make each criterion pass, fail, unknown (no data) and not
applicable. tests/golden/patterns/<criterion>.<lang>.txt holds its four sentences. Regenerate
with UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from criteria_engine import compile_plan, load_revision
from criteria_engine.explain.text import criterion_sentence
from criteria_engine.results import Result, Verdict

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "patterns"
PLAN = compile_plan(load_revision(HERE / "cases" / "explain" / "patterns.yaml"))

PERSON_OK = {"sanctioned": False, "exercises": True}
PASSING: dict[str, object] = {
    "participating": True, "registered": True, "violation": False, "incidents": 0, "exercising": 2,
    "doctors": 5, "satisfaction": 95.0, "dropout": 0.0, "income": 2_000_000, "area": "rural",
    "housing": "solid", "org_rating": "good", "in_school": 2, "school_age": 2, "forest": 52.0,
    "forest_prev": 51.2, "poor": 7.0, "poor_prev": 10.0, "persons": [PERSON_OK, PERSON_OK, PERSON_OK],
    "water": "hygienic", "happiness": 66.2, "level": 2, "insured": 5, "members": 5, "listed": 5,
}  # fmt: skip
FAILING: dict[str, object] = {
    **PASSING, "registered": False, "violation": True, "incidents": 3, "exercising": 0, "doctors": 3,
    "satisfaction": 70.0, "dropout": 2.25, "income": 1_000_000, "housing": "makeshift",
    "org_rating": "failed", "in_school": 1, "forest": 50.4, "poor": 9.0,
    "persons": [{"sanctioned": True, "exercises": False}, {"sanctioned": False, "exercises": False},
                {"sanctioned": False, "exercises": False}],
    "water": "unhygienic", "happiness": 55.0, "level": 0, "insured": 3,
}  # fmt: skip
UNKNOWN: dict[str, object] = {
    "participating": True, "area": "rural", "school_age": 2, "members": 5, "listed": 2,
    "persons": None,
}  # fmt: skip
NOT_APPLICABLE: dict[str, object] = {**PASSING, "participating": False, "area": "urban", "school_age": 0}
RECORDS = {"pass": PASSING, "fail": FAILING, "unknown": UNKNOWN, "not_applicable": NOT_APPLICABLE}
LANGS = ("vi", "en")


def results() -> dict[str, Result]:
    return {verdict: PLAN.evaluate({"id": "H1", **record}) for verdict, record in RECORDS.items()}


RESULTS = results()
IDS = [c.id for c in PLAN.criteria]


def sentences(criterion_id: str, lang: str) -> str:
    lines = []
    for verdict, result in RESULTS.items():
        outcome = result.criterion(criterion_id)
        lines.append(f"{verdict}: {criterion_sentence(PLAN, outcome, lang)}")
    return "\n".join(lines) + "\n"


def test_each_record_gives_its_verdict_on_every_criterion() -> None:
    # The golden files below are the sentences of exactly these verdicts.
    for verdict, result in RESULTS.items():
        assert {c.id: c.verdict for c in result.criteria} == {i: Verdict(verdict) for i in IDS}, verdict


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("criterion_id", IDS)
def test_pattern_sentences_match_golden(criterion_id: str, lang: str) -> None:
    text = sentences(criterion_id, lang)
    path = GOLDEN / f"{criterion_id}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_the_catalogue_page_shows_every_golden_sentence() -> None:
    page = (HERE.parent / "docs" / "explanations.md").read_text(encoding="utf-8")
    for path in sorted(GOLDEN.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            verdict, sentence = line.split(": ", 1)
            assert sentence.replace("|", "\\|") in page, (path.name, verdict)
