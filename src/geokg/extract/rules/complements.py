"""The complements family: acts stated only through their mode, when no frame covers them.

The complement of a commitment, refusal or threat verb ("agreed to open a crossing for
Cambodian refugees": an intent (03); "refused to grant visas to U.N. investigators": a
rejection (12); "threatened to impose martial law in the south": a threat (13)), a vowed
coercive act (a threat), a future act under an "unless" or negated "if" condition (a
threat), a conditional act of relief (a promise), yielding to protests (08), refusing food
(a protest, 14) and promises told to someone (03). Rule strength 0.75.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from geokg.extract.drafts import plain_frames, threat_of
from geokg.extract.lexicon import Control, Frame, Lexicon, load_lexicon, words
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import (
    Resolver,
)
from geokg.extract.rules.base import Candidate, SentenceContext, register
from geokg.extract.syntax import slot_tokens
from geokg.extract.targets import _clause_doers, place_of, state_of
from geokg.extract.tokenindex import TokenIndex
from geokg.model import Actor, ActorType

COMPLEMENT_STRENGTH = 0.75


CONDITION_SUBJECT = "cond-subj"


THREAT_FRAME_FALLBACK = Frame("unless", "VERB", "threatens", (), (), strength=0.75)


# A verb-triggered rule: its trigger lemmas and what it builds from the verb.
VerbRule = tuple[frozenset[str], Callable[[Token], Candidate | None]]


def _first_triggered(token: Token, lemma: str, rules: tuple[VerbRule, ...]) -> Candidate | None:
    """The candidate of the first rule whose trigger lemmas include the verb's and that
    finds one."""
    if token.pos_ != "VERB":
        return None
    for triggers, build in rules:
        if lemma in triggers:
            candidate = build(token)
            if candidate is not None:
                return candidate
    return None


def _complement_candidates(
    tokens: TokenIndex,
    candidates: list[Candidate],
    resolver: Resolver,
    lexicon: Lexicon,
    *,
    threat_of: Callable[[str], str | None] | None = None,
) -> Iterator[Candidate]:
    """Events stated only through their mode, when no lexicon frame covers the act: the
    complement of a commitment, refusal or threat verb, and a future act put under an
    "unless" (or a negated "if") condition ("will boycott parliament unless the government
    withdraws the bill", "would shut down the terminals if the government did not ...": a
    threat against the target of the act, else against whom the condition is put to).

    A vow ("have sworn to fight until ...", "vowed to crush the rebellion") is a threat when
    its complement is a coercive or violent act (``threat_of`` maps the act's relation to the
    threat, None for other acts); a vow of anything else says nothing here."""
    covered = {c.predicate.i for c in candidates} | {c.anchor.i for c in candidates}
    # "resigned after weeks of demonstrations" is both the protest and the concession.
    yielded = {c.anchor.i for c in candidates if c.relation == "yieldsTo" and c.objects}
    # Verb-triggered acts, tried in order; the first that yields a candidate wins.
    verb_rules: tuple[VerbRule, ...] = (
        (words().yield_triggers, lambda verb: _yield_to_pressure(verb, yielded, resolver)),
        (words().food_refusals, lambda verb: _food_refusal(verb, covered, resolver)),
        (words().assuring_verbs, lambda verb: _promise_to(verb, covered, resolver)),
    )
    for noun in tokens.lemma_in(words().vow_nouns):
        # "renewed vows to find the girls and crush Boko Haram": the vow's infinitive, by
        # the doer of the verb that carries the noun.
        # (the tagger may take "vows" for a verb: its object dependency says it is a noun)
        nominal = noun.pos_ == "NOUN" or noun.dep_ in {"dobj", "nsubj", "pobj"}
        if not nominal or threat_of is None or noun.head.pos_ != "VERB":
            continue
        for clause in noun.children:
            if clause.dep_ == "acl" and _infinitive_complement(clause, marked=True):
                yield from _vowed_threats(noun.head, clause, covered, resolver, threat_of)
    # Every branch below needs a verb (or, for a complement relation, an adjective).
    for token in tokens.pos("VERB", "ADJ"):
        lemma = tokens.lemma(token)
        if lemma in words().vow_verbs and token.pos_ == "VERB" and threat_of is not None:
            for clause in token.children:
                if _infinitive_complement(clause):
                    yield from _vowed_threats(token, clause, covered, resolver, threat_of)
            continue
        found = _first_triggered(token, lemma, verb_rules)
        if found is not None:
            yield found
            continue
        relation = words().complement_relations.get(lemma)
        if relation is not None and token.pos_ in {"VERB", "ADJ"}:
            # With no target in the act, the offer or threat is made to whom the condition
            # names ("ready to pull back its troops if Eritrea did the same").
            for clause in token.children:
                if clause.dep_ == "xcomp" and clause.pos_ in {"VERB", "AUX"}:
                    found = _complement_event(
                        token, clause, relation, covered, resolver, (CONDITION_SUBJECT,)
                    )
                    if found is not None:
                        yield found
        elif token.pos_ == "VERB" and _conditional_relief(token, lexicon):
            found = _complement_event(
                token,
                token,
                "expressesIntentToCooperateWith",
                covered,
                resolver,
                (CONDITION_SUBJECT,),
            )
            if found is not None:
                yield found
        elif token.pos_ == "VERB" and _threat_condition(token, lexicon):
            found = _complement_event(
                token, token, "threatens", covered, resolver, (CONDITION_SUBJECT,)
            )
            if found is not None:
                # "will not keep troops in Iraq unless ...": the act's negation is what is
                # threatened, not a negation of the threat.
                yield dataclasses.replace(found, negation_is_act=True)


def _infinitive_complement(clause: Token, *, marked: bool = False) -> bool:
    """'vowed to fight': the parser makes the infinitive an xcomp or, after a perfect
    ("have sworn to fight"), an advcl; with ``marked``, any clause with "to" (a noun's
    "vows to crush ...")."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    return clause.pos_ in {"VERB", "AUX"} and (
        (marked and to) or clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and to)
    )


def _vowed_threats(
    head: Token,
    clause: Token,
    covered: set[int],
    resolver: Resolver,
    threat_of: Callable[[str], str | None],
) -> Iterator[Candidate]:
    """The threats of a vowed infinitive and of the infinitives conjoined with it ("vowed
    to find the girls and crush Boko Haram": the second one is the threat)."""
    conjoined = [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for verb in [clause, *conjoined]:
        found = _vowed_threat(head, verb, covered, resolver, threat_of)
        if found is not None:
            yield found


def _vowed_threat(
    head: Token,
    clause: Token,
    covered: set[int],
    resolver: Resolver,
    threat_of: Callable[[str], str | None],
) -> Candidate | None:
    """'X vowed to crush the rebels', 'X have sworn to fight until they control villages near
    Y's border': a vowed coercive act is a threat against its target, else against whom or
    where the "until" clause names."""
    lexicon = resolver.lexicon
    lemma = lexicon.lemma(clause)
    relation: str | None = "threatensMilitaryForceAgainst" if lemma in words().vowed_force else None
    plain = plain_frames(clause, lexicon)
    if relation is None and plain:
        relation = threat_of(plain[0].relation)
    if relation is None:
        return None
    if clause.i in covered or head.i in covered:
        return None
    subjects = _clause_doers(head, resolver)
    if not subjects:
        return None
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    own = [s.actor for s in subjects]
    # The "until" clause hangs on the infinitive or, after a perfect, on the vow itself.
    objects = (
        _complement_target(verbs, subjects, resolver, ())
        or _until_targets(clause, own, resolver)
        or _until_targets(head, own, resolver)
    )
    if not objects:
        return None
    frame = Frame(lexicon.lemma(head), "VERB", relation, (), (), strength=COMPLEMENT_STRENGTH)
    return Candidate(clause, clause, frame, relation, subjects, objects, None, frame.strength)


def _until_targets(verb: Token, own: list[Actor], resolver: Resolver) -> tuple[Resolved, ...]:
    """'fight until Ethiopian troops leave Somalia', '... until they gain control of villages
    near Macedonia's border': the first actor named in an "until" clause."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ == "until" for c in clause.children
        ):
            continue
        for token in clause.subtree:
            if token.pos_ == "PRON":
                continue
            found = tuple(r for r in resolver.actors(token, exclude=own) if r.actor not in own)
            if found:
                return found[:1]
    return ()


def _threat_condition(verb: Token, lexicon: Lexicon) -> bool:
    """A future or possible act carrying "unless ..." or a negative "if" clause: "if ...
    not ...", "if X fails/refuses to ..." (a negating or refusing control verb); or an act
    withheld under any "if" clause ("cannot guarantee the safety of X's peacekeepers if the
    president is indicted", "will not keep troops in X if ..."): only acts no frame covers
    come here, so a hostile act not done under a condition ("will not attack X if ...") is
    not one of them."""
    modals = load_lexicon().future | words().possibility_modals | words().ability_modals
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not auxiliaries & modals:
        return False
    withheld = bool(auxiliaries & (load_lexicon().future | words().ability_modals)) and any(
        c.dep_ == "neg" for c in verb.children
    )
    for clause in verb.children:
        if clause.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if "unless" in marks or ("if" in marks and withheld):
            return True
        if "if" in marks and (
            any(c.dep_ == "neg" or c.lower_ in lexicon.negation for c in clause.children)
            or _negative_control(clause, lexicon)
        ):
            return True
    return False


def _negative_control(clause: Token, lexicon: Lexicon) -> bool:
    """'(if X) fails to sign', '(if X) refuses to hold elections': a clause whose verb
    controls an infinitive it says will not be done."""
    lemma = lexicon.lemma(clause)
    return any(c.dep_ == "xcomp" for c in clause.children) and (
        lemma in words().negating_control or lexicon.control.get(lemma) == Control.REFUSE
    )


def _conditional_relief(verb: Token, lexicon: Lexicon) -> bool:
    """A future act of relief under a positive "if" condition: a conditional promise."""
    lemma = lexicon.lemma(verb)
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
    if lemma not in words().relief_verbs and not any(
        (lemma, p) in words().relief_phrasals for p in particles
    ):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in load_lexicon().future for c in verb.children):
        return False
    return any(
        clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "if" for m in clause.children)
        and not any(c.dep_ == "neg" or c.lower_ in lexicon.negation for c in clause.children)
        for clause in verb.children
    )


def _complement_event(
    head: Token,
    clause: Token,
    relation: str,
    covered: set[int],
    resolver: Resolver,
    extra_slots: tuple[str, ...],
) -> Candidate | None:
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if head.i in covered or any(v.i in covered for v in verbs):
        return None
    # An act inside the condition ("unless Iran restores cooperation with the agency") is
    # not the act threatened.
    condition = {
        t.i
        for v in verbs
        for c in v.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in load_lexicon().conditional for m in c.children)
        for t in c.subtree
    }
    if any(
        t.i in covered and t.i not in condition
        for v in verbs
        for t in v.subtree
        if t.pos_ in {"VERB", "NOUN"}
    ):
        return None
    subjects = _clause_doers(head, resolver)
    if not subjects:
        return None
    objects = (
        _complement_target(verbs, subjects, resolver, extra_slots)
        or _measure_home(verbs, subjects, resolver)
        # "threatened to recall its ambassador if the EU went ahead": the condition may
        # hang on the threat rather than on the act.
        or (_complement_target([head], subjects, resolver, extra_slots) if extra_slots else ())
    )
    if not objects and relation == "rejects":
        objects = _defied_pressure([*verbs, head], subjects, resolver)
    if not objects:
        return None
    # A complement verb with a frame whose arguments were not found still says what kind
    # of act it is ("pledging to strike deep inside Israel" is a threat, not a promise).
    # Only a frame that needs no cue says so ("open" is hostile only with "fire").
    plain = plain_frames(clause, resolver.lexicon)
    if plain and clause is not head:
        relation = plain[0].relation
    frame = Frame(
        resolver.lexicon.lemma(head), "VERB", relation, (), (), strength=COMPLEMENT_STRENGTH
    )
    return Candidate(clause, clause, frame, relation, subjects, objects, None, frame.strength)


YIELD_FRAME = Frame("yield", "VERB", "yieldsTo", (), (), strength=COMPLEMENT_STRENGTH)


def _pressure_noun(prep: Token) -> Token | None:
    for noun in (c for c in prep.children if c.dep_ == "pobj"):
        if noun.lemma_.lower() in words().span_nouns:
            noun = next(iter(slot_tokens(noun, "prep:of")), noun)
        if noun.lemma_.lower() in words().pressure_nouns:
            return noun
    return None


def _yield_to_pressure(verb: Token, covered: set[int], resolver: Resolver) -> Candidate | None:
    """A concession (08) to protesters: toward whoever the protest names ("by lawyers",
    "led by opposition parties"), else, as a domestic event, the yielder's own state."""
    lemma = resolver.lexicon.lemma(verb)
    if verb.i in covered:
        return None
    if lemma == "give" and not any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return None
    preps = words().yield_preps.get(lemma, frozenset({"to"}))
    pressure = next(
        (
            noun
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in preps
            for noun in [_pressure_noun(p)]
            if noun is not None
        ),
        None,
    )
    if pressure is None:
        return None
    subjects = _clause_doers(verb, resolver)
    if not subjects:
        return None
    own = [s.actor for s in subjects]
    objects: tuple[Resolved, ...] = ()
    for token in pressure.subtree:
        if token.pos_ in {"PRON", "DET"} or token == pressure:
            continue
        objects = tuple(
            r
            for r in resolver.actors(token, exclude=own)
            if r.actor not in own and r.via != Via.LOCATION
        )
        if objects:
            break
    if not objects:
        objects = _home_state(subjects, resolver, pressure)
    if not objects:
        return None
    return Candidate(verb, verb, YIELD_FRAME, "yieldsTo", subjects, objects, None, 0.75)


def _home_state(
    subjects: tuple[Resolved, ...], resolver: Resolver, anchor: Token
) -> tuple[Resolved, ...]:
    """The subject's own state, as the target of a domestic event with unnamed actors."""
    for subject in subjects:
        state = state_of(subject.actor, resolver)
        if state is not None:
            return (Resolved(state, subject.certainty * 0.85, Via.LOCATION, anchor.i),)
    return ()


FOOD_REFUSAL_FRAME = Frame("refuse", "VERB", "protestsAgainst", (), (), strength=0.75)


def _food_refusal(verb: Token, covered: set[int], resolver: Resolver) -> Candidate | None:
    """A protest (14) against whom the purpose clause names ("to demand that the ministry
    ..."), else, as a domestic event, the protester's own state."""
    refused = [
        c
        for c in verb.children
        if (c.dep_ == "dobj" and c.lemma_.lower() in words().food_nouns)
        or (c.dep_ == "xcomp" and c.lemma_.lower() == "eat")
    ]
    if not refused or verb.i in covered:
        return None
    subjects = _clause_doers(verb, resolver)
    if not subjects:
        return None
    own = [s.actor for s in subjects]
    purposes = [c for c in verb.children if c.dep_ in {"advcl", "prep"} and c.i > refused[0].i]
    objects: tuple[Resolved, ...] = ()
    for clause in purposes:
        for token in clause.subtree:
            if token.pos_ in {"PRON", "DET"}:
                continue
            objects = tuple(
                r
                for r in resolver.actors(token, exclude=own)
                if r.actor not in own and r.via != Via.LOCATION
            )
            if objects:
                break
        if objects:
            break
    objects = objects or _home_state(subjects, resolver, refused[0])
    if not objects:
        return None
    return Candidate(
        verb, verb, FOOD_REFUSAL_FRAME, "protestsAgainst", subjects, objects, None, 0.75
    )


def _promise_to(head: Token, covered: set[int], resolver: Resolver) -> Candidate | None:
    if head.i in covered:
        return None
    clauses = [
        c
        for c in head.children
        if c.dep_ in {"ccomp", "relcl"}
        and any(a.dep_ == "aux" and a.lower_ in load_lexicon().future for a in c.children)
    ]
    clauses += [
        c
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        for c in o.children
        if c.dep_ == "relcl" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
    ]
    if not clauses:
        return None
    subjects = _clause_doers(head, resolver)
    if not subjects:
        return None
    own = [s.actor for s in subjects]
    objects: tuple[Resolved, ...] = ()
    for slot in words().promise_slots:
        for filler in slot_tokens(head, slot):
            objects = tuple(
                r
                for r in resolver.actors(filler, exclude=own)
                if r.token not in {s.token for s in subjects}
            )
            if objects:
                break
        if objects:
            break
    if not objects:
        return None
    relation = "expressesIntentToCooperateWith"
    frame = Frame(
        resolver.lexicon.lemma(head), "VERB", relation, (), (), strength=COMPLEMENT_STRENGTH
    )
    return Candidate(head, head, frame, relation, subjects, objects, None, frame.strength)


def _defied_pressure(
    verbs: list[Token], subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """'declined to resign despite growing pressure by the anti-corruption commission',
    'refused to hand over the general despite demands from the tribunal': a refusal
    rejects whoever pressed for the act."""
    own = [s.actor for s in subjects]
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "despite":
                continue
            for pressure in (c for c in prep.children if c.dep_ == "pobj"):
                for token in pressure.subtree:
                    if token.pos_ == "PRON" or token == pressure:
                        continue
                    found = tuple(
                        r
                        for r in resolver.actors(token, exclude=own)
                        if r.actor not in own and r.via != Via.LOCATION
                    )
                    if found:
                        return found
    return ()


def _measure_home(
    verbs: list[Token], subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """'threatened to impose martial law in the south': the subject's own state."""
    for verb in verbs:
        for measure in (c for c in verb.children if c.dep_ == "dobj"):
            lemma = measure.lemma_.lower()
            if lemma == "state":  # "a state of emergency", "a state of siege"
                lemma = next((p.lemma_.lower() for p in slot_tokens(measure, "prep:of")), lemma)
            if lemma not in words().domestic_measures:
                continue
            if lemma in {"law", "rule"} and not any(
                c.lower_ in words().measure_modifiers for c in measure.children
            ):
                continue
            for subject in subjects:
                state = state_of(subject.actor, resolver)
                if state is not None:
                    return (Resolved(state, subject.certainty * 0.85, Via.LOCATION, measure.i),)
    return ()


def _complement_target(
    verbs: list[Token],
    subjects: tuple[Resolved, ...],
    resolver: Resolver,
    extra_slots: tuple[str, ...],
) -> tuple[Resolved, ...]:
    own = [s.actor for s in subjects]
    subject_tokens = {s.token for s in subjects}
    for slots in (words().complement_slots, extra_slots):
        for verb in verbs:
            for slot in slots:
                modifier = slot.rsplit(">", 1)[-1] in {"poss", "amod", "compound"}
                for filler in slot_tokens(verb, slot):
                    if filler.pos_ == "PRON" and filler.dep_ != "nsubj":
                        continue  # "withdraw its troops": the subject's own
                    found = tuple(
                        r
                        for r in resolver.actors(filler, exclude=own, as_modifier=modifier)
                        if r.token not in subject_tokens
                        and (r.actor.type != ActorType.PERSON or r.actor.country is not None)
                    )
                    if _own_possession(filler, found, own):
                        continue  # "pull its troops back": the subject's own
                    if found:
                        return found
        if slots is words().complement_slots:
            for verb in verbs:
                place = _act_place(verb, resolver)
                if place is not None:
                    return (place,)
    return ()


def _own_possession(filler: Token, found: tuple[Resolved, ...], own: list[Actor]) -> bool:
    """'its troops', 'their forces': a possessive pronoun makes the filler the subject's."""
    return (
        bool(found)
        and all(r.actor in own for r in found)
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in filler.children)
    )


def _act_place(verb: Token, resolver: Resolver) -> Resolved | None:
    """Where an act happens: "impose martial law in the south", "open a crossing in X"."""
    place = place_of(verb, resolver)
    for obj in verb.children:
        if place is None and obj.dep_ == "dobj":
            place = place_of(obj, resolver, depth=1)
    return place


@register("complements")
def complement_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_complement_candidates`; a vowed act's threat comes from the ontology."""

    def threat(relation: str) -> str | None:
        return threat_of(relation, context.ontology)

    return _complement_candidates(
        context.tokens(sentence),
        context.candidates,
        context.actors,
        context.lexicon,
        threat_of=threat,
    )
