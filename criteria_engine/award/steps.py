"""The round's first steps as pure functions: open (evaluate), votes (a meeting; another
one, or written ballots, when the quorum fails) and post (the public list, for the posting
period). Each checks the step against the round so far and returns what to store, or raises
:class:`~.messages.RoundError` with every reason the step is refused (then nothing is stored).
The later steps are in :mod:`.deciding`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .messages import Message, RoundError, day
from .outcome import quorum_check
from .records import Meeting, Posting, Round
from .refusals import before, decided, m, not_open, posted, raise_all, unknown_candidates


def check_open(round_: Round | None, opened_on: dt.date) -> None:
    """Opening (or re-opening, to correct the data) is allowed until the list is posted."""
    if round_ is None:
        return
    refusals: list[Message] = []
    if round_.decision is not None:
        refusals.append(decided(round_))
    elif round_.posting is not None:
        refusals.append(posted(round_, "đánh giá lại", "assess again"))
    raise_all(refusals)


def _meeting_counts(meeting: Meeting) -> list[Message]:
    out: list[Message] = []
    if meeting.invited < 1 or meeting.present < 0:
        out.append(
            m(
                "bad-count",
                f"Số được mời ({meeting.invited}) phải từ 1 trở lên và số dự họp ({meeting.present}) không âm.",
                f"Those invited ({meeting.invited}) must be 1 or more and those present ({meeting.present}) not negative.",
            )
        )
    if meeting.present > meeting.invited:
        out.append(
            m(
                "present-exceeds-invited",
                f"Số dự họp ({meeting.present}) lớn hơn số được mời ({meeting.invited}).",
                f"More present ({meeting.present}) than invited ({meeting.invited}).",
            )
        )
    for candidate, vote in meeting.votes.items():
        if vote.votes_for < 0 or vote.votes_against < 0:
            out.append(
                m(
                    "bad-count",
                    f"{candidate}: số phiếu không được âm.",
                    f"{candidate}: votes cannot be negative.",
                )
            )
        elif vote.votes_for + vote.votes_against > meeting.present:
            out.append(
                m(
                    "votes-exceed-present",
                    f"{candidate}: {vote.votes_for} đồng ý + {vote.votes_against} không đồng ý = "
                    f"{vote.votes_for + vote.votes_against}, nhiều hơn số dự họp ({meeting.present}).",
                    f"{candidate}: {vote.votes_for} for + {vote.votes_against} against = "
                    f"{vote.votes_for + vote.votes_against}, more than those present ({meeting.present}).",
                )
            )
    return out


def check_votes(round_: Round, meeting: Meeting, *, correct: bool = False) -> Message:
    """Check a meeting's record; returns the quorum sentence (met or, if not, what comes next)."""
    if round_.opening is None:
        raise RoundError([not_open(round_)])
    procedure = round_.opening.procedure
    refusals: list[Message] = []
    if round_.decision is not None:
        refusals.append(decided(round_))
    elif round_.posting is not None:
        refusals.append(posted(round_, "ghi lại kết quả biểu quyết", "record votes again"))
    if meeting.held_on < round_.opening.opened_on:
        refusals.append(
            before(
                "date-order",
                ("họp", "meeting"),
                meeting.held_on,
                ("mở đợt", "opening"),
                round_.opening.opened_on,
            )
        )
    last = round_.meeting
    if last is not None and not correct:
        if quorum_check(procedure, last).met:
            refusals.append(
                m(
                    "votes-already-recorded",
                    f"Đã ghi kết quả cuộc họp ngày {day(last.held_on, 'vi')} (đủ số lượng tối thiểu). "
                    "Để sửa sai sót khi nhập, dùng --correct.",
                    f"The meeting of {day(last.held_on, 'en')} is recorded (quorum reached). "
                    "To correct a typing mistake, use --correct.",
                )
            )
        elif meeting.held_on < last.held_on:
            refusals.append(
                before(
                    "date-order",
                    ("họp", "meeting"),
                    meeting.held_on,
                    ("cuộc họp trước", "previous meeting"),
                    last.held_on,
                )
            )
    if correct and last is None:
        refusals.append(
            m("nothing-to-correct", "Chưa có cuộc họp nào để sửa.", "No meeting is recorded to correct.")
        )
    if meeting.kind == "written_ballots":
        if "written_ballots" not in procedure.quorum_failure:
            refusals.append(
                m(
                    "written-ballots-not-allowed",
                    "Quy trình của bộ tiêu chí không cho lấy ý kiến bằng phiếu.",
                    "The set's procedure does not allow written ballots.",
                )
            )
        elif last is None or (quorum_check(procedure, last).met and not correct):
            refusals.append(
                m(
                    "written-ballots-not-allowed",
                    "Chỉ lấy ý kiến bằng phiếu sau một cuộc họp không đủ số lượng tối thiểu.",
                    "Written ballots come only after a meeting without a quorum.",
                )
            )
    refusals += _meeting_counts(meeting)
    refusals += unknown_candidates(round_, meeting.votes)
    quorum = quorum_check(procedure, meeting)
    if quorum.met and not refusals:
        lacking = [
            e.candidate
            for e in round_.opening.evaluations
            if e.status == "passed" and e.candidate not in meeting.votes
        ]
        if lacking:
            shown = ", ".join(lacking[:5]) + (", …" if len(lacking) > 5 else "")
            refusals.append(
                m(
                    "votes-missing",
                    f"Thiếu kết quả biểu quyết của {len(lacking)} trường hợp đạt tiêu chuẩn: {shown}.",
                    f"No votes for {len(lacking)} candidate(s) who passed: {shown}.",
                )
            )
    raise_all(refusals)
    if quorum.met:
        return quorum.message("quorum-met")
    return quorum_failed(procedure.quorum_failure, quorum.message("quorum-not-met"))


_NEXT = {
    "meet_again": ("tổ chức họp lại", "hold the meeting again"),
    "written_ballots": ("lấy ý kiến bằng phiếu gửi các hộ vắng mặt", "send written ballots to those absent"),
}


def quorum_failed(steps: Sequence[str], sentence: Message) -> Message:
    vi = "; nếu vẫn không đủ, ".join(_NEXT[s][0] for s in steps)
    en = "; if that fails too, ".join(_NEXT[s][1] for s in steps)
    return m(
        "quorum-not-met",
        f"{sentence.vi} Cuộc họp không hợp lệ, chưa đề nghị được ai. Theo quy trình: {vi}.",
        f"{sentence.en} The meeting is not valid and proposes no one. The procedure requires: {en}.",
    )


def check_post(round_: Round, posted_on: dt.date) -> Posting:
    """Posting needs a meeting that reached its quorum; the list is posted once."""
    if round_.opening is None:
        raise RoundError([not_open(round_)])
    procedure = round_.opening.procedure
    refusals: list[Message] = []
    meeting = round_.meeting
    if round_.decision is not None:
        refusals.append(decided(round_))
    elif round_.posting is not None:
        refusals.append(posted(round_, "niêm yết lại", "post it again"))
    if meeting is None:
        refusals.append(
            m(
                "no-meeting",
                "Chưa ghi kết quả cuộc họp bình xét ('criteria round votes').",
                "No meeting is recorded yet ('criteria round votes').",
            )
        )
    else:
        quorum = quorum_check(procedure, meeting)
        if not quorum.met:
            refusals.append(quorum_failed(procedure.quorum_failure, quorum.message("quorum-not-met")))
        if posted_on < meeting.held_on:
            refusals.append(
                before("date-order", ("niêm yết", "posting"), posted_on, ("họp", "meeting"), meeting.held_on)
            )
    raise_all(refusals)
    return Posting(posted_on)


__all__ = ["check_open", "check_post", "check_votes", "quorum_failed"]
