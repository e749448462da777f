"""Actor mentions: the gazetteer as a phrase matcher, plus the model's named entities.

The ``geokg_actors`` component writes one span per actor mention to
``doc.spans["geokg_actors"]``: ``span.kb_id_`` is the gazetteer actor id and ``span.label_``
the kind of surface form (name, alias, code, demonym, capital, institution, person, title,
entity; city and region for places, whose ``kb_id_`` is the state they lie in). Forms are
matched case-insensitively except those the gazetteer flags as case-sensitive ("US",
"Chad", "Turkey" as opposed to "us", "chad", "turkey").

Named entities of the model (GPE, NORP, ORG, PERSON) that the phrase matcher missed are
looked up in the gazetteer by their text (with a leading "the" and a plural "s" removed);
a place or people entity (GPE, NORP) the gazetteer does not know may be a misspelt state
("Afganistan", "Phillipines", "Isreali"), and a PERSON entity a misspelt full name
("Abdelaziz Bouteflicka"): the gazetteer's one near form is taken (see
:meth:`geokg.actors.Gazetteer.variant`).

Ethnic and national groups of the gazetteer ("Yoruba leaders", "Karen guerrillas",
"Chechen rebels") are marked as demonyms of their state; a group living in several states
takes the one named in its sentence, else in the document, else its main state unless it
needs context (Tamils, Pashtuns); a group named like a person ("Karen") counts only before
a common noun or in the plural.
Metonymic capitals inside a longer organisation name ("Washington Post", "Kyiv Post") are
dropped: the newspaper is not the state. A state's name inside an organisation's name is
kept with the label ``in-name``: "Kenya Anti-Corruption Commission" is a Kenyan body, and
the resolver reads the state name as the modifier of the organisation's head noun.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Protocol

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from geokg.extract.lexicon import words
from geokg.extract.tokenindex import string_ids

if TYPE_CHECKING:
    from geokg.actors import ActorRecord, EthnicGroup, SurfaceForm
from geokg.extract.resolution import Via
from geokg.model import ActorType

SPAN_KEY = "geokg_actors"
ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
# Entities that may be misspelt states or people (an ORG "Columbia" is a university).
_VARIANT_LABELS = frozenset({"GPE", "NORP"})
ETHNIC = "ethnic"
"""Provisional span label of an ethnic group's name, replaced by "demonym" or dropped."""
IN_NAME = "in-name"
"""Span label of a state's name inside an organisation's name (a modifier, not a mention)."""
PLACE_KINDS = frozenset({Via.CAPITAL, Via.CITY, Via.REGION})
"""Span labels of places: a capital stands for its state, a city or region is only a place."""
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "FAC", "LOC", "GPE", "EVENT"})
_NAME_KINDS = frozenset({Via.NAME, Via.ALIAS, Via.ENTITY, Via.CODE})
_SUBDIVISION_ENTITIES = frozenset({"GPE", "LOC"})


class GazetteerLike(Protocol):
    """What the extractor asks of the gazetteer (:class:`geokg.actors.Gazetteer` is one)."""

    def surface_forms(self, *, include_locations: bool = False) -> Iterator[SurfaceForm]:
        """Every phrase naming an actor (and, with ``include_locations``, cities and
        regions, whose actor id is their state's code)."""
        ...

    def lookup(self, name: str) -> ActorRecord | None:
        """The actor a name, alias, demonym or code stands for."""
        ...

    def get(self, actor_id: str) -> ActorRecord | None:
        """The actor with this id."""
        ...

    def variant(self, name: str, *, person: bool = False) -> SurfaceForm | None:
        """The one known form a misspelt name is near ("Afganistan")."""
        ...

    def subdivision_country(self, name: str) -> str | None:
        """The state of a province, region or district."""
        ...

    def ethnic_group(self, name: str) -> EthnicGroup | None:
        """The ethnic or national group of a name ("Yoruba")."""
        ...

    def ethnic_groups(self) -> tuple[EthnicGroup, ...]:
        """Every ethnic or national group."""
        ...

    def people_by_surname(self, surname: str, *, on: date | None = None) -> list[ActorRecord]:
        """People with this surname (in office on ``on`` first)."""
        ...

    def office_holder(self, state: str, role: str, *, on: date) -> ActorRecord | None:
        """Who holds ``role`` ("president", "foreign minister") of ``state`` on ``on``."""
        ...

    @property
    def titles(self) -> Mapping[str, tuple[str, ...]]:
        """Role -> title phrases ("defence minister" -> "Defense Secretary", ...)."""
        ...


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
        for form in _all_surface_forms(self.gazetteer):
            text = str(form.text).strip()
            if not text:
                continue
            key = f"{form.actor_id}|{form.kind}"
            patterns.setdefault((form.case_sensitive, key), []).append(self.nlp.make_doc(text))
        for group in _ethnic_groups(self.gazetteer):
            for text in group.forms:
                key = f"{group.name}|{ETHNIC}"
                patterns.setdefault((True, key), []).append(self.nlp.make_doc(text))
        for (case_sensitive, key), docs in patterns.items():
            (exact if case_sensitive else folded).add(key, docs)
        return folded, exact

    def __call__(self, doc: Doc) -> Doc:
        if self._matchers is None:
            self._matchers = self._build()
        phrases = list(self._phrase_spans(doc))
        spans = phrases + list(self._entity_spans(doc, phrases))
        spans.extend(self._demonym_variant_spans(doc, spans))
        spans.extend(self._subdivision_spans(doc, spans))
        if any(span.label_ == ETHNIC for span in spans):
            spans = list(self._place_ethnic_groups(doc, spans))
        spans = [_indigenous_americans(doc, span, spans) for span in spans]
        names = _enclosing_names(doc)
        kept: list[Span] = []
        for span in spans:
            if (
                _prefixed_region_word(doc, span)
                or self._part_of_longer_name(doc, span, spans)
                or _given_name(doc, span, spans)
            ):
                continue
            verdict = self._inside_name(doc, span, names.get(span.start))
            if verdict == IN_NAME:
                kept.append(Span(doc, span.start, span.end, label=IN_NAME, kb_id=span.kb_id_))
            elif verdict == "keep":
                kept.append(span)
        kept.extend(self._elided_halves(doc, kept))
        doc.spans[SPAN_KEY] = filter_spans(_names_over_places(kept))
        return doc

    def _elided_halves(self, doc: Doc, spans: list[Span]) -> Iterator[Span]:
        """'North and South Korea', 'South and North Sudan': the compass word before "and"
        names the other state of the elided name ("North Korea"), when the gazetteer knows
        that name as a state."""
        taken = {token.i for span in spans for token in span}
        compass = words().compass
        for span in spans:
            if span.label_ not in _NAME_KINDS or span[0].lower_ not in compass or len(span) < 2:
                continue
            if span.start < 2 or doc[span.start - 1].dep_ != "cc":
                continue
            half = doc[span.start - 2]
            if half.i in taken or half.lower_ not in compass or not half.is_title:
                continue
            record = lookup_name(self.gazetteer, f"{half.text} {span[1:].text}")
            if record is not None and record.type == ActorType.STATE:
                yield Span(doc, half.i, half.i + 1, label=Via.NAME, kb_id=str(record.id))

    def _phrase_spans(self, doc: Doc) -> Iterable[Span]:
        assert self._matchers is not None
        for matcher in self._matchers:
            for match_id, start, end in matcher(doc):
                actor_id, kind = self.nlp.vocab.strings[match_id].split("|", 1)
                yield Span(doc, start, end, label=kind, kb_id=actor_id)

    def _entity_spans(self, doc: Doc, phrases: list[Span]) -> Iterable[Span]:
        # A name with a correctly spelt form inside ("Central American") is no misspelling.
        spelt = {token.i for span in phrases for token in span}
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            record = lookup_name(self.gazetteer, ent.text)
            if record is not None:
                yield Span(doc, ent.start, ent.end, label="entity", kb_id=str(record.id))
                continue
            form = None if spelt.intersection(range(ent.start, ent.end)) else self._variant(ent)
            if form is not None:
                yield Span(doc, ent.start, ent.end, label=str(form.kind), kb_id=str(form.actor_id))

    def _variant(self, ent: Span) -> SurfaceForm | None:
        """The gazetteer form a misspelt state (GPE, NORP) or person name stands for."""
        finder = self.gazetteer.variant
        if len(ent) > 4:
            return None
        if ent.label_ in _VARIANT_LABELS:
            return finder(ent.text)
        if ent.label_ == "PERSON" and len(ent) > 1:
            return finder(ent.text, person=True)
        return None

    def _demonym_variant_spans(self, doc: Doc, spans: list[Span]) -> Iterator[Span]:
        """Misspelt demonyms the model tags as no place or people ("Isreali troops",
        "Egyptain police"): only a capitalised word modifying a common noun, and only when
        the gazetteer's near form is a demonym (an ORG "Columbia" stays a university)."""
        finder = self.gazetteer.variant
        taken = {token.i for span in spans for token in span}
        for token in doc:
            if (
                token.i not in taken
                and token.dep_ in {"amod", "compound"}
                and token.is_title
                and token.is_alpha
                and token.ent_type_ not in _VARIANT_LABELS
                and token.head.pos_ == "NOUN"
                and token.head.is_lower
            ):
                form = finder(token.text)
                if form is not None and form.kind == "demonym":
                    yield Span(doc, token.i, token.i + 1, label="demonym", kb_id=form.actor_id)

    def _subdivision_spans(self, doc: Doc, spans: list[Span]) -> Iterator[Span]:
        """Provinces, regions and districts of the gazetteer's ISO 3166-2 list, as regions
        of their state: only a place entity of the model ("in Antioquia") or a capitalised
        name before "province", "region", "state"... ("in Natal province"), so that a
        subdivision named like a common word stays a word."""
        finder = self.gazetteer.subdivision_country
        taken = {token.i for span in spans for token in span}
        for ent in doc.ents:
            # A multi-word name may be mis-tagged ORG ("Kwazulu-Natal"); one word may not.
            place_like = ent.label_ in _SUBDIVISION_ENTITIES or (
                ent.label_ == "ORG" and len(ent) > 1
            )
            if place_like and not any(t.i in taken for t in ent):
                terms = ent[1:] if ent[0].lower_ == "the" else ent
                if len(terms) > 1 and terms[-1].lower_ in words().subdivision_words:
                    terms = terms[:-1]
                after = doc[ent.end] if ent.end < len(doc) else None
                end = (
                    ent.end + 1
                    if after is not None and after.lower_ in words().subdivision_words
                    else ent.end
                )
                country = finder(terms.text) if len(terms) else None
                if country is not None:
                    taken.update(range(ent.start, end))
                    yield Span(doc, terms.start, end, label="region", kb_id=country)
        subdivision_words = words().subdivision_words
        # Only the tokens whose lowercase form is a subdivision word are built: their LOWER
        # ids are read as one array and compared with the words' hashes (the word itself is
        # still tested on the token).
        wanted = string_ids(subdivision_words)
        lowers = doc.to_array(LOWER).tolist()
        for token in [doc[i] for i, lower in enumerate(lowers) if lower in wanted]:
            if token.lower_ not in subdivision_words or token.i in taken:
                continue
            start = token.i
            while start > 0 and start > token.i - 4 and _name_word(doc[start - 1], taken):
                start -= 1
            for first in range(start, token.i):  # longest name first
                country = finder(doc[first : token.i].text)
                if country is not None:
                    yield Span(doc, first, token.i + 1, label="region", kb_id=country)
                    break

    def _place_ethnic_groups(self, doc: Doc, spans: list[Span]) -> Iterator[Span]:
        """Ethnic group spans become demonyms of the state their context picks, or go."""
        finder = self.gazetteer.ethnic_group
        others = [span for span in spans if span.label_ != ETHNIC and span.kb_id_]
        in_document = {span.kb_id_ for span in others}
        for span in spans:
            if span.label_ != ETHNIC:
                yield span
                continue
            group = finder(span.text)
            if group is None or (group.name_clash and not _clear_group_use(span, group)):
                continue
            in_sentence = {s.kb_id_ for s in others if s.sent == span.sent}
            named = in_sentence if in_sentence & set(group.states) else in_document
            state = group.state_in(named)
            if state is not None:
                yield Span(doc, span.start, span.end, label="demonym", kb_id=state)

    def _part_of_longer_name(self, doc: Doc, span: Span, spans: list[Span]) -> bool:
        """An organisation's name or alias that is the tail or head of a longer name it does
        not name: "National Security Council" and "the African Union's Peace and Security
        Council" are not the UN's Security Council (a capitalised word before it that no
        span claims, or "X and" before it), "the Russian Security Council" is Russia's (a
        state's name or demonym before it), for a name ending in a body noun ("council",
        "court", ``body_nouns``); "West African", "West Bank" are not the West (a compass
        word matched alone, followed by a capitalised word). "U.N. Security Council" (another
        organisation's name before it), "the Security Council" and "Lebanese Hezbollah" (a
        proper name) stay."""
        if span.label_ not in {Via.NAME, Via.ALIAS}:
            return False
        record = self.gazetteer.get(span.kb_id_)
        if record is None or record.type == ActorType.STATE:
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if (
            span[-1].lower_ in words().compass
            and all(t.is_stop for t in span[:-1])
            and after is not None
            and after.is_title
            and after.sent == span.sent
        ):
            return True
        if span.start == span.sent.start or span[-1].lower_ not in words().body_nouns:
            return False  # "Lebanese Hezbollah", "Shiite Hezbollah": a proper name stays
        before = doc[span.start - 1]
        if before.lower_ in {"and", "&"} and span.start - 2 >= span.sent.start:
            before = doc[span.start - 2]
        if not before.is_title or before.is_stop or before.pos_ not in {"PROPN", "ADJ", "NOUN"}:
            return False
        owners = [s for s in spans if s.start <= before.i < s.end and s is not span]
        if not owners:
            return True
        owner = self.gazetteer.get(owners[0].kb_id_)
        return owner is not None and owner.type == ActorType.STATE

    @staticmethod
    def _inside_name(doc: Doc, span: Span, ent: Span | None) -> str:
        """What a gazetteer match inside a longer name is: "keep", "drop" or ``IN_NAME``.

        A name inside a longer place or work name is not the actor ("West Darfur State",
        "Washington Post"), unless the longer name is the state's own body ("Israel Defense
        Forces") or its own land ("South Lebanon"). A state's name or demonym inside an
        organisation's name makes the organisation a domestic actor of that state
        ("Nigerian Union of Teachers", "Kenya Anti-Corruption Commission", "Bank of
        Japan"): the match is kept as ``IN_NAME`` (the resolver reads it as a modifier
        only). A capital inside an organisation's name is a place ("Kyiv Post") except
        after "of" ("the United Bus Company of Tehran"), in the name of a site ("Kabul
        University") or before an office ("Juba Information Minister").
        """
        if span.label_ in {"person", "demonym"} or ent is None:
            return "keep"
        if not (span.end <= ent.end and len(ent) > len(span)):
            return "keep"
        if ent.label_ == "ORG" and ent[-1].lower_ in words().state_bodies:
            return "keep"
        rest = [t for t in ent if t.i < span.start or t.i >= span.end]
        if span.label_ in PLACE_KINDS and [t.lower_ for t in rest] in (["state"], ["province"]):
            # "Lagos State", "Aceh Province": the subdivision itself, a place of its state.
            return "keep"
        if all(t.lower_ in words().compass or t.dep_ == "cc" or t.is_punct for t in rest):
            # "South Lebanon", "northern Israel" are the state's own land; "North and South
            # Korea" names two states (see _elided_halves).
            return "keep"
        if ent.label_ == "ORG" and span.label_ in _NAME_KINDS:
            return IN_NAME
        if ent.label_ == "ORG" and span.label_ in PLACE_KINDS:
            after_of = span.start > ent.start and doc[span.start - 1].lower_ == "of"
            # "Juba Information Minister X": a capital heading an office's name is its
            # state's (the model leaves the office word out of the ORG).
            office = span.label_ == "capital" and (
                ent.end < len(doc) and doc[ent.end].lower_ in words().office_holders
            )
            sited = ent[-1].lower_ in words().sites
            return IN_NAME if after_of or sited or office else "drop"
        return "drop"


def _given_name(doc: Doc, span: Span, spans: list[Span]) -> bool:
    """A title and surname ("President Petro", Colombia's) whose person name goes on after
    it ("President Petro Poroshenko": the model's PERSON entity ends later) names someone
    else by his given name, unless a match of the same person covers the rest ("President
    Xi" in "President Xi Jinping")."""
    if span.label_ != Via.TITLE or doc[span.end - 1].ent_type_ != "PERSON":
        return False
    ent = next((e for e in doc.ents if e.start < span.end <= e.end), None)
    if ent is None or ent.label_ != "PERSON" or ent.end == span.end:
        return False
    if not doc[span.end].is_title:
        return False  # "President Kiir's Dinka ethnic group": the entity overran the name
    return not any(s.kb_id_ == span.kb_id_ and s.end >= ent.end for s in spans)


def _prefixed_region_word(doc: Doc, span: Span) -> bool:
    """A demonym or name right after a regional prefix ("Inter-American", "Latin American")."""
    start = span.start
    if (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].lower_ in words().region_prefixes
    ):
        return True
    return (
        start >= 1
        and doc[start - 1].lower_ in words().continent_parts
        and doc[start - 1].is_title
        and span.text.lower() in {"american", "americans"}
    )


def _indigenous_americans(doc: Doc, span: Span, spans: list[Span]) -> Span:
    """'Indian' before a people noun ("Indian peasants", "Indians") in a sentence, else a
    document, that names one Latin American state and not India: that state's people."""
    if span.label_ != "demonym" or span.kb_id_ != "IND" or span.text.lower() not in words().indians:
        return span
    head = span.root if span.root.dep_ not in {"amod", "compound"} else span.root.head
    if head.lemma_.lower() not in words().indigenous_nouns:
        return span
    others = [s for s in spans if s.kb_id_ and s.text.lower() not in words().indians]
    if any(s.kb_id_ == "IND" for s in others):
        return span
    for scope in ([s for s in others if s.sent == span.sent], others):
        states = {s.kb_id_ for s in scope if s.kb_id_ in words().latin_america}
        if len(states) == 1:
            return Span(doc, span.start, span.end, label="demonym", kb_id=states.pop())
        if states:
            return span
    return span


def _name_word(token: Token, taken: set[int]) -> bool:
    """A capitalised word of a place name no other span has claimed."""
    return token.i not in taken and (token.is_title or token.text == "-" or token.is_upper)


def _clear_group_use(span: Span, group: EthnicGroup) -> bool:
    """A group named like a person ("Karen") only in the plural or before a common noun
    ("Karen guerrillas"), never as a name ("Karen Smith", "Karen said")."""
    if span.text != group.name:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.pos_ == "NOUN" and after.is_lower


def _ethnic_groups(gazetteer: GazetteerLike) -> tuple[EthnicGroup, ...]:
    return gazetteer.ethnic_groups()


def _enclosing_names(doc: Doc) -> dict[int, Span]:
    """Token index -> the multi-word name entity (organisation, place, work) it is part of."""
    names: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS and len(ent) > 1:
            for index in range(ent.start, ent.end):
                names[index] = ent
    return names


def _all_surface_forms(gazetteer: GazetteerLike) -> Iterator[SurfaceForm]:
    """Actor forms, then city and region names when the gazetteer has them (kind "city" or
    "region", actor id = the ISO3 code of the state the place lies in)."""
    return gazetteer.surface_forms(include_locations=True)


def lookup_name(gazetteer: GazetteerLike, text: str) -> ActorRecord | None:
    """Look a name up, trying it without a leading "the", possessive or plural "s"."""
    candidates = [text.strip()]
    for prefix in ("the ", "The "):
        if candidates[0].startswith(prefix):
            candidates.append(candidates[0][len(prefix) :])
    for name in list(candidates):
        for suffix in words().name_suffixes:
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


def _names_over_places(spans: list[Span]) -> list[Span]:
    """Drop a city or region span that a name reaching further overlaps: "the Hague
    tribunal" is the tribunal (alias "Hague tribunal"), not a place in the Netherlands."""
    names = [s for s in spans if s.label_ in {"name", "alias"}]
    return [
        span
        for span in spans
        if span.label_ not in PLACE_KINDS - {"capital"}
        or not any(n.start < span.end <= n.end and n.end > span.end for n in names)
    ]
