"""Follow-up items as Decidim Accountability results, for a government portal to import."""

from __future__ import annotations

import datetime as dt

from planner.model import Event
from planner.outcomes.follow_up import assess_follow_up
from planner.tables import write_table

__all__ = ["ACCOUNTABILITY_COLUMNS", "accountability_rows", "export_accountability"]

#: Decidim Accountability's result columns, then ours.
ACCOUNTABILITY_COLUMNS: tuple[str, ...] = (
    "title", "description", "start_date", "end_date", "status", "progress",
    "owner", "recommendation_refs", "event",
)


def _title(text: str, width: int = 150) -> str:
    first = " ".join(text.split())
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


def accountability_rows(event: Event, *, as_of: dt.date) -> list[dict[str, str]]:
    """One result per follow-up item, every cell text, in `ACCOUNTABILITY_COLUMNS`.

    `start_date` is the first recorded update (else the day after the event),
    `end_date` the deadline, `owner` the lead organisations' ids joined by `; `.

    Examples
    --------
    >>> from planner.model import FollowUpItem
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...            follow_up=[FollowUpItem(heading="Data", text="Map", status="done",
    ...                                    lead=["unhcr"], links=["VII (i)"])])
    >>> accountability_rows(ev, as_of=dt.date(2011, 1, 1))[0]["progress"]
    '100'
    """
    report = assess_follow_up(event, as_of=as_of)
    rows = []
    for item, row in zip(event.follow_up, report.rows, strict=True):
        started = min((u.on for u in item.updates), default=event.end + dt.timedelta(days=1))
        rows.append({
            "title": _title(item.text),
            "description": f"{row.area}: {' '.join(item.text.split())}",
            "start_date": started.isoformat(),
            "end_date": row.deadline.isoformat() if row.deadline else "",
            "status": row.status,
            "progress": "" if row.progress is None else str(row.progress),
            "owner": "; ".join(row.owners),
            "recommendation_refs": "; ".join(item.links),
            "event": event.id,
        })
    return rows


def export_accountability(event: Event, *, as_of: dt.date) -> bytes:
    """The follow-up as a CSV file (UTF-8 with BOM) that no spreadsheet reads as formulas."""
    rows = accountability_rows(event, as_of=as_of)
    return write_table(ACCOUNTABILITY_COLUMNS,
                       [[row[c] for c in ACCOUNTABILITY_COLUMNS] for row in rows], fmt="csv")
