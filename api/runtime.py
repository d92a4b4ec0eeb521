"""What one API worker holds: the engine of the last good catalogue, the store,
and the bookkeeping that keeps several workers in step.

Workers share nothing but the store. Each polls two counters there (one tiny
SELECT, at most every ``sync_interval`` seconds, in the request path): the
source-status version (an admin's ``PUT /sources/{id}/status`` on any worker)
and the catalogue generation (a reload on any worker). A new catalogue is
built off the event loop and swapped in with one assignment, so requests in
flight finish on the engine they started with.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import NamedTuple

import orjson

from engine.catalogue import Catalogue
from engine.errors import DataError
from engine.evaluator import ENGINE_VERSION, Engine
from engine.host import DurableHost
from engine.selection import select_catalogue
from engine.sources import SourceState
from engine.store import Store
from engine.store import api_repo

from .kpis import KpiItems, KpiRecorder, items_of
from .security import KeyCache, RateLimiter
from .settings import Settings

log = logging.getLogger("onceonly.api")


@dataclass
class Loaded:
    """One catalogue with its engine, ready to serve."""

    engine: Engine
    description: str
    errors: list[DataError] = field(default_factory=list)
    loaded_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    #: Set once every decision object is pre-built (GET /ready waits for it).
    warmed: threading.Event = field(default_factory=threading.Event)
    #: The engine for reports, graph and simulations: same catalogue, host and
    #: source state, its own caches (a national report never evicts portals' answers).
    analysis: Engine | None = None

    def prebuild(self) -> None:
        try:
            live = self.engine
            analysis = Engine(live.catalogue, host=live.host, state=live.state, cache_size=live._cache_size)
            live.prebuild()
            analysis.prebuild()
            self.analysis = analysis
        except Exception as exc:  # a failed warm-up only costs speed
            log.warning("pre-building decisions failed: %s", type(exc).__name__)
        finally:
            self.warmed.set()

    @property
    def catalogue(self) -> Catalogue:
        return self.engine.catalogue


class Answer(NamedTuple):
    """A serialised evaluation: JSON body, version headers (raw ASGI), KPI rows."""

    body: bytes
    headers: list[tuple[bytes, bytes]]
    kpis: KpiItems


class CatalogueRefused(Exception):
    def __init__(self, errors: list[DataError]):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


_HOST: DurableHost | None = None


def shared_host() -> DurableHost:
    """durable-rules registers rulesets process-wide and never forgets a name:
    one host per process, shared by every engine and app (tests build several)."""
    global _HOST
    if _HOST is None:
        _HOST = DurableHost()
    return _HOST


def _decide(engine: Engine, request, as_of: dt.date) -> Answer:
    """Evaluate and serialise a cache miss."""
    ev = engine.evaluate(request.procedure, request.applicant, as_of, request.source_status, request.channel, use_cache=False)
    procs = engine.catalogue.procedures
    ministry = procs[ev.procedure].ministry if ev.procedure in procs else ""
    return Answer(
        orjson.dumps(ev.model_dump(mode="json")),
        [
            (b"x-onceonly-catalogue", ev.catalogue_version.encode()),
            (b"x-onceonly-rules", ev.rules_version.encode()),
            (b"x-onceonly-source-state", ev.source_state_version.encode()),
        ],
        items_of(ev, ministry),
    )


class Runtime:
    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.host = shared_host()
        self.keys = KeyCache(
            store.engine,
            settings.key_cache_seconds,
            {"portal": settings.rate_portal, "officer": settings.rate_officer, "admin": settings.rate_admin},
        )
        self.limiter = RateLimiter(settings.rate_burst)
        self.kpis = KpiRecorder(store.engine)
        self.current: Loaded | None = None
        self._versions: dict[str, int] = {}
        self._next_sync = 0.0
        self._reload_lock = threading.Lock()
        self._answers: OrderedDict[tuple, Answer] = OrderedDict()
        self.started = time.monotonic()

    # ------------------------------------------------------------------ catalogue

    def build(self) -> Loaded:
        """Load the configured catalogue into a new engine (slow: call off the loop)."""
        selected = select_catalogue(self.settings.catalogue)
        cat = selected.catalogue
        state = SourceState(cat)
        engine = Engine(cat, host=self.host, state=state, cache_size=self.settings.cache_size)
        self._apply_statuses(engine, api_repo.read_source_statuses(self.store.engine), self._versions.get("source_status"))
        if self.settings.warm:
            engine.warm()
        return Loaded(engine, selected.description, list(selected.errors))

    def start(self) -> None:
        """First load: serve what loaded even with data errors (they show in /ready)."""
        self._versions = api_repo.read_versions(self.store.engine)
        loaded = self.build()
        if loaded.errors:
            log.warning("catalogue loaded with %d data error(s); first: %s", len(loaded.errors), loaded.errors[0])
        self._swap(loaded)

    def reload(self) -> Loaded:
        """Load again; refuse (and keep serving the old one) if it has any error."""
        with self._reload_lock:
            loaded = self.build()
            if loaded.errors:
                raise CatalogueRefused(loaded.errors)
            self._swap(loaded)
            # Tell the other workers (they reload when they see the new generation).
            self._versions["catalogue"] = api_repo.bump(self.store.engine, "catalogue")
            return loaded

    def _swap(self, loaded: Loaded) -> None:
        if self.settings.warm:
            # In the background: the first national report of the day no longer
            # pays for building every decision; /ready says "warming" meanwhile.
            threading.Thread(target=loaded.prebuild, name="onceonly-prebuild", daemon=True).start()
        else:
            loaded.warmed.set()
        self.current = loaded  # one assignment: atomic for every reader
        self._answers = OrderedDict()  # keyed by catalogue version anyway: free the memory

    def _reload_quietly(self) -> None:
        if not self._reload_lock.acquire(blocking=False):
            return
        try:
            loaded = self.build()
            if loaded.errors:
                log.warning("catalogue reload seen from another worker refused here: %d error(s)", len(loaded.errors))
                return
            self._swap(loaded)
        except Exception as exc:  # keep serving the last good catalogue
            log.error("background catalogue reload failed: %s", type(exc).__name__)
        finally:
            self._reload_lock.release()

    # ------------------------------------------------------------------ source status

    @staticmethod
    def _apply_statuses(engine: Engine, statuses: dict[str, str], version: int | None) -> None:
        known = {k: v for k, v in statuses.items() if k in engine.catalogue.sources}
        engine.state.replace_all(known, counter=version)

    def set_source_status(self, source: str, status: str, by: str) -> None:
        api_repo.set_source_status(self.store.engine, source, status, by)
        # This worker sees it at once; the others at their next sync.
        self.sync(force=True)

    def sync(self, force: bool = False) -> None:
        """Adopt changes other workers made, at most every ``sync_interval`` seconds."""
        now = time.monotonic()
        if not force and now < self._next_sync:
            return
        self._next_sync = now + self.settings.sync_interval
        versions = api_repo.read_versions(self.store.engine)
        seen = self._versions
        if versions.get("source_status", 0) != seen.get("source_status", 0) and self.current is not None:
            statuses = api_repo.read_source_statuses(self.store.engine)
            self._apply_statuses(self.current.engine, statuses, versions.get("source_status", 0))
        if versions.get("catalogue", 0) != seen.get("catalogue", 0):
            threading.Thread(target=self._reload_quietly, name="onceonly-reload", daemon=True).start()
        self._versions = versions

    # ------------------------------------------------------------------ hot path

    def answer(self, engine: Engine, request) -> Answer:
        """The evaluation of ``request`` as ready-to-send JSON, from an LRU of answers.

        The key holds everything the answer depends on: the catalogue version
        (law + procedures), the source-state version, and the request itself
        (procedure, day, channel, every applicant attribute, overrides). It is
        finer than the engine's own key, so it can never serve a wrong answer,
        and the whole body (applicant echo included) is cached as bytes: a hit
        costs a dict lookup. Misses evaluate with the engine's cache off, on the
        event loop (measured: handing them to a thread doubled their p50 and
        quadrupled their p99 over HTTP, GIL hand-overs). One cache, bounded entry
        by entry (no clear-all stall), holding bytes rather than object graphs
        (~10 kB an answer): RSS stays flat.
        """
        as_of = request.as_of or dt.date.today()
        applicant = request.applicant
        overrides = request.source_status
        key = (
            engine.catalogue_version,
            engine.state.version,
            request.procedure,
            as_of,
            request.channel,
            tuple(sorted(applicant.items())) if applicant else (),
            tuple(sorted(overrides.items())) if overrides else (),
        )
        answers = self._answers
        found = answers.get(key)
        if found is not None:
            answers.move_to_end(key)
            return found
        found = _decide(engine, request, as_of)
        answers[key] = found
        if len(answers) > self.settings.cache_size:
            answers.popitem(last=False)
        return found

    @property
    def engine_version(self) -> str:
        return ENGINE_VERSION
