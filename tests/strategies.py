"""Hypothesis strategies shared by the property tests: records that fit a data dictionary.

:func:`record_for` draws every field independently. :func:`candidate_for` is biased towards
records that reach every status and rating of a real set: two records in three start from
one of the set's stored examples (which pass, fail, reach the top band...) and change a few fields;
numbers are drawn near the thresholds the set's rules compare them with; collections get
member lists that carry a collection's policy (``min_known``, ``unknown``), with members of
every status.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Mapping, Sequence

from hypothesis import strategies as st

from criteria_engine.evaluators.members import Members
from criteria_engine.evaluators.plan import Plan
from criteria_engine.evaluators.records import member_fields
from criteria_engine.format.models import InputSpec
from criteria_engine.io.catalog import examples_file, load_examples
from criteria_engine.results import Status, Verdict
from criteria_engine.rules import ast


def value_for(spec: InputSpec, marks: Sequence[float] = ()) -> st.SearchStrategy[object]:
    """Valid values of one input (missing values are added by :func:`record_for`); numbers
    near ``marks`` (thresholds) half of the time."""
    low = spec.min if spec.min is not None else -1000
    high = spec.max if spec.max is not None else max(low, 0) + 10_000_000
    match spec.type:
        case "integer":
            plain: st.SearchStrategy[object] = st.integers(
                min_value=int(low), max_value=int(min(high, low + 50))
            )
            near = sorted({int(m) + d for m in marks for d in (-1, 0, 1) if low <= int(m) + d <= high})
            return st.one_of(plain, st.sampled_from(near)) if near else plain
        case "number":
            plain = st.floats(
                min_value=float(low), max_value=float(high), allow_nan=False, allow_infinity=False
            )
            near_values = sorted(
                {m + d for m in marks for d in (-1, -0.01, 0, 0.01, 1) if low <= m + d <= high}
            )
            return st.one_of(plain, st.sampled_from(near_values)) if near_values else plain
        case "boolean":
            return st.booleans()
        case "enum":
            return st.sampled_from(list(spec.values or ()))
        case "string":
            return st.text(max_size=8)
        case "date":
            return st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
        case _:
            return st.lists(record_for(spec.items or {}, missing=0.1), max_size=6)


@st.composite
def _record(
    draw: st.DrawFn, inputs: Mapping[str, InputSpec], missing: float, marks: Mapping[str, Sequence[float]]
) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, spec in inputs.items():
        if missing and draw(st.floats(min_value=0, max_value=1)) < missing:
            continue
        out[name] = draw(value_for(spec, marks.get(name, ())))
    return out


def record_for(
    inputs: Mapping[str, InputSpec], missing: float = 0.15, marks: Mapping[str, Sequence[float]] | None = None
) -> st.SearchStrategy[dict[str, object]]:
    """Records of a data dictionary: valid values, each field missing with probability ``missing``."""
    return _record(inputs, missing, marks or {})


@functools.cache
def thresholds(plan: Plan) -> dict[str, list[float]]:
    """Numbers each input is compared with in the set's rules (``x >= 3`` gives x: [3])."""
    found: dict[str, list[float]] = {}
    numbers = [
        float(n.value)
        for e in plan.expressions().values()
        for n in ast.walk(e.tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, int | float) and not isinstance(n.value, bool)
    ]
    numbers += [b.min for c in plan.model.criteria() if c.points_by for b in c.points_by.bands or []]
    for expression in plan.expressions().values():
        for node in ast.walk(expression.tree):
            if isinstance(node, ast.Name) and node.id in plan.model.inputs:
                found.setdefault(node.id, []).extend(numbers[:40])
    return found


def _member_value(spec: InputSpec | None, criteria: Sequence[str]) -> st.SearchStrategy[object]:
    if spec is None:  # verdicts
        verdict = st.one_of(st.none(), st.sampled_from([v for v in Verdict if v != Verdict.UNKNOWN]))
        return st.fixed_dictionaries({c: verdict for c in criteria})
    return st.one_of(st.none(), value_for(spec))


@st.composite
def members_for(draw: st.DrawFn, plan: Plan, name: str) -> Members:
    """A member list of the collection ``name``, with a policy and members of every status."""
    collection = plan.model.collections[name]
    member_set = plan._members.get(collection.criteria_set or "")
    fields = member_fields(collection, member_set)
    criteria = [c.id for c in member_set.criteria()] if member_set is not None else []
    rows = draw(
        st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(["M1", "M2", "M3", "M4", "M5", "M6", "M7"])},
                optional={field: _member_value(spec, criteria) for field, spec in fields.items()},
            ),
            max_size=8,
        )
    )
    out = Members(
        rows,
        collection=name,
        subject=collection.subject,
        min_known=draw(st.integers(0, 3)),
        unknown_policy=draw(st.sampled_from(["exclude", "fail"])),
    )
    for row in rows:
        status = row.get("status")
        if status in (Status.PASSED, Status.FAILED) or collection.criteria_set is None:
            out.known += 1
        if status is not None:
            out.statuses[str(status)] = out.statuses.get(str(status), 0) + 1
    return out


@functools.cache
def _examples(plan: Plan) -> list[list[dict[str, object]]]:
    """The set's stored example records, grouped by the outcome they expect."""
    found = examples_file(plan.revision)
    groups: dict[str, list[dict[str, object]]] = {}
    for example in load_examples(found) if found else []:
        outcome = f"{example.expect.get('status')}/{example.expect.get('rating')}"
        groups.setdefault(outcome, []).append(dict(example.record))
    return [groups[key] for key in sorted(groups)]


@st.composite
def candidate_for(draw: st.DrawFn, plan: Plan, missing: float = 0.15) -> dict[str, object]:
    """A record of ``plan``'s set, biased to reach every status and rating (see the module)."""
    marks = thresholds(plan)
    fresh = draw(record_for(plan.model.inputs, missing, marks))
    examples = _examples(plan)
    seeded = bool(examples) and draw(st.integers(0, 2)) > 0
    if seeded:
        # An outcome first (passed at each band, failed, undetermined...), then an example of it.
        record = copy.deepcopy(draw(st.sampled_from(draw(st.sampled_from(examples)))))
        names = sorted(plan.model.inputs)
        changed = draw(st.one_of(st.just([]), st.lists(st.sampled_from(names), max_size=3, unique=True)))
        for name in changed:
            if draw(st.booleans()) and name in fresh:
                record[name] = fresh[name]
            else:
                record.pop(name, None)
    else:
        record = fresh
    for name in plan.model.collections:
        # Member lists decide a roll-up's figures: an example keeps its reported ones more often.
        if draw(st.integers(0, 4)) >= (3 if seeded else 1):
            record[name] = draw(members_for(plan, name))
    if draw(st.integers(0, 9)) == 0:  # now and then a value of the wrong type: an invalid record
        record[draw(st.sampled_from(sorted(plan.model.inputs)))] = [["?"]]
    return record
