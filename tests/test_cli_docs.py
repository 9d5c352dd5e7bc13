"""docs/cli.md is generated from the commands' own --help: it must not drift."""

from __future__ import annotations

from pathlib import Path

from criteria_engine.cli.docs import render_cli_docs

DOCS = Path(__file__).parent.parent / "docs"


def test_cli_docs_match_the_help() -> None:
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == render_cli_docs(), "docs/cli.md is out of date: run python scripts/gen_cli_docs.py"


def test_cli_docs_cover_every_command() -> None:
    text = render_cli_docs()
    for command in ("validate", "list", "show", "evaluate", "explain", "test", "schema", "report"):
        assert f"## `criteria {command}`" in text


def test_vietnamese_quick_start_exists_with_diacritics() -> None:
    text = (DOCS / "huong-dan.md").read_text(encoding="utf-8")
    for phrase in (
        "Hướng dẫn",
        "bình xét",
        "Gia đình hạnh phúc",
        "niêm yết",
        "criteria report",
        "criteria evaluate",
    ):
        assert phrase in text
