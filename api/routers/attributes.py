"""``GET /attributes``: the applicant-attribute registry (what a portal may send and ask)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from ..deps import EngineDep, PortalKey
from ..schemas.common import error_responses
from ..schemas.sources import Names

router = APIRouter(prefix="/attributes", tags=["catalogue"])


class AttributePublic(BaseModel):
    id: str
    description: Names
    values: list[str]


@router.get("", response_model=list[AttributePublic], responses=error_responses(401, 403, 429, 500))
async def list_attributes(_key: PortalKey, engine: EngineDep) -> list[AttributePublic]:
    return [
        AttributePublic(id=a.id, description={"vi": a.description.vi, "en": a.description.en}, values=list(a.values))
        for a in sorted(engine.catalogue.attributes.values(), key=lambda a: a.id)
    ]
