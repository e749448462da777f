"""The claims family: claimed, denied and alleged acts.

* claimed responsibility for an act is the act, asserted by the claimant;
* an alleged act with no target of its own ("South Sudan accuses the Sudanese army of
  launching bombing raids") is aimed at the accuser (see :func:`accusation_rule`).

"The Houthis claimed responsibility for drone attacks against an oil pipeline in Saudi
Arabia" -> houthis attacks SAU, asserted by the Houthis; "Al-Shabab claimed responsibility
for the attack on a Kenyan mall" -> al_shabaab attacks KEN; "the group said it was
responsible for the bombing in Kabul"; "Boko Haram claimed the kidnapping of the girls".

Rule (stated once): a claim verb (``claim_verbs`` in ``data/lexicon/words.json``) whose
object is a responsibility noun (``responsibility_nouns``) with a "for" phrase, or whose
object is itself an event noun, or a copula with a responsibility adjective
(``responsibility_adjectives``: "was responsible for") makes the event nouns of that phrase
(and their conjuncts) acts of the claimant. The act's relation is its plain noun frame's
(``nouns.json``: a frame that needs no cue), except that a claimed attack that is a
bombing ("bomb attacks": ``bomb_kinds``) or hits a civilian site (``civilian_sites``: "a
Kenyan mall") is an assault (18), as CAMEO codes terrorist attacks. The target is the
frame's object slot, else an actor named anywhere in the event phrase ("a Kenyan mall", "a
pipeline in Saudi Arabia"), never the claimant. The fact is asserted by the claimant (the
claim is its word), with the claim verb's modality ("did not claim" is negated). A denial
verb with a responsibility noun ("denied responsibility for the attack on Ukraine") gives
the same act negated, asserted by the denier. Rule strength :data:`CLAIM_STRENGTH`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.drafts import candidate_drafts
from geokg.extract.lexicon import Frame, Lexicon, words
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver
from geokg.extract.rules.base import Candidate, Draft, SentenceContext, register
from geokg.extract.rules.discourse import plain_frame
from geokg.extract.syntax import logical_subject, slot_tokens
from geokg.extract.targets import _key, place_of
from geokg.extract.tokenindex import TokenIndex
from geokg.model import ActorType

CLAIM_STRENGTH = 0.85


def _for_events(head: Token) -> list[Token]:
    """The nouns of the "for" phrases of ``head`` and their conjuncts."""
    found: list[Token] = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found.append(pobj)
                    found.extend(c for c in pobj.children if c.dep_ == "conj")
    return found


def _claimed(tokens: TokenIndex, lexicon: Lexicon) -> Iterator[tuple[Token, bool, list[Token]]]:
    """(claim or denial head, denied?, event nouns) of a sentence."""
    for token in tokens.plain_in(
        lexicon.denial | words().claim_verbs | words().responsibility_adjectives
    ):
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and lemma in lexicon.denial:
            for obj in token.children:
                if obj.dep_ == "dobj" and obj.lemma_.lower() in words().responsibility_nouns:
                    yield token, True, _for_events(obj) or _for_events(token)
        elif token.pos_ in {"VERB", "AUX"} and lemma in words().claim_verbs:
            objects = [c for c in token.children if c.dep_ == "dobj"]
            for obj in objects:
                if obj.lemma_.lower() in words().responsibility_nouns:
                    yield token, False, _for_events(obj) or _for_events(token)
                else:
                    yield token, False, [obj, *(c for c in obj.children if c.dep_ == "conj")]
        elif token.dep_ == "acomp" and lemma in words().responsibility_adjectives:
            yield token.head, False, _for_events(token)


def _claimed_relation(noun: Token, frame: Frame) -> str:
    """A claimed attack is an assault (18) when it is a bombing ("bomb attacks", "a suicide
    attack") or hits a civilian site or people ("the attack on a Kenyan mall"); else the
    frame's relation."""
    if frame.relation != "attacks":
        return frame.relation
    kinds = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}
    if kinds & words().bomb_kinds:
        return "bombs"
    if any(t.lemma_.lower() in words().civilian_sites for t in noun.subtree if t is not noun):
        return "assaults"
    return frame.relation


def _target(noun: Token, frame: Frame, resolver: Resolver, own: set[str]) -> list[Resolved]:
    """The frame's object, else the first actor named in the event phrase."""
    for slot in frame.object:
        modifier = slot.rsplit(">", 1)[-1] in {"poss", "amod", "compound"}
        for filler in slot_tokens(noun, slot):
            found = [
                r for r in resolver.actors(filler, as_modifier=modifier) if _key(r.actor) not in own
            ]
            if found:
                return found
    for token in noun.subtree:
        if token is noun or token.pos_ not in {"PROPN", "ADJ", "NOUN"}:
            continue
        found = [r for r in resolver.actors(token, as_modifier=True) if _key(r.actor) not in own]
        if found:
            return [dataclasses.replace(r, via=Via.LOCATION) for r in found[:1]]
    return []


@register("claims")
def claim_rule(sentence: Span, context: SentenceContext) -> Iterator[Draft]:
    """See the module docstring."""
    resolver, lexicon = context.actors, context.lexicon
    covered = {c.predicate.i for c in context.candidates}
    for anchor, denied, events in _claimed(context.tokens(sentence), lexicon):
        claimants: tuple[Resolved, ...] = ()
        for subject in logical_subject(anchor):
            claimants = tuple(r for r in resolver.actors(subject) if r.via != Via.LOCATION)
            if claimants:
                break
        if not claimants:
            continue
        own = {_key(c.actor) for c in claimants}
        for noun in events:
            if noun.i in covered or noun.pos_ not in {"NOUN", "PROPN"}:
                continue
            frame = plain_frame(noun, lexicon)
            if frame is None:
                continue
            targets = _target(noun, frame, resolver, own)
            if not targets:
                continue
            covered.add(noun.i)
            candidate = Candidate(
                noun,
                anchor,
                frame,
                _claimed_relation(noun, frame),
                claimants,
                tuple(targets),
                None,
                CLAIM_STRENGTH,
            )
            for draft in candidate_drafts(candidate, sentence, context):
                if denied:
                    # "denied responsibility for the attack": the act, negated by the denier.
                    yield dataclasses.replace(
                        draft,
                        negated=True,
                        asserted_by=draft.subject,
                        attributes=(*draft.attributes, ("modality", "denied")),
                    )
                else:
                    yield dataclasses.replace(draft, asserted_by=draft.asserted_by or draft.subject)


def _alleged_acts(verb: Token, lexicon: Lexicon) -> Iterator[tuple[Token, Frame]]:
    """The acts an accusation names through its "of"/"for" phrase ("of launching bombing
    raids", "for the attack"), each with its plain frame: a gerund's own (or, for a light
    verb, its event object's), an event noun's."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # the parser's choice
    for prep in (p for head in heads for p in head.children):
        if prep.dep_ != "prep" or prep.lower_ not in words().charge_preps:
            continue
        for act in prep.children:
            acts = [act, *(c for c in act.children if c.dep_ == "conj")]
            for token in acts:
                if token.dep_ in {"pcomp", "conj"} and token.pos_ == "VERB":
                    frame = plain_frame(token, lexicon)
                    if frame is not None:
                        yield token, frame
                        continue
                    if lexicon.lemma(token) in lexicon.agent_light_verbs:
                        for obj in token.children:
                            noun_frame = plain_frame(obj, lexicon) if obj.dep_ == "dobj" else None
                            if noun_frame is not None:
                                yield obj, noun_frame
                elif token.pos_ == "NOUN":
                    noun_frame = plain_frame(token, lexicon)
                    if noun_frame is not None:
                        yield token, noun_frame


@register("accusations")
def accusation_rule(sentence: Span, context: SentenceContext) -> Iterator[Draft]:
    """An alleged hostile act with no target of its own is aimed at the accuser.

    Rule: an accusation verb (``accusation`` in ``modality.json``) with an object (the
    accused) and an "of"/"for" phrase (``charge_preps``) naming an act with a plain frame
    of a conflict relation (quad class 3 or 4) that no other rule read (no target was
    found in the act's own words): the accused does the act where the act's phrase places
    it ("in the West Bank"), else to the accuser, when the accuser is a state ("accuses the
    Sudanese army of launching bombing raids" -> SDN 19 SSD; "blamed Ukraine for the
    attack" -> UKR attacks RUS). The act keeps its own modality, and is alleged (confidence
    x 0.8) and asserted by the accuser."""
    resolver, lexicon, ontology = context.actors, context.lexicon, context.ontology
    covered = {c.predicate.i for c in context.candidates}
    for verb in context.tokens(sentence).lemma_in(lexicon.accusation):
        if verb.pos_ != "VERB" or lexicon.lemma(verb) not in lexicon.accusation:
            continue
        accusers = tuple(
            r
            for s in logical_subject(verb)
            for r in resolver.actors(s)
            if r.actor.type == ActorType.STATE and r.via != Via.LOCATION
        )
        if not accusers:
            continue
        own = {_key(a.actor) for a in accusers}
        accused = tuple(
            r
            for o in verb.children
            if o.dep_ == "dobj"
            for r in resolver.actors(o, exclude=[a.actor for a in accusers])
            if _key(r.actor) not in own
        )
        if not accused:
            continue
        for act, frame in _alleged_acts(verb, lexicon):
            if act.i in covered or ontology.relation(frame.relation).quad_class < 3:
                continue
            covered.add(act.i)
            place = place_of(act, resolver)
            if place is not None and _key(place.actor) not in {_key(a.actor) for a in accused}:
                targets: tuple[Resolved, ...] = (place,)
            else:
                targets = tuple(Resolved(a.actor, a.certainty, Via.COREF, verb.i) for a in accusers)
            candidate = Candidate(
                act, act, frame, frame.relation, accused, targets, None, CLAIM_STRENGTH
            )
            for draft in candidate_drafts(candidate, sentence, context):
                # alleged whatever the parse: asserted by the accuser, lower confidence
                yield dataclasses.replace(
                    draft,
                    asserted_by=draft.asserted_by or accusers[0].actor,
                    accused=True,
                    confidence=draft.confidence if draft.accused else draft.confidence * 0.8,
                    attributes=(
                        *(kv for kv in draft.attributes if kv[0] != "modality"),
                        ("modality", "alleged"),
                    ),
                )
