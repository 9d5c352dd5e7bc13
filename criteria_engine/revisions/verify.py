"""Checking stored results: is each one reproduced by the revision its digest names?

A stored result is a ``Result.to_dict()`` output (the whole result, as ``criteria evaluate
--detail full`` writes it) or the compact result of ``--detail verdicts``
(:func:`~criteria_engine.explain.texts.compact_dict`: verdicts and points by criterion id), whose
set is said once for the file (:func:`with_file_set` puts it back on each). Its
``criteria_set.digest`` names the exact rules that produced it; :func:`verify_results` finds that revision in the registry, evaluates
the candidate's record again (with the stored as-of date, and with detail when the stored
result has it) and compares every field. A result whose digest matches no known revision, or
whose candidate is not in the data, is reported as such; nothing is guessed. A candidate of
the data that has no stored result (a result deleted from the file) is reported too
(``missing-result``), when the caller says which candidates the data holds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from ..errors import RevisionError
from ..evaluators.plan import Plan, compile_plan
from ..explain.texts import compact_dict
from ..format.registry import Registry, Revision
from ..messages import Msg, msg
from ..results import Result

Outcome = Literal["verified", "differs", "unknown-revision", "no-record", "malformed", "missing-result"]
OUTCOMES: tuple[Outcome, ...] = (
    "verified",
    "differs",
    "unknown-revision",
    "no-record",
    "malformed",
    "missing-result",
)

RecordsFor = Callable[[Revision], Mapping[str, Mapping[str, object]]]
"""Given the revision a result names, the records by id (lets a caller convert per revision)."""

Recompute = Callable[[Revision, Mapping[str, object], dt.date | None, bool], Result | None]
"""Given the revision, the stored result, its as-of date and whether it carries detail: the
result recomputed from the data (None when the candidate is not in the data). Lets a caller
read the data exactly as the program that stored the results did."""

_ABSENT = object()


@dataclass(frozen=True)
class Difference:
    """One field of a stored result that the recomputation does not reproduce."""

    field: str
    stored: object
    recomputed: object

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {"field": self.field, "stored": self.stored, "recomputed": self.recomputed}


@dataclass(frozen=True)
class Verification:
    """The verdict on one stored result (``index`` is its 0-based position in the input); for a
    candidate of the data with no stored result (``missing-result``), ``index`` is -1."""

    index: int
    id: str
    outcome: Outcome
    ref: str = ""
    digest: str = ""
    differences: tuple[Difference, ...] = ()
    note: Msg | None = None
    """Why the result could not be checked, or what to know about it."""

    @property
    def ok(self) -> bool:
        """Whether the result was reproduced exactly."""
        return self.outcome == "verified"

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "index": self.index,
            "id": self.id,
            "outcome": self.outcome,
            "criteria_set": self.ref,
            "digest": self.digest,
            "differences": [d.to_dict() for d in self.differences],
            "note": str(self.note) if self.note is not None else "",
        }


@dataclass(frozen=True)
class VerifyReport:
    """Every stored result's verification, in input order."""

    items: tuple[Verification, ...]

    @property
    def ok(self) -> bool:
        """True when every result was reproduced (and there was at least one)."""
        return bool(self.items) and all(i.ok for i in self.items)

    def counts(self) -> dict[str, int]:
        """How many results of each outcome (every outcome listed, zeros included)."""
        return {o: sum(1 for i in self.items if i.outcome == o) for o in OUTCOMES}

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {"ok": self.ok, "counts": self.counts(), "results": [i.to_dict() for i in self.items]}


def compare_results(stored: Mapping[str, object], recomputed: Mapping[str, object]) -> list[Difference]:
    """The fields where ``stored`` differs from ``recomputed`` (keys only stored are ignored).

    Criteria are matched by id: ``criteria.K7.verdict``; a criterion on one side only is
    reported whole (``criteria.K7``).
    """
    out: list[Difference] = []
    for key, new in recomputed.items():
        old = stored.get(key, _ABSENT)
        if key == "criteria" and isinstance(old, list) and isinstance(new, list):
            out.extend(_compare_criteria(old, new))
        elif (
            isinstance(old, Mapping)
            and isinstance(new, Mapping)
            and key in ("criteria_set", "gap", "measures", "verdicts", "points")
        ):
            keys = list(dict.fromkeys([*new, *old]))
            out.extend(
                _difference(f"{key}.{k}", old.get(k, _ABSENT), new.get(k, _ABSENT))
                for k in keys
                if not _same(old.get(k, _ABSENT), new.get(k, _ABSENT))
            )
        elif not _same(old, new):
            out.append(_difference(key, old, new))
    return out


def _same(a: object, b: object) -> bool:
    if (
        isinstance(a, int | float)
        and isinstance(b, int | float)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    ):
        return a == b
    return type(a) is type(b) and a == b


def _difference(field: str, stored: object, recomputed: object) -> Difference:
    return Difference(
        field, None if stored is _ABSENT else stored, None if recomputed is _ABSENT else recomputed
    )


def _compare_criteria(stored: list[object], recomputed: list[object]) -> list[Difference]:
    old = {str(c.get("id")): c for c in stored if isinstance(c, Mapping)}
    new = {str(c.get("id")): c for c in recomputed if isinstance(c, Mapping)}
    out: list[Difference] = []
    for cid in dict.fromkeys([*new, *old]):
        x, y = old.get(cid), new.get(cid)
        if x is None or y is None:
            out.append(Difference(f"criteria.{cid}", x, y))
            continue
        for key in dict.fromkeys([*y, *x]):
            if key in ("id", "text"):  # the sentence is wording in the run's language, not the decision
                continue
            if not _same(x.get(key, _ABSENT), y.get(key, _ABSENT)):
                out.append(_difference(f"criteria.{cid}.{key}", x.get(key, _ABSENT), y.get(key, _ABSENT)))
    if not out and list(old) != list(new):
        out.append(Difference("criteria.order", list(old), list(new)))
    return out


def is_compact(stored: Mapping[str, object]) -> bool:
    """Whether a stored result has the compact shape of ``--detail verdicts``."""
    return "verdicts" in stored and "criteria" not in stored


def with_file_set(stored: list[object], criteria_set: object) -> list[object]:
    """Compact results (which leave the set to the file: its summary, or the JSON document's
    top) with ``criteria_set``, the file's, put back on each one that has none."""
    if not isinstance(criteria_set, Mapping):
        return stored
    return [
        {**item, "criteria_set": dict(criteria_set)}
        if isinstance(item, Mapping) and is_compact(item) and "criteria_set" not in item
        else item
        for item in stored
    ]


def _recomputed(result: Result, compact: bool) -> dict[str, object]:
    """The recomputed result in the stored one's shape (compact without its sentence, which is
    wording in the run's language, not the decision)."""
    if not compact:
        data = result.to_dict()
    else:
        data = compact_dict(result, "en", bool(result.measures))
        del data["text"]
        data["criteria_set"] = result.provenance.to_dict()
    loaded: dict[str, object] = json.loads(json.dumps(data, ensure_ascii=False))
    return loaded


def _detailed(stored: Mapping[str, object]) -> bool:
    """Whether the stored result was made with detail (reasons and values per criterion)."""
    items = stored.get("criteria")
    return isinstance(items, list) and any(
        isinstance(c, Mapping) and (c.get("reason") or c.get("values")) for c in items
    )


def _as_of(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class _Verifier:
    def __init__(
        self, registry: Registry, records: object, id_field: str, recompute: Recompute | None
    ) -> None:
        self.registry = registry
        self.records = records
        self.id_field = id_field
        self.recompute = recompute
        self.plans: dict[str, Plan] = {}
        self.tables: dict[str, Mapping[str, Mapping[str, object]]] = {}

    def table(self, revision: Revision) -> Mapping[str, Mapping[str, object]]:
        found = self.tables.get(revision.digest)
        if found is not None:
            return found
        source = self.records
        if source is None:
            found = {}
        elif callable(source):
            found = source(revision)
        elif isinstance(source, Mapping):
            found = source
        else:
            found = {str(r.get(self.id_field)): r for r in source}  # type: ignore[attr-defined]
            self.records = found  # an iterable is read once
        self.tables[revision.digest] = found
        return found

    def plan(self, revision: Revision) -> Plan:
        found = self.plans.get(revision.digest)
        if found is None:
            found = self.plans[revision.digest] = compile_plan(revision, self.registry.resolver())
        return found

    def check(self, index: int, stored: object) -> Verification:
        if not isinstance(stored, Mapping):
            return Verification(index, "", "malformed", note=msg("verify.not-a-result"))
        cid = str(stored.get("id", ""))
        meta = stored.get("criteria_set")
        if not isinstance(meta, Mapping) or not isinstance(meta.get("digest"), str):
            return Verification(index, cid, "malformed", note=msg("verify.no-digest"))
        digest = str(meta["digest"])
        ref = f"{meta.get('id')}@{meta.get('version')}"
        revision = self.registry.by_digest(digest)
        if revision is None:
            return Verification(index, cid, "unknown-revision", ref, digest, note=self._unknown(meta, digest))
        result = self.result(revision, stored, cid, _as_of(meta.get("as_of")), _detailed(stored))
        if result is None:
            return Verification(index, cid, "no-record", revision.ref, digest, note=msg("verify.no-record"))
        differences = tuple(compare_results(stored, _recomputed(result, is_compact(stored))))
        note = self._window_note(revision, meta.get("as_of"))
        return Verification(
            index, cid, "differs" if differences else "verified", revision.ref, digest, differences, note
        )

    def result(
        self, revision: Revision, stored: Mapping[str, object], cid: str, as_of: dt.date | None, detail: bool
    ) -> Result | None:
        if self.recompute is not None:
            return self.recompute(revision, stored, as_of, detail)
        record = self.table(revision).get(cid)
        if record is None:
            return None
        return self.plan(revision).evaluate(record, as_of=as_of, detail=detail, id_field=self.id_field)

    def _unknown(self, meta: Mapping[str, object], digest: str) -> Msg:
        try:
            named = self.registry.get(f"{meta.get('id')}@{meta.get('version')}")
        except RevisionError:  # an unknown set or version: the digest alone is reported
            return msg("verify.unknown-digest")
        return msg("verify.altered", ref=named.ref, digest=named.digest)

    @staticmethod
    def _window_note(revision: Revision, as_of: object) -> Msg | None:
        day = _as_of(as_of)
        if day is None or revision.in_force(day):
            return None
        return msg("verify.not-in-force", ref=revision.ref, day=day)


def verify_results(
    stored: Iterable[object],
    records: Mapping[str, Mapping[str, object]] | Iterable[Mapping[str, object]] | RecordsFor | None,
    registry: Registry,
    *,
    id_field: str = "id",
    recompute: Recompute | None = None,
    data_ids: Iterable[str] | Callable[[], Iterable[str]] | None = None,
) -> VerifyReport:
    """Re-evaluate each stored result with the revision its digest names and compare.

    ``records`` are the candidates' typed records: by id, as an iterable (each with
    ``id_field``), or a function giving them by id for a revision. With ``recompute``, that
    function gives each recomputed result instead (``records`` is then not read).
    ``data_ids`` are the ids of every candidate in the data (or a function giving them once
    the stored results are checked): each one without a stored result is reported as
    ``missing-result``, after the stored results, in the data's order.
    """
    verifier = _Verifier(registry, records, id_field, recompute)
    items = [verifier.check(i, item) for i, item in enumerate(stored)]
    if data_ids is not None:
        known = data_ids() if callable(data_ids) else data_ids
        stored_ids = {i.id for i in items}
        note = msg("verify.missing-result")
        items += [
            Verification(-1, cid, "missing-result", note=note)
            for cid in dict.fromkeys(known)
            if cid not in stored_ids
        ]
    return VerifyReport(tuple(items))


__all__ = [
    "OUTCOMES",
    "Difference",
    "Recompute",
    "RecordsFor",
    "Verification",
    "VerifyReport",
    "compare_results",
    "is_compact",
    "verify_results",
    "with_file_set",
]
