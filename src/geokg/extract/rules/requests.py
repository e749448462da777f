"""The requests family: events asked for by an appeal or a demand.

"The UN called for talks between Israel and Hamas" tells of an appeal, not of talks: the
UN appeals to Israel and to Hamas; "Russia called for dialogue with Ukraine" is an appeal to
Ukraine (CAMEO 026, an appeal to meet or negotiate); "Egypt urged negotiations between Sudan
and South Sudan" appeals to both; "Japan pressed for talks with North Korea" is a demand on
North Korea. An offer or a proposal is an intent: "Turkey offered talks with Greece",
"South Korea proposed talks with North Korea" (CAMEO 036).

Rule (stated once), words in ``data/lexicon/words.json``: an event noun (a frame of
``nouns.json``) that is what a requesting verb asks for (``requesting_verbs``: a verb taking
the event as its direct object, "urged negotiations", or, for a key "VERB for", as the
object of its "for", "called for talks") is not asserted (the frames rule gives it no
candidate of its own: :func:`requesting_verb`); so is an event a proposing verb
(``proposing_verbs``) takes as its direct object, whose relation is the event's intent
(``intent_by_root``). When the event is a cooperative one
(``cooperative_roots``), the requester (the verb's subject) makes the verb's relation (an
appeal or a demand) to the event's own doers (its possessor, "by"/"from" phrase or demonym:
"called for Israel's withdrawal") and, for a mutual event (``symmetric_relations``: talks,
dialogue, a meeting), to its partners too ("with X", "between X and Y"); never to the
requester itself. A verb that already has a candidate of its own (a frame found its
addressee) is left to it. Rule strength :data:`REQUEST_STRENGTH`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.lexicon import Frame, Lexicon, words
from geokg.extract.resolution import Resolved
from geokg.extract.rules.base import Candidate, SentenceContext, register
from geokg.extract.syntax import _carrier, slot_tokens
from geokg.extract.targets import _cameo_root, _clause_doers, _symmetric_family

REQUEST_STRENGTH = 0.8
FOR_ROUTE = " for"  # a key "call for" of ``requesting_verbs``: the event is the "for" object


def requesting_verb(noun: Token, lexicon: Lexicon) -> tuple[Token, str | None] | None:
    """The verb asking for (or offering) the event ``noun`` names and the relation of its
    request (``None`` for an offer: the event's intent), or ``None`` (see the module
    docstring)."""
    carrier = _carrier(noun)
    head = carrier.head
    requesting = words().requesting_verbs
    if carrier.dep_ == "dobj" and head.pos_ in {"VERB", "AUX"}:
        lemma = lexicon.lemma(head)
        if lemma in words().proposing_verbs:
            return head, None
        relation = requesting.get(lemma)
        return (head, relation) if relation is not None else None
    if (
        carrier.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ == FOR_ROUTE.strip()
        and head.head.pos_ in {"VERB", "AUX"}
    ):
        relation = requesting.get(lexicon.lemma(head.head) + FOR_ROUTE)
        return (head.head, relation) if relation is not None else None
    return None


def _asked(
    noun: Token, frame: Frame, requesters: tuple[Resolved, ...], context: SentenceContext
) -> list[Resolved]:
    """Whom a request for the event ``noun`` is aimed at: its doers, and for a mutual
    event its partners, other than the requesters."""
    resolver = context.actors
    own = {r.actor for r in requesters}
    slots = list(frame.subject)
    if _symmetric_family(frame.relation):
        slots += [*frame.object, "prep:between"]
    found: list[Resolved] = []
    for slot in slots:
        modifier = slot in {"poss", "amod", "compound"}
        for filler in slot_tokens(noun, slot):
            for resolved in resolver.actors(filler, as_modifier=modifier):
                if resolved.actor not in own and all(resolved.actor != f.actor for f in found):
                    found.append(resolved)
    return found


@register("requested-events")
def requested_event_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See the module docstring: "called for talks between Israel and Hamas"."""
    lexicon = context.lexicon
    acts = {c.predicate.i for c in context.candidates} | {c.anchor.i for c in context.candidates}
    done: set[int] = set()
    for noun in context.tokens(sentence).pos("NOUN", "PROPN"):
        frames = lexicon.nouns.get(noun.lemma_.lower(), ())
        if not frames:
            continue
        asked = requesting_verb(noun, lexicon)
        if asked is None:
            continue
        verb, relation = asked
        if verb.i in acts or verb.i in done:
            continue
        frame = next(
            (
                f
                for f in frames
                if not f.cues and _cameo_root(f.relation) in words().cooperative_roots
            ),
            None,
        )
        if frame is None:
            continue
        if relation is None:  # an offer: the intent to do the event
            root = _cameo_root(frame.relation)
            relation = words().intent_by_root.get(root, "expressesIntentToCooperateWith")
        requesters = _clause_doers(verb, context.actors)
        if not requesters:
            continue
        targets = _asked(noun, frame, requesters, context)
        if not targets:
            continue
        done.add(verb.i)
        request = Frame(lexicon.lemma(verb), "VERB", relation, (), ())
        yield Candidate(
            verb, verb, request, relation, requesters, tuple(targets), None, REQUEST_STRENGTH
        )
