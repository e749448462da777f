"""Facts to RDF and back: a property-based round trip, hand-written expected graphs, stable
IRIs, and no direct triple for negated facts."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, URIRef
from rdflib.compare import isomorphic

from geokg.errors import InputError
from geokg.model import Actor, ActorType, Document, Evidence, Fact
from geokg.ontology import load_ontology
from geokg.rdf import (
    GEOKG,
    check_fact,
    document_iri,
    facts_to_graph,
    graph_to_facts,
    mention_iri,
    statement_iri,
)

ONTOLOGY = load_ontology()
SUPPLIES = ONTOLOGY.relation("suppliesMilitaryAidTo")
MEETS = ONTOLOGY.relation("meetsWith")

IRAN = Actor("IRN", "Iran", ActorType.STATE, "IRN")
RUSSIA = Actor("RUS", "Russia", ActorType.STATE, "RUS")
USA = Actor("USA", "United States", ActorType.STATE, "USA")

# --- strategies ---------------------------------------------------------------------------
#
# One actor id has one label, type and country, and one document id one title, URL and date,
# as in a real store; the strategies draw from pools built that way.

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)
_IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=10)


@st.composite
def actor_pools(draw: st.DrawFn) -> list[Actor]:
    ids = draw(st.lists(_IDS, min_size=2, max_size=6, unique=True))
    countries = ["IRN", "RUS", "USA", None]
    return [
        Actor(
            id=actor_id,
            label=draw(_TEXT),
            type=draw(st.sampled_from(ActorType)),
            country=draw(st.sampled_from(countries)),
        )
        for actor_id in ids
    ]


@st.composite
def document_pools(draw: st.DrawFn) -> list[Document]:
    ids = draw(st.lists(_TEXT, min_size=1, max_size=4, unique=True))
    return [
        Document(
            id=doc_id,
            title=draw(st.none() | _TEXT),
            url=draw(st.none() | st.builds("https://example.org/{}".format, _IDS)),
            published=draw(st.none() | st.dates(date(1990, 1, 1), date(2030, 12, 31))),
        )
        for doc_id in ids
    ]


@st.composite
def evidences(draw: st.DrawFn) -> Evidence:
    sentence = draw(_TEXT)
    start = draw(st.integers(0, 10_000))
    return Evidence(sentence, start, start + len(sentence))


@st.composite
def fact_lists(draw: st.DrawFn) -> list[Fact]:
    actors = draw(actor_pools())
    documents = draw(document_pools())
    relations = sorted(ONTOLOGY.relations.values(), key=lambda r: r.id)
    attributes = st.dictionaries(
        st.sampled_from(["item", "quantity", "note", "item_origin"]), _IDS, max_size=3
    )
    facts = []
    for _ in range(draw(st.integers(1, 8))):
        subject, obj = draw(st.permutations(actors))[:2]
        facts.append(
            Fact(
                document=draw(st.sampled_from(documents)),
                subject=subject,
                relation=draw(st.sampled_from(relations)),
                object=obj,
                negated=draw(st.booleans()),
                asserted_by=draw(st.none() | st.sampled_from(actors)),
                confidence=draw(st.floats(0, 1)),
                attributes=draw(attributes),
                evidence=draw(st.none() | evidences()),
            )
        )
    # A mention is identified by (statement, document, span): keep one fact per mention.
    return list({mention_iri(f): f for f in facts}.values())


def _as_stored(fact: Fact) -> Fact:
    """Symmetric relations are stored with their actors in a fixed order."""
    if fact.relation.symmetric and fact.object.id < fact.subject.id:
        return Fact(
            fact.document,
            fact.object,
            fact.relation,
            fact.subject,
            fact.negated,
            fact.asserted_by,
            fact.confidence,
            fact.attributes,
            fact.evidence,
        )
    return fact


# --- round trip ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fact_lists())
def test_facts_survive_the_round_trip(facts: list[Fact]) -> None:
    graph = facts_to_graph(facts)
    back = list(graph_to_facts(graph, ONTOLOGY.relation))
    assert sorted(map(repr, back)) == sorted(repr(_as_stored(f)) for f in facts)
    assert set(back) == {_as_stored(f) for f in facts}


@settings(max_examples=40, deadline=None)
@given(fact_lists())
def test_round_trip_through_serialised_turtle(facts: list[Fact]) -> None:
    text = facts_to_graph(facts).serialize(format="turtle")
    graph = rdflib.Graph().parse(data=text, format="turtle")
    assert set(graph_to_facts(graph, ONTOLOGY.relation)) == {_as_stored(f) for f in facts}


@settings(max_examples=60, deadline=None)
@given(fact_lists())
def test_iris_are_stable(facts: list[Fact]) -> None:
    assert isomorphic(facts_to_graph(facts), facts_to_graph(list(reversed(facts))))
    assert [statement_iri(f) for f in facts] == [statement_iri(_as_stored(f)) for f in facts]


# --- hand-written expectations ------------------------------------------------------------


def _supply_fact(**changes: object) -> Fact:
    values: dict[str, object] = {
        "document": Document("doc-1", "Drone deal", "https://example.org/1", date(2024, 3, 1)),
        "subject": IRAN,
        "relation": SUPPLIES,
        "object": RUSSIA,
        "confidence": 0.87,
        "attributes": {"item": "drones"},
        "evidence": Evidence("Iran supplies drones to Russia.", 10, 41),
    }
    values.update(changes)
    return Fact(**values)  # type: ignore[arg-type]


def test_graph_matches_hand_written_turtle() -> None:
    fact = _supply_fact()
    expected = f"""
@prefix geokg: <https://w3id.org/geokg/ontology#> .
@prefix actor: <https://w3id.org/geokg/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

actor:IRN a geokg:State ; rdfs:label "Iran" ; geokg:isoAlpha3 "IRN" ;
    geokg:suppliesMilitaryAidTo actor:RUS .
actor:RUS a geokg:State ; rdfs:label "Russia" ; geokg:isoAlpha3 "RUS" .

<{document_iri("doc-1")}> a geokg:Document ;
    dcterms:identifier "doc-1" ;
    dcterms:title "Drone deal" ;
    dcterms:source "https://example.org/1"^^xsd:anyURI ;
    geokg:published "2024-03-01"^^xsd:date .

<{statement_iri(fact)}> a geokg:Statement ;
    geokg:subject actor:IRN ; geokg:predicate geokg:suppliesMilitaryAidTo ;
    geokg:object actor:RUS ; geokg:negated false ;
    geokg:subjectActsFor actor:IRN ; geokg:objectActsFor actor:RUS ;
    geokg:sourceCount 1 ; geokg:confidence 0.87 ;
    geokg:firstSeen "2024-03-01"^^xsd:date ; geokg:lastSeen "2024-03-01"^^xsd:date ;
    geokg:hasMention <{mention_iri(fact)}> .

<{mention_iri(fact)}> a geokg:Mention ;
    geokg:document <{document_iri("doc-1")}> ;
    geokg:confidence 0.87 ;
    geokg:sentence "Iran supplies drones to Russia." ;
    geokg:startOffset 10 ;
    geokg:endOffset 41 ;
    geokg:attributes "{{\\"item\\": \\"drones\\"}}"^^rdf:JSON ;
    geokg:item "drones" .
"""
    assert isomorphic(facts_to_graph([fact]), rdflib.Graph().parse(data=expected, format="turtle"))


def test_two_documents_make_one_statement_with_derived_values() -> None:
    first = _supply_fact()
    second = _supply_fact(
        document=Document("doc-2", published=date(2024, 6, 2)),
        confidence=0.5,
        evidence=Evidence("Drones keep coming.", 0, 19),
    )
    graph = facts_to_graph([first, second])
    statement = statement_iri(first)
    assert statement == statement_iri(second)
    assert set(graph.subjects(RDF.type, GEOKG.Statement)) == {statement}
    assert graph.value(statement, GEOKG.sourceCount).toPython() == 2
    assert str(graph.value(statement, GEOKG.confidence)) == "0.87"
    assert str(graph.value(statement, GEOKG.firstSeen)) == "2024-03-01"
    assert str(graph.value(statement, GEOKG.lastSeen)) == "2024-06-02"
    assert len(set(graph.objects(statement, GEOKG.hasMention))) == 2


def test_negated_fact_makes_no_direct_triple() -> None:
    fact = _supply_fact(negated=True, asserted_by=IRAN)
    graph = facts_to_graph([fact])
    direct = (URIRef(IRAN.iri), URIRef(SUPPLIES.iri), URIRef(RUSSIA.iri))
    assert direct not in graph
    statement = statement_iri(fact)
    assert graph.value(statement, GEOKG.negated).toPython() is True
    assert graph.value(statement, GEOKG.assertedBy) == URIRef(IRAN.iri)
    assert statement != statement_iri(_supply_fact())
    assert direct in facts_to_graph([_supply_fact()])


def test_iris_are_derived_from_content() -> None:
    assert statement_iri(_supply_fact()) == statement_iri(_supply_fact(confidence=0.1))
    assert mention_iri(_supply_fact()) == mention_iri(_supply_fact())
    moved = _supply_fact(evidence=Evidence("Iran supplies drones to Russia.", 50, 81))
    assert mention_iri(moved) != mention_iri(_supply_fact())
    attributed = _supply_fact(asserted_by=USA)
    assert statement_iri(attributed) != statement_iri(_supply_fact())
    assert document_iri("doc-1") == document_iri("doc-1") != document_iri("doc-2")


@pytest.mark.parametrize(("subject", "obj"), [(IRAN, RUSSIA), (RUSSIA, IRAN)])
def test_symmetric_relation_gives_one_statement(subject: Actor, obj: Actor) -> None:
    fact = _supply_fact(relation=MEETS, subject=subject, object=obj)
    graph = facts_to_graph([fact])
    assert statement_iri(fact) == statement_iri(_supply_fact(relation=MEETS))
    triples = set(graph.triples((None, URIRef(MEETS.iri), None)))
    assert triples == {(URIRef(IRAN.iri), URIRef(MEETS.iri), URIRef(RUSSIA.iri))}


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        (
            lambda: _supply_fact(subject=Actor("bad iri", "Bad", ActorType.STATE)),
            "the actor 'https://w3id.org/geokg/actor/bad iri' does not make a valid IRI",
        ),
        (
            lambda: _supply_fact(object=Actor("RUS", "Russia", ActorType.STATE, "R>U")),
            "the country code 'R>U' does not make a valid IRI",
        ),
        (
            lambda: _supply_fact(document=Document("doc-1", title="x\ud800")),
            "the document title holds '\\ud800' at character 2",
        ),
    ],
    ids=["actor", "country", "surrogate"],
)
def test_values_the_store_would_refuse_fail_in_the_writer(fact: Any, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        check_fact(fact())
    with pytest.raises(InputError, match=re.escape(message)):
        facts_to_graph([fact()])


def test_an_undated_source_counts_but_does_not_erase_dates() -> None:
    dated = _supply_fact()
    undated = _supply_fact(document=Document("doc-9"), evidence=Evidence("Drones.", 0, 7))
    graph = facts_to_graph([undated, dated])
    statement = statement_iri(dated)
    assert graph.value(statement, GEOKG.sourceCount).toPython() == 2
    assert str(graph.value(statement, GEOKG.firstSeen)) == "2024-03-01"
    assert str(graph.value(statement, GEOKG.lastSeen)) == "2024-03-01"
    alone = facts_to_graph([undated])
    assert alone.value(statement, GEOKG.firstSeen) is None
    assert alone.value(statement, GEOKG.sourceCount).toPython() == 1
