"""Actor resolution strategies: separate, ordered functions, tried until one decides.

A strategy returns ``None`` when it does not apply (the next one is tried), else its answer:
a list of :class:`~geokg.extract.resolution.Resolved` (empty: "resolves to nothing", no
later strategy is tried).

:data:`NAME_STRATEGIES` find the actor a token *names* (no coreference); their result is
annotated once per token by the ``geokg_resolve`` component. :data:`ARGUMENT_STRATEGIES`
resolve an argument token of a predicate, with coreference that skips the other argument
(``exclude``). A new mechanism (a title with an unknown name bound to the sentence's state,
"the <leader> administration", plural anaphora "the two countries", date-aware places) is
one more function in the right place of one of these tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from geokg.extract.lexicon import words
from geokg.extract.naming import _is_group_nominal, _misparsed_participle, _parenthesised_appos
from geokg.extract.resolution import Resolved, Via
from geokg.model import Actor

if TYPE_CHECKING:
    from geokg.extract.resolve import Resolver

NameStrategy = Callable[["Resolver", Token], list[Resolved] | None]
ArgumentStrategy = Callable[["Resolver", Token, Sequence[Actor]], list[Resolved] | None]


def _one(found: Resolved | None) -> list[Resolved] | None:
    return [found] if found is not None else None


# -- what a token names ------------------------------------------------------------------


def media_unit(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """ "VOA's Somali Service": a news outlet's own unit names no actor."""
    return [] if resolver.media_owned(token) else None


def parenthesised_acronym(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """ "the Montenegro Municipality Association (AKK)": the acronym is the name before it,
    whatever else the gazetteer knows by those letters."""
    if not _parenthesised_appos(token):
        return None
    named = resolver.explicit(token.head)
    if named is None:
        return None
    return [Resolved(named.actor, named.certainty, named.via, token.i)]


def gazetteer_mention(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """A gazetteer mention covering the token (name, alias, code, capital, person, demonym
    heading its phrase, a place standing for its state)."""
    span = resolver.span_at(token)
    if span is None:
        return None
    if span.kb_id_ in words().uncodable_collectives:
        return []  # "the international community": no analyst codes it
    return _one(resolver.from_span(span, token))


def divided_half(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """ "The North accused the South": a half of the divided nation of the story (see
    :meth:`~geokg.extract.resolve.Resolver.divided_half`)."""
    return _one(resolver.divided_half(token))


def agent_noun(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """'Iranian officials', "Iran's president", 'the president of Armenia', 'demonstrators
    in Baghdad' (see :meth:`~geokg.extract.resolve.Resolver.agent_noun`)."""
    if token.pos_ in {"NOUN", "PROPN"} or token.lemma_.lower() in resolver.lexicon.agent_nouns:
        return _one(resolver.agent_noun(token))
    return None


def unknown_organisation(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """An organisation the gazetteer does not know, named like one ("the Association of
    African Jurists"); a state's body named without its state ("the National Security
    Council") is the state in context, else no actor."""
    if token.ent_type_ == "ORG" and token.i in resolver.org_of:
        if resolver.national_body(resolver.org_of[token.i]):
            # "National Security Council spokesman Ned Price": a body of the state in
            # context, no organisation of its own.
            home = resolver.home_state(token)
            return [Resolved(home, 0.75, Via.HOME_INSTITUTION, token.i)] if home else []
        organisation = resolver.unknown_organisation(resolver.org_of[token.i])
        if organisation is not None:
            return [Resolved(organisation, 0.8, Via.ORGANISATION, token.i)]
    return None


def personal_name(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """A name: a known surname ("Mr Raisi" after "Ebrahim Raisi"), else an unknown person
    named with a state or a domestic role, whose name is then known for later bare mentions
    ("Juba Information Minister Barnaba Marial Benjamin ... Benjamin said"); a name resolves
    to nothing else."""
    if token.pos_ != "PROPN" and token.ent_type_ != "PERSON":
        return None
    named = resolver.surname(token)
    if named is not None:
        return [named]
    found = resolver.modified_name(token)
    if found is None:
        return []
    resolver.remember_name(token, found.actor)
    return [found]


def surname_tagged_as_noun(resolver: Resolver, token: Token) -> list[Resolved] | None:
    """ "Musharraf met ...": the model often tags an unknown surname as a noun (only a known
    surname resolves)."""
    if not resolver.name_tagged_noun(token):
        return None
    found = resolver.surname(token)
    return [found] if found is not None else []


NAME_STRATEGIES: tuple[NameStrategy, ...] = (
    parenthesised_acronym,
    gazetteer_mention,
    media_unit,
    divided_half,
    agent_noun,
    unknown_organisation,
    personal_name,
    surname_tagged_as_noun,
)


# -- what an argument denotes ------------------------------------------------------------


def first_person(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """'I'/'we' in a quotation: the speaker ("US" is a case-sensitive gazetteer form, "us" a
    pronoun)."""
    if token.lower_ in words().first_person and resolver.span_at(token) is None:
        return resolver.speaker(token)
    return None


def second_person(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """'you' is never resolved."""
    return [] if token.lower_ in words().second_person else None


def document_pronoun(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "The resolution condemns Eritrea ... It also allows the council to ...": a subject
    "it" continues a document subject of the previous sentence (``document_nouns``,
    ``pact_nouns``) and speaks for whom that document does (:func:`document_nominal`),
    never for an actor named inside it."""
    if token.lower_ != "it" or token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    document = resolver.previous_subject(token)
    if document is None:
        return None
    vocabulary = words()
    if document.lemma_.lower() not in vocabulary.document_nouns | vocabulary.pact_nouns:
        return None
    return document_nominal(resolver, document, exclude) or []


def _expletive(token: Token) -> bool:
    """ "It is the duty of the AU to warn Sudan", "it is important that ...": an "it"
    subject of a copula whose clause is extraposed (an infinitive or a that-clause) stands
    for no one."""
    if token.dep_ == "expl":
        return True  # "There has been violence", "it seems that ..." as the parser marks them
    head = token.head
    if token.lower_ != "it" or token.dep_ != "nsubj" or head.lemma_ not in words().copular:
        return False
    for complement in [head, *(c for c in head.children if c.dep_ in {"attr", "acomp"})]:
        # "it is the duty of X to ...": a noun's infinitive; "it is ready to talk" is no
        # extraposition, "it is clear that ..." is.
        nominal = complement.dep_ == "attr" or (
            complement == head and any(c.dep_ == "attr" for c in head.children)
        )
        marks = {"to", "that"} if nominal else {"that"}
        for clause in complement.children:
            if clause.dep_ not in {"xcomp", "ccomp", "acl", "advcl"}:
                continue
            if any(c.lower_ in marks for c in clause.children if c.dep_ in {"aux", "mark"}):
                return True
    return False


def pronoun(resolver: Resolver, token: Token, exclude: Sequence[Actor]) -> list[Resolved] | None:
    """'it', 'he', 'they': the most salient earlier compatible actor; an expletive "it"
    ("it is the duty of X to ...") none. Only a personal pronoun refers back to an actor:
    a quantifier, indefinite, demonstrative or relative pronoun ("all of Thailand's
    leaders", "nothing", "this comes after ...") takes none of the story's actors (a
    partitive is what its "of" phrase names: :func:`counted_people`); a relative pronoun
    is the noun its clause modifies ("the oil fields, which South Sudan occupied")."""
    if _expletive(token):
        return []
    vocabulary = words()
    pronouns = vocabulary.state_pronouns | vocabulary.person_pronouns
    if token.lower_ in pronouns | vocabulary.plural_pronouns:
        return resolver.antecedent(token, exclude=exclude)
    clause = token.head
    if token.lower_ in vocabulary.relative_pronouns and clause.dep_ == "relcl":
        # "the Heglig oil fields, which South Sudan occupied": the noun the clause modifies
        return resolver.resolve(clause.head, exclude=exclude)
    return None


def misparsed_participle(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "The Red Cross operating in Iraq said": the parser makes the participle the subject
    of "said" and the named actor the participle's own subject."""
    if not _misparsed_participle(token):
        return None
    own = next(c for c in token.children if c.dep_ == "nsubj")
    return resolver.resolve(own, exclude=exclude)


def counted_people(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "dozens of Sudanese migrants", "thousands of Nigerians": the counted people."""
    if token.lemma_.lower() not in words().quantity_heads:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return resolver.resolve(pobj, exclude=exclude)
    return None


def dual_name(resolver: Resolver, token: Token, exclude: Sequence[Actor]) -> list[Resolved] | None:
    """ "the two Koreas", "the two Sudans": both states of the divided nation, except the
    other argument."""
    found = resolver.dual_name(token)
    if found is None:
        return None
    excluded = {a.id for a in exclude}
    return [r for r in found if r.actor.id not in excluded]


def named_set(resolver: Resolver, token: Token, exclude: Sequence[Actor]) -> list[Resolved] | None:
    """ "six world powers", "the P5+1 group": each member state of the named set, except
    the other argument."""
    found = resolver.named_set(token)
    if found is None:
        return None
    excluded = {a.id for a in exclude}
    return [r for r in found if r.actor.id not in excluded]


def pair_nominal(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "both sides", "the two countries": the pair of the story (see
    :meth:`~geokg.extract.coreference.Coreference.story_pair`); "the leaders of the two
    countries" too (an agent noun's "of" phrase)."""
    if resolver.pair_nominal(token):
        return resolver.story_pair(token, exclude=exclude)
    if token.lemma_.lower() not in resolver.lexicon.agent_nouns:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for owner in prep.children:
                if owner.dep_ == "pobj" and resolver.pair_nominal(owner):
                    return resolver.story_pair(owner, exclude=exclude)
    return None


def plural_state_nominal(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "The countries remain divided", "pushed the countries to the brink": the pair of
    the story, as "both countries" (no pair: the next strategies)."""
    if not resolver.plural_state_nominal(token):
        return None
    return resolver.story_pair(token, exclude=exclude) or None


def named(resolver: Resolver, token: Token, exclude: Sequence[Actor]) -> list[Resolved] | None:
    """What the token names (:data:`NAME_STRATEGIES`, annotated once per token)."""
    return _one(resolver.explicit(token))


def group_nominal(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "the group", "the militia": the nearest non-state group named before."""
    if not _is_group_nominal(token):
        return None
    return resolver.group_antecedent(token, exclude=exclude)


def state_nominal(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "the country": the most salient earlier state; "the government" with none: the
    institution of the state in context."""
    if not resolver.is_state_nominal(token):
        return None
    found = resolver.antecedent(token, exclude=exclude, states_only=True)
    if found or token.lemma_.lower() not in words().institution_nominals:
        return found
    return resolver.home_institution(token) or None


def titled_nominal(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "The reformist president promised" after "President Thein Sein": that person (see
    :meth:`~geokg.extract.coreference.Coreference.titled_antecedent`)."""
    found = resolver.titled_antecedent(token)
    if found is None or found.actor in exclude:
        return None
    return [found]


def document_nominal(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """A document or agreement as the subject of a clause speaks for who made it: "the
    council's statement" its possessor; "The resolution condemns Eritrea", "That report
    said" the most salient actor (not a person) of the last three sentences; "The deals
    call for a demilitarized zone" the story's pair of parties; "The Council statement"
    what its compound names. As an object it is the document ("vetoed the resolution")."""
    vocabulary = words()
    lemma = token.lemma_.lower()
    if token.dep_ not in {"nsubj", "nsubjpass"} or lemma not in (
        vocabulary.document_nouns | vocabulary.pact_nouns
    ):
        return None
    owners = [c for c in token.children if c.dep_ == "poss"]
    if owners:
        return resolver.resolve(owners[0], exclude=exclude) or None
    dets = [c for c in token.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in vocabulary.anaphoric_determiners:
        return None
    for child in token.children:
        if child.dep_ == "compound":
            # "The Council statement", "the U.S. statement": the body or state named
            found = resolver.resolve(child, exclude=exclude)
            if found:
                return found
    if any(c.dep_ in {"amod", "compound", "prep", "nmod"} for c in token.children):
        return None  # "the Iranian statement", "a report by X": named some other way
    if lemma in vocabulary.pact_nouns:
        return resolver.story_pair(token, exclude=exclude) or None
    found = resolver.antecedent(token, exclude=exclude)
    return [Resolved(r.actor, 0.6, Via.COREF, token.i) for r in found] or None


def named_body(resolver: Resolver, token: Token, exclude: Sequence[Actor]) -> list[Resolved] | None:
    """ "the court", "the agency" after a body whose name has that word."""
    return _one(resolver.named_body(token))


def named_ministry(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "the foreign ministry" after "Eritrea's Ministry of Foreign Affairs": Eritrea (see
    :meth:`~geokg.extract.institutions.Institutions.named_ministry`)."""
    return _one(resolver.named_ministry(token))


def bare_institution(
    resolver: Resolver, token: Token, exclude: Sequence[Actor]
) -> list[Resolved] | None:
    """ "the police", "parliament", "opposition leaders", "the rebels", "pro-Russia
    separatists": the institution (or group) of the one state the sentence (or the last
    ones) is about, never the state of a "pro-X" modifier."""
    if not resolver.bare_institution(token):
        return None
    home = resolver.home_state(token, avoid=resolver.stance_states(token))
    return [Resolved(home, 0.7, Via.HOME_INSTITUTION, token.i)] if home is not None else None


ARGUMENT_STRATEGIES: tuple[ArgumentStrategy, ...] = (
    first_person,
    second_person,
    document_pronoun,
    pronoun,
    misparsed_participle,
    counted_people,
    dual_name,
    named_set,
    pair_nominal,
    plural_state_nominal,
    named,
    group_nominal,
    state_nominal,
    titled_nominal,
    document_nominal,
    named_body,
    named_ministry,
    bare_institution,
)


__all__ = ["ARGUMENT_STRATEGIES", "NAME_STRATEGIES", "ArgumentStrategy", "NameStrategy"]
