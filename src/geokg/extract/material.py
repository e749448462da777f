"""Material acts (CAMEO 15-20): which root an attack takes, whom a show of force answers,
and the sides of an exchange. Helpers of the frames rule (:mod:`geokg.extract.rules.frames`),
each stated as a rule in its docstring; every word list is in ``data/lexicon/words.json``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from geokg.extract.lexicon import Frame, Lexicon, words
from geokg.extract.naming import conjuncts
from geokg.extract.resolution import Resolved
from geokg.extract.resolve import Resolver
from geokg.extract.syntax import _children, logical_subject, slot_tokens
from geokg.extract.targets import _resolve_slots
from geokg.model import ActorType

# An attack on civilians or a civilian site is an assault (CAMEO 18), not military force.
ATTACK_RELATION = "attacks"
ASSAULT_RELATION = "assaults"


TARGET_STEPS = ("prep:on", "prep:against")
MODIFIER_STEPS = ("amod", "compound", "poss")


def struck(noun: Token, frame: Frame) -> list[Token]:
    """The heads of what an attack noun's frame names as hit: fillers of its slots through
    "on" or "against" ("the attack on a Kenyan mall", "responsibility for the attack on
    a Kenyan mall"), a modifier filler standing for its head noun."""
    found: list[Token] = []
    for slot in frame.object:
        steps = slot.split(">")
        if not any(step in TARGET_STEPS for step in steps):
            continue
        for filler in slot_tokens(noun, slot):
            head = filler.head if steps[-1] in MODIFIER_STEPS else filler
            if head not in found:
                found.append(head)
    return found


def civilian_attack(
    subjects: tuple[Resolved, ...], targets: list[Token], *, places: Sequence[Token] = ()
) -> str:
    """The relation of an attack (19) by ``subjects`` on ``targets``.

    Rule: an attack by an armed group (no state among the doers) whose target phrase is a
    civilian site or civilians (``civilian_sites`` in ``words.json``: its head, or a
    compound or adjective of it, or of a conjunct: "Boko Haram fighters attacked
    Cameroonian villages", "the militants' attack on a Kenyan mall") is an assault (18),
    as CAMEO codes unconventional violence and as the claims rule codes a claimed attack.
    A state's forces attacking villages or cities use military force (19, as PLOVER codes
    "Russian aircraft killed 46 Afghan civilians in an attack on a village"); an attack on
    forces or a base ("attacked a military base") stays 19, and so does one on a base only
    near a village (a word deeper in the phrase is not its target). An armed group's
    attacks only placed in a town or a country ("continues to stage attacks in
    Mogadishu": ``places``, the phrases that gave the object) hit whoever is there: an
    assault too."""
    if not subjects or any(s.actor.type != ActorType.ARMED_GROUP for s in subjects):
        return ATTACK_RELATION
    if places:
        return ASSAULT_RELATION
    sites = words().civilian_sites
    for target in targets:
        for head in conjuncts(target):
            phrase = [head, *(c for c in head.children if c.dep_ in {"compound", "amod"})]
            if any(t.lemma_.lower() in sites or t.lower_ in sites for t in phrase):
                return ASSAULT_RELATION
    return ATTACK_RELATION


def provoker(
    verb: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """The doer of the act a show of force answers.

    Rule: a verb act of a ``provoked_roots`` root (15) with no target of its own, carrying
    a clause marked by ``provocation_marks`` ("after", "when": "Japan scrambled fighter
    jets after a Chinese plane entered disputed airspace"), is aimed at that clause's
    subject, when it names an actor other than the doer. A clause whose subject is the
    doer itself ("deployed troops after it won the vote"), names no actor, or a preposition
    phrase ("after talks with France") gives nothing."""
    doers = {s.actor for s in subjects}
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in words().provocation_marks for c in clause.children
        ):
            continue
        for subject in _children(clause, "nsubj"):
            found = tuple(r for r in resolver.actors(subject) if r.actor not in doers)
            if found:
                return found
    return ()


RESTRICTION_RELATION = "imposesRestrictionsOn"
SANCTION_RELATION = "imposesSanctionsOn"


def foreign_ban(
    lemma: str, relation: str, subjects: tuple[Resolved, ...], objects: tuple[Resolved, ...]
) -> str:
    """The relation of a ban noun's candidate.

    Rule: a ban (``sanction_bans`` in ``words.json``) imposed on actors none of which is
    of the imposer's own state ("the Council imposed those bans against two senior Houthi
    leaders", "Russia's ban on Georgian wine") is a sanction (16), as CAMEO codes an
    embargo or boycott; a ban on the imposer's own people or places ("Thailand's ban on
    protests in Bangkok") stays a restriction (17)."""
    if relation != RESTRICTION_RELATION or lemma not in words().sanction_bans:
        return relation
    own = {s.actor.country or s.actor.id for s in subjects}
    if objects and all((o.actor.country or o.actor.id) not in own for o in objects):
        return SANCTION_RELATION
    return relation


def mutual_sides(
    noun: Token, carrier: Token, lexicon: Lexicon, resolver: Resolver
) -> tuple[Resolved, ...]:
    """The sides of an exchange noun, or ``()``.

    Rule: a noun of ``mutual_nouns`` ("swap", "exchange") has as sides the actors of its
    "between" phrase ("a prisoner swap between Russia and Ukraine") or, failing two there,
    the two or more subjects of its agent light verb ("Russia and Ukraine carried out a
    prisoner exchange"). One side only ("Russia's prisoner swap") gives none."""
    sides = _resolve_slots(noun, ("prep:between",), resolver, passive=False, exclude=())
    governor = carrier.head if carrier.dep_ in {"dobj", "attr"} else None
    if (
        len({s.actor for s in sides}) < 2
        and governor is not None
        and lexicon.lemma(governor) in lexicon.agent_light_verbs
    ):
        sides = tuple(r for d in logical_subject(governor) for r in resolver.actors(d))
    return sides if len({s.actor for s in sides}) >= 2 else ()


__all__ = [
    "ASSAULT_RELATION",
    "ATTACK_RELATION",
    "civilian_attack",
    "foreign_ban",
    "mutual_sides",
    "provoker",
    "struck",
]
