"""Storing facts in a knowledge graph: facts files, articles, and articles on a Dask cluster.

These are the three ways ``geokg ingest`` stores data, as functions a Python user can call.
Whichever is used, each document is one atomic write that replaces what the store held for
that document id, so ingesting a changed document leaves the store of its new version and
ingesting an unchanged one changes nothing.

>>> from geokg.resources import data_path
>>> from geokg.store import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> ingest_facts_file(kg, data_path("facts", "sample.jsonl"))
IngestSummary(documents=1, facts=11, new_statements=11, new_mentions=11)
>>> ingest_facts_file(kg, data_path("facts", "sample.jsonl")).new_statements
0
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from geokg.factsio import FactReader, read_facts_file
from geokg.store import IngestSummary, KnowledgeGraph

if TYPE_CHECKING:
    from geokg.extract import Extractor
    from geokg.model import Document, Fact

__all__ = [
    "IngestSummary",
    "extract_documents",
    "fact_reader",
    "ingest_articles",
    "ingest_facts_file",
    "ingest_with_dask",
    "make_extractor",
    "store_extracted",
]

PathLike = str | Path


def fact_reader(kg: KnowledgeGraph | None = None) -> FactReader:
    """A facts-format reader over the packaged gazetteer and ontology (the graph's)."""
    from geokg.actors import load_gazetteer
    from geokg.ontology import load_ontology

    ontology = kg.ontology if kg is not None else load_ontology()
    return FactReader(gazetteer=load_gazetteer(), ontology=ontology)


def ingest_facts_file(
    kg: KnowledgeGraph,
    source: PathLike,
    *,
    reader: FactReader | None = None,
    stdin: IO[bytes] | None = None,
) -> IngestSummary:
    """Store a facts file (JSON Lines; ``-`` reads ``stdin``, default standard input).

    The whole file is read and checked first: a bad line anywhere raises an
    :class:`~geokg.errors.InputError` naming the file and the line, and nothing is stored.
    """
    with read_facts_file(source, reader=reader or fact_reader(kg), stdin=stdin) as facts:
        return kg.ingest(facts)


def extract_documents(
    paths: Sequence[PathLike],
    *,
    published: date | None = None,
    model: str | None = None,
    jobs: int = 1,
    extractor: Extractor | None = None,
    stdin: TextIO | None = None,
    skip_errors: bool = False,
    progress: bool | None = None,
) -> Iterator[tuple[Document, list[Fact]]]:
    """The documents of ``paths`` (files, folders, web pages, URLs, ``-``) with their facts,
    one document at a time (:class:`geokg.progress.ExtractionRun`: every input is read
    before the spaCy model loads, so a bad one fails at once, or is skipped with
    ``skip_errors``; ``progress`` shows a bar on standard error)."""
    from geokg.progress import ExtractionRun

    run = ExtractionRun(
        [str(p) for p in paths],
        published=published,
        stdin=stdin,
        skip_errors=skip_errors,
        progress=progress,
    )
    yield from run.extract(lambda: extractor or make_extractor(model=model, jobs=jobs))


def make_extractor(*, model: str | None = None, jobs: int = 1) -> Extractor:
    """The spaCy extractor with ``model`` (default: the packaged one) in ``jobs`` processes."""
    from geokg.extract import Extractor

    options: dict[str, Any] = {"n_process": jobs}
    if model:
        options["model"] = model
    return Extractor(**options)


def store_extracted(
    kg: KnowledgeGraph | Callable[[], KnowledgeGraph],
    extracted: Iterable[tuple[Document, Sequence[Fact]]],
) -> IngestSummary:
    """Store documents with their facts, one atomic write each. ``kg`` may be a function
    that opens the graph: it is called when the first document arrives, so an input that
    fails before any document never creates or locks a store."""
    pairs = iter(extracted)
    first = next(pairs, None)
    if first is None:
        return IngestSummary()
    graph = kg if isinstance(kg, KnowledgeGraph) else kg()
    return graph.ingest_documents(itertools.chain([first], pairs))


def ingest_articles(
    kg: KnowledgeGraph,
    paths: Sequence[PathLike],
    *,
    published: date | None = None,
    model: str | None = None,
    jobs: int = 1,
    extractor: Extractor | None = None,
    stdin: TextIO | None = None,
    skip_errors: bool = False,
    progress: bool | None = None,
) -> IngestSummary:
    """Extract the facts of articles (see :func:`extract_documents`) and store them, one
    document at a time."""
    pairs = extract_documents(
        paths,
        published=published,
        model=model,
        jobs=jobs,
        extractor=extractor,
        stdin=stdin,
        skip_errors=skip_errors,
        progress=progress,
    )
    return store_extracted(kg, pairs)


def ingest_with_dask(
    kg: KnowledgeGraph,
    paths: Sequence[PathLike],
    *,
    scheduler: Any,
    model: str | None = None,
    partition_size: int = 200,
    shard_dir: PathLike | None = None,
) -> IngestSummary:
    """Extract articles on a Dask cluster and store the result (``geokg ingest --dask``).

    ``scheduler`` is a ``distributed.Client``, a scheduler address (``tcp://host:8786``) or
    one of Dask's local schedulers (``"processes"``, ``"threads"``). Workers write N-Quads
    shards (into ``shard_dir``, default a temporary directory removed afterwards) that are
    then stored shard by shard, each document replacing what the store held for it, as a
    sequential ingest does. Needs the ``geokg[distributed]`` extra.
    """
    from geokg.distributed import extract_to_shards, load_shards

    with tempfile.TemporaryDirectory(prefix="geokg-shards-") as temporary:
        shards = extract_to_shards(
            list(paths),
            shard_dir if shard_dir is not None else temporary,
            scheduler=scheduler,
            model=model,
            partition_size=partition_size,
        )
        return load_shards(kg, shards)
