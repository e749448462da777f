"""geokg.network on small hand-built statement sets."""

from __future__ import annotations

import io
import itertools
import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from geokg import testing
from geokg.errors import GeokgError, InputError, UnknownActorError
from geokg.model import (
    STATEMENT_NS,
    Actor,
    ActorType,
    QuadClass,
    Relation,
    Statement,
)
from geokg.network import (
    RANK_METHODS,
    EmptySelectionError,
    NoPathError,
    filter_statements,
    rank,
    roll_up_to_states,
    select_statements,
    shortest_path,
    to_networkx,
    write_graph,
)

AID = Relation(
    "suppliesMilitaryAidTo",
    "supplies military aid to",
    "0712",
    "AID",
    QuadClass.MATERIAL_COOPERATION,
    8.3,
)
SANCTIONS = Relation(
    "imposesSanctionsOn",
    "imposes sanctions on",
    "163",
    "SANCTION",
    QuadClass.MATERIAL_CONFLICT,
    -8.0,
)
MEETS = Relation(
    "meetsWith", "meets with", "043", "CONSULT", QuadClass.VERBAL_COOPERATION, 2.8, symmetric=True
)
CRITICIZES = Relation(
    "criticizes", "criticizes", "111", "DISAPPROVE", QuadClass.VERBAL_CONFLICT, -2.0
)

IRN = Actor("IRN", "Iran", ActorType.STATE, country="IRN")
RUS = Actor("RUS", "Russia", ActorType.STATE, country="RUS")
USA = Actor("USA", "United States", ActorType.STATE, country="USA")
UKR = Actor("UKR", "Ukraine", ActorType.STATE, country="UKR")
FRA = Actor("FRA", "France", ActorType.STATE, country="FRA")
EU = Actor("eu", "European Union", ActorType.INTERNATIONAL_ORGANIZATION)
PUTIN = Actor("vladimir-putin", "Vladimir Putin", ActorType.PERSON, country="RUS")
WAGNER = Actor("wagner-group", "Wagner Group", ActorType.ARMED_GROUP)
PRK = Actor("PRK", "North Korea", ActorType.STATE, country="PRK")

_numbers = itertools.count(1)


def make_statement(subject: Actor, relation: Relation, obj: Actor, **options: Any) -> Statement:
    """geokg.testing's factory, numbered in call order (some tests build equal statements
    that must stay distinct, as two stored statements would be)."""
    return testing.make_statement(subject, relation, obj, number=next(_numbers), **options)


def sample_statements() -> list[Statement]:
    return [
        make_statement(IRN, AID, RUS, sources=3, first=date(2022, 10, 1), last=date(2022, 11, 20)),
        make_statement(PRK, AID, RUS, sources=2, first=date(2023, 9, 1)),
        make_statement(USA, SANCTIONS, IRN, sources=4, first=date(2023, 2, 1)),
        make_statement(EU, SANCTIONS, IRN, sources=1, first=date(2023, 3, 1)),
        make_statement(USA, SANCTIONS, RUS, sources=5, first=date(2022, 3, 1)),
        make_statement(USA, AID, UKR, sources=6, first=date(2022, 4, 1)),
        make_statement(FRA, MEETS, UKR, sources=1, first=date(2023, 5, 1)),
        make_statement(RUS, CRITICIZES, FRA, sources=1, first=date(2023, 6, 1), asserted_by=PUTIN),
        make_statement(RUS, AID, WAGNER, negated=True, sources=2, first=date(2023, 7, 1)),
    ]


@dataclass(frozen=True)
class Record:
    """Stands for geokg.actors.ActorRecord (same field names)."""

    label: str
    type: str
    iso2: str | None = None
    iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    members: tuple[str, ...] = ()
    base: str | None = None


class FakeGazetteer:
    def __init__(self, records: dict[str, Record]) -> None:
        self.records = records

    def get(self, actor_id: str) -> Record | None:
        return self.records.get(actor_id)


GAZETTEER = FakeGazetteer(
    {
        "IRN": Record("Iran", "State", "IR", "IRN", 32.0, 53.0),
        "RUS": Record("Russia", "State", "RU", "RUS", 60.0, 100.0),
        "USA": Record("United States", "State", "US", "USA", 39.8, -98.6),
        "UKR": Record("Ukraine", "State", "UA", "UKR", 49.0, 32.0),
        "FRA": Record("France", "State", "FR", "FRA", 46.6, 2.4),
        "eu": Record("European Union", "InternationalOrganization", members=("FRA", "DEU")),
        "DEU": Record("Germany", "State", "DE", "DEU", 51.0, 10.0),
    }
)


# ---- construction ---------------------------------------------------------------------


def test_graph_has_one_node_per_actor_and_one_edge_per_statement() -> None:
    statements = sample_statements()
    graph = to_networkx(statements)
    assert isinstance(graph, nx.MultiDiGraph)
    assert set(graph.nodes) == {"IRN", "RUS", "USA", "UKR", "FRA", "eu", "PRK", "wagner-group"}
    assert graph.number_of_edges() == len(statements)
    # the asserting actor is an attribute, not a node
    assert "vladimir-putin" not in graph
    assert graph.nodes["eu"]["type"] == "InternationalOrganization"
    assert graph.nodes["IRN"]["label"] == "Iran"
    assert graph.nodes["IRN"]["country"] == "IRN"


def test_edges_are_keyed_by_statement_iri_with_provenance() -> None:
    statement = make_statement(
        RUS,
        CRITICIZES,
        FRA,
        asserted_by=PUTIN,
        sources=2,
        first=date(2023, 1, 1),
        last=date(2023, 2, 1),
        sentence="Russia criticised France.",
        title="Paper",
        url="https://news.example/x",
    )
    graph = to_networkx([statement])
    data = graph.edges["RUS", "FRA", statement.iri]
    assert data["relation"] == "criticizes"
    assert data["relation_label"] == "criticizes"
    assert data["cameo"] == "111"
    assert data["plover"] == "DISAPPROVE"
    assert data["quad_class"] == 3
    assert data["goldstein"] == -2.0
    assert data["negated"] is False
    assert data["asserted_by"] == "vladimir-putin"
    assert data["sources"] == 2
    assert data["first_seen"] == "2023-01-01"
    assert data["last_seen"] == "2023-02-01"
    assert data["evidence"][0] == {
        "sentence": "Russia criticised France.",
        "document": data["evidence"][0]["document"],
        "title": "Paper",
        "url": "https://news.example/x",
        "published": "2023-01-01",
    }
    assert len(data["evidence"]) == 2


def test_gazetteer_adds_codes_and_coordinates_and_tolerates_unknown_actors() -> None:
    graph = to_networkx(sample_statements(), gazetteer=GAZETTEER)
    assert graph.nodes["IRN"]["iso2"] == "IR"
    assert (graph.nodes["IRN"]["lat"], graph.nodes["IRN"]["lon"]) == (32.0, 53.0)
    assert graph.nodes["eu"]["members"] == ["DEU", "FRA"]
    assert "lat" not in graph.nodes["eu"]
    assert "iso2" not in graph.nodes["PRK"]  # not in the gazetteer: no profile, no error


# ---- filters --------------------------------------------------------------------------


def ids(statements: list[Statement]) -> set[tuple[str, str, str]]:
    return {(s.subject.id, s.relation.id, s.object.id) for s in statements}


def test_negated_statements_are_excluded_by_default() -> None:
    statements = sample_statements()
    assert ("RUS", "suppliesMilitaryAidTo", "wagner-group") not in ids(
        filter_statements(statements)
    )
    assert ("RUS", "suppliesMilitaryAidTo", "wagner-group") in ids(
        filter_statements(statements, include_negated=True)
    )


def test_filter_by_relation_name_and_cameo_root() -> None:
    statements = sample_statements()
    by_name = filter_statements(statements, relations=["imposesSanctionsOn"])
    assert {s.relation.id for s in by_name} == {"imposesSanctionsOn"}
    assert len(by_name) == 3
    by_root = filter_statements(statements, relations=["07"])
    assert {s.relation.id for s in by_root} == {"suppliesMilitaryAidTo"}
    assert len(by_root) == 3  # the negated one is still excluded
    both = filter_statements(statements, relations=["07", "meetsWith"])
    assert len(both) == 4


def test_filter_by_quad_class_numbers_and_names() -> None:
    statements = sample_statements()
    conflict = filter_statements(statements, quad_classes=[QuadClass.MATERIAL_CONFLICT])
    assert {s.relation.id for s in conflict} == {"imposesSanctionsOn"}
    assert ids(filter_statements(statements, quad_classes=["verbal conflict"])) == {
        ("RUS", "criticizes", "FRA")
    }
    assert len(filter_statements(statements, quad_classes=[1, 3])) == 2
    with pytest.raises(InputError):
        filter_statements(statements, quad_classes=["friendly"])


def reported_on(statement: Statement, *days: date | None) -> Statement:
    """The statement with one source published on each of *days* (``None``: undated)."""
    mentions = tuple(
        replace(m, document=replace(m.document, id=f"{m.document.id}-{i}", published=day))
        for i, (m, day) in enumerate(zip(itertools.cycle(statement.mentions), days))
    )
    dated = sorted(d for d in days if d)
    return replace(
        statement,
        sources=len(days),
        mentions=mentions,
        first_seen=dated[0] if dated else None,
        last_seen=dated[-1] if dated else None,
    )


def test_the_date_window_keeps_statements_a_source_in_it_reports() -> None:
    statements = sample_statements()
    after = filter_statements(statements, since=date(2023, 6, 1))
    assert ids(after) == {("PRK", "suppliesMilitaryAidTo", "RUS"), ("RUS", "criticizes", "FRA")}
    # Seen in October and December but by no source in November: not in November, although
    # its first..last seen period overlaps it (the rule before there was one window).
    straddling = reported_on(make_statement(IRN, AID, RUS), date(2022, 10, 1), date(2022, 12, 9))
    november = {"since": date(2022, 11, 1), "until": date(2022, 11, 30)}
    assert filter_statements([straddling], **november) == []
    assert filter_statements([straddling], since=date(2022, 12, 1)) == [straddling]
    assert filter_statements([straddling], until=date(2022, 10, 1)) == [straddling]
    # An undated source counts as a source but puts the statement in no window; a dated
    # one beside it does.
    undated = reported_on(make_statement(IRN, AID, RUS), None)
    half = reported_on(make_statement(USA, AID, UKR), None, date(2022, 11, 5))
    assert filter_statements([undated, half], **november) == [half]
    assert filter_statements([undated]) == [undated]
    assert half.sources == 2


def test_filter_by_minimum_sources() -> None:
    kept = filter_statements(sample_statements(), min_sources=4)
    assert ids(kept) == {
        ("USA", "imposesSanctionsOn", "IRN"),
        ("USA", "imposesSanctionsOn", "RUS"),
        ("USA", "suppliesMilitaryAidTo", "UKR"),
    }


def test_ego_network_depth() -> None:
    statements = sample_statements()
    depth1 = filter_statements(statements, actor="IRN")
    actors1 = {a for s in depth1 for a in (s.subject.id, s.object.id)}
    assert actors1 == {"IRN", "RUS", "USA", "eu"}
    # statements between neighbours are kept (USA sanctions Russia)
    assert ("USA", "imposesSanctionsOn", "RUS") in ids(depth1)
    depth2 = filter_statements(statements, actor="IRN", depth=2)
    actors2 = {a for s in depth2 for a in (s.subject.id, s.object.id)}
    assert actors2 == {"IRN", "RUS", "USA", "eu", "PRK", "UKR", "FRA"}
    assert filter_statements(statements, actor="IRN", depth=0) == []
    # the ego network follows only statements that pass the other filters
    sanctions_only = filter_statements(statements, actor="IRN", relations=["16"])
    # (Russia is 1 hop away through aid, 2 hops through sanctions: not reached)
    assert ids(sanctions_only) == {
        ("USA", "imposesSanctionsOn", "IRN"),
        ("eu", "imposesSanctionsOn", "IRN"),
    }


# ---- ranking --------------------------------------------------------------------------


def test_most_sanctioned_is_in_degree_over_sanctions_weighted_by_sources() -> None:
    graph = to_networkx(sample_statements())
    ranking = rank(graph, by="in-degree", relation="imposesSanctionsOn")
    assert ranking == [("IRN", "Iran", 5.0), ("RUS", "Russia", 5.0)]


def test_rank_methods_are_spelled_as_the_cli_spells_them() -> None:
    """One spelling: the library's centralities are the choices of ``geokg rank --by``,
    and the underscore spelling of geokg 0.1 still works, with a DeprecationWarning."""
    from geokg.cli import rank as rank_command

    by = next(param for param in rank_command.params if param.name == "by")
    assert list(by.type.choices) == list(RANK_METHODS)  # type: ignore[attr-defined]
    assert {"in-degree", "out-degree"} <= set(RANK_METHODS)
    graph = to_networkx(sample_statements())
    for old, new in (("in_degree", "in-degree"), ("out_degree", "out-degree")):
        with pytest.warns(DeprecationWarning, match=f"use by='{new}'"):
            assert rank(graph, by=old) == rank(graph, by=new)
    assert rank(graph, by="in-degree") != rank(graph, by="out-degree")
    with pytest.raises(InputError, match="use degree, in-degree, out-degree, pagerank"):
        rank(graph, by="indegree")


def test_biggest_arms_suppliers_ignore_denials() -> None:
    graph = to_networkx(
        sample_statements(),
    )
    ranking = rank(graph, by="out-degree", relation="suppliesMilitaryAidTo")
    assert ranking == [
        ("USA", "United States", 6.0),
        ("IRN", "Iran", 3.0),
        ("PRK", "North Korea", 2.0),
    ]
    # Russia's denied aid to Wagner does not count
    assert "RUS" not in {actor for actor, _, _ in ranking}


def test_degree_pagerank_and_betweenness_rankings() -> None:
    graph = to_networkx(sample_statements())
    degree = rank(graph, by="degree")
    assert degree[0][0] == "USA"  # 4 + 5 + 6 sources
    assert degree[0][2] == 15.0
    pagerank = rank(graph, by="pagerank")
    assert pytest.approx(sum(score for _, _, score in pagerank), rel=1e-6) == 1.0
    assert pagerank[0][0] == "UKR"  # gets 6 sources from the hub and gives nothing back
    between = rank(graph, by="betweenness")
    assert between[0][0] in {"USA", "RUS"}
    assert rank(graph, by="degree", limit=2) == degree[:2]
    with pytest.raises(InputError):
        rank(graph, by="fame")


def test_pagerank_matches_networkx_reference() -> None:
    graph = to_networkx(sample_statements())
    simple = nx.DiGraph()
    for u, v, d in graph.edges(data=True):
        if not d["negated"]:
            weight = simple[u][v]["weight"] + d["sources"] if simple.has_edge(u, v) else 0
            simple.add_edge(u, v, weight=weight or d["sources"])
    simple.add_nodes_from(graph.nodes)
    reference = nx.algorithms.link_analysis.pagerank_alg._pagerank_python(simple)
    ours = dict((a, s) for a, _, s in rank(graph, by="pagerank"))
    for node, score in reference.items():
        assert ours.get(node, 0.0) == pytest.approx(score, abs=1e-5)


# ---- paths ----------------------------------------------------------------------------


def test_shortest_path_ignores_direction_and_reports_facts() -> None:
    graph = to_networkx(sample_statements())
    steps = shortest_path(graph, "PRK", "UKR")
    # PRK -> RUS <- USA -> UKR
    assert [(s, r, o) for s, r, o, _ in steps] == [
        ("PRK", "suppliesMilitaryAidTo", "RUS"),
        ("USA", "imposesSanctionsOn", "RUS"),
        ("USA", "suppliesMilitaryAidTo", "UKR"),
    ]
    assert steps[1][3]["sources"] == 5
    assert steps[1][3]["statement"].startswith(STATEMENT_NS)
    # labels work as well as ids
    assert shortest_path(graph, "north korea", "Ukraine") == steps


def test_shortest_path_errors() -> None:
    graph = to_networkx(sample_statements())
    with pytest.raises(NoPathError, match="wagner-group"):
        shortest_path(graph, "wagner-group", "IRN")  # only linked by a denial
    assert len(shortest_path(graph, "wagner-group", "RUS", include_negated=True)) == 1
    with pytest.raises(UnknownActorError):
        shortest_path(graph, "Atlantis", "IRN")
    assert issubclass(NoPathError, GeokgError)


# ---- export ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_file_round_trip(tmp_path: Path, fmt: str) -> None:
    graph = to_networkx(sample_statements(), gazetteer=GAZETTEER)
    path = tmp_path / f"graph.{fmt}"
    write_graph(graph, path, format=fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    node = back.nodes["IRN"]
    assert node["label"] == "Iran"
    assert float(node["lat"]) == 32.0
    assert json.loads(back.nodes["eu"]["members"]) == ["DEU", "FRA"]
    edges = [d for _, _, d in back.edges(data=True) if d.get("asserted_by") == "vladimir-putin"]
    assert len(edges) == 1
    edge = edges[0]
    assert edge["relation"] == "criticizes"
    assert edge["first_seen"] == "2023-06-01"
    assert int(edge["sources"]) == 1
    assert json.loads(edge["evidence"])[0]["sentence"] == "Russia criticizes France."
    assert str(edge["negated"]) in {"False", "false"}


def test_write_graph_to_a_binary_file_and_rejects_unknown_formats() -> None:
    graph = to_networkx(sample_statements())
    buffer = io.BytesIO()
    write_graph(graph, buffer, format="graphml")
    assert b"<graphml" in buffer.getvalue()
    with pytest.raises(InputError):
        write_graph(graph, io.BytesIO(), format="dot")


# ---- dyads and empty selections -------------------------------------------------------

LAVROV = Actor("sergey-lavrov", "Sergey Lavrov", ActorType.PERSON, country="RUS")
MINISTRY = Actor("mfa-ukraine", "Ukrainian Foreign Ministry", ActorType.INSTITUTION, "UKR")
GUTERRES = Actor("antonio-guterres", "António Guterres", ActorType.PERSON)  # acts for the UN


def test_by_state_rolls_people_and_institutions_up_and_merges_dyads() -> None:
    statements = [
        make_statement(PUTIN, CRITICIZES, FRA, sources=2, first=date(2023, 1, 5)),
        make_statement(LAVROV, CRITICIZES, FRA, sources=1, first=date(2023, 3, 1)),
        make_statement(RUS, CRITICIZES, FRA, sources=4, asserted_by=PUTIN, first=date(2023, 2, 1)),
        make_statement(RUS, CRITICIZES, FRA, negated=True, sources=1),
        make_statement(MINISTRY, CRITICIZES, LAVROV, sources=3),
        make_statement(FRA, MEETS, PUTIN, sources=1),
        make_statement(RUS, MEETS, FRA, sources=2),
        make_statement(EU, SANCTIONS, LAVROV, sources=1),
        make_statement(WAGNER, AID, PUTIN, sources=1),
        make_statement(GUTERRES, CRITICIZES, PUTIN, sources=1),
        make_statement(PUTIN, CRITICIZES, RUS, sources=9),  # inside one state: no dyad
    ]
    dyads = {(s.subject.id, s.relation.id, s.object.id, s.negated): s for s in
             roll_up_to_states(statements, gazetteer=GAZETTEER)}  # fmt: skip
    assert set(dyads) == {
        ("RUS", "criticizes", "FRA", False),
        ("RUS", "criticizes", "FRA", True),
        ("UKR", "criticizes", "RUS", False),
        ("FRA", "meetsWith", "RUS", False),  # symmetric: one dyad for both orders
        ("eu", "imposesSanctionsOn", "RUS", False),  # organisations stay themselves
        ("wagner-group", "suppliesMilitaryAidTo", "RUS", False),  # so do armed groups
        ("antonio-guterres", "criticizes", "RUS", False),  # a person of no state stays
    }
    criticism = dyads["RUS", "criticizes", "FRA", False]
    assert criticism.sources == 7 and len(criticism.mentions) == 7
    assert (criticism.first_seen, criticism.last_seen) == (date(2023, 1, 5), date(2023, 3, 1))
    assert criticism.asserted_by is None and criticism.subject.label == "Russia"
    assert dyads["FRA", "meetsWith", "RUS", False].sources == 3
    # Ukraine is named by the gazetteer (no Ukraine actor in these statements)
    assert dyads["UKR", "criticizes", "RUS", False].subject == Actor(
        "UKR", "Ukraine", ActorType.STATE, "UKR"
    )
    graph = to_networkx(roll_up_to_states(statements))
    assert rank(graph, by="in-degree")[0] == ("RUS", "Russia", 9.0)


def test_by_state_filters_apply_to_dyads_and_an_actor_is_found_through_its_state() -> None:
    statements = [
        make_statement(PUTIN, CRITICIZES, FRA, sources=2),
        make_statement(LAVROV, CRITICIZES, FRA, sources=1),
        make_statement(USA, AID, UKR, sources=1),
    ]
    assert filter_statements(statements, min_sources=3) == []
    merged = filter_statements(statements, min_sources=3, by_state=True)
    assert ids(merged) == {("RUS", "criticizes", "FRA")}
    around_putin = filter_statements(statements, actor="vladimir-putin", by_state=True)
    assert ids(around_putin) == {("RUS", "criticizes", "FRA")}


def test_an_empty_selection_says_which_filter_emptied_it() -> None:
    statements = sample_statements()
    with pytest.raises(EmptySelectionError, match="no stored fact involves 'Peru'"):
        select_statements(statements, actor="PER", actor_name="Peru")
    with pytest.raises(EmptySelectionError, match="no statements yet"):
        select_statements([])
    with pytest.raises(EmptySelectionError, match=r"after --since 2030-01-01 \(8 passed"):
        select_statements(statements, since=date(2030, 1, 1))
    with pytest.raises(EmptySelectionError, match="about 'Wagner' is left after leaving out"):
        select_statements(statements, actor="wagner-group", actor_name="Wagner")
    with pytest.raises(EmptySelectionError, match="--relation 17"):
        select_statements(statements, relations=["17"])
    with pytest.raises(EmptySelectionError, match="--min-sources 7"):
        select_statements(statements, min_sources=7)
    with pytest.raises(EmptySelectionError, match="--by-state"):
        select_statements([make_statement(PUTIN, CRITICIZES, RUS)], by_state=True)
    assert select_statements(statements, relations=["16"]) == filter_statements(
        statements, relations=["16"]
    )
    assert isinstance(EmptySelectionError("x"), GeokgError)
