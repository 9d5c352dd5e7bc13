"""The Python examples of the documentation run as they are.

Every fenced ```python block of docs/api.md (and of README.md, when it has any) is executed in
order, the blocks of one page sharing one namespace, as a reader would run them one after the
other. A block that raises fails the test with the page and line where the block starts. The
blocks check what they show with their own ``assert`` statements.

This executes our own documentation, never text from a criteria file.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["docs/api.md", "README.md", "docs/award-round.md"]
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)$")


@dataclass(frozen=True)
class Block:
    """One fenced code block: the 1-based line of its first code line and its text."""

    line: int
    code: str


def python_blocks(text: str) -> list[Block]:
    """The ```python blocks of a Markdown text, in order (other fenced blocks are skipped)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence, info = opening.group("fence"), opening.group("info").strip().split()
        start = index + 1
        index = start
        while index < len(lines):
            if _closes(_FENCE.match(lines[index]), fence):
                break
            index += 1
        if info and info[0] == "python":
            blocks.append(Block(start + 1, "\n".join(lines[start:index]) + "\n"))
        index += 1
    return blocks


def _closes(line: re.Match[str] | None, fence: str) -> bool:
    """Whether a fence line closes a block opened by ``fence`` (same character, as long, no info)."""
    if line is None:
        return False
    found = line.group("fence")
    return found[0] == fence[0] and len(found) >= len(fence) and not line.group("info").strip()


def _pages() -> list[str]:
    return [page for page in PAGES if (ROOT / page).exists()]


def test_api_page_has_examples() -> None:
    assert len(python_blocks((ROOT / "docs/api.md").read_text(encoding="utf-8"))) >= 10


@pytest.mark.parametrize("page", _pages())
def test_python_blocks_run_in_order(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = python_blocks((ROOT / page).read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": f"docs_example_{Path(page).stem}"}
    for block in blocks:
        where = f"{page}:{block.line}"
        try:
            code = compile(block.code, where, "exec")
            exec(code, namespace)  # our own documentation's examples
        except Exception as exc:
            pytest.fail(f"the python block at {where} failed{_line_in_page(exc, where, block)}: {exc!r}")


def _line_in_page(exc: BaseException, where: str, block: Block) -> str:
    """' at line N' of the page for the innermost frame of the block, or '' when unknown."""
    if isinstance(exc, SyntaxError) and exc.filename == where and exc.lineno:
        return f" at line {block.line + exc.lineno - 1}"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == where]
    if not frames or frames[-1].lineno is None:
        return ""
    return f" at line {block.line + frames[-1].lineno - 1}"


def test_the_extractor_finds_only_python_blocks() -> None:
    text = "\n".join(
        [
            "# Title",
            "```python",
            "x = 1",
            "```",
            "```text",
            "not code",
            "```",
            "````markdown",
            "```python",
            "inside = True",
            "```",
            "````",
            "```python",
            "y = x + 1",
            "```",
        ]
    )
    assert python_blocks(text) == [Block(3, "x = 1\n"), Block(14, "y = x + 1\n")]
