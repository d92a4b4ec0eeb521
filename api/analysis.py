"""Slow questions (reports, graph, simulations) off the hot path.

They run in the thread pool on an engine of their own: same catalogue, same
live source state, same durable host, but its own decision cache, so a report
that evaluates 2,000 procedures never evicts the portals' answers. Results are
kept in a small LRU keyed by the catalogue and source-state versions: a repeat
within those versions is free; a status change or a reload invalidates.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable

from engine.evaluator import Engine

from .runtime import Runtime

_SIZE = 32


class Analysis:
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._for: int | None = None
        self._results: OrderedDict[tuple, Any] = OrderedDict()

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
        engine = self.engine()
        key = (name, args, engine.catalogue_version, engine.state.version)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        value = compute(engine)
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
