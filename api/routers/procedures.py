"""``GET /procedures`` (search, filters, pages) and ``GET /procedures/{code}``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from engine.queries import search

from ..deps import EngineDep, PortalKey
from ..errors import ApiError
from ..schemas.common import error_responses
from ..schemas.procedures import ProcedurePage, ProcedurePublic

router = APIRouter(prefix="/procedures", tags=["procedures"])


@router.get("", response_model=ProcedurePage, responses=error_responses(401, 403, 422, 429, 500))
async def list_procedures(
    _key: PortalKey,
    engine: EngineDep,
    q: Annotated[str | None, Query(max_length=200, description="Words or a code (diacritics optional).")] = None,
    ministry: Annotated[str | None, Query(max_length=80)] = None,
    field: Annotated[str | None, Query(max_length=200, description="Field (lĩnh vực), e.g. Hộ tịch.")] = None,
    level: Literal["ministry", "province", "commune", "other"] | None = None,
    origin: Literal["curated", "imported"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ProcedurePage:
    rows = search(engine.catalogue, q, ministry, field, level, origin)
    return ProcedurePage(total=len(rows), limit=limit, offset=offset, items=rows[offset : offset + limit])


@router.get("/{code}", response_model=ProcedurePublic, responses=error_responses(401, 403, 404, 422, 429, 500))
async def get_procedure(_key: PortalKey, engine: EngineDep, code: Annotated[str, Path(max_length=64)]) -> ProcedurePublic:
    proc = engine.catalogue.procedures.get(code)
    if proc is None:
        raise ApiError(404, "unknown_procedure", f"unknown procedure {code!r}", "path.code")
    return proc
