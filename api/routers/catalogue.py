"""``GET /catalogue`` and ``POST /catalogue/reload`` (admin): reload without downtime.

The new catalogue is loaded and compiled in a worker thread while the old one
keeps answering; it replaces the old one only when it loaded with no error.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from ..deps import AdminKey, PortalKey, RuntimeDep
from ..errors import ApiError
from ..runtime import CatalogueRefused, Loaded
from ..schemas.common import error_responses
from ..schemas.system import CataloguePublic

router = APIRouter(prefix="/catalogue", tags=["catalogue"])


def describe(loaded: Loaded) -> CataloguePublic:
    cat = loaded.catalogue
    return CataloguePublic(
        description=loaded.description,
        catalogue_version=loaded.engine.catalogue_version,
        rules_version=loaded.engine.rules_version,
        source_state_version=loaded.engine.state.version,
        procedures=len(cat.procedures),
        documents=len(cat.documents),
        sources=len(cat.sources),
        rules=len(cat.rules),
        data_errors=len(loaded.errors),
        loaded_at=loaded.loaded_at,
    )


@router.get("", response_model=CataloguePublic, responses=error_responses(401, 403, 429, 500, 503))
async def get_catalogue(_key: PortalKey, runtime: RuntimeDep) -> CataloguePublic:
    if runtime.current is None:
        raise ApiError(503, "not_ready", "the catalogue is not loaded yet")
    return describe(runtime.current)


@router.post(
    "/reload",
    response_model=CataloguePublic,
    summary="Load the catalogue again; refused with its errors if it has any",
    responses=error_responses(401, 403, 422, 429, 500),
)
async def reload_catalogue(_key: AdminKey, runtime: RuntimeDep) -> CataloguePublic:
    try:
        loaded = await run_in_threadpool(runtime.reload)
    except CatalogueRefused as exc:
        items = [e.as_dict() for e in exc.errors]
        raise ApiError(
            422,
            "catalogue_invalid",
            f"the catalogue has {len(items)} error(s); the previous one keeps serving",
            errors=items,
        ) from None
    return describe(loaded)
