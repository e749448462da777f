"""A store whose writer was SIGKILLed is recovered once, not on every read-only command.

Oxigraph replays the write-ahead log a dead writer left at every read-only open, without
saving the result; geokg's first read-only open after such a crash opens the store for
writing once instead (see ``geokg.store.oxigraph``). Times are compared with each other in
the same run, never with absolute bounds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geokg.store import KnowledgeGraph
from geokg.store.oxigraph import WRITER_MARK

GEOKG = [sys.executable, "-m", "geokg"]

# Imports the file and then waits with the store open: the parent kills it there, after a
# large write and before any close, as a SIGKILL during a long import would.
IMPORTER = """
import sys, time
from geokg.store import KnowledgeGraph, RdfFormat
kg = KnowledgeGraph(sys.argv[1], vocabulary=False)
with open(sys.argv[2], "rb") as data:
    kg.load(data, format=RdfFormat.NQUADS)
print("loaded", flush=True)
time.sleep(600)
"""


def write_nquads(path: Path, statements: int) -> int:
    with path.open("w", encoding="utf-8") as out:
        for i in range(statements):
            node = f"<https://w3id.org/geokg/statement/t{i}>"
            out.write(
                f"{node} <https://w3id.org/geokg/ontology#confidence> "
                f'"0.{i % 1000}"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
                f'{node} <http://www.w3.org/2000/01/rdf-schema#label> "statement {i}" .\n'
            )
    return 2 * statements


def timed(*args: str) -> tuple[float, str]:
    start = time.monotonic()
    done = subprocess.run([*GEOKG, *args], capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    return elapsed, done.stdout


@pytest.mark.slow
def test_read_only_commands_pay_recovery_once_after_a_killed_import(tmp_path: Path) -> None:
    store, data = tmp_path / "store", tmp_path / "big.nq"
    triples = write_nquads(data, 200_000)
    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(store), str(data)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert importer.stdout is not None
        assert importer.stdout.readline().strip() == "loaded"
        os.kill(importer.pid, signal.SIGKILL)
    finally:
        importer.kill()
        importer.wait(timeout=30)
    assert (store / WRITER_MARK).exists()  # the writer died with the store open

    first, answer = timed("--store", str(store), "query", "SELECT (COUNT(*) AS ?n) {?s ?p ?o}")
    assert not (store / WRITER_MARK).exists()  # recovered and marked clean
    second, again = timed("--store", str(store), "query", "SELECT (COUNT(*) AS ?n) {?s ?p ?o}")
    assert str(triples) in answer and answer == again  # nothing lost, nothing changed
    # Before the fix both paid the replay (about 5 s each at this size, and a minute for
    # 3 million triples); now only the first one does. A ratio in one test, with room for
    # a busy machine (both also pay the start-up, which load stretches): equal times fail.
    assert second < first * 0.75, f"first {first:.2f}s, second {second:.2f}s"


def test_a_clean_close_leaves_no_mark_and_a_live_writer_keeps_its_own(tmp_path: Path) -> None:
    store = tmp_path / "store"
    writer = KnowledgeGraph(store, vocabulary=False)
    writer.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert (store / WRITER_MARK).exists()
    # A reader while the writer is alive neither blocks nor clears the writer's mark.
    with KnowledgeGraph(store, read_only=True) as reader:
        assert reader.ask("ASK { <urn:a> <urn:b> <urn:c> }")
    assert (store / WRITER_MARK).exists()
    writer.close()
    assert not (store / WRITER_MARK).exists()
    with KnowledgeGraph(store, read_only=True) as reader:
        assert reader.ask("ASK { <urn:a> <urn:b> <urn:c> }")
    assert not (store / WRITER_MARK).exists()
