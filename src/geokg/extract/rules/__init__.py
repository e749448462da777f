"""The extraction rules: one module per family, run in the order of :data:`RULE_ORDER`.

Every rule has one interface, ``rule(sentence, context) -> Iterable[Candidate | Draft]``
(:mod:`geokg.extract.rules.base`), and is registered by name with
:func:`~geokg.extract.rules.base.register`. Families:

* :mod:`~geokg.extract.rules.frames`: the lexicon's verb and noun frames (``verbs.json``,
  ``nouns.json``), acts ruled out, obligations, deaths in custody;
* :mod:`~geokg.extract.rules.reactions`: reactions to an earlier event ("condemned the
  strikes" -> whoever struck), by event coreference over the document's history;
* :mod:`~geokg.extract.rules.threats`: threats without a threat verb (a price to pay, no
  more tolerance, arms gathered for use against X, a penalty held out under a condition
  or an ultimatum, a vowed retaliation);
* :mod:`~geokg.extract.rules.complements`: acts stated only through their mode (the
  complement of "agreed to", "refused to", "vowed to", an "unless" condition, yielding to
  protests, refusing food, promises);
* :mod:`~geokg.extract.rules.claims`: claimed responsibility ("claimed responsibility for
  the attack on a Kenyan mall" -> the claimant attacks Kenya, asserted by the claimant);
* :mod:`~geokg.extract.rules.evaluations`: praise, criticism and appeals carried by what a
  speaker says about an actor or its act ("said Vietnam's claim is ridiculous", "called the
  test provocative", "it is important that X ...");
* :mod:`~geokg.extract.rules.responses`: reactions aimed at an earlier event's author ("the
  move prompted a protest by Japan", "deployed troops in response to the attacks");
* :mod:`~geokg.extract.rules.requests`: events asked for by an appeal or a demand ("called
  for talks between X and Y" -> an appeal to X and Y, no talks);
* :mod:`~geokg.extract.rules.discourse`: arguments only an earlier sentence names (an
  agentless passive of a hostile act: its doer by event coreference);
* :mod:`~geokg.extract.rules.answers`: denials of earlier allegations and rejections of
  earlier protests or requests (they run after modality is applied, on drafts).

A new family (a discourse rule, a learned model) is one more module that registers its
rule, and one more name in :data:`RULE_ORDER` (or in an extractor's own ``rules=`` order).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from geokg.extract.rules.base import (
    Candidate,
    Draft,
    History,
    RuleEntry,
    RuleError,
    SentenceContext,
    Stage,
    lookup,
    register,
    registered,
)

# The one table of rule order. Candidate rules first (each sees what the earlier ones found
# in ``context.candidates``), then the answer rules (which see the sentence's drafts).
RULE_ORDER: tuple[str, ...] = (
    "frames",
    "reactions",
    "price-threats",
    "impunity-threats",
    "tolerance-threats",
    "weapon-purpose-threats",
    "complements",
    "conditional-threats",
    "retaliations",
    "answered-hostilities",
    "claims",
    "accusations",
    "evaluations",
    "provoked-reactions",
    "responses",
    "demanded-ends",
    "requested-events",
    "implicit-agents",
    "implicit-partners",
    "reported-parties",
    "placed-protests",
    "denied-allegations",
    "vp-ellipsis",
    "rejected-acts",
)

# The modules of the rule families; importing one registers its rules.
FAMILIES: tuple[str, ...] = (
    "frames",
    "reactions",
    "threats",
    "complements",
    "claims",
    "evaluations",
    "responses",
    "requests",
    "discourse",
    "answers",
)


def ordered(names: Sequence[str] = RULE_ORDER) -> tuple[RuleEntry, ...]:
    """The registered rules ``names``, in that order (the families are imported here, not
    when this package is: importing a family only registers its rules)."""
    for family in FAMILIES:
        importlib.import_module(f"geokg.extract.rules.{family}")
    return lookup(names)


__all__ = [
    "FAMILIES",
    "RULE_ORDER",
    "Candidate",
    "Draft",
    "History",
    "RuleEntry",
    "RuleError",
    "SentenceContext",
    "Stage",
    "lookup",
    "ordered",
    "register",
    "registered",
]
