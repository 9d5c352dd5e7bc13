"""The corpora of criteria-set files: valid ones validate clean; each invalid one gives exactly
its expected diagnostics (code, line, column, message, suggestion, and both in Vietnamese as the
command line prints them), compared whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from criteria_engine.io.catalog import check_file, load_catalog

CASES = Path(__file__).parent / "cases"
INVALID = sorted((CASES / "invalid").glob("*.yaml"))
VALID = sorted((CASES / "valid").glob("*.yaml"))


def _as_data(path: Path) -> list[dict[str, object]]:
    checked = check_file(path)
    return [
        {
            "code": d.code,
            "severity": d.severity.value,
            "line": d.line,
            "column": d.column,
            "message": d.message,
            "suggestion": d.suggestion,
            "message_vi": d.message_in("vi"),
            "suggestion_vi": d.suggestion_in("vi"),
        }
        for d in checked.diagnostics
    ]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_file_gives_exactly_its_expected_diagnostics(path: Path) -> None:
    expected_file = path.with_suffix(".expected.json")
    got = _as_data(path)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got == expected
    assert any(d["severity"] == "error" for d in got)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_file_has_no_problems(path: Path) -> None:
    checked = check_file(path)
    assert checked.ok, [str(d) for d in checked.diagnostics]
    assert checked.diagnostics == ()


def test_the_invalid_corpus_covers_many_codes() -> None:
    codes = {d["code"] for path in INVALID for d in _as_data(path)}
    assert len(codes) >= 20, codes


def test_shipped_sets_validate_clean() -> None:
    catalog = load_catalog()
    assert catalog.ok, [str(d) for d in catalog.diagnostics]
    assert len(catalog.registry.sets()) >= 6
