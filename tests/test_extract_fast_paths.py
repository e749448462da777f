"""Fast paths of the extraction hot path answer as the slow way they replace (no model
loaded: plain strings and sets)."""

from __future__ import annotations

import pytest

from geokg.extract.lexicon import words
from geokg.extract.resolve import _title_terms
from geokg.extract.segments import BOILERPLATE, _boilerplate

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
