"""The small protocol every storage backend implements, and SPARQL result records.

Backends are deliberately thin: SPARQL 1.1 query and update (each update atomic), bulk load
and dump of RDF, and an rdflib ``Graph`` view where the backend can offer one. What a backend
cannot do it refuses explicitly with :class:`~geokg.errors.UnsupportedOperationError`,
announced in advance by its :class:`Capabilities`.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Protocol, runtime_checkable

import pyoxigraph as ox

from geokg.errors import QueryError

if TYPE_CHECKING:
    import rdflib


class RdfFormat(StrEnum):
    """RDF serialisations geokg reads and writes."""

    TURTLE = "turtle"
    TRIG = "trig"
    NQUADS = "nquads"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"

    @property
    def oxigraph(self) -> ox.RdfFormat:
        return {
            RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
            RdfFormat.TRIG: ox.RdfFormat.TRIG,
            RdfFormat.NQUADS: ox.RdfFormat.N_QUADS,
            RdfFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
            RdfFormat.JSONLD: ox.RdfFormat.JSON_LD,
            RdfFormat.RDFXML: ox.RdfFormat.RDF_XML,
        }[self]

    @property
    def media_type(self) -> str:
        return str(self.oxigraph.media_type)

    @property
    def supports_datasets(self) -> bool:
        return self in (RdfFormat.TRIG, RdfFormat.NQUADS, RdfFormat.JSONLD)

    @classmethod
    def from_path(cls, path: str) -> RdfFormat | None:
        suffixes = {
            ".ttl": cls.TURTLE,
            ".trig": cls.TRIG,
            ".nq": cls.NQUADS,
            ".nquads": cls.NQUADS,
            ".nt": cls.NTRIPLES,
            ".jsonld": cls.JSONLD,
            ".json": cls.JSONLD,
            ".rdf": cls.RDFXML,
            ".owl": cls.RDFXML,
            ".xml": cls.RDFXML,
        }
        lowered = path.lower()
        for suffix, fmt in suffixes.items():
            if lowered.endswith(suffix) or lowered.endswith(suffix + ".gz"):
                return fmt
        return None


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a backend offers; callers check these instead of catching failures."""

    persistent: bool
    writable: bool
    transactional_updates: bool
    bulk_load: bool
    rdflib_graph: bool
    remote: bool = False


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True, slots=True)
class SelectResult:
    """Rows of a SPARQL SELECT, terms as pyoxigraph terms (``None`` when unbound).
    ``truncated`` says the query had more rows than the ``max_rows`` it was run with."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    truncated: bool = False

    def values(self) -> list[dict[str, str | None]]:
        """Rows as plain strings, handy for code and tests."""
        return [
            {v: (None if t is None else t.value) for v, t in zip(self.variables, row, strict=True)}  # type: ignore[union-attr]
            for row in self.rows
        ]


@dataclass(frozen=True, slots=True)
class AskResult:
    value: bool


@dataclass(frozen=True, slots=True)
class GraphResult:
    """Triples of a SPARQL CONSTRUCT or DESCRIBE."""

    triples: tuple[ox.Triple, ...] = field(default_factory=tuple)


QueryResult = SelectResult | AskResult | GraphResult


@runtime_checkable
class Backend(Protocol):
    """The storage protocol behind :class:`geokg.store.KnowledgeGraph`."""

    capabilities: Capabilities
    location: str

    def query(
        self, sparql: str, *, max_rows: int | None = None, timeout: float | None = None
    ) -> QueryResult:
        """Run a SPARQL 1.1 query; a SELECT stops reading after ``max_rows`` rows
        (``truncated`` says so). ``timeout`` bounds a remote request (an embedded query is
        bounded by :func:`geokg.query_limits.run_query`)."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update atomically: all of it or nothing."""
        ...

    def load(self, data: IO[bytes], *, format: RdfFormat) -> None:
        """Bulk-load RDF into the default graph (quads keep their graph)."""
        ...

    def dump(self, output: IO[bytes], *, format: RdfFormat) -> None:
        """Write the whole store."""
        ...

    def rdflib_graph(self) -> rdflib.Graph:
        """An rdflib view of the store's default graph."""
        ...

    def close(self) -> None: ...


_UPDATE_KEYWORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", re.IGNORECASE)
_COMMENT = re.compile(r"^\s*#.*$", re.MULTILINE)


def is_update(sparql: str) -> bool:
    """Whether a SPARQL string is an update (``INSERT``, ``DELETE``, ``DROP``, ...).

    >>> is_update("PREFIX a: <http://a/> INSERT DATA { a:x a:y a:z }")
    True
    >>> is_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    body = _PROLOGUE.sub("", _COMMENT.sub("", sparql), count=1)
    first = body.split(None, 1)[0].upper() if body.strip() else ""
    return first in _UPDATE_KEYWORDS


def refuse_updates(sparql: str) -> None:
    if is_update(sparql):
        raise QueryError("SPARQL updates are not allowed here: queries are read-only")


# --- SPARQL results serialisation ---------------------------------------------------------


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def results_to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value})
    if isinstance(result, GraphResult):
        raise QueryError("CONSTRUCT and DESCRIBE results are RDF: use an RDF format")
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    payload = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False)


def results_to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (plain values)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if isinstance(result, AskResult):
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.value else "false"])
        return buffer.getvalue()
    if isinstance(result, GraphResult):
        raise QueryError("CONSTRUCT and DESCRIBE results are RDF: use an RDF format")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else t.value for t in row])  # type: ignore[union-attr]
    return buffer.getvalue()


def results_to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV (terms in Turtle/N-Triples syntax)."""
    if isinstance(result, AskResult):
        return "?boolean\n" + ("true" if result.value else "false") + "\n"
    if isinstance(result, GraphResult):
        raise QueryError("CONSTRUCT and DESCRIBE results are RDF: use an RDF format")
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return "\n".join(lines) + "\n"


def result_from_oxigraph(result: object, *, max_rows: int | None = None) -> QueryResult:
    """Convert what ``pyoxigraph`` returns (solutions, boolean or triples). Solutions are
    read lazily: with ``max_rows`` the query is evaluated no further than one row past it."""
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        solutions = iter(result)
        if max_rows is not None:
            solutions = itertools.islice(solutions, max_rows + 1)
        rows = tuple(tuple(solution[v] for v in variables) for solution in solutions)
        if max_rows is not None and len(rows) > max_rows:
            return SelectResult(variables, rows[:max_rows], truncated=True)
        return SelectResult(variables, rows)
    if isinstance(result, ox.QueryTriples):
        return GraphResult(tuple(result))
    raise TypeError(f"unexpected query result {type(result).__name__}")
