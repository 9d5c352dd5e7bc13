"""The compiled plan of a revision: compile once, evaluate many.

A :class:`Plan` is immutable and picklable (it keeps the generated source and rebuilds its
functions when unpickled, so ``--jobs N`` can ship it to worker processes). Evaluating a
record never raises for a gap in the data: a bad record is ``invalid`` with its problems,
a missing value gives unknown verdicts with their reasons.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import DocPath
from ..models import CriteriaSet, Criterion, Group
from ..registry import Revision
from ..results import CriterionResult, FieldIssue, Provenance, Result, Verdict
from ..rules import CheckedExpression, runtime_namespace
from ..semantics import criterion_max_points
from .compiler import CheckedSet, checked_or_raise
from .decision import BandRule, CriterionFacts, Outcome, decide
from .details import criterion_details
from .generate import generate
from .records import RecordChecker
from .scope import MemberSetResolver

RunOutput = tuple[tuple[Verdict, ...], tuple[float, ...], Any, tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]


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


class Plan:
    """A compiled revision. Build with :func:`compile_plan`; evaluate with :meth:`evaluate`."""

    def __init__(self, revision: Revision, resolve: MemberSetResolver | None = None) -> None:
        cs = revision.model
        self.revision = revision
        self.model = cs
        self._checked = checked_or_raise(cs, resolve)
        generated = generate(cs, self._checked)
        self.source = generated.source
        self._constants = generated.constants
        self.criteria = tuple(self._criterion_plans())
        self.facts = tuple(CriterionFacts(c.id, c.max_points, c.criterion.mandatory, c.criterion.veto) for c in self.criteria)
        self.bands = tuple(
            BandRule(r.id, r.min_score is not None, r.when is not None, r.requires_pass) for r in cs.decision.ratings
        )
        self._checker = RecordChecker(cs.inputs)
        self._build()

    def _criterion_plans(self) -> Iterator[CriterionPlan]:
        cs, checked = self.model, self._checked
        for gi, group in enumerate(cs.groups):
            for ci, criterion in enumerate(group.criteria):
                base = ("groups", gi, "criteria", ci)
                rule = checked.expressions.get((*base, "when")) or checked.expressions.get((*base, "points_by", "value"))
                applies = checked.expressions.get((*base, "applies_if"))
                names = [*(rule.names if rule else ()), *(applies.names if applies else ())]
                yield CriterionPlan(
                    criterion,
                    group,
                    criterion_max_points(criterion),
                    rule,
                    applies,
                    _inputs_read(cs, names, checked),
                    _template_names(criterion, checked.scope),
                )

    def _build(self) -> None:
        namespace: dict[str, object] = {"__builtins__": {}}
        namespace.update(runtime_namespace())
        namespace.update(self._constants)
        # The source is ours: generated from checked trees, never from a file's text.
        code = compile(self.source, f"<criteria {self.revision.ref}>", "exec")
        exec(code, namespace)  # noqa: S102
        self._run: Callable[[Mapping[str, object]], RunOutput] = namespace["run"]  # type: ignore[assignment]
        self._env: Callable[[Mapping[str, object]], dict[str, object]] = namespace["env"]  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_run", None)
        state.pop("_env", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._build()

    @property
    def provenance(self) -> Provenance:
        """The set id, version and digest stamped on every result."""
        return Provenance(self.model.id, self.model.version, self.revision.digest)

    def expressions(self) -> dict[DocPath, CheckedExpression]:
        """Every checked expression by document path (read-only use)."""
        return dict(self._checked.expressions)

    def outcome(self, record: Mapping[str, object]) -> tuple[RunOutput, Outcome]:
        """The raw verdicts and the decision for a record already checked (fast path)."""
        out = self._run(record)
        verdicts, points, pass_min, marks, whens, _measures = out
        decision = self.model.decision
        outcome = decide(
            self.facts,
            verdicts,
            points,
            all_mandatory=decision.pass_.all_mandatory,
            pass_min=pass_min,
            pass_min_known=pass_min is not None or decision.pass_.min_score is None,
            pass_percent=decision.pass_.min_percent,
            bands=self.bands,
            band_mins=marks,
            band_whens=whens,
        )
        return out, outcome

    def evaluate(
        self,
        record: Mapping[str, object],
        *,
        as_of: dt.date | None = None,
        detail: bool = True,
        id_field: str = "id",
    ) -> Result:
        """Evaluate one candidate. ``detail=False`` skips values, reasons and aggregates."""
        raw_id = record.get(id_field)
        candidate_id = "" if raw_id is None else str(raw_id)
        provenance = self.provenance
        if as_of is not None:
            provenance = Provenance(provenance.set_id, provenance.version, provenance.digest, as_of.isoformat())
        clean, problems = self._checker.check(record)
        if problems:
            issues = tuple(FieldIssue(p.field, p.code, p.message) for p in problems)
            return Result(candidate_id, "invalid", None, None, None, (), provenance, errors=issues, plan=self)
        out, outcome = self.outcome(clean)
        verdicts, points, _pass, _marks, _whens, measures = out
        measure_values = dict(zip(self.model.measures, measures, strict=True))
        if detail:
            env = self._env(clean)
            items = tuple(criterion_details(self, env, verdicts, points))
        else:
            items = tuple(
                CriterionResult(c.id, c.group.id, v, p, c.max_points, c.criterion.mandatory, c.criterion.veto, "")
                for c, v, p in zip(self.criteria, verdicts, points, strict=True)
            )
        missing = sorted({m for item in items if item.verdict == "unknown" for m in item.missing})
        return Result(
            candidate_id,
            outcome.status,
            outcome.score,
            outcome.max_score,
            outcome.rating,
            items,
            provenance,
            missing=tuple(missing),
            gap=outcome.gap,
            measures=measure_values,
            plan=self,
        )

    def evaluate_many(self, records: Iterable[Mapping[str, object]], **options: Any) -> Iterator[Result]:
        """Evaluate a stream of records lazily, in order, in constant memory."""
        for record in records:
            yield self.evaluate(record, **options)

    def env(self, record: Mapping[str, object]) -> dict[str, object]:
        """The value of every name for a (checked) record: inputs, parameters, derived values."""
        return self._env(record)


def compile_plan(revision: Revision | CriteriaSet, resolve: MemberSetResolver | None = None) -> Plan:
    """Compile a revision (or a bare model) into a :class:`Plan`; raises ``CompileError``."""
    if isinstance(revision, CriteriaSet):
        revision = Revision.of(revision)
    return Plan(revision, resolve)


__all__ = ["CriterionPlan", "Plan", "compile_plan"]
