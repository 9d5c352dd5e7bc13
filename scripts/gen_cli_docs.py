"""Regenerate docs/cli.md (English) and docs/cli-vi.md (Vietnamese) from the commands' own
--help, and the tables of each code's messages (Vietnamese and English, from the catalogue) in
docs/errors.md and docs/expressions.md: ``python scripts/gen_cli_docs.py``.

With ``--check``, exit 1 (and change nothing) when a page is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from criteria_engine.cli.docs import MESSAGE_PAGES, PAGES, render_cli_docs, render_message_tables

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(argv: list[str]) -> int:
    stale = 0
    pages = {name: render_cli_docs(lang) for lang, name in PAGES.items()}
    for name in MESSAGE_PAGES:
        pages[name] = render_message_tables((DOCS / name).read_text(encoding="utf-8"))
    for name, text in pages.items():
        target = DOCS / name
        if "--check" in argv:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                print(f"{target} is out of date: run python scripts/gen_cli_docs.py", file=sys.stderr)
                stale = 1
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
