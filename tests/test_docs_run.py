"""Everything the documentation shows runs as shown (conventions: tests/docs_blocks.py).

Every page (README.md and docs/*.md): its ```python blocks are executed in order in one
namespace; its ```sh commands run and exit as annotated; its ```console commands print exactly
the output shown under them, digests and counts included, so the docs cannot go stale; and the
``criteria …`` examples of every command's --help (docs/cli.md) run on the data the repo ships.
Commands run from a scratch folder that mirrors the repository, so what they write stays there.

This executes our own documentation, never text from a criteria file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from tests.docs_blocks import Block, Command, blocks, console_commands, help_examples, sh_commands

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]


def mirror(folder: Path) -> Path:
    """A scratch folder whose entries link to the repository's (outputs land in the scratch)."""
    for entry in ROOT.iterdir():
        if entry.name not in (".git", ".venv", ".venv-ci") and not entry.name.startswith(".pytest"):
            (folder / entry.name).symlink_to(entry)
    return folder


def page_blocks(page: str) -> list[Block]:
    return blocks((ROOT / page).read_text(encoding="utf-8"))


def commands(page: str) -> list[Command]:
    out: list[Command] = []
    for block in page_blocks(page):
        if block.kind in ("sh", "bash", "shell"):
            out.extend(sh_commands(block))
        elif block.kind == "console":
            out.extend(console_commands(block))
        elif block.kind == "text" and page == "docs/cli.md":
            out.extend(help_examples(block))
    return out


def run(command: Command, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("COLUMNS", None)
    return subprocess.run(
        ["bash", "-c", command.text], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def _trimmed(lines: list[str]) -> list[str]:
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


@pytest.mark.parametrize("page", [p for p in PAGES if commands(p)])
def test_commands_run_as_shown(page: str, tmp_path: Path) -> None:
    folder = mirror(tmp_path)
    for command in commands(page):
        done = run(command, folder)
        where = f"{page}:{command.line}: {command.text}"
        assert done.returncode == command.status, (
            f"{where}\nexit {done.returncode}\n{done.stdout}{done.stderr}"
        )
        if command.output is not None:
            assert _trimmed(done.stdout.splitlines()) == _trimmed(command.output), where


@pytest.mark.parametrize("page", [p for p in PAGES if any(b.kind == "python" for b in page_blocks(p))])
def test_python_blocks_run_in_order(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mirror(tmp_path))
    namespace: dict[str, object] = {"__name__": f"docs_example_{Path(page).stem}"}
    for block in (b for b in page_blocks(page) if b.kind == "python"):
        where = f"{page}:{block.line}"
        try:
            exec(compile(block.code, where, "exec"), namespace)  # our own documentation's examples
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


def test_every_page_that_shows_a_command_marks_it_runnable() -> None:
    """A command in a ```text block would escape the test: commands go in sh or console blocks."""
    stray = []
    for page in PAGES:
        if page in ("docs/cli.md", "docs/cli-vi.md"):  # generated from --help (examples run from cli.md)
            continue
        for block in page_blocks(page):
            if block.kind in ("", "text"):
                stray += [
                    f"{page}:{block.line + i}"
                    for i, line in enumerate(block.code.splitlines())
                    if line.lstrip("$ ").startswith(("criteria ", "bash scripts/", "python "))
                ]
    assert stray == []


def test_the_api_page_and_the_readme_have_examples() -> None:
    assert sum(b.kind == "python" for b in page_blocks("docs/api.md")) >= 10
    assert any(c.text == "bash scripts/demo" for c in commands("README.md"))


def test_the_reader_of_blocks() -> None:
    text = "\n".join(
        [
            "```python", "x = 1", "```",
            "```sh", "criteria list   # exit 1", "criteria show \\", "  happy-family", "# a comment",
            ". .venv/bin/activate", "bash scripts/test", "```",
            "````markdown", "```python", "inside = True", "```", "````",
            "```console", "$ criteria list", "happy-family", "  2026.1", "$ echo hi", "hi", "```",
        ]
    )  # fmt: skip
    found = blocks(text)
    assert [(b.kind, b.line) for b in found] == [("python", 2), ("sh", 5), ("markdown", 13), ("console", 18)]
    assert [(c.line, c.text, c.status) for c in sh_commands(found[1])] == [
        (5, "criteria list", 1),
        (6, "criteria show    happy-family", 0),
    ]
    assert [(c.text, c.output) for c in console_commands(found[3])] == [
        ("criteria list", ["happy-family", "  2026.1"]),
        ("echo hi", ["hi"]),
    ]
    helptext = Block(
        "text", 1, "usage: x\n\nexamples:\n  criteria list\n  criteria show a\nmore\n  criteria no\n"
    )
    assert [c.text for c in help_examples(helptext)] == ["criteria list", "criteria show a"]
