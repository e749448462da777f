"""The learned event model inside the extractor's sentence loop.

The :class:`~geokg.extract.pipeline.Extractor` makes one :class:`EventsHook` per Doc and
calls :meth:`EventsHook.sentence` with each body sentence and the drafts its rules made,
then :meth:`EventsHook.finish` with all the drafts of the Doc. Rescoring happens after the
loop, so that the rules' own look-back (denials, answers) sees what the rules found.

* ``both``: a rule draft whose root the model scores below the veto threshold for its actor
  pair is dropped when its root is one the veto may drop (``EventModel.veto_roots``: the
  roots where the rules are least precise on the training texts); the others keep
  ``confidence x (1 + p) / 2`` (drafts of pairs that are no candidate are kept unchanged);
  the model's proposals for pairs no rule covers are added.
* ``model``: the rule drafts are replaced by the model's proposals.

A proposal becomes a draft of the root's default relation in the ontology, with
``confidence`` = probability x the pair's resolution certainty and the attributes
``source=model`` and ``trigger`` (the event word's lemma).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Span

from geokg.extract.learned.features import RuleFact, sentence_mentions
from geokg.extract.learned.inference import Decision, LearnedEvents
from geokg.extract.lexicon import Lexicon
from geokg.extract.resolve import Resolver
from geokg.extract.rules.base import Draft
from geokg.ontology import Ontology

MODEL_SOURCE = ("source", "model")


def _clamp(value: float) -> float:
    return max(0.05, min(1.0, value))


class EventsHook:
    """Per-Doc state of the learned model in the sentence loop."""

    def __init__(
        self, learned: LearnedEvents, resolver: Resolver, lexicon: Lexicon, ontology: Ontology
    ) -> None:
        self.learned = learned
        self.events = learned.document()
        self.resolver = resolver
        self.lexicon = lexicon
        self.ontology = ontology
        self._seen = 0  # drafts handed over so far
        # sentence, its drafts' range, their CAMEO roots, the model's decision
        self._judged: list[tuple[Span, int, int, tuple[str, ...], Decision]] = []

    def sentence(self, sentence: Span, drafts: Sequence[Draft]) -> None:
        """The model's decision on ``sentence`` whose rules made ``drafts`` (the next
        drafts of the Doc, in order)."""
        key = self.events.key()
        rules = [
            RuleFact(
                key(d.subject),
                key(d.object),
                self.ontology.relation(d.relation).cameo_root,
                d.negated,
            )
            for d in drafts
        ]
        actors = sentence_mentions(sentence, self.resolver, key, self.learned.cues)
        first = self._seen
        self._seen += len(drafts)
        roots = tuple(r.root for r in rules)
        decision = self.events.sentence(sentence, actors, rules)
        self._judged.append((sentence, first, self._seen, roots, decision))

    def finish(self, drafts: Sequence[Draft]) -> list[Draft]:
        """``drafts`` (every draft of the Doc, as handed over) rescored or vetoed, plus the
        model's proposals (only these in ``model`` mode)."""
        result: list[Draft] = []
        done = 0
        mode = self.learned.mode
        model = self.learned.model
        for sentence, first, end, roots, decision in self._judged:
            result.extend(drafts[done:first])  # drafts of sentences the hook did not see
            done = end
            if mode == "both":
                scores = zip(drafts[first:end], roots, decision.rule_scores, strict=True)
                for draft, root, score in scores:
                    if score is None:
                        result.append(draft)
                    elif score >= model.veto or not model.vetoes(root):
                        confidence = _clamp(draft.confidence * (1.0 + score) / 2.0)
                        result.append(dataclasses.replace(draft, confidence=confidence))
            for proposal in decision.proposals:
                certainty = min(proposal.subject.certainty, proposal.object.certainty)
                doc = sentence.doc
                result.append(
                    Draft(
                        proposal.subject.actor,
                        self.ontology.default_for_root(proposal.root).id,
                        proposal.object.actor,
                        proposal.negated,
                        None,
                        _clamp(proposal.probability * certainty),
                        (MODEL_SOURCE, ("trigger", self.lexicon.lemma(doc[proposal.anchor]))),
                        sentence.start_char,
                        sentence.end_char,
                        False,
                    )
                )
        result.extend(drafts[done:])
        return result


__all__ = ["MODEL_SOURCE", "EventsHook"]
