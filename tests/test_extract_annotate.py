"""The geokg_resolve component with the real model: the Doc is annotated once, with the
publication date, and the facts do not depend on where the annotation was made."""

from __future__ import annotations

from datetime import date

import pytest

from geokg.extract import Extractor
from geokg.extract.annotate import ANNOTATION_KEY, annotation, make_doc
from geokg.model import Document
from geokg.testing import fact_keys

pytestmark = pytest.mark.slow

TEXT = (
    "Iran's president met Vladimir Putin in Moscow on Tuesday. "
    "He said Iran would supply drones to Russia, an allegation the United States rejected."
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_the_component_runs_after_the_actor_matcher(extractor):
    names = extractor.nlp.pipe_names
    assert names.index("geokg_resolve") == names.index("geokg_actors") + 1


def test_the_publication_date_reaches_the_component(extractor):
    doc = extractor.nlp(make_doc(extractor.nlp, TEXT, date(2024, 5, 20)))
    annotated = annotation(doc)
    assert annotated is not None and annotated[0] == date(2024, 5, 20)
    named = {r.actor.id for r in annotated[1].explicit.values() if r is not None}
    assert {"IRN", "RUS", "vladimir-putin"} <= named


def test_facts_do_not_depend_on_where_the_doc_was_annotated(extractor):
    document = Document("t", published=date(2024, 5, 20), text=TEXT)
    expected = fact_keys(extractor.extract_text(TEXT, published=date(2024, 5, 20)))
    assert expected
    annotated = extractor.nlp(make_doc(extractor.nlp, TEXT, date(2024, 5, 20)))
    assert fact_keys(extractor.facts_from_doc(annotated, document)) == expected
    stripped = extractor.nlp(TEXT)
    del stripped.user_data[ANNOTATION_KEY]  # e.g. a Doc from a pipeline without the component
    assert fact_keys(extractor.facts_from_doc(stripped, document)) == expected
    # Annotated for another date (none): resolved again for the document's date.
    undated = extractor.nlp(TEXT)
    assert fact_keys(extractor.facts_from_doc(undated, document)) == expected
