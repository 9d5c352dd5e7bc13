"""The happiness index HI = LS x LE / ENV, from survey answers, per commune and for the province.

Three communes' respondents are built so that their weighted shares are the published Yên Bái
components: 2021 (42.87, 45.5, 34.03 -> 57.3), 2022 (55.5, 78.72, 69.82 -> 62.57) and the 2026
target (58.9, 80.25, 68.5 -> 69.0). LS and LE are shares of satisfied answers (4 or 5 on the
1-5 scale); ENV is the environment's burden, the share of answers 1-3 to the environment
questions. Each commune's total weight is 100, split into blocks of 8 respondents; the province
pools them.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from criteria_engine import evaluate_dataset
from criteria_engine.evaluators.plan import compile_plan
from criteria_engine.io.catalog import load_registry

REGISTRY = load_registry()
AS_OF = dt.date(2026, 12, 1)
FIGURES = {  # commune: (LS, LE, ENV, HI as published)
    "YB-2021": (42.87, 45.5, 34.03, 57.3),
    "YB-2022": (55.5, 78.72, 69.82, 62.57),
    "TARGET-2026": (58.9, 80.25, 68.5, 69.0),
}
LS_ITEMS = ("ls_material", "ls_relations", "ls_social_security", "ls_authorities")
ENV_ITEMS = ("env_development", "env_water_waste", "env_forest", "env_noise_air")


def _respondents(commune: str, ls: float, le: float, env: float) -> list[dict[str, object]]:
    """Blocks of 8 respondents; the blocks' weights make each component's share exact."""
    cuts = sorted({ls, le, env, 100.0})
    rows: list[dict[str, object]] = []
    low = 0.0
    for block, high in enumerate(cuts):
        for n in range(8):
            row: dict[str, object] = {
                "id": f"{commune}-{block}{n}",
                "commune_id": commune,
                "weight": (high - low) / 8,
            }
            inside = {"ls": high <= ls, "le": high <= le, "env": high <= env}
            for item in LS_ITEMS:
                row[item] = 5 if inside["ls"] else 2  # satisfied below the component's share
            row["le_expectancy"] = 5 if inside["le"] else 2
            for item in ENV_ITEMS:
                row[item] = 2 if inside["env"] else 5  # a burden (not satisfied) below ENV's share
            rows.append(row)
        low = high
    return rows


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("survey")
    rows = [r for commune, (ls, le, env, _) in FIGURES.items() for r in _respondents(commune, ls, le, env)]
    with (folder / "respondent.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (folder / "commune.csv").write_text("id\n" + "\n".join(FIGURES) + "\n", encoding="utf-8")
    return folder


def test_each_commune_reproduces_the_published_figures(survey: Path) -> None:
    evaluation = evaluate_dataset(survey, REGISTRY, as_of=AS_OF, top="laocai-happiness-index")
    for commune, (ls, le, env, hi) in FIGURES.items():
        measures = evaluation.result("laocai-happiness-index", commune).measures
        assert (measures["ls"], measures["le"], measures["env"]) == (ls, le, env)
        assert measures["respondents_n"] == 32
        assert round(measures["hi"], 2 if hi == 62.57 else 1) == hi  # type: ignore[arg-type]
    target = evaluation.result("laocai-happiness-index", "TARGET-2026")
    assert target.measures["hi"] == 69.0 and target.criterion("H1").verdict == "pass"
    lines = evaluation.rollup("laocai-happiness-index", "YB-2021")
    assert len(lines) == 9  # 4 LS items, 1 LE item, 4 ENV items: n, weighted shares
    assert all(line.detail.total == 32 and line.detail.denominator == pytest.approx(100) for line in lines)
    text = evaluation.explain("laocai-happiness-index", "YB-2021", "en")
    assert "42.9% (weighted: 42.87/100; 32 respondents)" in text
    assert "Happiness index (HI = LS x LE / ENV): 57.32" in text


def test_the_province_pools_every_respondent(survey: Path) -> None:
    evaluation = evaluate_dataset(survey, REGISTRY, as_of=AS_OF, top="laocai-happiness-index")
    province = evaluation.pooled["laocai-happiness-index"].result
    expected = {
        name: round(sum(f[index] for f in FIGURES.values()) / 3, 2)  # every commune weighs 100
        for index, name in enumerate(("ls", "le", "env"))
    }
    assert {k: province.measures[k] for k in expected} == expected
    assert province.measures["respondents_n"] == 96
    assert province.measures["hi"] == round(expected["ls"] * expected["le"] / expected["env"], 2)
    assert "96 respondents" in evaluation.explain_pooled("laocai-happiness-index", "en")


def test_the_pooled_components_fill_the_province_row(survey: Path, tmp_path: Path) -> None:
    for table in ("respondent.csv", "commune.csv"):
        (tmp_path / table).write_text((survey / table).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "province.csv").write_text("id\nYB\n", encoding="utf-8")
    tops = ["laocai-happiness-index", "laocai-2026-targets", "laocai-happiness-index-province"]
    evaluation = evaluate_dataset(tmp_path, REGISTRY, as_of=AS_OF, top=tops)
    pooled = evaluation.pooled["laocai-happiness-index"].result
    assert pooled.id == "YB"  # named after the province row
    province = evaluation.result("laocai-happiness-index-province", "YB")
    assert province.measures["hi"] == pooled.measures["hi"] and province.status != "undetermined"


def test_the_province_set_reproduces_the_figures_from_its_components() -> None:
    plan = compile_plan(REGISTRY.get("laocai-happiness-index-province", AS_OF))
    for ls, le, env, hi in FIGURES.values():
        measures = plan.evaluate({"ls": ls, "le": le, "env": env}).measures
        assert round(measures["hi"], 2 if hi == 62.57 else 1) == hi  # type: ignore[arg-type]


def test_a_heavier_environmental_burden_lowers_the_index_and_the_index_can_exceed_100() -> None:
    plan = compile_plan(REGISTRY.get("laocai-happiness-index-province", AS_OF))
    light, heavy = (plan.evaluate({"ls": 58.9, "le": 80.25, "env": env}).measures["hi"] for env in (60, 70))
    assert light > heavy  # type: ignore[operator]
    assert plan.evaluate({"ls": 90, "le": 90, "env": 40}).measures["hi"] == 202.5


def test_too_few_respondents_give_no_index(tmp_path: Path) -> None:
    rows = _respondents("SMALL", 50.0, 60.0, 55.0)[:20]
    with (tmp_path / "respondent.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (tmp_path / "commune.csv").write_text("id\nSMALL\n", encoding="utf-8")
    evaluation = evaluate_dataset(tmp_path, REGISTRY, as_of=AS_OF, top="laocai-happiness-index")
    result = evaluation.result("laocai-happiness-index", "SMALL")
    assert result.measures["respondents_n"] == 20 and result.measures["hi"] is None
    assert result.status == "undetermined" and result.criterion("H1").reason == "too-few-members"
    assert "only 20 respondents with data, at least 30 needed" in evaluation.explain(
        "laocai-happiness-index", "SMALL", "en"
    )
