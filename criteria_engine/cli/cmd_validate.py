"""``criteria validate PATH...``: check criteria-set files and folders."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_INVALID, EXIT_OK, HelpFormatter, Streams, has_errors, print_diagnostics

HELP = """\
Check criteria-set files (or folders of them): structure, meaning, expressions and revisions.
Each problem is printed as PATH:LINE:COL: error[CODE]: message, with a hint on the next line.

examples:
  criteria validate criteria_sets
  criteria validate criteria_sets/happy-family/2026.2.yaml --format json"""


def register(sub: Any) -> None:
    """Add the command to the parser."""
    p = sub.add_parser(
        "validate", help="check criteria-set files", description=HELP, formatter_class=HelpFormatter
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of criteria sets")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
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
            "diagnostics": [d.to_dict() for d in diagnostics],
        }
        json.dump(payload, streams.out, ensure_ascii=False, indent=2)
        streams.out.write("\n")
    else:
        print_diagnostics(diagnostics, streams)
        errors = sum(1 for c in catalog.checked if c.model is None)
        streams.out.write(f"{len(catalog.checked)} file(s) checked, {errors} invalid\n")
    return EXIT_INVALID if has_errors(diagnostics) else EXIT_OK
