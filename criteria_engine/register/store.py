"""The award register file: opening it safely, migrating it, transactions, and its checks.

One SQLite file (standard library ``sqlite3``; rollback journal, so it stays one file). Every
step runs in one ``BEGIN IMMEDIATE`` transaction: two processes writing at once are
serialised by SQLite's lock (the second waits, then sees the first one's rows), and a step
killed half-way leaves the file as it was (SQLite rolls the unfinished transaction back).

Before anything is written the file's header is read through a read-only connection: a file
that is not SQLite, an SQLite file of another program, or a register written by a newer
version of the library is refused, and never rewritten.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..award.messages import Message, RoundError
from ..messages import Msg, msg
from .schema import APPLICATION_ID, LATEST, MIGRATIONS, TABLES

DEFAULT_NAME = "criteria-register.sqlite"
BUSY_TIMEOUT = 60.0
"""Seconds a step waits for another process's transaction to finish before giving up."""


class RegisterError(RoundError):
    """The register file cannot be used; it was not changed."""


def _refuse(code: str, text: Msg, path: Path) -> RegisterError:
    return RegisterError([Message.of(code, text)], file=str(path))


def _statements(script: str) -> Iterator[str]:
    """The statements of a script (trigger bodies kept whole), for ``execute`` one by one:
    ``executescript`` would commit the caller's transaction first."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


def _header(path: Path) -> tuple[int, int, int]:
    """``(application_id, user_version, tables)`` read without writing anything."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise _refuse("register-unreadable", msg("register-unreadable", detail=str(exc)), path) from None
    try:
        app = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = int(conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])
    except sqlite3.DatabaseError:
        raise _refuse("register-not-sqlite", msg("register-not-sqlite"), path) from None
    finally:
        conn.close()
    return app, version, tables


def _check_header(path: Path) -> None:
    app, version, tables = _header(path)
    if app not in (0, APPLICATION_ID) or (app == 0 and tables and version == 0):
        raise _refuse("register-foreign", msg("register-foreign"), path)
    if version > LATEST:
        raise _refuse(
            "register-too-new",
            msg("register-too-new", version=version, latest=LATEST),
            path,
        )


class Register:
    """An open award register. Use :func:`open_register`; close it (or use ``with``)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (an unfinished transaction is rolled back)."""
        self.conn.close()

    @property
    def version(self) -> int:
        """The schema version of the file."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One step: ``BEGIN IMMEDIATE`` (waits for another writer), committed when the block
        ends, rolled back when it raises."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                raise
            self._commit()
        except sqlite3.OperationalError as exc:  # busy past the timeout, read-only, disk full
            raise _refuse(
                "register-unwritable", msg("register-unwritable", detail=str(exc)), self.path
            ) from None

    def _commit(self) -> None:
        self.conn.commit()

    def migrate(self) -> None:
        """Bring the file to the latest schema, in one transaction (nothing when it is)."""
        app = int(self.conn.execute("PRAGMA application_id").fetchone()[0])
        if self.version == LATEST and app == APPLICATION_ID:
            return  # nothing to do: a read-only step never writes to the file
        with self.transaction() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > LATEST:  # another process upgraded it while we waited: refuse
                _check_header(self.path)
            for target, script in MIGRATIONS:
                if target <= version:
                    continue
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(target)}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def check(self) -> list[Message]:
        """Problems found by SQLite's ``integrity_check`` and ``foreign_key_check`` and by the
        register's own rules ([] when the register is sound)."""
        problems: list[Message] = []
        for (line,) in self.conn.execute("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(Message.of("integrity", msg("integrity", detail=str(line))))
        for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check"):
            text = f"{table} #{rowid} → {parent}"
            problems.append(Message.of("foreign-key", msg("foreign-key", row=text)))
        twice = self.conn.execute(
            "SELECT set_id, year, candidate, count(*) FROM awards WHERE id NOT IN "
            "(SELECT supersedes FROM awards WHERE supersedes IS NOT NULL) "
            "GROUP BY set_id, year, candidate HAVING count(*) > 1"
        ).fetchall()
        for set_id, year, candidate, n in twice:
            problems.append(
                Message.of(
                    "award-twice", msg("award-twice", id=candidate, count=n, set=set_id, year=str(year))
                )
            )
        return problems

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}


def open_register(path: str | os.PathLike[str], *, create: bool = False) -> Register:
    """Open (and, with ``create``, create) a register, migrated to the latest schema.

    Refused, with the file untouched: no file and not ``create`` (``register-missing``), not an
    SQLite file (``register-not-sqlite``), another program's database (``register-foreign``), a
    newer schema (``register-too-new``).
    """
    target = Path(path)
    if target.is_dir():
        raise _refuse("register-unreadable", msg("register-unreadable.folder", path=str(target)), target)
    if target.exists():
        _check_header(target)
    elif not create:
        raise _refuse("register-missing", msg("register-missing", path=str(target)), target)
    try:
        conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise _refuse("register-unreadable", msg("register-unreadable", detail=str(exc)), target) from None
    register = Register(target, conn)
    try:
        register.migrate()
    except BaseException:
        conn.close()
        raise
    return register


__all__ = ["DEFAULT_NAME", "Register", "RegisterError", "open_register"]
