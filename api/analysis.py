"""Slow questions (reports, graph, simulations) off the hot path.

They run in the thread pool on an engine of their own: same catalogue, same
live source state, same durable host, but its own decision cache, so a report
that evaluates 2,000 procedures never evicts the portals' answers. Results are
kept in a small LRU keyed by the catalogue and source-state versions: a repeat
within those versions is free; a status change or a reload invalidates.

They run in a bounded pool of their own (``ONCEONLY_ANALYSIS_THREADS``, one by
default), never in the request thread pool: however many officers ask at once,
a worker spends at most that many threads of CPU on analysis, and the portal
traffic keeps the rest. Identical questions asked while one is being computed
wait for that one computation (single flight) instead of starting their own.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from engine.evaluator import Engine

from .runtime import Runtime

_SIZE = 32
_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    """One bounded pool per process, shared by every app in it."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            threads = max(1, int(os.environ.get("ONCEONLY_ANALYSIS_THREADS", "1")))
            _POOL = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="onceonly-analysis")
        return _POOL


class Analysis:
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._for: int | None = None
        self._results: OrderedDict[tuple, Any] = OrderedDict()
        self._running: dict[tuple, Future] = {}

    def engine(self) -> Engine:
        """The analysis engine of the catalogue currently served."""
        current = self.runtime.current
        with self._lock:
            if self._engine is None or self._for != id(current):
                live = current.engine
                # Pre-built with the catalogue when the server started or reloaded.
                self._engine = current.analysis or Engine(
                    live.catalogue, host=live.host, state=live.state, cache_size=self.runtime.settings.cache_size
                )
                self._for = id(current)
                self._results.clear()
            return self._engine

    def cached(self, name: str, args: tuple, compute: Callable[[Engine], Any]) -> Any:
        """The result of ``compute`` for this catalogue and source state: from the
        LRU, from a computation already running, or computed in the bounded pool."""
        engine = self.engine()
        key = (name, args, engine.catalogue_version, engine.state.version)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            future = self._running.get(key)
            if future is None:
                future = self._running[key] = _pool().submit(self._compute, key, compute, engine)
        return future.result()

    def _compute(self, key: tuple, compute: Callable[[Engine], Any], engine: Engine) -> Any:
        try:
            value = compute(engine)
        finally:
            with self._lock:
                self._running.pop(key, None)
        with self._lock:
            self._results[key] = value
            while len(self._results) > _SIZE:
                self._results.popitem(last=False)
        return value


def analysis_of(runtime: Runtime) -> Analysis:
    found = getattr(runtime, "_analysis", None)
    if found is None:
        found = runtime._analysis = Analysis(runtime)
    return found
