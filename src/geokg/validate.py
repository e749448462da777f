"""SHACL validation of geokg data against ``ontology/shapes.ttl``.

The shapes check a statement's predicate against the ontology (``sh:class
geokg:EventRelation``), so the data is validated together with the ontology. The ontology is
merged into a copy of the data rather than passed as pyshacl's ``ont_graph``: pyshacl copies
only the RDFS and OWL axioms of an ``ont_graph``, which leaves out the ``a geokg:EventRelation``
typing the check needs. The caller's graph is never modified.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from typing import Literal

import pyshacl
import rdflib
from rdflib.namespace import SH
from rdflib.term import BNode, Node, URIRef

from geokg.namespace import PREFIXES
from geokg.ontology import ontology_graph

__all__ = ["ValidationReport", "Violation", "format_report", "shapes_graph", "validate"]

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


def validate(data_graph: rdflib.Graph, *, inference: Inference = "none") -> ValidationReport:
    """Validate ``data_graph`` against the geokg shapes.

    ``inference="rdfs"`` first applies RDFS entailment with the ontology (for example, a
    resource typed only with a subclass of a targeted class); it is slower and rarely needed
    for data written by geokg, which types every node explicitly.
    """
    with_ontology = ontology_graph()
    for triple in data_graph.triples((None, None, None)):
        with_ontology.add(triple)
    conforms, results, _text = pyshacl.validate(
        with_ontology,
        shacl_graph=shapes_graph(),
        inference=inference,
        allow_warnings=True,
    )
    violations = sorted(
        (_violation(results, result) for result in results.subjects(SH.resultSeverity)),
        key=lambda v: (v.focus_node, v.path or "", v.message, v.value or ""),
    )
    return ValidationReport(conforms=bool(conforms), violations=violations)


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
