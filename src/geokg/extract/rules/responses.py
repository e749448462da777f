"""The responses family: reactions whose object is the author of an earlier event.

* A provoked reaction: "The move prompted a strong protest by Japan's foreign ministry" ->
  Japan criticises whoever moved; "Tokyo has not ruled out stationing officials, prompting
  an angry response by Beijing" -> Beijing criticises Tokyo; "the decision drew praise from
  Seoul" -> Seoul praises whoever decided.
* A demanded end: "Moscow demanded a halt to the Ukraine offensive" -> a demand on Ukraine;
  "called for an end to the shelling" -> an appeal to whoever shelled.
* A response: "Cameroon has deployed troops to its border in response to the growing
  attacks" -> Cameroon's act targets whoever attacked; "in retaliation for Hamas rocket
  attacks" -> against Hamas.

Rule (stated once), words in ``data/lexicon/words.json``: a causing verb
(``provoking_verbs``) whose object is a reaction noun (``provoked_reactions``: noun ->
relation; a neutral ``response``/``reaction`` only with a hostile qualifier,
``hostile_qualifiers``) makes the reaction's holder (its "by"/"from" phrase or possessor,
else the verb's "from" phrase) react to the *author* of the cause: the causing verb's
subject when it is an actor (or a participle's clause subject), else the owner of the cause
phrase ("Israel's decision"), else, for an unowned event noun, the agents of the latest
earlier event of its class (event coreference, :mod:`geokg.extract.rules.reactions`). A verb
act with no target of its own (no rule found one) carrying "in response to E" / "in
retaliation for E" (``response_nouns``) targets E's author, found the same way; so does the
event noun of an agent light verb carrying it, when the noun's act is a material conflict
("launched airstrikes in response to Hamas rocket attacks": the airstrikes target Hamas;
"held talks in response to ..." is nothing). Never the reacter itself. A demand or appeal
verb (``cessation_verbs``: verb -> relation) whose object (or "for" object) is a cessation
noun (``cessation_nouns``: "an end", "a halt") of an event ("to"/"of" phrase) is aimed at
that event's author, found the same way. Rule strength :data:`RESPONSE_STRENGTH`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.lexicon import Frame, words
from geokg.extract.resolution import Resolved, Via
from geokg.extract.rules.base import Candidate, SentenceContext, register
from geokg.extract.rules.discourse import plain_frame
from geokg.extract.rules.evaluations import authors_of
from geokg.extract.syntax import logical_subject
from geokg.extract.targets import _clause_doers, _key, speaker_actor
from geokg.model import QuadClass

RESPONSE_STRENGTH = 0.8


def _pobjs(head: Token, preps: frozenset[str]) -> list[Token]:
    return [
        pobj
        for prep in head.children
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _reaction_relation(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    relation = words().provoked_reactions.get(lemma)
    if relation is not None:
        return relation
    if lemma in words().neutral_reactions and any(
        c.dep_ == "amod" and c.lemma_.lower() in words().hostile_qualifiers for c in noun.children
    ):
        return "criticises"
    return None


def _holders(noun: Token, verb: Token, context: SentenceContext) -> tuple[Resolved, ...]:
    """Who reacts: the reaction noun's "by"/"from" phrase or possessor, else the causing
    verb's "from" phrase ("drew criticism from Moscow"), also after an inclusion word
    ("drew criticism, including from China": ``inclusion_preps``)."""
    tokens = _pobjs(noun, words().author_preps) + [c for c in noun.children if c.dep_ == "poss"]
    tokens += _pobjs(verb, words().author_preps - {"of"})
    # "drew widespread criticism, including from China": the holder named among others
    tokens += [
        holder
        for head in (noun, verb)
        for inclusion in head.children
        if inclusion.dep_ == "prep" and inclusion.lower_ in words().inclusion_preps
        for holder in _pobjs(inclusion, words().author_preps - {"of"})
    ]
    for token in tokens:
        actor = speaker_actor(token, context.actors)
        if actor is not None:
            return (Resolved(actor, 0.9, Via.SPEAKER, token.i),)
    return ()


def _causers(verb: Token, context: SentenceContext) -> list[Token]:
    """The cause of a causing verb: its subject, or the subject of the clause a participle
    hangs on ("..., prompting an angry response")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return subjects
    return logical_subject(verb)


@register("provoked-reactions")
def provoked_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See the module docstring: "the move prompted a protest by Japan"."""
    for verb in context.tokens(sentence).plain_in(words().provoking_verbs):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in words().provoking_verbs:
            continue
        for noun in (c for c in verb.children if c.dep_ == "dobj"):
            relation = _reaction_relation(noun)
            if relation is None:
                continue
            holders = _holders(noun, verb, context)
            if not holders:
                continue
            own = {_key(h.actor) for h in holders}
            for cause in _causers(verb, context):
                authors = authors_of(cause, verb, relation, sentence, context, own)
                if authors:
                    frame = Frame(noun.lemma_.lower(), "NOUN", relation, (), ())
                    # "X has not ruled out ..., prompting a protest": the participle's
                    # reaction happened; the head clause's negation is not its own.
                    participle = verb.tag_ == "VBG" and not any(
                        c.dep_ == "neg" for c in verb.children
                    )
                    yield Candidate(
                        noun,
                        verb,
                        frame,
                        relation,
                        holders,
                        tuple(authors),
                        None,
                        RESPONSE_STRENGTH,
                        negation_is_act=participle,
                    )
                    break


def _responded(verb: Token) -> list[Token]:
    """E of "in response to E", "in retaliation for E" on ``verb``."""
    return [
        event
        for response in _pobjs(verb, words().response_preps)
        if response.lemma_.lower() in words().response_nouns
        for event in _pobjs(response, words().responded_preps)
    ]


@register("responses")
def response_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See the module docstring: "deployed troops in response to the attacks"."""
    acts = {c.predicate.i for c in context.candidates} | {c.anchor.i for c in context.candidates}
    lexicon = context.lexicon
    for verb in context.tokens(sentence).pos("VERB"):
        if verb.pos_ != "VERB" or verb.i in acts:
            continue
        events = _responded(verb)
        if not events:
            continue
        frame, act = plain_frame(verb, lexicon), verb
        if frame is None and lexicon.lemma(verb) in lexicon.agent_light_verbs:
            # "Israel launched airstrikes in response to Hamas rocket attacks": the light
            # verb's event noun is the act (when no rule gave it a target of its own).
            # Only a material conflict answers an attack so ("held talks in response to
            # the attacks" is no talks with the attackers).
            for noun in verb.children:
                if noun.dep_ == "dobj" and noun.i not in acts:
                    frame, act = plain_frame(noun, lexicon), noun
                    if frame is not None and (
                        context.ontology.relation(frame.relation).quad_class
                        == QuadClass.MATERIAL_CONFLICT
                    ):
                        break
                    frame = None
        if frame is None:
            continue
        doers = _clause_doers(verb, context.actors)
        if not doers:
            continue
        own = {_key(d.actor) for d in doers}
        relation = frame.relation
        for event in events:
            authors = authors_of(event, verb, relation, sentence, context, own)
            if authors:
                yield Candidate(
                    act,
                    verb,
                    frame,
                    relation,
                    doers,
                    tuple(authors),
                    None,
                    RESPONSE_STRENGTH * frame.strength,
                )
                break


def _ended_events(verb: Token) -> list[Token]:
    """E of "demanded a halt to E", "called for an end to E", "urged a stop of E"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += _pobjs(verb, words().cessation_object_preps)
    preps = words().cessation_event_preps
    return [
        event
        for noun in objects
        if noun.lemma_.lower() in words().cessation_nouns
        # the parser hangs "to E" on the noun or on the verb
        for event in _pobjs(noun, preps) or _pobjs(verb, preps)
    ]


@register("demanded-ends")
def demanded_end_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See the module docstring: "demanded a halt to the Ukraine offensive"."""
    acts = {c.predicate.i for c in context.candidates}
    for verb in context.tokens(sentence).lemma_in(words().cessation_verbs):
        relation = words().cessation_verbs.get(context.lexicon.lemma(verb))
        if relation is None or verb.pos_ != "VERB" or verb.i in acts:
            continue
        events = _ended_events(verb)
        if not events:
            continue
        doers = _clause_doers(verb, context.actors)
        if not doers:
            continue
        own = {_key(d.actor) for d in doers}
        for event in events:
            authors = authors_of(event, verb, relation, sentence, context, own)
            if authors:
                frame = Frame(context.lexicon.lemma(verb), "VERB", relation, (), ())
                yield Candidate(
                    verb, verb, frame, relation, doers, tuple(authors), None, RESPONSE_STRENGTH
                )
                break
