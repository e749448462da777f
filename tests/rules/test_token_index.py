"""The indexes the rules read instead of walking tokens (fast: no model): the sentence token
index, the per-document children by label, and the line-break sentencizer."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from geokg.extract.lexicon import load_lexicon
from geokg.extract.segments import LineBreakSentencizer
from geokg.extract.syntax import _child_index, _children
from geokg.extract.tokenindex import TokenIndex

# "The army staged drills and Iran warned that Israel will pay. They agreed." (two
# sentences; "staged" carries a tagger lemma the lexicon corrects, stag -> stage).
TABLE = """
The the DET DT det 1
army army NOUN NN nsubj 2
staged stag VERB VBD ROOT 2
drills drill NOUN NNS dobj 2
and and CCONJ CC cc 2
Iran Iran PROPN NNP nsubj 6
warned warn VERB VBD conj 2
that that SCONJ IN mark 10
Israel Israel PROPN NNP nsubj 10
will will AUX MD aux 10
pay pay VERB VB ccomp 6
. . PUNCT . punct 6
"""


def _words(tokens):
    return [t.text for t in tokens]


def test_queries_answer_in_sentence_order(parse):
    doc = parse(TABLE)
    index = TokenIndex(doc[:], load_lexicon())
    assert _words(index.pos("VERB")) == ["staged", "warned", "pay"]
    assert _words(index.pos("VERB", "AUX")) == ["staged", "warned", "will", "pay"]
    assert _words(index.pos("PROPN", "NOUN")) == ["army", "drills", "Iran", "Israel"]
    assert _words(index.dep("nsubj")) == ["army", "Iran", "Israel"]
    assert _words(index.dep("dobj", "aux")) == ["drills", "will"]
    assert index.pos("INTJ") == () and index.dep("agent") == ()


def test_lemmas_are_the_lexicons_and_the_plain_ones(parse):
    doc = parse(TABLE)
    lexicon = load_lexicon()
    index = TokenIndex(doc[:], lexicon)
    assert [index.lemma(t) for t in doc] == [lexicon.lemma(t) for t in doc]
    assert index.lemma(doc[2]) == "stage"  # corrected, as Lexicon.lemma does
    assert _words(index.lemma_in({"stage", "pay", "warn"})) == ["staged", "warned", "pay"]
    assert _words(index.lemma_in({"stag"})) == []
    assert _words(index.plain_in({"stag", "drill"})) == ["staged", "drills"]
    assert _words(index.lemma_in(frozenset())) == []


def test_an_index_covers_only_its_own_sentence(parse):
    doc = parse(TABLE)
    index = TokenIndex(doc[5:12], load_lexicon())
    assert _words(index.pos("VERB")) == ["warned", "pay"]
    assert index.covers(doc[5:12]) and not index.covers(doc[:])
    assert not index.covers(parse(TABLE)[5:12])  # same words, another Doc


def test_the_context_builds_the_index_once_per_sentence(parse, context):
    doc = parse(TABLE)
    made = context(doc)
    first = made.tokens(doc[:])
    assert made.tokens(doc[:]) is first
    other = made.tokens(doc[5:12])
    assert other is not first and _words(other.pos("VERB")) == ["warned", "pay"]


def test_children_by_label_match_the_parse(parse):
    doc = parse(TABLE)
    index = _child_index(doc)
    for token in doc:
        # Left and right children, in document order, with their labels.
        assert index[token.i] == [(c.dep_, c.i) for c in token.children]
    assert [t.text for t in _children(doc[2], "conj")] == ["warned"]
    assert [t.text for t in _children(doc[10], "nsubj")] == ["Israel"]
    assert _children(doc[0], "det") == []


def test_a_line_break_starts_a_sentence():
    vocab = spacy.blank("en").vocab
    words = ["Tehran", "\n", "Iran", "warned", "Israel", "today", "."]
    spaces = [False, False, True, True, True, False, False]
    doc = LineBreakSentencizer()(Doc(vocab, words=words, spaces=spaces))
    assert [t.is_sent_start for t in doc] == [True, False, True, None, None, None, None]
