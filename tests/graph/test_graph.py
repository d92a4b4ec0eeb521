"""The graph on the hand-built catalogue: every figure known."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from ..reports.hand_catalogue import DAY, VN

from engine.costs import load_cost_model
from engine.errors import UnknownSource
from engine.graph import (
    ExportError,
    NothingToDraw,
    UnknownChange,
    UnknownNode,
    agency_dependencies,
    bounded_cycles,
    build_graph,
    draw_ministry,
    export,
    longest_chains,
    prerequisite_graph,
    prerequisites,
    rank_sources,
    source_impact,
)


def test_nodes_and_edges(hand_graph):
    g = hand_graph
    kinds = nx.get_node_attributes(g, "kind")
    assert sorted(k for k in kinds.values() if k == "procedure") == ["procedure"] * 3
    assert g.has_edge("agency:agency-a", "procedure:1.000001", key="runs")
    assert g.has_edge("procedure:1.000002", "document:cert-x", key="requires")
    assert g.has_edge("procedure:1.000001", "document:cert-x", key="issues")
    assert g.has_edge("agency:agency-b", "document:id-card", key="issues")
    assert g.has_edge("document:id-card", "source:db", key="replaced_by")
    assert not g.has_edge("document:licence-y", "source:db2", key="replaced_by")  # proposed rule: not in force
    assert g.has_edge("agency:agency-b", "source:db", key="owns")
    data = g.get_edge_data("procedure:1.000002", "document:id-card", key="requires")
    assert data["requirements"] == ["id"] and data["copies"] == 2
    assert data["decisions"]["id"] == {"kind": "definite", "source": "db"}


def test_replaced_by_follows_dates(hand):
    cat, _ = hand
    import datetime as dt

    g = build_graph(cat, as_of=dt.date(2025, 6, 1))
    assert not g.has_edge("document:id-card", "source:db", key="replaced_by")
    assert build_graph(cat, as_of=DAY, include_proposed=True).has_edge("document:licence-y", "source:db2", key="replaced_by")


def test_agency_dependencies(hand_graph, hand):
    cat, _ = hand
    default = load_cost_model(cat, DAY).default_volume_per_year
    deps = {(d["from"], d["to"]): d for d in agency_dependencies(hand_graph)}
    ab = deps[("agency-a", "agency-b")]
    assert (ab["requirements"], ab["document_requirements"], ab["data_requirements"]) == (3, 2, 3)
    assert ab["volume_per_year"] == 1000 + 2 * default and ab["volume_estimated"] and ab["procedures"] == 2
    ba = deps[("agency-b", "agency-a")]
    assert (ba["requirements"], ba["document_requirements"], ba["data_requirements"]) == (2, 2, 0)  # cert-x by 1.000001; licence-y issuer a
    assert ba["volume_per_year"] == 2 * default
    assert set(deps) == {("agency-a", "agency-b"), ("agency-b", "agency-a")}
    own = {(d["from"], d["to"]): d for d in agency_dependencies(hand_graph, include_self=True)}
    assert own[("agency-a", "agency-a")]["requirements"] == 1  # 1.000002 needs cert-x, a result of 1.000001
    with pytest.raises(UnknownNode, match=r"^unknown agency 'nobody'$"):
        agency_dependencies(hand_graph, ministry="nobody")


def test_prerequisites(hand_graph, hand):
    cat, _ = hand
    pg = prerequisite_graph(hand_graph, cat)
    assert set(pg.edges) == {("1.000002", "1.000001"), ("2.000003", "1.000001")}
    assert pg["1.000002"]["1.000001"]["paper_needed"] is False  # struck: the data is fetched
    p = prerequisites(pg, "2.000003")
    assert p["all"] == ["1.000001"] and p["longest_chain"] == ["1.000001", "2.000003"] and p["cycles"] == []
    assert longest_chains(pg) == [["1.000001", "1.000002"], ["1.000001", "2.000003"]]
    assert bounded_cycles(pg) == []
    with pytest.raises(UnknownNode, match=r"^unknown procedure '9.999999'$"):
        prerequisites(pg, "9.999999")


def test_cycles_and_chains_on_plain_graphs():
    pg = nx.DiGraph([("d", "c"), ("c", "b"), ("b", "c"), ("b", "a")])
    assert bounded_cycles(pg) == [["b", "c"]]
    assert longest_chains(pg)[0] == ["a", "b", "d"]  # the b-c cycle counts once


def test_source_offline_impact(hand):
    cat, engine = hand
    model = load_cost_model(cat, DAY)
    imp = source_impact(engine, "db", DAY, applicant=VN)
    assert imp["change"] == "offline" and imp["requirements_flipped"] == 4 and imp["procedures_affected"] == 3
    assert imp["copies_per_dossier"] == 6
    default = model.default_volume_per_year
    assert imp["copies_per_year"] == 2 * 1000 + 3 * default + 1 * default
    assert imp["documents_per_year"] == 1000 + 3 * default
    assert (imp["hours"], imp["vnd"]) == pytest.approx(model.burden(imp["copies_per_year"], imp["documents_per_year"]))
    assert {(f["before"], f["after"]) for f in imp["flips"]} == {("definite", "required")}
    # without an applicant the same rows are conditional
    cond = source_impact(engine, "db", DAY)
    assert cond["copies_per_year"] == 0 and cond["conditional_copies_per_year"] == imp["copies_per_year"]


def test_source_announce_impact(hand):
    cat, engine = hand
    default = load_cost_model(cat, DAY).default_volume_per_year
    imp = source_impact(engine, "db2", DAY, applicant=VN)
    assert imp["change"] == "announce"
    assert [(f["procedure"], f["requirement"], f["before"], f["after"]) for f in imp["flips"]] == [("2.000003", "licence", "required", "definite")]
    assert imp["copies_per_year"] == default
    assert cat.sources["db2"].announcement.date is None  # the baseline is untouched
    with pytest.raises(UnknownChange, match=r"^change must be offline or announce, got 'melt'$"):
        source_impact(engine, "db", DAY, change="melt")
    with pytest.raises(UnknownSource):
        source_impact(engine, "nowhere", DAY)


def test_rank_sources(hand):
    _, engine = hand
    ranked = rank_sources(engine, DAY, VN)
    assert [(r["rank"], r["source"], r["change"]) for r in ranked] == [(1, "db", "offline"), (2, "db2", "announce")]
    assert ranked[0]["copies_per_year"] > ranked[1]["copies_per_year"] > 0
    assert "flips" not in ranked[0]


def test_exports(hand_graph, tmp_path):
    gml = export(hand_graph, tmp_path / "g.graphml")
    back = nx.read_graphml(gml, force_multigraph=True)
    assert back.number_of_nodes() == hand_graph.number_of_nodes() and back.number_of_edges() == hand_graph.number_of_edges()
    data = json.loads(export(hand_graph, tmp_path / "g.json").read_text())
    assert {"nodes", "edges"} <= set(data)
    assert {e["key"] for e in data["edges"]} == {"runs", "requires", "issues", "replaced_by", "owns"}
    with pytest.raises(ExportError):
        export(hand_graph, tmp_path / "g.txt")


def test_draw(hand_graph, tmp_path):
    svg = draw_ministry(hand_graph, "agency-a", tmp_path / "a.svg")
    assert svg.read_text().lstrip().startswith("<?xml") and "Cơ quan B" in svg.read_text()
    png = draw_ministry(hand_graph, "agency-b", tmp_path / "b.png", lang="en")
    assert png.read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(ExportError):
        draw_ministry(hand_graph, "agency-a", tmp_path / "a.pdf")
    lonely = nx.MultiDiGraph()
    lonely.add_node("agency:x", kind="agency")
    with pytest.raises(NothingToDraw, match=r"^no dependency to draw for 'x'$"):
        draw_ministry(lonely, "x", tmp_path / "x.svg")


def test_curated_catalogue(engine, catalogue):
    evs = engine.evaluate_all(DAY, VN)
    g = build_graph(catalogue, evs, DAY)
    deps = agency_dependencies(g)
    assert any(d["from"] == "bo-tu-phap" and d["to"] == "bo-cong-an" and d["data_requirements"] for d in deps)
    pg = prerequisite_graph(g, catalogue)
    assert "1.001193" in prerequisites(pg, "1.000894")["all"] or pg.number_of_edges() > 0
    ranked = rank_sources(engine, DAY, VN)
    assert ranked[0]["source"] == "population" and ranked[0]["copies_per_year"] > 0
    assert {r["source"] for r in ranked} == set(catalogue.sources)
