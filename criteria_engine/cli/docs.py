"""docs/cli.md (English) and docs/cli-vi.md (Vietnamese), generated from the commands' own
``--help`` in each language (so the pages cannot drift from the help).

``python scripts/gen_cli_docs.py`` rewrites both files; a test compares them with
:func:`render_cli_docs`.
"""

from __future__ import annotations

import argparse

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


__all__ = ["PAGES", "render_cli_docs"]
