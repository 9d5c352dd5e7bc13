"""Who is proposed for the title: the evaluation, the meeting's vote, and any override.

A candidate is proposed when its evaluation passed, the meeting reached its quorum, and its
votes in favour reach the approval share. An objection upheld during the posting reverses
that (an :class:`~.records.Override`, with its reason and author). Every candidate left out
gets the reason, as a :class:`~.messages.Message` in Vietnamese and English.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..format.procedure import Procedure
from ..messages import msg
from .arithmetic import ShareCheck
from .messages import Message
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
    "failed": Message.of("not-passed", msg("round.reason.not-passed")),
    "undetermined": Message.of("undetermined", msg("round.reason.undetermined")),
    "invalid": Message.of("invalid-data", msg("round.reason.invalid-data")),
}


def _computed(procedure: Procedure, meeting: Meeting | None, evaluation: Evaluation) -> Proposal:
    vote = meeting.votes.get(evaluation.candidate) if meeting is not None else None
    if evaluation.status != "passed":
        return Proposal(evaluation, vote, None, False, (_STATUS_REASONS[evaluation.status],))
    if meeting is None:
        reason = Message.of("no-meeting", msg("round.reason.no-meeting"))
        return Proposal(evaluation, None, None, False, (reason,))
    quorum = quorum_check(procedure, meeting)
    if not quorum.met:
        return Proposal(evaluation, vote, None, False, (quorum.message("quorum-not-met"),))
    if vote is None:
        reason = Message.of("no-votes", msg("round.reason.no-votes"))
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
            where = ".objection" if override.objection else ""
            now = ".proposed" if override.proposed else ".not-proposed"
            said = msg(
                f"round.reason.override{where}{now}",
                author=override.author,
                day=override.made_on,
                reason=override.reason,
                **({"objection": override.objection} if override.objection else {}),
            )
            reason = Message.of("override", said)
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
