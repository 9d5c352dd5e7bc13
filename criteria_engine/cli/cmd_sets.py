"""``criteria schema`` and ``criteria list``: the format's schema and the known sets."""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK, HelpFormatter, Streams, add_sets_option, registry_for


def register(sub: Any) -> None:
    """Add ``list`` and ``schema``."""
    p = sub.add_parser(
        "list",
        help="list the criteria sets and their revisions",
        description="List criteria sets and their revisions, with effective windows.\n\nexamples:\n  criteria list\n  criteria list --sets criteria_sets --lang en",
        formatter_class=HelpFormatter,
    )
    add_sets_option(p)
    p.add_argument("--lang", default="vi", choices=("vi", "en"), help="language of titles (default vi)")
    p.set_defaults(run=run_list)
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of criteria-set files",
        description="Print the JSON Schema of criteria-set files (for editors).\n\nexample:\n  criteria schema > criteria-set.schema.json",
        formatter_class=HelpFormatter,
    )
    p.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace, streams: Streams) -> int:
    """Print the schema."""
    from ..format.schema import schema_text

    streams.out.write(schema_text())
    return EXIT_OK


def run_list(args: argparse.Namespace, streams: Streams) -> int:
    """Print one line per revision."""
    from ..explain.i18n import pick

    registry = registry_for(args.sets)
    for set_id in registry.sets():
        revisions = registry.revisions(set_id)
        streams.out.write(f"{set_id}: {pick(revisions[-1].model.title, args.lang)}\n")
        for rev in revisions:
            m = rev.model
            end = m.effective_to.isoformat() if m.effective_to else "…"
            streams.out.write(
                f"  {m.version:<10} {m.status:<8} {m.effective_from.isoformat()} → {end}  {rev.digest[:19]}\n"
            )
    return EXIT_OK
