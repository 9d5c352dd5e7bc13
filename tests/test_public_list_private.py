"""The public list never shows a private input: not its name, its label, its column, nor a
value read from it, nor a sentence that reads it.

The test reads the set's inputs: every input marked ``private: true`` (and every field of a
private list) is looked for in the posted page. happy-family is copied with its personal
inputs marked private (income, deprivations, violence, insurance, the members' sanctions), and
the list is asked to keep the income column as well: it must still not appear.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from criteria_engine import load_revision
from criteria_engine.format.models import CriteriaSet, InputSpec
from criteria_engine.io.columns import fold
from criteria_engine.render.document import DocumentInfo
from criteria_engine.render.public_list import PublicEntry, private_names, public_columns, public_list_html

from .test_cli_support import CASES, PERSONS, run

ROOT = Path(__file__).resolve().parent.parent
FAMILY = ROOT / "criteria_sets" / "happy-family"
PRIVATE = ("income_per_capita", "deprivations", "dv_incidents", "insured_members", "persons")


def _marked_copy(folder: Path) -> Path:
    """happy-family@2026.2 with its personal inputs marked private (a text edit of the file)."""
    target = folder / "sets" / "happy-family"
    target.mkdir(parents=True)
    text = (FAMILY / "2026.2.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^ +private: true\n", "", text)  # the shipped marks, then ours: one each
    for name in PRIVATE:
        text, count = re.subn(rf"(?m)^  {name}:\n", f"  {name}:\n    private: true\n", text, count=1)
        assert count == 1, name
    # The whole persons list is private here, so the round may not name households by it.
    text = text.replace("  name: persons.full_name\n", "")
    (target / "2026.2.yaml").write_text(text, encoding="utf-8")
    return folder / "sets"


def _private_inputs(model: CriteriaSet) -> dict[str, InputSpec]:
    found: dict[str, InputSpec] = {}
    for name, spec in model.inputs.items():
        if spec.private:
            found[name] = spec
        for field, item in (spec.items or {}).items():
            if spec.private or item.private:
                found[f"{name}.{field}"] = item
    return found


def _visible(page: str) -> str:
    body = re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _raw_values(column: str) -> set[str]:
    with (CASES / "households.csv").open(encoding="utf-8-sig") as stream:
        return {row[column] for row in csv.DictReader(stream, delimiter=";") if row[column]}


def test_the_public_list_shows_no_private_input(tmp_path: Path) -> None:
    sets = _marked_copy(tmp_path)
    model = load_revision(sets / "happy-family" / "2026.2.yaml").model
    private = _private_inputs(model)
    assert set(PRIVATE) <= set(private) and "persons.sanction_order_dv" in private
    income_header = "Thu nhập bình quân đầu người (đồng/tháng)"
    page = tmp_path / "list.html"
    done = run(
        "report", "happy-family@2026.2", CASES / "households.csv", "--persons", PERSONS, "--sets", sets,
        "--audience", "public", "--keep", "Chủ hộ", "--keep", income_header, "-o", page,
    )  # fmt: skip
    assert done.code == 0, done.err
    shown = page.read_text(encoding="utf-8")
    text = _visible(shown)
    assert "Giàng A Sử" in text and "Gia đình hạnh phúc tiêu biểu" in text  # names and outcomes are there
    for dotted, spec in private.items():
        name = dotted.rpartition(".")[2]
        assert name not in shown, dotted
        for label in spec.label.values():
            assert label not in text, (dotted, label)
    for value in _raw_values(income_header):  # "2.600.000" as read, and as it would be written
        assert value not in text
    assert "2.600.000" not in text and "2600000" not in shown
    assert "điểm" not in text  # no score, no sentence about any criterion


def test_private_columns_are_dropped_by_name_label_or_alias() -> None:
    model = load_revision(FAMILY / "2026.2.yaml").model
    marked = model.model_copy(
        update={"inputs": {**model.inputs, "area": model.inputs["area"].model_copy(update={"private": True})}}
    )
    hidden = private_names(marked)
    assert {"area", "khu vuc", "khu_vuc".replace("_", " ")} <= hidden
    kept = public_columns(marked, ["Chủ hộ", "Khu vực", "khu_vuc", "AREA"])
    assert kept == ("Chủ hộ",)
    assert public_columns(model, ["Chủ hộ", "Khu vực"]) == ("Chủ hộ", "Khu vực")  # nothing private


def test_the_public_list_renderer_takes_plain_entries() -> None:
    entries = [PublicEntry("H01", "Giàng A Sử", "V01", "Gia đình hạnh phúc")]
    info = DocumentInfo("UBND xã Bản Xèo", "Bản Xèo")
    page = public_list_html(
        entries, title="Gia đình hạnh phúc", lang="vi", info=info, assessed=3, name_heading="Chủ hộ",
        group_heading="Thôn",
    )  # fmt: skip
    text = _visible(page)
    assert "H01 Giàng A Sử V01 Gia đình hạnh phúc" in text
    assert "Đã đánh giá 3 hộ; đề nghị công nhận 1 hộ." in text
    empty = _visible(public_list_html([], title="Gia đình hạnh phúc", lang="vi", info=info, assessed=2))
    assert "Chưa có hộ nào đủ điều kiện đề nghị công nhận." in empty


@pytest.mark.parametrize(
    ("set_id", "table"),
    [("happy-family", "household"), ("happy-school", "school")],  # villages pass only with their roll-ups
)
def test_shipped_sets_keep_every_column_but_their_private_ones(
    set_id: str, table: str, tmp_path: Path
) -> None:
    # Asked to keep every column of the example data, the list keeps them all except the
    # inputs the shipped set marks private (whatever the set marks, now or later).
    data = ROOT / "examples" / "data" / "commune" / f"{table}.csv"
    with data.open(encoding="utf-8") as stream:
        headers = next(csv.reader(stream))[1:]  # the id is always shown
    model = load_revision(sorted((ROOT / "criteria_sets" / set_id).glob("20*[0-9].yaml"))[-1]).model
    hidden = private_names(model)
    page = tmp_path / "list.html"
    keep = [arg for header in headers for arg in ("--keep", header)]
    persons = (
        ["--persons", ROOT / "examples" / "data" / "commune" / "person.csv"] if table == "household" else []
    )
    done = run(
        "report", set_id, data, *persons, "--as-of", "2026-12-01", "--audience", "public", *keep, "-o", page
    )
    assert done.code == 0, done.err
    heading = _visible(page.read_text(encoding="utf-8")).split("Kết quả", 1)[0]
    for header in headers:
        if fold(header) in hidden:
            assert header not in heading, header
        else:
            assert header in heading, header
