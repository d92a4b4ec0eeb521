"""``GET /reports/{kind}`` (officer): unnecessary copies and their burden, as JSON, CSV or XLSX."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from engine.reports import Filters, burden_report, to_csv, to_xlsx, unnecessary_report
from engine.reports.rows import select_procedures

from ..analysis import analysis_of
from ..deps import OfficerKey, RuntimeDep
from ..errors import ApiError
from ..formats import MEDIA, OutputFormat, chosen, documented
from ..schemas.common import error_responses

router = APIRouter(prefix="/reports", tags=["reports"])

#: Filters are echoed into the workbook, and Excel refuses control characters.
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"


class ReportPublic(BaseModel):
    """A report as ``onceonly report ... --format json`` prints it."""

    model_config = ConfigDict(extra="allow")

    report: str
    as_of: dt.date
    filters: dict[str, Any]
    procedures_evaluated: int
    catalogue_version: str
    rules_version: str
    total: dict[str, Any]
    totals: dict[str, Any]
    rows: list[dict[str, Any]]
    gaps: list[dict[str, Any]]


@router.get(
    "/unnecessary",
    response_model=ReportPublic,
    summary="Every requirement the rules strike or replace (conditional rows too), totals, Art. 3.2 gaps",
    responses={**documented("json", "csv", "xlsx"), **error_responses(401, 403, 404, 406, 422, 429, 500)},
)
async def unnecessary(
    request: Request,
    _key: OfficerKey,
    runtime: RuntimeDep,
    as_of: dt.date | None = None,
    ministry: Annotated[str | None, Query(max_length=80, pattern=PRINTABLE)] = None,
    field: Annotated[str | None, Query(max_length=200, pattern=PRINTABLE)] = None,
    level: Literal["ministry", "province", "commune", "other"] | None = None,
    source: Annotated[str | None, Query(max_length=80, pattern=PRINTABLE)] = None,
    lang: Literal["vi", "en"] = "vi",
    format: OutputFormat | None = None,
    limit: Annotated[int | None, Query(ge=0, le=1_000_000, description="JSON: at most this many rows (0: totals only).")] = None,
) -> Response:
    return await _report("unnecessary", request, runtime, as_of, ministry, field, level, source, lang, format, limit)


@router.get(
    "/burden",
    response_model=ReportPublic,
    summary="The same rows priced in hours and VND a year (Standard Cost Model)",
    responses={**documented("json", "csv", "xlsx"), **error_responses(401, 403, 404, 406, 422, 429, 500)},
)
async def burden(
    request: Request,
    _key: OfficerKey,
    runtime: RuntimeDep,
    as_of: dt.date | None = None,
    ministry: Annotated[str | None, Query(max_length=80, pattern=PRINTABLE)] = None,
    field: Annotated[str | None, Query(max_length=200, pattern=PRINTABLE)] = None,
    level: Literal["ministry", "province", "commune", "other"] | None = None,
    source: Annotated[str | None, Query(max_length=80, pattern=PRINTABLE)] = None,
    lang: Literal["vi", "en"] = "vi",
    format: OutputFormat | None = None,
    limit: Annotated[int | None, Query(ge=0, le=1_000_000, description="JSON: at most this many rows (0: totals only).")] = None,
) -> Response:
    return await _report("burden", request, runtime, as_of, ministry, field, level, source, lang, format, limit)


async def _report(kind, request, runtime, as_of, ministry, field, level, source, lang, format, limit) -> Response:
    fmt = chosen(request, format, ("json", "csv", "xlsx"))
    day = as_of or dt.date.today()
    cat = runtime.current.catalogue
    if ministry is not None and ministry not in cat.agencies and ministry not in {p.ministry for p in cat.procedures.values()}:
        raise ApiError(404, "unknown_ministry", f"unknown ministry {ministry!r}", "query.ministry")
    if source is not None and source not in cat.sources:
        raise ApiError(404, "unknown_source", f"unknown source {source!r}", "query.source")
    filters = Filters(ministry=ministry, field=field, level=level, source=source)

    def compute(engine):
        evaluations = engine.evaluate_all(day, {}, codes=select_procedures(engine.catalogue, filters))
        make = burden_report if kind == "burden" else unnecessary_report
        return make(evaluations, engine.catalogue, day, filters, lang=lang)

    report = await run_in_threadpool(analysis_of(runtime).cached, "report", (kind, day, ministry, field, level, source, lang), compute)
    name = f"{kind}-{day.isoformat()}"
    if fmt == "csv":
        return Response(to_csv(report, lang).encode("utf-8-sig"), media_type=MEDIA["csv"], headers=_attachment(f"{name}.csv"))
    if fmt == "xlsx":
        return Response(await run_in_threadpool(_xlsx, report, cat, lang), media_type=MEDIA["xlsx"], headers=_attachment(f"{name}.xlsx"))
    import orjson

    data = report.as_dict()
    if limit is not None:
        data["rows"] = data["rows"][:limit]
    # The dashboard names ministries in charts even when no row is shown.
    data["ministry_names"] = {m: cat.agency_name(m, lang) for m in data.get("totals", {}).get("ministry", {})}
    return Response(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), media_type="application/json")


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


def _xlsx(report, cat, lang: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = to_xlsx(report, Path(tmp) / "report.xlsx", cat, lang)
        return Path(path).read_bytes()
