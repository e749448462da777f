"""The evaluations family on hand-built parses (fast: no model): praise, criticism and
appeals carried by what a speaker says about an actor or its act."""

from __future__ import annotations

import pytest

from geokg.extract.events import EventMention
from geokg.extract.lexicon import Frame
from geokg.extract.rules import Candidate, History
from geokg.extract.rules.evaluations import evaluation_rule
from geokg.model import Actor, ActorType

ACTORS = {
    "Beijing": "CHN",
    "Vietnam": "VNM",
    "Washington": "USA",
    "Turkey": "TUR",
    "Iran": "IRN",
    "Thailand": "THA",
    "Moscow": "RUS",
    "Ukraine": "UKR",
    "Kyiv": "UKR",
    "Kabul": "AFG",
    "Khartoum": "SDN",
    "Juba": "SSD",
    "Tokyo": "JPN",
    "Taipei": "TWN",
    "Russia": "RUS",
}

CLAIM_RIDICULOUS = """
Beijing Beijing PROPN NNP nsubj 1
says say VERB VBZ ROOT 1
Vietnam Vietnam PROPN NNP poss 4
's 's PART POS case 2
claim claim NOUN NN nsubj 5
is be AUX VBZ ccomp 1
ridiculous ridiculous ADJ JJ acomp 5
. . PUNCT . punct 1
"""

ACTIONS_APPROPRIATE = """
Washington Washington PROPN NNP nsubj 1
said say VERB VBD ROOT 1
the the DET DT det 3
actions action NOUN NNS nsubj 6
by by ADP IN prep 3
Turkey Turkey PROPN NNP pobj 4
were be AUX VBD ccomp 1
appropriate appropriate ADJ JJ acomp 6
. . PUNCT . punct 1
"""

CALLED_PROVOCATIVE = """
Washington Washington PROPN NNP nsubj 1
called call VERB VBD ROOT 1
Iran Iran PROPN NNP poss 4
's 's PART POS case 2
test test NOUN NN dobj 1
provocative provocative ADJ JJ oprd 1
. . PUNCT . punct 1
"""

IMPORTANT_THAT = """
Washington Washington PROPN NNP nsubj 1
said say VERB VBD ROOT 1
it it PRON PRP nsubj 3
is be AUX VBZ ccomp 1
important important ADJ JJ acomp 3
that that SCONJ IN mark 7
Thailand Thailand PROPN NNP nsubj 7
end end VERB VBP ccomp 3
the the DET DT det 9
coup coup NOUN NN dobj 7
. . PUNCT . punct 1
"""

NOT_A_THREAT = """
Beijing Beijing PROPN NNP nsubj 1
says say VERB VBZ ROOT 1
Vietnam Vietnam PROPN NNP poss 4
's 's PART POS case 2
claim claim NOUN NN nsubj 5
is be AUX VBZ ccomp 1
not not PART RB neg 5
a a DET DT det 8
threat threat NOUN NN attr 5
. . PUNCT . punct 1
"""

WEATHER_RIDICULOUS = """
Beijing Beijing PROPN NNP nsubj 1
says say VERB VBZ ROOT 1
the the DET DT det 3
weather weather NOUN NN nsubj 4
is be AUX VBZ ccomp 1
ridiculous ridiculous ADJ JJ acomp 4
. . PUNCT . punct 1
"""

TALKS_CONSTRUCTIVE = """
Moscow Moscow PROPN NNP nsubj 1
described describe VERB VBD ROOT 1
the the DET DT det 5
Ukraine Ukraine PROPN NNP compound 5
peace peace NOUN NN compound 5
talks talk NOUN NNS dobj 1
as as ADP IN prep 1
constructive constructive ADJ JJ amod 6
. . PUNCT . punct 1
"""

OWN_CLAIM = """
Beijing Beijing PROPN NNP nsubj 1
says say VERB VBZ ROOT 1
its its PRON PRP$ poss 3
claim claim NOUN NN nsubj 4
is be AUX VBZ ccomp 1
ridiculous ridiculous ADJ JJ acomp 4
. . PUNCT . punct 1
"""

NOT_ACCEPTABLE = """
Moscow Moscow PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Kyiv Kyiv PROPN NNP poss 4
's 's PART POS case 2
proposal proposal NOUN NN nsubj 5
was be AUX VBD ccomp 1
not not PART RB neg 5
acceptable acceptable ADJ JJ acomp 5
. . PUNCT . punct 1
"""

READY = """
Beijing Beijing PROPN NNP nsubj 1
says say VERB VBZ ROOT 1
Vietnam Vietnam PROPN NNP nsubj 3
is be AUX VBZ ccomp 1
ready ready ADJ JJ acomp 3
. . PUNCT . punct 1
"""

DECISION_UNDERMINES = """
Kabul Kabul PROPN NNP nsubj 1
said say VERB VBD ROOT 1
the the DET DT det 3
decision decision NOUN NN nsubj 4
undermines undermine VERB VBZ ccomp 1
the the DET DT det 6
government government NOUN NN dobj 4
. . PUNCT . punct 1
"""

WRONG_APPROACH = """
Khartoum Khartoum PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Juba Juba PROPN NNP nsubj 4
had have AUX VBD aux 4
taken take VERB VBN ccomp 1
the the DET DT det 7
wrong wrong ADJ JJ amod 7
approach approach NOUN NN dobj 4
. . PUNCT . punct 1
"""

FACES_THREAT = """
Tokyo Tokyo PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Taipei Taipei PROPN NNP nsubj 3
faces face VERB VBZ ccomp 1
a a DET DT det 6
growing grow VERB VBG amod 6
threat threat NOUN NN dobj 3
. . PUNCT . punct 1
"""

MADE_CLEAR = """
Washington Washington PROPN NNP nsubj 1
made make VERB VBD ROOT 1
clear clear ADJ JJ ccomp 1
that that SCONJ IN mark 7
Russia Russia PROPN NNP poss 6
's 's PART POS case 4
annexation annexation NOUN NN nsubj 7
was be AUX VBD ccomp 1
illegal illegal ADJ JJ acomp 7
. . PUNCT . punct 1
"""

# "Washington made sure that ...": no clarity complement, no statement.
MADE_SURE = MADE_CLEAR.replace("clear clear ADJ", "sure sure ADJ")

USA = Actor("USA", "United States", ActorType.STATE, "USA")


def _found(parse, context, table, **fields):
    doc = parse(table, ACTORS)
    return [
        (
            [s.actor.country or s.actor.id for s in c.subjects],
            c.relation,
            [o.actor.country or o.actor.id for o in c.objects],
        )
        for c in evaluation_rule(doc[:], context(doc, **fields))
    ]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (CLAIM_RIDICULOUS, (["CHN"], "criticises", ["VNM"])),  # X's act is ridiculous
        (ACTIONS_APPROPRIATE, (["USA"], "praises", ["TUR"])),  # the acts by X
        (CALLED_PROVOCATIVE, (["USA"], "criticises", ["IRN"])),  # called X's test Y
        (IMPORTANT_THAT, (["USA"], "appealsTo", ["THA"])),  # it is important that X ...
        (NOT_ACCEPTABLE, (["RUS"], "criticises", ["UKR"])),  # a negated positive word
        (WRONG_APPROACH, (["SDN"], "criticises", ["SSD"])),  # an evaluative object modifier
        (MADE_CLEAR, (["USA"], "criticises", ["RUS"])),  # "made clear that" states
    ],
)
def test_an_evaluation_targets_the_evaluated_actor(parse, context, table, expected):
    assert _found(parse, context, table) == [expected]


@pytest.mark.parametrize(
    "table",
    [
        NOT_A_THREAT,  # a negated negative word says nothing
        WEATHER_RIDICULOUS,  # nobody owns the weather
        TALKS_CONSTRUCTIVE,  # talks are no single side's act
        OWN_CLAIM,  # the speaker's own claim
        READY,  # "ready" is no evaluation
        FACES_THREAT,  # a threat faced is no evaluation of who faces it
        MADE_SURE,  # "made sure that" states nothing
    ],
)
def test_no_evaluation_without_an_evaluative_word_and_another_owner(parse, context, table):
    assert _found(parse, context, table) == []


def test_an_unowned_event_noun_is_its_earlier_authors(parse, context):
    """'the decision undermines ...': whoever decided, by event coreference; without an
    earlier event, nobody."""
    assert _found(parse, context, DECISION_UNDERMINES) == []
    earlier = EventMention(-100, 0, frozenset({"decision"}), (USA,), frozenset({"decide"}))
    found = _found(parse, context, DECISION_UNDERMINES, history=History([], [earlier], []))
    assert found == [(["AFG"], "criticises", ["USA"])]


def test_an_object_modifier_does_not_evaluate_a_verb_read_as_an_act(parse, context):
    """'X said Y launched an illegal invasion': the invasion rule has the verb; the modifier
    is not read again as an evaluation."""
    doc = parse(WRONG_APPROACH, ACTORS)
    made = context(doc)
    frame = Frame("take", "VERB", "occupies", (), ())
    made.candidates.append(Candidate(doc[4], doc[4], frame, "occupies", (), (), None, 1.0))
    assert list(evaluation_rule(doc[:], made)) == []
