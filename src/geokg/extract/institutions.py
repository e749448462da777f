"""Institutions, groups and organisations of a :class:`~geokg.extract.resolve.Resolver`:
what a body named without its owner belongs to, and organisations the gazetteer does not
know.

Split out of :mod:`geokg.extract.resolve` (which must stay under 900 lines) along one
concern: every question here is "whose body is this?", answered from the document's
explicit mentions and its sentence layout, never by naming a new actor from the gazetteer.
:class:`Institutions` is a mixin of :class:`~geokg.extract.resolve.Resolver` (after
:class:`~geokg.extract.coreference.Coreference`), which owns and initialises the state
declared here.

- :meth:`Institutions.home_state`: the state an unowned institution or group belongs to, by
  one stated order (the sentence's one state > the story's state > the last state named);
- :meth:`Institutions.story_state`: the state the story is about so far;
- :meth:`Institutions.bare_institution`, :meth:`Institutions.named_body`,
  :meth:`Institutions.group_antecedent`: "the police", "the court", "the group";
- :meth:`Institutions.unknown_organisation`, :meth:`Institutions.national_body`:
  organisations named like one that the gazetteer does not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from geokg.actors.records import ActorRecord
from geokg.extract.actors import IN_NAME
from geokg.extract.coreference import Coreference
from geokg.extract.lexicon import words
from geokg.extract.naming import (
    GROUP_TYPES,
    PlacedNouns,
    _bisect,
    _envoy,
    _record_actor,
    _stance_prefixed,
)
from geokg.extract.resolution import Resolved, Via
from geokg.model import Actor, ActorType


class Institutions(Coreference):
    """Institutions and organisations of one document (a mixin of
    :class:`~geokg.extract.resolve.Resolver`, which initialises these attributes)."""

    published: date | None
    placed: PlacedNouns
    org_of: dict[int, Span]
    _states_of: dict[int, dict[str, Actor]]
    _story_of: dict[int, Actor | None]
    _organisations: dict[int, Actor | None]

    if TYPE_CHECKING:
        # Defined by Resolver.

        def _record(self, actor_id: str) -> ActorRecord | None: ...

        def _acting(self, record: ActorRecord | None) -> Actor | None: ...

    def named_body(self, token: Token) -> Resolved | None:
        """'the court', 'the agency', 'the union' after a body whose name has that word ("the
        International Court of Justice", "the IAEA" = International Atomic Energy Agency),
        named in the last five sentences: that body, not an institution of a state; "the
        body", "the bloc" (``generic_body_nouns``) the nearest international organisation.
        Capitalised ("The Council"), measured ("the 15-nation Council", "the 15-member
        body") or modifying a noun ("The Council statement") alike; never a name of its own
        ("the Council of Europe") nor a body owned or qualified otherwise ("the Iranian
        parliament", "the security council")."""
        lemma = token.lemma_.lower()
        generic = lemma in words().generic_body_nouns
        if (
            token.tag_ not in {"NN", "NNP"}
            or token.ent_iob_ == "I"
            or (token.ent_iob_ == "B" and self.doc[token.i + 1 : token.i + 2].text[:1].isupper())
            or (lemma not in words().body_nouns and not generic)
        ):
            return None
        phrase = token.head if token.dep_ == "compound" else token
        dets = [c for c in phrase.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the":
            return None
        for child in token.children:  # a measure is no qualifier: "the 15-nation Council"
            if child.dep_ == "poss" or (
                child.dep_ in {"amod", "compound", "nmod"}
                and not any(t.like_num or t.text[:1].isdigit() for t in child.subtree)
            ):
                return None
        for _, resolved in self.recent_mentions(token, 5):
            actor = resolved.actor
            if actor.type in {ActorType.STATE, ActorType.PERSON}:
                continue
            if generic and actor.type == ActorType.INTERNATIONAL_ORGANIZATION:
                return Resolved(actor, 0.7, Via.COREF, token.i)
            if lemma in actor.label.lower().replace("-", " ").split():
                return Resolved(actor, 0.75, Via.COREF, token.i)
        return None

    def named_ministry(self, token: Token) -> Resolved | None:
        """'the foreign ministry', 'Unification Ministry spokesman Kim': a ministry
        (``ministry_nouns``) named without its state is the state's that owns the nearest
        earlier one of the last ten sentences whose name has all its words ("South Korea's
        Unification Ministry", "Eritrea's Ministry of Foreign Affairs"; a bare "the
        ministry" the nearest owned one); else none ("the Defense Ministry" after "the
        Foreign Ministry" is no known body)."""
        lemma = token.lemma_.lower()
        if lemma not in words().ministry_nouns or any(c.dep_ == "poss" for c in token.children):
            return None
        own = _name_words(token)
        sentences = self._sentence_starts()
        first = sentences[max(_bisect(sentences, token.i) - 10, 0)]
        for index in range(token.i - 1, first - 1, -1):
            earlier = self.doc[index]
            if earlier.lemma_.lower() != lemma:
                continue
            found = self.explicit(earlier)
            state = found is not None and found.actor.type == ActorType.STATE
            if found is not None and state and own <= _name_words(earlier):
                return Resolved(found.actor, 0.75, Via.COREF, token.i)
        return None

    def bare_institution(self, token: Token) -> bool:
        """'the police', 'parliament', 'the ruling party', 'opposition leaders': a domestic
        institution (or an agent noun of one) named without its state; not a named body
        ("the Union" mid-sentence, "the Fatah party") nor one owned by someone."""
        lemma = token.lemma_.lower()
        home = self.placed.home
        member = lemma in words().institution_members and any(
            c.dep_ in {"compound", "amod"} and c.lemma_.lower() in home for c in token.children
        )
        if lemma not in home and not member:
            return False
        if token.pos_ not in {"NOUN", "PROPN"} or token.i in self.span_of:
            return False
        if token.is_title and token.i != token.sent.start and lemma == "union":
            return False
        if token.ent_iob_ == "I" or (
            token.ent_type_ == "ORG"
            and token.i + 1 < len(self.doc)
            and self.doc[token.i + 1].ent_iob_ == "I"
        ):
            return False
        stance = self.stance_states(token)  # "pro-Russia separatists": no owner named
        for child in token.children:
            if child.dep_ == "poss":
                return False
            if (
                child.dep_ in {"compound", "amod", "nmod"}
                and not stance
                and (
                    child.pos_ == "PROPN"
                    or child.i in self.span_of
                    # "Latin American governments", "Western police": a named owner unknown
                    or (child.is_title and child.i != token.sent.start)
                )
            ):
                return False
        return True

    def stance_states(self, token: Token) -> frozenset[str]:
        """The states a "pro-X"/"anti-X" modifier of ``token`` names ("pro-Russia
        separatists"): never the group's own state."""
        found: set[str] = set()
        for child in token.children:
            if child.dep_ not in {"compound", "amod", "nmod"}:
                continue
            for inner in child.subtree:
                span = self.span_of.get(inner.i)
                if span is not None and _stance_prefixed(self.doc[span.start]):
                    found.add(span.kb_id_)
        return frozenset(found)

    def home_state(self, token: Token, *, avoid: frozenset[str] = frozenset()) -> Actor | None:
        """The state an institution or group named without its owner belongs to, by one
        stated order: the one state the sentence of ``token`` is about (a name, place,
        capital, demonym, possessive or person of it); when the sentence names none, the
        state the story is about (:meth:`story_state`); else the one state of the nearest
        earlier sentence (up to two back) that names any. ``None`` when two states are in
        play in the sentence. States in ``avoid`` (a "pro-X" modifier's) are not counted."""
        starts = self._sentence_starts()
        position = _bisect(starts, token.i)
        named = self._sentence_states(position)
        states = {code: actor for code, actor in named.items() if code not in avoid}
        if states:
            return next(iter(states.values())) if len(states) == 1 else None
        story = self.story_state(position)
        if story is not None and story.id not in avoid:
            return story
        for back in range(1, 3):
            if position - back < 0:
                break
            named = self._sentence_states(position - back)
            states = {code: actor for code, actor in named.items() if code not in avoid}
            if states:
                return next(iter(states.values())) if len(states) == 1 else None
        return None

    def story_state(self, position: int) -> Actor | None:
        """The state the story is about up to its ``position``-th sentence: the state with
        the most mentions in the sentences so far (a state, a place of it, a person or
        group acting for it), the first two sentences (headline, lead) counting three
        times; ``None`` when no state leads by a clear margin (two mentions)."""
        if position not in self._story_of:
            self._story_of[position] = self._story_state(position)
        return self._story_of[position]

    def _story_state(self, position: int) -> Actor | None:
        scores: dict[str, int] = {}
        actors: dict[str, Actor] = {}
        for index in range(position):
            weight = 3 if index < 2 else 1
            for code, actor in self._sentence_states(index).items():
                scores[code] = scores.get(code, 0) + weight
                actors[code] = actor
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 2:
            return None
        return actors[ranked[0][0]]

    def _sentence_states(self, position: int) -> dict[str, Actor]:
        """The states named or implied in the ``position``-th sentence, by code; not the
        venue of a visit or meeting abroad ("a July London visit", "talks in Addis Ababa":
        :func:`_venue`)."""
        if position not in self._states_of:
            starts = self._sentence_starts()
            end = starts[position + 1] if position + 1 < len(starts) else len(self.doc)
            states: dict[str, Actor] = {}
            for token in self.doc[starts[position] : end]:
                found = self.explicit(token)
                if found is None or _envoy(self.doc[found.token]) or _venue(token, found):
                    continue
                actor = found.actor
                if actor.type == ActorType.STATE:
                    states.setdefault(actor.id, actor)
                elif actor.country and actor.type == ActorType.PERSON:
                    state = _record_actor(self._record(actor.country), self.published)
                    if state is not None and state.type == ActorType.STATE:
                        states.setdefault(state.id, state)
            self._states_of[position] = states
        return self._states_of[position]

    def group_antecedent(self, token: Token, *, exclude: Sequence[Actor]) -> list[Resolved]:
        """ "the group", "the militia": the nearest non-state group named in the last three
        sentences ("Iran denies arming the group" after "... supplying the Houthis")."""
        excluded = {a.id for a in exclude}
        for index, resolved, _ in reversed(self.mentions()):
            if index >= token.i or resolved.actor.id in excluded:
                continue
            if self._sentence_distance(index, token) > 3:
                break
            if resolved.actor.type in GROUP_TYPES:
                return [Resolved(resolved.actor, 0.7, Via.COREF, token.i)]
        return []

    def home_institution(self, token: Token) -> list[Resolved]:
        """'Polish workers demanded that the government ...': an institution named without
        its state is the one of the state in context, even when that is the other argument's
        (a domestic event; the pipeline keeps such pairs only against a domestic phrase)."""
        found = self.antecedent(token, exclude=(), states_only=True)
        return [Resolved(r.actor, r.certainty, Via.HOME_INSTITUTION, token.i) for r in found]

    def media_owned(self, token: Token) -> bool:
        """'VOA's Somali Service', 'the BBC's Burmese service': a news outlet's own unit,
        no actor (``media_outlets``)."""
        outlets = words().media_outlets
        for child in token.children:
            if child.dep_ != "poss":
                continue
            ent = self.org_of.get(child.i)
            names = {child.lower_, ent.text.lower() if ent is not None else ""}
            if names & outlets:
                return True
        return False

    def _based_in(self, token: Token) -> Resolved | None:
        """'the Hong Kong-based magazine', 'a Nairobi-based group': the place's state."""
        for child in token.children:
            if child.dep_ != "amod" or child.lemma_.lower() not in words().place_adjectives:
                continue
            for place in child.children:
                if place.dep_ in {"npadvmod", "compound", "amod", "nmod"}:
                    where = self.explicit(place)
                    if where is not None and where.actor.type == ActorType.STATE:
                        return Resolved(where.actor, 0.8, Via.AGENT_NOUN, token.i)
        return None

    def unknown_organisation(self, ent: Span) -> Actor | None:
        """An organisation the gazetteer does not know, named like one ("the Organization of
        African Unity", "the Association of African Jurists", "the European Community"):
        an actor with a slug id. Its type is read off the name."""
        if ent.start not in self._organisations:
            self._organisations[ent.start] = self._name_organisation(ent)
        return self._organisations[ent.start]

    def national_body(self, ent: Span) -> bool:
        """An unknown organisation named as a state's body with no state in its name ("the
        National Security Council", ``national_body_markers``), not a party or movement."""
        terms = [t for t in ent if t.lower_ not in words().name_fillers]
        if ent.label_ != "ORG" or len(terms) < 2 or any(t.i in self.span_of for t in ent):
            return False
        if {t.lower_ for t in terms} & words().group_markers:
            return False
        return terms[0].lower_ in words().national_body_markers

    def _name_organisation(self, ent: Span) -> Actor | None:
        terms = [t for t in ent if t.lower_ not in words().name_fillers]
        if len(terms) < 2 or any(t.i in self.span_of for t in ent):
            return None
        if not all(t.is_title or t.is_upper or not t.is_alpha or t.is_stop for t in terms):
            return None
        lowered = {t.lower_ for t in terms}
        if lowered & words().igo_markers or terms[0].lower_ == "international":
            kind = ActorType.INTERNATIONAL_ORGANIZATION
        elif lowered & words().ngo_markers or "international" in lowered:
            kind = ActorType.NON_GOVERNMENTAL_ORGANIZATION
        elif lowered & words().group_markers:
            kind = ActorType.POLITICAL_GROUP
        else:
            return None
        label = " ".join(t.text for t in terms)
        slug = "_".join("".join(c for c in t.lower_ if c.isalnum()) for t in terms if t.is_alpha)
        known = self._record(slug)
        if known is not None:
            return _record_actor(known, self.published)
        if kind is ActorType.POLITICAL_GROUP:
            # An unknown party or movement acts at home (the annotation guide keys it by
            # its state): the one state its sentence, else the last ones, are about.
            home = self.home_state(ent.root)
            return Actor(slug, label, kind, country=home.id if home is not None else None)
        return Actor(slug, label, kind)

    def _state_in_org_name(self, token: Token) -> Resolved | None:
        """The head of an organisation's name that contains a state's name ("National
        Union for the Total Independence of Angola") is a domestic actor of that state."""
        ent = self.org_of.get(token.i)
        if ent is None:
            return None
        for inner in ent:
            span = self.span_of.get(inner.i)
            if span is None or span.label_ != IN_NAME:
                continue
            actor = self._acting(self._record(span.kb_id_))
            if actor is not None and actor.type == ActorType.STATE:
                return Resolved(actor, 0.85, Via.AGENT_NOUN, token.i)
        return None


def _name_words(body: Token) -> frozenset[str]:
    """The words naming a body besides its head noun: its modifiers ("Unification
    Ministry") and its "of" phrase ("Ministry of Foreign Affairs"), lower-cased."""
    found: set[str] = set()
    for child in body.children:
        if child.dep_ in {"compound", "amod", "nmod"}:
            found.add(child.lower_)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                found.update(t.lower_ for t in pobj.subtree if t.is_alpha and not t.is_stop)
    return frozenset(found)


def _venue(token: Token, found: Resolved) -> bool:
    """A capital or city naming where a visit or meeting (``venue_nouns``) takes place: "a
    July London visit", "talks in Addis Ababa"."""
    if found.via not in {Via.CAPITAL, Via.CITY}:
        return False
    head = token.head
    while token.dep_ == "compound" and head.dep_ == "compound" and head.head != head:
        token, head = head, head.head  # "Addis Ababa talks": the name's last word
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in words().event_place_preps:
        head = head.head
    elif token.dep_ not in {"compound", "nmod"}:
        return False
    return head.lemma_.lower() in words().venue_nouns
