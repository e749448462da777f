"""Owned event nouns as event mentions (event coreference) on hand-built parses (fast).

Rule: an event noun whose phrase names its author (possessor, actor modifier, "by" phrase)
is an event mention of that author, so a later unowned noun of the same class under a
reaction refers to it; a possessor of a patient-prone noun ("Navalny's arrest") is no
author unless the noun has an "of" object, and a naming verb with an object tells no event.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from geokg.extract.actors import SPAN_KEY
from geokg.extract.events import EventMention, event_lemma, load_event_lexicon, verb_events
from geokg.extract.rules import History
from geokg.extract.rules.reactions import event_mentions, reaction_rule, sentence_reactions
from geokg.model import Actor, ActorType

ACTORS = {
    "Iran": "IRN",
    "Japan": "JPN",
    "Ukraine": "UKR",
    "Navalny": "navalny",
    "Chinese": ("CHN", "demonym"),
}

# "Iran 's test angered Japan ."
OWNED = """
Iran Iran PROPN NNP poss 2
's 's PART POS case 0
test test NOUN NN nsubj 3
angered anger VERB VBD ROOT 3
Japan Japan PROPN NNP dobj 3
. . PUNCT . punct 3
"""

# "Japan condemned the test ."
CONDEMNED = """
Japan Japan PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
the the DET DT det 3
test test NOUN NN dobj 1
. . PUNCT . punct 1
"""


def _mentions(parse, context, table):
    doc = parse(table, ACTORS)
    made = context(doc)
    return [
        (doc[m.token].text, sorted(m.classes), [a.id for a in m.agents])
        for m in event_mentions(doc[:], made.actors)
    ]


def _reacts(parse, context, earlier, reaction=CONDEMNED):
    """Targets of the reaction sentence after ``earlier`` (one sentence before it)."""
    first = earlier.strip().splitlines()
    table = (
        earlier.strip()
        + "\n"
        + "\n".join(
            " ".join([*row.split()[:5], str(int(row.split()[5]) + len(first))])
            for row in reaction.strip().splitlines()
        )
    )
    doc = parse(table, ACTORS, starts=(len(first),))
    one, two = list(doc.sents)
    made = context(doc)
    mentions = event_mentions(one, made.actors)
    made = context(doc, history=History([], mentions, []))
    made.reactions = sentence_reactions(two, made.actors)
    return [
        ([s.actor.id for s in c.subjects], c.relation, [o.actor.id for o in c.objects])
        for c in reaction_rule(two, made)
    ]


def test_an_owned_event_noun_is_a_mention_of_its_author(parse, context):
    assert _mentions(parse, context, OWNED) == [("test", ["missile_test"], ["IRN"])]
    # an actor modifier owns it too: "the Chinese drills"
    drills = OWNED.replace("Iran Iran PROPN NNP poss 2", "Chinese chinese ADJ JJ amod 2")
    drills = drills.replace("test test NOUN NN", "drills drill NOUN NNS")
    assert _mentions(parse, context, drills) == [("drills", ["show_of_force"], ["CHN"])]


def test_a_reaction_to_the_bare_noun_targets_the_owner(parse, context):
    assert _reacts(parse, context, OWNED) == [(["JPN"], "criticises", ["IRN"])]


def test_an_unowned_antecedent_names_nobody(parse, context):
    unowned = OWNED.replace("Iran Iran PROPN NNP poss 2", "The the DET DT det 2")
    unowned = unowned.replace("'s 's PART POS case 0", "first first ADJ JJ amod 2")
    assert _mentions(parse, context, unowned) == []
    assert _reacts(parse, context, unowned) == []


def test_an_owned_noun_of_another_class_is_no_antecedent(parse, context):
    visit = OWNED.replace("test test NOUN NN", "visit visit NOUN NN")
    assert _mentions(parse, context, visit) == [("visit", ["visit"], ["IRN"])]
    assert _reacts(parse, context, visit) == []  # "condemned the test": a visit is no test


def test_the_reacter_is_not_the_author_of_what_it_condemns(parse, context):
    own = OWNED.replace("Iran Iran PROPN", "Japan Japan PROPN")
    assert _reacts(parse, context, own) == []


def test_outside_the_window_only_the_same_word_is_found(parse, context):
    """Mentions older than the window ('older') count only when told with the reaction's
    own word: an old 'launch' is no antecedent of 'the test', an old 'test' is."""
    iran = Actor("IRN", "Iran", ActorType.STATE, "IRN")
    doc = parse(CONDEMNED, ACTORS)
    sentence = doc[:]
    targets = []
    for lemma in ("launch", "test"):
        old = EventMention(-900, 0, frozenset({"missile_test"}), (iran,), frozenset({lemma}))
        made = context(doc, history=History([], [], [old]))
        made.reactions = sentence_reactions(sentence, made.actors)
        targets.append([[o.actor.id for o in c.objects] for c in reaction_rule(sentence, made)])
    assert targets == [[], [["IRN"]]]


def test_a_patient_possessor_is_no_author_without_an_of_object(parse, context):
    arrest = OWNED.replace("Iran Iran PROPN NNP poss 2", "Navalny Navalny PROPN NNP poss 2")
    arrest = arrest.replace("test test NOUN NN", "arrest arrest NOUN NN")
    assert _mentions(parse, context, arrest) == []  # "Navalny's arrest": he underwent it
    # "Iran's seizure of Japan": the possessor did it
    seizure = """
Iran Iran PROPN NNP poss 2
's 's PART POS case 0
seizure seizure NOUN NN ROOT 2
of of ADP IN prep 2
Japan Japan PROPN NNP pobj 3
. . PUNCT . punct 2
"""
    assert _mentions(parse, context, seizure) == [("seizure", ["arrest"], ["IRN"])]


def test_a_naming_verb_with_an_object_tells_no_event(parse, context):
    """'Japan called the test provocative' evaluates an event; 'Japan tested' tells one."""
    called = """
Japan Japan PROPN NNP nsubj 1
called call VERB VBD ROOT 1
the the DET DT det 3
test test NOUN NN dobj 1
provocative provocative ADJ JJ oprd 1
. . PUNCT . punct 1
"""
    doc = parse(called, ACTORS)
    made = context(doc)
    assert event_mentions(doc[:], made.actors) == []
    tested = called.replace("called call VERB", "launched launch VERB")
    doc = parse(tested, ACTORS)
    made = context(doc)
    found = verb_events(doc[:], load_event_lexicon(), lambda verb: ["JPN"])
    assert [sorted(m.classes) for m in found] == [["missile_test"]]


HYPHENATED = [
    ("Ukraine", "Ukraine", "PROPN", "poss", 4, False),
    ("'s", "'s", "PART", "case", 0, True),
    ("cease", "cease", "NOUN", "compound", 4, False),
    ("-", "-", "PUNCT", "punct", 4, False),
    ("fire", "fire", "NOUN", "nsubj", 5, True),
    ("held", "hold", "VERB", "ROOT", 5, False),
    (".", ".", "PUNCT", "punct", 5, False),
]


def _hyphenated(blank, rows):
    doc = Doc(
        blank.vocab,
        words=[r[0] for r in rows],
        spaces=[r[5] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
    )
    doc.spans[SPAN_KEY] = [Span(doc, 0, 1, label="name", kb_id="UKR")]
    return doc


def test_a_hyphenated_event_noun_is_looked_up_whole(blank, context):
    """'Ukraine's cease-fire' (split 'cease', '-', 'fire') is an agreement; 'cease - fire'
    written with spaces, and a bare 'fire', are no event nouns."""
    doc = _hyphenated(blank, HYPHENATED)
    assert event_lemma(doc[4]) == "cease-fire"
    found = event_mentions(doc[:], context(doc).actors)
    assert [(sorted(m.classes), [a.id for a in m.agents]) for m in found] == [
        (["agreement"], ["UKR"])
    ]
    spaced = [(*row[:5], True) for row in HYPHENATED]
    doc = _hyphenated(blank, spaced)
    assert event_lemma(doc[4]) == "fire"
    assert event_mentions(doc[:], context(doc).actors) == []


def test_a_verb_tells_no_event_through_an_owned_object(parse, context):
    """'Japan verified Iran's test': the test is Iran's (a noun mention), not Japan's;
    'Japan verified the test' is still told by the verb (its object names no owner)."""
    owned = """
Japan Japan PROPN NNP nsubj 1
verified verify VERB VBD ROOT 1
Iran Iran PROPN NNP poss 4
's 's PART POS case 2
test test NOUN NN dobj 1
. . PUNCT . punct 1
"""
    assert _mentions(parse, context, owned) == [("test", ["missile_test"], ["IRN"])]
    bare = owned.replace("Iran Iran PROPN NNP poss 4", "the the DET DT det 4")
    bare = bare.replace("'s 's PART POS case 2", "first first ADJ JJ amod 4")
    assert _mentions(parse, context, bare) == [("verified", ["missile_test"], ["JPN"])]


def test_a_negated_verb_tells_no_event(parse, context):
    """'Japan did not launch the test' tells no launch; 'Japan launched the test' does."""
    negated = """
Japan Japan PROPN NNP nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
launch launch VERB VB ROOT 3
the the DET DT det 5
test test NOUN NN dobj 3
. . PUNCT . punct 3
"""
    assert _mentions(parse, context, negated) == []
    told = negated.replace("not not PART RB neg 3", "also also ADV RB advmod 3")
    assert _mentions(parse, context, told) == [("launch", ["missile_test"], ["JPN"])]
