"""Immutable records of the actor gazetteer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from geokg.model import Actor, ActorType


@dataclass(frozen=True, slots=True)
class Membership:
    """A state's membership of an organisation; ``until`` is the last day of membership."""

    organization: str
    state: str
    since: date | None = None
    until: date | None = None
    approximate: bool = False

    def active_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by a person for a state or an organisation.

    ``end`` is the last day in office (inclusive); ``None`` means still in office.
    """

    person: str
    role: str
    state: str | None = None
    organization: str | None = None
    start: date | None = None
    end: date | None = None
    acting: bool = False

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """A phrase that names an actor in running text, for a spaCy EntityRuler.

    ``kind`` is one of name, alias, code, demonym, capital, institution, person, title.
    ``case_sensitive`` forms must only match with this exact casing ("US", "Chad").
    """

    text: str
    actor_id: str
    kind: str
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class Location:
    """A place that is not an actor: a city, a capital or a region, in one state.

    ``kind`` is "city", "capital" or "region"; ``country`` is the ISO 3166-1 alpha-3 code
    of the state (or territory) the place lies in. Capitals are also actor metonyms
    ("Moscow said ..."); cities and regions never are.
    """

    name: str
    country: str
    kind: str
    aliases: tuple[str, ...] = ()
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class EthnicGroup:
    """An ethnic or national group that stands for a state when named as an actor.

    ``states`` lists the states the group lives in, main state first; ``forms`` the words
    that name it ("Yoruba", "Yorubas"). ``needs_context``: the group stands for a state only
    when one of ``states`` is named nearby (Tamils in Sri Lanka or India). ``name_clash``:
    the name is also a given name ("Karen"), so it counts only in safe positions.
    """

    name: str
    states: tuple[str, ...]
    forms: tuple[str, ...]
    needs_context: bool = False
    name_clash: bool = False
    note: str | None = None

    def state_in(self, named: Iterable[str]) -> str | None:
        """The group's state given the states ``named`` nearby: the only one of its states
        named, else (none named) its main state unless it needs context; ``None`` when
        several of its states are named."""
        present = {state for state in named if state in self.states}
        if len(present) == 1:
            return next(iter(present))
        if present or self.needs_context:
            return None
        return self.states[0]


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """The full gazetteer profile of an actor."""

    id: str
    label: str
    type: ActorType
    iso2: str | None = None
    iso3: str | None = None
    names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    capital_aliases: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    members: tuple[Membership, ...] = ()
    roles: tuple[Role, ...] = ()
    base: str | None = None
    surnames: tuple[str, ...] = ()
    nationality: str | None = None
    note: str | None = None
    # A body that acts for a larger organisation ("UNHCR", "AMISOM"): the larger one's id.
    part_of: str | None = None

    def roles_on(self, day: date) -> tuple[Role, ...]:
        """Roles held on ``day``, latest start first."""
        active = [role for role in self.roles if role.active_on(day)]
        return tuple(sorted(active, key=_start_key, reverse=True))

    def country_on(self, day: date | None = None) -> str | None:
        """The state this actor is, or acts for, on ``day`` (today's offices when ``None``).

        States are themselves; a person acts for the state of the office held that day (an
        office of an organisation or group gives ``None``); a person out of office counts for
        the state of the latest office held, else for the nationality. A political group (a
        party, an opposition or protest movement) counts for its home state (``base``), as
        the annotation guide keys opposition parties acting at home ("the Muslim Brotherhood
        denounced the move" is EGY 11 EGY); armed groups and organisations keep their own key
        (``None``: hamas, al_shabaab, m23).
        """
        if self.type is ActorType.STATE:
            return self.iso3
        if self.type is ActorType.POLITICAL_GROUP:
            return self.base
        if self.type is not ActorType.PERSON:
            return None
        office = self.office_on(day)
        return office.state if office is not None else self.nationality

    def office_on(self, day: date | None = None) -> Role | None:
        """The office a person acts in on ``day`` (today's when ``None``): the latest one
        held that day, else the one held last before it (out of office, still counted for
        it); ``None`` for a person who held none by then."""
        held = self.roles_on(day) if day else tuple(r for r in self.roles if r.current)
        if held:
            return max(held, key=_start_key)
        past = [r for r in self.roles if day is None or r.start is None or r.start <= day]
        return max(past, key=_end_key) if past else None

    def to_actor(self, *, on: date | None = None) -> Actor:
        """The shared :class:`~geokg.model.Actor` record, with ``country`` as of ``on``."""
        return Actor(self.id, self.label, self.type, country=self.country_on(on))


def _start_key(role: Role) -> date:
    return role.start or date.min


def _end_key(role: Role) -> date:
    return role.end or date.max
