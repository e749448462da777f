"""Embedded Oxigraph backend: on disk (the default) or in memory (tests, notebooks).

**Recovery after a crash.** Oxigraph keeps recent writes in RocksDB's write-ahead log until
they are flushed. A writer that dies without closing (SIGKILL, power loss) leaves that log to
be replayed, and a read-only open replays it again every time without saving the result (a
3-million-triple import cost each read-only command over a minute and 3 GB), until some
write opens the store. So a writing geokg process marks the store directory with
``WRITER_MARK`` once it holds the lock and removes the mark after its final flush; a
read-only open that finds the mark left behind first opens the store for writing once, which
recovers it for good, flushes and removes the mark. While a live writer holds the lock the
read-only open simply reads (as Oxigraph allows), and a store the process may not write to
is read as it is.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from geokg.errors import QueryError, StoreError, StoreLockedError
from geokg.store.base import Capabilities, QueryResult, RdfFormat, result_from_oxigraph

if TYPE_CHECKING:
    import rdflib

#: The file a writing geokg process keeps in the store directory while it has the store open.
WRITER_MARK = "geokg-writer-open"

_log = logging.getLogger(__name__)


def _open_error(path: Path, error: OSError) -> StoreError:
    message = str(error)
    if "LOCK" in message or "lock" in message:
        return StoreLockedError(
            f"the store {path} is in use by another geokg process; wait for it to finish"
        )
    return StoreError(f"cannot open the store {path}: {message.splitlines()[0]}")


class OxigraphBackend:
    """pyoxigraph ``Store``: each SPARQL update and each ``extend`` is a transaction."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.location = str(path) if path is not None else ":memory:"
        self._path = Path(path) if path is not None else None
        self.capabilities = Capabilities(
            persistent=path is not None,
            writable=not read_only,
            transactional_updates=True,
            bulk_load=True,
            rdflib_graph=True,
        )
        self._store = self._open(read_only)

    def _open(self, read_only: bool) -> ox.Store:
        if self._path is None:
            return ox.Store()
        if self._path.exists() and not self._path.is_dir():
            raise StoreError(f"the store path {self._path} is a file, not a store directory")
        if read_only and not self._path.exists():
            raise StoreError(f"no store at {self._path}: ingest something first (geokg ingest)")
        try:
            if read_only:
                self._recover_if_needed()
                return ox.Store.read_only(str(self._path))
            store = ox.Store(str(self._path))
        except OSError as error:
            raise _open_error(self._path, error) from None
        with contextlib.suppress(OSError):  # a store we cannot mark is still usable
            (self._path / WRITER_MARK).touch()
        return store

    def _recover_if_needed(self) -> None:
        """Replay and flush the write-ahead log a crashed writer left, once (see the module
        documentation); nothing happens when the last writer closed the store cleanly."""
        assert self._path is not None
        mark = self._path / WRITER_MARK
        if not mark.exists():
            return
        try:
            store = ox.Store(str(self._path))
        except OSError:
            return  # a live writer holds the lock, or the store is not ours to write
        _log.info("recovering %s after an unclean shutdown", self._path)
        store.flush()
        del store
        with contextlib.suppress(OSError):
            mark.unlink()

    @property
    def store(self) -> ox.Store:
        """The underlying pyoxigraph store, for native bulk paths."""
        return self._store

    def query(
        self, sparql: str, *, max_rows: int | None = None, timeout: float | None = None
    ) -> QueryResult:
        """``timeout`` is not enforced here (Oxigraph has none): see
        :func:`geokg.query_limits.run_query`."""
        try:
            return result_from_oxigraph(self._store.query(sparql), max_rows=max_rows)
        except SyntaxError as error:
            raise QueryError(f"malformed SPARQL query: {_one_line(error)}") from None
        except (OSError, RuntimeError) as error:
            raise StoreError(f"query failed: {_one_line(error)}") from None

    def update(self, sparql: str) -> None:
        if not self.capabilities.writable:
            raise StoreError(f"the store {self.location} is open read-only")
        try:
            self._store.update(sparql)
        except SyntaxError as error:
            raise QueryError(f"malformed SPARQL update: {_one_line(error)}") from None
        except (OSError, RuntimeError) as error:
            # An operation failing midway (DROP GRAPH of a missing graph, ...) aborts the
            # whole update: Oxigraph runs it in one transaction.
            raise StoreError(f"update failed, nothing was written: {_one_line(error)}") from None

    def load(self, data: IO[bytes], *, format: RdfFormat) -> None:
        try:
            if format.supports_datasets:
                self._store.load(data, format=format.oxigraph)
            else:
                self._store.load(data, format=format.oxigraph, to_graph=ox.DefaultGraph())
        except SyntaxError as error:
            raise StoreError(f"invalid {format.value} data, nothing was loaded: {error}") from None

    def dump(self, output: IO[bytes], *, format: RdfFormat) -> None:
        if format.supports_datasets:
            self._store.dump(output, format=format.oxigraph, prefixes=_prefixes())
        else:
            self._store.dump(
                output, format=format.oxigraph, from_graph=ox.DefaultGraph(), prefixes=_prefixes()
            )

    def rdflib_graph(self) -> rdflib.Graph:
        import rdflib
        from oxrdflib import OxigraphStore

        # The default graph, not a fresh named graph: that is where geokg writes.
        return rdflib.Graph(
            store=OxigraphStore(store=self._store),
            identifier=rdflib.graph.DATASET_DEFAULT_GRAPH_ID,
        )

    def flush(self) -> None:
        if self.capabilities.persistent and self.capabilities.writable:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store
        if self._path is not None and self.capabilities.writable:
            with contextlib.suppress(OSError):
                (self._path / WRITER_MARK).unlink()


def _one_line(error: Exception) -> str:
    """Oxigraph's syntax errors list the expected tokens over several lines; geokg errors
    are one line."""
    return " ".join(str(error).split())


def _prefixes() -> dict[str, str]:
    from geokg.rdf import PREFIXES

    return dict(PREFIXES)
