"""Writing generated Python a maintainer can read: named locals, short lines, a map to the YAML.

* **Names**: each name of the set (an input, a parameter, a derived value...) becomes a local
  of the same name (``is_poor_or_near_poor``), so the code reads like the file. A name that
  is a Python keyword or starts with ``_`` gets a suffix (``class_``, ``u_x``): every name the
  generator itself uses starts with ``_``, so the two never meet. A criterion ``B1`` keeps its
  verdict in ``_v_B1`` and its points in ``_p_B1``.
* **Lines**: a statement that would make a line longer than :data:`WIDTH` is broken between
  tokens inside its brackets (the tokenizer finds the places), with a hanging indent.
* **Where each line comes from**: a statement written for a place of the file (a rule, a
  derived value, a band...) ends with ``# <file>:<line>`` and is recorded in
  :attr:`Writer.origins` (generated line -> the file, its line and the document path), so a
  traceback through the generated code shows the YAML line, and tools can map back.
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..errors import DocPath

WIDTH = 118
"""The longest line written where it can be helped (the ``# file:line`` comment included)."""
INDENT = "    "

Locate = Callable[[DocPath], int]
"""The YAML line of a document path (0 when unknown)."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a generated line comes from: the set's file, the line in it, the document path."""

    file: str
    line: int
    path: DocPath


def safe_local(name: str, taken: set[str]) -> str:
    """A local variable for the set's ``name``: itself when it can be, else with a suffix."""
    local = name
    if keyword.iskeyword(local) or keyword.issoftkeyword(local):
        local = f"{local}_"
    if local.startswith("_"):
        local = f"u{local}"
    return _distinct(local, taken)


def _distinct(base: str, taken: set[str]) -> str:
    """``base``, or ``base_2``, ``base_3``... the first not taken (then taken)."""
    local, counter = base, 1
    while local in taken:
        counter += 1
        local = f"{base}_{counter}"
    taken.add(local)
    return local


def local_names(names: Iterable[str]) -> dict[str, str]:
    """Every name of the set -> its local variable (distinct, never starting with ``_``)."""
    taken: set[str] = set()
    return {name: safe_local(name, taken) for name in names}


def tag(text: str, taken: set[str]) -> str:
    """An identifier fragment for a criterion id (``B1``, ``KT-2.1`` -> ``KT_2_1``), distinct."""
    return _distinct(re.sub(r"[^A-Za-z0-9_]", "_", text), taken)


def _tokens(code: str) -> list[tokenize.TokenInfo] | None:
    try:
        return [
            t
            for t in tokenize.generate_tokens(io.StringIO(code).readline)
            if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT)
        ]
    except (tokenize.TokenError, SyntaxError):
        return None


_NO_BREAK_BEFORE = frozenset({")", "]", "}", ",", ".", ":", ":="})


def wrap(code: str, indent: str, width: int = WIDTH) -> list[str]:
    """``code`` (one statement, no indent) as lines of at most ``width`` columns where it can:
    broken between tokens inside brackets, continuation lines indented two levels deeper."""
    if len(indent) + len(code) <= width:
        return [indent + code]
    tokens = _tokens(code)
    if tokens is None:
        return [indent + code]
    # A break may come before a token inside brackets; the text from one such place to the
    # next must fit on the line it starts on.
    depth = 0
    breakable: list[bool] = []
    previous = ""
    for token in tokens:
        piece = token.string
        breakable.append(depth > 0 and piece not in _NO_BREAK_BEFORE and previous != ".")
        previous = piece
        if token.type == tokenize.OP and piece in "([{":
            depth += 1
        elif token.type == tokenize.OP and piece in ")]}":
            depth -= 1
    starts = [t.start[1] for t in tokens]
    reach = [len(code)] * len(tokens)
    following = len(code)
    for index in range(len(tokens) - 1, -1, -1):
        reach[index] = following
        if breakable[index]:
            following = starts[index]
    lines: list[str] = []
    current = indent
    previous_end = 0
    for index, token in enumerate(tokens):
        start = starts[index]
        gap = code[previous_end:start]
        run = code[start : reach[index]].rstrip()
        if breakable[index] and current.strip() and len(current) + len(gap) + len(run) > width:
            lines.append(current.rstrip())
            current = indent + INDENT * 2
            gap = ""
        current += gap + code[start : token.end[1]]
        previous_end = token.end[1]
    lines.append(current.rstrip())
    return lines


class Writer:
    """Collects generated lines, wraps them, and records which YAML place each comes from."""

    def __init__(self, file: str, locate: Locate | None) -> None:
        self.file = file
        self.short = file.replace("\\", "/").rsplit("/", 1)[-1] if file else ""
        self.locate = locate
        self.lines: list[str] = []
        self.origins: dict[int, Origin] = {}

    def __call__(self, code: str, indent: int = 1, at: DocPath | None = None) -> None:
        """Write one statement at ``indent`` levels, from the place ``at`` of the file."""
        line = self.locate(at) if at is not None and self.locate is not None else 0
        comment = f"  # {self.short}:{line}" if line and self.short else ""
        for physical in wrap(code, INDENT * indent, max(60, WIDTH - len(comment))):
            self.lines.append(physical + comment)
            if at is not None:
                self.origins[len(self.lines)] = Origin(self.file, line, at)

    def comment(self, text: str, indent: int = 1) -> None:
        """A comment line (one line; cut to the width)."""
        line = f"{INDENT * indent}# {text}"
        self.lines.append(line if len(line) <= WIDTH else line[: WIDTH - 3] + "...")

    def blank(self) -> None:
        self.lines.append("")

    def extend(self, other: Writer) -> None:
        """Append another writer's lines (keeping their origins)."""
        offset = len(self.lines)
        self.lines.extend(other.lines)
        for number, origin in other.origins.items():
            self.origins[number + offset] = origin

    @property
    def source(self) -> str:
        return "\n".join(self.lines) + "\n"


def describe_path(path: DocPath) -> str:
    """``groups[0].criteria[2].when``: a document path as people read it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def origin_of(origins: Mapping[int, Origin], line: int) -> Origin | None:
    """The origin of a generated line (or of the nearest statement above it)."""
    for number in range(line, 0, -1):
        found = origins.get(number)
        if found is not None:
            return found
    return None


__all__ = [
    "INDENT",
    "WIDTH",
    "Locate",
    "Origin",
    "Writer",
    "describe_path",
    "local_names",
    "origin_of",
    "safe_local",
    "tag",
    "wrap",
]
