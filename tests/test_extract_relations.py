"""Relation rules and lexicon frames through the real spaCy model (wire-service sentences).

Each case is ``(sentence, expected, forbidden)``: ``expected`` is a set of (subject key,
CAMEO root, object key) triples that must be extracted (keys: ISO3 country, else actor id),
``forbidden`` triples must not be. The sentences are written for these tests, in the style
of the CAMEO manual's examples; they exercise one rule or lexicon entry each.
"""

from __future__ import annotations

import pytest

from geokg.extract import Extractor
from geokg.extract.lexicon import load_lexicon
from geokg.model import Fact

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def triples(facts: list[Fact]) -> set[Triple]:
    return {
        (
            f.subject.country or f.subject.id,
            f.relation.cameo[:2],
            f.object.country or f.object.id,
        )
        for f in facts
        if not f.negated
    }


CASES: list[tuple[str, set[Triple], set[Triple]]] = [
    # -- same-country (domestic) events: two different phrases, one country ------------
    (
        "Egyptian police arrested dozens of Egyptian students in Cairo on Monday.",
        {("EGY", "17", "EGY")},
        set(),
    ),
    (
        "Pakistan will allow Pakistani refugees who fled to Iran to return home.",
        {("PAK", "03", "PAK")},
        set(),
    ),
    # one mention is never a fact with itself
    ("Iranian officials met in Tehran on Sunday.", set(), {("IRN", "04", "IRN")}),
    # -- owner of a non-actor object ("X's efforts", "a resolution of the council") -----
    (
        "A senior Japanese official praised India's efforts to curb emissions.",
        {("JPN", "05", "IND")},
        set(),
    ),
    (
        "Brazil on Tuesday criticised Argentina's decision to raise import tariffs.",
        {("BRA", "11", "ARG")},
        set(),
    ),
    (
        "Pakistan denounced as a provocation India's deployment of troops near the border.",
        {("PAK", "11", "IND")},
        set(),
    ),
    # -- a preposition whose object the parser attached to a following clause ---------
    (
        "Ecuador has granted political asylum to three Colombian army officers hiding in "
        "its embassy, officials said.",
        {("ECU", "07", "COL")},
        set(),
    ),
    # -- "a statement demanding that Y ...": the issuer demands -------------------------
    (
        "The Kenyan government issued a statement demanding that Uganda release the "
        "detained traders.",
        {("KEN", "10", "UGA")},
        set(),
    ),
    # -- "threatened to ... unless Y ..." -------------------------------------------------
    (
        "Greek farmers threatened to block the highways unless Turkey withdrew its troops.",
        {("GRC", "13", "TUR")},
        set(),
    ),
    # -- sending inspectors is an investigation; receiving them concedes ----------------
    (
        "The IAEA has dispatched inspectors to a uranium plant in Iran.",
        {("iaea", "09", "IRN")},
        {("iaea", "07", "IRN")},
    ),
    (
        "The Georgian prime minister received a mission of observers from the OSCE.",
        {("GEO", "08", "osce")},
        {("GEO", "04", "osce")},
    ),
    # -- RETREAT / CONCEDE -----------------------------------------------------------------
    (
        "Libya said it had paid compensation to the families of French victims.",
        {("LBY", "08", "FRA")},
        set(),
    ),
    (
        "Armenian President Robert Kocharian agreed to Russian mediation in the dispute.",
        {("ARM", "03", "RUS")},
        set(),
    ),
    # -- REJECT ------------------------------------------------------------------------
    (
        "Russia on Friday vetoed a Security Council resolution condemning the attack.",
        {("RUS", "12", "unsc")},
        set(),
    ),
    ("Turkey has refused to deploy troops in Syria.", {("TUR", "12", "SYR")}, set()),
    # -- CONSULT: a mediation mission/effort between two parties ------------------------
    (
        "The Kenyan president undertook a mediation mission between Ethiopia and Eritrea.",
        {("KEN", "04", "ETH"), ("KEN", "04", "ERI")},
        set(),
    ),
    # -- a target located by the place of the event --------------------------------------
    (
        "Iraqi prisoners rioted on Monday at a detention camp in southern Kuwait.",
        {("IRQ", "14", "KWT")},
        set(),
    ),
    # -- an event noun inside an organisation's name is no event -------------------------
    (
        "The Shanghai Cooperation Organisation held a summit in Astana on Thursday.",
        set(),
        {("sco", "06", "sco")},
    ),
    # -- the act demanded is not a fact ---------------------------------------------------
    (
        "Turkey demanded that its NATO allies refuse to recognise the Kurdish administration.",
        set(),
        {("nato", "12", "TUR")},
    ),
    # -- DEMAND ------------------------------------------------------------------------
    (
        "France is pushing hard for Germany to back its plan for a common budget.",
        {("FRA", "10", "DEU")},
        set(),
    ),
    # -- coordination: a possessive pronoun stands for every conjunct of the subject -----
    (
        "France and Germany announced their own sanctions against Iran.",
        {("FRA", "16", "IRN"), ("DEU", "16", "IRN")},
        set(),
    ),
    # -- every conjunct verb yields its own event, also when the second has a clause -----
    (
        "The Egyptian president telephoned his Sudanese counterpart and said Egypt would "
        "send food aid to Khartoum.",
        {("EGY", "04", "SDN"), ("EGY", "03", "SDN")},
        set(),
    ),
    # -- PROTEST: no target named -> the place, else the protesters' own state -----------
    ("Angry Bolivian miners blocked highways on Tuesday.", {("BOL", "14", "BOL")}, set()),
    ("Kenyan teachers rallied on Friday.", {("KEN", "14", "KEN")}, set()),
    ("Chilean students marched through Santiago on Thursday.", {("CHL", "14", "CHL")}, set()),
    ("France protested on Monday.", set(), {("FRA", "14", "FRA")}),
    (
        "Armed Albanians had barricaded themselves in a school in Kosovo.",
        set(),
        {("XKX", "14", "XKX"), ("ALB", "14", "XKX"), ("ALB", "14", "ALB")},
    ),
    # a purpose clause names the target
    (
        "Students in Caracas blocked a highway to show their anger at Colombia's border policy.",
        {("VEN", "14", "COL")},
        {("VEN", "14", "VEN")},
    ),
    (
        "Thousands of Greek workers stopped work on Monday over a pension reform.",
        {("GRC", "14", "GRC")},
        set(),
    ),
    # -- ASSAULT/FIGHT: an incident with no named perpetrator stands for its place ---------
    (
        "A car bomb near the town of Kirkuk killed three Turkish engineers on Sunday.",
        {("IRQ", "18", "TUR")},
        set(),
    ),
    (
        "Two Pakistani soldiers were killed in a roadside bombing near Peshawar.",
        {("PAK", "18", "PAK")},
        set(),
    ),
    ("Gunmen killed four Nigerian villagers in Lagos on Saturday.", {("NGA", "19", "NGA")}, set()),
    (
        "Ethiopian troops captured a strategic town in Somalia after heavy fighting.",
        {("ETH", "19", "SOM")},
        set(),
    ),
    # -- COERCE --------------------------------------------------------------------------
    (
        "Colombian rebels blew up an oil pipeline in northern Colombia.",
        {("COL", "17", "COL")},
        set(),
    ),
    # -- MOBILIZE ------------------------------------------------------------------------
    (
        "Indian troops remained on alert along the border with Pakistan.",
        {("IND", "15", "PAK")},
        set(),
    ),
    ("Syria massed troops on its border with Turkey.", {("SYR", "15", "TUR")}, set()),
    # -- REJECT: "is opposed to" states the subject's stance ------------------------------
    (
        "Greece is opposed to Turkish membership of the European Union.",
        {("GRC", "12", "TUR")},
        set(),
    ),
    # -- SANCTION --------------------------------------------------------------------------
    (
        "Canada denied entry to a Russian parliamentary delegation.",
        {("CAN", "16", "RUS")},
        set(),
    ),
    (
        "Canada withdrew its peacekeepers from Cyprus.",
        {("CAN", "16", "CYP")},
        {("CAN", "08", "CYP")},
    ),
    ("Russia withdrew its troops from Moldova.", {("RUS", "08", "MDA")}, set()),
    # -- THREATEN / AGREE ------------------------------------------------------------------
    (
        "Hezbollah threatened to deliver painful blows to Israel.",
        {("hezbollah", "13", "ISR")},
        set(),
    ),
    ("Iraq returned hundreds of Kuwaiti prisoners of war.", {("IRQ", "08", "KWT")}, set()),
    # -- a noun inside a name is no event ----------------------------------------------------
    (
        "Officials of the Economic Cooperation Organization met in Tehran.",
        set(),
        {("IRN", "06", "IRN")},
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "forbidden"), CASES)
def test_relation_rules(
    extractor: Extractor, sentence: str, expected: set[Triple], forbidden: set[Triple]
) -> None:
    found = triples(extractor.extract_text(sentence))
    assert expected <= found, found
    assert not (forbidden & found), found


def test_item_actor_frames_are_loaded() -> None:
    lexicon = load_lexicon()
    assert any(frame.item_actors for frame in lexicon.verbs["dispatch"])
    assert lexicon.verbs["receive"][0].relation_for(frozenset({"inspectors"})) == (
        "allowsInternationalInvolvement"
    )
