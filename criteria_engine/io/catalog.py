"""Reading criteria sets from disk (the I/O edge): files, folders, the shipped sets.

A set lives in a folder, one file per revision: ``criteria_sets/happy-family/2026.1.yaml``.
Beside a revision, ``2026.1.examples.yaml`` holds its example candidates. The shipped sets
are inside the installed package, so they work after a plain ``pip install``.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from ..errors import Diagnostic, InvalidSetError, LoadError, Severity, error, rank_diagnostics, warning
from ..format.loader import load_file
from ..format.models import CriteriaSet, Example
from ..format.registry import Registry, Revision
from ..format.structure import check_structure, example_problem
from ..messages import msg
from ..rules.scope import MemberSetResolver
from ..rules.validation import Checked, validate_document

Listed = TypeVar("Listed", bound=BaseModel)

EXAMPLES_SUFFIX = ".examples.yaml"
EXAMPLES_SUFFIXES = (".examples.yaml", ".examples.yml")


def shipped_sets_dir() -> Path:
    """The folder of the criteria sets shipped inside the package."""
    return Path(str(resources.files("criteria_engine") / "data" / "criteria_sets"))


def check_file(path: str | os.PathLike[str], resolve: MemberSetResolver | None = None) -> Checked:
    """Load and validate one criteria-set file; never raises for a bad file.

    ``resolve`` finds the sets that collections' members are evaluated with (to type-check
    what rules read of their results); by default the shipped sets.
    """
    name = os.fspath(path)
    try:
        doc = load_file(name)
    except LoadError as exc:
        return Checked(name, None, exc.diagnostics)
    return validate_document(doc, resolve or _shipped_resolver())


def _structural_models(files: Iterable[Path]) -> dict[str, CriteriaSet]:
    """Set id -> the latest structurally valid model among ``files`` (no expression checks)."""
    found: dict[str, CriteriaSet] = {}
    for file in files:
        try:
            model, _ = check_structure(load_file(file).data)
        except LoadError:
            continue
        if model is not None:
            known = found.get(model.id)
            if known is None or known.effective_from <= model.effective_from:
                found[model.id] = model
    return found


@functools.lru_cache(maxsize=1)
def _shipped_models() -> dict[str, CriteriaSet]:
    files, _ = set_files([shipped_sets_dir()])
    return _structural_models(files)


def _shipped_resolver() -> MemberSetResolver:
    return _shipped_models().get


def _resolver_for(files: Sequence[Path]) -> MemberSetResolver:
    local = _structural_models(files)
    shipped = _shipped_models()
    return lambda set_id: local.get(set_id) or shipped.get(set_id)


def set_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Diagnostic]]:
    """The revision files under the given files or folders (examples files excluded).

    Only regular files are read: a FIFO, a device or a socket among the set files is reported,
    never opened (opening a FIFO would wait forever). An empty path is an error, not the
    current folder.
    """
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        if not os.fspath(raw).strip():
            problems.append(error("file-unreadable", msg("file-unreadable.empty-path")).located("", 0, 0))
            continue
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*.y*ml")):
                if found.suffix not in (".yaml", ".yml") or found.name.endswith(EXAMPLES_SUFFIXES):
                    continue
                if found.is_file():
                    files.append(found)
                else:
                    problems.append(_not_regular(found))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(_not_regular(path))
        else:
            problems.append(
                error("file-unreadable", msg("file-unreadable.missing", path=str(raw))).located(
                    os.fspath(raw), 0, 0
                )
            )
    return files, problems


def _not_regular(path: Path) -> Diagnostic:
    return error("file-unreadable", msg("file-unreadable.not-regular", path=str(path))).located(
        str(path), 0, 0
    )


@dataclass(frozen=True)
class Catalog:
    """Every file checked under some paths, and the registry of the valid revisions."""

    checked: tuple[Checked, ...]
    registry: Registry
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """No errors anywhere (warnings allowed)."""
        return not any(d.severity == Severity.ERROR for d in self.diagnostics)


def load_catalog(paths: Sequence[str | os.PathLike[str]] | None = None) -> Catalog:
    """Check every revision file under ``paths`` (default: the shipped sets) and build the registry."""
    files, problems = set_files(paths if paths else [shipped_sets_dir()])
    resolve = _resolver_for(files)
    checked = tuple(check_file(f, resolve) for f in files)
    revisions = [Revision.of(c.model, c.file, c.source) for c in checked if c.model is not None]
    registry = Registry(revisions)
    history = [_locate_in_file(d) for d in [*registry.check(), *_name_checks(revisions)]]
    diagnostics = [*problems, *(d for c in checked for d in c.diagnostics), *history]
    return Catalog(checked, registry, tuple(rank_diagnostics(diagnostics)))


def _locate_in_file(diagnostic: Diagnostic) -> Diagnostic:
    """A revision-level problem placed at its key in its file (the registry knows no lines)."""
    if not diagnostic.file or diagnostic.line:
        return diagnostic
    try:
        source = load_file(diagnostic.file).source
    except LoadError:
        return diagnostic
    return source.locate(diagnostic)


def _name_checks(revisions: Iterable[Revision]) -> Iterator[Diagnostic]:
    """A revision's file should be ``<id>/<version>.yaml``: warn where the names disagree."""
    for rev in revisions:
        path = Path(rev.file)
        if path.parent.name != rev.id:
            yield _at(
                warning(
                    "file-name-mismatch",
                    msg("file-name-mismatch.folder", set=rev.id, folder=path.parent.name),
                    ("id",),
                ),
                rev,
            )
        if path.stem != rev.version:
            yield _at(
                warning(
                    "file-name-mismatch",
                    msg("file-name-mismatch", version=rev.version, file=path.name),
                    ("version",),
                ),
                rev,
            )


def _at(diagnostic: Diagnostic, rev: Revision) -> Diagnostic:
    return dataclasses.replace(diagnostic, file=rev.file, line=0, column=0)


def load_registry(paths: Sequence[str | os.PathLike[str]] | None = None) -> Registry:
    """The registry of the sets under ``paths`` (default: shipped); raises if any file is invalid."""
    catalog = load_catalog(paths)
    if not catalog.ok:
        raise InvalidSetError(list(catalog.diagnostics))
    return catalog.registry


def load_revision(path: str | os.PathLike[str]) -> Revision:
    """One revision from one file; raises :class:`InvalidSetError` with every problem."""
    checked = check_file(path)
    if checked.model is None:
        raise InvalidSetError(list(checked.diagnostics))
    return Revision.of(checked.model, checked.file, checked.source)


def examples_file(revision: Revision) -> Path | None:
    """The examples file stored beside a revision's file, if there is one."""
    if not revision.file:
        return None
    path = Path(revision.file)
    candidate = path.with_name(path.name.removesuffix(path.suffix) + EXAMPLES_SUFFIX)
    return candidate if candidate.exists() else None


def load_listed(path: str | os.PathLike[str], model: type[Listed]) -> list[Listed]:
    """A YAML file that is a list of records, each validated as ``model`` (examples files).

    Raises :class:`LoadError` for a file that is not a list, :class:`InvalidSetError` with every
    bad record located at its line."""
    doc = load_file(path, allow_list=True)
    if not isinstance(doc.data, list):
        raise LoadError([error("examples-not-a-list", msg("examples-not-a-list")).located(str(path), 1, 1)])
    out: list[Listed] = []
    problems: list[Diagnostic] = []
    for index, item in enumerate(doc.data):
        try:
            out.append(model.model_validate(item))
        except PydanticValidationError as exc:
            for err in exc.errors():
                diag = error("bad-example", example_problem(index, err), (index, *err["loc"]))
                problems.append(doc.source.locate(diag))
    if problems:
        raise InvalidSetError(problems)
    return out


def load_examples(path: str | os.PathLike[str]) -> list[Example]:
    """The example candidates of a file (a YAML list of id/record/expect)."""
    return load_listed(path, Example)


__all__ = [
    "Catalog",
    "check_file",
    "examples_file",
    "load_catalog",
    "load_examples",
    "load_listed",
    "load_registry",
    "load_revision",
    "set_files",
    "shipped_sets_dir",
]
