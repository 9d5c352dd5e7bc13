"""``criteria show SET[@VERSION]``: a revision as a readable tree: groups, criteria, decision."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from .common import (
    EXIT_OK,
    HelpFormatter,
    Streams,
    add_revision_options,
    helped,
    is_terminal,
    language,
    plan_for,
    registry_for,
)

if TYPE_CHECKING:  # loaded when the command runs (``criteria --help`` needs none of them)
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    from ..evaluators.plan import Plan
    from ..format.models import CriteriaSet, Criterion, InputSpec
    from ..format.registry import Revision

HELP = helped("help.show.about")


def register(sub: Any) -> None:
    """Add ``show``."""
    p = sub.add_parser("show", help=helped("help.show"), description=HELP, formatter_class=HelpFormatter)
    p.add_argument("set", metavar="SET[@VERSION]", help=helped("help.option.set-version"))
    add_revision_options(p)
    p.add_argument("--inputs", action="store_true", help=helped("help.show.inputs"))
    p.add_argument("--code", action="store_true", help=helped("help.show.code"))
    p.set_defaults(run=run)


def _points(value: float | int, lang: str) -> str:
    from ..explain.i18n import format_number
    from ..explain.labels import word

    return f"{format_number(value, lang)} {word(lang, 'points').lower()}"


def criterion_node(criterion: Criterion, lang: str, plan: Plan) -> Text:
    """One criterion as styled text: id, title, badges, points, rule in words and basis."""
    from rich.text import Text

    from ..explain.describe import applies_text, kind_word, rule_text
    from ..explain.i18n import pick
    from ..explain.labels import word
    from ..format.semantics import criterion_max_points

    text = Text()
    text.append(f"{criterion.id} ", style="bold")
    text.append(pick(criterion.title, lang))
    if criterion.mandatory:
        text.append(f" [{word(lang, 'mandatory')}]", style="bold yellow")
    if criterion.veto:
        text.append(f" [{word(lang, 'veto')}]", style="bold red")
    if criterion_max_points(criterion):
        text.append(f" — {_points(criterion_max_points(criterion), lang)}", style="cyan")
    label = word(lang, "graded") if criterion.points_by is not None else word(lang, "rule")
    text.append(f"\n{label[:1].upper() + label[1:]}: {rule_text(plan, criterion.id, lang)}", style="")
    applies = applies_text(plan, criterion.id, lang)
    if applies:
        text.append(f"\n{word(lang, 'applies_if').capitalize()}: {applies}", style="dim")
    if criterion.on_missing != "unknown":
        text.append(
            f"\n{word(lang, 'on_missing').capitalize()}: {word(lang, criterion.on_missing)}", style="dim"
        )
    for basis in criterion.basis:
        text.append(
            f"\n{word(lang, 'basis')}: {pick(basis.ref, lang)} ({kind_word(basis.kind, lang)})", style="dim"
        )
    return text


def tree(revision: Revision, lang: str, plan: Plan) -> Tree:
    """The whole revision as a rich tree, every rule in words."""
    from rich.text import Text
    from rich.tree import Tree

    from ..explain.describe import band_texts, effective, kind_word, pass_rule_text, status_word
    from ..explain.i18n import pick
    from ..explain.labels import word

    cs: CriteriaSet = revision.model
    head = Text(f"{pick(cs.title, lang)} — {cs.ref}", style="bold")
    head.append(
        f"\n{status_word(cs.status, lang)} · {word(lang, 'effective')} {effective(cs, lang)}", style=""
    )
    head.append(f"\n{word(lang, 'digest')}: {revision.digest}", style="dim")
    if cs.description:
        head.append(f"\n{pick(cs.description, lang)}", style="italic")
    root = Tree(head)
    for basis in cs.basis:
        root.add(
            Text(
                f"{word(lang, 'basis')}: {pick(basis.ref, lang)} ({kind_word(basis.kind, lang)})", style="dim"
            )
        )
    for group in cs.groups:
        branch = root.add(Text(f"{group.id}. {pick(group.title, lang)}", style="bold underline"))
        for criterion in group.criteria:
            branch.add(criterion_node(criterion, lang, plan))
    decision = root.add(Text(word(lang, "decision"), style="bold underline"))
    decision.add(f"{word(lang, 'pass_rule')}: {pass_rule_text(plan, lang)}")
    bands = decision.add(word(lang, "bands"))
    for label, conditions in band_texts(plan, lang):
        line = Text(label, style="bold")
        if conditions:
            line.append(f" ({conditions})", style="dim")
        bands.add(line)
    return root


def input_kind(spec: InputSpec, lang: str) -> str:
    """What to type in an input's column: its kind, and for a choice or yes/no the labels an
    official writes (not the codes); what an empty cell means when the set says."""
    from ..io.template import WORDS as TEMPLATE_WORDS
    from ..io.template import blank_text, choices

    words = TEMPLATE_WORDS.get(lang, TEMPLATE_WORDS["en"])
    kind = str(words["types"].get(spec.type, spec.type))
    listed = choices(spec, lang)
    if listed:
        kind = " / ".join(listed) if spec.type == "boolean" else f"{kind}: {' / '.join(listed)}"
    if spec.blank is not None:
        kind += f" ({'ô trống' if lang == 'vi' else 'empty'} = {blank_text(spec, lang)})"
    return kind


def inputs_table(cs: CriteriaSet, lang: str) -> Table:
    """The data dictionary as a table: name, label (the column header to write), what to type, unit."""
    from rich.table import Table

    from ..explain.i18n import pick, unit_label
    from ..explain.labels import word

    table = Table(title=word(lang, "inputs"), title_justify="left")
    for key in ("name", "label", "type", "unit"):
        table.add_column(word(lang, key), overflow="fold")
    for name, spec in cs.inputs.items():
        table.add_row(name, pick(spec.label, lang), input_kind(spec, lang), unit_label(spec.unit, lang))
        for item_name, item in (spec.items or {}).items():
            table.add_row(
                f"  {name}.{item_name}",
                pick(item.label, lang),
                input_kind(item, lang),
                unit_label(item.unit, lang),
            )
    return table


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Print the tree (and the inputs)."""
    from ..render.table import console

    registry = registry_for(args.sets)
    revision = registry.get(args.set, args.as_of)
    if args.code:
        streams.out.write(plan_for(registry, revision).source)
        return EXIT_OK
    lang = language(args.lang, revision.model)
    out = console(streams.out, is_terminal(streams.out))
    out.print(tree(revision, lang, plan_for(registry, revision)))
    if args.inputs:
        out.print(inputs_table(revision.model, lang))
    return EXIT_OK


__all__ = ["criterion_node", "input_kind", "inputs_table", "register", "run", "tree"]
