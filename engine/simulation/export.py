"""A simulation result as CSV: one row per total, ministry, source, procedure and month."""

from __future__ import annotations

import csv
import io

from .simulate import METRICS

def to_csv(result: dict) -> str:
    """The CSV the CLI prints and the API serves for a ``simulate`` result."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["scenario", "as_of", "level", "key", "name", *METRICS])
    sid, day = result["scenario"]["id"], result["as_of"]
    writer.writerow([sid, day, "total", "all", ""] + [result["totals"].get(m) for m in METRICS])
    for level, items in (("ministry", result["by_ministry"]), ("source", result["by_source"])):
        for key, m in items.items():
            writer.writerow([sid, day, level, key, ""] + [m.get(k) for k in METRICS])
    for p in result["procedures"]:
        writer.writerow([sid, day, "procedure", p["code"], p["name"]] + [p.get(m) for m in METRICS])
    for t in result["timeline"]:
        writer.writerow([sid, t["date"], "month", t["date"], ""] + [t.get(m) for m in METRICS])
    return buf.getvalue()
