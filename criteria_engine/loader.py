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
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from .errors import Diagnostic, DocPath, LoadError

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64  # nested collections, aliases and merges included
MAX_NODES = 200_000  # node visits while building the data: bounds alias expansion ("billion laughs")

_Pos = tuple[int, int]
_Y = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _MERGE, _NULL = (_Y + name for name in ("str", "map", "seq", "merge", "null"))
_KIND = {_Y + "int": "a number", _Y + "float": "a number", _Y + "bool": "a boolean", _NULL: "null"}
_AS_TEXT = (_Y + "timestamp", _Y + "value", _MERGE)  # dates stay text; so do '=' and a stray '<<'
_SCALAR_TAGS = {_STR, *_AS_TEXT, *_KIND}
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # YAML 1.1 line breaks, as PyYAML and libyaml count them
# A node's properties, '&anchor' and '!tag', with the blanks and comments around them.
_PROPERTY = re.compile(r"\s*(?:#[^\n\r]*\s*)*(?:!<[^>]*>|[&!][^\s,\[\]{}]*)\s*(?:#[^\n\r]*\s*)*")
_TAB_INDENT = re.compile(r"(?:[ \t]|[-?:](?=[ \t]))*")  # leading blanks and block indicators
_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}
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


def _construct_str(loader: object, node: yaml.ScalarNode) -> str:
    return str(node.value)


class _PyLoader(yaml.SafeLoader):
    """PyYAML's pure-Python safe loader with our scalar rules; PyYAML's own loaders stay untouched."""

    yaml_constructors: ClassVar[dict[Any, Any]] = dict(yaml.SafeLoader.yaml_constructors)


_LOADERS: tuple[type[Any], ...] = (_PyLoader,)
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(yaml.CSafeLoader):
        """The libyaml twin of :class:`_PyLoader`: same rules, faster parsing."""

        yaml_constructors: ClassVar[dict[Any, Any]] = dict(yaml.CSafeLoader.yaml_constructors)

    _LOADERS = (_CLoader, _PyLoader)
for _loader in _LOADERS:
    for _tag in _AS_TEXT:
        _loader.add_constructor(_tag, _construct_str)
_LOADER: type[Any] = _LOADERS[0]


@dataclass(frozen=True)
class ScalarSource:
    """Where a scalar's text sits in the file (after any ``&anchor`` or ``!tag``)."""

    line: int  # 1-based line of the scalar's first character (the quote for quoted scalars)
    column: int  # 1-based column of the same
    style: str  # "" plain, "'", '"', "|", ">"
    text: str  # the raw source slice of the scalar, as written


@dataclass(frozen=True)
class SourceMap:
    """Positions of every path of one loaded document."""

    file: str
    _keys: Mapping[DocPath, _Pos] = field(default_factory=dict, repr=False, compare=False)
    _values: Mapping[DocPath, _Pos] = field(default_factory=dict, repr=False, compare=False)
    _scalars: Mapping[DocPath, ScalarSource] = field(default_factory=dict, repr=False, compare=False)
    _strings: Mapping[DocPath, str] = field(default_factory=dict, repr=False, compare=False)

    def _nearest(self, path: DocPath, *tables: Mapping[DocPath, _Pos]) -> _Pos:
        for size in range(len(path), -1, -1):
            for table in tables:
                if (found := table.get(path[:size])) is not None:
                    return found
        return (1, 1)

    def position(self, path: DocPath) -> _Pos:
        """1-based (line, column) of the node at ``path``: the key token for a mapping entry.

        Falls back to the nearest known ancestor, then to (1, 1).
        """
        return self._nearest(path, self._keys, self._values)

    def value_position(self, path: DocPath) -> _Pos:
        """1-based (line, column) of the value node at ``path``, with the same fallback."""
        return self._nearest(path, self._values)

    def scalar(self, path: DocPath) -> ScalarSource | None:
        """The source of the scalar at ``path``, or None when ``path`` holds no scalar."""
        return self._scalars.get(path)

    def offset_position(self, path: DocPath, offset: int) -> _Pos:
        """File (line, column) of character ``offset`` of the string value at ``path``.

        Exact for plain and quoted scalars (escapes and folded lines included) and literal ``|``
        blocks; best effort for folded ``>`` blocks. ``offset == len(value)`` is the spot just after
        the last character. Anything else falls back to :meth:`value_position`.
        """
        src, value = self._scalars.get(path), self._strings.get(path)
        found: _Pos | None = None
        if src is not None and value is not None and 0 <= offset <= len(value):
            if src.style in ("|", ">"):
                found = _block_offset(src, value, offset)
            else:
                spots = _flow_spots(src)
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


def _flow_spots(src: ScalarSource) -> list[_Pos]:
    """Position of each character of a plain or quoted scalar's value, then one past the end.

    Mirrors YAML folding: a line break becomes a space, or one newline per blank line; blanks
    around a break vanish; in double quotes an escape is one character and ``\\`` + break joins.
    """
    quote = src.style if src.style in ("'", '"') else ""
    rows = _BREAK.split(src.text[1:-1] if quote else src.text)
    spots: list[_Pos] = []
    blanks: list[_Pos] = []
    joined, end = False, (src.line, src.column)
    for j, raw in enumerate(rows):
        line, base = src.line + j, (src.column + len(quote) if j == 0 else 1)
        low = 0 if j == 0 else len(raw) - len(raw.lstrip(" \t"))
        if 0 < j < len(rows) - 1 and low == len(raw):
            blanks.append((line, 1))
            continue
        if j > 0:
            spots.extend(blanks or ([] if joined else [end]))
            blanks = []
        high, joined = len(raw), False
        if j < len(rows) - 1:
            if quote == '"' and (len(raw) - len(raw.rstrip("\\"))) % 2:
                high, joined = high - 1, True
            else:
                high = len(raw.rstrip(" \t"))
        i = low
        while i < high:
            spots.append((line, base + i))
            if quote == '"' and raw[i] == "\\":
                i += _ESCAPE_WIDTH.get(raw[i + 1 : i + 2], 2)
            else:
                i += 2 if quote == "'" and raw.startswith("''", i) else 1
        end = (line, base + high)
    spots.append(end)
    return spots


def _block_offset(src: ScalarSource, value: str, offset: int) -> _Pos | None:
    """Position of ``value[offset]`` in a block scalar, whose content starts after the header line."""
    content = _BREAK.split(src.text)[1:]
    first = next((row for row in content if row.strip(" ")), None)
    if first is None:
        return None
    # The indentation is what the first content line loses in the value, explicit indicator or not.
    body = value.lstrip("\n")
    indent = max(0, len(first) - len(first.lstrip(" ")) - (len(body) - len(body.lstrip(" "))))
    top = src.line + 1
    if src.style == "|":  # literal: value lines are the content lines minus the indentation
        if offset == len(value) and value.endswith("\n"):
            offset -= 1  # the end is after the last line, not below it
        return top + value.count("\n", 0, offset), indent + offset - value.rfind("\n", 0, offset)
    # Folded: each content line appears, in order, in the value; some breaks became spaces.
    at, end = 0, None
    for row, raw in enumerate(content):
        piece = raw[indent:]
        found = value.find(piece, at) if raw.strip(" ") else -1
        if found < 0:
            continue
        if offset < found:
            return end or (top + row, indent + 1)
        if offset < found + len(piece):
            return top + row, indent + offset - found + 1
        at, end = found + len(piece), (top + row, indent + len(piece) + 1)
    return end


class _Lines:
    """Converts between character offsets in the text and 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def offset(self, mark: Any) -> int:
        return min(self.starts[min(int(mark.line), len(self.starts) - 1)] + int(mark.column), len(self.text))

    def pos(self, offset: int) -> _Pos:
        row = bisect.bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1

    def line(self, number: int) -> str:
        if not 0 < number <= len(self.starts):
            return ""
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return _BREAK.sub("", self.text[self.starts[number - 1] : end])


class _Stop(Exception):
    """Loading cannot go on; the diagnostic says why."""

    def __init__(
        self, code: str, message: str, at: _Pos, path: DocPath = (), hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(code, message, "", at[0], at[1], path, hint)


def _at(mark: Any) -> _Pos:
    return (mark.line + 1, mark.column + 1)


@dataclass(eq=False, slots=True)
class _Scalar:
    tag: str
    value: str
    start: _Pos  # where the node begins, '&anchor' and '!tag' included
    source: ScalarSource


@dataclass(eq=False, slots=True)
class _Seq:
    tag: str
    start: _Pos
    items: list[_Node]


@dataclass(eq=False, slots=True)
class _Map:
    tag: str
    start: _Pos
    pairs: list[tuple[_Node, _Node]]


@dataclass(eq=False, slots=True)
class _Alias:
    target: _Scalar | _Seq | _Map
    start: _Pos  # where '*name' was written


_Node = _Scalar | _Seq | _Map | _Alias


def _deref(node: _Node) -> _Scalar | _Seq | _Map:
    return node.target if isinstance(node, _Alias) else node


class _Composer:
    """Builds the node graph from parser events, bounded in depth and size, aliases checked."""

    def __init__(self, loader: Any, lines: _Lines) -> None:
        self.loader, self.lines, self.count = loader, lines, 0
        self.anchors: dict[str, _Scalar | _Seq | _Map] = {}
        self.open: set[str] = set()  # anchors whose node is still being composed

    def document(self) -> _Node | None:
        self.loader.get_event()  # stream start
        if self.loader.check_event(yaml.StreamEndEvent):
            return None
        self.loader.get_event()  # document start
        root = self.node(0)
        self.loader.get_event()  # document end
        if not self.loader.check_event(yaml.StreamEndEvent):
            at = _at(self.loader.get_event().start_mark)
            message = "the file holds more than one YAML document"
            raise _Stop("multiple-documents", message, at, hint="keep one document per file")
        return root

    def node(self, depth: int) -> _Node:
        event = self.loader.get_event()
        start, name = _at(event.start_mark), event.anchor
        if isinstance(event, yaml.AliasEvent):
            if name in self.open:  # PyYAML would build a cyclic graph here
                raise _Stop("recursive-alias", f"alias '*{name}' is used inside its own anchor", start)
            if name not in self.anchors:
                raise _Stop("undefined-alias", f"alias '*{name}' has no anchor '&{name}' before it", start)
            return _Alias(self.anchors[name], start)
        self.count += 1
        if self.count > MAX_NODES:
            raise _Stop("too-many-nodes", f"the document has more than {MAX_NODES} nodes", start)
        if name is not None and (name in self.anchors or name in self.open):
            raise _Stop("duplicate-anchor", f"anchor '&{name}' is defined twice", start)
        tag = None if event.tag in (None, "!") else str(event.tag)
        node: _Scalar | _Seq | _Map
        if isinstance(event, yaml.ScalarEvent):  # '!' means "not resolved": a string, as libyaml says
            tag = tag or (
                _STR if event.tag else self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            )
            node = _Scalar(str(tag), event.value, start, self.source(event))
        else:
            if depth >= MAX_DEPTH:
                raise _Stop("too-deep", f"the document nests deeper than {MAX_DEPTH} levels", start)
            if name is not None:
                self.open.add(name)
            if isinstance(event, yaml.SequenceStartEvent):
                node = _Seq(tag or _SEQ, start, [])
                while not self.loader.check_event(yaml.SequenceEndEvent):
                    node.items.append(self.node(depth + 1))
            else:
                node = _Map(tag or _MAP, start, [])
                while not self.loader.check_event(yaml.MappingEndEvent):
                    node.pairs.append((self.node(depth + 1), self.node(depth + 1)))
            self.loader.get_event()  # collection end
            self.open.discard(name)
        if name is not None:
            self.anchors[name] = node
        return node

    def source(self, event: Any) -> ScalarSource:
        start, stop = self.lines.offset(event.start_mark), self.lines.offset(event.end_mark)
        if event.anchor is not None or event.tag is not None:  # the event starts at '&a' or '!!str'
            while (found := _PROPERTY.match(self.lines.text, start, stop)) is not None:
                start = found.end()
        return ScalarSource(*self.lines.pos(start), event.style or "", self.lines.text[start:stop])


class _Builder:
    """Walks the node graph into plain data, recording positions and collecting diagnostics."""

    def __init__(self, loader: Any) -> None:
        self.loader, self.count = loader, 0
        self.diagnostics: list[Diagnostic] = []
        self.keys: dict[DocPath, _Pos] = {}
        self.values: dict[DocPath, _Pos] = {}
        self.scalars: dict[DocPath, ScalarSource] = {}
        self.strings: dict[DocPath, str] = {}

    def report(self, code: str, message: str, at: _Pos, path: DocPath, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(code, message, "", at[0], at[1], path, hint))

    def tick(self, node: _Scalar | _Seq | _Map, via: _Pos | None) -> None:
        self.count += 1  # every visit counts: each alias walks its anchor's whole subtree again
        if self.count > MAX_NODES:
            message = f"the document expands to more than {MAX_NODES} nodes"
            raise _Stop("too-many-nodes", message, via or node.start, hint="use fewer nested aliases")

    def value(self, ref: _Node, path: DocPath, depth: int, via: _Pos | None) -> object:
        """Plain data for ``ref``; ``via`` is where the outermost alias on the way was written."""
        node = _deref(ref)
        via = via or (ref.start if node is not ref else None)
        self.tick(node, via)
        self.values[path] = ref.start  # an alias's own place: that is where this path is written
        if isinstance(node, _Scalar):
            if node is ref:
                self.values[path] = (node.source.line, node.source.column)
            self.scalars[path] = node.source
            data = self.scalar(node, path)
            if isinstance(data, str):
                self.strings[path] = data
            return data
        if depth >= MAX_DEPTH:  # aliases can nest deeper than the text does
            raise _Stop("too-deep", f"the document nests deeper than {MAX_DEPTH} levels", via or node.start)
        if node.tag not in (_SEQ, _MAP):
            self.report("unsupported-tag", _tag_message(node.tag), node.start, path, "remove the tag")
        if isinstance(node, _Seq):
            return [self.value(item, (*path, i), depth + 1, via) for i, item in enumerate(node.items)]
        out: dict[str, object] = {}
        for key, (key_node, value_node) in self.entries(node, path, depth, via).items():
            self.keys[(*path, key)] = (key_node.source.line, key_node.source.column)
            out[key] = self.value(value_node, (*path, key), depth + 1, via)
        return out

    def entries(
        self, node: _Map, path: DocPath, depth: int, via: _Pos | None
    ) -> dict[str, tuple[_Scalar, _Node]]:
        """Key -> (key node, value node), '<<' merges resolved as PyYAML's SafeLoader does."""
        merged: dict[str, tuple[_Scalar, _Node]] = {}
        own: dict[str, tuple[_Scalar, _Node]] = {}
        for key_ref, value_ref in node.pairs:
            key_node = _deref(key_ref)
            self.tick(key_node, via)
            if not isinstance(key_node, _Scalar):
                message = "a collection cannot be a key; keys must be strings"
                self.report("non-string-key", message, key_node.start, path)
            elif key_node.tag == _MERGE:
                if depth >= MAX_DEPTH:
                    raise _Stop("too-deep", f"merges nest deeper than {MAX_DEPTH} levels", key_node.start)
                for source in self.merge_sources(value_ref, path):
                    for name, pair in self.entries(source, path, depth + 1, via).items():
                        merged.setdefault(name, pair)  # the first mapping merged wins
            elif (key := self.key(key_node, path)) is None:
                continue
            elif key in own:
                message = f"duplicate key {key!r} (first defined at line {own[key][0].source.line})"
                at = (key_node.source.line, key_node.source.column)
                self.report("duplicate-key", message, at, (*path, key), "keep only one of them")
            else:
                own[key] = (key_node, value_ref)
        merged.update(own)  # explicit keys win over merged ones
        return merged

    def merge_sources(self, ref: _Node, path: DocPath) -> list[_Map]:
        """The mappings a '<<' merges: one mapping, or a list of them."""
        node = _deref(ref)
        found = [_deref(item) for item in (node.items if isinstance(node, _Seq) else [node])]
        if all(isinstance(source, _Map) for source in found):
            return [source for source in found if isinstance(source, _Map)]
        self.report("bad-merge", "'<<' merges a mapping or a list of mappings only", ref.start, path)
        return []

    def key(self, node: _Scalar, path: DocPath) -> str | None:
        data = self.scalar(node, path)
        if isinstance(data, str):
            return data
        text, kind = node.source.text, _KIND.get(node.tag, "not a string")
        hint = f'quote the key: "{text}"' if text else "write a key before the ':'"
        self.report(
            "non-string-key", f"key {text!r} is read as {kind}; keys must be strings", node.start, path, hint
        )
        return None

    def scalar(self, node: _Scalar, path: DocPath) -> object:
        if node.tag == _STR:  # the common case, and what alias bombs are made of
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self.report("unsupported-tag", _tag_message(node.tag), node.start, path, "remove the tag")
            return node.value
        try:
            return self.loader.yaml_constructors[node.tag](self.loader, yaml.ScalarNode(node.tag, node.value))
        except (ValueError, KeyError, TypeError, OverflowError):  # `!!int x`, `!!bool maybe`, 5000 digits
            message = f"{node.value!r} cannot be read as {node.tag.removeprefix(_Y)}"
            self.report("bad-scalar", message, node.start, path, "quote it to keep it as text")
            return node.value


def _tag_message(tag: str) -> str:
    return f"unsupported tag '{tag.replace(_Y, '!!', 1)}'; only plain data is allowed"


def _escape_error(loader: Any) -> yaml.MarkedYAMLError:
    # PyYAML's pure scanner lets chr() fail on escapes such as "\UFFFFFFFF"; word it as libyaml does.
    mark = loader.get_mark() if hasattr(loader, "get_mark") else None
    return yaml.MarkedYAMLError(problem="found invalid Unicode character escape code", problem_mark=mark)


def _python_error(text: str) -> yaml.YAMLError | None:
    """The error the pure-Python parser finds in ``text``, or None."""
    loader: Any = None
    try:
        loader = _PyLoader(text)
        while not isinstance(loader.get_event(), yaml.StreamEndEvent):
            pass
    except yaml.YAMLError as exc:
        return exc
    except (ValueError, OverflowError):
        return _escape_error(loader) if loader is not None else None
    finally:
        if loader is not None:
            loader.dispose()
    return None


def _python_twin(exc: yaml.YAMLError, lines: _Lines) -> yaml.YAMLError:
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
    again = _python_error(lines.text[: lines.starts[row + 10] if row + 10 < len(lines.starts) else None])
    again_mark = getattr(again, "problem_mark", None)
    return again if again is not None and (again_mark is None or again_mark.line <= row) else exc


def _syntax(exc: yaml.YAMLError, lines: _Lines, loader_cls: type[Any]) -> _Stop:
    """The stop for a parser error, worded by PyYAML whichever parser found it."""
    if loader_cls is not _PyLoader:
        exc = _python_twin(exc, lines)
    if isinstance(exc, yaml.reader.ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return _Stop(
            "yaml-syntax", f"unacceptable character #x{code:04x}: {exc.reason}", lines.pos(exc.position)
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return _Stop("yaml-syntax", str(exc), (1, 1))
    mark = exc.problem_mark or exc.context_mark
    at = _at(mark) if mark is not None else (1, 1)
    indent = _TAB_INDENT.match(lines.line(at[0]))
    if indent is not None and "\t" in indent.group():
        message = "tab character in indentation; YAML indents with spaces only"
        return _Stop(
            "tab-indent", message, (at[0], indent.group().index("\t") + 1), hint="indent with spaces"
        )
    message = exc.problem or exc.context or "invalid YAML"
    if exc.problem and exc.context and exc.context_mark is not None and _at(exc.context_mark) != at:
        message += " ({} at line {}, column {})".format(exc.context, *_at(exc.context_mark))
    for old, new in _WORDING:
        message = message.replace(old, new)
    return _Stop("yaml-syntax", message, at)


def _too_large() -> _Stop:
    return _Stop("file-too-large", f"the file is larger than {MAX_FILE_BYTES} bytes", (1, 1))


def _decode(text: str | bytes) -> str:
    """The text as str without a BOM; too large or not UTF-8 stops here."""
    if isinstance(text, str):
        try:  # the cheap length test first: a character is at least one byte
            if len(text) > MAX_FILE_BYTES or len(text.encode()) > MAX_FILE_BYTES:
                raise _too_large()
        except UnicodeEncodeError as exc:
            message = f"the text is not valid UTF-8: lone surrogate {text[exc.start]!r}"
            raise _Stop("not-utf8", message, _Lines(text).pos(exc.start)) from None
        return text.removeprefix("\ufeff")
    if len(text) > MAX_FILE_BYTES:
        raise _too_large()
    data = bytes(text).removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode()
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode()
        message = f"the file is not valid UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded"
        raise _Stop("not-utf8", message, _Lines(good).pos(len(good)), hint="save the file as UTF-8") from None


def _root(root: _Node | None, allow_list: bool) -> _Map | _Seq:
    if root is None or (isinstance(root, _Scalar) and root.tag == _NULL and not root.source.text):
        raise _Stop("empty-file", "the file is empty", (1, 1), hint="write a mapping of keys to values")
    if isinstance(root, _Map) or (allow_list and isinstance(root, _Seq)):
        return root
    wanted = "a mapping or a list" if allow_list else "a mapping of keys to values"
    what = "a list" if isinstance(root, _Seq) else "a single value"
    raise _Stop("not-a-mapping", f"the top level must be {wanted}, not {what}", root.start)


def _load(text: str | bytes, file: str, loader_cls: type[Any], allow_list: bool = False) -> LoadedDocument:
    loader: Any = None
    builder = _Builder(None)
    try:
        source = _decode(text)
        lines = _Lines(source)
        try:
            loader = loader_cls(source)  # the pure-Python reader rejects bad characters right here
            root = _Composer(loader, lines).document()
            # libyaml accepts tabs in places PyYAML refuses (inside plain scalars, before comments):
            # refuse them with either parser, so a file does not pass on one machine and fail on another.
            if loader_cls is not _PyLoader and "\t" in source and (again := _python_error(source)):
                raise _syntax(again, lines, _PyLoader)
            root = _root(root, allow_list)
        except yaml.YAMLError as exc:
            raise _syntax(exc, lines, loader_cls) from None
        except (ValueError, OverflowError):
            raise _syntax(_escape_error(loader), lines, loader_cls) from None
        builder.loader = loader
        data = builder.value(root, (), 0, None)
    except _Stop as stop:
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
    return _load(text, file, _LOADER, allow_list)


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
        error = Diagnostic("file-unreadable", f"cannot read the file: {exc.strerror or exc}", name, 1, 1)
        raise LoadError([error]) from None
    if too_large:
        raise LoadError([_too_large().diagnostic.located(name, 1, 1)])
    return _load(raw, name, _LOADER, allow_list)
