"""``criteria diff`` and ``criteria verify``, run through their own parser."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from criteria_engine.cli import cmd_revisions
from criteria_engine.cli.common import Streams, print_diagnostics, speaking
from criteria_engine.errors import CriteriaError
from criteria_engine.io.catalog import load_examples, load_registry

REGISTRY = load_registry()


def cli(*argv: str) -> tuple[int, str, str]:
    """Run a command as ``criteria`` would: exit status, stdout, stderr."""
    parser = argparse.ArgumentParser(prog="criteria")
    cmd_revisions.register(parser.add_subparsers(dest="command"))
    out, err = io.StringIO(), io.StringIO()
    streams = Streams(out, err)
    try:
        args = parser.parse_args(list(argv))
        code = cmd_revisions.run(args, streams)
    except CriteriaError as exc:  # what criteria's main() does with them
        print_diagnostics(exc.diagnostics, streams)
        code = 1
    return code, out.getvalue(), err.getvalue()


# Every stored example of every happy-family revision, the data of the impact and verify tests.
HOUSEHOLDS = sum(
    len(load_examples(Path(r.file).with_suffix(".examples.yaml"))) for r in REGISTRY.revisions("happy-family")
)


@pytest.fixture(scope="module")
def households(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The happy-family examples of every revision as one JSONL file (HOUSEHOLDS lines)."""
    path = tmp_path_factory.mktemp("data") / "households.jsonl"
    lines = []
    for revision in REGISTRY.revisions("happy-family"):
        for example in load_examples(Path(revision.file).with_suffix(".examples.yaml")):
            lines.append(
                json.dumps(dict(example.record, id=f"{revision.version}/{example.id}"), ensure_ascii=False)
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- diff ---------------------------------------------------------------------------------------


def test_diff_text_in_vietnamese_by_default() -> None:
    code, out, err = cli("diff", "happy-family@2026.2", "happy-family@2027.1")
    assert code == 0 and err == ""
    assert out.startswith("happy-family: 2026.2 → 2027.1\n")
    assert "  ~ Chuẩn nghèo về thu nhập, Nông thôn: 1.500.000 → 2.200.000 đồng/tháng.\n" in out
    assert "83 thay đổi." in out and "Tham số (6)" in out  # 39 of them: column aliases and blank
    assert (
        '`registered` “Đã đăng ký xây dựng "Gia đình hạnh phúc" đầu năm”, ô trống nghĩa là: — → không.' in out
    )


def test_diff_in_english_with_one_revision_compares_with_the_one_before() -> None:
    code, out, _ = cli("diff", "happy-family@2027.1", "--lang", "en")
    assert code == 0
    assert out.startswith("happy-family: 2026.2 → 2027.1\n")
    assert "Income poverty line, Rural: 1,500,000 → 2,200,000 VND/month." in out


def test_diff_chooses_bare_sets_by_date() -> None:
    code, out, _ = cli("diff", "happy-family", "happy-family", "--as-of", "2026-07-01")
    assert code == 0 and out.startswith("happy-family: 2026.2 → 2026.2\n")
    assert "Không có thay đổi nào trong các quy tắc." in out
    code, out, _ = cli("diff", "happy-family", "happy-family@2027.1", "--as-of", "2026-06-30", "--lang", "en")
    assert out.startswith("happy-family: 2026.1 → 2027.1\n")


def test_diff_markdown_and_json(tmp_path: Path) -> None:
    target = tmp_path / "changes.md"
    code, out, _ = cli(
        "diff", "happy-family@2026.1", "happy-family@2026.2", "--format", "md", "-o", str(target)
    )
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# happy-family: 2026.1 → 2026.2\n")
    assert "## Tiêu chí (6)" in text and "- Thêm tiêu chí K7" in text
    code, out, _ = cli(
        "diff", "happy-family@2026.1", "happy-family@2026.2", "--format", "json", "--lang", "en"
    )
    data = json.loads(out)
    assert (
        data["a"]["version"] == "2026.1" and data["b"]["digest"] == REGISTRY.get("happy-family@2026.2").digest
    )
    assert data["counts"]["criterion-added"] == 2
    k7 = next(c for c in data["changes"] if c["path"] == "criteria.K7")
    assert k7["kind"] == "criterion-added" and k7["new"]["veto"] is True
    assert k7["text"].startswith("New criterion K7")


def test_diff_errors_are_clear() -> None:
    code, _, err = cli("diff", "happy-family@2026.1", "--as-of", "2020-01-01")
    assert code == 1 and "no-previous-revision" in err
    code, _, err = cli("diff", "happy-family", "--as-of", "2025-01-01")
    assert (
        code == 1 and "no-revision-in-force" in err and "happy-family@2026.1 [2026-01-01 – 2026-07-01)" in err
    )
    code, _, err = cli("diff", "happy-family@2026.1", "happy-village@2026.1")
    assert code == 1 and "different-sets" in err
    code, _, err = cli("diff", "happy-famly@2026.1", "happy-family@2026.2")
    assert code == 1 and "did you mean 'happy-family'?" in err


def test_diff_with_data_reports_the_impact(households: Path) -> None:
    code, out, err = cli(
        "diff", "happy-family@2026.2", "happy-family@2027.1", "--data", str(households), "--lang", "en"
    )
    assert code == 0
    assert f"Impact on the data (households.jsonl): {HOUSEHOLDS} households" in out
    assert (
        "2027.1/new-line-makes-household-near-poor: failed → passed, “Not yet passed” → “Happy Family” "
        "(82 → 81 points); why: F1 (new) pass, B1 8 → 5 points, B4 5 → 2 points, points needed to pass 85 → 70"
    ) in out
    # records kept for 2026.2 have no previous-year title: 2027.1 cannot clear its K2
    assert "K2: 53 pass → unknown" in out
    assert "data-bad-value" in err  # the examples include a deliberately bad area


def test_diff_with_data_as_json(households: Path) -> None:
    code, out, _ = cli(
        "diff", "happy-family@2026.1", "happy-family@2026.2", "--data", str(households), "--format", "json"
    )
    assert code == 0
    impact = json.loads(out)["impact"]
    assert impact["total"] == HOUSEHOLDS and impact["a"] == "happy-family@2026.1"
    assert sum(s["count"] for s in impact["statuses"]) == HOUSEHOLDS
    assert len(impact["candidates"]) == impact["changed"]
    assert impact["criteria"]["K7"]


def test_diff_with_data_as_markdown_limits_the_list(households: Path) -> None:
    code, out, _ = cli(
        "diff",
        "happy-family@2026.1",
        "happy-family@2026.2",
        "--data",
        str(households),
        "--format",
        "md",
        "--limit",
        "2",
    )
    assert code == 0 and f"## Ảnh hưởng trên dữ liệu (households.jsonl): {HOUSEHOLDS} hộ" in out
    assert "- … và" in out


@pytest.mark.parametrize("command", ["diff", "verify"])
def test_help_has_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli(command, "--help")
    text = capsys.readouterr().out
    assert "ví dụ:" in text and f"criteria {command} " in text  # Vietnamese by default
    with speaking("en"), pytest.raises(SystemExit):  # what main() does with --lang en
        cli(command, "--help", "--lang", "en")
    assert "examples:" in capsys.readouterr().out


# --- verify -------------------------------------------------------------------------------------


def _evaluate(households: Path, target: Path, *options: str) -> None:
    """Store results the way an official would: ``criteria evaluate ... -o FILE``."""
    from criteria_engine.cli.main import main

    argv = ["evaluate", "happy-family@2026.2", str(households), "--as-of", "2026-09-01", "-o", str(target)]
    assert main([*argv, *options], Streams(io.StringIO(), io.StringIO())) == 0


@pytest.mark.parametrize(
    ("name", "options"), [("results.jsonl", ()), ("results.json", ("--detail", "verdicts"))]
)
def test_verify_results_stored_by_evaluate(
    households: Path, tmp_path: Path, name: str, options: tuple[str, ...]
) -> None:
    stored = tmp_path / name
    _evaluate(households, stored, *options)
    code, out, _ = cli("verify", str(stored), "--data", str(households), "--lang", "en")
    assert (code, out) == (0, f"Checked {HOUSEHOLDS} result(s): {HOUSEHOLDS} verified\n")
    code, out, _ = cli("verify", str(stored), "--data", str(households), "--format", "md")
    assert out.startswith(f"# Đã kiểm tra {HOUSEHOLDS} kết quả: {HOUSEHOLDS} khớp")


def test_verify_catches_tampering_and_unknown_revisions(households: Path, tmp_path: Path) -> None:
    stored = tmp_path / "results.jsonl"
    _evaluate(households, stored)
    lines = stored.read_text(encoding="utf-8").splitlines()
    results = [json.loads(line) for line in lines[:-1]]  # the last line is the summary
    results[0]["status"] = "failed" if results[0]["status"] != "failed" else "passed"
    results[1]["criteria_set"]["digest"] = "sha256:" + "0" * 64
    results[2]["criteria"][0]["verdict"] = "fail"
    results[3]["id"] = "nobody"
    results[3]["row"] = 10_000
    stored.write_text("\n".join([*(json.dumps(r, ensure_ascii=False) for r in results), lines[-1]]) + "\n")
    code, out, _ = cli("verify", str(stored), "--data", str(households), "--lang", "en")
    assert code == 1
    assert out.startswith(
        f"Checked {HOUSEHOLDS + 1} result(s): {HOUSEHOLDS - 4} verified, 2 differ, 1 unknown revision, "
        "1 no record, 1 missing from the results\n"
    )
    # the candidate whose result was renamed away is in the data but not in the results
    assert f"  {lines and json.loads(lines[3])['id']}: missing from the results\n" in out
    assert f"#1 {results[0]['id']} (happy-family@2026.2): differ" in out
    assert (
        f'#3 {results[2]["id"]} (happy-family@2026.2): differ\n      criteria.K1.verdict: stored "fail"'
        in out
    )
    code, out, _ = cli("verify", str(stored), "--data", str(households), "--format", "json")
    data = json.loads(out)
    assert data["ok"] is False and data["counts"]["differs"] == 2
    first = data["results"][0]
    assert first["outcome"] == "differs" and first["differences"][0]["field"] == "status"
    assert [r["outcome"] for r in data["results"][1:4]] == ["unknown-revision", "differs", "no-record"]
    assert data["results"][-1] == {
        "index": -1,
        "id": json.loads(lines[3])["id"],
        "outcome": "missing-result",
        "criteria_set": "",
        "digest": "",
        "differences": [],
        "note": "in the data but not in the results: its result was left out or deleted",
    }


def test_verify_reports_a_deleted_result(households: Path, tmp_path: Path) -> None:
    stored = tmp_path / "results.jsonl"
    _evaluate(households, stored)
    lines = stored.read_text(encoding="utf-8").splitlines()
    gone = json.loads(lines[5])["id"]
    stored.write_text("\n".join(lines[:5] + lines[6:]) + "\n", encoding="utf-8")
    code, out, _ = cli("verify", str(stored), "--data", str(households))
    assert code == 1
    assert out.startswith(f"Đã kiểm tra {HOUSEHOLDS} kết quả: {HOUSEHOLDS - 1} khớp, 1 thiếu kết quả\n")
    assert f"  {gone}: thiếu kết quả\n" in out


def test_verify_finds_rows_by_number_when_ids_repeat(tmp_path: Path) -> None:
    data = tmp_path / "twins.jsonl"
    base = dict(
        load_examples(Path(REGISTRY.get("happy-family@2026.2").file).with_suffix(".examples.yaml"))[0].record
    )
    rows = [dict(base, id="H1"), dict(base, id="H1", registered=False)]  # the same id twice
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    stored = tmp_path / "results.jsonl"
    _evaluate(data, stored)
    code, out, _ = cli("verify", str(stored), "--data", str(data), "--lang", "en")
    assert (code, out) == (0, "Checked 2 result(s): 2 verified\n")


def test_verify_needs_data() -> None:
    with pytest.raises(SystemExit):
        cli("verify", "results.json")
