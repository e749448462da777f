"""Hand-built parsed Docs for the fast rule tests: no statistical model is loaded.

``parse`` builds a Doc from one line per token (``word lemma POS TAG dep head``, the head
as a token index) and marks gazetteer mentions by word (``actors={"Iran": "IRN", "Russian": ("RUS",
"demonym")}``), as the
``geokg_actors`` component would; ``starts`` lists the token indices that begin further
sentences. ``context`` makes the rules' SentenceContext over it with
the real gazetteer, lexicon and ontology.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from geokg.actors import Gazetteer
from geokg.extract.actors import SPAN_KEY
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver
from geokg.extract.rules import SentenceContext
from geokg.ontology import load_ontology

Parse = Callable[..., Doc]
MakeContext = Callable[..., SentenceContext]
Story = Callable[..., Doc]


@pytest.fixture(scope="session")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def parse(blank: Language) -> Parse:
    def build(
        table: str,
        actors: Mapping[str, str | tuple[str, str]] | None = None,
        starts: tuple[int, ...] = (),
    ) -> Doc:
        rows = [line.split() for line in table.strip().splitlines()]
        words = [row[0] for row in rows]
        doc = Doc(
            blank.vocab,
            words=words,
            lemmas=[row[1] for row in rows],
            pos=[row[2] for row in rows],
            tags=[row[3] for row in rows],
            deps=[row[4] for row in rows],
            heads=[int(row[5]) for row in rows],
            sent_starts=[i == 0 or i in starts for i in range(len(rows))],
        )
        spans = []
        for i, word in enumerate(words):
            found = (actors or {}).get(word)
            if found is not None:
                kb_id, kind = (found, "name") if isinstance(found, str) else found
                spans.append(Span(doc, i, i + 1, label=kind, kb_id=kb_id))
        doc.spans[SPAN_KEY] = spans
        return doc

    return build


@pytest.fixture(scope="session")
def story(blank: Language) -> Story:
    """A Doc of several sentences: one table per sentence (``word lemma POS dep head``, the
    head as an index within the sentence), gazetteer mentions by word (``{"Iran": ("IRN",
    "name")}``) and ``ORG`` entities as (start, end) token ranges of the whole Doc."""

    def build(
        sentences: list[str],
        actors: Mapping[str, tuple[str, str]],
        orgs: tuple[tuple[int, int], ...] = (),
    ) -> Doc:
        rows: list[list[str]] = []
        heads: list[int] = []
        starts: list[bool] = []
        for sentence in sentences:
            offset = len(rows)
            for i, line in enumerate(sentence.strip().splitlines()):
                row = line.split()
                rows.append(row)
                heads.append(offset + int(row[4]))
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
            Span(doc, t.i, t.i + 1, label=actors[t.text][1], kb_id=actors[t.text][0])
            for t in doc
            if t.text in actors
        ]
        doc.ents = [Span(doc, start, end, label="ORG") for start, end in orgs]
        return doc

    return build


@pytest.fixture(scope="session")
def context(gazetteer: Gazetteer) -> MakeContext:
    def make(doc: Doc, **fields: object) -> SentenceContext:
        lexicon = load_lexicon()
        resolver = Resolver(doc, gazetteer, lexicon, published=None)
        return SentenceContext(lexicon, load_ontology(), resolver, **fields)  # type: ignore[arg-type]

    return make
