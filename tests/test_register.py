"""The award register: append-only rows, versioned migrations, files it refuses (and never
touches), refused steps that change nothing, integrity checks, export and import."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from criteria_engine.award import Award, Meeting, RoundError, Vote
from criteria_engine.register import (
    add_objection,
    decide_round,
    import_history,
    open_register,
    open_round,
    post_list,
    record_votes,
    resolve_objection,
    round_of,
)
from criteria_engine.register.rows import load_awards
from criteria_engine.register.schema import APPLICATION_ID, LATEST, MIGRATIONS
from criteria_engine.register.store import Register, _statements
from criteria_engine.register.transfer import export_register, import_file

from .award_support import KEY, evaluation, opened

D = dt.date


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(register: Register) -> list[str]:
    return list(register.conn.iterdump())


def fill(register: Register, decided: bool = True) -> None:
    """A round opened, voted, posted, objected to, resolved and (unless asked) decided."""
    round_ = opened(
        [evaluation("H1"), evaluation("H2"), evaluation("H3", status="failed", rating="not_passed")]
    )
    assert round_.opening is not None
    open_round(register, KEY, round_.opening)
    record_votes(register, KEY, Meeting(D(2026, 10, 10), 30, 25, {"H1": Vote(20, 2), "H2": Vote(19, 1)}))
    post_list(register, KEY, D(2026, 10, 12))
    add_objection(register, KEY, "H2", D(2026, 10, 13), "Chi hội Phụ nữ", "Có xô xát")
    resolve_objection(register, KEY, 1, D(2026, 10, 15), "Trưởng thôn", "upheld", "Đã xác minh")
    if decided:
        decide_round(register, KEY, D(2026, 10, 22), "Chủ tịch UBND xã", "12/QĐ-UBND")


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    with open_register(tmp_path / "so.sqlite", create=True) as store:
        yield store


def test_a_whole_round_is_stored_and_read_back(register: Register) -> None:
    fill(register)
    round_ = round_of(register, KEY)
    assert round_.decision is not None and round_.decision.reference == "12/QĐ-UBND"
    assert [(e.candidate, e.title) for e in round_.decision.entries] == [
        ("H1", True),
        ("H2", False),
        ("H3", False),
    ]
    assert [o.reason for o in round_.overrides] == ["Có xô xát — Đã xác minh"]
    assert round_.overrides[0].objection == 1
    assert [a.candidate for a in load_awards(register.conn, "happy-family") if a.title] == ["H1"]
    assert register.check() == []
    assert register.version == LATEST


def test_rows_are_never_updated_or_deleted(register: Register) -> None:
    fill(register)
    for statement in (
        "UPDATE awards SET title = 1",
        "DELETE FROM meetings",
        "UPDATE overrides SET reason = ''",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            register.conn.execute(statement)


def test_reopening_and_correcting_supersede_and_keep_the_old_rows(register: Register) -> None:
    first = opened([evaluation("H1"), evaluation("H2")])
    second = opened([evaluation("H1", score=95), evaluation("H2")])
    assert first.opening is not None and second.opening is not None
    open_round(register, KEY, first.opening)
    record_votes(register, KEY, Meeting(D(2026, 10, 10), 30, 25, {"H1": Vote(20), "H2": Vote(20)}))
    open_round(register, KEY, second.opening)  # before the posting: the data corrected
    record_votes(
        register, KEY, Meeting(D(2026, 10, 10), 30, 26, {"H1": Vote(21), "H2": Vote(20)}), correct=True
    )
    round_ = round_of(register, KEY)
    assert round_.opening is not None and round_.opening.evaluations[0].score == 95
    assert len(round_.meetings) == 1 and round_.meetings[0].present == 26
    counts = register.counts()
    assert (counts["openings"], counts["evaluations"], counts["meetings"]) == (2, 4, 2)
    superseded = register.conn.execute(
        "SELECT count(*) FROM meetings WHERE supersedes IS NOT NULL"
    ).fetchone()[0]
    assert superseded == 1


def test_a_failed_meeting_and_the_next_one_are_both_kept(register: Register) -> None:
    round_ = opened([evaluation("H1")])
    assert round_.opening is not None
    open_round(register, KEY, round_.opening)
    first = record_votes(register, KEY, Meeting(D(2026, 10, 10), 30, 15, {}))
    second = record_votes(register, KEY, Meeting(D(2026, 10, 17), 30, 20, {"H1": Vote(15)}))
    assert (first.code, second.code) == ("quorum-not-met", "quorum-met")
    assert [m.present for m in round_of(register, KEY).meetings] == [15, 20]


@pytest.mark.parametrize(
    ("decided", "step", "code"),
    [
        (
            False,
            lambda r: record_votes(r, KEY, Meeting(D(2026, 10, 10), 30, 25, {"H1": Vote(30)})),
            "already-posted",
        ),
        (
            False,
            lambda r: add_objection(r, KEY, "H1", D(2026, 10, 22), "A", "..."),
            "objection-outside-posting",
        ),
        (False, lambda r: add_objection(r, KEY, "H9", D(2026, 10, 14), "A", "..."), "unknown-candidate"),
        (
            False,
            lambda r: resolve_objection(r, KEY, 1, D(2026, 10, 16), "A", "dismissed"),
            "already-resolved",
        ),
        (False, lambda r: decide_round(r, KEY, D(2026, 10, 21), "Chủ tịch"), "decision-before-posting-ends"),
        (True, lambda r: add_objection(r, KEY, "H1", D(2026, 10, 30), "A", "..."), "already-decided"),
        (True, lambda r: decide_round(r, KEY, D(2026, 10, 30), "Chủ tịch"), "already-decided"),
        (True, lambda r: post_list(r, KEY, D(2026, 10, 30)), "already-decided"),
    ],
)
def test_a_refused_step_changes_nothing(register: Register, decided: bool, step: object, code: str) -> None:
    fill(register, decided)
    before = dump(register)
    with pytest.raises(RoundError) as exc:
        step(register)  # type: ignore[operator]
    assert exc.value.refusals[0].code == code
    assert dump(register) == before


def test_a_newer_register_is_refused_and_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("CREATE TABLE future (x)")
    conn.commit()
    conn.close()
    before, stamp = digest(path), path.stat().st_mtime_ns
    with pytest.raises(RoundError) as exc:
        open_register(path, create=True)
    assert exc.value.refusals[0].code == "register-too-new"
    assert "không bị thay đổi" in exc.value.refusals[0].vi
    assert (digest(path), path.stat().st_mtime_ns) == (before, stamp)


def test_files_that_are_not_registers_are_refused_untouched(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database, just text " * 40, encoding="utf-8")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (name)")
    conn.commit()
    conn.close()
    for path, code in ((text, "register-not-sqlite"), (other, "register-foreign")):
        before = digest(path)
        with pytest.raises(RoundError) as exc:
            open_register(path, create=True)
        assert exc.value.refusals[0].code == code
        assert digest(path) == before
    with pytest.raises(RoundError) as exc:
        open_register(tmp_path / "missing.sqlite")
    assert exc.value.refusals[0].code == "register-missing"
    assert not (tmp_path / "missing.sqlite").exists()


def test_an_older_schema_is_migrated_in_place_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    version, script = MIGRATIONS[0]
    for statement in _statements(script):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO awards (set_id, year, candidate, unit, title, reasons, source) "
        "VALUES ('happy-family', 2025, 'H1', 'V1', 1, '[]', 'import')"
    )
    conn.close()
    with open_register(path) as register:
        assert register.version == LATEST == 2
        assert register.counts()["overrides"] == 0
        assert [a.candidate for a in load_awards(register.conn)] == ["H1"]
        assert register.check() == []


def test_a_read_only_step_does_not_write_the_file(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    with open_register(path, create=True) as store:
        fill(store)
    before, stamp = digest(path), path.stat().st_mtime_ns
    with open_register(path) as store:
        round_of(store, KEY)
        store.check()
    assert (digest(path), path.stat().st_mtime_ns) == (before, stamp)


def test_check_finds_a_candidate_decided_twice(register: Register) -> None:
    fill(register)
    register.conn.execute(
        "INSERT INTO awards (set_id, year, candidate, unit, title, reasons, source) "
        "VALUES ('happy-family', 2026, 'H1', 'V2', 1, '[]', 'import')"
    )
    assert [p.code for p in register.check()] == ["award-twice"]


def test_export_and_import_give_the_same_register(register: Register, tmp_path: Path) -> None:
    fill(register)
    for target in (tmp_path / "csv", tmp_path / "so.xlsx"):
        export_register(register, target)
        with open_register(tmp_path / f"copy-{target.name}.sqlite", create=True) as copy:
            import_file(copy, target)
            assert round_of(copy, KEY) == round_of(register, KEY)
            assert copy.counts() == register.counts()
            before = dump(copy)
            with pytest.raises(RoundError) as exc:  # the same rounds again: refused, nothing added
                import_file(copy, target)
            assert exc.value.refusals[0].code in ("history-conflict", "import-round-exists")
            assert dump(copy) == before


def test_history_import_corrects_imported_lines_and_never_decided_ones(
    register: Register, tmp_path: Path
) -> None:
    history = tmp_path / "lich-su.csv"
    history.write_text(
        "set_id,year,candidate,unit,title\nhappy-family,2025,H1,V1,có\nhappy-family,2025,H2,V1,0\n",
        encoding="utf-8",
    )
    assert import_file(register, history)("vi") == "2 dòng mới, 0 dòng sửa"
    history.write_text("set_id,year,candidate,unit,title\nhappy-family,2025,H2,V1,1\n", encoding="utf-8")
    assert str(import_file(register, history)) == "0 new line(s), 1 correction(s)"
    assert sorted(a.candidate for a in load_awards(register.conn, "happy-family") if a.title) == ["H1", "H2"]
    assert register.counts()["awards"] == 3  # the corrected line is kept, superseded
    fill(register)
    before = dump(register)
    with pytest.raises(RoundError) as exc:
        import_history(register, [Award("happy-family", 2026, "H1", False)])
    assert exc.value.refusals[0].code == "history-conflict"
    assert dump(register) == before


def test_history_rows_with_mistakes_are_refused_with_their_row(register: Register, tmp_path: Path) -> None:
    history = tmp_path / "lich-su.csv"
    history.write_text(
        "set_id,year,candidate,title\nhappy-family,2025,H1,có\nhappy-family,hai,H2,1\n", encoding="utf-8"
    )
    with pytest.raises(RoundError) as exc:
        import_file(register, history)
    assert exc.value.refusals[0].code == "history-bad-value" and "Dòng 3" in exc.value.refusals[0].vi
    history.write_text("set_id,year,candidate,title\nhappy-family,2025,H1,maybe\n", encoding="utf-8")
    with pytest.raises(RoundError) as exc:
        import_file(register, history)
    assert exc.value.refusals[0].code == "history-bad-value"
    history.write_text("set_id,year,title\nhappy-family,2025,1\n", encoding="utf-8")
    with pytest.raises(RoundError) as exc:
        import_file(register, history)
    assert exc.value.refusals[0].code == "history-missing-column"
    assert register.counts()["awards"] == 0


def test_a_register_locked_past_the_wait_is_refused_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from criteria_engine.register import store

    path = tmp_path / "so.sqlite"
    with open_register(path, create=True) as register:
        fill(register, decided=False)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of its step
    try:
        monkeypatch.setattr(store, "BUSY_TIMEOUT", 0.05)
        with open_register(path) as register, pytest.raises(RoundError) as exc:
            add_objection(register, KEY, "H1", D(2026, 10, 14), "A", "...")
        assert exc.value.refusals[0].code == "register-unwritable"
    finally:
        holder.rollback()
        holder.close()
    with open_register(path) as register:
        assert len(round_of(register, KEY).objections) == 1
