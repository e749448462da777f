"""SHACL validation of geokg data against ``ontology/shapes.ttl``.

The shapes check a statement's predicate against the ontology (``sh:class
geokg:EventRelation``), so the data is validated together with the ontology. The ontology is
merged into a copy of the data rather than passed as pyshacl's ``ont_graph``: pyshacl copies
only the RDFS and OWL axioms of an ``ont_graph``, which leaves out the ``a geokg:EventRelation``
typing the check needs. The caller's graph is never modified.

A store is validated in bounded memory by :func:`validate_store`: the focus nodes of each
shape's target class are read from the store a batch at a time (keyset pagination), each
batch is described (the nodes' own triples and the types of the nodes they point to, all
that the one-level shapes look at) into a small rdflib graph, and pyshacl validates only
those focus nodes. Findings are the same as :func:`validate` on the whole store; memory is
that of one batch, whatever the store's size (copying a 3-million-triple store into rdflib
took 7 GB).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Literal

import pyshacl
import rdflib
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import BNode, Node, URIRef

from geokg.namespace import PREFIXES
from geokg.ontology import ontology_graph

if TYPE_CHECKING:
    from geokg.store import KnowledgeGraph

__all__ = [
    "ValidationReport",
    "Violation",
    "format_report",
    "shapes_graph",
    "validate",
    "validate_store",
]

#: Focus nodes validated together by :func:`validate_store`.
BATCH_SIZE = 2000

Inference = Literal["none", "rdfs"]


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: the node that fails, the property at fault and why.

    ``focus_node`` and ``path`` are compact names (``statement:s1``, ``geokg:confidence``);
    ``path`` is ``None`` when the whole node fails a constraint. ``value`` is the offending
    value when SHACL reports one. ``severity`` is ``Violation``, ``Warning`` or ``Info``.
    """

    focus_node: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`; ``violations`` is empty when ``conforms``."""

    conforms: bool
    violations: list[Violation]


def shapes_graph() -> rdflib.Graph:
    """A new rdflib graph of the packaged SHACL shapes."""
    text = (files("geokg") / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    return rdflib.Graph().parse(data=text, format="turtle")


def validate(
    data_graph: rdflib.Graph,
    *,
    inference: Inference = "none",
    shapes: rdflib.Graph | None = None,
    ontology: rdflib.Graph | None = None,
) -> ValidationReport:
    """Validate ``data_graph`` against the geokg shapes.

    ``inference="rdfs"`` first applies RDFS entailment with the ontology (for example, a
    resource typed only with a subclass of a targeted class); it is slower and rarely needed
    for data written by geokg, which types every node explicitly.

    ``shapes`` and ``ontology`` (from :func:`shapes_graph` and
    :func:`geokg.ontology.ontology_graph`) spare parsing them again when validating many
    graphs: the same findings as fresh ones (the ontology is only read; pyshacl adds two
    RDFS axioms to the shapes graph on first use). By default each call parses its own.
    """
    shapes = shapes_graph() if shapes is None else shapes
    ontology = ontology_graph() if ontology is None else ontology
    conforms, violations = _run(data_graph, shapes, ontology, inference)
    return ValidationReport(conforms=conforms, violations=_sorted(violations))


def validate_store(
    graph: KnowledgeGraph,
    *,
    inference: Inference = "none",
    batch_size: int = BATCH_SIZE,
    shapes: rdflib.Graph | None = None,
    ontology: rdflib.Graph | None = None,
) -> ValidationReport:
    """Validate a store against the geokg shapes in bounded memory (see the module
    documentation): the same findings as ``validate(graph.graph)``, for any backend,
    remote SPARQL endpoints included. ``shapes`` and ``ontology`` as for :func:`validate`."""
    shapes = shapes_graph() if shapes is None else shapes
    ontology = ontology_graph() if ontology is None else ontology
    conforms = True
    violations: list[Violation] = []
    for shape, target in sorted(shapes.subject_objects(SH.targetClass)):
        assert isinstance(shape, URIRef) and isinstance(target, URIRef)
        below = ontology.transitive_subjects(RDFS.subClassOf, target)
        classes = sorted({target, *(c for c in below if isinstance(c, URIRef))})
        for batch in _focus_batches(graph, classes, batch_size):
            data = _describe(graph, batch)
            ok, found = _run(data, shapes, ontology, inference, focus_nodes=batch, shape=shape)
            conforms = conforms and ok
            violations += found
    return ValidationReport(conforms=conforms, violations=_sorted(violations))


def _run(
    data_graph: rdflib.Graph,
    shapes: rdflib.Graph,
    ontology: rdflib.Graph,
    inference: Inference,
    *,
    focus_nodes: Sequence[URIRef] | None = None,
    shape: URIRef | None = None,
) -> tuple[bool, list[Violation]]:
    # A copy of the once-parsed ontology: pyshacl may add to the graph it is given
    # (inference), and copying is about three times faster than parsing again. Without
    # inference the shapes read only the ontology's typing (sh:class and sh:targetClass
    # follow rdf:type and rdfs:subClassOf), a sixth of it: only that is copied.
    with_ontology = rdflib.Graph()
    if inference == "none":
        for predicate in (RDF.type, RDFS.subClassOf):
            for triple in ontology.triples((None, predicate, None)):
                with_ontology.add(triple)
    else:
        for triple in ontology:
            with_ontology.add(triple)
    for triple in data_graph.triples((None, None, None)):
        with_ontology.add(triple)
    conforms, results, _text = pyshacl.validate(
        with_ontology,
        shacl_graph=shapes,
        inference=inference,
        allow_warnings=True,
        focus_nodes=list(focus_nodes) if focus_nodes is not None else None,
        use_shapes=[shape] if shape is not None else None,
    )
    found = [_violation(results, result) for result in results.subjects(SH.resultSeverity)]
    return bool(conforms), found


def _sorted(violations: list[Violation]) -> list[Violation]:
    return sorted(violations, key=lambda v: (v.focus_node, v.path or "", v.message, v.value or ""))


def _focus_batches(
    graph: KnowledgeGraph, classes: Sequence[URIRef], size: int
) -> Iterator[list[URIRef]]:
    """IRIs typed with one of ``classes``, ``size`` at a time, in IRI order: each page
    starts after the last IRI of the previous one, so no page holds more than ``size``."""
    from geokg.store import SelectResult

    types = " ".join(c.n3() for c in classes)
    last = ""
    while True:
        after = rdflib.Literal(last).n3()
        result = graph.backend.query(
            f"SELECT DISTINCT ?x WHERE {{ VALUES ?t {{ {types} }} ?x a ?t . "
            f"FILTER(isIRI(?x) && STR(?x) > {after}) }} ORDER BY STR(?x) LIMIT {int(size)}"
        )
        assert isinstance(result, SelectResult)
        batch = [URIRef(x) for row in result.values() if (x := row["x"])]
        if not batch:
            return
        yield batch
        last = str(batch[-1])
        if len(batch) < size:
            return


def _describe(graph: KnowledgeGraph, nodes: Sequence[URIRef]) -> rdflib.Graph:
    """The nodes' own triples and the types of what they point to, as an rdflib graph."""
    from geokg.store import GraphResult

    values = " ".join(n.n3() for n in nodes)
    result = graph.backend.query(
        f"CONSTRUCT {{ ?x ?p ?o . ?o a ?t }} WHERE {{ VALUES ?x {{ {values} }} ?x ?p ?o . "
        f"OPTIONAL {{ ?o <{RDF.type}> ?t }} }}"
    )
    assert isinstance(result, GraphResult)
    text = "".join(f"{triple} .\n" for triple in result.triples)
    return rdflib.Graph().parse(data=text, format="nt")


def format_report(report: ValidationReport) -> str:
    """A readable report: a summary line, then one line per violation."""
    if report.conforms and not report.violations:
        return "The data conforms to the geokg shapes."
    count = len(report.violations)
    lines = [f"{count} SHACL result{'s' if count != 1 else ''}:"]
    for v in report.violations:
        where = f"{v.focus_node} {v.path}" if v.path else v.focus_node
        value = f" (value: {v.value})" if v.value is not None else ""
        lines.append(f"{v.severity}: {where}: {v.message}{value}")
    return "\n".join(lines)


def _violation(results: rdflib.Graph, result: Node) -> Violation:
    def value_of(predicate: URIRef) -> Node | None:
        return results.value(result, predicate)

    severity = value_of(SH.resultSeverity)
    path = value_of(SH.resultPath)
    focus = value_of(SH.focusNode)
    offending = value_of(SH.value)
    if offending == focus:  # node-level results repeat the focus node as the value
        offending = None
    return Violation(
        focus_node=_compact(focus),
        path=_compact(path) if path is not None else None,
        message=str(value_of(SH.resultMessage) or "fails a SHACL constraint"),
        severity=_local_name(severity) if isinstance(severity, URIRef) else "Violation",
        value=_compact(offending) if offending is not None else None,
    )


def _compact(node: Node | None) -> str:
    """``statement:s1`` for IRIs under a known prefix, ``<iri>`` otherwise; literals in
    Turtle (``"1.7"^^xsd:decimal``)."""
    if isinstance(node, rdflib.Literal) and node.datatype is not None:
        return f"{_quoted(node)}^^{_compact(node.datatype)}"
    if isinstance(node, rdflib.Literal):
        return _quoted(node) + (f"@{node.language}" if node.language else "")
    if isinstance(node, URIRef):
        for prefix, namespace in PREFIXES.items():
            if node.startswith(namespace) and len(node) > len(namespace):
                return f"{prefix}:{node[len(namespace) :]}"
        return f"<{node}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    return "?"


def _quoted(literal: rdflib.Literal) -> str:
    return rdflib.Literal(str(literal)).n3()


def _local_name(iri: URIRef) -> str:
    return iri.rsplit("#", 1)[-1]
