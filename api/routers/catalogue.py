"""``GET /catalogue`` and ``POST /catalogue/reload`` (admin): reload without downtime.

The new catalogue is loaded and compiled in a worker thread while the old one
keeps answering; it replaces the old one only when it loaded with no error.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictBool
from starlette.concurrency import run_in_threadpool

from ..deps import AdminKey, PortalKey, RuntimeDep
from ..errors import ApiError
from ..runtime import CatalogueRefused, LawRemovalRefused, Loaded
from ..schemas.common import error_responses
from ..schemas.system import CataloguePublic

router = APIRouter(prefix="/catalogue", tags=["catalogue"])


class ReloadRequest(BaseModel):
    """Optional body of a reload."""

    model_config = ConfigDict(extra="forbid")

    confirm: StrictBool = Field(False, description="Accept a catalogue that removes rules in force, sources or more than 5% of the procedures.")


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
        built_from={k: {x: v[x] for x in ("file", "sha256", "rows", "encoded") if x in v} for k, v in cat.built_from.items()},
    )


@router.get("", response_model=CataloguePublic, responses=error_responses(401, 403, 429, 500, 503))
async def get_catalogue(key: PortalKey, runtime: RuntimeDep) -> CataloguePublic:
    if runtime.current is None:
        raise ApiError(503, "not_ready", "the catalogue is not loaded yet")
    found = describe(runtime.current)
    if getattr(key, "role", None) != "admin":
        # The description names folders and store hosts: for admins only.
        found.description = ""
    return found


@router.post(
    "/reload",
    response_model=CataloguePublic,
    summary="Load the catalogue again; refused with its errors if it has any",
    responses=error_responses(401, 403, 409, 422, 429, 500),
)
async def reload_catalogue(
    key: AdminKey,
    runtime: RuntimeDep,
    body: ReloadRequest | None = None,
) -> CataloguePublic:
    confirm = body.confirm if body is not None else False
    try:
        loaded = await run_in_threadpool(runtime.reload, confirm, getattr(key, "name", None))
    except LawRemovalRefused as exc:
        raise ApiError(
            409,
            "law_removed",
            f"the new catalogue removes law ({'; '.join(exc.diff.reasons())}); the previous one keeps serving. "
            'Send {"confirm": true} to accept it.',
            errors=_diff_items(exc.diff),
        ) from None
    except CatalogueRefused as exc:
        items = [e.as_dict() for e in exc.errors]
        raise ApiError(
            422,
            "catalogue_invalid",
            f"the catalogue has {len(items)} error(s); the previous one keeps serving",
            errors=items,
        ) from None
    return describe(loaded)


def _diff_items(diff) -> list[dict]:
    """The refusal's diff in the one error shape: one item per kind of removal."""
    items = []
    if diff.rules_removed:
        items.append({"field": "rules", "message": f"{len(diff.rules_removed)} rule(s) in force removed", "removed": diff.rules_removed})
    if diff.sources_removed:
        items.append({"field": "sources", "message": f"{len(diff.sources_removed)} source(s) removed", "removed": diff.sources_removed})
    if diff.procedure_share_removed > diff.max_procedure_share:
        items.append({
            "field": "procedures",
            "message": f"{len(diff.procedures_removed)} of {diff.procedures_before} procedures removed",
            "removed": diff.procedures_removed[:100],
        })
    return items
