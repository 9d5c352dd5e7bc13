"""Files of the round at the command line's edge: reading a filled-in voting sheet, and
choosing and guarding output files.

The voting sheet is the XLSX ``criteria round sheet`` writes (or a CSV with the same
columns): one row per candidate with its id and the votes for and against; a second sheet
("Cuộc họp" / "Meeting") may hold the date, those invited and those present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..award.messages import Message, RoundError
from ..award.records import Vote
from ..io.columns import fold
from ..io.convert import id_text
from ..io.readers import detect_format, iter_rows, list_sheets, read_headers
from ..messages import Msg, msg

_ID = {"ma", "id", "ma ho", "ma doi tuong", "candidate"}
_FOR = {"dong y", "for", "tan thanh", "votes for", "so phieu dong y"}
_AGAINST = {"khong dong y", "against", "khong tan thanh", "votes against", "so phieu khong dong y"}
_KEYS = {
    "date": ("ngay hop", "meeting date", "ngay"),
    "invited": ("so duoc moi", "invited"),
    "present": ("so du hop", "present"),
    "kind": ("hinh thuc", "kind"),
}


@dataclass
class VotesFile:
    """What a voting sheet says: the votes by candidate and, if given, the meeting's facts."""

    votes: dict[str, Vote] = field(default_factory=dict)
    held_on: dt.date | None = None
    invited: int | None = None
    present: int | None = None
    written: bool = False


def _refuse(code: str, text: Msg, file: str) -> RoundError:
    return RoundError([Message.of(code, text)], file=file)


def _key(header: str) -> str:
    return fold(header).split("(")[0].strip()


def _count(value: object, row: int, column: str, file: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = id_text(value)
    if text is None or not text.isdigit():
        said = msg("votes-bad-value", row=row, column=column, value=str(value))
        raise _refuse("votes-bad-value", said, file)
    return int(text)


def _meeting(path: Path, sheet: str, out: VotesFile) -> None:
    for raw in iter_rows(path, sheet=sheet):
        cells = list(raw.values.values())
        if len(cells) < 2 or cells[0] is None:
            continue
        label = _key(str(cells[0]))
        value = cells[1]
        if value in (None, ""):
            continue
        if any(label.startswith(k) for k in _KEYS["date"]):
            text = value.isoformat()[:10] if isinstance(value, dt.date | dt.datetime) else str(value).strip()
            try:
                out.held_on = dt.date.fromisoformat(text)
            except ValueError:
                said = msg("votes-bad-value.date", value=str(value))
                raise _refuse("votes-bad-value", said, str(path)) from None
        elif any(label.startswith(k) for k in _KEYS["invited"]):
            out.invited = _count(value, raw.row_number, str(cells[0]), str(path))
        elif any(label.startswith(k) for k in _KEYS["present"]):
            out.present = _count(value, raw.row_number, str(cells[0]), str(path))
        elif any(label.startswith(k) for k in _KEYS["kind"]):
            out.written = fold(str(value)).strip() in (
                "phieu",
                "ballots",
                "written ballots",
                "written_ballots",
            )


def read_votes(path: Path) -> VotesFile:
    """Read a filled-in voting sheet (XLSX or CSV)."""
    file = str(path)
    kind = detect_format(path)
    sheets = list_sheets(path) if kind == "xlsx" else []
    first = sheets[0] if sheets else None
    headers = read_headers(path, sheet=first)
    keys = {_key(h): h for h in headers if h}
    id_header = next((keys[k] for k in keys if k in _ID), None)
    for_header = next((keys[k] for k in keys if k in _FOR), None)
    against_header = next((keys[k] for k in keys if k in _AGAINST), None)
    if id_header is None or for_header is None:
        raise _refuse("votes-missing-column", msg("votes-missing-column"), file)
    out = VotesFile()
    for raw in iter_rows(path, sheet=first):
        candidate = id_text(raw.values.get(id_header))
        if candidate is None:
            continue
        votes_for = _count(raw.values.get(for_header), raw.row_number, for_header, file)
        against = (
            _count(raw.values.get(against_header), raw.row_number, against_header or "", file)
            if against_header
            else None
        )
        if votes_for is None and against is None:
            continue  # a candidate not voted on (e.g. the meeting had no quorum)
        if candidate in out.votes:
            raise _refuse("votes-duplicate", msg("votes-duplicate", row=raw.row_number, id=candidate), file)
        out.votes[candidate] = Vote(votes_for or 0, against or 0)
    for sheet in sheets[1:2]:
        _meeting(path, sheet, out)
    return out


__all__ = ["VotesFile", "read_votes"]
