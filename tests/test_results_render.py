"""Results render through rich (``__rich_console__``) and as plain text, with the same words."""

from __future__ import annotations

import io
import json

from rich.console import Console

from criteria_engine import compile_plan, load_registry

REGISTRY = load_registry()
PLAN = compile_plan(REGISTRY.get("happy-family@2026.2"), REGISTRY.resolver())
RECORD = {"id": "HH-9", "area": "rural", "members": 4, "insured_members": 3, "registered": True}


def test_rich_rendering_shows_the_explanation() -> None:
    result = PLAN.evaluate(RECORD)
    console = Console(file=io.StringIO(), width=400, color_system=None)
    console.print(result, soft_wrap=True)
    rendered = console.file.getvalue()  # type: ignore[attr-defined]
    assert rendered == result.explain("vi") + "\n"
    assert str(result) == result.explain("vi")


def test_to_dict_is_json_with_stable_keys() -> None:
    data = PLAN.evaluate(RECORD).to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text) == data
    assert list(data) == [
        "id",
        "status",
        "rating",
        "score",
        "max_score",
        "percent",
        "criteria_set",
        "criteria",
        "missing",
        "gap",
        "errors",
        "measures",
    ]
    assert data["criteria_set"] == {
        "id": "happy-family",
        "version": "2026.2",
        "digest": PLAN.revision.digest,
        "as_of": None,
    }


def test_every_phrase_exists_in_vietnamese_and_english() -> None:
    from criteria_engine.explain.phrases import MEMBER_NOUNS, PHRASES

    assert set(PHRASES) == {"vi", "en"}
    assert set(PHRASES["vi"]) == set(PHRASES["en"])
    assert all(set(nouns) == {"vi", "en"} for nouns in MEMBER_NOUNS.values())
    assert all(text.strip() for text in PHRASES["vi"].values())
