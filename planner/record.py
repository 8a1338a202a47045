"""The event record as data for other programs: the JSON view and the JSON Schema."""

from __future__ import annotations

from typing import Any

from planner.model import Event, Registry
from planner.outcomes import recommendation_levels

__all__ = ["event_as_json", "event_schema"]


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
