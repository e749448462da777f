"""Store benchmarks: load, lookup, SPARQL, export and remote overhead at growing sizes.

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_store.py --quick          # 10k and 100k facts
    .venv/bin/python benchmarks/bench_store.py --sizes 1000000  # 1M facts (minutes, GBs)

Synthetic facts: 200 state actors, every relation of the ontology, five facts per document,
dates over three years. A *probe* actor has the same five facts at every size, so a lookup of
it returns the same answer whatever the size: an indexed lookup must stay flat.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from geokg.model import Actor, ActorType, Document, Evidence, Fact
from geokg.ontology import load_ontology
from geokg.rdf import derived_statement_triples, fact_triples, sparql_prologue, statement_iri
from geokg.store import KnowledgeGraph, RdfFormat, StatementFilter
from geokg.store.oxigraph import OxigraphBackend
from geokg.store.remote import RemoteBackend

PROBE = Actor("PRB", "Probeland", ActorType.STATE, "PRB")
OTHER = Actor("A000", "Actor 0", ActorType.STATE, "A000")

#: Above this, rdflib's in-memory graph would need more memory than the machine has (about
#: 1 KB per triple, 20 triples per fact).
RDFLIB_MAX_FACTS = 200_000

QUERIES = {
    "aggregate by relation": """
SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st a geokg:Statement ; geokg:predicate ?p }
GROUP BY ?p ORDER BY DESC(?n)""",
    "one dyad": """
SELECT ?st ?p WHERE {
  ?st geokg:subject actor:PRB ; geokg:object actor:A000 ; geokg:predicate ?p }""",
    "2-hop path": """
SELECT DISTINCT ?y WHERE { actor:PRB ?p1 ?x . ?x ?p2 ?y . FILTER(isIRI(?y)) }""",
}


def synthetic_facts(count: int, *, seed: int = 7) -> Iterator[Fact]:
    random.seed(seed)
    relations = sorted(load_ontology().relations.values(), key=lambda r: r.id)
    actors = [Actor(f"A{i:03d}", f"Actor {i}", ActorType.STATE, f"A{i:03d}") for i in range(200)]
    start = date(2022, 1, 1)
    for index in range(count - 5):
        document = Document(
            f"doc-{index // 5}", f"Story {index // 5}", None, start + timedelta(index // 5 % 1100)
        )
        subject, obj = random.sample(actors, 2)
        sentence = f"{subject.label} and {obj.label}, story {index}."
        yield Fact(
            document,
            subject,
            random.choice(relations),
            obj,
            negated=random.random() < 0.05,
            confidence=round(random.random(), 3),
            evidence=Evidence(sentence, 0, len(sentence)),
        )
    for k in range(5):  # the probe: same five facts at every size
        sentence = f"Probeland deals with Actor 0 ({k})."
        yield Fact(
            Document(f"probe-{k}", None, None, date(2023, 1, 1 + k)),
            PROBE,
            relations[k],
            OTHER,
            evidence=Evidence(sentence, 0, len(sentence)),
        )


def nquads_of(count: int) -> bytes:
    """The N-Quads a store of ``count`` facts holds (derived statement values included)."""
    lines: set[str] = set()
    by_statement: dict[rdflib.URIRef, list[Fact]] = {}
    for fact in synthetic_facts(count):
        lines.update(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in fact_triples(fact))  # type: ignore[attr-defined]
        by_statement.setdefault(statement_iri(fact), []).append(fact)
    for statement, mentions in by_statement.items():
        for s, p, o in derived_statement_triples(statement, mentions):
            lines.add(f"{s.n3()} {p.n3()} {o.n3()} .")  # type: ignore[attr-defined]
    return ("\n".join(sorted(lines)) + "\n").encode("utf-8")


def timed(function: Callable[[], Any], *, repeat: int = 1) -> tuple[float, Any]:
    """Median wall-clock seconds of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _count(result: Any) -> int:
    return len(list(result))


def start_server(location: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = Path(sys.executable).with_name("oxigraph")
    command = str(binary) if binary.exists() else shutil.which("oxigraph")
    if command is None:
        raise SystemExit("the oxigraph server binary is missing")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [command, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            request = urllib.request.Request(
                url, b"ASK {}", {"Content-Type": "application/sparql-query"}
            )
            urllib.request.urlopen(request, timeout=1).read()
            return process, url
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("oxigraph serve did not start")


class _LoggedRow(dict[str, float]):
    """Prints each measurement to stderr as it is taken, so a long run shows progress."""

    def __setitem__(self, key: str, value: float) -> None:
        print(f"  ... {key}: {value}", file=sys.stderr, flush=True)
        super().__setitem__(key, value)


def bench_size(count: int, *, remote: bool, repeat: int, disk: bool = False) -> dict[str, float]:
    row: dict[str, float] = _LoggedRow()
    print(f"\n## {count:,} facts", flush=True)
    seconds, data = timed(lambda: nquads_of(count))
    print(f"generated {len(data) / 1e6:.0f} MB of N-Quads in {seconds:.1f} s", flush=True)

    # On disk (as `geokg` uses it) bulk loads go through RocksDB's SST ingestion; the
    # in-memory store has no such path and is impractical at 1M facts (20M triples).
    backend = OxigraphBackend(Path(tempfile.mkdtemp(prefix="geokg-bench-disk-")) if disk else None)
    row["load native"], _ = timed(
        lambda: backend.store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    )
    triples = len(backend.store)
    row["triples"] = triples
    kg = KnowledgeGraph(backend=backend)

    def rdflib_into_oxigraph() -> None:
        graph = rdflib.Graph(store="Oxigraph")
        graph.parse(data=data, format="nt")

    memory_graph = rdflib.Graph()
    with_rdflib = count <= RDFLIB_MAX_FACTS
    if with_rdflib:
        row["load rdflib->oxigraph"], _ = timed(rdflib_into_oxigraph)
        row["load rdflib memory"], _ = timed(lambda: memory_graph.parse(data=data, format="nt"))

    probe = StatementFilter(actor=PROBE.iri)
    row["lookup probe"], found = timed(lambda: kg.statements(probe), repeat=repeat)
    assert len(found) == 5, found
    row["lookup busy actor"], _ = timed(
        lambda: kg.statements(StatementFilter(actor=OTHER.iri, limit=50)), repeat=repeat
    )

    prologue = sparql_prologue()
    for name, sparql in QUERIES.items():
        row[f"{name} oxigraph"], _ = timed(
            lambda s=sparql: _count(backend.store.query(prologue + s)), repeat=repeat
        )
        if with_rdflib:
            row[f"{name} rdflib"], _ = timed(
                lambda s=sparql: _count(memory_graph.query(prologue + s)),
                repeat=1 if count > 20_000 else repeat,
            )

    row["export nquads"], _ = timed(
        lambda: kg.export(io.BytesIO(), format=RdfFormat.NQUADS), repeat=1
    )
    if remote:
        _bench_remote(row, data, prologue, repeat)
    _print_row(row)
    return row


def _bench_remote(row: dict[str, float], data: bytes, prologue: str, repeat: int) -> None:
    location = Path(tempfile.mkdtemp(prefix="geokg-bench-"))
    process, url = start_server(location)
    try:
        remote = RemoteBackend(url, timeout=600)
        row["load remote (GSP)"], _ = timed(
            lambda: remote.load(io.BytesIO(data), format=RdfFormat.NQUADS)
        )
        kg = KnowledgeGraph(backend=remote)
        probe = StatementFilter(actor=PROBE.iri)
        row["lookup probe remote"], _ = timed(lambda: kg.statements(probe), repeat=repeat)
        for name, sparql in QUERIES.items():
            row[f"{name} remote"], _ = timed(
                lambda s=sparql: remote.query(prologue + s), repeat=repeat
            )
        row["export remote"], _ = timed(lambda: remote.dump(io.BytesIO(), format=RdfFormat.NQUADS))
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(location, ignore_errors=True)


def _print_row(row: dict[str, float]) -> None:
    for key, value in row.items():
        if key == "triples":
            print(f"  {key:32s} {int(value):>12,}")
        else:
            print(f"  {key:32s} {value * 1000:>12.1f} ms")
    for name in QUERIES:
        if f"{name} rdflib" in row:
            ratio = row[f"{name} rdflib"] / max(row[f"{name} oxigraph"], 1e-9)
            print(f"  {name}: rdflib / oxigraph = {ratio:.0f}x")
        if f"{name} remote" in row:
            overhead = row[f"{name} remote"] - row[f"{name} oxigraph"]
            print(f"  {name}: remote - embedded = {overhead * 1000:.1f} ms")


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {memory:.0f} GiB RAM, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}, "
        f"rdflib {rdflib.__version__}, {platform.platform()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated")
    parser.add_argument("--quick", action="store_true", help="10k and 100k facts only")
    parser.add_argument("--no-remote", action="store_true", help="skip oxigraph serve")
    parser.add_argument("--disk", action="store_true", help="embedded store on disk, not in memory")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timed query")
    args = parser.parse_args()
    sizes = [10_000, 100_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    print("# geokg store benchmark\n" + machine())
    for size in sizes:
        bench_size(size, remote=not args.no_remote, repeat=args.repeat, disk=args.disk)


if __name__ == "__main__":
    main()
