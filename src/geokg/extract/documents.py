"""Reading input documents: plain-text articles, web pages (HTML files and ``http(s)://``
URLs), JSON Lines, directories and standard input.

:func:`read_documents` turns paths into a stream of :class:`~geokg.model.Document` with
``text`` set. It never holds more than one document of a JSON Lines file in memory, and it
validates each document completely *before* yielding it: when a line is bad, every document
before it has been yielded normally and nothing of the bad one has, so a caller that stores
what it receives can stop cleanly on the :class:`~geokg.errors.InputError`.

Decisions (documented here because callers depend on them):

* **Text.** Files must be UTF-8 (a byte-order mark is allowed and dropped). Nothing guesses
  another encoding: a file that is not UTF-8 raises an ``InputError`` naming the byte offset,
  because a wrong guess silently corrupts names and offsets. Files are opened and decoded
  by :mod:`geokg.userfiles`, as every user file is, so the messages are those of the other
  commands. Line endings ``\\r\\n`` and
  ``\\r`` become ``\\n``; otherwise ``Document.text`` is the decoded text unchanged, and it is
  the reference that fact offsets index.
* **Ids.** A ``.txt`` file's id is its file name without the extension; a JSON Lines
  document's id is its ``"id"`` field; a plain-text article on standard input gets
  ``stdin-`` plus the first 12 hex digits of the SHA-1 of its text (stable across runs).
  Ids are unique within one call: by default a repeated id with the *same* text is skipped
  (the same document twice) and a repeated id with a *different* text is renamed
  ``ID~2``, ``ID~3``, ... with a logged warning (the shared PLOVER development data repeats
  an id, and refusing it would make the scorer fail); pass ``duplicate_ids="error"`` to
  raise instead.
* **Directories** are read non-recursively: their ``.txt``, ``.html``, ``.htm`` and
  ``.jsonl`` files, sorted by name, hidden files skipped. Subdirectories are ignored, so a
  directory of articles can hold notes or outputs in subfolders without surprises. Other
  files (``.pdf``, images, ...) are reported as :class:`Skipped` (not errors).
* **Web pages.** A ``.html``/``.htm`` file or an ``http(s)://`` URL becomes a document of
  its main text and metadata (:mod:`geokg.html`; fetching: :mod:`geokg.fetch`). Its id is
  the file name without the extension, or, for a URL, a slug of the page's canonical URL
  (``news.example.org-world-iran-drones``); ``url`` is the canonical URL.
* **Bad inputs.** By default the first bad file raises. With ``skip_errors=True`` a file
  (or URL) that cannot be read is reported as a :class:`Skipped` and reading goes on with
  the next one; in a JSON Lines file the documents before the bad line have been yielded
  and the rest of that file is skipped. :meth:`DocumentReader.check` reads every input once
  before anything is yielded (counting documents and characters for a progress bar), so a
  caller that stores documents can refuse or skip bad files before storing any.
* **Publication date.** The ``published`` argument wins; then a JSON Lines ``"published"``
  field; then a dateline near the top of the text (:func:`find_dateline`); else ``None``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import sys
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from geokg.errors import InputError
from geokg.model import Document
from geokg.urls import is_http_url, mask_url
from geokg.userfiles import (
    SNIFF_BYTES,
    STDIN,
    decode_text,
    numbered_lines,
    open_binary,
    os_reason,
    read_bytes,
)

if TYPE_CHECKING:
    from geokg.fetch import FetchPolicy

__all__ = [
    "DocumentReader",
    "DuplicateIds",
    "InputTotals",
    "Skipped",
    "document_from_record",
    "documents_from_records",
    "find_dateline",
    "iter_jsonl_records",
    "read_documents",
    "trailing_date",
    "url_document_id",
]

logger = logging.getLogger(__name__)

DuplicateIds = Literal["rename", "error"]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
#: The largest HTML file read from disk (a saved page with inline images can be large).
MAX_HTML_FILE_BYTES = 64 * 1024 * 1024
_TITLE_MAX_CHARS = 300


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input left out: ``bad`` when it could not be read (an error that ``skip_errors``
    let pass), else a file of a type geokg does not read, found in a directory."""

    source: str
    reason: str
    bad: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class InputTotals:
    """What :meth:`DocumentReader.check` counted; ``None`` when standard input is among
    the inputs (it is read once, as it comes)."""

    documents: int | None
    characters: int | None


@dataclass(frozen=True, slots=True)
class _Source:
    kind: Literal["stdin", "url", "file"]
    name: str


class DocumentReader:
    """The documents of ``paths``, in order (see :func:`read_documents`), with bad inputs
    raised or (``skip_errors=True``) skipped and reported in :attr:`skipped` and to
    ``on_skip`` as they are found.

    Call :meth:`check` first to read every input once before any document is yielded: a bad
    file then fails (or is skipped) before the caller stores anything, and the totals are
    known. URLs are fetched once, by :meth:`check` when it is called.
    """

    def __init__(
        self,
        paths: Sequence[str | Path],
        *,
        published: date | None = None,
        stdin: TextIO | None = None,
        duplicate_ids: DuplicateIds = "rename",
        skip_errors: bool = False,
        on_skip: Callable[[Skipped], None] | None = None,
        fetch_policy: FetchPolicy | None = None,
    ) -> None:
        if not paths:
            raise InputError("no input given: name at least one file, directory, URL or '-'")
        self.paths = list(paths)
        self.published = published
        self.stdin = stdin
        self.duplicate_ids: DuplicateIds = duplicate_ids
        self.skip_errors = skip_errors
        self.on_skip = on_skip
        self.fetch_policy = fetch_policy
        self.skipped: list[Skipped] = []
        self._sources: list[_Source] | None = None
        self._pages: dict[str, Document] = {}

    # --- public ---------------------------------------------------------------------------

    def check(self) -> InputTotals:
        """Read every input except standard input once, yielding nothing: raise on the
        first bad one, or skip it (``skip_errors``). Returns the totals."""
        documents = characters = 0
        kept: list[_Source] = []
        has_stdin = False
        for source in self._expanded():
            if source.kind == "stdin":
                has_stdin = True
                kept.append(source)
                continue
            try:
                for document, _where in self._documents_of(source):
                    documents += 1
                    characters += len(document.text)
            except InputError as error:
                self._skip_or_raise(source, error)
                continue
            kept.append(source)
        self._sources = kept
        if has_stdin:
            return InputTotals(None, None)
        return InputTotals(documents, characters)

    def __iter__(self) -> Iterator[Document]:
        registry = _IdRegistry(self.duplicate_ids)
        for source in self._expanded():
            try:
                yield from registry.admit_all(self._documents_of(source))
            except InputError as error:
                self._skip_or_raise(source, error)

    # --- internals ------------------------------------------------------------------------

    def _skip_or_raise(self, source: _Source, error: InputError) -> None:
        if not self.skip_errors:
            raise error
        message = str(error)
        name = source.name
        reason = message.removeprefix(f"{name}: ").removeprefix(f"{name}:")
        self._report(Skipped(name, reason.strip() or message, bad=True))

    def _report(self, skipped: Skipped) -> None:
        self.skipped.append(skipped)
        if self.on_skip is not None:
            self.on_skip(skipped)
        else:
            logger.warning("skipped %s", skipped)

    def _expanded(self) -> list[_Source]:
        if self._sources is None:
            sources: list[_Source] = []
            stdin_used = False
            for raw in self.paths:
                text = str(raw)
                if text == STDIN:
                    if stdin_used:
                        raise InputError("standard input ('-') can be read only once")
                    stdin_used = True
                    sources.append(_Source("stdin", "<stdin>"))
                elif is_http_url(text):
                    sources.append(_Source("url", text))
                else:
                    try:
                        files = self._expand_path(Path(text))
                    except InputError as error:
                        self._skip_or_raise(_Source("file", text), error)
                        continue
                    sources.extend(_Source("file", str(file)) for file in files)
            self._sources = sources
        return self._sources

    def _expand_path(self, path: Path) -> list[Path]:
        files = _expand(path)
        if path.is_dir():
            others = _other_files(path)
            for other in others:
                self._report(Skipped(str(other), _not_an_input(other), bad=False))
            if not files:
                hint = f" ({len(others)} other files skipped)" if others else ""
                raise InputError(f"{path}: directory has no .txt, .html or .jsonl file{hint}")
        return files

    def _documents_of(self, source: _Source) -> Iterator[tuple[Document, str]]:
        if source.kind == "stdin":
            stream = self.stdin if self.stdin is not None else sys.stdin
            return _read_stdin(stream, published=self.published)
        if source.kind == "url":
            return iter([(self._page(source.name), mask_url(source.name))])
        return _read_file(Path(source.name), published=self.published)

    def _page(self, url: str) -> Document:
        cached = self._pages.get(url)
        if cached is None:
            cached = _url_document(url, published=self.published, policy=self.fetch_policy)
            self._pages[url] = cached
        return cached


def read_documents(
    paths: Sequence[str | Path],
    *,
    published: date | None = None,
    stdin: TextIO | None = None,
    duplicate_ids: DuplicateIds = "rename",
    skip_errors: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    fetch_policy: FetchPolicy | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``paths`` one at a time, in order.

    Each path is a ``.txt`` article, a ``.html``/``.htm`` web page, a ``.jsonl`` file of
    documents, a directory (those files, sorted, not recursive), an ``http(s)://`` URL of a
    web page, or ``-`` for standard input (a plain-text article, or JSON Lines when its first
    non-blank character is ``{``). ``published``, when given, overrides every date found in
    the input.

    Raises :class:`InputError` (one line naming the path, and the line for JSON Lines) for a
    missing path, an empty directory, an unreadable, empty, binary or non-UTF-8 file, an
    invalid JSON line or record, a URL that cannot be fetched, and (with
    ``duplicate_ids="error"``) a repeated id; with ``skip_errors=True`` such an input is
    reported to ``on_skip`` (else logged) and skipped instead.
    """
    yield from DocumentReader(
        paths,
        published=published,
        stdin=stdin,
        duplicate_ids=duplicate_ids,
        skip_errors=skip_errors,
        on_skip=on_skip,
        fetch_policy=fetch_policy,
    )


def url_document_id(url: str) -> str:
    """A readable, stable document id for a web page: a slug of its host and path.

    >>> url_document_id("https://www.example.org/world/2024/iran-drones.html?ref=rss")
    'example.org-world-2024-iran-drones.html-ref-rss'
    """
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    raw = host + parts.path + (f"?{parts.query}" if parts.query else "")
    slug = re.sub(r"[^a-z0-9.]+", "-", raw.lower()).strip("-.")
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    if not slug:
        return "page-" + digest
    if len(slug) > 80:
        slug = slug[:71].rstrip("-.") + "-" + digest
    return slug


def find_dateline(text: str) -> date | None:
    """Return the publication date written near the top of an article, if any.

    Looks at short lines (at most 100 characters: datelines, bylines, "Updated: ..." lines,
    not body sentences that mention an event's date) among the first 25 lines and 3,000
    characters, and returns the first valid date found. Understood forms: ``2024-05-20``,
    ``20 May 2024``, ``Monday 20 May 2024 18:25``, ``May 20, 2024``, ``20th May 2024``,
    ``Sept. 3, 2024``, and numeric ``20/05/2024`` or ``05/20/2024`` when the day is greater
    than 12 (otherwise day and month cannot be told apart and the form is ignored).

    >>> find_dateline("Headline\\n\\nGustaf Kilander\\nMonday 20 May 2024 18:25\\nBody.")
    datetime.date(2024, 5, 20)
    >>> find_dateline("By Jane Doe | May 3, 2023\\n")
    datetime.date(2023, 5, 3)
    >>> find_dateline("Updated: 04/05/2024") is None
    True
    """
    head = text[:3000]
    for line in head.splitlines()[:25]:
        if len(line.strip()) > 100:
            continue
        found = _first_date(line)
        if found is not None:
            return found
    return None


def iter_jsonl_records(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-blank line of a JSON Lines file.

    Streams the file; raises :class:`InputError` naming ``path:line N`` for a line that is
    not UTF-8, not JSON, or not a JSON object, and for a file with no record at all.
    """
    file = Path(path)
    with open_binary(file) as stream:
        yield from _jsonl_records(numbered_lines(stream, str(file)), str(file))


def document_from_record(
    record: Mapping[str, Any], *, where: str, published: date | None = None
) -> Document:
    """Build a :class:`Document` from one JSON Lines record ``{"id", "text", ...}``.

    ``where`` names the record in error messages (``"docs.jsonl:line 3"``). Extra keys are
    ignored. ``published`` overrides the record's ``"published"`` field, which overrides a
    dateline in the text.
    """
    doc_id = _record_id(record, where)
    if "text" not in record:
        raise InputError(f'{where}: record has no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f'{where}: "text" must be a string, got {_json_type(text)}')
    text = _normalise_newlines(text)
    title = _optional_string(record, "title", where)
    url = _optional_string(record, "url", where)
    when = published or _record_published(record, where) or find_dateline(text)
    return Document(doc_id, title=title, url=url, published=when, text=text)


def documents_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    where: str,
    published: date | None = None,
    duplicate_ids: DuplicateIds = "rename",
) -> Iterator[Document]:
    """Documents of in-memory records, exactly as :func:`read_documents` would read them
    from a JSON Lines file (same validation, dates and id policy); ``where`` names the
    source in messages, which say ``WHERE:record N``."""
    registry = _IdRegistry(duplicate_ids)
    for number, record in enumerate(records, start=1):
        record_where = f"{where}:record {number}"
        if not isinstance(record, Mapping):
            raise InputError(f"{record_where}: expected a JSON object, got {_json_type(record)}")
        document = document_from_record(record, where=record_where, published=published)
        admitted = registry.admit(document, record_where)
        if admitted is not None:
            yield admitted


# --------------------------------------------------------------------------- ids


@dataclass
class _IdRegistry:
    """Keeps ids unique within one call (see the module docstring for the policy)."""

    policy: DuplicateIds
    # id -> SHA-1 of the text first seen under it; a digest, not the text, keeps memory flat.
    seen: dict[str, bytes] = field(default_factory=dict)

    def admit_all(self, documents: Iterable[tuple[Document, str]]) -> Iterator[Document]:
        for document, where in documents:
            admitted = self.admit(document, where)
            if admitted is not None:
                yield admitted

    def admit(self, document: Document, where: str) -> Document | None:
        digest = hashlib.sha1(document.text.encode("utf-8", "surrogatepass")).digest()
        first = self.seen.get(document.id)
        if first is None:
            self.seen[document.id] = digest
            return document
        if self.policy == "error":
            raise InputError(f"{where}: document id {document.id!r} is repeated in this input")
        if first == digest:
            logger.warning("%s: skipping a repeat of document %r", where, document.id)
            return None
        n = 2
        while f"{document.id}~{n}" in self.seen:
            n += 1
        new_id = f"{document.id}~{n}"
        logger.warning(
            "%s: document id %r is repeated with a different text; using %r",
            where,
            document.id,
            new_id,
        )
        self.seen[new_id] = digest
        return dataclasses.replace(document, id=new_id)


# --------------------------------------------------------------------------- paths


def _expand(path: Path) -> list[Path]:
    """The files one path argument stands for (a directory's may be none)."""
    if path.is_dir():
        return [entry for entry in _directory_entries(path) if _is_input(entry)]
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.suffix.lower() not in INPUT_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type (expected .txt, .html, .htm, .jsonl, a directory "
            "or a URL)"
        )
    return [path]


def _directory_entries(path: Path) -> list[Path]:
    try:
        entries = sorted(path.iterdir())
    except OSError as error:
        raise InputError(f"{path}: cannot list directory ({os_reason(error)})") from None
    return [entry for entry in entries if not entry.name.startswith(".") and entry.is_file()]


def _is_input(entry: Path) -> bool:
    return entry.suffix.lower() in INPUT_SUFFIXES


def _other_files(path: Path) -> list[Path]:
    return [entry for entry in _directory_entries(path) if not _is_input(entry)]


def _not_an_input(path: Path) -> str:
    kind = path.suffix.lower() or "no extension"
    return f"not read ({kind}: geokg reads .txt, .html, .htm and .jsonl)"


def _read_file(path: Path, *, published: date | None) -> Iterator[tuple[Document, str]]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with open_binary(path) as stream:
            lines = numbered_lines(stream, str(path))
            yield from _jsonl_documents(lines, str(path), published=published)
        return
    if suffix in HTML_SUFFIXES:
        yield _html_file_document(path, published=published), str(path)
        return
    text = _decode_whole(read_bytes(path), str(path))
    yield _text_document(text, doc_id=path.stem, where=str(path), published=published), str(path)


def _html_file_document(path: Path, *, published: date | None) -> Document:
    from geokg.html import decode_html, html_document

    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(f"{path}: cannot read file ({os_reason(error)})") from None
    if size > MAX_HTML_FILE_BYTES:
        raise InputError(
            f"{path}: the page is too large ({size // (1024 * 1024)} MiB, over "
            f"{MAX_HTML_FILE_BYTES // (1024 * 1024)} MiB); save its text as .txt instead"
        )
    data = read_bytes(path)
    if not data.strip():
        raise InputError(f"{where}: file is empty")
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: binary data, not a web page")
    html = decode_html(data, where=where)
    return html_document(html, doc_id=path.stem, where=where, published=published)


def _url_document(url: str, *, published: date | None, policy: FetchPolicy | None) -> Document:
    from geokg.fetch import fetch
    from geokg.html import decode_html, html_document

    page = fetch(url, policy)
    where = mask_url(url)
    if page.is_html:
        html = decode_html(page.body, where=where, header_charset=page.charset)
        document = html_document(
            html, doc_id="", where=where, url=page.final_url, published=published
        )
    else:
        text = _decode_plain(page.body, where, page.charset)
        document = _text_document(text, doc_id="", where=where, published=published)
        document = dataclasses.replace(document, url=page.final_url)
    return dataclasses.replace(document, id=url_document_id(document.url or page.url))


def _decode_plain(data: bytes, where: str, charset: str | None) -> str:
    if charset is None or charset.lower().replace("_", "-") in ("utf-8", "utf8", "us-ascii"):
        return _decode_whole(data, where)
    from geokg.html import decode_html

    text = decode_html(data, where=where, header_charset=charset)
    _check_text(text, where)
    return text


# --------------------------------------------------------------------------- stdin


def _read_stdin(source: TextIO, *, published: date | None) -> Iterator[tuple[Document, str]]:
    where = "<stdin>"
    buffer = getattr(source, "buffer", None)
    lines: Iterator[tuple[int, str]]
    if buffer is not None and hasattr(buffer, "readline"):
        lines = numbered_lines(buffer, where)
    else:
        lines = _numbered_text_lines(source, where)
    # Peek at the first non-blank line to choose between JSON Lines and plain text.
    head: list[tuple[int, str]] = []
    for number, line in lines:
        head.append((number, line))
        if line.strip():
            break
    first = next((line for _, line in head if line.strip()), "")
    if first.lstrip("\ufeff").lstrip().startswith("{"):
        yield from _jsonl_documents(_chain(head, lines), where, published=published)
        return
    text = "".join(line for _, line in _chain(head, lines))
    text = text.removeprefix("\ufeff")
    _check_text(text, where)
    doc_id = "stdin-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    yield _text_document(text, doc_id=doc_id, where=where, published=published), where


def _chain(
    head: list[tuple[int, str]], rest: Iterator[tuple[int, str]]
) -> Iterator[tuple[int, str]]:
    yield from head
    yield from rest


def _numbered_text_lines(source: TextIO, where: str) -> Iterator[tuple[int, str]]:
    number = 0
    try:
        for number, line in enumerate(source, start=1):
            if "\x00" in line:
                raise InputError(f"{where}: binary data (NUL byte on line {number}), not text")
            yield number, line
    except UnicodeDecodeError as error:
        raise InputError(
            f"{where}: not valid UTF-8 near line {number + 1} ({error.reason})"
        ) from None


# --------------------------------------------------------------------------- decoding


def _decode_whole(data: bytes, where: str) -> str:
    text = decode_text(data, where)
    _check_text(text, where)
    return text


def _check_text(text: str, where: str) -> None:
    if not text.strip():
        raise InputError(f"{where}: file is empty")
    if "\x00" in text:
        raise InputError(f"{where}: binary data (NUL byte), not text")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# --------------------------------------------------------------------------- plain text


def _text_document(text: str, *, doc_id: str, where: str, published: date | None) -> Document:
    text = _normalise_newlines(text)
    return Document(
        doc_id,
        title=_title(text),
        published=published or find_dateline(text),
        text=text,
    )


def _title(text: str) -> str | None:
    """The first non-empty line, shortened at a word boundary when it is very long."""
    for line in text.splitlines():
        title = " ".join(line.split())
        if title:
            if len(title) <= _TITLE_MAX_CHARS:
                return title
            cut = title[:_TITLE_MAX_CHARS].rsplit(" ", 1)[0]
            return cut + "…"
    return None


# --------------------------------------------------------------------------- JSON Lines


def _jsonl_records(
    lines: Iterable[tuple[int, str]], where: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    any_record = False
    for number, line in lines:
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}:line {number}: invalid JSON ({error.msg})") from None
        except RecursionError:
            raise InputError(f"{where}:line {number}: invalid JSON (nested too deeply)") from None
        if not isinstance(value, dict):
            raise InputError(
                f"{where}:line {number}: expected a JSON object, got {_json_type(value)}"
            )
        any_record = True
        yield number, value
    if not any_record:
        raise InputError(f"{where}: file is empty (no JSON Lines record)")


def _jsonl_documents(
    lines: Iterable[tuple[int, str]], where: str, *, published: date | None
) -> Iterator[tuple[Document, str]]:
    for number, record in _jsonl_records(lines, where):
        line_where = f"{where}:line {number}"
        yield document_from_record(record, where=line_where, published=published), line_where


def _record_id(record: Mapping[str, Any], where: str) -> str:
    if "id" not in record:
        raise InputError(f'{where}: record has no "id" field')
    value = record["id"]
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f'{where}: "id" must be a string or an integer, got {_json_type(value)}')
    doc_id = str(value).strip()
    if not doc_id:
        raise InputError(f'{where}: "id" is empty')
    return doc_id


def _optional_string(record: Mapping[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'{where}: "{key}" must be a string, got {_json_type(value)}')
    return value.strip() or None


def _record_published(record: Mapping[str, Any], where: str) -> date | None:
    value = record.get("published")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'{where}: "published" must be a date string, got {_json_type(value)}')
    parsed = _parse_iso(value.strip())
    if parsed is None:
        raise InputError(
            f'{where}: "published" is not an ISO date (YYYY-MM-DD or a datetime): {value!r}'
        )
    return parsed


def _parse_iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        # Python 3.11 accepts "Z" and offsets; the date is taken as written, not converted.
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# --------------------------------------------------------------------------- datelines

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    # 2024-05-20 (also the date part of 2024-05-20T18:25:00Z)
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    # 20 May 2024, Monday 20 May 2024 18:25, 20th May, 2024
    re.compile(rf"(?<![\w.]){_DAY}\s+(?:of\s+)?{_MONTH}(?!\w),?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    # May 20, 2024; Sept. 3 2024; May 20th, 2024
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY}(?!\d),?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    # 20/05/2024 or 05/20/2024 (also with . or -), only when unambiguous
    re.compile(
        r"(?<![\d/.-])(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-](?P<year>(?:19|20)\d\d)(?!\d)"
    ),
)


# A month-day-year or month-year date ending a line, before an optional final period and an
# optional parenthesised credit ("..., Kyiv, March 3, 2022. (AP Photo/X)").
_TRAILING_DATE = re.compile(
    rf"(?<!\w){_MONTH}\s+(?:{_DAY},?\s+)?{_YEAR}\s*\.?\s*(?:\([^()]*\)\s*)?$", re.IGNORECASE
)
# Characters of a line's end in which a trailing date is looked for.
_TRAILING_REACH = 120


def trailing_date(line: str) -> int | None:
    """Where a date that ends ``line`` starts (month-day-year or month-year, then perhaps a
    period and a parenthesised credit), else ``None``.

    >>> trailing_date("Troops in Kyiv, Ukraine, March 3, 2022. (AP Photo/X)")
    25
    >>> trailing_date("Talks resume in June 2014.")
    16
    >>> trailing_date("Talks resume on Monday.") is None
    True
    """
    cut = max(0, len(line) - _TRAILING_REACH)
    match = _TRAILING_DATE.search(line, cut)
    return None if match is None else match.start()


def _first_date(line: str) -> date | None:
    """The earliest valid date in one line, whichever pattern finds it."""
    found: list[tuple[int, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            value = _date_from_match(match)
            if value is not None:
                found.append((match.start(), value))
                break
    return min(found)[1] if found else None


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if "a" in groups and groups.get("a") is not None:
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            return None  # 04/05/2024: 4 May or April 5? Do not guess.
    else:
        raw_month = groups["month"]
        month = int(raw_month) if raw_month.isdigit() else _MONTHS[raw_month.lower()]
        day = int(groups["day"])
    try:
        return date(year, month, day)
    except ValueError:
        return None
