"""Verb frames read in two other shapes than a clause with its own arguments.

* A past participle modifying an event noun, its doer named before a hyphen or in a "by"
  phrase: "AU-mediated talks between Sudan and South Sudan" (:func:`participle_candidates`).
* A reciprocal object: "Armenia and Azerbaijan accused each other" gives each side's act on
  the other (:func:`reciprocal_candidates`, and :func:`each_to_each` for a frame whose
  object slot holds "each other").

Used by the frames family (:mod:`geokg.extract.rules.frames`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from geokg.extract.lexicon import Frame, Lexicon
from geokg.extract.resolution import Resolved
from geokg.extract.resolve import Resolver
from geokg.extract.rules.base import Candidate
from geokg.extract.syntax import _is_passive, logical_subject, slot_tokens
from geokg.extract.targets import _same_mention, _subject_actors, _symmetric_family

PARTICIPLE_STRENGTH = 0.85


def participle_candidates(verb: Token, lexicon: Lexicon, resolver: Resolver) -> Iterator[Candidate]:
    """A past participle modifying an event noun, with its doer named before a hyphen or
    in a "by" phrase: the noun is its object.

    Rule: "AU-mediated talks between Sudan and South Sudan" is "the AU mediated talks between
    Sudan and South Sudan" (african_union mediatesFor SDN and SSD), "talks brokered by Qatar
    between X and Y" likewise: the verb's frame reads its "dobj" slots from the modified
    noun. A participle with no named doer ("the disputed islands"), no frame, or on a noun
    that names no event ("Iran-backed rebels") gives nothing.
    """
    noun = verb.head
    if (
        verb.tag_ != "VBN"
        or verb.dep_ not in {"amod", "acl"}
        or noun.pos_ not in {"NOUN", "PROPN"}
        or noun.lemma_.lower() not in lexicon.nouns
    ):
        return  # "Iran-backed rebels": a stance on people, no event
    doc = verb.doc
    doers = [
        c
        for c in verb.children
        if c.dep_ in {"npadvmod", "compound", "nmod", "nsubj"}
        and c.i + 2 == verb.i
        and doc[c.i + 1].text == "-"
    ] + slot_tokens(verb, "agent")
    subjects: tuple[Resolved, ...] = ()
    for doer in doers:
        subjects = tuple(resolver.actors(doer, as_modifier=doer.dep_ != "pobj"))
        if subjects:
            break
    if not subjects:
        return
    for frame in lexicon.verbs.get(lexicon.lemma(verb), ()):
        if frame.particle is not None:
            continue
        objects: tuple[Resolved, ...] = ()
        for slot in frame.object:
            head, _, rest = slot.partition(">")
            if head == "dobj" and rest:
                fillers = slot_tokens(noun, rest)
            elif head == "dobj":
                fillers = [noun]
            else:
                fillers = slot_tokens(verb, slot)
            objects = tuple(
                r
                for f in fillers
                for r in resolver.actors(f)
                if not _same_mention(r, subjects) and r.actor not in {s.actor for s in subjects}
            )
            if objects:
                break
        if objects:
            yield Candidate(
                verb, verb, frame, frame.relation, subjects, objects, None, PARTICIPLE_STRENGTH
            )
            return


RECIPROCAL_STRENGTH = 0.8

MAX_RECIPROCAL_SIDES = 4


def reciprocal_object(verb: Token, frame: Frame, lexicon: Lexicon, *, passive: bool) -> bool:
    """An object slot of the frame filled by "each other" / "one another"."""
    for slot in frame.object:
        for filler in slot_tokens(verb, slot, passive=passive):
            phrase = {filler.lower_} | {c.lower_ for c in filler.children}
            if any(set(p.split()) <= phrase for p in lexicon.reciprocal_pronouns):
                return True
    return False


def each_to_each(
    predicate: Token,
    frame: Frame,
    relation: str,
    subjects: tuple[Resolved, ...],
    strength: float,
) -> Iterator[Candidate]:
    """One candidate per ordered pair of distinct sides (one per unordered pair for a
    symmetric relation), the first four sides only; a side named as another's own ("X and
    its allies", "Kagame and his party") is no side of its own."""
    sides: list[Resolved] = []
    doc = predicate.doc
    for side in subjects:
        own = 0 <= side.token < len(doc) and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in doc[side.token].children
        )
        if not own and all(side.actor != s.actor for s in sides):
            # "Kagame and his party", "X and its allies": one side, not two.
            sides.append(side)
    sides = sides[:MAX_RECIPROCAL_SIDES]
    symmetric = _symmetric_family(relation)
    for i, first in enumerate(sides):
        for j, second in enumerate(sides):
            if i == j or (symmetric and j < i):
                continue
            yield Candidate(
                predicate, predicate, frame, relation, (first,), (second,), None, strength
            )


def reciprocal_candidates(verb: Token, lexicon: Lexicon, resolver: Resolver) -> Iterator[Candidate]:
    """A mutual predicate with a plural subject and no object acts each side toward the
    other.

    Rule: a verb listed in ``reciprocal.verbs`` (``light_verbs.json``: agree, pledge, ...)
    whose logical subject resolves to two or more distinct actors ("The United States and
    the Philippines have agreed on five locations", "The presidents of Sudan and South Sudan
    agreed to set up a border zone") and that no frame gave an object, gives the listed
    relation from each side to each other side. A single actor ("Iran agreed to talks"), a
    passive or an object of its own ("X and Y agreed with Z", the frame's fact) give none.
    """
    relation = lexicon.reciprocal_verbs.get(lexicon.lemma(verb))
    if relation is None or _is_passive(verb):
        return
    subjects: tuple[Resolved, ...] = ()
    for subject_token in logical_subject(verb):
        subjects = _subject_actors(subject_token, resolver)
        if subjects:
            break
    if len({s.actor for s in subjects}) < 2:
        return
    frame = Frame(lexicon.lemma(verb), "VERB", relation, (), ("nsubj",))
    yield from each_to_each(verb, frame, relation, subjects, RECIPROCAL_STRENGTH)
