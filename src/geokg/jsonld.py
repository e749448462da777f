"""JSON-LD with a context: geokg's prefixes in ``@context``, compact IRIs in the body.

Oxigraph writes *expanded* JSON-LD (a top-level array of node objects with full IRIs). This
module rewrites it as ``{"@context": {...}, "@graph": [...]}`` where property names, ``@id``
and ``@type`` values use the predeclared prefixes (``geokg:subject``, ``actor:IRN``,
``xsd:date``), one node object at a time, so a whole-store export stays in bounded memory.
Any JSON-LD processor expands it back to the same triples.

>>> import io
>>> expanded = b'[{"@id": "https://w3id.org/geokg/actor/IRN", '
>>> expanded += b'"http://www.w3.org/2000/01/rdf-schema#label": [{"@value": "Iran"}]}]'
>>> out = io.BytesIO()
>>> compact_stream(io.BytesIO(expanded), out)
>>> data = json.loads(out.getvalue())
>>> data["@context"]["actor"], data["@graph"]
('https://w3id.org/geokg/actor/', [{'@id': 'actor:IRN', 'rdfs:label': [{'@value': 'Iran'}]}])
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from geokg.errors import StoreError
from geokg.namespace import PREFIXES

__all__ = ["CONTEXT", "compact", "compact_stream"]

#: The ``@context`` of geokg's JSON-LD: its prefixes.
CONTEXT: Mapping[str, str] = PREFIXES
_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
_KEYS_WITH_IRIS = ("@id", "@type")
_CHUNK = 1 << 16


def compact_iri(iri: str) -> str:
    """``prefix:local`` when a prefix fits (and the result cannot be read otherwise).

    >>> compact_iri("https://w3id.org/geokg/ontology#subject"), compact_iri("http://x.org/a")
    ('geokg:subject', 'http://x.org/a')
    """
    for prefix, namespace in _LONGEST_FIRST:
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if local and not local.startswith("//"):
                return f"{prefix}:{local}"
            return iri
    return iri


def compact(value: Any) -> Any:
    """An expanded JSON-LD value with its IRIs compacted (keys, ``@id``, ``@type``)."""
    if isinstance(value, list):
        return [compact(item) for item in value]
    if not isinstance(value, dict):
        return value
    compacted: dict[str, Any] = {}
    for key, item in value.items():
        if key in _KEYS_WITH_IRIS:
            compacted[key] = (
                [compact_iri(t) for t in item]
                if isinstance(item, list)
                else (
                    compact_iri(item)
                    if isinstance(item, str) and not item.startswith("_:")
                    else item
                )
            )
        elif key.startswith("@"):
            compacted[key] = item if key == "@value" else compact(item)
        else:
            compacted[compact_iri(key)] = compact(item)
    return compacted


def compact_stream(expanded: IO[bytes], output: IO[bytes]) -> None:
    """Rewrite a stream of expanded JSON-LD (one top-level array, as Oxigraph writes it)
    with :data:`CONTEXT`, one node object in memory at a time. A document that is not an
    array (a server that compacts itself) is copied as it is."""
    start = expanded.read(_CHUNK)
    if start.lstrip()[:1] not in (b"[", b""):
        output.write(start)
        while chunk := expanded.read(_CHUNK):
            output.write(chunk)
        return
    head = json.dumps({"@context": dict(CONTEXT)}, indent=1)[:-2]  # without the last "}"
    output.write(f'{head},\n "@graph": ['.encode())
    rest = io.BufferedReader(_Chain(start, expanded))
    for index, node in enumerate(_array_items(rest)):
        separator = ",\n  " if index else "\n  "
        output.write((separator + json.dumps(compact(node), ensure_ascii=False)).encode())
    output.write(b"\n ]\n}\n")


class _Chain(io.RawIOBase):
    """Bytes already read, then the rest of a stream."""

    def __init__(self, head: bytes, tail: IO[bytes]) -> None:
        self._head = head
        self._tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._head[: len(buffer)] or self._tail.read(len(buffer))
        self._head = self._head[len(data) :] if self._head else b""
        buffer[: len(data)] = data
        return len(data)


def _array_items(stream: IO[bytes]) -> Iterator[Any]:
    """The items of a top-level JSON array, decoded one at a time from a byte stream."""
    reader = io.TextIOWrapper(stream, encoding="utf-8")
    decoder = json.JSONDecoder()
    buffer = ""
    position = 0
    exhausted = False

    def more(size: int) -> bool:
        nonlocal buffer, position, exhausted
        chunk = reader.read(size)
        buffer = buffer[position:] + chunk
        position = 0
        exhausted = not chunk
        return bool(chunk)

    def skip_space() -> str:
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position].isspace():
                position += 1
            if position < len(buffer):
                return buffer[position]
            if not more(_CHUNK):
                return ""

    if skip_space() != "[":
        if not buffer.strip() and exhausted:
            return  # nothing at all: no node
        raise StoreError("unexpected JSON-LD from the store: not an array")
    position += 1
    first = True
    while True:
        token = skip_space()
        if token == "]":
            return
        if not first:
            if token != ",":
                raise StoreError("unexpected JSON-LD from the store: expected ','")
            position += 1
            skip_space()
        size = _CHUNK
        while True:
            try:
                item, end = decoder.raw_decode(buffer, position)
                break
            except json.JSONDecodeError:
                if not more(size):
                    raise StoreError("unexpected JSON-LD from the store: truncated") from None
                size *= 2
        position = end
        first = False
        yield item
