"""The HTML report in a real headless browser (Debian's chromium): the text a person sees,
and a screenshot saved as a test artefact (tests/artifacts/report.png, git-ignored).

The test fails, and does not skip, when chromium is absent: CI installs it (.ci/run).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

from .test_cli_support import CASES, PERSONS, SET, run

ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    assert found, "chromium is needed for this test (apt-get install chromium); .ci/run installs it"
    return found


def browse(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def visible_text(dom: str) -> str:
    body = re.sub(r"<(style|svg)\b.*?</\1>", " ", dom, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_report_in_a_real_browser(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = run("report", SET, CASES / "households.csv", "--persons", PERSONS, "-o", page)
    assert result.code == 0, result.err

    dumped = browse(page, tmp_path / "profile-dom", "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    text = visible_text(dom)
    assert "Báo cáo kết quả bình xét: Gia đình hạnh phúc" in text
    assert "Tổng cộng 8 đối tượng: 4 đạt, 2 chưa đạt, 1 chưa xác định, 1 dữ liệu không hợp lệ" in text
    assert "sha256:" in text and "2026.2" in text
    assert "Đối tượng H06 — Gia đình hạnh phúc" in text
    assert "K7 Không có thành viên sử dụng trái phép chất ma túy" in text
    assert "Để đạt mức «Gia đình hạnh phúc»" in text  # what H02 lacks for the next band
    assert "Còn thiếu dữ liệu" in text  # H04's missing data
    assert "row 6, column 'Số nhân khẩu'" in text  # H05's invalid value
    assert dom.count("<svg") == 3  # pass rate, by village, criteria failed most
    assert "V01" in dom and "Tỷ lệ đạt theo village_id" in dom  # chart texts live in the SVG

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    taken = browse(page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1200,1600")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page with content, not a blank one
