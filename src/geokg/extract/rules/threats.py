"""The threats family: threats (CAMEO 13) stated without a threat verb.

* a price to pay: "X warned that Y would pay a heavy price", "Y will face the consequences";
* no more tolerance: "police will no longer tolerate rallies by Y";
* arms for use against X: "manufacturing chemical weapons to use against the United States";
* a vowed retaliation with no target: whoever last attacked the vower (from the history);
* a penalty held over whom a condition names: "warned of sanctions if X does not commit to
  talks", "repeated threats of grave consequences if X did not change its attitude", "called
  on X to stop fighting, or face sanctions", "gave X 90 days to settle or face arbitration",
  "will continue their campaign until X halts its operations" (the act in the condition stays
  unasserted);
* a penalty in the passive, still to come, under a condition, told by a speaker: "Japan said
  sanctions could be tightened if North Korea conducts another test".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Span, Token

from geokg.extract.drafts import plain_frames, threat_of
from geokg.extract.lexicon import Frame, Lexicon, load_lexicon, words
from geokg.extract.modality import assess
from geokg.extract.naming import conjuncts
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import (
    Resolver,
)
from geokg.extract.rules.base import Candidate, Draft, SentenceContext, register
from geokg.extract.rules.complements import (
    _complement_target,
    _infinitive_complement,
    _until_targets,
)
from geokg.extract.rules.evaluations import _owners
from geokg.extract.rules.reactions import COREF_CERTAINTY, EVENT_COREF_STRENGTH
from geokg.extract.syntax import logical_subject, slot_tokens
from geokg.extract.targets import _clause_doers, _key, item_classes, speaker_actor
from geokg.extract.tokenindex import TokenIndex
from geokg.model import Actor

THREAT_FRAME = Frame("pay", "VERB", "threatens", (), (), strength=0.9)


def _prospective(verb: Token, lexicon: Lexicon) -> bool:
    """A price still to be paid: a future auxiliary on the verb or on the semi-modal it
    completes ("will have to accept the consequences"), or a verb that looks ahead by itself
    in the present tense ("Japan risks long-term damage", ``prospective_price_verbs``)."""
    heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    if any(c.dep_ == "aux" and c.lower_ in lexicon.future for h in heads for c in h.children):
        return True
    return lexicon.lemma(verb) in words().prospective_price_verbs and verb.tag_ in {"VBP", "VBZ"}


def _price_threats(
    tokens: TokenIndex, resolver: Resolver, lexicon: Lexicon, quote_speakers: Mapping[int, Token]
) -> Iterator[Candidate]:
    """'X warned that Y would pay a heavy price', '“Y will face the consequences,” X said':
    the speaker threatens Y (CAMEO 13). The speaker is whoever reports or warns the clause,
    else the speaker of the quotation the sentence belongs to."""
    for verb in tokens.lemma_in(words().price_idioms):
        nouns = words().price_idioms.get(lexicon.lemma(verb))
        if nouns is None or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children):
            continue
        if not _prospective(verb, lexicon):
            continue  # "Ukraine has paid a heavy price" is no threat
        speaker = assess(verb, lexicon).asserter or quote_speakers.get(verb.i)
        if speaker is None and verb.dep_ == "xcomp":
            # "warning that Japan will have to accept the consequences": who reports the
            # semi-modal's clause
            speaker = assess(verb.head, lexicon).asserter
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


IMPUNITY_FRAME = Frame("unpunished", "ADJ", "threatens", (), (), strength=0.8)


def _impunity_threats(
    tokens: TokenIndex, resolver: Resolver, lexicon: Lexicon, quote_speakers: Mapping[int, Token]
) -> Iterator[Candidate]:
    """'Kerry and Ban say North Korea's nuclear test must not go unpunished': the speakers
    threaten the author of the act (CAMEO 13).

    Rule: a negated verb of remaining (``go``, ``remain``) whose complement is an impunity
    word (``impunity_words``: "unpunished", "unanswered"), reported or quoted, is a threat by
    each of its speakers (the reporting verb's conjoined subjects, else the quote's
    speaker) against the actor the verb's subject names or owns ("X's test", "the attack by
    X"); an act nobody is named for gives nothing, and a plain statement ("the crime went
    unpunished") is no threat."""
    for word in tokens.plain_in(words().impunity_words):
        verb = word.head
        if word.dep_ not in {"acomp", "oprd", "xcomp"} or verb.lemma_.lower() not in {
            "go",
            "remain",
        }:
            continue
        if not any(c.dep_ == "neg" for c in verb.children):
            continue
        speaker = assess(verb, lexicon).asserter or quote_speakers.get(verb.i)
        if speaker is None and verb.dep_ == "ccomp" and lexicon.lemma(verb.head) in lexicon.report:
            # "must not go unpunished" is hypothetical: its reporter is still the speaker
            speaker = next(iter(logical_subject(verb.head)), None)
        if speaker is None:
            continue
        speakers: list[Resolved] = []
        for phrase in conjuncts(speaker):
            actor = speaker_actor(phrase, resolver)
            if actor is not None and all(s.actor != actor for s in speakers):
                speakers.append(Resolved(actor, 0.9, Via.SPEAKER_PHRASE, phrase.i))
        if not speakers:
            continue
        own = [s.actor for s in speakers]
        targets = tuple(
            r
            for subject in logical_subject(verb)
            for r in _owners(subject, resolver)
            if r.actor not in own and r.via != Via.SPEAKER
        )
        if targets:
            # The threat is the saying: its modality is the reporting verb's (the "must not"
            # or "will not" of the clause is the threat's content, not its negation).
            reported = verb.dep_ == "ccomp" and lexicon.lemma(verb.head) in lexicon.report
            yield Candidate(
                word,
                verb.head if reported else verb,
                IMPUNITY_FRAME,
                "threatens",
                tuple(speakers),
                targets,
                None,
                0.8,
                negation_is_act=True,
            )


TOLERANCE_FRAME = Frame("tolerate", "VERB", "threatens", (), (), strength=0.8)


# Dependents of the untolerated act that name whose act it is.
ACT_OWNER_DEPS = frozenset({"poss", "pobj", "compound", "amod", "nmod"})


def _tolerance_threats(
    tokens: TokenIndex, resolver: Resolver, lexicon: Lexicon, quote_speakers: Mapping[int, Token]
) -> Iterator[Candidate]:
    """'Cairo's security chief warned that police will no longer tolerate rallies by the
    Kifaya group': the subject (else whoever warns) threatens the owner of the untolerated
    act (CAMEO 13)."""
    for verb in tokens.lemma_in(words().tolerance_verbs):
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
    tokens: TokenIndex, resolver: Resolver, lexicon: Lexicon
) -> Iterator[Candidate]:
    """'A group claims to be manufacturing chemical weapons to use against the United
    States', 'is stockpiling drones to use against Ukrainian cities': arms gathered for use
    against X are a threat of force against X (CAMEO 13), not an attack."""
    for use in tokens.lemma_in({"use"}):
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


CONDITIONAL_THREAT_STRENGTH = 0.8


def _penalty_threat(penalties: list[Token], context: SentenceContext) -> str:
    """The threat a penalty makes: that of the first penalty noun whose plain frame is a
    coercive act ("sanctions": a threat of sanctions), else a plain threat."""
    for noun in penalties:
        for frame in plain_frames(noun, context.lexicon):
            threat = threat_of(frame.relation, context.ontology)
            if threat is not None:
                return threat
    return "threatens"


def _penalties(word: Token) -> list[Token]:
    """The penalty nouns a warning names: "warned of sanctions and other consequences",
    "threats of grave consequences", "threatened sanctions"."""
    fillers = [*slot_tokens(word, "prep:of"), *slot_tokens(word, "dobj")]
    return [
        t
        for f in fillers
        for t in conjuncts(f)
        if t.pos_ == "NOUN" and t.lemma_.lower() in words().penalty_nouns
    ]


def _condition_subjects(
    clause_heads: list[Token], own: list[Actor], resolver: Resolver
) -> tuple[Resolved, ...]:
    """Whom a condition names: the subject of an "if"/"unless" clause under one of
    ``clause_heads`` ("if South Sudan's government and rebel forces do not commit"), other
    than the speakers; else the first actor an "until" clause names."""
    marks = load_lexicon().conditional
    for head in clause_heads:
        for clause in head.children:
            if clause.dep_ != "advcl" or not any(
                m.dep_ == "mark" and m.lower_ in marks for m in clause.children
            ):
                continue
            found = tuple(
                r
                for s in clause.children
                if s.dep_ in {"nsubj", "nsubjpass"}
                for r in resolver.actors(s, exclude=own)
                if r.actor not in own and r.via != Via.LOCATION
            )
            if found:
                return found
        until = _until_targets(head, own, resolver)
        if until:
            return until
    return ()


def _speakers(word: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who issues a warning: the subject of the verb, or the owner of the noun ("Seoul's
    threats"), else the subject of the verb governing or modifying it ("repeated threats")."""
    if word.pos_ == "VERB":
        return _clause_doers(word, resolver)
    for owner in (c for c in word.children if c.dep_ == "poss"):
        found = tuple(r for r in resolver.actors(owner) if r.via != Via.LOCATION)
        if found:
            return found
    verbs = [word.head] if word.head != word else []
    verbs += [c for c in word.children if c.dep_ in {"amod", "acl"} and c.pos_ == "VERB"]
    for verb in verbs:
        if verb.pos_ == "VERB":
            found = _clause_doers(verb, resolver)
            if found:
                return found
    return ()


def _addressees(appeal: Token, own: list[Actor], resolver: Resolver) -> tuple[Resolved, ...]:
    """Whom an appeal or ultimatum addresses ("called on X to", "gave X 90 days to")."""
    for slot in words().addressee_slots:
        for filler in slot_tokens(appeal, slot):
            found = tuple(r for r in resolver.actors(filler, exclude=own) if r.actor not in own)
            if found:
                return found
    return ()


def _conditional_threats(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """A penalty held over someone under a condition is a threat (13) against them:

    * a warning of a penalty with an "if"/"unless"/"until" condition: against the condition's
      subject ("warned of sanctions if X does not commit to talks");
    * "or face <penalty>" after an appeal or an ultimatum: against its addressee ("called on X
      to stop fighting, or face sanctions", "gave X 90 days to settle or face arbitration");
    * a coercive campaign continued until someone acts ("will continue their attacks until X
      withdraws"): against whom the "until" clause names.

    Not a threat: a warning with no penalty noun ("warned of floods if the rains go on"), a
    penalty with no condition or addressee, a condition whose only actor is the speaker."""
    resolver, lexicon = context.actors, context.lexicon
    covered = {c.anchor.i for c in context.candidates} | {c.predicate.i for c in context.candidates}
    for word in context.tokens(sentence).pos("VERB", "NOUN"):
        if word.i in covered or word.pos_ not in {"VERB", "NOUN"}:
            continue
        lemma = lexicon.lemma(word) if word.pos_ == "VERB" else word.lemma_.lower()
        anchor = word
        penalties: list[Token] = []
        speakers: tuple[Resolved, ...] = ()
        targets: tuple[Resolved, ...] = ()
        if lemma in words().warning_words:
            penalties = _penalties(word)
            if not penalties:
                continue
            speakers = _speakers(word, resolver)
            own = [s.actor for s in speakers]
            # The condition may hang on the verb governing a warning noun ("repeated
            # threats of grave consequences if ...").
            governor = [word.head] if word.pos_ == "NOUN" and word.head != word else []
            targets = _condition_subjects([word, *penalties, *governor], own, resolver)
        elif lemma in words().incurring_verbs and word.dep_ == "conj" and _disjunct(word):
            penalties = [
                t for t in slot_tokens(word, "dobj") if t.lemma_.lower() in words().penalty_nouns
            ]
            demanded = word.head
            appeal = demanded.head
            if not penalties or demanded.dep_ not in {"xcomp", "advcl", "ccomp"}:
                continue
            anchor = appeal
            speakers = _clause_doers(appeal, resolver)
            own = [s.actor for s in speakers]
            targets = _addressees(appeal, own, resolver)
        elif lemma in words().continuation_verbs and word.pos_ == "VERB":
            acts = [c for c in word.children if c.dep_ in {"dobj", "xcomp"}]
            if not any(_coercive(act, context) for act in acts):
                continue
            speakers = _clause_doers(word, resolver)
            own = [s.actor for s in speakers]
            targets = _until_targets(word, own, resolver)
            penalties = acts
        if not (speakers and targets):
            continue
        relation = _penalty_threat(penalties, context)
        frame = Frame(lemma, "VERB", relation, (), (), strength=CONDITIONAL_THREAT_STRENGTH)
        yield Candidate(word, anchor, frame, relation, speakers, targets, None, frame.strength)


def _agentless_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "auxpass" in deps and "agent" not in deps


def _held_out_passives(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """A penalty held out in the passive is the speaker's threat against whom the condition
    names.

    Rule (stated once): a verb in the passive with no agent, still to come (a future or
    possibility auxiliary: "will", "would", "could", "may"), whose subject is a penalty noun
    (``penalty_nouns``: "sanctions could be tightened", "force will be used") or which is
    itself a coercive act, under an "if"/"unless"/"until" condition whose subject is an actor
    other than the speaker, in the complement of a report verb (or a quotation) whose speaker
    is an actor: the speaker threatens (13; the penalty's own threat, "sanctions" -> 1312)
    whom the condition names. Not a threat: an agent named ("could be imposed by the EU":
    the frames read it), a past act ("sanctions were tightened after ..."), a measure undone
    ("sanctions could be eased if ...": a promise), no condition, a condition naming only
    the speaker, no speaker."""
    resolver, lexicon = context.actors, context.lexicon
    covered = {c.predicate.i for c in context.candidates}
    still_to_come = lexicon.future | words().possibility_modals
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.i in covered or not _agentless_passive(verb):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in still_to_come for c in verb.children):
            continue
        penalties = [
            s
            for s in verb.children
            if s.dep_ == "nsubjpass" and s.lemma_.lower() in words().penalty_nouns
        ]
        if not penalties and not _coercive(verb, context):
            continue
        particles = [f"{lexicon.lemma(verb)} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
        if lexicon.lemma(verb) in lexicon.undo_words or lexicon.undo_words.intersection(particles):
            continue  # "sanctions could be eased / lifted if ...": a promise, not a threat
        report = verb.head
        speakers: tuple[Resolved, ...] = ()
        if verb.dep_ in {"ccomp", "parataxis"} and lexicon.lemma(report) in lexicon.report:
            speakers = _clause_doers(report, resolver)
        elif verb.i in context.speakers:
            report = verb
            speaker = context.speakers[verb.i]
            found = speaker_actor(speaker, resolver)
            speakers = (Resolved(found, 0.9, Via.SPEAKER_PHRASE, speaker.i),) if found else ()
        if not speakers:
            continue
        own = [s.actor for s in speakers]
        targets = _condition_subjects([verb], own, resolver)
        if not targets:
            continue
        relation = _penalty_threat([*penalties, verb], context)
        frame = Frame(
            lexicon.lemma(verb), "VERB", relation, (), (), strength=CONDITIONAL_THREAT_STRENGTH
        )
        yield Candidate(verb, report, frame, relation, speakers, targets, None, frame.strength)


def _disjunct(conjunct: Token) -> bool:
    """A conjunct joined by "or" (the parser hangs the "or" on the first conjunct or on this
    one): "stop fighting, or face sanctions"."""
    return any(
        c.dep_ == "cc" and c.lower_ == "or" and c.i < conjunct.i
        for c in (*conjunct.children, *conjunct.head.children)
    )


def _coercive(act: Token, context: SentenceContext) -> bool:
    """A verb or noun whose plain frame is a coercive or violent act ("attacks", "fight")."""
    return (
        any(
            threat_of(f.relation, context.ontology) is not None
            for f in plain_frames(act, context.lexicon)
        )
        or act.lemma_.lower() in words().violent_incidents
    )


@register("conditional-threats")
def conditional_threat_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_conditional_threats` and :func:`_held_out_passives`."""
    yield from _conditional_threats(sentence, context)
    yield from _held_out_passives(sentence, context)


@register("price-threats")
def price_threat_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_price_threats`."""
    return _price_threats(
        context.tokens(sentence), context.actors, context.lexicon, context.speakers
    )


@register("impunity-threats")
def impunity_threat_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_impunity_threats`."""
    return _impunity_threats(
        context.tokens(sentence), context.actors, context.lexicon, context.speakers
    )


@register("tolerance-threats")
def tolerance_threat_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_tolerance_threats`."""
    return _tolerance_threats(
        context.tokens(sentence), context.actors, context.lexicon, context.speakers
    )


@register("weapon-purpose-threats")
def weapon_purpose_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See :func:`_weapon_purpose_threats`."""
    return _weapon_purpose_threats(context.tokens(sentence), context.actors, context.lexicon)


@register("retaliations")
def retaliation_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """'The Houthis vowed to retaliate', 'Tehran has sworn to avenge the killing': a vowed
    retaliation that names no target threatens (13) whoever last attacked the vower in
    the preceding sentences."""
    resolver = context.actors
    covered = {c.anchor.i for c in context.candidates if c.objects}
    for head in context.tokens(sentence).lemma_in(words().vow_verbs | {"threaten"}):
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


ANSWER_FRAME = Frame("respond", "VERB", "threatens", (), (), strength=0.8)


def _answer_to_come(verb: Token, lexicon: Lexicon) -> bool:
    """A retaliation still to come: a future auxiliary on the verb, or the verb is the
    infinitive of a readiness or vow word ("is ready to respond", "vowed to strike back")."""
    if any(c.dep_ == "aux" and c.lower_ in lexicon.future for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (
        lexicon.lemma(head) in words().vow_verbs or head.lemma_.lower() in words().readiness_words
    )


@register("answered-hostilities")
def answered_hostility_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """A retaliation still to come, aimed at named hostile acts, threatens their author.

    Rule: a retaliation verb (``retaliation_verbs``: "respond", "retaliate", "strike back")
    that is still to come (a future auxiliary, or the infinitive of a readiness or vow word,
    ``readiness_words``: "will respond appropriately to any North Korean provocations",
    "our army is ready to respond to Seoul's provocations") whose "to"/"against" phrase is
    a hostile act (``answered_hostilities``: provocation, aggression, attack, ...) threatens
    (13) the act's author, named by the noun's possessor, actor modifier or "by" phrase.
    Not a response to anything else ("will respond to Japan's request"), not a response
    already given ("responded to the attacks"), and not an unowned act ("any aggression").
    """
    resolver, lexicon = context.actors, context.lexicon
    covered = {c.anchor.i for c in context.candidates if c.objects}
    for verb in context.tokens(sentence).lemma_in(words().retaliation_verbs):
        if verb.pos_ != "VERB" or verb.i in covered:
            continue
        if lexicon.lemma(verb) not in words().retaliation_verbs:
            continue
        if not _answer_to_come(verb, lexicon):
            continue
        hostilities = [
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in {"to", "against"}
            for pobj in p.children
            if pobj.dep_ == "pobj"
            for o in conjuncts(pobj)  # "to any and all North Korean provocations"
            if o.lemma_.lower() in words().answered_hostilities
        ]
        if not hostilities:
            continue
        subjects: tuple[Resolved, ...] = ()
        for subject_token in logical_subject(verb):
            subjects = tuple(r for r in resolver.actors(subject_token) if r.via != Via.LOCATION)
            if subjects:
                break
        if not subjects:
            continue
        own = [s.actor for s in subjects]
        for noun in hostilities:
            authors = tuple(
                r for r in _owners(noun, resolver) if r.actor not in own and r.via != Via.SPEAKER
            )
            if authors:
                yield Candidate(
                    verb,
                    verb,
                    ANSWER_FRAME,
                    "threatens",
                    subjects,
                    authors,
                    None,
                    ANSWER_FRAME.strength,
                )
                break


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
