"""Datasets evaluated bottom-up: levels, members, streaming, broken datasets and properties.

Small sets written here (mini-family, mini-village, mini-commune) keep the datasets tiny;
the example commune dataset is evaluated with the shipped sets.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_engine import DatasetEvaluation, evaluate_dataset
from criteria_engine.evaluators.streams import ChildStream
from criteria_engine.format.models import CriteriaSet
from criteria_engine.format.registry import Registry, Revision
from criteria_engine.io.catalog import load_registry
from criteria_engine.io.dataset import Dataset, open_dataset
from criteria_engine.io.dataset_tables import DatasetTables
from criteria_engine.results import Result

EXAMPLE = Path(__file__).parent.parent / "examples" / "data" / "commune"
AS_OF = dt.date(2026, 12, 1)
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _set(set_id: str, subject: str, **parts: Any) -> Revision:
    document = {
        "format": "criteria-set/1",
        "id": set_id,
        "version": "1",
        "status": "active",
        "effective_from": "2026-01-01",
        "title": {"vi": set_id, "en": set_id},
        "subject": subject,
        "languages": ["vi", "en"],
        "inputs": {},
        "decision": {"pass": {"min_score": 1}},
        **parts,
    }
    return Revision.of(CriteriaSet.model_validate(document))


def _criterion(cid: str, when: str, **more: Any) -> dict[str, Any]:
    return {"id": cid, "title": {"vi": cid, "en": cid}, "when": when, "points": 1, **more}


def _label(text: str) -> dict[str, str]:
    return {"vi": text, "en": text}


FAMILY = _set(
    "mini-family",
    "household",
    inputs={
        "ok": {"type": "boolean", "label": _label("OK")},
        "persons": {
            "type": "list",
            "label": _label("Persons"),
            "items": {"flag": {"type": "boolean", "label": _label("Flag")}},
        },
    },
    groups=[
        {
            "id": "K",
            "title": _label("K"),
            "criteria": [
                _criterion("K1", "ok", mandatory=True),
                _criterion("K2", "not any(persons, p.flag)", veto=True, points=0),
            ],
        }
    ],
)
VILLAGE = _set(
    "mini-village",
    "village",
    inputs={"reported": {"type": "number", "label": _label("Reported share"), "unit": "%"}},
    collections={
        "households": {
            "label": _label("Households"),
            "subject": "household",
            "criteria_set": "mini-family",
            "link": "village_id",
            "min_known": 1,
        }
    },
    derived={
        "pct": {
            "label": _label("Share of happy households"),
            "expr": 'reported if present(reported) else 100 * share(households, h.status == "passed")',
        }
    },
    groups=[{"id": "A", "title": _label("A"), "criteria": [_criterion("A1", "pct >= 50", mandatory=True)]}],
)
COMMUNE = _set(
    "mini-commune",
    "commune",
    collections={
        "villages": {
            "label": _label("Villages"),
            "subject": "village",
            "criteria_set": "mini-village",
            "link": "commune_id",
        }
    },
    groups=[
        {
            "id": "A",
            "title": _label("A"),
            "criteria": [_criterion("A1", 'share(villages, v.status == "passed") >= 50%')],
        }
    ],
)
MINI = Registry([FAMILY, VILLAGE, COMMUNE])


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    columns = list(dict.fromkeys(k for row in rows for k in row)) or ["id"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows([{k: "" if v is None else v for k, v in row.items()} for row in rows])


def _dataset(folder: Path, tables: dict[str, list[dict[str, Any]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        _write_csv(folder / f"{name}.csv", rows)
    return folder


def _tables(oks: list[bool | None], villages: int = 2) -> dict[str, list[dict[str, Any]]]:
    households = [{"id": f"H{i}", "village_id": f"V{i % villages}", "ok": ok} for i, ok in enumerate(oks)]
    return {
        "commune": [{"id": "C1"}],
        "village": [{"id": f"V{v}", "commune_id": "C1"} for v in range(villages)],
        "household": households,
        "person": [{"id": f"P{i}", "household_id": f"H{i}", "flag": 0} for i in range(len(oks))],
    }


def _codes(evaluation: DatasetEvaluation) -> list[str]:
    return [d.code for d in evaluation.diagnostics]


def _stable(result: Result) -> dict[str, object]:
    """A result as plain data, without the order-dependent 'first failing members'."""
    data = result.to_dict()
    for item in data["criteria"]:  # type: ignore[attr-defined]
        for aggregate in item.get("aggregates", []):
            aggregate.pop("failing")
    return data


# --- the example commune, with the shipped sets ------------------------------------------------


@pytest.fixture(scope="module")
def example() -> DatasetEvaluation:
    return evaluate_dataset(EXAMPLE, load_registry(), as_of=AS_OF)


def test_example_commune_evaluates_bottom_up_in_one_call(example: DatasetEvaluation) -> None:
    keys = list(example.levels)
    assert keys.index("happy-family") < keys.index("happy-village") < keys.index("happy-commune")
    with (EXAMPLE / "household.csv").open(encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    households = example.results("household")
    assert [r.id for r in households] == ids  # every row, in input order, invalid ones included
    assert sum(r.status == "invalid" for r in households) == 1
    by_id = {r.id: r for r in households}
    for village in example.results("village"):
        line = example.rollup("village", village.id)[0]
        mine = [by_id[i] for i in ids if i.startswith(village.id + "-")]
        assert line.detail.total == len(mine)
        assert line.detail.numerator == sum(r.status == "passed" for r in mine)
        assert line.detail.unknown == sum(r.status in ("undetermined", "invalid") for r in mine)
        assert village.criterion("A1").values["hh_happy_pct"] == pytest.approx(
            100 * line.detail.numerator / line.detail.denominator
        )
    commune = example.result("happy-commune", "C001")
    villages = example.results("village")
    line = example.rollup("happy-commune", "C001")[0]
    assert (line.detail.numerator, line.detail.total) == (
        sum(v.status == "passed" for v in villages),
        len(villages),
    )
    index = example.result("laocai-happiness-index", "C001")
    assert commune.criterion("G1").values["happiness_index"] == index.measures["hi"]  # fed from the survey
    assert index.measures["respondents_n"] == 40
    assert example.diagnostics and all(d.code == "data-bad-value" for d in example.diagnostics)


def test_levels_can_be_chosen_and_the_bottom_streamed(tmp_path: Path) -> None:
    seen: list[str] = []
    alone = evaluate_dataset(
        EXAMPLE,
        load_registry(),
        as_of=AS_OF,
        top="happy-village",
        keep=["village"],
        detail=["village"],
        on_result=lambda key, r: seen.append(key),
    )
    assert list(alone.levels) == ["happy-family", "happy-village"]
    assert alone.results("household") == [] and len(alone.results("village")) == 8
    assert seen.count("happy-family") == 310 and seen.count("happy-village") == 8
    chosen = evaluate_dataset(
        EXAMPLE, load_registry(), as_of=AS_OF, plan_for={"commune": "laocai-happiness-index"}
    )
    assert "happy-commune" not in chosen.levels and "laocai-happiness-index" in chosen.levels
    older = evaluate_dataset(
        EXAMPLE,
        load_registry(),
        as_of=AS_OF,
        top="happy-village",
        plan_for={"household": "happy-family@2026.1"},
    )
    assert older.results("household")[0].provenance.version == "2026.1"


# --- members, persons and properties ----------------------------------------------------------


def test_undetermined_members_are_left_out_and_counted(tmp_path: Path) -> None:
    folder = _dataset(tmp_path / "d", _tables([True, True, False, None], villages=1))
    evaluation = evaluate_dataset(folder, MINI)
    line = evaluation.rollup("village", "V0")[0]
    assert (line.detail.numerator, line.detail.denominator, line.detail.unknown) == (2, 3, 1)
    text = evaluation.explain("village", "V0", "vi")
    assert "2/3 hộ đạt “mini-family” (66,7%); 1 hộ chưa xác định; chưa đạt: H2" in text
    english = evaluation.explain("village", "V0", "en")
    assert "2/3 households rated “mini-family” (66.7%); 1 household undetermined; not met: H2" in english
    assert "Households: 4 households (2 passed, 1 not passed, 1 undetermined)" in english


def test_persons_stream_alongside_households_or_are_indexed(tmp_path: Path) -> None:
    tables = _tables([True] * 6, villages=2)
    tables["person"] = [
        {"id": f"P{i}{n}", "household_id": f"H{i}", "flag": int(i == 4 and n == 1)}
        for i in range(6)
        for n in range(3)
    ]
    ordered = evaluate_dataset(_dataset(tmp_path / "ordered", tables), MINI)
    shuffled_tables = dict(tables, person=random.Random(1).sample(tables["person"], len(tables["person"])))
    shuffled = evaluate_dataset(_dataset(tmp_path / "shuffled", shuffled_tables), MINI)
    assert [_stable(r) for r in ordered.results("household")] == [
        _stable(r) for r in shuffled.results("household")
    ]
    assert ordered.result("household", "H4").status == "failed"  # a person's flag: the veto
    groups = [tables["person"][i : i + 3] for i in range(0, 18, 3)]
    regrouped = dict(tables, person=[p for group in reversed(groups) for p in group])  # together, other order
    folder = _dataset(tmp_path / "regrouped", regrouped)
    stream = ChildStream(
        DatasetTables(open_dataset(folder)),
        "person",
        "household_id",
        FAMILY.model.inputs["persons"].items or {},
    )
    assert (
        stream.streaming and stream.take("H0")[0][0]["id"] == "P00" and stream.take("H5")[0][0]["id"] == "P50"
    )
    assert not ChildStream(
        DatasetTables(open_dataset(tmp_path / "shuffled")), "person", "household_id", {}
    ).streaming
    again = evaluate_dataset(folder, MINI)
    assert [_stable(r) for r in ordered.results("household")] == [
        _stable(r) for r in again.results("household")
    ]
    orphans = dict(tables, person=[*tables["person"], {"id": "PX", "household_id": "H99", "flag": 1}])
    evaluation = evaluate_dataset(_dataset(tmp_path / "orphans", orphans), MINI)
    assert "dataset-orphan-children" in _codes(evaluation)
    bad = dict(tables, person=[{**tables["person"][0], "flag": "maybe"}, *tables["person"][1:]])
    evaluation = evaluate_dataset(_dataset(tmp_path / "bad", bad), MINI)
    assert evaluation.result("household", "H0").status == "invalid"


@SETTINGS
@given(
    st.lists(st.sampled_from([True, False, None]), min_size=1, max_size=12), st.randoms(use_true_random=False)
)
def test_member_order_never_changes_a_result(
    tmp_path_factory: pytest.TempPathFactory, oks: list[bool | None], rng: random.Random
) -> None:
    tables = _tables(oks)
    first = evaluate_dataset(_dataset(tmp_path_factory.mktemp("a"), tables), MINI)
    shuffled = dict(tables, household=rng.sample(tables["household"], len(tables["household"])))
    second = evaluate_dataset(_dataset(tmp_path_factory.mktemp("b"), shuffled), MINI)
    for key in ("village", "mini-commune"):
        assert [_stable(r) for r in first.results(key)] == [_stable(r) for r in second.results(key)]
    for village in first.results("village"):
        one, two = first.rollup("village", village.id), second.rollup("village", village.id)
        assert [(x.detail.numerator, x.detail.denominator, x.detail.unknown) for x in one] == [
            (x.detail.numerator, x.detail.denominator, x.detail.unknown) for x in two
        ]


@SETTINGS
@given(st.lists(st.sampled_from([True, False, None]), min_size=1, max_size=12))
def test_adding_a_passing_member_never_lowers_a_share(
    tmp_path_factory: pytest.TempPathFactory, oks: list[bool | None]
) -> None:
    before = evaluate_dataset(_dataset(tmp_path_factory.mktemp("a"), _tables(oks, villages=1)), MINI)
    after = evaluate_dataset(_dataset(tmp_path_factory.mktemp("b"), _tables([*oks, True], villages=1)), MINI)
    old, new = before.rollup("village", "V0")[0].detail.value, after.rollup("village", "V0")[0].detail.value
    assert new is not None and (old is None or new >= old)
    order = ["failed", "undetermined", "passed"]
    assert order.index(after.result("village", "V0").status) >= order.index(
        before.result("village", "V0").status
    )


@SETTINGS
@given(st.lists(st.sampled_from([True, False, None]), min_size=1, max_size=10), st.integers(1, 3))
def test_a_dataset_split_into_two_files_gives_the_same_results(
    tmp_path_factory: pytest.TempPathFactory, oks: list[bool | None], villages: int
) -> None:
    tables = _tables(oks, villages=villages)
    one = tmp_path_factory.mktemp("one") / "dataset.json"
    one.write_text(json.dumps(tables), encoding="utf-8")
    split = tmp_path_factory.mktemp("split")
    (split / "upper.json").write_text(
        json.dumps({k: tables[k] for k in ("commune", "village")}), encoding="utf-8"
    )
    (split / "lower.json").write_text(
        json.dumps({k: tables[k] for k in ("household", "person")}), encoding="utf-8"
    )
    folder = _dataset(tmp_path_factory.mktemp("csv"), tables)
    first = evaluate_dataset(one, MINI)
    for other in (evaluate_dataset(folder, MINI), _evaluate_two_files(split)):
        for key in first.levels:
            assert [r.to_dict() for r in first.results(key)] == [r.to_dict() for r in other.results(key)]


def _evaluate_two_files(split: Path) -> DatasetEvaluation:
    upper, lower = open_dataset(split / "upper.json"), open_dataset(split / "lower.json")
    assert upper.tables() == ["commune", "village"] and lower.tables() == ["household", "person"]
    tables = {name: part.source_of(name) for part in (upper, lower) for name in part.tables()}
    return evaluate_dataset(Dataset(split, tables), MINI)


# --- broken datasets ---------------------------------------------------------------------------


def test_a_dangling_link_is_reported_and_the_member_still_evaluated(tmp_path: Path) -> None:
    tables = _tables([True, True, False])
    tables["household"].append({"id": "H9", "village_id": "V7", "ok": True})
    tables["household"].append({"id": "H10", "village_id": None, "ok": True})
    evaluation = evaluate_dataset(_dataset(tmp_path / "d", tables), MINI)
    (problem,) = [d for d in evaluation.diagnostics if d.code == "dataset-dangling-link"]
    assert (
        "2 household row(s)" in problem.message and "'V7'" in problem.message and "empty" in problem.message
    )
    assert problem.line == 5 and problem.severity == "error"
    assert [r.id for r in evaluation.results("household")][-2:] == ["H9", "H10"]
    assert sum(line.detail.total for v in ("V0", "V1") for line in evaluation.rollup("village", v)) == 3


def test_a_duplicate_id_is_reported(tmp_path: Path) -> None:
    tables = _tables([True, False, True])
    tables["household"].append({"id": "H1", "village_id": "V0", "ok": True})
    tables["village"].append({"id": "V0", "commune_id": "C1"})
    evaluation = evaluate_dataset(_dataset(tmp_path / "d", tables), MINI)
    duplicates = [d for d in evaluation.diagnostics if d.code == "dataset-duplicate-id"]
    assert len(duplicates) == 2
    assert any("id 'H1'" in d.message and "rows 3, 5" in d.message for d in duplicates)
    assert any("id 'V0'" in d.message for d in duplicates)
    assert len(evaluation.results("household")) == 4 and len(evaluation.results("village")) == 3


def test_a_cycle_of_sets_is_reported(tmp_path: Path) -> None:
    a = _set(
        "cycle-a",
        "village",
        collections={
            "households": {
                "label": _label("H"),
                "subject": "household",
                "criteria_set": "cycle-b",
                "link": "village_id",
            }
        },
        groups=[
            {
                "id": "A",
                "title": _label("A"),
                "criteria": [_criterion("A1", 'any(households, h.status == "passed")')],
            }
        ],
    )
    b = _set(
        "cycle-b",
        "household",
        collections={
            "villages": {
                "label": _label("V"),
                "subject": "village",
                "criteria_set": "cycle-a",
                "link": "household_id",
            }
        },
        groups=[
            {
                "id": "B",
                "title": _label("B"),
                "criteria": [_criterion("B1", 'any(villages, v.status == "passed")')],
            }
        ],
    )
    folder = _dataset(
        tmp_path / "d", {"village": [{"id": "V0"}], "household": [{"id": "H0", "village_id": "V0"}]}
    )
    evaluation = evaluate_dataset(folder, Registry([a, b]), top="cycle-a")
    (problem,) = [d for d in evaluation.diagnostics if d.code == "dataset-cycle"]
    assert "cycle-a → cycle-b → cycle-a" in problem.message
    assert evaluation.result("household", "H0").criterion("B1").verdict == "unknown"
    assert evaluation.result("village", "V0").status in ("passed", "failed", "undetermined")


def test_a_missing_table_is_reported(tmp_path: Path) -> None:
    tables = _tables([True, False])
    del tables["household"], tables["person"]
    evaluation = evaluate_dataset(_dataset(tmp_path / "d", tables), MINI)
    (problem,) = [d for d in evaluation.diagnostics if d.code == "dataset-missing-table"]
    assert "no table 'household'" in problem.message and "collection 'households'" in problem.message
    village = evaluation.result("village", "V0")
    assert village.criterion("A1").verdict == "unknown" and village.criterion("A1").reason == "missing-data"
    no_persons = _tables([True])
    del no_persons["person"]
    evaluation = evaluate_dataset(_dataset(tmp_path / "p", no_persons), MINI)
    assert "dataset-missing-table" in _codes(evaluation)
    assert evaluation.result("household", "H0").criterion("K2").verdict == "unknown"
    top = evaluate_dataset(_dataset(tmp_path / "t", {"village": [{"id": "V0"}]}), MINI, top="mini-commune")
    assert _codes(top) == ["dataset-missing-table"] and not top.levels and not top.ok
