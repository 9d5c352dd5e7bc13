"""Checking a candidate's record against the data dictionary.

A wrong type or a value out of range makes the record invalid, with each field's problem.
Missing fields (absent or null) are not problems: they make verdicts unknown. The checker
also normalises values the evaluator relies on (ISO date strings become dates; integral
floats in integer fields become ints) and returns a new dict; the input is never mutated.
A collection's member list (given in the record) must be a list of records whose fields have
the types the rules read (declared fields, the member set's inputs, their results); it is
checked but kept as it is (it may carry the collection's policy).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping

from ..format.models import Collection, CriteriaSet, InputSpec
from ..messages import Msg, Words, listing, msg, words
from ..results import FieldIssue, Status

Checker = Callable[[object, str, list[FieldIssue]], object]
MemberFields = Mapping[str, InputSpec | None]
"""A collection member's fields and their specs (None: a mapping, a member's verdicts)."""

_RESULT_FIELDS: dict[str, InputSpec | None] = {
    "status": InputSpec.model_validate(
        {"type": "enum", "label": {"vi": "Kết quả", "en": "Status"}, "values": list(Status)}
    ),
    "rating": InputSpec.model_validate({"type": "string", "label": {"vi": "Xếp loại", "en": "Rating"}}),
    "score": InputSpec.model_validate({"type": "number", "label": {"vi": "Điểm", "en": "Score"}}),
    "percent": InputSpec.model_validate({"type": "number", "label": {"vi": "Tỷ lệ điểm", "en": "Percent"}}),
    "verdicts": None,
}


def member_fields(collection: Collection, member_set: CriteriaSet | None) -> dict[str, InputSpec | None]:
    """What a collection's members may hold that rules read: declared fields, the member set's
    inputs and, when members are evaluated with a set, their results."""
    fields: dict[str, InputSpec | None] = {**collection.fields}
    if member_set is not None:
        for name, given in member_set.inputs.items():
            fields.setdefault(name, given)
    if collection.criteria_set is not None:
        for name, result_field in _RESULT_FIELDS.items():
            fields.setdefault(name, result_field)
    return fields


MISSING_TOKENS = frozenset({"", "-", "–", "—", "na", "n/a"})
"""Texts (compared case-insensitively, stripped) that mean 'no value' in a cell or a record."""


def is_missing(raw: object) -> bool:
    """Whether ``raw`` means 'no value' (None, blank, ``-``, ``NA``, ``n/a``)."""
    return raw is None or (isinstance(raw, str) and raw.strip().casefold() in MISSING_TOKENS)


def id_text(raw: object) -> str | None:
    """A candidate id (or a link to one) as text: stripped; ``12.0`` (a number cell) as ``12``;
    None when missing. Ids are compared in this form everywhere (readers, joins, roll-ups)."""
    if is_missing(raw):
        return None
    return str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw).strip()


def value_labels(spec: InputSpec, codes: bool = False) -> tuple[Words, ...]:
    """The values of an enum input as people write them: each value's label in each language
    (its code where it has none); with ``codes``, English says the code (the value as the set
    declares it) and Vietnamese its label."""
    out = []
    for value in spec.values or ():
        labels = dict((spec.value_labels or {}).get(value, {}))
        if codes:
            labels = {"vi": labels.get("vi", value), "en": value}
        out.append(words(labels, value))
    return tuple(out)


def _bad(problems: list[FieldIssue], field: str, code: str, text: Msg) -> None:
    problems.append(FieldIssue.of(field, code, text))


def _range(value: float, spec: InputSpec, field: str, problems: list[FieldIssue]) -> None:
    if spec.min is not None and value < spec.min:
        _bad(problems, field, "out-of-range", msg("out-of-range.below", value=value, min=spec.min))
    if spec.max is not None and value > spec.max:
        _bad(problems, field, "out-of-range", msg("out-of-range.above", value=value, max=spec.max))


def _number_checker(spec: InputSpec, integer: bool) -> Checker:
    kind = "wrong-type.integer" if integer else "wrong-type.number"

    def check(value: object, field: str, problems: list[FieldIssue]) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            _bad(problems, field, "wrong-type", msg(kind, value=repr(value)))
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                _bad(problems, field, "not-finite", msg("not-finite", value=repr(value)))
                return value
            if integer:
                if not value.is_integer():
                    _bad(problems, field, "wrong-type", msg(kind, value=repr(value)))
                    return value
                value = int(value)
        _range(value, spec, field, problems)
        return value

    return check


def _simple_checker(spec: InputSpec) -> Checker:
    def check(value: object, field: str, problems: list[FieldIssue]) -> object:
        if spec.type == "boolean" and not isinstance(value, bool):
            _bad(problems, field, "wrong-type", msg("wrong-type.boolean", value=repr(value)))
        elif spec.type == "string" and not isinstance(value, str):
            _bad(problems, field, "wrong-type", msg("wrong-type.text", value=repr(value)))
        elif spec.type == "enum" and value not in (spec.values or ()):
            allowed = listing(value_labels(spec, codes=True))  # labels in Vietnamese, codes in English
            _bad(problems, field, "not-allowed", msg("not-allowed", value=repr(value), allowed=allowed))
        return value

    return check


def _date_checker(value: object, field: str, problems: list[FieldIssue]) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    _bad(problems, field, "wrong-type", msg("wrong-type.date", value=repr(value)))
    return value


def _list_checker(spec: InputSpec) -> Checker:
    item_checker = RecordChecker(spec.items or {})

    def check(value: object, field: str, problems: list[FieldIssue]) -> object:
        if not isinstance(value, list):
            _bad(problems, field, "wrong-type", msg("wrong-type.list", value=type(value).__name__))
            return value
        out: list[object] = []
        for index, item in enumerate(value):
            if not isinstance(item, Mapping):
                _bad(problems, f"{field}[{index}]", "wrong-type", msg("wrong-type.record"))
                out.append(item)
                continue
            out.append(item_checker.check_into(item, problems, f"{field}[{index}]."))
        return out

    return check


def _collection_checker(fields: MemberFields) -> Checker:
    specs = {name: spec for name, spec in fields.items() if spec is not None}
    mappings = tuple(name for name, spec in fields.items() if spec is None)
    item_checker = RecordChecker(specs)

    def check(value: object, field: str, problems: list[FieldIssue]) -> object:
        if not isinstance(value, list):
            _bad(problems, field, "wrong-type", msg("wrong-type.list", value=type(value).__name__))
            return value
        for index, item in enumerate(value):
            where = f"{field}[{index}]"
            if not isinstance(item, Mapping):
                _bad(problems, where, "wrong-type", msg("wrong-type.record"))
                continue
            before = len(problems)
            normalised = item_checker.check_into(item, problems, f"{where}.")
            if len(problems) == before:  # a value the rules cannot read as it is (not rebuilt here)
                for name, spec in specs.items():
                    original = item.get(name)
                    if original is not None and normalised[name].__class__ is not original.__class__:
                        _bad(
                            problems,
                            f"{where}.{name}",
                            "wrong-type",
                            msg("wrong-type.plain", value=repr(original), type=spec.type),
                        )
            for name in mappings:
                found = item.get(name)
                if found is not None and not isinstance(found, Mapping):
                    _bad(
                        problems,
                        f"{where}.{name}",
                        "wrong-type",
                        msg("wrong-type.not-record", value=repr(found)),
                    )
        return value  # kept as it is: a member list may carry the collection's policy

    return check


def checker_for(spec: InputSpec) -> Checker:
    """The checker of one input's values (missing values never reach it)."""
    if spec.type in ("integer", "number"):
        return _number_checker(spec, spec.type == "integer")
    if spec.type == "date":
        return _date_checker
    if spec.type == "list":
        return _list_checker(spec)
    return _simple_checker(spec)


class RecordChecker:
    """Checks records against a data dictionary; built once per set, used per record."""

    def __init__(
        self, inputs: Mapping[str, InputSpec], collections: Mapping[str, MemberFields] | None = None
    ) -> None:
        checkers = [(name, checker_for(spec)) for name, spec in inputs.items()]
        checkers.extend((name, _collection_checker(fields)) for name, fields in (collections or {}).items())
        self._checkers = tuple(checkers)

    def check_into(
        self, record: Mapping[str, object], problems: list[FieldIssue], prefix: str = ""
    ) -> dict[str, object]:
        """A normalised copy of ``record``; problems are appended to ``problems``."""
        out = dict(record)
        for name, check in self._checkers:
            value = record.get(name)
            if value is None:
                continue
            out[name] = check(value, prefix + name, problems)
        return out

    def check(self, record: Mapping[str, object]) -> tuple[dict[str, object], list[FieldIssue]]:
        """A normalised copy of ``record`` and the list of its problems (empty when valid)."""
        problems: list[FieldIssue] = []
        return self.check_into(record, problems), problems


__all__ = [
    "MISSING_TOKENS",
    "MemberFields",
    "RecordChecker",
    "checker_for",
    "id_text",
    "is_missing",
    "member_fields",
    "value_labels",
]
