"""Title-case headlines are parsed in sentence case (:mod:`geokg.extract.headlines`).

Fast tests use a blank tokenizer (no names protected: the lines here name nobody the test
depends on); the slow ones run the real pipeline, where gazetteer names keep their capitals.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from geokg.extract import Extractor
from geokg.extract.headlines import recase_headlines, recase_line
from geokg.model import Document
from geokg.testing import fact_keys


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Rebels Seize Northern Town After Heavy Fighting",
            "Rebels seize northern town after heavy fighting",
        ),
        ("Ministers Condemn Attack on Border Post", "Ministers condemn attack on border post"),
    ],
)
def test_title_case_line_is_lowercased_after_its_first_word(
    blank: Language, line: str, expected: str
) -> None:
    assert recase_line(blank, line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # sentence case (body text, captions): untouched
        "Rebels seized the northern town after heavy fighting on Monday.",
        "Officials Said the talks would resume next week in the capital.",
        # too short (bylines, datelines)
        "Sharon Behn",
        "Monday Morning",
        # capitals only
        "BREAKING NEWS FROM THE CAPITAL TODAY",
    ],
)
def test_other_lines_are_left_alone(blank: Language, line: str) -> None:
    assert recase_line(blank, line) == line


def test_recasing_keeps_length_and_other_lines(blank: Language) -> None:
    text = "Rebels Seize Northern Town\n\nRebels seized the town on Monday. Fighting Goes On."
    recased = recase_headlines(blank, text)
    assert len(recased) == len(text)
    assert recased.split("\n")[0] == "Rebels seize northern town"
    assert recased.split("\n")[2] == text.split("\n")[2]


# -- slow: the real pipeline --------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("US Warns Russia Over Crimea Referendum", ("USA", "13", "RUS", False)),
        ("Iran Says It Will Retaliate Against Israel", ("IRN", "13", "ISR", False)),
        ("Japan Condemns North Korean Missile Launch", ("JPN", "11", "PRK", False)),
    ],
)
def test_title_case_headline_states_its_fact(
    extractor: Extractor, headline: str, expected: tuple[str, str, str, bool]
) -> None:
    text = f"{headline}\n\nOfficials spoke to reporters on Monday.\n"
    facts = extractor.extract_text(text)
    assert expected in fact_keys(facts)
    # names keep their capitals and the evidence quotes the original text
    for fact in facts:
        assert fact.evidence.sentence == text[fact.evidence.start : fact.evidence.end]


@pytest.mark.slow
def test_headline_names_are_not_lowercased(extractor: Extractor) -> None:
    document = Document("d", text="UN Security Council Condemns Deadly Syrian Attack on Turkey\n")
    (_, facts), *_ = list(extractor.extract([document]))
    keys = fact_keys(facts)
    # the council condemns; it does not attack Turkey (a garbled title-case parse did)
    assert not any(k[1:3] == ("19", "TUR") and k[0] in {"un", "unsc"} for k in keys)
    assert any(k[0] in {"un", "unsc"} and k[1] == "11" for k in keys), keys
