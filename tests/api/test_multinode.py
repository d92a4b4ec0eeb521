"""Two real ``onceonly serve`` nodes (two worker processes each) on one PostgreSQL
store and one Redis: one truth across workers and machines.

- a key revoked on one node is refused by every worker of the other within 1 s;
- a source set offline on one node changes the other's evaluations and reports within 1 s;
- a key limited to N/s gets at most 1.1 × N/s across both nodes (plus one window's burst);
- a refused reload leaves both nodes on the last good version, also after a worker
  of each is killed and restarted with broken files on its disk.

Each node has its own copy of the catalogue folder, as two machines would. A
worker is told apart by its catalogue's ``loaded_at`` (``GET /catalogue``); every
check that must hold "on every worker" is sampled over fresh connections, each
first asking ``GET /catalogue`` to learn its worker, until both workers have answered
(a loaded machine may hand one worker many connections in a row).

Needs PostgreSQL (``ONCEONLY_TEST_PG_URL``, or initdb/pg_ctl) and Redis
(``ONCEONLY_TEST_REDIS_URL``): ``.ci/run`` sources ``.ci/postgres.sh`` and
``.ci/redis.sh``; without them these tests skip, saying why.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.store.conftest import pg_url  # noqa: F401  (session fixture)

from .conftest import BOOTSTRAP, EVAL, REPO

pytestmark = pytest.mark.postgres

httpx = pytest.importorskip("httpx")

ADMIN = {"X-API-Key": BOOTSTRAP}
POPULATION_REPORT = {"as_of": "2026-06-01", "source": "population", "limit": 0}
START_TIMEOUT = 180.0


def _redis_url() -> str:
    url = os.environ.get("ONCEONLY_TEST_REDIS_URL")
    if not url:
        pytest.skip("no Redis: ONCEONLY_TEST_REDIS_URL is not set (.ci/run starts one with .ci/redis.sh)")
    import redis

    try:
        redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"no Redis: {url} does not answer ({type(exc).__name__})")
    return url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(parent: int) -> list[int]:
    """uvicorn's worker processes under ``parent`` (not multiprocessing's resource tracker)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and b"resource_tracker" not in cmdline:
            pids.append(int(entry.name))
    return sorted(pids)


class Node:
    """One ``onceonly serve --workers 2`` process tree on a free loopback port."""

    def __init__(self, name: str, home: Path, database: str, redis: str):
        self.name, self.home = name, home
        self.catalogue = home / "procedures"
        shutil.copytree(REPO / "procedures", self.catalogue)
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = home / "server.log"
        env = {
            **os.environ,
            "ONCEONLY_HOME": str(home),
            "ONCEONLY_ADMIN_KEY": BOOTSTRAP,
            "ONCEONLY_RATE_LIMIT_URL": redis,
            "ONCEONLY_WARM": "false",  # faster start; nothing here measures speed
            "ONCEONLY_RATE_ADMIN": "10000",  # the bootstrap admin key tells workers apart many times a second
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("ONCEONLY_DATABASE_URL", None)
        argv = [
            sys.executable, "-m", "engine.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
            "--workers", "2", "--log-level", "warning", "--no-access-log",
            "--database", database, "--catalogue", str(self.catalogue),
        ]
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO,
                                            start_new_session=True)

    def get(self, path: str, **kwargs):
        """A request on a fresh connection (the kernel picks the worker)."""
        return httpx.get(self.base + path, timeout=30, **kwargs)

    def post(self, path: str, **kwargs):
        return httpx.post(self.base + path, timeout=30, **kwargs)

    def put(self, path: str, **kwargs):
        return httpx.put(self.base + path, timeout=30, **kwargs)

    def delete(self, path: str, **kwargs):
        return httpx.delete(self.base + path, timeout=30, **kwargs)

    def workers(self, timeout: float = START_TIMEOUT) -> set[str]:
        """Wait until both workers answer; their fingerprints (``loaded_at``)."""
        seen: set[str] = set()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"node {self.name} exited:\n{self.tail()}")
            try:
                r = self.get("/api/v1/catalogue", headers=ADMIN)
                if r.status_code == 200:
                    seen.add(r.json()["loaded_at"])
                    if len(seen) >= 2 and len(_children(self.process.pid)) == 2:
                        return seen
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"node {self.name}: both workers did not answer in {timeout:.0f} s:\n{self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # our own process group only
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def database(pg_url):  # noqa: F811
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(pg_url)
    name = f"onceonly_multinode_{uuid.uuid4().hex[:12]}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL tests skipped: cannot create a test database ({type(exc).__name__})")
    yield admin.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def nodes(database, tmp_path_factory):
    redis = _redis_url()
    root = tmp_path_factory.mktemp("multinode")
    a = b = None
    try:
        # Both at once, on an empty database: four processes migrate it and record the law together.
        a = Node("a", root / "a", database, redis)
        b = Node("b", root / "b", database, redis)
        a.workers()
        b.workers()
        yield a, b
    except BaseException:
        for node in (a, b):
            if node is not None:
                print(f"--- node {node.name} log ---\n{node.tail()}", file=sys.stderr)
        raise
    finally:
        for node in (a, b):
            if node is not None:
                node.stop()


def _key(node: Node, rate: float = 10_000, role: str = "portal") -> tuple[int, str]:
    r = node.post("/api/v1/keys", headers=ADMIN, json={"name": f"multinode {role} {rate}", "role": role, "rate_limit": float(rate)})
    assert r.status_code == 201, r.text
    return r.json()["id"], r.json()["token"]


def _each_worker(node: Node, ask, least: int = 16, timeout: float = 60.0) -> dict[str, list]:
    """``ask(client)``'s answers from both workers of ``node``, by worker.

    Each question goes on a fresh connection, whose worker is told by ``GET /catalogue``
    on that same connection. A loaded machine may hand many connections in a row to one
    worker, so sampling goes on until both have answered (``least`` answers in all);
    a check over these answers then holds on every worker, not on the one that was free.
    """
    seen: dict[str, list] = {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with httpx.Client(base_url=node.base, timeout=30) as client:
            worker = client.get("/api/v1/catalogue", headers=ADMIN).json()["loaded_at"]
            seen.setdefault(worker, []).append(ask(client))
        if len(seen) >= 2 and sum(map(len, seen.values())) >= least:
            return seen
    raise AssertionError(f"node {node.name}: {sum(map(len, seen.values()))} fresh connections in {timeout:.0f} s "
                         "all reached one worker")


def _answers(seen: dict[str, list]) -> list:
    return [answer for answers in seen.values() for answer in answers]


def _at(started: float, seconds: float) -> None:
    time.sleep(max(0.0, started + seconds - time.monotonic()))


def _identity(r) -> str:
    return next(d for d in r.json()["decisions"] if d["requirement"]["id"] == "identity")["status"]


# --------------------------------------------------------------------------- tests


def test_a_key_revoked_on_one_node_is_refused_on_the_other_within_1s(nodes):
    a, b = nodes
    key_id, token = _key(a)
    for _ in range(8):  # every worker of b knows (and caches) the key
        assert b.post("/api/v1/evaluations", json=EVAL, headers={"X-API-Key": token}).status_code == 200
    started = time.monotonic()
    assert a.delete(f"/api/v1/keys/{key_id}", headers=ADMIN).status_code == 200
    _at(started, 1.0)
    statuses = _each_worker(b, lambda c: c.post("/api/v1/evaluations", json=EVAL, headers={"X-API-Key": token}).status_code)
    assert set(_answers(statuses)) == {401}, statuses


def test_a_source_set_offline_on_one_node_changes_the_others_evaluations_and_reports_within_1s(nodes):
    a, b = nodes
    _, portal = _key(a)
    _, officer = _key(a, role="officer")
    before = b.post("/api/v1/evaluations", json=EVAL, headers={"X-API-Key": portal})
    assert before.status_code == 200 and _identity(before) == "struck"
    report_before = b.get("/api/v1/reports/unnecessary", params=POPULATION_REPORT, headers={"X-API-Key": officer})
    assert report_before.status_code == 200, report_before.text
    try:
        started = time.monotonic()
        r = a.put("/api/v1/sources/population/status", json={"status": "offline"}, headers=ADMIN)
        assert r.status_code == 200, r.text
        _at(started, 1.0)
        evaluations = _answers(_each_worker(b, lambda c: c.post("/api/v1/evaluations", json=EVAL, headers={"X-API-Key": portal})))
        assert {_identity(e) for e in evaluations} == {"required"}
        assert len({e.headers["X-Onceonly-Source-State"] for e in evaluations}) >= 1
        # The report asked on b now is the offline one (never a stored answer of the online state).
        reports = [
            b.get("/api/v1/reports/unnecessary", params=POPULATION_REPORT, headers={"X-API-Key": officer})
            for _ in range(4)
        ]
        assert all(r.status_code == 200 for r in reports)
        assert all(r.json()["total"] != report_before.json()["total"] for r in reports)
        # And node a, which stored or reads the same answer, agrees.
        mine = a.get("/api/v1/reports/unnecessary", params=POPULATION_REPORT, headers={"X-API-Key": officer})
        assert mine.json()["total"] == reports[0].json()["total"]
    finally:
        assert a.put("/api/v1/sources/population/status", json={"status": "online"}, headers=ADMIN).status_code == 200


def test_a_key_limited_to_n_per_second_gets_at_most_1_1_n_across_both_nodes(nodes):
    import threading

    a, b = nodes
    rate, seconds = 20, 3.0
    _, token = _key(a, rate=rate)
    ok, offered = [0], [0]
    lock = threading.Lock()
    started = time.monotonic()

    def hammer(node: Node) -> None:
        with httpx.Client(base_url=node.base, headers={"X-API-Key": token}, timeout=30) as client:
            while time.monotonic() - started < seconds:
                status = client.post("/api/v1/evaluations", json=EVAL).status_code
                assert status in (200, 429), status
                with lock:
                    offered[0] += 1
                    ok[0] += status == 200

    threads = [threading.Thread(target=hammer, args=(node,)) for node in (a, b, a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    assert offered[0] > 2 * rate * seconds, offered  # far more was offered than the limit
    # One count for 4 worker processes: at most 1.1 × N/s, plus the first window's burst
    # (per-worker counting would have let about 4 × N/s through).
    assert rate <= ok[0] <= 1.1 * rate * elapsed + rate, (ok[0], elapsed)


def test_a_refused_reload_leaves_both_nodes_on_the_last_good_version_also_after_a_restart(nodes):
    a, b = nodes
    _, portal = _key(a)
    good = a.post("/api/v1/evaluations", json=EVAL, headers={"X-API-Key": portal}).headers["X-Onceonly-Catalogue"]
    assert b.post("/api/v1/evaluations", json=EVAL, headers={"X-API-Key": portal}).headers["X-Onceonly-Catalogue"] == good
    for node in (a, b):  # both machines get the same broken release on their disks
        source = node.catalogue / "sources" / "population.yaml"
        source.write_text(source.read_text(encoding="utf-8").replace("replaces:", "replaces_typo:", 1), encoding="utf-8")
    r = a.post("/api/v1/catalogue/reload", headers=ADMIN)
    assert r.status_code == 422 and r.json()["error"]["code"] == "catalogue_invalid", r.text

    def versions(node: Node) -> set[str]:
        answers = _answers(_each_worker(node, lambda c: c.post("/api/v1/evaluations", json=EVAL, headers={"X-API-Key": portal}), 12))
        assert all(x.status_code == 200 for x in answers)
        assert all(_identity(x) == "struck" for x in answers)
        return {x.headers["X-Onceonly-Catalogue"] for x in answers}

    time.sleep(1.0)
    assert versions(a) == versions(b) == {good}

    # Kill one worker of each node: uvicorn starts a new one, which reads the broken files.
    for node in (a, b):
        before = node.workers()
        victim = _children(node.process.pid)[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + START_TIMEOUT
        while victim in _children(node.process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        after = set()
        while time.monotonic() < deadline and not (after - before and len(after & before) >= 1):
            after |= node.workers()  # both answer again, one of them new
        assert after - before, f"node {node.name}: no restarted worker answered"
        restarted = (after - before).pop()
        # The new worker serves the last accepted version from the store, not its broken files.
        for _ in range(60):
            r = node.get("/api/v1/catalogue", headers=ADMIN).json()
            if r["loaded_at"] == restarted:
                assert r["catalogue_version"] == good
                assert r["description"].startswith("law version"), r["description"]
                break
        else:
            pytest.fail(f"node {node.name}: the restarted worker never answered")
    assert versions(a) == versions(b) == {good}
