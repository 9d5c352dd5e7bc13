"""Sets that validate also compile and run; what cannot run is refused when the sets are read.

The exact diagnostics of bad set files are in the corpus (tests/cases/invalid: not-finite-*,
number-too-large, too-many-bands, unknown-set, check-*); these tests cover how the commands
and the catalog behave around them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from criteria_engine import CompileError, compile_plan, load_catalog, load_registry, load_revision
from criteria_engine.io.catalog import set_files

from .test_cli_support import run

CASES = Path(__file__).parent / "cases"


def _big_set(count: int) -> str:
    lines = [
        "format: criteria-set/1", "id: big", 'version: "1"', "status: active", "effective_from: 2026-01-01",
        "title: {vi: Bộ rất lớn, en: A very large set}", "subject: household", "languages: [vi, en]", "inputs:",
    ]  # fmt: skip
    lines += [f"  x{i}: {{type: integer, min: 0, label: {{vi: X{i}, en: X{i}}}}}" for i in range(count)]
    lines += ["groups:", "  - id: G", "    title: {vi: Nhóm, en: Group}", "    criteria:"]
    lines += [
        f"      - {{id: C{i}, title: {{vi: C{i}, en: C{i}}}, when: x{i} >= 1, points: 1, mandatory: {i % 2 == 0}}}"
        for i in range(count)
    ]
    half = count // 2
    lines += [
        "decision:",
        f"  max_score: {count}",
        f"  pass: {{min_score: {half}}}",
        "  ratings:",
        f"    - {{id: passed, min_score: {half}, label: {{vi: Đạt, en: Passed}}}}",
        "    - {id: not_passed, requires_pass: false, label: {vi: Chưa đạt, en: Not passed}}",
    ]
    return "\n".join(lines) + "\n"


def test_a_set_of_3000_criteria_validates_compiles_and_evaluates(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(_big_set(3000), encoding="utf-8")
    plan = compile_plan(load_revision(path))  # no RecursionError: the generated code is flat
    everything = {f"x{i}": 1 for i in range(3000)}
    result = plan.evaluate(everything)
    assert (result.status, result.score, result.rating) == ("passed", 3000, "passed")
    one_short = {**everything, "x0": 0}
    assert plan.evaluate(one_short).status == "failed"  # C0 is mandatory
    assert plan.evaluate(one_short) == plan.traced(one_short)
    assert max(len(line) for line in plan.source.splitlines()) <= 120


def test_a_collection_naming_a_missing_set_fails_validate_show_and_evaluate(tmp_path: Path) -> None:
    shutil.copy(CASES / "invalid" / "unknown-set.yaml", tmp_path / "unknown-set.yaml")
    catalog = load_catalog([tmp_path])
    assert [d.code for d in catalog.diagnostics if d.severity == "error"] == ["unknown-set"]
    assert run("validate", tmp_path).code == 1
    shown = run("show", "--sets", tmp_path, "unknown-set")
    assert shown.code == 1 and "unknown-set" in shown.err
    data = tmp_path / "villages.csv"
    data.write_text("id,clubs\nV1,2\n", encoding="utf-8")
    evaluated = run("evaluate", "--sets", tmp_path, "unknown-set", data)
    assert evaluated.code == 1 and "happy-famly" in evaluated.err


def test_compiling_against_a_resolver_without_the_member_set_is_refused() -> None:
    registry = load_registry()
    village = registry.get("happy-village@2026.1")
    with pytest.raises(CompileError) as raised:
        compile_plan(village, lambda set_id: None)
    assert [d.code for d in raised.value.diagnostics] == ["unknown-set"]
    compile_plan(village, registry.resolver())  # found: compiles


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_among_the_set_files_is_reported_not_opened(tmp_path: Path) -> None:
    shutil.copy(CASES / "valid" / "minimal.yaml", tmp_path / "minimal.yaml")
    os.mkfifo(tmp_path / "waiting.yaml")
    files, problems = set_files([tmp_path])
    assert files == [tmp_path / "minimal.yaml"]
    assert [(p.code, "not a regular file" in p.message) for p in problems] == [("file-unreadable", True)]
    # The command itself, in a child process with a time limit: it must not wait on the FIFO.
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from criteria_engine.cli import main; sys.exit(main())",
            "validate",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and "waiting.yaml không phải tệp thông thường" in done.stderr


def test_an_empty_sets_path_is_a_usage_error_not_the_current_folder() -> None:
    result = run("show", "--sets", "", "happy-family")
    assert result.code == 2 and "đường dẫn rỗng không chỉ tệp hay thư mục nào" in result.err
    files, problems = set_files([""])
    assert files == [] and [p.code for p in problems] == ["file-unreadable"]


def test_a_huge_value_never_makes_evaluation_raise() -> None:
    registry = load_registry()
    village = compile_plan(registry.get("happy-village@2026.1"), registry.resolver())
    huge = {"id": "V1", "households": [{"id": "H1", "status": "passed", "score": 10**400}]}
    assert village.evaluate(huge).status in ("passed", "failed", "undetermined")
    assert village.evaluate(huge) == village.traced(huge)
    family = compile_plan(registry.get("happy-family@2026.2"), registry.resolver())
    record = {"id": "H1", "area": "rural", "income_per_capita": 10**400, "members": 4, "insured_members": 4}
    result = family.evaluate(record)
    assert result.status != "invalid" and result == family.traced(record)
