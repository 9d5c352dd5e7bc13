"""A private, safe YAML loader that knows the line and column of every key and value.

Only plain data comes out: dict (string keys), list, str, int, float, bool and None. Scalars follow
PyYAML's safe YAML 1.1 rules (so ``yes``/``no``/``on``/``off`` are booleans and ``<<`` merges
mappings), except that timestamps stay the text they were written as (``2026-01-01`` is
``"2026-01-01"``). Every problem becomes a located :class:`~criteria_engine.errors.Diagnostic`
inside a :class:`~criteria_engine.errors.LoadError`; nothing else escapes, whatever the input.

We compose the node graph from the parser's events ourselves instead of calling ``yaml.compose``:
both PyYAML composers recurse once per nesting level (the pure one dies of RecursionError near 500
levels, the libyaml one crashes the process near 100 000), while ours stops at :data:`MAX_DEPTH`,
counts nodes, and remembers where each alias was written.

This module holds the public surface and the loading steps; the parts live in private modules:
:mod:`._yaml_loaders` (PyYAML loader classes and tags), :mod:`._yaml_compose` (events to node
graph), :mod:`._yaml_build` (node graph to plain data and positions), :mod:`._yaml_errors` (why a
load stops, parser errors worded alike) and :mod:`._yaml_positions` (line and column arithmetic).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Diagnostic, DocPath, LoadError, diagnostic, os_reason
from ..messages import msg
from ._yaml_build import Builder
from ._yaml_compose import Composer, MapNode, Node, ScalarNode, SeqNode
from ._yaml_errors import Stop, escape_error, python_error, syntax_error
from ._yaml_loaders import LOADER, NULL_TAG, PyLoader
from ._yaml_loaders import LOADERS as LOADERS  # every loader class load_text may use; tests run each
from ._yaml_positions import Lines, Pos, block_offset, flow_spots
from ._yaml_positions import ScalarSource as ScalarSource

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64  # nested collections, aliases and merges included
MAX_NODES = 200_000  # node visits while building the data: bounds alias expansion ("billion laughs")


@dataclass(frozen=True)
class SourceMap:
    """Positions of every path of one loaded document."""

    file: str
    _keys: Mapping[DocPath, Pos] = field(default_factory=dict, repr=False, compare=False)
    _values: Mapping[DocPath, Pos] = field(default_factory=dict, repr=False, compare=False)
    _scalars: Mapping[DocPath, ScalarSource] = field(default_factory=dict, repr=False, compare=False)
    _strings: Mapping[DocPath, str] = field(default_factory=dict, repr=False, compare=False)

    def _nearest(self, path: DocPath, *tables: Mapping[DocPath, Pos]) -> Pos:
        for size in range(len(path), -1, -1):
            for table in tables:
                if (found := table.get(path[:size])) is not None:
                    return found
        return (1, 1)

    def position(self, path: DocPath) -> Pos:
        """1-based (line, column) of the node at ``path``: the key token for a mapping entry.

        Falls back to the nearest known ancestor, then to (1, 1).
        """
        return self._nearest(path, self._keys, self._values)

    def value_position(self, path: DocPath) -> Pos:
        """1-based (line, column) of the value node at ``path``, with the same fallback."""
        return self._nearest(path, self._values)

    def scalar(self, path: DocPath) -> ScalarSource | None:
        """The source of the scalar at ``path``, or None when ``path`` holds no scalar."""
        return self._scalars.get(path)

    def offset_position(self, path: DocPath, offset: int) -> Pos:
        """File (line, column) of character ``offset`` of the string value at ``path``.

        Exact for plain and quoted scalars (escapes and folded lines included) and literal ``|``
        blocks; best effort for folded ``>`` blocks. ``offset == len(value)`` is the spot just after
        the last character. Anything else falls back to :meth:`value_position`.
        """
        src, value = self._scalars.get(path), self._strings.get(path)
        found: Pos | None = None
        if src is not None and value is not None and 0 <= offset <= len(value):
            if src.style in ("|", ">"):
                found = block_offset(src, value, offset)
            else:
                spots = flow_spots(src)
                found = spots[min(offset, len(spots) - 1)]
        return found or self.value_position(path)

    def locate(self, diagnostic: Diagnostic) -> Diagnostic:
        """The diagnostic placed at its path's :meth:`position` in this file."""
        return diagnostic.located(self.file, *self.position(diagnostic.path))

    def paths(self) -> Iterable[DocPath]:
        """Every path of the document, the root ``()`` included."""
        return iter(self._values)


@dataclass(frozen=True)
class LoadedDocument:
    """A loaded file: its plain data and where each part of it was written."""

    file: str
    data: object
    source: SourceMap


def _too_large() -> Stop:
    return Stop("file-too-large", msg("file-too-large", limit=MAX_FILE_BYTES), (1, 1))


def _decode(text: str | bytes) -> str:
    """The text as str without a BOM; too large or not UTF-8 stops here."""
    if isinstance(text, str):
        try:  # the cheap length test first: a character is at least one byte
            if len(text) > MAX_FILE_BYTES or len(text.encode()) > MAX_FILE_BYTES:
                raise _too_large()
        except UnicodeEncodeError as exc:
            problem = msg("not-utf8.surrogate", char=repr(text[exc.start]))
            raise Stop("not-utf8", problem, Lines(text).pos(exc.start)) from None
        return text.removeprefix("\ufeff")
    if len(text) > MAX_FILE_BYTES:
        raise _too_large()
    data = bytes(text).removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode()
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode()
        problem = msg("not-utf8", byte=f"{data[exc.start]:02x}")
        raise Stop("not-utf8", problem, Lines(good).pos(len(good)), hint=msg("not-utf8.hint")) from None


def _root(root: Node | None, allow_list: bool) -> MapNode | SeqNode:
    if root is None or (isinstance(root, ScalarNode) and root.tag == NULL_TAG and not root.source.text):
        raise Stop("empty-file", msg("empty-file"), (1, 1), hint=msg("empty-file.hint"))
    if isinstance(root, MapNode) or (allow_list and isinstance(root, SeqNode)):
        return root
    wanted = msg("yaml.mapping-or-list" if allow_list else "yaml.mapping")
    what = msg("yaml.list" if isinstance(root, SeqNode) else "yaml.single")
    raise Stop("not-a-mapping", msg("not-a-mapping", wanted=wanted, what=what), root.start)


def _load(text: str | bytes, file: str, loader_cls: type[Any], allow_list: bool = False) -> LoadedDocument:
    loader: Any = None
    builder = Builder(None, MAX_DEPTH, MAX_NODES)
    try:
        source = _decode(text)
        lines = Lines(source)
        try:
            loader = loader_cls(source)  # the pure-Python reader rejects bad characters right here
            root = Composer(loader, lines, MAX_DEPTH, MAX_NODES).document()
            # libyaml accepts tabs in places PyYAML refuses (inside plain scalars, before comments):
            # refuse them with either parser, so a file does not pass on one machine and fail on another.
            if loader_cls is not PyLoader and "\t" in source and (again := python_error(source)):
                raise syntax_error(again, lines, PyLoader)
            root = _root(root, allow_list)
        except yaml.YAMLError as exc:
            if loader_cls is not PyLoader and "nesting depth" in str(getattr(exc, "problem", "")):
                # Newer libyaml stops at its own depth limit (1000) before our composer stops at
                # MAX_DEPTH: read again with the pure-Python parser, whose events our composer
                # bounds, so every install reports the same too-deep problem at the same place.
                return _load(text, file, PyLoader, allow_list)
            raise syntax_error(exc, lines, loader_cls) from None
        except (ValueError, OverflowError):
            raise syntax_error(escape_error(loader), lines, loader_cls) from None
        builder.loader = loader
        data = builder.value(root, (), 0, None)
    except Stop as stop:
        builder.diagnostics = [stop.diagnostic]
    finally:
        if loader is not None:
            loader.dispose()
    if builder.diagnostics:
        raise LoadError([d.located(file, d.line, d.column) for d in builder.diagnostics])
    source_map = SourceMap(file, builder.keys, builder.values, builder.scalars, builder.strings)
    return LoadedDocument(file, data, source_map)


def load_text(text: str | bytes, file: str = "<string>", *, allow_list: bool = False) -> LoadedDocument:
    """Load the one YAML document in ``text`` (bytes must be UTF-8); raise :class:`LoadError`.

    The top level must be a mapping, or with ``allow_list`` a mapping or a list (examples files).
    """
    return _load(text, file, LOADER, allow_list)


def load_file(path: str | os.PathLike[str], *, allow_list: bool = False) -> LoadedDocument:
    """Load the one YAML document of a UTF-8 file of at most :data:`MAX_FILE_BYTES`, as :func:`load_text`."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            # Check the size before reading anything; then read one byte more than allowed anyway,
            # as pipes and special files report no size.
            too_large = os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES
            raw = b"" if too_large else handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        error = diagnostic("file-unreadable", msg("file-unreadable", reason=os_reason(exc)), name, 1, 1)
        raise LoadError([error]) from None
    if too_large:
        raise LoadError([_too_large().diagnostic.located(name, 1, 1)])
    return _load(raw, name, LOADER, allow_list)
