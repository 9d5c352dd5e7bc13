"""Reading a round's records, and the award history, from the register.

Reading takes the rows nothing supersedes (a re-opened round, a corrected meeting, a
corrected history line are new rows naming the one they replace). The functions take a
connection, usually the one of a step's transaction, so that a step reads what it checks.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from ..award.messages import Message
from ..award.records import (
    Award,
    Decision,
    DecisionEntry,
    Evaluation,
    Meeting,
    Objection,
    Opening,
    Override,
    Posting,
    Resolution,
    Round,
    RoundKey,
    Vote,
)
from ..format.procedure import Procedure


def current(table: str) -> str:
    return f"id NOT IN (SELECT supersedes FROM {table} WHERE supersedes IS NOT NULL)"


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def round_id(conn: sqlite3.Connection, key: RoundKey, *, create: bool = False) -> int | None:
    """The round's row id (created when asked)."""
    row = conn.execute(
        "SELECT id FROM rounds WHERE set_id = ? AND year = ? AND unit = ?", (key.set_id, key.year, key.unit)
    ).fetchone()
    if row is not None:
        return int(row[0])
    if not create:
        return None
    cursor = conn.execute(
        "INSERT INTO rounds (set_id, year, unit) VALUES (?, ?, ?)", (key.set_id, key.year, key.unit)
    )
    return int(cursor.lastrowid or 0)


def round_keys(conn: sqlite3.Connection) -> list[RoundKey]:
    """Every round in the register, by set, year and unit."""
    rows = conn.execute("SELECT set_id, year, unit FROM rounds ORDER BY set_id, year, unit").fetchall()
    return [RoundKey(str(s), int(y), str(u)) for s, y, u in rows]


def opening_row(conn: sqlite3.Connection, rid: int) -> tuple[int, Opening] | None:
    row = conn.execute(
        f"SELECT id, opened_on, set_ref, digest, subject, title, procedure, ratings, source FROM openings "
        f"WHERE round_id = ? AND {current('openings')} ORDER BY id DESC LIMIT 1",
        (rid,),
    ).fetchone()
    if row is None:
        return None
    oid, opened_on, set_ref, digest, subject, title, procedure, ratings, source = row
    rating_data = json.loads(ratings)
    evaluations = tuple(
        Evaluation(
            str(c),
            str(n),
            str(st),
            sc,
            mx,
            rt,
            rating_data["order"].index(rt) if rt in rating_data["order"] else None,
            json.loads(comp),
            {lang: tuple(tuple(pair) for pair in lines) for lang, lines in json.loads(expl).items()},
        )
        for c, n, st, sc, mx, rt, comp, expl in conn.execute(
            "SELECT candidate, name, status, score, max_score, rating, computed, explanation "
            "FROM evaluations WHERE opening_id = ? ORDER BY id",
            (oid,),
        )
    )
    opening = Opening(
        _date(opened_on),
        set_ref,
        digest,
        Procedure.model_validate(json.loads(procedure)),
        evaluations,
        source,
        subject,
        tuple(rating_data["order"]),
        rating_data["labels"],
        json.loads(title),
    )
    return int(oid), opening


def load_round(conn: sqlite3.Connection, key: RoundKey) -> Round:
    """The round as its current rows say (an empty :class:`Round` when it does not exist)."""
    rid = round_id(conn, key)
    if rid is None:
        return Round(key)
    found = opening_row(conn, rid)
    meetings = []
    for mid, held_on, kind, invited, present, note in conn.execute(
        f"SELECT id, held_on, kind, invited, present, note FROM meetings WHERE round_id = ? AND {current('meetings')} ORDER BY id",
        (rid,),
    ).fetchall():
        votes = {
            str(c): Vote(int(f), int(a))
            for c, f, a in conn.execute(
                "SELECT candidate, votes_for, votes_against FROM votes WHERE meeting_id = ? ORDER BY id",
                (mid,),
            )
        }
        meetings.append(Meeting(_date(held_on), int(invited), int(present), votes, kind, note))
    posted = conn.execute("SELECT posted_on FROM postings WHERE round_id = ?", (rid,)).fetchone()
    objections = tuple(
        Objection(int(n), c, _date(d), b, t)
        for n, c, d, b, t in conn.execute(
            "SELECT number, candidate, filed_on, filed_by, content FROM objections WHERE round_id = ? ORDER BY number",
            (rid,),
        )
    )
    resolutions = tuple(
        Resolution(int(n), _date(d), b, o, t)
        for n, d, b, o, t in conn.execute(
            "SELECT o.number, r.resolved_on, r.resolved_by, r.outcome, r.note FROM resolutions r "
            "JOIN objections o ON o.id = r.objection_id WHERE o.round_id = ? ORDER BY r.id",
            (rid,),
        )
    )
    overrides = tuple(
        Override(c, bool(p), r, a, _date(d), None if n is None else int(n))
        for c, p, r, a, d, n in conn.execute(
            "SELECT v.candidate, v.proposed, v.reason, v.author, v.made_on, o.number FROM overrides v "
            "LEFT JOIN resolutions r ON r.id = v.resolution_id LEFT JOIN objections o ON o.id = r.objection_id "
            "WHERE v.round_id = ? ORDER BY v.id",
            (rid,),
        )
    )
    return Round(
        key,
        found[1] if found else None,
        tuple(meetings),
        Posting(_date(posted[0])) if posted else None,
        objections,
        resolutions,
        overrides,
        _decision(conn, rid, found[1] if found else None, meetings[-1] if meetings else None),
    )


def _reasons(text: str) -> tuple[Message, ...]:
    return tuple(Message(m["code"], m["vi"], m["en"]) for m in json.loads(text))


def _decision(
    conn: sqlite3.Connection, rid: int, opening: Opening | None, meeting: Meeting | None
) -> Decision | None:
    row = conn.execute(
        "SELECT id, decided_on, decided_by, reference FROM decisions WHERE round_id = ?", (rid,)
    ).fetchone()
    if row is None:
        return None
    did, decided_on, decided_by, reference = row
    names = {e.candidate: e for e in opening.evaluations} if opening else {}
    votes = {c: v.votes_for for c, v in meeting.votes.items()} if meeting else {}
    entries = []
    for c, title, level, wf, wt, rank, reasons in conn.execute(
        "SELECT candidate, title, level, window_from, window_to, level_rank, reasons FROM awards "
        "WHERE decision_id = ? ORDER BY id",
        (did,),
    ):
        e = names.get(c)
        window = (int(wf), int(wt)) if wf is not None else None
        entries.append(
            DecisionEntry(
                c,
                e.name if e else c,
                bool(title),
                level,
                window,
                _reasons(reasons),
                votes.get(c),
                e.score if e else None,
                e.percent if e else None,
                rank,
            )
        )
    return Decision(_date(decided_on), decided_by, tuple(entries), reference)


def load_awards(conn: sqlite3.Connection, set_id: str | None = None) -> list[Award]:
    """The current award history (of one set, or all), oldest first."""
    where = f"WHERE {current('awards')}" + (" AND set_id = ?" if set_id else "")
    rows = conn.execute(
        f"SELECT set_id, year, candidate, title, level, window_from, window_to, unit, source FROM awards {where} "
        "ORDER BY year, id",
        (set_id,) if set_id else (),
    ).fetchall()
    return [
        Award(s, int(y), c, bool(t), lv, (int(wf), int(wt)) if wf is not None else None, u, src)
        for s, y, c, t, lv, wf, wt, u, src in rows
    ]


__all__ = ["current", "load_awards", "load_round", "opening_row", "round_id", "round_keys"]
