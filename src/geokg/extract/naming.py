"""Helpers of actor resolution: placed nouns, gazetteer records as actors, name shapes.

Functions of tokens that need no document state: conjuncts, surname forms ("Sanchez de
Lozada", "bin Laden"), given names, parenthesised acronyms, stance prefixes ("anti-Syria"),
group nominals ("the militia"), envoys, mis-parsed participles.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources

from spacy.tokens import Span, Token

from geokg.actors.records import ActorRecord
from geokg.extract.lexicon import words
from geokg.model import Actor, ActorType

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True, slots=True)
class PlacedNouns:
    """Nouns whose actor is given by where they are (from ``actor_nouns.json``).

    ``located``: people and groups coded by a location phrase of their own ("demonstrators
    in Baghdad", "prisoners at a jail in Dili", "a newspaper based in Beirut").
    ``home``: institutions of a state that wire text names without it ("the police", "the
    opposition", "parliament", "opposition leaders"): the state the sentence is about.
    ``residents``: civilians also coded by the location of what they do ("students
    protested in Ankara"); refugees, migrants and soldiers are not, they are elsewhere by
    definition. ``places``: nouns of places that pass a location on ("a jail in Dili").
    """

    located: frozenset[str]
    residents: frozenset[str]
    places: frozenset[str]
    home: frozenset[str] = frozenset()


@functools.cache
def placed_nouns() -> PlacedNouns:
    """The packaged lists of :class:`PlacedNouns` (read once per process)."""
    path = resources.files("geokg") / "data" / "lexicon" / "actor_nouns.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return PlacedNouns(
        located=frozenset(data.get("located", ())),
        residents=frozenset(data.get("residents", ())),
        places=frozenset(data.get("places", ())),
        home=frozenset(data.get("home", ())),
    )


def _record_actor(record: ActorRecord | None, on: date | None) -> Actor | None:
    if record is None:
        return None
    actor = record.to_actor(on=on)
    if actor.type == ActorType.PERSON and actor.country is None and on is not None:
        # A person who no longer holds office on the publication date (or died the day
        # before) still acted for their state in what the article reports.
        undated = record.to_actor(on=None)
        if undated.country is not None:
            return undated
    return actor


GROUP_TYPES = frozenset({ActorType.ARMED_GROUP, ActorType.POLITICAL_GROUP})


def _is_group_nominal(token: Token) -> bool:
    """A bare definite "the group"/"the militia" (no modifier naming who it is)."""
    if token.lemma_.lower() not in words().group_nominals or token.ent_iob_ in {"B", "I"}:
        return False
    dets = [c for c in token.children if c.dep_ == "det"]
    others = [c for c in token.children if c.dep_ in {"amod", "compound", "poss", "prep", "nmod"}]
    return bool(dets) and dets[0].lower_ in {"the", "this"} and not others


def _envoy(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in words().envoy_nouns or (
        lemma == "minister" and any(c.lower_ == "foreign" for c in token.children)
    )


def _misparsed_participle(token: Token) -> bool:
    """A subject participle that has a subject of its own ("The Red Cross operating in Iraq
    said", "Rebels fighting in the north said"): a reduced relative clause mis-parsed."""
    return (
        token.dep_ in {"nsubj", "nsubjpass"}
        and token.tag_ in {"VBG", "VBN"}
        and any(c.dep_ == "nsubj" for c in token.children)
    )


def _bisect(starts: list[int], index: int) -> int:
    import bisect

    return bisect.bisect_right(starts, index) - 1


def span_tokens(span: Span) -> range:
    return range(span.start, span.end)


def conjuncts(token: Token) -> Iterable[Token]:
    """The token and the tokens coordinated with it ('the US and Britain')."""
    yield token
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            yield from conjuncts(child)


def _modifiers(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]


def _conjoined(token: Token) -> Iterable[Token]:
    """The tokens coordinated with ``token`` (any part of speech), excluding itself."""
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjoined(child)


def _parenthesised_appos(token: Token) -> bool:
    """An apposition in brackets right after its head's phrase: "Union (NUT)"."""
    if token.dep_ != "appos" or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    doc = token.doc
    return doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


def _surname_forms(token: Token) -> list[str]:
    """Surname forms ending at ``token``, longest first: "Sanchez de Lozada", "Ben Ali",
    "de Klerk", then "Lozada". Earlier terms count only as a name's terms (a capitalised
    name word or a particle) that no other mention has claimed."""
    doc = token.doc
    forms = []
    for size in (3, 2):
        start = token.i - size + 1
        if start < 0:
            continue
        terms = doc[start : token.i]
        if all(
            (w.pos_ == "PROPN" and w.is_title) or w.lower_ in words().surname_particles
            for w in terms
        ):
            forms.append(doc[start : token.i + 1].text)
    return [*forms, token.text]


def _with_given_name(
    token: Token, people: list[ActorRecord], *, titles: frozenset[str]
) -> list[ActorRecord]:
    """Only the people whose name has the given name written right before the surname:
    "Farid Zarif" is not "Javad Zarif" (a bare "Zarif", "President Zarif" may be either)."""
    given = [
        c.lower_
        for c in token.children
        if c.dep_ == "compound"
        and c.pos_ == "PROPN"
        and c.is_title
        and c.i == token.i - 1
        and c.lower_.rstrip(".") not in titles
        and c.lower_ not in titles
    ]
    if not given:
        return people
    kept = []
    for person in people:
        names = (person.label, *person.names, *person.aliases)
        terms = {w.lower() for name in names for w in name.replace("-", " ").split()}
        if given[0] in terms:
            kept.append(person)
    return kept


def _stance_prefixed(start: Token) -> bool:
    """Whether the name starting at ``start`` follows a stance prefix: "anti-Syria",
    "pro-Iranian" (spaCy splits the hyphen off)."""
    doc = start.doc
    return (
        start.i >= 2 and doc[start.i - 1].text == "-" and doc[start.i - 2].lower_ in {"anti", "pro"}
    )


def _other_state(actor: Actor, people: Actor) -> bool:
    return actor.type == ActorType.STATE and actor != people
