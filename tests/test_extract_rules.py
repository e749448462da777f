"""Fast tests of the extraction rules on hand-built Docs (no statistical model)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc, Span

from geokg.actors import Gazetteer
from geokg.extract.actors import SPAN_KEY
from geokg.extract.lexicon import load_lexicon
from geokg.extract.modality import assess
from geokg.extract.pipeline import looks_english
from geokg.extract.resolve import Resolver
from geokg.extract.rules.frames import sentence_candidates
from geokg.extract.segments import Region, region_of
from geokg.extract.syntax import logical_subject, slot_tokens


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


def make_doc(vocab, rows, actors=()):  # type: ignore[no-untyped-def]
    """rows: (word, lemma, pos, dep, head index); actors: (start, end, actor_id, kind)."""
    words = [r[0] for r in rows]
    doc = Doc(
        vocab,
        words=words,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )
    doc.spans[SPAN_KEY] = [Span(doc, s, e, label=k, kb_id=a) for s, e, a, k in actors]
    return doc


def test_lexicon_relations_exist_in_ontology() -> None:
    from geokg.ontology import load_ontology

    ontology = load_ontology()
    for name in load_lexicon().all_relations():
        assert ontology.relation(name).id == name


def test_supply_with_object_and_item(vocab, gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Iran supplied Russia with drones ."
    doc = make_doc(
        vocab,
        [
            ("Iran", "Iran", "PROPN", "nsubj", 1),
            ("supplied", "supply", "VERB", "ROOT", 1),
            ("Russia", "Russia", "PROPN", "dobj", 1),
            ("with", "with", "ADP", "prep", 1),
            ("drones", "drone", "NOUN", "pobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ],
        actors=[(0, 1, "IRN", "name"), (2, 3, "RUS", "name")],
    )
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    [candidate] = list(sentence_candidates(doc[:], load_lexicon(), resolver))
    assert candidate.relation == "suppliesMilitaryAidTo"
    assert [r.actor.id for r in candidate.subjects] == ["IRN"]
    assert [r.actor.id for r in candidate.objects] == ["RUS"]
    assert candidate.item is not None and candidate.item.text == "drones"


def test_supply_food_is_humanitarian(vocab, gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Egypt sent food to Sudan"
    doc = make_doc(
        vocab,
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 1),
            ("sent", "send", "VERB", "ROOT", 1),
            ("food", "food", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "dative", 1),
            ("Sudan", "Sudan", "PROPN", "pobj", 3),
        ],
        actors=[(0, 1, "EGY", "name"), (4, 5, "SDN", "name")],
    )
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    [candidate] = list(sentence_candidates(doc[:], load_lexicon(), resolver))
    assert candidate.relation == "providesHumanitarianAidTo"
    assert candidate.objects[0].actor.id == "SDN"


def test_passive_attack_swaps_roles(vocab, gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Chad was attacked by Libya"
    doc = make_doc(
        vocab,
        [
            ("Chad", "Chad", "PROPN", "nsubjpass", 2),
            ("was", "be", "AUX", "auxpass", 2),
            ("attacked", "attack", "VERB", "ROOT", 2),
            ("by", "by", "ADP", "agent", 2),
            ("Libya", "Libya", "PROPN", "pobj", 3),
        ],
        actors=[(0, 1, "TCD", "name"), (4, 5, "LBY", "name")],
    )
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    [candidate] = list(sentence_candidates(doc[:], load_lexicon(), resolver))
    assert (candidate.subjects[0].actor.id, candidate.relation, candidate.objects[0].actor.id) == (
        "LBY",
        "attacks",
        "TCD",
    )


def test_slot_paths_and_subject_through_xcomp(vocab) -> None:  # type: ignore[no-untyped-def]
    # "Peru wants to deepen ties with Chile"
    doc = make_doc(
        vocab,
        [
            ("Peru", "Peru", "PROPN", "nsubj", 1),
            ("wants", "want", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("deepen", "deepen", "VERB", "xcomp", 1),
            ("ties", "tie", "NOUN", "dobj", 3),
            ("with", "with", "ADP", "prep", 4),
            ("Chile", "Chile", "PROPN", "pobj", 5),
        ],
    )
    assert [t.text for t in slot_tokens(doc[3], "dobj>prep:with")] == ["Chile"]
    assert [t.text for t in logical_subject(doc[3])] == ["Peru"]
    modality = assess(doc[3], load_lexicon())
    assert modality.mode == "intent" and not modality.negated


def test_negation_and_report(vocab) -> None:  # type: ignore[no-untyped-def]
    # "Oman said Iran did not attack Qatar"
    doc = make_doc(
        vocab,
        [
            ("Oman", "Oman", "PROPN", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("Iran", "Iran", "PROPN", "nsubj", 5),
            ("did", "do", "AUX", "aux", 5),
            ("not", "not", "PART", "neg", 5),
            ("attack", "attack", "VERB", "ccomp", 1),
            ("Qatar", "Qatar", "PROPN", "dobj", 5),
        ],
    )
    modality = assess(doc[5], load_lexicon())
    assert modality.negated
    assert modality.asserter is not None and modality.asserter.text == "Oman"


def test_denial_negates_and_attributes(vocab) -> None:  # type: ignore[no-untyped-def]
    # "Cuba denied arming rebels"
    doc = make_doc(
        vocab,
        [
            ("Cuba", "Cuba", "PROPN", "nsubj", 1),
            ("denied", "deny", "VERB", "ROOT", 1),
            ("arming", "arm", "VERB", "xcomp", 1),
            ("rebels", "rebel", "NOUN", "dobj", 2),
        ],
    )
    modality = assess(doc[2], load_lexicon())
    assert modality.negated and modality.denier is not None and modality.denier.text == "Cuba"


def test_conditional_clause_is_hypothetical(vocab) -> None:  # type: ignore[no-untyped-def]
    # "If Iran attacks Iraq , ..." (the if-clause is an advcl of the main verb)
    doc = make_doc(
        vocab,
        [
            ("If", "if", "SCONJ", "mark", 2),
            ("Iran", "Iran", "PROPN", "nsubj", 2),
            ("attacks", "attack", "VERB", "advcl", 5),
            ("Iraq", "Iraq", "PROPN", "dobj", 2),
            ("prices", "price", "NOUN", "nsubj", 5),
            ("rise", "rise", "VERB", "ROOT", 5),
        ],
    )
    assert assess(doc[2], load_lexicon()).hypothetical


def test_threat_and_refusal_modes(vocab) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ("Iran", "Iran", "PROPN", "nsubj", 1),
        ("threatened", "threaten", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("invade", "invade", "VERB", "xcomp", 1),
        ("Iraq", "Iraq", "PROPN", "dobj", 3),
    ]
    assert assess(make_doc(vocab, rows)[3], load_lexicon()).mode == "threat"
    rows[1] = ("refused", "refuse", "VERB", "ROOT", 1)
    assert assess(make_doc(vocab, rows)[3], load_lexicon()).mode == "refuse"


def test_accusation_lowers_hedge(vocab) -> None:  # type: ignore[no-untyped-def]
    # "Iran was accused of supplying Russia"
    doc = make_doc(
        vocab,
        [
            ("Iran", "Iran", "PROPN", "nsubjpass", 2),
            ("was", "be", "AUX", "auxpass", 2),
            ("accused", "accuse", "VERB", "ROOT", 2),
            ("of", "of", "ADP", "prep", 2),
            ("supplying", "supply", "VERB", "pcomp", 3),
            ("Russia", "Russia", "PROPN", "dobj", 4),
        ],
    )
    modality = assess(doc[4], load_lexicon())
    assert modality.accused and modality.hedge < 1
    assert [t.text for t in logical_subject(doc[4])] == ["Iran"]


def test_regions(vocab) -> None:  # type: ignore[no-untyped-def]
    def sentence(text: str) -> Span:
        nlp = spacy.blank("en")
        return nlp(text)[:]

    assert region_of(sentence("Thank you for registering")) == Region.BOILERPLATE
    assert region_of(sentence("Please refresh the page to continue")) == Region.BOILERPLATE
    assert region_of(sentence("Leaders meet in Paris (Getty Images)")) == Region.CAPTION


def test_language_check(vocab) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    assert looks_english(nlp("Iran supplied drones to Russia, officials said."))
    assert not looks_english(nlp("Die Regierung hat die Sanktionen gegen das Land verlängert."))
    assert not looks_english(nlp("Россия атаковала Украину"))


def test_resolver_demonym_agent_noun_and_office(vocab, gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Iran 's interim president called Turkish officials"
    doc = make_doc(
        vocab,
        [
            ("Iran", "Iran", "PROPN", "poss", 3),
            ("'s", "'s", "PART", "case", 0),
            ("interim", "interim", "ADJ", "amod", 3),
            ("president", "president", "NOUN", "nsubj", 4),
            ("called", "call", "VERB", "ROOT", 4),
            ("Turkish", "turkish", "ADJ", "amod", 6),
            ("officials", "official", "NOUN", "dobj", 4),
        ],
        actors=[(0, 1, "IRN", "name"), (5, 6, "TUR", "demonym")],
    )
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=date(2024, 5, 20))
    [president] = resolver.actors(doc[3])
    assert president.actor.country == "IRN"
    assert president.actor.id == "mohammad-mokhber"
    assert [r.actor.id for r in resolver.actors(doc[6])] == ["TUR"]
