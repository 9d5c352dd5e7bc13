"""Aggregates over members under a collection's policy, against hand-computed expectations.

A member list from a roll-up (:class:`Members`) carries ``min_known`` and ``unknown_policy``;
the fast path (generated code), the traces behind explanations and the reference interpreter
must all honour them the same way.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_engine.evaluators.members import Members
from criteria_engine.format.models import CriteriaSet
from criteria_engine.rules import (
    BOOLEAN,
    NUMBER,
    STRING,
    CheckedExpression,
    EnumType,
    ListType,
    RecordType,
    check,
    compile_expression,
)
from criteria_engine.rules.trace import aggregate_traces

from . import reference_interpreter

STATUS = EnumType(("passed", "failed", "undetermined", "invalid"))
VERDICT = EnumType(("pass", "fail", "unknown", "not_applicable"))
MEMBER = RecordType(
    {
        "id": STRING,
        "status": STATUS,
        "size": NUMBER,
        "w": NUMBER,
        "ok": BOOLEAN,
        "verdicts": RecordType({"C2": VERDICT}),
    }
)
SCOPE = {"households": ListType(MEMBER)}


def checked(text: str) -> CheckedExpression:
    result = check(text, SCOPE)
    assert isinstance(result, CheckedExpression), result
    return result


def members(
    *statuses: str | None, min_known: int = 0, policy: str = "exclude", **fields: list[object]
) -> Members:
    out = Members(collection="households", subject="household", min_known=min_known, unknown_policy=policy)
    for index, status in enumerate(statuses):
        item: dict[str, object] = {"id": f"H{index + 1}", "status": status}
        item.update({name: values[index] for name, values in fields.items()})
        out.append(item)
    out.known = sum(1 for s in statuses if s is not None)
    return out


def both(text: str, households: list[dict[str, object]]) -> object:
    """The fast path's value, checked against the reference interpreter."""
    expression = checked(text)
    env = {"households": households}
    fast = compile_expression(expression)(env)
    reference = reference_interpreter.evaluate(text, env, ["households"])
    assert fast == reference or (isinstance(fast, float) and math.isclose(fast, reference))  # type: ignore[arg-type]
    return fast


SHARE = 'share(households, h.status == "passed")'


def test_unknown_members_are_excluded_and_counted_by_default() -> None:
    # 2 passed, 1 failed, 2 undetermined (their status is unknown in a roll-up)
    households = members("passed", "passed", "failed", None, None)
    assert both(SHARE, households) == pytest.approx(2 / 3)
    trace = aggregate_traces(checked(SHARE), {"households": households})[0]
    assert (trace.numerator, trace.denominator, trace.members_unknown, trace.false_ids) == (2, 3, 2, ("H3",))


def test_unknown_members_count_as_failing_when_the_collection_says_so() -> None:
    households = members("passed", "passed", "failed", None, None, policy="fail")
    assert both(SHARE, households) == pytest.approx(2 / 5)
    trace = aggregate_traces(checked(SHARE), {"households": households})[0]
    assert (trace.numerator, trace.denominator, trace.members_unknown) == (2, 5, 0)
    assert trace.false_ids == ("H3", "H4", "H5")
    assert both('any(households, h.status == "passed" and h.size > 9)', households) is False
    assert both('all(households, h.status != "invalid")', households) is False
    assert both('count(households, h.status == "failed")', households) == 1


def test_too_few_known_members_give_unknown() -> None:
    households = members("passed", "passed", "failed", None, None, min_known=4)
    for text in (SHARE, 'count(households, h.status == "passed")', 'any(households, h.status == "passed")'):
        assert both(text, households) is None
    trace = aggregate_traces(checked(SHARE), {"households": households})[0]
    assert trace.value is None and (trace.numerator, trace.denominator) == (2, 3)  # the numbers stay
    assert both("count(households)", households) == 5  # the number of members is always known
    # counted as failing, every member is known: 5 >= 4
    assert both(SHARE, members("passed", "passed", "failed", None, None, min_known=4, policy="fail")) == 0.4


def test_empty_collections() -> None:
    empty = members()
    assert both(SHARE, empty) is None
    assert both('count(households, h.status == "passed")', empty) == 0
    assert both('any(households, h.status == "passed")', empty) is False
    assert both('all(households, h.status == "passed")', empty) is True
    assert both("sum(households, h.size)", empty) == 0
    assert both("mean(households, h.size)", empty) is None
    at_least_one = members(min_known=1)
    for text in (SHARE, "count(households, h.ok)", "any(households, h.ok)", "sum(households, h.size)"):
        assert both(text, at_least_one) is None


def test_weights_and_values() -> None:
    households = members("passed", "failed", "passed", None, w=[3.0, 1.0, None, 2.0], size=[4, 6, None, 2])
    # the member without a weight and the one without a status are left out: 3 / (3 + 1)
    assert both('share(households, h.status == "passed", weight=h.w)', households) == 0.75
    assert both("mean(households, h.size, weight=h.w)", households) == pytest.approx((12 + 6 + 4) / 6)
    assert both("sum(households, h.size)", households) == 12
    assert both("min(households, h.size)", households) == 2
    failing = members("passed", "failed", "passed", None, policy="fail", w=[3.0, 1.0, None, 2.0])
    assert both('share(households, h.status == "passed", weight=h.w)', failing) == 0.5  # 3 / (3 + 1 + 2)
    # values are not conditions: "fail" does not invent a value, min_known still applies
    assert both("sum(households, h.size)", members("passed", None, policy="fail", size=[4, None])) == 4
    assert both("sum(households, h.size)", members("passed", None, min_known=2, size=[4, None])) is None


def test_not_applicable_members() -> None:
    households = members(
        "passed",
        "passed",
        "failed",
        "passed",
        verdicts=[{"C2": "pass"}, {"C2": "not_applicable"}, {"C2": "fail"}, {"C2": None}],
    )
    # a not-applicable verdict is known: it is not "pass" (1 of pass, n/a, fail) ...
    assert both('share(households, h.verdicts.C2 == "pass")', households) == pytest.approx(1 / 3)
    # ... and a rule that leaves such members out says so with null
    text = 'share(households, (h.verdicts.C2 == "pass") if h.verdicts.C2 != "not_applicable" else null)'
    assert both(text, households) == 0.5  # 1 of (pass, fail); the unknown verdict is left out too


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["passed", "failed", None]), max_size=8),
    st.lists(st.one_of(st.none(), st.floats(0, 5)), min_size=8, max_size=8),
    st.integers(0, 6),
    st.sampled_from(["exclude", "fail"]),
    st.sampled_from(
        [
            SHARE,
            'share(households, h.status == "passed", weight=h.w)',
            'count(households, h.status == "failed")',
            'any(households, h.status == "failed")',
            'all(households, h.status == "passed")',
            "sum(households, h.w)",
            "mean(households, h.w)",
            "mean(households, h.w, weight=h.w)",
            "max(households, h.w)",
            "count(households)",
        ]
    ),
)
def test_fast_path_and_reference_agree_under_policies(
    statuses: list[str | None], weights: list[float | None], min_known: int, policy: str, text: str
) -> None:
    households = members(*statuses, min_known=min_known, policy=policy, w=weights[: len(statuses)])
    value = both(text, households)
    traced = aggregate_traces(checked(text), {"households": households})
    if traced and text != "count(households)":
        assert traced[0].value == value or math.isclose(traced[0].value, value)  # type: ignore[arg-type]


def test_member_lists_keep_their_policy_through_copies_and_pickles() -> None:
    import pickle

    households = members("passed", None, min_known=3, policy="fail")
    clone = pickle.loads(pickle.dumps(households))
    assert (clone.min_known, clone.unknown_policy, clone.known, list(clone)) == (
        3,
        "fail",
        1,
        list(households),
    )
    like = households.like()
    assert (like.min_known, like.subject, list(like)) == (3, "household", [])


def test_reasons_name_too_few_members() -> None:
    from criteria_engine.evaluators.plan import compile_plan

    model = CriteriaSet.model_validate(
        {
            "format": "criteria-set/1",
            "id": "mini-village",
            "version": "1",
            "status": "active",
            "effective_from": "2026-01-01",
            "title": {"en": "Mini village"},
            "subject": "village",
            "languages": ["en"],
            "inputs": {"reported": {"type": "number", "label": {"en": "Reported share"}}},
            "collections": {
                "households": {
                    "label": {"en": "Households"},
                    "subject": "household",
                    "link": "village_id",
                    "min_known": 3,
                    "fields": {"ok": {"type": "boolean", "label": {"en": "OK"}}},
                }
            },
            "derived": {
                "pct": {
                    "label": {"en": "Share OK"},
                    "expr": "reported if present(reported) else 100 * share(households, h.ok)",
                }
            },
            "groups": [
                {
                    "id": "A",
                    "title": {"en": "A"},
                    "criteria": [
                        {
                            "id": "A1",
                            "title": {"en": "Direct"},
                            "when": "share(households, h.ok) >= 50%",
                            "points": 1,
                        },
                        {"id": "A2", "title": {"en": "Derived"}, "when": "pct >= 50", "points": 1},
                    ],
                }
            ],
            "decision": {"pass": {"min_score": 1}},
        }
    )
    plan = compile_plan(model)
    few = Members(collection="households", subject="household", min_known=3)
    few.extend([{"id": "H1", "ok": True}, {"id": "H2", "ok": False}])
    few.known = 2
    result = plan.evaluate({"id": "V1", "households": few})
    assert [(c.verdict, c.reason) for c in result.criteria] == [
        ("unknown", "too-few-members"),
        ("unknown", "too-few-members"),
    ]
    empty = Members(collection="households", subject="household", min_known=3)
    result = plan.evaluate({"id": "V2", "households": empty})
    assert [c.reason for c in result.criteria] == ["no-members", "no-members"]
    # a reported figure decides A2; its absence did not (the roll-up did)
    enough = Members(collection="households", subject="household", min_known=1)
    enough.extend([{"id": "H1", "ok": True}])
    enough.known = 1
    result = plan.evaluate({"id": "V3", "households": enough})
    assert [(c.verdict, c.reason) for c in result.criteria] == [("pass", "rule-true"), ("pass", "rule-true")]


def test_the_sentence_of_a_share_names_numbers_unknowns_target_and_shortfall() -> None:
    import dataclasses

    from criteria_engine.evaluators.plan import compile_plan
    from criteria_engine.explain.aggregates import aggregate_sentence
    from criteria_engine.io.catalog import load_registry
    from criteria_engine.results import AggregateDetail

    registry = load_registry()
    village = compile_plan(registry.get("happy-village@2026.1"), registry.resolver())
    a1 = next(c for c in village.criteria if c.id == "A1")  # hh_happy_pct >= hh_happy_min
    failing = ("H-03", "H-07", "H-08", "H-11", "H-12")
    detail = AggregateDetail("share", "households", 52, 31, 50, 2, 0.62, failing)
    households = Members(
        collection="households", subject="household", title={"vi": "Gia đình hạnh phúc", "en": "Happy Family"}
    )
    env = {"households": households, "hh_happy_min": 70}
    assert aggregate_sentence(detail, a1, env, "vi") == (
        "31/50 hộ đạt “Gia đình hạnh phúc” (62,0%); 2 hộ chưa xác định; cần từ 70% trở lên: thêm 4 hộ; "
        "chưa đạt: H-03, H-07, H-08, H-11, H-12, …"
    )
    assert aggregate_sentence(detail, a1, env, "en") == (
        "31/50 households rated “Happy Family” (62.0%); 2 households undetermined; for a share of 70% or more: 4 more households; "
        "not met: H-03, H-07, H-08, H-11, H-12, …"
    )
    strict = dataclasses.replace(a1, rule=checked_rule(village, "hh_happy_pct > hh_happy_min"))
    exact = AggregateDetail("share", "households", 50, 35, 50, 0, 0.7, ())
    assert "cần trên 70%: thêm 1 hộ" in aggregate_sentence(exact, strict, env, "vi")  # 70% is not above 70%


def checked_rule(plan: object, text: str) -> CheckedExpression:
    from criteria_engine.rules.scope import base_scope

    scope = dict(base_scope(plan.model))  # type: ignore[attr-defined]
    scope.update({"hh_happy_pct": NUMBER, "hh_happy_min": NUMBER})
    result = check(text, scope)
    assert isinstance(result, CheckedExpression), result
    return result
