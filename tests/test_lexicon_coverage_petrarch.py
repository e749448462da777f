"""geokg's lexicon measured against PETRARCH2's dictionaries, and the frames added from them.

``scripts/petrarch_coverage.py`` reads the dictionaries from ``../shared/reference/petrarch2``
(skipped when absent) and measures two shares: coded dictionary verbs that a geokg verb frame
covers with the same CAMEO root, and agent nouns that geokg resolves as actors after a
demonym. The shares must not fall below what they were when the frames were written, and
every verb or noun left out must have a reason in ``data/lexicon/petrarch_uncovered.json``.

The sentence tables check what the new frames do on the real spaCy model: the vocabulary
kinds the hidden evaluation missed (one sentence per class, written for this test), and the
general negative cases the frames were constrained for (undone measures never become new
ones, figurative uses give no fact).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from geokg.extract import Extractor
from geokg.testing import affirmed_triples

REPOSITORY = Path(__file__).resolve().parent.parent
SCRIPT = REPOSITORY / "scripts" / "petrarch_coverage.py"
REFERENCE = REPOSITORY.parent / "shared" / "reference" / "petrarch2"
UNCOVERED = REPOSITORY / "data" / "lexicon" / "petrarch_uncovered.json"

# Floors: the shares measured when the frames were written (README, "Extraction"). The
# issue's targets (80% of verbs, 90% of nouns) are not reached: see the README.
VERB_SHARE_FLOOR = 0.67
GEOPOLITICAL_SHARE_FLOOR = 0.86
NOUN_SHARE_FLOOR_FAST = 0.90
NOUN_SHARE_FLOOR_RESOLVED = 0.90
VERB_KINDS = {"other-root", "not-geopolitical", "ambiguous", "light-verb", "not-a-verb", "format"}
NOUN_KINDS = {"not-an-actor", "not-a-noun", "ambiguous", "format"}

needs_reference = pytest.mark.skipif(
    not (REFERENCE / "CAMEO.2.0.txt").is_file(), reason="../shared/reference/petrarch2 absent"
)

Triple = tuple[str, str, str]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("petrarch_coverage", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--json", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode in {0, 1}, done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return report


# -- the dictionary readers, on lines written here in the dictionaries' format ------------


def test_read_verbs_codes_roots_by_verb_then_block(tmp_path: Path) -> None:
    coverage = _script()
    (tmp_path / "CAMEO.2.0.txt").write_text(
        "####### VERB PATTERNS #######\n"
        "---  PRAISE   [051]  ---\n"
        "LAUD  # a comment\n"
        "+TALK_UP {+TALKS_UP }\n"
        "- * (FOR PEACE)   [027]\n"
        "---  MOVE   [---]  ---\n"
        "WANDER\n"
        "+CALL_OFF [160]\n"
        "---  GRIEVE   [:110]  ---\n"
        "LAUD\n"
        "######## TRANSFORMATIONS ##########\n"
        "NOTAVERB\n",
        encoding="utf-8",
    )
    verbs = {v.key: v.roots for v in coverage.read_verbs(tmp_path / "CAMEO.2.0.txt")}
    assert verbs == {
        "laud": {"05", "11"},  # two blocks; the passive-only code counts
        "talk up": {"05"},
        "wander": set(),  # a [---] block codes no event
        "call off": {"16"},  # the verb's own code beats its block's
    }


def test_read_agents_expands_substitutions_and_variants(tmp_path: Path) -> None:
    coverage = _script()
    (tmp_path / "agents.txt").write_text(
        "!PERSON! = MAN, WOMAN\n"
        "FISHER!PERSON! [~AGR]\n"
        "ANTI_RIOT_POLICE {} [~COP]\n"
        "GENDARMERY {GENDARMERIE} [~COP]\n"
        "# COMMENTED [~CVL]\n",
        encoding="utf-8",
    )
    nouns = {n.entry: n.variants for n in coverage.read_agents(tmp_path / "agents.txt")}
    assert nouns == {
        "FISHER!PERSON!": ("fisherman", "fisherwoman"),
        "ANTI_RIOT_POLICE": ("anti riot police",),
        "GENDARMERY": ("gendarmery", "gendarmerie"),
    }


def test_dictionary_entries_are_read_as_the_tagger_lemmatises_them() -> None:
    coverage = _script()
    from geokg.extract.lexicon import load_lexicon
    from geokg.ontology import load_ontology

    lexicon = load_lexicon()
    cameo = {name: relation.cameo for name, relation in load_ontology().relations.items()}

    def roots(entry: str) -> set[str]:
        verb = coverage.DictionaryVerb(entry, tuple(entry.split()), frozenset())
        found: set[str] = coverage.verb_roots(verb, lexicon.verbs, cameo, lexicon.control)
        return found

    # Inflected forms and split prefixes take the verb's frames ("forgave", "re-arrest").
    assert coverage.dictionary_lemma("forgave") == "forgive"
    assert coverage.dictionary_lemma("re-arrest") == "arrest"
    assert coverage.dictionary_lemma("rearrest") == "rearrest"
    assert roots("re-arrest") == roots("arrest") != set()
    # "go to X" is the verb with its object, covered for "go"; a phrasal verb is another
    # verb: "call up" (forces, 15) does not cover "call".
    assert "04" in roots("go")
    assert "15" in roots("call up")
    assert "15" not in roots("call")
    # A fragment ending in a conjunction counts as its first verb.
    assert roots("attacked and") == roots("attack")


@pytest.mark.parametrize(
    ("phrase", "head", "plural"),
    [
        ("minister for trade", "minister", "ministers for trade"),
        ("cattle rancher", "rancher", "cattle ranchers"),
        ("gunmen", "gunmen", "gunmen"),
        ("ministry", "ministry", "ministries"),
        ("police", "police", "police"),
    ],
)
def test_heads_and_plurals(phrase: str, head: str, plural: str) -> None:
    coverage = _script()
    assert coverage.head_word(phrase) == head
    assert coverage.plural(phrase) == plural


# -- the shares ----------------------------------------------------------------------------


@needs_reference
def test_verb_and_fast_noun_shares_stay_at_their_floors() -> None:
    report = _run()
    assert report["verbs_without_reason"] == []
    assert report["stale_verb_reasons"] == []
    assert float(str(report["verb_share"])) >= VERB_SHARE_FLOOR
    assert float(str(report["geopolitical_share"])) >= GEOPOLITICAL_SHARE_FLOOR
    assert float(str(report["noun_share"])) >= NOUN_SHARE_FLOOR_FAST


@pytest.mark.slow
@needs_reference
def test_agent_nouns_resolve_on_the_model() -> None:
    report = _run("--resolve")
    assert report["nouns_without_reason"] == []
    assert report["stale_noun_reasons"] == []
    assert float(str(report["noun_share"])) >= NOUN_SHARE_FLOOR_RESOLVED


def test_reasons_are_of_known_kinds_and_say_why() -> None:
    data = json.loads(UNCOVERED.read_text(encoding="utf-8"))
    for table, kinds in (("verbs", VERB_KINDS), ("agent_nouns", NOUN_KINDS)):
        for name, reason in data[table].items():
            assert reason["kind"] in kinds, (name, reason)
            assert len(reason["why"]) > 20, name


def test_emotion_passives_read_the_passive_subject_as_the_doer() -> None:
    """A frame that needs the by-phrase ('was outraged by Y') only makes sense when the verb is
    a stative passive (the passive subject is the one who disapproves): both lists agree."""
    verbs = json.loads((REPOSITORY / "data" / "lexicon" / "verbs.json").read_text("utf-8"))
    words = json.loads((REPOSITORY / "data" / "lexicon" / "words.json").read_text("utf-8"))
    stative = set(words["stative_passives"]["words"])
    passive_only = {
        frame["lemma"]
        for frame in verbs["frames"]
        if frame.get("requires") == ["agent"]
        and frame["relation"] in {"criticises", "protestsAgainst"}
    }
    assert len(passive_only) >= 20
    assert passive_only <= stative, sorted(passive_only - stative)


def test_missing_reference_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--reference", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


# -- what the new frames extract -----------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


VOCABULARY: list[tuple[str, set[Triple]]] = [
    ("Russia summoned the French ambassador on Tuesday.", {("RUS", "11", "FRA")}),
    ("Hungary's parliament approved Sweden's bid for NATO membership.", {("HUN", "08", "SWE")}),
    ("The minister appreciated Saudi Arabia's efforts.", set()),
    ("Egypt appreciated Saudi Arabia's mediation efforts.", {("EGY", "05", "SAU")}),
    ("Ukrainian forces repelled Russian attacks near Kharkiv.", {("UKR", "19", "RUS")}),
    ("Sudan's army overthrew the government.", {("SDN", "18", "SDN")}),
    ("Turkey voiced objections to Sweden's bid.", {("TUR", "12", "SWE")}),
    ("China's drills around Taiwan alarmed Japan.", {("CHN", "15", "TWN")}),
    ("Talks resumed after Russia's aggression against Georgia.", {("RUS", "19", "GEO")}),
    ("The United States imposed tariffs on Chinese goods.", {("USA", "16", "CHN")}),
    ("Kenya exhorted Somalia to hold elections.", {("KEN", "10", "SOM")}),
    ("Iran informed the IAEA of its plans.", {("IRN", "01", "iaea")}),
    ("Germany loosened sanctions on Iran.", {("DEU", "08", "IRN")}),
    ("The army quelled protests in Lagos.", {("NGA", "17", "NGA")}),
    ("Pakistan swapped prisoners with India.", {("PAK", "06", "IND")}),
    # misspelled heads seen in wire copy (the agents dictionary lists them) resolve too
    ("The Indian prime minster criticised Pakistan.", {("IND", "11", "PAK")}),
    ("Kenyan officals accused Somalia of harbouring militants.", {("KEN", "11", "SOM")}),
    # vocabulary classes of the miss catalogue (V1, V4)
    ("Ukrainian protesters filled central Kyiv.", {("UKR", "14", "UKR")}),
    ("Thai protesters clogged key intersections in Bangkok.", {("THA", "14", "THA")}),
    ("Ukrainian protesters occupied Kyiv's City Hall.", {("UKR", "14", "UKR")}),
    ("Vietnamese fishermen were chased by Chinese forces.", {("CHN", "17", "VNM")}),
    ("Ethiopian forces drove al-Shabab out of Mogadishu.", {("ETH", "19", "al_shabaab")}),
    ("Syrian troops retook the city from Islamic State militants.", {("SYR", "19", "isis")}),
    ("Chinese aircraft entered Japan's airspace.", {("CHN", "15", "JPN")}),
    ("India pushed back against China's claims.", {("IND", "12", "CHN")}),
    ("Britain pinned the blame on Moscow.", {("GBR", "11", "RUS")}),
    ("Russia extended an olive branch to Georgia.", {("RUS", "03", "GEO")}),
    ("The United States is drafting sanctions against Russia.", {("USA", "13", "RUS")}),
    (
        # An armed group's attack on a civilian site is an assault (18), as the claims rule
        # and the pool annotations code it (geokg.extract.material.civilian_attack).
        "Al-Shabab claimed responsibility for the attack on a Kenyan mall.",
        {("al_shabaab", "18", "KEN")},
    ),
    ("Vietnamese protesters set fire to the Chinese embassy in Hanoi.", {("VNM", "17", "CHN")}),
    ("Turkey ratified Finland's accession to NATO.", {("TUR", "08", "FIN")}),
    ("Turkey raised objections to Sweden's bid.", {("TUR", "12", "SWE")}),
    # dictionary synonyms, constrained by item class, cue or a required phrase
    ("UN experts studied Syria's chemical attack.", {("un", "09", "SYR")}),
    ("Russia is weighing Ukraine's proposal for talks.", {("RUS", "04", "UKR")}),
    ("China apprised Russia of its plans.", {("CHN", "04", "RUS")}),
    ("Iran's envoy narrated the events to the Security Council.", {("IRN", "01", "unsc")}),
    ("Xi greeted Obama at the airport.", {("CHN", "05", "USA")}),
    ("Egypt cheered Israel's decision.", {("EGY", "05", "ISR")}),
    ("Russia equipped Syria with air defence systems.", {("RUS", "06", "SYR")}),
    ("Iran consented to Russia's request.", {("IRN", "08", "RUS")}),
    ("Germany authorized Ukraine's request for tanks.", {("DEU", "08", "UKR")}),
    ("Iraqi forces defeated Islamic State militants in Mosul.", {("IRQ", "19", "isis")}),
    ("Israeli police kicked Palestinian protesters.", {("ISR", "18", "PSE")}),
    ("China bridled at Japan's remarks.", {("CHN", "14", "JPN")}),
    ("Somali pirates pirated a Greek ship.", {("SOM", "17", "GRC")}),
    ("The Kremlin questioned the legitimacy of Ukraine's government.", {("RUS", "11", "UKR")}),
    ("The Russian takeover of Crimea angered Ukraine.", {("RUS", "19", "UKR")}),
    ("Iran reneged on its commitments to the European Union.", {("IRN", "16", "eu")}),
    ("Japan has summoned China to protest.", {("JPN", "11", "CHN")}),
    ("A Chinese ship shot a water cannon at a Vietnamese vessel.", {("CHN", "17", "VNM")}),
    ("Russian forces are bolstering separatist groups in Ukraine.", {("RUS", "07", "UKR")}),
    ("Kerry tried to arrange a meeting with the Kremlin envoy.", {("USA", "03", "RUS")}),
    # passives of emotion verbs: the passive subject disapproves of the by-phrase
    ("Japan was outraged by China's decision.", {("JPN", "11", "CHN")}),
    ("Japan was disappointed by the Chinese decision.", {("JPN", "11", "CHN")}),
    ("China was irritated by Japan's remarks.", {("CHN", "14", "JPN")}),
    (
        "Crimea's leaders declared it independent and applied to join Russia.",
        {("UKR", "02", "RUS")},
    ),
    (
        "The Security Council extended the mandate of the UN mission in South Sudan.",
        {("unsc", "07", "SSD")},
    ),
    ("The military transferred power to Egypt's civilian government.", {("EGY", "08", "EGY")}),
    # frames that look at the item's type
    ("France defended Germany's decision.", {("FRA", "05", "DEU")}),
    ("The UN deployed peacekeepers to Mali.", {("un", "07", "MLI")}),
    ("Russia deployed troops to the Ukrainian border.", {("RUS", "15", "UKR")}),
    ("Moscow's increased support for separatists in Ukraine worried Kyiv.", {("RUS", "07", "UKR")}),
    ("Russia's support for Serbia angered the West.", {("RUS", "05", "SRB")}),
    # light verb + event noun pairs
    ("Iran struck a deal with Russia.", {("IRN", "05", "RUS")}),
    ("India clinched a deal with France.", {("IND", "05", "FRA")}),
    ("Turkey forged an alliance with Azerbaijan.", {("TUR", "05", "AZE")}),
    ("Israel mended ties with Turkey.", {("ISR", "05", "TUR")}),
    ("Iran hammered out a deal with the European Union.", {("IRN", "04", "eu")}),
    ("Ukraine launched a counteroffensive against Russia.", {("UKR", "19", "RUS")}),
    ("Iran sent a message to the United States.", {("IRN", "01", "USA")}),
    ("Kenya threw its support behind Somalia.", {("KEN", "05", "SOM")}),
    ("Obama confronted Putin over Ukraine.", {("USA", "04", "RUS")}),
    ("The UN oversaw Iraq's elections.", {("un", "06", "IRQ")}),
    ("Somali troops struggled against al-Shabab.", {("SOM", "19", "al_shabaab")}),
    ("Russia pulled out its troops from Syria.", {("RUS", "08", "SYR")}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), VOCABULARY)
def test_new_vocabulary(extractor: Extractor, sentence: str, expected: set[Triple]) -> None:
    found = affirmed_triples(extractor.extract_text(sentence))
    assert expected <= found, found
    if not expected:
        assert not found, found


# Each row: a sentence the new frames were constrained for, and CAMEO roots that must not
# appear in its facts (undone measures are concessions, figurative verbs no event).
NEGATIVES: list[tuple[str, set[str]]] = [
    ("The European Union lifted its sanctions on Iran.", {"16"}),
    ("Washington eased restrictions on Cuba.", {"16", "17"}),
    ("Germany loosened its sanctions on Russia.", {"16"}),
    ("Peru shortened the state of emergency in Lima.", {"16", "17"}),
    ("The IMF waived sanctions on Sudan.", {"16"}),
    ("The EU lifted the arms embargo on China.", {"16"}),
    ("The EU suspended its sanctions on Iran.", {"16"}),
    ("Washington rolled back its tariffs on Canada.", {"16"}),
    ("The EU scaled back its sanctions on Belarus.", {"16"}),
    ("Japan dropped its export controls on South Korea.", {"16"}),
    ("Britain lifted its tariffs on India.", {"16"}),
    ("Britain did not rule out sanctions against Russia.", {"12", "16"}),
    ("Iran welcomed the statement by France.", {"04"}),
    ("His authority was constrained by Iran's supreme leader.", {"17"}),
    ("Removing the sanctions on Burma would reward the regime.", {"03", "05"}),
    ("The scandal tarnished Russia's image in France.", {"18", "19"}),
    ("Brazil defeated Argentina in the World Cup final.", {"19"}),
    ("The storm devastated Cuba.", {"18", "19"}),
    ("Football fans filled central Kyiv.", {"14"}),
    ("Chinese shoppers filled the malls in Tokyo.", {"14"}),
    ("Russian troops occupied Crimea.", {"14"}),
    ("Chinese tourists entered Japan.", {"15"}),
    ("Brazil chased a late equaliser against Argentina.", {"17"}),
    ("The Kenyan runner pushed back against the Ethiopian champion.", {"12"}),
    ("The bank opened a branch in Kenya.", {"03"}),
    ("The EU imposed sanctions on Russia.", {"13"}),
    ("Japan took responsibility for its wartime past.", {"18", "19"}),
    ("Germany ratified the treaty with France.", {"08"}),
    ("The army combed the village for weapons.", {"09"}),
    ("Students studied the map of France.", {"09"}),
    ("Iran weighed its options.", {"04"}),
    ("The crowd greeted the president.", {"05"}),
    ("The committee awarded the prize to an Indian writer.", {"06"}),
    ("The government authorized the spending.", {"08"}),
    ("The player kicked the ball.", {"18"}),
    ("Police questioned two Kenyan suspects.", {"11"}),
    ("The director directed the film at a French festival.", {"15"}),
    ("Russia reclaimed the title from Germany.", {"19"}),
    ("A Chinese ship shot a water cannon at a Vietnamese vessel.", {"18", "19"}),
    ("Iran bolstered its economy.", {"07"}),
    ("China's decision outraged Japan.", {"11"}),
    ("Japan's remarks irritated China.", {"14"}),
    ("The village was stunned by the attack.", {"11"}),
    ("Kenya extended its deadline for Somalia.", {"07"}),
    ("Russia transferred weapons to Syria.", {"08"}),
    ("Turkey is determined to defend its borders and citizens.", {"05"}),
    ("Russia and the OSCE agreed to deploy civilian monitors to Ukraine.", {"13", "15"}),
    ("The UN deployed peacekeepers to Mali.", {"15"}),
    ("Moscow's increased support for separatists in Ukraine worried Kyiv.", {"05"}),
    ("Iran hammered out a deal with the European Union.", {"19"}),
    ("The striker struck the ball.", {"05", "19"}),
    ("The workers repaired the road to Kenya.", {"05"}),
    ("The government confronted the crisis.", {"04"}),
    ("The minister oversaw his ministry.", {"06"}),
    ("Greece struggled with debt.", {"19"}),
    ("North Korea pulled out its workers from Kaesong.", {"08"}),
    ("Kerry tried to arrange a meeting with the Kremlin envoy.", {"04"}),
    (
        "Palestinian prisoners rioted at a jail in Israel, setting fire to their mattresses.",
        {"17"},
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "banned"), NEGATIVES)
def test_constrained_frames_give_no_false_fact(
    extractor: Extractor, sentence: str, banned: set[str]
) -> None:
    roots = {root for _, root, _ in affirmed_triples(extractor.extract_text(sentence))}
    assert not roots & banned, roots
