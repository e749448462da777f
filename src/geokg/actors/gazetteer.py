"""The actor gazetteer: states, organisations, armed and political groups, and people.

The data ships in ``geokg/data/actors/*.json``; :meth:`Gazetteer.load` reads it into plain
dicts, so a CLI command can afford to load it every time. Fuzzy structures for
:meth:`Gazetteer.search` are built lazily, on first use.

>>> gazetteer = load_gazetteer()
>>> gazetteer.resolve("the Kremlin").id
'RUS'
>>> gazetteer.lookup("U.S.").label
'United States'
>>> from datetime import date
>>> gazetteer.office_holder("IRN", "president", on=date(2024, 5, 20)).label
'Mohammad Mokhber'
>>> gazetteer.resolve("Raisi", on=date(2024, 1, 1))
Actor(id='ebrahim-raisi', label='Ebrahim Raisi', type=<ActorType.PERSON: 'Person'>, country='IRN')
>>> [record.label for record in gazetteer.search("ukriane", limit=1)]
['Ukraine']
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from geokg.actors.loading import (
    _collective,
    _ethnic_groups,
    _group,
    _locations,
    _organization,
    _person,
    _state,
    _subdivisions,
)
from geokg.actors.records import (
    ActorRecord,
    EthnicGroup,
    Location,
    Membership,
    Role,
    SurfaceForm,
)
from geokg.actors.text import edit_distance, normalize, typo_budget
from geokg.errors import InputError, UnknownActorError
from geokg.model import ACTOR_NS, Actor, ActorType

DATA_FILES = (
    "states.json",
    "territories.json",
    "organizations.json",
    "groups.json",
    "people.json",
    "people_historical.json",
    "titles.json",
    "cities.json",
    "ethnic_groups.json",
    "subdivisions.json",
)

# Lookup precedence, best first: when one normalised form names several actors, the
# lowest tier wins ("IS" is the Islamic State's alias before Iceland's code; "Brussels" is
# the EU's metonym before Belgium's capital). Such clashes are listed in ambiguity.json.
_TIER_ID, _TIER_NAME, _TIER_ALIAS, _TIER_DEMONYM = 0, 1, 2, 3
_TIER_INSTITUTION, _TIER_CAPITAL, _TIER_ISO3, _TIER_ISO2 = 4, 5, 6, 7

_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sheikh")
# Codes that are English words or everyday abbreviations: never emitted as surface forms.
_CODE_STOPLIST = frozenset(
    {
        *("AGO", "AND", "ARE", "ARM", "BEN", "BRA", "CAN", "CHE", "COD", "COM", "CUB", "DOM"),
        *("ESP", "EST", "FIN", "GAB", "GIN", "GUY", "HUN", "IRL", "ISR", "ITA", "KEN", "LIE"),
        *("MAR", "MUS", "NAM", "NOR", "PAN", "PER", "POL", "SEN", "SUR", "TON", "TUN", "VAT"),
        # Territories: their codes are not written in prose, and several are words.
        *("ABW", "ASM", "BMU", "CUW", "CYM", "ESH", "FLK", "FRO", "GIB", "GLP", "GRL", "GUF"),
        *("GUM", "HKG", "MAC", "MNP", "MTQ", "MYT", "NCL", "PRI", "PYF", "REU", "TCA", "VGB"),
        "VIR",
    }
)
# Capitals that are also everyday words or common place names elsewhere.
_CAPITAL_STOPLIST = frozenset(
    {
        *("victoria", "kingston", "kingstown", "georgetown", "male", "santiago", "praia", "lima"),
        *("hamilton", "stanley"),
    }
)
# Capitals that are not even safe as locations: the same name is a bigger or more newsworthy
# place elsewhere ("Kingston upon Thames", "Victoria, British Columbia") or a common word.
_CAPITAL_LOCATION_STOPLIST = frozenset(
    {"victoria", "kingston", "kingstown", "georgetown", "male", "hamilton", "stanley"}
)
_LOCATION_KINDS = ("capital", "city", "region")
# Titles too generic or too situational to pair with a surname as a surface form.
_WEAK_TITLE_WORDS = frozenset({"acting", "interim", "caretaker", "transitional", "de facto"})
_WEAK_TITLES = frozenset(
    {
        "leader",
        "chief",
        "head",
        "general",
        "commander",
        "monarch",
        "pres",
        "top diplomat",
        "sg",
        "vp",
        "head of state",
        "head of government",
        "senior general",
        "field marshal",
        "major general",
        "army chief",
        "military chief",
    }
)
_INSIDE_WORD_RANK = 3
# Misspelt names (see Gazetteer.variant): no typo below these lengths (normalised letters).
_VARIANT_MIN_LENGTH = 5
_VARIANT_TWO_EDITS_LENGTH = 9
_VARIANT_PERSON_MIN_LENGTH = 12
_VARIANT_STATE_KINDS = frozenset({"name", "alias", "demonym"})
_TYPO_RANK = 4


def _search_order(score: tuple[int, int, str]) -> tuple[int, int, str]:
    """Near misses (ranks 4-5) before matches inside another word (rank 3)."""
    rank, length, label = score
    return (rank + 3 if rank == _INSIDE_WORD_RANK else rank, length, label)


@dataclass(frozen=True, slots=True)
class _Entry:
    tier: int
    actor_id: str
    kind: str
    text: str


class Gazetteer:
    """Every known actor, with exact lookup, fuzzy search and dated offices."""

    def __init__(
        self,
        records: Iterable[ActorRecord],
        *,
        titles: Mapping[str, tuple[str, ...]] | None = None,
        categories: Mapping[str, tuple[str, ...]] | None = None,
        locations: Iterable[Location] = (),
        ethnic_groups: Iterable[EthnicGroup] = (),
        subdivisions: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._records: dict[str, ActorRecord] = {}
        self._office_cache: dict[tuple[str, str], tuple[tuple[Role, ActorRecord], ...]] = {}
        for record in records:
            if record.id in self._records:
                raise InputError(f"actor id {record.id!r} is defined twice in the actor data.")
            self._records[record.id] = record
        self._titles: dict[str, tuple[str, ...]] = dict(titles or {})
        self._categories: dict[str, tuple[str, ...]] = dict(categories or {})
        self._entries: dict[str, list[_Entry]] = {}
        for entry in self._all_entries():
            self._entries.setdefault(normalize(entry.text), []).append(entry)
        self._index: dict[str, str] = {
            key: min(entries, key=lambda e: e.tier).actor_id
            for key, entries in self._entries.items()
        }
        self._surnames: dict[str, list[str]] = {}
        for record in self._records.values():
            for surname in record.surnames:
                self._surnames.setdefault(normalize(surname), []).append(record.id)
        self._locations = _index_locations((*self._capitals(), *locations))
        self._ethnic_groups = tuple(ethnic_groups)
        self._ethnic_index = {
            normalize(form): group for group in self._ethnic_groups for form in group.forms
        }
        self._variants: dict[tuple[str, bool], SurfaceForm | None] = {}
        # Actors, places and groups win over a subdivision of the same name.
        self._subdivisions = {
            key: country
            for country, names in (subdivisions or {}).items()
            for key in {normalize(name) for name in names}
            if key not in self._index
            and key not in self._locations
            and key not in self._ethnic_index
        }

    def _capitals(self) -> Iterator[Location]:
        for record in self._records.values():
            if record.type is not ActorType.STATE or not record.capital or not record.iso3:
                continue
            names = [
                name
                for name in (record.capital, *record.capital_aliases)
                if normalize(name) not in _CAPITAL_LOCATION_STOPLIST
            ]
            if names:
                yield Location(names[0], record.iso3, "capital", tuple(names[1:]))

    # ---------------------------------------------------------------- loading

    @classmethod
    def load(cls) -> Gazetteer:
        """Read the packaged actor data (``geokg/data/actors``)."""
        folder = resources.files("geokg") / "data" / "actors"
        documents = {}
        for name in DATA_FILES:
            try:
                documents[name] = json.loads((folder / name).read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise InputError(f"cannot read the actor data file {name}: {error}.") from None
        return cls.from_documents(documents)

    @classmethod
    def from_documents(cls, documents: Mapping[str, Any]) -> Gazetteer:
        """Build a gazetteer from the parsed JSON documents, keyed by file name.

        ``territories.json``, ``people_historical.json``, ``cities.json``,
        ``ethnic_groups.json`` and ``subdivisions.json`` are optional.
        """
        records: list[ActorRecord] = []
        records.extend(_state(item) for item in documents["states.json"]["states"])
        territories = documents.get("territories.json") or {}
        records.extend(_state(item) for item in territories.get("territories", ()))
        organizations = documents["organizations.json"]
        plain = [_organization(item) for item in organizations["organizations"]]
        records.extend(plain)
        by_id = {record.id: record for record in plain}
        records.extend(_collective(item, by_id) for item in organizations.get("collectives", []))
        records.extend(_group(item) for item in documents["groups.json"]["groups"])
        records.extend(_person(item) for item in documents["people.json"]["people"])
        historical = documents.get("people_historical.json") or {}
        records.extend(_person(item) for item in historical.get("people", ()))
        titles = documents["titles.json"]
        return cls(
            records,
            titles={role: tuple(t) for role, t in titles["titles"].items()},
            categories={name: tuple(r) for name, r in titles.get("categories", {}).items()},
            locations=_locations(documents.get("cities.json") or {}),
            ethnic_groups=_ethnic_groups(documents.get("ethnic_groups.json") or {}),
            subdivisions=_subdivisions(documents.get("subdivisions.json") or {}),
        )

    # ---------------------------------------------------------------- container

    def get(self, actor_id: str) -> ActorRecord | None:
        """The record with this exact id ("IRN", "nato", "vladimir-putin"), if any."""
        return self._records.get(actor_id)

    def __iter__(self) -> Iterator[ActorRecord]:
        return iter(self._records.values())

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._records

    @property
    def titles(self) -> Mapping[str, tuple[str, ...]]:
        """Role -> title phrases used in news ("defence minister" -> "Defense Secretary", ...)."""
        return self._titles

    # ---------------------------------------------------------------- lookup

    def lookup(self, name: str) -> ActorRecord | None:
        """Exact match, after normalisation, on id, IRI, name, alias, demonym, institution,
        capital or ISO code. Case, dots ("U.S."), a leading "the", curly quotes and
        diacritics do not matter."""
        if name.startswith(ACTOR_NS):
            return self._records.get(name[len(ACTOR_NS) :])
        if name in self._records:
            return self._records[name]
        actor_id = self._index.get(normalize(name))
        return self._records[actor_id] if actor_id else None

    def resolve(self, name: str, *, on: date | None = None) -> Actor:
        """The actor a name stands for, as of ``on``, or :class:`UnknownActorError`.

        Beyond :meth:`lookup`, a leading honorific or title is dropped ("Mr Raisi",
        "President Putin") and a bare surname resolves when it picks one person (preferring
        whoever held an office on ``on``).
        """
        record = self.lookup(name) or self._lookup_person_phrase(name, on=on)
        if record is None:
            raise UnknownActorError(name, self.suggest(name))
        return record.to_actor(on=on)

    def _lookup_person_phrase(self, name: str, *, on: date | None) -> ActorRecord | None:
        key = normalize(name)
        for prefix in self._title_prefixes:
            if key.startswith(prefix + " "):
                key = key[len(prefix) + 1 :]
                break
        if key in self._index:
            return self._records[self._index[key]]
        people = self.people_by_surname(key, on=on)
        if len(people) == 1:
            return people[0]
        if people and _in_office(people[0], on) and not _in_office(people[1], on):
            return people[0]
        countries = {person.country_on(on) for person in people}
        if people and len(countries) == 1 and None not in countries:
            # Two presidents Bush: unsure which, sure for which state.
            return people[0]
        return None

    @functools.cached_property
    def _title_prefixes(self) -> tuple[str, ...]:
        """Normalised titles and honorifics that may precede a name, longest first."""
        titles = {normalize(t) for phrases in self._titles.values() for t in phrases}
        titles.update(_HONORIFICS)
        return tuple(sorted(titles, key=len, reverse=True))

    # ---------------------------------------------------------------- search

    def search(self, query: str, *, limit: int = 20) -> list[ActorRecord]:
        """Actors whose names contain the query, then near misses ("Iarn" -> Iran).

        Ranking: exact form, prefix, word start, near misses (edit distance 1 for 4-letter
        words, 2 from 5 letters on), then a match inside a word. Near misses are dropped when
        a form starts with the query ("Iran" should not list Iraq), but they outrank a match
        inside another word ("Rusia" is Russia before Belarusian).
        An empty query returns every actor (``limit`` does not apply).
        """
        key = normalize(query)
        if not key:
            return sorted(self._records.values(), key=lambda r: (r.type.value, r.label))
        ranked: dict[str, tuple[int, int, str]] = {}
        for form, actor_id in self._search_forms:
            rank = _match_rank(key, form)
            if rank is None:
                continue
            score = (rank, len(form), self._records[actor_id].label)
            if actor_id not in ranked or score < ranked[actor_id]:
                ranked[actor_id] = score
        if any(score[0] < _INSIDE_WORD_RANK for score in ranked.values()):
            # Typos are a fallback: "Iran" should not list Iraq.
            ranked = {key: score for key, score in ranked.items() if score[0] < _TYPO_RANK}
        ordered = sorted(ranked, key=lambda actor_id: _search_order(ranked[actor_id]))
        return [self._records[actor_id] for actor_id in ordered[:limit]]

    def suggest(self, name: str, *, limit: int = 3) -> list[str]:
        """Labels of the actors closest to a name that did not resolve."""
        return (
            [record.label for record in self.search(name, limit=limit)] if normalize(name) else []
        )

    @functools.cached_property
    def _search_forms(self) -> tuple[tuple[str, str], ...]:
        forms = {
            (key, entry.actor_id) for key, entries in self._entries.items() for entry in entries
        }
        forms.update((key, actor_id) for key, ids in self._surnames.items() for actor_id in ids)
        return tuple(sorted(forms))

    # ---------------------------------------------------------------- surface forms

    def surface_forms(self, *, include_locations: bool = False) -> Iterator[SurfaceForm]:
        """Every phrase that names one actor, for a spaCy EntityRuler.

        Each text is given once, to the actor :meth:`lookup` picks. Left out: alpha-2 codes,
        alpha-3 codes that are English words ("CAN", "AND"), capitals that are common words
        or common elsewhere ("Victoria", "Kingston"), and title phrases that fit several
        people. One-word forms are case-sensitive ("Chad", "US", "Turkey" vs "turkey");
        longer ones are not. A leading "the" is dropped, except from collective actors
        ("the West").

        With ``include_locations``, the forms of :meth:`location_forms` follow (kind "city"
        or "region", ``actor_id`` = the ISO3 code of the state the place lies in): a
        consumer must treat them as places, not as actors.
        """
        seen: set[str] = set()
        for key, entries in sorted(self._entries.items()):
            winner = self._index[key]
            for entry in sorted(entries, key=lambda e: (e.tier, e.text)):
                if entry.actor_id != winner or not _emittable(entry):
                    continue
                text = self._surface_text(entry)
                if text in seen:
                    continue
                seen.add(text)
                yield SurfaceForm(text, entry.actor_id, entry.kind, _case_sensitive(text))
        yield from self._title_forms(seen)
        if include_locations:
            yield from (form for form in self.location_forms() if form.text not in seen)

    def _surface_text(self, entry: _Entry) -> str:
        record = self._records[entry.actor_id]
        if record.type is ActorType.COLLECTIVE_ACTOR:
            return entry.text
        return re.sub(r"^[Tt]he\s+", "", entry.text)

    def _title_forms(self, seen: set[str]) -> Iterator[SurfaceForm]:
        owners: dict[str, set[str]] = {}
        for record in self._records.values():
            for role in record.roles:
                for title in self._titles.get(role.role, ()):
                    if _weak_title(title):
                        continue
                    for surname in record.surnames:
                        owners.setdefault(f"{title} {surname}", set()).add(record.id)
        for text, ids in sorted(owners.items()):
            key = normalize(text)
            if len(ids) == 1 and text not in seen and key not in self._index:
                seen.add(text)
                yield SurfaceForm(text, next(iter(ids)), "title", False)

    # ---------------------------------------------------------------- locations

    def location(self, name: str) -> Location | None:
        """The city, capital or region with this name or alias ("Basra", "Gaza Strip",
        "Bombay"), after the same normalisation as :meth:`lookup`; ``None`` if unknown.

        Locations are not actors: :meth:`lookup` and :meth:`resolve` never return them
        (a capital is both: "Moscow" is a location here and Russia's metonym there).
        """
        return self._locations.get(normalize(name))

    def city_country(self, name: str) -> str | None:
        """ISO3 code of the state a city, capital or region lies in ("Mosul" -> "IRQ",
        "West Bank" -> "PSE", "Brussels" -> "BEL"); ``None`` for unknown places. State
        names themselves are not locations: use :meth:`lookup` for them."""
        place = self.location(name)
        return place.country if place else None

    def subdivision_country(self, name: str) -> str | None:
        """ISO3 code of the state whose ISO 3166-2 subdivision (province, region, state,
        district...) bears this name ("Antioquia" -> "COL", "Natal" -> "ZAF"); ``None`` if
        unknown. Names that are also an actor, a city or region, or an ethnic group are not
        subdivisions here: callers should accept a subdivision only as a named place."""
        return self._subdivisions.get(normalize(name))

    def locations(self, *, kind: str | None = None) -> Iterator[Location]:
        """Every known location (optionally only one kind: "capital", "city", "region")."""
        if kind is not None and kind not in _LOCATION_KINDS:
            raise InputError(f"unknown location kind {kind!r}; use one of {_LOCATION_KINDS}.")
        seen: set[int] = set()
        for place in self._locations.values():
            if id(place) not in seen and (kind is None or place.kind == kind):
                seen.add(id(place))
                yield place

    def location_forms(self) -> Iterator[SurfaceForm]:
        """Names of cities and regions for a spaCy EntityRuler: kind "city" or "region",
        ``actor_id`` the ISO3 code of their state. Capitals and every text :meth:`lookup`
        knows as an actor are left out (those are in :meth:`surface_forms`). One-word forms
        are case-sensitive, like actor forms."""
        for key, place in sorted(self._locations.items()):
            if place.kind == "capital" or key in self._index:
                continue
            for text in place.names:
                if normalize(text) == key:
                    yield SurfaceForm(text, place.country, place.kind, _case_sensitive(text))

    # ---------------------------------------------------------------- variants and groups

    def variant(self, name: str, *, person: bool = False) -> SurfaceForm | None:
        """The state form a misspelt or variant name stands for, when only one fits:
        "Quatar" -> Qatar, "Afganistan" -> Afghanistan, "Phillipines" -> Philippines.

        Only names :meth:`lookup` and :meth:`location` do not know are tried. A typo costs
        one edit from 5 letters on, two from 9; the name must keep the first and last
        letter of the form (typos are inside words; "Indiana" is not "Indian"), and every
        known name within reach, states, places and other actors alike, must belong to
        the same state ("Slovakian" is near both Slovakia and Slovenian: no answer).
        With ``person``, full names of people instead (two words or more, 12 letters or
        more, one edit: "Abdelaziz Bouteflicka"). The result is the matched form, with
        its kind ("name", "alias", "demonym" or "person"); results are memoised.
        """
        key = normalize(name)
        memo_key = (key, person)
        if memo_key not in self._variants:
            if key in self._index or key in self._locations or key in self._ethnic_index:
                self._variants[memo_key] = None
            elif person:
                self._variants[memo_key] = self._person_variant(key)
            else:
                self._variants[memo_key] = self._state_variant(key)
        return self._variants[memo_key]

    def _state_variant(self, key: str) -> SurfaceForm | None:
        if len(key) < _VARIANT_MIN_LENGTH:
            return None
        budget = 1 if len(key) < _VARIANT_TWO_EDITS_LENGTH else 2
        pool = {*self._variant_pool.get(key[0], ()), *self._variant_pool.get(key[-1], ())}
        near = [
            (form, owner, kind)
            for form, owner, kind in pool
            if abs(len(form) - len(key)) <= budget
            and edit_distance(key, form, bound=budget) <= budget
        ]
        return _single_variant(key, near)

    def _person_variant(self, key: str) -> SurfaceForm | None:
        words = key.split()
        if len(words) < 2 or len(key) < _VARIANT_PERSON_MIN_LENGTH:
            return None
        pool = {*self._person_pool.get(words[0], ()), *self._person_pool.get(words[-1], ())}
        near = [
            (form, owner, kind)
            for form, owner, kind in pool
            if abs(len(form) - len(key)) <= 1 and edit_distance(key, form, bound=1) <= 1
        ]
        return _single_variant(key, near)

    @functools.cached_property
    def _variant_pool(self) -> dict[str, tuple[tuple[str, str, str], ...]]:
        """First or last letter -> (form, owner, kind) of every state name, alias and
        demonym (owner: the state's id) and of every other actor form and place (owner:
        the other actor's id, or "@" + the place's name, so they never pass as a state)."""
        pool: dict[str, set[tuple[str, str, str]]] = {}
        for key, entries in self._entries.items():
            winner = self._records[self._index[key]]
            kinds = {e.kind for e in entries if e.actor_id == winner.id}
            state_form = winner.type is ActorType.STATE and kinds & _VARIANT_STATE_KINDS
            kind = min(kinds & _VARIANT_STATE_KINDS) if state_form else "other"
            _pool_add(pool, key, (key, winner.id, kind))
        for key, place in self._locations.items():
            _pool_add(pool, key, (key, "@" + place.name, "place"))
        return {letter: tuple(forms) for letter, forms in pool.items()}

    @functools.cached_property
    def _person_pool(self) -> dict[str, tuple[tuple[str, str, str], ...]]:
        """First or last word -> (full name, person id, "person") of people's names."""
        pool: dict[str, set[tuple[str, str, str]]] = {}
        for key, entries in self._entries.items():
            if len(key.split()) < 2:
                continue
            for entry in entries:
                if self._records[entry.actor_id].type is ActorType.PERSON:
                    for word in {key.split()[0], key.split()[-1]}:
                        pool.setdefault(word, set()).add((key, entry.actor_id, "person"))
        return {word: tuple(forms) for word, forms in pool.items()}

    def ethnic_group(self, name: str) -> EthnicGroup | None:
        """The ethnic or national group with this name or form ("Yoruba", "Karens")."""
        return self._ethnic_index.get(normalize(name))

    def ethnic_groups(self) -> tuple[EthnicGroup, ...]:
        """Every ethnic or national group of ``ethnic_groups.json``."""
        return self._ethnic_groups

    # ---------------------------------------------------------------- people and offices

    def people_by_surname(self, surname: str, *, on: date | None = None) -> list[ActorRecord]:
        """People known by this surname ("Raisi", "Zelensky"), best candidate first: those
        in office on ``on`` (latest appointment first), then the most recently in office."""
        ids = self._surnames.get(normalize(surname), [])
        people = [self._records[actor_id] for actor_id in ids]

        def rank(person: ActorRecord) -> tuple[bool, date, bool, date]:
            held = person.roles_on(on) if on else tuple(r for r in person.roles if r.current)
            latest_start = max((r.start or date.min for r in held), default=date.min)
            # Out of office on ``on``: someone who already served beats someone who will
            # ("Bush" in 1995 is the father), and the most recent past office wins.
            past = [r for r in person.roles if on is None or r.start is None or r.start <= on]
            latest_end = max((r.end or date.max for r in past), default=date.min)
            return (bool(held), latest_start, bool(past), latest_end)

        return sorted(people, key=rank, reverse=True)

    def office_holder(self, state: str, role: str, *, on: date) -> ActorRecord | None:
        """Who held ``role`` for ``state`` (ISO3 or organisation id) on ``on``.

        ``role`` may be a role ("president"), a title ("Defense Secretary") or a category
        ("head of state"). Acting holders count; when several hold the office that day
        (a hand-over, or an acting president beside a suspended one), the latest
        appointment wins.
        """
        holders = [
            (r.start or date.min, person)
            for r, person in self._office_roles(role, state)
            if r.active_on(on)
        ]
        return max(holders, key=lambda pair: pair[0])[1] if holders else None

    def _office_roles(self, role: str, state: str) -> tuple[tuple[Role, ActorRecord], ...]:
        """Every role (any date) of an office: indexed once per (role, state), because the
        extractor asks for office holders in every document it reads."""
        key = (role, state)
        found = self._office_cache.get(key)
        if found is None:
            roles = self._roles_named(role)
            found = tuple(
                (r, person)
                for person in self._people
                for r in person.roles
                if r.role in roles and state in (r.state, r.organization)
            )
            self._office_cache[key] = found
        return found

    @functools.cached_property
    def _people(self) -> tuple[ActorRecord, ...]:
        return tuple(r for r in self._records.values() if r.type is ActorType.PERSON)

    def _roles_named(self, role: str) -> frozenset[str]:
        key = normalize(role)
        for category, members in self._categories.items():
            if normalize(category) == key:
                return frozenset(members)
        known = {normalize(name): name for name in self._titles}
        if key in known:
            return frozenset({known[key]})
        by_title = {name for name, titles in self._titles.items() if key in map(normalize, titles)}
        return frozenset(by_title) if by_title else frozenset({role})

    def country_of(self, actor_id: str, *, on: date | None = None) -> str | None:
        """The state an actor is or acts for on ``on`` (see :meth:`ActorRecord.country_on`)."""
        record = self._records.get(actor_id)
        if record is None:
            raise UnknownActorError(actor_id, self.suggest(actor_id))
        return record.country_on(on)

    def memberships(self, organization: str, *, on: date | None = None) -> list[Membership]:
        """Members of an organisation (id or any name) on ``on``; today's when ``None``."""
        record = self._records.get(organization) or self.lookup(organization)
        if record is None:
            raise UnknownActorError(organization, self.suggest(organization))
        day = on or date.today()
        return [m for m in record.members if m.active_on(day)]

    def organizations_of(self, state: str, *, on: date | None = None) -> list[ActorRecord]:
        """Organisations a state belongs to on ``on`` (today's when ``None``)."""
        day = on or date.today()
        return [
            record
            for record in self._records.values()
            if any(m.state == state and m.active_on(day) for m in record.members)
        ]

    # ---------------------------------------------------------------- diagnostics

    def ambiguous_forms(self) -> dict[str, tuple[str, ...]]:
        """Normalised forms naming more than one actor, with the actors, winner first."""
        clashes = {}
        for key, entries in self._entries.items():
            ids = {entry.actor_id for entry in entries}
            if len(ids) > 1:
                winner = self._index[key]
                clashes[key] = (winner, *sorted(ids - {winner}))
        return clashes

    def _all_entries(self) -> Iterator[_Entry]:
        for record in self._records.values():
            is_person = record.type is ActorType.PERSON
            yield _Entry(_TIER_ID, record.id, "code", record.id)
            yield _Entry(_TIER_NAME, record.id, "person" if is_person else "name", record.label)
            for name in record.names:
                yield _Entry(_TIER_NAME, record.id, "person" if is_person else "name", name)
            for alias in record.aliases:
                yield _Entry(_TIER_ALIAS, record.id, "person" if is_person else "alias", alias)
            for demonym in record.demonyms:
                yield _Entry(_TIER_DEMONYM, record.id, "demonym", demonym)
            for phrase in (*record.institutions, *record.metonyms):
                yield _Entry(_TIER_INSTITUTION, record.id, "institution", phrase)
            for capital in (record.capital, *record.capital_aliases):
                if capital:
                    yield _Entry(_TIER_CAPITAL, record.id, "capital", capital)
            if record.iso3:
                yield _Entry(_TIER_ISO3, record.id, "code", record.iso3)
            if record.iso2:
                yield _Entry(_TIER_ISO2, record.id, "code", record.iso2)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()


# -------------------------------------------------------------------- matching helpers


def _in_office(person: ActorRecord, on: date | None) -> bool:
    """Whether ``person`` holds an office on ``on`` (today, when ``None``)."""
    return bool(person.roles_on(on)) if on else any(role.current for role in person.roles)


def _match_rank(query: str, form: str) -> int | None:
    """0 exact, 1 prefix, 2 at a word start, 3 inside a word, 4-5 typos; None: no match."""
    if form == query:
        return 0
    if form.startswith(query):
        return 1
    if f" {query}" in form:
        return 2
    if query in form:
        return 3
    budget = typo_budget(query)
    if budget and edit_distance(query, form, bound=budget) <= budget:
        return _TYPO_RANK
    words = form.split()
    if budget and len(words) > 1 and any(_near(query, word, budget) for word in words):
        return _TYPO_RANK + 1
    return None


def _pool_add(
    pool: dict[str, set[tuple[str, str, str]]], key: str, item: tuple[str, str, str]
) -> None:
    if key:
        pool.setdefault(key[0], set()).add(item)
        pool.setdefault(key[-1], set()).add(item)


def _single_variant(key: str, near: list[tuple[str, str, str]]) -> SurfaceForm | None:
    """The closest form of ``near`` if they all belong to one actor and it keeps the first
    and last letters of ``key``; its kind is that of the closest form."""
    if not near or len({owner for _, owner, _ in near}) != 1:
        return None
    form, owner, kind = min(near, key=lambda item: (edit_distance(key, item[0]), item[0]))
    if kind in {"other", "place"} or form[0] != key[0] or form[-1] != key[-1]:
        return None
    return SurfaceForm(form, owner, kind)


def _near(query: str, word: str, budget: int) -> bool:
    return edit_distance(query, word, bound=budget) <= budget


def _emittable(entry: _Entry) -> bool:
    if entry.tier == _TIER_ID and entry.text != entry.text.upper():
        return False  # slugs such as "vladimir-putin" are not written in news
    if entry.tier == _TIER_ISO2:
        return False
    if entry.kind == "code" and entry.text in _CODE_STOPLIST:
        return False
    return not (entry.kind == "capital" and normalize(entry.text) in _CAPITAL_STOPLIST)


def _weak_title(title: str) -> bool:
    key = normalize(title)
    return key in _WEAK_TITLES or any(key.startswith(word + " ") for word in _WEAK_TITLE_WORDS)


def _case_sensitive(text: str) -> bool:
    return len(text.split()) == 1


# -------------------------------------------------------------------- JSON -> records


def _index_locations(places: Iterable[Location]) -> dict[str, Location]:
    """Normalised name -> location. A name in two states is a data error; a city listed
    again under its own state's capital is skipped (the capital entry wins)."""
    index: dict[str, Location] = {}
    for place in places:
        for name in place.names:
            key = normalize(name)
            known = index.get(key)
            if known is None:
                index[key] = place
            elif known.country != place.country:
                raise InputError(
                    f"the place name {name!r} is given both to {known.country} and to "
                    f"{place.country} in the actor data; keep one or drop it."
                )
    return index
