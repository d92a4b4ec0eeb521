"""``GET /api/v1/reports/compliance``: Res. 66.7's appendix rows against the catalogue (officer role)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from .conftest import auth, make_settings

pytest.importorskip("engine.reports.compliance")

URL = "/api/v1/reports/compliance"
DAY = {"as_of": "2026-06-01"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_officer_gets_the_report(client, tokens):
    from api.schemas.compliance import ComplianceReportPublic

    r = client.get(URL, params=DAY, headers=auth(tokens["officer"]))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    for key in ("total", "by_ministry", "rows", "candidates", "built_from"):
        assert key in body, key
    assert body["report"] == "compliance" and body["as_of"] == "2026-06-01"
    # The shipped catalogue has the appendix rules (procedures/rules/res-66-7-appendix-*.yaml).
    assert set(body["built_from"]) >= {"res-66-7-appendix-1", "res-66-7-appendix-2"}
    assert body["total"]["rows"] == len(body["rows"]) > 0
    assert body["total"]["asked"] == sum(row["asked"] for row in body["rows"]) > 0
    assert sum(g["rows"] for g in body["by_ministry"].values()) == body["total"]["rows"]
    assert body["total"]["candidates"] == len(body["candidates"])
    assert body["procedures_evaluated"] > 0
    # Names and state labels for the dashboard, in the requested language (vi by default).
    assert body["ministry_names"]["bo-tu-phap"] == "Bộ Tư pháp"
    assert body["state_labels"]["struck"].startswith("Không phải nộp")
    ComplianceReportPublic.model_validate(body)  # the documented response model holds


def test_report_reuses_the_analysis_engine(app, client, tokens):
    from api.analysis import analysis_of

    h = auth(tokens["officer"])
    first = client.get(URL, params=DAY, headers=h).json()
    again = client.get(URL, params=DAY, headers=h).json()
    assert first == again
    cached = analysis_of(app.state.runtime)._results
    assert sum(1 for key in cached if key[0] == "compliance") == 1


def test_ministry_filter_and_english(client, tokens):
    h = auth(tokens["officer"])
    everything = client.get(URL, params=DAY, headers=h).json()
    r = client.get(URL, params={**DAY, "ministry": "bo-tu-phap", "lang": "en"}, headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body["by_ministry"]) == {"bo-tu-phap"}
    assert body["total"]["rows"] == everything["by_ministry"]["bo-tu-phap"]["rows"]
    assert {row["ministry"] for row in body["rows"]} == {"bo-tu-phap"}
    assert body["ministry_names"]["bo-tu-phap"] == "Ministry of Justice"
    assert body["state_labels"]["struck"] == "struck"


def test_portal_key_is_refused(client, tokens):
    r = client.get(URL, params=DAY, headers=auth(tokens["portal"]))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert client.get(URL, params=DAY).status_code == 401


def test_unknown_ministry_names_the_field(client, tokens):
    r = client.get(URL, params={**DAY, "ministry": "nope"}, headers=auth(tokens["officer"]))
    assert r.status_code == 404
    error = r.json()["error"]
    assert set(error) == {"status", "code", "message", "path", "errors"}
    assert error["status"] == 404 and error["code"] == "unknown_ministry" and error["path"] == "query.ministry"
    assert "nope" in error["message"]


def test_csv_and_xlsx(client, tokens):
    h = auth(tokens["officer"])
    rows = client.get(URL, params={**DAY, "ministry": "bo-tu-phap"}, headers=h).json()["rows"]
    r = client.get(URL, params={**DAY, "ministry": "bo-tu-phap", "format": "csv"}, headers=h)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="compliance-2026-06-01.csv"' in r.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert table[0][:2] == ["Phụ lục", "Mục"] and len(table) == len(rows) + 1
    r = client.get(URL, params={**DAY, "format": "xlsx", "lang": "en"}, headers=h)
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    assert r.content[:2] == b"PK" and "attachment" in r.headers["content-disposition"]
    # The Accept header negotiates as well.
    r = client.get(URL, params=DAY, headers={**h, "Accept": XLSX})
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    r = client.get(URL, params={**DAY, "format": "pdf"}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["path"] == "query.format"


def test_catalogue_without_appendix_rules(catalogue_dir, db_url, tokens):
    for path in (catalogue_dir / "rules").glob("res-66-7-appendix-*.yaml"):
        path.unlink()
    from api.main import create_app

    with TestClient(create_app(make_settings(catalogue_dir, db_url)), raise_server_exceptions=False) as c:
        r = c.get(URL, params=DAY, headers=auth(tokens["officer"]))
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert error["code"] == "no_appendix_rules" and "appendi" in error["message"].lower()
