"""Benchmarks of participants: importing a registration list, balance, export."""

from __future__ import annotations

import random
from functools import cache

from planner.library import Library
from planner.model import Event
from planner.people.balance import check_balance, measure_balance
from planner.people.importing import import_participants
from planner.people.lists import participant_table
from planner.tables import write_table

EVENT = "dar-es-salaam-2010"
SIZE = 300
_HEADER = ("ID,First Name,Last Name,Email Address,Affiliation,Position,Country,Title,"
           "Phone Number,Registration date,Registration state,Tags")


@cache
def _library() -> Library:
    return Library.open()


@cache
def registration_list(size: int = SIZE, seed: int = 7) -> bytes:
    """An Indico-style export of `size` rows: government delegates, agencies and NGOs."""
    rng = random.Random(seed)  # noqa: S311 -- test data, not secrets
    registry = _library().registry
    states = sorted(o.short_name or o.name for o in registry if o.type == "state")
    others = sorted(o.acronym or o.name for o in registry
                    if o.type in ("un-agency", "ngo", "intergovernmental"))
    lines = [_HEADER]
    for i in range(size):
        country = rng.choice(states)
        affiliation = country if rng.random() < 0.6 else rng.choice(others)
        lines.append(f"{i},Name{i},Surname{rng.randrange(size)},p{i}@example.org,"
                     f'"{affiliation}",Officer,"{country}",Ms,+1 555 {i:04d},'
                     f"2010-08-{1 + i % 28:02d},complete,")
    return "\n".join(lines).encode()


@cache
def _event() -> Event:
    return _library().load(EVENT).model_copy(update={"participants": [], "delegations": []})


@cache
def imported_event() -> Event:
    """The Dar es Salaam event with the list of `registration_list` imported."""
    event, _ = import_participants(_event(), registration_list(), name="list.csv",
                                   registry=_library().registry)
    return event


def import_list() -> int:
    """Import 300 rows: read, match affiliations and countries, de-duplicate."""
    _, report = import_participants(_event(), registration_list(), name="list.csv",
                                    registry=_library().registry)
    return report.counts()["imported"]


def balance() -> int:
    """Measures and warnings of a 300-participant event."""
    event, registry = imported_event(), _library().registry
    return len(measure_balance(event, registry)) + len(check_balance(event, registry))


def export_xlsx() -> int:
    """The full participant list of 300 people as XLSX bytes."""
    header, rows = participant_table(imported_event(), _library().registry)
    return len(write_table(header, rows, fmt="xlsx"))


TARGETS = [
    ("import a 300-row registration list", import_list, 150.0),
    ("balance of a 300-participant event", balance, 50.0),
    ("export 300 participants as XLSX", export_xlsx, 200.0),
]
