"""Document coreference of a :class:`~geokg.extract.resolve.Resolver`: pronouns, state
nominals and pair nominals resolved to earlier explicit mentions.

Split out of :mod:`geokg.extract.resolve` (which must stay under 900 lines) along its one
clean seam: everything here reads the resolver's explicit mentions (:meth:`Coreference.mentions`,
built on :meth:`~geokg.extract.resolve.Resolver.explicit`) and the sentence layout, and
resolves no name itself. :class:`Coreference` is a mixin of
:class:`~geokg.extract.resolve.Resolver`, which owns and initialises the state declared here
(the mention list, the antecedent memo and the sentence starts, kept in
:class:`~geokg.extract.resolve.ResolutionState`).

- :meth:`Coreference.antecedent`: "it", "its", "he", "they", "the country": the most salient
  earlier compatible actor, skipping the other argument of the relation;
- :meth:`Coreference.story_pair`: "both sides", "the two leaders": the pair of the story;
- :meth:`Coreference.last_distinct`: the last actors of distinct states.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from geokg.extract.lexicon import Lexicon, words
from geokg.extract.naming import SUBJECT_DEPS, _bisect, _conjoined, conjuncts
from geokg.extract.resolution import Resolved, Via
from geokg.model import Actor, ActorType

# Routes by which a phrase names a part of a state rather than the state itself.
DOMESTIC_ANTECEDENT_VIAS = frozenset({Via.AGENT_NOUN, Via.DEMONYM, Via.OFFICE, Via.MODIFIER})


class Coreference:
    """Coreference over the explicit mentions of one document (a mixin of
    :class:`~geokg.extract.resolve.Resolver`, which initialises these attributes)."""

    doc: Doc
    lexicon: Lexicon
    span_of: dict[int, Span]
    _starts: list[int] | None
    _pronoun_memo: dict[tuple[int, tuple[str, ...]], list[Resolved]]
    _mentions: list[tuple[int, Resolved, int]] | None

    if TYPE_CHECKING:
        # Defined by Resolver.

        def explicit(self, token: Token) -> Resolved | None: ...

        def naming_candidates(self) -> list[int]: ...

        def actors(
            self, token: Token, *, exclude: Sequence[Actor] = (), as_modifier: bool = False
        ) -> list[Resolved]: ...

    def mentions(self) -> list[tuple[int, Resolved, int]]:
        """Explicit actor mentions of the document: (token index, actor, salience)."""
        if self._mentions is None:
            self._mentions = []
            doc = self.doc
            for index in self.naming_candidates():  # the tokens a name strategy may accept
                token = doc[index]
                if token.dep_ in {"compound", "amod"} and token.head.i in self.span_of:
                    continue
                resolved = self.explicit(token)
                if resolved is not None and resolved.via != Via.LOCATION:
                    self._mentions.append((token.i, resolved, self._salience(token)))
        return self._mentions

    def recent_mentions(self, token: Token, window: int) -> Iterator[tuple[int, Resolved]]:
        """The explicit mentions before ``token``, nearest first, in its sentence and the
        ``window`` sentences before it."""
        for index, resolved, _ in reversed(self.mentions()):
            if index >= token.i:
                continue
            if self._sentence_distance(index, token) > window:
                break
            yield index, resolved

    def _salience(self, token: Token) -> int:
        head = token
        while head.dep_ in {"compound", "appos", "amod", "poss"} and head.head != head:
            if head.dep_ in {"amod", "poss"}:
                # The agent of a nominal event ("the Russian invasion", "Iran's supply").
                return 4 if head.head.lemma_.lower() in self.lexicon.nouns else 1
            head = head.head
        if head.dep_ in SUBJECT_DEPS:
            return 6 if head.head.dep_ == "ROOT" else 4
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            return 4
        return 0

    def antecedent(
        self, token: Token, *, exclude: Sequence[Actor], states_only: bool = False
    ) -> list[Resolved]:
        """Most salient earlier actor compatible with the pronoun or nominal ``token``."""
        key = (token.i, tuple(a.id for a in exclude))
        if key in self._pronoun_memo:
            return self._pronoun_memo[key]
        lower = token.lower_
        wants_person = lower in words().person_pronouns
        wants_state = states_only or lower in words().state_pronouns
        if lower in words().plural_pronouns:
            result = self._plural(token, exclude=exclude)
            self._pronoun_memo[key] = result
            return result
        excluded = {a.id for a in exclude} | self._bound(token)
        chained = self._chain(token, excluded, wants_person=wants_person)
        if chained is not None:
            self._pronoun_memo[key] = [chained]
            return [chained]
        sentence = token.sent
        best: tuple[float, Resolved] | None = None
        for index, resolved, salience in self.mentions():
            if index >= token.i or index < sentence.start - 200:
                continue
            actor = resolved.actor
            if actor.id in excluded or (
                actor.country
                and actor.country in excluded
                and actor.type == ActorType.PERSON
                and wants_state
            ):
                continue
            if wants_person != self._person_mention(index, resolved) and not (
                wants_person and self._office_holder(self.doc[index])
            ):
                continue
            if wants_state and actor.type not in {ActorType.STATE} and states_only:
                continue
            distance = self._sentence_distance(index, token)
            if distance > 3:
                continue
            score = salience - 8 * distance + (0.01 * index if distance == 0 else 0)
            if distance > 0:
                score += 0.001 * (sentence.start - index)  # leftmost subject of a sentence
            if best is None or score > best[0]:
                best = (score, resolved)
        result = []
        if best is not None:
            certainty = 0.7 if not states_only else 0.75
            result = [Resolved(best[1].actor, certainty, Via.COREF, token.i)]
        self._pronoun_memo[key] = result
        return result

    def _person_mention(self, index: int, resolved: Resolved) -> bool:
        """Whether the mention at ``index`` names a person, whatever actor it stands for: a
        person; a person standing for the office or body he acts for (``Via.OFFICE``, a
        known surname acting for a body: "Mbeki" the African Union's mediator); an unknown
        person named with a role ("Valeriy Chaly, deputy head of the Ukrainian presidential
        administration": Ukraine). Such a mention is an antecedent for "he"/"his" and
        never for "it"/"its" ("Mbeki arrived from Khartoum, where he had met ...")."""
        if resolved.actor.type == ActorType.PERSON or resolved.via in {Via.OFFICE, Via.SURNAME}:
            return True
        token = self.doc[index]
        return resolved.via == Via.AGENT_NOUN and token.ent_type_ == "PERSON"

    def titled_antecedent(self, token: Token) -> Resolved | None:
        """ "the president", "the reformist president", "the defense minister": a definite
        office noun (``office_holders``) with no owner is the person named with that title
        in its sentence or the five before ("President Thein Sein announced the amnesty.
        The reformist president promised ..."), never a holder before or after the one
        named ("the former president": ``other_holder_words``) nor one set against a
        bare "the president" in its own sentence (:meth:`_contrasted`); else none."""
        if token.tag_ not in {"NN", "NNP"} or token.lower_ not in words().office_holders:
            return None
        dets = [c for c in token.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the":
            return None
        for child in token.children:
            if child.dep_ in {"poss", "prep"} or child.pos_ == "PROPN":
                return None  # "Iran's president", "the president of Armenia": owned
            if child.lower_ in words().other_holder_words:
                return None
        for index, resolved in self.recent_mentions(token, 5):
            name = self.doc[index]
            titled = any(
                c.dep_ == "compound" and c.lower_ == token.lower_ and c.i < name.i
                for c in name.children
            )
            if titled and self._person_mention(index, resolved) and not self._contrasted(name):
                return Resolved(resolved.actor, 0.7, Via.COREF, token.i)
        return None

    def _contrasted(self, name: Token) -> bool:
        """A titled name after a bare "the <title>" of the same word in its own sentence is
        someone else than that one ("the president will meet with Burmese President Thein
        Sein"): no antecedent for a later "the president"."""
        titles = {c.lower_ for c in name.children if c.dep_ == "compound" and c.i < name.i}
        for earlier in name.sent:
            if earlier.i >= name.i:
                return False
            if earlier.lower_ in titles and earlier.dep_ != "compound":
                dets = [c for c in earlier.children if c.dep_ == "det"]
                if dets and dets[0].lower_ == "the":
                    return True
        return False

    def _office_holder(self, token: Token) -> bool:
        """A singular noun for one person standing for a state ('the Polish president', 'the
        Turkish foreign minister'): "he"/"she" can refer to it."""
        return token.tag_ in {"NN", "NNP"} and token.lemma_.lower() in words().office_holders

    def _chain(self, token: Token, excluded: set[str], *, wants_person: bool) -> Resolved | None:
        """A pronoun continues the referent of an earlier same-kind pronoun in its sentence."""
        for earlier in token.sent:
            if earlier.i >= token.i:
                break
            same_kind = (earlier.lower_ in words().person_pronouns) == wants_person and (
                earlier.lower_ in words().person_pronouns | words().state_pronouns
            )
            if same_kind and (earlier.i, ()) in self._pronoun_memo:
                found = self._pronoun_memo[(earlier.i, ())]
                if found and found[0].actor.id not in excluded:
                    return Resolved(found[0].actor, 0.7, Via.COREF, token.i)
        return None

    def _bound(self, token: Token) -> set[str]:
        """Actors the pronoun ``token`` cannot denote: a possessive in a copular predicate
        (:meth:`_predicate_bound`), an object pronoun its own clause's subject
        (:meth:`_object_bound`)."""
        if token.dep_ == "poss":
            return self._predicate_bound(token)
        return self._object_bound(token)

    def _object_bound(self, token: Token) -> set[str]:
        """Principle B: a non-reflexive personal pronoun that is a verb's object (direct object, or
        object of one of its ``object_preps``, also when the parser hangs that preposition
        on the verb's object: "imposed sanctions on it"; or the ``agent`` "by it") never
        denotes the verb's own subject, nor the subject a participle, a conjoined verb or
        an infinitive inherits (see :func:`_clause_subjects`): "Ethiopia imposed sanctions
        on Eritrea, accusing it of arming rebels" is Eritrea. A reflexive may ("defended
        itself"); a subject pronoun and another clause's subject are untouched ("Ethiopia
        said Eritrea attacked it": Ethiopia)."""
        vocabulary = words()
        personal = vocabulary.state_pronouns | vocabulary.person_pronouns
        if token.lower_ not in personal | vocabulary.plural_pronouns:
            return set()  # "in what some see as ...": no personal pronoun
        if token.lower_ in vocabulary.reflexive_pronouns:
            return set()
        verb = _governing_verb(token)
        if verb is None:
            return set()
        return {
            r.actor.id
            for subject in _clause_subjects(verb)
            if subject.i != token.i
            for r in self.actors(subject)
        }

    def _predicate_bound(self, token: Token) -> set[str]:
        """Actors a possessive in a copular predicate cannot denote ('X became its ally',
        'X is one of its allies'); an adverbial phrase of the copula is no predicate ('X was
        subject to an embargo because of its support' may be X's own)."""
        head = token.head
        predicate = False
        while head.dep_ in {"pobj", "prep", "attr", "acomp", "dobj"} and head.head != head:
            predicate = head.dep_ in {"attr", "acomp", "dobj"}
            head = head.head
            if predicate and head.lemma_ in words().copular and head.pos_ in {"VERB", "AUX"}:
                subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
                return {r.actor.id for s in subjects for r in self.actors(s)}
        return set()

    def _plural(self, token: Token, *, exclude: Sequence[Actor]) -> list[Resolved]:
        """'they': a plural/collective actor or the last group of coordinated actors ("Obama
        and Putin spoke ... they agreed": both, as a subject; not the other argument)."""
        excluded = {a.id for a in exclude} | self._bound(token)
        if token.dep_ in SUBJECT_DEPS:
            group = self._plural_subject(token, excluded)
            if group:
                return [Resolved(actor, 0.6, Via.COREF, token.i) for actor in group]
        for index, resolved, _ in reversed(self.mentions()):
            if index >= token.i or self._sentence_distance(index, token) > 1:
                continue
            if resolved.actor.id in excluded:
                continue
            head = self.doc[index]
            group = self._coordinated(head, excluded) if token.dep_ in SUBJECT_DEPS else []
            if len(group) > 1:
                return [Resolved(actor, 0.6, Via.COREF, token.i) for actor in group]
            if head.tag_ in {"NNS", "NNPS"} or (head.lower_.endswith("s") and head.dep_ != "poss"):
                # Only a subject pronoun ("they would strike"): "their demands" is the
                # domestic phrase's own, no second actor.
                domestic = resolved.via in DOMESTIC_ANTECEDENT_VIAS and token.dep_ in SUBJECT_DEPS
                via = Via.DOMESTIC_COREF if domestic else Via.COREF
                return [Resolved(resolved.actor, 0.65, via, token.i)]
            if resolved.actor.type != ActorType.PERSON:
                return [Resolved(resolved.actor, 0.6, Via.COREF, token.i)]
        return []

    def _plural_subject(self, token: Token, excluded: set[str]) -> list[Actor]:
        """A subject "they" continues the nearest plural subject before it, in its sentence
        or the one before, that stands for two actors or more of different states ("The
        two Koreas held talks ... They also agreed", "Sudan and South Sudan ... they"), none
        of them ``excluded``; else none (the nearest mention decides)."""
        start = self.doc[token.sent.start - 1].sent.start if token.sent.start else 0
        for index in range(token.i - 1, start - 1, -1):
            subject = self.doc[index]
            if subject.dep_ not in SUBJECT_DEPS:
                continue
            if (
                subject.tag_ not in {"NNS", "NNPS"}
                and next(iter(_conjoined(subject)), None) is None
            ):
                continue  # neither a plural noun nor a coordination
            actors = [r.actor for r in self.actors(subject)]
            if len({_key(a) for a in actors}) < 2:
                continue
            if any(a.id in excluded for a in actors):
                return []
            return actors
        return []

    def _coordinated(self, mention: Token, excluded: set[str]) -> list[Actor]:
        """The actors of different states named by the coordination ``mention`` is in
        ("Sudan and South Sudan"), none of them ``excluded``; else none."""
        first = mention.head if mention.dep_ == "conj" else mention
        while first.dep_ == "conj":
            first = first.head
        actors: list[Actor] = []
        for member in conjuncts(first):
            named = self.explicit(member)
            if named is None or named.actor.id in excluded:
                return []
            if all(_key(a) != _key(named.actor) for a in actors):
                actors.append(named.actor)
        return actors if len(actors) > 1 else []

    def story_pair(self, token: Token, *, exclude: Sequence[Actor]) -> list[Resolved]:
        """'Both sides', 'the two leaders': the pair of the story, less the other argument
        ("Sudan said both sides should withdraw": South Sudan alone). The pair is the last
        two actors of different states coordinated ("talks between Sudan and South Sudan",
        "Obama and Putin") in this sentence before the token or the three before, else the
        last two distinct actors, never a venue ("in Addis Ababa")."""
        excluded = {a.id for a in exclude}
        kinds = words().pair_kinds.get(token.lemma_.lower(), frozenset())
        pair: list[Actor] = []
        for index, _, _ in reversed(self.mentions()):
            if index >= token.i or self._sentence_distance(index, token) > 3:
                continue
            if self.doc[index].dep_ == "conj":
                pair = self._coordinated(self.doc[index], set())[-2:]
                if pair and all(_pair_member(a, kinds) for a in pair):
                    break
                pair = []
        if not pair:
            found = self.last_distinct(token, 2, exclude=(), certainty=0.6, kinds=kinds)
            if not found and "person" in kinds:
                # "the two leaders" five sentences after the call between them: people
                # stay the story's pair longer than a passing mention of a state
                found = self.last_distinct(
                    token, 2, exclude=(), certainty=0.6, kinds=kinds, window=6
                )
            pair = [r.actor for r in found]
        return [Resolved(a, 0.6, Via.COREF, token.i) for a in pair if a.id not in excluded]

    def last_distinct(
        self,
        token: Token,
        count: int,
        *,
        exclude: Sequence[Actor],
        certainty: float,
        kinds: frozenset[str] = frozenset(),
        window: int = 3,
    ) -> list[Resolved]:
        """The last ``count`` actors of distinct states before ``token`` (``window``
        sentences back at most), of the ``kinds`` of :func:`_pair_member`, never a venue."""
        excluded = {a.id for a in exclude}
        found: list[Resolved] = []
        for index, resolved, _ in reversed(self.mentions()):
            if index >= token.i or self._sentence_distance(index, token) > window:
                continue
            mention = self.doc[index]
            if resolved.actor.id in excluded or (
                mention.dep_ == "pobj" and mention.head.lower_ in words().event_place_preps
            ):
                continue  # the other argument; a venue ("talks in Addis Ababa")
            actor = resolved.actor
            key = actor.country or actor.id
            if not _pair_member(actor, kinds) or any(
                (r.actor.id if "party" in kinds else r.actor.country or r.actor.id)
                == (actor.id if "party" in kinds else key)
                for r in found
            ):
                continue  # "both sides" of a civil war may be two actors of one state
            found.append(Resolved(actor, certainty, Via.COREF, token.i))
            if len(found) == count:
                break
        return found if len(found) == count else []

    def _sentence_distance(self, index: int, token: Token) -> int:
        sentences = self._sentence_starts()
        return _bisect(sentences, token.i) - _bisect(sentences, index)

    def _sentence_starts(self) -> list[int]:
        """Where the document's sentences start, for counting distances in sentences; a
        "sentence" of punctuation only (a closing quotation mark the parser split off) is
        part of the one before."""
        if self._starts is None:
            self._starts = [s.start for s in self.doc.sents if any(t.is_alpha for t in s)]
            if not self._starts or self._starts[0] != 0:
                self._starts.insert(0, 0)
        return self._starts


def _key(actor: Actor) -> str:
    """The state an actor is or acts for, else its own id (a pair needs two of them)."""
    return actor.country or actor.id


def _pair_member(actor: Actor, kinds: frozenset[str]) -> bool:
    """Whether ``actor`` can be one of a pair nominal of these ``kinds`` (``pair_kinds``):
    a state for "both countries", a person for "the two leaders", a party to the story
    (no international or non-governmental organisation) for "both sides"."""
    if "state" in kinds:
        return actor.type == ActorType.STATE
    if "person" in kinds:
        return actor.type == ActorType.PERSON
    if "party" in kinds:
        return actor.type not in {
            ActorType.INTERNATIONAL_ORGANIZATION,
            ActorType.NON_GOVERNMENTAL_ORGANIZATION,
        }
    return True


_VERBS = frozenset({"VERB", "AUX"})


def _governing_verb(token: Token) -> Token | None:
    """The verb whose object ``token`` is (see :meth:`Coreference._object_bound`), else none."""
    head = token.head
    if token.dep_ in {"dobj", "dative"}:
        return head if head.pos_ in _VERBS else None
    if token.dep_ != "pobj" or head.dep_ not in {"prep", "agent"}:
        return None
    if head.dep_ == "prep" and head.lower_ not in words().object_preps:
        return None
    governor = head.head
    if governor.pos_ not in _VERBS and governor.dep_ == "dobj":
        governor = governor.head  # "imposed sanctions on it"
    return governor if governor.pos_ in _VERBS else None


def _clause_subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``, or those it inherits: a participle ("..., accusing it") or
    a conjoined verb ("condemned and sanctioned it") its head's; an infinitive its head's
    object after an ``object_control`` verb ("urged Iran to stop"), else its head's
    subject ("decided to attack it")."""
    for _ in range(8):  # a bounded walk up the verb chain
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        head = verb.head
        if subjects or head == verb or head.pos_ not in _VERBS:
            return subjects
        if verb.dep_ == "xcomp" and head.lemma_.lower() in words().object_control:
            return [c for c in head.children if c.dep_ == "dobj"]
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        if verb.dep_ not in {"xcomp", "conj"} and not participle:
            return []
        verb = head
    return []
