"""``onceonly evaluate``: one procedure, one applicant, one date."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    fail,
    guarded,
    load,
    out,
    say,
)

if TYPE_CHECKING:
    from ..models import Evaluation

STATUS_STYLE = {"struck": "green", "replaced": "cyan", "required": "yellow", "not_applicable": "dim"}


def read_applicant(path: Path | None) -> tuple[dict, str | None]:
    """Applicant attributes (and an optional ``channel``) from a JSON file."""
    if path is None:
        return {}, None
    import orjson

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


def parse_statuses(values: list[str] | None, catalogue=None) -> dict[str, str]:
    """``--source-status SOURCE=STATUS`` values as a dict; a bad one is a one-line error (exit 2).

    With ``catalogue``, SOURCE must be one of its sources; STATUS is always
    one of :data:`engine.sources.STATUSES` (case does not matter).
    """
    from ..sources import STATUSES

    allowed = ", ".join(STATUSES)
    known = sorted(catalogue.sources) if catalogue is not None else None
    statuses = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip().lower()
        if not sep or not key:
            fail(f"--source-status {item!r}: expected SOURCE=STATUS, e.g. population=offline (STATUS: {allowed})")
        if value not in STATUSES:
            fail(f"--source-status {item!r}: unknown status {value!r}; allowed: {allowed}")
        if known is not None and key not in known:
            fail(f"--source-status {item!r}: unknown source {key!r}; known: {', '.join(known)}")
        statuses[key] = value
    return statuses


def short(text: str, width: int = 90) -> str:
    """A dossier text cut to ``width`` characters at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0] + "…"


def _paper_name(paper, entry_text: str, catalogue, lang: str) -> str:
    from .. import explain

    # Papers derived from an entry's types share the entry's text: name the type.
    if paper.text == entry_text and catalogue is not None and any(t in catalogue.documents for t in paper.document_types):
        return explain.doc_names(catalogue, list(paper.document_types))[0 if lang == "vi" else 1]
    return short(paper.text, 50)


def _paper_label(paper, entry_text: str, catalogue, lang: str) -> str:
    name = _paper_name(paper, entry_text, catalogue, lang)
    if paper.source and catalogue is not None and paper.source in catalogue.sources:
        src = catalogue.sources[paper.source].name
        name += f" ({say('ev_from', lang, source=(src.en or src.vi) if lang == 'en' else src.vi)})"
    return name


def _answer(ev: Evaluation, lang: str, catalogue) -> str:
    """The answer in one sentence, before the detail."""
    going = [
        _paper_label(c, d.requirement.text, catalogue, lang)
        for d in ev.decisions for c in d.components if c.counted
    ]
    if not going:
        return say("ev_answer_none", lang)
    return say("ev_answer", lang, n=len(going), papers="; ".join(going))


def render(ev: Evaluation, lang: str, catalogue=None) -> None:
    """The evaluation as an officer reads it: the answer, then one row per dossier entry,
    those whose papers go first (its text, the papers that go and those that stay, why,
    and the Art. 8 fallback), then the fallbacks' text under the table they are numbered in."""
    from rich.table import Table

    from ..reports.labels import STATUS, attribute_name, condition_words, label

    out.print(f"[bold]{ev.procedure}[/bold] {ev.procedure_name} — {say('on_day', lang, day=day_text(ev.as_of, lang))}", highlight=False)
    out.print(_answer(ev, lang, catalogue), highlight=False)
    table = Table(show_lines=True)
    for key in ("ev_entry", "ev_status", "ev_going", "ev_staying", "ev_copies", "ev_why", "ev_fallback"):
        table.add_column(say(key, lang), overflow="fold")
    fallbacks: list[str] = []
    # The entries whose papers go first, then what stays, then what does not apply (stable within each).
    order = {"struck": 0, "replaced": 0, "required": 1, "not_applicable": 2}
    for d in sorted(ev.decisions, key=lambda d: order.get(d.status.value, 1)):
        status = label(STATUS, d.status.value, lang)
        if d.struck_if:
            status += f" ({say('ev_conditional', lang, cond=condition_words(d.struck_if, lang))})"
        going = [c for c in d.components if c.status.value in ("struck", "replaced")]
        staying = [c for c in d.components if c.status.value == "required"]
        if d.status.value in ("struck", "replaced"):
            staying = []  # the entry goes: its alternatives are not needed either
        fb = d.fallback_vi if lang == "vi" else d.fallback
        mark = "—"
        if fb:
            if fb not in fallbacks:
                fallbacks.append(fb)
            n = fallbacks.index(fb) + 1
            mark = say("ev_fallback_if" if d.status.value in ("struck", "replaced") else "ev_fallback_now", lang, n=n)
        table.add_row(
            short(d.requirement.text),  # the entry's own words; ids stay in --format json
            f"[{STATUS_STYLE[d.status.value]}]{status}[/]",
            "\n".join("• " + _paper_label(c, d.requirement.text, catalogue, lang) for c in going) or "—",
            "\n".join("• " + _paper_name(c, d.requirement.text, catalogue, lang) for c in staying) or "—",
            str(d.copies_avoided),
            getattr(d.explanation, lang),
            mark,
        )
    out.print(table)
    s = ev.summary
    out.print(
        say("ev_summary", lang, struck=s.struck, replaced=s.replaced, required=s.required, conditional=s.conditional,
            not_applicable=s.not_applicable, before=s.copies_before, after=s.copies_after),
        highlight=False,
    )
    for n, fb in enumerate(fallbacks, 1):
        out.print(f"[{n}] {say('ev_fallback', lang)}: {fb}", highlight=False, markup=False)
    if ev.missing_attributes:
        names = ", ".join(attribute_name(a, lang) for a in ev.missing_attributes)
        out.print(say("ev_ask", lang, attributes=names), highlight=False)
    out.print(
        "[dim]" + say("versions_line", lang, catalogue=ev.catalogue_version, rules=ev.rules_version, engine=ev.engine_version) + "[/dim]"
    )


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
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Decide which documents of procedure CODE are still required, and why."""
        from ..evaluator import Engine

        attrs, file_channel = read_applicant(applicant)
        parse_statuses(source_status)  # a malformed value fails before the catalogue loads
        selected = load(catalogue, quiet=format is Format.json)
        statuses = parse_statuses(source_status, selected.catalogue)
        engine = Engine(selected.catalogue)
        ev = engine.evaluate(code, attrs, as_of_date(as_of), statuses, channel or file_channel)
        if format is Format.json:
            emit_json(ev.model_dump(mode="json"))
        else:
            render(ev, lang, selected.catalogue)


def as_of_date(value):
    return as_date(value)
