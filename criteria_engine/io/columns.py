"""Which column holds which input: matching a file's headers to the data dictionary.

A header matches an input by, in this order of strictness (the first level that matches
decides; two inputs matching at one level is an ambiguity, reported):

1. the input's name or one of its ``aliases``, exactly;
2. name, alias or label (any language), ignoring case and repeated spaces;
3. the same, also ignoring Vietnamese accents (``Thu nhap`` = ``Thu nhập``, đ = d) and
   treating ``_`` as a space;
4. the same, loosely (:func:`~criteria_engine.io.header_words.loose`): without text in
   brackets, numbering and punctuation, abbreviations spelt out (``Số TV có thẻ BHYT``);
5. the header is the start of exactly one input's label, of at least two words
   (``Thu nhập bình quân`` for ``Thu nhập bình quân đầu người (đồng/tháng)``); reported as a
   note, so that a wrong guess is seen.

An explicit mapping (``--map FILE``: header -> input name) is applied first. The candidate id
column is ``id_field`` (default ``id``); failing that, one of the usual id headers of the
subject (``mã hộ``, ``mã thôn``, ``household id``...). Link fields (``links``, plus any other
``*_id`` column) are passed through untouched for joining tables; a link to a subject's id
(``household_id``) also accepts that subject's id headers ("Mã hộ" in a members sheet).
"""

from __future__ import annotations

import csv
import difflib
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from criteria_engine.errors import DataError, Diagnostic, Severity, diagnostic, os_reason
from criteria_engine.format.models import InputSpec
from criteria_engine.io.header_words import fold, id_headers, link_headers, loose, squash
from criteria_engine.messages import Msg, listing, msg, words

ID_SYNONYMS = id_headers(None)
"""Headers (compared accent-insensitively) taken as the id column when the subject is not known."""

TargetKind = Literal["input", "id", "link"]
PREFIX_LEVEL = 4
"""The level of a match by the start of a label (see the module documentation)."""


def suggest(word: str, options: Iterable[str]) -> Msg | None:
    """'did you mean ...?' comparing accent-insensitively, naming the option as written."""
    by_key: dict[str, str] = {}
    for option in options:
        by_key.setdefault(fold(option), option)
    matches = difflib.get_close_matches(fold(word), sorted(by_key), n=1, cutoff=0.75)
    return msg("hint.did-you-mean", word=by_key[matches[0]]) if matches else None


class InputMatcher:
    """Finds the input a header (or a JSON key) means, by name, alias or label."""

    def __init__(self, inputs: Mapping[str, InputSpec]) -> None:
        self._levels: tuple[dict[str, set[str]], ...] = ({}, {}, {}, {})
        self._labels: list[tuple[str, str]] = []  # (loose label, input), for level 5
        for name, spec in inputs.items():
            names = [name, *spec.aliases]
            for key in names:
                self._levels[0].setdefault(key, set()).add(name)
            for text in [*names, *spec.label.values()]:
                self._levels[1].setdefault(squash(text), set()).add(name)
                self._levels[2].setdefault(fold(text), set()).add(name)
                self._levels[3].setdefault(loose(text), set()).add(name)
            self._labels.extend((loose(text), name) for text in spec.label.values())

    def match(self, header: str) -> tuple[str | None, list[str]]:
        """(input name, []) on a match, (None, [candidates]) when ambiguous, else (None, [])."""
        name, ambiguous, _level = self.match_level(header)
        return name, ambiguous

    def match_level(self, header: str) -> tuple[str | None, list[str], int]:
        """:meth:`match` with the level that decided (0-based; -1 when nothing matched)."""
        for level, key in enumerate((header, squash(header), fold(header), loose(header))):
            found = self._levels[level].get(key) if key else None
            if found:
                return (next(iter(found)), [], level) if len(found) == 1 else (None, sorted(found), level)
        start = loose(header)
        if len(start.split()) >= 2:
            found = {name for label, name in self._labels if label.startswith(start + " ")}
            if len(found) == 1:
                return next(iter(found)), [], PREFIX_LEVEL
        return None, [], -1


def header_test(
    inputs: Mapping[str, InputSpec],
    *,
    subject: str | None = None,
    extra: Mapping[str, str] | None = None,
    links: Collection[str] = (),
) -> Callable[[Sequence[object]], int]:
    """How many cells of a row name an input, the id, a link or a ``--map`` header: the test
    the readers use to find the header row below a title block."""
    matcher = InputMatcher(inputs)
    known = {*id_headers(subject), *(fold(k) for k in extra or {})}
    known |= {h for link in links for h in link_headers(link)}

    def count(cells: Sequence[object]) -> int:
        texts = [str(c) for c in cells if isinstance(c, str) and c.strip()]
        return sum(1 for t in texts if fold(t) in known or matcher.match_level(t)[2] >= 0)

    return count


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
        subject: str | None = None,
    ) -> tuple[ColumnMap, list[Diagnostic]]:
        """Map ``headers`` to ``inputs``; returns the map and its diagnostics.

        ``subject`` (``household``...) chooses the usual headers of its id column.

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
        link_keys = {key: k for k in links for key in reversed(link_headers(k))}
        by_fold = {fold(h): h for h in reversed(named)}
        for wanted, target in (extra or {}).items():
            header = wanted if wanted in notes.columns else by_fold.get(fold(wanted))
            if header is None:
                notes.add("data-map-unused", msg("data-map-unused", column=wanted, subject=f"'{wanted}'"))
            elif target in inputs:
                targets[header] = ("input", target)
            elif target == id_field:
                targets[header] = ("id", id_field)
            elif fold(target) in link_keys:
                targets[header] = ("link", link_keys[fold(target)])
            else:
                text = msg("data-bad-map", header=wanted, target=target)
                notes.add("data-bad-map", text, header, suggest(target, [*inputs, id_field]), error=True)
        if not any(kind == "id" for kind, _ in targets.values()):
            exact = next((h for h in named if h not in targets and fold(h) == fold(id_field)), None)
            if exact is not None:
                targets[exact] = ("id", id_field)
        matcher = InputMatcher(inputs)
        guessed: list[tuple[str, str]] = []
        for header in named:
            if header in targets:
                continue
            if fold(header) in link_keys:
                targets[header] = ("link", link_keys[fold(header)])
                continue
            name, ambiguous, level = matcher.match_level(header)
            if name is not None:
                targets[header] = ("input", name)
                if level == PREFIX_LEVEL:
                    guessed.append((header, name))
            elif ambiguous:
                text = msg("data-ambiguous-column", column=header, names=listing(ambiguous))
                notes.add("data-ambiguous-column", text, header, msg("data-ambiguous-column.hint"))
        if id_field == "id" and not any(kind == "id" for kind, _ in targets.values()):
            synonyms = id_headers(subject) if subject else ID_SYNONYMS
            synonym = next((h for h in named if h not in targets and fold(h) in synonyms), None)
            if synonym is not None:
                targets[synonym] = ("id", id_field)
        for header, name in guessed:
            if targets.get(header) == ("input", name):
                label = words(inputs[name].label, name)
                text = msg(
                    "data-column-guessed", column=header, name=name, label=label, subject=f"'{header}'"
                )
                notes.add("data-column-guessed", text, header, msg("data-column-guessed.hint"))
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
        self, code: str, text: Msg, header: str = "", hint: Msg | None = None, error: bool = False
    ) -> None:
        severity = Severity.ERROR if error else Severity.WARNING
        column = self.columns.get(header, 0)
        self.diagnostics.append(diagnostic(code, text, self.file, self.line, column, (), hint, severity))


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
        text = msg("data-unknown-column", column=header, subject=f"'{header}'")
        notes.add("data-unknown-column", text, header, hint)
    given: dict[str, str] = {}
    for header, (kind, name) in list(targets.items()):
        if kind == "input" and name in given:
            del targets[header]
            text = msg("data-duplicate-column", first=given[name], second=header, name=name)
            notes.add("data-duplicate-column", text, header, msg("data-duplicate-column.hint"), error=True)
        elif kind == "input":
            given[name] = header
    for name, spec in inputs.items():
        if name in given or spec.type == "list":
            continue
        label = words(spec.label, name)
        hint = next(filter(None, (suggest(w, unmatched) for w in [name, *spec.label.values()])), None)
        text = msg("data-missing-column", name=name, label=label, subject=msg("quoted", text=label))
        notes.add("data-missing-column", text, hint=hint)


def load_map_file(path: str | Path) -> dict[str, str]:
    """Read a ``--map`` file: a YAML or JSON mapping ``header: input``, or a two-column CSV
    (header, input; a first row naming the columns ``header``/``column`` is skipped)."""
    source = Path(path)

    def bad(code: str, text: Msg) -> DataError:
        return DataError([diagnostic(code, text, str(path))])

    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise bad("data-unreadable", msg("data-unreadable.map", reason=os_reason(exc))) from None
    except UnicodeDecodeError as exc:
        raise bad("data-unreadable", msg("data-unreadable.map", reason=str(exc))) from None
    try:
        if source.suffix.lower() in (".csv", ".tsv"):
            delim = next((d for d in ("\t", ";") if d in text), ",")
            rows = [r for r in csv.reader(text.splitlines(), delimiter=delim) if r and r[0].strip()]
            if rows and fold(rows[0][0]) in ("header", "column", "cot", "tieu de"):
                rows = rows[1:]
            data: object = {r[0].strip(): (r[1].strip() if len(r) > 1 else "") for r in rows}
        else:
            data = json.loads(text) if source.suffix.lower() == ".json" else yaml.safe_load(text)
    except RecursionError:
        raise bad("data-bad-map", msg("data-bad-map.deep")) from None
    except (ValueError, yaml.YAMLError) as exc:
        raise bad("data-bad-map", msg("data-bad-map.parse", detail=str(exc))) from None
    if not isinstance(data, dict) or not all(isinstance(v, str) and v for v in data.values()):
        raise bad("data-bad-map", msg("data-bad-map.shape"))
    return {str(k): v for k, v in data.items()}


__all__ = [
    "ID_SYNONYMS",
    "ColumnMap",
    "InputMatcher",
    "fold",
    "header_test",
    "load_map_file",
    "loose",
    "squash",
    "suggest",
]
