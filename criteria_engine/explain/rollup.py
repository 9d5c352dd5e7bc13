"""The sentences of roll-ups: the members behind a parent's result and each aggregate's numbers.

The engine (:class:`~criteria_engine.evaluators.rollup_lines.RollupReader`) gives the facts,
one :class:`~criteria_engine.evaluators.rollup_lines.RollupLine` per aggregate; this module
words them: "Hộ gia đình: 8 hộ (5 đạt, 3 chưa đạt)", then "A1 · Tỷ lệ hộ đạt: 5/8 hộ đạt …".
"""

from __future__ import annotations

from ..evaluators.rollup_lines import STATUS_ORDER, RollupLine, RollupReader
from .aggregates import aggregate_sentence
from .cache import plan_words
from .i18n import format_number, pick
from .phrases import MEMBER_NOUNS

STATUS_WORDS = {
    "vi": {
        "passed": "đạt",
        "failed": "chưa đạt",
        "undetermined": "chưa xác định",
        "invalid": "dữ liệu không hợp lệ",
    },
    "en": {
        "passed": "passed",
        "failed": "not passed",
        "undetermined": "undetermined",
        "invalid": "invalid data",
    },
}
"""How statuses are counted in summaries: "12 đạt, 3 chưa đạt"."""

PHRASES = {
    "vi": {
        "head": "Tổng hợp từ thành viên",
        "reported": "dùng số báo cáo {name} = {value}, không dùng số tính từ thành viên",
        "members": "{label}: {n} {noun}",
    },
    "en": {
        "head": "Roll-up from members",
        "reported": "the reported {name} = {value} is used, not the figure from members",
        "members": "{label}: {n} {noun}",
    },
}


def _phrase(lang: str, key: str) -> str:
    return PHRASES.get(lang, PHRASES["en"])[key]


def status_counts(statuses: dict[str, int], lang: str) -> str:
    """``5 đạt, 3 chưa đạt`` (statuses in their fixed order; none counted: empty)."""
    words = STATUS_WORDS.get(lang, STATUS_WORDS["en"])
    return ", ".join(f"{statuses[s]} {words[s]}" for s in STATUS_ORDER if statuses.get(s))


def noun(subject: str, count: int, lang: str) -> str:
    """The word for ``count`` members of ``subject`` (hộ, thôn, households, a household...)."""
    nouns = MEMBER_NOUNS.get(subject, MEMBER_NOUNS[""])
    singular, plural = nouns.get(lang, nouns["en"])
    return singular if count == 1 else plural


def rollup_sentence(reader: RollupReader, line: RollupLine, lang: str) -> str:
    """One aggregate as a person reads it: what is counted, then the numbers."""
    head = f"{line.criterion} · " if line.criterion else ""
    numbers = aggregate_sentence(line.detail, reader.target(line), line.context, lang)
    text = f"{head}{pick(line.label, lang)}: {numbers}"
    if line.reported is not None:
        names = plan_words(reader.plan, lang).names  # the reported figure at its own precision
        name = names.label(line.reported)
        value = names.show(line.reported, line.context.get(line.reported))
        text += f" ({_phrase(lang, 'reported').format(name=name, value=value)})"
    return text


def rollup_section(reader: RollupReader, lines: tuple[RollupLine, ...], lang: str) -> list[str]:
    """The roll-up part of an explanation: members per collection, then each aggregate."""
    if not lines:
        return []
    out = [_phrase(lang, "head")]
    shown: set[str] = set()
    for line in lines:
        if line.collection in shown:
            continue
        shown.add(line.collection)
        out.append("  " + _members_line(reader, line, lang))
    out.extend(f"  • {rollup_sentence(reader, line, lang)}" for line in lines)
    return out


def _members_line(reader: RollupReader, line: RollupLine, lang: str) -> str:
    members = line.context.get(line.collection)
    spec = reader.collections[line.collection]
    total = line.detail.total
    text = _phrase(lang, "members").format(
        label=pick(spec.label, lang), n=format_number(total, lang), noun=noun(spec.subject, total, lang)
    )
    counts = status_counts(getattr(members, "statuses", {}), lang)
    return f"{text} ({counts})" if counts else text


__all__ = ["PHRASES", "STATUS_WORDS", "noun", "rollup_section", "rollup_sentence", "status_counts"]
