"""Remembering the candidate ids of a table as it streams, to name the row an id was first on.

A repeated id makes the later row invalid, naming both rows, so every id must be remembered.
The first :data:`IN_MEMORY_IDS` are kept in a dict; past that they go to a temporary SQLite
file (in the system's temporary folder, deleted when the tracker is closed), so a table of
millions of rows is checked in bounded memory.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path

IN_MEMORY_IDS = 200_000
"""Ids kept in memory before the tracker moves them to a temporary SQLite file."""


class IdTracker:
    """Ids seen so far, each with the row it was first seen on."""

    def __init__(self, in_memory: int = IN_MEMORY_IDS) -> None:
        self._limit = in_memory
        self._rows: dict[str, int] = {}
        self._db: sqlite3.Connection | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.count = 0

    def first_row(self, candidate_id: str, row: int) -> int | None:
        """The row ``candidate_id`` was first seen on, or None (and remember ``row``) when new."""
        if self._db is None:
            found = self._rows.get(candidate_id)
            if found is None:
                self._rows[candidate_id] = row
                self.count += 1
                if len(self._rows) > self._limit:
                    self._spill()
            return found
        seen = self._db.execute("SELECT row FROM ids WHERE id = ?", (candidate_id,)).fetchone()
        if seen is not None:
            return int(seen[0])
        self._db.execute("INSERT INTO ids VALUES (?, ?)", (candidate_id, row))
        self.count += 1
        return None

    def first_rows(self, ids: Sequence[str | None], rows: Sequence[int]) -> dict[int, int]:
        """:meth:`first_row` for a run of rows in file order (an id of None is no id): the rows
        whose id was seen before, each with the row it was first seen on. In memory the run
        is checked in one loop (the main process of ``--jobs`` checks every id of the file);
        a run may take the dict past :data:`IN_MEMORY_IDS` by its own length before it spills."""
        out: dict[int, int] = {}
        if self._db is not None:
            for candidate_id, row in zip(ids, rows, strict=True):
                if candidate_id is not None:
                    first = self.first_row(candidate_id, row)
                    if first is not None:
                        out[row] = first
            return out
        seen = self._rows
        get = seen.get
        for candidate_id, row in zip(ids, rows, strict=True):
            if candidate_id is not None:
                first = get(candidate_id)
                if first is None:
                    seen[candidate_id] = row
                else:
                    out[row] = first
        self.count = len(seen)
        if len(seen) > self._limit:
            self._spill()
        return out

    def __contains__(self, candidate_id: object) -> bool:
        if not isinstance(candidate_id, str):
            return False
        if self._db is None:
            return candidate_id in self._rows
        return self._db.execute("SELECT 1 FROM ids WHERE id = ?", (candidate_id,)).fetchone() is not None

    def _spill(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="criteria-ids-")
        self._db = sqlite3.connect(Path(self._folder.name) / "ids.sqlite", isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE ids (id TEXT PRIMARY KEY, row INTEGER) WITHOUT ROWID")
        self._db.execute("BEGIN")
        self._db.executemany("INSERT INTO ids VALUES (?, ?)", self._rows.items())
        self._rows = {}

    def close(self) -> None:
        """Forget every id (and delete the temporary file, if one was made)."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        self._rows = {}

    def __enter__(self) -> IdTracker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


__all__ = ["IN_MEMORY_IDS", "IdTracker"]
