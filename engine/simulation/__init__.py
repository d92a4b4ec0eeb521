"""What-if simulation: scenarios applied to a clone of the baseline, compared
decision by decision (see :mod:`engine.simulation.simulate`).

- :mod:`.scenario`: the scenario file format (pydantic models) and its loader;
- :mod:`.apply`: ``apply(catalogue, scenario) -> Catalogue`` (never mutates the baseline);
- :mod:`.population`: synthetic applicant populations as counts over joint categories;
- :mod:`.simulate`: the diff by ministry, source and procedure, and the monthly timeline;
- :mod:`.roadmap`: greedy ordering of candidate databases by marginal hours saved;
- :mod:`.chart`: the timeline and per-ministry bars as PNG or self-contained HTML.
"""

from .apply import apply, applied, status_on
from .population import Population, PopulationParameters, load_parameters
from .scenario import Scenario, ScenarioError, load_scenario, parse_scenario
from .simulate import Simulator, simulate

__all__ = [
    "apply",
    "applied",
    "status_on",
    "Population",
    "PopulationParameters",
    "load_parameters",
    "Scenario",
    "ScenarioError",
    "load_scenario",
    "parse_scenario",
    "Simulator",
    "simulate",
]
