"""The threats family: threats (CAMEO 13) stated without a threat verb.

* a price to pay: "X warned that Y would pay a heavy price", "Y will face the consequences";
* no more tolerance: "police will no longer tolerate rallies by Y";
* arms for use against X: "manufacturing chemical weapons to use against the United States";
* a vowed retaliation with no target: whoever last attacked the vower (from the history).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Span, Token

from geokg.extract.lexicon import Frame, Lexicon, load_lexicon, words
from geokg.extract.modality import assess
from geokg.extract.naming import conjuncts
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import (
    Resolver,
)
from geokg.extract.rules.base import Candidate, Draft, SentenceContext, register
from geokg.extract.rules.complements import _complement_target, _infinitive_complement
from geokg.extract.rules.reactions import COREF_CERTAINTY, EVENT_COREF_STRENGTH
from geokg.extract.syntax import logical_subject, slot_tokens
from geokg.extract.targets import _key, item_classes, speaker_actor
from geokg.model import Actor

THREAT_FRAME = Frame("pay", "VERB", "threatens", (), (), strength=0.9)


def _price_threats(
    sentence: Span, resolver: Resolver, lexicon: Lexicon, quote_speakers: Mapping[int, Token]
) -> Iterator[Candidate]:
    """'X warned that Y would pay a heavy price', '“Y will face the consequences,” X said':
    the speaker threatens Y (CAMEO 13). The speaker is whoever reports or warns the clause,
    else the speaker of the quotation the sentence belongs to."""
    for verb in sentence:
        nouns = words().price_idioms.get(lexicon.lemma(verb))
        if nouns is None or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in lexicon.future for c in verb.children):
            continue  # "Ukraine has paid a heavy price" is no threat
        speaker = assess(verb, lexicon).asserter or quote_speakers.get(verb.i)
        if speaker is None:
            continue
        speaker_is = speaker_actor(speaker, resolver)
        if speaker_is is None:
            continue
        speakers = (Resolved(speaker_is, 0.9, Via.SPEAKER_PHRASE, speaker.i),)
        targets = tuple(
            r
            for s in logical_subject(verb)
            for r in resolver.actors(s, exclude=[x.actor for x in speakers])
            if r.via != Via.SPEAKER
        )
        if targets:
            yield Candidate(verb, verb, THREAT_FRAME, "threatens", speakers, targets, None, 0.9)


TOLERANCE_FRAME = Frame("tolerate", "VERB", "threatens", (), (), strength=0.8)


# Dependents of the untolerated act that name whose act it is.
ACT_OWNER_DEPS = frozenset({"poss", "pobj", "compound", "amod", "nmod"})


def _tolerance_threats(
    sentence: Span, resolver: Resolver, lexicon: Lexicon, quote_speakers: Mapping[int, Token]
) -> Iterator[Candidate]:
    """'Cairo's security chief warned that police will no longer tolerate rallies by the
    Kifaya group': the subject (else whoever warns) threatens the owner of the untolerated
    act (CAMEO 13)."""
    for verb in sentence:
        if lexicon.lemma(verb) not in words().tolerance_verbs or verb.pos_ != "VERB":
            continue
        if not any(
            c.dep_ == "aux" and c.lower_ in (load_lexicon().future | words().possibility_modals)
            for c in verb.children
        ):
            continue  # "Beijing has tolerated the visits" is no threat
        modality = assess(verb, lexicon)
        if not modality.negated or modality.hypothetical:
            continue
        subjects = tuple(
            r
            for s in logical_subject(verb)
            for r in resolver.actors(s)
            if r.via not in {Via.LOCATION, Via.SPEAKER}
        )
        if not subjects:
            speaker = modality.asserter or quote_speakers.get(verb.i)
            if speaker is None:
                continue
            speaker_is = speaker_actor(speaker, resolver)
            if speaker_is is None:
                continue
            subjects = (Resolved(speaker_is, 0.9, Via.SPEAKER_PHRASE, speaker.i),)
        own = [s.actor for s in subjects]
        targets: list[Resolved] = []
        for act in (t for o in verb.children if o.dep_ == "dobj" for t in conjuncts(o)):
            for token in act.subtree:
                if token.pos_ == "PRON" or (token != act and token.dep_ not in ACT_OWNER_DEPS):
                    continue
                found = [r for r in resolver.actors(token, exclude=own) if r.actor not in own]
                if found:
                    targets.extend(found)
                    break
        if targets:
            yield Candidate(
                verb,
                verb,
                TOLERANCE_FRAME,
                "threatens",
                subjects,
                tuple(targets),
                None,
                0.8,
                negation_is_act=True,
            )


WEAPON_PURPOSE_FRAME = Frame("use", "VERB", "threatensMilitaryForceAgainst", (), (), strength=0.8)


def _weapon_purpose_threats(
    sentence: Span, resolver: Resolver, lexicon: Lexicon
) -> Iterator[Candidate]:
    """'A group claims to be manufacturing chemical weapons to use against the United
    States', 'is stockpiling drones to use against Ukrainian cities': arms gathered for use
    against X are a threat of force against X (CAMEO 13), not an attack."""
    for use in sentence:
        if lexicon.lemma(use) != "use" or use.dep_ not in {"advcl", "relcl", "acl", "xcomp"}:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in use.children):
            continue
        if any(c.dep_ == "dobj" for c in use.children):
            continue  # "bought drones to use them against X" keeps the use rule
        governor = use.head
        weapons = (
            [governor]
            if governor.pos_ == "NOUN"
            else [c for c in governor.children if c.dep_ == "dobj"]
        )
        if not any(item_classes(w, lexicon) & words().weapon_classes for w in weapons):
            continue
        verb = governor.head if governor.pos_ == "NOUN" else governor
        subjects: tuple[Resolved, ...] = ()
        for subject_token in logical_subject(verb):
            subjects = tuple(r for r in resolver.actors(subject_token) if r.via != Via.LOCATION)
            if subjects:
                break
        own = [s.actor for s in subjects]
        targets = tuple(
            r
            for t in slot_tokens(use, "prep:against")
            for r in resolver.actors(t, exclude=own)
            if r.actor not in own
        )
        if subjects and targets:
            yield Candidate(
                verb,
                verb,
                WEAPON_PURPOSE_FRAME,
                WEAPON_PURPOSE_FRAME.relation,
                subjects,
                targets,
                None,
                WEAPON_PURPOSE_FRAME.strength,
            )


@register("price-threats")
def price_threat_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_price_threats`."""
    return _price_threats(sentence, context.actors, context.lexicon, context.speakers)


@register("tolerance-threats")
def tolerance_threat_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_tolerance_threats`."""
    return _tolerance_threats(sentence, context.actors, context.lexicon, context.speakers)


@register("weapon-purpose-threats")
def weapon_purpose_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_weapon_purpose_threats`."""
    return _weapon_purpose_threats(sentence, context.actors, context.lexicon)


@register("retaliations")
def retaliation_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """'The Houthis vowed to retaliate', 'Tehran has sworn to avenge the killing': a vowed
    retaliation that names no target threatens (13) whoever last attacked the vower in
    the preceding sentences."""
    resolver = context.actors
    covered = {c.anchor.i for c in context.candidates if c.objects}
    for head in sentence:
        if (
            context.lexicon.lemma(head) not in words().vow_verbs | {"threaten"}
            or head.pos_ != "VERB"
        ):
            continue
        for clause in head.children:
            if not _infinitive_complement(clause) or clause.i in covered:
                continue
            if context.lexicon.lemma(clause) not in words().retaliation_verbs:
                continue
            if _complement_target([clause], (), resolver, ()):
                continue  # "vowed to retaliate against Israel": the rules found it
            subjects: tuple[Resolved, ...] = ()
            for subject_token in logical_subject(head):
                subjects = tuple(r for r in resolver.actors(subject_token) if r.via != Via.LOCATION)
                if subjects:
                    break
            attackers = _last_attackers(subjects, context, sentence)
            if not attackers:
                continue
            objects = tuple(Resolved(a, COREF_CERTAINTY, Via.EVENT, clause.i) for a in attackers)
            relation = "threatensMilitaryForceAgainst"
            frame = Frame(context.lexicon.lemma(clause), "VERB", relation, (), ())
            yield Candidate(
                clause, clause, frame, relation, subjects, objects, None, EVENT_COREF_STRENGTH
            )


def _last_attackers(
    victims: tuple[Resolved, ...], context: SentenceContext, sentence: Span
) -> list[Actor]:
    """Who carried out the latest earlier attack (CAMEO 18-20) on one of ``victims``."""
    keys = {_key(v.actor) for v in victims}
    found: list[Draft] = [
        d
        for d in context.history.drafts
        if d.start < sentence.start_char
        and not d.negated
        and _key(d.object) in keys
        and dict(d.attributes).get("modality") in {None, "alleged"}
        and context.ontology.relation(d.relation).cameo_root in words().violent_roots
    ]
    if not found:
        return []
    last = max(d.start for d in found)
    attackers: list[Actor] = []
    for draft in found:
        if draft.start == last and draft.subject not in attackers:
            attackers.append(draft.subject)
    return attackers
