"""``GET /reports/{kind}`` (officer): unnecessary copies and their burden, and the
compliance check against Res. 66.7's appendices, as JSON, CSV or XLSX."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from engine.reports import Filters, burden_report, to_csv, to_xlsx, unnecessary_report
from engine.reports.rows import select_procedures

from engine.reports import compliance as compliance_mod

from ..analysis import AsyncDep, Rendered, analysis_of
from ..deps import OfficerKey, RuntimeDep
from ..errors import ApiError
from ..formats import MEDIA, OutputFormat, chosen, documented
from ..schemas.analysis import ASYNC_RESPONSES
from ..schemas.common import error_responses
from ..schemas.compliance import ComplianceReportPublic

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
    responses={**documented("json", "csv", "xlsx"), **ASYNC_RESPONSES, **error_responses(401, 403, 404, 406, 422, 429, 500)},
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
    asynchronous: AsyncDep = False,
) -> Response:
    return await _report("unnecessary", request, runtime, as_of, ministry, field, level, source, lang, format, limit, asynchronous)


@router.get(
    "/burden",
    response_model=ReportPublic,
    summary="The same rows priced in hours and VND a year (Standard Cost Model)",
    responses={**documented("json", "csv", "xlsx"), **ASYNC_RESPONSES, **error_responses(401, 403, 404, 406, 422, 429, 500)},
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
    asynchronous: AsyncDep = False,
) -> Response:
    return await _report("burden", request, runtime, as_of, ministry, field, level, source, lang, format, limit, asynchronous)


async def _report(kind, request, runtime, as_of, ministry, field, level, source, lang, format, limit, asynchronous) -> Response:
    fmt = chosen(request, format, ("json", "csv", "xlsx"))
    day = as_of or dt.date.today()
    cat = runtime.current.catalogue
    if ministry is not None and ministry not in cat.agencies and ministry not in {p.ministry for p in cat.procedures.values()}:
        raise ApiError(404, "unknown_ministry", f"unknown ministry {ministry!r}", "query.ministry")
    if source is not None and source not in cat.sources:
        raise ApiError(404, "unknown_source", f"unknown source {source!r}", "query.source")
    filters = Filters(ministry=ministry, field=field, level=level, source=source)
    analysis = analysis_of(runtime)

    def compute(engine):
        evaluations = engine.evaluate_all(day, {}, codes=select_procedures(engine.catalogue, filters))
        make = burden_report if kind == "burden" else unnecessary_report
        return make(evaluations, engine.catalogue, day, filters, lang=lang)

    def produce(engine) -> Rendered:
        # One report object per question, whatever the format (the pool's LRU); the answer
        # in this format is what the store keeps for every worker.
        report = analysis.cached("report", (kind, day, ministry, field, level, source, lang), compute)
        cat = engine.catalogue
        name = f"{kind}-{day.isoformat()}"
        if fmt == "csv":
            return Rendered(200, to_csv(report, lang).encode("utf-8-sig"), MEDIA["csv"], _attachment(f"{name}.csv"))
        if fmt == "xlsx":
            return Rendered(200, _xlsx(report, cat, lang), MEDIA["xlsx"], _attachment(f"{name}.xlsx"))
        import orjson

        data = report.as_dict()
        if limit is not None:
            data["rows"] = data["rows"][:limit]
        # The dashboard names ministries in charts even when no row is shown.
        data["ministry_names"] = {m: cat.agency_name(m, lang) for m in data.get("totals", {}).get("ministry", {})}
        return Rendered(200, orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), MEDIA["json"])

    args = (kind, day, ministry, field, level, source, lang, fmt, limit)
    return await analysis.respond("report", args, produce, asynchronous)


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


def _xlsx(report, cat, lang: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = to_xlsx(report, Path(tmp) / "report.xlsx", cat, lang)
        return Path(path).read_bytes()


@router.get(
    "/compliance",
    response_model=ComplianceReportPublic,
    summary="Res. 66.7's Appendix I and II rows against the catalogue: still named on the portal, overdue, struck",
    description=(
        "Every procedure is evaluated for an applicant who says nothing; each appendix row says whether the "
        "procedure's dossier still names the listed paper (`asked`), past Art. 7's re-engineering period "
        "(`overdue`), or the engine strikes it. Totals by ministry, and `candidates`: papers the general rules "
        "strike that no row lists. 409 when the catalogue holds no appendix rules."
    ),
    responses={**documented("json", "csv", "xlsx"), **ASYNC_RESPONSES, **error_responses(401, 403, 404, 406, 409, 422, 429, 500)},
)
async def compliance(
    request: Request,
    _key: OfficerKey,
    runtime: RuntimeDep,
    as_of: Annotated[dt.date | None, Query(description="Evaluate on this day (default: today).")] = None,
    ministry: Annotated[str | None, Query(max_length=80, pattern=PRINTABLE, description="Only this agency's rows and candidates (agency id).")] = None,
    lang: Literal["vi", "en"] = "vi",
    format: OutputFormat | None = None,
    asynchronous: AsyncDep = False,
) -> Response:
    fmt = chosen(request, format, ("json", "csv", "xlsx"))
    day = as_of or dt.date.today()
    cat = runtime.current.catalogue
    if not cat.built_from:
        raise ApiError(
            409, "no_appendix_rules",
            "the catalogue holds no rules built from Res. 66.7's Appendices I and II (run `onceonly law appendices`), "
            "so there is nothing to check",
        )
    # A row of a procedure outside the catalogue is filed under its appendix section title when no
    # agency matches it; the rows' ministries do not depend on evaluations (none are needed to check).
    if (
        ministry is not None
        and ministry not in cat.agencies
        and ministry not in {p.ministry for p in cat.procedures.values()}
        and ministry not in compliance_mod.compliance_report([], cat, day).by_ministry
    ):
        raise ApiError(404, "unknown_ministry", f"unknown ministry {ministry!r}", "query.ministry")

    analysis = analysis_of(runtime)

    def compute(engine):
        # No applicant attributes: a row is "conditional" when only some applicants are spared.
        evaluations = engine.evaluate_all(day, {})
        report = compliance_mod.compliance_report(evaluations, engine.catalogue, day, ministry)
        return report, engine.catalogue.version, engine.catalogue.rules_version, len(evaluations)

    def produce(engine) -> Rendered:
        report, catalogue_version, rules_version, evaluated = analysis.cached("compliance", (day, ministry), compute)
        cat = engine.catalogue
        name = f"compliance-{day.isoformat()}"
        if fmt == "csv":
            return Rendered(200, compliance_mod.to_csv(report, lang).encode("utf-8-sig"), MEDIA["csv"], _attachment(f"{name}.csv"))
        if fmt == "xlsx":
            return Rendered(200, _compliance_xlsx(report, lang), MEDIA["xlsx"], _attachment(f"{name}.xlsx"))
        import orjson

        data = report.as_dict()
        data["catalogue_version"], data["rules_version"], data["procedures_evaluated"] = catalogue_version, rules_version, evaluated
        k = 0 if lang == "vi" else 1
        named = {c.ministry: c.ministry for c in report.candidates} | {m: g["name"] for m, g in report.by_ministry.items()}
        data["ministry_names"] = {m: cat.agency_name(m, lang) if m in cat.agencies else fallback for m, fallback in named.items()}
        data["state_labels"] = {s: labels[k] for s, labels in compliance_mod.STATE_LABELS.items()}
        return Rendered(200, orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), MEDIA["json"])

    return await analysis.respond("compliance", (day, ministry, lang, fmt), produce, asynchronous)


def _compliance_xlsx(report, lang: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "compliance.xlsx"
        compliance_mod.to_xlsx(report, path, lang)
        return path.read_bytes()
