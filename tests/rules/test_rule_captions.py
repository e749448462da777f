"""Photo captions (fast: strings, hand-built Docs, no statistical model).

Rule (:func:`geokg.extract.segments.caption_line`, :mod:`geokg.extract.captions`): every
sentence of a line that opens with "FILE -", carries a photo credit, or ends with a date
right after a comma or a place name is a caption; there an argument only the caption's place
gives (a context state, a place under a scene preposition or none) is dropped, and so is a
fact between two actors of one state.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from geokg.extract.captions import caption_candidate, caption_keeps
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolution import Resolved, Via
from geokg.extract.rules.base import Candidate, Draft
from geokg.extract.segments import Region, caption_line, region_of
from geokg.model import Actor, ActorType

Parse = Any  # the ``parse`` fixture of conftest.py


@pytest.mark.parametrize(
    "line",
    [
        "FILE - Protesters gather in front of the embassy.",
        "• FILE: A ship sails in the South China Sea.",
        "Soldiers patrol in Donetsk, eastern Ukraine, Aug. 10, 2014.",
        "Police use a water cannon on activists, Manila April 29, 2014.",
        'A man walks past posters that threaten "the imperialists," March 26, 2013.',
        "Troops arrive in Juba, Dec. 20, 2013. (AP Photo/Ben Curtis)",
        "A vessel is seen near the rig, June 2014.",
        "Leaders meet in Paris (Getty Images)",
    ],
)
def test_caption_lines(line: str) -> None:
    assert caption_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The truce was signed in Minsk on Sept. 5, 2014.",
        "The north and south fought a war that ended in July 2011.",
        "Updated June 5, 2024",
        "Protesters stayed overnight in the financial district July 2, 2014.",
        "FILES on the deal were released to the press on Monday.",
        "Soldiers patrol in Donetsk, eastern Ukraine.",
    ],
)
def test_lines_that_are_no_captions(line: str) -> None:
    assert not caption_line(line)


def test_every_sentence_of_a_caption_line_is_caption(blank: Language) -> None:
    doc = blank(
        "Officials in Kyiv said the convoy had crossed the border without permission.\n"
        "FILE - A rebel holds a flag at the city hall in Mariupol. The rebels have held the "
        "building and the square for weeks.\n"
        "A rebel holds a flag at the city hall in Mariupol, eastern Ukraine, May 7, 2014.\n"
        "The rebels have held the building and the square for weeks, since May 7, 2014."
    )
    for token in doc[1:]:
        previous = doc[token.i - 1]
        token.is_sent_start = previous.text == "." or "\n" in previous.text
    regions = [region_of(sentence) for sentence in doc.sents if sentence.text.strip()]
    body, caption = Region.BODY, Region.CAPTION
    assert regions == [body, caption, caption, caption, body]
    assert [region_of(s, doc.text) for s in doc.sents if s.text.strip()] == regions


MARCH = """
Thai Thai ADJ JJ amod 1
protesters protester NOUN NNS nsubj 2
march march VERB VBP ROOT 2
out out ADP RB advmod 2
of of ADP IN prep 3
Gaza Gaza PROPN NNP pobj 4
, , PUNCT , punct 2
in in ADP IN prep 2
Bangkok Bangkok PROPN NNP pobj 7
, , PUNCT , punct 8
Thailand Thailand PROPN NNP appos 8
"""
THAI = Actor("THA", "Thailand", ActorType.STATE, "THA")
PSE = Actor("PSE", "Palestine", ActorType.STATE, "PSE")


def _candidate(doc: Doc, *objects: Resolved) -> Candidate:
    frame = load_lexicon().verbs["march"][0]
    return Candidate(
        predicate=doc[2],
        anchor=doc[2],
        frame=frame,
        relation=frame.relation,
        subjects=(Resolved(THAI, 0.9, Via.AGENT_NOUN, 1),),
        objects=objects,
        item=None,
        strength=1.0,
    )


def test_the_captions_place_is_no_argument(parse: Parse) -> None:
    doc = parse(MARCH)
    scene = Resolved(THAI, 1.0, Via.LOCATION, 8)  # "in Bangkok"
    closing = Resolved(THAI, 1.0, Via.NAME, 10)  # named: stays
    home = Resolved(THAI, 1.0, Via.HOME, 1)  # from context
    assert caption_candidate(_candidate(doc, scene), doc) is None
    assert caption_candidate(_candidate(doc, home), doc) is None
    kept = caption_candidate(_candidate(doc, scene, closing), doc)
    assert kept is not None and kept.objects == (closing,)


def test_a_place_under_another_preposition_stays(parse: Parse) -> None:
    doc = parse(MARCH)
    target = Resolved(PSE, 1.0, Via.LOCATION, 5)  # "out of Gaza": the act's argument
    candidate = _candidate(doc, target)
    assert caption_candidate(candidate, doc) is candidate


def _draft(subject: Actor, target: Actor) -> Draft:
    return Draft(subject, "demonstratesAgainst", target, False, None, 0.6, (), 0, 10, False)


def test_a_caption_keeps_no_fact_within_one_state() -> None:
    officer = Actor("somchai", "Somchai", ActorType.PERSON, "THA")
    un = Actor("un", "United Nations", ActorType.INTERNATIONAL_ORGANIZATION, None)
    assert not caption_keeps(_draft(THAI, THAI))
    assert not caption_keeps(_draft(officer, THAI))
    assert caption_keeps(_draft(THAI, PSE))
    assert caption_keeps(_draft(un, THAI))
