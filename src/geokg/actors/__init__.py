"""The actor gazetteer: who is who in geopolitical news, and what their names are."""

from geokg.actors.gazetteer import Gazetteer, load_gazetteer
from geokg.actors.loading import parse_date
from geokg.actors.records import (
    ActorRecord,
    EthnicGroup,
    Location,
    Membership,
    Role,
    SurfaceForm,
)
from geokg.actors.text import normalize

__all__ = [
    "ActorRecord",
    "EthnicGroup",
    "Gazetteer",
    "Location",
    "Membership",
    "Role",
    "SurfaceForm",
    "load_gazetteer",
    "normalize",
    "parse_date",
]
