"""The evaluations family: praise, criticism and appeals carried by what is said about an actor.

A speaker evaluates an actor, or an actor's act, without a verb of praise or criticism:

* a reported clause whose predicate evaluates its subject: "Beijing says Vietnam's claim to
  the region is 'ridiculous'", "Carney said North Korea's action was a threat to regional
  security", "Nuland said the actions by Turkey were 'appropriate'", "Kabul said the U.S.
  decision ... undermines the role of the Afghan government";
* the same stated by "made (it) clear that ...": "Kerry made it clear that North Korea's
  bellicose rhetoric ... is unacceptable";
* a naming verb with an evaluative object complement: "Obama called the test 'highly
  provocative'", "Ban described the move as 'deeply destabilizing'";
* an evaluative clause quoted with its speaker: '"North Korea is a threat to peace," Kerry
  said' (the quote's speaker, from :func:`geokg.extract.segments.quote_speakers`);
* an appeal by a normative clause: "it is important that the army end this coup", said
  Kirby -> an appeal (02) to the that-clause's subject.

Rule (stated once): the *speaker* is the resolved subject of the reporting or naming verb
(else the quote's speaker); the *evaluated phrase* is the subject of the reported clause or
the object of the naming verb; the *evaluation* is the clause's predicate adjective, its
attribute noun (with its modifiers), its object complement, or the clause verb itself (with
its object, for "pose/represent a threat"), looked up in the evaluation lexicon
(``evaluation_negative``, ``evaluation_positive``, ``evaluation_verbs``,
``evaluation_supports``, ``naming_verbs``, ``appeal_adjectives`` in
``data/lexicon/words.json``). Negative -> ``criticises`` (11), positive -> ``praises`` (05);
a negated positive word ("not acceptable") is negative, a negated negative word says
nothing. The *target* is who the evaluated phrase names or owns: the phrase itself when it
is an actor ("North Korea is a threat"), else its possessor, its "by" phrase or its actor
modifier ("the U.S. decision"), else, for an unowned event noun ("the test", "the move"),
the author of the latest earlier event of that class (event coreference, as for reactions).
The target is never the speaker, never a mere place, and the evaluated act itself is not
coded from inside the evaluation. Rule strength :data:`EVALUATION_STRENGTH` (an inferred
stance, below a verb of criticism), times the coreference discount for an event's author.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.events import Reaction, event_lemma, load_event_lexicon, unowned
from geokg.extract.lexicon import Frame, words
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver
from geokg.extract.rules.base import Candidate, SentenceContext, register
from geokg.extract.rules.reactions import COREF_CERTAINTY, _antecedent, _is_actor
from geokg.extract.syntax import logical_subject
from geokg.extract.targets import _key, speaker_actor

EVALUATION_STRENGTH = 0.8
APPEAL_STRENGTH = 0.75

NEGATIVE = "criticises"
POSITIVE = "praises"
APPEAL = "appealsTo"


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _polarity(word: Token) -> int:
    """+1 positive, -1 negative, 0 neutral: the lemma (or lower form) in the lexicon."""
    forms = {word.lemma_.lower(), word.lower_}
    if forms & words().evaluation_negative:
        return -1
    if forms & words().evaluation_positive:
        return 1
    return 0


def _with_conjuncts(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_with_conjuncts(child))
    return found


def _phrase_polarity(head: Token) -> tuple[int, Token] | None:
    """The polarity of an evaluative phrase (an adjective, or a noun with its adjective and
    noun modifiers: "a clear threat", "extreme brutality", "the wrong approach"), and the
    word that carries it; None when it carries none."""
    for word in _with_conjuncts(head):
        words_in = [word, *(c for c in word.children if c.dep_ in {"amod", "compound", "advmod"})]
        words_in += [
            p
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        for candidate in words_in:
            polarity = _polarity(candidate)
            if polarity:
                return polarity, candidate
    return None


def _predicate_evaluation(clause: Token, acts: set[int]) -> tuple[int, Token] | None:
    """The evaluation a clause's predicate carries: a copula's complement ("is
    ridiculous", "was a threat to"), an evaluative verb with an object ("undermines the
    role"), a support verb with an evaluative object ("poses a threat", "represents a
    threat"), or any other verb whose object an evaluative adjective qualifies ("had taken
    the wrong approach", "make provocative threats", "passed a shameful resolution"), unless
    a rule already reads that verb as an act (``acts``); through an aspectual infinitive
    ("continues to pose a threat")."""
    for verb in (clause, *(c for c in clause.children if c.dep_ == "xcomp")):
        lemma = verb.lemma_.lower()
        if lemma in words().copular:
            for complement in verb.children:
                if complement.dep_ in {"acomp", "attr", "oprd"}:
                    found = _phrase_polarity(complement)
                    if found is not None:
                        return found
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma in words().evaluation_verbs and objects:
            return -1, verb
        for obj in objects:
            if lemma in words().evaluation_supports:
                found = _phrase_polarity(obj)
                if found is not None:
                    return found
            elif verb.i not in acts:
                for modifier in obj.children:
                    if modifier.dep_ == "amod" and _polarity(modifier):
                        return _polarity(modifier), modifier
    return None


def _signed(polarity: int, negated: bool) -> str | None:
    """The relation of an evaluation: a negated positive word is criticism ("not
    acceptable"); a negated negative word ("not a threat") says nothing."""
    if negated:
        return NEGATIVE if polarity > 0 else None
    return POSITIVE if polarity > 0 else NEGATIVE


def _owners(phrase: Token, resolver: Resolver) -> list[Resolved]:
    """Who an evaluated phrase names or owns: itself, its possessor, its "by" phrase, its
    actor modifier ("the U.S. decision", "the North Korean regime"). An event two sides hold
    together ("the Ukraine peace talks") is no single side's act: nobody."""
    if phrase.lemma_.lower() in words().joint_event_nouns:
        return []
    if phrase.pos_ in {"PROPN", "PRON"} or phrase.ent_type_:
        found = [r for r in resolver.actors(phrase) if r.via != Via.LOCATION]
        if found:
            return found
    for child in phrase.children:
        if child.dep_ == "poss":
            found = [r for r in resolver.actors(child) if r.via != Via.LOCATION]
            if found:
                return found
    for child in phrase.children:
        if child.dep_ == "prep" and child.lower_ in words().author_preps:
            for pobj in child.children:
                found = [r for r in resolver.actors(pobj) if r.via != Via.LOCATION]
                if pobj.dep_ == "pobj" and found:
                    return found
    for child in phrase.children:
        if child.dep_ in {"amod", "compound"}:
            found = resolver.actors(child, as_modifier=True)
            if found:
                return found
    if phrase.pos_ == "NOUN":
        return [r for r in resolver.actors(phrase) if r.via != Via.LOCATION]
    return []


def authors_of(
    phrase: Token,
    verb: Token,
    relation: str,
    sentence: Span,
    context: SentenceContext,
    own: set[str],
) -> list[Resolved]:
    """Who a phrase names or whose act it is: the phrase or its owner (:func:`_owners`),
    else, for an unowned event noun ("the test", "the move"), the agents of the latest
    earlier event of its class (event coreference), unless one of ``own`` took part in it;
    never one of ``own``."""
    found = [r for r in _owners(phrase, context.actors) if _key(r.actor) not in own]
    if found or phrase.pos_ != "NOUN":
        return found
    lexicon = load_event_lexicon()
    classes = lexicon.classes_of_noun(event_lemma(phrase))
    if not classes or not unowned(phrase, _is_actor(context.actors)):
        return []
    reaction = Reaction(verb, relation, phrase, classes)
    agents = _antecedent(reaction, context, sentence, excluded=set())
    if any(_key(a) in own for a in agents):
        return []  # the speaker's own (joint) act: "said the action was proportionate"
    return [Resolved(a, COREF_CERTAINTY, Via.EVENT, phrase.i) for a in agents]


def _speakers(verb: Token, context: SentenceContext) -> tuple[Resolved, ...]:
    """The resolved subject of the reporting verb, else the speaker of its quote."""
    for subject in logical_subject(verb):
        found = tuple(r for r in context.actors.actors(subject) if r.via != Via.LOCATION)
        if found:
            return found
    return _quote_speakers(verb, context)


def _quote_speakers(verb: Token, context: SentenceContext) -> tuple[Resolved, ...]:
    """The speaker of the quote ``verb`` is in."""
    speaker = context.speakers.get(verb.i)
    if speaker is not None:
        actor = speaker_actor(speaker, context.actors)
        if actor is not None:
            return (Resolved(actor, 0.9, Via.SPEAKER, speaker.i),)
    return ()


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a reporting verb states ("said that ...")."""
    return [c for c in verb.children if c.dep_ == "ccomp"]


def _made_clear(verb: Token) -> list[Token]:
    """The that-clauses of "made (it) clear that ...", "made plain that ..." (``clarity_verbs``
    with a ``clarity_adjectives`` complement): a statement, like "said that ..."."""
    if verb.lemma_.lower() not in words().clarity_verbs:
        return []
    clear = [
        c
        for c in verb.children
        if c.dep_ in {"ccomp", "oprd", "acomp", "xcomp"}
        and c.lemma_.lower() in words().clarity_adjectives
    ]
    if not clear:
        return []
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c not in clear]
    clauses += [
        c
        for adjective in clear
        for c in adjective.children
        if c.dep_ in {"ccomp", "advcl"}
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    return clauses


def _evaluations(sentence: Span, context: SentenceContext) -> Iterator[tuple[Token, Token, Token]]:
    """(speaking verb, evaluated phrase, clause or naming verb) of ``sentence``."""
    report = context.lexicon.report
    for verb in context.tokens(sentence).pos("VERB", "AUX"):
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = verb.lemma_.lower()
        reported = lemma in report
        clauses = _reported_clauses(verb) if reported else _made_clear(verb)
        for clause in clauses:
            for subject in clause.children:
                if subject.dep_ == "nsubj" and subject.lower_ != "it":
                    yield verb, subject, clause
        quoted = not (reported or clauses) and verb.dep_ in {"ROOT", "ccomp"}
        if quoted and context.speakers.get(verb.i) is not None:
            # A quoted clause with a speaker: its own subject is the evaluated phrase.
            for subject in verb.children:
                if subject.dep_ == "nsubj" and subject.pos_ != "PRON":
                    yield verb, subject, verb
        if lemma in words().naming_verbs:
            for obj in verb.children:
                if obj.dep_ == "dobj":
                    yield verb, obj, verb


def _naming_evaluation(verb: Token, obj: Token) -> tuple[int, Token] | None:
    """'called the test provocative', 'described the move as destabilizing'."""
    for complement in verb.children:
        if complement.dep_ in {"oprd", "xcomp", "ccomp", "acomp"} and complement.i > obj.i:
            found = _phrase_polarity(complement)
            if found is not None:
                return found
    for head in (verb, obj):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for part in prep.subtree:
                    if part is not prep:
                        polarity = _polarity(part)
                        if polarity:
                            return polarity, part
    return None


@register("evaluations")
def evaluation_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See the module docstring: reported and quoted evaluations, named evaluations."""
    covered = {c.predicate.i for c in context.candidates}
    acts = covered | {c.anchor.i for c in context.candidates}
    for verb, phrase, clause in _evaluations(sentence, context):
        naming = clause is verb and verb.lemma_.lower() in words().naming_verbs
        found = _naming_evaluation(verb, phrase) if naming else _predicate_evaluation(clause, acts)
        if found is None:
            continue
        polarity, word = found
        if word.i in covered:
            continue
        covered.add(word.i)  # a quoted clause is also a reported one: once
        relation = _signed(polarity, _negated(word) or _negated(clause) or _negated(word.head))
        if relation is None:
            continue
        # A quoted clause speaks through its quote's speaker, not through its own subject.
        speakers = _speakers(verb, context) if clause is not verb or naming else ()
        if clause is verb and not naming:
            speakers = _quote_speakers(verb, context)
        if not speakers:
            continue
        own = {_key(s.actor) for s in speakers}
        phrase = _relative_head(phrase)
        targets = authors_of(phrase, verb, relation, sentence, context, own)
        if not targets:
            continue
        frame = Frame(word.lemma_.lower(), "VERB", relation, (), (), strength=EVALUATION_STRENGTH)
        yield Candidate(
            word, verb, frame, relation, speakers, tuple(targets), None, EVALUATION_STRENGTH
        )
    yield from _appeals(sentence, context)


def _relative_head(phrase: Token) -> Token:
    """'whom he characterizes as warmongers': a relative pronoun stands for its noun."""
    if phrase.tag_ in {"WP", "WDT"} and phrase.head.dep_ == "relcl":
        return phrase.head.head
    return phrase


def _appeals(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """'it is important that the army end this coup': an appeal (02) by the speaker (the
    subject of the reporting verb, or the quote's speaker) to the that-clause's subject."""
    for adjective in context.tokens(sentence).dep("acomp"):
        if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in words().appeal_adjectives:
            continue
        copula = adjective.head
        if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children):
            continue
        if _negated(copula):
            continue
        clauses = [
            c
            for head in (copula, adjective)
            for c in head.children
            if c.dep_ == "ccomp"
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ]
        if not clauses:
            continue
        speaker_verb = copula.head if copula.dep_ == "ccomp" else copula
        speakers = _speakers(speaker_verb, context) if speaker_verb is not copula else ()
        if not speakers:
            speakers = _speakers(copula, context)
        if not speakers:
            continue
        own = {_key(s.actor) for s in speakers}
        for clause in clauses:
            addressees = [
                r
                for subject in clause.children
                if subject.dep_ == "nsubj"
                for r in context.actors.actors(subject)
                if r.via != Via.LOCATION and _key(r.actor) not in own
            ]
            if not addressees:
                continue
            frame = Frame(
                adjective.lemma_.lower(), "VERB", APPEAL, (), (), strength=APPEAL_STRENGTH
            )
            yield Candidate(
                adjective,
                speaker_verb,
                frame,
                APPEAL,
                speakers,
                tuple(addressees),
                None,
                APPEAL_STRENGTH,
            )
