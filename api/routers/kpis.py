"""``GET /kpis``: documents and copies not requested, per ministry, procedure, source and day."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from engine.store.api_repo import read_kpis

from ..deps import OfficerKey, RuntimeDep
from ..schemas.common import error_responses
from ..schemas.kpis import KpiPublic, KpiTotals

router = APIRouter(prefix="/kpis", tags=["kpis"])

Dimension = Literal["day", "ministry", "procedure", "source"]


@router.get("", response_model=KpiPublic, responses=error_responses(401, 403, 422, 429, 500))
async def get_kpis(
    _key: OfficerKey,
    runtime: RuntimeDep,
    group_by: Annotated[list[Dimension] | None, Query(description="Dimensions to keep (repeat the parameter); default: day and ministry.")] = None,
    day_from: dt.date | None = None,
    day_to: dt.date | None = None,
    ministry: Annotated[str | None, Query(max_length=80)] = None,
    procedure: Annotated[str | None, Query(max_length=64)] = None,
    source: Annotated[str | None, Query(max_length=80)] = None,
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
