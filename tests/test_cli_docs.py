"""docs/cli.md (English) and docs/cli-vi.md (Vietnamese) are generated from the commands' own
--help: they must not drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_engine.cli.docs import PAGES, render_cli_docs

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_cli_docs_match_the_help(lang: str) -> None:
    current = (DOCS / PAGES[lang]).read_text(encoding="utf-8")
    assert current == render_cli_docs(lang), (
        f"docs/{PAGES[lang]} is out of date: run python scripts/gen_cli_docs.py"
    )


def test_the_vietnamese_page_is_the_vietnamese_help() -> None:
    text = render_cli_docs("vi")
    assert "cách dùng: criteria evaluate" in text and "tùy chọn:" in text
    assert "đánh giá các đối tượng trong một tệp dữ liệu" in text
    assert "show this help message" not in text and "usage:" not in text
    english = render_cli_docs("en")
    assert "usage: criteria evaluate" in english and "đánh giá các đối tượng" not in english


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
