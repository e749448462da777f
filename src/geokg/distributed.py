"""Extraction scaled out with Dask (the optional extra ``geokg[distributed]``).

Documents are cut into partitions; each Dask task extracts one partition and writes its
facts as one N-Quads *shard* file (no derived values: two shards may hold mentions of the
same statement); :func:`load_shards` stores the shards in a
:class:`~geokg.store.KnowledgeGraph` one atomic update per shard, each document replacing
what the store held for it and the statements' derived values (source count, confidence,
first/last dates) recomputed, as a sequential ingest does.

Usage::

    from dask.distributed import Client, LocalCluster
    from geokg.distributed import extract_to_shards, load_shards
    from geokg.store import KnowledgeGraph

    with LocalCluster(n_workers=4) as cluster, Client(cluster) as client:
        shards = extract_to_shards(["news/"], "shards/", scheduler=client)
    with KnowledgeGraph("geokg-store") as kg:
        load_shards(kg, shards)

``scheduler`` is a ``distributed.Client``, a scheduler address (``tcp://host:8786``), or one
of Dask's local schedulers (``"threads"``, ``"processes"``, ``"synchronous"``).
"""

from __future__ import annotations

import functools
import importlib
import itertools
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geokg.errors import GeokgError, InputError, StoreError
from geokg.model import Document, Fact
from geokg.rdf import document_triples, fact_triples

if TYPE_CHECKING:
    from geokg.extract import Extractor
    from geokg.store import IngestSummary, KnowledgeGraph

__all__ = ["ExtractFunction", "extract_to_shards", "load_shards", "write_shard"]

#: What extracts a partition: documents in, ``(document, facts)`` pairs out. It must be
#: picklable (a module-level function) to travel to Dask workers.
ExtractFunction = Callable[[Sequence[Document]], Iterable[tuple[Document, Sequence[Fact]]]]

SHARD_SUFFIX = ".nq"
#: Partitions submitted ahead per worker thread: enough to keep workers busy, few enough
#: to keep documents streaming instead of all sitting in the scheduler's memory.
_IN_FLIGHT_PER_THREAD = 2


def extract_to_shards(
    paths_or_documents: Iterable[str | os.PathLike[str]] | Iterable[Document],
    out_dir: str | os.PathLike[str],
    *,
    scheduler: Any,
    model: str | None = None,
    partition_size: int = 200,
    extract: ExtractFunction | None = None,
) -> list[Path]:
    """Extract facts from documents on a Dask cluster, one N-Quads shard per partition.

    ``paths_or_documents`` are files/directories (read with
    :func:`geokg.extract.documents.read_documents`) or :class:`Document` objects.
    Each worker loads the extractor (``geokg.extract.Extractor(model=model)``) once;
    ``extract`` replaces it with any picklable function. Shards are written atomically, named
    by partition number, and returned in partition order.
    """
    if partition_size < 1:
        raise InputError(f"partition_size must be at least 1, got {partition_size}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the shard directory {out}: {error.strerror}") from None
    partitions = _partitions(_documents(paths_or_documents), partition_size)
    tasks = (
        (documents, out / f"shard-{index:06d}{SHARD_SUFFIX}", model, extract)
        for index, documents in enumerate(partitions)
    )
    client, owned = _client_for(scheduler)
    try:
        if client is not None:
            return _run_on_client(client, tasks)
        return _run_local(str(scheduler), tasks)
    finally:
        if owned and client is not None:
            client.close()


def load_shards(kg: KnowledgeGraph, shards: Iterable[str | os.PathLike[str]]) -> IngestSummary:
    """Store shards one at a time, each in one atomic update
    (:meth:`~geokg.store.KnowledgeGraph.ingest_rdf`): each document replaces what the store
    held for it and derived values are recomputed, as a sequential ingest does, so loading
    the shards of changed documents leaves the store of their new versions. Like an ingest,
    it loads the vocabulary (ontology and gazetteer) into the store first unless the graph
    was opened with ``vocabulary=False``. Returns what was stored, summed over the shards."""
    from geokg.store import IngestSummary

    summary = IngestSummary()
    for shard in shards:
        try:
            with open(shard, "rb") as data:
                summary += kg.ingest_rdf(data)
        except OSError as error:
            raise InputError(f"cannot read the shard {shard}: {error.strerror}") from None
    return summary


def write_shard(
    path: str | os.PathLike[str], extracted: Iterable[tuple[Document, Sequence[Fact]]]
) -> Path:
    """Write documents and their facts as N-Quads (default graph), atomically: a temporary
    file in the same directory renamed into place, so a shard is whole or absent."""
    from rdflib import Graph

    graph = Graph()
    for document, facts in extracted:
        for triple in document_triples(document.without_text()):
            graph.add(triple)
        for fact in facts:
            for triple in fact_triples(fact):
                graph.add(triple)
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as output:
            graph.serialize(output, format="nt", encoding="utf-8")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


# --- the task run on workers --------------------------------------------------------------


def _extract_partition(
    documents: list[Document], shard: Path, model: str | None, extract: ExtractFunction | None
) -> Path:
    function = extract if extract is not None else _worker_extractor(model).extract
    return write_shard(shard, function(documents))


@functools.cache
def _worker_extractor(model: str | None) -> Extractor:
    """One extractor per worker process (loading spaCy costs seconds; it is then reused by
    every partition that worker runs)."""
    from geokg.extract import Extractor

    return Extractor(model=model)


# --- scheduling ---------------------------------------------------------------------------

_Task = tuple[list[Document], Path, str | None, ExtractFunction | None]


def _documents(
    paths_or_documents: Iterable[str | os.PathLike[str]] | Iterable[Document],
) -> Iterator[Document]:
    items = iter(paths_or_documents)
    first = next(items, None)
    if first is None:
        return
    rest = itertools.chain([first], items)
    if isinstance(first, Document):
        yield from rest
        return
    from geokg.extract.documents import read_documents

    yield from read_documents([Path(p) for p in rest])  # type: ignore[arg-type]


def _partitions(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(itertools.islice(documents, size)):
        yield batch


def _client_for(scheduler: Any) -> tuple[Any, bool]:
    """A ``distributed.Client`` for ``scheduler`` (and whether we opened it), or ``None``
    for Dask's local schedulers."""
    if scheduler in ("threads", "processes", "synchronous", "sync", "single-threaded"):
        return None, False
    client_class = _optional("distributed").Client
    if isinstance(scheduler, client_class):
        return scheduler, False
    if isinstance(scheduler, str) and "://" in scheduler:
        try:
            return client_class(scheduler, timeout="10s"), True
        except OSError as error:
            raise GeokgError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
    raise InputError(
        f"unknown Dask scheduler {scheduler!r}: give a distributed.Client, a scheduler "
        "address (tcp://host:8786), 'threads', 'processes' or 'synchronous'"
    )


def _optional(module: str) -> Any:
    """A module of the ``distributed`` extra (untyped, hence ``Any``)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise _missing_extra() from None


def _missing_extra() -> GeokgError:
    return GeokgError("distributed extraction needs Dask: pip install 'geokg[distributed]'")


def _run_on_client(client: Any, tasks: Iterator[_Task]) -> list[Path]:
    """Submit partitions as they are read, keeping a bounded number in flight."""
    as_completed = _optional("distributed").as_completed

    threads = max(1, sum(client.nthreads().values()))
    limit = threads * _IN_FLIGHT_PER_THREAD
    submitted = [
        client.submit(_extract_partition, *task, pure=False)
        for task in itertools.islice(tasks, limit)
    ]
    results: list[Path] = []
    queue = as_completed(submitted)
    for future in queue:
        results.append(future.result())
        for task in itertools.islice(tasks, 1):
            queue.add(client.submit(_extract_partition, *task, pure=False))
    return sorted(results)


def _run_local(scheduler: str, tasks: Iterator[_Task]) -> list[Path]:
    """Dask's local schedulers, in waves of partitions (to keep memory bounded)."""
    dask = _optional("dask")
    wave = max(1, (os.cpu_count() or 1) * _IN_FLIGHT_PER_THREAD)
    results: list[Path] = []
    while batch := list(itertools.islice(tasks, wave)):
        delayed = [dask.delayed(_extract_partition, pure=False)(*task) for task in batch]
        results += dask.compute(*delayed, scheduler=scheduler)
    return sorted(results)
