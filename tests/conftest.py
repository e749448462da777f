"""Fixtures shared by several test files: a real Oxigraph server (``oxigraph serve``) for
the remote backend, and real on-disk stores built once per session and copied per test
(writing the vocabulary into a new store takes about a second; copying one takes
milliseconds). Keep this file small."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import cli
from geokg.store import KnowledgeGraph

SAMPLE = Path(str(files("geokg") / "data" / "facts" / "sample.jsonl"))


def _oxigraph_binary() -> str:
    beside_python = Path(sys.executable).with_name("oxigraph")
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("oxigraph")
    if found is None:
        pytest.fail("the oxigraph server binary is missing: pip install 'oxigraph>=0.5,<0.6'")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def refused_port() -> Iterator[int]:
    """A loopback port that refuses connections at once: bound for the whole test but never
    listening, so no other process (a parallel test worker, say) can take it meanwhile."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        yield int(holder.getsockname()[1])


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(
        url,
        data=b"ASK {}",
        headers={"Content-Type": "application/sparql-query"},
        method="POST",
    )
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"oxigraph serve exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                response.read()
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer at {url} within {seconds} s")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of a real ``oxigraph serve`` on a free loopback port (one per session;
    use :func:`remote_store_url` for an emptied store)."""
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    log = (location.parent / "oxigraph-server.log").open("wb")
    process = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/query"
        _wait_until_answering(url, process, seconds=30)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def remote_store_url(oxigraph_server: str) -> str:
    """The shared server's query URL, with its store emptied for this test."""
    update_url = oxigraph_server.removesuffix("/query") + "/update"
    request = urllib.request.Request(
        update_url,
        data=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
    return oxigraph_server


# --- on-disk stores, built once and copied ------------------------------------------------


@pytest.fixture(scope="session")
def vocabulary_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed on-disk store holding the ontology and the gazetteer and no document, as
    the first ingest leaves it. Never write to it: copy it with :func:`vocabulary_store`."""
    path = tmp_path_factory.mktemp("vocabulary-template") / "store"
    with KnowledgeGraph(path) as graph:
        graph.ensure_vocabulary()
    return path


@pytest.fixture(scope="session")
def sample_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed on-disk store after ``geokg ingest --facts sample.jsonl``. Never write to it
    (read it read-only at most): copy it with :func:`sample_store_copy`."""
    path = tmp_path_factory.mktemp("sample-template") / "store"
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", "--facts", str(SAMPLE)])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert result.stdout == "1 documents, 11 facts, 11 new statements, 11 new mentions\n"
    return path


@pytest.fixture
def vocabulary_store(vocabulary_store_template: Path, tmp_path: Path) -> Path:
    """This test's own store with the vocabulary loaded and no document yet."""
    return Path(shutil.copytree(vocabulary_store_template, tmp_path / "store"))


@pytest.fixture
def sample_store_copy(sample_store_template: Path, tmp_path: Path) -> Path:
    """This test's own store holding the bundled sample facts (free to change)."""
    return Path(shutil.copytree(sample_store_template, tmp_path / "store"))
