"""Error types. Every error a user can cause is a :class:`GeokgError`; the CLI prints its
message on one line and exits non-zero, so messages must be complete sentences that need no
traceback to be understood."""

from __future__ import annotations

from collections.abc import Sequence


class GeokgError(Exception):
    """Base class of every error geokg reports to users."""

    exit_code: int = 1


class InputError(GeokgError):
    """A file, line or value given by the user cannot be read or understood."""


class OutputError(GeokgError):
    """A file the user asked geokg to write cannot be written (missing or unwritable
    directory, not a regular file, disk full)."""


class UnknownActorError(GeokgError):
    """A name, alias or code matches no actor of the gazetteer."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = (
            f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if suggestions else ""
        )
        super().__init__(f"unknown actor {name!r}{hint}")


class UnknownRelationError(GeokgError):
    """A relation name, IRI or CAMEO code matches no relation of the ontology."""


class QueryError(GeokgError):
    """A SPARQL query is malformed or not allowed (an update sent to a read-only command)."""


class StoreError(GeokgError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the on-disk store."""


class UnsupportedOperationError(StoreError):
    """A backend explicitly refuses an operation it does not offer."""


class RemoteStoreError(StoreError):
    """A remote SPARQL endpoint is unreachable, refuses authentication, times out or fails."""


class ModelLoadError(GeokgError):
    """The spaCy model cannot be loaded."""
