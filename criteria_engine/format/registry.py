"""Revisions of criteria sets: which one applies on a date, and whether they fit together.

Selecting a revision is a pure function of the revisions and a version or a date: an explicit
``id@version`` wins; otherwise the active revision in force on the as-of date (inclusive
start, exclusive end). A draft is chosen only by explicit version. History is never edited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import Diagnostic, RevisionError, did_you_mean, error, warning
from ..messages import Msg, Period, listing, msg
from .digest import content_digest, digest
from .loader import SourceMap
from .models import CriteriaSet


@dataclass(frozen=True)
class Revision:
    """One revision of a set, validated, with its digest and the file it came from."""

    model: CriteriaSet
    digest: str
    file: str = ""
    source: SourceMap | None = field(default=None, compare=False, repr=False)
    """Where each part of the model is in the file (lines for generated code and messages)."""

    @classmethod
    def of(cls, model: CriteriaSet, file: str = "", source: SourceMap | None = None) -> Revision:
        """Wrap a validated model, computing its digest."""
        return cls(model=model, digest=digest(model), file=file, source=source)

    @property
    def id(self) -> str:
        """The set's id."""
        return self.model.id

    @property
    def version(self) -> str:
        """The revision's version."""
        return self.model.version

    @property
    def ref(self) -> str:
        """``id@version``."""
        return self.model.ref

    def in_force(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the window [effective_from, effective_to)."""
        m = self.model
        return m.effective_from <= day and (m.effective_to is None or day < m.effective_to)


def parse_ref(ref: str) -> tuple[str, str | None]:
    """``happy-family@2026.1`` -> (``happy-family``, ``2026.1``); no ``@`` -> version None."""
    set_id, sep, version = ref.partition("@")
    return set_id.strip(), (version.strip() or None) if sep else None


def _window(rev: Revision) -> Msg:
    m = rev.model
    return msg("revision.window", ref=rev.ref, period=Period(m.effective_from, m.effective_to))


class Registry:
    """Every known revision, by set; selection by version or date."""

    def __init__(self, revisions: Iterable[Revision]) -> None:
        by_set: dict[str, list[Revision]] = {}
        for rev in revisions:
            by_set.setdefault(rev.id, []).append(rev)
        self._by_set = {
            k: sorted(v, key=lambda r: (r.model.effective_from, r.version)) for k, v in sorted(by_set.items())
        }

    def sets(self) -> list[str]:
        """The ids of every set, sorted."""
        return list(self._by_set)

    def revisions(self, set_id: str | None = None) -> list[Revision]:
        """The revisions of one set (or of all), oldest first."""
        if set_id is None:
            return [r for revs in self._by_set.values() for r in revs]
        return list(self._by_set.get(set_id, []))

    def resolver(self) -> Callable[[str], CriteriaSet | None]:
        """Finds a set's model by id (its latest revision): types members' results in roll-ups."""

        def resolve(set_id: str) -> CriteriaSet | None:
            revisions = self._by_set.get(set_id)
            return revisions[-1].model if revisions else None

        return resolve

    def by_digest(self, value: str) -> Revision | None:
        """The revision with this digest, if any is known."""
        return next((r for r in self.revisions() if r.digest == value), None)

    def get(self, ref: str, as_of: dt.date | None = None) -> Revision:
        """The revision named by ``id@version``, or the one of ``id`` in force on ``as_of``.

        ``as_of`` defaults to today. Raises :class:`RevisionError` with a clear diagnostic.
        """
        set_id, version = parse_ref(ref)
        revs = self._by_set.get(set_id)
        if not revs:
            raise RevisionError(
                [
                    error(
                        "unknown-set",
                        msg("unknown-set", set=set_id),
                        hint=did_you_mean(set_id, self._by_set),
                    )
                ]
            )
        if version is not None:
            for rev in revs:
                if rev.version == version:
                    return rev
            versions = [r.version for r in revs]
            raise RevisionError(
                [
                    error(
                        "unknown-version",
                        msg("unknown-version", set=set_id, version=version, versions=listing(versions)),
                        hint=did_you_mean(version, versions),
                    )
                ]
            )
        day = as_of or dt.date.today()
        candidates = [r for r in revs if r.model.status != "draft" and r.in_force(day)]
        active = [r for r in candidates if r.model.status == "active"]
        chosen = active or candidates
        if chosen:
            return chosen[-1]
        return self._none_in_force(set_id, revs, day)

    def _none_in_force(self, set_id: str, revs: Sequence[Revision], day: dt.date) -> Revision:
        usable = [r for r in revs if r.model.status != "draft"]
        before = [r for r in usable if r.model.effective_from <= day]
        after = [r for r in usable if r.model.effective_from > day]
        near = [x for x in (before[-1] if before else None, after[0] if after else None) if x is not None]
        if not near:
            drafts = listing(r.ref for r in revs)
            text = msg("no-revision-in-force.drafts", set=set_id, day=day, drafts=drafts)
            hint = msg("no-revision-in-force.drafts-hint", ref=revs[-1].ref)
            raise RevisionError([error("no-revision-in-force", text, hint=hint)])
        nearest = msg("list.semicolons", items=listing(_window(r) for r in near))
        text = msg("no-revision-in-force", set=set_id, day=day, nearest=nearest)
        hint = msg("no-revision-in-force.hint", ref=near[0].ref)
        raise RevisionError([error("no-revision-in-force", text, hint=hint)])

    def check(self, today: dt.date | None = None) -> list[Diagnostic]:
        """Revision hygiene: overlaps and duplicates (errors); gaps, stale and empty revisions (warnings)."""
        out: list[Diagnostic] = []
        day = today or dt.date.today()
        for set_id, revs in self._by_set.items():
            out.extend(_check_set(set_id, revs, day))
        return out


def _located(diag: Diagnostic, rev: Revision, key: str) -> Diagnostic:
    return dataclasses.replace(diag, file=rev.file, line=0, column=0, path=(key,))


def _check_set(set_id: str, revs: Sequence[Revision], day: dt.date) -> Iterator[Diagnostic]:
    seen: dict[str, Revision] = {}
    for rev in revs:
        if rev.version in seen:
            yield _located(
                error("duplicate-revision", msg("duplicate-revision", ref=rev.ref)), rev, "version"
            )
        seen[rev.version] = rev
    yield from _overlaps([r for r in revs if r.model.status == "active"])
    yield from _gaps(set_id, [r for r in revs if r.model.status != "draft"])
    non_draft = [r for r in revs if r.model.status != "draft"]
    for rev in non_draft:
        if rev.model.status == "retired" and rev.in_force(day):
            yield _located(
                warning("retired-in-force", msg("retired-in-force", ref=rev.ref, day=day)),
                rev,
                "status",
            )
    first = non_draft[0] if non_draft else revs[0]
    for rev in revs:
        if rev is not first and rev.model.changes is None:
            yield _located(
                error("changes-missing", msg("changes-missing", ref=rev.ref)),
                rev,
                "version",
            )
    for prev, rev in itertools.pairwise(non_draft):
        if content_digest(rev.model) == content_digest(prev.model):
            yield _located(
                warning("revision-unchanged", msg("revision-unchanged", ref=rev.ref, previous=prev.ref)),
                rev,
                "version",
            )


def _overlaps(active: Sequence[Revision]) -> Iterator[Diagnostic]:
    """Active windows must not overlap: each is compared with the one reaching furthest before it."""
    furthest: Revision | None = None
    for rev in active:
        if furthest is not None:
            end = furthest.model.effective_to
            if end is None or end > rev.model.effective_from:
                yield _located(
                    error(
                        "revision-overlap",
                        msg("revision-overlap", window=_window(rev), other=_window(furthest)),
                        hint=msg("revision-overlap.hint", ref=furthest.ref, day=rev.model.effective_from),
                    ),
                    rev,
                    "effective_from",
                )
        if furthest is None or _reaches_further(rev, furthest):
            furthest = rev


def _reaches_further(rev: Revision, other: Revision) -> bool:
    mine, theirs = rev.model.effective_to, other.model.effective_to
    return theirs is not None and (mine is None or mine > theirs)


def _gaps(set_id: str, usable: Sequence[Revision]) -> Iterator[Diagnostic]:
    """Days no revision covers, between the first revision and the last (warnings)."""
    reach: dt.date | None = None
    for index, rev in enumerate(usable):
        if index > 0 and reach is not None and reach < rev.model.effective_from:
            yield _located(
                warning(
                    "revision-gap",
                    msg("revision-gap", set=set_id, period=Period(reach, rev.model.effective_from)),
                    hint=msg("revision-gap.hint"),
                ),
                rev,
                "effective_from",
            )
        end = rev.model.effective_to
        if index == 0 or (reach is not None and (end is None or end > reach)):
            reach = end


__all__ = ["Registry", "Revision", "parse_ref"]
