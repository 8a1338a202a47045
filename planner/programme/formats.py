"""The programme in any of its exchange formats, chosen by name (for the CLI and the app)."""

from __future__ import annotations

from collections.abc import Callable

from planner.errors import PlannerError
from planner.model import Event, Registry
from planner.programme.frab import export_frab_json, export_frab_xml
from planner.programme.ical import export_ical

__all__ = ["PROGRAMME_FORMATS", "export_programme"]

#: Format name: (writer, file suffix, media type).
PROGRAMME_FORMATS: dict[str, tuple[Callable[..., bytes], str, str]] = {
    "ics": (export_ical, ".ics", "text/calendar"),
    "frab-xml": (export_frab_xml, ".xml", "application/vnd.c3voc.schedule+xml"),
    "frab-json": (export_frab_json, ".json", "application/json"),
}


def export_programme(event: Event, *, format: str, registry: Registry | None = None) -> bytes:
    """Write the programme as `ics`, `frab-xml` or `frab-json`.

    Raises
    ------
    PlannerError
        For a format name that is not one of `PROGRAMME_FORMATS`.

    Examples
    --------
    >>> from planner.library import Library
    >>> export_programme(Library.open().load("manila-2010"), format="ics")[:15]
    b'BEGIN:VCALENDAR'
    """
    if format not in PROGRAMME_FORMATS:
        raise PlannerError(f"unknown programme format '{format}'; choose from "
                           f"{', '.join(PROGRAMME_FORMATS)}")
    return PROGRAMME_FORMATS[format][0](event, registry=registry)
