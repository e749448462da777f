"""Exporting a knowledge graph (the whole store as RDF, or the fact network as GraphML or
GEXF) and importing RDF into one.

>>> import io
>>> from geokg.store import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> format_from_path("graph.nq"), format_from_path("net.GRAPHML"), format_from_path("x.bin")
('nquads', 'graphml', None)
>>> buffer = io.BytesIO()
>>> export(kg, buffer, "ntriples")
>>> buffer.getvalue()
b''
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

from geokg.errors import InputError
from geokg.store import KnowledgeGraph, RdfFormat, StatementFilter
from geokg.userfiles import (
    SNIFF_BYTES,
    STDIN,
    check_output_path,
    looks_binary,
    open_binary,
    os_reason,
    write_output,
)

if TYPE_CHECKING:
    from geokg.network import ActorProfiles

__all__ = [
    "EXPORT_FORMATS",
    "GRAPH_FORMATS",
    "RDF_FORMATS",
    "RdfFile",
    "export",
    "export_to",
    "format_from_path",
    "import_file",
    "open_rdf_file",
]

RDF_FORMATS = tuple(f.value for f in RdfFormat)
#: Network formats: the statements as a graph of actors (for Gephi and the like).
GRAPH_FORMATS = ("graphml", "gexf")
EXPORT_FORMATS = (*RDF_FORMATS, *GRAPH_FORMATS)


def format_from_path(path: str | os.PathLike[str] | None) -> str | None:
    """The export format a file name implies (``None``: cannot tell)."""
    if path is None:
        return None
    lowered = str(path).lower()
    for graph_format in GRAPH_FORMATS:
        if lowered.endswith("." + graph_format):
            return graph_format
    found = RdfFormat.from_path(lowered)
    return found.value if found else None


def export(
    kg: KnowledgeGraph,
    stream: IO[bytes],
    output_format: str,
    *,
    gazetteer: ActorProfiles | None = None,
) -> None:
    """Write the store in an RDF format, or its statements (denials included) as a network
    in a graph format; ``gazetteer`` adds actor profiles to network nodes."""
    chosen = output_format.lower()
    if chosen in GRAPH_FORMATS:
        from geokg.network import to_networkx, write_graph

        statements = kg.statements(StatementFilter(include_negated=True))
        write_graph(to_networkx(statements, gazetteer=gazetteer), stream, format=chosen)
    elif chosen in RDF_FORMATS:
        kg.export(stream, format=RdfFormat(chosen))
    else:
        raise InputError(f"unknown export format {output_format!r}; use one of {EXPORT_FORMATS}")
    stream.flush()


def export_to(
    kg: KnowledgeGraph,
    path: str | os.PathLike[str],
    output_format: str | None = None,
    *,
    gazetteer: ActorProfiles | None = None,
    stdout: IO[bytes] | None = None,
) -> str:
    """Export into a file (``-``: standard output) and return the format used: the one
    given, else the one the file name implies, else Turtle. The file is written only when
    the whole export succeeded (see :func:`geokg.userfiles.write_output`)."""
    chosen = (output_format or format_from_path(path) or RdfFormat.TURTLE.value).lower()
    if str(path) != STDIN:
        check_output_path(path)  # before the work, which can be long

    def write(stream: IO[bytes]) -> None:
        export(kg, stream, chosen, gazetteer=gazetteer)

    write_output(path, write, stdout=stdout)
    return chosen


class RdfFile:
    """An RDF file opened for import, known not to be empty (see :func:`open_rdf_file`)."""

    def __init__(self, path: str | os.PathLike[str], rdf_format: RdfFormat) -> None:
        self.path = path
        self.format = rdf_format
        self._stream = open_binary(path)
        try:
            head = self._stream.read(SNIFF_BYTES)
            self._stream.seek(0)
        except OSError as error:
            self._stream.close()
            raise InputError(f"{path}: cannot read file ({os_reason(error)})") from None
        if not head:
            self._stream.close()
            raise InputError(f"{path}: the file is empty: nothing to import")
        if looks_binary(head):  # every RDF format geokg reads is text
            self._stream.close()
            raise InputError(f"{path}: binary data, not a text file")

    def load_into(self, kg: KnowledgeGraph) -> int:
        """Bulk-load the file, all or nothing; the number of triples it added."""
        before = kg.stats()["triples"]
        kg.load(self._stream, format=self.format)
        return kg.stats()["triples"] - before

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> RdfFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_rdf_file(path: str | os.PathLike[str], input_format: str | None = None) -> RdfFile:
    """Open an RDF file to import, its format given or implied by its name."""
    chosen = (input_format or format_from_path(path) or "").lower()
    if chosen not in RDF_FORMATS:
        raise InputError(
            f"cannot tell the RDF format of {path} from its extension: give the format "
            f"({', '.join(RDF_FORMATS)})"
        )
    return RdfFile(path, RdfFormat(chosen))


def import_file(
    kg: KnowledgeGraph, path: str | os.PathLike[str], input_format: str | None = None
) -> int:
    """Load an RDF file (for example an export) with the backend's bulk loader, all or
    nothing, and return the number of triples it added."""
    with open_rdf_file(path, input_format) as rdf:
        return rdf.load_into(kg)
