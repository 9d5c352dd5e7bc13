"""Who is proposed for the title: the evaluation, the meeting's vote, and any override.

A candidate is proposed when its evaluation passed, the meeting reached its quorum, and its
votes in favour reach the approval share. An objection upheld during the posting reverses
that (an :class:`~.records.Override`, with its reason and author). Every candidate left out
gets the reason, as a :class:`~.messages.Message` in Vietnamese and English.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..format.procedure import Procedure
from .arithmetic import ShareCheck
from .messages import Message, day
from .records import Evaluation, Meeting, Round, Vote


@dataclass(frozen=True, slots=True)
class Proposal:
    """One candidate's outcome before the decision."""

    evaluation: Evaluation
    vote: Vote | None
    approval: ShareCheck | None
    proposed: bool
    reasons: tuple[Message, ...] = ()
    overridden: bool = False

    @property
    def candidate(self) -> str:
        """The candidate's id."""
        return self.evaluation.candidate


def quorum_check(procedure: Procedure, meeting: Meeting) -> ShareCheck:
    """The meeting's quorum: those present against those invited."""
    return ShareCheck("quorum", meeting.present, meeting.invited, procedure.quorum, procedure.voters)


def approval_check(procedure: Procedure, meeting: Meeting, vote: Vote) -> ShareCheck:
    """A candidate's approval: votes in favour against those present (or invited)."""
    whole = meeting.present if procedure.approval.of == "present" else meeting.invited
    return ShareCheck("approval", vote.votes_for, whole, procedure.approval, procedure.voters)


_STATUS_REASONS = {
    "failed": Message(
        "not-passed",
        "Chưa đạt tiêu chuẩn của bộ tiêu chí (chi tiết trong thư gửi riêng).",
        "Does not meet the criteria (details in the letter sent separately).",
    ),
    "undetermined": Message(
        "undetermined",
        "Chưa đủ dữ liệu để xác định kết quả (chi tiết trong thư gửi riêng).",
        "Not enough data to decide the result (details in the letter sent separately).",
    ),
    "invalid": Message(
        "invalid-data",
        "Dữ liệu đánh giá không hợp lệ, cần sửa và đánh giá lại.",
        "The assessment data is invalid and must be corrected and assessed again.",
    ),
}


def _computed(procedure: Procedure, meeting: Meeting | None, evaluation: Evaluation) -> Proposal:
    vote = meeting.votes.get(evaluation.candidate) if meeting is not None else None
    if evaluation.status != "passed":
        return Proposal(evaluation, vote, None, False, (_STATUS_REASONS[evaluation.status],))
    if meeting is None:
        reason = Message("no-meeting", "Chưa có cuộc họp bình xét.", "No meeting has voted yet.")
        return Proposal(evaluation, None, None, False, (reason,))
    quorum = quorum_check(procedure, meeting)
    if not quorum.met:
        return Proposal(evaluation, vote, None, False, (quorum.message("quorum-not-met"),))
    if vote is None:
        reason = Message("no-votes", "Không có kết quả biểu quyết.", "No votes were recorded.")
        return Proposal(evaluation, None, None, False, (reason,))
    approval = approval_check(procedure, meeting, vote)
    if not approval.met:
        return Proposal(evaluation, vote, approval, False, (approval.message("approval-not-met"),))
    return Proposal(evaluation, vote, approval, True)


def proposals(round_: Round) -> list[Proposal]:
    """Every candidate of the round with its outcome, in the order of the evaluations."""
    if round_.opening is None:
        return []
    procedure = round_.opening.procedure
    out: list[Proposal] = []
    for evaluation in round_.opening.evaluations:
        proposal = _computed(procedure, round_.meeting, evaluation)
        for override in round_.overrides:
            if override.candidate != evaluation.candidate or override.proposed == proposal.proposed:
                continue
            where = f"phản ánh số {override.objection}" if override.objection else "điều chỉnh"
            where_en = f"objection no. {override.objection}" if override.objection else "override"
            verb = (
                ("được đề nghị", "proposed") if override.proposed else ("không được đề nghị", "not proposed")
            )
            reason = Message(
                "override",
                f"{verb[0].capitalize()} theo {where} ({override.author}, {day(override.made_on, 'vi')}): "
                f"{override.reason}",
                f"{verb[1].capitalize()} following {where_en} ({override.author}, "
                f"{day(override.made_on, 'en')}): {override.reason}",
            )
            proposal = Proposal(
                evaluation,
                proposal.vote,
                proposal.approval,
                override.proposed,
                (*proposal.reasons, reason),
                True,
            )
        out.append(proposal)
    return out


__all__ = ["Proposal", "approval_check", "proposals", "quorum_check"]
