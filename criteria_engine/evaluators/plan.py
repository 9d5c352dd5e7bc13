"""The compiled plan of a revision: compile once, evaluate many.

A :class:`Plan` is immutable and picklable (it keeps the generated source and rebuilds its
functions when unpickled, so ``--jobs N`` can ship it to worker processes). Evaluating a
record never raises for a gap in the data: a bad record is ``invalid`` with its problems,
a missing value gives unknown verdicts with their reasons, a number too large to compute
with gives unknown (``overflow``).

Evaluation runs generated code (:mod:`.generate`): one function checks the record and
returns the whole result; results keep their criteria, gap and explanation data raw until
first read (:func:`~criteria_engine.results.deferred_result`). The trace interpreter path
(:meth:`Plan.traced`) computes the same result eagerly, as the reference.
"""

from __future__ import annotations

import datetime as dt
import linecache
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..errors import CompileError, DocPath
from ..format.models import CriteriaSet
from ..format.registry import Revision
from ..results import (
    CriterionResult,
    FieldIssue,
    Provenance,
    Result,
    Status,
    Verdict,
    deferred_result,
    fill_fields,
)
from ..rules import CheckedExpression, runtime_namespace
from ..rules.counting import NAMESPACE as COUNTING
from ..rules.scope import MemberSetResolver
from ..rules.validation import member_set_problems
from .code_writer import Origin
from .compiler import checked_or_raise
from .criterion_plans import CriterionPlan, criterion_plans
from .decision import BandRule, CriterionFacts, Tally, gap_of
from .explain_helpers import NAMESPACE as EXPLAINING
from .generate import Generated, RunOutput, generate
from .generate_checks import generate_valid
from .records import RecordChecker, member_fields
from .rows import SourceRow, evaluate_row
from .traced import traced_result

_NO_VALUES: Mapping[str, object] = MappingProxyType({})
_UNKNOWN = Verdict.UNKNOWN


@dataclass(frozen=True, slots=True)
class Outcome:
    """The fast path's answer for one record: verdicts, points, tallies, status and rating."""

    verdicts: tuple[Verdict, ...]
    points: tuple[float, ...]
    tally: Tally
    status: Status
    rating: str | None
    rating_index: int
    marks: tuple[Any, ...]
    measures: tuple[Any, ...]


def _whole(value: float) -> float:
    """Integral scores as ints (``100``, not ``100.0``), so JSON and text stay clean."""
    return int(value) if value.__class__ is float and value.is_integer() else value


class _Functions:
    """The compiled record functions of one arithmetic mode."""

    def __init__(self, plan: Plan, generated: Generated, name: str) -> None:
        namespace: dict[str, object] = {"__builtins__": {}, **runtime_namespace(), **COUNTING, **EXPLAINING}
        namespace.update(generated.constants)
        namespace.update(plan._bound())
        lines = generated.source.splitlines(keepends=True)
        linecache.cache[name] = (len(generated.source), None, lines, name)
        # The source is ours: generated from checked trees and the data dictionary, never from
        # a file's text (names are checked identifiers; literals pass through repr()).
        exec(compile(generated.source, name, "exec"), namespace)
        self.verdicts: Callable[..., Result] = namespace["verdicts"]  # type: ignore[assignment]
        self.full: Callable[..., Result] = namespace["full"]  # type: ignore[assignment]
        self.run: Callable[[Mapping[str, object]], RunOutput] = namespace["run"]  # type: ignore[assignment]
        self.env: Callable[[Mapping[str, object]], dict[str, object]] = namespace["env"]  # type: ignore[assignment]
        self.details: Callable[..., tuple[CriterionResult, ...]] = namespace["_details"]  # type: ignore[assignment]


class Plan:
    """A compiled revision. Build with :func:`compile_plan`; evaluate with :meth:`evaluate`."""

    def __init__(self, revision: Revision, resolve: MemberSetResolver | None = None) -> None:
        cs = revision.model
        self.revision = revision
        self.model = cs
        members = (
            resolve(c.criteria_set) if resolve and c.criteria_set else None for c in cs.collections.values()
        )
        self._members = {m.id: m for m in members if m is not None}
        unknown = member_set_problems(cs, resolve)
        if unknown:
            raise CompileError(unknown)
        self._checked = checked_or_raise(cs, self._members.get)
        self.criteria: tuple[CriterionPlan, ...] = tuple(criterion_plans(cs, self._checked))
        self.facts = tuple(
            CriterionFacts(c.id, c.max_points, c.criterion.mandatory, c.criterion.veto) for c in self.criteria
        )
        self.bands = tuple(
            BandRule(r.id, r.min_score is not None, r.when is not None, r.requires_pass)
            for r in cs.decision.ratings
        )
        self._member_fields = {
            name: member_fields(c, self._members.get(c.criteria_set or ""))
            for name, c in cs.collections.items()
        }
        self._checker = RecordChecker(cs.inputs, self._member_fields)
        self._all_mandatory = cs.decision.pass_.all_mandatory
        self._measure_names = tuple(cs.measures)
        self._provenance = Provenance(cs.id, cs.version, revision.digest)
        generated = self._generate("fast")
        self.source = generated.source
        self.source_map: dict[int, Origin] = generated.origins
        """Generated line -> where it comes from in the set's file (file, line, document path)."""
        self.filename = f"<criteria {revision.ref} {revision.digest[7:19]}>"
        """The name the generated source is registered under (``linecache``, tracebacks)."""
        self._fast = _Functions(self, generated, self.filename)
        self._safe_functions: _Functions | None = None
        valid_source, valid_constants = generate_valid(cs.inputs, self._member_fields)
        namespace: dict[str, object] = {"__builtins__": {}, **generated.constants, **valid_constants}
        exec(compile(valid_source, f"<criteria {revision.ref} valid>", "exec"), namespace)
        self._valid: Callable[[Mapping[str, object]], bool] = namespace["valid"]  # type: ignore[assignment]

    def _generate(self, mode: str) -> Generated:
        source = self.revision.source
        locate = None if source is None else (lambda path: source.value_position(path)[0])
        return generate(
            self.model,
            self._checked,
            self.criteria,
            self._member_fields,
            mode=mode,
            file=self.revision.file,
            locate=locate,
        )

    def _bound(self) -> dict[str, object]:
        """The names of the generated code that refer to this plan."""
        return {
            "_PLAN": self,
            "_result": deferred_result,
            "_fill_verdicts": self._fill_verdicts,
            "_fill_full": self._fill_full,
            "_check_failed": self._check_failed,
            "_tuple": tuple.__new__,
            "_CriterionResult": CriterionResult,
            "_NO_VALUES": _NO_VALUES,
        }

    @property
    def _safe(self) -> _Functions:
        """The same functions with arithmetic that never raises (built on first need: only a
        huge integer meeting a decimal number makes Python raise ``OverflowError``)."""
        if self._safe_functions is None:
            self._safe_functions = _Functions(self, self._generate("safe"), f"{self.filename[:-1]} safe>")
        return self._safe_functions

    def __reduce__(self) -> tuple[Callable[..., Plan], tuple[Revision, dict[str, CriteriaSet]]]:
        # A plan pickles as its revision (plain, validated data) and the member sets it was
        # typed against; unpickling compiles again (milliseconds), so ``--jobs N`` can ship
        # plans to worker processes. Compiled functions themselves cannot be pickled.
        return _rebuild, (self.revision, self._members)

    @property
    def provenance(self) -> Provenance:
        """The set id, version and digest stamped on every result."""
        return self._provenance

    def expressions(self) -> dict[DocPath, CheckedExpression]:
        """Every checked expression by document path (read-only use)."""
        return dict(self._checked.expressions)

    def outcome(self, record: Mapping[str, object]) -> Outcome:
        """Verdicts, points, status and rating of a record already checked (the fast path)."""
        try:
            o = self._fast.run(record)
        except OverflowError:
            o = self._safe.run(record)
        tally = Tally(o.score, o.top, o.loose, o.gate_fail, o.gate_unknown)
        return Outcome(o.verdicts, o.points, tally, o.status, o.rating, o.rating_index, o.marks, o.measures)

    # --- filling results on first read --------------------------------------------------

    def _fill_verdicts(self, result: Result, raw: tuple[Any, ...]) -> None:
        criteria, measures = raw
        names = self._measure_names
        fill_fields(
            result,
            criteria=criteria,
            missing=(),
            gap=None,
            errors=(),
            measures=dict(zip(names, measures, strict=True)) if names else {},
        )

    def _fill_full(self, result: Result, raw: tuple[Any, ...]) -> None:
        verdicts, points, reasons, missing, aggregates, shown, measures, marks, index, score = raw
        items = self._fast.details(verdicts, points, reasons, missing, aggregates, shown)
        lacking = (
            sorted({m for v, names in zip(verdicts, missing, strict=True) if v is _UNKNOWN for m in names})
            if any(missing)
            else ()
        )
        names = self._measure_names
        fill_fields(
            result,
            criteria=items,
            missing=tuple(lacking),
            gap=gap_of(self.facts, verdicts, points, score, self.bands, marks, index, self._all_mandatory),
            errors=(),
            measures=dict(zip(names, measures, strict=True)) if names else {},
        )

    def _check_failed(
        self, candidate_id: str, provenance: Provenance, outcomes: Sequence[bool | None]
    ) -> Result:
        """The invalid result of a record that fails the set's consistency checks."""
        lang = self.model.languages[0]
        issues = tuple(
            FieldIssue(
                check.id, "check-failed", check.message.get(lang) or next(iter(check.message.values()))
            )
            for check, outcome in zip(self.model.checks, outcomes, strict=True)
            if outcome is False
        )
        return self._invalid(candidate_id, provenance, issues)

    def _invalid(self, candidate_id: str, provenance: Provenance, problems: Sequence[FieldIssue]) -> Result:
        return Result(
            candidate_id, Status.INVALID, None, None, None, (), provenance, errors=tuple(problems), plan=self
        )

    # --- evaluation ----------------------------------------------------------------------

    def evaluate(
        self,
        record: Mapping[str, object],
        *,
        as_of: dt.date | None = None,
        detail: bool = True,
        id_field: str = "id",
    ) -> Result:
        """Evaluate one candidate; never raises for a gap or a mistake in the data.

        ``detail=False`` gives status, score, rating and verdicts only (no values read,
        reasons, missing fields, aggregates or gap): the fastest path, for large runs.
        """
        raw_id = record.get(id_field)
        candidate_id = raw_id if raw_id.__class__ is str else "" if raw_id is None else str(raw_id)
        provenance = self._provenance if as_of is None else self._provenance_on(as_of)
        fast = self._fast
        try:
            result = (fast.full if detail else fast.verdicts)(record, candidate_id, provenance)
            if result is not None:
                return result
        except OverflowError:
            pass
        return self._evaluate_slowly(record, candidate_id, provenance, detail)

    def _evaluate_slowly(
        self, record: Mapping[str, object], candidate_id: str, provenance: Provenance, detail: bool
    ) -> Result:
        """The record the fast check did not accept as it is (named problems, or values to
        normalise), or one whose arithmetic overflowed: checked, then evaluated safely."""
        clean, problems = self._checker.check(record)
        if problems:
            return self._invalid(candidate_id, provenance, problems)
        try:
            fast = self._fast
            return (fast.full if detail else fast.verdicts)(clean, candidate_id, provenance, True)
        except OverflowError:
            safe = self._safe
            return (safe.full if detail else safe.verdicts)(clean, candidate_id, provenance, True)

    def traced(
        self, record: Mapping[str, object], *, as_of: dt.date | None = None, id_field: str = "id"
    ) -> Result:
        """The full result computed the reference way (:func:`.traced.traced_result`): the
        explanation data by the trace interpreter, every field at once. Slower; equal to
        :meth:`evaluate`'s result (differential tests hold them to it)."""
        raw_id = record.get(id_field)
        candidate_id = "" if raw_id is None else str(raw_id)
        provenance = self._provenance if as_of is None else self._provenance_on(as_of)
        return traced_result(self, record, candidate_id, provenance)

    def _provenance_on(self, as_of: dt.date) -> Provenance:
        p = self._provenance
        return Provenance(p.set_id, p.version, p.digest, as_of.isoformat())

    def evaluate_many(
        self,
        records: Iterable[Mapping[str, object] | SourceRow],
        *,
        as_of: dt.date | None = None,
        detail: bool = True,
        id_field: str = "id",
    ) -> Iterator[Result]:
        """Evaluate a stream of records lazily, in order, in constant memory: one result each.

        ``records`` may be plain mappings or the rows :func:`criteria_engine.read_records`
        reads (a row that could not be read gives its ``invalid`` result, naming row and column).
        The options are those of :meth:`evaluate`.
        """
        provenance = self._provenance if as_of is None else self._provenance_on(as_of)
        fast = self._fast.full if detail else self._fast.verdicts
        slowly = self._evaluate_slowly
        for record in records:
            if record.__class__ is SourceRow:
                yield evaluate_row(self, record, as_of=as_of, detail=detail, id_field=id_field)
                continue
            raw_id = record.get(id_field)  # type: ignore[union-attr]
            candidate_id = raw_id if raw_id.__class__ is str else "" if raw_id is None else str(raw_id)
            try:
                result = fast(record, candidate_id, provenance)
            except OverflowError:
                result = None
            yield result if result is not None else slowly(record, candidate_id, provenance, detail)  # type: ignore[arg-type]

    def origin(self, error: BaseException) -> Origin | None:
        """Where in the set's file the generated code was when ``error`` was raised (for an
        engine fault's message), or None when it did not come from the generated code."""
        found = None
        tb = error.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self.filename:
                found = self.source_map.get(tb.tb_lineno, found)
            tb = tb.tb_next
        return found

    def env(self, record: Mapping[str, object]) -> dict[str, object]:
        """The value of every name for a (checked) record: inputs, parameters, derived values."""
        try:
            return self._fast.env(record)
        except OverflowError:
            return self._safe.env(record)


def _rebuild(revision: Revision, members: dict[str, CriteriaSet]) -> Plan:
    return Plan(revision, members.get)


def compile_plan(revision: Revision | CriteriaSet, resolve: MemberSetResolver | None = None) -> Plan:
    """Compile a revision (or a bare model) into a :class:`Plan`; raises ``CompileError``."""
    if isinstance(revision, CriteriaSet):
        revision = Revision.of(revision)
    return Plan(revision, resolve)


__all__ = ["CriterionPlan", "Outcome", "Plan", "compile_plan"]
