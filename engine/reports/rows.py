"""Rows of the reports: one per requirement the rules make unnecessary.

Everything here reads decisions the :class:`~engine.evaluator.Engine` made;
nothing re-decides. A decision is *unnecessary* when its status is
``struck`` or ``replaced``, and *conditional* when it stays ``required`` but
carries ``struck_if`` (it would be struck for an applicant with those
attributes; DESIGN.md contract).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Iterable

from ..catalogue import Catalogue
from ..models import Decision, Evaluation, Procedure, Status
from ..text import fold

#: Key used in totals for a row without a value (no field, no source...).
NONE_KEY = "-"

DEFINITE = ("struck", "replaced")


def classify(decision: Decision) -> str | None:
    """``"definite"``, ``"conditional"`` or None for a decision.

    Examples
    --------
    >>> from engine.models import Decision, RequirementRef, Explanation
    >>> d = Decision(procedure="1.000001", requirement=RequirementRef(id="a", text="t"), document_types=[],
    ...              status="required", source=None, rule="r", legal_basis=None, copies_avoided=0,
    ...              fallback=None, explanation=Explanation(vi="", en=""), struck_if={"nationality": ["vn"]})
    >>> classify(d)
    'conditional'
    """
    status = decision.status.value if isinstance(decision.status, Status) else str(decision.status)
    if status in DEFINITE:
        return "definite"
    if status == "required" and decision.struck_if:
        return "conditional"
    return None


@dataclass
class Row:
    """One requirement that the rules strike or replace (or would, if conditional).

    ``copies`` is the decision's ``copies_avoided`` for a definite row and the
    requirement's originals + copies for a conditional one (what would be avoided).
    """

    procedure: str
    procedure_name: str
    ministry: str
    ministry_name: str
    field: str
    level: str
    requirement: str
    requirement_text: str
    document_types: list[str]
    status: str
    conditional: bool
    struck_if: dict[str, list[str]] | None
    source: str | None
    rule: str
    legal_basis: str | None
    copies: int
    mode: str
    certified: bool
    origin: str = "curated"
    #: The paper of the entry this row is about (its id and text span).
    paper: str = ""
    paper_text: str = ""
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = asdict(self)
        extra = data.pop("extra")
        data.update(extra)
        return data


def level_key(proc: Procedure) -> str:
    """One key per procedure for totals by level (multi-level procedures joined)."""
    return "+".join(proc.level) if proc.level else NONE_KEY


def requirement_copies(proc: Procedure, requirement_id: str) -> int:
    for req in proc.requirements:
        if req.id == requirement_id:
            return req.originals + req.copies
    return 0


def _papers(decisions):
    """``(decision, paper, kind)`` for each paper that goes or would go.

    A report counts papers, not entries: the papers of a bundle that go are
    rows even when the entry stays; in a list of alternatives that goes, the
    one alternative credited with it is the row. A decision without papers
    (made by an older engine) is its own paper.
    """
    for d in decisions:
        if d.status == Status.not_applicable:
            continue
        if not d.components:
            kind = classify(d)
            if kind is not None:
                yield d, d, kind
            continue
        seen_cond: set = set()
        for paper in d.components:
            status = paper.status.value if isinstance(paper.status, Status) else str(paper.status)
            if status in DEFINITE and paper.counted:
                yield d, paper, "definite"
            elif status == "required" and paper.struck_if and (paper.source, tuple(sorted(paper.struck_if))) not in seen_cond:
                seen_cond.add((paper.source, tuple(sorted(paper.struck_if))))
                yield d, paper, "conditional"


def build_rows(evaluations: Iterable[Evaluation], catalogue: Catalogue, lang: str = "vi") -> list[Row]:
    """Every definite or conditional decision of ``evaluations``, as rows.

    Parameters
    ----------
    evaluations : iterable of Evaluation
        Output of :meth:`Engine.evaluate_all` on ``catalogue``.
    catalogue : Catalogue
        For the procedure's ministry, field, level and requirement counts.
    lang : {"vi", "en"}
        Language of ministry names.

    Returns
    -------
    list of Row
        In evaluation order, then requirement order.
    """
    rows: list[Row] = []
    for ev in evaluations:
        proc = catalogue.procedures.get(ev.procedure)
        if proc is None:
            continue
        reqs = {r.id: r for r in proc.requirements}
        for d, paper, kind in _papers(ev.decisions):
            req = reqs.get(d.requirement.id)
            copies = paper.copies_avoided if kind == "definite" else (req.originals + req.copies if req else 0)
            rows.append(
                Row(
                    procedure=proc.code,
                    procedure_name=ev.procedure_name,
                    ministry=proc.ministry,
                    ministry_name=catalogue.agency_name(proc.ministry, lang),
                    field=proc.field or NONE_KEY,
                    level=level_key(proc),
                    requirement=d.requirement.id,
                    requirement_text=d.requirement.text,
                    document_types=list(paper.document_types),
                    status=paper.status.value if isinstance(paper.status, Status) else str(paper.status),
                    conditional=kind == "conditional",
                    struck_if=paper.struck_if,
                    source=paper.source,
                    rule=paper.rule,
                    legal_basis=paper.legal_basis,
                    copies=copies,
                    mode=req.mode if req else "submit",
                    certified=req.certified if req else False,
                    origin=proc.origin,
                    paper=paper.id if paper is not d else "",
                    paper_text=paper.text if paper is not d else "",
                )
            )
    return rows


@dataclass(frozen=True)
class Filters:
    """Report filters; ``None`` means "any". Field matching ignores case and diacritics."""

    ministry: str | None = None
    field: str | None = None
    level: str | None = None
    source: str | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def procedure_ok(self, proc: Procedure) -> bool:
        if self.ministry and proc.ministry != self.ministry:
            return False
        if self.field and fold(proc.field or "") != fold(self.field):
            return False
        if self.level and self.level not in proc.level:
            return False
        return True


def select_procedures(catalogue: Catalogue, filters: Filters) -> list[str]:
    """Codes of the procedures the filters keep (the source filter applies to rows)."""
    return sorted(code for code, proc in catalogue.procedures.items() if filters.procedure_ok(proc))
