"""What every rule works with: candidates, drafts, the sentence context and the registry.

A *rule* is a function ``rule(sentence, context) -> Iterable[Candidate | Draft]`` registered
under a name with :func:`register`. Rules of the :attr:`Stage.CANDIDATES` stage yield
:class:`Candidate` records (a predicate with resolved arguments; the extractor applies
modality to them); rules of the :attr:`Stage.ANSWERS` stage run after that and yield finished
:class:`Draft` records (denials and rejections that answer earlier facts). The order in
which rules run is the one table :data:`geokg.extract.rules.RULE_ORDER`.

The :class:`SentenceContext` carries everything a rule may read: the lexicon, the ontology,
the document's resolved actors, the speakers of quotations, the drafts of recent sentences,
the history of earlier event mentions, what earlier rules found in this sentence, and the
sentence's :class:`~geokg.extract.tokenindex.TokenIndex` (:meth:`SentenceContext.tokens`),
from which a rule takes its trigger words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from geokg.extract.lexicon import Frame, Lexicon
from geokg.extract.resolution import Resolved
from geokg.extract.tokenindex import TokenIndex
from geokg.model import Actor

if TYPE_CHECKING:
    from geokg.extract.events import EventMention, Reaction
    from geokg.extract.resolve import Resolver
    from geokg.ontology import Ontology


@dataclass(frozen=True, slots=True)
class Candidate:
    """A predicate with resolved arguments, before modality is applied."""

    predicate: Token
    anchor: Token  # the clause head whose modality applies (the light verb for nouns)
    frame: Frame
    relation: str
    subjects: tuple[Resolved, ...]
    objects: tuple[Resolved, ...]
    item: Token | None
    strength: float
    # The predicate's negation is part of the act ("will no longer tolerate" is the threat
    # itself), not a negation of it.
    negation_is_act: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    """A fact before it becomes a :class:`~geokg.model.Fact` (needs the document)."""

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


@dataclass(frozen=True, slots=True)
class History:
    """What event coreference looks back at: facts and verb mentions of recent sentences."""

    drafts: list[Draft] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    # Mentions before the window: only an event told with the reaction's own word ("deployed
    # troops" ... nine sentences on ... "condemned the deployment") is found there.
    older: list[EventMention] = field(default_factory=list)


@dataclass(slots=True)
class SentenceContext:
    """What the rules of one sentence read (and what they found so far)."""

    lexicon: Lexicon
    ontology: Ontology
    actors: Resolver  # the document's resolved actors
    factor: float = 1.0  # confidence factor of the sentence's region (captions: 0.6)
    caption: bool = False  # a sentence of a photo caption (geokg.extract.captions)
    speakers: Mapping[int, Token] = field(default_factory=dict)  # token -> quote speaker
    recent: list[Draft] = field(default_factory=list)  # drafts of the last few sentences
    history: History = field(default_factory=History)
    reactions: list[Reaction] = field(default_factory=list)  # of this sentence
    candidates: list[Candidate] = field(default_factory=list)  # found so far
    drafts: list[Draft] = field(default_factory=list)  # of this sentence, so far
    index: TokenIndex | None = field(default=None, repr=False)  # of this sentence, lazily

    def tokens(self, sentence: Span) -> TokenIndex:
        """The token index of ``sentence`` (built on first use, then kept for the other
        rules of the sentence): a rule asks it for its trigger words instead of walking
        every token."""
        index = self.index
        if index is None or not index.covers(sentence):
            index = self.index = TokenIndex(sentence, self.lexicon)
        return index


class Stage(Enum):
    """When a rule runs: before modality is applied to candidates, or after (answers)."""

    CANDIDATES = "candidates"
    ANSWERS = "answers"


Finding = Candidate | Draft
Rule = Callable[[Span, SentenceContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class RuleEntry:
    name: str
    stage: Stage
    rule: Rule


class RuleError(LookupError):
    """A rule name that is not registered, or registered twice."""


_REGISTRY: dict[str, RuleEntry] = {}


def register(name: str, *, stage: Stage = Stage.CANDIDATES) -> Callable[[Rule], Rule]:
    """Register ``rule`` under ``name`` (a decorator); the rule runs where
    :data:`geokg.extract.rules.RULE_ORDER` (or an extractor's own order) names it."""

    def decorate(rule: Rule) -> Rule:
        if name in _REGISTRY and _REGISTRY[name].rule is not rule:
            raise RuleError(f"rule {name!r} is registered twice")
        _REGISTRY[name] = RuleEntry(name, stage, rule)
        return rule

    return decorate


def registered() -> Mapping[str, RuleEntry]:
    """The registered rules by name (a copy)."""
    return dict(_REGISTRY)


def lookup(names: Iterable[str]) -> tuple[RuleEntry, ...]:
    """The entries of ``names``, in that order; every answer rule must come after every
    candidate rule."""
    entries: list[RuleEntry] = []
    for name in names:
        if name not in _REGISTRY:
            raise RuleError(f"unknown rule {name!r}")
        entries.append(_REGISTRY[name])
    stages = [entry.stage for entry in entries]
    if Stage.ANSWERS in stages and Stage.CANDIDATES in stages[stages.index(Stage.ANSWERS) :]:
        raise RuleError("candidate rules must run before answer rules")
    return tuple(entries)


__all__ = [
    "Candidate",
    "Draft",
    "Finding",
    "History",
    "Rule",
    "RuleEntry",
    "RuleError",
    "SentenceContext",
    "Stage",
    "lookup",
    "register",
    "registered",
]
