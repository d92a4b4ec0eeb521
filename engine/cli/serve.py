"""``onceonly serve``: the HTTP API under uvicorn.

Options become ``ONCEONLY_*`` environment variables (read by
:class:`api.settings.Settings`), so with ``--workers N`` every worker process
builds the same app from ``api.main:app_factory``.
"""

from __future__ import annotations

import logging
import logging.config
import os
from enum import Enum
from typing import Annotated

import typer

from .common import CatalogueOpt


def _logging_config(level: str) -> dict:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "loggers": {
            "onceonly": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
        },
    }


def _reuse_port_worker(config_kwargs: dict, host: str, port: int) -> None:
    """One worker with a listening socket of its own (``SO_REUSEPORT``): the
    kernel spreads new connections over the workers' sockets, where one shared
    socket lets the worker that wakes first take a whole burst."""
    import signal
    import socket

    import uvicorn

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor stops us with SIGTERM
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    uvicorn.Server(uvicorn.Config(**config_kwargs)).run(sockets=[sock])


def _supervise(workers: int, config_kwargs: dict, host: str, port: int) -> None:
    """Start ``workers`` processes with sockets of their own; restart one that
    dies; stop them all on SIGINT or SIGTERM."""
    import multiprocessing
    import signal
    import time

    ctx = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    def start():
        proc = ctx.Process(target=_reuse_port_worker, args=(config_kwargs, host, port), daemon=False)
        proc.start()
        return proc

    procs = [start() for _ in range(workers)]
    logger = logging.getLogger("onceonly")
    while not stopping:
        time.sleep(0.2)
        for k, proc in enumerate(procs):
            if not proc.is_alive() and not stopping:
                logger.warning("worker %s exited (%s); starting another", proc.pid, proc.exitcode)
                procs[k] = start()
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    deadline = time.monotonic() + 15
    for proc in procs:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()


class Role(str, Enum):
    all = "all"
    portal = "portal"
    analysis = "analysis"


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port.")] = 8000,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes (they share state through the store).")] = 1,
        database: Annotated[str | None, typer.Option("--database", help="Store URL (keys, source status, KPIs).")] = None,
        access_log: Annotated[bool, typer.Option("--access-log/--no-access-log", help="Masked access log on stderr.")] = True,
        log_level: Annotated[str, typer.Option(help="debug | info | warning | error")] = "info",
        role: Annotated[
            Role,
            typer.Option(
                envvar="ONCEONLY_ROLE",
                help=(
                    "all | portal (evaluations; reports, graph and simulations answer 503 analysis_elsewhere) | "
                    "analysis (reports, graph, simulations; evaluations answer 503 portal_elsewhere)."
                ),
            ),
        ] = Role.all,
        catalogue: CatalogueOpt = None,
        reuse_port: Annotated[
            bool,
            typer.Option(
                "--reuse-port",
                help="With --workers N > 1 (Linux): each worker listens on a socket of its own (SO_REUSEPORT), "
                "so the kernel spreads connections over them; restarts a worker that dies.",
            ),
        ] = False,
    ) -> None:
        """Serve the HTTP API (OpenAPI at /docs)."""
        import uvicorn

        if catalogue:
            os.environ["ONCEONLY_CATALOGUE"] = catalogue
        if database:
            os.environ["ONCEONLY_DATABASE_URL"] = database
        os.environ["ONCEONLY_ACCESS_LOG"] = "true" if access_log else "false"
        os.environ["ONCEONLY_ROLE"] = role.value
        config = {
            "app": "api.main:app_factory",
            "factory": True,
            "access_log": False,  # ours is masked (api/middleware.py)
            "log_config": _logging_config(log_level.upper()),
            "log_level": log_level,
            "timeout_graceful_shutdown": 10,
        }
        if reuse_port and workers > 1:
            import socket

            if not hasattr(socket, "SO_REUSEPORT"):
                raise typer.BadParameter("this system has no SO_REUSEPORT", param_hint="--reuse-port")
            logging.config.dictConfig(_logging_config(log_level.upper()))
            _supervise(workers, config, host, port)
        else:
            uvicorn.run(host=host, port=port, workers=workers, **config)
        logging.shutdown()
