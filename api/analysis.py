"""Slow questions (reports, graph, simulations) off the portals' path, answered once for every node.

Three layers:

- **The store** (:mod:`engine.store.analysis_results`): a question's answer
  (the bytes sent: JSON, CSV or XLSX, or its error) for one catalogue version
  and one source state is computed by one worker of one node and stored;
  every worker of every node serves it from there. A question's id is a
  digest of its kind, its arguments, the catalogue version and the source
  statuses, so an answer of another catalogue or source state is never
  served. The table is bounded (``analysis_store_rows``/``_bytes``).
- **A bounded pool** of its own per process (``ONCEONLY_ANALYSIS_THREADS``,
  one by default), never the request thread pool: however many officers ask
  at once, a worker spends at most that many threads of CPU on analysis.
  Identical questions asked meanwhile, on this worker or any other, wait for
  that one computation (the store row says who computes it; its owner's
  heartbeat says it is still alive, else the next asker takes it over).
- **Intermediate objects** (a day's graph, a report object several formats
  render) in a small per-process LRU (:meth:`Analysis.cached`), on an engine
  of its own (same catalogue, source state and durable host, its own
  decision cache: a national report never evicts the portals' answers).

A request waits for its answer by default (the dashboard does). With
``Prefer: respond-async`` or ``?wait=false`` a question whose answer is not
ready is answered ``202`` with an :class:`~api.schemas.analysis.AnalysisProgress`
(``poll`` URL, ``Retry-After``); ``GET /api/v1/analysis/{id}`` gives the answer
once it is there, from any worker.

A node can leave analysis to others (``ONCEONLY_ROLE=portal``) or portal
evaluations (``analysis``): :class:`RoleGate` answers those routes with one
503 error naming where to go.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hashlib
import logging
import os
import socket
import sys
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Annotated, Any, Callable, NamedTuple

import orjson
from fastapi import Depends, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from engine.errors import OnceOnlyError
from engine.evaluator import Engine
from engine.store import analysis_results as results_repo

from .errors import ApiError, error_response, unexpected_response
from .runtime import Runtime
from .schemas.analysis import AnalysisProgress

log = logging.getLogger("onceonly.api")

#: Intermediate objects kept per process (graphs, report objects): the answers
#: themselves live in the store, so a few are enough.
_SIZE = 8
_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()
_IN_POOL = threading.local()

API = "/api/v1"
#: Routes of the analysis role (``ONCEONLY_ROLE=portal`` refuses them).
ANALYSIS_ROUTES = ("/reports", "/graph", "/simulations", "/analysis")
#: Routes of the portal role (``ONCEONLY_ROLE=analysis`` refuses them).
PORTAL_ROUTES = ("/evaluations",)
JSON = "application/json"


def _mark_pool_thread() -> None:
    _IN_POOL.active = True


def _pool() -> ThreadPoolExecutor:
    """One bounded pool per process, shared by every app in it."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            threads = max(1, int(os.environ.get("ONCEONLY_ANALYSIS_THREADS", "1")))
            _POOL = ThreadPoolExecutor(
                max_workers=threads, thread_name_prefix="onceonly-analysis", initializer=_mark_pool_thread
            )
        return _POOL


def in_pool() -> bool:
    return getattr(_IN_POOL, "active", False)


class Rendered(NamedTuple):
    """An answer as sent: status, body bytes, media type, extra headers."""

    status: int
    body: bytes
    media_type: str = JSON
    headers: dict[str, str] = {}

    def response(self) -> Response:
        return Response(self.body, status_code=self.status, media_type=self.media_type, headers=self.headers or None)


def json_answer(data: Any) -> Rendered:
    """``data`` (a pydantic model, or anything orjson writes) as a 200 JSON answer."""
    if hasattr(data, "model_dump_json"):
        return Rendered(200, data.model_dump_json(by_alias=True).encode())
    return Rendered(200, orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS))


def _error(status: int, code: str, message: str, path: str | None = None, errors: list | None = None,
           headers: dict | None = None) -> Rendered:
    response = error_response(status, code, message, path, errors)
    return Rendered(status, bytes(response.body), JSON, dict(headers or {}))


def rendered_error(exc: BaseException, kind: str) -> Rendered:
    """The API's one error shape for an exception raised while answering (as api.errors would)."""
    if isinstance(exc, ApiError):
        return _error(exc.status, exc.code, exc.message, exc.path, exc.errors, exc.headers)
    if isinstance(exc, OnceOnlyError):
        items = [e.as_dict() for e in getattr(exc, "errors", [])] or None
        if isinstance(exc, LookupError):
            return _error(404, "not_found", str(exc), errors=items)
        return _error(422, "unprocessable", str(exc), errors=items)
    response = unexpected_response("ANALYSIS", f"/{kind}", exc)  # logged, masked
    return Rendered(500, bytes(response.body), JSON, {})


#: What a job answers when the source state changed under it (asked again at once).
_STALE = Rendered(503, b"", JSON, {})


def _stale_error() -> Rendered:
    return _error(
        503, "analysis_stale",
        "the source state changed while this answer was computed; ask the question again",
    )


async def prefers_async(
    request: Request,
    wait: Annotated[
        bool,
        Query(description=(
            "false: when the answer is not ready, answer 202 at once with a progress document to poll "
            "(like the header `Prefer: respond-async`) instead of waiting for it."
        )),
    ] = True,
) -> bool:
    """True when the client would rather poll than wait (``?wait=false`` or ``Prefer: respond-async``)."""
    return not wait or _prefer_async(request.headers.get("prefer"))


#: For the routes: ``asynchronous: AsyncDep`` (documents ``?wait=`` in OpenAPI).
AsyncDep = Annotated[bool, Depends(prefers_async)]


def _prefer_async(header: str | None) -> bool:
    if not header:
        return False
    for item in header.split(","):
        if item.split(";")[0].strip().lower() == "respond-async":
            return True
    return False


class Analysis:
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._for: Any = None  # the Loaded whose analysis engine this is
        self._results: OrderedDict[tuple, Any] = OrderedDict()
        self._running: dict[tuple, Future] = {}
        # Questions this process computes for the store: id -> (future of the answer, started).
        self._jobs: dict[str, tuple[Future, dt.datetime]] = {}
        self._jobs_lock = threading.Lock()
        self._active = 0  # jobs computing in the pool now
        self._owner = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"[:120]
        self._digest: tuple[tuple[int, str], str] | None = None
        self._beating = False

    # ------------------------------------------------------------------ engine and versions

    def engine(self) -> Engine:
        """The analysis engine of the catalogue currently served."""
        current = self.runtime.current
        if current is None:
            raise ApiError(503, "not_ready", "the catalogue is not loaded yet")
        with self._lock:
            if self._for is not current:
                self._engine = None
                self._for = current  # the object, not its id: an id may be reused after a reload
                for value in self._results.values():
                    _release(value)
                self._results.clear()
            # Pre-built with the catalogue when the server started or reloaded (in the
            # background: until it is there, one of our own).
            if current.analysis is not None and self._engine is not current.analysis:
                self._engine = current.analysis
            elif self._engine is None:
                live = current.engine
                self._engine = Engine(
                    live.catalogue, host=live.host, state=live.state, cache_size=self.runtime.settings.cache_size,
                    memo_size=live._memo_size,
                )
            return self._engine

    def state_version(self, engine: Engine) -> str:
        """A digest of the source statuses ``engine`` decides with: the same on every node that
        sees the same statuses (the local counter is not)."""
        state = engine.state
        key = (id(state), state.version)
        found = self._digest
        if found is not None and found[0] == key:
            return found[1]
        snapshot = sorted(state.snapshot().items())
        digest = hashlib.sha256(orjson.dumps(snapshot)).hexdigest()[:32]
        self._digest = (key, digest)
        return digest

    # ------------------------------------------------------------------ intermediate objects

    def cached(self, name: str, args: tuple, compute: Callable[[Engine], Any]) -> Any:
        """The result of ``compute`` for this catalogue and source state: from the
        LRU, from a computation already running, or computed in the bounded pool
        (inline when called from the pool already: a job computing an answer)."""
        engine = self.engine()
        key = (name, args, engine.catalogue_version, engine.state.version)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            future = self._running.get(key)
            inline = future is None and in_pool()
            if future is None:
                if inline:
                    future = self._running[key] = Future()
                else:
                    future = self._running[key] = _pool().submit(self._compute, key, compute, engine)
        if inline:
            try:
                future.set_result(self._compute(key, compute, engine))
            except BaseException as exc:
                future.set_exception(exc)
        return future.result()

    def _compute(self, key: tuple, compute: Callable[[Engine], Any], engine: Engine) -> Any:
        try:
            value = compute(engine)
        except BaseException:
            with self._lock:
                self._running.pop(key, None)
            raise
        # One step: an asker arriving between "no longer running" and "stored" would compute it again.
        with self._lock:
            self._running.pop(key, None)
            self._results[key] = value
            while len(self._results) > _SIZE:
                _release(self._results.popitem(last=False)[1])
        return value

    def busy(self) -> bool:
        """True while this process computes an answer or an intermediate object."""
        return self._active > 0 or bool(self._jobs) or bool(self._running)

    # ------------------------------------------------------------------ answers shared through the store

    async def respond(self, kind: str, args: Any, produce: Callable[[Engine], Rendered], asynchronous: bool = False) -> Response:
        """The answer to ``kind(args)``: from the store, or computed once (here or on another
        worker) by ``produce(engine)`` in the pool; ``args`` must hold everything the answer
        depends on besides the catalogue and the source state. ``asynchronous``: a 202
        progress answer instead of waiting when it is not ready."""
        settings = self.runtime.settings
        stale = 0
        while True:
            rid, ready, started, future = await run_in_threadpool(self._resolve, kind, args, produce)
            if ready is not None:
                return ready.response()
            if asynchronous:
                return self._progress(rid, kind, started)
            if future is not None:
                # Shielded: a client that goes away does not cancel the computation others wait for.
                rendered = await asyncio.shield(asyncio.wrap_future(future))
                if rendered is _STALE and stale < 3:
                    stale += 1
                    continue
                return (rendered if rendered is not _STALE else _stale_error()).response()
            await asyncio.sleep(settings.analysis_poll_seconds)  # another worker computes it

    def _resolve(self, kind: str, args: Any, produce: Callable[[Engine], Rendered]):
        """(id, ready answer or None, started, future of this process's computation or None)."""
        engine = self.engine()
        catalogue_version, state_version = engine.catalogue_version, self.state_version(engine)
        rid = results_repo.question_id(kind, args, catalogue_version, state_version)
        with self._jobs_lock:
            job = self._jobs.get(rid)
        if job is not None:
            return rid, None, job[1], job[0]
        store = self.runtime.store.engine
        row = results_repo.get(store, rid)
        if row is not None and row.reusable:
            self._touch(row)
            return rid, Rendered(row.http_status or 200, row.body or b"", row.media_type or JSON, row.headers), None, None
        if row is not None and row.alive():
            return rid, None, row.started_at, None
        with self._jobs_lock:
            job = self._jobs.get(rid)
            if job is not None:
                return rid, None, job[1], job[0]
            if not results_repo.claim(store, rid, kind, catalogue_version, state_version, self._owner):
                return rid, None, dt.datetime.now(dt.timezone.utc), None  # claimed elsewhere meanwhile
            started = dt.datetime.now(dt.timezone.utc)
            future = _pool().submit(self._job, rid, kind, catalogue_version, state_version, engine, produce)
            self._jobs[rid] = (future, started)
            self._start_heartbeat()
        return rid, None, started, future

    def _job(self, rid: str, kind: str, catalogue_version: str, state_version: str, engine: Engine,
             produce: Callable[[Engine], Rendered]) -> Rendered:
        """Compute one answer in the pool and store it (never raises: waiters get the error answer)."""
        settings = self.runtime.settings
        store = self.runtime.store.engine
        began = time.monotonic()
        with self._jobs_lock:
            self._active += 1
        try:
            try:
                rendered = produce(engine)
            except Exception as exc:  # noqa: BLE001 - every error becomes its answer
                rendered = rendered_error(exc, kind)
            seconds = time.monotonic() - began
            try:
                current = self.engine()
                if current.catalogue_version != catalogue_version or self.state_version(current) != state_version:
                    # Partly computed with another catalogue or other statuses: stored as a failure nobody reuses.
                    stale = _stale_error()
                    results_repo.finish(store, rid, stale.status, stale.media_type, {}, stale.body, seconds)
                    return _STALE
                if len(rendered.body) > settings.analysis_max_answer_bytes:
                    results_repo.forget(store, rid, self._owner)  # served to who waits, not stored
                else:
                    results_repo.finish(store, rid, rendered.status, rendered.media_type, rendered.headers, rendered.body, seconds)
                    results_repo.prune(store, settings.analysis_store_rows, settings.analysis_store_bytes, catalogue_version)
            except Exception as exc:  # noqa: BLE001 - the store failed: the answer still goes to the waiters
                log.warning("storing an analysis answer failed: %s", type(exc).__name__)
            return rendered
        finally:
            with self._jobs_lock:
                self._jobs.pop(rid, None)
                self._active -= 1

    def _touch(self, row: results_repo.Stored) -> None:
        """Mark a served answer used (at most once a minute: serving stays a read)."""
        if (dt.datetime.now(dt.timezone.utc) - row.used_at).total_seconds() < 60:
            return
        try:
            results_repo.touch(self.runtime.store.engine, row.id)
        except Exception as exc:  # noqa: BLE001 - only pruning order depends on it
            log.warning("marking an analysis answer used failed: %s", type(exc).__name__)

    def _start_heartbeat(self) -> None:
        if self._beating:
            return
        self._beating = True
        threading.Thread(target=self._heartbeat, name="onceonly-analysis-heartbeat", daemon=True).start()

    def _heartbeat(self) -> None:
        """While this process computes answers, say so in the store (other workers wait for
        them instead of computing them again, and take them over if the beats stop)."""
        stopping = self.runtime._stopping
        every = results_repo.DEAD_AFTER / 4
        while not stopping.wait(every):
            with self._jobs_lock:
                rids = list(self._jobs)
            if not rids:
                continue
            try:
                results_repo.heartbeat(self.runtime.store.engine, rids, self._owner)
            except Exception as exc:  # noqa: BLE001 - a missed beat only risks a second computation
                log.warning("analysis heartbeat failed: %s", type(exc).__name__)

    def _progress(self, rid: str, kind: str, started: dt.datetime | None) -> Response:
        now = dt.datetime.now(dt.timezone.utc)
        started = started or now
        elapsed = max(0.0, (now - started).total_seconds())
        retry = max(1, min(5, int(elapsed // 4) + 1))
        poll = f"{API}/analysis/{rid}"
        body = AnalysisProgress(
            id=rid, kind=kind, started=started, elapsed_seconds=round(elapsed, 3), poll=poll, retry_after=retry
        )
        headers = {"Retry-After": str(retry), "Location": poll, "Preference-Applied": "respond-async"}
        return Response(body.model_dump_json().encode(), status_code=202, media_type=JSON, headers=headers)

    async def poll(self, rid: str) -> Response:
        """``GET /analysis/{id}``: 202 while it runs, then the answer, from any worker."""
        row = await run_in_threadpool(results_repo.get, self.runtime.store.engine, rid)
        if row is None:
            raise ApiError(
                404, "unknown_analysis",
                "no such analysis answer (answers are kept while their catalogue and source state are served, "
                "and the least used go first): ask the question again",
                "path.id",
            )
        engine = self.engine()
        if (row.catalogue_version, row.state_version) != (engine.catalogue_version, self.state_version(engine)):
            raise ApiError(
                410, "analysis_stale",
                "this answer is for a catalogue or source state no longer served: ask the question again",
                "path.id",
            )
        if row.status == "running":
            with self._jobs_lock:
                mine = rid in self._jobs
            if mine or row.alive():
                return self._progress(rid, row.kind, row.started_at)
            raise ApiError(
                410, "analysis_lost",
                "the worker computing this answer stopped before it was done: ask the question again", "path.id",
            )
        self._touch(row)
        return Rendered(row.http_status or 200, row.body or b"", row.media_type or JSON, row.headers).response()


def _release(value: Any) -> None:
    """Break the reference cycles of a networkx graph leaving the LRU (its cached
    views point back at it): reference counting then frees it, even when the
    server froze it (``gc.freeze``: a frozen cycle is never collected). Views are
    rebuilt on first use, so a job still reading the graph is unaffected."""
    nx = sys.modules.get("networkx")
    if nx is None:
        return
    for item in value if isinstance(value, (tuple, list)) else (value,):
        graph = item if isinstance(item, nx.Graph) else getattr(item, "graph", None)
        if isinstance(graph, nx.Graph):
            kind = type(graph)
            for name in [n for n in vars(graph) if isinstance(getattr(kind, n, None), functools.cached_property)]:
                graph.__dict__.pop(name, None)


def analysis_busy(runtime: Runtime) -> bool:
    """True while ``runtime``'s worker computes analysis (the server then skips ``gc.freeze``)."""
    found = getattr(runtime, "_analysis", None)
    return found is not None and found.busy()


_CREATING = threading.Lock()


def analysis_of(runtime: Runtime) -> Analysis:
    """``runtime``'s one :class:`Analysis` (created once, even when the first
    questions arrive together: two would each compute the same question)."""
    found = getattr(runtime, "_analysis", None)
    if found is None:
        with _CREATING:
            found = getattr(runtime, "_analysis", None)
            if found is None:
                found = runtime._analysis = Analysis(runtime)
    return found


# --------------------------------------------------------------------------- node roles


def _under(path: str, prefixes: tuple[str, ...]) -> bool:
    for prefix in prefixes:
        full = API + prefix
        if path == full or path.startswith(full + "/"):
            return True
    return False


class RoleGate:
    """Plain ASGI, before the fast path and the routes: a ``portal`` node answers the
    analysis routes, and an ``analysis`` node the evaluations, with one 503 saying
    where to go (no key is checked or charged, nothing is computed)."""

    def __init__(self, app, role: str = "all"):
        self.app, self.role = app, role

    async def __call__(self, scope, receive, send):
        if self.role != "all" and scope["type"] == "http":
            path = scope["path"]
            if self.role == "portal" and _under(path, ANALYSIS_ROUTES):
                return await error_response(
                    503, "analysis_elsewhere",
                    "this node serves portal traffic only (ONCEONLY_ROLE=portal): send reports, graph, "
                    "simulations and analysis polls to a node started with `onceonly serve --role analysis` or `all`",
                )(scope, receive, send)
            if self.role == "analysis" and _under(path, PORTAL_ROUTES):
                return await error_response(
                    503, "portal_elsewhere",
                    "this node serves officers' analysis only (ONCEONLY_ROLE=analysis): send evaluations to a "
                    "node started with `onceonly serve --role portal` or `all`",
                )(scope, receive, send)
        return await self.app(scope, receive, send)
