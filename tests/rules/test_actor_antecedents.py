"""Antecedents of pronouns and unowned bodies from earlier in the story (fast: hand-built Docs).

Rules: a mention that names a person is an antecedent for "he"/"his" and never for "it",
whatever actor it stands for: an unknown person named with a role ("Chaly, head of the
Ukrainian administration, spoke. He criticised Russia": Ukraine) or a known person acting
for a body ("Mbeki", the African Union's mediator); a state's name the parser tags as a
person ("Chad said it ...") stays a state, never "he". Only a personal pronoun refers back:
"all of Thailand's leaders" is Thailand's leaders, "nothing" or "this" no actor, a relative
pronoun the noun its clause modifies. A title and surname whose person name goes on
("President Petro Poroshenko") names no one of that surname ("President Petro", Colombia's).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from geokg.extract.actors import SPAN_KEY, ActorMatcher
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

ROLE_THEN_HE = """
Chaly Chaly PROPN NNP nsubj 7
, , PUNCT , punct 0
head head NOUN NN appos 0
of of ADP IN prep 2
the the DET DT det 6
Ukrainian Ukrainian ADJ JJ amod 6
administration administration NOUN NN pobj 3
spoke speak VERB VBD ROOT 7
. . PUNCT . punct 7
{pronoun} {lemma} PRON PRP nsubj 10
criticised criticise VERB VBD ROOT 10
Russia Russia PROPN NNP dobj 10
. . PUNCT . punct 10
"""

CHAD_SAID_IT = """
Chad Chad PROPN NNP nsubj 1
said say VERB VBD ROOT 1
that that SCONJ IN mark 5
it it PRON PRP nsubj 5
would would AUX MD aux 5
support support VERB VB ccomp 1
Cameroon Cameroon PROPN NNP dobj 5
. . PUNCT . punct 1
"""


def _ids(found):
    return [r.actor.id for r in found]


def _role_then(parse, gazetteer, pronoun: str):
    table = ROLE_THEN_HE.format(pronoun=pronoun, lemma=pronoun.lower())
    doc = parse(table, {"Ukrainian": ("UKR", "demonym"), "Russia": "RUS"}, starts=(9,))
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    return doc, Resolver(doc, gazetteer, load_lexicon(), published=None)


def test_he_takes_an_unknown_person_named_with_a_role(parse, gazetteer):
    doc, resolver = _role_then(parse, gazetteer, "He")
    assert _ids(resolver.resolve(doc[0], exclude=())) == ["UKR"]
    assert _ids(resolver.resolve(doc[9], exclude=())) == ["UKR"]


def test_he_never_takes_a_state_tagged_as_a_person(parse, gazetteer):
    doc = parse(CHAD_SAID_IT.replace("it it", "he he"), {"Chad": "TCD", "Cameroon": "CMR"})
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[3], exclude=())) == []


def test_a_state_tagged_as_a_person_is_still_it(parse, gazetteer):
    doc = parse(CHAD_SAID_IT, {"Chad": "TCD", "Cameroon": "CMR"})
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[3], exclude=())) == ["TCD"]


ALL_OF = """
Washington Washington PROPN NNP nsubj 1
called call VERB VBD ROOT 1
for for ADP IN prep 1
the the DET DT det 4
release release NOUN NN pobj 2
of of ADP IN prep 4
{quantifier} {quantifier} PRON DT pobj 5
of of ADP IN prep 6
Thailand Thailand PROPN NNP poss 10
's 's PART POS case 8
leaders leader NOUN NNS pobj 7
. . PUNCT . punct 1
"""

NOTHING = """
Russia Russia PROPN NNP nsubj 1
said say VERB VBD ROOT 1
. . PUNCT . punct 1
Ukraine Ukraine PROPN NNP nsubj 4
did do AUX VBD ROOT 4
{pronoun} {pronoun} PRON NN dobj 4
. . PUNCT . punct 4
"""

RELATIVE_OBJECT = """
Russia Russia PROPN NNP nsubj 1
left leave VERB VBD ROOT 1
Crimea Crimea PROPN NNP dobj 1
, , PUNCT , punct 2
which which PRON WDT dobj 7
Ukraine Ukraine PROPN NNP nsubj 7
had have AUX VBD aux 7
claimed claim VERB VBN relcl 2
. . PUNCT . punct 1
"""


def test_a_partitive_pronoun_is_what_its_of_phrase_names(parse, gazetteer):
    doc = parse(ALL_OF.format(quantifier="all"), {"Washington": "USA", "Thailand": "THA"})
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[6], exclude=())) == ["THA"]


def test_an_indefinite_pronoun_takes_no_earlier_actor(parse, gazetteer):
    for pronoun in ("nothing", "everything", "this", "those"):
        doc = parse(NOTHING.format(pronoun=pronoun), {"Russia": "RUS", "Ukraine": "UKR"}, (3,))
        resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
        assert _ids(resolver.resolve(doc[5], exclude=())) == [], pronoun


def test_a_personal_pronoun_still_refers_back(parse, gazetteer):
    doc = parse(NOTHING.format(pronoun="it"), {"Russia": "RUS", "Ukraine": "UKR"}, (3,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[5], exclude=())) == ["RUS"]


def test_a_relative_pronoun_is_the_noun_its_clause_modifies(parse, gazetteer):
    doc = parse(RELATIVE_OBJECT, {"Russia": "RUS", "Crimea": ("UKR", "region")})
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[4], exclude=())) == _ids(resolver.resolve(doc[2], exclude=()))
    assert "RUS" not in _ids(resolver.resolve(doc[4], exclude=()))


def _person_spans(blank, words: list[str], person: tuple[int, int]) -> list[tuple[str, str]]:
    starts = [i == 0 for i in range(len(words))]
    doc = Doc(blank.vocab, words=words, pos=["PROPN"] * len(words), sent_starts=starts)
    doc.ents = [Span(doc, person[0], person[1], label="PERSON")]
    return [(s.text, s.kb_id_) for s in ActorMatcher(blank)(doc).spans[SPAN_KEY]]


def test_a_title_and_given_name_names_no_one_with_that_surname(blank):
    # Gustavo Petro (Colombia) has the surname "Petro"; Petro Poroshenko is Ukraine's.
    found = _person_spans(blank, ["President", "Petro", "Poroshenko", "spoke"], (1, 3))
    assert ("President Petro", "gustavo-petro") not in found
    assert ("Petro Poroshenko", "petro-poroshenko") in found


def test_a_title_and_surname_ending_the_name_stays(blank):
    assert _person_spans(blank, ["President", "Petro", "spoke"], (1, 2)) == [
        ("President Petro", "gustavo-petro")
    ]
    # the entity overran the name: "President Kiir's Dinka ethnic group"
    found = _person_spans(blank, ["President", "Kiir", "'s", "Dinka", "group"], (1, 4))
    assert ("President Kiir", "salva-kiir") in found


SPOKESMAN_FOR = """
A a DET DT det 1
{noun} {noun} NOUN NN nsubj 5
for for ADP IN prep 1
Mr. Mr. PROPN NNP compound 4
Karzai Karzai PROPN NNP pobj 2
said say VERB VBD ROOT 5
. . PUNCT . punct 5
"""


def test_a_spokesman_for_a_person_speaks_for_him(parse, gazetteer):
    doc = parse(SPOKESMAN_FOR.format(noun="spokesman"), {"Karzai": ("hamid-karzai", "person")})
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[1], exclude=())) == ["hamid-karzai"]


def test_only_a_speaker_noun_speaks_for_the_person_of_its_for_phrase(parse, gazetteer):
    doc = parse(SPOKESMAN_FOR.format(noun="official"), {"Karzai": ("hamid-karzai", "person")})
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert "hamid-karzai" not in _ids(resolver.resolve(doc[1], exclude=()))


# Pair nominals: "both countries" ending at its noun whatever the parser hangs after it
# ("both countries with sanctions") or a possessive marker ("the two countries' border");
# "the countries" (a plural state noun with "the" only) and "the leaders of the two
# countries" are the story's pair too; "the countries of Africa", "Western countries" not.
FOUGHT = """
Sudan Sudan PROPN NNP nsubj 1
fought fight VERB VBD ROOT 1
Chad Chad PROPN NNP dobj 1
. . PUNCT . punct 1
The the DET DT det 5
UN UN PROPN NNP nsubj 6
threatened threaten VERB VBD ROOT 6
both both DET DT det 8
countries country NOUN NNS dobj 6
with with ADP IN prep 8
sanctions sanction NOUN NNS pobj 9
. . PUNCT . punct 6
"""
PAIR_ACTORS = {"Sudan": "SDN", "Chad": "TCD", "UN": ("un", "alias"), "Africa": "AFRICA"}


def _pair_doc(parse, gazetteer, second: str):
    table = FOUGHT.split("The the DET DT det 5")[0].strip() + "\n" + second.strip()
    doc = parse(table, PAIR_ACTORS, starts=(4,))
    return doc, Resolver(doc, gazetteer, load_lexicon(), published=None)


def test_a_pair_nominal_ends_at_its_noun(parse, gazetteer):
    doc = parse(FOUGHT, PAIR_ACTORS, starts=(4,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert sorted(_ids(resolver.resolve(doc[8], exclude=()))) == ["SDN", "TCD"]


def test_a_possessive_pair_nominal(parse, gazetteer):
    doc, resolver = _pair_doc(
        parse,
        gazetteer,
        """
the the DET DT det 6
two two NUM CD nummod 6
countries country NOUN NNS poss 8
' ' PART POS case 6
border border NOUN NN nsubj 9
closed close VERB VBD ROOT 9
. . PUNCT . punct 9
""",
    )
    assert sorted(_ids(resolver.resolve(doc[6], exclude=()))) == ["SDN", "TCD"]


PLURAL = """
The the DET DT det 5
countries country NOUN NNS nsubj 6
agreed agree VERB VBD ROOT 6
. . PUNCT . punct 6
"""


def test_the_countries_are_the_storys_pair(parse, gazetteer):
    doc, resolver = _pair_doc(parse, gazetteer, PLURAL)
    assert sorted(_ids(resolver.resolve(doc[5], exclude=()))) == ["SDN", "TCD"]


def test_other_sets_of_countries_are_no_pair(parse, gazetteer):
    western = """
Western western ADJ JJ amod 5
countries country NOUN NNS nsubj 6
agreed agree VERB VBD ROOT 6
. . PUNCT . punct 6
"""
    doc, resolver = _pair_doc(parse, gazetteer, western)
    assert not resolver.plural_state_nominal(doc[5])
    assert sorted(_ids(resolver.resolve(doc[5], exclude=()))) != ["SDN", "TCD"]
    of_africa = """
The the DET DT det 5
countries country NOUN NNS nsubj 8
of of ADP IN prep 5
Africa Africa PROPN NNP pobj 6
agreed agree VERB VBD ROOT 8
. . PUNCT . punct 8
"""
    doc, resolver = _pair_doc(parse, gazetteer, of_africa)
    assert not resolver.plural_state_nominal(doc[5])


def test_the_leaders_of_the_two_countries_are_the_pair(parse, gazetteer):
    leaders = """
The the DET DT det 5
leaders leader NOUN NNS nsubj 10
of of ADP IN prep 5
the the DET DT det 9
two two NUM CD nummod 9
countries country NOUN NNS pobj 6
talked talk VERB VBD ROOT 10
. . PUNCT . punct 10
"""
    doc, resolver = _pair_doc(parse, gazetteer, leaders)
    assert sorted(_ids(resolver.resolve(doc[5], exclude=()))) == ["SDN", "TCD"]


# A subject "they" continues the nearest plural subject before it (its sentence or the one
# before) that stands for two actors or more of different states; an object coordination
# ("Sudan accused Chad and Uganda") is no such subject.
HELD_TALKS = """
Sudan Sudan PROPN NNP nsubj 3
and and CCONJ CC cc 0
Chad Chad PROPN NNP conj 0
held hold VERB VBD ROOT 3
talks talk NOUN NNS dobj 3
in in ADP IN prep 3
Kampala Kampala PROPN NNP pobj 5
. . PUNCT . punct 3
They they PRON PRP nsubj 9
agreed agree VERB VBD ROOT 9
. . PUNCT . punct 9
"""
ACCUSED = """
Sudan Sudan PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
Chad Chad PROPN NNP dobj 1
and and CCONJ CC cc 2
Uganda Uganda PROPN NNP conj 2
. . PUNCT . punct 1
They they PRON PRP nsubj 7
denied deny VERB VBD ROOT 7
. . PUNCT . punct 7
"""
THREE = {"Sudan": "SDN", "Chad": "TCD", "Uganda": "UGA", "Kampala": ("UGA", "capital")}


def test_they_continues_a_plural_subject_over_a_later_mention(parse, gazetteer):
    doc = parse(HELD_TALKS, THREE, starts=(8,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert sorted(_ids(resolver.resolve(doc[8], exclude=()))) == ["SDN", "TCD"]


def test_they_never_takes_an_object_coordination_as_a_subject_group(parse, gazetteer):
    doc = parse(ACCUSED, THREE, starts=(6,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert "SDN" not in _ids(resolver.resolve(doc[6], exclude=()))


# A ministry named without its state is the state's that owns the nearest earlier ministry
# whose name has all its words; another ministry ("the defense ministry") is no known body.
MINISTRY = """
Eritrea Eritrea PROPN NNP poss 2
's 's PART POS case 0
Ministry ministry PROPN NNP nsubj 6
of of ADP IN prep 2
Foreign Foreign PROPN NNP compound 5
Affairs Affairs PROPN NNP pobj 3
spoke speak VERB VBD ROOT 6
. . PUNCT . punct 6
The the DET DT det 10
{word} {word} ADJ JJ amod 10
ministry ministry NOUN NN nsubj 11
blamed blame VERB VBD ROOT 11
Washington Washington PROPN NNP dobj 11
. . PUNCT . punct 11
"""


def _ministry(parse, gazetteer, word: str) -> list[str]:
    doc = parse(MINISTRY.format(word=word), {"Eritrea": "ERI", "Washington": "USA"}, (8,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return _ids(resolver.resolve(doc[10], exclude=()))


def test_a_ministry_named_again_without_its_state_is_the_states(parse, gazetteer):
    assert _ministry(parse, gazetteer, "foreign") == ["ERI"]


def test_another_ministry_without_its_state_is_not_the_earlier_ones(parse, gazetteer):
    assert "ERI" not in _ministry(parse, gazetteer, "defense")


# "The Council", "the 15-member body", "The Council statement": the international body
# named in the last five sentences; a body qualified otherwise ("the security council") is
# no such reference.
COUNCIL = """
The the DET DT det 2
UN UN PROPN NNP compound 2
Council Council PROPN NNP nsubj 3
met meet VERB VBD ROOT 3
. . PUNCT . punct 3
The the DET DT det 7
{modifier} {modifier_lemma} {modifier_pos} {modifier_tag} {modifier_dep} 7
{noun} {lemma} {pos} {tag} {dep} {head}
called call VERB VBD ROOT 8
on on ADP IN prep 8
Syria Syria PROPN NNP pobj 9
. . PUNCT . punct 8
"""


def _council(parse, gazetteer, **row: object) -> list[str]:
    table = COUNCIL.format(**row)
    doc = parse(table, {"UN": ("unsc", "alias"), "Syria": "SYR"}, (5,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return _ids(resolver.resolve(doc[7], exclude=()))


def test_the_measured_body_is_the_international_body_named_before(parse, gazetteer):
    found = _council(
        parse,
        gazetteer,
        modifier="15-member",
        modifier_lemma="15-member",
        modifier_pos="ADJ",
        modifier_tag="JJ",
        modifier_dep="amod",
        noun="body",
        lemma="body",
        pos="NOUN",
        tag="NN",
        dep="nsubj",
        head=8,
    )
    assert found == ["unsc"]


def test_the_council_statement_speaks_for_the_council(parse, gazetteer):
    table = COUNCIL.format(
        modifier="Council",
        modifier_lemma="Council",
        modifier_pos="PROPN",
        modifier_tag="NNP",
        modifier_dep="compound",
        noun="statement",
        lemma="statement",
        pos="NOUN",
        tag="NN",
        dep="nsubj",
        head=8,
    )
    doc = parse(table, {"UN": ("unsc", "alias"), "Syria": "SYR"}, (5,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[7], exclude=())) == ["unsc"]


def test_a_body_qualified_otherwise_is_no_reference_back(parse, gazetteer):
    found = _council(
        parse,
        gazetteer,
        modifier="security",
        modifier_lemma="security",
        modifier_pos="NOUN",
        modifier_tag="NN",
        modifier_dep="compound",
        noun="council",
        lemma="council",
        pos="NOUN",
        tag="NN",
        dep="nsubj",
        head=8,
    )
    assert "unsc" not in found


# Prisoners, detainees and citizens named without a state are the state whose story it is;
# the capital of a visit or meeting abroad ("a London visit") does not make it that state's.
PRISONERS = """
Myanmar Myanmar PROPN NNP nsubj 1
freed free VERB VBD ROOT 1
dissidents dissident NOUN NNS dobj 1
. . PUNCT . punct 1
The the DET DT det 5
president president NOUN NN nsubj 6
promised promise VERB VBD ROOT 6
during during ADP IN prep 6
a a DET DT det 10
London London PROPN NNP compound 10
{venue} {venue} NOUN NN pobj 7
to to PART TO aux 12
free free VERB VB advcl 6
prisoners prisoner NOUN NNS dobj 12
. . PUNCT . punct 6
"""


def _prisoners(parse, gazetteer, venue: str) -> list[str]:
    table = PRISONERS.replace("{venue} {venue}", f"{venue} {venue}")
    doc = parse(table, {"Myanmar": "MMR", "London": ("GBR", "capital")}, (4,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return _ids(resolver.resolve(doc[13], exclude=()))


def test_prisoners_are_the_storys_state_not_a_visits(parse, gazetteer):
    assert _prisoners(parse, gazetteer, "visit") == ["MMR"]


def test_a_place_that_is_no_venue_still_counts(parse, gazetteer):
    assert _prisoners(parse, gazetteer, "jail") == ["GBR"]


# A "sentence" of punctuation only (a closing quotation mark split off) counts for no
# distance: "both sides" still sees the pair three real sentences back.
QUOTES = """
Japan Japan PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
China China PROPN NNP dobj 1
. . PUNCT . punct 1
" " PUNCT '' punct 4
" " PUNCT '' punct 5
" " PUNCT '' punct 6
" " PUNCT '' punct 7
Both both DET DT det 9
sides side NOUN NNS nsubj 10
met meet VERB VBD ROOT 10
. . PUNCT . punct 10
"""


def test_punctuation_only_sentences_are_no_distance(parse, gazetteer):
    doc = parse(QUOTES, {"Japan": "JPN", "China": "CHN"}, (4, 5, 6, 7, 8))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert sorted(_ids(resolver.resolve(doc[9], exclude=()))) == ["CHN", "JPN"]


# "the president", "the reformist president": the person named with that title in the last
# sentences; "the former president" is another holder.
TITLED = """
President President PROPN NNP compound 2
Thein Thein PROPN NNP compound 2
Sein Sein PROPN NNP nsubj 3
spoke speak VERB VBD ROOT 3
. . PUNCT . punct 3
The the DET DT det 7
{modifier} {modifier} ADJ JJ amod 7
president president NOUN NN nsubj 8
promised promise VERB VBD ROOT 8
. . PUNCT . punct 8
"""


def _titled(parse, gazetteer, modifier: str) -> list[str]:
    doc = parse(TITLED.format(modifier=modifier), {"Sein": ("thein-sein", "person")}, (5,))
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return _ids(resolver.resolve(doc[7], exclude=()))


def test_the_president_is_the_person_named_with_that_title(parse, gazetteer):
    assert _titled(parse, gazetteer, "reformist") == ["thein-sein"]


def test_the_former_president_is_another_holder(parse, gazetteer):
    assert _titled(parse, gazetteer, "former") == []


# People with no state of their own are where they are: the capital or city they fill or
# occupy ("protesters filled central Kyiv"), not a state they act on.
FILLED = """
Russia Russia PROPN NNP nsubj 1
warned warn VERB VBD ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
as as SCONJ IN mark 5
protesters protester NOUN NNS nsubj 5
{verb} {verb} VERB VBD advcl 1
{place} {place} PROPN NNP dobj 5
. . PUNCT . punct 1
"""
FILLED_ACTORS = {"Russia": "RUS", "Ukraine": "UKR", "Kyiv": ("UKR", "capital")}


def test_people_are_in_the_capital_they_fill(parse, gazetteer):
    doc = parse(FILLED.format(verb="filled", place="Kyiv"), FILLED_ACTORS)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[4], exclude=())) == ["UKR"]


def test_a_state_acted_on_places_no_one(parse, gazetteer):
    doc = parse(FILLED.format(verb="attacked", place="Ukraine"), FILLED_ACTORS)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[4], exclude=())) == []


# "the two leaders" finds the two people of the story up to six sentences back; "both
# countries" keeps to three.
CALLED = """
Obama Obama PROPN NNP nsubj 1
called call VERB VBD ROOT 1
Putin Putin PROPN NNP dobj 1
. . PUNCT . punct 1
It it PRON PRP nsubj 5
rained rain VERB VBD ROOT 5
. . PUNCT . punct 5
It it PRON PRP nsubj 8
rained rain VERB VBD ROOT 8
. . PUNCT . punct 8
It it PRON PRP nsubj 11
rained rain VERB VBD ROOT 11
. . PUNCT . punct 11
It it PRON PRP nsubj 14
rained rain VERB VBD ROOT 14
. . PUNCT . punct 14
The the DET DT det 18
two two NUM CD nummod 18
{noun} {lemma} NOUN NNS nsubj 19
agreed agree VERB VBD ROOT 19
. . PUNCT . punct 19
"""


def _called(parse, gazetteer, noun: str, lemma: str, actors) -> list[str]:
    doc = parse(CALLED.format(noun=noun, lemma=lemma), actors, (4, 7, 10, 13, 16))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return sorted(_ids(resolver.resolve(doc[18], exclude=())))


def test_the_two_leaders_reach_further_back(parse, gazetteer):
    people = {"Obama": ("barack-obama", "person"), "Putin": ("vladimir-putin", "person")}
    assert _called(parse, gazetteer, "leaders", "leader", people) == [
        "barack-obama",
        "vladimir-putin",
    ]


def test_the_two_countries_keep_to_three_sentences(parse, gazetteer):
    states = {"Obama": "USA", "Putin": "RUS"}
    assert _called(parse, gazetteer, "countries", "country", states) == []


CONTRASTED = """
the the DET DT det 1
president president NOUN NN nsubj 3
will will AUX MD aux 3
meet meet VERB VB ROOT 3
President President PROPN NNP compound 6
Thein Thein PROPN NNP compound 6
Sein Sein PROPN NNP dobj 3
. . PUNCT . punct 3
The the DET DT det 9
president president NOUN NN nsubj 10
arrived arrive VERB VBD ROOT 10
. . PUNCT . punct 10
"""


def test_a_titled_name_set_against_the_bare_title_is_no_antecedent(parse, gazetteer):
    doc = parse(CONTRASTED, {"Sein": ("thein-sein", "person")}, (8,))
    doc.ents = [Span(doc, 4, 7, label="PERSON")]
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert "thein-sein" not in _ids(resolver.resolve(doc[9], exclude=()))
