"""A whole year at the command line on the shipped example data: the eight villages of the
example commune from ``round open`` to ``round decide`` (and the commune's round on its
villages), checked against golden decision lists; refused steps leave the register's bytes
as they were."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from criteria_engine.register.schema import APPLICATION_ID

from .test_cli_support import Run, run

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = ROOT / "examples" / "data" / "commune"
ROUND = ROOT / "examples" / "data" / "round-2026"
GOLDEN = Path(__file__).parent / "golden" / "round"
YEAR = ["--year", "2026"]


def ok(result: Run) -> Run:
    assert result.code == 0, result.err
    return result


def meetings() -> Iterator[dict[str, str]]:
    with (ROUND / "cuoc-hop-2026.csv").open(encoding="utf-8") as stream:
        yield from csv.DictReader(stream)


def check_golden(name: str, text: str) -> None:
    import os

    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file (UPDATE_GOLDEN=1 regenerates)"
    )


def family_round(register: Path, out: Path) -> str:
    """Every village's round of 2026, as an officer would run it; the decision lists joined."""
    reg = ["--register", register]
    ok(run("register", "import", ROUND / "lich-su-2022-2025.csv", *reg))
    villages = sorted({m["unit"] for m in meetings()})
    for village in villages:
        unit = [*YEAR, "--village", village, *reg]
        ok(run("round", "open", "happy-family", COMMUNE, *unit, "--date", "2026-10-01"))
        for m in (m for m in meetings() if m["unit"] == village):
            votes = ROUND / m["votes"]
            said = ok(run("round", "votes", "happy-family", votes, *unit, "--date", m["date"],
                          "--invited", m["invited"], "--present", m["present"]))  # fmt: skip
            assert ("chưa đạt số lượng tối thiểu" in said.out) == (m["votes"] == "phieu-trong.csv")
        ok(run("round", "post", "happy-family", *unit, "--date", "2026-10-12", "-o", out / f"{village}.html"))
    v01 = [*YEAR, "--village", "C001-V01", *reg]
    ok(run("round", "object", "happy-family", *v01, "--date", "2026-10-15", "--id", "C001-V01-H025",
           "--by", "Nguyễn Văn Bình", "--text", "Hộ chưa tham gia dọn vệ sinh đường thôn tháng 9"))  # fmt: skip
    ok(run("round", "object", "happy-family", *v01, "--date", "2026-10-16", "--id", "C001-V01-H031",
           "--by", "Chi hội Phụ nữ thôn", "--text", "Tháng 8 gia đình có xô xát, đã được tổ hòa giải ghi nhận"))  # fmt: skip
    ok(run("round", "resolve", "happy-family", "1", *v01, "--date", "2026-10-19", "--outcome", "dismissed",
           "--by", "Trưởng thôn", "--note", "Hộ đã tham gia đủ các buổi khác"))  # fmt: skip
    ok(run("round", "resolve", "happy-family", "2", *v01, "--date", "2026-10-20", "--outcome", "upheld",
           "--by", "Trưởng thôn", "--note", "Tổ hòa giải xác nhận có xô xát"))  # fmt: skip
    parts = []
    for village in villages:
        target = out / f"{village}.csv"
        ok(run("round", "decide", "happy-family", *YEAR, "--village", village, *reg, "--date", "2026-10-23",
               "--by", "Chủ tịch UBND xã", "-o", target))  # fmt: skip
        parts.append(f"# {village}\n" + target.read_text(encoding="utf-8"))
    return "".join(parts)


def test_the_example_commune_s_year_from_open_to_decide(tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite"
    check_golden("happy-family-2026-C001.csv", family_round(register, tmp_path))
    # the commune's council then votes on its villages; the households' titles are decided
    unit = [*YEAR, "--commune", "C001", "--register", register]
    ok(run("round", "open", "happy-village", COMMUNE, *unit, "--date", "2026-11-02"))
    said = ok(run("round", "votes", "happy-village", ROUND / "phieu-C001-thon.csv", *unit, "--date", "2026-11-05",
                  "--invited", "9", "--present", "7"))  # fmt: skip
    assert "7/9 thành viên hội đồng dự họp (77,8%), đạt số lượng tối thiểu" in said.out
    ok(run("round", "post", "happy-village", *unit, "--date", "2026-11-06"))
    early = run("round", "decide", "happy-village", *unit, "--date", "2026-11-15", "--by", "Chủ tịch UBND xã")
    assert early.code == 1 and "lỗi[decision-before-posting-ends]" in early.err
    target = tmp_path / "thon.csv"
    ok(
        run(
            "round",
            "decide",
            "happy-village",
            *unit,
            "--date",
            "2026-11-16",
            "--by",
            "Chủ tịch UBND xã",
            "-o",
            target,
        )
    )
    check_golden("happy-village-2026-C001.csv", target.read_text(encoding="utf-8"))
    check = ok(run("register", "check", "--register", register))
    assert "toàn vẹn" in check.out and "decisions 9" in check.out


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def posted_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """V01 opened, voted and posted on 12 October."""
    folder = tmp_path_factory.mktemp("posted")
    register = folder / "so.sqlite"
    unit = [*YEAR, "--village", "C001-V01", "--register", register]
    ok(run("register", "import", ROUND / "lich-su-2022-2025.csv", "--register", register))
    ok(run("round", "open", "happy-family", COMMUNE, *unit, "--date", "2026-10-01"))
    ok(run("round", "votes", "happy-family", ROUND / "phieu-C001-V01.csv", *unit, "--date", "2026-10-10",
           "--invited", "33", "--present", "30"))  # fmt: skip
    ok(run("round", "post", "happy-family", *unit, "--date", "2026-10-12"))
    return register


REFUSED = [
    (["votes", "happy-family", ROUND / "phieu-C001-V01.csv", "--invited", "30", "--present", "31"], "present-exceeds-invited"),
    (["object", "happy-family", "--date", "2026-10-22", "--id", "C001-V01-H001", "--by", "A", "--text", "x"], "objection-outside-posting"),
    (["object", "happy-family", "--date", "2026-10-15", "--id", "C001-V01-H101", "--by", "A", "--text", "x"], "unknown-candidate"),
    (["decide", "happy-family", "--date", "2026-10-21", "--by", "Chủ tịch"], "decision-before-posting-ends"),
    (["resolve", "happy-family", "3", "--date", "2026-10-21", "--outcome", "upheld", "--by", "A"], "unknown-objection"),
    (["post", "happy-family", "--date", "2026-10-13"], "already-posted"),
    (["open", "happy-family", COMMUNE, "--date", "2026-10-13"], "already-posted"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "code"), REFUSED, ids=[c for _, c in REFUSED])
def test_refused_steps_leave_the_register_s_bytes_as_they_were(
    posted_register: Path, argv: list[object], code: str
) -> None:
    before = _sha(posted_register)
    result = run("round", *argv, *YEAR, "--village", "C001-V01", "--register", posted_register)
    assert result.code == 1 and f"lỗi[{code}]" in result.err, result.err
    assert result.err.startswith(f"{posted_register}: lỗi[")
    assert _sha(posted_register) == before


def test_votes_over_those_present_name_the_household_in_vietnamese_then_english(tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite"
    unit = [*YEAR, "--village", "C001-V01", "--register", register]
    ok(run("round", "open", "happy-family", COMMUNE, *unit, "--date", "2026-10-01"))
    before = _sha(register)
    args = [
        "round",
        "votes",
        "happy-family",
        ROUND / "phieu-C001-V01.csv",
        *unit,
        "--invited",
        "33",
        "--present",
        "20",
    ]
    vi, en = run(*args), run(*args, "--lang", "en")
    assert vi.code == en.code == 1
    assert (
        "lỗi[votes-exceed-present]: C001-V01-H001: 28 đồng ý + 1 không đồng ý = 29, nhiều hơn số dự họp (20)."
        in vi.err
    )
    assert (
        "error[votes-exceed-present]: C001-V01-H001: 28 for + 1 against = 29, more than those present (20)."
        in en.err
    )
    assert _sha(register) == before


def test_a_newer_register_is_refused_at_the_command_line(tmp_path: Path) -> None:
    import sqlite3

    register = tmp_path / "new.sqlite"
    conn = sqlite3.connect(register)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 99")
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.commit()
    conn.close()
    before = _sha(register)
    result = run("round", "status", "happy-family", *YEAR, "--village", "V", "--register", register)
    assert result.code == 1 and "lỗi[register-too-new]" in result.err
    assert _sha(register) == before


def test_sheet_round_trip_and_status(posted_register: Path, tmp_path: Path) -> None:
    unit = [*YEAR, "--village", "C001-V01", "--register", posted_register]
    ok(
        run(
            "round",
            "sheet",
            "happy-family",
            *unit,
            "-o",
            tmp_path / "phieu.xlsx",
            "--minutes",
            tmp_path / "bb.html",
        )
    )
    assert "trên 50% số được mời, tức là ít nhất 17" in (tmp_path / "bb.html").read_text(encoding="utf-8")
    from criteria_engine.cli.round_files import read_votes

    sheet = read_votes(tmp_path / "phieu.xlsx")
    assert (sheet.invited, sheet.present, sheet.votes) == (33, None, {})
    status = ok(run("round", "status", "happy-family", *unit, "--date", "2026-11-02"))
    assert "QUÁ HẠN: Hạn quyết định là ngày 31/10/2026." in status.out
    data = ok(run("round", "status", "happy-family", *unit, "--date", "2026-10-20", "--format", "json"))
    assert '"stage": "posted"' in data.out


def test_a_filled_in_excel_sheet_carries_the_meeting(tmp_path: Path) -> None:
    """The sheet `round sheet` writes, filled in as a secretary would, is read back whole."""
    from openpyxl import load_workbook

    register = tmp_path / "so.sqlite"
    unit = [*YEAR, "--village", "C001-V05", "--register", register]
    ok(run("round", "open", "happy-family", COMMUNE, *unit, "--date", "2026-10-01"))
    sheet = tmp_path / "phieu.xlsx"
    ok(run("round", "sheet", "happy-family", *unit, "-o", sheet))
    book = load_workbook(sheet)
    votes, meeting = book.worksheets
    headers = ["STT", "Mã", "Tên", "Kết quả chấm điểm", "Đồng ý", "Không đồng ý", "Ghi chú"]
    assert [c.value for c in votes[1]] == headers
    for row in votes.iter_rows(min_row=2):
        row[4].value, row[5].value = 25, 3
    meeting["B2"], meeting["B4"] = "2026-10-11", 30
    book.save(sheet)
    said = ok(run("round", "votes", "happy-family", sheet, *unit))
    assert said.out.startswith("30/36 đại diện hộ dự họp (83,3%), đạt số lượng tối thiểu")
    status = ok(run("round", "status", "happy-family", *unit, "--date", "2026-10-11", "--format", "json"))
    assert '"stage": "voted"' in status.out
