"""The rules' and resolver's vocabulary: ``data/lexicon/words.json`` as one typed record.

Every cue word, marker, preposition, auxiliary, title and role noun that the extraction code
tests for is a named field of :class:`Words`, documented in the data file (each entry has a
``doc`` and its ``words`` or ``map``). Sets are unordered (``frozenset``); lists whose order
matters (slot search orders) are tuples. :func:`load_words` fails with the file and the key
when an entry is missing, unknown or of the wrong shape. The relation names and CAMEO codes
mentioned here are checked against the ontology by :func:`geokg.extract.lexicon.load_lexicon`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from geokg.errors import GeokgError

WORDS_FILE = "words.json"


class LexiconError(GeokgError):
    """A packaged lexicon file is missing or malformed."""


WordsError = LexiconError  # the vocabulary is one of the lexicon files


def read_lexicon_file(name: str) -> dict[str, Any]:
    """The JSON object of the packaged lexicon file ``data/lexicon/NAME``."""
    resource = files("geokg") / "data" / "lexicon" / name
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise LexiconError(f"cannot read lexicon file {name}: {error}") from error
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon file {name} must hold a JSON object")
    return data


@dataclass(frozen=True, slots=True)
class Words:
    """Named word lists of the extraction rules (see ``data/lexicon/words.json``)."""

    # -- Actor mentions (the geokg_actors component)
    compass: frozenset[str]
    sites: frozenset[str]
    subdivision_words: frozenset[str]
    state_bodies: frozenset[str]
    ministry_nouns: frozenset[str]
    other_holder_words: frozenset[str]
    venue_nouns: frozenset[str]
    region_prefixes: frozenset[str]
    continent_parts: frozenset[str]
    latin_america: frozenset[str]
    indigenous_nouns: frozenset[str]
    indians: frozenset[str]
    # -- Actor resolution
    state_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    reflexive_pronouns: frozenset[str]
    divided_states: Mapping[str, frozenset[str]]
    dual_names: Mapping[str, frozenset[str]]
    named_sets: Mapping[str, frozenset[str]]
    uncodable_collectives: frozenset[str]
    document_nouns: frozenset[str]
    pact_nouns: frozenset[str]
    media_outlets: frozenset[str]
    leading_participles: frozenset[str]
    foreign_sites: frozenset[str]
    honorifics: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    office_holders: frozenset[str]
    speech_verbs: frozenset[str]
    quantity_heads: frozenset[str]
    copular: frozenset[str]
    institution_nominals: frozenset[str]
    owner_location_preps: frozenset[str]
    event_place_preps: frozenset[str]
    placing_participles: frozenset[str]
    igo_markers: frozenset[str]
    ngo_markers: frozenset[str]
    body_nouns: frozenset[str]
    generic_body_nouns: frozenset[str]
    group_markers: frozenset[str]
    group_nominals: frozenset[str]
    speaker_nouns: frozenset[str]
    conflict_nouns: frozenset[str]
    institution_members: frozenset[str]
    domestic_roles: frozenset[str]
    place_adjectives: frozenset[str]
    envoy_nouns: frozenset[str]
    relational_nouns: frozenset[str]
    commentator_roles: frozenset[str]
    national_body_markers: frozenset[str]
    pair_kinds: Mapping[str, frozenset[str]]
    name_titles: frozenset[str]
    surname_particles: frozenset[str]
    # -- Quotations and language
    opening_quotes: frozenset[str]
    closing_quotes: frozenset[str]
    straight_quotes: frozenset[str]
    caption_markers: frozenset[str]
    date_governors: frozenset[str]
    english_markers: frozenset[str]
    non_english_markers: frozenset[str]
    # -- Modality
    possibility_modals: frozenset[str]
    negating_control: frozenset[str]
    pending_marks: frozenset[str]
    nonfactual_heads: frozenset[str]
    unsupported_nouns: frozenset[str]
    rumour_nouns: frozenset[str]
    hedged_rumours: frozenset[str]
    inverted_condition_aux: frozenset[str]
    # -- Frames: arguments and targets
    default_noun_subject: tuple[str, ...]
    object_control: frozenset[str]
    statement_nouns: frozenset[str]
    stative_passives: frozenset[str]
    condition_subject_marks: frozenset[str]
    object_preps: frozenset[str]
    manner_preps: frozenset[str]
    owner_with_nouns: frozenset[str]
    place_target_relations: frozenset[str]
    default_target_relations: frozenset[str]
    gathering_nouns: frozenset[str]
    gathering_hosts: frozenset[str]
    restriction_relations: frozenset[str]
    violent_roots: frozenset[str]
    home_undergoer_roots: frozenset[str]
    place_undergoer_roots: frozenset[str]
    restriction_classes: frozenset[str]
    restricted_classes: frozenset[str]
    silencing_verbs: frozenset[str]
    agentless_place_roots: frozenset[str]
    foreign_markers: frozenset[str]
    intent_nouns: frozenset[str]
    intent_noun_hosts: frozenset[str]
    effort_nouns: frozenset[str]
    membership_preps: frozenset[str]
    membership_heads: frozenset[str]
    weapon_classes: frozenset[str]
    violent_item_classes: frozenset[str]
    time_preps: frozenset[str]
    scene_preps: frozenset[str]
    violent_incidents: frozenset[str]
    unidentified_attackers: frozenset[str]
    violent_relations: frozenset[str]
    civilian_obstructions: frozenset[str]
    stance_participles: frozenset[str]
    official_protests: Mapping[str, str]
    attempt_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    expulsion_verbs: frozenset[str]
    judicial_nouns: frozenset[str]
    bomb_kinds: frozenset[str]
    reversal_verbs: frozenset[str]
    cooperative_roots: frozenset[str]
    reversal_by_root: Mapping[str, str]
    demanding_relations: frozenset[str]
    force_nouns: frozenset[str]
    obligation_modals: frozenset[str]
    death_verbs: frozenset[str]
    abuse_nouns: frozenset[str]
    cause_preps: frozenset[str]
    # -- Event coreference and reactions
    verbal_roots: frozenset[str]
    reaction_object_preps: frozenset[str]
    light_object_preps: frozenset[str]
    patient_preps: frozenset[str]
    # -- Answers, denials and rejections
    answerable_roots: frozenset[str]
    answerable_nouns: frozenset[str]
    rejection_verbs: frozenset[str]
    bare_refusals: frozenset[str]
    anaphoric_objects: frozenset[str]
    involvement_nouns: frozenset[str]
    # -- Modes, complements and threats
    intent_by_root: Mapping[str, str]
    threat_by_root: Mapping[str, str]
    group_pronouns: frozenset[str]
    speaker_preps: frozenset[str]
    price_idioms: Mapping[str, frozenset[str]]
    prospective_price_verbs: frozenset[str]
    tolerance_verbs: frozenset[str]
    impunity_words: frozenset[str]
    complement_relations: Mapping[str, str]
    complement_slots: tuple[str, ...]
    vow_verbs: frozenset[str]
    vow_nouns: frozenset[str]
    retaliation_verbs: frozenset[str]
    readiness_words: frozenset[str]
    answered_hostilities: frozenset[str]
    vowed_force: frozenset[str]
    relief_phrasals: frozenset[tuple[str, ...]]
    relief_verbs: frozenset[str]
    yield_triggers: frozenset[str]
    yield_preps: Mapping[str, frozenset[str]]
    pressure_nouns: frozenset[str]
    span_nouns: frozenset[str]
    food_refusals: frozenset[str]
    food_nouns: frozenset[str]
    assuring_verbs: frozenset[str]
    domestic_measures: frozenset[str]
    measure_modifiers: frozenset[str]
    mediation_nouns: frozenset[str]
    # -- Added with the word-list test
    name_suffixes: tuple[str, ...]
    owner_phrase_preps: frozenset[str]
    anaphoric_determiners: frozenset[str]
    name_fillers: frozenset[str]
    collective_determiners: frozenset[str]
    author_preps: frozenset[str]
    promise_slots: tuple[str, ...]
    victim_preps: frozenset[str]
    relative_pronouns: frozenset[str]
    symmetric_relations: frozenset[str]
    joint_nouns: frozenset[str]
    pro_verbs: frozenset[str]
    ellipsis_markers: frozenset[str]
    ellipsis_excluded_roots: frozenset[str]
    bomb_nouns: frozenset[str]
    attempt_doer_slots: tuple[str, ...]
    undergoer_preps: frozenset[str]
    owner_preps: frozenset[str]
    # -- Evaluations (rules/evaluations.py)
    evaluation_negative: frozenset[str]
    evaluation_positive: frozenset[str]
    evaluation_verbs: frozenset[str]
    evaluation_supports: frozenset[str]
    naming_verbs: frozenset[str]
    appeal_adjectives: frozenset[str]
    joint_event_nouns: frozenset[str]
    clarity_verbs: frozenset[str]
    clarity_adjectives: frozenset[str]
    # -- Claims (rules/claims.py)
    claim_verbs: frozenset[str]
    responsibility_nouns: frozenset[str]
    responsibility_adjectives: frozenset[str]
    civilian_sites: frozenset[str]
    noncombatants: frozenset[str]
    mutual_nouns: frozenset[str]
    provocation_marks: frozenset[str]
    provoked_roots: frozenset[str]
    sanction_bans: frozenset[str]
    charge_preps: frozenset[str]
    # -- Responses (rules/responses.py)
    provoking_verbs: frozenset[str]
    provoked_reactions: Mapping[str, str]
    neutral_reactions: frozenset[str]
    hostile_qualifiers: frozenset[str]
    response_nouns: frozenset[str]
    inclusion_preps: frozenset[str]
    response_preps: frozenset[str]
    responded_preps: frozenset[str]
    requesting_verbs: Mapping[str, str]
    proposing_verbs: frozenset[str]
    presence_adjunct_preps: frozenset[str]
    presence_verbs: frozenset[str]
    cessation_verbs: Mapping[str, str]
    cessation_nouns: frozenset[str]
    cessation_object_preps: frozenset[str]
    cessation_event_preps: frozenset[str]
    # -- Modality scope and conditional threats (issue 10)
    open_rejections: frozenset[str]
    complement_marks: frozenset[str]
    warning_words: frozenset[str]
    penalty_nouns: frozenset[str]
    incurring_verbs: frozenset[str]
    continuation_verbs: frozenset[str]
    addressee_slots: tuple[str, ...]
    prediction_verbs: frozenset[str]
    expectation_verbs: frozenset[str]
    anticipation_adverbs: frozenset[str]
    null_objects: frozenset[str]
    ability_modals: frozenset[str]
    terms_nouns: frozenset[str]
    hypothetical_modals: frozenset[str]

    def relation_names(self) -> dict[str, frozenset[str]]:
        """Relation names mentioned by the vocabulary, by key (checked against the ontology)."""
        return {
            "place_target_relations": self.place_target_relations,
            "default_target_relations": self.default_target_relations,
            "restriction_relations": self.restriction_relations,
            "violent_relations": self.violent_relations,
            "demanding_relations": self.demanding_relations,
            "symmetric_relations": self.symmetric_relations,
            "intent_by_root": frozenset(self.intent_by_root.values()),
            "threat_by_root": frozenset(self.threat_by_root.values()),
            "reversal_by_root": frozenset(self.reversal_by_root.values()),
            "complement_relations": frozenset(self.complement_relations.values()),
            "provoked_reactions": frozenset(self.provoked_reactions.values()),
            "cessation_verbs": frozenset(self.cessation_verbs.values()),
            "requesting_verbs": frozenset(self.requesting_verbs.values()),
        }

    def cameo_roots(self) -> dict[str, frozenset[str]]:
        """CAMEO root codes mentioned by the vocabulary, by key (checked against the ontology)."""
        return {
            "violent_roots": self.violent_roots,
            "home_undergoer_roots": self.home_undergoer_roots,
            "place_undergoer_roots": self.place_undergoer_roots,
            "agentless_place_roots": self.agentless_place_roots,
            "cooperative_roots": self.cooperative_roots,
            "answerable_roots": self.answerable_roots,
            "verbal_roots": self.verbal_roots,
            "ellipsis_excluded_roots": self.ellipsis_excluded_roots,
            "intent_by_root": frozenset(self.intent_by_root),
            "threat_by_root": frozenset(self.threat_by_root),
            "reversal_by_root": frozenset(self.reversal_by_root),
        }


# Lists stored once in the data file and widened here: the loaded field is the union.
_UNIONS = {
    "body_nouns": ("igo_markers", "ngo_markers"),
    "default_target_relations": ("place_target_relations",),
    "violent_item_classes": ("weapon_classes",),
}


def _convert(kind: str, value: Any) -> Any:
    if kind == "frozenset[str]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError("must be a list of strings")
        return frozenset(value)
    if kind == "tuple[str, ...]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError("must be a list of strings")
        return tuple(value)
    if kind == "frozenset[tuple[str, ...]]":
        if not isinstance(value, list) or not all(isinstance(v, list) for v in value):
            raise TypeError("must be a list of lists of strings")
        return frozenset(tuple(str(w) for w in v) for v in value)
    if kind == "Mapping[str, str]":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise TypeError("must map strings to strings")
        return MappingProxyType(dict(value))
    if kind == "Mapping[str, frozenset[str]]":
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            raise TypeError("must map strings to lists of strings")
        return MappingProxyType({k: frozenset(v) for k, v in value.items()})
    raise TypeError(f"unknown field type {kind}")  # pragma: no cover - a coding error


def words_from_data(data: Mapping[str, Any], *, source: str = WORDS_FILE) -> Words:
    """Build :class:`Words` from the parsed data file (``source`` names it in errors)."""
    fields = {f.name: str(f.type) for f in dataclasses.fields(Words)}
    unknown = sorted(k for k in data if not k.startswith("_") and k not in fields)
    if unknown:
        raise WordsError(f"{source}: unknown key {unknown[0]!r}")
    values: dict[str, Any] = {}
    for name, kind in fields.items():
        entry = data.get(name)
        if not isinstance(entry, dict):
            raise WordsError(f"{source}: missing entry {name!r}")
        if not str(entry.get("doc", "")).strip():
            raise WordsError(f"{source}: entry {name!r} has no 'doc'")
        raw = entry.get("map" if kind.startswith("Mapping") else "words")
        try:
            values[name] = _convert(kind, raw)
        except TypeError as error:
            raise WordsError(f"{source}: entry {name!r} {error}") from error
    for name, parts in _UNIONS.items():
        values[name] = frozenset().union(values[name], *(values[p] for p in parts))
    return Words(**values)


def load_words() -> Words:
    """Read the packaged vocabulary (callers cache it: see ``load_lexicon``)."""
    return words_from_data(read_lexicon_file(WORDS_FILE))
