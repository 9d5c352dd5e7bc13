"""The PyYAML loader classes :mod:`criteria_engine.loader` parses with, and the tags of our rules.

Scalars follow PyYAML's safe YAML 1.1 rules, except that timestamps (and a stray ``=`` or ``<<``)
stay the text they were written as. The rules live in private subclasses, so PyYAML's own loaders
stay untouched.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

YAML_TAG = "tag:yaml.org,2002:"
STR_TAG, MAP_TAG, SEQ_TAG, MERGE_TAG, NULL_TAG = (
    YAML_TAG + name for name in ("str", "map", "seq", "merge", "null")
)
KIND = {
    YAML_TAG + "int": "yaml.number",
    YAML_TAG + "float": "yaml.number",
    YAML_TAG + "bool": "yaml.boolean",
    NULL_TAG: "yaml.null",
}
"""What a key that is not a string is read as (keys of the catalogue of messages)."""
_AS_TEXT = (
    YAML_TAG + "timestamp",
    YAML_TAG + "value",
    MERGE_TAG,
)  # dates stay text; so do '=' and a stray '<<'
SCALAR_TAGS = {STR_TAG, *_AS_TEXT, *KIND}


def _construct_str(loader: object, node: yaml.ScalarNode) -> str:
    return str(node.value)


class PyLoader(yaml.SafeLoader):
    """PyYAML's pure-Python safe loader with our scalar rules; PyYAML's own loaders stay untouched."""

    yaml_constructors: ClassVar[dict[Any, Any]] = dict(yaml.SafeLoader.yaml_constructors)


LOADERS: tuple[type[Any], ...] = (PyLoader,)
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(yaml.CSafeLoader):
        """The libyaml twin of :class:`PyLoader`: same rules, faster parsing."""

        yaml_constructors: ClassVar[dict[Any, Any]] = dict(yaml.CSafeLoader.yaml_constructors)

    LOADERS = (_CLoader, PyLoader)
for _loader in LOADERS:
    for _tag in _AS_TEXT:
        _loader.add_constructor(_tag, _construct_str)
LOADER: type[Any] = LOADERS[0]
