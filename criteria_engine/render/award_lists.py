"""The round's lists: the public posting list and the decision list.

The **posting list** is public: names and outcomes only. It shows no score, no criterion, no
sanction and no input at all besides the candidate's name (Decree 13/2023/NĐ-CP on personal
data); each household receives its detailed explanation separately (the letters). The
**decision list** goes to the person who decides: the titles and levels, the quota applied,
and every candidate left out with the reason, as short sentences without personal details.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

from ..award.arithmetic import quota_size
from ..award.calendar import deadlines
from ..award.levels import LevelOutcome
from ..award.outcome import Proposal, quorum_check
from ..award.ranking import keys_in_words
from ..award.records import Decision, Round
from .award_page import RoundWords, grid, heading, num, page, paragraph, signatures, w
from .document import DocumentInfo, Signer
from .public_list import PublicEntry, public_list_html


def _outcome(words: RoundWords, level: str | None) -> str:
    """What a candidate is proposed for: the level, else the title (the list's name says "proposed")."""
    return words.level(level) if level else words.title


def posting_rows(
    round_: Round, items: Sequence[Proposal], levels: Mapping[str, LevelOutcome], lang: str
) -> list[tuple[int, str, str, str]]:
    """(number, name, id, outcome) of every candidate proposed: all the public list shows."""
    words = RoundWords(round_, lang)
    proposed = [p for p in items if p.proposed]
    return [
        (i, p.evaluation.name, p.candidate, _outcome(words, levels.get(p.candidate, LevelOutcome()).level))
        for i, p in enumerate(proposed, start=1)
    ]


def posting_html(
    round_: Round, items: Sequence[Proposal], levels: Mapping[str, LevelOutcome], lang: str
) -> str:
    """The public notice: the candidates proposed, the posting dates, where to comment; drawn by
    the library's public list (:func:`.public_list.public_list_html`), which never shows a
    private input. Each candidate's details go to it alone, in its letter."""
    words = RoundWords(round_, lang)
    assert round_.posting is not None and round_.opening is not None
    dates = deadlines(words.procedure, round_.posting.posted_on)
    unit_word = words.unit.removesuffix(f" {round_.key.unit}")
    entries = [
        PublicEntry(candidate, name if name != candidate else "", round_.key.unit, outcome)
        for _, name, candidate, outcome in posting_rows(round_, items, levels, lang)
    ]
    chair = CHAIRS[words.procedure.voters]["en" if lang == "en" else "vi"]
    info = DocumentInfo(words.unit, "", dates.posted_on, (Signer(chair),))
    assessed = sum(e.status != "invalid" for e in round_.opening.evaluations)
    return public_list_html(
        entries,
        title=words.title,
        lang=lang,
        info=info,
        assessed=assessed,
        subject=round_.opening.subject,
        name_heading=w(lang, "Họ và tên", "Name") if any(e.name for e in entries) else "",
        group_heading=unit_word.split(",")[0],
        period=(dates.posted_on, dates.posting_ends + dt.timedelta(days=1)),
    )


CHAIRS = {
    "household_representatives": {"vi": "Trưởng thôn, tổ trưởng tổ dân phố", "en": "Village head"},
    "voters": {"vi": "Trưởng thôn, tổ trưởng tổ dân phố", "en": "Village head"},
    "council_members": {"vi": "Chủ tịch Hội đồng Thi đua - Khen thưởng", "en": "Chair of the council"},
}
"""Who signs the posted list, by who voted."""


def write_posting_csv(
    round_: Round, items: Sequence[Proposal], levels: Mapping[str, LevelOutcome], lang: str, stream: IO[str]
) -> None:
    """The posting list as CSV (the same columns as the notice)."""
    writer = csv.writer(stream)
    writer.writerow(w(lang, "STT|Tên|Mã|Đề nghị", "No.|Name|ID|Proposed for").split("|"))
    writer.writerows(posting_rows(round_, items, levels, lang))


def _decision_rows(
    round_: Round, decision: Decision, lang: str
) -> tuple[list[list[object]], list[list[object]]]:
    words = RoundWords(round_, lang)
    assert round_.opening is not None
    maxima = {e.candidate: e.max_score for e in round_.opening.evaluations}
    awarded: list[list[object]] = []
    left: list[list[object]] = []
    for e in decision.entries:
        window = f"{e.window[0]}–{e.window[1]}" if e.window else ""
        if e.title:
            label = words.level(e.level) if e.level else words.title
            awarded.append(
                [
                    len(awarded) + 1,
                    e.candidate,
                    e.name,
                    num(e.votes_for, lang),
                    f"{num(e.score, lang)}/{num(maxima.get(e.candidate), lang)}"
                    if e.score is not None
                    else "",
                    label,
                    window,
                ]
            )
        if e.reasons:
            left.append([e.candidate, e.name, " ".join(r.text(lang) for r in e.reasons)])
    return awarded, left


def _quota_line(round_: Round, lang: str) -> list[str]:
    words = RoundWords(round_, lang)
    assert round_.opening is not None
    out = []
    for level in words.procedure.levels:
        head = w(lang, f"Mức «{words.level(level.id)}»: đạt danh hiệu {level.years} năm liên tiếp",
                 f"Level “{words.level(level.id)}”: the title {level.years} years in a row")  # fmt: skip
        if level.overlap == "forbidden":
            head += w(lang, ", các khoảng năm không trùng nhau", ", windows that do not overlap")
        if level.quota is not None:
            base = len(round_.opening.evaluations)
            size = quota_size(base, level.quota.percent)
            ties = w(lang, "bằng nhau ở vị trí cuối: đều không xét" if level.quota_ties == "leave_out" else
                     "bằng nhau ở vị trí cuối: đều được xét",
                     "tied at the last place: all left out" if level.quota_ties == "leave_out" else
                     "tied at the last place: all taken")  # fmt: skip
            of = (w(lang, f"của {base} {words.noun}", f"of {base} {words.noun}") if level.quota.of == "round"
                  else w(lang, "của số đủ điều kiện", "of those eligible"))  # fmt: skip
            head += w(lang, f"; chỉ tiêu tối đa {num(level.quota.percent, lang)}% {of}"
                            + (f" = {size}" if level.quota.of == "round" else "")
                            + f", xếp theo {keys_in_words(level.rank_by, lang)}; {ties}",
                      f"; a quota of at most {num(level.quota.percent, lang)}% {of}"
                      + (f" = {size}" if level.quota.of == "round" else "")
                      + f", ranked by {keys_in_words(level.rank_by, lang)}; {ties}")  # fmt: skip
        out.append(head + ".")
    return out


def decision_html(round_: Round, decision: Decision, lang: str) -> str:
    """The list attached to the decision, with the reasons of every candidate left out."""
    words = RoundWords(round_, lang)
    assert round_.posting is not None and round_.meeting is not None
    dates = deadlines(words.procedure, round_.posting.posted_on, decision.decided_on)
    year = round_.key.year
    title = w(lang, f"Danh sách công nhận «{words.title}» năm {year}", f"Awarded: “{words.title}” {year}")
    sub = w(lang, f"Kèm theo quyết định ngày {words.day(decision.decided_on)} của {decision.decided_by}",
            f"Attached to the decision of {words.day(decision.decided_on)} by {decision.decided_by}")  # fmt: skip
    if decision.reference:
        sub += f" ({decision.reference})"
    awarded, left = _decision_rows(round_, decision, lang)
    body = [heading(words, title, sub)]
    head = w(
        lang,
        "STT|Mã|Tên|Số phiếu đồng ý|Điểm|Công nhận|Các năm tính",
        "No.|ID|Name|Votes for|Score|Awarded|Years counted",
    )
    body.append(grid(head.split("|"), awarded, numeric=(0, 3, 4)))
    body += [paragraph(line, "procedure-rule") for line in _quota_line(round_, lang)]
    body.append(
        f"<h2>{w(lang, 'Không được công nhận, hoặc không đạt mức cao hơn: lý do', 'Not awarded, or not at the higher level: why')}</h2>\n"
    )
    body.append(grid(w(lang, "Mã|Tên|Lý do", "ID|Name|Reason").split("|"), left))
    quorum = quorum_check(words.procedure, round_.meeting)
    facts = [
        w(lang, f"Cuộc họp ngày {words.day(round_.meeting.held_on)}: ", f"Meeting of {words.day(round_.meeting.held_on)}: ")
        + quorum.sentence(lang),
        w(lang, f"Niêm yết từ {words.day(dates.posted_on)} đến hết {words.day(dates.posting_ends)}; "
                f"{len(round_.objections)} phản ánh, đã giải quyết hết.",
          f"Posted from {words.day(dates.posted_on)} to {words.day(dates.posting_ends)}; "
          f"{len(round_.objections)} objection(s), all resolved."),
        w(lang, f"Hạn quyết định: {words.day(dates.decide_by)}. Công bố danh sách chậm nhất ngày {words.day(dates.publish_by)}.",
          f"Decision due by {words.day(dates.decide_by)}. Publish the list by {words.day(dates.publish_by)}."),
        w(lang, f"Bộ tiêu chí {round_.opening.set_ref if round_.opening else ''}.",
          f"Criteria set {round_.opening.set_ref if round_.opening else ''}."),
    ]  # fmt: skip
    body += [paragraph(line, "note") for line in facts]
    body.append(signatures(decision.decided_by))
    return page(title, body, lang)


def _plain(value: float | None) -> float | int | None:
    """A score as a spreadsheet reads it: 78, not 78.0."""
    return int(value) if value is not None and float(value).is_integer() else value


def _decision_table(round_: Round, decision: Decision, lang: str) -> tuple[list[str], list[list[object]]]:
    words = RoundWords(round_, lang)
    head = w(lang, "Mã|Tên|Công nhận|Mức|Các năm tính|Số phiếu đồng ý|Điểm|Lý do",
             "ID|Name|Awarded|Level|Years counted|Votes for|Score|Reason").split("|")  # fmt: skip
    rows: list[list[object]] = []
    for e in decision.entries:
        window = f"{e.window[0]}-{e.window[1]}" if e.window else ""
        rows.append([e.candidate, e.name, w(lang, "có" if e.title else "không", "yes" if e.title else "no"),
                     words.level(e.level), window, e.votes_for, _plain(e.score), " ".join(r.text(lang) for r in e.reasons)])  # fmt: skip
    return head, rows


def write_decision_csv(round_: Round, decision: Decision, lang: str, stream: IO[str]) -> None:
    """The decision list as CSV: one row per candidate, awarded or not, with the reasons."""
    head, rows = _decision_table(round_, decision, lang)
    writer = csv.writer(stream)
    writer.writerow(head)
    writer.writerows(rows)


def write_decision_xlsx(round_: Round, decision: Decision, lang: str, target: Path | IO[bytes]) -> None:
    """The decision list as an Excel sheet."""
    head, rows = _decision_table(round_, decision, lang)
    book = Workbook()
    sheet = book.active
    sheet.title = w(lang, "Danh sách", "List")
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    book.save(target)


__all__ = [
    "decision_html",
    "posting_html",
    "posting_rows",
    "write_decision_csv",
    "write_decision_xlsx",
    "write_posting_csv",
]
