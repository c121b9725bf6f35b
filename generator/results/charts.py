"""Charts as inline SVG strings: no library, no request, scales with the page (viewBox)."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from .analysis import ItemStats

INK = "#333"
BAR = "#c0392b"
PASS = "#2e7d32"
GRID = "#ddd"


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, size: int = 11, anchor: str = "middle", fill: str = INK) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}">{escape(text)}</text>')


def histogram(bins: list[int], label: str, pass_mark: float | None = None) -> Markup:
    """Counts per ten-point score band, with the pass mark as a dashed line."""
    width, height, left, bottom, top = 360, 180, 30, 22, 30
    plot_w, plot_h = width - left - 8, height - bottom - top
    most = max(bins) or 1
    step = plot_w / len(bins)
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{INK}"/>']
    for index, count in enumerate(bins):
        bar_h = plot_h * count / most
        x = left + index * step
        body.append(f'<rect x="{x + 2:.1f}" y="{top + plot_h - bar_h:.1f}" width="{step - 4:.1f}" '
                    f'height="{bar_h:.1f}" fill="{BAR}"/>')
        if count:
            body.append(_text(x + step / 2, top + plot_h - bar_h - 3, str(count), 10))
        body.append(_text(x, height - 6, str(index * 10), 10))
    body.append(_text(left + plot_w, height - 6, "100", 10))
    if pass_mark is not None:
        x = left + plot_w * min(max(pass_mark, 0), 100) / 100
        body.append(f'<line x1="{x:.1f}" y1="{top - 16}" x2="{x:.1f}" y2="{top + plot_h}" stroke="{PASS}" '
                    f'stroke-dasharray="4 3" stroke-width="1.5"/>')
        body.append(_text(x + 3, 12, f"及格线 {pass_mark:g}", 10, "start", PASS))
    return _svg(width, height, label, body)


def sparkline(bins: list[int], label: str) -> Markup:
    """A small score distribution for a table cell."""
    width, height = 100, 24
    most = max(bins) or 1
    step = width / len(bins)
    body = [f'<line x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}" stroke="{GRID}"/>']
    for index, count in enumerate(bins):
        bar_h = (height - 2) * count / most
        body.append(f'<rect x="{index * step + 1:.1f}" y="{height - 1 - bar_h:.1f}" width="{step - 2:.1f}" '
                    f'height="{bar_h:.1f}" fill="{BAR}"/>')
    return _svg(width, height, label, body)


def scatter(items: list[ItemStats], label: str) -> Markup:
    """Difficulty (x) against discrimination (y); the flagged zones are shaded."""
    width, height, left, bottom, top, right = 380, 260, 34, 30, 10, 30
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(p: float) -> float:
        return left + plot_w * p

    def py(d: float) -> float:
        return top + plot_h * (1 - d) / 2

    body = [
        f'<rect x="{px(0):.1f}" y="{top}" width="{px(0.2) - px(0):.1f}" height="{plot_h}" fill="#fdecea"/>',
        f'<rect x="{px(0.9):.1f}" y="{top}" width="{px(1) - px(0.9):.1f}" height="{plot_h}" fill="#fdecea"/>',
        f'<rect x="{left}" y="{py(0):.1f}" width="{plot_w}" height="{py(-1) - py(0):.1f}" fill="#fdecea"/>',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="{INK}"/>',
        (f'<line x1="{left}" y1="{py(0):.1f}" x2="{left + plot_w}" y2="{py(0):.1f}" '
         f'stroke="{INK}" stroke-dasharray="3 3"/>'),
    ]
    for tick in (0, 0.2, 0.5, 0.9, 1):
        body.append(_text(px(tick), height - bottom + 14, f"{tick:g}", 10))
    for tick in (-1, -0.5, 0, 0.5, 1):
        body.append(_text(left - 4, py(tick) + 4, f"{tick:g}", 10, "end"))
    body.append(_text(left + plot_w / 2, height - 3, "难度 p（答对率）", 11))
    middle = top + plot_h / 2
    body.append(f'<g transform="rotate(-90 12 {middle:.1f})">{_text(12, middle, "区分度 D", 11)}</g>')
    for item in items:
        if item.p is None or item.d is None:
            continue
        colour = BAR if item.flags else PASS
        x, y = px(item.p), py(item.d)
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" fill-opacity="0.8">'
                    f"<title>{escape(item.id)}：p={item.p:.2f}，D={item.d:.2f}</title></circle>")
        body.append(_text(x + 6, y - 5, item.id, 9, "start"))
    return _svg(width, height, label, body)
