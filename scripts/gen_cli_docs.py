"""Regenerate docs/cli.md from the commands' own --help: ``python scripts/gen_cli_docs.py``.

With ``--check``, exit 1 (and change nothing) when docs/cli.md is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from criteria_engine.cli.docs import render_cli_docs

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def main(argv: list[str]) -> int:
    text = render_cli_docs()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
