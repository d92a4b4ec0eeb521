"""``GET /sources`` and ``PUT /sources/{id}/status`` (admin)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query
from starlette.concurrency import run_in_threadpool

from engine.queries import source_row

from ..deps import AdminKey, EngineDep, PortalKey, RuntimeDep
from ..errors import ApiError
from ..schemas.common import error_responses
from ..schemas.sources import SourceList, SourceStatusPublic, SourceStatusUpdate

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get("", response_model=SourceList, responses=error_responses(401, 403, 422, 429, 500))
async def list_sources(
    _key: PortalKey, engine: EngineDep, as_of: Annotated[dt.date | None, Query(description="Default: today.")] = None
) -> SourceList:
    day = as_of or dt.date.today()
    state = engine.state
    rows = []
    for src in sorted(engine.catalogue.sources.values(), key=lambda s: s.id):
        row = source_row(engine.catalogue, src, day)
        row["status"] = state.status(src.id)  # live, not the catalogue's default
        rows.append(row)
    return SourceList(as_of=day, source_state_version=state.version, items=rows)


@router.put(
    "/{source_id}/status",
    response_model=SourceStatusPublic,
    summary="Mark a source online, degraded or offline; every worker's decisions follow",
    responses=error_responses(401, 403, 404, 422, 429, 500),
)
async def set_source_status(
    body: SourceStatusUpdate,
    key: AdminKey,
    engine: EngineDep,
    runtime: RuntimeDep,
    source_id: Annotated[str, Path(max_length=80)],
) -> SourceStatusPublic:
    if source_id not in engine.catalogue.sources:
        raise ApiError(404, "unknown_source", f"unknown source {source_id!r}", "path.source_id")
    # A store write: off the event loop.
    await run_in_threadpool(runtime.set_source_status, source_id, body.status, key.name)
    state = runtime.current.engine.state
    return SourceStatusPublic(id=source_id, status=state.status(source_id), source_state_version=state.version)
