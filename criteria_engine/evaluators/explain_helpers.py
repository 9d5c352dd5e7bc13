"""Small functions the generated explanation code calls in its rare branches (an unknown
verdict): which inputs or member fields are missing, and what the member lists say.

They decide the same as the reference (:mod:`.details`), written apart so the differential
tests compare two implementations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..results import AggregateDetail, Reason


def missing(pairs: Iterable[tuple[str, object]]) -> tuple[str, ...]:
    """The names whose value is missing, in the order given."""
    return tuple(name for name, value in pairs if value is None)


def fields_missing(fields: Iterable[tuple[str, object, str]]) -> tuple[str, ...]:
    """``persons.drug_user``-style fields: those some member of the list leaves empty."""
    out: list[str] = []
    for dotted, members, field in fields:
        if isinstance(members, list) and any(
            isinstance(m, Mapping) and m.get(field) is None for m in members
        ):
            out.append(dotted)
    return tuple(out)


def _minimum(members: object) -> int:
    value = getattr(members, "min_known", 0)
    return value if isinstance(value, int) else 0


def members_reason(lists: Sequence[object], aggregates: Sequence[AggregateDetail]) -> Reason | None:
    """Why an unknown verdict is unknown, from the collections' member lists it reads (when no
    aggregate counted a member): none at all, none known, or fewer known than required."""
    if any(a.total for a in aggregates):
        return None
    for members in lists:
        if not (isinstance(members, list) and hasattr(members, "min_known")):
            continue
        if not members:
            return Reason.NO_MEMBERS
        known = getattr(members, "known", len(members))
        if known == 0:
            return Reason.NO_KNOWN_MEMBERS
        if known < _minimum(members):
            return Reason.TOO_FEW_MEMBERS
    return None


def aggregates_reason(aggregates: Sequence[AggregateDetail], lists: Sequence[object]) -> Reason | None:
    """Why an unknown verdict is unknown, from its aggregates' counts (``lists``: each
    aggregate's member list when the rule names it, for its ``min_known``)."""
    pairs = list(zip(aggregates, lists, strict=True))
    if any(0 < a.total - a.unknown < _minimum(members) for a, members in pairs):
        return Reason.TOO_FEW_MEMBERS
    if any(a.denominator == 0 and a.total > 0 for a in aggregates):
        return Reason.NO_KNOWN_MEMBERS
    if any(a.total == 0 for a in aggregates):
        return Reason.NO_MEMBERS
    return None


NAMESPACE: dict[str, object] = {
    "_missing": missing,
    "_fields_missing": fields_missing,
    "_members_reason": members_reason,
    "_aggregates_reason": aggregates_reason,
}
"""The helpers, under the names the generated code calls them by."""


__all__ = ["NAMESPACE", "aggregates_reason", "fields_missing", "members_reason", "missing"]
