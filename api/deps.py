"""Dependencies of the routes, as ``Annotated`` aliases (override them in tests).

All are ``async def``: FastAPI runs sync dependencies in its thread pool, a
hop that would cost more than the work they do.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from engine.evaluator import Engine
from engine.store import Store

from .errors import ApiError
from .runtime import Runtime
from .security import Principal, admit

# One documented scheme; ``Authorization: Bearer <key>`` is accepted too (read
# below) but left out of the schema: two alternative schemes make generated
# clients and conformance tests guess which one counts.
_api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="API key (`Authorization: Bearer <key>` works too)."
)


async def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def get_engine(runtime: RuntimeDep) -> Engine:
    """The engine of the last good catalogue, with source states brought up to date."""
    runtime.sync()
    if runtime.current is None:
        raise ApiError(503, "not_ready", "the catalogue is not loaded yet")
    return runtime.current.engine


EngineDep = Annotated[Engine, Depends(get_engine)]


async def get_store(runtime: RuntimeDep) -> Store:
    return runtime.store


StoreDep = Annotated[Store, Depends(get_store)]


#: Where :mod:`api.fastpath` leaves the key it admitted (and charged) before the body was read.
ADMITTED = "onceonly.principal"


async def current_key(
    request: Request, runtime: RuntimeDep, api_key: Annotated[str | None, Depends(_api_key_header)]
) -> Principal:
    """The caller's key (401 without exactly one valid one), charged against its rate limit (429).

    Normally already decided by :mod:`api.fastpath`, in plain ASGI before the
    body was read (a refused request costs no parsing); decided here, by the
    same :func:`api.security.admit`, only when that layer is bypassed (tests
    with dependency overrides). ``api_key`` is declared for the OpenAPI scheme
    only: the headers themselves are read by :func:`api.security.credentials`.
    """
    admitted = request.scope.get(ADMITTED)
    if admitted is not None:
        return admitted
    principal = admit(runtime, request.scope["headers"])
    request.scope[ADMITTED] = principal
    return principal


CurrentKey = Annotated[Principal, Depends(current_key)]


def require_role(role: str):
    """A dependency that lets through keys of ``role`` or a more powerful one (403 otherwise)."""

    async def check(principal: CurrentKey) -> Principal:
        if not principal.may(role):
            raise ApiError(403, "forbidden", f"this needs the {role} role; the key has {principal.role}")
        return principal

    check.__name__ = f"require_{role}"
    return check


PortalKey = Annotated[Principal, Depends(require_role("portal"))]
OfficerKey = Annotated[Principal, Depends(require_role("officer"))]
AdminKey = Annotated[Principal, Depends(require_role("admin"))]
