"""Digests: the same revision gives the same digest however its YAML is written; model ->
YAML -> model round-trips."""

from __future__ import annotations

import random

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_engine.format.digest import digest
from criteria_engine.format.loader import load_text
from criteria_engine.format.structure import check_structure
from criteria_engine.io.catalog import load_registry

REGISTRY = load_registry()
REVISIONS = REGISTRY.revisions()


def _shuffled(node: object, rng: random.Random) -> object:
    """The same document with every mapping's keys in another order (lists keep their order)."""
    if isinstance(node, dict):
        items = list(node.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(node, list):
        return [_shuffled(v, rng) for v in node]
    return node


def _reload(text: str):  # type: ignore[no-untyped-def]
    model, problems = check_structure(load_text(text).data)
    assert problems == [] and model is not None
    return model


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(REVISIONS),
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from([None, True, False]),
)
def test_model_to_yaml_to_model_keeps_model_and_digest(revision, seed, flow) -> None:  # type: ignore[no-untyped-def]
    data = revision.model.model_dump(mode="json", by_alias=True, exclude_defaults=bool(seed % 2))
    text = yaml.safe_dump(
        _shuffled(data, random.Random(seed)), allow_unicode=True, default_flow_style=flow, sort_keys=False
    )
    if seed % 3 == 0:
        text = "# a comment\n\n" + text + "\n# trailing comment\n"
    model = _reload(text)
    assert model == revision.model
    assert digest(model) == revision.digest


def test_digest_changes_when_a_rule_changes() -> None:
    revision = REGISTRY.get("happy-family@2026.1")
    data = revision.model.model_dump(mode="json", by_alias=True)
    data["groups"][0]["criteria"][0]["title"]["en"] += "!"
    changed = _reload(yaml.safe_dump(data, allow_unicode=True))
    assert digest(changed) != revision.digest


def test_digests_are_stable_sha256() -> None:
    for revision in REVISIONS:
        assert revision.digest.startswith("sha256:") and len(revision.digest) == 7 + 64
    assert len({r.digest for r in REVISIONS}) == len(REVISIONS)
