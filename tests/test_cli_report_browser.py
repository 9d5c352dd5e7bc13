"""The printed documents in a real headless browser (Debian's chromium): the text a person
sees, that no text overflows its box, and the PDF printed from each — its page count and no
blank page. A screenshot is saved as a test artefact (tests/artifacts/report.png, git-ignored).

The example village is village C001-V01 of the example commune (examples/data/commune): its 33
households, with their members. The test fails, and does not skip, when chromium is absent:
CI installs it (.ci/run).
"""

from __future__ import annotations

import csv
import html
import json
import math
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from criteria_engine.render.report import ROWS_PER_PAGE

from .test_cli_support import CASES, PERSONS, SET, run

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = ROOT / "examples" / "data" / "commune"
ARTIFACTS = Path(__file__).parent / "artifacts"
VILLAGE = "C001-V01"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Run in the page after it is laid out: every element whose content is wider than its box,
# or that reaches past the page's width, is listed (with its text) in data-overflow.
OVERFLOW_PROBE = """<script>
(function () {
  var bad = [], width = document.documentElement.clientWidth;
  document.querySelectorAll("body *").forEach(function (el) {
    if (el.tagName === "SCRIPT" || el.closest("svg")) return;
    var box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) bad.push("wide: " + el.textContent.slice(0, 60));
    if (box.right > width + 1) bad.push("past the page: " + el.textContent.slice(0, 60));
  });
  document.querySelectorAll("svg").forEach(function (svg) {
    var view = svg.viewBox.baseVal;
    svg.querySelectorAll("text").forEach(function (t) {
      var b = t.getBBox();
      if (b.x < view.x || b.x + b.width > view.x + view.width) bad.push("clipped: " + t.textContent);
    });
  });
  document.body.setAttribute("data-overflow", JSON.stringify(bad));
})();
</script>"""


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    assert found, "chromium is needed for this test (apt-get install chromium); .ci/run installs it"
    return found


def browse(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def visible_text(dom: str) -> str:
    body = re.sub(r"<(style|svg|script)\b.*?</\1>", " ", dom, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def overflowing(page: Path, tmp: Path) -> list[str]:
    """The elements whose text overflows their box, measured in the browser (A4 width)."""
    probe = tmp / f"probe-{page.name}"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", OVERFLOW_PROBE + "</body>"), "utf-8")
    done = browse(probe, tmp / f"profile-probe-{page.stem}", "--window-size=794,1123", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'data-overflow="([^"]*)"', done.stdout)
    assert found, "the probe did not run"
    return list(json.loads(html.unescape(found.group(1))))


def printed_pages(page: Path, tmp: Path) -> list[int]:
    """Print ``page`` to PDF in the browser; the number of text-drawing operators on each page."""
    pdf = tmp / f"{page.stem}.pdf"
    done = browse(page, tmp / f"profile-pdf-{page.stem}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    data = pdf.read_bytes()
    texts = []
    for page_object in re.finditer(rb"\d+ 0 obj\s*<</Type\s*/Page\b(.*?)endobj", data, re.S):
        found = re.search(rb"/Contents\s+(\d+) 0 R", page_object.group(1))
        assert found, "a page without content"
        number = int(found.group(1))
        head = re.search(rb"(?<![0-9])%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % number, data, re.S)
        assert head, f"no content stream {number}"
        length = int(re.search(rb"/Length\s+(\d+)", head.group(1)).group(1))  # type: ignore[union-attr]
        raw = data[head.end() : head.end() + length]
        drawn = zlib.decompress(raw) if b"FlateDecode" in head.group(1) else raw
        texts.append(drawn.count(b"Tj") + drawn.count(b"TJ"))
    counted = re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", data, re.S)
    assert counted and max(int(c) for c in counted) == len(texts)  # the root of the page tree
    return texts


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The example village's households as their own file (33 rows)."""
    folder = tmp_path_factory.mktemp("village")
    with (COMMUNE / "household.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    chosen = [r for r in rows if r["village_id"] == VILLAGE]
    target = folder / "household.csv"
    with target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(chosen)
    return target, len(chosen)


def _report(village: tuple[Path, int], tmp: Path, audience: str) -> Path:
    data, _n = village
    page = tmp / f"{audience}.html"
    done = run(
        "report", "happy-family", data, "--persons", COMMUNE / "person.csv", "--as-of", "2026-12-01",
        "--audience", audience, "--place", "Bản Xèo", "--authority", "UBND xã Bản Xèo", "-o", page,
    )  # fmt: skip
    assert done.code == 0, done.err
    return page


def test_the_score_sheet_of_the_example_village_prints_one_summary_page_then_a_page_each(
    village: tuple[Path, int], tmp_path: Path
) -> None:
    page = _report(village, tmp_path, "commune")
    n = village[1]
    pages = printed_pages(page, tmp_path)
    # page 1 the summary with the signatures, the table of households, then one page each
    assert len(pages) == 1 + math.ceil(n / ROWS_PER_PAGE) + n
    assert all(drawn > 20 for drawn in pages), pages  # no blank page
    assert overflowing(page, tmp_path) == []
    text = visible_text(page.read_text(encoding="utf-8"))
    first = text[: text.index("Kết quả STT")]  # page 1, up to the table of households
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND xã Bản Xèo",
        "Bản Xèo, ngày 01 tháng 12 năm 2026",
        "Bảng tổng hợp kết quả chấm điểm",
        f"Tổng cộng {n} hộ:",
        "Tỷ lệ đạt theo thôn",
        "Người lập biểu",
        "TM. Ủy ban nhân dân",
        "Chủ tịch",
        "01/07/2026 – 31/12/2026",
    ):
        assert expected in first, expected
    assert "village_id" not in text and "digest" not in text.lower()


def test_the_public_list_and_the_letters_print_cleanly(village: tuple[Path, int], tmp_path: Path) -> None:
    n = village[1]
    public = _report(village, tmp_path, "public")
    assert overflowing(public, tmp_path) == []
    pages = printed_pages(public, tmp_path)
    assert 1 <= len(pages) <= 2 and all(drawn > 20 for drawn in pages), pages
    text = visible_text(public.read_text(encoding="utf-8"))
    assert "Danh sách đề nghị công nhận danh hiệu “Gia đình hạnh phúc”" in text
    assert "Thời gian niêm yết: 01/12/2026 – 10/12/2026." in text
    letters = _report(village, tmp_path, "letters")
    assert overflowing(letters, tmp_path) == []
    pages = printed_pages(letters, tmp_path)
    assert len(pages) == n and all(drawn > 20 for drawn in pages), pages  # one page per household
    text = visible_text(letters.read_text(encoding="utf-8"))
    assert text.count("Kính gửi: Hộ") == n


def test_report_in_a_real_browser(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = run(
        "report", SET, CASES / "households.csv", "--persons", PERSONS, "--keep", "Chủ hộ", "-o", page
    )
    assert result.code == 0, result.err

    dumped = browse(page, tmp_path / "profile-dom", "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    text = visible_text(dom)
    assert "Bảng tổng hợp kết quả chấm điểm" in text and "danh hiệu “Gia đình hạnh phúc”" in text
    assert "Tổng cộng 8 hộ: 4 đạt, 2 chưa đạt, 1 chưa xác định, 1 dữ liệu không hợp lệ" in text
    assert "sha256:" in text and "2026.2 (đang áp dụng)" in text
    assert "Hộ H06 — Gia đình hạnh phúc — Hoàng Văn Páo" in text
    assert "K7 Không có thành viên sử dụng trái phép chất ma túy" in text
    assert "Để đạt mức «Gia đình hạnh phúc»" in text  # what H02 lacks for the next band
    assert "Còn thiếu dữ liệu" in text  # H04's missing data
    assert "Số nhân khẩu:" in text  # H05's invalid value, by the input's label
    assert dom.count("<svg") == 1 + 3 + 7  # the status bar, then a bar per village and per criterion
    assert "Tỷ lệ đạt theo thôn" in text and "V01" in text

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    taken = browse(page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1200,1600")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page with content, not a blank one
