"""Bounded SPARQL queries: a time limit, a row limit, Ctrl-C, and no outbound ``SERVICE``.

Embedded Oxigraph has no query timeout and evaluates in native code, where Ctrl-C is not
seen. :func:`run_query` therefore runs the query in a worker thread (pyoxigraph releases the
GIL while it evaluates) and waits for it in the calling thread, which stays responsive:

* past ``timeout`` seconds it raises :class:`QueryTimeoutError`;
* on Ctrl-C (SIGINT) it raises :class:`QueryInterrupted` (exit code 130).

The abandoned query keeps its thread until the process exits, which the command line does
at once; that is safe because queries are read-only (the store is opened read-only for
them, so nothing can be lost). A library caller that goes on after a timeout keeps a busy
thread until the query ends by itself.

Rows: with ``max_rows`` a SELECT is evaluated no further than one row past the limit and
the result says it was cut (``SelectResult.truncated``). Remote endpoints get the timeout
as their request timeout and are never asked twice.

``SERVICE`` makes the store send requests to other servers (pyoxigraph and
``oxigraph serve`` both do); it is refused unless ``allow_service=True``. The query is
parsed with rdflib's SPARQL parser, so ``SERVICE`` in a comment, a string or an IRI does
not count. When rdflib cannot parse a query that Oxigraph may accept (RDF-star, a few
rdflib gaps), a SPARQL-aware scan that skips comments, strings and IRIs decides, refusing
when in doubt.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geokg.errors import GeokgError, QueryError

if TYPE_CHECKING:
    from geokg.store import KnowledgeGraph, QueryResult

__all__ = [
    "DEFAULT_TABLE_ROWS",
    "DEFAULT_TIMEOUT",
    "QueryInterrupted",
    "QueryLimits",
    "QueryTimeoutError",
    "refuse_service",
    "run_query",
    "uses_service",
]

DEFAULT_TIMEOUT = 60.0
#: Rows shown by a table when no ``--limit`` is given.
DEFAULT_TABLE_ROWS = 1000
TIMEOUT_VARIABLE = "GEOKG_QUERY_TIMEOUT"


class QueryTimeoutError(QueryError):
    """A query ran longer than its time limit and was abandoned."""


class QueryInterrupted(GeokgError):
    """A query was stopped by Ctrl-C."""

    exit_code = 130


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """``timeout`` in seconds (``None``: no limit), ``max_rows`` of a SELECT (``None``:
    all), and whether ``SERVICE`` may call other servers."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_rows: int | None = None
    allow_service: bool = False

    @staticmethod
    def timeout_from_environment(environ: Mapping[str, str] | None = None) -> float | None:
        """``GEOKG_QUERY_TIMEOUT`` in seconds (``0``: no limit), else the default."""
        env = os.environ if environ is None else environ
        raw = env.get(TIMEOUT_VARIABLE, "").strip()
        if not raw:
            return DEFAULT_TIMEOUT
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if value < 0 or value != value:
            raise QueryError(f"{TIMEOUT_VARIABLE} must be a number of seconds, got {raw!r}")
        return value or None


def run_query(graph: KnowledgeGraph, sparql: str, limits: QueryLimits | None = None) -> QueryResult:
    """Run a read-only query (prefixes predeclared) within ``limits``; see the module
    docstring. Raises :class:`QueryTimeoutError`, :class:`QueryInterrupted`, or the
    :class:`QueryError` of a refused ``SERVICE``."""
    from geokg.rdf import sparql_prologue

    limits = limits or QueryLimits()
    if not limits.allow_service:
        refuse_service(sparql_prologue() + sparql)
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def work() -> None:
        try:
            outcome["result"] = graph.query(
                sparql, max_rows=limits.max_rows, timeout=limits.timeout
            )
        except BaseException as error:
            outcome["error"] = error
        finally:
            finished.set()

    threading.Thread(target=work, name="geokg-query", daemon=True).start()
    try:
        done = finished.wait(limits.timeout)
    except KeyboardInterrupt:
        raise QueryInterrupted("query interrupted (Ctrl-C); the store is unchanged") from None
    if not done:
        raise QueryTimeoutError(
            f"the query did not finish within {limits.timeout:g} s and was stopped; allow "
            f"more with --timeout SECONDS or {TIMEOUT_VARIABLE} (0: no limit)"
        )
    if "error" in outcome:
        raise outcome["error"]
    result: QueryResult = outcome["result"]
    return result


def refuse_service(sparql: str) -> None:
    """Raise :class:`QueryError` when the query uses ``SERVICE``."""
    if uses_service(sparql):
        raise QueryError(
            "the query uses SERVICE, which sends requests to other servers; "
            "pass --allow-service to allow it"
        )


def uses_service(sparql: str) -> bool:
    """Whether a query calls ``SERVICE`` (comments, strings and IRIs do not count).

    >>> uses_service("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    True
    >>> uses_service("SELECT * WHERE { ?s ?p 'SERVICE <http://x/> {}' } # SERVICE")
    False
    """
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except Exception:  # rdflib raises pyparsing errors, and others on exotic input
        return any(token.upper() == "SERVICE" for token in _keywords(sparql))
    return "ServiceGraphPattern" in set(_node_names(tree))


def _node_names(node: object) -> Iterator[str]:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, CompValue):
            yield current.name
            stack.extend(current.values())
        elif isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list | tuple | ParseResults):
            stack.extend(current)


# Comments, strings (short and long, either quote) and IRIs are skipped; what is left are
# keywords, names and punctuation.
_SKIPPED = re.compile(
    r"""
    \#[^\n]*                                  # comment
    | '''(?:[^'\\]|\\.|'(?!''))*'''           # long strings
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\n]|\\.)*'                     # short strings
    | "(?:[^"\\\n]|\\.)*"
    | <[^<>"{}|^`\\\s]*>                      # IRI
    | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
    """,
    re.VERBOSE | re.DOTALL,
)


def _keywords(sparql: str) -> Iterator[str]:
    for match in _SKIPPED.finditer(sparql):
        word = match.group("word")
        if word is not None:
            yield word
