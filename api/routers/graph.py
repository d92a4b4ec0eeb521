"""``/graph/...`` (officer): agency dependencies, source impact, prerequisites, source ranking."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool

from engine.graph import (
    agency_dependencies,
    bounded_cycles,
    build_graph,
    longest_chains,
    prerequisite_graph,
    prerequisites,
    rank_sources,
    source_impact,
)

from ..analysis import analysis_of
from ..deps import OfficerKey, RuntimeDep
from ..errors import ApiError
from ..schemas.common import error_responses

router = APIRouter(prefix="/graph", tags=["graph"])
ERRORS = error_responses(401, 403, 404, 422, 429, 500)


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Dependencies(Open):
    as_of: dt.date
    ministry: str | None
    dependencies: list[dict[str, Any]]


class Impact(Open):
    source: str
    change: str


class Prerequisites(Open):
    as_of: dt.date


class Ranking(Open):
    as_of: dt.date
    estimate: bool
    sources: list[dict[str, Any]]


def _graph(analysis, day: dt.date):
    return analysis.cached("graph", (day,), lambda engine: build_graph(engine.catalogue, engine.evaluate_all(day, {}), day))


@router.get("/dependencies", response_model=Dependencies, responses=ERRORS)
async def dependencies(
    _key: OfficerKey,
    runtime: RuntimeDep,
    ministry: Annotated[str | None, Query(max_length=80)] = None,
    include_self: bool = False,
    as_of: dt.date | None = None,
) -> Dependencies:
    day = as_of or dt.date.today()
    cat = runtime.current.catalogue
    if ministry is not None and ministry not in cat.agencies and ministry not in {p.ministry for p in cat.procedures.values()}:
        raise ApiError(404, "unknown_agency", f"unknown agency {ministry!r}", "query.ministry")
    graph = await run_in_threadpool(_graph, analysis_of(runtime), day)
    rows = agency_dependencies(graph, ministry=ministry, include_self=include_self)
    return Dependencies(as_of=day, ministry=ministry, dependencies=rows)


@router.get("/sources/{source}/impact", response_model=Impact, responses=ERRORS)
async def impact(
    _key: OfficerKey,
    runtime: RuntimeDep,
    source: Annotated[str, Path(max_length=80)],
    change: Literal["offline", "announce"] | None = None,
    as_of: dt.date | None = None,
) -> Impact:
    day = as_of or dt.date.today()
    if source not in runtime.current.catalogue.sources:
        raise ApiError(404, "unknown_source", f"unknown source {source!r}", "path.source")
    result = await run_in_threadpool(
        analysis_of(runtime).cached, "impact", (source, change, day), lambda engine: source_impact(engine, source, day, change, {})
    )
    return Impact(**result)


@router.get("/prerequisites", response_model=Prerequisites, responses=ERRORS)
async def prerequisites_of(
    _key: OfficerKey,
    runtime: RuntimeDep,
    code: Annotated[str | None, Query(max_length=64, description="A procedure (omit: longest chains and cycles).")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    as_of: dt.date | None = None,
) -> Prerequisites:
    day = as_of or dt.date.today()
    analysis = analysis_of(runtime)
    graph = await run_in_threadpool(_graph, analysis, day)
    cat = runtime.current.catalogue
    if code is not None and code not in cat.procedures:
        raise ApiError(404, "unknown_procedure", f"unknown procedure {code!r}", "query.code")
    pg = await run_in_threadpool(prerequisite_graph, graph, cat, ())
    if code is not None:
        result = prerequisites(pg, code)
        result["cycles"] = result["cycles"][:limit]
    else:
        result = {"edges": pg.number_of_edges(), "longest_chains": longest_chains(pg, limit), "cycles": bounded_cycles(pg, limit)}
    return Prerequisites(as_of=day, **result)


@router.get("/rank-sources", response_model=Ranking, responses=ERRORS)
async def rank(_key: OfficerKey, runtime: RuntimeDep, as_of: dt.date | None = None) -> Ranking:
    day = as_of or dt.date.today()
    rows = await run_in_threadpool(analysis_of(runtime).cached, "rank", (day,), lambda engine: rank_sources(engine, day, {}))
    return Ranking(as_of=day, estimate=True, sources=rows)
