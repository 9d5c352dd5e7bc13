"""A round's candidates, read from the data and evaluated with the register's history.

The candidates of a round are the rows of the set's subject table (``household``) whose
``<unit>_id`` is the round's unit (``village_id`` = ``C001-V01``). Before they are evaluated,
the inputs the procedure asks the register for (``years_held_consecutive``...) are filled in
from the award history, replacing whatever the data file says; each value replaced is
reported, so nobody is surprised. Members (a village's households) are evaluated as usual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..award.history import History, register_values
from ..award.messages import Message, RoundError
from ..award.records import Evaluation, Opening
from ..errors import Diagnostic, Severity, did_you_mean
from ..evaluators.plan import Plan
from ..explain import explain_lines
from ..explain.dataset import DatasetEvaluation
from ..explain.rollup import rollup_section
from ..format.registry import Registry
from ..io.columns import ColumnMap, fold
from ..io.convert import id_text
from ..io.dataset import Dataset, TableSource, open_dataset
from ..io.dataset_tables import evaluate_dataset
from ..io.readers import RawRow
from ..messages import ENTRIES, Msg, listing, msg
from ..results import Result

UNIT_HEADERS = {
    "village": ("ma thon", "ma thon, to dan pho", "ma thon/to dan pho", "thon"),
    "commune": ("ma xa", "ma xa, phuong", "ma xa/phuong", "xa"),
}
"""Vietnamese headers (folded) that hold a candidate's unit, besides ``<unit>_id``."""

_ARTIFACTS = frozenset({"dataset-orphan-children", "dataset-dangling-link", "data-orphan-rows"})
"""Warnings that only say other units' rows were left out of this round."""


class _RoundData(Dataset):
    """The dataset with the round's table cut to the unit's rows and the register's values set."""

    def __init__(
        self,
        base: Dataset,
        table: str,
        link: str,
        unit: str,
        values: Mapping[str, Mapping[str, object]],
        id_header: str,
    ) -> None:
        super().__init__(base.source, {name: base.source_of(name) for name in base.tables()})
        self.table, self.link, self.unit, self.values, self.id_header = table, link, unit, values, id_header

    def headers(self, subject: str) -> list[str]:
        headers = super().headers(subject)
        if self.resolve(subject) == self.table:
            extra = {k for v in self.values.values() for k in v}
            headers += sorted(extra - set(headers))
        return headers

    def rows(self, subject: str) -> Iterator[RawRow]:
        rows = super().rows(subject)
        if self.resolve(subject) != self.table:
            return rows
        return self._cut(rows)

    def _cut(self, rows: Iterator[RawRow]) -> Iterator[RawRow]:
        for row in rows:
            if id_text(row.values.get(self.link)) != self.unit:
                continue
            extra = self.values.get(id_text(row.values.get(self.id_header)) or "", {})
            yield replace(row, values={**row.values, **extra}) if extra else row


@dataclass(frozen=True)
class Candidates:
    """The evaluations of a round, the values the register set, and the data's problems."""

    evaluations: tuple[Evaluation, ...]
    notes: tuple[Message, ...]
    diagnostics: tuple[Diagnostic, ...]


def _dataset(data: Path, subject: str, persons: Path | None) -> Dataset:
    if persons is None:
        dataset = open_dataset(data)
        if len(dataset.tables()) > 1 or dataset.has(subject):
            return dataset
    tables = {subject: TableSource(data)}
    if persons is not None:
        tables["persons"] = TableSource(persons)
    return Dataset(data.parent, tables)


def _refuse(code: str, text: Msg) -> RoundError:
    return RoundError([Message.of(code, text)])


def subject_noun(subject: str) -> Msg:
    """What a subject's candidates are called: "hộ", "thôn"... (the subject's name otherwise)."""
    key = f"round.subject.{subject}"
    return msg(key) if key in ENTRIES else msg("round.subject.other", subject=subject)


def _names(dataset: Dataset, plan: Plan, subject: str, ref: str | None) -> dict[str, str]:
    """Candidate id -> name, from a string input or a list's first member (``persons.full_name``)."""
    if ref is None:
        return {}
    head, _, field = ref.partition(".")
    if not field:
        table, link, column_of = dataset.resolve(subject), None, head
        items = plan.model.inputs
    else:
        table, link, column_of = dataset.resolve(head), f"{subject}_id", field
        items = plan.model.inputs[head].items or {}
    if table is None:
        return {}
    columns, _ = ColumnMap.build(dataset.headers(table), items, links=[link] if link else [])
    header = columns.header_of(column_of)
    key = (
        next((h for h, (kind, n) in columns.targets.items() if kind == "link" and n == link), None)
        if link
        else columns.id_header
    )
    out: dict[str, str] = {}
    if header is None or key is None:
        return out
    for row in dataset.rows(table):
        owner, value = id_text(row.values.get(key)), row.values.get(header)
        if owner is not None and owner not in out and value not in (None, ""):
            out[owner] = str(value).strip()
    return out


def _explanation(
    evaluation: DatasetEvaluation, set_id: str, result: Result
) -> dict[str, tuple[tuple[str, str], ...]]:
    level = evaluation.level(set_id)
    out = {}
    for lang in ("vi", "en"):
        lines = [tuple(pair) for pair in explain_lines(result, lang)]
        rollups = level.rollups.get(result.id, ())
        if level.reader is not None and rollups:
            lines += [("rollup", text) for text in rollup_section(level.reader, rollups, lang)]
        out[lang] = tuple((str(a), str(b)) for a, b in lines)
    return out


def evaluate_candidates(
    plan: Plan,
    registry: Registry,
    data: Path,
    unit: str,
    year: int,
    history: History,
    *,
    as_of: dt.date,
    persons: Path | None = None,
) -> Candidates:
    """Evaluate the unit's candidates with the register's values (see the module docs)."""
    model = plan.model
    procedure = model.procedure
    if procedure is None:
        raise _refuse("no-procedure", msg("no-procedure", ref=plan.revision.ref))
    subject, link_field = model.subject, f"{procedure.unit}_id"
    base = _dataset(data, subject, persons)
    table = base.resolve(subject)
    if table is None:
        raise _refuse("no-table", msg("no-table", table=subject, tables=listing(base.tables())))
    columns, _ = ColumnMap.build(base.headers(table), model.inputs, links=[link_field])
    link = next((h for h, (kind, n) in columns.targets.items() if kind == "link" and n == link_field), None)
    if link is None:  # a commune's own header for its villages: "Mã thôn"
        synonyms = UNIT_HEADERS.get(procedure.unit, ())
        link = next((h for h in base.headers(table) if fold(h) in synonyms), None)
    if link is None or columns.id_header is None:
        missing = link_field if link is None else "id"
        raise _refuse("no-link-column", msg("no-link-column", table=table, column=missing))
    units: dict[str, list[str]] = {}
    for row in base.rows(table):
        candidate = id_text(row.values.get(columns.id_header))
        units.setdefault(id_text(row.values.get(link)) or "", []).append(candidate or "")
    ids = units.get(unit, [])
    if not ids:
        hint = did_you_mean(unit, [u for u in units if u])
        said = (
            msg("unknown-unit.hint", subject=subject_noun(subject), unit=unit, hint=hint)
            if hint
            else msg("unknown-unit", subject=subject_noun(subject), unit=unit)
        )
        raise _refuse("unknown-unit", said)
    values = register_values(procedure, history, ids, year)
    notes = []
    raw = {name: columns.header_of(name) or name for name in procedure.from_register}
    typed: dict[str, dict[str, object]] = {}
    for row in base.rows(table):
        candidate = id_text(row.values.get(columns.id_header))
        if candidate in values:
            typed[candidate] = {n: row.values.get(h) for n, h in raw.items()}
    for candidate in ids:
        for name, value in values.get(candidate, {}).items():
            given = typed.get(candidate, {}).get(name)
            if given not in (None, "") and id_text(given) != str(value):
                notes.append(
                    Message.of(
                        "register-value",
                        msg("register-value", id=candidate, name=name, value=str(value), given=str(given)),
                    )
                )
    cells = {c: {raw[n]: v for n, v in vs.items()} for c, vs in values.items()}
    overlay = _RoundData(base, table, link, unit, cells, columns.id_header)
    evaluation = evaluate_dataset(
        overlay, registry, as_of=as_of, plan_for={subject: plan.revision.ref}, top=[plan.revision.ref]
    )
    names = _names(base, plan, subject, procedure.name)
    order = [r.id for r in model.decision.ratings]
    out = []
    for result in evaluation.results(model.id):
        out.append(
            Evaluation(
                result.id,
                names.get(result.id, result.id),
                result.status,
                result.score,
                result.max_score,
                result.rating,
                order.index(result.rating) if result.rating in order else None,
                values.get(result.id, {}),
                _explanation(evaluation, model.id, result),
            )
        )
    problems = [
        d
        for d in evaluation.diagnostics
        if d.code not in _ARTIFACTS and not (d.code == "data-unknown-column" and f"'{link}'" in d.message)
    ]
    return Candidates(tuple(out), tuple(notes), tuple(problems))


def opening_of(plan: Plan, candidates: Candidates, opened_on: dt.date, source: str) -> Opening:
    """The :class:`Opening` record of a round evaluated with ``plan``."""
    model = plan.model
    assert model.procedure is not None
    ratings = tuple(r.id for r in model.decision.ratings)
    labels = {r.id: dict(r.label) for r in model.decision.ratings}
    return Opening(
        opened_on,
        plan.revision.ref,
        plan.provenance.digest,
        model.procedure,
        candidates.evaluations,
        source,
        model.subject,
        ratings,
        labels,
        dict(model.title),
    )


def errors_of(candidates: Candidates) -> list[Diagnostic]:
    """The data's errors (warnings left out)."""
    return [d for d in candidates.diagnostics if d.severity == Severity.ERROR]


__all__ = ["Candidates", "errors_of", "evaluate_candidates", "opening_of"]
