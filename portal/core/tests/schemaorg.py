"""A schema.org checker for the site's JSON-LD, without the network.

The vocabulary is schema.org's own ``schemaorg-current-https.jsonld`` (release
12.0, core and pending), shipped in the ``schemaorg`` package pinned in
pyproject.toml. A document is expanded by pyld with the schema.org context
served from here (``@vocab``), so every term becomes an IRI exactly as a
consumer reads it; then every node is checked:

- each ``@type`` is a schema.org class;
- each property is a schema.org property, and one of the node's types (or
  their ancestors) is among its ``domainIncludes``;
- each value that is a typed node is of a type (or a subtype of one) among
  the property's ``rangeIncludes``.

``problems(document)`` lists what is wrong, in words; an empty list is valid."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from pyld import jsonld

SCHEMA = "https://schema.org/"
VOCABULARY = ("schemaorg", "data/releases/12.0/schemaorg-current-https.jsonld")
CONTEXT_ADDRESSES = {"https://schema.org", "https://schema.org/", "http://schema.org"}
# Literal values: any property whose range includes one of these takes a string or number.
DATA_TYPES = {
    "Text",
    "URL",
    "Date",
    "DateTime",
    "Time",
    "Number",
    "Integer",
    "Float",
    "Boolean",
    "DataType",
}


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [item["@id"].removeprefix("schema:") for item in value]
    return [value["@id"].removeprefix("schema:")]


class Vocabulary:
    def __init__(self, graph: list[dict[str, Any]]):
        self.parents: dict[str, set[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        self.members: set[str] = set()  # enumeration members (EventScheduled...)
        self._ancestors: dict[str, frozenset[str]] = {}
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdfs:Class" in kinds:
                self.parents[name] = set(_ids(node.get("rdfs:subClassOf")))
            elif "rdf:Property" in kinds:
                self.domains[name] = set(_ids(node.get("schema:domainIncludes")))
                self.ranges[name] = set(_ids(node.get("schema:rangeIncludes")))
            else:
                self.members.add(name)

    def ancestors(self, name: str) -> frozenset[str]:
        if name in self._ancestors:
            return self._ancestors[name]
        found, todo = {name}, [name]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        self._ancestors[name] = frozenset(found)
        return self._ancestors[name]

    def lineage(self, types: list[str]) -> set[str]:
        return set().union(*(self.ancestors(t) for t in types)) if types else set()


@functools.cache
def vocabulary() -> Vocabulary:
    package, path = VOCABULARY
    text = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    return Vocabulary(json.loads(text)["@graph"])


def _load_document(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader: the schema.org context, and nothing from the network."""
    if url.rstrip("/") in {address.rstrip("/") for address in CONTEXT_ADDRESSES}:
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {"@vocab": SCHEMA}},
        }
    raise ValueError(f"no network at test time: {url}")


def _local(iri: str) -> str | None:
    return iri[len(SCHEMA) :] if iri.startswith(SCHEMA) else None


def problems(document: dict[str, Any] | list[Any]) -> list[str]:
    """Everything in ``document`` that schema.org does not define or allow."""
    expanded = jsonld.expand(document, {"documentLoader": _load_document})
    found: list[str] = []
    for node in expanded:
        _check_node(node, vocabulary(), found, "")
    return found


def _check_node(node: dict[str, Any], vocab: Vocabulary, found: list[str], where: str) -> None:
    types = []
    for iri in node.get("@type", []):
        name = _local(iri)
        if name is None or name not in vocab.parents:
            found.append(f"{where or '/'}: {iri} is not a schema.org type")
        else:
            types.append(name)
    lineage = vocab.lineage(types)
    for key, values in node.items():
        if key.startswith("@"):
            continue
        name = _local(key)
        here = f"{where}/{name or key}"
        if name is None or name not in vocab.domains:
            found.append(f"{here}: {key} is not a schema.org property")
            continue
        if types and not (vocab.domains[name] & lineage):
            found.append(f"{here}: {name} is not a property of {', '.join(types)}")
        for value in values:
            if "@value" in value:
                if not (vocab.ranges[name] & DATA_TYPES) and not _is_member(value, vocab):
                    found.append(f"{here}: {name} takes a node, not {value['@value']!r}")
                continue
            if "@list" in value:
                found.append(f"{here}: an ordered list where schema.org wants values")
                continue
            value_types = [_local(t) for t in value.get("@type", [])]
            if (
                value_types
                and all(value_types)
                and not (vocab.lineage(value_types) & vocab.ranges[name])
            ):
                found.append(f"{here}: {', '.join(value_types)} is not a range of {name}")
            _check_node(value, vocab, found, here)


def _is_member(value: dict[str, Any], vocab: Vocabulary) -> bool:
    """A string naming an enumeration member (``https://schema.org/EventScheduled``)."""
    text = value.get("@value")
    return isinstance(text, str) and _local(text) in vocab.members
