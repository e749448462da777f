"""General actor mechanisms of issue 10 (fast: hand-built Docs, the real gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc, Span

from geokg.actors import Gazetteer
from geokg.actors.records import ActorRecord, Role
from geokg.extract.actors import SPAN_KEY, ActorMatcher
from geokg.extract.drafts import _distinct
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver
from geokg.model import ActorType

ACCUSED = """
Stoltenberg Stoltenberg PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
Moscow Moscow PROPN NNP dobj 1
. . PUNCT . punct 1
"""


def _resolver(doc, gazetteer: Gazetteer, published: date | None) -> Resolver:
    return Resolver(doc, gazetteer, load_lexicon(), published=published)


def test_an_office_is_the_latest_held_that_day_else_the_last_before():
    person = ActorRecord(
        "p",
        "P",
        ActorType.PERSON,
        roles=(
            Role("p", "foreign minister", state="KOR", end=date(2006, 11, 10)),
            Role("p", "secretary-general", organization="un", start=date(2007, 1, 1)),
        ),
        nationality="KOR",
    )
    office = person.office_on(date(2010, 1, 1))
    assert office is not None and office.organization == "un"
    before = person.office_on(date(2005, 1, 1))
    assert before is not None and before.state == "KOR"
    assert person.country_on(date(2005, 1, 1)) == "KOR"
    assert person.country_on(date(2010, 1, 1)) is None
    assert ActorRecord("q", "Q", ActorType.PERSON, nationality="FRA").office_on(None) is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2015, 3, 1), "nato"),  # NATO's Secretary-General acts for NATO
        (date(2012, 3, 1), "jens-stoltenberg"),  # Norway's prime minister then: the person
    ],
)
def test_a_person_in_an_organisations_office_acts_for_it(parse, gazetteer, published, expected):
    doc = parse(ACCUSED, {"Stoltenberg": ("jens-stoltenberg", "person"), "Moscow": "RUS"})
    resolver = _resolver(doc, gazetteer, published)
    (found,) = resolver.actors(doc[0])
    assert found.actor.id == expected
    if expected == "nato":
        assert found.via == Via.OFFICE
    else:
        assert (found.via, found.actor.country) == (Via.PERSON, "NOR")


KIIR = """
Kiir Kiir PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
Machar Machar PROPN NNP dobj 1
and and CCONJ CC cc 2
Kiir Kiir PROPN NNP conj 2
. . PUNCT . punct 1
"""


def test_two_named_people_of_one_state_are_a_domestic_pair(parse, gazetteer):
    people = {"Kiir": ("salva-kiir", "person"), "Machar": ("riek-machar", "person")}
    doc = parse(KIIR, people)
    resolver = _resolver(doc, gazetteer, date(2014, 1, 10))
    (kiir,) = resolver.resolve(doc[0], exclude=())
    (machar,) = resolver.resolve(doc[2], exclude=())
    (again,) = resolver.resolve(doc[4], exclude=())
    assert kiir.actor.country == machar.actor.country == "SSD"
    assert _distinct(kiir, machar, resolver)
    assert not _distinct(kiir, again, resolver)  # one person named twice
    coref = Resolved(machar.actor, 0.7, Via.COREF, 1)  # "he": maybe the same person
    assert not _distinct(kiir, coref, resolver)
    state = Resolved(gazetteer.get("SSD").to_actor(), 1.0, Via.NAME, 1)  # type: ignore[union-attr]
    assert not _distinct(kiir, state, resolver)  # a leader and his own state


HALVES = """
Pyongyang Pyongyang PROPN NNP nsubj 1
said say VERB VBD ROOT 1
the the DET DT det 3
North North PROPN NNP nsubj 4
accused accuse VERB VBD ccomp 1
the the DET DT det 6
South South PROPN NNP dobj 4
of of ADP IN prep 6
arming arm VERB VBG pcomp 7
rebels rebel NOUN NNS dobj 8
in in ADP IN prep 4
the the DET DT det 12
south south NOUN NN pobj 10
of of ADP IN prep 12
the the DET DT det 15
Koreas Koreas PROPN NNPS pobj 13
. . PUNCT . punct 1
"""


def _ids(found):
    return sorted(r.actor.id for r in found)


def test_the_north_and_the_south_are_the_halves_of_the_storys_divided_nation(parse, gazetteer):
    doc = parse(HALVES, {"Pyongyang": ("PRK", "capital")})
    resolver = _resolver(doc, gazetteer, date(2013, 4, 8))
    assert _ids(resolver.actors(doc[3])) == ["PRK"]
    assert _ids(resolver.actors(doc[6])) == ["KOR"]  # "the South of arming": the accused
    assert resolver.actors(doc[12]) == []  # "in the south of ...": a region, not a state
    assert _ids(resolver.actors(doc[15])) == ["KOR", "PRK"]  # "the Koreas": both
    (north_korea,) = resolver.actors(doc[0])
    assert _ids(resolver.actors(doc[15], exclude=[north_korea.actor])) == ["KOR"]


def test_the_north_is_nothing_in_a_story_without_a_divided_nation(parse, gazetteer):
    doc = parse(HALVES, {"Pyongyang": ("RUS", "capital")})  # a story about Russia
    resolver = _resolver(doc, gazetteer, date(2013, 4, 8))
    assert resolver.actors(doc[3]) == [] and resolver.actors(doc[6]) == []


def test_a_political_group_counts_for_its_home_state_an_armed_group_for_itself(gazetteer):
    brotherhood = gazetteer.get("muslim_brotherhood")
    hamas = gazetteer.get("hamas")
    assert brotherhood is not None and hamas is not None
    assert brotherhood.type == ActorType.POLITICAL_GROUP and brotherhood.country_on() == "EGY"
    assert hamas.type == ActorType.ARMED_GROUP and hamas.country_on() is None


REBELS = """
Ukraine Ukraine PROPN NNP nsubj 1
fought fight VERB VBD ROOT 1
. . PUNCT . punct 1
Russia Russia PROPN NNP nsubj 4
armed arm VERB VBD ROOT 4
pro pro ADJ JJ amod 7
- - PUNCT HYPH punct 7
Russia Russia PROPN NNP amod 8
separatists separatist NOUN NNS dobj 4
and and CCONJ CC cc 8
the the DET DT det 11
rebels rebel NOUN NNS conj 8
. . PUNCT . punct 4
"""


def _sentences(doc, starts: set[int]):
    """The same Doc with sentence starts at ``starts`` (the parse fixture makes one)."""
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        lemmas=[t.lemma_ for t in doc],
        pos=[t.pos_ for t in doc],
        tags=[t.tag_ for t in doc],
        deps=[t.dep_ for t in doc],
        heads=[t.head.i for t in doc],
        sent_starts=[t.i in starts for t in doc],
    )


def test_rebels_and_separatists_are_the_storys_state_never_a_pro_x_modifiers(parse, gazetteer):
    doc = _sentences(parse(REBELS), {0, 3})
    doc.spans[SPAN_KEY] = [
        Span(doc, 0, 1, label="name", kb_id="UKR"),
        Span(doc, 3, 4, label="name", kb_id="RUS"),
        Span(doc, 7, 8, label="name", kb_id="RUS"),
    ]
    resolver = _resolver(doc, gazetteer, date(2014, 5, 1))
    separatists, rebels = doc[8], doc[11]
    assert resolver.stance_states(separatists) == {"RUS"}
    assert _ids(resolver.resolve(separatists, exclude=())) == ["UKR"]  # not "pro-Russia"
    # "the rebels" unmodified: the one state of their sentence (the armer's, a pair the
    # domestic filter drops), the story's when their sentence names none
    assert _ids(resolver.resolve(rebels, exclude=())) == ["RUS"]
    assert _ids(resolver.resolve(doc[0], exclude=())) == ["UKR"]
    # No other state named before: the separatists are nobody's.
    doc.spans[SPAN_KEY] = [Span(doc, 3, 4, label="name", kb_id="RUS")]
    alone = _resolver(doc, gazetteer, date(2014, 5, 1))
    assert alone.resolve(separatists, exclude=()) == []


def test_a_political_group_and_its_state_are_a_domestic_pair(parse, gazetteer):
    doc = parse(KIIR, {"Kiir": ("muslim_brotherhood", "name"), "Machar": "EGY"})
    resolver = _resolver(doc, gazetteer, date(2013, 8, 1))
    (group,) = resolver.resolve(doc[0], exclude=())
    (egypt,) = resolver.resolve(doc[2], exclude=())
    assert group.actor.country == egypt.actor.country == "EGY"
    assert _distinct(group, egypt, resolver)
    assert not _distinct(group, Resolved(egypt.actor, 0.7, Via.COREF, 2), resolver)


def _matched(blank, words: str, pos: str) -> list[tuple[str, str]]:
    tokens = words.split()
    doc = Doc(
        blank.vocab,
        words=tokens,
        pos=pos.split(),
        sent_starts=[True] + [False] * (len(tokens) - 1),
    )
    matcher = ActorMatcher(blank)
    return [(span.text, span.kb_id_) for span in matcher(doc).spans[SPAN_KEY]]


@pytest.mark.parametrize(
    ("words", "pos", "kept", "dropped"),
    [
        # a name it does not name around the alias: not the UN's council, not the West
        ("National Security Council spokesman", "PROPN PROPN PROPN NOUN", [], ["unsc"]),
        (
            "the AU Peace and Security Council",
            "DET PROPN PROPN CCONJ PROPN PROPN",
            ["african_union"],
            ["unsc"],
        ),
        ("the Russian Security Council met", "DET ADJ PROPN PROPN VERB", ["RUS"], ["unsc"]),
        ("the West African bloc", "DET ADJ ADJ NOUN", [], ["west"]),
        # negative cases: the alias itself
        ("the U.N. Security Council met", "DET PROPN PROPN PROPN VERB", ["unsc"], []),
        ("the Security Council met", "DET PROPN PROPN VERB", ["unsc"], []),
        ("Russia and the West", "PROPN CCONJ DET PROPN", ["RUS", "west"], []),
    ],
)
def test_an_alias_inside_a_longer_name_is_not_its_actor(blank, words, pos, kept, dropped):
    found = {kb for _, kb in _matched(blank, words, pos)}
    assert set(kept) <= found
    assert not set(dropped) & found


def test_a_proper_name_after_a_demonym_is_still_its_actor(blank):
    found = _matched(blank, "the Lebanese Hezbollah movement", "DET ADJ PROPN NOUN")
    assert "hezbollah" in {kb for _, kb in found}


MEDIATOR = """
AU AU PROPN NNP compound 1
mediator mediator NOUN NN compound 2
Mbeki Mbeki PROPN NNP nsubj 3
met meet VERB VBD ROOT 3
Sudanese Sudanese ADJ JJ amod 5
President President PROPN NNP compound 6
Bashir Bashir PROPN NNP dobj 3
and and CCONJ CC cc 6
Mbeki Mbeki PROPN NNP conj 6
. . PUNCT . punct 3
"""


def test_a_known_person_titled_for_an_organisation_acts_for_it_in_the_document(parse, gazetteer):
    doc = parse(
        MEDIATOR,
        {
            "AU": "african_union",
            "Mbeki": ("thabo-mbeki", "person"),
            "Sudanese": ("SDN", "demonym"),
            "Bashir": ("omar-al-bashir", "person"),
        },
    )
    doc.spans[SPAN_KEY] = [s for s in doc.spans[SPAN_KEY] if s.start != 8]  # "Mbeki" again
    resolver = _resolver(doc, gazetteer, date(2012, 9, 1))
    assert _ids(resolver.resolve(doc[2], exclude=())) == ["african_union"]
    (bashir,) = resolver.resolve(doc[6], exclude=())  # a state's title: still the person
    assert (bashir.actor.id, bashir.actor.country) == ("omar-al-bashir", "SDN")
    assert _ids(resolver.resolve(doc[8], exclude=())) == ["african_union"]  # his surname


def test_a_body_part_of_an_organisation_acts_for_it(parse, gazetteer):
    doc = parse(ACCUSED, {"Stoltenberg": "amisom", "Moscow": "unhcr"})
    resolver = _resolver(doc, gazetteer, date(2014, 1, 1))
    assert _ids(resolver.resolve(doc[0], exclude=())) == ["african_union"]
    assert _ids(resolver.resolve(doc[2], exclude=())) == ["un"]
    nato = gazetteer.get("nato")
    assert nato is not None and nato.part_of is None  # a whole organisation is itself


PAIR = """
Talks talk NOUN NNS nsubj 5
between between ADP IN prep 0
Sudan Sudan PROPN NNP pobj 1
and and CCONJ CC cc 2
Juba Juba PROPN NNP conj 2
resumed resume VERB VBD ROOT 5
in in ADP IN prep 5
Addis Addis PROPN NNP pobj 6
. . PUNCT . punct 5
Both both DET DT det 10
sides side NOUN NNS nsubj 11
agreed agree VERB VBD ROOT 11
. . PUNCT . punct 11
"""


def test_both_sides_are_the_storys_coordinated_pair_never_a_venue(parse, gazetteer):
    doc = _sentences(parse(PAIR), {0, 9})
    doc.spans[SPAN_KEY] = [
        Span(doc, 2, 3, label="name", kb_id="SDN"),
        Span(doc, 4, 5, label="name", kb_id="SSD"),
        Span(doc, 7, 8, label="capital", kb_id="ETH"),
    ]
    resolver = _resolver(doc, gazetteer, date(2012, 9, 1))
    sides = doc[10]
    assert _ids(resolver.resolve(sides, exclude=())) == ["SDN", "SSD"]
    sudan = resolver.resolve(doc[2], exclude=())[0].actor
    assert _ids(resolver.resolve(sides, exclude=[sudan])) == ["SSD"]  # not Ethiopia
    # no coordination: the last two distinct actors, skipping the venue
    doc = _sentences(parse(PAIR.replace("Juba PROPN NNP conj 2", "Juba PROPN NNP appos 0")), {0, 9})
    doc.spans[SPAN_KEY] = [
        Span(doc, 2, 3, label="name", kb_id="SDN"),
        Span(doc, 4, 5, label="name", kb_id="SSD"),
        Span(doc, 7, 8, label="capital", kb_id="ETH"),
    ]
    resolver = _resolver(doc, gazetteer, date(2012, 9, 1))
    assert _ids(resolver.resolve(doc[10], exclude=())) == ["SDN", "SSD"]


THEY = """
Sudan Sudan PROPN NNP nsubj 3
and and CCONJ CC cc 0
Juba Juba PROPN NNP conj 0
met meet VERB VBD ROOT 3
. . PUNCT . punct 3
They they PRON PRP nsubj 6
agreed agree VERB VBD ROOT 6
on on ADP IN prep 6
their their PRON PRP$ poss 9
border border NOUN NN pobj 7
. . PUNCT . punct 6
"""


def test_they_after_conjoined_actors_is_all_of_them_as_a_subject(parse, gazetteer):
    doc = _sentences(parse(THEY), {0, 5})
    doc.spans[SPAN_KEY] = [
        Span(doc, 0, 1, label="name", kb_id="SDN"),
        Span(doc, 2, 3, label="name", kb_id="SSD"),
    ]
    resolver = _resolver(doc, gazetteer, date(2012, 9, 1))
    assert _ids(resolver.resolve(doc[5], exclude=())) == ["SDN", "SSD"]
    assert len(resolver.resolve(doc[8], exclude=())) == 1  # "their": one owner, as before


RESOLUTION = """
Council Council PROPN NNP nsubj 1
voted vote VERB VBD ROOT 1
. . PUNCT . punct 1
The the DET DT det 4
resolution resolution NOUN NN nsubj 5
condemns condemn VERB VBZ ROOT 5
Eritrea Eritrea PROPN NNP dobj 5
and and CCONJ CC cc 5
Eritrea Eritrea PROPN NNP nsubj 9
vetoed veto VERB VBD conj 5
the the DET DT det 11
resolution resolution NOUN NN dobj 9
. . PUNCT . punct 5
"""


def test_a_document_subject_speaks_for_its_author_never_as_an_object(parse, gazetteer):
    doc = _sentences(parse(RESOLUTION), {0, 3})
    doc.spans[SPAN_KEY] = [
        Span(doc, 0, 1, label="name", kb_id="unsc"),
        Span(doc, 6, 7, label="name", kb_id="ERI"),
        Span(doc, 8, 9, label="name", kb_id="ERI"),
    ]
    resolver = _resolver(doc, gazetteer, date(2009, 12, 23))
    assert _ids(resolver.resolve(doc[4], exclude=())) == ["unsc"]
    assert resolver.resolve(doc[11], exclude=()) == []  # the vetoed document is no actor
    # an agreement speaks for its parties
    pact = parse(
        PAIR.replace("Both both DET DT det 10", "The the DET DT det 10").replace(
            "sides side NOUN NNS", "deals deal NOUN NNS"
        )
    )
    pact = _sentences(pact, {0, 9})
    pact.spans[SPAN_KEY] = [
        Span(pact, 2, 3, label="name", kb_id="SDN"),
        Span(pact, 4, 5, label="name", kb_id="SSD"),
    ]
    assert _ids(_resolver(pact, gazetteer, None).resolve(pact[10], exclude=())) == ["SDN", "SSD"]


NAMES = """
Kim Kim PROPN NNP compound 2
Yong Yong PROPN NNP compound 2
Chol Chol PROPN NNP nsubj 3
met meet VERB VBD ROOT 3
Raisi Raisi PROPN NNP dobj 3
. . PUNCT . punct 3
"""


def test_a_word_inside_a_longer_unknown_name_is_no_known_surname(parse, gazetteer):
    doc = parse(NAMES)
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, 4, 5, label="PERSON")]
    resolver = _resolver(doc, gazetteer, date(2018, 6, 1))
    assert resolver.surname(doc[0]) is None  # not Kim Yong-hyun
    raisi = resolver.surname(doc[4])  # a surname standing alone still is its person
    assert raisi is not None and raisi.actor.id == "ebrahim-raisi"
    doc.ents = []  # no name entity: "Kim" may be a surname again
    assert _resolver(doc, gazetteer, date(2018, 6, 1)).surname(doc[0]) is not None


LED = """
A a DET DT det 4
Saudi Saudi PROPN NNP npadvmod 3
- - PUNCT HYPH punct 3
led lead VERB VBN amod 4
coalition coalition NOUN NN nsubj 5
told tell VERB VBD ROOT 5
VOA VOA PROPN NNP poss 9
's 's PART POS case 6
Somali Somali ADJ JJ compound 9
Service Service PROPN NNP dobj 5
and and CCONJ CC cc 9
Iran Iran PROPN NNP npadvmod 13
- - PUNCT HYPH punct 13
backed back VERB VBN amod 14
militias militia NOUN NNS conj 9
. . PUNCT . punct 5
"""


def test_an_x_led_noun_is_xs_a_media_outlets_unit_and_an_x_backed_one_are_not(parse, gazetteer):
    doc = parse(LED, {"Saudi": ("SAU", "demonym"), "Somali": ("SOM", "demonym"), "Iran": "IRN"})
    resolver = _resolver(doc, gazetteer, date(2015, 6, 1))
    assert _ids(resolver.resolve(doc[4], exclude=())) == ["SAU"]
    assert resolver.resolve(doc[9], exclude=()) == []  # VOA's service is not Somalia
    assert resolver.actors(doc[8], as_modifier=True) == []
    assert "IRN" not in _ids(resolver.resolve(doc[14], exclude=()))  # backing is not leading


EMBASSY = """
Protesters protester NOUN NNS nsubj 1
rallied rally VERB VBD ROOT 1
outside outside ADP IN prep 1
the the DET DT det 5
Chinese Chinese ADJ JJ amod 5
embassy embassy NOUN NN pobj 2
in in ADP IN prep 5
Hanoi Hanoi PROPN NNP pobj 6
and and CCONJ CC cc 1
in in ADP IN prep 1
Beijing Beijing PROPN NNP pobj 9
. . PUNCT . punct 1
"""


def test_an_embassy_is_where_it_stands_not_its_owners_land(parse, gazetteer):
    from geokg.extract.places import event_place, place_in

    actors = {
        "Chinese": ("CHN", "demonym"),
        "Hanoi": ("VNM", "capital"),
        "Beijing": ("CHN", "capital"),
    }
    doc = parse(EMBASSY, actors)
    resolver = _resolver(doc, gazetteer, date(2014, 5, 15))
    found = place_in(resolver, doc[5], depth=0)
    assert found is not None and found.actor.id == "VNM"
    place = event_place(resolver, doc[1])
    assert place is not None and place.actor.id == "VNM"
    # a place noun that is no embassy still passes on its owner ("Lebanon's south")
    south = parse(EMBASSY.replace("embassy embassy", "south south"), actors)
    owned = place_in(_resolver(south, gazetteer, None), south[5], depth=0)
    assert owned is not None and owned.actor.id == "CHN"


ADMINISTRATION = """
The the DET DT det 2
Obama Obama PROPN NNP compound 2
administration administration NOUN NN nsubj 3
warned warn VERB VBD ROOT 3
the the DET DT det 6
Obama Obama PROPN NNP compound 6
family family NOUN NN dobj 3
. . PUNCT . punct 3
"""


def test_the_leaders_administration_is_the_leaders_state(parse, gazetteer):
    doc = parse(ADMINISTRATION)
    resolver = _resolver(doc, gazetteer, date(2013, 5, 1))
    assert _ids(resolver.resolve(doc[2], exclude=())) == ["USA"]
    assert resolver.resolve(doc[6], exclude=()) == []  # a family is no government


TITLE_ONLY = """
The the DET DT det 3
U.S. U.S. PROPN NNP compound 3
Assistant Assistant PROPN NNP compound 3
Secretary Secretary PROPN NNP nsubj 4
said say VERB VBD ROOT 4
he he PRON PRP nsubj 6
welcomed welcome VERB VBD ccomp 4
it it PRON PRP dobj 6
. . PUNCT . punct 4
"""


def test_he_after_a_title_only_office_holder_is_the_titles_state(parse, gazetteer):
    doc = parse(TITLE_ONLY, {"U.S.": ("USA", "alias")})
    resolver = _resolver(doc, gazetteer, date(2013, 5, 1))
    assert _ids(resolver.resolve(doc[5], exclude=())) == ["USA"]
    # a body, not an office holder, is no antecedent of "he"
    body = parse(
        TITLE_ONLY.replace("Secretary Secretary", "Embassy Embassy"), {"U.S.": ("USA", "alias")}
    )
    assert _resolver(body, gazetteer, date(2013, 5, 1)).resolve(body[5], exclude=()) == []


def test_north_and_south_korea_names_both_states(blank, gazetteer):
    rows = [
        ("North", "PROPN", "nmod", 3),
        ("and", "CCONJ", "cc", 0),
        ("South", "PROPN", "conj", 0),
        ("Korea", "PROPN", "nsubj", 4),
        ("agreed", "VERB", "ROOT", 4),
        (".", "PUNCT", "punct", 4),
    ]
    doc = Doc(
        blank.vocab,
        words=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        ents=["B-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "O"],
    )
    doc = ActorMatcher(blank)(doc)
    assert {(s.text, s.kb_id_) for s in doc.spans[SPAN_KEY]} == {
        ("North", "PRK"),
        ("South Korea", "KOR"),
    }
    resolver = _resolver(doc, gazetteer, date(2013, 8, 15))
    assert _ids(resolver.actors(doc[3])) == ["KOR", "PRK"]
    # one name alone is one state
    alone = ActorMatcher(blank)(
        Doc(
            blank.vocab,
            words=["South", "Korea", "agreed"],
            pos=["PROPN", "PROPN", "VERB"],
            deps=["compound", "nsubj", "ROOT"],
            heads=[1, 2, 2],
        )
    )
    assert _ids(_resolver(alone, gazetteer, None).actors(alone[1])) == ["KOR"]
