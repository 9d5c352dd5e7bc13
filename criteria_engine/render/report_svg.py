"""Charts for the printed reports: bars drawn as inline SVG, every word in HTML around them.

Labels and figures are table cells, so they wrap inside their box and are never clipped
however long a criterion's title or a village's name is; the SVG holds only rectangles.
No scripts, no external files; fixed colours so the charts print the same everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

COLOURS = {"passed": "#2e7d32", "failed": "#c62828", "undetermined": "#f9a825", "invalid": "#6a1b9a"}
BAR = "#1565c0"
TRACK = "#e3e7ee"

CHART_CSS = """
.chart { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9.5pt; break-inside: avoid; }
.chart caption { text-align: left; font-weight: bold; font-size: 10.5pt; padding-bottom: 1mm; }
.chart td { padding: .4mm 1mm; vertical-align: middle; overflow-wrap: break-word; }
.chart td.label { width: 52%; }
.chart td.bar { width: 30%; }
.chart td.bar svg { display: block; width: 100%; height: 3.2mm; }
.chart td.value { width: 18%; text-align: right; white-space: nowrap; }
.statusbar svg { display: block; width: 100%; height: 6mm; margin: 1mm 0; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 6mm; font-size: 9.5pt; margin: 0 0 3mm; }
.legend span.key { display: inline-block; width: 3mm; height: 3mm; margin-right: 1.2mm; vertical-align: -.3mm; }
"""


def _bar(fraction: float) -> str:
    width = max(0.0, min(1.0, fraction)) * 100
    return (
        '<svg viewBox="0 0 100 10" preserveAspectRatio="none" role="presentation" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<rect x="0" y="0" width="100" height="10" fill="{TRACK}"/>'
        f'<rect x="0" y="0" width="{width:.2f}" height="10" fill="{BAR}"/></svg>'
    )


def status_bar(
    counts: Mapping[str, int], labels: Mapping[str, str], shown: Mapping[str, str], title: str
) -> str:
    """A stacked bar of the statuses (100% wide), then a legend: each status, its count and
    share (``shown``: the share as text, formatted by the caller's language)."""
    total = sum(counts.values())
    rects, x = [], 0.0
    for status, colour in COLOURS.items():
        count = counts.get(status, 0)
        if not count or not total:
            continue
        width = 100.0 * count / total
        rects.append(f'<rect x="{x:.3f}" y="0" width="{width:.3f}" height="10" fill="{colour}"/>')
        x += width
    legend = "".join(
        f'<span><span class="key" style="background:{colour}"></span>'
        f"{escape(labels[status])}: {counts.get(status, 0)} ({escape(shown[status])})</span>"
        for status, colour in COLOURS.items()
    )
    return (
        f'<div class="statusbar"><p><strong>{escape(title)}</strong></p>'
        '<svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" xmlns="http://www.w3.org/2000/svg">'
        f'<rect x="0" y="0" width="100" height="10" fill="{TRACK}"/>{"".join(rects)}</svg>'
        f'<div class="legend">{legend}</div></div>'
    )


def bar_chart(rows: Sequence[tuple[str, float, str]], title: str, maximum: float | None = None) -> str:
    """Horizontal bars as a table: (label, value, value as shown) per row; the longest bar is
    ``maximum``. Labels wrap in their cell."""
    top = maximum if maximum is not None else max((v for _, v, _ in rows), default=0.0)
    body = "".join(
        f'<tr><td class="label">{escape(label)}</td><td class="bar">{_bar(value / top if top else 0.0)}</td>'
        f'<td class="value">{escape(shown)}</td></tr>'
        for label, value, shown in rows
    )
    return f'<table class="chart"><caption>{escape(title)}</caption>{body}</table>'


__all__ = ["CHART_CSS", "COLOURS", "bar_chart", "status_bar"]
