"""``criteria show SET[@VERSION]``: a revision as a readable tree: groups, criteria, decision."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..explain.i18n import format_number, pick
from ..explain.labels import word
from ..format.models import CriteriaSet, Criterion
from ..format.registry import Revision
from ..render.table import console
from .common import (
    EXIT_OK,
    HelpFormatter,
    Streams,
    add_revision_options,
    is_terminal,
    language,
    plan_for,
    registry_for,
)

HELP = """\
Show a criteria set as a readable tree: each group and criterion with its title, rule,
points, badges for mandatory criteria and vetoes, and legal basis; then how the decision
is made and the rating bands. With --inputs, also the data it needs (the columns of the
spreadsheet, with their labels, types and units).

With --code, print instead the Python the set compiles to (what evaluation runs): each
statement ends with the file and line of the YAML it comes from.

examples:
  criteria show happy-family
  criteria show happy-family@2026.1 --lang en
  criteria show happy-family --inputs
  criteria show happy-family@2026.2 --code"""


def register(sub: Any) -> None:
    """Add ``show``."""
    p = sub.add_parser(
        "show", help="show a set's criteria as a tree", description=HELP, formatter_class=HelpFormatter
    )
    p.add_argument(
        "set", metavar="SET[@VERSION]", help="the criteria set, e.g. happy-family or happy-family@2026.2"
    )
    add_revision_options(p)
    p.add_argument(
        "--inputs", action="store_true", help="also list the data the set needs (spreadsheet columns)"
    )
    p.add_argument(
        "--code", action="store_true", help="print the generated Python code instead (with YAML line numbers)"
    )
    p.set_defaults(run=run)


def _points(value: float | int, lang: str) -> str:
    return f"{format_number(value, lang)} {word(lang, 'points').lower()}"


def _rule(criterion: Criterion, lang: str) -> str:
    if criterion.points_by is not None:
        by = criterion.points_by
        if by.table:
            steps = ", ".join(f"{k}: {format_number(v, lang)}" for k, v in by.table.items())
        else:
            steps = ", ".join(
                f"≥ {format_number(b.min, lang)}: {format_number(b.points, lang)}" for b in by.bands or []
            )
        return f"{word(lang, 'graded')} {by.value} → {steps}"
    return criterion.when or ""


def criterion_node(criterion: Criterion, lang: str) -> Text:
    """One criterion as styled text: id, title, badges, points, rule and basis."""
    text = Text()
    text.append(f"{criterion.id} ", style="bold")
    text.append(pick(criterion.title, lang))
    if criterion.mandatory:
        text.append(f" [{word(lang, 'mandatory')}]", style="bold yellow")
    if criterion.veto:
        text.append(f" [{word(lang, 'veto')}]", style="bold red")
    maximum = (
        max((b.points for b in criterion.points_by.bands or []), default=0) if criterion.points_by else 0
    )
    if criterion.points_by and criterion.points_by.table:
        maximum = max(criterion.points_by.table.values(), default=0)
    text.append(f" — {_points(maximum if criterion.points_by else criterion.points, lang)}", style="cyan")
    text.append(f"\n{word(lang, 'rule')}: {_rule(criterion, lang)}", style="")
    if criterion.applies_if:
        text.append(f"\n{word(lang, 'applies_if')}: {criterion.applies_if}", style="dim")
    if criterion.on_missing != "unknown":
        text.append(f"\n{word(lang, 'on_missing')}: {word(lang, criterion.on_missing)}", style="dim")
    for basis in criterion.basis:
        text.append(f"\n{word(lang, 'basis')}: {pick(basis.ref, lang)} ({basis.kind})", style="dim")
    return text


def tree(revision: Revision, lang: str) -> Tree:
    """The whole revision as a rich tree."""
    cs: CriteriaSet = revision.model
    end = cs.effective_to.isoformat() if cs.effective_to else "…"
    head = Text(f"{pick(cs.title, lang)} — {cs.ref}", style="bold")
    head.append(
        f"\n{cs.status} · {word(lang, 'effective')} {cs.effective_from.isoformat()} → {end}", style=""
    )
    head.append(f"\n{word(lang, 'digest')}: {revision.digest}", style="dim")
    if cs.description:
        head.append(f"\n{pick(cs.description, lang)}", style="italic")
    root = Tree(head)
    for basis in cs.basis:
        root.add(Text(f"{word(lang, 'basis')}: {pick(basis.ref, lang)} ({basis.kind})", style="dim"))
    for group in cs.groups:
        branch = root.add(Text(f"{group.id}. {pick(group.title, lang)}", style="bold underline"))
        for criterion in group.criteria:
            branch.add(criterion_node(criterion, lang))
    decision = root.add(Text(word(lang, "decision"), style="bold underline"))
    rule = cs.decision.pass_
    parts = []
    if rule.min_score is not None:
        parts.append(f"{word(lang, 'min_score')} {rule.min_score}")
    if rule.min_percent is not None:
        parts.append(f"{word(lang, 'min_percent')} {format_number(rule.min_percent, lang)}%")
    if rule.all_mandatory:
        parts.append(word(lang, "all_mandatory"))
    if cs.decision.max_score is not None:
        parts.append(f"{word(lang, 'max_score').lower()} {format_number(cs.decision.max_score, lang)}")
    decision.add(f"{word(lang, 'pass_rule')}: " + "; ".join(parts))
    bands = decision.add(word(lang, "bands"))
    for band in cs.decision.ratings:
        line = Text(f"{band.id}: ", style="bold")
        line.append(pick(band.label, lang))
        conditions = [f"{word(lang, 'min_score')} {band.min_score}"] if band.min_score is not None else []
        if band.when:
            conditions.append(band.when)
        if conditions:
            line.append(f" ({'; '.join(conditions)})", style="dim")
        bands.add(line)
    return root


def inputs_table(cs: CriteriaSet, lang: str) -> Table:
    """The data dictionary as a table: name, label, type, unit."""
    table = Table(title=word(lang, "inputs"), title_justify="left")
    for key in ("name", "label", "type", "unit"):
        table.add_column(word(lang, key), overflow="fold")
    for name, spec in cs.inputs.items():
        kind: str = spec.type
        if spec.values:
            kind += ": " + ", ".join(spec.values)
        table.add_row(name, pick(spec.label, lang), kind, spec.unit or "")
        for item_name, item in (spec.items or {}).items():
            table.add_row(f"  {name}.{item_name}", pick(item.label, lang), item.type, item.unit or "")
    return table


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Print the tree (and the inputs)."""
    registry = registry_for(args.sets)
    revision = registry.get(args.set, args.as_of)
    if args.code:
        streams.out.write(plan_for(registry, revision).source)
        return EXIT_OK
    lang = language(args.lang, revision.model)
    out = console(streams.out, is_terminal(streams.out))
    out.print(tree(revision, lang))
    if args.inputs:
        out.print(inputs_table(revision.model, lang))
    return EXIT_OK


__all__ = ["criterion_node", "inputs_table", "register", "run", "tree"]
