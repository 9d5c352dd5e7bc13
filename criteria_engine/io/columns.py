"""Which column holds which input: matching a file's headers to the data dictionary.

A header matches an input by, in this order of strictness (the first level that matches
decides; two inputs matching at one level is an ambiguity, reported):

1. the input's name or one of its ``aliases``, exactly;
2. name, alias or label (any language), ignoring case and repeated spaces;
3. the same, also ignoring Vietnamese accents (``Thu nhap`` = ``Thu nhập``, đ = d) and
   treating ``_`` as a space.

An explicit mapping (``--map FILE``: header -> input name) is applied first. The candidate id
column is ``id_field`` (default ``id``); failing that, one of the usual id headers (``mã``,
``mã hộ``, ``household_id``...). Link fields (``links``, plus any other ``*_id`` column) are
passed through untouched for joining tables.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from criteria_engine.errors import DataError, Diagnostic, Severity
from criteria_engine.format.models import InputSpec

ID_SYNONYMS = ("id", "ma", "ma ho", "ma ho gia dinh", "ma so", "household id", "code")
"""Headers (compared accent-insensitively) taken as the id column when ``id_field`` is absent."""

TargetKind = Literal["input", "id", "link"]


def squash(text: str) -> str:
    """Case- and spacing-insensitive form: ``'  Thu  Nhập '`` -> ``'thu nhập'``."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form: ``'Thu_Nhập'`` -> ``'thu nhap'``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\s_]+", " ", plain.casefold()).split())


def suggest(word: str, options: Iterable[str]) -> str | None:
    """'did you mean ...?' comparing accent-insensitively, naming the option as written."""
    by_key: dict[str, str] = {}
    for option in options:
        by_key.setdefault(fold(option), option)
    matches = difflib.get_close_matches(fold(word), sorted(by_key), n=1, cutoff=0.6)
    return f"did you mean '{by_key[matches[0]]}'?" if matches else None


class InputMatcher:
    """Finds the input a header (or a JSON key) means, by name, alias or label."""

    def __init__(self, inputs: Mapping[str, InputSpec]) -> None:
        self._levels: tuple[dict[str, set[str]], ...] = ({}, {}, {})
        for name, spec in inputs.items():
            names = [name, *spec.aliases]
            for key in names:
                self._levels[0].setdefault(key, set()).add(name)
            for text in [*names, *spec.label.values()]:
                self._levels[1].setdefault(squash(text), set()).add(name)
                self._levels[2].setdefault(fold(text), set()).add(name)

    def match(self, header: str) -> tuple[str | None, list[str]]:
        """(input name, []) on a match, (None, [candidates]) when ambiguous, else (None, [])."""
        for level, key in enumerate((header, squash(header), fold(header))):
            found = self._levels[level].get(key)
            if found:
                return (next(iter(found)), []) if len(found) == 1 else (None, sorted(found))
        return None, []


@dataclass(frozen=True)
class ColumnMap:
    """The mapping of a file's headers: each header to an input, the id, a link, or nothing.

    ``targets`` maps header -> (kind, name) where kind is ``input`` (name = input name), ``id``
    (name = the id field) or ``link`` (name = the link field). Unmapped headers are absent.
    """

    headers: tuple[str, ...]
    targets: dict[str, tuple[TargetKind, str]] = field(default_factory=dict)
    id_field: str = "id"

    @property
    def id_header(self) -> str | None:
        """The header of the id column, if any."""
        return next((h for h, (kind, _) in self.targets.items() if kind == "id"), None)

    def target(self, header: str) -> tuple[TargetKind, str] | None:
        """What ``header`` holds, or None for an unmapped column."""
        return self.targets.get(header)

    def column_of(self, header: str) -> int:
        """The 1-based column of ``header`` (0 when it is not a header of the file)."""
        return self.headers.index(header) + 1 if header in self.headers else 0

    def header_of(self, input_name: str) -> str | None:
        """The header giving ``input_name``, if any."""
        return next((h for h, (kind, n) in self.targets.items() if kind == "input" and n == input_name), None)

    @classmethod
    def build(
        cls,
        headers: Sequence[str],
        inputs: Mapping[str, InputSpec],
        *,
        id_field: str = "id",
        extra: Mapping[str, str] | None = None,
        links: Collection[str] = (),
        file: str = "",
        line: int = 0,
    ) -> tuple[ColumnMap, list[Diagnostic]]:
        """Map ``headers`` to ``inputs``; returns the map and its diagnostics.

        Warnings: ``data-unknown-column`` (a header matching nothing), ``data-missing-column``
        (an input without a column; list inputs are exempt, they usually come from a child
        table), ``data-ambiguous-column`` (a header matching several inputs),
        ``data-map-unused`` (a ``--map`` entry for an absent header). Errors:
        ``data-duplicate-column`` (two columns for one input; the first is used) and
        ``data-bad-map`` (a ``--map`` entry naming no input).
        """
        named = [h for h in headers if h]
        notes = _Notes(file, line, {h: i for i, h in reversed(list(enumerate(headers, start=1)))})
        targets: dict[str, tuple[TargetKind, str]] = {}
        link_keys = {fold(k): k for k in links}
        by_fold = {fold(h): h for h in reversed(named)}
        for wanted, target in (extra or {}).items():
            header = wanted if wanted in notes.columns else by_fold.get(fold(wanted))
            if header is None:
                notes.add("data-map-unused", f"the column map names '{wanted}', which is not a column")
            elif target in inputs:
                targets[header] = ("input", target)
            elif target == id_field:
                targets[header] = ("id", id_field)
            elif fold(target) in link_keys:
                targets[header] = ("link", link_keys[fold(target)])
            else:
                message = f"the column map sends '{wanted}' to '{target}', which is not an input"
                notes.add("data-bad-map", message, header, suggest(target, [*inputs, id_field]), error=True)
        if not any(kind == "id" for kind, _ in targets.values()):
            exact = next((h for h in named if h not in targets and fold(h) == fold(id_field)), None)
            if exact is not None:
                targets[exact] = ("id", id_field)
        matcher = InputMatcher(inputs)
        for header in named:
            if header in targets:
                continue
            if fold(header) in link_keys:
                targets[header] = ("link", link_keys[fold(header)])
                continue
            name, ambiguous = matcher.match(header)
            if name is not None:
                targets[header] = ("input", name)
            elif ambiguous:
                message = f"column '{header}' could mean any of: {', '.join(ambiguous)}"
                notes.add("data-ambiguous-column", message, header, "say which with --map")
        if id_field == "id" and not any(kind == "id" for kind, _ in targets.values()):
            synonym = next((h for h in named if h not in targets and fold(h) in ID_SYNONYMS), None)
            if synonym is not None:
                targets[synonym] = ("id", id_field)
        for header in named:
            if header not in targets and re.fullmatch(r"[a-z][a-z0-9 ]* id", fold(header)):
                targets[header] = ("link", header)
        _report(named, inputs, targets, notes)
        return cls(tuple(headers), targets, id_field), notes.diagnostics


@dataclass
class _Notes:
    """Collects ColumnMap diagnostics located at the header row."""

    file: str
    line: int
    columns: dict[str, int]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(
        self, code: str, message: str, header: str = "", hint: str | None = None, error: bool = False
    ) -> None:
        severity = Severity.ERROR if error else Severity.WARNING
        column = self.columns.get(header, 0)
        self.diagnostics.append(Diagnostic(code, message, self.file, self.line, column, (), hint, severity))


def _report(
    named: list[str],
    inputs: Mapping[str, InputSpec],
    targets: dict[str, tuple[TargetKind, str]],
    notes: _Notes,
) -> None:
    """Unknown columns, two columns for one input (the second is dropped), missing inputs."""
    known = [*inputs, *(a for s in inputs.values() for a in s.aliases)]
    known += [t for s in inputs.values() for t in s.label.values()]
    unmatched = [h for h in named if h not in targets]
    for header in unmatched:
        hint = suggest(header, known)
        notes.add("data-unknown-column", f"column '{header}' is not an input; it is ignored", header, hint)
    given: dict[str, str] = {}
    for header, (kind, name) in list(targets.items()):
        if kind == "input" and name in given:
            del targets[header]
            message = f"columns '{given[name]}' and '{header}' both give input '{name}'; the first is used"
            notes.add("data-duplicate-column", message, header, "remove one of them or use --map", error=True)
        elif kind == "input":
            given[name] = header
    for name, spec in inputs.items():
        if name in given or spec.type == "list":
            continue
        label = next(iter(spec.label.values()), name)
        hint = next(filter(None, (suggest(w, unmatched) for w in [name, *spec.label.values()])), None)
        notes.add(
            "data-missing-column", f"no column for input '{name}' ({label}); it will be missing", hint=hint
        )


def load_map_file(path: str | Path) -> dict[str, str]:
    """Read a ``--map`` file: a YAML or JSON mapping ``header: input``, or a two-column CSV
    (header, input; a first row naming the columns ``header``/``column`` is skipped)."""
    source = Path(path)

    def bad(code: str, message: str) -> DataError:
        return DataError([Diagnostic(code, message, str(path))])

    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise bad("data-unreadable", f"cannot read the column map: {exc}") from None
    try:
        if source.suffix.lower() in (".csv", ".tsv"):
            delim = next((d for d in ("\t", ";") if d in text), ",")
            rows = [r for r in csv.reader(text.splitlines(), delimiter=delim) if r and r[0].strip()]
            if rows and fold(rows[0][0]) in ("header", "column", "cot", "tieu de"):
                rows = rows[1:]
            data: object = {r[0].strip(): (r[1].strip() if len(r) > 1 else "") for r in rows}
        else:
            data = json.loads(text) if source.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise bad("data-bad-map", f"cannot parse the column map: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) and v for v in data.values()):
        raise bad("data-bad-map", "the column map must map each header to an input name")
    return {str(k): v for k, v in data.items()}


__all__ = ["ID_SYNONYMS", "ColumnMap", "InputMatcher", "fold", "load_map_file", "squash", "suggest"]
