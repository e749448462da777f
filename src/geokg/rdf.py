"""Facts to RDF triples and back.

geokg models statements the way Wikidata does: a *direct* triple for easy queries

    actor:IRN geokg:suppliesMilitaryAidTo actor:RUS .

plus a ``geokg:Statement`` node that carries subject, predicate, object, polarity,
attribution, confidence and source count, and one ``geokg:Mention`` per supporting sentence
pointing to its ``geokg:Document``. A negated or denied fact never produces the direct
triple: "Iran denies supplying drones" must not make ``actor:IRN ... actor:RUS`` true.

IRIs are derived from content, so the same input always gives the same IRIs and re-ingesting
a document adds nothing.

>>> from geokg.model import Actor, ActorType, Document, Fact, QuadClass, Relation
>>> supply = Relation("suppliesMilitaryAidTo", "supplies military aid to", "072", "AID",
...                   QuadClass.MATERIAL_COOPERATION, 8.3)
>>> fact = Fact(Document("doc-1"), Actor("IRN", "Iran", ActorType.STATE, "IRN"), supply,
...             Actor("RUS", "Russia", ActorType.STATE, "RUS"))
>>> triples = fact_triples(fact)
>>> (URIRef(fact.subject.iri), URIRef(supply.iri), URIRef(fact.object.iri)) in triples
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from geokg.errors import InputError
from geokg.model import (
    ACTOR_NS,
    BASE_IRI,
    DOCUMENT_NS,
    MENTION_NS,
    ONTOLOGY_NS,
    STATEMENT_NS,
    Actor,
    ActorType,
    Document,
    Evidence,
    Fact,
    Relation,
)
from geokg.namespace import ACTOR, GEOKG, PREFIXES, SPARQL_PREFIXES, bind_prefixes

__all__ = [
    "ACTOR",
    "GENID",
    "GEOKG",
    "PREFIXES",
    "Triple",
    "check_fact",
    "derived_values_update",
    "document_iri",
    "fact_triples",
    "facts_to_graph",
    "graph_to_facts",
    "labels_update",
    "mention_iri",
    "skolemized_ntriples",
    "sparql_prologue",
    "split_labels",
    "statement_iri",
]

RDF_JSON = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")

Triple = tuple[Node, Node, Node]


def sparql_prologue() -> str:
    """``PREFIX`` lines for every predeclared prefix."""
    return SPARQL_PREFIXES


def _digest(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def document_iri(document_id: str) -> URIRef:
    return URIRef(DOCUMENT_NS + _digest(document_id))


def statement_iri(fact: Fact) -> URIRef:
    return URIRef(STATEMENT_NS + _digest(*fact.key))


def mention_iri(fact: Fact) -> URIRef:
    evidence = fact.evidence
    span = (evidence.start, evidence.end) if evidence else (None, None)
    return URIRef(MENTION_NS + _digest(*fact.key, fact.document.id, *span))


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


# Every IRI and text built from input goes through these two checks, so a value the store
# would refuse fails here, in Python, with a message naming it (and a facts file's check,
# which builds the triples, fails on the line that holds it).


def _actor_iri(actor_id: str, what: str) -> URIRef:
    """``actor:ID`` when it is an IRI the store's parser reads (RFC 3987), else an
    :class:`InputError` naming ``what`` was wrong."""
    value = actor_id if actor_id.startswith(ACTOR_NS) else ACTOR_NS + actor_id
    try:
        ox.NamedNode(value)
    except (ValueError, UnicodeEncodeError) as error:
        reason = "a lone surrogate" if isinstance(error, UnicodeEncodeError) else error
        raise InputError(f"{what} {actor_id!r} does not make a valid IRI ({reason})") from None
    return URIRef(value)


def _string(value: str, what: str, datatype: URIRef | None = None) -> Literal:
    """A string literal; text that is not Unicode (a lone surrogate) is refused."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        character = value[error.start]
        raise InputError(
            f"{what} holds {character!r} at character {error.start + 1}: not a Unicode "
            "character (a lone surrogate)"
        ) from None
    return Literal(value, datatype=datatype)


def actor_triples(actor: Actor) -> list[Triple]:
    """Type and label of an actor; states also get their ISO code."""
    node = _actor_iri(actor.iri, "the actor")
    triples: list[Triple] = [
        (node, RDF.type, URIRef(ONTOLOGY_NS + actor.type.value)),
        (node, RDFS.label, _string(actor.label, f"the label of {actor.id}")),
    ]
    if actor.type is ActorType.STATE and actor.country:
        triples.append((node, GEOKG.isoAlpha3, _string(actor.country, "the country code")))
    return triples


def document_triples(document: Document) -> list[Triple]:
    node = document_iri(document.id)
    triples: list[Triple] = [
        (node, RDF.type, GEOKG.Document),
        (node, DCTERMS.identifier, _string(document.id, "the document id")),
    ]
    if document.title:
        triples.append((node, DCTERMS.title, _string(document.title, "the document title")))
    if document.url:
        url = _string(document.url, "the document URL", XSD.anyURI)
        triples.append((node, DCTERMS.source, url))
    if document.published:
        triples.append((node, GEOKG.published, Literal(document.published, datatype=XSD.date)))
    if document.author:
        triples.append((node, DCTERMS.creator, _string(document.author, "the document author")))
    return triples


def _ordered_actors(fact: Fact) -> tuple[Actor, Actor]:
    """Subject and object in the order the statement records them (fixed for symmetric)."""
    if fact.relation.symmetric and fact.object.id < fact.subject.id:
        return fact.object, fact.subject
    return fact.subject, fact.object


def statement_core_triples(fact: Fact) -> list[Triple]:
    """The statement node without its derived values (source count, dates, confidence)."""
    node = statement_iri(fact)
    subject, obj = _ordered_actors(fact)
    triples: list[Triple] = [
        (node, RDF.type, GEOKG.Statement),
        (node, GEOKG.subject, URIRef(subject.iri)),
        (node, GEOKG.predicate, URIRef(fact.relation.iri)),
        (node, GEOKG.object, URIRef(obj.iri)),
        (node, GEOKG.negated, Literal(fact.negated)),
    ]
    if fact.asserted_by:
        triples.append((node, GEOKG.assertedBy, URIRef(fact.asserted_by.iri)))
        if fact.asserted_by.country:
            acts_for = _actor_iri(fact.asserted_by.country, "the country code")
            triples.append((node, GEOKG.assertedByActsFor, acts_for))
    if subject.country:
        triples.append(
            (node, GEOKG.subjectActsFor, _actor_iri(subject.country, "the country code"))
        )
    if obj.country:
        acts_for = _actor_iri(obj.country, "the country code")
        triples.append((node, GEOKG.objectActsFor, acts_for))
    if not fact.negated:
        triples.append((URIRef(subject.iri), URIRef(fact.relation.iri), URIRef(obj.iri)))
    return triples


def mention_triples(fact: Fact) -> list[Triple]:
    node = mention_iri(fact)
    triples: list[Triple] = [
        (statement_iri(fact), GEOKG.hasMention, node),
        (node, RDF.type, GEOKG.Mention),
        (node, GEOKG.document, document_iri(fact.document.id)),
        (node, GEOKG.confidence, _decimal(fact.confidence)),
    ]
    if fact.evidence:
        triples += [
            (node, GEOKG.sentence, _string(fact.evidence.sentence, "the evidence sentence")),
            (
                node,
                GEOKG.startOffset,
                Literal(fact.evidence.start, datatype=XSD.integer),
            ),
            (node, GEOKG.endOffset, Literal(fact.evidence.end, datatype=XSD.integer)),
        ]
    if fact.attributes:
        payload = json.dumps(dict(fact.attributes), sort_keys=True, ensure_ascii=False)
        triples.append((node, GEOKG.attributes, _string(payload, "the attributes", RDF_JSON)))
        if "item" in fact.attributes:
            triples.append((node, GEOKG.item, Literal(fact.attributes["item"])))
        if "item_origin" in fact.attributes:
            origin = _actor_iri(fact.attributes["item_origin"], "the item origin")
            triples.append((node, GEOKG.itemOrigin, origin))
    return triples


def fact_triples(fact: Fact) -> list[Triple]:
    """Every triple one fact contributes, except the statement's derived values.

    Raises :class:`~geokg.errors.InputError` for a value the store would refuse (an actor
    id or country code that makes an invalid IRI, text that is not Unicode).
    """
    triples = document_triples(fact.document)
    for actor in (fact.subject, fact.object, fact.asserted_by):
        if actor is not None:
            triples += actor_triples(actor)
    return triples + statement_core_triples(fact) + mention_triples(fact)


#: Where the blank nodes of the ontology get their IRIs (see :func:`skolemized_ntriples`).
GENID = BASE_IRI + "genid/"


def skolemized_ntriples(turtle: str) -> bytes:
    """A Turtle document as N-Triples whose blank nodes are IRIs under :data:`GENID`
    derived from the graph's content (canonical labelling), so loading the same document
    twice, or a store's export into that store, adds nothing.

    >>> data = skolemized_ntriples("<http://x/a> <http://x/b> ( <http://x/c> ) .")
    >>> data == skolemized_ntriples("<http://x/a> <http://x/b> ( <http://x/c> ) .")
    True
    >>> b"_:" in data, data.count(GENID.encode())
    (False, 3)
    """
    from rdflib.compare import to_canonical_graph

    canonical = to_canonical_graph(Graph().parse(data=turtle, format="turtle"))
    skolem = canonical.skolemize(authority=GENID, basepath="")
    # The serializer's line order follows set iteration, which varies between runs;
    # sorted lines make equal graphs give equal bytes.
    lines = skolem.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
    return b"".join(sorted(line for line in lines if line.strip()))


def check_fact(fact: Fact) -> None:
    """Raise :class:`~geokg.errors.InputError` for any value of ``fact`` that writing it
    would refuse: the check *is* the writer's triple builder, so the two cannot drift."""
    fact_triples(fact)


def derived_values_update(selector: str) -> str:
    """The SPARQL update that (re)computes the derived values of the statements matched by
    ``selector`` (a graph pattern binding ``?st``) from all their mentions; geokg prefixes
    assumed. This is the one definition of the derived values: the store runs it in the
    update that writes a document, :func:`facts_to_graph` runs it with rdflib.

    * ``geokg:sourceCount``: the number of distinct documents with a mention;
    * ``geokg:confidence``: the highest confidence of a mention;
    * ``geokg:firstSeen`` / ``geokg:lastSeen``: the earliest and latest publication dates of
      those documents *that have one*: an undated source counts as a source but does not
      erase the dates the others give (no dated source: no dates).
    """
    return f"""
DELETE {{ ?st geokg:sourceCount ?n ; geokg:confidence ?c ; geokg:firstSeen ?f ; geokg:lastSeen ?l }}
WHERE {{
  {selector}
  {{ ?st geokg:sourceCount ?n }} UNION {{ ?st geokg:confidence ?c }}
  UNION {{ ?st geokg:firstSeen ?f }} UNION {{ ?st geokg:lastSeen ?l }}
}} ;
INSERT {{ ?st geokg:sourceCount ?sources ; geokg:confidence ?confidence }}
WHERE {{
  {{
    SELECT ?st (COUNT(DISTINCT ?doc) AS ?sources) (MAX(?mc) AS ?confidence)
    WHERE {{
      {selector}
      ?st geokg:hasMention ?m .
      ?m geokg:document ?doc ; geokg:confidence ?mc .
    }}
    GROUP BY ?st
  }}
}} ;
INSERT {{ ?st geokg:firstSeen ?first ; geokg:lastSeen ?last }}
WHERE {{
  {{
    SELECT ?st (MIN(?date) AS ?first) (MAX(?date) AS ?last)
    WHERE {{
      {selector}
      ?st geokg:hasMention ?m .
      ?m geokg:document ?doc .
      ?doc geokg:published ?date .
    }}
    GROUP BY ?st
  }}
}}"""


def split_labels(triples: Iterable[Triple]) -> tuple[list[Triple], list[tuple[str, str]]]:
    """The triples without the actors' ``rdfs:label`` triples, and those labels as
    ``(actor, label)`` pairs in N-Triples syntax, for :func:`labels_update`."""
    others: list[Triple] = []
    labels: list[tuple[str, str]] = []
    for triple in triples:
        subject, predicate, obj = triple
        if predicate == RDFS.label and str(subject).startswith(ACTOR_NS):
            labels.append((f"<{subject}>", _ntriples_literal(obj)))
        else:
            others.append(triple)
    return others, labels


def _ntriples_literal(node: Node) -> str:
    """A literal in N-Triples syntax, control characters escaped (rdflib's SPARQL parser
    turns a raw tab inside a string into spaces)."""
    assert isinstance(node, Literal)
    datatype = ox.NamedNode(str(node.datatype)) if node.datatype else None
    if node.language:
        return str(ox.Literal(str(node), language=node.language))
    return str(ox.Literal(str(node), datatype=datatype))


def labels_update(labels: Iterable[tuple[str, str]]) -> str:
    """The SPARQL update that gives actors their labels (pairs of N-Triples terms), keeping
    one ``rdfs:label`` per actor: an actor without a label gets its first one (the
    gazetteer's, loaded before any fact, for known actors); any other label becomes a
    ``skos:altLabel``. Empty when there is no label. The one definition of the rule: the
    store runs it with every write, :func:`facts_to_graph` with rdflib."""
    pairs = list(dict.fromkeys(labels))
    if not pairs:
        return ""
    first = dict(reversed(pairs))  # the first label of each actor
    main = " ".join(f"({actor} {label})" for actor, label in first.items())
    every = " ".join(f"({actor} {label})" for actor, label in pairs)
    return f"""
INSERT {{ ?a rdfs:label ?l }}
WHERE {{ VALUES (?a ?l) {{ {main} }} FILTER NOT EXISTS {{ ?a rdfs:label ?any }} }} ;
INSERT {{ ?a skos:altLabel ?l }}
WHERE {{ VALUES (?a ?l) {{ {every} }} ?a rdfs:label ?main . FILTER(STR(?main) != STR(?l)) }}"""


def facts_to_graph(facts: Iterable[Fact]) -> Graph:
    """An rdflib graph holding the given facts as the store holds them: derived statement
    values (:func:`derived_values_update`) and one label per actor (:func:`labels_update`)
    computed by the same SPARQL updates on the same engine (an in-memory Oxigraph store)."""
    store = ox.Store()
    triples: list[Triple] = []
    labels: list[tuple[str, str]] = []
    for fact in facts:
        fact_triples_, fact_labels = split_labels(fact_triples(fact))
        triples += fact_triples_
        labels += fact_labels
    block = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in dict.fromkeys(triples))
    update = f"INSERT DATA {{\n{block}\n}}"
    if labels:
        update += " ;\n" + labels_update(labels)
    update += " ;\n" + derived_values_update("?st a geokg:Statement .")
    store.update(sparql_prologue() + update)
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return bind_prefixes(Graph().parse(data=data or b"", format="nt"))


# --- back from RDF ------------------------------------------------------------------------


def _one(graph: Graph, subject: Node, predicate: Node) -> Node | None:
    return next(iter(graph.objects(subject, predicate)), None)


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _actor_from_graph(graph: Graph, node: Node, acts_for: Node | None) -> Actor:
    local = str(node)[len(ACTOR_NS) :]
    types = {str(t)[len(ONTOLOGY_NS) :] for t in graph.objects(node, RDF.type)}
    kind = next((k for k in ActorType if k.value in types), ActorType.STATE)
    label = _text(_one(graph, node, RDFS.label)) or local
    country = str(acts_for)[len(ACTOR_NS) :] if acts_for is not None else None
    return Actor(local, label, kind, country)


def _document_from_graph(graph: Graph, node: Node) -> Document:
    published = _one(graph, node, GEOKG.published)
    return Document(
        id=_text(_one(graph, node, DCTERMS.identifier)) or str(node),
        title=_text(_one(graph, node, DCTERMS.title)),
        url=_text(_one(graph, node, DCTERMS.source)),
        published=published.toPython() if isinstance(published, Literal) else None,
        author=_text(_one(graph, node, DCTERMS.creator)),
    )


def _evidence_from_graph(graph: Graph, mention: Node) -> Evidence | None:
    sentence = _one(graph, mention, GEOKG.sentence)
    start = _one(graph, mention, GEOKG.startOffset)
    end = _one(graph, mention, GEOKG.endOffset)
    if sentence is None or start is None or end is None:
        return None
    return Evidence(str(sentence), int(str(start)), int(str(end)))


def graph_to_facts(graph: Graph, relation_of: Callable[[str], Relation]) -> Iterator[Fact]:
    """One :class:`Fact` per mention in ``graph``; ``relation_of`` maps a relation IRI to
    its :class:`Relation` (usually ``Ontology.relation``)."""
    for statement in graph.subjects(RDF.type, GEOKG.Statement):
        subject_node = _one(graph, statement, GEOKG.subject)
        object_node = _one(graph, statement, GEOKG.object)
        predicate = _one(graph, statement, GEOKG.predicate)
        if subject_node is None or object_node is None or predicate is None:
            continue
        subject = _actor_from_graph(
            graph, subject_node, _one(graph, statement, GEOKG.subjectActsFor)
        )
        obj = _actor_from_graph(graph, object_node, _one(graph, statement, GEOKG.objectActsFor))
        asserter_node = _one(graph, statement, GEOKG.assertedBy)
        asserter = None
        if asserter_node is not None:
            acts_for = _one(graph, statement, GEOKG.assertedByActsFor)
            asserter = _actor_from_graph(graph, asserter_node, acts_for)
        negated = bool(_one(graph, statement, GEOKG.negated) == Literal(True))
        for mention in graph.objects(statement, GEOKG.hasMention):
            document_node = _one(graph, mention, GEOKG.document)
            if document_node is None:
                continue
            attributes = _one(graph, mention, GEOKG.attributes)
            confidence = _one(graph, mention, GEOKG.confidence)
            yield Fact(
                document=_document_from_graph(graph, document_node),
                subject=subject,
                relation=relation_of(str(predicate)),
                object=obj,
                negated=negated,
                asserted_by=asserter,
                confidence=float(str(confidence)) if confidence is not None else 1.0,
                attributes=json.loads(str(attributes)) if attributes is not None else {},
                evidence=_evidence_from_graph(graph, mention),
            )


def as_date(value: object) -> date | None:
    """A ``date`` from an RDF literal value or ISO string; ``None`` when absent or invalid."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
