"""The flat benchmark set (household_flat.yaml): its records and its hand-written function.

The records are gen_households.py's, with the persons list folded into five household-level
yes/no fields (``member_drug_user`` is true when some person uses drugs, unknown when no
person does and someone's answer is missing, false otherwise), so the same gaps and the same
data-entry errors remain (a name written where the persons list should be becomes a word in a
yes/no field).

``hand_written_flat`` is the reference: the 20 criteria in plain Python, written the way a
careful programmer would without an engine (the same style as evaluator.hand_written: record
checks first, one helper per kind of criterion, the shared ``decide``). It returns the same
row as every contender: status, score, maximum, rating, verdicts and points.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from evaluator import (  # noqa: E402
    _ENUMS,
    _INTEGERS,
    FAIL,
    INCOME_LINE,
    INVALID,
    MIDDLE_LINE,
    NA,
    PASS,
    PERSON_FLAGS,
    UNKNOWN,
    Row,
    _applies,
    _at_least,
    _graded,
    _not,
    _verdict,
    decide,
)
from gen_households import households  # noqa: E402

FLAT_SET = HERE / "household_flat.yaml"
FLAGS = (
    "member_prosecuted",
    "member_obligation_default",
    "member_fined_marriage",
    "member_fined_order",
    "member_drug_user",
)
_BOOLEANS = (
    *FLAGS, "especially_difficult", "registered", "gdvh_this_year", "elder_care_ok", "child_marriage",
    "children_vaccinated", "waste_handled", "forest_violation",
)  # fmt: skip


def _any(persons: list[Mapping[str, object]], flag: str) -> bool | None:
    unknown = False
    for person in persons:
        value = person.get(flag)
        if value is True:
            return True
        if value is None:
            unknown = True
    return None if unknown else False


def flat_records(count: int, seed: int = 2026) -> Iterator[dict[str, object]]:
    """``count`` flat household records (the same ones for the same seed)."""
    for record in households(count, seed):
        persons = record.pop("persons", None)
        if isinstance(persons, list):
            for flag, field in zip(PERSON_FLAGS, FLAGS, strict=True):
                value = _any(persons, flag)
                if value is not None:
                    record[field] = value
        elif isinstance(persons, str):  # the data-entry error: a name instead of the list
            record[FLAGS[-1]] = persons
        yield record


def record_problems_flat(rec: Mapping[str, object]) -> bool:
    """Whether the record breaks the data dictionary (the same checks as criteria_engine's)."""
    get = rec.get
    for name in _BOOLEANS:
        value = get(name)
        if value is not None and not isinstance(value, bool):
            return True
    for name, low, high in _INTEGERS:
        value = get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            return True
        if isinstance(value, float) and not value.is_integer():
            return True
        if value < low or (high is not None and value > high):
            return True
    for name, allowed in _ENUMS:
        value = get(name)
        if value is not None and value not in allowed:
            return True
    income = get("income_per_capita")
    if income is not None:
        if isinstance(income, bool) or not isinstance(income, int | float):
            return True
        if not math.isfinite(income) or income < 0:
            return True
    return False


def marks(get: Any, income: Any, line: Any) -> tuple[float | None, float | None]:
    """The pass mark and the outstanding mark (derived values, unknown when what they read is)."""
    group, difficult = get("commune_group"), get("especially_difficult")
    elders, under_6, school_age = get("elders"), get("children_under_6"), get("school_age_children")
    poor = None if income is None or line is None else income <= line
    group3 = None if group is None else group == "group3"
    relief: bool | None
    if poor is True or group3 is True or difficult is True:
        relief = True
    elif poor is None or group3 is None or difficult is None:
        relief = None
    else:
        relief = False
    if elders is None or under_6 is None or school_age is None:
        return None, None
    applicable = 100 - (8 if elders == 0 else 0) - (6 if under_6 == 0 else 0) - (8 if school_age == 0 else 0)
    pass_mark = None if relief is None else (70 if relief else 85) * applicable / 100
    return pass_mark, 95 * applicable / 100


def hand_written_flat(rec: Mapping[str, object]) -> Row:
    """The 20 criteria of household_flat.yaml in plain Python: checks, verdicts, score, decision."""
    if record_problems_flat(rec):
        return INVALID
    get = rec.get
    area = get("area")
    income = get("income_per_capita")
    line = INCOME_LINE.get(area)  # type: ignore[arg-type]
    middle = MIDDLE_LINE.get(area)  # type: ignore[arg-type]
    deprivations = get("deprivations")
    elders = get("elders")
    under_6 = get("children_under_6")
    school_age = get("school_age_children")
    in_school = get("school_age_in_school")
    members = get("members")
    insured = get("insured_members")

    level: int | None
    if income is None or middle is None:
        level = None
    elif income > middle:
        level = 3
    elif line is None:
        level = None
    elif income > line:
        level = 2
    elif deprivations is None:
        level = None
    else:
        level = 1 if deprivations < 3 else 0
    share = None if insured is None or members is None or members == 0 else insured / members
    pass_mark, outstanding_mark = marks(get, income, line)

    b1 = None if level is None else (12 if level >= 3 else 9 if level >= 2 else 6 if level >= 1 else 0)
    water = get("water_source")
    b3 = None if water is None else {"qc_standard": 6, "hygienic": 4}.get(water, 0)  # type: ignore[call-overload]
    c1 = None if share is None else (8 if share >= 1.0 else 4 if share >= 0.9 else 0)
    housing = get("housing_type")
    results = (
        _verdict(get("registered"), 0),  # type: ignore[arg-type]
        _verdict(get("gdvh_this_year"), 0),  # type: ignore[arg-type]
        _verdict(_not(get("member_prosecuted")), 0),
        _verdict(_not(get("member_obligation_default")), 0),
        _verdict(_not(get("member_fined_marriage")), 0),
        _verdict(_not(get("member_fined_order")), 0),
        _verdict(_not(get("member_drug_user")), 0),
        _verdict(None if (dv := get("dv_incidents")) is None else dv == 0, 10),
        _applies(elders, get("elder_care_ok"), 8),  # type: ignore[arg-type]
        _verdict(_not(get("child_marriage")), 8),
        _graded(b1),
        _verdict(None if housing is None else housing in ("solid", "semi_solid"), 6),
        _graded(b3),
        _graded(c1),
        _applies(under_6, get("children_vaccinated"), 6),  # type: ignore[arg-type]
        _verdict(_at_least(get("members_exercising"), 1), 5),  # type: ignore[arg-type]
        _applies(school_age, None if in_school is None or school_age is None else in_school >= school_age, 8),
        _verdict(get("waste_handled"), 8),  # type: ignore[arg-type]
        _verdict(_not(get("forest_violation")), 8),
        _verdict(_at_least(get("vneid_level2_adults"), 1), 7),  # type: ignore[arg-type]
    )
    verdicts = tuple(r[0] for r in results)
    points = tuple(r[1] for r in results)
    years = get("years_held_consecutive")
    return decide(verdicts, points, pass_mark, outstanding_mark, _at_least(years, 3))  # type: ignore[arg-type]


_BOOL_SET = frozenset(_BOOLEANS)
_INT_LIMITS = tuple((name, low, high) for name, low, high in _INTEGERS)
_AREAS = frozenset(("urban", "rural"))
_GROUPS = frozenset(("group1", "group2", "group3"))
_HOUSING = frozenset(("solid", "semi_solid", "makeshift"))
_WATER = frozenset(("qc_standard", "hygienic", "unhygienic"))
_WATER_POINTS = {"qc_standard": 6, "hygienic": 4, "unhygienic": 0}


def _valid_fast(rec: Mapping[str, object]) -> bool:
    """Class-identity checks only; False sends the record to record_problems_flat."""
    get = rec.get
    for name in _BOOL_SET:
        value = get(name)
        if value is not None and value.__class__ is not bool:
            return False
    for name, low, high in _INT_LIMITS:
        value = get(name)
        if value is not None and (
            value.__class__ is not int or value < low or (high is not None and value > high)
        ):
            return False
    area, group, housing, water = get("area"), get("commune_group"), get("housing_type"), get("water_source")
    if (
        (area is not None and area not in _AREAS)
        or (group is not None and group not in _GROUPS)
        or (housing is not None and housing not in _HOUSING)
        or (water is not None and water not in _WATER)
    ):
        return False
    income = get("income_per_capita")
    return income is None or (
        (income.__class__ is int or income.__class__ is float) and 0 <= income < math.inf
    )


def _yes(value: object, points: float) -> tuple[str, float]:
    return (PASS, points) if value is True else (FAIL, 0) if value is False else (UNKNOWN, 0)


def _no(value: object, points: float) -> tuple[str, float]:
    return (PASS, points) if value is False else (FAIL, 0) if value is True else (UNKNOWN, 0)


def hand_written_flat_inline(rec: Mapping[str, object]) -> Row:
    """A stricter reference: fast checks, verdicts written out, the decision inline."""
    if not _valid_fast(rec) and record_problems_flat(rec):
        return INVALID
    get = rec.get
    area = get("area")
    income = get("income_per_capita")
    line = INCOME_LINE.get(area)  # type: ignore[arg-type]
    middle = MIDDLE_LINE.get(area)  # type: ignore[arg-type]
    elders, under_6, school_age = get("elders"), get("children_under_6"), get("school_age_children")
    k1 = _yes(get("registered"), 0)[0]
    k2 = _yes(get("gdvh_this_year"), 0)[0]
    k3 = _no(get("member_prosecuted"), 0)[0]
    k4 = _no(get("member_obligation_default"), 0)[0]
    k5 = _no(get("member_fined_marriage"), 0)[0]
    k6 = _no(get("member_fined_order"), 0)[0]
    k7 = _no(get("member_drug_user"), 0)[0]
    x = get("dv_incidents")
    a1, pa1 = (UNKNOWN, 0) if x is None else (PASS, 10) if x == 0 else (FAIL, 0)
    if elders is None:
        a3, pa3 = UNKNOWN, 0
    elif elders > 0:  # type: ignore[operator]
        a3, pa3 = _yes(get("elder_care_ok"), 8)
    else:
        a3, pa3 = NA, 0
    a4, pa4 = _no(get("child_marriage"), 8)
    if income is None or middle is None:
        b1, pb1 = UNKNOWN, 0
    elif income > middle:  # type: ignore[operator]
        b1, pb1 = PASS, 12
    elif income > line:  # type: ignore[operator]
        b1, pb1 = PASS, 9
    else:
        x = get("deprivations")
        b1, pb1 = (UNKNOWN, 0) if x is None else (PASS, 6) if x < 3 else (FAIL, 0)  # type: ignore[operator]
    x = get("housing_type")
    b2, pb2 = (UNKNOWN, 0) if x is None else (PASS, 6) if x == "solid" or x == "semi_solid" else (FAIL, 0)
    x = get("water_source")
    pb3 = 0 if x is None else _WATER_POINTS[x]  # type: ignore[index]
    b3 = UNKNOWN if x is None else PASS if pb3 else FAIL
    insured, members = get("insured_members"), get("members")
    if insured is None or members is None or members == 0:
        c1, pc1 = UNKNOWN, 0
    else:
        share = insured / members  # type: ignore[operator]
        c1, pc1 = (PASS, 8) if share >= 1.0 else (PASS, 4) if share >= 0.9 else (FAIL, 0)
    if under_6 is None:
        c2, pc2 = UNKNOWN, 0
    elif under_6 > 0:  # type: ignore[operator]
        c2, pc2 = _yes(get("children_vaccinated"), 6)
    else:
        c2, pc2 = NA, 0
    x = get("members_exercising")
    c3, pc3 = (UNKNOWN, 0) if x is None else (PASS, 5) if x >= 1 else (FAIL, 0)  # type: ignore[operator]
    if school_age is None:
        d1, pd1 = UNKNOWN, 0
    elif school_age > 0:  # type: ignore[operator]
        x = get("school_age_in_school")
        d1, pd1 = (UNKNOWN, 0) if x is None else (PASS, 8) if x >= school_age else (FAIL, 0)  # type: ignore[operator]
    else:
        d1, pd1 = NA, 0
    e2, pe2 = _yes(get("waste_handled"), 8)
    e3, pe3 = _no(get("forest_violation"), 8)
    x = get("vneid_level2_adults")
    e4, pe4 = (UNKNOWN, 0) if x is None else (PASS, 7) if x >= 1 else (FAIL, 0)  # type: ignore[operator]
    verdicts = (k1, k2, k3, k4, k5, k6, k7, a1, a3, a4, b1, b2, b3, c1, c2, c3, d1, e2, e3, e4)
    points = (0, 0, 0, 0, 0, 0, 0, pa1, pa3, pa4, pb1, pb2, pb3, pc1, pc2, pc3, pd1, pe2, pe3, pe4)
    pass_mark, outstanding = marks(get, income, line)
    years = get("years_held_consecutive")
    return decide(verdicts, points, pass_mark, outstanding, None if years is None else years >= 3)  # type: ignore[operator]


__all__ = ["FLAGS", "FLAT_SET", "flat_records", "hand_written_flat", "hand_written_flat_inline"]
