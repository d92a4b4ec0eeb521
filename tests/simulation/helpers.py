from __future__ import annotations

from engine.simulation.population import parse_parameters
from engine.simulation.scenario import parse_scenario


def scenario(ops, **head):
    data = {"id": head.pop("id", "t"), "name": {"vi": "t", "en": "t"}, "description": "test", "operations": ops, **head}
    return parse_scenario(data, "test.yaml")


def params(nationality=None, land=None):
    return parse_parameters(
        {
            "label": "synthetic",
            "synthetic": True,
            "description": "test",
            "attributes": {
                "nationality": {"shares": nationality or {"vn": 1.0}, "reference": {"source": "test", "estimate": True}},
                "land-use": {"shares": land or {"residential": 0.5, "agricultural": 0.5}, "reference": {"source": "test", "estimate": True}},
            },
        }
    )


DIPLOMA_SOURCE = {
    "op": "add_source",
    "source": {
        "id": "dips", "name": {"vi": "d", "en": "d"}, "owner": "owner", "replaces": ["diploma"],
        "announcement": {"date": "2026-07-01", "reference": {"source": "t", "estimate": True}},
        "quality": {"2026-07-01": "sufficient"}, "legal_basis": {"act": "A", "article": "4.10"}, "proposed": True,
    },
    "rules": [{
        "id": "r-dips", "description": "d", "effect": "strike", "source": "dips", "valid_from": "2026-07-01",
        "valid_to": "2027-02-28", "legal_basis": {"act": "A"}, "fallback": "fb",
        "explanation": {"vi": "x", "en": "x"},
    }],
}
