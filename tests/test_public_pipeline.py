"""The pipeline as public API: read_records + evaluate_many + write_results give the CLI's output
byte for byte; evaluate_frame equals the JSONL results; a consumer type-checks under mypy --strict
against the package as installed (a wheel built from the checkout)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas
import pytest

from criteria_engine import (
    DataError,
    SourceRow,
    Status,
    Verdict,
    compile_plan,
    evaluate_frame,
    load_registry,
    read_records,
    write_results,
)
from criteria_engine.cli import main
from criteria_engine.cli.common import Streams

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data" / "commune"
HOUSEHOLDS = DATA / "household.csv"
PERSONS = DATA / "person.csv"
AS_OF = dt.date(2026, 12, 1)
REGISTRY = load_registry()
PLAN = compile_plan(REGISTRY.get("happy-family", AS_OF), REGISTRY.resolver())


def cli(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out=out, err=err))
    assert code == 0, err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize(("fmt", "detail"), [("jsonl", True), ("json", True), ("csv", False), ("md", False)])
def test_api_pipeline_writes_what_the_cli_writes(fmt: str, detail: bool) -> None:
    expected = cli(
        "evaluate", "happy-family", str(HOUSEHOLDS), "--persons", str(PERSONS),
        "--as-of", AS_OF.isoformat(), "--format", fmt, "--lang", "vi",
    )  # fmt: skip
    rows = read_records(HOUSEHOLDS, PLAN, members={"persons": PERSONS})
    stream = io.StringIO()
    summary = write_results(
        PLAN.evaluate_many(rows, as_of=AS_OF, detail=detail), stream, fmt, lang="vi", source=str(HOUSEHOLDS)
    )
    assert stream.getvalue() == expected
    assert summary.total == sum(1 for _ in read_records(HOUSEHOLDS, PLAN))


def test_a_row_that_cannot_be_read_is_an_invalid_row_with_its_place(tmp_path: Path) -> None:
    data = tmp_path / "h.csv"
    data.write_text("Mã hộ,area,members\nH1,rural,4\nH2,nowhere,four\n", encoding="utf-8")
    rows = list(read_records(data, PLAN))
    assert [type(r) for r in rows] == [SourceRow, SourceRow]
    assert rows[0].ok and rows[0].record == {"id": "H1", "area": "rural", "members": 4}
    assert not rows[1].ok and rows[1].line == 3
    assert [(d.code, d.column) for d in rows[1].problems] == [("data-bad-value", 2), ("data-bad-value", 3)]
    results = list(PLAN.evaluate_many(rows))
    assert [r.status for r in results] == [Status.UNDETERMINED, Status.INVALID]
    assert [(e.field, e.code) for e in results[1].errors] == [
        ("area", "data-bad-value"),
        ("members", "data-bad-value"),
    ]
    assert (results[1].row, results[1].id) == (3, "H2")


def test_write_results_to_a_path_takes_the_format_from_the_extension(tmp_path: Path) -> None:
    records = [{"id": "H1", "area": "rural", "members": 2, "income_per_capita": 900_000}]
    target = tmp_path / "out.jsonl"
    summary = write_results(PLAN.evaluate_many(records, as_of=AS_OF), target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["id"] == "H1" and json.loads(lines[0])["row"] == 1
    assert summary.total == 1 and not list(tmp_path.glob("*.part"))


def plain(value: object) -> object:
    """A DataFrame cell with pandas' missing markers (NaN, NA) as None."""
    return None if value is None or (not isinstance(value, str) and bool(pandas.isna(value))) else value


def test_evaluate_frame_equals_the_jsonl_results() -> None:
    frame = pandas.read_csv(HOUSEHOLDS, dtype=str, keep_default_na=False)
    persons = pandas.read_csv(PERSONS)  # typed columns: ints, floats with NaN for empty cells
    table = evaluate_frame(PLAN, frame, as_of=AS_OF, members={"persons": persons})
    rows = read_records(HOUSEHOLDS, PLAN, members={"persons": PERSONS})
    results = list(PLAN.evaluate_many(rows, as_of=AS_OF, detail=False))
    assert list(table.index) == list(frame.index) and len(table) == len(results) > 100
    assert list(table.columns[:6]) == ["id", "status", "score", "max_score", "percent", "rating"]
    for (_, got), want in zip(table.iterrows(), results, strict=True):
        assert [plain(got[k]) for k in ("id", "status", "score", "rating")] == [
            want.id, want.status, want.score, want.rating,
        ]  # fmt: skip
        assert {c.id: got[c.id] for c in want.criteria} == {c.id: str(c.verdict) for c in want.criteria}
    assert set(table["status"]) >= {Status.PASSED, Status.FAILED}
    assert Verdict.NOT_APPLICABLE in set(table.iloc[:, 6:].to_numpy().ravel())


def test_evaluate_frame_reads_typed_columns_and_empty_cells() -> None:
    frame = pandas.DataFrame(
        {
            "id": ["A", "B"],
            "area": ["rural", None],
            "members": [4.0, float("nan")],
            "Thu nhập bình quân": [1.5e6, 2e6],
        }
    )
    table = evaluate_frame(PLAN, frame)
    assert list(table["id"]) == ["A", "B"]
    assert list(table["status"]) == ["undetermined", "undetermined"]


def test_evaluate_frame_without_pandas_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an environment without pandas gives
    with pytest.raises(DataError) as caught:
        evaluate_frame(PLAN, object())
    assert [(d.code, d.message) for d in caught.value.diagnostics] == [
        (
            "pandas-missing",
            "evaluate_frame needs pandas, which is not installed: pip install 'criteria_engine[pandas]'",
        )
    ]


def test_a_consumer_of_the_public_api_type_checks_against_the_installed_package(tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--target", str(site), str(ROOT)],
        check=True, capture_output=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert (site / "criteria_engine" / "py.typed").exists()
    consumer = ROOT / "tests" / "consumer" / "api_consumer.py"
    env = {**os.environ, "MYPYPATH": str(site)}
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, str(consumer)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    ran = subprocess.run(
        [sys.executable, str(consumer), str(HOUSEHOLDS), str(PERSONS)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)},
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[-1].startswith("happy-family@")
