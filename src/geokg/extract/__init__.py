"""News text to cited facts: spaCy pipeline, actor resolution, relation rules, modality.

The names below are imported lazily so that ``import geokg.extract.documents`` does not pay
for importing spaCy; the model itself is only loaded when an :class:`Extractor` first runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geokg.extract.pipeline import Extractor, build_pipeline, load_model

__all__ = ["Extractor", "build_pipeline", "load_model"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from geokg.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'geokg.extract' has no attribute {name!r}")
