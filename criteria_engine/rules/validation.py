"""Validating a whole criteria-set document: structure, meaning and expressions, all problems at once.

The file format checks its own two layers (:mod:`criteria_engine.format`); checking the
expressions needs the expression language, so whole-document validation sits here, above both.

Takes a loaded document (plain data and its source map) and returns the model, or every
problem located at its file, line and column, ranked with the most useful first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Diagnostic, Severity, error, rank_diagnostics
from ..format.loader import LoadedDocument, SourceMap
from ..format.models import CriteriaSet
from ..format.semantics import check_meaning
from ..format.structure import check_structure
from ..messages import msg
from .scope import MemberSetResolver
from .set_checks import expression_diagnostics


@dataclass(frozen=True)
class Checked:
    """The outcome of validating one document: the model (None if unusable) and its problems."""

    file: str
    model: CriteriaSet | None
    diagnostics: tuple[Diagnostic, ...]
    source: SourceMap | None = None
    """Where each part of the document is in the file."""

    @property
    def ok(self) -> bool:
        """True when the document has no errors (warnings allowed)."""
        return self.model is not None and not any(d.severity == Severity.ERROR for d in self.diagnostics)


# Problems with a key itself point at the key; every other problem with a scalar points at
# the value ("status: actve" is wrong in its value, so the column is the value's).
_KEY_CODES = frozenset({"unknown-key", "missing-key", "duplicate-key", "duplicate-name"})


def place(doc: LoadedDocument, diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic located in the document: at the value for a scalar, else at the key."""
    source = doc.source
    if diagnostic.code not in _KEY_CODES and source.scalar(diagnostic.path) is not None:
        return diagnostic.located(source.file, *source.value_position(diagnostic.path))
    return source.locate(diagnostic)


def member_set_problems(cs: CriteriaSet, resolve: MemberSetResolver | None) -> list[Diagnostic]:
    """Collections naming a set that does not exist (``unknown-set``); nothing to say without
    a resolver (a model checked alone)."""
    if resolve is None:
        return []
    out: list[Diagnostic] = []
    for name, collection in cs.collections.items():
        wanted = collection.criteria_set
        if wanted is not None and resolve(wanted) is None:
            text = msg("unknown-set.collection", name=name, set=wanted)
            out.append(error("unknown-set", text, ("collections", name, "criteria_set")))
    return out


def validate_document(doc: LoadedDocument, resolve: MemberSetResolver | None = None) -> Checked:
    """Check a loaded document in two layers (then its expressions), locating every problem."""
    model, problems = check_structure(doc.data)
    located = [place(doc, d) for d in problems]
    if model is not None:
        located.extend(place(doc, d) for d in check_meaning(model))
        located.extend(place(doc, d) for d in member_set_problems(model, resolve))
        # Expressions are checked even when other meaning checks failed: all problems at once.
        located.extend(expression_diagnostics(model, doc.source, resolve))
    ranked = tuple(rank_diagnostics(located))
    usable = model if not any(d.severity == Severity.ERROR for d in ranked) else None
    return Checked(doc.file, usable, ranked, doc.source)


__all__ = ["Checked", "member_set_problems", "validate_document"]
