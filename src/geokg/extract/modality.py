"""Modality: how a predicate is asserted (negated, reported, hedged, intended, hypothetical).

:func:`assess` walks from the predicate up through the clauses that embed it:

* negation ("not", "never", "n't", "no longer") on the predicate or on a control verb;
* control verbs through ``xcomp`` ("wants to deepen", "threatened to invade", "refused to
  meet") set the *mode*: ``intent``, ``threat``, ``refuse``, ``attempt`` or stay ``act``;
* future auxiliaries ("will supply", "would allow") make an act an ``intent``;
* conditionals: a clause introduced by "if"/"unless" is ``hypothetical`` (no fact), and so is a
  present-tense clause under "until"/"before"/"once" ("fight until the troops withdraw"), an
  embedded question ("unclear whether", "decide whether to"), an inverted condition ("Should
  Serbia attack ..."), the clause of "unlikely"/"unclear" and of "no evidence that"; a clause
  that carries such a condition is a conditional promise or threat (``intent``/``threat``),
  and records the subordinator (``condition``) and whether a possibility modal ("may",
  "might", "could") weakens it (``possible``): "If China blockades the shoal, Manila may ask
  Washington ..." is speculation, not a promise (the pipeline drops such cooperative acts);
* the content of a demand or an appeal ("demanded that Japan impose sanctions", "called on
  Morocco to hold talks", "the demand that ...") and a clause of obligation ("Israel must
  withdraw") state what someone wants done, not a fact: ``hypothetical``; so is the
  infinitive of "does nothing/little to" ("does nothing to help X"), and a relative or
  content clause of terms or assurances in a hypothetical modal ("terms under which troops
  would remain");
* a possibility modal with no perfect ("could impose sanctions", "may recall its ambassador";
  not "may have supplied") makes the act ``potential``: a coercive act held out (a threat);
* an infinitive relative of a copula's attribute takes the copula's tense ("will be the
  first U.S. president to visit Cambodia": an intent); "no" on a noun of intent negates
  its act ("has no plans to hold talks");
* a conjunct with its own subject is a clause of its own: the negation, future, hedges and
  control verbs of the clause it is coordinated with do not reach it ("Iran did not attend
  the talks, but Iraq met Saudi officials"); reporting, denial and conditions above both do;
* accusation ("has been accused of supplying", "allegedly", "suspected") lowers confidence;
* denial ("X denied supplying", "claiming that Iran hadn't supplied", "rumours that X had
  shelled ... were denied by Y") negates the act and attributes it to the denier; rumours and
  speculation lower confidence;
* reporting verbs ("X said/told/claimed that ...", "according to X") attribute the fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Token

from geokg.extract.lexicon import Control, Lexicon, words

HEDGE_DEPS = frozenset({"advmod", "aux", "amod", "acomp"})
# The slot of a that-clause's subject (see geokg.extract.lexicon).
THAT_CLAUSE_SUBJECT = "ccomp-subj"
# Roles only a noun phrase fills (a head there is a noun whatever its tag says).
NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr"})


class Mode(StrEnum):
    """How a predicate's act is stated: done, intended, threatened, refused or attempted."""

    ACT = "act"
    INTENT = "intent"
    THREAT = "threat"
    REFUSE = "refuse"
    ATTEMPT = "attempt"


@dataclass
class Modality:
    """The result of :func:`assess` for one predicate."""

    negated: bool = False
    mode: Mode = Mode.ACT
    hedge: float = 1.0
    accused: bool = False
    conditional: bool = False
    condition: str | None = None
    possible: bool = False
    hypothetical: bool = False
    # A possibility modal with no perfect: "could impose sanctions" (not "may have supplied").
    potential: bool = False
    asserter: Token | None = None
    denier: Token | None = None
    instrument: Token | None = None
    # The lemma of the control verb that set the mode ("offered to send" -> "offer").
    controller: str | None = None
    chain: list[Token] = field(default_factory=list)


def _is_negated(token: Token, lexicon: Lexicon) -> bool:
    """A negation on ``token``: "not", "never", "no longer", or "no" on a noun of intent
    governing the act ("has no plans to hold talks")."""
    if token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in lexicon.negation for c in token.children
    ):
        return True
    for child in token.children:
        if child.dep_ == "neg" or (
            child.dep_ in {"advmod", "neg", "preconj"} and child.lower_ in lexicon.negation
        ):
            # "not only ... but also" is emphasis, not negation.
            if child.i + 1 < len(token.doc) and token.doc[child.i + 1].lower_ == "only":
                continue
            return True
        if (
            child.dep_ == "advmod"
            and child.lower_ == "longer"
            and (
                any(g.lower_ == "no" for g in child.children)
                or (child.i > 0 and token.doc[child.i - 1].lower_ == "no")
            )
        ):
            return True
    return False


def _hedge(token: Token, lexicon: Lexicon) -> float:
    factor = 1.0
    for child in token.children:
        if child.dep_ in HEDGE_DEPS and child.lower_ in lexicon.hedges:
            factor = min(factor, lexicon.hedges[child.lower_])
    return factor


def _is_future(token: Token, lexicon: Lexicon) -> bool:
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in lexicon.future:
            return True
        if child.dep_ == "aux" and child.lower_ == "going":
            return True
    # "is going to supply": supply is xcomp of going
    head = token.head
    return token.dep_ == "xcomp" and head.lower_ == "going"


def _has_possibility_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words().possibility_modals for c in token.children)


def _is_potential(token: Token) -> bool:
    """'could impose sanctions', 'may recall its ambassador': a possibility modal with no
    perfect after it ("may have supplied" is a hedged past act)."""
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"} and c.i < token.i]
    return any(a.lower_ in words().possibility_modals for a in auxiliaries) and not any(
        a.lemma_.lower() == "have" for a in auxiliaries
    )


def _demanded(node: Token, lexicon: Lexicon) -> bool:
    """A clause that says what someone wants done: the clause of an obligation modal
    ("Israel must withdraw", "Somalia should halt attacks"), or the complement of a demand or
    an appeal: a verb ("demanded that Japan impose ...", "called on Morocco to hold talks",
    "pushed for the US to support ...") or a noun ("the demand that ... be released") with a
    frame of a demanding relation."""
    if any(c.dep_ == "aux" and c.lower_ in words().obligation_modals for c in node.children):
        return True
    head = node.head
    if head == node:
        return False
    if head.pos_ in {"NOUN", "PROPN"}:
        if not _content_clause(node):
            return False
        frames = lexicon.nouns.get(head.lemma_.lower(), ())
    elif node.dep_ in {"ccomp", "xcomp"} or (node.dep_ == "advcl" and _complement_of(node)):
        frames = lexicon.verbs.get(lexicon.lemma(head), ())
        if node.dep_ == "xcomp":
            # "hopes to resume talks": a verb that appeals only through a that-clause ("hope
            # that X ...") asks nothing of its own infinitive (an intent).
            frames = tuple(f for f in frames if set(f.object) != {THAT_CLAUSE_SUBJECT})
    else:
        return False
    return any(frame.relation in words().demanding_relations for frame in frames)


def _terms(clause: Token) -> bool:
    """'terms under which 10,000 U.S. troops would remain in Afghanistan', 'assurances that
    U.S. forces would not raid Afghan homes': a relative or content clause of a noun of terms,
    drafts or assurances, in a hypothetical modal, tells what is proposed, not a fact (in
    the indicative it is one: "the deal under which Iran released the prisoners")."""
    head = clause.head
    return (
        clause.dep_ in {"relcl", "acl", "ccomp"}
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in words().terms_nouns
        and any(
            c.dep_ == "aux" and c.lower_ in words().hypothetical_modals for c in clause.children
        )
    )


def _done_for_nothing(clause: Token) -> bool:
    """'the test does nothing to help North Korea', 'did little to weaken Iran': the
    infinitive of "do nothing/little" is an act not done."""
    head = clause.head
    return (
        clause.dep_ in {"relcl", "acl", "advcl", "xcomp"}
        and head.lower_ in words().null_objects
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() == "do"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def _complement_of(clause: Token) -> bool:
    """An adverbial clause the parser made of a complement: "for X to ...", "that ...", or an
    infinitive ("calls on North Korea to comply")."""
    return any(
        (c.dep_ == "mark" and c.lower_ in words().complement_marks)
        or (c.dep_ == "aux" and c.lower_ == "to")
        for c in clause.children
    )


# A semicolon ends a sentence in all but name: what stands on one side of it is never the
# complement, condition or scope of a verb on the other side.
CLAUSE_SEPARATOR = ";"


def _beyond_semicolon(node: Token, head: Token) -> bool:
    """'The US accused Russia of arming rebels; Moscow denied the accusation': the parser
    may hang the first clause under "denied" as its complement, but a semicolon between a
    clause and its head makes them two statements (no negation, denial, future or
    condition crosses it)."""
    doc = node.doc
    if node.i < head.i:
        between = doc[node.right_edge.i + 1 : head.i]
    else:
        between = doc[head.i + 1 : node.left_edge.i]
    return any(t.text == CLAUSE_SEPARATOR for t in between)


def _own_clause(conjunct: Token) -> bool:
    """A conjunct with a subject of its own ("..., but Iraq met Saudi officials")."""
    return conjunct.dep_ == "conj" and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in conjunct.children
    )


def _condition_mark(token: Token, lexicon: Lexicon) -> str | None:
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in lexicon.conditional:
            return child.lower_
    return None


PRESENT_TAGS = frozenset({"VBP", "VBZ"})


def _pending_clause(token: Token) -> bool:
    """An adverbial clause under "until"/"before"/"once" in the present tense: an event
    awaited, not one that took place ("until they gain control", "until sanctions are
    lifted"); past tense ("until the troops withdrew") tells what happened."""
    if token.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in words().pending_marks for c in token.children
    ):
        return False
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    tensed = auxiliaries[0] if auxiliaries else token
    return tensed.tag_ in PRESENT_TAGS


def _not_asserted(node: Token, lexicon: Lexicon) -> bool:
    """A clause that states no fact: a condition, an awaited event, an embedded question,
    an inverted condition, the clause of "unlikely"/"unclear" or of "no evidence that"."""
    return (
        (_condition_mark(node, lexicon) is not None and node.dep_ == "advcl")
        or _pending_clause(node)
        or _embedded_question(node)
        or _inverted_condition(node)
        or _unsupported_claim(node)
        or (node.dep_ in {"xcomp", "ccomp"} and node.head.lower_ in words().nonfactual_heads)
        or _demanded(node, lexicon)
        or _done_for_nothing(node)
        or _terms(node)
        or _predicted(node)
    )


def _predicted(clause: Token) -> bool:
    """'he expects the two countries to agree on a date', 'expects the talks to be held': an
    infinitive with a subject of its own (or the predicting verb's object) under a verb of
    prediction tells what someone expects of others, not a fact nor their intent ("Sudan
    expects to sign a deal" is Sudan's own intent)."""
    head = clause.head
    if clause.dep_ not in {"ccomp", "xcomp"} or head.lemma_.lower() not in words().prediction_verbs:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children) or any(
        c.dep_ == "dobj" for c in head.children
    )


def _content_clause(token: Token) -> bool:
    """'reports that Eritrea had sent troops': the clause a noun's content ("that" is often
    parsed as a relative clause's mark)."""
    if token.dep_ in {"acl", "ccomp"}:
        return True
    return token.dep_ == "relcl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def _embedded_question(token: Token) -> bool:
    """'unclear whether China will send troops', 'has not decided whether to sell jets',
    'asked if Iran had supplied': an embedded question asserts nothing."""
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    if "whether" in marks:
        return True
    return "if" in marks and token.dep_ in {"ccomp", "xcomp"}


def _inverted_condition(token: Token) -> bool:
    """'Should Serbia attack Kosovo, NATO would respond': an adverbial clause opened by an
    auxiliary before its subject is a condition."""
    if token.dep_ not in {"advcl", "ccomp"}:
        return False
    first = token.left_edge
    if first.i > 0 and token.doc[first.i - 1].text != ",":
        return False  # the clause must open the sentence or follow a comma
    subjects = [c.i for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return (
        bool(subjects)
        and first.dep_ in {"aux", "auxpass"}
        and first.head == token
        and first.lower_ in words().inverted_condition_aux
        and first.i < subjects[0]
    )


def _unsupported_claim(token: Token) -> bool:
    """'There is no evidence that Iran supplied ...': the clause of a negated evidence noun."""
    head = token.head
    if token.dep_ not in {"acl", "ccomp"} or head.lemma_.lower() not in words().unsupported_nouns:
        return False
    return any(c.dep_ == "det" and c.lower_ == "no" for c in head.children) or any(
        c.dep_ == "neg" for c in head.head.children
    )


def _carries_condition(token: Token, lexicon: Lexicon) -> str | None:
    for child in token.children:
        if child.dep_ == "advcl":
            mark = _condition_mark(child, lexicon)
            if mark is not None:
                return mark
    return None


def accusing_verb(prep: Token, lexicon: Lexicon) -> Token | None:
    """The accusation verb an "of" phrase names the alleged act of, or ``None``.

    Rule: the phrase hangs on the accusation verb ("accused Russia of arming rebels"), or
    the parser hung it on the accused noun, the verb's direct object ("accused rebel
    fighters of massacring civilians": of -> fighters -> accused); either way the gerund
    is the alleged act. An "of" phrase of any other noun ("the killing of rebels of the
    north", "accused the leaders of two groups") names no act: its verb is no gerund, and
    a noun that is no object of an accusation verb gives nothing."""
    governor = prep.head
    if lexicon.lemma(governor) in lexicon.accusation:
        return governor
    if (
        governor.dep_ == "dobj"
        and governor.pos_ in {"NOUN", "PROPN"}
        and lexicon.lemma(governor.head) in lexicon.accusation
    ):
        return governor.head
    return None


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a clause head, climbing conj/xcomp/participial chains."""
    for _ in range(8):
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if verb.dep_ in {"conj", "xcomp", "advcl", "pcomp"} and verb.head != verb:
            verb = verb.head
            continue
        return None
    return None


def assess(predicate: Token, lexicon: Lexicon) -> Modality:
    """Walk up from ``predicate`` collecting negation, mode, hedges and attribution."""
    result = Modality()
    node = predicate
    first = True
    # False above a conjunct with its own subject, until a report verb: that clause's
    # negation, future, hedges, conditions and control verbs are not the conjunct's.
    local = True
    for _ in range(12):
        result.chain.append(node)
        if local and _is_negated(node, lexicon):
            result.negated = not result.negated
        if local:
            result.hedge = min(result.hedge, _hedge(node, lexicon))
            result.potential = result.potential or _is_potential(node)
        if _not_asserted(node, lexicon):
            result.hypothetical = True
            return result
        if _content_clause(node) and node.head.lemma_.lower() in words().rumour_nouns:
            rumour = node.head
            denial = rumour.head
            if rumour.dep_ == "nsubjpass" and lexicon.lemma(denial) in lexicon.denial:
                # "Rumours that Pakistan had shelled ... were denied by Islamabad"
                result.negated = not result.negated
                result.denier = next(
                    (p for a in denial.children if a.dep_ == "agent" for p in a.children), None
                )
                return result
            if rumour.lemma_.lower() in words().hedged_rumours:
                result.hedge = min(result.hedge, 0.6)
        carried = _carries_condition(node, lexicon) if local else None
        if carried is not None:
            result.conditional = True
            result.condition = result.condition or carried
            if _has_possibility_modal(node):
                result.possible = True
            if carried == "unless" and result.mode == Mode.ACT:
                result.mode = Mode.THREAT
        if local and _is_future(node, lexicon) and result.mode == Mode.ACT:
            result.mode = Mode.INTENT
        if first and lexicon.lemma(node) in lexicon.hedges:
            result.hedge = min(result.hedge, lexicon.hedges[lexicon.lemma(node)])
        first = False
        head = node.head
        if head == node or _beyond_semicolon(node, head):
            break
        if _own_clause(node) and head.pos_ in {"VERB", "AUX"}:
            local = False
            node = head
            continue
        head_lemma = lexicon.lemma(head)
        # "expressed readiness to resume talks": an intent noun controls its infinitive.
        if local and node.dep_ == "xcomp" and head_lemma in words().negating_control:
            result.negated = not result.negated
            node = head
            continue
        controlled = (
            node.dep_ == "xcomp"
            # "renewed vows to crush X": a noun, even one the tagger calls a verb; "the
            # commitment to defend Japan" parsed as an infinitival relative clause.
            or (
                (node.dep_ == "acl" or (node.dep_ == "relcl" and _to_infinitive(node)))
                and (head.pos_ == "NOUN" or head.dep_ in NOMINAL_DEPS)
            )
            # "threatened on Monday to expel": parsed as advcl; "refused food to demand"
            # is a purpose clause, not a control complement.
            or (_infinitive_clause(node) and not any(c.dep_ == "dobj" for c in head.children))
        )
        if controlled and head_lemma in lexicon.control:
            control = lexicon.control[head_lemma]
            if control == Control.TRANSPARENT and head_lemma == "use":
                result.instrument = next(
                    (c for c in head.children if c.dep_ == "dobj"), result.instrument
                )
            if local and control != Control.TRANSPARENT and result.mode == Mode.ACT:
                result.mode = Mode(control)
                result.controller = head_lemma
            elif local and control == Control.ATTEMPT:
                result.hedge = min(result.hedge, 0.75)
            node = head
            continue
        if node.dep_ in {"xcomp", "ccomp", "pcomp", "advcl", "conj"} and head_lemma in (
            lexicon.control
        ):
            # "continues to", "is trying to", participial "using X to"
            control = lexicon.control[head_lemma]
            if control == Control.TRANSPARENT and head_lemma == "use":
                result.instrument = next(
                    (c for c in head.children if c.dep_ == "dobj"), result.instrument
                )
            node = head
            continue
        if node.dep_ in {"pcomp", "pobj"} and head.dep_ == "prep" and head.lower_ == "of":
            governor = accusing_verb(head, lexicon) or head.head
            if lexicon.lemma(governor) in lexicon.accusation:
                result.accused = True
                result.hedge = min(result.hedge, 0.8)
                node = governor
                continue
        if node.dep_ in {"ccomp", "xcomp", "pcomp"} and head_lemma in lexicon.denial:
            if lexicon.lemma(predicate) in lexicon.accusation and _trailing_denial(
                node, head, lexicon
            ):
                break  # "X was accused of Y, an allegation Z denies": the accusation stands
            result.negated = not result.negated
            result.denier = subject_of(head)
            return result
        if node.dep_ in {"ccomp", "parataxis"} and head_lemma in lexicon.report:
            result.asserter = subject_of(head)
            local = True
            if head_lemma in {"allege", "claim"}:
                result.hedge = min(result.hedge, 0.85)
            node = head
            # Keep climbing only to find a denial/condition around the report.
            continue
        if node.dep_ in {"conj"} and head.pos_ in {"VERB", "AUX"}:
            if _is_future(head, lexicon) and result.mode == Mode.ACT:
                result.mode = Mode.INTENT
            node = head
            continue
        if node.dep_ == "advcl" and node.tag_ in {"VBG", "VBN"}:
            node = _matrix_of_participle(node, lexicon)
            continue
        if _infinitive_clause(node):
            # A purpose clause shares the mode of the act it serves: "offered to send
            # instructors to train the army" is an offer to train.
            node = head
            continue
        if _attribute_infinitive(node):
            # "Obama will be the first U.S. president to visit Cambodia": the infinitive
            # takes the tense of the copula its noun is the attribute of.
            node = head.head
            continue
        if node.dep_ in {"acomp", "xcomp"} and head_lemma in {"be"}:
            node = head
            continue
        if (
            node.dep_ in {"dobj", "attr"}
            and node.lemma_.lower() in words().intent_nouns
            and head_lemma in words().intent_noun_hosts
        ):
            # "did not express readiness to ...", "said it had plans to ...", "assurances
            # ... that America express a commitment to ...": the host's clause is the
            # intent's.
            node = head
            continue
        break
    if result.asserter is None:
        result.asserter = _according_to(predicate)
    return result


def _attribute_infinitive(token: Token) -> bool:
    """'(will be) the first president to visit X': an infinitive relative clause of a
    copula's attribute."""
    return (
        token.dep_ in {"acl", "relcl"}
        and token.head.dep_ == "attr"
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < token.i for c in token.children)
    )


def _infinitive_clause(token: Token) -> bool:
    """'to expel the mission', 'to train the army': an adverbial clause in the infinitive."""
    return token.dep_ == "advcl" and _to_infinitive(token)


def _to_infinitive(token: Token) -> bool:
    """A verb with its infinitive marker ("to defend")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < token.i for c in token.children)


def _matrix_of_participle(participle: Token, lexicon: Lexicon) -> Token:
    """The clause a participle set off by a comma comments on: "agreed to reinstate
    parliament, giving in to weeks of protests" tells that the king gave in, whatever he
    agreed to do; the parser hangs the participle on the infinitive, so skip the infinitives
    of control verbs up to their governor (without taking their mode)."""
    node = participle.head
    left = participle.left_edge.i
    if left == 0 or participle.doc[left - 1].text != ",":
        return node
    while node.dep_ == "xcomp" and lexicon.lemma(node.head) in lexicon.control:
        node = node.head
    return node


def _trailing_denial(clause: Token, denial: Token, lexicon: Lexicon) -> bool:
    """'<clause>, an allegation/a charge Z denies': a denial that follows the clause after a
    comma and names an allegation denies what is alleged, not that someone alleged it (the
    parser often makes the clause its complement)."""
    if clause.i > denial.i:
        return False
    comma_seen = False
    for token in denial.doc[clause.i + 1 : denial.i]:
        comma_seen = comma_seen or token.text == ","
        if comma_seen and lexicon.lemma(token) in lexicon.denial_objects:
            return True
    return False


def _according_to(token: Token) -> Token | None:
    for candidate in token.sent:
        if candidate.lower_ == "according":
            for prep in candidate.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return pobj
            nxt = candidate.doc[candidate.i + 1 : candidate.i + 3]
            if len(nxt) == 2 and nxt[0].lower_ == "to":
                return nxt[1]
    return None
