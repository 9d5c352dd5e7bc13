"""Every command the award-round pages show runs, in order, on the data the repository ships.

The ``sh`` blocks of docs/award-round.md and of docs/huong-dan.md are run one command after the
other in a fresh folder (with ``examples/`` reachable, as from the repository's root). A
command followed by ``# refused: CODE`` must be refused with that code and exit 1; every other
one must succeed. A ``text`` block right after a ``sh`` block is what those commands print,
and must be exactly that.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from .test_cli_support import run

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["docs/award-round.md", "docs/huong-dan.md"]
_FENCE = re.compile(r"^```(\w*)\s*$")
_REFUSED = re.compile(r"#\s*refused:\s*([a-z0-9-]+)\s*$")


@dataclass
class Block:
    """A ``sh`` block: its first line, its commands, and the output shown after it (if any)."""

    line: int
    commands: list[str]
    output: str | None = None
    output_lines: tuple[int, int] = (0, 0)
    """Where the output block's body is in the page (first line, line after the last), 0-based."""


def blocks(text: str) -> list[Block]:
    """The ``sh`` blocks of a page with the ``text`` block that follows each one."""
    found: list[Block] = []
    lines = text.splitlines()
    index, last_end = 0, -10
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        kind, start = opening.group(1), index + 1
        end = start
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = lines[start:end]
        if kind == "sh":
            commands = [line.strip() for line in body if line.strip().startswith("criteria ")]
            found.append(Block(start, commands))
            last_end = end
        elif kind == "text" and found and all(not line.strip() for line in lines[last_end + 1 : index]):
            found[-1].output = "\n".join(body) + "\n"
            found[-1].output_lines = (start, end)
        index = end + 1
    return found


def test_the_pages_show_round_commands() -> None:
    counted = {
        page: sum(len(b.commands) for b in blocks((ROOT / page).read_text(encoding="utf-8")))
        for page in PAGES
    }
    assert counted["docs/award-round.md"] >= 15 and counted["docs/huong-dan.md"] >= 8, counted
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/award-round.md)" in readme


@pytest.mark.parametrize("page", PAGES)
def test_every_command_of_the_page_runs(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    text = (ROOT / page).read_text(encoding="utf-8")
    lines = text.splitlines()
    for block in reversed(_run(page, text)):  # UPDATE_GOLDEN=1 rewrites the outputs shown
        start, end = block.output_lines
        lines[start:end] = (block.output or "").splitlines()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        (ROOT / page).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run(page: str, text: str) -> list[Block]:
    """Run every block; returns the blocks whose output is shown, with what they printed."""
    shown: list[Block] = []
    for block in blocks(text):
        printed = ""
        for command in block.commands:
            refused = _REFUSED.search(command)
            argv = shlex.split(command, comments=True)[1:]
            result = run(*argv)
            where = f"{page}:{block.line}: {command}"
            if refused:
                assert result.code == 1 and f"error[{refused.group(1)}]" in result.err, (where, result.err)
            else:
                assert result.code == 0, (where, result.err)
            printed += result.out
        if block.output is not None:
            if os.environ.get("UPDATE_GOLDEN") != "1":
                assert printed == block.output, (
                    f"{page}:{block.line}: the output shown differs from what the commands print"
                )
            shown.append(Block(block.line, block.commands, printed, block.output_lines))
    return shown


def test_the_extractor_pairs_outputs_with_their_block() -> None:
    text = "```sh\ncriteria a\n# note\ncriteria b  # refused: x-y\n```\n\n```text\nout\n```\n```sh\ncriteria c\n```\n"
    found = blocks(text)
    assert [(b.commands, b.output) for b in found] == [
        (["criteria a", "criteria b  # refused: x-y"], "out\n"),
        (["criteria c"], None),
    ]


def _codes() -> set[str]:
    """The codes of every refusal and reason the round's modules can give."""
    import ast

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
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"Message", "_m", "m", "_refuse", "refuse"}
                and node.args
            ):
                first = node.args[0]
                choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                found |= {
                    c.value for c in choices if isinstance(c, ast.Constant) and isinstance(c.value, str)
                }
    return found


def test_every_refusal_and_reason_code_is_documented() -> None:
    codes = _codes()
    assert {"votes-exceed-present", "level-quota-tie", "register-too-new"} <= codes
    page = (ROOT / "docs" / "award-round.md").read_text(encoding="utf-8")
    assert sorted(c for c in codes if f"`{c}`" not in page) == []
