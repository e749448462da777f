"""Relation rules over the dependency parse: predicates, their arguments and the relation.

A *predicate* is a verb or noun whose lemma has a frame in the lexicon. For each one:

* **subject**: for verbs the ``nsubj`` (or the ``agent`` of a passive), inherited through
  ``conj``, ``xcomp`` (subject control), participial ``advcl`` ("using drones to strike"),
  relative clauses ("Russia, which invaded ...") and "accused of"/"suspected of" ("The
  country has been accused of supplying": the accused); for nouns the possessive, "by"/"from"
  phrase, demonym or compound ("the Russian invasion"), else the subject of an *agent* light
  verb ("held talks with", "imposed sanctions on");
* **object**: the frame's slots in order ("supplied Russia with drones": dobj; "supplied
  drones to Russia": dative), the passive subject for "dobj", the subject of an *undergoer*
  light verb ("faced sanctions from the West"), or a conjunct's shared phrase;
* **item**: the supplied/used thing, whose class may change the relation (drones -> military
  aid, food -> humanitarian aid) and whose demonym gives ``item_origin``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from geokg.errors import GeokgError
from geokg.extract.lexicon import Frame, Lexicon, load_lexicon, words
from geokg.extract.modality import subject_of
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver, conjuncts
from geokg.model import Actor, ActorType
from geokg.ontology import load_ontology

NOMINAL_RULE_STRENGTH = 0.85
PLACE_CERTAINTY = 0.8
CHILD_INDEX_KEY = "geokg.child_index"
HOME_CERTAINTY = 0.75
PLACE_VIAS = frozenset({Via.LOCATION, Via.CAPITAL, Via.CITY})
# Subjects that are a domestic part of a state (not the state itself): "Algerian students".
DOMESTIC_SUBJECT_VIAS = frozenset(
    {Via.AGENT_NOUN, Via.DEMONYM, Via.OFFICE, Via.MODIFIER, Via.LOCATION}
)
OWNER_CERTAINTY = 0.85
LIGHT_VERB_STRENGTH = 0.95


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


def _children(token: Token, dep: str) -> list[Token]:
    doc = token.doc
    return [doc[i] for label, i in _child_index(doc)[token.i] if label == dep]


def _child_index(doc: Doc) -> list[list[tuple[str, int]]]:
    """(dependency label, index) of every token's children, built once per document: the
    rules ask for a token's children by label about a hundred times per sentence, and
    walking ``token.children`` builds every child anew each time. Kept in ``doc.user_data``
    (plain strings and ints) so that it lives and dies with the document."""
    index: list[list[tuple[str, int]]] | None = doc.user_data.get(CHILD_INDEX_KEY)
    if index is None or len(index) != len(doc):
        index = [[] for _ in range(len(doc))]
        for token in doc:
            head = token.head.i
            if head != token.i:
                index[head].append((token.dep_, token.i))
        doc.user_data[CHILD_INDEX_KEY] = index
    return index


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def slot_tokens(token: Token, slot: str, *, passive: bool = False) -> list[Token]:
    """Tokens filling ``slot`` of ``token`` (see :mod:`geokg.extract.lexicon`)."""
    first, _, rest = slot.partition(">")
    found: list[Token] = []
    if first == "dobj" and passive:
        found = _children(token, "nsubjpass")
    elif first == "dobj" and not _children(token, "dobj"):
        found = _shared_object(token)
    elif first in {
        "dobj",
        "dative",
        "attr",
        "poss",
        "amod",
        "compound",
        "nsubj",
        "agent",
        "acl",
        "appos",
        "xcomp",
        "npadvmod",
    }:
        found = _children(token, first)
        if first == "dative":
            # "supplied drones to Russia": the dative is the preposition.
            found = [p for d in found for p in ([d] if d.pos_ != "ADP" else _children(d, "pobj"))]
        if first == "agent":
            found = [p for d in found for p in _children(d, "pobj")]
        if first == "acl":
            found = _children(token, "acl")
    elif first.startswith("prep:") or first.startswith("prt:"):
        word = first.split(":", 1)[1]
        heads = [token]
        if (
            token.pos_ in {"VERB", "AUX"}
            and word in words().object_preps
            and not _has_prep(token, word)
        ):
            # "recalled its ambassador from Zimbabwe", "used gas against Kurds": the parser
            # often attaches the verb's preposition to its object.
            heads += _children(token, "dobj")
        for prep in (p for head in heads for p in head.children):
            if prep.dep_ in {"prep", "dative", "agent", "prt"} and prep.lower_ == word:
                found.extend(
                    _children(prep, "pobj")
                    or _children(prep, "pcomp")
                    or _stranded(token, prep)
                    or _raised(prep)
                    # "pulled out of X", "cut off aid to X": a bare particle leads on to its
                    # own preposition.
                    or ([prep] if rest else [])
                )
    elif first == "prt":
        found = _children(token, "prt")
    elif first == "ccomp-subj":
        for clause in _children(token, "ccomp") + _children(token, "advcl"):
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if clause.dep_ == "ccomp" or marks & {"that", "for"}:
                found.extend(_children(clause, "nsubj"))
    elif first == "cond-subj":
        # "threatened to strike unless Israel rescinded ...": who the condition is put to.
        for clause in _children(token, "advcl"):
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if marks & (load_lexicon().conditional | words().condition_subject_marks):
                found.extend(_children(clause, "nsubj"))
    elif first == "xcomp-subj":
        for clause in _children(token, "xcomp") + _children(token, "ccomp"):
            found.extend(_children(clause, "nsubj"))
    if not found and first == "prep:to" and token.pos_ in {"VERB", "AUX"}:
        found = _deep_recipient(token)
    if not rest:
        return found
    deeper: list[Token] = []
    for tok in found:
        deeper.extend(slot_tokens(tok, rest))
    return deeper


def _deep_recipient(verb: Token) -> list[Token]:
    """A recipient the parser hung one level down: "gave 50 million dollars in loans to X",
    "provide loans worth 2 billion dollars to X"."""
    heads = [
        pobj
        for obj in _children(verb, "dobj")
        for prep in _children(obj, "prep")
        for pobj in _children(prep, "pobj")
    ]
    heads += [p for p in _children(verb, "prep") if p.lower_ not in words().scene_preps | {"to"}]
    found = [
        pobj
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for pobj in _children(prep, "pobj")
    ]
    return found or _misparsed_to(verb)


def _misparsed_to(verb: Token) -> list[Token]:
    """ "granted asylum to ousted President X": the parser read "to ousted" as an infinitive;
    a past participle after "to" is a modifier of the recipient, its object the recipient."""
    return [
        obj
        for clause in verb.children
        if clause.dep_ in {"advcl", "xcomp"}
        and clause.tag_ in {"VBN", "VBD"}
        and {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}} == {"to"}
        for obj in _children(clause, "dobj")
    ]


def _has_prep(token: Token, word: str) -> bool:
    return any(
        c.dep_ in {"prep", "dative", "agent", "prt"} and c.lower_ == word for c in token.children
    )


def _stranded(verb: Token, prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty: "granted asylum to five officers
    holed up in ..." is often parsed with "officers" as the subject of "holed"."""
    for clause in verb.children:
        if clause.dep_ in {"advcl", "ccomp", "xcomp", "conj", "acl"} and clause.i > prep.i:
            for subject in _children(clause, "nsubj"):
                if subject.left_edge.i == prep.i + 1:
                    return [subject]
    return []


def _next_conjunct(word: Token) -> Token | None:
    """The verb conjunct right after ``word`` and a coordinator ("condemned and rejected",
    "ties with and opened"), if the coordinator follows ``word`` directly."""
    doc = word.doc
    if word.i + 2 >= len(doc) or doc[word.i + 1].dep_ != "cc":
        return None
    for candidate in doc[word.i + 2 :]:
        if candidate.dep_ == "conj" and candidate.pos_ in {"VERB", "AUX"}:
            return candidate if not _children(candidate, "nsubj") else None
        if candidate.dep_ in {"nsubj", "punct"}:
            return None
    return None


def _shared_object(verb: Token) -> list[Token]:
    """Right node raising: "condemned and rejected the resolution", "criticised and
    threatened Iran": the second verb's object is the first's too."""
    if verb.pos_ not in {"VERB", "AUX"} or any(
        c.dep_ in {"ccomp", "xcomp", "attr", "prep", "dative"} for c in verb.children
    ):
        return []
    second = _next_conjunct(verb)
    shared = _children(second, "dobj") if second is not None else []
    # A pronoun ("invade and conquer their neighbours") is too weak a link to share.
    return [
        o
        for o in shared
        if o.pos_ != "PRON" and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)
    ]


def _raised(prep: Token) -> list[Token]:
    """The shared object of a stranded preposition: "established ties with and opened an
    embassy in Tehran": the last noun phrase of the next conjunct."""
    second = _next_conjunct(prep)
    if second is None:
        return []
    nominals = [
        t
        for t in second.subtree
        if t.dep_ in {"pobj", "dobj"} and t.pos_ in {"NOUN", "PROPN"} and t.i > second.i
    ]
    return nominals[-1:]


def logical_subject(verb: Token) -> list[Token]:
    """The doer of ``verb``, climbing the chains listed in the module docstring."""
    if _is_passive(verb) and verb.lemma_.lower() in words().stative_passives:
        return _children(verb, "nsubjpass")  # "Israel is opposed to ...": Israel opposes
    if _is_passive(verb):
        agents = slot_tokens(verb, "agent")
        if agents:
            return agents
    else:
        own = _children(verb, "nsubj")
        if own:
            if own[0].lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                return [verb.head]
            return own
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in words().object_control:
            objects = _children(head, "dobj")
            if objects:
                return objects
        return logical_subject(head) if head.pos_ in {"VERB", "AUX", "ADJ"} else []
    if verb.dep_ == "acomp" or (verb.dep_ == "xcomp" and head.pos_ == "ADJ"):
        return logical_subject(head)
    if verb.dep_ in {"conj", "advcl"} and head.pos_ in {"VERB", "AUX"}:
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
            return []
        return logical_subject(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ in {"VERB", "AUX"} and head.lower_ in words().manner_preps:
            # "violated the truce by firing on ...", "after shelling ...": the doer acts.
            return logical_subject(governor)
        if governor.pos_ in {"VERB", "AUX"}:
            if _is_passive(governor):
                return _children(governor, "nsubjpass")
            return _children(governor, "dobj") or logical_subject(governor)
    if verb.dep_ == "xcomp" or (verb.dep_ == "acomp"):
        return logical_subject(head)
    if verb.dep_ in {"relcl", "acl"} and _gathering_purpose(verb):
        # "converged for a rally in Lagos to protest ...": the rally's holders protest.
        governor = head.head.head if head.dep_ == "pobj" else head.head
        if governor.pos_ in {"VERB", "AUX"} and governor.lemma_.lower() in words().gathering_hosts:
            return logical_subject(governor)
        return []
    if verb.dep_ == "relcl":
        return [head]
    if (
        verb.dep_ == "acl"
        and head.lemma_.lower() in words().intent_nouns
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and head.head.pos_ in {"VERB", "AUX"}
    ):
        return logical_subject(head.head)  # "X expressed readiness to resume talks"
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"} and verb.tag_ == "VBG":
        # "a declaration demanding ...": the issuer of the declaration demands;
        # "militiamen armed with ...", "rebels demanding ...": the noun itself.
        if head.lemma_.lower() in words().statement_nouns and head.head.pos_ in {"VERB", "AUX"}:
            return logical_subject(head.head)
        return [head]
    return []


def _frame_applies(token: Token, frame: Frame, *, passive: bool) -> bool:
    if frame.cues and not _verb_cued(token, frame.cues):
        return False
    if frame.particle is not None:
        terms = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep"}}
        if frame.particle not in terms:
            return False
    if any(c.dep_ in frame.excludes for c in token.children):
        return False
    if frame.requires:
        return any(slot_tokens(token, s, passive=passive) for s in frame.requires)
    return True


def _verb_cued(verb: Token, cues: frozenset[str]) -> bool:
    """A cue word among the verb's dependents or theirs ("took them hostage", "opened fire
    on", "carried out ethnic cleansing")."""
    for child in verb.children:
        if child.lemma_.lower() in cues or child.lower_ in cues:
            return True
        if any(g.lemma_.lower() in cues or g.lower_ in cues for g in child.children):
            return True
    return False


def _noun_cued(noun: Token, carrier: Token, cues: frozenset[str], lexicon: Lexicon) -> bool:
    """A cue word governing or modifying the noun ("lodged a protest", "a hunger strike")."""
    terms = {c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}}
    head = carrier.head
    if carrier.dep_ == "pobj" and head.dep_ == "prep":
        terms.add(lexicon.lemma(head.head))  # "went on a hunger strike"
    elif head != carrier:
        terms.add(lexicon.lemma(head))
    return bool(terms & cues)


def _item_tokens(
    token: Token, slot: str, *, passive: bool, resolver: Resolver, actors: bool = False
) -> list[Token]:
    found: list[Token] = []
    for candidate in slot_tokens(token, slot, passive=passive):
        if candidate.pos_ == "VERB":
            # "supplying Russia with exploding drones": pcomp "exploding" -> "drones"
            found.extend(c for c in candidate.children if c.dep_ == "dobj")
        elif candidate.pos_ == "PRON":
            continue
        elif resolver.explicit(candidate) is None or (actors and candidate.pos_ == "NOUN"):
            # With ``actors`` a common noun naming people is still the thing sent or
            # received ("dispatched inspectors", "received a mission of observers").
            found.append(candidate)
    return found


def _item(
    token: Token, frame: Frame, lexicon: Lexicon, resolver: Resolver, *, passive: bool
) -> tuple[Token | None, frozenset[str]]:
    """The supplied/used thing: the first slot filler that is not an actor."""
    fallback: Token | None = None
    for slot in frame.item:
        for candidate in _item_tokens(
            token, slot, passive=passive, resolver=resolver, actors=frame.item_actors
        ):
            classes = item_classes(candidate, lexicon)
            if classes:
                return candidate, classes
            fallback = fallback or candidate
    return fallback, frozenset()


def item_classes(token: Token, lexicon: Lexicon) -> frozenset[str]:
    """Classes of an item phrase: its head, compounds, modifiers and conjuncts."""
    classes: set[str] = set()
    for conj in conjuncts(token):
        classes |= lexicon.classes_of(conj.lemma_)
        for child in conj.children:
            if child.dep_ in {"compound", "amod"}:
                classes |= lexicon.classes_of(child.lemma_)
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in _children(child, "pobj"):
                    classes |= item_classes(pobj, lexicon)
    return frozenset(classes)


def _resolve_slots(
    token: Token,
    slots: tuple[str, ...],
    resolver: Resolver,
    *,
    passive: bool,
    exclude: tuple[Resolved, ...],
    skip: Token | None = None,
) -> tuple[Resolved, ...]:
    others = [r.actor for r in exclude]
    for slot in slots:
        for filler in slot_tokens(token, slot, passive=passive):
            if skip is not None and filler == skip and not slot.startswith("dobj"):
                continue
            if _inside(filler, exclude):
                continue
            # "a Liberian-flagged tanker": the demonym modifies the "-flagged" adjective.
            modifier = slot.rsplit(">", 1)[-1] in {"amod", "compound", "poss", "npadvmod"}
            partner = _partner(filler, resolver, exclude) or tuple(_holder(filler, resolver))
            if partner:
                return partner
            resolved = [
                r
                for r in resolver.actors(filler, exclude=others, as_modifier=modifier)
                if not _same_mention(r, exclude)
            ]
            if resolved and _own_possession(filler, resolved, exclude):
                continue  # "along its border": the subject's own thing is no target
            if not resolved and filler != skip and (not modifier or filler.pos_ == "NOUN"):
                resolved = _owner(filler, resolver, exclude=exclude)
            if resolved:
                return tuple(resolved)
    return ()


def _own_possession(
    filler: Token, resolved: list[Resolved], subjects: tuple[Resolved, ...]
) -> bool:
    """A thing the subject calls its own ("its border", "their own territory")."""
    own = {r.actor for r in subjects}
    return (
        filler.pos_ == "NOUN"
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in filler.children)
        and all(r.actor in own for r in resolved)
    )


def _partner(
    filler: Token, resolver: Resolver, exclude: tuple[Resolved, ...]
) -> tuple[Resolved, ...]:
    """The other side of a relational noun: "along its border with Kuwait", "its ties with
    Iran" (the possessive is the subject's own)."""
    if filler.lemma_.lower() not in words().owner_with_nouns or not any(
        c.dep_ == "poss" for c in filler.children
    ):
        return ()
    others = [r.actor for r in exclude]
    for prep in filler.children:
        if prep.dep_ == "prep" and prep.lower_ in {"with", "between"}:
            for pobj in _children(prep, "pobj"):
                found = [r for r in resolver.actors(pobj, exclude=others) if r.actor not in others]
                if found:
                    return tuple(found)
    return ()


def _inside(filler: Token, mentions: tuple[Resolved, ...]) -> bool:
    """The filler is one of the mentions or a modifier of one: not a second actor."""
    for mention in mentions:
        if filler.i == mention.token:
            return True
        if filler.head.i == mention.token and filler.dep_ in {"compound", "amod", "poss", "nmod"}:
            return True
    return False


def _same_mention(candidate: Resolved, mentions: tuple[Resolved, ...]) -> bool:
    """One phrase is one actor: a fact needs two mentions. Same-country pairs from two
    different phrases ("Turkish police prevented a demonstration by Turkish students") are
    left to the pipeline's distinctness check."""
    for mention in mentions:
        if candidate.token == mention.token:
            return True
        if candidate.actor == mention.actor and Via.COREF in {candidate.via, mention.via}:
            return True
    return False


def _owner(
    filler: Token, resolver: Resolver, *, depth: int = 2, exclude: tuple[Resolved, ...] = ()
) -> list[Resolved]:
    """The actor owning a non-actor object phrase: "praised Haiti's efforts", "eased
    measures in Montenegro province", "workers of the bus company of Tehran", "crimes
    committed by Croat forces", "a resolution of the Security Council"."""
    if depth == 0 or filler.pos_ not in {"NOUN", "PROPN"}:
        return []
    found: list[Resolved] = []
    via = Via.OWNER
    for child in filler.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            found = resolver.actors(child, as_modifier=True) or _owner(
                child, resolver, depth=depth - 1
            )
        elif child.dep_ == "prep" and (
            child.lower_ in {"of", "by", "in"}
            or (child.lower_ == "with" and filler.lemma_.lower() in words().owner_with_nouns)
        ):
            for pobj in _children(child, "pobj"):
                holder = _holder(pobj, resolver) if child.lower_ == "of" else []
                found = holder or resolver.actors(pobj) or _owner(pobj, resolver, depth=depth - 1)
            # A place ("a jail in northern Israel") locates the target, it is no domestic
            # actor of its own.
            if found and child.lower_ == "in":
                via = Via.LOCATION
        elif child.dep_ == "acl":
            for pobj in slot_tokens(child, "agent"):
                found = resolver.actors(pobj)
        # "deployed tanks along its border with Kuwait": the subject's own possessive is no
        # owner; look on.
        found = [r for r in found if not _same_mention(r, exclude)]
        if found:
            break
    return [
        Resolved(
            r.actor,
            r.certainty * OWNER_CERTAINTY,
            # Coreference and a state's institution taken from context keep their route.
            r.via if r.via in {Via.COREF, Via.HOME_INSTITUTION} else via,
            filler.i,
        )
        for r in found
    ]


def _holder(captive: Token, resolver: Resolver) -> list[Resolved]:
    """Who holds captives: "the release of its nationals held in Iran", "of the hostages
    held by Hezbollah" (the target of a demand for, or an offer of, their release)."""
    for clause in _children(captive, "acl"):
        if clause.lemma_.lower() not in words().holding_verbs:
            continue
        for agent in slot_tokens(clause, "agent"):
            if found := resolver.actors(agent):
                return found
        place = place_of(clause, resolver)
        if place is not None:
            return [place]
    return []


def verb_candidates(token: Token, lexicon: Lexicon, resolver: Resolver) -> Iterator[Candidate]:
    """Candidates for a verb predicate (at most one frame per verb)."""
    frames = lexicon.verbs.get(lexicon.lemma(token), ())
    passive = _is_passive(token) and token.lemma_.lower() not in words().stative_passives
    for frame in frames:
        if not _frame_applies(token, frame, passive=passive):
            continue
        item, classes = _item(token, frame, lexicon, resolver, passive=passive)
        relation = frame.relation_for(classes) if frame.items else frame.relation
        if relation is None:
            continue
        subjects: tuple[Resolved, ...] = ()
        doers = logical_subject(token)
        for subject_token in doers:
            subjects = _subject_actors(subject_token, resolver)
            if subjects:
                break
        if not subjects and passive and lexicon.lemma(token) in words().expulsion_verbs:
            # "Two French aid workers were expelled from Sudan": the state they were expelled
            # from expels them; they are the target, not the doer.
            expelled = _expelled_by_place(token, resolver)
            if expelled is not None:
                subjects, objects = expelled
                yield Candidate(token, token, frame, relation, subjects, objects, item, 0.9)
                return
        if not subjects and passive and frame.item_actors:
            # "UN peacekeepers were shipped out of Gorazde": with no agent, the forces moved
            # stand for the actor that moves them.
            for moved in _children(token, "nsubjpass"):
                subjects = tuple(resolver.actors(moved))
                if subjects:
                    break
        if (
            not subjects
            and relation in words().violent_relations
            and _attempt_noun(token) is not None
        ):
            subjects = _attempt_agent(token, lexicon, resolver)
        if not subjects and relation in words().violent_relations:
            # "A car bomb killed ...", "... was killed in a roadside bombing near Samarra"
            incidents = doers or (slot_tokens(token, "prep:in") if passive else [])
            for incident in incidents:
                subjects = _incident_perpetrator(incident, token, resolver)
                if subjects:
                    if _is_bombing(incident):
                        relation = "bombs"
                    break
        if not subjects and passive and _cameo_root(relation) in words().agentless_place_roots:
            # "Two British journalists were detained in Zimbabwe": CAMEO codes the unnamed
            # authorities by the state where they acted.
            place = place_of(token, resolver)
            for state in slot_tokens(token, "prep:under"):
                place = place or place_of(state, resolver)  # "under investigation in X"
            subjects = (place,) if place is not None else ()
        if not subjects:
            continue
        default_target = frame.default_target
        if relation == "imposesBlockadeOn" and any(undergoer_noun(d, lexicon) for d in doers):
            # "Hundreds of farmers blockaded highways": civilians obstruct, they protest.
            relation, default_target = "obstructs", "place"
        objects = _resolve_slots(
            token, frame.object, resolver, passive=passive, exclude=subjects, skip=item
        )
        if not objects and default_target and relation in words().default_target_relations:
            objects = _default_target(token, subjects, resolver)
        if not objects:
            objects = _fallback_target(
                token, frame, relation, subjects, lexicon, resolver, passive=passive, item=item
            )
        elif relation in words().restriction_relations:
            # "declared a state of emergency in Lima": a named city is where it applies.
            objects = tuple(
                Resolved(o.actor, o.certainty, Via.LOCATION, o.token) if o.via in PLACE_VIAS else o
                for o in objects
            )
        if not objects and len(subjects) >= 2 and _symmetric_family(relation):
            # "Jordan and Israel signed a treaty", "Ethiopian and Eritrean troops clashed"
            subjects, objects = _split_pair(subjects, resolver)
        if (
            item is not None
            and objects
            and any(o.token == item.i for o in objects)
            and (classes and frame.item)
        ):
            # "supplied drones to Russia": the dobj is the item, not the recipient.
            objects = tuple(o for o in objects if o.token != item.i)
            if not objects:
                # "captured a town in Somalia": the owner of the item is the target.
                objects = _resolve_slots(
                    token,
                    tuple(s for s in frame.object if s != "dobj"),
                    resolver,
                    passive=passive,
                    exclude=subjects,
                    skip=item,
                )
        if not objects:
            continue
        yield Candidate(token, token, frame, relation, subjects, objects, item, frame.strength)
        return


def _subject_actors(subject: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """The subject's actors; "the foreign ministers of Egypt and Israel" stands for both
    coordinated owners, not only the first (a pair for symmetric events)."""
    found = tuple(resolver.actors(subject))
    if len(found) != 1 or found[0].via != Via.AGENT_NOUN:
        return found
    for prep in _children(subject, "prep"):
        if prep.lower_ == "of":
            for pobj in _children(prep, "pobj"):
                owners = tuple(resolver.actors(pobj))
                if len(owners) >= 2 and found[0].actor in {o.actor for o in owners}:
                    return tuple(
                        Resolved(o.actor, o.certainty, Via.AGENT_NOUN, o.token) for o in owners
                    )
    return found


def _expelled_by_place(
    verb: Token, resolver: Resolver
) -> tuple[tuple[Resolved, ...], tuple[Resolved, ...]] | None:
    """The expelling state ("from Sudan") and the people expelled, for an agentless passive."""
    for place in slot_tokens(verb, "prep:from"):
        named = resolver.explicit(place)
        state = _state(named.actor, resolver) if named is not None else None
        if named is None or state is None:
            continue
        expeller = Resolved(state, named.certainty, named.via, named.token)
        expelled = tuple(
            r
            for moved in _children(verb, "nsubjpass")
            for r in resolver.actors(moved, exclude=[state])
            if not _same_mention(r, (expeller,))
        )
        if expelled:
            return (expeller,), expelled
    return None


def _attempt_noun(verb: Token) -> Token | None:
    """The noun an infinitive completes: "an attempt to assassinate X", "a plot to bomb"."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in words().attempt_nouns:
        return verb.head
    return None


def _attempt_agent(verb: Token, lexicon: Lexicon, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who attempted a violent act: the attempt's own doer ("an attempt by Islamic militants
    to assassinate ...", "the rebels' plot"), the subject of an agent light verb ("rebels
    made an attempt to ..."), else, as CAMEO codes an unnamed perpetrator, the place ("police
    foiled an attempt to assassinate the president in Cairo")."""
    attempt = verb.head
    own = tuple(
        r
        for slot in ("prep:by", "poss", "amod", "compound")
        for f in slot_tokens(attempt, slot)
        for r in resolver.actors(f, as_modifier=slot != "prep:by")
    )
    if own:
        return own[:2]
    governor = attempt.head
    if attempt.dep_ == "dobj" and lexicon.lemma(governor) in lexicon.agent_light_verbs:
        for doer in logical_subject(governor):
            found = tuple(resolver.actors(doer))
            if found:
                return found
    place = place_of(verb, resolver) or place_of(attempt, resolver)
    for victim in _children(verb, "dobj"):
        place = place or place_of(victim, resolver, depth=1)  # "a senator in Bogota"
    if place is None and attempt.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        place = place_of(governor, resolver)
    return (place,) if place is not None else ()


def _state(actor: Actor, resolver: Resolver) -> Actor | None:
    """The state an actor is or belongs to (a city span already resolves to its state);
    people are not their state here (see ``state_of``)."""
    if actor.type == ActorType.PERSON:
        return None
    return state_of(actor, resolver)


def state_of(actor: Actor, resolver: Resolver) -> Actor | None:
    """The state an actor is or acts for (None for organisations and groups)."""
    if actor.type == ActorType.STATE:
        return actor
    if actor.country is None:
        return None
    record = resolver.gazetteer.get(actor.country)
    if record is None:
        return None
    state: Actor = record.to_actor(on=resolver.published)
    return state if state.type == ActorType.STATE else None


def place_of(token: Token, resolver: Resolver, *, depth: int = 2) -> Resolved | None:
    """The state where the event of ``token`` happens: "in Baghdad", "near the town of
    Samarra", "at a jail in East Timor's capital Dili" (never a person)."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in words().scene_preps:
            continue
        for pobj in _children(prep, "pobj"):
            found = _place_in(pobj, resolver, depth=depth)
            if found is not None:
                return found
    return None


def _place_in(noun: Token, resolver: Resolver, *, depth: int) -> Resolved | None:
    named = resolver.explicit(noun)
    if named is not None:
        state = _state(named.actor, resolver)
        if state is None:
            return None
        return Resolved(state, named.certainty * PLACE_CERTAINTY, Via.LOCATION, noun.i)
    for child in noun.children:
        if child.dep_ == "poss":
            # "East Timor's capital Dili", "Sudan's western region"
            owner = resolver.explicit(child)
            if owner is not None and (state := _state(owner.actor, resolver)) is not None:
                return Resolved(state, owner.certainty * PLACE_CERTAINTY, Via.LOCATION, noun.i)
        if child.dep_ == "compound":
            # "a Jerusalem market", "a Baghdad hotel": a place name, not an owner ("a US
            # base" is owned, not located).
            place = resolver.explicit(child)
            if place is not None and place.via in PLACE_VIAS:
                state = _state(place.actor, resolver)
                if state is not None:
                    return Resolved(state, place.certainty * PLACE_CERTAINTY, Via.LOCATION, noun.i)
    if depth == 0:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and (prep.lower_ in words().scene_preps or prep.lower_ == "of"):
            for pobj in _children(prep, "pobj"):
                found = _place_in(pobj, resolver, depth=depth - 1)
                if found is not None:
                    return found
    for appos in _children(noun, "appos"):
        found = _place_in(appos, resolver, depth=depth - 1)
        if found is not None:
            return found
    return None


def _default_target(
    predicate: Token,
    subjects: tuple[Resolved, ...],
    resolver: Resolver,
    *,
    own_state: bool = False,
) -> tuple[Resolved, ...]:
    """The target of a protest that names none: the state where it happens ("students
    blocked roads in Algiers"), else the domestic protesters' own state ("Young Algerians
    blocked roads"): CAMEO codes such protests as aimed at the government."""
    if any(o.pos_ == "PRON" for o in _children(predicate, "dobj")):
        return ()  # "Serbs had barricaded themselves in a monastery": no protest
    defied = _defiance_target(predicate, subjects, resolver)
    if defied:
        return defied
    purpose = _purpose_target(predicate, subjects, resolver)
    if purpose:
        return purpose
    place = place_of(predicate, resolver)
    for noun in _children(predicate, "dobj"):
        place = place or place_of(noun, resolver, depth=1)
    if place is None and _is_purpose_clause(predicate):
        # "held a rally in Lusaka to protest price rises": the place is on the rally.
        governor = predicate.head
        place = place_of(governor, resolver)
        for noun in _children(governor, "dobj"):
            place = place or place_of(noun, resolver, depth=1)
    if place is not None:
        return (place,)
    return _home_states(predicate, subjects, resolver, own_state=own_state)


def _home_states(
    predicate: Token,
    subjects: tuple[Resolved, ...],
    resolver: Resolver,
    *,
    own_state: bool = False,
) -> tuple[Resolved, ...]:
    """The own states of domestic subjects ("Algerian students", "Chilean police"), and
    with ``own_state`` of states acting at home ("Pakistan declared martial law")."""
    homes: list[Resolved] = []
    for subject in subjects:
        if subject.via not in DOMESTIC_SUBJECT_VIAS and not (
            own_state and subject.actor.type in {ActorType.STATE, ActorType.PERSON}
        ):
            continue  # "France protested": a state protesting names no target of its own
        # "Polish leader General X declared martial law": a leader's emergency rule is his
        # state's, at home.
        state = _state(subject.actor, resolver) or (
            state_of(subject.actor, resolver) if own_state else None
        )
        if state is not None and all(h.actor != state for h in homes):
            # The state's own territory is where its emergency rule applies.
            via = Via.HOME if subject.via in DOMESTIC_SUBJECT_VIAS else Via.LOCATION
            homes.append(Resolved(state, subject.certainty * HOME_CERTAINTY, via, predicate.i))
    return tuple(homes)


def _cameo_root(relation: str) -> str:
    try:
        return load_ontology().relation(relation).cameo_root
    except GeokgError:
        return ""


def _fallback_target(
    predicate: Token,
    frame: Frame,
    relation: str,
    subjects: tuple[Resolved, ...],
    lexicon: Lexicon,
    resolver: Resolver,
    *,
    passive: bool,
    item: Token | None,
    nominal: bool = False,
) -> tuple[Resolved, ...]:
    """CAMEO's target for an event that names no actor as its object.

    * restrictions and their easing ("imposed a curfew in Kabul", "lifted the state of
      emergency"): the place they apply to, else the domestic subject's own state;
    * violent acts with no named victim ("exploded bombs in the capital Kabul", "massacred
      20 peasants in a village in X"): the place only, never the attacker's home;
    * generic undergoers ("arrested dozens of students", "aid to flood victims in X"): the
      place of the event, else, for repression, coercion, concession, rejection and
      demands, the domestic subject's own state.
    """
    if any(o.pos_ == "PRON" for o in _children(predicate, "dobj")):
        return ()  # "barricaded themselves", "sealed itself off"
    undergoer = _undergoer(predicate, frame, lexicon, passive=passive)
    if relation in words().restriction_relations:
        if not _restricts(predicate, undergoer, lexicon, nominal=nominal):
            return ()  # "police prevented a bombing": no restriction on anyone
        emergency = is_emergency(predicate, lexicon, nominal=nominal)
        return _default_target(predicate, subjects, resolver, own_state=emergency)
    root = _cameo_root(relation)
    if root in words().violent_roots and all(s.via == Via.LOCATION for s in subjects):
        return ()  # "a plot to kill an activist in New York": the place is no attacker too
    if root in words().violent_roots and (undergoer is not None or not nominal):
        # "its war in Ukraine": a nominal act needs a named undergoer to be placed.
        if undergoer is None and not _violent_use(predicate, lexicon):
            return ()  # "troops fired a salute in Beijing", "stormed to victory in Sydney"
        place = _event_place(predicate, undergoer, resolver)
        return (place,) if place is not None else ()
    if root == INVESTIGATION_ROOT:
        return _investigated_target(predicate, subjects, resolver, passive=passive)
    if undergoer is None or root in words().violent_roots:
        return ()
    if root in words().place_undergoer_roots | words().home_undergoer_roots:
        place = _event_place(predicate, undergoer, resolver)
        if place is not None:
            return (place,)
    if root in words().home_undergoer_roots:
        return _home_states(predicate, subjects, resolver)
    return ()


INVESTIGATION_ROOT = "09"


def _investigated_target(
    predicate: Token, subjects: tuple[Resolved, ...], resolver: Resolver, *, passive: bool
) -> tuple[Resolved, ...]:
    """CAMEO's target of an investigation naming no actor: the place of the investigated act
    ("into alleged war crimes committed in Rwanda"), else, for a domestic judicial body
    ("Italian magistrates ... into bribes paid to party officials"), its own state."""
    for act in slot_tokens(predicate, "prep:into", passive=passive) + slot_tokens(
        predicate, "dobj", passive=passive
    ):
        place = _event_place(predicate, act, resolver)
        if place is not None:
            return (place,)
    doc = predicate.doc
    judicial = tuple(
        s
        for s in subjects
        if 0 <= s.token < len(doc) and doc[s.token].lemma_.lower() in words().judicial_nouns
    )
    return _home_states(predicate, judicial, resolver)


def _violent_use(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a violent verb with no named victim is used violently: its object is a weapon
    or an act of violence ("exploded a series of bombs", "opened fire"), or it has no object
    and only places and times hang on it ("rebels attacked in the north on Monday"), not an
    idiom ("fired a salute", "stormed to victory")."""
    objects = _children(verb, "dobj")
    if objects:
        return any(item_classes(o, lexicon) & words().violent_item_classes for o in objects)
    return all(
        prep.lower_ in words().scene_preps | words().time_preps for prep in _children(verb, "prep")
    )


def _restricts(
    predicate: Token, undergoer: Token | None, lexicon: Lexicon, *, nominal: bool
) -> bool:
    """A restriction on people or a place: a nominal one ("a curfew"), one with no object,
    one on generic people, or one whose object is a restriction or a gathering ("lifted the
    curfew", "banned the rally")."""
    if nominal or undergoer is not None:
        return True
    objects = _children(predicate, "dobj") + _children(predicate, "nsubjpass")
    restricted = words().restriction_classes
    if lexicon.lemma(predicate) in words().silencing_verbs:
        restricted = words().restriction_classes | words().restricted_classes
    return not objects or any(
        o.lemma_.lower() in words().gathering_nouns or item_classes(o, lexicon) & restricted
        for o in objects
    )


def is_emergency(predicate: Token, lexicon: Lexicon, *, nominal: bool) -> bool:
    """An emergency rule ("declared martial law", "a state of emergency", "a curfew"): a
    state imposes it on itself, so a state subject is its own target when no place is
    named (CAMEO: "Pakistan declared martial law" is PAK 172 PAK)."""
    nouns = [predicate] if nominal else _children(predicate, "dobj")
    return any("emergency" in item_classes(n, lexicon) for n in nouns)


def _undergoer(predicate: Token, frame: Frame, lexicon: Lexicon, *, passive: bool) -> Token | None:
    """The generic undergoer filling one of the frame's object slots ("dozens of students",
    "the demonstration staged by students", "opposition demands")."""
    for slot in (*frame.object, "dobj"):
        for filler in slot_tokens(predicate, slot, passive=passive):
            found = undergoer_noun(filler, lexicon)
            if found is not None:
                return found
    return None


def undergoer_noun(noun: Token, lexicon: Lexicon, *, depth: int = 2) -> Token | None:
    """``noun`` if it names generic domestic people, or the people it counts or owns."""
    if noun.pos_ not in {"NOUN", "PROPN"} and not (
        noun.pos_ == "ADJ" and noun.dep_ in {"nsubj", "dobj", "pobj", "nsubjpass"}
    ):
        return None  # "allowed the dissident to leave": the tagger calls it an adjective
    if any(c.lemma_.lower() in words().foreign_markers for c in noun.children):
        return None  # "expelled foreign journalists": not the state's own people
    if noun.lemma_.lower() in lexicon.undergoers or noun.lower_ in lexicon.undergoers:
        return noun
    if depth == 0:
        return None
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "nmod"} and child.lemma_.lower() in (
            lexicon.undergoers
        ):
            return child  # "opposition demands", "student leaders"
        if child.dep_ == "prep" and child.lower_ in {"of", "from", "by"}:
            for pobj in _children(child, "pobj"):
                if child.lower_ == "of" and noun.lemma_.lower() not in lexicon.quantities:
                    continue
                found = undergoer_noun(pobj, lexicon, depth=depth - 1)
                if found is not None:
                    return found
    return None


def _event_place(predicate: Token, undergoer: Token | None, resolver: Resolver) -> Resolved | None:
    """Where an event happens: on the predicate, its object, or its undergoer ("refugees
    fleeing the war in Liberia")."""
    place = place_of(predicate, resolver)
    for noun in _children(predicate, "dobj"):
        place = place or place_of(noun, resolver, depth=1)
    if place is None and undergoer is not None:
        place = place_of(undergoer, resolver, depth=1)
        for clause in _children(undergoer, "acl"):
            place = place or place_of(clause, resolver)
            for noun in _children(clause, "dobj"):
                place = place or place_of(noun, resolver, depth=1)
    if place is None and predicate.dep_ == "conj" and predicate.head.pos_ in {"VERB", "AUX"}:
        place = place_of(predicate.head, resolver)  # "stormed ... and arrested students in X"
    return place


def _is_purpose_clause(predicate: Token) -> bool:
    """An infinitive of purpose hanging on another verb ("held a rally ... to protest") or on
    a gathering ("converged for a rally in Lagos to protest")."""
    return (
        predicate.dep_ in {"advcl", "xcomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children)
    ) or _gathering_purpose(predicate)


def _gathering_purpose(verb: Token) -> bool:
    """An infinitive giving the purpose of a gathering: "a rally in Lagos to protest"."""
    return (
        verb.dep_ in {"relcl", "acl"}
        and verb.head.lemma_.lower() in words().gathering_nouns
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.dep_ in {"pobj", "dobj", "attr"}
    )


def _defiance_target(
    predicate: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """Whom a protest defies: "blocked roads in defiance of the military government"."""
    own = {s.actor for s in subjects}
    for prep in predicate.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in _children(prep, "pobj"):
            if noun.lemma_.lower() != "defiance":
                continue
            found = [
                r
                for defied in slot_tokens(noun, "prep:of")
                for r in resolver.actors(defied)
                if r.actor not in own
            ]
            if found:
                return tuple(found)
    return ()


def _condition_target(
    anchor: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """Whom an "unless"/"if" clause on the event's clause or the verb above names."""
    for verb in (anchor, anchor.head):
        for filler in slot_tokens(verb, "cond-subj"):
            found = [r for r in resolver.actors(filler) if not _same_mention(r, subjects)]
            if found:
                return tuple(found)
    return ()


def _purpose_target(
    predicate: Token, subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[Resolved, ...]:
    """Whom a protest's purpose clause names: "blocked a road to show their disapproval for
    the United States' policies", "to press demands from President X's government"."""
    own = {s.actor for s in subjects}
    for clause in predicate.children:
        if clause.dep_ not in {"advcl", "xcomp"} or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            continue
        for token in clause.subtree:
            if token.dep_ not in {"poss", "pobj", "dobj"} or token.pos_ == "PRON":
                continue
            found = [r for r in resolver.actors(token) if r.actor not in own]
            if found:
                return tuple(Resolved(r.actor, r.certainty * 0.85, r.via, r.token) for r in found)
    return ()


def _incident_perpetrator(incident: Token, verb: Token, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who a violent incident that killed or wounded someone stands for: its owner ("US
    Predator attacks killed ..."), else the state where it happened ("A roadside bombing
    near Samarra killed a U.S. soldier": CAMEO codes the location's state)."""
    if incident.lemma_.lower() not in words().violent_incidents | words().unidentified_attackers:
        return ()
    owners = _modifier_owners(incident, resolver)
    for prep in incident.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            owners.extend(r for pobj in _children(prep, "pobj") for r in resolver.actors(pobj))
    if owners:
        return tuple(owners[:2])
    place = place_of(incident, resolver) or place_of(verb, resolver)
    for victim in _children(verb, "dobj"):
        place = place or place_of(victim, resolver, depth=1)  # "killed villagers in Lagos"
    if place is None and verb.dep_ in {"advcl", "conj"}:
        place = place_of(verb.head, resolver)  # "a bomb exploded in Kabul, killing ..."
    return (place,) if place is not None else ()


def _is_bombing(incident: Token) -> bool:
    """A bombing outside combat ("a car bomb", "a roadside bombing", "a suicide bomber"):
    CAMEO 183, an assault rather than a military attack."""
    lemma = incident.lemma_.lower()
    modifiers = {c.lemma_.lower() for c in incident.subtree if c.i < incident.i}
    if lemma in {"bombing", "bomber"}:
        return True
    return lemma in {"bomb", "blast", "explosion"} and bool(modifiers & words().bomb_kinds)


def _modifier_owners(noun: Token, resolver: Resolver, *, depth: int = 2) -> list[Resolved]:
    """Actors among the modifiers of ``noun``, down a compound chain ("US Predator")."""
    found: list[Resolved] = []
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "poss", "nmod"}:
            own = resolver.actors(child, as_modifier=True)
            if not own and depth > 0:
                own = _modifier_owners(child, resolver, depth=depth - 1)
            found.extend(r for r in own if r.actor.type != ActorType.PERSON or r.actor.country)
    return found


def noun_candidates(token: Token, lexicon: Lexicon, resolver: Resolver) -> Iterator[Candidate]:
    """Candidates for a nominal event ('invasion of X by Y', 'sanctions from the West')."""
    frames = lexicon.nouns.get(token.lemma_.lower(), ())
    if not frames:
        return
    carrier = _carrier(token)
    if carrier.dep_ == "compound" and carrier.head.pos_ == "NOUN":
        # "undertook a mediation mission between X and Y": the phrase head carries it.
        carrier = carrier.head
    governor = carrier.head if carrier.dep_ in {"dobj", "nsubjpass", "attr", "pobj"} else None
    if governor is not None and carrier.dep_ == "pobj":
        governor = None
    for frame in frames:
        if frame.cues and not _noun_cued(token, carrier, frame.cues, lexicon):
            continue
        item, classes = _item(token, frame, lexicon, resolver, passive=False)
        relation = frame.relation_for(classes) if frame.items else frame.relation
        if relation is not None and governor is not None:
            relation = _reversed(relation, governor, lexicon)
        if relation is None:
            continue
        subjects: tuple[Resolved, ...] = ()
        objects: tuple[Resolved, ...] = ()
        strength = frame.strength * NOMINAL_RULE_STRENGTH
        anchor = _verbal_ancestor(token)
        undergoer = governor is not None and lexicon.lemma(governor) in (
            lexicon.undergoer_light_verbs
        )
        for source in (token, carrier):
            subjects = (
                subjects
                or tuple(
                    r
                    for s in frame.subject
                    for f in slot_tokens(source, s)
                    for r in (
                        []
                        if s in {"amod", "compound"} and _is_item_modifier(f)
                        else resolver.actors(f, as_modifier=s in {"amod", "compound", "poss"})
                    )
                )[:2]
            )
        if not subjects and relation in words().place_target_relations:
            subjects = _participants(carrier, lexicon, resolver)
        if not subjects:
            # "the expulsion of 300 workers by Nigeria": the parser hangs "by" on the victim.
            subjects = tuple(
                r for f in slot_tokens(token, "prep:of>prep:by") for r in resolver.actors(f)
            )[:2]
        if (
            subjects
            and all(r.via == Via.COREF for r in subjects)
            and governor is not None
            and lexicon.lemma(governor) in lexicon.agent_light_verbs
        ):
            # "The US and Britain announced their own sanctions": the possessive pronoun
            # stands for the light verb's subject, all of its conjuncts.
            explicit = tuple(r for s in logical_subject(governor) for r in resolver.actors(s))
            if explicit:
                subjects = explicit
        if undergoer and governor is not None:
            anchor = governor
            objects = tuple(r for s in logical_subject(governor) for r in resolver.actors(s))
            if not subjects:
                continue
        else:
            if (
                not subjects
                and governor is not None
                and lexicon.lemma(governor) in (lexicon.agent_light_verbs)
            ):
                anchor = governor
                strength = frame.strength * LIGHT_VERB_STRENGTH
                for s in logical_subject(governor):
                    subjects = _subject_actors(s, resolver)
                    if subjects:
                        break
            if not subjects and _symmetric_family(relation):
                # "clashes between Ethiopian and Eritrean troops"
                subjects = _resolve_slots(
                    token, ("prep:between",), resolver, passive=False, exclude=()
                )
                if len(subjects) < 2:
                    subjects = ()
            if not subjects:
                continue
            sources: list[Token] = [token, carrier] + ([governor] if governor else [])
            for source in sources:
                if objects:
                    continue
                objects = _resolve_slots(
                    source, frame.object, resolver, passive=False, exclude=subjects
                )
        if not objects and len(subjects) >= 2 and _symmetric_family(relation):
            subjects, objects = _split_pair(subjects, resolver)
        if not objects and frame.default_target and relation in words().place_target_relations:
            # "threatened to hold a general strike unless Israel rescinded ...": the target
            # is whom the condition is put to; else "staged a general strike in Lagos".
            objects = _condition_target(anchor, subjects, resolver)
            objects = (
                objects
                or _default_target(token, subjects, resolver)
                or (_default_target(governor, subjects, resolver) if governor is not None else ())
            )
        if not objects and not undergoer:
            objects = _fallback_target(
                token,
                frame,
                relation,
                subjects,
                lexicon,
                resolver,
                passive=False,
                item=item,
                nominal=True,
            )
            if not objects and governor is not None and relation in words().restriction_relations:
                # "imposed a curfew"
                emergency = is_emergency(token, lexicon, nominal=True)
                objects = _default_target(governor, subjects, resolver, own_state=emergency)
        if not objects:
            continue
        yield Candidate(token, anchor, frame, relation, subjects, objects, item, strength)
        return


def _reversed(relation: str, governor: Token, lexicon: Lexicon) -> str:
    """The relation of a cooperative noun as the object of ``governor``."""
    if (
        governor.pos_ not in {"VERB", "AUX"}
        or lexicon.lemma(governor) not in words().reversal_verbs
    ):
        return relation
    root = _cameo_root(relation)
    if root not in words().cooperative_roots:
        return relation
    return words().reversal_by_root.get(root, "reducesRelationsWith")


def _participants(gathering: Token, lexicon: Lexicon, resolver: Resolver) -> tuple[Resolved, ...]:
    """Who holds a gathering they take part in: "thousands of Nigerians converged for a
    rally in Lagos", "students took part in a demonstration"."""
    if gathering.dep_ != "pobj" or gathering.head.dep_ != "prep":
        return ()
    verb = gathering.head.head
    if verb.pos_ not in {"VERB", "AUX"} or lexicon.lemma(verb) not in lexicon.participation_verbs:
        return ()
    for doer in logical_subject(verb):
        found = tuple(resolver.actors(doer))
        if found:
            return found[:2]
    return ()


def _verbal_ancestor(token: Token) -> Token:
    """The clause head whose modality (attribution, negation) covers a nominal event."""
    node = token
    for _ in range(10):
        if node.pos_ in {"VERB", "AUX"} or node.head == node:
            return node
        node = node.head
    return token


def _carrier(token: Token) -> Token:
    """The first conjunct of a coordinated noun ('condemnation and sanctions')."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _is_item_modifier(token: Token) -> bool:
    # "drone deliveries": a compound that is not a name is what is delivered, not who.
    return token.pos_ == "NOUN"


def _split_pair(
    subjects: tuple[Resolved, ...], resolver: Resolver
) -> tuple[tuple[Resolved, ...], tuple[Resolved, ...]]:
    """The first of several coordinated doers of a symmetric act is its subject, the others
    its objects. One phrase naming two sides ("Peruvian and Ecuadorean negotiators") is two
    mentions: each side is re-anchored on its own modifier."""
    first, others = subjects[0], subjects[1:]
    moved: list[Resolved] = []
    for other in others:
        token = other.token
        if token == first.token:
            for word in resolver.doc[token].subtree:
                named = resolver.explicit(word) if word.i != token else None
                if named is not None and named.actor == other.actor:
                    token = word.i
                    break
        moved.append(Resolved(other.actor, other.certainty, other.via, token))
    return (first,), tuple(moved)


def _symmetric_family(relation: str) -> bool:
    return relation in {
        "meetsWith",
        "holdsCallWith",
        "consultsWith",
        "negotiatesWith",
        "signsAgreementWith",
        "cooperatesWith",
        "cooperatesDiplomaticallyWith",
        "cooperatesEconomicallyWith",
        "cooperatesMilitarilyWith",
        "fightsWith",
        "sharesIntelligenceWith",
        "declaresCeasefireWith",
    }


def _demanded_act(verb: Token, lexicon: Lexicon) -> bool:
    """The act demanded of someone is not a fact: "pushed for the US to support its plan",
    "demanded that Israel withdraw", "demanded that its partners refuse to recognise X"."""
    node = verb
    for _ in range(3):
        head = node.head
        if head == node or node.dep_ not in {"ccomp", "xcomp", "advcl"}:
            return False
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ == "advcl" and not marks & {"that", "for"} and not infinitive:
            return False
        # "calls on North Korea to comply with ...": the parser makes the act an advcl.
        frames = lexicon.verbs.get(lexicon.lemma(head), ())
        if any(frame.relation in words().demanding_relations for frame in frames):
            return True
        node = head
    return False


def sentence_candidates(
    sentence: Span, lexicon: Lexicon, resolver: Resolver
) -> Iterator[Candidate]:
    """Every candidate relation of one sentence."""
    used: set[int] = set()
    # Two passes, verbs first (a verb frame consumes the nouns it takes); the part of speech
    # is read once per token, as most tokens of a sentence are neither kind of predicate.
    tokens = [(token, token.pos_) for token in sentence]
    for token, pos in tokens:
        if pos not in {"VERB", "AUX"}:
            continue
        lemma = lexicon.lemma(token)
        rejected = _rejected_act(token, lexicon)
        if rejected is not None:
            act, rejecters = rejected
            candidate = _rejection_candidate(token, act, rejecters, lexicon, resolver)
            if candidate is not None:
                used.add(act.i)
                yield candidate
        if lemma in lexicon.verbs:
            if _demanded_act(token, lexicon) or _is_rejected(token, lexicon):
                continue
            for candidate in verb_candidates(token, lexicon, resolver):
                # A noun the verb frame consumed ("deepen its relationship with") is not a
                # second event, unless it names its own doer in a "by" phrase ("condemned
                # the abduction of two engineers by militants").
                used.update(
                    c.i
                    for c in token.children
                    if c.dep_ in {"dobj", "nsubjpass"} and not _names_own_doer(c)
                )
                yield candidate
    for token, pos in tokens:
        if pos not in {"NOUN", "PROPN", "VERB", "AUX"}:
            continue
        lemma = token.lemma_.lower()
        if (
            pos in {"NOUN", "PROPN"}
            and lemma in lexicon.nouns
            and token.i not in used
            and resolver.span_at(token) is None  # "Asia-Pacific Economic Cooperation"
            and not _in_proper_name(token)
            and not _names_a_force(token)
        ):
            yield from noun_candidates(token, lexicon, resolver)
        elif pos in {"VERB", "AUX"} and lemma in lexicon.report:
            yield from obligation_candidates(token, resolver)
        if pos == "VERB" and lemma in words().death_verbs:
            yield from custody_death_candidates(token, resolver)


REJECTION_FRAME = Frame("rule", "VERB", "rejects", ("dobj",), ("nsubj",), strength=0.8)


def _rejected_act(token: Token, lexicon: Lexicon) -> tuple[Token, list[Token]] | None:
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


def _is_rejected(verb: Token, lexicon: Lexicon) -> bool:
    """The act itself of "ruled out sending troops" / "X is out of the question"."""
    head = verb.head
    return head != verb and (
        (rejected := _rejected_act(head, lexicon)) is not None and rejected[0] == verb
    )


def _rejection_candidate(
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


def _names_own_doer(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ in {"of", "on", "against"} for c in noun.children
    )


def _names_a_force(noun: Token) -> bool:
    """An event noun modifying the people or kit that handle it ("riot police", "protest
    squad", "riot gear") names a kind of force, not an event."""
    if noun.dep_ != "compound":
        return False
    return noun.head.lemma_.lower() in words().force_nouns


NAME_ENTITIES = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT"})


def _in_proper_name(noun: Token) -> bool:
    """A capitalised noun inside a name ("the Ukraine Defense Contact Group", "the Economic
    Cooperation Organization", "the Camp David Accords") is no event of its own."""
    return noun.ent_type_ in NAME_ENTITIES and noun.is_title and noun.ent_iob_ in {"B", "I"}


OBLIGATION_FRAME = Frame("must", "VERB", "demandsOf", ("ccomp-subj",), ("nsubj",), strength=0.8)


def obligation_candidates(verb: Token, resolver: Resolver) -> Iterator[Candidate]:
    """'X said (that) Y must/should do Z': X demands something of Y."""
    speakers = [r for s in logical_subject(verb) for r in resolver.actors(s)]
    if not speakers:
        return
    for clause in _children(verb, "ccomp"):
        modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if not modals & words().obligation_modals:
            continue
        targets = tuple(
            r
            for s in _children(clause, "nsubj")
            for r in resolver.actors(s, exclude=[x.actor for x in speakers])
            if not _same_mention(r, tuple(speakers))
        )
        if targets:
            yield Candidate(
                clause, verb, OBLIGATION_FRAME, "demandsOf", tuple(speakers), targets, None, 0.8
            )


CUSTODY_FRAME = Frame("torture", "NOUN", "tortures", ("nsubj",), ("poss",), strength=0.8)


def custody_death_candidates(verb: Token, resolver: Resolver) -> Iterator[Candidate]:
    """'X died of torture in Turkish police custody / in the custody of the security
    services': the holders tortured the victim (CAMEO 1822); a victim with no country of
    their own is coded as the holders' state (a domestic detainee)."""
    causes = [
        t
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in words().cause_preps
        for t in prep.subtree
        if t.lemma_.lower() in words().abuse_nouns and t.pos_ == "NOUN"
    ]
    custody = [t for t in verb.subtree if t.lemma_.lower() == "custody" and t.pos_ == "NOUN"]
    if not causes or not custody:
        return
    holders: list[Resolved] = []
    for noun in custody:
        holders.extend(_modifier_owners(noun, resolver))
        holders.extend(r for f in slot_tokens(noun, "prep:of") for r in resolver.actors(f))
    if not holders:
        return
    holders = holders[:2]
    victims = [
        r
        for s in _children(verb, "nsubj")
        for r in resolver.actors(s)
        if not _same_mention(r, tuple(holders))
    ]
    if not victims:
        for holder in holders:
            state = _state(holder.actor, resolver)
            if state is not None:
                victims.append(Resolved(state, holder.certainty * HOME_CERTAINTY, Via.HOME, verb.i))
                break
    if victims:
        yield Candidate(
            causes[0], verb, CUSTODY_FRAME, "tortures", tuple(holders), tuple(victims), None, 0.8
        )


def subject_token(verb: Token) -> Token | None:
    """The subject token of a reporting/denying verb (re-exported for the pipeline)."""
    return subject_of(verb)
