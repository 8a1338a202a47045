"""Participants from registration lists: import with a row-by-row report, merge, export."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Literal

from planner.errors import PlannerError
from planner.library.integrity import check_event
from planner.model import (
    Delegation,
    Event,
    Participant,
    ParticipantRole,
    Registry,
    StatusChange,
    normalise_name,
)
from planner.people.columns import NAME_FIELDS, RowReader, match_columns
from planner.people.delegations import organisation_delegation
from planner.tables import Table, TableRow, read_table

__all__ = [
    "ImportReport",
    "RowFate",
    "import_participants",
]

Outcome = Literal["imported", "merged", "rejected"]


@dataclass(frozen=True)
class RowFate:
    """What became of one row of an imported file."""

    row: int
    """Row number as a spreadsheet shows it; the header is row 1."""
    outcome: Outcome
    participant: str | None = None
    """Id of the participant the row created or was merged into."""
    column: str | None = None
    """For a rejected row: the column at fault, as the file names it."""
    reason: str | None = None
    """Why it was rejected, or whom it was merged with."""
    notes: tuple[str, ...] = ()
    """Further problems of a rejected row; what a merge changed."""

    def __str__(self) -> str:
        if self.outcome == "rejected":
            where = f"column '{self.column}': " if self.column else ""
            text = f"row {self.row}: rejected: {where}{self.reason}"
        elif self.outcome == "merged":
            text = f"row {self.row}: merged into {self.participant} ({self.reason})"
        else:
            text = f"row {self.row}: imported as {self.participant}"
        return "; ".join((text, *self.notes))


@dataclass
class ImportReport:
    """Every row of a file with its fate, and how the file was read."""

    source: str
    layout: str
    columns: dict[str, str]
    """Field read from each recognised column, by the file's column name."""
    ignored: list[str]
    """Columns that were not read."""
    rows: list[RowFate] = field(default_factory=list)
    blank_rows: int = 0

    def counts(self) -> dict[str, int]:
        """Rows imported, merged and rejected, and their total.

        Examples
        --------
        >>> ImportReport("x.csv", "CSV", {}, [], [RowFate(2, "imported", "a")]).counts()
        {'rows': 1, 'imported': 1, 'merged': 0, 'rejected': 0}
        """
        outcomes = [fate.outcome for fate in self.rows]
        return {"rows": len(self.rows), **{k: outcomes.count(k)
                                           for k in ("imported", "merged", "rejected")}}

    def fate(self, row: int) -> RowFate:
        """The fate of the row numbered `row`."""
        return next(fate for fate in self.rows if fate.row == row)

    def summary(self) -> str:
        """One line: what was read and what became of it."""
        c = self.counts()
        text = (f"{self.source} ({self.layout}): {c['rows']} rows: {c['imported']} imported, "
                f"{c['merged']} merged, {c['rejected']} rejected")
        if self.blank_rows:
            text += f"; {self.blank_rows} blank rows skipped"
        return text

    def lines(self) -> list[str]:
        """The report as text: summary, ignored columns, then one line per row."""
        hints = [f"column '{name}' not read (use --map '{name}=FIELD' to read it)"
                 for name in self.ignored]
        return [self.summary(), *hints, *map(str, self.rows)]

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data for `--json` and the app."""
        return {"source": self.source, "layout": self.layout, "counts": self.counts(),
                "columns": self.columns, "ignored": self.ignored,
                "blank_rows": self.blank_rows, "rows": [asdict(f) for f in self.rows]}


# --- the roster: participants matched by id, e-mail, name and organisation ----------------

_EMPTY: tuple[Any, ...] = (None, "", [], False)


def _fold(text: str) -> str:
    # Like normalise_name, but keeps letters outside ASCII: "أمينة" must not match "Ωμέγα".
    letters = (ch for ch in unicodedata.normalize("NFKD", text).casefold()
               if not unicodedata.combining(ch))
    return " ".join("".join(ch if ch.isalnum() else " " for ch in letters).split())


def _name_key(data: Mapping[str, Any]) -> tuple[str, str | None]:
    name = _fold(" ".join(filter(None, (data.get("first_name"), data.get("last_name")))))
    return name, data.get("organisation")


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
        for name, value in values.items():
            if name not in Participant.model_fields or name == "id":
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

    def problems(self, row: TableRow, values: dict[str, Any],
                 bad: list[tuple[str, str]]) -> list[tuple[str, str]]:
        header_of = {fld: self.table.header[i] for i, fld in self.columns.items()}
        found = [(self.table.header[i], reason) for i, reason in row.unreadable.items()]
        found += [(header_of[fld], reason) for fld, reason in bad]
        if not values.get("last_name"):
            named = [header_of[f] for f in NAME_FIELDS if f in header_of]
            found.insert(0, (" / ".join(named), "no name"))
        return found

    def fate(self, row: TableRow) -> RowFate:
        values, bad = self.reader.read(self.cells(row))
        problems = self.problems(row, values, bad)
        if problems:
            (column, reason), *more = problems
            return RowFate(row.number, "rejected", column=column, reason=reason,
                           notes=tuple(f"column '{c}': {r}" for c, r in more))
        found = self.roster.match(values)
        if found:
            notes = self.roster.merge(found[0], values, row.number)
            return RowFate(row.number, "merged", found[0], reason=found[1], notes=notes)
        person = self.roster.add(values, row.number, self.reader.registry)
        return RowFate(row.number, "imported", person.id)


def _place(delegations: list[Delegation], person: Participant, registry: Registry) -> None:
    if any(person.id == d.head or person.id in d.members for d in delegations):
        return
    org_id = organisation_delegation(person, registry)
    if org_id is None:
        return
    delegation = next((d for d in delegations if d.organisation == org_id), None)
    if delegation is None:
        delegation = Delegation(organisation=org_id)
        delegations.append(delegation)
    delegation.members.append(person.id)
    if delegation.head is None and ParticipantRole.HEAD_OF_DELEGATION in person.roles:
        delegation.head = person.id


def import_participants(event: Event, data: bytes, *, name: str, registry: Registry,
                        mapping: Mapping[str, str] | None = None,
                        today: dt.date | None = None) -> tuple[Event, ImportReport]:
    """Read a registration list (CSV or XLSX bytes) into the event's participants.

    Each row is imported as a new participant, merged into one it repeats
    (same participant id, registration id or e-mail — any case — else the same
    name and organisation, unless their e-mails differ), or rejected with the
    column and the reason. A merge fills and updates fields, never blanks
    them; a changed status is dated in the history (`today` unless the row
    gives a registration date). New people join their delegation. The event
    passed in is not changed; nothing is saved.

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
    >>> text = ("Name;Email;Country\\nDr Amina Hassan;amina@example.org;YE\\n"
    ...         "Amina Hassan;AMINA@example.org;Yemen\\nJo;jo@example;\\n")
    >>> new, report = import_participants(event, text.encode(), name="list.csv", registry=reg)
    >>> [str(fate) for fate in report.rows]
    ['row 2: imported as amina-hassan', 'row 3: merged into amina-hassan (same e-mail as row 2)', \
"row 4: rejected: column 'Email': 'jo@example' is not an e-mail address"]
    >>> new.participants[0].name, new.participants[0].country
    ('Dr Amina Hassan', 'yemen')
    """
    table = read_table(data, name)
    columns, ignored = match_columns(table.header, mapping)
    if not set(columns.values()) & set(NAME_FIELDS):
        raise PlannerError(f"{name}: no name column among {', '.join(table.header)}; "
                           "name one with --map 'COLUMN=last_name'")
    report = ImportReport(name, table.layout, {table.header[i]: f for i, f in columns.items()},
                          ignored, blank_rows=table.blank_rows)
    roster = _Roster(list(event.participants), name, today or dt.date.today())
    run = _Import(table, columns, RowReader.for_event(event, registry), roster)
    report.rows = [run.fate(row) for row in table.rows]
    delegations = [d.model_copy(deep=True) for d in event.delegations]
    touched = {fate.participant for fate in report.rows if fate.participant}
    for person in roster.people.values():
        if person.id in touched:
            _place(delegations, person, registry)
    updated = event.model_copy(update={"participants": list(roster.people.values()),
                                       "delegations": delegations})
    if problems := check_event(updated):
        raise PlannerError(f"{name}: the import would break the event: {problems[0][1]}")
    return updated, report
