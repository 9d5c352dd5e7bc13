"""The round's steps against a register: read the round, check the step, append its rows, in
one transaction. The command line (``criteria round``) is a thin layer over these.

Each function takes an open :class:`~.store.Register`; a refused step raises
:class:`~criteria_engine.award.RoundError` and leaves the register exactly as it was.
"""

from __future__ import annotations

import datetime as dt

from ..award import deciding, steps
from ..award.history import History
from ..award.messages import Message, RoundError
from ..award.records import (
    Award,
    Decision,
    Meeting,
    Objection,
    Opening,
    Override,
    Resolution,
    ResolutionOutcome,
    Round,
    RoundKey,
)
from ..messages import msg
from . import rows, writes
from .store import Register


def round_of(register: Register, key: RoundKey) -> Round:
    """The round as the register holds it now."""
    return rows.load_round(register.conn, key)


def history_of(register: Register, set_id: str) -> History:
    """The award history of a set."""
    return History(set_id, rows.load_awards(register.conn, set_id))


def open_round(register: Register, key: RoundKey, opening: Opening) -> Round:
    """Store the round's evaluations (a re-opening supersedes the previous one)."""
    with register.transaction() as conn:
        current = rows.load_round(conn, key)
        steps.check_open(current if current.opening else None, opening.opened_on)
        writes.save_opening(conn, key, opening)
        return rows.load_round(conn, key)


def record_votes(register: Register, key: RoundKey, meeting: Meeting, *, correct: bool = False) -> Message:
    """Record a meeting's attendance and votes; returns the quorum sentence (and, when the
    quorum failed, what the procedure requires next)."""
    with register.transaction() as conn:
        sentence = steps.check_votes(rows.load_round(conn, key), meeting, correct=correct)
        writes.save_meeting(conn, key, meeting, correct=correct)
        return sentence


def post_list(register: Register, key: RoundKey, posted_on: dt.date) -> Round:
    """Record the public posting of the list."""
    with register.transaction() as conn:
        posting = steps.check_post(rows.load_round(conn, key), posted_on)
        writes.save_posting(conn, key, posting)
        return rows.load_round(conn, key)


def add_objection(
    register: Register, key: RoundKey, candidate: str, filed_on: dt.date, filed_by: str, content: str
) -> Objection:
    """Record an objection received during the posting; it is numbered 1, 2, ... in the round."""
    with register.transaction() as conn:
        current = rows.load_round(conn, key)
        number = max((o.number for o in current.objections), default=0) + 1
        objection = Objection(number, candidate, filed_on, filed_by, content)
        deciding.check_objection(current, objection)
        writes.save_objection(conn, key, objection)
        return objection


def resolve_objection(
    register: Register,
    key: RoundKey,
    number: int,
    resolved_on: dt.date,
    resolved_by: str,
    outcome: ResolutionOutcome,
    note: str = "",
) -> Override | None:
    """Record how an objection was resolved; an upheld one reverses the candidate's proposal."""
    with register.transaction() as conn:
        resolution = Resolution(number, resolved_on, resolved_by, outcome, note)
        override = deciding.check_resolution(rows.load_round(conn, key), resolution)
        writes.save_resolution(conn, key, resolution, override)
        return override


def decide_round(
    register: Register, key: RoundKey, decided_on: dt.date, decided_by: str, reference: str = ""
) -> Decision:
    """Record the decision: titles and levels (windows and quota from the history)."""
    with register.transaction() as conn:
        current = rows.load_round(conn, key)
        awards: list[Award] = rows.load_awards(conn, key.set_id)
        decision = deciding.decide(current, awards, decided_on, decided_by, reference)
        writes.save_decision(conn, key, decision)
        return decision


def import_history(register: Register, awards: list[Award], note: str = "") -> tuple[int, int]:
    """Add history lines (a commune's earlier awards); refused when one would replace a line a
    round decided. Returns (added, corrected)."""
    with register.transaction() as conn:
        clashes = writes.conflicts(conn, awards)
        if clashes:
            shown = ", ".join(f"{c} ({y})" for y, c in clashes[:5]) + (", …" if len(clashes) > 5 else "")
            raise RoundError([Message.of("history-conflict", msg("history-conflict.candidates", ids=shown))])
        return writes.save_history(conn, awards, note)


__all__ = [
    "add_objection",
    "decide_round",
    "history_of",
    "import_history",
    "open_round",
    "post_list",
    "record_votes",
    "resolve_objection",
    "round_of",
]
