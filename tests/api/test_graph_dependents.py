"""``GET /graph/dependents`` and ``/graph/dependents/choices``: who depends on one database or one
agency, with counts, copies and hours that agree with the burden report and the agency graph."""

from __future__ import annotations

import pytest

from .conftest import auth

pytest.importorskip("engine.graph")

DAY = "2026-06-01"
FIGURES = (
    "copies_per_year",
    "conditional_copies_per_year",
    "hours",
    "conditional_hours",
    "vnd",
    "conditional_vnd",
)


def _get(client, tokens, path, **params):
    return client.get(
        f"/api/v1/graph/{path}",
        params={"as_of": DAY, **params},
        headers=auth(tokens["officer"]),
    )


def test_population_database_dependents_agree_with_the_burden_report(client, tokens):
    r = _get(client, tokens, "dependents", source="population")
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["kind"], body["id"], body["owner"]) == (
        "source",
        "population",
        "bo-cong-an",
    )
    assert (
        body["name"] == "Cơ sở dữ liệu quốc gia về dân cư"
        and body["owner_name"] == "Bộ Công an"
    )
    assert body["estimate"] is True and body["hours_per_document"] > 0
    # Same rows as the burden report filtered on the database: copies, hours and VND are its figures.
    burden = client.get(
        "/api/v1/reports/burden",
        params={"as_of": DAY, "source": "population"},
        headers=auth(tokens["officer"]),
    ).json()
    for k in FIGURES:
        assert body["total"][k] == pytest.approx(burden["total"][k]), k
    assert (
        body["total"]["procedures"]
        == burden["total"]["procedures"]
        == len(body["procedures"])
        > 0
    )
    by_ministry = burden["totals"]["ministry"]
    assert {m["ministry"] for m in body["ministries"]} == set(by_ministry)
    for m in body["ministries"]:
        assert m["procedures"] == by_ministry[m["ministry"]]["procedures"], m[
            "ministry"
        ]
        assert m["conditional_hours"] == pytest.approx(
            by_ministry[m["ministry"]]["conditional_hours"]
        )
        assert m["own"] == (m["ministry"] == "bo-cong-an")
        mine = [p for p in body["procedures"] if p["ministry"] == m["ministry"]]
        assert (
            len(mine) == m["procedures"]
            and sum(p["requirements"] for p in mine) == m["requirements"]
        )
    # Most procedures first; the Ministry of Justice (civil status) leads on the shipped catalogue.
    counts = [m["procedures"] for m in body["ministries"]]
    assert counts == sorted(counts, reverse=True)
    assert body["ministries"][0]["name"] == "Bộ Tư pháp"
    # No applicant: what the population database removes hangs on nationality, so it is conditional.
    assert (
        body["total"]["conditional_copies_per_year"] > 0
        and body["total"]["document_requirements"] == 0
    )
    for p in body["procedures"]:
        assert (
            p["sources"] == ["population"]
            and p["data_requirements"] == p["requirements"] > 0
        )


def test_agency_dependents_agree_with_the_agency_graph(client, tokens):
    body = _get(client, tokens, "dependents", agency="bo-cong-an").json()
    assert body["kind"] == "agency" and body["name"] == "Bộ Công an"
    assert "population" in {s["id"] for s in body["sources"]}
    graph = _get(
        client, tokens, "dependencies", ministry="bo-cong-an", include_self="true"
    ).json()["dependencies"]
    needs = {d["from"]: d for d in graph if d["to"] == "bo-cong-an"}
    rows = {m["ministry"]: m for m in body["ministries"]}
    assert set(needs) <= set(rows)
    for ministry, d in needs.items():
        # The same papers issued by the agency, and at least the same procedures (its databases may add some).
        assert rows[ministry]["document_requirements"] == d["document_requirements"], (
            ministry
        )
        assert rows[ministry]["procedures"] >= d["procedures"], ministry
    # The agency's databases: its copies are the sum of what each of them removes.
    per_source = [
        _get(client, tokens, "dependents", source=s["id"]).json()["total"]
        for s in body["sources"]
    ]
    assert body["total"]["conditional_copies_per_year"] == pytest.approx(
        sum(t["conditional_copies_per_year"] for t in per_source)
    )
    assert body["total"]["copies_per_year"] == pytest.approx(
        sum(t["copies_per_year"] for t in per_source)
    )


def test_english_names(client, tokens):
    body = _get(client, tokens, "dependents", source="population", lang="en").json()
    assert body["owner_name"] == "Ministry of Public Security"
    assert "Ministry of Justice" in {m["name"] for m in body["ministries"]}


def test_choices_name_every_database_and_the_agencies_depended_on(client, tokens):
    r = _get(client, tokens, "dependents/choices")
    assert r.status_code == 200, r.text
    body = r.json()
    sources = {s["id"]: s for s in body["sources"]}
    assert set(sources) == {
        s["id"]
        for s in client.get("/api/v1/sources", headers=auth(tokens["officer"])).json()[
            "items"
        ]
    }
    population = _get(client, tokens, "dependents", source="population").json()["total"]
    assert (
        sources["population"]["procedures"],
        sources["population"]["ministries"],
    ) == (population["procedures"], population["ministries"])
    agencies = {a["id"]: a for a in body["agencies"]}
    assert (
        "population" in agencies["bo-cong-an"]["sources"]
        and agencies["bo-cong-an"]["name"] == "Bộ Công an"
    )
    names = [a["name"].casefold() for a in body["agencies"]]
    assert names == sorted(names)


@pytest.mark.parametrize(
    "params,status,code,path",
    [
        ({}, 422, "invalid_request", "query.source"),
        (
            {"source": "population", "agency": "bo-cong-an"},
            422,
            "invalid_request",
            "query.agency",
        ),
        ({"source": "atlantis"}, 404, "unknown_source", "query.source"),
        ({"agency": "bo-nothing"}, 404, "unknown_agency", "query.agency"),
        (
            {"source": "population", "as_of": "2026-13-01"},
            422,
            "invalid_request",
            "query.as_of",
        ),
    ],
)
def test_refusals_use_the_error_shape(client, tokens, params, status, code, path):
    r = client.get(
        "/api/v1/graph/dependents", params=params, headers=auth(tokens["officer"])
    )
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert (err["code"], err["path"]) == (code, path)


def test_portal_keys_may_not_ask(client, tokens):
    for path in ("dependents?source=population", "dependents/choices"):
        assert (
            client.get(
                f"/api/v1/graph/{path}", headers=auth(tokens["portal"])
            ).status_code
            == 403
        )
        assert client.get(f"/api/v1/graph/{path}").status_code == 401
