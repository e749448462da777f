"""The relation registry: the typed event relations of ``ontology/geokg.ttl``.

The Turtle file is the single source of truth. :class:`Ontology` reads it with pyoxigraph
(a few milliseconds) and resolves every way a user may name a relation: its IRI, a
``geokg:`` CURIE, its local name, a label, or a CAMEO code.

>>> ontology = load_ontology()
>>> ontology.relation("supplies weapons to").id
'suppliesMilitaryAidTo'
>>> ontology.relation("19").id
'attacks'
>>> ontology.by_cameo("0721").cameo
'072'

``python -m geokg.ontology > src/geokg/namespace.py`` regenerates the typed namespace module
from the Turtle file.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import keyword
import sys
import types
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib.resources import files

import pyoxigraph
import rdflib

from geokg.errors import InputError, UnknownRelationError
from geokg.model import ONTOLOGY_NS, QuadClass, Relation

__all__ = [
    "Ontology",
    "load_ontology",
    "ontology_graph",
    "ontology_text",
    "render_namespace_module",
]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_OWL = "http://www.w3.org/2002/07/owl#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_EVENT_RELATION = ONTOLOGY_NS + "EventRelation"
_SYMMETRIC = _OWL + "SymmetricProperty"
_INVERSE_OF = _OWL + "inverseOf"
_PREF_LABEL = _SKOS + "prefLabel"
_ALT_LABEL = _SKOS + "altLabel"
_DEFINITION = _SKOS + "definition"
_CAMEO_ROOTS = tuple(f"{n:02d}" for n in range(1, 21))
_MAX_SUGGESTIONS = 3

# An object of a parsed triple.
_Object = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple


def ontology_text() -> str:
    """The Turtle source of the packaged ontology."""
    return (files("geokg") / "ontology" / "geokg.ttl").read_text(encoding="utf-8")


def ontology_graph() -> rdflib.Graph:
    """A new rdflib graph of the packaged ontology (for SHACL and rdflib users)."""
    return rdflib.Graph().parse(data=ontology_text(), format="turtle")


@functools.cache
def load_ontology() -> Ontology:
    """The packaged ontology, parsed once per process (it is immutable)."""
    return Ontology.load()


class Ontology:
    """The event relations of a geokg ontology, indexed for lookup.

    ``relations`` maps local names to :class:`geokg.model.Relation`, in CAMEO code order.
    """

    relations: Mapping[str, Relation]

    def __init__(
        self,
        relations: Iterable[Relation],
        *,
        alt_labels: Mapping[str, Iterable[str]],
        defaults: Mapping[str, str],
        text: str,
    ) -> None:
        ordered = sorted(relations, key=lambda relation: relation.cameo)
        self.relations = types.MappingProxyType({r.id: r for r in ordered})
        self._alt_labels = types.MappingProxyType(
            {rid: tuple(labels) for rid, labels in alt_labels.items()}
        )
        self._defaults = types.MappingProxyType(dict(defaults))
        self._text = text
        self._by_code = types.MappingProxyType({r.cameo: r for r in ordered})
        self._by_name = types.MappingProxyType(self._index_names())

    @classmethod
    def load(cls) -> Ontology:
        """Parse the packaged ontology (use :func:`load_ontology` to share one instance)."""
        return cls.from_turtle(ontology_text())

    @classmethod
    def from_turtle(cls, text: str) -> Ontology:
        """Build the registry from Turtle text; raises :class:`InputError` if it is unusable."""
        descriptions = _describe(text)
        relations: list[Relation] = []
        alt_labels: dict[str, list[str]] = {}
        defaults: dict[str, str] = {}
        for iri, description in descriptions.items():
            if _EVENT_RELATION not in _iris(description, _RDF_TYPE):
                continue
            relation = _relation(iri, description)
            relations.append(relation)
            alt_labels[relation.id] = _strings(description, _ALT_LABEL)
            if _boolean(description, ONTOLOGY_NS + "cameoDefault"):
                if relation.cameo_root in defaults:
                    raise InputError(
                        f"ontology: CAMEO root {relation.cameo_root} has two default relations, "
                        f"{defaults[relation.cameo_root]} and {relation.id}."
                    )
                defaults[relation.cameo_root] = relation.id
        _check_codes(relations, defaults)
        return cls(
            _with_both_inverses(relations),
            alt_labels=alt_labels,
            defaults=defaults,
            text=text,
        )

    def text(self) -> str:
        """The Turtle source this registry was built from (to load into a store)."""
        return self._text

    def relation(self, ref: str) -> Relation:
        """The relation named by ``ref``.

        Accepted: the full IRI (with or without angle brackets), a ``geokg:`` CURIE, the local
        name, the preferred or an alternative label (case-insensitive), a CAMEO code
        (``"072"``) or a CAMEO root (``"07"``, giving the root's default relation).
        """
        name = ref.strip()
        if name.startswith("<") and name.endswith(">"):
            name = name[1:-1]
        for prefix in (ONTOLOGY_NS, "geokg:"):
            if name.startswith(prefix):
                name = name[len(prefix) :]
                break
        if name in self.relations:
            return self.relations[name]
        if name.isdigit():
            return self.by_cameo(name)
        found = self._by_name.get(_normalise(name))
        if found is not None:
            return self.relations[found]
        raise UnknownRelationError(_unknown_message(ref, self._suggestions(name)))

    def by_cameo(self, code: str) -> Relation:
        """The relation of a CAMEO code: the exact code, else the default relation of the
        closest parent code, else the default relation of the code's root."""
        code = code.strip()
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise UnknownRelationError(
                f"{code!r} is not a CAMEO event code: expected 2 to 4 digits, such as '072'."
            )
        for length in range(len(code), 2, -1):
            relation = self._by_code.get(code[:length])
            if relation is not None:
                return relation
        return self.relations[self._default_id(code[:2], asked=code)]

    def in_root(self, root: str) -> list[Relation]:
        """The relations of a CAMEO root (``"07"`` or ``"7"``), in code order."""
        padded = root.strip().zfill(2)
        self._default_id(padded, asked=root)  # validates the root
        return [r for r in self.relations.values() if r.cameo_root == padded]

    def default_for_root(self, root: str) -> Relation:
        """The relation chosen when a user names the CAMEO root (``geokg:cameoDefault``)."""
        padded = root.strip().zfill(2)
        return self.relations[self._default_id(padded, asked=root)]

    def alt_labels(self, ref: str) -> tuple[str, ...]:
        """The alternative labels (``skos:altLabel``) of a relation."""
        return self._alt_labels.get(self.relation(ref).id, ())

    def _default_id(self, root: str, *, asked: str) -> str:
        if root not in self._defaults:
            raise UnknownRelationError(
                f"unknown CAMEO code {asked!r}: CAMEO codes start with a root from 01 to 20."
            )
        return self._defaults[root]

    def _index_names(self) -> dict[str, str]:
        """Normalised local names and labels -> relation id; a label may name only one."""
        index: dict[str, str] = {}
        for relation in self.relations.values():
            names = (relation.id, relation.label, *self._alt_labels.get(relation.id, ()))
            for name in names:
                key = _normalise(name)
                if index.setdefault(key, relation.id) != relation.id:
                    raise InputError(
                        f"ontology: the name {name!r} is used by both {index[key]} and "
                        f"{relation.id}."
                    )
        return index

    def _suggestions(self, name: str) -> list[str]:
        """Local names of the relations whose name or labels are closest to ``name``."""
        matches = difflib.get_close_matches(
            _normalise(name), self._by_name, n=4 * _MAX_SUGGESTIONS, cutoff=0.6
        )
        ids = dict.fromkeys(self._by_name[match] for match in matches)
        return list(ids)[:_MAX_SUGGESTIONS]


def _unknown_message(ref: str, suggestions: list[str]) -> str:
    hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    return f"unknown relation {ref!r}{hint}"


def _normalise(name: str) -> str:
    """Case- and spacing-insensitive key: 'Supplies  Military aid to' == 'supplies military
    aid to'. Local names keep their camel case apart from case."""
    return " ".join(name.replace("_", " ").split()).casefold()


# --- Reading the Turtle file ------------------------------------------------------------------


def _describe(text: str) -> dict[str, dict[str, list[_Object]]]:
    """Group the triples whose subject is in the geokg namespace by subject and predicate."""
    try:
        triples = list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))
    except SyntaxError as error:
        raise InputError(f"ontology: the Turtle text does not parse: {error}") from None
    descriptions: dict[str, dict[str, list[_Object]]] = defaultdict(lambda: defaultdict(list))
    for triple in triples:
        subject = triple.subject
        if isinstance(subject, pyoxigraph.NamedNode) and subject.value.startswith(ONTOLOGY_NS):
            descriptions[subject.value][triple.predicate.value].append(triple.object)
    return descriptions


def _relation(iri: str, description: Mapping[str, list[_Object]]) -> Relation:
    local = iri[len(ONTOLOGY_NS) :]
    quad_number = int(_one(local, description, ONTOLOGY_NS + "quadClassNumber"))
    quad_class_iris = _iris(description, ONTOLOGY_NS + "quadClass")
    quad_class = QuadClass(quad_number)
    expected_iri = ONTOLOGY_NS + quad_class.name.title().replace("_", "")
    if quad_class_iris != [expected_iri]:
        raise InputError(
            f"ontology: {local} has geokg:quadClassNumber {quad_number} but geokg:quadClass "
            f"{quad_class_iris}."
        )
    inverses = _iris(description, _INVERSE_OF)
    plover = _optional(local, description, ONTOLOGY_NS + "ploverType")
    return Relation(
        id=local,
        label=_one(local, description, _PREF_LABEL),
        cameo=_one(local, description, ONTOLOGY_NS + "cameoCode"),
        plover=plover,
        quad_class=quad_class,
        goldstein=float(_one(local, description, ONTOLOGY_NS + "goldstein")),
        definition=_optional(local, description, _DEFINITION) or "",
        symmetric=_SYMMETRIC in _iris(description, _RDF_TYPE),
        inverse=inverses[0][len(ONTOLOGY_NS) :] if inverses else None,
    )


def _check_codes(relations: list[Relation], defaults: Mapping[str, str]) -> None:
    """Each CAMEO code names one relation, and each root used has a default relation."""
    seen: dict[str, str] = {}
    for relation in relations:
        other = seen.setdefault(relation.cameo, relation.id)
        if other != relation.id:
            raise InputError(
                f"ontology: {other} and {relation.id} have the same CAMEO code {relation.cameo}."
            )
    roots = sorted({r.cameo_root for r in relations} - set(defaults))
    if roots:
        raise InputError(f"ontology: CAMEO roots {', '.join(roots)} have no default relation.")


def _with_both_inverses(relations: list[Relation]) -> list[Relation]:
    """Declaring ``owl:inverseOf`` on one side is enough: fill in the other side."""
    inverse_of = {r.inverse: r.id for r in relations if r.inverse}
    return [
        r
        if r.inverse or r.id not in inverse_of
        else dataclasses.replace(r, inverse=inverse_of[r.id])
        for r in relations
    ]


def _strings(description: Mapping[str, list[_Object]], predicate: str) -> list[str]:
    return [o.value for o in description.get(predicate, ()) if isinstance(o, pyoxigraph.Literal)]


def _iris(description: Mapping[str, list[_Object]], predicate: str) -> list[str]:
    objects = description.get(predicate, ())
    return [o.value for o in objects if isinstance(o, pyoxigraph.NamedNode)]


def _one(local: str, description: Mapping[str, list[_Object]], predicate: str) -> str:
    value = _optional(local, description, predicate)
    if value is None:
        raise InputError(f"ontology: the event relation {local} has no <{predicate}>.")
    return value


def _optional(local: str, description: Mapping[str, list[_Object]], predicate: str) -> str | None:
    values = _strings(description, predicate)
    if len(values) > 1:
        raise InputError(f"ontology: the event relation {local} has several <{predicate}>.")
    return values[0] if values else None


def _boolean(description: Mapping[str, list[_Object]], predicate: str) -> bool:
    return any(value in ("true", "1") for value in _strings(description, predicate))


# --- Generating src/geokg/namespace.py ----------------------------------------------------------

# Kinds of terms, in the order they are listed in the generated class.
_TERM_KINDS = (
    (_OWL + "Class", "Classes"),
    (_EVENT_RELATION, "Event relations, in CAMEO code order"),
    (_OWL + "ObjectProperty", "Object properties"),
    (_OWL + "DatatypeProperty", "Datatype properties"),
    (_OWL + "AnnotationProperty", "Annotation properties"),
    (_OWL + "NamedIndividual", "Individuals"),
)
_LINE_LENGTH = 100

_MODULE_HEADER = '''\
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
    _fail = True'''

_MODULE_FOOTER = '''

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
    f"PREFIX {prefix}: <{iri}>\\n" for prefix, iri in PREFIXES.items()
)
"""``PREFIXES`` as a SPARQL prologue, to put in front of user queries."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind ``PREFIXES`` on ``graph`` (replacing other bindings of these names); returns it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
    return graph
'''


def render_namespace_module(ttl_text: str) -> str:
    """The source of ``src/geokg/namespace.py`` for the ontology ``ttl_text``."""
    descriptions = _describe(ttl_text)
    lines = [_MODULE_HEADER]
    listed: set[str] = set()
    for kind, title in _TERM_KINDS:
        terms = [
            (iri[len(ONTOLOGY_NS) :], description)
            for iri, description in descriptions.items()
            if kind in _iris(description, _RDF_TYPE) and iri not in listed
        ]
        if kind == _EVENT_RELATION:
            terms.sort(key=lambda term: _strings(term[1], ONTOLOGY_NS + "cameoCode"))
        else:
            terms.sort(key=lambda term: term[0].casefold())
        if not terms:
            continue
        lines += ["", f"    # {title}"]
        for local, description in terms:
            _check_identifier(local)
            lines.append(_term_line(local, description, kind))
            listed.add(ONTOLOGY_NS + local)
    unlisted = sorted(set(descriptions) - listed)
    if unlisted:
        raise InputError(f"ontology: these terms have no known owl type: {', '.join(unlisted)}.")
    lines.append(_MODULE_FOOTER)
    return "\n".join(lines)


def _check_identifier(local: str) -> None:
    if not local.isidentifier() or keyword.iskeyword(local) or local.startswith("_"):
        raise InputError(f"ontology: {local!r} cannot be a Python attribute name.")


def _term_line(local: str, description: Mapping[str, list[_Object]], kind: str) -> str:
    """``    name: URIRef  # comment``, with a comment that fits the line length."""
    labels = _strings(description, _PREF_LABEL) or _strings(description, _RDFS_LABEL)
    comment = labels[0] if labels else ""
    if kind == _EVENT_RELATION:
        comment = f"{_strings(description, ONTOLOGY_NS + 'cameoCode')[0]} {comment}"
    line = f"    {local}: URIRef"
    with_comment = f"{line}  # {comment}"
    return with_comment if comment and len(with_comment) <= _LINE_LENGTH else line


def main() -> None:
    """Print the generated namespace module (``python -m geokg.ontology``)."""
    sys.stdout.write(render_namespace_module(ontology_text()))


if __name__ == "__main__":
    main()
