"""The FastAPI application: ``create_app(settings)``, and ``app_factory`` for uvicorn workers.

Start-up (lifespan): open the store (migrating it to head), store the
bootstrap admin key's hash, load the catalogue and compile its rulesets, then
flush KPI counters in the background until shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
import typing

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from engine.evaluator import ENGINE_VERSION
from engine.store import api_repo, open_store

from . import errors
from .analysis import RoleGate, analysis_busy
from .fastpath import FastEvaluations
from .logs import install_masking
from .middleware import ApiMiddleware, CompressAnalysis
from .routers import attributes, catalogue, documents, evaluations, health, keys, kpis, procedures, sources
from .runtime import Runtime
from .settings import Settings
from .static_ui import mount_docs

log = logging.getLogger("onceonly.api")

API_PREFIX = "/api/v1"


def _optional_routers() -> list[APIRouter]:
    """Routers of the reports, graph and simulation modules, when those have landed."""
    from . import optional

    return optional.routers()


def _prepare_sqlite(store) -> None:
    # Several workers read while one writes KPI batches: WAL lets readers go on.
    if store.engine.dialect.name == "sqlite" and (store.engine.url.database or ":memory:") != ":memory:":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")


async def _flush_loop(runtime: Runtime, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        await _flush(runtime)
        # Not while an analysis answer is computed: its temporaries (graphs hold reference
        # cycles) would be frozen, and a frozen cycle is never collected (a leak).
        if runtime.settings.gc_freeze and not analysis_busy(runtime):
            _collect_and_freeze()


def _collect_and_freeze() -> None:
    """A full collection over what is not frozen yet, then freeze the survivors.

    Measured: an automatic full collection over ~70k young objects (cached
    answers' keys, KPI dicts) stalled a worker for ~40 ms, the p99 of the whole
    benchmark. Collecting only what appeared since the last freeze costs ~1-2 ms
    every few seconds; frozen objects are still freed by reference counting
    when the caches drop them, and nothing cyclic is frozen unreachable (the
    collection runs first).
    """
    gc.collect()
    gc.freeze()


async def _flush(runtime: Runtime) -> None:
    counts, evals = runtime.kpis.take()
    if not counts and not evals:
        return
    try:
        await run_in_threadpool(runtime.kpis.write, counts, evals)
    except Exception as exc:  # the store is down: keep the counts for the next try
        runtime.kpis.give_back(counts, evals)
        log.warning("KPI flush failed (%s); will retry", type(exc).__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    install_masking()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        store = await run_in_threadpool(open_store, settings.database_url)
        await run_in_threadpool(_prepare_sqlite, store)
        if settings.admin_key is not None:
            await run_in_threadpool(
                api_repo.ensure_key, store.engine, settings.admin_key.get_secret_value(), "bootstrap-admin", "admin"
            )
        runtime = Runtime(settings, store)
        await run_in_threadpool(runtime.start)
        runtime.listen()
        if settings.gc_freeze:
            # The catalogue and compiled plans live as long as the process: move them
            # out of the collector's sight, so full collections stay short (p99).
            _collect_and_freeze()
        app.state.runtime = runtime
        flusher = asyncio.create_task(_flush_loop(runtime, settings.kpi_flush_seconds))
        try:
            yield
        finally:
            flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await flusher
            await _flush(runtime)
            runtime.stop()
            store.close()

    app = FastAPI(
        title="onceonly",
        version=ENGINE_VERSION.split("/")[-1],
        summary="Which dossier documents a Vietnamese procedure no longer needs to ask for (Res. 66.7/2025/NQ-CP).",
        description=(
            "Portals call `POST /api/v1/evaluations` at the start of every dossier; officers read reports, "
            "KPIs and simulations. Every answer carries `X-Onceonly-Engine`; evaluations also name the "
            "catalogue, rules and source-state versions. Every error has one shape: "
            '`{"error": {"status", "code", "message", "path", "errors"}}`.'
        ),
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # /docs and /redoc from vendored assets: api.static_ui.mount_docs
        redoc_url=None,
    )
    errors.install(app)
    # Added first = innermost: the fast path sits inside the size limit, stamp and log.
    app.add_middleware(FastEvaluations, fastapi_app=app, enabled=settings.fast_path)
    app.add_middleware(RoleGate, role=settings.role)  # ONCEONLY_ROLE: portal or analysis routes sent elsewhere
    app.add_middleware(CompressAnalysis)  # the dashboard's large report, graph and simulation answers, gzipped
    date_params: set[str] = set()  # filled below, once the routes are in
    app.add_middleware(
        ApiMiddleware, max_body_bytes=settings.max_body_bytes, access_log=settings.access_log, date_params=date_params
    )
    v1 = APIRouter(prefix=API_PREFIX)
    for module in (evaluations, procedures, sources, documents, attributes, kpis, catalogue, keys, health):
        v1.include_router(module.router)
    optional = _optional_routers()
    for router in optional:
        v1.include_router(router)
    if optional:  # answers of analysis questions asked without waiting (api.analysis)
        from .routers import analysis as analysis_answers

        v1.include_router(analysis_answers.router)
    app.include_router(v1)
    # Probes at the root too, where load balancers look for them.
    app.include_router(health.router, include_in_schema=False)
    _mount_dashboard(app)
    mount_docs(app, app.openapi_url, app.title)
    date_params.update(_date_query_params(app.routes))
    return app


def _date_query_params(routes) -> set[str]:
    """Names of the query parameters that are days, in every route (included routers too)."""
    names: set[str] = set()
    for route in routes:
        if isinstance(route, APIRoute):
            stack = [route.dependant]
            while stack:
                dependant = stack.pop()
                stack.extend(dependant.dependencies)
                names.update(f.alias for f in dependant.query_params if _is_day(f.field_info.annotation))
        sub = getattr(route, "original_router", None)  # FastAPI's included routers
        if sub is not None:
            names |= _date_query_params(sub.routes)
    return names


def _is_day(annotation) -> bool:
    if annotation is dt.date:
        return True
    return any(_is_day(a) for a in typing.get_args(annotation))


def _mount_dashboard(app: FastAPI) -> None:
    """The officers' dashboard (issue 7) at ``/`` and ``/ui``, when it ships."""
    try:
        from .static_ui import mount_ui
    except ImportError:
        return
    mount_ui(app)


def app_factory() -> FastAPI:
    """For ``uvicorn --factory``: each worker builds its app from the environment."""
    return create_app(Settings())
