"""The reactions family: event coreference, "Iran condemned the strikes" -> who struck.

A reaction to an unowned event noun (:mod:`geokg.extract.events`) targets the agents of the
latest earlier event of the same class in the document's history (drafts and verb mentions
of the last :data:`~geokg.extract.events.EVENT_WINDOW` sentences, then older mentions told
with the same word). :func:`sentence_reactions` and :func:`event_mentions` are what the
extractor computes once per sentence for the context.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from geokg.extract.events import (
    EventMention,
    Reaction,
    event_lemma,
    find_reactions,
    load_event_lexicon,
    noun_events,
    verb_events,
)
from geokg.extract.lexicon import Frame, words
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import (
    Resolver,
)
from geokg.extract.rules.base import Candidate, SentenceContext, register
from geokg.extract.syntax import logical_subject
from geokg.extract.targets import _key
from geokg.extract.tokenindex import TokenIndex
from geokg.model import Actor

# A reaction to an event named in an earlier sentence: the target is inferred, not named.
EVENT_COREF_STRENGTH = 0.9


COREF_CERTAINTY = 0.75
# Sentences back in which a generic act noun ("the move") looks for a doer of any act.
GENERIC_WINDOW = 2


def _same_stem(noun: str, lemma: str) -> bool:
    """An event noun and a verb mention's lemma tell the same event: equal lemmas, or a
    shared stem of at least five letters ('the deployment' ~ 'deployed', 'the bombing' ~
    'bombed')."""
    if noun == lemma:
        return True
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return len(stem) >= 5 and noun.startswith(stem)


def _is_actor(resolver: Resolver) -> Callable[[Token], bool]:
    def is_actor(token: Token) -> bool:
        return bool(resolver.actors(token, as_modifier=True))

    return is_actor


def _agents_of(resolver: Resolver) -> Callable[[Token], list[Actor]]:
    def agents_of(verb: Token) -> list[Actor]:
        for subject in logical_subject(verb):
            found = resolver.actors(subject)
            if found:
                return [r.actor for r in found if r.via not in {Via.LOCATION}]
        return []

    return agents_of


def _owners(resolver: Resolver, *, as_modifier: bool) -> Callable[[Token], list[Actor]]:
    """The actors a phrase owning an event noun names, not known only by a location
    ("Crimea's annexation" names no author)."""

    def owners(token: Token) -> list[Actor]:
        return [
            r.actor
            for r in resolver.actors(token, as_modifier=as_modifier)
            if r.via != Via.LOCATION
        ]

    return owners


def _patients(noun: Token) -> list[Token]:
    """What an event noun was done to: 'the attack on Kosovo police', 'the invasion of
    Ukraine', 'the drills around Taiwan'."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in words().patient_preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _without_event_patients(candidate: Candidate, reactions: list[Reaction]) -> Candidate:
    """'China protested against the listing of Chinese companies', 'condemned the strikes on
    Yemen': what an unowned event noun was done to is not the target of the reaction (its
    author is, found by event coreference)."""
    nouns = [r.noun for r in reactions if r.verb == candidate.predicate]
    if not nouns:
        return candidate
    spans = [(n.left_edge.i, n.right_edge.i) for n in nouns]
    kept = tuple(o for o in candidate.objects if not any(lo <= o.token <= hi for lo, hi in spans))
    if len(kept) == len(candidate.objects):
        return candidate
    return dataclasses.replace(candidate, objects=kept)


def sentence_reactions(
    sentence: Span, actors: Resolver, index: TokenIndex | None = None
) -> list[Reaction]:
    """The reactions of ``sentence`` to an unowned event noun ("condemned the strikes");
    ``index``: the sentence's token index, if built."""
    verbs = None if index is None else index.pos("VERB", "AUX")
    return find_reactions(sentence, load_event_lexicon(), _is_actor(actors), verbs)


def event_mentions(
    sentence: Span, actors: Resolver, index: TokenIndex | None = None
) -> list[EventMention]:
    """The events ``sentence`` tells by a verb or by an owned event noun ("North Korea's
    latest nuclear test"), with their agents (the history reactions look back at);
    ``index``: the sentence's token index, if built."""
    lexicon = load_event_lexicon()
    verbs = None if index is None else index.pos("VERB")
    nouns = None if index is None else index.plain_in(lexicon.nouns)
    return verb_events(sentence, lexicon, _agents_of(actors), verbs) + noun_events(
        sentence,
        lexicon,
        _owners(actors, as_modifier=False),
        _owners(actors, as_modifier=True),
        nouns,
    )


@register("reactions")
def reaction_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """'Iran condemned the strikes': the reaction targets whoever struck last (see
    :mod:`geokg.extract.events`)."""
    resolver = context.actors
    for reaction in context.reactions:
        subjects: tuple[Resolved, ...] = ()
        for subject_token in logical_subject(reaction.verb):
            subjects = tuple(resolver.actors(subject_token))
            if subjects:
                break
        if not subjects:
            continue
        # Neither the reacter nor what the event was done to ("condemned the attack on
        # Kosovo police") can be who did it.
        keys = {_key(s.actor) for s in subjects} | {
            _key(r.actor) for t in _patients(reaction.noun) for r in resolver.actors(t)
        }
        agents = _antecedent(reaction, context, sentence, excluded=keys)
        if not agents:
            continue
        objects = tuple(
            Resolved(agent, COREF_CERTAINTY, Via.EVENT, reaction.noun.i) for agent in agents
        )
        frame = Frame(context.lexicon.lemma(reaction.verb), "VERB", reaction.relation, (), ())
        yield Candidate(
            reaction.verb,
            reaction.verb,
            frame,
            reaction.relation,
            subjects,
            objects,
            None,
            EVENT_COREF_STRENGTH,
        )


def _antecedent(
    reaction: Reaction, context: SentenceContext, sentence: Span, *, excluded: set[str]
) -> list[Actor]:
    """Agents of the latest earlier event of the reaction's classes: facts of earlier
    sentences whose root fits, and verb mentions (earlier sentences, or earlier in this
    one). An event told with the reaction's own noun ("launched air strikes" ... "the
    strikes") beats a merely similar one ("the Houthis attacked ships"); then the most
    recent sentence wins. A joint act (a symmetric relation: "Israel and Hamas signed a
    cease-fire" ... "welcomed the agreement") has both parties as agents."""
    names = {c.name for c in reaction.classes}
    noun = event_lemma(reaction.noun)
    found: list[tuple[bool, int, Actor]] = []
    for draft in context.history.drafts:
        if draft.start >= sentence.start_char or draft.negated:
            continue
        attributes = dict(draft.attributes)
        if attributes.get("modality") not in {None, "alleged", "attempt"}:
            continue
        root = context.ontology.relation(draft.relation).cameo_root
        if any(c.matches_root(root) for c in reaction.classes):
            exact = attributes.get("trigger") == noun
            found.append((exact, draft.start, draft.subject))
            if draft.relation in words().symmetric_relations:
                # a joint event (an agreement, a cease-fire) is each party's
                found.append((exact, draft.start, draft.object))
    for mention in context.history.mentions:
        if mention.start == sentence.start_char and mention.token >= reaction.verb.i:
            continue  # later in the reaction's own sentence
        if mention.classes & names or any(not c.roots for c in reaction.classes):
            exact = any(_same_stem(noun, lemma) for lemma in mention.lemmas)
            found.extend((exact, mention.start, agent) for agent in mention.agents)
    found = [f for f in found if _key(f[2]) not in excluded]
    if not found:
        found = [
            (True, m.start, agent)
            for m in context.history.older
            if m.classes & names and any(_same_stem(noun, lemma) for lemma in m.lemmas)
            for agent in m.agents
            if _key(agent) not in excluded
        ]
    if not found:
        return _last_doers(reaction, context, sentence, excluded)
    best = max((exact, start) for exact, start, _ in found)
    agents: list[Actor] = []
    for exact, start, agent in found:
        if (exact, start) == best and agent not in agents:
            agents.append(agent)
    return agents


def _last_doers(
    reaction: Reaction, context: SentenceContext, sentence: Span, excluded: set[str]
) -> list[Actor]:
    """A generic act noun with no event of its own class before it refers to the last act
    told: "It said ... Chinese ships have entered the zone. The move prompted a strong
    protest by Japan" -> China.

    Rule (stated once): only for nouns of classes with no CAMEO root of their own (the
    ``decision`` class: "the move", "the decision", "the step"), and only when no fact or
    event mention of the window fits; the doers are the resolved subject of the last verb
    (in text order) of the previous :data:`GENERIC_WINDOW` sentences that is not a report
    verb, not negated and not in a relative clause (background), not known only by a
    location, and not one of ``excluded``."""
    if any(c.roots for c in reaction.classes):
        return []
    lexicon = context.lexicon
    previous = [s for s in sentence.doc.sents if s.end <= sentence.start][-GENERIC_WINDOW:]
    for earlier in reversed(previous):
        for verb in reversed(earlier):
            if verb.pos_ != "VERB" or lexicon.lemma(verb) in lexicon.report:
                continue
            if verb.dep_ == "relcl" or any(c.dep_ == "neg" for c in verb.children):
                continue  # background ("which Japan considers its territory"), not an act
            for subject in logical_subject(verb):
                doers = [
                    r.actor
                    for r in context.actors.actors(subject)
                    if r.via != Via.LOCATION and _key(r.actor) not in excluded
                ]
                if doers:
                    return doers
    return []
