"""The discourse family: arguments that only an earlier sentence of the story names.

An agentless passive of a hostile act ("Russian troops attacked a convoy near Donetsk. ...
Ukraine's army was shelled near Luhansk.") names its victim but not its doer. The doer is
taken from the story's recent context, by the rule event coreference already states for
reactions (:mod:`geokg.extract.rules.reactions`): the agents of the latest earlier event of
the same class (a fact whose CAMEO root fits, or a verb telling such an event) within
:data:`~geokg.extract.events.EVENT_WINDOW` sentences, an event told with the same word
first, never the victim itself.

Rule (stated once): a passive verb with no "by" phrase, whose plain verb frame is a
material conflict relation (quad class 4) and whose lemma names an event class
(``event_coreference`` in ``modality.json``), with a subject resolved to actors (the
victims; not people merely placed somewhere: no undergoer noun such as "people" or
"civilians", no place standing for its state; not known only through a pronoun: "its top
cleric has been killed") and no other rule's reading, gets the
antecedent agents as subjects, with the coreference certainty and rule strength
:data:`IMPLICIT_AGENT_STRENGTH`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from geokg.extract.events import Reaction, load_event_lexicon
from geokg.extract.lexicon import Frame, Lexicon
from geokg.extract.resolution import Resolved, Via
from geokg.extract.rules.base import Candidate, SentenceContext, register
from geokg.extract.rules.reactions import COREF_CERTAINTY, _antecedent
from geokg.extract.targets import _key

IMPLICIT_AGENT_STRENGTH = 0.8

PLACED = frozenset({Via.LOCATION, Via.EVENT_PLACE, Via.PLACE, Via.HOME, Via.CITY, Via.REGION})


def plain_frame(token: Token, lexicon: Lexicon) -> Frame | None:
    """The first frame of a verb or noun that needs nothing beyond its lemma (no cue,
    required slot, item or particle): what the word itself says the act is."""
    frames = lexicon.nouns if token.pos_ in {"NOUN", "PROPN"} else lexicon.verbs
    for frame in frames.get(lexicon.lemma(token), ()):
        if not (frame.cues or frame.requires or frame.needs_item or frame.particle):
            return frame
    return None


def _pronominal(token: Token) -> bool:
    """'it', 'its top cleric': a victim known only through a pronoun is too weak a link to
    pair with a doer that is itself inferred."""
    return token.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children
    )


def _agentless_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "auxpass" in deps and "agent" not in deps


@register("implicit-agents")
def implicit_agent_rule(sentence: Span, context: SentenceContext) -> Iterator[Candidate]:
    """See the module docstring: "Ukraine's army was shelled" -> whoever shelled last."""
    lexicon, resolver = context.lexicon, context.actors
    events = load_event_lexicon()
    acts = {c.predicate.i for c in context.candidates} | {c.anchor.i for c in context.candidates}
    for verb in context.tokens(sentence).pos("VERB"):
        if verb.pos_ != "VERB" or verb.i in acts or not _agentless_passive(verb):
            continue
        classes = events.classes_of_verb(lexicon.lemma(verb))
        frame = plain_frame(verb, lexicon)
        if not classes or frame is None:
            continue
        if context.ontology.relation(frame.relation).quad_class != 4:
            continue
        # A victim is an actor the subject names, not people placed somewhere ("three
        # people were killed in Luhansk": whose fight it was is not known).
        victims = tuple(
            r
            for s in verb.children
            if s.dep_ == "nsubjpass"
            if s.lemma_.lower() not in lexicon.undergoers and not _pronominal(s)
            for r in resolver.actors(s)
            if r.via not in PLACED
        )
        if not victims:
            continue
        reaction = Reaction(verb, frame.relation, verb, classes)
        agents = _antecedent(reaction, context, sentence, excluded={_key(v.actor) for v in victims})
        if not agents:
            continue
        subjects = tuple(Resolved(a, COREF_CERTAINTY, Via.EVENT, verb.i) for a in agents)
        yield Candidate(
            verb,
            verb,
            frame,
            frame.relation,
            subjects,
            victims,
            None,
            IMPLICIT_AGENT_STRENGTH * frame.strength,
        )
