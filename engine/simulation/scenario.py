"""What-if scenarios: named reforms made of small operations (OpenFisca-style reforms).

A scenario file in ``procedures/scenarios/`` names a reform, states its
assumptions with references, and lists *operations* applied, in order, to a
clone of the baseline catalogue (:func:`engine.simulation.apply.apply`)::

    id: land-phase-2
    name: {vi: ..., en: Land database phase 2}
    description: ...
    estimate: true
    assumptions:
      - statement: Phase 2 starts on 1 Jul 2026.
        reference: {source: "assumption", estimate: true}
    operations:
      - op: coverage
        source: land
        attribute: land-use
        add: [agricultural, non-agricultural, mixed]
        from: 2026-07-01
        reference: {source: "Res. 66.7 Art. 4.7", estimate: true}

Every problem is a :class:`~engine.errors.DataError` naming the file, the line
and the field (``operations[0].from``), like the catalogue loader's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from ..errors import DataError, OnceOnlyError
from ..models import Attribute, DocumentType, Reference, Requirement, Rule, Slug, Source, Text
from ..yamlio import YamlDoc, format_path, read_yaml


#: Scenario days lie in this range, so a timeline's next month or a repeal's day
#: before never overflows (``to: 9999-12-31`` made the API answer 500).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


def _bounded(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"must be a day between {FIRST_DAY} and {LAST_DAY}")
    return day


Day = Annotated[dt.date, AfterValidator(_bounded)]


class ScenarioError(OnceOnlyError):
    """A scenario (or a roadmap candidate list) is malformed; ``errors`` lists every problem."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        super().__init__(f"{len(errors)} error(s) in scenario: {shown}{more}" if errors else "scenario error")


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    #: Why this step is in the scenario (a fact or an assumption).
    reference: Reference | None = None
    note: str | None = None


class AddDocumentType(_Op):
    """Register a document type the baseline registry does not know."""

    op: Literal["add_document_type"]
    document: DocumentType


class AddAttribute(_Op):
    """Register an applicant attribute (e.g. the year a diploma was issued)."""

    op: Literal["add_attribute"]
    attribute: Attribute


class AddSource(_Op):
    """A new database under Res. 66.7 Art. 4.10, with the rules that use it."""

    op: Literal["add_source"]
    source: Source
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _proposed(self) -> "AddSource":
        if not self.source.proposed:
            raise ValueError("a source added by a scenario must say proposed: true (it is not law yet)")
        return self


class Announce(_Op):
    """The owner announces (publishes) the source on ``date``."""

    op: Literal["announce"]
    source: Slug
    date: Day


class Withdraw(_Op):
    """The source stops replacing documents from ``date`` (never announced when omitted)."""

    op: Literal["withdraw"]
    source: Slug
    date: Day | None = None


class Coverage(_Op):
    """From ``from``, the source covers more (``add``), fewer (``remove``) or exactly
    (``set``) values of an applicant attribute."""

    op: Literal["coverage"]
    source: Slug
    attribute: Slug
    from_: Day = Field(alias="from")
    add: list[str] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    set: list[str] | None = None

    @model_validator(mode="after")
    def _one_change(self) -> "Coverage":
        if self.set is None and not self.add and not self.remove:
            raise ValueError("give add, remove or set")
        if self.set is not None and (self.add or self.remove):
            raise ValueError("set cannot be combined with add or remove")
        return self


class Quality(_Op):
    """The source's data quality is ``level`` from ``from``."""

    op: Literal["quality"]
    source: Slug
    level: Literal["insufficient", "partial", "sufficient"]
    from_: Day = Field(alias="from")


class Outage(_Op):
    """The source is offline (or degraded) every day from ``from`` to ``to``, inclusive.

    Not a change of law: evaluation dates inside the window get a source-status override.
    """

    op: Literal["outage"]
    source: Slug
    from_: Day = Field(alias="from")
    to: Day
    status: Literal["offline", "degraded"] = "offline"

    @model_validator(mode="after")
    def _ordered(self) -> "Outage":
        if self.to < self.from_:
            raise ValueError("to is before from")
        return self


class AddRule(_Op):
    op: Literal["add_rule"]
    rule: Rule


class RepealRule(_Op):
    """Repeal a rule: from ``from`` (it ends the day before), or entirely when omitted."""

    op: Literal["repeal_rule"]
    rule: Slug
    from_: Day | None = Field(default=None, alias="from")


class EnactRule(_Op):
    """A ``proposed`` rule becomes ``in_force`` (from ``from`` when given)."""

    op: Literal["enact_rule"]
    rule: Slug
    from_: Day | None = Field(default=None, alias="from")


class RequirementPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    set: dict[str, Any]


class ChangeRequirements(_Op):
    """Remove, add or edit dossier entries of one procedure."""

    op: Literal["change_requirements"]
    procedure: str
    remove: list[str] = Field(default_factory=list)
    add: list[Requirement] = Field(default_factory=list)
    update: list[RequirementPatch] = Field(default_factory=list)


class SetVolume(_Op):
    """The procedure's yearly number of dossiers."""

    op: Literal["volume"]
    procedure: str
    per_year: int = Field(ge=0)
    year: int | None = None
    reference: Reference


Operation = Annotated[
    Union[
        AddDocumentType,
        AddAttribute,
        AddSource,
        Announce,
        Withdraw,
        Coverage,
        Quality,
        Outage,
        AddRule,
        RepealRule,
        EnactRule,
        ChangeRequirements,
        SetVolume,
    ],
    Field(discriminator="op"),
]
OP_NAMES = (
    "add_document_type", "add_attribute", "add_source", "announce", "withdraw", "coverage", "quality",
    "outage", "add_rule", "repeal_rule", "enact_rule", "change_requirements", "volume",
)
_OPERATION = TypeAdapter(Operation)


class Assumption(BaseModel):
    model_config = ConfigDict(extra="forbid")

    statement: str
    #: The same statement in Vietnamese (the dashboard's what-if page shows it on a Vietnamese page).
    statement_vi: str | None = None
    reference: Reference


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: Day = Field(alias="from")
    to: Day

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.to < self.from_:
            raise ValueError("to is before from")
        return self


class ScenarioHead(BaseModel):
    """Everything of a scenario file but its operations."""

    model_config = ConfigDict(extra="forbid")

    id: Slug
    name: Text
    description: str
    #: The description in Vietnamese (``description`` stays the English text the CLI prints).
    description_vi: str | None = None
    #: True when the scenario rests on assumptions (then each is listed and referenced).
    estimate: bool = False
    assumptions: list[Assumption] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    #: Default timeline range and default date of the diff.
    period: Period | None = None
    as_of: Day | None = None
    operations: list[Any] = Field(min_length=1)

    @model_validator(mode="after")
    def _assumptions_stated(self) -> "ScenarioHead":
        if self.estimate and not self.assumptions:
            raise ValueError("estimate: true needs the assumptions listed under 'assumptions'")
        return self


class Scenario(BaseModel):
    """A validated scenario and where it came from (for error messages)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    head: ScenarioHead
    operations: list[Any]
    file: str = "<scenario>"
    #: The parsed YAML (for the line of each field); None for scenarios built in code.
    doc: Any = None
    #: Path prefix of the scenario inside its file (a roadmap candidate: ``candidates[3]``).
    prefix: tuple = ()

    @property
    def id(self) -> str:
        return self.head.id

    @property
    def name(self) -> Text:
        return self.head.name

    def error(self, path: tuple, message: str) -> DataError:
        """A DataError at ``path`` (relative to the scenario) in its file."""
        full = self.prefix + tuple(path)
        line = self.doc.line_of(full) if self.doc is not None else None
        return DataError(self.file, line, format_path(full), message)

    def outages(self) -> list[Outage]:
        return [op for op in self.operations if isinstance(op, Outage)]

    def status_on(self, day: dt.date) -> dict[str, str]:
        """Source-status overrides in force on ``day`` (outage windows)."""
        out: dict[str, str] = {}
        for op in self.outages():
            if op.from_ <= day <= op.to:
                out[op.source] = op.status
        return out


# --------------------------------------------------------------------------- loading


def _errors(doc: YamlDoc | None, file: str, prefix: tuple, exc: ValidationError, drop_tag: bool = False) -> list[DataError]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        if drop_tag and loc and loc[0] in OP_NAMES:
            loc = loc[1:]  # pydantic puts the discriminator's value first
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "field required"
        elif err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc = ("op",)
            message = f"unknown operation; one of {', '.join(OP_NAMES)}"
        path = prefix + loc
        line = doc.line_of(path) if doc is not None else None
        out.append(DataError(file, line, format_path(path), message))
    return out


def parse_scenario(data: Any, file: str, doc: YamlDoc | None = None, prefix: tuple = (), default_id: str | None = None) -> Scenario:
    """Validate scenario ``data`` (already parsed YAML).

    Raises
    ------
    ScenarioError
        Every problem, each naming file, line and field.
    """
    errors: list[DataError] = []
    if not isinstance(data, dict):
        line = doc.line_of(prefix) if doc is not None else None
        raise ScenarioError([DataError(file, line, format_path(prefix) or None, "expected a mapping (a scenario)")])
    data = dict(data)
    if default_id and "id" not in data:
        data["id"] = default_id
    head = None
    try:
        head = ScenarioHead.model_validate(data)
    except ValidationError as exc:
        errors.extend(_errors(doc, file, prefix, exc))
    operations = []
    raw_ops = data.get("operations")
    if isinstance(raw_ops, list):
        for i, raw in enumerate(raw_ops):
            where = prefix + ("operations", i)
            if not isinstance(raw, dict):
                line = doc.line_of(where) if doc is not None else None
                errors.append(DataError(file, line, format_path(where), "expected a mapping with an 'op'"))
                continue
            try:
                operations.append(_OPERATION.validate_python(raw))
            except ValidationError as exc:
                errors.extend(_errors(doc, file, where, exc, drop_tag=True))
    if errors:
        # The head's complaint about operations repeats the per-operation ones.
        raise ScenarioError(_dedupe(errors))
    return Scenario(head=head, operations=operations, file=file, doc=doc, prefix=prefix)


def _dedupe(errors: list[DataError]) -> list[DataError]:
    seen, out = set(), []
    for e in errors:
        key = (e.file, e.line, e.field, e.message)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def display_path(path: Path) -> str:
    """A short name for messages: relative to the current folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_scenario(path: Path | str) -> Scenario:
    """Read and validate a scenario file.

    Raises
    ------
    ScenarioError
        Malformed YAML or an invalid field, naming file, line and field.
    """
    path = Path(path)
    name = display_path(path)
    try:
        doc = read_yaml(path, name)
    except DataError as exc:
        raise ScenarioError([exc]) from None
    if doc.data is None:
        raise ScenarioError([DataError(name, None, None, "empty file")])
    return parse_scenario(doc.data, name, doc, default_id=path.stem)


def find_scenario(name: str, root: Path | None) -> Path:
    """A scenario path: as given, or ``<root>/scenarios/<name>[.yaml]``."""
    path = Path(name)
    if path.is_file():
        return path
    if root is not None:
        for candidate in (root / "scenarios" / name, root / "scenarios" / f"{name}.yaml"):
            if candidate.is_file():
                return candidate
    raise ScenarioError([DataError(name, None, None, "no such scenario file (give a path or a name in procedures/scenarios/)")])
