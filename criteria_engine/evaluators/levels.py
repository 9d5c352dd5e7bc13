"""The levels of a dataset evaluation and their order: which table is evaluated with which set.

Each set whose subject has a table is a **level** (``household`` with ``happy-family``,
``village`` with ``happy-village``...). A set's collections join levels: the collection
``households`` of ``happy-village`` makes the ``happy-family`` level feed the ``happy-village``
level through ``village_id``. A collection without a set (survey ``respondents``) is a level of
raw member rows, converted by the collection's declared ``fields``. Levels are ordered so that
members come before the candidates that read them; a collection that would make a set contain
itself is a ``dataset-cycle`` and is left out (its readers then see it as unknown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import CriteriaError, Diagnostic, Severity, diagnostic
from ..format.models import Collection, CriteriaSet, InputSpec
from ..format.registry import Registry, Revision, parse_ref
from ..messages import Msg, listing, msg
from .members import MemberGroups
from .plan import Plan, compile_plan
from .tables import Tables, input_named


@dataclass(eq=False)
class Level:
    """One table evaluated with one set (``plan``), or raw member rows (``plan`` None)."""

    key: str
    """The set's id; for raw members ``<reading set>.<collection>``."""
    subject: str
    plan: Plan | None
    inputs: Mapping[str, InputSpec]
    table: str | None = None
    reads: list[Edge] = field(default_factory=list)
    """The collections this level's set reads (their members are evaluated first)."""
    feeds: list[Edge] = field(default_factory=list)
    """The collections this level's rows are members of."""
    fed_by: list[tuple[Level, str, str, bool]] = field(default_factory=list)
    """(level, measure, input, pooled): a measure of another set fills an input left empty; of
    the same row (same table), or of the set's pooled result (the row above its rows)."""
    kept_measures: set[str] = field(default_factory=set)
    """This level's measures that later levels of the same table read (kept per row)."""

    @property
    def model(self) -> CriteriaSet | None:
        """The set's model (None for raw members)."""
        return self.plan.model if self.plan is not None else None


@dataclass(eq=False)
class Edge:
    """A collection: the ``child`` level's rows are members of the ``parent`` level's rows."""

    parent: Level
    child: Level
    name: str
    spec: Collection
    groups: MemberGroups | None = None
    parent_ids: set[str] = field(default_factory=set)


def _error(code: str, text: Msg, severity: Severity = Severity.ERROR, file: str = "") -> Diagnostic:
    return diagnostic(code, text, file, severity=severity)


class LevelPlanner:
    """Builds the levels for a dataset and a registry (see :func:`plan_levels`)."""

    def __init__(
        self, tables: Tables, registry: Registry, as_of: dt.date | None, plan_for: Mapping[str, str]
    ) -> None:
        self.dataset = tables
        self.registry = registry
        self.as_of = as_of
        self.plan_for = dict(plan_for)
        self.diagnostics: list[Diagnostic] = []
        self.levels: dict[str, Level] = {}
        self.order: list[Level] = []
        self._plans: dict[str, Plan] = {}
        self._resolve: Callable[[str], CriteriaSet | None] = registry.resolver()

    def revision(self, set_id: str, subject: str | None = None) -> Revision | None:
        """The revision of ``set_id`` to use: ``plan_for``'s for its subject, else in force."""
        ref = set_id
        wanted = self.plan_for.get(subject) if subject else None
        if wanted is not None and parse_ref(wanted)[0] == set_id:
            ref = wanted
        try:
            return self.registry.get(ref, self.as_of)
        except CriteriaError as exc:
            self.diagnostics.extend(exc.diagnostics)
            return None

    def roots(self, top: Sequence[str] | None) -> list[Revision]:
        """The sets to evaluate: ``top``, else every set in force whose subject has a table."""
        if top:
            found = [self._explicit(ref) for ref in top]
            return [r for r in found if r is not None]
        chosen: list[Revision] = []
        wanted_ids = {parse_ref(ref)[0] for ref in self.plan_for.values()}
        for set_id in self.registry.sets():
            candidates = self.registry.revisions(set_id)
            subject = candidates[-1].model.subject if candidates else ""
            if self.dataset.resolve(subject) is None:
                continue
            if subject in self.plan_for and set_id not in wanted_ids:
                continue  # plan_for names the one set for this subject
            try:
                chosen.append(self.registry.get(self.plan_for.get(subject, set_id), self.as_of))
            except CriteriaError:
                continue  # not in force on the date: not evaluated
        return chosen

    def _explicit(self, ref: str) -> Revision | None:
        try:
            return self.registry.get(ref, self.as_of)
        except CriteriaError as exc:
            self.diagnostics.extend(exc.diagnostics)
            return None

    def add(self, revision: Revision, explicit: bool = False) -> Level | None:
        """The level of ``revision`` with everything it reads (members first in ``order``)."""
        return self._visit(revision, [], explicit)

    def _plan(self, revision: Revision) -> Plan:
        found = self._plans.get(revision.digest)
        if found is None:
            found = self._plans[revision.digest] = compile_plan(revision, self._resolve)
        return found

    def _visit(self, revision: Revision, stack: list[str], explicit: bool) -> Level | None:
        model = revision.model
        if model.id in self.levels:
            return self.levels[model.id]
        table = self.dataset.resolve(model.subject)
        if table is None:
            if explicit:
                tables = listing(self.dataset.tables())
                text = msg("dataset-missing-table.set", table=model.subject, ref=revision.ref, tables=tables)
                self.diagnostics.append(_error("dataset-missing-table", text, file=self.dataset.where))
            return None
        level = Level(model.id, model.subject, self._plan(revision), model.inputs, table)
        self.levels[model.id] = level
        for name, spec in model.collections.items():
            child = self._member_level(level, name, spec, [*stack, model.id])
            if child is None:
                continue
            edge = Edge(level, child, name, spec)
            level.reads.append(edge)
            child.feeds.append(edge)
        self.order.append(level)
        return level

    def _member_level(self, parent: Level, name: str, spec: Collection, stack: list[str]) -> Level | None:
        where = msg("dataset-collection", name=name, level=parent.key)
        if spec.criteria_set is None:
            table = self.dataset.resolve(spec.subject)
            if table is None:
                self._missing(where, spec)
                return None
            level = Level(f"{parent.key}.{name}", spec.subject, None, spec.fields, table)
            self.levels[level.key] = level
            self.order.append(level)
            return level
        if spec.criteria_set in stack:
            cycle = " → ".join([*stack[stack.index(spec.criteria_set) :], spec.criteria_set])
            self.diagnostics.append(_error("dataset-cycle", msg("dataset-cycle", where=where, cycle=cycle)))
            return None
        revision = self.revision(spec.criteria_set, spec.subject)
        if revision is None:
            return None
        if revision.model.subject != spec.subject:
            text = msg(
                "dataset-subject-mismatch",
                where=where,
                subject=spec.subject,
                ref=revision.ref,
                evaluates=revision.model.subject,
            )
            self.diagnostics.append(_error("dataset-subject-mismatch", text, Severity.WARNING))
        if self.dataset.resolve(revision.model.subject) is None:
            self._missing(where, spec)
            return None
        return self._visit(revision, stack, False)

    def _missing(self, where: Msg, spec: Collection) -> None:
        tables = listing(self.dataset.tables())
        text = msg("dataset-missing-table.collection", table=spec.subject, where=where, tables=tables)
        self.diagnostics.append(_error("dataset-missing-table", text, Severity.WARNING, self.dataset.where))


def _link_measures(levels: list[Level]) -> list[Diagnostic]:
    """Measures feeding inputs of other sets (by name or alias): of the same table, e.g.
    laocai-happiness-index's ``hi`` fills happy-commune's ``happiness_index`` (alias ``hi``); and
    a pooled set's measures fill the row above (laocai-happiness-index's ``ls``, ``le``,
    ``env`` over every respondent fill laocai-happiness-index-province's inputs)."""
    out: list[Diagnostic] = []
    for reader in levels:
        if reader.model is None:
            continue
        for source in levels:
            if source is reader or source.model is None:
                continue
            pooled = source.table != reader.table
            if pooled and not (reader.table in owner_tables(source, levels) and poolable(source)):
                continue
            for measure in source.model.measures:
                name = input_named(reader.inputs, measure)
                if name is None:
                    continue
                if any(s is reader for s, *_ in source.fed_by):
                    text = msg(
                        "dataset-cycle.measures", source=source.key, reader=reader.key, measure=measure
                    )
                    out.append(diagnostic("dataset-cycle", text, severity=Severity.WARNING))
                    continue
                reader.fed_by.append((source, measure, name, pooled))
                source.kept_measures.add(measure)
    return out


def poolable(level: Level) -> bool:
    """Whether a level's set reads only raw members (a survey): it can be evaluated over all of them."""
    return level.model is not None and bool(level.reads) and all(e.child.plan is None for e in level.reads)


def owner_tables(level: Level, levels: list[Level]) -> set[str]:
    """The tables whose rows own ``level``'s rows (the province table for communes)."""
    return {
        e.parent.table
        for other in levels
        for e in other.reads
        if e.child.subject == level.subject and e.parent.table is not None and e.parent.table != level.table
    }


def _ordered(levels: list[Level]) -> list[Level]:
    """Members before their readers, measure sources before the sets they feed (stable)."""
    done: list[Level] = []
    seen: set[int] = set()

    def visit(level: Level) -> None:
        if id(level) in seen:
            return
        seen.add(id(level))
        for edge in level.reads:
            visit(edge.child)
        for source, *_ in level.fed_by:
            visit(source)
        done.append(level)

    for level in levels:
        visit(level)
    return done


def plan_levels(
    dataset: Tables,
    registry: Registry,
    *,
    as_of: dt.date | None = None,
    plan_for: Mapping[str, str] | None = None,
    top: Sequence[str] | None = None,
) -> tuple[list[Level], list[Diagnostic]]:
    """The levels to evaluate, members before the candidates reading them, and the problems."""
    planner = LevelPlanner(dataset, registry, as_of, plan_for or {})
    for revision in planner.roots(top):
        planner.add(revision, explicit=bool(top))
    planner.diagnostics.extend(_link_measures(planner.order))
    return _ordered(planner.order), planner.diagnostics


__all__ = ["Edge", "Level", "LevelPlanner", "owner_tables", "plan_levels", "poolable"]
