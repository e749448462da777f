# GENERATED FILE, DO NOT EDIT. Generated from ontology/geokg.ttl by
#     python -m geokg.ontology > src/geokg/namespace.py
# tests/test_ontology.py fails when this file is out of date with the ontology.
"""The geokg vocabulary as Python names, and the namespaces of geokg's own IRIs.

``GEOKG`` is closed: a misspelt term (``GEOKG.suppliesMilitryAidTo``) raises
``AttributeError`` instead of minting a wrong IRI.

>>> GEOKG.suppliesMilitaryAidTo
rdflib.term.URIRef('https://w3id.org/geokg/ontology#suppliesMilitaryAidTo')
>>> ACTOR.IRN
rdflib.term.URIRef('https://w3id.org/geokg/actor/IRN')
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import rdflib.namespace
from rdflib import Graph, Namespace, URIRef

from geokg.model import ACTOR_NS, DOCUMENT_NS, MENTION_NS, ONTOLOGY_NS, STATEMENT_NS

__all__ = [
    "ACTOR",
    "DOCUMENT",
    "GEOKG",
    "MENTION",
    "PREFIXES",
    "SPARQL_PREFIXES",
    "STATEMENT",
    "bind_prefixes",
]


# rdflib's own namespaces are not imported as globals: pytest's doctest collection probes
# every global, and those namespaces warn about unknown attributes.
class GEOKG(rdflib.namespace.DefinedNamespace):
    """Every class, property and individual of the geokg ontology."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # Classes
    Actor: URIRef  # actor
    ArmedGroup: URIRef  # armed group
    CollectiveActor: URIRef  # collective actor
    Document: URIRef  # document
    EventRelation: URIRef  # event relation
    Institution: URIRef  # institution
    InternationalOrganization: URIRef  # international organization
    Membership: URIRef  # membership
    Mention: URIRef  # mention
    NonGovernmentalOrganization: URIRef  # non-governmental organization
    Person: URIRef  # person
    PoliticalGroup: URIRef  # political group
    QuadClassValue: URIRef  # quad class
    Role: URIRef  # role
    State: URIRef  # state
    Statement: URIRef  # statement

    # Event relations, in CAMEO code order
    makesStatementTo: URIRef  # 010 makes a statement to
    expressesSympathyFor: URIRef  # 018 expresses sympathy for
    appealsTo: URIRef  # 020 appeals to
    appealsForAidFrom: URIRef  # 023 appeals for aid from
    expressesIntentToCooperateWith: URIRef  # 030 expresses intent to cooperate with
    expressesIntentToProvideAidTo: URIRef  # 033 expresses intent to provide aid to
    promisesMilitaryAidTo: URIRef  # 0332 promises military aid to
    expressesIntentToMeetWith: URIRef  # 036 expresses intent to meet with
    offersToMediateBetween: URIRef  # 039 offers to mediate between
    consultsWith: URIRef  # 040 consults with
    holdsCallWith: URIRef  # 041 holds a call with
    visits: URIRef  # 042 visits
    hosts: URIRef  # 043 hosts
    meetsWith: URIRef  # 044 meets with
    mediatesFor: URIRef  # 045 mediates for
    negotiatesWith: URIRef  # 046 negotiates with
    cooperatesDiplomaticallyWith: URIRef  # 050 cooperates diplomatically with
    praises: URIRef  # 051 praises
    defendsVerbally: URIRef  # 052 defends verbally
    supports: URIRef  # 053 supports
    recognises: URIRef  # 054 recognises
    apologisesTo: URIRef  # 055 apologises to
    forgives: URIRef  # 056 forgives
    signsAgreementWith: URIRef  # 057 signs an agreement with
    cooperatesWith: URIRef  # 060 cooperates with
    cooperatesEconomicallyWith: URIRef  # 061 cooperates economically with
    cooperatesMilitarilyWith: URIRef  # 062 cooperates militarily with
    cooperatesJudiciallyWith: URIRef  # 063 cooperates judicially with
    sharesIntelligenceWith: URIRef  # 064 shares intelligence with
    providesAidTo: URIRef  # 070 provides aid to
    providesEconomicAidTo: URIRef  # 071 provides economic aid to
    suppliesMilitaryAidTo: URIRef  # 072 supplies military aid to
    providesHumanitarianAidTo: URIRef  # 073 provides humanitarian aid to
    providesPeacekeepingTo: URIRef  # 074 provides peacekeeping to
    grantsAsylumTo: URIRef  # 075 grants asylum to
    yieldsTo: URIRef  # 080 yields to
    easesRestrictionsOn: URIRef  # 081 eases restrictions on
    releases: URIRef  # 084 releases
    easesSanctionsOn: URIRef  # 085 eases sanctions on
    allowsInternationalInvolvement: URIRef  # 086 allows international involvement of
    deEscalatesWith: URIRef  # 087 de-escalates with
    declaresCeasefireWith: URIRef  # 0871 declares a ceasefire with
    withdrawsForcesFrom: URIRef  # 0872 withdraws forces from
    investigates: URIRef  # 090 investigates
    investigatesWarCrimesOf: URIRef  # 094 investigates war crimes of
    demandsOf: URIRef  # 100 demands of
    demandsAidFrom: URIRef  # 103 demands aid from
    demandsPolicyChangeOf: URIRef  # 1042 demands a policy change of
    demandsMeetingWith: URIRef  # 106 demands a meeting with
    criticises: URIRef  # 111 criticises
    accuses: URIRef  # 112 accuses
    complainsTo: URIRef  # 114 complains to
    bringsLawsuitAgainst: URIRef  # 115 brings a lawsuit against
    rejects: URIRef  # 120 rejects
    rejectsProposalOf: URIRef  # 125 rejects the proposal of
    rejectsMediationBy: URIRef  # 126 rejects mediation by
    defies: URIRef  # 128 defies
    vetoes: URIRef  # 129 vetoes
    threatens: URIRef  # 130 threatens
    threatensSanctionsAgainst: URIRef  # 1312 threatens sanctions against
    threatensToHaltNegotiationsWith: URIRef  # 134 threatens to halt negotiations with
    threatensMilitaryForceAgainst: URIRef  # 138 threatens military force against
    issuesUltimatumTo: URIRef  # 139 issues an ultimatum to
    protestsAgainst: URIRef  # 140 protests against
    demonstratesAgainst: URIRef  # 141 demonstrates against
    boycotts: URIRef  # 143 boycotts
    obstructs: URIRef  # 144 obstructs
    riotsAgainst: URIRef  # 145 riots against
    mobilisesAgainst: URIRef  # 150 mobilises against
    increasesMilitaryAlertAgainst: URIRef  # 152 increases military alert against
    mobilisesForcesAgainst: URIRef  # 154 mobilises forces against
    reducesRelationsWith: URIRef  # 160 reduces relations with
    breaksRelationsWith: URIRef  # 161 breaks relations with
    reducesAidTo: URIRef  # 162 reduces aid to
    imposesSanctionsOn: URIRef  # 163 imposes sanctions on
    haltsNegotiationsWith: URIRef  # 164 halts negotiations with
    expelsDiplomatsOf: URIRef  # 166 expels diplomats of
    coerces: URIRef  # 170 coerces
    seizesPropertyOf: URIRef  # 171 seizes property of
    imposesRestrictionsOn: URIRef  # 172 imposes restrictions on
    arrests: URIRef  # 173 arrests
    deports: URIRef  # 174 deports
    usesViolentRepressionAgainst: URIRef  # 175 uses violent repression against
    assaults: URIRef  # 180 assaults
    abducts: URIRef  # 181 abducts
    tortures: URIRef  # 1822 tortures
    bombs: URIRef  # 183 bombs
    assassinates: URIRef  # 186 assassinates
    attacks: URIRef  # 190 attacks
    invades: URIRef  # 1901 invades
    imposesBlockadeOn: URIRef  # 191 imposes a blockade on
    occupies: URIRef  # 192 occupies
    fightsWith: URIRef  # 193 fights with
    shells: URIRef  # 194 shells
    conductsAirstrikesOn: URIRef  # 195 conducts airstrikes on
    violatesCeasefireWith: URIRef  # 196 violates the ceasefire with
    commitsMassViolenceAgainst: URIRef  # 200 commits mass violence against
    commitsMassKillingsAgainst: URIRef  # 202 commits mass killings against
    ethnicallyCleanses: URIRef  # 203 ethnically cleanses
    usesWeaponsOfMassDestructionAgainst: URIRef  # 204 uses weapons of mass destruction against

    # Object properties
    actsFor: URIRef  # acts for
    assertedBy: URIRef  # asserted by
    assertedByActsFor: URIRef  # asserted by acts for
    document: URIRef  # document
    forOrganization: URIRef  # for organization
    forState: URIRef  # for state
    hasMention: URIRef  # has mention
    holdsRole: URIRef  # holds role
    itemOrigin: URIRef  # item origin
    member: URIRef  # member
    memberOf: URIRef  # member of
    object: URIRef  # object
    objectActsFor: URIRef  # object acts for
    organization: URIRef  # organization
    predicate: URIRef  # predicate
    subject: URIRef  # subject
    subjectActsFor: URIRef  # subject acts for

    # Datatype properties
    attributes: URIRef  # attributes
    capital: URIRef  # capital
    confidence: URIRef  # confidence
    endDate: URIRef  # end date
    endOffset: URIRef  # end offset
    firstSeen: URIRef  # first seen
    isoAlpha2: URIRef  # ISO 3166-1 alpha-2 code
    isoAlpha3: URIRef  # ISO 3166-1 alpha-3 code
    item: URIRef  # item
    lastSeen: URIRef  # last seen
    latitude: URIRef  # latitude
    longitude: URIRef  # longitude
    negated: URIRef  # negated
    published: URIRef  # published
    roleTitle: URIRef  # role title
    sentence: URIRef  # sentence
    sourceCount: URIRef  # source count
    startDate: URIRef  # start date
    startOffset: URIRef  # start offset

    # Annotation properties
    cameoCode: URIRef  # CAMEO code
    cameoDefault: URIRef  # CAMEO default
    cameoName: URIRef  # CAMEO name
    cameoRoot: URIRef  # CAMEO root
    goldstein: URIRef  # Goldstein value
    ploverType: URIRef  # PLOVER type
    quadClass: URIRef  # quad class
    quadClassNumber: URIRef  # quad class number

    # Individuals
    MaterialConflict: URIRef  # material conflict
    MaterialCooperation: URIRef  # material cooperation
    VerbalConflict: URIRef  # verbal conflict
    VerbalCooperation: URIRef  # verbal cooperation


ACTOR: Final = Namespace(ACTOR_NS)
"""Actors: ``ACTOR.IRN`` (ISO 3166-1 alpha-3 code for states, a lowercase slug otherwise)."""

DOCUMENT: Final = Namespace(DOCUMENT_NS)
"""Source documents: ``DOCUMENT[document_id]``."""

STATEMENT: Final = Namespace(STATEMENT_NS)
"""Statements (reified facts): ``STATEMENT[statement_id]``."""

MENTION: Final = Namespace(MENTION_NS)
"""Mentions (one supporting sentence each): ``MENTION[mention_id]``."""

PREFIXES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "geokg": ONTOLOGY_NS,
        "actor": ACTOR_NS,
        "document": DOCUMENT_NS,
        "statement": STATEMENT_NS,
        "mention": MENTION_NS,
        "dcterms": "http://purl.org/dc/terms/",
        "owl": "http://www.w3.org/2002/07/owl#",
        "prov": "http://www.w3.org/ns/prov#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
)
"""The prefixes geokg uses in Turtle output and SPARQL queries."""

SPARQL_PREFIXES: Final[str] = "".join(
    f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items()
)
"""``PREFIXES`` as a SPARQL prologue, to put in front of user queries."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind ``PREFIXES`` on ``graph`` (replacing other bindings of these names); returns it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
    return graph
