"""docs/cli.md (English) and docs/cli-vi.md (Vietnamese), generated from the commands' own
``--help`` in each language (so the pages cannot drift from the help).

``python scripts/gen_cli_docs.py`` rewrites both files; a test compares them with
:func:`render_cli_docs`.
"""

from __future__ import annotations

import argparse
import re

from ..format.structure import code_for
from ..messages import ENTRIES
from .common import speaking
from .main import build_parser

PAGES = {"en": "cli.md", "vi": "cli-vi.md"}
"""The page of each language, in docs/."""

INTRO = """\
# The `criteria` command line

<!-- Generated from the commands' own --help by scripts/gen_cli_docs.py; do not edit by hand. -->

Every command prints its help with `criteria COMMAND --help`; this page collects them in
English (`--lang en`, or `CRITERIA_LANG=en`). Without either, `criteria` speaks Vietnamese:
its help, diagnostics and notes; the same help in Vietnamese is [cli-vi.md](cli-vi.md).
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


INTRO_VI = """\
# Dòng lệnh `criteria`

<!-- Generated from the commands' own --help by scripts/gen_cli_docs.py; do not edit by hand. -->

Mỗi lệnh in hướng dẫn của nó bằng `criteria TÊN-LỆNH --help`; trang này gom tất cả lại, bằng
tiếng Việt (ngôn ngữ mặc định của `criteria`). Bản tiếng Anh: [cli.md](cli.md), hoặc thêm
`--lang en` (hay đặt biến môi trường `CRITERIA_LANG=en`). `python -m criteria_engine` dùng
giống như `criteria`.

Mã thoát: 0 thành công (kể cả khi có đối tượng không đạt), 1 tệp bộ tiêu chí hoặc tệp dữ
liệu không dùng được, 2 gọi lệnh sai cách. Các vấn đề được in ra stderr dạng
`ĐƯỜNG-DẪN:DÒNG:CỘT: lỗi[MÃ]: nội dung`, có `gợi ý: ...` ở dòng sau khi có gợi ý; `MÃ` là mã
ổn định, tra trong [errors.md](errors.md).

Các định dạng kết quả của `criteria evaluate` (`--format`, hoặc theo đuôi tệp của `-o TỆP`):
xem bảng trong [cli.md](cli.md#the-criteria-command-line).
"""


def render_cli_docs(lang: str = "en") -> str:
    """The text of the page of ``lang`` (docs/cli.md for ``en``, docs/cli-vi.md for ``vi``)."""
    with speaking(lang):
        parser = build_parser()
        intro = INTRO if lang == "en" else INTRO_VI
        parts = [intro, "\n## `criteria`\n\n```text\n", parser.format_help().rstrip(), "\n```\n"]
        for name, sub in _subcommands(parser).items():
            parts += [f"\n## `criteria {name}`\n\n```text\n", sub.format_help().rstrip(), "\n```\n"]
            for step, nested in _subcommands(sub).items():  # `criteria round open`, ...
                parts += [
                    f"\n### `criteria {name} {step}`\n\n```text\n",
                    nested.format_help().rstrip(),
                    "\n```\n",
                ]
    return "".join(parts)


MESSAGE_PAGES = ("errors.md", "expressions.md")
"""The pages, in docs/, whose code headings show each code's messages in both languages."""

_CODE_HEADING = re.compile(r"^#{2,6}[ \t]+`?([a-z][a-z0-9]*(?:-[a-z0-9]+)*)`?[ \t]*$")
_BLOCK = re.compile(r"^<!-- messages: ([a-z0-9 .-]+) -->$")
_END = "<!-- /messages -->"
_ALSO = {
    "data-bad-json": ("json",),
    "expression-forbidden": ("construct",),
    "expression-type": ("argument", "ordinal"),
}
"""Codes whose messages are filled with the wordings of other keys (the parser's reasons)."""


def _keys(prefixes: list[str]) -> list[str]:
    """The catalogue keys of a block: each prefix's own key and its variants (``code.variant``),
    the structure checks' pydantic wordings by the code they give, and :data:`_ALSO`."""
    wanted = [*prefixes, *(also for p in prefixes for also in _ALSO.get(p, ()))]
    keys = [k for k in ENTRIES if k.split(".", 1)[0] in wanted]
    keys += [k for k in ENTRIES if k.startswith("pydantic.") and code_for(k.split(".", 1)[1]) in prefixes]
    return keys


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(prefixes: list[str]) -> list[str]:
    rows = [f"<!-- messages: {' '.join(prefixes)} -->", "", "| key | Tiếng Việt | English |", "|---|---|---|"]
    for key in _keys(prefixes):
        vi, en = ENTRIES[key]
        rows.append(f"| `{key}` | {_cell(vi)} | {_cell(en)} |")
    return [*rows, "", _END]


def render_message_tables(text: str) -> str:
    """``text`` (docs/errors.md or docs/expressions.md) with the catalogue's wordings of each
    code at the end of its section: a table of the Vietnamese and English templates of the code
    and its variants (``{name}`` marks a value filled in), between ``<!-- messages: CODE -->``
    and ``<!-- /messages -->``. A block written by hand with other keys
    (``<!-- messages: at fix -->``) is kept up to date too."""
    lines, out = text.split("\n"), list[str]()
    pending: str | None = None  # the code heading whose section has no table yet
    fenced, index = False, 0

    def close() -> None:
        nonlocal pending
        if pending is not None:
            while out and out[-1] == "":
                out.pop()
            out.extend(["", *_table([pending]), ""])
            pending = None

    while index < len(lines):
        line = lines[index]
        if line.startswith("```"):
            fenced = not fenced
        block = None if fenced else _BLOCK.match(line)
        if block:
            prefixes = block.group(1).split()
            if prefixes == [pending]:
                pending = None
            out.extend(_table(prefixes))
            index = lines.index(_END, index) + 1
            continue
        if not fenced and line.startswith("#"):
            close()
            heading = _CODE_HEADING.match(line)
            pending = heading.group(1) if heading and _keys([heading.group(1)]) else None
        out.append(line)
        index += 1
    trailing = text.endswith("\n")
    if trailing and out and out[-1] == "":
        out.pop()
    close()
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + ("\n" if trailing else "")


__all__ = ["MESSAGE_PAGES", "PAGES", "render_cli_docs", "render_message_tables"]
