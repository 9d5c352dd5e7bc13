"""criteria_engine: declarative criteria sets turned into fair, explained, reproducible evaluations.

The public surface, in the order a program uses it::

    from criteria_engine import compile_plan, load_registry, read_records, write_results

    registry = load_registry()                      # the shipped sets (or give folders)
    plan = compile_plan(registry.get("happy-family@2026.2"), registry.resolver())
    result = plan.evaluate({"id": "HH-1", "area": "rural", ...})
    print(result.status, result.score, result.rating)
    print(result.explain(lang="vi"))

    rows = read_records("households.xlsx", plan, members={"persons": "persons.csv"})
    write_results(plan.evaluate_many(rows), "results.xlsx")   # streams, in constant memory

Everything not listed in ``__all__`` is internal.

Each name is imported when it is first used (PEP 562), so ``import criteria_engine`` costs
little and a program loads only the parts it uses. Explanations are written by
:mod:`criteria_engine.explain`, loaded the first time a result is explained.
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from .results import PRESENTATION as _PRESENTATION

if _TYPE_CHECKING:  # what the names are, for type checkers; at run time they load on first use
    from .errors import (
        CompileError,
        CriteriaError,
        DataError,
        Diagnostic,
        InvalidSetError,
        LoadError,
        OutputError,
        RevisionError,
        Severity,
    )
    from .evaluators.plan import Plan, compile_plan
    from .evaluators.rows import SourceRow
    from .explain import DatasetEvaluation
    from .format.models import CriteriaSet
    from .format.registry import Registry, Revision
    from .format.schema import criteria_set_schema
    from .io.catalog import Catalog, check_file, load_catalog, load_examples, load_registry, load_revision
    from .io.dataset_tables import evaluate_dataset
    from .io.frame import evaluate_frame
    from .io.records import read_records
    from .render.output import write_results
    from .render.summary import Summary
    from .results import (
        AggregateDetail,
        CriterionResult,
        FieldIssue,
        Gap,
        Provenance,
        Reason,
        Result,
        Status,
        Verdict,
    )

    __version__: str

_HOMES = {
    "errors": (
        "CompileError", "CriteriaError", "DataError", "Diagnostic", "InvalidSetError", "LoadError",
        "OutputError", "RevisionError", "Severity",
    ),
    "evaluators.plan": ("Plan", "compile_plan"),
    "evaluators.rows": ("SourceRow",),
    "explain": ("DatasetEvaluation",),
    "format.models": ("CriteriaSet",),
    "format.registry": ("Registry", "Revision"),
    "format.schema": ("criteria_set_schema",),
    "io.catalog": ("Catalog", "check_file", "load_catalog", "load_examples", "load_registry", "load_revision"),
    "io.dataset_tables": ("evaluate_dataset",),
    "io.frame": ("evaluate_frame",),
    "io.records": ("read_records",),
    "render.output": ("write_results",),
    "render.summary": ("Summary",),
    "results": (
        "AggregateDetail", "CriterionResult", "FieldIssue", "Gap", "Provenance", "Reason", "Result",
        "Status", "Verdict",
    ),
}  # fmt: skip
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> _Any:
    """A public name, imported from its module the first time it is asked for."""
    if name == "__version__":
        from importlib.metadata import version

        value: _Any = version("criteria_engine")
    elif name in _HOME_OF:
        value = getattr(_importlib.import_module(f".{_HOME_OF[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'criteria_engine' has no attribute '{name}'")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _explain(result: _Any, lang: str) -> str:
    # Loading the wording registers its writer in place of this one (see explain/__init__.py).
    from .explain.text import explain_text

    return explain_text(result, lang)


def _styled(result: _Any, lang: str) -> _Any:
    from .render.table import explanation_renderables  # rich is loaded when a result is drawn

    return explanation_renderables(result, lang)


# Results never import their writers (they sit below them); these load them when needed.
if _PRESENTATION.explain is None:
    _PRESENTATION.explain = _explain
if _PRESENTATION.rich is None:
    _PRESENTATION.rich = _styled

__all__ = [
    "AggregateDetail",
    "Catalog",
    "CompileError",
    "CriteriaError",
    "CriteriaSet",
    "CriterionResult",
    "DataError",
    "DatasetEvaluation",
    "Diagnostic",
    "FieldIssue",
    "Gap",
    "InvalidSetError",
    "LoadError",
    "OutputError",
    "Plan",
    "Provenance",
    "Reason",
    "Registry",
    "Result",
    "Revision",
    "RevisionError",
    "Severity",
    "SourceRow",
    "Status",
    "Summary",
    "Verdict",
    "__version__",
    "check_file",
    "compile_plan",
    "criteria_set_schema",
    "evaluate_dataset",
    "evaluate_frame",
    "load_catalog",
    "load_examples",
    "load_registry",
    "load_revision",
    "read_records",
    "write_results",
]
