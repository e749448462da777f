"""SPARQL query text and results as text: what ``geokg query`` reads and prints.

Results print in the standard SPARQL results formats (``json``, ``csv``, ``tsv``) or as an
aligned ``table`` with IRIs shortened to the predeclared prefixes; ASK gives ``true`` or
``false``; CONSTRUCT and DESCRIBE give Turtle (JSON-LD with ``json``).

>>> from geokg.store import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> print(format_result(kg.query("SELECT ?x WHERE { VALUES ?x { actor:IRN 7 } }"), "table"), end="")
x
---------
actor:IRN
7
>>> format_result(kg.query("ASK { ?s ?p ?o }"), "table")
'false\\n'
"""

from __future__ import annotations

import io
import sys
from typing import TextIO

import pyoxigraph as ox

from geokg.errors import InputError, QueryError
from geokg.jsonld import compact_stream
from geokg.namespace import PREFIXES
from geokg.store.base import (
    AskResult,
    GraphResult,
    QueryResult,
    Term,
    results_to_csv,
    results_to_json,
    results_to_tsv,
)
from geokg.tables import render_table
from geokg.userfiles import STDIN, read_text

__all__ = ["RESULT_FORMATS", "format_result", "query_text", "short_term"]

#: What ``format_result`` accepts.
RESULT_FORMATS = ("table", "json", "csv", "tsv")


def query_text(
    text: str | None = None, *, file: str | None = None, stdin: TextIO | None = None
) -> str:
    """The query to run: ``text`` as given, or the UTF-8 ``file``; ``-`` for either reads
    ``stdin`` (default: standard input). An empty query is refused."""
    if file is not None and file != STDIN:
        text = read_text(file)
    elif STDIN in (file, text):
        text = (stdin if stdin is not None else sys.stdin).read()
    if not text or not text.strip():
        raise InputError("the SPARQL query is empty")
    return text


def format_result(result: QueryResult, output_format: str) -> str:
    """A query result as text (ending with a newline) in one of :data:`RESULT_FORMATS`.

    CONSTRUCT and DESCRIBE results are RDF: JSON-LD (with geokg's prefixes as its
    ``@context``) for ``json``, Turtle for ``table``; ``csv`` and ``tsv`` are refused (they
    are SPARQL results formats for SELECT and ASK).
    """
    if isinstance(result, GraphResult):
        if output_format == "json":
            return _jsonld(result)
        if output_format in ("csv", "tsv"):
            raise QueryError(
                f"CONSTRUCT and DESCRIBE give RDF, not a table: use --format json (JSON-LD) "
                f"or table (Turtle), not {output_format}"
            )
        return _turtle(result)
    if output_format == "json":
        return results_to_json(result) + "\n"
    if output_format == "csv":
        return results_to_csv(result)
    if output_format == "tsv":
        return results_to_tsv(result)
    if isinstance(result, AskResult):
        return ("true" if result.value else "false") + "\n"
    rows = [[short_term(term) for term in row] for row in result.rows]
    return render_table(list(result.variables), rows) + "\n"


def short_term(term: Term | None) -> str:
    """A term for a table: IRIs as prefixed names where a predeclared prefix fits.

    >>> short_term(ox.NamedNode("https://w3id.org/geokg/ontology#meetsWith"))
    'geokg:meetsWith'
    >>> short_term(ox.NamedNode("http://example.org/x"))
    '<http://example.org/x>'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in _LONGEST_FIRST:
            local = term.value.removeprefix(namespace)
            if local != term.value and local and all(c.isalnum() or c in "_-." for c in local):
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return str(term.value)
    return str(term)


_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def _jsonld(result: GraphResult) -> str:
    expanded = ox.serialize(result.triples, format=ox.RdfFormat.JSON_LD) or b"[]"
    output = io.BytesIO()
    compact_stream(io.BytesIO(bytes(expanded)), output)
    return output.getvalue().decode("utf-8")


def _turtle(result: GraphResult) -> str:
    data = ox.serialize(result.triples, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
    return bytes(data or b"").decode("utf-8")
