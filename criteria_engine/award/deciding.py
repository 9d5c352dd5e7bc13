"""The round's later steps as pure functions: objections and their resolution during the
posting, and the decision (after the posting ended, every objection resolved, once a year),
with titles, levels, windows and quota from the history. A refused step raises
:class:`~.messages.RoundError` with every reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..messages import Arg, listing, msg
from .calendar import deadlines
from .history import History
from .levels import LevelOutcome, apply_levels
from .messages import Message, RoundError
from .outcome import proposals
from .records import Award, Decision, DecisionEntry, Objection, Override, Resolution, Round
from .refusals import before, decided, m, not_open, raise_all, unknown_candidates


def check_objection(round_: Round, objection: Objection) -> None:
    """An objection is received during the posting period, about a candidate of the round."""
    if round_.opening is None:
        raise RoundError([not_open(round_)])
    refusals: list[Message] = []
    if round_.decision is not None:
        refusals.append(decided(round_))
    if round_.posting is None:
        refusals.append(m("not-posted", msg("not-posted.objection")))
    else:
        dates = deadlines(round_.opening.procedure, round_.posting.posted_on)
        if not dates.posted_on <= objection.filed_on <= dates.posting_ends:
            said = msg(
                "objection-outside-posting",
                day=objection.filed_on,
                start=dates.posted_on,
                end=dates.posting_ends,
            )
            refusals.append(m("objection-outside-posting", said))
    refusals += unknown_candidates(round_, [objection.candidate])
    if not objection.content.strip() or not objection.filed_by.strip():
        refusals.append(m("empty-text", msg("empty-text.objection")))
    raise_all(refusals)


def check_resolution(round_: Round, resolution: Resolution) -> Override | None:
    """Resolving an objection; an upheld one reverses the candidate's proposal (an override)."""
    refusals: list[Message] = []
    if round_.decision is not None:
        refusals.append(decided(round_))
    found = [o for o in round_.objections if o.number == resolution.objection]
    if not found:
        numbers: Arg = listing(o.number for o in round_.objections) if round_.objections else msg("list.none")
        said = msg("unknown-objection", number=resolution.objection, numbers=numbers)
        refusals.append(m("unknown-objection", said))
    elif round_.resolution(resolution.objection) is not None:
        refusals.append(m("already-resolved", msg("already-resolved", number=resolution.objection)))
    elif resolution.resolved_on < found[0].filed_on:
        refusals.append(
            before("date-order", "resolution", resolution.resolved_on, "objection", found[0].filed_on)
        )
    if not resolution.resolved_by.strip():
        refusals.append(m("empty-text", msg("empty-text.resolution")))
    raise_all(refusals)
    if resolution.outcome != "upheld":
        return None
    objection = found[0]
    current = {p.candidate: p.proposed for p in proposals(round_)}
    reason = objection.content + (f" — {resolution.note}" if resolution.note else "")
    return Override(
        objection.candidate,
        not current.get(objection.candidate, False),
        reason,
        resolution.resolved_by,
        resolution.resolved_on,
        objection.number,
    )


def decide(
    round_: Round, awards: Sequence[Award], decided_on: dt.date, decided_by: str, reference: str = ""
) -> Decision:
    """The decision list: titles, levels (windows and quota from the history), and reasons."""
    if round_.opening is None:
        raise RoundError([not_open(round_)])
    opening = round_.opening
    refusals: list[Message] = []
    if round_.decision is not None:
        said = msg(
            "already-decided.second",
            round=round_.key.label(),
            day=round_.decision.decided_on,
            year=str(round_.key.year),
        )
        refusals.append(m("already-decided", said))
    if round_.posting is None:
        refusals.append(m("not-posted", msg("not-posted")))
    else:
        dates = deadlines(opening.procedure, round_.posting.posted_on)
        if decided_on < dates.decide_from:
            said = msg("decision-before-posting-ends", end=dates.posting_ends, first=dates.decide_from)
            refusals.append(m("decision-before-posting-ends", said))
    pending = round_.unresolved()
    if pending:
        numbers = listing(o.number for o in pending)
        refusals.append(
            m("objections-unresolved", msg("objections-unresolved", count=len(pending), numbers=numbers))
        )
    if not decided_by.strip():
        refusals.append(m("empty-text", msg("empty-text.decision")))
    ids = {e.candidate for e in opening.evaluations}
    twice = sorted({a.candidate for a in awards if a.year == round_.key.year and a.candidate in ids})
    if twice and round_.decision is None:
        shown = msg("more", items=tuple(twice[:5])) if len(twice) > 5 else listing(twice)
        said = msg("already-awarded", year=str(round_.key.year), ids=shown)
        refusals.append(m("already-awarded", said))
    raise_all(refusals)
    history = History(round_.key.set_id, [a for a in awards if a.year < round_.key.year])
    items = proposals(round_)
    levels = apply_levels(
        opening.procedure, items, history, round_.key.year, ratings=opening.ratings, subject=opening.subject
    )
    entries = []
    for p in items:
        e, lv = p.evaluation, levels.get(p.candidate)
        reasons = p.reasons + (lv.reasons if lv else ())
        entries.append(
            DecisionEntry(
                e.candidate,
                e.name,
                p.proposed,
                lv.level if lv else None,
                lv.window if lv else None,
                reasons,
                p.vote.votes_for if p.vote else None,
                e.score,
                e.percent,
                lv.rank if lv else None,
            )
        )
    return Decision(decided_on, decided_by, tuple(entries), reference)


def provisional_levels(round_: Round, awards: Sequence[Award]) -> dict[str, LevelOutcome]:
    """The levels the candidates proposed now would get (for the posting list), by candidate."""
    if round_.opening is None:
        return {}
    opening = round_.opening
    history = History(round_.key.set_id, [a for a in awards if a.year < round_.key.year])
    return apply_levels(
        opening.procedure,
        proposals(round_),
        history,
        round_.key.year,
        ratings=opening.ratings,
        subject=opening.subject,
    )


def awards_of(round_: Round, decision: Decision) -> list[Award]:
    """The history lines a decision adds to the register: one per candidate."""
    k = round_.key
    return [
        Award(k.set_id, k.year, e.candidate, e.title, e.level, e.window, k.unit) for e in decision.entries
    ]


__all__ = ["awards_of", "check_objection", "check_resolution", "decide", "provisional_levels"]
