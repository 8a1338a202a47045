"""Follow-up of an event's outcomes: owners, deadlines, progress, and what needs attention."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

from planner.errors import Finding, PlannerError
from planner.model import Event, FollowUpItem, FollowUpStatus, SourceKind, Update

__all__ = [
    "CATEGORIES",
    "STALE_AFTER_MONTHS",
    "FollowUpReport",
    "FollowUpRow",
    "assess_follow_up",
    "categorise",
    "find_item",
    "item_key",
    "months_before",
    "record_update",
    "track_action_plan",
]

#: Where an item stands, in the order summaries list them; every item is in exactly one.
CATEGORIES: tuple[str, ...] = ("done", "in progress", "overdue", "planned", "dropped")
#: An open item with no update for this many months is flagged.
STALE_AFTER_MONTHS = 6
NO_OWNER = "(no owner)"
NO_HEADING = "(no heading)"
_CLOSED = frozenset({FollowUpStatus.DONE, FollowUpStatus.DROPPED})
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_WHEN = re.compile(r"(?:\b([A-Za-z]+)\s+)?\b((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class FollowUpRow:
    """One follow-up item as assessed on a date."""

    key: str
    """The item's id, or its 1-based position when it has none."""
    area: str
    """The item's thematic heading (the area of the plan it serves)."""
    text: str
    owner: str | None
    """The lead owner: the first organisation of the item's `lead`."""
    owners: tuple[str, ...]
    deadline: dt.date | None
    deadline_from: str | None
    """`deadline` when set on the item, `when` when read from its printed date."""
    status: str
    category: str
    """One of `CATEGORIES`."""
    progress: int | None
    last_update: dt.date | None
    flags: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The row as plain data for `--json`, documents and the app."""
        data = asdict(self)
        data["flags"] = [flag.to_dict() for flag in self.flags]
        return data


@dataclass(frozen=True)
class FollowUpReport:
    """The follow-up of an event on a date: every item, its flags, and the summaries."""

    event: str
    as_of: dt.date
    rows: tuple[FollowUpRow, ...]
    totals: dict[str, int]
    """Items per category; the values add up to the number of rows."""
    by_area: dict[str, dict[str, int]]
    """Area → category → items; each item counts once."""
    by_owner: dict[str, dict[str, int]]
    """Lead owner → category → items; each item counts once, `(no owner)` included."""

    @property
    def findings(self) -> list[Finding]:
        """Every flag of every row, in item order."""
        return [flag for row in self.rows for flag in row.flags]

    def to_dict(self) -> dict[str, object]:
        """The report as plain data for `--json`, documents and the app."""
        return {"event": self.event, "as_of": self.as_of.isoformat(),
                "rows": [row.to_dict() for row in self.rows], "totals": self.totals,
                "by_area": self.by_area, "by_owner": self.by_owner,
                "findings": [flag.to_dict() for flag in self.findings]}


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier, clamped to the month's end.

    Examples
    --------
    >>> months_before(dt.date(2012, 8, 31), 6)
    datetime.date(2012, 2, 29)
    """
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def item_key(item: FollowUpItem, position: int) -> str:
    """How commands name an item: its id, else its 1-based position.

    Examples
    --------
    >>> item_key(FollowUpItem(text="t", status="done"), 3)
    '3'
    """
    return item.id or str(position)


def find_item(event: Event, key: str) -> int:
    """The index in `event.follow_up` of the item named `key` (id first, then position).

    Examples
    --------
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...            follow_up=[FollowUpItem(text="a", status="planned", id="wg")])
    >>> find_item(ev, "wg"), find_item(ev, "1")
    (0, 0)
    """
    for index, item in enumerate(event.follow_up):
        if item.id == key:
            return index
    if key.isdigit() and 1 <= int(key) <= len(event.follow_up):
        return int(key) - 1
    known = ", ".join(item_key(i, n) for n, i in enumerate(event.follow_up, 1)) or "none"
    raise PlannerError(f"no follow-up item '{key}' in '{event.id}' (known: {known})")


def _deadline(item: FollowUpItem) -> tuple[dt.date | None, str | None]:
    if item.deadline is not None:
        return item.deadline, "deadline"
    # An open item's printed date (`towards the end of 2012`) is the date it is due by.
    found = _WHEN.search(item.when or "") if item.status not in _CLOSED else None
    if found is None:
        return None, None
    year, month = int(found.group(2)), _MONTHS.get((found.group(1) or "").lower(), 12)
    return dt.date(year, month, calendar.monthrange(year, month)[1]), "when"


def categorise(status: FollowUpStatus, deadline: dt.date | None, as_of: dt.date) -> str:
    """The category of `CATEGORIES` an item is in on `as_of`.

    Examples
    --------
    >>> categorise(FollowUpStatus.TARGET, dt.date(2012, 12, 31), dt.date(2013, 1, 1))
    'overdue'
    >>> categorise(FollowUpStatus.IN_PROGRESS, None, dt.date(2013, 1, 1))
    'in progress'
    """
    if status in _CLOSED:
        return status.value
    if deadline is not None and deadline < as_of:
        return "overdue"
    return "in progress" if status == FollowUpStatus.IN_PROGRESS else "planned"


def _flags(row: FollowUpRow, event: Event, as_of: dt.date) -> tuple[Finding, ...]:
    what = f"item {row.key} ({row.area}: '{_short(row.text)}')"
    flags = []
    if row.owner is None:
        flags.append(Finding("no-owner", f"{what} has no owner", row.key))
    if row.status in {s.value for s in _CLOSED}:
        return tuple(flags)
    if row.deadline is None:
        flags.append(Finding("no-deadline", f"{what} has no deadline", row.key))
    elif row.deadline < as_of:
        flags.append(Finding("overdue", f"{what} was due {row.deadline} and is "
                                        f"{row.status} on {as_of}", row.key))
    since = row.last_update or event.end
    if since < months_before(as_of, STALE_AFTER_MONTHS):
        told = (f"was last updated on {since}" if row.last_update
                else f"has not been updated since the event ended on {since}")
        flags.append(Finding("no-update", f"{what} {told}: no update for more than "
                                          f"{STALE_AFTER_MONTHS} months", row.key))
    return tuple(flags)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _areas(items: list[FollowUpItem]) -> dict[str, str]:
    # Sources print the same heading in capitals and in sentence case; one area each.
    names: dict[str, str] = {}
    for item in items:
        heading = " ".join((item.heading or NO_HEADING).split())
        known = names.get(heading.casefold())
        if known is None or (known.isupper() and not heading.isupper()):
            names[heading.casefold()] = heading
    return names


def _row(item: FollowUpItem, key: str, area: str, as_of: dt.date) -> FollowUpRow:
    deadline, deadline_from = _deadline(item)
    progress = item.progress
    for update in sorted(item.updates, key=lambda u: u.on):
        progress = update.progress if update.progress is not None else progress
    if progress is None and item.status == FollowUpStatus.DONE:
        progress = 100
    return FollowUpRow(
        key=key, area=area, text=item.text, owner=item.lead[0] if item.lead else None,
        owners=tuple(item.lead), deadline=deadline, deadline_from=deadline_from,
        status=item.status.value, category=categorise(item.status, deadline, as_of),
        progress=progress, last_update=max((u.on for u in item.updates), default=None))


def _tally(rows: tuple[FollowUpRow, ...], by: str) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[getattr(row, by) or NO_OWNER][row.category] += 1
    return {name: {c: tally[c] for c in CATEGORIES if tally[c]} for name, tally in counts.items()}


def assess_follow_up(event: Event, *, as_of: dt.date) -> FollowUpReport:
    """Every follow-up item of `event` with its owner, deadline, status and flags on `as_of`.

    Flags (as `Finding`): `no-owner`; and for open items (not done or dropped)
    `no-deadline`, `overdue` (deadline before `as_of`) and `no-update` (nothing
    recorded for `STALE_AFTER_MONTHS` months; an item never updated counts from
    the event's end). An item without a `deadline` whose printed `when` names a
    year (`towards the end of 2012`) is due by the end of that year or month.

    Examples
    --------
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...            follow_up=[FollowUpItem(text="Train", status="planned", lead=["unhcr"],
    ...                                    deadline=dt.date(2011, 1, 1))])
    >>> report = assess_follow_up(ev, as_of=dt.date(2011, 6, 1))
    >>> [f.kind for f in report.findings], report.totals
    (['overdue', 'no-update'], {'overdue': 1})
    """
    areas = _areas(event.follow_up)
    rows = []
    for position, item in enumerate(event.follow_up, 1):
        area = areas[" ".join((item.heading or NO_HEADING).split()).casefold()]
        row = _row(item, item_key(item, position), area, as_of)
        rows.append(FollowUpRow(**{**row.__dict__, "flags": _flags(row, event, as_of)}))
    frozen = tuple(rows)
    totals = Counter(row.category for row in frozen)
    return FollowUpReport(event=event.id, as_of=as_of, rows=frozen,
                          totals={c: totals[c] for c in CATEGORIES if totals[c]},
                          by_area=_tally(frozen, "area"), by_owner=_tally(frozen, "owner"))


def record_update(event: Event, key: str, *, on: dt.date, status: str | None = None,
                  progress: int | None = None, text: str | None = None,
                  evidence: str | None = None) -> Event:
    """A copy of `event` whose item `key` has a new dated update (status, progress, evidence).

    The item's own `status` and `progress` take the new values; the timeline
    stays in date order. Nothing is saved: the caller saves the returned event.

    Examples
    --------
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...            follow_up=[FollowUpItem(text="Train", status="planned")])
    >>> new = record_update(ev, "1", on=dt.date(2011, 2, 1), status="in-progress", progress=40)
    >>> new.follow_up[0].status.value, new.follow_up[0].progress, len(new.follow_up[0].updates)
    ('in-progress', 40, 1)
    """
    index = find_item(event, key)
    item = event.follow_up[index]
    state = _status(status) if status is not None else None
    if progress is not None and not 0 <= progress <= 100:
        raise PlannerError(f"progress must be between 0 and 100, not {progress}")
    said = text or "; ".join(filter(None, (
        f"status {state.value}" if state else None,
        f"progress {progress}%" if progress is not None else None))) or "checked"
    update = Update(on=on, text=said, status=state, progress=progress, evidence=evidence)
    changed = item.model_copy(update={
        "updates": sorted([*item.updates, update], key=lambda u: u.on),
        "status": state or item.status,
        "progress": progress if progress is not None else item.progress}, deep=True)
    follow_up = [*event.follow_up[:index], changed, *event.follow_up[index + 1:]]
    return event.model_copy(update={"follow_up": follow_up})


def _status(value: str) -> FollowUpStatus:
    try:
        return FollowUpStatus(value)
    except ValueError:
        choices = ", ".join(s.value for s in FollowUpStatus)
        raise PlannerError(f"unknown status '{value}'; choose from {choices}") from None


def track_action_plan(event: Event) -> Event:
    """A copy of `event` with a follow-up item for each action of its plan not yet tracked.

    Each item is `action-<key>` (`action-i-5-5`), under the area's heading, with
    the action's owners as lead, its deadline, and its references as links.

    Examples
    --------
    >>> from planner.model import Action, ActionPlan, Area, SubTheme
    >>> plan = ActionPlan(title="P", areas=[Area(number="I", heading="Data", sub_themes=[
    ...     SubTheme(actions=[Action(text="Map", references=["VII (i)"], owners=["iom"])])])])
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...            action_plan=plan)
    >>> [(i.id, i.lead, i.links) for i in track_action_plan(ev).follow_up]
    [('action-i-1-1', ['iom'], ['VII (i)'])]
    """
    if event.action_plan is None:
        raise PlannerError(f"'{event.id}' has no action plan to track")
    known = {item.id for item in event.follow_up}
    added = []
    for area in event.action_plan.areas:
        for s, sub_theme in enumerate(area.sub_themes, 1):
            for a, action in enumerate(sub_theme.actions, 1):
                words = f"action {area.number} {s} {a}".lower()
                item_id = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
                if item_id not in known:
                    added.append(FollowUpItem(
                        id=item_id, heading=area.heading, text=action.text,
                        status=FollowUpStatus.PLANNED, lead=list(action.owners),
                        deadline=action.deadline, links=list(action.references),
                        source=SourceKind.EDITOR))
    return event.model_copy(update={"follow_up": [*event.follow_up, *added]})
