"""criteria_engine.io.dataset: tables by subject, and children joined to their parents."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml

from criteria_engine.errors import DataError, Diagnostic
from criteria_engine.evaluators.streams import ChildIndex
from criteria_engine.format.models import InputSpec
from criteria_engine.io.columns import ColumnMap
from criteria_engine.io.dataset import attach_children, open_dataset
from criteria_engine.io.row_convert import convert_raw_row

DATA = Path(__file__).parent / "cases" / "data"
INPUTS = {
    k: InputSpec.model_validate(v) for k, v in yaml.safe_load((DATA / "inputs.yaml").read_text()).items()
}


def error_of(path: Path) -> Diagnostic:
    with pytest.raises(DataError) as info:
        open_dataset(path)
    return info.value.diagnostics[0]


def test_folder_dataset() -> None:
    ds = open_dataset(DATA / "dataset")
    assert ds.tables() == ["household", "person", "village"]  # README.md is not a table
    assert ds.has("household") and ds.has("Households") and not ds.has("commune")
    assert [r.values["id"] for r in ds.rows("household")] == ["H1", "H2", "H3"]
    assert [r.values["id"] for r in ds.rows("household")] == ["H1", "H2", "H3"]  # re-iterable
    assert ds.headers("person") == ["id", "household_id", "age", "insured"]
    assert [r.values["name"] for r in ds.rows("village")] == ["Bản Pho", "Lùng Phình"]
    assert "household" in repr(ds)


def test_missing_table_names_the_tables() -> None:
    ds = open_dataset(DATA / "dataset")
    with pytest.raises(DataError) as info:
        ds.rows("persn")
    diag = info.value.diagnostics[0]
    assert diag.code == "dataset-missing-table"
    assert "household, person, village" in diag.message and diag.suggestion == "did you mean 'person'?"


def test_json_document_dataset(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(json.dumps({"household": [{"id": "H1"}, 5], "village": [{"id": "V1"}], "meta": {}}))
    ds = open_dataset(path)
    assert ds.tables() == ["household", "village"]
    assert [r.values for r in ds.rows("households")] == [{"id": "H1"}, {}]
    assert [r.values for r in ds.rows("village")] == [{"id": "V1"}]
    assert ds.headers("household") == ["id"]


def test_single_files(tmp_path: Path) -> None:
    (tmp_path / "household.json").write_text('[{"id": "H1"}]')
    assert open_dataset(tmp_path / "household.json").tables() == ["household"]
    assert open_dataset(DATA / "dataset" / "person.csv").tables() == ["person"]
    wb = openpyxl.Workbook()
    wb.active.title = "household"
    wb.active.append(["id"])
    wb.active.append(["H1"])
    wb.save(tmp_path / "one.xlsx")
    assert open_dataset(tmp_path / "one.xlsx").tables() == ["one"]
    wb.create_sheet("person").append(["id", "household_id"])
    wb["person"].append(["P1", "H1"])
    wb.save(tmp_path / "two.xlsx")
    ds = open_dataset(tmp_path / "two.xlsx")
    assert ds.tables() == ["household", "person"]
    assert [r.values for r in ds.rows("person")] == [{"id": "P1", "household_id": "H1"}]


def test_dataset_errors(tmp_path: Path) -> None:
    assert error_of(tmp_path / "absent").code == "data-unreadable"
    (tmp_path / "empty").mkdir()
    assert error_of(tmp_path / "empty").code == "data-empty"
    (tmp_path / "dup").mkdir()
    (tmp_path / "dup" / "household.csv").write_text("id\nH1\n")
    (tmp_path / "dup" / "household.json").write_text("[]")
    assert error_of(tmp_path / "dup").code == "dataset-duplicate-table"
    (tmp_path / "plural").mkdir()
    (tmp_path / "plural" / "household.csv").write_text("id\nH1\n")
    (tmp_path / "plural" / "Households.csv").write_text("id\nH2\n")
    error = error_of(tmp_path / "plural")
    assert error.code == "dataset-duplicate-table"
    assert error.message.startswith("two files for table 'household': Households.csv and household.csv")
    (tmp_path / "nolist.json").write_text('{"a": 1}')
    assert error_of(tmp_path / "nolist.json").code == "data-not-list"
    (tmp_path / "scalar.json").write_text("7")
    assert error_of(tmp_path / "scalar.json").code == "data-not-list"


def test_households_with_their_persons_from_a_second_table() -> None:
    ds = open_dataset(DATA / "dataset")
    person_inputs = INPUTS["persons"].items
    assert person_inputs is not None
    pmap, _ = ColumnMap.build(ds.headers("person"), person_inputs, links=["household_id"])
    persons = (convert_raw_row(r, pmap, person_inputs)[0] for r in ds.rows("person"))
    hmap, _ = ColumnMap.build(ds.headers("household"), INPUTS)
    households = (convert_raw_row(r, hmap, INPUTS)[0] for r in ds.rows("household"))
    problems: list[Diagnostic] = []
    out = list(attach_children(households, persons, "household_id", "persons", problems=problems))
    assert [(h["id"], [p["id"] for p in h["persons"]]) for h in out] == [  # type: ignore[attr-defined]
        ("H1", ["P1", "P2"]),
        ("H2", ["P3"]),
        ("H3", []),
    ]
    assert out[0]["persons"] == [
        {"id": "P1", "household_id": "H1", "age": 40, "insured": True},
        {"id": "P2", "household_id": "H1", "age": 12, "insured": False},
    ]
    assert [p.code for p in problems] == ["data-orphan-rows", "data-missing-link"]
    assert "'H9'" in problems[0].message and "1 persons row(s)" in problems[1].message


def test_attach_children_edge_cases() -> None:
    parents = [{"id": 12.0}, {"id": "13", "persons": ["kept"]}, {"name": "no id"}]
    children = [{"household_id": "12", "n": 1}, {"household_id": 12, "n": 2}, {"household_id": 13.0, "n": 3}]
    out = list(attach_children(parents, children, "household_id", "persons"))
    assert [c["n"] for c in out[0]["persons"]] == [1, 2]  # type: ignore[attr-defined]
    assert out[1]["persons"] == ["kept"] and "persons" not in out[2]
    index = ChildIndex(children, "household_id")
    assert index.take(None) == [] and index.orphans() == {"12": 2, "13": 1}
