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
"""

from importlib.metadata import version as _version

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
