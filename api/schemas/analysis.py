"""The progress answer of an analysis question that is not ready yet (HTTP 202)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class AnalysisProgress(BaseModel):
    """``202 Accepted``: the answer is being computed (by this node or another one).

    Ask ``poll`` (with the same key) after ``retry_after`` seconds: it answers
    202 again while the computation runs, then the answer itself, exactly as the
    question would have (200 with its JSON, CSV or XLSX, or its error).
    """

    status: Literal["running"] = "running"
    id: str = Field(description="The question's id for this catalogue and source state.")
    kind: str = Field(description="report, compliance, graph, dependents, impact, prerequisites, rank, simulation...")
    started: dt.datetime = Field(description="When the computation started (UTC).")
    elapsed_seconds: float
    poll: str = Field(description="Where to ask for the answer: GET with the same key.")
    retry_after: int = Field(ge=1, description="Seconds to wait before polling (also the Retry-After header).")


#: For the routes' ``responses=``: the 202 answer of ``Prefer: respond-async`` or ``?wait=false``.
ASYNC_RESPONSES = {
    202: {
        "model": AnalysisProgress,
        "description": (
            "Asked with `Prefer: respond-async` or `?wait=false` while the answer is computed: "
            "poll the `poll` URL (also in `Location`) after `Retry-After` seconds."
        ),
    }
}
