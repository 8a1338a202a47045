"""The participant list as a table of text: every column reads back through the import."""

from __future__ import annotations

from planner.model import NOT_COMING, Event, Participant, Registry
from planner.people.columns import EXPORT_COLUMNS, PUBLIC_COLUMNS

__all__ = ["participant_table"]


def _org_cell(org_id: str | None, registry: Registry) -> str:
    if org_id is None or org_id not in registry:
        return org_id or ""
    org = registry[org_id]
    # A name that would resolve to another entry is written as the id instead.
    for shown in (org.display_name, org.name):
        found = registry.resolve(shown)
        if found is not None and found.id == org_id:
            return shown
    return org_id


def _cell(person: Participant, field_name: str, registry: Registry) -> str:
    value = getattr(person, "id" if field_name == "participant_id" else field_name)
    if field_name in ("organisation", "country"):
        return _org_cell(value, registry)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def participant_table(event: Event, registry: Registry, *, public: bool = False,
                      ) -> tuple[list[str], list[list[str]]]:
    """The participant list as a header and rows of text, ready for `write_table`.

    Every column reads back through `planner participants import`. `public`
    keeps only people who consented to publication and are still coming, and
    leaves out contact details and personal data (see `PUBLIC_COLUMNS`).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     participants=[Participant(id="a", last_name="Hassan", email="a@example.org",
    ...                               consent_to_publish=True), Participant(id="b", last_name="B")])
    >>> participant_table(event, Registry([]), public=True)
    (['Title', 'First name', 'Last name', 'Position', 'Organisation', 'Country', 'Roles'], \
[['', '', 'Hassan', '', '', '', 'delegate']])
    """
    columns = [(h, f) for h, f in EXPORT_COLUMNS if not public or f in PUBLIC_COLUMNS]
    people = [p for p in event.participants
              if not public or (p.consent_to_publish and p.status not in NOT_COMING)]
    return ([h for h, _ in columns],
            [[_cell(p, f, registry) for _, f in columns] for p in people])
