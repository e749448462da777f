"""Bounded queries: time limit, row limit, Ctrl-C and SERVICE refusal, on a real on-disk
Oxigraph store, a real ``oxigraph serve`` and real ``geokg`` processes."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import cli
from geokg.errors import QueryError
from geokg.query_limits import QueryLimits, run_query, uses_service
from geokg.store import KnowledgeGraph, SelectResult

# Three copies of every triple of the store (the vocabulary alone has thousands): far more
# rows than any machine evaluates in minutes.
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ROWS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_store_template: Path) -> Path:
    """A store holding the sample facts, shared by this module's tests (which only read)."""
    path = tmp_path_factory.mktemp("query-limits") / "store"
    return Path(shutil.copytree(sample_store_template, path))


def _default_ctrl_c() -> None:
    """Give the child Ctrl-C's default handling, as at a terminal: a test run started in
    the background of a shell ignores SIGINT, the child inherits that, and Python then keeps
    ignoring it (the Ctrl-C test hung on a whole-suite run started with ``&``)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def geokg(store: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "geokg", "--store", str(store), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
        preexec_fn=_default_ctrl_c,
    )


# ----------------------------------------------------------------- SERVICE


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", True),
        (
            "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <http://x/> { ?s ?p ?o } } }",
            True,
        ),
        ("select * where { service <http://x/> { ?s ?p ?o } }", True),
        # rdflib cannot parse this one: the fallback scan decides.
        ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://x/> { ?s ?p ?o } } }", True),
        ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }", False),
        ("SELECT * WHERE { ?s ?p 'SERVICE <http://x/> { ?s ?p ?o }' }", False),
        ('SELECT * WHERE { ?s ?p """\nSERVICE <http://x/> {}\n""" }', False),
        ("SELECT * WHERE { ?s <http://x/SERVICE> ?o }", False),
        ("ASK { <<?s ?p ?o>> ?q ?r } # SERVICE", False),
    ],
)
def test_service_is_found_by_parsing(sparql: str, expected: bool) -> None:
    assert uses_service(sparql) is expected


def test_service_refused_unless_allowed(store: Path, oxigraph_server: str) -> None:
    remote = f"SELECT ?x WHERE {{ SERVICE <{oxigraph_server}> {{ BIND(42 AS ?x) }} }}"
    refused = CliRunner().invoke(cli, ["--store", str(store), "query", remote])
    assert refused.exit_code == 1
    assert refused.stderr.strip().endswith("pass --allow-service to allow it")
    allowed = CliRunner().invoke(
        cli, ["--store", str(store), "query", "--allow-service", "--format", "csv", remote]
    )
    assert allowed.exit_code == 0, allowed.stderr
    assert allowed.stdout.split() == ["x", "42"]


# ----------------------------------------------------------------- rows


def test_table_output_is_cut_with_a_line_and_json_is_not(store: Path) -> None:
    table = CliRunner().invoke(cli, ["--store", str(store), "query", ROWS])
    assert table.exit_code == 0
    assert len(table.stdout.splitlines()) == 2 + 1000  # header, rule, rows
    assert table.stderr == "geokg: output cut at 1000 rows; --limit N shows more\n"
    small = CliRunner().invoke(cli, ["--store", str(store), "query", "--limit", "3", ROWS])
    assert len(small.stdout.splitlines()) == 5 and "cut at 3 rows" in small.stderr
    whole = CliRunner().invoke(cli, ["--store", str(store), "query", "--format", "json", ROWS])
    rows = json.loads(whole.stdout)["results"]["bindings"]
    assert len(rows) > 1000 and whole.stderr == ""


def test_row_limit_stops_evaluation_early(store: Path) -> None:
    """A cross join with a row limit returns at once: the rows past it are never computed."""
    with KnowledgeGraph(store, read_only=True) as graph:
        started = time.monotonic()
        result = run_query(graph, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", QueryLimits(max_rows=5))
        # Generous: the whole join is tens of millions of rows (minutes and gigabytes).
        assert time.monotonic() - started < 30
    assert isinstance(result, SelectResult) and len(result.rows) == 5 and result.truncated


# ----------------------------------------------------------------- time


#: run_query with a time limit, in a process of its own: the abandoned query keeps its worker
#: thread (and a core) until the process exits, which must not be the test session.
TIMED_QUERY = """
import sys, time
from geokg.query_limits import QueryLimits, QueryTimeoutError, run_query
from geokg.store import KnowledgeGraph
with KnowledgeGraph(sys.argv[1], read_only=True) as graph:
    started = time.monotonic()
    try:
        run_query(graph, sys.argv[2], QueryLimits(timeout=0.5))
    except QueryTimeoutError as error:
        print(f"{time.monotonic() - started:.1f}", error)
"""


def test_timeout_abandons_an_embedded_query(store: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", TIMED_QUERY, str(store), CROSS_JOIN],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seconds, message = done.stdout.split(" ", 1)
    assert message.startswith("the query did not finish within 0.5 s and was stopped")
    # The time limit is the behaviour under test: a generous bound (the join never ends).
    assert float(seconds) < 30


@pytest.mark.slow
def test_cli_timeout_exits_with_one_line(store: Path) -> None:
    process = geokg(store, "query", CROSS_JOIN, GEOKG_QUERY_TIMEOUT="1")
    started = time.monotonic()
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 1
    assert stderr.splitlines() == [
        "geokg: error: the query did not finish within 1 s and was stopped; allow more with "
        "--timeout SECONDS or GEOKG_QUERY_TIMEOUT (0: no limit)"
    ]
    assert stdout == "" and time.monotonic() - started < 60  # generous: 1 s limit, endless join


def _wait_for_the_query_thread(process: subprocess.Popen[str]) -> None:
    """Until the process runs a second Python thread, the query's worker (a fixed sleep
    raced the imports on a busy machine: Ctrl-C before the query is another message)."""
    tasks = Path(f"/proc/{process.pid}/task")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError):
            python = (tasks.parent / "comm").read_text()  # the main thread's name
            names = [(task / "comm").read_text() for task in tasks.iterdir()]
            if names.count(python) >= 2:  # Oxigraph's own threads are named rocksdb:...
                return
        time.sleep(0.1)
    pytest.fail(f"the query did not start within 60 s (exit status {process.poll()})")


@pytest.mark.slow
def test_ctrl_c_stops_a_running_query(store: Path) -> None:
    process = geokg(store, "query", "--timeout", "0", CROSS_JOIN)
    _wait_for_the_query_thread(process)
    time.sleep(1)  # the cross join running in native code
    assert process.poll() is None
    interrupted = time.monotonic()
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert time.monotonic() - interrupted < 30  # generous: without the fix it never stops
    assert process.returncode == 130
    assert stderr.splitlines() == [
        "geokg: error: query interrupted (Ctrl-C); the store is unchanged"
    ]
    assert "Traceback" not in stderr and stdout == ""


def test_timeout_settings() -> None:
    assert QueryLimits.timeout_from_environment({}) == 60
    assert QueryLimits.timeout_from_environment({"GEOKG_QUERY_TIMEOUT": "2.5"}) == 2.5
    assert QueryLimits.timeout_from_environment({"GEOKG_QUERY_TIMEOUT": "0"}) is None
    with pytest.raises(QueryError, match="GEOKG_QUERY_TIMEOUT must be a number"):
        QueryLimits.timeout_from_environment({"GEOKG_QUERY_TIMEOUT": "soon"})
