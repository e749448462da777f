"""Arguments of a predicate: from slot fillers to resolved actors, and the targets CAMEO
gives an event with no named one.

* items (the thing supplied or used) and their classes (``items.json``);
* slot fillers resolved to actors, skipping the subject's own mentions and possessions,
  with relational nouns ("its border with Kuwait"), holders of captives and owners of
  non-actor phrases ("praised Haiti's efforts");
* places and states: where an event happens, the state an actor belongs to;
* default targets: the place of the event or a domestic subject's own state, perpetrators
  of violent incidents, attempts, expulsions, participants of gatherings, symmetric pairs;
* speakers: the actor a speaker phrase speaks for.
"""

from __future__ import annotations

from spacy.tokens import Token

from geokg.errors import GeokgError
from geokg.extract.lexicon import Frame, Lexicon, load_lexicon, words
from geokg.extract.naming import conjuncts
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import (
    Resolver,
)
from geokg.extract.syntax import _children, _gathering_purpose, logical_subject, slot_tokens
from geokg.model import Actor, ActorType
from geokg.ontology import load_ontology


def _key(actor: Actor) -> str:
    return actor.country or actor.id


def speaker_actor(token: Token, resolver: Resolver, *, depth: int = 2) -> Actor | None:
    """The actor a speaker phrase speaks for: the phrase itself ('the Kremlin', 'he'), else
    the body it speaks for ('a spokesman for the Chinese foreign ministry', 'an official at
    the State Department', 'a spokeswoman of the EU Commission')."""
    found = [r for r in resolver.actors(token) if r.via != Via.LOCATION]
    if found:
        return found[0].actor
    if depth == 0:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in words().speaker_preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    actor = speaker_actor(pobj, resolver, depth=depth - 1)
                    if actor is not None:
                        return actor
    return None


def _clause_doers(head: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """The actors doing ``head``'s clause: those of its first logical subject that resolves
    to actors other than ones known only by their location."""
    for subject_token in logical_subject(head):
        subjects = tuple(r for r in resolver.actors(subject_token) if r.via != Via.LOCATION)
        if subjects:
            return subjects
    return ()


PLACE_CERTAINTY = 0.8


HOME_CERTAINTY = 0.75


PLACE_VIAS = frozenset({Via.LOCATION, Via.CAPITAL, Via.CITY})


# Subjects that are a domestic part of a state (not the state itself): "Algerian students".
DOMESTIC_SUBJECT_VIAS = frozenset(
    {Via.AGENT_NOUN, Via.DEMONYM, Via.OFFICE, Via.MODIFIER, Via.LOCATION, Via.HOME_INSTITUTION}
)


OWNER_CERTAINTY = 0.85


def _item_tokens(
    token: Token, slot: str, *, passive: bool, resolver: Resolver, actors: bool = False
) -> list[Token]:
    found: list[Token] = []
    for candidate in slot_tokens(token, slot, passive=passive):
        if candidate.pos_ == "VERB":
            # "supplying Russia with exploding drones": pcomp "exploding" -> "drones"
            found.extend(c for c in candidate.children if c.dep_ == "dobj")
        elif candidate.pos_ == "PRON":
            # "pull out all of its workers": a quantity pronoun stands for what it counts.
            found.extend(
                pobj
                for prep in candidate.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in _children(prep, "pobj")
                if pobj.pos_ == "NOUN"
            )
        elif resolver.explicit(candidate) is None or (actors and candidate.pos_ == "NOUN"):
            # With ``actors`` a common noun naming people is still the thing sent or
            # received ("dispatched inspectors", "received a mission of observers").
            found.append(candidate)
    return found


def _item(
    token: Token, frame: Frame, lexicon: Lexicon, resolver: Resolver, *, passive: bool
) -> tuple[Token | None, frozenset[str]]:
    """The supplied/used thing: the first slot filler that is not an actor."""
    fallback: Token | None = None
    for slot in frame.item:
        for candidate in _item_tokens(
            token, slot, passive=passive, resolver=resolver, actors=frame.item_actors
        ):
            classes = item_classes(candidate, lexicon)
            if classes:
                return candidate, classes
            fallback = fallback or candidate
    return fallback, frozenset()


def item_classes(token: Token, lexicon: Lexicon) -> frozenset[str]:
    """Classes of an item phrase: its head, compounds, modifiers and conjuncts."""
    classes: set[str] = set()
    for conj in conjuncts(token):
        classes |= lexicon.classes_of(conj.lemma_)
        for child in conj.children:
            if child.dep_ in {"compound", "amod"}:
                classes |= lexicon.classes_of(child.lemma_)
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in _children(child, "pobj"):
                    classes |= item_classes(pobj, lexicon)
    return frozenset(classes)


def _resolve_slots(
    token: Token,
    slots: tuple[str, ...],
    resolver: Resolver,
    *,
    passive: bool,
    exclude: tuple[Resolved, ...],
    skip: Token | None = None,
) -> tuple[Resolved, ...]:
    others = [r.actor for r in exclude]
    for slot in slots:
        for filler in slot_tokens(token, slot, passive=passive):
            if skip is not None and filler == skip and not slot.startswith("dobj"):
                continue
            if _inside(filler, exclude):
                continue
            # "a Liberian-flagged tanker": the demonym modifies the "-flagged" adjective.
            modifier = slot.rsplit(">", 1)[-1] in {"amod", "compound", "poss", "npadvmod"}
            if modifier and stance(filler) is not None:
                continue  # "condemned the anti-China riots": China is no rioter
            partner = _partner(filler, resolver, exclude) or tuple(_holder(filler, resolver))
            if partner:
                return partner
            resolved = [
                r
                for r in resolver.actors(filler, exclude=others, as_modifier=modifier)
                if not _same_mention(r, exclude)
            ]
            if resolved and _own_possession(filler, resolved, exclude):
                continue  # "along its border": the subject's own thing is no target
            if not resolved and filler != skip and (not modifier or filler.pos_ == "NOUN"):
                resolved = _owner(filler, resolver, exclude=exclude)
            if resolved:
                return tuple(resolved)
    return ()


def _own_possession(
    filler: Token, resolved: list[Resolved], subjects: tuple[Resolved, ...]
) -> bool:
    """A thing the subject calls its own ("its border", "their own territory")."""
    own = {r.actor for r in subjects}
    return (
        filler.pos_ == "NOUN"
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in filler.children)
        and all(r.actor in own for r in resolved)
    )


def _partner(
    filler: Token, resolver: Resolver, exclude: tuple[Resolved, ...]
) -> tuple[Resolved, ...]:
    """The other side of a relational noun: "along its border with Kuwait", "its ties with
    Iran" (the possessive is the subject's own)."""
    if filler.lemma_.lower() not in words().owner_with_nouns or not any(
        c.dep_ == "poss" for c in filler.children
    ):
        return ()
    others = [r.actor for r in exclude]
    for prep in filler.children:
        if prep.dep_ == "prep" and prep.lower_ in {"with", "between"}:
            for pobj in _children(prep, "pobj"):
                found = [r for r in resolver.actors(pobj, exclude=others) if r.actor not in others]
                if found:
                    return tuple(found)
    return ()


def _inside(filler: Token, mentions: tuple[Resolved, ...]) -> bool:
    """The filler is one of the mentions or a modifier of one: not a second actor."""
    for mention in mentions:
        if filler.i == mention.token:
            return True
        if filler.head.i == mention.token and filler.dep_ in {"compound", "amod", "poss", "nmod"}:
            return True
    return False


def _same_mention(candidate: Resolved, mentions: tuple[Resolved, ...]) -> bool:
    """One phrase is one actor: a fact needs two mentions. Same-country pairs from two
    different phrases ("Turkish police prevented a demonstration by Turkish students") are
    left to the pipeline's distinctness check."""
    for mention in mentions:
        if candidate.token == mention.token:
            return True
        if candidate.actor == mention.actor and Via.COREF in {candidate.via, mention.via}:
            return True
    return False


def stance(modifier: Token) -> str | None:
    """ "against" or "for" when a stance prefix stands before the modifier's phrase
    ("anti-China", "anti-North Korea", "pro-Russian"), else None."""
    lexicon = load_lexicon()
    doc = modifier.doc
    window = doc[max(modifier.left_edge.i - 2, 0) : modifier.i]
    prefix = modifier.lower_.split("-", 1)[0] if "-" in modifier.lower_ else ""
    for word in window:
        if word.i + 1 < len(doc) and doc[word.i + 1].text == "-":
            prefix = word.lower_
    if prefix in lexicon.stance_against:
        return "against"
    if prefix in lexicon.stance_for:
        return "for"
    return None


def _owner(
    filler: Token, resolver: Resolver, *, depth: int = 2, exclude: tuple[Resolved, ...] = ()
) -> list[Resolved]:
    """The actor owning a non-actor object phrase: "praised Haiti's efforts", "eased
    measures in Montenegro province", "workers of the bus company of Tehran", "crimes
    committed by Croat forces", "a resolution of the Security Council"."""
    if depth == 0 or filler.pos_ not in {"NOUN", "PROPN"}:
        return []
    found: list[Resolved] = []
    via = Via.OWNER
    for child in filler.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            if stance(child) is not None:
                continue  # "the anti-China riots" are not China's
            found = resolver.actors(child, as_modifier=True) or _owner(
                child, resolver, depth=depth - 1
            )
        elif child.dep_ == "prep" and (
            child.lower_ in words().owner_preps
            or (child.lower_ == "with" and filler.lemma_.lower() in words().owner_with_nouns)
        ):
            for pobj in _children(child, "pobj"):
                holder = _holder(pobj, resolver) if child.lower_ == "of" else []
                found = holder or resolver.actors(pobj) or _owner(pobj, resolver, depth=depth - 1)
            # A place ("a jail in northern Israel") locates the target, it is no domestic
            # actor of its own.
            if found and child.lower_ == "in":
                via = Via.LOCATION
        elif child.dep_ == "acl":
            for pobj in slot_tokens(child, "agent"):
                found = resolver.actors(pobj)
        # "deployed tanks along its border with Kuwait": the subject's own possessive is no
        # owner; look on.
        found = [r for r in found if not _same_mention(r, exclude)]
        if found:
            break
    return [
        Resolved(
            r.actor,
            r.certainty * OWNER_CERTAINTY,
            # Coreference and a state's institution taken from context keep their route.
            r.via if r.via in {Via.COREF, Via.HOME_INSTITUTION} else via,
            filler.i,
        )
        for r in found
    ]


def _holder(captive: Token, resolver: Resolver) -> list[Resolved]:
    """Who holds captives: "the release of its nationals held in Iran", "of the hostages
    held by Hezbollah" (the target of a demand for, or an offer of, their release)."""
    for clause in _children(captive, "acl"):
        if clause.lemma_.lower() not in words().holding_verbs:
            continue
        for agent in slot_tokens(clause, "agent"):
            if found := resolver.actors(agent):
                return found
        place = place_of(clause, resolver)
        if place is not None:
            return [place]
    return []


def _subject_actors(subject: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """The subject's actors; "the foreign ministers of Egypt and Israel" stands for both
    coordinated owners, not only the first (a pair for symmetric events)."""
    found = tuple(resolver.actors(subject))
    if len(found) != 1 or found[0].via != Via.AGENT_NOUN:
        return found
    for prep in _children(subject, "prep"):
        if prep.lower_ == "of":
            for pobj in _children(prep, "pobj"):
                owners = tuple(resolver.actors(pobj))
                if len(owners) >= 2 and found[0].actor in {o.actor for o in owners}:
                    return tuple(
                        Resolved(o.actor, o.certainty, Via.AGENT_NOUN, o.token) for o in owners
                    )
    return found


def _expelled_by_place(
    verb: Token, resolver: Resolver
) -> tuple[tuple[Resolved, ...], tuple[Resolved, ...]] | None:
    """The expelling state ("from Sudan") and the people expelled, for an agentless passive."""
    for place in slot_tokens(verb, "prep:from"):
        named = resolver.explicit(place)
        state = _state(named.actor, resolver) if named is not None else None
        if named is None or state is None:
            continue
        expeller = Resolved(state, named.certainty, named.via, named.token)
        expelled = tuple(
            r
            for moved in _children(verb, "nsubjpass")
            for r in resolver.actors(moved, exclude=[state])
            if not _same_mention(r, (expeller,))
        )
        if expelled:
            return (expeller,), expelled
    return None


def _attempt_noun(verb: Token) -> Token | None:
    """The noun an infinitive completes: "an attempt to assassinate X", "a plot to bomb"."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in words().attempt_nouns:
        return verb.head
    return None


def _attempt_agent(verb: Token, lexicon: Lexicon, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who attempted a violent act: the attempt's own doer ("an attempt by Islamic militants
    to assassinate ...", "the rebels' plot"), the subject of an agent light verb ("rebels
    made an attempt to ..."), else, as CAMEO codes an unnamed perpetrator, the place ("police
    foiled an attempt to assassinate the president in Cairo")."""
    attempt = verb.head
    own = tuple(
        r
        for slot in words().attempt_doer_slots
        for f in slot_tokens(attempt, slot)
        for r in resolver.actors(f, as_modifier=slot != "prep:by")
    )
    if own:
        return own[:2]
    governor = attempt.head
    if attempt.dep_ == "dobj" and lexicon.lemma(governor) in lexicon.agent_light_verbs:
        for doer in logical_subject(governor):
            found = tuple(resolver.actors(doer))
            if found:
                return found
    place = place_of(verb, resolver) or place_of(attempt, resolver)
    for victim in _children(verb, "dobj"):
        place = place or place_of(victim, resolver, depth=1)  # "a senator in Bogota"
    if place is None and attempt.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        place = place_of(governor, resolver)
    return (place,) if place is not None else ()


def _state(actor: Actor, resolver: Resolver) -> Actor | None:
    """The state an actor is or belongs to (a city span already resolves to its state);
    people are not their state here (see ``state_of``)."""
    if actor.type == ActorType.PERSON:
        return None
    return state_of(actor, resolver)


def state_of(actor: Actor, resolver: Resolver) -> Actor | None:
    """The state an actor is or acts for (None for organisations and groups)."""
    if actor.type == ActorType.STATE:
        return actor
    if actor.country is None:
        return None
    record = resolver.gazetteer.get(actor.country)
    if record is None:
        return None
    state: Actor = record.to_actor(on=resolver.published)
    return state if state.type == ActorType.STATE else None


def place_of(token: Token, resolver: Resolver, *, depth: int = 2) -> Resolved | None:
    """The state where the event of ``token`` happens: "in Baghdad", "near the town of
    Samarra", "at a jail in East Timor's capital Dili" (never a person)."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in words().scene_preps:
            continue
        for pobj in _children(prep, "pobj"):
            found = _place_in(pobj, resolver, depth=depth)
            if found is not None:
                return found
    return None


def _place_in(noun: Token, resolver: Resolver, *, depth: int) -> Resolved | None:
    named = resolver.explicit(noun)
    if named is not None:
        state = _state(named.actor, resolver)
        if state is None:
            return None
        return Resolved(state, named.certainty * PLACE_CERTAINTY, Via.LOCATION, noun.i)
    for child in noun.children:
        if child.dep_ == "poss":
            # "East Timor's capital Dili", "Sudan's western region"
            owner = resolver.explicit(child)
            if owner is not None and (state := _state(owner.actor, resolver)) is not None:
                return Resolved(state, owner.certainty * PLACE_CERTAINTY, Via.LOCATION, noun.i)
        if child.dep_ == "compound":
            # "a Jerusalem market", "a Baghdad hotel": a place name, not an owner ("a US
            # base" is owned, not located).
            place = resolver.explicit(child)
            if place is not None and place.via in PLACE_VIAS:
                state = _state(place.actor, resolver)
                if state is not None:
                    return Resolved(state, place.certainty * PLACE_CERTAINTY, Via.LOCATION, noun.i)
    if depth == 0:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and (prep.lower_ in words().scene_preps or prep.lower_ == "of"):
            for pobj in _children(prep, "pobj"):
                found = _place_in(pobj, resolver, depth=depth - 1)
                if found is not None:
                    return found
    for appos in _children(noun, "appos"):
        found = _place_in(appos, resolver, depth=depth - 1)
        if found is not None:
            return found
    return None


def _default_target(
    predicate: Token,
    subjects: tuple[Resolved, ...],
    resolver: Resolver,
    *,
    own_state: bool = False,
) -> tuple[Resolved, ...]:
    """The target of a protest that names none: the state where it happens ("students
    blocked roads in Algiers"), else the domestic protesters' own state ("Young Algerians
    blocked roads"): CAMEO codes such protests as aimed at the government."""
    if any(o.pos_ == "PRON" for o in _children(predicate, "dobj")):
        return ()  # "Serbs had barricaded themselves in a monastery": no protest
    defied = _defiance_target(predicate, subjects, resolver)
    if defied:
        return defied
    purpose = _purpose_target(predicate, subjects, resolver)
    if purpose:
        return purpose
    place = place_of(predicate, resolver)
    for noun in _children(predicate, "dobj"):
        place = place or place_of(noun, resolver, depth=1)
    if place is None and _is_purpose_clause(predicate):
        # "held a rally in Lusaka to protest price rises": the place is on the rally.
        governor = predicate.head
        place = place_of(governor, resolver)
        for noun in _children(governor, "dobj"):
            place = place or place_of(noun, resolver, depth=1)
    if place is not None:
        return (place,)
    return _home_states(predicate, subjects, resolver, own_state=own_state)


def _home_states(
    predicate: Token,
    subjects: tuple[Resolved, ...],
    resolver: Resolver,
    *,
    own_state: bool = False,
) -> tuple[Resolved, ...]:
    """The own states of domestic subjects ("Algerian students", "Chilean police", and
    "the protesters" resolved to the story's state), and
    with ``own_state`` of states acting at home ("Pakistan declared martial law")."""
    homes: list[Resolved] = []
    for subject in subjects:
        if subject.via not in DOMESTIC_SUBJECT_VIAS and not (
            own_state and subject.actor.type in {ActorType.STATE, ActorType.PERSON}
        ):
            continue  # "France protested": a state protesting names no target of its own
        # "Polish leader General X declared martial law": a leader's emergency rule is his
        # state's, at home.
        state = _state(subject.actor, resolver) or (
            state_of(subject.actor, resolver) if own_state else None
        )
        if state is not None and all(h.actor != state for h in homes):
            # The state's own territory is where its emergency rule applies.
            via = Via.HOME if subject.via in DOMESTIC_SUBJECT_VIAS else Via.LOCATION
            homes.append(Resolved(state, subject.certainty * HOME_CERTAINTY, via, predicate.i))
    return tuple(homes)


def _cameo_root(relation: str) -> str:
    try:
        return load_ontology().relation(relation).cameo_root
    except GeokgError:
        return ""


def _fallback_target(
    predicate: Token,
    frame: Frame,
    relation: str,
    subjects: tuple[Resolved, ...],
    lexicon: Lexicon,
    resolver: Resolver,
    *,
    passive: bool,
    item: Token | None,
    nominal: bool = False,
) -> tuple[Resolved, ...]:
    """CAMEO's target for an event that names no actor as its object.

    * restrictions and their easing ("imposed a curfew in Kabul", "lifted the state of
      emergency"): the place they apply to, else the domestic subject's own state;
    * violent acts with no named victim ("exploded bombs in the capital Kabul", "massacred
      20 peasants in a village in X"): the place only, never the attacker's home;
    * generic undergoers ("arrested dozens of students", "aid to flood victims in X"): the
      place of the event, else, for repression, coercion, concession, rejection and
      demands, the domestic subject's own state.
    """
    if any(o.pos_ == "PRON" for o in _children(predicate, "dobj")):
        return ()  # "barricaded themselves", "sealed itself off"
    undergoer = _undergoer(predicate, frame, lexicon, passive=passive)
    if relation in words().restriction_relations:
        if not _restricts(predicate, undergoer, lexicon, nominal=nominal):
            return ()  # "police prevented a bombing": no restriction on anyone
        emergency = is_emergency(predicate, lexicon, nominal=nominal)
        return _default_target(predicate, subjects, resolver, own_state=emergency)
    root = _cameo_root(relation)
    if root in words().violent_roots and all(s.via == Via.LOCATION for s in subjects):
        return ()  # "a plot to kill an activist in New York": the place is no attacker too
    if root in words().violent_roots and (undergoer is not None or not nominal):
        # "its war in Ukraine": a nominal act needs a named undergoer to be placed.
        if undergoer is None and not _violent_use(predicate, lexicon):
            return ()  # "troops fired a salute in Beijing", "stormed to victory in Sydney"
        place = _event_place(predicate, undergoer, resolver)
        return (place,) if place is not None else ()
    if root == INVESTIGATION_ROOT:
        return _investigated_target(predicate, subjects, resolver, passive=passive)
    if undergoer is None or root in words().violent_roots:
        return ()
    if root in words().place_undergoer_roots | words().home_undergoer_roots:
        place = _event_place(predicate, undergoer, resolver)
        if place is not None:
            return (place,)
    if root in words().home_undergoer_roots:
        return _home_states(predicate, subjects, resolver)
    return ()


INVESTIGATION_ROOT = "09"


def _investigated_target(
    predicate: Token, subjects: tuple[Resolved, ...], resolver: Resolver, *, passive: bool
) -> tuple[Resolved, ...]:
    """CAMEO's target of an investigation naming no actor: the place of the investigated act
    ("into alleged war crimes committed in Rwanda"), else, for a domestic judicial body
    ("Italian magistrates ... into bribes paid to party officials"), its own state."""
    for act in slot_tokens(predicate, "prep:into", passive=passive) + slot_tokens(
        predicate, "dobj", passive=passive
    ):
        place = _event_place(predicate, act, resolver)
        if place is not None:
            return (place,)
    doc = predicate.doc
    judicial = tuple(
        s
        for s in subjects
        if 0 <= s.token < len(doc) and doc[s.token].lemma_.lower() in words().judicial_nouns
    )
    return _home_states(predicate, judicial, resolver)


def _violent_use(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a violent verb with no named victim is used violently: its object is a weapon
    or an act of violence ("exploded a series of bombs", "opened fire"), or it has no object
    and only places and times hang on it ("rebels attacked in the north on Monday"), not an
    idiom ("fired a salute", "stormed to victory")."""
    objects = _children(verb, "dobj")
    if objects:
        return any(item_classes(o, lexicon) & words().violent_item_classes for o in objects)
    return all(
        prep.lower_ in words().scene_preps | words().time_preps for prep in _children(verb, "prep")
    )


def _restricts(
    predicate: Token, undergoer: Token | None, lexicon: Lexicon, *, nominal: bool
) -> bool:
    """A restriction on people or a place: a nominal one ("a curfew"), one with no object,
    one on generic people, or one whose object is a restriction or a gathering ("lifted the
    curfew", "banned the rally")."""
    if nominal or undergoer is not None:
        return True
    objects = _children(predicate, "dobj") + _children(predicate, "nsubjpass")
    restricted = words().restriction_classes
    if lexicon.lemma(predicate) in words().silencing_verbs:
        restricted = words().restriction_classes | words().restricted_classes
    return not objects or any(
        o.lemma_.lower() in words().gathering_nouns or item_classes(o, lexicon) & restricted
        for o in objects
    )


def is_emergency(predicate: Token, lexicon: Lexicon, *, nominal: bool) -> bool:
    """An emergency rule ("declared martial law", "a state of emergency", "a curfew"): a
    state imposes it on itself, so a state subject is its own target when no place is
    named (CAMEO: "Pakistan declared martial law" is PAK 172 PAK)."""
    nouns = [predicate] if nominal else _children(predicate, "dobj")
    return any("emergency" in item_classes(n, lexicon) for n in nouns)


def _undergoer(predicate: Token, frame: Frame, lexicon: Lexicon, *, passive: bool) -> Token | None:
    """The generic undergoer filling one of the frame's object slots ("dozens of students",
    "the demonstration staged by students", "opposition demands")."""
    for slot in (*frame.object, "dobj"):
        for filler in slot_tokens(predicate, slot, passive=passive):
            found = undergoer_noun(filler, lexicon)
            if found is not None:
                return found
    return None


def undergoer_noun(noun: Token, lexicon: Lexicon, *, depth: int = 2) -> Token | None:
    """``noun`` if it names generic domestic people, or the people it counts or owns."""
    if noun.pos_ not in {"NOUN", "PROPN"} and not (
        noun.pos_ == "ADJ" and noun.dep_ in {"nsubj", "dobj", "pobj", "nsubjpass"}
    ):
        return None  # "allowed the dissident to leave": the tagger calls it an adjective
    if any(c.lemma_.lower() in words().foreign_markers for c in noun.children):
        return None  # "expelled foreign journalists": not the state's own people
    if noun.lemma_.lower() in lexicon.undergoers or noun.lower_ in lexicon.undergoers:
        return noun
    if depth == 0:
        return None
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "nmod"} and child.lemma_.lower() in (
            lexicon.undergoers
        ):
            return child  # "opposition demands", "student leaders"
        if child.dep_ == "prep" and child.lower_ in words().undergoer_preps:
            for pobj in _children(child, "pobj"):
                if child.lower_ == "of" and noun.lemma_.lower() not in lexicon.quantities:
                    continue
                found = undergoer_noun(pobj, lexicon, depth=depth - 1)
                if found is not None:
                    return found
    return None


def _event_place(predicate: Token, undergoer: Token | None, resolver: Resolver) -> Resolved | None:
    """Where an event happens: on the predicate, its object, or its undergoer ("refugees
    fleeing the war in Liberia")."""
    place = place_of(predicate, resolver)
    for noun in _children(predicate, "dobj"):
        place = place or place_of(noun, resolver, depth=1)
    if place is None and undergoer is not None:
        place = place_of(undergoer, resolver, depth=1)
        for clause in _children(undergoer, "acl"):
            place = place or place_of(clause, resolver)
            for noun in _children(clause, "dobj"):
                place = place or place_of(noun, resolver, depth=1)
    if place is None and predicate.dep_ == "conj" and predicate.head.pos_ in {"VERB", "AUX"}:
        place = place_of(predicate.head, resolver)  # "stormed ... and arrested students in X"
    return place


def _is_purpose_clause(predicate: Token) -> bool:
    """An infinitive of purpose hanging on another verb ("held a rally ... to protest") or on
    a gathering ("converged for a rally in Lagos to protest")."""
    return (
        predicate.dep_ in {"advcl", "xcomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children)
    ) or _gathering_purpose(predicate)


def _defiance_target(
    predicate: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """Whom a protest defies: "blocked roads in defiance of the military government"."""
    own = {s.actor for s in subjects}
    for prep in predicate.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in _children(prep, "pobj"):
            if noun.lemma_.lower() != "defiance":
                continue
            found = [
                r
                for defied in slot_tokens(noun, "prep:of")
                for r in resolver.actors(defied)
                if r.actor not in own
            ]
            if found:
                return tuple(found)
    return ()


def _condition_target(
    anchor: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """Whom an "unless"/"if" clause on the event's clause or the verb above names."""
    for verb in (anchor, anchor.head):
        for filler in slot_tokens(verb, "cond-subj"):
            found = [r for r in resolver.actors(filler) if not _same_mention(r, subjects)]
            if found:
                return tuple(found)
    return ()


def _purpose_target(
    predicate: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """Whom a protest's purpose clause names: "blocked a road to show their disapproval for
    the United States' policies", "to press demands from President X's government"."""
    own = {s.actor for s in subjects}
    for clause in predicate.children:
        if clause.dep_ not in {"advcl", "xcomp"} or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            continue
        for token in clause.subtree:
            if token.dep_ not in {"poss", "pobj", "dobj"} or token.pos_ == "PRON":
                continue
            found = [r for r in resolver.actors(token) if r.actor not in own]
            if found:
                return tuple(Resolved(r.actor, r.certainty * 0.85, r.via, r.token) for r in found)
    return ()


CLAUSE_TARGET_CERTAINTY = 0.85


def clause_target(
    noun: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """The target a measure noun's own relative or participial clause names.

    Rule: the first actor (or actor modifier) inside a clause modifying the noun, other than
    its doers: "sanctions related to the South Sudan conflict" (SSD), "sanctions that have
    battered Iran's economy" (IRN), "new sanctions targeting Russia's banks" (RUS). Clauses
    beside the noun (of the verb governing it) are not searched.
    """
    own = {s.actor for s in subjects}
    for clause in noun.children:
        if clause.dep_ not in {"acl", "relcl"}:
            continue
        for token in clause.subtree:
            if token.dep_ not in {"poss", "pobj", "dobj", "compound", "amod"}:
                continue
            if token.pos_ == "PRON" or stance(token) is not None:
                continue
            found = [
                r
                for r in resolver.actors(
                    token, as_modifier=token.dep_ in {"poss", "compound", "amod"}
                )
                if r.actor not in own and not _same_mention(r, subjects)
            ]
            if found:
                return tuple(
                    Resolved(r.actor, r.certainty * CLAUSE_TARGET_CERTAINTY, r.via, r.token)
                    for r in found[:2]
                )
    return ()


def _incident_perpetrator(incident: Token, verb: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who a violent incident that killed or wounded someone stands for: its owner ("US
    Predator attacks killed ..."), else the state where it happened ("A roadside bombing
    near Samarra killed a U.S. soldier": CAMEO codes the location's state)."""
    if incident.lemma_.lower() not in words().violent_incidents | words().unidentified_attackers:
        return ()
    owners = _modifier_owners(incident, resolver)
    for prep in incident.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            owners.extend(r for pobj in _children(prep, "pobj") for r in resolver.actors(pobj))
    if owners:
        return tuple(owners[:2])
    place = place_of(incident, resolver) or place_of(verb, resolver)
    for victim in _children(verb, "dobj"):
        place = place or place_of(victim, resolver, depth=1)  # "killed villagers in Lagos"
    if place is None and verb.dep_ in {"advcl", "conj"}:
        place = place_of(verb.head, resolver)  # "a bomb exploded in Kabul, killing ..."
    return (place,) if place is not None else ()


def _is_bombing(incident: Token) -> bool:
    """A bombing outside combat ("a car bomb", "a roadside bombing", "a suicide bomber"):
    CAMEO 183, an assault rather than a military attack."""
    lemma = incident.lemma_.lower()
    modifiers = {c.lemma_.lower() for c in incident.subtree if c.i < incident.i}
    if lemma in {"bombing", "bomber"}:
        return True
    return lemma in words().bomb_nouns and bool(modifiers & words().bomb_kinds)


def _modifier_owners(noun: Token, resolver: Resolver, *, depth: int = 2) -> list[Resolved]:
    """Actors among the modifiers of ``noun``, down a compound chain ("US Predator")."""
    found: list[Resolved] = []
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "poss", "nmod"}:
            own = resolver.actors(child, as_modifier=True)
            if not own and depth > 0:
                own = _modifier_owners(child, resolver, depth=depth - 1)
            found.extend(r for r in own if r.actor.type != ActorType.PERSON or r.actor.country)
    return found


def _participants(gathering: Token, lexicon: Lexicon, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who holds a gathering they take part in: "thousands of Nigerians converged for a
    rally in Lagos", "students took part in a demonstration"."""
    if gathering.dep_ != "pobj" or gathering.head.dep_ != "prep":
        return ()
    verb = gathering.head.head
    if verb.pos_ not in {"VERB", "AUX"} or lexicon.lemma(verb) not in lexicon.participation_verbs:
        return ()
    for doer in logical_subject(verb):
        found = tuple(resolver.actors(doer))
        if found:
            return found[:2]
    return ()


def _split_pair(
    subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[tuple[Resolved, ...], tuple[Resolved, ...]]:
    """The first of several coordinated doers of a symmetric act is its subject, the others
    its objects. One phrase naming two sides ("Peruvian and Ecuadorean negotiators") is two
    mentions: each side is re-anchored on its own modifier."""
    first, others = subjects[0], subjects[1:]
    moved: list[Resolved] = []
    for other in others:
        token = other.token
        if token == first.token:
            for word in resolver.doc[token].subtree:
                named = resolver.explicit(word) if word.i != token else None
                if named is not None and named.actor == other.actor:
                    token = word.i
                    break
        moved.append(Resolved(other.actor, other.certainty, other.via, token))
    return (first,), tuple(moved)


def _symmetric_family(relation: str) -> bool:
    return relation in words().symmetric_relations
