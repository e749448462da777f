"""Reading the actor data files (``data/actors/*.json``) into gazetteer records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from geokg.actors.records import (
    ActorRecord,
    EthnicGroup,
    Location,
    Membership,
    Role,
)
from geokg.errors import InputError
from geokg.model import ActorType

_YEAR = re.compile(r"^\d{4}$")


def parse_date(value: str | None, *, end: bool = False) -> date | None:
    """Parse ``YYYY-MM-DD`` or ``YYYY`` (a year stands for its first day, or its last when
    ``end`` is set); ``None`` stays ``None``."""
    if value is None:
        return None
    if _YEAR.match(value):
        return date(int(value), 12, 31) if end else date(int(value), 1, 1)
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InputError(f"invalid date {value!r} in the actor data: {error}.") from None


def _strings(item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(item.get(key) or ())


def _state(item: Mapping[str, Any]) -> ActorRecord:
    names = tuple(n for n in (item.get("official_name"),) if n and n != item["name"])
    return ActorRecord(
        id=item["iso3"],
        label=item["name"],
        type=ActorType.STATE,
        iso2=item["iso2"],
        iso3=item["iso3"],
        names=names,
        aliases=_strings(item, "aliases"),
        demonyms=_strings(item, "demonyms"),
        capital=item.get("capital"),
        capital_aliases=_strings(item, "capital_aliases"),
        institutions=_strings(item, "institutions"),
        lat=item.get("lat"),
        lon=item.get("lon"),
        note=item.get("note"),
    )


def _members(
    organization: str, items: Iterable[Mapping[str, Any]], *, approximate: bool = False
) -> tuple[Membership, ...]:
    return tuple(
        Membership(
            organization=organization,
            state=m["state"],
            since=parse_date(m.get("since")),
            until=parse_date(m.get("until"), end=True),
            approximate=approximate,
        )
        for m in items
    )


def _organization(item: Mapping[str, Any]) -> ActorRecord:
    headquarters = item.get("headquarters") or {}
    return ActorRecord(
        id=item["id"],
        label=item["name"],
        type=ActorType(item["type"]),
        aliases=_strings(item, "aliases"),
        metonyms=_strings(item, "metonyms"),
        lat=headquarters.get("lat"),
        lon=headquarters.get("lon"),
        members=_members(item["id"], item.get("members", ())),
        note=item.get("members_note"),
        part_of=item.get("part_of"),
    )


def _collective(item: Mapping[str, Any], organizations: Mapping[str, ActorRecord]) -> ActorRecord:
    approximate = bool(item.get("approximate"))
    members = list(_members(item["id"], item.get("members", ()), approximate=approximate))
    listed = {m.state for m in members}
    for source in item.get("members_from", ()):
        for membership in organizations[source].members:
            if membership.state not in listed:
                listed.add(membership.state)
                members.append(
                    Membership(
                        item["id"],
                        membership.state,
                        membership.since,
                        membership.until,
                        approximate,
                    )
                )
    return ActorRecord(
        id=item["id"],
        label=item["name"],
        type=ActorType.COLLECTIVE_ACTOR,
        aliases=_strings(item, "aliases"),
        metonyms=_strings(item, "metonyms"),
        members=tuple(members),
        note=item.get("members_note"),
    )


def _group(item: Mapping[str, Any]) -> ActorRecord:
    return ActorRecord(
        id=item["id"],
        label=item["name"],
        type=ActorType(item["type"]),
        aliases=_strings(item, "aliases"),
        lat=item.get("lat"),
        lon=item.get("lon"),
        base=item.get("base"),
        note=item.get("note"),
    )


def _person(item: Mapping[str, Any]) -> ActorRecord:
    roles = tuple(
        Role(
            person=item["id"],
            role=r["role"],
            state=r.get("state"),
            organization=r.get("org"),
            start=parse_date(r.get("start")),
            end=parse_date(r.get("end"), end=True),
            acting=bool(r.get("acting")),
        )
        for r in item.get("roles", ())
    )
    return ActorRecord(
        id=item["id"],
        label=item["name"],
        type=ActorType.PERSON,
        aliases=_strings(item, "aliases"),
        roles=roles,
        surnames=_strings(item, "surnames"),
        nationality=item.get("nationality"),
    )


def _locations(document: Mapping[str, Any]) -> Iterator[Location]:
    """Cities (``{"ISO3": [name or [name, alias, ...], ...]}``) and regions (objects)."""
    for country, entries in document.get("cities", {}).items():
        for entry in entries:
            names = (entry,) if isinstance(entry, str) else tuple(entry)
            yield Location(names[0], country, "city", names[1:])
    for item in document.get("regions", ()):
        yield Location(
            item["name"], item["country"], "region", _strings(item, "aliases"), item.get("note")
        )


def _subdivisions(document: Mapping[str, Any]) -> dict[str, list[str]]:
    """ISO3 -> subdivision names (``{"ISO3": [name or [name, alias, ...], ...]}``), with the
    editorial English forms of the file's ``editorial`` section."""
    names: dict[str, list[str]] = {}
    for section in (document.get("subdivisions", {}), document.get("editorial", {})):
        for country, entries in section.items():
            if not isinstance(entries, list):
                continue  # the section's "note"
            for entry in entries:
                names.setdefault(country, []).extend([entry] if isinstance(entry, str) else entry)
    return names


def _ethnic_groups(document: Mapping[str, Any]) -> Iterator[EthnicGroup]:
    for item in document.get("groups", ()):
        yield EthnicGroup(
            name=item["name"],
            states=tuple(item["states"]),
            forms=tuple(item.get("forms") or (item["name"],)),
            needs_context=bool(item.get("needs_context")),
            name_clash=bool(item.get("name_clash")),
            note=item.get("note"),
        )
