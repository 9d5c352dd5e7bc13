"""The expression language: semantics, diagnostics, limits, code generation and traces.

Every value is computed twice, by the generated code and by the reference interpreter, and
both must agree (see ``value``).
"""

from __future__ import annotations

import datetime
import math
from itertools import product
from pathlib import Path

import pytest
import yaml

from criteria_engine.rules import (
    BOOLEAN,
    CATALOGUE,
    DATE,
    INTEGER,
    NUMBER,
    STRING,
    CheckedExpression,
    EnumType,
    ListType,
    RecordType,
    aggregate_traces,
    check,
    compile_expression,
    emit,
    evaluate_traced,
    parse,
    runtime_namespace,
)
from criteria_engine.rules.ast import Compare, Constant, UnaryOp

from . import reference_interpreter

VERDICT = EnumType(["pass", "fail", "unknown", "not_applicable"])
PERSON = RecordType(
    {"id": STRING, "age": INTEGER, "domestic_violence_fine": BOOLEAN, "criminal_prosecution": BOOLEAN}
)
HOUSEHOLD = RecordType(
    {
        "id": STRING,
        "status": EnumType(["passed", "failed", "undetermined", "invalid"]),
        "size": INTEGER,
        "verdicts": RecordType({"C1": VERDICT, "D1": VERDICT}),
        "persons": ListType(PERSON),
    }
)
SCOPE = {
    "area": EnumType(["urban", "rural"]),
    "members": INTEGER,
    "insured_members": INTEGER,
    "income_per_capita": NUMBER,
    "income_floor": NUMBER,
    "poverty_status": EnumType(["poor", "near_poor", "middle", "above"]),
    "head_name": STRING,
    "assessed_on": DATE,
    "persons": ListType(PERSON),
    "households": ListType(HOUSEHOLD),
    # plain names for truth tables and arithmetic
    "x": BOOLEAN,
    "y": BOOLEAN,
    "z": BOOLEAN,
    "n": NUMBER,
    "k": NUMBER,
    "i": INTEGER,
}
T, F, N = True, False, None


def checked(text: str) -> CheckedExpression:
    result = check(text, SCOPE)
    assert isinstance(result, CheckedExpression), result
    return result


def value(text: str, env: dict[str, object] | None = None) -> object:
    """The value by generated code, asserted equal (same type) to the reference interpreter's."""
    expression = checked(text)
    fast = compile_expression(expression)(env or {})
    reference = reference_interpreter.evaluate(text, env or {}, SCOPE)
    assert type(fast) is type(reference) and fast == reference, (text, fast, reference)
    return fast


def problems(text: str, expect: object = None) -> list[tuple[str, int, str]]:
    result = check(text, SCOPE, expect=expect)  # type: ignore[arg-type]
    assert isinstance(result, list), result
    return [(p.code, p.offset, p.message) for p in result]


# --- Kleene logic -------------------------------------------------------------------------

AND = {(a, b): (F if F in (a, b) else N if N in (a, b) else T) for a, b in product([T, F, N], repeat=2)}
OR = {(a, b): (T if T in (a, b) else N if N in (a, b) else F) for a, b in product([T, F, N], repeat=2)}


@pytest.mark.parametrize(("a", "b"), list(product([T, F, N], repeat=2)))
def test_and_or_truth_tables(a: bool | None, b: bool | None) -> None:
    assert value("x and y", {"x": a, "y": b}) is AND[(a, b)]
    assert value("x or y", {"x": a, "y": b}) is OR[(a, b)]


def test_truth_tables_spelled_out() -> None:
    assert [AND[(a, b)] for a, b in product([T, F, N], repeat=2)] == [T, F, N, F, F, F, N, F, N]
    assert [OR[(a, b)] for a, b in product([T, F, N], repeat=2)] == [T, T, T, T, F, N, T, N, N]


@pytest.mark.parametrize(("a", "expected"), [(T, F), (F, T), (N, N)])
def test_not_truth_table(a: bool | None, expected: bool | None) -> None:
    assert value("not x", {"x": a}) is expected


@pytest.mark.parametrize(("a", "b", "c"), list(product([T, F, N], repeat=3)))
def test_three_operands(a: bool | None, b: bool | None, c: bool | None) -> None:
    env = {"x": a, "y": b, "z": c}
    assert value("x and y and z", env) is AND[(AND[(a, b)], c)]
    assert value("x or y or z", env) is OR[(OR[(a, b)], c)]


def test_literal_booleans_and_null() -> None:
    assert value("true and null") is None
    assert value("False and null") is False
    assert value("True or None") is True
    assert value("not null") is None


def test_absent_is_missing() -> None:
    assert value("x and y", {}) is None
    assert value("x or y", {"y": True}) is True


@pytest.mark.parametrize(("c", "expected"), [(T, 1), (F, 2), (N, None)])
def test_conditional(c: bool | None, expected: int | None) -> None:
    assert value("1 if x else 2", {"x": c}) == expected


# --- arithmetic and comparison ------------------------------------------------------------


def test_arithmetic_with_missing_is_unknown() -> None:
    for text in ("n + k", "n - k", "n * k", "n / k", "-n"):
        assert value(text, {"k": 2}) is None
    assert value("n + k * 2", {"n": 1, "k": 2.5}) == 6.0


def test_integers_stay_integers_except_division() -> None:
    assert checked("i + 1").type == INTEGER and value("i * 2 - 1", {"i": 3}) == 5
    assert checked("i / 2").type == NUMBER and value("i / 2", {"i": 3}) == 1.5
    assert checked("i + n").type == NUMBER


def test_division_by_zero_is_unknown() -> None:
    assert value("n / k", {"n": 1, "k": 0}) is None
    assert value("n / k", {"n": 1, "k": 0.0}) is None
    assert value("n / 0") is None
    assert value("n / 0 > 1 or true") is True


def test_numbers_compare_across_int_and_float() -> None:
    assert value("i == 2.0", {"i": 2}) is True
    assert value("i < 2.5", {"i": 2}) is True
    assert value("n >= k", {"k": 1}) is None


@pytest.mark.parametrize(("n", "expected"), [(0, F), (3, T), (5, T), (6, F), (N, N)])
def test_chained_comparison(n: float | None, expected: bool | None) -> None:
    assert value("0 < n <= 5", {"n": n}) is expected


def test_chain_is_kleene_and_of_pairs() -> None:
    assert value("5 < 3 < n") is False  # a false pair decides, even with n missing
    assert value("n < 3 < 5") is None
    assert value("1 < n < k < 10", {"n": 2, "k": 3}) is True


def test_in_and_not_in() -> None:
    assert value("area in ['urban', 'rural']", {"area": "rural"}) is True
    assert value("area not in ['urban']", {"area": "rural"}) is True
    assert value("area in ['urban']") is None
    assert value("area not in []", {"area": "urban"}) is True
    assert value("n in [1, k]", {"n": 1}) is True
    assert value("n in [1, k]", {"n": 2}) is None
    assert value("n not in [1, k]", {"n": 2, "k": 3}) is True
    assert value("n in [1, k]", {"k": 1}) is None


def test_dates_compare_with_iso_literals() -> None:
    on = datetime.date(2026, 6, 30)
    assert value("assessed_on >= '2026-01-01'", {"assessed_on": on}) is True
    assert value("assessed_on in ['2026-06-30']", {"assessed_on": on}) is True
    assert value("assessed_on < '2026-01-01'") is None


# --- percent sugar ------------------------------------------------------------------------


def test_percent_literals() -> None:
    assert value("95%") == 0.95
    assert value("69.0%") == 0.69
    assert value("0.1%") == 0.001
    assert value("1_500%") == 15.0
    assert value("-5% + 100%") == 0.95
    assert value("n >= 70% and k < 5%", {"n": 0.7, "k": 0.01}) is True
    assert value("head_name == '95%'", {"head_name": "95%"}) is True


def test_percent_literal_offsets() -> None:
    tree = parse("n >= 69.0%")
    assert isinstance(tree, Compare)
    literal = tree.comparators[0]
    assert isinstance(literal, Constant) and literal.percent
    assert (literal.offset, literal.end, tree.end) == (5, 10, 10)
    negative = parse("-5%")
    assert isinstance(negative, UnaryOp) and (negative.offset, negative.end) == (0, 3)


def test_percent_needs_to_touch_the_number() -> None:
    assert problems("n >= 95 %") == [("expression-syntax", 9, "the expression ends too early")]
    assert problems("n % 2 == 0")[0][:2] == ("expression-forbidden", 2)
    assert problems("95%n > 0")[0][:2] == ("expression-forbidden", 2)


# --- enums --------------------------------------------------------------------------------


def test_enum_compare_with_unknown_value_suggests() -> None:
    result = check("poverty_status == 'near poor'", SCOPE)
    assert isinstance(result, list) and len(result) == 1
    assert result[0].code == "expression-type" and result[0].offset == 18
    assert result[0].message == "'near poor' is not a value of poverty_status: poor, near_poor, middle, above"
    assert result[0].diagnostic.suggestion == "did you mean 'near_poor'?"
    assert value("poverty_status == 'near_poor'", {"poverty_status": "near_poor"}) is True
    assert value("'urban' == area", {"area": "urban"}) is True


# --- functions ----------------------------------------------------------------------------


def people(*flags: bool | None) -> list[dict[str, object]]:
    return [{"id": f"P{n}", "domestic_violence_fine": flag} for n, flag in enumerate(flags, 1)]


def test_any_all() -> None:
    for text, cases in {
        "any(persons, p.domestic_violence_fine)": [((), F), ((T, N), T), ((F, N), N), ((F, F), F)],
        "all(persons, p.domestic_violence_fine)": [((), T), ((T, N), N), ((F, N), F), ((T, T), T)],
    }.items():
        for flags, expected in cases:
            assert value(text, {"persons": people(*flags)}) is expected, (text, flags)
        assert value(text, {"persons": None}) is None
        assert value(text, {}) is None


def test_count() -> None:
    env = {"persons": people(T, F, N, T)}
    assert value("count(persons, p.domestic_violence_fine)", env) == 2
    assert value("count(persons)", env) == 4
    assert value("count(persons, p.domestic_violence_fine)", {"persons": []}) == 0
    assert value("count(persons)", {}) is None


def test_share() -> None:
    text = "share(persons, p.domestic_violence_fine)"
    assert value(text, {"persons": people(T, F, N, T)}) == 2 / 3
    assert value(text, {"persons": []}) is None
    assert value(text, {"persons": people(N, N)}) is None
    assert value(text + " >= 60%", {"persons": people(T, F, N, T)}) is True


def test_weighted_share_and_mean() -> None:
    households = [
        {"id": "H1", "status": "passed", "size": 4},
        {"id": "H2", "status": "failed", "size": 1},
        {"id": "H3", "status": None, "size": 5},
        {"id": "H4", "status": "passed", "size": None},
    ]
    env = {"households": households}
    assert value("share(households, h.status == 'passed', weight=h.size)", env) == 4 / 5
    assert value("share(households, h.status == 'passed')", env) == 2 / 3
    assert value("mean(households, h.size, weight=h.size)", env) == (16 + 1 + 25) / 10
    zero = [{"status": "passed", "size": 0}]
    assert value("share(households, h.status == 'passed', weight=h.size)", {"households": zero}) is None
    assert value("mean(households, h.size, weight=h.size)", {"households": zero}) is None


def test_sum_mean_min_max_over_members() -> None:
    ages = {"persons": [{"age": 30}, {"age": None}, {"age": 12}, {}]}
    assert value("sum(persons, p.age)", ages) == 42
    assert value("mean(persons, p.age)", ages) == 21.0
    assert value("min(persons, p.age)", ages) == 12
    assert value("max(persons, p.age)", ages) == 30
    unknown = {"persons": [{"age": None}, {}]}
    empty: dict[str, object] = {"persons": []}
    for function in ("sum", "mean", "min", "max"):
        assert value(f"{function}(persons, p.age)", unknown) is None
        assert value(f"{function}(persons, p.age)", {}) is None
    assert value("sum(persons, p.age)", empty) == 0
    for function in ("mean", "min", "max"):
        assert value(f"{function}(persons, p.age)", empty) is None


def test_scalar_functions() -> None:
    assert value("min(n, k, 3)", {"n": 5, "k": 4}) == 3
    assert value("max(n, k)", {"n": 5}) is None
    assert value("abs(n)", {"n": -2.5}) == 2.5
    assert value("abs(i)", {"i": -3}) == 3
    assert value("len(persons)", {"persons": people(T, F)}) == 2
    assert value("len(persons)", {"persons": []}) == 0
    assert value("len(persons)") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("round(2.5)", 3),
        ("round(-2.5)", -3),
        ("round(0.5)", 1),
        ("round(2.675, 2)", 2.68),
        ("round(0.125, 2)", 0.13),
        ("round(1234, -2)", 1200),
        ("round(1250, -2)", 1300),
        ("round(7, 2)", 7),
    ],
)
def test_round_half_away_from_zero(text: str, expected: float) -> None:
    result = value(text)
    assert result == expected and type(result) is type(expected)


def test_round_with_missing_digits() -> None:
    assert value("round(n, i)", {"n": 1.5}) is None
    assert checked("round(n)").type == INTEGER


def test_present_is_never_unknown() -> None:
    assert value("present(n)", {"n": 0}) is True
    assert value("present(n)", {"n": None}) is False
    assert value("present(n)") is False
    assert value("present(5)") is True
    persons = {"persons": [{"age": 3}, {"age": None}, {}]}
    assert value("count(persons, present(p.age))", persons) == 1


def test_nested_aggregates_and_records() -> None:
    households = [
        {"id": "H1", "size": 4, "persons": [{"age": 30}, {"age": 10}], "verdicts": {"C1": "pass"}},
        {"id": "H2", "size": 2, "persons": [{"age": 10}], "verdicts": None},
    ]
    env = {"households": households}
    assert value("count(households, any(h.persons, p.age >= 18))", env) == 1
    assert value("all(households, all(h.persons, p.age < 18 or h.size > 3))", env) is True
    assert value("any(households, h.verdicts.C1 == 'pass')", env) is True
    assert value("all(households, h.verdicts.C1 == 'pass')", env) is None
    expression = checked("count(households, any(h.persons, p.age >= 18 and h.size > 1))")
    assert expression.fields_read == ("households.persons", "households.persons.age", "households.size")


def test_names_and_fields_read() -> None:
    expression = checked("any(persons, p.age > members) and income_per_capita >= income_floor")
    assert expression.names == ("income_floor", "income_per_capita", "members", "persons")
    assert expression.fields_read == ("persons.age",)
    assert expression.type == BOOLEAN


# --- diagnostics --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        ("n ** 2 > 1", 2, "'**' (power) is not allowed in an expression"),
        ("n // 2 > 1", 2, "'//' (floor division) is not allowed in an expression"),
        ("n % 2 > 1", 2, "'%' (modulo) is not allowed in an expression"),
        ("i << 2 > 1", 2, "'<<' (bit shift) is not allowed in an expression"),
        ("x | y", 2, "'|' (bitwise or) is not allowed in an expression"),
        ("x & y", 2, "'&' (bitwise and) is not allowed in an expression"),
        ("i ^ 1 > 0", 2, "'^' (bitwise xor) is not allowed in an expression"),
        ("~i > 0", 0, "'~' (bitwise not) is not allowed in an expression"),
        ("+n > 0", 0, "unary '+' is not allowed in an expression"),
        ("x is None", 2, "'is' is not allowed in an expression"),
        ("x is not None", 2, "'is not' is not allowed in an expression"),
        ("persons[0]", 0, "subscript 'x[...]' is not allowed in an expression"),
        ("(lambda: x)()", 1, "lambda is not allowed in an expression"),
        ("any([p for p in persons])", 4, "comprehension is not allowed in an expression"),
        ("any({p for p in persons})", 4, "comprehension is not allowed in an expression"),
        ("any(p for p in persons)", 3, "comprehension is not allowed in an expression"),
        ("f'{n}' == 'a'", 0, "f-string is not allowed in an expression"),
        ("(n := 1) > 0", 1, "assignment ':=' is not allowed in an expression"),
        ("min(*persons) > 0", 4, "starred '*' is not allowed in an expression"),
        ("{'a': 1} == 1", 0, "dict literal '{...}' is not allowed in an expression"),
        ("{1, 2} == 1", 0, "set literal '{...}' is not allowed in an expression"),
        ("n in (1, 2)", 5, "tuple is not allowed in an expression"),
        ("[1, 2] == n", 0, "a list outside 'in' is not allowed in an expression"),
        ("round(n, ndigits=2) > 1", 9, "keyword argument 'ndigits=' is not allowed in an expression"),
        ("round(n, **k) > 1", 9, "'**' argument is not allowed in an expression"),
        ("head_name.upper() == 'A'", 0, "calling a field is not allowed in an expression"),
        ("(abs)(n) > 1", 0, "abs() takes 1 argument, got 1"),
        ("b'x' == 1", 0, "bytes literal is not allowed in an expression"),
        ("1j == 1", 0, "complex number is not allowed in an expression"),
        ("... == 1", 0, "'...' is not allowed in an expression"),
        ("(n + 1).x > 0", 0, "a computed value has no fields"),
        ("1e999 > n", 0, "number 1e999 is too large"),
        ("n > 1 # and k > 2", 6, "a comment is not allowed in an expression"),
    ],
)
def test_forbidden_constructs(text: str, offset: int, message: str) -> None:
    if message.startswith("abs()"):  # parentheses around a name are just parentheses
        assert isinstance(check(text, SCOPE), CheckedExpression)
        return
    found = problems(text)
    assert found[0] == ("expression-forbidden", offset, message)


def test_every_problem_is_collected() -> None:
    # forbidden constructs are all reported first; names and types are checked once none is left
    assert problems("incme + membrs > ages and x ** 2") == [
        ("expression-forbidden", 28, "'**' (power) is not allowed in an expression"),
    ]
    assert problems("incme + membrs > ages and x") == [
        ("expression-unknown-name", 0, "unknown name 'incme'"),
        ("expression-unknown-name", 8, "unknown name 'membrs'"),
        ("expression-unknown-name", 17, "unknown name 'ages'"),
    ]
    assert problems("x ** 2 and y // 3") == [
        ("expression-forbidden", 2, "'**' (power) is not allowed in an expression"),
        ("expression-forbidden", 13, "'//' (floor division) is not allowed in an expression"),
    ]


@pytest.mark.parametrize(
    ("text", "code", "offset", "message"),
    [
        ("n >", "expression-syntax", 3, "the expression ends too early"),
        ("", "expression-syntax", 0, "empty expression"),
        ("nn > 1", "expression-unknown-name", 0, "unknown name 'nn'"),
        ("shar(persons, p.age > 1)", "expression-unknown-function", 0, "unknown function 'shar'"),
        ("share(persons)", "expression-arity", 0, "share() takes 2 arguments, got 1"),
        ("min(n) > 1", "expression-arity", 0, "min() takes at least 2 arguments, got 1"),
        ("x and 3", "expression-type", 6, "'and' needs boolean operands, got integer"),
        ("n == 'a'", "expression-type", 5, "cannot compare number with string"),
        ("x < 1", "expression-type", 4, "cannot compare boolean with integer"),
        ("x + 1 > 0", "expression-type", 0, "'+' needs number operands, got boolean"),
        ("any(persons, p.agee > 1)", "expression-unknown-field", 15, "'p' has no field 'agee'"),
        ("x" * 2001, "expression-too-long", 0, "expression is 2001 characters long; the limit is 2000"),
        ("-" * 32 + "n > 0", "expression-too-deep", 31, "expression is nested more than 32 levels"),
    ],
)
def test_each_code_with_its_offset(text: str, code: str, offset: int, message: str) -> None:
    assert problems(text) == [(code, offset, message)]


def test_expected_boolean() -> None:
    assert problems("n + 1", expect=BOOLEAN) == [
        ("expression-type", 0, "the expression must be a condition (true or false), got number")
    ]
    assert isinstance(check("i + 1", SCOPE, expect=NUMBER), CheckedExpression)
    assert problems("x", expect=DATE) == [("expression-type", 0, "the expression must be date, got boolean")]


def test_limits() -> None:
    assert isinstance(check("n > 0" + " " * 1995, SCOPE), CheckedExpression)
    assert isinstance(check("-" * 31 + "n", SCOPE), CheckedExpression)
    assert isinstance(check("not " * 31 + "x", SCOPE), CheckedExpression)
    assert problems("not " * 32 + "x")[0][:2] == ("expression-too-deep", 128)
    assert problems("abs(" * 40 + "n" + ")" * 40 + " > 0")[0][:2] == ("expression-too-deep", 124)
    deep = "(" * 199 + "n" + ")" * 199
    assert isinstance(check(deep, SCOPE), CheckedExpression)  # parentheses are not nesting


def test_offsets_count_characters_across_lines_and_unicode() -> None:
    assert problems("head_name == 'Lò Thị Ấp' and membrs > 3")[0][1] == 29
    text = "(members > 3 and\n insured_membrs > 2)"
    assert problems(text)[0][1] == text.index("insured_membrs")
    assert problems("   membrs > 3")[0][1] == 3
    assert problems("'ấấấ' + 'b' $")[0][:2] == ("expression-syntax", 12)
    assert problems("head_name == '\ud800'") == [
        ("expression-syntax", 14, "invalid character (a lone surrogate)")
    ]
    assert problems("head_name == '#' and n > 1 # note") == [
        ("expression-forbidden", 27, "a comment is not allowed in an expression")
    ]


def test_syntax_hints() -> None:
    for text, hint in [
        ("x && y", "write 'and' instead of '&&'"),
        ("x || y", "write 'or' instead of '||'"),
        ("!x", "write 'not x' instead of '!x'"),
        ("n => 1", "write '>=' instead of '=>'"),
        ("n = 1", "write '==' to compare"),
    ]:
        result = check(text, SCOPE)
        assert isinstance(result, list) and result[0].diagnostic.suggestion == hint, text


def test_bad_corpus() -> None:
    corpus = yaml.safe_load((Path(__file__).parent / "cases" / "expressions" / "bad.yaml").read_text("utf-8"))
    assert len(corpus) >= 15
    for case in corpus:
        result = check(case["expr"], SCOPE, expect=BOOLEAN)
        assert isinstance(result, list), case["expr"]
        got = [
            {"code": p.code, "offset": p.offset, "message": p.message, "suggestion": p.diagnostic.suggestion}
            for p in result
        ]
        expected = {key: case[key] for key in ("code", "offset", "message", "suggestion")}
        assert got == [expected], case["expr"]


# --- code generation ----------------------------------------------------------------------


def test_emitted_code_is_inline_for_simple_operators() -> None:
    locals_ = {"n": "v_n", "k": "v_k", "x": "v_x", "y": "v_y"}
    assert emit(checked("n >= k"), locals_) == "(None if v_n is None or v_k is None else v_n >= v_k)"
    assert emit(checked("n >= 5"), locals_) == "(None if v_n is None else v_n >= 5)"
    assert emit(checked("x and y"), locals_) == (
        "(False if v_x is False or v_y is False else (None if v_x is None or v_y is None else True))"
    )


def test_emit_rejects_unsafe_locals() -> None:
    expression = checked("n > 1")
    for bad in ("import", "a b", "_ce_t1", "_rt_any", "n)", ""):
        with pytest.raises(ValueError, match="local variable"):
            emit(expression, {"n": bad})
    with pytest.raises(ValueError, match="no local variable"):
        emit(expression, {})


def test_emitted_code_runs_in_a_caller_function_without_builtins() -> None:
    expression = checked("share(persons, not p.domestic_violence_fine) >= 50% and income_per_capita / k > 1")
    body = emit(expression, {"persons": "persons_", "income_per_capita": "income", "k": "k_"})
    source = (
        "def rule(record):\n"
        "    persons_ = record.get('persons')\n"
        "    income = record.get('income_per_capita')\n"
        "    k_ = record.get('k')\n"
        f"    return {body}\n"
    )
    namespace: dict[str, object] = {"__builtins__": {}, **runtime_namespace()}
    exec(compile(source, "<test>", "exec"), namespace)
    rule = namespace["rule"]
    assert callable(rule)
    record = {"persons": people(F, T, F), "income_per_capita": 3.0, "k": 2}
    assert rule(record) is True
    assert rule({**record, "k": 0}) is None


def test_runtime_namespace_holds_only_helpers() -> None:
    namespace = runtime_namespace()
    assert all(name.startswith("_rt_") for name in namespace)
    assert "__builtins__" not in namespace


def test_file_text_is_never_code() -> None:
    payload = "__import__('os').system('echo pwned')"
    assert value(f"head_name == {payload!r}", {"head_name": payload}) is True
    assert value('head_name == "\\"); x = (\\""', {"head_name": '"); x = ("'}) is True
    compiled = compile_expression(checked("n > 1"))
    assert compiled.__globals__["__builtins__"] == {}  # type: ignore[attr-defined]


def test_catalogue_is_complete() -> None:
    assert sorted(CATALOGUE) == sorted(
        ["any", "all", "count", "share", "sum", "mean", "min", "max", "abs", "round", "len", "present"]
    )


# --- traces -------------------------------------------------------------------------------


def test_aggregate_traces() -> None:
    households = [
        {"id": f"H{n}", "status": s} for n, s in enumerate(["passed"] * 3 + ["failed"] * 7 + [None] * 2)
    ]
    expression = checked("share(households, h.status == 'passed') >= 70% and count(households) > 3")
    share, count = aggregate_traces(expression, {"households": households})
    assert (share.function, share.list_name, share.offset, share.end) == ("share", "households", 0, 39)
    assert (share.members_total, share.members_true, share.members_false, share.members_unknown) == (
        12,
        3,
        7,
        2,
    )
    assert share.false_ids == ("H3", "H4", "H5", "H6", "H7")
    assert (share.numerator, share.denominator, share.value) == (3, 10, 0.3)
    assert (count.function, count.members_total, count.value) == ("count", 12, 12)
    missing = aggregate_traces(expression, {})[0]
    assert missing.list_missing and missing.value is None


def test_weighted_and_value_traces() -> None:
    households = [
        {"id": "H1", "status": "passed", "size": 4},
        {"id": "H2", "status": "failed", "size": 1},
        {"id": "H3", "status": "passed", "size": None},
    ]
    env = {"households": households}
    share = aggregate_traces(checked("share(households, h.status == 'passed', weight=h.size) > 0"), env)[0]
    assert (share.numerator, share.denominator, share.value, share.members_unknown) == (4, 5, 0.8, 1)
    mean = aggregate_traces(checked("mean(households, h.size) > 0"), env)[0]
    assert (mean.numerator, mean.denominator, mean.value, mean.members_unknown) == (5, 2, 2.5, 1)
    nested = checked("any(households, any(h.persons, p.age > 3))")
    assert [t.function for t in aggregate_traces(nested, {"households": []})] == ["any"]


def test_evaluate_traced_reports_division_by_zero_and_missing() -> None:
    expression = checked("n / k > 1 or x")
    traced = evaluate_traced(expression, {"n": 1, "k": 0})
    assert traced.value is None and traced.division_by_zero and traced.missing == ("x",)
    fine = evaluate_traced(expression, {"n": 4, "k": 2, "x": False})
    assert fine.value is True and not fine.division_by_zero and fine.missing == ()


def test_generated_values_are_plain() -> None:
    result = value("mean(persons, p.age)", {"persons": [{"age": 1}, {"age": 2}]})
    assert isinstance(result, float) and math.isclose(result, 1.5)


def test_documented_examples() -> None:
    """The example tables of docs/expressions.md."""
    persons = {"persons": people(F, T, N)}
    assert value("any(persons, p.domestic_violence_fine)", persons) is True
    assert value("all(persons, not p.domestic_violence_fine)", persons) is False
    assert value("count(persons, p.domestic_violence_fine)", persons) == 1
    assert value("count(persons)", persons) == 3
    assert value("share(persons, p.domestic_violence_fine)", persons) == 0.5
    assert value("len(persons)", persons) == 3
    households = {
        "households": [
            {"size": 4, "status": "passed"},
            {"size": 1, "status": "failed"},
            {"size": None, "status": "passed"},
        ]
    }
    assert value('share(households, h.status == "passed", weight=h.size)', households) == 0.8
    assert value("sum(households, h.size)", households) == 5
    assert value("mean(households, h.size)", households) == 2.5
    assert value("mean(households, h.size, weight=h.size)", households) == 3.4
    assert value("min(households, h.size)", households) == 1
    assert value("max(households, h.size)", households) == 4


def test_record_names_in_scope() -> None:
    scope = {"head": RecordType({"age": INTEGER, "name": STRING})}
    expression = check("head.age >= 18", scope)
    assert isinstance(expression, CheckedExpression) and expression.fields_read == ("head.age",)
    run = compile_expression(expression)
    assert run({"head": {"age": 20}}) is True
    assert run({"head": None}) is None
    assert run({"head": {}}) is None
    assert reference_interpreter.evaluate("head.age >= 18", {"head": {"age": 3}}, scope) is False


def test_diagnostic_position_inside_the_text() -> None:
    text = "(members > 3 and\n   insured_membrs > 2)"
    result = check(text, SCOPE)
    assert isinstance(result, list)
    assert result[0].position(text) == (1, 3)
    located = result[0].located("sets/a.yaml", 12, 9)
    assert str(located).startswith("sets/a.yaml:12:9: error[expression-unknown-name]: unknown name")
