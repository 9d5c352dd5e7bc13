"""The meeting's papers: the voting sheet (XLSX to fill in, printable HTML) and the minutes
(biên bản) template with the quorum line filled in.

The XLSX sheet is the file ``criteria round votes`` reads back: its first sheet lists the
candidates with empty vote columns, its second sheet ("Cuộc họp") holds the meeting's date,
those invited and those present.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

from ..award.arithmetic import ShareCheck
from ..award.messages import STATUS_WORDS, VOTERS
from ..award.records import Evaluation, Round
from .award_page import RoundWords, grid, heading, num, page, paragraph, pct, signatures, w

SHEET_HEADERS = {
    "vi": ("STT", "Mã", "Tên", "Kết quả chấm điểm", "Đồng ý", "Không đồng ý", "Ghi chú"),
    "en": ("No.", "ID", "Name", "Assessment result", "For", "Against", "Notes"),
}
MEETING_SHEET = {"vi": "Cuộc họp", "en": "Meeting"}
MEETING_KEYS = {
    "vi": ("Ngày họp (YYYY-MM-DD)", "Số được mời", "Số dự họp", "Hình thức (họp / phiếu)"),
    "en": ("Meeting date (YYYY-MM-DD)", "Invited", "Present", "Kind (meeting / ballots)"),
}


def result_line(evaluation: Evaluation, words: RoundWords) -> str:
    """A candidate's result in one line: status, score (percentage), rating."""
    lang = words.lang
    parts = [STATUS_WORDS[evaluation.status]["en" if lang == "en" else "vi"]]
    if evaluation.score is not None and evaluation.max_score:
        parts.append(
            f"{num(evaluation.score, lang)}/{num(evaluation.max_score, lang)} ({pct(evaluation.percent, lang)})"
        )
    if evaluation.rating and evaluation.status == "passed":
        parts.append(words.rating(evaluation.rating))
    return " · ".join(parts)


def _rules(words: RoundWords, invited: int | None) -> list[str]:
    lang, procedure = words.lang, words.procedure
    noun = VOTERS[procedure.voters]["en" if lang == "en" else "vi"]
    if invited:
        quorum = ShareCheck("quorum", 0, invited, procedure.quorum, procedure.voters)
        quorum_line = w(
            lang,
            f"Số {noun} được mời: {invited}. Cuộc họp hợp lệ khi số dự họp {quorum.rule(lang)}, tức là ít nhất {quorum.needed}.",
            f"{noun.capitalize()} invited: {invited}. The meeting is valid with {quorum.rule(lang)} present, that is at least {quorum.needed}.",
        )
    else:
        blank = ShareCheck("quorum", 0, 1, procedure.quorum, procedure.voters)
        quorum_line = w(
            lang,
            f"Số {noun} được mời: ...... Cuộc họp hợp lệ khi số dự họp {blank.rule(lang)}.",
            f"{noun.capitalize()} invited: ...... The meeting is valid with {blank.rule(lang)} present.",
        )
    approval = ShareCheck("approval", 0, 1, procedure.approval, procedure.voters)
    approval_line = w(
        lang,
        f"Được đề nghị công nhận khi số đồng ý {approval.rule(lang)}, và kết quả chấm điểm là Đạt.",
        f"Proposed when the votes in favour are {approval.rule(lang)}, and the assessment result is Passed.",
    )
    return [quorum_line, approval_line]


def sheet_html(round_: Round, lang: str, invited: int | None) -> str:
    """The printable voting sheet."""
    words = RoundWords(round_, lang)
    assert round_.opening is not None
    title = w(lang, f"Phiếu tổng hợp biểu quyết bình xét «{words.title}» năm {round_.key.year}",
              f"Voting sheet: “{words.title}” {round_.key.year}")  # fmt: skip
    sub = w(lang, f"{words.unit} · bộ tiêu chí {round_.opening.set_ref} · ngày họp: ....../....../{round_.key.year}",
            f"{words.unit} · criteria set {round_.opening.set_ref} · meeting date: ....../....../{round_.key.year}")  # fmt: skip
    rows = [
        (i, e.candidate, e.name, result_line(e, words), "", "", "")
        for i, e in enumerate(round_.opening.evaluations, start=1)
    ]
    body = [
        heading(words, title, sub),
        *(paragraph(line, "procedure-rule") for line in _rules(words, invited)),
    ]
    body.append(paragraph(w(lang, "Số dự họp: ......", "Present: ......")))
    body.append(grid(SHEET_HEADERS["en" if lang == "en" else "vi"], rows, numeric=(0,), blank=(4, 5, 6)))
    body.append(signatures(w(lang, "Thư ký", "Secretary"), w(lang, "Chủ trì", "Chair")))
    return page(title, body, lang)


def write_sheet_xlsx(round_: Round, lang: str, invited: int | None, target: Path | IO[bytes]) -> None:
    """The voting sheet to fill in and read back with ``criteria round votes``."""
    words = RoundWords(round_, lang)
    assert round_.opening is not None
    book = Workbook()
    sheet = book.active
    sheet.title = w(lang, "Phiếu biểu quyết", "Votes")
    sheet.append(list(SHEET_HEADERS["en" if lang == "en" else "vi"]))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, e in enumerate(round_.opening.evaluations, start=1):
        sheet.append([i, e.candidate, e.name, result_line(e, words), None, None, None])
    for column, width in zip("ABCDEFG", (6, 18, 28, 44, 10, 14, 24), strict=True):
        sheet.column_dimensions[column].width = width
    meeting = book.create_sheet(MEETING_SHEET["en" if lang == "en" else "vi"])
    keys = MEETING_KEYS["en" if lang == "en" else "vi"]
    meeting.append([w(lang, "Mục", "Item"), w(lang, "Giá trị", "Value")])
    meeting.append([keys[0], None])
    meeting.append([keys[1], invited])
    meeting.append([keys[2], None])
    meeting.append([keys[3], w(lang, "họp", "meeting")])
    for line in _rules(words, invited):
        meeting.append([line])
    meeting.column_dimensions["A"].width = 36
    meeting.column_dimensions["B"].width = 14
    book.save(target)


def minutes_html(round_: Round, lang: str, invited: int | None) -> str:
    """The minutes (biên bản) template, the quorum and approval lines filled in."""
    words = RoundWords(round_, lang)
    procedure = words.procedure
    year = round_.key.year
    council = procedure.voters == "council_members"
    title = w(
        lang,
        f"Biên bản họp bình xét «{words.title}» năm {year}",
        f"Minutes: voting on “{words.title}” {year}",
    )
    sub = words.unit
    chair = w(lang, "Chủ tịch Hội đồng" if council else "Trưởng thôn, tổ trưởng tổ dân phố",
              "Council chair" if council else "Village head")  # fmt: skip
    body = [heading(words, title, sub)]
    lines = [
        w(lang, f"Hôm nay, ngày ...... tháng ...... năm {year}, tại ................................, "
              f"{words.unit[0].lower() + words.unit[1:]} họp bình xét danh hiệu «{words.title}» năm {year}.",
          f"Today, ....../....../{year}, at ................................, {words.unit} meets to vote on "
          f"the “{words.title}” title for {year}."),
        w(lang, f"Chủ trì: ................................ ({chair}). Thư ký: ................................",
          f"Chair: ................................ ({chair}). Secretary: ................................"),
        w(lang, "Thành phần: " + ("các thành viên Hội đồng Thi đua - Khen thưởng." if council else
              "Ban Công tác Mặt trận, các đoàn thể và đại diện các hộ gia đình."),
          "Present: " + ("the members of the Emulation and Commendation Council." if council else
              "the Front Work Committee, the mass organisations and household representatives.")),
        *_rules(words, invited),
        w(lang, "Số dự họp: ...... (......%). Cuộc họp: □ hợp lệ   □ không hợp lệ.",
          "Present: ...... (......%). The meeting is: □ valid   □ not valid."),
        w(lang, "Nội dung: 1. Thông qua kết quả chấm điểm theo bộ tiêu chí (phiếu tổng hợp kèm theo). "
              "2. Biểu quyết (□ giơ tay   □ bỏ phiếu kín) từng trường hợp.",
          "Business: 1. The assessment results under the criteria set (voting sheet attached). "
          "2. A vote (□ show of hands   □ secret ballot) on each candidate."),
        w(lang, "Kết quả: số trường hợp được đề nghị công nhận: ...... (danh sách kèm theo).",
          "Result: candidates proposed: ...... (list attached)."),
        w(lang, "Ý kiến khác: .............................................................................",
          "Other comments: .............................................................................."),
        w(lang, "Cuộc họp kết thúc lúc ...... giờ ...... cùng ngày.", "The meeting closed at ...... on the same day."),
    ]  # fmt: skip
    body += [paragraph(line) for line in lines]
    body.append(signatures(w(lang, "Thư ký", "Secretary"), chair))
    return page(title, body, lang)


__all__ = [
    "MEETING_KEYS",
    "MEETING_SHEET",
    "SHEET_HEADERS",
    "minutes_html",
    "result_line",
    "sheet_html",
    "write_sheet_xlsx",
]
