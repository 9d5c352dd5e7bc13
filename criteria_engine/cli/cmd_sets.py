"""``criteria schema`` and ``criteria list``: the format's schema and the known sets."""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK, HelpFormatter, Streams, add_lang_option, add_sets_option, helped, registry_for


def register(sub: Any) -> None:
    """Add ``list`` and ``schema``."""
    p = sub.add_parser(
        "list",
        help=helped("help.list"),
        description=helped("help.list.about"),
        formatter_class=HelpFormatter,
    )
    add_sets_option(p)
    add_lang_option(p)
    p.set_defaults(run=run_list)
    p = sub.add_parser(
        "schema",
        help=helped("help.schema"),
        description=helped("help.schema.about"),
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
    from ..explain.describe import status_word
    from ..explain.i18n import format_period, pick

    registry = registry_for(args.sets)
    for set_id in registry.sets():
        revisions = registry.revisions(set_id)
        streams.out.write(f"{set_id}: {pick(revisions[-1].model.title, args.lang)}\n")
        for rev in revisions:
            m = rev.model
            status = status_word(m.status, args.lang) if args.lang == "vi" else m.status
            if args.lang == "vi":  # officials write inclusive dates: 01/07/2026 – 31/12/2026
                period = format_period(m.effective_from, m.effective_to, "vi")
            else:
                end = m.effective_to.isoformat() if m.effective_to else "…"
                period = f"{m.effective_from.isoformat()} → {end}"
            streams.out.write(f"  {m.version:<10} {status:<13} {period:<25} {rev.digest[:19]}\n")
    return EXIT_OK
