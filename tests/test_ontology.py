"""Tests of ontology/geokg.ttl, the relation registry and the generated namespace module."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

import geokg.namespace
from geokg.errors import InputError, UnknownRelationError
from geokg.model import ONTOLOGY_NS, ActorType, QuadClass
from geokg.namespace import GEOKG
from geokg.ontology import (
    Ontology,
    load_ontology,
    ontology_graph,
    ontology_text,
    render_namespace_module,
)

REPO = Path(__file__).resolve().parents[1]
# CAMEO to PLOVER conversion table of the PLOVER project (Open Event Data Alliance,
# CC BY-SA 4.0). It is not shipped with geokg; the test that reads it skips when it is absent.
PLOVER_TABLE = Path(__file__).parents[2] / "shared" / "eval" / "reference" / "CAMEO2PLOVER-2021.txt"

# The agreed relation list: local name, CAMEO code ("*": default of its CAMEO root), PLOVER
# type, quad class, symmetric, inverse. Other parts of geokg code against these names.
EXPECTED = """
makesStatementTo        010*  -          1  no
expressesSympathyFor    018   -          1  no
appealsTo               020*  REQUEST    1  no
appealsForAidFrom       023   REQUEST    1  no
expressesIntentToCooperateWith   030*  AGREE  1 no
expressesIntentToProvideAidTo    033   AGREE  1 no
promisesMilitaryAidTo            0332  AGREE  1 no
expressesIntentToMeetWith        036   AGREE  1 no
offersToMediateBetween           039   AGREE  1 no
consultsWith            040*  CONSULT    1  yes
holdsCallWith           041   CONSULT    1  yes
visits                  042   CONSULT    1  no   inverse: hosts
hosts                   043   CONSULT    1  no   inverse: visits
meetsWith               044   CONSULT    1  yes
mediatesFor             045   CONSULT    1  no
negotiatesWith          046   CONSULT    1  yes
cooperatesDiplomaticallyWith 050* SUPPORT 1 yes
praises                 051   SUPPORT    1  no
defendsVerbally         052   SUPPORT    1  no
supports                053   SUPPORT    1  no
recognises              054   SUPPORT    1  no
apologisesTo            055   SUPPORT    1  no
forgives                056   SUPPORT    1  no
signsAgreementWith      057   SUPPORT    1  yes
cooperatesWith          060*  COOPERATE  2  yes
cooperatesEconomicallyWith 061 COOPERATE 2 yes
cooperatesMilitarilyWith 062  COOPERATE  2  yes
cooperatesJudiciallyWith 063  COOPERATE  2  yes
sharesIntelligenceWith  064   COOPERATE  2  no
providesAidTo           070*  AID        2  no
providesEconomicAidTo   071   AID        2  no
suppliesMilitaryAidTo   072   AID        2  no
providesHumanitarianAidTo 073 AID        2  no
providesPeacekeepingTo  074   AID        2  no
grantsAsylumTo          075   AID        2  no
yieldsTo                080*  CONCEDE    2  no
easesRestrictionsOn     081   CONCEDE    2  no
releases                084   RETREAT    2  no
easesSanctionsOn        085   RETREAT    2  no
allowsInternationalInvolvement 086 RETREAT 2 no
deEscalatesWith         087   RETREAT    2  no
declaresCeasefireWith   0871  RETREAT    2  yes
withdrawsForcesFrom     0872  RETREAT    2  no
investigates            090*  INVESTIGATE 3 no
investigatesWarCrimesOf 094   INVESTIGATE 3 no
demandsOf               100*  REQUEST    3  no
demandsAidFrom          103   REQUEST    3  no
demandsPolicyChangeOf   1042  REQUEST    3  no
demandsMeetingWith      106   REQUEST    3  no
criticises              111*  ACCUSE     3  no
accuses                 112   ACCUSE     3  no
complainsTo             114   ACCUSE     3  no
bringsLawsuitAgainst    115   ACCUSE     3  no
rejects                 120*  REJECT     3  no
rejectsProposalOf       125   REJECT     3  no
rejectsMediationBy      126   REJECT     3  no
defies                  128   REJECT     3  no
vetoes                  129   REJECT     3  no
threatens               130*  THREATEN   3  no
threatensSanctionsAgainst 1312 THREATEN  3  no
threatensToHaltNegotiationsWith 134 THREATEN 3 no
threatensMilitaryForceAgainst 138 THREATEN 3 no
issuesUltimatumTo       139   THREATEN   3  no
protestsAgainst         140*  PROTEST    4  no
demonstratesAgainst     141   PROTEST    4  no
boycotts                143   PROTEST    4  no
obstructs               144   PROTEST    4  no
riotsAgainst            145   PROTEST    4  no
mobilisesAgainst        150*  MOBILIZE   4  no
increasesMilitaryAlertAgainst 152 MOBILIZE 4 no
mobilisesForcesAgainst  154   MOBILIZE   4  no
reducesRelationsWith    160*  SANCTION   4  no
breaksRelationsWith     161   SANCTION   4  no
reducesAidTo            162   SANCTION   4  no
imposesSanctionsOn      163   SANCTION   4  no
haltsNegotiationsWith   164   SANCTION   4  no
expelsDiplomatsOf       166   SANCTION   4  no
coerces                 170*  COERCE     4  no
seizesPropertyOf        171   COERCE     4  no
imposesRestrictionsOn   172   COERCE     4  no
arrests                 173   COERCE     4  no
deports                 174   COERCE     4  no
usesViolentRepressionAgainst 175 ASSAULT 4 no
assaults                180*  ASSAULT    4  no
abducts                 181   ASSAULT    4  no
tortures                1822  ASSAULT    4  no
bombs                   183   ASSAULT    4  no
assassinates            186   ASSAULT    4  no
attacks                 190*  ASSAULT    4  no
invades                 1901  ASSAULT    4  no
imposesBlockadeOn       191   COERCE     4  no
occupies                192   COERCE     4  no
fightsWith              193   ASSAULT    4  yes
shells                  194   ASSAULT    4  no
conductsAirstrikesOn    195   ASSAULT    4  no
violatesCeasefireWith   196   ASSAULT    4  no
commitsMassViolenceAgainst 200* ASSAULT  4  no
commitsMassKillingsAgainst 202 ASSAULT   4  no
ethnicallyCleanses      203   ASSAULT    4  no
usesWeaponsOfMassDestructionAgainst 204 ASSAULT 4 no
"""

# Goldstein values of the CAMEO Goldstein table, spot-checked.
GOLDSTEIN = {
    "010": 0.0, "020": 3.0, "030": 4.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8,
    "046": 7.0, "051": 3.4, "057": 8.0, "061": 6.4, "062": 7.4, "071": 7.4, "072": 8.3,
    "073": 7.4, "085": 7.0, "090": -2.0, "100": -5.0, "111": -2.0, "112": -2.0, "120": -4.0,
    "130": -4.4, "138": -7.0, "140": -6.5, "150": -7.2, "160": -4.0, "163": -8.0,
    "170": -7.0, "173": -5.0, "180": -9.0, "183": -10.0, "186": -10.0, "190": -10.0,
    "192": -9.5, "195": -10.0, "200": -10.0,
}  # fmt: skip

# Where geokg's PLOVER type departs from the 2021 table (each documented in the TTL with a
# skos:editorialNote), and CAMEO codes the table does not list.
PLOVER_DIFFERENCES = {"090": "ACCUSE", "094": "ACCUSE", "163": "COERCE"}
NOT_IN_PLOVER_TABLE = {"010", "018", "020", "023", "1901"}


class Spec(NamedTuple):
    id: str
    cameo: str
    default: bool
    plover: str | None
    quad_class: int
    symmetric: bool
    inverse: str | None


def _expected() -> list[Spec]:
    specs = []
    for line in EXPECTED.strip().splitlines():
        name, code, plover, quad, symmetric, *rest = line.split()
        specs.append(
            Spec(
                id=name,
                cameo=code.rstrip("*"),
                default=code.endswith("*"),
                plover=None if plover == "-" else plover,
                quad_class=int(quad),
                symmetric=symmetric == "yes",
                inverse=rest[1] if rest else None,
            )
        )
    return specs


SPECS = _expected()
GEOKG_NS = rdflib.Namespace(ONTOLOGY_NS)
# A plain namespace: pytest probes module globals, and rdflib.namespace.XSD warns on them.
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def _one(graph: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef) -> rdflib.Node:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} should have one {predicate}, has {values}"
    return values[0]


# --- The Turtle file ----------------------------------------------------------------------------


def test_expected_list_is_well_formed() -> None:
    assert len(SPECS) == 100
    assert len({s.id for s in SPECS}) == len(SPECS)
    assert len({s.cameo for s in SPECS}) == len(SPECS)


def test_the_ttl_declares_exactly_the_agreed_relations(graph: rdflib.Graph) -> None:
    declared = {str(s) for s in graph.subjects(RDF.type, GEOKG_NS.EventRelation)}
    assert declared == {ONTOLOGY_NS + s.id for s in SPECS}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_relation_annotations(graph: rdflib.Graph, spec: Spec) -> None:
    iri = GEOKG_NS[spec.id]
    types = set(graph.objects(iri, RDF.type))
    assert {OWL.ObjectProperty, GEOKG_NS.EventRelation} <= types
    assert (OWL.SymmetricProperty in types) == spec.symmetric
    assert _one(graph, iri, RDFS.domain) == GEOKG_NS.Actor
    assert _one(graph, iri, RDFS.range) == GEOKG_NS.Actor
    label = _one(graph, iri, SKOS.prefLabel)
    assert str(label) == str(label).lower() and len(str(label)) > 3
    assert len(str(_one(graph, iri, SKOS.definition))) > 20
    assert _one(graph, iri, GEOKG_NS.cameoCode) == rdflib.Literal(spec.cameo)
    assert _one(graph, iri, GEOKG_NS.cameoRoot) == rdflib.Literal(spec.cameo[:2])
    assert str(_one(graph, iri, GEOKG_NS.cameoName))
    plover = list(graph.objects(iri, GEOKG_NS.ploverType))
    assert plover == ([rdflib.Literal(spec.plover)] if spec.plover else [])
    quad = QuadClass(spec.quad_class)
    assert _one(graph, iri, GEOKG_NS.quadClassNumber) == rdflib.Literal(spec.quad_class)
    assert _one(graph, iri, GEOKG_NS.quadClass) == GEOKG_NS[quad.name.title().replace("_", "")]
    goldstein = _one(graph, iri, GEOKG_NS.goldstein)
    assert isinstance(goldstein, rdflib.Literal) and goldstein.datatype == XSD.decimal
    assert Decimal(-10) <= goldstein.toPython() <= Decimal(10)
    default = list(graph.objects(iri, GEOKG_NS.cameoDefault))
    assert default == ([rdflib.Literal(True)] if spec.default else [])
    inverse = list(graph.objects(iri, OWL.inverseOf))
    assert inverse == ([GEOKG_NS[spec.inverse]] if spec.inverse else [])


@pytest.mark.parametrize("code", sorted(GOLDSTEIN))
def test_goldstein_values_follow_the_cameo_table(ontology: Ontology, code: str) -> None:
    assert ontology.by_cameo(code).cameo == code
    assert ontology.by_cameo(code).goldstein == GOLDSTEIN[code]


def test_goldstein_sign_agrees_with_cooperation_or_conflict(ontology: Ontology) -> None:
    for relation in ontology.relations.values():
        if relation.quad_class in (QuadClass.VERBAL_CONFLICT, QuadClass.MATERIAL_CONFLICT):
            assert relation.goldstein < 0, relation.id
        else:
            assert relation.goldstein >= 0, relation.id


def test_every_cameo_root_has_exactly_one_default(ontology: Ontology) -> None:
    roots = [f"{n:02d}" for n in range(1, 21)]
    defaults = [s for s in SPECS if s.default]
    assert sorted(s.cameo[:2] for s in defaults) == roots
    for spec in defaults:
        assert ontology.relation(spec.cameo[:2]).id == spec.id
        assert ontology.default_for_root(spec.cameo[:2]).id == spec.id
        assert ontology.in_root(spec.cameo[:2])[0].id == spec.id


def test_quad_class_individuals(graph: rdflib.Graph) -> None:
    for quad in QuadClass:
        individual = GEOKG_NS[quad.name.title().replace("_", "")]
        assert (individual, RDF.type, GEOKG_NS.QuadClassValue) in graph
        assert _one(graph, individual, GEOKG_NS.quadClassNumber) == rdflib.Literal(quad.value)
        assert str(_one(graph, individual, RDFS.label)) == quad.label


def test_actor_classes_match_the_model(graph: rdflib.Graph) -> None:
    subclasses = set(graph.subjects(RDFS.subClassOf, GEOKG_NS.Actor))
    assert subclasses == {GEOKG_NS[t.value] for t in ActorType}


def test_ontology_header_has_version_license_and_attribution(graph: rdflib.Graph) -> None:
    header = rdflib.URIRef("https://w3id.org/geokg/ontology")
    assert (header, RDF.type, OWL.Ontology) in graph
    assert str(_one(graph, header, OWL.versionInfo))
    assert _one(graph, header, DCTERMS.license) == rdflib.URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    rights = str(_one(graph, header, DCTERMS.rights))
    assert "PLOVER" in rights and "Open Event Data Alliance" in rights and "CC BY-SA 4.0" in rights
    assert "CAMEO" in rights


def test_provenance_properties(graph: rdflib.Graph) -> None:
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert (GEOKG_NS.hasMention, RDFS.subPropertyOf, prov.wasDerivedFrom) in graph
    assert (GEOKG_NS.document, RDFS.subPropertyOf, prov.wasQuotedFrom) in graph
    assert (GEOKG_NS.published, RDFS.subPropertyOf, DCTERMS.issued) in graph
    assert _one(graph, GEOKG_NS.negated, RDFS.range) == XSD.boolean
    assert _one(graph, GEOKG_NS.startOffset, RDFS.range) == XSD.integer
    assert _one(graph, GEOKG_NS.attributes, RDFS.range) == RDF.JSON
    for name in ("firstSeen", "lastSeen", "published", "startDate", "endDate"):
        assert _one(graph, GEOKG_NS[name], RDFS.range) == XSD.date, name


def test_every_geokg_term_has_a_label(graph: rdflib.Graph) -> None:
    terms = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(ONTOLOGY_NS)}
    assert len(terms) > 150
    for term in terms:
        assert list(graph.objects(term, RDFS.label)), term


def _plover_table() -> dict[str, str]:
    if not PLOVER_TABLE.exists():
        pytest.skip(f"{PLOVER_TABLE} is not available")
    table: dict[str, str] = {}
    for line in PLOVER_TABLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\d{3,4}):\s*([A-Z]+)", line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def test_cameo_codes_and_plover_types_agree_with_the_reference_table(
    graph: rdflib.Graph, ontology: Ontology
) -> None:
    table = _plover_table()
    assert len(table) > 200
    for relation in ontology.relations.values():
        if relation.cameo in NOT_IN_PLOVER_TABLE:
            assert relation.cameo not in table
            continue
        assert relation.cameo in table, f"{relation.id}: CAMEO {relation.cameo} is not in the table"
        expected = PLOVER_DIFFERENCES.get(relation.cameo, relation.plover)
        assert table[relation.cameo] == expected, relation.id


def test_plover_differences_and_extensions_are_documented(graph: rdflib.Graph) -> None:
    for spec in SPECS:
        if spec.cameo in PLOVER_DIFFERENCES or spec.cameo in NOT_IN_PLOVER_TABLE:
            note = str(_one(graph, GEOKG_NS[spec.id], SKOS.editorialNote))
            assert "PLOVER" in note or "extension" in note, spec.id


def test_the_ttl_parses_the_same_with_rdflib_and_pyoxigraph(graph: rdflib.Graph) -> None:
    triples = pyoxigraph.parse(ontology_text(), format=pyoxigraph.RdfFormat.TURTLE)
    via_oxigraph = rdflib.Graph()
    via_oxigraph.parse(
        data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES),
        format="nt",
    )
    assert len(via_oxigraph) == len(graph) > 1500
    assert isomorphic(via_oxigraph, graph)


def test_event_relations_can_be_listed_with_sparql() -> None:
    store = pyoxigraph.Store()
    store.load(ontology_text(), format=pyoxigraph.RdfFormat.TURTLE)
    rows = store.query(
        "PREFIX geokg: <https://w3id.org/geokg/ontology#> SELECT ?p { ?p a geokg:EventRelation }"
    )
    assert isinstance(rows, pyoxigraph.QuerySolutions)
    assert {row["p"].value for row in rows} == {ONTOLOGY_NS + s.id for s in SPECS}


def test_packaged_text_is_the_repository_file() -> None:
    assert ontology_text() == (REPO / "ontology" / "geokg.ttl").read_text(encoding="utf-8")


# --- The registry -------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_registry_relation_matches_the_spec(ontology: Ontology, spec: Spec) -> None:
    relation = ontology.relations[spec.id]
    assert relation.cameo == spec.cameo
    assert relation.plover == spec.plover
    assert relation.quad_class == QuadClass(spec.quad_class)
    assert relation.symmetric == spec.symmetric
    assert relation.iri == ONTOLOGY_NS + spec.id
    assert relation.definition
    if spec.inverse:
        assert relation.inverse == spec.inverse
        assert ontology.relations[spec.inverse].inverse == spec.id
    else:
        assert relation.inverse is None


def test_relations_are_in_cameo_code_order(ontology: Ontology) -> None:
    codes = [r.cameo for r in ontology.relations.values()]
    assert codes == sorted(codes)
    assert list(ontology.relations)[:2] == ["makesStatementTo", "expressesSympathyFor"]


def _reference_forms(ontology: Ontology, relation_id: str) -> Iterator[str]:
    relation = ontology.relations[relation_id]
    yield relation.iri
    yield f"<{relation.iri}>"
    yield f"geokg:{relation.id}"
    yield relation.id
    yield relation.id.upper()
    yield f"  {relation.id}\n"
    yield relation.label
    yield relation.label.upper()
    yield relation.label.title().replace(" ", "  ")
    yield relation.cameo
    yield from ontology.alt_labels(relation.id)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_relation_accepts_every_reference_form(ontology: Ontology, spec: Spec) -> None:
    forms = list(_reference_forms(ontology, spec.id))
    for form in forms:
        assert ontology.relation(form).id == spec.id, form


def test_alternative_labels(ontology: Ontology) -> None:
    assert {"condemns", "denounces"} <= set(ontology.alt_labels("criticises"))
    assert ontology.relation("Condemns").id == "criticises"
    assert ontology.relation("criticizes").id == "criticises"
    assert ontology.relation("supplies weapons to").id == "suppliesMilitaryAidTo"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("072", "suppliesMilitaryAidTo"),
        ("07", "providesAidTo"),
        ("0721", "suppliesMilitaryAidTo"),  # not a relation code: its parent 072
        ("0331", "expressesIntentToProvideAidTo"),  # parent 033
        ("0332", "promisesMilitaryAidTo"),  # exact four-digit code
        ("0311", "expressesIntentToCooperateWith"),  # no 031 relation: the default of root 03
        ("013", "makesStatementTo"),  # no relation: the default of root 01
        ("11", "criticises"),
        ("19", "attacks"),
        ("1901", "invades"),
        ("1384", "threatensMilitaryForceAgainst"),
        (" 20 ", "commitsMassViolenceAgainst"),
    ],
)
def test_by_cameo(ontology: Ontology, code: str, expected: str) -> None:
    assert ontology.by_cameo(code).id == expected
    assert ontology.relation(code).id == expected


@pytest.mark.parametrize("code", ["00", "21", "99", "999", "2101", "7", "07a", "12345", ""])
def test_by_cameo_rejects_codes_outside_cameo(ontology: Ontology, code: str) -> None:
    with pytest.raises(UnknownRelationError, match="CAMEO"):
        ontology.by_cameo(code)


def test_in_root(ontology: Ontology) -> None:
    assert [r.id for r in ontology.in_root("07")] == [
        "providesAidTo",
        "providesEconomicAidTo",
        "suppliesMilitaryAidTo",
        "providesHumanitarianAidTo",
        "providesPeacekeepingTo",
        "grantsAsylumTo",
    ]
    assert ontology.in_root("7") == ontology.in_root("07")
    assert sum(len(ontology.in_root(f"{n:02d}")) for n in range(1, 21)) == len(SPECS)
    with pytest.raises(UnknownRelationError):
        ontology.in_root("21")


@pytest.mark.parametrize(
    ("ref", "suggestion"),
    [
        ("suppliesMilitryAidTo", "suppliesMilitaryAidTo"),
        ("supplies military aid", "suppliesMilitaryAidTo"),
        ("geokg:attack", "attacks"),
        ("critisises", "criticises"),
        ("condemn", "criticises"),
    ],
)
def test_unknown_relation_suggests_close_matches(
    ontology: Ontology, ref: str, suggestion: str
) -> None:
    with pytest.raises(UnknownRelationError) as caught:
        ontology.relation(ref)
    message = str(caught.value)
    assert message.startswith(f"unknown relation {ref!r}; did you mean ")
    assert repr(suggestion) in message
    assert "\n" not in message


def test_unknown_relation_without_suggestions(ontology: Ontology) -> None:
    with pytest.raises(UnknownRelationError, match=r"^unknown relation 'xyzzy'$"):
        ontology.relation("xyzzy")
    with pytest.raises(UnknownRelationError):
        ontology.relation("http://example.org/attacks")


def test_text_is_the_turtle_source(ontology: Ontology) -> None:
    assert ontology.text() == ontology_text()


def test_load_ontology_is_cached() -> None:
    assert load_ontology() is load_ontology()


def test_registry_is_read_only(ontology: Ontology) -> None:
    with pytest.raises(TypeError):
        ontology.relations["x"] = ontology.relations["attacks"]  # type: ignore[index]


def test_from_turtle_rejects_malformed_text() -> None:
    with pytest.raises(InputError, match="does not parse"):
        Ontology.from_turtle("this is not turtle")


def test_from_turtle_rejects_two_defaults_for_one_root() -> None:
    text = ontology_text().replace(
        'geokg:cameoCode "072" ;', 'geokg:cameoCode "072" ;\n    geokg:cameoDefault true ;'
    )
    with pytest.raises(InputError, match="two default relations"):
        Ontology.from_turtle(text)


def test_from_turtle_rejects_a_root_without_default() -> None:
    default_of_07 = (
        "geokg:quadClassNumber 2 ;\n    geokg:goldstein 7.0 ;\n    geokg:cameoDefault true ."
    )
    assert ontology_text().count(default_of_07) == 1
    text = ontology_text().replace(default_of_07, "geokg:quadClassNumber 2 ; geokg:goldstein 7.0 .")
    with pytest.raises(InputError, match="roots 07 have no default"):
        Ontology.from_turtle(text)


def test_from_turtle_rejects_two_relations_with_one_code() -> None:
    text = ontology_text().replace('geokg:cameoCode "073"', 'geokg:cameoCode "072"')
    with pytest.raises(InputError, match="the same CAMEO code 072"):
        Ontology.from_turtle(text)


def test_from_turtle_rejects_a_label_shared_by_two_relations() -> None:
    text = ontology_text().replace('"condemns"@en', '"attacks"@en')
    with pytest.raises(InputError, match="'attacks' is used by both"):
        Ontology.from_turtle(text)


def test_from_turtle_rejects_a_relation_without_cameo_code() -> None:
    text = ontology_text().replace('    geokg:cameoCode "072" ;\n', "")
    with pytest.raises(InputError, match="suppliesMilitaryAidTo has no"):
        Ontology.from_turtle(text)


# --- The generated namespace module -------------------------------------------------------------


def test_namespace_module_is_up_to_date() -> None:
    committed = (REPO / "src" / "geokg" / "namespace.py").read_text(encoding="utf-8")
    assert committed == render_namespace_module(ontology_text()), (
        "src/geokg/namespace.py is out of date: run "
        "'python -m geokg.ontology > src/geokg/namespace.py'"
    )


def test_generator_notices_a_new_term() -> None:
    text = ontology_text() + '\ngeokg:newThing a owl:Class ; rdfs:label "new thing"@en .\n'
    assert "    newThing: URIRef  # new thing\n" in render_namespace_module(text)
    assert "newThing" not in render_namespace_module(ontology_text())


def test_namespace_covers_every_term_and_is_closed(graph: rdflib.Graph) -> None:
    terms = {
        str(s)[len(ONTOLOGY_NS) :]
        for s in graph.subjects(RDF.type, None)
        if str(s).startswith(ONTOLOGY_NS)
    }
    for term in terms:
        assert getattr(GEOKG, term) == rdflib.URIRef(ONTOLOGY_NS + term)
        assert term in GEOKG
    assert GEOKG.suppliesMilitaryAidTo == rdflib.URIRef(ONTOLOGY_NS + "suppliesMilitaryAidTo")
    with pytest.raises(AttributeError):
        GEOKG.suppliesMilitryAidTo  # noqa: B018


def test_namespace_helpers() -> None:
    assert str(geokg.namespace.ACTOR.IRN) == "https://w3id.org/geokg/actor/IRN"
    assert str(geokg.namespace.STATEMENT["s1"]).startswith("https://w3id.org/geokg/statement/")
    assert str(geokg.namespace.MENTION["m1"]).startswith("https://w3id.org/geokg/mention/")
    assert str(geokg.namespace.DOCUMENT["d1"]).startswith("https://w3id.org/geokg/document/")
    g = geokg.namespace.bind_prefixes(rdflib.Graph())
    g.add((geokg.namespace.ACTOR.IRN, GEOKG.suppliesMilitaryAidTo, geokg.namespace.ACTOR.RUS))
    assert "actor:IRN geokg:suppliesMilitaryAidTo actor:RUS" in g.serialize(format="turtle")
    query = geokg.namespace.SPARQL_PREFIXES + "SELECT ?s WHERE { ?s geokg:attacks ?o }"
    assert len(rdflib.Graph().query(query)) == 0
