"""Places: where an event happens, and where people or a group are.

:func:`event_place` reads the state where the event of a predicate happens off its location
phrases ("in/at/near <place>": "a minefield explosion near the town of Samarra killed ..."
-> IRQ); :func:`location` the state of a location phrase of a person or group noun
("demonstrators in Baghdad", "a group based in Trinidad"); :func:`event_location` where the
event of an argument happens ("students protested in Ankara"). Place nouns pass on the
location of their "of"/"in" phrase ("the town of Samarra", "a jail in Dili").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from geokg.extract.lexicon import words
from geokg.extract.naming import SUBJECT_DEPS
from geokg.extract.resolution import Resolved, Via
from geokg.model import Actor, ActorType

if TYPE_CHECKING:
    from geokg.extract.resolve import Resolver

# How the resolver names a place: a state, its capital, a city or a region.
_PLACE_VIAS = frozenset({Via.NAME, Via.ALIAS, Via.CODE, Via.ENTITY, Via.CAPITAL, Via.LOCATION})


def event_place(resolver: Resolver, predicate: Token) -> Resolved | None:
    """The state where the event of ``predicate`` (a verb or an event noun) happens.

    Read off its location phrases ("in/at/near <place>"): "a minefield explosion near
    the town of Samarra killed ..." -> IRQ, "killed in a car bomb explosion in eastern
    Beirut" -> LBN, "reimposed blockades in the West Bank" -> PSE, "clashes in the
    Iraqi capital" -> IRQ. The predicate's own phrases come first, then (for a verb)
    those of its subject and direct object ("A roadside bombing near Tikrit killed
    ..."). A place is a state, a capital, a city or a region, or a place noun owned
    by a state ("the Iraqi capital", "Lebanon's south"); place nouns pass on the
    location of their "of"/"in" phrase ("the town of Samarra", "a jail in Dili"), and
    other nouns that of their "in/at/near" phrase ("in an explosion in Beirut"). The
    result's ``token`` is the place's token, ``via`` is "event-place"; ``None`` when the
    clause says nowhere (an origin, "from Iraq", or a target, "an attack on Israel",
    is not where the event happens).
    """
    heads = [predicate]
    if predicate.pos_ in {"VERB", "AUX"}:
        heads.extend(c for c in predicate.children if c.dep_ in SUBJECT_DEPS | {"dobj"})
    for head in heads:
        found = place_phrase(resolver, head, depth=0, place_noun=False)
        if found is not None:
            return found
    if predicate.dep_ in {"conj", "advcl"} and predicate.head.pos_ in {"VERB", "AUX"}:
        # "... killed two youths and wounded five", "opened fire in X, killing six"
        return event_place(resolver, predicate.head)
    return None


def place_phrase(
    resolver: Resolver, token: Token, *, depth: int, place_noun: bool
) -> Resolved | None:
    """The first place found under the location phrases of ``token``."""
    preps = words().event_place_preps | {"of"} if place_noun else words().event_place_preps
    for child in token.children:
        if child.dep_ == "prt":  # "broke out in ..."
            found = place_phrase(resolver, child, depth=depth, place_noun=place_noun)
            if found is not None:
                return found
        if child.dep_ != "prep" or child.lower_ not in preps | {"on"}:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj":
                # "on" only leads to a place through a noun: "fire on a bus in X" (but
                # "an attack on Israel" is a target, not a place).
                found = place_in(resolver, pobj, depth=depth, through=child.lower_ == "on")
                if found is not None:
                    return found
    return None


def place_in(
    resolver: Resolver, token: Token, *, depth: int, through: bool = False
) -> Resolved | None:
    """The state a place token lies in, through place nouns and event nouns;
    ``through``: the token itself is no place, only what it leads to."""
    named = resolver.explicit(token)
    is_place_noun = token.lemma_.lower() in resolver.placed.places
    abroad = token.lemma_.lower() in words().foreign_sites  # its owner is not where it is
    is_place = named is not None and (
        named.via in _PLACE_VIAS or (is_place_noun and named.via == Via.AGENT_NOUN and not abroad)
    )
    if named is not None and is_place and named.actor.type == ActorType.STATE and not through:
        return Resolved(named.actor, 0.75, Via.EVENT_PLACE, token.i)
    if depth >= 3 or token.pos_ != "NOUN":
        return None
    if is_place_noun and not through and not abroad:
        for child in token.children:
            if child.dep_ == "appos":  # "the capital Kabul"
                found = place_in(resolver, child, depth=depth + 1)
                if found is not None:
                    return found
            elif child.dep_ in {"poss", "amod", "compound"}:  # "Lebanon's south"
                owner = resolver.modifier_actor(child)
                if owner is not None and owner.actor.type == ActorType.STATE:
                    return Resolved(owner.actor, 0.75, Via.EVENT_PLACE, token.i)
    return place_phrase(resolver, token, depth=depth + 1, place_noun=is_place_noun)


def location(resolver: Resolver, token: Token, *, depth: int) -> Actor | None:
    """The state of a location phrase of ``token``: "in Baghdad", "at a jail in Dili",
    "based in Trinidad", "affiliated with the Serbian Workers' Union"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in words().owner_location_preps | {"to"}:
            found = place_under(resolver, child, depth=depth)
            if found is not None:
                return found
        elif child.dep_ == "acl" and child.lemma_.lower() in words().placing_participles:
            for prep in child.children:
                if prep.dep_ in {"prep", "agent"}:
                    found = place_under(resolver, prep, depth=depth)
                    if found is not None:
                        return found
    return None


def place_under(resolver: Resolver, prep: Token, *, depth: int) -> Actor | None:
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        if depth < 2 and pobj.lemma_.lower() in words().conflict_nouns:
            # "parties to the conflict in Iraq", "factions in the war in Bosnia"
            return location(resolver, pobj, depth=depth + 1)
        if pobj.lemma_.lower() in words().foreign_sites:
            # "outside the Chinese embassy in Hanoi": where the embassy is, not its owner
            return location(resolver, pobj, depth=depth + 1) if depth < 2 else None
        place = resolver.explicit(pobj)
        if place is not None:
            actor = place.actor
            if actor.type == ActorType.PERSON:
                return None
            return actor
        if depth < 2 and pobj.lemma_.lower() in resolver.placed.places:
            return location(resolver, pobj, depth=depth + 1)
    return None


def _occupied_place(resolver: Resolver, place: Token) -> Actor | None:
    """A capital, city or region that people fill or occupy, or that owns what they occupy
    ("protesters filled central Kyiv", "occupying Kyiv's City Hall"): its state (not the
    state itself as an object: "protesters attacked Russia" places nothing)."""
    for named in (place, *(c for c in place.children if c.dep_ in {"poss", "compound"})):
        found = resolver.explicit(named)
        if found is not None and found.via in {Via.CAPITAL, Via.CITY, Via.LOCATION}:
            return found.actor if found.actor.type == ActorType.STATE else None
    return None


def event_location(resolver: Resolver, token: Token) -> Actor | None:
    """Where the event of the argument ``token`` happens: "Prisoners rioted at a jail in
    Dili", "police arrested students in Ankara", "troops fired on villagers in X"."""
    argument = token
    while argument.dep_ == "pobj" and argument.head.head.lemma_.lower() in words().quantity_heads:
        argument = argument.head.head  # "thousands of students"
    verb = argument.head
    if argument.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif argument.dep_ not in SUBJECT_DEPS | {"dobj"}:
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    where = location(resolver, verb, depth=0)
    for place in (c for c in verb.children if c.dep_ == "dobj" and c != argument):
        if where is None and place.lemma_.lower() in resolver.placed.places:
            where = location(resolver, place, depth=1)  # "blocked streets in Hong Kong"
        if where is None:
            where = _occupied_place(resolver, place)
    if where is None:
        # "students protested in the town of Sivas", "rioted in eastern Dili"
        found = place_phrase(resolver, verb, depth=0, place_noun=False)
        where = found.actor if found is not None else None
    return where
