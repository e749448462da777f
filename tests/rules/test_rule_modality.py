"""Modality scope on hand-built parses (fast: no model): what a demand, an obligation, a
possibility modal and a coordinated clause do to the acts they govern."""

from __future__ import annotations

from geokg.extract.drafts import apply_mode
from geokg.extract.lexicon import load_lexicon
from geokg.extract.modality import Mode, assess
from geokg.ontology import load_ontology

DEMAND = """
China China PROPN NNP nsubj 1
demanded demand VERB VBD ROOT 1
that that SCONJ IN mark 4
Japan Japan PROPN NNP nsubj 4
impose impose VERB VB ccomp 1
sanctions sanction NOUN NNS dobj 4
. . PUNCT . punct 1
"""


def test_the_content_of_a_demand_is_not_asserted(parse):
    doc = parse(DEMAND)
    assert assess(doc[4], load_lexicon()).hypothetical
    assert not assess(doc[1], load_lexicon()).hypothetical  # the demand itself is


def test_the_content_of_a_report_is_asserted(parse):
    doc = parse(
        DEMAND.replace("demanded demand", "said say").replace("impose impose", "imposed impose")
    )
    modality = assess(doc[4], load_lexicon())
    assert not modality.hypothetical
    assert modality.asserter is not None and modality.asserter.text == "China"


APPEAL = """
France France PROPN NNP nsubj 1
called call VERB VBD ROOT 1
on on ADP IN prep 1
Morocco Morocco PROPN NNP pobj 2
to to PART TO aux 5
hold hold VERB VB xcomp 1
talks talk NOUN NNS dobj 5
. . PUNCT . punct 1
"""


def test_the_infinitive_of_an_appeal_is_not_asserted(parse):
    assert assess(parse(APPEAL)[5], load_lexicon()).hypothetical
    # "wants to hold talks" is an intent, not a demand's content.
    wants = parse(
        APPEAL.replace("called call", "wants want").replace(
            "on on ADP IN prep 1", "so so ADV RB advmod 1"
        )
    )
    modality = assess(wants[5], load_lexicon())
    assert not modality.hypothetical and modality.mode == Mode.INTENT


DEMAND_NOUN = """
Kenya Kenya PROPN NNP nsubj 1
rejected reject VERB VBD ROOT 1
the the DET DT det 3
demand demand NOUN NN dobj 1
that that SCONJ IN mark 6
Uganda Uganda PROPN NNP nsubj 6
withdraw withdraw VERB VB acl 3
. . PUNCT . punct 1
"""


def test_the_content_clause_of_a_demand_noun_is_not_asserted(parse):
    assert assess(parse(DEMAND_NOUN)[6], load_lexicon()).hypothetical
    report = parse(DEMAND_NOUN.replace("demand demand", "report report"))
    assert not assess(report[6], load_lexicon()).hypothetical


OBLIGATION = """
Egypt Egypt PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Israel Israel PROPN NNP nsubj 4
must must AUX MD aux 4
withdraw withdraw VERB VB ccomp 1
. . PUNCT . punct 1
"""


def test_a_clause_of_obligation_is_not_asserted(parse):
    assert assess(parse(OBLIGATION)[4], load_lexicon()).hypothetical
    future = assess(parse(OBLIGATION.replace("must must", "will will"))[4], load_lexicon())
    assert not future.hypothetical and future.mode == Mode.INTENT


COORDINATED = """
Iran Iran PROPN NNP nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
attend attend VERB VB ROOT 3
talks talk NOUN NNS dobj 3
but but CCONJ CC cc 3
Iraq Iraq PROPN NNP nsubj 7
met meet VERB VBD conj 3
Saudis Saudis PROPN NNPS dobj 7
. . PUNCT . punct 3
"""


def test_a_conjunct_with_its_own_subject_keeps_its_own_negation(parse):
    doc = parse(COORDINATED)
    assert assess(doc[3], load_lexicon()).negated
    assert not assess(doc[7], load_lexicon()).negated
    future = parse(
        COORDINATED.replace("did do AUX VBD", "will will AUX MD").replace(
            "not not PART RB neg 3", "then then ADV RB advmod 3"
        )
    )
    assert assess(future[3], load_lexicon()).mode == Mode.INTENT
    assert assess(future[7], load_lexicon()).mode == Mode.ACT


def test_a_conjunct_sharing_the_subject_shares_the_negation(parse):
    shared = COORDINATED.replace("Iraq Iraq PROPN NNP nsubj 7", "also also ADV RB advmod 7")
    assert assess(parse(shared)[7], load_lexicon()).negated


POSSIBLE = """
Washington Washington PROPN NNP nsubj 2
could could AUX MD aux 2
impose impose VERB VB ROOT 2
sanctions sanction NOUN NNS dobj 2
. . PUNCT . punct 2
"""


def test_a_possibility_modal_makes_a_coercive_act_a_threat(parse):
    ontology = load_ontology()
    modality = assess(parse(POSSIBLE)[2], load_lexicon())
    assert modality.potential
    assert apply_mode("imposesSanctionsOn", modality, ontology) == "threatensSanctionsAgainst"
    # A cooperative act that could happen stays the (hedged) act, not a promise.
    assert apply_mode("providesAidTo", modality, ontology) == "providesAidTo"


def test_a_possibility_in_the_past_is_a_hedged_act(parse):
    past = POSSIBLE.replace(
        "impose impose VERB VB ROOT 2", "have have AUX VB aux 3\nimposed impose VERB VBN ROOT 3"
    ).replace("sanctions sanction NOUN NNS dobj 2", "sanctions sanction NOUN NNS dobj 3")
    past = past.replace(
        "Washington Washington PROPN NNP nsubj 2", "Washington Washington PROPN NNP nsubj 3"
    )
    past = past.replace("could could AUX MD aux 2", "could could AUX MD aux 3").replace(
        ". . PUNCT . punct 2", ". . PUNCT . punct 3"
    )
    doc = parse(past)
    assert doc[3].text == "imposed"
    modality = assess(doc[3], load_lexicon())
    assert not modality.potential and modality.hedge < 1.0
    assert apply_mode("imposesSanctionsOn", modality, load_ontology()) == "imposesSanctionsOn"


def _drafts_of(doc, context):
    from geokg.extract.drafts import candidate_drafts
    from geokg.extract.rules.frames import frame_rule

    sentence_context = context(doc)
    candidates = list(frame_rule(doc[:], sentence_context))
    return sorted(
        {
            (d.subject.id, d.relation, d.object.id, d.negated)
            for c in candidates
            for d in candidate_drafts(c, doc[:], sentence_context)
        }
    )


RULED_OUT = """
Greece Greece PROPN NNP nsubj 3
has have AUX VBZ aux 3
not not PART RB neg 3
ruled rule VERB VBN ROOT 3
out out ADP RP prt 3
talks talk NOUN NNS dobj 3
with with ADP IN prep 5
Turkey Turkey PROPN NNP pobj 6
. . PUNCT . punct 3
"""
STATES = {"Greece": "GRC", "Turkey": "TUR", "Israel": "ISR", "Iran": "IRN"}


def test_an_act_not_ruled_out_is_no_rejection(parse, context):
    assert _drafts_of(parse(RULED_OUT, STATES), context) == []
    ruled_out = parse(
        RULED_OUT.replace("not not PART RB neg 3", "firmly firmly ADV RB advmod 3"), STATES
    )
    assert _drafts_of(ruled_out, context) == [("GRC", "rejects", "TUR", False)]


def test_a_coercive_act_not_ruled_out_is_a_threat(parse, context):
    strikes = (
        RULED_OUT.replace("Greece Greece", "Israel Israel")
        .replace("talks talk", "strikes strike")
        .replace("with with ADP IN prep 5", "on on ADP IN prep 5")
        .replace("Turkey Turkey", "Iran Iran")
    )
    ((subject, relation, obj, negated),) = _drafts_of(parse(strikes, STATES), context)
    assert (subject, obj, negated) == ("ISR", "IRN", False)
    assert load_ontology().relation(relation).cameo_root == "13"


BACKGROUND = """
A a DET DT det 1
war war NOUN NN nsubj 7
between between ADP IN prep 1
India India PROPN NNP pobj 2
and and CCONJ CC cc 3
Pakistan Pakistan PROPN NNP conj 3
would would AUX MD aux 7
be be AUX VB ROOT 7
catastrophic catastrophic ADJ JJ acomp 7
. . PUNCT . punct 7
"""


def test_an_event_noun_under_would_is_no_threat(parse, context):
    states = {"India": "IND", "Pakistan": "PAK"}
    assert _drafts_of(parse(BACKGROUND, states), context) == []
    # In the past, the war noun is a fact of its own.
    past = parse(BACKGROUND.replace("would would AUX MD aux 7", "had have AUX VBD aux 7"), states)
    assert ("IND", "fightsWith", "PAK", False) in _drafts_of(past, context)


SCHEDULED = """
Talks talk NOUN NNS nsubjpass 6
between between ADP IN prep 0
Serbia Serbia PROPN NNP pobj 1
and and CCONJ CC cc 2
Kosovo Kosovo PROPN NNP conj 2
are be AUX VBP auxpass 6
scheduled schedule VERB VBN ROOT 6
. . PUNCT . punct 6
"""


def test_an_event_noun_still_to_come_is_an_intent(parse, context):
    states = {"Serbia": "SRB", "Kosovo": "XKX"}
    roots = {
        load_ontology().relation(r).cameo_root
        for _, r, _, _ in _drafts_of(parse(SCHEDULED, states), context)
    }
    assert roots == {"03"}
    held = parse(
        SCHEDULED.replace("scheduled schedule", "held hold").replace(
            "are be AUX VBP", "were be AUX VBD"
        ),
        states,
    )
    roots = {load_ontology().relation(r).cameo_root for _, r, _, _ in _drafts_of(held, context)}
    assert roots == {"04"}


FIRST_TO = """
Obama Obama PROPN NNP nsubj 2
will will AUX MD aux 2
be be AUX VB ROOT 2
the the DET DT det 5
first first ADJ JJ amod 5
president president NOUN NN attr 2
to to PART TO aux 7
visit visit VERB VB relcl 5
Cambodia Cambodia PROPN NNP dobj 7
. . PUNCT . punct 2
"""


def test_the_infinitive_of_a_copulas_attribute_takes_its_tense(parse):
    assert assess(parse(FIRST_TO)[7], load_lexicon()).mode == Mode.INTENT
    past = parse(FIRST_TO.replace("will will AUX MD aux 2", "then then ADV RB advmod 2"))
    assert assess(past[7], load_lexicon()).mode == Mode.ACT


NO_PLANS = """
Afghanistan Afghanistan PROPN NNP nsubj 1
has have VERB VBZ ROOT 1
no no DET DT det 3
plans plan NOUN NNS dobj 1
to to PART TO aux 5
hold hold VERB VB acl 3
talks talk NOUN NNS dobj 5
. . PUNCT . punct 1
"""


def test_no_plans_to_act_is_a_negated_intent(parse):
    modality = assess(parse(NO_PLANS)[5], load_lexicon())
    assert (modality.mode, modality.negated) == (Mode.INTENT, True)
    some = assess(parse(NO_PLANS.replace("no no DET DT", "new new ADJ JJ"))[5], load_lexicon())
    assert (some.mode, some.negated) == (Mode.INTENT, False)


NOTHING_TO = """
Korea Korea PROPN NNP nsubj 1
does do VERB VBZ ROOT 1
nothing nothing PRON NN dobj 1
to to PART TO aux 4
help help VERB VB relcl 2
Iran Iran PROPN NNP dobj 4
. . PUNCT . punct 1
"""


def test_doing_nothing_to_help_is_no_help(parse):
    assert assess(parse(NOTHING_TO)[4], load_lexicon()).hypothetical
    much = parse(NOTHING_TO.replace("nothing nothing PRON NN", "much much ADJ JJ"))
    assert not assess(much[4], load_lexicon()).hypothetical


TERMS = """
terms term NOUN NNS ROOT 0
under under ADP IN prep 5
which which PRON WDT pobj 1
troops troop NOUN NNS nsubj 5
would would AUX MD aux 5
remain remain VERB VB relcl 0
. . PUNCT . punct 0
"""


def test_what_terms_would_have_happen_is_not_asserted(parse):
    assert assess(parse(TERMS)[5], load_lexicon()).hypothetical
    past = parse(TERMS.replace("would would AUX MD aux 5", "then then ADV RB advmod 5"))
    assert not assess(past[5], load_lexicon()).hypothetical
    visit = parse(TERMS.replace("terms term", "visit visit"))
    assert not assess(visit[5], load_lexicon()).hypothetical


ACCUSED_THEN_DENIED = """
Washington Washington PROPN NNP nsubj 1
accused accuse VERB VBD ccomp 5
Moscow Moscow PROPN NNP dobj 1
; ; PUNCT : punct 5
it it PRON PRP nsubj 5
denied deny VERB VBD ROOT 5
this this PRON DT dobj 5
. . PUNCT . punct 5
"""


def test_no_denial_crosses_a_semicolon(parse):
    """'Washington accused Moscow; it denied this', parsed with the first clause as the
    complement of "denied": the accusation is not denied."""
    assert not assess(parse(ACCUSED_THEN_DENIED)[1], load_lexicon()).negated
    # negative case: the same parse with a comma is a fronted complement ("X did Y, Z denied")
    comma = ACCUSED_THEN_DENIED.replace("; ; PUNCT : punct", ", , PUNCT , punct")
    assert assess(parse(comma)[1], load_lexicon()).negated


EXPECTS_OTHERS = """
Mbeki Mbeki PROPN NNP nsubj 1
expects expect VERB VBZ ROOT 1
the the DET DT det 3
countries country NOUN NNS nsubj 5
to to PART TO aux 5
agree agree VERB VB ccomp 1
. . PUNCT . punct 1
"""
EXPECTS_OWN = """
Sudan Sudan PROPN NNP nsubj 1
expects expect VERB VBZ ROOT 1
to to PART TO aux 3
sign sign VERB VB xcomp 1
a a DET DT det 5
deal deal NOUN NN dobj 3
. . PUNCT . punct 1
"""


def test_what_one_expects_of_others_is_a_prediction_not_a_fact(parse):
    assert assess(parse(EXPECTS_OTHERS)[5], load_lexicon()).hypothetical
    own = assess(parse(EXPECTS_OWN)[3], load_lexicon())
    assert (own.hypothetical, own.mode) == (False, Mode.INTENT)
