"""Helpers shared by the rule tests (imported as ``from rulehelpers import ...``, the way
``tests/`` imports ``browser`` and ``websites``)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from geokg.extract.rules import SentenceContext
from geokg.extract.rules.frames import frame_rule


def frame_pairs(doc: Doc, context: Callable[[Doc], SentenceContext]) -> list[tuple[str, str, str]]:
    """(relation, subject id, object id) of every subject and object pair of the frames
    rule's candidates on the whole of ``doc``, sorted."""
    return sorted(
        (c.relation, s.actor.id, o.actor.id)
        for c in frame_rule(doc[:], context(doc))
        for s in c.subjects
        for o in c.objects
    )
