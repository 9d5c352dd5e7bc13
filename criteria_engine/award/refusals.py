"""Refusals shared by the round's steps: a round not open, already posted, already decided,
a date before the step it follows, a candidate not in the round."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from ..errors import closest
from ..messages import Msg, msg
from .messages import Message, RoundError, day
from .records import Round


def m(code: str, text: Msg) -> Message:
    """The refusal ``code``, worded by the catalogue of messages."""
    return Message.of(code, text)


def raise_all(refusals: Sequence[Message]) -> None:
    if refusals:
        raise RoundError(refusals)


def dates(value: dt.date) -> tuple[str, str]:
    return day(value, "vi"), day(value, "en")


def before(code: str, what: str, when: dt.date, earlier: str, then: dt.date) -> Message:
    """``what`` (an event of the round: ``meeting``, ``posting``...) dated before ``earlier``."""
    event, previous = msg(f"round.event.{what}"), msg(f"round.event.{earlier}")
    return m(code, msg("date-order", what=event, when=when, earlier=previous, then=then))


def not_open(round_: Round) -> Message:
    return m("round-not-open", msg("round-not-open", round=round_.key.label()))


def decided(round_: Round) -> Message:
    assert round_.decision is not None
    return m(
        "already-decided", msg("already-decided", round=round_.key.label(), day=round_.decision.decided_on)
    )


def posted(round_: Round, what: str) -> Message:
    """The list is posted: ``what`` (``assess``, ``votes``, ``post``) cannot be done again."""
    assert round_.posting is not None
    said = msg("already-posted", day=round_.posting.posted_on, what=msg(f"already-posted.{what}"))
    return m("already-posted", said)


def unknown_candidates(round_: Round, ids: Iterable[str]) -> list[Message]:
    assert round_.opening is not None
    known = [e.candidate for e in round_.opening.evaluations]
    out = []
    for candidate in ids:
        if candidate not in known:
            near = closest(candidate, known)
            label = round_.key.label()
            said = (
                msg("unknown-candidate.near", id=candidate, round=label, near=near)
                if near
                else msg("unknown-candidate", id=candidate, round=label)
            )
            out.append(m("unknown-candidate", said))
    return out


__all__ = ["before", "dates", "decided", "m", "not_open", "posted", "raise_all", "unknown_candidates"]
