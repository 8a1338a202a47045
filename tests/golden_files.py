"""Rendered files reduced to reviewable YAML, with what changes on every run left out."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from planner import __version__
from tests.documents.reading import read_docx

__all__ = [
    "GOLDEN",
    "docx_to_yaml",
    "dump_golden",
    "frab_json_to_yaml",
    "frab_xml_to_yaml",
    "gexf_to_yaml",
    "ical_to_yaml",
    "number_uids",
]

GOLDEN = Path(__file__).parent / "golden"
"""Where the snapshots live (`tests/golden/*.yml`)."""

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
# Stamped with the time of the export, or the library's version: not what a golden file checks.
_ICAL_STAMPS = frozenset({"DTSTAMP", "CREATED", "LAST-MODIFIED"})
_STAMP = "<timestamp>"
_VERSION = "<version>"


def dump_golden(data: Any) -> str:
    """YAML for a golden file: keys in document order, text as written, short lines."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def number_uids(data: Any) -> Any:
    """Every UUID in the data replaced by `<uid-N>`, numbered by first appearance, so
    references between entries (RELATED-TO, a room's guid) still read as the same.

    Examples
    --------
    >>> number_uids({"a": "urn:uuid:0494d3a1-870b-515a-a1b4-19a1c7512759",
    ...              "b": ["0494D3A1-870B-515A-A1B4-19A1C7512759", "x"]})
    {'a': 'urn:uuid:<uid-1>', 'b': ['<uid-1>', 'x']}
    """
    seen: dict[str, str] = {}

    def placeholder(match: re.Match[str]) -> str:
        return seen.setdefault(match[0].lower(), f"<uid-{len(seen) + 1}>")

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return _UUID.sub(placeholder, value)
        if isinstance(value, dict):
            return {walk(k): walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(data)


def _unversioned(text: str) -> str:
    # The planner version is in PRODID and the frab generator: a release is no regression.
    return text.replace(__version__, _VERSION)


def docx_to_yaml(data: bytes) -> str:
    """A .docx as its body paragraphs (`style: text`) and tables (rows of cell texts)."""
    reading = read_docx(data)
    return dump_golden({"paragraphs": [{style: text} for style, text in reading.paragraphs],
                        "tables": reading.tables})


def _ical_value(value: Any) -> Any:
    if isinstance(value, str):  # vText: the text itself, not its escaped form
        text = str(value)
    else:
        raw = value.to_ical()
        text = raw.decode() if isinstance(raw, bytes) else str(raw)
    params = dict(getattr(value, "params", {}) or {})
    return {"value": text, **params} if params else text


def _ical_component(component: Any) -> dict[str, Any]:
    if component.name == "VTIMEZONE":
        # Its transitions are tzdata's and icalendar's, which change on upgrades;
        # the events' TZID says which zone the planner chose.
        return {"component": component.name, "TZID": str(component["TZID"])}
    properties: dict[str, Any] = {}
    for name, value in component.property_items(recursive=False, sorted=False):
        if name in ("BEGIN", "END"):
            continue
        shown = _STAMP if name in _ICAL_STAMPS else _ical_value(value)
        if name in properties:  # a repeated property (ATTENDEE, CATEGORIES…) becomes a list
            previous = properties[name]
            properties[name] = [*(previous if isinstance(previous, list) else [previous]),
                                shown]
        else:
            properties[name] = shown
    out: dict[str, Any] = {"component": component.name, **properties}
    if component.subcomponents:
        out["components"] = [_ical_component(sub) for sub in component.subcomponents]
    return out


def ical_to_yaml(data: bytes) -> str:
    """An .ics as its components and properties; UIDs numbered, DTSTAMP/CREATED/
    LAST-MODIFIED and the planner version replaced by placeholders, a VTIMEZONE
    reduced to its TZID."""
    import icalendar  # noqa: PLC0415 -- slow import

    calendar = icalendar.Calendar.from_ical(data)
    return _unversioned(dump_golden(number_uids(_ical_component(calendar))))


def _element(element: Any) -> Any:
    tag = element.tag.split("}")[-1]
    text = (element.text or "").strip()
    children = [_element(child) for child in element if isinstance(child.tag, str)]
    if not element.attrib and not children:
        return {tag: text}
    body: dict[str, Any] = {f"@{k.split('}')[-1]}": v for k, v in element.attrib.items()}
    if text:
        body["#text"] = text
    if children:
        body["children"] = children
    return {tag: body}


def frab_xml_to_yaml(data: bytes) -> str:
    """A frab schedule XML as nested elements (`@attribute`, `#text`, `children`);
    guids numbered, the generator's version replaced."""
    from lxml import etree  # noqa: PLC0415 -- slow import

    root = etree.fromstring(data)
    return _unversioned(dump_golden(number_uids(_element(root))))


def frab_json_to_yaml(data: bytes) -> str:
    """A frab schedule JSON as YAML; guids numbered, the generator's version replaced."""
    return _unversioned(dump_golden(number_uids(json.loads(data))))


def _gexf_items(parent: Any, kind: str, titles: dict[str, str]) -> list[dict[str, Any]]:
    items = []
    for element in parent.iterfind(f"{{*}}{kind}s/{{*}}{kind}"):
        item: dict[str, Any] = dict(element.attrib)
        item.update({titles[v.get("for")]: v.get("value")
                     for v in element.iterfind("{*}attvalues/{*}attvalue")})
        items.append(item)
    return items


def gexf_to_yaml(data: bytes) -> str:
    """A GEXF file as its declared attributes, nodes and edges (attribute values named
    by title, not by GEXF's numeric ids); lastmodifieddate and the creator's version
    replaced by placeholders."""
    from lxml import etree  # noqa: PLC0415 -- slow import

    root = etree.fromstring(data)
    graph = root.find("{*}graph")
    meta = root.find("{*}meta")
    attributes = {element.get("class"): [{"title": a.get("title"), "type": a.get("type")}
                                         for a in element.iterfind("{*}attribute")]
                  for element in graph.iterfind("{*}attributes")}
    titles = {element.get("class"): {a.get("id"): a.get("title")
                                     for a in element.iterfind("{*}attribute")}
              for element in graph.iterfind("{*}attributes")}
    creator = (meta.findtext("{*}creator") or "").split(" ")[0]
    return dump_golden({
        "meta": {"lastmodifieddate": _STAMP, "creator": f"{creator} {_VERSION}".strip()},
        "graph": dict(graph.attrib),
        "attributes": attributes,
        "nodes": _gexf_items(graph, "node", titles.get("node", {})),
        "edges": _gexf_items(graph, "edge", titles.get("edge", {})),
    })
