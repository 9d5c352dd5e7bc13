"""No English in what a Vietnamese official reads of the example commune.

Scanned, in Vietnamese: the bottom-up evaluation of the example commune (``bash scripts/demo``:
the summary of every level, the commune's explanation and its roll-ups), the households'
results as a table, Markdown and CSV with their summary lines, the three printed documents
(score sheet, public list, letters), and ``criteria show`` of every shipped set. Not scanned:
the diagnostics of data errors from io/ (standard error, and the error lines of an invalid
household's card, marked ``diagnostic``): their Vietnamese catalogue is a later pass.
"""

from __future__ import annotations

import csv
import html
import io
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


def visible(page: str) -> str:
    """The text a reader sees, one block per line, without the io/ diagnostics."""
    page = re.sub(r'<li class="diagnostic">.*?</li>', " ", page, flags=re.S)
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
    assert leaks(done.out) == []


@pytest.mark.parametrize("fmt", ["table", "md", "csv"])
def test_the_households_results_have_no_english(fmt: str) -> None:
    done = run(
        "evaluate", "happy-family", COMMUNE / "household.csv", "--persons", COMMUNE / "person.csv",
        "--as-of", "2026-12-01", "--format", fmt, "--detail", "full", "--group-by", "village_id",
    )  # fmt: skip
    assert done.code == 0 and "Tổng cộng 310 hộ" in done.out
    text = done.out.replace("village_id", "")  # the column asked for is named as asked
    if fmt == "csv":  # the data-error column holds io/'s diagnostics
        rows = list(csv.reader(io.StringIO(text)))
        errors = rows[0].index("Lỗi dữ liệu")
        text = "\n".join(",".join(c for i, c in enumerate(row) if i != errors) for row in rows)
    assert leaks(text) == []


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
    assert leaks(text) == []


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
