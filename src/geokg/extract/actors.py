"""Actor mentions: the gazetteer as a phrase matcher, plus the model's named entities.

The ``geokg_actors`` component writes one span per actor mention to
``doc.spans["geokg_actors"]``: ``span.kb_id_`` is the gazetteer actor id and ``span.label_``
the kind of surface form (name, alias, code, demonym, capital, institution, person, title,
entity). Forms are matched case-insensitively except those the gazetteer flags as
case-sensitive ("US", "Chad", "Turkey" as opposed to "us", "chad", "turkey").

Named entities of the model (GPE, NORP, ORG, PERSON) that the phrase matcher missed are
looked up in the gazetteer by their text (with a leading "the" and a plural "s" removed).
Metonymic capitals inside a longer organisation name ("Washington Post", "Kyiv Post") are
dropped: the newspaper is not the state.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

SPAN_KEY = "geokg_actors"
ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_COMPASS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "the",
    }
)
_STATE_BODIES = frozenset(
    {"forces", "army", "navy", "police", "government", "ministry", "parliament", "military"}
)


class SurfaceFormLike(Protocol):
    text: str
    actor_id: str
    kind: str


class GazetteerLike(Protocol):
    """What the extractor needs from :class:`geokg.actors.Gazetteer`."""

    def surface_forms(self) -> Iterator[Any]: ...

    def lookup(self, name: str) -> Any: ...

    def get(self, actor_id: str) -> Any: ...


def _is_case_sensitive(form: Any) -> bool:
    return bool(getattr(form, "case_sensitive", False))


def default_gazetteer() -> GazetteerLike:
    """The packaged gazetteer (imported lazily: loading it reads data files)."""
    from geokg.actors import Gazetteer

    gazetteer: GazetteerLike = Gazetteer.load()
    return gazetteer


class ActorMatcher:
    """spaCy component marking actor mentions (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "geokg_actors") -> None:
        self.nlp = nlp
        self.name = name
        self._gazetteer: GazetteerLike | None = None
        self._matchers: tuple[PhraseMatcher, PhraseMatcher] | None = None

    def use_gazetteer(self, gazetteer: GazetteerLike) -> None:
        """Use ``gazetteer`` instead of the packaged one (rebuilds the matchers lazily)."""
        self._gazetteer = gazetteer
        self._matchers = None

    @property
    def gazetteer(self) -> GazetteerLike:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def _build(self) -> tuple[PhraseMatcher, PhraseMatcher]:
        folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        patterns: dict[tuple[bool, str], list[Doc]] = {}
        for form in self.gazetteer.surface_forms():
            text = str(form.text).strip()
            if not text:
                continue
            key = f"{form.actor_id}|{form.kind}"
            patterns.setdefault((_is_case_sensitive(form), key), []).append(self.nlp.make_doc(text))
        for (case_sensitive, key), docs in patterns.items():
            (exact if case_sensitive else folded).add(key, docs)
        return folded, exact

    def __call__(self, doc: Doc) -> Doc:
        if self._matchers is None:
            self._matchers = self._build()
        spans = list(self._phrase_spans(doc)) + list(self._entity_spans(doc))
        doc.spans[SPAN_KEY] = filter_spans(
            [s for s in spans if not self._inside_foreign_name(doc, s)]
        )
        return doc

    def _phrase_spans(self, doc: Doc) -> Iterable[Span]:
        assert self._matchers is not None
        for matcher in self._matchers:
            for match_id, start, end in matcher(doc):
                actor_id, kind = self.nlp.vocab.strings[match_id].split("|", 1)
                yield Span(doc, start, end, label=kind, kb_id=actor_id)

    def _entity_spans(self, doc: Doc) -> Iterable[Span]:
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            record = lookup_name(self.gazetteer, ent.text)
            if record is not None:
                yield Span(doc, ent.start, ent.end, label="entity", kb_id=str(record.id))

    @staticmethod
    def _inside_foreign_name(doc: Doc, span: Span) -> bool:
        """A name inside a longer name is not the actor ("Washington Post", "West Darfur
        State"), unless the longer name is the state's own body ("Israel Defense Forces")
        or the match is a demonym ("the Serbian Workers' Union" acts for Serbia)."""
        if span.label_ in {"demonym", "person"}:
            return False
        for ent in doc.ents:
            if ent.label_ not in {"ORG", "WORK_OF_ART", "FAC", "LOC", "GPE", "EVENT"}:
                continue
            if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
                if ent.label_ == "ORG" and ent[-1].lower_ in _STATE_BODIES:
                    return False
                rest = [t for t in ent if t.i < span.start or t.i >= span.end]
                # "South Lebanon", "northern Israel" are the state's own land.
                return not all(t.lower_ in _COMPASS for t in rest)
        return False


def lookup_name(gazetteer: GazetteerLike, text: str) -> Any:
    """Look a name up, trying it without a leading "the", possessive or plural "s"."""
    candidates = [text.strip()]
    for prefix in ("the ", "The "):
        if candidates[0].startswith(prefix):
            candidates.append(candidates[0][len(prefix) :])
    for name in list(candidates):
        for suffix in ("'s", "’s", "s"):
            if name.endswith(suffix) and len(name) > len(suffix) + 2:
                candidates.append(name[: -len(suffix)])
    for name in candidates:
        record = gazetteer.lookup(name)
        if record is not None:
            return record
    return None


@Language.factory("geokg_actors")
def make_actor_matcher(nlp: Language, name: str) -> ActorMatcher:
    """Factory of the ``geokg_actors`` component (registered so that workers re-create it)."""
    return ActorMatcher(nlp, name)
