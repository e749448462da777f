"""Mention resolution: from an argument token of a predicate to the actor(s) it denotes.

One :class:`Resolver` per document keeps the document's resolution state; the
``geokg_resolve`` component (:mod:`geokg.extract.annotate`) fills it once, in document order,
and the rules read it through :meth:`Resolver.actors`. The steps below are the ordered
strategy tables of :mod:`geokg.extract.strategies`; places are :mod:`geokg.extract.places`.

Resolution order for an argument head token (conjuncts are resolved one by one):

1. a gazetteer mention covering the token (name, alias, code, capital/metonym, person);
   a demonym as head ("Palestinians blamed ...") denotes its state;
2. pronouns and definite state nominals ("it", "its", "he", "they", "the country") and pair
   nominals ("both sides", "the two countries"): the most salient earlier compatible actor,
   skipping the other argument of the relation (see :meth:`Resolver.antecedent`, in
   :mod:`geokg.extract.coreference`);
3. agent nouns ("officials", "army", "government", "president", "police", "newspaper")
   whose modifiers name a state: possessive ("Iran's interim president", then the office
   holder on the publication date when the gazetteer knows one), demonym or name modifier,
   also through compound chains ("U.S. border patrol agents"), "of" phrases ("the president
   of Armenia") and appositions;
4. personal names the gazetteer does not list as a form: the surname of a person named
   earlier in the document ("Mr Raisi" after "Ebrahim Raisi"), else the gazetteer's people
   with that surname on the publication date.

Each resolution carries a certainty used in the confidence formula: exact name 1.0,
person/title 0.95, agent noun with a state modifier 0.9, bare demonym 0.85, surname 0.85,
pronoun or nominal coreference 0.7, pair nominals 0.6.

The module is split in three to stay under 900 lines: document coreference (step 2: the
explicit mentions with their salience, antecedents of pronouns and nominals, the pair of the
story) is the :class:`~geokg.extract.coreference.Coreference` mixin, the one part that only
reads the explicit mentions resolved here and resolves no name itself; whose body an unowned
institution or unknown organisation is (the story's state, "the police", "the National
Security Council") is the :class:`~geokg.extract.institutions.Institutions` mixin. This
module keeps the explicit resolution (steps 1, 3 and 4) and the per-document state, which it
initialises.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from geokg.actors.records import ActorRecord
from geokg.extract import places
from geokg.extract.actors import IN_NAME, PLACE_KINDS, SPAN_KEY, GazetteerLike
from geokg.extract.institutions import Institutions
from geokg.extract.lexicon import Lexicon, words
from geokg.extract.naming import (
    SUBJECT_DEPS,
    _conjoined,
    _modifiers,
    _other_state,
    _record_actor,
    _stance_prefixed,
    _surname_forms,
    _with_given_name,
    conjuncts,
    placed_nouns,
    span_tokens,
)
from geokg.extract.places import event_location, location
from geokg.extract.resolution import Resolved, Via
from geokg.extract.strategies import ARGUMENT_STRATEGIES, NAME_STRATEGIES
from geokg.extract.syntax import _child_index
from geokg.model import Actor, ActorType

NOMINAL_POS = frozenset({NOUN, PROPN})  # part-of-speech ids, as in the Doc's arrays

# ``via`` of such an institution resolved from context, and of a pronoun standing for a
# domestic phrase ("Nigerian oil workers said they would ..."): unlike plain coreference,
# these may face another phrase of the same state (PLOVER's domestic events).
HOME_INSTITUTION = Via.HOME_INSTITUTION
DOMESTIC_COREF = Via.DOMESTIC_COREF


@dataclass(frozen=True, slots=True)
class ResolutionState:
    """The per-document results of resolution that later questions build on: what each
    token names, the document's mentions with their salience, the antecedents of pronouns
    (asked without exclusions) and the people known by surname."""

    explicit: Mapping[int, Resolved | None]
    mentions: Sequence[tuple[int, Resolved, int]]
    pronouns: Mapping[int, Sequence[Resolved]]
    surnames: Mapping[str, Actor]


class Resolver(Institutions):
    """Resolves argument tokens of one document (keeps per-document coreference state; the
    coreference methods are :class:`~geokg.extract.coreference.Coreference`'s)."""

    def __init__(
        self, doc: Doc, gazetteer: GazetteerLike, lexicon: Lexicon, *, published: date | None
    ) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.published = published
        self.span_of: dict[int, Span] = {}
        for span in doc.spans.get(SPAN_KEY, []):
            for token in span:
                self.span_of[token.i] = span
        self._record_cache: dict[str, ActorRecord | None] = {}
        self._states_of: dict[int, dict[str, Actor]] = {}
        self._story_of: dict[int, Actor | None] = {}
        self._titles: frozenset[str] | None = None
        self._starts: list[int] | None = None
        self._memo: dict[int, Resolved | None] = {}
        self._pronoun_memo: dict[tuple[int, tuple[str, ...]], list[Resolved]] = {}
        self._surnames: dict[str, Actor] = {}
        self._actors_memo: dict[tuple[int, tuple[Actor, ...], bool], list[Resolved]] = {}
        # str.endswith takes a tuple: one C call instead of a generator over the phrases.
        self._pair_suffixes = tuple(p.removeprefix("the ") for p in lexicon.pair_nominals)
        self._mentions: list[tuple[int, Resolved, int]] | None = None
        self.placed = placed_nouns()
        self._organisations: dict[int, Actor | None] = {}
        self.org_of: dict[int, Span] = {
            ent.root.i: ent for ent in doc.ents if ent.label_ in {"ORG", "NORP"}
        }

    # -- public -----------------------------------------------------------------------

    def actors(
        self, token: Token, *, exclude: Sequence[Actor] = (), as_modifier: bool = False
    ) -> list[Resolved]:
        """The actors ``token`` (and its conjuncts) denote, skipping ``exclude`` in coref.

        ``as_modifier``: the token is a modifier a frame slot points at explicitly
        ("rejected an Indian proposal"), so a demonym adjective denotes its state.

        Memoised per document (the rules ask again for the same argument: about a third of
        the calls); a copy is returned, as callers may extend the list."""
        key = (token.i, tuple(exclude), as_modifier)
        memo = self._actors_memo.get(key)
        if memo is None:
            memo = self._actors_memo[key] = self._actors(token, exclude, as_modifier)
        return list(memo)

    def _actors(self, token: Token, exclude: Sequence[Actor], as_modifier: bool) -> list[Resolved]:
        found: list[Resolved] = []
        if as_modifier and self.media_owned(token.head):
            return []  # "VOA's Somali Service" is not Somalia's
        if as_modifier:
            span = self.span_of.get(token.i)
            # "pro-Russia separatists": a stance modifier never names the group's owner.
            if (
                span is not None
                and span.label_ != IN_NAME
                and not _stance_prefixed(self.doc[span.start])
            ):
                actor = self._acting(self._record(span.kb_id_))
                if actor is not None:
                    return [Resolved(actor, 0.85, Via.MODIFIER, token.i)]
        for conjunct in conjuncts(token):
            for resolved in self.resolve(conjunct, exclude=exclude):
                extra = (*self._coordinated_owners(conjunct, resolved), *self._elided(conjunct))
                for each in (resolved, *extra):
                    if all(r.actor != each.actor for r in found):
                        found.append(each)
        return found

    def _elided(self, token: Token) -> list[Resolved]:
        """'North and South Korea have agreed': the modifier coordinated with the first word
        of the name is a name of its own (the ``geokg_actors`` component marks "North" as
        North Korea)."""
        span = self.span_of.get(token.i)
        if span is None:
            return []
        found: list[Resolved] = []
        for child in token.children:
            if child.dep_ not in {"nmod", "compound", "amod"} or child.i >= span.start:
                continue
            if not any(
                c.dep_ == "conj" and c.i in range(span.start, span.end) for c in child.children
            ):
                continue
            named = self.explicit(child)
            if named is not None and named.actor.type == ActorType.STATE:
                found.append(Resolved(named.actor, named.certainty, named.via, token.i))
        return found

    def _coordinated_owners(self, token: Token, resolved: Resolved) -> list[Resolved]:
        """'US and British forces': a noun owned by coordinated modifiers is each one's."""
        if resolved.via != Via.AGENT_NOUN or resolved.token != token.i:
            return []
        extra: list[Resolved] = []
        for child in token.children:
            if child.dep_ not in {"amod", "compound", "nmod", "poss"}:
                continue
            for conjunct in _conjoined(child):
                owner = self.modifier_actor(conjunct)
                if owner is not None and owner.actor != resolved.actor:
                    extra.append(Resolved(owner.actor, resolved.certainty, Via.AGENT_NOUN, token.i))
        return extra

    def snapshot(self) -> ResolutionState:
        """What this document's resolution has computed so far (see :meth:`restore`)."""
        return ResolutionState(
            explicit=dict(self._memo),
            mentions=list(self._mentions or ()),
            pronouns={i: list(found) for (i, ex), found in self._pronoun_memo.items() if not ex},
            surnames=dict(self._surnames),
        )

    def restore(self, state: ResolutionState) -> None:
        """Continue from a :meth:`snapshot` of the same document (the annotation of the
        ``geokg_resolve`` component): names, mentions and antecedents are not resolved
        again."""
        self._memo.update(state.explicit)
        self._mentions = list(state.mentions)
        self._pronoun_memo.update({(i, ()): list(found) for i, found in state.pronouns.items()})
        self._surnames.update(state.surnames)

    def explicit(self, token: Token) -> Resolved | None:
        """The actor ``token`` names explicitly (no coreference)."""
        if token.i not in self._memo:
            self._memo[token.i] = None  # breaks cycles (a head and its apposition)
            self._memo[token.i] = self._explicit(token)
        return self._memo[token.i]

    def span_at(self, token: Token) -> Span | None:
        return self.span_of.get(token.i)

    def event_place(self, predicate: Token) -> Resolved | None:
        """The state where the event of ``predicate`` happens (:func:`places.event_place`)."""
        return places.event_place(self, predicate)

    # -- resolution -------------------------------------------------------------------

    def resolve(self, token: Token, *, exclude: Sequence[Actor]) -> list[Resolved]:
        """The actors one argument token denotes: the first of :data:`ARGUMENT_STRATEGIES`
        that decides (:mod:`geokg.extract.strategies`)."""
        for strategy in ARGUMENT_STRATEGIES:
            found = strategy(self, token, exclude)
            if found is not None:
                return found
        return []

    def _explicit(self, token: Token) -> Resolved | None:
        """The first of :data:`NAME_STRATEGIES` that decides (no coreference)."""
        if not self._may_name(token):
            return None
        for strategy in NAME_STRATEGIES:
            found = strategy(self, token)
            if found is not None:
                return found[0] if found else None
        return None

    def _may_name(self, token: Token) -> bool:
        """False for a token no name strategy accepts (most words of a document: verbs,
        function words), tested cheaply before running them: not in a gazetteer mention, no
        noun or proper noun, no apposition, no organisation or person entity, no agent noun,
        no possessive child (a media unit)."""
        return (
            token.pos_ in {"NOUN", "PROPN"}
            or token.i in self.span_of
            or token.dep_ == "appos"
            or token.ent_type_ in {"ORG", "PERSON"}
            or token.lemma_.lower() in self.lexicon.agent_nouns
            or any(child.dep_ == "poss" for child in token.children)
        )

    def naming_candidates(self) -> list[int]:
        """Indices of the tokens :meth:`_may_name` accepts, in order, read from the Doc's
        arrays (no ``Token`` is built for the words it rejects, most of a document)."""
        doc = self.doc
        if not len(doc):
            return []
        strings = doc.vocab.strings
        rows = doc.to_array([POS, DEP, ENT_TYPE, LEMMA]).tolist()
        offsets = doc.to_array(HEAD).astype(numpy.int64).tolist()
        appos, poss = strings["appos"], strings["poss"]
        named_entities = {strings[label] for label in ("ORG", "PERSON")}
        owners = {i + offsets[i] for i, row in enumerate(rows) if row[1] == poss}
        agent_nouns = self.lexicon.agent_nouns
        return [
            i
            for i, (pos, dep, entity, lemma) in enumerate(rows)
            if pos in NOMINAL_POS
            or i in self.span_of
            or dep == appos
            or entity in named_entities
            or i in owners
            or strings[lemma].lower() in agent_nouns
        ]

    def name_tagged_noun(self, token: Token) -> bool:
        """A capitalised singular noun argument that is no word of the lexicon: perhaps a
        surname the model mistook for a common noun (only a known surname resolves)."""
        lemma = token.lemma_.lower()
        return (
            token.pos_ == "NOUN"
            and (token.tag_ == "NN" or (token.tag_ == "NNS" and not token.lower_.endswith("s")))
            and token.is_title
            and token.dep_ in SUBJECT_DEPS | {"dobj", "pobj"}
            and lemma not in self.lexicon.agent_nouns
            and lemma not in self.lexicon.nouns
            and lemma not in self.placed.places
        )

    def modified_name(self, token: Token) -> Resolved | None:
        """An unknown person or body named with a state modifier or apposition:
        'Israeli President Moshe Katsav', 'Pakistan President Zia', 'X, the UN envoy'; a
        commentator ("Cato Institute analyst Justin Logan", ``commentator_roles``) is none."""
        roles = [c for c in token.children if c.dep_ in {"compound", "appos"}]
        if token.dep_ == "appos":
            roles.append(token.head)
        commentators = words().commentator_roles
        if any(
            r.lemma_.lower() in commentators
            or any(c.dep_ == "amod" and c.lower_ in commentators for c in r.children)
            for r in roles
        ):
            return None
        for child in token.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod"}:
                owner = self.modifier_actor(child)
                if owner is not None and owner.actor.type != ActorType.PERSON:
                    return Resolved(owner.actor, 0.85, Via.AGENT_NOUN, token.i)
        # "Prime Minister Thaksin Shinawatra" when the gazetteer knows "Prime Minister
        # Thaksin": a person's name followed by more of the name is still that person.
        before = self.span_of.get(token.i - 1)
        if before is not None and any(c.i == token.i - 1 for c in token.children):
            actor = self._acting(self._record(before.kb_id_))
            if actor is not None and actor.type == ActorType.PERSON and before.label_ != IN_NAME:
                return Resolved(actor, 0.9, Via.PERSON, token.i)
        for child in token.children:
            if child.dep_ == "appos":
                named = self.explicit(child)
                if named is not None:
                    return Resolved(named.actor, named.certainty * 0.95, named.via, token.i)
        if token.dep_ == "appos" and token.ent_type_ == "PERSON":
            # "Iran's religious leader Ayatollah Khomeini": the name is the office's; "the
            # U.N.'s special envoy to Burma, Vijay Nambiar": the parser hangs it on the
            # office's last noun.
            holder = token.head
            if holder.dep_ == "pobj" and holder.head.dep_ == "prep":
                holder = holder.head.head
            office = self.explicit(holder)
            if office is not None and office.via == Via.AGENT_NOUN:
                return Resolved(office.actor, office.certainty * 0.95, office.via, token.i)
        return self._domestic_role_holder(token)

    def _domestic_role_holder(self, token: Token) -> Resolved | None:
        """An unknown person named with a domestic role ("opposition leader John Doe", "the
        editor Jane Roe", "former minister X"): one of the state the sentence is about."""
        if token.ent_type_ != "PERSON":
            return None
        roles = [c for c in token.children if c.dep_ in {"compound", "appos"}]
        if token.dep_ == "appos":
            roles.append(token.head)
        if not any(r.lemma_.lower() in words().domestic_roles and r.pos_ == "NOUN" for r in roles):
            return None
        home = self.home_state(token)
        return Resolved(home, 0.7, HOME_INSTITUTION, token.i) if home is not None else None

    def from_span(self, span: Span, token: Token) -> Resolved | None:
        record = self._record(span.kb_id_)
        actor = self._acting(record)
        if actor is None:
            return None
        kind = span.label_
        if kind == IN_NAME:
            return None
        if kind in PLACE_KINDS - {Via.CAPITAL}:
            # A city or region stands for the state it lies in only as a place ("rioted in
            # Mosul", "blockades in the West Bank"); the span's id is the state's code.
            return Resolved(actor, 0.8, Via.LOCATION, token.i)
        if record is not None and record.type == ActorType.PERSON:
            titled = self._titled_for_organisation(span)
            if titled is not None:
                actor = titled
            self._remember_person(span, actor)
            via = Via.PERSON if actor.type == ActorType.PERSON else Via.OFFICE
            return Resolved(actor, 0.95, via, token.i)
        if kind == Via.DEMONYM:
            # "Iranian drones" is an item made in Iran, not Iran: only a demonym heading its
            # phrase ("Palestinians", "the Afghans") or modifying an agent noun is an actor.
            head = token.head
            if (
                token.dep_ in {"amod", "compound"}
                and head.i not in span_tokens(span)
                and head.lemma_.lower() not in self.lexicon.nouns
            ):
                return None
            homeland = self._homeland(token, span, actor)
            if homeland is not None:
                return homeland
            if any(c.lower_ == "ethnic" for c in token.children):
                # "Ethnic Albanians" living elsewhere are not Albania; unplaced, unknown.
                return None
            return Resolved(actor, 0.85, Via.DEMONYM, token.i)
        return Resolved(
            actor,
            1.0 if kind in {Via.NAME, Via.ALIAS, Via.CODE, Via.ENTITY} else 0.9,
            Via(kind),
            token.i,
        )

    def divided_half(self, token: Token) -> Resolved | None:
        """'The North accused the South of arming rebels': "the North"/"the South" (a noun
        after "the", not a modifier of a name, no "of" phrase with a noun, not a place after
        "in") in a story that names a half of a divided nation (``dual_names``: the Koreas,
        the Sudans) is that half; the pair is the one named last before the token, else
        first after it. In a story naming no divided nation it is nothing ("in the north")."""
        halves = words().divided_states.get(token.lower_)
        if halves is None or token.i in self.span_of or token.pos_ not in {"NOUN", "PROPN"}:
            return None
        if token.dep_ in {"compound", "amod", "nmod"} or any(
            c.dep_ in {"amod", "compound"}
            or (c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children))
            for c in token.children
        ):
            return None  # "South Korea", "the south of the country" ("the South of arming")
        dets = [c for c in token.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the":
            return None
        if token.dep_ == "pobj" and token.head.lower_ in words().owner_location_preps:
            return None  # "fighting in the south", "from the north": a region
        pair = self._divided_pair(token)
        half = halves & pair
        if len(half) != 1:
            return None
        actor = _record_actor(self._record(next(iter(half))), self.published)
        return Resolved(actor, 0.85, Via.ALIAS, token.i) if actor is not None else None

    def _divided_pair(self, token: Token) -> frozenset[str]:
        pairs = list(words().dual_names.values())
        before: frozenset[str] = frozenset()
        after: frozenset[str] = frozenset()
        for span in self.doc.spans.get(SPAN_KEY, []):
            pair = next((p for p in pairs if span.kb_id_ in p), None)
            if pair is None:
                continue
            if span.start < token.i:
                before = pair
            elif not after:
                after = pair
        return before or after

    def dual_name(self, token: Token) -> list[Resolved] | None:
        """'the two Koreas', 'talks between the two Sudans': both states of a divided
        nation (``dual_names``)."""
        pair = words().dual_names.get(token.lower_)
        if pair is None:
            return None
        found = [_record_actor(self._record(code), self.published) for code in sorted(pair)]
        return [Resolved(a, 0.9, Via.ALIAS, token.i) for a in found if a is not None]

    def named_set(self, token: Token) -> list[Resolved] | None:
        """'six world powers', 'the P5+1 group': each member state of a named set
        (``named_sets``: the plural head with its modifiers, lower case, '+' unspaced)."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        # The first left child of these labels, read from the child index (no Token built).
        first = next(
            (
                i
                for label, i in _child_index(self.doc)[token.i]
                if i < token.i and label in {"nummod", "compound", "amod", "nmod"}
            ),
            None,
        )
        if first is None:
            return None
        phrase = " ".join(t.lower_ for t in self.doc[first : token.i + 1])
        members = words().named_sets.get(phrase.replace(" + ", "+"))
        if members is None:
            return None
        found = [_record_actor(self._record(code), self.published) for code in sorted(members)]
        return [Resolved(a, 0.85, Via.ALIAS, token.i) for a in found if a is not None]

    def _acting(self, record: ActorRecord | None) -> Actor | None:
        """The actor a gazetteer record stands for on the publication date: a person holding
        an organisation's office that day acts for the organisation ("NATO Secretary-General
        Jens Stoltenberg accused Moscow" is NATO's act, as a head of state's is his state's;
        Ban Ki-moon is the UN from 2007, South Korea's foreign minister before; see
        :meth:`~geokg.actors.records.ActorRecord.office_on`); a body that is ``part_of`` a
        larger organisation acts for it (UNHCR, a UN mission: the UN; AMISOM: the AU); an
        uncodable collective ("the international community") stands for no actor."""
        if record is not None and record.id in words().uncodable_collectives:
            return None
        if record is not None and record.part_of is not None:
            whole = _record_actor(self._record(record.part_of), self.published)
            if whole is not None:
                return whole
        if record is not None and record.type == ActorType.PERSON:
            office = record.office_on(self.published)
            if office is not None and office.organization is not None and office.state is None:
                organisation = _record_actor(self._record(office.organization), self.published)
                if organisation is not None:
                    return organisation
        return _record_actor(record, self.published)

    def _titled_for_organisation(self, span: Span) -> Actor | None:
        """'Chief African Union mediator Thabo Mbeki', 'Thabo Mbeki, the AU mediator': a
        known person titled with an organisation's role acts for the organisation in this
        document, whatever state the gazetteer gives him (his surname then stands for it
        too); a state's title ("Sudanese President Omar al-Bashir") changes nothing."""
        for child in span.root.children:
            if child.i in range(span.start, span.end):
                continue
            if child.dep_ not in {"compound", "appos"} or child.pos_ not in {"NOUN", "PROPN"}:
                continue
            if child.lemma_.lower() not in self.lexicon.agent_nouns:
                continue
            office = self.agent_noun(child)
            if office is not None and office.actor.type not in {
                ActorType.STATE,
                ActorType.PERSON,
            }:
                return office.actor
        return None

    def _record(self, actor_id: str) -> ActorRecord | None:
        if actor_id not in self._record_cache:
            self._record_cache[actor_id] = self.gazetteer.get(actor_id)
        return self._record_cache[actor_id]

    def agent_noun(self, token: Token) -> Resolved | None:
        """'Iranian officials', "Iran's president", 'the president of Armenia',
        'Kenya Anti-Corruption Commission', 'demonstrators in Baghdad'."""
        lemma = token.lemma_.lower()
        placed = lemma in self.placed.located
        if (
            lemma not in self.lexicon.agent_nouns
            and token.ent_type_ not in {"ORG", "NORP"}
            and not placed
        ):
            return None
        relational = lemma in words().relational_nouns
        if relational:
            named = self._related_name(token)
            if named is not None:
                return named
        # A possessive pronoun is weaker than a named modifier: in "its European Community
        # partners" the partners are the Community's.
        for named_first in (True, False):
            for child in token.children:
                if relational and child.dep_ == "poss":
                    # "Iran's ally": the other side of the relation, still a referent of
                    # its own ("one of its allies while it faced ..." continues "its").
                    self._owner(child)
                    continue
                if child.dep_ == "poss" and (child.pos_ != "PRON") == named_first:
                    owner = self._owner(child)
                    if owner is not None:
                        return self._office_or_state(token, owner, 0.9)
            for child in token.children:
                if named_first and child.dep_ in {"amod", "compound", "nmod"}:
                    owner = self.modifier_actor(child)
                    if owner is not None:
                        return self._office_or_state(token, owner, 0.9)
                    led = self._leaders_government(token, child)
                    if led is not None:
                        return led
        # A named organisation is itself, wherever it is ("the Red Crescent in Bam").
        ent = self.org_of.get(token.i)
        named_organisation = ent is not None and self.unknown_organisation(ent) is not None
        speaker = lemma in words().speaker_nouns
        owner_preps = words().owner_phrase_preps | ({"for"} if speaker else set())
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in owner_preps:
                if named_organisation or relational:
                    continue
                # "a spokesman for Mr. Karzai" speaks for him; "the wife of Obama" is no one.
                for_person = speaker and child.lower_ == "for"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        owner = self.explicit(pobj)
                        if owner is None and pobj.lemma_.lower() in self.placed.places:
                            # "the governor of Lagos State": the subdivision's state
                            owner = next(
                                filter(None, map(self.modifier_actor, _modifiers(pobj))), None
                            )
                        if owner is not None and (
                            for_person or owner.actor.type != ActorType.PERSON
                        ):
                            return self._office_or_state(token, owner, 0.85)
            if child.dep_ == "appos":
                named = self.explicit(child)
                if named is not None:
                    return Resolved(named.actor, named.certainty, named.via, token.i)
        named_state = self._state_in_org_name(token)
        if named_state is not None:
            return named_state
        led = self._led_by(token)
        if led is not None:
            return led
        based = self._based_in(token)
        if based is not None:
            return based
        if placed:
            where = location(self, token, depth=0)
            if where is None and lemma in self.placed.residents:
                where = event_location(self, token)
            if where is not None:
                return Resolved(where, 0.8, Via.AGENT_NOUN, token.i)
        return None

    def _related_name(self, token: Token) -> Resolved | None:
        """The actor a relational noun (``relational_nouns``) names beside it: its apposition
        ("an ally of Russia, Belarus,"), or the name right after it that the parser made a
        second subject or object of the same head ("Iran's ally Hezbollah fired"); the
        parser may hang the apposition on the owner ("an ally of Russia, Belarus,")."""
        owners = [p for c in token.children if c.dep_ == "prep" for p in c.children]
        for child in [*token.children, *(c for o in owners for c in o.children)]:
            if child.dep_ == "appos":
                named = self.explicit(child)
                if named is not None:
                    return Resolved(named.actor, named.certainty, named.via, token.i)
        if token.i + 1 < len(self.doc):
            following = self.doc[token.i + 1]
            if following.head == token.head and following.dep_ == token.dep_ != "ROOT":
                named = self.explicit(following)
                if named is not None:
                    return Resolved(named.actor, named.certainty, named.via, token.i)
        return None

    def _leaders_government(self, token: Token, child: Token) -> Resolved | None:
        """'the Obama administration', 'the Assad regime': a government (``state_nominals``)
        named after a known leader's surname is the leader's state."""
        if (
            token.lemma_.lower() not in self.lexicon.state_nominals
            or child.dep_ != "compound"
            or child.pos_ != "PROPN"
        ):
            return None
        leader = self.surname(child)
        if leader is None or leader.actor.type != ActorType.PERSON or not leader.actor.country:
            return None
        state = _record_actor(self._record(leader.actor.country), self.published)
        return Resolved(state, 0.85, Via.AGENT_NOUN, token.i) if state is not None else None

    def _led_by(self, token: Token) -> Resolved | None:
        """'a Saudi-led coalition', 'NATO-led forces': the actor that leads them."""
        for child in token.children:
            if child.dep_ != "amod" or child.lemma_.lower() not in words().leading_participles:
                continue
            for leader in child.children:
                if leader.dep_ in {"npadvmod", "compound", "amod", "nmod"}:
                    found = self.explicit(leader) or self.modifier_actor(leader)
                    if found is not None and found.actor.type != ActorType.PERSON:
                        return Resolved(found.actor, 0.85, Via.AGENT_NOUN, token.i)
        return None

    def _homeland(self, token: Token, span: Span, people: Actor) -> Resolved | None:
        """A people named with another state: "Bosnian Serbs", "Albanians of southern
        Serbia", "ethnic Albanians demonstrated in Serbia" act for that state."""
        if token.i != span.end - 1 or token.dep_ in {"amod", "compound", "poss"}:
            return None
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.i < span.start:
                owner = self.modifier_actor(child)
                if owner is not None and _other_state(owner.actor, people):
                    return Resolved(owner.actor, 0.8, Via.AGENT_NOUN, token.i)
        where = location(self, token, depth=1)
        if where is None and any(c.lower_ == "ethnic" for c in token.children):
            where = event_location(self, token)
        if where is not None and _other_state(where, people):
            return Resolved(where, 0.8, Via.AGENT_NOUN, token.i)
        return None

    def _owner(self, token: Token) -> Resolved | None:
        """The owner of an agent noun: a pronoun's or a state nominal's antecedent ("the
        Thai military took the country's ousted prime minister": Thailand's, never skipping
        the other argument, since a domestic phrase may face its own state), else a name."""
        if token.lower_ in words().first_person:
            found = self.speaker(token)  # "our areas": the quoted speaker's
            return found[0] if found else None
        if token.pos_ == "PRON" or self.is_state_nominal(token):
            found = self.antecedent(token, exclude=(), states_only=token.pos_ != "PRON")
            return found[0] if found else None
        # "the agency's director general" after "the IAEA"
        return self.explicit(token) or self.named_body(token)

    def modifier_actor(self, token: Token) -> Resolved | None:
        """A demonym/name modifier, searching down a compound chain ('U.S. border patrol').

        Not after "anti-" or "pro-": an "anti-Syria journalist" is no Syrian actor."""
        span = self.span_of.get(token.i)
        if _stance_prefixed(self.doc[span.start] if span is not None else token):
            return None
        if span is not None:
            actor = self._acting(self._record(span.kb_id_))
            if actor is not None:
                return Resolved(actor, 0.9, Via.MODIFIER, token.i)
        if token.i in self.org_of:
            ent = self.org_of[token.i]
            if self.national_body(ent):
                home = self.home_state(token)
                return Resolved(home, 0.75, Via.MODIFIER, token.i) if home else None
            organisation = self.unknown_organisation(ent)
            if organisation is not None:
                return Resolved(organisation, 0.8, Via.MODIFIER, token.i)
        for child in token.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod"}:
                found = self.modifier_actor(child)
                if found is not None:
                    return found
        return self.named_ministry(token)  # "Unification Ministry spokesman Kim"

    def _office_or_state(self, noun: Token, owner: Resolved, certainty: float) -> Resolved:
        """A leader noun owned by a state is the office holder if known, else the state."""
        phrase = " ".join(
            t.lower_ for t in noun.subtree if t.dep_ in {"amod", "compound"} and t.head == noun
        )
        role = f"{phrase} {noun.lower_}".strip()
        if (
            owner.actor.type == ActorType.STATE
            and noun.lemma_.lower() in {n.split()[-1] for n in self.lexicon.leader_nouns}
            and self.published is not None
        ):
            for candidate in (role, noun.lemma_.lower()):
                holder = self.gazetteer.office_holder(owner.actor.id, candidate, on=self.published)
                actor = _record_actor(holder, self.published)
                if actor is not None:
                    return Resolved(actor, certainty, Via.OFFICE, noun.i)
        return Resolved(owner.actor, certainty, Via.AGENT_NOUN, noun.i)

    def remember_name(self, token: Token, actor: Actor) -> None:
        """An unknown person's name resolved through a title or a state ("Unification
        Minister Ryoo Kihl-jae"): its first and last words (family names come first in some
        languages) resolve later bare mentions to the same actor, unless already known."""
        if token.ent_type_ != "PERSON" and not any(
            c.ent_type_ == "PERSON" for c in token.children if c.dep_ == "compound"
        ):
            return
        titles = self._title_words()
        parts = [
            t
            for t in (*(c for c in token.children if c.dep_ == "compound"), token)
            if t.ent_type_ == "PERSON" or t == token
        ]
        parts = [
            t
            for t in sorted(parts, key=lambda t: t.i)
            if t.is_alpha
            and t.is_title
            and len(t) > 1
            and t.i not in self.span_of
            and t.lower_ not in titles
        ]
        for part in {parts[0], parts[-1]} if parts else ():
            self._surnames.setdefault(part.lower_, actor)

    def _remember_person(self, span: Span, actor: Actor) -> None:
        surname = span[-1].lower_
        self._surnames.setdefault(surname, actor)

    def surname(self, token: Token) -> Resolved | None:
        """'Mr Raisi' or 'Raisi' after 'Ebrahim Raisi', else the gazetteer's people; never
        a word inside a longer unknown name ("Kim" of "Kim Yong Chol", "Michel" of "Michel
        Didama": a given name or a family name another person shares)."""
        if _inside_longer_name(token):
            return None
        name = token.lower_
        self._scan_people_before(token)
        if name in self._surnames:
            return Resolved(self._surnames[name], 0.85, Via.SURNAME, token.i)
        if not token.text[:1].isupper():
            return None
        people: list[ActorRecord] = []
        for form in _surname_forms(token):
            people = self.gazetteer.people_by_surname(form, on=self.published)
            if people:
                break
        people = _with_given_name(token, people, titles=self._title_words())
        actors = [a for a in map(self._acting, people) if a]
        if len(actors) == 1:
            return Resolved(actors[0], 0.8, Via.SURNAME, token.i)
        if actors and len({a.country for a in actors}) == 1 and actors[0].country:
            # Two presidents Bush: unsure who, sure for which state.
            return Resolved(actors[0], 0.6, Via.SURNAME, token.i)
        return None

    def _title_words(self) -> frozenset[str]:
        """Lowercase terms of the gazetteer's titles, honorifics and agent nouns (terms
        before a surname that are no given name: "President", "Gen.", "Mr")."""
        if self._titles is None:
            self._titles = _title_terms(
                tuple(self.gazetteer.titles.items()), self.lexicon.agent_nouns
            )
        return self._titles

    def _scan_people_before(self, token: Token) -> None:
        for span in self.doc.spans.get(SPAN_KEY, []):
            if span.start >= token.i:
                break
            if span.kb_id_ and span.label_ in {Via.PERSON, Via.ENTITY, Via.NAME, Via.ALIAS}:
                record = self._record(span.kb_id_)
                actor = self._acting(record)
                if actor is not None and record is not None and record.type == ActorType.PERSON:
                    self._remember_person(span, actor)

    # -- coreference ------------------------------------------------------------------

    def speaker(self, token: Token) -> list[Resolved]:
        """'I'/'we' in a quote: the subject of the sentence's speech verb ('..., X said'), or
        of the next sentence's when the quote runs on into it ('"We are concerned ... our
        areas. [...] still overflying our area," he said.')."""
        if token.lower_ == "us" and token.text == "US":
            return []
        sentence = token.sent
        tokens = list(sentence)
        if _quote_open(sentence) and sentence.end < len(self.doc):
            tokens.extend(self.doc[sentence.end].sent)
        for candidate in tokens:
            if candidate.lemma_.lower() in words().speech_verbs and candidate.i > token.i:
                for child in candidate.children:
                    if child.dep_ == "nsubj" and child.lower_ not in words().first_person:
                        found = self.actors(child)
                        if found:
                            return [Resolved(found[0].actor, 0.75, Via.SPEAKER, token.i)]
        return []

    def pair_nominal(self, token: Token) -> bool:
        """ "both sides", "the two countries' border", "both countries with sanctions"
        (``pair_nominals`` ending at the noun: a possessive marker and what the parser hangs
        after it aside)."""
        phrase = " ".join(t.lower_ for t in token.subtree if t.i <= token.i and t.dep_ != "case")
        return phrase.endswith(self._pair_suffixes)

    def plural_state_nominal(self, token: Token) -> bool:
        """ "the countries", "the nations": a plural of a state ``pair_kinds`` noun with
        "the" and nothing else ("the countries of the region", "Western countries" are
        other sets)."""
        kinds = words().pair_kinds.get(token.lemma_.lower(), frozenset())
        if "state" not in kinds or token.tag_ not in {"NNS", "NNPS"}:
            return False
        children = [c for c in token.children if c.dep_ != "case"]
        return len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the"

    def previous_subject(self, token: Token) -> Token | None:
        """The subject of the main clause of the sentence before ``token``'s."""
        start = token.sent.start
        if start == 0:
            return None
        previous = self.doc[start - 1].sent
        return next((c for c in previous.root.children if c.dep_ in SUBJECT_DEPS), None)

    def is_state_nominal(self, token: Token) -> bool:
        if token.lemma_.lower() not in self.lexicon.state_nominals:
            return False
        dets = [c for c in token.children if c.dep_ == "det"]
        other = [c for c in token.children if c.dep_ in {"amod", "compound", "poss", "prep"}]
        return bool(dets) and dets[0].lower_ in words().anaphoric_determiners and not other


@functools.lru_cache(maxsize=8)
def _title_terms(
    titles: tuple[tuple[str, tuple[str, ...]], ...], agent_nouns: frozenset[str]
) -> frozenset[str]:
    """:meth:`Resolver._title_words` of a gazetteer's titles (role -> phrases, as a tuple)
    and a lexicon's agent nouns: the same few gazetteers and lexicons serve every document,
    so the set is built once for each, not once per document (at most 8 kept)."""
    terms = {w.lower() for _, forms in titles for phrase in forms for w in phrase.split()}
    return frozenset(terms | words().honorifics | words().name_titles | agent_nouns)


def _quote_open(sentence: Span) -> bool:
    """Whether a quotation opened in ``sentence`` is still open at its end."""
    vocabulary = words()
    opened = sum(t.text in vocabulary.opening_quotes for t in sentence)
    closed = sum(t.text in vocabulary.closing_quotes for t in sentence)
    straight = sum(t.text in vocabulary.straight_quotes for t in sentence)
    return opened > closed or straight % 2 == 1


def _inside_longer_name(token: Token) -> bool:
    """A word of a person's name followed by more of it (its head, later in the same
    PERSON entity): "Kim" of "Kim Yong Chol"."""
    head = token.head
    return (
        token.dep_ == "compound"
        and token.ent_type_ == "PERSON"
        and head.i > token.i
        and head.ent_type_ == "PERSON"
        and head.ent_iob_ == "I"
    )
