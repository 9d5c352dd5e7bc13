"""Problems as data: diagnostics and the one exception family of the library.

Every problem the library finds in a user's input is a :class:`Diagnostic`: a stable
kebab-case code, a message, a location (file, 1-based line and column), the path inside the
document and, where one fits, a suggestion. Nothing is baked into strings: ``__str__`` is
built from the fields. Exceptions carry diagnostics; they never carry tracebacks for users.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

PathPart = str | int
DocPath = tuple[PathPart, ...]


class Severity(StrEnum):
    """How bad a problem is: errors make a file unusable, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, located: code, message, file, 1-based line and column, document path."""

    code: str
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    path: DocPath = ()
    suggestion: str | None = None
    severity: Severity = Severity.ERROR

    def located(self, file: str, line: int, column: int) -> Diagnostic:
        """A copy of this diagnostic placed at ``file:line:column``."""
        return Diagnostic(
            self.code, self.message, file, line, column, self.path, self.suggestion, self.severity
        )

    @property
    def dotted_path(self) -> str:
        """The document path as ``groups[0].criteria[1].when``."""
        return format_path(self.path)

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys, for ``--format json``."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.dotted_path,
            "suggestion": self.suggestion,
        }

    def __str__(self) -> str:
        if self.file and self.line:
            where = f"{self.file}:{self.line}:{self.column}: "
        elif self.file:
            where = f"{self.file}: "
        else:
            where = ""  # a problem with no file (a revision asked for by name, say)
        head = f"{where}{self.severity.value}[{self.code}]: {self.message}"
        if self.suggestion:
            return f"{head}\n  help: {self.suggestion}"
        return head


def format_path(path: Sequence[PathPart]) -> str:
    """Render a document path: ``("groups", 0, "id")`` becomes ``groups[0].id``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean' sentence for a misspelt ``word``, or None when nothing is close."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else None


def rank_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The order problems are shown in: errors before warnings, then by file, line and column.

    Position order is the order a person fixes a file in, and it also puts the problems that
    hide others first: a file that cannot be parsed yields only its parse error, and a
    structural problem is reported at the key that comes before what it hides."""
    return sorted(
        diagnostics,
        key=lambda d: (d.severity != Severity.ERROR, d.file, d.line, d.column, d.code),
    )


class CriteriaError(Exception):
    """The base of every exception the library raises for a user's input."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(rank_diagnostics(diagnostics))
        first = self.diagnostics[0] if self.diagnostics else None
        super().__init__(str(first) if first else self.__class__.__name__)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """Only the problems of severity error."""
        return tuple(d for d in self.diagnostics if d.severity == Severity.ERROR)


class LoadError(CriteriaError):
    """A file could not be read or parsed as YAML."""


class InvalidSetError(CriteriaError):
    """A criteria set breaks the format's structure or meaning."""


class RevisionError(CriteriaError):
    """No revision fits the requested version or date, or revisions conflict."""


class CompileError(CriteriaError):
    """An expression could not be compiled (unknown name, wrong type, ...)."""


class DataError(CriteriaError):
    """A data file could not be read at all (a bad record is a result, not an error)."""


class OutputError(CriteriaError):
    """An output cannot be written where it was asked for (nothing was written)."""


def error(code: str, message: str, path: DocPath = (), suggestion: str | None = None) -> Diagnostic:
    """Shorthand for an unlocated error diagnostic; the loader's source map locates it."""
    return Diagnostic(code=code, message=message, path=path, suggestion=suggestion)


def warning(code: str, message: str, path: DocPath = (), suggestion: str | None = None) -> Diagnostic:
    """Shorthand for an unlocated warning diagnostic."""
    return Diagnostic(code=code, message=message, path=path, suggestion=suggestion, severity=Severity.WARNING)


__all__ = [
    "CompileError",
    "CriteriaError",
    "DataError",
    "Diagnostic",
    "DocPath",
    "InvalidSetError",
    "LoadError",
    "OutputError",
    "RevisionError",
    "Severity",
    "did_you_mean",
    "error",
    "format_path",
    "rank_diagnostics",
    "warning",
]
