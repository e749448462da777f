"""The extraction lexicon: data files under ``data/lexicon/`` turned into immutable records.

The frame rules (:mod:`geokg.extract.rules.frames`) are generic walks over the parse;
which words trigger which relation, and with which argument slots, is data:

* ``verbs.json`` / ``nouns.json``: :class:`Frame` records (lemma -> relation + slots),
* ``light_verbs.json``: verbs that carry a nominal event, and control verbs with their mode,
* ``items.json``: classes of supplied things (drones -> weapon) that pick a relation,
* ``modality.json``: reporting, denial, accusation, hedge, future and conditional words,
* ``undergoers.json``: nouns naming domestic people with no state ("students"),
* ``actor_nouns.json``: head nouns that stand for a state when modified by a demonym,
* ``words.json``: every other cue word, marker, preposition, auxiliary, title and role noun
  of the rules and the resolver, as named fields of :class:`geokg.extract.words.Words`.

Relation names and CAMEO codes that the lexicon files mention are checked against the
ontology when the lexicon loads: a typo fails with the file and the key.

Slot syntax: ``dobj``, ``dative``, ``attr``, ``prep:to`` (object of a preposition attached
to the predicate), ``ccomp-subj`` (subject of a that-clause), ``xcomp-subj`` (object of an
object-control verb), ``for-subj`` (subject of a for-infinitive: "called for Israel to
stop"), and paths joined by ``>`` (``dobj>prep:with``: the object of "with"
attached to the direct object: "deepen its relationship with X"). ``cues``: lemmas one of
which must govern or modify the predicate ("lodged a protest" is a complaint, "a general
strike" a protest); ``lemma_fixes`` (in ``light_verbs.json``) corrects tagger lemmas.
``items`` maps an item class to the relation it picks, or to ``null`` to rule the frame
out for it ("withdrew its workers", "evacuated the wounded": no withdrawal of forces).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from spacy.tokens import Token

from geokg.extract.words import LexiconError, Words, load_words, read_lexicon_file

DEFAULT_VERB_SUBJECT = ("nsubj", "agent")


class Control(StrEnum):
    """What a control verb does to its infinitive (``control`` in ``light_verbs.json``):
    sets a mode, or lets it through (``transparent``: "continues to", "using X to")."""

    TRANSPARENT = "transparent"
    INTENT = "intent"
    THREAT = "threat"
    REFUSE = "refuse"
    ATTEMPT = "attempt"


@dataclass(frozen=True, slots=True)
class Frame:
    """One lexical entry: a predicate lemma and how its arguments map to a relation."""

    lemma: str
    pos: str
    relation: str
    object: tuple[str, ...]
    subject: tuple[str, ...]
    item: tuple[str, ...] = ()
    # Item class -> relation; a class mapped to None rules the frame out ("withdrew its
    # workers" is no withdrawal of forces).
    items: Mapping[str, str | None] = field(default_factory=dict)
    particle: str | None = None
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    needs_item: bool = False
    strength: float = 1.0
    object_kinds: tuple[str, ...] = ()
    item_actors: bool = False  # the item may be an actor noun ("sent inspectors", "troops")
    # "place": with no object named, the target is the state where the event happens, else
    # the domestic subject's own state (CAMEO codes "students demonstrated" against their
    # government).
    default_target: str | None = None
    # Cue lemmas, one of which must be near the predicate for the frame to apply: for a verb
    # a dependent or its dependent ("took two diplomats hostage"), for a noun its governing
    # verb or a modifier ("lodged a protest", "a hunger strike").
    cues: frozenset[str] = frozenset()

    def relation_for(self, item_classes: frozenset[str]) -> str | None:
        """The relation for an item of the given classes (``None``: the frame needs an item
        and has none, or every class of the item rules the frame out)."""
        ruled_out = {c for c, r in self.items.items() if r is None}
        if item_classes and item_classes <= ruled_out:
            return None  # only ruled-out things ("workers"; not "inspectors and workers")
        for item_class, relation in self.items.items():
            if item_class != "default" and item_class in item_classes and relation is not None:
                return relation
        if self.needs_item:
            return None
        return self.items.get("default", self.relation)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the rules look up, indexed for speed."""

    verbs: Mapping[str, tuple[Frame, ...]]
    nouns: Mapping[str, tuple[Frame, ...]]
    agent_light_verbs: frozenset[str]
    undergoer_light_verbs: frozenset[str]
    control: Mapping[str, Control]
    item_classes: Mapping[str, frozenset[str]]
    report: frozenset[str]
    denial: frozenset[str]
    denial_objects: frozenset[str]
    accusation: frozenset[str]
    hedges: Mapping[str, float]
    future: frozenset[str]
    conditional: frozenset[str]
    negation: frozenset[str]
    agent_nouns: frozenset[str]
    leader_nouns: frozenset[str]
    state_nominals: frozenset[str]
    pair_nominals: tuple[str, ...]
    # Verb lemmas the tagger gets wrong ("staged" -> "stag"): word form or lemma -> lemma.
    lemma_fixes: Mapping[str, str] = field(default_factory=dict)
    # Nouns naming domestic people with no state of their own ("students", "peasants") and
    # heads that only count them ("dozens of"): see ``undergoers.json``.
    undergoers: frozenset[str] = frozenset()
    quantities: frozenset[str] = frozenset()
    # Verbs whose subject takes part in the gathering their preposition names.
    participation_verbs: frozenset[str] = frozenset()
    # Prepositions that put a nominal event beside a clause whose subject takes part in it
    # ("Following talks with X, Y said"), and the non-symmetric relations this holds for.
    adjunct_preps: frozenset[str] = frozenset()
    adjunct_relations: frozenset[str] = frozenset()
    adjunct_measures: frozenset[str] = frozenset()
    # Verbs whose plural subject with no object acts toward each other (lemma -> relation),
    # and the words of a reciprocal object ("each other", "one another").
    reciprocal_verbs: Mapping[str, str] = field(default_factory=dict)
    reciprocal_pronouns: frozenset[str] = frozenset()
    # Words that take a measure back ("lift", "roll back", "the easing of") and the relation
    # a measure noun under them becomes (imposesSanctionsOn -> easesSanctionsOn).
    undo_words: frozenset[str] = frozenset()
    undo_relations: Mapping[str, str] = field(default_factory=dict)
    # Prefixes that make an actor modifier a stance ("anti-China", "pro-Russian"): those
    # against it name the target, those for it neither side.
    stance_against: frozenset[str] = frozenset()
    stance_for: frozenset[str] = frozenset()
    # Relations of measures whose target may sit in the noun's own clause ("sanctions
    # related to the South Sudan conflict").
    clause_target_relations: frozenset[str] = frozenset()
    # Nouns that count events and carry them for a light verb ("several rounds of").
    portions: frozenset[str] = frozenset()
    # Every other word list of the rules and the resolver (``words.json``).
    words: Words = field(default_factory=load_words)

    def lemma(self, token: Token) -> str:
        """The lowercase lemma of ``token``, corrected for known tagger errors."""
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            return self.lemma_fixes.get(token.lower_) or self.lemma_fixes.get(lemma, lemma)
        return lemma

    def classes_of(self, lemma: str) -> frozenset[str]:
        """Item classes a lemma belongs to ("drone" -> {"weapon"})."""
        return frozenset(c for c, words in self.item_classes.items() if lemma.lower() in words)

    def all_relations(self) -> set[str]:
        names: set[str] = set()
        for frames in (*self.verbs.values(), *self.nouns.values()):
            for frame in frames:
                names.add(frame.relation)
                names.update(r for r in frame.items.values() if r is not None)
        return names


_read = read_lexicon_file


def _controls(entries: Mapping[str, Any]) -> Mapping[str, Control]:
    try:
        return MappingProxyType({str(k): Control(v) for k, v in entries.items()})
    except ValueError as error:
        raise LexiconError(f"light_verbs.json: control: {error}") from error


def _frame(entry: Mapping[str, Any], *, pos: str, vocabulary: Words) -> Frame:
    default_subject = DEFAULT_VERB_SUBJECT if pos == "VERB" else vocabulary.default_noun_subject
    try:
        return Frame(
            lemma=str(entry["lemma"]).lower(),
            pos=pos,
            relation=str(entry["relation"]),
            object=tuple(entry.get("object", ["dobj"] if pos == "VERB" else [])),
            subject=tuple(entry.get("subject", default_subject)),
            item=tuple(entry.get("item", ())),
            items=MappingProxyType(
                {str(k): None if v is None else str(v) for k, v in entry.get("items", {}).items()}
            ),
            particle=entry.get("particle"),
            requires=tuple(entry.get("requires", ())),
            excludes=tuple(entry.get("excludes", ())),
            needs_item=bool(entry.get("needs_item", False)),
            strength=float(entry.get("strength", 1.0)),
            object_kinds=tuple(entry.get("object_kinds", ())),
            item_actors=bool(entry.get("item_actors", False)),
            default_target=entry.get("default_target"),
            cues=frozenset(str(c).lower() for c in entry.get("cues", ())),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise LexiconError(f"malformed lexicon frame {dict(entry)!r}: {error}") from error


def _index(frames: list[Frame]) -> Mapping[str, tuple[Frame, ...]]:
    index: dict[str, list[Frame]] = {}
    for frame in frames:
        index.setdefault(frame.lemma, []).append(frame)
    # Frames with a particle or cue words are more specific: try them first ("call on"
    # before "call", "lodge a protest" before "protest").
    return MappingProxyType(
        {
            k: tuple(sorted(v, key=lambda f: (f.particle is None, not f.cues)))
            for k, v in index.items()
        }
    )


@functools.cache
def load_lexicon() -> Lexicon:
    """Load the packaged lexicon once per process (it is immutable)."""
    verbs = _read("verbs.json")
    nouns = _read("nouns.json")
    light = _read("light_verbs.json")
    items = _read("items.json")
    modality = _read("modality.json")
    actor_nouns = _read("actor_nouns.json")
    undergoers = _read("undergoers.json")
    vocabulary = load_words()
    lexicon = Lexicon(
        verbs=_index([_frame(e, pos="VERB", vocabulary=vocabulary) for e in verbs["frames"]]),
        nouns=_index([_frame(e, pos="NOUN", vocabulary=vocabulary) for e in nouns["frames"]]),
        agent_light_verbs=frozenset(light["agent"]),
        undergoer_light_verbs=frozenset(light["undergoer"]),
        control=_controls(light["control"]),
        item_classes=MappingProxyType({k: frozenset(v) for k, v in items["classes"].items()}),
        report=frozenset(modality["report"]),
        denial=frozenset(modality["denial"]),
        denial_objects=frozenset(modality["denial_objects"]),
        accusation=frozenset(modality["accusation"]),
        hedges=MappingProxyType({k: float(v) for k, v in modality["hedge"].items()}),
        future=frozenset(modality["future"]),
        conditional=frozenset(modality["conditional"]),
        negation=frozenset(modality["negation"]),
        agent_nouns=frozenset(actor_nouns["agents"]),
        leader_nouns=frozenset(actor_nouns["leaders"]),
        state_nominals=frozenset(actor_nouns["state_nominals"]),
        pair_nominals=tuple(actor_nouns["pair_nominals"]),
        lemma_fixes=MappingProxyType(
            {k: str(v) for k, v in light.get("lemma_fixes", {}).items() if not k.startswith("_")}
        ),
        undergoers=frozenset(str(w).lower() for w in undergoers["undergoers"]),
        quantities=frozenset(str(w).lower() for w in undergoers["quantities"]),
        participation_verbs=frozenset(light.get("participation", ())),
        adjunct_preps=frozenset(light.get("adjunct", {}).get("preps", ())),
        adjunct_relations=frozenset(light.get("adjunct", {}).get("relations", ())),
        adjunct_measures=frozenset(light.get("adjunct", {}).get("measures", ())),
        reciprocal_verbs=MappingProxyType(
            {str(k): str(v) for k, v in light.get("reciprocal", {}).get("verbs", {}).items()}
        ),
        reciprocal_pronouns=frozenset(light.get("reciprocal", {}).get("pronouns", ())),
        undo_words=frozenset(light.get("undo", {}).get("words", ())),
        stance_against=frozenset(light.get("stance_prefixes", {}).get("against", ())),
        stance_for=frozenset(light.get("stance_prefixes", {}).get("for", ())),
        clause_target_relations=frozenset(light.get("clause_targets", ())),
        portions=frozenset(light.get("portions", ())),
        undo_relations=MappingProxyType(
            {str(k): str(v) for k, v in light.get("undo", {}).get("relations", {}).items()}
        ),
        words=vocabulary,
    )
    check_against_ontology(lexicon, modality.get("event_coreference", {}))
    return lexicon


def words() -> Words:
    """The packaged vocabulary of the rules and the resolver (``load_lexicon().words``)."""
    return load_lexicon().words


def check_against_ontology(lexicon: Lexicon, event_coreference: Mapping[str, Any]) -> None:
    """Fail loudly, naming the file and the key, when a lexicon file mentions a relation or
    a CAMEO root the ontology does not define."""
    from geokg.ontology import load_ontology

    ontology = load_ontology()
    relations = set(ontology.relations)
    roots = {relation.cameo_root for relation in ontology.relations.values()}
    mentioned: list[tuple[str, str, frozenset[str]]] = []
    for name, frames in (("verbs.json", lexicon.verbs), ("nouns.json", lexicon.nouns)):
        for lemma, entries in frames.items():
            for frame in entries:
                used = frozenset(
                    {frame.relation, *(r for r in frame.items.values() if r is not None)}
                )
                mentioned.append((name, f"frames[{lemma}]", used))
    for key in ("reaction_verbs", "reaction_nouns"):
        used = frozenset(str(v) for v in dict(event_coreference.get(key, {})).values())
        mentioned.append(("modality.json", f"event_coreference.{key}", used))
    mentioned.append(("light_verbs.json", "adjunct.relations", lexicon.adjunct_relations))
    used = frozenset(lexicon.reciprocal_verbs.values())
    mentioned.append(("light_verbs.json", "reciprocal.verbs", used))
    used = frozenset(lexicon.undo_relations) | frozenset(lexicon.undo_relations.values())
    mentioned.append(("light_verbs.json", "undo.relations", used))
    mentioned.append(("light_verbs.json", "clause_targets", lexicon.clause_target_relations))
    for key, used in lexicon.words.relation_names().items():
        mentioned.append(("words.json", key, used))
    for source, key, used in mentioned:
        unknown = sorted(used - relations)
        if unknown:
            raise LexiconError(f"{source}: {key} names unknown relation {unknown[0]!r}")
    cameo: list[tuple[str, str, frozenset[str]]] = [
        ("words.json", key, used) for key, used in lexicon.words.cameo_roots().items()
    ]
    for name, entry in dict(event_coreference.get("classes", {})).items():
        cameo.append(
            (
                "modality.json",
                f"event_coreference.classes.{name}.roots",
                frozenset(entry.get("roots", ())),
            )
        )
    for source, key, used in cameo:
        unknown = sorted(used - roots)
        if unknown:
            raise LexiconError(f"{source}: {key} names unknown CAMEO root {unknown[0]!r}")
