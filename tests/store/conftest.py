"""Fixtures: a store on SQLite (temp file) and on a real PostgreSQL server.

PostgreSQL comes from ``ONCEONLY_TEST_PG_URL`` (``.ci/postgres.sh`` exports it),
else a throwaway server is started with ``initdb``/``pg_ctl`` in a temp folder
on a free port. As root, the server runs as the ``postgres`` user (created if
missing), because PostgreSQL refuses to run as root. Tests needing PostgreSQL
skip with a clear message only when neither is possible.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PG_ENV = "ONCEONLY_TEST_PG_URL"


def _pg_bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    # Debian keeps the server binaries off PATH.
    for pg_ctl in sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True):
        return Path(pg_ctl).parent
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_user() -> str | None:
    """The user to run the server as: ourselves, or ``postgres`` when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True, capture_output=True)
    return "postgres"


def _as(user: str | None, argv: list[str]) -> list[str]:
    if user is None:
        return argv
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--", *argv]
    return ["su", user, "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in argv)]


class _Server:
    """A throwaway PostgreSQL cluster in a temp folder."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.user = _server_user()
        # Not under pytest's 0700 /tmp/pytest-of-root: the server user must reach it.
        self.dir = Path(tempfile.mkdtemp(prefix="onceonly-pg-"))
        self.port = _free_port()
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)

    def run(self, *argv: str) -> None:
        subprocess.run(_as(self.user, list(argv)), check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        data = self.dir / "data"
        self.run(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                 "-E", "UTF8", "--no-locale")
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(str(self.bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self.run(str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        except Exception:  # noqa: BLE001 - cleanup: the folder goes anyway
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url():
    """URL of a PostgreSQL server whose role may CREATE DATABASE."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(f"PostgreSQL tests skipped: {PG_ENV} is not set and initdb/pg_ctl are not installed "
                    "(run `. .ci/postgres.sh` or `apt-get install postgresql`)")
    server = _Server(bindir)
    try:
        url = server.start()
    except Exception as exc:  # noqa: BLE001
        server.stop()
        pytest.skip(f"PostgreSQL tests skipped: {PG_ENV} is not set and a throwaway server "
                    f"in {bindir} would not start ({type(exc).__name__}: {exc})")
    yield url
    server.stop()


@pytest.fixture
def pg_database(pg_url):
    """A fresh, empty database on the PostgreSQL server; dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(pg_url)
    name = f"onceonly_test_{uuid.uuid4().hex[:12]}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL tests skipped: cannot create a test database ({type(exc).__name__}); "
                    "the role needs CREATEDB")
    yield admin.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """The URL of an empty store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'onceonly.db'}"
    return request.getfixturevalue("pg_database")


@pytest.fixture
def store(store_url):
    from engine.store import open_store

    with open_store(store_url) as opened:
        yield opened


# ----------------------------------------------------------------------------- data


@pytest.fixture(name="make_proc")
def make_proc_fixture():
    from .store_helpers import make_proc

    return make_proc
