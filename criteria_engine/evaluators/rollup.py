"""Evaluating a dataset bottom-up: households, then villages, communes, the province.

:func:`evaluate_dataset` takes a dataset (tables by subject) and a registry. Each set whose
subject has a table is a level (:mod:`.levels`); members are evaluated before the candidates
whose collections read them. Each table is streamed once, in file order: a row is converted
by the set's inputs, given its child rows (a household its ``persons`` from the ``person``
table, by ``household_id``) and its members (a village its households, by ``village_id``),
and evaluated. Every row of a table evaluated with a set gives a :class:`Result`, invalid rows
included, in input order. A member is then kept only as the small projection its parent's
rules read (:mod:`.members`), so memory grows with the parents, not with the members.

Problems are diagnostics, never silent: a member linking to no parent
(``dataset-dangling-link``), an id used twice (``dataset-duplicate-id``), a collection that
makes a cycle of sets (``dataset-cycle``), a table a collection needs (``dataset-missing-table``),
child rows no parent takes (``dataset-orphan-children``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from ..errors import Diagnostic, Severity, diagnostic
from ..format.registry import Registry
from ..messages import Arg, listing, msg
from ..results import FieldIssue, Provenance, Result, Status
from .levels import Level, owner_tables, plan_levels, poolable
from .members import MemberGroups, Members, Projector, fields_read
from .plan import Plan
from .records import RecordChecker, id_text
from .rollup_lines import RollupReader
from .rollup_results import LevelResult, PooledResult
from .streams import ChildStream, IdHashes, rescan_duplicates
from .tables import TableFields, Tables

ResultSink = Callable[[str, Result], object]
Selector = bool | Collection[str]


def _chosen(selector: Selector, level: Level) -> bool:
    if isinstance(selector, bool):
        return selector
    return level.key in selector or level.subject in selector


class _Problems:
    """Row problems counted per (file, code), reported once with the first example."""

    SEEN = 10_000  # problems remembered to skip the same one found by two sets of one table

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], tuple[int, Diagnostic]] = {}
        self.seen: set[Diagnostic] = set()

    def add(self, file: str, diagnostic: Diagnostic) -> None:
        if diagnostic in self.seen:
            return
        if len(self.seen) < self.SEEN:
            self.seen.add(diagnostic)
        count, first = self.counts.get((file, diagnostic.code), (0, diagnostic))
        self.counts[(file, diagnostic.code)] = (count + 1, first)

    def diagnostics(self) -> list[Diagnostic]:
        out = []
        for (file, code), (count, first) in self.counts.items():
            text = first.text or msg("raw", text=first.message)
            if count > 1:
                text = msg("dataset.more-same", text=text, count=count - 1)
            out.append(
                diagnostic(code, text, file, first.line, first.column, first.path, first.hint, first.severity)
            )
        return out


class _Runner:
    def __init__(
        self,
        dataset: Tables,
        *,
        as_of: dt.date | None,
        id_field: str,
        detail: Selector,
        keep: Selector,
        on_result: ResultSink | None,
        pool: bool,
    ) -> None:
        self.dataset = dataset
        self.as_of = as_of
        self.id_field = id_field
        self.detail = detail
        self.keep = keep
        self.on_result = on_result
        self.pool = pool
        self.diagnostics: list[Diagnostic] = []
        self.problems = _Problems()
        self.done: dict[str, LevelResult] = {}
        self.pools: dict[str, dict[str, Members]] = {}
        self.measures: dict[str, dict[str, dict[str, float | None]]] = {}
        """Measures kept per level and candidate id, for the sets of the same table they feed."""
        self.levels: list[Level] = []

    def file(self, table: str) -> str:
        return self.dataset.file(table)

    def fields(self, level: Level) -> TableFields:
        """What the level reads of its table; columns other sets of the same table read are
        theirs, not unknown."""
        assert level.table is not None
        links = sorted(
            {edge.spec.link for edge in level.feeds}
            | {e.spec.link for o in self.levels for e in o.feeds if o.table == level.table}
        )
        others = tuple(o.inputs for o in self.levels if o is not level and o.table == level.table)
        return TableFields(level.inputs, self.id_field, tuple(links), others)

    def prepare(self, level: Level) -> None:
        """Before a member level runs: its parents' ids and the groups its rows go into."""
        for edge in level.feeds:
            parent, table = edge.parent, edge.parent.table
            assert parent.plan is not None and table is not None
            ids = self.dataset.column(table, self.id_field, TableFields(parent.inputs, self.id_field))
            edge.parent_ids = {value for _line, value in ids if value is not None}
            own = [*edge.spec.fields, *(level.inputs if level.plan is not None else ())]
            projector = Projector(fields_read(parent.plan, edge.name), own)
            edge.groups = MemberGroups(edge.name, edge.spec, level.model, projector)
            if self.pool and level.plan is None and all(e.child.plan is None for e in parent.reads):
                edge.groups.pooling()

    def run_level(self, level: Level) -> LevelResult:
        """One pass over the level's table: every row evaluated, given to its parents' groups."""
        assert level.table is not None
        self.prepare(level)
        plan, table, file = level.plan, level.table, self.file(level.table)
        out = LevelResult(level.key, level.subject, plan.revision.ref if plan else None, table, file)
        out.reader = RollupReader(plan) if plan is not None and level.reads else None
        fields = self.fields(level)
        self.diagnostics.extend(self.dataset.notes(table, fields))
        children = self.children(level, fields)
        checker = RecordChecker(level.inputs) if plan is None else None
        hashes, missing_id = IdHashes(), 0
        dangling: dict[int, list[tuple[int, str | None]]] = {id(e): [] for e in level.feeds}
        dangling_count: dict[int, int] = dict.fromkeys(dangling, 0)
        kept = self.measures.setdefault(level.key, {}) if level.kept_measures else None
        for row in self.dataset.rows(table, fields):
            record, problems = row.record, row.problems
            candidate_id = id_text(record.get(self.id_field))
            if candidate_id is None:
                missing_id += 1
            else:
                hashes.add(candidate_id)
                problems = [*problems, *self.attach(level, record, candidate_id, children)]
            for problem in problems:
                self.problems.add(problem.file or file, problem)
            errors = [p for p in problems if p.severity == Severity.ERROR]
            result: Result | None = None
            valid = not errors
            if plan is not None:
                result = self.evaluated(level, plan, record, errors, out)
                if kept is not None and candidate_id is not None:
                    kept[candidate_id] = {m: result.measures.get(m) for m in level.kept_measures}
            elif checker is not None:
                valid = valid and not checker.check(record)[1]
            out.rows += 1
            out.only_id = candidate_id if out.rows == 1 else None
            for edge in level.feeds:
                link = id_text(record.get(edge.spec.link))
                if link is None or link not in edge.parent_ids:
                    dangling_count[id(edge)] += 1
                    if len(dangling[id(edge)]) < 5:  # the first ones are shown, the rest counted
                        dangling[id(edge)].append((row.line, link))
                elif edge.groups is not None:
                    edge.groups.add(link, candidate_id or "", result, record, valid)
        for stream in children.values():
            self.diagnostics.extend(stream.finish(table))
        self.report_links(level, dangling, dangling_count, file)
        self.report_ids(level, fields, hashes, missing_id, file)
        pools = {
            e.name: e.groups.pool for e in level.reads if e.groups is not None and e.groups.pool is not None
        }
        if pools and out.rows > 1:
            self.pools[level.key] = pools
        for edge in level.reads:
            edge.groups = None  # the members are consumed: free them
        return out

    def attach(
        self, level: Level, record: dict[str, object], candidate_id: str, children: Mapping[str, ChildStream]
    ) -> list[Diagnostic]:
        """Give a row its child rows, its members and the measures other sets computed for it."""
        problems: list[Diagnostic] = []
        for name, stream in children.items():
            if name not in record:
                record[name], more = stream.take(candidate_id)
                problems.extend(more)
        for edge in level.reads:
            if edge.groups is not None:
                record[edge.name] = edge.groups.members(candidate_id)
        for source, measure, name, pooled in level.fed_by:
            value = self.measures.get(source.key + "*" * pooled, {}).get(candidate_id, {}).get(measure)
            if record.get(name) is None and value is not None:
                record[name] = value
        return problems

    def evaluated(
        self, level: Level, plan: Plan, record: dict[str, object], errors: list[Diagnostic], out: LevelResult
    ) -> Result:
        """Evaluate one row; keep, count and pass on its result; trace its roll-ups."""
        detail = _chosen(self.detail, level)
        result = self.evaluate(plan, record, errors, detail)
        if out.reader is not None and detail and result.status != Status.INVALID and result.id:
            out.rollups[result.id] = out.reader.lines(plan.env(record))
        out.statuses[result.status] = out.statuses.get(result.status, 0) + 1
        if _chosen(self.keep, level):
            out.results.append(result)
        if self.on_result is not None:
            self.on_result(level.key, result)
        return result

    def evaluate(
        self, plan: Plan, record: dict[str, object], errors: list[Diagnostic], detail: bool
    ) -> Result:
        if not errors:
            return plan.evaluate(record, as_of=self.as_of, detail=detail, id_field=self.id_field)
        provenance = plan.provenance
        if self.as_of is not None:
            provenance = Provenance(
                provenance.set_id, provenance.version, provenance.digest, self.as_of.isoformat()
            )
        issues = tuple(
            FieldIssue.of(str(e.path[0]) if e.path else "", e.code, e.text or msg("raw", text=e.message))
            for e in errors
        )
        candidate_id = id_text(record.get(self.id_field)) or ""
        return Result(
            candidate_id, Status.INVALID, None, None, None, (), provenance, errors=issues, plan=plan
        )

    def children(self, level: Level, fields: TableFields) -> dict[str, ChildStream]:
        """Child tables of list inputs with item fields (``persons`` from ``person``)."""
        out: dict[str, ChildStream] = {}
        if level.plan is None:
            return out
        for name, spec in level.inputs.items():
            if spec.type != "list" or not spec.items:
                continue
            assert level.table is not None
            if self.dataset.provides(level.table, name, fields):
                continue
            table = self.dataset.resolve(name)
            if table is None:
                text = msg("dataset-missing-table.list", name=name, level=level.key, subject=level.subject)
                self.diagnostics.append(
                    diagnostic("dataset-missing-table", text, self.dataset.where, severity=Severity.WARNING)
                )
                continue
            out[name] = ChildStream(
                self.dataset, table, f"{level.subject}_id", spec.items, id_field=self.id_field, list_name=name
            )
        return out

    def report_links(
        self,
        level: Level,
        dangling: Mapping[int, list[tuple[int, str | None]]],
        counts: Mapping[int, int],
        file: str,
    ) -> None:
        for edge in level.feeds:
            rows, count = dangling[id(edge)], counts[id(edge)]
            if not rows:
                continue
            shown: Arg = tuple(
                msg(
                    "dataset-dangling-link.row",
                    row=n,
                    value=repr(v) if v is not None else msg("dataset-dangling-link.empty"),
                )
                for n, v in rows
            )
            if count > len(rows):
                shown = msg("more", items=shown)
            text = msg(
                "dataset-dangling-link",
                count=count,
                table=level.table,
                parent=edge.parent.subject,
                parent_table=edge.parent.table,
                link=edge.spec.link,
                rows=shown,
            )
            self.diagnostics.append(diagnostic("dataset-dangling-link", text, file, rows[0][0]))

    def report_ids(
        self, level: Level, fields: TableFields, hashes: IdHashes, missing: int, file: str
    ) -> None:
        assert level.table is not None
        suspects = hashes.suspects()
        if suspects:
            duplicates = rescan_duplicates(self.dataset, level.table, fields, suspects)
            for value, rows in list(duplicates.items())[:20]:
                text = msg(
                    "dataset-duplicate-id", id=value, count=len(rows), table=level.table, rows=listing(rows)
                )
                self.diagnostics.append(diagnostic("dataset-duplicate-id", text, file, rows[0]))
            if len(duplicates) > 20:
                text = msg("dataset-duplicate-id.more", count=len(duplicates) - 20, table=level.table)
                self.diagnostics.append(diagnostic("dataset-duplicate-id", text, file))
        if missing and (level.feeds or level.reads or level.plan is not None):
            text = msg("dataset-missing-id", count=missing, table=level.table, field=self.id_field)
            self.diagnostics.append(diagnostic("dataset-missing-id", text, file, severity=Severity.WARNING))

    def pooled(self, level: Level) -> PooledResult | None:
        """The level's set over every member of its raw collections (e.g. all respondents of a
        province), named after the one row above them when there is one (the province)."""
        pools = self.pools.get(level.key)
        reader = self.done[level.key].reader
        if level.plan is None or not pools or reader is None:
            return None
        owner = "*"
        tables = owner_tables(level, self.levels)
        if len(tables) == 1:
            table = next(iter(tables))
            column = self.dataset.column(table, self.id_field, TableFields({}, self.id_field))
            ids = [value for _line, value in itertools.islice(column, 2)]
            owner = ids[0] if len(ids) == 1 and ids[0] is not None else owner
        record: dict[str, object] = {self.id_field: owner, **pools}
        result = level.plan.evaluate(record, as_of=self.as_of, id_field=self.id_field)
        if level.kept_measures:
            self.measures[level.key + "*"] = {owner: {m: result.measures.get(m) for m in level.kept_measures}}
        return PooledResult(result, reader.lines(level.plan.env(record)), reader)


@dataclass
class RollupOutcome:
    """What :func:`evaluate_tables` gives: results per level (bottom-up), diagnostics, pooled
    results. :class:`criteria_engine.explain.DatasetEvaluation` wraps it with explanations."""

    levels: dict[str, LevelResult]
    diagnostics: list[Diagnostic]
    pooled: dict[str, PooledResult]


def evaluate_tables(
    tables: Tables,
    registry: Registry,
    *,
    as_of: dt.date | None = None,
    plan_for: Mapping[str, str] | None = None,
    top: str | Sequence[str] | None = None,
    id_field: str = "id",
    detail: Selector = True,
    keep: Selector = True,
    on_result: ResultSink | None = None,
    pool: bool = True,
) -> RollupOutcome:
    """Evaluate every level of ``tables`` bottom-up in one run.

    ``as_of`` picks the revisions in force (default: today). ``plan_for`` maps a subject to
    the set (``id`` or ``id@version``) its table is evaluated with. ``top`` names the set(s)
    to evaluate with what they read (default: every set in force whose subject has a table).
    ``detail`` and ``keep`` (True, False, or subjects / set ids) choose the levels whose results
    carry details and are kept in memory; ``on_result(level_key, result)`` sees every result
    as it is made, so the bottom level can be streamed elsewhere with ``keep`` off for it.
    ``pool`` also evaluates a set whose collections have no set (a survey's respondents) once
    over every member in the dataset (:attr:`RollupOutcome.pooled`): the province's index.
    """
    tops = [top] if isinstance(top, str) else list(top or [])
    levels, diagnostics = plan_levels(tables, registry, as_of=as_of, plan_for=plan_for, top=tops)
    runner = _Runner(
        tables, as_of=as_of, id_field=id_field, detail=detail, keep=keep, on_result=on_result, pool=pool
    )
    runner.diagnostics.extend(diagnostics)
    runner.levels = levels
    pooled: dict[str, PooledResult] = {}
    for level in levels:
        runner.done[level.key] = runner.run_level(level)
        found = runner.pooled(level) if pool and poolable(level) else None
        if found is not None:
            pooled[level.key] = found
    runner.diagnostics.extend(runner.problems.diagnostics())
    diagnostics = list(dict.fromkeys(runner.diagnostics))  # a table read by two sets: once each
    return RollupOutcome(runner.done, diagnostics, pooled)


__all__ = ["LevelResult", "PooledResult", "RollupOutcome", "evaluate_tables"]
