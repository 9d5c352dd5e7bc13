"""The evaluator benchmark: criteria_engine side by side with hand-written Python and two peers.

One process, the same generated household records (benchmarks/gen_households.py) for every
contender, the 20-criterion set benchmarks/household20.yaml. Each round times every contender
over all the records; the order of the contenders rotates from round to round (so none always
runs first, on a cold cache, or last, after the others' garbage), and the table shows the
median round. Before timing, every contender's verdicts, points and score are checked against
criteria_engine's on every valid record.

Contenders (see benchmarks/README.md for what each one does exactly):

- ``hand-written``: a plain Python function with the same rules, the same record type checks
  and the same missing-data semantics (unknown, never 0 or false); returns verdicts, points,
  score, applicable maximum, status and rating. The reference (ratio 1.00).
- ``ce verdicts``: ``Plan.evaluate(record, detail=False)``.
- ``ce explained``: ``Plan.evaluate(record, detail=True)`` (values read, missing fields,
  reasons and aggregate details per criterion).
- ``ce raw outcome`` (diagnostic): ``Plan.outcome(record)`` on records checked beforehand
  (the generated function plus the decision, no record check, no result objects).
- ``ce record check`` / ``hand-written check`` (diagnostic): the record type checks alone.
- ``rule-engine``: one ``rule_engine.Rule`` per criterion (plus three for the pass mark and
  the outstanding band), compiled once; the decision in Python (the hand-written one).
- ``zen-engine``: one JDM decision graph (input -> one expression node with every criterion
  -> output), created once; the decision in Python (the hand-written one).

Run::

    pip install -e .[bench]
    python benchmarks/evaluator.py --records 100000
    python benchmarks/evaluator.py --records 20000 --rounds 3 --only hand-written,"ce verdicts"
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_households import households  # noqa: E402

from criteria_engine import compile_plan, load_revision  # noqa: E402

SET_FILE = HERE / "household20.yaml"

PASS, FAIL, UNKNOWN, NA = "pass", "fail", "unknown", "not_applicable"
CRITERIA = (
    "K1",
    "K2",
    "K3",
    "K4",
    "K5",
    "K6",
    "K7",
    "A1",
    "A3",
    "A4",
    "B1",
    "B2",
    "B3",
    "C1",
    "C2",
    "C3",
    "D1",
    "E2",
    "E3",
    "E4",
)
MAX_POINTS = (0, 0, 0, 0, 0, 0, 0, 10, 8, 8, 12, 6, 6, 8, 6, 5, 8, 8, 8, 7)
# A gate fails the household whatever its score: the vetoes and the mandatory criteria.
GATES = (True,) * 8 + (False, True) + (False,) * 6 + (True, False, False, False)
PERSON_FLAGS = (
    "criminal_prosecution",
    "mil_tax_default",
    "sanction_marriage",
    "sanction_order_dv",
    "drug_user",
)
INCOME_LINE = {"urban": 2_000_000, "rural": 1_500_000}
MIDDLE_LINE = {"urban": 3_000_000, "rural": 2_250_000}

Row = tuple[str, float | None, float | None, str | None, tuple[str, ...], tuple[float, ...]]
"""What every contender gives per record: status, score, max score, rating, verdicts, points."""
INVALID: Row = ("invalid", None, None, None, (), ())


# --- The decision, shared by the hand-written function and the peers ------------------------


def decide(
    verdicts: Sequence[str],
    points: Sequence[float],
    pass_mark: float | None,
    outstanding_mark: float | None,
    outstanding_when: bool | None,
) -> Row:
    """Score, applicable maximum, status and rating from the verdicts and points.

    The status has two cases: the worst (unknown criteria fail) and the best (they pass with
    full points). A failed gate fails; an unknown pass mark leaves the status undetermined.
    """
    score = max_score = unknown_points = 0
    hard_fail = hard_unknown = False
    for verdict, earned, top, gate in zip(verdicts, points, MAX_POINTS, GATES, strict=True):
        if verdict == NA:
            continue
        max_score += top
        score += earned
        if verdict == FAIL:
            hard_fail = hard_fail or gate
        elif verdict == UNKNOWN:
            unknown_points += top - earned
            hard_unknown = hard_unknown or gate
    if hard_fail:
        status = "failed"
    elif pass_mark is None:
        status = "undetermined"
    elif not hard_unknown and score >= pass_mark:
        status = "passed"
    elif score + unknown_points < pass_mark:
        status = "failed"
    else:
        status = "undetermined"
    if status == "undetermined":
        rating = None
    elif status != "passed":
        rating = "not_passed"
    elif outstanding_mark is not None and score >= outstanding_mark and outstanding_when is True:
        rating = "outstanding"
    elif score >= pass_mark:  # type: ignore[operator]  # passed implies a known mark
        rating = "passed"
    else:
        rating = "not_passed"
    return status, score, max_score, rating, tuple(verdicts), tuple(points)


# --- (a) The hand-written function --------------------------------------------------------

_BOOLEANS = (
    "especially_difficult", "registered", "gdvh_this_year", "elder_care_ok", "child_marriage",
    "children_vaccinated", "waste_handled", "forest_violation",
)  # fmt: skip
_INTEGERS = (
    ("members", 1, None), ("insured_members", 0, None), ("deprivations", 0, 12), ("dv_incidents", 0, None),
    ("elders", 0, None), ("children_under_6", 0, None), ("members_exercising", 0, None),
    ("school_age_children", 0, None), ("school_age_in_school", 0, None), ("vneid_level2_adults", 0, None),
    ("years_held_consecutive", 0, None),
)  # fmt: skip
_ENUMS = (
    ("area", ("urban", "rural")),
    ("commune_group", ("group1", "group2", "group3")),
    ("housing_type", ("solid", "semi_solid", "makeshift")),
    ("water_source", ("qc_standard", "hygienic", "unhygienic")),
)


def record_problems(rec: Mapping[str, object]) -> list[tuple[str, str]]:
    """The same checks as criteria_engine's: types, ranges, enums, the persons rows.

    Missing (absent or null) values are not problems. Integral floats pass as integers.
    """
    problems: list[tuple[str, str]] = []
    get = rec.get
    for name in _BOOLEANS:
        value = get(name)
        if value is not None and not isinstance(value, bool):
            problems.append((name, "wrong-type"))
    for name, low, high in _INTEGERS:
        value = get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append((name, "wrong-type"))
        elif isinstance(value, float) and not value.is_integer():
            problems.append((name, "wrong-type" if math.isfinite(value) else "not-finite"))
        elif value < low or (high is not None and value > high):
            problems.append((name, "out-of-range"))
    for name, allowed in _ENUMS:
        value = get(name)
        if value is not None and value not in allowed:
            problems.append((name, "not-allowed"))
    income = get("income_per_capita")
    if income is not None:
        if isinstance(income, bool) or not isinstance(income, int | float):
            problems.append(("income_per_capita", "wrong-type"))
        elif not math.isfinite(income):
            problems.append(("income_per_capita", "not-finite"))
        elif income < 0:
            problems.append(("income_per_capita", "out-of-range"))
    persons = get("persons")
    if persons is not None:
        if not isinstance(persons, list):
            problems.append(("persons", "wrong-type"))
        else:
            for index, person in enumerate(persons):
                if not isinstance(person, Mapping):
                    problems.append((f"persons[{index}]", "wrong-type"))
                    continue
                name = person.get("full_name")
                if name is not None and not isinstance(name, str):
                    problems.append((f"persons[{index}].full_name", "wrong-type"))
                for flag in PERSON_FLAGS:
                    value = person.get(flag)
                    if value is not None and not isinstance(value, bool):
                        problems.append((f"persons[{index}].{flag}", "wrong-type"))
    return problems


def _verdict(value: bool | None, points: float) -> tuple[str, float]:
    """A yes/no criterion: True passes with its points, False fails, unknown is unknown."""
    if value is True:
        return PASS, points
    if value is False:
        return FAIL, 0
    return UNKNOWN, 0


def _applies(count: int | None, value: bool | None, points: float) -> tuple[str, float]:
    """A criterion that applies when ``count > 0`` (elders, small children, pupils)."""
    if count is None:
        return UNKNOWN, 0
    if count > 0:
        return _verdict(value, points)
    return NA, 0


def _nobody(persons: list[Mapping[str, object]] | None, flag: str) -> bool | None:
    """``not any(persons, p.flag)``: False if someone has it, unknown if someone's is unknown."""
    if persons is None:
        return None
    unknown = False
    for person in persons:
        value = person.get(flag)
        if value is True:
            return False
        if value is None:
            unknown = True
    return None if unknown else True


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None else value >= limit


def _graded(points: float | None) -> tuple[str, float]:
    if points is None:
        return UNKNOWN, 0
    return (PASS if points > 0 else FAIL), points


def hand_written(rec: Mapping[str, object]) -> Row:
    """The 20 criteria of household20.yaml in plain Python: checks, verdicts, score, decision."""
    if record_problems(rec):
        return INVALID
    get = rec.get
    persons = get("persons")
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
    group = get("commune_group")

    # Derived values (unknown when what they read is unknown).
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
    poor = None if income is None or line is None else income <= line
    group3 = None if group is None else group == "group3"
    difficult = get("especially_difficult")
    if poor is True or group3 is True or difficult is True:
        relief: bool | None = True
    elif poor is None or group3 is None or difficult is None:
        relief = None
    else:
        relief = False
    if elders is None or under_6 is None or school_age is None:
        applicable = None
    else:
        applicable = (
            100 - (8 if elders == 0 else 0) - (6 if under_6 == 0 else 0) - (8 if school_age == 0 else 0)
        )
    pass_mark = None if relief is None or applicable is None else (70 if relief else 85) * applicable / 100
    outstanding_mark = None if applicable is None else 95 * applicable / 100
    years = get("years_held_consecutive")

    # The criteria, in file order.
    b1 = None if level is None else (12 if level >= 3 else 9 if level >= 2 else 6 if level >= 1 else 0)
    water = get("water_source")
    b3 = None if water is None else {"qc_standard": 6, "hygienic": 4}.get(water, 0)  # type: ignore[call-overload]
    c1 = None if share is None else (8 if share >= 1.0 else 4 if share >= 0.9 else 0)
    housing = get("housing_type")
    results = (
        _verdict(get("registered"), 0),  # type: ignore[arg-type]
        _verdict(get("gdvh_this_year"), 0),  # type: ignore[arg-type]
        _verdict(_nobody(persons, "criminal_prosecution"), 0),  # type: ignore[arg-type]
        _verdict(_nobody(persons, "mil_tax_default"), 0),  # type: ignore[arg-type]
        _verdict(_nobody(persons, "sanction_marriage"), 0),  # type: ignore[arg-type]
        _verdict(_nobody(persons, "sanction_order_dv"), 0),  # type: ignore[arg-type]
        _verdict(_nobody(persons, "drug_user"), 0),  # type: ignore[arg-type]
        _verdict(None if (dv := get("dv_incidents")) is None else dv == 0, 10),
        _applies(elders, get("elder_care_ok"), 8),  # type: ignore[arg-type]
        _verdict(_not(get("child_marriage")), 8),  # type: ignore[arg-type]
        _graded(b1),
        _verdict(None if housing is None else housing in ("solid", "semi_solid"), 6),
        _graded(b3),
        _graded(c1),
        _applies(under_6, get("children_vaccinated"), 6),  # type: ignore[arg-type]
        _verdict(_at_least(get("members_exercising"), 1), 5),  # type: ignore[arg-type]
        _applies(school_age, None if in_school is None or school_age is None else in_school >= school_age, 8),
        _verdict(get("waste_handled"), 8),  # type: ignore[arg-type]
        _verdict(_not(get("forest_violation")), 8),  # type: ignore[arg-type]
        _verdict(_at_least(get("vneid_level2_adults"), 1), 7),  # type: ignore[arg-type]
    )
    verdicts = tuple(r[0] for r in results)
    points = tuple(r[1] for r in results)
    return decide(verdicts, points, pass_mark, outstanding_mark, _at_least(years, 3))  # type: ignore[arg-type]


# --- (a') The same, tuned: one function, everything inline (a diagnostic reference) ---------

_BOOL_NAMES = frozenset(_BOOLEANS)
_INT_LIMITS = {name: (low, high) for name, low, high in _INTEGERS}
_ENUM_VALUES = {name: frozenset(values) for name, values in _ENUMS}
_PERSON_FIELDS = ("full_name", *PERSON_FLAGS)


def _valid_fast(rec: Mapping[str, object]) -> bool:
    """Class-identity checks only; False sends the record to record_problems (as ours does)."""
    get = rec.get
    for name in _BOOL_NAMES:
        value = get(name)
        if value is not None and value.__class__ is not bool:
            return False
    for name, (low, high) in _INT_LIMITS.items():
        value = get(name)
        if value is not None and (
            value.__class__ is not int or value < low or (high is not None and value > high)
        ):
            return False
    for name, allowed in _ENUM_VALUES.items():
        value = get(name)
        if value is not None and value not in allowed:
            return False
    income = get("income_per_capita")
    if income is not None and (
        (income.__class__ is not int and income.__class__ is not float) or not 0 <= income < math.inf
    ):
        return False
    persons = get("persons")
    if persons is not None:
        if persons.__class__ is not list:
            return False
        for person in persons:
            if person.__class__ is not dict:
                return False
            name = person.get("full_name")
            if name is not None and name.__class__ is not str:
                return False
            for flag in PERSON_FLAGS:
                value = person.get(flag)
                if value is not None and value.__class__ is not bool:
                    return False
    return True


def hand_written_inline(rec: Mapping[str, object]) -> Row:
    """hand_written with every helper inlined and one pass over the persons for all five vetoes."""
    if not _valid_fast(rec) and record_problems(rec):
        return INVALID
    get = rec.get
    persons = get("persons")
    area = get("area")
    income = get("income_per_capita")
    line = INCOME_LINE.get(area)  # type: ignore[arg-type]
    middle = MIDDLE_LINE.get(area)  # type: ignore[arg-type]
    elders = get("elders")
    under_6 = get("children_under_6")
    school_age = get("school_age_children")

    # Vetoes: one pass. flagged[i]: someone has flag i; unsure[i]: someone's flag i is unknown.
    if persons is None:
        k3 = k4 = k5 = k6 = k7 = UNKNOWN
    else:
        f3 = f4 = f5 = f6 = f7 = u3 = u4 = u5 = u6 = u7 = False
        for person in persons:
            pget = person.get
            x = pget("criminal_prosecution")
            if x is True:
                f3 = True
            elif x is None:
                u3 = True
            x = pget("mil_tax_default")
            if x is True:
                f4 = True
            elif x is None:
                u4 = True
            x = pget("sanction_marriage")
            if x is True:
                f5 = True
            elif x is None:
                u5 = True
            x = pget("sanction_order_dv")
            if x is True:
                f6 = True
            elif x is None:
                u6 = True
            x = pget("drug_user")
            if x is True:
                f7 = True
            elif x is None:
                u7 = True
        k3 = FAIL if f3 else UNKNOWN if u3 else PASS
        k4 = FAIL if f4 else UNKNOWN if u4 else PASS
        k5 = FAIL if f5 else UNKNOWN if u5 else PASS
        k6 = FAIL if f6 else UNKNOWN if u6 else PASS
        k7 = FAIL if f7 else UNKNOWN if u7 else PASS
    x = get("registered")
    k1 = PASS if x is True else FAIL if x is False else UNKNOWN
    x = get("gdvh_this_year")
    k2 = PASS if x is True else FAIL if x is False else UNKNOWN
    x = get("dv_incidents")
    a1, pa1 = (UNKNOWN, 0) if x is None else (PASS, 10) if x == 0 else (FAIL, 0)
    if elders is None:
        a3, pa3 = UNKNOWN, 0
    elif elders > 0:
        x = get("elder_care_ok")
        a3, pa3 = (PASS, 8) if x is True else (FAIL, 0) if x is False else (UNKNOWN, 0)
    else:
        a3, pa3 = NA, 0
    x = get("child_marriage")
    a4, pa4 = (FAIL, 0) if x is True else (PASS, 8) if x is False else (UNKNOWN, 0)
    if income is None or middle is None:
        b1, pb1 = UNKNOWN, 0
    elif income > middle:
        b1, pb1 = PASS, 12
    elif income > line:  # type: ignore[operator]  # line is known when middle is
        b1, pb1 = PASS, 9
    else:
        x = get("deprivations")
        b1, pb1 = (UNKNOWN, 0) if x is None else (PASS, 6) if x < 3 else (FAIL, 0)
    x = get("housing_type")
    b2, pb2 = (UNKNOWN, 0) if x is None else (PASS, 6) if x == "solid" or x == "semi_solid" else (FAIL, 0)
    x = get("water_source")
    b3, pb3 = (
        (UNKNOWN, 0)
        if x is None
        else (PASS, 6)
        if x == "qc_standard"
        else (PASS, 4)
        if x == "hygienic"
        else (FAIL, 0)
    )
    insured, members = get("insured_members"), get("members")
    if insured is None or members is None or members == 0:
        c1, pc1 = UNKNOWN, 0
    else:
        share = insured / members
        c1, pc1 = (PASS, 8) if share >= 1.0 else (PASS, 4) if share >= 0.9 else (FAIL, 0)
    if under_6 is None:
        c2, pc2 = UNKNOWN, 0
    elif under_6 > 0:
        x = get("children_vaccinated")
        c2, pc2 = (PASS, 6) if x is True else (FAIL, 0) if x is False else (UNKNOWN, 0)
    else:
        c2, pc2 = NA, 0
    x = get("members_exercising")
    c3, pc3 = (UNKNOWN, 0) if x is None else (PASS, 5) if x >= 1 else (FAIL, 0)
    if school_age is None:
        d1, pd1 = UNKNOWN, 0
    elif school_age > 0:
        x = get("school_age_in_school")
        d1, pd1 = (UNKNOWN, 0) if x is None else (PASS, 8) if x >= school_age else (FAIL, 0)
    else:
        d1, pd1 = NA, 0
    x = get("waste_handled")
    e2, pe2 = (PASS, 8) if x is True else (FAIL, 0) if x is False else (UNKNOWN, 0)
    x = get("forest_violation")
    e3, pe3 = (FAIL, 0) if x is True else (PASS, 8) if x is False else (UNKNOWN, 0)
    x = get("vneid_level2_adults")
    e4, pe4 = (UNKNOWN, 0) if x is None else (PASS, 7) if x >= 1 else (FAIL, 0)

    verdicts = (k1, k2, k3, k4, k5, k6, k7, a1, a3, a4, b1, b2, b3, c1, c2, c3, d1, e2, e3, e4)
    points = (0, 0, 0, 0, 0, 0, 0, pa1, pa3, pa4, pb1, pb2, pb3, pc1, pc2, pc3, pd1, pe2, pe3, pe4)
    score = pa1 + pa3 + pa4 + pb1 + pb2 + pb3 + pc1 + pc2 + pc3 + pd1 + pe2 + pe3 + pe4
    top = 78 + (8 if a3 != NA else 0) + (6 if c2 != NA else 0) + (8 if d1 != NA else 0)
    loose = 0
    for verdict, full in (
        (a1, 10),
        (a3, 8),
        (a4, 8),
        (b1, 12),
        (b2, 6),
        (b3, 6),
        (c1, 8),
        (c2, 6),
        (c3, 5),
        (d1, 8),
        (e2, 8),
        (e3, 8),
        (e4, 7),
    ):
        if verdict == UNKNOWN:
            loose += full
    gates = (k1, k2, k3, k4, k5, k6, k7, a1, a4, d1)
    gate_fail = FAIL in gates
    gate_unknown = UNKNOWN in gates

    # Pass mark and outstanding mark (shares of the applicable points).
    if elders is None or under_6 is None or school_age is None:
        applicable = None
    else:
        applicable = (
            100 - (8 if elders == 0 else 0) - (6 if under_6 == 0 else 0) - (8 if school_age == 0 else 0)
        )
    group = get("commune_group")
    difficult = get("especially_difficult")
    poor = None if income is None or line is None else income <= line
    if poor is True or group == "group3" or difficult is True:
        relief: bool | None = True
    elif poor is None or group is None or difficult is None:
        relief = None
    else:
        relief = False
    pass_mark = None if relief is None or applicable is None else (70 if relief else 85) * applicable / 100

    if gate_fail:
        status = "failed"
    elif pass_mark is None:
        status = "undetermined"
    elif not gate_unknown and score >= pass_mark:
        status = "passed"
    elif score + loose < pass_mark:
        status = "failed"
    else:
        status = "undetermined"
    if status == "passed":
        years = get("years_held_consecutive")
        outstanding = years is not None and years >= 3 and score >= 95 * applicable / 100  # type: ignore[operator]
        rating: str | None = "outstanding" if outstanding else "passed"
    elif status == "failed":
        rating = "not_passed"
    else:
        rating = None
    return status, score, top, rating, verdicts, points


# --- (b1) rule-engine ---------------------------------------------------------------------

# rule-engine has no three-valued logic: an ordered comparison with null raises "data type
# mismatch", `not null` is true and `null in [...]` is false. Every rule therefore guards its
# inputs with `x == null ? null : ...`. A rule returns true/false/null (yes/no criteria),
# 'na' when an applies_if is false, or the points (graded criteria).
_VETO_RE = "persons == null ? null : ([p for p in persons if p&['{f}'] == true] ? false : ([p for p in persons if p&['{f}'] == null] ? null : true))"
_LINE_RE = "(area == 'urban' ? 2000000 : 1500000)"
_MIDDLE_RE = "(area == 'urban' ? 3000000 : 2250000)"
_APPLICABLE_RE = (
    "(elders == null or children_under_6 == null or school_age_children == null ? null : "
    "100 - (elders == 0 ? 8 : 0) - (children_under_6 == 0 ? 6 : 0) - (school_age_children == 0 ? 8 : 0))"
)
_POOR_RE = f"(income_per_capita == null or area == null ? null : income_per_capita <= {_LINE_RE})"
_RELIEF_RE = (
    f"(({_POOR_RE} == true or commune_group == 'group3' or especially_difficult == true) ? true : "
    f"(({_POOR_RE} == null or commune_group == null or especially_difficult == null) ? null : false))"
)
RULE_ENGINE_RULES = {
    "K1": "registered",
    "K2": "gdvh_this_year",
    **{
        cid: _VETO_RE.format(f=flag)
        for cid, flag in zip(("K3", "K4", "K5", "K6", "K7"), PERSON_FLAGS, strict=True)
    },
    "A1": "dv_incidents == null ? null : dv_incidents == 0",
    "A3": "elders == null ? null : (elders > 0 ? elder_care_ok : 'na')",
    "A4": "child_marriage == null ? null : not child_marriage",
    "B1": (
        f"income_per_capita == null or area == null ? null : (income_per_capita > {_MIDDLE_RE} ? 12 : "
        f"(income_per_capita > {_LINE_RE} ? 9 : (deprivations == null ? null : (deprivations < 3 ? 6 : 0))))"
    ),
    "B2": "housing_type == null ? null : housing_type in ['solid', 'semi_solid']",
    "B3": "water_source == null ? null : (water_source == 'qc_standard' ? 6 : (water_source == 'hygienic' ? 4 : 0))",
    "C1": (
        "insured_members == null or members == null or members == 0 ? null : "
        "(insured_members / members >= 1.0 ? 8 : (insured_members / members >= 0.9 ? 4 : 0))"
    ),
    "C2": "children_under_6 == null ? null : (children_under_6 > 0 ? children_vaccinated : 'na')",
    "C3": "members_exercising == null ? null : members_exercising >= 1",
    "D1": (
        "school_age_children == null ? null : (school_age_children > 0 ? "
        "(school_age_in_school == null ? null : school_age_in_school >= school_age_children) : 'na')"
    ),
    "E2": "waste_handled",
    "E3": "forest_violation == null ? null : not forest_violation",
    "E4": "vneid_level2_adults == null ? null : vneid_level2_adults >= 1",
    "pass_mark": f"{_RELIEF_RE} == null or {_APPLICABLE_RE} == null ? null : ({_RELIEF_RE} ? 70 : 85) * {_APPLICABLE_RE} / 100",
    "outstanding_mark": f"{_APPLICABLE_RE} == null ? null : 95 * {_APPLICABLE_RE} / 100",
    "outstanding_when": "years_held_consecutive == null ? null : years_held_consecutive >= 3",
}
GRADED = frozenset({"B1", "B3", "C1"})


def _peer_row(values: Mapping[str, object]) -> Row:
    """Verdicts and points from a peer's per-criterion values, then the shared decision."""
    verdicts: list[str] = []
    points: list[float] = []
    for cid, top in zip(CRITERIA, MAX_POINTS, strict=True):
        value = values.get(cid)
        if cid in GRADED:
            verdict, earned = _graded(None if value is None else float(value))  # type: ignore[arg-type]
        elif value == "na":
            verdict, earned = NA, 0
        else:
            verdict, earned = _verdict(value, top)  # type: ignore[arg-type]
        verdicts.append(verdict)
        points.append(earned)
    marks = [values.get(k) for k in ("pass_mark", "outstanding_mark")]
    pass_mark, outstanding_mark = (None if m is None else float(m) for m in marks)  # type: ignore[arg-type]
    return decide(verdicts, points, pass_mark, outstanding_mark, values.get("outstanding_when"))  # type: ignore[arg-type]


def rule_engine_contender() -> Callable[[Mapping[str, object]], Row | None]:
    import rule_engine

    # default_value: an absent field reads as null instead of raising SymbolResolutionError.
    context = rule_engine.Context(default_value=None)
    rules = [(key, rule_engine.Rule(text, context=context)) for key, text in RULE_ENGINE_RULES.items()]

    def evaluate(rec: Mapping[str, object]) -> Row | None:
        try:
            return _peer_row({key: rule.evaluate(rec) for key, rule in rules})
        except (rule_engine.EngineError, ArithmeticError, TypeError):
            return None  # a record the rules cannot read (rule-engine has no record checks)

    return evaluate


# --- (b2) zen-engine ----------------------------------------------------------------------

# ZEN expressions read an absent field as null, but `null > 0`, `not null` and `null and x`
# raise a VM error; so, as for rule-engine, every rule guards its inputs. A null result is
# dropped from the output object (read back with .get -> None = unknown).
_VETO_ZEN = "persons == null ? null : (some(persons, #.{f} == true) ? false : (some(persons, #.{f} == null) ? null : true))"
_LINE_ZEN = "(area == 'urban' ? 2000000 : 1500000)"
_MIDDLE_ZEN = "(area == 'urban' ? 3000000 : 2250000)"
ZEN_RULES = {
    "K1": "registered",
    "K2": "gdvh_this_year",
    **{
        cid: _VETO_ZEN.format(f=flag)
        for cid, flag in zip(("K3", "K4", "K5", "K6", "K7"), PERSON_FLAGS, strict=True)
    },
    "A1": "dv_incidents == null ? null : dv_incidents == 0",
    "A3": "elders == null ? null : (elders > 0 ? elder_care_ok : 'na')",
    "A4": "child_marriage == null ? null : not child_marriage",
    "B1": (
        f"income_per_capita == null or area == null ? null : (income_per_capita > {_MIDDLE_ZEN} ? 12 : "
        f"(income_per_capita > {_LINE_ZEN} ? 9 : (deprivations == null ? null : (deprivations < 3 ? 6 : 0))))"
    ),
    "B2": "housing_type == null ? null : housing_type in ['solid', 'semi_solid']",
    "B3": "water_source == null ? null : (water_source == 'qc_standard' ? 6 : (water_source == 'hygienic' ? 4 : 0))",
    "C1": (
        "insured_members == null or members == null or members == 0 ? null : "
        "(insured_members / members >= 1 ? 8 : (insured_members / members >= 0.9 ? 4 : 0))"
    ),
    "C2": "children_under_6 == null ? null : (children_under_6 > 0 ? children_vaccinated : 'na')",
    "C3": "members_exercising == null ? null : members_exercising >= 1",
    "D1": (
        "school_age_children == null ? null : (school_age_children > 0 ? "
        "(school_age_in_school == null ? null : school_age_in_school >= school_age_children) : 'na')"
    ),
    "E2": "waste_handled",
    "E3": "forest_violation == null ? null : not forest_violation",
    "E4": "vneid_level2_adults == null ? null : vneid_level2_adults >= 1",
    # Derived values: later expressions of the node read earlier ones as $.name.
    "poor": f"income_per_capita == null or area == null ? null : income_per_capita <= {_LINE_ZEN}",
    "relief": (
        "($.poor == true or commune_group == 'group3' or especially_difficult == true) ? true : "
        "(($.poor == null or commune_group == null or especially_difficult == null) ? null : false)"
    ),
    "applicable": (
        "elders == null or children_under_6 == null or school_age_children == null ? null : "
        "100 - (elders == 0 ? 8 : 0) - (children_under_6 == 0 ? 6 : 0) - (school_age_children == 0 ? 8 : 0)"
    ),
    "pass_mark": "$.relief == null or $.applicable == null ? null : ($.relief ? 70 : 85) * $.applicable / 100",
    "outstanding_mark": "$.applicable == null ? null : 95 * $.applicable / 100",
    "outstanding_when": "years_held_consecutive == null ? null : years_held_consecutive >= 3",
}


def zen_graph() -> dict[str, Any]:
    """The JDM graph: input -> one expression node with every rule -> output."""
    expressions = [
        {"id": f"e{i}", "key": key, "value": text} for i, (key, text) in enumerate(ZEN_RULES.items())
    ]
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "household", "position": {"x": 0, "y": 0}},
            {
                "id": "criteria",
                "type": "expressionNode",
                "name": "criteria",
                "position": {"x": 250, "y": 0},
                "content": {"expressions": expressions},
            },
            {"id": "out", "type": "outputNode", "name": "verdicts", "position": {"x": 500, "y": 0}},
        ],
        "edges": [
            {"id": "e-in", "sourceId": "in", "targetId": "criteria", "type": "edge"},
            {"id": "e-out", "sourceId": "criteria", "targetId": "out", "type": "edge"},
        ],
    }


def zen_contender() -> Callable[[Mapping[str, object]], Row | None]:
    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(zen_graph()))

    def evaluate(rec: Mapping[str, object]) -> Row | None:
        try:
            return _peer_row(decision.evaluate(rec)["result"])  # type: ignore[arg-type]
        except Exception:  # the binding raises plain Exception (VM errors, NaN, bad JSON)
            return None  # a record the rules cannot read (zen-engine has no record checks)

    return evaluate


# --- criteria_engine -------------------------------------------------------------------------


def ce_row(result: Any) -> Row:
    """A criteria_engine Result as the common row."""
    if result.status == "invalid":
        return INVALID
    return (
        result.status,
        result.score,
        result.max_score,
        result.rating,
        tuple(c.verdict for c in result.criteria),
        tuple(c.points for c in result.criteria),
    )


def code_identity() -> str:
    """Which criteria_engine was measured: its path, the git commit, and a digest of the evaluator.

    The working tree may differ from the commit (other engineers' edits): the digest of
    criteria_engine/evaluators/*.py and results.py tells two runs' code apart.
    """
    import criteria_engine

    package = Path(criteria_engine.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(
        [*(package / "evaluators").glob("*.py"), package / "results.py", *(package / "rules").glob("*.py")]
    ):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    commit = "?"
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        commit = subprocess.run(
            ["git", "-C", str(package), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    return f"{package} (git {commit}; evaluator code digest {digest.hexdigest()[:12]})"


# --- The runner ----------------------------------------------------------------------------


@dataclass
class Contender:
    name: str
    run: Callable[[Sequence[Mapping[str, object]]], None]
    """Evaluates every record of the list (results are made and dropped)."""
    records: str = "all"
    """Which records it reads: "all", or "checked" (valid records, checked beforehand)."""
    note: str = ""
    diagnostic: bool = False


def _loop(
    evaluate: Callable[[Mapping[str, object]], object],
) -> Callable[[Sequence[Mapping[str, object]]], None]:
    def run(records: Sequence[Mapping[str, object]]) -> None:
        for record in records:
            evaluate(record)

    return run


PEERS = ("rule-engine", "zen-engine")


def build_contenders(plan: Any, skip_peers: bool) -> list[Contender]:
    evaluate = plan.evaluate
    outcome = plan.outcome

    def ce_verdicts(records: Sequence[Mapping[str, object]]) -> None:
        for record in records:
            evaluate(record, detail=False)

    def ce_explained(records: Sequence[Mapping[str, object]]) -> None:
        for record in records:
            # Read every criterion's explanation data, in case a future Result builds it lazily.
            for item in evaluate(record, detail=True).criteria:
                item.aggregates  # noqa: B018

    contenders = [
        Contender(
            "hand-written", _loop(hand_written), note="the reference: plain Python, helpers per criterion"
        ),
        Contender("ce verdicts", ce_verdicts, note="Plan.evaluate(detail=False)"),
        Contender("ce explained", ce_explained, note="Plan.evaluate(detail=True)"),
        Contender(
            "hand-written, inlined",
            _loop(hand_written_inline),
            note="one function, no helpers (a stricter reference)",
            diagnostic=True,
        ),
        Contender(
            "ce raw outcome", _loop(outcome), "checked", "Plan.outcome on checked records", diagnostic=True
        ),
        Contender("hand-written check", _loop(record_problems), note="record checks only", diagnostic=True),
    ]
    valid = getattr(plan, "_valid", None)
    if valid is not None:
        contenders.append(
            Contender("ce generated check", _loop(valid), note="Plan._valid (generated)", diagnostic=True)
        )
    checker = getattr(plan, "_checker", None)
    if checker is not None:
        contenders.append(
            Contender("ce RecordChecker", _loop(checker.check), note="RecordChecker.check", diagnostic=True)
        )
    if not skip_peers:
        contenders.append(
            Contender(
                "rule-engine",
                _loop(rule_engine_contender()),
                note=f"{len(RULE_ENGINE_RULES)} Rules, decision in Python",
            )
        )
        contenders.append(
            Contender("zen-engine", _loop(zen_contender()), note="1 JDM graph, decision in Python")
        )
    return contenders


def verify(
    plan: Any, records: Sequence[Mapping[str, object]], contenders: Iterable[str], skip_peers: bool
) -> dict[str, dict[str, int]]:
    """Compare every contender's rows with criteria_engine's; count the differences by kind."""
    others: dict[str, Callable[[Mapping[str, object]], Row | None]] = {
        "hand-written": hand_written,
        "hand-written, inlined": hand_written_inline,
    }
    if not skip_peers:
        others["rule-engine"] = rule_engine_contender()
        others["zen-engine"] = zen_contender()
    others = {k: v for k, v in others.items() if k in contenders}
    report: dict[str, dict[str, int]] = {name: {} for name in others}
    report["ce explained"] = {}
    for index, record in enumerate(records):
        ours = ce_row(plan.evaluate(record, detail=False))
        if index % 50 == 0:  # the explained path gives the same verdicts (a sample suffices)
            explained = ce_row(plan.evaluate(record, detail=True))
            counts = report["ce explained"]
            counts["compared"] = counts.get("compared", 0) + 1
            if explained != ours:
                counts["different"] = counts.get("different", 0) + 1
        for name, evaluate in others.items():
            theirs = evaluate(record)
            counts = report[name]
            if ours[0] == "invalid" and name in PEERS:
                continue  # peers have no record checks: nothing to compare
            counts["compared"] = counts.get("compared", 0) + 1
            for label, i in (
                ("verdicts", 4),
                ("points", 5),
                ("score", 1),
                ("max_score", 2),
                ("status", 0),
                ("rating", 3),
            ):
                if theirs is None or theirs[i] != ours[i]:
                    counts[label] = counts.get(label, 0) + 1
                    if counts[label] <= 2 and os.environ.get("BENCH_VERBOSE"):
                        print(
                            f"  {name} differs on {label} for {record.get('id')}: {theirs} vs {ours}",
                            file=sys.stderr,
                        )
    return report


Times = dict[str, dict[str, list[float]]]


def run_rounds(
    contenders: Sequence[Contender],
    records: Sequence[Mapping[str, object]],
    checked: Sequence[Mapping[str, object]],
    rounds: int,
    peer_rounds: int | None = None,
) -> Times:
    """Wall and CPU seconds per contender per round; the order rotates every round.

    ``peer_rounds``: the peers run in the first rounds only (rule-engine takes minutes a round).
    """
    times: Times = {c.name: {"wall": [], "cpu": []} for c in contenders}
    for round_index in range(rounds):
        shift = round_index % len(contenders)
        order = list(contenders[shift:]) + list(contenders[:shift])
        for contender in order:
            if contender.name in PEERS and peer_rounds is not None and round_index >= peer_rounds:
                continue
            data = checked if contender.records == "checked" else records
            gc.collect()
            cpu = time.process_time()
            wall = time.perf_counter()
            contender.run(data)
            times[contender.name]["wall"].append(time.perf_counter() - wall)
            times[contender.name]["cpu"].append(time.process_time() - cpu)
        line = "  ".join(
            f"{c.name} {times[c.name]['wall'][-1]:.2f}s" for c in contenders if times[c.name]["wall"]
        )
        print(f"round {round_index + 1}/{rounds}: {line}", file=sys.stderr, flush=True)
    return times


TARGETS = {"ce verdicts": 1.2, "ce explained": 2.5}


def table(contenders: Sequence[Contender], times: Times, counts: Mapping[str, int]) -> str:
    """The results as a Markdown table: medians, µs per record and ratios (CPU and wall)."""

    def per_record(name: str, clock: str, records: str) -> float:
        return statistics.median(times[name][clock]) / counts[records]

    base = (
        {clock: per_record("hand-written", clock, "all") for clock in ("cpu", "wall")}
        if "hand-written" in times
        else None
    )
    lines = [
        "| contender | records | rounds | CPU s (median) | wall s (median) | µs/record (CPU) "
        "| × hand-written (CPU) | × hand-written (wall) | target | what |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for c in contenders:
        cpu, wall = per_record(c.name, "cpu", c.records), per_record(c.name, "wall", c.records)
        ratio_cpu = f"{cpu / base['cpu']:.2f}" if base else "-"
        ratio_wall = f"{wall / base['wall']:.2f}" if base else "-"
        target = f"≤ {TARGETS[c.name]}" if c.name in TARGETS else ""
        name = f"*{c.name}*" if c.diagnostic else c.name
        lines.append(
            f"| {name} | {counts[c.records]:,} | {len(times[c.name]['cpu'])} | {statistics.median(times[c.name]['cpu']):.2f} | "
            f"{statistics.median(times[c.name]['wall']):.2f} | {cpu * 1e6:.1f} | {ratio_cpu} | {ratio_wall} | {target} | {c.note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="criteria_engine vs hand-written Python, rule-engine and zen-engine."
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--only", default="", help="comma-separated contender names to time (hand-written always runs)"
    )
    parser.add_argument("--no-peers", action="store_true", help="skip rule-engine and zen-engine")
    parser.add_argument(
        "--no-diagnostics", action="store_true", help="time only the reference, ours and the peers"
    )
    parser.add_argument("--no-verify", action="store_true", help="skip the agreement check")
    parser.add_argument(
        "--peer-rounds",
        type=int,
        default=None,
        help="time the peers in the first N rounds only (default: all)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the raw times as JSON")
    args = parser.parse_args(argv)

    plan = compile_plan(load_revision(SET_FILE))
    code = code_identity()  # read now: the files may change while the benchmark runs
    print(f"criteria_engine: {code}", file=sys.stderr)
    print(f"generating {args.records:,} households (seed {args.seed})...", file=sys.stderr, flush=True)
    records = list(households(args.records, args.seed))
    checked = []
    for record in records:
        clean, problems = plan._checker.check(record)
        if not problems:
            checked.append(clean)
    contenders = build_contenders(plan, args.no_peers)
    if args.no_diagnostics:
        contenders = [c for c in contenders if not c.diagnostic]
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        contenders = [c for c in contenders if c.name in wanted or c.name == "hand-written"]
    names = [c.name for c in contenders]

    verification: dict[str, dict[str, int]] = {}
    if not args.no_verify:
        print("checking that every contender agrees with criteria_engine...", file=sys.stderr, flush=True)
        verification = verify(plan, records, names, args.no_peers)
        for name, found in verification.items():
            print(f"  {name}: {found}", file=sys.stderr)

    statuses: dict[str, int] = {}
    for record in records:
        status = hand_written(record)[0]
        statuses[status] = statuses.get(status, 0) + 1
    counts = {"all": len(records), "checked": len(checked)}
    times = run_rounds(contenders, records, checked, args.rounds, args.peer_rounds)

    print()
    print(
        f"household20.yaml, {len(records):,} records ({len(checked):,} valid), {args.rounds} rounds, medians; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    print(f"criteria_engine: {code}")
    print(f"statuses: {dict(sorted(statuses.items()))}")
    if verification:
        print("agreement with criteria_engine (differences by field; none listed = identical):")
        for name, found in verification.items():
            print(f"  {name}: {found}")
    print()
    print(table(contenders, times, counts))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "records": counts,
                    "rounds": args.rounds,
                    "seed": args.seed,
                    "code": code,
                    "times": times,
                    "statuses": statuses,
                    "verification": verification,
                    "python": platform.python_version(),
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
