"""The compliance report: the Government's own lists against the catalogue.

For each row of Res. 66.7's Appendices I and II: is the procedure in the
catalogue, does its current dossier still ask for the listed paper (in which
entry), does the engine strike it, and for how many days the row has been in
effect (Art. 7 gives a ministry a set number of days after a database's
announcement to re-engineer the procedure). Totals by ministry. And the
reverse list: papers the engine strikes under the general rules (Art. 4 via
Art. 3.2) that no appendix row lists, the candidates for the next list.

Pure functions over the engine's evaluations and the catalogue; nothing here
re-decides.

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> from engine.evaluator import Engine
>>> cat = load_catalogue().catalogue
>>> day = dt.date(2026, 6, 1)
>>> rep = compliance_report(Engine(cat).evaluate_all(day, {"nationality": "vn"}), cat, day)
>>> rep.total["rows"] == len(rep.rows)
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from ..catalogue import Catalogue
from ..law.appendices import CodeError, normalise_code
from ..models import AnyOf, Evaluation, Paper, Rule, Status, iter_papers
from ..text import fold

#: What became of one row, in the order an officer acts on them.
STATES = ("required", "conditional", "struck", "not-asked", "not-in-catalogue", "not-encoded")
GONE = (Status.struck, Status.replaced)


@dataclass
class Entry:
    """Where a procedure's dossier still asks for the listed paper."""

    requirement: str
    requirement_text: str
    paper: str
    status: str
    rule: str
    struck_if: dict[str, list[str]] | None = None


@dataclass
class ComplianceRow:
    appendix: str
    item: int
    rule: str | None
    ministry: str
    ministry_name: str
    code: str
    procedure_name: str
    document: str
    database: str | None
    sources: list[str]
    document_types: list[str]
    state: str
    reason: str | None = None
    in_catalogue: bool = False
    effective: dt.date | None = None
    days_in_effect: int | None = None
    #: The procedure's dossier on the portal still names the paper.
    asked: bool = False
    #: Still named after the re-engineering period (Res. 66.7 Art. 7).
    overdue: bool = False
    entries: list[Entry] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["effective"] = self.effective.isoformat() if self.effective else None
        return out


@dataclass
class Candidate:
    """A paper the general rules strike that no appendix row lists."""

    procedure: str
    procedure_name: str
    ministry: str
    requirement: str
    paper: str
    document_type: str
    source: str | None
    rule: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ComplianceReport:
    as_of: dt.date
    rows: list[ComplianceRow]
    by_ministry: dict[str, dict[str, Any]]
    total: dict[str, int]
    candidates: list[Candidate]
    built_from: dict[str, dict[str, Any]]
    reengineer_days: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "report": "compliance",
            "as_of": self.as_of.isoformat(),
            "reengineer_days": self.reengineer_days,
            "built_from": {k: {x: v[x] for x in ("file", "sha256", "rows", "encoded") if x in v} for k, v in self.built_from.items()},
            "total": self.total,
            "by_ministry": self.by_ministry,
            "rows": [r.as_dict() for r in self.rows],
            "candidates": [c.as_dict() for c in self.candidates],
        }


def appendix_rules(catalogue: Catalogue) -> list[Rule]:
    """Rules that encode an appendix row (they carry the row as ``listing``)."""
    return sorted((r for r in catalogue.rules.values() if r.listing is not None), key=lambda r: (r.listing.appendix, r.listing.item, r.id))


class _Ministries:
    """Section titles of the appendix ("BỘ TƯ PHÁP") to agency ids, read once per report."""

    def __init__(self, catalogue: Catalogue):
        self._names = [(fold(a.name.vi), a.id, a.name.vi) for a in catalogue.agencies.values()]
        self._seen: dict[str, tuple[str, str]] = {}

    def __call__(self, section: str) -> tuple[str, str]:
        found = self._seen.get(section)
        if found is None:
            folded = fold(section)
            # "NGÂN HÀNG NHÀ NƯỚC" titles the section of "Ngân hàng Nhà nước Việt Nam".
            found = next(((ident, name) for key, ident, name in self._names if folded and key.startswith(folded)), (section, section))
            self._seen[section] = found
        return found


def _effective(rule: Rule, catalogue: Catalogue) -> dt.date | None:
    """The first day the row could take effect: its own date and every source's announcement."""
    days = [rule.valid_from]
    for sid in rule.sources:
        announced = catalogue.sources[sid].announcement.date if sid in catalogue.sources else None
        if announced is None:
            return None
        days.append(announced)
    return max(days)


def compliance_report(
    evaluations: Iterable[Evaluation],
    catalogue: Catalogue,
    as_of: dt.date,
    ministry: str | None = None,
) -> ComplianceReport:
    """Build the compliance report from the engine's evaluations.

    Parameters
    ----------
    evaluations : iterable of Evaluation
        Decisions on the procedures to check (every procedure, for the reverse list).
    catalogue : Catalogue
        The law (appendix rules, ``built_from``) and the procedures.
    as_of : datetime.date
        The date the evaluations were made for.
    ministry : str, optional
        Keep only rows and candidates of this agency id (or section title).
    """
    by_code = {ev.procedure: ev for ev in evaluations}
    ministry_of = _Ministries(catalogue)
    params = catalogue.parameters.get("res-66-7-appendices") or {}
    period = params.get("reengineer_days")
    rows: list[ComplianceRow] = []
    listed: set[tuple[str, str]] = set()
    # A row naming papers of several databases is encoded as one rule per
    # database: the report speaks of the row, so its rules are read together.
    by_row: dict[tuple, list[Rule]] = {}
    for rule in appendix_rules(catalogue):
        lst = rule.listing
        by_row.setdefault((lst.appendix, lst.item, lst.line, lst.code, lst.document), []).append(rule)
    for rules in by_row.values():
        rule, lst = rules[0], rules[0].listing
        code = rule.procedures[0]
        types = [t for r in rules for t in r.document_types]
        for doc in types:
            listed.add((code, doc))
        agency, agency_name = ministry_of(lst.ministry)
        proc = catalogue.procedures.get(code)
        if proc is not None:
            agency, agency_name = proc.ministry, catalogue.agency_name(proc.ministry)
        days = [_effective(r, catalogue) for r in rules]
        effective = None if any(d is None for d in days) else max(days)
        row = ComplianceRow(
            appendix=lst.appendix, item=lst.item, rule=", ".join(r.id for r in rules), ministry=agency, ministry_name=agency_name,
            code=code, procedure_name=proc.name.vi if proc is not None else lst.procedure, document=lst.document,
            database=lst.database, sources=list(dict.fromkeys(s for r in rules for s in r.sources)), document_types=types,
            state="not-in-catalogue", in_catalogue=proc is not None, effective=effective,
            days_in_effect=(as_of - effective).days if effective is not None and effective <= as_of else None,
        )
        ev = by_code.get(code)
        if proc is not None and ev is None:
            # The procedure was left out of the evaluations (a filter): say so.
            row.state, row.reason = "not-in-catalogue", "not evaluated"
        elif ev is not None:
            wanted = set(types)
            reqs = {r.id: r for r in proc.requirements}
            for d in ev.decisions:
                if d.status is Status.not_applicable or not any(wanted & set(p.document_types) for p in d.components):
                    continue
                # An alternative that stays is not needed when another one of
                # its group goes: the applicant brings nothing for that group.
                spared = _spared(reqs[d.requirement.id].tree(), {p.id: p.status in GONE for p in d.components}) if d.requirement.id in reqs else set()
                for p in d.components:
                    if wanted & set(p.document_types):
                        status, rule = (Status.struck, d.rule) if p.id in spared and p.status not in GONE else (p.status, p.rule)
                        row.entries.append(Entry(d.requirement.id, d.requirement.text, p.text, status.value, rule, p.struck_if))
            row.asked = bool(row.entries)
            if not row.entries:
                row.state = "not-asked"
            elif all(e.status in ("struck", "replaced") for e in row.entries):
                row.state = "struck"
            elif all(e.status in ("struck", "replaced") or e.struck_if for e in row.entries):
                row.state = "conditional"
            else:
                row.state = "required"
                staying = next(e for e in row.entries if e.status not in ("struck", "replaced") and not e.struck_if)
                row.reason = staying.rule
            # The portal text still names the paper past the re-engineering period.
            row.overdue = row.asked and period is not None and row.days_in_effect is not None and row.days_in_effect > period
        rows.append(row)
    for stem, info in sorted(catalogue.built_from.items()):
        appendix = "II" if stem.endswith("-2") else "I"
        for u in info.get("unmapped") or []:
            section = str(u.get("ministry") or "")
            agency, agency_name = ministry_of(section) if section else ("-", "-")
            code = str(u.get("code") or "")
            try:
                code = normalise_code(code)
            except CodeError:
                pass
            proc = catalogue.procedures.get(code)
            rows.append(ComplianceRow(
                appendix=appendix, item=int(u.get("item") or 0), rule=None, ministry=proc.ministry if proc else agency,
                ministry_name=catalogue.agency_name(proc.ministry) if proc else agency_name,
                code=code, procedure_name=proc.name.vi if proc else str(u.get("procedure") or ""),
                document=str(u.get("text") or ""), database=None, sources=[], document_types=[],
                state="not-encoded", reason=f"{u.get('field')}: {u.get('reason')}", in_catalogue=proc is not None,
            ))
    if ministry is not None:
        rows = [r for r in rows if r.ministry == ministry]
    candidates = _candidates(by_code.values(), catalogue, listed, params.get("act"))
    if ministry is not None:
        candidates = [c for c in candidates if c.ministry == ministry]
    by_ministry: dict[str, dict[str, Any]] = {}
    for r in rows:
        g = by_ministry.setdefault(r.ministry, {"name": r.ministry_name, "rows": 0, "asked": 0, "overdue": 0} | {s: 0 for s in STATES})
        g["rows"] += 1
        g[r.state] += 1
        g["asked"] += r.asked
        g["overdue"] += r.overdue
    total = {"rows": len(rows), "asked": sum(r.asked for r in rows), "overdue": sum(r.overdue for r in rows)} | {s: sum(r.state == s for r in rows) for s in STATES}
    total["candidates"] = len(candidates)
    order = sorted(by_ministry.items(), key=lambda kv: (-kv[1]["asked"], -kv[1]["rows"], kv[0]))
    return ComplianceReport(as_of, rows, dict(order), total, candidates, catalogue.built_from, period)


def _spared(node, gone: dict[str, bool]) -> set[str]:
    """Ids of the papers an applicant need not bring: those of any alternative
    group (``any_of``) one of whose alternatives goes."""
    out: set[str] = set()

    def walk(n) -> bool:
        if isinstance(n, Paper):
            return gone.get(n.id, False)
        kids = n.any_of if isinstance(n, AnyOf) else n.all_of
        results = [walk(k) for k in kids]
        if isinstance(n, AnyOf) and not n.by_case:
            if any(results):
                out.update(p.id for p in iter_papers(n))
            return any(results)
        return all(results)

    walk(node)
    return out


def _candidates(evaluations: Iterable[Evaluation], catalogue: Catalogue, listed: set[tuple[str, str]], act: str | None) -> list[Candidate]:
    """Papers struck by a general rule of the appendices' act that no row lists."""
    general = {
        r.id for r in catalogue.rules.values()
        if not r.procedures and r.scope == "documents" and r.effect.value == "strike" and act is not None and r.legal_basis.act == act
    }
    out: list[Candidate] = []
    for ev in evaluations:
        proc = catalogue.procedures.get(ev.procedure)
        for d in ev.decisions:
            for p in d.components:
                # Struck, or struck for the applicants the database holds.
                if (p.status not in GONE and not p.struck_if) or p.rule not in general:
                    continue
                types = [t for t in p.document_types if t in catalogue.rule_document_types(catalogue.rules[p.rule])]
                for doc in types[:1] or p.document_types[:1]:
                    if (ev.procedure, doc) in listed:
                        continue
                    out.append(Candidate(ev.procedure, ev.procedure_name, proc.ministry if proc else "-", d.requirement.id, p.text, doc, p.source, p.rule))
    return out


# --------------------------------------------------------------------------- output

STATE_LABELS = {
    "required": ("Vẫn yêu cầu nộp", "still asked for"),
    "conditional": ("Không phải nộp nếu người nộp thuộc diện CSDL có dữ liệu", "not asked if the applicant is one the database holds"),
    "struck": ("Không phải nộp (đã áp dụng)", "struck"),
    "not-asked": ("Hồ sơ trên Cổng không còn nêu giấy tờ này", "the portal dossier no longer names this paper"),
    "not-in-catalogue": ("Thủ tục không có trong danh mục", "procedure not in the catalogue"),
    "not-encoded": ("Chưa mã hoá được dòng này", "row not encoded"),
}

COLUMNS = (
    ("appendix", "Phụ lục", "Appendix"),
    ("item", "Mục", "Item"),
    ("ministry_name", "Bộ, ngành", "Ministry"),
    ("code", "Mã thủ tục", "Procedure code"),
    ("procedure_name", "Tên thủ tục", "Procedure"),
    ("document", "Giấy tờ (như Phụ lục ghi)", "Paper (as listed)"),
    ("database", "CSDL (như Phụ lục ghi)", "Database (as listed)"),
    ("state", "Tình trạng", "State"),
    ("entries", "Thành phần hồ sơ còn nêu", "Dossier entries naming it"),
    ("days_in_effect", "Số ngày có hiệu lực", "Days in effect"),
    ("asked", "Hồ sơ trên Cổng còn nêu", "Still named on the portal"),
    ("overdue", "Quá hạn tái cấu trúc (Điều 7)", "Past re-engineering deadline (Art. 7)"),
    ("reason", "Lý do", "Reason"),
)


def export_rows(report: ComplianceReport, lang: str = "vi") -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the per-row table, in ``lang``."""
    k = 1 if lang == "vi" else 2
    header = [c[k] for c in COLUMNS]
    body = []
    for r in report.rows:
        values = []
        for key, *_ in COLUMNS:
            v = getattr(r, key)
            if key == "state":
                v = STATE_LABELS[v][k - 1]
            elif key == "entries":
                v = "; ".join(f"{e.requirement}: {e.paper}" for e in v)
            elif key in ("overdue", "asked"):
                v = ("có" if lang == "vi" else "yes") if v else ""
            values.append("" if v is None else v)
        body.append(values)
    return header, body


def to_csv(report: ComplianceReport, lang: str = "vi") -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    header, body = export_rows(report, lang)
    w.writerow(header)
    w.writerows(body)
    return buf.getvalue()


def to_xlsx(report: ComplianceReport, path, lang: str = "vi") -> None:
    """Three sheets: the rows, totals by ministry, and the candidates for the next list."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    vi = lang == "vi"
    wb = Workbook()
    ws = wb.active
    ws.title = "Đối chiếu Phụ lục" if vi else "Appendix rows"
    header, body = export_rows(report, lang)
    ws.append(header)
    for row in body:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws2 = wb.create_sheet("Theo bộ" if vi else "By ministry")
    keys = ["rows", *STATES, "overdue"]
    ws2.append(["Bộ, ngành" if vi else "Ministry"] + [STATE_LABELS[s][0 if vi else 1] if s in STATE_LABELS else ("Số dòng" if vi and s == "rows" else "Quá hạn" if vi else s) for s in keys])
    for agency, g in report.by_ministry.items():
        ws2.append([g["name"]] + [g[s] for s in keys])
    ws3 = wb.create_sheet("Ứng viên danh mục sau" if vi else "Candidates")
    ws3.append(["Mã thủ tục", "Tên thủ tục", "Bộ, ngành", "Thành phần", "Giấy tờ", "Loại giấy tờ", "CSDL", "Quy định"] if vi else
               ["Code", "Procedure", "Ministry", "Entry", "Paper", "Document type", "Source", "Rule"])
    for c in report.candidates:
        ws3.append([c.procedure, c.procedure_name, c.ministry, c.requirement, c.paper, c.document_type, c.source or "", c.rule])
    wb.save(path)
