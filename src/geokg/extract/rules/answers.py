"""The answers family: denials and rejections that answer earlier facts.

These rules run after the sentence's candidates have become drafts and read the drafts of
the last few sentences (``context.recent``) and of this one (``context.drafts``):

* "X denied those allegations", "..., which both countries deny", "..., a charge Moscow
  denied", "Moscow denied any involvement": the latest alleged (or, of X, reported) facts of
  the previous two sentences, negated, attributed to X (confidence x 0.85; see
  :func:`denial_rule`);
* "Beijing rejected the protest", "India refused.": a rejection (12) of whoever made the
  latest protest, accusation, threat, demand or request aimed at the rejecter.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geokg.extract.drafts import _clamp
from geokg.extract.lexicon import Lexicon, words
from geokg.extract.modality import subject_of
from geokg.extract.rules.base import Draft, SentenceContext, Stage, register
from geokg.model import Actor
from geokg.ontology import Ontology


def _bare_refusal(verb: Token) -> bool:
    return verb.lemma_.lower() in words().bare_refusals and not any(
        c.dep_ in {"dobj", "xcomp", "ccomp", "prep", "nsubjpass"} for c in verb.children
    )


NOMINAL_ANSWER_STRENGTH = 0.8


def _answers_allegation(token: Token, lexicon: Lexicon) -> bool:
    """A denial verb whose object is an allegation noun or points back to one ('denied
    the allegations', 'which both deny', 'denies it', 'rejected those claims')."""
    lemma = lexicon.lemma(token)
    if lemma not in lexicon.denial | {"reject"}:
        return False
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if any(o.lemma_.lower() in lexicon.denial_objects for o in objects):
        return True
    if lemma not in lexicon.denial:
        return False
    if any(o.lower_ in words().anaphoric_objects for o in objects):
        return True
    if token.dep_ != "relcl":
        return False
    # "..., which Iran denies": the relative pronoun is the object of the denial; "..., a
    # charge Moscow denied": the allegation noun the clause modifies is its (gapped) object.
    return any(c.lower_ == "which" and c.dep_ in {"dobj", "nsubj"} for c in token.children) or (
        token.head.lemma_.lower() in lexicon.denial_objects
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in token.children)
    )


def _denies_involvement(token: Token, lexicon: Lexicon) -> bool:
    """A denial verb whose object (or its gerund's object) is an involvement noun ('denied
    any involvement in the attack', 'denied playing any role'), or whose gerund is an agent
    light verb doing an event noun ('denied carrying out the killings', 'denies launching
    the attack': the denier's own part in the event, as an involvement). A gerund of any
    other verb ('denied reading the report') or a light verb on a noun that names no event
    ('denied making a mistake') answers nothing."""
    if lexicon.lemma(token) not in lexicon.denial:
        return False
    gerunds = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if any(
        o.dep_ == "dobj" and o.lemma_.lower() in words().involvement_nouns
        for head in (token, *gerunds)
        for o in head.children
    ):
        return True
    return any(
        lexicon.lemma(gerund) in lexicon.agent_light_verbs
        and o.dep_ == "dobj"
        and o.lemma_.lower() in lexicon.nouns
        for gerund in gerunds
        for o in gerund.children
    )


def _window_start(sentence: Span) -> int:
    """The start character of the sentence two before ``sentence`` (its own start when it
    is the first): a denial answers what the previous two sentences alleged."""
    # Walks back two sentences from the token before each start (``Token.sent`` reads the
    # same sentence starts as ``Doc.sents``), not over every sentence of the document.
    doc, start = sentence.doc, sentence.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return sentence.start_char if start == sentence.start else doc[start].idx


def _same_actor(actor: Actor, other: Actor | None) -> bool:
    return other is not None and (actor.country or actor.id) == (other.country or other.id)


# CAMEO's code of an accusation (112: accuse of crime or human rights abuse, and its kin).
ACCUSE_CODE = "112"


def _accusers(alleged: Draft, recent: list[Draft], ontology: Ontology) -> list[Actor]:
    """Who made the allegation: its asserter, and the subject of an accusation of the
    accused told in the same sentence ("The US accused Russia of arming ...")."""
    found = [alleged.asserted_by] if alleged.asserted_by is not None else []
    found.extend(
        d.subject
        for d in recent
        if d.start == alleged.start
        and ontology.relation(d.relation).cameo.startswith(ACCUSE_CODE)
        and _same_actor(d.object, alleged.subject)
    )
    return found


def _collective(token: Token) -> bool:
    """'both countries', 'the two sides', 'all three governments'."""
    return token.tag_ in {"NNS", "NNPS"} and any(
        c.lower_ in words().collective_determiners for c in token.children
    )


def _unowned_act_noun(noun: Token) -> bool:
    """'the protest', 'the criticism' with no author of its own ('China's protest' is handled
    by the relation rules)."""
    if noun.lemma_.lower() not in words().answerable_nouns:
        return False
    return not any(
        (c.dep_ in {"poss", "compound", "amod"} and c.ent_type_ in {"GPE", "NORP", "ORG"})
        or c.dep_ == "poss"
        or (c.dep_ == "prep" and c.lower_ in words().author_preps)
        for c in noun.children
    )


def _is_negated_verb(token: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in lexicon.negation for c in token.children)


def _answerable(draft: Draft, deniers: list[Actor], *, involvement: bool) -> bool:
    """Whether a denial by ``deniers`` answers ``draft``: an alleged act (of a denier, for
    a denied involvement), or an act another actor reported of a denier."""
    if draft.negated:
        return False
    of_denier = any(_same_actor(draft.subject, a) for a in deniers)
    if involvement and not of_denier:
        return False  # "Moscow denied any involvement": Moscow's acts only
    if draft.accused:
        return True
    reporter = draft.asserted_by
    return of_denier and reporter is not None and not _same_actor(draft.subject, reporter)


@register("denied-allegations", stage=Stage.ANSWERS)
def denial_rule(sentence: Span, context: SentenceContext) -> list[Draft]:
    """A denial that answers an accusation gives the accused act, negated, asserted by the
    denier.

    Rule: a denial verb (``denial`` in ``modality.json``) whose object is an allegation
    noun (``denial_objects``: "denied the accusation"), a pronoun pointing back to one
    (``anaphoric_objects``: "denied it", "..., which both deny"), the allegation noun its
    relative clause modifies ("..., a charge Moscow denied"), or an involvement noun
    (``involvement_nouns``: "denied any involvement in the attack") answers the facts of the
    latest sentence, among this one and the previous two, that told an alleged act (or an
    act another actor reported of the denier: "Ukraine said Russian forces shelled Kharkiv.
    Russia denied it."). Each becomes negated, asserted by the denier (by the accused when
    the denier is not a known actor, is a collective "both countries", or is the accuser
    itself: "it" taken for the salient accuser), confidence x 0.85 with the allegation's
    x 0.8 undone. An involvement noun answers only acts of the denier itself; a reported
    act needs a denier that is its subject and not its reporter. It never fires on a
    denial of something else ("denied entry", "denied the request"), nor on facts older
    than two sentences."""
    lexicon, resolver, factor = context.lexicon, context.actors, context.factor
    since = _window_start(sentence)
    recent = [d for d in context.recent + context.drafts if d.start >= since]
    result: list[Draft] = []
    for token in context.tokens(sentence).lemma_in(lexicon.denial | {"reject"}):
        involvement = _denies_involvement(token, lexicon)
        if not (involvement or _answers_allegation(token, lexicon)):
            continue
        denier_token = subject_of(token)
        deniers = resolver.actors(denier_token) if denier_token is not None else []
        if denier_token is not None and _collective(denier_token):
            deniers = []  # "both countries deny": the accused, not the nearest country
        own = [d.actor for d in deniers]
        alleged = [d for d in recent if _answerable(d, own, involvement=involvement)]
        if not alleged:
            continue
        last_start = alleged[-1].start
        for draft in alleged:
            if draft.start != last_start:
                continue
            # An accuser never denies its own allegation: a denier resolved to the
            # asserter ("The US accused Russia of ... It denied the accusation", "it"
            # taken for the salient accuser) is the accused.
            accusers = _accusers(draft, recent, context.ontology)
            denier = next(
                (d.actor for d in deniers if not any(_same_actor(d.actor, a) for a in accusers)),
                draft.subject,
            )
            result.append(
                Draft(
                    draft.subject,
                    draft.relation,
                    draft.object,
                    True,
                    denier,
                    _clamp(draft.confidence / 0.8 * 0.85 * factor),
                    (
                        *(kv for kv in draft.attributes if kv[0] != "modality"),
                        ("modality", "denied"),
                    ),
                    sentence.start_char,
                    sentence.end_char,
                    False,
                )
            )
    return result


@register("rejected-acts", stage=Stage.ANSWERS)
def rejection_rule(sentence: Span, context: SentenceContext) -> list[Draft]:
    """'Beijing rejected the protest': a rejection of a verbal act with no stated author
    answers the latest protest/accusation/threat/demand aimed at the rejecter in the last
    few sentences ("The Philippines accused China ...  Beijing rejected the protest")."""
    resolver, factor = context.actors, context.factor
    recent = context.recent + context.drafts
    result: list[Draft] = []
    for token in context.tokens(sentence).lemma_in(words().rejection_verbs | words().bare_refusals):
        lemma = resolver.lexicon.lemma(token)
        if lemma not in words().rejection_verbs | words().bare_refusals or token.pos_ != "VERB":
            continue
        answers_noun = (
            any(_unowned_act_noun(o) for o in token.children if o.dep_ == "dobj")
            and lemma in words().rejection_verbs
        )
        if not (answers_noun or _bare_refusal(token)):
            continue
        rejecter_token = subject_of(token)
        if rejecter_token is None:
            continue
        for rejecter in resolver.actors(rejecter_token):
            key = rejecter.actor.country or rejecter.actor.id
            aimed = [
                d
                for d in recent
                if not d.negated
                and (d.object.country or d.object.id) == key
                and context.ontology.relation(d.relation).cameo_root in words().answerable_roots
            ]
            if not aimed:
                continue
            last = aimed[-1]
            result.append(
                Draft(
                    rejecter.actor,
                    "rejects",
                    last.subject,
                    _is_negated_verb(token, context.lexicon),
                    None,
                    _clamp(NOMINAL_ANSWER_STRENGTH * rejecter.certainty * factor),
                    (("trigger", resolver.lexicon.lemma(token)),),
                    sentence.start_char,
                    sentence.end_char,
                    False,
                )
            )
    return result
