"""The letters: one page per candidate, sent to the household alone, in Vietnamese (or English).

A letter says what the public list does not: the household's own result criterion by
criterion (the explanation stored when the round was opened), the vote, whether it is proposed
and, when not, why; how long the list is posted and how to object. It is personal data and
is never posted.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..award.calendar import deadlines
from ..award.outcome import Proposal
from ..award.records import Round
from .award_page import RoundWords, heading, page, paragraph, w


def _explanation(lines: Sequence[tuple[str, str]], lang: str) -> str:
    """The stored explanation, compact enough for one page: every criterion not met (failed,
    undetermined) in full under its group, the criteria met and not applicable by id only."""
    out: list[str] = []
    group: str | None = None
    passed: list[str] = []
    skipped: list[str] = []
    for style, text in lines[1:]:  # the first line is the title, already in the letter's heading
        plain = text.strip().lstrip("•").strip()
        if style == "group":
            group = text
        elif style == "verdict-pass":
            passed.append(plain.split()[1] if len(plain.split()) > 1 else plain)
        elif style == "verdict-not_applicable":
            skipped.append(plain.split()[1] if len(plain.split()) > 1 else plain)
        elif style.startswith("verdict-") or style == "error":
            if group is not None:
                out.append(f"<h4>{escape(group)}</h4>")
                group = None
            css = "error" if style == "error" else "v-" + style.removeprefix("verdict-")
            out.append(f'<p class="{css}">{escape(plain)}</p>')
        elif style.startswith("status-"):
            out.append(f"<p><strong>{escape(text)}</strong></p>")
        elif style in ("gap", "missing", "measure"):
            out.append(f'<p class="{escape(style)}">{escape(text)}</p>')
    if passed:
        out.append(paragraph(w(lang, "Các tiêu chí đạt: ", "Criteria met: ") + ", ".join(passed) + "."))
    if skipped:
        out.append(paragraph(w(lang, "Không áp dụng: ", "Not applicable: ") + ", ".join(skipped) + "."))
    provenance = [text for style, text in lines if style == "provenance"]
    out += [paragraph(text, "provenance") for text in provenance]
    return "\n".join(out) + "\n"


def _letter(round_: Round, proposal: Proposal, words: RoundWords) -> str:
    lang, e = words.lang, proposal.evaluation
    year = round_.key.year
    title = w(
        lang, f"Thông báo kết quả bình xét «{words.title}» năm {year}", f"Your result: “{words.title}” {year}"
    )
    out = ['<section class="letter">', heading(words, title, words.unit)]
    named = w(lang, f"{e.name} (mã {e.candidate})", f"{e.name} (ID {e.candidate})")
    who = e.candidate if e.name == e.candidate else named
    out.append(paragraph(w(lang, f"Kính gửi: {who}.", f"To: {who}.")))
    if proposal.approval is not None:
        out.append(
            paragraph(w(lang, "Kết quả biểu quyết: ", "The vote: ") + proposal.approval.sentence(lang))
        )
    decision = round_.decision
    entry = next((d for d in decision.entries if d.candidate == e.candidate), None) if decision else None
    if decision is not None and entry is not None:
        won = words.level(entry.level) if entry.level else words.title
        verdict = (
            w(lang, f"Quyết định ngày {words.day(decision.decided_on)}: được công nhận «{won}».",
              f"Decision of {words.day(decision.decided_on)}: awarded “{won}”.")
            if entry.title
            else w(lang, f"Quyết định ngày {words.day(decision.decided_on)}: chưa được công nhận.",
                   f"Decision of {words.day(decision.decided_on)}: not awarded.")
        )  # fmt: skip
        reasons = entry.reasons
    elif round_.meeting is None:
        verdict = w(lang, "Kết quả chấm điểm dưới đây sẽ được đưa ra cuộc họp bình xét.",
                    "The assessment below goes to the meeting that votes on the title.")  # fmt: skip
        reasons = ()
    else:
        verdict = (
            w(lang, f"Được đề nghị công nhận «{words.title}».", f"Proposed for “{words.title}”.")
            if proposal.proposed
            else w(lang, f"Chưa được đề nghị công nhận «{words.title}».", f"Not proposed for “{words.title}”.")
        )  # fmt: skip
        reasons = proposal.reasons
    out.append(f"<p><strong>{escape(verdict)}</strong></p>\n")
    for reason in reasons:
        if reason.code != "approval-not-met":  # the vote's line above already says it
            out.append(paragraph("• " + reason.text(lang)))
    if round_.posting is not None and decision is None:
        dates = deadlines(words.procedure, round_.posting.posted_on)
        out.append(paragraph(w(lang,
            f"Danh sách được niêm yết công khai từ {words.day(dates.posted_on)} đến hết {words.day(dates.posting_ends)}. "
            f"Nếu có ý kiến, xin gửi phản ánh tới ban bình xét trước hết ngày {words.day(dates.posting_ends)}.",
            f"The list is posted from {words.day(dates.posted_on)} to {words.day(dates.posting_ends)}. "
            f"Send any objection to the assessment board by {words.day(dates.posting_ends)}.")))  # fmt: skip
    out.append(
        f"<h3>{escape(w(lang, 'Kết quả chấm điểm theo từng tiêu chí', 'The assessment, criterion by criterion'))}</h3>\n"
    )
    out.append(_explanation(e.explanation.get(lang) or e.explanation.get("vi") or (), lang))
    out.append(paragraph(w(lang,
        "Thư này chỉ gửi riêng cho gia đình; các thông tin trong thư không được niêm yết công khai "
        "(Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).",
        "This letter is for you alone; nothing in it is posted publicly (Decree 13/2023/ND-CP on personal data)."), "note"))  # fmt: skip
    out.append("</section>\n")
    return "".join(out)


def letters_html(round_: Round, items: Sequence[Proposal], lang: str, only: Sequence[str] = ()) -> str:
    """Every candidate's letter (or only those named), one page each."""
    words = RoundWords(round_, lang)
    chosen = [p for p in items if not only or p.candidate in only]
    title = w(
        lang,
        f"Thư thông báo kết quả «{words.title}» năm {round_.key.year}",
        f"Letters: “{words.title}” {round_.key.year}",
    )
    return page(title, (_letter(round_, p, words) for p in chosen), lang)


__all__ = ["letters_html"]
