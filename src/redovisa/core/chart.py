"""Diagram: a format-neutral bar chart value and its SVG, written in pure Python.

The SVG is deterministic (same chart, same bytes: fixed palette, fixed number format, no
random ids) and accessible: ``role="img"`` with ``<title>`` and ``<desc>`` referenced by
``aria-labelledby``; the description lists every value, so the chart has a full text
alternative. A missing value (for example a suppressed figure) draws no bar and is named
in the description with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from xml.sax.saxutils import escape

from redovisa.core.table import format_sv

__all__ = ["BarChart", "Series", "bar_chart_svg"]

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")

WIDTH = 640
PLOT_TOP = 56
PLOT_HEIGHT = 240
LEFT = 56
RIGHT = 16
BOTTOM = 64


@dataclass(frozen=True, slots=True)
class Series:
    """Dataserie: a name and one value per category (None when not shown, with a reason)."""

    name: str
    values: tuple[Decimal | None, ...]
    missing_reason: str = "uppgift saknas"


@dataclass(frozen=True, slots=True)
class BarChart:
    """Stapeldiagram: grouped vertical bars; ``target`` draws a labelled reference line."""

    id: str
    title: str
    description: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    target: Decimal | None = None
    target_label: str = ""


def _num(value: Decimal) -> str:
    """Coordinates with at most two decimals, no exponent: deterministic text."""
    return f"{value.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".") or "0"


def _scale_max(chart: BarChart) -> Decimal:
    values = [v for s in chart.series for v in s.values if v is not None]
    if chart.target is not None:
        values.append(chart.target)
    top = max(values, default=Decimal(0))
    if top <= 0:
        return Decimal(1)
    # A round ceiling: 1, 2 or 5 times a power of ten.
    power = Decimal(10) ** (len(str(int(top))) - 1) if top >= 1 else Decimal("0.1")
    for step in (1, 2, 5, 10):
        if top <= power * step:
            return power * step
    return power * 10  # pragma: no cover - the loop ends at 10 * power >= top


def _nice_step(span: Decimal) -> Decimal:
    """The smallest of 1, 2, 5 times a power of ten that is at least ``span``."""
    power = Decimal(1)
    while power * 10 <= span:
        power *= 10
    while power > span:
        power /= 10
    for step in (1, 2, 5, 10):
        if power * step >= span:
            return power * step
    return power * 10  # pragma: no cover


def _ticks(chart: BarChart, top: Decimal) -> list[Decimal]:
    """Six ticks from 0 to ``top``; with negative values, round steps from below the minimum."""
    low = min((v for s in chart.series for v in s.values if v is not None), default=Decimal(0))
    if low >= 0:
        return [top * k / 5 for k in range(6)]
    high = max([v for s in chart.series for v in s.values if v is not None] + [Decimal(0)])
    step = _nice_step((high - low) / 5)
    start = -(-low / step).to_integral_value(rounding=ROUND_CEILING) * step
    ticks = [start]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def _tick_label(tick: Decimal) -> str:
    value = tick.normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return format_sv(value)


def text_alternative(chart: BarChart) -> str:
    """The description plus every value in words: the chart's full text alternative."""
    parts = [chart.description.rstrip(".") + "."]
    for i, category in enumerate(chart.categories):
        values = []
        for series in chart.series:
            value = series.values[i]
            shown = (
                format_sv(value, f" {chart.unit}".rstrip())
                if value is not None
                else series.missing_reason
            )
            values.append(f"{series.name}: {shown}")
        parts.append(f"{category}: " + ", ".join(values) + ".")
    if chart.target is not None:
        parts.append(f"{chart.target_label or 'Mål'}: {format_sv(chart.target)} {chart.unit}.")
    return " ".join(p.strip() for p in parts)


def bar_chart_svg(chart: BarChart) -> str:
    """The chart as a standalone SVG document (UTF-8 text)."""
    n_cat = max(len(chart.categories), 1)
    n_ser = max(len(chart.series), 1)
    plot_width = Decimal(WIDTH - LEFT - RIGHT)
    group = plot_width / n_cat
    bar = group * Decimal("0.8") / n_ser
    ticks = _ticks(chart, _scale_max(chart))
    low, top = ticks[0], ticks[-1]  # low is below zero only when some value is negative
    height = PLOT_TOP + PLOT_HEIGHT + BOTTOM + 18 * ((len(chart.series) + 2) // 3)

    def y_of(value: Decimal) -> Decimal:
        if low == 0:
            return Decimal(PLOT_TOP + PLOT_HEIGHT) - Decimal(PLOT_HEIGHT) * value / top
        return Decimal(PLOT_TOP) + Decimal(PLOT_HEIGHT) * (top - value) / (top - low)

    cid = escape(chart.id)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" font-family="sans-serif" font-size="12">',
        f'<title id="{cid}-title">{escape(chart.title)}</title>',
        f'<desc id="{cid}-desc">{escape(text_alternative(chart))}</desc>',
        f'<text x="{LEFT}" y="24" font-size="15" font-weight="bold">{escape(chart.title)}</text>',
    ]
    # Axis with five ticks.
    for tick in ticks:
        y = _num(y_of(tick))
        out.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">'
            f"{escape(_tick_label(tick))}</text>"
        )
    for i, category in enumerate(chart.categories):
        x0 = Decimal(LEFT) + group * i + group * Decimal("0.1")
        for j, series in enumerate(chart.series):
            value = series.values[i]
            if value is None:
                continue
            x = x0 + bar * j
            bar_y = y_of(max(value, Decimal(0)))
            base = y_of(min(value, Decimal(0))) if low else Decimal(PLOT_TOP + PLOT_HEIGHT)
            h = base - bar_y
            out.append(
                f'<rect x="{_num(x)}" y="{_num(bar_y)}" width="{_num(bar * Decimal("0.92"))}" '
                f'height="{_num(h)}" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{escape(category)}, {escape(series.name)}: "
                f"{escape(format_sv(value, (' ' + chart.unit).rstrip()))}</title></rect>"
            )
        cx = Decimal(LEFT) + group * i + group / 2
        out.append(
            f'<text x="{_num(cx)}" y="{PLOT_TOP + PLOT_HEIGHT + 16}" text-anchor="middle">'
            f"{escape(category)}</text>"
        )
    if chart.target is not None:
        ty = _num(y_of(chart.target))
        out.append(
            f'<line x1="{LEFT}" y1="{ty}" x2="{WIDTH - RIGHT}" y2="{ty}" stroke="#000" '
            f'stroke-dasharray="6 4"/><text x="{WIDTH - RIGHT}" y="{ty}" dy="-4" '
            f'text-anchor="end">{escape(chart.target_label or "Mål")}</text>'
        )
    legend_y = PLOT_TOP + PLOT_HEIGHT + 40
    for j, series in enumerate(chart.series):
        lx = LEFT + (j % 3) * 190
        ly = legend_y + (j // 3) * 18
        out.append(
            f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" '
            f'fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{lx + 18}" y="{ly}">{escape(series.name)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
