"""``onceonly law appendices``: Res. 66.7's Appendices I and II into rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import Format, FormatOpt, LangOpt, emit_json, err, fail, guarded, out, say

law_app = typer.Typer(help="Law tables the Government publishes, read into rules.", no_args_is_help=True)

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "res-66-7"


def register(app: typer.Typer) -> None:
    app.add_typer(law_app, name="law")


@law_app.command("appendices")
@guarded
def appendices(
    data: Annotated[Path, typer.Argument(help="Folder of appendix-1.csv and appendix-2.csv.")] = DEFAULT_DATA,
    procedures: Annotated[Path, typer.Option("--procedures", help="The procedures/ tree to read sources and documents from and write rules to.")] = Path(__file__).resolve().parents[2] / "procedures",
    check: Annotated[bool, typer.Option("--check", help="Only report; exit 1 if the written files differ from what the data gives.")] = False,
    lang: LangOpt = "vi",
    format: FormatOpt = Format.table,
) -> None:
    """Turn the appendix rows into dated rules in procedures/rules/, and list every row
    that could not be mapped, with its reason (nothing is guessed or dropped silently)."""
    from ..importer import shipped_recogniser
    from ..law.appendices import ROMAN, build_appendix, load_params, write_build
    from ..loading import load_catalogue

    if not data.is_dir():
        fail(f"{data}: not a folder (expected the res-66-7 appendix CSVs)")
    cat = load_catalogue(procedures).catalogue
    params = load_params(procedures)
    recogniser = shipped_recogniser()
    builds = []
    for appendix in params["appendices"]:
        try:
            builds.append(build_appendix(appendix, data, params, cat.sources, recogniser))
        except FileNotFoundError as exc:
            fail(f"{exc.filename}: missing appendix file")
    stale = []
    for build in builds:
        target = procedures / "rules" / f"res-66-7-appendix-{ROMAN[build.appendix]}.yaml"
        if check:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                fresh = write_build(build, Path(tmp)).read_text(encoding="utf-8")
            if not target.exists() or target.read_text(encoding="utf-8") != fresh:
                stale.append(str(target))
        else:
            write_build(build, procedures / "rules")
    summary = [
        {
            "appendix": b.appendix,
            "rows": b.rows,
            "encoded": b.encoded,
            "databases_mapped": b.databases_mapped,
            "documents_recognised": b.documents_recognised,
            "unmapped": [p.as_dict() for p in b.problems],
        }
        for b in builds
    ]
    if format is Format.json:
        emit_json({"appendices": summary, "stale": stale})
    else:
        for b in builds:
            out.print(
                say("law_line", lang, appendix=b.appendix, encoded=b.encoded, rows=b.rows, databases=b.databases_mapped, documents=b.documents_recognised),
                highlight=False,
            )
            for p in b.problems:
                out.print(f"  - {p}", highlight=False, markup=False)
        for s in stale:
            err.print(say("law_stale", lang, path=s), highlight=False)
    if stale:
        raise typer.Exit(1)
