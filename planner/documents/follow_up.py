"""The follow-up report: activities by theme with owner, status, dates, progress, and
what is overdue, as `planner.outcomes.follow_up` assesses them on a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.dates import format_date, format_date_range
from planner.documents.wording import (
    Context,
    fit_columns,
    frame,
    join_names,
    keep_rows,
    line,
    name_of,
)
from planner.language import N_, _, current, in_language, labelled, untranslated
from planner.model import Event, FollowUpItem, FollowUpStatus, Registry
from planner.outcomes import follow_up as assessed
from planner.outcomes.follow_up import (
    CATEGORIES,
    FollowUpRow,
    assess_follow_up,
)
from planner.outcomes.progress import area_name, summarise_progress

__all__ = ["PROGRESS_HEADING", "PROGRESS_NAMED", "follow_up_context", "progress_context"]

PROGRESS_HEADING = N_("Progress since the last conference")


#: What the report calls an owner not yet named (the assessment's marker is not for print).
NO_OWNER = N_("owner to be named")
#: The follow-up table: (heading, activity key); a column no activity fills is left out.
TABLE = ((N_("Activity"), "text"), (N_("Owner"), "owner"), (N_("Status"), "status"),
         (N_("Dates"), "dates"), (N_("Progress"), "progress"))
#: The width of the portrait A4 page inside its margins, in twips.
PAGE_WIDTH = 9_412


def _owners(row: FollowUpRow, registry: Registry) -> str:
    return join_names(name_of(owner, registry) for owner in row.owners)


def _heading(area: str, event: Event, registry: Registry) -> str:
    # Headings the record prints in capitals read like the others (one rule, in outcomes).
    known = [i.heading or "" for i in event.follow_up]
    name = area_name(area, known=[*known, event.title, event.city,
                                  name_of(event.country, registry)])
    return _area_words(name)


def _area_words(name: str) -> str:
    # An area named as the 10-Point Plan names one is the toolkit's wording, in the
    # catalogues; any other is the organisers'.
    return _(name) if _(name) != name else untranslated(name)


def _table(themes: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    rows = [a for activities in themes.values() for a in activities]
    shown = [(_(h), k) for h, k in TABLE if k == "text" or any(a[k] for a in rows)]
    widths = fit_columns([h for h, _ in shown], [[a[k] for a in rows] for _, k in shown],
                         width=PAGE_WIDTH)
    return {"grid": [{"heading": h, "width": w} for (h, _), w in zip(shown, widths, strict=True)],
            "themes": [{"heading": heading, "rows": keep_rows(
                [{"cells": [a[k] for _, k in shown]} | a for a in activities])}
                for heading, activities in themes.items()]}


def _dates(row: FollowUpRow, item: FollowUpItem) -> str:
    due = _("due {date}").format(date=format_date(row.deadline)) if row.deadline else ""
    updated = _("updated {date}").format(date=format_date(row.last_update)) \
        if row.last_update else ""
    return "; ".join(filter(None, (untranslated(item.when or ""), due, updated)))


def _activity(row: FollowUpRow, item: FollowUpItem, registry: Registry) -> dict[str, Any]:
    status = _(FollowUpStatus(row.status).label)
    return {"text": untranslated(row.text), "owner": _owners(row, registry),
            "status": _("{status} (overdue)").format(status=status)
            if row.category == "overdue" else status,
            "category": row.category, "dates": _dates(row, item),
            "progress": f"{row.progress}%" if row.progress is not None else ""}


def _counts(tally: dict[str, int]) -> str:
    return ", ".join(_("{count} {category}").format(count=count, category=_(category))
                     for category, count in tally.items())


def _summary(report: Any, event: Event, registry: Registry) -> list[dict[str, str]]:
    totals = report.totals
    lines = [line("text", _("{count} activities: {counts}.").format(
        count=len(report.rows), counts=_counts(totals)) if totals
        else _("No follow-up activities are recorded."))]
    if report.by_area:
        lines.append(line("heading3", _("By theme")))
        lines += [line("bullet", labelled(_heading(area, event, registry), _counts(tally)))
                  for area, tally in report.by_area.items()]
    if report.by_owner:
        lines.append(line("heading3", _("By owner")))
        lines += [line("bullet", labelled(_owner_name(owner, registry), _counts(tally)))
                  for owner, tally in report.by_owner.items()]
    return lines


def _owner_name(owner: str, registry: Registry) -> str:
    return _("Owner to be named") if owner == assessed.NO_OWNER else name_of(owner, registry)


def _progress_item(item: dict[str, Any], registry: Registry) -> dict[str, str]:
    owner = join_names(name_of(o, registry) for o in item["owners"]) or _(NO_OWNER)
    text = untranslated(" ".join(str(item["text"]).split()))
    deadline = item["deadline"]
    due = ", " + _("due {date}").format(date=format_date(dt.date.fromisoformat(deadline))) \
        if deadline else ""
    return line("bullet", f"{text} ({_area_words(item['area'])}; {owner}{due})")


#: The categories of `planner.outcomes.follow_up.CATEGORIES` and the heading of activities
#: under none (`area_name`), for the catalogues.
_CATEGORY_WORDS = (N_("done"), N_("in progress"), N_("overdue"), N_("planned"), N_("dropped"),
                   N_("Other activities"))
#: What needs attention, by the kind of finding (the assessment words it in English).
_FINDINGS = {"no-owner": N_("{what} has no owner"), "no-deadline": N_("{what} has no deadline"),
             "updated": N_("{what} was last updated on {date}: no update for more than "
                           "{months} months"),
             "no-update": N_("{what} has not been updated since the event ended on {date}: "
                             "no update for more than {months} months")}


def _attention(report: Any, event: Event, registry: Registry) -> list[str]:
    if current() == "en":  # as the assessment words them, the same in the CLI and here
        return [flag.message for flag in report.findings if flag.kind != "overdue"]
    found = []
    for row in report.rows:
        what = _("item {key} ({area}: '{text}')").format(
            key=row.key, area=_heading(row.area, event, registry), text=untranslated(row.text))
        for flag in row.flags:
            if flag.kind == "overdue":
                continue
            kind = "updated" if flag.kind == "no-update" and row.last_update else flag.kind
            date = format_date(row.last_update or event.end)
            found.append(_(_FINDINGS[kind]).format(what=what, date=date,
                                                   months=assessed.STALE_AFTER_MONTHS))
    return found


#: How many overdue activities the concept note names; the follow-up report lists them all.
PROGRESS_NAMED = 5


def progress_context(previous: Event | None, *, registry: Registry,
                     as_of: dt.date) -> dict[str, Any] | None:
    """"Progress since the last conference", short enough for a concept note: the previous
    event's follow-up counted by status and by area as of a date, and the few activities
    overdue (at most `PROGRESS_NAMED`); none without a previous event. The follow-up report
    has the full list.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> progress = progress_context(library.load("dar-es-salaam-2010"),
    ...                             registry=library.registry, as_of=dt.date(2012, 11, 5))
    >>> progress["heading"], progress["lines"][1]
    ('Progress since the last conference', {'style': 'heading3', 'text': 'By area'})
    """
    if previous is None:
        return None
    summary = summarise_progress(previous, as_of=as_of)
    where = f"{previous.city}, {format_date_range(previous.start, previous.end)}"
    total = sum(summary.totals.values())
    title = in_language(previous, "title")
    words = {"title": title, "where": where, "total": total, "date": format_date(as_of),
             "counts": _counts(summary.totals)}
    lines = [line("text", _("{title} ({where}): {total} follow-up activities as of {date}: "
                            "{counts}.").format(**words) if total else
                  _("{title} ({where}) recorded no follow-up activities.").format(**words))]
    if summary.by_area:
        lines.append(line("heading3", _("By area")))
        lines += [line("bullet", labelled(_area_words(area), _counts(tally)))
                  for area, tally in summary.by_area.items()]
    overdue = summary.items.get("overdue", [])
    if overdue:
        lines.append(line("heading3", _("Overdue ({count})").format(count=len(overdue))))
        lines += [_progress_item(item, registry) for item in overdue[:PROGRESS_NAMED]]
        if len(overdue) > PROGRESS_NAMED:
            lines.append(line("text", _("… and {count} more; the follow-up report lists "
                                        "every activity.").format(
                count=len(overdue) - PROGRESS_NAMED)))
    return {"heading": _(PROGRESS_HEADING), "event": title,
            "as_of": format_date(as_of), "totals": summary.totals, "lines": lines}


def follow_up_context(event: Event, *, registry: Registry, as_of: dt.date,
                      previous: Event | None = None) -> Context:
    """Follow-up activities by theme as assessed on `as_of`, with the summaries by theme
    and owner, what is overdue, and what else needs attention; with `previous`, the
    progress on the previous event's follow-up (see `progress_context`).

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> ctx = follow_up_context(library.load("dar-es-salaam-2010"), registry=library.registry,
    ...                         as_of=dt.date(2012, 1, 31))
    >>> ctx["as_of"], ctx["themes"][0]["heading"] != ""
    ('31 January 2012', True)
    """
    report = assess_follow_up(event, as_of=as_of)
    themes: dict[str, list[dict[str, Any]]] = {}
    for row, item in zip(report.rows, event.follow_up, strict=True):
        themes.setdefault(_heading(row.area, event, registry), []).append(
            _activity(row, item, registry))
    overdue = [f"{untranslated(row.text)} — {_owners(row, registry) or _(NO_OWNER)}, "
               + _("due {date}").format(date=format_date(row.deadline)) for row in report.rows
               if row.category == "overdue" and row.deadline]
    attention = _attention(report, event, registry)
    return frame("follow-up", event, registry) | {
        "as_of": format_date(as_of), "categories": list(CATEGORIES),
        "summary": _summary(report, event, registry),
        **_table(themes),
        "overdue": overdue, "attention": attention,
        "progress": progress_context(previous, registry=registry, as_of=as_of),
    }
