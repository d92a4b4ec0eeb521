"""The ``onceonly`` command line. Each command module registers itself here."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="onceonly",
    help="Which documents a Vietnamese administrative procedure no longer needs to ask for (Res. 66.7/2025/NQ-CP).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register() -> None:
    from . import catalogue_cmds, evaluate

    for module in (evaluate, catalogue_cmds):
        module.register(app)
    # Commands of later parts register when their modules are present.
    import importlib

    for name in ("importing", "reports", "graph", "simulate", "serve", "keys", "law"):
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(app)


_register()


def main() -> None:
    app()
