"""`geokg ingest` and `geokg extract` on what analysts have: saved web pages, links,
folders mixing articles with PDFs and images, a bad file among good ones; with a progress
bar on a terminal and clean standard output."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from geokg.cli import cli
from geokg.store import KnowledgeGraph, SelectResult
from websites import ARTICLE, Route, Site, serving

TEXT = "Iran criticised the United Kingdom on Monday.\n"


@pytest.fixture
def site() -> Iterator[Callable[..., Site]]:
    with serving() as start:
        yield start


def run(store: Path, *args: str, **env: str) -> Result:
    return CliRunner(env=env or None).invoke(cli, ["--store", str(store), *args])


def _documents(store: Path) -> dict[str, dict[str, str | None]]:
    with KnowledgeGraph(store, read_only=True) as graph:
        result = graph.query(
            "SELECT ?id ?title ?url ?author ?published WHERE { ?d a geokg:Document ; "
            "dcterms:identifier ?id . OPTIONAL { ?d dcterms:title ?title } "
            "OPTIONAL { ?d dcterms:source ?url } OPTIONAL { ?d dcterms:creator ?author } "
            "OPTIONAL { ?d geokg:published ?published } }"
        )
    assert isinstance(result, SelectResult)
    return {row["id"] or "": row for row in result.values()}


# ----------------------------------------------------------------- fails before the model


def test_url_errors_are_one_line_and_store_nothing(
    site: Callable[..., Site],
    tmp_path: Path,
) -> None:
    web = site({"/big": Route(body=b"<p>" + b"x" * 5000 + b"</p>")})
    store = tmp_path / "store"
    missing = run(store, "ingest", web.url("/missing"))
    assert missing.exit_code == 1
    assert missing.stderr == f"geokg: error: {web.url('/missing')}: HTTP 404 Not Found\n"
    big = run(store, "ingest", web.url("/big"), GEOKG_FETCH_MAX_BYTES="1000")
    assert big.exit_code == 1 and "the page is too large" in big.stderr
    assert len(big.stderr.splitlines()) == 1
    assert not store.exists()


def test_a_bad_file_in_a_folder_fails_before_anything_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    result = run(store, "ingest", str(folder))
    assert result.exit_code == 1
    assert result.stderr == f"geokg: error: {folder / 'b.txt'}: file is empty\n"
    assert not store.exists()  # a.txt, read before b.txt, was not stored either


def test_only_bad_inputs_with_skip_errors_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(tmp_path / "store", "extract", "--skip-errors", str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"geokg: skipped {tmp_path / 'empty.txt'}: file is empty",
        "geokg: 1 input skipped because of errors (exit status 3)",
        "geokg: error: no readable input: every file or URL given was skipped",
    ]


# ----------------------------------------------------------------- with the model


@pytest.mark.slow
def test_ingest_html_file_and_url_keeps_metadata_and_extracts_main_text(
    site: Callable[..., Site],
    tmp_path: Path,
) -> None:
    page = tmp_path / "saved page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    other = ARTICLE.replace("iran-drones", "iran-drones-2").replace("Jane Doe", "John Roe")
    web = site(
        {"/story": Route(body=other.encode("cp1252"), content_type="text/html; charset=cp1252")}
    )
    store = tmp_path / "store"
    result = run(store, "ingest", str(page), web.url("/story"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("2 documents, ")
    assert result.stderr == ""
    docs = _documents(store)
    assert docs["saved page"]["author"] == "Jane Doe"
    assert docs["saved page"]["url"] == "https://news.example.org/world/iran-drones"
    assert docs["saved page"]["title"] == "Iran supplies drones to Russia"
    assert docs["saved page"]["published"] == "2024-05-20"
    assert docs["news.example.org-world-iran-drones-2"]["author"] == "John Roe"
    facts = run(store, "facts", "EU", "--format", "json")
    relations = {f["relation"]["id"].split("#")[1] for f in json.loads(facts.stdout)}
    assert "imposesSanctionsOn" in relations, facts.stdout
    scripted = run(store, "query", "--format", "csv", "SELECT ?s { ?m geokg:sentence ?s }")
    assert "Scripted" not in scripted.stdout and "Subscribe" not in scripted.stdout


@pytest.mark.slow
def test_mixed_folder_with_skip_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.html").write_text(ARTICLE, encoding="utf-8")
    (folder / "d.txt").write_bytes(b"Caf\xe9 Iran")
    for name in ("report.pdf", "photo.jpg", "chart.png", "notes.docx"):
        (folder / name).write_bytes(b"\x00binary")
    store = tmp_path / "store"
    result = run(store, "ingest", "--skip-errors", str(folder))
    assert result.exit_code == 3, result.stderr
    assert result.stdout.startswith("2 documents, ")
    assert result.stderr.splitlines() == [
        f"geokg: skipped {folder / 'b.txt'}: file is empty",
        f"geokg: skipped {folder / 'd.txt'}: not valid UTF-8 at byte 3 (line 1, 0xe9); "
        "convert the file to UTF-8",
        "geokg: skipped 4 files that geokg does not read (only .txt, .html, .htm and .jsonl): "
        "chart.png, notes.docx, photo.jpg and 1 more",
        "geokg: 2 inputs skipped because of errors (exit status 3)",
    ]
    assert set(_documents(store)) == {"a", "c"}
    extracted = run(store, "extract", "--skip-errors", "--progress", str(folder))
    assert extracted.exit_code == 3
    for line in extracted.stdout.splitlines():
        json.loads(line)  # standard output stays pure JSON Lines, bar or not
    assert "docs" in extracted.stderr and "char" in extracted.stderr


@pytest.mark.slow
def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT * 50, encoding="utf-8")
    command = [sys.executable, "-m", "geokg", "--store", str(tmp_path / "s"), "extract"]
    leader, follower = pty.openpty()  # a real terminal for standard error
    chunks: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(leader, chunks), daemon=True)
    reader.start()
    try:
        process = subprocess.run(
            [*command, str(article)], stdout=subprocess.PIPE, stderr=follower, timeout=300
        )
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 0
    # total and rate in characters, documents and facts so far
    assert "2.30k/2.30k [" in shown and "char/s, 1 docs, " in shown
    piped = subprocess.run([*command, str(article)], capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and piped.stderr == ""


def _read_all(fd: int, chunks: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the terminal closed
            return
        if not chunk:
            return
        chunks.append(chunk)
