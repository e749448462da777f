"""geokg: geopolitical news to a cited RDF knowledge graph.

A :class:`KnowledgeGraph` stores facts with their provenance: ``KnowledgeGraph()`` keeps
everything in memory, ``KnowledgeGraph("geokg-store")`` opens the store the ``geokg``
command uses (or an ``http(s)://`` SPARQL endpoint). Ingest a facts file (JSON Lines, as
``geokg extract`` prints; the whole file is checked before anything is stored), then look
facts up:

>>> import geokg
>>> kg = geokg.KnowledgeGraph()
>>> geokg.ingest_facts_file(kg, geokg.data_path("facts", "sample.jsonl"))
IngestSummary(documents=1, facts=11, new_statements=11, new_mentions=11)
>>> [(s.relation.label, s.object.label) for s in kg.lookup("Iran", relations=["07"])]
[('supplies military aid to', 'Russia')]

Extract facts from articles with spaCy and store them, in this process
(``geokg.ingest_articles(kg, paths)``) or on a Dask cluster (``pip install
'geokg[distributed]'``): ``scheduler`` is a ``distributed.Client``, a scheduler address such
as ``"tcp://host:8786"``, or one of Dask's local schedulers. Each document replaces what the
store held for it, so re-ingesting a changed article drops the facts it no longer states:

>>> articles = [geokg.data_path("articles", "01_russia_iranian_drones.txt")]
>>> summary = geokg.ingest_with_dask(kg, articles, scheduler="synchronous")
>>> summary.documents, summary.facts > 0
(1, True)

Then query with SPARQL (``kg.query(...)``, prefixes predeclared), map with
:func:`write_html`, analyse with :func:`to_networkx`. The names of this package are imported
lazily, so ``import geokg`` stays cheap and code that does not extract never imports spaCy.
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
    "IngestSummary": "geokg.store",
    "ingest_articles": "geokg.ingest",
    "ingest_facts_file": "geokg.ingest",
    "ingest_with_dask": "geokg.ingest",
    "export_to": "geokg.exports",
    "import_file": "geokg.exports",
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
    "IngestSummary",
    "KnowledgeGraph",
    "Mention",
    "Ontology",
    "QuadClass",
    "RdfFormat",
    "Relation",
    "Statement",
    "StatementFilter",
    "data_path",
    "export_to",
    "import_file",
    "ingest_articles",
    "ingest_facts_file",
    "ingest_with_dask",
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
    from geokg.exports import export_to, import_file
    from geokg.extract import Extractor
    from geokg.extract.documents import read_documents
    from geokg.factsio import FactReader
    from geokg.ingest import ingest_articles, ingest_facts_file, ingest_with_dask
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
    from geokg.store import IngestSummary, KnowledgeGraph, RdfFormat, StatementFilter


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geokg' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
