"""Fast paths of the extraction hot path answer as the slow way they replace (no model
loaded: plain strings and sets)."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from geokg.extract.events import _pobjs, _with_conjuncts
from geokg.extract.language import MARKERS_KEY, clearly_foreign, looks_english
from geokg.extract.lexicon import words
from geokg.extract.resolve import _title_terms
from geokg.extract.rules.answers import _window_start
from geokg.extract.segments import BOILERPLATE, _boilerplate
from geokg.extract.syntax import children_labelled
from geokg.extract.tokenindex import string_ids

BOILERPLATE_CASES = [
    "Thank you for registering.",
    "THANK YOU FOR SUBSCRIBING",
    "Please Refresh The Page to continue",
    "Sign Up For our daily briefing",
    "Related: Iran talks stall",
    "  SHARE  ",
    "Copyright 2024 Reuters",
    "The copyright owners sued the firm",  # anchored at the start only
    "The ministry's newsletter said the talks would resume.",
    "Get our free Weekly newsletter",
    "Russia said it would respond.",
    "Ankara and Kyiv signed the deal.",
    "",
    # Non-ASCII text takes the case-insensitive search itself: the long s and the Kelvin
    # sign match 's' and 'k' case-insensitively but not once lowered.
    "ſubſcribe now",
    "clic\u212a here to read",
    "Kyiv says ſanctions work",
    "Déclaration: sign up for updates",
    "İstanbul talks; follow us",
    "© Agence France-Presse",
]


def test_boilerplate_pattern_is_lowercase() -> None:
    assert BOILERPLATE.pattern == BOILERPLATE.pattern.lower()


@pytest.mark.parametrize("text", BOILERPLATE_CASES)
def test_boilerplate_fast_path_answers_as_the_case_insensitive_search(text: str) -> None:
    assert _boilerplate(text) == (BOILERPLATE.search(text) is not None)


def test_boilerplate_cases_both_match_and_do_not() -> None:
    found = [_boilerplate(text) for text in BOILERPLATE_CASES]
    assert found.count(True) >= 10 and found.count(False) >= 4


def test_title_terms_are_the_lowercase_words_of_the_titles_honorifics_and_agent_nouns() -> None:
    titles = (("defence minister", ("Defense Secretary", "Minister of Defence")),)
    found = _title_terms(titles, frozenset({"spokesman"}))
    assert {"defense", "secretary", "minister", "of", "defence", "spokesman"} <= found
    assert words().honorifics <= found and words().name_titles <= found
    assert "Defense" not in found and "defence" not in _title_terms((), frozenset())
    # Built once per gazetteer and lexicon: an equal key answers the same set.
    again = tuple((role, tuple(forms)) for role, forms in titles)
    assert _title_terms(again, frozenset({"spokesman"})) is found


def _parsed_doc() -> Doc:
    """Three sentences with a hand-made parse (heads and labels, no model; the blank English
    vocabulary gives lowercase forms)."""
    words_ = ["Iran", "denied", "it", ".", "Russia", "struck", "Kyiv", "on", "Monday", "."]
    words_ += ["Ukraine", "said", "so", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 5, 7, 5, 11, 11, 11, 11]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "prep", "pobj"]
    deps += ["punct", "nsubj", "ROOT", "advmod", "punct"]
    starts: list[bool | int | None] = [True, False, False, False, True, False, False, False]
    starts += [False, False, True]
    starts += [False, False, False]
    return Doc(spacy.blank("en").vocab, words=words_, heads=heads, deps=deps, sent_starts=starts)


def _window_start_by_all_sentences(sentence: Span) -> int:
    before = [s.start_char for s in sentence.doc.sents if s.start < sentence.start]
    return before[-2:][0] if before else sentence.start_char


def test_window_start_is_two_sentences_back_as_read_over_every_sentence() -> None:
    doc = _parsed_doc()
    spans = [*doc.sents, doc[5:7], doc[11:13], doc[0:2]]
    found = [_window_start(span) for span in spans]
    assert found == [_window_start_by_all_sentences(span) for span in spans]
    assert found[:3] == [0, 0, 0] and _window_start(doc[11:13]) == doc[4].idx


def test_event_children_by_label_are_the_token_s_children_in_order() -> None:
    doc = _parsed_doc()
    for token in doc:
        for labels in ({"dobj"}, {"dobj", "prep", "nsubj"}, {"pobj"}, set()):
            expected = [c for c in token.children if c.dep_ in labels]
            assert [c.i for c in children_labelled(token, labels)] == [c.i for c in expected]
    assert [c.i for c in children_labelled(doc[5], {"dobj", "prep", "nsubj"})] == [4, 6, 7]


def test_event_pobjs_are_the_objects_of_the_token_s_prepositions_in_order() -> None:
    doc = _parsed_doc()
    for token in doc:
        for preps in (frozenset({"on"}), frozenset({"in"}), frozenset()):
            expected = [
                p.i
                for prep in token.children
                if prep.dep_ in {"prep", "prt"} and prep.lower_ in preps
                for p in prep.children
                if p.dep_ == "pobj"
            ]
            assert [p.i for p in _pobjs(token, preps)] == expected
    assert [p.i for p in _pobjs(doc[5], frozenset({"on"}))] == [8]


def test_subdivision_words_are_found_by_their_lowercase_ids() -> None:
    # ActorMatcher._subdivision_spans builds only the tokens whose LOWER id is the id of a
    # subdivision word: the ids must be those of the words' lowercase forms, as spelt in
    # text in any case.
    subdivision_words = sorted(words().subdivision_words)
    text = " ".join(subdivision_words + [w.title() for w in subdivision_words] + ["Kyiv"])
    doc = spacy.blank("en")(text)
    wanted = string_ids(words().subdivision_words)
    assert wanted == {get_string_id(word) for word in subdivision_words}
    assert string_ids(frozenset(subdivision_words)) is wanted  # built once per word list
    found = [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in wanted]
    assert found == [t.i for t in doc if t.lower_ in words().subdivision_words]
    assert len(found) == 2 * len(subdivision_words)


LANGUAGE_CASES = [
    "Russia struck Kyiv on Monday. Ukraine said so.",
    "Le ministre a dit que les troupes sont dans la ville. Russia denied it.",
    "Der Minister sagte, die Truppen sind in der Stadt und bleiben dort. Berlin agreed.",
    "El Salvador and La Paz signed a deal. Los Angeles hosted the talks.",
    "Il a dit: la guerre est finie. The war is over, he said in French.",
    "Москва заявила, что войска остаются. Moscow said the troops stay.",
    "Déclaration: le gouvernement et les partis sont d'accord.",
    "“Kyiv will not yield,” Zelensky said — and Moscow’s envoy left.",
    "Crème brûlée, señor: Zürich and Malmö signed.",
    "42 . 7",
    "de la",
]


@pytest.mark.parametrize("text", LANGUAGE_CASES)
def test_language_checks_answer_as_the_token_walk(text: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    fast, slow = nlp(text), nlp(text)
    # Every token taken for non-ASCII: the shortcuts never apply, the token walk decides.
    slow.user_data[MARKERS_KEY] = (len(slow), (len(slow), [], list(range(len(slow)))))
    assert looks_english(fast) == looks_english(slow)
    assert [clearly_foreign(s) for s in fast.sents] == [clearly_foreign(s) for s in slow.sents]


def test_language_cases_are_foreign_and_english() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    verdicts = [clearly_foreign(s) for text in LANGUAGE_CASES for s in nlp(text).sents]
    assert verdicts.count(True) >= 3 and verdicts.count(False) >= 5
    assert looks_english(nlp(LANGUAGE_CASES[0])) and not looks_english(nlp(LANGUAGE_CASES[2]))


def test_event_objects_with_conjuncts_are_the_tokens_then_their_conj_children() -> None:
    words_ = ["Russia", "launched", "drills", "and", "exercises", "and", "strikes", "."]
    heads = [1, 1, 1, 2, 2, 4, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "cc", "conj", "cc", "conj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words_, heads=heads, deps=deps)
    for tokens in ([doc[2]], [doc[2], doc[4]], [doc[1]], []):
        expected = [
            t.i
            for token in tokens
            for t in [token, *(c for c in token.children if c.dep_ == "conj")]
        ]
        assert [t.i for t in _with_conjuncts(tokens)] == expected
    assert [t.i for t in _with_conjuncts([doc[2], doc[4]])] == [2, 4, 4, 6]
