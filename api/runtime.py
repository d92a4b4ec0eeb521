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
import os
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
from engine.law.guard import LawDiff, empty_law, law_diff
from engine.selection import _imported, _mask, default_store_url, select_catalogue
from engine.sources import SourceState
from engine.store import Store
from engine.store import api_repo, law_versions

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
    #: The node's role (settings.role): a portal node builds no analysis engine,
    #: an analysis node does not pre-build the portals' decisions.
    role: str = "all"

    def prebuild(self) -> None:
        try:
            live = self.engine
            analysis = None
            if self.role != "portal":
                analysis = Engine(live.catalogue, host=live.host, state=live.state, cache_size=live._cache_size,
                                  memo_size=live._memo_size)
            if self.role != "analysis":
                live.prebuild()
            if analysis is not None:
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


class LawRemovalRefused(Exception):
    """A valid catalogue that would drop rules in force, sources or many procedures."""

    def __init__(self, diff: LawDiff):
        super().__init__("; ".join(diff.reasons()))
        self.diff = diff


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
        self.limiter = RateLimiter(settings.rate_burst, settings.rate_limit_url)
        self.kpis = KpiRecorder(store.engine)
        self.current: Loaded | None = None
        self._versions: dict[str, int] = {}
        self._next_sync = 0.0
        self._reload_lock = threading.Lock()
        self._answers: OrderedDict[tuple, Answer] = OrderedDict()
        self.started = time.monotonic()
        self._stopping = threading.Event()

    # ------------------------------------------------------------------ catalogue

    def build(self) -> Loaded:
        """Load the configured catalogue's files into a new engine (slow: call off the loop)."""
        selected = select_catalogue(self.settings.catalogue)
        return self._engine_for(selected.catalogue, selected.description, list(selected.errors))

    def _engine_for(self, cat: Catalogue, description: str, errors: list[DataError]) -> Loaded:
        state = SourceState(cat)
        engine = Engine(cat, host=self.host, state=state, cache_size=self.settings.cache_size, memo_size=self.memo_size(cat))
        self._apply_statuses(engine, api_repo.read_source_statuses(self.store.engine), self._versions.get("source_status"))
        if self.settings.warm:
            engine.warm()
        return Loaded(engine, description, errors, role=self.settings.role)

    def memo_size(self, cat: Catalogue) -> int:
        """Decisions an engine of ``cat`` keeps (settings.decision_memo)."""
        if self.settings.decision_memo is not None:
            return self.settings.decision_memo
        return sum(len(p.requirements) for p in cat.procedures.values()) + 3000

    def _stored(self, last: tuple[int, str, Catalogue] | None = None) -> Loaded | None:
        """The last accepted law version from the store (``last``, when read
        already), with the imported procedures."""
        last = last or law_versions.last_accepted(self.store.engine)
        if last is None:
            return None
        ident, description, cat = last
        url = self._imported_from()
        errors: list[DataError] = []
        if url:
            try:
                cat = cat.with_procedures(_imported(url), origin=_mask(url))
            except Exception as exc:  # the law still serves; /ready shows the error
                errors.append(DataError(_mask(url), None, None, f"cannot read the store: {exc.__class__.__name__}"))
        return self._engine_for(cat, f"law version {ident} ({description})", errors)

    def _imported_from(self) -> str | None:
        spec = self.settings.catalogue or os.environ.get("ONCEONLY_CATALOGUE") or None
        if spec and "://" not in spec:
            return None
        return spec or default_store_url()

    def listen(self) -> None:
        """On PostgreSQL, adopt every change another worker or node announces
        (LISTEN/NOTIFY on the store) at once, off the request path; the version
        poll in the request path stays as the safety net, and is all SQLite has."""
        if self.store.engine.dialect.name != "postgresql":
            return
        threading.Thread(target=self._listen, name="onceonly-listen", daemon=True).start()

    def _listen(self) -> None:
        import psycopg

        dsn = self.store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._stopping.is_set():
            try:
                with psycopg.connect(dsn, autocommit=True, connect_timeout=3) as conn:
                    conn.execute(f"LISTEN {api_repo.CHANNEL}")
                    self.sync(force=True)  # whatever changed while (re)connecting
                    while not self._stopping.is_set():
                        for _ in conn.notifies(timeout=0.5, stop_after=1):
                            self.sync(force=True)
            except Exception as exc:  # the poll keeps workers in step meanwhile
                log.warning("LISTEN on the store failed (%s); polling only, retrying in 5 s", type(exc).__name__)
                self._stopping.wait(5)

    def stop(self) -> None:
        self._stopping.set()

    def start(self) -> None:
        """First load. The store is the truth: files that fail validation, or
        that would drop law without an admin's confirmation, are not served;
        the last accepted version is. Valid files that drop nothing are
        accepted (a new release) and every other worker follows."""
        self._versions = api_repo.read_versions(self.store.engine)
        loaded = self.build()
        stored = law_versions.last_accepted(self.store.engine)
        if stored is not None:
            problems = [str(e) for e in loaded.errors[:3]] + empty_law(loaded.catalogue)
            guard = law_diff(stored[2], loaded.catalogue, self.settings.max_procedure_share)
            if problems or guard.needs_confirmation():
                reasons = problems or guard.reasons()
                log.warning("catalogue files not served (%s); serving law version %d", "; ".join(reasons), stored[0])
                self._swap(self._stored(stored))
                return
            elif self._curated_same(stored[2], loaded.catalogue):
                self._swap(loaded)
                return
        if loaded.errors:
            log.warning("catalogue loaded with %d data error(s); first: %s", len(loaded.errors), loaded.errors[0])
        elif not empty_law(loaded.catalogue):
            law_versions.record(self.store.engine, "accepted", loaded.description, loaded.catalogue, by="start")
            if stored is not None:
                self._versions["catalogue"] = api_repo.bump(self.store.engine, "catalogue")
        self._swap(loaded)

    @staticmethod
    def _curated_same(a: Catalogue, b: Catalogue) -> bool:
        return law_versions.snapshot(a) == law_versions.snapshot(b)

    def reload(self, confirm: bool = False, by: str | None = None) -> Loaded:
        """Load the files again; refuse (and keep serving the old one) if they have
        any error, hold no law, or drop rules, sources or too many procedures
        without ``confirm``. Every outcome is recorded in the store."""
        with self._reload_lock:
            loaded = self.build()
            store = self.store.engine
            if loaded.errors:
                law_versions.record(store, "refused", loaded.description, errors=[e.as_dict() for e in loaded.errors], by=by)
                raise CatalogueRefused(loaded.errors)
            empty = empty_law(loaded.catalogue)
            if empty:
                errors = [DataError("rules", None, None, f"the catalogue holds {reason}") for reason in empty]
                law_versions.record(store, "refused", loaded.description, errors=[e.as_dict() for e in errors], by=by)
                raise CatalogueRefused(errors)
            if self.current is not None:
                diff = law_diff(self.current.catalogue, loaded.catalogue, self.settings.max_procedure_share)
                if diff.needs_confirmation() and not confirm:
                    law_versions.record(store, "refused", loaded.description, errors=[{"message": r} for r in diff.reasons()], by=by)
                    raise LawRemovalRefused(diff)
            law_versions.record(store, "accepted", loaded.description, loaded.catalogue, by=by)
            self._swap(loaded)
            # Tell the other workers (they load this version from the store).
            self._versions["catalogue"] = api_repo.bump(store, "catalogue")
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
        """Another worker accepted a version: load it from the store (never from
        this machine's files, which may differ)."""
        if not self._reload_lock.acquire(blocking=False):
            return
        try:
            loaded = self._stored()
            if loaded is not None:
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
        # A key revoked on any worker (its "keys" version) or by the CLI: forget cached keys.
        self.keys.sync(versions.get("keys", 0) != seen.get("keys", 0))
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
