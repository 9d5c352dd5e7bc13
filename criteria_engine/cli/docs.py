"""docs/cli.md, generated from the commands' own ``--help`` (so the two cannot drift apart).

``python scripts/gen_cli_docs.py`` rewrites the file; a test compares it with
:func:`render_cli_docs`.
"""

from __future__ import annotations

import argparse

from .main import build_parser

INTRO = """\
# The `criteria` command line

<!-- Generated from the commands' own --help by scripts/gen_cli_docs.py; do not edit by hand. -->

Every command prints its help with `criteria COMMAND --help`; this page collects them.
`python -m criteria_engine` works like `criteria`.

Exit status: 0 success (also when candidates fail), 1 a criteria file or a data file that
cannot be used, 2 a usage error. Diagnostics are printed on stderr as
`PATH:LINE:COL: error[CODE]: message`, with `help: ...` on the next line when there is a hint.

Output formats of `criteria evaluate` (`--format`, or from the extension of `-o FILE`):

| format | what | memory |
|---|---|---|
| `table` | a terminal table (colour only on a terminal), then the summary | one short text row per candidate |
| `jsonl` | one JSON object per candidate (with `row`), last line `{"summary": ...}` | constant |
| `json` | `{"criteria_set", "results": [...], "summary"}` | constant (written as it goes) |
| `csv` | one row per candidate, a column per criterion (verdict); an empty row, then the summary | constant |
| `xlsx` | the same rows (filter on, header frozen), a data-quality sheet ("Vấn đề dữ liệu") and a summary sheet; needs `-o` | constant (streaming workbook) |
| `md` | a Markdown table, then the summary | constant |
| `html` | the printable report (same as `criteria report`) | constant (cards spooled to a temporary file) |
| `problems` | the data-quality list as CSV: each bad or empty cell with its row, column, value, problem and fix; then the problems of the file (rows skipped, columns not read) | constant |

`--rank` holds every result in memory to sort them. `-o FILE` is written to a temporary file
beside FILE and moved into place only when the command succeeds: an interrupted run (Ctrl-C)
or a data file that turns out to be unusable leaves FILE as it was.
"""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def render_cli_docs() -> str:
    """The text of docs/cli.md."""
    parser = build_parser()
    parts = [INTRO, "\n## `criteria`\n\n```text\n", parser.format_help().rstrip(), "\n```\n"]
    for name, sub in _subcommands(parser).items():
        parts += [f"\n## `criteria {name}`\n\n```text\n", sub.format_help().rstrip(), "\n```\n"]
        for step, nested in _subcommands(sub).items():  # `criteria round open`, ...
            parts += [
                f"\n### `criteria {name} {step}`\n\n```text\n",
                nested.format_help().rstrip(),
                "\n```\n",
            ]
    return "".join(parts)


__all__ = ["render_cli_docs"]
