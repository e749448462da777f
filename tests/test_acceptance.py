"""End-to-end checks of what the issues promise users, with the real model, store and
browser: the seed article ingested and looked up, the demo map in Chromium, and
``geokg evaluate`` agreeing with the shared scorer."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser import Browser
from geokg.cli import cli

ROOT = Path(__file__).parents[1]
SEED = ROOT / "data" / "articles" / "01_russia_iranian_drones.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
GEOKG = Path(sys.executable).with_name("geokg")


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_seed_article_supply_and_denial(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "store")]
    run(*store, "ingest", str(SEED))
    text = SEED.read_text(encoding="utf-8")

    affirmed = json.loads(run(*store, "facts", "Iran", "--format", "json"))
    supply = [f for f in affirmed if f["relation"]["id"].endswith("#suppliesMilitaryAidTo")]
    assert [(f["subject"]["label"], f["object"]["label"]) for f in supply] == [("Iran", "Russia")]
    assert all(f["polarity"] == "affirmed" for f in affirmed)
    evidence = supply[0]["evidence"][0]
    assert "accused of supplying Russia with exploding drones" in evidence["sentence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert evidence["document"]["published"] == "2024-05-20"

    everything = json.loads(run(*store, "facts", "Iran", "--include-negated", "--format", "json"))
    denials = [f for f in everything if f["polarity"] != "affirmed"]
    assert any(
        f["relation"]["id"].endswith("#suppliesMilitaryAidTo")
        and f["asserted_by"]["country"] == "IRN"
        and "hadn’t supplied" in f["evidence"][0]["sentence"]
        for f in denials
    )
    # The denial never makes the direct triple; the affirmed supply does.
    assert (
        run(*store, "query", "ASK { actor:IRN geokg:suppliesMilitaryAidTo actor:RUS }") == "true\n"
    )


@pytest.mark.slow
def test_demo_map_shows_the_main_actors_offline(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "store")]
    run(*store, "ingest", str(ROOT / "data" / "articles"))
    page_path = tmp_path / "map.html"
    run(*store, "render", "-o", str(page_path))
    with Browser(tmp_path) as browser:
        page = browser.open(page_path)
        page.wait_for("document.body.dataset.ready === '1'", timeout=60)
        labels = set(page.evaluate("window.geokgNetwork.nodes.get().map(n => n.label)"))
        assert {"Russia", "Iran", "Ukraine", "United States", "the West"} <= labels
        colours = page.evaluate(
            "window.geokgNetwork.edges.get().filter(e => e.from === 'RUS' && e.to === 'UKR')"
            ".map(e => (e.color && e.color.color) || e.color)"
        )
        assert colours, "no Russia -> Ukraine edge"
        assert page.errors() == []
        remote = [u for u in page.requested_urls() if not u.startswith(("file:", "data:"))]
        assert remote == []


def _last_line(output: str) -> str:
    return output.strip().splitlines()[-1]


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not beside the repo")
@pytest.mark.parametrize("mode", ["articles", "sentences"])
def test_evaluate_agrees_with_the_shared_scorer(mode: str) -> None:
    if mode == "articles":
        data = [str(SHARED_EVAL / "gold.json"), str(SHARED_EVAL / "articles")]
    else:
        data = [str(SHARED_EVAL / "plover_dev.json")]
    command = f"{shlex.quote(str(GEOKG))} extract --format jsonl"
    scored = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score.py"), mode, *data, "--cmd", command],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    ours = CliRunner().invoke(cli, ["evaluate", *data], catch_exceptions=False)
    assert _last_line(ours.output) == _last_line(scored.stdout)
