"""Actor resolution as a spaCy component: the Doc is annotated once, in document order.

The ``geokg_resolve`` component runs after ``geokg_actors``. It resolves what every token
of the document names (:data:`geokg.extract.strategies.NAME_STRATEGIES`: gazetteer
mentions, agent nouns, unknown organisations, surnames ...), in document order, with the
coreference this needs ("its president"), and keeps the result in the Doc as plain data
(``doc.user_data["geokg.actors"]``, readable with :func:`annotation`): per token the actor,
the certainty and the route (:class:`~geokg.extract.resolution.Via`), the document's
mentions with their salience, the antecedents of pronouns, and the people known by surname.
It survives ``nlp.pipe(n_process=...)``.

The publication date (who holds an office on that day) reaches the component through the
Doc extension ``doc._.geokg_published`` (an ISO date string), set on a Doc made with
``nlp.make_doc`` before it is piped (:func:`make_doc`). The rules never resolve names again:
:func:`resolver_for` gives them the document's :class:`~geokg.extract.resolve.Resolver`
seeded with the annotation, which only answers what depends on the predicate (coreference
that skips the other argument, conjuncts, modifiers a slot points at).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from geokg.extract.actors import GazetteerLike, default_gazetteer
from geokg.extract.headlines import recase_headlines
from geokg.extract.lexicon import Lexicon, load_lexicon
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import ResolutionState, Resolver
from geokg.model import Actor, ActorType

PUBLISHED = "geokg_published"
"""Doc extension: the publication date of the document, as an ISO string (or ``None``)."""
ANNOTATION_KEY = "geokg.actors"
"""Key of the annotation in ``doc.user_data``."""

if not Doc.has_extension(PUBLISHED):
    Doc.set_extension(PUBLISHED, default=None)


def make_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """A tokenised Doc of ``text`` carrying its publication date, ready for ``nlp.pipe``
    (title-case lines in sentence case: :mod:`geokg.extract.headlines`)."""
    doc = nlp.make_doc(recase_headlines(nlp, text))
    doc._.set(PUBLISHED, published.isoformat() if published is not None else None)
    return doc


def _published(doc: Doc) -> date | None:
    value = doc._.get(PUBLISHED)
    return date.fromisoformat(value) if isinstance(value, str) else None


# -- plain data (msgpack-safe: lists, strings, numbers) ------------------------------------


def _actor_data(actor: Actor) -> list[Any]:
    return [actor.id, actor.label, actor.type.value, actor.country]


def _actor(data: Sequence[Any]) -> Actor:
    return Actor(str(data[0]), str(data[1]), ActorType(data[2]), data[3])


def _resolved_data(found: Resolved | None) -> list[Any] | None:
    if found is None:
        return None
    return [*_actor_data(found.actor), found.certainty, found.via.value, found.token]


def _resolved(data: Sequence[Any] | None) -> Resolved | None:
    if data is None:
        return None
    return Resolved(_actor(data[:4]), float(data[4]), Via(data[5]), int(data[6]))


def _some(data: Sequence[Any]) -> Resolved:
    found = _resolved(data)
    assert found is not None
    return found


def encode(state: ResolutionState, published: date | None) -> dict[str, Any]:
    """The annotation of one document as plain data."""
    return {
        "published": published.isoformat() if published is not None else None,
        "explicit": [[i, _resolved_data(r)] for i, r in state.explicit.items() if r is not None],
        "unnamed": [i for i, r in state.explicit.items() if r is None],
        "mentions": [[i, _resolved_data(r), s] for i, r, s in state.mentions],
        "pronouns": [[i, [_resolved_data(r) for r in rs]] for i, rs in state.pronouns.items()],
        "surnames": [[name, _actor_data(actor)] for name, actor in state.surnames.items()],
    }


def decode(data: Mapping[str, Any]) -> ResolutionState:
    """The :class:`~geokg.extract.resolve.ResolutionState` of an :func:`encode` result."""
    return ResolutionState(
        explicit={
            **dict.fromkeys(data["unnamed"]),
            **{int(i): _resolved(r) for i, r in data["explicit"]},
        },
        mentions=[(int(i), _some(r), int(s)) for i, r, s in data["mentions"]],
        pronouns={int(i): [_some(r) for r in rs] for i, rs in data["pronouns"]},
        surnames={str(name): _actor(a) for name, a in data["surnames"]},
    )


def annotation(doc: Doc) -> tuple[date | None, ResolutionState] | None:
    """The publication date and resolution state the component annotated ``doc`` with."""
    data = doc.user_data.get(ANNOTATION_KEY)
    if not isinstance(data, Mapping):
        return None
    value = data.get("published")
    return (date.fromisoformat(value) if value else None), decode(data)


def annotate(resolver: Resolver) -> None:
    """Resolve what every token names, in document order (the annotate-once pass)."""
    resolver.mentions()


def resolver_for(
    doc: Doc, gazetteer: GazetteerLike, lexicon: Lexicon, *, published: date | None
) -> Resolver:
    """The document's resolver, seeded with the component's annotation when it was made
    for the same publication date (else annotated now, in the same order)."""
    resolver = Resolver(doc, gazetteer, lexicon, published=published)
    annotated = annotation(doc)
    if annotated is not None and annotated[0] == published:
        resolver.restore(annotated[1])
    else:
        annotate(resolver)
    return resolver


class ActorResolver:
    """The ``geokg_resolve`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "geokg_resolve") -> None:
        self.nlp = nlp
        self.name = name
        self._gazetteer: GazetteerLike | None = None

    def use_gazetteer(self, gazetteer: GazetteerLike) -> None:
        """Resolve with ``gazetteer`` instead of the packaged one."""
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> GazetteerLike:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        published = _published(doc)
        resolver = Resolver(doc, self.gazetteer, load_lexicon(), published=published)
        annotate(resolver)
        doc.user_data[ANNOTATION_KEY] = encode(resolver.snapshot(), published)
        return doc


@Language.factory("geokg_resolve")
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    """Factory of the ``geokg_resolve`` component (registered so that workers re-create it)."""
    return ActorResolver(nlp, name)


__all__ = [
    "ANNOTATION_KEY",
    "PUBLISHED",
    "ActorResolver",
    "annotate",
    "annotation",
    "decode",
    "encode",
    "make_doc",
    "resolver_for",
]
