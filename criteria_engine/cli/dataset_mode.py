"""``criteria evaluate SET DATASET``: a folder of tables (or one JSON document with a table per
subject) evaluated bottom-up, households to villages to the commune, each level explained.

Every set in force whose subject has a table in the dataset is evaluated, members first;
the set named on the command line is the level explained candidate by candidate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ..errors import DataError, Severity, diagnostic
from ..explain import DatasetEvaluation
from ..format.registry import parse_ref
from ..io.dataset import open_dataset
from ..io.dataset_tables import evaluate_dataset
from ..io.readers import load_json
from ..messages import Arg, listing, msg
from ..render.output import atomic_file
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    Streams,
    UsageError,
    language,
    print_diagnostics,
    registry_for,
    say,
)


def is_dataset(data: str) -> bool:
    """A folder of tables, or a JSON document whose top level holds several tables."""
    path = Path(data)
    if path.is_dir():
        return True
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(1 << 16).lstrip()
    except OSError:
        return False
    if not head.startswith(b"{"):
        return False
    try:
        document = load_json(path)
    except DataError:
        return False  # read again as a flat file, which reports the problem
    return isinstance(document, dict) and sum(isinstance(v, list) for v in document.values()) > 1


def run_dataset(args: argparse.Namespace, streams: Streams, fmt: str) -> int:
    """Evaluate the dataset bottom-up up to ``args.set`` and write the levels."""
    if fmt not in ("table", "json"):
        raise UsageError(msg("cli.dataset-format", format=fmt))
    registry = registry_for(args.sets)
    set_id, version = parse_ref(args.set)
    as_of = args.as_of or dt.date.today()
    plan_for = None
    if version is not None:
        top = registry.get(args.set)
        plan_for = {top.model.subject: top.ref}
    # Every set with a table in the dataset runs (the survey index feeds the commune's
    # happiness criterion); SET is the level explained in full.
    dataset = open_dataset(Path(args.data))
    model = registry.get(args.set, as_of).model
    subject = model.subject
    lang = language(args.lang, model)
    if not dataset.has(subject):
        listed: Arg = listing(dataset.tables()) if dataset.tables() else msg("list.none")
        said = msg("dataset-missing-table.candidates", subject=subject, set=set_id, tables=listed)
        hint = msg("dataset-missing-table.hint", subject=subject)
        raise DataError([diagnostic("dataset-missing-table", said, str(args.data), hint=hint)])
    evaluation = evaluate_dataset(dataset, registry, as_of=as_of, plan_for=plan_for)
    problems = list(evaluation.diagnostics)
    print_diagnostics(problems, streams)
    if fmt == "json":
        text = json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = _text(evaluation, set_id, lang)
    if args.output:
        with atomic_file(args.output, binary=False) as stream:
            stream.write(text)
        streams.err.write(say(msg("cli.written", file=args.output)) + "\n")
    else:
        streams.out.write(text)
    if any(d.severity == Severity.ERROR for d in problems) and not any(evaluation.levels.values()):
        return EXIT_INVALID
    return EXIT_OK


def _text(evaluation: DatasetEvaluation, set_id: str, lang: str) -> str:
    parts = [evaluation.summary(lang)]
    top = evaluation.level(set_id)
    for result in top.results:
        parts.append(evaluation.explain(set_id, result.id, lang))
    return "\n\n".join(parts) + "\n"


__all__ = ["is_dataset", "run_dataset"]
