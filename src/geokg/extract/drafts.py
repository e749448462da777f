"""From candidates to drafts: modality applied, subjects and objects paired.

:func:`candidate_drafts` assesses a candidate's modality (:mod:`geokg.extract.modality`) and
turns it into drafts: a hypothetical or speculative act gives none; the mode picks the
relation (:func:`apply_mode`: an act announced for the future is an intent (03) or, when
coercive, a threat (13); a refusal is a rejection (12)); the confidence is the rule strength
x hedge x region factor (x 0.8 if accused, conditional or an attempt) x the weaker
argument's certainty; each subject is paired with each object that is a distinct actor
(:func:`_distinct`: same-country pairs only between two explicit domestic phrases).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.lexicon import Frame, Lexicon, words
from geokg.extract.modality import Modality, Mode, assess
from geokg.extract.naming import conjuncts
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import (
    DOMESTIC_COREF,
    HOME_INSTITUTION,
    Resolver,
)
from geokg.extract.rules.base import Candidate, Draft, SentenceContext
from geokg.extract.targets import speaker_actor
from geokg.model import Actor, ActorType, QuadClass, Relation
from geokg.ontology import Ontology


def _speaking_group(
    subjects: tuple[Resolved, ...], modality: Modality, resolver: Resolver
) -> tuple[Resolved, ...]:
    """'France, Britain and Germany have warned that they will ...': a plural pronoun subject
    of reported speech stands for all the conjoined speakers, not the nearest one."""
    asserter = modality.asserter
    if asserter is None or not subjects:
        return subjects
    tokens = {s.token for s in subjects}
    if not all(resolver.doc[t].lower_ in words().group_pronouns for t in tokens):
        return subjects
    speakers: list[Actor] = []
    for token in conjuncts(asserter):
        actor = speaker_actor(token, resolver)
        if actor is not None and actor not in speakers:
            speakers.append(actor)
    if len(speakers) < 2 or not {s.actor for s in subjects} <= set(speakers):
        return subjects
    certainty = min(s.certainty for s in subjects)
    first = min(tokens)
    return tuple(Resolved(actor, certainty, Via.COREF, first) for actor in speakers)


def _expelled_owner(candidate: Candidate, resolver: Resolver) -> Candidate:
    """'expel the African Union force from Darfur': the expulsion targets whose mission is
    expelled, not the place it is expelled from."""
    if candidate.relation != "expelsDiplomatsOf" or candidate.item is None:
        return candidate
    if not all(o.via in PLACE_OBJECT_VIAS | {Via.PLACE} for o in candidate.objects):
        return candidate
    own = [s.actor for s in candidate.subjects]
    for child in candidate.item.children:
        if child.dep_ not in {"amod", "compound", "poss"}:
            continue
        owners = [r for r in resolver.actors(child, as_modifier=True) if r.actor not in own]
        if owners:
            return dataclasses.replace(candidate, objects=tuple(owners))
    return candidate


def _accepted_mediation(candidate: Candidate) -> str:
    """'accepted Norwegian mediation': CAMEO counts accepting mediation as an intent to
    settle (038), not a concession (08)."""
    predicate = candidate.predicate
    if candidate.relation == "yieldsTo" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words().mediation_nouns for c in predicate.children
    ):
        return "expressesIntentToCooperateWith"
    return candidate.relation


def _speculative(relation_name: str, modality: Modality, ontology: Ontology) -> bool:
    """'If X happens, Y may/could cooperate with Z': a possibility under a condition is
    speculation, not a promise; a conditional *conflict* act stays a threat ("The EC may halt
    mediation if ...")."""
    if not (modality.conditional and modality.possible and modality.condition == "if"):
        return False
    relation: Relation = ontology.relation(relation_name)
    return relation.quad_class <= 2


DOMESTIC_VIAS = frozenset({Via.AGENT_NOUN, Via.DEMONYM, Via.MODIFIER, Via.OWNER, Via.OFFICE})


PLACE_OBJECT_VIAS = frozenset({Via.LOCATION, Via.CAPITAL})


# Subjects whose own state is the default target of their protest ("protesters occupied key
# intersections": the story's state, resolved from context, protests against its state).
HOME_SUBJECT_VIAS = frozenset({HOME_INSTITUTION, DOMESTIC_COREF})


def _distinct(subject: Resolved, obj: Resolved, resolver: Resolver) -> bool:
    """Subject and object must be two mentions of different actors. Same-country pairs
    (PLOVER's domestic events: 'Turkish police prevented a demonstration by students',
    'Turkey will allow Turkish Kurd refugees to return') need two explicit phrases with
    different head nouns, at least one of them a domestic actor phrase rather than a name."""
    key_s = subject.actor.country or subject.actor.id
    key_o = obj.actor.country or obj.actor.id
    if subject.token == obj.token:
        # One phrase standing for two actors ("the two leaders agreed", "they agreed")
        # acts each to each when they are of two states; else it is one actor. "Both
        # sides" are the parties of any of the story's conflicts: too unsure to pair.
        lemma = resolver.doc[subject.token].lemma_.lower()
        if "party" in words().pair_kinds.get(lemma, frozenset()):
            return False
        return subject.actor.id != obj.actor.id and key_s != key_o
    if key_s != key_o:
        return True
    if _two_people(subject, obj):
        return True
    if obj.via == Via.HOME and subject.via in HOME_SUBJECT_VIAS:
        # The default target of a domestic subject's protest or measure (its own state,
        # :func:`~geokg.extract.targets._home_states`) is a domestic pair by construction.
        return True
    head_s = resolver.doc[subject.token].lemma_.lower()
    head_o = resolver.doc[obj.token].lemma_.lower()
    if _context_domestic_pair(subject.via, obj.via) and head_s != head_o:
        return True
    # A pronoun or the quoted speaker ("we will defend our territory") standing for the
    # same country as the other side is the country acting on itself, not a domestic event.
    if {Via.COREF, Via.SPEAKER} & {subject.via, obj.via}:
        return False
    if head_s == head_o:
        return False
    # "threatened to institute a curfew in Algiers": a place of the state is a domestic
    # target of its own.
    return bool({subject.via, obj.via} & DOMESTIC_VIAS) or (
        obj.via in PLACE_OBJECT_VIAS and subject.via not in PLACE_OBJECT_VIAS
    )


# Routes by which an object is a place of a state (or a thing in it), not a body acting.
HOME_PLACE_VIAS = frozenset(
    {Via.LOCATION, Via.CAPITAL, Via.CITY, Via.REGION, Via.PLACE, Via.EVENT_PLACE}
)


def _cooperation_at_home(
    subject: Resolved, obj: Resolved, relation_name: str, ontology: Ontology
) -> bool:
    """Rule: a same-state pair whose object is only a place of that state (a shrine in
    Tokyo, the capital, a province) is a domestic fact only when the act is material
    (quad classes 2-4: lifting an emergency in a province, withdrawing from a town, troops
    ringing a rebel-held city, protesters marching on the capital). A verbal cooperative
    act (quad class 1: visiting, consulting, praising, promising) towards a place of one's
    own state is travel or talk at home, not an act between two actors ('Japanese
    officials visited a shrine in Tokyo' is no JPN 04 JPN)."""
    if (subject.actor.country or subject.actor.id) != (obj.actor.country or obj.actor.id):
        return False
    if obj.via not in HOME_PLACE_VIAS or subject.via in HOME_PLACE_VIAS:
        return False
    relation: Relation = ontology.relation(relation_name)
    return relation.quad_class == 1


NAMED_PERSON_VIAS = frozenset({Via.PERSON, Via.SURNAME})


NAMED_VIAS = NAMED_PERSON_VIAS | {Via.NAME, Via.ALIAS, Via.ENTITY, Via.CODE, Via.AGENT_NOUN}


def _two_people(subject: Resolved, obj: Resolved) -> bool:
    """'President Kiir accused former vice president Machar': two different people named
    (gazetteer ids, not coreference) are two actors of one state, a domestic pair; so are a
    named political group and another actor of its state, unless that one is a pronoun or
    the speaker ('the Muslim Brotherhood denounced Egypt's military', 'police will not
    tolerate rallies by the Kifaya group')."""
    if subject.actor.id == obj.actor.id:
        return False
    if subject.via in NAMED_PERSON_VIAS and obj.via in NAMED_PERSON_VIAS:
        return subject.actor.type == obj.actor.type == ActorType.PERSON
    # A named party or movement facing another actor of its state, named or resolved from
    # context ("police will no longer tolerate rallies by the Kifaya group"), not a pronoun
    # or the speaker, which may stand for the group itself.
    for group, other in ((subject, obj), (obj, subject)):
        if (
            group.actor.type == ActorType.POLITICAL_GROUP
            and group.via in NAMED_VIAS | {Via.ORGANISATION}
            and other.via not in SELF_VIAS
        ):
            return True
    return False


SELF_VIAS = frozenset({Via.COREF, Via.SPEAKER, Via.SPEAKER_PHRASE, Via.DOMESTIC_COREF})


def _context_domestic_pair(via_s: str, via_o: str) -> bool:
    """'Polish workers demanded that the government ...', 'Nigerian workers said they would
    strike if the government ...': an institution or pronoun resolved from context faces a
    domestic phrase (or a pronoun standing for one), not the state's name."""
    vias = {via_s, via_o}
    if not vias & {HOME_INSTITUTION, DOMESTIC_COREF}:
        return False
    domestic = DOMESTIC_VIAS | {DOMESTIC_COREF}
    if HOME_INSTITUTION in vias:
        # "President Moi promised opposition leaders ...": a state's leader and one of its
        # institutions.
        domestic = domestic | {Via.PERSON, Via.SURNAME}
    # Two institutions of the state in context ("the union rejected a government offer")
    # are a domestic pair too (their head nouns differ: checked by the caller).
    return vias <= domestic | {HOME_INSTITUTION}


def _phrase(token: Token) -> str:
    terms = [t for t in token.subtree if t.dep_ in {"compound", "amod"} and t.head == token]
    terms = [t for t in terms if t.ent_type_ not in {"NORP", "GPE"}]
    return " ".join([t.text for t in terms] + [token.text])


def _origin(token: Token, resolver: Resolver) -> str | None:
    for child in token.children:
        if child.dep_ in {"amod", "compound", "poss"}:
            span = resolver.span_at(child)
            if span is not None:
                record = resolver.gazetteer.get(span.kb_id_)
                if record is not None:
                    actor: Actor = record.to_actor(on=resolver.published)
                    return actor.country or actor.id
    return None


def _clamp(value: float) -> float:
    return max(0.05, min(1.0, value))


def candidate_drafts(
    candidate: Candidate, sentence: Span, context: SentenceContext
) -> Iterator[Draft]:
    """The drafts of one candidate: its modality assessed on its anchor (with the speaker of
    the quotation it is in, when nothing else attributes it), its mode applied."""
    if not candidate.objects:
        return
    candidate = _expelled_owner(candidate, context.actors)
    modality = assess(candidate.anchor, context.lexicon)
    if candidate.negation_is_act:
        modality.negated = False  # "will no longer tolerate" is the threat itself
    if modality.asserter is None and modality.denier is None:
        modality.asserter = context.speakers.get(candidate.anchor.i)
    yield from _drafts(candidate, modality, sentence, context)


def _drafts(
    candidate: Candidate, modality: Modality, sentence: Span, context: SentenceContext
) -> Iterator[Draft]:
    resolver, ontology, factor = context.actors, context.ontology, context.factor
    if modality.hypothetical:
        return
    if _speculative(candidate.relation, modality, ontology):
        return
    if _background_event(candidate, modality):
        return
    if _left_open(candidate, modality, context.lexicon):
        # "has not ruled out talks with Y", "refused to rule out the use of force": no
        # rejection; a coercive act left open is held over Y (a hedged threat), other acts
        # say nothing.
        act = candidate.predicate if candidate.predicate != candidate.anchor else candidate.item
        threat = _open_threat(act, context) if act is not None else None
        if threat is None:
            return
        candidate = dataclasses.replace(candidate, relation=threat)
        modality = dataclasses.replace(modality, negated=False, mode=Mode.ACT)
        modality.hedge = min(modality.hedge, OPEN_THREAT_HEDGE)
    if modality.mode == Mode.ACT and _upcoming(candidate.predicate, context.lexicon):
        modality = dataclasses.replace(modality, mode=Mode.INTENT)
    relation = apply_mode(_accepted_mediation(candidate), modality, ontology)
    if relation is None:
        return
    negated = modality.negated
    if negated and _refused_intent(candidate.relation, modality, ontology):
        # "Venezuela will not recognise the court's jurisdiction": a cooperative act
        # announced as not to be done is a rejection (12), not a negated intent.
        relation, negated = "rejects", False
    asserted_by = _speaker(modality, resolver)
    confidence = candidate.strength * modality.hedge * factor
    if modality.accused:
        confidence *= 0.8
    if modality.conditional or modality.mode == Mode.ATTEMPT:
        confidence *= 0.8
    attributes = _attributes(candidate, modality, context)
    for subject in _speaking_group(candidate.subjects, modality, resolver):
        for obj in candidate.objects:
            if not _distinct(subject, obj, resolver):
                continue
            if _cooperation_at_home(subject, obj, relation, ontology):
                continue
            certainty = min(subject.certainty, obj.certainty)
            yield Draft(
                subject.actor,
                relation,
                obj.actor,
                negated,
                asserted_by,
                _clamp(confidence * certainty),
                attributes,
                sentence.start_char,
                sentence.end_char,
                modality.accused,
            )


# Confidence factor of a coercive act "not ruled out" (a hedged threat).
OPEN_THREAT_HEDGE = 0.7

# Modes under which a clause states no act of its own (see :func:`_background_event`).
UNASSERTED_MODES = frozenset({Mode.INTENT, Mode.THREAT, Mode.REFUSE})


def _left_open(candidate: Candidate, modality: Modality, lexicon: Lexicon) -> bool:
    """A rejection by ruling an act out ("ruled out talks with Y", "excluded strikes") that
    is itself negated or refused ("has not ruled out", "refused to rule out"): the act is
    left open, nothing is rejected."""
    trigger = candidate.anchor if candidate.anchor.pos_ == "VERB" else candidate.predicate
    return (
        candidate.relation == "rejects"
        and lexicon.lemma(trigger) in words().open_rejections
        and (modality.negated or modality.mode == Mode.REFUSE)
    )


def plain_frames(act: Token, lexicon: Lexicon) -> list[Frame]:
    """The frames of a verb or noun that say what kind of act it is by themselves: no
    particle, required slot, cue or required item ("strike" is hostile; "open" only with
    "fire")."""
    table = lexicon.verbs if act.pos_ in {"VERB", "AUX"} else lexicon.nouns
    lemma = lexicon.lemma(act) if act.pos_ in {"VERB", "AUX"} else act.lemma_.lower()
    return [
        f for f in table.get(lemma, ()) if not (f.particle or f.requires or f.cues or f.needs_item)
    ]


def _open_threat(act: Token, context: SentenceContext) -> str | None:
    """The threat a coercive act left open makes: its first plain frame's (else that of a
    frame its own modifier cues, "military action"), if coercive ("did not rule out strikes
    on X", "has not ruled out military action against X"); None for any other act ("has
    not ruled out talks", "sending troops")."""
    plain = plain_frames(act, context.lexicon) or _modified_frames(act, context.lexicon)
    return threat_of(plain[0].relation, context.ontology) if plain else None


def _modified_frames(noun: Token, lexicon: Lexicon) -> list[Frame]:
    """The frames of a noun cued by its own modifier ("military action", "armed action"),
    with nothing else required."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}}
    return [
        f
        for f in lexicon.nouns.get(noun.lemma_.lower(), ())
        if f.cues & modifiers and not (f.particle or f.requires or f.needs_item)
    ]


def _background_event(candidate: Candidate, modality: Modality) -> bool:
    """An event noun that is not what its clause does ("A war between India and Pakistan
    would be catastrophic", "would remain to assist the government in its war against the
    Taliban", "threatened to invade in the biggest confrontation between Moscow and the
    West"): a clause announced for the future, threatened, refused or put under a condition
    does not make the noun an intent or a threat; it states no fact. Only the object of the
    clause's verb ("will impose sanctions on X", "threatened an invasion of X") takes the
    clause's mode."""
    noun = candidate.predicate
    if noun.pos_ not in {"NOUN", "PROPN"} or noun == candidate.anchor:
        return False
    if not (modality.mode in UNASSERTED_MODES or modality.conditional or modality.potential):
        return False
    return not (noun.head == candidate.anchor and noun.dep_ in {"dobj", "nsubjpass", "attr"})


def _upcoming(noun: Token, lexicon: Lexicon) -> bool:
    """An event noun told as still to come: the passive subject of "expected", "scheduled"
    ("A meeting between X and Y is expected later today", "Negotiations had been expected
    to start") or the object of "ahead of" ("Ahead of a visit to Moscow by X"); it is an
    intent (03), not the act. Not: "the meeting was held", "after a visit to Moscow"."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = noun.head
    if noun.dep_ == "nsubjpass":
        return lexicon.lemma(head) in words().expectation_verbs
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in words().anticipation_adverbs
    )


def threat_of(relation_name: str, ontology: Ontology) -> str | None:
    """The threat (13) a coercive or violent act makes when only vowed ("vowed to fight
    on"), else None."""
    relation = ontology.relation(relation_name)
    if relation.quad_class < QuadClass.MATERIAL_CONFLICT:
        return None
    return words().threat_by_root.get(relation.cameo_root, "threatens")


def _refused_intent(relation_name: str, modality: Modality, ontology: Ontology) -> bool:
    """A future cooperative act, negated, with no condition and no control verb
    ("will not recognise", "would not allow"); not an expressed intent verb (03), nor an
    intent noun ("had no plans to hold talks with X": a negated intent)."""
    if modality.mode != Mode.INTENT or modality.conditional or modality.denier is not None:
        return False
    if any(token.dep_ == "xcomp" for token in modality.chain[:-1]):
        return False
    if modality.controller in words().intent_nouns:
        return False
    relation = ontology.relation(relation_name)
    return (
        relation.cameo_root not in {"03", "12"}
        and relation.quad_class <= QuadClass.MATERIAL_COOPERATION
    )


def apply_mode(relation_name: str, modality: Modality, ontology: Ontology) -> str | None:
    """The relation an act stated in ``modality``'s mode expresses (an intent, a threat,
    a rejection or the act itself); ``None``: no fact."""
    mode = modality.mode
    relation = ontology.relation(relation_name)
    root = relation.cameo_root
    coercive = relation.quad_class >= QuadClass.MATERIAL_CONFLICT
    if mode == Mode.ACT and coercive and (modality.potential or modality.possible):
        # "The EC may halt mediation if cooperation founders", "Washington could impose
        # further sanctions": a possible coercive act is held over the target, i.e. a
        # threat (13), never the act.
        return words().threat_by_root.get(root, "threatens")
    if mode in {Mode.ACT, Mode.ATTEMPT}:
        return relation_name
    if mode == Mode.REFUSE:
        return "rejects"
    if root in {"03", "13"}:
        return relation_name
    # Only a coercive or violent act (material conflict, 14-20) announced for the future
    # or put under a condition is a threat; a future investigation, demand or protest
    # (verbal conflict, 09-12) is stated as the act itself ("The IAEA will inspect the
    # sites" is 09, not 13).
    if mode == Mode.THREAT or (modality.conditional and coercive):
        return words().threat_by_root.get(root, "threatens")
    if mode == Mode.INTENT:
        if relation_name in {"suppliesMilitaryAidTo"}:
            return "promisesMilitaryAidTo"
        if relation_name == "mediatesFor":
            return "offersToMediateBetween"
        if coercive:
            return words().threat_by_root.get(root, "threatens")
        if root == "09" and (modality.controller is not None or modality.asserter is not None):
            # "offered to send election observers", "said it would investigate": an
            # offer or pledge, unlike a bare "The IAEA will inspect the sites" (09).
            return "expressesIntentToCooperateWith"
        if relation.quad_class >= QuadClass.VERBAL_CONFLICT:
            return relation_name
        return words().intent_by_root.get(root, "expressesIntentToCooperateWith")
    return relation_name


def _speaker(modality: Modality, resolver: Resolver) -> Actor | None:
    token = modality.denier or modality.asserter
    if token is None:
        return None
    return speaker_actor(token, resolver)


def _attributes(
    candidate: Candidate, modality: Modality, context: SentenceContext
) -> tuple[tuple[str, str], ...]:
    resolver = context.actors
    attributes: dict[str, str] = {}
    item = candidate.item or modality.instrument
    if item is not None:
        attributes["item"] = _phrase(item)
        origin = _origin(item, resolver)
        if origin is not None:
            attributes["item_origin"] = origin
    if modality.accused:
        attributes["modality"] = "alleged"
    elif modality.mode != Mode.ACT:
        attributes["modality"] = modality.mode.value
    if modality.conditional:
        attributes["conditional"] = "true"
    attributes["trigger"] = context.lexicon.lemma(candidate.predicate)
    return tuple(sorted(attributes.items()))
