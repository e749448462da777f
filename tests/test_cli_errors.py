"""Every bad input gives one line on standard error, the right exit code, no traceback, and
leaves the store exactly as it was."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from geokg.cli import cli
from geokg.store import KnowledgeGraph, RdfFormat

SAMPLE = Path(str(files("geokg") / "data" / "facts" / "sample.jsonl"))
SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()
ACTOR = "https://w3id.org/geokg/actor/"


def run(store: Path, *args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *args], input=input)


def snapshot(store: Path) -> bytes:
    """The whole store as sorted N-Quads (or a marker when there is no store)."""
    if not store.exists():
        return b"<no store>"
    with KnowledgeGraph(store, read_only=True) as graph:
        buffer = io.BytesIO()
        graph.export(buffer, format=RdfFormat.NQUADS)
    return b"\n".join(sorted(buffer.getvalue().splitlines()))


def assert_one_line_error(result: Result, *, exit_code: int = 1, contains: str = "") -> str:
    assert result.exit_code == exit_code, (result.stdout, result.stderr)
    stderr = result.stderr
    assert "Traceback" not in stderr and "Traceback" not in result.stdout
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("geokg: error: "), stderr
    assert contains in lines[0], stderr
    return lines[0]


@pytest.fixture
def store(sample_store_copy: Path) -> Path:
    """This test's own store holding the sample facts."""
    return sample_store_copy


@pytest.fixture(scope="module")
def sample(sample_store_template: Path) -> bytes:
    """What every ``store`` of this module holds before its test: the sample store as sorted
    N-Quads, exported once (each test compares its store with it afterwards)."""
    return snapshot(sample_store_template)


def _other_document(line: str) -> str:
    record = json.loads(line)
    record["document"] = {"id": "another", "published": "2024-06-01"}
    return json.dumps(record)


def _documents_with_a_bad_line(bad: int, change: Callable[[dict[str, Any]], object]) -> bytes:
    """Twelve documents, one fact each; line ``bad`` holds a value the store would refuse,
    which only the writer used to notice (after storing the lines before it)."""
    lines = []
    for number in range(1, 13):
        record = json.loads(SAMPLE_LINES[0])
        record["document"] = {"id": f"document-{number}", "published": "2024-06-01"}
        if number == bad:
            change(record)
        lines.append(json.dumps(record))
    return ("\n".join(lines) + "\n").encode()


def _subject_iri(record: dict[str, Any]) -> None:
    record["subject"] = {"id": ACTOR + "bad iri", "label": "Bad", "type": "State"}


def _country(record: dict[str, Any]) -> None:
    record["object"]["country"] = "U K R"


def _surrogate(record: dict[str, Any]) -> None:
    record["evidence"]["sentence"] = "Russia \ud800 attacks Ukraine."


def _item_origin(record: dict[str, Any]) -> None:
    record["attributes"] = {"item": "drones", "item_origin": "Iran!<script>"}


# Each case writes a facts file and names what the one-line message must contain.
FACT_FILES: dict[str, tuple[Callable[[Path], bytes], str]] = {
    "empty": (lambda _: b"", "empty"),
    "blank lines only": (lambda _: b"\n  \n", "empty"),
    "binary": (lambda _: b"\x00\x01\x02PNG\x00\xff" * 50, "binary"),
    "invalid utf-8": (
        lambda _: (_other_document(SAMPLE_LINES[0]) + "\n").encode() + b'{"a": "\xff\xfe"}\n',
        ":line 2: not valid UTF-8",
    ),
    "invalid json on line 3": (
        lambda _: "\n".join([_other_document(SAMPLE_LINES[0]), SAMPLE_LINES[1], "{oops"]).encode(),
        ":line 3: invalid JSON",
    ),
    "not an object": (lambda _: b"[1, 2]\n", ":line 1: expected a JSON object"),
    "unknown actor": (
        lambda _: json.dumps(
            {"document": "d9", "subject": "Irann", "relation": "attacks", "object": "RUS"}
        ).encode(),
        "unknown actor 'Irann'; did you mean",
    ),
    "unknown relation": (
        lambda _: json.dumps(
            {"document": "d9", "subject": "IRN", "relation": "befriends", "object": "RUS"}
        ).encode(),
        "unknown relation 'befriends'",
    ),
    "invalid actor IRI on a late line": (
        lambda _: _documents_with_a_bad_line(9, _subject_iri),
        f":line 9: the actor '{ACTOR}bad iri' does not make a valid IRI (Invalid IRI code point",
    ),
    "invalid country code": (
        lambda _: _documents_with_a_bad_line(12, _country),
        ":line 12: the country code 'U K R' does not make a valid IRI",
    ),
    "lone surrogate in a sentence": (
        lambda _: _documents_with_a_bad_line(2, _surrogate),
        ":line 2: the evidence sentence holds '\\ud800' at character 8: not a Unicode character",
    ),
    "invalid item origin": (
        lambda _: _documents_with_a_bad_line(5, _item_origin),
        ":line 5: the item origin 'Iran!<script>' does not make a valid IRI",
    ),
    "missing field": (
        lambda _: json.dumps({"document": "d9", "subject": "IRN", "object": "RUS"}).encode(),
        "missing required field 'relation'",
    ),
}


@pytest.mark.parametrize("case", sorted(FACT_FILES))
def test_bad_facts_file_changes_nothing(
    store: Path, tmp_path: Path, case: str, sample: bytes
) -> None:
    make, expected = FACT_FILES[case]
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(make(tmp_path))
    assert_one_line_error(run(store, "ingest", "--facts", str(bad)), contains=expected)
    assert snapshot(store) == sample


def test_bad_facts_on_stdin_change_nothing(store: Path, sample: bytes) -> None:
    data = "\n".join([_other_document(SAMPLE_LINES[0]), "not json"]) + "\n"
    assert_one_line_error(
        run(store, "ingest", "--facts", "-", input=data), contains="<stdin>:line 2: invalid JSON"
    )
    assert snapshot(store) == sample


@pytest.mark.parametrize(
    ("make_path", "expected"),
    [
        (lambda tmp: tmp / "missing.jsonl", "no such file"),
        (lambda tmp: tmp, "directory"),
    ],
    ids=["missing", "directory"],
)
def test_unreadable_facts_file(
    store: Path, tmp_path: Path, make_path: Callable[[Path], Path], expected: str, sample: bytes
) -> None:
    result = run(store, "ingest", "--facts", str(make_path(tmp_path)))
    assert_one_line_error(result, contains=expected)
    assert snapshot(store) == sample


def test_unreadable_article(store: Path, tmp_path: Path, sample: bytes) -> None:
    """Extraction inputs fail before the model is loaded, with the reader's message."""
    assert_one_line_error(run(store, "ingest", str(tmp_path / "nope.txt")))
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100)
    assert_one_line_error(run(store, "ingest", str(binary)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(run(store, "ingest", str(empty)))
    assert snapshot(store) == sample


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file or directory"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not a text file"),
        (
            "Title\nCaf\u00e9 au lait".encode("latin-1"),
            "not valid UTF-8 at byte 9 (line 2, 0xe9); convert the file to UTF-8",
        ),
    ],
    ids=["missing", "binary", "latin-1"],
)
def test_every_command_reading_a_whole_file_says_the_same(
    store: Path, tmp_path: Path, content: bytes | None, message: str, sample: bytes
) -> None:
    """Articles, queries and gold files are opened and decoded in one place
    (geokg.userfiles): one message for one problem, whichever command reads the file."""
    for command, name in (
        (["ingest"], "article.txt"),
        (["extract"], "article.txt"),
        (["query", "-f"], "query.rq"),
        (["evaluate"], "gold.json"),
    ):
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        line = assert_one_line_error(run(store, *command, str(path)))
        assert line == f"geokg: error: {path}: {message}", command
    assert snapshot(store) == sample


def _unreadable_file_source() -> Path:
    """A file that opens but fails on the first read, even for root (permissions do not
    stop root): /proc/self/mem, whose page 0 is never mapped (EIO)."""
    mem = Path("/proc/self/mem")
    try:
        with mem.open("rb") as stream:
            stream.read(1)
    except OSError:
        return mem
    pytest.skip("no file here fails on read")


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["ingest"], "article.txt"),
        (["extract"], "articles.jsonl"),
        (["ingest", "--facts"], "facts.jsonl"),
        (["query", "-f"], "query.rq"),
        (["import"], "graph.ttl"),
        (["evaluate"], "gold.json"),
    ],
    ids=["article", "jsonl-article", "facts", "query", "import", "gold"],
)
def test_a_file_that_cannot_be_read_is_one_line(
    store: Path, tmp_path: Path, command: list[str], name: str, sample: bytes
) -> None:
    """README, bad input: an unreadable input file is one line for articles, facts files,
    queries and imports (a read error was an "internal error: OSError" for facts files
    and imports)."""
    path = tmp_path / name
    path.symlink_to(_unreadable_file_source())
    line = assert_one_line_error(run(store, *command, str(path)))
    assert line == f"geokg: error: {path}: cannot read file (input/output error)"
    assert snapshot(store) == sample


def test_unknown_actor_suggests_close_matches(store: Path) -> None:
    line = assert_one_line_error(run(store, "facts", "Rusia"), contains="unknown actor 'Rusia'")
    assert "Russia" in line


def test_unknown_relation(store: Path) -> None:
    assert_one_line_error(
        run(store, "facts", "Iran", "--relation", "suplies military aid to"),
        contains="unknown relation",
    )
    assert_one_line_error(run(store, "facts", "Iran", "--relation", "99"), contains="CAMEO")


def test_malformed_sparql_shows_the_parser_message(store: Path) -> None:
    line = assert_one_line_error(
        run(store, "query", "SELECT ?s WHERE { ?s ?p }"), contains="malformed SPARQL"
    )
    assert "error at" in line


def test_update_sent_to_query_is_refused(store: Path, sample: bytes) -> None:
    assert_one_line_error(
        run(store, "query", "DELETE WHERE { ?s ?p ?o }"), contains="updates are not allowed"
    )
    assert_one_line_error(
        run(store, "query", "PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }"),
        contains="read-only",
    )
    assert snapshot(store) == sample


def test_empty_and_missing_query_file(store: Path, tmp_path: Path) -> None:
    assert_one_line_error(run(store, "query", "  "), contains="empty")
    assert_one_line_error(run(store, "query", "-f", str(tmp_path / "q.rq")), contains="no such")


@pytest.fixture
def locked(store: Path) -> Iterator[Path]:
    """The store held open for writing by another process."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pyoxigraph\n"
            f"store = pyoxigraph.Store({str(store)!r})\n"
            "print('ready', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "ready"
    try:
        yield store
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_locked_store(locked: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.jsonl"
    extra.write_text(_other_document(SAMPLE_LINES[0]) + "\n", encoding="utf-8")
    assert_one_line_error(
        run(locked, "ingest", "--facts", str(extra)), contains="in use by another"
    )
    # Lookups open the store read-only and still work while it is locked.
    result = run(locked, "facts", "Iran", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "supplies military aid to" in result.stdout


def test_store_path_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "not-a-store"
    path.write_text("hello", encoding="utf-8")
    assert_one_line_error(run(path, "stats"), contains="is a file")
    assert_one_line_error(run(path, "ingest", "--facts", str(SAMPLE)), contains="is a file")
    assert path.read_text(encoding="utf-8") == "hello"


def test_missing_store_for_a_lookup(tmp_path: Path) -> None:
    assert_one_line_error(run(tmp_path / "none", "facts", "Iran"), contains="no store")
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "2024-02-30"])
def test_bad_dates_are_usage_errors(store: Path, value: str) -> None:
    result = run(store, "facts", "Iran", "--since", value)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert f"Invalid value for '--since': '{value}' is not a valid date" in result.stderr


def test_usage_errors_keep_clicks_message(store: Path) -> None:
    result = run(store, "ingest")
    assert result.exit_code == 2 and "Error: nothing to ingest" in result.stderr
    result = run(store, "facts", "Iran", "--format", "xml")
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--facts", str(SAMPLE), "--skip-errors"],
            "--skip-errors cannot be used with --facts (a facts file is checked whole)",
        ),
        (
            ["--facts", str(SAMPLE), "--published", "2024-01-01", "--jobs", "2"],
            "--published, --jobs cannot be used with --facts (a facts file is checked whole)",
        ),
        (
            ["--dask", "synchronous", "--skip-errors", "ARTICLES"],
            "--skip-errors cannot be used with --dask (not supported by the Dask ingest)",
        ),
        (
            ["--dask", "synchronous", "--published", "2024-01-01", "ARTICLES"],
            "--published cannot be used with --dask (not supported by the Dask ingest)",
        ),
        (
            ["--partition-size", "5", "ARTICLES"],
            "--partition-size cannot be used without --dask",
        ),
    ],
    ids=["skip-errors-facts", "published-jobs-facts", "skip-errors-dask", "published-dask",
         "partition-size"],
)  # fmt: skip
def test_options_an_ingest_would_ignore_are_usage_errors(
    store: Path, tmp_path: Path, args: list[str], message: str, sample: bytes
) -> None:
    """--skip-errors (and --published, --jobs ...) used to be silently ignored by the
    ingest that does not read them; now they are refused before anything is read."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "bad.txt").write_bytes(b"")  # would be skipped, or stop the run
    arguments = [str(articles) if arg == "ARTICLES" else arg for arg in args]
    result = run(store, "ingest", *arguments)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("Error")] == [
        f"Error: {message}"
    ]
    assert snapshot(store) == sample


def test_bad_rdf_import_changes_nothing(store: Path, tmp_path: Path, sample: bytes) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b x:c .\nx:d x:e\n", encoding="utf-8")
    assert_one_line_error(run(store, "import", str(bad)), contains="nothing was loaded")
    empty = tmp_path / "empty.nt"
    empty.write_bytes(b"")
    assert_one_line_error(run(store, "import", str(empty)), contains="empty")
    assert_one_line_error(run(store, "import", str(tmp_path / "x.ttl")), contains="no such")
    unknown = tmp_path / "data.bin"
    unknown.write_bytes(b"\x00")
    assert_one_line_error(run(store, "import", str(unknown)), contains="give the format")
    assert snapshot(store) == sample


@pytest.mark.parametrize("name", ["image.ttl", "image.nt", "image.jsonld", "image.rdf"])
def test_binary_import_says_so(store: Path, tmp_path: Path, name: str, sample: bytes) -> None:
    """README, bad input: a binary file is one line for imports too, the same line as for
    articles (it was the parser's "'' is not allowed at the beginning of a prefix name")."""
    binary = tmp_path / name
    binary.write_bytes(b"<http://x/a> <http://x/b> <http://x/c> .\n" + b"\x89PNG\x00\x00\x1a" * 100)
    line = assert_one_line_error(run(store, "import", str(binary)))
    assert line == f"geokg: error: {binary}: binary data, not a text file"
    assert snapshot(store) == sample


def test_internal_errors_are_one_line_unless_debugging(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: KnowledgeGraph) -> dict[str, int]:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(KnowledgeGraph, "stats", broken)
    monkeypatch.delenv("GEOKG_DEBUG", raising=False)
    result = run(store, "stats")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "geokg: internal error: RuntimeError: disk on fire second line "
        "(set GEOKG_DEBUG=1 for the traceback)"
    ]
    monkeypatch.setenv("GEOKG_DEBUG", "1")
    result = run(store, "stats")
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("geokg: internal error: RuntimeError")


def test_keyboard_interrupt_exits_130(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: KnowledgeGraph) -> dict[str, int]:
        raise KeyboardInterrupt

    monkeypatch.setattr(KnowledgeGraph, "stats", interrupted)
    result = run(store, "stats")
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr
