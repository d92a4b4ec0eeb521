"""Development server for the dashboard: the real API app, the UI mounted, and
stand-ins for the endpoints the dashboard calls that the API does not serve yet.

NOT the API. It exists so the dashboard can be developed and looked at before
the reports / graph / simulations routers land in ``api/``, and it doubles as an
executable statement of the request and response shapes the dashboard expects
(see ``ui/README.md``). A stand-in is added only when the real app has no route
at that path, so as the real routers land they take over by themselves.

    python ui/dev_server.py --port 8765 [--catalogue PATH]
    (ONCEONLY_HOME / ONCEONLY_ADMIN_KEY as for ``onceonly serve``)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi import APIRouter, Body, FastAPI, Query  # noqa: E402
from starlette.concurrency import run_in_threadpool  # noqa: E402
from starlette.responses import Response  # noqa: E402

from api.deps import EngineDep, OfficerKey, PortalKey  # noqa: E402
from api.errors import ApiError  # noqa: E402
from api.main import API_PREFIX, create_app  # noqa: E402
from api.static_ui import mount_ui  # noqa: E402


def _paths(app: FastAPI) -> set[str]:
    return {getattr(r, "path", "") for r in app.routes}


def standins() -> APIRouter:
    r = APIRouter(prefix=API_PREFIX, tags=["dev stand-ins"])

    @r.get("/attributes")
    async def attributes(_key: PortalKey, engine: EngineDep) -> list[dict]:
        return [
            {"id": a.id, "description": {"vi": a.description.vi, "en": a.description.en}, "values": list(a.values or [])}
            for a in sorted(engine.catalogue.attributes.values(), key=lambda a: a.id)
        ]

    @r.get("/reports/unnecessary")
    async def unnecessary(
        _key: OfficerKey,
        engine: EngineDep,
        as_of: dt.date | None = None,
        ministry: str | None = None,
        source: str | None = None,
        format: str = "json",
        lang: str = "vi",
        limit: int = Query(200, ge=0),
    ):
        from engine.reports import Filters, to_xlsx, unnecessary_report
        from engine.reports.rows import select_procedures

        day = as_of or dt.date.today()
        cat = engine.catalogue
        filters = Filters(ministry=ministry, source=source)

        def build():
            evs = engine.evaluate_all(day, {}, codes=select_procedures(cat, filters))
            return unnecessary_report(evs, cat, day, filters, lang=lang)

        report = await run_in_threadpool(build)
        if format == "xlsx":
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "r.xlsx"
                to_xlsx(report, path, cat, lang)
                data = path.read_bytes()
            return Response(
                data,
                media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                headers={"Content-Disposition": f'attachment; filename="unnecessary-{day.isoformat()}.xlsx"'},
            )
        out = report.as_dict()
        out["rows_total"] = len(out["rows"])
        out["rows"] = out["rows"][:limit]
        out["ministry_names"] = {m: cat.agency_name(m, lang) for m in out["totals"].get("ministry", {})}
        return out

    @r.get("/graph/dependencies")
    async def dependencies(_key: OfficerKey, engine: EngineDep, ministry: str | None = None, as_of: dt.date | None = None):
        from engine.graph import GraphError, agency_dependencies, build_graph

        day = as_of or dt.date.today()

        def run():
            g = build_graph(engine.catalogue, engine.evaluate_all(day, {}), day)
            return agency_dependencies(g, ministry=ministry)

        try:
            rows = await run_in_threadpool(run)
        except GraphError as exc:
            raise ApiError(404, "unknown_agency", str(exc), "query.ministry") from None
        return {"as_of": day.isoformat(), "ministry": ministry, "dependencies": rows}

    @r.get("/graph/sources/{source}/impact")
    async def impact(_key: OfficerKey, engine: EngineDep, source: str, as_of: dt.date | None = None, change: str | None = None):
        from engine.graph import GraphError, source_impact

        if source not in engine.catalogue.sources:
            raise ApiError(404, "unknown_source", f"unknown source {source!r}", "path.source")
        day = as_of or dt.date.today()
        try:
            return await run_in_threadpool(source_impact, engine, source, day, change, {})
        except GraphError as exc:
            raise ApiError(422, "invalid_change", str(exc), "query.change") from None

    def _scenario_dir(engine) -> Path:
        return Path(engine.catalogue.root or ROOT / "procedures") / "scenarios"

    @r.get("/simulations/scenarios")
    async def scenarios(_key: OfficerKey, engine: EngineDep):
        import yaml

        items = []
        folder = _scenario_dir(engine)
        if not folder.is_dir():
            folder = ROOT / "procedures" / "scenarios"
        for path in sorted(folder.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or "operations" not in data:
                continue
            items.append({"id": data.get("id", path.stem), "name": data.get("name"), "description": data.get("description"),
                          "estimate": data.get("estimate", False), "period": data.get("period"), "as_of": data.get("as_of"),
                          "document": data})
        return {"items": items}

    @r.post("/simulations")
    async def simulations(_key: OfficerKey, engine: EngineDep, body: dict[str, Any] = Body(...)):
        from engine.simulation import ScenarioError, load_scenario, parse_scenario
        from engine.simulation import simulate as run

        sc = body.get("scenario")
        try:
            if isinstance(sc, str):
                folder = _scenario_dir(engine)
                path = folder / f"{sc}.yaml"
                if not path.is_file():
                    path = ROOT / "procedures" / "scenarios" / f"{sc}.yaml"
                if not path.is_file():
                    raise ApiError(404, "unknown_scenario", f"unknown scenario {sc!r}", "body.scenario")
                scenario = load_scenario(path)
            elif isinstance(sc, dict):
                scenario = parse_scenario(sc, "request", default_id=str(sc.get("id") or "edited"))
            else:
                raise ApiError(422, "invalid_request", "scenario: an id or a scenario object", "body.scenario")
        except ScenarioError as exc:
            raise ApiError(422, "invalid_scenario", str(exc), "body.scenario") from None

        def d(key):
            v = body.get(key)
            return dt.date.fromisoformat(v) if v else None

        return await run_in_threadpool(lambda: run(engine.catalogue, scenario, as_of=d("as_of"), start=d("from"), end=d("to")))

    return r


def build_app() -> FastAPI:
    app = create_app()
    have = _paths(app)
    extra = standins()
    for route in list(extra.routes):
        if route.path in have:
            extra.routes.remove(route)
    if extra.routes:
        app.include_router(extra)
    mount_ui(app)
    return app


def main() -> None:
    import uvicorn

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--catalogue")
    a = p.parse_args()
    if a.catalogue:
        os.environ["ONCEONLY_CATALOGUE"] = a.catalogue
    uvicorn.run(build_app(), host=a.host, port=a.port, log_level="warning")


if __name__ == "__main__":
    main()
