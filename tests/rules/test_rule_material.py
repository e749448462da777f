"""Material acts (CAMEO 15-20) on hand-built parses (fast: no model): the doer of an alleged
act hung on the accused noun, mass killings of noncombatants, and denials of carrying out
an event.

Rules:

* "accused rebel fighters of massacring civilians": when the parser hangs the "of" gerund
  on the accused noun (the accusation verb's direct object), that noun is the gerund's
  doer, as when "of" hangs on the verb; an "of" phrase of any other noun gives no doer;
* killing a multitude ("hundreds", "thousands") of noncombatants (``noncombatants`` in
  ``words.json``) is a mass killing (20); a few people, or a multitude of fighters, is the
  plain attack (19);
* a denial whose gerund is an agent light verb on an event noun ("denied carrying out the
  killings") answers the denier's alleged acts, as "denied any involvement" does.
"""

from __future__ import annotations

from rulehelpers import frame_pairs
from spacy.tokens import Doc, Span

from geokg.extract.actors import SPAN_KEY
from geokg.extract.lexicon import load_lexicon
from geokg.extract.rules.answers import _denies_involvement
from geokg.extract.rules.responses import response_rule

ACCUSED_NOUN_OF = """
Iran Iran PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
Iraqi Iraqi ADJ JJ amod 3
troops troop NOUN NNS dobj 1
of of ADP IN prep 3
attacking attack VERB VBG pcomp 4
Kuwait Kuwait PROPN NNP dobj 5
. . PUNCT . punct 1
"""

PRAISED_NOUN_OF = """
Iran Iran PROPN NNP nsubj 1
praised praise VERB VBD ROOT 1
Iraqi Iraqi ADJ JJ amod 3
troops troop NOUN NNS dobj 1
of of ADP IN prep 3
attacking attack VERB VBG pcomp 4
Kuwait Kuwait PROPN NNP dobj 5
. . PUNCT . punct 1
"""

ACTORS = {"Iran": "IRN", "Iraqi": ("IRQ", "demonym"), "Kuwait": "KWT"}


def test_the_accused_noun_does_the_act_hung_on_it(parse, context):
    doc = parse(ACCUSED_NOUN_OF, ACTORS)
    assert ("attacks", "IRQ", "KWT") in frame_pairs(doc, context)


def test_an_of_gerund_on_the_object_of_another_verb_has_no_doer(parse, context):
    doc = parse(PRAISED_NOUN_OF, ACTORS)
    assert all(relation != "attacks" for relation, _, _ in frame_pairs(doc, context))


def _killing(count: str, tag: str, victims: str) -> str:
    return f"""
Syrian Syrian ADJ JJ amod 1
troops troop NOUN NNS nsubj 2
killed kill VERB VBD ROOT 2
{count} {count.lower().rstrip("s")} {tag} dobj 2
of of ADP IN prep 3
Turkish Turkish ADJ JJ amod 6
{victims} {victims.rstrip("s")} NOUN NNS pobj 4
. . PUNCT . punct 2
"""


KILL_ACTORS = {"Syrian": ("SYR", "demonym"), "Turkish": ("TUR", "demonym")}


def test_killing_hundreds_of_civilians_is_a_mass_killing(parse, context):
    doc = parse(_killing("hundreds", "NOUN NNS", "civilians"), KILL_ACTORS)
    assert frame_pairs(doc, context) == [("commitsMassKillingsAgainst", "SYR", "TUR")]


def test_killing_hundreds_of_fighters_is_an_attack(parse, context):
    doc = parse(_killing("hundreds", "NOUN NNS", "fighters"), KILL_ACTORS)
    assert frame_pairs(doc, context) == [("attacks", "SYR", "TUR")]


def test_killing_a_few_civilians_is_an_attack(parse, context):
    doc = parse(_killing("dozens", "NOUN NNS", "civilians"), KILL_ACTORS)
    assert frame_pairs(doc, context) == [("attacks", "SYR", "TUR")]


def _denial(verb: str, lemma: str, noun: str) -> str:
    return f"""
rebels rebel NOUN NNS nsubj 2
have have AUX VBP aux 2
denied deny VERB VBN ROOT 2
{verb} {lemma} VERB VBG xcomp 2
the the DET DT det 5
{noun} {noun.rstrip("s")} NOUN NNS dobj 3
. . PUNCT . punct 2
"""


def test_denying_carrying_out_an_event_denies_involvement(parse):
    doc = parse(_denial("carrying", "carry", "killings"))
    assert _denies_involvement(doc[2], load_lexicon())


def test_denying_other_gerunds_or_non_events_denies_nothing(parse):
    lexicon = load_lexicon()
    assert not _denies_involvement(parse(_denial("reading", "read", "reports"))[2], lexicon)
    assert not _denies_involvement(parse(_denial("making", "make", "mistakes"))[2], lexicon)


def _entered(noun: str, lemma: str) -> str:
    return f"""
Chinese Chinese ADJ JJ amod 1
ships ship NOUN NNS nsubj 2
entered enter VERB VBD ROOT 2
{noun} {lemma} NOUN NNS dobj 2
near near ADP IN prep 2
Tokyo Tokyo PROPN NNP npadvmod 7
- - PUNCT HYPH punct 7
controlled control VERB VBN amod 8
islands island NOUN NNS pobj 4
. . PUNCT . punct 2
"""


def test_entering_waters_near_another_s_islands_shows_force_to_their_owner(parse, context):
    """The parser hangs "near ..." on the verb: the owner is read there too."""
    actors = {"Chinese": ("CHN", "demonym"), "Tokyo": ("JPN", "capital")}
    assert frame_pairs(parse(_entered("waters", "water"), actors), context) == [
        ("mobilisesAgainst", "CHN", "JPN")
    ]
    # Entering a port is no sovereign space.
    assert frame_pairs(parse(_entered("ports", "port"), actors), context) == []


def _attacked(doer: str, target: str, lemma: str, modifier: str) -> str:
    return f"""
{doer} {doer} PROPN NNP compound 1
militants militant NOUN NNS nsubj 2
attacked attack VERB VBD ROOT 2
Kuwaiti Kuwaiti ADJ JJ amod 5
{modifier} {modifier} ADJ JJ amod 5
{target} {lemma} NOUN NNS dobj 2
. . PUNCT . punct 2
"""


ATTACK_ACTORS = {"Hamas": "hamas", "Iraqi": ("IRQ", "demonym"), "Kuwaiti": ("KWT", "demonym")}


def test_an_armed_group_s_attack_on_civilian_sites_is_an_assault(parse, context):
    doc = parse(_attacked("Hamas", "villages", "village", "border"), ATTACK_ACTORS)
    assert frame_pairs(doc, context) == [("assaults", "hamas", "KWT")]


def test_an_attack_on_bases_or_by_a_state_stays_military_force(parse, context):
    doc = parse(_attacked("Hamas", "bases", "base", "military"), ATTACK_ACTORS)
    assert frame_pairs(doc, context) == [("attacks", "hamas", "KWT")]
    # A state's forces on villages: military force, as PLOVER codes it.
    doc = parse(_attacked("Iraqi", "villages", "village", "border"), ATTACK_ACTORS)
    assert frame_pairs(doc, context) == [("attacks", "IRQ", "KWT")]


CANCEL_PLANS = """
Japan Japan PROPN NNP nsubj 1
canceled cancel VERB VBD ROOT 1
plans plan NOUN NNS dobj 1
to to PART TO aux 4
send send VERB VB acl 2
aid aid NOUN NN dobj 4
to to ADP IN prep 4
China China PROPN NNP pobj 6
. . PUNCT . punct 1
"""

CANCEL_CONJUNCT = """
Japan Japan PROPN NNP nsubj 1
canceled cancel VERB VBD ROOT 1
training training NOUN NN dobj 1
and and CCONJ CC cc 2
exercises exercise NOUN NNS conj 2
with with ADP IN prep 4
China China PROPN NNP pobj 5
. . PUNCT . punct 1
"""

CANCEL_OWN_PLANS = """
Japan Japan PROPN NNP nsubj 1
canceled cancel VERB VBD ROOT 1
plans plan NOUN NNS dobj 1
to to PART TO aux 4
build build VERB VB acl 2
a a DET DT det 6
plant plant NOUN NN dobj 4
. . PUNCT . punct 1
"""


def test_cancelling_a_plan_or_a_conjoined_exchange_with_x_reduces_relations(parse, context):
    actors = {"Japan": "JPN", "China": "CHN"}
    expected = [("reducesRelationsWith", "JPN", "CHN")]
    assert frame_pairs(parse(CANCEL_PLANS, actors), context) == expected
    assert frame_pairs(parse(CANCEL_CONJUNCT, actors), context) == expected
    assert frame_pairs(parse(CANCEL_OWN_PLANS, actors), context) == []


def _buildup(prep: str) -> str:
    return f"""
A a DET DT det 3
Russian Russian ADJ JJ amod 3
military military ADJ JJ amod 3
buildup buildup NOUN NN nsubj 7
{prep} {prep} ADP IN prep 3
Ukraine Ukraine PROPN NNP pobj 4
has have AUX VBZ aux 7
alarmed alarm VERB VBN ROOT 7
Europe Europe PROPN NNP dobj 7
. . PUNCT . punct 7
"""


def test_a_buildup_around_a_state_is_a_show_of_force_against_it(parse, context):
    actors = {"Russian": ("RUS", "demonym"), "Ukraine": "UKR"}
    found = frame_pairs(parse(_buildup("around"), actors), context)
    assert ("mobilisesForcesAgainst", "RUS", "UKR") in found
    found = frame_pairs(parse(_buildup("during"), actors), context)
    assert ("mobilisesForcesAgainst", "RUS", "UKR") not in found


def _exchanged(device: str) -> str:
    return f"""
Vietnamese Vietnamese ADJ JJ amod 1
ships ship NOUN NNS nsubj 2
exchanged exchange VERB VBD ROOT 2
{device} {device} NOUN NN compound 4
fire fire NOUN NN dobj 2
with with ADP IN prep 2
Chinese Chinese ADJ JJ amod 7
vessels vessel NOUN NNS pobj 5
. . PUNCT . punct 2
"""


def test_exchanging_water_cannon_fire_is_coercion_and_gunfire_is_fighting(parse, context):
    actors = {"Vietnamese": ("VNM", "demonym"), "Chinese": ("CHN", "demonym")}
    assert frame_pairs(parse(_exchanged("cannon"), actors), context) == [
        ("usesViolentRepressionAgainst", "VNM", "CHN")
    ]
    assert frame_pairs(parse(_exchanged("artillery"), actors), context) == [
        ("fightsWith", "VNM", "CHN")
    ]


def _removed(people: str, lemma: str) -> str:
    return f"""
Thai Thai ADJ JJ amod 1
police police NOUN NNS nsubj 2
removed remove VERB VBD ROOT 2
Thai Thai ADJ JJ amod 4
{people} {lemma} NOUN NNS dobj 2
from from ADP IN prep 2
the the DET DT det 7
square square NOUN NN pobj 5
. . PUNCT . punct 2
"""


def test_police_removing_protesters_coerce_and_removing_troops_does_not(parse, context):
    actors = {"Thai": ("THA", "demonym")}
    assert frame_pairs(parse(_removed("protesters", "protester"), actors), context) == [
        ("coerces", "THA", "THA")
    ]
    assert all(
        relation != "coerces"
        for relation, _, _ in frame_pairs(parse(_removed("troops", "troop"), actors), context)
    )


def _shelled(origin: str) -> str:
    return f"""
Indian Indian ADJ JJ amod 1
troops troop NOUN NNS nsubjpass 3
were be AUX VBD auxpass 3
shelled shell VERB VBN ROOT 3
from from ADP IN prep 3
the the DET DT det 7
{origin} {origin} ADJ JJ amod 7
side side NOUN NN pobj 4
. . PUNCT . punct 3
"""


def test_an_agentless_violent_passive_is_done_from_where_its_from_phrase_names(parse, context):
    actors = {"Indian": ("IND", "demonym"), "Pakistani": ("PAK", "demonym")}
    assert frame_pairs(parse(_shelled("Pakistani"), actors), context) == [("shells", "PAK", "IND")]
    assert frame_pairs(parse(_shelled("eastern"), actors), context) == []


AUTHORIZED = """
Britain Britain PROPN NNP nsubj 1
authorized authorize VERB VBD ROOT 1
France France PROPN NNP dobj 1
to to PART TO aux 4
arm arm VERB VB xcomp 1
Chad Chad PROPN NNP dobj 4
. . PUNCT . punct 1
"""


def test_the_authorized_actor_does_the_act(parse, context):
    actors = {"Britain": "GBR", "France": "FRA", "Chad": "TCD"}
    found = frame_pairs(parse(AUTHORIZED, actors), context)
    assert ("suppliesMilitaryAidTo", "FRA", "TCD") in found
    assert ("suppliesMilitaryAidTo", "GBR", "TCD") not in found


def _cleared_out(noun: str, lemma: str, modifier: str) -> str:
    return f"""
Kenyan Kenyan ADJ JJ amod 1
troops troop NOUN NNS nsubj 2
cleared clear VERB VBD ROOT 2
out out ADP RP prt 2
{modifier} {modifier} ADJ JJ amod 5
{noun} {lemma} NOUN NNS dobj 2
. . PUNCT . punct 2
"""


def test_clearing_out_an_enemy_force_is_fighting_and_clearing_out_a_place_is_not(parse, context):
    actors = {"Kenyan": ("KEN", "demonym"), "Somali": ("SOM", "demonym")}
    assert frame_pairs(parse(_cleared_out("fighters", "fighter", "Somali"), actors), context) == [
        ("fightsWith", "KEN", "SOM")
    ]
    assert frame_pairs(parse(_cleared_out("offices", "office", "empty"), actors), context) == []


def _staged(doer: str, prep: str) -> str:
    return f"""
{doer} {doer} PROPN NNP nsubj 1
staged stage VERB VBD ROOT 1
attacks attack NOUN NNS dobj 1
{prep} {prep} ADP IN prep 2
Kenya Kenya PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def test_an_armed_group_s_attacks_placed_in_a_state_are_assaults(parse, context):
    actors = {"Hamas": "hamas", "Russia": "RUS", "Kenya": "KEN"}
    assert frame_pairs(parse(_staged("Hamas", "in"), actors), context) == [
        ("assaults", "hamas", "KEN")
    ]
    # A state's attacks in another state are military force.
    assert frame_pairs(parse(_staged("Russia", "in"), actors), context) == [
        ("attacks", "RUS", "KEN")
    ]


def _claimed(site: str) -> str:
    return f"""
Hamas Hamas PROPN NNP nsubj 1
claimed claim VERB VBD ROOT 1
responsibility responsibility NOUN NN dobj 1
for for ADP IN prep 2
the the DET DT det 5
attack attack NOUN NN pobj 3
on on ADP IN prep 5
a a DET DT det 9
Kenyan Kenyan ADJ JJ amod 9
{site} {site} NOUN NN pobj 6
. . PUNCT . punct 1
"""


def test_the_frames_code_a_claimed_attack_on_a_civilian_site_as_an_assault(parse, context):
    actors = {"Hamas": "hamas", "Kenyan": ("KEN", "demonym")}
    found = frame_pairs(parse(_claimed("mall"), actors), context)
    assert found and all(relation == "assaults" for relation, _, _ in found)
    found = frame_pairs(parse(_claimed("base"), actors), context)
    assert found and all(relation == "attacks" for relation, _, _ in found)


def _swap(cue: str) -> str:
    return f"""
A a DET DT det 2
{cue} {cue} NOUN NN compound 2
swap swap NOUN NN nsubj 7
between between ADP IN prep 2
Russia Russia PROPN NNP pobj 3
and and CCONJ CC cc 4
Ukraine Ukraine PROPN NNP conj 4
took take VERB VBD ROOT 7
place place NOUN NN dobj 7
. . PUNCT . punct 7
"""


def test_a_prisoner_swap_between_two_sides_releases_each_to_the_other(parse, context):
    actors = {"Russia": "RUS", "Ukraine": "UKR"}
    assert frame_pairs(parse(_swap("prisoner"), actors), context) == [
        ("releases", "RUS", "UKR"),
        ("releases", "UKR", "RUS"),
    ]
    assert frame_pairs(parse(_swap("land"), actors), context) == []


def _scrambled(doer: str, noun: str, kind: str = "fighter") -> str:
    return f"""
Japan Japan PROPN NNP nsubj 1
scrambled scramble VERB VBD ROOT 1
{kind} {kind} NOUN NN compound 3
{noun} {noun.rstrip("s")} NOUN NNS dobj 1
after after SCONJ IN mark 6
{doer} {doer} PROPN NNP nsubj 6
entered enter VERB VBD advcl 1
airspace airspace NOUN NN dobj 6
. . PUNCT . punct 1
"""


def test_a_show_of_force_after_another_s_act_is_aimed_at_its_doer(parse, context):
    actors = {"Japan": "JPN", "China": "CHN"}
    assert frame_pairs(parse(_scrambled("China", "jets"), actors), context) == [
        ("mobilisesAgainst", "JPN", "CHN")
    ]
    # The doer's own act, or no aircraft scrambled: nothing.
    assert frame_pairs(parse(_scrambled("Japan", "jets"), actors), context) == []
    assert frame_pairs(parse(_scrambled("China", "eggs", "breakfast"), actors), context) == []


def _built_up(noun: str, lemma: str) -> str:
    return f"""
Russia Russia PROPN NNP nsubj 1
built build VERB VBD ROOT 1
up up ADP RP prt 1
{noun} {lemma} NOUN NNS dobj 1
along along ADP IN prep 1
the the DET DT det 6
border border NOUN NN pobj 4
with with ADP IN prep 6
Ukraine Ukraine PROPN NNP pobj 7
. . PUNCT . punct 1
"""


def test_building_up_forces_along_a_border_is_a_show_of_force(parse, context):
    actors = {"Russia": "RUS", "Ukraine": "UKR"}
    assert frame_pairs(parse(_built_up("troops", "troop"), actors), context) == [
        ("mobilisesForcesAgainst", "RUS", "UKR")
    ]
    assert frame_pairs(parse(_built_up("stocks", "stock"), actors), context) == []


def _launched(noun: str, lemma: str) -> str:
    return f"""
Israel Israel PROPN NNP nsubj 1
launched launch VERB VBD ROOT 1
{noun} {lemma} NOUN NNS dobj 1
in in ADP IN prep 1
response response NOUN NN pobj 3
to to ADP IN prep 4
Hamas Hamas PROPN NNP compound 8
rocket rocket NOUN NN compound 8
attacks attack NOUN NNS pobj 5
. . PUNCT . punct 1
"""


def test_a_light_verb_s_attack_noun_in_response_targets_the_attacker(parse, context):
    """The responses rule: "launched airstrikes in response to Hamas rocket attacks"; a
    cooperative noun ("held talks in response to ...") answers nothing so."""
    actors = {"Israel": "ISR", "Hamas": "hamas"}
    doc = parse(_launched("airstrikes", "airstrike"), actors)
    found = [
        (c.relation, c.subjects[0].actor.id, c.objects[0].actor.id)
        for c in response_rule(doc[:], context(doc))
    ]
    assert found == [("conductsAirstrikesOn", "ISR", "hamas")]
    doc = parse(_launched("talks", "talk"), actors)
    assert list(response_rule(doc[:], context(doc))) == []


def _ceasefire(blank, spaced: bool):
    rows = [
        ("Ukraine", "Ukraine", "PROPN", "nsubj", 1),
        ("announced", "announce", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 5),
        ("cease", "cease", "NOUN", "compound", 5),
        ("-", "-", "PUNCT", "punct", 5),
        ("fire", "fire", "NOUN", "dobj", 1),
        ("with", "with", "ADP", "prep", 5),
        ("Russia", "Russia", "PROPN", "pobj", 6),
        (".", ".", "PUNCT", "punct", 1),
    ]
    doc = Doc(
        blank.vocab,
        words=[r[0] for r in rows],
        spaces=[True, True, True, spaced, spaced, True, True, False, False],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )
    doc.spans[SPAN_KEY] = [
        Span(doc, i, i + 1, label="name", kb_id=code) for i, code in ((0, "UKR"), (7, "RUS"))
    ]
    return doc


def test_a_hyphenated_noun_split_by_the_tokenizer_keeps_its_frames(blank, context):
    """ "cease-fire" is three tokens: its head takes the frames of the whole word; the same
    words set apart by spaces do not."""
    found = frame_pairs(_ceasefire(blank, spaced=False), context)
    assert [relation for relation, _, _ in found] == ["declaresCeasefireWith"]
    assert frame_pairs(_ceasefire(blank, spaced=True), context) == []


def _ban(owner: str, thing: str, lemma: str) -> str:
    return f"""
Russia Russia PROPN NNP nsubj 1
imposed impose VERB VBD ROOT 1
a a DET DT det 3
ban ban NOUN NN dobj 1
on on ADP IN prep 3
{owner} {owner} ADJ JJ amod 6
{thing} {lemma} NOUN NN pobj 4
. . PUNCT . punct 1
"""


def test_a_ban_on_another_state_s_goods_is_a_sanction_and_at_home_a_restriction(parse, context):
    actors = {"Russia": "RUS", "Georgian": ("GEO", "demonym"), "Russian": ("RUS", "demonym")}
    found = frame_pairs(parse(_ban("Georgian", "wine", "wine"), actors), context)
    assert [relation for relation, _, _ in found] == ["imposesSanctionsOn"]
    found = frame_pairs(parse(_ban("Russian", "protests", "protest"), actors), context)
    assert all(relation != "imposesSanctionsOn" for relation, _, _ in found)
