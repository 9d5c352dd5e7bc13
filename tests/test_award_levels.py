"""Multi-year levels: the quota at its boundary with ties, the windows, and a property over
generated 6-year histories (no household is awarded twice for overlapping windows)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_engine.award import Award, History, apply_levels, level_window, proposals, ranked, take
from criteria_engine.award.outcome import Proposal
from criteria_engine.format.procedure import Level, Quota

from .award_support import PROCEDURE, RATINGS, evaluation, opened, procedure, voted

BASIS = [{"ref": {"vi": "x", "en": "x"}}]
LEVEL = PROCEDURE.levels[0]


def _level(**changes: object) -> Level:
    return LEVEL.model_copy(update=changes)


def _quota(percent: float, of: str = "round") -> Quota:
    return Quota.model_validate({"percent": percent, "of": of, "basis": BASIS})


def _proposals(
    votes: dict[str, int], scores: dict[str, float] | None = None, rating: str = "outstanding"
) -> list[Proposal]:
    scores = scores or {}
    round_ = opened([evaluation(c, score=scores.get(c, 96), rating=rating) for c in votes])
    return proposals(voted(round_, 20, 20, votes))


def _history(candidates: list[str], years: range = range(2023, 2026)) -> History:
    return History("happy-family", [Award("happy-family", y, c, True) for c in candidates for y in years])


def test_ranks_are_shared_only_by_true_ties() -> None:
    order = ranked(["a", "b", "c", "d", "e"], lambda x: ((1, {"a": 3, "b": 2, "c": 2, "d": 2, "e": 1}[x]),))
    assert [(r, x) for r, x in order] == [(1, "a"), (2, "b"), (2, "c"), (2, "d"), (5, "e")]


def test_take_leaves_out_or_takes_the_tie_across_the_limit() -> None:
    order = [(1, "a"), (2, "b"), (3, "c"), (3, "d"), (5, "e")]
    assert take(order, 3, take_ties=False) == (["a", "b"], ["c", "d", "e"])
    assert take(order, 3, take_ties=True) == (["a", "b", "c", "d"], ["e"])
    assert take(order, 4, take_ties=False) == (["a", "b", "c", "d"], ["e"])
    assert take(order, 0, take_ties=True) == ([], ["a", "b", "c", "d", "e"])


def test_quota_boundary_with_a_tie_left_out() -> None:
    votes = {"H1": 20, "H2": 19, "H3": 18, "H4": 18, "H5": 17}
    out = apply_levels(
        procedure(), _proposals(votes), _history(list(votes)), 2026, ratings=RATINGS, round_size=20
    )
    assert {c: o.level for c, o in out.items()} == {
        "H1": "outstanding",
        "H2": "outstanding",
        "H3": None,
        "H4": None,
        "H5": None,
    }
    assert [r.code for r in out["H3"].reasons] == ["level-quota-tie"]
    assert [r.code for r in out["H5"].reasons] == ["level-quota"]
    assert out["H5"].reasons[0].vi == (
        "Ngoài chỉ tiêu «Gia đình hạnh phúc tiêu biểu»: xếp thứ 5/5 theo số phiếu đồng ý, rồi điểm; "
        "chỉ tiêu tối đa 15% của 20 đối tượng là 3."
    )
    assert (out["H1"].window, out["H1"].rank, out["H3"].rank) == ((2023, 2025), 1, 3)


def test_quota_boundary_with_the_tie_taken_or_broken() -> None:
    votes = {"H1": 20, "H2": 19, "H3": 18, "H4": 18, "H5": 17}
    take_all = procedure(levels=[_level(quota_ties="take_all")])
    out = apply_levels(
        take_all, _proposals(votes), _history(list(votes)), 2026, ratings=RATINGS, round_size=20
    )
    assert sorted(c for c, o in out.items() if o.level) == ["H1", "H2", "H3", "H4"]
    broken = _proposals(votes, scores={"H3": 97})  # the score, second key, breaks the tie
    out = apply_levels(procedure(), broken, _history(list(votes)), 2026, ratings=RATINGS, round_size=20)
    assert sorted(c for c, o in out.items() if o.level) == ["H1", "H2", "H3"]
    assert [r.code for r in out["H4"].reasons] == ["level-quota"]


def test_quota_exactly_at_its_size_takes_everyone() -> None:
    votes = {"H1": 20, "H2": 19, "H3": 18}
    out = apply_levels(
        procedure(), _proposals(votes), _history(list(votes)), 2026, ratings=RATINGS, round_size=20
    )
    assert all(o.level == "outstanding" for o in out.values())
    out = apply_levels(
        procedure(), _proposals(votes), _history(list(votes)), 2026, ratings=RATINGS, round_size=19
    )
    assert sorted(c for c, o in out.items() if o.level) == ["H1", "H2"]  # 15 % of 19 is 2


def test_quota_of_those_eligible() -> None:
    votes = {f"H{i}": 20 - i for i in range(1, 8)}
    eligible = procedure(levels=[_level(quota=_quota(30, "eligible"))])
    out = apply_levels(
        eligible, _proposals(votes), _history(list(votes)), 2026, ratings=RATINGS, round_size=100
    )
    assert sorted(c for c, o in out.items() if o.level) == ["H1", "H2"]  # 30 % of 7 is 2.1


def test_windows_missing_years_and_overlap() -> None:
    votes = {"H1": 20, "H2": 20, "H3": 20}
    awards = [Award("happy-family", y, "H1", True) for y in (2022, 2023, 2024, 2025)]
    awards.append(Award("happy-family", 2025, "H1", True, "outstanding", (2022, 2024)))
    awards += [Award("happy-family", y, "H2", True) for y in (2024, 2025)]
    awards += [Award("happy-family", y, "H3", True) for y in (2023, 2024, 2025)]
    out = apply_levels(
        procedure(), _proposals(votes), History("happy-family", awards), 2026, ratings=RATINGS, round_size=40
    )
    assert [r.code for r in out["H1"].reasons] == ["level-overlap"]
    assert [r.code for r in out["H2"].reasons] == ["level-years"]
    assert "2023" in out["H2"].reasons[0].vi
    assert out["H3"].level == "outstanding"
    allowed = procedure(levels=[_level(overlap="allowed")])
    out = apply_levels(
        allowed, _proposals(votes), History("happy-family", awards), 2026, ratings=RATINGS, round_size=40
    )
    assert out["H1"].level == "outstanding"


def test_only_the_rated_are_in_the_running_and_told_why() -> None:
    passed = _proposals({"H1": 20}, rating="passed")
    out = apply_levels(procedure(), passed, _history(["H1"]), 2026, ratings=RATINGS, round_size=40)
    assert out["H1"].level is None and out["H1"].reasons == ()


def test_window_ending_this_year() -> None:
    level = _level(window_ends="this_year")
    assert list(level_window(level, 2026)) == [2024, 2025, 2026]
    assert list(level_window(LEVEL, 2026)) == [2023, 2024, 2025]
    out = apply_levels(procedure(levels=[level]), _proposals({"H1": 20}), _history(["H1"], range(2024, 2026)), 2026,
                       ratings=RATINGS, round_size=40)  # fmt: skip
    assert out["H1"].level == "outstanding" and out["H1"].window == (2024, 2026)


def test_history_values() -> None:
    awards = [Award("happy-family", y, "H1", True) for y in (2021, 2023, 2024, 2025)]
    awards.append(Award("happy-family", 2024, "H1", True, "outstanding", (2021, 2023)))
    awards.append(Award("happy-village", 2022, "H1", True))  # another set does not count
    history = History("happy-family", awards)
    assert history.years_before("H1", 2026) == 3
    assert history.years_before("H1", 2024) == 1
    assert history.unused_years_before("H1", 2026) == 2  # 2023 was counted by the 2024 award
    assert history.years_before("H9", 2026) == 0


# --- the property: generated 6-year histories -------------------------------------------------

YEARS = range(2021, 2027)
Cell = tuple[bool, bool, int]  # holds the title, rated outstanding, votes


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.tuples(st.booleans(), st.booleans(), st.integers(0, 5)), min_size=6, max_size=6),
             min_size=1, max_size=12),
    st.sampled_from([None, 15.0, 40.0]),
    st.sampled_from(["previous_year", "this_year"]),
    st.integers(1, 4),
)  # fmt: skip
def test_no_household_is_awarded_twice_for_overlapping_windows(
    years: list[list[Cell]], quota: float | None, window_ends: str, length: int
) -> None:
    level = _level(years=length, window_ends=window_ends, quota=_quota(quota) if quota else None)
    proc = procedure(levels=[level])
    ids = [f"H{i}" for i in range(len(years))]
    awards: list[Award] = []
    given_levels: list[tuple[str, int, tuple[int, int]]] = []
    for index, year in enumerate(YEARS):
        cells = {c: years[i][index] for i, c in enumerate(ids)}
        evaluations = [
            evaluation(c, rating="outstanding" if rated else "passed") for c, (_, rated, _) in cells.items()
        ]
        round_ = voted(opened(evaluations), 20, 20, {c: 15 + v for c, (held, _, v) in cells.items() if held})
        # a household not holding the title this year has no votes: it is not proposed
        props = proposals(round_)
        history = History("happy-family", awards)
        out = apply_levels(proc, props, history, year, ratings=RATINGS, round_size=len(ids))
        taken = 0
        for p in props:
            o = out.get(p.candidate)
            assert (o is not None) == p.proposed == cells[p.candidate][0]
            if o is not None and o.level is not None:
                taken += 1
                assert o.window is not None
                given_levels.append((p.candidate, year, o.window))
                window = range(o.window[0], o.window[1] + 1)
                # every year of the window held the title (this year's title is this decision)
                assert all(y == year or history.held(p.candidate, y) for y in window)
            elif o is not None and cells[p.candidate][1] and not o.reasons:
                raise AssertionError(f"{p.candidate} rated in {year} but neither awarded nor told why")
            awards.append(
                Award(
                    "happy-family",
                    year,
                    p.candidate,
                    p.proposed,
                    o.level if o else None,
                    o.window if o else None,
                )
            )
        if quota is not None:
            assert taken <= int(quota * len(ids) // 100)
    for candidate in ids:
        windows = [w for c, _, w in given_levels if c == candidate]
        for i, a in enumerate(windows):
            for b in windows[i + 1 :]:
                assert a[1] < b[0] or b[1] < a[0], (candidate, windows)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.sampled_from(["previous_year", "this_year"]))
def test_a_household_that_always_qualifies_is_awarded_every_years_years(
    length: int, window_ends: str
) -> None:
    """Without a quota, a household holding the title and rated every year is awarded as soon
    as a fresh window is complete: maximal, not merely non-overlapping."""
    proc = procedure(levels=[_level(years=length, window_ends=window_ends, quota=None)])
    awards = [Award("happy-family", y, "H1", True) for y in range(2010, 2021)]
    got = []
    for year in range(2021, 2033):
        props = proposals(voted(opened([evaluation("H1", rating="outstanding")]), 20, 20, {"H1": 20}))
        out = apply_levels(proc, props, History("happy-family", awards), year, ratings=RATINGS)
        o = out["H1"]
        if o.level:
            got.append(o.window)
        awards.append(Award("happy-family", year, "H1", True, o.level, o.window))
    assert [b[0] - a[0] for a, b in itertools.pairwise(got)] == [length] * (len(got) - 1)
    assert len(got) >= 12 // length - 1


def test_vote_records_are_not_required_for_households_without_the_title() -> None:
    props = proposals(voted(opened([evaluation("H1", status="failed", rating="not_passed")]), 10, 10, {}))
    assert (
        props[0].vote is None
        and not props[0].proposed
        and [r.code for r in props[0].reasons] == ["not-passed"]
    )
