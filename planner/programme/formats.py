"""The programme in any of its exchange formats, chosen by name (for the CLI and the app)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.errors import PlannerError
from planner.model import Event, Registry
from planner.programme.frab import export_frab_json, export_frab_xml
from planner.programme.ical import export_ical

__all__ = ["PROGRAMME_FORMATS", "ProgrammeFormat", "export_programme"]


@dataclass(frozen=True)
class ProgrammeFormat:
    """One exchange format of the programme: its name on the command line, its label in the
    app, its file suffix and media type, and the function that writes it."""

    name: str
    label: str
    suffix: str
    media_type: str
    write: Callable[..., bytes]


#: Every format, by name; adding one is a row here and a writer module beside this one.
PROGRAMME_FORMATS: dict[str, ProgrammeFormat] = {f.name: f for f in (
    ProgrammeFormat("ics", "Calendar (.ics)", ".ics", "text/calendar", export_ical),
    ProgrammeFormat("frab-xml", "frab XML", ".xml", "application/vnd.c3voc.schedule+xml",
                    export_frab_xml),
    ProgrammeFormat("frab-json", "frab JSON", ".json", "application/json", export_frab_json),
)}


def export_programme(event: Event, *, format: str, registry: Registry | None = None,
                     base_url: str | None = None) -> bytes:
    """Write the programme as `ics`, `frab-xml` or `frab-json`.

    `base_url` is the event's website (default: the programme's `url`): schedule apps
    then link each session to it.

    Raises
    ------
    PlannerError
        For a format name that is not one of `PROGRAMME_FORMATS`, or a `base_url` that
        is not an http(s) address.

    Examples
    --------
    >>> from planner.library import Library
    >>> export_programme(Library.open().load("manila-2010"), format="ics")[:15]
    b'BEGIN:VCALENDAR'
    """
    if format not in PROGRAMME_FORMATS:
        raise PlannerError(f"unknown programme format '{format}'; choose from "
                           f"{', '.join(PROGRAMME_FORMATS)}")
    return PROGRAMME_FORMATS[format].write(event, registry=registry, base_url=base_url)
