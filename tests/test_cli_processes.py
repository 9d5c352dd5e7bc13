"""Worker processes never outlive the command: killed, interrupted (Ctrl-C) or terminated, a
``--jobs`` run leaves no process behind, no half-written output, and no traceback.

Each test starts ``python -m criteria_engine evaluate ... --jobs 2`` in a session of its own,
waits until its workers are running and its output is being written, then ends it the way a
user or a system would, and counts the processes left in the session (a process already ended
but not yet collected by the system, a zombie, is not running: it is not counted). Every
process a test starts is waited for.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from criteria_engine.cli.workers import CPUS_VARIABLE

SETS = Path(__file__).parent / "cases" / "hostile" / "sets"
ROWS = 150_000


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, process group) of a process, None when there is none."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[2])


def _live(field: int, value: int) -> list[int]:
    """The running processes (zombies left out) whose stat ``field`` (1: parent, 2: process
    group) is ``value``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None and stat[field] == value and stat[0] != "Z":
                found.append(int(entry))
    return found


def _running(group: int) -> list[int]:
    """The processes of a process group that are running."""
    return _live(2, group)


def _children(parent: int) -> list[int]:
    return _live(1, parent)


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "households.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,members,area,income\n")
        for n in range(ROWS):
            handle.write(f"H{n},{n % 7 + 1},{'rural' if n % 3 else 'urban'},{1_000_000 + n % 9 * 250_000}\n")
    return path


def _start(data: Path, output: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", **{CPUS_VARIABLE: "2"})
    command = [sys.executable, "-m", "criteria_engine", "evaluate", "hostile-minimal", str(data)]
    command += ["--sets", str(SETS), "--format", "jsonl", "--jobs", "2", "-o", str(output)]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )


def _busy(process: subprocess.Popen[str], folder: Path) -> None:
    """Wait until both workers run and the output's temporary file exists."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the run ended before it could be stopped: {process.communicate()}")
        if len(_children(process.pid)) >= 2 and any(p.suffix == ".part" for p in folder.iterdir()):
            return
        time.sleep(0.05)
    pytest.fail("the workers did not start")


def _gone(group: int) -> list[int]:
    """The processes of ``group`` still running after up to 10 seconds."""
    deadline = time.monotonic() + 10
    while _running(group) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _running(group)


def _reap(process: subprocess.Popen[str]) -> tuple[str, str]:
    try:
        return process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_killed_run_leaves_no_worker_behind(big_csv: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    process = _start(big_csv, output)
    try:
        _busy(process, tmp_path)
        workers = _children(process.pid)
        assert len(workers) == 2
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert _gone(process.pid) == []  # the group (the session's first process's id) is empty
        assert all(_stat(w) is None or _stat(w)[0] == "Z" for w in workers)  # type: ignore[index]
    finally:
        _reap(process)
    assert not output.exists()


@pytest.mark.parametrize(
    ("how", "code", "line"),
    [
        # said in the set's language (Vietnamese): what the official at the terminal reads
        (signal.SIGINT, 130, "criteria: đã dừng giữa chừng; không tệp kết quả nào bị thay đổi"),
        (signal.SIGTERM, 143, "criteria: đã bị yêu cầu dừng; không tệp kết quả nào bị thay đổi"),
    ],
)
def test_an_interrupted_run_ends_cleanly(
    big_csv: Path, tmp_path: Path, how: signal.Signals, code: int, line: str
) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("the old results\n", encoding="utf-8")
    process = _start(big_csv, output)
    try:
        _busy(process, tmp_path)
        if how == signal.SIGINT:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
        else:
            os.kill(process.pid, signal.SIGTERM)  # a system stopping the command
        out, err = _reap(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == code
    assert err == line + "\n"  # one line: no traceback from the command or its workers
    assert out == ""
    assert _gone(process.pid) == []
    assert output.read_text(encoding="utf-8") == "the old results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no .part left


def test_a_run_that_ends_normally_leaves_no_worker(big_csv: Path, tmp_path: Path) -> None:
    head = tmp_path / "head.csv"
    head.write_text(
        "".join(big_csv.read_text(encoding="utf-8").splitlines(keepends=True)[:2001]), encoding="utf-8"
    )
    process = _start(head, tmp_path / "out.jsonl")
    _out, err = _reap(process)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert _gone(process.pid) == []
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2001
