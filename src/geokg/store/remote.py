"""A remote SPARQL 1.1 endpoint as a geokg backend (Oxigraph server, Fuseki, GraphDB, ...).

Only the standard library talks HTTP (``urllib.request``); pyoxigraph parses what comes
back. The URL given is the query endpoint (SPARQL 1.1 Protocol). Updates go to the update
endpoint (SPARQL 1.1 Update), bulk loads and dumps to the Graph Store Protocol endpoint when
the server offers one. Each endpoint not given is derived from the query URL: a trailing
``/query`` or ``/sparql`` becomes ``/update`` and ``/store``, which is the layout of
``oxigraph serve``.

Credentials: ``GEOKG_STORE_USER``/``GEOKG_STORE_PASSWORD`` for basic authentication,
``GEOKG_STORE_TOKEN`` for a bearer token (the environment keeps them out of ``ps`` and shell
histories). A URL may also carry them (``http://user:pw@host/query``): they are taken out of
the URL, sent as basic authentication, and never shown: every message names the URL without
them. A malformed URL (``http://[::1``) is one error line.

A request that times out is never retried (the server may still be computing it: asking
again would double its load and the wait); connection failures and 502/503/504 are.

>>> derive_endpoint("http://127.0.0.1:7878/query", "update")
'http://127.0.0.1:7878/update'
>>> derive_endpoint("https://example.org/ds/sparql", "store")
'https://example.org/ds/store'
"""

from __future__ import annotations

import base64
import http.client
import os
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from geokg.errors import GeokgError, InputError, QueryError, RemoteStoreError, StoreError
from geokg.store.base import (
    Capabilities,
    GraphResult,
    QueryResult,
    RdfFormat,
    SelectResult,
    result_from_oxigraph,
)
from geokg.urls import mask_secrets, split_credentials

if TYPE_CHECKING:
    import rdflib

__all__ = ["RemoteBackend", "RemoteSettings", "derive_endpoint"]

SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
SPARQL_RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
N_QUADS = "application/n-quads"

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 0.5
#: Statements per ``INSERT DATA`` request when the server has no Graph Store endpoint.
INSERT_CHUNK = 5_000
_RETRIED_STATUSES = frozenset({502, 503, 504})
#: Statuses meaning "no Graph Store Protocol here": fall back to SPARQL.
_NO_GRAPH_STORE = frozenset({404, 405, 415, 501})


def derive_endpoint(query_url: str, name: str) -> str:
    """The ``name`` endpoint (``update``, ``store``) next to a query endpoint URL."""
    base = query_url.rstrip("/")
    for suffix in ("/query", "/sparql"):
        if base.endswith(suffix):
            return base[: -len(suffix)] + "/" + name
    return base + "/" + name


@dataclass(frozen=True, slots=True)
class RemoteSettings:
    """Endpoints, credentials and network policy of a remote backend."""

    query_url: str
    update_url: str
    store_url: str | None
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    user: str | None = None
    password: str | None = None
    token: str | None = None

    @classmethod
    def from_environment(
        cls,
        url: str,
        *,
        update_url: str | None = None,
        store_url: str | None = None,
        timeout: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> RemoteSettings:
        """Settings from explicit options, then ``GEOKG_*`` variables, then defaults.
        ``store_url=""`` disables the Graph Store Protocol (SPARQL only). Credentials in a
        URL win over the environment's and are removed from every URL kept."""
        env = os.environ if environ is None else environ
        query_url, user, password = _without_credentials(url, "store URL")
        update = update_url or env.get("GEOKG_UPDATE_URL") or derive_endpoint(query_url, "update")
        update, update_user, update_password = _without_credentials(update, "update URL")
        store = _store_url(query_url, store_url, env)
        if store:
            store, _, _ = _without_credentials(store, "Graph Store URL")
        if user is None:
            user, password = update_user, update_password
        if user is None:
            user = env.get("GEOKG_STORE_USER") or None
            password = env.get("GEOKG_STORE_PASSWORD") or None
        return cls(
            query_url=query_url,
            update_url=update,
            store_url=store,
            timeout=timeout if timeout is not None else _env_float(env, "GEOKG_STORE_TIMEOUT"),
            retries=DEFAULT_RETRIES if retries is None else max(0, retries),
            backoff=DEFAULT_BACKOFF if backoff is None else backoff,
            user=user,
            password=password,
            token=env.get("GEOKG_STORE_TOKEN") or None,
        )

    def mask(self, message: str) -> str:
        """A message with every credential of these settings masked."""
        return mask_secrets(message, self.password, self.token)

    def auth_headers(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


def _without_credentials(url: str, what: str) -> tuple[str, str | None, str | None]:
    try:
        return split_credentials(url, what=what)
    except InputError as error:
        raise StoreError(str(error)) from None


def _store_url(url: str, explicit: str | None, env: Mapping[str, str]) -> str | None:
    if explicit is not None:
        return explicit or None
    from_env = env.get("GEOKG_STORE_URL")
    if from_env is not None:
        return from_env or None
    return derive_endpoint(url, "store")


def _env_float(env: Mapping[str, str], name: str) -> float:
    raw = env.get(name)
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        raise StoreError(f"{name} must be a number of seconds, got {raw!r}") from None
    if value <= 0:
        raise StoreError(f"{name} must be a positive number of seconds, got {raw!r}")
    return value


class _NoGraphStore(Exception):
    """The server has no Graph Store Protocol endpoint (internal: triggers the fallback)."""


class RemoteBackend:
    """A SPARQL 1.1 endpoint. Each update is one HTTP request, which Oxigraph and Fuseki
    apply atomically; that is what makes ``KnowledgeGraph.ingest_document`` all-or-nothing.

    Options: ``update_url``, ``store_url`` (``""`` for none), ``timeout`` (seconds),
    ``retries`` and ``backoff`` (seconds before the first retry, doubled each time).
    """

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        update_url: str | None = None,
        store_url: str | None = None,
        timeout: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
    ) -> None:
        self.settings = RemoteSettings.from_environment(
            url,
            update_url=update_url,
            store_url=store_url,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
        )
        self.location = self.settings.query_url
        self.capabilities = Capabilities(
            persistent=True,
            writable=not read_only,
            transactional_updates=True,
            bulk_load=True,
            rdflib_graph=True,
            remote=True,
        )

    # --- Backend protocol -----------------------------------------------------------------

    def query(
        self, sparql: str, *, max_rows: int | None = None, timeout: float | None = None
    ) -> QueryResult:
        """``timeout`` replaces the settings' for this request; ``max_rows`` keeps the first
        rows of a SELECT (the server's answer is read whole)."""
        accept = f"{SPARQL_RESULTS_JSON}, {N_TRIPLES};q=0.9"
        with self._request(
            "POST",
            self.settings.query_url,
            sparql.encode("utf-8"),
            SPARQL_QUERY,
            accept,
            timeout=timeout,
        ) as response:
            data = response.read()
            media_type = response.headers.get_content_type()
        result = _parse_result(data, media_type, self.location)
        if (
            isinstance(result, SelectResult)
            and max_rows is not None
            and len(result.rows) > max_rows
        ):
            return SelectResult(result.variables, result.rows[:max_rows], truncated=True)
        return result

    def update(self, sparql: str) -> None:
        self._check_writable()
        with self._request(
            "POST", self.settings.update_url, sparql.encode("utf-8"), SPARQL_UPDATE, "*/*"
        ) as response:
            response.read()

    def load(self, data: IO[bytes], *, format: RdfFormat) -> None:
        self._check_writable()
        payload = data.read()
        if self.settings.store_url:
            try:
                self._graph_store_post(payload, format)
                return
            except _NoGraphStore:
                pass
        self._insert_in_chunks(payload, format)

    def dump(self, output: IO[bytes], *, format: RdfFormat) -> None:
        if format in (RdfFormat.NQUADS, RdfFormat.NTRIPLES) and self._stream_graph_store(
            output, dataset=format is RdfFormat.NQUADS
        ):
            return
        quads = self._all_quads(dataset=format.supports_datasets)
        from geokg.rdf import PREFIXES

        if format.supports_datasets:
            ox.serialize(quads, output, format.oxigraph, prefixes=dict(PREFIXES))
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
            ox.serialize(triples, output, format.oxigraph, prefixes=dict(PREFIXES))

    def rdflib_graph(self) -> rdflib.Graph:
        """A live rdflib view over SPARQL (every call is a request: fine for small reads).
        The endpoint is asked once first, so an unreachable one fails here in one line; a
        later network failure is a :class:`RemoteStoreError` too."""
        import rdflib

        self.query("ASK {}")
        store = _checked_sparql_store(self.settings)
        return rdflib.Graph(store=store, identifier=rdflib.graph.DATASET_DEFAULT_GRAPH_ID)

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""

    # --- bulk paths -----------------------------------------------------------------------

    def _graph_store_post(self, payload: bytes, format: RdfFormat) -> None:
        assert self.settings.store_url is not None
        # Quads name their graph themselves; triples go to the default graph.
        target = self.settings.store_url
        if not format.supports_datasets:
            target += "?default"
        try:
            with self._request(
                "POST", target, payload, format.media_type, "*/*", raw_status=True
            ) as response:
                response.read()
        except _HttpStatusError as error:
            if error.status in _NO_GRAPH_STORE:
                raise _NoGraphStore from None
            raise error.as_store_error() from None

    def _insert_in_chunks(self, payload: bytes, format: RdfFormat) -> None:
        """``INSERT DATA`` requests of :data:`INSERT_CHUNK` statements (one transaction
        each, so a failure midway leaves the earlier chunks loaded: said in the message)."""
        try:
            quads = list(ox.parse(payload, format.oxigraph))
        except SyntaxError as error:
            raise StoreError(f"invalid {format.value} data, nothing was loaded: {error}") from None
        for start in range(0, len(quads), INSERT_CHUNK):
            try:
                self.update(_insert_data(quads[start : start + INSERT_CHUNK]))
            except StoreError as error:
                raise RemoteStoreError(
                    f"bulk load stopped after {start} of {len(quads)} statements: {error}"
                ) from None

    def _stream_graph_store(self, output: IO[bytes], *, dataset: bool) -> bool:
        """Copy the server's N-Quads/N-Triples straight to ``output`` (no parsing: the
        fast path of a dump); ``False`` when there is no Graph Store endpoint."""
        if not self.settings.store_url:
            return False
        target = self.settings.store_url if dataset else self.settings.store_url + "?default"
        accept = N_QUADS if dataset else N_TRIPLES
        try:
            with self._request("GET", target, None, None, accept, raw_status=True) as response:
                if response.headers.get_content_type() != accept:
                    return False
                shutil.copyfileobj(response, output, 1 << 20)
                return True
        except _HttpStatusError as error:
            if error.status in _NO_GRAPH_STORE:
                return False
            raise error.as_store_error() from None

    def _all_quads(self, *, dataset: bool) -> list[ox.Quad]:
        if self.settings.store_url:
            target = self.settings.store_url if dataset else self.settings.store_url + "?default"
            accept = N_QUADS if dataset else N_TRIPLES
            try:
                with self._request("GET", target, None, None, accept, raw_status=True) as response:
                    data = response.read()
                    media_type = response.headers.get_content_type()
                fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.N_QUADS
                return list(ox.parse(data, fmt))
            except _HttpStatusError as error:
                if error.status not in _NO_GRAPH_STORE:
                    raise error.as_store_error() from None
        return self._quads_by_sparql(dataset=dataset)

    def _quads_by_sparql(self, *, dataset: bool) -> list[ox.Quad]:
        default = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        named = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        quads: list[ox.Quad] = []
        for sparql in (default, named) if dataset else (default,):
            result = self.query(sparql)
            for row in getattr(result, "rows", ()):
                graph = row[3] if len(row) > 3 else ox.DefaultGraph()
                quads.append(ox.Quad(row[0], row[1], row[2], graph))
        return quads

    # --- HTTP -----------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if not self.capabilities.writable:
            raise StoreError(f"the SPARQL endpoint {self.location} is open read-only")

    @contextmanager
    def _request(
        self,
        method: str,
        url: str,
        body: bytes | None,
        content_type: str | None,
        accept: str,
        *,
        raw_status: bool = False,
        timeout: float | None = None,
    ) -> Iterator[http.client.HTTPResponse]:
        """One HTTP exchange, retried with exponential backoff on connection errors and
        502/503/504; never on 4xx (asking again will not fix a bad request) and never on a
        timeout (the server may still be working on it).

        ``raw_status`` lets the caller decide what an error status means (the Graph Store
        paths fall back to SPARQL on 404/405/415)."""
        seconds = self.settings.timeout if timeout is None else timeout
        headers = {"Accept": accept, **self.settings.auth_headers()}
        if content_type:
            headers["Content-Type"] = content_type + "; charset=utf-8"
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        attempt = 0
        while True:
            try:
                response = urllib.request.urlopen(request, timeout=seconds)
                break
            except urllib.error.HTTPError as error:
                failure: Exception = _HttpStatusError.from_http_error(error, url)
                retry = error.code in _RETRIED_STATUSES
            except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
                failure = _network_error(error, url, seconds)
                retry = not _is_timeout(error)
            if not retry or attempt >= self.settings.retries:
                if isinstance(failure, _HttpStatusError) and not raw_status:
                    raise failure.as_store_error() from None
                raise failure from None
            time.sleep(self.settings.backoff * (2**attempt))
            attempt += 1
        with response:
            yield response


class _HttpStatusError(Exception):
    """An HTTP error status, kept internal until turned into a geokg error."""

    def __init__(self, status: int, body: str, url: str) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.url = url

    @classmethod
    def from_http_error(cls, error: urllib.error.HTTPError, url: str) -> _HttpStatusError:
        try:
            body = error.read(4096).decode("utf-8", "replace")
        except OSError:
            body = ""
        finally:
            error.close()
        return cls(error.code, body, url)

    @property
    def first_line(self) -> str:
        return next((line.strip() for line in self.body.splitlines() if line.strip()), "")

    def as_store_error(self) -> GeokgError:
        detail = f": {self.first_line}" if self.first_line else ""
        if self.status == 400:
            return QueryError(f"the SPARQL endpoint rejected the request as malformed{detail}")
        if self.status in (401, 403):
            verb = "refused the credentials" if self.status == 401 else "denied access"
            return RemoteStoreError(
                f"the SPARQL endpoint {self.url} {verb} (HTTP {self.status}); set "
                "GEOKG_STORE_USER and GEOKG_STORE_PASSWORD, or GEOKG_STORE_TOKEN"
            )
        if self.status == 404:
            return RemoteStoreError(f"no SPARQL endpoint at {self.url} (HTTP 404)")
        return RemoteStoreError(
            f"the SPARQL endpoint {self.url} failed: HTTP {self.status}{detail}"
        )


def _is_timeout(error: BaseException) -> bool:
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    return isinstance(reason, TimeoutError)


def _network_error(error: BaseException, url: str, timeout: float) -> RemoteStoreError:
    from geokg.fetch import describe_network_error

    if _is_timeout(error):
        return RemoteStoreError(
            f"the SPARQL endpoint {url} did not answer within {timeout:g} s (not retried)"
        )
    return RemoteStoreError(
        f"cannot reach SPARQL endpoint {url}: {describe_network_error(error, timeout)}"
    )


def _checked_sparql_store(settings: RemoteSettings) -> Any:
    """rdflib's SPARQL store whose network failures are one-line geokg errors."""
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    class CheckedStore(SPARQLUpdateStore):
        def _query(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return super()._query(*args, **kwargs)
            except (OSError, http.client.HTTPException, ValueError) as error:
                raise _rdflib_failure(error, settings) from None

        def _update(self, update: Any) -> None:
            try:
                super()._update(update)  # type: ignore[no-untyped-call]
            except (OSError, http.client.HTTPException, ValueError) as error:
                raise _rdflib_failure(error, settings) from None

    return CheckedStore(
        query_endpoint=settings.query_url,
        update_endpoint=settings.update_url,
        method="POST",
        headers=settings.auth_headers(),
        timeout=settings.timeout,
    )


def _rdflib_failure(error: BaseException, settings: RemoteSettings) -> GeokgError:
    if isinstance(error, urllib.error.HTTPError):
        status = _HttpStatusError(error.code, "", settings.query_url)
        return status.as_store_error()
    if isinstance(error, OSError | http.client.HTTPException):
        return _network_error(error, settings.query_url, settings.timeout)
    return RemoteStoreError(
        f"the SPARQL endpoint {settings.query_url} failed: {settings.mask(str(error))}"
    )


def _parse_result(data: bytes, media_type: str, location: str) -> QueryResult:
    try:
        results_format = ox.QueryResultsFormat.from_media_type(media_type)
        if results_format is not None:
            return result_from_oxigraph(ox.parse_query_results(data, results_format))
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        if rdf_format is not None:
            return GraphResult(
                tuple(
                    ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, rdf_format)
                )
            )
    except SyntaxError as error:
        raise RemoteStoreError(
            f"the SPARQL endpoint {location} sent unreadable results: {error}"
        ) from None
    raise RemoteStoreError(
        f"the SPARQL endpoint {location} answered with {media_type}, not SPARQL results"
    )


def _insert_data(quads: list[ox.Quad]) -> str:
    default = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    lines = [f"{q.subject} {q.predicate} {q.object} ." for q in default]
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            by_graph.setdefault(str(q.graph_name), []).append(
                f"{q.subject} {q.predicate} {q.object} ."
            )
    blocks = [f"GRAPH {g} {{\n" + "\n".join(body) + "\n}" for g, body in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(lines + blocks) + "\n}"
