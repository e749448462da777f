"""Cross-sentence event coreference: "Iran condemned the strikes" -> who struck.

A *reaction* is a verb of evaluation ("condemned", "welcomed", "protested against") or a
light verb with an attitude noun ("expressed concern about", "voiced support for") whose
object is an *event noun* ("the strikes", "the drills", "the measures", "the decision") with
no author of its own (no possessive, no "by" phrase, no demonym: "the Russian strikes" is
handled by the relation rules). Its target is the agent of the latest earlier event of the
same class, within :data:`EVENT_WINDOW` sentences:

* a fact whose CAMEO root belongs to the class (strikes -> 18-20, sanctions -> 16-17,
  drills -> 15, a decision -> any material root), or
* a verb mention: a verb of the class ("The US struck ...") or any verb whose object is a
  noun of the class ("China launched drills", "warships surrounded the island in
  exercises"), with its resolved subject, or
* a noun mention: an *owned* event noun, whose author the phrase names (:func:`authors`:
  "North Korea's latest nuclear test", "the Chinese deployment", "the strikes by the
  coalition", "the drills carried out by China"), with that author as agent; so "Leaders
  condemned North Korea's latest nuclear test. ... Japan called the test a threat" targets
  North Korea.

The word lists are data (``event_coreference`` in ``data/lexicon/modality.json``). The
pipeline keeps the history (facts and verb mentions of earlier sentences) and turns each
:class:`Reaction` into a candidate with the antecedent agents as objects.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from spacy.tokens import Span, Token

from geokg.errors import GeokgError
from geokg.extract.lexicon import words
from geokg.extract.syntax import _child_index, children_labelled
from geokg.model import Actor

# Sentences back (including the current one) in which a reaction looks for its event.
EVENT_WINDOW = 6
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


class EventLexiconError(GeokgError):
    """The packaged event coreference lexicon is malformed."""


@dataclass(frozen=True, slots=True)
class EventClass:
    """A kind of event that can be referred back to by a bare noun."""

    name: str
    nouns: frozenset[str]
    verbs: frozenset[str]
    roots: frozenset[str]  # empty: any root outside words().verbal_roots

    def matches_root(self, root: str) -> bool:
        if self.roots:
            return root in self.roots
        return root not in words().verbal_roots


@dataclass(frozen=True, slots=True)
class EventLexicon:
    classes: tuple[EventClass, ...]
    reaction_verbs: Mapping[str, str]
    reaction_nouns: Mapping[str, str]
    light_verbs: frozenset[str]
    # Nouns whose possessor usually undergoes the event ("Navalny's arrest").
    patient_possessor_nouns: frozenset[str] = frozenset()
    # Every class's nouns and the last parts of its hyphenated ones ('fire' of 'cease-fire'):
    # the words a sentence's candidate event nouns are looked up by (filled by the loader).
    nouns: frozenset[str] = frozenset()

    def classes_of_noun(self, lemma: str) -> tuple[EventClass, ...]:
        return tuple(c for c in self.classes if lemma in c.nouns)

    def classes_of_verb(self, lemma: str) -> tuple[EventClass, ...]:
        return tuple(c for c in self.classes if lemma in c.verbs)


@functools.cache
def load_event_lexicon() -> EventLexicon:
    """The ``event_coreference`` block of the packaged modality lexicon (read once)."""
    resource = files("geokg") / "data" / "lexicon" / "modality.json"
    try:
        data: Any = json.loads(resource.read_text(encoding="utf-8"))["event_coreference"]
        classes = tuple(
            EventClass(
                name,
                frozenset(entry["nouns"]),
                frozenset(entry["verbs"]),
                frozenset(entry["roots"]),
            )
            for name, entry in data["classes"].items()
        )
        return EventLexicon(
            classes,
            MappingProxyType(dict(data["reaction_verbs"])),
            MappingProxyType(dict(data["reaction_nouns"])),
            frozenset(data["reaction_light_verbs"]),
            frozenset(data["patient_possessor_nouns"]),
            frozenset(
                part for c in classes for noun in c.nouns for part in (noun, noun.split("-")[-1])
            ),
        )
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise EventLexiconError(f"malformed event coreference lexicon: {error}") from error


@dataclass(frozen=True, slots=True)
class Reaction:
    """'X condemned the strikes': the reacting verb, its relation and the event noun."""

    verb: Token
    relation: str
    noun: Token
    classes: tuple[EventClass, ...]


@dataclass(frozen=True, slots=True)
class EventMention:
    """An event told by a verb ('The US struck ...'), with the actors who did it."""

    start: int  # start character of the sentence
    token: int
    classes: frozenset[str]
    agents: tuple[Actor, ...]
    lemmas: frozenset[str] = frozenset()  # the verb's and its event objects' lemmas


def event_lemma(token: Token) -> str:
    """The lemma an event noun is looked up by. Rule: a noun the tokenizer split at a hyphen
    ('cease-fire' -> 'cease', '-', 'fire'; 'build-up', 'pull-out') is its whole hyphenated
    word when it is written without spaces."""
    lemma = token.lemma_.lower()
    if token.i >= 2:
        hyphen = token.doc[token.i - 1]
        first = token.doc[token.i - 2]
        if hyphen.text == "-" and not hyphen.whitespace_ and not first.whitespace_:
            return f"{first.lower_}-{lemma}"
    return lemma


def _pobjs(token: Token, preps: frozenset[str]) -> list[Token]:
    doc = token.doc
    index = _child_index(doc)
    return [
        doc[p]
        for label, prep in index[token.i]
        if label in {"prep", "prt"} and doc[prep].lower_ in preps
        for dep, p in index[prep]
        if dep == "pobj"
    ]


def unowned(noun: Token, is_actor: Any) -> bool:
    """The event noun names no author: no possessive, no 'by'/'from' phrase, no actor
    modifier ('the Russian strikes', 'Israel's offensive', 'the strikes by the coalition',
    'an offer from Afghanistan')."""
    for child in noun.children:
        if child.dep_ == "poss":
            return False
        if child.dep_ in {"amod", "compound", "nmod"} and is_actor(child):
            return False
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return False  # "the strikes by the coalition", "a fresh offer from Kabul"
        if child.dep_ == "acl" and any(c.dep_ == "agent" for c in child.children):
            return False  # "the strikes carried out by the coalition"
    return True


def authors(noun: Token, lexicon: EventLexicon, actors_of: Any, modifier_of: Any) -> list[Any]:
    """Who an owned event noun names as its author: its possessor ("North Korea's test",
    "its latest test"), an actor modifier ("the Chinese deployment", "the U.S. strikes"), the
    object of its "by" phrase ("the strikes by the coalition") or the agent of its passive
    participle ("the drills carried out by China"). Rule: a possessor of a noun whose
    possessor usually undergoes the event (``patient_possessor_nouns``: "Navalny's arrest",
    "Khashoggi's killing") is its author only beside an "of" object ("Iran's seizure of the
    tanker"). ``actors_of(token)`` / ``modifier_of(token)`` resolve an argument / a
    modifier to actors (empty if none)."""
    found: list[Any] = []
    patient_possessor = event_lemma(noun) in lexicon.patient_possessor_nouns and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )
    for child in noun.children:
        dep = child.dep_
        if dep == "poss":
            if not patient_possessor:
                found.extend(actors_of(child))
        elif dep in {"amod", "compound", "nmod"}:
            found.extend(modifier_of(child))
        elif dep == "prep" and child.lower_ == "by":
            found.extend(a for p in children_labelled(child, {"pobj"}) for a in actors_of(p))
        elif dep == "acl":
            found.extend(
                a
                for agent in children_labelled(child, {"agent"})
                for p in children_labelled(agent, {"pobj"})
                for a in actors_of(p)
            )
    unique: list[Any] = []
    for actor in found:
        if actor not in unique:
            unique.append(actor)
    return unique


def noun_events(
    sentence: Span,
    lexicon: EventLexicon,
    actors_of: Any,
    modifier_of: Any,
    nouns: Iterable[Token] | None = None,
) -> list[EventMention]:
    """Event mentions of ``sentence`` told by an owned event noun, with its authors as
    agents (see :func:`authors`); ``nouns``: the sentence's nouns and proper nouns in
    order, when the caller has them indexed."""
    mentions: list[EventMention] = []
    for noun in _event_nouns(sentence if nouns is None else nouns, lexicon):
        agents = tuple(authors(noun, lexicon, actors_of, modifier_of))
        if agents and not actors_of(noun):  # "Ban Ki-moon" names a person, no ban
            lemma = event_lemma(noun)
            classes = frozenset(c.name for c in lexicon.classes_of_noun(lemma))
            mentions.append(
                EventMention(sentence.start_char, noun.i, classes, agents, frozenset({lemma}))
            )
    return mentions


def _event_nouns(tokens: Iterable[Token], lexicon: EventLexicon) -> Iterable[Token]:
    for token in tokens:
        if token.pos_ in {"NOUN", "PROPN"} and lexicon.classes_of_noun(event_lemma(token)):
            yield token


def find_reactions(
    sentence: Span, lexicon: EventLexicon, is_actor: Any, verbs: Iterable[Token] | None = None
) -> list[Reaction]:
    """Reactions of ``sentence`` whose object is an unowned event noun (``verbs``: its verbs
    and auxiliaries in order, when the caller has them indexed)."""
    found: list[Reaction] = []
    for verb in sentence if verbs is None else verbs:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = verb.lemma_.lower()
        relation = lexicon.reaction_verbs.get(lemma)
        objects: list[Token] = []
        if relation is not None:
            objects = children_labelled(verb, {"dobj", "nsubjpass"}) + _pobjs(
                verb, words().reaction_object_preps
            )
        elif lemma in lexicon.light_verbs:
            for attitude in children_labelled(verb, {"dobj"}):
                attitude_relation = lexicon.reaction_nouns.get(attitude.lemma_.lower())
                if attitude_relation is not None:
                    relation = attitude_relation
                    # "expressed alarm over the move": the parser attaches the preposition
                    # to the noun or to the verb.
                    objects = _pobjs(attitude, words().light_object_preps) + _pobjs(
                        verb, words().light_object_preps
                    )
                    break
        if relation is None:
            continue
        for noun in _event_nouns(_with_conjuncts(objects), lexicon):
            if unowned(noun, is_actor):
                classes = lexicon.classes_of_noun(event_lemma(noun))
                found.append(Reaction(verb, relation, noun, classes))
                break
    return found


def _with_conjuncts(tokens: Sequence[Token]) -> list[Token]:
    result: list[Token] = []
    for token in tokens:
        result.append(token)
        result.extend(children_labelled(token, ("conj",)))
    return result


def _possessed(noun: Token) -> bool:
    """The noun has a possessor or a 'by' phrase ('Jang's execution', 'strikes by Israel')."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def verb_event(verb: Token, lexicon: EventLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Classes and lemmas of the event a verb tells: by its lemma ('struck') or by its
    object noun ('launched drills', 'surrounded the island in exercises', 'carried out air
    strikes', 'imposed a new package of sanctions'). Rule: a naming verb with a direct
    object (``naming_verbs``: 'called the test "highly provocative"', 'described the move as
    destabilizing') evaluates an event, it tells none ('called for talks' still does). An
    object noun with a possessor or a 'by' phrase is its owner's event, told by that noun
    (:func:`noun_events`), not the verb's: 'could not verify Jang's execution', 'crafting
    sanctions after its latest nuclear test'."""
    lemma = verb.lemma_.lower()
    if lemma in words().naming_verbs and children_labelled(verb, {"dobj"}):
        return frozenset(), frozenset()
    names = {c.name for c in lexicon.classes_of_verb(lemma)}
    lemmas = {lemma} if names else set()
    objects = children_labelled(verb, {"dobj"}) + [
        p for prep in children_labelled(verb, {"prep"}) for p in children_labelled(prep, {"pobj"})
    ]
    objects += [p for o in objects for p in _pobjs(o, frozenset({"of"}))]
    for obj in _with_conjuncts(objects):
        if obj.pos_ in {"NOUN", "PROPN"} and not _possessed(obj):
            classes = lexicon.classes_of_noun(event_lemma(obj))
            if classes:
                names.update(c.name for c in classes)
                lemmas.add(event_lemma(obj))
    return frozenset(names), frozenset(lemmas)


def verb_events(
    sentence: Span, lexicon: EventLexicon, agents_of: Any, verbs: Iterable[Token] | None = None
) -> list[EventMention]:
    """Event mentions of ``sentence``: verbs of an event class with a resolved subject,
    not negated (a negated verb tells that the event did not happen).

    ``agents_of(verb)`` returns the actors doing ``verb`` (empty if none is known);
    ``verbs``: the sentence's verbs in order, when the caller has them indexed."""
    mentions: list[EventMention] = []
    for verb in sentence if verbs is None else verbs:
        if verb.pos_ != "VERB" or (verb.tag_ == "VBG" and verb.dep_ in {"amod", "compound"}):
            continue
        lemma = verb.lemma_.lower()
        if lemma in lexicon.reaction_verbs or lemma in lexicon.light_verbs:
            continue  # "condemned the drills" refers to an event, it is not one
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "did not launch", "warned Kim not to proceed with a launch": no event
        classes, lemmas = verb_event(verb, lexicon)
        if not classes:
            continue
        agents = tuple(agents_of(verb))
        if agents:
            mentions.append(EventMention(sentence.start_char, verb.i, classes, agents, lemmas))
    return mentions


__all__ = [
    "EVENT_WINDOW",
    "EventClass",
    "EventLexicon",
    "EventMention",
    "Reaction",
    "authors",
    "event_lemma",
    "find_reactions",
    "load_event_lexicon",
    "noun_events",
    "unowned",
    "verb_event",
    "verb_events",
]
