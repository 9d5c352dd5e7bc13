"""The round's later steps as pure functions: objections and their resolution during the
posting, and the decision (after the posting ended, every objection resolved, once a year),
with titles, levels, windows and quota from the history. A refused step raises
:class:`~.messages.RoundError` with every reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .calendar import deadlines
from .history import History
from .levels import LevelOutcome, apply_levels
from .messages import Message, RoundError, day
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
        refusals.append(
            m(
                "not-posted",
                "Danh sách chưa được niêm yết; phản ánh nhận trong thời gian niêm yết.",
                "The list is not posted yet; objections are received during the posting.",
            )
        )
    else:
        dates = deadlines(round_.opening.procedure, round_.posting.posted_on)
        if not dates.posted_on <= objection.filed_on <= dates.posting_ends:
            refusals.append(
                m(
                    "objection-outside-posting",
                    f"Phản ánh ngày {day(objection.filed_on, 'vi')} nằm ngoài thời gian niêm yết "
                    f"({day(dates.posted_on, 'vi')}–{day(dates.posting_ends, 'vi')}).",
                    f"An objection dated {day(objection.filed_on, 'en')} is outside the posting period "
                    f"({day(dates.posted_on, 'en')} to {day(dates.posting_ends, 'en')}).",
                )
            )
    refusals += unknown_candidates(round_, [objection.candidate])
    if not objection.content.strip() or not objection.filed_by.strip():
        refusals.append(
            m(
                "empty-text",
                "Cần ghi người phản ánh và nội dung phản ánh.",
                "Give who objects and what the objection says.",
            )
        )
    raise_all(refusals)


def check_resolution(round_: Round, resolution: Resolution) -> Override | None:
    """Resolving an objection; an upheld one reverses the candidate's proposal (an override)."""
    refusals: list[Message] = []
    if round_.decision is not None:
        refusals.append(decided(round_))
    found = [o for o in round_.objections if o.number == resolution.objection]
    if not found:
        numbers = ", ".join(str(o.number) for o in round_.objections) or "không có"
        refusals.append(
            m(
                "unknown-objection",
                f"Không có phản ánh số {resolution.objection} (các số: {numbers}).",
                f"There is no objection no. {resolution.objection} (numbers: {numbers.replace('không có', 'none')}).",
            )
        )
    elif round_.resolution(resolution.objection) is not None:
        refusals.append(
            m(
                "already-resolved",
                f"Phản ánh số {resolution.objection} đã được giải quyết.",
                f"Objection no. {resolution.objection} is already resolved.",
            )
        )
    elif resolution.resolved_on < found[0].filed_on:
        refusals.append(
            before(
                "date-order",
                ("giải quyết", "resolution"),
                resolution.resolved_on,
                ("phản ánh", "objection"),
                found[0].filed_on,
            )
        )
    if not resolution.resolved_by.strip():
        refusals.append(
            m("empty-text", "Cần ghi người giải quyết phản ánh.", "Give who resolved the objection.")
        )
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
        refusals.append(
            m(
                "already-decided",
                f"Đợt bình xét {round_.key.label()} đã có quyết định ngày {day(round_.decision.decided_on, 'vi')}; "
                f"không ra quyết định thứ hai cho năm {round_.key.year}.",
                f"The round {round_.key.label()} was decided on {day(round_.decision.decided_on, 'en')}; "
                f"there is no second decision for {round_.key.year}.",
            )
        )
    if round_.posting is None:
        refusals.append(
            m(
                "not-posted",
                "Danh sách chưa được niêm yết ('criteria round post').",
                "The list is not posted yet ('criteria round post').",
            )
        )
    else:
        dates = deadlines(opening.procedure, round_.posting.posted_on)
        if decided_on < dates.decide_from:
            refusals.append(
                m(
                    "decision-before-posting-ends",
                    f"Chưa hết thời gian niêm yết: niêm yết đến hết ngày {day(dates.posting_ends, 'vi')}; "
                    f"quyết định sớm nhất ngày {day(dates.decide_from, 'vi')}.",
                    f"The posting has not ended: it runs to {day(dates.posting_ends, 'en')}; "
                    f"the earliest decision date is {day(dates.decide_from, 'en')}.",
                )
            )
    pending = round_.unresolved()
    if pending:
        numbers = ", ".join(str(o.number) for o in pending)
        refusals.append(
            m(
                "objections-unresolved",
                f"Còn {len(pending)} phản ánh chưa giải quyết (số {numbers}).",
                f"{len(pending)} objection(s) are not resolved (no. {numbers}).",
            )
        )
    if not decided_by.strip():
        refusals.append(m("empty-text", "Cần ghi người ra quyết định (--by).", "Give who decides (--by)."))
    ids = {e.candidate for e in opening.evaluations}
    twice = sorted({a.candidate for a in awards if a.year == round_.key.year and a.candidate in ids})
    if twice and round_.decision is None:
        shown = ", ".join(twice[:5]) + (", …" if len(twice) > 5 else "")
        refusals.append(
            m(
                "already-awarded",
                f"Sổ đã có kết quả năm {round_.key.year} của {shown}; không xét hai lần trong một năm.",
                f"The register already holds a {round_.key.year} result for {shown}; no one is decided twice in a year.",
            )
        )
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
