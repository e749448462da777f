"""geokg: geopolitical news to a cited RDF knowledge graph.

The names below are imported lazily, so ``import geokg`` stays cheap and commands that do not
extract never import spaCy.

>>> import geokg
>>> kg = geokg.KnowledgeGraph()
>>> kg.stats()["statements"]
0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Actor": "geokg.model",
    "ActorType": "geokg.model",
    "Document": "geokg.model",
    "Evidence": "geokg.model",
    "Fact": "geokg.model",
    "Mention": "geokg.model",
    "QuadClass": "geokg.model",
    "Relation": "geokg.model",
    "Statement": "geokg.model",
    "GeokgError": "geokg.errors",
    "KnowledgeGraph": "geokg.store",
    "StatementFilter": "geokg.store",
    "RdfFormat": "geokg.store",
    "Gazetteer": "geokg.actors",
    "load_gazetteer": "geokg.actors",
    "Ontology": "geokg.ontology",
    "load_ontology": "geokg.ontology",
    "Extractor": "geokg.extract",
    "read_documents": "geokg.extract.documents",
    "FactReader": "geokg.factsio",
    "data_path": "geokg.resources",
    "to_networkx": "geokg.network",
    "rank": "geokg.network",
    "shortest_path": "geokg.network",
    "render_html": "geokg.render",
    "write_html": "geokg.render",
}

__all__ = [
    "Actor",
    "ActorType",
    "Document",
    "Evidence",
    "Extractor",
    "Fact",
    "FactReader",
    "Gazetteer",
    "GeokgError",
    "KnowledgeGraph",
    "Mention",
    "Ontology",
    "QuadClass",
    "RdfFormat",
    "Relation",
    "Statement",
    "StatementFilter",
    "data_path",
    "load_gazetteer",
    "load_ontology",
    "rank",
    "read_documents",
    "render_html",
    "shortest_path",
    "to_networkx",
    "write_html",
]

if TYPE_CHECKING:
    from geokg.actors import Gazetteer, load_gazetteer
    from geokg.errors import GeokgError
    from geokg.extract import Extractor
    from geokg.extract.documents import read_documents
    from geokg.factsio import FactReader
    from geokg.model import (
        Actor,
        ActorType,
        Document,
        Evidence,
        Fact,
        Mention,
        QuadClass,
        Relation,
        Statement,
    )
    from geokg.network import rank, shortest_path, to_networkx
    from geokg.ontology import Ontology, load_ontology
    from geokg.render import render_html, write_html
    from geokg.resources import data_path
    from geokg.store import KnowledgeGraph, RdfFormat, StatementFilter


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geokg' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
