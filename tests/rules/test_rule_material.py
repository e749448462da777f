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

from geokg.extract.lexicon import load_lexicon
from geokg.extract.rules.answers import _denies_involvement
from geokg.extract.rules.frames import frame_rule


def _facts(doc, context):
    return sorted(
        (c.relation, s.actor.id, o.actor.id)
        for c in frame_rule(doc[:], context(doc))
        for s in c.subjects
        for o in c.objects
    )


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
    assert ("attacks", "IRQ", "KWT") in _facts(doc, context)


def test_an_of_gerund_on_the_object_of_another_verb_has_no_doer(parse, context):
    doc = parse(PRAISED_NOUN_OF, ACTORS)
    assert all(relation != "attacks" for relation, _, _ in _facts(doc, context))


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
    assert _facts(doc, context) == [("commitsMassKillingsAgainst", "SYR", "TUR")]


def test_killing_hundreds_of_fighters_is_an_attack(parse, context):
    doc = parse(_killing("hundreds", "NOUN NNS", "fighters"), KILL_ACTORS)
    assert _facts(doc, context) == [("attacks", "SYR", "TUR")]


def test_killing_a_few_civilians_is_an_attack(parse, context):
    doc = parse(_killing("dozens", "NOUN NNS", "civilians"), KILL_ACTORS)
    assert _facts(doc, context) == [("attacks", "SYR", "TUR")]


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
