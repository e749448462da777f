"""Distributed extraction: shards written by Dask workers and loaded into a store give the
same graph as a sequential ingest of the same documents."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import cloudpickle
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from geokg.distributed import extract_to_shards, load_shards, write_shard
from geokg.errors import InputError
from geokg.model import Actor, ActorType, Document, Evidence, Fact, QuadClass, Relation
from geokg.rdf import actor_triples
from geokg.store import IngestSummary, KnowledgeGraph, RdfFormat, SelectResult

# This module is not importable on Dask workers (tests/ is not a package): send its
# functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

SUPPLIES = Relation(
    "suppliesMilitaryAidTo", "supplies military aid to", "072", "AID",
    QuadClass.MATERIAL_COOPERATION, 8.3,
)  # fmt: skip
MEETS = Relation(
    "meetsWith", "meets with", "043", "CONSULT", QuadClass.VERBAL_COOPERATION, 2.8, symmetric=True
)
ACTORS = {
    code: Actor(code, label, ActorType.STATE, code)
    for code, label in [("IRN", "Iran"), ("RUS", "Russia"), ("CHN", "China"), ("USA", "USA")]
}
_RULE = re.compile(r"(?P<s>[A-Z]{3}) (?P<verb>supplies|meets|denies supplying) (?P<o>[A-Z]{3})\.")


def rule_extract(documents: Sequence[Document]) -> Iterator[tuple[Document, list[Fact]]]:
    """A tiny fixed-rule extractor, picklable, standing in for the spaCy one."""
    for document in documents:
        facts = [
            Fact(
                document.without_text(),
                ACTORS[m["s"]],
                MEETS if m["verb"] == "meets" else SUPPLIES,
                ACTORS[m["o"]],
                negated=m["verb"].startswith("denies"),
                confidence=0.5 + 0.01 * (m.start() % 40),
                evidence=Evidence(m.group(0), m.start(), m.end()),
            )
            for m in _RULE.finditer(document.text)
        ]
        yield document, facts


SENTENCES = [
    "IRN supplies RUS.",
    "CHN meets RUS.",
    "RUS meets CHN.",
    "USA supplies IRN.",
    "IRN denies supplying RUS.",
    "Nothing happened.",
]


def corpus(count: int = 23) -> list[Document]:
    documents = []
    for index in range(count):
        text = " ".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(index % 4 + 1))
        published = date(2024, 1 + index % 12, 1 + index % 27) if index % 5 else None
        documents.append(Document(f"doc-{index:03d}", f"Title {index}", None, published, text))
    return documents


def _sequential(documents: list[Document]) -> KnowledgeGraph:
    kg = KnowledgeGraph(vocabulary=False)
    for document, facts in rule_extract(documents):
        kg.ingest_document(document, facts)
    return kg


def _export(kg: KnowledgeGraph) -> Graph:
    buffer = io.BytesIO()
    kg.export(buffer, format=RdfFormat.NQUADS)
    return Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")


def _assert_same_as_sequential(shards: list[Path], documents: list[Document]) -> None:
    with _sequential(documents) as expected, KnowledgeGraph(vocabulary=False) as loaded:
        summary = load_shards(loaded, shards)
        assert summary == IngestSummary(
            documents=len(documents),
            facts=expected.stats()["mentions"],
            new_statements=expected.stats()["statements"],
            new_mentions=expected.stats()["mentions"],
        )
        assert isomorphic(_export(loaded), _export(expected))
        assert loaded.statements() == expected.statements()
        assert loaded.stats() == expected.stats()


def _with_every_actor(graph: Graph) -> Graph:
    """Actor descriptions stay when documents change (they are vocabulary): compare graphs
    holding all of them."""
    for actor in ACTORS.values():
        for triple in actor_triples(actor):
            graph.add(triple)
    return graph


def changed(documents: list[Document]) -> list[Document]:
    """The same documents (same ids) saying other things; every third says nothing."""
    return [
        replace(
            document,
            text="Nothing happened."
            if index % 3 == 0
            else " ".join(SENTENCES[(index + k + 3) % len(SENTENCES)] for k in range(2)),
            published=date(2025, 1, 1 + index) if index % 4 else None,
        )
        for index, document in enumerate(documents)
    ]


@pytest.mark.parametrize("first_ingest", ["shards", "sequential"])
def test_shards_of_changed_documents_replace_them(tmp_path: Path, first_ingest: str) -> None:
    """A Dask re-ingest of changed documents leaves what ingesting the new versions alone
    gives: the old facts are gone, as after a sequential re-ingest."""
    version_1, version_2 = corpus(14), changed(corpus(14))
    with KnowledgeGraph(vocabulary=False) as kg, _sequential(version_2) as expected:
        if first_ingest == "shards":
            load_shards(kg, _shards(version_1, tmp_path / "v1"))
        else:
            kg.ingest_documents(rule_extract(version_1))
        old = _mentions(kg)
        summary = load_shards(kg, _shards(version_2, tmp_path / "v2"))
        assert summary.documents == 14
        assert kg.statements() == expected.statements()
        assert kg.stats() == expected.stats()
        assert isomorphic(_with_every_actor(_export(kg)), _with_every_actor(_export(expected)))
        assert _mentions(kg) == _mentions(expected) != old


def _mentions(kg: KnowledgeGraph) -> set[str]:
    result = kg.query("SELECT ?m WHERE { ?m a geokg:Mention }")
    assert isinstance(result, SelectResult)
    return {row["m"] or "" for row in result.values()}


def _shards(documents: list[Document], directory: Path) -> list[Path]:
    return extract_to_shards(
        documents, directory, scheduler="synchronous", partition_size=4, extract=rule_extract
    )


def test_write_shard_is_atomic_and_loadable(tmp_path: Path) -> None:
    documents = corpus(3)
    shard = write_shard(tmp_path / "one.nq", rule_extract(documents))
    assert [p.name for p in tmp_path.iterdir()] == ["one.nq"]
    _assert_same_as_sequential([shard], documents)


def test_derived_values_are_recomputed_across_shards(tmp_path: Path) -> None:
    documents = corpus(12)
    shards = extract_to_shards(
        documents, tmp_path, scheduler="synchronous", partition_size=2, extract=rule_extract
    )
    assert [p.name for p in shards] == [f"shard-{i:06d}.nq" for i in range(6)]
    _assert_same_as_sequential(shards, documents)
    with KnowledgeGraph(vocabulary=False) as kg:
        load_shards(kg, shards)
        counts = [s.sources for s in kg.statements()]
        assert max(counts) > 2, "a statement cited in several shards"


def test_documents_from_files(tmp_path: Path) -> None:
    documents = corpus(7)
    lines = [
        json.dumps(
            {"id": d.id, "text": d.text, "title": d.title}
            | ({"published": d.published.isoformat()} if d.published else {})
        )
        for d in documents
    ]
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shards = extract_to_shards(
        [source], tmp_path / "shards", scheduler="threads", partition_size=3, extract=rule_extract
    )
    assert len(shards) == 3
    _assert_same_as_sequential(shards, documents)


def test_bad_options(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="partition_size"):
        extract_to_shards([], tmp_path, scheduler="threads", partition_size=0)
    with pytest.raises(InputError, match="unknown Dask scheduler"):
        extract_to_shards(corpus(1), tmp_path, scheduler="gpu", extract=rule_extract)


@pytest.mark.slow
def test_local_cluster_matches_sequential_ingest(tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    documents = corpus(40)
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        shards = extract_to_shards(
            documents, tmp_path, scheduler=client, partition_size=5, extract=rule_extract
        )
        workers = set(client.run(lambda: 1))
    assert len(workers) == 2
    assert len(shards) == 8
    _assert_same_as_sequential(shards, documents)


@pytest.mark.slow
def test_local_cluster_with_the_spacy_extractor(tmp_path: Path) -> None:
    """The real path: each worker loads the spaCy extractor once."""
    from dask.distributed import Client, LocalCluster

    from geokg.extract import Extractor

    texts = [
        "Iran supplied drones to Russia, officials said on Monday.",
        "Russia and China held talks in Beijing.",
        "Iran denied supplying weapons to Russia.",
        "The United States imposed sanctions on Iran.",
    ]
    documents = [
        Document(f"news-{i}", None, None, date(2024, 3, 1 + i), text)
        for i, text in enumerate(texts)
    ]
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        shards = extract_to_shards(documents, tmp_path, scheduler=client, partition_size=2)
    with KnowledgeGraph() as expected, KnowledgeGraph() as loaded:
        for document, facts in Extractor().extract(documents):
            expected.ingest_document(document, facts)
        load_shards(loaded, shards)
        assert isomorphic(_export(loaded), _export(expected))
        assert loaded.stats()["statements"] > 0
