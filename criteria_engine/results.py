"""Results: plain data with stable keys, convertible to JSON, stamped with their provenance.

A :class:`Result` is what evaluating one candidate gives: the status, the score, the rating,
the gap to the next band, the missing fields and, per criterion, a :class:`CriterionResult`.
Sentences are not stored: they are written on demand in the language asked for
(:mod:`criteria_engine.explain`), so one result serves a Vietnamese and an English reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from .messages import Msg


class Verdict(StrEnum):
    """A criterion's outcome for one candidate (the value is what JSON and CSV carry)."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    """The data does not decide it (a value is missing, or too few members are known)."""
    NOT_APPLICABLE = "not_applicable"
    """Its ``applies_if`` is false for this candidate: it neither counts nor blocks."""


class Status(StrEnum):
    """A candidate's outcome under a revision (in the order summaries count them)."""

    PASSED = "passed"
    FAILED = "failed"
    UNDETERMINED = "undetermined"
    """Missing data could still change the outcome either way."""
    INVALID = "invalid"
    """The record breaks the data dictionary: it was not evaluated."""


class Reason(StrEnum):
    """Why a criterion has its verdict (``CriterionResult.reason``; docs/errors.md lists them)."""

    NOT_TRACED = ""
    """Results evaluated with ``detail=False`` carry no reasons."""
    RULE_TRUE = "rule-true"
    RULE_FALSE = "rule-false"
    COMPARISON_FALSE = "comparison-false"
    GRADED_POINTS = "graded-points"
    GRADED_ZERO = "graded-zero"
    NOT_APPLICABLE = "not-applicable"
    APPLICABILITY_UNKNOWN = "applicability-unknown"
    MISSING_DATA = "missing-data"
    MISSING_DATA_AS_PASS = "missing-data-as-pass"
    MISSING_DATA_AS_FAIL = "missing-data-as-fail"
    NO_MEMBERS = "no-members"
    NO_KNOWN_MEMBERS = "no-known-members"
    TOO_FEW_MEMBERS = "too-few-members"
    DIVISION_BY_ZERO = "division-by-zero"
    OVERFLOW = "overflow"
    """A computation gave a number too large to hold (beyond ±1.8e308), or no number at all."""
    UNKNOWN_VALUE = "unknown-value"


def plain(value: object) -> object:
    """A value as JSON can hold it (dates as ISO text, tuples as lists)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which rules produced a result: set id, version, digest, and the as-of date used."""

    set_id: str
    version: str
    digest: str
    as_of: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {"id": self.set_id, "version": self.version, "digest": self.digest, "as_of": self.as_of}


class AggregateDetail(NamedTuple):
    """The numbers behind an aggregate over members: numerator, denominator, who was left out.

    A named tuple (cheap to build by the million, like :class:`CriterionResult`).
    """

    function: str
    collection: str
    total: int
    numerator: float
    denominator: float
    unknown: int
    value: float | None
    failing: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "function": self.function,
            "collection": self.collection,
            "total": self.total,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "unknown": self.unknown,
            "value": self.value,
            "failing": list(self.failing),
        }


_NO_VALUES: Mapping[str, object] = MappingProxyType({})


class CriterionResult(NamedTuple):
    """One criterion's outcome for one candidate (a named tuple: cheap to build by the million)."""

    id: str
    group: str
    verdict: Verdict
    points: float
    max_points: float
    mandatory: bool
    veto: bool
    reason: Reason = Reason.NOT_TRACED
    values: Mapping[str, object] = _NO_VALUES
    missing: tuple[str, ...] = ()
    aggregates: tuple[AggregateDetail, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        out: dict[str, object] = {
            "id": self.id,
            "group": self.group,
            "verdict": str(self.verdict),
            "points": self.points,
            "max_points": self.max_points,
            "mandatory": self.mandatory,
            "veto": self.veto,
            "reason": str(self.reason),
            "values": plain(dict(self.values)),
            "missing": list(self.missing),
        }
        if self.aggregates:
            out["aggregates"] = [a.to_dict() for a in self.aggregates]
        return out


@dataclass(frozen=True, slots=True)
class Gap:
    """What it takes to reach the next band: points needed and the criteria to pass first."""

    to: str
    points_needed: float | None
    must_pass: tuple[str, ...]
    suggest: tuple[str, ...]
    condition: bool = False
    """Whether the band also has a condition beyond points (e.g. years the title was held)."""

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "to": self.to,
            "points_needed": self.points_needed,
            "must_pass": list(self.must_pass),
            "suggest": list(self.suggest),
            "condition": self.condition,
        }


@dataclass(frozen=True, slots=True)
class FieldIssue:
    """A field that breaks the data dictionary (the record is then invalid)."""

    field: str
    code: str
    message: str
    column: str | None = None
    """The column of the data file the value was read from, when it came from one."""
    value: str | None = None
    """The cell's text as written, when the value could not be read."""
    fix: str | None = None
    """How to correct it, when that can be said."""
    text: Msg | None = None
    """The message as the catalogue of messages says it (``message`` is its English)."""
    hint: Msg | None = None
    """The fix as the catalogue says it (``fix`` is its English)."""

    @classmethod
    def of(
        cls,
        field: str,
        code: str,
        text: Msg,
        column: str | None = None,
        value: str | None = None,
        hint: Msg | None = None,
    ) -> FieldIssue:
        """An issue whose message (and fix) come from the catalogue of messages."""
        fix = str(hint) if hint is not None else None
        return cls(field, code, str(text), column, value, fix, text, hint)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (the English ``message`` when it has no catalogue text)."""
        return self.text(lang) if self.text is not None else self.message

    def fix_in(self, lang: str) -> str | None:
        """How to correct it, in ``lang``."""
        return self.hint(lang) if self.hint is not None else self.fix

    def to_dict(self) -> dict[str, str]:
        """Plain data with stable keys (``column``, ``value`` and ``fix`` only when known)."""
        out = {"field": self.field, "code": self.code, "message": self.message}
        for key in ("column", "value", "fix"):
            known = getattr(self, key)
            if known is not None:
                out[key] = known
        return out


LAZY_FIELDS = frozenset({"criteria", "missing", "gap", "errors", "measures"})
"""The fields a result built by the compiled plan may fill on first access."""
Filler = Callable[["Result", Any], None]
"""Sets every field of :data:`LAZY_FIELDS` of a result from the raw data the plan kept."""


class _Deferred:
    """Lets a result hold the compiled plan's raw data and fill some fields on first access."""

    __slots__ = ("_deferred",)

    def __getattr__(self, name: str) -> Any:
        # Reached only when normal lookup fails: for a result built lazily, a field not yet
        # filled. Anything else is a plain missing attribute.
        if name not in LAZY_FIELDS:
            raise AttributeError(name)
        try:
            fill, raw = object.__getattribute__(self, "_deferred")
        except AttributeError:
            raise AttributeError(name) from None
        fill(self, raw)
        return object.__getattribute__(self, name)


@dataclass(frozen=True, slots=True, eq=False)
class Result(_Deferred):
    """The evaluation of one candidate under one revision.

    A result from :meth:`Plan.evaluate` may be built lazily: it holds the compiled plan's raw
    data and fills ``criteria``, ``missing``, ``gap``, ``errors`` and ``measures`` the first time
    one is read; it is equal to (and serialises like) the same result built at once.
    """

    id: str
    status: Status
    score: int | float | None
    max_score: int | float | None
    rating: str | None
    criteria: tuple[CriterionResult, ...]
    provenance: Provenance
    missing: tuple[str, ...] = ()
    gap: Gap | None = None
    errors: tuple[FieldIssue, ...] = ()
    measures: dict[str, float | None] = field(default_factory=dict)
    plan: Any = field(default=None, compare=False, repr=False)
    """The compiled plan that produced the result (for explanations; not serialised)."""
    row: int | None = field(default=None, compare=False, repr=False)
    """The row of the data file the candidate was read from (None for a record given in code)."""
    group: str | None = field(default=None, compare=False, repr=False)
    """The value of the ``group_by`` column of that row, carried into summaries."""
    kept: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Columns of that row carried into outputs as they are (``--keep "Họ tên chủ hộ"``)."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return _compared(self) == _compared(other)

    __hash__ = None  # type: ignore[assignment]  # results hold dicts (measures, values)

    @property
    def percent(self) -> float | None:
        """The score as a percentage of the applicable maximum (None when nothing applies)."""
        if self.score is None or not self.max_score:
            return None
        return round(100.0 * self.score / self.max_score, 4)

    def criterion(self, criterion_id: str) -> CriterionResult:
        """The result of one criterion, by id (KeyError if the set has no such criterion)."""
        for item in self.criteria:
            if item.id == criterion_id:
                return item
        raise KeyError(criterion_id)

    @property
    def verdicts(self) -> dict[str, Verdict]:
        """Criterion id -> verdict."""
        return {c.id: c.verdict for c in self.criteria}

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys, ready for ``json.dumps``."""
        return {
            "id": self.id,
            "status": str(self.status),
            "rating": self.rating,
            "score": self.score,
            "max_score": self.max_score,
            "percent": self.percent,
            "criteria_set": self.provenance.to_dict(),
            "criteria": [c.to_dict() for c in self.criteria],
            "missing": list(self.missing),
            "gap": self.gap.to_dict() if self.gap else None,
            "errors": [e.to_dict() for e in self.errors],
            "measures": dict(self.measures),
        }

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        """Render in a rich console: the explanation in the set's first language, styled when
        the renderers are loaded (:mod:`criteria_engine.render`), else as plain text."""
        languages = self.plan.model.languages if self.plan is not None else ["vi"]
        styled = PRESENTATION.rich
        if styled is None:
            yield self.explain(languages[0])
        else:
            yield from styled(self, languages[0])

    def __str__(self) -> str:
        return self.explain()

    def explain(self, lang: str = "vi") -> str:
        """The explanation as plain text a village meeting can read, in ``lang``."""
        explainer = PRESENTATION.explain
        if explainer is None:  # only when this module is used without its package
            raise RuntimeError("no explanation writer is registered (import criteria_engine)")
        return explainer(self, lang)


def _compared(result: Result) -> tuple[object, ...]:
    """The fields equality compares (every field but the plan, the row and the group)."""
    return (
        result.id,
        result.status,
        result.score,
        result.max_score,
        result.rating,
        result.criteria,
        result.provenance,
        result.missing,
        result.gap,
        result.errors,
        result.measures,
    )


_new = object.__new__
_set = object.__setattr__


def deferred_result(
    candidate_id: str,
    status: Status,
    score: float | None,
    max_score: float | None,
    rating: str | None,
    provenance: Provenance,
    plan: Any,
    fill: Filler,
    raw: Any,
) -> Result:
    """A result whose :data:`LAZY_FIELDS` ``fill(result, raw)`` sets on first access (for the
    compiled plan: building a result then costs a few attribute stores)."""
    result: Result = _new(Result)
    _set(result, "id", candidate_id)
    _set(result, "status", status)
    _set(result, "score", score)
    _set(result, "max_score", max_score)
    _set(result, "rating", rating)
    _set(result, "provenance", provenance)
    _set(result, "plan", plan)
    _set(result, "row", None)
    _set(result, "group", None)
    _set(result, "_deferred", (fill, raw))
    return result


def fill_fields(result: Result, **values: object) -> None:
    """Set fields of a result still being built (the plan's fillers and row locations use it)."""
    for name, value in values.items():
        _set(result, name, value)


@dataclass
class Presentation:
    """How results are put into words and drawn, registered by the layers that do it.

    Results are plain data at the bottom of the package; the wording (:mod:`criteria_engine.explain`)
    and the rich renderers (:mod:`criteria_engine.render`) sit above and register themselves here
    when they are imported (the package imports the wording), so no import runs upward.
    """

    explain: Callable[[Result, str], str] | None = None
    rich: Callable[[Result, str], Iterable[Any]] | None = None


PRESENTATION = Presentation()
"""The registered writers (see :class:`Presentation`)."""


__all__ = [
    "LAZY_FIELDS",
    "PRESENTATION",
    "AggregateDetail",
    "CriterionResult",
    "FieldIssue",
    "Gap",
    "Presentation",
    "Provenance",
    "Reason",
    "Result",
    "Status",
    "Verdict",
    "deferred_result",
    "fill_fields",
    "plain",
]
