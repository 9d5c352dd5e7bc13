"""``criteria diff`` and ``criteria verify``: what a revision changes, and checking stored results."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..catalog import load_registry
from ..errors import RevisionError, error
from ..evaluators.plan import compile_plan
from ..io import iter_rows
from ..registry import Registry, Revision, parse_ref
from ..revisions.data import DataLog, merged_inputs, read_records
from ..revisions.diff import diff_revisions
from ..revisions.impact import ImpactReport, impact
from ..revisions.render import (
    diff_data,
    diff_lines,
    diff_markdown,
    impact_lines,
    impact_markdown,
    verify_lines,
    verify_markdown,
    write_text,
)
from ..revisions.verify import verify_results
from .common import EXIT_INVALID, EXIT_OK, Streams, parse_date

DIFF_HELP = """\
Show what changes from one revision of a criteria set to another, in plain words: criteria
added or removed, rules and thresholds ("Income poverty line, Rural: 1,500,000 → 2,200,000
VND/month"), points, mandatory and veto criteria, parameters, rating bands, the pass rule,
inputs, titles and messages.

A revision is SET@VERSION. A bare SET means the revision in force on --as-of (default today).
With one revision, it is compared with the revision before it.

With --data, every candidate in the data file is evaluated under both revisions, and the report
says whose status or rating changes and why (the criteria whose verdicts changed), with counts.
Data files: JSON or JSONL (records may hold lists, e.g. a household's persons), CSV or XLSX for
sets whose inputs are flat.

examples:
  criteria diff happy-family@2026.1 happy-family@2026.2
  criteria diff happy-family@2027.1 --lang en
  criteria diff happy-family@2026.2 happy-family@2027.1 --data households.jsonl
  criteria diff happy-family --as-of 2026-12-31 happy-family@2027.1 --format md -o changes.md
  criteria diff happy-family@2026.1 happy-family@2026.2 --format json"""

VERIFY_HELP = """\
Check stored results: each result (an object written by the evaluator, as a JSON array or one
per line as JSONL) names the exact rules that produced it by their digest. Each candidate is
evaluated again with that revision and the stored as-of date, and every field is compared.
Reports each result that differs (id, field, stored value, recomputed value), each result whose
digest matches no known revision, and each result whose candidate is not in the data.

Exit status: 0 when every result is reproduced exactly, 1 otherwise.

examples:
  criteria verify results.json --data households.jsonl
  criteria verify results.jsonl --data households.json --sets my_sets --format json"""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sets",
        action="append",
        metavar="PATH",
        help="folders of criteria sets (default: the shipped ones); repeatable",
    )
    p.add_argument("--lang", default="vi", choices=("vi", "en"), help="language of the report (default vi)")
    p.add_argument(
        "--format",
        default="text",
        choices=("text", "md", "json"),
        help="text (default), md (Markdown) or json",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of the screen")
    p.add_argument(
        "--id-field", default="id", metavar="NAME", help="the data column holding candidate ids (default id)"
    )
    p.add_argument("--sheet", help="the sheet of an XLSX data file (default the first)")
    p.add_argument("--table", help='the list to read in a JSON data file shaped {"households": [...]}')


def register(sub: Any) -> None:
    """Add ``diff`` and ``verify`` to the parser."""
    raw = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser(
        "diff",
        help="what changes between two revisions (and whose result changes)",
        description=DIFF_HELP,
        formatter_class=raw,
    )
    p.add_argument("refs", nargs="+", metavar="SET[@VERSION]", help="one or two revisions: the old one first")
    p.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help="date choosing a revision named without version (YYYY-MM-DD; default today)",
    )
    p.add_argument(
        "--data",
        metavar="FILE",
        help="evaluate this data under both revisions and report whose result changes",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="candidates listed in text and md (default 50; 0 lists all)",
    )
    _common(p)
    p.set_defaults(run=run_diff)
    p = sub.add_parser(
        "verify",
        help="check that stored results are reproduced by their revision",
        description=VERIFY_HELP,
        formatter_class=raw,
    )
    p.add_argument("results", metavar="RESULTS", help="stored results: a JSON array or JSONL file")
    p.add_argument(
        "--data", required=True, metavar="FILE", help="the candidates' data the results were computed from"
    )
    _common(p)
    p.set_defaults(run=run_verify)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Run ``diff`` or ``verify`` (whichever ``args.command`` names)."""
    return run_verify(args, streams) if getattr(args, "command", "") == "verify" else run_diff(args, streams)


@contextlib.contextmanager
def _output(args: argparse.Namespace, streams: Streams) -> Iterator[TextIO]:
    if not args.output:
        yield streams.out
        return
    with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def _previous(registry: Registry, revision: Revision) -> Revision:
    earlier = [
        r
        for r in registry.revisions(revision.id)
        if r.model.status != "draft" and r.model.effective_from < revision.model.effective_from
    ]
    if not earlier:
        message = f"{revision.ref} has no earlier revision to compare with"
        raise RevisionError(
            [error("no-previous-revision", message, suggestion="name both revisions: SET@A SET@B")]
        )
    return earlier[-1]


def _revisions(registry: Registry, args: argparse.Namespace) -> tuple[Revision, Revision]:
    refs: list[str] = args.refs
    if len(refs) > 2:
        raise RevisionError([error("too-many-revisions", f"give one or two revisions, not {len(refs)}")])
    chosen = [registry.get(ref, args.as_of) for ref in refs]
    if len(chosen) == 1:
        return _previous(registry, chosen[0]), chosen[0]
    if parse_ref(refs[0])[0] != parse_ref(refs[1])[0]:
        raise RevisionError(
            [error("different-sets", f"{chosen[0].ref} and {chosen[1].ref} are revisions of different sets")]
        )
    return chosen[0], chosen[1]


def _report_data(log: DataLog, streams: Streams) -> None:
    for diag in log.problems[:10]:
        streams.err.write(str(diag) + "\n")
    if len(log.problems) > 10:
        streams.err.write(f"… and {len(log.problems) - 10} more data problems\n")


def run_diff(args: argparse.Namespace, streams: Streams) -> int:
    """Print the diff (and the impact report with --data)."""
    registry = load_registry(args.sets)
    a, b = _revisions(registry, args)
    diff = diff_revisions(a, b)
    report: ImpactReport | None = None
    log = DataLog(args.data or "")
    if args.data:
        resolve = registry.resolver()
        records = read_records(
            args.data,
            merged_inputs(a.model, b.model),
            id_field=args.id_field,
            sheet=args.sheet,
            table=args.table,
            log=log,
        )
        report = impact(compile_plan(a, resolve), compile_plan(b, resolve), records, id_field=args.id_field)
        _report_data(log, streams)
    limit = None if args.limit <= 0 else args.limit
    source = Path(args.data).name if args.data else ""
    with _output(args, streams) as out:
        if args.format == "json":
            payload = diff_data(diff, args.lang)
            if report is not None:
                payload["impact"] = report.to_dict()
                payload["data_problems"] = [d.to_dict() for d in log.problems]
            json.dump(payload, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif args.format == "md":
            out.write(diff_markdown(diff, args.lang))
            if report is not None:
                out.write("\n" + impact_markdown(report, args.lang, limit, source))
        else:
            lines = diff_lines(diff, args.lang)
            if report is not None:
                lines += impact_lines(report, args.lang, limit, source)
            write_text(lines, out)
    return EXIT_OK


def _stored_results(path: str) -> list[object]:
    """The stored results of a JSON array (or ``{"results": [...]}``) or JSONL file."""
    items: list[object] = []
    for row in iter_rows(path, fmt="jsonl" if Path(path).suffix.lower() in (".jsonl", ".ndjson") else "json"):
        items.append(row.values if row.values or not row.problems else None)
    return items


def run_verify(args: argparse.Namespace, streams: Streams) -> int:
    """Verify each stored result; exit 1 unless all are reproduced."""
    registry = load_registry(args.sets)
    stored = _stored_results(args.results)
    logs: list[DataLog] = []

    def records_for(revision: Revision) -> dict[str, dict[str, object]]:
        log = DataLog(args.data)
        logs.append(log)
        rows = read_records(
            args.data,
            revision.model.inputs,
            id_field=args.id_field,
            sheet=args.sheet,
            table=args.table,
            log=log,
        )
        return {str(r[args.id_field]): r for r in rows}

    report = verify_results(stored, records_for, registry, id_field=args.id_field)
    for log in logs[:1]:
        _report_data(log, streams)
    with _output(args, streams) as out:
        if args.format == "json":
            json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif args.format == "md":
            out.write(verify_markdown(report, args.lang))
        else:
            write_text(verify_lines(report, args.lang), out)
    return EXIT_OK if report.ok else EXIT_INVALID


__all__ = ["register", "run", "run_diff", "run_verify"]
