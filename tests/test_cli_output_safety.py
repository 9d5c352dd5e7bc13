"""``-o`` never replaces what it should not: the input (by any name), a folder, a device, a pipe;
a symbolic link is written through (its target replaced, the link kept). Refusals come before
any work, exit 2, and leave every file as it was."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from criteria_engine.cli import main
from criteria_engine.cli.common import Streams
from criteria_engine.errors import OutputError
from criteria_engine.render.output import output_target

ROOT = Path(__file__).resolve().parent.parent
HOUSEHOLDS = ROOT / "examples" / "data" / "commune" / "household.csv"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "h.csv"
    shutil.copy(HOUSEHOLDS, copy)
    return copy


def refused(argv: list[str], code: str, data: Path) -> str:
    before = {p: p.read_bytes() for p in data.parent.iterdir() if p.is_file() and not p.is_symlink()}
    status, out, err = run(*argv)
    assert status == 2 and out == ""
    assert f"lỗi[{code}]" in err, err
    after = {p: p.read_bytes() for p in data.parent.iterdir() if p.is_file() and not p.is_symlink()}
    assert after == before and not list(data.parent.glob("*.part"))
    return err


def test_the_input_itself_is_refused(data: Path) -> None:
    err = refused(["evaluate", "happy-family", str(data), "-o", str(data)], "output-is-input", data)
    assert (
        err
        == f"{data}: lỗi[output-is-input]: không ghi được '{data}': đây là tệp đầu vào {data}, kết quả sẽ ghi đè lên nó\n"
    )
    status, _out, english = run("evaluate", "happy-family", str(data), "-o", str(data), "--lang", "en")
    assert status == 2
    assert (
        english
        == f"{data}: error[output-is-input]: cannot write '{data}': it is the input {data}, which the output would replace\n"
    )


def test_the_input_by_another_name_is_refused(data: Path) -> None:
    (data.parent / "hard.csv").hardlink_to(data)
    (data.parent / "soft.csv").symlink_to(data)
    for name in ("hard.csv", "soft.csv"):
        refused(
            ["evaluate", "happy-family", str(data), "-o", str(data.parent / name)], "output-is-input", data
        )


def test_a_members_file_and_a_dataset_table_are_inputs_too(data: Path, tmp_path: Path) -> None:
    persons = tmp_path / "p.csv"
    shutil.copy(HOUSEHOLDS.with_name("person.csv"), persons)
    argv = ["evaluate", "happy-family", str(data), "--persons", str(persons), "-o", str(persons)]
    refused(argv, "output-is-input", data)
    dataset = tmp_path / "commune"
    shutil.copytree(HOUSEHOLDS.parent, dataset)
    target = dataset / "village.csv"
    before = target.read_bytes()
    status, _out, err = run("evaluate", "happy-commune", str(dataset), "-o", str(target))
    assert status == 2 and "output-is-input" in err and target.read_bytes() == before


def test_folders_devices_and_pipes_are_refused(data: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(tmp_path), os.devnull, str(fifo)):
        refused(["evaluate", "happy-family", str(data), "-o", target], "output-not-a-file", data)
    assert fifo.exists() and Path(os.devnull).is_char_device()


def test_a_link_is_written_through_and_kept(data: Path, tmp_path: Path) -> None:
    link = tmp_path / "ket-qua.csv"
    link.symlink_to("real.csv")  # dangling until the output is written
    persons = str(HOUSEHOLDS.with_name("person.csv"))
    status, _out, err = run(
        "evaluate", "happy-family", str(data), "--persons", persons, "-o", str(link), "--detail", "verdicts"
    )
    assert status == 0, err
    assert link.is_symlink() and os.readlink(link) == "real.csv"
    assert (tmp_path / "real.csv").read_text(encoding="utf-8").startswith("\ufeffDòng") or (
        tmp_path / "real.csv"
    ).stat().st_size > 1000


def test_the_library_checks_the_same(data: Path, tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        output_target(tmp_path, [data])
    assert [d.code for d in caught.value.diagnostics] == ["output-not-a-file"]
    assert output_target(tmp_path / "new.csv", [data]) == (tmp_path / "new.csv").resolve()
