"""Officers' analysis answers are computed once and shared through the store, a
question not ready yet gets a progress answer when the client asks for one, and a
node can leave analysis (or portal evaluations) to other nodes.

Two "workers" are two apps (two ``Runtime``s) on one SQLite store file, as two
``onceonly serve`` processes would be.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import threading
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from api.analysis import Rendered, analysis_of, in_pool
from api.main import create_app
from engine.store import analysis_results as repo
from engine.store.api_tables import analysis_results as table
from tests.store.conftest import pg_database, pg_url, store, store_url  # noqa: F401  (fixtures)

from .conftest import EVAL, auth, make_settings

REPORT = "/api/v1/reports/unnecessary"
DAY = {"as_of": "2026-06-01"}
POPULATION = {**DAY, "source": "population", "limit": 0}


@contextlib.contextmanager
def _apps(catalogue_dir, db_url, n: int = 2, **overrides):
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(
                TestClient(create_app(make_settings(catalogue_dir, db_url, **overrides)), raise_server_exceptions=False)
            )
            for _ in range(n)
        ]


def _store(client):
    return client.app.state.runtime.store.engine


def _computed(client) -> list[tuple]:
    """The intermediate objects this worker computed itself (its pool's LRU)."""
    return list(analysis_of(client.app.state.runtime)._results)


def _error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    error = r.json()["error"]
    assert error["status"] == status and error["code"] == code and error["message"]
    return error


def _poll(client, url: str, headers: dict, timeout: float = 120) -> object:
    deadline = time.monotonic() + timeout
    while True:
        r = client.get(url, headers=headers)
        if r.status_code != 202 or time.monotonic() > deadline:
            return r
        time.sleep(0.05)


# --------------------------------------------------------------------------- the table, on SQLite and PostgreSQL


def test_claims_answers_takeovers_and_pruning_in_the_store(store):
    engine = store.engine
    rid = repo.question_id("report", ("burden", dt.date(2026, 6, 1)), "c1", "s1")
    assert rid != repo.question_id("report", ("burden", dt.date(2026, 6, 1)), "c1", "s2")  # another source state
    assert repo.claim(engine, rid, "report", "c1", "s1", "node-a:1")
    assert not repo.claim(engine, rid, "report", "c1", "s1", "node-b:2")  # running, alive
    assert repo.get(engine, rid).alive()
    repo.heartbeat(engine, [rid], "node-a:1")
    # Its owner stops beating: the next asker takes it over.
    with engine.begin() as conn:
        old = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=repo.DEAD_AFTER + 1)
        conn.execute(update(table).where(table.c.id == rid).values(heartbeat_at=old))
    assert not repo.get(engine, rid).alive()
    assert repo.claim(engine, rid, "report", "c1", "s1", "node-b:2")
    assert repo.get(engine, rid).owner == "node-b:2"
    repo.finish(engine, rid, 200, "text/csv", {"Content-Disposition": "attachment"}, "tổng\n".encode() * 1000, 1.5)
    row = repo.get(engine, rid)
    assert (row.status, row.http_status, row.media_type, row.body) == ("done", 200, "text/csv", "tổng\n".encode() * 1000)
    assert row.headers == {"Content-Disposition": "attachment"} and row.reusable
    assert repo.get(engine, rid, with_body=False).body is None
    assert not repo.claim(engine, rid, "report", "c1", "s1", "node-c:3")  # answered
    # A 5xx is an answer to waiters, not to the next asker; a 4xx is.
    failed = repo.question_id("graph", (1,), "c1", "s1")
    assert repo.claim(engine, failed, "graph", "c1", "s1", "node-a:1")
    repo.finish(engine, failed, 500, "application/json", {}, b"{}", 0.1)
    assert not repo.get(engine, failed).reusable
    assert repo.claim(engine, failed, "graph", "c1", "s1", "node-b:2")
    repo.finish(engine, failed, 404, "application/json", {}, b"{}", 0.1)
    assert repo.get(engine, failed).reusable and not repo.claim(engine, failed, "graph", "c1", "s1", "node-c:3")
    # Bounded: the least recently used go first, running rows stay.
    running = repo.question_id("graph", (2,), "c1", "s1")
    assert repo.claim(engine, running, "graph", "c1", "s1", "node-a:1")
    for i in range(5):
        one = repo.question_id("graph", (10 + i,), "c1", "s1")
        assert repo.claim(engine, one, "graph", "c1", "s1", "node-a:1")
        repo.finish(engine, one, 200, "application/json", {}, b"[]", 0.1)
    assert repo.prune(engine, keep_rows=3, keep_bytes=10**9, catalogue_version="c1") == 4
    assert repo.stats(engine)["done"] + repo.stats(engine)["failed"] == 3 and repo.stats(engine)["running"] == 1
    assert repo.get(engine, repo.question_id("graph", (14,), "c1", "s1")) is not None  # the newest kept
    repo.prune(engine, keep_rows=100, keep_bytes=1, catalogue_version="c1")
    assert repo.stats(engine)["done"] == 0 and repo.stats(engine)["running"] == 1
    repo.forget(engine, running, "someone-else")
    assert repo.get(engine, running) is not None
    repo.forget(engine, running, "node-a:1")
    assert repo.get(engine, running) is None
    assert repo.get(engine, "x" * 65) is None


# --------------------------------------------------------------------------- shared through the store


def test_an_answer_computed_by_one_worker_is_served_by_the_other(catalogue_dir, db_url, tokens):
    h = auth(tokens["officer"])
    with _apps(catalogue_dir, db_url) as (a, b):
        first = a.get(REPORT, params=DAY, headers=h)
        assert first.status_code == 200, first.text
        assert any(key[0] == "report" for key in _computed(a))
        again = b.get(REPORT, params=DAY, headers=h)
        assert again.status_code == 200
        assert again.content == first.content
        assert _computed(b) == []  # b computed nothing: the answer came from the store
        # Other formats are other answers (still computed once per worker from the report object).
        csv = b.get(REPORT, params={**DAY, "format": "csv"}, headers=h)
        assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
        assert a.get(REPORT, params={**DAY, "format": "csv"}, headers=h).content == csv.content
        assert repo.stats(_store(a))["done"] == 2


def test_graph_and_simulation_answers_are_shared_too(catalogue_dir, db_url, tokens):
    h = auth(tokens["officer"])
    with _apps(catalogue_dir, db_url) as (a, b):
        for method, url, kwargs in (
            ("get", "/api/v1/graph/dependencies", {"params": DAY}),
            ("get", "/api/v1/graph/prerequisites", {"params": DAY}),  # a cached graph inside a pooled job
            ("get", "/api/v1/graph/sources/population/impact", {"params": {**DAY, "change": "offline"}}),
            ("post", "/api/v1/simulations", {"json": {"scenario": "population-outage", "from": "2026-01-01", "to": "2026-03-01"}}),
        ):
            first = getattr(a, method)(url, headers=h, **kwargs)
            assert first.status_code == 200, (url, first.text)
            computed = len(_computed(b))
            second = getattr(b, method)(url, headers=h, **kwargs)
            assert second.status_code == 200 and second.content == first.content, url
            assert len(_computed(b)) == computed, url
        assert repo.stats(_store(a))["done"] == 4


def test_a_question_computed_elsewhere_is_waited_for_not_computed_again(catalogue_dir, db_url, tokens):
    h = auth(tokens["officer"])
    with _apps(catalogue_dir, db_url, n=1) as (a,):
        analysis = analysis_of(a.app.state.runtime)
        engine = analysis.engine()
        args = ("unnecessary", dt.date(2026, 6, 1), None, None, None, None, "vi", "json", None)
        rid = repo.question_id("report", args, engine.catalogue_version, analysis.state_version(engine))
        # Another node's worker claims the question (and is alive: its heartbeat is fresh).
        assert repo.claim(_store(a), rid, "report", engine.catalogue_version, analysis.state_version(engine), "node-b:42")

        r = a.get(REPORT, params=DAY, headers={**h, "Prefer": "respond-async"})
        assert r.status_code == 202, r.text
        progress = r.json()
        assert progress["status"] == "running" and progress["id"] == rid and progress["kind"] == "report"
        assert progress["poll"] == f"/api/v1/analysis/{rid}" and r.headers["Location"] == progress["poll"]
        assert int(r.headers["Retry-After"]) == progress["retry_after"] >= 1
        assert r.headers["Preference-Applied"] == "respond-async"
        assert a.get(progress["poll"], headers=h).status_code == 202

        # A waiting request (the default) waits for the other node's answer instead of computing it.
        def other_node_finishes():
            time.sleep(0.6)
            repo.finish(_store(a), rid, 200, "application/json", {}, b'{"from": "node-b"}', 0.6)

        threading.Thread(target=other_node_finishes).start()
        started = time.monotonic()
        r = a.get(REPORT, params=DAY, headers=h)
        assert r.status_code == 200 and r.json() == {"from": "node-b"}
        assert time.monotonic() - started >= 0.5
        assert _computed(a) == []
        assert a.get(progress["poll"], headers=h).json() == {"from": "node-b"}


def test_a_question_whose_worker_died_is_taken_over(catalogue_dir, db_url, tokens):
    h = auth(tokens["officer"])
    with _apps(catalogue_dir, db_url, n=1) as (a,):
        analysis = analysis_of(a.app.state.runtime)
        engine = analysis.engine()
        args = ("unnecessary", dt.date(2026, 6, 1), None, None, None, None, "vi", "json", None)
        rid = repo.question_id("report", args, engine.catalogue_version, analysis.state_version(engine))
        assert repo.claim(_store(a), rid, "report", engine.catalogue_version, analysis.state_version(engine), "dead:1")
        with _store(a).begin() as conn:  # its last heartbeat was a minute ago
            old = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=60)
            conn.execute(update(table).where(table.c.id == rid).values(heartbeat_at=old))
        r = a.get(f"/api/v1/analysis/{rid}", headers=h)
        _error(r, 410, "analysis_lost")
        r = a.get(REPORT, params=DAY, headers=h)
        assert r.status_code == 200 and r.json()["report"] == "unnecessary"
        assert repo.get(_store(a), rid).status == "done"


def test_respond_async_then_poll_from_any_worker(catalogue_dir, db_url, tokens):
    h = auth(tokens["officer"])
    with _apps(catalogue_dir, db_url) as (a, b):
        r = a.get("/api/v1/reports/burden", params={**DAY, "wait": "false"}, headers=h)
        assert r.status_code in (200, 202), r.text
        if r.status_code == 202:
            body = _poll(b, r.json()["poll"], h)
        else:  # answered before the request thread looked again (a fast machine)
            body = r
        assert body.status_code == 200 and body.json()["report"] == "burden"
        # Once there, the same question asked without waiting is the answer itself.
        again = b.get("/api/v1/reports/burden", params={**DAY, "wait": "false"}, headers=h)
        assert again.status_code == 200 and again.content == body.content
        # A bad wait value is a 422 like any other parameter.
        _error(a.get(REPORT, params={**DAY, "wait": "maybe"}, headers=h), 422, "invalid_request")
        _error(a.get(f"/api/v1/analysis/{'f' * 64}", headers=h), 404, "unknown_analysis")
        _error(a.get("/api/v1/analysis/not-an-id", headers=h), 422, "invalid_request")
        assert a.get(f"/api/v1/analysis/{'f' * 64}", headers=auth(tokens["portal"])).status_code == 403


def test_stale_answers_are_never_served(catalogue_dir, db_url, tokens):
    h, admin = auth(tokens["officer"]), auth(tokens["admin"])
    with _apps(catalogue_dir, db_url) as (a, b):
        online = a.get(REPORT, params=POPULATION, headers=h)
        assert online.status_code == 200
        r = a.get(REPORT, params=POPULATION, headers={**h, "Prefer": "respond-async"})
        assert r.status_code == 200  # ready: the answer itself
        before = {row for row in _ids(a)}

        assert b.put("/api/v1/sources/population/status", json={"status": "offline"}, headers=admin).status_code == 200
        offline = a.get(REPORT, params=POPULATION, headers=h)
        assert offline.status_code == 200
        assert offline.json()["total"] != online.json()["total"]  # not the stored answer of the other state
        old = before.pop()
        _error(b.get(f"/api/v1/analysis/{old}", headers=h), 410, "analysis_stale")

        # The same statuses again: the same question, the same answer (content, not a counter).
        assert b.put("/api/v1/sources/population/status", json={"status": "online"}, headers=admin).status_code == 200
        assert b.get(REPORT, params=POPULATION, headers=h).content == online.content
        assert b.get(f"/api/v1/analysis/{old}", headers=h).content == online.content


def test_a_reload_makes_every_stored_answer_stale(catalogue_dir, db_url, tokens):
    h, admin = auth(tokens["officer"]), auth(tokens["admin"])
    with _apps(catalogue_dir, db_url, n=1) as (a,):
        first = a.get(REPORT, params=POPULATION, headers=h)
        (old,) = _ids(a)
        proc = next((catalogue_dir / "catalogue").rglob("*.yaml"))
        proc.write_text(proc.read_text(encoding="utf-8").replace("vi: ", "vi: (2026) ", 1), encoding="utf-8")
        assert a.post("/api/v1/catalogue/reload", headers=admin).status_code == 200
        _error(a.get(f"/api/v1/analysis/{old}", headers=h), 410, "analysis_stale")
        again = a.get(REPORT, params=POPULATION, headers=h)
        assert again.json()["catalogue_version"] != first.json()["catalogue_version"]


def test_errors_are_answers_too(catalogue_dir, db_url, tokens):
    h = auth(tokens["officer"])
    with _apps(catalogue_dir, db_url) as (a, b):
        url, params = "/api/v1/graph/dependents", {**DAY, "agency": "no-such-agency"}
        _error(a.get(url, params=params, headers=h), 404, "unknown_agency")
        _error(b.get(url, params={**params, "wait": "false"}, headers=h), 404, "unknown_agency")
        assert repo.stats(_store(a))["failed"] == 1


def test_the_store_is_bounded(catalogue_dir, db_url, tokens):
    h = auth(tokens["officer"])
    with _apps(catalogue_dir, db_url, n=1, analysis_store_rows=3) as (a,):
        for day in range(1, 6):
            r = a.get("/api/v1/graph/dependencies", params={"as_of": f"2026-06-{day:02d}"}, headers=h)
            assert r.status_code == 200
        assert repo.stats(_store(a))["done"] == 3
    with _apps(catalogue_dir, db_url, n=1, analysis_max_answer_bytes=1024) as (a,):
        big = a.get(REPORT, params=DAY, headers=h)
        assert big.status_code == 200 and len(big.content) > 1024  # served, not stored
        assert not [row for row in _rows(a) if row.kind == "report"]


def test_a_state_change_during_the_computation_is_not_stored(catalogue_dir, db_url, tokens):
    with _apps(catalogue_dir, db_url, n=1) as (a,):
        runtime = a.app.state.runtime
        analysis = analysis_of(runtime)
        calls = []

        def produce(engine):
            assert in_pool()
            calls.append(engine.state.status("population"))
            if len(calls) == 1:  # an admin sets a status meanwhile
                runtime.set_source_status("population", "offline", "test")
            return Rendered(200, f'{{"population": "{engine.state.status("population")}"}}'.encode())

        response = asyncio.run(analysis.respond("test", (1,), produce))
        # Asked again at once with the new statuses; the answer of the mixed state was never stored.
        assert calls == ["online", "offline"] and response.body == b'{"population": "offline"}'
        rows = _rows(a)
        assert [r.status for r in rows if r.http_status == 200] == ["done"]
        assert [(r.status, r.http_status) for r in rows if r.http_status != 200] == [("failed", 503)]


# --------------------------------------------------------------------------- node roles


def test_a_portal_node_refuses_analysis_and_builds_no_analysis_engine(catalogue_dir, db_url, tokens):
    with _apps(catalogue_dir, db_url, n=1, role="portal", warm=True) as (p,):
        for method, url in (
            ("get", REPORT), ("get", "/api/v1/graph/rank-sources"), ("post", "/api/v1/simulations"),
            ("get", f"/api/v1/analysis/{'a' * 64}"), ("get", "/api/v1/reports/compliance"),
        ):
            r = getattr(p, method)(url, headers=auth(tokens["officer"]))
            error = _error(r, 503, "analysis_elsewhere")
            assert "--role analysis" in error["message"]
            assert r.headers["x-content-type-options"] == "nosniff"  # still inside the API's middleware
        # Portal traffic as usual, on both paths.
        assert p.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"])).status_code == 200
        assert p.get("/api/v1/procedures", headers=auth(tokens["portal"])).status_code == 200
        loaded = p.app.state.runtime.current
        assert loaded.warmed.wait(300)
        assert loaded.analysis is None


@pytest.mark.parametrize("fast_path", [True, False], ids=["fast-path", "route"])
def test_an_analysis_node_refuses_portal_evaluations(catalogue_dir, db_url, tokens, fast_path):
    with _apps(catalogue_dir, db_url, n=1, role="analysis", fast_path=fast_path) as (n,):
        r = n.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"]))
        error = _error(r, 503, "portal_elsewhere")
        assert "--role portal" in error["message"]
        assert n.get(REPORT, params=POPULATION, headers=auth(tokens["officer"])).status_code == 200
        assert n.get("/api/v1/catalogue", headers=auth(tokens["officer"])).status_code == 200


def _rows(client) -> list[repo.Stored]:
    from sqlalchemy import select

    with _store(client).connect() as conn:
        ids = [r.id for r in conn.execute(select(table.c.id))]
    return [repo.get(_store(client), i) for i in ids]


def _ids(client) -> list[str]:
    return [r.id for r in _rows(client) if r.status == "done"]


# --------------------------------------------------------------------------- memory stays bounded


def test_simulations_run_on_the_workers_durable_host(catalogue_dir, db_url, tokens, monkeypatch):
    """A host of its own registers every ruleset in durable's C core again, for good
    (+56 MB a simulation, measured on the national catalogue)."""
    from engine import host as host_module

    made = []
    original = host_module.DurableHost.__init__

    def counted(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    with _apps(catalogue_dir, db_url, n=1) as (a,):
        monkeypatch.setattr(host_module.DurableHost, "__init__", counted)
        for day in ("2026-02-01", "2026-03-01"):
            body = {"scenario": "population-outage", "as_of": day, "from": "2026-01-01", "to": "2026-02-01"}
            r = a.post("/api/v1/simulations", json=body, headers=auth(tokens["officer"]))
            assert r.status_code == 200, r.text
        assert made == []


def test_engines_keep_a_bounded_number_of_decisions(catalogue_dir, db_url, tokens):
    with _apps(catalogue_dir, db_url, n=1) as (a,):
        runtime = a.app.state.runtime
        cat = runtime.current.catalogue
        entries = sum(len(p.requirements) for p in cat.procedures.values())
        assert runtime.current.engine._memo_size == entries + 3000
        assert analysis_of(runtime).engine()._memo_size == entries + 3000
    with _apps(catalogue_dir, db_url, n=1, decision_memo=5000) as (a,):
        assert a.app.state.runtime.current.engine._memo_size == 5000


def test_a_graph_leaving_the_lru_is_freed_even_when_frozen():
    """networkx graphs hold reference cycles (cached views): frozen by the server's
    ``gc.freeze`` and dropped, they were never collected (+25 MB every 18 questions)."""
    import gc
    import weakref

    import networkx as nx

    from api.analysis import _release

    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="x")
    for view in ("edges", "succ", "nodes"):  # the cached views: graph -> view -> graph
        getattr(graph, view)
    gone = weakref.ref(graph)
    gc.collect()
    gc.freeze()
    try:
        _release((graph, 1))
        del graph
        assert gone() is None  # freed by reference counting, no collection needed
    finally:
        gc.unfreeze()


def test_the_server_does_not_freeze_while_analysis_runs_and_analysis_nodes_never_do(catalogue_dir, db_url, tokens):
    from api.analysis import analysis_busy
    from api.settings import Settings

    assert Settings(role="analysis").gc_freeze is False
    assert Settings(role="analysis", gc_freeze=True).gc_freeze is True
    assert Settings(role="portal").gc_freeze is True
    with _apps(catalogue_dir, db_url, n=1) as (a,):
        runtime = a.app.state.runtime
        seen = []

        def produce(engine):
            seen.append(analysis_busy(runtime))
            return Rendered(200, b"{}")

        assert not analysis_busy(runtime)
        asyncio.run(analysis_of(runtime).respond("test-busy", (1,), produce))
        assert seen == [True] and not analysis_busy(runtime)
