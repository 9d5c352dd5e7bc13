"""The PyYAML loader classes :mod:`criteria_engine.loader` parses with, and the tags of our rules.

Scalars follow PyYAML's safe YAML 1.1 rules, except that timestamps (and a stray ``=`` or ``<<``)
stay the text they were written as. The rules live in private subclasses, so PyYAML's own loaders
stay untouched.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

_Y = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _MERGE, _NULL = (_Y + name for name in ("str", "map", "seq", "merge", "null"))
_KIND = {_Y + "int": "a number", _Y + "float": "a number", _Y + "bool": "a boolean", _NULL: "null"}
_AS_TEXT = (_Y + "timestamp", _Y + "value", _MERGE)  # dates stay text; so do '=' and a stray '<<'
_SCALAR_TAGS = {_STR, *_AS_TEXT, *_KIND}


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
