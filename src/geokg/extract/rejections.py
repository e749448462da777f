"""Acts ruled out, for the frames rule: "X ruled out talks with Y", "X said removing
sanctions on Y is out of the question". The rejecter rejects (12) whom the act would have
targeted, and the act itself is not asserted. Kept apart from :mod:`geokg.extract.rules.frames`
because it reads the act's frames as a whole rather than being one of them.
"""

from __future__ import annotations

from spacy.tokens import Token

from geokg.extract.lexicon import Frame, Lexicon
from geokg.extract.resolution import Resolved
from geokg.extract.resolve import Resolver
from geokg.extract.rules.base import Candidate
from geokg.extract.syntax import _children, logical_subject
from geokg.extract.targets import _item, _owner, _resolve_slots

REJECTION_FRAME = Frame("rule", "VERB", "rejects", ("dobj",), ("nsubj",), strength=0.8)


def rejected_act(token: Token, lexicon: Lexicon) -> tuple[Token, list[Token]] | None:
    """An act ruled out: "X ruled out talks with Y / sending troops to Y" (the act and X),
    "X said removing sanctions on Y is out of the question" (the act and the speaker)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    if lexicon.lemma(token) == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in token.children
    ):
        for child in token.children:
            if child.dep_ in {"advcl", "xcomp", "dobj", "pcomp"} and (
                child.pos_ in {"VERB", "NOUN"}
            ):
                return child, logical_subject(token)
        return None
    if token.lemma_.lower() != "be" or not _out_of_question(token):
        return None
    acts = _children(token, "csubj") or _children(token, "nsubj")
    if not acts or acts[0].pos_ == "PRON":
        return None
    speaker = token.head if token.dep_ == "ccomp" else None
    if speaker is None or lexicon.lemma(speaker) not in lexicon.report:
        return None
    return acts[0], logical_subject(speaker)


def _out_of_question(copula: Token) -> bool:
    return any(
        prep.dep_ == "prep" and prep.lower_ == "out" and noun.lemma_.lower() == "question"
        for prep in copula.children
        for of in _children(prep, "prep")
        for noun in _children(of, "pobj")
    )


def is_rejected(verb: Token, lexicon: Lexicon) -> bool:
    """The act itself of "ruled out sending troops" / "X is out of the question"."""
    head = verb.head
    return head != verb and (
        (rejected := rejected_act(head, lexicon)) is not None and rejected[0] == verb
    )


def rejection_candidate(
    anchor: Token, act: Token, rejecters: list[Token], lexicon: Lexicon, resolver: Resolver
) -> Candidate | None:
    """The rejecter rejects whom the act would have targeted."""
    subjects: tuple[Resolved, ...] = ()
    for doer in rejecters:
        subjects = tuple(resolver.actors(doer))
        if subjects:
            break
    if not subjects:
        return None
    table = lexicon.verbs if act.pos_ == "VERB" else lexicon.nouns
    objects: tuple[Resolved, ...] = ()
    for frame in table.get(lexicon.lemma(act), ()):
        item, _ = _item(act, frame, lexicon, resolver, passive=False)
        objects = _resolve_slots(
            act, frame.object, resolver, passive=False, exclude=subjects, skip=item
        )
        if item is not None and not objects:
            objects = tuple(_owner(item, resolver, exclude=subjects))
        if objects:
            break
    if not objects and act.pos_ == "NOUN":
        objects = tuple(_owner(act, resolver, exclude=subjects))
    if not objects:
        return None
    return Candidate(act, anchor, REJECTION_FRAME, "rejects", subjects, objects, None, 0.8)
