"""Generated code and the reference interpreter agree on generated expressions and records.

Expressions are generated as *text*, well typed over a fixed scope. The package's path goes
through its own parser, checker and code generator; the reference interpreter reads the same
text with Python's ``ast`` and its own rules (tests/reference_interpreter.py), so a mistake in
the front end shows as a disagreement too. Records have values, explicit nulls, absent keys
and extreme numbers (±1e308, 10**400, huge floats). Every emission mode is compared: ``fast``
(the compiled plan's, with its fall-back to ``safe`` when Python raises ``OverflowError``),
``safe`` and ``log``. Floats are compared exactly: both sides do the same IEEE operations in
the same order (sums in member order with the built-in ``sum``, ``w * v`` for weights), so any
difference is a real disagreement.
"""

from __future__ import annotations

import datetime
import functools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_engine.rules import (
    BOOLEAN,
    DATE,
    INTEGER,
    NUMBER,
    STRING,
    CheckedExpression,
    EnumType,
    ListType,
    RecordType,
    check,
    compile_expression,
    emit,
    runtime_namespace,
)

from . import reference_interpreter

COLOURS = ("red", "green", "blue")
MEMBER = RecordType(
    {"ok": BOOLEAN, "x": NUMBER, "k": INTEGER, "w": NUMBER, "tag": EnumType(COLOURS), "id": STRING}
)
SCOPE = {
    "n": NUMBER,
    "m": NUMBER,
    "i": INTEGER,
    "j": INTEGER,
    "b": BOOLEAN,
    "c": BOOLEAN,
    "e": EnumType(COLOURS),
    "d": DATE,
    "people": ListType(MEMBER),
}

Text = st.SearchStrategy[str]


def _join(parts: tuple[str, ...], sep: str) -> str:
    return "(" + sep.join(parts) + ")"


@functools.cache
def numbers(depth: int, member: bool) -> Text:
    """Number-typed expressions (integers included)."""
    leaves = [
        st.sampled_from(["n", "m", "i", "j"]),
        st.integers(0, 1000).map(str),
        st.sampled_from(["0.5", "2.25", "0.1", "1e-3", "1_000", "0", "0.0"]),
        st.sampled_from(["12%", "69.0%", "0.5%"]),
    ]
    if member:
        leaves.append(st.sampled_from(["p.x", "p.k", "p.w"]))
    if depth == 0:
        return st.one_of(*leaves)
    sub, ints, cond = numbers(depth - 1, member), integers(depth - 1, member), booleans(depth - 1, member)
    composites = [
        st.tuples(sub, st.sampled_from(["+", "-", "*", "/"]), sub).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        sub.map(lambda a: f"-({a})"),
        st.tuples(sub, cond, sub).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        sub.map(lambda a: f"abs({a})"),
        sub.map(lambda a: f"round({a})"),
        st.tuples(sub, st.one_of(st.integers(-2, 3).map(str), ints)).map(lambda t: f"round({t[0]}, {t[1]})"),
        st.tuples(st.sampled_from(["min", "max"]), st.lists(sub, min_size=2, max_size=3)).map(
            lambda t: f"{t[0]}({', '.join(t[1])})"
        ),
    ]
    if not member:
        per = numbers(depth - 1, True)
        per_cond = booleans(depth - 1, True)
        composites += [
            st.tuples(st.sampled_from(["sum", "mean", "min", "max"]), per).map(
                lambda t: f"{t[0]}(people, {t[1]})"
            ),
            st.tuples(per, per).map(lambda t: f"mean(people, {t[0]}, weight={t[1]})"),
            per_cond.map(lambda a: f"share(people, {a})"),
            st.tuples(per_cond, per).map(lambda t: f"share(people, {t[0]}, weight={t[1]})"),
        ]
    return st.one_of(*leaves, *composites)


@functools.cache
def integers(depth: int, member: bool) -> Text:
    """Integer-typed expressions."""
    leaves = [st.sampled_from(["i", "j"]), st.integers(-3, 50).map(lambda v: f"({v})")]
    if member:
        leaves.append(st.just("p.k"))
    if depth == 0:
        return st.one_of(*leaves)
    sub = integers(depth - 1, member)
    composites = [
        st.tuples(sub, st.sampled_from(["+", "-", "*"]), sub).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        sub.map(lambda a: f"abs({a})"),
        numbers(depth - 1, member).map(lambda a: f"round({a})"),
    ]
    if not member:
        composites += [
            st.just("count(people)"),
            st.just("len(people)"),
            booleans(depth - 1, True).map(lambda a: f"count(people, {a})"),
            integers(depth - 1, True).map(lambda a: f"sum(people, {a})"),
        ]
    return st.one_of(*leaves, *composites)


@functools.cache
def booleans(depth: int, member: bool) -> Text:
    """Boolean-typed expressions."""
    leaves = [st.sampled_from(["b", "c", "true", "false", "null", "True", "None"])]
    if member:
        leaves.append(st.sampled_from(["p.ok", "present(p.x)", "p.tag == 'red'", "p.tag in ['red', 'blue']"]))
    if depth == 0:
        return st.one_of(*leaves)
    sub, num = booleans(depth - 1, member), numbers(depth - 1, member)
    comparison = st.sampled_from(["==", "!=", "<", "<=", ">", ">="])
    composites = [
        st.tuples(st.sampled_from([" and ", " or "]), st.lists(sub, min_size=2, max_size=3)).map(
            lambda t: _join(tuple(t[1]), t[0])
        ),
        sub.map(lambda a: f"(not {a})"),
        st.tuples(num, comparison, num).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(num, comparison, num, comparison, num).map(lambda t: "(" + " ".join(t) + ")"),
        st.tuples(sub, sub, sub).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(st.sampled_from(["==", "!="]), st.sampled_from(COLOURS)).map(
            lambda t: f"(e {t[0]} '{t[1]}')"
        ),
        st.tuples(st.sampled_from(["in", "not in"]), st.lists(st.sampled_from(COLOURS), max_size=3)).map(
            lambda t: f"(e {t[0]} [{', '.join(repr(v) for v in t[1])}])"
        ),
        st.tuples(num, st.sampled_from(["in", "not in"]), st.lists(num, max_size=3)).map(
            lambda t: f"({t[0]} {t[1]} [{', '.join(t[2])}])"
        ),
        st.tuples(st.sampled_from(["<", ">=", "=="]), st.sampled_from(["2026-01-01", "2025-06-30"])).map(
            lambda t: f"(d {t[0]} '{t[1]}')"
        ),
        st.sampled_from(["n", "i", "b", "e", "d", "people"]).map(lambda a: f"present({a})"),
        st.tuples(integers(depth - 1, member), comparison, integers(depth - 1, member)).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
    ]
    if not member:
        per = booleans(depth - 1, True)
        composites += [
            st.tuples(st.sampled_from(["any", "all"]), per).map(lambda t: f"{t[0]}(people, {t[1]})"),
            st.tuples(per, st.floats(0, 1)).map(lambda t: f"(share(people, {t[0]}) >= {t[1]!r})"),
        ]
    return st.one_of(*leaves, *composites)


def _maybe(values: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), values)


EXTREMES = st.sampled_from([1e308, -1e308, 1.7e308, 10**400, -(10**400), 10**308, 2**1100, 1e-308])
NUMBER_VALUES = st.one_of(
    st.integers(-50, 50),
    st.just(0),
    st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False),
    EXTREMES,
)
INTEGER_VALUES = st.one_of(st.integers(-20, 20), st.sampled_from([10**400, -(10**400), 2**1100]))
DATES = st.dates(datetime.date(2025, 1, 1), datetime.date(2026, 12, 31))

MEMBERS = st.fixed_dictionaries(
    {},
    optional={
        "ok": _maybe(st.booleans()),
        "x": _maybe(NUMBER_VALUES),
        "k": _maybe(INTEGER_VALUES),
        "w": _maybe(st.one_of(st.integers(0, 5), st.floats(0, 10))),
        "tag": _maybe(st.sampled_from(COLOURS)),
        "id": st.sampled_from(["P1", "P2", "P3"]),
    },
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "n": _maybe(NUMBER_VALUES),
        "m": _maybe(NUMBER_VALUES),
        "i": _maybe(INTEGER_VALUES),
        "j": _maybe(INTEGER_VALUES),
        "b": _maybe(st.booleans()),
        "c": _maybe(st.booleans()),
        "e": _maybe(st.sampled_from(COLOURS)),
        "d": _maybe(DATES),
        "people": _maybe(st.lists(MEMBERS, max_size=5)),
    },
)


def same(a: object, b: object) -> bool:
    """Equal values of the same type (no NaN can come out: arithmetic gives None instead)."""
    if isinstance(a, float) and math.isnan(a):
        return False
    return type(a) is type(b) and a == b


def _checked(text: str) -> CheckedExpression:
    checked = check(text, SCOPE)
    assert isinstance(checked, CheckedExpression), (text, checked)
    return checked


def _compiled(checked: CheckedExpression, mode: str) -> object:
    """``f(record)`` running the expression as emitted in ``mode`` (``log`` also returns the log)."""
    names = {name: f"v_{name}" for name in checked.names}
    body = emit(checked, names, mode=mode, log="log" if mode == "log" else None)
    reads = "".join(f"    v_{n} = record.get({n!r})\n" for n in checked.names)
    source = f"def f(record):\n    log = []\n{reads}    return ({body}), log\n"
    namespace: dict[str, object] = {"__builtins__": {}, **runtime_namespace()}
    exec(compile(source, "<differential>", "exec"), namespace)
    return namespace["f"]


def _agree(text: str, records: list[dict[str, object]]) -> None:
    checked = _checked(text)
    safe = compile_expression(checked)
    fast, logged = _compiled(checked, "fast"), _compiled(checked, "log")
    for record in records:
        expected = reference_interpreter.evaluate(text, record, SCOPE)
        try:
            value = fast(record)[0]  # type: ignore[operator]
        except OverflowError:  # the plan then runs the same rules in safe mode
            value = safe(record)
        assert same(value, expected), (text, record, "fast", value, expected)
        assert same(safe(record), expected), (text, record, "safe")
        assert same(logged(record)[0], expected), (text, record, "log")  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(text=booleans(3, False), records=st.lists(RECORDS, min_size=1, max_size=4))
def test_boolean_expressions_agree(text: str, records: list[dict[str, object]]) -> None:
    _agree(text, records)


@settings(max_examples=300, deadline=None)
@given(text=numbers(3, False), records=st.lists(RECORDS, min_size=1, max_size=4))
def test_number_expressions_agree(text: str, records: list[dict[str, object]]) -> None:
    _agree(text, records)


@settings(max_examples=300, deadline=None)
@given(text=integers(3, False), records=st.lists(RECORDS, min_size=1, max_size=4))
def test_integer_expressions_agree_and_stay_integers(text: str, records: list[dict[str, object]]) -> None:
    checked = _checked(text)
    assert checked.type == INTEGER
    _agree(text, records)
    fast = compile_expression(checked)
    for record in records:
        value = fast(record)
        assert value is None or type(value) is int


def test_the_reference_reads_percentages_and_dates_itself() -> None:
    assert reference_interpreter.evaluate("n >= 95%", {"n": 0.95}, SCOPE) is True
    assert reference_interpreter.evaluate("(12.5% * 2)", {}, SCOPE) == 0.25
    assert reference_interpreter.evaluate("e == '5%'", {"e": "5%"}, SCOPE) is True
    assert reference_interpreter.evaluate("d < '2026-01-01'", {"d": datetime.date(2025, 5, 1)}, SCOPE) is True


def test_the_largest_allowed_number_is_still_a_number() -> None:
    for text, record, expected in (
        ("n + 0", {"n": 1e308}, 1e308),
        ("n * 1", {"n": -1e308}, -1e308),
        ("-n", {"n": 1e308}, -1e308),
        ("n * 1.0000001", {"n": 1e308}, None),
    ):
        checked = _checked(text)
        assert reference_interpreter.evaluate(text, record, SCOPE) == expected, text
        assert compile_expression(checked)(record) == expected, text
        assert _compiled(checked, "fast")(record)[0] == expected, text  # type: ignore[operator]


def test_overflowing_arithmetic_is_unknown_in_every_mode() -> None:
    for text, record in (
        ("n * 0.5", {"n": 10**400}),
        ("n * m", {"n": 1e200, "m": 1e200}),
        ("n - m", {"n": 1e308, "m": -1e308}),
        ("n / m", {"n": 10**400, "m": 3}),
        ("mean(people, p.x)", {"people": [{"x": 10**400}, {"x": 0.5}]}),
        ("sum(people, p.x)", {"people": [{"x": 1e308}, {"x": 1e308}]}),
        (
            "share(people, p.ok, weight=p.w)",
            {"people": [{"ok": True, "w": 10**400}, {"ok": False, "w": 0.5}]},
        ),
    ):
        checked = _checked(text)
        assert reference_interpreter.evaluate(text, record, SCOPE) is None, text
        assert compile_expression(checked)(record) is None, text
        value, log = _compiled(checked, "log")(record)  # type: ignore[operator]
        assert value is None and "overflow" in log, (text, log)
