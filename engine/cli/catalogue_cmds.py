"""``onceonly check``, ``procedures`` and ``sources``: look at the catalogue."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from ..selection import select_catalogue
from ..queries import search, source_row
from .common import AsOfOpt, CatalogueOpt, Format, FormatOpt, as_date, emit_json, err, guarded, load, out


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def check(
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Validate the catalogue: every error with its file, line and field; exit 1 on any."""
        selected = select_catalogue(catalogue)
        cat = selected.catalogue
        from ..compiler import compile_template, template_key
        from ..errors import RulesetLimitError

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
            summary = ", ".join(f"{v} {k}" for k, v in counts.items())
            (err if errors else out).print(f"{'FAILED' if errors else 'OK'}: {summary}; {len(errors)} error(s)", highlight=False)
        if errors:
            raise typer.Exit(1)

    @app.command()
    @guarded
    def procedures(
        query: Annotated[str | None, typer.Argument(help="Words or a code to search for.")] = None,
        ministry: Annotated[str | None, typer.Option(help="Ministry id, e.g. bo-tu-phap.")] = None,
        field: Annotated[str | None, typer.Option(help="Field (lĩnh vực), e.g. Hộ tịch.")] = None,
        level: Annotated[str | None, typer.Option(help="ministry | province | commune | other")] = None,
        origin: Annotated[str | None, typer.Option(help="curated | imported")] = None,
        limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """List or search procedures by code or words (diacritics optional)."""
        cat = load(catalogue, quiet=format is Format.json).catalogue
        rows = search(cat, query, ministry, field, level, origin)
        total = len(rows)
        rows = rows[:limit]
        if format is Format.json:
            emit_json({"total": total, "items": rows})
            return
        table = Table()
        for col in ("code", "name", "ministry", "level", "field", "requirements", "origin"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(r["code"], r["name"], r["ministry"], ", ".join(r["level"]), r["field"] or "", str(r["requirements"]), r["origin"])
        out.print(table)
        out.print(f"{len(rows)} of {total} procedure(s)")

    @app.command()
    @guarded
    def sources(
        as_of: AsOfOpt = None,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """The shared databases: owner, documents replaced, announcement, coverage, status."""
        cat = load(catalogue, quiet=format is Format.json).catalogue
        day = as_date(as_of)
        rows = [source_row(cat, s, day) for s in sorted(cat.sources.values(), key=lambda s: s.id)]
        if format is Format.json:
            emit_json(rows)
            return
        table = Table()
        for col in ("id", "name", "owner", "replaces", "announced", "coverage", "quality", "status"):
            table.add_column(col, overflow="fold")
        for r in rows:
            cov = "; ".join(f"{c['attribute']} in {'/'.join(c['values'] or ['—'])}" for c in r["coverage"]) or "all"
            table.add_row(r["id"], r["name"]["en"], r["owner"], ", ".join(r["replaces"]), r["announced"] or "not announced", cov, r["quality"] or "—", r["status"])
        out.print(table)
