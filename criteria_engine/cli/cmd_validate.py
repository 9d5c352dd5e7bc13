"""``criteria validate PATH...``: check criteria-set files and folders."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..messages import msg
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    HelpFormatter,
    Streams,
    add_lang_option,
    current_language,
    has_errors,
    helped,
    print_diagnostics,
    say,
)

HELP = helped("help.validate.about")


def register(sub: Any) -> None:
    """Add the command to the parser."""
    p = sub.add_parser(
        "validate", help=helped("help.validate"), description=HELP, formatter_class=HelpFormatter
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=helped("help.validate.paths"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=helped("help.validate.format"))
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Validate and report; exit 1 when any file is invalid."""
    from ..io.catalog import load_catalog

    catalog = load_catalog(args.paths)
    diagnostics = list(catalog.diagnostics)
    if args.format == "json":
        payload = {
            "valid": not has_errors(diagnostics),
            "files": [c.file for c in catalog.checked],
            "diagnostics": [d.to_dict(current_language()) for d in diagnostics],
        }
        json.dump(payload, streams.out, ensure_ascii=False, indent=2)
        streams.out.write("\n")
    else:
        print_diagnostics(diagnostics, streams)
        errors = sum(1 for c in catalog.checked if c.model is None)
        streams.out.write(say(msg("cli.validated", files=len(catalog.checked), invalid=errors)) + "\n")
    return EXIT_INVALID if has_errors(diagnostics) else EXIT_OK
