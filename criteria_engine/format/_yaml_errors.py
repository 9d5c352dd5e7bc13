"""Why a load stops: :class:`Stop`, and parser errors worded the same whichever parser found them.

libyaml and the pure-Python parser word (and sometimes place) the same mistake differently; a file
must get the same diagnostic on every install, so errors are reported as the pure-Python parser
words them, in terms a user sees.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import DocPath, diagnostic
from ..messages import Msg, msg
from ._yaml_loaders import PyLoader
from ._yaml_positions import Lines, Pos, mark_position

_TAB_INDENT = re.compile(r"(?:[ \t]|[-?:](?=[ \t]))*")  # leading blanks and block indicators
_WORDING = (  # PyYAML names tokens; say what a user sees instead
    ("'<stream end>'", "end of file"),
    ("<stream end>", "end of file"),
    ("<block end>", "end of block"),
    ("'<block mapping start>'", "a new mapping"),
    ("'<block sequence start>'", "a new list"),
    ("'<document start>'", "'---'"),
    ("found '?'", "found a mapping key"),
    ("found character '\\t' that cannot start any token", "tab characters are not allowed here"),
)


class Stop(Exception):
    """Loading cannot go on; the diagnostic says why."""

    def __init__(self, code: str, text: Msg, at: Pos, path: DocPath = (), hint: Msg | None = None) -> None:
        super().__init__(str(text))
        self.diagnostic = diagnostic(code, text, "", at[0], at[1], path, hint)


def escape_error(loader: Any) -> yaml.MarkedYAMLError:
    # PyYAML's pure scanner lets chr() fail on escapes such as "\UFFFFFFFF"; word it as libyaml does.
    mark = loader.get_mark() if hasattr(loader, "get_mark") else None
    return yaml.MarkedYAMLError(problem="found invalid Unicode character escape code", problem_mark=mark)


def python_error(text: str) -> yaml.YAMLError | None:
    """The error the pure-Python parser finds in ``text``, or None."""
    loader: Any = None
    try:
        loader = PyLoader(text)
        while not isinstance(loader.get_event(), yaml.StreamEndEvent):
            pass
    except yaml.YAMLError as exc:
        return exc
    except (ValueError, OverflowError):
        return escape_error(loader) if loader is not None else None
    finally:
        if loader is not None:
            loader.dispose()
    return None


def _python_twin(exc: yaml.YAMLError, lines: Lines) -> yaml.YAMLError:
    """The pure-Python parser's version of a libyaml error, so every install reports the same thing.

    libyaml words (and sometimes places) errors differently. We re-read the text up to a little past
    its error with the pure-Python parser and keep libyaml's error only if that finds nothing earlier.
    """
    if isinstance(exc, yaml.reader.ReaderError):  # libyaml counts bytes, we count characters
        exc.position = len(lines.text.encode()[: exc.position].decode(errors="ignore"))
        row = lines.pos(exc.position)[0] - 1
    else:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        row = mark.line if mark is not None else len(lines.starts)
    again = python_error(lines.text[: lines.starts[row + 10] if row + 10 < len(lines.starts) else None])
    again_mark = getattr(again, "problem_mark", None)
    return again if again is not None and (again_mark is None or again_mark.line <= row) else exc


def syntax_error(exc: yaml.YAMLError, lines: Lines, loader_cls: type[Any]) -> Stop:
    """The stop for a parser error, worded by PyYAML whichever parser found it."""
    if loader_cls is not PyLoader:
        exc = _python_twin(exc, lines)
    if isinstance(exc, yaml.reader.ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        text = msg("yaml-syntax.character", code=f"{code:04x}", reason=_parser_words(exc.reason))
        return Stop("yaml-syntax", text, lines.pos(exc.position))
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Stop("yaml-syntax", msg("yaml-syntax", detail=str(exc)), (1, 1))
    mark = exc.problem_mark or exc.context_mark
    at = mark_position(mark) if mark is not None else (1, 1)
    indent = _TAB_INDENT.match(lines.line(at[0]))
    if indent is not None and "\t" in indent.group():
        where = (at[0], indent.group().index("\t") + 1)
        return Stop("tab-indent", msg("tab-indent"), where, hint=msg("tab-indent.hint"))
    detail: Msg = msg("yaml-syntax", detail=_parser_words(exc.problem or exc.context or "invalid YAML"))
    if exc.problem and exc.context and exc.context_mark is not None and mark_position(exc.context_mark) != at:
        line, column = mark_position(exc.context_mark)
        context = _parser_words(exc.context)
        detail = msg("yaml-syntax.context", problem=detail, context=context, line=line, column=column)
    return Stop("yaml-syntax", detail, at)


def _parser_words(text: str) -> str:
    """The parser's own words, with the tokens it names said as a user sees them (the
    parser's English is kept: the catalogue frames it, it does not translate PyYAML)."""
    for old, new in _WORDING:
        text = text.replace(old, new)
    return text
