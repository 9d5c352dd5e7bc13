"""Showing diffs, impact reports and verifications: terminal text, Markdown and JSON.

Text is built as lines with a style each; :func:`write_text` prints them through rich (colours
on a terminal, plain text in a file or a pipe). Markdown is the same content for a report or
a wiki page; JSON is the typed data plus one sentence per change, for machines.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.text import Text as RichText

from ..explain.describe import status_word
from ..explain.i18n import format_number, format_period, pick
from ..messages import msg
from .describe import describe
from .diff import ENTITIES, Change, RevisionDiff, RevisionInfo
from .impact import CandidateChange, CriterionDelta, ImpactReport
from .verify import VerifyReport

Line = tuple[str, str]
"""A line of text and its rich style ('' for none)."""

_SECTIONS = {
    "set": ("Bộ tiêu chí", "The set"),
    "input": ("Dữ liệu đầu vào", "Inputs"),
    "parameter": ("Tham số", "Parameters"),
    "derived": ("Giá trị dẫn xuất", "Derived values"),
    "group": ("Nhóm tiêu chí", "Groups"),
    "criterion": ("Tiêu chí", "Criteria"),
    "pass": ("Quy tắc đạt", "Pass rule"),
    "band": ("Xếp loại", "Rating bands"),
    "measure": ("Chỉ số đo", "Measures"),
    "collection": ("Tập thành viên", "Collections"),
    "check": ("Kiểm tra tính nhất quán", "Consistency checks"),
}
_SUBJECTS = {
    "household": ("hộ", "household", "households"),
    "village": ("thôn", "village", "villages"),
    "commune": ("xã", "commune", "communes"),
    "school": ("trường", "school", "schools"),
    "person": ("người", "person", "people"),
    "province": ("tỉnh", "province", "provinces"),
}
_STATUS_VI = {
    "passed": "đạt",
    "failed": "không đạt",
    "undetermined": "chưa xác định được kết quả",
    "invalid": "có dữ liệu không hợp lệ",
}
_STATUS_EN = {  # (plural, singular)
    "passed": ("pass", "passes"),
    "failed": ("fail", "fails"),
    "undetermined": ("are undetermined", "is undetermined"),
    "invalid": ("are invalid", "is invalid"),
}
_VERDICT = {
    "pass": ("đạt", "pass"),
    "fail": ("không đạt", "fail"),
    "unknown": ("chưa xác định", "unknown"),
    "not_applicable": ("không áp dụng", "n/a"),
    None: ("không có", "absent"),
}
_OUTCOME = {
    "verified": ("khớp", "verified"),
    "differs": ("khác", "differ"),
    "unknown-revision": ("không rõ phiên bản", "unknown revision"),
    "no-record": ("không có dữ liệu", "no record"),
    "malformed": ("sai định dạng", "malformed"),
    "missing-result": ("thiếu kết quả", "missing from the results"),
}


def _w(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "vi" else pair[1]


def _say(key: str, lang: str, **values: str | int) -> str:
    """A sentence of the catalogue of messages (``diff.KEY``) in ``lang``."""
    return msg(f"diff.{key}", **values)(lang)


def _marker(change: Change) -> tuple[str, str]:
    if change.kind.endswith("-added"):
        return "+", "green"
    if change.kind.endswith("-removed"):
        return "-", "red"
    return "~", "yellow"


def _window(info: RevisionInfo, lang: str) -> str:
    """When a revision is in force: ``01/07/2026 – 31/12/2026`` (the file's dates in English)."""
    if lang != "vi":
        return f"{info.effective_from} – {info.effective_to or '…'}"
    end = dt.date.fromisoformat(info.effective_to) if info.effective_to else None
    return format_period(dt.date.fromisoformat(info.effective_from), end, lang)


def _status_text(info: RevisionInfo, lang: str) -> str:
    """A revision's status as a person says it (``đang áp dụng``; the file's word in English)."""
    return status_word(info.status, lang) if lang == "vi" else info.status


def subject_words(subject: str, lang: str, count: int) -> str:
    """``hộ`` / ``household`` / ``households`` for a set's subject."""
    vi, one, many = _SUBJECTS.get(subject, ("ứng viên", "candidate", "candidates"))
    return vi if lang == "vi" else (one if count == 1 else many)


# --- the diff -----------------------------------------------------------------------------------


def _sections(diff: RevisionDiff) -> list[tuple[str, list[Change]]]:
    return [
        (e, [c for c in diff.changes if c.entity == e])
        for e in ENTITIES
        if any(c.entity == e for c in diff.changes)
    ]


def diff_lines(diff: RevisionDiff, lang: str) -> list[Line]:
    """The diff as styled lines for a terminal."""
    a, b = diff.a, diff.b
    out: list[Line] = [(f"{a.set_id}: {a.version} → {b.version}", "bold")]
    for info in (a, b):
        status, window = _status_text(info, lang), _window(info, lang)
        out.append((f"  {info.version}: {status}, {window}, {info.digest[:19]}…", "dim"))
    if b.changes:
        out.append((f"  {_say('note', lang, v=b.version)}: {pick(b.changes, lang)}", "italic"))
    out.append(("", ""))
    if not diff:
        out.append((_say("no-change", lang), "green"))
        return out
    out.append((_say("changes", lang, n=len(diff)), "bold"))
    for entity, changes in _sections(diff):
        out.append(("", ""))
        out.append((f"{_w(_SECTIONS[entity], lang)} ({len(changes)})", "bold underline"))
        for change in changes:
            mark, style = _marker(change)
            out.append((f"  {mark} {describe(change, lang)}", style))
    return out


def diff_markdown(diff: RevisionDiff, lang: str) -> str:
    """The diff as Markdown."""
    a, b = diff.a, diff.b
    head = _w(("Trạng thái", "Status"), lang), _w(("Hiệu lực", "In force"), lang)
    rows = [
        f"# {a.set_id}: {a.version} → {b.version}",
        "",
        f"| | {a.version} | {b.version} |",
        "|---|---|---|",
        f"| {head[0]} | {_status_text(a, lang)} | {_status_text(b, lang)} |",
        f"| {head[1]} | {_window(a, lang)} | {_window(b, lang)} |",
        f"| {_say('digest', lang)} | `{a.digest}` | `{b.digest}` |",
        "",
    ]
    if b.changes:
        rows += [f"> {pick(b.changes, lang)}", ""]
    if not diff:
        return "\n".join([*rows, _say("no-change", lang), ""])
    rows += [f"**{_say('changes', lang, n=len(diff))}**", ""]
    for entity, changes in _sections(diff):
        rows += [f"## {_w(_SECTIONS[entity], lang)} ({len(changes)})", ""]
        rows += [f"- {describe(change, lang)}" for change in changes]
        rows.append("")
    return "\n".join(rows)


def diff_data(diff: RevisionDiff, lang: str) -> dict[str, object]:
    """The diff as JSON data: both revisions, the counts by kind, and every change with its sentence."""
    return {
        "a": diff.a.to_dict(),
        "b": diff.b.to_dict(),
        "counts": diff.counts(),
        "changes": [{**c.to_dict(), "text": describe(c, lang)} for c in diff.changes],
    }


# --- the impact report --------------------------------------------------------------------------


def impact_sentences(report: ImpactReport, lang: str) -> list[str]:
    """The counts in words: "37 households pass under 2026.1 and fail under 2026.2; 5 the other way"."""
    out: list[str] = []
    va, vb = report.version_a, report.version_b
    done: set[tuple[str, str]] = set()
    for (x, y), n in sorted(report.statuses.items(), key=lambda item: -item[1]):
        if x == y or (x, y) in done:
            continue
        done |= {(x, y), (y, x)}
        back = report.moved(y, x)
        noun = subject_words(report.subject, lang, n)
        if lang == "vi":
            text = f"{n} {noun} {_STATUS_VI[x]} theo {va} và {_STATUS_VI[y]} theo {vb}"
            text += f"; {back} {noun} ngược lại" if back else ""
        else:
            one = 1 if n == 1 else 0
            text = f"{n} {noun} {_STATUS_EN[x][one]} under {va} and {_STATUS_EN[y][one]} under {vb}"
            text += f"; {back} the other way" if back else ""
        out.append(text + ".")
    for (ra, rb), n in sorted(report.ratings.items(), key=lambda item: -item[1]):
        if ra == rb or ra is None or rb is None:  # no rating: the status sentence says why
            continue
        noun = subject_words(report.subject, lang, n)
        band_a, band_b = _band(report, ra, lang), _band(report, rb, lang)
        out.append(f"{n} {noun}: {_w(('xếp loại', 'rating'), lang)} {band_a} → {band_b}.")
    if report.score_only:
        noun = subject_words(report.subject, lang, report.score_only)
        out.append(_say("score-only", lang, n=report.score_only, noun=noun))
    noun = subject_words(report.subject, lang, report.unchanged)
    out.append(_say("unchanged", lang, n=report.unchanged, noun=noun))
    return out


def _band(report: ImpactReport, band: str | None, lang: str) -> str:
    if band is None:
        return _w(("(không xếp loại)", "(no rating)"), lang)
    label = report.rating_labels.get(band)
    return f"“{pick(label, lang)}”" if label else band


def _verdict(value: str | None, lang: str) -> str:
    return _w(_VERDICT.get(value, (str(value), str(value))), lang)


def _status(value: str, lang: str) -> str:
    return _STATUS_VI.get(value, value) if lang == "vi" else value


def _score(value: float | None, lang: str) -> str:
    return "—" if value is None else format_number(value, lang)


def _delta_text(d: CriterionDelta, lang: str) -> str:
    points = _w(("điểm", "points"), lang)
    if d.verdict_a is None:
        return f"{d.id} ({_w(('mới', 'new'), lang)}) {_verdict(d.verdict_b, lang)}"
    if d.verdict_b is None:
        return f"{d.id} ({_w(('đã bỏ', 'removed'), lang)}) {_verdict(d.verdict_a, lang)}"
    if d.verdict_changed:
        return f"{d.id} {_verdict(d.verdict_a, lang)} → {_verdict(d.verdict_b, lang)}"
    return f"{d.id} {_score(d.points_a, lang)} → {_score(d.points_b, lang)} {points}"


def candidate_text(change: CandidateChange, report: ImpactReport, lang: str) -> str:
    """``H001: đạt → không đạt (82 → 79 điểm); vì: K7 (mới) không đạt, A2 5 → 3 điểm``."""
    parts = [f"{_status(change.status_a, lang)} → {_status(change.status_b, lang)}"]
    if change.rating_changed:
        parts.append(f"{_band(report, change.rating_a, lang)} → {_band(report, change.rating_b, lang)}")
    points = _w(("điểm", "points"), lang)
    head = f"{change.id}: {', '.join(parts)} ({_score(change.score_a, lang)} → {_score(change.score_b, lang)} {points})"
    ranked = sorted(change.criteria, key=lambda d: not d.verdict_changed)  # verdicts first, then points
    reasons = [_delta_text(d, lang) for d in ranked]
    if None not in (change.pass_min_a, change.pass_min_b) and change.pass_min_a != change.pass_min_b:
        word = _w(("điểm cần để đạt", "points needed to pass"), lang)
        reasons.append(f"{word} {_score(change.pass_min_a, lang)} → {_score(change.pass_min_b, lang)}")
    for errors, version in ((change.errors_a, report.version_a), (change.errors_b, report.version_b)):
        if errors:
            word = _w(("dữ liệu không hợp lệ theo", "invalid data under"), lang)
            reasons.append(f"{word} {version}: {', '.join(errors)}")
    if not reasons:
        reasons.append(_w(("các mức xếp loại thay đổi", "the rating bands changed"), lang))
    return f"{head}; {_w(('vì', 'why'), lang)}: {', '.join(reasons)}"


def _criteria_moves(report: ImpactReport, lang: str) -> list[str]:
    """One line per criterion: how many verdicts moved which way, how many only changed points."""
    out = []
    for cid in dict.fromkeys([*report.criteria, *report.points_only]):
        moves: dict[tuple[str | None, str | None], int] = dict(report.criteria.get(cid, {}))
        parts = []
        for (x, y), n in sorted(moves.items(), key=lambda item: -item[1]):
            shown = [_verdict(v, lang) for v in (x, y) if v is not None]
            parts.append(f"{n} {' → '.join(shown)}")
        if report.points_only.get(cid):
            parts.append(
                f"{report.points_only[cid]} {_w(('đổi điểm, giữ kết quả', 'other points, same verdict'), lang)}"
            )
        tag = ""
        if moves and all(x is None for x, _ in moves):
            tag = f" ({_w(('mới', 'new'), lang)})"
        elif moves and all(y is None for _, y in moves):
            tag = f" ({_w(('đã bỏ', 'removed'), lang)})"
        out.append(f"{cid}{tag}: {'; '.join(parts)}")
    return out


def impact_lines(report: ImpactReport, lang: str, limit: int | None = 50, source: str = "") -> list[Line]:
    """The impact report as styled lines; ``limit`` caps the candidates listed (None: all)."""
    noun = subject_words(report.subject, lang, report.total)
    title = _say("impact", lang, where=f" ({source})" if source else "", n=report.total, noun=noun)
    out: list[Line] = [("", ""), (title, "bold underline")]
    out += [(f"  {s}", "") for s in impact_sentences(report, lang)]
    moves = _criteria_moves(report, lang)
    if moves:
        out.append((_say("criteria-moves", lang), "bold"))
        out += [(f"  {m}", "") for m in moves]
    if report.changed:
        out.append((_say("candidates", lang), "bold"))
        shown = report.changed if limit is None else report.changed[:limit]
        out += [(f"  {candidate_text(c, report, lang)}", "yellow") for c in shown]
        more = report.changed_total - len(shown)
        if more > 0:
            out.append((_say("more", lang, n=more), "dim"))
    return out


def impact_markdown(report: ImpactReport, lang: str, limit: int | None = 50, source: str = "") -> str:
    """The impact report as Markdown."""
    lines = impact_lines(report, lang, limit, source)[1:]
    rows = [f"## {lines[0][0]}", ""]
    for text, style in lines[1:]:
        if style == "bold":
            rows += ["", f"**{text}**", ""]
        else:
            rows.append(f"- {text.strip()}")
    return "\n".join(rows) + "\n"


# --- verification -------------------------------------------------------------------------------


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def verify_lines(report: VerifyReport, lang: str, limit: int | None = None) -> list[Line]:
    """The verification as styled lines: a summary, then each result that did not verify."""
    counts = report.counts()
    parts = [f"{n} {_w(_OUTCOME[o], lang)}" for o, n in counts.items() if n]
    total = len(report.items)
    head = _say("checked", lang, n=total) + ", ".join(parts or ["0"])
    out: list[Line] = [(head, "bold green" if report.ok else "bold red")]
    bad = [i for i in report.items if not i.ok]
    for item in bad if limit is None else bad[:limit]:
        number = f"#{item.index + 1} " if item.index >= 0 else ""
        where = f"{number}{item.id or '?'}" + (f" ({item.ref})" if item.ref else "")
        out.append((f"  {where}: {_w(_OUTCOME[item.outcome], lang)}", "red"))
        for d in item.differences:
            stored, again = _w(("lưu", "stored"), lang), _w(("tính lại", "recomputed"), lang)
            out.append((f"      {d.field}: {stored} {_shown(d.stored)}, {again} {_shown(d.recomputed)}", ""))
        if item.note:
            out.append((f"      {item.note(lang)}", "dim"))
    notes = [(i, i.note) for i in report.items if i.ok and i.note]
    for item, note in notes[:10]:
        out.append((f"  #{item.index + 1} {item.id}: {note(lang)}", "dim"))
    return out


def verify_markdown(report: VerifyReport, lang: str) -> str:
    """The verification as Markdown."""
    lines = verify_lines(report, lang)
    rows = [f"# {lines[0][0]}", ""]
    rows += [f"{'    ' if text.startswith('      ') else ''}- {text.strip()}" for text, _ in lines[1:]]
    return "\n".join(rows) + "\n"


# --- output -------------------------------------------------------------------------------------


def write_text(lines: Iterable[Line], stream: IO[Any]) -> None:
    """Print styled lines: colours on a terminal, plain text anywhere else."""
    console = Console(file=stream, soft_wrap=True, highlight=False, emoji=False, markup=False)
    for text, style in lines:
        console.print(RichText(text, style=style or ""))


__all__ = [
    "candidate_text",
    "diff_data",
    "diff_lines",
    "diff_markdown",
    "impact_lines",
    "impact_markdown",
    "impact_sentences",
    "subject_words",
    "verify_lines",
    "verify_markdown",
    "write_text",
]
