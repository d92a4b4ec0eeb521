"""``GET /health`` (the process answers) and ``GET /ready`` (a catalogue is loaded,
its decisions pre-built, and the store answers)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from engine.evaluator import ENGINE_VERSION
from engine.store import api_repo

from ..deps import RuntimeDep
from ..errors import ApiError
from ..schemas.common import error_responses
from ..schemas.system import Health, Ready
from .catalogue import describe

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses=error_responses(500))
async def health() -> Health:
    return Health(status="ok", engine_version=ENGINE_VERSION)


@router.get("/ready", response_model=Ready, responses=error_responses(500, 503))
async def ready(runtime: RuntimeDep) -> Ready:
    if runtime.current is None:
        raise ApiError(503, "not_ready", "the catalogue is not loaded yet")
    if not runtime.current.warmed.is_set():
        raise ApiError(503, "warming", "the catalogue is loaded; decisions are being pre-built (about a second)")
    try:
        await run_in_threadpool(api_repo.read_versions, runtime.store.engine)
    except Exception as exc:
        raise ApiError(503, "store_unavailable", f"the store does not answer ({type(exc).__name__})") from None
    return Ready(status="ready", engine_version=ENGINE_VERSION, catalogue=describe(runtime.current))
