"""The network commands on a real on-disk store: one date window for ``facts``, ``render``,
``path`` and ``rank``; empty selections explained; ``--by-state`` dyads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from geokg.cli import cli

WINDOW = ["--since", "2024-03-01", "--until", "2024-04-30"]

# (document, published, subject, relation, object)
FACTS = [
    # reported in January and June, by no source inside the window: out of it
    ("jan", "2024-01-10", "Iran", "suppliesMilitaryAidTo", "Russia"),
    ("jun", "2024-06-20", "Iran", "suppliesMilitaryAidTo", "Russia"),
    ("jan", "2024-01-10", "United States", "imposesSanctionsOn", "Iran"),
    # reported inside the window
    ("mar", "2024-03-15", "France", "criticises", "Russia"),
    # one undated source and one dated inside the window: in it
    ("undated", None, "United Kingdom", "criticises", "Russia"),
    ("apr", "2024-04-02", "United Kingdom", "criticises", "Russia"),
    # undated only: in no window
    ("undated", None, "Ukraine", "meetsWith", "France"),
    # people, rolled up by --by-state
    ("mar", "2024-03-15", "Vladimir Putin", "meetsWith", "Emmanuel Macron"),
    ("apr", "2024-04-02", "Vladimir Putin", "criticises", "France"),
]
IN_WINDOW = {
    ("FRA", "criticises", "RUS"),
    ("GBR", "criticises", "RUS"),
    ("emmanuel-macron", "meetsWith", "vladimir-putin"),  # symmetric: stored in id order
    ("vladimir-putin", "criticises", "FRA"),
}


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *args])


def ok(store: Path, *args: str) -> str:
    result = run(store, *args)
    assert result.exit_code == 0, (result.output, result.stderr)
    return result.stdout


def fails(store: Path, *args: str) -> str:
    result = run(store, *args)
    assert result.exit_code == 1, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output
    return result.stderr


@pytest.fixture
def store(tmp_path: Path, vocabulary_store: Path) -> Path:
    path = tmp_path / "facts.jsonl"
    lines = []
    for document, published, subject, relation, obj in FACTS:
        record = {
            "document": {"id": document, "published": published},
            "subject": subject,
            "relation": relation,
            "object": obj,
        }
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ok(vocabulary_store, "ingest", "--facts", str(path))
    return vocabulary_store


def key(record: dict[str, Any]) -> tuple[str, str, str]:
    def local(iri: str) -> str:
        return re.split(r"[/#]", iri)[-1]

    ends = (record["subject"]["id"], record["relation"]["id"], record["object"]["id"])
    return (local(ends[0]), local(ends[1]), local(ends[2]))


def page_edges(page: Path) -> set[tuple[str, str, str]]:
    text = page.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="geokg-data">(.*?)</script>', text, re.S)
    assert match
    data = json.loads(match.group(1))
    return {(e["from"], e["geokg"]["relationId"], e["to"]) for e in data["edges"]}


def test_facts_render_path_and_rank_keep_the_same_statements_in_a_window(
    store: Path, tmp_path: Path
) -> None:
    # facts: the union over every actor of the statements it is in
    found: set[tuple[str, str, str]] = set()
    for actor in ("Iran", "Russia", "France", "United Kingdom", "Ukraine", "Vladimir Putin"):
        result = run(store, "facts", actor, *WINDOW, "--format", "json")
        assert result.exit_code == 0, result.output
        found |= {key(r) for r in json.loads(result.stdout)}
    assert found == IN_WINDOW
    # render: the edges of the page
    page = tmp_path / "window.html"
    ok(store, "render", "-o", str(page), *WINDOW)
    assert page_edges(page) == IN_WINDOW
    # rank: the actors of those statements, and only them
    ranked = json.loads(ok(store, "rank", *WINDOW, "--format", "json"))
    actors = {a for s, _, o in IN_WINDOW for a in (s, o)}
    assert {row["actor"] for row in ranked} == actors
    # path: through the statements in the window only
    assert ok(store, "path", "United Kingdom", "France", *WINDOW).splitlines() == [
        "United Kingdom criticises Russia  [2 sources]",
        "France criticises Russia  [1 source]",
    ]
    assert "'Iran'" in fails(store, "path", "Iran", "France", *WINDOW)
    assert "Iran supplies military aid to Russia" in ok(store, "path", "Iran", "France")
    # without a window everything is there
    everything = tmp_path / "all.html"
    ok(store, "render", "-o", str(everything))
    assert len(page_edges(everything)) == 7


def test_render_says_when_there_is_nothing_to_draw(store: Path, tmp_path: Path) -> None:
    page = tmp_path / "map.html"
    assert "no stored fact involves 'Peru'" in fails(
        store, "render", "--actor", "Peru", "-o", str(page)
    )
    message = fails(store, "render", "--since", "2030-01-01", "-o", str(page))
    assert "--since 2030-01-01" in message
    message = fails(store, "render", "--actor", "Iran", "--relation", "19", "-o", str(page))
    assert "about 'Iran'" in message and "--relation 19" in message
    assert not page.exists()  # nothing written
    # path says which actor has no fact (and whom an alias stands for), exit 1
    assert fails(store, "path", "Peru", "Iran").strip().endswith("no selected fact involves 'Peru'")
    assert fails(store, "path", "Iran", "Lima").strip().endswith("involves 'Lima' (Peru)")
    denials = tmp_path / "denials.jsonl"
    record = {"document": {"id": "d"}, "subject": "Iran", "relation": "suppliesMilitaryAidTo",
              "object": "Russia", "negated": True}  # fmt: skip
    denials.write_text(json.dumps(record) + "\n", encoding="utf-8")
    only_denials = tmp_path / "denials"
    ok(only_denials, "ingest", "--facts", str(denials))
    assert "--include-negated" in fails(only_denials, "rank")
    assert "[1 source]" in ok(only_denials, "path", "Iran", "Russia", "--include-negated")


def test_by_state_turns_people_into_their_states(store: Path, tmp_path: Path) -> None:
    page = tmp_path / "dyads.html"
    ok(store, "render", "--by-state", "-o", str(page), *WINDOW)
    assert page_edges(page) == {
        ("FRA", "criticises", "RUS"),
        ("GBR", "criticises", "RUS"),
        ("FRA", "meetsWith", "RUS"),  # Putin meets Macron
        ("RUS", "criticises", "FRA"),  # Putin criticises France
    }
    ranked = json.loads(ok(store, "rank", "--by-state", "--format", "json", *WINDOW))
    assert {row["actor"] for row in ranked} == {"FRA", "GBR", "RUS"}
    assert ok(store, "path", "Vladimir Putin", "United Kingdom", "--by-state").splitlines() == [
        "United Kingdom criticises Russia  [2 sources]"
    ]
