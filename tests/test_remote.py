"""The remote backend's failures and HTTP details, against tiny real HTTP servers, and its
SPARQL-only fallbacks against a real ``oxigraph serve``."""

from __future__ import annotations

import contextlib
import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from geokg.cli import cli
from geokg.errors import QueryError, RemoteStoreError, StoreError
from geokg.store import AskResult, KnowledgeGraph, RdfFormat, SelectResult, remote
from geokg.store.remote import RemoteBackend, RemoteSettings

ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "text/plain"
    delay: float = 0.0


@dataclass
class FakeEndpoint:
    """What the test server answers (one reply per request, the last one repeated) and
    what it was sent."""

    replies: list[Reply]
    requests: list[dict[str, str]] = field(default_factory=list)

    def next_reply(self) -> Reply:
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


def _handler(endpoint: FakeEndpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            endpoint.requests.append({"path": self.path, "body": body, **dict(self.headers)})
            reply = endpoint.next_reply()
            time.sleep(reply.delay)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            # A client that timed out has gone: writing to it fails, as expected (and
            # would print on the stderr of a later test's CliRunner).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(reply.body)

        do_GET = do_POST

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler


@pytest.fixture
def serve() -> Iterator[Callable[..., tuple[str, FakeEndpoint]]]:
    servers: list[ThreadingHTTPServer] = []

    def start(*replies: Reply) -> tuple[str, FakeEndpoint]:
        endpoint = FakeEndpoint(list(replies))
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(endpoint))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/query", endpoint

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def short_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's default retries of a refused connection, 10 ms apart instead of 0.5 s, 1 s
    and 2 s (the tests below are about the message; the back-off has its own test above)."""
    monkeypatch.setattr(remote, "DEFAULT_BACKOFF", 0.01)


def test_unreachable_endpoint_fails_fast_with_one_line(refused_port: int) -> None:
    url = f"http://127.0.0.1:{refused_port}/query"
    backend = RemoteBackend(url, timeout=1, retries=2, backoff=0.01)
    started = time.monotonic()
    with pytest.raises(RemoteStoreError) as raised:
        backend.query("ASK {}")
    assert time.monotonic() - started < 15  # a generous bound: no hang, no long back-off
    assert str(raised.value) == f"cannot reach SPARQL endpoint {url}: connection refused"


def test_unauthorised_names_the_variables(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    url, endpoint = serve(Reply(401, b"Unauthorized"))
    with pytest.raises(RemoteStoreError, match=r"refused the credentials \(HTTP 401\)") as raised:
        RemoteBackend(url, backoff=0.01).query("ASK {}")
    assert "GEOKG_STORE_TOKEN" in str(raised.value)
    assert len(endpoint.requests) == 1, "4xx must not be retried"


def test_forbidden(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    url, _ = serve(Reply(403))
    with pytest.raises(RemoteStoreError, match="denied access"):
        RemoteBackend(url).update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_server_error_gives_status_and_first_line(
    serve: Callable[..., tuple[str, FakeEndpoint]],
) -> None:
    url, endpoint = serve(Reply(500, b"\nstorage exploded\nstack trace line\n"))
    with pytest.raises(RemoteStoreError) as raised:
        RemoteBackend(url, backoff=0.01).query("ASK {}")
    assert str(raised.value) == f"the SPARQL endpoint {url} failed: HTTP 500: storage exploded"
    assert len(endpoint.requests) == 1


def test_bad_gateway_is_retried_then_succeeds(
    serve: Callable[..., tuple[str, FakeEndpoint]],
) -> None:
    url, endpoint = serve(
        Reply(503), Reply(502), Reply(200, ASK_TRUE, "application/sparql-results+json")
    )
    assert RemoteBackend(url, retries=3, backoff=0.01).query("ASK {}") == AskResult(True)
    assert len(endpoint.requests) == 3


def test_retries_give_up(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    url, endpoint = serve(Reply(504, b"gateway timeout"))
    with pytest.raises(RemoteStoreError, match="HTTP 504: gateway timeout"):
        RemoteBackend(url, retries=2, backoff=0.01).query("ASK {}")
    assert len(endpoint.requests) == 3


def test_timeout(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    url, _ = serve(Reply(200, ASK_TRUE, "application/sparql-results+json", delay=30))
    started = time.monotonic()
    with pytest.raises(RemoteStoreError, match=r"did not answer within 0.3 s"):
        RemoteBackend(url, timeout=0.3, retries=0).query("ASK {}")
    assert time.monotonic() - started < 15  # generous, and far from the answer's 30 s


def test_malformed_query_is_a_query_error(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    url, _ = serve(Reply(400, b"error at 1:10: expected CONSTRUCT"))
    with pytest.raises(QueryError, match="malformed: error at 1:10: expected CONSTRUCT"):
        RemoteBackend(url).query("SELEC *")


def test_bearer_token_from_environment(
    serve: Callable[..., tuple[str, FakeEndpoint]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEOKG_STORE_TOKEN", "s3cret")
    url, endpoint = serve(Reply(200, ASK_TRUE, "application/sparql-results+json"))
    RemoteBackend(url).query("ASK {}")
    sent = endpoint.requests[0]
    assert sent["Authorization"] == "Bearer s3cret"
    assert sent["Content-Type"].startswith("application/sparql-query")
    assert "application/sparql-results+json" in sent["Accept"]
    assert sent["body"] == "ASK {}"


def test_basic_credentials_from_environment(
    serve: Callable[..., tuple[str, FakeEndpoint]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GEOKG_STORE_TOKEN", raising=False)
    monkeypatch.setenv("GEOKG_STORE_USER", "ana")
    monkeypatch.setenv("GEOKG_STORE_PASSWORD", "pw")
    url, endpoint = serve(Reply(204))
    RemoteBackend(url).update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    sent = endpoint.requests[0]
    assert sent["Authorization"] == "Basic YW5hOnB3"
    assert sent["path"] == "/update"
    assert sent["Content-Type"].startswith("application/sparql-update")


def test_endpoints_and_timeout_from_environment() -> None:
    settings = RemoteSettings.from_environment(
        "http://h/ds/sparql",
        environ={"GEOKG_UPDATE_URL": "http://h/ds/up", "GEOKG_STORE_TIMEOUT": "2.5"},
    )
    assert (settings.update_url, settings.store_url, settings.timeout) == (
        "http://h/ds/up",
        "http://h/ds/store",
        2.5,
    )
    with pytest.raises(StoreError, match="GEOKG_STORE_TIMEOUT must be a number"):
        RemoteSettings.from_environment("http://h/q", environ={"GEOKG_STORE_TIMEOUT": "soon"})


def test_read_only_refuses_writes(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    url, endpoint = serve(Reply(204))
    backend = RemoteBackend(url, read_only=True)
    assert not backend.capabilities.writable
    with pytest.raises(StoreError, match="read-only"):
        backend.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert endpoint.requests == []


def test_select_terms_are_parsed(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    payload = {
        "head": {"vars": ["s", "n"]},
        "results": {
            "bindings": [
                {
                    "s": {"type": "uri", "value": "urn:x"},
                    "n": {
                        "type": "literal",
                        "value": "3",
                        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                    },
                },
                {"s": {"type": "uri", "value": "urn:y"}},
            ]
        },
    }
    url, _ = serve(Reply(200, json.dumps(payload).encode(), "application/sparql-results+json"))
    result = RemoteBackend(url).query("SELECT ?s ?n WHERE { ?s ?p ?n }")
    assert isinstance(result, SelectResult)
    assert result.values() == [{"s": "urn:x", "n": "3"}, {"s": "urn:y", "n": None}]


@pytest.mark.slow
def test_sparql_only_load_and_dump(remote_store_url: str) -> None:
    """Without a Graph Store endpoint, loads become INSERT DATA and dumps SELECTs."""
    data = (
        b'<urn:a> <urn:p> "caf\xc3\xa9"@fr .\n'
        b"<urn:a> <urn:q> _:b1 .\n"
        b'_:b1 <urn:r> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
        b"<urn:a> <urn:p> <urn:b> <urn:g> .\n"
    )
    with KnowledgeGraph(remote_store_url, store_url="") as kg:
        kg.load(data, format=RdfFormat.NQUADS)
        dumped = io.BytesIO()
        kg.export(dumped, format=RdfFormat.NQUADS)
    expected = _canonical(data)
    got = _canonical(dumped.getvalue())
    assert got == expected
    assert len(got) == 4


def _canonical(nquads: bytes) -> ox.Dataset:
    dataset = ox.Dataset(ox.parse(nquads, ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return dataset


# ----------------------------------------------------------------- URL hygiene and timeouts


def test_timed_out_query_is_never_retried(serve: Callable[..., tuple[str, FakeEndpoint]]) -> None:
    """Issue 11: a 5 s timeout failed after 24 s, retried while the server kept computing."""
    url, endpoint = serve(Reply(200, ASK_TRUE, "application/sparql-results+json", delay=30))
    started = time.monotonic()
    with pytest.raises(RemoteStoreError, match=r"within 0\.3 s \(not retried\)"):
        RemoteBackend(url, timeout=0.3, retries=3, backoff=0.01).query("ASK {}")
    assert time.monotonic() - started < 15  # generous, and far from the answer's 30 s
    assert len(endpoint.requests) == 1


def test_credentials_in_the_url_are_used_and_never_shown(
    serve: Callable[..., tuple[str, FakeEndpoint]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GEOKG_STORE_TOKEN", raising=False)
    url, endpoint = serve(Reply(200, ASK_TRUE, "application/sparql-results+json"))
    with_secret = url.replace("http://", "http://ana:pa%2Fss@")
    backend = RemoteBackend(with_secret)
    assert backend.query("ASK {}") == AskResult(True)
    assert endpoint.requests[0]["Authorization"] == "Basic YW5hOnBhL3Nz"  # ana:pa/ss
    assert backend.location == url and "pa" not in backend.settings.update_url


@pytest.mark.usefixtures("short_backoff")
def test_credentials_in_an_unreachable_url_are_never_shown(refused_port: int) -> None:
    closed = f"http://ana:pa%2Fss@127.0.0.1:{refused_port}/query"
    result = CliRunner().invoke(cli, ["--store", closed, "stats"])
    assert result.exit_code == 1
    assert result.stderr.startswith("geokg: error: cannot reach SPARQL endpoint http://127.0.0.1:")
    assert "pa%2Fss" not in result.stderr and "pa/ss" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("url", ["http://[::1", "http://[::1]:99999/query", "http:///query"])
def test_malformed_store_url_is_one_line(url: str) -> None:
    result = CliRunner().invoke(cli, ["--store", url, "stats"])
    assert result.exit_code == 1
    assert result.stderr.startswith("geokg: error: invalid store URL"), result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.usefixtures("short_backoff")
def test_validate_against_an_unreachable_endpoint_is_one_line(refused_port: int) -> None:
    url = f"http://127.0.0.1:{refused_port}/query"
    result = CliRunner().invoke(cli, ["--store", url, "validate"])
    assert result.exit_code == 1
    assert (
        result.stderr == f"geokg: error: cannot reach SPARQL endpoint {url}: connection refused\n"
    )


@pytest.mark.slow
def test_validate_and_query_against_a_real_server(remote_store_url: str) -> None:
    sample = Path(str(files("geokg") / "data" / "facts" / "sample.jsonl"))
    runner = CliRunner()
    assert (
        runner.invoke(
            cli, ["--store", remote_store_url, "ingest", "--facts", str(sample)]
        ).exit_code
        == 0
    )
    validated = runner.invoke(cli, ["--store", remote_store_url, "validate"])
    assert validated.exit_code == 0, validated.stderr
    rows = runner.invoke(
        cli, ["--store", remote_store_url, "query", "--limit", "2", "SELECT * { ?s ?p ?o }"]
    )
    assert rows.exit_code == 0 and len(rows.stdout.splitlines()) == 4
    assert "cut at 2 rows" in rows.stderr
