"""The frames family: the lexicon's verb and noun frames over the dependency parse.

A *predicate* is a verb or noun whose lemma has a frame in the lexicon. For each one:

* **subject**: for verbs the ``nsubj`` (or the ``agent`` of a passive, or for an agentless
  violent passive the actor its "from" phrase names: "were shelled from the Pakistani
  side"), inherited through
  ``conj``, ``xcomp`` (subject control), participial ``advcl`` ("using drones to strike"),
  relative clauses ("Russia, which invaded ...") and "accused of"/"suspected of" ("The
  country has been accused of supplying": the accused); for nouns the possessive, "by"/"from"
  phrase, demonym or compound ("the Russian invasion"), else the subject of an *agent* light
  verb ("held talks with", "imposed sanctions on");
* **object**: the frame's slots in order ("supplied Russia with drones": dobj; "supplied
  drones to Russia": dative), the passive subject for "dobj", the subject of an *undergoer*
  light verb ("faced sanctions from the West"), or a conjunct's shared phrase;
* **item**: the supplied/used thing, whose class may change the relation (drones -> military
  aid, food -> humanitarian aid) and whose demonym gives ``item_origin``.

Also here, as they run interleaved with the frames token by token: acts ruled out ("ruled
out talks with Y", "X is out of the question"), obligations ("X said Y must ...") and deaths
in custody ("died of torture in police custody"). Participles and reciprocal objects are
:mod:`geokg.extract.frame_variants`; argument search is
:mod:`geokg.extract.targets`; syntax helpers are :mod:`geokg.extract.syntax`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.frame_variants import (
    each_to_each,
    participle_candidates,
    reciprocal_candidates,
    reciprocal_object,
)
from geokg.extract.kinds import ACTOR_KIND, NONCOMBATANT_KIND, checks_kinds, named_actors
from geokg.extract.lexicon import Frame, Lexicon, words
from geokg.extract.material import (
    ATTACK_RELATION,
    civilian_attack,
    foreign_ban,
    mutual_sides,
    provoker,
    struck,
)
from geokg.extract.rejections import is_rejected, rejected_act, rejection_candidate
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver
from geokg.extract.rules.base import Candidate, SentenceContext, register
from geokg.extract.rules.reactions import _without_event_patients
from geokg.extract.rules.requests import requesting_verb
from geokg.extract.syntax import (
    _carrier,
    _children,
    _is_passive,
    _verbal_ancestor,
    logical_subject,
    noun_lemma,
    slot_tokens,
)
from geokg.extract.targets import (
    HOME_CERTAINTY,
    PLACE_VIAS,
    _attempt_agent,
    _attempt_noun,
    _cameo_root,
    _condition_target,
    _default_target,
    _expelled_by_place,
    _fallback_target,
    _incident_perpetrator,
    _is_bombing,
    _item,
    _modifier_owners,
    _participants,
    _resolve_slots,
    _same_mention,
    _split_pair,
    _state,
    _subject_actors,
    _symmetric_family,
    clause_target,
    is_emergency,
    place_of,
    stance,
    undergoer_noun,
)
from geokg.extract.tokenindex import TokenIndex

NOMINAL_RULE_STRENGTH = 0.85


LIGHT_VERB_STRENGTH = 0.95


def _frame_applies(token: Token, frame: Frame, *, passive: bool) -> bool:
    if frame.cues and not _verb_cued(token, frame.cues):
        return False
    if frame.particle is not None:
        terms = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep"}}
        if frame.particle not in terms:
            return False
    if any(c.dep_ in frame.excludes for c in token.children):
        return False
    if frame.requires:
        return any(slot_tokens(token, s, passive=passive) for s in frame.requires)
    return True


def _verb_cued(verb: Token, cues: frozenset[str]) -> bool:
    """A cue word among the verb's dependents or theirs ("took them hostage", "opened fire
    on", "carried out ethnic cleansing"), or the verb's logical subject.

    Rule: a cue also matches the doer the verb shares with its governor ("protesters have
    begun a shutdown, occupying key intersections": the protesters occupy) and the people
    a quantity head counts ("tens of thousands of protesters clogged ...": ``quantity_heads``
    of words.json); the doer of another clause ("police said protesters ...") does not."""
    for child in verb.children:
        if child.lemma_.lower() in cues or child.lower_ in cues:
            return True
        if any(g.lemma_.lower() in cues or g.lower_ in cues for g in child.children):
            return True
    for doer in logical_subject(verb):
        if any(n.lemma_.lower() in cues or n.lower_ in cues for n in _counted(doer)):
            return True
    return False


def _counted(noun: Token) -> list[Token]:
    """``noun``, and for a quantity head the nouns of its "of" phrases ("tens of thousands
    of protesters" -> thousands, protesters)."""
    found = [noun]
    while found[-1].lower_ in words().quantity_heads:
        counted = [
            o
            for p in found[-1].children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if not counted:
            break
        found.append(counted[0])
    return found


def _noun_cued(noun: Token, carrier: Token, cues: frozenset[str], lexicon: Lexicon) -> bool:
    """A cue word governing or modifying the noun ("lodged a protest", "a hunger strike")."""
    terms = {c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}}
    head = carrier.head
    if carrier.dep_ == "pobj" and head.dep_ == "prep":
        terms.add(lexicon.lemma(head.head))  # "went on a hunger strike"
    elif head != carrier:
        terms.add(lexicon.lemma(head))
    return bool(terms & cues)


def verb_candidates(token: Token, lexicon: Lexicon, resolver: Resolver) -> Iterator[Candidate]:
    """Candidates for a verb predicate (at most one frame per verb).

    Rule: a stance participle that describes the noun it modifies ("Western powers opposed
    to the Syrian president", "groups committed to the ceasefire": ``stance_participles``)
    tells who they are, not an act: no candidate; so is a bare past participle with its own
    subject but no auxiliary, that the parser made a clause ("while Western powers opposed
    to X wanted ...": VBN, nothing like "are" or "have"; "Greece is opposed to X", the
    complement of a copula, is a stance stated, an act)."""
    if lexicon.lemma(token) in words().stance_participles and (
        token.dep_ in {"acl", "amod"}
        or (
            token.tag_ == "VBN"
            and any(c.dep_ == "nsubj" for c in token.children)
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children)
        )
    ):
        return
    frames = lexicon.verbs.get(lexicon.lemma(token), ())
    passive = _is_passive(token) and token.lemma_.lower() not in words().stative_passives
    for frame in frames:
        if not _frame_applies(token, frame, passive=passive):
            continue
        item, classes = _item(token, frame, lexicon, resolver, passive=passive)
        relation = frame.relation_for(classes) if frame.items else frame.relation
        if relation is None:
            continue
        subjects: tuple[Resolved, ...] = ()
        doers = logical_subject(token)
        for subject_token in doers:
            subjects = _subject_actors(subject_token, resolver)
            if subjects:
                break
        if not subjects and passive and lexicon.lemma(token) in words().expulsion_verbs:
            # "Two French aid workers were expelled from Sudan": the state they were expelled
            # from expels them; they are the target, not the doer.
            expelled = _expelled_by_place(token, resolver)
            if expelled is not None:
                subjects, objects = expelled
                yield Candidate(token, token, frame, relation, subjects, objects, item, 0.9)
                return
        if not subjects and passive and frame.item_actors:
            # "UN peacekeepers were shipped out of Gorazde": with no agent, the forces moved
            # stand for the actor that moves them.
            for moved in _children(token, "nsubjpass"):
                subjects = tuple(resolver.actors(moved))
                if subjects:
                    break
        if (
            not subjects
            and relation in words().violent_relations
            and _attempt_noun(token) is not None
        ):
            subjects = _attempt_agent(token, lexicon, resolver)
        if not subjects and relation in words().violent_relations:
            # "A car bomb killed ...", "... was killed in a roadside bombing near Samarra"
            incidents = doers or (slot_tokens(token, "prep:in") if passive else [])
            for incident in incidents:
                subjects = _incident_perpetrator(incident, token, resolver)
                if subjects:
                    if _is_bombing(incident):
                        relation = "bombs"
                    break
        if not subjects and passive and relation in words().violent_relations:
            # "its troops were shelled from the Pakistani side", "... from Syria": an
            # agentless violent passive whose "from" phrase (on the verb) names an actor
            # was done by that actor.
            subjects = tuple(r for f in slot_tokens(token, "prep:from") for r in resolver.actors(f))
        if not subjects and passive and _cameo_root(relation) in words().agentless_place_roots:
            # "Two British journalists were detained in Zimbabwe": CAMEO codes the unnamed
            # authorities by the state where they acted.
            place = place_of(token, resolver)
            for state in slot_tokens(token, "prep:under"):
                place = place or place_of(state, resolver)  # "under investigation in X"
            subjects = (place,) if place is not None else ()
        if not subjects:
            continue
        relation = _official_protest(relation, subjects, token)
        default_target = frame.default_target
        if relation in words().civilian_obstructions and any(
            undergoer_noun(d, lexicon) for d in doers
        ):
            # "Hundreds of farmers blockaded highways", "protesters shut down key roads":
            # civilians obstruct, they protest; they impose no blockade or restriction.
            relation, default_target = "obstructs", "place"
        objects = _resolve_slots(
            token, frame.object, resolver, passive=passive, exclude=subjects, skip=item
        )
        if checks_kinds(frame.object_kinds):
            # "contained Moscow" acts on an actor; "contained the outbreak in Russia" or
            # "Russia's costs" name a place or a thing: nothing, and no fallback target
            # (people, "beat protesters", may still fall back on the event's place).
            fillers = [f for s in frame.object for f in slot_tokens(token, s, passive=passive)]
            objects = named_actors(objects, fillers, resolver, frame.object_kinds)
            if not objects and {ACTOR_KIND, NONCOMBATANT_KIND} & set(frame.object_kinds):
                continue
        if not objects and _cameo_root(relation) in words().provoked_roots:
            objects = provoker(token, subjects, resolver)
        if not objects and default_target and relation in words().default_target_relations:
            objects = _default_target(token, subjects, resolver)
        if not objects:
            objects = _fallback_target(
                token, frame, relation, subjects, lexicon, resolver, passive=passive, item=item
            )
        elif relation in words().restriction_relations:
            # "declared a state of emergency in Lima": a named city is where it applies.
            objects = tuple(
                Resolved(o.actor, o.certainty, Via.LOCATION, o.token) if o.via in PLACE_VIAS else o
                for o in objects
            )
        if not objects and len(subjects) >= 2 and _symmetric_family(relation):
            # "Jordan and Israel signed a treaty", "Ethiopian and Eritrean troops clashed"
            subjects, objects = _split_pair(subjects, resolver)
        if (
            item is not None
            and objects
            and any(o.token == item.i for o in objects)
            and (classes and frame.item)
        ):
            # "supplied drones to Russia": the dobj is the item, not the recipient.
            objects = tuple(o for o in objects if o.token != item.i)
            if not objects:
                # "captured a town in Somalia": the owner of the item is the target.
                objects = _resolve_slots(
                    token,
                    tuple(s for s in frame.object if s != "dobj"),
                    resolver,
                    passive=passive,
                    exclude=subjects,
                    skip=item,
                )
        if not objects and reciprocal_object(token, frame, lexicon, passive=passive):
            # "Armenia and Azerbaijan accused each other": each side to the other.
            yield from each_to_each(token, frame, relation, subjects, frame.strength)
            return
        if not objects:
            continue
        for thing in [item] if item is not None else slot_tokens(token, "dobj", passive=passive):
            # "imposed a ban on Georgian wine": the item or object names the measure.
            relation = foreign_ban(thing.lemma_.lower(), relation, subjects, objects)
        if relation == ATTACK_RELATION:
            relation = civilian_attack(subjects, slot_tokens(token, "dobj", passive=passive))
        yield Candidate(token, token, frame, relation, subjects, objects, item, frame.strength)
        return


# Routes by which a subject is a state or its voice itself (its name, capital, institution,
# a person or office holder), not its people ("Egyptians", "Kashmiri students").
STATE_VOICE_VIAS = frozenset(
    {
        Via.NAME,
        Via.ALIAS,
        Via.CODE,
        Via.CAPITAL,
        Via.INSTITUTION,
        Via.ENTITY,
        Via.PERSON,
        Via.TITLE,
        Via.OFFICE,
        Via.SURNAME,
    }
)


def _official_protest(relation: str, subjects: tuple[Resolved, ...], verb: Token) -> str:
    """Rule: a state (by its name, capital, institution or leader) protesting an act in
    its direct object ("Japan protests Chinese ship's use of radar", "Seoul protested the
    visit") complains officially, CAMEO 11 as PETRARCH's PROTEST + act, not a demonstration
    (14); people ("Egyptians protest the ouster", "students protested") demonstrate. The
    relations so read are ``official_protests`` (words.json: demonstration -> complaint)."""
    official = words().official_protests.get(relation)
    if official is None or not _children(verb, "dobj"):
        return relation
    if all(s.via in STATE_VOICE_VIAS for s in subjects):
        return official
    return relation


def noun_candidates(token: Token, lexicon: Lexicon, resolver: Resolver) -> Iterator[Candidate]:
    """Candidates for a nominal event ('invasion of X by Y', 'sanctions from the West')."""
    lemma = noun_lemma(token, lexicon)
    frames = lexicon.nouns.get(lemma, ())
    if not frames:
        return
    if lemma in words().mutual_nouns:
        yield from _mutual_candidates(token, frames, lexicon, resolver)
        return
    carrier = _carrier(token)
    if carrier.dep_ == "compound" and carrier.head.pos_ == "NOUN":
        # "undertook a mediation mission between X and Y": the phrase head carries it.
        carrier = carrier.head
    while (
        carrier.dep_ == "pobj"
        and carrier.head.lower_ == "of"
        and carrier.head.head.lemma_.lower() in lexicon.portions
    ):
        # "imposed several rounds of sanctions": the portion carries the event.
        carrier = _carrier(carrier.head.head)
    governor = carrier.head if carrier.dep_ in {"dobj", "nsubjpass", "attr", "pobj"} else None
    if governor is not None and carrier.dep_ == "pobj":
        governor = None
    for frame in frames:
        if frame.cues and not _noun_cued(token, carrier, frame.cues, lexicon):
            continue
        item, classes = _item(token, frame, lexicon, resolver, passive=False)
        relation = frame.relation_for(classes) if frame.items else frame.relation
        if relation is not None and governor is not None:
            relation = _reversed(relation, governor, lexicon)
        undoer = _undoer(carrier, lexicon) if relation in lexicon.undo_relations else None
        if relation is not None and undoer is not None:
            relation = lexicon.undo_relations[relation]
        if relation is None:
            continue
        subjects: tuple[Resolved, ...] = ()
        objects: tuple[Resolved, ...] = ()
        presupposed = False
        strength = frame.strength * NOMINAL_RULE_STRENGTH
        anchor = _verbal_ancestor(token)
        undergoer = governor is not None and lexicon.lemma(governor) in (
            lexicon.undergoer_light_verbs
        )
        for source in (token, carrier):
            subjects = (
                subjects
                or tuple(
                    r
                    for s in frame.subject
                    for f in slot_tokens(source, s)
                    for r in (
                        []
                        if s in {"amod", "compound"}
                        and (_is_item_modifier(f) or stance(f) is not None)
                        else resolver.actors(f, as_modifier=s in {"amod", "compound", "poss"})
                    )
                )[:2]
            )
        if not subjects and relation in words().place_target_relations:
            subjects = _participants(carrier, lexicon, resolver)
        if not subjects:
            # "the expulsion of 300 workers by Nigeria": the parser hangs "by" on the victim.
            subjects = tuple(
                r for f in slot_tokens(token, "prep:of>prep:by") for r in resolver.actors(f)
            )[:2] or _misplaced_doers(carrier, resolver)
        if not subjects and undoer is not None:
            # "The EU lifted some of the sanctions on X": the undoer's doer.
            subjects = _undoer_doers(undoer, lexicon, resolver)
            anchor = undoer if undoer.pos_ in {"VERB", "AUX"} else anchor
        if (
            subjects
            and all(r.via == Via.COREF for r in subjects)
            and governor is not None
            and lexicon.lemma(governor) in lexicon.agent_light_verbs
        ):
            # "The US and Britain announced their own sanctions": the possessive pronoun
            # stands for the light verb's subject, all of its conjuncts.
            explicit = tuple(r for s in logical_subject(governor) for r in resolver.actors(s))
            if explicit:
                subjects = explicit
        if undergoer and governor is not None:
            anchor = governor
            objects = tuple(r for s in logical_subject(governor) for r in resolver.actors(s))
            if not subjects:
                continue
        else:
            if (
                not subjects
                and governor is not None
                and lexicon.lemma(governor) in (lexicon.agent_light_verbs)
            ):
                anchor = governor
                strength = frame.strength * LIGHT_VERB_STRENGTH
                for s in logical_subject(governor):
                    subjects = _subject_actors(s, resolver)
                    if subjects:
                        break
            # "in Cairo for truce talks": the talks are the event, not the truce they discuss.
            host = (
                None
                if subjects or token.dep_ == "compound"
                else _adjunct_host(carrier, relation, lexicon)
            )
            if host is not None:
                # "Following talks with X, Y said": the clause's doer takes part; the talks
                # took place whatever the clause denies ("failed to agree during talks").
                anchor = host
                presupposed = True
                for s in logical_subject(host):
                    subjects = _subject_actors(s, resolver)
                    if subjects:
                        break
            if not subjects and _symmetric_family(relation):
                # "clashes between Ethiopian and Eritrean troops"
                subjects = _resolve_slots(
                    token, ("prep:between",), resolver, passive=False, exclude=()
                )
                if len(subjects) < 2:
                    subjects = ()
            if not subjects:
                continue
            sources: list[Token] = [token, carrier] + ([governor] if governor else [])
            # "The offensive by IS militants against Kobani": the parser hangs the victim's
            # preposition on the doer's phrase; it is still the event's.
            sources += slot_tokens(token, "prep:by")
            for source in sources:
                if objects:
                    continue
                objects = _resolve_slots(
                    source, frame.object, resolver, passive=False, exclude=subjects
                )
        if not objects:
            objects = _opposed(token, subjects, lexicon, resolver)
        if not objects and relation in lexicon.clause_target_relations:
            objects = clause_target(token, subjects, resolver) or (
                clause_target(carrier, subjects, resolver) if carrier != token else ()
            )
        if not objects and len(subjects) >= 2 and _symmetric_family(relation):
            subjects, objects = _split_pair(subjects, resolver)
        if not objects and frame.default_target and relation in words().place_target_relations:
            # "threatened to hold a general strike unless Israel rescinded ...": the target
            # is whom the condition is put to; else "staged a general strike in Lagos".
            objects = _condition_target(anchor, subjects, resolver)
            objects = (
                objects
                or _default_target(token, subjects, resolver)
                or (_default_target(governor, subjects, resolver) if governor is not None else ())
            )
        if not objects and not undergoer:
            objects = _fallback_target(
                token,
                frame,
                relation,
                subjects,
                lexicon,
                resolver,
                passive=False,
                item=item,
                nominal=True,
            )
            if not objects and governor is not None and relation in words().restriction_relations:
                # "imposed a curfew"
                emergency = is_emergency(token, lexicon, nominal=True)
                objects = _default_target(governor, subjects, resolver, own_state=emergency)
        if not objects:
            continue
        relation = foreign_ban(lemma, relation, subjects, objects)
        if relation == ATTACK_RELATION:
            relation = civilian_attack(
                subjects,
                struck(token, frame),
                places=[
                    p for p in slot_tokens(token, "prep:in") if any(o.token == p.i for o in objects)
                ],
            )
        yield Candidate(
            token,
            anchor,
            frame,
            relation,
            subjects,
            objects,
            item,
            strength,
            negation_is_act=presupposed,
        )
        return


def _mutual_candidates(
    noun: Token, frames: tuple[Frame, ...], lexicon: Lexicon, resolver: Resolver
) -> Iterator[Candidate]:
    """An exchange between two sides (:func:`~geokg.extract.material.mutual_sides`): each
    side does the cued frame's act to the other ("a prisoner swap between Russia and
    Ukraine": each releases the other's prisoners); no cue ("an exchange of views"),
    nothing."""
    carrier = _carrier(noun)
    for frame in frames:
        if frame.cues and not _noun_cued(noun, carrier, frame.cues, lexicon):
            continue
        sides = mutual_sides(noun, carrier, lexicon, resolver)
        if not sides:
            continue
        strength = frame.strength * NOMINAL_RULE_STRENGTH
        yield from each_to_each(noun, frame, frame.relation, sides, strength)
        return


def _opposed(
    noun: Token, subjects: tuple[Resolved, ...], lexicon: Lexicon, resolver: Resolver
) -> tuple[Resolved, ...]:
    """The target an "anti-X" modifier names.

    Rule: an actor modifier of an event noun behind a stance prefix is never the event's
    doer; behind an "against" prefix (``stance_prefixes`` in ``light_verbs.json``) it is the
    target ("anti-China riots" are against China; "during an anti-North Korea rally"), behind
    a "for" prefix neither side ("a pro-Russian rally" is not Russia's, nor against it).
    """
    return tuple(
        r
        for child in noun.children
        if child.dep_ in {"amod", "compound"} and stance(child) == "against"
        for r in resolver.actors(child, as_modifier=True)
        if not _same_mention(r, subjects)
    )[:2]


def _undoes(word: Token, lexicon: Lexicon) -> bool:
    lemma = lexicon.lemma(word)
    particles = [c.lower_ for c in word.children if c.dep_ == "prt"]
    return lemma in lexicon.undo_words or any(
        f"{lemma} {p}" in lexicon.undo_words for p in particles
    )


def _undoer(carrier: Token, lexicon: Lexicon) -> Token | None:
    """The word taking back the measure a noun names, if any.

    Rule: a measure noun (sanctions, restrictions, a blockade) that is the object of an
    ``undo`` word (``light_verbs.json``: "lifted the sanctions", "voted to loosen its
    sanctions", "rolled back tariffs"), or reaches one through an "of" chain of up to three
    nouns ("lifted some of the sanctions", "the easing of sanctions", "shortened the list of
    sanctions"), is undone: its relation becomes the concession one (CAMEO 08), never the
    imposition. A measure beside such a word ("imposed sanctions after lifting a ban") is
    not under it.
    """
    node = carrier
    for _ in range(3):
        if node.dep_ in {"dobj", "nsubjpass"} and _undoes(node.head, lexicon):
            return node.head
        if node.dep_ != "pobj" or node.head.lower_ != "of":
            return None
        node = node.head.head
        if node.pos_ in {"NOUN", "PROPN"} and _undoes(node, lexicon):
            return node
    return None


def _undoer_doers(undoer: Token, lexicon: Lexicon, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who undoes: a verb's logical subject; a noun's own doer ("the EU's easing of"), else
    the subject of the verb taking it ("announced the lifting of")."""
    if undoer.pos_ in {"VERB", "AUX"}:
        heads = logical_subject(undoer)
    else:
        heads = slot_tokens(undoer, "poss") + slot_tokens(undoer, "prep:by")
        if not heads and undoer.dep_ == "dobj":
            heads = logical_subject(undoer.head)
    for head in heads:
        found = _subject_actors(head, resolver)
        if found:
            return found
    return ()


def _adjunct_host(carrier: Token, relation: str, lexicon: Lexicon) -> Token | None:
    """The clause an event noun is an adjunct of, when that clause's doer takes part in it.

    Rule: a nominal event with no doer of its own, governed by an adjunct preposition of a
    verb ("Following talks with X, Y said", "Y said after a meeting with X", "signed the
    accord after four days of talks"; ``adjunct`` in ``light_verbs.json``), or a "for" or
    "from" phrase of a verb of presence or travel ("are in Cairo for truce talks", "flew to
    Moscow for talks with X", "returned from a visit to Burma"; ``presence_adjunct_preps``,
    ``presence_verbs``; not with a pronoun subject), is done by that verb's subject, for
    acts two sides do together and the relations listed there (visits). Never for other
    acts ("After the invasion of X, Y imposed sanctions"), nor when the noun names its sides
    itself ("after talks between X and Z, Y said"), nor for the event noun compounded
    into another ("for truce talks": the talks). The event is presupposed: the clause's
    negation does not reach it ("failed to reach a deal during talks in Moscow": the talks
    took place).
    """
    if not (_symmetric_family(relation) or relation in lexicon.adjunct_relations):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in carrier.children):
        return None
    if (
        carrier.dep_ == "pobj"
        and carrier.head.lower_ == "of"
        and carrier.head.head.lemma_.lower() in lexicon.adjunct_measures
    ):
        carrier = carrier.head.head  # "after four days of talks"
    prep = carrier.head
    if carrier.dep_ not in {"pobj", "dobj"} or prep.dep_ not in {"prep", "advcl"}:
        return None
    host = prep.head
    if host == prep or host.pos_ not in {"VERB", "AUX"}:
        return None
    if prep.lower_ in lexicon.adjunct_preps:
        return host
    if (
        prep.lower_ in words().presence_adjunct_preps
        and lexicon.lemma(host) in words().presence_verbs
        and not any(s.pos_ == "PRON" for s in logical_subject(host))
    ):
        # "are in Cairo for truce talks", "returned from a visit to Burma"; a pronoun
        # ("as they returned from a meeting") is too weak a link for a presence alone.
        return host
    return None


def _reversed(relation: str, governor: Token, lexicon: Lexicon) -> str:
    """The relation of a cooperative noun as the object of ``governor``."""
    if (
        governor.pos_ not in {"VERB", "AUX"}
        or lexicon.lemma(governor) not in words().reversal_verbs
    ):
        return relation
    root = _cameo_root(relation)
    if root not in words().cooperative_roots:
        return relation
    return words().reversal_by_root.get(root, "reducesRelationsWith")


def _is_item_modifier(token: Token) -> bool:
    # "drone deliveries": a compound that is not a name is what is delivered, not who.
    return token.pos_ == "NOUN"


def sentence_candidates(
    sentence: Span, lexicon: Lexicon, resolver: Resolver, index: TokenIndex | None = None
) -> Iterator[Candidate]:
    """Every candidate relation of one sentence (``index``: its token index, if built)."""
    used: set[int] = set()
    # Two passes, verbs first (a verb frame consumes the nouns it takes); the part of speech
    # is read once per token, and only nouns and verbs can be predicates.
    index = index or TokenIndex(sentence, lexicon)
    tokens = [(token, token.pos_) for token in index.pos("NOUN", "PROPN", "VERB", "AUX")]
    for token, pos in tokens:
        if pos not in {"VERB", "AUX"}:
            continue
        lemma = index.lemma(token)
        rejected = rejected_act(token, lexicon)
        if rejected is not None:
            act, rejecters = rejected
            candidate = rejection_candidate(token, act, rejecters, lexicon, resolver)
            if candidate is not None:
                used.add(act.i)
                yield candidate
        if lemma in lexicon.verbs or lemma in lexicon.reciprocal_verbs:
            if is_rejected(token, lexicon):
                continue
            found = False
            for candidate in verb_candidates(token, lexicon, resolver):
                found = True
                # A noun the verb frame consumed ("deepen its relationship with") is not a
                # second event, unless it names its own doer in a "by" phrase ("condemned
                # the abduction of two engineers by militants").
                used.update(
                    c.i
                    for c in token.children
                    if c.dep_ in {"dobj", "nsubjpass"} and not _names_own_doer(c, resolver)
                )
                yield candidate
            if not found:
                participles = list(participle_candidates(token, lexicon, resolver))
                found = bool(participles)
                yield from participles
            if not found:
                yield from reciprocal_candidates(token, lexicon, resolver)
    for token in index.pos("ADJ"):
        # Attitude adjectives ("remains deeply concerned about Moscow's support"): a frame
        # under the adjective's own lemma (verbs.json), whose subject is the clause's.
        if token.lemma_.lower() in lexicon.verbs:
            yield from verb_candidates(token, lexicon, resolver)
    for token, pos in tokens:
        if pos not in {"NOUN", "PROPN", "VERB", "AUX"}:
            continue
        lemma = token.lemma_.lower()
        if pos in {"NOUN", "PROPN"}:
            lemma = noun_lemma(token, lexicon)  # "cease-fire": three tokens
        if (
            pos in {"NOUN", "PROPN"}
            and lemma in lexicon.nouns
            and token.i not in used
            and resolver.span_at(token) is None  # "Asia-Pacific Economic Cooperation"
            and not _in_proper_name(token)
            and not _names_a_force(token)
            # "called for talks between X and Y": an event asked for is no fact
            # (geokg.extract.rules.requests).
            and requesting_verb(token, lexicon) is None
        ):
            yield from noun_candidates(token, lexicon, resolver)
        elif pos in {"VERB", "AUX"} and lemma in lexicon.report:
            yield from obligation_candidates(token, resolver)
        if pos == "VERB" and lemma in words().death_verbs:
            yield from custody_death_candidates(token, resolver)


def _misplaced_doers(noun: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """The doer of an event noun that the parser hung on the active verb taking the noun as
    object: "condemned the invasion of Ukraine by Russia" ("by Russia" on "condemned"). An
    active verb has no agent of its own, so an actor in its "by" phrase is the noun's."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in {"VERB", "AUX"} or _is_passive(verb):
        return ()
    return tuple(
        r
        for prep in _children(verb, "prep")
        if prep.lower_ == "by"
        for pobj in _children(prep, "pobj")
        for r in resolver.actors(pobj)
    )[:2]


def _names_own_doer(noun: Token, resolver: Resolver) -> bool:
    """An event noun naming both its own doer and its victim is an event of its own under
    the verb that takes it as object, as CAMEO coders code both: "condemned the abduction of
    two engineers by militants", "condemned Russia's aggression against Georgia", "the
    Russian invasion of Ukraine" (doer: a "by" phrase or a named possessive, demonym or
    compound; victim: ``victim_preps``). A pronoun possessive ("halted its offensive
    against X") is the verb's own subject: the verb says what became of the act."""
    if not any(c.dep_ == "prep" and c.lower_ in words().victim_preps for c in noun.children):
        return False
    if noun.dep_ == "dobj" and _misplaced_doers(noun, resolver):
        return True
    return any(
        (c.dep_ == "prep" and c.lower_ == "by")
        or (
            c.dep_ in {"poss", "amod", "compound"}
            and c.pos_ != "PRON"
            and resolver.explicit(c) is not None
        )
        for c in noun.children
    )


def _names_a_force(noun: Token) -> bool:
    """An event noun modifying the people or kit that handle it ("riot police", "protest
    squad", "riot gear") names a kind of force, not an event."""
    if noun.dep_ != "compound":
        return False
    return noun.head.lemma_.lower() in words().force_nouns


NAME_ENTITIES = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT"})


def _in_proper_name(noun: Token) -> bool:
    """A capitalised noun inside a name ("the Ukraine Defense Contact Group", "the Economic
    Cooperation Organization", "the Camp David Accords") is no event of its own."""
    return noun.ent_type_ in NAME_ENTITIES and noun.is_title and noun.ent_iob_ in {"B", "I"}


OBLIGATION_FRAME = Frame("must", "VERB", "demandsOf", ("ccomp-subj",), ("nsubj",), strength=0.8)


def obligation_candidates(verb: Token, resolver: Resolver) -> Iterator[Candidate]:
    """'X said (that) Y must/should do Z': X demands something of Y."""
    clauses = [
        clause
        for clause in _children(verb, "ccomp")
        if any(aux.lower_ in words().obligation_modals for aux in _children(clause, "aux"))
    ]
    if not clauses:
        return  # most reporting verbs report no obligation: no need for their speakers
    speakers = [r for s in logical_subject(verb) for r in resolver.actors(s)]
    if not speakers:
        return
    for clause in clauses:
        targets = tuple(
            r
            for s in _children(clause, "nsubj")
            for r in resolver.actors(s, exclude=[x.actor for x in speakers])
            if not _same_mention(r, tuple(speakers))
        )
        if targets:
            yield Candidate(
                clause, verb, OBLIGATION_FRAME, "demandsOf", tuple(speakers), targets, None, 0.8
            )


CUSTODY_FRAME = Frame("torture", "NOUN", "tortures", ("nsubj",), ("poss",), strength=0.8)


def custody_death_candidates(verb: Token, resolver: Resolver) -> Iterator[Candidate]:
    """'X died of torture in Turkish police custody / in the custody of the security
    services': the holders tortured the victim (CAMEO 1822); a victim with no country of
    their own is coded as the holders' state (a domestic detainee)."""
    causes = [
        t
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in words().cause_preps
        for t in prep.subtree
        if t.lemma_.lower() in words().abuse_nouns and t.pos_ == "NOUN"
    ]
    custody = [t for t in verb.subtree if t.lemma_.lower() == "custody" and t.pos_ == "NOUN"]
    if not causes or not custody:
        return
    holders: list[Resolved] = []
    for noun in custody:
        holders.extend(_modifier_owners(noun, resolver))
        holders.extend(r for f in slot_tokens(noun, "prep:of") for r in resolver.actors(f))
    if not holders:
        return
    holders = holders[:2]
    victims = [
        r
        for s in _children(verb, "nsubj")
        for r in resolver.actors(s)
        if not _same_mention(r, tuple(holders))
    ]
    if not victims:
        for holder in holders:
            state = _state(holder.actor, resolver)
            if state is not None:
                victims.append(Resolved(state, holder.certainty * HOME_CERTAINTY, Via.HOME, verb.i))
                break
    if victims:
        yield Candidate(
            causes[0], verb, CUSTODY_FRAME, "tortures", tuple(holders), tuple(victims), None, 0.8
        )


@register("frames")
def frame_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """The lexicon's verb and noun frames (:func:`sentence_candidates`); what an unowned
    event noun reacted to was done to is no target of the reaction."""
    for candidate in sentence_candidates(
        sentence, context.lexicon, context.actors, context.tokens(sentence)
    ):
        yield _without_event_patients(candidate, context.reactions)
