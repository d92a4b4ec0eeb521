"""``onceonly serve``: the HTTP API under uvicorn.

Options become ``ONCEONLY_*`` environment variables (read by
:class:`api.settings.Settings`), so with ``--workers N`` every worker process
builds the same app from ``api.main:app_factory``.
"""

from __future__ import annotations

import logging
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
    ) -> None:
        """Serve the HTTP API (OpenAPI at /docs)."""
        import uvicorn

        if catalogue:
            os.environ["ONCEONLY_CATALOGUE"] = catalogue
        if database:
            os.environ["ONCEONLY_DATABASE_URL"] = database
        os.environ["ONCEONLY_ACCESS_LOG"] = "true" if access_log else "false"
        os.environ["ONCEONLY_ROLE"] = role.value
        uvicorn.run(
            "api.main:app_factory",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            access_log=False,  # ours is masked (api/middleware.py)
            log_config=_logging_config(log_level.upper()),
            log_level=log_level,
            timeout_graceful_shutdown=10,
        )
        logging.shutdown()
