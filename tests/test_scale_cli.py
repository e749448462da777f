"""The CLI past one machine: every command against a real Oxigraph server, and ingest on a
real Dask cluster of worker processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import cli

ROOT = Path(__file__).parents[1]
ARTICLES = ROOT / "data" / "articles"
SAMPLE_FACTS = ROOT / "data" / "facts" / "sample.jsonl"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_every_command_works_against_a_sparql_server(remote_store_url: str, tmp_path: Path) -> None:
    store = ["--store", remote_store_url]
    assert "11 new statements" in run(*store, "ingest", "--facts", str(SAMPLE_FACTS))
    facts = json.loads(run(*store, "facts", "Iran", "--include-negated", "--format", "json"))
    supply = [f for f in facts if f["relation"]["label"] == "supplies military aid to"]
    assert {f["polarity"] for f in supply} == {"affirmed", "denied"}
    assert (
        run(*store, "query", "ASK { actor:IRN geokg:suppliesMilitaryAidTo actor:RUS }") == "true\n"
    )
    assert json.loads(run(*store, "stats", "--format", "json"))["statements"] == 11
    export = tmp_path / "export.nq"
    run(*store, "export", "--format", "nquads", "-o", str(export))
    local = tmp_path / "local-store"
    run("--store", str(local), "import", str(export))
    assert json.loads(run("--store", str(local), "stats", "--format", "json"))["statements"] == 11
    run(*store, "render", "-o", str(tmp_path / "map.html"))
    assert "Iran" in (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Russia" in run(*store, "rank", "--by", "degree")
    assert "geokg: error" not in run(*store, "validate")


@pytest.mark.slow
def test_extracting_ingest_against_a_sparql_server(remote_store_url: str) -> None:
    store = ["--store", remote_store_url]
    run(*store, "ingest", str(ARTICLES))
    rows = run(*store, "facts", "Iran", "--format", "csv")
    assert "supplies military aid to" in rows


@pytest.mark.slow
def test_dask_ingest_matches_a_sequential_ingest(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    sequential, distributed = tmp_path / "sequential", tmp_path / "distributed"
    run("--store", str(sequential), "ingest", str(ARTICLES))
    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        output = run(
            "--store",
            str(distributed),
            "ingest",
            "--dask",
            cluster.scheduler_address,
            "--partition-size",
            "1",
            str(ARTICLES),
        )
    assert output.startswith(f"{len(list(ARTICLES.glob('*.txt')))} documents")
    expected = json.loads(run("--store", str(sequential), "stats", "--format", "json"))
    assert json.loads(run("--store", str(distributed), "stats", "--format", "json")) == expected
    for actor in ("Iran", "Russia"):
        assert run("--store", str(distributed), "facts", actor, "--format", "csv") == run(
            "--store", str(sequential), "facts", actor, "--format", "csv"
        )
