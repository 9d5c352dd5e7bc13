"""Outputs of ``criteria evaluate``: golden table/CSV/Markdown, Excel, ranking, safe files,
``--jobs``, and real subprocesses (``python -m criteria_engine``)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from criteria_engine.cli import chunks, pipeline
from criteria_engine.render.summary import Item, assign_ranks
from criteria_engine.results import Provenance, Result

from .test_cli_support import CASES, HOUSEHOLDS, NO_PERSONS, PERSONS, SET, check_golden, evaluate


def test_golden_table() -> None:
    result = evaluate()
    assert result.code == 0
    assert "\x1b[" not in result.out
    check_golden("evaluate_table.txt", result.out)


def test_golden_table_english_ranked() -> None:
    check_golden("evaluate_table_en_rank.txt", evaluate("--lang", "en", "--rank").out)


def test_golden_csv() -> None:
    result = evaluate("--format", "csv")
    check_golden("evaluate.csv", result.out)
    lines = result.out.splitlines()
    assert lines[0].startswith("Dòng,Mã,Kết quả,Điểm")
    assert lines[9] == "" and lines[10] == "Tổng hợp"


def test_golden_markdown() -> None:
    check_golden("evaluate.md", evaluate("--format", "md").out)


def test_csv_file_has_a_bom_for_excel(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = evaluate("-o", target)
    assert result.code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Tổng cộng 8 hộ" in result.err and str(target) in result.err


def test_excel_output_has_rows_verdicts_and_a_summary_sheet(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    result = evaluate("-o", target, "--rank")
    assert result.code == 0, result.err
    book = load_workbook(target)
    results, problems, summary = book.worksheets
    assert problems.title == "Vấn đề dữ liệu"
    listed = list(problems.iter_rows(values_only=True))
    assert listed[0] == ("Dòng", "Mã", "Cột", "Giá trị", "Vấn đề", "Cách sửa", "Mã lỗi")
    invalid = [row for row in listed[1:] if row[6] == "data-bad-value"]
    assert [(r[0], r[1], r[2], r[3]) for r in invalid] == [(6, "H05", "Số nhân khẩu", "bốn")]
    assert invalid[0][4] == "'bốn' không phải số nguyên"
    assert invalid[0][5].startswith("ghi số nguyên, ví dụ 2")
    rows = list(results.iter_rows(values_only=True))
    assert rows[0][:3] == ("Dòng", "Hạng", "Mã")
    assert "K7" in rows[0] and len(rows) == 9
    k7 = rows[0].index("K7")
    by_id = {row[2]: row for row in rows[1:]}
    assert by_id["H06"][k7] == "chưa đạt"
    assert by_id["H01"][3] == "Đạt" and by_id["H01"][4] == 100
    assert results.auto_filter.ref.startswith("A1:")
    cells = [tuple(r) for r in summary.iter_rows(values_only=True)]
    assert ("Đạt", 4) in cells and ("Dữ liệu không hợp lệ", 1) in cells


def test_excel_needs_an_output_file() -> None:
    result = evaluate("--format", "xlsx")
    assert result.code == 2
    assert "criteria: lỗi: --format xlsx ghi ra tệp: thêm -o TỆP" in result.err
    english = evaluate("--format", "xlsx", "--lang", "en")
    assert "criteria: error: --format xlsx writes a file: add -o FILE" in english.err


def test_format_from_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    evaluate("-o", target)
    assert json.loads(target.read_text(encoding="utf-8").splitlines()[-1])["summary"]["total"] == 8
    assert evaluate("-o", tmp_path / "out.txt").code == 2


def _item(row: int, score: float | None) -> Item:
    status = "invalid" if score is None else "passed"
    result = Result(f"C{row}", status, score, 100, None, (), Provenance("s", "1", "d"))  # type: ignore[arg-type]
    return Item(row, result)


def test_ranks_share_ties() -> None:
    ranked = assign_ranks([_item(1, 80), _item(2, 95), _item(3, None), _item(4, 80), _item(5, 70)])
    assert [(i.row, i.rank) for i in ranked] == [(2, 1), (1, 2), (4, 2), (5, 4), (3, None)]


def test_rank_in_output() -> None:
    lines = [json.loads(line) for line in evaluate("--format", "jsonl", "--rank").out.splitlines()[:-1]]
    # Status first: the failed H06 (100/100) comes after every passed and undetermined one;
    # among the passed, the "Outstanding" band first, then the share of applicable points.
    assert [(i["id"], i["rank"]) for i in lines] == [
        ("H07", 1), ("H01", 2), ("H03", 3), ("H08", 4), ("H04", 5), ("H06", 6), ("H02", 7), ("H05", None),
    ]  # fmt: skip


def test_failed_run_leaves_the_old_output_in_place(tmp_path: Path) -> None:
    target = tmp_path / "results.jsonl"
    target.write_text("the good old results\n", encoding="utf-8")
    header_only = tmp_path / "h.csv"
    header_only.write_text("Mã hộ,Số nhân khẩu\n", encoding="utf-8")
    result = evaluate("-o", target, data=header_only, persons=None)
    assert result.code == 1
    assert target.read_text(encoding="utf-8") == "the good old results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.csv", "results.jsonl"]


def test_ctrl_c_leaves_no_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "results.csv"
    target.write_text("the good old results\n", encoding="utf-8")
    real = pipeline.evaluate_unit
    calls = {"n": 0}

    def interrupted(job: pipeline.Job, unit: object) -> Item:
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(job, unit)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "evaluate_unit", interrupted)  # rows read here, sent to no worker
    monkeypatch.setattr(chunks, "evaluate_unit", interrupted)  # a file read by byte ranges
    result = evaluate("-o", target)
    assert result.code == 130
    assert "criteria: đã dừng giữa chừng; không tệp kết quả nào bị thay đổi" in result.err
    assert target.read_text(encoding="utf-8") == "the good old results\n"
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv"]


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    header = HOUSEHOLDS.read_text(encoding="utf-8-sig").splitlines()
    rows = header[1:]
    many = tmp_path / "many.csv"
    lines = [header[0]]
    for n in range(150):
        for line in rows:
            cells = line.split(";")
            cells[0] = f"{cells[0]}-{n}"
            lines.append(";".join(cells))
    many.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = evaluate("--format", "jsonl", "--detail", "verdicts", data=many, persons=NO_PERSONS)
    old = pipeline.CHUNK_ROWS
    pipeline.CHUNK_ROWS = 97
    try:
        two = evaluate(
            "--format", "jsonl", "--detail", "verdicts", "--jobs", "2", data=many, persons=NO_PERSONS
        )
    finally:
        pipeline.CHUNK_ROWS = old
    assert two.code == 0, two.err
    assert len(one.out.splitlines()) == 1201
    assert two.out == one.out


def _cli(
    *args: object, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "criteria_engine", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def test_subprocess_evaluate_and_exit_codes() -> None:
    ok = _cli("evaluate", SET, HOUSEHOLDS, "--persons", PERSONS, "--format", "md")
    assert ok.returncode == 0, ok.stderr
    assert "| 2 | H01 | Đạt | 100/100 |" in ok.stdout
    usage = _cli("evaluate")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    unusable = _cli("evaluate", SET, CASES / "nothing.csv")
    assert unusable.returncode == 1 and "lỗi[data-unreadable]" in unusable.stderr
    assert "Traceback" not in unusable.stderr


def test_subprocess_reads_jsonl_from_stdin() -> None:
    record = {"id": "S1", "area": "rural", "members": 4}
    done = _cli("evaluate", SET, "-", "--format", "jsonl", stdin=json.dumps(record) + "\n")
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout.splitlines()[0])
    assert first["id"] == "S1" and first["status"] == "undetermined"


def test_subprocess_report_and_jobs(tmp_path: Path) -> None:
    report = _cli(
        "report",
        SET,
        CASES / "households.xlsx",
        "--persons",
        PERSONS,
        "-o",
        tmp_path / "r.html",
        "--lang",
        "en",
    )
    assert report.returncode == 0, report.stderr
    assert "Score sheet" in (tmp_path / "r.html").read_text(encoding="utf-8")
    jobs = _cli("evaluate", SET, HOUSEHOLDS, "--persons", PERSONS, "--format", "jsonl", "--jobs", "2")
    assert jobs.returncode == 0, jobs.stderr
    assert [json.loads(x).get("id") for x in jobs.stdout.splitlines()[:-1]] == [f"H0{i}" for i in range(1, 9)]


def test_no_progress_bar_when_not_a_terminal() -> None:
    result = evaluate("--format", "jsonl")
    assert "rows" not in result.err and "\r" not in result.err


def test_fast_json_is_exactly_json_dumps() -> None:
    from criteria_engine.render.writers import Context, FastJson, item_dict

    full = evaluate("--format", "jsonl", "--detail", "full", "--rank", "--group-by", "village_id")
    verdicts = evaluate("--format", "jsonl", "--detail", "verdicts")
    for run_ in (full, verdicts):
        for line in run_.out.splitlines()[:-1]:
            assert json.loads(line)["id"].startswith("H0")
    from criteria_engine import compile_plan, load_registry
    from criteria_engine.cli.pipeline import Job, evaluate_unit
    from criteria_engine.io.records import DataSource

    registry = load_registry()
    plan = compile_plan(registry.get(SET), registry.resolver())
    for detail in (True, False):
        context = Context(plan, "vi", ranked=True, group_field="village_id")
        writer = FastJson(context)
        source = DataSource(plan.model, str(HOUSEHOLDS), None, [f"persons={PERSONS}"], None, "village_id")
        for unit in source.units():
            item = evaluate_unit(Job(plan, None, detail), unit)
            expected = json.dumps(item_dict(item, context), ensure_ascii=False, default=str)
            assert writer.item(item) == expected
            assert writer.item(item) == expected  # from the cache


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_colour_and_progress_only_on_a_terminal() -> None:
    from criteria_engine.cli import main
    from criteria_engine.cli.common import Streams

    out, err = FakeTerminal(), FakeTerminal()
    code = main(["evaluate", SET, str(HOUSEHOLDS), "--persons", str(PERSONS)], Streams(out=out, err=err))
    assert code == 0
    assert "\x1b[" in out.getvalue()  # coloured statuses
    assert "H06" in out.getvalue()
    plain = evaluate()
    assert "\x1b[" not in plain.out and "\x1b[" not in plain.err


def test_progress_bar_shows_the_share_read_and_the_rows_on_a_terminal() -> None:
    err = FakeTerminal()
    with pipeline.Progress(err, "households.csv", "dòng") as progress:
        progress.total(1000)
        for _ in range(600):
            progress.rows(1)
        progress.at(500)
        progress._bar.refresh()
    shown = err.getvalue()
    assert "households.csv" in shown
    assert "50%" in shown and "600 dòng" in shown


def test_a_worker_that_cannot_start_is_reported_not_retried_forever() -> None:
    import datetime as dt

    from criteria_engine.cli.chunks import Recipe

    recipe = Recipe(None, SET, "sha256:not-the-digest", dt.date(2026, 11, 25), False)
    with pytest.raises(RuntimeError, match="changed on disk"):
        recipe.job()


def test_packed_results_come_back_equal() -> None:
    from multiprocessing.reduction import ForkingPickler

    from criteria_engine import compile_plan, load_registry
    from criteria_engine.cli.transport import Unpacker, pack
    from criteria_engine.io.records import DataSource

    registry = load_registry()
    plan = compile_plan(registry.get(SET), registry.resolver())
    unpack = Unpacker(plan)
    for detail in (False, True):
        job = pipeline.Job(plan, None, detail)
        for unit in DataSource(plan.model, str(HOUSEHOLDS), None, [f"persons={PERSONS}"]).units():
            item = pipeline.evaluate_unit(job, unit)
            sent = ForkingPickler.loads(bytes(ForkingPickler.dumps(pack(item))))
            back = unpack(sent)
            assert back == item
            assert back.result.plan is plan


def test_fast_json_keeps_apart_values_that_python_finds_equal() -> None:
    """The full JSON of a criterion is remembered by its values; ``0``, ``0.0`` and ``-0.0``
    (equal in Python, three texts in JSON) must each be written as they are."""
    from criteria_engine import compile_plan, load_registry
    from criteria_engine.io.catalog import examples_file, load_examples
    from criteria_engine.render.summary import Item
    from criteria_engine.render.writers import Context, FastJson, item_dict

    registry = load_registry()
    revision = registry.get(SET)
    plan = compile_plan(revision, registry.resolver())
    found = examples_file(revision)
    assert found is not None
    record = dict(load_examples(found)[0].record)
    writer = FastJson(Context(plan, "vi"))
    written = []
    for income in (0, 0.0, -0.0, 0, 2600000, 2600000.0):
        item = Item(2, plan.evaluate({**record, "income_per_capita": income}))
        expected = json.dumps(item_dict(item, writer.context), ensure_ascii=False, default=str)
        assert writer.item(item) == expected
        written.append(json.loads(expected))
    incomes = [
        c["values"]["income_per_capita"] for line in written for c in line["criteria"] if c["id"] == "B1"
    ]
    assert [repr(v) for v in incomes] == ["0", "0.0", "-0.0", "0", "2600000", "2600000.0"]


def test_a_block_of_utf8_lands_in_order_whatever_the_stream(tmp_path: Path) -> None:
    """Text from workers arrives as UTF-8 bytes: written straight to a UTF-8 file's bytes (after
    what the text layer holds), decoded for any other stream — the same characters either way."""
    from criteria_engine.render.writers import write_utf8

    block = "Hộ H1: Đạt\n".encode()
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("đầu\n")
        write_utf8(handle, block)
        handle.write("cuối\n")
    assert path.read_text(encoding="utf-8") == "đầu\nHộ H1: Đạt\ncuối\n"
    text = io.StringIO()
    text.write("đầu\n")
    write_utf8(text, block)
    assert text.getvalue() == "đầu\nHộ H1: Đạt\n"
    other = io.TextIOWrapper(io.BytesIO(), encoding="utf-16", newline="")
    write_utf8(other, block)
    other.flush()
    assert other.buffer.getvalue().decode("utf-16") == "Hộ H1: Đạt\n"  # type: ignore[attr-defined]
