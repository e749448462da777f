"""Kinds of object a lexicon frame may demand (``object_kinds`` in ``verbs.json``).

The frames rule (:mod:`geokg.extract.rules.frames`) keeps only the objects of the kinds a
frame names: "actor", an object that names an actor itself, "person", people, and
"noncombatant", people who take no part in fighting (``noncombatants`` in ``words.json``). Other
kinds some frames list ("organisation", "collective", "military") are descriptive only:
:func:`checks_kinds` says which frames are checked.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from geokg.extract.lexicon import words
from geokg.extract.naming import conjuncts
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver
from geokg.model import ActorType

# Kinds of object a frame may demand (``object_kinds`` in ``verbs.json``): "actor", an object
# naming an actor ("feared Russia"), not a place ("floods in Russia") nor an owner ("Russia's
# economy"); "person", an actor named as people (a person, officials, soldiers, protesters),
# not a state or an organisation by its name ("beat protesters", not "beat Argentina 2-1").
# "noncombatant": an object named with a noun of people who take no part in fighting
# ("hundreds of civilians", "thousands of people"; not "hundreds of fighters").
ACTOR_KIND = "actor"
PERSON_KIND = "person"
NONCOMBATANT_KIND = "noncombatant"
CHECKED_KINDS = frozenset({ACTOR_KIND, PERSON_KIND, NONCOMBATANT_KIND})
NOT_NAMING_ACTOR = frozenset(
    {Via.LOCATION, Via.CITY, Via.REGION, Via.EVENT_PLACE, Via.PLACE, Via.OWNER, Via.HOME}
)
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "npadvmod"})
PEOPLE_ROUTES = frozenset({Via.PERSON, Via.TITLE, Via.SURNAME, Via.AGENT_NOUN, Via.OFFICE})


def checks_kinds(kinds: tuple[str, ...]) -> bool:
    """The frame's object kinds are ones the rules check (others are descriptive only)."""
    return bool(kinds) and set(kinds) <= CHECKED_KINDS


def named_actors(
    objects: tuple[Resolved, ...],
    fillers: Iterable[Token],
    resolver: Resolver,
    kinds: tuple[str, ...] = (ACTOR_KIND,),
) -> tuple[Resolved, ...]:
    """The objects that one of the frame's slot fillers (or one of their conjuncts) names
    itself: not a place standing for its state (a city, a region, the place of the
    event), nor the owner or a modifier of a thing ("Russia's economy", "government
    buildings", "his authority"); for the "person" kind only, people.

    Emotion, perception and evaluation verbs ("mourn", "contain", "destroy" an enemy) code
    an act on an actor only when their object is that actor; on a place or a thing they
    code nothing. Bodily acts ("beat") need people: a state or a team beaten is a match.
    Mass killings need noncombatants: the filler itself must be a ``noncombatants`` noun
    ("killed hundreds of civilians"), so "killed hundreds of fighters" is no mass killing."""
    if NONCOMBATANT_KIND in kinds:
        # People are victims wherever they are named from ("civilians in Bentiu").
        noncombatants = words().noncombatants
        victims = {
            r.actor
            for f in fillers
            for c in conjuncts(f)
            if c.lemma_.lower() in noncombatants
            for r in resolver.actors(c)
        }
        return tuple(o for o in objects if o.actor in victims)
    people = PERSON_KIND in kinds and ACTOR_KIND not in kinds
    named = {
        r.actor
        for f in fillers
        for c in conjuncts(f)
        for r in resolver.actors(c, as_modifier=c.dep_ in MODIFIER_DEPS)
        if r.via not in NOT_NAMING_ACTOR
        and (not people or r.via in PEOPLE_ROUTES or r.actor.type == ActorType.PERSON)
    }
    return tuple(o for o in objects if o.actor in named)
