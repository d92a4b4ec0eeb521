"""Synthetic applicant populations, held as counts over the joint categories.

The distributions live in ``procedures/parameters/population.yaml`` (each
share cited or labelled an assumption). An attribute's shares are either
unconditional or given the value of an earlier attribute (``given``), so the
joint probability of every combination of values is a product; a population of
N applicants is one multinomial draw of N over those combinations, never a
million dicts. :meth:`Population.classes` projects the counts onto the
attributes a procedure's rules test (the equivalence classes of DESIGN.md) by
summing the other axes.

``materialise`` draws the N applicants one by one instead (for the small-N
equivalence test): the same :class:`Population` then also holds the members.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from ..errors import DataError
from ..models import Reference, Slug
from ..yamlio import YamlDoc, format_path, read_yaml
from .scenario import ScenarioError

#: Shares must add up to 1 within this tolerance.
SUM_TOLERANCE = 1e-6
#: The pseudo-attribute for the filing channel (not a rule attribute: it picks the Art. 8 deadline).
CHANNEL = "channel"


class Distribution(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: ``{value: share}``, or with ``given``: ``{parent value: {value: share}}``.
    shares: dict[str, Any]
    given: Slug | None = None
    reference: Reference
    note: str | None = None

    @model_validator(mode="after")
    def _sums(self) -> "Distribution":
        tables = self.shares.values() if self.given else [self.shares]
        if self.given and not all(isinstance(t, dict) for t in tables):
            raise ValueError("with 'given', shares maps each value of the given attribute to a table of shares")
        for table in tables:
            if not isinstance(table, dict):
                raise ValueError("shares must map values to numbers")
            for v in table.values():
                if not isinstance(v, (int, float)) or v < 0:
                    raise ValueError(f"share {v!r} is not a number >= 0")
            total = sum(table.values())
            if abs(total - 1) > SUM_TOLERANCE:
                raise ValueError(f"shares add up to {total:g}, not 1")
        return self


class PopulationParameters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str
    description: str
    synthetic: bool
    attributes: dict[Slug, Distribution]

    @model_validator(mode="after")
    def _synthetic(self) -> "PopulationParameters":
        if not self.synthetic:
            raise ValueError("population parameters must be labelled synthetic: true")
        names = list(self.attributes)
        for i, (name, dist) in enumerate(self.attributes.items()):
            if dist.given is not None:
                if dist.given not in names[:i]:
                    raise ValueError(f"{name}: given attribute {dist.given!r} must be listed before it")
                parent_values = _values(self.attributes[dist.given])
                missing = [v for v in parent_values if v not in dist.shares]
                if missing:
                    raise ValueError(f"{name}: no shares for {dist.given} = {missing}")
        return self

    def values(self, name: str) -> list[str]:
        return _values(self.attributes[name])


def _values(dist: Distribution) -> list[str]:
    if dist.given is None:
        return list(dist.shares)
    seen: list[str] = []
    for table in dist.shares.values():
        for v in table:
            if v not in seen:
                seen.append(v)
    return seen


def load_parameters(path: Path | str) -> PopulationParameters:
    """Read ``population.yaml``.

    Raises
    ------
    ScenarioError
        With file, line and field of every problem.
    """
    path = Path(path)
    try:
        doc = read_yaml(path, str(path))
    except DataError as exc:
        raise ScenarioError([exc]) from None
    return parse_parameters(doc.data, doc)


def parse_parameters(data: Any, doc: YamlDoc | None = None, file: str = "population.yaml") -> PopulationParameters:
    try:
        return PopulationParameters.model_validate(data)
    except ValidationError as exc:
        name = doc.file if doc is not None else file
        errors = []
        for e in exc.errors():
            loc = tuple(e["loc"])
            message = {"extra_forbidden": "unknown field", "missing": "field required"}.get(e["type"], e["msg"])
            errors.append(DataError(name, doc.line_of(loc) if doc is not None else None, format_path(loc) or None, message))
        raise ScenarioError(errors) from None


@dataclass
class Population:
    """Applicants counted over every combination of attribute values.

    ``weights[i0, i1, ...]`` is the number of applicants (or, for
    :meth:`expected`, the probability) with ``attributes[0] = values[0][i0]``, ...
    """

    attributes: list[str]
    values: list[list[str]]
    weights: np.ndarray
    size: float
    seed: int | None = None
    #: Individual applicants (only for ``materialise``), in draw order.
    members: list[dict[str, str]] | None = None
    exact: bool = False
    _cache: dict = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ building

    @staticmethod
    def joint(params: PopulationParameters) -> tuple[list[str], list[list[str]], np.ndarray]:
        names = list(params.attributes)
        values = [params.values(n) for n in names]
        prob = np.ones([len(v) for v in values], dtype=float)
        for axis, name in enumerate(names):
            dist = params.attributes[name]
            shape = [1] * len(names)
            if dist.given is None:
                shape[axis] = len(values[axis])
                table = np.array([float(dist.shares.get(v, 0.0)) for v in values[axis]]).reshape(shape)
            else:
                parent = names.index(dist.given)
                shape[parent], shape[axis] = len(values[parent]), len(values[axis])
                table = np.array(
                    [[float(dist.shares[p].get(v, 0.0)) for v in values[axis]] for p in values[parent]]
                )
                if parent > axis:  # never: parents come first (validated)
                    table = table.T
                table = table.reshape(shape)
            prob = prob * table
        prob = prob / prob.sum()
        return names, values, prob

    @classmethod
    def generate(cls, params: PopulationParameters, size: int, seed: int | None = 0) -> "Population":
        """N applicants as one multinomial draw over the joint categories."""
        names, values, prob = cls.joint(params)
        rng = np.random.default_rng(seed)
        counts = rng.multinomial(size, prob.ravel()).reshape(prob.shape)
        return cls(names, values, counts, size, seed)

    @classmethod
    def expected(cls, params: PopulationParameters) -> "Population":
        """The exact expected shares (an infinite population): weights are probabilities."""
        names, values, prob = cls.joint(params)
        return cls(names, values, prob, 1.0, None, exact=True)

    @classmethod
    def materialise(cls, params: PopulationParameters, size: int, seed: int | None = 0) -> "Population":
        """Draw the N applicants one by one (slow path, kept for the equivalence test)."""
        names, values, prob = cls.joint(params)
        rng = np.random.default_rng(seed)
        cells = rng.choice(prob.size, size=size, p=prob.ravel())
        members = []
        for cell in cells:
            index = np.unravel_index(int(cell), prob.shape)
            members.append({n: values[a][int(index[a])] for a, n in enumerate(names)})
        counts = np.bincount(cells, minlength=prob.size).reshape(prob.shape)
        return cls(names, values, counts, size, seed, members=members)

    # ------------------------------------------------------------------ classes

    def classes(
        self, attributes: tuple[str, ...], groups: dict[str, list[frozenset]] | None = None
    ) -> list[tuple[dict[str, str], float]]:
        """The equivalence classes over ``attributes`` that occur, with their weight,
        each as one real member of the population (all its attributes).

        ``groups`` optionally names, per attribute, the value sets the rules test:
        values that belong to exactly the same sets decide alike, so they share a
        class (an exact coarsening). An attribute the parameters do not describe
        is left out of the member (the engine then treats it as unknown).
        """
        key = (tuple(attributes), tuple(sorted((a, tuple(sorted(map(tuple, map(sorted, g))))) for a, g in (groups or {}).items())))
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        axes = sorted(self.attributes.index(a) for a in attributes if a in self.attributes)
        if not axes:
            out = [(self._member({}), float(self.weights.sum()))]
            self._cache[key] = out
            return out
        other = tuple(i for i in range(len(self.attributes)) if i not in axes)
        projected = self.weights.sum(axis=other) if other else self.weights
        # Group the values of each kept axis (``sum`` keeps the axes in their order).
        partitions: list[list[list[int]]] = []
        for pos, axis in enumerate(axes):
            values = self.values[axis]
            sets = (groups or {}).get(self.attributes[axis])
            if sets is None:
                parts = [[i] for i in range(len(values))]
            else:
                by_sig: dict[tuple, list[int]] = {}
                for i, v in enumerate(values):
                    by_sig.setdefault(tuple(v in s for s in sets), []).append(i)
                parts = list(by_sig.values())
            onehot = np.zeros((len(values), len(parts)))
            for g, members in enumerate(parts):
                onehot[members, g] = 1.0
            projected = np.moveaxis(np.tensordot(projected, onehot, axes=([pos], [0])), -1, pos)
            partitions.append(parts)
        out = []
        for index in zip(*np.nonzero(projected)):
            weight = projected[index]
            chosen = {axis: partitions[pos][int(g)] for pos, (axis, g) in enumerate(zip(axes, index))}
            out.append((self._member(chosen), float(weight)))
        self._cache[key] = out
        return out

    def _member(self, chosen: dict[int, list[int]]) -> dict[str, str]:
        """A real member of the population whose value on each axis is one of
        ``chosen[axis]``: the first drawn applicant, or the first occupied joint cell."""
        names = self.attributes
        if self.members is not None:
            allowed = {names[a]: {self.values[a][i] for i in idx} for a, idx in chosen.items()}
            for m in self.members:
                if all(m[n] in vals for n, vals in allowed.items()):
                    return dict(m)
        selector = np.ix_(*[chosen.get(a, list(range(len(self.values[a])))) for a in range(len(names))])
        sub = self.weights[selector]
        hit = np.argwhere(sub > 0)[0]
        cell = [chosen.get(a, list(range(len(self.values[a]))))[int(i)] for a, i in enumerate(hit)]
        return {n: self.values[a][cell[a]] for a, n in enumerate(names)}

    def marginal(self, attribute: str) -> dict[str, float]:
        axis = self.attributes.index(attribute)
        other = tuple(i for i in range(len(self.attributes)) if i != axis)
        sums = self.weights.sum(axis=other) if other else self.weights
        total = float(sums.sum())
        return {v: float(sums[i]) / total for i, v in enumerate(self.values[axis])}

    def describe(self) -> dict:
        return {
            "size": None if self.exact else int(self.size),
            "exact_expectation": self.exact,
            "seed": self.seed,
            "synthetic": True,
            "marginals": {a: self.marginal(a) for a in self.attributes},
        }


def iter_members(pop: Population) -> Iterator[dict[str, str]]:
    if pop.members is None:
        raise ValueError("population was not materialised")
    return iter(pop.members)


def parameters_path(root: Path | None) -> Path | None:
    if root is None:
        return None
    path = root / "parameters" / "population.yaml"
    return path if path.is_file() else None


__all__ = ["Population", "PopulationParameters", "load_parameters", "parse_parameters", "parameters_path", "CHANNEL", "math"]
