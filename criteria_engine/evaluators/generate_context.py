"""What every part of the code generator shares: the set, its checked expressions, the locals
chosen for its names, the constants of the generated code's namespace, and the mode."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..errors import DocPath
from ..format.models import CriteriaSet
from ..results import CriterionResult, Reason, Status, Verdict
from ..rules import emit
from ..rules.set_checks import CheckedSet
from .code_writer import local_names, tag
from .criterion_plans import CriterionPlan

VERDICT_CONSTANTS = {
    "_PASS": Verdict.PASS,
    "_FAIL": Verdict.FAIL,
    "_UNKNOWN": Verdict.UNKNOWN,
    "_NA": Verdict.NOT_APPLICABLE,
    "_PASSED": Status.PASSED,
    "_FAILED": Status.FAILED,
    "_UNDETERMINED": Status.UNDETERMINED,
}
"""Verdicts and statuses as the generated code names them (constants of its namespace)."""
VERDICT_OF_MISSING = {"unknown": "_UNKNOWN", "fail": "_FAIL", "pass": "_PASS"}
REASON_CONSTANTS = {f"_R_{reason.name}": reason for reason in Reason}


def reason(value: Reason) -> str:
    """The generated code's name of a reason."""
    return f"_R_{value.name}"


class Context:
    """The compile-time facts the code generator's parts share."""

    def __init__(
        self, cs: CriteriaSet, checked: CheckedSet, criteria: Sequence[CriterionPlan], mode: str
    ) -> None:
        self.cs = cs
        self.checked = checked
        self.criteria = criteria
        self.mode = mode
        self.names = local_names([*cs.inputs, *cs.parameters, *cs.collections, *cs.derived, *cs.measures])
        taken: set[str] = set()
        self.tags = [tag(item.id, taken) for item in criteria]
        self.constants: dict[str, object] = {**VERDICT_CONSTANTS, **REASON_CONSTANTS}
        self._shared: dict[tuple[int, Verdict, object], str] = {}
        self._counts: dict[tuple[int, Verdict], int] = {}

    def expr(
        self,
        path: DocPath,
        *,
        log: str | None = None,
        precomputed: Mapping[int, str] | None = None,
    ) -> str:
        """The Python source of the expression at ``path`` (in ``log`` mode when ``log`` is given)."""
        mode = "log" if log is not None else self.mode
        return emit(self.checked.expressions[path], self.names, mode=mode, log=log, precomputed=precomputed)

    def shared(self, index: int, verdict: Verdict, points: object) -> str:
        """The constant holding criterion ``index``'s verdicts-only result for (verdict, points):
        immutable and the same for every candidate, so built once."""
        key = (index, verdict, points)
        found = self._shared.get(key)
        if found is not None:
            return found
        item = self.criteria[index]
        count = self._counts.get((index, verdict), 0)
        self._counts[(index, verdict)] = count + 1
        name = f"_CR_{self.tags[index]}_{verdict.name.lower()}" + (f"_{count + 1}" if count else "")
        self.constants[name] = CriterionResult(
            item.id,
            item.group.id,
            verdict,
            points,  # type: ignore[arg-type]
            item.max_points,
            item.criterion.mandatory,
            item.criterion.veto,
        )
        self._shared[key] = name
        return name

    def used_names(self, seeds: Iterable[str] = ()) -> set[str]:
        """The names the record functions bind: every name an expression reads (and ``seeds``),
        with the names derived values and measures read once they are read."""
        cs = self.cs
        used: set[str] = set(seeds)
        for expression in self.checked.expressions.values():
            used.update(expression.names)
        computed = [("derived", name) for name in cs.derived] + [("measures", name) for name in cs.measures]
        for section, name in reversed(computed):
            if name in used or section == "measures":
                used.add(name)
                used.update(self.checked.expressions[(section, name, "expr")].names)
        used.update(str(p.by) for name, p in cs.parameters.items() if name in used and p.by is not None)
        return used


__all__ = ["REASON_CONSTANTS", "VERDICT_CONSTANTS", "VERDICT_OF_MISSING", "Context", "reason"]
