"""Every diagnostic code of the test corpora is documented under its own heading.

The codes come from the corpora's expected outputs: tests/cases/invalid/*.expected.json,
tests/cases/loader/*.expected.json and tests/cases/expressions/bad.yaml. Each must have a
heading in docs/errors.md (``### unknown-key``); an expression code may instead have its
heading in docs/expressions.md, which documents the expression language's codes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from criteria_engine.cli.docs import MESSAGE_PAGES, render_message_tables

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
ERRORS = ROOT / "docs" / "errors.md"
EXPRESSIONS = ROOT / "docs" / "expressions.md"

# "### unknown-key" or "### `unknown-key`", at any heading level.
_HEADING = re.compile(r"^#{1,6}[ \t]+`?([a-z][a-z0-9]*(?:-[a-z0-9]+)*)`?[ \t]*$", re.MULTILINE)


def headings(path: Path) -> set[str]:
    """The codes that have a heading of their own in a Markdown page."""
    return set(_HEADING.findall(path.read_text(encoding="utf-8")))


def _codes_of_expected(pattern: str) -> set[str]:
    codes: set[str] = set()
    for path in sorted(CASES.glob(pattern)):
        data = json.loads(path.read_text(encoding="utf-8"))
        codes.update(str(item["code"]) for item in data)
    return codes


def corpus_codes() -> set[str]:
    """File and data codes of the invalid-file and loader corpora."""
    return _codes_of_expected("invalid/*.expected.json") | _codes_of_expected("loader/*.expected.json")


def expression_codes() -> set[str]:
    """Codes of the expression corpus."""
    entries = yaml.safe_load((CASES / "expressions" / "bad.yaml").read_text(encoding="utf-8"))
    return {str(entry["code"]) for entry in entries}


def test_the_corpora_have_codes() -> None:
    assert len(corpus_codes()) >= 20
    assert {"expression-syntax", "expression-type"} <= expression_codes()


@pytest.mark.parametrize("code", sorted(corpus_codes()))
def test_corpus_code_has_a_heading_in_errors_md(code: str) -> None:
    documented = headings(ERRORS)
    if code.startswith("expression-"):
        documented |= headings(EXPRESSIONS)
    assert code in documented, f"docs/errors.md has no heading '### {code}'"


@pytest.mark.parametrize("code", sorted(expression_codes()))
def test_expression_code_is_documented(code: str) -> None:
    documented = headings(ERRORS) | headings(EXPRESSIONS)
    assert code in documented, f"neither docs/errors.md nor docs/expressions.md has a heading for '{code}'"


def test_errors_md_headings_are_unique() -> None:
    found = _HEADING.findall(ERRORS.read_text(encoding="utf-8"))
    repeated = sorted({code for code in found if found.count(code) > 1})
    assert repeated == []


# Every code the package gives a Diagnostic, as written in its source: Diagnostic("code", ...),
# diagnostic("code", ...), error("code", ...), warning("code", ...), the expression checker's
# problem("code", ...), the award round's refusals and the modules' own small helpers.
_SOURCE_CODE = re.compile(
    r"(?:Diagnostic|diagnostic|error|warning|_refuse|_fail|fail|_error|problem|refuse)"
    r"\(\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\""
)


def source_codes() -> set[str]:
    package = ROOT / "criteria_engine"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(package.rglob("*.py")))
    return set(_SOURCE_CODE.findall(text))


def test_every_code_the_package_gives_is_documented() -> None:
    documented = headings(ERRORS) | headings(EXPRESSIONS)
    found = source_codes()
    assert len(found) > 80
    assert sorted(found - documented) == []


# --- each code's wording, Vietnamese and English ------------------------------------------------


@pytest.mark.parametrize("page", MESSAGE_PAGES)
def test_message_tables_match_the_catalogue(page: str) -> None:
    """Each code's table of templates (Vietnamese and English) is the catalogue's."""
    current = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert current == render_message_tables(current), (
        f"docs/{page}: the message tables are out of date: run python scripts/gen_cli_docs.py"
    )


def test_every_documented_code_shows_its_wording_in_both_languages() -> None:
    text = ERRORS.read_text(encoding="utf-8") + EXPRESSIONS.read_text(encoding="utf-8")
    tables = set(re.findall(r"^<!-- messages: ([a-z0-9 .-]+) -->$", text, re.MULTILINE))
    shown = {code for block in tables for code in block.split()}
    assert sorted(source_codes() - shown) == []
    assert "| `unknown-key` | khóa '{key}' không hợp lệ | unknown key '{key}' |" in text
