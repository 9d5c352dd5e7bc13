"""Meaning checks of the ``procedure:`` section against the rest of its set.

The models check the section's shape; this module checks what a shaped section can still get
wrong: a level naming a rating the set does not have, an input computed from the register
that the set does not declare (or of the wrong type), a name that is private or unknown, a
quorum counted against those present. Every check yields located diagnostics; none raises.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Diagnostic, DocPath, did_you_mean, error
from ..messages import msg
from .models import CriteriaSet, InputSpec

_BASE: DocPath = ("procedure",)


def _check_levels(cs: CriteriaSet) -> Iterator[Diagnostic]:
    assert cs.procedure is not None
    ratings = {r.id: r for r in cs.decision.ratings}
    seen: set[str] = set()
    for index, level in enumerate(cs.procedure.levels):
        path = (*_BASE, "levels", index)
        if level.id in seen:
            yield error("duplicate-id", msg("duplicate-id.level", id=level.id), (*path, "id"))
        seen.add(level.id)
        if level.rating is None:
            continue
        rating = ratings.get(level.rating)
        if rating is None:
            yield error(
                "procedure-unknown-rating",
                msg("procedure-unknown-rating", id=level.id, rating=level.rating),
                (*path, "rating"),
                did_you_mean(level.rating, ratings),
            )
        elif not rating.requires_pass:
            yield error(
                "procedure-level-rating",
                msg("procedure-level-rating", id=level.id, rating=level.rating),
                (*path, "rating"),
            )
        if len(set(level.rank_by)) != len(level.rank_by):
            yield error("procedure-rank-repeat", msg("procedure-rank-repeat"), (*path, "rank_by"))


def _check_from_register(cs: CriteriaSet) -> Iterator[Diagnostic]:
    assert cs.procedure is not None
    for name in cs.procedure.from_register:
        path = (*_BASE, "from_register", name)
        spec = cs.inputs.get(name)
        if spec is None:
            yield error(
                "procedure-unknown-input",
                msg("procedure-unknown-input", name=name),
                path,
                did_you_mean(name, cs.inputs),
            )
        elif spec.type != "integer":
            yield error(
                "procedure-input-type",
                msg("procedure-input-type", name=name, type=spec.type),
                path,
            )


def _name_spec(cs: CriteriaSet, ref: str) -> tuple[InputSpec | None, str | None]:
    """The input a name reference reads, and the name that failed to resolve (if any)."""
    head, _, field = ref.partition(".")
    spec = cs.inputs.get(head)
    if spec is None:
        return None, head
    if not field:
        return spec, None
    if spec.type != "list" or not spec.items or field not in spec.items:
        return None, ref
    return spec.items[field], None


def _check_name(cs: CriteriaSet) -> Iterator[Diagnostic]:
    assert cs.procedure is not None
    ref = cs.procedure.name
    if ref is None:
        return
    path = (*_BASE, "name")
    spec, unknown = _name_spec(cs, ref)
    head = cs.inputs.get(ref.partition(".")[0])
    if spec is None:
        candidates = (
            list(cs.inputs) if head is None else [f"{ref.partition('.')[0]}.{f}" for f in head.items or {}]
        )
        yield error(
            "procedure-unknown-input",
            msg("procedure-unknown-input.name", name=str(unknown)),
            path,
            did_you_mean(str(unknown), candidates),
        )
        return
    if spec.type != "string":
        yield error("procedure-input-type", msg("procedure-input-type.name", name=ref, type=spec.type), path)
    if spec.private or (head is not None and head.private):
        yield error(
            "procedure-private-name",
            msg("procedure-private-name", name=ref),
            path,
        )


def _check_shares(cs: CriteriaSet) -> Iterator[Diagnostic]:
    assert cs.procedure is not None
    if cs.procedure.quorum.of != "invited":
        yield error(
            "procedure-quorum-of",
            msg("procedure-quorum-of"),
            (*_BASE, "quorum", "of"),
        )


def check_procedure(cs: CriteriaSet) -> list[Diagnostic]:
    """Every meaning problem of the set's procedure section ([] when it has none)."""
    if cs.procedure is None:
        return []
    out: list[Diagnostic] = []
    for check in (_check_levels, _check_from_register, _check_name, _check_shares):
        out.extend(check(cs))
    return out


__all__ = ["check_procedure"]
