"""Charts of a simulation: the monthly timeline and the per-ministry bars.

``.png`` is drawn with matplotlib (Agg backend); ``.html`` is a self-contained
page with inline SVG (no script, no CDN), readable offline.
"""

from __future__ import annotations

import html
from pathlib import Path

from .scenario import ScenarioError
from ..errors import DataError


def _metric(result: dict) -> tuple[str, str]:
    if result["totals"].get("hours_saved_per_year") is not None:
        return "hours_saved_per_year", "hours saved a year"
    return "copies_removed_per_year", "copies removed a year"


def _series(result: dict, metric: str) -> tuple[list[str], list[float], list[float], list[float]]:
    dates = [t["date"] for t in result["timeline"]]
    before = [t["before"]["copies_avoided_per_year"] for t in result["timeline"]]
    after = [t["after"]["copies_avoided_per_year"] for t in result["timeline"]]
    net = [t[metric] if metric != "copies_removed_per_year" else t["copies_removed_per_year"] - t["copies_added_per_year"] for t in result["timeline"]]
    return dates, before, after, net


def _bars(result: dict, metric: str) -> list[tuple[str, float]]:
    rows = []
    for ministry, m in result.get("by_ministry", {}).items():
        value = m[metric] if metric != "copies_removed_per_year" else m["copies_removed_per_year"] - m["copies_added_per_year"]
        rows.append((ministry, value or 0.0))
    return sorted(rows, key=lambda r: -abs(r[1]))


def write_chart(result: dict, path: Path | str) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".png":
        _png(result, path)
    elif suffix in (".html", ".htm"):
        path.write_text(_html(result), encoding="utf-8")
    else:
        raise ScenarioError([DataError(str(path), None, "--chart", "the chart file must end in .png or .html")])
    return path


def _title(result: dict) -> str:
    sc = result["scenario"]
    return f"{sc['name'].get('en') or sc['name']['vi']} ({sc['id']})"


def _png(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metric, label = _metric(result)
    dates, before, after, net = _series(result, metric)
    bars = _bars(result, metric)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 4.8))
    ax1.plot(dates, before, marker="o", label="baseline: copies avoided / year")
    ax1.plot(dates, after, marker="o", label="scenario: copies avoided / year")
    ax1.set_title("Month by month (procedures the scenario touches)")
    ax1.tick_params(axis="x", rotation=60, labelsize=7)
    ax1.legend(fontsize=8)
    ax1b = ax1.twinx()
    ax1b.bar(dates, net, alpha=0.25, color="green", label=label)
    ax1b.set_ylabel(label)
    names = [b[0] for b in bars] or ["(no change)"]
    values = [b[1] for b in bars] or [0.0]
    ax2.barh(names, values, color=["green" if v >= 0 else "firebrick" for v in values])
    ax2.set_title(f"By ministry on {result['as_of']}: {label}")
    ax2.invert_yaxis()
    fig.suptitle(_title(result) + ("  [estimate]" if result["scenario"]["estimate"] else ""))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 10 else f"{v:,.2f}"


def _html(result: dict) -> str:
    metric, label = _metric(result)
    dates, before, after, net = _series(result, metric)
    bars = _bars(result, metric)
    w, h, pad = 760, 300, 50
    top = max([1.0] + before + after)
    n = max(len(dates) - 1, 1)

    def x(i: int) -> float:
        return pad + i * (w - 2 * pad) / n

    def y(v: float) -> float:
        return h - pad - v / top * (h - 2 * pad)

    lines = []
    for series, colour, name in ((before, "#888", "baseline"), (after, "#1a7f37", "scenario")):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(series))
        lines.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"><title>{name}</title></polyline>')
        for i, v in enumerate(series):
            lines.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"><title>{html.escape(dates[i])} {name}: {_fmt(v)}</title></circle>')
    ticks = "".join(
        f'<text x="{x(i):.1f}" y="{h - pad + 14}" font-size="9" text-anchor="end" transform="rotate(-45 {x(i):.1f} {h - pad + 14})">{html.escape(d[:7])}</text>'
        for i, d in enumerate(dates)
    )
    axis = (
        f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#333"/>'
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{h - pad}" stroke="#333"/>'
        f'<text x="{pad}" y="{pad - 8}" font-size="10">{_fmt(top)} copies avoided / year</text>'
    )
    timeline_svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h + 20}" role="img" aria-label="timeline">{axis}{"".join(lines)}{ticks}</svg>'
    bw, row = 760, 26
    peak = max([1.0] + [abs(v) for _, v in bars])
    mid = 260
    rects = []
    for k, (name, v) in enumerate(bars):
        length = abs(v) / peak * (bw - mid - 110)
        colour = "#1a7f37" if v >= 0 else "#b42318"
        rects.append(
            f'<text x="{mid - 8}" y="{k * row + 17}" font-size="11" text-anchor="end">{html.escape(name)}</text>'
            f'<rect x="{mid}" y="{k * row + 5}" width="{length:.1f}" height="16" fill="{colour}"><title>{html.escape(name)}: {_fmt(v)}</title></rect>'
            f'<text x="{mid + length + 6:.1f}" y="{k * row + 17}" font-size="11">{_fmt(v)}</text>'
        )
    body = "".join(rects) or '<text x="10" y="18">no change</text>'
    bars_svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="{bw}" height="{max(len(bars), 1) * row + 10}" role="img" aria-label="by ministry">{body}</svg>'
    rows = "".join(
        f"<tr><td>{html.escape(t['date'])}</td><td>{_fmt(b)}</td><td>{_fmt(a)}</td><td>{_fmt(v or 0)}</td></tr>"
        for t, b, a, v in zip(result["timeline"], before, after, net)
    )
    sc = result["scenario"]
    assumptions = "".join(f"<li>{html.escape(a['statement'])}</li>" for a in sc["assumptions"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(_title(result))}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:900px}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}</style>
</head><body>
<h1>{html.escape(_title(result))}</h1>
<p>{html.escape(sc['description'])}</p>
{"<p><strong>Estimate.</strong> Assumptions:</p><ul>" + assumptions + "</ul>" if sc['estimate'] else ""}
<h2>Month by month</h2>
<p>Copies avoided a year in the procedures the scenario touches, baseline (grey) and scenario (green).</p>
{timeline_svg}
<h2>By ministry on {html.escape(result['as_of'])}: {html.escape(label)}</h2>
{bars_svg}
<h2>Timeline</h2>
<table><tr><th>date</th><th>baseline copies avoided / year</th><th>scenario</th><th>{html.escape(label)}</th></tr>{rows}</table>
</body></html>
"""
