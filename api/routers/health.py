"""``GET /health`` (the process answers) and ``GET /ready`` (a catalogue is loaded,
its decisions pre-built, and the store answers).

Both are public (load balancers call them without a key), so they say only
ready or not, with a short reason code on 503. What is loaded (the catalogue's
folder or store, its versions and counts) and why the store does not answer
are shown to an admin key only: an unauthenticated caller never learns a
folder, a database host, port, user or name.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from engine.evaluator import ENGINE_VERSION
from engine.store import api_repo

from ..deps import RuntimeDep, current_key
from ..errors import ApiError
from ..schemas.common import error_responses
from ..schemas.system import Health, Ready
from .catalogue import describe

router = APIRouter(tags=["health"])

#: Seconds a load balancer should wait before asking ``/ready`` again.
RETRY_SECONDS = "1"


@router.get("/health", response_model=Health, responses=error_responses(500))
async def health() -> Health:
    return Health(status="ok", engine_version=ENGINE_VERSION)


async def _is_admin(request: Request, runtime) -> bool:
    """True for a valid admin key; no key is simply not an admin (a bad key is a 401)."""
    token = request.headers.get("x-api-key")
    if not token and not request.headers.get("authorization", "").lower().startswith("bearer "):
        return False
    principal = await current_key(request, runtime, token)
    return principal.may("admin")


def _not_ready(code: str, message: str, detail: str, admin: bool) -> ApiError:
    return ApiError(503, code, f"{message}: {detail}" if admin else message, headers={"Retry-After": RETRY_SECONDS})


@router.get(
    "/ready",
    response_model=Ready,
    response_model_exclude_none=True,
    summary="Ready or not (details for an admin key only)",
    description=(
        "`{\"status\": \"ready\"}`, or a 503 whose `code` says why: `not_ready` (no catalogue yet), "
        "`warming` (decisions being pre-built) or `store_unavailable`. With an admin key "
        "(`X-API-Key` or `Authorization: Bearer`) the answer also names the engine and the loaded catalogue."
    ),
    responses=error_responses(401, 429, 500, 503),
)
async def ready(request: Request, runtime: RuntimeDep) -> Ready:
    admin = await _is_admin(request, runtime)
    if runtime.current is None:
        raise _not_ready("not_ready", "the catalogue is not loaded yet", "the first load has not finished", admin)
    if not runtime.current.warmed.is_set():
        raise _not_ready("warming", "decisions are being pre-built", "the catalogue is loaded (about a second)", admin)
    try:
        await run_in_threadpool(api_repo.read_versions, runtime.store.engine)
    except Exception as exc:
        raise _not_ready("store_unavailable", "the store does not answer", type(exc).__name__, admin) from None
    if not admin:
        return Ready(status="ready")
    return Ready(status="ready", engine_version=ENGINE_VERSION, catalogue=describe(runtime.current))
