"""Appending the rows of each step of the round (only INSERTs; the schema's triggers refuse
anything else). Each function takes the connection of the step's transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ..award.messages import Message
from ..award.records import (
    Award,
    Decision,
    Meeting,
    Objection,
    Opening,
    Override,
    Posting,
    Resolution,
    RoundKey,
)
from .rows import current, opening_row, round_id


def save_opening(conn: sqlite3.Connection, key: RoundKey, opening: Opening) -> None:
    """A new opening of the round (superseding the previous one) with its evaluations."""
    rid = round_id(conn, key, create=True)
    previous = opening_row(conn, rid or 0)
    ratings = {
        "order": list(opening.ratings),
        "labels": {k: dict(v) for k, v in opening.rating_labels.items()},
    }
    cursor = conn.execute(
        "INSERT INTO openings (round_id, opened_on, set_ref, digest, subject, title, procedure, ratings, source, "
        "supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            rid,
            opening.opened_on.isoformat(),
            opening.set_ref,
            opening.digest,
            opening.subject,
            json.dumps(dict(opening.title), ensure_ascii=False),
            json.dumps(opening.procedure.model_dump(mode="json", by_alias=True), ensure_ascii=False),
            json.dumps(ratings, ensure_ascii=False),
            opening.source,
            previous[0] if previous else None,
        ),
    )
    oid = cursor.lastrowid
    conn.executemany(
        "INSERT INTO evaluations (opening_id, candidate, name, status, score, max_score, rating, computed, explanation) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                oid,
                e.candidate,
                e.name,
                e.status,
                e.score,
                e.max_score,
                e.rating,
                json.dumps(dict(e.computed)),
                json.dumps({k: [list(p) for p in v] for k, v in e.explanation.items()}, ensure_ascii=False),
            )
            for e in opening.evaluations
        ],
    )


def _require(conn: sqlite3.Connection, key: RoundKey) -> int:
    rid = round_id(conn, key)
    assert rid is not None, "the step was checked against an open round"
    return rid


def save_meeting(conn: sqlite3.Connection, key: RoundKey, meeting: Meeting, *, correct: bool = False) -> None:
    """A meeting and its votes; with ``correct`` it supersedes the latest meeting."""
    rid = _require(conn, key)
    last = conn.execute(
        f"SELECT id FROM meetings WHERE round_id = ? AND {current('meetings')} ORDER BY id DESC LIMIT 1",
        (rid,),
    ).fetchone()
    cursor = conn.execute(
        "INSERT INTO meetings (round_id, held_on, kind, invited, present, note, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            rid,
            meeting.held_on.isoformat(),
            meeting.kind,
            meeting.invited,
            meeting.present,
            meeting.note,
            last[0] if correct and last else None,
        ),
    )
    conn.executemany(
        "INSERT INTO votes (meeting_id, candidate, votes_for, votes_against) VALUES (?, ?, ?, ?)",
        [(cursor.lastrowid, c, v.votes_for, v.votes_against) for c, v in meeting.votes.items()],
    )


def save_posting(conn: sqlite3.Connection, key: RoundKey, posting: Posting) -> None:
    """The posting of the list."""
    conn.execute(
        "INSERT INTO postings (round_id, posted_on) VALUES (?, ?)",
        (_require(conn, key), posting.posted_on.isoformat()),
    )


def save_objection(conn: sqlite3.Connection, key: RoundKey, objection: Objection) -> None:
    """An objection received during the posting."""
    conn.execute(
        "INSERT INTO objections (round_id, number, candidate, filed_on, filed_by, content) VALUES (?, ?, ?, ?, ?, ?)",
        (
            _require(conn, key),
            objection.number,
            objection.candidate,
            objection.filed_on.isoformat(),
            objection.filed_by,
            objection.content,
        ),
    )


def save_resolution(
    conn: sqlite3.Connection, key: RoundKey, resolution: Resolution, override: Override | None
) -> None:
    """How an objection was resolved, and the override an upheld one makes."""
    rid = _require(conn, key)
    (oid,) = conn.execute(
        "SELECT id FROM objections WHERE round_id = ? AND number = ?", (rid, resolution.objection)
    ).fetchone()
    cursor = conn.execute(
        "INSERT INTO resolutions (objection_id, resolved_on, resolved_by, outcome, note) VALUES (?, ?, ?, ?, ?)",
        (
            oid,
            resolution.resolved_on.isoformat(),
            resolution.resolved_by,
            resolution.outcome,
            resolution.note,
        ),
    )
    if override is not None:
        conn.execute(
            "INSERT INTO overrides (round_id, candidate, proposed, reason, author, made_on, resolution_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                rid,
                override.candidate,
                int(override.proposed),
                override.reason,
                override.author,
                override.made_on.isoformat(),
                cursor.lastrowid,
            ),
        )


def _reason_json(reasons: Iterable[Message]) -> str:
    return json.dumps([m.to_dict() for m in reasons], ensure_ascii=False)


def save_decision(conn: sqlite3.Connection, key: RoundKey, decision: Decision) -> None:
    """The decision and one award line per candidate."""
    rid = _require(conn, key)
    cursor = conn.execute(
        "INSERT INTO decisions (round_id, decided_on, decided_by, reference) VALUES (?, ?, ?, ?)",
        (rid, decision.decided_on.isoformat(), decision.decided_by, decision.reference),
    )
    conn.executemany(
        "INSERT INTO awards (set_id, year, candidate, unit, title, level, window_from, window_to, level_rank, "
        "reasons, decision_id, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'round')",
        [
            (
                key.set_id,
                key.year,
                e.candidate,
                key.unit,
                int(e.title),
                e.level,
                e.window[0] if e.window else None,
                e.window[1] if e.window else None,
                e.level_rank,
                _reason_json(e.reasons),
                cursor.lastrowid,
            )
            for e in decision.entries
        ],
    )


def save_history(conn: sqlite3.Connection, awards: Sequence[Award], note: str = "") -> tuple[int, int]:
    """Imported history lines; one that repeats an imported line of the same set, year and
    candidate supersedes it (a correction). Returns (added, superseded)."""
    superseded = 0
    for a in awards:
        old = conn.execute(
            f"SELECT id FROM awards WHERE set_id = ? AND year = ? AND candidate = ? AND {current('awards')}",
            (a.set_id, a.year, a.candidate),
        ).fetchone()
        superseded += old is not None
        conn.execute(
            "INSERT INTO awards (set_id, year, candidate, unit, title, level, window_from, window_to, reasons, "
            "source, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)",
            (
                a.set_id,
                a.year,
                a.candidate,
                a.unit,
                int(a.title),
                a.level,
                a.window[0] if a.window else None,
                a.window[1] if a.window else None,
                _reason_json([Message("imported", note, note)] if note else []),
                old[0] if old else None,
            ),
        )
    return len(awards) - superseded, superseded


def conflicts(conn: sqlite3.Connection, awards: Sequence[Award]) -> list[Any]:
    """Imported lines that would replace a line decided by a round (refused)."""
    out = []
    for a in awards:
        row = conn.execute(
            f"SELECT year, candidate FROM awards WHERE set_id = ? AND year = ? AND candidate = ? AND source = 'round' "
            f"AND {current('awards')}",
            (a.set_id, a.year, a.candidate),
        ).fetchone()
        if row is not None:
            out.append(row)
    return out


__all__ = [
    "conflicts",
    "save_decision",
    "save_history",
    "save_meeting",
    "save_objection",
    "save_opening",
    "save_posting",
    "save_resolution",
]
