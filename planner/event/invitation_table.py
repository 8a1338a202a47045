"""The invitation list as a table edits it: one row per invitee, and the list revised from
the edited rows (the app's Event page; the command line changes one entry at a time)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from planner.errors import PlannerError
from planner.event.invitations import (
    CATEGORY_ORDER,
    category_for,
    check_quota,
    invitee_name,
    parse_category,
    parse_status,
)
from planner.event.organisers import check_organisation, parse_source
from planner.model import Event, Invitee, InviteeCategory, InviteeStatus, Registry, SourceKind

__all__ = ["invitation_rows", "revise_invitations"]


def invitation_rows(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """Every entry of the invitation list as plain fields, in the file's order (grouped by
    category): `organisation`, `name`, `description`, `category`, `status`, `since`,
    `quota`, `observer`, `source`, `note`.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> row = invitation_rows(library.load("dar-es-salaam-2010"), library.registry)[0]
    >>> row["name"], row["category"], row["status"], row["source"]
    ('Burundi', 'governments', None, 'concept-note')
    """
    return [{"organisation": i.organisation, "name": invitee_name(i, registry),
             "description": i.description, "category": i.category.value,
             "status": i.status.value if i.status else None, "since": i.since,
             "quota": i.quota, "observer": i.observer, "source": i.source.value, "note": i.note}
            for i in event.invited]


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise PlannerError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def _quota(value: Any) -> int | None:
    # A table gives whole numbers as floats, and a blank cell as None or NaN.
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise PlannerError(f"'{value}' is not a number of delegates")


def _key(invitee: Invitee) -> tuple[object, ...]:
    return (invitee.organisation or invitee.description, invitee.source)


def _row_invitee(fields: Mapping[str, Any], event: Event, registry: Registry,
                 before: Mapping[tuple[object, ...], Invitee], today: dt.date) -> Invitee:
    org = str(fields.get("organisation") or "").strip() or None
    description = str(fields.get("description") or "").strip() or None
    if org is not None:
        check_organisation(org, registry)
    stated = parse_source(fields.get("source") or SourceKind.EDITOR, event)
    category = (parse_category(fields["category"]) if fields.get("category")
                else category_for(org, registry) if org else InviteeCategory.OTHER)
    status = parse_status(fields["status"]) if fields.get("status") else None
    old = before.get((org or description, stated))
    since = _date(fields.get("since"))
    if status is None and old is None and stated == SourceKind.EDITOR:
        status = InviteeStatus.TO_INVITE  # a row added to the organisers' own list
    if status is not None and old is None:
        since = since or today
    elif status is not None and old is not None and old.status != status and since == old.since:
        since = today  # a new status is dated today unless a date is typed with it
    name = registry[org].display_name if org else (description or "")
    return Invitee(organisation=org, description=description, category=category,
                   source=stated, observer=bool(fields.get("observer")),
                   note=str(fields.get("note") or "").strip() or None, status=status,
                   since=since, quota=check_quota(_quota(fields.get("quota")), category, name))


def revise_invitations(event: Event, rows: Sequence[Mapping[str, Any]], *,
                       registry: Registry, on: dt.date | None = None) -> Event:
    """A copy of `event` whose invitation list is `rows`, as a table edits them (the shape
    `invitation_rows` gives; `name` is ignored), grouped by category in their order.

    A row without organisation and description is left out; a row added without
    category takes the one the registry type gives, and without status on the
    organisers' list, `to-invite`. A status changed without a new date is dated `on`
    (today by default).

    Raises
    ------
    PlannerError
        Naming the row, for an unknown organisation, category or status, a bad quota, or
        an organisation listed twice for the same source.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> rows = invitation_rows(dar, library.registry)
    >>> rows[3] |= {"status": "accepted", "quota": 3.0}
    >>> revised = revise_invitations(dar, [*rows, {"organisation": "nrc"}], on=dt.date(2010, 7,
    ...                              1), registry=library.registry)
    >>> revised.invited[3].status.value, revised.invited[3].since, revised.invited[3].quota
    ('accepted', datetime.date(2010, 7, 1), 3)
    >>> revised.invited[-1].category.value, revised.invited[-1].status.value
    ('civil-society', 'to-invite')
    >>> revise_invitations(dar, [rows[0], {}, rows[0]], registry=library.registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: row 3: Burundi is already on the list in row 1
    """
    today = on or dt.date.today()
    before = {_key(i): i for i in event.invited}
    entries: list[tuple[int, Invitee]] = []
    for number, fields in enumerate(rows, 1):
        if not fields.get("organisation") and not fields.get("description"):
            continue
        try:
            entry = _row_invitee(fields, event, registry, before, today)
        except PlannerError as err:
            raise PlannerError(f"row {number}: {err}") from None
        twice = next((n for n, e in entries if _key(e) == _key(entry)), None)
        if twice is not None:
            raise PlannerError(f"row {number}: {invitee_name(entry, registry)} is already on "
                               f"the list in row {twice}")
        entries.append((number, entry))
    ordered = sorted((e for _, e in entries), key=lambda e: CATEGORY_ORDER[e.category])
    return event.model_copy(update={"invited": ordered})
