"""Reading the runnable parts of the documentation (used by tests/test_docs_run.py).

The conventions a page follows so that everything it shows is executed:

* ```python blocks run in order, the blocks of one page sharing one namespace;
* ```sh blocks are commands, one per line (a trailing ``\\`` continues a line), run by bash from
  a scratch folder that mirrors the repository; each must exit 0, or the status a trailing
  ``# exit N`` comment names;
* ```console blocks show commands with their output: a ``$ `` line is a command, the lines
  up to the next ``$ `` line are exactly what it prints on its standard output (compared line
  by line, trailing spaces ignored);
* in docs/cli.md (generated from ``--help``), every ``criteria …`` line under ``example:`` or
  ``examples:`` is a command too.

Two commands are not run: ``bash scripts/test`` (it is this test suite) and activating the
virtual environment (the tests run inside it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)$")
_EXIT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")
NOT_RUN = (re.compile(r"^bash scripts/test\b"), re.compile(r"^(\.|source) \.venv/bin/activate\b"))


@dataclass(frozen=True)
class Block:
    """One fenced code block: its info word, the 1-based line of its first code line, its text."""

    kind: str
    line: int
    code: str


@dataclass(frozen=True)
class Command:
    """A command the docs show: where, what to run, the exit status and output expected."""

    line: int
    text: str
    status: int = 0
    output: list[str] | None = field(default=None)


def blocks(text: str) -> list[Block]:
    """Every fenced block of a Markdown text, in order (nested fences stay inside their block)."""
    found: list[Block] = []
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
        while index < len(lines) and not _closes(_FENCE.match(lines[index]), fence):
            index += 1
        found.append(Block(info[0] if info else "", start + 1, "\n".join(lines[start:index]) + "\n"))
        index += 1
    return found


def _closes(line: re.Match[str] | None, fence: str) -> bool:
    """Whether a fence line closes a block opened by ``fence`` (same character, as long, no info)."""
    if line is None:
        return False
    found = line.group("fence")
    return found[0] == fence[0] and len(found) >= len(fence) and not line.group("info").strip()


def _skipped(command: str) -> bool:
    return any(p.search(command) for p in NOT_RUN)


def _with_status(line: int, text: str) -> Command:
    match = _EXIT.search(text)
    status = int(match.group(1)) if match else 0
    return Command(line, text[: match.start()] if match else text, status)


def sh_commands(block: Block) -> list[Command]:
    """The commands of a ```sh block (comments and blank lines skipped)."""
    out: list[Command] = []
    pending, start = "", 0
    for offset, raw in enumerate(block.code.splitlines()):
        line = raw.rstrip()
        if not pending:
            start = block.line + offset
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        text = (pending + line).strip()
        pending = ""
        if not text or text.startswith("#") or _skipped(text):
            continue
        out.append(_with_status(start, text))
    return out


def console_commands(block: Block) -> list[Command]:
    """The ``$ `` commands of a ```console block, each with the output shown under it."""
    out: list[Command] = []
    for offset, raw in enumerate(block.code.splitlines()):
        if raw.startswith("$ "):
            command = _with_status(block.line + offset, raw[2:].strip())
            out.append(Command(command.line, command.text, command.status, []))
        elif out and out[-1].output is not None:
            out[-1].output.append(raw.rstrip())
    return [c for c in out if not _skipped(c.text)]


def help_examples(block: Block) -> list[Command]:
    """The ``criteria …`` lines under ``example(s):`` in a ```text block of docs/cli.md."""
    out: list[Command] = []
    in_examples = False
    for offset, raw in enumerate(block.code.splitlines()):
        if raw.strip() in ("example:", "examples:"):
            in_examples = True
        elif in_examples and raw.startswith("  criteria "):
            out.append(_with_status(block.line + offset, raw.strip()))
        elif in_examples and raw.strip() and not raw.startswith("  "):
            in_examples = False
    return out


__all__ = ["NOT_RUN", "Block", "Command", "blocks", "console_commands", "help_examples", "sh_commands"]
