"""``criteria diff`` and ``criteria verify``: what a revision changes, and checking stored results."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import Diagnostic, RevisionError, error
from ..messages import msg
from ..render.files import atomic_file
from .cmd_evaluate import add_data_options, children_of
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    HelpFormatter,
    Streams,
    add_lang_option,
    add_output_option,
    add_revision_options,
    add_sets_option,
    helped,
    language,
    plan_for,
    print_diagnostics,
    registry_for,
    say,
    speak,
)

if TYPE_CHECKING:  # loaded when the command runs (``criteria --help`` needs none of them)
    from ..format.registry import Registry, Revision
    from ..io.records import Unit
    from ..results import Result
    from ..revisions.impact import ImpactReport

DIFF_HELP = helped("help.diff.about")

VERIFY_HELP = helped("help.verify.about")


def _format_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        default="text",
        choices=("text", "md", "json"),
        help=helped("help.option.format"),
    )
    add_output_option(p)


def register(sub: Any) -> None:
    """Add ``diff`` and ``verify`` to the parser."""
    p = sub.add_parser(
        "diff",
        help=helped("help.diff"),
        description=DIFF_HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument("refs", nargs="+", metavar="SET[@VERSION]", help=helped("help.diff.refs"))
    add_revision_options(p)
    p.add_argument("--data", metavar="FILE", help=helped("help.diff.data"))
    p.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help=helped("help.diff.limit"),
    )
    p.add_argument("--map", metavar="FILE", help=helped("help.option.map"))
    p.add_argument("--sheet", metavar="NAME", help=helped("help.option.sheet"))
    p.add_argument("--table", metavar="NAME", help=helped("help.diff.table"))
    _format_options(p)
    p.set_defaults(run=run_diff)
    p = sub.add_parser(
        "verify",
        help=helped("help.verify"),
        description=VERIFY_HELP,
        formatter_class=HelpFormatter,
    )
    p.add_argument("results", metavar="RESULTS", help=helped("help.verify.results"))
    p.add_argument("--data", required=True, metavar="FILE", help=helped("help.verify.data"))
    add_sets_option(p)
    add_lang_option(p)
    add_data_options(p)
    _format_options(p)
    p.set_defaults(run=run_verify)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Run ``diff`` or ``verify`` (whichever ``args.command`` names)."""
    return run_verify(args, streams) if getattr(args, "command", "") == "verify" else run_diff(args, streams)


@contextlib.contextmanager
def _output(args: argparse.Namespace, streams: Streams) -> Iterator[IO[Any]]:
    """The screen, or ``-o FILE`` written in place only when the command succeeds."""
    if not args.output:
        yield streams.out
        return
    with atomic_file(args.output) as handle:
        yield handle


class _Warnings:
    """Data warnings on stderr, each once, at most ``limit`` of them."""

    def __init__(self, streams: Streams, limit: int = 10) -> None:
        self.streams, self.limit = streams, limit
        self.seen: set[tuple[str, str]] = set()

    def __call__(self, diagnostics: Sequence[Diagnostic]) -> None:
        for diag in diagnostics:
            key = (diag.code, diag.message)
            if key in self.seen:
                continue
            self.seen.add(key)
            if len(self.seen) <= self.limit:
                print_diagnostics([diag], self.streams)
            elif len(self.seen) == self.limit + 1:
                self.streams.err.write(say(msg("cli.more-problems")) + "\n")


# --- diff ---------------------------------------------------------------------------------------


def _previous(registry: Registry, revision: Revision) -> Revision:
    earlier = [
        r
        for r in registry.revisions(revision.id)
        if r.model.status != "draft" and r.model.effective_from < revision.model.effective_from
    ]
    if not earlier:
        text = msg("no-previous-revision", ref=revision.ref)
        raise RevisionError([error("no-previous-revision", text, hint=msg("no-previous-revision.hint"))])
    return earlier[-1]


def _revisions(registry: Registry, args: argparse.Namespace) -> tuple[Revision, Revision]:
    from ..format.registry import parse_ref

    refs: list[str] = args.refs
    if len(refs) > 2:
        raise RevisionError([error("too-many-revisions", msg("too-many-revisions", count=len(refs)))])
    chosen = [registry.get(ref, args.as_of) for ref in refs]
    if len(chosen) == 1:
        return _previous(registry, chosen[0]), chosen[0]
    if parse_ref(refs[0])[0] != parse_ref(refs[1])[0]:
        text = msg("different-sets", first=chosen[0].ref, second=chosen[1].ref)
        raise RevisionError([error("different-sets", text)])
    return chosen[0], chosen[1]


def run_diff(args: argparse.Namespace, streams: Streams) -> int:
    """Print the diff (and the impact report with --data)."""
    from ..io import load_map_file
    from ..revisions.data import DataLog, merged_inputs, read_records
    from ..revisions.diff import diff_revisions
    from ..revisions.impact import impact
    from ..revisions.render import (
        diff_data,
        diff_lines,
        diff_markdown,
        impact_lines,
        impact_markdown,
        write_text,
    )

    registry = registry_for(args.sets)
    a, b = _revisions(registry, args)
    lang = language(args.lang, b.model)
    diff = diff_revisions(a, b)
    report: ImpactReport | None = None
    log = DataLog(args.data or "")
    if args.data:
        inputs = merged_inputs(a.model, b.model)
        extra = load_map_file(args.map) if args.map else None
        records = read_records(args.data, inputs, sheet=args.sheet, table=args.table, extra=extra, log=log)
        report = impact(plan_for(registry, a), plan_for(registry, b), records)
        _Warnings(streams)(log.problems)
    limit = None if args.limit <= 0 else args.limit
    source = Path(args.data).name if args.data else ""
    with _output(args, streams) as out:
        if args.format == "json":
            payload = diff_data(diff, lang)
            if report is not None:
                payload["impact"] = report.to_dict()
                payload["data_problems"] = [d.to_dict(lang) for d in log.problems]
            json.dump(payload, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif args.format == "md":
            out.write(diff_markdown(diff, lang))
            if report is not None:
                out.write("\n" + impact_markdown(report, lang, limit, source))
        else:
            lines = diff_lines(diff, lang)
            if report is not None:
                lines += impact_lines(report, lang, limit, source)
            write_text(lines, out)
    return EXIT_OK


# --- verify -------------------------------------------------------------------------------------


def _stored_results(path: str) -> list[object]:
    """The results of a JSON file (an array, or ``{"results": [...]}`` as ``criteria evaluate``
    writes it) or a JSONL file (one per line; the closing ``{"summary": ...}`` line is skipped).
    Compact results (``--detail verdicts``) get the set the file names for all of them."""
    from ..io import iter_rows
    from ..io.readers import load_json
    from ..revisions.verify import with_file_set

    jsonl = Path(path).suffix.lower() in (".jsonl", ".ndjson") or path == "-"
    items: list[object] = []
    file_set: object = None
    for row in iter_rows(path, fmt="jsonl" if jsonl else "json", table=None):
        if set(row.values) == {"summary"}:
            summary = row.values["summary"]
            file_set = summary.get("criteria_set") if isinstance(summary, Mapping) else None
            continue
        items.append(row.values if row.values or not row.problems else None)
    if not jsonl and path != "-":
        document = load_json(Path(path))
        if isinstance(document, Mapping):
            summary = document.get("summary")
            found = summary.get("criteria_set") if isinstance(summary, Mapping) else None
            file_set = found if found is not None else document.get("criteria_set")
    return with_file_set(items, file_set)


class _FromData:
    """Recomputes a stored result the way ``criteria evaluate`` computed it: the same reading
    of the data file (column map, child tables), the same invalid rows, the same evaluation."""

    def __init__(self, args: argparse.Namespace, registry: Registry, warn: _Warnings) -> None:
        self.args, self.registry, self.warn = args, registry, warn
        self.units: dict[str, tuple[dict[int, Unit], dict[str, Unit]]] = {}

    @staticmethod
    def _id(unit: Unit) -> str | None:
        from ..evaluators.records import id_text

        header = unit.columns.id_header
        return id_text(unit.raw.values.get(header)) if header else None

    def _index(self, revision: Revision) -> tuple[dict[int, Unit], dict[str, Unit]]:
        from ..io.records import DataSource

        found = self.units.get(revision.digest)
        if found is None:
            plan = plan_for(self.registry, revision)
            args = self.args
            source = DataSource(
                plan.model,
                args.data,
                column_map=args.map,
                children=children_of(args),
                sheet=args.sheet,
                warn=self.warn,
                header_row=args.header_row,
                strict=True,
            )
            by_row: dict[int, Unit] = {}
            by_id: dict[str, Unit] = {}
            for unit in source.units():
                by_row[unit.raw.row_number] = unit
                uid = self._id(unit)
                if uid is not None:
                    by_id.setdefault(uid, unit)
            found = self.units[revision.digest] = (by_row, by_id)
        return found

    def ids(self) -> list[str]:
        """The ids of the candidates in the data (as read for the revisions seen), in order."""
        return list(dict.fromkeys(cid for _rows, by_id in self.units.values() for cid in by_id))

    def __call__(
        self, revision: Revision, stored: Mapping[str, object], as_of: dt.date | None, detail: bool
    ) -> Result | None:
        by_row, by_id = self._index(revision)
        cid = str(stored.get("id", ""))
        row = stored.get("row")
        unit = by_row.get(row) if isinstance(row, int) else None
        if unit is None or (self._id(unit) or "") != cid:
            unit = by_id.get(cid)
        if unit is None:
            return None
        from .pipeline import Job, evaluate_unit

        job = Job(plan_for(self.registry, revision), as_of, detail)
        return evaluate_unit(job, unit).result


def run_verify(args: argparse.Namespace, streams: Streams) -> int:
    """Verify each stored result; exit 1 unless all are reproduced."""
    from ..revisions.render import verify_lines, verify_markdown, write_text
    from ..revisions.verify import verify_results

    registry = registry_for(args.sets)
    lang = args.lang
    speak(lang)
    stored = _stored_results(args.results)
    recompute = _FromData(args, registry, _Warnings(streams))
    report = verify_results(stored, None, registry, recompute=recompute, data_ids=recompute.ids)
    with _output(args, streams) as out:
        if args.format == "json":
            json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif args.format == "md":
            out.write(verify_markdown(report, lang))
        else:
            write_text(verify_lines(report, lang), out)
    return EXIT_OK if report.ok else EXIT_INVALID


__all__ = ["register", "run", "run_diff", "run_verify"]
