"""A program that uses only the public API, as an integrator would (type-checked with
``mypy --strict`` against the installed package by tests/test_public_pipeline.py)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

from criteria_engine import (
    Plan,
    Result,
    SourceRow,
    Status,
    Summary,
    Verdict,
    compile_plan,
    load_registry,
    read_records,
    write_results,
)


def passed_ids(results: Iterator[Result]) -> list[str]:
    """The ids of the candidates that passed."""
    return [r.id for r in results if r.status == Status.PASSED]


def main(households: str, persons: str) -> None:
    registry = load_registry()
    plan: Plan = compile_plan(registry.get("happy-family@2026.2"), registry.resolver())
    rows: Iterator[SourceRow] = read_records(households, plan, members={"persons": persons})
    first: Result = plan.evaluate({"id": "H1", "area": "rural"})
    verdict: Verdict = first.criteria[0].verdict
    score: float | None = first.score
    text: str = first.explain("vi")
    stream = io.StringIO()
    summary: Summary = write_results(plan.evaluate_many(rows, detail=False), stream, "csv")
    print(len(passed_ids(plan.evaluate_many([{"id": "H2"}]))), verdict, score, len(text), summary.total)
    print(first.provenance.set_id + "@" + first.provenance.version)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
