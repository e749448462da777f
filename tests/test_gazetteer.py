"""Tests of the actor gazetteer: the packaged data and the geokg.actors library."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from importlib import resources
from typing import Any

import pytest

from geokg.actors import Gazetteer, load_gazetteer, normalize
from geokg.actors.gazetteer import DATA_FILES
from geokg.errors import InputError, UnknownActorError
from geokg.model import ActorType

_ACTOR_DATA = resources.files("geokg") / "data" / "actors"
#: Every JSON file of the actor data: what the gazetteer loads, plus the files it does not
#: (ambiguity.json records editorial decisions that tests check), so a new file is checked
#: whether or not it is registered in DATA_FILES.
ACTOR_FILES = tuple(
    sorted(set(DATA_FILES) | {f.name for f in _ACTOR_DATA.iterdir() if f.name.endswith(".json")})
)
DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
SLUG = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")


def _document(name: str) -> Any:
    return json.loads((_ACTOR_DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def states() -> list[dict[str, Any]]:
    return list(_document("states.json")["states"])


# ------------------------------------------------------------------------ data integrity


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_every_data_file_says_where_its_facts_come_from(name: str) -> None:
    document = _document(name)
    assert document["source"].strip()
    assert DATE.match(document.get("retrieved") or document.get("as_of") or "")


def test_states_are_the_un_members_observers_taiwan_and_kosovo(
    states: list[dict[str, Any]],
) -> None:
    status = Counter(state["un_status"] for state in states)
    assert status == {"member": 193, "observer": 2, "non-member": 2}
    observers = {s["iso3"] for s in states if s["un_status"] == "observer"}
    assert observers == {"VAT", "PSE"}
    others = {s["iso3"] for s in states if s["un_status"] == "non-member"}
    assert others == {"TWN", "XKX"}
    kosovo = next(s for s in states if s["iso3"] == "XKX")
    assert kosovo["iso2"] == "XK" and "user-assigned" in kosovo["note"]


def test_state_codes_are_well_formed_and_unique(states: list[dict[str, Any]]) -> None:
    iso2 = [s["iso2"] for s in states]
    iso3 = [s["iso3"] for s in states]
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in iso2)
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in iso3)
    assert len(set(iso2)) == len(iso2) == 197
    assert len(set(iso3)) == len(iso3) == 197
    # Spot checks of codes that are easy to get wrong (verified against ISO 3166-1).
    codes = {s["iso3"]: s["iso2"] for s in states}
    assert codes["DEU"] == "DE" and codes["CHE"] == "CH" and codes["GBR"] == "GB"
    assert codes["PRK"] == "KP" and codes["KOR"] == "KR" and codes["SRB"] == "RS"
    assert codes["MNE"] == "ME" and codes["SWZ"] == "SZ" and codes["SSD"] == "SS"
    assert codes["TLS"] == "TL" and codes["COD"] == "CD" and codes["COG"] == "CG"


def test_states_have_coordinates_capitals_and_demonyms(states: list[dict[str, Any]]) -> None:
    for state in states:
        assert -90 <= state["lat"] <= 90 and -180 <= state["lon"] <= 180, state["iso3"]
        assert state["capital"], state["iso3"]
        assert state["name"] and state["official_name"], state["iso3"]
    with_demonyms = [s for s in states if s["demonyms"]]
    assert len(with_demonyms) >= 190


def test_ids_are_unique_across_all_actor_kinds(gazetteer: Gazetteer) -> None:
    ids = [record.id for record in gazetteer]
    assert len(ids) == len(set(ids))
    non_states = [r.id for r in gazetteer if r.type is not ActorType.STATE]
    assert all(SLUG.match(actor_id) for actor_id in non_states), non_states


def test_memberships_refer_to_states_with_ordered_dates(gazetteer: Gazetteer) -> None:
    for record in gazetteer:
        for membership in record.members:
            member = gazetteer.get(membership.state)
            assert member is not None and member.type is ActorType.STATE, membership
            if membership.since and membership.until:
                assert membership.since <= membership.until, membership


def test_roles_refer_to_existing_actors_with_ordered_dates(gazetteer: Gazetteer) -> None:
    titles = gazetteer.titles
    for person in (r for r in gazetteer if r.type is ActorType.PERSON):
        assert person.roles or person.nationality, person.id
        for role in person.roles:
            assert (role.state is None) != (role.organization is None), role
            target = gazetteer.get(role.state or role.organization or "")
            assert target is not None, role
            if role.state:
                assert target.type is ActorType.STATE
            if role.start and role.end:
                assert role.start <= role.end, role
            assert role.role in titles, role.role


def test_raw_dates_are_iso_formatted() -> None:
    people = _document("people.json")["people"] + _document("people_historical.json")["people"]
    for person in people:
        for role in person["roles"]:
            for value in (role["start"], role["end"]):
                assert value is None or DATE.match(value), (person["id"], value)
    for organization in _document("organizations.json")["organizations"]:
        for member in organization["members"]:
            for value in (member["since"], member.get("until")):
                assert value is None or DATE.match(value), (organization["id"], value)


def test_person_ids_are_slugs_of_their_names(gazetteer: Gazetteer) -> None:
    for person in (r for r in gazetteer if r.type is ActorType.PERSON):
        assert person.id == normalize(person.label).replace(" ", "-"), person.id


def test_groups_are_based_in_known_states(gazetteer: Gazetteer) -> None:
    groups = [r for r in gazetteer if r.type in {ActorType.ARMED_GROUP, ActorType.POLITICAL_GROUP}]
    assert {"hamas", "hezbollah", "houthis", "taliban", "isis", "al_qaeda", "wagner", "rsf"} <= {
        g.id for g in groups
    }
    for group in groups:
        assert group.base is None or gazetteer.get(group.base) is not None, group.id


def test_no_two_actors_share_a_name_unless_documented(gazetteer: Gazetteer) -> None:
    documented = {
        clash["form"]: (clash["resolves_to"], *sorted(clash["also"]))
        for clash in _document("ambiguity.json")["clashes"]
    }
    assert gazetteer.ambiguous_forms() == documented


def test_documented_decisions_hold(gazetteer: Gazetteer) -> None:
    for decision in _document("ambiguity.json")["decisions"]:
        record = gazetteer.lookup(decision["form"])
        assert record is not None and record.id == decision["resolves_to"], decision["form"]


def test_nato_and_eu_accessions() -> None:
    gazetteer = load_gazetteer()
    nato = {m.state: m for m in gazetteer.memberships("nato", on=date(2024, 6, 1))}
    assert len(nato) == 32 and nato["FIN"].since == date(2023, 4, 4)
    assert nato["SWE"].since == date(2024, 3, 7)
    assert "SWE" not in {m.state for m in gazetteer.memberships("nato", on=date(2024, 3, 6))}
    assert "GBR" in {m.state for m in gazetteer.memberships("eu", on=date(2020, 1, 31))}
    assert "GBR" not in {m.state for m in gazetteer.memberships("eu", on=date(2020, 2, 1))}
    assert len(gazetteer.memberships("European Union", on=date(2024, 1, 1))) == 27
    brics = {m.state for m in gazetteer.memberships("brics", on=date(2024, 6, 1))}
    assert {"IRN", "EGY", "ETH", "ARE"} <= brics and "IRN" not in {
        m.state for m in gazetteer.memberships("brics", on=date(2023, 6, 1))
    }
    assert len(gazetteer.memberships("un", on=date(2024, 1, 1))) == 193


def test_collective_actors_are_approximate(gazetteer: Gazetteer) -> None:
    west = gazetteer.resolve("Western powers")
    assert west.id == "west" and west.type is ActorType.COLLECTIVE_ACTOR
    members = gazetteer.memberships("west", on=date(2024, 6, 1))
    assert {"USA", "GBR", "JPN", "AUS", "AUT"} <= {m.state for m in members}
    assert all(m.approximate for m in members)
    assert gazetteer.resolve("the international community").id == "international_community"


# ------------------------------------------------------------------------ resolution


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Briton", "GBR"),
        ("British", "GBR"),
        ("DPRK", "PRK"),
        ("PRC", "CHN"),
        ("Russian Federation", "RUS"),
        ("Ivory Coast", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Czech Republic", "CZE"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Holland", "NLD"),
        ("Dutch", "NLD"),
        ("Iranian", "IRN"),
        ("Iranians", "IRN"),
        ("Ukrainians", "UKR"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("the Kremlin", "RUS"),
        ("Kremlin", "RUS"),
        ("the Pentagon", "USA"),
        ("the White House", "USA"),
        ("Foggy Bottom", "USA"),
        ("Downing Street", "GBR"),
        ("Whitehall", "GBR"),
        ("Élysée", "FRA"),
        ("the Elysee", "FRA"),
        ("Zhongnanhai", "CHN"),
        ("the Knesset", "ISR"),
        ("Bundestag", "DEU"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Peking", "CHN"),
        ("Tehran", "IRN"),
        ("Moscow", "RUS"),
        ("irn", "IRN"),
        ("IR", "IRN"),
        ("https://w3id.org/geokg/actor/IRN", "IRN"),
        ("U.N.", "un"),
        ("UN Security Council", "unsc"),
        ("European Commission", "eu"),
        ("Brussels", "eu"),
        ("AU", "african_union"),
        ("Hizbollah", "hezbollah"),
        ("Houthi rebels", "houthis"),
        ("Ansar Allah", "houthis"),
        ("ISIL", "isis"),
        ("Daesh", "isis"),
        ("Al-Qaida", "al_qaeda"),
        ("al Qaeda", "al_qaeda"),
        ("Wagner Group", "wagner"),
        ("ICRC", "red_cross"),
        ("Lloyd J. Austin", "lloyd-austin"),
        ("Joseph Biden", "joe-biden"),
        ("Kim Jong-un", "kim-jong-un"),
        ("Radoslaw Sikorski", "radoslaw-sikorski"),
    ],
)
def test_resolve_names(gazetteer: Gazetteer, name: str, actor_id: str) -> None:
    assert gazetteer.resolve(name).id == actor_id


@pytest.mark.parametrize("name", ["Persia", "the States", "Atlantis"])
def test_historic_or_vague_names_are_not_actors(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None


def test_resolved_states_and_organizations_carry_their_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("the Kremlin").country == "RUS"
    assert gazetteer.resolve("NATO").country is None
    assert gazetteer.resolve("Hamas").country is None


def test_people_resolve_with_the_country_they_serve(gazetteer: Gazetteer) -> None:
    raisi_before = gazetteer.resolve("Ebrahim Raisi", on=date(2024, 5, 18))
    assert raisi_before.type is ActorType.PERSON and raisi_before.country == "IRN"
    assert gazetteer.resolve("Mr Raisi", on=date(2024, 5, 20)).id == "ebrahim-raisi"
    assert gazetteer.resolve("President Putin").country == "RUS"
    guterres = gazetteer.resolve("António Guterres", on=date(2024, 1, 1))
    assert guterres.country is None  # acts for the UN, not for Portugal
    kallas = gazetteer.get("kaja-kallas")
    assert kallas is not None
    assert kallas.to_actor(on=date(2023, 1, 1)).country == "EST"
    assert kallas.to_actor(on=date(2025, 1, 1)).country is None


def test_presidents_of_iran_around_the_helicopter_crash(gazetteer: Gazetteer) -> None:
    def president(day: date) -> str | None:
        holder = gazetteer.office_holder("IRN", "president", on=day)
        return holder.id if holder else None

    assert president(date(2024, 5, 18)) == "ebrahim-raisi"
    assert president(date(2024, 5, 19)) == "mohammad-mokhber"  # hand-over day: successor
    assert president(date(2024, 5, 20)) == "mohammad-mokhber"
    assert president(date(2024, 7, 29)) == "masoud-pezeshkian"
    assert president(date(2021, 1, 1)) == "hassan-rouhani"
    foreign = gazetteer.office_holder("IRN", "foreign minister", on=date(2024, 1, 1))
    assert foreign is not None and foreign.id == "hossein-amirabdollahian"
    leader = gazetteer.office_holder("IRN", "Supreme Leader", on=date(2024, 5, 20))
    assert leader is not None and leader.id == "ali-khamenei"


@pytest.mark.parametrize(
    ("state", "role", "day", "holder"),
    [
        ("USA", "president", date(2024, 5, 20), "joe-biden"),
        ("USA", "president", date(2025, 2, 1), "donald-trump"),
        ("USA", "Secretary of Defense", date(2024, 5, 20), "lloyd-austin"),
        ("USA", "defence minister", date(2025, 3, 1), "pete-hegseth"),
        ("USA", "Secretary of State", date(2022, 1, 1), "antony-blinken"),
        ("USA", "foreign minister", date(2025, 3, 1), "marco-rubio"),
        ("GBR", "prime minister", date(2022, 10, 1), "liz-truss"),
        ("GBR", "PM", date(2024, 8, 1), "keir-starmer"),
        ("DEU", "chancellor", date(2025, 5, 7), "friedrich-merz"),
        ("DEU", "head of government", date(2023, 1, 1), "olaf-scholz"),
        ("JPN", "prime minister", date(2024, 1, 1), "fumio-kishida"),
        ("JPN", "prime minister", date(2025, 1, 1), "shigeru-ishiba"),
        ("RUS", "defence minister", date(2024, 6, 1), "andrei-belousov"),
        ("UKR", "head of state", date(2023, 1, 1), "volodymyr-zelenskyy"),
        ("KOR", "president", date(2025, 1, 1), "choi-sang-mok"),
        ("un", "secretary-general", date(2024, 1, 1), "antonio-guterres"),
        ("nato", "secretary-general", date(2024, 11, 1), "mark-rutte"),
        ("eu", "high representative", date(2025, 1, 1), "kaja-kallas"),
    ],
)
def test_office_holders(
    gazetteer: Gazetteer, state: str, role: str, day: date, holder: str
) -> None:
    record = gazetteer.office_holder(state, role, on=day)
    assert record is not None and record.id == holder


def test_vacant_or_unknown_offices_have_no_holder(gazetteer: Gazetteer) -> None:
    assert gazetteer.office_holder("LBN", "president", on=date(2023, 6, 1)) is None
    assert gazetteer.office_holder("USA", "emperor", on=date(2023, 6, 1)) is None


def test_people_by_surname_prefers_office_holders(gazetteer: Gazetteer) -> None:
    assert [p.id for p in gazetteer.people_by_surname("Raisi")] == ["ebrahim-raisi"]
    assert gazetteer.people_by_surname("Zelensky")[0].id == "volodymyr-zelenskyy"
    aouns = gazetteer.people_by_surname("Aoun", on=date(2021, 1, 1))
    assert [p.id for p in aouns] == ["michel-aoun", "joseph-aoun"]
    assert gazetteer.people_by_surname("Aoun", on=date(2025, 6, 1))[0].id == "joseph-aoun"
    assert gazetteer.resolve("Aoun", on=date(2025, 6, 1)).id == "joseph-aoun"
    assert gazetteer.people_by_surname("Nobody") == []


def test_country_of(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_of("IRN") == "IRN"
    assert gazetteer.country_of("ebrahim-raisi", on=date(2024, 5, 1)) == "IRN"
    assert gazetteer.country_of("ebrahim-raisi") == "IRN"  # latest office, after his death
    assert gazetteer.country_of("nato") is None
    assert gazetteer.country_of("kim-yo-jong") == "PRK"  # no office: nationality
    with pytest.raises(UnknownActorError):
        gazetteer.country_of("nobody")


# ------------------------------------------------------------------------ search and errors


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("Iarn", "Iran"),
        ("ukriane", "Ukraine"),
        ("Hezbolah", "Hezbollah"),
        ("Zelenksy", "Volodymyr Zelenskyy"),
        ("ukr", "Ukraine"),
        ("kremlin", "Russia"),
    ],
)
def test_search_tolerates_typos_and_prefixes(gazetteer: Gazetteer, query: str, label: str) -> None:
    assert gazetteer.search(query)[0].label == label


def test_search_ranks_exact_before_substring(gazetteer: Gazetteer) -> None:
    labels = [record.label for record in gazetteer.search("Korea")]
    assert set(labels[:2]) == {"North Korea", "South Korea"}
    assert len(gazetteer.search("a", limit=5)) == 5
    assert gazetteer.search("zzzzzzzz") == []


def test_empty_search_lists_every_actor(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.search("")) == len(gazetteer)


def test_unknown_actor_error_suggests_names(gazetteer: Gazetteer) -> None:
    with pytest.raises(UnknownActorError) as caught:
        gazetteer.resolve("Ukrane")
    assert caught.value.suggestions[0] == "Ukraine"
    assert "did you mean 'Ukraine'" in str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(UnknownActorError) as nothing_close:
        gazetteer.resolve("Qwertyuiop")
    assert nothing_close.value.suggestions == ()


# ------------------------------------------------------------------------ surface forms


def test_surface_forms_name_one_actor_each(gazetteer: Gazetteer) -> None:
    forms = list(gazetteer.surface_forms())
    texts = [form.text for form in forms]
    assert len(texts) == len(set(texts))
    assert all(gazetteer.get(form.actor_id) is not None for form in forms)
    kinds = {form.kind for form in forms}
    assert kinds == {
        "name",
        "alias",
        "code",
        "demonym",
        "capital",
        "institution",
        "person",
        "title",
    }


def test_surface_forms_avoid_dangerous_codes(gazetteer: Gazetteer) -> None:
    forms = {form.text: form for form in gazetteer.surface_forms()}
    for word in ("IN", "IT", "CAN", "AND", "ARE", "Victoria", "vladimir-putin"):
        assert word not in forms
    assert forms["US"].actor_id == "USA" and forms["US"].case_sensitive
    assert forms["IS"].actor_id == "isis" and forms["IS"].case_sensitive
    assert forms["Turkey"].case_sensitive  # not the bird
    assert forms["Kremlin"].actor_id == "RUS"  # leading "the" dropped
    assert forms["the West"].actor_id == "west"
    assert not forms["Lloyd Austin"].case_sensitive
    assert forms["President Putin"].kind == "title"
    assert forms["Brussels"].actor_id == "eu"


# ------------------------------------------------------------------------ performance
# Load and variant speed: benchmarks/bench_load.py (a ratio, not a timed unit test).


def test_load_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


# ------------------------------------------------------------------------ historical leaders


def test_historical_people_are_loaded_and_disjoint_from_current_ones(gazetteer: Gazetteer) -> None:
    current = {p["id"] for p in _document("people.json")["people"]}
    historical = {p["id"] for p in _document("people_historical.json")["people"]}
    assert not current & historical
    assert len(historical) >= 500
    assert all(gazetteer.get(person_id) is not None for person_id in historical)


@pytest.mark.parametrize(
    ("state", "role", "day", "holder"),
    [
        ("USA", "president", date(1985, 6, 1), "ronald-reagan"),
        ("USA", "president", date(1991, 1, 17), "george-h-w-bush"),
        ("USA", "president", date(2003, 3, 20), "george-w-bush"),
        ("USA", "Secretary of State", date(1998, 1, 1), "madeleine-albright"),
        ("RUS", "head of state", date(1995, 1, 1), "boris-yeltsin"),
        ("RUS", "president", date(2010, 1, 1), "dmitry-medvedev"),
        ("RUS", "president", date(2004, 1, 1), "vladimir-putin"),
        ("GBR", "prime minister", date(1982, 4, 2), "margaret-thatcher"),
        ("GBR", "prime minister", date(2012, 1, 1), "david-cameron"),
        ("DEU", "chancellor", date(1990, 10, 3), "helmut-kohl"),
        ("FRA", "president", date(1999, 1, 1), "jacques-chirac"),
        ("ISR", "prime minister", date(1995, 11, 4), "shimon-peres"),  # hand-over day
        ("ISR", "prime minister", date(1998, 1, 1), "benjamin-netanyahu"),
        ("IRN", "supreme leader", date(1985, 1, 1), "ruhollah-khomeini"),
        ("IRN", "president", date(1985, 1, 1), "ali-khamenei"),
        ("IRQ", "president", date(1990, 8, 2), "saddam-hussein"),
        ("PSE", "president", date(2000, 9, 28), "yasser-arafat"),
        ("CHN", "general secretary", date(1995, 1, 1), "jiang-zemin"),
        ("PAK", "president", date(1985, 1, 1), "muhammad-zia-ul-haq"),
        ("ZWE", "prime minister", date(1985, 1, 1), "robert-mugabe"),
        ("ZAF", "president", date(1996, 1, 1), "nelson-mandela"),
        ("un", "secretary-general", date(1994, 1, 1), "boutros-boutros-ghali"),
        ("un", "secretary-general", date(2003, 1, 1), "kofi-annan"),
        ("eu", "commission president", date(1990, 1, 1), "jacques-delors"),
        ("VAT", "head of state", date(1990, 1, 1), "john-paul-ii"),
    ],
)
def test_historical_office_holders(
    gazetteer: Gazetteer, state: str, role: str, day: date, holder: str
) -> None:
    record = gazetteer.office_holder(state, role, on=day)
    assert record is not None and record.id == holder


def test_surnames_shared_across_eras_resolve_by_date(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Bush", on=date(1990, 1, 1)).id == "george-h-w-bush"
    assert gazetteer.resolve("President Bush", on=date(2004, 1, 1)).id == "george-w-bush"
    # Out of office: the one who already served, not the one who will.
    assert gazetteer.resolve("Bush", on=date(1996, 1, 1)).id == "george-h-w-bush"
    # No date: either Bush will do, they act for the same state.
    assert gazetteer.resolve("Bush").country == "USA"
    assert gazetteer.resolve("Assad", on=date(1990, 1, 1)).id == "hafez-al-assad"
    assert gazetteer.resolve("Assad", on=date(2010, 1, 1)).id == "bashar-al-assad"
    assert gazetteer.resolve("Aliyev", on=date(1999, 1, 1)).id == "heydar-aliyev"
    assert gazetteer.resolve("Gandhi", on=date(1983, 1, 1)).id == "indira-gandhi"
    assert gazetteer.resolve("Gandhi", on=date(1987, 1, 1)).id == "rajiv-gandhi"
    # Whoever holds office today wins without a date.
    assert gazetteer.resolve("Herzog").id == "isaac-herzog"
    assert gazetteer.resolve("Herzog", on=date(1996, 1, 1)).id == "roman-herzog"


def test_two_office_holders_of_different_states_stay_unresolved(gazetteer: Gazetteer) -> None:
    # In 1985 King Hussein ruled Jordan and Saddam Hussein Iraq.
    with pytest.raises(UnknownActorError):
        gazetteer.resolve("Hussein", on=date(1985, 1, 1))
    assert gazetteer.resolve("Hussein", on=date(2001, 1, 1)).country == "IRQ"


@pytest.mark.parametrize(
    ("name", "day", "country"),
    [
        ("Yasser Arafat", date(1988, 1, 1), "PSE"),  # PLO chairman, before the Authority
        ("Yeltsin", date(1993, 10, 4), "RUS"),
        ("Mikhail Gorbachev", date(1987, 1, 1), "RUS"),
        ("Khomeini", date(1980, 1, 1), "IRN"),
        ("Hashemi Rafsanjani", date(1992, 1, 1), "IRN"),
        ("Ehud Barak", date(2000, 1, 1), "ISR"),
        ("Ariel Sharon", date(1990, 1, 1), "ISR"),  # between offices: his latest
        ("Mubarak", date(1995, 1, 1), "EGY"),
        ("Moammar Gadhafi", date(1986, 4, 15), "LBY"),
        ("Milosevic", date(1999, 3, 24), "SRB"),
        ("Obasanjo", date(2000, 1, 1), "NGA"),
        ("Kagame", date(2005, 1, 1), "RWA"),
        ("Bouteflika", date(2005, 1, 1), "DZA"),
        ("Deng Xiaoping", date(1979, 1, 1), "CHN"),  # before his first office: nationality
        ("Eduard Shevardnadze", date(1988, 1, 1), "RUS"),
        ("Eduard Shevardnadze", date(1998, 1, 1), "GEO"),
        ("Desmond Tutu", date(1990, 1, 1), "ZAF"),
    ],
)
def test_historical_people_act_for_their_state(
    gazetteer: Gazetteer, name: str, day: date, country: str
) -> None:
    assert gazetteer.resolve(name, on=day).country == country


def test_leaders_of_organisations_and_groups_act_for_no_state(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Kofi Annan", on=date(2000, 1, 1)).country is None
    assert gazetteer.resolve("Osama bin Laden", on=date(2001, 9, 11)).country is None
    assert gazetteer.resolve("Jonas Savimbi", on=date(1995, 1, 1)).country is None


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Soviet Union", "RUS"),
        ("USSR", "RUS"),
        ("Soviet", "RUS"),
        ("Yugoslavia", "SRB"),
        ("Zaire", "COD"),
        ("West Germany", "DEU"),
        ("European Community", "eu"),
        ("EEC", "eu"),
        ("Organization of African Unity", "oau"),
        ("Organization of the Islamic Conference", "oic"),
        ("Asia-Pacific Economic Cooperation", "apec"),
        ("UN refugee agency", "unhcr"),
        ("World Food Program", "wfp"),
        ("Red Crescent", "ifrc"),
        ("Red Cross", "red_cross"),
        ("Warsaw Pact", "warsaw_pact"),
        ("Commonwealth of Independent States", "cis"),
        ("Non-Aligned Movement", "non_aligned_movement"),
        ("PLO", "plo"),
        ("Tamil Tigers", "ltte"),
        ("Kosovo Liberation Army", "kla"),
        ("National Union for the Total Independence of Angola", "unita"),
        ("Revolutionary United Front", "ruf"),
        ("Shining Path", "shining_path"),
        ("Lord's Resistance Army", "lra"),
        ("Reporters Without Borders", "reporters_without_borders"),
        ("Hong Kong", "HKG"),
        ("Macao", "MAC"),
        ("Puerto Rico", "PRI"),
        ("Greenland", "GRL"),
        ("Western Sahara", "ESH"),
        ("Falklands", "FLK"),
    ],
)
def test_resolve_historical_names_organisations_and_territories(
    gazetteer: Gazetteer, name: str, actor_id: str
) -> None:
    assert gazetteer.resolve(name).id == actor_id


def test_territories_are_states_with_iso_codes_and_a_note(gazetteer: Gazetteer) -> None:
    territories = _document("territories.json")["territories"]
    states = {s["iso3"] for s in _document("states.json")["states"]}
    codes = {t["iso3"]: t["iso2"] for t in territories}
    assert codes["HKG"] == "HK" and codes["MAC"] == "MO" and codes["PRI"] == "PR"
    assert codes["GRL"] == "GL" and codes["ESH"] == "EH"
    assert len(set(codes.values())) == len(codes) and not set(codes) & states
    for territory in territories:
        assert territory["un_status"] == "territory" and territory["note"]
        assert territory["sovereign"] is None or territory["sovereign"] in states
        record = gazetteer.get(territory["iso3"])
        assert record is not None and record.type is ActorType.STATE
    forms = {form.text for form in gazetteer.surface_forms()}
    assert "MAC" not in forms and "GUM" not in forms  # codes that are words are not forms


def test_groups_that_codebooks_code_by_country_have_a_base(gazetteer: Gazetteer) -> None:
    expected = {"plo": "PSE", "unita": "AGO", "ruf": "SLE", "ltte": "LKA", "kla": "XKX"}
    for group_id, base in expected.items():
        record = gazetteer.get(group_id)
        assert record is not None and record.base == base


# ------------------------------------------------------------------------ locations


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Basra", "IRQ"),
        ("Samarra", "IRQ"),
        ("Aleppo", "SYR"),
        ("Gaza", "PSE"),
        ("Jericho", "PSE"),
        ("Tulkarem", "PSE"),
        ("Benghazi", "LBY"),
        ("Kano", "NGA"),
        ("Kandahar", "AFG"),
        ("Genoa", "ITA"),
        ("Sydney", "AUS"),
        ("Odessa", "UKR"),
        ("Mariupol", "UKR"),
        ("Bombay", "IND"),
        ("Gaza Strip", "PSE"),
        ("the West Bank", "PSE"),
        ("Golan Heights", "SYR"),
        ("Darfur", "SDN"),
        ("Crimea", "UKR"),
        ("Donbass", "UKR"),
        ("Chechnya", "RUS"),
        ("Siberia", "RUS"),
        ("Krajina", "HRV"),
        ("Tibet", "CHN"),
        ("Xinjiang", "CHN"),
        ("Texas", "USA"),
        ("Brussels", "BEL"),  # a location, although the actor "Brussels" is the EU
        ("Moscow", "RUS"),
        ("Rangoon", "MMR"),
    ],
)
def test_city_country(gazetteer: Gazetteer, name: str, country: str) -> None:
    assert gazetteer.city_country(name) == country


@pytest.mark.parametrize(
    "name", ["Kashmir", "Kurdistan", "Tripoli in Lebanon", "Hyderabad", "Iran"]
)
def test_ambiguous_or_unknown_places_have_no_country(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.city_country(name) is None


def test_cities_are_not_actors(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Basra") is None
    assert gazetteer.lookup("West Bank") is None
    with pytest.raises(UnknownActorError):
        gazetteer.resolve("Mosul")
    forms = {form.text for form in gazetteer.surface_forms()}
    assert "Basra" not in forms and "Gaza Strip" not in forms


def test_location_forms(gazetteer: Gazetteer) -> None:
    forms = {form.text: form for form in gazetteer.location_forms()}
    assert forms["Basra"].actor_id == "IRQ" and forms["Basra"].kind == "city"
    assert forms["Basra"].case_sensitive and not forms["Gaza Strip"].case_sensitive
    assert forms["Gaza Strip"].kind == "region" and forms["Gaza Strip"].actor_id == "PSE"
    assert "Moscow" not in forms  # capitals are actor forms
    assert all(gazetteer.lookup(text) is None for text in forms)
    combined = list(gazetteer.surface_forms(include_locations=True))
    texts = [form.text for form in combined]
    assert len(texts) == len(set(texts))
    assert {"city", "region"} <= {form.kind for form in combined}


def test_locations_by_kind(gazetteer: Gazetteer) -> None:
    capitals = list(gazetteer.locations(kind="capital"))
    assert len(capitals) >= 190 and all(place.kind == "capital" for place in capitals)
    assert len(list(gazetteer.locations(kind="city"))) >= 700
    assert not any(place.name == "Kingston" for place in gazetteer.locations())
    with pytest.raises(InputError):
        list(gazetteer.locations(kind="village"))


def test_city_data_is_well_formed(gazetteer: Gazetteer) -> None:
    document = _document("cities.json")
    for country, entries in document["cities"].items():
        assert gazetteer.get(country) is not None, country
        for entry in entries:
            assert isinstance(entry, str) or (isinstance(entry, list) and len(entry) >= 2)
    for region in document["regions"]:
        assert gazetteer.get(region["country"]) is not None, region["name"]


def test_a_place_name_in_two_states_is_rejected() -> None:
    documents = {name: _document(name) for name in DATA_FILES}
    documents["cities.json"] = {"cities": {"LBN": ["Tripoli"]}}
    with pytest.raises(InputError, match="Tripoli"):
        Gazetteer.from_documents(documents)


# ------------------------------------------------------------------------ misspelt names


@pytest.mark.parametrize(
    ("name", "actor_id", "kind"),
    [
        ("Quatar", "QAT", "name"),
        ("Afganistan", "AFG", "name"),
        ("Phillipines", "PHL", "name"),
        ("Venezuala", "VEN", "name"),
        ("Kazakstan", "KAZ", "name"),
        ("Isreali", "ISR", "demonym"),
        ("Ukrainain", "UKR", "demonym"),
        ("Columbia", "COL", "name"),
    ],
)
def test_variant_mends_one_typo(gazetteer: Gazetteer, name: str, actor_id: str, kind: str) -> None:
    form = gazetteer.variant(name)
    assert form is not None
    assert (form.actor_id, form.kind) == (actor_id, kind)


@pytest.mark.parametrize(
    "name",
    [
        "Iran",  # exact names are lookup's business
        "Irak",  # too short to guess
        "Indiana",  # "Indian" plus a letter at the end is another word, not a typo
        "Slovakian",  # near Slovakia and Slovenian: ambiguous
        "Styria",  # a known place (Austria), though one letter from Syria
        "Styrian",
        "Chiba",  # a known city (Japan), though one letter from China
        "Texas",
        "Persian",
        "Muslim",
    ],
)
def test_variant_refuses_known_short_and_ambiguous_names(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.variant(name) is None


def test_person_variants_need_a_long_full_name(gazetteer: Gazetteer) -> None:
    form = gazetteer.variant("Abdelaziz Bouteflicka", person=True)
    assert form is not None and form.actor_id == "abdelaziz-bouteflika"
    mubarak = gazetteer.variant("Hosni Mubarack", person=True)
    assert mubarak is not None and mubarak.actor_id == "hosni-mubarak"
    assert gazetteer.variant("Bouteflicka", person=True) is None  # one word
    assert gazetteer.variant("John Smith", person=True) is None
    assert gazetteer.variant("Abdelaziz Bouteflicka") is None  # not a state


# ------------------------------------------------------------------------ ethnic groups


def test_ethnic_groups_are_well_formed(gazetteer: Gazetteer) -> None:
    document = _document("ethnic_groups.json")
    groups = gazetteer.ethnic_groups()
    assert len(groups) == len(document["groups"]) >= 30
    forms = [normalize(form) for group in groups for form in group.forms]
    assert len(forms) == len(set(forms)), "a form names two groups"
    for group in groups:
        assert group.note and group.states and group.name in group.forms
        for state in group.states:
            record = gazetteer.get(state)
            assert record is not None and record.type is ActorType.STATE, state
        for form in group.forms:
            # A group's form must not already name an actor or a place.
            assert gazetteer.lookup(form) is None, form
            assert gazetteer.location(form) is None, form
    left_out = {item["name"] for item in document["left_out"]}
    assert {"Kurds", "Tutsi", "Hutu"} <= left_out
    assert all(item["why"] for item in document["left_out"])
    assert gazetteer.ethnic_group("Kurds") is None and gazetteer.ethnic_group("Kurdish") is None


@pytest.mark.parametrize(
    ("name", "named", "expected"),
    [
        ("Yoruba", [], "NGA"),
        ("Igbos", ["GBR"], "NGA"),
        ("Hausa", ["NER"], "NER"),  # Niger's Hausa when only Niger is named
        ("Hausa", ["NER", "NGA"], None),
        ("Shona", ["MOZ"], "MOZ"),
        ("Shona", [], "ZWE"),
        ("Tamils", [], None),  # Sri Lanka or India: needs context
        ("Tamil", ["LKA", "USA"], "LKA"),
        ("Pashtun", ["PAK"], "PAK"),
        ("Pashtuns", ["AFG", "PAK"], None),
        ("Rohingya", ["BGD"], "MMR"),
        ("Chechens", [], "RUS"),
    ],
)
def test_ethnic_group_state_in_context(
    gazetteer: Gazetteer, name: str, named: list[str], expected: str | None
) -> None:
    group = gazetteer.ethnic_group(name)
    assert group is not None
    assert group.state_in(named) == expected


def test_name_clashes_are_flagged(gazetteer: Gazetteer) -> None:
    karen = gazetteer.ethnic_group("Karen")
    assert karen is not None and karen.name_clash
    yoruba = gazetteer.ethnic_group("Yoruba")
    assert yoruba is not None and not yoruba.name_clash
