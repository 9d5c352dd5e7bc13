"""The award round's pages: they show the round (tests/test_docs_run.py runs every command they
show, in order, and compares the output shown), the README links them, and every code a
refusal or a reason can carry is documented."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.docs_blocks import blocks, console_commands, sh_commands

from .test_docs_errors import ERRORS, headings

ROOT = Path(__file__).resolve().parent.parent


def round_commands(page: str) -> list[tuple[str, int]]:
    """(command, exit status expected) of the round's commands a page shows."""
    found = []
    for block in blocks((ROOT / page).read_text(encoding="utf-8")):
        if block.kind == "sh":
            found += [(c.text, c.status) for c in sh_commands(block)]
        elif block.kind == "console":
            found += [(c.text, c.status) for c in console_commands(block)]
    return [(c, s) for c, s in found if c.startswith(("criteria round ", "criteria register "))]


def test_the_pages_show_a_whole_round_with_its_refusals() -> None:
    for page in ("docs/award-round.md", "docs/huong-dan.md"):
        shown = round_commands(page)
        steps = {c.split()[2] for c, _ in shown if c.startswith("criteria round ")}
        assert {
            "open",
            "sheet",
            "votes",
            "post",
            "letters",
            "object",
            "resolve",
            "decide",
            "status",
        } <= steps, page
        assert any(status == 1 for _, status in shown), f"{page} shows no refused step"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/award-round.md)" in readme


def _codes() -> set[str]:
    """The codes of every refusal and reason the round's modules can give."""
    modules = [
        *(ROOT / "criteria_engine" / "award").glob("*.py"),
        *(ROOT / "criteria_engine" / "register").glob("*.py"),
        ROOT / "criteria_engine" / "cli" / "round_files.py",
    ]
    found: set[str] = set()
    for path in modules:
        if path.name == "status.py":  # the status lines' codes are not refusals
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            named = isinstance(node.func, ast.Name) and node.func.id in {
                "Message",
                "_m",
                "m",
                "_refuse",
                "refuse",
            }
            of = (  # Message.of(code, msg(...)): worded by the catalogue of messages
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "of"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "Message"
            )
            if named or of:
                first = node.args[0]
                choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                found |= {
                    c.value for c in choices if isinstance(c, ast.Constant) and isinstance(c.value, str)
                }
    return found


def test_every_refusal_and_reason_code_is_documented() -> None:
    codes = _codes()
    assert {"votes-exceed-present", "level-quota-tie", "register-too-new", "not-passed"} <= codes
    page = (ROOT / "docs" / "award-round.md").read_text(encoding="utf-8")
    documented = headings(ERRORS) | {c for c in codes if f"`{c}`" in page}
    assert sorted(codes - documented) == []
