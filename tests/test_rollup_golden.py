"""Golden explanations of the example commune's roll-ups, in Vietnamese and English.

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_rollup_golden.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from criteria_engine import DatasetEvaluation, evaluate_dataset
from criteria_engine.io.catalog import load_registry

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden" / "rollup"
CASES = [
    ("happy-village", "C001-V02"),  # a village with an invalid household left out
    ("happy-village", "C001-V03"),  # enough Happy Families, but a veto fails
    ("happy-commune", "C001"),
    ("laocai-happiness-index", "C001"),
]


@pytest.fixture(scope="module")
def evaluation() -> DatasetEvaluation:
    return evaluate_dataset(
        ROOT / "examples" / "data" / "commune", load_registry(), as_of=dt.date(2026, 12, 1)
    )


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("key", "candidate"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_rollup_explanation_matches_golden(
    evaluation: DatasetEvaluation, key: str, candidate: str, lang: str
) -> None:
    _check(f"{key}.{candidate}.{lang}.txt", evaluation.explain(key, candidate, lang) + "\n")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_matches_golden(evaluation: DatasetEvaluation, lang: str) -> None:
    _check(f"summary.{lang}.txt", evaluation.summary(lang) + "\n")


def test_the_example_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "rollup_example.py"), "en"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Roll-up from members" in done.stdout and "5/8 villages rated" in done.stdout


def test_the_example_data_is_what_the_generator_writes(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from generate_commune import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    generate(tmp_path)
    for table in ("commune", "village", "household", "person", "school", "respondent"):
        committed = (ROOT / "examples" / "data" / "commune" / f"{table}.csv").read_text(encoding="utf-8")
        assert (tmp_path / f"{table}.csv").read_text(encoding="utf-8") == committed, table
