"""``onceonly evaluate``: one procedure, one applicant, one date."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.table import Table

from ..evaluator import Engine
from ..models import Evaluation
from .common import AsOfOpt, CatalogueOpt, Format, FormatOpt, as_date, emit_json, fail, guarded, load, out

STATUS_STYLE = {"struck": "green", "replaced": "cyan", "required": "yellow", "not_applicable": "dim"}


def read_applicant(path: Path | None) -> tuple[dict, str | None]:
    """Applicant attributes (and an optional ``channel``) from a JSON file."""
    if path is None:
        return {}, None
    try:
        data = orjson.loads(path.read_bytes())
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror}")
    except orjson.JSONDecodeError as exc:
        fail(f"{path}: not valid JSON: {exc}")
    if not isinstance(data, dict):
        fail(f"{path}: expected a JSON object of applicant attributes")
    channel = data.pop("channel", None)
    return data, channel


def parse_statuses(values: list[str] | None) -> dict[str, str]:
    statuses = {}
    for item in values or []:
        if "=" not in item:
            fail(f"--source-status takes id=status, got {item!r}")
        key, value = item.split("=", 1)
        statuses[key.strip()] = value.strip()
    return statuses


def render(ev: Evaluation, lang: str) -> None:
    out.print(f"[bold]{ev.procedure}[/bold] {ev.procedure_name} — as of {ev.as_of.isoformat()}", highlight=False)
    table = Table(show_lines=False)
    for col in ("requirement", "status", "document types", "source", "copies avoided", "why"):
        table.add_column(col, overflow="fold")
    for d in ev.decisions:
        status = d.status.value + (" (if " + ", ".join(f"{k}={'/'.join(v)}" for k, v in d.struck_if.items()) + ")" if d.struck_if else "")
        table.add_row(
            d.requirement.id,
            f"[{STATUS_STYLE[d.status.value]}]{status}[/]",
            ", ".join(d.document_types) or "—",
            d.source or "—",
            str(d.copies_avoided),
            getattr(d.explanation, lang),
        )
    out.print(table)
    s = ev.summary
    out.print(
        f"{s.struck} struck, {s.replaced} replaced, {s.required} required ({s.conditional} conditional), "
        f"{s.not_applicable} not applicable; copies {s.copies_before} -> {s.copies_after}",
        highlight=False,
    )
    if ev.missing_attributes:
        out.print(f"Ask the applicant: {', '.join(ev.missing_attributes)} (would change a decision)", highlight=False)
    out.print(f"[dim]catalogue {ev.catalogue_version} · rules {ev.rules_version} · {ev.engine_version}[/dim]")


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def evaluate(
        code: Annotated[str, typer.Argument(help="Procedure code, e.g. 1.001193.")],
        as_of: AsOfOpt = None,
        applicant: Annotated[Path | None, typer.Option("--applicant", help="JSON file of applicant attributes.")] = None,
        source_status: Annotated[
            list[str] | None, typer.Option("--source-status", help="Override a source's status, e.g. population=offline.")
        ] = None,
        channel: Annotated[str | None, typer.Option("--channel", help="online | in_person | post")] = None,
        lang: Annotated[str, typer.Option("--lang", help="vi | en")] = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Decide which documents of procedure CODE are still required, and why."""
        attrs, file_channel = read_applicant(applicant)
        selected = load(catalogue, quiet=format is Format.json)
        engine = Engine(selected.catalogue)
        ev = engine.evaluate(code, attrs, as_of_date(as_of), parse_statuses(source_status), channel or file_channel)
        if format is Format.json:
            emit_json(ev.model_dump(mode="json"))
        else:
            render(ev, "en" if lang == "en" else "vi")


def as_of_date(value):
    return as_date(value)
