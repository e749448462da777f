"""One conformance suite for every storage backend: embedded Oxigraph in memory and on disk,
and the remote SPARQL backend against a real ``oxigraph serve``."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from geokg.errors import GeokgError, QueryError
from geokg.model import Actor, ActorType, Document, Evidence, Fact
from geokg.namespace import PREFIXES
from geokg.ontology import load_ontology
from geokg.rdf import GEOKG, actor_triples, document_triples, facts_to_graph
from geokg.store import (
    AskResult,
    GraphResult,
    KnowledgeGraph,
    RdfFormat,
    SelectResult,
    StatementFilter,
)

ONTOLOGY = load_ontology()
SUPPLIES = ONTOLOGY.relation("suppliesMilitaryAidTo")
MEETS = ONTOLOGY.relation("meetsWith")
ATTACKS = ONTOLOGY.relation("attacks")

IRAN = Actor("IRN", "Iran", ActorType.STATE, "IRN")
RUSSIA = Actor("RUS", "Russia", ActorType.STATE, "RUS")
CHINA = Actor("CHN", "China", ActorType.STATE, "CHN")
USA = Actor("USA", "United States", ActorType.STATE, "USA")
PUTIN = Actor("putin", "Vladimir Putin", ActorType.PERSON, "RUS")

DOC_A = Document("doc-a", "Drones", "https://example.org/a", date(2024, 3, 1))
DOC_B = Document("doc-b", "More drones", None, date(2024, 5, 9))


def _fact(document: Document, subject: Actor, relation_obj: Actor, **kwargs: object) -> Fact:
    relation = kwargs.pop("relation", SUPPLIES)
    sentence = f"{subject.label} and {relation_obj.label} in {document.id}."
    start = int(kwargs.pop("start", 0))  # type: ignore[call-overload]
    return Fact(
        document,
        subject,
        relation,  # type: ignore[arg-type]
        relation_obj,
        evidence=Evidence(sentence, start, start + len(sentence)),
        **kwargs,  # type: ignore[arg-type]
    )


def corpus() -> list[Fact]:
    """Two documents; Iran -> Russia aid is cited by both."""
    return [
        _fact(DOC_A, IRAN, RUSSIA, confidence=0.8, attributes={"item": "drones"}),
        _fact(DOC_A, PUTIN, CHINA, relation=MEETS, start=40, confidence=0.9),
        _fact(DOC_A, IRAN, USA, relation=ATTACKS, negated=True, start=80, asserted_by=IRAN),
        _fact(DOC_B, IRAN, RUSSIA, confidence=0.95, start=5),
        _fact(DOC_B, CHINA, PUTIN, relation=MEETS, start=60),
    ]


BACKENDS = ["memory", "disk", pytest.param("remote", marks=pytest.mark.slow)]


@pytest.fixture(params=BACKENDS)
def kg(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeGraph]:
    location: str | None = None
    if request.param == "disk":
        location = str(tmp_path / "store")
    elif request.param == "remote":
        location = request.getfixturevalue("remote_store_url")
    graph = KnowledgeGraph(location, vocabulary=False)
    yield graph
    graph.close()


def _as_stored(graph: rdflib.Graph) -> rdflib.Graph:
    """``graph`` as Oxigraph stores it: Oxigraph keeps numeric literals in canonical form
    ("1.0"^^xsd:decimal becomes "1", xsd:nonNegativeInteger becomes xsd:integer)."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nt")


def _graph_of(kg: KnowledgeGraph) -> rdflib.Graph:
    buffer = io.BytesIO()
    kg.export(buffer, format=RdfFormat.NQUADS)
    return rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")


def test_capabilities_are_declared(kg: KnowledgeGraph) -> None:
    caps = kg.backend.capabilities
    assert caps.writable and caps.transactional_updates and caps.bulk_load
    assert caps.persistent == (kg.backend.location != ":memory:")


def test_ingest_and_read_statements_back(kg: KnowledgeGraph) -> None:
    summary = kg.ingest(corpus())
    assert (summary.documents, summary.facts) == (2, 5)
    assert summary.new_statements == 3
    statements = kg.statements()
    assert len(statements) == 2  # the negated one is left out by default
    aid = next(s for s in statements if s.relation == SUPPLIES)
    assert (aid.subject, aid.object, aid.sources) == (IRAN, RUSSIA, 2)
    assert (aid.first_seen, aid.last_seen) == (date(2024, 3, 1), date(2024, 5, 9))
    assert aid.confidence == 0.95
    assert [m.document.id for m in aid.mentions] == ["doc-a", "doc-b"]
    assert aid.mentions[0].attributes == {"item": "drones"}
    assert aid.mentions[0].document.url == "https://example.org/a"
    with_negated = kg.statements(StatementFilter(include_negated=True))
    assert len(with_negated) == 3


def test_lookup_by_actor_includes_who_acts_for_it(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())
    found = kg.statements(StatementFilter(actor=RUSSIA.iri))
    # Iran -> Russia directly, and Putin (acting for Russia) meets China.
    assert {s.relation.id for s in found} == {"suppliesMilitaryAidTo", "meetsWith"}
    assert kg.statements(StatementFilter(actor=USA.iri)) == []


def test_reingest_is_idempotent(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())
    before = _graph_of(kg)
    again = kg.ingest(corpus())
    assert (again.new_statements, again.new_mentions) == (0, 0)
    assert isomorphic(before, _graph_of(kg))


def test_negated_fact_gives_no_direct_triple(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())
    assert not kg.ask("ASK { actor:IRN geokg:attacks actor:USA }")
    assert kg.ask("ASK { ?st geokg:negated true ; geokg:assertedBy actor:IRN }")


def test_symmetric_relation_stored_once(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())
    meetings = kg.statements(StatementFilter(relations=(MEETS.iri,)))
    assert len(meetings) == 1
    assert meetings[0].sources == 2
    result = kg.query("SELECT ?s ?o WHERE { ?s geokg:meetsWith ?o }")
    assert isinstance(result, SelectResult)
    assert len(result.rows) == 1


def test_ask_select_construct(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())
    ask = kg.query("ASK { actor:IRN geokg:suppliesMilitaryAidTo actor:RUS }")
    assert ask == AskResult(True)
    select = kg.query("SELECT ?label WHERE { actor:IRN rdfs:label ?label } ORDER BY ?label")
    assert isinstance(select, SelectResult)
    assert select.values() == [{"label": "Iran"}]
    construct = kg.query(
        "CONSTRUCT { ?s geokg:suppliesMilitaryAidTo ?o } "
        "WHERE { ?s geokg:suppliesMilitaryAidTo ?o }"
    )
    assert isinstance(construct, GraphResult)
    assert [(t.subject.value, t.object.value) for t in construct.triples] == [
        (IRAN.iri, RUSSIA.iri)
    ]


def test_query_refuses_updates(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="read-only"):
        kg.query("INSERT DATA { actor:X rdfs:label 'x' }")
    assert not kg.ask("ASK { ?s ?p ?o }")


def test_malformed_query_is_a_query_error(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError) as raised:
        kg.query("SELECT ?s WHERE { ?s ?p ")
    assert "\n" not in str(raised.value)


def test_failed_update_leaves_store_unchanged(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus()[:1])
    before = _graph_of(kg)
    # Valid syntax; the second operation fails (the graph does not exist), after the first
    # has been applied inside the same transaction.
    with pytest.raises(GeokgError):
        kg.update("INSERT DATA { actor:X rdfs:label 'x' } ; DROP GRAPH <urn:geokg:missing>")
    assert isomorphic(before, _graph_of(kg))
    assert not kg.ask("ASK { actor:X ?p ?o }")


def test_export_then_load_gives_isomorphic_graph(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())
    expected = _as_stored(facts_to_graph(corpus()))
    buffer = io.BytesIO()
    kg.export(buffer, format=RdfFormat.NQUADS)
    exported = rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    assert isomorphic(exported, expected)
    with KnowledgeGraph(vocabulary=False) as copy:
        copy.load(buffer.getvalue(), format=RdfFormat.NQUADS)
        assert isomorphic(_graph_of(copy), expected)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_json_ld_export_has_a_context_and_loads_back(kg: KnowledgeGraph) -> None:
    """Two JSON-LD processors (Oxigraph's, rdflib's) read the export back as the store."""
    kg.ingest(corpus())
    buffer = io.BytesIO()
    kg.export(buffer, format=RdfFormat.JSONLD)
    document = json.loads(buffer.getvalue())
    assert document["@context"] == dict(PREFIXES)
    iran = {
        k: v for node in document["@graph"] if node["@id"] == "actor:IRN" for k, v in node.items()
    }
    assert iran["rdfs:label"] == [{"@value": "Iran"}]
    assert iran["rdf:type"] == [{"@id": "geokg:State"}]
    assert any("geokg:subject" in node for node in document["@graph"])
    with KnowledgeGraph(vocabulary=False) as copy:
        copy.load(buffer.getvalue(), format=RdfFormat.JSONLD)
        assert isomorphic(_graph_of(copy), _graph_of(kg))
    parsed = rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="json-ld")
    assert isomorphic(_as_stored(parsed), _graph_of(kg))


def test_load_turtle_into_backend(kg: KnowledgeGraph) -> None:
    turtle = facts_to_graph(corpus()).serialize(format="turtle").encode("utf-8")
    kg.load(turtle, format=RdfFormat.TURTLE)
    assert isomorphic(_graph_of(kg), _as_stored(facts_to_graph(corpus())))
    aid = kg.statements(StatementFilter(relations=(SUPPLIES.iri,)))
    assert [s.sources for s in aid] == [2]


def test_stats(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())
    stats = kg.stats()
    assert stats["statements"] == 3
    assert stats["mentions"] == 5
    assert stats["documents"] == 2
    assert stats["actors"] == 5
    assert stats["triples"] == len(facts_to_graph(corpus()))


def test_rdflib_view(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus()[:1])
    graph = kg.graph
    assert (
        rdflib.URIRef(IRAN.iri),
        GEOKG.suppliesMilitaryAidTo,
        rdflib.URIRef(RUSSIA.iri),
    ) in graph


def test_load_nquads_export_of_another_store(kg: KnowledgeGraph) -> None:
    with KnowledgeGraph(vocabulary=False) as source:
        source.ingest(corpus())
        buffer = io.BytesIO()
        source.export(buffer, format=RdfFormat.NQUADS)
    kg.load(buffer.getvalue(), format=RdfFormat.NQUADS)
    assert isomorphic(_graph_of(kg), _as_stored(facts_to_graph(corpus())))
    assert kg.stats()["statements"] == 3


def test_vocabulary_is_loaded_with_the_first_ingest(kg: KnowledgeGraph) -> None:
    with_vocabulary = KnowledgeGraph(backend=kg.backend)  # same store; closed by the fixture
    with_vocabulary.ingest(corpus()[:1])
    assert with_vocabulary.ask(
        "ASK { geokg:suppliesMilitaryAidTo rdfs:label ?l . actor:RUS rdfs:label ?r }"
    )
    assert with_vocabulary.stats()["statements"] == 1


# --- re-ingesting a changed document replaces it ------------------------------------------


def _supports(kg: KnowledgeGraph, subject: Actor, obj: Actor) -> bool:
    return kg.ask(f"ASK {{ <{subject.iri}> geokg:suppliesMilitaryAidTo <{obj.iri}> }}")


def test_reingest_of_changed_document_replaces_its_facts(kg: KnowledgeGraph) -> None:
    fact_a = _fact(DOC_A, IRAN, RUSSIA, confidence=0.8)
    fact_b = _fact(DOC_A, PUTIN, CHINA, relation=MEETS, start=40)
    fact_c = _fact(DOC_A, CHINA, USA, relation=ATTACKS, negated=True, start=80)
    kg.ingest([fact_a, fact_b])
    retitled = Document(DOC_A.id, "Drones, corrected", None, date(2024, 3, 2))
    version_2 = [replace(fact_b, document=retitled), replace(fact_c, document=retitled)]
    summary = kg.ingest(version_2)
    assert (summary.new_statements, summary.new_mentions) == (1, 1)  # C is new, B is not
    assert not kg.ask(f"ASK {{ ?st geokg:subject <{IRAN.iri}> }}")
    assert not _supports(kg, IRAN, RUSSIA)
    statements = kg.statements(StatementFilter(include_negated=True))
    assert sorted((s.relation.id, s.sources, len(s.mentions)) for s in statements) == [
        ("attacks", 1, 1),
        ("meetsWith", 1, 1),
    ]
    assert {s.first_seen for s in statements} == {date(2024, 3, 2)}
    # Nothing of version 1 is left but the descriptions of its actors (actors are
    # vocabulary, shared with the gazetteer): the store is what version 2 alone gives.
    expected = facts_to_graph(version_2)
    for triple in actor_triples(IRAN) + actor_triples(RUSSIA):
        expected.add(triple)
    assert isomorphic(_graph_of(kg), _as_stored(expected))


def test_reingest_keeps_what_other_documents_support(kg: KnowledgeGraph) -> None:
    kg.ingest(corpus())  # Iran -> Russia aid is cited by doc-a and doc-b
    without_aid = [f for f in corpus() if f.document == DOC_A and f.relation != SUPPLIES]
    kg.ingest(without_aid)
    aid = kg.statements(StatementFilter(relations=(SUPPLIES.iri,)))
    assert [(s.sources, s.first_seen, s.confidence) for s in aid] == [(1, DOC_B.published, 0.95)]
    assert [m.document.id for m in aid[0].mentions] == ["doc-b"]
    assert _supports(kg, IRAN, RUSSIA)
    rest = without_aid + [f for f in corpus() if f.document == DOC_B]
    assert isomorphic(_graph_of(kg), _as_stored(facts_to_graph(rest)))


def test_direct_triple_stays_while_another_affirmed_statement_has_it(kg: KnowledgeGraph) -> None:
    attributed = _fact(DOC_B, IRAN, RUSSIA, asserted_by=USA)
    kg.ingest([_fact(DOC_A, IRAN, RUSSIA), attributed])
    kg.ingest([_fact(DOC_A, CHINA, RUSSIA)])  # doc-a no longer says Iran supplies Russia
    assert _supports(kg, IRAN, RUSSIA)  # "the US says Iran supplies Russia" still does
    kg.ingest_document(DOC_B, [])
    assert not _supports(kg, IRAN, RUSSIA)
    assert _supports(kg, CHINA, RUSSIA)
    assert kg.stats()["statements"] == 1


def test_non_consecutive_facts_of_one_document_are_all_kept(kg: KnowledgeGraph) -> None:
    facts = corpus()
    interleaved = [facts[0], facts[3], facts[1], facts[4], facts[2]]
    kg.ingest(interleaved)
    assert isomorphic(_graph_of(kg), _as_stored(facts_to_graph(facts)))


@pytest.mark.parametrize("undated_first", [False, True], ids=["dated-first", "undated-first"])
def test_an_undated_source_counts_but_does_not_erase_dates(
    kg: KnowledgeGraph, undated_first: bool
) -> None:
    undated = Document("doc-undated", "No dateline")
    facts = [_fact(DOC_A, IRAN, RUSSIA), _fact(DOC_B, IRAN, RUSSIA), _fact(undated, IRAN, RUSSIA)]
    for fact in facts[::-1] if undated_first else facts:
        kg.ingest([fact])
    (statement,) = kg.statements()
    assert statement.sources == 3
    assert (statement.first_seen, statement.last_seen) == (DOC_A.published, DOC_B.published)
    kg.ingest_document(DOC_A, [])  # the earliest dated source drops the fact
    (statement,) = kg.statements()
    assert (statement.sources, statement.first_seen, statement.last_seen) == (
        2,
        DOC_B.published,
        DOC_B.published,
    )
    kg.ingest_document(DOC_B, [])  # only the undated source is left: no dates at all
    (statement,) = kg.statements()
    assert (statement.sources, statement.first_seen, statement.last_seen) == (1, None, None)
    expected = facts_to_graph([facts[2]])
    for triple in document_triples(DOC_A) + document_triples(DOC_B):  # documents with no fact
        expected.add(triple)
    assert isomorphic(_graph_of(kg), _as_stored(expected))


def test_an_actor_keeps_one_label_and_others_become_alternative_labels(
    kg: KnowledgeGraph,
) -> None:
    relabelled = replace(IRAN, label="Islamic Republic")
    kg.ingest([_fact(DOC_A, IRAN, RUSSIA)])
    kg.ingest([_fact(DOC_B, relabelled, CHINA), _fact(DOC_B, replace(IRAN, label="Persia"), USA)])
    result = kg.query(
        f"SELECT ?p ?l WHERE {{ <{IRAN.iri}> ?p ?l . FILTER(isLiteral(?l)) }} ORDER BY ?p ?l"
    )
    assert isinstance(result, SelectResult)
    assert [(row["p"], row["l"]) for row in result.values()] == [
        ("http://www.w3.org/2000/01/rdf-schema#label", "Iran"),
        ("http://www.w3.org/2004/02/skos/core#altLabel", "Islamic Republic"),
        ("http://www.w3.org/2004/02/skos/core#altLabel", "Persia"),
        (str(GEOKG.isoAlpha3), "IRN"),
    ]
    statements = kg.statements(StatementFilter(actor=IRAN.iri))
    assert len(statements) == 3  # one row each, not one per label
    assert {s.subject.label for s in statements} == {"Iran"}
    expected = facts_to_graph(
        [
            _fact(DOC_A, IRAN, RUSSIA),
            _fact(DOC_B, relabelled, CHINA),
            _fact(DOC_B, replace(IRAN, label="Persia"), USA),
        ]
    )
    assert isomorphic(_graph_of(kg), _as_stored(expected))
