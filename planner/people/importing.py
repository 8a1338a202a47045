"""Participants from registration lists: import with a row-by-row report, merge, export."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from planner.errors import PlannerError
from planner.library.garbage import collection_paused
from planner.library.integrity import check_event
from planner.model import (
    Delegation,
    Event,
    Organisation,
    Participant,
    ParticipantRole,
    Registry,
    StatusChange,
    normalise_name,
)
from planner.people.columns import NAME_FIELDS, RowReader, match_columns
from planner.people.delegations import organisation_delegation
from planner.people.organisations import apply_decisions
from planner.people.report import ImportReport, RowFate
from planner.tables import Table, TableRow, read_table

__all__ = [
    "ImportReport",
    "RowFate",
    "import_participants",
]


# --- the roster: participants matched by id, e-mail, name and organisation ----------------

_EMPTY: tuple[Any, ...] = (None, "", [], False)


def _fold(text: str) -> str:
    # Like normalise_name, but keeps letters outside ASCII: "أمينة" must not match "Ωμέγα".
    letters = (ch for ch in unicodedata.normalize("NFKD", text).casefold()
               if not unicodedata.combining(ch))
    return " ".join("".join(ch if ch.isalnum() else " " for ch in letters).split())


def _name_key(data: Mapping[str, Any]) -> tuple[str, str | None]:
    # Accents, case and the order of the words do not make another person.
    name = _fold(" ".join(filter(None, (data.get("first_name"), data.get("last_name")))))
    return " ".join(sorted(name.split())), data.get("organisation")


def _shown(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "nothing"
    return f"'{value}'" if isinstance(value, str) else str(value)


def _keys(person: Participant) -> Iterator[tuple[str, Any]]:
    yield "id", person.id
    if person.registration_id:
        yield "registration id", person.registration_id
    if person.email:
        yield "e-mail", person.email.casefold()
    yield "name and organisation", _name_key(
        {"first_name": person.first_name, "last_name": person.last_name,
         "organisation": person.organisation})


class _Roster:
    def __init__(self, people: list[Participant], source: str, today: dt.date) -> None:
        self.people: dict[str, Participant] = {}
        self.index: dict[tuple[str, Any], list[str]] = defaultdict(list)
        for person in people:
            self._put(person)
        self.source, self.today = source, today
        self.rows: dict[str, int] = {}  # participant created by an earlier row

    def _put(self, person: Participant) -> None:
        old = self.people.get(person.id)
        for key in _keys(old) if old else ():
            self.index[key].remove(person.id)
        self.people[person.id] = person
        for key in _keys(person):
            self.index[key].append(person.id)

    def _where(self, person_id: str) -> str:
        row = self.rows.get(person_id)
        return f"row {row}" if row else f"{person_id}, already in the event"

    def match(self, values: Mapping[str, Any]) -> tuple[str, str] | None:
        """The id of the person these values describe, and why, or None."""
        email, name = (values.get("email") or "").casefold(), _name_key(values)
        wanted = [("id", values.get("participant_id")),
                  ("registration id", values.get("registration_id")),
                  ("e-mail", email), ("name and organisation", name if name[0] else None)]
        for kind, value in wanted:
            for person_id in self.index.get((kind, value), []) if value else ():
                other = (self.people[person_id].email or "").casefold()
                if kind == "name and organisation" and email and other and other != email:
                    continue  # namesakes with different e-mails are different people
                return person_id, f"same {kind} as {self._where(person_id)}"
        return None

    def new_id(self, values: Mapping[str, Any]) -> str:
        if values.get("participant_id"):
            return values["participant_id"]
        name = " ".join(filter(None, (values.get("first_name"), values.get("last_name"))))
        base = "-".join(normalise_name(name).split())[:60].strip("-") or "participant"
        candidate, n = base, 1
        while candidate in self.people:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def add(self, values: dict[str, Any], row: int, registry: Registry) -> Participant:
        data = {k: v for k, v in values.items() if k in Participant.model_fields}
        data["id"] = self.new_id(values)
        if values.get("status") and values.get("registration_date"):
            data["history"] = [StatusChange(status=values["status"],
                                            on=values["registration_date"])]
        person = Participant.model_validate(data, context={"registry": registry})
        self._put(person)
        self.rows[person.id] = row
        return person

    def merge(self, person_id: str, values: dict[str, Any], row: int) -> tuple[str, ...]:
        person = self.people[person_id]
        update, notes = {}, []
        same_name = _name_key(values)[0] == _name_key(person.model_dump())[0]
        for name, value in values.items():
            if name not in Participant.model_fields or name == "id" or (
                    same_name and name in NAME_FIELDS):
                continue
            old = getattr(person, name)
            if value == old or (name == "email" and old and value.casefold() == old.casefold()):
                continue
            update[name] = value
            notes.append(f"{name} set to {_shown(value)}" if old in _EMPTY
                         else f"{name} changed from {_shown(old)} to {_shown(value)}")
        if "status" in update:
            on = values.get("registration_date") or self.today
            update["history"] = [*person.history, StatusChange(
                status=update["status"], on=on, note=f"{self.source} row {row}")]
        self._put(person.model_copy(update=update))
        return tuple(notes)


# --- import ------------------------------------------------------------------------------

@dataclass
class _Import:
    table: Table
    columns: dict[int, str]
    reader: RowReader
    roster: _Roster

    def cells(self, row: TableRow) -> dict[str, str]:
        return {fld: row.cells[i] for i, fld in self.columns.items()
                if i < len(row.cells) and row.cells[i] and i not in row.unreadable}

    def header_of(self, fld: str) -> str:
        return next(self.table.header[i] for i, f in self.columns.items() if f == fld)

    def problems(self, row: TableRow, values: dict[str, Any],
                 bad: list[tuple[str, str]]) -> list[tuple[str, str]]:
        found = [(self.table.header[i] if i < len(self.table.header) else f"column {i + 1}",
                  reason) for i, reason in row.unreadable.items()]
        found += [(self.header_of(fld), reason) for fld, reason in bad]
        if not values.get("last_name"):
            named = [self.header_of(f) for f in NAME_FIELDS if f in self.columns.values()]
            found.insert(0, (" / ".join(named), "no name"))
        return found

    def read(self, row: TableRow) -> tuple[dict[str, Any], list[tuple[str, str]], Any, str]:
        cells = self.cells(row)
        values, bad, extra = self.reader.read(cells)
        shown = " ".join(filter(None, (values.get("title"), values.get("first_name"),
                                       values.get("last_name")))) or cells.get("email", "")
        return values, self.problems(row, values, bad), extra, shown

    def gather(self, row: TableRow) -> None:
        """First pass: which rows wait on which proposal."""
        _, problems, extra, shown = self.read(row)
        if extra.pending is not None and not problems:
            extra.pending.rows.append(row.number)
            extra.pending.people.append(shown)

    def fate(self, row: TableRow) -> RowFate:
        values, problems, extra, shown = self.read(row)
        warnings = tuple(f"column '{self.header_of(f)}': {w}" for f, w in extra.warnings) + \
            tuple(f"column '{self.table.header[i]}': a control character read as a space"
                  for i in sorted(row.cleaned) if i < len(self.table.header))
        if problems:
            (column, reason), *more = problems
            return RowFate(row.number, "rejected", column=column, reason=reason, name=shown,
                           notes=tuple(f"column '{c}': {r}" for c, r in more) + warnings)
        if extra.pending is not None:
            pending = extra.pending
            reason = f"'{pending.written}' {pending.reason}" + (
                f"; proposed as {pending.entry.type.value} '{pending.key}'"
                if pending.entry is not None else "")
            return RowFate(row.number, "held", column=self.header_of("organisation"),
                           reason=reason, name=shown, proposal=pending.key, notes=warnings)
        found = self.roster.match(values)
        if found:
            notes = self.roster.merge(found[0], values, row.number)
            return RowFate(row.number, "merged", found[0], reason=found[1], name=shown,
                           notes=notes + warnings)
        person = self.roster.add(values, row.number, self.reader.organisations.registry)
        return RowFate(row.number, "imported", person.id, name=shown, notes=warnings)


def _place(delegations: list[Delegation], person: Participant, registry: Registry,
           placed: set[str]) -> None:
    # `placed` holds everyone already in a delegation: a search through every delegation's
    # members for each person made a 10,000-row list take seconds.
    if person.id in placed:
        return
    org_id = organisation_delegation(person, registry)
    if org_id is None:
        return
    delegation = next((d for d in delegations if d.organisation == org_id), None)
    if delegation is None:
        delegation = Delegation(organisation=org_id)
        delegations.append(delegation)
    delegation.members.append(person.id)
    placed.add(person.id)
    if delegation.head is None and ParticipantRole.HEAD_OF_DELEGATION in person.roles:
        delegation.head = person.id


@collection_paused()  # tens of thousands of small objects, no cycles
def import_participants(event: Event, data: bytes, *, name: str, registry: Registry,
                        mapping: Mapping[str, str] | None = None,
                        today: dt.date | None = None,
                        decisions: Mapping[str, Organisation | str] | None = None,
                        add_organisations: bool = False) -> tuple[Event, ImportReport]:
    """Read a registration list (CSV or XLSX bytes) into the event's participants.

    Each row is imported as a new participant, merged into one it repeats
    (same participant id, registration id or e-mail — any case — else the same
    name, ignoring accents, case and word order, and organisation, unless their
    e-mails differ), held while its organisation is not settled, or rejected
    with the column and the reason. A merge fills and updates fields, never
    blanks them; a changed status is dated in the history (`today` unless the
    row gives a registration date). New people join their delegation.

    An organisation the registry lacks, or names for several States with no
    country to choose, is a proposal (`report.proposals`, one per distinct
    name): `decisions` settles them by key (an `Organisation` to add, as
    proposed or edited; an existing id; or `none`), and `add_organisations`
    adds every proposal that can be added as proposed. The entries to add are
    `report.added`: the caller saves them into the registry before the event.
    The event passed in is not changed; nothing is saved.

    Returns
    -------
    tuple of (Event, ImportReport)
        The event with the participants, and what became of each row.

    Raises
    ------
    UnreadableFile, UnknownColumn
        When the file cannot be read or `mapping` names what is not there.

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.model import Organisation
    >>> reg = Registry([Organisation(id="yemen", name="Yemen", type="state", iso="YE")])
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...               timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1))
    >>> text = ("Name;Email;Country;Organisation\\nDr Amina Hassan;amina@example.org;YE;\\n"
    ...         "Amina Hassan;AMINA@example.org;Yemen;\\nJo;jo@example;;\\n"
    ...         "Ali Saleh;ali@example.org;Yemen;Yemeni Red Crescent Society\\n")
    >>> new, report = import_participants(event, text.encode(), name="list.csv", registry=reg)
    >>> [str(fate) for fate in report.rows][:3]
    ['row 2 (Dr Amina Hassan): imported as amina-hassan', 'row 3 (Amina Hassan): merged into \
amina-hassan (same e-mail as row 2)', "row 4 (Jo): rejected: column 'Email': 'jo@example' is not \
an e-mail address"]
    >>> str(report.proposals[0])
    "'Yemeni Red Crescent Society': add as red-cross 'yemeni-red-crescent-society'; \
1 person (rows 5)"
    >>> new, report = import_participants(event, text.encode(), name="list.csv", registry=reg,
    ...                                   add_organisations=True)
    >>> [p.organisation for p in new.participants], [o.id for o in report.added]
    ([None, 'yemeni-red-crescent-society'], ['yemeni-red-crescent-society'])
    """
    table = read_table(data, name)
    columns, ignored = match_columns(table.header, mapping)
    if not set(columns.values()) & set(NAME_FIELDS):
        raise PlannerError(f"{name}: no name column among {', '.join(table.header)}; "
                           "name one with --map 'COLUMN=last_name'")
    report = ImportReport(name, table.layout, {table.header[i]: f for i, f in columns.items()},
                          ignored, blank_rows=table.blank_rows)
    day = today or dt.date.today()
    roster = _Roster(list(event.participants), name, day)
    run = _Import(table, columns, RowReader.for_event(event, registry, source=name, today=day),
                  roster)
    for row in table.rows:
        run.gather(row)
    finder = run.reader.organisations
    finder.merge_acronyms()
    report.added = apply_decisions(finder, decisions or {}, accept_all=add_organisations)
    report.proposals = list(finder.proposals.values())
    report.rows = [run.fate(row) for row in table.rows]
    report.proposals = list(finder.proposals.values())
    delegations = [d.model_copy(deep=True) for d in event.delegations]
    touched = {fate.participant for fate in report.rows if fate.participant}
    placed = {p for d in delegations for p in (d.head, *d.members) if p}
    for person in roster.people.values():
        if person.id in touched:
            _place(delegations, person, finder.registry, placed)
    updated = event.model_copy(update={"participants": list(roster.people.values()),
                                       "delegations": delegations})
    if problems := check_event(updated):
        raise PlannerError(f"{name}: the import would break the event: {problems[0][1]}")
    return updated, report
