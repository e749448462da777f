"""The discourse family: arguments that only an earlier sentence of the story names.

An agentless passive of a hostile act ("Russian troops attacked a convoy near Donetsk. ...
Ukraine's army was shelled near Luhansk.") names its victim but not its doer. The doer is
taken from the story's recent context, by the rule event coreference already states for
reactions (:mod:`geokg.extract.rules.reactions`): the agents of the latest earlier event of
the same class (a fact whose CAMEO root fits, or a verb telling such an event) within
:data:`~geokg.extract.events.EVENT_WINDOW` sentences, an event told with the same word
first, never the victim itself.

Rule (stated once): a passive verb with no "by" phrase, whose plain verb frame is a
material conflict relation (quad class 4) and whose lemma names an event class
(``event_coreference`` in ``modality.json``), with a subject resolved to actors (the
victims; not people merely placed somewhere: no undergoer noun such as "people" or
"civilians", no place standing for its state; not known only through a pronoun: "its top
cleric has been killed") and no other rule's reading, gets the
antecedent agents as subjects, with the coreference certainty and rule strength
:data:`IMPLICIT_AGENT_STRENGTH`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.events import EVENT_WINDOW, Reaction, load_event_lexicon
from geokg.extract.lexicon import Frame, Lexicon, words
from geokg.extract.resolution import Resolved, Via
from geokg.extract.rules.base import Candidate, Draft, SentenceContext, Stage, register
from geokg.extract.rules.reactions import COREF_CERTAINTY, _antecedent
from geokg.extract.syntax import logical_subject
from geokg.extract.targets import _clause_doers, _key, place_of, speaker_actor, stance

IMPLICIT_AGENT_STRENGTH = 0.8
IMPLICIT_PARTNER_STRENGTH = 0.8
REPORTED_PARTY_STRENGTH = 0.8
# An act copied into an elliptical clause is less certain than one stated in full.
ELLIPSIS_FACTOR = 0.8
PLACED_PROTEST_STRENGTH = 0.8
# Certainty of the protesters' state taken from the sentence or the story, not a place.
HOME_PROTEST_CERTAINTY = 0.7
PROTEST_ROOT = "14"
# Dependents that give a pro-verb content of its own ("did the inspection", "has a plan").
CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "acomp", "attr", "prep", "dative"})
# Frame slots that read the partner from a phrase on the object ("sign the pact with X",
# "mediate talks between X and Y"), and the prepositions of those phrases.
PARTNER_SLOTS = ("dobj>prep:with", "dobj>prep:between")
PARTNER_PREPS = frozenset({"with", "between"})

PLACED = frozenset({Via.LOCATION, Via.EVENT_PLACE, Via.PLACE, Via.HOME, Via.CITY, Via.REGION})


def plain_frame(token: Token, lexicon: Lexicon) -> Frame | None:
    """The first frame of a verb or noun that needs nothing beyond its lemma (no cue,
    required slot, item or particle): what the word itself says the act is."""
    frames = lexicon.nouns if token.pos_ in {"NOUN", "PROPN"} else lexicon.verbs
    for frame in frames.get(lexicon.lemma(token), ()):
        if not (frame.cues or frame.requires or frame.needs_item or frame.particle):
            return frame
    return None


def _pronominal(token: Token) -> bool:
    """'it', 'its top cleric': a victim known only through a pronoun is too weak a link to
    pair with a doer that is itself inferred."""
    return token.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children
    )


def _agentless_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "auxpass" in deps and "agent" not in deps


@register("implicit-agents")
def implicit_agent_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See the module docstring: "Ukraine's army was shelled" -> whoever shelled last."""
    lexicon, resolver = context.lexicon, context.actors
    events = load_event_lexicon()
    acts = {c.predicate.i for c in context.candidates} | {c.anchor.i for c in context.candidates}
    for verb in context.tokens(sentence).pos("VERB"):
        if verb.pos_ != "VERB" or verb.i in acts or not _agentless_passive(verb):
            continue
        classes = events.classes_of_verb(lexicon.lemma(verb))
        frame = plain_frame(verb, lexicon)
        if not classes or frame is None:
            continue
        if context.ontology.relation(frame.relation).quad_class != 4:
            continue
        # A victim is an actor the subject names, not people placed somewhere ("three
        # people were killed in Luhansk": whose fight it was is not known).
        victims = tuple(
            r
            for s in verb.children
            if s.dep_ == "nsubjpass"
            if s.lemma_.lower() not in lexicon.undergoers and not _pronominal(s)
            for r in resolver.actors(s)
            if r.via not in PLACED
        )
        if not victims:
            continue
        reaction = Reaction(verb, frame.relation, verb, classes)
        agents = _antecedent(reaction, context, sentence, excluded={_key(v.actor) for v in victims})
        if not agents:
            continue
        subjects = tuple(Resolved(a, COREF_CERTAINTY, Via.EVENT, verb.i) for a in agents)
        yield Candidate(
            verb,
            verb,
            frame,
            frame.relation,
            subjects,
            victims,
            None,
            IMPLICIT_AGENT_STRENGTH * frame.strength,
        )


def _joint_nouns() -> frozenset[str]:
    return words().joint_nouns


def _bare_definite(noun: Token, context: SentenceContext) -> bool:
    """'the deal', 'the agreements': a definite noun with no partner, owner or actor
    modifier of its own (those name the partner in the sentence itself)."""
    if not any(
        c.dep_ == "det" and c.lower_ in words().anaphoric_determiners for c in noun.children
    ):
        return False
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in PARTNER_PREPS):
            return False
        if child.dep_ in {"amod", "compound", "nmod"} and context.actors.actors(
            child, as_modifier=True
        ):
            return False
    return True


def _partner_frame(verb: Token, noun: Token, lexicon: Lexicon) -> Frame | None:
    """The verb's first frame that reads its partner from a with-phrase on its object
    ("signed the pact with X", "scrapped the deal with X")."""
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    for frame in lexicon.verbs.get(lexicon.lemma(verb), ()):
        if not any(slot in frame.object or slot in frame.requires for slot in PARTNER_SLOTS):
            continue
        if frame.particle is not None and frame.particle not in particles:
            continue
        if frame.cues and noun.lemma_.lower() not in frame.cues:
            continue
        if frame.needs_item:
            continue
        return frame
    return None


def _joint(token: Token, nouns: frozenset[str]) -> bool:
    """A noun of the agreement class, also capitalised in a name ('Security Agreements')."""
    lemma = token.lemma_.lower()
    return lemma in nouns or (lemma.endswith("s") and lemma[:-1] in nouns)


def _sides(token: Token, context: SentenceContext) -> tuple[Resolved, ...]:
    """The sides a mention of a joint noun names: its with/between phrase, or that of the
    verb it is the object of ("sign Agreements with the United States and NATO"), else the
    verb's coordinated subjects when they are two actors or more ("Sudan and South Sudan
    held talks")."""
    hosts = [token] + ([token.head] if token.dep_ == "dobj" else [])
    found = tuple(
        r
        for host in hosts
        for prep in host.children
        if prep.dep_ == "prep" and prep.lower_ in PARTNER_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for r in context.actors.actors(pobj)
    )
    if found or token.dep_ != "dobj":
        return found
    for subject in logical_subject(token.head):
        doers = tuple(context.actors.actors(subject))
        if len({_key(d.actor) for d in doers}) >= 2:
            return doers
    return ()


def _earlier_partners(
    sentence: Span, context: SentenceContext, nouns: frozenset[str]
) -> tuple[Resolved, ...]:
    """The sides named by the latest earlier mention of a joint noun within EVENT_WINDOW
    sentences (:func:`_sides`)."""
    doc = sentence.doc
    earlier = [s for s in doc.sents if s.end <= sentence.start][-(EVENT_WINDOW - 1) :]
    for previous in reversed(earlier):
        for token in reversed(previous):
            if token.pos_ not in {"NOUN", "PROPN"} or not _joint(token, nouns):
                continue
            found = _sides(token, context)
            if found:
                return found
    return ()


@register("implicit-partners")
def implicit_partner_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """The partner of a joint instrument named only in an earlier sentence.

    Rule (stated once): a verb whose frame reads its partner from a phrase on its object
    (``dobj>prep:with``/``dobj>prep:between``: "sign the pact with X", "mediate talks
    between X and Y"), whose object is a bare definite joint noun (``joint_nouns``: "the
    deal", "the agreements", "the talks": no with/between phrase, owner or actor modifier
    of its own) and which no other rule read, takes as partners the sides named by the
    latest earlier mention of a joint noun within EVENT_WINDOW sentences (its with/between
    phrase, or its verb's, or the verb's two or more coordinated subjects: "... fails to
    sign Bilateral Security Agreements with the United States and NATO. ... Karzai has
    refused to sign the agreements." -> AFG rejects USA, NATO; "Sudan and South Sudan held
    talks ... IGAD is mediating the talks", "the talks are mediated by IGAD" -> IGAD
    mediates for both), never the subject. No earlier mention with a partner, no fact: the
    partner is never guessed from other dyads of the story.
    Modality (refusal, future, negation) is the verb's, as for any candidate."""
    lexicon, resolver = context.lexicon, context.actors
    nouns = _joint_nouns()
    acts = {c.predicate.i for c in context.candidates} | {c.anchor.i for c in context.candidates}
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.i in acts:
            continue
        # the object, or the passive subject ("the talks are being mediated by IGAD")
        noun = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if noun is None or noun.lemma_.lower() not in nouns or not _bare_definite(noun, context):
            continue
        frame = _partner_frame(verb, noun, lexicon)
        if frame is None:
            continue
        subjects: tuple[Resolved, ...] = ()
        for subject_token in logical_subject(verb):
            subjects = tuple(resolver.actors(subject_token))
            if subjects:
                break
        if not subjects:
            continue
        own = {_key(s.actor) for s in subjects}
        partners = tuple(
            Resolved(p.actor, COREF_CERTAINTY, Via.EVENT, noun.i)
            for p in _earlier_partners(sentence, context, nouns)
            if _key(p.actor) not in own
        )
        if not partners:
            continue
        yield Candidate(
            verb,
            verb,
            frame,
            frame.relation,
            subjects,
            partners,
            noun,
            IMPLICIT_PARTNER_STRENGTH * frame.strength,
        )


def _reporters(clause: Token, context: SentenceContext) -> tuple[Resolved, ...]:
    """Who reports ``clause``: the doer of the report verb it is the complement of, else
    the speaker of the quotation it stands in."""
    head = clause.head
    if clause.dep_ in {"ccomp", "parataxis"} and context.lexicon.lemma(head) in (
        context.lexicon.report
    ):
        return _clause_doers(head, context.actors)
    speaker = context.speakers.get(clause.i)
    if speaker is not None:
        found = speaker_actor(speaker, context.actors)
        if found is not None:
            return (Resolved(found, COREF_CERTAINTY, Via.SPEAKER_PHRASE, speaker.i),)
    return ()


@register("reported-parties")
def reported_party_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """The speaker is the unnamed party of a joint act it reports.

    Rule (stated once): a noun whose plain frame is a joint relation
    (``symmetric_relations``: talks, negotiations, cooperation, fighting) with a partner in
    a with-phrase and no doer of its own (no possessor, no actor modifier, no "between"), the
    subject of a clause reported by an actor (the complement of a report verb, or a
    quotation), has the reporter as its other party: "Cameroon's military spokesman said
    negotiations with Chad intensified" -> CMR negotiates with TCD (a side speaks of its
    own talks). Not for one-sided acts ("strikes on Gaza continued, Hamas said": the
    speaker is no party), nor when the reporter is the partner."""
    lexicon, resolver = context.lexicon, context.actors
    acts = {c.predicate.i for c in context.candidates}
    symmetric = words().symmetric_relations
    for noun in sentence:
        if noun.pos_ != "NOUN" or noun.i in acts or noun.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        frame = plain_frame(noun, lexicon)
        if frame is None or frame.relation not in symmetric:
            continue
        if any(
            c.dep_ == "poss"
            or (c.dep_ == "prep" and c.lower_ == "between")
            or (c.dep_ in {"amod", "compound", "nmod"} and resolver.actors(c, as_modifier=True))
            for c in noun.children
        ):
            continue
        partners = tuple(
            r
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for r in resolver.actors(pobj)
        )
        if not partners:
            continue
        reporters = tuple(
            r
            for r in _reporters(noun.head, context)
            if _key(r.actor) not in {_key(p.actor) for p in partners}
        )
        if not reporters:
            continue
        yield Candidate(
            noun,
            noun.head,
            frame,
            frame.relation,
            reporters,
            partners,
            None,
            REPORTED_PARTY_STRENGTH * frame.strength,
        )


def _elliptical(verb: Token) -> bool | None:
    """Whether ``verb`` heads an elliptical clause repeating an earlier act, and if so
    whether it is negated ('so did Germany', 'the EU did too', 'Germany did the same',
    'followed suit', 'has done so': False; 'while Eritrea has not': True); None if not."""
    lemma = verb.lemma_.lower()
    if lemma not in words().pro_verbs or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    markers = words().ellipsis_markers
    content = [c for c in verb.children if c.dep_ in CONTENT_DEPS]
    if any(c.lower_ not in markers for c in content):
        return None  # "did the inspection", "followed the talks": a verb of its own
    negated = any(c.dep_ == "neg" for c in verb.children)
    marked = any(c.lower_ in markers for c in verb.children if c.dep_ in {"advmod", "dobj"})
    if lemma == "follow":
        return negated if any(c.lower_ == "suit" for c in content) else None
    if marked:
        return negated
    # "..., while Eritrea has not": a bare negated auxiliary in a clause joined to another
    if negated and verb.dep_ in {"advcl", "conj"} and lemma != "do":
        return True
    return None


@register("vp-ellipsis", stage=Stage.ANSWERS)
def ellipsis_rule(sentence: Span, context: SentenceContext) -> list[Draft]:
    """An elliptical clause repeats the latest act told, with its own subject.

    Rule (stated once): a pro-verb (``pro_verbs``: "do", auxiliaries, "follow") with a
    subject and no content of its own, marked as a repetition (``ellipsis_markers``: "so
    did Germany", "the EU did too", "did the same", "did as well", "followed suit", "has
    done so") or a bare negated auxiliary joined to another clause ("while Eritrea has
    not"), whose subject resolves to actors: each does the latest fact of this sentence,
    else of the previous sentences, told of another subject (same relation, same object;
    negated when the clause is), with confidence x :data:`ELLIPSIS_FACTOR`. Never to itself
    (the copied object is not the new subject), never a copy of a negated or unasserted
    fact (a denial, a demand's content, an intent stays where it was told), never a copy of
    an appeal or demand (``ellipsis_excluded_roots``: "has done so" then means the act
    demanded)."""
    resolver = context.actors
    result: list[Draft] = []
    for verb in sentence:
        negated = _elliptical(verb)
        if negated is None:
            continue
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        doers = [r.actor for r in resolver.actors(subject) if r.via not in PLACED]
        if not doers:
            continue
        keys = {_key(d) for d in doers}
        told = [
            d
            for d in (*context.recent, *context.drafts)
            if not d.negated
            and d.asserted_by is None
            and dict(d.attributes).get("modality") in {None, "alleged"}
            and _key(d.subject) not in keys
            and _key(d.object) not in keys
            and context.ontology.relation(d.relation).cameo_root
            not in words().ellipsis_excluded_roots
        ]
        if not told:
            continue
        last = max(d.start for d in told)
        for draft in (d for d in told if d.start == last):
            for doer in doers:
                result.append(
                    Draft(
                        doer,
                        draft.relation,
                        draft.object,
                        negated,
                        None,
                        draft.confidence * ELLIPSIS_FACTOR,
                        (*draft.attributes, ("modality", "elliptical")),
                        sentence.start_char,
                        sentence.end_char,
                        draft.accused,
                    )
                )
    return result


@register("placed-protests")
def placed_protest_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """Protests against a named state, with no protester named, are the host state's.

    Rule (stated once): a noun whose plain frame is a protest (CAMEO 14) with an
    "anti-X" modifier (:func:`~geokg.extract.targets.stance`: "anti-Japanese protests",
    "anti-China demonstrations") and no protester of its own (no rule read it), placed in
    a state by a scene phrase on the noun or on its verb ("erupted in several Chinese
    cities", "spread across Vietnam"): that state protests against X (CAMEO codes the
    protesters by where they are). Not when the place is X itself ("anti-China protests in
    Beijing": whose they are is not told). Without a place, the protesters are of the
    state the sentence is about, else the story's (:meth:`~geokg.extract.institutions.
    Institutions.home_state`, X not counted: "it is picking up the pieces following
    anti-China protests" in a story about Vietnam); nothing when two other states are in
    play or the story has no clear state."""
    lexicon, resolver = context.lexicon, context.actors
    acts = {c.predicate.i for c in context.candidates}
    for noun in sentence:
        if noun.pos_ != "NOUN" or noun.i in acts:
            continue
        frame = plain_frame(noun, lexicon)
        if frame is None or context.ontology.relation(frame.relation).cameo_root != PROTEST_ROOT:
            continue
        targets = tuple(
            r
            for c in noun.children
            if c.dep_ in {"amod", "compound", "nmod"} and stance(c) == "against"
            for r in resolver.actors(c, as_modifier=True)
        )
        if not targets:
            continue
        hosts = [noun] + ([noun.head] if noun.head.pos_ == "VERB" else [])
        place = next((p for h in hosts if (p := place_of(h, resolver)) is not None), None)
        aimed = frozenset(_key(t.actor) for t in targets)
        if place is None:
            home = resolver.home_state(noun, avoid=aimed)
            if home is not None:
                place = Resolved(home, HOME_PROTEST_CERTAINTY, Via.HOME, noun.i)
        if place is None or _key(place.actor) in aimed:
            continue
        yield Candidate(
            noun,
            noun.head if noun.head.pos_ == "VERB" else noun,
            frame,
            frame.relation,
            (place,),
            targets,
            None,
            PLACED_PROTEST_STRENGTH * frame.strength,
        )
