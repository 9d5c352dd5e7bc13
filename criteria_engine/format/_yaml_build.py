"""Plain data from the node graph: positions recorded, merges resolved, diagnostics collected."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Diagnostic, DocPath, diagnostic
from ..messages import Msg, msg
from ._yaml_compose import MapNode, Node, ScalarNode, SeqNode, deref
from ._yaml_errors import Stop
from ._yaml_loaders import KIND, MAP_TAG, MERGE_TAG, SCALAR_TAGS, SEQ_TAG, STR_TAG, YAML_TAG
from ._yaml_positions import Pos, ScalarSource


class Builder:
    """Walks the node graph into plain data, recording positions and collecting diagnostics."""

    def __init__(self, loader: Any, max_depth: int, max_nodes: int) -> None:
        self.loader, self.count = loader, 0
        self.max_depth, self.max_nodes = max_depth, max_nodes  # the loader's MAX_DEPTH, MAX_NODES
        self.diagnostics: list[Diagnostic] = []
        self.keys: dict[DocPath, Pos] = {}
        self.values: dict[DocPath, Pos] = {}
        self.scalars: dict[DocPath, ScalarSource] = {}
        self.strings: dict[DocPath, str] = {}

    def report(self, code: str, text: Msg, at: Pos, path: DocPath, hint: Msg | None = None) -> None:
        self.diagnostics.append(diagnostic(code, text, "", at[0], at[1], path, hint))

    def tick(self, node: ScalarNode | SeqNode | MapNode, via: Pos | None) -> None:
        self.count += 1  # every visit counts: each alias walks its anchor's whole subtree again
        if self.count > self.max_nodes:
            text = msg("too-many-nodes.expands", limit=self.max_nodes)
            raise Stop("too-many-nodes", text, via or node.start, hint=msg("too-many-nodes.hint"))

    def value(self, ref: Node, path: DocPath, depth: int, via: Pos | None) -> object:
        """Plain data for ``ref``; ``via`` is where the outermost alias on the way was written."""
        node = deref(ref)
        via = via or (ref.start if node is not ref else None)
        self.tick(node, via)
        self.values[path] = ref.start  # an alias's own place: that is where this path is written
        if isinstance(node, ScalarNode):
            if node is ref:
                self.values[path] = (node.source.line, node.source.column)
            self.scalars[path] = node.source
            data = self.scalar(node, path)
            if isinstance(data, str):
                self.strings[path] = data
            return data
        if depth >= self.max_depth:  # aliases can nest deeper than the text does
            raise Stop("too-deep", msg("too-deep", limit=self.max_depth), via or node.start)
        if node.tag not in (SEQ_TAG, MAP_TAG):
            self.report("unsupported-tag", _tag_message(node.tag), node.start, path, _REMOVE_TAG)
        if isinstance(node, SeqNode):
            return [self.value(item, (*path, i), depth + 1, via) for i, item in enumerate(node.items)]
        out: dict[str, object] = {}
        for key, (key_node, value_node) in self.entries(node, path, depth, via).items():
            self.keys[(*path, key)] = (key_node.source.line, key_node.source.column)
            out[key] = self.value(value_node, (*path, key), depth + 1, via)
        return out

    def entries(
        self, node: MapNode, path: DocPath, depth: int, via: Pos | None
    ) -> dict[str, tuple[ScalarNode, Node]]:
        """Key -> (key node, value node), '<<' merges resolved as PyYAML's SafeLoader does."""
        merged: dict[str, tuple[ScalarNode, Node]] = {}
        own: dict[str, tuple[ScalarNode, Node]] = {}
        for key_ref, value_ref in node.pairs:
            key_node = deref(key_ref)
            self.tick(key_node, via)
            if not isinstance(key_node, ScalarNode):
                self.report("non-string-key", msg("non-string-key.collection"), key_node.start, path)
            elif key_node.tag == MERGE_TAG:
                if depth >= self.max_depth:
                    raise Stop("too-deep", msg("too-deep.merges", limit=self.max_depth), key_node.start)
                for source in self.merge_sources(value_ref, path):
                    for name, pair in self.entries(source, path, depth + 1, via).items():
                        merged.setdefault(name, pair)  # the first mapping merged wins
            elif (key := self.key(key_node, path)) is None:
                continue
            elif key in own:
                text = msg("duplicate-key", key=repr(key), line=own[key][0].source.line)
                at = (key_node.source.line, key_node.source.column)
                self.report("duplicate-key", text, at, (*path, key), msg("duplicate-key.hint"))
            else:
                own[key] = (key_node, value_ref)
        merged.update(own)  # explicit keys win over merged ones
        return merged

    def merge_sources(self, ref: Node, path: DocPath) -> list[MapNode]:
        """The mappings a '<<' merges: one mapping, or a list of them."""
        node = deref(ref)
        found = [deref(item) for item in (node.items if isinstance(node, SeqNode) else [node])]
        if all(isinstance(source, MapNode) for source in found):
            return [source for source in found if isinstance(source, MapNode)]
        self.report("bad-merge", msg("bad-merge"), ref.start, path)
        return []

    def key(self, node: ScalarNode, path: DocPath) -> str | None:
        data = self.scalar(node, path)
        if isinstance(data, str):
            return data
        text, kind = node.source.text, msg(KIND.get(node.tag, "yaml.not-string"))
        hint = msg("non-string-key.quote", key=text) if text else msg("non-string-key.write")
        self.report(
            "non-string-key", msg("non-string-key", key=repr(text), kind=kind), node.start, path, hint
        )
        return None

    def scalar(self, node: ScalarNode, path: DocPath) -> object:
        if node.tag == STR_TAG:  # the common case, and what alias bombs are made of
            return node.value
        if node.tag not in SCALAR_TAGS:
            self.report("unsupported-tag", _tag_message(node.tag), node.start, path, _REMOVE_TAG)
            return node.value
        try:
            return self.loader.yaml_constructors[node.tag](self.loader, yaml.ScalarNode(node.tag, node.value))
        except (ValueError, KeyError, TypeError, OverflowError):  # `!!int x`, `!!bool maybe`, 5000 digits
            text = msg("bad-scalar", value=repr(node.value), kind=node.tag.removeprefix(YAML_TAG))
            self.report("bad-scalar", text, node.start, path, msg("bad-scalar.hint"))
            return node.value


_REMOVE_TAG = msg("unsupported-tag.hint")


def _tag_message(tag: str) -> Msg:
    return msg("unsupported-tag", tag=tag.replace(YAML_TAG, "!!", 1))
