"""Charts for the HTML report, drawn as inline SVG (no scripts, no external files).

Each chart is a function returning an ``<svg>`` element as text. Every text inside is
escaped; colours are fixed so the charts print the same on any printer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

COLOURS = {"passed": "#2e7d32", "failed": "#c62828", "undetermined": "#f9a825", "invalid": "#6a1b9a"}
BAR = "#1565c0"
TRACK = "#e3e7ee"
INK = "#1f2933"


def _text(
    x: float, y: float, content: str, anchor: str = "start", size: int = 13, weight: str = "normal"
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{INK}">{escape(content)}</text>'
    )


def _percent(part: float, whole: float, lang: str) -> str:
    value = 100.0 * part / whole if whole else 0.0
    text = f"{value:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def status_bar(counts: Mapping[str, int], labels: Mapping[str, str], lang: str, title: str) -> str:
    """A stacked bar of the statuses (100% wide) with a legend: count and share of each."""
    total = sum(counts.values())
    width, left, bar_y, bar_h = 640, 10, 34, 30
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width + 2 * left} 128" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg">',
        _text(left, 20, title, size=15, weight="bold"),
        f'<rect x="{left}" y="{bar_y}" width="{width}" height="{bar_h}" fill="{TRACK}"/>',
    ]
    x = float(left)
    for status, colour in COLOURS.items():
        count = counts.get(status, 0)
        if not count or not total:
            continue
        w = width * count / total
        parts.append(f'<rect x="{x:.2f}" y="{bar_y}" width="{w:.2f}" height="{bar_h}" fill="{colour}"/>')
        x += w
    for index, (status, colour) in enumerate(COLOURS.items()):
        lx = left + (index % 2) * (width / 2)
        ly = 80 + (index // 2) * 22
        count = counts.get(status, 0)
        parts.append(f'<rect x="{lx:.1f}" y="{ly}" width="14" height="14" fill="{colour}"/>')
        parts.append(
            _text(lx + 20, ly + 12, f"{labels[status]}: {count} ({_percent(count, total, lang)})", size=13)
        )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(rows: Sequence[tuple[str, float, str]], title: str, maximum: float | None = None) -> str:
    """Horizontal bars: (label, value, value as shown) per row, longest bar = ``maximum``."""
    top = maximum if maximum is not None else max((v for _, v, _ in rows), default=0.0)
    label_w, bar_w, row_h, left = 330, 250, 24, 10
    height = 34 + row_h * max(len(rows), 1) + 8
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {left + label_w + bar_w + 90} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg">',
        _text(left, 20, title, size=15, weight="bold"),
    ]
    for index, (label, value, shown) in enumerate(rows):
        y = 34 + index * row_h
        short = label if len(label) <= 50 else label[:49] + "…"
        w = bar_w * value / top if top else 0.0
        parts.append(_text(left, y + 15, short, size=12))
        parts.append(
            f'<rect x="{left + label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" fill="{TRACK}"/>'
        )
        parts.append(
            f'<rect x="{left + label_w}" y="{y + 3}" width="{w:.2f}" height="{row_h - 8}" fill="{BAR}"/>'
        )
        parts.append(_text(left + label_w + bar_w + 8, y + 15, shown, size=12))
    parts.append("</svg>")
    return "".join(parts)


__all__ = ["COLOURS", "bar_chart", "status_bar"]
