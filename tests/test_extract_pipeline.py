"""End-to-end extraction through the real spaCy model (slow: loads the model once)."""

from __future__ import annotations

import json
from datetime import date
from importlib.resources import files

import pytest

from geokg.errors import ModelLoadError
from geokg.extract import Extractor, load_model
from geokg.model import Document, Fact
from geokg.testing import fact_keys

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def one(facts: list[Fact], relation: str) -> Fact:
    found = [f for f in facts if f.relation.id == relation]
    assert found, [(f.subject.id, f.relation.id, f.object.id) for f in facts]
    return found[0]


def test_unknown_model_is_a_one_line_error() -> None:
    with pytest.raises(ModelLoadError, match="cannot load spaCy model 'no_such_model_xx'"):
        load_model("no_such_model_xx")


# -- relation families ------------------------------------------------------------------


def test_military_aid_with_item_origin(extractor: Extractor) -> None:
    facts = extractor.extract_text("North Korea shipped artillery shells to Russia last month.")
    fact = one(facts, "suppliesMilitaryAidTo")
    assert (fact.subject.id, fact.object.id, fact.negated) == ("PRK", "RUS", False)
    assert "shells" in fact.attributes["item"]


def test_humanitarian_aid(extractor: Extractor) -> None:
    facts = extractor.extract_text("Jordan delivered medicine and food to Yemen on Sunday.")
    assert any(f.relation.id == "providesHumanitarianAidTo" for f in facts)


def test_attack_and_coordinated_subjects(extractor: Extractor) -> None:
    facts = extractor.extract_text("France and Britain bombed Libya in March.")
    assert {("FRA", "19", "LBY", False), ("GBR", "19", "LBY", False)} <= fact_keys(facts)


def test_passive_attack(extractor: Extractor) -> None:
    facts = extractor.extract_text("A Georgian village was shelled by Russian troops.")
    assert ("RUS", "19", "GEO", False) in fact_keys(facts)


def test_sanctions_light_verb(extractor: Extractor) -> None:
    facts = extractor.extract_text("Canada imposed new sanctions on Belarus on Friday.")
    fact = one(facts, "imposesSanctionsOn")
    assert (fact.subject.id, fact.object.id) == ("CAN", "BLR")


def test_criticise_and_accuse(extractor: Extractor) -> None:
    facts = extractor.extract_text("Sweden condemned Turkey on Monday.")
    assert ("SWE", "11", "TUR", False) in fact_keys(facts)
    facts = extractor.extract_text("Kenya accused Somalia of harbouring militants.")
    assert ("KEN", "11", "SOM", False) in fact_keys(facts)


def test_call_and_meet(extractor: Extractor) -> None:
    facts = extractor.extract_text(
        "The Japanese prime minister met the Indian prime minister in Tokyo."
    )
    assert any(f.relation.cameo.startswith("04") for f in facts)
    facts = extractor.extract_text("Vladimir Putin phoned Recep Tayyip Erdogan on Tuesday.")
    fact = one(facts, "holdsCallWith")
    assert (fact.subject.country, fact.object.country) == ("RUS", "TUR")


def test_demand(extractor: Extractor) -> None:
    facts = extractor.extract_text("Ghana demanded that Togo release the detained fishermen.")
    assert ("GHA", "10", "TGO", False) in fact_keys(facts)


def test_reject(extractor: Extractor) -> None:
    facts = extractor.extract_text("Armenia rejected an Azerbaijani proposal for new talks.")
    assert ("ARM", "12", "AZE", False) in fact_keys(facts)


def test_coerce_arrest(extractor: Extractor) -> None:
    facts = extractor.extract_text("Egyptian police arrested dozens of Sudanese migrants.")
    assert ("EGY", "17", "SDN", False) in fact_keys(facts)


# -- modality ---------------------------------------------------------------------------


def test_negation(extractor: Extractor) -> None:
    facts = extractor.extract_text("Brazil has never sent weapons to Venezuela.")
    assert ("BRA", "07", "VEN", True) in fact_keys(facts)


def test_denial_is_negated_and_attributed(extractor: Extractor) -> None:
    facts = extractor.extract_text("Pakistan denied that it had supplied missiles to Saudi Arabia.")
    fact = one(facts, "suppliesMilitaryAidTo")
    assert fact.negated and fact.asserted_by is not None and fact.asserted_by.id == "PAK"


def test_accusation_lowers_confidence(extractor: Extractor) -> None:
    plain = one(
        extractor.extract_text("Belarus supplied fuel to Russia."), "providesHumanitarianAidTo"
    )
    alleged = extractor.extract_text("Belarus has been accused of supplying fuel to Russia.")
    fact = one(alleged, "providesHumanitarianAidTo")
    assert not fact.negated and fact.confidence < plain.confidence


def test_attribution(extractor: Extractor) -> None:
    facts = extractor.extract_text("Germany said that Russia attacked Ukrainian ports.")
    fact = one(facts, "attacks")
    assert fact.asserted_by is not None and fact.asserted_by.id == "DEU"


def test_hedge(extractor: Extractor) -> None:
    sure = one(extractor.extract_text("Syria attacked Jordan."), "attacks")
    hedged = one(extractor.extract_text("Syria allegedly attacked Jordan."), "attacks")
    assert hedged.confidence < sure.confidence


def test_conditional_yields_no_fact(extractor: Extractor) -> None:
    facts = extractor.extract_text("If Serbia invades Kosovo, prices will rise.")
    assert not any(f.relation.id == "invades" for f in facts)


def test_intent_and_threat(extractor: Extractor) -> None:
    facts = extractor.extract_text("Chile wants to strengthen its cooperation with Argentina.")
    assert ("CHL", "03", "ARG", False) in fact_keys(facts)
    facts = extractor.extract_text("China threatened to sanction Lithuania.")
    fact = one(facts, "threatensSanctionsAgainst")
    assert (fact.subject.id, fact.object.id) == ("CHN", "LTU")
    facts = extractor.extract_text("Poland will send tanks to Ukraine.")
    assert any(f.relation.id == "promisesMilitaryAidTo" for f in facts)


def test_coreference_the_country(extractor: Extractor) -> None:
    text = "Cuba became an ally of Venezuela. The country has been accused of arming Nicaragua."
    assert ("CUB", "07", "NIC", False) in fact_keys(extractor.extract_text(text))


# -- robustness and provenance -----------------------------------------------------------


def test_empty_and_non_english(extractor: Extractor) -> None:
    assert extractor.extract_text("") == []
    assert (
        extractor.extract_text("Die Regierung in Berlin hat Sanktionen gegen Russland verhängt.")
        == []
    )


def test_boilerplate_yields_nothing(extractor: Extractor) -> None:
    assert extractor.extract_text("Thank you for registering\n\nPlease refresh the page") == []


def test_evidence_offsets_point_into_the_text(extractor: Extractor) -> None:
    text = "Headline here\n\nBy A Writer\n\nTurkey shelled Syrian positions on Monday. More text."
    documents = [Document("d1", published=date(2024, 1, 2), text=text)]
    [(_document, facts)] = list(extractor.extract(documents))
    assert facts
    for fact in facts:
        assert fact.evidence is not None
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.sentence
        assert fact.document.text == "" and fact.document.id == "d1"
        assert 0.0 <= fact.confidence <= 1.0


def test_streaming_many_documents(extractor: Extractor) -> None:
    documents = (Document(str(i), text="Iraq condemned Iran.") for i in range(40))
    ids = [document.id for document, facts in extractor.extract(documents) if facts]
    assert ids == [str(i) for i in range(40)]


# -- the seed article --------------------------------------------------------------------


def test_seed_article_required_facts(extractor: Extractor) -> None:
    root = files("geokg") / "data" / "articles"
    text = (root / "01_russia_iranian_drones.txt").read_text(encoding="utf-8")
    facts = extractor.extract_text(text, published=date(2024, 5, 20), document_id="seed")
    found = fact_keys(facts)
    required = {
        ("RUS", "19", "UKR", False),
        ("IRN", "07", "RUS", False),
        ("IRN", "07", "RUS", True),
        ("west", "16", "RUS", False),
        ("west", "11", "RUS", False),
        ("RUS", "03", "IRN", False),
    }
    assert required <= found
    assert any(
        f.relation.cameo[:2] == "04" and {f.subject.country, f.object.country} == {"RUS", "IRN"}
        for f in facts
    )
    denial = next(f for f in facts if f.negated and f.relation.cameo.startswith("07"))
    assert denial.asserted_by is not None and denial.asserted_by.country == "IRN"
    attack = [f for f in facts if f.relation.cameo.startswith("19") and f.asserted_by]
    assert any(f.asserted_by is not None and f.asserted_by.country == "USA" for f in attack)
    assert json.dumps([f.evidence.start for f in facts if f.evidence])  # offsets are plain ints
