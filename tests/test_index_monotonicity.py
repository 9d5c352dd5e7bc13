"""A better environment never lowers the happiness index (laocai-happiness-index).

HI = LS x LE / ENV, with ENV the environment's burden (the share of answers 1-3 to the four
environment questions, at least 1%). Whatever the answers and the weights, a respondent who
rates an environment question higher leaves LS and LE as they were and never lowers HI; and
never turns a computed index into none. Checked through the compiled plan of the shipped set,
so a change of the set's expressions (reading ENV as the share satisfied, dropping the floor)
makes it fail.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_engine import compile_plan, load_registry

PLAN = compile_plan(load_registry().get("laocai-happiness-index@2026.1"))
LS_ITEMS = ("ls_material", "ls_relations", "ls_social_security", "ls_authorities")
ENV_ITEMS = ("env_development", "env_water_waste", "env_forest", "env_noise_air")
ITEMS = (*LS_ITEMS, "le_expectancy", *ENV_ITEMS)

answer = st.integers(min_value=1, max_value=5)
respondent = st.fixed_dictionaries(
    {"weight": st.sampled_from([0.5, 1, 1.5, 2, 3.25, 7.2]), **{item: answer for item in ITEMS}}
)


def _measures(rows: list[dict[str, object]]) -> dict[str, object]:
    record = {"id": "C", "respondents": [dict(row, id=f"R{i}") for i, row in enumerate(rows)]}
    return dict(PLAN.evaluate(record).measures)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(respondent, min_size=1, max_size=12),
    who=st.integers(min_value=0),
    item=st.sampled_from(ENV_ITEMS),
    better=st.integers(min_value=1, max_value=4),
)
def test_rating_the_environment_higher_never_lowers_the_index(
    rows: list[dict[str, object]], who: int, item: str, better: int
) -> None:
    before = _measures(rows)
    changed = [dict(row) for row in rows]
    target = changed[who % len(rows)]
    target[item] = min(5, int(target[item]) + better)  # type: ignore[call-overload]
    after = _measures(changed)
    assert (after["ls"], after["le"]) == (before["ls"], before["le"])
    assert after["env"] <= before["env"]  # type: ignore[operator]
    if before["hi"] is not None:
        assert after["hi"] is not None and after["hi"] >= before["hi"]  # type: ignore[operator]


@settings(max_examples=200, deadline=None)
@given(
    ls=st.floats(min_value=0, max_value=100),
    le=st.floats(min_value=0, max_value=100),
    lighter=st.floats(min_value=0.01, max_value=100),
    heavier=st.floats(min_value=0.01, max_value=100),
)
def test_a_lighter_published_burden_never_gives_a_lower_index(
    ls: float, le: float, lighter: float, heavier: float
) -> None:
    lighter, heavier = sorted((lighter, heavier))
    low, high = (
        PLAN.evaluate({"ls_reported": ls, "le_reported": le, "env_reported": env}).measures["hi"]
        for env in (heavier, lighter)
    )
    assert low is not None and high is not None and high >= low  # type: ignore[operator]


def test_the_property_is_not_vacuous() -> None:
    """One respondent moving from 'not satisfied' to 'satisfied' strictly raises HI."""
    row = {"weight": 1, **{i: 4 for i in (*LS_ITEMS, "le_expectancy")}, **{i: 2 for i in ENV_ITEMS}}
    rows = [dict(row), dict(row), dict(row, env_forest=5)]
    better = [dict(rows[0], env_forest=4), rows[1], rows[2]]
    before, after = _measures(rows), _measures(better)
    assert before["env"] == 91.67 and after["env"] == 83.33
    assert before["hi"] == 109.09 and after["hi"] == 120.0
