"""``onceonly report unnecessary|burden``: the reform officer's reports."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    AsOfOpt,
    CatalogueOpt,
    LangOpt,
    as_date,
    day_text,
    emit_json,
    err,
    fail,
    guarded,
    load,
    more,
    number_text,
    out,
    say,
)
from .evaluate import read_applicant, short

LEVELS = ("ministry", "province", "commune", "other")


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


MinistryOpt = Annotated[str | None, typer.Option("--ministry", help="Ministry id, e.g. bo-tu-phap.")]
FieldOpt = Annotated[str | None, typer.Option("--field", help="Field (lĩnh vực), e.g. 'Hộ tịch' (diacritics optional).")]
LevelOpt = Annotated[str | None, typer.Option("--level", help="ministry | province | commune | other")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source id, e.g. population.")]
ApplicantOpt = Annotated[Path | None, typer.Option("--applicant", help="JSON file of applicant attributes (default: none given).")]
ReportFormatOpt = Annotated[ReportFormat, typer.Option("--format", "-f", help="table | json | csv | xlsx")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Output file (xlsx default: <report>-<date>.xlsx; csv default: stdout).")]
LimitOpt = Annotated[int, typer.Option("--limit", help="Table format: at most this many rows (totals are always complete).")]


def build(kind: str, catalogue_spec, as_of, ministry, field, level, source, applicant, lang, quiet):
    """Evaluate the filtered procedures and build the report; returns (report, catalogue)."""
    from ..evaluator import Engine
    from ..reports import Filters, burden_report, unnecessary_report
    from ..reports.rows import select_procedures

    if level is not None and level not in LEVELS:
        fail(f"--level must be one of {', '.join(LEVELS)}")
    if lang not in ("vi", "en"):
        fail("--lang must be vi or en")
    attrs, _ = read_applicant(applicant)
    cat = load(catalogue_spec, quiet=quiet).catalogue
    if ministry is not None and ministry not in cat.agencies and ministry not in {p.ministry for p in cat.procedures.values()}:
        fail(f"unknown ministry {ministry!r}")
    if source is not None and source not in cat.sources:
        fail(f"unknown source {source!r}")
    filters = Filters(ministry=ministry, field=field, level=level, source=source)
    day = as_date(as_of)
    evaluations = Engine(cat).evaluate_all(day, attrs, codes=select_procedures(cat, filters))
    make = burden_report if kind == "burden" else unnecessary_report
    return make(evaluations, cat, day, filters, lang=lang), cat


def emit(report, cat, kind: str, format: ReportFormat, output: Path | None, lang: str, limit: int, csv=None, xlsx=None, table=None) -> None:
    """Write ``report`` in ``format``; ``csv``, ``xlsx`` and ``table`` replace the
    unnecessary-copies writers for another kind of report."""
    from ..reports import to_csv, to_xlsx

    if format is ReportFormat.json:
        data = report.as_dict()
        if output is not None:
            import orjson

            output.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))
            err.print(str(output))
        else:
            emit_json(data)
    elif format is ReportFormat.csv:
        text = (csv or to_csv)(report, lang)
        if output is not None:
            output.write_text(text, encoding="utf-8-sig")
            out.print(str(output), highlight=False)
        else:
            sys.stdout.write(text)
    elif format is ReportFormat.xlsx:
        path = output or Path(f"{kind}-{report.as_of.isoformat()}.xlsx")
        if xlsx is not None:
            xlsx(report, path, lang)
        else:
            to_xlsx(report, path, cat, lang)
        out.print(str(path), highlight=False)
    else:
        (table or render)(report, cat, lang, limit)


def _fmt(value, lang: str) -> str:
    return number_text(value, lang, 0) if value is not None else str(value)


def render(report, cat, lang: str, limit: int) -> None:
    """The report as tables: one row per paper that goes (the entry in its own words, the
    paper, the status, the condition, the database, the copies), then the totals."""
    from rich.table import Table

    from ..reports.export import is_burden, total_keys
    from ..reports.labels import (
        BURDEN_COLUMNS,
        CAPTIONS,
        GROUP_TITLES,
        ROW_COLUMNS,
        STATUS,
        TOTAL_COLUMNS,
        condition_words,
        label,
    )

    burden = is_burden(report)
    title = label(CAPTIONS, "title_burden" if burden else "title_unnecessary", lang)
    out.print(f"[bold]{title}[/bold] — {label(CAPTIONS, 'as_of', lang)} {day_text(report.as_of, lang)}", highlight=False)
    table = Table()
    cols = [label(ROW_COLUMNS, k, lang) for k in ("procedure", "requirement_text", "paper_text", "status", "struck_if", "source", "copies")]
    if burden:
        cols += [label(BURDEN_COLUMNS, k, lang) for k in ("volume_per_year", "hours", "vnd")]
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in report.rows[:limit]:
        status = label(STATUS, "conditional" if row.conditional else row.status, lang)
        source = row.source or "—"
        if row.source in cat.sources:
            name = cat.sources[row.source].name
            source = name.vi if lang == "vi" else (name.en or name.vi)
        values = [
            row.procedure, short(row.requirement_text, 70), short(row.paper_text or row.requirement_text, 50), status,
            condition_words(row.struck_if, lang) if row.struck_if else "—", source, str(row.copies),
        ]
        if burden:
            vol = _fmt(row.extra["volume_per_year"], lang) + (f" ({say('estimated', lang)})" if row.extra["volume_estimated"] else "")
            values += [vol, _fmt(row.extra["hours"], lang), _fmt(row.extra["vnd"], lang)]
        table.add_row(*values)
    if report.rows:
        out.print(table)
        more(min(limit, len(report.rows)), len(report.rows), lang)
    else:
        out.print(say("rp_none", lang), highlight=False)
    keys = total_keys(report)
    for group, values in [("all", {label(CAPTIONS, "total", lang): report.total})] + [(g, v) for g, v in report.by.items()]:
        t = Table(title=label(GROUP_TITLES, group, lang) if group != "all" else label(CAPTIONS, "total", lang))
        for k in keys:
            t.add_column(label(TOTAL_COLUMNS, k, lang), overflow="fold")
        for key, tot in values.items():
            if group == "ministry":
                shown = cat.agency_name(key, lang)
            elif group == "level":
                from ..reports.labels import LEVELS

                shown = label(LEVELS, key, lang)
            elif group == "source" and key in cat.sources:
                shown = cat.sources[key].name.vi if lang == "vi" else (cat.sources[key].name.en or cat.sources[key].name.vi)
            else:
                shown = key
            t.add_row(shown, *[_fmt(tot.get(k, 0), lang) for k in keys[1:]])
        out.print(t)
    out.print(say("rp_gaps", lang, n=len(report.gaps)), highlight=False)
    if burden:
        estimated = say("rp_estimated_volumes", lang, n=report.meta["estimated_volume_procedures"])
        out.print(f"[dim]{label(CAPTIONS, 'estimate_note', lang)} ({estimated})[/dim]", highlight=False)
    if any(row.conditional for row in report.rows):
        out.print(f"[dim]{label(CAPTIONS, 'conditional_note', lang)}[/dim]", highlight=False)


def register(app: typer.Typer) -> None:
    report_app = typer.Typer(name="report", help="Reports for reform officers: unnecessary copies, burden.", no_args_is_help=True)
    app.add_typer(report_app, name="report")
    register_compliance(report_app)

    @report_app.command("unnecessary")
    @guarded
    def unnecessary(
        as_of: AsOfOpt = None,
        ministry: MinistryOpt = None,
        field: FieldOpt = None,
        level: LevelOpt = None,
        source: SourceOpt = None,
        applicant: ApplicantOpt = None,
        format: ReportFormatOpt = ReportFormat.table,
        output: OutputOpt = None,
        lang: LangOpt = "vi",
        limit: LimitOpt = 100,
        catalogue: CatalogueOpt = None,
    ) -> None:
        """Every dossier document the rules strike or replace on the date, with totals and the Art. 3.2 gap list."""
        report, cat = build("unnecessary", catalogue, as_of, ministry, field, level, source, applicant, lang, format is ReportFormat.json)
        emit(report, cat, "unnecessary", format, output, lang, limit)

    @report_app.command("burden")
    @guarded
    def burden(
        as_of: AsOfOpt = None,
        ministry: MinistryOpt = None,
        field: FieldOpt = None,
        level: LevelOpt = None,
        source: SourceOpt = None,
        applicant: ApplicantOpt = None,
        format: ReportFormatOpt = ReportFormat.table,
        output: OutputOpt = None,
        lang: LangOpt = "vi",
        limit: LimitOpt = 100,
        catalogue: CatalogueOpt = None,
    ) -> None:
        """The unnecessary copies priced in hours and VND a year (Standard Cost Model; estimates labelled)."""
        report, cat = build("burden", catalogue, as_of, ministry, field, level, source, applicant, lang, format is ReportFormat.json)
        emit(report, cat, "burden", format, output, lang, limit)


def register_compliance(report_app: typer.Typer) -> None:
    @report_app.command("compliance")
    @guarded
    def compliance(
        as_of: AsOfOpt = None,
        ministry: MinistryOpt = None,
        applicant: ApplicantOpt = None,
        format: ReportFormatOpt = ReportFormat.table,
        output: OutputOpt = None,
        lang: LangOpt = "vi",
        limit: LimitOpt = 100,
        catalogue: CatalogueOpt = None,
    ) -> None:
        """Res. 66.7's Appendix rows against the catalogue: is the listed paper still asked for,
        does the engine strike it, days in effect; totals by ministry; the reverse list."""
        from ..evaluator import Engine
        from ..reports.compliance import compliance_report
        from ..reports.compliance import to_csv as compliance_csv
        from ..reports.compliance import to_xlsx as compliance_xlsx

        attrs, _ = read_applicant(applicant)
        cat = load(catalogue, quiet=format is ReportFormat.json).catalogue
        if not cat.built_from:
            fail("the catalogue holds no appendix rules (run `onceonly law appendices`)")
        if ministry is not None and ministry not in cat.agencies and ministry not in {p.ministry for p in cat.procedures.values()}:
            fail(f"unknown ministry {ministry!r}")
        day = as_date(as_of)
        report = compliance_report(Engine(cat).evaluate_all(day, attrs), cat, day, ministry)
        emit(report, cat, "compliance", format, output, lang, limit, csv=compliance_csv, xlsx=compliance_xlsx, table=_compliance_table)


def _compliance_table(report, cat, lang: str, limit: int) -> None:
    from rich.table import Table

    from ..reports.compliance import STATE_LABELS

    k = 0 if lang == "vi" else 1
    t = report.total
    out.print(
        say("co_answer", lang, day=day_text(report.as_of, lang), asked=t["asked"], overdue=t["overdue"], days=report.reengineer_days,
            struck=t["struck"], conditional=t["conditional"], missing=t["not-in-catalogue"], unencoded=t["not-encoded"]),
        highlight=False,
    )
    table = Table()
    for key in ("co_item", "co_procedure", "co_paper", "co_state", "co_days"):
        table.add_column(say(key, lang), overflow="fold")
    order = {s: i for i, s in enumerate(("required", "conditional", "struck", "not-asked", "not-in-catalogue", "not-encoded"))}
    shown = sorted(report.rows, key=lambda r: (order[r.state], not r.overdue, r.appendix, r.item))
    for r in shown[:limit]:
        state = STATE_LABELS[r.state][k] + (say("co_overdue", lang) if r.overdue else "")
        table.add_row(f"{r.appendix}.{r.item}", short(f"{r.code} {r.procedure_name}", 90), short(r.document, 80), state,
                      "" if r.days_in_effect is None else str(r.days_in_effect))
    out.print(table)
    more(min(limit, len(shown)), len(shown), lang)
    by = Table(title=say("co_by_ministry", lang))
    for key in ("pr_ministry", "co_rows", "co_asked", "co_overdue_col", "co_struck", "co_missing"):
        by.add_column(say(key, lang), overflow="fold")
    for g in report.by_ministry.values():
        by.add_row(g["name"], str(g["rows"]), str(g["asked"]), str(g["overdue"]), str(g["struck"]), str(g["not-in-catalogue"]))
    out.print(by)
    out.print(say("co_candidates", lang, n=len(report.candidates)), highlight=False)
