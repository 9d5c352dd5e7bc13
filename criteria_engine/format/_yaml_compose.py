"""The node graph of a YAML document, composed from the parser's events.

Used by :mod:`criteria_engine.loader` instead of ``yaml.compose``, which recurses once per nesting
level (see the loader's docstring): ours stops at a depth limit, counts nodes, and remembers where
each alias was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..messages import msg
from ._yaml_errors import Stop
from ._yaml_loaders import MAP_TAG, SEQ_TAG, STR_TAG
from ._yaml_positions import Lines, Pos, ScalarSource, mark_position

# A node's properties, '&anchor' and '!tag', with the blanks and comments around them.
_PROPERTY = re.compile(r"\s*(?:#[^\n\r]*\s*)*(?:!<[^>]*>|[&!][^\s,\[\]{}]*)\s*(?:#[^\n\r]*\s*)*")


@dataclass(eq=False, slots=True)
class ScalarNode:
    tag: str
    value: str
    start: Pos  # where the node begins, '&anchor' and '!tag' included
    source: ScalarSource


@dataclass(eq=False, slots=True)
class SeqNode:
    tag: str
    start: Pos
    items: list[Node]


@dataclass(eq=False, slots=True)
class MapNode:
    tag: str
    start: Pos
    pairs: list[tuple[Node, Node]]


@dataclass(eq=False, slots=True)
class _Alias:
    target: ScalarNode | SeqNode | MapNode
    start: Pos  # where '*name' was written


Node = ScalarNode | SeqNode | MapNode | _Alias


def deref(node: Node) -> ScalarNode | SeqNode | MapNode:
    return node.target if isinstance(node, _Alias) else node


class Composer:
    """Builds the node graph from parser events, bounded in depth and size, aliases checked."""

    def __init__(self, loader: Any, lines: Lines, max_depth: int, max_nodes: int) -> None:
        self.loader, self.lines, self.count = loader, lines, 0
        self.max_depth, self.max_nodes = max_depth, max_nodes  # the loader's MAX_DEPTH, MAX_NODES
        self.anchors: dict[str, ScalarNode | SeqNode | MapNode] = {}
        self.open: set[str] = set()  # anchors whose node is still being composed

    def document(self) -> Node | None:
        self.loader.get_event()  # stream start
        if self.loader.check_event(yaml.StreamEndEvent):
            return None
        self.loader.get_event()  # document start
        root = self.node(0)
        self.loader.get_event()  # document end
        if not self.loader.check_event(yaml.StreamEndEvent):
            at = mark_position(self.loader.get_event().start_mark)
            hint = msg("multiple-documents.hint")
            raise Stop("multiple-documents", msg("multiple-documents"), at, hint=hint)
        return root

    def node(self, depth: int) -> Node:
        event = self.loader.get_event()
        start, name = mark_position(event.start_mark), event.anchor
        if isinstance(event, yaml.AliasEvent):
            if name in self.open:  # PyYAML would build a cyclic graph here
                raise Stop("recursive-alias", msg("recursive-alias", name=name), start)
            if name not in self.anchors:
                raise Stop("undefined-alias", msg("undefined-alias", name=name), start)
            return _Alias(self.anchors[name], start)
        self.count += 1
        if self.count > self.max_nodes:
            raise Stop("too-many-nodes", msg("too-many-nodes", limit=self.max_nodes), start)
        if name is not None and (name in self.anchors or name in self.open):
            raise Stop("duplicate-anchor", msg("duplicate-anchor", name=name), start)
        tag = None if event.tag in (None, "!") else str(event.tag)
        node: ScalarNode | SeqNode | MapNode
        if isinstance(event, yaml.ScalarEvent):  # '!' means "not resolved": a string, as libyaml says
            tag = tag or (
                STR_TAG if event.tag else self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            )
            node = ScalarNode(str(tag), event.value, start, self.source(event))
        else:
            if depth >= self.max_depth:
                raise Stop("too-deep", msg("too-deep", limit=self.max_depth), start)
            if name is not None:
                self.open.add(name)
            if isinstance(event, yaml.SequenceStartEvent):
                node = SeqNode(tag or SEQ_TAG, start, [])
                while not self.loader.check_event(yaml.SequenceEndEvent):
                    node.items.append(self.node(depth + 1))
            else:
                node = MapNode(tag or MAP_TAG, start, [])
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
