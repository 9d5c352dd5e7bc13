"""Problems as data: diagnostics and the one exception family of the library.

Every problem the library finds in a user's input is a :class:`Diagnostic`: a stable
kebab-case code, a message, a location (file, 1-based line and column), the path inside the
document and, where one fits, a suggestion. Nothing is baked into strings: ``__str__`` is
built from the fields. Exceptions carry diagnostics; they never carry tracebacks for users.

The message and the suggestion come from the catalogue of messages
(:mod:`criteria_engine.messages`): a diagnostic keeps them as :class:`~criteria_engine.messages.Msg`
(``text`` and ``hint``: a key and the values that fill it) and says them in either language
(:meth:`Diagnostic.message_in`, :meth:`Diagnostic.render`). ``message``, ``suggestion`` and
``str()`` stay English: they are the library's stable API (programs, logs, tests compare
them); the command line prints :meth:`Diagnostic.render` in the language of the run.
"""

from __future__ import annotations

import dataclasses
import difflib
import errno
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .messages import Msg, msg

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
    value: str | None = None
    """The text of the data cell the problem is about, when there is one (a value that cannot
    be read): shown beside the problem in data-quality lists."""
    text: Msg | None = None
    """The message as the catalogue says it (``message`` is its English)."""
    hint: Msg | None = None
    """The suggestion as the catalogue says it (``suggestion`` is its English)."""

    def located(self, file: str, line: int, column: int) -> Diagnostic:
        """A copy of this diagnostic placed at ``file:line:column``."""
        return dataclasses.replace(self, file=file, line=line, column=column)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (the English ``message`` when it has no catalogue text)."""
        return self.text(lang) if self.text is not None else self.message

    def suggestion_in(self, lang: str) -> str | None:
        """The suggestion in ``lang``, or None."""
        return self.hint(lang) if self.hint is not None else self.suggestion

    def render(self, lang: str = "en") -> str:
        """``PATH:LINE:COL: error[CODE]: message`` with ``help: ...`` on the next line, in
        ``lang`` (``lỗi``, ``cảnh báo``, ``gợi ý`` in Vietnamese)."""
        if self.file and self.line:
            where = f"{self.file}:{self.line}:{self.column}: "
        elif self.file:
            where = f"{self.file}: "
        else:
            where = ""  # a problem with no file (a revision asked for by name, say)
        severity = msg(f"severity.{self.severity.value}")(lang)
        head = f"{where}{severity}[{self.code}]: {self.message_in(lang)}"
        suggestion = self.suggestion_in(lang)
        if suggestion:
            return f"{head}\n  {msg('severity.help')(lang)}: {suggestion}"
        return head

    @property
    def dotted_path(self) -> str:
        """The document path as ``groups[0].criteria[1].when``."""
        return format_path(self.path)

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        """Plain data with stable keys, for ``--format json`` (``message`` and ``suggestion``
        in English; with ``lang``, also ``text`` and ``hint``: the same in that language)."""
        out: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.dotted_path,
            "suggestion": self.suggestion,
        }
        if self.value is not None:
            out["value"] = self.value
        if lang is not None:
            out["text"] = self.message_in(lang)
            out["hint"] = self.suggestion_in(lang)
        return out

    def __str__(self) -> str:
        return self.render("en")


def diagnostic(
    code: str,
    text: Msg,
    file: str = "",
    line: int = 0,
    column: int = 0,
    path: DocPath = (),
    hint: Msg | None = None,
    severity: Severity = Severity.ERROR,
    value: str | None = None,
) -> Diagnostic:
    """A diagnostic whose message (and suggestion) come from the catalogue."""
    suggestion = str(hint) if hint is not None else None
    return Diagnostic(code, str(text), file, line, column, path, suggestion, severity, value, text, hint)


def format_path(path: Sequence[PathPart]) -> str:
    """Render a document path: ``("groups", 0, "id")`` becomes ``groups[0].id``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to a misspelt ``word``, or None when nothing is close."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> Msg | None:
    """A 'did you mean' hint for a misspelt ``word``, or None when nothing is close."""
    match = closest(word, candidates)
    return msg("hint.did-you-mean", word=match) if match is not None else None


_OS_REASONS = {
    errno.ENOENT: "os.ENOENT",
    errno.EACCES: "os.EACCES",
    errno.EPERM: "os.EACCES",
    errno.EISDIR: "os.EISDIR",
    errno.ENOTDIR: "os.ENOTDIR",
    errno.ENOSPC: "os.ENOSPC",
    errno.EROFS: "os.EROFS",
}


def os_reason(exc: OSError) -> Msg:
    """Why the system refused a file, in words of the catalogue (the system's own English
    words for a reason the catalogue does not know)."""
    key = _OS_REASONS.get(exc.errno or 0)
    return msg(key) if key is not None else msg("os.other", detail=str(exc.strerror or exc))


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

    def render(self, lang: str = "en") -> str:
        """Every diagnostic in ``lang``, one after the other."""
        return "\n".join(d.render(lang) for d in self.diagnostics)

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


def error(code: str, text: Msg, path: DocPath = (), hint: Msg | None = None) -> Diagnostic:
    """Shorthand for an unlocated error diagnostic; the loader's source map locates it."""
    return diagnostic(code, text, path=path, hint=hint)


def warning(code: str, text: Msg, path: DocPath = (), hint: Msg | None = None) -> Diagnostic:
    """Shorthand for an unlocated warning diagnostic."""
    return diagnostic(code, text, path=path, hint=hint, severity=Severity.WARNING)


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
    "closest",
    "diagnostic",
    "did_you_mean",
    "error",
    "format_path",
    "os_reason",
    "rank_diagnostics",
    "warning",
]
