"""Reports, graph and simulations through the API (officer role), in every format."""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import auth

pytest.importorskip("engine.reports")


def test_report_json_csv_xlsx(client, tokens):
    h = auth(tokens["officer"])
    r = client.get("/api/v1/reports/unnecessary", params={"as_of": "2026-06-01"}, headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["report"] == "unnecessary" and body["rows"] and body["procedures_evaluated"] > 0
    assert "bo-tu-phap" in body["ministry_names"]
    totals_only = client.get("/api/v1/reports/unnecessary", params={"as_of": "2026-06-01", "limit": 0}, headers=h).json()
    assert totals_only["rows"] == [] and totals_only["total"] == body["total"]
    r = client.get("/api/v1/reports/unnecessary", params={"as_of": "2026-06-01", "format": "csv"}, headers=h)
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == len(body["rows"]) + 1
    r = client.get(
        "/api/v1/reports/burden",
        params={"as_of": "2026-06-01", "ministry": "bo-tu-phap"},
        headers={**h, "Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    )
    assert r.status_code == 200 and r.content[:2] == b"PK"  # a zip: the xlsx workbook
    assert "attachment" in r.headers["content-disposition"]
    r = client.get("/api/v1/reports/unnecessary", params={"ministry": "bo-nothing"}, headers=h)
    assert r.status_code == 404 and r.json()["error"]["path"] == "query.ministry"


def test_report_follows_source_status(client, tokens):
    h = auth(tokens["officer"])
    before = client.get("/api/v1/reports/unnecessary", params={"as_of": "2026-06-01", "source": "population"}, headers=h).json()
    client.put("/api/v1/sources/population/status", json={"status": "offline"}, headers=auth(tokens["admin"]))
    after = client.get("/api/v1/reports/unnecessary", params={"as_of": "2026-06-01", "source": "population"}, headers=h).json()
    # No applicant given: population rows are conditional (nationality); offline, they go.
    assert before["rows"] and len(after["rows"]) < len(before["rows"])


def test_attributes(client, tokens):
    attrs = {a["id"]: a for a in client.get("/api/v1/attributes", headers=auth(tokens["portal"])).json()}
    assert attrs["nationality"]["values"] == ["vn", "foreign", "stateless"]


def test_graph_endpoints(client, tokens):
    pytest.importorskip("engine.graph")
    h = auth(tokens["officer"])
    deps = client.get("/api/v1/graph/dependencies", params={"as_of": "2026-06-01"}, headers=h)
    assert deps.status_code == 200 and isinstance(deps.json()["dependencies"], list)
    nowhere = client.get("/api/v1/graph/dependencies", params={"ministry": "bo-nothing"}, headers=h)
    assert nowhere.status_code == 404 and nowhere.json()["error"]["code"] == "unknown_agency"
    impact = client.get("/api/v1/graph/sources/population/impact", params={"as_of": "2026-06-01"}, headers=h)
    assert impact.status_code == 200 and impact.json()["change"] == "offline"
    assert client.get("/api/v1/graph/sources/atlantis/impact", headers=h).status_code == 404
    pre = client.get("/api/v1/graph/prerequisites", params={"code": "1.001193", "as_of": "2026-06-01"}, headers=h)
    assert pre.status_code == 200 and pre.json()["procedure"] == "1.001193"
    assert client.get("/api/v1/graph/prerequisites", params={"code": "9.999999"}, headers=h).status_code == 404
    rank = client.get("/api/v1/graph/rank-sources", params={"as_of": "2026-06-01"}, headers=h)
    assert rank.status_code == 200 and rank.json()["sources"]


def test_simulations(client, tokens):
    pytest.importorskip("engine.simulation")
    h = auth(tokens["officer"])
    items = client.get("/api/v1/simulations/scenarios", headers=h).json()["items"]
    by_id = {i["id"]: i for i in items}
    assert "population-outage" in by_id and by_id["population-outage"]["document"]["operations"]
    r = client.post("/api/v1/simulations", json={"scenario": "population-outage"}, headers=h)
    assert r.status_code == 200, r.text
    assert "totals" in r.json()
    r = client.post("/api/v1/simulations", params={"format": "csv"}, json={"scenario": "population-outage"}, headers=h)
    assert r.headers["content-type"].startswith("text/csv") and b"total" in r.content
    r = client.post("/api/v1/simulations", json={"scenario": "nope"}, headers=h)
    assert r.status_code == 404 and r.json()["error"]["path"] == "body.scenario"
    r = client.post("/api/v1/simulations", json={"scenario": "../../etc/passwd"}, headers=h)
    assert r.status_code == 422
    edited = dict(by_id["population-outage"]["document"], id="edited-outage")
    r = client.post("/api/v1/simulations", json={"scenario": edited, "from": "2026-01-01", "to": "2026-06-01"}, headers=h)
    assert r.status_code == 200, r.text
    r = client.post("/api/v1/simulations", json={"scenario": {"id": "broken", "operations": "nope"}}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_scenario" and r.json()["error"]["errors"]


def test_analysis_runs_once_in_its_bounded_pool(app, client, tokens):
    """Concurrent identical analysis questions share one computation, run in the
    analysis pool, never in the request thread."""
    import threading
    import time

    from api.analysis import analysis_of

    runtime = app.state.runtime if hasattr(app.state, "runtime") else None
    if runtime is None:
        import pytest

        pytest.skip("the app keeps its runtime elsewhere")
    calls, threads = [], []

    def compute(engine):
        calls.append(threading.current_thread().name)
        time.sleep(0.3)
        return len(engine.catalogue.procedures)

    results = []
    workers = [threading.Thread(target=lambda: results.append(analysis_of(runtime).cached("test", (1,), compute))) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(calls) == 1 and calls[0].startswith("onceonly-analysis")
    assert len(set(results)) == 1 and len(results) == 4


def test_the_first_askers_together_share_one_analysis(app, client, monkeypatch):
    """Questions arriving together on a fresh worker get one Analysis (its lock and
    running table), not one each: CI once computed a question twice so."""
    import threading
    import time

    import api.analysis as analysis_module

    made = analysis_module.Analysis.__init__

    def slow_init(self, runtime):
        time.sleep(0.05)  # a busy machine: the others arrive meanwhile
        made(self, runtime)

    monkeypatch.setattr(analysis_module.Analysis, "__init__", slow_init)
    runtime = app.state.runtime
    if hasattr(runtime, "_analysis"):
        del runtime._analysis
    start, found = threading.Barrier(4), []

    def ask():
        start.wait()
        found.append(analysis_module.analysis_of(runtime))

    askers = [threading.Thread(target=ask) for _ in range(4)]
    for t in askers:
        t.start()
    for t in askers:
        t.join()
    assert len({id(a) for a in found}) == 1


def test_an_asker_arriving_as_a_computation_ends_reuses_it(app, client):
    """The computation stops being "running" and is stored in one step: an asker
    arriving in between (a busy machine's late thread) never computes it again."""
    import threading

    from api.analysis import analysis_of, in_pool

    analysis = analysis_of(app.state.runtime)
    calls, done, probes = [], threading.Event(), []

    def compute(engine):
        calls.append(1)
        done.set()
        return len(calls)

    def ask():
        analysis.cached("late", (1,), compute)

    class Watched:
        """The analysis lock; once the computation is over, its first release in the
        pool lets another thread ask the same question (and waits a moment for it)."""

        def __init__(self, lock):
            self.lock = lock

        def __enter__(self):
            return self.lock.__enter__()

        def __exit__(self, *exc):
            released = self.lock.__exit__(*exc)
            if done.is_set() and in_pool() and not probes:
                probes.append(threading.Thread(target=ask))
                probes[0].start()
                probes[0].join(1.0)
            return released

    analysis._lock = Watched(analysis._lock)
    assert analysis.cached("late", (1,), compute) == 1
    probes[0].join(10)
    assert not probes[0].is_alive() and calls == [1]
