"""``GET /kpis``: documents and copies not requested, per ministry, procedure, source and day."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from engine.store.api_repo import read_kpis

from ..deps import OfficerKey, RuntimeDep
from ..schemas.common import Day, error_responses, text
from ..schemas.kpis import KpiPublic, KpiTotals

router = APIRouter(prefix="/kpis", tags=["kpis"])

Dimension = Literal["day", "ministry", "procedure", "source"]


@router.get("", response_model=KpiPublic, responses=error_responses(401, 403, 422, 429, 500))
async def get_kpis(
    _key: OfficerKey,
    runtime: RuntimeDep,
    group_by: Annotated[list[Dimension] | None, Query(description="Dimensions to keep (repeat the parameter); default: day and ministry.")] = None,
    day_from: Annotated[Day | None, Query(description="First day, YYYY-MM-DD.")] = None,
    day_to: Annotated[Day | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    ministry: Annotated[text(80) | None, Query()] = None,
    procedure: Annotated[text(64) | None, Query()] = None,
    source: Annotated[text(80) | None, Query()] = None,
) -> KpiPublic:
    group = list(dict.fromkeys(group_by or ["day", "ministry"]))
    # This worker's pending counters first, so a caller sees its own traffic.
    counts, evals = runtime.kpis.take()
    try:
        await run_in_threadpool(runtime.kpis.write, counts, evals)
    except Exception:
        runtime.kpis.give_back(counts, evals)
        raise
    rows, eval_rows = await run_in_threadpool(
        read_kpis, runtime.store.engine, group, day_from, day_to, ministry, procedure, source
    )
    totals = KpiTotals(
        documents=sum(r["documents"] for r in rows),
        copies=sum(r["copies"] for r in rows),
        evaluations=sum(r["evaluations"] for r in eval_rows),
        copies_before=sum(r["copies_before"] for r in eval_rows),
        copies_after=sum(r["copies_after"] for r in eval_rows),
    )
    return KpiPublic(group_by=group, totals=totals, counts=rows, evaluations=eval_rows)
