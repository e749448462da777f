"""Packaged data files (gazetteer, lexicons, sample articles and facts, ontology).

>>> data_path("articles").is_dir()
True
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path


def data_file(*parts: str) -> Traversable:
    """A packaged file or folder under ``geokg/data`` (the repository's ``data/``)."""
    node = files("geokg") / "data"
    for part in parts:
        node = node / part
    return node


def ontology_file(name: str) -> Traversable:
    """A packaged file under ``geokg/ontology`` (the repository's ``ontology/``)."""
    return files("geokg") / "ontology" / name


def data_path(*parts: str) -> Path:
    """A real filesystem path to packaged data, for APIs and users that need one (the
    package is installed from a directory, never zipped)."""
    with as_file(data_file(*parts)) as path:
        return Path(path)
