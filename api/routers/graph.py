"""``/graph/...`` (officer): agency dependencies, who depends on a database or an agency,
source impact, prerequisites, source ranking."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from engine.graph import (
    agency_dependencies,
    bounded_cycles,
    build_graph,
    dependency_base,
    dependents,
    longest_chains,
    prerequisite_graph,
    prerequisites,
    rank_sources,
    source_impact,
    targets,
)

from ..analysis import AsyncDep, analysis_of, json_answer
from ..deps import OfficerKey, RuntimeDep
from ..errors import ApiError
from ..schemas.analysis import ASYNC_RESPONSES
from ..schemas.common import error_responses
from ..schemas.graph import DependentChoicesPublic, DependentsPublic

router = APIRouter(prefix="/graph", tags=["graph"])
ERRORS = {**ASYNC_RESPONSES, **error_responses(401, 403, 404, 422, 429, 500)}


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
    asynchronous: AsyncDep = False,
) -> Response:
    day = as_of or dt.date.today()
    cat = runtime.current.catalogue
    if ministry is not None and ministry not in cat.agencies and ministry not in {p.ministry for p in cat.procedures.values()}:
        raise ApiError(404, "unknown_agency", f"unknown agency {ministry!r}", "query.ministry")
    analysis = analysis_of(runtime)

    def produce(_engine):
        rows = agency_dependencies(_graph(analysis, day), ministry=ministry, include_self=include_self)
        return json_answer(Dependencies(as_of=day, ministry=ministry, dependencies=rows))

    return await analysis.respond("dependencies", (day, ministry, include_self), produce, asynchronous)


def _base(analysis, day: dt.date):
    """The graph and the burden report's priced rows of one day (shared by the dependents questions).
    Not through _graph(): a cached computation must not wait on another one (the pool may have one thread)."""
    return analysis.cached("dependency-base", (day,), lambda engine: dependency_base(engine, day))


@router.get(
    "/dependents",
    response_model=DependentsPublic,
    summary="The ministries and procedures that depend on one database or one agency, with copies and hours",
    description=(
        "Give `source` (a database) or `agency` (an agency id), not both. A procedure depends on a database "
        "when the engine strikes or replaces one of its papers with the database's data, or would for some "
        "applicants (`conditional_*`: every procedure is evaluated for an applicant who says nothing); on an "
        "agency when it lists a paper the agency issues (`document_requirements`) or depends on one of its "
        "databases (`data_requirements`). Copies, hours and VND are the burden report's figures (estimates)."
    ),
    responses={**ASYNC_RESPONSES, **error_responses(401, 403, 404, 422, 429, 500)},
)
async def dependents_of(
    _key: OfficerKey,
    runtime: RuntimeDep,
    source: Annotated[str | None, Query(max_length=80, description="A database id (`population`).")] = None,
    agency: Annotated[str | None, Query(max_length=80, description="An agency id (`bo-cong-an`).")] = None,
    as_of: dt.date | None = None,
    lang: Literal["vi", "en"] = "vi",
    asynchronous: AsyncDep = False,
) -> Response:
    day = as_of or dt.date.today()
    if (source is None) == (agency is None):
        raise ApiError(422, "invalid_request", "give either source or agency", "query.source" if source is None else "query.agency")
    cat = runtime.current.catalogue
    if source is not None and source not in cat.sources:
        raise ApiError(404, "unknown_source", f"unknown source {source!r}", "query.source")
    analysis = analysis_of(runtime)
    kind, ident = ("source", source) if source is not None else ("agency", agency)

    def produce(_engine):
        base = _base(analysis, day)
        if agency is not None and f"agency:{agency}" not in base.graph:
            raise ApiError(404, "unknown_agency", f"unknown agency {agency!r}", "query.agency")
        result = dependents(base, kind, ident, lang)
        return json_answer(DependentsPublic(**result, hours_per_document=base.model.hours_per_document))

    return await analysis.respond("dependents", (day, kind, ident, lang), produce, asynchronous)


@router.get(
    "/dependents/choices",
    response_model=DependentChoicesPublic,
    summary="Every database, and every agency something depends on, by name, with how many depend on it",
    responses={**ASYNC_RESPONSES, **error_responses(401, 403, 422, 429, 500)},
)
async def dependent_choices(
    _key: OfficerKey,
    runtime: RuntimeDep,
    as_of: dt.date | None = None,
    lang: Literal["vi", "en"] = "vi",
    asynchronous: AsyncDep = False,
) -> Response:
    day = as_of or dt.date.today()
    analysis = analysis_of(runtime)

    def produce(_engine):
        return json_answer(DependentChoicesPublic(as_of=day, **targets(_base(analysis, day), lang)))

    return await analysis.respond("dependent-choices", (day, lang), produce, asynchronous)


@router.get("/sources/{source}/impact", response_model=Impact, responses=ERRORS)
async def impact(
    _key: OfficerKey,
    runtime: RuntimeDep,
    source: Annotated[str, Path(max_length=80)],
    change: Literal["offline", "announce"] | None = None,
    as_of: dt.date | None = None,
    asynchronous: AsyncDep = False,
) -> Response:
    day = as_of or dt.date.today()
    if source not in runtime.current.catalogue.sources:
        raise ApiError(404, "unknown_source", f"unknown source {source!r}", "path.source")

    def produce(engine):
        return json_answer(Impact(**source_impact(engine, source, day, change, {})))

    return await analysis_of(runtime).respond("impact", (source, change, day), produce, asynchronous)


@router.get("/prerequisites", response_model=Prerequisites, responses=ERRORS)
async def prerequisites_of(
    _key: OfficerKey,
    runtime: RuntimeDep,
    code: Annotated[str | None, Query(max_length=64, description="A procedure (omit: longest chains and cycles).")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    as_of: dt.date | None = None,
    asynchronous: AsyncDep = False,
) -> Response:
    day = as_of or dt.date.today()
    analysis = analysis_of(runtime)
    if code is not None and code not in runtime.current.catalogue.procedures:
        raise ApiError(404, "unknown_procedure", f"unknown procedure {code!r}", "query.code")

    def produce(engine):
        pg = prerequisite_graph(_graph(analysis, day), engine.catalogue, ())
        if code is not None:
            result = prerequisites(pg, code)
            result["cycles"] = result["cycles"][:limit]
        else:
            result = {"edges": pg.number_of_edges(), "longest_chains": longest_chains(pg, limit), "cycles": bounded_cycles(pg, limit)}
        return json_answer(Prerequisites(as_of=day, **result))

    return await analysis.respond("prerequisites", (day, code, limit), produce, asynchronous)


@router.get("/rank-sources", response_model=Ranking, responses=ERRORS)
async def rank(_key: OfficerKey, runtime: RuntimeDep, as_of: dt.date | None = None, asynchronous: AsyncDep = False) -> Response:
    day = as_of or dt.date.today()

    def produce(engine):
        return json_answer(Ranking(as_of=day, estimate=True, sources=rank_sources(engine, day, {})))

    return await analysis_of(runtime).respond("rank", (day,), produce, asynchronous)
