"""Tests of the SHACL shapes (ontology/shapes.ttl) and geokg.validate."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import rdflib
from rdflib.compare import isomorphic, to_isomorphic

from geokg.namespace import ACTOR, DOCUMENT, GEOKG, MENTION, STATEMENT, bind_prefixes
from geokg.ontology import ontology_graph
from geokg.store import KnowledgeGraph, RdfFormat
from geokg.validate import (
    ValidationReport,
    Violation,
    format_report,
    shapes_graph,
    validate,
    validate_store,
)

XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
RDF_TYPE = rdflib.RDF.type
RDF_JSON = rdflib.URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")

S1, M1, D1 = STATEMENT.s1, MENTION.m1, DOCUMENT.d1
SENTENCE = "Iran has supplied hundreds of drones to Russia, officials said."


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    """The shapes, parsed once for the module (validation leaves them unchanged)."""
    return shapes_graph()


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    """The ontology, parsed once for the module (validation leaves it unchanged)."""
    return ontology_graph()


def _lit(value: object, datatype: rdflib.URIRef | None = None) -> rdflib.Literal:
    return rdflib.Literal(str(value), datatype=datatype) if datatype else rdflib.Literal(value)


def valid_graph() -> rdflib.Graph:
    """One statement, with one mention in one document, as geokg writes them."""
    g = bind_prefixes(rdflib.Graph())
    g.add((ACTOR.IRN, GEOKG.suppliesMilitaryAidTo, ACTOR.RUS))
    for p, o in [
        (RDF_TYPE, GEOKG.Statement),
        (GEOKG.subject, ACTOR.IRN),
        (GEOKG.predicate, GEOKG.suppliesMilitaryAidTo),
        (GEOKG.object, ACTOR.RUS),
        (GEOKG.negated, _lit(False)),
        (GEOKG.confidence, _lit("0.9", XSD.decimal)),
        (GEOKG.sourceCount, _lit(1)),
        (GEOKG.hasMention, M1),
        (GEOKG.firstSeen, _lit("2024-03-01", XSD.date)),
        (GEOKG.lastSeen, _lit("2024-03-01", XSD.date)),
        (GEOKG.attributes, _lit('{"item": "drones"}', RDF_JSON)),
        (GEOKG.item, _lit("drones")),
        (GEOKG.itemOrigin, ACTOR.IRN),
    ]:
        g.add((S1, p, o))
    for p, o in [
        (RDF_TYPE, GEOKG.Mention),
        (GEOKG.document, D1),
        (GEOKG.sentence, _lit(SENTENCE)),
        (GEOKG.startOffset, _lit(0, XSD.integer)),
        (GEOKG.endOffset, _lit(len(SENTENCE), XSD.integer)),
        (GEOKG.confidence, _lit("0.9", XSD.decimal)),
    ]:
        g.add((M1, p, o))
    for p, o in [
        (RDF_TYPE, GEOKG.Document),
        (DCTERMS.identifier, _lit("d1")),
        (DCTERMS.title, _lit("Russia fields Iranian drones")),
        (DCTERMS.source, rdflib.URIRef("https://example.org/news/1")),
        (GEOKG.published, _lit("2024-03-01", XSD.date)),
    ]:
        g.add((D1, p, o))
    return g


def _set(
    subject: rdflib.URIRef, predicate: rdflib.URIRef, value: rdflib.term.Node | None
) -> Callable[[rdflib.Graph], None]:
    """A change to the valid graph: replace (or remove) the values of one property."""

    def mutate(g: rdflib.Graph) -> None:
        g.remove((subject, predicate, None))
        if value is not None:
            g.add((subject, predicate, value))

    return mutate


def _add(
    subject: rdflib.URIRef, predicate: rdflib.URIRef, value: rdflib.term.Node
) -> Callable[[rdflib.Graph], None]:
    """A change to the valid graph: add one more value."""

    def mutate(g: rdflib.Graph) -> None:
        g.add((subject, predicate, value))

    return mutate


def test_a_valid_graph_conforms() -> None:
    report = validate(valid_graph())
    assert report == ValidationReport(conforms=True, violations=[])
    assert format_report(report) == "The data conforms to the geokg shapes."


def test_a_mention_without_sentence_or_offsets_conforms() -> None:
    # Hand-written facts may have no evidence sentence (geokg.model.Mention.evidence is None).
    g = valid_graph()
    for p in (GEOKG.sentence, GEOKG.startOffset, GEOKG.endOffset):
        g.remove((M1, p, None))
    assert validate(g).conforms


def test_a_source_url_may_be_an_iri_or_an_any_uri_literal() -> None:
    g = valid_graph()
    g.set((D1, DCTERMS.source, _lit("https://example.org/news/1", XSD.anyURI)))
    assert validate(g).conforms


def test_an_empty_graph_conforms() -> None:
    assert validate(rdflib.Graph()).conforms


BROKEN = [
    pytest.param(*case, id=f"{case[1]} {case[2]} {case[3]}")
    for case in [
        (_set(S1, GEOKG.object, None), "statement:s1", "geokg:object", "exactly one"),
        (_add(S1, GEOKG.object, ACTOR.UKR), "statement:s1", "geokg:object", "exactly one"),
        (_set(S1, GEOKG.subject, _lit("Iran")), "statement:s1", "geokg:subject", "actor IRI"),
        (
            _set(S1, GEOKG.predicate, GEOKG.memberOf),
            "statement:s1",
            "geokg:predicate",
            "event relation",
        ),
        (
            _set(S1, GEOKG.confidence, _lit("1.7", XSD.decimal)),
            "statement:s1",
            "geokg:confidence",
            "between 0 and 1",
        ),
        (
            _set(S1, GEOKG.confidence, _lit("0.5", XSD.double)),
            "statement:s1",
            "geokg:confidence",
            "xsd:decimal",
        ),
        (_set(S1, GEOKG.negated, _lit("no")), "statement:s1", "geokg:negated", "xsd:boolean"),
        (_set(S1, GEOKG.negated, None), "statement:s1", "geokg:negated", "exactly one"),
        (_set(S1, GEOKG.sourceCount, _lit(0)), "statement:s1", "geokg:sourceCount", "at least 1"),
        (_set(S1, GEOKG.hasMention, None), "statement:s1", "geokg:hasMention", "cite"),
        (
            _add(S1, GEOKG.hasMention, MENTION.untyped),
            "statement:s1",
            "geokg:hasMention",
            "geokg:Mention",
        ),
        (
            _set(S1, GEOKG.firstSeen, _lit("2024-03-02", XSD.date)),
            "statement:s1",
            "geokg:firstSeen",
            "no later than",
        ),
        (_add(S1, GEOKG.assertedBy, _lit("USA")), "statement:s1", "geokg:assertedBy", "IRI"),
        (
            _add(S1, GEOKG.assertedByActsFor, _lit("USA")),
            "statement:s1",
            "geokg:assertedByActsFor",
            "state IRI",
        ),
        (
            _set(M1, GEOKG.startOffset, _lit(70, XSD.integer)),
            "mention:m1",
            "geokg:startOffset",
            "up to its geokg:endOffset",
        ),
        (
            _set(M1, GEOKG.startOffset, _lit("1", XSD.decimal)),
            "mention:m1",
            "geokg:startOffset",
            "xsd:integer",
        ),
        (_set(M1, GEOKG.endOffset, None), "mention:m1", None, "or neither"),
        (_set(M1, GEOKG.document, None), "mention:m1", "geokg:document", "exactly one"),
        (_set(M1, GEOKG.sentence, _lit("")), "mention:m1", "geokg:sentence", "non-empty"),
        (
            _set(D1, DCTERMS.identifier, None),
            "document:d1",
            "dcterms:identifier",
            "exactly one",
        ),
        (_add(D1, DCTERMS.title, _lit("Other")), "document:d1", "dcterms:title", "at most one"),
        (
            _set(D1, GEOKG.published, _lit("2024-03-01")),
            "document:d1",
            "geokg:published",
            "xsd:date",
        ),
        (
            _set(D1, DCTERMS.source, _lit("https://example.org/news/1")),
            "document:d1",
            "dcterms:source",
            "xsd:anyURI",
        ),
    ]
]


@pytest.mark.parametrize(("mutate", "focus", "path", "words"), BROKEN)
def test_one_broken_constraint_gives_one_violation(
    mutate: Callable[[rdflib.Graph], None],
    focus: str,
    path: str | None,
    words: str,
    shapes: rdflib.Graph,
    ontology: rdflib.Graph,
) -> None:
    g = valid_graph()
    mutate(g)
    report = validate(g, shapes=shapes, ontology=ontology)
    assert not report.conforms
    assert len(report.violations) == 1, format_report(report)
    violation = report.violations[0]
    assert (violation.focus_node, violation.path, violation.severity) == (
        focus,
        path,
        "Violation",
    )
    assert words in violation.message


def test_the_brief_example_of_an_invalid_graph() -> None:
    """A statement missing its object, a confidence of 1.7 and a mention with end < start."""
    g = valid_graph()
    g.remove((S1, GEOKG.object, None))
    g.set((S1, GEOKG.confidence, _lit("1.7", XSD.decimal)))
    g.set((M1, GEOKG.startOffset, _lit(40, XSD.integer)))
    g.set((M1, GEOKG.endOffset, _lit(10, XSD.integer)))
    report = validate(g)
    assert not report.conforms
    assert [(v.focus_node, v.path, v.value) for v in report.violations] == [
        ("mention:m1", "geokg:startOffset", '"40"^^xsd:integer'),
        ("statement:s1", "geokg:confidence", '"1.7"^^xsd:decimal'),
        ("statement:s1", "geokg:object", None),
    ]
    lines = format_report(report).splitlines()
    assert lines[0] == "3 SHACL results:"
    assert lines[2] == (
        "Violation: statement:s1 geokg:confidence: A statement needs exactly one "
        'geokg:confidence, an xsd:decimal between 0 and 1. (value: "1.7"^^xsd:decimal)'
    )
    assert len(lines) == 4


def test_validation_does_not_change_the_data_graph() -> None:
    g = valid_graph()
    g.remove((S1, GEOKG.object, None))
    before = to_isomorphic(g)
    validate(g)
    validate(g, inference="rdfs")
    assert isomorphic(g, before)
    assert len(g) == len(before)


def test_shapes_and_ontology_reused_across_calls_give_the_same_findings() -> None:
    """What lets the tests (and callers) parse them once and validate many graphs (with
    RDFS inference too: see the next test). pyshacl adds two RDFS axioms to a shapes graph on
    its first use, which change no finding; the ontology is left as it was."""
    shapes, ontology = shapes_graph(), ontology_graph()
    g = valid_graph()
    g.set((S1, GEOKG.confidence, _lit("1.7", XSD.decimal)))
    g.remove((M1, GEOKG.document, None))
    fresh = validate(g)
    assert len(fresh.violations) == 2
    for _ in range(2):
        assert validate(g, shapes=shapes, ontology=ontology) == fresh
        with store_of(g) as kg:
            assert validate_store(kg, shapes=shapes, ontology=ontology) == fresh
    assert isomorphic(ontology, ontology_graph()) and len(ontology) == len(ontology_graph())


def test_rdfs_inference_gives_the_same_result(shapes: rdflib.Graph, ontology: rdflib.Graph) -> None:
    g = valid_graph()
    assert validate(g, inference="rdfs").conforms
    g.set((S1, GEOKG.confidence, _lit("1.7", XSD.decimal)))
    inferred = validate(g, inference="rdfs", shapes=shapes, ontology=ontology)
    assert inferred.violations == validate(g).violations
    assert len(inferred.violations) == 1


def test_violations_are_sorted_and_compact() -> None:
    g = valid_graph()
    g.set((S1, GEOKG.sourceCount, _lit(0)))
    g.set((rdflib.URIRef("http://example.org/s"), RDF_TYPE, GEOKG.Statement))
    report = validate(g)
    foci = [v.focus_node for v in report.violations]
    assert foci == sorted(foci)
    assert "<http://example.org/s>" in foci
    assert all(isinstance(v, Violation) for v in report.violations)


def test_every_constraint_has_a_message() -> None:
    shapes = shapes_graph()
    for shape in shapes.subjects(RDF_TYPE, SH.NodeShape):
        properties = list(shapes.objects(shape, SH.property))
        assert properties, shape
        for prop in properties:
            message = shapes.value(prop, SH.message)
            assert message is not None and str(message).endswith("."), prop
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets == {GEOKG.Statement, GEOKG.Mention, GEOKG.Document}


def test_graphs_written_by_geokg_rdf_conform() -> None:
    """The RDF writer and the shapes must agree (skipped until geokg.rdf exists)."""
    from datetime import date

    from geokg.model import Actor, ActorType, Document, Evidence, Fact
    from geokg.ontology import load_ontology

    rdf = pytest.importorskip("geokg.rdf")
    ontology = load_ontology()
    iran = Actor("IRN", "Iran", ActorType.STATE, country="IRN")
    russia = Actor("RUS", "Russia", ActorType.STATE, country="RUS")
    austin = Actor("lloyd_austin", "Lloyd Austin", ActorType.PERSON, country="USA")
    dated = Document("d1", "Drones", "https://example.org/a", date(2024, 5, 20))
    bare = Document("d2")
    facts = [
        Fact(
            dated,
            iran,
            ontology.relation("072"),
            russia,
            asserted_by=austin,
            confidence=0.9,
            attributes={"item": "drones", "item_origin": "IRN"},
            evidence=Evidence("Iran sent drones.", 0, 17),
        ),
        Fact(bare, iran, ontology.relation("072"), russia, asserted_by=austin, confidence=0.7),
        Fact(bare, russia, ontology.relation("fightsWith"), iran, negated=True),
    ]
    report = validate(rdf.facts_to_graph(facts))
    assert report.conforms, format_report(report)


# ---- stores, in bounded memory ---------------------------------------------------------


def store_of(graph: rdflib.Graph) -> KnowledgeGraph:
    kg = KnowledgeGraph(vocabulary=False)
    kg.load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.NTRIPLES)
    return kg


@pytest.mark.parametrize(
    "mutate",
    [case.values[0] for case in BROKEN] + [lambda g: None],
    ids=[str(case.id) for case in BROKEN] + ["valid"],
)
def test_a_store_validated_in_batches_gives_the_same_findings(
    mutate: Callable[[rdflib.Graph], None], shapes: rdflib.Graph, ontology: rdflib.Graph
) -> None:
    graph = valid_graph()
    mutate(graph)
    with store_of(graph) as kg:
        in_batches = validate_store(kg, shapes=shapes, ontology=ontology)
    assert in_batches == validate(graph, shapes=shapes, ontology=ontology)


def test_batches_cover_every_focus_node_once(shapes: rdflib.Graph, ontology: rdflib.Graph) -> None:
    """Many statements, some broken, validated one small batch at a time."""
    graph = bind_prefixes(rdflib.Graph())
    template = valid_graph()
    for i in range(12):
        rename = {S1: STATEMENT[f"s{i}"], M1: MENTION[f"m{i}"], D1: DOCUMENT[f"d{i}"]}
        for s, p, o in template:
            graph.add((rename.get(s, s), p, rename.get(o, o)))  # type: ignore[arg-type]
    for i in (3, 8, 11):
        graph.set((STATEMENT[f"s{i}"], GEOKG.sourceCount, _lit(0)))
    graph.remove((MENTION.m7, GEOKG.document, None))
    graph.add((DOCUMENT.d9, DCTERMS.title, _lit("A second title")))
    whole = validate(graph, shapes=shapes, ontology=ontology)
    assert len(whole.violations) == 5
    with store_of(graph) as kg:
        for size in (1, 4, 2000):
            in_batches = validate_store(kg, batch_size=size, shapes=shapes, ontology=ontology)
            assert in_batches == whole
