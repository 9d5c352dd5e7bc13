"""``criteria explain SET DATA --id ID``: one candidate's explanation, criterion by criterion."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from ..messages import listing, msg
from .cmd_evaluate import add_data_options, check_children, children_of
from .common import (
    EXIT_OK,
    HelpFormatter,
    Streams,
    UsageError,
    add_output_option,
    add_revision_options,
    helped,
    is_terminal,
    language,
    plan_for,
    print_diagnostics,
    registry_for,
)

if TYPE_CHECKING:
    from ..results import Result

HELP = helped("help.explain.about")


def register(sub: Any) -> None:
    """Add ``explain``."""
    p = sub.add_parser(
        "explain", help=helped("help.explain"), description=HELP, formatter_class=HelpFormatter
    )
    p.add_argument("set", metavar="SET[@VERSION]", help=helped("help.option.set"))
    p.add_argument("data", metavar="DATA", help=helped("help.option.data"))
    p.add_argument("--id", action="append", required=True, metavar="ID", help=helped("help.explain.id"))
    add_revision_options(p)
    add_output_option(p)
    add_data_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Find the candidates, evaluate them in full and print their explanations."""
    from ..evaluators.records import id_text
    from ..io.columns import suggest
    from ..io.records import DataSource
    from ..render.files import atomic_file
    from ..render.table import print_explanation
    from .pipeline import Job, evaluate_unit

    registry = registry_for(args.sets)
    plan = plan_for(registry, registry.get(args.set, args.as_of))
    lang = language(args.lang, plan.model)
    as_of = args.as_of or (None if "@" in args.set else dt.date.today())
    wanted = [str(i).strip() for i in args.id]

    def warn(diagnostics: Any) -> None:
        print_diagnostics([d for d in diagnostics if d.code != "data-missing-column"], streams)

    check_children(children_of(args), plan)
    source = DataSource(
        plan.model,
        args.data,
        args.map,
        children_of(args),
        args.sheet,
        None,
        warn,
        args.header_row,
    )
    found: dict[str, Result] = {}
    seen: list[str] = []
    job = Job(plan, as_of, detail=True)
    for unit in source.units():
        header = unit.columns.id_header
        key = id_text(unit.raw.values.get(header)) if header else None
        if key is None:
            continue
        if key in wanted and key not in found:
            found[key] = evaluate_unit(job, unit).result
        elif len(seen) < 100_000:
            seen.append(key)
    missing = [i for i in wanted if i not in found]
    if missing:
        hints = [h for h in (suggest(i, seen) for i in missing) if h]
        ids = listing(repr(i) for i in missing)
        if hints:
            raise UsageError(msg("cli.no-candidate-hint", ids=ids, file=args.data, hint=hints[0]))
        raise UsageError(msg("cli.no-candidate", ids=ids, file=args.data))
    results = [found[i] for i in wanted]
    if args.output:
        with atomic_file(args.output) as stream:
            print_explanation(stream, results, lang, colour=False)
    else:
        print_explanation(streams.out, results, lang, colour=is_terminal(streams.out))
    return EXIT_OK


__all__ = ["register", "run"]
