"""Dependency-parse helpers shared by the rules: children by label, frame slots, the
logical subject of a verb (through control, coordination, participles and relative
clauses), and the clause that carries a nominal event.

Slot syntax is documented in :mod:`geokg.extract.lexicon`. Children by label are indexed
once per document (``doc.user_data``), as the rules ask for them about a hundred times per
sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from geokg.extract.lexicon import Lexicon, load_lexicon, words
from geokg.extract.modality import accusing_verb, subject_of

CHILD_INDEX_KEY = "geokg.child_index"
MEMO_KEY = "geokg.syntax_memo"
UINT64_MASK = (1 << 64) - 1  # a label's hash read back from a signed array


def _children(token: Token, dep: str) -> list[Token]:
    doc = token.doc
    return [doc[i] for label, i in _child_index(doc)[token.i] if label == dep]


def children_labelled(token: Token, labels: Iterable[str]) -> list[Token]:
    """The children of ``token`` with any of ``labels``, in order (from the child index:
    only the children kept are built as tokens)."""
    wanted = set(labels)
    doc = token.doc
    return [doc[i] for label, i in _child_index(doc)[token.i] if label in wanted]


def _child_index(doc: Doc) -> list[list[tuple[str, int]]]:
    """(dependency label, index) of every token's children, built once per document: the
    rules ask for a token's children by label about a hundred times per sentence, and
    walking ``token.children`` builds every child anew each time. Kept in ``doc.user_data``
    (plain strings and ints) so that it lives and dies with the document."""
    index: list[list[tuple[str, int]]] | None = doc.user_data.get(CHILD_INDEX_KEY)
    if index is None or len(index) != len(doc):
        # Heads (relative offsets) and labels read as arrays: no Token is built; children
        # grouped by head with one stable sort (each head's children stay in order).
        table = doc.to_array([HEAD, DEP]).astype(numpy.int64)
        positions = numpy.arange(len(doc))
        dependents = positions[table[:, 0] != 0]
        heads = dependents + table[dependents, 0]
        order = numpy.argsort(heads, kind="stable")
        strings = doc.vocab.strings
        labels = table[dependents[order], 1].tolist()
        names = {code: strings[code & UINT64_MASK] for code in set(labels)}
        index = [[] for _ in range(len(doc))]
        for head, child, dep in zip(
            heads[order].tolist(),
            dependents[order].tolist(),
            labels,
            strict=True,
        ):
            index[head].append((names[dep], child))
        doc.user_data[CHILD_INDEX_KEY] = index
    return index


def _memo(doc: Doc) -> dict[tuple[object, ...], tuple[int, ...]]:
    """Answers of the pure parse helpers below, per document (token indices only, so that
    nothing but ints is kept): the rules ask the same question of the same token many
    times (a verb's logical subject about twice, a slot about twice)."""
    held = doc.user_data.get(MEMO_KEY)
    if held is None or held[0] != len(doc):
        held = doc.user_data[MEMO_KEY] = (len(doc), {})
    memo: dict[tuple[object, ...], tuple[int, ...]] = held[1]
    return memo


def _is_passive(verb: Token) -> bool:
    memo = _memo(verb.doc)
    key = ("passive", verb.i)
    found = memo.get(key)
    if found is None:
        children = _child_index(verb.doc)[verb.i]
        passive = any(label in {"nsubjpass", "auxpass"} for label, _ in children)
        found = memo[key] = (int(passive),)
    return bool(found[0])


def slot_tokens(token: Token, slot: str, *, passive: bool = False) -> list[Token]:
    """Tokens filling ``slot`` of ``token`` (see :mod:`geokg.extract.lexicon`)."""
    doc = token.doc
    memo = _memo(doc)
    key = ("slot", token.i, slot, passive)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(t.i for t in _slot_tokens(token, slot, passive=passive))
    return [doc[i] for i in found]


def _slot_tokens(token: Token, slot: str, *, passive: bool = False) -> list[Token]:
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
        "conj",
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
        elif _existential(token):
            # "There were clashes Wednesday between X and Y": the parser hangs the noun's
            # prepositions on the copula of an existential clause.
            heads.append(token.head)
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
    elif first == "for-subj":
        found = _for_subjects(token)
    if not found and first == "prep:to" and token.pos_ in {"VERB", "AUX"}:
        found = _deep_recipient(token)
    if not rest:
        return found
    deeper: list[Token] = []
    for tok in found:
        deeper.extend(slot_tokens(tok, rest))
    return deeper


def _for_subjects(token: Token) -> list[Token]:
    """The subject of a for-infinitive after ``token`` ("called for Israel to stop the
    attacks", "his call for the country's leaders to resolve their differences"): the object of
    its "for" when an infinitive's "to" follows that object's phrase directly (the parser
    hangs the infinitive on the verb, or on the noun's governing verb), or the subject of a
    clause marked "for" ("for/mark Israel/nsubj to stop/advcl"). An object with no
    infinitive ("called for talks with Russia", "called for Israel's withdrawal") is no
    for-subject."""
    doc = token.doc
    found: list[Token] = []
    for prep in _children(token, "prep"):
        if prep.lower_ != "for":
            continue
        for pobj in _children(prep, "pobj"):
            after = pobj.right_edge.i + 1
            if (
                after < len(doc)
                and doc[after].lower_ == "to"
                and doc[after].dep_ == "aux"
                and doc[after].head.pos_ in {"VERB", "AUX"}
            ):
                found.append(pobj)
    for clause in _children(token, "advcl") + _children(token, "ccomp") + _children(token, "acl"):
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            found.extend(_children(clause, "nsubj"))
    return found


def _existential(noun: Token) -> bool:
    """The noun of an existential clause ("there were clashes", "there has been a cease-fire"):
    the attribute (or subject) of a copula with an expletive "there"."""
    return (
        noun.dep_ in {"attr", "nsubj"}
        and noun.pos_ in {"NOUN", "PROPN"}
        and noun.head.lemma_.lower() == "be"
        and any(c.dep_ == "expl" for c in noun.head.children)
    )


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


def noun_lemma(token: Token, lexicon: Lexicon) -> str:
    """The lemma under which a noun's frames are listed.

    Rule: the tokenizer splits a hyphenated noun ("cease-fire", "build-up", "sit-in") into
    three tokens; its head, written straight after "<word>-", takes the frames of the whole
    word when the lexicon lists it ("a cease-fire": ``cease-fire``, not ``fire``). A word
    set apart by a space ("a cease - fire", "anti- fire") or a hyphenated word the lexicon
    does not list keeps its own lemma."""
    lemma = token.lemma_.lower()
    i = token.i
    if i >= 2:
        doc = token.doc
        hyphen, first = doc[i - 1], doc[i - 2]
        if hyphen.text == "-" and not hyphen.whitespace_ and not first.whitespace_:
            joined = f"{first.lower_}-{lemma}"
            if joined in lexicon.nouns:
                return joined
    return lemma


def logical_subject(verb: Token) -> list[Token]:
    """The doer of ``verb``, climbing the chains listed in the module docstring."""
    doc = verb.doc
    memo = _memo(doc)
    key = ("subject", verb.i)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(t.i for t in _logical_subject(verb))
    return [doc[i] for i in found]


def _logical_subject(verb: Token) -> list[Token]:
    if _is_passive(verb) and verb.lemma_.lower() in words().stative_passives:
        return _children(verb, "nsubjpass")  # "Israel is opposed to ...": Israel opposes
    if _is_passive(verb):
        agents = slot_tokens(verb, "agent")
        if agents:
            return agents
    else:
        own = _children(verb, "nsubj")
        if own:
            if own[0].lower_ in words().relative_pronouns and verb.dep_ == "relcl":
                return [verb.head, *_member_of(verb.head)]
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
        if head.lower_ == "of" and governor.pos_ in {"NOUN", "PROPN"}:
            accusing = accusing_verb(head, load_lexicon())
            if accusing is not None:
                # "accused rebel fighters of massacring civilians": the parser hung the act
                # on the accused, who is its doer.
                return [governor]
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
    if (
        verb.dep_ in {"acl", "relcl"}
        and head.lemma_.lower() in words().intent_nouns
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        # "expressed readiness to resume talks", "the U.S. commitment to defend Japan" (an
        # infinitive the parser may read as a relative clause)
        return _intent_holders(head)
    if (
        verb.dep_ in {"acl", "relcl"}
        and head.lemma_.lower() in words().effort_nouns
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return _effort_holders(head)
    if verb.dep_ == "relcl":
        return [head, *_member_of(head)]
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"} and verb.tag_ == "VBG":
        # "a declaration demanding ...": the issuer of the declaration demands;
        # "militiamen armed with ...", "rebels demanding ...": the noun itself.
        if head.lemma_.lower() in words().statement_nouns and head.head.pos_ in {"VERB", "AUX"}:
            return logical_subject(head.head)
        return [head]
    return []


def _intent_holders(noun: Token) -> list[Token]:
    """Who holds the intent an intent noun carries to its infinitive.

    Rule: the noun's owner ("Turkey's offer to mediate", "the U.S. commitment to defend
    Japan"), then the subject of the verb that governs it when that verb states its
    subject's own intent (``intent_noun_hosts``: "X expressed readiness to resume talks",
    "X had no plans to hold talks", "X reaffirmed its commitment to ..."); any other governor
    ("Iran rejected the plan to impose sanctions", "welcomed the offer to mediate") holds no
    intent of its own."""
    owners = [
        c
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ in {"compound", "amod"} and c.pos_ in {"PROPN", "ADJ"})
    ]
    # A possessive pronoun ("its commitment") stands for the host's subject: named first.
    pronouns = [c for c in owners if c.pos_ == "PRON"]
    named = [c for c in owners if c.pos_ != "PRON"]
    governor = noun.head
    if (
        governor != noun
        and governor.pos_ in {"VERB", "AUX"}
        and load_lexicon().lemma(governor) in words().intent_noun_hosts
    ):
        return named + logical_subject(governor) + pronouns
    return named + pronouns


def _member_of(group: Token) -> list[Token]:
    """Who a copula places in the group a relative clause describes: "Meles Zenawi was among
    several leaders who asked the Council ...", "Japan is one of the countries that ...":
    the copula's subject is one of the doers (after the group itself)."""
    prep = group.head
    if group.dep_ != "pobj" or prep.dep_ != "prep":
        return []
    copula = prep.head
    if prep.lower_ == "of" and copula.lower_ in words().membership_heads:
        if copula.dep_ != "attr":
            return []
        copula = copula.head  # "is one of the countries that ..."
    elif prep.lower_ not in words().membership_preps:
        return []
    if copula.lemma_.lower() != "be":
        return []
    return _children(copula, "nsubj")


MAX_ADJUNCT_CLIMB = 3


def _effort_holders(noun: Token) -> list[Token]:
    """Who pursues the aim of a campaign noun ("the campaign to force X to resign").

    Rule: the noun's owner ("the opposition's campaign to ..."), else the subject of an
    agent light verb taking it as object ("launched a campaign to ..."), else the subject of
    the clause the noun's phrase is an adjunct of, through at most
    :data:`MAX_ADJUNCT_CLIMB` prepositional phrases ("clogged roads as part of a campaign
    to ...", "brought Bangkok to a halt in the campaign to ..."); another governor
    ("condemned the campaign to ...") pursues nothing."""
    owners = [
        c
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ in {"compound", "amod"} and c.pos_ in {"PROPN", "ADJ"})
    ]
    lexicon = load_lexicon()
    node = noun
    for _ in range(MAX_ADJUNCT_CLIMB):
        governor = node.head
        if node.dep_ == "dobj" and governor.pos_ in {"VERB", "AUX"}:
            if lexicon.lemma(governor) in lexicon.agent_light_verbs:
                return owners + logical_subject(governor)
            return owners
        if node.dep_ != "pobj" or governor.dep_ != "prep":
            return owners
        holder = governor.head
        if holder.pos_ in {"VERB", "AUX"}:
            return owners + logical_subject(holder)
        node = holder
    return owners


def _gathering_purpose(verb: Token) -> bool:
    """An infinitive giving the purpose of a gathering: "a rally in Lagos to protest"."""
    return (
        verb.dep_ in {"relcl", "acl"}
        and verb.head.lemma_.lower() in words().gathering_nouns
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.dep_ in {"pobj", "dobj", "attr"}
    )


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


def subject_token(verb: Token) -> Token | None:
    """The subject token of a reporting/denying verb (re-exported for the pipeline)."""
    return subject_of(verb)
