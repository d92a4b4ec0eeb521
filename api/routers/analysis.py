"""``GET /analysis/{id}`` (officer): the answer to an analysis question asked with
``Prefer: respond-async`` or ``?wait=false``, from whichever worker or node computed it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from ..analysis import analysis_of
from ..deps import OfficerKey, RuntimeDep
from ..schemas.analysis import ASYNC_RESPONSES
from ..schemas.common import error_responses

router = APIRouter(prefix="/analysis", tags=["analysis"])


@router.get(
    "/{id}",
    summary="The answer to a report, graph or simulation question asked without waiting (202 while it is computed)",
    description=(
        "200 with the answer exactly as the question would have given it (JSON, CSV or XLSX), or its error; "
        "202 with the progress while it is computed; 404 for an unknown id; 410 when the catalogue or the "
        "source state changed since (`analysis_stale`) or the worker computing it stopped (`analysis_lost`): "
        "ask the question again."
    ),
    responses={
        200: {"description": "The answer (the question's own media type)."},
        **ASYNC_RESPONSES,
        **error_responses(401, 403, 404, 410, 422, 429, 500),
    },
)
async def analysis_answer(
    id: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="The `id` of the progress answer.")],
    _key: OfficerKey,
    runtime: RuntimeDep,
) -> Response:
    return await analysis_of(runtime).poll(id)
