"""``criteria evaluate --jobs N``: the same bytes whatever N, on files that break every rule of
a tidy table (a BOM, quoted line breaks, stray quotes, short and long rows, repeated ids, totals
rows, JSON records with new keys), byte ranges read apart and put together again; and the
ranges' reading itself checked against the whole file's on generated files."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_engine.cli import pipeline
from criteria_engine.io.ranges import Layout, Range, RangeRows, csv_layout, ranges, split_points
from criteria_engine.io.readers import find_header, iter_rows

from .test_cli_support import run

SETS = Path(__file__).parent / "cases" / "hostile" / "sets"
SET = "hostile-minimal"


def _messy_csv(path: Path, rows: int, seed: int, crlf: bool = False) -> Path:
    """A CSV of ``rows`` households with every kind of trouble, deterministic for ``seed``."""
    rng = random.Random(seed)
    lines = ["\ufeffMã hộ,members,area,income,ghi chú"]
    for n in range(1, rows + 1):
        kind = rng.random()
        income = rng.choice(["1.500.000", "2.000.000", "900.000", "", "nhiều"])
        area = rng.choice(["rural", "urban", "Nông thôn", "", "city"])
        if kind < 0.06:
            lines.append(f'H{n},3,{area},{income},"dòng một\ndòng hai, ""trích"""')  # a cell over lines
        elif kind < 0.09:
            lines.append(f'H{n},"4,{area},{income},x')  # a quote never closed
        elif kind < 0.11:
            lines.append(f'H{n},"2,{area},{income},x')  # a quote closed three lines down
            lines.append(f"H{n}b,2,rural,1.800.000,y")
            lines.append(f'H{n}c,2,rural,1.800.000,z"')
        elif kind < 0.13:
            lines.append(f"H{n};3;{area};{income};x")  # the wrong delimiter
        elif kind < 0.15:
            lines.append(f"H{n},3")  # cut short
        elif kind < 0.17:
            lines.append(f"H{n},3,rural,2.000.000,x,extra")
        elif kind < 0.20:
            lines.append(f"H{rng.randint(1, max(1, n - 1))},2,rural,2.000.000,")  # an id used before
        elif kind < 0.21:
            lines.append("Tổng cộng,,,,")
        elif kind < 0.23:
            lines.append("")
        else:
            lines.append(f"H{n},{rng.randint(0, 9)},{area},{income},")
    end = "\r\n" if crlf else "\n"
    path.write_text(end.join(lines) + end, encoding="utf-8", newline="")
    return path


def _messy_jsonl(path: Path, rows: int, seed: int) -> Path:
    """JSONL whose records bring new keys now and then, with broken lines between."""
    rng = random.Random(seed)
    out = []
    for n in range(1, rows + 1):
        record: dict[str, object] = {"id": f"H{n}", "members": rng.randint(0, 6)}
        if rng.random() < 0.8:
            record["income"] = rng.choice([900000, 2000000, "1.500.000", "nhiều"])
        if n > 20 and rng.random() < 0.5:
            record["area"] = rng.choice(["rural", "urban", "Thành thị"])
        if n > 40 and rng.random() < 0.3:
            record[rng.choice(["ghi chú", "village_id", "khu vực"])] = "x"
        line = json.dumps(record, ensure_ascii=False)
        if rng.random() < 0.05:
            line = line[:-3]  # cut: not valid JSON
        out.append(line)
        if rng.random() < 0.05:
            out.append("")
    path.write_text("\ufeff" + "\n".join(out) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranges of a few rows, so a small file is cut in many places (and as many workers as
    asked for, whatever the machine)."""
    from criteria_engine.cli import cmd_evaluate

    monkeypatch.setattr(pipeline, "MIN_RANGE_BYTES", 64)
    monkeypatch.setattr(pipeline, "RANGE_ROWS", 3)
    monkeypatch.setattr(cmd_evaluate, "cpu_count", lambda: 4)


def _evaluate(data: Path, *options: object) -> tuple[int, str, str]:
    done = run("evaluate", SET, data, "--sets", SETS, *options)
    assert "Traceback" not in done.err
    return done.code, done.out, done.err


@pytest.mark.parametrize("crlf", [False, True])
@pytest.mark.usefixtures("small_ranges")
def test_jobs_write_the_same_bytes_on_a_messy_csv(tmp_path: Path, crlf: bool) -> None:
    data = _messy_csv(tmp_path / "messy.csv", 120, seed=5 + crlf, crlf=crlf)
    for options in (
        ("--format", "jsonl", "--detail", "verdicts"),
        ("--format", "jsonl", "--detail", "full", "--group-by", "area"),
        ("--format", "csv", "--keep", "ghi chú"),
        ("--format", "md", "--rank"),
    ):
        alone = _evaluate(data, *options, "--jobs", "1")
        lines = [line for line in alone[1].splitlines() if line.strip()]
        assert len(lines) > 100
        for jobs in ("2", "3"):
            assert _evaluate(data, *options, "--jobs", jobs) == alone, (options, jobs)


@pytest.mark.usefixtures("small_ranges")
def test_jobs_write_the_same_bytes_on_jsonl_whose_records_bring_new_keys(tmp_path: Path) -> None:
    data = _messy_jsonl(tmp_path / "messy.jsonl", 150, seed=11)
    alone = _evaluate(data, "--format", "jsonl", "--jobs", "1")
    assert "data-unknown-column" in alone[2]  # the keys met on the way are reported once each
    assert _evaluate(data, "--format", "jsonl", "--jobs", "2") == alone
    assert _evaluate(data, "--format", "json", "--detail", "verdicts", "--jobs", "3") == _evaluate(
        data, "--format", "json", "--detail", "verdicts", "--jobs", "1"
    )


@pytest.mark.usefixtures("small_ranges")
def test_the_row_accounting_is_the_same_with_jobs(tmp_path: Path) -> None:
    data = _messy_csv(tmp_path / "messy.csv", 90, seed=3)
    code, out, err = _evaluate(data, "--format", "jsonl", "--detail", "verdicts", "--jobs", "2")
    results = [json.loads(line) for line in out.splitlines()[:-1]]
    counted = next(line for line in err.splitlines() if line.startswith("Số dòng đọc được"))
    totals = sum(1 for line in data.read_text(encoding="utf-8").splitlines() if line.startswith("Tổng cộng"))
    assert (
        counted
        == f"Số dòng đọc được: {len(results) + totals} = {len(results)} kết quả + {totals} dòng bỏ qua (dòng tổng cộng)"
    )
    repeated = [r for r in results if any(e["code"] == "data-duplicate-id" for e in r["errors"])]
    assert repeated and all(r["status"] == "invalid" for r in repeated)
    assert code in (0, 1)


def test_jobs_above_the_cpus_are_lowered_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from criteria_engine.cli import cmd_evaluate

    monkeypatch.setattr(cmd_evaluate, "cpu_count", lambda: 2)
    data = _messy_csv(tmp_path / "h.csv", 10, seed=1)
    _code, out, err = _evaluate(data, "--format", "jsonl", "--jobs", "7")
    assert err.splitlines()[0] == "criteria: --jobs 7 giảm còn 2: máy này có 2 CPU"
    assert _evaluate(data, "--format", "jsonl", "--jobs", "1")[1] == out
    english = _evaluate(data, "--format", "jsonl", "--jobs", "7", "--lang", "en")[2]
    assert english.splitlines()[0] == "criteria: --jobs 7 lowered to 2: this computer has 2 CPU(s)"


def test_a_worker_that_cannot_start_says_why() -> None:
    import datetime as dt

    from criteria_engine.cli.chunks import Recipe, Setup
    from criteria_engine.cli.workers import WorkerFailure, Workers
    from criteria_engine.render import Context

    recipe = Recipe(None, "happy-family@2026.2", "sha256:not-the-digest", dt.date(2026, 1, 1), False)
    with Workers(2) as workers:
        assert len(workers) == 2
        workers.start(Setup(recipe, "jsonl", Context(None, "vi"), Layout("x.csv", "csv")))  # type: ignore[arg-type]
        with pytest.raises(
            WorkerFailure, match=r"the worker could not start: happy-family@2026\.2 changed on disk"
        ):
            list(workers.run([[], []]))


# --- the ranges' reading against the whole file's ------------------------------------------------


def _read_by_ranges(path: Path, kind: str, size: int) -> list[object]:
    """The file's rows read range by range, a range that began inside a record read again
    from the start of the one before (as the pipeline does)."""
    if kind == "jsonl":
        layout, points = Layout(str(path), kind), split_points(str(path), size, cr=False)
    else:
        line = find_header(path).line
        layout, points = (
            csv_layout(str(path), kind, line),
            split_points(str(path), size, cr=True, after_line=line),
        )
    parts = ranges(points)
    rows: list[object] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        reader = RangeRows(layout, part)
        rows += list(reader)
        if index + 1 < len(parts) and reader.stopped_at != parts[index + 1].line:
            if reader.stopped_at is None:
                break
            following = parts[index + 2] if index + 2 < len(parts) else None
            parts[index + 1] = Range(
                part.start,
                part.line,
                following.start if following else None,
                following.line if following else None,
                reader.stopped_at,
            )
        index += 1
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), size=st.integers(20, 400), crlf=st.booleans())
def test_ranges_read_what_the_whole_file_reads(tmp_path: Path, seed: int, size: int, crlf: bool) -> None:
    path = _messy_csv(tmp_path / f"r{seed}.csv", 40, seed, crlf)
    whole = list(iter_rows(path, header=find_header(path).line))
    assert _read_by_ranges(path, "csv", size) == whole


def test_jsonl_ranges_read_what_the_whole_file_reads(tmp_path: Path) -> None:
    path = _messy_jsonl(tmp_path / "r.jsonl", 80, seed=2)
    whole = list(iter_rows(path))
    for size in (30, 200, 1000):
        assert _read_by_ranges(path, "jsonl", size) == whole


def test_split_points_count_lines_as_the_readers_do(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_bytes(b"a,b\r\n1,2\r3,4\n5,6\r\n7,8\n9,10\n")  # CRLF, a lone CR, LF
    points = split_points(str(path), 1, cr=True)
    assert points == [(5, 2), (13, 4), (18, 5), (22, 6)]  # after each \n: the next line's number
    assert split_points(str(path), 1, cr=False) == [(5, 2), (13, 3), (18, 4), (22, 5)]
