"""Benchmark: ``POST /api/v1/evaluations`` under load against ``onceonly serve --workers 2``.

Usage::

    python bench/http.py [--seconds 60] [--quick] [--connections 64] [--miss-rate 0.1]
                         [--workers 2] [--no-import] [--no-access-log] [--json]
                         [--officer [--analysis-node separate|same]] [--soak 600]

What it does, all on loopback and bounded in time:

1. a temporary ``ONCEONLY_HOME``; the portal records (``$ONCEONLY_PORTAL_DATA`` or
   ``../shared/data/portal-2026``) are imported into its store when present, so the
   server holds the curated *and* the imported catalogues (``--no-import``: curated only);
2. a portal key whose rate limit does not throttle the bench (``onceonly keys create --rate``);
3. ``onceonly serve --workers N`` on a free loopback port, waits for ``/ready``;
4. a load generator in a separate process: ``wrk`` (when installed: ``apt-get install wrk``),
   else a pool of httpx processes. Requests mix cache hits (a fixed pool of
   procedure x applicant bodies) and misses (a random evaluation day per request,
   with probability ``--miss-rate``) over every procedure code the server knows;
5. prints throughput, p50/p99 latency, errors, and the RSS of every worker sampled
   over the run (flat = no leak; the decision caches are bounded).

``--officer``: an officer runs analysis calls alongside the portal load, back to back,
each on a day no one asked before (reports, graph, source impact, rank-sources,
simulations; every third call repeats an earlier question, answered from the store),
asking with ``Prefer: respond-async`` and polling as the progress answer says. With
``--analysis-node separate`` (the default) they go to a second ``onceonly serve --role
analysis --workers 1`` started under ``nice -n 10`` on the same store, and the portal
server runs ``--role portal``; ``same`` sends them to the portal server itself.

``--soak SECONDS``: the same load for SECONDS (600: ten minutes), worker RSS sampled
every 10 s, and the growth after the first minute reported per worker.

Target (issue 6, 2 cores): >= 3,000 evaluations/s, p99 <= 20 ms, RSS flat.
Target (issue 12, with ``--officer``): >= 4,000 evaluations/s, portal p99 <= 25 ms, no
errors; soak: worker RSS growth <= 20 MB after the first minute.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named http.py: drop its folder from the path, or it would shadow
# the standard library's ``http`` package for everything imported below.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

REPO = Path(__file__).resolve().parents[1]
ATTRIBUTES = {
    "nationality": ["vn", "foreign", None],
    "vneid": ["level2", "level1", None],
    "by-proxy": ["no", "yes", None],
}


def portal_data() -> Path:
    return Path(os.environ.get("ONCEONLY_PORTAL_DATA") or REPO.parent / "shared" / "data" / "portal-2026")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(argv: list[str], env: dict) -> str:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv[:3])} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def wait_ready(base: str, timeout: float = 180) -> dict:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            r = httpx.get(base + "/api/v1/ready", timeout=2)
            if r.status_code == 200:
                return r.json()
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    sys.exit("the server did not become ready")


def worker_pids(parent: int) -> list[int]:
    """Children of the uvicorn parent (the workers)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                try:
                    cmdline = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if b"resource_tracker" not in cmdline:  # multiprocessing's helper, not a worker
                    pids.append(int(entry.name))
    return sorted(pids)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class RssSampler(threading.Thread):
    def __init__(self, pids: list[int], every: float):
        super().__init__(daemon=True)
        self.pids, self.every = pids, every
        self.samples: list[tuple[float, list[float]]] = []
        self.stop = threading.Event()
        self.t0 = time.monotonic()

    def run(self) -> None:
        while not self.stop.is_set():
            self.samples.append((time.monotonic() - self.t0, [rss_mb(p) for p in self.pids]))
            self.stop.wait(self.every)


def hit_bodies(codes: list[str], n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    bodies = []
    for _ in range(n):
        applicant = {k: v for k, vals in ATTRIBUTES.items() if (v := rnd.choice(vals)) is not None}
        bodies.append({"procedure": rnd.choice(codes), "applicant": applicant, "as_of": "2026-06-01"})
    return bodies


# --------------------------------------------------------------------------- wrk


def lua_script(bodies: list[dict], codes: list[str], token: str, miss_rate: float, delay_ms: float = 0.0) -> str:
    """A wrk script: hits from a fixed pool, misses with a random day (2000-2049);
    with ``delay_ms`` each connection pauses between requests (a paced load)."""
    quote = lambda s: json.dumps(s)  # noqa: E731 - JSON strings are valid Lua strings here
    pool = ",\n".join(quote(json.dumps(b, separators=(",", ":"))) for b in bodies)
    code_list = ",".join(quote(c) for c in codes)
    return f"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = {quote(token)}
local pool = {{ {pool} }}
local codes = {{ {code_list} }}
local miss = {miss_rate}
local n = 0
function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init(args) math.randomseed(seed) end
function request()
  n = n + 1
  if math.random() < miss then
    local body = string.format('{{"procedure":"%s","applicant":{{"nationality":"vn"}},"as_of":"%04d-%02d-%02d"}}',
      codes[math.random(#codes)], math.random(2000, 2049), math.random(1, 12), math.random(1, 28))
    return wrk.format(nil, "/api/v1/evaluations", nil, body)
  end
  return wrk.format(nil, "/api/v1/evaluations", nil, pool[math.random(#pool)])
end
""" + (f"function delay() return {delay_ms:.3f} end\n" if delay_ms > 0 else "")


def parse_ms(text: str) -> float:
    text = text.strip()
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)


def run_wrk(base: str, script: Path, seconds: float, connections: int, threads: int, processes: int = 1) -> dict:
    """``wrk`` for ``seconds``; with ``processes`` > 1, that many wrk processes sharing the
    connections, started 0.5 s apart (see ``--wrk-processes``), figures summed (rates,
    requests, errors) or the worst of them (p50, p99: conservative)."""
    if processes > 1:
        parts: list[dict] = []
        threads_ = []
        for i in range(processes):
            share = connections // processes + (i < connections % processes)
            t = threading.Thread(target=lambda n=share: parts.append(run_wrk(base, script, seconds, n, threads)))
            t.start()
            threads_.append(t)
            time.sleep(0.5)
        for t in threads_:
            t.join()
        merged = {"tool": "wrk", "processes": processes, "raw": "\n".join(p.get("raw", "") for p in parts)}
        for key in ("rps", "requests", "non_2xx"):
            merged[key] = sum(p.get(key, 0) for p in parts)
        for key in ("p50_ms", "p75_ms", "p90_ms", "p99_ms"):
            merged[key] = max(p.get(key, float("nan")) for p in parts)
        return merged
    argv = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds:g}s", "--latency", "-s", str(script), base]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60).stdout
    result = {"tool": "wrk", "raw": out}
    for line in out.splitlines():
        parts = line.split()
        if line.strip().startswith(("50%", "75%", "90%", "99%")):
            result[f"p{parts[0].rstrip('%')}_ms"] = parse_ms(parts[1])
        elif line.startswith("Requests/sec:"):
            result["rps"] = float(parts[1])
        elif "requests in" in line:
            result["requests"] = int(parts[0])
        elif line.strip().startswith("Non-2xx"):
            result["non_2xx"] = int(parts[-1])
        elif line.strip().startswith("Socket errors"):
            result["socket_errors"] = line.strip()
    result.setdefault("non_2xx", 0)
    return result


# --------------------------------------------------------------------------- httpx fallback


def _httpx_client(args: tuple) -> list[float]:
    import asyncio

    import httpx

    base, token, bodies, codes, miss_rate, seconds, concurrency, seed = args
    rnd = random.Random(seed)
    latencies: list[float] = []
    errors = 0

    async def one(client: httpx.AsyncClient, deadline: float) -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            if rnd.random() < miss_rate:
                day = f"{rnd.randint(2000, 2049):04d}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
                body = {"procedure": rnd.choice(codes), "applicant": {"nationality": "vn"}, "as_of": day}
            else:
                body = rnd.choice(bodies)
            t = time.perf_counter()
            r = await client.post("/api/v1/evaluations", json=body)
            latencies.append(time.perf_counter() - t)
            errors += r.status_code != 200

    async def main() -> None:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(base_url=base, headers={"X-API-Key": token}, limits=limits, timeout=30) as client:
            deadline = time.monotonic() + seconds
            await asyncio.gather(*(one(client, deadline) for _ in range(concurrency)))

    asyncio.run(main())
    return latencies + [-1.0] * errors  # errors marked as negative latencies


def run_httpx(base, token, bodies, codes, miss_rate, seconds, connections, processes) -> dict:
    from multiprocessing import Pool

    per = max(1, connections // processes)
    with Pool(processes) as pool:
        parts = pool.map(_httpx_client, [(base, token, bodies, codes, miss_rate, seconds, per, i) for i in range(processes)])
    values = [v for part in parts for v in part]
    ok = sorted(v for v in values if v >= 0)
    pct = lambda q: ok[min(len(ok) - 1, int(q * len(ok)))] * 1000 if ok else float("nan")  # noqa: E731
    return {"tool": "httpx", "requests": len(values), "rps": len(values) / seconds, "p50_ms": pct(0.5), "p99_ms": pct(0.99), "non_2xx": len(values) - len(ok)}


# --------------------------------------------------------------------------- the officer


class Officer(threading.Thread):
    """One officer asking analysis questions back to back, each on a new day (the
    costly case: nothing computed yet), every third one a repeat (from the store)."""

    QUESTIONS = (
        ("GET", "/api/v1/reports/unnecessary", {"limit": 0}),
        ("GET", "/api/v1/reports/burden", {"limit": 0}),
        ("GET", "/api/v1/graph/dependencies", {}),
        ("GET", "/api/v1/graph/sources/population/impact", {"change": "offline"}),
        ("POST", "/api/v1/simulations", {}),
        ("GET", "/api/v1/graph/rank-sources", {}),
    )

    def __init__(self, base: str, token: str):
        super().__init__(daemon=True)
        self.base, self.token = base, token
        self.stop = threading.Event()
        self.calls: list[tuple[str, float, int]] = []  # (path, seconds, final status)
        self.errors: list[str] = []
        self.accepted = 0  # 202 progress answers seen

    def run(self) -> None:
        import httpx

        day = 0
        asked: list[tuple] = []
        headers = {"X-API-Key": self.token, "Prefer": "respond-async"}
        with httpx.Client(base_url=self.base, headers=headers, timeout=600) as client:
            n = 0
            while not self.stop.is_set():
                if n % 3 == 2 and asked:
                    question = asked[(n // 3) % len(asked)]
                else:
                    day += 1
                    method, path, params = self.QUESTIONS[len(asked) % len(self.QUESTIONS)]
                    on = f"{2000 + day // 300:04d}-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}"
                    question = (method, path, params, on)
                    asked.append(question)
                n += 1
                self._ask(client, *question)

    def _ask(self, client, method: str, path: str, params: dict, on: str) -> None:
        started = time.monotonic()
        try:
            if method == "POST":
                r = client.post(path, json={"scenario": "population-outage", "as_of": on})
            else:
                r = client.get(path, params={**params, "as_of": on})
            while r.status_code == 202 and not self.stop.is_set():
                self.accepted += 1
                self.stop.wait(min(1.0, float(r.headers.get("Retry-After", "1"))))
                r = client.get(r.json()["poll"])
        except Exception as exc:  # noqa: BLE001 - counted, the bench goes on
            self.errors.append(f"{path}: {type(exc).__name__}")
            return
        if self.stop.is_set() and r.status_code == 202:
            return  # the run ended first
        self.calls.append((path, time.monotonic() - started, r.status_code))
        if r.status_code != 200:
            self.errors.append(f"{path}: {r.status_code} {r.text[:200]}")

    def figures(self) -> dict:
        times = sorted(t for _, t, _ in self.calls)
        return {
            "calls": len(self.calls),
            "progress_answers": self.accepted,
            "errors": len(self.errors),
            "first_errors": self.errors[:3],
            "p50_s": round(times[len(times) // 2], 2) if times else None,
            "max_s": round(times[-1], 2) if times else None,
        }


def growth(samples: list[tuple[float, list[float]]], after: float = 60.0) -> list[dict]:
    """Per worker: RSS at the first sample ``after`` seconds in, at the end, and the largest
    rise over it (the soak's figure: bounded caches fill during the first minute)."""
    later = [s for s in samples if s[0] >= after]
    if not later:
        return []
    out = []
    for i, base in enumerate(later[0][1]):
        series = [s[1][i] for s in later]
        out.append({"at_1_min_mb": round(base, 1), "end_mb": round(series[-1], 1),
                    "growth_mb": round(max(series) - base, 1), "end_growth_mb": round(series[-1] - base, 1)})
    return out


def start_server(onceonly: list[str], env: dict, home: Path, port: int, workers: int, role: str, access_log: bool,
                 nice: int = 0, name: str = "server", reuse_port: bool = False) -> subprocess.Popen:
    argv = onceonly + ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                       "--log-level", "warning", "--role", role]
    if reuse_port:
        argv.append("--reuse-port")
    if not access_log:
        argv.append("--no-access-log")
    if nice:
        argv = ["nice", "-n", str(nice), *argv]
    log = open(home / f"{name}.log", "wb")
    return subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)


def stop_server(server: subprocess.Popen | None) -> None:
    if server is not None and server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)  # our own process group only
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


# --------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--quick", action="store_true", help="a 15 s run")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--miss-rate", type=float, default=0.1, help="share of requests that miss the decision cache")
    ap.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="paced load: each connection waits connections/RATE s after each answer (wrk only), so the rate reached "
        "is connections/(wait + latency), below RATE; 0 (the default) = as fast as possible, i.e. the throughput",
    )
    ap.add_argument("--hit-pool", type=int, default=2000, help="distinct cached bodies")
    ap.add_argument("--no-import", action="store_true", help="curated catalogue only")
    ap.add_argument("--no-access-log", action="store_true")
    ap.add_argument("--reuse-port", action="store_true", help="serve --reuse-port: a listening socket per worker")
    ap.add_argument("--tool", choices=("auto", "wrk", "httpx"), default="auto")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--officer", action="store_true", help="an officer runs analysis calls alongside")
    ap.add_argument(
        "--analysis-node",
        choices=("separate", "same"),
        default="separate",
        help="separate: the officer asks a `--role analysis` node (1 worker, nice 10) on the same store; "
        "same: the portal server itself",
    )
    ap.add_argument(
        "--wrk-processes",
        type=int,
        default=1,
        help="split the connections over N wrk processes started 0.5 s apart: one burst of connections "
        "is accepted by one uvicorn worker (they share one listening socket), a later burst mostly by "
        "the idle one; p50/p99 are then the worst of the processes",
    )
    ap.add_argument("--soak", type=float, default=0.0, metavar="SECONDS",
                    help="run SECONDS (e.g. 600), sample worker RSS every 10 s, report the growth after the first minute")
    args = ap.parse_args()
    seconds = args.soak or (15.0 if args.quick else args.seconds)
    load_at_start = os.getloadavg()  # the machine's load before anything of ours runs
    tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "httpx")

    home = Path(tempfile.mkdtemp(prefix="onceonly-bench-http-"))
    env = {**os.environ, "ONCEONLY_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    for var in ("ONCEONLY_DATABASE_URL", "ONCEONLY_CATALOGUE"):
        env.pop(var, None)
    onceonly = [sys.executable, "-c", "from engine.cli import main; main()"]
    server = analysis_server = officer = None
    separate = args.officer and args.analysis_node == "separate"
    try:
        data = portal_data()
        imported = False
        if not args.no_import and data.is_dir():
            print(f"importing {data} ...", file=sys.stderr)
            run(onceonly + ["import", str(data), "--format", "json"], env)
            imported = True
        token = json.loads(run(onceonly + ["keys", "create", "bench portal", "--role", "portal", "--rate", "1000000", "--format", "json"], env))["token"]
        officer_token = json.loads(run(onceonly + ["keys", "create", "bench officer", "--role", "officer", "--rate", "1000", "--format", "json"], env))["token"]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        server = start_server(onceonly, env, home, port, args.workers, "portal" if separate else "all", not args.no_access_log,
                              reuse_port=args.reuse_port)
        ready = wait_ready(base)
        # /ready names the catalogue only for an admin key: the portal key reads /catalogue.
        print(f"server ready in {time.monotonic() - started:.1f} s ({ready.get('status')})", file=sys.stderr)
        analysis_base = base
        if separate:
            analysis_port = free_port()
            analysis_base = f"http://127.0.0.1:{analysis_port}"
            analysis_server = start_server(onceonly, env, home, analysis_port, 1, "analysis", not args.no_access_log,
                                           nice=10, name="analysis")
            wait_ready(analysis_base)
            print("analysis node ready (--role analysis, 1 worker, nice 10)", file=sys.stderr)

        import httpx

        h = {"X-API-Key": token}
        codes, offset = [], 0
        while True:
            page = httpx.get(f"{base}/api/v1/procedures", params={"limit": 500, "offset": offset}, headers=h, timeout=30).json()
            codes += [p["code"] for p in page["items"]]
            offset += 500
            if offset >= page["total"]:
                break
        bodies = hit_bodies(codes, args.hit_pool)
        for body in bodies * 2:  # warm the hit pool on both workers (new connections spread over them)
            for attempt in range(5):
                try:
                    httpx.post(f"{base}/api/v1/evaluations", json=body, headers=h, timeout=30)
                    break
                except httpx.TransportError:
                    time.sleep(0.2)

        pids = worker_pids(server.pid)
        # One worker: uvicorn serves in the process itself (``nice`` execs it), no children.
        analysis_pids = (worker_pids(analysis_server.pid) or [analysis_server.pid]) if analysis_server is not None else []
        sampler = RssSampler(pids + analysis_pids, every=10.0 if args.soak else max(1.0, seconds / 12))
        sampler.start()
        if args.officer:
            officer = Officer(analysis_base, officer_token)
            officer.start()
        if tool == "wrk":
            script = home / "bench.lua"
            delay = args.connections / args.rate * 1000 if args.rate > 0 else 0.0
            script.write_text(lua_script(bodies, codes, token, args.miss_rate, delay))
            result = run_wrk(base, script, seconds, args.connections, threads=1, processes=args.wrk_processes)
        else:
            result = run_httpx(base, token, bodies, codes, args.miss_rate, seconds, args.connections, processes=2)
        sampler.stop.set()
        sampler.join()
        if officer is not None:
            officer.stop.set()
            officer.join(timeout=60)
        result.pop("raw", None)
        rss = {str(pid): [round(s[1][i], 1) for s in sampler.samples] for i, pid in enumerate(pids + analysis_pids)}
        roles = {str(pid): "portal" if pid in pids else "analysis" for pid in pids + analysis_pids}
        figures = {
            "tool": tool,
            "seconds": seconds,
            "workers": args.workers,
            "connections": args.connections,
            "wrk_processes": args.wrk_processes if tool == "wrk" else None,
            "miss_rate": args.miss_rate,
            "offered_rate": args.rate if tool == "wrk" and args.rate > 0 else None,
            "procedures": len(codes),
            "imported": imported,
            "access_log": not args.no_access_log,
            **result,
            "officer": officer.figures() if officer is not None else None,
            "analysis_node": (args.analysis_node if args.officer else None),
            "load_at_start": load_at_start,
            "load_at_end": os.getloadavg(),  # 1, 5, 15 min: the last minute includes the bench itself
            "rss_mb": rss,
            "rss_roles": roles,
            "rss_growth_after_1_min": dict(zip(rss, growth(sampler.samples))) if seconds >= 70 else None,
        }
        if args.json:
            print(json.dumps(figures, indent=2))
        else:
            print(
                f"{tool}: {figures.get('requests', 0):,} evaluations in {seconds:g} s over {len(codes):,} procedures "
                f"({'curated + imported' if imported else 'curated'}), {args.connections} connections, "
                f"{args.miss_rate:.0%} cache misses, "
                f"{'offered ' + format(args.rate, ',.0f') + '/s' if figures['offered_rate'] else 'saturation'}\n"
                f"throughput {figures.get('rps', 0):,.0f} evaluations/s; latency p50 {figures.get('p50_ms', float('nan')):.2f} ms, "
                f"p99 {figures.get('p99_ms', float('nan')):.2f} ms; non-2xx {figures['non_2xx']}"
            )
            print(f"load average (1 min) before the bench {load_at_start[0]:.2f}, at its end {figures['load_at_end'][0]:.2f}")
            if officer is not None:
                o = figures["officer"]
                print(
                    f"officer ({args.analysis_node} node): {o['calls']} analysis answers (p50 {o['p50_s']} s, max {o['max_s']} s), "
                    f"{o['progress_answers']} progress answers polled, {o['errors']} errors {o['first_errors'] or ''}"
                )
            for pid, series in rss.items():
                print(f"{roles[pid]} worker {pid} RSS MB over the run: {' '.join(f'{v:.0f}' for v in series)}")
            for pid, g in (figures["rss_growth_after_1_min"] or {}).items():
                print(f"{roles[pid]} worker {pid}: {g['at_1_min_mb']:.0f} MB at 1 min, {g['end_mb']:.0f} MB at the end, "
                      f"largest rise after the first minute {g['growth_mb']:+.1f} MB")
        if args.officer:
            errors = figures["non_2xx"] + (figures["officer"]["errors"] if figures["officer"] else 0)
            target = figures.get("rps", 0) >= 4000 and figures.get("p99_ms", 1e9) <= 25 and errors == 0
            print(f"target with an officer alongside (>= 4,000/s, portal p99 <= 25 ms, no errors): {'met' if target else 'MISSED'}",
                  file=sys.stderr)
        else:
            target = figures.get("rps", 0) >= 3000 and figures.get("p99_ms", 1e9) <= 20 and figures["non_2xx"] == 0
            print(f"target (>= 3,000/s, p99 <= 20 ms, no errors): {'met' if target else 'MISSED'}", file=sys.stderr)
        if figures["rss_growth_after_1_min"]:
            worst = max(g["growth_mb"] for g in figures["rss_growth_after_1_min"].values())
            print(f"soak target (RSS growth <= 20 MB after the first minute): {'met' if worst <= 20 else 'MISSED'} "
                  f"(largest {worst:+.1f} MB)", file=sys.stderr)
        return 0
    except BaseException:
        for name in ("server", "analysis"):
            log_file = home / f"{name}.log"
            if log_file.exists():
                print(f"{name} log (tail):\n" + log_file.read_text(errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        if officer is not None:
            officer.stop.set()
        stop_server(server)
        stop_server(analysis_server)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
