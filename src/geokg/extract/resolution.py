"""Records of actor resolution: which actor a token denotes, how certainly, and by which route.

:class:`Via` names the route; the first members are the gazetteer's surface form kinds (a
span label of the ``geokg_actors`` component), the others are the resolver's own routes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from geokg.model import Actor


class Via(StrEnum):
    """How a token was resolved to its actor."""

    # A gazetteer surface form covering the token (the span's label).
    NAME = "name"
    ALIAS = "alias"
    CODE = "code"
    DEMONYM = "demonym"
    CAPITAL = "capital"
    INSTITUTION = "institution"
    PERSON = "person"
    TITLE = "title"
    ENTITY = "entity"  # a model entity looked up in the gazetteer
    CITY = "city"
    REGION = "region"
    # The resolver's routes.
    LOCATION = "location"  # a place standing for the state it lies in
    SURNAME = "surname"
    AGENT_NOUN = "agent-noun"  # "Iranian officials", "the president of Armenia"
    MODIFIER = "modifier"  # a demonym or name modifier a frame slot points at
    OWNER = "owner"  # the owner of a non-actor object phrase ("Haiti's efforts")
    OFFICE = "office"  # the holder of an office on the publication date
    ORGANISATION = "organisation"  # an organisation the gazetteer does not know
    COREF = "coref"  # a pronoun or nominal referring back
    SPEAKER = "speaker"  # "I"/"we" in a quotation
    SPEAKER_PHRASE = "speaker-phrase"  # the body a speaker speaks for
    EVENT = "event"  # the agent of an earlier event (event coreference)
    EVENT_PLACE = "event-place"  # the state where an event happens
    HOME = "home"  # a domestic subject's own state
    HOME_INSTITUTION = "home-institution"  # an institution of the state in context
    DOMESTIC_COREF = "domestic-coref"  # a pronoun standing for a domestic phrase
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Resolved:
    """An actor a token denotes, how certainly, and by which route."""

    actor: Actor
    certainty: float
    via: Via
    token: int


__all__ = ["Resolved", "Via"]
