"""Routers for parts that land in their own issues (reports, graph, simulation).

Each is mounted only when its engine module can be imported, so the API
works (and its schema stays honest) before they exist.
"""

from __future__ import annotations

import importlib

from fastapi import APIRouter

#: (router module in api.routers, engine module it needs)
OPTIONAL = (
    ("reports", "engine.reports"),
    ("graph", "engine.graph"),
    ("simulations", "engine.simulation"),
)


def routers() -> list[APIRouter]:
    found = []
    for name, needs in OPTIONAL:
        try:
            importlib.import_module(needs)
            module = importlib.import_module(f"api.routers.{name}")
        except ModuleNotFoundError:
            continue
        found.append(module.router)
    return found
