"""No English in what a Vietnamese official reads of the example commune.

Scanned, in Vietnamese: the bottom-up evaluation of the example commune (``bash scripts/demo``:
the summary of every level, the commune's explanation and its roll-ups) and what it prints on
standard error (the data diagnostics and closing notes); the households' results as a table,
Markdown and CSV (the "Lỗi dữ liệu" column included) with their summary lines and standard
error; the data-quality list (``--format problems``); the three printed documents (score sheet,
public list, letters, the error lines of an invalid household's card included); ``criteria
show`` of every shipped set; ``criteria list``, ``diff`` and ``verify`` (no "active", no ISO
date); ``--help``; and the usage errors and diagnostics of a mistyped command.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from .test_cli_support import run

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = ROOT / "examples" / "data" / "commune"
SETS = sorted(p.name for p in (ROOT / "criteria_sets").iterdir() if p.is_dir())

LEAKS = {
    "active": r"\bactive\b",
    "digest": r"\bdigest\b",
    "law": r"\blaw\b",
    "row": r"\brow\b",
    "column": r"\bcolumn\b",
    "did you mean": r"did you mean",
    "not ": r"\bnot ",
    "any(": r"\bany\(",
}


def leaks(text: str) -> list[str]:
    """The leak markers found in ``text``, each with the line it is on."""
    found = []
    for line in text.splitlines():
        for marker, pattern in LEAKS.items():
            if re.search(pattern, line, flags=re.IGNORECASE):
                found.append(f"{marker!r}: {line.strip()[:160]}")
    return found


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
"""A date as a file writes it; Vietnamese says 01/07/2026."""


def visible(page: str) -> str:
    """The text a reader sees, one block per line."""
    page = re.sub(r"<(style|svg|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"</(p|h1|h2|h3|li|tr|div|section|caption)>", "\n", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_scanner_finds_each_marker() -> None:
    for text in ("(active)", "Mã kiểm tra (digest)", "(law)", "row 41", "column 'x'", "did you mean 'a'?"):
        assert leaks(text), text
    assert leaks("not any(persons, p.drug_user)") == [
        "'not ': not any(persons, p.drug_user)",
        "'any(': not any(persons, p.drug_user)",
    ]
    assert leaks("Không có thành viên nào sử dụng trái phép chất ma túy; grdp_growth") == []


def test_the_example_commune_in_vietnamese_has_no_english() -> None:
    done = run("evaluate", "happy-commune", COMMUNE, "--as-of", "2026-12-01")
    assert done.code == 0 and "Xã C001 — Xã, phường hạnh phúc" in done.out
    assert "lỗi[data-bad-value]: dòng 41, cột 'members': '5 người?' không phải số nguyên" in done.err
    assert leaks(done.out) == [] and leaks(done.err) == []


@pytest.mark.parametrize("fmt", ["table", "md", "csv"])
def test_the_households_results_have_no_english(fmt: str) -> None:
    done = run(
        "evaluate", "happy-family", COMMUNE / "household.csv", "--persons", COMMUNE / "person.csv",
        "--as-of", "2026-12-01", "--format", fmt, "--detail", "full", "--group-by", "village_id",
    )  # fmt: skip
    assert done.code == 0 and "Tổng cộng 310 hộ" in done.out
    text = done.out.replace("village_id", "")  # the column asked for is named as asked
    if fmt == "csv":  # the data-error column says the broken cell in Vietnamese
        assert "dòng 41, cột 'members': '5 người?' không phải số nguyên" in text
    assert leaks(text) == []
    assert "Số dòng đọc được: 310 = 310 kết quả + 0 dòng bỏ qua (dòng tổng cộng)" in done.err
    assert leaks(done.err) == []


def test_the_data_quality_list_has_no_english() -> None:
    done = run(
        "evaluate", "happy-family", COMMUNE / "household.csv", "--persons", COMMUNE / "person.csv",
        "--as-of", "2026-12-01", "--format", "problems",
    )  # fmt: skip
    assert done.code == 0 and done.out.startswith("Dòng,Mã,Cột,Giá trị,Vấn đề,Cách sửa,Mã lỗi")
    assert "'5 người?' không phải số nguyên,\"ghi số nguyên, ví dụ 2 (ít nhất 1)\"" in done.out
    assert leaks(done.out) == [] and leaks(done.err) == []


@pytest.mark.parametrize("audience", ["commune", "public", "letters"])
def test_the_printed_documents_have_no_english(audience: str, tmp_path: Path) -> None:
    page = tmp_path / f"{audience}.html"
    done = run(
        "report", "happy-family", COMMUNE / "household.csv", "--persons", COMMUNE / "person.csv",
        "--as-of", "2026-12-01", "--audience", audience, "-o", page,
    )  # fmt: skip
    assert done.code == 0, done.err
    text = visible(page.read_text(encoding="utf-8"))
    assert "Hộ C001-V01-H001" in text or "C001-V01-H001" in text
    assert leaks(text) == [] and leaks(done.err) == []


@pytest.mark.parametrize("set_id", SETS)
def test_show_has_no_english(set_id: str) -> None:
    done = run("show", set_id, "--inputs", "--lang", "vi")
    assert done.code == 0, done.err
    # the first column of the inputs table is the spreadsheet's column names, as they must be typed
    names = {line.split("│")[1].strip() for line in done.out.splitlines() if line.count("│") > 3}
    text = done.out
    for name in sorted(names, key=len, reverse=True):
        if re.fullmatch(r"[a-z0-9_. ]+", name):
            text = text.replace(name, "")
    assert leaks(text) == []


def test_diff_list_and_verify_say_status_and_dates_in_vietnamese(tmp_path: Path) -> None:
    diff = run("diff", "happy-family@2026.2", "happy-family@2027.1")
    assert diff.code == 0
    head = diff.out.splitlines()[1]
    assert head.startswith("  2026.2: đang áp dụng, 01/07/2026 – 31/12/2026, sha256:")
    assert "  2027.1: đang áp dụng, từ 01/01/2027, sha256:" in diff.out
    markdown = run("diff", "happy-family@2026.2", "happy-family@2027.1", "--format", "md").out
    listed = run("list").out
    assert "đang áp dụng" in listed and "01/07/2026 – 31/12/2026" in listed
    results = tmp_path / "ket-qua.jsonl"
    household, person = COMMUNE / "household.csv", COMMUNE / "person.csv"
    assert run("evaluate", "happy-family", household, "--persons", person, "-o", results).code == 0
    lines = results.read_text(encoding="utf-8").splitlines()
    results.write_text("\n".join([*lines[:-2], lines[-1]]) + "\n", encoding="utf-8")  # one deleted
    verify = run("verify", results, "--data", household, "--persons", person)
    assert verify.code == 1 and verify.out.startswith("Đã kiểm tra 310 kết quả: 309 khớp, 1 thiếu kết quả")
    assert "có trong dữ liệu nhưng không có trong kết quả" in verify.out
    for text in (diff.out, markdown, listed, verify.out, verify.err):
        assert leaks(text) == []
        assert ISO_DATE.findall(text.replace(str(tmp_path), "")) == []


@pytest.mark.parametrize(
    "command", [[], ["evaluate"], ["report"], ["round"], ["round", "votes"], ["register"]]
)
def test_help_has_no_english(command: list[str]) -> None:
    done = run(*command, "--help")
    assert done.code == 0 and "cách dùng:" in done.out
    # the option names and choices are the command's own words, typed as they are
    text = re.sub(r"--?[a-z][a-z-]*|\{[a-z,_-]+\}|\[[^\]]*\]|[A-Z][A-Z_=@\[\]]+", " ", done.out)
    assert leaks(text) == []


def test_a_mistyped_command_is_told_in_vietnamese() -> None:
    for argv in (
        ["evaluate", "happy-famly", COMMUNE / "household.csv"],
        ["evaluate", "happy-family", COMMUNE / "household.csv", "--format", "pdf"],
        ["evaluate", "happy-family", COMMUNE / "household.csv", "--as-of", "1/12/2026"],
        ["evaluate", "happy-family", COMMUNE / "nothing.csv"],
        ["show", "happy-family", "--colour"],
    ):
        done = run(*argv)
        assert done.code in (1, 2) and done.err
        assert leaks(done.err) == [], done.err
