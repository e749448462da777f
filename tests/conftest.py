"""Fixtures shared by several test files: a real Oxigraph server (``oxigraph serve``) for
the remote backend. Keep this file small."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


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
