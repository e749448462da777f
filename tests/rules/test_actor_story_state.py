"""The state a story is about (fast: hand-built Docs, the real gazetteer).

Rule (:meth:`Resolver.home_state`): an institution or group named without its owner ("the
military", "officials", "security forces") belongs to the one state its sentence names;
when the sentence names none, to the state the story is about (most mentions so far, the
headline and lead counting three times, by a margin of two); else to the one state of the
nearest earlier sentence. Two states in the sentence: nobody's.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from geokg.extract.actors import SPAN_KEY
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

# (word, lemma, pos, dep, head offset within its sentence); sentences separated by None
STORY = [
    [
        ("Nigeria", "Nigeria", "PROPN", "nsubj", 1),
        ("fought", "fight", "VERB", "ROOT", 1),
        ("rebels", "rebel", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
    [
        ("Nigeria", "Nigeria", "PROPN", "nsubj", 1),
        ("arrested", "arrest", "VERB", "ROOT", 1),
        ("rebels", "rebel", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
    [
        ("Washington", "Washington", "PROPN", "nsubj", 1),
        ("offered", "offer", "VERB", "ROOT", 1),
        ("help", "help", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
    [
        ("Officials", "official", "NOUN", "nsubj", 1),
        ("accused", "accuse", "VERB", "ROOT", 1),
        ("rebels", "rebel", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
]
ACTORS = {"Nigeria": ("NGA", "name"), "Washington": ("USA", "capital")}


def _doc(blank: Language, sentences) -> Doc:
    rows, heads, starts = [], [], []
    for sentence in sentences:
        offset = len(rows)
        for i, (word, lemma, pos, dep, head) in enumerate(sentence):
            rows.append((word, lemma, pos, dep))
            heads.append(offset + head)
            starts.append(i == 0)
    doc = Doc(
        blank.vocab,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=heads,
        sent_starts=starts,
    )
    doc.spans[SPAN_KEY] = [
        Span(doc, t.i, t.i + 1, label=ACTORS[t.text][1], kb_id=ACTORS[t.text][0])
        for t in doc
        if t.text in ACTORS
    ]
    return doc


def _home(blank, gazetteer, sentences, index):
    doc = _doc(blank, sentences)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    found = resolver.resolve(doc[index], exclude=())
    return [r.actor.id for r in found]


def test_unowned_officials_belong_to_the_story_not_the_last_state_named(blank, gazetteer):
    assert _home(blank, gazetteer, STORY, 12) == ["NGA"]


def test_with_no_clear_story_state_the_last_state_named_is_theirs(blank, gazetteer):
    # Washington in the lead too: no state leads by two; the last one named is theirs.
    story = [STORY[0], STORY[2], STORY[2], STORY[3]]
    assert _home(blank, gazetteer, story, 12) == ["USA"]


def test_a_state_named_in_the_sentence_comes_first(blank, gazetteer):
    own = [
        ("Officials", "official", "NOUN", "nsubj", 1),
        ("accused", "accuse", "VERB", "ROOT", 1),
        ("Washington", "Washington", "PROPN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert _home(blank, gazetteer, [*STORY[:3], own], 12) == ["USA"]
