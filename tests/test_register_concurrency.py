"""Two processes writing the register at once never corrupt it, and a step killed half-way
leaves it exactly as it was (every step is one transaction).

The child processes are started with ``subprocess`` and always reaped (``finally``)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from criteria_engine.award import Meeting, Vote
from criteria_engine.register import (
    decide_round,
    open_register,
    open_round,
    post_list,
    record_votes,
    round_of,
)

from .award_support import KEY, evaluation, opened
from .test_register import dump, fill

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import datetime as dt, os, sys, time
from pathlib import Path
from criteria_engine.award import RoundError
from criteria_engine.register import add_objection, decide_round, open_register
from tests.award_support import KEY
path, start, action = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
while not start.exists():  # both processes begin together
    time.sleep(0.001)
with open_register(path) as register:
    if action == "objections":
        for n in range(150):
            add_objection(register, KEY, "H1", dt.date(2026, 10, 13), f"process {os.getpid()}", f"objection {n}")
    else:
        try:
            decide_round(register, KEY, dt.date(2026, 10, 22), f"process {os.getpid()}")
        except RoundError as exc:
            print(exc.refusals[0].code)
            sys.exit(3)
"""

KILLED = """
import datetime as dt, os, signal, sys
from criteria_engine.award import Meeting, Vote
from criteria_engine.register import decide_round, import_history, open_register, open_round, record_votes
from criteria_engine.register.store import Register
from criteria_engine.award import Award
from tests.award_support import KEY, evaluation, opened
# The step writes all its rows, then dies where it would commit.
Register._commit = lambda self: os.kill(os.getpid(), signal.SIGKILL)
path, step = sys.argv[1], sys.argv[2]
with open_register(path) as register:
    if step == "open":
        open_round(register, KEY, opened([evaluation(f"H{i}") for i in range(1, 40)]).opening)
    elif step == "votes":
        record_votes(register, KEY, Meeting(dt.date(2026, 10, 10), 30, 28, {"H1": Vote(25), "H2": Vote(5)}), correct=True)
    elif step == "decide":
        decide_round(register, KEY, dt.date(2026, 10, 22), "Chủ tịch")
    else:
        import_history(register, [Award("happy-family", 2020 + i, f"X{i}", True) for i in range(6)])
print("not killed")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def _spawn(code: str, args: Sequence[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    out = []
    try:
        for process in processes:
            stdout, stderr = process.communicate(timeout=120)
            out.append((process.returncode, stdout, stderr))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return out


def _prepared(tmp_path: Path, decided: bool = False) -> Path:
    path = tmp_path / "so.sqlite"
    with open_register(path, create=True) as register:
        fill(register, decided)
    return path


def test_two_writers_at_once_are_serialised(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    start = tmp_path / "start"
    processes = [_spawn(WRITER, [str(path), str(start), "objections"]) for _ in range(2)]
    time.sleep(0.3)
    start.touch()
    results = _finish(processes)
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    with open_register(path) as register:
        numbers = [o.number for o in round_of(register, KEY).objections]
        assert numbers == list(range(1, 302))  # the one of fill(), then 25 from each process
        assert register.check() == []


def test_two_decisions_at_once_give_exactly_one(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    start = tmp_path / "start"
    processes = [_spawn(WRITER, [str(path), str(start), "decide"]) for _ in range(2)]
    time.sleep(0.3)
    start.touch()
    results = _finish(processes)
    assert sorted(code for code, _, _ in results) == [0, 3], [err for _, _, err in results]
    assert [out.strip() for code, out, _ in results if code == 3] == ["already-decided"]
    with open_register(path) as register:
        assert register.counts()["decisions"] == 1
        assert register.check() == []


def _voted(tmp_path: Path) -> Path:
    path = tmp_path / "so.sqlite"
    round_ = opened([evaluation("H1"), evaluation("H2")])
    assert round_.opening is not None
    with open_register(path, create=True) as register:
        open_round(register, KEY, round_.opening)
        record_votes(register, KEY, Meeting(dt.date(2026, 10, 10), 30, 25, {"H1": Vote(20), "H2": Vote(20)}))
    return path


@pytest.mark.parametrize("step", ["open", "votes", "decide", "import"])
def test_a_step_killed_half_way_leaves_the_register_as_it_was(tmp_path: Path, step: str) -> None:
    path = _voted(tmp_path) if step in ("open", "votes") else _prepared(tmp_path)
    with open_register(path) as register:
        before = dump(register)
    [(code, out, err)] = _finish([_spawn(KILLED, [str(path), step])])
    assert code == -9 and "not killed" not in out, err
    with open_register(path) as register:
        assert dump(register) == before
        assert register.check() == []
        # no lock or half-written page is left behind: the next step goes through
        post_list(register, KEY, dt.date(2026, 10, 12)) if step in ("open", "votes") else None
        decision = decide_round(register, KEY, dt.date(2026, 10, 22), "Chủ tịch")
        assert [e.candidate for e in decision.entries if e.title] == (
            ["H1", "H2"] if step in ("open", "votes") else ["H1"]
        )
