"""The programme as a frab/pretalx schedule, in XML and JSON, for apps, signage and recording."""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import re
import unicodedata
import zoneinfo
from itertools import groupby
from typing import Any

from planner import __version__
from planner.errors import PlannerError
from planner.model import ACTION_POINTS, Event, Registry
from planner.programme.timetable import (
    Slot,
    build_programme,
    describe_slot,
    name_speaker,
    person_uid,
    slot_uid,
)
from planner.programme.versions import is_draft, published_version

__all__ = ["check_base_url", "export_frab_json", "export_frab_xml", "frab_slug",
           "schedule_data"]

_SCHEMA = "https://c3voc.de/schedule/schema.json"
_BASE_URL = re.compile(r"^https?://\S+$")


def _acronym(event: Event) -> str:
    # The schemas want [a-z0-9_] before any hyphen; event ids use hyphens.
    return event.id.replace("-", "_").ljust(4, "_")


def _room_name(slot: Slot, event: Event) -> str:
    if slot.room:
        return slot.room
    return f"WG {slot.number} room" if slot.number else "Plenary"


def _track(slot: Slot) -> tuple[str, str]:
    # Slugs start with a letter (the XML schema's rule), hence `action-point-3`.
    if slot.group is not None and slot.group.action_points:
        point = slot.group.action_points[0]
        return f"{point}. {ACTION_POINTS[point].name}", f"action-point-{point}"
    return slot.kind.label, slot.kind.value


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _title_slug(text: str) -> str:
    # pretalx's TalkSlot.frab_slug: runs of non-word characters become a hyphen, accents
    # are dropped, anything but ASCII letters, digits and hyphens goes.
    text = unicodedata.normalize("NFD", re.sub(r"\W+", "-", text).lower())
    text = re.sub(r"[^a-z0-9-]", "", text.encode("ascii", "ignore").decode())
    return re.sub(r"-+", "-", text).strip("-")


def frab_slug(event: Event, number: int, slot: Slot) -> str:
    """A session's slug as pretalx writes it, `{acronym}-{id}-{title}`.

    The title part falls back on the session's key when the title has too few ASCII
    letters (an Arabic title), so that both c3voc schemas accept every slug.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.programme.timetable import build_programme
    >>> event = Library.open().load("manila-2010")
    >>> frab_slug(event, 1, build_programme(event)[0])
    'manila_2010-1-registration-continued'
    """
    text = next((text for text in (_title_slug(slot.title), _title_slug(slot.key))
                 if len(text) >= 3), "session")
    return f"{_acronym(event)}-{number}-{text}"


def _code(guid: str) -> str:
    # pretalx's six-character submission code, here derived from the stable guid.
    return base64.b32encode(bytes.fromhex(guid.replace("-", ""))).decode()[:6]


def check_base_url(base_url: str | None) -> str | None:
    """The web address session links start from, checked: `https://…` or `http://…`.

    Raises
    ------
    PlannerError
        For anything else.

    Examples
    --------
    >>> check_base_url("https://example.org/programme")
    'https://example.org/programme'
    """
    if base_url is not None and not _BASE_URL.match(base_url):
        raise PlannerError(f"--base-url '{base_url}': give the address of the event's "
                           "website, starting with https:// or http://")
    return base_url


def _hours(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _version(event: Event) -> str:
    number = published_version(event)
    if not number:
        return "draft"
    return f"{number}+draft" if is_draft(event) else str(number)


def _language(event: Event) -> str | None:
    if not event.languages:
        return None
    import pycountry  # noqa: PLC0415 -- slow import (loads its database)

    try:
        return pycountry.languages.lookup(event.languages[0]).alpha_2
    except (LookupError, AttributeError):
        return event.languages[0]


def _persons(slot: Slot, event: Event, registry: Registry | None) -> list[dict[str, str]]:
    persons = []
    for speaker in (*slot.chairs, *slot.speakers):
        name = name_speaker(speaker, event, registry=registry, details=False)
        key = speaker.participant or f"name:{name}"
        persons.append({"name": name, "guid": str(person_uid(key))})
    return persons


def _entry(index: int, slot: Slot, event: Event, registry: Registry | None,
           base: str | None) -> dict[str, Any]:
    guid = str(slot_uid(event.id, slot.key))
    slug = frab_slug(event, index, slot)
    scope = slot.group.scope if slot.group else None
    items = [item.title for item in getattr(slot.session, "items", [])]
    return {
        "guid": guid, "code": _code(guid), "id": index, "date": slot.start.isoformat(),
        "start": f"{slot.start:%H:%M}", "end": slot.end.isoformat(),
        "duration": _hours(int((slot.end - slot.start).total_seconds()) // 60),
        "room": _room_name(slot, event), "slug": slug,
        # The JSON schema wants a URL on every session; a urn names it where there is no
        # website to open, and the XML, whose schemas want http(s), then has none.
        "url": f"{base.partition('#')[0]}#{slug}" if base else f"urn:uuid:{guid}",
        "title": slot.title,
        "subtitle": (slot.session.title or "") if slot.group else "",
        "track": _track(slot)[0], "type": slot.kind.value, "language": _language(event),
        "abstract": " ".join((scope or "; ".join(items)).split()),
        "description": describe_slot(slot, event, registry=registry),
        # Nobody has agreed to be recorded: recording pipelines are told to leave it.
        "recording_license": "", "do_not_record": True,
        "persons": _persons(slot, event, registry), "links": [], "attachments": [],
    }


def _rooms(event: Event, entries: list[dict[str, Any]]) -> list[str]:
    used = list(dict.fromkeys(entry["room"] for entry in entries))
    listed = [room.name for room in event.rooms if room.name in used]
    return listed + [name for name in used if name not in listed]


def _empty_day(event: Event, date: dt.date) -> tuple[str, str]:
    hours = event.programme.block_hours
    zone = zoneinfo.ZoneInfo(event.timezone)
    start, end = (dt.datetime.combine(date, dt.time.fromisoformat(clock), zone).isoformat()
                  for clock in (hours.morning.start, hours.afternoon.end))
    return start, end


def _days(event: Event, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Every day of the event is listed, with sessions or not (the XML schema
    # wants at least one), and any other day a session falls on (the eve).
    by_date = {date: list(group) for date, group in groupby(
        sorted(entries, key=lambda entry: (entry["date"], entry["id"])),
        lambda entry: entry["date"][:10])}
    dates = {event.date_of(n).isoformat() for n in range(1, event.days + 1)} | set(by_date)
    days = []
    for index, date in enumerate(sorted(dates), start=1):
        day = by_date.get(date, [])
        start, end = ((day[0]["date"], max(e["end"] for e in day)) if day
                      else _empty_day(event, dt.date.fromisoformat(date)))
        rooms = {name: [e for e in day if e["room"] == name] for name in _rooms(event, day)}
        days.append({"index": index, "date": date, "day_start": start, "day_end": end,
                     "rooms": rooms})
    return days


def _timeslot(slots: list[Slot]) -> str:
    step = 60
    for slot in slots:
        for moment in (slot.start, slot.end):
            step = math.gcd(step, moment.minute)
    return _hours(max(step, 5))


def schedule_data(event: Event, *, registry: Registry | None = None,
                  base_url: str | None = None) -> dict[str, Any]:
    """The programme as frab/pretalx schedule JSON data (`schedule.json`).

    Days hold rooms, rooms hold events (our slots) in time order; each has a
    `guid` that stays the same across exports and edits, a `track` (the
    working group's first action point, else the kind of session), and
    `persons` (chairs and speakers). With a website (`base_url`, else the
    event's `programme.url`), each session's `url` is the programme page at the
    session's anchor (its slug).

    Raises
    ------
    PlannerError
        For a `base_url` that is not an http(s) address.

    Examples
    --------
    >>> from planner.library import Library
    >>> data = schedule_data(Library.open().load("manila-2010"))
    >>> conference = data["schedule"]["conference"]
    >>> conference["acronym"], conference["time_zone_name"], len(conference["days"])
    ('manila_2010', 'Asia/Manila', 2)
    """
    base = check_base_url(base_url) or event.programme.url
    slots = build_programme(event)
    entries = [_entry(i, slot, event, registry, base) for i, slot in enumerate(slots, start=1)]
    tracks = dict(map(_track, slots))
    capacities = {room.name: room.capacity for room in event.rooms}
    conference: dict[str, Any] = {
        "acronym": _acronym(event), "title": event.title,
        "start": event.start.isoformat(), "end": event.end.isoformat(),
        "daysCount": event.days, "timeslot_duration": _timeslot(slots),
        "time_zone_name": event.timezone,
        "rooms": [{"name": name, "slug": _slug(name) or "room",
                   "guid": str(slot_uid(event.id, f"room/{name}")),
                   "capacity": capacities.get(name)} for name in _rooms(event, entries)],
        "tracks": [{"name": name, "slug": slug} for name, slug in tracks.items()],
        "days": _days(event, entries),
    }
    schedule: dict[str, Any] = {"version": _version(event)}
    if base:
        conference["url"] = base
        schedule["base_url"] = base
    return {"$schema": _SCHEMA, "generator": {"name": "planner", "version": __version__},
            "schedule": {**schedule, "conference": conference}}


def export_frab_json(event: Event, *, registry: Registry | None = None,
                     base_url: str | None = None) -> bytes:
    """Write the programme as frab/pretalx `schedule.json`.

    Examples
    --------
    >>> from planner.library import Library
    >>> export_frab_json(Library.open().load("sanaa-2008"))[:12]
    b'{\\n  "$schema'
    """
    data = schedule_data(event, registry=registry, base_url=base_url)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# What both c3voc schemas accept, in pretalx's order. The stricter
# schedule-without-person.xml.xsd wants a <subtitle> on every event and allows neither
# the `code` attribute nor tracks or a <url> in <conference>.
_XML_FIELDS = ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract",
               "slug", "track")
_CONFERENCE_FIELDS = (("title", "title"), ("acronym", "acronym"), ("start", "start"),
                      ("end", "end"), ("days", "daysCount"),
                      ("timeslot_duration", "timeslot_duration"), ("base_url", "base_url"),
                      ("time_zone_name", "time_zone_name"))


def _xml_event(parent: Any, entry: dict[str, Any], etree: Any) -> None:
    node = etree.SubElement(parent, "event", id=str(entry["id"]), guid=entry["guid"])
    for name in _XML_FIELDS:
        etree.SubElement(node, name).text = entry[name]
    persons = etree.SubElement(node, "persons")
    for person in entry["persons"]:
        etree.SubElement(persons, "person", guid=person["guid"]).text = person["name"]
    for name in ("language", "description"):
        if entry[name]:
            etree.SubElement(node, name).text = entry[name]
    recording = etree.SubElement(node, "recording")
    etree.SubElement(recording, "license").text = entry["recording_license"]
    etree.SubElement(recording, "optout").text = str(entry["do_not_record"]).lower()
    etree.SubElement(node, "links")
    etree.SubElement(node, "attachments")
    if entry["url"].startswith("http"):
        etree.SubElement(node, "url").text = entry["url"]


def export_frab_xml(event: Event, *, registry: Registry | None = None,
                    base_url: str | None = None) -> bytes:
    """Write the programme as frab/pretalx `schedule.xml`, valid against both c3voc
    schemas (`schedule.xml.xsd` and the stricter `schedule-without-person.xml.xsd`).

    Examples
    --------
    >>> from planner.library import Library
    >>> export_frab_xml(Library.open().load("sanaa-2008")).splitlines()[1]
    b'<schedule>'
    """
    from lxml import etree  # noqa: PLC0415 -- slow import

    data = schedule_data(event, registry=registry, base_url=base_url)
    conference = data["schedule"]["conference"]
    # The XML has the base address in <conference>, where the JSON has it in "schedule".
    fields = {**conference, "base_url": data["schedule"].get("base_url")}
    root = etree.Element("schedule")
    etree.SubElement(root, "generator", name="planner", version=__version__)
    etree.SubElement(root, "version").text = data["schedule"]["version"]
    head = etree.SubElement(root, "conference")
    for name, key in _CONFERENCE_FIELDS:
        if fields.get(key) is not None:
            etree.SubElement(head, name).text = str(fields[key])
    for day in conference["days"]:
        node = etree.SubElement(root, "day", index=str(day["index"]), date=day["date"],
                                start=day["day_start"], end=day["day_end"])
        for name, entries in day["rooms"].items():
            room = etree.SubElement(node, "room", name=name,
                                    guid=str(slot_uid(event.id, f"room/{name}")))
            for entry in entries:
                _xml_event(room, entry, etree)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
