"""Benchmark: import the 2,117 portal fixture records, then evaluate them; or import at scale.

Usage::

    python bench/import.py [--runs 3] [--pg-url URL] [--json]
    python bench/import.py --scale 100000 [--runs 3] [--pg-url URL] [--json]

Data: ``$ONCEONLY_PORTAL_DATA``, else the repository's sibling
``../shared/data/portal-2026`` (read in place, never copied).

Measures, as medians over ``--runs`` runs, each into a *fresh* database:

- ``parse``: read and parse every record (``engine.portal``);
- ``sqlite``: the whole ``import_folder`` (parse + store) into a new SQLite file,
  and ``store_only``: ``Store.import_procedures`` of the parsed records alone;
- ``postgresql``: the same into a new database on the server named by
  ``--pg-url``, ``ONCEONLY_BENCH_PG_URL`` or ``ONCEONLY_TEST_PG_URL``
  (``. .ci/postgres.sh`` starts one); skipped when none is reachable;
- ``reimport``: importing the same folder again (idempotent: no writes);
- ``load``: ``Store.procedures()`` (all procedures back as models);
- ``evaluate-all``: every imported procedure evaluated once (uncached), after loading and building the engine.

Targets (issue 3): import <= 15 s, evaluate-all <= 2 s.

``--scale N`` (issue 14) builds, in a temporary folder, a JSON Lines file of N
records by repeating the fixture with suffixed codes (``1.001613`` ->
``1.001613.k7`` in the 7th copy; nothing of it is kept), then runs
``onceonly import FILE --into URL`` as a separate process, into a fresh SQLite
file and a fresh PostgreSQL database, ``--runs`` times each, and for each
import its re-import (the same file again: nothing changed). It reports the
median time and the peak memory of the import: the largest sum of the resident
sets of the importing process and its parsing workers, sampled every 0.1 s
from ``/proc`` (PSS too, which counts the pages a worker shares with its
parent once). Targets: import <= 3 min, peak <= 500 MB, re-import <= 1 min.
Copies repeat the fixture's entries, which the parser reads once (its memo of
entries); ``--distinct`` suffixes each copy's procedure name as well, so that
every record is read afresh: the cost of a catalogue without repeats.
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
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from engine.importer import default_parser, import_folder, parse_folder
from engine.store import open_store

#: Whether this importer can skip unchanged records on a re-import (issue 14).
REUSE = True


def portal_data() -> Path:
    """The fixture folder: ``$ONCEONLY_PORTAL_DATA`` or ``../shared/data/portal-2026``."""
    return Path(os.environ.get("ONCEONLY_PORTAL_DATA") or REPO.parent / "shared" / "data" / "portal-2026")


def median_time(runs: int, job: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``job`` ``runs`` times; return the median seconds and the last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def pipeline() -> tuple[Callable, Callable | None, str]:
    """The parser and lister to bench, and a label saying which."""
    return default_parser(), None, "engine.portal"


# ------------------------------------------------------------------ back ends


def sqlite_url(folder: str) -> str:
    return f"sqlite:///{Path(folder) / f'bench-{uuid.uuid4().hex[:8]}.db'}"


def pg_admin_url(explicit: str | None) -> str | None:
    """The PostgreSQL server to bench on, if one is named and reachable."""
    url = explicit or os.environ.get("ONCEONLY_BENCH_PG_URL") or os.environ.get("ONCEONLY_TEST_PG_URL")
    if not url:
        return None
    try:
        import psycopg

        with psycopg.connect(_dsn(url), connect_timeout=3):
            return url
    except Exception as exc:  # noqa: BLE001 - bench what we can
        print(f"postgresql: not reachable ({type(exc).__name__}); skipped", file=sys.stderr)
        return None


def _dsn(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class FreshPgDatabase:
    """A new database on the server, dropped on exit."""

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy.engine import make_url

        self.admin = _dsn(admin_url)
        self.name = f"onceonly_bench_{uuid.uuid4().hex[:10]}"
        self.url = make_url(admin_url).set(database=self.name).render_as_string(hide_password=False)

    def __enter__(self) -> str:
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return self.url

    def __exit__(self, *_exc: object) -> None:
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# ------------------------------------------------------------------ evaluate-all


def evaluate_all(store_url: str) -> dict:
    """Every stored procedure evaluated once, through the same path as the CLI.

    Times separately: loading the catalogue (shipped law + store), building the
    engine (catalogue hash, compiling and registering the rulesets, planning
    every procedure), and one uncached evaluation of every procedure for an
    applicant who gave nothing and for a Vietnamese citizen.
    """
    from engine.evaluator import Engine
    from engine.selection import select_catalogue

    day = dt.date(2026, 6, 1)
    started = time.perf_counter()
    catalogue = select_catalogue(store_url).catalogue
    loaded = time.perf_counter()
    engine = Engine(catalogue)
    engine.warm()
    built = time.perf_counter()
    engine.evaluate_all(day, {}, use_cache=False)
    anonymous = time.perf_counter()
    engine.evaluate_all(day, {"nationality": "vn"}, use_cache=False)
    citizen = time.perf_counter()
    return {
        "procedures": len(catalogue.procedures),
        "load_s": round(loaded - started, 3),
        "engine_build_s": round(built - loaded, 3),
        "evaluate_all_s": round(anonymous - built, 3),
        "evaluate_all_citizen_s": round(citizen - anonymous, 3),
    }


# ------------------------------------------------------------------ main


# ------------------------------------------------------------------ at scale


def build_scaled(data: Path, n: int, out: Path, distinct: bool = False) -> dict[str, Any]:
    """Write ``n`` records to ``out`` (JSON Lines): the fixture again and again, codes suffixed per copy.

    ``distinct``: each copy's procedure name is suffixed too ("... (bản 7)"), so
    no entry of a copy repeats one already read (the parser's memo of entries
    keys on the procedure's name): the cost of a catalogue with no repeats.
    """
    import orjson

    from engine.importer import default_lister

    records = [orjson.loads(p.read_bytes()) for p, _ in default_lister(data)]
    written = 0
    with open(out, "wb") as fh:
        copy = 0
        while written < n:
            for record in records:
                if written >= n:
                    break
                if copy:
                    record = {**record, "ma_thu_tuc": f"{str(record.get('ma_thu_tuc', '')).strip()}.k{copy}"}
                    if distinct and isinstance(record.get("ten_thu_tuc"), str):
                        record["ten_thu_tuc"] = f"{record['ten_thu_tuc']} (bản {copy})"
                fh.write(orjson.dumps(record) + b"\n")
                written += 1
            copy += 1
    return {"records": written, "copies": copy, "bytes": out.stat().st_size}


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                pass
    return out


def _memory(pid: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) in bytes over ``pid``'s process tree."""
    rss = pss = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except OSError:
            pass
    return rss, pss


def run_import(args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``onceonly import ARGS --output-format json`` as a process: seconds, peak memory, its summary."""
    import resource
    import subprocess
    import threading

    command = [sys.executable, "-m", "engine.cli", "import", *args, "--output-format", "json", "--no-progress"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    peak = {"rss": 0, "pss": 0}

    def sample() -> None:
        while proc.poll() is None:
            rss, pss = _memory(proc.pid)
            peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the import and its workers, once waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"import failed ({proc.returncode}): {err.decode()[-2000:]}")
    result = json.loads(out)
    return {
        "seconds": round(seconds, 1), "cpu_s": round(cpu, 1),
        "peak_rss_mb": round(peak["rss"] / 2**20), "peak_pss_mb": round(peak["pss"] / 2**20),
        "records": result["records"], "parsed": result["parsed"], "skipped": result["skipped"],
        "added": result["summary"]["added"], "updated": result["summary"]["updated"],
        "unchanged": result["summary"]["unchanged"], "reused": result["reused"], "batches": result["batches"],
        "workers": result["workers"], "ministry_from": result["ministry_from"],
    }


def _median(runs: list[dict[str, Any]], key: str) -> Any:
    return statistics.median(r[key] for r in runs)


def scale(args: argparse.Namespace, data: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {"data": str(data), "scale": args.scale, "runs": args.runs, "cpus": os.cpu_count()}
    load = os.getloadavg()
    figures["load_before"] = [round(x, 2) for x in load]
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "scaled.jsonl"
        figures["input"] = build_scaled(data, args.scale, file, args.distinct)
        figures["input"]["distinct_names"] = args.distinct
        wanted = set(args.backends.split(","))
        backends: list[tuple[str, Callable[[], Any]]] = []
        if "sqlite" in wanted:
            backends.append(("sqlite", lambda: _SqliteTarget(tmp)))
        admin = pg_admin_url(args.pg_url) if "postgresql" in wanted else None
        if admin is not None:
            backends.append(("postgresql", lambda: FreshPgDatabase(admin)))
        elif "postgresql" in wanted:
            figures["postgresql"] = "skipped: no server (set ONCEONLY_TEST_PG_URL, e.g. `. .ci/postgres.sh`)"
        for name, target in backends:
            first, again = [], []
            for _ in range(args.runs):
                with target() as url:
                    first.append(run_import([str(file), "--into", url]))
                    again.append(run_import([str(file), "--into", url]))
            figures[name] = {
                "import_s": _median(first, "seconds"), "import_cpu_s": _median(first, "cpu_s"),
                "import_peak_rss_mb": _median(first, "peak_rss_mb"),
                "import_peak_pss_mb": _median(first, "peak_pss_mb"),
                "reimport_s": _median(again, "seconds"), "reimport_cpu_s": _median(again, "cpu_s"),
                "reimport_peak_rss_mb": _median(again, "peak_rss_mb"),
                "import_runs_s": [r["seconds"] for r in first], "reimport_runs_s": [r["seconds"] for r in again],
                "last_import": first[-1], "last_reimport": again[-1],
            }
    figures["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return figures


class _SqliteTarget:
    def __init__(self, folder: str) -> None:
        self.url = sqlite_url(folder)

    def __enter__(self) -> str:
        return self.url

    def __exit__(self, *_exc: object) -> None:
        Path(self.url.removeprefix("sqlite:///")).unlink(missing_ok=True)


def _print(figures: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg-url", default=None, help="PostgreSQL server (a fresh database per run)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--scale", type=int, default=0, help="import this many records built from the fixture")
    parser.add_argument("--backends", default="sqlite,postgresql", help="with --scale: which stores (comma-separated)")
    parser.add_argument("--distinct", action="store_true",
                        help="with --scale: suffix each copy's procedure name too, so no entry repeats (no memo hits)")
    args = parser.parse_args(argv)
    data = portal_data()
    if not data.is_dir():
        print(f"no portal data at {data} (set ONCEONLY_PORTAL_DATA)", file=sys.stderr)
        return 2
    if args.scale:
        _print(scale(args, data), args.json)
        return 0
    # Build the recogniser once, outside the timings.
    parse, lister, label = pipeline()
    figures: dict[str, Any] = {"data": str(data), "parser": label, "runs": args.runs}

    seconds, (parsed, problems, records, _) = median_time(args.runs, lambda: parse_folder(data, parse=parse, list_records=lister))
    figures.update(records=records, parsed=len(parsed), skipped=len(problems), parse_s=round(seconds, 3))

    with tempfile.TemporaryDirectory() as tmp:
        def sqlite_import():
            url = sqlite_url(tmp)
            with open_store(url) as store:
                return url, import_folder(data, store, parse=parse, list_records=lister)

        procs = [proc for proc, _ in parsed]

        def sqlite_store_only():
            with open_store(sqlite_url(tmp)) as store:
                return store.import_procedures(procs, str(data))

        # The store's own share, parsing excluded.
        figures["sqlite_store_only_s"] = round(median_time(args.runs, sqlite_store_only)[0], 3)
        seconds, (url, result) = median_time(args.runs, sqlite_import)
        figures["sqlite_import_s"] = round(seconds, 3)
        figures["imported"] = result.summary.added
        with open_store(url) as store:
            figures["sqlite_reimport_s"] = round(median_time(args.runs, lambda: import_folder(data, store, parse=parse, list_records=lister))[0], 3)
            figures["sqlite_load_s"] = round(median_time(args.runs, store.procedures)[0], 3)
        if REUSE:
            # As `onceonly import` runs: the shipped parser (built inside, ~0.7 s), so that an
            # unchanged record is recognised and not parsed again (engine.imports.reuse).
            with open_store(sqlite_url(tmp)) as store:
                import_folder(data, store, list_records=lister)
                seconds, again = median_time(args.runs, lambda: import_folder(data, store, list_records=lister))
                figures["sqlite_reimport_unchanged_s"] = round(seconds, 3)
                figures["reimport_unchanged_not_parsed"] = again.reused
        figures.update(evaluate_all(url))

    admin = pg_admin_url(args.pg_url)
    if admin is None:
        figures["postgresql"] = "skipped: no server (set ONCEONLY_TEST_PG_URL, e.g. `. .ci/postgres.sh`)"
    else:
        def pg_import():
            with FreshPgDatabase(admin) as url, open_store(url) as store:
                return import_folder(data, store, parse=parse, list_records=lister)

        def pg_store_only():
            with FreshPgDatabase(admin) as url, open_store(url) as store:
                return store.import_procedures(procs, str(data))

        # Creating and dropping the database is inside the timings: a few tens of ms.
        figures["postgresql_store_only_s"] = round(median_time(args.runs, pg_store_only)[0], 3)
        figures["postgresql_import_s"] = round(median_time(args.runs, pg_import)[0], 3)
        with FreshPgDatabase(admin) as url, open_store(url) as store:
            import_folder(data, store, parse=parse, list_records=lister)
            figures["postgresql_reimport_s"] = round(median_time(args.runs, lambda: import_folder(data, store, parse=parse, list_records=lister))[0], 3)
            figures["postgresql_load_s"] = round(median_time(args.runs, store.procedures)[0], 3)

    _print(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
