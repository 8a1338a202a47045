"""The programme as an iCalendar file (RFC 5545): one event per session, stable UIDs."""

from __future__ import annotations

import datetime as dt

from planner import __version__
from planner.model import Event, Registry
from planner.programme.frab import check_base_url
from planner.programme.timetable import Slot, build_programme, describe_slot, event_uid, slot_uid
from planner.programme.versions import confirmed_slots, published_version

__all__ = ["export_ical"]


def _stamp(event: Event, stamp: dt.datetime | None) -> dt.datetime:
    if stamp is not None:
        return stamp.astimezone(dt.UTC)
    versions = event.programme.versions
    if versions:
        # Published files then come out the same on every export.
        return dt.datetime.combine(versions[-1].date, dt.time(), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _location(slot: Slot, event: Event) -> str:
    return ", ".join(filter(None, (slot.room, event.venue, event.city)))


def _round_uid(event: Event, slot: Slot) -> str | None:
    # A working group's entry belongs to its round; nothing else belongs to anything
    # (the calendar's own UID names the calendar, not a component of it).
    if slot.number is None:
        return None
    return str(slot_uid(event.id, slot.session.id))


def export_ical(event: Event, *, registry: Registry | None = None,
                stamp: dt.datetime | None = None, base_url: str | None = None) -> bytes:
    """Write the programme as an iCalendar file that calendar programs import.

    Each slot of `build_programme` (a session, or one working group of a
    round) is a VEVENT whose UID comes from the event and session ids only,
    so re-importing an updated file updates the entries instead of doubling
    them. Times carry the venue's TZID, with its VTIMEZONE. STATUS is
    CONFIRMED for slots as the latest published version placed them,
    TENTATIVE otherwise; SEQUENCE is the published version number. A working
    group's entry names its round in RELATED-TO (the round's UID, the same for
    every group of the round); URL is the event's website when it has one.

    Parameters
    ----------
    event : Event
        The event whose programme to export.
    registry : Registry, optional
        To print organisations by name rather than id.
    stamp : datetime, optional
        DTSTAMP; by default the date of the latest published version, or now.
    base_url : str, optional
        The event's website (default: the programme's `url`).

    Returns
    -------
    bytes
        The `.ics` file.

    Examples
    --------
    >>> import icalendar
    >>> from planner.library import Library
    >>> data = export_ical(Library.open().load("manila-2010"))
    >>> entries = icalendar.Calendar.from_ical(data).walk("VEVENT")
    >>> len(entries), entries[0]["DTSTART"].params["TZID"], str(entries[0]["STATUS"])
    (14, 'Asia/Manila', 'TENTATIVE')
    """
    import icalendar  # noqa: PLC0415 -- slow import

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//planner {__version__}//programme//EN")
    calendar.add("version", "2.0")
    calendar.add("uid", str(event_uid(event.id)))
    calendar.add("name", event.title)
    calendar.add("x-wr-calname", event.title)
    calendar.add("x-wr-timezone", event.timezone)
    confirmed, sequence = confirmed_slots(event), published_version(event)
    website = check_base_url(base_url) or event.programme.url
    stamped = _stamp(event, stamp)
    for slot in build_programme(event):
        entry = icalendar.Event()
        entry.add("uid", str(slot_uid(event.id, slot.key)))
        entry.add("dtstamp", stamped)
        # Local time with an explicit TZID: icalendar would write a zone that is
        # UTC+0 all year (Africa/Dakar) as UTC, losing the venue's zone.
        entry.add("dtstart", slot.start.replace(tzinfo=None), {"TZID": event.timezone})
        entry.add("dtend", slot.end.replace(tzinfo=None), {"TZID": event.timezone})
        entry.add("summary", slot.title)
        entry.add("location", _location(slot, event))
        description = describe_slot(slot, event, registry=registry)
        if description:
            entry.add("description", description)
        entry.add("categories", [slot.kind.label])
        parent = _round_uid(event, slot)
        if parent is not None:
            entry.add("related-to", parent, {"RELTYPE": "PARENT"})
        if website:
            entry.add("url", website)
        entry.add("status", "CONFIRMED" if slot.key in confirmed else "TENTATIVE")
        entry.add("sequence", sequence)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
