"""Revisions of criteria sets: what a new revision changes, whose result it changes, and
checking that stored results are reproduced by the rules that made them.

    from criteria_engine import load_registry, compile_plan
    from criteria_engine.revisions import describe, diff_revisions, impact, verify_results

    registry = load_registry()
    a, b = registry.get("happy-family@2026.2"), registry.get("happy-family@2027.1")
    for change in diff_revisions(a, b).changes:
        print(describe(change, "en"))        # Income poverty line, Rural: 1,500,000 → 2,200,000 VND/month.
    report = impact(compile_plan(a), compile_plan(b), records)
    print(report.moved("failed", "passed"))
    check = verify_results(stored_results, records_by_id, registry)

Rendering (terminal text, Markdown, JSON) is in :mod:`criteria_engine.revisions.render`.

May import: every part below it (errors, results, format, rules, evaluators, explain), and
:mod:`criteria_engine.io` to read data, :mod:`criteria_engine.render` to draw results. Not cli.
"""

from .data import DataLog, merged_inputs, read_records
from .describe import describe
from .diff import Change, RevisionDiff, RevisionInfo, Threshold, diff_revisions
from .impact import CandidateChange, CriterionDelta, ImpactReport, impact
from .verify import Difference, Verification, VerifyReport, compare_results, verify_results

__all__ = [
    "CandidateChange",
    "Change",
    "CriterionDelta",
    "DataLog",
    "Difference",
    "ImpactReport",
    "RevisionDiff",
    "RevisionInfo",
    "Threshold",
    "Verification",
    "VerifyReport",
    "compare_results",
    "describe",
    "diff_revisions",
    "impact",
    "merged_inputs",
    "read_records",
    "verify_results",
]
