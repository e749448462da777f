"""Photo captions yield no domestic facts and no facts made from the caption's place.

Rule: in a sentence of a caption line (:func:`geokg.extract.segments.caption_line`: "FILE -
...", a photo credit, or a line ending with a place and a date):

* an argument that only the caption's place gives is dropped, and with its last argument the
  candidate: a state taken from context (:data:`CONTEXT_ROUTES`: the state where the event
  happens, the home state of a domestic phrase), or a place named in the text
  (:data:`PLACE_ROUTES`) under a scene preposition ("in Bangkok", ``scene_preps``) or under
  no preposition (the closing "Hong Kong, July 1, 2014"): "A Ukrainian soldier talks to a
  man at a checkpoint near Slovyansk, May 7, 2014." is no fact about Ukraine, a caption's
  place says where the picture was taken, not who acted. A place under another preposition
  is an argument of the act and stays ("pulled its forces out of the Gaza Strip");
* a fact whose subject and object are (or act for) the same state is dropped: "A South Korean
  worker ... is helped by a South Korean woman ... in Paju, South Korea, April 8, 2013." is
  no KOR -> KOR event; a caption shows a scene, not a state acting on itself.

Facts between named actors of different states stay (at the caption's lower confidence:
:data:`geokg.extract.pipeline.CAPTION_FACTOR`).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from geokg.extract.lexicon import words
from geokg.extract.resolution import Resolved, Via
from geokg.extract.rules.base import Candidate, Draft

# Routes that always come from the story's or the scene's place, not from a name in the text.
CONTEXT_ROUTES = frozenset({Via.EVENT_PLACE, Via.HOME, Via.HOME_INSTITUTION})
# Routes of a place named in the text: the caption's place when it is the scene of the picture.
PLACE_ROUTES = frozenset({Via.CAPITAL, Via.CITY, Via.REGION, Via.LOCATION, Via.PLACE})


def caption_candidate(candidate: Candidate, doc: Doc) -> Candidate | None:
    """``candidate`` without its place-made arguments (see the module docstring); ``None``
    when a side has none left. ``doc``: the Doc the arguments' tokens index."""
    subjects = _named(candidate.subjects, doc)
    objects = _named(candidate.objects, doc)
    if not subjects or (candidate.objects and not objects):
        return None
    if subjects == candidate.subjects and objects == candidate.objects:
        return candidate
    return dataclasses.replace(candidate, subjects=subjects, objects=objects)


def caption_keeps(draft: Draft) -> bool:
    """Whether a caption's ``draft`` stays: not between two actors of one state."""
    state = draft.subject.country
    return state is None or state != draft.object.country


def _named(arguments: tuple[Resolved, ...], doc: Doc) -> tuple[Resolved, ...]:
    return tuple(a for a in arguments if not _from_place(a, doc))


def _from_place(argument: Resolved, doc: Doc) -> bool:
    """Whether ``argument`` is only the caption's place: a state from context, or a place
    named under a scene preposition ("in Bangkok", "near Slovyansk") or under none (the
    line's closing "Hong Kong, July 1, 2014")."""
    if argument.via in CONTEXT_ROUTES:
        return True
    if argument.via not in PLACE_ROUTES:
        return False
    for ancestor in doc[argument.token].ancestors:
        if ancestor.dep_ == "prep":
            return ancestor.lower_ in words().scene_preps
    return True
