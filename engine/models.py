"""The data model: law and catalogue as typed records.

Everything the engine knows about the law arrives through these models, loaded
from ``procedures/`` (YAML) or from imported portal records. Python code never
holds legal facts; it holds these shapes and the mechanisms that read them.

The YAML schema of each folder of ``procedures/`` is the model of the same name
here (``sources/`` -> :class:`Source`, ``documents/`` -> :class:`DocumentType`,
``rules/`` -> :class:`Rule`, ``catalogue/`` -> :class:`Procedure`).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, field_validator, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80)]
Code = Annotated[str, StringConstraints(pattern=r"^[0-9]\.[0-9]{6}(\.[A-Za-z0-9]+)*$")]

#: The first and last day the engine reasons about ("forever" for open-ended rules).
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(9999, 12, 31)


class Strict(BaseModel):
    """Base for data files: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=False)


class Text(Strict):
    """A short text in Vietnamese and English."""

    vi: str
    en: str = ""


class LegalBasis(Strict):
    act: str
    article: str = ""
    url: str | None = None


class Reference(Strict):
    """Where a figure or a date comes from; ``estimate`` marks our own assumption."""

    source: str
    url: str | None = None
    estimate: bool = False
    note: str | None = None


# --------------------------------------------------------------------------- registry


class Agency(Strict):
    id: Slug
    name: Text
    kind: Literal["ministry", "court", "bank", "province", "commune", "other"] = "ministry"


class Attribute(Strict):
    """An applicant attribute the rules may test (coverage, applicability)."""

    id: Slug
    description: Text
    values: list[str]


class DocumentType(Strict):
    id: Slug
    name: Text
    synonyms: list[str] = Field(default_factory=list)
    category: str = "other"
    #: False for documents no database can stand in for (forms, photos, contracts...).
    strikeable: bool = True
    #: A class of papers named by what they prove ("giấy tờ tùy thân"), not one
    #: paper: no source holds it as such, but an entry's own waiver of the data
    #: it proves ("không phải nộp, ... tra cứu trên CSDL X") covers it.
    generic: bool = False
    issuer: Slug | None = None
    #: Procedure codes whose result is this document (the "issues" edges of the graph).
    result_of: list[str] = Field(default_factory=list)
    #: Shown in the VNeID app (Art. 4 note of LAW.md "VNeID-integrated documents").
    vneid: bool = False
    #: A paper issued on a case (a court ruling, an authority's decision): named
    #: as an alternative to another paper it stands for another case, so the
    #: alternatives are read ``by_case`` (see :class:`AnyOf`).
    by_case: bool = False
    #: Issued only to Vietnamese citizens: whoever holds it is one, whatever the
    #: procedure's applicants (a paper of this type is never a foreign party's).
    citizens_only: bool = False
    #: Issued only by a Vietnamese registry, about a thing in Vietnam (a land
    #: parcel): in a foreign party's procedure it is still that registry's paper.
    issued_here_only: bool = False
    #: What the paper's own name says of a fact a source's coverage reads: a
    #: certificate of *residential* land use ("quyền sử dụng đất ở") is of
    #: residential land, whatever the applicant did or did not say.
    implies: dict[Slug, str] = Field(default_factory=dict)
    #: The type a law renamed this one into ("Giấy chứng nhận đăng ký kinh doanh"
    #: became the enterprise registration certificate): a Government row naming
    #: this paper names its renamed successor too.
    renamed_to: Slug | None = None
    #: Titles of procedures whose premise is that the register lost this
    #: paper's record ("đăng ký lại kết hôn"): there no database holds it.
    unrecorded_in: list[str] = Field(default_factory=list)
    reference: Reference | None = None


# --------------------------------------------------------------------------- sources


class CoverageCondition(Strict):
    """Who or what a source covers: ``attribute`` must take one of ``values``.

    ``values`` is dated like an OpenFisca parameter: the key is the first day the
    list applies; the last key stays in force until a later key replaces it.
    """

    attribute: Slug
    values: dict[dt.date, list[str]]
    reference: Reference
    #: ``applicant``: whom the database holds at all (Art. 2.3). ``document``:
    #: which of its papers a general rule replaces in this phase (Art. 4.7's
    #: residential land): an explicit appendix row is not bound by it.
    limits: Literal["applicant", "document"] = "applicant"

    def values_on(self, day: dt.date) -> list[str] | None:
        chosen = None
        for start in sorted(self.values):
            if start <= day:
                chosen = self.values[start]
        return chosen


class Announcement(Strict):
    date: dt.date | None
    reference: Reference


class Source(Strict):
    id: Slug
    name: Text
    #: Other names of the database in dossier text ("CSDL hộ tịch điện tử"),
    #: used to tie a procedure's own waiver sentence to this source.
    synonyms: list[str] = Field(default_factory=list)
    owner: Slug
    clause: str | None = None
    replaces: list[Slug]
    #: Papers whose data the database holds although its clause does not name
    #: them: no general rule strikes them, but a dossier's own waiver naming
    #: this database does.
    holds: list[Slug] = Field(default_factory=list)
    announcement: Announcement
    #: Data-quality level by date: insufficient < partial < sufficient.
    quality: dict[dt.date, Literal["insufficient", "partial", "sufficient"]] = Field(default_factory=dict)
    coverage: list[CoverageCondition] = Field(default_factory=list)
    status: Literal["online", "degraded", "offline"] = "online"
    legal_basis: LegalBasis
    proposed: bool = False
    description: str | None = None

    def quality_on(self, day: dt.date) -> str | None:
        chosen = None
        for start in sorted(self.quality):
            if start <= day:
                chosen = self.quality[start]
        return chosen


# --------------------------------------------------------------------------- rules


class Effect(str, Enum):
    strike = "strike"  # data fetched from a database: the document is not asked for
    replace = "replace"  # shown in VNeID instead of on paper
    cut = "cut"  # abolished outright (Res. 66.7 Appendix II)


class Fallback(Strict):
    """What the agency does when a lookup fails (Res. 66.7 Art. 8, Art. 2.2)."""

    id: Slug
    legal_basis: LegalBasis
    deadlines: dict[Literal["online", "in_person", "post"], Text]
    text: Text
    #: The legal basis as each language cites it ("Nghị quyết …, Điều 8"); when
    #: absent, both answers cite ``legal_basis`` as written.
    citation: Text | None = None


class Listing(Strict):
    """One row of a Government list (Res. 66.7 Appendix I or II), as written."""

    appendix: Literal["I", "II"]
    item: int
    #: The row's first line in the published file (items repeat).
    line: int | None = None
    ministry: str
    code: str
    procedure: str
    document: str
    database: str | None = None
    #: The act and provision that prescribe the document in the procedure's dossier.
    act: str | None = None
    provision: str | None = None


class Rule(Strict):
    id: Slug
    description: str
    effect: Effect
    #: ``documents``: the rule applies to its document types (or all its source
    #: replaces). ``dossier-waiver``: the rule applies only to a paper whose own
    #: dossier text waives it when the data can be retrieved from a database; it
    #: names no source, the text does (the engine binds it as ``<id>@<source>``).
    scope: Literal["documents", "dossier-waiver"] = "documents"
    #: Document types the rule applies to; empty means "every type the source replaces".
    document_types: list[Slug] = Field(default_factory=list)
    source: Slug | None = None
    valid_from: dt.date
    valid_to: dt.date | None = None
    status: Literal["in_force", "proposed"] = "in_force"
    legal_basis: LegalBasis
    #: Minimum data quality of the source for the rule to apply.
    min_quality: Literal["insufficient", "partial", "sufficient"] = "sufficient"
    #: Extra applicant conditions beyond the source's coverage (attribute -> values).
    requires: dict[Slug, list[str]] = Field(default_factory=dict)
    #: When the applicant's fact that a coverage limit reads is not given:
    #: ``ask`` (the paper stays, struck only *if* the fact is sent) or
    #: ``presume`` (the rule's own text already conditions the strike on the
    #: lookup, so the paper goes, with the Art. 8 fallback; a fact that *is*
    #: given and lies outside the coverage still keeps the paper).
    unknown_coverage: Literal["ask", "presume"] = "ask"
    #: Other sources the data must *also* be fetched from (a row naming two
    #: databases): every one must be announced, of quality and online.
    also_from: list[Slug] = Field(default_factory=list)
    #: For a cut that names no source: the database whose data stands in for
    #: the abolished paper (Decree 104/2022: residence from the population
    #: database). Named in answers and reports; it gates nothing, since the
    #: paper does not come back when that database is offline.
    attributed_to: Slug | None = None
    #: Procedure codes the rule is limited to: an explicit decision for those
    #: procedures (a Res. 66.7 Appendix row), which wins over the general rules.
    procedures: list[Code] = Field(default_factory=list)
    #: The appendix row the rule encodes, as written (for the compliance report).
    listing: Listing | None = None
    fallback: Slug | None = None
    explanation: Text
    references: list[Reference] = Field(default_factory=list)

    @property
    def named_source(self) -> str | None:
        """The source an answer names: the one the rule fetches from, else the one a cut is attributed to."""
        return self.source or self.attributed_to

    @property
    def sources(self) -> list[str]:
        """Every source the rule fetches from (``source`` first)."""
        return ([self.source] if self.source else []) + [s for s in self.also_from if s != self.source]

    @property
    def explicit(self) -> bool:
        return bool(self.procedures)

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Rule":
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


# --------------------------------------------------------------------------- catalogue


class Paper(Strict):
    """One paper a dossier entry names (a leaf of the entry's tree).

    Counts left out (``None``) are the entry's own: the portal gives one
    quantity per entry, and each paper of a bundle is brought in that quantity.
    """

    id: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    #: The span of the entry's text that names this paper.
    text: str
    document_types: list[Slug] = Field(default_factory=list)
    #: How the paper is presented; ``None`` when the text does not say.
    presentation: Literal["original", "copy", "certified-copy", "electronic-copy"] | None = None
    #: ``compare``: shown (with its original) so the clerk can check a copy.
    mode: Literal["submit", "show", "compare"] | None = None
    originals: int | None = Field(default=None, ge=0)
    copies: int | None = Field(default=None, ge=0)
    #: The agency keeps, revokes, exchanges or endorses this very paper: no
    #: database can stand in for the object, so it is never struck.
    surrendered: bool = False
    #: Issued by a foreign authority, or the paper of a foreign party: no
    #: Vietnamese database holds it.
    foreign: bool = False
    #: The procedure exists because the register lost this paper's record
    #: (re-registering a birth, marriage or death whose register and original
    #: are lost): no database holds it, so it is never struck (Art. 2.2).
    unrecorded: bool = False
    #: The case in which this paper is asked for, in the text's words.
    condition: str | None = None
    #: The entry's own waiver names this source ("không phải nộp ... nếu khai
    #: thác được ... trong CSDL X"); ``waiver_text`` is that sentence.
    waiver: Slug | None = None
    waiver_text: str | None = None


def _node_tag(value: Any) -> str | None:
    if isinstance(value, list):
        return "<all_of>"
    if isinstance(value, dict):
        if "any_of" in value:
            return "<any_of>"
        if "all_of" in value:
            return "<all_of>"
        return "<paper>"
    if isinstance(value, AnyOf):
        return "<any_of>"
    if isinstance(value, AllOf):
        return "<all_of>"
    if isinstance(value, Paper):
        return "<paper>"
    return None


class AnyOf(Strict):
    """Alternatives: the applicant brings one of them.

    ``by_case``: the alternatives stand for different cases, not for the same
    fact ("giấy chứng tử hoặc quyết định của Tòa án tuyên bố mất tích"): the
    applicant's situation decides which one, so the entry goes only when every
    alternative goes; each still goes or stays on its own.
    """

    any_of: Annotated[list["Node"], Field(min_length=1)]
    by_case: bool = False


class AllOf(Strict):
    """A bundle: every part is needed."""

    all_of: Annotated[list["Node"], Field(min_length=1)]

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, data: Any) -> Any:
        # A plain list of papers is a bundle.
        return {"all_of": data} if isinstance(data, list) else data


#: A node of an entry's tree. The tags (``<paper>`` ...) only steer validation;
#: the loader drops them from error paths.
Node = Annotated[
    Annotated[Paper, Tag("<paper>")] | Annotated[AnyOf, Tag("<any_of>")] | Annotated[AllOf, Tag("<all_of>")],
    Discriminator(_node_tag),
]
AnyOf.model_rebuild()
AllOf.model_rebuild()


def iter_papers(node: "Paper | AnyOf | AllOf"):
    """The papers of a tree, in text order."""
    if isinstance(node, Paper):
        yield node
    else:
        for child in node.any_of if isinstance(node, AnyOf) else node.all_of:
            yield from iter_papers(child)


class Requirement(Strict):
    """One dossier entry (thành phần hồ sơ)."""

    id: str
    text: str
    #: Recognised document types; empty when nothing was recognised (stays required).
    #: With ``components`` given, this is the union of the papers' types (filled in).
    document_types: list[Slug] = Field(default_factory=list)
    #: Without ``components``: ``any_of``, the applicant hands in one of the
    #: types (a "/"-list of alternatives); ``all_of``, all are needed.
    match: Literal["any_of", "all_of"] = "any_of"
    #: The papers the entry names, as a tree: a paper, ``{any_of: [...]}`` or
    #: ``{all_of: [...]}`` (a plain list is an ``all_of``). Left out, the tree is
    #: one paper per document type, combined by ``match``.
    components: Node | None = None
    originals: int = Field(default=1, ge=0)
    copies: int = Field(default=0, ge=0)
    certified: bool = False
    mode: Literal["submit", "show"] = "submit"
    #: The case in which the entry applies, in Vietnamese and English (curated:
    #: our words; imported: the portal's words, Vietnamese only). A plain string
    #: is Vietnamese: the portal's text, or a store written before conditions
    #: were bilingual.
    condition: Text | None = None
    #: Machine-readable applicability: the entry applies only when every attribute
    #: takes one of the listed values. Unknown attributes leave it applicable.
    applies_if: dict[Slug, list[str]] = Field(default_factory=dict)
    #: The dossier text itself says the paper is not needed when the data is in a DB.
    waived_by_text: bool = False
    #: The paper itself is handed in to be endorsed, replaced or revoked (a land
    #: certificate to be re-issued, an old registration to be cancelled): no
    #: database can stand in for the object, so it is never struck.
    surrendered: bool = False
    note: str | None = None

    @field_validator("condition", mode="before")
    @classmethod
    def _condition_text(cls, value: Any) -> Any:
        return {"vi": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _tree(self) -> "Requirement":
        if self.components is None:
            return self
        seen: set[str] = set()
        types: list[str] = []
        for paper in iter_papers(self.components):
            if paper.id in seen:
                raise ValueError(f"duplicate paper id {paper.id!r} in components")
            seen.add(paper.id)
            types.extend(paper.document_types)
        if types:
            # The entry's types are its papers' types: derived, never stale.
            object.__setattr__(self, "document_types", list(dict.fromkeys(types)))
        return self

    def tree(self) -> "Paper | AnyOf | AllOf":
        """The entry's tree of papers (derived from the types when not written)."""
        if self.components is not None:
            return self.components
        cached = self.__dict__.get("_derived")
        if cached is None:
            cached = derive_tree(self)
            self.__dict__["_derived"] = cached
        return cached


def derive_tree(req: Requirement) -> "Paper | AnyOf | AllOf":
    """One paper per recognised type, combined by ``req.match``."""
    docs = req.document_types
    if len(docs) <= 1:
        return Paper(id="p1", text=req.text, document_types=list(docs), surrendered=req.surrendered)
    papers = [Paper(id=f"p{k}", text=req.text, document_types=[d], surrendered=req.surrendered) for k, d in enumerate(docs, 1)]
    return AnyOf(any_of=papers) if req.match == "any_of" else AllOf(all_of=papers)


class Channel(Strict):
    kind: Literal["online", "in_person", "post"]
    days: float | None = None
    fee_vnd: float | None = None
    description: str | None = None


class Volume(Strict):
    per_year: int = Field(ge=0)
    year: int | None = None
    reference: Reference


class Procedure(Strict):
    code: Code
    name: Text
    ministry: Slug
    agency: str | None = None
    level: list[Literal["ministry", "province", "commune", "other"]] = Field(default_factory=list)
    field: str | None = None
    applicants: str | None = None
    url: str | None = None
    results: list[Slug] = Field(default_factory=list)
    result_text: str | None = None
    channels: list[Channel] = Field(default_factory=list)
    legal_refs: list[str] = Field(default_factory=list)
    volume: Volume | None = None
    requirements: list[Requirement]
    #: ``curated`` (procedures/catalogue) or ``imported`` (portal records).
    origin: Literal["curated", "imported"] = "curated"
    #: Last-change date of the underlying record, when known.
    updated: dt.date | None = None

    @model_validator(mode="after")
    def _unique_requirement_ids(self) -> "Procedure":
        seen: set[str] = set()
        for req in self.requirements:
            if req.id in seen:
                raise ValueError(f"duplicate requirement id {req.id!r}")
            seen.add(req.id)
        return self


# --------------------------------------------------------------------------- decisions


class Status(str, Enum):
    required = "required"
    struck = "struck"
    replaced = "replaced"
    not_applicable = "not_applicable"


class RequirementRef(BaseModel):
    id: str
    text: str


class Explanation(BaseModel):
    vi: str
    en: str


class TraceStep(BaseModel):
    """One rule activation that durable-rules fired for a requirement."""

    document_type: str
    rule: str
    outcome: str
    detail: str | None = None


class PaperDecision(BaseModel):
    """The decision on one paper of an entry (its ``components``)."""

    id: str
    text: str
    document_types: list[str]
    status: Status
    source: str | None
    rule: str
    legal_basis: str | None
    copies_avoided: int
    #: This paper counts as one paper the applicant no longer brings (in a list
    #: of alternatives that goes, only the alternative credited with it).
    counted: bool = False
    struck_if: dict[str, list[str]] | None = None
    #: Where in the entry's tree: ``any_of`` / ``by_case`` (alternatives by
    #: case) / ``all_of`` parents, outermost first.
    path: list[str] = Field(default_factory=list)
    surrendered: bool = False
    foreign: bool = False
    unrecorded: bool = False
    condition: str | None = None


class Decision(BaseModel):
    """The decision contract of DESIGN.md, one per requirement."""

    procedure: str
    requirement: RequirementRef
    document_types: list[str]
    status: Status
    source: str | None
    rule: str
    legal_basis: str | None
    copies_avoided: int
    fallback: str | None
    fallback_vi: str | None = None
    explanation: Explanation
    struck_if: dict[str, list[str]] | None = None
    #: One decision per paper the entry names; ``status`` above combines them.
    components: list[PaperDecision] = Field(default_factory=list)
    #: Every source a paper that goes is fetched from (``source`` is the first).
    sources: list[str] = Field(default_factory=list)
    trace: list[TraceStep] = Field(default_factory=list)


class Summary(BaseModel):
    requirements: int
    required: int
    struck: int
    replaced: int
    not_applicable: int
    conditional: int
    copies_before: int
    copies_after: int


class Evaluation(BaseModel):
    procedure: str
    procedure_name: str
    as_of: dt.date
    applicant: dict[str, Any]
    channel: str | None = None
    decisions: list[Decision]
    summary: Summary
    #: Attributes the caller did not give that would change a decision.
    missing_attributes: list[str] = Field(default_factory=list)
    catalogue_version: str
    rules_version: str
    source_state_version: str
    engine_version: str
