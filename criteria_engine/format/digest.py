"""The digest of a revision: sha256 of its canonical form.

The canonical form is the validated model dumped to JSON with sorted keys and every value
equal to its default left out, so the same revision gives the same digest however its YAML is
formatted, ordered or commented, and whether or not defaults are written out. Leaving
defaults out also keeps digests stable when the format gains a new optional key: a revision
that does not use it keeps the digest its results were stamped with.
"""

from __future__ import annotations

import hashlib
import json
from typing import cast

from .models import CriteriaSet

_METADATA = ("status", "effective_from", "effective_to", "version", "changes")


def _numbers(node: object) -> object:
    """Integral floats as ints, so ``points: 10`` and ``points: 10.0`` give one digest."""
    if isinstance(node, float) and node.is_integer():
        return int(node)
    if isinstance(node, dict):
        return {k: _numbers(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_numbers(v) for v in node]
    return node


def canonical_json(cs: CriteriaSet, *, without_metadata: bool = False) -> str:
    """The canonical JSON text of a revision (optionally without revision metadata)."""
    data = cast(dict[str, object], _numbers(cs.model_dump(mode="json", by_alias=True, exclude_defaults=True)))
    if without_metadata:
        for key in _METADATA:
            data.pop(key, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(cs: CriteriaSet) -> str:
    """``sha256:<hex>`` of the canonical form."""
    return "sha256:" + hashlib.sha256(canonical_json(cs).encode("utf-8")).hexdigest()


def content_digest(cs: CriteriaSet) -> str:
    """The digest of the rules alone (no version, dates, status or change note)."""
    return "sha256:" + hashlib.sha256(canonical_json(cs, without_metadata=True).encode("utf-8")).hexdigest()


__all__ = ["canonical_json", "content_digest", "digest"]
