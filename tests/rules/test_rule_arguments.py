"""In-sentence argument mechanisms of the frames family on hand-built parses (fast: no
model): event nouns in adjunct phrases, reciprocal subjects, nested event nouns."""

from __future__ import annotations

from rulehelpers import frame_pairs

from geokg.extract.rules.frames import frame_rule

AFTER_MEETING = """
Russia Russia PROPN NNP nsubj 1
spoke speak VERB VBD ROOT 1
after after ADP IN prep 1
a a DET DT det 4
meeting meeting NOUN NN pobj 2
with with ADP IN prep 4
Iran Iran PROPN NNP pobj 5
. . PUNCT . punct 1
"""


def test_an_event_noun_in_an_adjunct_phrase_is_done_by_the_clause_subject(parse, context):
    doc = parse(AFTER_MEETING, {"Russia": "RUS", "Iran": "IRN"})
    assert frame_pairs(doc, context) == [("meetsWith", "RUS", "IRN")]


AFTER_DAYS_OF_TALKS = """
Sudan Sudan PROPN NNP nsubj 3
and and CCONJ CC cc 0
Chad Chad PROPN NNP conj 0
left leave VERB VBD ROOT 3
after after ADP IN prep 3
four four NUM CD nummod 6
days day NOUN NNS pobj 4
of of ADP IN prep 6
talks talk NOUN NNS pobj 7
. . PUNCT . punct 3
"""


def test_a_measure_of_time_leads_to_the_event_and_a_pair_splits(parse, context):
    doc = parse(AFTER_DAYS_OF_TALKS, {"Sudan": "SDN", "Chad": "TCD"})
    assert frame_pairs(doc, context) == [("negotiatesWith", "SDN", "TCD")]


AFTER_INVASION = """
After after ADP IN prep 5
the the DET DT det 2
invasion invasion NOUN NN pobj 0
of of ADP IN prep 2
Ukraine Ukraine PROPN NNP pobj 3
Britain Britain PROPN NNP nsubj 6
spoke speak VERB VBD ROOT 6
. . PUNCT . punct 6
"""


def test_an_adjunct_act_of_one_side_is_not_done_by_the_clause_subject(parse, context):
    # "After the invasion of Ukraine, Britain spoke": Britain is no invader.
    doc = parse(AFTER_INVASION, {"Ukraine": "UKR", "Britain": "GBR"})
    assert frame_pairs(doc, context) == []


AFTER_TALKS_BETWEEN = """
Britain Britain PROPN NNP nsubj 1
spoke speak VERB VBD ROOT 1
after after ADP IN prep 1
talks talk NOUN NNS pobj 2
between between ADP IN prep 3
Iran Iran PROPN NNP pobj 4
and and CCONJ CC cc 5
Iraq Iraq PROPN NNP conj 5
. . PUNCT . punct 1
"""


def test_an_adjunct_event_naming_its_sides_keeps_them(parse, context):
    doc = parse(AFTER_TALKS_BETWEEN, {"Britain": "GBR", "Iran": "IRN", "Iraq": "IRQ"})
    assert frame_pairs(doc, context) == [("negotiatesWith", "IRN", "IRQ")]


IN_MEETING = """
Russia Russia PROPN NNP nsubj 1
spoke speak VERB VBD ROOT 1
in in ADP IN prep 1
a a DET DT det 4
meeting meeting NOUN NN pobj 2
with with ADP IN prep 4
Iran Iran PROPN NNP pobj 5
. . PUNCT . punct 1
"""


def test_only_listed_adjunct_prepositions_carry_the_subject(parse, context):
    # "in" is not listed ("killed in clashes with rebels" is no clash by the killed).
    doc = parse(IN_MEETING, {"Russia": "RUS", "Iran": "IRN"})
    assert frame_pairs(doc, context) == []


AGREED = """
Chad Chad PROPN NNP nsubj 3
and and CCONJ CC cc 0
Sudan Sudan PROPN NNP conj 0
agreed agree VERB VBD ROOT 3
to to PART TO aux 5
wait wait VERB VB xcomp 3
. . PUNCT . punct 3
"""


def test_a_plural_subject_of_a_mutual_verb_acts_toward_each_other(parse, context):
    doc = parse(AGREED, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == [
        ("expressesIntentToCooperateWith", "SDN", "TCD"),
        ("expressesIntentToCooperateWith", "TCD", "SDN"),
    ]


def test_a_single_subject_of_a_mutual_verb_gives_nothing(parse, context):
    doc = parse(AGREED, {"Chad": "TCD"})
    assert frame_pairs(doc, context) == []


OWN_SIDE = """
Chad Chad PROPN NNP nsubj 4
and and CCONJ CC cc 0
its its PRON PRP$ poss 3
army army NOUN NN conj 0
agreed agree VERB VBD ROOT 4
. . PUNCT . punct 4
"""


def test_a_side_named_as_anothers_own_is_not_a_second_side(parse, context):
    doc = parse(OWN_SIDE, {"Chad": "TCD", "army": ("SDN", "name")})
    assert frame_pairs(doc, context) == []


EACH_OTHER = """
Armenia Armenia PROPN NNP nsubj 3
and and CCONJ CC cc 0
Azerbaijan Azerbaijan PROPN NNP conj 0
accused accuse VERB VBD ROOT 3
each each DET DT det 5
other other ADJ JJ dobj 3
. . PUNCT . punct 3
"""


def test_each_other_as_object_gives_both_directions_for_any_frame(parse, context):
    doc = parse(EACH_OTHER, {"Armenia": "ARM", "Azerbaijan": "AZE"})
    assert frame_pairs(doc, context) == [("accuses", "ARM", "AZE"), ("accuses", "AZE", "ARM")]


ACCUSED_OTHER = """
Armenia Armenia PROPN NNP nsubj 3
and and CCONJ CC cc 0
Azerbaijan Azerbaijan PROPN NNP conj 0
accused accuse VERB VBD ROOT 3
other other ADJ JJ amod 5
states state NOUN NNS dobj 3
. . PUNCT . punct 3
"""


def test_other_without_each_is_no_reciprocal(parse, context):
    doc = parse(ACCUSED_OTHER, {"Armenia": "ARM", "Azerbaijan": "AZE"})
    assert frame_pairs(doc, context) == []


CONDEMNED_INVASION = """
Britain Britain PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
Russia Russia PROPN NNP poss 4
's 's PART POS case 2
invasion invasion NOUN NN dobj 1
of of ADP IN prep 4
Ukraine Ukraine PROPN NNP pobj 5
. . PUNCT . punct 1
"""


def test_an_object_event_naming_its_doer_and_victim_is_an_event_too(parse, context):
    doc = parse(CONDEMNED_INVASION, {"Britain": "GBR", "Russia": "RUS", "Ukraine": "UKR"})
    assert ("invades", "RUS", "UKR") in frame_pairs(doc, context)


def test_an_object_event_with_a_pronoun_doer_is_the_verbs_own(parse, context):
    table = CONDEMNED_INVASION.replace("Russia Russia PROPN NNP poss", "its its PRON PRP$ poss")
    table = table.replace("'s 's PART POS case 2", "own own ADJ JJ amod 4")
    doc = parse(table, {"Britain": "GBR", "Ukraine": "UKR"})
    assert not [t for t in frame_pairs(doc, context) if t[0] == "invades"]


CONDEMNED_BY = """
Britain Britain PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
the the DET DT det 3
invasion invasion NOUN NN dobj 1
of of ADP IN prep 3
Ukraine Ukraine PROPN NNP pobj 4
by by ADP IN prep 1
Russia Russia PROPN NNP pobj 6
. . PUNCT . punct 1
"""


def test_a_by_phrase_hung_on_the_active_verb_is_the_object_events_doer(parse, context):
    doc = parse(CONDEMNED_BY, {"Britain": "GBR", "Russia": "RUS", "Ukraine": "UKR"})
    assert ("invades", "RUS", "UKR") in frame_pairs(doc, context)


BY_MEANS = """
Britain Britain PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
the the DET DT det 3
invasion invasion NOUN NN dobj 1
of of ADP IN prep 3
Ukraine Ukraine PROPN NNP pobj 4
by by ADP IN prep 1
calling call VERB VBG pcomp 6
Russia Russia PROPN NNP dobj 7
. . PUNCT . punct 1
"""


def test_a_by_phrase_of_means_names_no_doer(parse, context):
    # "condemned the invasion of Ukraine by calling Russia": Russia is no invader here.
    doc = parse(BY_MEANS, {"Britain": "GBR", "Russia": "RUS", "Ukraine": "UKR"})
    assert not [t for t in frame_pairs(doc, context) if t[0] == "invades"]


THERE_WERE_CLASHES = """
There there PRON EX expl 1
were be VERB VBD ROOT 1
clashes clash NOUN NNS attr 1
between between ADP IN prep 1
Ethiopian ethiopian ADJ JJ amod 5
troops troop NOUN NNS pobj 3
and and CCONJ CC cc 5
Eritrean eritrean ADJ JJ amod 8
forces force NOUN NNS conj 5
. . PUNCT . punct 1
"""


def test_an_existential_clause_lends_its_prepositions_to_its_noun(parse, context):
    actors = {"Ethiopian": ("ETH", "demonym"), "Eritrean": ("ERI", "demonym")}
    doc = parse(THERE_WERE_CLASHES, actors)
    assert frame_pairs(doc, context) == [("fightsWith", "ETH", "ERI")]


def test_a_copula_without_expletive_lends_nothing(parse, context):
    # "Clashes were between ...": no "there", the preposition is the copula's own.
    table = THERE_WERE_CLASHES.replace("There there PRON EX expl 1", "Then then ADV RB advmod 1")
    actors = {"Ethiopian": ("ETH", "demonym"), "Eritrean": ("ERI", "demonym")}
    doc = parse(table, actors)
    assert frame_pairs(doc, context) == []


OFFENSIVE_BY = """
The the DET DT det 1
offensive offensive NOUN NN nsubj 6
by by ADP IN prep 1
rebels rebel NOUN NNS pobj 2
against against ADP IN prep 3
Syria Syria PROPN NNP pobj 4
continued continue VERB VBD ROOT 6
. . PUNCT . punct 6
"""


def test_a_victim_hung_on_the_doers_phrase_is_the_events(parse, context):
    doc = parse(OFFENSIVE_BY, {"rebels": ("isis", "name"), "Syria": "SYR"})
    assert frame_pairs(doc, context) == [("attacks", "isis", "SYR")]


WITHDREW = """
Chad Chad PROPN NNP nsubj 1
withdrew withdraw VERB VBD ROOT 1
its its PRON PRP$ poss 3
workers worker NOUN NNS dobj 1
from from ADP IN prep 1
Sudan Sudan PROPN NNP pobj 4
. . PUNCT . punct 1
"""


def test_an_item_class_mapped_to_null_rules_the_frame_out(parse, context):
    # "Chad withdrew its workers from Sudan": workers are no forces.
    doc = parse(WITHDREW, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == []


def test_other_items_keep_the_frame(parse, context):
    doc = parse(WITHDREW.replace("workers worker", "troops troop"), {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == [("withdrawsForcesFrom", "TCD", "SDN")]


def test_a_ruled_out_class_beside_another_class_keeps_the_frame():
    from geokg.extract.lexicon import load_lexicon

    (frame,) = [f for f in load_lexicon().verbs["withdraw"] if f.relation == "withdrawsForcesFrom"]
    assert frame.relation_for(frozenset({"migrants"})) is None
    assert frame.relation_for(frozenset({"migrants", "peacekeepers"})) == "reducesRelationsWith"
    assert frame.relation_for(frozenset()) == "withdrawsForcesFrom"


LIFTED_SOME_OF = """
Chad Chad PROPN NNP nsubj 1
lifted lift VERB VBD ROOT 1
some some PRON DT dobj 1
of of ADP IN prep 2
the the DET DT det 5
sanctions sanction NOUN NNS pobj 3
on on ADP IN prep 5
Sudan Sudan PROPN NNP pobj 6
. . PUNCT . punct 1
"""


def test_a_measure_under_an_undo_word_is_undone_never_imposed(parse, context):
    doc = parse(LIFTED_SOME_OF, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == [("easesSanctionsOn", "TCD", "SDN")]


def test_a_phrasal_undo_verb_undoes_its_object(parse, context):
    table = LIFTED_SOME_OF.replace("lifted lift VERB VBD ROOT 1", "rolled roll VERB VBD ROOT 1")
    table = table.replace("some some PRON DT dobj 1", "back back ADP RP prt 1")
    table = table.replace(
        "sanctions sanction NOUN NNS pobj 3", "sanctions sanction NOUN NNS dobj 1"
    )
    table = table.replace("of of ADP IN prep 2", "all all DET DT det 5")
    doc = parse(table, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == [("easesSanctionsOn", "TCD", "SDN")]


SANCTIONS_CONTINUED = """
Chad Chad PROPN NNP poss 2
's 's PART POS case 0
sanctions sanction NOUN NNS nsubj 5
on on ADP IN prep 2
Sudan Sudan PROPN NNP pobj 3
continued continue VERB VBD ROOT 5
. . PUNCT . punct 5
"""


def test_a_measure_under_another_word_is_imposed(parse, context):
    doc = parse(SANCTIONS_CONTINUED, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == [("imposesSanctionsOn", "TCD", "SDN")]


def test_an_adjunct_event_is_presupposed_against_the_clauses_negation(parse, context):
    doc = parse(AFTER_MEETING, {"Russia": "RUS", "Iran": "IRN"})
    (candidate,) = list(frame_rule(doc[:], context(doc)))
    assert candidate.negation_is_act
    doc = parse(AFTER_TALKS_BETWEEN, {"Britain": "GBR", "Iran": "IRN", "Iraq": "IRQ"})
    (candidate,) = list(frame_rule(doc[:], context(doc)))
    assert not candidate.negation_is_act


ANTI_RALLY = """
Chinese chinese ADJ JJ amod 1
protesters protester NOUN NNS nsubj 2
staged stage VERB VBD ROOT 2
an an DET DT det 7
anti anti ADJ JJ amod 7
- - PUNCT HYPH punct 6
Japan Japan PROPN NNP compound 7
rally rally NOUN NN dobj 2
. . PUNCT . punct 2
"""


def test_an_anti_modifier_is_the_events_target_never_its_doer(parse, context):
    doc = parse(ANTI_RALLY, {"Chinese": ("CHN", "demonym"), "Japan": "JPN"})
    tuples = frame_pairs(doc, context)
    assert ("demonstratesAgainst", "CHN", "JPN") in tuples
    assert not [t for t in tuples if t[1] == "JPN"]


def test_a_pro_modifier_names_neither_side(parse, context):
    table = ANTI_RALLY.replace("anti anti ADJ", "pro pro ADJ")
    doc = parse(table, {"Chinese": ("CHN", "demonym"), "Japan": "JPN"})
    assert not [t for t in frame_pairs(doc, context) if "JPN" in t]


CONDEMNED_ANTI = """
Vietnam Vietnam PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
the the DET DT det 6
anti anti ADJ JJ amod 6
- - PUNCT HYPH punct 5
China China PROPN NNP compound 6
riots riot NOUN NNS dobj 1
. . PUNCT . punct 1
"""


def test_an_anti_modifier_is_not_the_owner_of_a_criticised_event(parse, context):
    doc = parse(CONDEMNED_ANTI, {"Vietnam": "VNM", "China": "CHN"})
    assert ("criticises", "VNM", "CHN") not in frame_pairs(doc, context)
    table = CONDEMNED_ANTI.replace("anti anti ADJ JJ amod 6", "the the DET DT det 6")
    table = table.replace("- - PUNCT HYPH punct 5", "new new ADJ JJ amod 6")
    doc = parse(table, {"Vietnam": "VNM", "China": "CHN"})
    assert ("criticises", "VNM", "CHN") in frame_pairs(doc, context)


HELD_PROTESTS = """
Students student NOUN NNS nsubj 1
held hold VERB VBD ROOT 1
protests protest NOUN NNS dobj 1
in in ADP IN prep 1
Chad Chad PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def test_holding_an_event_is_no_detention(parse, context):
    doc = parse(HELD_PROTESTS, {"Chad": "TCD"})
    assert not [t for t in frame_pairs(doc, context) if t[0] == "arrests"]


def test_holding_people_is_detention(parse, context):
    table = HELD_PROTESTS.replace("Students student NOUN NNS", "Sudan Sudan PROPN NNP")
    table = table.replace("protests protest NOUN NNS", "students student NOUN NNS")
    doc = parse(table, {"Chad": "TCD", "Sudan": "SDN"})
    assert [t for t in frame_pairs(doc, context) if t[0] == "arrests"]


SANCTIONS_RELATED = """
Chad Chad PROPN NNP nsubj 1
announced announce VERB VBD ROOT 1
sanctions sanction NOUN NNS dobj 1
related relate VERB VBN acl 2
to to ADP IN prep 3
the the DET DT det 7
Sudan Sudan PROPN NNP compound 7
conflict conflict NOUN NN pobj 4
. . PUNCT . punct 1
"""


def test_a_measure_takes_its_target_from_its_own_clause(parse, context):
    doc = parse(SANCTIONS_RELATED, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == [("imposesSanctionsOn", "TCD", "SDN")]


def test_a_non_measure_takes_no_target_from_its_clause(parse, context):
    table = SANCTIONS_RELATED.replace("sanctions sanction NOUN NNS", "talks talk NOUN NNS")
    doc = parse(table, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == []


ROUNDS_OF = """
Chad Chad PROPN NNP nsubj 1
imposed impose VERB VBD ROOT 1
several several ADJ JJ amod 3
rounds round NOUN NNS dobj 1
of of ADP IN prep 3
sanctions sanction NOUN NNS pobj 4
on on ADP IN prep 5
Sudan Sudan PROPN NNP pobj 6
. . PUNCT . punct 1
"""


def test_a_portion_carries_its_event_for_the_light_verb(parse, context):
    doc = parse(ROUNDS_OF, {"Chad": "TCD", "Sudan": "SDN"})
    assert frame_pairs(doc, context) == [("imposesSanctionsOn", "TCD", "SDN")]


def test_a_noun_that_is_no_portion_carries_nothing(parse, context):
    table = ROUNDS_OF.replace("rounds round NOUN NNS", "critics critic NOUN NNS")
    doc = parse(table, {"Chad": "TCD", "Sudan": "SDN"})
    assert ("imposesSanctionsOn", "TCD", "SDN") not in frame_pairs(doc, context)


MEDIATED_TALKS = """
AU AU PROPN NNP npadvmod 2
- - PUNCT HYPH punct 2
mediated mediate VERB VBN amod 3
talks talk NOUN NNS nsubj 8
between between ADP IN prep 3
Sudan Sudan PROPN NNP pobj 4
and and CCONJ CC cc 5
Chad Chad PROPN NNP conj 5
resumed resume VERB VBD ROOT 8
. . PUNCT . punct 8
"""


def test_a_hyphenated_doer_of_a_participle_acts_on_the_event_it_modifies(parse, context):
    doc = parse(MEDIATED_TALKS, {"AU": "african_union", "Sudan": "SDN", "Chad": "TCD"})
    tuples = frame_pairs(doc, context)
    assert ("mediatesFor", "african_union", "SDN") in tuples
    assert ("mediatesFor", "african_union", "TCD") in tuples


def test_a_participle_on_a_noun_naming_no_event_gives_nothing(parse, context):
    table = MEDIATED_TALKS.replace("talks talk NOUN NNS", "rebels rebel NOUN NNS")
    doc = parse(table, {"AU": "african_union", "Sudan": "SDN", "Chad": "TCD"})
    assert not [t for t in frame_pairs(doc, context) if t[0] == "mediatesFor"]


IN_CAIRO_FOR_TALKS = """
Russia Russia PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
in in ADP IN prep 1
Cairo Cairo PROPN NNP pobj 2
for for ADP IN prep 1
truce truce NOUN NN compound 6
talks talk NOUN NNS pobj 4
with with ADP IN prep 6
Egypt Egypt PROPN NNP pobj 7
. . PUNCT . punct 1
"""


def test_a_presence_for_talks_takes_part_in_them(parse, context):
    states = {"Russia": "RUS", "Egypt": "EGY", "Iran": "IRN"}
    doc = parse(IN_CAIRO_FOR_TALKS, states)
    # the talks, not the truce they discuss
    assert frame_pairs(doc, context) == [("negotiatesWith", "RUS", "EGY")]
    # "criticised Egypt for talks with Iran": no presence, no part in the talks
    criticised = parse(
        IN_CAIRO_FOR_TALKS.replace("is be AUX VBZ", "criticised criticise VERB VBD")
        .replace("Egypt Egypt", "Iran Iran")
        .replace("Cairo Cairo PROPN NNP pobj 2", "Egypt Egypt PROPN NNP pobj 2"),
        states,
    )
    assert ("negotiatesWith", "RUS", "IRN") not in frame_pairs(criticised, context)
    # a pronoun subject is too weak a link
    pronoun = parse(
        IN_CAIRO_FOR_TALKS.replace("Russia Russia PROPN NNP", "They they PRON PRP"), states
    )
    assert frame_pairs(pronoun, context) == []
