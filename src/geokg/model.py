"""Frozen, typed records shared by every part of geokg.

A :class:`Fact` is one reading of one sentence: *subject* did *relation* to *object*, as
said in a document, possibly negated and possibly attributed to a speaker. The store groups
facts that agree on (subject, relation, object, polarity, attribution) into one
:class:`Statement` with one :class:`Mention` per supporting sentence.

>>> iran = Actor("IRN", "Iran", ActorType.STATE, country="IRN")
>>> iran.iri
'https://w3id.org/geokg/actor/IRN'
>>> Evidence("Iran supplies drones to Russia.", 0, 31).text_length
31
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum
from typing import Any

BASE_IRI = "https://w3id.org/geokg/"
ONTOLOGY_NS = BASE_IRI + "ontology#"
ACTOR_NS = BASE_IRI + "actor/"
DOCUMENT_NS = BASE_IRI + "document/"
STATEMENT_NS = BASE_IRI + "statement/"
MENTION_NS = BASE_IRI + "mention/"


#: Where ``geokg`` keeps its store unless told otherwise (``--store``, ``GEOKG_STORE``).
DEFAULT_STORE = "geokg-store"


class ActorType(StrEnum):
    """Kinds of actor; the values are the local names of the ontology classes.

    >>> ActorType.ARMED_GROUP.label, ActorType.ARMED_GROUP.slug
    ('armed group', 'armed-group')
    """

    STATE = "State"
    INTERNATIONAL_ORGANIZATION = "InternationalOrganization"
    NON_GOVERNMENTAL_ORGANIZATION = "NonGovernmentalOrganization"
    ARMED_GROUP = "ArmedGroup"
    POLITICAL_GROUP = "PoliticalGroup"
    PERSON = "Person"
    INSTITUTION = "Institution"
    COLLECTIVE_ACTOR = "CollectiveActor"

    @property
    def label(self) -> str:
        """What people call this kind of actor (legends, listings)."""
        return _ACTOR_TYPE_LABELS[self]

    @property
    def slug(self) -> str:
        """The label as one word for the command line (``geokg actors --type``)."""
        return self.label.lower().replace(" ", "-")


_ACTOR_TYPE_LABELS = types.MappingProxyType(
    {
        ActorType.STATE: "state",
        ActorType.INTERNATIONAL_ORGANIZATION: "international organisation",
        ActorType.NON_GOVERNMENTAL_ORGANIZATION: "NGO",
        ActorType.ARMED_GROUP: "armed group",
        ActorType.POLITICAL_GROUP: "political group",
        ActorType.PERSON: "person",
        ActorType.INSTITUTION: "institution",
        ActorType.COLLECTIVE_ACTOR: "collective",
    }
)


class QuadClass(IntEnum):
    """CAMEO's four-way split of events (the ``quad_class`` of the facts format).

    >>> QuadClass.MATERIAL_CONFLICT.label, QuadClass.MATERIAL_CONFLICT.slug
    ('material conflict', 'material-conflict')
    >>> QuadClass.parse("verbal-cooperation"), QuadClass.parse("4")
    (<QuadClass.VERBAL_COOPERATION: 1>, <QuadClass.MATERIAL_CONFLICT: 4>)
    """

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").lower()

    @property
    def slug(self) -> str:
        """The label as one word for the command line (``--quad-class material-conflict``)."""
        return self.label.replace(" ", "-")

    @classmethod
    def parse(cls, text: str | int) -> QuadClass:
        """A quad class from its number (``"4"``), label or slug; ``ValueError`` else."""
        value = str(text).strip()
        if value.isdigit():
            return cls(int(value))
        try:
            return cls[value.upper().replace(" ", "_").replace("-", "_")]
        except KeyError:
            raise ValueError(f"unknown quad class {text!r}") from None


class CameoRoot(StrEnum):
    """The 20 CAMEO event roots; the values are their two-digit codes.

    >>> CameoRoot("07").label
    'provide aid'
    """

    MAKE_PUBLIC_STATEMENT = "01"
    APPEAL = "02"
    EXPRESS_INTENT_TO_COOPERATE = "03"
    CONSULT = "04"
    ENGAGE_IN_DIPLOMATIC_COOPERATION = "05"
    ENGAGE_IN_MATERIAL_COOPERATION = "06"
    PROVIDE_AID = "07"
    YIELD = "08"
    INVESTIGATE = "09"
    DEMAND = "10"
    DISAPPROVE = "11"
    REJECT = "12"
    THREATEN = "13"
    PROTEST = "14"
    EXHIBIT_FORCE_POSTURE = "15"
    REDUCE_RELATIONS = "16"
    COERCE = "17"
    ASSAULT = "18"
    FIGHT = "19"
    USE_UNCONVENTIONAL_MASS_VIOLENCE = "20"

    @property
    def label(self) -> str:
        """The root's name in the CAMEO codebook, lower case."""
        return self.name.replace("_", " ").lower()


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a state, an organisation, a group, a person or an institution.

    ``id`` is the local part of the actor IRI: the ISO 3166-1 alpha-3 code for states, a
    lowercase slug otherwise. ``country`` is the alpha-3 code of the state the actor is, or
    acts for at the time of the fact (Putin: ``RUS``); ``None`` for organisations and
    non-state groups.
    """

    id: str
    label: str
    type: ActorType
    country: str | None = None

    @property
    def iri(self) -> str:
        return ACTOR_NS + self.id


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation of the ontology, aligned with CAMEO and PLOVER."""

    id: str
    label: str
    cameo: str
    plover: str | None
    quad_class: QuadClass
    goldstein: float
    definition: str = ""
    symmetric: bool = False
    inverse: str | None = None

    @property
    def iri(self) -> str:
        return ONTOLOGY_NS + self.id

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Document:
    """A source document. ``text`` is carried while extracting and never stored in facts.
    ``author`` is the byline of a web page, when it has one."""

    id: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    text: str = field(default="", compare=False, repr=False)
    author: str | None = None

    def without_text(self) -> Document:
        return Document(self.id, self.title, self.url, self.published, author=self.author)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that supports a fact, with character offsets into the document text."""

    sentence: str
    start: int
    end: int

    @property
    def text_length(self) -> int:
        return self.end - self.start


def _freeze(attributes: Mapping[str, Any] | None) -> Mapping[str, str]:
    items = sorted((str(k), str(v)) for k, v in (attributes or {}).items() if v is not None)
    return types.MappingProxyType(dict(items))


@dataclass(frozen=True)
class Fact:
    """One extracted or hand-written fact with its provenance."""

    document: Document
    subject: Actor
    relation: Relation
    object: Actor
    negated: bool = False
    asserted_by: Actor | None = None
    confidence: float = 1.0
    attributes: Mapping[str, str] = field(default_factory=dict)
    evidence: Evidence | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "attributes", _freeze(self.attributes))
        # Three decimals are all the precision a confidence has; rounding here makes the
        # value survive the round trip through an xsd:decimal literal unchanged.
        object.__setattr__(self, "confidence", round(float(self.confidence), 3))
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence}")

    def __hash__(self) -> int:
        return hash(
            (
                self.document,
                self.subject,
                self.relation,
                self.object,
                self.negated,
                self.asserted_by,
                self.confidence,
                tuple(self.attributes.items()),
                self.evidence,
            )
        )

    @property
    def key(self) -> tuple[str, str, str, bool, str | None]:
        """What makes two facts the same statement: (subject, relation, object, polarity,
        attribution). Symmetric relations are keyed with their actors in a fixed order."""
        subject, obj = self.subject.id, self.object.id
        if self.relation.symmetric and obj < subject:
            subject, obj = obj, subject
        asserter = self.asserted_by.id if self.asserted_by else None
        return (subject, self.relation.id, obj, self.negated, asserter)


@dataclass(frozen=True, slots=True)
class Mention:
    """One sentence of one document that supports a statement."""

    document: Document
    evidence: Evidence | None
    confidence: float
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Statement:
    """Facts that agree on (subject, relation, object, polarity, attribution), as stored."""

    iri: str
    subject: Actor
    relation: Relation
    object: Actor
    negated: bool
    asserted_by: Actor | None
    confidence: float
    sources: int
    first_seen: date | None = None
    last_seen: date | None = None
    mentions: tuple[Mention, ...] = ()

    def reported_between(self, since: date | None = None, until: date | None = None) -> bool:
        """Whether a source published between ``since`` and ``until`` (inclusive, either
        open when ``None``) reports this statement: the one date window of every command
        (``facts``, ``render``, ``path``, ``rank``). A statement first and last seen on
        either side of the window, with no source inside it, is not in it; undated sources
        count as sources but fall in no window.

        >>> day = Mention(Document("d", published=date(2024, 3, 5)), None, 1.0)
        >>> undated = Mention(Document("u"), None, 1.0)
        >>> iran = Actor("IRN", "Iran", ActorType.STATE, "IRN")
        >>> aid = Relation("x", "x", "07", None, QuadClass.MATERIAL_COOPERATION, 7.0)
        >>> s = Statement("s", iran, aid, iran, False, None, 1.0, 2, mentions=(day, undated))
        >>> s.reported_between(date(2024, 3, 1)), s.reported_between(until=date(2024, 3, 1))
        (True, False)
        """
        if since is None and until is None:
            return True
        return any(
            (day := mention.document.published) is not None
            and (since is None or since <= day)
            and (until is None or day <= until)
            for mention in self.mentions
        )
