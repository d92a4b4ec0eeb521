"""``onceonly serve --workers 2 --reuse-port``: each worker listens on a socket
of its own (SO_REUSEPORT), both answer, a killed worker is replaced, and
SIGTERM stops the whole tree."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from .conftest import BOOTSTRAP, REPO
from .test_multinode import _children, _free_port

httpx = pytest.importorskip("httpx")

pytestmark = pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="this system has no SO_REUSEPORT")


def _workers_seen(base: str, want: int, timeout: float, exclude: set[str] = frozenset()) -> set[str]:
    """Distinct workers (their catalogue's ``loaded_at``) answering fresh connections."""
    seen: set[str] = set()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            r = httpx.get(base + "/api/v1/catalogue", headers={"X-API-Key": BOOTSTRAP}, timeout=10)
            if r.status_code == 200 and r.json()["loaded_at"] not in exclude:
                seen.add(r.json()["loaded_at"])
                if len(seen) >= want:
                    return seen
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    return seen


def test_reuse_port_workers_share_the_port_and_one_that_dies_is_replaced(tmp_path):
    port = _free_port()
    env = {**os.environ, "ONCEONLY_HOME": str(tmp_path), "ONCEONLY_ADMIN_KEY": BOOTSTRAP,
           "ONCEONLY_WARM": "false", "ONCEONLY_RATE_ADMIN": "10000", "PYTHONUNBUFFERED": "1"}
    env.pop("ONCEONLY_DATABASE_URL", None)
    env.pop("ONCEONLY_RATE_LIMIT_URL", None)
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "engine.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", "2", "--reuse-port", "--log-level", "warning", "--no-access-log"],
            env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        first = _workers_seen(base, 2, 180)
        assert len(first) == 2, log.read_text()
        workers = _children(server.pid)
        assert len(workers) == 2, workers
        os.kill(workers[0], signal.SIGKILL)
        # The supervisor starts another; it answers with a catalogue of its own.
        new = _workers_seen(base, 1, 180, exclude=first)
        assert new, log.read_text()
        assert len(_children(server.pid)) == 2
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            pytest.fail("the server did not stop on SIGTERM")
    assert server.returncode == 0, log.read_text()
