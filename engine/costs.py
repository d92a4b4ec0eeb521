"""The Standard Cost Model: avoided copies -> hours and VND.

The figures live in ``procedures/parameters/cost-model.yaml`` (dated, cited,
estimates labelled); this module only reads them and applies the SCM formula
(EU Better Regulation Toolbox tool #53, UK SCM manual 2005)::

    cost per occurrence = hourly tariff x time (+ out-of-pocket cost per copy)
    yearly burden       = cost per occurrence x yearly volume

One occurrence is one document an applicant must obtain and hand in. For a
year of dossiers::

    hours = documents_per_year x hours_per_document
    vnd   = hours x hourly_tariff_vnd + copies_per_year x vnd_per_copy

The interface (:func:`load_cost_model`, :class:`CostModel`,
:class:`Parameter`, :class:`CostModelError`) is stable: reports and
simulations build on it.

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> cat = load_catalogue().catalogue
>>> model = load_cost_model(cat, dt.date(2026, 6, 1))
>>> model.volume(cat.procedures["1.001193"])
(1400000, False)
>>> hours, vnd = model.burden(copies_per_year=2, documents_per_year=1)
>>> hours == model.hours_per_document
True
>>> vnd == hours * model.hourly_tariff_vnd + 2 * model.vnd_per_copy
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import OnceOnlyError
from .models import Procedure

#: File stem of the cost-model parameters in ``procedures/parameters/``.
PARAMETER_FILE = "cost-model"
#: Sections of the parameter file searched for a parameter name, in order.
SECTIONS = ("derived", "assumptions", "cited")
#: The parameters the model needs (names in the file; no values here).
REQUIRED = ("hours_per_document", "hourly_tariff_vnd", "vnd_per_copy", "default_volume_per_year")


class CostModelError(OnceOnlyError):
    """The cost-model parameters are missing or malformed.

    Examples
    --------
    >>> str(CostModelError("hours_per_document", "missing"))
    'cost model: hours_per_document: missing'
    """

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"cost model: {name}: {message}")


@dataclass(frozen=True)
class Parameter:
    """One parameter's value on a date, with where it comes from.

    Attributes
    ----------
    name : str
        Parameter name in the file (``hours_per_document``...).
    value : float
        Value on the date asked for.
    since : datetime.date
        First day of that value (its key in ``values``).
    unit : str
        Unit as written in the file ("hours/document"...).
    description : str
        What the value means.
    estimate : bool
        True when the value is the project's assumption or derivation.
    derivation : str or None
        The arithmetic behind a derived value.
    references : list of dict
        ``{"source", "url", "note", "estimate"}`` records from the file.
    extrapolated : bool
        True when the date is before the first value and the first value was used.
    """

    name: str
    value: float
    since: dt.date
    unit: str = ""
    description: str = ""
    estimate: bool = False
    derivation: str | None = None
    references: list[dict] = field(default_factory=list)
    extrapolated: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (dates as ISO strings)."""
        return {
            "name": self.name,
            "value": self.value,
            "since": self.since.isoformat(),
            "unit": self.unit,
            "description": self.description,
            "estimate": self.estimate,
            "derivation": self.derivation,
            "references": self.references,
            "extrapolated": self.extrapolated,
        }


def _as_date(key: Any, name: str) -> dt.date:
    if isinstance(key, dt.datetime):
        return key.date()
    if isinstance(key, dt.date):
        return key
    try:
        return dt.date.fromisoformat(str(key))
    except ValueError:
        raise CostModelError(name, f"value key {key!r} is not a date") from None


def _references(raw: Any) -> list[dict]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    return [dict(item) if isinstance(item, Mapping) else {"source": str(item)} for item in items]


def parameter_on(data: Mapping[str, Any], name: str, as_of: dt.date) -> Parameter:
    """Read parameter ``name`` of a raw cost-model mapping on ``as_of``.

    Parameters
    ----------
    data : mapping
        The parsed ``cost-model.yaml`` (``Catalogue.parameters["cost-model"]``).
    name : str
        Parameter name, looked up in the ``derived``, ``assumptions`` and
        ``cited`` sections in that order.
    as_of : datetime.date
        The date; the value with the latest key on or before it is used.

    Returns
    -------
    Parameter

    Raises
    ------
    CostModelError
        The parameter is absent, has no ``values``, a key is not a date or a
        value is not a number.

    Examples
    --------
    >>> data = {"derived": {"x": {"values": {dt.date(2020, 1, 1): 1, dt.date(2025, 1, 1): 2}}}}
    >>> parameter_on(data, "x", dt.date(2024, 12, 31)).value
    1.0
    >>> parameter_on(data, "x", dt.date(2019, 1, 1)).extrapolated
    True
    >>> parameter_on(data, "y", dt.date(2024, 1, 1))
    Traceback (most recent call last):
    ...
    engine.costs.CostModelError: cost model: y: missing
    """
    spec = None
    for section in SECTIONS:
        block = data.get(section) if isinstance(data, Mapping) else None
        if isinstance(block, Mapping) and name in block:
            spec = block[name]
            break
    if spec is None:
        raise CostModelError(name, "missing")
    values = spec.get("values") if isinstance(spec, Mapping) else None
    if not isinstance(values, Mapping) or not values:
        raise CostModelError(name, "no values")
    dated = sorted((_as_date(k, name), v) for k, v in values.items())
    chosen, extrapolated = None, False
    for start, value in dated:
        if start <= as_of:
            chosen = (start, value)
    if chosen is None:
        chosen, extrapolated = dated[0], True
    since, value = chosen
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CostModelError(name, f"value on {since.isoformat()} is not a number")
    refs = _references(spec.get("reference", spec.get("references")))
    estimate = bool(spec.get("estimate", False)) or any(r.get("estimate") for r in refs)
    return Parameter(
        name=name,
        value=float(value),
        since=since,
        unit=str(spec.get("unit", "")),
        description=" ".join(str(spec.get("description", "")).split()),
        estimate=estimate,
        derivation=" ".join(str(spec["derivation"]).split()) if spec.get("derivation") else None,
        references=refs,
        extrapolated=extrapolated,
    )


@dataclass(frozen=True)
class CostModel:
    """Cost-model values on one date and the SCM arithmetic over them.

    Build it with :func:`load_cost_model`; all figures come from the parameter file.

    Attributes
    ----------
    as_of : datetime.date
        Date the values were read for.
    parameters : dict of str to Parameter
        Every parameter used, with provenance (for report footers and the API).
    """

    as_of: dt.date
    parameters: dict[str, Parameter]

    # -------------------------------------------------------------- values

    @property
    def hours_per_document(self) -> float:
        """Applicant hours to obtain one document (an estimate)."""
        return self.parameters["hours_per_document"].value

    @property
    def hourly_tariff_vnd(self) -> float:
        """SCM hourly tariff in VND (an estimate)."""
        return self.parameters["hourly_tariff_vnd"].value

    @property
    def vnd_per_copy(self) -> float:
        """Out-of-pocket VND per avoided copy (an estimate)."""
        return self.parameters["vnd_per_copy"].value

    @property
    def default_volume_per_year(self) -> int:
        """Yearly dossiers assumed when a procedure cites none (an estimate)."""
        return int(round(self.parameters["default_volume_per_year"].value))

    @property
    def estimate(self) -> bool:
        """True when any value the model uses is an estimate (always, today)."""
        return any(p.estimate for p in self.parameters.values())

    # -------------------------------------------------------------- formulas

    def volume(self, procedure: Procedure) -> tuple[int, bool]:
        """Yearly dossiers of ``procedure`` and whether that number is estimated.

        Parameters
        ----------
        procedure : Procedure
            A catalogue procedure; its ``volume`` is used when present.

        Returns
        -------
        per_year : int
            The cited volume, or :attr:`default_volume_per_year`.
        estimated : bool
            True for the default, or for a cited volume whose reference is
            marked ``estimate: true``.

        Examples
        --------
        >>> from engine.models import Procedure
        >>> model = CostModel(dt.date(2026, 1, 1), {"default_volume_per_year": Parameter("default_volume_per_year", 10, dt.date(2020, 1, 1))})
        >>> model.volume(Procedure(code="1.000001", name={"vi": "x"}, ministry="m", requirements=[]))
        (10, True)
        """
        vol = procedure.volume
        if vol is None:
            return self.default_volume_per_year, True
        return int(vol.per_year), bool(vol.reference.estimate)

    def burden(self, copies_per_year: float, documents_per_year: float) -> tuple[float, float]:
        """Yearly hours and VND of obtaining ``documents_per_year`` documents in
        ``copies_per_year`` copies (originals and copies together).

        Parameters
        ----------
        copies_per_year : float
            Paper copies handed in (or avoided) per year.
        documents_per_year : float
            Documents obtained (or avoided) per year; each costs
            :attr:`hours_per_document` of applicant time.

        Returns
        -------
        hours : float
            ``documents_per_year * hours_per_document``.
        vnd : float
            ``hours * hourly_tariff_vnd + copies_per_year * vnd_per_copy``.

        Raises
        ------
        ValueError
            A count is negative.

        Examples
        --------
        >>> p = lambda n, v: Parameter(n, v, dt.date(2020, 1, 1))
        >>> model = CostModel(dt.date(2026, 1, 1), {n: p(n, v) for n, v in
        ...     [("hours_per_document", 2), ("hourly_tariff_vnd", 100), ("vnd_per_copy", 10), ("default_volume_per_year", 1)]})
        >>> model.burden(copies_per_year=3, documents_per_year=2)
        (4.0, 430.0)
        """
        if copies_per_year < 0 or documents_per_year < 0:
            raise ValueError("counts must not be negative")
        hours = documents_per_year * self.hours_per_document
        vnd = hours * self.hourly_tariff_vnd + copies_per_year * self.vnd_per_copy
        return float(hours), float(vnd)

    def per_dossier(self, copies: float, documents: float) -> tuple[float, float]:
        """Hours and VND of one dossier (``burden`` for a volume of one)."""
        return self.burden(copies, documents)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready description: date, the values used, and their provenance."""
        return {
            "as_of": self.as_of.isoformat(),
            "estimate": self.estimate,
            "formula": {
                "hours": "documents_per_year x hours_per_document",
                "vnd": "hours x hourly_tariff_vnd + copies_per_year x vnd_per_copy",
            },
            "parameters": {name: p.as_dict() for name, p in self.parameters.items()},
        }


def cost_model_from_data(data: Mapping[str, Any], as_of: dt.date) -> CostModel:
    """Build a :class:`CostModel` from a parsed parameter file.

    Raises
    ------
    CostModelError
        A required parameter is missing or malformed.
    """
    if not isinstance(data, Mapping):
        raise CostModelError(PARAMETER_FILE, "expected a mapping")
    return CostModel(as_of, {name: parameter_on(data, name, as_of) for name in REQUIRED})


def load_cost_model(catalogue, as_of: dt.date | None = None) -> CostModel:
    """The cost model of ``catalogue`` (its ``parameters/cost-model.yaml``) on ``as_of``.

    A catalogue loaded from a folder without that file (small test trees) gets
    the shipped parameters.

    Parameters
    ----------
    catalogue : Catalogue
        Any catalogue; only ``catalogue.parameters`` is read.
    as_of : datetime.date, optional
        Date of the values (default: today).

    Returns
    -------
    CostModel

    Raises
    ------
    CostModelError
        No parameter file is found, or a required value is missing or malformed.

    Examples
    --------
    >>> from engine.catalogue import Catalogue
    >>> load_cost_model(Catalogue(), dt.date(2026, 6, 1)).parameters["vnd_per_copy"].estimate
    True
    """
    as_of = as_of or dt.date.today()
    data = (catalogue.parameters or {}).get(PARAMETER_FILE)
    if data is None:
        data = _shipped()
    return cost_model_from_data(data, as_of)


def _shipped() -> Mapping[str, Any]:
    from .loading import DEFAULT_ROOT
    from .yamlio import read_yaml

    path = DEFAULT_ROOT / "parameters" / f"{PARAMETER_FILE}.yaml"
    if not path.is_file():
        raise CostModelError(PARAMETER_FILE, f"no parameter file ({path})")
    return read_yaml(path, str(path)).data
