"""Benchmark: what-if simulation over the full imported catalogue.

Usage::

    python bench/simulate.py [--runs 5] [--catalogue URL] [--scenario NAME] [--json]

Data: the portal fixture ``$ONCEONLY_PORTAL_DATA``, else the repository's
sibling ``../shared/data/portal-2026`` (read in place, never copied). Without
``--catalogue`` it is imported once into a temporary SQLite file (not timed).
Skips with a message when the fixture is absent.

Measures, as medians over ``--runs`` runs (catalogue loading excluded; it is
printed once):

- ``scenario``: ``simulate()`` of one scenario without a population, with a
  fresh :class:`Simulator` each run (new engines and caches: a cold run);
- ``scenario-warm``: the same on a Simulator that already ran it (baseline cached);
- ``population-1m``: generate 1,000,000 synthetic applicants and simulate the
  scenario with them, fresh Simulator each run;
- ``roadmap-10``: the greedy roadmap over the 10 shipped candidates (exact
  expected shares of the population), fresh Simulator each run.

Targets (issue 5): scenario <= 1 s, population <= 10 s (aim 5 s), roadmap <= 10 s.
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

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

TARGETS = {"scenario": 1.0, "population-1m": 10.0, "roadmap-10": 10.0}


def portal_data() -> Path:
    return Path(os.environ.get("ONCEONLY_PORTAL_DATA") or REPO.parent / "shared" / "data" / "portal-2026")


def median_time(runs: int, job) -> tuple[float, list[float], object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--catalogue", help="A database URL already holding the imported fixture.")
    parser.add_argument("--scenario", default="population-foreigners", help="Scenario name in procedures/scenarios/.")
    parser.add_argument("--population", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from engine.loading import DEFAULT_ROOT
    from engine.selection import select_catalogue
    from engine.simulation import Population, Simulator, load_parameters, load_scenario, simulate
    from engine.simulation.roadmap import load_candidates, roadmap
    from engine.simulation.simulate import load_costs

    url = args.catalogue
    tmp = None
    if url is None:
        data = portal_data()
        if not data.is_dir():
            print(f"SKIP: the portal fixture is absent ({data}); set ONCEONLY_PORTAL_DATA or pass --catalogue URL")
            return 0
        from engine.importer import import_folder
        from engine.store import open_store

        tmp = tempfile.TemporaryDirectory(prefix="onceonly-bench-sim-")
        url = f"sqlite:///{tmp.name}/bench.db"
        store = open_store(url)
        try:
            import_folder(data, store)
        finally:
            store.close()

    start = time.perf_counter()
    cat = select_catalogue(url).catalogue
    _ = cat.version  # hashing every procedure once belongs to loading, not to the simulation
    load_seconds = time.perf_counter() - start

    sc = load_scenario(DEFAULT_ROOT / "scenarios" / f"{args.scenario}.yaml")
    params = load_parameters(DEFAULT_ROOT / "parameters" / "population.yaml")
    header, candidates = load_candidates(DEFAULT_ROOT / "scenarios" / "roadmap-candidates.yaml")
    as_of = header["as_of"] if isinstance(header["as_of"], dt.date) else dt.date.fromisoformat(str(header["as_of"]))

    def fresh() -> Simulator:
        model, note = load_costs(cat, sc.head.as_of or as_of)
        return Simulator(cat, model, cost_note=note)

    figures: dict[str, dict] = {}

    med, times, result = median_time(args.runs, lambda: simulate(cat, sc, simulator=fresh()))
    figures["scenario"] = {"median_s": med, "runs_s": times, "affected_procedures": result["affected"]["procedures"],
                           "timeline_months": len(result["timeline"])}
    warm = fresh()
    simulate(cat, sc, simulator=warm)
    med, times, _ = median_time(args.runs, lambda: simulate(cat, sc, simulator=warm))
    figures["scenario-warm"] = {"median_s": med, "runs_s": times}

    def with_population():
        pop = Population.generate(params, args.population, 1)
        return simulate(cat, sc, population=pop, simulator=fresh())

    med, times, result = median_time(args.runs, with_population)
    figures["population-1m"] = {"median_s": med, "runs_s": times, "applicants": args.population,
                                "hours_saved_per_year": result["totals"]["hours_saved_per_year"]}

    expected = Population.expected(params)

    def run_roadmap():
        model, note = load_costs(cat, as_of)
        return roadmap(cat, candidates, as_of, population=expected, simulator=Simulator(cat, model, cost_note=note))

    med, times, result = median_time(args.runs, run_roadmap)
    figures["roadmap-10"] = {"median_s": med, "runs_s": times, "candidates": len(candidates),
                             "order": [s["candidate"] for s in result["steps"]]}

    out = {
        "catalogue": {"procedures": len(cat.procedures), "load_s": load_seconds},
        "scenario": sc.id,
        "runs": args.runs,
        "figures": figures,
        "targets_s": TARGETS,
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"catalogue: {len(cat.procedures)} procedures, loaded in {load_seconds:.2f} s (not timed below)")
        print(f"scenario: {sc.id}; medians over {args.runs} runs")
        for name, fig in figures.items():
            target = TARGETS.get(name)
            verdict = "" if target is None else ("  OK" if fig["median_s"] <= target else f"  OVER {target:g} s")
            print(f"  {name:15s} {fig['median_s']:7.3f} s{verdict}")
        print(f"  roadmap order: {', '.join(figures['roadmap-10']['order'])}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
