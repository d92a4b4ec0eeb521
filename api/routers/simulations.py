"""``/simulations`` (officer): what-if scenarios of ``procedures/scenarios/``, as JSON or CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ..analysis import AsyncDep, Rendered, analysis_of
from ..deps import OfficerKey, RuntimeDep
from ..errors import ApiError
from ..formats import MEDIA, chosen, documented
from ..schemas.analysis import ASYNC_RESPONSES
from ..schemas.common import Day, error_responses

router = APIRouter(prefix="/simulations", tags=["simulations"])

#: The longest timeline one request may ask for: one point a month, each a full comparison.
MAX_MONTHS = 120


class ScenarioItem(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    document: dict[str, Any] = Field(description="The scenario file as JSON (what an officer may edit and send back).")


class ScenarioList(BaseModel):
    items: list[ScenarioItem]


class SimulationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    #: A scenario id from GET /simulations/scenarios (never a path), or a whole
    #: scenario object (an edited ``document``).
    scenario: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80)] | dict[str, Any]
    as_of: Day | None = None
    date_from: Day | None = Field(None, alias="from", description="First month of the timeline (default: the scenario's period).")
    date_to: Day | None = Field(
        None, alias="to", description=f"Last month of the timeline (at most {MAX_MONTHS} months after the first)."
    )
    population: Annotated[int, Field(ge=1, le=10_000_000)] | Literal["expected"] | None = Field(
        None,
        description=(
            "N synthetic applicants drawn from procedures/parameters/population.yaml, or \"expected\": "
            "the exact expected shares of those parameters (no sampling). Default: none (decisions that "
            "hang on an applicant attribute are counted as conditional)."
        ),
    )
    seed: int = Field(0, ge=0, le=2**31 - 1)


class SimulationPublic(BaseModel):
    model_config = ConfigDict(extra="allow")

    scenario: dict[str, Any]
    as_of: str
    totals: dict[str, Any]


def _folder(runtime):
    root = runtime.current.catalogue.root
    return root / "scenarios" if root is not None else None


#: Parsed scenario files per folder, with the (name, mtime, size) of each file they were read from:
#: reading them all cost ~90 ms, twice per simulation; they are read again only when one changes.
_SCENARIO_FILES: dict[Path, tuple[tuple, dict[str, dict]]] = {}


def _documents(runtime) -> dict[str, dict]:
    """Scenario files by id (roadmap candidate lists, which have no operations, left out)."""
    import yaml

    folder = _folder(runtime)
    found: dict[str, dict] = {}
    if folder is None or not folder.is_dir():
        return found
    paths = sorted(folder.glob("*.yaml"))
    stamp = tuple((p.name, st.st_mtime_ns, st.st_size) for p in paths for st in [p.stat()])
    kept = _SCENARIO_FILES.get(folder)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in paths:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and "operations" in data:
            found[str(data.get("id", path.stem))] = {"path": path, "document": data}
    _SCENARIO_FILES[folder] = (stamp, found)
    return found


@router.get("/scenarios", response_model=ScenarioList, responses=error_responses(401, 403, 429, 500))
async def list_scenarios(_key: OfficerKey, runtime: RuntimeDep) -> ScenarioList:
    import orjson

    items = []
    for sid, entry in (await run_in_threadpool(_documents, runtime)).items():
        doc = orjson.loads(orjson.dumps(entry["document"], default=str, option=orjson.OPT_NON_STR_KEYS))  # dates as ISO text
        items.append(
            {
                "id": sid,
                "name": doc.get("name"),
                "description": doc.get("description"),
                "description_vi": doc.get("description_vi"),
                "estimate": doc.get("estimate", False),
                "period": doc.get("period"),
                "as_of": doc.get("as_of"),
                "document": doc,
            }
        )
    return ScenarioList(items=items)


@router.post(
    "",
    response_model=SimulationPublic,
    responses={**documented("json", "csv"), **ASYNC_RESPONSES, **error_responses(401, 403, 404, 406, 422, 429, 500)},
)
async def run_simulation(
    request: Request,
    body: SimulationCreate,
    _key: OfficerKey,
    runtime: RuntimeDep,
    format: Literal["json", "csv"] | None = None,
    asynchronous: AsyncDep = False,
) -> Response:
    fmt = chosen(request, format, ("json", "csv"))
    if isinstance(body.scenario, str) and body.scenario not in await run_in_threadpool(_documents, runtime):
        raise ApiError(404, "unknown_scenario", f"unknown scenario {body.scenario!r} (see GET /simulations/scenarios)", "body.scenario")
    if body.date_from and body.date_to and body.date_to < body.date_from:
        raise ApiError(422, "invalid_request", "to is before from", "body.to")
    scenario, what = await run_in_threadpool(_scenario, runtime, body)
    analysis = analysis_of(runtime)

    def produce(engine) -> Rendered:
        result = _run(engine, body, scenario)
        if fmt == "csv":
            from engine.simulation.export import to_csv as _csv  # the CLI's CSV layout

            return Rendered(200, _csv(result).encode("utf-8-sig"), MEDIA["csv"])
        import orjson

        return Rendered(200, orjson.dumps(result, option=orjson.OPT_NON_STR_KEYS), MEDIA["json"])

    args = (what, body.as_of, body.date_from, body.date_to, body.population, body.seed, fmt)
    return await analysis.respond("simulation", args, produce, asynchronous)


def _digest(path) -> str:
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def _scenario(runtime, body: SimulationCreate):
    """The scenario asked for (422 when it does not parse or its timeline is too long), and
    what identifies the question besides its dates: the scenario's content (a named file's
    bytes, or the edited document) and the population parameters' when a population is drawn."""
    import json

    import orjson

    from engine.simulation import ScenarioError, load_scenario, parse_scenario
    from engine.simulation.population import parameters_path

    try:
        if isinstance(body.scenario, str):
            path = _documents(runtime)[body.scenario]["path"]
            what: tuple = (body.scenario, _digest(path))
            scenario = load_scenario(path)
        else:
            scenario = parse_scenario(body.scenario, "request", default_id=str(body.scenario.get("id") or "edited"))
            try:
                content = orjson.dumps(body.scenario, default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS).decode()
            except TypeError:  # an integer beyond 64 bits: the standard library writes it
                content = json.dumps(body.scenario, default=str, sort_keys=True)
            what = (content,)
    except ScenarioError as exc:
        raise ApiError(422, "invalid_scenario", str(exc), "body.scenario", [e.as_dict() for e in exc.errors]) from None
    _check_timeline(body, scenario)
    if body.population is not None:
        params = parameters_path(runtime.current.catalogue.root)
        what += (_digest(params) if params is not None else None,)
    return scenario, what


def _run(engine, body: SimulationCreate, scenario) -> dict:
    from engine.simulation import Population, load_parameters, simulate
    from engine.simulation.population import parameters_path

    cat = engine.catalogue
    population = None
    if body.population is not None:
        path = parameters_path(cat.root)
        if path is None:
            raise ApiError(422, "no_population", "the catalogue has no population parameters", "body.population")
        params = load_parameters(path)
        if body.population == "expected":
            population = Population.expected(params)
        else:
            population = Population.generate(params, body.population, body.seed)
    # On the worker's own durable host: a host of its own would register every
    # ruleset in durable's C core again, for good (measured: +56 MB a simulation).
    result = simulate(
        cat, scenario, as_of=body.as_of, start=body.date_from, end=body.date_to, population=population, host=engine.host
    )
    result["names"] = _names(cat, result)
    return result


def _names(cat, result: dict) -> dict[str, dict[str, dict[str, str]]]:
    """Names (vi, en) of the ministries and databases a result speaks of, so a reader sees names, not ids."""
    ministries = set(result.get("by_ministry") or {}) | {p.get("ministry") for p in result.get("procedures") or [] if p.get("ministry")}
    added = {
        op["source"]["id"]: op["source"].get("name")
        for op in result.get("scenario", {}).get("operations", [])
        if isinstance(op.get("source"), dict) and "id" in op["source"]
    }
    sources = set(result.get("by_source") or {}) | {o["source"] for o in result.get("outages") or []} | set(added)
    source_names = {}
    for s in sorted(sources):
        if s in cat.sources:
            source_names[s] = cat.sources[s].name.model_dump()
        elif isinstance(added.get(s), dict):
            source_names[s] = added[s]
    return {
        "ministries": {m: {"vi": cat.agency_name(m, "vi"), "en": cat.agency_name(m, "en")} for m in sorted(ministries)},
        "sources": source_names,
    }


def _months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _check_timeline(body: SimulationCreate, scenario) -> None:
    """Refuse a timeline longer than :data:`MAX_MONTHS` (as :func:`engine.simulation.simulate`
    would draw it: the request's ``from``/``to``, else the scenario's period, else 12 months)."""
    period = scenario.head.period
    as_of = body.as_of or scenario.head.as_of or (period.to if period else None) or dt.date.today()
    start = body.date_from or (period.from_ if period else as_of.replace(day=1))
    end = body.date_to or (period.to if period else None)
    if end is None:
        return  # 12 months from the start
    if body.date_to:
        where = "body.to"
    elif body.date_from:
        where = "body.from"
    else:  # the scenario's own period (an edited document's field, or the named file's)
        where = "body.scenario.period.to" if isinstance(body.scenario, dict) else "body.scenario"
    if end < start:
        raise ApiError(422, "invalid_request", f"the timeline ends ({end}) before it starts ({start})", where)
    if _months(start, end) > MAX_MONTHS:
        raise ApiError(
            422, "invalid_request", f"the timeline from {start} to {end} is longer than {MAX_MONTHS} months", where
        )
