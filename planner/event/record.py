"""The event record as data for other programs: the JSON view and the JSON Schema."""

from __future__ import annotations

from typing import Any

from planner.model import Event, Registry
from planner.outcomes.references import recommendation_levels

__all__ = ["event_as_json", "event_file_reference", "event_schema"]


def event_as_json(event: Event, registry: Registry | None = None) -> dict[str, Any]:
    """The full canonical record as JSON-ready data, with derived keys added.

    Recommendations gain `ref` (the key action plans cite) and `level`;
    organisers gain the organisation's display name when a registry is given.
    """
    data = event.model_dump(mode="json")
    levels = recommendation_levels(event.recommendations)
    for rec, out in zip(event.recommendations, data["recommendations"], strict=True):
        out["ref"] = rec.ref
        out["level"] = levels[rec.order]
    if registry is not None:
        for role in data["organisers"]:
            role["name"] = registry[role["organisation"]].display_name
    for group, out in zip(event.working_groups, data["working_groups"], strict=True):
        out["planned"], out["reported"] = group.is_planned, group.is_reported
    data["days"] = event.days
    return data


def event_schema() -> dict[str, Any]:
    """JSON Schema of an event file, with the field descriptions as documentation."""
    schema = Event.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "planner event file"
    return schema


def _type_of(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        target = defs.get(name, {})
        return _type_of(target, defs) if "enum" in target else f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        options = [o for o in spec["anyOf"] if o != {"type": "null"}]
        return " or ".join(_type_of(option, defs) for option in options)
    if "oneOf" in spec:
        return " or ".join(_type_of(option, defs) for option in spec["oneOf"])
    if spec.get("type") == "array":
        return f"list of {_type_of(spec.get('items', {}), defs)}"
    if "enum" in spec:
        return " / ".join(f"`{value}`" for value in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    return spec.get("format", spec.get("type", "any"))


def _table(name: str, schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    lines = [f"## {name}", "", (schema.get("description") or "").strip(), "",
             "| field | type | required | meaning |", "|---|---|---|---|"]
    required = set(schema.get("required", []))
    for field, spec in schema.get("properties", {}).items():
        meaning = " ".join((spec.get("description") or "").split())
        lines.append(f"| `{field}` | {_type_of(spec, defs)} | {'yes' if field in required else ''} "
                     f"| {meaning} |")
    return [*lines, ""]


def event_file_reference() -> str:
    """Every field of an event file, as Markdown tables generated from the model.

    The shipped `docs/event-file.md` is this text; a test keeps it current.
    """
    schema = event_schema()
    lines = ["# The event file", "",
             "Generated from the model by `planner schema --markdown`; do not edit by hand.", ""]
    defs = schema.get("$defs", {})
    lines += _table("Event", schema, defs)
    for name, definition in sorted(defs.items()):
        if "properties" in definition:
            lines += _table(name, definition, defs)
    return "\n".join(lines).rstrip() + "\n"
