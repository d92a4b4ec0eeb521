"""``onceonly check``, ``procedures`` and ``sources``: look at the catalogue."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    AsOfOpt,
    CatalogueOpt,
    Format,
    FormatOpt,
    LangOpt,
    as_date,
    day_text,
    emit_json,
    err,
    guarded,
    load,
    more,
    out,
    say,
)


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def check(
        catalogue: CatalogueOpt = None,
        lang: LangOpt = "vi",
        format: FormatOpt = Format.table,
    ) -> None:
        """Validate the catalogue: every error with its file, line and field; exit 1 on any."""
        from ..compiler import compile_template, template_key
        from ..errors import RulesetLimitError
        from ..selection import select_catalogue

        selected = select_catalogue(catalogue)
        cat = selected.catalogue
        errors = [e.as_dict() for e in selected.errors]
        keys = {template_key(cat, d) for d in cat.documents}
        # Appendix rows join the template of their own procedures.
        for rule in cat.rules.values():
            for code in rule.procedures if rule.status == "in_force" else ():
                for d in cat.rule_document_types(rule):
                    keys.add(tuple(sorted(template_key(cat, d, code=code))))
        for key in sorted(keys):
            try:
                compile_template(cat, key)
            except RulesetLimitError as exc:
                errors.append({"file": "rules", "line": None, "field": ",".join(key), "message": str(exc)})
        counts = {
            "procedures": len(cat.procedures),
            "documents": len(cat.documents),
            "sources": len(cat.sources),
            "rules": len(cat.rules),
            "templates": len(keys),
        }
        if format is Format.json:
            emit_json({"ok": not errors, "counts": counts, "errors": errors})
        else:
            for e in errors:
                where = e["file"] + (f":{e['line']}" if e["line"] else "")
                err.print(f"{where}: {e['field'] + ': ' if e['field'] else ''}{e['message']}", highlight=False, markup=False)
            verdict = say("check_failed" if errors else "check_ok", lang)
            (err if errors else out).print(f"{verdict}: {say('check_counts', lang, errors=len(errors), **counts)}", highlight=False)
        if errors:
            raise typer.Exit(1)

    @app.command()
    @guarded
    def procedures(
        query: Annotated[str | None, typer.Argument(help="Words or a code to search for (diacritics optional).")] = None,
        ministry: Annotated[str | None, typer.Option(help="Ministry id, e.g. bo-tu-phap.")] = None,
        field: Annotated[str | None, typer.Option(help="Field (lĩnh vực), e.g. Hộ tịch.")] = None,
        level: Annotated[str | None, typer.Option(help="ministry | province | commune | other")] = None,
        origin: Annotated[str | None, typer.Option(help="curated | imported")] = None,
        limit: Annotated[int, typer.Option(help="At most this many rows (the total is always said).")] = 50,
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Search procedures by code or words, best matches first (full-text search of the
        database: SQLite FTS5 or PostgreSQL), or list them with filters."""
        from rich.table import Table

        from ..queries import search
        from ..reports.labels import LEVELS, ORIGINS, label

        cat = load(catalogue, quiet=format is Format.json).catalogue
        rows = search(cat, query, ministry, field, level, origin)
        total = len(rows)
        rows = rows[: max(limit, 0)]
        if format is Format.json:
            emit_json({"total": total, "items": rows})
            return
        if not rows:
            out.print(say("pr_none", lang), highlight=False)
            return
        table = Table()
        for key in ("pr_code", "pr_name", "pr_ministry", "pr_level", "pr_field", "pr_requirements", "pr_origin"):
            table.add_column(say(key, lang), overflow="fold")
        for r in rows:
            name = r["name"] if lang == "vi" else (r["name_en"] or r["name"])
            table.add_row(
                r["code"], name, cat.agency_name(r["ministry"], lang), ", ".join(label(LEVELS, v, lang) for v in r["level"]),
                r["field"] or "", str(r["requirements"]), label(ORIGINS, r["origin"], lang),
            )
        out.print(table)
        if total > len(rows):
            more(len(rows), total, lang, "procedures_word")
        else:
            out.print(say("pr_count", lang, total=total), highlight=False)
        if query:
            out.print(f"[dim]{say('pr_ranked', lang)}[/dim]", highlight=False)

    @app.command()
    @guarded
    def sources(
        as_of: AsOfOpt = None,
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """The shared databases: owner, documents replaced, announcement, coverage, status."""
        import datetime as dt

        from rich.table import Table

        from ..queries import source_row
        from ..reports.labels import QUALITY, SOURCE_STATUS, applicant_words, label

        cat = load(catalogue, quiet=format is Format.json).catalogue
        day = as_date(as_of)
        rows = [source_row(cat, s, day) for s in sorted(cat.sources.values(), key=lambda s: s.id)]
        if format is Format.json:
            emit_json(rows)
            return
        table = Table()
        for key in ("src_id", "src_name", "src_owner", "src_replaces", "src_announced", "src_coverage", "src_quality", "src_status"):
            table.add_column(say(key, lang), overflow="fold")
        for r in rows:
            name = r["name"]["vi"] if lang == "vi" else (r["name"]["en"] or r["name"]["vi"])
            if r["proposed"]:
                name += " " + say("src_proposed", lang)
            cov = "; ".join(applicant_words({c["attribute"]: v}, lang) for c in r["coverage"] for v in c["values"] or ["—"]) or say("src_all", lang)
            replaces = ", ".join(cat.documents[d].name.vi if lang == "vi" and d in cat.documents else d for d in r["replaces"])
            announced = day_text(dt.date.fromisoformat(r["announced"]), lang) if r["announced"] else say("src_not_announced", lang)
            table.add_row(
                r["id"], name, cat.agency_name(r["owner"], lang), replaces, announced, cov,
                label(QUALITY, r["quality"], lang) if r["quality"] else "—", label(SOURCE_STATUS, r["status"], lang),
            )
        out.print(table)
