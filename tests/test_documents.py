"""Tests of geokg.extract.documents: reading .txt, .jsonl, directories and stdin."""

from __future__ import annotations

import io
import json
import logging
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from geokg.errors import InputError
from geokg.extract.documents import (
    document_from_record,
    documents_from_records,
    find_dateline,
    iter_jsonl_records,
    read_documents,
)
from geokg.model import Document

ARTICLE = """Russia is using more Iranian drones, says Austin

Gustaf Kilander
Washington, DC
Monday 20 May 2024 18:25

Russia attacked Ukraine. Iran supplies drones to Russia.
"""


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ----------------------------------------------------------------- plain text


def test_txt_file_gives_one_document_with_title_id_date_and_exact_text(tmp_path: Path) -> None:
    path = tmp_path / "01_drones.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_documents([path])
    assert doc.id == "01_drones"
    assert doc.title == "Russia is using more Iranian drones, says Austin"
    assert doc.published == date(2024, 5, 20)
    assert doc.text == ARTICLE
    start = doc.text.index("Iran supplies")
    assert doc.text[start : start + 13] == "Iran supplies"


def test_title_skips_leading_blank_lines_and_is_shortened_when_huge(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n   \n  Headline here  \nbody", encoding="utf-8")
    (tmp_path / "b.txt").write_text("word " * 200, encoding="utf-8")
    a, b = read_documents([tmp_path])
    assert a.title == "Headline here"
    assert b.title is not None and len(b.title) <= 301 and b.title.endswith("word…")


def test_crlf_and_bom_are_normalised_and_offsets_index_the_yielded_text(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\n\r\nIran supplies drones.\r\n")
    [doc] = read_documents([path])
    assert doc.text == "Title\n\nIran supplies drones.\n"
    assert doc.title == "Title"


def test_explicit_published_beats_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_documents([path], published=date(2020, 1, 2))
    assert doc.published == date(2020, 1, 2)


def test_text_without_dateline_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nIran supplies drones to Russia.\n", encoding="utf-8")
    [doc] = read_documents([path])
    assert doc.published is None


# ----------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday 20 May 2024 18:25", date(2024, 5, 20)),
        ("May 20, 2024", date(2024, 5, 20)),
        ("20 May 2024", date(2024, 5, 20)),
        ("2024-05-20", date(2024, 5, 20)),
        ("Published 2024-05-20T18:25:00Z", date(2024, 5, 20)),
        ("Updated: 20/05/2024", date(2024, 5, 20)),
        ("Updated: 05/20/2024 10:00 ET", date(2024, 5, 20)),
        ("Sept. 3, 2024", date(2024, 9, 3)),
        ("3rd of September 2024", date(2024, 9, 3)),
        ("MAY 20TH, 2024", date(2024, 5, 20)),
        ("Updated: 04/05/2024", None),  # 4 May or April 5: ambiguous, not guessed
        ("31 February 2024", None),
        ("May 2024", None),
        ("Mayday 12, 2024", None),
        ("", None),
    ],
)
def test_find_dateline_forms(text: str, expected: date | None) -> None:
    assert find_dateline(text) == expected


def test_find_dateline_takes_the_first_date_near_the_top_and_ignores_long_lines() -> None:
    body_sentence = "On 7 October 2023 something happened, " + "and more words " * 10
    text = f"Headline\n{body_sentence}\nBy Jane, 1 November 2023\nLater: 2 December 2023\n"
    assert find_dateline(text) == date(2023, 11, 1)
    late = "Headline\n" + "\n".join(f"line {n}" for n in range(40)) + "\n20 May 2024\n"
    assert find_dateline(late) is None


# ----------------------------------------------------------------- JSON Lines


def test_jsonl_documents_fields_and_published_precedence(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            {"id": "a", "text": "Iran supplies drones.", "title": "T", "url": "http://x/a",
             "published": "2024-05-20", "extra": [1, 2]},
            {"id": 7, "text": "Headline\n20 May 2023\nBody.", "published": None},
            {"id": "c", "text": "x", "published": "2024-05-21T23:30:00+02:00"},
        ],
    )  # fmt: skip
    a, b, c = read_documents([path])
    assert (a.id, a.title, a.url, a.published, a.text) == (
        "a", "T", "http://x/a", date(2024, 5, 20), "Iran supplies drones.",
    )  # fmt: skip
    assert (b.id, b.title, b.published) == ("7", None, date(2023, 5, 20))
    assert c.published == date(2024, 5, 21)
    [first, *_] = read_documents([path], published=date(2000, 1, 1))
    assert first.published == date(2000, 1, 1)


def test_jsonl_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('\n{"id": "a", "text": "x"}\n\n  \n{"id": "b", "text": "y"}', encoding="utf-8")
    assert [d.id for d in read_documents([path])] == ["a", "b"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "b", "text": ', "docs.jsonl:line 2: invalid JSON"),
        ('["b", "text"]', "docs.jsonl:line 2: expected a JSON object, got an array"),
        ('{"text": "x"}', 'docs.jsonl:line 2: record has no "id" field'),
        ('{"id": "b"}', 'docs.jsonl:line 2: record has no "text" field'),
        ('{"id": "b", "text": 3}', 'docs.jsonl:line 2: "text" must be a string, got a number'),
        ('{"id": "b", "text": null}', '"text" must be a string, got null'),
        ('{"id": true, "text": "x"}', '"id" must be a string or an integer'),
        ('{"id": " ", "text": "x"}', '"id" is empty'),
        ('{"id": "b", "text": "x", "title": 5}', '"title" must be a string'),
        ('{"id": "b", "text": "x", "published": "20/05/2024"}', '"published" is not an ISO date'),
        ('{"id": "b", "text": "x", "published": 2024}', '"published" must be a date string'),
    ],
)
def test_bad_jsonl_line_fails_after_yielding_the_good_documents_before_it(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "fine"}\n' + line + "\n", encoding="utf-8")
    stream = read_documents([path])
    assert next(stream).id == "a"
    with pytest.raises(InputError, match=message.replace("(", r"\(")) as info:
        next(stream)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_jsonl_is_streamed_one_document_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    text = "Iran supplies drones to Russia. " * 300  # ~10 kB per document
    with path.open("w", encoding="utf-8") as out:
        for n in range(2000):  # ~20 MB in total
            out.write(json.dumps({"id": f"d{n}", "text": text}) + "\n")
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_documents([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert peak < 2_000_000, f"peak {peak} bytes: the file was not streamed"


def test_iter_jsonl_records_reports_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"a": 1}\n\n{"b": 2}\n', encoding="utf-8")
    assert list(iter_jsonl_records(path)) == [(1, {"a": 1}), (3, {"b": 2})]


# ----------------------------------------------------------------- ids


def test_repeated_id_with_other_text_is_renamed_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl",
        [{"id": "x", "text": "one"}, {"id": "x", "text": "two"}, {"id": "x", "text": "three"}],
    )
    with caplog.at_level(logging.WARNING, logger="geokg.extract.documents"):
        docs = list(read_documents([path]))
    assert [(d.id, d.text) for d in docs] == [("x", "one"), ("x~2", "two"), ("x~3", "three")]
    assert "d.jsonl:line 2" in caplog.text


def test_repeated_id_with_same_text_is_skipped(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": "one"}] * 2)
    assert [d.id for d in read_documents([path])] == ["x"]


def test_repeated_id_raises_in_strict_mode_naming_the_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": "1"}, {"id": "x", "text": "2"}])
    stream = read_documents([path], duplicate_ids="error")
    assert next(stream).id == "x"
    with pytest.raises(InputError, match=r"d\.jsonl:line 2: document id 'x' is repeated"):
        next(stream)


def test_ids_are_unique_across_paths(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "two" / "a.txt").write_text("second", encoding="utf-8")
    docs = list(read_documents([tmp_path / "one" / "a.txt", tmp_path / "two" / "a.txt"]))
    assert [d.id for d in docs] == ["a", "a~2"]


# ----------------------------------------------------------------- directories and paths


def test_directory_reads_txt_and_jsonl_sorted_and_not_recursively(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B text", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "j1", "text": "J"}\n', encoding="utf-8")
    (tmp_path / "c.TXT").write_text("C text", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.txt").write_text("ignored", encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["j1", "b", "c"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file or directory"),
        (
            lambda p: (p / "empty").mkdir() or p / "empty",
            "directory has no .txt, .html or .jsonl file",
        ),
        (lambda p: _write(p / "a.csv", b"x"), "unsupported file type"),
        (lambda p: _write(p / "e.txt", b""), "file is empty"),
        (lambda p: _write(p / "w.txt", b" \n\t\n"), "file is empty"),
        (lambda p: _write(p / "e.jsonl", b"\n\n"), "file is empty"),
        (lambda p: _write(p / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary data"),
        (lambda p: _write(p / "ctl.txt", bytes(range(1, 32)) * 20), "binary data"),
        (lambda p: _write(p / "bin.jsonl", b'{"id": "a", "text": "\x00"}\n'), "binary data"),
        (
            lambda p: _write(p / "latin.txt", "Title\nCaf\u00e9 au lait".encode("latin-1")),
            r"not valid UTF-8 at byte 9 \(line 2, 0xe9\)",
        ),
        (
            lambda p: _write(p / "latin.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "caf\xe9"}\n'),
            r"latin\.jsonl:line 2: not valid UTF-8 at byte 37",
        ),
    ],
)
def test_bad_input_raises_one_line_naming_the_path(
    tmp_path: Path, make: object, message: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as info:
        list(read_documents([path]))
    assert path.name in str(info.value)
    assert "\n" not in str(info.value)


def test_jsonl_records_of_a_directory_or_missing_file(tmp_path: Path) -> None:
    """The reader opens files through geokg.userfiles: the messages every command shares."""
    with pytest.raises(InputError) as raised:
        list(iter_jsonl_records(tmp_path))
    assert str(raised.value) == f"{tmp_path}: is a directory, not a file"
    with pytest.raises(InputError) as raised:
        list(iter_jsonl_records(tmp_path / "gone.jsonl"))
    assert str(raised.value) == f"{tmp_path / 'gone.jsonl'}: no such file or directory"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    try:
        if _can_read(path):
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(InputError, match=r"secret\.txt: cannot read file"):
            list(read_documents([path]))
    finally:
        path.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


def test_no_paths_is_an_error() -> None:
    with pytest.raises(InputError, match="no input given"):
        list(read_documents([]))


def test_bad_file_after_good_files_stops_after_them(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("good", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "c.txt").write_text("never reached", encoding="utf-8")
    received: list[Document] = []
    with pytest.raises(InputError, match=r"b\.txt"):
        for doc in read_documents([tmp_path]):
            received.append(doc)
    assert [d.id for d in received] == ["a"]


# ----------------------------------------------------------------- stdin


def test_stdin_plain_text_gets_a_stable_content_id() -> None:
    [doc] = read_documents(["-"], stdin=io.StringIO(ARTICLE))
    [again] = read_documents(["-"], stdin=io.StringIO(ARTICLE))
    assert doc.id == again.id and doc.id.startswith("stdin-") and len(doc.id) == 18
    assert doc.text == ARTICLE and doc.published == date(2024, 5, 20)


def test_stdin_json_lines_detected_by_first_non_blank_char() -> None:
    data = '\n  {"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n'
    assert [d.id for d in read_documents(["-"], stdin=io.StringIO(data))] == ["a", "b"]


def test_stdin_binary_buffer_is_decoded_strictly() -> None:
    good = io.TextIOWrapper(io.BytesIO('{"id": "é", "text": "ü"}\n'.encode()), encoding="utf-8")
    assert [d.text for d in read_documents(["-"], stdin=good)] == ["ü"]
    bad = io.TextIOWrapper(io.BytesIO(b"Caf\xe9\n"), encoding="utf-8")
    with pytest.raises(InputError, match=r"<stdin>:line 1: not valid UTF-8 at byte 3"):
        list(read_documents(["-"], stdin=bad))


def test_stdin_empty_and_read_twice() -> None:
    with pytest.raises(InputError, match="<stdin>: file is empty"):
        list(read_documents(["-"], stdin=io.StringIO("  \n")))
    with pytest.raises(InputError, match="only once"):
        list(read_documents(["-", "-"], stdin=io.StringIO("x")))


# ----------------------------------------------------------------- records


def test_documents_from_records_match_jsonl_reading(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "x\r\ny"}, {"id": "a", "text": "z"}]
    from_file = list(read_documents([write_jsonl(tmp_path / "r.jsonl", records)]))
    from_memory = list(documents_from_records(records, where="mem"))
    assert [(d.id, d.text) for d in from_file] == [(d.id, d.text) for d in from_memory]
    assert from_memory[0].text == "x\ny"
    with pytest.raises(InputError, match='mem:record 2: record has no "text"'):
        list(documents_from_records([{"id": "a", "text": ""}, {"id": "b"}], where="mem"))


def test_document_from_record_allows_an_empty_text() -> None:
    doc = document_from_record({"id": "a", "text": ""}, where="w")
    assert doc == Document("a") and doc.text == ""
