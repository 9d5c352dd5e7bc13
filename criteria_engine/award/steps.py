"""The round's first steps as pure functions: open (evaluate), votes (a meeting; another
one, or written ballots, when the quorum fails) and post (the public list, for the posting
period). Each checks the step against the round so far and returns what to store, or raises
:class:`~.messages.RoundError` with every reason the step is refused (then nothing is stored).
The later steps are in :mod:`.deciding`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..messages import Arg, listing, msg, words
from .messages import Message, RoundError
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
        refusals.append(posted(round_, "assess"))
    raise_all(refusals)


def _meeting_counts(meeting: Meeting) -> list[Message]:
    out: list[Message] = []
    if meeting.invited < 1 or meeting.present < 0:
        out.append(m("bad-count", msg("bad-count", invited=meeting.invited, present=meeting.present)))
    if meeting.present > meeting.invited:
        said = msg("present-exceeds-invited", present=meeting.present, invited=meeting.invited)
        out.append(m("present-exceeds-invited", said))
    for candidate, vote in meeting.votes.items():
        if vote.votes_for < 0 or vote.votes_against < 0:
            out.append(m("bad-count", msg("bad-count.votes", id=candidate)))
        elif vote.votes_for + vote.votes_against > meeting.present:
            said = msg(
                "votes-exceed-present",
                id=candidate,
                yes=vote.votes_for,
                no=vote.votes_against,
                total=vote.votes_for + vote.votes_against,
                present=meeting.present,
            )
            out.append(m("votes-exceed-present", said))
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
        refusals.append(posted(round_, "votes"))
    if meeting.held_on < round_.opening.opened_on:
        refusals.append(before("date-order", "meeting", meeting.held_on, "opening", round_.opening.opened_on))
    last = round_.meeting
    if last is not None and not correct:
        if quorum_check(procedure, last).met:
            refusals.append(m("votes-already-recorded", msg("votes-already-recorded", day=last.held_on)))
        elif meeting.held_on < last.held_on:
            refusals.append(
                before("date-order", "meeting", meeting.held_on, "previous-meeting", last.held_on)
            )
    if correct and last is None:
        refusals.append(m("nothing-to-correct", msg("nothing-to-correct")))
    if meeting.kind == "written_ballots":
        if "written_ballots" not in procedure.quorum_failure:
            refusals.append(m("written-ballots-not-allowed", msg("written-ballots-not-allowed")))
        elif last is None or (quorum_check(procedure, last).met and not correct):
            refusals.append(m("written-ballots-not-allowed", msg("written-ballots-not-allowed.after")))
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
            shown = msg("more", items=tuple(lacking[:5])) if len(lacking) > 5 else listing(lacking)
            refusals.append(m("votes-missing", msg("votes-missing", count=len(lacking), ids=shown)))
    raise_all(refusals)
    if quorum.met:
        return quorum.message("quorum-met")
    return quorum_failed(procedure.quorum_failure, quorum.message("quorum-not-met"))


def quorum_failed(steps: Sequence[str], sentence: Message) -> Message:
    """A meeting without a quorum: its sentence, then what the procedure requires next."""
    then: Arg = ""
    for step in reversed(steps):  # "meet again; if that fails too, send written ballots"
        now = msg(f"round.next.{step}")
        then = msg("round.next.then", first=now, then=then) if then else now
    said = msg("quorum-not-met", sentence=words({"vi": sentence.vi, "en": sentence.en}), steps=then)
    return m("quorum-not-met", said)


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
        refusals.append(posted(round_, "post"))
    if meeting is None:
        refusals.append(m("no-meeting", msg("no-meeting")))
    else:
        quorum = quorum_check(procedure, meeting)
        if not quorum.met:
            refusals.append(quorum_failed(procedure.quorum_failure, quorum.message("quorum-not-met")))
        if posted_on < meeting.held_on:
            refusals.append(before("date-order", "posting", posted_on, "meeting", meeting.held_on))
    raise_all(refusals)
    return Posting(posted_on)


__all__ = ["check_open", "check_post", "check_votes", "quorum_failed"]
