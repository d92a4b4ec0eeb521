"""``POST /evaluations``: the one call a portal makes at the start of every dossier.

Valid calls are usually answered by :mod:`api.fastpath` before FastAPI; this
route answers the rest (and every error). Both take the answer from
:meth:`api.runtime.Runtime.answer` (serialised once per distinct request) and
return it as ready bytes, so FastAPI does not re-validate the model;
``response_model`` still documents the schema.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from ..deps import EngineDep, PortalKey, RuntimeDep
from ..schemas.common import error_responses
from ..schemas.evaluations import EvaluationCreate, EvaluationPublic

router = APIRouter(prefix="/evaluations", tags=["evaluations"])

_VERSION_HEADERS = {
    "X-Onceonly-Catalogue": {"description": "Catalogue version (law + procedures) that decided.", "schema": {"type": "string"}},
    "X-Onceonly-Rules": {"description": "Rules version (the law alone).", "schema": {"type": "string"}},
    "X-Onceonly-Source-State": {"description": "Source-state version (live statuses).", "schema": {"type": "string"}},
}


@router.post(
    "",
    response_model=EvaluationPublic,
    summary="Which documents this applicant must still hand in, today, and why",
    responses={200: {"headers": _VERSION_HEADERS}, **error_responses(401, 403, 404, 413, 422, 429, 500)},
)
async def create_evaluation(body: EvaluationCreate, _key: PortalKey, engine: EngineDep, runtime: RuntimeDep) -> Response:
    answer = runtime.answer(engine, body)
    runtime.kpis.add(answer.kpis)
    return Response(answer.body, media_type="application/json", headers={k.decode(): v.decode() for k, v in answer.headers})
