"""The safe expression language of criteria files.

Text is parsed behind a whitelist (``parser``), type-checked against a scope (``checker``),
and turned into Python source that runs with no builtins (``codegen``, with the ``runtime``
helpers); ``counting`` gives an aggregate's value with its counts for explanations, and
``trace`` re-evaluates expressions the reference way. ``functions.CATALOGUE`` is the one list
of functions and of how each is emitted.
:mod:`.scope` types a set's names, :mod:`.set_checks` checks every expression of a set in
place, and :mod:`.validation` validates a whole document (the format's checks, then these).

    checked = check("income_per_capita >= income_floor", scope, expect=BOOLEAN)
    if isinstance(checked, list):  # ExpressionDiagnostic items, each with an offset
        ...
    value = compile_expression(checked)({"income_per_capita": 2_100_000, "income_floor": 2_000_000})

May import: :mod:`criteria_engine.errors`, :mod:`criteria_engine.results`,
:mod:`criteria_engine.format`. No I/O.
"""

from criteria_engine.rules.checker import CheckedExpression, Scope, check
from criteria_engine.rules.codegen import compile_expression, emit, runtime_namespace
from criteria_engine.rules.functions import CATALOGUE, Function
from criteria_engine.rules.parser import MAX_DEPTH, MAX_LENGTH, ExpressionDiagnostic, parse
from criteria_engine.rules.trace import AggregateTrace, TracedValue, aggregate_traces, evaluate_traced
from criteria_engine.rules.types import (
    ANY,
    BOOLEAN,
    DATE,
    INTEGER,
    NUMBER,
    STRING,
    EnumType,
    ListType,
    RecordType,
    ScalarType,
    Type,
)

__all__ = [
    "ANY",
    "BOOLEAN",
    "CATALOGUE",
    "DATE",
    "INTEGER",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "NUMBER",
    "STRING",
    "AggregateTrace",
    "CheckedExpression",
    "EnumType",
    "ExpressionDiagnostic",
    "Function",
    "ListType",
    "RecordType",
    "ScalarType",
    "Scope",
    "TracedValue",
    "Type",
    "aggregate_traces",
    "check",
    "compile_expression",
    "emit",
    "evaluate_traced",
    "parse",
    "runtime_namespace",
]
