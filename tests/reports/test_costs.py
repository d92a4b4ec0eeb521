"""The cost model: values read from procedures/parameters, derivations re-checked."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.catalogue import Catalogue
from engine.costs import CostModelError, cost_model_from_data, load_cost_model, parameter_on
from engine.loading import load_catalogue

DAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def data():
    return load_catalogue().catalogue.parameters["cost-model"]


def value(data, name, day=DAY):
    return parameter_on(data, name, day).value


def test_derived_values_follow_from_cited_figures(data):
    per_copy = value(data, "certified_copies_cost_vnd_per_year") / value(data, "certified_copies_per_year")
    assert value(data, "vnd_per_copy") == pytest.approx(per_copy, abs=1)
    hours_per_dossier = value(data, "hanoi_travel_hours_saved_per_year") / value(data, "hanoi_dossiers_per_year")
    docs = value(data, "documents_avoided_per_dossier")
    assert value(data, "hours_per_document") == pytest.approx(hours_per_dossier / docs, abs=0.001)
    saving = (value(data, "hanoi_cost_before_vnd_per_year") - value(data, "hanoi_cost_after_vnd_per_year")) / value(data, "hanoi_dossiers_per_year")
    tariff = (saving - docs * value(data, "vnd_per_copy")) / hours_per_dossier
    assert value(data, "hourly_tariff_vnd") == pytest.approx(tariff, abs=1)
    assert value(data, "default_volume_per_year") == pytest.approx(
        value(data, "hanoi_dossiers_per_year") / value(data, "hanoi_procedures"), abs=1
    )


def test_model_reproduces_hanoi_saving(data):
    model = load_cost_model(load_catalogue().catalogue, DAY)
    dossiers = value(data, "hanoi_dossiers_per_year")
    docs = value(data, "documents_avoided_per_dossier")
    hours, vnd = model.burden(copies_per_year=dossiers * docs, documents_per_year=dossiers * docs)
    assert hours == pytest.approx(value(data, "hanoi_travel_hours_saved_per_year"), rel=0.001)
    saved = value(data, "hanoi_cost_before_vnd_per_year") - value(data, "hanoi_cost_after_vnd_per_year")
    assert vnd == pytest.approx(saved, rel=0.001)


def test_every_used_value_is_labelled_estimate_with_derivation():
    model = load_cost_model(Catalogue(), DAY)
    for p in model.parameters.values():
        assert p.estimate, p.name
        assert p.derivation and p.references, p.name
    assert model.as_dict()["estimate"] is True


def test_volume_cited_and_default(hand):
    cat, _ = hand
    model = load_cost_model(cat, DAY)
    assert model.volume(cat.procedures["1.000001"]) == (1000, False)
    assert model.volume(cat.procedures["1.000002"]) == (model.default_volume_per_year, True)


def test_dated_values_and_extrapolation():
    data = {"derived": {"x": {"values": {dt.date(2020, 1, 1): 1, dt.date(2025, 1, 1): 2}}}}
    assert parameter_on(data, "x", dt.date(2025, 1, 1)).value == 2
    early = parameter_on(data, "x", dt.date(2010, 1, 1))
    assert early.value == 1 and early.extrapolated


def test_errors_are_short_and_exact():
    with pytest.raises(CostModelError, match=r"^cost model: hours_per_document: missing$"):
        cost_model_from_data({"derived": {}}, DAY)
    with pytest.raises(CostModelError, match="is not a number"):
        parameter_on({"derived": {"x": {"values": {dt.date(2020, 1, 1): "a lot"}}}}, "x", DAY)
    with pytest.raises(ValueError):
        load_cost_model(Catalogue(), DAY).burden(-1, 0)
