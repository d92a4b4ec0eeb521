"""Benchmark: reports, graph and source ranking on the imported portal catalogue.

Usage::

    python bench/report.py [--runs 5] [--db sqlite:////tmp/x.db] [--json]

Data: ``$ONCEONLY_PORTAL_DATA``, else the repository's sibling
``../shared/data/portal-2026`` (read in place, never copied), imported into a
temporary SQLite file first (or the store named by ``--db``). Skips with a
message when the fixture or the importer is missing.

Measures, as medians over ``--runs`` runs (date 2026-06-01, no applicant
attributes given, so coverage-dependent rows are conditional):

- ``report_full``: the whole ``onceonly report unnecessary`` work: a fresh
  Engine evaluates every procedure, then the report (rows, totals, gaps) is built;
- ``report_build``: the report alone, from evaluations already made;
- ``report_xlsx``: writing that report as an Excel workbook;
- ``graph_build``: building the graph from the catalogue and the evaluations;
- ``rank_sources``: ranking every source (each re-evaluated by the Engine with
  a source-status override or an announcement); only the baseline evaluations
  are cached (the cache is cleared and the baseline re-made before each run);
- ``rank_sources_cold``: the same on a fresh Engine (compiles and baseline included).

- ``compliance_full``: ``onceonly report compliance``'s work: a fresh Engine
  evaluates every procedure, then the compliance report (every appendix row,
  totals by ministry, the reverse list) is built;
- ``compliance_build``: the compliance report alone, from evaluations already made.

Targets (issue 4): report, graph and ranking each <= 2 s; (issue 11) compliance <= 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

DAY = dt.date(2026, 6, 1)
TARGET_S = 2.0


def portal_data() -> Path:
    return Path(os.environ.get("ONCEONLY_PORTAL_DATA") or REPO.parent / "shared" / "data" / "portal-2026")


def median_time(runs: int, job: Callable[[], Any], setup: Callable[[], Any] | None = None) -> tuple[float, Any]:
    """Median seconds of ``job(setup())`` over ``runs`` runs (setup not timed)."""
    times, result = [], None
    for _ in range(runs):
        arg = setup() if setup else None
        started = time.perf_counter()
        result = job(arg) if setup else job()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def imported_catalogue(db: str | None, tmp: Path):
    """The shipped law with the portal records as procedures; None with a reason when impossible."""
    from engine.selection import select_catalogue

    if db is None:
        data = portal_data()
        if not data.is_dir():
            return None, f"portal fixture not found at {data} (set ONCEONLY_PORTAL_DATA)"
        try:
            from engine.importer import import_folder
            from engine.store import open_store
        except ImportError as exc:
            return None, f"importer not available yet ({exc})"
        db = f"sqlite:///{tmp / 'bench.db'}"
        store = open_store(db)
        try:
            started = time.perf_counter()
            result = import_folder(data, store)
            print(f"imported {data} into {db} in {time.perf_counter() - started:.1f} s ({getattr(result, 'added', '?')} added)", file=sys.stderr)
        finally:
            close = getattr(store, "close", None)
            if close:
                close()
    selected = select_catalogue(db)
    return selected.catalogue, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="Use this store instead of importing the fixture into a temporary SQLite file.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()

    from engine.evaluator import Engine
    from engine.graph import build_graph, rank_sources
    from engine.reports import to_xlsx, unnecessary_report

    with tempfile.TemporaryDirectory(prefix="onceonly-bench-") as tmp:
        cat, reason = imported_catalogue(args.db, Path(tmp))
        if cat is None:
            print(f"SKIPPED: {reason}")
            return 0
        figures: dict[str, Any] = {"procedures": len(cat.procedures), "runs": args.runs, "as_of": DAY.isoformat()}

        def full_report(_=None):
            engine = Engine(cat)
            return unnecessary_report(engine.evaluate_all(DAY), cat, DAY)

        figures["report_full_s"], rep = median_time(args.runs, full_report)
        engine = Engine(cat)
        evaluations = engine.evaluate_all(DAY)
        figures["report_build_s"], rep = median_time(args.runs, lambda: unnecessary_report(evaluations, cat, DAY))
        figures["report_rows"], figures["report_gaps"] = len(rep.rows), len(rep.gaps)
        figures["report_xlsx_s"], _ = median_time(args.runs, lambda: to_xlsx(rep, Path(tmp) / "r.xlsx", cat))
        from engine.reports.compliance import compliance_report

        def full_compliance(_=None):
            return compliance_report(Engine(cat).evaluate_all(DAY), cat, DAY)

        figures["compliance_full_s"], comp = median_time(args.runs, full_compliance)
        figures["compliance_build_s"], comp = median_time(args.runs, lambda: compliance_report(evaluations, cat, DAY))
        figures["compliance_rows"], figures["compliance_asked"] = comp.total["rows"], comp.total["asked"]
        figures["graph_build_s"], g = median_time(args.runs, lambda: build_graph(cat, evaluations, DAY))
        figures["graph_nodes"], figures["graph_edges"] = g.number_of_nodes(), g.number_of_edges()
        def baseline_only():
            engine.clear_cache()  # forget the previous run's overrides...
            engine.evaluate_all(DAY)  # ...but keep the baseline, as the CLI has it after evaluating

        figures["rank_sources_s"], ranked = median_time(args.runs, lambda _: rank_sources(engine, DAY), setup=baseline_only)
        figures["sources_ranked"] = len(ranked)

        def cold(_):
            e = Engine(cat)
            return rank_sources(e, DAY)

        figures["rank_sources_cold_s"], _ = median_time(max(1, args.runs // 2), cold, setup=lambda: None)

    for key, value in list(figures.items()):
        if key.endswith("_s"):
            figures[key] = round(value, 3)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{figures['procedures']} procedures, medians of {figures['runs']} runs, as of {figures['as_of']}")
        for key in ("report_full_s", "report_build_s", "report_xlsx_s", "compliance_full_s", "compliance_build_s", "graph_build_s", "rank_sources_s", "rank_sources_cold_s"):
            flag = "" if key in ("report_xlsx_s", "rank_sources_cold_s", "report_build_s", "compliance_build_s") else ("  ok" if figures[key] <= TARGET_S else f"  OVER {TARGET_S} s")
            print(f"  {key[:-2]:<20} {figures[key]:>7.3f} s{flag}")
        print(f"  report: {figures['report_rows']} rows, {figures['report_gaps']} gaps; graph: {figures['graph_nodes']} nodes, "
              f"{figures['graph_edges']} edges; {figures['sources_ranked']} sources ranked; compliance: "
              f"{figures['compliance_rows']} appendix rows, {figures['compliance_asked']} still named")
    return 0


if __name__ == "__main__":
    sys.exit(main())
