"""What changed between two versions of an event file, said in the organiser's words:
added, removed and changed, by section of the record ("Programme: session 'WG 2' room
changed from 'Room A' to 'Room B'").

Works on the plain data of the YAML files, so that any two revisions compare, even one
that an older toolkit wrote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["MISSING", "Change", "describe", "diff_records", "identity", "item_name", "keyed",
           "section_label", "short", "summarise"]

#: Stands for a field or an item that one version does not have.
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()

# The sections as the app's pages name them.
_SECTIONS = {
    "title": "Title", "title_variants": "Other titles", "kind": "Kind of event",
    "series": "Series", "region": "Region", "city": "City", "country": "Host country",
    "venue": "Venue", "timezone": "Time zone", "start": "Dates", "end": "Dates",
    "languages": "Languages", "themes": "Themes", "sources": "Sources",
    "organisers": "Organisers", "invited": "Invitations", "attended": "Attendance",
    "participant_counts": "Participant counts", "preparation": "Preparation",
    "concept_note": "Concept note", "rooms": "Rooms", "sessions": "Programme",
    "programme": "Programme", "working_groups": "Working groups",
    "recommendations": "Recommendations", "action_plan": "Action plan",
    "statements": "Statements", "follow_up": "Follow-up", "participants": "Participants",
    "delegations": "Delegations", "delegate_quota": "Delegate quota",
    "invitation_letters": "Invitation letters", "notes": "Notes",
    "previous_event": "Previous event", "organisations": "Organisation registry",
    "initiatives": "Cooperation initiatives",
}
# What one item of a list is called.
_ITEMS = {
    "sessions": "session", "working_groups": "working group", "participants": "participant",
    "recommendations": "recommendation", "rooms": "room", "organisers": "role",
    "invited": "invitation", "attended": "attendance", "follow_up": "follow-up item",
    "sources": "source", "notes": "note", "delegations": "delegation",
    "sections": "section", "statements": "statement", "areas": "area",
    "background_papers": "background paper", "items": "item", "speakers": "speaker",
    "organisations": "organisation", "initiatives": "initiative",
}
# Fields that name an item to a reader, best first.
_NAMES = ("title", "name", "heading", "label", "organisation", "key", "id", "text")
# Fields that tell two items of one list apart, best first; compound for roles.
_IDENTITIES: tuple[tuple[str, ...], ...] = (
    ("id",), ("key",), ("organisation", "role", "source"), ("organisation", "source"),
    ("number",), ("title",), ("heading",))
#: Fields every save changes; no change of theirs is news.
IGNORED = frozenset({"revision"})


def section_label(field: str) -> str:
    """The section of the record a top-level field belongs to.

    Examples
    --------
    >>> section_label("sessions"), section_label("delegate_quota"), section_label("odd_field")
    ('Programme', 'Delegate quota', 'Odd field')
    """
    return _SECTIONS.get(field, field.replace("_", " ").capitalize())


def identity(item: Any, fields: tuple[str, ...]) -> Any:
    """The value that tells `item` apart among its list, by `fields`; None without them."""
    if not isinstance(item, dict) or fields[0] not in item:
        return None
    return tuple(_frozen(item.get(name)) for name in fields)


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def keyed(*lists: Any) -> tuple[str, ...] | None:
    """The identity fields by which every item of every list is told apart, or None when
    the lists are not lists of distinct items (they are then compared as whole values).

    Examples
    --------
    >>> keyed([{"id": "a"}, {"id": "b"}], [{"id": "b"}])
    ('id',)
    >>> keyed([{"organisation": "kenya", "source": "editor"}]), keyed([1, 2]) is None
    (('organisation', 'role', 'source'), True)
    """
    items = [item for value in lists if isinstance(value, list) for item in value]
    if not items or not all(isinstance(value, list) or value is MISSING for value in lists):
        return None
    for fields in _IDENTITIES:
        if any(identity(item, fields) is None for item in items):
            continue
        if all(len({identity(i, fields) for i in value}) == len(value)
               for value in lists if isinstance(value, list)):
            return fields
    return None


def item_name(item: Any, field: str) -> str:
    """How a reader knows an item of the list `field`: `session 'Opening'`.

    Examples
    --------
    >>> item_name({"id": "wg-2", "title": "WG 2"}, "sessions")
    "session 'WG 2'"
    """
    return _name(item, _ITEMS.get(field, "entry"))


def _name(item: Any, noun: str) -> str:
    if isinstance(item, dict):
        for field in _NAMES:
            if isinstance(item.get(field), str | int) and item[field] != "":
                return f"{noun} {short(item[field])}"
    return noun


def short(value: Any, width: int = 60) -> str:
    """A value as a line of text quotes it, cut at `width`."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = " ".join(value.split())
        return repr(text if len(text) <= width else text[:width - 1] + "…")
    if isinstance(value, list):
        return f"{len(value)} entries" if len(value) != 1 else "1 entry"
    if isinstance(value, dict):
        return "a block of fields"
    return str(value)


@dataclass(frozen=True)
class Change:
    """One thing added, removed or changed, under its section."""

    section: str
    what: str
    kind: str  # "added", "removed", "changed"
    before: Any = MISSING
    after: Any = MISSING

    def __str__(self) -> str:
        if self.kind == "changed" and not isinstance(self.after, dict | list):
            what = f"{self.what} " if self.what else ""
            return (f"{self.section}: {what}changed from {short(self.before)} "
                    f"to {short(self.after)}")
        value = self.after if self.kind == "added" else self.before
        words = [self.what] if self.what else []
        if not isinstance(value, dict) and value is not MISSING:
            words.append(short(value))
        return f"{self.section}: {' '.join([*words, self.kind])}"


def diff_records(before: Any, after: Any) -> list[Change]:
    """Every change from one version of an event's data to another, section by section.

    Examples
    --------
    >>> old = {"revision": 1, "sessions": [{"id": "wg-2", "title": "WG 2", "room": "Room A"}]}
    >>> new = {"revision": 2, "sessions": [{"id": "wg-2", "title": "WG 2", "room": "Room B"}],
    ...        "venue": "UN Gigiri"}
    >>> [str(c) for c in diff_records(old, new)]
    ["Programme: session 'WG 2' room changed from 'Room A' to 'Room B'", "Venue: 'UN Gigiri' added"]
    """
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    changes: list[Change] = []
    for field in [*after, *(f for f in before if f not in after)]:  # in the file's order
        if field in IGNORED:
            continue
        old, new = before.get(field, MISSING), after.get(field, MISSING)
        if old != new:
            changes += _walk(section_label(field), "", field, old, new)
    return changes


def _walk(section: str, where: str, field: str, old: Any, new: Any) -> list[Change]:
    if old is MISSING or new is MISSING:
        return [Change(section, where, "added" if old is MISSING else "removed", old, new)]
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[Change] = []
        for key in [*old, *(k for k in new if k not in old)]:
            if old.get(key, MISSING) != new.get(key, MISSING):
                found += _walk(section, f"{where} {key.replace('_', ' ')}".strip(), key,
                               old.get(key, MISSING), new.get(key, MISSING))
        return found
    fields = keyed(old, new) if isinstance(old, list) and isinstance(new, list) else None
    if fields is None:
        named = field.replace("_", " ")
        what = where or ("" if section.lower() == named.lower() else named)
        return [Change(section, what, "changed", old, new)]
    noun = _ITEMS.get(field, "entry")
    # "Concept note: section 'Budget' added", not "sections section 'Budget'".
    where = where.removesuffix(field.replace("_", " ")).strip()
    olds = {identity(i, fields): i for i in old}
    news = {identity(i, fields): i for i in new}
    found = []
    for key in [*olds, *(k for k in news if k not in olds)]:
        item_old, item_new = olds.get(key, MISSING), news.get(key, MISSING)
        if item_old == item_new:
            continue
        label = f"{where} {_name(item_new if item_old is MISSING else item_old, noun)}".strip()
        if item_old is MISSING or item_new is MISSING:
            found.append(Change(section, label, "added" if item_old is MISSING else "removed",
                                item_old, item_new))
        else:
            found += _walk(section, label, field, item_old, item_new)
    if not found and old != new:
        found.append(Change(section, f"{where} order of the {noun}s".strip(), "changed"))
    return found


def summarise(changes: list[Change], limit: int = 2) -> str:
    """One line for a commit's subject: the first changes, and how many more.

    Examples
    --------
    >>> summarise([Change("Venue", "", "added", after="Gigiri"), Change("Rooms", "room 'A'",
    ...            "added"), Change("Notes", "note 'x'", "removed")])
    "Venue: 'Gigiri' added; Rooms: room 'A' added; and 1 more change"
    """
    if not changes:
        return "No change to the record"
    head = "; ".join(str(c) for c in changes[:limit])
    rest = len(changes) - limit
    return head if rest <= 0 else f"{head}; and {rest} more change{'s' * (rest > 1)}"


def describe(changes: list[Change]) -> list[str]:
    """The changes as lines a reader goes through, grouped under their sections."""
    return [str(c) for c in changes]
