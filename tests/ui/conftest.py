"""End-to-end fixtures for the dashboard: a real ``onceonly serve`` and a real headless Chromium.

Chromium is Debian's (/usr/bin/chromium, or $ONCEONLY_CHROMIUM), driven by
Playwright for Python; Playwright's own browser download is never used. The
tests skip, with the reason, only when Chromium or Playwright cannot be had
(``.ci/browser.sh`` installs Chromium).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "ui"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("ONCEONLY_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def onceonly_cmd() -> list[str]:
    exe = shutil.which("onceonly")
    return [exe] if exe else [sys.executable, "-c", "from engine.cli import main; main()"]


@dataclass
class Server:
    base: str
    key: str
    home: Path
    proc: subprocess.Popen
    log: Path
    mode: str

    def get(self, path: str, **headers) -> tuple[int, bytes]:
        req = urllib.request.Request(self.base + path, headers={"X-API-Key": self.key, **headers})
        try:
            with urllib.request.urlopen(req, timeout=60) as res:
                return res.status, res.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def post(self, path: str, body: dict) -> tuple[int, dict]:
        req = urllib.request.Request(
            self.base + path, data=json.dumps(body).encode(), method="POST",
            headers={"X-API-Key": self.key, "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=120) as res:
                return res.status, json.loads(res.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")

    def has_route(self, method: str, path: str) -> bool:
        status, body = self.get("/api/v1/openapi.json")
        if status != 200:
            return False
        spec = json.loads(body)
        return method.lower() in spec.get("paths", {}).get(path, {})

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def _wait_ready(base: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited ({proc.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(base + "/ready", timeout=2) as res:
                if res.status == 200:
                    return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server was not ready in {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def start_server(home: Path, catalogue: str | None = None) -> Server:
    """``onceonly serve`` on a free port with ONCEONLY_HOME=home and an officer key made by the CLI."""
    env = {**os.environ, "ONCEONLY_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("ONCEONLY_DATABASE_URL", None)
    if catalogue:
        env["ONCEONLY_CATALOGUE"] = catalogue
    else:
        env.pop("ONCEONLY_CATALOGUE", None)
    made = subprocess.run(
        [*onceonly_cmd(), "keys", "create", "dashboard-e2e", "--role", "officer", "--format", "json"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    key = json.loads(made.stdout)["token"]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = home / "server.log"
    cmd = [*onceonly_cmd(), "serve", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    server = Server(base, key, home, proc, log, "onceonly serve")
    try:
        _wait_ready(base, proc, log)
    except Exception:
        server.stop()
        raise
    print(f"\n[ui] server: {server.mode} at {base}")
    return server


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("ui-home"))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    exe = chromium_path()
    if exe is None:
        pytest.skip("Chromium not found (/usr/bin/chromium or $ONCEONLY_CHROMIUM): source .ci/browser.sh to install it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install playwright==1.65.2; no browser download needed)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page with the officer key in localStorage and the language reset to Vietnamese."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True, locale="vi-VN")
    context.add_init_script(
        f"if (!sessionStorage.getItem('e2e-init')) {{ sessionStorage.setItem('e2e-init', '1');"
        f" localStorage.setItem('onceonly.apiKey', {json.dumps(server.key)}); localStorage.setItem('onceonly.lang', 'vi'); }}"
    )
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.set_default_timeout(30_000)
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_overview(page, timeout: float = 30_000) -> None:
    """Wait until the overview shows the answer for the URL's own query.

    After a filter or day change the URL moves first and the previous page stays ready until
    the router re-renders: waiting on ``data-ready`` alone may read the previous answer.
    """
    page.wait_for_function(
        "() => { const m = document.getElementById('main');"
        " const q = location.hash.split('?')[1] || '';"
        " return m.dataset.ready === 'true' && m.dataset.view === new URLSearchParams(q).toString(); }",
        timeout=timeout,
    )
