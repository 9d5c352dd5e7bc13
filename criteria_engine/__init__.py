"""criteria_engine: declarative criteria sets turned into fair, explained, reproducible evaluations.

The public surface, in the order a program uses it::

    from criteria_engine import load_registry, compile_plan

    registry = load_registry()                      # the shipped sets (or give folders)
    plan = compile_plan(registry.get("happy-family@2026.2"))
    result = plan.evaluate({"id": "HH-1", "area": "rural", ...})
    print(result.status, result.score, result.rating)
    print(result.explain(lang="vi"))
    for r in plan.evaluate_many(records):           # streams, in constant memory
        ...

Everything not listed in ``__all__`` is internal.
"""

from importlib.metadata import version as _version

from .errors import (
    CompileError,
    CriteriaError,
    DataError,
    Diagnostic,
    LoadError,
    RevisionError,
    Severity,
    ValidationError,
)
from .evaluators.plan import Plan, compile_plan
from .explain import DatasetEvaluation
from .format.models import CriteriaSet
from .format.registry import Registry, Revision
from .format.schema import criteria_set_schema
from .io.catalog import Catalog, check_file, load_catalog, load_examples, load_registry, load_set
from .io.dataset_tables import evaluate_dataset
from .results import AggregateDetail, CriterionResult, FieldIssue, Gap, Provenance, Result

__version__ = _version("criteria_engine")

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
    "LoadError",
    "Plan",
    "Provenance",
    "Registry",
    "Result",
    "Revision",
    "RevisionError",
    "Severity",
    "ValidationError",
    "__version__",
    "check_file",
    "compile_plan",
    "criteria_set_schema",
    "evaluate_dataset",
    "load_catalog",
    "load_examples",
    "load_registry",
    "load_set",
]
