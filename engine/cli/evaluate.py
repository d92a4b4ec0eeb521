"""``onceonly evaluate``: one procedure, one applicant, one date."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.table import Table

from .. import explain
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


STATUS_WORDS = {
    "struck": ("không phải nộp", "struck"),
    "replaced": ("xuất trình trên VNeID", "shown in VNeID"),
    "required": ("vẫn phải nộp", "required"),
    "not_applicable": ("không áp dụng", "not applicable"),
}
HEADERS = {
    "vi": ("Thành phần hồ sơ", "Kết quả", "Giấy tờ không phải nộp", "Giấy tờ vẫn phải nộp", "Số bản giảm", "Lý do"),
    "en": ("Dossier entry", "Status", "Papers that go", "Papers that stay", "Copies avoided", "Why"),
}


def short(text: str, width: int = 90) -> str:
    """A dossier text cut to ``width`` characters at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0] + "…"


def _paper_name(paper, entry_text: str, catalogue, lang: str) -> str:
    # Papers derived from an entry's types share the entry's text: name the type.
    if paper.text == entry_text and catalogue is not None and any(t in catalogue.documents for t in paper.document_types):
        return explain.doc_names(catalogue, list(paper.document_types))[0 if lang == "vi" else 1]
    return short(paper.text, 50)


def _paper_label(paper, entry_text: str, catalogue, lang: str) -> str:
    name = _paper_name(paper, entry_text, catalogue, lang)
    if paper.source and catalogue is not None and paper.source in catalogue.sources:
        src = catalogue.sources[paper.source].name
        name += f" (from: {src.en or src.vi})" if lang == "en" else f" (lấy từ {src.vi})"
    return name


def _answer(ev: Evaluation, lang: str, catalogue) -> str:
    """The answer in one sentence, before the detail."""
    going = [
        _paper_label(c, d.requirement.text, catalogue, lang)
        for d in ev.decisions for c in d.components if c.counted
    ]
    if lang == "vi":
        if not going:
            return "Chưa có giấy tờ nào được miễn nộp cho hồ sơ này."
        return f"Không phải nộp {len(going)} giấy tờ: " + "; ".join(going) + "."
    if not going:
        return "No paper of this dossier can be dropped yet."
    return f"{len(going)} paper(s) need not be brought: " + "; ".join(going) + "."


def render(ev: Evaluation, lang: str, catalogue=None) -> None:
    k = 0 if lang == "vi" else 1
    day = ev.as_of.strftime("%d/%m/%Y") if lang == "vi" else ev.as_of.isoformat()
    out.print(f"[bold]{ev.procedure}[/bold] {ev.procedure_name} — {'ngày' if lang == 'vi' else 'as of'} {day}", highlight=False)
    out.print(_answer(ev, lang, catalogue), highlight=False)
    table = Table(show_lines=True)
    for col in HEADERS[lang]:
        table.add_column(col, overflow="fold")
    fallbacks = []
    for d in ev.decisions:
        status = STATUS_WORDS[d.status.value][k]
        if d.struck_if:
            cond = ", ".join(f"{a}={'/'.join(v)}" for a, v in d.struck_if.items())
            status += f" ({'có điều kiện: cắt nếu' if lang == 'vi' else 'conditional: struck if'} {cond})"
        going = [c for c in d.components if c.status.value in ("struck", "replaced")]
        staying = [c for c in d.components if c.status.value == "required"]
        if d.status.value in ("struck", "replaced"):
            staying = []  # the entry goes: its alternatives are not needed either
        label = short(d.requirement.text)  # ids stay in --format json
        table.add_row(
            label,
            f"[{STATUS_STYLE[d.status.value]}]{status}[/]",
            "\n".join("• " + _paper_label(c, d.requirement.text, catalogue, lang) for c in going) or "—",
            "\n".join("• " + _paper_name(c, d.requirement.text, catalogue, lang) for c in staying) or "—",
            str(d.copies_avoided),
            getattr(d.explanation, lang),
        )
        fb = d.fallback_vi if lang == "vi" else d.fallback
        if fb and going and fb not in fallbacks:
            fallbacks.append(fb)
    out.print(table)
    s = ev.summary
    if lang == "vi":
        out.print(
            f"{s.struck} thành phần không phải nộp, {s.replaced} xuất trình trên VNeID, {s.required} vẫn phải nộp "
            f"({s.conditional} có điều kiện), {s.not_applicable} không áp dụng; số bản {s.copies_before} -> {s.copies_after}",
            highlight=False,
        )
    else:
        out.print(
            f"{s.struck} struck, {s.replaced} replaced, {s.required} required ({s.conditional} conditional), "
            f"{s.not_applicable} not applicable; copies {s.copies_before} -> {s.copies_after}",
            highlight=False,
        )
    for fb in fallbacks:
        out.print(fb, highlight=False)
    if ev.missing_attributes:
        ask = "Cần hỏi người yêu cầu" if lang == "vi" else "Ask the applicant"
        out.print(f"{ask}: {', '.join(ev.missing_attributes)}", highlight=False)
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
        parse_statuses(source_status)  # a malformed value fails before the catalogue loads
        selected = load(catalogue, quiet=format is Format.json)
        statuses = parse_statuses(source_status, selected.catalogue)
        engine = Engine(selected.catalogue)
        ev = engine.evaluate(code, attrs, as_of_date(as_of), statuses, channel or file_channel)
        if format is Format.json:
            emit_json(ev.model_dump(mode="json"))
        else:
            render(ev, "en" if lang == "en" else "vi", selected.catalogue)


def as_of_date(value):
    return as_date(value)
