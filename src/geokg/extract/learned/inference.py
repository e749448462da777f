"""The learned event model at extraction time: one :class:`DocumentEvents` per document.

For each sentence the pipeline hands over the sentence's resolved actor mentions and the
facts its rules found; :meth:`DocumentEvents.sentence` answers with a :class:`Decision`:

* ``rule_scores``: the model's probability of each rule fact's CAMEO root for that actor
  pair (``None`` when the pair is no candidate, e.g. an actor the mentions do not cover);
  the pipeline multiplies the rule's confidence by ``(1 + p) / 2`` and drops the fact when
  ``p`` is below the model's veto threshold;
* ``proposals``: pairs the model codes with a root whose probability times the pair's
  resolution certainty reaches the proposal threshold, that the rules left alone (for
  ``mode="model"``: every pair the model codes), outside "if"/"unless" clauses and with an
  event word of the lexicon on the path between the two actors.

Modes (``GEOKG_EVENTS`` or ``Extractor(events=...)``): ``rules`` (the rules alone; the
model is not loaded), ``model`` (only the model's proposals; the rules are still run,
because whether and how a rule fired is one of the model's features), ``both``. The default
is ``rules``: at the shipped thresholds ``both`` does not yet beat the rules on news_dev.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from spacy.tokens import Span

from geokg.errors import GeokgError, InputError
from geokg.evaluate import UNDIRECTED_ROOTS, actor_key
from geokg.extract.learned.features import (
    SUBJECT_DEPS,
    Candidate,
    Cues,
    Mention,
    RuleFact,
    SentenceCache,
    discourse_candidates,
    pair_candidate,
    salient,
)
from geokg.extract.learned.model import NONE, EventModel
from geokg.factsio import actor_json
from geokg.model import Actor

if TYPE_CHECKING:
    from geokg.extract.lexicon import Lexicon
    from geokg.ontology import Ontology


class EventMode(StrEnum):
    """Who makes the facts: the rules alone, the model alone, or both."""

    RULES = "rules"
    MODEL = "model"
    BOTH = "both"


EVENT_MODES = tuple(mode.value for mode in EventMode)
DEFAULT_MODE = EventMode.RULES.value
MODE_VARIABLE = "GEOKG_EVENTS"


def events_mode(value: str | None = None) -> str:
    """The mode asked for (else ``$GEOKG_EVENTS``, else ``rules``); checked."""
    mode = (value or os.environ.get(MODE_VARIABLE) or DEFAULT_MODE).strip().lower()
    if mode not in EVENT_MODES:
        raise InputError(
            f"unknown event mode {mode!r} ({MODE_VARIABLE}): use one of {', '.join(EVENT_MODES)}"
        )
    return mode


def scorer_key(actor: Actor) -> str:
    """The key the shared scorer gives an actor (:func:`geokg.evaluate.actor_key`)."""
    return actor_key(actor_json(actor)) or actor.id


@dataclass(frozen=True, slots=True)
class Proposal:
    """A fact the model proposes."""

    subject: Mention
    object: Mention
    root: str
    probability: float
    negated: bool
    anchor: int
    discourse: bool


@dataclass(frozen=True, slots=True)
class Decision:
    rule_scores: tuple[float | None, ...]
    proposals: tuple[Proposal, ...]


class LearnedEvents:
    """The model, its cues and a mode; makes the per-document state."""

    def __init__(self, model: EventModel, cues: Cues, mode: str = DEFAULT_MODE) -> None:
        self.model = model
        self.cues = cues
        self.mode = events_mode(mode)

    def document(self) -> DocumentEvents:
        return DocumentEvents(self)


class DocumentEvents:
    """Per-document state: the mentions of the sentences seen so far (discourse)."""

    def __init__(self, learned: LearnedEvents) -> None:
        self.learned = learned
        self.history: list[list[tuple[Mention, bool]]] = []
        self._keys: dict[Actor, str] = {}

    def key(self) -> Callable[[Actor], str]:
        """A memoised :func:`scorer_key` for this document."""

        def key(actor: Actor) -> str:
            found = self._keys.get(actor)
            if found is None:
                found = self._keys[actor] = scorer_key(actor)
            return found

        return key

    def candidates(
        self,
        sentence: Span,
        mentions: Sequence[Mention],
        rules: Sequence[RuleFact],
        *,
        needed_only: bool = False,
    ) -> list[Candidate]:
        """Same-sentence pairs and discourse pairs of ``sentence``; remembers its mentions.
        ``needed_only``: leave out pairs whose score cannot change the output (training
        wants them all)."""
        cues = self.learned.cues
        found: list[Candidate] = []
        cache = SentenceCache(cues)
        for subject in mentions:
            for obj in mentions:
                if subject.head == obj.head:
                    continue
                candidate = pair_candidate(
                    subject, obj, sentence, rules, cues, cache=cache, needed_only=needed_only
                )
                if candidate is not None:
                    found.append(candidate)
        keys = {m.key for m in mentions}
        earlier = salient(self.history, keys)
        found.extend(discourse_candidates(sentence, mentions, earlier, rules, cues, cache=cache))
        doc = sentence.doc
        self.history.append([(m, doc[m.head].dep_ in SUBJECT_DEPS) for m in mentions])
        return found

    def sentence(
        self, sentence: Span, mentions: Sequence[Mention], rules: Sequence[RuleFact]
    ) -> Decision:
        candidates = self.candidates(sentence, mentions, rules, needed_only=True)
        if not candidates:
            return Decision(tuple(None for _ in rules), ())
        model = self.learned.model
        probabilities = model.probabilities([c.features for c in candidates])
        none = model.class_index(NONE)
        scores: list[float | None] = []
        for rule in rules:
            column = model.class_index(rule.root)
            best: float | None = None
            for candidate, row in zip(candidates, probabilities, strict=True):
                if candidate.discourse or column is None:
                    continue
                pair = (candidate.subject.key, candidate.object.key)
                if pair == (rule.subject, rule.object) or (
                    rule.root in UNDIRECTED_ROOTS and pair == (rule.object, rule.subject)
                ):
                    best = max(best or 0.0, float(row[column]))
            scores.append(best)
        ruled = {(r.subject, r.object) for r in rules}
        proposals: dict[tuple[str, str, str], Proposal] = {}
        # Each row's best class other than "none", for the whole batch at once.
        masked = probabilities.copy()
        if none is not None:
            masked[:, none] = -1.0
        best_columns = masked.argmax(axis=1).tolist()
        for candidate, row, column in zip(candidates, probabilities, best_columns, strict=True):
            probability = float(row[column])
            if not candidate.proposable or probability * candidate.certainty < model.propose:
                continue
            root = model.classes[column]
            pair = (candidate.subject.key, candidate.object.key)
            if self.learned.mode == "both" and (pair in ruled or pair[::-1] in ruled):
                continue
            if candidate.subject.key == candidate.object.key:
                continue
            slot = (*(sorted(pair) if root in UNDIRECTED_ROOTS else pair), root)
            slot_key = (slot[0], slot[1], slot[2])
            previous = proposals.get(slot_key)
            if previous is None or previous.probability < probability:
                proposals[slot_key] = Proposal(
                    candidate.subject,
                    candidate.object,
                    root,
                    probability,
                    candidate.negated,
                    candidate.anchor,
                    candidate.discourse,
                )
        return Decision(tuple(scores), tuple(proposals.values()))


def build_cues(lexicon: Lexicon, ontology: Ontology) -> Cues:
    """The model's word lists from the extraction lexicon: each verb and noun lemma with the
    CAMEO roots of its frames, and the modality cue words."""
    roots: dict[tuple[str, str], tuple[str, ...]] = {}
    for pos, table in (("VERB", lexicon.verbs), ("NOUN", lexicon.nouns)):
        for lemma, frames in table.items():
            found: set[str] = set()
            for frame in frames:
                for name in (frame.relation, *frame.items.values()):
                    if name is None:  # an item class that rules the frame out
                        continue
                    try:
                        found.add(ontology.relation(name).cameo_root)
                    except GeokgError:
                        continue
            roots[(pos, lemma)] = tuple(sorted(found))
    return Cues(
        roots=MappingProxyType(roots),
        negation=lexicon.negation,
        future=lexicon.future,
        conditional=lexicon.conditional,
        report=lexicon.report,
        denial=lexicon.denial,
        light_verbs=lexicon.agent_light_verbs,
        lemma=lexicon.lemma,
        modals=frozenset(lexicon.hedges),
        collective=lexicon.words.collective_determiners,
        nominals=lexicon.state_nominals
        | frozenset(phrase.split()[-1] for phrase in lexicon.pair_nominals),
    )
