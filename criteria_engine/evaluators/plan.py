"""The compiled plan of a revision: compile once, evaluate many.

A :class:`Plan` is immutable and picklable (it keeps the generated source and rebuilds its
functions when unpickled, so ``--jobs N`` can ship it to worker processes). Evaluating a
record never raises for a gap in the data: a bad record is ``invalid`` with its problems,
a missing value gives unknown verdicts with their reasons.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..errors import DocPath
from ..format.models import CriteriaSet, Criterion, Group
from ..format.registry import Revision
from ..format.semantics import criterion_max_points
from ..results import CriterionResult, FieldIssue, Gap, Provenance, Reason, Result, Status, Verdict
from ..rules import CheckedExpression, ast, runtime_namespace
from ..rules.scope import MemberSetResolver
from ..rules.set_checks import CheckedSet
from .compiler import checked_or_raise
from .decision import BandRule, CriterionFacts, Tally, gap_of, rating_of, status_of
from .details import criterion_details
from .generate import generate
from .generate_checks import generate_valid
from .records import RecordChecker
from .rows import SourceRow, evaluate_row

RunOutput = tuple[
    tuple[Verdict, ...],
    tuple[float, ...],
    float,
    float,
    float,
    bool,
    bool,
    Any,
    tuple[Any, ...],
    tuple[Any, ...],
    tuple[Any, ...],
]


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


@dataclass(frozen=True)
class CriterionPlan:
    """A criterion as compiled: its model, group, maximum and its checked expressions."""

    criterion: Criterion
    group: Group
    max_points: float
    rule: CheckedExpression | None
    applies: CheckedExpression | None
    inputs_read: tuple[str, ...]
    template_names: tuple[str, ...] = ()
    """Names the criterion's message templates show (their values are kept in results)."""
    shown: tuple[str, ...] = ()
    """Every name whose value a result keeps: read by the rule or applies_if, or shown by a message."""
    aggregated: bool = False
    """Whether the rule calls an aggregate function (its details are traced for explanations)."""

    @property
    def id(self) -> str:
        """The criterion's id."""
        return self.criterion.id


def _inputs_read(cs: CriteriaSet, names: Iterable[str], checked: CheckedSet) -> tuple[str, ...]:
    """The inputs a set of names reads, through parameters' ``by`` and derived values."""
    out: list[str] = []
    seen: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop(0)
        if name in seen:
            continue
        seen.add(name)
        if name in cs.inputs or name in cs.collections:
            out.append(name)
        elif name in cs.parameters and cs.parameters[name].by:
            stack.append(str(cs.parameters[name].by))
        elif name in cs.derived:
            expression = checked.expressions.get(("derived", name, "expr"))
            stack.extend(expression.names if expression else ())
    return tuple(out)


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _template_names(criterion: Criterion, scope: Mapping[str, object]) -> tuple[str, ...]:
    messages = criterion.message
    if messages is None:
        return ()
    found: list[str] = []
    for text in (messages.pass_, messages.fail, messages.unknown, messages.not_applicable):
        for template in (text or {}).values():
            found.extend(n for n in _PLACEHOLDER.findall(template) if n in scope and n not in found)
    return tuple(found)


_make_result = CriterionResult._make
_NO_VALUES: Mapping[str, object] = MappingProxyType({})


def _whole(value: float) -> float:
    """Integral scores as ints (``100``, not ``100.0``), so JSON and text stay clean."""
    return int(value) if value.__class__ is float and value.is_integer() else value


# The classes the generated data-dictionary check compares with (there are no builtins).
_CLASSES: dict[str, object] = {f"_T_{t.__name__}": t for t in (int, float, bool, str, list, dict)}


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
        self._checked = checked_or_raise(cs, self._members.get)
        generated = generate(cs, self._checked)
        valid_source, valid_constants = generate_valid(cs.inputs)
        self.source = generated.source + valid_source
        self._constants = {**generated.constants, **valid_constants}
        self.criteria = tuple(self._criterion_plans())
        self.facts = tuple(
            CriterionFacts(c.id, c.max_points, c.criterion.mandatory, c.criterion.veto) for c in self.criteria
        )
        self.bands = tuple(
            BandRule(r.id, r.min_score is not None, r.when is not None, r.requires_pass)
            for r in cs.decision.ratings
        )
        self._checker = RecordChecker(cs.inputs)
        self._no_mark = cs.decision.pass_.min_score is None
        self._pass_percent = cs.decision.pass_.min_percent
        self._all_mandatory = cs.decision.pass_.all_mandatory
        self._measure_names = tuple(cs.measures)
        # What every criterion result repeats, prepared once for the verdicts-only path.
        self._indexes = tuple(range(len(self.criteria)))
        self._shared: list[dict[tuple[Verdict, float], CriterionResult]] = [{} for _ in self.criteria]
        self._static = tuple(
            (c.id, c.group.id, c.max_points, c.criterion.mandatory, c.criterion.veto) for c in self.criteria
        )
        self._build()

    def _criterion_plans(self) -> Iterator[CriterionPlan]:
        cs, checked = self.model, self._checked
        for gi, group in enumerate(cs.groups):
            for ci, criterion in enumerate(group.criteria):
                base = ("groups", gi, "criteria", ci)
                rule = checked.expressions.get((*base, "when")) or checked.expressions.get(
                    (*base, "points_by", "value")
                )
                applies = checked.expressions.get((*base, "applies_if"))
                names = [*(rule.names if rule else ()), *(applies.names if applies else ())]
                templates = _template_names(criterion, checked.scope)
                yield CriterionPlan(
                    criterion,
                    group,
                    criterion_max_points(criterion),
                    rule,
                    applies,
                    _inputs_read(cs, names, checked),
                    templates,
                    tuple(
                        dict.fromkeys(
                            [*(applies.names if applies else ()), *(rule.names if rule else ()), *templates]
                        )
                    ),
                    rule is not None and any(isinstance(n, ast.Call) for n in ast.walk(rule.tree)),
                )

    def _build(self) -> None:
        namespace: dict[str, object] = {"__builtins__": {}, "_INF": math.inf, "_DATE": dt.date, **_CLASSES}
        namespace.update(runtime_namespace())
        namespace.update(self._constants)
        # The source is ours: generated from checked trees and the data dictionary, never from
        # a file's text (names are local variables; literals pass through repr()).
        code = compile(self.source, f"<criteria {self.revision.ref}>", "exec")
        exec(code, namespace)
        self._run: Callable[[Mapping[str, object]], RunOutput] = namespace["run"]  # type: ignore[assignment]
        self._env: Callable[[Mapping[str, object]], dict[str, object]] = namespace["env"]  # type: ignore[assignment]
        self._valid: Callable[[Mapping[str, object]], bool] = namespace["valid"]  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Callable[..., Plan], tuple[Revision, dict[str, CriteriaSet]]]:
        # A plan pickles as its revision (plain, validated data) and the member sets it was
        # typed against; unpickling compiles again (milliseconds), so ``--jobs N`` can ship
        # plans to worker processes. Compiled functions themselves cannot be pickled.
        return _rebuild, (self.revision, self._members)

    @property
    def provenance(self) -> Provenance:
        """The set id, version and digest stamped on every result."""
        return Provenance(self.model.id, self.model.version, self.revision.digest)

    def expressions(self) -> dict[DocPath, CheckedExpression]:
        """Every checked expression by document path (read-only use)."""
        return dict(self._checked.expressions)

    def outcome(self, record: Mapping[str, object]) -> Outcome:
        """Verdicts, points, status and rating of a record already checked (the fast path)."""
        verdicts, points, score, top, loose, gate_fail, gate_unknown, pass_min, marks, whens, measures = (
            self._run(record)
        )
        t = Tally(score, top, loose, gate_fail, gate_unknown)
        status = status_of(t, 0.0 if self._no_mark else pass_min, self._pass_percent)
        rating, index = rating_of(status, score, self.bands, marks, whens)
        if status == Status.UNDETERMINED:
            rating = None  # the missing data decides it: no rating yet
        return Outcome(verdicts, points, t, status, rating, index, marks, measures)

    def _share(self, index: int, verdict: Verdict, points: float) -> CriterionResult:
        i, g, m, a, b = self._static[index]
        made = _make_result((i, g, verdict, points, m, a, b, Reason.NOT_TRACED, _NO_VALUES, (), ()))
        if len(self._shared[index]) < 64:  # bounded: graded points take few values
            self._shared[index][(verdict, points)] = made
        return made

    def _invalid(self, candidate_id: str, provenance: Provenance, problems: Sequence[FieldIssue]) -> Result:
        return Result(
            candidate_id, Status.INVALID, None, None, None, (), provenance, errors=tuple(problems), plan=self
        )

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
        candidate_id = "" if raw_id is None else str(raw_id)
        provenance = self.provenance if as_of is None else self._provenance_on(as_of)
        if not self._valid(record):
            record, problems = self._checker.check(record)
            if problems:
                return self._invalid(candidate_id, provenance, problems)
        o = self.outcome(record)
        measures = dict(zip(self._measure_names, o.measures, strict=True)) if self._measure_names else {}
        if not detail:
            # Verdicts-only results are the same immutable tuple for the same criterion,
            # verdict and points: build each once and share it (a few per criterion).
            shared = self._shared
            items = tuple(
                [
                    shared[k].get((v, p)) or self._share(k, v, p)
                    for k, v, p in zip(self._indexes, o.verdicts, o.points, strict=True)
                ]
            )
            return self._result(candidate_id, o, items, provenance, measures, (), None)
        env = self._env(record)
        items = tuple(criterion_details(self, env, o.verdicts, o.points))
        missing = sorted({m for item in items if item.verdict == Verdict.UNKNOWN for m in item.missing})
        gap = gap_of(
            self.facts,
            o.verdicts,
            o.points,
            o.tally.score,
            self.bands,
            o.marks,
            o.rating_index,
            self._all_mandatory,
        )
        return self._result(candidate_id, o, items, provenance, measures, tuple(missing), gap)

    def _result(
        self,
        candidate_id: str,
        o: Outcome,
        items: tuple[CriterionResult, ...],
        provenance: Provenance,
        measures: dict[str, Any],
        missing: tuple[str, ...],
        gap: Gap | None,
    ) -> Result:
        score, top = _whole(o.tally.score), _whole(o.tally.top)
        return Result(
            candidate_id,
            o.status,
            score,
            top,
            o.rating,
            items,
            provenance,
            missing,
            gap,
            measures=measures,
            plan=self,
        )

    def _provenance_on(self, as_of: dt.date) -> Provenance:
        p = self.provenance
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
        for record in records:
            if isinstance(record, SourceRow):
                yield evaluate_row(self, record, as_of=as_of, detail=detail, id_field=id_field)
            else:
                yield self.evaluate(record, as_of=as_of, detail=detail, id_field=id_field)

    def env(self, record: Mapping[str, object]) -> dict[str, object]:
        """The value of every name for a (checked) record: inputs, parameters, derived values."""
        return self._env(record)


def _rebuild(revision: Revision, members: dict[str, CriteriaSet]) -> Plan:
    return Plan(revision, members.get)


def compile_plan(revision: Revision | CriteriaSet, resolve: MemberSetResolver | None = None) -> Plan:
    """Compile a revision (or a bare model) into a :class:`Plan`; raises ``CompileError``."""
    if isinstance(revision, CriteriaSet):
        revision = Revision.of(revision)
    return Plan(revision, resolve)


__all__ = ["CriterionPlan", "Outcome", "Plan", "compile_plan"]
